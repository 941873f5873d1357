"""Normalising days and clock times: weekdays, dates, "today", "last night", "the 28th", "10 a.m.".

A weekday without a shift word goes the way of its clause's tense ("met
Friday": the last Friday on or before publication; "will meet Friday": the
next one). A month and day without a year take the year that puts them
nearest the publication date, in the direction of a future or simple past
clause (`FUTURE_BIAS`). "the 28th" is in the month of a date named earlier in
its sentence, else the publication month. Without a publication date the
values stay underspecified (`XXXX-WXX-5`, `XXXX-08-21`, `XXXX-XX-28`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

from . import calendar as cal
from .calendar import Point
from .context import (
    FUTURE_BIAS,
    Context,
    Resolved,
    adverbial_of,
    part_of,
    published_plus,
    tense_of,
    with_time,
)
from .find import Found, tokens_of
from .grammar import day_parts, fold, month_number, number_value, ordinal_value, references, shifts, weekday_number
from .tense import NONE, PAST

# A clock time takes its day from a weekday or date at most this many characters after it in its sentence
# ("10:35 a.m. (0735 GMT) Friday"). Set by hand to span a parenthesis; re-measure with eval/timebank_times.py.
DAY_AFTER_CHARS = 20


def _clock(found: Found, ctx: Context) -> Resolved | None:
    g = found.groups
    if "clock" in g:
        time = day_parts()[fold(g["clock"])]
    else:
        hour = int(g["hour"]) if g["hour"].isdigit() else int(number_value(g["hour"]) or 0)
        if not 0 < hour <= 23 and not g.get("minute"):
            return None
        ampm = fold(g.get("ampm", "")).replace(".", "")
        if g.get("part"):
            ampm = "am" if fold(g["part"]) == "morning" else "pm"
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        time = f"{hour:02d}:{g.get('minute') or '00'}"
        if fold(g.get("zone", "")) in ("utc", "gmt"):
            time += "Z"
    point, anchor, unknown = _day_of(found, ctx)
    resolved = with_time(point, time, unknown)
    resolved.anchor = anchor
    return resolved


def _day_of(found: Found, ctx: Context) -> tuple[Point | None, str | None, str]:
    """The day a clock time is on: a named day, weekday or date next to it, else the publication date."""
    g = found.groups
    if "ref" in g:
        offset = references()[fold(g["ref"])][0]
        return published_plus(ctx, int(offset))
    if "weekday" in g:
        return _weekday_point(found, ctx, weekday_number(g["weekday"]) or 1, None)
    if "month" in g:
        date = _month_day(found, ctx)
        return date.point, date.anchor, date.value if date.point is None else ""
    later = _day_after(found, ctx)
    if later is not None:
        return later.point, later.anchor, ""
    if ctx.published:
        return Point(ctx.published), "published", ""
    return None, None, "XXXX-XX-XX"


def _day_after(found: Found, ctx: Context) -> Resolved | None:
    """The day named just after a clock time in its sentence ("at 10:35 a.m. (0735 GMT) Friday")."""
    sentence = tokens_of(ctx.doc, found.start, found.end).sent
    for other in ctx.found:
        if other.start < found.end:
            continue
        if other.start >= sentence.end_char or other.start - found.end > DAY_AFTER_CHARS:
            break
        if other.rule.kind in ("weekday", "date", "ref") and "part" not in other.groups:
            resolved = KINDS[other.rule.kind](other, ctx)
            if resolved is not None and resolved.point is not None and resolved.point.grain == "day":
                return resolved
    return None


def _weekday_point(found: Found, ctx: Context, weekday: int, shift: str | None) -> tuple[Point | None, str | None, str]:
    """The day a weekday names: by its shift word ("last", "next", "the following"), else by the tense."""
    step, anchor_kind = shifts()[shift] if shift else (0, "published")
    base, anchor = ctx.base(back=anchor_kind == "previous")
    if base is None:
        return None, None, f"XXXX-WXX-{weekday}"
    ref = base.date
    if shift is None:
        date = cal.weekday_near(ref, weekday, 1 if tense_of(found, ctx) > 0 else -1)
    elif step == 0:
        date = ref + dt.timedelta(days=weekday - ref.isoweekday())  # "this Friday": in this week
    else:
        date = cal.weekday_near(ref, weekday, step, strict=True)
    return Point(date), anchor, ""


def _weekday(found: Found, ctx: Context) -> Resolved:
    g = found.groups
    shift = fold(g["shift"]) if "shift" in g else None
    point, anchor, unknown = _weekday_point(found, ctx, weekday_number(g["weekday"]) or 1, shift)
    resolved = with_time(point, part_of(found), unknown)
    resolved.anchor = anchor
    return resolved


def _ref(found: Found, ctx: Context) -> Resolved:
    value, part = references()[fold(found.groups["ref"])]
    if value.endswith("_REF"):
        return Resolved("DATE", value)
    point, anchor, unknown = published_plus(ctx, int(value))
    resolved = with_time(point, part_of(found) or part or None, unknown)
    resolved.anchor = anchor
    return resolved


def _part_rel(found: Found, ctx: Context) -> Resolved:
    """"this morning", "last night" (the evening before publication), "the next morning" (after the time before it)."""
    word = fold(found.groups["shift"])
    if word in ("next", "following", "previous"):
        base, anchor = ctx.base(back=True)
        step = -1 if word == "previous" else 1
        point = Point(base.date + dt.timedelta(days=step)) if base is not None else None
        resolved = with_time(point, part_of(found), "XXXX-XX-XX")
        resolved.anchor = anchor if point is not None else None
        return resolved
    point, anchor, unknown = published_plus(ctx, -1 if word == "last" else 0)
    resolved = with_time(point, part_of(found), unknown)
    resolved.anchor = anchor
    return resolved


def _date(found: Found, ctx: Context) -> Resolved | None:
    if "day" not in found.groups:  # "July 1997"
        month = month_number(found.groups["month"]) or 1
        point = Point(dt.date(int(found.groups["year"]), month, 1), "month")
        return Resolved("DATE", point.value(), None, point)
    resolved = _month_day(found, ctx)
    return resolved if resolved.value else None


def _month_day(found: Found, ctx: Context) -> Resolved:
    """Month and day, with the year given or inferred (empty value: no such date)."""
    g = found.groups
    month = month_number(g["month"])
    day = ordinal_value(g["day"])
    if month is None or day is None or not 1 <= day <= 31:
        return Resolved("DATE", "")
    if "year" in g:
        date = cal.safe_date(int(g["year"]), month, day)
        return Resolved("DATE", date.isoformat(), None, Point(date)) if date else Resolved("DATE", "")
    if cal.safe_date(2000, month, day) is None:  # 2000 was a leap year: February 29 exists
        return Resolved("DATE", "")
    if ctx.published is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}")
    date = cal.nearest_year(lambda y: cal.safe_date(y, month, day), ctx.published, _day_direction(found, ctx), bias=FUTURE_BIAS)
    return Resolved("DATE", date.isoformat(), "published", Point(date))


def _day_direction(found: Found, ctx: Context) -> int:
    """The direction for a day of the year: a future clause, or a simple past one.

    A perfect or passive past often names a day just ahead ("has set Nov. 10
    as the deadline", "was extended to Nov. 16"), so only the simple past
    ("met on Aug. 6", "the year ended Jan. 31") counts as past.
    """
    toward = tense_of(found, ctx)
    if toward == PAST:
        verb = adverbial_of(found, ctx)
        simple = verb is not None and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        return PAST if simple and (verb.tag_ == "VBD" or verb.dep_ in ("acl", "relcl")) else NONE
    return toward


def _numeric(found: Found, ctx: Context) -> Resolved | None:
    date = parse_absolute(found.groups["numeric"])
    return Resolved("DATE", date.isoformat(), None, Point(date)) if date else None


@cache
def parse_absolute(text: str) -> dt.date | None:
    """An absolute numeric date ("08/21/2013", "2013-08-21"), month first as in US news; None if invalid."""
    import dateparser  # imported here: only numeric dates need it, and it is slow to import

    parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _day_of_month(found: Found, ctx: Context) -> Resolved | None:
    """"the 28th": in the month of a date named earlier in the sentence, else the publication month."""
    day = ordinal_value(found.groups["day"])
    if day is None or not 1 <= day <= 31:
        return None
    sentence = tokens_of(ctx.doc, found.start, found.end).sent
    for point, tid, start in reversed(ctx.history):
        if start < sentence.start_char:
            break  # the history is in text order: nothing earlier is in the sentence
        if point.grain in ("day", "month"):
            date = cal.safe_date(point.date.year, point.date.month, day)
            return Resolved("DATE", date.isoformat(), tid, Point(date)) if date else None
    if ctx.published is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}")
    date = cal.safe_date(ctx.published.year, ctx.published.month, day)
    return Resolved("DATE", date.isoformat(), "published", Point(date)) if date else None


KINDS: dict[str, Callable[[Found, Context], Resolved | None]] = {
    "clock": _clock,
    "weekday": _weekday,
    "ref": _ref,
    "part_rel": _part_rel,
    "date": _date,
    "numeric": _numeric,
    "day_of_month": _day_of_month,
}
