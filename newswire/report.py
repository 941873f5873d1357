"""A readable report of an `Analysis`, rendered with rich (the CLI's text format)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .records import Analysis

# Evidence snippets in tables are cut to this many characters.
SNIPPET = 80


def render(analysis: Analysis, console: Console) -> None:
    """Print the report for one analysis."""
    console.print(_header(analysis))
    console.print(_entities(analysis))
    if analysis.times:
        console.print(_times(analysis))


def shorten(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _header(a: Analysis) -> Panel:
    lines = [
        Text.assemble(("published ", "dim"), a.published or "unknown", ("   id ", "dim"), a.id, ("   ", ""), (f"{a.text_length:,} characters", "dim")),
    ]
    for r in a.removed:
        what = "repeats earlier text" if r.reason == "repeated" else r.reason
        lines.append(Text.assemble(("removed ", "dim"), f"[{r.start}, {r.end}) ", (what, "yellow"), ": ", shorten(a.text[r.start : r.end], 60)))
    for w in a.warnings:
        lines.append(Text.assemble(("warning ", "bold yellow"), w))
    return Panel(Group(*lines), title=a.title or "(untitled)", title_align="left")


def _entities(a: Analysis) -> Table:
    table = Table(title="Entities", title_justify="left", expand=False)
    for col in ("id", "name", "type", "country", "actor", "titles", "mentions"):
        table.add_column(col, overflow="fold")
    for e in a.entities:
        table.add_row(
            e.id,
            e.name,
            e.type,
            e.country or "",
            e.actor or "",
            "; ".join(e.titles),
            str(len(e.mentions)),
        )
    return table


def _times(a: Analysis) -> Table:
    """When: each time expression, its TIMEX3 value and what it was resolved against."""
    table = Table(title="When", title_justify="left", expand=False)
    for col in ("id", "expression", "type", "value", "anchor"):
        table.add_column(col, overflow="fold")
    by_id = {t.id: t for t in a.times}
    for t in a.times:
        if t.anchor == "published":
            anchor = f"published {a.published}"
        elif t.anchor in by_id:
            anchor = f"{t.anchor} ({shorten(by_id[t.anchor].text, 30)})"
        else:
            anchor = ""
        table.add_row(t.id, shorten(t.text, 40), t.type, t.value, anchor)
    return table
