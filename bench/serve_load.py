"""`newswire serve` under load: concurrent clients on the main endpoints of a realistic store; p50/p95/p99 each.

    python bench/serve_load.py [--size 10000] [--requests 2000] [--concurrency 8] [--db STORE] [--keep DIR] [--only A,B] [--json]

The store: --db uses one already made (any newswire store); otherwise one of
--size articles is built as bench/corpus_scale.py builds them (its templates,
the samples and --templates PolNeAR train texts analysed with the real
pipeline, cloned with fresh words and ids, --per-day a day, written through the
store's own inserts), in a temporary folder (or in --keep).

The server: `newswire serve` in its own process on a free loopback port, as a
user runs it (one uvicorn process; each request opens the store read-only).
After one warm-up request per endpoint, --requests requests are sent by
--concurrency client threads, the endpoints in turn (so each gets about the
same number), each request's wall time taken from send to the last byte:

  overview      /api/overview
  entities      /api/entities?top=100
  entity        /api/entity?name=N              (N: the 20 most mentioned people, in turn: every entity of the name)
  entity_id     /api/entity?id=C                (C: the 20 corpus entities of people in most articles: one, by key)
  choices       /api/corpus_entities?name=L     (L: the last word of those 20 names: who it may be)
  timeline      /api/timeline?entity=N&limit=100
  timeline_id   /api/timeline?id=C&limit=100
  events        /api/events?limit=100            (asserted, newest first)
  events_actor  /api/events?actor=A&limit=100    (A: the 20 most frequent actors, in turn)
  quotes        /api/quotes?limit=100
  speaker       /api/quotes?speaker=S&limit=100  (S: the 20 top speakers, in turn)
  facets        /api/facets/events               (facets and the trend over time)
  search        /api/articles?q=W&limit=100      (W: 20 words of the templates, in turn)
  article       /api/article/ID                  (IDs: 200 random articles, in turn)

The last four need a store linked across articles (corpus_entities); without
it they are left out. --only runs some endpoints alone (--only entity,entity_id).

Prints per endpoint the requests, errors (non-200), p50/p95/p99 and max in
ms, and the overall requests per second; with --json one object. Figures
depend on the machine and on its other load: say both when quoting them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from newswire.corpus.store import Store  # noqa: E402

ROTATION = 20  # names, actors, speakers, words used in turn
ARTICLES = 200  # article pages asked in turn


def build_store(folder: Path, size: int, templates: int, per_day: int) -> Path:
    from corpus_scale import Cloner, build
    from corpus_scale import templates as analysed_templates

    path = folder / f"serve-{size}.duckdb"
    if path.exists():
        return path
    started = time.perf_counter()
    print(f"analysing the templates ({templates} PolNeAR texts and the samples) ...", file=sys.stderr)
    cloner = Cloner(analysed_templates(templates))
    print(f"building a store of {size:,} articles ...", file=sys.stderr)
    build(path, size, cloner, per_day)
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def targets(db: Path, seed: int = 7) -> dict[str, list[str]]:
    """Each endpoint's URLs (paths with their queries), from what the store holds."""
    rng = random.Random(seed)
    with Store(db, read_only=True) as store:
        one = lambda sql: [r[0] for r in store.con.execute(sql).fetchall()]  # noqa: E731
        people = one(f"""SELECT e.name FROM entities e WHERE e.type = 'PERSON' GROUP BY e.name
                         ORDER BY count(DISTINCT e.article_id) DESC, e.name LIMIT {ROTATION}""")
        actors = one(f"""SELECT a FROM (SELECT source_actor AS a FROM events UNION ALL SELECT target_actor FROM events)
                         WHERE a IS NOT NULL GROUP BY a ORDER BY count(*) DESC, a LIMIT {ROTATION}""")
        speakers = one(f"""SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL GROUP BY speaker_name
                           ORDER BY count(*) DESC, speaker_name LIMIT {ROTATION}""")
        ids = one("SELECT id FROM articles WHERE status = 'analysed' AND duplicate_of IS NULL ORDER BY id")
        texts = one("SELECT coalesce(title, '') || ' ' || left(text, 2000) FROM articles ORDER BY id LIMIT 500")
        linked = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'corpus_entities'").fetchone()[0]
        corpus = store.con.execute(f"""SELECT id, name FROM corpus_entities WHERE type = 'PERSON'
                                       ORDER BY articles DESC, id LIMIT {ROTATION}""").fetchall() if linked else []
    words = sorted({w for t in texts for w in t.split() if w.isalpha() and len(w) >= 6})
    q = lambda path, **params: f"{path}?{urllib.parse.urlencode(params)}"  # noqa: E731
    urls = {
        "overview": ["/api/overview"],
        "entities": [q("/api/entities", top=100)],
        "entity": [q("/api/entity", name=n) for n in people],
        "entity_id": [q("/api/entity", id=c) for c, _ in corpus],
        "choices": [q("/api/corpus_entities", name=n.split()[-1]) for _, n in corpus],
        "timeline": [q("/api/timeline", entity=n, limit=100) for n in people],
        "timeline_id": [q("/api/timeline", id=c, limit=100) for c, _ in corpus],
        "events": [q("/api/events", limit=100)],
        "events_actor": [q("/api/events", actor=a, limit=100) for a in actors],
        "quotes": [q("/api/quotes", limit=100)],
        "speaker": [q("/api/quotes", speaker=s, limit=100) for s in speakers],
        "facets": ["/api/facets/events"],
        "search": [q("/api/articles", q=w, limit=100) for w in rng.sample(words, min(ROTATION, len(words)))],
        "article": [f"/api/article/{i}" for i in rng.sample(ids, min(ARTICLES, len(ids)))],
    }
    return {name: paths for name, paths in urls.items() if paths}  # none: the store has nothing to ask it of


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "newswire.cli", "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def fetch(base: str, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=120) as reply:
            reply.read()
            status = reply.status
    except urllib.error.HTTPError as err:
        err.read()
        status = err.code
    return status, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def run(base: str, urls: dict[str, list[str]], requests: int, concurrency: int) -> tuple[dict[str, dict], float]:
    names = list(urls)
    plan = []
    for i in range(requests):
        name = names[i % len(names)]
        plan.append((name, urls[name][(i // len(names)) % len(urls[name])]))
    for name in names:  # warm-up: the first of each (caches, the model of nothing: serve loads no spaCy)
        fetch(base, urls[name][0])
    times: dict[str, list[float]] = {n: [] for n in names}
    errors: dict[str, int] = {n: 0 for n in names}
    lock = threading.Lock()

    def one(item: tuple[str, str]) -> None:
        name, path = item
        status, seconds = fetch(base, path)
        with lock:
            times[name].append(seconds)
            if status != 200:
                errors[name] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, plan))
    wall = time.perf_counter() - started
    report = {}
    for name in names:
        ms = [t * 1000 for t in times[name]]
        report[name] = {"requests": len(ms), "errors": errors[name], "p50_ms": round(percentile(ms, 50), 1),
                        "p95_ms": round(percentile(ms, 95), 1), "p99_ms": round(percentile(ms, 99), 1),
                        "max_ms": round(max(ms), 1), "mean_ms": round(statistics.fmean(ms), 1)}
    return report, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=10_000, help="articles in the store built (default 10,000)")
    ap.add_argument("--templates", type=int, default=40, help="PolNeAR texts analysed as templates (default 40)")
    ap.add_argument("--per-day", type=int, default=100)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--db", type=Path, help="an existing store to serve instead of building one")
    ap.add_argument("--keep", type=Path, help="build the store in this folder and keep it (reused when there)")
    ap.add_argument("--only", help="these endpoints alone, comma-separated (names as listed above)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        if args.db is not None:
            db = args.db
        else:
            folder = args.keep or Path(scratch)
            folder.mkdir(parents=True, exist_ok=True)
            db = build_store(folder, args.size, args.templates, args.per_day)
        with Store(db, read_only=True) as store:
            sizes = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "quotes", "events", "mentions")}
        urls = targets(db)
        if args.only:
            unknown = set(args.only.split(",")) - set(urls)
            if unknown:
                raise SystemExit(f"Error: no endpoint {', '.join(sorted(unknown))} to ask of this store; give some of {', '.join(urls)}")
            urls = {name: paths for name, paths in urls.items() if name in args.only.split(",")}
        port = free_port()
        server = start_server(db, port)
        try:
            report, wall = run(f"http://127.0.0.1:{port}", urls, args.requests, args.concurrency)
        finally:
            server.terminate()
            server.wait(10)
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the end",
              "store": {**sizes, "file_mb": round(db.stat().st_size / 1e6, 1) if db.exists() else None},
              "requests": args.requests, "concurrency": args.concurrency, "seconds": round(wall, 1),
              "requests_per_s": round(args.requests / wall, 1), "endpoints": report}
    if args.json:
        print(json.dumps(result))
        return
    print(f"machine: {result['machine']}; store: {sizes}")
    print(f"{args.requests} requests, {args.concurrency} concurrent, in {wall:.1f} s ({result['requests_per_s']} per s)")
    print(f"{'endpoint':14} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, r in report.items():
        print(f"{name:14} {r['requests']:5} {r['errors']:4} {r['p50_ms']:8} {r['p95_ms']:8} {r['p99_ms']:8} {r['max_ms']:8}")


if __name__ == "__main__":
    main()
