"""Normalising counted and shifted units: "last month", "two days ago", "a week later", "one month", "daily".

"last/this/next" + a unit counts from the publication date; "the following
day", "a week later", "that day" count from the time expression before
(`Context.base`). "a year ago" right after a quarter, and "the year-earlier
quarter", are that quarter a year back: comparisons, which later expressions
do not count from. A count of units without a direction is a DURATION
("one month": P1M), never a date; "every month", "daily" and "$5 a year" are
SETs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import calendar as cal
from .calendar import Point
from .context import Context, Resolved, part_of, replace_time, tense_of, unit_of
from .find import Found, tokens_of
from .grammar import day_parts, fold, month_number, number_value, shifts, units, weekday_number
from .periods import last_quarter, story_quarter

# TIMEX3 duration letters per unit, and how many of it one unit word counts.
DURATION_UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True), "day": ("D", 1, False),
    "week": ("W", 1, False), "fortnight": ("W", 2, False), "month": ("M", 1, False), "quarter": ("Q", 1, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
}  # fmt: skip


# A half of a unit, written in the next smaller unit ("two and a half years": P2Y6M).
HALF_OF = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M", "W": "3DT12H"}


# Set adverbs and their period.
SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
             "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}  # fmt: skip


# Unnumbered spans that TimeML reads as vague references rather than durations ("in recent years").
VAGUE_SPANS = {"recent": "PAST_REF", "coming": "FUTURE_REF", "the coming": "FUTURE_REF"}


# Units too small to be a calendar period: "the past hour" is a duration, not a date.
CLOCK_UNITS = {"second", "minute", "hour"}


def _relative(found: Found, ctx: Context) -> Resolved:
    """"last month", "this week", "next year", "the following day", "the previous quarter"."""
    g = found.groups
    unit = "weekend" if fold(g["unit"]) == "weekend" else unit_of(found)
    word = fold(g["shift"])
    step, anchor_kind = shifts()[word]
    if unit in CLOCK_UNITS or (unit in ("decade", "century") and word == "past"):
        return Resolved("DURATION", duration_value(1, unit))  # "the past hour", "the past decade": P10Y
    back = anchor_kind == "previous" or (word == "next" and fold(found.text).startswith("the"))
    base, anchor = ctx.base(back=back)
    grain = cal.UNIT_GRAIN[unit]
    if base is None:
        return Resolved("DATE", cal.UNKNOWN[grain])
    point = cal.shift(base.at(grain), step, unit)
    if unit == "weekend":
        point = Point(point.date, "weekend")
    return Resolved("DATE", point.value(), anchor, point)


def _the_unit(found: Found, ctx: Context) -> Resolved:
    """"the year", "the current fiscal year", "year-end", "the end of the month": the one of publication."""
    grain = cal.UNIT_GRAIN[unit_of(found)]
    if ctx.published is None:
        return Resolved("DATE", cal.UNKNOWN[grain])
    point = Point(ctx.published, grain)
    return Resolved("DATE", point.value(), "published", point)


def _weekend(found: Found, ctx: Context) -> Resolved:
    """"the weekend": the last one (or the one under way) in a past clause, else the coming one."""
    if ctx.published is None:
        return Resolved("DATE", "XXXX-WXX-WE")
    ref = ctx.published
    toward = tense_of(found, ctx)
    saturday = cal.weekday_near(ref, 6, 1 if toward > 0 else -1)
    if toward <= 0 and ref.isoweekday() == 7:
        saturday = ref - dt.timedelta(days=1)
    point = Point(saturday, "weekend")
    return Resolved("DATE", point.value(), "published", point)


def _offset(found: Found, ctx: Context) -> Resolved:
    """"two days ago", "a week later", "three years earlier", "a month from now"."""
    g = found.groups
    unit = unit_of(found)
    word = fold(g["dir"])
    sign = -1 if word in ("ago", "earlier", "before", "back") else 1
    n = number_value(g["num"]) if "num" in g else None
    if n is None:  # "several years ago", "months later"
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    back = word in ("earlier", "later", "before", "after")
    base, anchor = ctx.base(back=back)
    previous = ctx.previous()
    if unit == "year" and n == 1 and previous is not None and previous[0].grain == "quarter":
        base, anchor = previous  # "profit rose from $10 million a year ago": the quarter reported, a year back
        resolved = _shifted(base, sign, unit, anchor)
        resolved.comparison = True
        return resolved
    if unit in CLOCK_UNITS:
        if base is None:
            return Resolved("DATE", "XXXX-XX-XX")
        return Resolved("DATE", base.at("day").value(), anchor, base.at("day"))
    grain = "year" if unit in ("decade", "century") else cal.UNIT_GRAIN[unit]  # "a decade ago": 2003
    if base is None:
        return Resolved("DATE", cal.UNKNOWN[grain])
    if anchor == "published":
        base = base.at(grain)
    return _shifted(base, sign * round(n), unit, anchor)


def _shifted(base: Point, n: int, unit: str, anchor: str | None) -> Resolved:
    point = cal.shift(base, n, unit)
    return Resolved("DATE", point.value(), anchor, point)


def _year_earlier(found: Found, ctx: Context) -> Resolved:
    """"the year-earlier quarter", "a year-ago period": the time it compares with, one year back.

    A quarter: the quarter named before, else the last one ended before
    publication. A period: the time named just before. A year: the year
    before publication.
    """
    unit = fold(found.groups.get("unit", ""))
    if unit == "quarter" or (unit in ("period", "") and story_quarter(ctx)):
        base_anchor = story_quarter(ctx) or last_quarter(ctx)
        base, anchor = base_anchor if base_anchor else (None, None)
    elif unit in ("year", ""):  # "year-earlier results": last year's
        base, anchor = ctx.base(back=False)
        base = base.at("year") if base else None
    else:
        base, anchor = ctx.base(back=True)
        if anchor == "published" and base is not None:
            base = base.at("year")
    if base is None:
        return Resolved("DATE", "XXXX")
    point = cal.shift(base, -1, "year")
    return Resolved("DATE", point.value(), anchor, point, comparison=True)


def _anaphoric(found: Found, ctx: Context) -> Resolved | None:
    """"that day", "the same week", "that morning", "later in the day": the time before it (else the
    publication date), at that grain."""
    point, tid = ctx.base(back=True)
    if point is None:
        return None
    word = fold(found.groups["unit"])
    if word in day_parts():
        if point.grain != "day":
            return None
        timed = replace_time(point, day_parts()[word])
        return Resolved("TIME", timed.value(), tid, timed)
    grain = cal.UNIT_GRAIN[units()[word]]
    if cal.GRAINS.index(point.grain) > cal.GRAINS.index(grain):
        return None  # "that day" after "in 1998": no day to point at
    return Resolved("DATE", point.at(grain).value(), tid, point.at(grain))


def duration_value(n: float | None, unit: str) -> str:
    """The TIMEX3 duration of n units (X when n is vague)."""
    letter, size, clock = DURATION_UNITS[unit]
    t = "T" if clock else ""
    if n is None:
        return f"P{t}X{'DE' if unit == 'decade' else 'CE' if unit == 'century' else letter}"
    amount = float(n * size)
    if amount.is_integer():
        return f"P{t}{int(amount)}{letter}"
    whole = int(amount)
    if amount - whole == 0.5 and letter in HALF_OF and not (clock and letter != "H"):
        half = HALF_OF[letter]
        head = f"P{t}{whole}{letter}" if whole else f"P{t}"
        return head + (half[1:] if half.startswith("T") and t else half)
    return f"P{t}{amount:g}{letter}"


def _duration(found: Found, ctx: Context) -> Resolved:
    g = found.groups
    if "num" not in g and fold(g.get("shift", "")) in VAGUE_SPANS:
        return Resolved("DATE", VAGUE_SPANS[fold(g["shift"])])  # "in recent years": PAST_REF
    n = number_value(g["num"]) if "num" in g else None
    if n is not None and ("andhalf" in g or "halfafter" in g):
        n += 0.5
    if fold(g.get("num", "")) in ("a", "an") and _after_amount(found, ctx):
        return Resolved("SET", duration_value(1, unit_of(found)))  # "$500 million a year", "four flights a week"
    return Resolved("DURATION", duration_value(n, unit_of(found)))


def _after_amount(found: Found, ctx: Context) -> bool:
    """Whether a match directly follows an amount or a counted noun ("$5 a year", "700 seats a week")."""
    span = tokens_of(ctx.doc, found.start, found.end)
    if span is None or span.start == 0:
        return False
    before = ctx.doc[span.start - 1]
    return before.pos_ in ("NUM", "SYM") or (before.pos_ == "NOUN" and before.tag_ == "NNS")


def _set(found: Found, ctx: Context) -> Resolved:
    g = found.groups
    if "set" in g:
        return Resolved("SET", SET_WORDS[fold(g["set"])])
    if "month" in g:  # "each July"
        return Resolved("SET", f"XXXX-{month_number(g['month']) or 1:02d}")
    if "weekday" in g:
        day = weekday_number(re.sub(r"s$", "", g["weekday"])) or 1
        part = part_of(found)
        return Resolved("SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else ""))
    n = number_value(g["num"]) if "num" in g else 1
    if "other" in fold(found.text).split():
        n = (n or 1) * 2
    return Resolved("SET", duration_value(n or 1, unit_of(found)))


KINDS: dict[str, Callable[[Found, Context], Resolved | None]] = {
    "relative": _relative,
    "the_unit": _the_unit,
    "weekend": _weekend,
    "offset": _offset,
    "year_earlier": _year_earlier,
    "anaphoric": _anaphoric,
    "duration": _duration,
    "set": _set,
}
