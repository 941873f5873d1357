"""One entity across articles, scored on MEANTIME: newswire's corpus entities against DBpedia links.

    python eval/xdoc_entities.py [--cache analyses.jsonl] [--show]

Gold. MEANTIME annotates entities within each article; an entity may carry
an `external_ref`, a DBpedia link ("http://dbpedia.org/resource/Apple_Inc.";
`meantime.dbpedia_name` reads both spellings), which is the same across
articles. The items scored are the gold entities of each article that have a
link and a mention in the annotated part (sentences 0-5): two items are the
same entity across articles when their links are equal. Entities without a
link are left out: their identity across articles is not annotated.

Alignment. Each article is analysed with `newswire.analyze` and stored in a
fresh store through `Store.add_results`, which links the entities as an
ingest does (`newswire/corpus/link.py`). Every newswire mention in the
annotated part is paired with the gold mention it overlaps most (ties: the
shorter gold mention); a gold item is aligned to the newswire entity with the
most mentions paired with its mentions (ties: the lower entity number). An
item no newswire entity aligns to is a singleton on the response side.

Systems, on the same alignment (so within-article errors are the same for
all and only the linking across articles differs):
  newswire    the item's label is the aligned entity's `corpus_entity`
              (an unlinked entity: a label of its own)
  same-name   entities with the same normalised name (case, accents and
              whitespace folded) are one
  apart       nothing is linked across articles (the floor)

Scores: B³ and CEAF-e (eval/coref_metrics.py) over all items of a part, and
the pairwise precision and recall of links between items of different
articles. MEANTIME's four corpora are scored in two parts: airbus and gm are
the development part (the linking rules were looked at against them, `--show`
prints their errors), apple and stock the held-out part, scored only.
Each part is one corpus: links are made only within it.

Skips with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coref_metrics import b_cubed, ceaf_e, clusters, prf  # noqa: E402
from meantime import DEFAULT_ROOT, MeantimeDoc, load_meantime, require_root  # noqa: E402

PARTS = {"development (airbus, gm)": ("airbus", "gm"), "held-out (apple, stock)": ("apple", "stock")}


def analyses(docs: list[MeantimeDoc], cache: Path | None) -> dict[str, "Analysis"]:  # noqa: F821
    """doc name → newswire's analysis (read from `cache` when it holds them all, else made and written there)."""
    from newswire import analyze
    from newswire.records import Analysis

    if cache and cache.exists():
        stored = {}
        for line in cache.read_text(encoding="utf-8").splitlines():
            name, data = json.loads(line)
            stored[name] = Analysis.from_dict(data)
        if all(d.name in stored and stored[d.name].text == d.text for d in docs):
            return stored
    out = {}
    for n, doc in enumerate(docs, 1):
        print(f"\ranalysing {n}/{len(docs)}", end="", file=sys.stderr, flush=True)
        out[doc.name] = analyze(doc.text, published=doc.published, title=None)
    print(file=sys.stderr)
    if cache:
        cache.write_text("".join(json.dumps([k, v.to_dict()]) + "\n" for k, v in out.items()), encoding="utf-8")
    return out


def linked(docs: list[MeantimeDoc], results: dict) -> dict[tuple[str, str], str | None]:
    """(doc name, entity id) → corpus entity, from a fresh store holding these analyses (linked as an ingest links)."""
    from newswire.corpus.link import shown
    from newswire.corpus.store import PENDING, Entry, Store
    from newswire.records import Article

    out = {}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "xdoc.duckdb") as store:
        names = {}
        batch = []
        for doc in docs:
            a = results[doc.name]
            names[a.id] = doc.name
            batch.append(a)
        for start in range(0, len(batch), 32):  # as an ingest stores them: batch by batch
            chunk = batch[start : start + 32]
            entries = [Entry(Article(text=a.text, published=a.published), a.id, len(a.text), PENDING, "fp", None) for a in chunk]
            store.add_entries(entries, [], run_id=1)
            store.add_results(chunk, [], run_id=1)
        with store.session() as con:
            # the corpus entity each row is linked to: a key split by country is a rule the row's country picks
            for article_id, entity_id, corpus_entity in con.execute(f"SELECT article_id, id, {shown()} FROM entities e").fetchall():
                out[(names[article_id], entity_id)] = corpus_entity
    return out


def fold(name: str) -> str:
    from newswire.corpus.link import fold as fold_name

    return fold_name(name)


def items(doc: MeantimeDoc, analysis) -> list[tuple[str, str, str | None]]:
    """(gold link, gold entity, aligned newswire entity id or None) for each gold entity of `doc` with a link."""
    gold = [m for m in doc.mentions if m.cluster and m.external_ref and m.end <= doc.annotated_end]
    every = [m for m in doc.mentions if m.cluster and m.end <= doc.annotated_end]
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entity in analysis.entities:
        for m in entity.mentions:
            if m.end > doc.annotated_end:
                continue
            overlaps = [(min(m.end, g.end) - max(m.start, g.start), -(g.end - g.start), g) for g in every]
            overlaps = [o for o in overlaps if o[0] > 0]
            if overlaps:
                best = max(overlaps, key=lambda o: (o[0], o[1], -o[2].start))[2]
                votes[best.cluster][entity.id] += 1
    out = []
    for cluster in sorted({m.cluster for m in gold}):
        link = next(m.external_ref for m in gold if m.cluster == cluster)
        candidates = votes.get(cluster, {})
        aligned = min(candidates, key=lambda e: (-candidates[e], int(e[1:]))) if candidates else None
        out.append((link, cluster, aligned))
    return out


def score(rows: list[tuple[str, str, str]]) -> dict[str, float]:
    """rows: (item id, gold label, response label)."""
    key = clusters((i, g) for i, g, _ in rows)
    response = clusters((i, r) for i, _, r in rows)
    b3 = prf(b_cubed(key, response))
    ce = prf(ceaf_e(key, response))
    tp = fp = fn = 0
    for (i, g1, r1), (j, g2, r2) in combinations(rows, 2):
        if i.split("\x1f")[0] == j.split("\x1f")[0]:
            continue  # links across articles only
        tp += g1 == g2 and r1 == r2
        fp += g1 != g2 and r1 == r2
        fn += g1 == g2 and r1 != r2
    return {
        "B3 P": b3[0], "B3 R": b3[1], "B3 F": b3[2], "CEAFe P": ce[0], "CEAFe R": ce[1], "CEAFe F": ce[2],
        "pair P": tp / (tp + fp) if tp + fp else 1.0, "pair R": tp / (tp + fn) if tp + fn else 0.0, "pairs": tp + fn,
    }


def evaluate(docs: list[MeantimeDoc], results: dict, show: bool = False) -> dict[str, dict[str, float]]:
    corpus = linked(docs, results)
    systems: dict[str, list[tuple[str, str, str]]] = {"newswire": [], "same-name": [], "apart": []}
    shown = []
    for doc in docs:
        analysis = results[doc.name]
        names = {e.id: e.name for e in analysis.entities}
        for link, cluster, aligned in items(doc, analysis):
            item = f"{doc.name}\x1f{cluster}"
            own = f"{doc.name}\x1f{aligned or cluster}"
            systems["newswire"].append((item, link, (corpus.get((doc.name, aligned)) if aligned else None) or own))
            systems["same-name"].append((item, link, fold(names[aligned]) if aligned else own))
            systems["apart"].append((item, link, own))
            shown.append((doc.name, link, names.get(aligned), corpus.get((doc.name, aligned)) if aligned else None))
    if show:
        _show(shown)
    return {name: score(rows) for name, rows in systems.items()}


def _show(shown: list[tuple[str, str, str | None, str | None]]) -> None:
    by_link: dict[str, set] = defaultdict(set)
    by_corpus: dict[str, set] = defaultdict(set)
    for doc, link, name, corpus_entity in shown:
        by_link[link].add((name, corpus_entity))
        if corpus_entity:
            by_corpus[corpus_entity].add((link, name))
    print("gold entities split over several corpus entities (name, corpus entity):")
    for link, got in sorted(by_link.items()):
        if len({c for _, c in got}) > 1:
            print(f"  {link}: {sorted(got, key=str)}")
    print("corpus entities holding several gold entities (link, name):")
    for c, got in sorted(by_corpus.items()):
        if len({link for link, _ in got}) > 1:
            print(f"  {c}: {sorted(got, key=str)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--cache", type=Path, help="a JSON lines file to keep newswire's analyses in between runs")
    parser.add_argument("--show", action="store_true", help="print the development part's errors")
    args = parser.parse_args(argv)
    require_root(args.root)
    docs = load_meantime(args.root)
    results = analyses(docs, args.cache)
    for part, corpora in PARTS.items():
        chosen = [d for d in docs if d.corpus in corpora]
        scores = evaluate(chosen, results, show=args.show and part.startswith("development"))
        n_items = sum(len(items(d, results[d.name])) for d in chosen)
        print(f"\n{part}: {len(chosen)} articles, {n_items} linked gold entities, {scores['newswire']['pairs']} gold links across articles")
        print(f"  {'system':<10} " + " ".join(f"{k:>8}" for k in scores["newswire"] if k != "pairs"))
        for system, s in scores.items():
            print(f"  {system:<10} " + " ".join(f"{100 * v:8.1f}" for k, v in s.items() if k != "pairs"))


if __name__ == "__main__":
    main()
