"""Checks of what a user gives that need neither the parser nor the HTML reader: length limits and dates.

Here, not in `read.py`, so that the corpus commands (`newswire query`, `sql`,
`serve`) can check a date or the CLI can show a limit without importing
spaCy or trafilatura.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import UsageError

# spaCy's own default `nlp.max_length`: above it spaCy warns that the parser and
# NER need roughly 1 GB of temporary memory per 100,000 characters (error E088).
# No single news article comes near it (PolNeAR, 924 articles: median 3,580
# characters, longest 33,672), so anything bigger is not one article.
MAX_CHARS = 1_000_000
# The parser may see up to this many characters (`nlp.max_length`, set by parse.py).
MAX_LENGTH = 2_000_000
# The most `max_chars` (--max-chars) may be: the longest text the parser takes.
# Above it a document that passed the read stage would fail in the parse with
# spaCy's E088.
LARGEST_MAX_CHARS = MAX_LENGTH

_ISO_DATE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
# ISO 8601's basic format, "20250305" or "20250305T101500Z": eight digits are one reading only (year, month, day).
_ISO_BASIC_DATE = re.compile(
    r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"
    r"(?:T(?:[01]\d|2[0-3])[0-5]\d(?:(?:[0-5]\d|60)(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?:\d{2})?)?)?",
    re.IGNORECASE,
)


def check_max_chars(max_chars: int) -> None:
    """A one-line `UsageError` unless 1 <= max_chars <= LARGEST_MAX_CHARS."""
    if not 1 <= max_chars <= LARGEST_MAX_CHARS:
        raise UsageError(
            f"--max-chars (max_chars) must be from 1 to {LARGEST_MAX_CHARS:,} characters, the longest text "
            f"the parser takes, not {max_chars:,}"
        )


def require_date(value: str, what: str) -> str:
    """`parse_date`, or a one-line `UsageError` naming `what` (an option, "published date")."""
    day = parse_date(value)
    if day is None:
        raise UsageError(f"{what} {value!r} is not a date; use YYYY-MM-DD or YYYYMMDD (or an ISO 8601 datetime)")
    return day


def parse_date(value: str) -> str | None:
    """`YYYY-MM-DD` for an ISO 8601 date or datetime string, extended or basic (its own date part), else None."""
    value = value.strip()
    if match := _ISO_DATE.fullmatch(value):
        day = match["date"]
    elif match := _ISO_BASIC_DATE.fullmatch(value):
        day = f"{match['year']}-{match['month']}-{match['day']}"
    else:
        return None
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:  # 2024-02-30
        return None
