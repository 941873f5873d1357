"""The corpus store: one DuckDB file, its tables, and the one process that writes it.

Tables (stable names, every column documented in docs/store.md):

  articles     one row per distinct article text: id (content hash), where it
               came from, its metadata, the original text (every offset in
               every table points into it), its duplicate cluster and status
  removed, entities, mentions, quotes, times, events, figures
               what the analysis found: one table per list of records in
               `records.Analysis` (mentions from `Entity.mentions`), one row
               per record, keyed by `article_id` and `ord` (its position)
  errors       documents that failed: where, at which stage, why
  runs         one row per ingest: when, version, options, counts
  signatures   the duplicate-detection signature of every article (internal)
  bands        the duplicate index: LSH band keys of canonical articles and
               exact-copy keys, with an index on the key (internal)
  meta         the store layout version, and how `bands`, the links, the tallies and the word index were made
  words, text_words, quote_words, text_pairs, quote_pairs
               the word index of text search (corpus/wordindex.py): the
               vocabulary, the words of each article's text and of each quote,
               and their words in order, each with the gap to the next (phrases)

Every table's columns come from declared dataclasses: the record tables' from
those in `records.py`, `articles` from `Analysis` and `Article` between the
store's own columns (`ArticleState`, `ArticleSizes`), `errors` from `Failure`,
`runs` from `RunStart`, `RunCounts` (which `ingest.Summary` extends) and
`RunProcess`. So the mapping from records to rows is written once
(`analysis_rows`, and back: `load_analysis`). A nested record becomes
prefixed columns (`Quote.content` → `content_start`, `content_end`,
`content_text`); a list of strings a VARCHAR[]; any other nested list a JSON
text column. Fields added to the
records appear as new columns; an existing store gains them when opened.

One process writes (DuckDB allows one read-write process per file, or any
number of readers); workers never touch the file. An ingest opens it only to
write a batch and closes it in between, so that readers can read meanwhile
(`Store(hold=False)`; a second ingest is refused by its lock file). Each write
is one transaction, so a killed ingest loses only what it had not committed,
and the ids (content hashes) let a re-run skip what is stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import functools
import json
import os
import re
import socket
import time
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa

from ..version import __version__
from ..errors import EncodingError, StoreError, UsageError, first_line, internal_error
from ..records import Analysis, Article, Failure, content_id, from_dict, from_plain, to_dict
from . import event_link, link, quote_link, tally, wordindex

DEFAULT_DB = "newswire.duckdb"
LAYOUT = "newswire/store@3"
# layouts a store may have been made in and that this version reads as they are and brings to `LAYOUT` when it writes
# (`Store._create`): @1 kept a key split by country as moved rows (`entities.corpus_entity` the split id), not as rules;
# @2 kept the quotes of a split speaker under the split id (`quote_keys.speaker`, `corpus_quotes.speaker` and the ids)
OLDER_LAYOUTS = ("newswire/store@1", "newswire/store@2")

# Nothing is downloaded at run time: DuckDB's wheel bundles the parquet and
# json extensions; every other extension would be fetched, so autoinstall is off.
_CONFIG = {"autoinstall_known_extensions": False}
# A writer that opens the file for each batch (`hold=False`: an ingest) lets DuckDB compact row groups at the
# checkpoint a closing makes (its vacuum: the rows a batch appends merged into the table's last row group, row groups
# whose deleted rows leave room merged) only at every `VACUUM_EVERY`-th opening and at the end of a run
# (`finish_run`); at the other closings the rows stay as written (a new small row group per table a batch appends
# to). The rows are the same either way. At 200,000 articles the vacuum cost ~2 s of CPU at a closing when it rewrote
# the last full row groups of `corpus_quotes` (docs/measured.md, session twelve, `scale12`).
VACUUM_EVERY = 16
_NO_VACUUM = {"max_vacuum_tasks": 0}

# article status
PENDING, ANALYSED, DUPLICATE, FAILED = "pending", "analysed", "duplicate", "failed"
ArticleStatus = Literal["pending", "analysed", "duplicate", "failed"]
RunStatus = Literal["running", "finished", "interrupted", "failed"]  # interrupted: Ctrl-C, or found killed

# What one record's values can raise on their way into a table (a string no
# UTF-8 can encode, a value of the wrong type or out of range): the record
# fails, not the batch it came in. Anything else (I/O, a lock, a full disk)
# stops the run.
_RECORD_ERRORS = (
    UnicodeError, TypeError, ValueError, pa.ArrowException,
    duckdb.DataError, duckdb.IntegrityError, duckdb.InvalidInputException,
)

_SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", bytes: "BLOB", dt.datetime: "TIMESTAMP"}
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "BLOB": pa.binary(),
    "VARCHAR[]": pa.list_(pa.string()),
    "BIGINT[]": pa.list_(pa.int64()),
    "DOUBLE[]": pa.list_(pa.float64()),
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # DuckDB type
    path: tuple[str, ...] = ()  # attribute path in the record; () for the store's own columns
    json: bool = False  # a nested list kept as JSON text


@dataclass(frozen=True, slots=True)
class RecordTable:
    """A table of records found by the analysis."""

    name: str
    record: type
    link: tuple[Column, ...]  # key columns before the record's own
    parent: str | None = None  # the table whose records hold this list (None: the Analysis)
    own: tuple[Column, ...] = ()  # the record's columns (filled in by `_record_tables`)
    field: str | None = None  # for a nested table: the parent record's list field it holds
    store: tuple[Column, ...] = ()  # the store's own columns after the record's (`STORE_COLUMNS`)

    @property
    def columns(self) -> list[Column]:
        return [*self.link, *self.own, *self.store]


# Lists of records nested in a record that get a table of their own: (parent
# table, field) → table name and the column that links a row to its parent.
NESTED = {("entities", "mentions"): ("mentions", "entity_id")}

_ARTICLE_ID = Column("article_id", "VARCHAR")
_ORD = Column("ord", "INTEGER")

# Columns of a record table that the store fills, not the analysis (they are no
# field of the record, and `load_analysis` leaves them out): the links across
# articles (`corpus/link.py`).
STORE_COLUMNS = {
    "entities": (Column("corpus_entity", "VARCHAR"),), "quotes": (Column("corpus_quote", "VARCHAR"),),
    "events": (Column("corpus_event", "VARCHAR"),),
}


def record_columns(cls: type, *, prefix: tuple[str, ...] = (), skip: frozenset[str] = frozenset()) -> list[Column]:
    """The columns that hold one record of type `cls`."""
    hints = typing.get_type_hints(cls)
    out: list[Column] = []
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        tp = _plain_type(hints[f.name])
        path = (*prefix, f.name)
        name = "_".join(path)
        item = typing.get_args(tp)[0] if typing.get_origin(tp) is list else None
        if dataclasses.is_dataclass(tp):
            out += record_columns(tp, prefix=path)
        elif tp in _SQL_TYPES:
            out.append(Column(name, _SQL_TYPES[tp], path))
        elif item in _SQL_TYPES:
            out.append(Column(name, _SQL_TYPES[item] + "[]", path))
        else:
            out.append(Column(name, "VARCHAR", path, json=True))
    return out


def _plain_type(tp: Any) -> Any:
    """The type a column holds for a field's type: `X | None` is X; a `Literal` the type of its values."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = inner[0] if len(inner) == 1 else Any
    if typing.get_origin(tp) is Literal:
        (tp,) = {type(v) for v in typing.get_args(tp)}
    return tp


def _list_item(cls: type, name: str) -> type | None:
    tp = typing.get_type_hints(cls)[name]
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        if dataclasses.is_dataclass(item):
            return item
    return None


def _nested_fields(table: str) -> frozenset[str]:
    return frozenset(field for parent, field in NESTED if parent == table)


def _record_tables() -> list[RecordTable]:
    tables = []
    for f in dataclasses.fields(Analysis):
        item = _list_item(Analysis, f.name)
        if item is None:
            continue
        own = tuple(record_columns(item, skip=_nested_fields(f.name)))
        tables.append(RecordTable(f.name, item, (_ARTICLE_ID, _ORD), own=own, store=STORE_COLUMNS.get(f.name, ())))
        for (parent, field), (name, link) in NESTED.items():
            nested = _list_item(item, field) if parent == f.name else None
            if nested is not None:
                link_columns = (_ARTICLE_ID, Column(link, "VARCHAR"), _ORD)
                own = tuple(record_columns(nested, skip=_nested_fields(name)))
                tables.append(RecordTable(name, nested, link_columns, parent=f.name, own=own, field=field))
    return tables


RECORD_TABLES = _record_tables()
_CHILD_FIELDS = frozenset(t.name for t in RECORD_TABLES if t.parent is None)



# The store's own tables, declared as the records are: a dataclass per group
# of columns (docs/store.md says what each column holds).


@dataclass(slots=True)
class ArticleState:
    """The `articles` columns before the analysis's: the article's id, status and duplicate cluster."""

    id: str  # content hash of the text
    status: ArticleStatus
    duplicate_of: str | None  # the canonical article, None for a canonical
    cluster: str  # the canonical's id (its own for a canonical)
    similarity: float | None  # for a duplicate
    # a canonical's metadata taken from its copies (`Store._fill_from_copies`): the names of those fields, "published,url"
    filled: str | None = None


# The metadata a canonical article that lacks it takes from its copies: the linked article carries the best its
# copies give, so that a date or outlet question finds it (docs/store.md, `articles.filled`).
FILLED_FIELDS = ("published", "url", "title")


@dataclass(slots=True)
class ArticleSizes:
    """The `articles` columns after the analysis's and the read stage's, before the text."""

    text_length: int
    cleaned_length: int  # after the removed spans are cut
    run_id: int  # the run that stored it


@dataclass(slots=True)
class ErrorKey:
    id: str  # hash of document, stage and message


@dataclass(slots=True)
class ErrorRun:
    run_id: int
    version: str


@dataclass(slots=True)
class RunStart:
    """The `runs` columns an ingest writes when it starts (and `finished`, `status` when it ends)."""

    id: int
    started: dt.datetime
    finished: dt.datetime | None
    status: RunStatus
    version: str
    paths: list[str]
    options: str  # JSON


@dataclass(slots=True)
class RunCounts:
    """What an ingest counts: `runs` columns, and the counts of `ingest.Summary` (which extends this)."""

    documents: int = 0  # read, or failed to read
    added: int = 0  # new articles stored
    analysed: int = 0
    duplicates: int = 0  # new articles linked to a canonical article
    skipped: int = 0  # already stored, or the same text twice
    failed: int = 0  # documents with an error (this run's, or recorded before and not retried)
    failed_before: int = 0  # of `failed`: those whose error an earlier run recorded (the same document, stage, message)
    done: int = 0  # documents finished with: analysed, linked, skipped or failed
    expected: int | None = None  # documents the inputs are expected to hold (None while unknown)
    peak_worker_rss_mb: float = 0.0
    worker_cpu_s: float = 0.0  # CPU time of all worker processes (0 when analysing in this process)
    parent_cpu_s: float = 0.0  # CPU time of this process: reading, dedup, writing (and analysis with 0 workers)
    seconds: float = 0.0


@dataclass(slots=True)
class RunProcess:
    """The `runs` columns that tell which process ran it (to find runs whose process is gone)."""

    host: str | None  # where the ingest ran
    pid: int | None  # its process
    process_start: str | None  # "BOOT_ID TICKS" from /proc: tells it from a later process with its PID


# articles: the store's own columns around the Analysis's scalar fields (text,
# title, url, published, version, schema, warnings, and any added later) and
# the Article's the Analysis has not (source, format, external_id); text last,
# the widest
_ANALYSIS_COLUMNS = record_columns(Analysis, skip=_CHILD_FIELDS)
_ARTICLE_RECORD = record_columns(Article)
_TEXT = next(c for c in _ANALYSIS_COLUMNS if c.name == "text")
ARTICLE_COLUMNS = [
    *record_columns(ArticleState),
    *[c for c in _ANALYSIS_COLUMNS if c.name not in ("id", "text")],
    *[c for c in _ARTICLE_RECORD if c.name not in {a.name for a in _ANALYSIS_COLUMNS}],
    *record_columns(ArticleSizes),
    _TEXT,
]
ERROR_COLUMNS = [*record_columns(ErrorKey), *record_columns(Failure), *record_columns(ErrorRun)]
SIGNATURE_COLUMNS = [Column("article_id", "VARCHAR"), Column("fingerprint", "VARCHAR"), Column("minhash", "BLOB"), Column("ends", "BLOB")]
BAND_COLUMNS = [Column("key", "BIGINT"), Column("article", "BIGINT"), Column("day", "INTEGER")]
RUN_COLUMNS = [*record_columns(RunStart), *record_columns(RunCounts), *record_columns(RunProcess)]

# every table and its columns, in documentation order
TABLES: dict[str, list[Column]] = {
    "articles": ARTICLE_COLUMNS,
    **{t.name: t.columns for t in RECORD_TABLES},
    "errors": ERROR_COLUMNS,
    "runs": RUN_COLUMNS,
    "signatures": SIGNATURE_COLUMNS,
    "bands": BAND_COLUMNS,
    "bands_undated": BAND_COLUMNS,
    "meta": [Column("key", "VARCHAR"), Column("value", "VARCHAR")],
    # across articles (corpus/link.py)
    "corpus_entities": [Column(n, t) for n, t in link.CORPUS_ENTITY_COLUMNS],
    "corpus_quotes": [Column(n, t) for n, t in quote_link.CORPUS_QUOTE_COLUMNS],
    "quote_keys": [Column(n, t) for n, t in quote_link.QUOTE_KEY_COLUMNS],
    "corpus_events": [Column(n, t) for n, t in event_link.CORPUS_EVENT_COLUMNS],
    "event_keys": [Column(n, t) for n, t in event_link.EVENT_KEY_COLUMNS],
    "corpus_entity_parts": [Column(n, t) for n, t in link.CORPUS_ENTITY_COLUMNS],
    "corpus_entity_splits": [Column(n, t) for n, t in link.SPLIT_COLUMNS],
    # counts kept for the questions (corpus/tally.py)
    "entity_tally": [Column(n, t) for n, t in tally.ENTITY_TALLY_COLUMNS],
    "entity_titles": [Column(n, t) for n, t in tally.ENTITY_TITLE_COLUMNS],
    "names": [Column(n, t) for n, t in tally.NAME_COLUMNS],
    "quote_speakers": [Column(n, t) for n, t in tally.QUOTE_SPEAKER_COLUMNS],
    "entity_rows": [Column(n, t) for n, t in tally.ENTITY_ROW_COLUMNS],
    # the word index of text search (corpus/wordindex.py)
    **{name: [Column(n, t) for n, t in columns] for name, columns in wordindex.TABLES.items()},
}
# the list columns of `articles`, which an update rewrites whole rows for
_LIST_COLUMNS = tuple(c.name for c in ARTICLE_COLUMNS if c.type.endswith("[]"))
_PRIMARY_KEYS = {"articles": "id", "errors": "id", "runs": "id", "signatures": "article_id", "meta": "key", "entity_tally": "key", "entity_titles": "id",
                 "names": "name", "words": "word"}
_INDEXES: dict[str, tuple[str, str]] = {}  # (table, column) of each secondary index
# Indexes kept by earlier versions, dropped: DuckDB reads an index back from disk whenever a file opened again changes
# its table (0.9 s a batch for these at 117,000 articles); the lookups read row groups by date instead (`quote_link`)
_DROPPED_INDEXES = ("bands_key", "corpus_entities_key", "quote_keys_block", "quote_keys_exact", "event_keys_block")


def table_key(name: str) -> list[str]:
    """The columns that identify a row of table `name`: its order in exports and queries."""
    if name in _PRIMARY_KEYS:
        return [_PRIMARY_KEYS[name]]
    if name in ("bands", "bands_undated"):
        return ["key", "article"]
    if name in ("corpus_entities", "corpus_quotes", "corpus_events"):
        return ["id"]
    if name == "corpus_entity_parts":
        return ["id", "country"]
    if name == "corpus_entity_splits":
        return ["whole", "country"]
    if name in ("quote_keys", "event_keys"):
        return ["article_id", "ord"]
    if name in ("text_words", "quote_words"):  # the word index (corpus/wordindex.py): article[, ord], word
        return [c for c, _ in wordindex.TABLES[name] if c != "word"] + ["word"]
    if name in wordindex.PAIR_TABLES:  # the word pairs (corpus/wordindex.py): text, place
        return ["doc", "pos"]
    if name == "pair_texts":
        return ["doc"]
    if name == "quote_speakers":  # per-article counts (corpus/tally.py): every column, so that the order is total
        return [c for c, _ in tally.QUOTE_SPEAKER_COLUMNS]
    if name == "entity_rows":
        return [c for c, _ in tally.ENTITY_ROW_COLUMNS]
    table = next(t for t in RECORD_TABLES if t.name == name)
    return [c.name for c in table.link]  # article_id[, parent id], ord


# --- records → rows ------------------------------------------------------------


def _value(record: Any, column: Column) -> Any:
    value = record
    for name in column.path:
        if value is None:
            return None
        value = getattr(value, name)
    if column.json:
        return None if value is None else json.dumps(to_dict(value), ensure_ascii=False)
    return value


def analysis_rows(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows of every record table for one analysis (the articles row is `article_values`)."""
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in RECORD_TABLES}
    for table in RECORD_TABLES:
        if table.parent is not None:
            continue
        for ord, record in enumerate(getattr(analysis, table.name)):
            rows[table.name].append(_row(table, record, analysis.id, ord))
            for nested in RECORD_TABLES:
                if nested.parent == table.name:
                    for sub_ord, sub in enumerate(getattr(record, nested.field)):
                        rows[nested.name].append(_row(nested, sub, analysis.id, sub_ord, parent_id=record.id))
    return rows


def _row(table: RecordTable, record: Any, article_id: str, ord: int, parent_id: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"article_id": article_id, "ord": ord}
    if parent_id is not None:
        row[table.link[1].name] = parent_id
    for column in table.own:
        row[column.name] = _value(record, column)
    return row


def article_values(analysis: Analysis) -> dict[str, Any]:
    """The articles columns that come from the analysis record."""
    return {c.name: _value(analysis, c) for c in _ANALYSIS_COLUMNS}


@dataclass(slots=True)
class Rows:
    """An analysis as the store writes it, built where it was made (an ingest worker: `built_rows`), so that the
    writer only writes: its articles values and the rows of every record table."""

    id: str
    published: str | None
    values: dict[str, Any]  # `article_values`
    tables: dict[str, list[dict[str, Any]]]  # `analysis_rows`


def built_rows(analysis: Analysis) -> Rows:
    return Rows(analysis.id, analysis.published, article_values(analysis), analysis_rows(analysis))


def _arrow(columns: list[Column], rows: list[dict[str, Any]]) -> pa.Table:
    return pa.table(
        {c.name: pa.array([r.get(c.name) for r in rows], type=_ARROW_TYPES.get(c.type, pa.string())) for c in columns if any(c.name in r for r in rows)}
    )


# --- rows → records ------------------------------------------------------------


def _record_from_row(cls: type, columns: list[Column], row: dict[str, Any], extra: dict[str, Any] | None = None) -> Any:
    """The record of type `cls` that `columns` of `row` hold (`extra`: the values of its other fields, as records).

    Built straight from the columns by a plan made once per record type (`_plan`), not through `to_dict` data and
    `from_dict`: an article's 40,000 mentions load in a fraction of the time. A nested record whose columns are
    all NULL was None."""
    return _build(cls, _plan(cls, tuple(columns)), row, extra)


# One step of a plan: (field, column, type of a JSON column's value or None, nested plan or None). A nested
# plan is (record type, its steps, the names of all the columns under it).
_Step = tuple[str, "str | None", Any, "tuple[type, tuple[Any, ...], tuple[str, ...]] | None"]


@functools.cache
def _plan(cls: type, columns: tuple[Column, ...], prefix: tuple[str, ...] = ()) -> tuple[_Step, ...]:
    """How to build a record of type `cls` from the columns under `prefix`: fields no column holds are left out."""
    hints = typing.get_type_hints(cls)
    steps: list[_Step] = []
    for f in dataclasses.fields(cls):
        path = (*prefix, f.name)
        under = [c for c in columns if c.path[: len(path)] == path]
        if not under:
            continue
        if len(under) == 1 and under[0].path == path:
            steps.append((f.name, under[0].name, hints[f.name] if under[0].json else None, None))
        else:
            tp = _plain_type(hints[f.name])
            steps.append((f.name, None, None, (tp, _plan(tp, columns, path), tuple(c.name for c in under))))
    return tuple(steps)


def _build(cls: type, steps: tuple[_Step, ...], row: dict[str, Any], extra: dict[str, Any] | None = None) -> Any:
    values: dict[str, Any] = {}
    for name, column, json_type, nested in steps:
        if nested is not None:
            tp, sub, under = nested
            values[name] = None if all(row.get(c) is None for c in under) else _build(tp, sub, row)
        else:
            value = row.get(column)
            if json_type is not None and value is not None:
                value = from_plain(json_type, json.loads(value))
            values[name] = value
    if extra:
        values.update(extra)
    return cls(**values)


def _article_fields(article: Article) -> dict[str, Any]:
    """The articles columns that come from the read stage: the `Article`'s fields."""
    return {c.name: _value(article, c) for c in _ARTICLE_RECORD}


def check_storable(article: Article) -> None:
    """Refuse (`EncodingError`) an article whose articles row the store cannot hold: a corpus run builds the row
    here, one article at a time, so that such an article fails alone rather than the batch written with it."""
    for column, value in _article_fields(article).items():
        try:
            _arrow([c for c in ARTICLE_COLUMNS if c.name == column], [{column: value}])
        except _RECORD_ERRORS as err:
            raise EncodingError(f"its {column} cannot be stored ({first_line(err)}); fix the document at its source") from None


def _storable(value: Any) -> Any:
    """A string any store can hold: a lone surrogate written as \\udXXX (for an error row, which must never fail)."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(value, str) else value


# --- the store -------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """What the store records about an article at read time, before any analysis."""

    article: Article
    id: str
    cleaned_length: int
    status: ArticleStatus  # PENDING or DUPLICATE
    fingerprint: str
    minhash: bytes | None
    duplicate_of: str | None = None
    similarity: float | None = None
    ends: bytes | None = None


class Store:
    """A DuckDB corpus store, opened for writing (one process) or reading.

    A writer made with `hold=False` (an ingest) opens the file only for each
    stretch of work (`session`: a batch's commit) and closes it after, so that
    readers can open it in between; it takes the writer's lock file
    (`PATH.ingest.lock`) for its whole life, so that a second such writer is
    refused rather than interleaved with it.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, hold: bool = True,
                 on_message: Callable[[str], None] | None = None):
        self.path = Path(path)
        self._on_message = on_message  # told of a migration of an older layout (once: it takes a while in a large store)
        self.read_only = read_only
        self.con: duckdb.DuckDBPyConnection | None = None
        self._writer_lock: int | None = None
        self._hold = hold
        self._openings = 0  # of the file by `session`, for a writer that does not hold it
        self._clean = True  # no error met while writing: the file may be stamped as checked when closed
        if read_only:
            require_database(self.path)
        elif not hold:
            _require_duckdb_file(self.path)  # before the lock file, which a refused --db must not leave behind
            self._writer_lock = _lock_writer(self.path)
        try:
            if not read_only and self.path.exists() and self.path.stat().st_size:
                self._check_before_writing()
            self.con = connect(self.path, read_only=read_only)
            with plain_errors(self.path):
                if read_only:
                    self._check_layout()
                else:
                    self._create()
        except BaseException:
            self._clean = False
            self.close()
            raise
        if not hold and not read_only:
            self._release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: object) -> None:
        if exc is not None:
            self._clean = False
        self.close()
        if isinstance(exc, duckdb.Error):  # a damaged file or a full disk met while reading: one line
            damage = store_error(self.path, exc, reading=self.read_only)
            if damage is not None:
                raise damage from None

    def close(self) -> None:
        try:
            if self.con is not None:
                self._release()
            if not self.read_only and self._clean and self._checked:
                _stamp_checked(self.path)
        finally:
            self._checked = False  # stamped once
            if self._writer_lock is not None:
                os.close(self._writer_lock)  # and with it the lock
                self._writer_lock = None

    _checked = False  # the file was checked (or found stamped) before this writer wrote

    @contextlib.contextmanager
    def session(self, vacuum: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for a stretch of work: the one held, or one opened now and closed after (by a writer that
        does not hold the file: with DuckDB's vacuum at its closing only when `vacuum` or at every `VACUUM_EVERY`-th
        opening)."""
        opened = self.con is None
        if opened:
            config = None
            if not self._hold and not self.read_only:
                self._openings += 1
                if not vacuum and self._openings % VACUUM_EVERY:
                    config = _NO_VACUUM
            self.con = connect(self.path, read_only=self.read_only, config=config)
        try:
            yield self.con
        except BaseException:
            self._clean = False
            raise
        finally:
            if opened:
                self._release()

    def _release(self) -> None:
        con, self.con = self.con, None
        with plain_errors(self.path):  # closing writes the log into the file (a checkpoint): the disk may be full
            con.close()

    # schema

    def _check_before_writing(self) -> None:
        """Refuse a file of another layout, or a damaged one, before writing anything.

        On a read-only connection, so that readers read on while the blocks
        are checked (seconds for a store of gigabytes).
        """
        stamped = _stamped_unchanged(self.path)
        if not stamped:
            _checked_stamp(self.path).unlink(missing_ok=True)  # it no longer tells the truth
        self.con = connect(self.path, read_only=True, wait=lock_wait(read_only=False))
        try:
            with plain_errors(self.path):
                if self._tables():
                    self._check_layout()
                    if not stamped:
                        self.check_integrity()
        finally:
            self._release()
        _checked_stamp(self.path).unlink(missing_ok=True)  # this writer changes the file: the stamp is renewed when it closes
        self._checked = True

    def _tables(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}

    def _create(self) -> None:
        if self._tables():  # an existing database: refuse another layout (checked again: it may have changed since)
            self._check_layout()
        with self._transaction():
            retitled: list[str] = []
            for name, columns in TABLES.items():
                key = _PRIMARY_KEYS.get(name)
                cols = ", ".join(f"{_quote(c.name)} {c.type}{' PRIMARY KEY' if c.name == key else ''}" for c in columns)
                self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")
                existing = {r[0] for r in self.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]).fetchall()}
                for c in columns:  # fields added to the records since the store was made
                    if c.name not in existing:
                        self.con.execute(f"ALTER TABLE {name} ADD COLUMN {_quote(c.name)} {c.type}")
                if name == "articles" and existing and "filled" not in existing:
                    # a store made before canonicals took their copies' metadata: its canonicals take it now, once
                    retitled = self._fill_from_copies([i for (i,) in self.con.execute(
                        "SELECT DISTINCT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall()], index=False)
            # their titles taken from copies in the word index (after the loop: its tables exist now)
            wordindex.remove(self.con, retitled)
            wordindex.add_stored(self.con, retitled)
            for index in _DROPPED_INDEXES:  # `bands_key`: kept by versions before `bands_undated` (see band_rows)
                self.con.execute(f"DROP INDEX IF EXISTS {index}")
            for index, (table, column) in _INDEXES.items():
                self.con.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table} ({_quote(column)})")
            self.con.execute("INSERT INTO meta VALUES ('layout', ?) ON CONFLICT DO NOTHING", [LAYOUT])
            layout = self.con.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()[0]
            if layout in OLDER_LAYOUTS:
                if self._on_message:
                    (articles,) = self.con.execute("SELECT count(*) FROM articles").fetchone()
                    self._on_message(f"bringing {self.path} ({articles:,} articles) from layout {layout} to {LAYOUT} (once: it was "
                                     "made by an older version; about 50 s of CPU at 200,000 articles)")
                if layout == "newswire/store@1":
                    _split_rules(self.con)
                _quotes_by_key(self.con)
                _set_meta(self.con, "layout", LAYOUT)
            if self.con.execute("SELECT value FROM meta WHERE key = 'event_types'").fetchone() != (EVENT_TYPES,):
                _retype_events(self.con)
                _set_meta(self.con, "event_types", EVENT_TYPES)
            # a store with nothing analysed has nothing to link or tally: its links and tallies are current from the start
            # (else the first ingest would link and tally a store that a program filled through `add_results`, again)
            if not self.con.execute("SELECT count(*) FROM articles WHERE status = ?", [ANALYSED]).fetchone()[0]:
                for key, value in (("links", LINKS_LAYOUT), ("tallies", tally.LAYOUT), ("words", wordindex.LAYOUT),
                                   ("pairs", wordindex.PAIRS_LAYOUT), ("link_counts", LINK_COUNTS)):
                    self.con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT DO NOTHING", [key, value])
        self._check_layout()

    def _check_layout(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
        except duckdb.CatalogException:  # no meta table (a damaged file raises otherwise: see plain_errors)
            row = None
        if row is None or row[0] not in (LAYOUT, *OLDER_LAYOUTS):
            found = row[0] if row else "no newswire tables"
            raise StoreError(f"{self.path} is not a newswire store of layout {LAYOUT} (found: {found}); use another --db")

    def check_integrity(self) -> None:
        """Read every column of every table once, so that DuckDB checks each block against its checksum.

        A damaged file (cut short, or bytes overwritten) raises a one-line
        `StoreError` here instead of being written to. Reading is cheap next
        to analysis: 0.08-0.19 s for a store of 3,000 articles (25 MB).
        """
        columns: dict[str, list[str]] = {}
        for table, column in self.con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall():
            columns.setdefault(table, []).append(column)
        with plain_errors(self.path):
            for table, names in columns.items():  # min() reads every value (count() can answer from metadata)
                self.con.execute(f"SELECT {', '.join(f'min({_quote(n)})' for n in names)} FROM {_quote(table)}").fetchall()

    @contextlib.contextmanager
    def _transaction(self, vacuum: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.session(vacuum) as con, _Transaction(con, self.path):
            yield con

    # runs

    def start_run(self, paths: list[str], options: dict[str, Any]) -> int:
        """A new run of this process; runs of this host whose process is gone are marked interrupted first."""
        host, pid = socket.gethostname(), os.getpid()
        with self._transaction():
            running = self.con.execute("SELECT id, host, pid, process_start FROM runs WHERE status = 'running'").fetchall()
            gone = [i for i, h, p, start in running if h is None or (h == host and (p == pid or not _alive(p, start)))]
            if gone:
                self.con.execute("UPDATE runs SET status = 'interrupted' WHERE id IN (SELECT unnest(?))", [gone])
            (run_id,) = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()
            self.con.execute(
                "INSERT INTO runs (id, started, status, version, paths, options, host, pid, process_start) "
                "VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?)",
                [run_id, _now(), __version__, paths, json.dumps(options, sort_keys=True), host, pid, process_start(pid)],
            )
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "finished") -> None:
        """End a run: its status and its counts (`RunCounts` fields: a name with no column is a bug, and raises)."""
        unknown = set(counts) - {f.name for f in dataclasses.fields(RunCounts)}
        if unknown:
            raise ValueError(f"runs has no column for {', '.join(sorted(unknown))}: declare it in RunCounts")
        names = [c.name for c in RUN_COLUMNS if c.name in counts]
        sets = ", ".join(f"{n} = ?" for n in names)
        with self._transaction(vacuum=True):  # the row groups the run's batches left compacted at this closing
            self.con.execute(
                f"UPDATE runs SET finished = ?, status = ?, {sets} WHERE id = ?",
                [_now(), status, *[counts[n] for n in names], run_id],
            )

    # what is stored

    def statuses(self, ids: Iterable[str]) -> dict[str, str]:
        """The status of each of these articles that the store has."""
        ids = list(ids)
        if not ids:
            return {}
        with self.session() as con:
            return dict(con.execute("SELECT id, status FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall())

    def meta(self, key: str) -> str | None:
        with self.session() as con:
            row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]

    def band_rows(self, keys: list[int], days: list[tuple[int, int]] | None = None) -> list[tuple[int, str, int | None]]:
        """(key, article id, day) of the band rows with these keys, undated ones (`bands_undated`: exact-copy keys
        and undated canonicals) first, then the dated ones (`bands`) whose day is in one of the (first, last) `days`
        ranges (all, when None), each in the order they were written.

        The dated rows are found by scanning `bands` with the day range as a
        filter: DuckDB skips every row group whose days (min and max, kept per
        group of 122,880 rows) lie outside it, so a lookup reads the few weeks
        around the batch's dates, whatever the size of the store, as long as
        articles are stored roughly in date order (a feed). Stored in another
        order it reads more of the table, never a wrong row. The index on `key`
        this replaced (DuckDB 2.0 answered a batch's ~4,500 keys from it only
        when told to, and then read its blocks from disk at each opening of the
        file) cost 270 ms a batch at 10,000 articles and 670 ms at 117,000;
        measured 2026-12-04 (bench/corpus_scale.py, README).
        """
        if not keys:
            return []
        keys = [int(k) for k in keys]
        with self.session() as con:
            rows = con.execute("SELECT key, article, day FROM bands_undated WHERE key = ANY(?::BIGINT[]) ORDER BY rowid", [keys]).fetchall()
            dated: dict[int, tuple[int, int, int]] = {}
            for window in ([""] if days is None else [f" AND day BETWEEN {int(first)} AND {int(last)}" for first, last in days]):
                for key, article, day, rowid in con.execute(
                    f"SELECT key, article, day, rowid FROM bands WHERE key = ANY(?::BIGINT[]){window}", [keys]
                ).fetchall():
                    dated[rowid] = (key, article, day)
            rows += [dated[r] for r in sorted(dated)]
        return [(key, id_text(article), day) for key, article, day in rows]

    def stored_signatures(self, ids: list[str]) -> dict[str, tuple[bytes | None, bytes | None]]:
        """article id → (minhash, ends) for these articles (through the primary key)."""
        if not ids:
            return {}
        with self.session() as con:
            rows = con.execute(
                f"SELECT article_id, minhash, ends FROM signatures WHERE article_id IN ({', '.join('?' * len(ids))})", ids
            ).fetchall()
        return {i: (m, e) for i, m, e in rows}

    def article_text(self, article_id: str) -> str | None:
        with self.session() as con:
            row = con.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        return None if row is None else row[0]

    def all_signatures(self, chunk: int = 10_000) -> Iterator[list[tuple[str, str, bytes | None, str | None, str | None]]]:
        """(article id, fingerprint, minhash, canonical, published) of every stored article, canonicals first, in chunks
        (to build `bands` for a store made before it existed; on a cursor of its own, so that the rows can be written
        while it reads)."""
        with self.session() as con:
            cursor = con.cursor().execute(
                "SELECT s.article_id, s.fingerprint, s.minhash, a.duplicate_of, a.published FROM signatures s "
                "JOIN articles a ON a.id = s.article_id ORDER BY a.duplicate_of IS NOT NULL, a.id"
            )
            while rows := cursor.fetchmany(chunk):
                yield rows

    def bands_state(self, layout: str) -> tuple[bool, int]:
        """Whether `bands` holds the rows of every stored signature, made as `layout` says; and how many signatures there are.

        `meta` key `bands` records the layout and the count of signatures the
        rows were written with, in the transaction that writes them: a store
        made before `bands` existed, or written since by a version that did
        not keep it, does not match.
        """
        with self.session() as con:
            (count,) = con.execute("SELECT count(*) FROM signatures").fetchone()
        return self.meta("bands") == _bands_meta(layout, count), count

    def rebuild_bands(self, chunks: Iterable[list[tuple[int, str, int | None]]], layout: str) -> None:
        """Replace the `bands` rows by these, and record how they were made, in one transaction."""
        with self._transaction():
            self.con.execute("DELETE FROM bands")
            self.con.execute("DELETE FROM bands_undated")
            for rows in chunks:
                self._insert_bands(rows)
            # the rows come by article id: written again in date order, so that a lookup reads only its days (band_rows)
            self.con.execute("CREATE TEMP TABLE _dated AS SELECT key, article, day FROM bands ORDER BY day, rowid")
            self.con.execute("DELETE FROM bands")
            self.con.execute("INSERT INTO bands SELECT key, article, day FROM _dated ORDER BY day")
            self.con.execute("DROP TABLE _dated")
            self._mark_bands(layout)

    def _mark_bands(self, layout: str) -> None:
        (count,) = self.con.execute("SELECT count(*) FROM signatures").fetchone()
        _set_meta(self.con, "bands", _bands_meta(layout, count))

    def _insert_bands(self, rows: list[tuple[int, str, int | None]]) -> None:
        """Undated rows into `bands_undated`, dated ones into `bands` in date order (a batch's rows close together)."""
        undated = [r for r in rows if r[2] is None]
        dated = sorted((r for r in rows if r[2] is not None), key=lambda r: r[2])
        for table, part in (("bands_undated", undated), ("bands", dated)):
            if not part:
                continue
            batch = pa.table({
                "key": pa.array([r[0] for r in part], type=pa.int64()),
                "article": pa.array([id_number(r[1]) for r in part], type=pa.int64()),
                "day": pa.array([r[2] for r in part], type=pa.int32()),
            })
            self.con.register("_bands", batch)
            try:
                self.con.execute(f"INSERT INTO {table} SELECT key, article, day FROM _bands")
            finally:
                self.con.unregister("_bands")

    def to_analyse(self, *, statuses: Iterable[str], exclude: Iterable[str] = ()) -> list[Article]:
        """Stored articles with one of these statuses, as the read stage gave them (for a resumed run)."""
        names = ", ".join(_quote(c.name) for c in _ARTICLE_RECORD)
        with self.session():
            rows = self._fetch_dicts(
                f"SELECT {names} FROM articles WHERE status IN (SELECT unnest(?)) AND id NOT IN (SELECT unnest(?)) ORDER BY source, id",
                [list(statuses), list(exclude)],
            )
        return [_record_from_row(Article, _ARTICLE_RECORD, {**row, "warnings": row["warnings"] or []}) for row in rows]

    # writes

    def add_entries(
        self, entries: list[Entry], failures: list[Failure], run_id: int,
        bands: list[tuple[int, str, int | None]] = (), bands_layout: str | None = None,
    ) -> None:
        """Newly read articles (pending analysis, or duplicates), their `bands` rows (made as `bands_layout` says) and
        read failures, in one transaction."""
        articles, signatures = [], []
        for e in entries:
            state = ArticleState(e.id, e.status, e.duplicate_of, e.duplicate_of or e.id, e.similarity)
            sizes = ArticleSizes(len(e.article.text), e.cleaned_length, run_id)
            articles.append({**to_dict(state), **_article_fields(e.article), **to_dict(sizes)})
            signatures.append({"article_id": e.id, "fingerprint": e.fingerprint, "minhash": e.minhash, "ends": e.ends})
        with self._transaction():
            self._insert("articles", articles, conflict="DO NOTHING")
            self._fill_from_copies([e.duplicate_of for e in entries if e.duplicate_of])
            self._insert("signatures", signatures, conflict="DO NOTHING")
            self._insert_bands(list(bands))
            if bands_layout is not None:
                self._mark_bands(bands_layout)
            self._add_errors(failures, run_id)

    def links_current(self) -> tuple[bool, int]:
        """Whether the stored rows were linked across articles as this version links them; and how many articles are analysed."""
        with self.session() as con:
            (count,) = con.execute("SELECT count(*) FROM articles WHERE status = ?", [ANALYSED]).fetchone()
        return self.meta("links") == LINKS_LAYOUT, count

    def tallies_current(self) -> bool:
        """Whether the counts kept for the questions (`corpus/tally.py`) were kept as this version keeps them."""
        return self.meta("tallies") == tally.LAYOUT

    def tally_stored(self) -> None:
        """Count every stored analysed article into the tallies again, from nothing, in one transaction (for a store
        made before they existed, or kept otherwise)."""
        with self._transaction() as con:
            tally.rebuild(con, CANONICAL)
            _set_meta(con, "tallies", tally.LAYOUT)

    def words_current(self) -> bool:
        """Whether the word index of text search (`corpus/wordindex.py`) was made as this version makes it."""
        return self.meta("words") == wordindex.LAYOUT

    def pairs_current(self) -> bool:
        """Whether the word pairs of text search (`corpus/wordindex.py`) were made as this version makes them."""
        return self.meta("pairs") == wordindex.PAIRS_LAYOUT

    def index_words(self) -> None:
        """Index the words of every stored analysed article again, from nothing, in one transaction (for a store made
        before the index existed, or indexed otherwise): its words and its word pairs, or only its pairs where its
        words are current (a store made by the version before the pairs)."""
        only_pairs = self.words_current() and not self.pairs_current()
        with self._transaction() as con:
            wordindex.rebuild(con, f"a.status = '{ANALYSED}'", words=not only_pairs)
            _set_meta(con, "words", wordindex.LAYOUT)
            _set_meta(con, "pairs", wordindex.PAIRS_LAYOUT)
            _set_meta(con, "pairs_sorted", str(wordindex.sort_pairs(con, None, force=True)))

    def sort_pairs(self, force: bool = False) -> bool:
        """Sort the word pairs of text search again when a tenth of their texts came since they were last sorted (or
        `force`), in one transaction (`wordindex.sort_pairs`: an ingest does it at its end); whether they were."""
        last = int(self.meta("pairs_sorted") or 0)
        with self._transaction() as con:
            done = wordindex.sort_pairs(con, last, force=force)
            if done is not None:
                _set_meta(con, "pairs_sorted", str(done))
        return done is not None

    def link_stored(self, chunk: int = 1000) -> int:
        """Link every analysed article's rows across articles again, from nothing, in one transaction (for a store made
        before the links existed, or linked otherwise); the number of articles linked.

        The articles are linked `chunk` at a time in the order of their own publication date (then id): what a chunk's
        linking reads of the links made before it is a window of days around its own (`link.link_entities` by key,
        `quote_link`/`event_link` by week and day), so a chunk of neighbouring days reads about as much in a store of
        any size (in the order of ids, each chunk's days would be the whole store's, and each chunk would read the
        links of every article linked before it: the cost per article grew with the store). The rows are read once:
        each table's rows of the analysed articles are copied, in that order, into a temporary table numbered by
        chunk, from which a chunk's rows are read by its number (DuckDB skips the row groups of other numbers, from
        their min/max), in the order of the table, instead of a search of the whole table per chunk."""
        with self._transaction() as con:
            for table in ("corpus_entities", "corpus_entity_parts", "corpus_entity_splits", "corpus_quotes", "quote_keys", "corpus_events", "event_keys"):
                con.execute(f"DELETE FROM {table}")
            con.execute("UPDATE entities SET corpus_entity = NULL WHERE corpus_entity IS NOT NULL")
            con.execute("UPDATE quotes SET corpus_quote = NULL WHERE corpus_quote IS NOT NULL")
            con.execute("UPDATE events SET corpus_event = NULL WHERE corpus_event IS NOT NULL")
            con.execute(
                f"""CREATE OR REPLACE TEMP TABLE _relink_order AS
                SELECT id AS article_id, published, (row_number() OVER (ORDER BY published NULLS LAST, id) - 1) // ? AS _chunk
                FROM (SELECT id, {_own('published')} AS published FROM articles WHERE status = ?)""", [chunk, ANALYSED])
            (count,) = con.execute("SELECT count(*) FROM _relink_order").fetchone()
            tables = ("entities", "mentions", "quotes", "events")
            for name in tables:
                con.execute(f"""CREATE OR REPLACE TEMP TABLE _relink_{name} AS SELECT t.*, o._chunk, t.rowid AS _row FROM {name} t
                                JOIN _relink_order o ON o.article_id = t.article_id ORDER BY o._chunk, _row""")
            for n in range((count + chunk - 1) // chunk):
                rows = {name: self._fetch_dicts(f"SELECT * EXCLUDE (_chunk, _row) FROM _relink_{name} WHERE _chunk = ? ORDER BY _row", [n])
                        for name in tables}
                analyses = [Analysis(id=i, text="", published=p) for i, p in con.execute(
                    "SELECT article_id, published FROM _relink_order WHERE _chunk = ? ORDER BY article_id", [n]).fetchall()]
                recount = _link(con, analyses, rows)
                for table, column, key in (("entities", "corpus_entity", "id"), ("quotes", "corpus_quote", "ord"),
                                           ("events", "corpus_event", "ord")):
                    linked = [r for r in rows[table] if r.get(column)]
                    if not linked:
                        continue
                    batch = pa.table({
                        "article_id": pa.array([r["article_id"] for r in linked]),
                        "key": pa.array([r[key] for r in linked], type=pa.string() if key == "id" else pa.int32()),
                        "link": pa.array([r[column] for r in linked]),
                    })
                    con.register("_links", batch)
                    try:
                        con.execute(f"UPDATE {table} SET {column} = _links.link FROM _links "
                                    f"WHERE {table}.article_id = _links.article_id AND {table}.{key} = _links.key")
                    finally:
                        con.unregister("_links")
                link.recount(con, recount)
            for name in ("order", *tables):  # (a failed re-link's are gone with its transaction)
                con.execute(f"DROP TABLE _relink_{name}")
            _set_meta(con, "links", LINKS_LAYOUT)
            _set_meta(con, "link_counts", LINK_COUNTS)
        return count

    def link_counts_current(self) -> bool:
        """Whether the links keep what a batch adds its rows to (`LINK_COUNTS`), as this version keeps it."""
        return self.meta("link_counts") == LINK_COUNTS

    def count_links(self) -> None:
        """Fill in what the links keep for a batch to add to (a store linked before it was kept), once, in one transaction:
        each corpus quote's canonical quote and outlets, each quote key's speaker entity, and the parts of each corpus
        entity not split by country whose
        members are some of its one country and some of none (counted again from their rows)."""
        with self._transaction() as con:
            con.execute(
                f"""UPDATE corpus_quotes SET words = c.words, canonical_text = c.text, canonical_article = c.article_id,
                       canonical_ord = c.ord, sources = c.sources
                FROM (SELECT corpus_quote,
                             arg_min(words, {_CANONICAL_ORDER}) AS words,
                             arg_min(text, {_CANONICAL_ORDER}) AS text,
                             arg_min(article_id, {_CANONICAL_ORDER}) AS article_id,
                             arg_min(ord, {_CANONICAL_ORDER}) AS ord,
                             list_sort(list(DISTINCT source)) AS sources
                      FROM quote_keys GROUP BY corpus_quote) c
                WHERE corpus_quotes.id = c.corpus_quote""")
            con.execute("""UPDATE quote_keys SET speaker_entity = q.speaker_entity FROM quotes q
                           WHERE quote_keys.article_id = q.article_id AND quote_keys.ord = q.ord AND quote_keys.speaker_entity IS NULL""")
            ids = [i for (i,) in con.execute(
                f"""SELECT {link.shown()} AS linked FROM entities e WHERE corpus_entity IS NOT NULL GROUP BY linked
                HAVING count(country) > 0 AND count(country) < count(*)""").fetchall()]
            con.execute("DELETE FROM corpus_entity_parts")
            for start in range(0, len(ids), 1000):
                link.recount(con, ids[start : start + 1000])
            _set_meta(con, "link_counts", LINK_COUNTS)

    def add_results(self, analyses: list[Analysis | Rows], failures: list[Failure], run_id: int) -> list[Failure]:
        """Analyses (or their rows, built in a worker) and analysis failures from the workers, in one transaction.

        An analysis whose rows the store cannot hold fails alone: the others are
        stored, and it becomes its article's error, returned (its status: failed).
        """
        try:
            self._add_results(analyses, failures, run_id)
            return []
        except _RECORD_ERRORS:
            if not analyses:
                raise
        rejected = []
        with self.session() as con:  # one opening of the file for the whole retry (an ingest does not hold it)
            for analysis in analyses:  # one at a time, to find which
                try:
                    self._add_results([analysis], [], run_id)
                except _RECORD_ERRORS as err:
                    (source,) = con.execute("SELECT coalesce(max(source), '<unknown>') FROM articles WHERE id = ?", [analysis.id]).fetchone()
                    message = f"its analysis cannot be stored ({internal_error(err)})"
                    rejected.append(Failure(document=source, stage="store", reason="internal", message=message, article_id=analysis.id))
            self._add_results([], failures + rejected, run_id)
        return rejected

    def _add_results(self, results: list[Analysis | Rows], failures: list[Failure], run_id: int) -> None:
        analyses = [r if isinstance(r, Rows) else built_rows(r) for r in results]
        ids = [a.id for a in analyses]
        rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in RECORD_TABLES}
        for analysis in analyses:
            for name, table_rows in analysis.tables.items():
                rows[name] += table_rows
        # an analysis writes the article's own metadata again: what it had taken from copies is taken again after
        updates = [{"id": a.id, "status": ANALYSED, **a.values, "filled": None} for a in analyses]
        with self._transaction():
            # a re-analysed article replaces its rows: an analysed one, or a failed one (a failure keeps the rows of an
            # analysis stored before it); a batch commits an article's rows with its status, so a batch of new articles,
            # the common case, deletes nothing and scans no table
            failed = [f.article_id for f in failures if f.article_id]
            state = {i: (status, canonical) for i, status, canonical in self.con.execute(
                f"SELECT id, status, duplicate_of IS NULL FROM articles WHERE id IN ({', '.join('?' * len(ids + failed))})", ids + failed
            ).fetchall()} if ids or failed else {}
            analysed = [i for i in ids if state.get(i, (None,))[0] in (ANALYSED, FAILED)]
            # the tallies count canonical analysed articles: a batch adds those it analyses, and takes away those that
            # were counted before (an article analysed again, or one that failed this time: its old rows stay, uncounted;
            # when it is analysed again they are replaced as an analysed article's are, and were taken away already)
            untallied = tally.count_stored(self.con, [i for i in (*analysed, *failed) if state.get(i) == (ANALYSED, True)])
            # an analysed article that fails now keeps its rows, but they are no longer linked nor indexed (as linking
            # and indexing every analysed article from scratch makes: `link_stored`, `index_words`)
            unlinked = [i for i in dict.fromkeys(failed) if state.get(i, (None,))[0] == ANALYSED and i not in ids]
            # the word index holds every analysed article's words: taken out first
            wordindex.remove(self.con, analysed + unlinked)
            # an article analysed again (or failing now): its old links are counted again
            relinked = _linked_before(self.con, analysed + unlinked)
            keys = link.keys_of(self.con, relinked)
            # and its corpus quotes and events linked again without it, before the batch's are linked to what is stored
            requoted = quote_link.forget(self.con, analysed + unlinked)
            reevented = event_link.forget(self.con, analysed + unlinked)
            for table in RECORD_TABLES:
                if analysed:
                    self.con.execute(f"DELETE FROM {table.name} WHERE article_id IN (SELECT unnest(?))", [analysed])
            if unlinked:
                for table, column in (("entities", "corpus_entity"), ("quotes", "corpus_quote"), ("events", "corpus_event")):
                    self.con.execute(f"UPDATE {table} SET {column} = NULL WHERE article_id IN (SELECT unnest(?)) AND {column} IS NOT NULL",
                                     [unlinked])
            tally.forget_rows(self.con, analysed)
            link.recount(self.con, relinked)  # without their old rows, before the batch's are added to what is stored
            _link_again(self.con, keys, requoted, reevented)
            recount = _link(self.con, analyses, rows)
            for table in RECORD_TABLES:
                self._insert(table.name, rows[table.name])
            tally.apply(self.con, tally.count_rows(rows, {i for i in ids if state.get(i, (None, True))[1]}))
            # the batch's own rows (an article's older rows were replaced above): what the questions by name count per
            # article (`tally.keep_rows`) and the word index
            tally.keep_rows(self.con, rows, set(ids))
            wordindex.add(self.con, [(a.id, a.values[c]) for a in analyses for c in ("text", "title")],
                          [(q["article_id"], q["ord"], q["content_text"]) for q in rows["quotes"]])
            tally.apply(self.con, untallied, -1)  # after the additions: see tally.apply
            tally.add_names(self.con, tally.names_of(rows))
            link.recount(self.con, recount)
            if updates:
                self._update_articles(updates)
                self._fill_from_copies(ids)
            if failed:
                self.con.execute("UPDATE articles SET status = ? WHERE id IN (SELECT unnest(?))", [FAILED, failed])
            self._add_errors(failures, run_id)

    def _add_errors(self, failures: list[Failure], run_id: int) -> None:
        rows = [{**_error_row(f), "run_id": run_id, "version": __version__} for f in failures]
        self._insert("errors", rows, conflict="DO NOTHING")

    def recorded(self, failures: list[Failure]) -> list[bool]:
        """For each failure, whether the store has its `errors` row already (an earlier run's: the same document,
        stage and message)."""
        if not failures:
            return []
        ids = [_error_row(f)["id"] for f in failures]
        with self.session() as con:
            known = {i for (i,) in con.execute("SELECT id FROM errors WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
        return [i in known for i in ids]

    def _insert(self, table: str, rows: list[dict[str, Any]], *, conflict: str | None = None) -> None:
        if not rows:
            return
        batch = _arrow(TABLES[table], rows)
        names = ", ".join(_quote(n) for n in batch.column_names)
        self.con.register("_batch", batch)
        try:
            on_conflict = f" ON CONFLICT {conflict}" if conflict else ""
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch{on_conflict}")
        finally:
            self.con.unregister("_batch")

    def _fill_from_copies(self, canonicals: list[str], index: bool = True) -> list[str]:
        """Give each of these canonical articles that has copies the metadata it lacks (`FILLED_FIELDS`): all from one
        copy, the first in the order `query.copies` lists them (earliest published first, then by id: not input order,
        so a store filled run by run equals one ingested at once); a field that copy lacks stays empty (a date and an
        outlet from two copies would make an article no outlet published that day); the fields so taken are named
        in `filled` (its own are NULL, and `load_analysis` gives them so). Called whenever a copy is stored or a
        canonical analysed (which writes its own values again). An analysed article whose stored title changed is
        indexed again (`wordindex`: a text search finds it by the title it shows, as `index_words` would index it),
        unless not `index`; those articles' ids."""
        canonicals = list(dict.fromkeys(canonicals))
        if not canonicals:
            return []
        fields = ", ".join(FILLED_FIELDS)
        copies: dict[str, list[tuple]] = defaultdict(list)
        for row in self.con.execute(
            f"SELECT duplicate_of, {fields} FROM articles WHERE duplicate_of IN (SELECT unnest(?)) "
            "ORDER BY published NULLS LAST, id", [canonicals],
        ).fetchall():
            copies[row[0]].append(row[1:])
        if not copies:
            return []
        stored = self.con.execute(f"SELECT id, {fields}, filled, status FROM articles WHERE id IN (SELECT unnest(?))",
                                  [list(copies)]).fetchall()
        title = FILLED_FIELDS.index("title")
        retitled = []
        for article_id, *values, filled, status in stored:
            taken = set((filled or "").split(","))
            own = [None if name in taken else value for name, value in zip(FILLED_FIELDS, values)]
            new, names = [], []
            for i, (name, value) in enumerate(zip(FILLED_FIELDS, own)):
                given = value if value is not None else copies[article_id][0][i]  # one copy's date, outlet and title
                if value is None and given is not None:
                    names.append(name)
                new.append(given)
            new_filled = ",".join(names) or None
            if new != list(values) or new_filled != filled:
                sets = ", ".join(f"{name} = ?" for name in FILLED_FIELDS)
                self.con.execute(f"UPDATE articles SET {sets}, filled = ? WHERE id = ?", [*new, new_filled, article_id])
                if new[title] != values[title] and status == ANALYSED:
                    retitled.append(article_id)
        if index and retitled:
            wordindex.remove(self.con, retitled)
            wordindex.add_stored(self.con, retitled)
        return retitled

    def _update_articles(self, rows: list[dict[str, Any]]) -> None:
        batch = _arrow(ARTICLE_COLUMNS, rows)
        sets = ", ".join(f"{_quote(n)} = _batch.{_quote(n)}" for n in batch.column_names if n not in ("id", "text", *_LIST_COLUMNS))
        self.con.register("_batch", batch)
        try:
            self.con.execute(f"UPDATE articles SET {sets} FROM _batch WHERE articles.id = _batch.id")
        finally:
            self.con.unregister("_batch")
        # DuckDB cannot update a list column in place: it deletes and inserts the whole row, text and all
        # (2 s for 32 rows of a 10,000-article store, against 20 ms for the rest), so only values that changed
        ids = [row["id"] for row in rows]
        for name in _LIST_COLUMNS:
            stored = dict(self.con.execute(  # through the primary key, as the status check of the batch above
                f"SELECT id, {_quote(name)} FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall())
            for row in rows:
                if row["id"] in stored and row.get(name) != stored[row["id"]]:
                    self.con.execute(f"UPDATE articles SET {_quote(name)} = ? WHERE id = ?", [row.get(name), row["id"]])

    # reads

    def load_analysis(self, article_id: str) -> Analysis | None:
        """The stored analysis of an article, as the pipeline made it (None if not analysed)."""
        with self.session():
            return self._load_analysis(article_id)

    def _load_analysis(self, article_id: str) -> Analysis | None:
        row = self._fetch_dicts("SELECT * FROM articles WHERE id = ? AND status = ?", [article_id, ANALYSED])
        if not row:
            return None
        for name in (row[0].get("filled") or "").split(","):  # the analysis as made: without what copies gave
            if name:
                row[0][name] = None
        lists: dict[str, Any] = {}
        for table in RECORD_TABLES:
            if table.parent is not None:
                continue
            # each nested table in one query, grouped by the parent record it belongs to
            children: dict[str, dict[str, list[dict[str, Any]]]] = {}
            for nested in (n for n in RECORD_TABLES if n.parent == table.name):
                link = nested.link[1].name
                groups = children.setdefault(nested.field, {})
                plan = _plan(nested.record, tuple(nested.columns))
                for s in self._fetch_dicts(f"SELECT * FROM {nested.name} WHERE article_id = ? ORDER BY {link}, ord", [article_id]):
                    groups.setdefault(s[link], []).append(_build(nested.record, plan, s))
            records = []
            plan = _plan(table.record, tuple(table.columns))
            for r in self._fetch_dicts(f"SELECT * FROM {table.name} WHERE article_id = ? ORDER BY ord", [article_id]):
                extra = {field: groups.get(r["id"], []) for field, groups in children.items()}
                records.append(_build(table.record, plan, r, extra))
            lists[table.name] = records
        return _record_from_row(Analysis, _ANALYSIS_COLUMNS, row[0], lists)

    def _fetch_dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        with self.session() as con:
            return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}


# The articles whose records count in the answers: analysed, and no copy of another (`query._CANONICAL` too).
CANONICAL = f"a.status = '{ANALYSED}' AND a.duplicate_of IS NULL"
# How the links across articles were made (`meta` key `links`): a store whose rows were linked otherwise, or not
# at all (made before they existed), is linked again, once, at the start of the next ingest (`Store.link_stored`).
# How event rows are typed (`meta` key `event_types`): a store whose CAMEO 02 appeals were stored with no PLOVER type
# has them typed REQUEST, once, when a writer opens it (`_retype_events`; issue 13, session seventeen).
EVENT_TYPES = "CAMEO 02 appeals are PLOVER REQUEST; no CAMEO 01 statements (issue 13)"
LINKS_LAYOUT = "entities by key, split by country; quotes by speaker week and words; events by family, day and actors (issue 18); the outlet and date an article has itself, not its copies' (session 17)"
# What the links keep for a batch to add its rows to (`meta` key `link_counts`; `Store.count_links`): a store linked
# before is filled in once at the start of the next ingest.
LINK_COUNTS = "corpus quotes: canonical quote and outlets; quote keys: speaker entity; corpus entities: parts by country (issue 15)"


def _error_row(f: Failure) -> dict[str, Any]:
    """A failure's `errors` row but its run: its values as stored, and its id (a hash of document, stage and message)."""
    row = {k: _storable(v) for k, v in to_dict(f).items()}
    return {**row, "id": content_id("\x1f".join((row["document"], row["stage"], row["message"])))}


def _retype_events(con: duckdb.DuckDBPyConnection) -> None:
    """Give the event rows of a store made before `EVENT_TYPES` their PLOVER type: a CAMEO 02 appeal stored with none
    is a REQUEST, as the events stage types it now, so that `query events --type REQUEST` and the summaries find it.
    Idempotent (only rows with no type change). Such rows were never linked (a row with no PLOVER type is not): the
    store is linked again at the next ingest (`meta` key `links` dropped), which links them with the other requests.
    The CAMEO 01 rows such a store holds stay: they are what the analysis of their time made, stored as made, and
    analysing their articles again replaces them (the events stage no longer emits CAMEO 01)."""
    (retyped,) = con.execute("SELECT count(*) FROM events WHERE cameo_root = '02' AND plover IS NULL").fetchone()
    if retyped:
        con.execute("UPDATE events SET plover = 'REQUEST' WHERE cameo_root = '02' AND plover IS NULL")
        con.execute("DELETE FROM meta WHERE key = 'links'")


def _set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Record `value` under `key` in `meta` (how the bands, links or tallies were made), replacing what was there."""
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value", [key, value])


def _split_rules(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a store of layout @1 to @2: its keys split by country become rules (`corpus_entity_splits`, one row for each
    corpus entity of a split key), and the entity rows moved to a split corpus entity take the key's id again, so
    that every question answers as before (`link.shown`)."""
    rules = [{"whole": link.corpus_entity_id(key), "country": country, "id": cid}
             for cid, key, country in con.execute("SELECT id, key, country FROM corpus_entities ORDER BY id").fetchall()
             if cid != link.corpus_entity_id(key)]
    con.execute("DELETE FROM corpus_entity_splits")
    link.insert_rows(con, "corpus_entity_splits", link.SPLIT_COLUMNS, rules)
    if rules:
        con.execute("UPDATE entities SET corpus_entity = s.whole FROM corpus_entity_splits s WHERE entities.corpus_entity = s.id")


# The order that picks a corpus quote's canonical quote among its quote keys: the most words, then the words, the text,
# the article and the place (`count_links`, and the migration to @3 for a store that had none).
_CANONICAL_ORDER = "(-len(string_split(words, ' ')), string_split(words, ' '), text, article_id, ord)"


def _quotes_by_key(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the quote links of a store of layout @2 (or @1, its split rules made) to @3: each quote key's speaker is its
    key's id with the speaker entity's country (`quote_keys.speaker`, `country`), its `block` and `exact` hash the key
    id, and each corpus quote takes its id from the key id, its canonical words and its quotes' country
    (`quote_link.corpus_quote_id`), with `country` and `mixed` beside its speaker; the quote rows take the new ids.
    The corpus quotes themselves (which quotes are one quotation) do not change: a speaker shown is resolved as before."""
    con.execute("""UPDATE quote_keys SET speaker_entity = q.speaker_entity FROM quotes q
                   WHERE quote_keys.article_id = q.article_id AND quote_keys.ord = q.ord AND quote_keys.speaker_entity IS NULL""")
    # a store linked before the links kept their canonical words (`count_links`, layout @1 before link_counts) has none
    # yet: an id made without them would give one speaker's quotations one id (session fifteen's review); they are
    # chosen here as `count_links` chooses them
    con.execute(f"""UPDATE corpus_quotes SET words = c.words
                   FROM (SELECT corpus_quote,
                                arg_min(words, {_CANONICAL_ORDER}) AS words
                         FROM quote_keys GROUP BY corpus_quote) c
                   WHERE corpus_quotes.id = c.corpus_quote AND corpus_quotes.words IS NULL""")
    names = [n for n, _ in quote_link.QUOTE_KEY_COLUMNS]
    keys = con.sql(f"""
        SELECT {', '.join('coalesce(s.whole, k.speaker) AS speaker' if n == 'speaker' else
                          'coalesce(e.country, s.country) AS country' if n == 'country' else f'k.{n}' for n in names)}
        FROM quote_keys k LEFT JOIN corpus_entity_splits s ON s.id = k.speaker
        LEFT JOIN entities e ON e.article_id = k.article_id AND e.id = k.speaker_entity""").to_arrow_table()
    speaker, published, words, linked, country = (keys.column(n).to_pylist() for n in ("speaker", "published", "words", "corpus_quote", "country"))
    found: dict[str, set[str | None]] = defaultdict(set)
    speakers: dict[str, str] = {}
    for cq, who, c in zip(linked, speaker, country):
        found[cq].add(c)
        speakers[cq] = who
    new_ids: dict[str, str] = {}
    updates = []
    for cid, stored, canonical in con.execute("SELECT id, speaker, words FROM corpus_quotes").fetchall():
        kind = quote_link.countries(found.get(cid, {None}))
        whole = speakers.get(cid, stored)
        new_ids[cid] = quote_link.corpus_quote_id(whole, tuple((canonical or "").split()), kind["country"])
        updates.append((cid, new_ids[cid], whole, kind["country"], kind["mixed"]))
    if len(set(new_ids.values())) != len(new_ids):
        # two quotations under one id would be merged for good: refuse rather than migrate wrongly (the transaction
        # rolls back and the store stays as it was)
        raise StoreError("cannot bring the store's quote links to layout @3: two corpus quotes would share one id; "
                         "please report this with the store's newswire version")
    keys = keys.set_column(names.index("block"), "block", pa.array(
        [quote_link.block_key(w, quote_link._week(p)) for w, p in zip(speaker, published)], pa.int64()))
    keys = keys.set_column(names.index("exact"), "exact", pa.array(
        [quote_link.exact_key(w, tuple(t.split())) for w, t in zip(speaker, words)], pa.int64()))
    keys = keys.set_column(names.index("corpus_quote"), "corpus_quote", pa.array([new_ids.get(c, c) for c in linked], pa.string()))
    del speaker, published, words, linked, country
    con.execute("DELETE FROM quote_keys")
    con.register("_keys", keys)
    try:
        con.execute("INSERT INTO quote_keys SELECT * FROM _keys")
    finally:
        con.unregister("_keys")
    if updates:
        table = pa.table({n: pa.array([u[i] for u in updates], type=t) for i, (n, t) in enumerate(
            (("old", pa.string()), ("new", pa.string()), ("speaker", pa.string()), ("country", pa.string()), ("mixed", pa.bool_())))})
        con.register("_ids", table)
        try:
            con.execute("""CREATE OR REPLACE TEMP TABLE _cq AS SELECT c.* REPLACE (i.new AS id, i.speaker AS speaker,
                           i.country AS country, i.mixed AS mixed) FROM corpus_quotes c JOIN _ids i ON i.old = c.id""")
            con.execute("DELETE FROM corpus_quotes")
            con.execute("INSERT INTO corpus_quotes SELECT * FROM _cq")
            con.execute("DROP TABLE _cq")
            con.execute("""UPDATE quotes SET corpus_quote = i.new FROM _ids i
                           WHERE quotes.corpus_quote = i.old AND i.new <> i.old""")
        finally:
            con.unregister("_ids")


def _linked_before(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> set[str]:
    """The corpus entities the stored entities of these articles are linked to."""
    if not article_ids:
        return set()
    return {cid for (cid,) in con.execute(
        f"SELECT DISTINCT {link.shown()} FROM entities e WHERE article_id IN (SELECT unnest(?)) AND corpus_entity IS NOT NULL", [article_ids]
    ).fetchall()}


def _link(con: duckdb.DuckDBPyConnection, analyses: list[Analysis] | list[Rows], rows: dict[str, list[dict[str, Any]]]) -> set[str]:
    """Link a batch's entity rows to corpus entities (`corpus/link.py`): fills their `corpus_entity` and writes
    `corpus_entities`; returns the corpus entities to count again once the rows are stored."""
    published = {a.id: a.published for a in analyses}
    mentions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in rows["mentions"]:
        mentions.setdefault((m["article_id"], m["entity_id"]), []).append(m)
    members = []
    for e in rows["entities"]:
        member = link.members_of(e["article_id"], published.get(e["article_id"]), e, mentions.get((e["article_id"], e["id"]), []))
        if member is not None:
            members.append(member)
    split: set[str] = set()
    assigned, recount = link.link_entities(con, members, split)
    wholes = {(m.article_id, m.entity_id): (link.corpus_entity_id(m.key), m.country) for m in members}
    for e in rows["entities"]:  # the key's id: a split by country is a rule (`link.shown`), not the row's value
        e["corpus_entity"] = wholes[(e["article_id"], e["id"])][0] if (e["article_id"], e["id"]) in assigned else None
    # quotes of a linked speaker: one quote across outlets (`corpus/quote_link.py`), kept under the speaker's key id and
    # country (a split is the key's rule there too); of the stored quotes of a speaker whose key was just split by
    # country, only the corpus quotes with quotes of two countries are linked again (`split_apart`)
    quotes = quote_link.split_apart(con, split)
    sources = _sources(con, analyses)
    for q in rows["quotes"]:
        if (q["article_id"], q["speaker_entity"]) in assigned and q["content_text"]:
            speaker, country = wholes[(q["article_id"], q["speaker_entity"])]
            quotes.append(quote_link.Member(
                q["article_id"], q["ord"], speaker, quote_link.quote_words(q["content_text"]), q["content_text"],
                published.get(q["article_id"]), sources[q["article_id"]], speaker_entity=q["speaker_entity"], country=country,
            ))
    relinked = {m.node for m in quotes if m.article_id not in published}
    linked = quote_link.link_quotes(con, quotes, relinked)
    for q in rows["quotes"]:
        q["corpus_quote"] = linked.get((q["article_id"], q["ord"]))
    quote_link.relabel_quotes(con, {n: linked[n] for n in sorted(relinked) if n in linked})  # their quote rows
    # events of one happening across articles (`corpus/event_link.py`): their actors compared by corpus-entity key
    event_link.recount(con, event_link.refresh_entities(con, split))
    keys: dict[str, dict[str, tuple[str | None, str | None]]] = defaultdict(dict)  # article → entity → (key and country, corpus entity)
    for m in members:
        keys[m.article_id][m.entity_id] = (f"{m.key}\x1f{m.country or ''}", assigned.get((m.article_id, m.entity_id)))
    events = []
    for v in rows.get("events", ()):
        member = event_link.member_of(v, published.get(v["article_id"]), sources[v["article_id"]], keys.get(v["article_id"], {}))
        if member is not None:
            events.append(member)
    linked_events = event_link.link_events(con, events)
    for v in rows.get("events", ()):
        v["corpus_event"] = linked_events.get((v["article_id"], v["ord"]))
    return recount


def _link_again(con: duckdb.DuckDBPyConnection, keys: set[str], requoted: set[str], reevented: set[str]) -> None:
    """Once articles analysed again took their rows away: what is left of the corpus quotes and events they were in is
    linked again (it may come apart, or take another canonical quote or smallest event, hence another id), and a name
    they had split by country that is left with one country is one corpus entity again (`link.unsplit`; its quotes and
    events follow), so that the links are those of the stored rows linked from scratch."""
    quotes = quote_link.taken_apart(con, requoted)
    events = event_link.taken_apart(con, reevented)
    merged, _ = link.unsplit(con, keys)
    for v in events:
        v.source_entity, v.target_entity = merged.get(v.source_entity, v.source_entity), merged.get(v.target_entity, v.target_entity)
    quotes += quote_link.whole_again(con, set(merged.values()))
    linked = quote_link.link_quotes(con, quotes, {m.node for m in quotes})
    quote_link.relabel_quotes(con, linked)
    event_link.recount(con, event_link.refresh_entities(con, set(merged)))
    event_link.link_events(con, events)


def _sources(con: duckdb.DuckDBPyConnection, analyses: list[Analysis] | list[Rows]) -> dict[str, str]:
    """article id → its source: the outlet of its duplicate cluster's canonical article (a syndicated copy is its original's)."""
    ids = [a.id for a in analyses]
    if not ids:
        return {}
    clusters = dict(con.execute("SELECT id, coalesce(cluster, id) FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall())
    canon = sorted({clusters.get(i, i) for i in ids})
    urls = dict(con.execute(f"SELECT id, {_own('url')} FROM articles WHERE id IN (SELECT unnest(?))", [canon]).fetchall())
    return {i: quote_link.outlet(urls.get(clusters.get(i, i)), clusters.get(i, i)) for i in ids}


def _own(column: str) -> str:
    """SQL for an article's own value of a `FILLED_FIELDS` column (NULL where its copies gave it): what links across
    articles read, so that they do not depend on whether a copy was stored before or after its canonical was linked."""
    return f"CASE WHEN list_contains(string_split(coalesce(filled, ''), ','), '{column}') THEN NULL ELSE {column} END"


class _Transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path):
        self.con = con
        self.path = path

    def __enter__(self) -> None:
        self.con.begin()

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: object) -> None:
        if exc_type is None:
            with plain_errors(self.path):  # a full disk shows at the commit, when the log is written
                self.con.commit()
            return
        with contextlib.suppress(duckdb.Error):  # a failed commit has ended the transaction already
            self.con.rollback()
        if isinstance(exc, duckdb.Error):
            damage = store_error(self.path, exc)
            if damage is not None:
                raise damage from None


# DuckDB's messages (errno's text from the OS) for a write that found no room,
# and for a file that does not hold what its block headers promise.
_DISK_FULL = ("No space left on device", "Disk quota exceeded", "File too large")
_DAMAGED = ("Corrupt database file", "Could not read enough bytes", "does not match stored checksum")


def damaged(err: BaseException) -> bool:
    """Whether a DuckDB error says the file does not hold what its headers promise."""
    return any(s in str(err) for s in _DAMAGED)


def store_error(path: str | Path, err: BaseException, *, reading: bool = False) -> StoreError | None:
    """The one-line error for a DuckDB error that means a full disk or a damaged file (None for any other)."""
    message = first_line(err, limit=300)
    detail = re.sub(r"^(?:\w+ Error: )+(?:Failed to commit: )?", "", message)
    if any(s in message for s in _DISK_FULL):
        if reading:
            return StoreError(f"the disk is full ({detail}); free some space and try again")
        return StoreError(
            f"the disk holding {path} is full ({detail}); free some space and run the ingest again: "
            "what was committed is kept and the run resumes from there"
        )
    if damaged(err):
        return StoreError(
            f"the database {path} is damaged ({detail}); restore it from a backup, "
            "or ingest the corpus again into a new --db"
        )
    return None


@contextlib.contextmanager
def plain_errors(path: str | Path) -> Iterator[None]:
    """Turn a DuckDB error that means a full disk or a damaged file into a one-line `StoreError`."""
    try:
        yield
    except duckdb.Error as err:
        damage = store_error(path, err)
        if damage is None:
            raise
        raise damage from None


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def require_database(path: str | Path) -> None:
    """Refuse, in one line, to read a store that does not exist."""
    if not Path(path).exists():
        raise StoreError(f"no database at {path}; create one with `newswire ingest PATH --db {path}`")


# How long to wait for a file another process holds: a reader for an ingest's
# commit of a batch (a fraction of a second; 20 s is a stuck writer, not a
# busy one), a writer for readers to let go (a long export or SQL query).
# NEWSWIRE_LOCK_WAIT (seconds) sets both.
READ_WAIT_S = 20.0
WRITE_WAIT_S = 600.0


def lock_wait(read_only: bool) -> float:
    """Seconds to wait for a database locked by another process."""
    value = os.environ.get("NEWSWIRE_LOCK_WAIT", "").strip()
    if not value:
        return READ_WAIT_S if read_only else WRITE_WAIT_S
    try:
        return max(0.0, float(value))
    except ValueError:
        raise UsageError(f"NEWSWIRE_LOCK_WAIT must be a number of seconds, not {value!r}") from None


def _with_split_rules(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a store of layout @1 (made before `corpus_entity_splits`: no key split as a rule, its
    rows moved) is given the table, empty and in memory, so that the questions read it as they read a store of now."""
    tables = {t for (t,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name IN ('corpus_entities', 'corpus_entity_splits')").fetchall()}
    if tables == {"corpus_entities"}:
        con.execute(f"CREATE TEMP TABLE corpus_entity_splits ({', '.join(f'{n} {t}' for n, t in link.SPLIT_COLUMNS)})")
    # a store of layout @2 or @1 (a corpus quote's speaker the corpus entity shown, no `country`): read through a view
    # whose `country` is NULL, so that its speaker resolves to itself (`quote_link.speaker_shown`)
    if con.execute("""SELECT count(*) = 1 FROM information_schema.columns WHERE table_name = 'corpus_quotes'
                      AND column_name IN ('speaker', 'country')""").fetchone()[0]:
        database = con.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
        con.execute(f"""CREATE TEMP VIEW corpus_quotes AS SELECT *, NULL::VARCHAR AS country, false AS mixed
                        FROM "{database}".main.corpus_quotes""")
    return con


def show_split_rules(con: duckdb.DuckDBPyConnection) -> None:
    """On a read-only connection: `entities` named as a table is a view of it whose `corpus_entity` is the corpus entity
    each row is linked to (`link.shown`: a key split by country is a rule, its rows keep the key's id), for SQL written
    by a user and for export; the questions read the table itself (a view has no row ids to page by)."""
    if con.execute("""SELECT count(*) FROM information_schema.columns WHERE (table_name, column_name) IN
                      (('corpus_entity_splits', 'id'), ('entities', 'corpus_entity'), ('entities', 'country'))""").fetchone()[0] < 3:
        return  # a store made before the links: nothing to resolve
    database = con.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
    con.execute(f"""CREATE TEMP VIEW entities AS SELECT * REPLACE ({link.shown('x')} AS corpus_entity) FROM "{database}".main.entities x""")
    # a corpus quote's speaker likewise (layout @3: the key's id and the quotes' country, resolved through the rule; a
    # store of @2 or @1, whose speaker is the one shown, has its view already: `_with_split_rules`)
    if con.execute("""SELECT count(*) FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main'
                      AND table_name = 'corpus_quotes' AND column_name = 'country'""", [database.replace('""', '"')]).fetchone()[0]:
        con.execute(f"""CREATE TEMP VIEW corpus_quotes AS SELECT * REPLACE ({quote_link.speaker_shown('x')} AS speaker)
                        FROM "{database}".main.corpus_quotes x""")


def connect(
    path: str | Path, *, read_only: bool = False, config: dict[str, Any] | None = None, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to a store file, with a one-line `StoreError` for a locked, foreign or damaged file.

    A file another process has locked (an ingest committing a batch, readers
    when writing) is tried again, with growing pauses, for `wait` seconds
    (default `lock_wait`).
    """
    if read_only:  # a file that is no DuckDB database: one line that says so (DuckDB's own message names none of it)
        _require_duckdb_file(Path(path))
    deadline = time.monotonic() + (lock_wait(read_only) if wait is None else wait)
    pause = 0.01
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config={**_CONFIG, **(config or {})})
            return _with_split_rules(con) if read_only else con
        except duckdb.Error as err:
            message = first_line(err, limit=500)
            locked = _LOCK_HOLDER.search(message)
            if locked and time.monotonic() + pause <= deadline:
                time.sleep(pause)
                pause = min(2 * pause, 0.25)
                continue
            if locked:
                raise StoreError(
                    f"the database {path} is in use by another process (PID {locked['pid']}); "
                    "wait for it to finish, stop it, or use another --db"
                ) from None
            if "not a valid DuckDB database" in message:
                raise StoreError(f"{path} is not a DuckDB database; use another --db") from None
            damage = store_error(path, err)
            if damage is not None:
                raise damage from None
            raise StoreError(f"cannot open the database {path}: {message.removeprefix('IO Error: ')}") from None


# A DuckDB database file carries this magic at byte 8 of its first block.
_DUCKDB_MAGIC = (8, b"DUCK")


def _require_duckdb_file(path: Path) -> None:
    """Refuse a --db that exists, is not empty and is no DuckDB file, without creating anything."""
    offset, magic = _DUCKDB_MAGIC
    try:
        with open(path, "rb") as f:
            head = f.read(offset + len(magic))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"{path} is a directory; use a file for --db") from None
    except OSError as err:
        raise StoreError(f"cannot read {path}: {err.strerror}; use another --db") from None
    if head and head[offset:] != magic:
        raise StoreError(f"{path} is not a DuckDB database; use another --db")


# --- "checked, and not changed since" -------------------------------------------------
#
# Reading every block before each ingest costs time and buffer memory in
# proportion to the file (seconds a GB). A writer that checked the file (or
# found it stamped) and closed it without meeting an error leaves a stamp beside
# it, `PATH.checked`: the file's size, modification time and inode as it left
# them. The next writer skips the full read when the file still matches the
# stamp and has no log (`PATH.wal`, left by a process that did not close): any
# later change to the file by anyone moves its modification time.


def _checked_stamp(path: Path) -> Path:
    return Path(f"{path}.checked")


def _file_state(path: Path) -> dict[str, int]:
    stat = os.stat(path)
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "inode": stat.st_ino, "device": stat.st_dev}


# How far the clock the file system stamps files with may lag the system's
# (a "coarse" clock ticks once per kernel tick: 1-10 ms); twice that, to be safe.
_FILE_CLOCK_LAG_NS = 20_000_000


def _stamp_checked(path: Path) -> None:
    """Stamp the file, just closed by a writer that met no error, as checked."""
    try:
        state = _file_state(path)
        # a change within the same tick as the close would keep the time it recorded:
        # wait until any later write must carry a later time
        while time.time_ns() < state["mtime_ns"] + _FILE_CLOCK_LAG_NS:
            time.sleep(0.002)
        stamp = _checked_stamp(path)
        partial = stamp.with_name(f"{stamp.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps({**state, "layout": LAYOUT}))
        os.replace(partial, stamp)
    except OSError:  # no stamp: the next writer reads the whole file, as without one
        _checked_stamp(path).unlink(missing_ok=True)


def _stamped_unchanged(path: Path) -> bool:
    """Whether the file is as the last writer that checked it left it (and so needs no full read)."""
    try:
        if Path(f"{path}.wal").exists():
            return False
        stamp = json.loads(_checked_stamp(path).read_text())
        return stamp == {**_file_state(path), "layout": LAYOUT}
    except (OSError, ValueError):
        return False


def _lock_writer(path: Path) -> int:
    """Take the lock file of the one process that ingests into `path` (held until its descriptor closes)."""
    lock = Path(f"{path}.ingest.lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise StoreError(f"cannot create {lock}: {err.strerror}; use another --db") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 20).decode("ascii", "replace").strip()
        os.close(fd)
        who = f" (PID {holder})" if holder.isdigit() else ""
        raise StoreError(f"another newswire ingest{who} is writing to {path}; wait for it to finish, or use another --db") from None
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    return fd


def process_start(pid: int) -> str | None:
    """What tells process `pid` from a later one given the same PID: the boot and its start time (Linux), or None."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces: state, ppid, ...
    return None if fields[0] == "Z" else f"{boot} {fields[19]}"  # field 22 of proc(5): start time in clock ticks


def _alive(pid: int | None, start: str | None) -> bool:
    """Whether the process that recorded a run on this host is still that process."""
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        pass
    if start is None:  # nothing recorded to tell a reused PID by (not Linux)
        return True
    return process_start(pid) == start  # None now: a zombie, or gone since


# How the band rows are laid out in the store: a store whose rows were laid out otherwise (one `bands` table with an
# index on `key`, before 2026-12-04) has them rebuilt, once, at the start of the next ingest.
BANDS_TABLES = "dated rows in bands, undated in bands_undated"


def _bands_meta(layout: str, signatures: int) -> str:
    return f"{layout}; {BANDS_TABLES}; rows of {signatures} signatures"


def id_number(article_id: str) -> int:
    """An article id (16 hex digits) as the signed 64-bit integer `bands` keeps (8 bytes, not a string's 16 and more)."""
    return int.from_bytes(bytes.fromhex(article_id), "big", signed=True)


def id_text(number: int) -> str:
    """The article id `id_number` made this number from."""
    return (number & 0xFFFF_FFFF_FFFF_FFFF).to_bytes(8, "big").hex()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
