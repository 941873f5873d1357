"""Run the per-document analysis in worker processes.

The unit of work is `analyze_batch(items)`: (article, removed) pairs that the
parent has read, checked and cleaned → one `Analysis` or `Failure` per article,
plain records only (never spaCy Docs, which drag their vocabulary along when
pickled). It wraps `pipeline.analyze_prepared`, the same functions
`newswire analyze` runs. `setup()` loads the model once per worker.

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
from multiprocessing.connection import Connection

from ..errors import NewswireError, internal_error
from ..text.parse import load_nlp
from ..pipeline import analyze_prepared
from ..records import Analysis, Article, Failure, Removed, content_id

# A worker is replaced after this many batches: spaCy's memory grows slowly in
# long runs (explosion/spaCy #3618). A replacement reloads the model (about 2 s
# here); 200 batches of BATCH_SIZE articles is several minutes of work. Re-measure
# peak worker memory (bench/ingest_throughput.py) on a long corpus if changed.
MAX_TASKS_PER_CHILD = 200
# Articles per task. Large enough for nlp.pipe to batch and for the pickling
# round trip not to matter, small enough that work spreads evenly over the
# workers and an interrupted run loses little. 8, 16 and 32 ran at the same
# speed in bench/ingest_throughput.py; 16 keeps two workers busy on 100 articles.
BATCH_SIZE = 16
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"

Item = tuple[Article, list[Removed]]


@dataclass(slots=True)
class BatchResult:
    outcomes: list[Analysis | Failure]  # one per item, in order
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


def analyze_batch(items: list[Item]) -> BatchResult:
    """Analyse a batch of prepared articles; a failing article costs only its own result."""
    try:
        outcomes: list[Analysis | Failure] = list(analyze_prepared(items))
    except Exception:  # find which one: analyse them one at a time
        outcomes = [_analyze_one(item) for item in items]
    return BatchResult(outcomes, os.getpid(), peak_rss_mb(), time.process_time())


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
    try:
        article_id: str | None = content_id(article.text)
    except UnicodeError:  # a text no UTF-8 can hold has no content id (the read stage refuses one)
        article_id = None
    return Failure(document=article.source or "<unknown>", stage=stage, reason=reason, message=line[:500], article_id=article_id)


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


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
            future.set_result(analyze_batch(items))
            return future
        return self._pool.submit(analyze_batch, items)

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
