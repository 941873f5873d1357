"""Ingest a corpus into the store: read, prepare and analyse in workers, decide and write from one process.

    ingest(["crawl/", "feeds/*.jsonl"], db="corpus.duckdb", workers=2)

This process reads every document (`sources`) and sends it to the workers
(`runner`), which check and clean it (`pipeline.prepare`) and sign it
(MinHash); it then decides, in input order, whether each duplicates an
article already seen (`dedup.Index`: the global stage, the only serial work
besides writing). New articles are committed to `articles` as pending (or as
duplicates) before their analysis is sent to the workers, which return the
rows the store writes; each finished batch is committed with its rows in one
transaction. So a run killed at any point resumes where it stopped: stored
articles are skipped, pending ones analysed, nothing is written twice (ids
are content hashes), nothing committed is lost. A document that fails costs
its own `errors` row; the run goes on.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path

from . import dedup
from . import shards as shard_mod
from ..errors import UsageError
from ..text.clean import find_removed
from ..pipeline import published_date
from ..text.checks import LARGEST_MAX_CHARS
from ..text.read import IGNORED_PUBLISHED, MAX_CHARS, check_max_chars, document_name
from ..records import Analysis, Article, Failure, Removed, cleaned_text, content_id
from .runner import BATCH_SIZE, LocalRunner, Prepared, PrepareOptions, Preparing, Refused, failure, known_id
from .sources import Document, estimate_documents, find_files, read_documents
from .store import ANALYSED, DEFAULT_DB, DUPLICATE, FAILED, PENDING, Entry, Rows, RunCounts, Store

# Failures a summary keeps to show; the errors table has them all.
SHOWN_FAILURES = 5
# Batches in flight per worker: enough that a worker never waits for the
# parent, few enough that a kill loses little and memory stays flat.
IN_FLIGHT_PER_WORKER = 2


@dataclass(slots=True)
class Summary(RunCounts):
    """What a run did: its counts (`RunCounts`, declared once with the `runs` columns that keep them), and where."""

    run_id: int = 0
    db: str = ""
    first_failures: list[Failure] = field(default_factory=list)  # the first few new ones, to show
    # documents read whose JSON "published" value is no date (stored without it, or with --default-published; the
    # warning is in `articles.warnings`), and the first of them ("path:LINE: ignored the JSON ...") to show
    ignored_dates: int = 0
    first_ignored_date: str | None = None


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingest(
    paths: Iterable[str],
    *,
    db: str | Path = DEFAULT_DB,
    workers: int | None = None,
    keep_duplicates: bool = False,
    retry_failed: bool = False,
    any_language: bool = False,
    max_chars: int = MAX_CHARS,
    default_published: str | None = None,
    on_progress: Callable[[Summary], None] | None = None,
    runner: str = "local",
    ray_address: str | None = None,
    dedup_window: int = dedup.WINDOW_DAYS,
    on_message: Callable[[str], None] | None = None,
    shards: str | Path | None = None,
    from_shards: str | Path | None = None,
    shard_docs: int = shard_mod.SHARD_DOCS,
) -> Summary:
    """Read, deduplicate, analyse and store every document under `paths`.

    workers: analysis processes (default: all cores; 0 analyses in this process).
    keep_duplicates: analyse near-duplicates too (they are linked either way).
    retry_failed: analyse again articles whose analysis failed in an earlier run.
    default_published: YYYY-MM-DD for documents that carry no publication date
        (a document's own date wins); relative times are resolved against it.
    on_progress: called with the running counts after every step.
    runner: "local" (a process pool on this machine) or "ray" (Ray actors,
        locally or on the cluster at `ray_address`; the `ray` extra).
    dedup_window: near-duplicates are looked for among articles published at
        most this many days before or after (undated: among undated ones).
    on_message: called with a one-line message for the user (default: printed
        on standard error); the one message today: the duplicate index of a
        store made by an older version is being built.
    shards: with runner "ray", a folder: the whole per-document path runs on
        the cluster and writes Parquet shards there, which are then loaded
        (`corpus/shards.py`; a re-run skips the shards made).
    from_shards: a folder of shards to load (no paths, no analysis here).
    """
    paths = list(paths)
    if from_shards is not None and (paths or shards is not None):
        raise UsageError("--from-shards loads shards already made: give no PATH and no --shards")
    if from_shards is None and not paths:
        raise UsageError("give at least one PATH to ingest (or --from-shards DIR)")
    if shards is not None and runner != "ray":
        raise UsageError("--shards is for --runner ray (the shards are made on the Ray cluster)")
    workers = default_workers() if workers is None else workers
    if workers < 0:
        raise UsageError(f"--workers must be 0 or more, not {workers}")
    if runner not in ("local", "ray"):
        raise UsageError(f"unknown runner {runner!r}; use local or ray")
    if dedup_window < 0:
        raise UsageError(f"--dedup-window must be 0 days or more, not {dedup_window}")
    check_max_chars(max_chars)
    if runner == "ray":  # before the store is made: a runner that cannot start leaves no file behind
        from .ray_runner import require_ray

        require_ray()
    default_published = published_date(default_published)
    files = find_files(paths)
    options = {
        "workers": workers, "keep_duplicates": keep_duplicates, "retry_failed": retry_failed, "any_language": any_language,
        "max_chars": max_chars, "default_published": default_published, "dedup_window": dedup_window,
    }
    if shards is not None or from_shards is not None:
        folder = Path(shards if shards is not None else from_shards)  # type: ignore[arg-type]
        if from_shards is not None:
            if not folder.is_dir():
                raise UsageError(f"no such folder of shards: {folder}")
            shard_mod.read_manifest(folder)  # refused before the store is made
        options["shards"] = str(folder)
        return _ingest_shards(
            files, folder, made_here=shards is not None, db=db, options=options, paths=paths or [str(folder)],
            on_progress=on_progress, on_message=on_message or _print_message, ray_address=ray_address, shard_docs=shard_docs,
        )
    with Store(db, hold=False, on_message=on_message or _print_message) as store:  # open only while a batch is written: readers read in between
        with _runner(runner, workers, ray_address) as pool:  # a runner that cannot start leaves no run behind
            run = _Run(store, paths, options, on_progress, on_message or _print_message)
            run.runner = pool
            try:
                run.go(files)
            except KeyboardInterrupt:
                run.finish("interrupted")
                raise
            except Exception:
                with contextlib.suppress(Exception):  # the first error is the one to report
                    run.finish("failed")
                raise
        run.finish("finished")
        return run.summary


def _ingest_shards(
    files: list[Path], folder: Path, *, made_here: bool, db: str | Path, options: dict, paths: list[str],
    on_progress: Callable[[Summary], None] | None, on_message: Callable[[str], None], ray_address: str | None, shard_docs: int,
) -> Summary:
    """Make the shards on the Ray cluster (`made_here`), then load them in input order, as a local run would store them."""
    with Store(db, hold=False, on_message=on_message) as store:
        with shard_mod.ShardSource() as source:
            run = _Run(store, paths, options, on_progress, on_message)
            run.runner = source  # type: ignore[assignment]  # the same interface, read from the shards
            try:
                failed: list[tuple[shard_mod.Task, str]] = []
                if made_here:
                    shard_options = shard_mod.ShardOptions(run.prepare_options, options["max_chars"], shard_docs)
                    tasks = shard_mod.plan(files, shard_options)
                    shard_mod.write_manifest(folder, tasks)
                    failed, stats = shard_mod.run_tasks(
                        tasks, folder, shard_options, frozenset(run.finished_ids()), max(1, options["workers"]), ray_address
                    )
                    for pid, (rss, cpu) in stats.items():
                        run.rss[pid], run.cpu[pid] = rss, cpu
                else:
                    tasks = shard_mod.read_manifest(folder)
                run.load(folder, tasks, failed)
            except KeyboardInterrupt:
                run.finish("interrupted")
                raise
            except Exception:
                with contextlib.suppress(Exception):
                    run.finish("failed")
                raise
        run.finish("finished")
        return run.summary


def _runner(kind: str, workers: int, ray_address: str | None) -> LocalRunner:
    if kind == "ray":
        from .ray_runner import RayRunner

        return RayRunner(max(1, workers), address=ray_address)  # type: ignore[return-value]  # same interface
    return LocalRunner(workers)


def _print_message(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _Run:
    def __init__(
        self, store: Store, paths: list[str], options: dict, on_progress: Callable[[Summary], None] | None,
        on_message: Callable[[str], None] = _print_message,
    ):
        self.store = store
        self.options = options
        self._unlimited: tuple[Path, Generator[Document, None, None]] | None = None  # a file read without the limit (`_stored_before`)
        self.keep_duplicates = options["keep_duplicates"]
        self.on_progress = on_progress or (lambda summary: None)
        self.runner: LocalRunner
        self.started = time.perf_counter()
        self.started_cpu = time.process_time()
        self.summary = Summary(run_id=store.start_run([document_name(p) for p in paths], options), db=str(store.path))
        # the duplicate index lives in the store (`bands`): a batch fetches what it needs, nothing is read whole
        self.index = dedup.Index(
            window_days=options["dedup_window"], bands=store.band_rows, candidates=self._candidates, words=self._stored_words
        )
        self.bands_layout = dedup.layout()
        with store.session():
            current, count = store.bands_state(self.bands_layout)
            if not current:
                if count:
                    on_message(f"building the duplicate index of the {count:,} articles in {store.path} (once: it was made by an older version)")
                store.rebuild_bands(self._stored_band_rows(), self.bands_layout)
            linked, analysed = store.links_current()
            if not linked:  # a store made before the links across articles existed (or linked otherwise): once
                if analysed:
                    on_message(f"linking the entities, quotes and events of the {analysed:,} articles in {store.path} across articles (once: it was made by an older version)")
                store.link_stored()
            if not store.link_counts_current():  # a store linked before the links kept what a batch adds to: once
                if analysed:
                    on_message(f"counting the links of the {analysed:,} articles in {store.path} (once: it was made by an older version)")
                store.count_links()
            if not store.tallies_current():  # a store made before the counts kept for the questions existed: once
                if analysed:
                    on_message(f"counting the entities of the {analysed:,} articles in {store.path} for the questions (once: it was made by an older version)")
                store.tally_stored()
            if not store.words_current() or not store.pairs_current():  # made before the word index (or its pairs): once
                if analysed:
                    on_message(f"indexing the words of the {analysed:,} articles in {store.path} for text search (once: it was made by an older version)")
                store.index_words()
        self.seen: set[str] = set()  # article ids met in this run
        self.queue: list[tuple[Article, list[Removed]]] = []  # to analyse, not yet sent
        # batches sent to be checked, cleaned and signed, decided on in input order (the first of two copies is the canonical)
        self.preparing: deque[tuple[list[Failure], list[Article], list[str | None], dict[str, str], Preparing | None]] = deque()
        self.prepare_options = PrepareOptions(options["any_language"], options["default_published"])
        self.rss: dict[int, float] = {}  # worker pid → peak memory
        self.cpu: dict[int, float] = {}  # worker pid → CPU time

    def _stored_band_rows(self) -> Iterable[list[tuple[int, str, int | None]]]:
        banding = self.index.banding
        for chunk in self.store.all_signatures():
            rows = []
            for article_id, fingerprint, minhash, canonical, published in chunk:
                sig = dedup.Signature.from_stored(fingerprint, minhash)
                rows += dedup.stored_rows(article_id, sig, canonical, dedup.day_number(published), banding)
            yield rows

    def _candidates(self, ids: list[str]) -> dict[str, dedup.Candidate]:
        out = {}
        for article_id, (minhash, ends) in self.store.stored_signatures(ids).items():
            sig = dedup.Signature.from_stored("", minhash, ends)
            if sig.minhash is not None:
                out[article_id] = dedup.Candidate(sig.minhash, sig.ends)
        return out

    def _stored_words(self, article_id: str) -> list[str] | None:
        """A stored canonical's normalised words (its text cleaned again: only for a candidate that ends like the new article)."""
        text = self.store.article_text(article_id)
        return None if text is None else dedup.words(cleaned_text(text, find_removed(text)))

    def go(self, files: list[Path]) -> None:
        estimates = {f: estimate_documents(f) for f in files}
        self.summary.expected = sum(e for e in estimates.values() if e is not None)
        batch: list[Document] = []  # across files: one transaction for many one-article files
        for path in files:
            for document in read_documents(path, max_chars=self.options["max_chars"]):
                if estimates[path] is None:
                    self.summary.expected += 1
                if self._stored_before(document, path):
                    self.summary.documents += 1
                    self._count(skipped=1)
                    continue
                batch.append(document)
                if len(batch) >= BATCH_SIZE:
                    self.take(batch)
                    batch = []
        self.drain(batch)

    def _stored_before(self, document: Document, path: Path) -> bool:
        """Whether a document too large for this run's --max-chars is an article the store holds (the same text, by its
        content id, from this place or any other): already stored, not a failure (the limit is for documents not
        stored). Decided on the content, never on the file's time: a file rewritten with its old time is a new text."""
        if not (isinstance(document, Failure) and document.reason == "too-large"):
            return False
        # the file read once more without this run's limit, alongside this reading (its documents come in the same
        # order): a file's too-large documents cost one more reading of it, and no memory
        if self._unlimited is None or self._unlimited[0] != path:
            if self._unlimited is not None:
                self._unlimited[1].close()  # the file before: done with (one file open at a time)
            self._unlimited = (path, read_documents(path, max_chars=LARGEST_MAX_CHARS))
        for read in self._unlimited[1]:
            if (read.source if isinstance(read, Article) else read.document) == document.document:
                article_id = known_id(read) if isinstance(read, Article) else None
                return article_id is not None and article_id in self.store.statuses([article_id])
        return False

    def drain(self, batch: list[Document]) -> None:
        """After the last documents are read: take the batch left, decide on every batch still being prepared, resume
        what an interrupted run left, and write what the workers still analyse."""
        self.take(batch)
        while self.preparing:
            self.admit()
        self.resume_leftovers()
        self.send(flush=True)
        while self.runner.in_flight:
            self.collect()

    def finished_ids(self) -> list[str]:
        """The stored articles this run is not to analyse again."""
        statuses = [ANALYSED, *([] if self.keep_duplicates else [DUPLICATE]), *([] if self.options["retry_failed"] else [FAILED])]
        with self.store.session() as con:
            return [i for (i,) in con.execute("SELECT id FROM articles WHERE status IN (SELECT unnest(?))", [statuses]).fetchall()]

    def load(self, folder: Path, tasks: list[shard_mod.Task], failed: list[tuple[shard_mod.Task, str]]) -> None:
        """Load the shards of `tasks` in input order (and an `errors` row for each file of a task that failed)."""
        errors = shard_mod.failed_task_errors(failed)
        if errors:
            self.summary.documents += len(errors)
            before = self.store.recorded(errors)
            self.store.add_entries([], errors, self.summary.run_id)
            self._failed(errors, before)
        source: shard_mod.ShardSource = self.runner  # type: ignore[assignment]
        batch: list[Document] = []
        for path in shard_mod.shard_folders(folder, tasks):
            shard = shard_mod.read_shard(path)
            self.summary.expected = (self.summary.expected or 0) + len(shard.documents)
            source.use(shard)
            # in batches of BATCH_SIZE documents across shards, as `go` takes them from the files, so that the writes
            # come in the same order as a local run's (the links across articles are made batch by batch)
            for document in shard.documents:
                batch.append(document)
                if len(batch) >= BATCH_SIZE:
                    self.take(batch)
                    batch = []
            source.keep(batch, [article for article, _ in self.queue])  # what is not taken or not written yet
        self.drain(batch)

    def take(self, documents: list[Document]) -> None:
        """Send read documents to the workers to be checked, cleaned and signed (those stored and finished with are
        skipped before); decide on the batches sent earlier, in input order, keeping a few in flight."""
        if not documents:
            return
        self.summary.documents += len(documents)
        failures = [d for d in documents if isinstance(d, Failure)]
        articles = [d for d in documents if isinstance(d, Article)]
        for article in articles:
            ignored = next((w for w in article.warnings if w.startswith(IGNORED_PUBLISHED)), None)
            if ignored is not None:
                self.summary.ignored_dates += 1
                self.summary.first_ignored_date = self.summary.first_ignored_date or f"{article.source}: {ignored}"
        known = [known_id(a) for a in articles]  # None: a text the store cannot hold (the worker's check says why)
        with self.store.session():  # articles stored and finished with are skipped before the costly checks and cleaning
            finished = {i: s for i, s in self.store.statuses(i for i in known if i).items() if not self._wanted(s)}
        sent = [a for a, i in zip(articles, known) if i not in finished]
        preparing = self.runner.prepare(sent, self.prepare_options) if sent else None
        self.preparing.append((failures, articles, known, finished, preparing))
        while len(self.preparing) > max(0, self.runner.workers) * IN_FLIGHT_PER_WORKER:
            self.admit()

    def admit(self) -> None:
        """Decide on the oldest batch sent to be prepared: duplicates, new articles stored, what needs analysis queued."""
        failures, articles, known, finished, preparing = self.preparing.popleft()
        outcomes = iter(self.runner.prepared(preparing) if preparing is not None else ())
        prepared: list[Prepared] = []
        for article, article_id in zip(articles, known):
            if article_id in finished:
                if article_id in self.seen:
                    self._count(skipped=1)  # a copy of a document this run met already
                else:
                    self._count(**({"failed": 1, "failed_before": 1} if finished[article_id] == FAILED else {"skipped": 1}))
                    self.seen.add(article_id)
                continue
            outcome = next(outcomes)
            if isinstance(outcome, Refused):
                failures.append(outcome.failure)
                if outcome.seen is not None:
                    self.seen.add(outcome.seen)  # failed in this run: not to be picked up again as a leftover
                continue
            prepared.append(outcome)
        if not prepared and not failures:
            return
        with self.store.session():  # one opening of the file for the batch's lookup and its writes
            statuses = self.store.statuses(p.id for p in prepared)
            self.index.prefetch(
                (p.signed, dedup.day_number(p.article.published))
                for p in prepared if statuses.get(p.id) is None and p.id not in self.seen and not isinstance(p.signed, Failure)
            )
            entries = []
            decided: set[str] = set()
            for p in prepared:
                status = statuses.get(p.id)
                if p.id in self.seen:
                    self._count(skipped=1)
                elif status is None and p.id not in decided:
                    outcome = self.decide(p)
                    (failures if isinstance(outcome, Failure) else entries).append(outcome)
                    decided.add(p.id)
                elif self._wanted(status):
                    self.queue.append((p.article, p.removed))  # stored by an interrupted run, or now wanted
                elif status == FAILED:
                    self._count(failed=1, failed_before=1)  # its error is in the store already
                else:
                    self._count(skipped=1)
                self.seen.add(p.id)
            before = self.store.recorded(failures)
            self.store.add_entries(entries, failures, self.summary.run_id, bands=self.index.take_rows(), bands_layout=self.bands_layout)
            self.index.forget()  # the store holds it now
        self._failed(failures, before)
        self.send()

    def _wanted(self, status: str) -> bool:
        """Whether a stored article of this status is to be analysed (again)."""
        return status == PENDING or (status == DUPLICATE and self.keep_duplicates) or (status == FAILED and self.options["retry_failed"])

    def decide(self, p: Prepared) -> Entry | Failure:
        """A new article: canonical (queued for analysis) or a duplicate of one (or a failure to sign it)."""
        if isinstance(p.signed, Failure):
            return p.signed
        sig, article = p.signed, p.article
        day = dedup.day_number(article.published)
        match = self.index.match(sig, day)
        self.index.add(p.id, sig, canonical=match.canonical if match else None, day=day)
        self.summary.added += 1
        entry = Entry(article, p.id, p.cleaned_length, PENDING, sig.fingerprint, sig.minhash_bytes(), ends=sig.ends_bytes())
        if match is not None:
            entry.status, entry.duplicate_of, entry.similarity = DUPLICATE, match.canonical, round(match.similarity, 4)
            self.summary.duplicates += 1
            if not self.keep_duplicates:
                self._count(done=1)
                return entry
        self.queue.append((article, p.removed))
        return entry

    def resume_leftovers(self) -> None:
        """Pending articles of an interrupted run whose files were not among this run's inputs."""
        statuses = [PENDING] + ([DUPLICATE] if self.keep_duplicates else [])
        for article in self.store.to_analyse(statuses=statuses, exclude=self.seen):
            self.summary.expected = (self.summary.expected or 0) + 1
            self.seen.add(content_id(article.text))
            try:
                # its checks passed when it was stored: only the cleaning is redone
                # (prepare would add its language warning a second time)
                self.queue.append((article, find_removed(article.text)))
            except Exception as err:
                failed = [failure(article, "clean", "internal", str(err))]
                before = self.store.recorded(failed)
                self.store.add_results([], failed, self.summary.run_id)
                self._failed(failed, before)
        self.send()

    def send(self, *, flush: bool = False) -> None:
        """Send full batches (and with `flush` the rest) to the workers, collecting results to keep few in flight."""
        limit = max(1, self.runner.workers) * IN_FLIGHT_PER_WORKER
        while len(self.queue) >= BATCH_SIZE or (flush and self.queue):
            while self.runner.in_flight >= limit:
                self.collect()
            batch, self.queue = self.queue[:BATCH_SIZE], self.queue[BATCH_SIZE:]
            self.runner.submit(batch)

    def collect(self) -> None:
        for result in self.runner.completed():
            analyses = [o for o in result.outcomes if isinstance(o, (Analysis, Rows))]
            failures = [o for o in result.outcomes if isinstance(o, Failure)]
            before = self.store.recorded(failures)
            unstored = self.store.add_results(analyses, failures, self.summary.run_id)  # an analysis the store cannot hold fails alone
            failures += unstored
            before += [False] * len(unstored)
            if result.pid and result.pid != os.getpid():
                self.rss[result.pid] = max(self.rss.get(result.pid, 0.0), result.peak_rss_mb)
                self.cpu[result.pid] = max(self.cpu.get(result.pid, 0.0), result.cpu_seconds)
            elif result.pid:
                self.rss[result.pid] = result.peak_rss_mb
            self.summary.analysed += len(analyses) - len(unstored)
            self._count(done=len(analyses) - len(unstored))
            self._failed(failures, before)

    def _failed(self, failures: list[Failure], before: list[bool]) -> None:
        """Count failures; `before`: for each, whether an earlier run recorded it (not shown again)."""
        new = [f for f, old in zip(failures, before) if not old]
        room = SHOWN_FAILURES - len(self.summary.first_failures)
        self.summary.first_failures += new[: max(0, room)]
        self._count(failed=len(failures), failed_before=len(failures) - len(new))

    def _count(self, *, done: int = 0, skipped: int = 0, failed: int = 0, failed_before: int = 0) -> None:
        """Count documents finished with, and report progress."""
        s = self.summary
        s.skipped += skipped
        s.failed += failed
        s.failed_before += failed_before
        s.done += done + skipped + failed
        s.peak_worker_rss_mb = max(self.rss.values(), default=0.0)
        s.worker_cpu_s = sum(self.cpu.values())
        s.parent_cpu_s = time.process_time() - self.started_cpu
        s.seconds = time.perf_counter() - self.started
        self.on_progress(s)

    def finish(self, status: str) -> None:
        s = self.summary
        self._count()
        counts = {f.name: getattr(s, f.name) for f in fields(RunCounts)}
        for k, v in counts.items():
            if isinstance(v, float):
                counts[k] = round(v, 1)
        if status == "finished" and self.store.pairs_current():  # the word pairs added by this run, in word order
            self.store.sort_pairs()
        self.store.finish_run(s.run_id, counts, status)
