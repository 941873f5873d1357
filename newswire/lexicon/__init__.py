"""Word lists and patterns, loaded from the data files in `newswire/data/`.

Two formats, both UTF-8, `#` starting a comment line:

* `*.txt`: one entry per line.
* `*.tsv`: a header line naming the columns, then one row per line, columns
  separated by tabs. Empty cells are empty strings; list-valued cells
  separate items with `|`.

A table is read into rows of a frozen dataclass whose fields are its columns
(`lexicon/tables.py` declares one for every table): `load_table("cues.tsv",
Cue)`. Each cell is converted by its field's type once, at load: `str` as
is, `int` and `float` parsed, `bool` from `yes` or an empty cell,
`tuple[str, ...]` split at `|`, `X | None` None for an empty cell, and a
`Literal[...]` checked against its values. A row that does not fit (too many
cells, a header column the dataclass lacks, a value of the wrong type) fails
at load with the file and line.

Each file says where its entries come from in its opening comment. Files load
lazily, once per process.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

Row = TypeVar("Row")


def _read(name: str) -> str:
    return resources.files("newswire").joinpath("data", name).read_text(encoding="utf-8")


def _lines(raw: str) -> list[tuple[int, str]]:
    """The entry lines of a data file with their line numbers (1-based), without comments and blank lines."""
    return [
        (n, line.rstrip("\r\n"))
        for n, line in enumerate(raw.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def load_list(name: str) -> tuple[str, ...]:
    """The entries of `data/<name>` (a `.txt` file), in file order."""
    entries = tuple(line.strip() for _, line in _lines(_read(name)))
    if not entries:
        raise ValueError(f"data file {name} is empty")
    return entries


@cache
def load_table(name: str, row_type: type[Row]) -> tuple[Row, ...]:
    """The rows of `data/<name>` (a `.tsv` file) as `row_type` instances, in file order."""
    return parse_table(name, _read(name), row_type)


def parse_table(name: str, raw: str, row_type: type[Row]) -> tuple[Row, ...]:
    """The rows of a table's text `raw` (named `name` in errors) as `row_type` instances."""
    lines = _lines(raw)
    if len(lines) < 2:
        raise ValueError(f"data file {name} has no rows")
    fields = {f.name: f for f in dataclasses.fields(row_type)}  # type: ignore[arg-type]
    hints = typing.get_type_hints(row_type)
    header_line, header_text = lines[0]
    header = [h.strip() for h in header_text.split("\t")]
    for column in header:
        if column not in fields:
            raise ValueError(f"{name}:{header_line}: unknown column {column!r} (expected {', '.join(fields)})")
    if len(set(header)) != len(header):
        raise ValueError(f"{name}:{header_line}: a column is named twice")
    for field in fields.values():
        if field.name not in header and field.default is dataclasses.MISSING:
            raise ValueError(f"{name}:{header_line}: no column {field.name!r}")
    converters = [_converter(hints[column]) for column in header]  # the types read once per table, not per cell
    rows = []
    for n, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ValueError(f"{name}:{n}: {len(cells)} cells, the header has {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        values = {}
        for column, convert, cell in zip(header, converters, cells):
            try:
                values[column] = convert(cell.strip())
            except ValueError as e:
                raise ValueError(f"{name}:{n}: column {column}: {e}") from None
        rows.append(row_type(**values))
    return tuple(rows)


def _converter(kind: Any) -> Callable[[str], Any]:
    """The function that reads a cell as the type `kind` of its field."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        if type(None) not in args or len(args) != 2:
            raise TypeError(f"unsupported column type {kind}")
        inner = _converter(next(a for a in args if a is not type(None)))
        return lambda cell: None if cell == "" else inner(cell)
    if origin is Literal:

        def literal(cell: str) -> str:
            if cell not in args:
                raise ValueError(f"{cell!r} is not one of {', '.join(map(repr, args))}")
            return cell

        return literal
    if origin is tuple and args in ((str, ...),):
        return lambda cell: tuple(split_items(cell))
    if kind is str:
        return lambda cell: cell
    if kind is bool:

        def boolean(cell: str) -> bool:
            if cell not in ("", "yes"):
                raise ValueError(f"{cell!r} is neither 'yes' nor empty")
            return cell == "yes"

        return boolean
    if kind in (int, float):

        def number(cell: str) -> int | float:
            try:
                return kind(cell)
            except ValueError:
                raise ValueError(f"{cell!r} is not {'an integer' if kind is int else 'a number'}") from None

        return number
    raise TypeError(f"unsupported column type {kind}")


def split_items(cell: str) -> list[str]:
    """A list-valued cell ("a|b|c") as a list, without empty items."""
    return [item.strip() for item in cell.split("|") if item.strip()]
