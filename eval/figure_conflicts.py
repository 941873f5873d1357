"""Figures side by side, scored: do the figures `newswire query figures --conflicts` groups count one happening?

    python eval/figure_conflicts.py [--cache analyses.jsonl] [--show] [--candidates]

Gold (`eval/figure_conflicts_gold.tsv`, documented in `eval/figure_conflicts.md`): the figures newswire
finds in articles of several stories, each labelled with what it counts ("embassy bombings: killed,
both countries"), so that two figures of different articles count the same thing about the same
happening exactly when their labels are equal. A figure labelled `-` is no count of people something
happened to (an extraction error), one with an empty label counts something no other figure counts.

Parts: development is TimeBank 1.2 + AQUAINT and MEANTIME (the grouping rules were written looking at
their figures); held out is PolNeAR (train and dev: its articles holding a word for killing, injuring,
arresting, displacing, ... near a number), labelled before the rules were scored on it and scored only.

Each part's articles are analysed with `newswire.analyze` (with their publication dates), stored in a
fresh store as an ingest stores them, and grouped by the store's own question
(`query.figure_groups`: the grouping `figures --conflicts` shows). Scores are pairwise over pairs of
gold figures in different articles of one part: a pair is predicted when both figures are in one
group. A system figure the gold does not list is a label of its own (any pair with it is wrong).
Baseline: the same `what`, published within 7 days, anywhere.

Skips with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from meantime import DEFAULT_ROOT as MEANTIME_ROOT, load_meantime  # noqa: E402
from polnear import DEFAULT_ROOT as POLNEAR_ROOT, load_polnear  # noqa: E402
from timebank import DEFAULT_ROOT as TIMEBANK_ROOT, corpus_files, load_timebank  # noqa: E402

GOLD = HERE / "figure_conflicts_gold.tsv"
PARTS = ("development", "held-out")
# A PolNeAR article is taken when a word for what figures count stands within 60 characters of a number.
_WHAT = re.compile(r"\b(killed|killing|kills|dead|deaths?|died|wounded|injured|injuring|hurt|arrested|detained|jailed|"
                   r"displaced|refugees|evacuated|kidnapped|abducted|missing|casualties)\b", re.I)
_NUMBER = re.compile(r"\b(\d[\d,.]*|dozens|scores|hundreds|thousands|millions|one|two|three|four|five|six|seven|eight|"
                     r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million)\b", re.I)


def documents() -> dict[str, list[tuple[str, str, str | None]]]:
    """part → [(name, text, published)]."""
    dev = [(d.name, d.text, d.dct) for d in load_timebank(TIMEBANK_ROOT)]
    dev += [(d.name, d.text, d.published) for d in load_meantime(MEANTIME_ROOT)]
    held = []
    for compartment in ("train", "dev"):
        for d in load_polnear(POLNEAR_ROOT, compartment):
            if any(_NUMBER.search(d.text, max(0, m.start() - 60), m.end() + 60) for m in _WHAT.finditer(d.text)):
                held.append((d.name, d.text, d.published))
    return {"development": dev, "held-out": held}


def analyses(docs: list[tuple[str, str, str | None]], cache: Path | None) -> dict[str, "Analysis"]:  # noqa: F821
    from newswire import analyze
    from newswire.records import Analysis

    stored = {}
    if cache and cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            name, data = json.loads(line)
            stored[name] = Analysis.from_dict(data)
    out, fresh = {}, False
    for n, (name, text, published) in enumerate(docs, 1):
        if name in stored and stored[name].text == text:
            out[name] = stored[name]
            continue
        print(f"\ranalysing {n}/{len(docs)}", end="", file=sys.stderr, flush=True)
        out[name], fresh = analyze(text, published=published), True
    if fresh:
        print(file=sys.stderr)
        if cache:
            stored.update(out)
            cache.write_text("".join(json.dumps([k, v.to_dict()]) + "\n" for k, v in stored.items()), encoding="utf-8")
    return out


def grouped(results: dict) -> dict[tuple[str, int], str]:
    """(doc name, figure start) → its group, from a fresh store holding these analyses."""
    from newswire.corpus import query
    from newswire.corpus.store import PENDING, Entry, Store
    from newswire.records import Article

    names = {a.id: name for name, a in results.items()}
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "figures.duckdb"
        with Store(path) as store:
            batch = list(results.values())
            for start in range(0, len(batch), 32):
                chunk = batch[start : start + 32]
                entries = [Entry(Article(text=a.text, published=a.published), a.id, len(a.text), PENDING, "fp", None) for a in chunk]
                store.add_entries(entries, [], run_id=1)
                store.add_results(chunk, [], run_id=1)
        with Store(path, read_only=True) as store:
            for row in query.figure_groups(store).dicts():
                out[(names[row["article_id"]], row["start"])] = row["group"]
    return out


def load_gold() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8") as f:
        return [row for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]


def items(part: str, results: dict, gold: list[dict[str, str]]) -> list[tuple[str, int, str, str | None]]:
    """(doc, figure start, gold label, published) for every system figure of the part; a figure the gold does not
    list, or labels `-` or empty, gets a label of its own."""
    labels = {(g["doc"], int(g["start"])): g["count"] for g in gold if g["part"] == part}
    out = []
    for name, a in results.items():
        for f in a.figures:
            label = labels.get((name, f.start), "")
            out.append((name, f.start, label if label not in ("", "-") else f"{name}@{f.start}", a.published))
    return out


def pairwise(rows: list[tuple[str, int, str, str | None]], same, show: list | None = None) -> tuple[float, float, int, int]:
    tp = fp = fn = 0
    for x, y in combinations(rows, 2):
        if x[0] == y[0]:
            continue  # across articles only
        gold, predicted = x[2] == y[2], same(x, y)
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
        if show is not None and gold != predicted:
            show.append(("wrong link" if predicted else "missed", x, y))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, tp + fn, tp + fp


def evaluate(cache: Path | None, show: bool) -> dict[str, dict[str, tuple]]:
    gold = load_gold()
    out = {}
    for part, docs in documents().items():
        results = analyses(docs, cache)
        groups = grouped(results)
        rows = items(part, results, gold)
        what = {(name, f.start): f.what for name, a in results.items() for f in a.figures}
        shown: list = []
        system = pairwise(rows, lambda x, y: groups.get(x[:2]) is not None and groups.get(x[:2]) == groups.get(y[:2]),
                          shown if show else None)

        def baseline(x, y) -> bool:
            if what[x[:2]] != what[y[:2]] or not x[3] or not y[3]:
                return False
            return abs((date.fromisoformat(x[3][:10]) - date.fromisoformat(y[3][:10])).days) <= 7

        out[part] = {"newswire": system, "same what, within 7 days": pairwise(rows, baseline)}
        if show:
            text = {(name, f.start): f"{f.text} [{f.what}, {','.join(f.places)}, {f.date}]" for name, a in results.items() for f in a.figures}
            for kind, x, y in shown:
                print(f"{part} {kind}: {x[0]} {text[x[:2]]} ({x[2]}) ~ {y[0]} {text[y[:2]]} ({y[2]})")
    return out


def candidates(cache: Path | None) -> None:
    """Print every figure of every part as a gold row to label (count column empty)."""
    print("part\tdoc\tstart\tend\ttext\tcount\tnote")
    for part, docs in documents().items():
        results = analyses(docs, cache)
        for name, a in results.items():
            for f in a.figures:
                s = max(a.text.rfind(". ", 0, f.start), a.text.rfind("\n", 0, f.start)) + 1
                e = min([x for x in (a.text.find(". ", f.end), a.text.find("\n", f.end)) if x >= 0] or [len(a.text)])
                context = " ".join(a.text[s:e].split())[:240]
                print(f"{part}\t{name}\t{f.start}\t{f.end}\t{f.text}\t\t{a.published} {f.what} {','.join(f.places)} {f.date} | {context}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="analyses read from / written to this JSON lines file")
    parser.add_argument("--show", action="store_true", help="print the wrong and missed links")
    parser.add_argument("--candidates", action="store_true", help="print every figure as a gold row to label")
    args = parser.parse_args(argv)
    if not corpus_files(TIMEBANK_ROOT) or not (POLNEAR_ROOT / "metadata.tsv").exists():
        print(f"the evaluation data is not under {TIMEBANK_ROOT.parent} (../shared/data is absent); skipping")
        return
    if args.candidates:
        candidates(args.cache)
        return
    scores = evaluate(args.cache, args.show)
    print("| part | system | precision | recall | gold pairs | predicted pairs |")
    print("|---|---|---|---|---|---|")
    for part, systems in scores.items():
        for system, (p, r, gold_pairs, predicted) in systems.items():
            print(f"| {part} | {system} | {p:.3f} | {r:.3f} | {gold_pairs} | {predicted} |")


if __name__ == "__main__":
    main()
