"""The `tone` stage: the article's tone, GDELT's AvgTone with the word counts it comes from.

Counted over the article's cleaned text: the parse sees removed spans
(boilerplate, a repeated body) as blanks, so their words do not count. Which
words are positive or negative is `newswire/lexicon/tone.py`'s (the quotes
stage scores each quote's content with the same function). What the figure
measures and what it does not: docs/tone.md.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .document import Document
from .lexicon.tone import tone_of
from .records import Tone

__all__ = ["extract_tone"]


def extract_tone(doc: Doc, *, context: Document | None = None) -> Tone:
    """The tone of a parsed article's words (its removed spans are blank in the parse, so left out).

    context: the document context (`pipeline.analyze_parsed` passes it); the tone reads only the doc.
    """
    return tone_of(doc)
