"""Word lists and patterns, loaded from the data files in `newswire/data/`.

Two formats, both UTF-8, `#` starting a comment line:

* `*.txt`: one entry per line.
* `*.tsv`: a header line naming the columns, then one row per line, columns
  separated by tabs. Empty cells are empty strings; list-valued cells
  separate items with `|`.

Each file says where its entries come from in its opening comment. Files load
lazily, once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    raw = resources.files("newswire").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\r\n") for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def load_list(name: str) -> tuple[str, ...]:
    """The entries of `data/<name>` (a `.txt` file), in file order."""
    entries = tuple(line.strip() for line in _lines(name))
    if not entries:
        raise ValueError(f"data file {name} is empty")
    return entries


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `data/<name>` (a `.tsv` file) as dicts keyed by the header."""
    lines = _lines(name)
    if len(lines) < 2:
        raise ValueError(f"data file {name} has no rows")
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ValueError(f"data file {name}: row {n} has {len(cells)} columns, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return tuple(rows)


def split_items(cell: str) -> list[str]:
    """A list-valued cell ("a|b|c") as a list, without empty items."""
    return [item.strip() for item in cell.split("|") if item.strip()]
