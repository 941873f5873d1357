"""Calendar arithmetic on TIMEX3 values: points of a given grain, shifted and written out.

A `Point` is a calendar date standing for the period of its grain that
contains it ("2013-08-01" at grain "month" is August 2013, written
`2013-08`). Shifting moves it by whole units; `value()` writes the TIMEX3
value (TimeML 1.2.1): `2013-09-13`, `2013-W37`, `2013-W37-WE`, `2013-08`,
`2013-Q3`, `2013-H2`, `2013-SU`, `2013`, `201` (a decade), `20` (a century),
with a time of day after a day: `2013-09-13T10:00`, `2013-09-13TMO`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

# The calendar's points and the reading of TIMEX3 values are shared with the stages that read times back.
from ..timex import GRAINS, SEASON_MONTHS, Point, add_months, days_in_month, parse_value  # noqa: F401

# The grain a unit word names when it is counted back or forth ("two weeks ago": week).
UNIT_GRAIN = {
    "day": "day", "week": "week", "fortnight": "week", "weekend": "weekend", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
}  # fmt: skip
# What an underspecified value looks like at each grain when no date is known.
UNKNOWN = {
    "day": "XXXX-XX-XX", "weekend": "XXXX-WXX-WE", "week": "XXXX-WXX", "month": "XXXX-XX", "season": "XXXX-XX",
    "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX", "decade": "XXX", "century": "XX",
}  # fmt: skip


def shift(point: Point, n: int, unit: str) -> Point:
    """`point` moved by `n` units (day, week, fortnight, weekend, month, quarter, season, half, year, decade, century)."""
    d = point.date
    if unit in ("day",):
        d = d + dt.timedelta(days=n)
    elif unit in ("week", "weekend"):
        d = d + dt.timedelta(weeks=n)
    elif unit == "fortnight":
        d = d + dt.timedelta(weeks=2 * n)
    else:
        months = {"month": 1, "quarter": 3, "season": 12, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit] * n
        d = add_months(d, months)
    return replace(point, date=d)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest_year(make, ref: dt.date, direction: int, *, period_end=None, bias: float = 1.0) -> dt.date | None:
    """The date `make(year)` for the year that fits `direction` from `ref`.

    direction -1: the latest one starting on or before `ref`; 1: the earliest
    one ending on or after `ref`; 0: the one under way at `ref`, else the
    nearest, where the one after `ref` counts as `bias` times as far as it is
    (bias 2: a past date 100 days back wins over a future one 60 days ahead).
    `make(year)` returns the start of the period in that year (None when it
    does not exist); `period_end(start)` its last day (the start by default).
    """
    end_of = period_end or (lambda d: d)
    options = [d for d in (make(ref.year - 1), make(ref.year), make(ref.year + 1)) if d is not None]
    if not options:
        return None
    if direction < 0:
        past = [d for d in options if d <= ref]
        return max(past) if past else min(options)
    if direction > 0:
        future = [d for d in options if end_of(d) >= ref]
        return min(future) if future else max(options)

    def distance(d: dt.date) -> float:
        if d <= ref <= end_of(d):
            return 0
        return (d - ref).days * bias if d > ref else (ref - end_of(d)).days

    return min(options, key=lambda d: (distance(d), d > ref))


def month_end(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, days_in_month(d.year, d.month))


def weekday_near(ref: dt.date, weekday: int, direction: int, *, strict: bool = False) -> dt.date:
    """The ISO `weekday` (Monday 1) on or before `ref` (direction -1 or 0) or on or after it (1).

    strict: never `ref` itself ("last Friday" said on a Friday is a week back).
    """
    if direction > 0:
        ahead = (weekday - ref.isoweekday()) % 7 or (7 if strict else 0)
        return ref + dt.timedelta(days=ahead)
    back = (ref.isoweekday() - weekday) % 7 or (7 if strict else 0)
    return ref - dt.timedelta(days=back)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> dt.date:
    """The nth ISO `weekday` of a month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_end(dt.date(year, month, 1))
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's name)
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def coarser(a: str, b: str) -> str:
    """The coarser of two grains."""
    return a if GRAINS.index(a) >= GRAINS.index(b) else b
