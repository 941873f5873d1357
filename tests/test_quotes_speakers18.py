"""Speakers named by a title phrase, resolved to the full name the article gives (issue 14, session eighteen): a full
name closing an office's phrase, set off by a comma or after the place the office is of, is the speaker.

Invented texts; each rule has cases it changes and near misses that must stay as written.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def speakers(text: str) -> list[str | None]:
    doc = parse(text)
    return [q.speaker_name for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The head of the country's ruling military council, Colonel Amadou Kesse, called for calm on Sunday, "
         "saying the army would protect the capital.", "Amadou Kesse"),
        ("The senior envoy for Ruritania and Freedonia Martin Oakes said the talks would resume in May.", "Martin Oakes"),
    ],
)
def test_a_full_name_closing_an_office_phrase_is_the_speaker(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # a relation, not an office: the name is of someone else
        ("The daughter of President Amadou Kesse said the army would protect the capital.", "Amadou Kesse"),
        # the name after "for" and a title: the person the office serves
        ("The lawyer for Freedonia President Martin Oakes said the talks would resume in May.", "Martin Oakes"),
    ],
)
def test_a_name_the_office_is_of_is_not_the_speaker(text, absent):
    assert absent not in speakers(text)
