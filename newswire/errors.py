"""One hierarchy for every error newswire raises on purpose.

The CLI catches `NewswireError` once and prints its message as a single
"Error: ..." line; a corpus run stores the message as the document's reason.
Messages say what went wrong and, where there is one, what to do about it.
"""

from __future__ import annotations


class NewswireError(Exception):
    """Base class: a problem newswire detected and can explain in one line."""


class InputError(NewswireError):
    """The input cannot be analysed as given (empty, binary, malformed, ...)."""

    #: short machine-readable reason, stored with a failed document in a corpus run
    reason = "bad-input"


class EmptyInput(InputError):
    reason = "empty"


class BinaryInput(InputError):
    reason = "binary"


class EncodingError(InputError):
    reason = "encoding"


class TooLarge(InputError):
    reason = "too-large"


class MalformedInput(InputError):
    """Malformed HTML, JSON or WARC."""

    reason = "malformed"


class NotEnglish(InputError):
    reason = "not-english"


class UsageError(NewswireError):
    """A bad option value (a date that is not YYYY-MM-DD, an unknown format)."""


class StoreError(NewswireError):
    """The corpus database cannot be used: locked by another process, not a newswire store, unreadable."""


class QueryError(NewswireError):
    """A query the store cannot answer: bad SQL, a write in a read-only query."""


def first_line(err: BaseException, limit: int = 160) -> str:
    """An exception's message cut to its first line (its type's name when it has none), for one-line errors."""
    lines = str(err).strip().splitlines()
    return lines[0][:limit] if lines else type(err).__name__


def internal_error(err: BaseException) -> str:
    """What to say, in one line, of an exception newswire did not expect (a bug)."""
    return f"internal error: {type(err).__name__}: {first_line(err)}"
