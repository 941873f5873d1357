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


@pytest.mark.parametrize(
    "text, absent",
    [
        # the name set off after a person the office serves: the name may be that person's (review of session 18)
        ("A lawyer for the jailed opposition leader, Daniel Okafor, said on Tuesday that the trial was a sham.", "Daniel Okafor"),
        ("An aide to the former president, Maria Kovacs, told reporters that the vote was rigged.", "Maria Kovacs"),
        ("The prosecutor in the case against the former minister, Maria Kovacs, said the evidence was strong.", "Maria Kovacs"),
        ("The judge in the trial of the opposition leader, Daniel Okafor, said the hearing would resume.", "Daniel Okafor"),
        ("The deputy to the party's leader, Maria Kovacs, said the vote was rigged.", "Maria Kovacs"),
        ("A senior adviser to Britain's prime minister, Maria Kovacs, said the talks would resume.", "Maria Kovacs"),
        ("A lawyer for the victim's mother, Maria Kovacs, said the trial was a sham.", "Maria Kovacs"),
        # a people or a party before the name: the name is of the person served
        ("An aide to Republican Maria Kovacs said the vote was rigged.", "Maria Kovacs"),
        ("A lawyer for Democrat Maria Kovacs said the trial was a sham.", "Maria Kovacs"),
        ("A lawyer for Briton Maria Kovacs said the trial was a sham.", "Maria Kovacs"),
        ("A lawyer for jailed Briton Maria Kovacs said the trial was a sham.", "Maria Kovacs"),
        # no full name closing the phrase
        ("The lawyer for the family, Ann Lee's brother, said the trial was a sham.", "Ann Lee"),
        ("The head of the council, which Ann Lee founded, said the vote was rigged.", "Ann Lee"),
        ("The envoy to Ann Lee's government said the talks would resume.", "Ann Lee"),
    ],
)
def test_a_name_after_the_person_served_is_not_the_speaker(text, absent):
    assert absent not in speakers(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the office is of a body or a place, a person noun only modifying it: the name is the office holder's
        ("The head of Guinea's ruling military junta, Colonel Mamady Doumbouya, said the army would protect the capital.", "Mamady Doumbouya"),
        ("Ruritania's envoy to Freedonia, Daniel Okafor, said the talks would resume.", "Daniel Okafor"),
        ("The chairman of the opposition party, Daniel Okafor, said the vote was rigged.", "Daniel Okafor"),
        ("The leader of the opposition, Daniel Okafor, said the vote was rigged.", "Daniel Okafor"),
        ("The head of the women's union, Maria Kovacs, said the vote was rigged.", "Maria Kovacs"),
        ("Britain's deputy prime minister, Maria Kovacs, said the talks would resume.", "Maria Kovacs"),
    ],
)
def test_a_name_after_the_body_an_office_is_of_is_the_speaker(text, expected):
    assert expected in speakers(text)


# --- a plural person noun before the comma name is not the person served: the name is the speaker's (review 18l)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("An adviser to the ministers, Tom Hale, said the plan would change.", "Tom Hale"),
        ("A lawyer for the two men, Ann Lee, said they would appeal.", "Ann Lee"),
    ],
)
def test_a_name_after_a_plural_person_noun_is_the_speaker(text, expected):
    assert expected in speakers(text)


def test_a_name_after_a_singular_person_noun_still_is_not():
    # held: one person served, the name set beside may be that person's
    assert "Ann Lee" not in speakers("An aide to the president, Ann Lee, said the trip was cancelled.")
