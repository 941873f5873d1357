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


def test_a_headlines_words_are_no_apposition_giving_a_country():
    # "held in Gaza slam Netanyahu": the parser hangs the name on "slam", with "Gaza" as its modifier; a headline's
    # words are terse and misparsed, and gave a known Israeli leader a Palestinian code (session nineteen's judge)
    import newswire

    text = (
        "Families of prisoners held in Gaza slam Netanyahu for leaving deal out of speech\n\n"
        "Families of prisoners condemned Benjamin Netanyahu's speech to Congress, as pressure grows on the Israeli "
        "prime minister to agree to a deal."
    )
    found = {e.name: e.actor for e in newswire.analyze(text, published="2024-07-25").entities}
    assert found.get("Benjamin Netanyahu") == "ISRGOV"
    # near miss: an apposition in prose still gives its country
    prose = "Omar Haddad, a Lebanese official, said the border was calm."
    found = {e.name: e.country for e in newswire.analyze(prose, published="2024-07-25").entities}
    assert found.get("Omar Haddad") == "LBN"
