"""What a corpus costs as it grows: stores of N synthetic analysed articles, and what ingest and the questions pay on them.

    python bench/corpus_scale.py --sizes 10000,200000 --json [--templates 60] [--per-day 100] [--build-batch 5000] [--keep DIR]

How the stores are made (realistic rows, made fast):

  templates   the samples and the first --templates PolNeAR train texts,
              analysed once with the real pipeline (`analyze_article`): real
              entities, quotes, events, times, figures, removed spans;
  clones      each stored article is a template's analysis under a fresh id:
              its text with 60% of its words replaced by words drawn from all
              the templates (so every clone has its own shingles: two clones of
              one template share about 9% of their 2-word shingles, less than
              different articles on one topic, and are not duplicates), its
              signature and band rows computed by `newswire.corpus.dedup` as an
              ingest would, its record rows the template's (offsets point into
              the template's text: the benchmark measures sizes and times, not
              evidence) with its people and organisations renamed: each drawn
              from the names of `bench/link_scale.py`'s feed by the same Zipf
              law (60,000 people, 20,000 organisations: a few in thousands of
              articles, most in one or two), its surname mentions and its
              quotes' speakers with them, and three quotes in four given new
              words (the fourth keeps the template's); without this every
              clone named the same people and repeated the same quotes, which
              no feed does and which made the links across articles the whole
              cost;
  dates       --per-day articles a day (default 100: a large news feed), so a
              store of 10,000 holds 100 days and one of 200,000 about 5.5
              years; every question and the duplicate window see a corpus of
              realistic density whatever its size.

Rows are written in batches of --build-batch articles (default 5,000) through
the store's own inserts (`add_entries` with band rows, then `add_results`, which
links and tallies them), as an ingest writes them but in larger transactions:
the links across articles read back the stored rows of the entities and quotes
a batch touches (the most named people's in every batch), so the build's cost
per article falls with the batch size (batches of 1,000 took about 8 s each at
10,000 articles and kept growing: the 200,000 store did not finish in 3 hours
on 2026-12-03). What is measured afterwards (below) uses the ingest's batch
sizes.

For each size it prints (one JSON object with --json):

  noop_rerun_s, noop_rerun_rss_mb
      `newswire ingest` in a fresh process (--workers 0) of a JSON lines file
      of 1,000 articles the store already holds: start, integrity check,
      lookups, nothing to do; wall time and the child's peak memory (its
      own: VmHWM, which starts again at exec; the getrusage figure used
      before kept the benchmark's own peak from before the fork, 600-900 MB,
      so the no-op figures up to 2026-12-03 measured the benchmark);
  dedup_ms_per_doc
      per new article (200, in batches of 32, dated inside the store's span,
      signatures computed before the clock starts): fetch its band rows and
      candidates, decide, and commit it with its band rows (the store held
      open, as within an ingest's batch);
  write_ms_per_batch
      committing the analyses of a batch of 32 new articles (`add_results`),
      opening and closing the file for it as an ingest does (so the
      checkpoint at the close is counted);
  db_mb_per_1k_articles
      the file's size (after a checkpoint) per 1,000 articles;
  query_ms
      each question once warmed up, then the best of 3, asked as `newswire
      serve` asks it: its first page of 100 rows with the answer's total
      (`query.page`): quotes_speaker (the feed's most named person),
      events_actor_dates (USA, one month), entities_top, timeline (the same
      person), network; and article (the article page: `load_analysis` of one
      id).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from newswire.corpus import dedup, query  # noqa: E402
from newswire.corpus.store import Entry, Store  # noqa: E402
from newswire.records import Article, cleaned_text, content_id  # noqa: E402

POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
START = dt.date(2015, 1, 1)
BUILD_BATCH = 5000
NOOP_ARTICLES = 1000
DEDUP_ARTICLES = 200
BATCH = 32
REPLACED = 0.6


def templates(count: int) -> list:
    from newswire.pipeline import analyze_article
    from newswire.text.read import read_path

    paths = sorted(p for p in (REPO / "samples").iterdir() if p.suffix in (".txt", ".html", ".json"))
    if POLNEAR.is_dir():
        paths += sorted(POLNEAR.glob("*.txt"))[:count]
    return [analyze_article(read_path(p)) for p in paths]


class Cloner:
    def __init__(self, analyses: list, seed: int = 5):
        from link_scale import World

        self.analyses = analyses
        self.rng = random.Random(seed)
        self.vocabulary = sorted({w for a in analyses for w in a.text.split()})
        self.world = World()
        self.people = list(itertools.accumulate(self.world.person_weights))
        self.orgs = list(itertools.accumulate(self.world.org_weights))

    def person(self) -> str:
        return self.world.people[self.rng.choices(range(len(self.people)), cum_weights=self.people)[0]][0]

    def renamed(self, template):
        """The template's records with its people and organisations renamed, and most quotes given new words."""
        names: dict[str, str] = {}
        for e in template.entities:
            if e.name in names:
                continue
            if e.type == "PERSON" and len(e.name.split()) > 1:
                names[e.name] = self.person()
                names.setdefault(e.name.split()[-1], names[e.name].split()[-1])
            elif e.type == "ORG":
                names[e.name] = self.world.orgs[self.rng.choices(range(len(self.orgs)), cum_weights=self.orgs)[0]]
        entities = [
            dataclasses.replace(e, name=names.get(e.name, e.name),
                                mentions=[dataclasses.replace(m, text=names.get(m.text, m.text)) for m in e.mentions])
            for e in template.entities
        ]
        quotes = []
        for q in template.quotes:
            content = q.content
            if self.rng.random() < 0.75:
                words = " ".join(self.rng.choices(self.world.words, k=max(3, len(content.text.split()))))
                content = dataclasses.replace(content, text=words)
            speaker = q.speaker and dataclasses.replace(q.speaker, text=names.get(q.speaker.text, q.speaker.text))
            quotes.append(dataclasses.replace(q, content=content, speaker=speaker, speaker_name=names.get(q.speaker_name, q.speaker_name)))
        return entities, quotes

    def text(self, template) -> str:
        words = template.text.split(" ")
        for i in range(len(words)):
            if self.rng.random() < REPLACED and "\n" not in words[i]:
                words[i] = self.rng.choice(self.vocabulary)
        return " ".join(words)

    def clone(self, n: int, day: dt.date):
        template = self.analyses[n % len(self.analyses)]
        text = self.text(template)
        entities, quotes = self.renamed(template)
        analysis = dataclasses.replace(template, text=text, id=content_id(text), published=day.isoformat(), entities=entities, quotes=quotes)
        removed = []  # the clone's text is not cleaned again: its signature is of the whole text
        sig = dedup.signature(cleaned_text(text, removed))
        article = Article(text=text, title=template.title, published=day.isoformat(), source=f"synthetic:{n}", format="text")
        entry = Entry(article, analysis.id, len(text), "pending", sig.fingerprint, sig.minhash_bytes(), ends=sig.ends_bytes())
        return analysis, entry, sig


def build(path: Path, size: int, cloner: Cloner, per_day: int, batch: int = BUILD_BATCH) -> list:
    """A store of `size` analysed clones; returns the first NOOP_ARTICLES (article, analysis) for the no-op re-run."""
    banding = dedup.banding()
    kept = []
    with Store(path) as store:
        run_id = store.start_run(["synthetic"], {})
        for start in range(0, size, batch):
            t = time.perf_counter()
            entries, analyses, rows = [], [], []
            for n in range(start, min(size, start + batch)):
                day = START + dt.timedelta(days=n // per_day)
                analysis, entry, sig = cloner.clone(n, day)
                entries.append(entry)
                analyses.append(analysis)
                rows += dedup.stored_rows(analysis.id, sig, None, day.toordinal(), banding)
                if len(kept) < NOOP_ARTICLES:
                    kept.append(entry.article)
            store.add_entries(entries, [], run_id, bands=rows, bands_layout=dedup.layout())
            store.add_results(analyses, [], run_id)
            print(f"built {start + len(analyses):,} of {size:,} ({time.perf_counter() - t:.0f} s for this batch)", file=sys.stderr, flush=True)
        store.finish_run(run_id, {}, "finished")
        store.con.execute("CHECKPOINT")
    return kept


def stored_articles(path: Path) -> list:
    """The first NOOP_ARTICLES articles a kept store was built with (for --reuse)."""
    with Store(path, read_only=True) as store:
        rows = store.con.execute(f"SELECT text, published FROM articles ORDER BY rowid LIMIT {NOOP_ARTICLES}").fetchall()
    return [Article(text=text, published=published) for text, published in rows]


def noop_rerun(path: Path, articles: list, folder: Path) -> tuple[float, float]:
    feed = folder / "stored.jsonl"
    feed.write_text("".join(json.dumps({"text": a.text, "published": a.published}) + "\n" for a in articles))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = (
        "import sys, time; from newswire.cli import main; t = time.perf_counter(); "
        "sys.argv = ['newswire', 'ingest', sys.argv[1], '--db', sys.argv[2], '--workers', '0', '--quiet']\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print(time.perf_counter() - t, next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(feed), str(path)], env=env, capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()[-2:]
    return float(seconds), float(rss)


def dedup_and_write(path: Path, cloner: Cloner, size: int, per_day: int) -> tuple[float, float]:
    middle = START + dt.timedelta(days=size // per_day // 2)
    new = [cloner.clone(size + i, middle) for i in range(DEDUP_ARTICLES)]
    dedup_seconds = 0.0
    writes = []
    store = Store(path, hold=False)
    try:
        run_id = store.start_run(["synthetic new"], {})
        index = dedup.Index(
            bands=store.band_rows,
            candidates=lambda ids: {
                i: dedup.Candidate(*(dedup.Signature.from_stored("", m, e).minhash, dedup.Signature.from_stored("", m, e).ends))
                for i, (m, e) in store.stored_signatures(ids).items()
            },
            words=lambda i: dedup.words(store.article_text(i) or ""),
        )
        for start in range(0, DEDUP_ARTICLES, BATCH):
            batch = new[start : start + BATCH]
            with store.session():
                t = time.perf_counter()
                index.prefetch((sig, middle.toordinal()) for _, _, sig in batch)
                for analysis, entry, sig in batch:
                    match = index.match(sig, middle.toordinal())
                    index.add(analysis.id, sig, canonical=match and match.canonical, day=middle.toordinal())
                store.add_entries([e for _, e, _ in batch], [], run_id, bands=index.take_rows(), bands_layout=dedup.layout())
                index.forget()
                dedup_seconds += time.perf_counter() - t
            t = time.perf_counter()
            store.add_results([a for a, _, _ in batch], [], run_id)  # opens, writes, closes (a checkpoint), as an ingest
            writes.append(time.perf_counter() - t)
        store.finish_run(run_id, {}, "finished")
    finally:
        store.close()
    return dedup_seconds / DEDUP_ARTICLES * 1000, sorted(writes)[len(writes) // 2] * 1000


def questions(path: Path, cloner: Cloner) -> dict[str, float]:
    person = cloner.world.people[0][0]  # the feed's most named person
    out = {}
    with Store(path, read_only=True) as store:
        (article_id,) = store.con.execute("SELECT id FROM articles WHERE status = 'analysed' ORDER BY id LIMIT 1").fetchone()

        def page(question: str, **options):
            return lambda: query.page(store, question, limit=100, **options)

        asks = {
            "quotes_speaker": page("quotes", speaker=person),
            "events_actor_dates": page("events", actor="USA", start="2015-02-01", end="2015-03-01", modality="asserted"),
            "entities_top": page("entities"),
            "timeline": page("timeline", entity=person),
            "network": page("network"),
            "article": lambda: store.load_analysis(article_id),
        }
        for name, ask in asks.items():
            ask()
            times = []
            for _ in range(3):
                t = time.perf_counter()
                ask()
                times.append(time.perf_counter() - t)
            out[name] = round(min(times) * 1000, 1)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,200000")
    ap.add_argument("--templates", type=int, default=60, help="PolNeAR texts analysed as templates (default 60)")
    ap.add_argument("--per-day", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--build-batch", type=int, default=BUILD_BATCH, help=f"articles per transaction while building (default {BUILD_BATCH})")
    ap.add_argument("--keep", type=Path, help="build the stores in this folder and keep them")
    ap.add_argument("--reuse", action="store_true", help="with --keep: measure the stores already there instead of building them "
                    "(each measurement adds its 200 new articles to the store: run it on copies to compare code on equal stores)")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    cloner = Cloner(templates(args.templates))
    print(f"{len(cloner.analyses)} templates analysed in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    results = {}
    with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
        folder = args.keep or Path(tmp)
        for size in (int(s) for s in args.sizes.split(",")):
            path = folder / f"scale-{size}.duckdb"
            t = time.perf_counter()
            if args.reuse and args.keep and path.exists():
                stored = stored_articles(path)
            else:
                for leftover in (path, Path(f"{path}.wal")):
                    leftover.unlink(missing_ok=True)
                stored = build(path, size, cloner, args.per_day, args.build_batch)
            built = time.perf_counter() - t
            mb = path.stat().st_size / 1e6
            noop_s, noop_rss = noop_rerun(path, stored, folder)
            dedup_ms, write_ms = dedup_and_write(path, cloner, size, args.per_day)
            results[size] = {
                "noop_rerun_s": round(noop_s, 2),
                "noop_rerun_rss_mb": round(noop_rss, 1),
                "dedup_ms_per_doc": round(dedup_ms, 2),
                "write_ms_per_batch": round(write_ms, 1),
                "db_mb_per_1k_articles": round(mb / size * 1000, 2),
                "query_ms": questions(path, cloner),
                "build_s": round(built, 1),
            }
            print(f"{size}: {results[size]}", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for size, r in results.items():
            print(size, r)


if __name__ == "__main__":
    main()
