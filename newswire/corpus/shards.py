"""Ingest beyond one machine: the whole per-document path on a Ray cluster into Parquet shards, then one load.

    newswire ingest crawl/ --runner ray --shards shards/ --db corpus.duckdb [--ray-address auto]
    newswire ingest --from-shards shards/ --db corpus.duckdb     # the load alone (e.g. on another machine)

Two phases:

1. **On the cluster** (`run_tasks`). The input files are split into tasks
   (consecutive files holding about `SHARD_DOCS` documents, a large file
   alone) listed in `DIR/manifest.json` in input order. Ray actors (each loads
   the model once) take a task each: read its files, and for every
   `SHARD_DOCS` documents check, clean, sign (MinHash), analyse and build the
   store's rows, and write one shard: a folder `DIR/<task>-<n>/` of Parquet
   files (`documents.parquet`: one row per document read, with its outcome and
   signature; `articles.parquet` and one file per record table: the rows the
   store writes). A shard is written under a temporary name and renamed when
   whole, so a crash leaves no half shard; a finished task leaves
   `DIR/<task>.done`. Documents already finished with in the store (their
   ids, fetched once by each actor) are not analysed again.
2. **The load** (`load_shards`, in the ingest process). The shards are read
   in input order and go through the same decisions as a local ingest
   (`ingest._Run`): duplicates decided by band keys against the store's
   `bands` and the documents before them (the first of two copies is the
   canonical, so the decision is serial and made here, on signatures only),
   new articles written, and the analyses of the canonical ones written with
   the rows the workers built. So the store comes out as a local ingest
   leaves it (a test compares them row for row).

Resuming: a task whose `.done` exists is skipped, a shard that exists is not
made again (its file is read again, to find where the next shard starts),
and the load skips what the store holds. A document that fails is an
`errors` row (from its shard); a task whose actor dies (after Ray's retries)
is one `errors` row per file, and the next run does it again.

Limits: the input files must be readable at the same path on every node (a
shared file system); the actors' duplicates are analysed too (the decision
is made at the load) and dropped at the load unless `--keep-duplicates`; the
ids of the store's finished articles go to every actor (about 100 bytes an
article); the load is one process, like a local ingest's writer.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from . import dedup
from ..errors import UsageError
from ..records import Article, Failure, Removed, content_id, from_dict, to_dict
from ..version import __version__
from .runner import BATCH_SIZE, BatchResult, Item, Prepared, PrepareOptions, Preparing, Refused, analyze_batch, known_id, peak_rss_mb, prepare_one, setup
from .sources import Document, estimate_documents, read_documents
from .store import ARTICLE_COLUMNS, RECORD_TABLES, TABLES, Rows, _arrow

# Documents per shard: a shard is the unit of writing (and of what a crash loses), and of the load's transactions.
SHARD_DOCS = 64
MANIFEST = "manifest.json"
# Tasks queued on an actor at a time: the next is there when one ends, and a long one holds up no others.
TASKS_IN_FLIGHT = 2

_DOCUMENTS = pa.schema([
    ("seq", pa.int32()), ("kind", pa.string()),  # read-failure, stored (finished with in the store), refused, prepared
    ("article", pa.string()),  # the Article as JSON (a prepared one: its date defaulted, its language warning added)
    ("id", pa.string()), ("failure", pa.string()),  # a Failure as JSON: reading, checks, signature, or analysis
    ("seen", pa.string()), ("removed", pa.string()), ("cleaned_length", pa.int64()),
    ("fingerprint", pa.string()), ("minhash", pa.binary()), ("ends", pa.binary()), ("words", pa.list_(pa.string())),
])


@dataclass(slots=True)
class Task:
    key: str
    files: list[str]


@dataclass(slots=True)
class ShardOptions:
    prepare: PrepareOptions
    max_chars: int
    shard_docs: int = SHARD_DOCS


# --- phase 1: tasks --------------------------------------------------------------


def plan(files: list[Path], options: ShardOptions) -> list[Task]:
    """The input files as tasks, in input order; a task's key names its files (path, size, time) and the options."""
    tasks: list[Task] = []
    group: list[Path] = []
    count = 0

    def close() -> None:
        nonlocal group, count
        if group:
            tasks.append(Task(_task_key(group, options), [str(p) for p in group]))
        group, count = [], 0

    for path in files:
        estimate = estimate_documents(path)
        if estimate is None or estimate >= options.shard_docs:
            close()
            group = [path]
            close()
            continue
        group.append(path)
        count += estimate
        if count >= options.shard_docs:
            close()
    close()
    return tasks


def _task_key(paths: list[Path], options: ShardOptions) -> str:
    h = hashlib.blake2b(digest_size=12)
    h.update(json.dumps([__version__, options.prepare.any_language, options.prepare.default_published, options.max_chars, options.shard_docs]).encode())
    for p in paths:
        st = p.stat()
        h.update(f"\n{p.resolve()}\t{st.st_size}\t{st.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def write_manifest(folder: Path, tasks: list[Task]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = {"version": __version__, "tasks": [{"key": t.key, "files": t.files} for t in tasks]}
    _atomic_write(folder / MANIFEST, json.dumps(data, indent=1))


def read_manifest(folder: Path) -> list[Task]:
    path = folder / MANIFEST
    if not path.is_file():
        raise UsageError(f"{folder} holds no shards ({MANIFEST} is missing): make them with ingest --runner ray --shards {folder}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Task(t["key"], list(t["files"])) for t in data["tasks"]]
    except (ValueError, KeyError, TypeError) as err:
        raise UsageError(f"{path} is not a shard manifest ({err})") from None


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def run_task(task: Task, folder: Path, options: ShardOptions, finished: frozenset[str]) -> dict[str, Any]:
    """Read a task's files and write its shards (those not already written); what it did."""
    done = folder / f"{task.key}.done"
    if done.exists():
        return {"shards": 0, "skipped": True}
    made, chunk, documents = 0, 0, []
    for name in task.files:
        for document in read_documents(Path(name), max_chars=options.max_chars):
            documents.append(document)
            if len(documents) >= options.shard_docs:
                made += write_shard(folder, f"{task.key}-{chunk:06d}", documents, options, finished)
                chunk, documents = chunk + 1, []
    if documents or chunk == 0:
        made += write_shard(folder, f"{task.key}-{chunk:06d}", documents, options, finished)
        chunk += 1
    _atomic_write(done, json.dumps({"shards": chunk}))
    return {"shards": made, "skipped": False}


def write_shard(folder: Path, name: str, documents: list[Document], options: ShardOptions, finished: frozenset[str]) -> int:
    """Check, clean, sign, analyse and build the rows of one shard's documents; write them whole or not at all (1 if written)."""
    final = folder / name
    if final.exists():
        return 0
    rows: list[dict[str, Any]] = []
    items: list[Item] = []
    queued: set[str] = set()
    for seq, document in enumerate(documents):
        row: dict[str, Any] = {"seq": seq}
        if isinstance(document, Failure):
            row.update(kind="read-failure", failure=json.dumps(to_dict(document)))
            rows.append(row)
            continue
        article_id = known_id(document)
        if article_id is not None and article_id in finished:
            row.update(kind="stored", article=json.dumps(to_dict(document)), id=article_id)
            rows.append(row)
            continue
        outcome = prepare_one(document, options.prepare)
        if isinstance(outcome, Refused):
            row.update(kind="refused", article=json.dumps(to_dict(document)), id=outcome.failure.article_id,
                       failure=json.dumps(to_dict(outcome.failure)), seen=outcome.seen)
        else:
            row.update(kind="prepared", article=json.dumps(to_dict(outcome.article)), id=outcome.id,
                       removed=json.dumps(to_dict(outcome.removed)), cleaned_length=outcome.cleaned_length)
            if isinstance(outcome.signed, Failure):
                row["failure"] = json.dumps(to_dict(outcome.signed))
            else:
                sig = outcome.signed
                row.update(fingerprint=sig.fingerprint, minhash=sig.minhash_bytes(), ends=sig.ends_bytes(), words=sig.words)
                if outcome.id not in queued:  # two files with one text: one analysis (its rows are keyed by the id)
                    queued.add(outcome.id)
                    items.append((outcome.article, outcome.removed))
        rows.append(row)
    analysed: list[Rows] = []
    by_id = {r["id"]: r for r in rows if r["kind"] == "prepared"}
    for start in range(0, len(items), BATCH_SIZE):
        for outcome in analyze_batch(items[start : start + BATCH_SIZE], rows=True).outcomes:
            if isinstance(outcome, Rows):
                analysed.append(outcome)
            elif outcome.article_id in by_id:
                by_id[outcome.article_id]["failure"] = json.dumps(to_dict(outcome))
    for stale in folder.glob(f".{name}.*.tmp"):  # left by an attempt that died (Ray starts one only after that)
        shutil.rmtree(stale, ignore_errors=True)
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    tmp.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=_DOCUMENTS), tmp / "documents.parquet")
    if analysed:
        pq.write_table(_arrow(ARTICLE_COLUMNS, [r.values for r in analysed]), tmp / "articles.parquet")
    for table in RECORD_TABLES:
        table_rows = [row for r in analysed for row in r.tables[table.name]]
        if table_rows:
            pq.write_table(_arrow(TABLES[table.name], table_rows), tmp / f"{table.name}.parquet")
    try:
        os.rename(tmp, final)  # whole or not at all
    except OSError:  # made meanwhile by another attempt at the same task: that one stands
        shutil.rmtree(tmp, ignore_errors=True)
        return 0
    return 1


class _ShardWorker:
    """One Ray actor: the model loaded once, then task after task."""

    def __init__(self) -> None:
        setup()
        self.finished: frozenset[str] | None = None

    def run(self, task: Task, folder: str, options: ShardOptions, finished: list[Any]) -> dict[str, Any]:
        if self.finished is None:  # the store's finished ids: a reference (in a list, so not fetched per call), fetched once
            import ray

            self.finished = ray.get(finished[0])
        result = run_task(task, Path(folder), options, self.finished)
        return {**result, "pid": os.getpid(), "peak_rss_mb": peak_rss_mb(), "cpu_s": time.process_time()}


def run_tasks(
    tasks: list[Task], folder: Path, options: ShardOptions, finished: frozenset[str], workers: int, address: str | None,
) -> tuple[list[tuple[Task, str]], dict[int, tuple[float, float]]]:
    """Run the tasks not yet done on `workers` Ray actors: the tasks that failed (with why), and each worker's peak
    memory and CPU time (by process id)."""
    from .ray_runner import _ray

    ray = _ray()
    todo = [t for t in tasks if not (folder / f"{t.key}.done").exists()]
    stats: dict[int, tuple[float, float]] = {}
    if not todo:
        return [], stats
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    # a dead actor (out of memory, a lost node) is restarted and its task tried again, twice
    actor = ray.remote(num_cpus=1, max_restarts=3, max_task_retries=2)(_ShardWorker)
    finished_ref = ray.put(finished)
    actors = [actor.remote() for _ in range(max(1, min(workers, len(todo))))]
    queue = list(reversed(todo))
    pending: dict[Any, tuple[Task, Any]] = {}

    def feed(worker: Any) -> None:  # a task to an actor that has room: a long task does not hold up the others'
        if queue:
            task = queue.pop()
            pending[worker.run.remote(task, str(folder), options, [finished_ref])] = (task, worker)

    for worker in actors * TASKS_IN_FLIGHT:
        feed(worker)
    failed: list[tuple[Task, str]] = []
    try:
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1)
            for ref in ready:
                task, worker = pending.pop(ref)
                try:
                    result = ray.get(ref)
                    stats[result["pid"]] = (result["peak_rss_mb"], result["cpu_s"])
                except ray.exceptions.RayError as err:
                    failed.append((task, f"the Ray task reading it failed ({type(err).__name__}); run again to retry"))
                feed(worker)
    finally:
        for ref in pending:
            ray.cancel(ref, force=True)
        for a in actors:
            ray.kill(a)
    return failed, stats


# --- phase 2: the load ----------------------------------------------------------


def shard_folders(folder: Path, tasks: list[Task]) -> Iterator[Path]:
    """The shards of the tasks, in input order (a task not finished: the shards it wrote)."""
    for task in tasks:
        yield from sorted(p for p in folder.glob(f"{task.key}-*") if p.is_dir())


@dataclass(slots=True)
class Shard:
    documents: list[Document]
    outcomes: dict[int, Prepared | Refused | None] = field(default_factory=dict)  # id(article) → outcome (None: not prepared)
    analyses: dict[str, Rows | Failure] = field(default_factory=dict)  # article id → its rows, or the failure to analyse it


def read_shard(path: Path) -> Shard:
    shard = Shard([])
    failures: dict[str, Failure] = {}
    for row in pq.read_table(path / "documents.parquet").to_pylist():
        kind = row["kind"]
        failed = None if row["failure"] is None else from_dict(Failure, json.loads(row["failure"]))
        if kind == "read-failure":
            shard.documents.append(failed)
            continue
        article = from_dict(Article, json.loads(row["article"]))
        shard.documents.append(article)
        if kind == "refused":
            shard.outcomes[id(article)] = Refused(failed, row["seen"])
        elif kind == "prepared":
            removed = [from_dict(Removed, r) for r in json.loads(row["removed"])]
            signed: dedup.Signature | Failure
            if row["fingerprint"] is None:
                signed = failed
            else:
                signed = dedup.Signature(row["fingerprint"], _array(row["minhash"]), _array(row["ends"]), row["words"])
                if failed is not None:
                    failures[row["id"]] = failed
            shard.outcomes[id(article)] = Prepared(article, removed, row["id"], row["cleaned_length"], signed)
        else:
            shard.outcomes[id(article)] = None
    shard.analyses.update(failures)
    if (path / "articles.parquet").exists():
        tables = {t.name: _grouped(path / f"{t.name}.parquet") for t in RECORD_TABLES}
        for values in pq.read_table(path / "articles.parquet").to_pylist():
            shard.analyses[values["id"]] = Rows(
                values["id"], values.get("published"), values, {name: rows.get(values["id"], []) for name, rows in tables.items()}
            )
    return shard


def _grouped(path: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    if path.exists():
        for row in pq.read_table(path).to_pylist():
            out.setdefault(row["article_id"], []).append(row)
    return out


def _array(data: bytes | None) -> np.ndarray | None:
    return None if data is None else np.frombuffer(data, dtype=np.uint32)


class ShardSource:
    """The runner of a load: what the workers prepared and analysed, read from the shards (what they did not,
    done here: an article finished with in the store when the shard was made, and no longer)."""

    workers = 0

    def __init__(self) -> None:
        self.outcomes: dict[int, Prepared | Refused | None] = {}  # as `Shard.outcomes`, of the shards read so far
        self.analyses: dict[str, Rows | Failure] = {}
        self.results: list[BatchResult] = []
        self._set_up = False

    def __enter__(self) -> "ShardSource":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def use(self, shard: Shard) -> None:
        self.outcomes.update(shard.outcomes)
        self.analyses.update(shard.analyses)

    def keep(self, untaken: list[Document], queued: list[Article]) -> None:
        """Forget what was read from the shards but what these documents (not yet taken) and articles (queued for
        analysis) need: what a duplicate or a stored article left is never asked for."""
        self.outcomes = {k: v for k, v in self.outcomes.items() if k in {id(d) for d in untaken}}
        wanted = {known_id(d) for d in untaken if isinstance(d, Article)} | {content_id(a.text) for a in queued}
        self.analyses = {i: a for i, a in self.analyses.items() if i in wanted}

    @property
    def in_flight(self) -> int:
        return len(self.results)

    def prepare(self, articles: list[Article], options: PrepareOptions) -> Preparing:
        outcomes = []
        for article in articles:
            outcome = self.outcomes.pop(id(article), None)
            outcomes.append(outcome if outcome is not None else prepare_one(article, options))
        return Preparing(outcomes, articles, options)

    def prepared(self, preparing: Preparing) -> list[Prepared | Refused]:
        return preparing.handle

    def submit(self, items: list[Item]) -> None:
        outcomes: list[Any] = []
        for item in items:
            found = self.analyses.pop(content_id(item[0].text), None)
            if found is None:  # not analysed on the cluster: here
                if not self._set_up:
                    setup()
                    self._set_up = True
                (found,) = analyze_batch([item], rows=True).outcomes
            outcomes.append(found)
        self.results.append(BatchResult(outcomes, 0, 0.0))

    def completed(self) -> Iterator[BatchResult]:
        results, self.results = self.results, []
        yield from results


def failed_task_errors(failed: list[tuple[Task, str]]) -> list[Failure]:
    return [failure_of(name, message) for task, message in failed for name in task.files]


def failure_of(name: str, message: str) -> Failure:
    return Failure(document=name, stage="analyze", reason="crashed", message=message, article_id=None)


