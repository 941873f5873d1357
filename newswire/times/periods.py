"""Normalising calendar periods: months, years, decades, centuries, quarters, halves, seasons, holidays.

A month, season or holiday without a year follows its shift word ("last
April": the latest one ended before publication) or else the tense. Quarters
follow financial reporting: "the third quarter" is the last one begun by
publication (in a future clause, possibly the one just ended); "the quarter"
and "the latest period" are the last one ended; "the 1988 quarter" is that
year's quarter of the one the story reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import calendar as cal
from .calendar import Point
from .context import FUTURE_BIAS, Context, Resolved, tense_of
from .find import Found
from .grammar import fold, holidays, month_number, number_value, ordinal_value, seasons, shifts

def _month(found: Found, ctx: Context) -> Resolved:
    month = month_number(found.groups["month"]) or 1
    if ctx.published is None:
        return Resolved("DATE", f"XXXX-{month:02d}")
    if "yshift" in found.groups:  # "June last year"
        year = ctx.published.year + shifts()[fold(found.groups["yshift"])][0]
        return Resolved("DATE", f"{year:04d}-{month:02d}", "published", Point(dt.date(year, month, 1), "month"))
    shift = fold(found.groups["shift"]) if "shift" in found.groups else None
    date = _occurrence(lambda y: dt.date(y, month, 1), cal.month_end, ctx.published, found, ctx, shift)
    return Resolved("DATE", f"{date.year:04d}-{month:02d}", "published", Point(date, "month"))


def _occurrence(
    make: Callable[[int], dt.date | None],
    end_of: Callable[[dt.date], dt.date],
    ref: dt.date,
    found: Found,
    ctx: Context,
    shift: str | None,
) -> dt.date:
    """The yearly period (a month, a season, a holiday) meant: by the shift word if any, else by the tense."""
    if shift is None:
        return cal.nearest_year(make, ref, tense_of(found, ctx), period_end=end_of, bias=FUTURE_BIAS)
    step, _ = shifts()[shift]
    options = [d for d in (make(ref.year + k) for k in (-2, -1, 0, 1, 2)) if d is not None]
    if step < 0:  # "last April" in October: this year's
        return max((d for d in options if end_of(d) < ref), default=options[0])
    if step > 0:
        return min((d for d in options if d > ref), default=options[-1])
    return make(ref.year) or options[0]


def _year(found: Found, ctx: Context) -> Resolved:
    g = found.groups
    if "shortyear" in g:  # "'98": the year of that number nearest before the publication year
        last_two = int(g["shortyear"][1:])
        now = ctx.published.year if ctx.published else 2000
        year = now - (now - last_two) % 100
    elif "spoken" in g:  # "nineteen ninety-six"
        year = 1900 + int(number_value(g["spoken"].split(None, 1)[1]) or 0)
    elif "spoken2000" in g:  # "the year two thousand (and) one"
        rest = fold(g["spoken2000"]).removeprefix("two thousand").removeprefix(" and").strip()
        year = 2000 + int(number_value(rest) or 0 if rest else 0)
    else:
        year = int(found.groups["year"])
    return Resolved("DATE", f"{year:04d}", None, Point(dt.date(year, 1, 1), "year"))


def _decade(found: Found, ctx: Context) -> Resolved:
    text = fold(found.groups["decade"])
    if text[0].isdigit() and len(text) == 5:  # "1990s"
        decade = int(text[:3])
    else:
        tens = int(text[-3]) if text[-3].isdigit() else _DECADE_WORDS[text]  # "'80s", "80s", "eighties"
        century = (ctx.published.year // 100) if ctx.published else 19
        decade = century * 10 + tens
        if ctx.published and decade * 10 > ctx.published.year:
            decade -= 10  # "the '90s" written in 2013 are the 1990s
    return Resolved("DATE", f"{decade:03d}", None, Point(dt.date(decade * 10, 1, 1), "decade"))


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


def _century(found: Found, ctx: Context) -> Resolved | None:
    n = ordinal_value(found.groups["century"])
    if n is None or not 1 <= n <= 30:
        return None
    return Resolved("DATE", f"{n - 1:02d}", None, Point(dt.date(max(1, (n - 1) * 100), 1, 1), "century"))


def _quarter(found: Found, ctx: Context) -> Resolved:
    """"the third quarter": of the year given, else the last one begun by publication.

    A future clause may also mean the quarter just ended, whose results are
    still to come ("expects to report a profit for the third quarter" in
    October), or a later one ("a rebound in the first quarter").
    """
    g = found.groups
    q = 4 if fold(g["quarter"]) == "final" else ordinal_value(g["quarter"]) or 1
    back = 1 if "yearago" in g else 0
    if "year" in g:
        point = Point(dt.date(int(g["year"]) - back, 3 * q - 2, 1), "quarter")
        return Resolved("DATE", point.value(), None, point)
    if ctx.published is None:
        return Resolved("DATE", f"XXXX-Q{q}")
    ref = ctx.published
    if "yshift" in g:
        year = ref.year + shifts()[fold(g["yshift"])][0]
    else:
        starts = [dt.date(y, 3 * q - 2, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if tense_of(found, ctx) > 0:
            just_ended = cal.shift(Point(ref, "quarter"), -1, "quarter").date
            threshold = dt.date(just_ended.year, just_ended.month - (just_ended.month - 1) % 3, 1)
            year = min(d for d in starts if d >= threshold).year
        else:
            year = max(d for d in starts if d <= ref).year
    point = Point(dt.date(year - back, 3 * q - 2, 1), "quarter")
    return Resolved("DATE", point.value(), "published", point)


def last_quarter(ctx: Context) -> tuple[Point, str] | None:
    """The quarter a financial report is about: the last one ended before publication."""
    if ctx.published is None:
        return None
    return cal.shift(Point(ctx.published, "quarter"), -1, "quarter"), "published"


def _quarter_ref(found: Found, ctx: Context) -> Resolved:
    """"the quarter", "the latest quarter": the last quarter ended before publication."""
    latest = last_quarter(ctx)
    if latest is None:
        return Resolved("DATE", "XXXX-QX")
    point, anchor = latest
    return Resolved("DATE", point.value(), anchor, point)


def _year_period(found: Found, ctx: Context) -> Resolved:
    """"the 1988 quarter", "the 1989 period": that year's quarter of the one the report is about."""
    year = int(found.groups["year"])
    latest = story_quarter(ctx) or last_quarter(ctx)
    if latest is None or (fold(found.groups["unit"]) == "period" and story_quarter(ctx) is None):
        point = Point(dt.date(year, 1, 1), "year")
        return Resolved("DATE", point.value(), None, point)
    quarter, anchor = latest
    point = Point(dt.date(year, quarter.date.month, 1), "quarter")
    return Resolved("DATE", point.value(), anchor, point)


def story_quarter(ctx: Context) -> tuple[Point, str] | None:
    """The last quarter named before, if any."""
    return ctx.last_of_grain.get("quarter")


def _half(found: Found, ctx: Context) -> Resolved:
    first = fold(found.groups["half"]) == "first"
    point = Point(dt.date(int(found.groups["year"]), 1 if first else 7, 1), "half")
    return Resolved("DATE", point.value(), None, point)


def _season(found: Found, ctx: Context) -> Resolved:
    g = found.groups
    code = seasons()[fold(g["season"])]
    start_month = cal.SEASON_MONTHS[code][0]
    if "year" in g:
        point = Point(dt.date(int(g["year"]), start_month, 1), "season", season=code)
        return Resolved("DATE", point.value(), None, point)
    if ctx.published is None:
        return Resolved("DATE", f"XXXX-{code}")
    shift = fold(g["shift"]) if "shift" in g else None
    date = _occurrence(lambda y: dt.date(y, start_month, 1), _season_end, ctx.published, found, ctx, shift)
    point = Point(date, "season", season=code)
    return Resolved("DATE", point.value(), "published", point)


def _season_end(start: dt.date) -> dt.date:
    return cal.month_end(cal.add_months(start, 2))


def _holiday(found: Found, ctx: Context) -> Resolved | None:
    g = found.groups
    rule = holidays().get(fold(g["holiday"]))
    if rule is None:
        return None
    if "year" in g:
        date = holiday_date(rule, int(g["year"]))
        return Resolved("DATE", date.isoformat(), None, Point(date))
    if "yshift" in g and ctx.published:  # "Christmas last year"
        date = holiday_date(rule, ctx.published.year + shifts()[fold(g["yshift"])][0])
        return Resolved("DATE", date.isoformat(), "published", Point(date))
    if ctx.published is None:
        fixed = re.fullmatch(r"(\d\d)-(\d\d)", rule)
        return Resolved("DATE", f"XXXX-{rule}" if fixed else "XXXX-XX-XX")
    shift = fold(g["shift"]) if "shift" in g else None
    date = _occurrence(lambda y: holiday_date(rule, y), lambda d: d, ctx.published, found, ctx, shift)
    return Resolved("DATE", date.isoformat(), "published", Point(date))


def holiday_date(rule: str, year: int) -> dt.date:
    """The date of a holiday in a year, from its rule in data/holidays.tsv."""
    if rule.startswith("easter"):
        return cal.easter(year) + dt.timedelta(days=int(rule[len("easter") :]))
    if ":" in rule:
        month, n, weekday = (int(x) for x in rule.split(":"))
        return cal.nth_weekday(year, month, n, weekday)
    month, day = (int(x) for x in rule.split("-"))
    return dt.date(year, month, day)


KINDS: dict[str, Callable[[Found, Context], Resolved | None]] = {
    "month": _month,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "year_period": _year_period,
    "half": _half,
    "season": _season,
    "holiday": _holiday,
}
