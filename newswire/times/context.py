"""What normalising reads: the publication date, the times found so far, the tense; shared helpers.

`Context` holds what relative expressions resolve against; `Resolved` is a
normalised expression before it becomes a `records.Time`. `tense_of` reads
the direction of the verb an expression modifies (`tense.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .calendar import Point
from .find import Found, tokens_of
from .grammar import day_parts, fold, units
from ..text.clauses import governing_verb
from .tense import FUTURE, direction, is_deadline

# A month and day (or a month) with no year and no clear tense is the past one unless the future one is
# this many times nearer: "the Oct. 23 slaying" in May is last October's, "payable Dec. 1" in late October is
# this year's. Chosen on TimeBank+AQUAINT and MEANTIME dates without a year (tried 0.5 to 100; 1.5-3 are best,
# 1 = plain nearest loses 2-3 points on months); re-measure with eval/timebank_times.py.
FUTURE_BIAS = 2.0


@dataclass(slots=True)
class Resolved:
    type: str
    value: str
    anchor: str | None = None  # "published", the id of an earlier time, or None
    point: Point | None = None  # the calendar period the value names, when it names one
    comparison: bool = False  # a time named only to compare with ("a year earlier"): later times do not count from it


@dataclass(slots=True)
class Context:
    """What relative expressions resolve against: the publication date and the times found so far."""

    doc: Doc
    published: dt.date | None
    history: list[tuple[Point, str, int]] = field(default_factory=list)  # (point, id, start offset), in text order
    found: list[Found] = field(default_factory=list)  # every expression found in the text, in text order
    last_of_grain: dict[str, tuple[Point, str]] = field(default_factory=dict)  # the latest point of each grain in history

    def remember(self, point: Point, tid: str, start: int) -> None:
        """Add a time to the history (in text order)."""
        self.history.append((point, tid, start))
        self.last_of_grain[point.grain] = (point, tid)

    def previous(self) -> tuple[Point, str] | None:
        return (self.history[-1][0], self.history[-1][1]) if self.history else None

    def base(self, *, back: bool) -> tuple[Point | None, str | None]:
        """The point to count from and its anchor: the previous time (back=True) if any, else the publication date."""
        if back and self.history:
            point, tid, _ = self.history[-1]
            return point, tid
        if self.published:
            return Point(self.published), "published"
        return None, None


def tense_of(found: Found, ctx: Context) -> int:
    """The direction of the verb the expression is an adverbial of; NONE inside a noun phrase ("the August 21st attack")."""
    span = tokens_of(ctx.doc, found.start, found.end)
    if span is not None and len(span) and is_deadline(span.root):
        return FUTURE
    return direction(adverbial_of(found, ctx))


def adverbial_of(found: Found, ctx: Context) -> Token | None:
    """The verb a time expression modifies, if it modifies one (and not a noun between them)."""
    span = tokens_of(ctx.doc, found.start, found.end)
    if span is None or not len(span):
        return None
    verb = governing_verb(span.root)
    t = span.root
    while verb is not None and t.i != verb.i:
        predicate = t.dep_ == "acomp" and t.head.lemma_ == "be"  # "were busy at Christmas"
        modifier = t.pos_ in ("NOUN", "PROPN", "PRON") or (t.pos_ == "ADJ" and not predicate)
        if modifier and not span.start <= t.i < span.end:
            return None  # "the Oct. 23 slaying", "a dividend payable Dec. 1", "effective Feb. 1"
        t = t.head
    return verb


def with_time(point: Point | None, time: str | None, unknown: str) -> Resolved:
    """A day-grain result, TIME when a time of day is given."""
    if time:
        if point is None:
            return Resolved("TIME", f"{unknown}T{time}")
        return Resolved("TIME", replace_time(point, time).value(), point=replace_time(point, time))
    if point is None:
        return Resolved("DATE", unknown)
    return Resolved("DATE", point.value(), point=point)


def replace_time(point: Point, time: str) -> Point:
    return Point(point.date, "day", time=time)


def part_of(found: Found) -> str | None:
    part = found.groups.get("part")
    return day_parts().get(fold(part)) if part else None


def published_plus(ctx: Context, days: int) -> tuple[Point | None, str | None, str]:
    if ctx.published is None:
        return None, None, "XXXX-XX-XX"
    return Point(ctx.published + dt.timedelta(days=days)), "published", ""


def unit_of(found: Found) -> str:
    return units()[fold(found.groups["unit"])]
