"""What a writing batch costs in a grown store: seeded batches of new articles written into a copy, CPU per batch.

    python bench/split_batches.py STORE --seed 32 [--batches 8] [--size 32] [--templates 60] [--cache FILE] [--json]

Writes --batches batches of --size new articles into STORE (in place: give it a
copy of a `bench/corpus_scale.py` store, e.g. its kept base-10000.duckdb or
scale-200000.duckdb), as an ingest writes them: for each batch the entries,
then the analyses (`add_results`), the file opened and closed for each
(`Store(hold=False)`, so the checkpoint at the close is counted). The articles
are clones made by `bench/corpus_scale.py`'s `Cloner` with --seed (the people,
organisations and quotes drawn by it: the same seed gives the same batches
whatever the code or the store), dated from the middle of the store's dates on,
one day per batch. The people of the templates are named in several countries,
so the batches split names by country (the store's `corpus_entities` keys
with more than one row, counted before and after).

Measures the CPU time of this process (`time.process_time`: user and system,
what a shared machine's load does not inflate as it does wall time) per batch,
entries and results, and prints them with their mean and median. Two stores
written with the same seed by two versions of the code (each run with that
code: `PYTHONPATH` set to its checkout, checked by the printed `code`) can then
be compared with `bench/same_answers.py`.

--profile adds the CPU time spent in the parts of a batch's linking that a
split by country makes move rows (`link._relabel`, inside `link.link_entities`;
`quote_link.move_speakers`, `quote_link.relabel_quotes`; since layout `@3` `split_apart` and `whole_again`, which
link a split speaker's mixed corpus quotes again) and in the rest of the
linking (`link.link_entities`, `quote_link.link_quotes`, `link.recount`,
`event_link.refresh_entities`, `event_link.link_events`), summed per batch, each
without the profiled calls it makes (so the parts add up): an estimate of what
not moving rows can save.

--cache keeps the analysed templates (a pickle) so that runs after the first
skip the analysis (about 30 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import newswire  # noqa: E402
from corpus_scale import Cloner, cached_templates  # noqa: E402
from newswire.corpus.store import Store  # noqa: E402


def split_keys(path: Path) -> int:
    with Store(path, read_only=True) as store:
        return store.con.execute("SELECT count(*) FROM (SELECT key FROM corpus_entities GROUP BY key HAVING count(*) > 1)").fetchone()[0]


# `quote_link.move_speakers` (layout @2) became `split_apart` and `whole_again` (@3): those the code run has are profiled
PROFILED = (("link", "link_entities"), ("link", "_relabel"), ("link", "recount"), ("quote_link", "move_speakers"),
            ("quote_link", "split_apart"), ("quote_link", "whole_again"),
            ("quote_link", "link_quotes"), ("quote_link", "relabel_quotes"), ("event_link", "refresh_entities"),
            ("event_link", "link_events"))


_nested: list[float] = []  # the CPU of the profiled calls inside each profiled call running


def profiled(spent: dict[str, float]) -> None:
    """Wrap the functions of PROFILED so that each adds its CPU time to `spent` (by name), less that of the profiled
    calls it makes (`link._relabel` inside `link.link_entities`, `quote_link.relabel_quotes` inside
    `quote_link.move_speakers`): the parts add up."""
    import importlib

    for module_name, name in PROFILED:
        module = importlib.import_module(f"newswire.corpus.{module_name}")
        inner = getattr(module, name, None)
        if inner is None:  # a part of another layout's code
            continue

        def wrapper(*args, __inner=inner, __name=f"{module_name}.{name}", **kwargs):
            t = time.process_time()
            _nested.append(0.0)
            try:
                return __inner(*args, **kwargs)
            finally:
                inclusive = time.process_time() - t
                nested = _nested.pop()
                spent[__name] = spent.get(__name, 0.0) + inclusive - nested  # its own: not that of the profiled calls inside
                if _nested:
                    _nested[-1] += inclusive

        setattr(module, name, wrapper)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--batches", type=int, default=8)
    ap.add_argument("--size", type=int, default=32)
    ap.add_argument("--templates", type=int, default=60)
    ap.add_argument("--cache", type=Path, help="a pickle of the analysed templates (written when missing)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--profile", action="store_true", help="also the CPU of the linking's parts per batch")
    ap.add_argument("--cprofile", type=Path, help="write cProfile statistics of the batches (not the opening) to this file")
    args = ap.parse_args(argv)

    cloner = Cloner(cached_templates(args.templates, args.cache), seed=args.seed)
    with Store(args.store, read_only=True) as store:
        lo, hi, count = store.con.execute("SELECT min(published), max(published), count(*) FROM articles").fetchone()
    middle = dt.date.fromisoformat(lo) + (dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)) / 2
    before = split_keys(args.store)
    t0 = time.process_time()
    store = Store(args.store, hold=False)  # its opening (integrity check, a migration) is not in the batches
    opening = time.process_time() - t0
    cpu = []
    spent: dict[str, float] = {}
    parts: list[dict[str, int]] = []
    if args.profile:
        profiled(spent)
    profiler = None
    if args.cprofile:
        import cProfile

        profiler = cProfile.Profile()
    try:
        run_id = store.start_run([f"split batches seed {args.seed}"], {})
        for b in range(args.batches):
            day = middle + dt.timedelta(days=b)
            batch = [cloner.clone(10_000_000 * args.seed + b * args.size + i, day) for i in range(args.size)]
            t = time.process_time()
            if profiler:
                profiler.enable()
            store.add_entries([e for _, e, _ in batch], [], run_id)
            store.add_results([a for a, _, _ in batch], [], run_id)
            if profiler:
                profiler.disable()
            cpu.append(time.process_time() - t)
            parts.append({k: round(v * 1000) for k, v in sorted(spent.items())})
            spent.clear()
        t = time.process_time()
        store.finish_run(run_id, {}, "finished")
    finally:
        store.close()
    cpu[-1] += time.process_time() - t  # the run's end and the final close go with the last batch
    if profiler:
        profiler.dump_stats(str(args.cprofile))
    out = {
        "code": str(Path(newswire.__file__).resolve().parents[1]), "store": str(args.store), "articles_before": count,
        "seed": args.seed, "batch": args.size, "opening_cpu_ms": round(opening * 1000),
        "cpu_ms_per_batch": [round(c * 1000) for c in cpu], "mean_cpu_ms": round(statistics.mean(cpu) * 1000),
        "median_cpu_ms": round(statistics.median(cpu) * 1000), "split_keys_before": before, "split_keys_after": split_keys(args.store),
    }
    if args.profile:
        out["linking_cpu_ms_per_batch"] = parts
    print(json.dumps(out) if args.json else "\n".join(f"{k}: {v}" for k, v in out.items()))


if __name__ == "__main__":
    main()
