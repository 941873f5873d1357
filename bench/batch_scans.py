"""What each statement of a batch of new articles costs as the store grows: the statements whose cost grows with
the store are those that read a whole table (or a whole column of one) per batch.

    python bench/batch_scans.py --sizes 2000,10000 [--json] [--keep DIR] [--batches 8]

How the stores are made: as bench/link_scale.py makes them (synthetic rows shaped like news; its `World`, no model
run; some people given a second country, so names are split by country while their events and quotes are stored).
Measured, for each size: `--batches` batches of 32 new articles (dated after the store's last day) written as an
ingest writes them (`Store.add_entries`, `Store.add_results`, the file held open), and the CPU time (all the process's
threads) of every statement the store's connection executes, summed by where it is executed (module, function and
line) over the batches: `cpu_ms_per_batch` in all, and `sites` (calls, CPU ms). Compare two sizes' figures site by
site: the ratio of a site's CPU from the smaller store to the larger is what a batch pays for that statement as
the store grows (1.0: nothing it reads grows).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from link_scale import BATCH, build, run, store_batch  # noqa: E402

from newswire.corpus.store import Store  # noqa: E402

BATCHES = 8


class Timed:
    """The store's connection, with the CPU time of each `execute` summed by the place it is called from."""

    def __init__(self, con):
        self._con = con
        self.sites: dict[str, list] = defaultdict(lambda: [0, 0.0])

    def execute(self, sql, *args, **kwargs):
        frame = sys._getframe(1)
        site = f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}:{frame.f_lineno}"
        started = time.process_time()
        try:
            return self._con.execute(sql, *args, **kwargs)
        finally:
            found = self.sites[site]
            found[0] += 1
            found[1] += time.process_time() - started

    def __getattr__(self, name):
        return getattr(self._con, name)


def measure(size: int, folder: Path, batches: int = BATCHES) -> dict:
    path, world, rng, built = build(size, folder, "scans")
    new = [world.article(n, rng) for n in range(size, size + BATCH * batches)]
    with Store(path) as store:
        timed = store.con = Timed(store.con)
        cpu = time.process_time()
        for start in range(0, len(new), BATCH):
            store_batch(store, new[start : start + BATCH])
        cpu = time.process_time() - cpu
        store.con = timed._con
    sites = sorted(timed.sites.items(), key=lambda kv: -kv[1][1])
    return {"stored_articles": size, "build_s": round(built, 1), "batches": batches, "cpu_ms_per_batch": round(cpu * 1000 / batches, 1),
            "sites": {site: [calls, round(seconds * 1000 / batches, 2)] for site, (calls, seconds) in sites}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--batches", type=int, default=BATCHES)
    known, rest = parser.parse_known_args(argv)
    run(lambda size, folder: measure(size, folder, known.batches), __doc__, "2000,10000", rest)


if __name__ == "__main__":
    main()
