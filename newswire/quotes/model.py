"""Working types of the quotes stage (internal; the output is `records.Quote`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..document import Document
from .frames import Frame
from ..text.marks import Quoted, find_quoted, starts_statement

# Characters trimmed from both ends of a content span.
_TRIM = " \t\n\u00a0,;:—–-"


@dataclass(slots=True)
class Passage:
    """A quoted passage in token terms."""

    quoted: Quoted
    tokens: set[int]  # tokens inside the marks
    words: set[int]  # the tokens that are words
    first: int  # first token inside
    last: int  # last token inside
    standalone: bool  # opens a sentence, a paragraph or a clause
    used: bool = False


@dataclass(slots=True)
class Found:
    """A quote found, before it becomes a record."""

    type: str
    start: int  # content, in characters
    end: int
    frame: Frame | None
    speaker: Token | None = None
    inherited_from: Found | None = None
    last_token: int = 0
    # a quotation signed after its closing mark ("“...” ― Ann Lee"): the name's `[start, end)` tokens, or an empty
    # range when the signature names no one the stage knows; a signed quotation passes its speaker to no other
    signature: tuple[int, int] | None = None


def doc_text(doc: Doc) -> str:
    """The doc's text, built once per document (`Document.text`: spaCy joins every token's text each time it is asked)."""
    return Document.of(doc).text


def find_passages(doc: Doc) -> list[Passage]:
    """The quoted passages of the doc (`marks.find_quoted`) with their tokens."""
    text = doc_text(doc)
    out = []
    for q in find_quoted(text):
        span = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tokens = set(range(span.start, span.end))
        words = {i for i in tokens if not (doc[i].is_punct or doc[i].is_space)}
        if words:
            out.append(Passage(q, tokens, words, span.start, span.end - 1, starts_statement(text, q.start)))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` without spaces and separating punctuation at either end."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def direct(doc: Doc, p: Passage, frame: Frame | None) -> Found:
    """A direct quote: the text inside the passage's marks."""
    start, end = trim(doc_text(doc), p.quoted.inner_start, p.quoted.inner_end)
    return Found("direct", start, end, frame, frame.subject if frame else None, last_token=p.last)
