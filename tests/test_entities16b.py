"""The review of session sixteen's entity rules (invented sentences): a body's name without its country word is not
another country's body, an honorific's gender sends a shared surname to the right person even when a given name is of
either sex, "<place>, <country>" only when the country ends the place's phrase, and a dropped country word in what a
speaker reports leaves the speaker no country."""

from __future__ import annotations

import pytest

import newswire


def analyze(text: str):
    return newswire.analyze(text, published="2024-05-01")


def entities(text: str) -> dict[str, tuple[str | None, str | None, list[str]]]:
    return {e.name: (e.country, e.actor, [m.text for m in e.mentions]) for e in analyze(text).entities}


def quoted(text: str) -> dict[str, str]:
    """Each quote's first words → its speaker's name."""
    return {q.content.text.split()[0]: q.speaker_name for q in analyze(text).quotes}


@pytest.mark.parametrize(
    "text, long_name, long_code",
    [
        ("The Chinese Foreign Ministry criticized the trip on Monday. Russia's Foreign Ministry said Moscow backed the talks.",
         "Chinese Foreign Ministry", "CHN"),
        ("Russia's Foreign Ministry called the trip a provocation. The Chinese Foreign Ministry said it would answer.",
         "Chinese Foreign Ministry", "CHN"),
        ("The Turkish Defense Ministry shelled the border. Syria's Defense Ministry said the strikes killed soldiers.",
         "Turkish Defense Ministry", "TUR"),
    ],
)
def test_a_body_with_its_own_country_word_is_not_another_countrys(text, long_name, long_code):
    found = entities(text)
    assert found[long_name][0] == long_code
    assert not any(m in ("Foreign Ministry", "Defense Ministry") for m in found[long_name][2])


def test_a_short_name_the_gazetteer_knows_as_another_body_stays_apart():
    found = entities("The American Red Cross sent blankets to Ohio. The Red Cross said it would help refugees in Chad.")
    assert found["American Red Cross"][2] == ["The American Red Cross"]


def test_a_short_name_without_a_country_word_is_still_the_body():
    found = entities("The U.S. Secret Service arrested a man on Friday. The Secret Service said he was armed.")
    assert found["U.S. Secret Service"][2] == ["The U.S. Secret Service", "The Secret Service"]


@pytest.mark.parametrize(
    "text, her, him",
    [
        ("Kim Nolan and her brother Mark Nolan ran the shop. Ms. Nolan said sales rose. Mr. Nolan said costs rose.",
         "Kim Nolan", "Mark Nolan"),
        ("Chris Dunmore and her husband David Dunmore own the farm. Mrs. Dunmore said rain fell. Mr. Dunmore said prices fell.",
         "Chris Dunmore", "David Dunmore"),
    ],
)
def test_an_honorific_given_to_a_person_of_either_sexs_name_keeps_the_other_honorific_away(text, her, him):
    speakers = quoted(text)
    assert speakers["sales" if "sales" in speakers else "rain"] == her
    assert speakers["costs" if "costs" in speakers else "prices"] == him


def test_a_mr_with_one_man_of_the_surname_still_goes_to_him():
    assert quoted("Kim Nolan ran the shop with Mark Nolan. Mr. Nolan said sales rose.")["sales"] == "Mark Nolan"
