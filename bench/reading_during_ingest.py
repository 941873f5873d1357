"""Reading a store while an ingest writes it: how often and how long a reader waits, and what it costs the ingest.

    python bench/reading_during_ingest.py [--limit 200] [--workers 2] [--every 0.5] [--texts DIR] [--json PATH]

Texts: the first --limit PolNeAR train texts from ../shared/data, or --texts
(exits with a message when absent), written as .txt files to a temporary folder. In one run:

  release   `ingest --workers W` as newswire runs it: the file is opened for
            each batch's commit and closed after (`Store(hold=False)`), while
            this process reads every --every seconds (open the store
            read-only, `query entities --top 10`, close): each read that
            found the file locked and waited is counted, with how long it took
            to open
  alone     the same ingest with no reader: the writer's own cost of
            opening and closing, without waiting for readers
  hold      the same ingest holding one connection for the whole run (as
            before), with no reader (none could open the file): the baseline

and reports the reads (how many, how many waited, the median and the longest
wait), the wall time of each ingest and its ratio, and the writer's own cost of
opening and closing the file (count, total seconds: the time DuckDB's open and
its checkpoint on close take, of which the ratio is the visible part). The
machine's other load is not controlled: say so when quoting the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"


def child(mode: str, folder: str, db: str, out: str, workers: int) -> None:
    """Run one ingest in this process, timing every open and close of the file by the writer."""
    sys.path.insert(0, str(REPO))
    import newswire.corpus.ingest as ingest_module
    import newswire.corpus.store as store_module

    cost = {"opens": 0, "open_s": 0.0, "closes": 0, "close_s": 0.0}
    connect, release = store_module.connect, store_module.Store._release

    def timed_connect(*args, **kwargs):
        start = time.perf_counter()
        try:
            return connect(*args, **kwargs)
        finally:
            cost["opens"] += 1
            cost["open_s"] += time.perf_counter() - start

    def timed_release(self):
        start = time.perf_counter()
        try:
            return release(self)
        finally:
            cost["closes"] += 1
            cost["close_s"] += time.perf_counter() - start

    store_module.connect = timed_connect
    store_module.Store._release = timed_release
    if mode == "hold":
        real_store = store_module.Store
        ingest_module.Store = lambda path, hold=True, **kwargs: real_store(path, hold=True, **kwargs)
    start = time.perf_counter()
    summary = ingest_module.ingest([folder], db=db, workers=workers)
    cost["seconds"] = time.perf_counter() - start
    cost["analysed"] = summary.analysed
    Path(out).write_text(json.dumps(cost))


def read_while(process: subprocess.Popen, db: Path, every: float) -> list[dict]:
    """Read the store every `every` seconds until the process ends: one record per read."""
    import duckdb

    import newswire.corpus.store as store_module
    from newswire.corpus import query
    from newswire.errors import StoreError

    locked = [0]
    real = duckdb.connect

    def counting_connect(*args, **kwargs):
        try:
            return real(*args, **kwargs)
        except duckdb.Error as err:
            if "Conflicting lock" in str(err):
                locked[0] += 1
            raise

    store_module.duckdb.connect = counting_connect
    reads = []
    while process.poll() is None:
        tick = time.monotonic()
        locked[0] = 0
        record = {"at": tick}
        start = time.perf_counter()
        try:
            with store_module.Store(db, read_only=True) as store:
                record["open_s"] = time.perf_counter() - start
                record["rows"] = len(query.entities(store, top=10))
        except StoreError as err:
            record["error"] = str(err)
        record["seconds"] = time.perf_counter() - start
        record["lock_retries"] = locked[0]
        reads.append(record)
        time.sleep(max(0.0, every - (time.monotonic() - tick)))
    return reads


def run(mode: str, folder: Path, db: Path, workers: int, every: float | None) -> tuple[dict, list[dict]]:
    out = db.with_suffix(".json")
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(folder), str(db), str(out), "--workers", str(workers)],
        cwd=REPO, stderr=subprocess.PIPE, text=True,
    )
    reads = read_while(process, db, every) if every else []
    _, stderr = process.communicate()
    if process.returncode != 0:
        sys.exit(f"ingest ({mode}) failed: {stderr}")
    return json.loads(out.read_text()), reads


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=200, help="the first N PolNeAR train texts (default 200)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--every", type=float, default=0.5, help="seconds between reads (default 0.5)")
    ap.add_argument("--texts", type=Path, default=POLNEAR_TRAIN, help="folder of .txt files (default: the PolNeAR train texts)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", nargs=4, metavar=("MODE", "FOLDER", "DB", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        mode, folder, db, out = args.child
        child(mode, folder, db, out, args.workers)
        return
    if not args.texts.is_dir():
        print(f"PolNeAR train texts not found under {args.texts}; skipping the benchmark")
        sys.exit(0)
    sys.path.insert(0, str(REPO))
    paths = sorted(args.texts.glob("*.txt"))[: args.limit]
    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for p in paths:
            (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        load = os.getloadavg()[0]
        released, reads = run("release", folder, Path(tmp) / "release.duckdb", args.workers, args.every)
        load = max(load, os.getloadavg()[0])
        alone, _ = run("release", folder, Path(tmp) / "alone.duckdb", args.workers, None)
        load = max(load, os.getloadavg()[0])
        held, _ = run("hold", folder, Path(tmp) / "hold.duckdb", args.workers, None)
        load = max(load, os.getloadavg()[0])

    waited = [r for r in reads if r["lock_retries"]]
    waits = [r["open_s"] for r in waited if "open_s" in r]
    errors = [r["error"] for r in reads if "error" in r and "no database at" not in r["error"]]
    answered = [r for r in reads if "rows" in r]
    print(f"{len(paths)} PolNeAR train texts, ingest --workers {args.workers}; load average up to {load:.1f} on {os.cpu_count()} cores")
    print(f"reads every {args.every} s during the ingest: {len(reads)} ({len(answered)} answered, {len(errors)} errors"
          f"{': ' + errors[0] if errors else ''})")
    if waits:
        print(f"reads that found the file locked and waited: {len(waits)} ({100 * len(waits) / max(1, len(answered)):.0f}%), "
              f"time to open: median {statistics.median(waits):.3f} s, max {max(waits):.3f} s")
    else:
        print("reads that found the file locked and waited: 0")
    opens = [r["open_s"] for r in answered if not r["lock_retries"]]
    if opens:
        print(f"time to open without waiting: median {statistics.median(opens):.3f} s")
    print(f"ingest wall time: {released['seconds']:.1f} s opening the file per batch with the reader, "
          f"{alone['seconds']:.1f} s without it, {held['seconds']:.1f} s holding the file (no reader possible); "
          f"without / holding = {alone['seconds'] / held['seconds']:.3f} x")
    for name, r in (("with the reader", released), ("without a reader", alone), ("holding", held)):
        spent = r["open_s"] + r["close_s"]
        print(f"the writer's opens and closes, {name}: {r['opens']} opens {r['open_s']:.2f} s (waits for readers included) "
              f"+ {r['closes']} closes {r['close_s']:.2f} s (checkpoints) = {spent:.2f} s, {100 * spent / r['seconds']:.1f}% of the run")
    if args.json:
        args.json.write_text(json.dumps({"texts": len(paths), "workers": args.workers, "release": released, "alone": alone, "hold": held,
                                         "reads": reads, "load_average": load}, indent=2))


if __name__ == "__main__":
    main()
