"""Query answers out: a table on the terminal, CSV, JSON lines or Parquet."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import decimal
import json
import os
import sys
import secrets
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import terminal
from ..errors import UsageError
from ..corpus.query import Rows, RowStream
from .report import shorten
from .terminal import escape_controls

FORMATS = ("table", "csv", "jsonl", "parquet")
# What an --out name's extension says, when --format does not.
SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".txt": "table"}
# Longest cell shown in a terminal table; files get every character.
MAX_CELL = 200


def write_rows(rows: Rows | RowStream, *, format: str | None = None, out: str | Path | None = None, console: Console | None = None) -> None:
    """Write `rows` to `out` (standard output when None or "-") as `format`.

    The format defaults to what `out`'s extension says (an extension that
    names no format is refused), else a table on a terminal and JSON lines
    otherwise. Parquet needs `out`.
    """
    if out is not None and not str(out).strip():
        raise UsageError("--out is empty; give a file name, e.g. --out rows.csv")
    if out is not None and str(out) == "-":  # the usual name of standard output, never a file called "-"
        if format == "parquet":
            raise UsageError("Parquet output needs a file, not standard output: pass --out FILE.parquet")
        out = None
    named = _format_from_name(out)
    if out is not None and format is None and named is None:
        raise UsageError(
            f"cannot tell the format of --out {out} from its extension; name it {', '.join(SUFFIXES)}, "
            f"or pass --format ({', '.join(FORMATS)})"
        )
    if format and named and format != named and "parquet" in (format, named):
        raise UsageError(f"--format {format} does not match --out {out}; drop one of them or rename the file")
    fmt = format or named or ("table" if out is None and sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if out is None:
        if fmt == "parquet":
            raise UsageError("Parquet output needs a file: pass --out FILE.parquet")
        _write_text(rows, fmt, sys.stdout, console)
        return
    # written aside and moved in place when complete: a failure half-way (a
    # streamed SQL answer's error, a full disk) leaves no truncated file behind
    target = Path(out)
    partial = None
    try:
        # (not mkstemp: the file gets the permissions the user's umask gives, as before)
        partial = target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.partial"
        if fmt == "parquet":
            _parquet(rows, partial)
        else:
            with open(partial, "w", encoding="utf-8", newline="") as stream:
                _write_text(rows, fmt, stream, terminal.console(file=stream, width=200))
        os.replace(partial, target)
        partial = None
    except OSError as err:
        raise UsageError(f"cannot write {out}: {(err.strerror or str(err)).lower()}; pass another --out") from None
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):  # nothing was written there, or it cannot be reached
                partial.unlink()


def _format_from_name(out: str | Path | None) -> str | None:
    if out is None:
        return None
    return SUFFIXES.get(Path(out).suffix.lower())


def _write_text(rows: Rows, fmt: str, stream: TextIO, console: Console | None) -> None:
    if fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(rows.columns)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(dict(zip(rows.columns, row)), ensure_ascii=False, default=_json_default) + "\n")
    else:
        console = console or terminal.console()
        # cells as Text: data is never read as markup or emoji codes (":thumbs_up:"), whatever the console
        cells = [[_cell(v) for v in row] for row in rows]
        if not cells or _fits(rows.columns, cells, console.width):
            console.print(_table(rows.columns, cells))
            if not cells:
                console.print("(no rows)")
        else:  # too narrow for a table whose text stays readable: one block of "column  value" lines per row
            for n, row in enumerate(cells, 1):
                head = f"-- row {n} "
                console.print(Text(head + "-" * max(0, min(console.width, 40) - len(head))))
                block = Table.grid(padding=(0, 2))
                block.add_column(no_wrap=True)
                block.add_column(overflow="fold")
                for column, value in zip(rows.columns, row):
                    block.add_row(Text(_cell(column)), Text(value))
                console.print(block)


# A table is printed only if its short columns (dates, codes, numbers) fit whole and each long one (a quote, a
# title) still gets this many characters a line; else each row is printed as a block of lines.
SHORT_COLUMN = 24
LONG_COLUMN_MIN = 24


def _widths(columns: list[str], cells: list[list[str]]) -> list[int]:
    return [max([len(_cell(c))] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]


def _fits(columns: list[str], cells: list[list[str]], width: int) -> bool:
    widths = _widths(columns, cells)
    short = sum(w for w in widths if w <= SHORT_COLUMN)
    long = sum(1 for w in widths if w > SHORT_COLUMN)
    return short + long * LONG_COLUMN_MIN + 3 * len(columns) + 1 <= width


def _table(columns: list[str], cells: list[list[str]]) -> Table:
    table = Table(show_lines=False, highlight=False)
    for column, width in zip(columns, _widths(columns, cells)):
        short = width <= SHORT_COLUMN
        table.add_column(Text(_cell(column)), no_wrap=short, min_width=width if short else LONG_COLUMN_MIN)
    for row in cells:
        table.add_row(*[Text(v) for v in row])
    return table


def _cell(value: Any) -> str:
    text = "" if value is None else str(_csv_cell(value))
    # a stored article's ESC sequences must not reach the terminal (colours, titles, worse)
    return shorten(escape_controls(text), MAX_CELL)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _parquet(rows: Rows | RowStream, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if isinstance(rows, RowStream):  # typed by the database, one batch in memory at a time
        batches = rows.record_batches()
        first = next(batches)
        with pq.ParquetWriter(path, first.schema) as writer:
            writer.write_batch(first)
            for batch in batches:
                writer.write_batch(batch)
        return

    columns = {name: [row[i] for row in rows.rows] for i, name in enumerate(rows.columns)}
    try:
        table = pa.table({name: pa.array(values) for name, values in columns.items()})
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types in a column: keep them as text
        table = pa.table({name: pa.array([None if v is None else str(v) for v in values]) for name, values in columns.items()})
    pq.write_table(table, path)
