"""A given name written after the family name and joined by a hyphen (issue 14, session nineteen).

"Moon Jae-in" is often tagged "Moon Jae": the small-letter word glued by a hyphen to a name of two words or more is
the rest of the given name, and the name runs on through it; "Mr Moon" later is that person. A participle or a word
that makes a modifier of a name ("a Donald Trump-backed candidate", "a Mary Ruiz-era rule") is no part of the name.

Invented texts; each case changed has near misses.
"""

from __future__ import annotations

import pytest

from test_entities19_ranks import people, speakers

from newswire.entities import extract_entities
from newswire.text.parse import parse


def test_hyphenated_given_name_is_the_speakers_name():
    text = 'President Moon Jae-in said the talks would go on. "We are ready," Mr Moon said.'
    assert speakers(text) == ["Moon Jae-in", "Moon Jae-in"]


def test_hyphenated_given_name_entity_offsets():
    text = "Officials met President Moon Jae-in on Monday."
    doc = parse(text)
    [moon] = [e for e in extract_entities(doc) if e.type == "PERSON"]
    assert moon.name == "Moon Jae-in"
    assert any(text[m.start : m.end] == "Moon Jae-in" for m in moon.mentions)


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Hillary Clinton-era rule was cut on Monday, officials said.", "Hillary Clinton"),
        ("A Donald Trump-backed candidate won the seat on Monday.", None),
    ],
)
def test_name_before_a_modifier_word_is_not_run_on(text, name):
    names = people(text)
    assert not any("-" in n for n in names)
    if name is not None:
        assert name in names
