"""Calendar arithmetic on TIMEX3 values (newswire/timex.py, newswire/times/calendar.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from newswire import timex
from newswire.times import calendar as cal
from newswire.times.calendar import Point

D = dt.date(2013, 9, 13)  # a Friday


@pytest.mark.parametrize(
    "point, value",
    [
        (Point(D), "2013-09-13"),
        (Point(D, time="10:00"), "2013-09-13T10:00"),
        (Point(D, time="MO"), "2013-09-13TMO"),
        (Point(D, "week"), "2013-W37"),
        (Point(D, "weekend"), "2013-W37-WE"),
        (Point(D, "month"), "2013-09"),
        (Point(D, "quarter"), "2013-Q3"),
        (Point(D, "half"), "2013-H2"),
        (Point(D, "season", season="FA"), "2013-FA"),
        (Point(D, "year"), "2013"),
        (Point(D, "decade"), "201"),
        (Point(D, "century"), "20"),
    ],
)
def test_values_by_grain_round_trip(point, value):
    assert point.value() == value
    assert cal.parse_value(value).value() == value


@pytest.mark.parametrize("value", ["XXXX-WXX-5", "PRESENT_REF", "P1M", "2013-02-30", "XXXX-08-21"])
def test_parse_value_refuses_what_names_no_period(value):
    assert cal.parse_value(value) is None


@pytest.mark.parametrize(
    "unit, n, value",
    [("day", -2, "2013-09-11"), ("week", 1, "2013-09-20"), ("month", -1, "2013-08-13"), ("year", -1, "2012-09-13"),
     ("quarter", 2, "2014-03-13"), ("decade", -1, "2003-09-13")],
)  # fmt: skip
def test_shift(unit, n, value):
    assert cal.shift(Point(D), n, unit).date.isoformat() == value


def test_shift_by_months_keeps_the_day_inside_the_month():
    assert cal.add_months(dt.date(2013, 1, 31), 1) == dt.date(2013, 2, 28)
    assert cal.add_months(dt.date(2012, 12, 31), 2) == dt.date(2013, 2, 28)


def test_weekday_near():
    assert cal.weekday_near(D, 5, -1) == D  # the day itself
    assert cal.weekday_near(D, 5, -1, strict=True) == dt.date(2013, 9, 6)
    assert cal.weekday_near(D, 1, -1) == dt.date(2013, 9, 9)
    assert cal.weekday_near(D, 1, 1) == dt.date(2013, 9, 16)
    assert cal.weekday_near(D, 5, 1, strict=True) == dt.date(2013, 9, 20)


@pytest.mark.parametrize(
    "month, day, direction, year",
    [(8, 21, -1, 2013), (8, 21, 1, 2014), (8, 21, 0, 2013), (10, 1, -1, 2012), (10, 1, 0, 2013), (1, 5, 0, 2014),
     (3, 1, 0, 2014)],
)  # fmt: skip
def test_nearest_year(month, day, direction, year):
    assert cal.nearest_year(lambda y: dt.date(y, month, day), D, direction).year == year


def test_nearest_year_counts_a_period_under_way_as_current():
    start = cal.nearest_year(lambda y: dt.date(y, 9, 1), D, 1, period_end=cal.month_end)
    assert start == dt.date(2013, 9, 1)


def test_nth_weekday_and_easter():
    assert cal.nth_weekday(2013, 11, 4, 4) == dt.date(2013, 11, 28)  # Thanksgiving
    assert cal.nth_weekday(2013, 5, -1, 1) == dt.date(2013, 5, 27)  # Memorial Day
    assert [cal.easter(y) for y in (1998, 2013, 2024)] == [dt.date(1998, 4, 12), dt.date(2013, 3, 31), dt.date(2024, 3, 31)]


@pytest.mark.parametrize(
    "value, first, last",
    [
        ("2013-09-13T10:00", "2013-09-13", "2013-09-13"),
        ("2013-W37", "2013-09-09", "2013-09-15"),
        ("2013-W37-WE", "2013-09-14", "2013-09-15"),
        ("2013-02", "2013-02-01", "2013-02-28"),
        ("2013-WI", "2013-12-01", "2014-02-28"),  # a winter runs into the next year
        ("2013-Q4", "2013-10-01", "2013-12-31"),
        ("2013-H1", "2013-01-01", "2013-06-30"),
        ("2013", "2013-01-01", "2013-12-31"),
        ("199", "1990-01-01", "1999-12-31"),
        ("18", "1800-01-01", "1899-12-31"),
    ],
)
def test_period_gives_the_first_and_last_day_a_value_names(value, first, last):
    assert timex.period(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["XXXX-08", "PRESENT_REF", "P3D", "2013-02-30"])
def test_period_of_what_names_no_period_is_none(value):
    assert timex.period(value) is None
