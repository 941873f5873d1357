"""Ranks and titled names (issues 13 and 14, session nineteen).

A grade of a rank ("Lieutenant General", "Vice Admiral", "Associate Justice") is the office of its last word: "the
general" later is that person, while "Vice President" and "Lieutenant Governor" stay other offices. A person's name
after a capitalised title that the parser leaves untagged ("Major General Ana Ruiz") is a person.

Invented texts; each rule has cases it changes and near misses.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.lexicon.agents import title_endings
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def speakers(text: str) -> list[str | None]:
    doc = parse(text)
    return [q.speaker_name for q in extract_quotes(doc, extract_entities(doc))]


def people(text: str) -> list[str]:
    doc = parse(text)
    return [e.name for e in extract_entities(doc) if e.type == "PERSON"]


@pytest.mark.parametrize(
    "text, said",
    [
        ("Lieutenant General James Holt visited the base on Monday. The new unit is ready, the general said.", "James Holt"),
        ("Vice Admiral Tom Hale spoke on Monday. The fleet is ready, the admiral said.", "Tom Hale"),
        ("Associate Justice Mary Lyle wrote the opinion. The law is clear, the justice said.", "Mary Lyle"),
        ("Lieutenant Colonel James Holt led the convoy. The road is open, the colonel said.", "James Holt"),
    ],
)
def test_graded_rank_is_its_office(text, said):
    assert speakers(text) == [said]


@pytest.mark.parametrize(
    "text, said",
    [
        ("Lieutenant Governor Mary Lyle spoke on Monday. The budget is fine, the governor said.", "the governor"),
        ("Vice President Mary Lyle spoke on Monday. The budget is fine, the president said.", "the president"),
        ("Lieutenant James Holt led the convoy. The road is open, the general said.", "the general"),
    ],
)
def test_another_office_stays_apart(text, said):
    assert speakers(text) == [said]


def test_title_endings_of_ranks():
    assert title_endings("lieutenant general") == ["lieutenant general", "general"]
    assert title_endings("vice president") == ["vice president"]
    assert title_endings("lieutenant governor") == ["lieutenant governor"]


def test_untagged_name_after_title_is_a_person():
    text = "Major General Ana Ruiz spoke on Monday. The new unit is ready, the general said."
    assert people(text) == ["Ana Ruiz"]
    assert speakers(text) == ["Ana Ruiz"]


def test_titled_name_ends_before_a_date():
    text = "Speaking to CNN Chief International Anchor Ingrid Tavernier Tuesday, the minister said talks would resume."
    assert people(text) == ["Ingrid Tavernier"]


@pytest.mark.parametrize(
    "text",
    [
        "General Motors said on Monday that sales rose.",  # no given name after the title word
        "Major General Ana Ruiz Says Talks Will Resume\n\nThe army said on Monday that talks would resume.",  # headline
    ],
)
def test_no_person_from_title_without_prose_name(text):
    assert "Ana Ruiz" not in people(text) and "Motors" not in people(text)



@pytest.mark.parametrize(
    "text, bad",
    [
        ("The injured were taken to King Edward Memorial Hospital in Mumbai on Monday.", "Edward Memorial Hospital"),
        ("Traders at Queen Victoria Market in Melbourne closed early on Friday.", "Victoria Market"),
        ("The research team stayed on King George Island for a month.", "George Island"),
    ],
)
def test_place_named_after_a_royal_is_no_person(text, bad):
    assert not any(bad in name for name in people(text))


def test_place_named_after_a_royal_does_not_speak_as_a_person():
    text = "Staff at King Edward Memorial Hospital treated the victims. All patients are stable, King Edward Memorial Hospital said."
    assert "Edward Memorial Hospital" not in speakers(text)


def test_titled_name_near_miss_still_a_person():
    # a title and a given name with a surname that is no place's head word stay a person
    assert "Ana Ruiz" in people("Major General Ana Ruiz inspected the troops at the border on Monday.")
