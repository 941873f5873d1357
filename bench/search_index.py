"""Text search on a large store: a page of `/api/articles?q=` and `/api/quotes?q=` as `newswire serve` answers it.

    python bench/search_index.py --db STORE [--as-before] [--without-pairs] [--before OLD] [--repeat 5] [--limit 100] [--json]
                                 [--index-batch 64] [--verify N]

Each search is asked --repeat times, as one request of `newswire serve` asks it: the store opened read-only, one
page of --limit rows with the answer's total (`query.page`), newest first as the web UI shows it; the wall time from
opening to the page. The searches, by kind: a rare word, a common word, a very common word, a word's beginning
(inside longer words), a phrase of rare words, a phrase of common words, and no match (their words are those of the
news-like store of bench/news_like.py), and the plain list (no search). --as-before asks each also as the version
before the page read in date order answered it (every row of the answer listed and numbered: `query._search_page`
and `query._by_date` switched off). --without-pairs asks each search of the same store also with its word pairs
ignored, as the version before them answered it (phrases: the texts that hold every word, checked); --before OLD
asks each search of another store (one without the word index: the scan); each in turn with --db's (one request of
each, --repeat times), so that all meet the same load of the machine.

--index-batch N: also time how long the word index takes to write one batch of N analysed articles (their text,
title and quotes, read from the store: `wordindex.add` into a copy held in memory, so the store is left alone), with
and without the word pairs.

--verify N: N pieces of the stored texts (a few words, cut inside words, in any case; random, seeded) searched from
the index and by the scan: the totals and pages must be the same (exits non-zero if not).

--write-batches N (this one WRITES to --db: give it a copy): commit N batches of 32 new synthetic articles through
`Store.add_results`, opening and closing the file for each as an ingest does (bench/corpus_scale.py's clones of
--templates analysed texts), alternately with the word index written and with its writing switched off; prints the
median of each, and of the time `wordindex.add` takes within the batches that write it (the two medians differ by
the machine's noise more than by the index, under load).

Figures depend on the machine and on its other load: say both when quoting them. Last taken (issue 16, load 4.2-5.0,
2 shared cores, other sessions running) on a 100,000-article store of bench/news_like.py with --as-before, p50 / p95
ms, after (before): quotes `the` 801 / 852 (4,375 / 5,493: 661,721 rows), the plain quotes list 327 / 733 (1,441 /
2,387), articles `the` 786 / 828 (1,166 / 1,309); the slowest after: quotes `insurrection` 741 / 863 (527 / 849).
Every search under 1 s at p95. The README has the whole table.
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
    question: [("rare word", "insurrection"), ("common word", "campaign"), ("very common word", "the"), ("word start", "immigr"),
               ("phrase of rare words", "Katrina Pierson"), ("phrase of common words", "said the"),
               ("phrase of 3 common words", "one of the"), ("no match", "zzqxj"), ("no search (the list)", None)]
    for question in ("articles", "quotes")
}


def ask(db: str, question: str, search: str | None, limit: int, pairs: bool = True, latest: bool = True) -> tuple[float, int]:
    """Seconds to open the store and read a page of the search (None: the plain list), and the answer's total (pairs:
    whether the store's word pairs are read, where it has them; not latest: as the version before the page read in
    date order, which listed and numbered every row of the answer)."""
    saved = query._search_page, query._by_date
    if not latest:
        query._search_page = lambda *args, **kwargs: None
        query._by_date = lambda select, sort: select.order if sort is None else None
    try:
        started = time.perf_counter()
        with Store(db, read_only=True) as store:
            if not pairs:
                store.pairs_current = lambda: False  # as the version before the pairs
            page = query.page(store, question, limit=limit, search=search, sort="-published")
        return time.perf_counter() - started, page.total
    finally:
        query._search_page, query._by_date = saved


def verify(db: str, pieces: int, seed: int = 16) -> list[str]:
    """Pieces of the stored texts whose answer from the index is not the scan's (an empty list: none)."""
    import random

    rng = random.Random(seed)
    wrong = []
    with Store(db, read_only=True) as store:
        texts = [t for (t,) in store.con.execute(
            "SELECT text FROM (SELECT text FROM articles WHERE text IS NOT NULL) USING SAMPLE reservoir(200 ROWS) REPEATABLE (16)").fetchall()]
        scan = Store(db, read_only=True)
        scan.words_current = lambda: False
        try:
            for _ in range(pieces):
                text = rng.choice(texts)
                start = rng.randrange(len(text) - 1)
                piece = text[start : start + rng.randint(2, 30)].split("\n")[0].strip() or "the"  # a search is one line
                piece = "".join(c.upper() if rng.random() < 0.2 else c for c in piece)
                if not any(c.isalnum() for c in piece):
                    continue
                for question in ("articles", "quotes"):
                    mine = query.page(store, question, limit=20, search=piece, sort="-published")
                    theirs = query.page(scan, question, limit=20, search=piece, sort="-published")
                    if (mine.total, mine.rows.dicts()) != (theirs.total, theirs.rows.dicts()):
                        wrong.append(f"{question} {piece!r}: {mine.total} from the index, {theirs.total} by the scan")
        finally:
            scan.close()
    return wrong


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def index_batch(db: str, size: int, pairs: bool = True) -> float:
    """Seconds to index `size` stored articles (text, title, quotes) into an empty index in memory, best of 3 (pairs:
    with the word pairs, else the words alone)."""
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
        wordindex.add(con, texts, quotes, pairs=pairs)
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
    parser.add_argument("--without-pairs", action="store_true", help="also ask --db with its word pairs ignored, in turn")
    parser.add_argument("--before", help="a store without the word index, asked in turn with --db's")
    parser.add_argument("--as-before", action="store_true",
                        help="also ask --db as the version before the page read in date order did, in turn")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--only", default="", help="articles, quotes, or none (no searches)")
    parser.add_argument("--index-batch", type=int, default=0)
    parser.add_argument("--verify", type=int, default=0)
    parser.add_argument("--write-batches", type=int, default=0)
    parser.add_argument("--templates", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with Store(args.db, read_only=True) as store:
        indexed, paired = store.words_current(), store.pairs_current()
    # each way of answering: its label, the store, whether its word pairs are read, whether the latest page is
    ways = [("", args.db, True, True)] + ([("before_", args.db, False, True)] if args.without_pairs else []) + (
        [("scan_", args.before, True, True)] if args.before else []) + ([("as_before_", args.db, True, False)] if args.as_before else [])
    out = {"db": args.db, "before": args.before, "indexed": indexed, "pairs": paired, "load_before": os.getloadavg()[0], "searches": []}
    for question, searches in SEARCHES.items():
        if args.only == "none" or args.only and question != args.only:
            continue
        for kind, search in searches:
            times: dict[str, list[float]] = {label: [] for label, _, _, _ in ways}
            totals: dict[str, int] = {}
            for _ in range(args.repeat):
                for label, db, pairs, latest in ways:
                    seconds, totals[label] = ask(db, question, search, args.limit, pairs, latest)
                    times[label].append(seconds)
            if len(set(totals.values())) > 1:
                raise SystemExit(f"{question} {search!r}: the ways answer {totals}")
            row = {"question": question, "kind": kind, "search": search, "total": totals[""]}
            for label in times:
                row[f"{label}p50_ms"] = round(statistics.median(times[label]) * 1000)
                row[f"{label}p95_ms"] = round(percentile(times[label], 0.95) * 1000)
            out["searches"].append(row)
            if not args.json:
                others = "".join(f"   {label.rstrip('_')}: p50 {row[f'{label}p50_ms']:>7,} ms  p95 {row[f'{label}p95_ms']:>7,} ms"
                                 for label, _, _, _ in ways[1:])
                print(f"{question:9} {kind:22} {search or '':17} {row['total']:>8,} rows  p50 {row['p50_ms']:>7,} ms  p95 {row['p95_ms']:>7,} ms{others}", flush=True)
    if args.index_batch:
        out["index_batch_seconds"] = {way: round(index_batch(args.db, args.index_batch, pairs=way == "with pairs"), 3)
                                      for way in ("words alone", "with pairs")}
        if not args.json:
            print(f"indexing a batch of {args.index_batch} articles (best of 3): " + ", ".join(f"{k} {v} s" for k, v in out["index_batch_seconds"].items()))
    if args.verify:
        wrong = verify(args.db, args.verify)
        out["verify"] = {"pieces": args.verify, "wrong": wrong}
        if not args.json:
            print(f"{args.verify} pieces of the stored texts searched from the index and by the scan: {len(wrong)} answered otherwise")
            for line in wrong:
                print("  " + line)
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
        print(f"load average {out['load_before']:.1f} before, {out['load_after']:.1f} after; index used: {indexed}, its pairs: {paired}")
    if out.get("verify", {}).get("wrong"):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
