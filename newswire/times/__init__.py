"""The `times` stage: time expressions, with TIMEX3 values normalised against the publication date.

`extract_times(doc, published=...)` finds the expressions (`find.py`: the
patterns of data/time_patterns.tsv, checked against the parse), and
normalises each in text order (`normalize.py`), reading relative ones
against the publication date or the time before them, in the direction the
governing verb's tense gives (`tense.py`); `calendar.py` does the date
arithmetic. `date_for(...)` gives later stages (quotes, events, figures) the
date of a clause.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from ..records import Time
from .find import find_times, tokens_of
from .context import Context
from .normalize import normalize
from .tense import governing_verb, is_clause_head

__all__ = ["extract_times", "date_for"]

# Values that can date a clause: a year or finer, possibly with a time of day or
# underspecified (X) digits; a decade ("199") or century ("18") is too coarse.
_DATE_VALUE = re.compile(r"^(?:\d{4}|XXXX)(?:-|$)")


def extract_times(doc: Doc, *, published: str | None = None) -> list[Time]:
    """The time expressions of a parsed article, in text order, ids T1, T2, ...

    published: the publication date (YYYY-MM-DD); None when unknown, and then
        relative expressions get underspecified values ("XXXX-WXX-5").
    """
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
    """The date of what the characters [start, end) of `doc` state (an event trigger, a quote's cue).

    The value of the DATE or TIME expression governing the clause that holds
    the span, cut to the date for a TIME ("2013-09-13T10:00" → "2013-09-13");
    else `published`. A time expression governs the span when, following the
    syntactic heads up from the expression:

    1. it reaches a token of the span before any verb: it modifies the span
       itself ("the August 21st attack" for the span "attack");
    2. else the first verb it reaches (the head of its clause) is the verb
       of the span's clause ("met Friday" for "met"; "said Thursday" for a
       quote cued by "said") — not a verb of a clause embedded in it ("said
       Thursday he will finalize" gives "finalize" no date from Thursday)
       nor of a clause above it;
    3. else that verb is the one the span's verb is conjoined to ("met
       Friday and discussed a plan" dates "discussed").

    The first of these that holds wins, and among equals the expression
    nearest the span. Vague values (PAST_REF, PRESENT_REF, FUTURE_REF), decades and
    centuries, durations and sets never govern.
    """
    span = tokens_of(doc, start, end)
    if span is None or not len(span):
        return published
    verb = span.root if is_clause_head(span.root) else governing_verb(span.root)
    best: tuple[tuple[int, int], str] | None = None
    for t, root in _dating_times(doc, times, span):
        rank = _governs(root, span, verb)
        if rank is None:
            continue
        key = (rank, min(abs(t.start - end), abs(start - t.end)))
        if best is None or key < best[0]:
            best = (key, t.value.split("T")[0])
    return best[1] if best else published


def _dating_times(doc: Doc, times: list[Time], span: Span) -> list[tuple[Time, Token]]:
    """The DATE and TIME expressions that may date `span`, with their head tokens, in the order of `times`.

    Only those in a sentence `span` touches: `_governs` follows syntactic heads, which never leave a sentence.
    The expressions are indexed by sentence once per doc and list of times.
    """
    cached = doc.user_data.get(_BY_SENTENCE)
    if cached is None or cached[0] is not times or cached[1] != len(times):
        by_sentence: dict[int, list[tuple[int, Time, Token]]] = {}
        for n, t in enumerate(times):
            if t.type not in ("DATE", "TIME") or not _DATE_VALUE.match(t.value):
                continue
            expression = tokens_of(doc, t.start, t.end)
            if expression is None or not len(expression):
                continue
            root = expression.root
            by_sentence.setdefault(root.sent.start, []).append((n, t, root))
        cached = doc.user_data[_BY_SENTENCE] = (times, len(times), by_sentence)
    by_sentence = cached[2]
    sent = span[0].sent
    found = list(by_sentence.get(sent.start, ()))
    while sent.end < span.end:
        sent = doc[sent.end].sent
        found += by_sentence.get(sent.start, ())
    if len(found) > 1:
        found.sort(key=lambda x: x[0])
    return [(t, root) for _, t, root in found]


_BY_SENTENCE = "newswire_dating_times"


def _governs(token: Token, span: Span, verb: Token | None) -> int | None:
    """How closely the time expression headed by `token` governs `span` (0 best), or None if it does not."""
    t = token
    while True:
        if span.start <= t.i < span.end:
            return 0
        if is_clause_head(t) or t.head.i == t.i:
            break
        t = t.head
    if verb is None or not is_clause_head(t):
        return None
    if t.i == verb.i:
        return 1
    if verb.dep_ == "conj" and verb.head.i == t.i:
        return 2
    return None
