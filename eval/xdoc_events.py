"""One happening across articles: pairwise precision and recall of newswire's corpus events on a judged set.

    python eval/xdoc_events.py [--cache DIR] [--part development|held-out|both] [--show]
    python eval/xdoc_events.py --candidates development > pairs.tsv   # the pairs to judge (for extending the gold)

The articles (../shared/data; nothing of them is copied here):

* MEANTIME, four Wikinews topics of 30 articles each (several articles per
  story: Airbus, GM and Chrysler, Apple, the stock markets);
* AQUAINT (TimeML), 73 articles of three outlets, AP (APW), the New York
  Times (NYT) and Xinhua (XIE), many on the same stories (the 1998 embassy
  bombings, NATO's enlargement, ...);
* PolNeAR, 924 political articles of seven outlets (Breitbart, HuffPost,
  Politico, NYT, USA Today, Washington Post, Western Journal), 2015-11 to
  2016-10: the same campaign happenings in different outlets.

Each article is analysed with `newswire.analyze` and stored, in date order
and batches of 32, through `Store.add_results`, which links events as an
ingest does (`newswire/corpus/event_link.py`); each article's URL names its
outlet (`wikinews.org`, `apw`, `nyt`, `xie`, the PolNeAR publisher), so
`num_sources` counts outlets.

The gold (`eval/xdoc_events_gold.tsv`, documented in its header): pairs of
newswire's asserted, PLOVER-typed events of different articles of one part,
judged by reading both sentences in their articles: `same` (one happening)
or `different`. The **candidates** are the pairs a broader rule than the
linker's, blind to it, proposes: both events asserted with a PLOVER type,
their dates (else their articles' dates) at most 3 days apart, the same
type (or both material conflict: a clash coded ASSAULT here and COERCE
there), and the same source (corpus entity or actor code) with the same or
an unknown target, or the same target with an unknown source. Judged are
every pair newswire links (for precision) and a seeded sample of
`SAMPLE` candidates (for recall; drawn by hash, whatever the linker does):
recall is estimated as linked-and-same / (linked-and-same + unlinked
candidates × the share judged `same` of the sampled pairs it does not link). So the set holds the hard negatives (the same type
and actors on another occasion, the same day of a campaign where everyone
accuses everyone) and positives the linker cannot reach (an actor not
known, a sentence without a target). Pairs outside the candidate rule (two
actors named differently, more than 3 days apart) are taken as different
and not judged: recall is over the candidates.

MEANTIME's events carry cross-document information: EVENT markables of the
intra-document files have an `instance_id` shared across articles, but only
13 instances occur in more than one article (2 or 3 each), nearly all
economic happenings (a bankruptcy filing, a sale, a market fall) that CAMEO
does not code; newswire codes 58 events in the 120 articles. So MEANTIME
brings articles to the parts and no positive pair; the same-story articles
of AQUAINT and PolNeAR bring the pairs.

Development and held-out: the development part (MEANTIME airbus and gm,
AQUAINT 1998, PolNeAR to 2016-03) was judged and read while the linking rules
were set; the held-out part (MEANTIME apple and stock, AQUAINT 1999-2000,
PolNeAR from 2016-04) was judged after they were fixed and only measured.
The gold names events by article and trigger offsets of this version's
analysis: a later change of the event stage can move them, and pairs whose
events are no longer found are counted as `gone`.

Skips with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from meantime import DEFAULT_ROOT as MEANTIME_ROOT, load_meantime  # noqa: E402
from polnear import DEFAULT_ROOT as POLNEAR_ROOT, load_polnear  # noqa: E402
from timebank import DEFAULT_ROOT as TIMEBANK_ROOT, load_timebank  # noqa: E402

GOLD = HERE / "xdoc_events_gold.tsv"
PARTS = ("development", "held-out")
CANDIDATE_DAYS = 3
SAMPLE = 120  # unlinked candidate pairs judged per part, for the recall estimate
MATERIAL_CONFLICT = {"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
VERBAL_CONFLICT = {"ACCUSE", "REJECT", "REQUEST"}


def articles() -> list[tuple[str, str, str, str, str | None, str]]:
    """(part, name, text, url, published, corpus) of every article."""
    out = []
    for doc in load_meantime(MEANTIME_ROOT):
        part = "development" if doc.corpus in ("airbus", "gm") else "held-out"
        out.append((part, doc.name, doc.text, f"https://wikinews.org/{doc.name}", doc.published, "meantime-" + doc.corpus))
    for doc in load_timebank(TIMEBANK_ROOT):
        if doc.corpus != "AQUAINT":
            continue
        part = "development" if doc.dct < "1999" else "held-out"
        out.append((part, doc.name, doc.text, f"https://{doc.name[:3].lower()}.example/{doc.name}", doc.dct, "aquaint"))
    for compartment in ("train", "dev"):
        for doc in load_polnear(POLNEAR_ROOT, compartment):
            part = "development" if (doc.published or "") < "2016-04" else "held-out"
            publisher = doc.name.split("_", 1)[0]
            out.append((part, doc.name, doc.text, f"https://{publisher}.example/{doc.name}", doc.published, "polnear"))
    return sorted(out, key=lambda a: (a[4] or "", a[1]))


def analyses(items: list[tuple], cache: Path | None) -> dict[str, "Analysis"]:  # noqa: F821
    """article name → newswire's analysis (from `cache/NAME.json` when it holds this text, else made and written there)."""
    from newswire import analyze
    from newswire.records import Analysis

    out = {}
    for n, (_, name, text, _, published, _) in enumerate(items, 1):
        path = cache / f"{name}.json" if cache else None
        if path and path.exists():
            analysis = Analysis.from_dict(json.loads(path.read_text(encoding="utf-8")))
            if analysis.text == text:
                out[name] = analysis
                continue
        print(f"\ranalysing {n}/{len(items)}", end="", file=sys.stderr, flush=True)
        out[name] = analyze(text, published=published, title=None)
        if path:
            path.write_text(json.dumps(out[name].to_dict()), encoding="utf-8")
    print(file=sys.stderr)
    return out


def stored_events(items: list[tuple], results: dict) -> list[dict]:
    """Every event of these articles, as stored and linked in a fresh store (one row each, with its actors' corpus entities)."""
    from newswire.corpus.link import shown
    from newswire.corpus.store import PENDING, Entry, Store
    from newswire.records import Article

    names = {results[i[1]].id: i[1] for i in items}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "events.duckdb") as store:
        for start in range(0, len(items), 32):
            chunk = items[start : start + 32]
            batch = [results[i[1]] for i in chunk]
            entries = [Entry(Article(text=a.text, published=a.published, url=i[3]), a.id, len(a.text), PENDING, "fp", None)
                       for i, a in zip(chunk, batch)]
            store.add_entries(entries, [], run_id=1)
            store.add_results(batch, [], run_id=1)
        cursor = store.con.execute(  # the corpus entity of each side: a key split by country is a rule its country picks
            f"""SELECT v.article_id, v.ord, v.plover, v.cameo, v.date, v.modality, v.trigger_start, v.trigger_end, v.trigger_text,
                      v.sentence_text, v.source_text, v.source_actor, {shown('se')} AS source_ce, v.target_text, v.target_actor,
                      {shown('te')} AS target_ce, v.location_text, v.corpus_event, a.published
               FROM events v JOIN articles a ON a.id = v.article_id
               LEFT JOIN entities se ON se.article_id = v.article_id AND se.id = v.source_entity
               LEFT JOIN entities te ON te.article_id = v.article_id AND te.id = v.target_entity
               ORDER BY a.published, v.article_id, v.ord""")
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, r)) for r in cursor.fetchall()]
    for r in rows:
        r["doc"] = names[r["article_id"]]
        r["trigger"] = f"{r['trigger_start']}:{r['trigger_end']}"
    return rows


def _day(r: dict) -> int | None:
    value = r["date"] if r["date"] and len(r["date"]) == 10 else r["published"]
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


def _identity(r: dict, side: str) -> str | None:
    return r[f"{side}_ce"] or r[f"{side}_actor"]


def _same_side(a: dict, b: dict, side: str) -> bool:
    x, y = _identity(a, side), _identity(b, side)
    return bool(x and y and (x == y or (a[f"{side}_actor"] and a[f"{side}_actor"] == b[f"{side}_actor"])))


def candidate(a: dict, b: dict) -> bool:
    """Whether a pair of events may report one happening (see the module's docstring): broader than the linker, blind to it."""
    if a["doc"] == b["doc"] or a["modality"] != "asserted" or b["modality"] != "asserted" or not a["plover"] or not b["plover"]:
        return False
    da, db = _day(a), _day(b)
    if da is None or db is None or abs(da - db) > CANDIDATE_DAYS:
        return False
    if a["plover"] != b["plover"] and not {a["plover"], b["plover"]} <= MATERIAL_CONFLICT:
        return False
    one_target_unknown = not _identity(a, "target") or not _identity(b, "target")
    if _same_side(a, b, "source"):
        return _same_side(a, b, "target") or one_target_unknown
    return _same_side(a, b, "target") and (not _identity(a, "source") or not _identity(b, "source"))


def node(r: dict) -> tuple[str, str]:
    return (r["doc"], r["trigger"])


def pair_key(a: dict, b: dict) -> tuple:
    return tuple(sorted((node(a), node(b))))


def load_gold() -> dict[tuple, tuple[str, str]]:
    """(sorted pair of (doc, trigger)) → (part, label)."""
    gold = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("part\t"):
            continue
        part, doc_a, trig_a, _, doc_b, trig_b, _, label, *_ = line.split("\t")
        if label not in ("same", "different"):
            raise ValueError(f"{GOLD.name}: bad label {label!r}")
        gold[tuple(sorted(((doc_a, trig_a), (doc_b, trig_b))))] = (part, label)
    return gold


def pairs(rows: list[dict]) -> tuple[set[tuple], set[tuple]]:
    """(pairs newswire links: events of different articles in one corpus event; candidate pairs it does not link;
    all candidate pairs)."""
    linked = set()
    by_event: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["corpus_event"]:
            by_event[r["corpus_event"]].append(r)
    for members in by_event.values():
        for a, b in combinations(members, 2):
            if a["doc"] != b["doc"]:
                linked.add(pair_key(a, b))
    ordered = sorted(rows, key=lambda r: (_day(r) or 0, r["doc"], r["ord"]))
    unlinked, candidates = set(), set()
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if (_day(b) or 0) - (_day(a) or 0) > CANDIDATE_DAYS:
                break
            if candidate(a, b):
                candidates.add(pair_key(a, b))
                if pair_key(a, b) not in linked:
                    unlinked.add(pair_key(a, b))
    return linked, unlinked, candidates


def sample(candidates: set[tuple], part: str) -> list[tuple]:
    """The candidate pairs judged for the recall estimate: the `SAMPLE` with the smallest hashes of the part and the
    pair, so a pair is drawn or not whatever the linker does (a change of the rules draws no new pairs)."""
    return sorted(candidates, key=lambda k: hashlib.sha256(f"{part}\x1f{k}".encode()).hexdigest())[:SAMPLE]


def score(rows: list[dict], gold: dict, part: str, show: bool = False) -> dict:
    events = {node(r): r for r in rows}
    linked, unlinked, candidates = pairs(rows)
    judged = {k: label for k, (p, label) in gold.items() if p == part}
    tp = [k for k in linked if judged.get(k) == "same"]
    fp = [k for k in linked if judged.get(k) == "different"]
    unjudged = [k for k in linked if k not in judged]
    drawn = [k for k in sample(unlinked | (linked & candidates), part) if k in judged and k not in linked]
    missed = [k for k in drawn if judged[k] == "same"]
    est_missed = len(unlinked) * len(missed) / len(drawn) if drawn else 0.0
    if show:
        def say(k: tuple) -> str:
            a, b = events[k[0]], events[k[1]]
            return (f"{a['doc']} {a['plover']} {a['date']} {a['source_actor']}>{a['target_actor']} {a['trigger_text']!r} | "
                    f"{b['doc']} {b['plover']} {b['date']} {b['source_actor']}>{b['target_actor']} {b['trigger_text']!r}")
        for label, keys in (("linked, judged different", fp), ("linked, not judged", unjudged), ("not linked, judged same", missed)):
            for k in keys:
                print(f"  {label}: {say(k)}", file=sys.stderr)
    return {
        "articles": len({r["doc"] for r in rows}), "events": len(rows),
        "linked_events": sum(1 for r in rows if r["corpus_event"]),
        "linked_pairs": len(linked), "linked_same": len(tp), "linked_different": len(fp), "linked_unjudged": len(unjudged),
        "precision": round(len(tp) / (len(tp) + len(fp)), 3) if tp or fp else None,
        "unlinked_candidates": len(unlinked), "sample_judged": len(drawn), "sample_same": len(missed),
        "recall_est": round(len(tp) / (len(tp) + est_missed), 3) if tp or est_missed else None,
    }


def print_candidates(rows: list[dict], part: str, gold: dict) -> None:
    """The pairs of a part to judge that the gold lacks (the linked ones, then the sample of the unlinked candidates),
    with what a judge reads, as TSV rows to label."""
    events = {node(r): r for r in rows}
    linked, unlinked, candidates = pairs(rows)

    def show(r: dict) -> str:
        sentence = " ".join(r["sentence_text"].split())[:300]
        return (f"{r['published']} {r['plover']} {r['date']} [{r['source_text']}|{r['source_actor']}] {r['trigger_text']} "
                f"[{r['target_text']}|{r['target_actor']}] @{r['location_text']} :: {sentence}")

    for kind, keys in (("LINKED", sorted(linked)), ("sample", [k for k in sample(candidates, part) if k not in linked])):
        for k in keys:
            if k in gold:
                continue
            a, b = events[k[0]], events[k[1]]
            print("\t".join([part, a["doc"], a["trigger"], a["trigger_text"], b["doc"], b["trigger"], b["trigger_text"], "?", kind, show(a), show(b)]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="a folder keeping the analyses between runs")
    parser.add_argument("--part", choices=[*PARTS, "both"], default="both")
    parser.add_argument("--show", action="store_true", help="print the wrong links, unjudged links and misses")
    parser.add_argument("--candidates", choices=PARTS, help="print the unjudged candidate pairs of a part, to judge")
    args = parser.parse_args(argv)
    if not (MEANTIME_ROOT.exists() and TIMEBANK_ROOT.exists() and (POLNEAR_ROOT / "metadata.tsv").exists()):
        print(f"the shared data (MEANTIME, TimeBank/AQUAINT, PolNeAR under {MEANTIME_ROOT.parent}) is absent; skipping")
        return
    items = articles()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    gold = load_gold()
    parts = [args.candidates] if args.candidates else (PARTS if args.part == "both" else [args.part])
    for part in parts:
        chosen = [i for i in items if i[0] == part]
        rows = stored_events(chosen, analyses(chosen, args.cache))
        if args.candidates:
            print_candidates(rows, part, gold)
            continue
        result = score(rows, gold, part, args.show)
        print(f"{part}: " + ", ".join(f"{k} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
