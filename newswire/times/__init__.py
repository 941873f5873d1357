"""The `times` stage: time expressions, with TIMEX3 values normalised against the publication date.

`extract_times(doc, published=...)` finds the expressions (`find.py`: the
patterns of data/time_patterns.tsv, checked against the parse), and
normalises each in text order (`normalize.py`), reading relative ones
against the publication date or the time before them, in the direction the
governing verb's tense gives (`tense.py`); `calendar.py` does the date
arithmetic. The later stages (quotes, events, figures) date a clause by
these expressions through the document context (`Document.date_for`;
`date_for(doc, ...)` here is the same for a caller that holds only the doc).
(`context.py` is this stage's own normalisation context, the times found so
far, not the document context.)
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from ..document import Document
from ..records import Time
from .find import find_times
from .context import Context
from .normalize import normalize

__all__ = ["extract_times", "date_for"]


def extract_times(doc: Doc, *, published: str | None = None, context: Document | None = None) -> list[Time]:
    """The time expressions of a parsed article, in text order, ids T1, T2, ...

    published: the publication date (YYYY-MM-DD); None when unknown, and then
        relative expressions get underspecified values ("XXXX-WXX-5").
    context: the document context (`newswire.document`; `pipeline.analyze_parsed`
        passes it).
    """
    _, published = Document.given(doc, context, published)
    ctx = Context(doc, dt.date.fromisoformat(published) if published else None, found=find_times(doc))
    times: list[Time] = []
    for found in ctx.found:
        resolved = normalize(found, ctx)
        if resolved is None:
            continue
        tid = f"T{len(times) + 1}"
        times.append(Time(tid, found.start, found.end, found.text, resolved.type, resolved.value, resolved.anchor))
        if resolved.point is not None and resolved.type in ("DATE", "TIME") and not resolved.comparison:
            ctx.remember(resolved.point, tid, found.start)
    return times


def date_for(doc: Doc, times: list[Time], start: int, end: int, *, published: str | None = None) -> str | None:
    """The date of what the characters [start, end) of `doc` state (an event trigger, a quote's cue): the value of
    the DATE or TIME expression governing the clause that holds the span, else `published`
    (`Document.date_for` says exactly what governs)."""
    return Document.of(doc).date_for(times, start, end, published=published)
