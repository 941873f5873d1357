"""Run the per-document analysis on a Ray cluster (the optional `ray` extra).

The same units of work as the local pool (`runner.setup`,
`runner.prepare_batch`, `runner.analyze_batch`), wrapped in Ray actors: each
actor loads the model once in its constructor, checks, cleans and signs the
batches of read articles the ingest process sends, and analyses the ones it
decides to analyse into the rows the store writes; the ingest process stays
the one writer of the store. The interface is `LocalRunner`'s (`submit`,
`completed`, `in_flight`, `workers`, `close`), so `ingest` takes either.

Ray core actors rather than Ray Data: ingest streams batches from its own
reader and deduplicator and writes each result as it comes back; an actor
pool is exactly that, with nothing to materialise in between.

    ingest(["crawl/"], db="corpus.duckdb", runner="ray", ray_address="auto")
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import UsageError
from ..records import Article
from .runner import BatchResult, Item, Prepared, PrepareOptions, Preparing, Refused, analyze_batch, failure, prepare_batch, setup

INSTALL_HINT = "pip install 'newswire[ray]'"


def require_ray() -> None:
    """Refuse, in one line, a Ray run where Ray is not installed (before anything is written)."""
    _ray()


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise UsageError(f"the Ray runner needs Ray, which is not installed: {INSTALL_HINT}") from None
    return ray


class _Analyst:
    """One Ray actor: the model loaded once, then batch after batch."""

    def __init__(self) -> None:
        setup()

    def analyze(self, items: list[Item]) -> BatchResult:
        return analyze_batch(items, rows=True)

    def prepare(self, articles: list[Article], options: PrepareOptions) -> list[Prepared | Refused]:
        return prepare_batch(articles, options)


class RayRunner:
    """`analyze_batch` on `workers` Ray actors (a local Ray instance, or the cluster at `address`)."""

    def __init__(self, workers: int, *, address: str | None = None):
        ray = _ray()
        if workers < 1:
            raise UsageError(f"the Ray runner needs at least one worker, not {workers}")
        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
        self._ray = ray
        # a dead actor (out of memory, a lost node) is restarted; the batch it held fails
        actor = ray.remote(num_cpus=1, max_restarts=3)(_Analyst)
        self.workers = workers
        self._actors = [actor.remote() for _ in range(workers)]
        self._next = 0
        self._pending: dict[Any, list[Item]] = {}

    def __enter__(self) -> "RayRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(cancel=exc[0] is not None)

    @property
    def in_flight(self) -> int:
        return len(self._pending)

    def submit(self, items: list[Item]) -> None:
        actor = self._actors[self._next % len(self._actors)]
        self._next += 1
        self._pending[actor.analyze.remote(items)] = items

    def prepare(self, articles: list[Article], options: PrepareOptions) -> Preparing:
        """Send read articles to an actor to be checked, cleaned and signed (`prepared` waits for them)."""
        actor = self._actors[self._next % len(self._actors)]
        self._next += 1
        return Preparing(actor.prepare.remote(articles, options), articles, options)

    def prepared(self, preparing: Preparing) -> list[Prepared | Refused]:
        try:
            return self._ray.get(preparing.handle)
        except self._ray.exceptions.RayError:  # the actor died: prepared here instead
            return prepare_batch(preparing.articles, preparing.options)

    def completed(self) -> Iterator[BatchResult]:
        """Wait for at least one batch to finish; its results (and any others ready)."""
        ready, _ = self._ray.wait(list(self._pending), num_returns=1)
        ready, _ = self._ray.wait(list(self._pending), num_returns=len(ready), timeout=0)
        for ref in ready:
            items = self._pending.pop(ref)
            try:
                yield self._ray.get(ref)
            except self._ray.exceptions.RayError as err:  # an actor died: its batch fails, the run goes on
                message = f"the Ray worker failed analysing it ({type(err).__name__})"
                yield BatchResult([failure(item[0], "analyze", "crashed", message) for item in items], 0, 0.0)

    def close(self, *, cancel: bool = False) -> None:
        for ref in list(self._pending) if cancel else []:
            self._ray.cancel(ref, force=True)
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
