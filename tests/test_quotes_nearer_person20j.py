"""A reporting "he"/"she" with a person it fits named nearer than the subject further back (issue 14, session
twenty): "John Smith said ... The flood destroyed the home of Peter Jones. He said ..." may be either man: the
pronoun is left unresolved (no speaker's name) rather than given to the previous speaker. A sentence naming no one
the pronoun fits, or only someone of the other gender, or naming the previous subject too, still lets it continue
the previous subject.

Invented texts.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def names(text: str) -> list[str | None]:
    doc = parse(text)
    return [q.speaker_name for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize(
    "text",
    [
        "John Smith said the dam would hold. The flood destroyed the home of Peter Jones on Monday. He said nobody had warned him.",
        'John Smith said the dam would hold. The flood destroyed the home of Peter Jones on Monday. "Nobody warned us," he said.',
    ],
)
def test_a_nearer_person_leaves_the_pronoun_open(text):
    assert names(text) == ["John Smith", None]


@pytest.mark.parametrize(
    "text",
    [
        "John Smith said the dam would hold. The flood destroyed the home of Mary Jones on Monday. He said nobody had warned him.",
        "John Smith said the dam would hold. Engineers had checked it twice. He said nobody had warned him.",
        "John Smith said the dam would hold. He visited Peter Jones on Monday. He said nobody had warned him.",
        # the subject mentioned again on the way: it goes on
        "John Smith said the dam would hold. Smith's house and the home of Peter Jones were flooded on Monday. He said nobody had warned him.",
    ],
)
def test_no_nearer_person_it_fits(text):
    assert names(text) == ["John Smith", "John Smith"]
