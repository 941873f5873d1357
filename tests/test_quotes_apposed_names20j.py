"""A full name in apposition inside the speaker's phrase, when the tagger names no one (issue 14, session twenty):
"The union's head, Ana Ruiz, said" is named "Ana Ruiz", not the whole phrase; "A spokesman for the union, Ana Ruiz"
likewise, not "union". A name that may be of the one served ("a lawyer for the victim's mother, Maria Kovacs") or
no person's ("the group's leader, Greenpeace Asia") is not taken so.

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
    "text, name",
    [
        ("The union's head, Ana Ruiz, said the strike would go on.", "Ana Ruiz"),
        ('"We will not stop," said the union\'s head, Ana Ruiz.', "Ana Ruiz"),
        ("A spokesman for the union, Ana Ruiz, said the strike would go on.", "Ana Ruiz"),
    ],
)
def test_the_apposed_full_name_is_the_speakers(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text, absent",
    [
        ("A lawyer for the victim's mother, Maria Kovacs, said the trial was a sham.", "Maria Kovacs"),
        ("A spokesman for the union said the strike would go on.", None),
    ],
)
def test_a_name_that_may_be_of_another_or_none(text, absent):
    assert absent not in names(text)
