"""Normalising: a found expression → its TIMEX3 type and value, and what it was resolved against.

Each pattern kind (the `kind` column of data/time_patterns.tsv) has one
function here that reads the match's named groups. Relative expressions are
resolved against the publication date ("Friday", "last month", "two days
ago", "August 21st", "the 28th") or, for words that point back into the
story ("a week later", "the following day", "that day", "the year-earlier
quarter"), against the time expression before them; the verb's tense picks
the direction where the words do not (`tense.py`). With no publication date
a relative expression keeps an underspecified value (`XXXX-WXX-5`,
`XXXX-08-21`) rather than an invented one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from . import calendar as cal
from .calendar import Point
from .find import Found, tokens_of
from .grammar import (
    day_parts,
    fold,
    holidays,
    month_number,
    number_value,
    ordinal_value,
    references,
    seasons,
    shifts,
    units,
    weekday_number,
)
from .tense import NONE, PAST, direction, governing_verb

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
# Units too small to be a calendar period: "the past hour" is a duration, not a date.
CLOCK_UNITS = {"second", "minute", "hour"}


@dataclass(slots=True)
class Resolved:
    type: str
    value: str
    anchor: str | None = None  # "published", the id of an earlier time, or None
    point: Point | None = None  # the calendar period the value names, when it names one


@dataclass(slots=True)
class Context:
    """What relative expressions resolve against: the publication date and the times found so far."""

    doc: Doc
    published: dt.date | None
    history: list[tuple[Point, str, int]] = field(default_factory=list)  # (point, id, start offset), in text order

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


def normalize(found: Found, ctx: Context) -> Resolved | None:
    """The type and value of a found expression; None when it turns out not to name a time."""
    resolved = KINDS[found.rule.kind](found, ctx)
    if resolved is None:
        return None
    if found.rule.type != "DATE" and resolved.type == "DATE":
        resolved.type = found.rule.type
    return resolved


def tense_of(found: Found, ctx: Context) -> int:
    """The direction of the verb the expression is an adverbial of; NONE inside a noun phrase ("the August 21st attack")."""
    span = tokens_of(ctx.doc, found.start, found.end)
    if span is None or not len(span):
        return NONE
    verb = governing_verb(span.root)
    t = span.root
    while verb is not None and t.i != verb.i:
        if t.pos_ in ("NOUN", "PROPN", "PRON") and not span.start <= t.i < span.end:
            return NONE
        t = t.head
    return direction(verb)


def _with_time(point: Point | None, time: str | None, unknown: str) -> Resolved:
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


def _part(found: Found) -> str | None:
    part = found.groups.get("part")
    return day_parts().get(fold(part)) if part else None


# --- days and clock times -----------------------------------------------------------


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
    point, anchor, unknown = _day_of(found, ctx)
    resolved = _with_time(point, time, unknown)
    resolved.anchor = anchor
    return resolved


def _day_of(found: Found, ctx: Context) -> tuple[Point | None, str | None, str]:
    """The day a clock time is on: a named day, weekday or date next to it, else the publication date."""
    g = found.groups
    if "ref" in g:
        offset = references()[fold(g["ref"])][0]
        return _published_plus(ctx, int(offset))
    if "weekday" in g:
        return _weekday_point(found, ctx, weekday_number(g["weekday"]) or 1, None)
    if "month" in g:
        date = _month_day(found, ctx)
        return date.point, date.anchor, date.value if date.point is None else ""
    if ctx.published:
        return Point(ctx.published), "published", ""
    return None, None, "XXXX-XX-XX"


def _published_plus(ctx: Context, days: int) -> tuple[Point | None, str | None, str]:
    if ctx.published is None:
        return None, None, "XXXX-XX-XX"
    return Point(ctx.published + dt.timedelta(days=days)), "published", ""


def _weekday_point(found: Found, ctx: Context, weekday: int, shift: str | None) -> tuple[Point | None, str | None, str]:
    if ctx.published is None:
        return None, None, f"XXXX-WXX-{weekday}"
    ref = ctx.published
    if shift is None:
        toward = tense_of(found, ctx)
        date = cal.weekday_near(ref, weekday, 1 if toward > 0 else -1)
    else:
        step, _ = shifts()[shift]
        if step == 0:
            date = ref + dt.timedelta(days=weekday - ref.isoweekday())  # "this Friday": in this week
        else:
            date = cal.weekday_near(ref, weekday, step, strict=True)
    return Point(date), "published", ""


def _weekday(found: Found, ctx: Context) -> Resolved:
    g = found.groups
    shift = fold(g["shift"]) if "shift" in g else None
    point, anchor, unknown = _weekday_point(found, ctx, weekday_number(g["weekday"]) or 1, shift)
    resolved = _with_time(point, _part(found), unknown)
    resolved.anchor = anchor
    return resolved


def _ref(found: Found, ctx: Context) -> Resolved:
    value, part = references()[fold(found.groups["ref"])]
    if value.endswith("_REF"):
        return Resolved("DATE", value)
    point, anchor, unknown = _published_plus(ctx, int(value))
    resolved = _with_time(point, _part(found) or part or None, unknown)
    resolved.anchor = anchor
    return resolved


def _part_rel(found: Found, ctx: Context) -> Resolved:
    back = fold(found.groups["shift"]) == "last"
    point, anchor, unknown = _published_plus(ctx, -1 if back else 0)
    resolved = _with_time(point, _part(found), unknown)
    resolved.anchor = anchor
    return resolved


# --- calendar dates -----------------------------------------------------------------


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
    date = cal.nearest_year(lambda y: cal.safe_date(y, month, day), ctx.published, tense_of(found, ctx))
    return Resolved("DATE", date.isoformat(), "published", Point(date))


def _numeric(found: Found, ctx: Context) -> Resolved | None:
    date = parse_absolute(found.groups["numeric"])
    return Resolved("DATE", date.isoformat(), None, Point(date)) if date else None


@cache
def parse_absolute(text: str) -> dt.date | None:
    """An absolute numeric date ("08/21/2013", "2013-08-21"), month first as in US news; None if invalid."""
    import dateparser  # imported here: only numeric dates need it, and it is slow to import

    parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _month(found: Found, ctx: Context) -> Resolved:
    month = month_number(found.groups["month"]) or 1
    if ctx.published is None:
        return Resolved("DATE", f"XXXX-{month:02d}")
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
        return cal.nearest_year(make, ref, tense_of(found, ctx), period_end=end_of)
    step, _ = shifts()[shift]
    options = [d for d in (make(ref.year + k) for k in (-2, -1, 0, 1, 2)) if d is not None]
    if step < 0:
        return max((d for d in options if end_of(d) < ref), default=options[0])
    if step > 0:
        return min((d for d in options if d > ref), default=options[-1])
    return make(ref.year) or options[0]


def _year(found: Found, ctx: Context) -> Resolved:
    year = int(found.groups["year"])
    return Resolved("DATE", f"{year:04d}", None, Point(dt.date(year, 1, 1), "year"))


def _decade(found: Found, ctx: Context) -> Resolved:
    text = fold(found.groups["decade"])
    if text[0].isdigit() and len(text) == 5:  # "1990s"
        decade = int(text[:3])
    else:
        tens = int(text[1]) if text[0] == "'" else _DECADE_WORDS[text]
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
    g = found.groups
    q = ordinal_value(g["quarter"]) or 1
    if "year" in g:
        year = int(g["year"])
        anchor = None
    elif ctx.published is None:
        return Resolved("DATE", f"XXXX-Q{q}")
    else:
        anchor = "published"
        ref = ctx.published
        current = (ref.month - 1) // 3 + 1
        year = ref.year
        if "yshift" in g:
            year += shifts()[fold(g["yshift"])][0]
        else:
            toward = tense_of(found, ctx)
            if toward == PAST and q > current:
                year -= 1
            elif toward > 0 and q < current:
                year += 1
    point = Point(dt.date(year, 3 * q - 2, 1), "quarter")
    return Resolved("DATE", point.value(), anchor, point)


def _quarter_ref(found: Found, ctx: Context) -> Resolved:
    """"the quarter": the quarter last named in the story, else the last quarter ended before publication."""
    for point, tid, _ in reversed(ctx.history):
        if point.grain == "quarter":
            return Resolved("DATE", point.value(), tid, point)
    if ctx.published is None:
        return Resolved("DATE", "XXXX-QX")
    point = cal.shift(Point(ctx.published, "quarter"), -1, "quarter")
    return Resolved("DATE", point.value(), "published", point)


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


def _day_of_month(found: Found, ctx: Context) -> Resolved | None:
    """"the 28th": in the month of a date named earlier in the sentence, else the publication month."""
    day = ordinal_value(found.groups["day"])
    if day is None or not 1 <= day <= 31:
        return None
    sentence = tokens_of(ctx.doc, found.start, found.end).sent
    for point, tid, start in reversed(ctx.history):
        if start >= sentence.start_char and point.grain in ("day", "month"):
            date = cal.safe_date(point.date.year, point.date.month, day)
            return Resolved("DATE", date.isoformat(), tid, Point(date)) if date else None
    if ctx.published is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}")
    date = cal.safe_date(ctx.published.year, ctx.published.month, day)
    return Resolved("DATE", date.isoformat(), "published", Point(date)) if date else None


# --- counted and shifted units ------------------------------------------------------------


def _unit(found: Found) -> str:
    return units()[fold(found.groups["unit"])]


def _relative(found: Found, ctx: Context) -> Resolved:
    """"last month", "this week", "next year", "the following day", "the previous quarter"."""
    g = found.groups
    unit = "weekend" if fold(g["unit"]) == "weekend" else _unit(found)
    word = fold(g["shift"])
    step, anchor_kind = shifts()[word]
    if unit in CLOCK_UNITS:
        letter, size, _ = DURATION_UNITS[unit]
        return Resolved("DURATION", f"PT{size}{letter}")
    back = anchor_kind == "previous" or (word == "next" and fold(ctx.doc.text[found.start : found.end]).startswith("the"))
    base, anchor = ctx.base(back=back)
    grain = cal.UNIT_GRAIN[unit]
    if base is None:
        return Resolved("DATE", cal.UNKNOWN[grain])
    point = cal.shift(base.at(grain), step, unit)
    if unit == "weekend":
        point = Point(point.date, "weekend")
    return Resolved("DATE", point.value(), anchor, point)


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
    unit = _unit(found)
    word = fold(g["dir"])
    sign = -1 if word in ("ago", "earlier", "before", "back") else 1
    n = number_value(g["num"])
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    back = word in ("earlier", "later", "before", "after")
    base, anchor = ctx.base(back=back)
    if unit in CLOCK_UNITS:
        if base is None:
            return Resolved("DATE", "XXXX-XX-XX")
        return Resolved("DATE", base.at("day").value(), anchor, base.at("day"))
    grain = "year" if unit in ("decade", "century") else cal.UNIT_GRAIN[unit]  # "a decade ago": 2003
    if base is None:
        return Resolved("DATE", cal.UNKNOWN[grain])
    if anchor == "published":
        base = base.at(grain)
    point = cal.shift(base, sign * round(n), unit)
    return Resolved("DATE", point.value(), anchor, point)


def _year_earlier(found: Found, ctx: Context) -> Resolved:
    """"the year-earlier quarter", "a year-ago period": the time before it, one year back."""
    base, anchor = ctx.base(back=True)
    if base is None:
        return Resolved("DATE", "XXXX")
    if anchor == "published":
        base = base.at("year")
    point = cal.shift(base, -1, "year")
    return Resolved("DATE", point.value(), anchor, point)


def _anaphoric(found: Found, ctx: Context) -> Resolved | None:
    """"that day", "the same week", "that morning": the time before it, at that grain."""
    previous = ctx.previous()
    if previous is None:
        return None
    point, tid = previous
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
    n = number_value(g["num"]) if "num" in g else None
    if n is not None and ("andhalf" in g or "halfafter" in g):
        n += 0.5
    return Resolved("DURATION", duration_value(n, _unit(found)))


def _set(found: Found, ctx: Context) -> Resolved:
    g = found.groups
    if "set" in g:
        return Resolved("SET", SET_WORDS[fold(g["set"])])
    if "weekday" in g:
        day = weekday_number(re.sub(r"s$", "", g["weekday"])) or 1
        part = _part(found)
        return Resolved("SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else ""))
    n = number_value(g["num"]) if "num" in g else 1
    if "other" in fold(ctx.doc.text[found.start : found.end]).split():
        n = (n or 1) * 2
    return Resolved("SET", duration_value(n or 1, _unit(found)))


KINDS: dict[str, Callable[[Found, Context], Resolved | None]] = {
    "clock": _clock,
    "date": _date,
    "numeric": _numeric,
    "weekday": _weekday,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "half": _half,
    "season": _season,
    "holiday": _holiday,
    "ref": _ref,
    "part_rel": _part_rel,
    "relative": _relative,
    "weekend": _weekend,
    "offset": _offset,
    "year_earlier": _year_earlier,
    "duration": _duration,
    "set": _set,
    "day_of_month": _day_of_month,
    "anaphoric": _anaphoric,
}
