"""TIMEX3 values (TimeML 1.2.1) read as calendar periods: shared by the stages that date things.

The times stage writes values (`2013-09-13`, `2013-W37`, `2013-W37-WE`,
`2013-08`, `2013-SU`, `2013-Q3`, `2013-H2`, `2013`, `201` a decade, `20` a
century, a day with a time of day `2013-09-13T10:00`); the events and figures
stages read them back. `parse_value` gives the `Point` a value names,
`period` the first and last day it covers. Underspecified values (`XXXX-08`),
references (`PRESENT_REF`) and durations are no period: None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

# Grains from the finest to the coarsest.
GRAINS = ("day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")
# Months of each season (northern hemisphere, as TimeML reads them); winter starts in December of its year.
SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}
# A decade ("199") or century ("18"): a period, but too coarse to date a clause by.
COARSE = re.compile(r"^\d{2,3}$")


@dataclass(frozen=True, slots=True)
class Point:
    """A period of the calendar: the `grain`-sized period containing `date`."""

    date: dt.date
    grain: str = "day"
    season: str | None = None  # SP SU FA WI, for grain "season"
    time: str | None = None  # "10:00", "MO", "NI": a time of day, for grain "day"

    def value(self) -> str:
        d, g = self.date, self.grain
        if g == "day":
            return d.isoformat() + (f"T{self.time}" if self.time else "")
        if g in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "season":
            return f"{d.year:04d}-{self.season}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        return f"{d.year // 100:02d}"

    def at(self, grain: str) -> "Point":
        """The same point at another grain (a day of September 2013 at grain month is September 2013)."""
        return replace(self, grain=grain, time=self.time if grain == "day" else None)


_VALUE_FORMS = (
    (re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T(.+))?$"), "day"),
    (re.compile(r"^(\d{4})-W(\d\d)(-WE)?$"), "week"),
    (re.compile(r"^(\d{4})-(\d\d)$"), "month"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
    (re.compile(r"^(\d{2})$"), "century"),
)


def parse_value(value: str) -> Point | None:
    """The point a fully specified TIMEX3 value names; None for X-values, *_REF and durations."""
    for pattern, grain in _VALUE_FORMS:
        m = pattern.match(value)
        if not m:
            continue
        g = m.groups()
        try:
            if grain == "day":
                return Point(dt.date(int(g[0]), int(g[1]), int(g[2])), "day", time=g[3])
            if grain == "week":
                return Point(dt.date.fromisocalendar(int(g[0]), int(g[1]), 1), "weekend" if g[2] else "week")
            if grain == "month":
                return Point(dt.date(int(g[0]), int(g[1]), 1), "month")
            if grain == "season":
                return Point(dt.date(int(g[0]), SEASON_MONTHS[g[1]][0], 1), "season", season=g[1])
            if grain == "quarter":
                return Point(dt.date(int(g[0]), 3 * int(g[1]) - 2, 1), "quarter")
            if grain == "half":
                return Point(dt.date(int(g[0]), 6 * int(g[1]) - 5, 1), "half")
            if grain == "year":
                return Point(dt.date(int(g[0]), 1, 1), "year")
            if grain == "decade":
                return Point(dt.date(int(g[0]) * 10, 1, 1), "decade")
            return Point(dt.date(max(1, int(g[0]) * 100), 1, 1), "century")
        except ValueError:
            return None
    return None


def period(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the period a TIMEX3 value names (a winter runs into the next year); None when the
    value names no period of the calendar."""
    point = parse_value(value)
    if point is None:
        return None
    d, grain = point.date, point.grain
    if grain == "day":
        return d, d
    if grain in ("week", "weekend"):
        monday = d - dt.timedelta(days=d.weekday())
        return (monday + dt.timedelta(days=5) if grain == "weekend" else monday), monday + dt.timedelta(days=6)
    months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[grain]
    return d, add_months(d, months) - dt.timedelta(days=1)


def date_of(value: str) -> str | None:
    """The date a governing time gives what it governs: its value cut to the date ("2013-09-13T10:00" → "2013-09-13");
    None for a decade or century, too coarse to date a clause by."""
    return None if COARSE.match(value) else value.split("T")[0]


def add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day
