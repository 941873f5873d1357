"""Draw a random sample of event (or quote) records from news newswire was not developed on, for a human judge.

Two sources (`--source`):

meantime (default)
The news is MEANTIME (../shared/data/meantime/intra-doc_annotation: 120 English
Wikinews articles, 2004-2011, in four corpora: airbus, apple, gm, stock), read
with `eval/meantime.py` (headline, date line and body rebuilt from the tokens;
the publication date from the CREATION_TIME TIMEX3). The events stage was not
developed on these texts (its development data are the PLOVER/CAMEO examples,
TimeBank/AQUAINT reading and ../shared/data/realnews-events/dev.jsonl). Since
issue 13's third round its events sample of seed 13 is development data.

timebank
The TimeBank 1.2 and AQUAINT articles (../shared/data/timebank, read with
`eval/timebank.py`: the text of <TEXT> with its tags removed, the DCT as
`published`) that are NOT in ../shared/data/realnews-events/dev.jsonl (by
article id): 1996-2000 wire and broadcast news. The events stage's
development set is those dev articles; use this source to measure only,
never to fit rules or the confidence model. For quotes (`--quotes`) all 256
TimeBank/AQUAINT articles are drawn from (WSJ, AP, NYT, ABC, CNN, VOA, ...,
1989-2000): the quotes stage is developed on PolNeAR, not on realnews-events,
so none of them is its development data (issue 14's sample, seed 14).

polnear-dev
The 84 PolNeAR dev articles (../shared/data/polnear/dev/text, 2016 US
political news from 10 outlets, read with `eval/polnear.py`, the
publication date from metadata.tsv). Neither stage is developed on them:
the quotes stage measures on them only (its development data are PolNeAR
train), the events stage has never used them. A judged sample of them is
out of sample for both, labelled as such; no rule may be fitted to it. Since issue 13's session-seven
re-fit (eventsconf7) its events sheet events-conf07-seven.tsv is development
data of the events confidence: PolNeAR dev no longer measures it out of sample.

polnear-train (events only)
The 840 PolNeAR train articles (../shared/data/polnear/train/text, same
outlets and period). The quotes stage is developed on them, so `--quotes`
refuses this source. The events stage was never developed or fitted on
them (its development data: the PLOVER/CAMEO examples, realnews-events dev,
the judged MEANTIME and session-seven sheets); session seven read the
records its changes made on 168 of them as a check, and the cross-article
linking (eval/xdoc_events.py) judged pairs of events of its articles up to
2016-03. It is the out-of-sample source for the confidence >= 0.7 band
after the session-seven re-fit: measure on it, never fit to it.

texts (`--texts DIR`)
News gathered outside ../shared, e.g. public news collections on GitHub
that no stage was developed on. DIR holds the texts (never the
repository: they are not ours to ship) and a `manifest.tsv` with the
columns `name` (the article's name in the sheet), `file` (relative to
DIR), `published` (YYYY-MM-DD, or empty when unknown) and `origin`
(where the text came from: repository, path and commit, or an address).
Which stages it is out of sample for is the sheet's to say.

How the sample is drawn (all with `random.Random(seed)`, default seed 13):
  1. the articles are shuffled; all of them (default) or the first
     `--articles` of them are analysed with `newswire.analyze(text,
     published=...)`; when those give fewer than `--n` records, more articles
     are analysed in the shuffled order until there are enough (newswire
     codes about one event per MEANTIME article, so the default analyses all
     120: about 30 seconds);
  2. every event record of those articles (or every quote record, `--quotes`)
     goes into one pool, in article then text order;
  3. `--n` records (default 80) are drawn from the pool without replacement
     (`rng.sample`), and printed in the order drawn.

Usage, from the worktree root:
    PYTHONPATH=$PWD .venv/bin/python eval/judge_sample.py [--source meantime|timebank|polnear-dev|polnear-train] [--seed 13] [--n 80] [--articles 0] [--quotes] [--fresh] [--min-confidence 0.7] [--tsv out.tsv]

`--min-confidence X` pools only the records at or above confidence X (the lead's check of the 0.7 band: a
sample of records at 0.7 or above from news not developed on). `--recheck SHEET` tells which records of a
judged sheet (events or quotes) this code still gives, and counts them by this code's confidence (a sheet's own confidence
column is the version it was judged with).

`--fresh` (timebank) draws only from the articles that no sheet of eval/judged/ holds and that are not
in the realnews-events dev set (issue 14's seed-15 sheet).

`--tsv` also writes the sample as a judgment sheet (the record columns and
empty judgment columns) to fill in.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

import meantime  # noqa: E402
import polnear  # noqa: E402
import timebank  # noqa: E402

REALNEWS_DEV = REPO.parent / "shared" / "data" / "realnews-events" / "dev.jsonl"
SOURCES = ("meantime", "timebank", "polnear-dev", "polnear-train", "texts")

EVENT_JUDGMENTS = ["real", "type_ok", "source_ok", "target_ok", "modality_ok", "note"]
QUOTE_JUDGMENTS = ["real", "content_ok", "speaker_ok", "note"]


def _actor(actor) -> tuple[str, str, bool]:
    if actor is None:
        return "-", "-", False
    return actor.text, actor.actor or "", bool(actor.implicit)


def event_records(doc, analysis) -> list[dict]:
    out = []
    for ev in analysis.events:
        src, src_code, src_imp = _actor(ev.source)
        tgt, tgt_code, tgt_imp = _actor(ev.target)
        out.append(
            {
                "article": doc.name,
                "sentence": " ".join(ev.sentence.text.split()),
                "trigger": ev.trigger.text,
                "type": ev.plover or "-",
                "cameo": ev.cameo,
                "source": src,
                "source_code": src_code,
                "source_implicit": src_imp,
                "target": tgt,
                "target_code": tgt_code,
                "target_implicit": tgt_imp,
                "modality": ev.modality,
                "confidence": ev.confidence,
            }
        )
    return out


def quote_records(doc, analysis) -> list[dict]:
    text = doc.text
    out = []
    for q in analysis.quotes:
        out.append(
            {
                "article": doc.name,
                "quote_type": q.type,
                "content": " ".join(q.content.text.split()),
                "cue": q.cue.text if q.cue else "-",
                "speaker": q.speaker.text if q.speaker else "-",
                "speaker_name": q.speaker_name or "-",
                "inherited": q.inherited,
                "confidence": q.confidence,
                "context": " ".join(text[max(0, q.content.start - 150) : q.content.end + 60].split()),
            }
        )
    return out


JUDGED = REPO / "eval" / "judged"


def read_sheet(path: Path) -> list[dict]:
    """The rows of a judgment sheet as `write_sheet` writes it: tab-separated cells as they are, no CSV quoting (a
    span may open with a quotation mark)."""
    import csv

    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def judged_articles() -> set[str]:
    """The articles of every judged sheet in eval/judged/ (their `article` column)."""
    out = set()
    for sheet in sorted(JUDGED.glob("*.tsv")):
        out |= {row["article"] for row in read_sheet(sheet) if row.get("article")}
    return out


def load_texts(root: Path) -> list:
    """The articles listed in ROOT/manifest.tsv (name, file, published, origin), in the manifest's order."""
    import csv
    from types import SimpleNamespace

    manifest = root / "manifest.tsv"
    if not manifest.is_file():
        raise SystemExit(f"Error: no manifest.tsv in {root} (columns: name, file, published, origin)")
    docs = []
    with manifest.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = (root / row["file"]).read_text(encoding="utf-8")
            docs.append(SimpleNamespace(name=row["name"], text=text, published=(row.get("published") or "").strip() or None))
    return docs


def load_docs(source: str, quotes: bool = False, fresh: bool = False, texts: Path | None = None) -> list:
    """The articles of a source, each with `name`, `text` and `published`, in a fixed order (for quotes: all of TimeBank/AQUAINT).

    fresh: only TimeBank/AQUAINT articles no judged sheet of eval/judged/ holds and not in the realnews-events dev set.
    texts: the directory of the `texts` source.
    """
    if source == "texts":
        if texts is None:
            raise SystemExit("Error: --source texts needs --texts DIR")
        return load_texts(texts)
    if source == "meantime":
        meantime.require_root(meantime.DEFAULT_ROOT)
        return meantime.load_meantime(meantime.DEFAULT_ROOT)
    if source in ("polnear-dev", "polnear-train"):
        if source == "polnear-train" and quotes:
            raise SystemExit("Error: PolNeAR train is the quotes stage's development data; sample quotes from polnear-dev")
        polnear.require_root(polnear.DEFAULT_ROOT)
        return polnear.load_polnear(polnear.DEFAULT_ROOT, source.split("-", 1)[1])
    timebank.require_root(timebank.DEFAULT_ROOT)
    if quotes and not fresh:
        docs = timebank.load_timebank(timebank.DEFAULT_ROOT)
        for d in docs:
            d.published = d.dct
        return docs
    if not REALNEWS_DEV.exists():
        print(f"realnews-events dev not found at {REALNEWS_DEV}: cannot tell which articles are development data; skipping")
        sys.exit(0)
    dev = {json.loads(line)["id"] for line in REALNEWS_DEV.read_text(encoding="utf-8").splitlines() if line.strip()}
    if fresh:
        dev |= judged_articles()
    docs = []
    for d in timebank.load_timebank(timebank.DEFAULT_ROOT):
        if d.name not in dev:
            d.published = d.dct
            docs.append(d)
    return docs


def draw(
    seed: int,
    n: int,
    n_articles: int,
    quotes: bool,
    source: str = "meantime",
    fresh: bool = False,
    min_confidence: float = 0.0,
    texts: Path | None = None,
) -> tuple[list[dict], int, int]:
    import newswire

    docs = load_docs(source, quotes, fresh, texts)
    rng = random.Random(seed)
    order = list(docs)
    rng.shuffle(order)
    pool: list[dict] = []
    used = 0
    for doc in order:
        if n_articles and used >= n_articles and len(pool) >= n:
            break
        analysis = newswire.analyze(doc.text, published=doc.published)
        records = quote_records(doc, analysis) if quotes else event_records(doc, analysis)
        pool.extend(r for r in records if (r["confidence"] or 0.0) >= min_confidence)
        used += 1
    sample = rng.sample(pool, min(n, len(pool)))
    return sample, len(pool), used


def show_event(i: int, r: dict) -> str:
    imp = []
    if r["source_implicit"]:
        imp.append("source")
    if r["target_implicit"]:
        imp.append("target")
    return (
        f"[{i}] {r['article']}\n"
        f"    sentence: {r['sentence']}\n"
        f"    trigger: {r['trigger']!r}  type: {r['type']}  cameo: {r['cameo']}  modality: {r['modality']}\n"
        f"    source: {r['source']!r} ({r['source_code'] or '?'})  target: {r['target']!r} ({r['target_code'] or '?'})"
        f"  implicit: {','.join(imp) or '-'}  confidence: {r['confidence']}"
    )


def show_quote(i: int, r: dict) -> str:
    return (
        f"[{i}] {r['article']}\n"
        f"    context: {r['context']}\n"
        f"    type: {r['quote_type']}  cue: {r['cue']!r}  speaker: {r['speaker']!r} ({r['speaker_name']})"
        f"  inherited: {r['inherited']}  confidence: {r['confidence']}\n"
        f"    content: {r['content']}"
    )


def write_sheet(path: Path, sample: list[dict], quotes: bool) -> None:
    if quotes:
        cols = ["n", "article", "quote_type", "cue", "speaker", "speaker_name", "confidence", "content"]
        judg = QUOTE_JUDGMENTS
    else:
        cols = ["n", "article", "trigger", "type", "source", "target", "modality", "confidence"]
        judg = EVENT_JUDGMENTS
    lines = ["\t".join(cols + judg)]
    for i, r in enumerate(sample, 1):
        if quotes:
            row = [str(i), r["article"], r["quote_type"], r["cue"], r["speaker"], r["speaker_name"], str(r["confidence"]), r["content"]]
        else:
            row = [
                str(i),
                r["article"],
                r["trigger"],
                f"{r['type']} {r['cameo']}",
                f"{r['source']} ({r['source_code'] or '?'}{', implicit' if r['source_implicit'] else ''})",
                f"{r['target']} ({r['target_code'] or '?'}{', implicit' if r['target_implicit'] else ''})",
                r["modality"],
                "" if r["confidence"] is None else f"{r['confidence']:.2f}",
            ]
        lines.append("\t".join(x.replace("\t", " ") for x in row + [""] * len(judg)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def recheck(sheet: Path, source: str, texts: Path | None = None) -> None:
    """How a judged event sheet fares with this code: which judged records newswire still gives (same article,
    trigger, code, source and target words), counted by verdict; what it gives that was not judged is not counted."""
    import newswire

    rows = read_sheet(sheet)
    if rows and {"content_ok", "speaker_ok", "cue", "speaker", "speaker_name"} <= rows[0].keys():
        return recheck_quotes(rows, source, texts)
    if not rows or not {"type_ok", "source_ok", "target_ok"} <= rows[0].keys():
        raise SystemExit(f"Error: {sheet} is no judged sheet (--recheck reads events sheets, columns type_ok, source_ok, target_ok, "
                         "and quotes sheets, columns cue, speaker, speaker_name, content_ok, speaker_ok)")
    names = {r["article"] for r in rows}
    emitted: dict[tuple, float] = {}
    for doc in load_docs(source, texts=texts):
        if doc.name in names:
            for r in event_records(doc, newswire.analyze(doc.text, published=doc.published)):
                emitted[_key(r["article"], r["trigger"], f"{r['type']} {r['cameo']}", r["source"], r["target"])] = r["confidence"] or 0.0
    _tally(
        rows, emitted,
        key_of=lambda r: _key(r["article"], r["trigger"], r["type"], r["source"].rsplit(" (", 1)[0], r["target"].rsplit(" (", 1)[0]),
        checks=("type_ok", "source_ok", "target_ok"), verdicts=("fully right", "real", "not real"), real_word="real", width=12,
        describe=lambda r: f"{r['trigger']!r} {r['type']} {r['source']} -> {r['target']}",
    )


def recheck_quotes(rows: list[dict], source: str, texts: Path | None = None) -> None:
    """How a judged quotes sheet fares with this code: which judged records newswire still gives (same article, cue,
    speaker words, speaker name and content), counted by verdict and by this code's confidence."""
    import newswire

    names = {r["article"] for r in rows}
    emitted: dict[tuple, float] = {}
    for doc in load_docs(source, quotes=True, texts=texts):
        if doc.name in names:
            for r in quote_records(doc, newswire.analyze(doc.text, published=doc.published)):
                emitted[_quote_key(r)] = r["confidence"] or 0.0
    _tally(
        rows, emitted, key_of=_quote_key, checks=("content_ok", "speaker_ok"),
        verdicts=("fully right", "attribution", "no attribution"), real_word="attributions", width=14,
        describe=lambda r: f"{r['cue']!r} {r['speaker']} ({r['speaker_name']}): {r['content'][:60]!r}",
    )


def _tally(rows, emitted: dict[tuple, float], *, key_of, checks, verdicts, real_word: str, width: int, describe) -> None:
    """Print which judged records this code still gives (`emitted`: key → this code's confidence), by verdict
    (`verdicts`: fully right, real, not real), the records it no longer gives (`describe`), and those kept at each
    confidence floor (`real_word`: what a real record is called)."""
    counts: dict[tuple[str, bool], int] = {}
    bands: dict[float, list[int]] = {floor: [0, 0, 0] for floor in RECHECK_FLOORS}  # kept at the floor: records, real, fully right
    for r in rows:
        right = all(r[k] == "yes" for k in ("real", *checks))
        verdict = verdicts[0] if right else (verdicts[1] if r["real"] == "yes" else verdicts[2])
        key = key_of(r)
        kept = key in emitted
        counts[verdict, kept] = counts.get((verdict, kept), 0) + 1
        for floor, band in bands.items():
            if kept and emitted[key] >= floor:
                band[0] += 1
                band[1] += r["real"] == "yes"
                band[2] += right
        if not kept:
            print(f"gone: [{r['n']}] {verdict}: {describe(r)}")
    for verdict in verdicts:
        print(f"{verdict:{width}} kept {counts.get((verdict, True), 0):3d}  gone {counts.get((verdict, False), 0):3d}")
    print("kept records by this code's confidence:")
    for floor, (n, real, right) in bands.items():
        print(f"  >= {floor:<4}  {n:3d} records, {real:3d} {real_word}, {right:3d} fully right" + (f" ({right / n:.0%})" if n else ""))


def _quote_key(r: dict) -> tuple:
    return r["article"], r["cue"], r["speaker"], r["speaker_name"], r["content"]


# Confidence floors at which `--recheck` counts the judged records this code still gives.
RECHECK_FLOORS = (0.0, 0.2, 0.5, 0.7)


def _key(article: str, trigger: str, type_: str, source: str, target: str) -> tuple:
    return article, trigger, type_.split()[-1], source, target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", choices=SOURCES, default="meantime", help="the news to draw from (default meantime)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--n", type=int, default=80, help="records to draw (default 80)")
    ap.add_argument("--articles", type=int, default=0, help="analyse only this many articles (at least; default 0: all)")
    ap.add_argument("--quotes", action="store_true", help="sample quote records instead of event records")
    ap.add_argument("--tsv", type=Path, help="also write the sample as a judgment sheet")
    ap.add_argument("--fresh", action="store_true", help="timebank: leave out the articles of every sheet in eval/judged/ and of the realnews-events dev set")
    ap.add_argument("--recheck", type=Path, help="a judged events or quotes sheet: which of its records this code still gives, and their confidence")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="draw only records at or above this confidence (e.g. 0.7)")
    ap.add_argument("--texts", type=Path, help="the directory of --source texts (texts and a manifest.tsv)")
    args = ap.parse_args()
    if args.recheck:
        recheck(args.recheck, args.source, args.texts)
        return
    sample, pooled, used = draw(args.seed, args.n, args.articles, args.quotes, args.source, args.fresh, args.min_confidence, args.texts)
    kind = "quote" if args.quotes else "event"
    if args.fresh:
        print(f"fresh: {len(load_docs(args.source, args.quotes, True))} articles not in eval/judged/ nor the realnews-events dev set")
    floor = f" at confidence >= {args.min_confidence}" if args.min_confidence else ""
    print(f"{args.source}: {used} articles analysed, {pooled} {kind} records{floor}, {len(sample)} drawn (seed {args.seed})\n")
    for i, r in enumerate(sample, 1):
        print(show_quote(i, r) if args.quotes else show_event(i, r))
    if args.tsv:
        write_sheet(args.tsv, sample, args.quotes)


if __name__ == "__main__":
    main()
