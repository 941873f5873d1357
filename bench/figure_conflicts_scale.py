"""What `newswire query figures --conflicts` costs as the corpus grows: the grouping is made at question time.

    python bench/figure_conflicts_scale.py --sizes 10000,100000 [--json]

How the stores are made (synthetic rows, shaped like news; no model is run): an empty store
(`Store`, so the tables are the generated ones), then rows written straight with SQL:
`articles` analysed and canonical, 100 a day; per article a number of figures drawn from
0, 1, 2, 3 (weights 5, 3, 1, 1: 0.8 figures an article, about what PolNeAR's and TimeBank's
articles holding a casualty word give), each with a `what` of the eight (killed most often),
places from 60 countries drawn from a Zipf law (exponent 1.2: a few countries in most of the
news), one country in five figures, two in one in ten, none in the rest (as the sentence-level
places give), a value from a log-uniform law, a date that is the publication date (one in
ten dated by the text to the day before, one in ten to another month: left out), and a source
entity for half of them; besides, 12 other entities an article (as bench/link_scale.py's), so that the
`entities` table the sources are joined from has a news corpus's size. Seed 1.

Measured, for each size, after the store is closed and opened read-only as `query` opens it:
the whole answer (`query.figures(store, conflicts=True)`), the first page as `newswire serve`
asks it (`query.page`, 100 rows, with the total), and the grouping alone
(`query.figure_groups`), best of 3, wall time and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newswire.corpus import query  # noqa: E402
from newswire.corpus.store import Store  # noqa: E402

WHAT = ["killed", "injured", "arrested", "displaced", "evacuated", "abducted", "missing", "casualties"]
WHAT_WEIGHTS = [40, 25, 15, 8, 4, 3, 3, 2]
COUNTRIES = [f"C{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]
ENTITIES = 12  # other entities an article has (bench/link_scale.py's news-shaped articles have 12)


def build(path: Path, n: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    weights = [1 / (k + 1) ** 1.2 for k in range(len(COUNTRIES))]
    first = date(2015, 1, 1)
    articles, figures, entities = [], [], []
    for i in range(n):
        article_id = f"{i:016x}"
        published = first + timedelta(days=i // 100)
        text = f"Article {i}."
        articles.append((article_id, "analysed", None, article_id, published.isoformat(), text))
        for k in range(ENTITIES):  # the article's other entities: the size of the table the sources are joined from
            entities.append((article_id, 10 + k, f"E{10 + k}", f"Name {rng.randrange(80_000)}", "PERSON"))
        for k in range(rng.choices([0, 1, 2, 3], [5, 3, 1, 1])[0]):
            roll = rng.random()
            places = [] if roll < 0.7 else sorted(set(rng.choices(COUNTRIES, weights, k=1 if roll < 0.9 else 2)))
            day = rng.random()
            when = published if day < 0.8 else published - timedelta(days=1) if day < 0.9 else None
            dated = when.isoformat() if when else published.isoformat()[:7]
            source = f"E{k + 1}" if rng.random() < 0.5 else None
            if source:
                entities.append((article_id, k, source, f"Source {rng.randrange(500)}", "ORG"))
            value = float(int(10 ** rng.uniform(0, 4)))
            figures.append((article_id, k, 0, 2, f"{int(value)} people", value, "people", rng.choices(WHAT, WHAT_WEIGHTS)[0],
                            source, dated, places))
    with Store(path):
        pass
    import duckdb

    import pyarrow as pa

    con = duckdb.connect(str(path))
    for table, columns, rows in (
        ("articles", ("id", "status", "duplicate_of", "cluster", "published", "text"), articles),
        ("entities", ("article_id", "ord", "id", "name", "type"), entities),
        ("figures", ("article_id", "ord", "start", "end", "text", "value", "unit", "what", "reported_by", "date", "places"), figures),
    ):
        batch = pa.table({c: [r[k] for r in rows] for k, c in enumerate(columns)})  # noqa: F841 (read by name below)
        names = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM batch")
    con.close()
    return len(figures)


def best_of(runs: int, fn) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def measure(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "figures.duckdb"
        t0 = time.perf_counter()
        n_figures = build(path, n)
        built = time.perf_counter() - t0
        with Store(path, read_only=True) as store:
            whole, rows = best_of(3, lambda: query.figures(store, conflicts=True))
            page, first = best_of(3, lambda: query.page(store, "figures", limit=100, conflicts=True))
            grouping, groups = best_of(3, lambda: query.figure_groups(store))
        return {"articles": n, "figures": n_figures, "build_s": round(built, 1), "groups": len({g[0] for g in groups.rows}),
                "conflicts": len(rows), "whole_answer_s": round(whole, 3), "first_page_s": round(page, 3),
                "page_total": first.total, "grouping_s": round(grouping, 3),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="stored articles, comma-separated")
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    args = parser.parse_args(argv)
    for n in (int(s) for s in args.sizes.split(",")):
        result = measure(n)
        print(json.dumps(result) if args.json else "  ".join(f"{k}={v}" for k, v in result.items()), flush=True)


if __name__ == "__main__":
    main()
