"""What a corpus costs as it grows: stores of N synthetic analysed articles, and what ingest and the questions pay on them.

    python bench/corpus_scale.py --sizes 10000,200000 --json [--templates 60] [--per-day 100] [--build-batch 5000] [--base 10000] [--keep DIR [--reuse]] [--cache FILE]

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

Larger stores (a size that is a multiple of --base, default 10,000, and larger)
are grown from the store of --base articles built as above (kept as
base-N.duckdb before anything is measured on it, and copied), by `grow`: its
articles again, once per multiple, under fresh ids, texts and dates, in SQL
and a little Python, a few minutes for 200,000 (building them took hours):

  articles    each copy's text the original's with 60% of its words replaced
              again (a fresh id, fresh shingles: its signature and band rows
              computed by `newswire.corpus.dedup` as for a clone), its dates
              --base / --per-day days later per copy (so the store is a feed of
              the same density, in date order on disk, as an ingest writes it);
  records     every record row the original's under the new id; the people and
              organisations the same (so the most named person is named in 20
              times the articles at 200,000, as by a Zipf feed of 20 times the
              size, though the rarest names do not grow in number), events'
              dates moved with the articles', every non-function word of a
              quote marked with the copy (so no quote is the same quotation as
              another copy's: the copies are 100 days apart, where only an
              exact copy links, and a quote of function words only, which
              would, stops the growth);
  links       what the store's own linking makes of the copy's rows, without
              running it: the same partition into corpus quotes and events
              (the same relations between the same rows, within a copy), each
              counted by `quote_link.counted` / `event_link.counted` under the
              ids those give; the same corpus entities (the same names and
              countries), their counts and the entity tallies multiplied (the
              counts kept per article copied with the rows), their last dates moved to the last copy's; the word index by
              `wordindex.add`. Checked on a store of 400 articles grown to
              1,200: every link table equals the count from all its rows, the
              tallies and the word index equal those rebuilt from the rows.

For each size it prints (one JSON object with --json):

  noop_rerun_s, noop_rerun_rss_mb
      `newswire ingest` in a fresh process (--workers 0) of a JSON lines file
      of 1,000 articles the store already holds: start, integrity check,
      lookups, nothing to do; wall time and the child's peak memory (its
      own: VmHWM, which starts again at exec; the getrusage figure used
      before kept the benchmark's own peak from before the fork, 600-900 MB,
      so the no-op figures up to 2026-12-03 measured the benchmark);
  dedup_ms_per_doc, dedup_cpu_ms_per_doc
      per new article (200, in batches of 32, dated inside the store's span,
      signatures computed before the clock starts): fetch its band rows and
      candidates, decide, and commit it with its band rows (the store held
      open, as within an ingest's batch); wall time, and the CPU time of this
      process (user and system: what a shared machine's load inflates less);
  write_ms_per_batch, write_cpu_ms_per_batch
      committing the analyses of a batch of 32 new articles (`add_results`),
      opening and closing the file for it as an ingest does (so the
      checkpoint at the close is counted); the median of the 7 batches, wall
      and CPU (write_cpu_ms_batches: each batch's CPU);
  load
      the machine's load average (1 minute) before and after the size's
      dedup and write;

The 200 new articles are new in every run: they are drawn from a generator
seeded with the number of articles the store holds (the same store gives the
same articles, whatever the code), and the run stops if any of them is stored
already. Until 2026-12-05 they were drawn with the same seed in every run, so
a second run with --reuse wrote the first run's 200 articles again: it
measured re-analysing stored articles (their rows, links, tallies and word
index taken out and written again, `add_results`'s path for an article
analysed again), 3.0 -> 40.5 s a batch, not an ingest's new articles
(docs/measured.md, corpus scale, session sixteen).
  db_mb_per_1k_articles
      the file's size (after a checkpoint) per 1,000 articles;
  query_ms, query_cpu_ms, query_load
      each question once warmed up, then the best of 3 (wall time; CPU time
      of this process, all of DuckDB's threads; the load before and after),
      asked as `newswire serve` asks it: its first page of 100 rows with the
      answer's total
      (`query.page`): quotes_speaker (the feed's most named person),
      events_actor_dates (USA, one month), entities_top, timeline (the same
      person), network; and article (the article page: `load_analysis` of one
      id); and as `serve` asks them, newest first: quotes_speaker_newest,
      timeline_newest, and the same of a rarely named person (the speaker
      of rank 1,000 by quotes): quotes_speaker_rare_newest,
      timeline_rare_newest.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import os
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import numpy as np  # noqa: E402

from newswire.corpus import dedup, query  # noqa: E402
from newswire.corpus.store import Entry, Store  # noqa: E402
from newswire.records import Article, cleaned_text, content_id  # noqa: E402

POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
START = dt.date(2015, 1, 1)
BUILD_BATCH = 5000
BASE = 10_000
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


def cached_templates(count: int, cache: Path | None) -> list:
    """`templates(count)`, kept in `cache` (a pickle, written when missing) so that later runs skip the analysis."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    analyses = templates(count)
    if cache:
        cache.write_bytes(pickle.dumps(analyses))
    return analyses


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


def grow(base: Path, path: Path, size: int, per_day: int, seed: int = 7) -> None:
    """A store of `size` articles made from a built store (`base`, copied) of fewer: its articles again, as many times as
    it takes, each time under fresh ids, texts and dates, with every derived table kept as the store's own code keeps it
    (see the module's docstring: "Larger stores")."""
    import pyarrow as pa

    from newswire.corpus import event_link, quote_link, wordindex
    from newswire.corpus.link import words as name_words
    from newswire.records import cleaned_text

    shutil.copy(base, path)
    draw = np.random.default_rng(seed)
    banding = dedup.banding()
    function_words = quote_link._function_words()
    with Store(path) as store:
        con = store.con
        articles = con.execute("SELECT id, text, title, published FROM articles WHERE status = 'analysed' ORDER BY rowid").fetchall()
        (stored,) = con.execute("SELECT count(*) FROM articles").fetchone()
        copies, days = size // len(articles), -(-len(articles) // per_day)
        if stored != len(articles) or copies * len(articles) != size:
            raise SystemExit(f"{base}: {stored} articles, {len(articles)} analysed: cannot make {size} of them")
        vocabulary = np.array(sorted({w for _, text, _, _ in articles[:500] for w in text.split()}), dtype=object)
        quote_rows = {(a, o): text for a, o, text in con.execute("SELECT article_id, ord, content_text FROM quotes").fetchall()}
        said = {node: name_words(text) if text else [] for node, text in quote_rows.items()}
        key_names = [n for n, _ in quote_link.QUOTE_KEY_COLUMNS]
        quote_keys = [dict(zip(key_names, r)) for r in con.execute(f"SELECT {', '.join(key_names)} FROM quote_keys").fetchall()]
        event_names = [n for n, _ in event_link.EVENT_KEY_COLUMNS]
        event_keys = [dict(zip(event_names, r)) for r in con.execute(f"SELECT {', '.join(event_names)} FROM event_keys").fetchall()]
        if any(all(w in function_words for w in r["words"].split()) for r in quote_keys):
            raise SystemExit(f"{base}: a quote of function words only would be one quotation across the copies")
        for k in range(1, copies):
            t = time.perf_counter()
            shift = dt.timedelta(days=k * days)
            ids, texts, signatures, bands = {}, [], [], []
            for old, text, title, published in articles:  # as `Cloner.text` does, the draws made at once
                words = np.array(text.split(" "), dtype=object)
                replaced = (draw.random(len(words)) < REPLACED) & np.fromiter(("\n" not in w for w in words), bool, len(words))
                words[replaced] = vocabulary[draw.integers(0, len(vocabulary), int(replaced.sum()))]
                new_text = " ".join(words)
                ids[old] = new = content_id(new_text)
                day = dt.date.fromisoformat(published) + shift
                sig = dedup.signature(cleaned_text(new_text, []))
                bands += dedup.stored_rows(new, sig, None, day.toordinal(), banding)
                signatures.append((new, sig.fingerprint, sig.minhash_bytes(), sig.ends_bytes()))
                texts.append((old, new, new_text, title, day.isoformat()))

            # a quote's words, each not a function word marked with the copy
            quotes = {node: text and " ".join(w if w in function_words else f"{w}q{k}" for w in said[node]) for node, text in quote_rows.items()}
            members: dict[str, list] = {}
            for r in quote_keys:
                m = quote_link.Member(ids[r["article_id"]], r["ord"], r["speaker"], quote_link.quote_words(quotes[(r["article_id"], r["ord"])]),
                                      quotes[(r["article_id"], r["ord"])], _later(r["published"], shift), ids.get(r["source"], r["source"]),
                                      speaker_entity=r["speaker_entity"], country=r["country"])
                members.setdefault(r["corpus_quote"], []).append(m)
            corpus_quotes, quote_links = [], {}
            for group in members.values():  # the same partition (the relation is the same), counted again: ids, canonicals
                row = quote_link.counted(group)
                row["id"] = quote_link.corpus_quote_id(group[0].speaker, tuple(row["words"].split()), row["country"])
                corpus_quotes.append(row)
                for m in group:
                    m.corpus_quote = row["id"]
                    quote_links[m.node] = row["id"]
            clusters: dict[str, list] = {}
            for r in event_keys:
                m = event_link._member({**r, "article_id": ids[r["article_id"]], "day": _later(r["day"], shift),
                                        "published": _later(r["published"], shift), "source": ids.get(r["source"], r["source"])})
                clusters.setdefault(r["corpus_event"], []).append(m)
            corpus_events, event_links = [], {}
            for group in clusters.values():
                cid = event_link.corpus_event_id(*min(m.node for m in group))
                for m in group:
                    m.corpus_event = cid
                corpus_events.append(event_link.counted(cid, group))
                event_links.update({m.node: cid for m in group})
            with store._transaction():
                _register(con, "_map", {"old": [r[0] for r in texts], "new": [r[1] for r in texts], "text": [r[2] for r in texts],
                                        "published": [r[4] for r in texts]})
                _register(con, "_quotes", {"article_id": [a for a, _ in quotes], "ord": pa.array([o for _, o in quotes], pa.int32()),
                                           "text": list(quotes.values()), "link": [quote_links.get((ids[a], o)) for a, o in quotes]})
                _register(con, "_events", {"article_id": [a for a, _ in event_links], "ord": pa.array([o for _, o in event_links], pa.int32()),
                                           "link": list(event_links.values())})
                con.execute("""INSERT INTO articles SELECT a.* REPLACE (m.new AS id, m.new AS cluster, m.text AS text,
                               m.published AS published, length(m.text) AS text_length) FROM articles a JOIN _map m ON a.id = m.old""")
                # the counts kept per article (corpus/tally.py) too: a copy has its original's names and rows
                for table in ("removed", "entities", "mentions", "times", "figures", "quote_speakers", "entity_rows"):
                    con.execute(f"INSERT INTO {table} SELECT t.* REPLACE (m.new AS article_id) FROM {table} t JOIN _map m ON t.article_id = m.old")
                con.execute("""INSERT INTO quotes SELECT t.* REPLACE (m.new AS article_id, q.text AS content_text, q.link AS corpus_quote)
                               FROM quotes t JOIN _map m ON t.article_id = m.old JOIN _quotes q ON q.article_id = t.article_id AND q.ord = t.ord""")
                con.execute(f"""INSERT INTO events SELECT t.* REPLACE (m.new AS article_id, e.link AS corpus_event,
                                    CASE WHEN length(t.date) = 10 AND try_cast(t.date AS DATE) IS NOT NULL
                                         THEN strftime(CAST(t.date AS DATE) + {shift.days}, '%Y-%m-%d') ELSE t.date END AS date)
                                FROM events t JOIN _map m ON t.article_id = m.old
                                LEFT JOIN _events e ON e.article_id = m.new AND e.ord = t.ord""")
                for name in ("_map", "_quotes", "_events"):
                    con.unregister(name)
                _register(con, "_signatures", {"article_id": [r[0] for r in signatures], "fingerprint": [r[1] for r in signatures],
                                               "minhash": pa.array([r[2] for r in signatures], pa.binary()),
                                               "ends": pa.array([r[3] for r in signatures], pa.binary())})
                con.execute("INSERT INTO signatures SELECT article_id, fingerprint, minhash, ends FROM _signatures")
                con.unregister("_signatures")
                store._insert_bands(bands)
                quote_link.insert_rows(con, "quote_keys", quote_link.QUOTE_KEY_COLUMNS, [m.row() for ms in members.values() for m in ms])
                quote_link.insert_rows(con, "corpus_quotes", quote_link.CORPUS_QUOTE_COLUMNS, corpus_quotes)
                quote_link.insert_rows(con, "event_keys", event_link.EVENT_KEY_COLUMNS, [m.row() for ms in clusters.values() for m in ms])
                quote_link.insert_rows(con, "corpus_events", event_link.CORPUS_EVENT_COLUMNS, corpus_events)
                wordindex.add(con, [(new, value) for _, new, text, title, _ in texts for value in (text, title)],
                              [(ids[a], o, text) for (a, o), text in quotes.items()])
            print(f"grown to {(k + 1) * len(articles):,} of {size:,} ({time.perf_counter() - t:.0f} s for this copy)", file=sys.stderr, flush=True)
        # the same people in every copy: each corpus entity (and part, and entity group of the tallies) counts each
        # copy's articles and mentions, its last date in the last copy; the names are the same
        with store._transaction():
            later = (copies - 1) * days
            for table in ("corpus_entities", "corpus_entity_parts"):
                con.execute(f"""UPDATE {table} SET articles = articles * {copies}, mentions = mentions * {copies},
                                last_published = strftime(CAST(last_published AS DATE) + {later}, '%Y-%m-%d')""")
            con.execute(f"UPDATE entity_tally SET articles = articles * {copies}, mentions = mentions * {copies}")
            con.execute(f"UPDATE entity_titles SET articles = articles * {copies}")
        con.execute("CHECKPOINT")


def _later(day: str | None, shift: dt.timedelta) -> str | None:
    return day and (dt.date.fromisoformat(day) + shift).isoformat()


def _register(con, name: str, columns: dict) -> None:
    import pyarrow as pa

    con.register(name, pa.table(columns))


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


def new_articles(path: Path, cloner: Cloner, size: int, per_day: int) -> tuple[dt.date, list]:
    """DEDUP_ARTICLES articles the store does not hold, dated in the middle of its span: drawn with a seed of the
    number of articles it holds (so a store measured again, with --reuse, gets articles it does not have yet, and
    equal stores get equal articles); stops if one is stored already (it would measure re-analysing it)."""
    with Store(path, read_only=True) as store:
        (stored,) = store.con.execute("SELECT count(*) FROM articles").fetchone()
    draw = Cloner.__new__(Cloner)
    draw.__dict__.update(cloner.__dict__, rng=random.Random(f"new articles {stored}"))
    middle = START + dt.timedelta(days=size // per_day // 2)
    new = [draw.clone(stored + i, middle) for i in range(DEDUP_ARTICLES)]
    with Store(path, read_only=True) as store:
        (held,) = store.con.execute("SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?))", [[a.id for a, _, _ in new]]).fetchone()
    if held or len({a.id for a, _, _ in new}) < len(new):
        raise SystemExit(f"{path}: {held} of the {len(new)} new articles are stored already (or drawn twice): "
                         "writing them would measure re-analysis, not new articles")
    return middle, new


def dedup_and_write(path: Path, cloner: Cloner, size: int, per_day: int) -> dict[str, float]:
    middle, new = new_articles(path, cloner, size, per_day)
    dedup_seconds = dedup_cpu = 0.0
    writes, write_cpu = [], []
    load = os.getloadavg()[0]
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
                t, c = time.perf_counter(), time.process_time()
                index.prefetch((sig, middle.toordinal()) for _, _, sig in batch)
                for analysis, entry, sig in batch:
                    match = index.match(sig, middle.toordinal())
                    index.add(analysis.id, sig, canonical=match and match.canonical, day=middle.toordinal())
                store.add_entries([e for _, e, _ in batch], [], run_id, bands=index.take_rows(), bands_layout=dedup.layout())
                index.forget()
                dedup_seconds += time.perf_counter() - t
                dedup_cpu += time.process_time() - c
            t, c = time.perf_counter(), time.process_time()
            store.add_results([a for a, _, _ in batch], [], run_id)  # opens, writes, closes (a checkpoint), as an ingest
            writes.append(time.perf_counter() - t)
            write_cpu.append(time.process_time() - c)
        store.finish_run(run_id, {}, "finished")
    finally:
        store.close()
    return {
        "dedup_ms_per_doc": round(dedup_seconds / DEDUP_ARTICLES * 1000, 2),
        "dedup_cpu_ms_per_doc": round(dedup_cpu / DEDUP_ARTICLES * 1000, 2),
        "write_ms_per_batch": round(sorted(writes)[len(writes) // 2] * 1000, 1),
        "write_cpu_ms_per_batch": round(sorted(write_cpu)[len(write_cpu) // 2] * 1000, 1),
        "write_cpu_ms_batches": [round(w * 1000) for w in write_cpu],
        "load": [round(load, 1), round(os.getloadavg()[0], 1)],
    }


def questions(path: Path, cloner: Cloner) -> tuple[dict[str, float], dict[str, float]]:
    """Each question's best wall time of 3, and its best CPU time of 3 (this process's, all of DuckDB's threads: on a
    quiet machine it may exceed the wall time), in ms."""
    person = cloner.world.people[0][0]  # the feed's most named person
    out, spent = {}, {}
    with Store(path, read_only=True) as store:
        (article_id,) = store.con.execute("SELECT id FROM articles WHERE status = 'analysed' ORDER BY id LIMIT 1").fetchone()
        # a rarely named person: the speaker of rank 1,000 by quotes (ties by name; the last of a smaller store)
        ranked = store.con.execute("""SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL GROUP BY 1
                                      ORDER BY count(*) DESC, 1 LIMIT 1000""").fetchall()
        rare = ranked[-1][0] if ranked else person

        def page(question: str, **options):
            return lambda: query.page(store, question, limit=100, **options)

        asks = {
            "quotes_speaker": page("quotes", speaker=person),
            "events_actor_dates": page("events", actor="USA", start="2015-02-01", end="2015-03-01", modality="asserted"),
            "entities_top": page("entities"),
            "timeline": page("timeline", entity=person),
            "quotes_speaker_newest": page("quotes", speaker=person, sort="-published"),
            "timeline_newest": page("timeline", entity=person, sort="-date"),
            "quotes_speaker_rare_newest": page("quotes", speaker=rare, sort="-published"),
            "timeline_rare_newest": page("timeline", entity=rare, sort="-date"),
            "network": page("network"),
            "article": lambda: store.load_analysis(article_id),
        }
        for name, ask in asks.items():
            ask()
            times, cpu = [], []
            for _ in range(3):
                t, c = time.perf_counter(), time.process_time()
                ask()
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            out[name] = round(min(times) * 1000, 1)
            spent[name] = round(min(cpu) * 1000, 1)
    return out, spent


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,200000")
    ap.add_argument("--templates", type=int, default=60, help="PolNeAR texts analysed as templates (default 60)")
    ap.add_argument("--per-day", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--build-batch", type=int, default=BUILD_BATCH, help=f"articles per transaction while building (default {BUILD_BATCH})")
    ap.add_argument("--base", type=int, default=BASE, help=f"a larger size that is a multiple of this is grown from a store of "
                    f"this many articles built first (default {BASE})")
    ap.add_argument("--keep", type=Path, help="build the stores in this folder and keep them")
    ap.add_argument("--reuse", action="store_true", help="with --keep: measure the stores already there instead of building them "
                    "(each measurement adds its 200 new articles to the store: run it on copies to compare code on equal stores)")
    ap.add_argument("--cache", type=Path, help="a pickle of the analysed templates (written when missing; as bench/split_batches.py's)")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    cloner = Cloner(cached_templates(args.templates, args.cache))
    print(f"{len(cloner.analyses)} templates analysed in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    results = {}
    with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
        folder = args.keep or Path(tmp)
        for size in (int(s) for s in args.sizes.split(",")):
            path = folder / f"scale-{size}.duckdb"
            t = time.perf_counter()
            base = folder / f"base-{args.base}.duckdb"  # the store of --base articles as built, before any measurement
            if args.reuse and args.keep and path.exists():
                stored = stored_articles(path)
            else:
                for leftover in (path, Path(f"{path}.wal")):
                    leftover.unlink(missing_ok=True)
                if size > args.base and size % args.base == 0:
                    if not base.exists():
                        build(base, args.base, cloner, args.per_day, args.build_batch)
                    grow(base, path, size, args.per_day)
                    stored = stored_articles(path)
                else:
                    stored = build(path, size, cloner, args.per_day, args.build_batch)
                    if size == args.base:
                        shutil.copy(path, base)
            built = time.perf_counter() - t
            mb = path.stat().st_size / 1e6
            noop_s, noop_rss = noop_rerun(path, stored, folder)
            written = dedup_and_write(path, cloner, size, args.per_day)
            results[size] = {
                "noop_rerun_s": round(noop_s, 2),
                "noop_rerun_rss_mb": round(noop_rss, 1),
                **written,
                "db_mb_per_1k_articles": round(mb / size * 1000, 2),
                "build_s": round(built, 1),
            }
            load = os.getloadavg()[0]
            results[size]["query_ms"], results[size]["query_cpu_ms"] = questions(path, cloner)
            results[size]["query_load"] = [round(load, 1), round(os.getloadavg()[0], 1)]
            print(f"{size}: {results[size]}", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for size, r in results.items():
            print(size, r)


if __name__ == "__main__":
    main()
