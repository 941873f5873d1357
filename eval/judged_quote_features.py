"""Today's features of the judged quote records of the external sheets (eval/judged/quotes-external*-judge*q.tsv).

The sheets are in the repository; the articles they judged are NOT: they are read from /work/ext15/judge,
/work/ext16/judge3, /work/ext17/judge4, /work/ext18/judge5 and /work/ext19/judge6 (`SHEETS`), or from the directories given as SHEET=DIR.

    python eval/judged_quote_features.py OUT.json [SHEET=DIR ...]

Each sheet's articles are analysed by newswire as it is now (entities, times, quotes; the article's
published date from the directory's manifest.tsv), and each judged row is matched to today's record of
its article by content (the sheet's content text, whitespace normalised, is a prefix of the record's)
and cue. A row whose record newswire no longer makes is left out (counted). Each row kept gets the
record's features (`newswire.quotes.confidence.features`), today's confidence and the judges' verdicts.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# sheet -> the directory of its articles (the article column names a file there, with or without ".txt")
SHEETS = {
    "judge15q": ("eval/judged/quotes-external15-judge15q.tsv", "/work/ext15/judge"),
    "judge16q": ("eval/judged/quotes-external16-judge16q.tsv", "/work/ext16/judge3"),
    "judge17q": ("eval/judged/quotes-external17-judge17q.tsv", "/work/ext17/judge4"),
    "judge18q": ("eval/judged/quotes-external18-judge18q.tsv", "/work/ext18/judge5"),
    "judge19q": ("eval/judged/quotes-external19-judge19q.tsv", "/work/ext19/judge6"),
}


def _norm(text: str) -> str:
    return " ".join(text.split()).strip()


def _yes(value: str) -> bool:
    return value.strip().upper().startswith("Y")


def collect(sheet: str, path: str, directory: str) -> tuple[list[dict], int]:
    import dataclasses

    from newswire import pipeline
    from newswire.quotes.confidence import features
    from newswire.text.read import read_path

    rows = list(csv.DictReader(open(REPO / path, encoding="utf-8"), delimiter="\t"))
    dates = {}
    for line in open(Path(directory) / "manifest.tsv", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0] != "file":
            dates[parts[0]] = parts[1] or None
    out, missed = [], 0
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article"].removesuffix(".txt"), []).append(r)
    for name, judged in sorted(by_article.items()):
        article = read_path(str(Path(directory) / f"{name}.txt"))
        if dates.get(f"{name}.txt") and not article.published:
            article = dataclasses.replace(article, published=dates[f"{name}.txt"])
        removed = pipeline.prepare(article, any_language=True)
        parsed = pipeline.parse(article.text, removed)
        analysis = pipeline.analyze_parsed(article, removed, parsed, stages=("entities", "times", "quotes"))
        by_id = {e.id: e for e in analysis.entities}
        used: set[str] = set()
        for r in judged:
            want = _norm(r["content"])
            cands = [q for q in analysis.quotes if q.id not in used and _norm(q.content.text).startswith(want)]
            if len(cands) > 1:
                cands = [q for q in cands if q.cue is not None and _norm(q.cue.text) == _norm(r["cue"])] or cands
            if not cands:
                missed += 1
                continue
            q = cands[0]
            used.add(q.id)
            out.append({
                "sheet": sheet, "article": f"{sheet}/{name}", "sample": r["sample"], "features": features(parsed, q, by_id),
                "confidence": q.confidence, "old_confidence": float(r["confidence"]),
                "attribution": _yes(r["attribution"]), "content": _yes(r["content_ok"]),
                "speaker": _yes(r["speaker_ok"]), "right": _yes(r["fully_right"]),
            })
    return out, missed


def directories(overrides: list[str] | None = None) -> dict[str, str]:
    """Each sheet's article directory: `SHEETS`, or as given ("judge15q=/data/judge"); exits with one message saying
    how to point at them when a directory is not there."""
    dirs = {sheet: directory for sheet, (_, directory) in SHEETS.items()}
    for given in overrides or []:
        sheet, _, directory = given.partition("=")
        if sheet not in dirs or not directory:
            sys.exit(f"unknown judged sheet {given!r}: give SHEET=DIR, SHEET one of {', '.join(dirs)}")
        dirs[sheet] = directory
    missing = [f"{sheet}={d}" for sheet, d in dirs.items() if not (Path(d) / "manifest.tsv").exists()]
    if missing:
        sys.exit(
            "the articles of the judged quote sheets are outside the repository and not found: " + ", ".join(missing)
            + ". Point at them with --judged-dir SHEET=DIR (one per sheet), or fit --no-judged (PolNeAR train alone:"
            " a different table, which runs high on international news)."
        )
    return dirs


def collect_all(dirs: dict[str, str] | None = None) -> list[dict]:
    """The judged rows of every sheet with today's features (articles from `dirs`, by default `SHEETS`)."""
    rows = []
    for sheet, (path, directory) in SHEETS.items():
        got, missed = collect(sheet, path, (dirs or {}).get(sheet, directory))
        print(f"{sheet}: {len(got)} rows matched, {missed} rows without today's record", flush=True)
        rows += got
    return rows


def main() -> None:
    Path(sys.argv[1]).write_text(json.dumps(collect_all(directories(sys.argv[2:]))))


if __name__ == "__main__":
    main()
