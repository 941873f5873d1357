"""A city followed by a first-level division of one country only ("Birmingham, Ala.", "Paris, Texas") is in that
country (issue 13, session nineteen): the gazetteer's first city of the name (Birmingham GBR, Paris FRA) coded its
police, clinics and mayors.

Invented texts; cases it changes and near misses (no division; a division name that is also a country).
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.text.parse import parse


# --- "<city>, <first-level division>": the division's country, not the gazetteer's first city of the name


def codes(text: str) -> dict[str, str | None]:
    doc = parse(text)
    return {e.name: e.actor for e in extract_entities(doc)}


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("Police in Paris, Texas, arrested a man on Monday.", "Police", "USACOP"),
        ("The ministry opened a clinic in Birmingham, Ala., on Monday, officials said.", "clinic", "USAHLH"),
        ("Mayor Ann Lee of Manchester, N.H., said the police would return.", "Ann Lee", "USAGOV"),
    ],
)
def test_city_with_division_takes_its_country(text, name, code):
    assert codes(text)[name] == code


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("Police in Paris arrested a man on Monday.", "Police", "FRACOP"),  # no division after the city
        ("Police in Athens, Georgia, arrested a man on Monday.", "Police", None),  # Georgia may be the country
    ],
)
def test_city_without_one_country_division_unchanged(text, name, code):
    assert codes(text)[name] == code


@pytest.mark.parametrize(
    "text, name, code",
    [
        # a division given only at a later mention of the name may set apart another place: the earlier keeps its own
        ("Police in Birmingham said the streets were calm. The team played in Birmingham, Alabama, last year.",
         "Police", "GBRCOP"),
        # given at the first mention, it is the place of the later ones too
        ("Police in Birmingham, Alabama, arrested two men on Monday. Birmingham police said the men were armed.",
         "Birmingham police", "USACOP"),
    ],
)
def test_division_at_a_later_mention_leaves_the_earlier_alone(text, name, code):
    assert codes(text)[name] == code
