"""Time expressions on TimeBank + AQUAINT and on MEANTIME: newswire against dateparser, TempEval-3 scores.

    python eval/timebank_times.py [--timebank PATH] [--meantime PATH] [--limit N] [--errors PATH] [--json PATH]

Systems, in the same run on the same texts
  newswire    newswire.analyze_articles on each text with its creation time as
              the publication date (the whole pipeline: cleaning, parse, times).
  dateparser  dateparser.search.search_dates(text) with RELATIVE_BASE = the
              creation time, once with PREFER_DATES_FROM="current_period"
              (dateparser's default) and once with "past". dateparser returns
              datetimes, so every expression is a DATE with a day value (a TIME
              when it has a clock time): it has no months, weeks, durations or
              sets. Its extents include what it read as part of the date
              ("on May 26, 1980").

Data
  TimeBank 1.2 (183 documents) and AQUAINT (73), TimeML: the text inside
  <TEXT>, the gold TIMEX3s in it, the DCT as the publication date
  (eval/timebank.py). There is no separate development split here: the rules
  were developed looking at all of it, so these are development scores.
  MEANTIME (120 English Wikinews articles, eval/meantime.py): the gold
  TIMEX3s with tokens, including the date line; only the annotated part of
  each article (MeantimeDoc.annotated_end) is scored, system expressions
  after it are dropped.

Scores: eval/timex_metrics.py (strict and relaxed extent P/R/F1, type and
value accuracy over relaxed matches, type and value F1 = accuracy × relaxed
F1, as TempEval-3 defines them). --errors writes every miss, spurious
expression and wrong value or type of newswire's, with context.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from timebank import DEFAULT_ROOT as TIMEBANK_ROOT
from timebank import load_timebank
from timex_metrics import HEADER, Scores, Timex, row, score

PREFERENCES = ("current_period", "past")


def newswire_times(items: list[tuple[str, str | None]]) -> list[list[Timex]]:
    """newswire's time expressions for each (text, publication date)."""
    from newswire.pipeline import analyze_articles
    from newswire.text.read import read_text

    articles = (read_text(text, published=published) for text, published in items)
    return [[Timex(t.start, t.end, t.type, t.value) for t in a.times] for a in analyze_articles(articles, any_language=True)]


def dateparser_times(text: str, published: str | None, prefer: str) -> list[Timex]:
    """dateparser's search_dates, anchored on the publication date, as spans of `text`."""
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": prefer}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(published)
    found = search_dates(text, languages=["en"], settings=settings) or []
    out, pos = [], 0
    for phrase, when in found:
        start = text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        timed = (when.hour, when.minute) != (0, 0)
        value = when.strftime("%Y-%m-%dT%H:%M") if timed else when.date().isoformat()
        out.append(Timex(start, pos, "TIME" if timed else "DATE", value))
    return out


def evaluate(docs: list[dict], systems: dict[str, list[list[Timex]]]) -> dict[str, Scores]:
    """Total scores per system; each doc has `gold` and `end` (score only expressions starting before it)."""
    totals = {}
    for name, predictions in systems.items():
        total = Scores()
        for doc, predicted in zip(docs, predictions):
            kept = [t for t in predicted if t.start < doc["end"]]
            total.add(score(doc["gold"], kept))
        totals[name] = total
    return totals


def run(docs: list[dict], label: str) -> tuple[dict[str, Scores], list[list[Timex]]]:
    items = [(d["text"], d["published"]) for d in docs]
    started = time.perf_counter()
    ours = newswire_times(items)
    spent = {"newswire": time.perf_counter() - started}
    systems = {"newswire": ours}
    for prefer in PREFERENCES:
        started = time.perf_counter()
        systems[f"dateparser ({prefer})"] = [dateparser_times(t, p, prefer) for t, p in items]
        spent[f"dateparser ({prefer})"] = time.perf_counter() - started
    totals = evaluate(docs, systems)
    gold = sum(len(d["gold"]) for d in docs)
    print(f"\n{label}: {len(docs)} documents, {gold} gold time expressions")
    print(HEADER)
    for name, s in totals.items():
        print(row(name, s) + f"   ({spent[name]:.0f} s)")
    return totals, ours


def timebank_docs(root: Path, limit: int | None) -> list[dict]:
    docs = load_timebank(root)[:limit] if limit else load_timebank(root)
    return [
        {"name": d.name, "corpus": d.corpus, "text": d.text, "published": d.dct, "end": len(d.text),
         "gold": [Timex(t.start, t.end, t.type, t.value) for t in d.timexes]}
        for d in docs
    ]  # fmt: skip


def meantime_docs(root: Path, limit: int | None) -> list[dict]:
    from meantime import load_meantime

    docs = load_meantime(root)[:limit] if limit else load_meantime(root)
    return [
        {"name": d.name, "corpus": d.corpus, "text": d.text, "published": d.published, "end": d.annotated_end,
         "gold": [Timex(t.start, t.end, t.type, t.value) for t in d.timexes]}
        for d in docs
    ]  # fmt: skip


def write_errors(path: Path, docs: list[dict], predictions: list[list[Timex]]) -> None:
    """Every miss, spurious expression and wrong type or value of newswire's, with context."""
    lines = []
    for doc, predicted in zip(docs, predictions):
        text = doc["text"]
        s = score(doc["gold"], [t for t in predicted if t.start < doc["end"]])

        def show(t: Timex) -> str:
            before = " ".join(text[max(0, t.start - 60) : t.start].split())
            after = " ".join(text[t.end : t.end + 40].split())
            return f"{before} [[{text[t.start:t.end]}]] {after}"

        for t in s.missed:
            lines.append(f"MISS\t{doc['name']}\t{doc['published']}\t{t.type} {t.value}\t{show(t)}")
        for t in s.spurious:
            lines.append(f"SPURIOUS\t{doc['name']}\t{doc['published']}\t{t.type} {t.value}\t{show(t)}")
        for g, t in s.pairs:
            if g.value != t.value or g.type != t.type:
                lines.append(
                    f"WRONG\t{doc['name']}\t{doc['published']}\tgold {g.type} {g.value} [{text[g.start:g.end]}] "
                    f"/ ours {t.type} {t.value}\t{show(t)}"
                )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--timebank", type=Path, default=TIMEBANK_ROOT)
    ap.add_argument("--meantime", type=Path, default=None)
    ap.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    ap.add_argument("--errors", type=Path, help="write newswire's errors on TimeBank+AQUAINT here (and MEANTIME's to PATH.meantime)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    from meantime import DEFAULT_ROOT as MEANTIME_ROOT
    from meantime import corpus_files as meantime_files

    results = {}
    timebank = timebank_docs(args.timebank, args.limit)
    if not timebank:
        print(f"TimeBank/AQUAINT not found at {args.timebank}; skipping the evaluation")
        sys.exit(0)
    totals, ours = run(timebank, "TimeBank + AQUAINT")
    results["timebank+aquaint"] = totals
    for corpus in ("TimeBank", "AQUAINT"):
        part = [i for i, d in enumerate(timebank) if d["corpus"] == corpus]
        sub = evaluate([timebank[i] for i in part], {"newswire": [ours[i] for i in part]})["newswire"]
        print(row(f"  newswire on {corpus}", sub))
        results[corpus] = {"newswire": sub}
    if args.errors:
        write_errors(args.errors, timebank, ours)

    meantime_root = args.meantime or MEANTIME_ROOT
    if meantime_files(meantime_root):
        meantime = meantime_docs(meantime_root, args.limit)
        totals, ours = run(meantime, "MEANTIME (annotated part)")
        results["meantime"] = totals
        if args.errors:
            write_errors(args.errors.with_suffix(args.errors.suffix + ".meantime"), meantime, ours)
    else:
        print(f"\nMEANTIME not found at {meantime_root}; skipping its row")

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    data: {name: {"strict": s.prf(s.strict), "relaxed": s.prf(s.relaxed), "type_accuracy": s.type_accuracy,
                                  "value_accuracy": s.value_accuracy, "type_f1": s.type_f1, "value_f1": s.value_f1}
                           for name, s in systems.items()}
                    for data, systems in results.items()
                },
                indent=2,
            )
        )  # fmt: skip


if __name__ == "__main__":
    main()
