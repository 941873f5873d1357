"""What the re-link costs that a change of LINKS_LAYOUT forces on a store made by an older version: the
`Store.link_stored` an ingest runs once, at its start, when the store's `meta` key `links` is not this version's
(`corpus/ingest.py`: "linking the entities, quotes and events of the N articles ... (once: ...)").

    python bench/relink_scale.py --sizes 10000,30000 [--json] [--keep DIR]
    RELINK_MEMORY_LIMIT=300MB python bench/relink_scale.py ...   # the re-link under DuckDB's memory_limit

How the stores are made: as bench/link_scale.py makes them (its `World`: synthetic rows shaped like news, 12
entities, 3 quotes and 4 events an article, 100 articles a day; no model is run), written by `Store.add_results` in
batches of 5,000, so each store is linked as an ingest links it. Its `links` key is then set to an older layout's.

Measured, for each size: `Store.link_stored()` in a process of its own (the store opened for writing, as the ingest
opens it): wall and CPU time (all the process's threads), in all and per 1,000 articles, and the re-link's own peak
resident memory, DuckDB's buffers included (`relink_peak_rss_mb`: the high-water mark reset just before it, so the
store's opening, which read the file and was the process's peak, is not counted; `relink_rss_growth_mb` what it
added to the process's size just before it), beside the whole process's peak (`process_peak_rss_mb`). Checked: the re-link gives the same numbers of corpus entities,
corpus quotes and corpus events, and of linked rows, as the links made article batch by article batch (a re-link
that lost or split links would be a silent change of every answer by name).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from link_scale import build, run  # noqa: E402

from newswire.corpus.store import Store  # noqa: E402

COUNTS = {
    "corpus_entities": "SELECT count(*) FROM corpus_entities",
    "corpus_quotes": "SELECT count(*) FROM corpus_quotes",
    "corpus_events": "SELECT count(*) FROM corpus_events",
    "entities_linked": "SELECT count(corpus_entity) FROM entities",
    "quotes_linked": "SELECT count(corpus_quote) FROM quotes",
    "events_linked": "SELECT count(corpus_event) FROM events",
}

# the child process: the re-link alone, timed, with its own peak memory
# The re-link's own peak: the process's high-water mark of resident memory (VmHWM) is reset to its current size just
# before the re-link (Linux: writing 5 to /proc/self/clear_refs), so that the peak read after it is the re-link's,
# not the store's opening (which reads the file's blocks and was the whole process's peak: session eighteen). Where
# the reset is refused, a thread samples the resident size every 10 ms during the re-link instead (`peak_by`).
RELINK = """
import json, resource, sys, threading, time
sys.path.insert(0, sys.argv[2])
from newswire.corpus.store import Store

def status(name):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith(name + ":"))

def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return status("VmHWM") <= status("VmRSS") + 1
    except OSError:
        return False

with Store(sys.argv[1]) as store:
    if sys.argv[3]:
        store.con.execute(f"SET memory_limit = '{sys.argv[3]}'")
    assert not store.links_current()[0]
    opened = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reset = reset_peak()
    before = status("VmRSS")
    sampled, done = [before], threading.Event()
    def sample():
        while not done.wait(0.01):
            sampled.append(status("VmRSS"))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    wall, cpu = time.perf_counter(), time.process_time()
    linked = store.link_stored()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    done.set()
    sampler.join()
    peak = status("VmHWM") if reset else max(sampled)
    assert store.links_current()[0]
print(json.dumps({"linked": linked, "wall": wall, "cpu": cpu, "opened_mb": opened, "before_mb": before,
                  "relink_peak_mb": peak, "sampled_peak_mb": max(sampled), "peak_by": "VmHWM reset" if reset else "sampled",
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def counts(path: Path) -> dict[str, int]:
    with Store(path, read_only=True) as store:
        return {name: store.con.execute(sql).fetchone()[0] for name, sql in COUNTS.items()}


def measure(size: int, folder: Path) -> dict:
    path, _, _, built = build(size, folder, "relink")
    with Store(path) as store:
        store.con.execute("UPDATE meta SET value = 'an older layout' WHERE key = 'links'")
    before = counts(path)
    limit = os.environ.get("RELINK_MEMORY_LIMIT", "")
    done = subprocess.run([sys.executable, "-c", RELINK, str(path), str(REPO), limit], capture_output=True, text=True, check=True)
    relink = json.loads(done.stdout.strip().splitlines()[-1])
    after = counts(path)
    return {
        "stored_articles": size, "memory_limit": limit or None, "build_s": round(built, 1), "relinked_articles": relink["linked"],
        "relink_s": round(relink["wall"], 1), "relink_cpu_s": round(relink["cpu"], 1),
        "relink_s_per_1000": round(relink["wall"] * 1000 / size, 2), "relink_cpu_s_per_1000": round(relink["cpu"] * 1000 / size, 2),
        # the re-link's own peak resident memory, and what it added to the process's size just before it
        "relink_peak_rss_mb": round(relink["relink_peak_mb"]), "relink_rss_growth_mb": round(relink["relink_peak_mb"] - relink["before_mb"]),
        "rss_mb_before_relink": round(relink["before_mb"]), "relink_peak_measured_by": relink["peak_by"],
        "relink_sampled_peak_mb": round(relink["sampled_peak_mb"]),  # a check of the first, sampled every 10 ms
        "process_peak_rss_mb": round(relink["rss_mb"]),  # the whole process's (the store's opening included)
        "rss_mb_store_opened": round(relink["opened_mb"]), "store_mb": round(path.stat().st_size / 2**20),
        "same_links": before == after, **after,
        **({} if before == after else {"before": before}),
    }


def main(argv: list[str] | None = None) -> None:
    run(measure, __doc__, "10000,30000", argv)


if __name__ == "__main__":
    main()
