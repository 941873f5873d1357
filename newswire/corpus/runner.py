"""Run the per-document work in worker processes.

Two units of work, so that the parent (the one writer) does only what must be
serial, deciding duplicates and writing:

- `prepare_batch(articles, options)`: read articles → each checked (the
  language check, what the store can hold), cleaned and signed (MinHash) in
  the worker: one `Prepared` (or `Refused`) per article, in order;
- `analyze_batch(items, rows=True)`: (article, removed) pairs that the parent
  has decided to analyse → one `store.Rows` (the analysis as the rows the
  store writes, built here) or `Failure` per article, plain data only (never
  spaCy Docs, which drag their vocabulary along when pickled). It wraps
  `pipeline.analyze_prepared`, the same functions `newswire analyze` runs.

`setup()` loads the model once per worker.

`LocalRunner` runs them on a local process pool (forkserver where available,
else spawn: never fork, which copies the parent's state and hangs spaCy on
some platforms). Workers exit by themselves when the parent dies, even by
SIGKILL: each watches the read end of a pipe whose only writer is the parent
and exits at its end of file (`PR_SET_PDEATHSIG` would not do: a forkserver
worker's parent is the forkserver, which outlives its workers; the
forkserver and multiprocessing's resource tracker exit once the parent and
the workers are gone). A Ray runner would wrap the same two functions in an actor:
`setup()` in its constructor, `analyze_batch` in its call.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any
from multiprocessing.connection import Connection

from . import dedup
from ..errors import InputError, NewswireError, internal_error
from ..text.parse import load_nlp
from ..pipeline import analyze_prepared, prepare
from ..records import Analysis, Article, Failure, Removed, cleaned_text, content_id
from .store import Rows, built_rows, check_storable

# A worker is replaced after this many batches: spaCy's memory grows slowly in
# long runs (explosion/spaCy #3618). A replacement reloads the model (about 2 s
# here); 200 batches of BATCH_SIZE articles (400 tasks) is several minutes of work. Re-measure
# peak worker memory (bench/ingest_throughput.py) on a long corpus if changed.
# A task is a batch's preparation or its analysis: two per batch.
MAX_TASKS_PER_CHILD = 400
# Articles per task. Large enough for nlp.pipe to batch and for the pickling
# round trip not to matter, small enough that work spreads evenly over the
# workers and an interrupted run loses little. 8, 16 and 32 ran at the same
# speed in bench/ingest_throughput.py; 16 keeps two workers busy on 100 articles.
BATCH_SIZE = 16
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"

Item = tuple[Article, list[Removed]]


@dataclass(slots=True)
class Prepared:
    """A read article checked, cleaned and signed in a worker, for the parent to decide on."""

    article: Article  # its publication date defaulted, the language check's warning added
    removed: list[Removed]
    id: str
    cleaned_length: int
    signed: dedup.Signature | Failure  # its signature (with its words), or the failure to sign it


@dataclass(slots=True)
class Refused:
    """A read article that failed its checks or its cleaning."""

    failure: Failure
    seen: str | None = None  # its id when it is not to be picked up again in this run (it failed in this run)


@dataclass(slots=True)
class PrepareOptions:
    any_language: bool = False
    default_published: str | None = None


@dataclass(slots=True)
class BatchResult:
    outcomes: list[Analysis | Rows | Failure]  # one per item, in order
    pid: int
    peak_rss_mb: float  # the worker process's peak resident memory so far
    cpu_seconds: float = 0.0  # the worker process's CPU time so far (model loading included)


def setup() -> None:
    """Per-worker initialisation: load the model once."""
    load_nlp()


def _worker_setup(parent_alive: Connection) -> None:
    """A pool worker's initialisation: exit with the parent process, then load the model."""
    threading.Thread(target=_exit_at_eof, args=(parent_alive,), name="newswire-exit-with-parent", daemon=True).start()
    setup()


def _exit_at_eof(parent_alive: Connection) -> None:
    """Wait for the end of file of the parent's pipe (the parent closed it, exited or was killed), then exit at once."""
    try:
        parent_alive.recv_bytes()  # the parent never writes: this returns only at end of file
    except (EOFError, OSError):
        pass
    os._exit(1)  # not sys.exit: the main thread may be blocked writing a result no one will read


def known_id(article: Article) -> str | None:
    """An article's id, or None for a text no UTF-8 can hold (its checks say why)."""
    try:
        return content_id(article.text)
    except UnicodeError:
        return None


def prepare_batch(articles: list[Article], options: PrepareOptions) -> list[Prepared | Refused]:
    """Check, clean and sign read articles (one outcome each, in order); a failing article costs only its own."""
    return [prepare_one(article, options) for article in articles]


def prepare_one(article: Article, options: PrepareOptions) -> Prepared | Refused:
    article.published = article.published or options.default_published
    try:
        check_storable(article)  # its row, built here: a value the store cannot hold fails this article, not its batch
    except InputError as err:
        return Refused(failure(article, "store", err.reason, str(err)))
    article_id = content_id(article.text)
    try:
        removed = prepare(article, any_language=options.any_language)
    except InputError as err:
        return Refused(failure(article, "language", err.reason, str(err)), seen=article_id)
    except Exception as err:
        return Refused(failure(article, "clean", "internal", internal_error(err)), seen=article_id)
    cleaned = cleaned_text(article.text, removed)
    signed: dedup.Signature | Failure
    try:
        signed = dedup.signature(cleaned)
    except Exception as err:  # one article's signature must not stop the run
        signed = failure(article, "dedup", "internal", internal_error(err))
    return Prepared(article, removed, article_id, len(cleaned), signed)


def analyze_batch(items: list[Item], *, rows: bool = False) -> BatchResult:
    """Analyse a batch of prepared articles (`rows`: each as the rows the store writes); a failing article costs only
    its own result."""
    try:
        outcomes: list[Analysis | Rows | Failure] = list(analyze_prepared(items))
    except Exception:  # find which one: analyse them one at a time
        outcomes = [_analyze_one(item) for item in items]
    if rows:
        outcomes = [_rows(o, item) if isinstance(o, Analysis) else o for o, item in zip(outcomes, items)]
    return BatchResult(outcomes, os.getpid(), peak_rss_mb(), time.process_time())


def _rows(analysis: Analysis, item: Item) -> Rows | Failure:
    try:
        return built_rows(analysis)
    except Exception as err:
        return failure(item[0], "store", "internal", f"its analysis cannot be stored ({internal_error(err)})")


def _analyze_one(item: Item) -> Analysis | Failure:
    try:
        return next(analyze_prepared([item]))
    except NewswireError as err:
        return failure(item[0], "analyze", getattr(err, "reason", "bad-input"), str(err))
    except Exception as err:
        return failure(item[0], "analyze", "internal", internal_error(err))


def failure(article: Article, stage: str, reason: str, message: str) -> Failure:
    """A `Failure` for an article whose text was read."""
    line = message.splitlines()[0] if message else reason
    return Failure(document=article.source or "<unknown>", stage=stage, reason=reason, message=line[:500], article_id=known_id(article))


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


@dataclass(slots=True)
class Preparing:
    """A batch of read articles sent to a runner's `prepare`."""

    handle: Any  # the runner's: a Future, a Ray object ref
    articles: list[Article]
    options: PrepareOptions


class LocalRunner:
    """`analyze_batch` on a pool of `workers` processes (0: in this process, for tests and debugging).

    A worker that dies (killed for memory, a crash in native code) breaks the
    pool: the pool is replaced and the articles of every batch it held are
    retried one at a time, so only an article that kills a worker on its own
    fails.
    """

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[Future[BatchResult], list[Item]] = {}
        self._set_up = False  # with no workers: the model is loaded at the first batch (a run with nothing new loads none)
        if workers != 0:
            # the workers get the read end; the write end stays in this process only (not inheritable), so
            # its end of file reaches them when this process ends, however it ends
            self._alive_r, self._alive_w = multiprocessing.Pipe(duplex=False)
            self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(START_METHOD),
            initializer=_worker_setup,
            initargs=(self._alive_r,),
            max_tasks_per_child=MAX_TASKS_PER_CHILD,
        )

    def __enter__(self) -> "LocalRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(cancel=exc[0] is not None)

    @property
    def in_flight(self) -> int:
        return len(self._futures)

    def submit(self, items: list[Item]) -> None:
        self._futures[self._submit(items)] = items

    def _submit(self, items: list[Item]) -> Future[BatchResult]:
        if self._pool is None:
            if not self._set_up:
                setup()
                self._set_up = True
            future: Future[BatchResult] = Future()
            future.set_result(analyze_batch(items, rows=True))
            return future
        return self._pool.submit(analyze_batch, items, rows=True)

    def prepare(self, articles: list[Article], options: PrepareOptions) -> "Preparing":
        """Send read articles to be checked, cleaned and signed (`prepared` waits for them)."""
        future: Future[list[Prepared | Refused]] = Future()
        if self._pool is not None:
            try:
                future = self._pool.submit(prepare_batch, articles, options)
            except BrokenProcessPool:  # a worker died: `completed` restarts the pool; this batch is prepared here
                future.set_result(prepare_batch(articles, options))
        else:  # no model needed: a run with nothing to analyse loads none
            future.set_result(prepare_batch(articles, options))
        return Preparing(future, articles, options)

    def prepared(self, preparing: "Preparing") -> list[Prepared | Refused]:
        """The outcomes of a batch sent to `prepare`, one per article, in order."""
        try:
            return preparing.handle.result()
        except BrokenProcessPool:  # a worker died meanwhile: prepared here instead (what must fail, fails here alone)
            if not self._futures:
                self._restart()
            return prepare_batch(preparing.articles, preparing.options)

    def completed(self) -> Iterator[BatchResult]:
        """Wait for at least one batch to finish; its results (and any others ready)."""
        done, _ = wait(list(self._futures), return_when=FIRST_COMPLETED)
        broken = False
        for future in done:
            if isinstance(future.exception(), BrokenProcessPool):
                broken = True
            else:
                del self._futures[future]
                yield future.result()
        if broken:  # every batch the pool held is lost: retry their articles one at a time
            retry = [item for items in self._futures.values() for item in items]
            self._futures.clear()
            self._restart()
            for item in retry:
                yield self._alone(item)

    def _alone(self, item: Item) -> BatchResult:
        try:
            return self._submit([item]).result()
        except BrokenProcessPool:
            self._restart()
            message = "the worker process died analysing it (out of memory, or a crash in a native library)"
            return BatchResult([failure(item[0], "analyze", "crashed", message)], 0, 0.0)

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self, *, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self._pool = None
            self._alive_w.close()  # cancelled: workers still busy stop now rather than finish work no one waits for
            self._alive_r.close()
