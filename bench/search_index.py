"""Text search on a large store: a page of `/api/articles?q=` and `/api/quotes?q=` as `newswire serve` answers it.

    python bench/search_index.py --db STORE [--before OLD] [--repeat 5] [--limit 100] [--json] [--index-batch 64]

Each search is asked --repeat times, as one request of `newswire serve` asks it: the store opened read-only, one
page of --limit rows with the answer's total (`query.page`), newest first as the web UI shows it; the wall time from
opening to the page. The searches, by kind: a rare word, a common word, a word's beginning (inside longer words),
a phrase, a phrase of common words, and no match. A store with the word index answers from it; a store without it
(made before it, not yet ingested again) by the scan: --before OLD asks each search of that store too, in turn with
--db's (one request of each, --repeat times), so that both meet the same load of the machine.

--index-batch N: also time how long the word index takes to write one batch of N analysed articles (their text,
title and quotes, read from the store: `wordindex.add` into a copy held in memory, so the store is left alone).

--write-batches N (this one WRITES to --db: give it a copy): commit N batches of 32 new synthetic articles through
`Store.add_results`, opening and closing the file for each as an ingest does (bench/corpus_scale.py's clones of
--templates analysed texts), alternately with the word index written and with its writing switched off; prints the
median of each, and of the time `wordindex.add` takes within the batches that write it (the two medians differ by
the machine's noise more than by the index, under load).

Figures depend on the machine and on its other load: say both when quoting them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newswire.corpus import query, wordindex  # noqa: E402
from newswire.corpus.store import Store  # noqa: E402

SEARCHES = {
    "articles": [("rare word", "donation"), ("common word", "the"), ("word start", "ceasef"), ("phrase", "ceasefire talks"),
                 ("common phrase", "said the"), ("no match", "zzqxj")],
    "quotes": [("rare word", "advantages"), ("common word", "the"), ("word start", "ceasef"), ("phrase", "we will"),
               ("common phrase", "of the"), ("no match", "zzqxj")],
}


def ask(db: str, question: str, search: str, limit: int) -> tuple[float, int]:
    started = time.perf_counter()
    with Store(db, read_only=True) as store:
        page = query.page(store, question, limit=limit, search=search, sort="-published")
    return time.perf_counter() - started, page.total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def index_batch(db: str, size: int) -> float:
    """Seconds to index `size` stored articles (text, title, quotes) into an empty index in memory, best of 3."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    for name, columns in wordindex.TABLES.items():
        con.execute(f"CREATE TABLE {name} ({', '.join(f'{c} {t}' for c, t in columns)})")
    texts, quotes = [], []
    ids = [i for (i,) in con.execute(f"SELECT id FROM src.articles WHERE status = 'analysed' LIMIT {int(size)}").fetchall()]
    for article, text, title in con.execute("SELECT id, text, title FROM src.articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall():
        texts += [(article, text), (article, title)]
    quotes = con.execute("SELECT article_id, ord, content_text FROM src.quotes WHERE article_id IN (SELECT unnest(?))", [ids]).fetchall()
    # the store's vocabulary first, as a batch meets it
    con.execute("INSERT INTO words SELECT * FROM src.words") if con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'src' AND table_name = 'words'").fetchone()[0] else None
    best = float("inf")
    for _ in range(3):
        con.execute("BEGIN")
        started = time.perf_counter()
        wordindex.add(con, texts, quotes)
        best = min(best, time.perf_counter() - started)
        con.execute("ROLLBACK")
    return best


def write_batches(db: str, batches: int, templates: int) -> dict[str, float]:
    """Median seconds of `add_results` for a batch of 32 new clones, with and without the word index written."""
    import datetime as dt

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus_scale import BATCH, Cloner
    from corpus_scale import templates as analysed_templates

    cloner = Cloner(analysed_templates(templates))
    with Store(db, read_only=True) as store:
        (stored,) = store.con.execute("SELECT count(*) FROM articles").fetchone()
        (last,) = store.con.execute("SELECT max(published) FROM articles").fetchone()
    day = dt.date.fromisoformat(last) + dt.timedelta(days=1)
    add, remove = wordindex.add, wordindex.remove
    times: dict[str, list[float]] = {"with": [], "without": [], "index": []}

    def timed_add(*args, **kwargs):  # the index's own share of a batch's transaction
        started = time.perf_counter()
        add(*args, **kwargs)
        times["index"].append(time.perf_counter() - started)

    store = Store(db, hold=False)
    try:
        run_id = store.start_run(["synthetic new"], {})
        for n in range(batches * 2):
            batch = [cloner.clone(stored + n * BATCH + i, day) for i in range(BATCH)]
            store.add_entries([e for _, e, _ in batch], [], run_id)
            indexed = n % 2 == 0
            wordindex.add = timed_add
            if not indexed:
                wordindex.add = wordindex.remove = lambda *a, **k: None
            try:
                started = time.perf_counter()
                store.add_results([a for a, _, _ in batch], [], run_id)  # opens, writes, closes (a checkpoint)
                times["with" if indexed else "without"].append(time.perf_counter() - started)
            finally:
                wordindex.add, wordindex.remove = add, remove
        store.finish_run(run_id, {}, "finished")
    finally:
        store.close()
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--before", help="a store without the word index, asked in turn with --db's")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--only", default="", help="articles, quotes, or none (no searches)")
    parser.add_argument("--index-batch", type=int, default=0)
    parser.add_argument("--write-batches", type=int, default=0)
    parser.add_argument("--templates", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with Store(args.db, read_only=True) as store:
        indexed = store.words_current()
    dbs = [args.db] + ([args.before] if args.before else [])
    out = {"db": args.db, "before": args.before, "indexed": indexed, "load_before": os.getloadavg()[0], "searches": []}
    for question, searches in SEARCHES.items():
        if args.only == "none" or args.only and question != args.only:
            continue
        for kind, search in searches:
            times: dict[str, list[float]] = {db: [] for db in dbs}
            totals: dict[str, int] = {}
            for _ in range(args.repeat):
                for db in dbs:
                    seconds, totals[db] = ask(db, question, search, args.limit)
                    times[db].append(seconds)
            if len(set(totals.values())) > 1:
                raise SystemExit(f"{question} {search!r}: the stores answer {totals}")
            row = {"question": question, "kind": kind, "search": search, "total": totals[args.db]}
            for db, label in zip(dbs, ("", "before_")):
                row[f"{label}p50_ms"] = round(statistics.median(times[db]) * 1000)
                row[f"{label}p95_ms"] = round(percentile(times[db], 0.95) * 1000)
            out["searches"].append(row)
            if not args.json:
                before = f"   before: p50 {row['before_p50_ms']:>7,} ms  p95 {row['before_p95_ms']:>7,} ms" if args.before else ""
                print(f"{question:9} {kind:14} {search!r:18} {row['total']:>8,} rows  p50 {row['p50_ms']:>7,} ms  p95 {row['p95_ms']:>7,} ms{before}", flush=True)
    if args.index_batch:
        out["index_batch_seconds"] = round(index_batch(args.db, args.index_batch), 3)
        if not args.json:
            print(f"indexing a batch of {args.index_batch} articles: {out['index_batch_seconds']} s")
    if args.write_batches:
        written = write_batches(args.db, args.write_batches, args.templates)
        out["write_batch_ms"] = {k: round(v * 1000) for k, v in written.items()}
        if not args.json:
            print(f"add_results of a batch of 32 (median of {args.write_batches} each): {out['write_batch_ms']['with']:,} ms with the word index, "
                  f"{out['write_batch_ms']['without']:,} ms without; wordindex.add within it: {out['write_batch_ms']['index']:,} ms")
    out["load_after"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        print(f"load average {out['load_before']:.1f} before, {out['load_after']:.1f} after; index used: {indexed}")


if __name__ == "__main__":
    main()
