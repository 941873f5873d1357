"""Normalising: a found expression → its TIMEX3 type and value, and what it was resolved against.

Each pattern kind (the `kind` column of data/time_patterns.tsv) has one
function that reads the match's named groups: days and clock times in
`days.py`, calendar periods in `periods.py`, counted and shifted units in
`counts.py`. Relative expressions are resolved against the publication date
("Friday", "last month", "two days ago", "August 21st", "the 28th") or, for
words that point back into the story ("a week later", "the following day",
"that day", "the year-earlier quarter"), against the time expression before
them (`context.py`); the verb's tense picks the direction where the words do
not (`tense.py`). With no publication date a relative expression keeps an
underspecified value (`XXXX-WXX-5`, `XXXX-08-21`) rather than an invented one.
"""

from __future__ import annotations

from collections.abc import Callable

from . import counts, days, periods
from .context import Context, Resolved
from .find import Found

KINDS: dict[str, Callable[[Found, Context], Resolved | None]] = {**days.KINDS, **periods.KINDS, **counts.KINDS}


def normalize(found: Found, ctx: Context) -> Resolved | None:
    """The type and value of a found expression; None when it turns out not to name a time.

    An expression whose date falls outside the calendar Python can write
    (years 1 to 9999: "a million years ago") names no time here either.
    """
    try:
        return KINDS[found.rule.kind](found, ctx)
    except (ValueError, OverflowError):
        return None
