"""A readable report of an `Analysis`, rendered with rich (the CLI's text format)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..corpus.query import EVENT_FLOOR, QUOTE_FLOOR
from ..records import Analysis, Quote, to_dict

# Evidence snippets in tables are cut to this many characters.
SNIPPET = 80
# An event's evidence: about this many characters of its sentence around the trigger.
EVIDENCE = 60


def render(analysis: Analysis, console: Console, *, event_floor: float | None = None, quote_floor: float | None = None) -> None:
    """Print the report for one analysis.

    event_floor: events under this confidence are shown dimmed, with a note that
    `query events`, `serve` and `--format gdelt` leave them out (the CLI passes
    their floor); None shows every event alike.
    quote_floor: quotes under this confidence are left out of the table, with a
    note saying how many (the CLI passes `query quotes`' floor); None: every quote.
    Each note is a line of its own under its table."""
    console.print(_header(analysis))
    console.print(_entities(analysis))
    if analysis.times:
        console.print(_times(analysis))
    _print(console, *_quotes(analysis, floor=quote_floor))
    if analysis.events:
        _print(console, *_events(analysis, event_floor))
    if analysis.figures:
        console.print(_figures(analysis))


def render_quotes(analysis: Analysis, console: Console, *, quote_floor: float | None = None) -> None:
    """Print only the "Who said what" section (`newswire analyze --quotes-only`); `quote_floor` as in `render`."""
    _print(console, *_quotes(analysis, title=f"Who said what: {analysis.title or analysis.id}", floor=quote_floor))


def _print(console: Console, table: Table, note: str | None) -> None:
    """A table, and its note (if any) as a line of its own: not a caption, which wraps to the table's width."""
    console.print(table)
    if note:
        console.print(Text(note), soft_wrap=True)


def quote_rows(analysis: Analysis) -> list[dict]:
    """One JSON-ready object per quote, with the article's id (`--quotes-only --format jsonl`)."""
    return [{"article": analysis.id, **to_dict(q)} for q in analysis.quotes]


def shorten(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _header(a: Analysis) -> Panel:
    lines = [
        Text.assemble(("published ", "dim"), a.published or "unknown", ("   id ", "dim"), a.id, ("   ", ""), (f"{a.text_length:,} characters", "dim")),
    ]
    if a.tone is not None:
        t = a.tone
        lines.append(Text.assemble(("tone ", "dim"), f"{t.score:+.2f}", ("   ", ""),
                                   (f"{t.positive_words} positive, {t.negative_words} negative of {t.words:,} words", "dim")))
    for r in a.removed:
        what = "repeats earlier text" if r.reason == "repeated" else r.reason
        lines.append(Text.assemble(("removed ", "dim"), f"[{r.start}, {r.end}) ", (what, "yellow"), ": ", shorten(a.text[r.start : r.end], 60)))
    for w in a.warnings:
        lines.append(Text.assemble(("warning ", "bold yellow"), w))
    return Panel(Group(*lines), title=Text(a.title or "(untitled)"), title_align="left")  # Text: a title is never markup or emoji


def _entities(a: Analysis) -> Table:
    table = Table(title="Entities", title_justify="left", expand=False)
    for col in ("id", "name", "type", "country", "actor", "titles", "mentions"):
        table.add_column(col, overflow="fold")
    for e in a.entities:
        if not e.named:
            continue  # a description only ("both delegations"): the quotes' and events' to read, not a listed entity
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


def _actor_cell(a: Analysis, actor) -> str:
    if actor is None:
        return ""
    entity = a.entity(actor.entity)
    name = entity.name if entity else actor.text
    code = f" ({actor.actor})" if actor.actor else ""
    return f"{name}{code}" + (" [implied]" if actor.implicit else "")


def _around(text: str, start: int, end: int, mark_start: int, mark_end: int, limit: int = EVIDENCE) -> Text:
    """The sentence [start, end) cut to about `limit` characters around the marked words, which are bold."""
    left = max(start, mark_start - limit // 2)
    right = min(end, max(mark_end + limit // 2, left + limit))
    before = ("…" if left > start else "") + " ".join(text[left:mark_start].split(" "))
    after = text[mark_end:right] + ("…" if right < end else "")
    return Text.assemble(" ".join(before.split()) + " ", (text[mark_start:mark_end], "bold"), " " + " ".join(after.split()))


def _events(a: Analysis, floor: float | None = None) -> tuple[Table, str | None]:
    table = Table(title="Events", title_justify="left", expand=False)
    for col in ("date", "source", "event", "target", "place", "evidence"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "event"))
    below = 0
    for e in a.events:
        low = floor is not None and e.confidence is not None and e.confidence < floor
        below += low
        what = f"{e.plover or 'CAMEO'} {e.cameo}"
        if e.confidence is not None:
            what += f"\nconf {e.confidence:.2f}"
        if e.modality != "asserted":
            what += f"\n{e.modality}"
        reporter = a.entity(e.reported_by)
        evidence = _around(a.text, e.sentence.start, e.sentence.end, e.trigger.start, e.trigger.end)
        if reporter is not None:
            evidence = Text.assemble((f"{reporter.name} says: ", "dim"), evidence)
        place = e.location.text if e.location else ""
        table.add_row(e.date or "", _actor_cell(a, e.source), what, _actor_cell(a, e.target), place, evidence,
                      style="dim" if low else None)
    note = None
    if below:
        why = ("where most records are wrong; query events, serve and --format gdelt leave them out" if floor == EVENT_FLOOR
               else f"the floor asked for (query events, serve and --format gdelt leave out those under {EVENT_FLOOR})")
        note = f"{below} dimmed: confidence under {floor}, {why}; --min-confidence 0 shows every event alike"
    return table, note


def _figures(a: Analysis) -> Group:
    lines = [Text("Figures", style="italic")]
    for f in a.figures:
        parts = [(f.text, "bold"), (f" {f.what}", "")]
        reporter = a.entity(f.reported_by)
        if reporter is not None:
            parts.append((f" (according to {reporter.name})", "dim"))
        if f.date:
            parts.append((f"  {f.date}", "dim"))
        lines.append(Text.assemble(("  • ", "dim"), *parts))
    return Group(*lines)


def speaker_label(q: Quote) -> str:
    """Who said it, for people: the resolved name, else the words of the text, else "(unknown)"."""
    who = q.speaker_name or (q.speaker.text if q.speaker else "(unknown)")
    return f"{who} (inherited)" if q.inherited else who


def _quotes(a: Analysis, title: str = "Who said what", floor: float | None = None) -> tuple[Table, str | None]:
    table = Table(title=title, title_justify="left", expand=False)
    for col in ("id", "speaker", "type", "quote", "at"):
        table.add_column(col, overflow="fold")
    below = 0
    for q in a.quotes:
        if floor is not None and q.confidence is not None and q.confidence < floor:
            below += 1
            continue
        kind = q.type if q.confidence is None else f"{q.type}\nconf {q.confidence:.2f}"
        table.add_row(q.id, speaker_label(q), kind, shorten(q.content.text), f"[{q.content.start}, {q.content.end})")
    note = None
    if below:
        why = ("most records there are wrong, as in query quotes and serve" if floor == QUOTE_FLOOR
               else f"the floor asked for; query quotes and serve leave out those under {QUOTE_FLOOR}")
        note = (f"Note: {below} quote{'s' if below != 1 else ''} under confidence {floor} left out ({why}); "
                "--min-confidence 0 shows them, --format json keeps every record")
    return table, note


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
