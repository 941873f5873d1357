"""Mention detection and coreference scores, pure Python.

Mentions are `(start, end)` character spans. Every score is returned as
`Counts` (numerators and denominators of precision and recall) so that
documents are micro-averaged by adding their counts before `prf`.

Mention matching (`match_mentions`) is one-to-one:
  exact  a predicted span matches a gold span with the same (start, end);
  head   a predicted span matches a gold span when it lies inside it and
         contains the gold span's head character (`head_of(start, end)`,
         supplied by the caller).
When several pairs are possible, pairs are taken greedily: exact spans first,
then the smallest difference in length, then document order.

Coreference is scored on clusters of mention ids (any hashable). Before
scoring, `coref_ids` gives each predicted mention the id of the gold mention
it matched, or a fresh id of its own if it matched none, so key (gold) and
response (predicted) clusters share ids exactly where the mentions matched.
Mentions found on one side only ("twinless") are then handled as follows:

  b_cubed, muc, ceaf_e  the formulas of the CoNLL reference scorer
      (Pradhan et al. 2014): recall sums over key mentions/clusters,
      precision over response ones; a twinless key mention adds nothing to
      the recall numerator but counts in its denominator (it lowers recall),
      and a twinless response mention lowers precision the same way.
  with_twinless_singletons  the variant asked for in the brief: score over
      the union of mentions, each twinless mention added as a singleton to
      the side that lacks it. For B-cubed this credits every twinless
      mention: a spurious predicted singleton scores P = R = 1 for itself,
      and a missed gold mention scores precision 1 (Cai & Strube 2010 discuss
      why). MUC ignores singletons, so it gives the same MUC either way.

Run this file to run the self-test.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import NamedTuple

Span = tuple[int, int]
Cluster = frozenset  # of mention ids


class Counts(NamedTuple):
    """Precision and recall as numerator/denominator pairs, summable over documents."""

    p_num: float = 0.0
    p_den: float = 0.0
    r_num: float = 0.0
    r_den: float = 0.0


def add(counts: Iterable[Counts]) -> Counts:
    """Sum counts field by field (micro-averaging over documents)."""
    total = [0.0, 0.0, 0.0, 0.0]
    for c in counts:
        for k in range(4):
            total[k] += c[k]
    return Counts(*total)


def prf(c: Counts) -> tuple[float, float, float]:
    """Precision, recall and F1; a zero denominator gives 0."""
    p = c.p_num / c.p_den if c.p_den else 0.0
    r = c.r_num / c.r_den if c.r_den else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- mention matching ----------------------------------------------------------


def spans_match(gold: Span, pred: Span, mode: str, head: int | None = None) -> bool:
    """Whether `pred` matches `gold` under `mode` ('exact', or 'head' with the gold head offset)."""
    if mode == "exact":
        return gold == pred
    if mode == "head":
        return gold[0] <= pred[0] and pred[1] <= gold[1] and pred[0] <= head < pred[1]
    raise ValueError(f"unknown matching mode {mode!r}")


def match_mentions(
    gold: Sequence[Span],
    pred: Sequence[Span],
    mode: str = "exact",
    head_of: Callable[[int, int], int] | None = None,
) -> dict[int, int]:
    """One-to-one alignment of predicted to gold spans: {pred index: gold index}."""
    heads = [head_of(*g) if mode == "head" else None for g in gold]
    pairs = [
        (g != p, abs((g[1] - g[0]) - (p[1] - p[0])), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if spans_match(g, p, mode, heads[i])
    ]
    matched: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if j not in matched and i not in used_gold:
            matched[j] = i
            used_gold.add(i)
    return matched


def mention_counts(n_gold: int, n_pred: int, n_matched: int) -> Counts:
    """Mention detection: a matched pair is a true positive on both sides."""
    return Counts(n_matched, n_pred, n_matched, n_gold)


# --- clusters --------------------------------------------------------------------


def clusters(labels: Iterable[tuple[Hashable, Hashable]]) -> list[Cluster]:
    """Group (mention id, cluster label) pairs into clusters of mention ids."""
    groups: dict[Hashable, set] = {}
    for mention, label in labels:
        groups.setdefault(label, set()).add(mention)
    return [frozenset(g) for g in groups.values()]


def coref_ids(
    gold_labels: Sequence[Hashable],
    pred_labels: Sequence[Hashable],
    matching: dict[int, int],
    keep: Callable[[int], bool] = lambda j: True,
) -> tuple[list[Cluster], list[Cluster]]:
    """Key and response clusters over shared mention ids.

    Gold mention i is ("g", i); predicted mention j is ("g", matching[j]) when
    it matched gold mention i, else ("p", j). Predicted mentions for which
    `keep(j)` is false are left out of the response.
    """
    key = clusters((("g", i), label) for i, label in enumerate(gold_labels))
    response = clusters(
        (("g", matching[j]) if j in matching else ("p", j), label)
        for j, label in enumerate(pred_labels)
        if keep(j)
    )
    return key, response


def with_twinless_singletons(key: list[Cluster], response: list[Cluster]) -> tuple[list[Cluster], list[Cluster]]:
    """Both partitions over the union of mentions: each twinless mention becomes a singleton where it is missing."""
    in_key = set().union(*key) if key else set()
    in_response = set().union(*response) if response else set()
    key = key + [frozenset([m]) for m in in_response - in_key]
    response = response + [frozenset([m]) for m in in_key - in_response]
    return key, response


# --- coreference metrics -----------------------------------------------------------


def _b3_side(clusters_a: list[Cluster], clusters_b: list[Cluster]) -> tuple[float, float]:
    """Sum over mentions of A of |A ∩ B(m)| / |A|, and the number of mentions of A."""
    where = {m: b for b in clusters_b for m in b}
    total = 0.0
    for a in clusters_a:
        for m in a:
            if m in where:
                total += len(a & where[m]) / len(a)
    return total, float(sum(len(a) for a in clusters_a))


def b_cubed(key: list[Cluster], response: list[Cluster]) -> Counts:
    """B-cubed (Bagga & Baldwin 1998), per mention, as the CoNLL reference scorer computes it."""
    p_num, p_den = _b3_side(response, key)
    r_num, r_den = _b3_side(key, response)
    return Counts(p_num, p_den, r_num, r_den)


def _muc_side(clusters_a: list[Cluster], clusters_b: list[Cluster]) -> tuple[float, float]:
    """Sum over clusters of A of |A| - |partition of A by B|, and of |A| - 1."""
    where = {m: i for i, b in enumerate(clusters_b) for m in b}
    num = den = 0
    for a in clusters_a:
        parts = {where.get(m, ("alone", m)) for m in a}
        num += len(a) - len(parts)
        den += len(a) - 1
    return float(num), float(den)


def muc(key: list[Cluster], response: list[Cluster]) -> Counts:
    """MUC (Vilain et al. 1995): links kept, counted per cluster."""
    r_num, r_den = _muc_side(key, response)
    p_num, p_den = _muc_side(response, key)
    return Counts(p_num, p_den, r_num, r_den)


def ceaf_e(key: list[Cluster], response: list[Cluster]) -> Counts:
    """Entity-based CEAF (Luo 2005): best one-to-one alignment of clusters under phi4."""
    if not key or not response:
        return Counts(0.0, float(len(response)), 0.0, float(len(key)))
    sim = [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key]
    best = max_weight_assignment(sim)
    return Counts(best, float(len(response)), best, float(len(key)))


def max_weight_assignment(weights: list[list[float]]) -> float:
    """Total weight of the best one-to-one assignment of rows to columns (Hungarian method)."""
    if len(weights) > len(weights[0]):
        weights = [list(col) for col in zip(*weights)]
    n, m = len(weights), len(weights[0])
    cost = [[-w for w in row] for row in weights]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)  # owner[j]: row given column j (1-based, 0 = none)
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        min_v, used = [inf] * (m + 1), [False] * (m + 1)
        while owner[j0]:
            used[j0], i0, delta, j1 = True, owner[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < min_v[j]:
                        min_v[j], way[j] = reduced, j0
                    if min_v[j] < delta:
                        delta, j1 = min_v[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_v[j] -= delta
            j0 = j1
        while j0:
            owner[j0] = owner[way[j0]]
            j0 = way[j0]
    return sum(weights[owner[j] - 1][j - 1] for j in range(1, m + 1) if owner[j])


# --- self-test ----------------------------------------------------------------------


def _close(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return all(abs(x - y) < 1e-9 for x, y in zip(a, b, strict=True))


def _selftest() -> None:
    """Toy examples checked by hand."""
    fs = frozenset
    # A perfect response scores 1 everywhere.
    key = [fs("abc"), fs("d")]
    for metric in (b_cubed, muc, ceaf_e):
        assert _close(prf(metric(key, key)), (1, 1, 1)), metric

    # A 2-chain answered by two singletons: MUC finds no link (R = 0, P = 0/0 = 0);
    # B3 R = (1/2 + 1/2)/2, P = 1; CEAF-e phi4({a,b},{a}) = 2/3, P = 2/3 / 2 clusters, R = 2/3 / 1.
    key, response = [fs("ab")], [fs("a"), fs("b")]
    assert _close(prf(muc(key, response))[:2], (0, 0))
    assert _close(prf(b_cubed(key, response))[:2], (1, 0.5))
    assert _close(prf(ceaf_e(key, response))[:2], (1 / 3, 2 / 3))

    # Vilain et al.'s example: key {A,B,C,D}, response {A,B} {C,D}: MUC R = (4-2)/3, P = 1.
    assert _close(prf(muc([fs("ABCD")], [fs("AB"), fs("CD")]))[:2], (1, 2 / 3))

    # key {a,b,c} {d,e}, response {a,b} {c,d,e}:
    # B3 R = (2/3 + 2/3 + 1/3 + 1 + 1)/5 = 11/15, P = (1 + 1 + 1/3 + 2/3 + 2/3)/5 = 11/15;
    # MUC R = (1 + 1)/(2 + 1), P = (1 + 1)/(1 + 2).
    key, response = [fs("abc"), fs("de")], [fs("ab"), fs("cde")]
    assert _close(prf(b_cubed(key, response))[:2], (11 / 15, 11 / 15))
    assert _close(prf(muc(key, response))[:2], (2 / 3, 2 / 3))
    # CEAF-e: best is {a,b,c}-{a,b} (4/5) + {d,e}-{c,d,e} (4/5) = 8/5 over 2 clusters each side.
    assert _close(prf(ceaf_e(key, response))[:2], (0.8, 0.8))

    # Twinless mentions: key {a,b}, response {a,x} (x spurious, b missed).
    # Reference B3: R = (1/2 + 0)/2, P = (1/2 + 0)/2.
    # Union with singletons: key {a,b} {x}, response {a,x} {b}:
    # R = (1/2 + 1/2 + 1)/3, P = (1/2 + 1/2 + 1)/3.
    key, response = [fs("ab")], [fs("ax")]
    assert _close(prf(b_cubed(key, response))[:2], (0.25, 0.25))
    assert _close(prf(b_cubed(*with_twinless_singletons(key, response)))[:2], (2 / 3, 2 / 3))
    assert _close(prf(muc(key, response))[:2], prf(muc(*with_twinless_singletons(key, response)))[:2])

    # Matching: gold (0,10) with head at 6, gold (6,10) with head at 6.
    gold, heads = [(0, 10), (6, 10)], {(0, 10): 6, (6, 10): 6}
    head_of = lambda s, e: heads[(s, e)]  # noqa: E731
    assert match_mentions(gold, [(6, 10), (0, 10)], "exact") == {0: 1, 1: 0}
    assert match_mentions(gold, [(6, 10), (0, 10)], "head", head_of) == {0: 1, 1: 0}
    assert match_mentions(gold, [(4, 10)], "head", head_of) == {0: 0}  # inside, holds the head
    assert match_mentions(gold, [(0, 5)], "head", head_of) == {}  # misses the head
    assert match_mentions(gold, [(0, 12)], "head", head_of) == {}  # not inside
    assert match_mentions(gold, [(4, 10)], "exact") == {}

    # Coreference ids: predicted 0 matched gold 1, predicted 1 matched nothing.
    key, response = coref_ids(["e1", "e1"], ["x", "x"], {0: 1})
    assert sorted(map(sorted, key)) == [[("g", 0), ("g", 1)]]
    assert sorted(map(sorted, response)) == [[("g", 1), ("p", 1)]]

    # Micro-averaging adds counts; the assignment solver handles rectangular input.
    assert add([Counts(1, 2, 3, 4), Counts(1, 1, 1, 1)]) == Counts(2, 3, 4, 5)
    assert _close((max_weight_assignment([[1, 0, 0], [0, 0, 5]]),), (6,))
    assert _close((max_weight_assignment([[1, 2], [2, 10], [3, 1]]),), (13,))
    print("coref_metrics self-test: all assertions passed")


if __name__ == "__main__":
    _selftest()
