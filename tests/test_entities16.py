"""Session sixteen's entity rules (invented sentences): what a speaker says gives them no country, relation nouns
name another party, mass nouns are no bodies, state agencies and their short names, dateline places, and an
honorific's gender keeps a shared surname from the other person."""

from __future__ import annotations

import pytest

import newswire


def entities(text: str) -> dict[str, tuple[str | None, str | None, list[str]]]:
    a = newswire.analyze(text, published="2024-05-01")
    return {e.name: (e.country, e.actor, [m.text for m in e.mentions]) for e in a.entities}


@pytest.mark.parametrize("text, person", [
    ("Turkish officials met on Monday. Deputy Prime Minister Numan Kurtulmus said the bomber was a Syrian national.",
     "Numan Kurtulmus"),
    ("Talks began on Monday. Deputy Prime Minister Arvo Lind said the boats had strayed into Iranian waters.",
     "Arvo Lind"),
])
def test_a_country_word_in_what_a_titled_speaker_reports_is_not_the_speakers(text, person):
    country, actor, _ = entities(text)[person]
    assert country is None and actor is None


def test_a_place_in_what_is_reported_still_says_where_the_sentence_is():
    assert entities("Prosecutors said he drove through the Christmas market in Magdeburg.")["Prosecutors"][:2] == ("DEU", "DEUJUD")


def test_a_country_outside_the_reported_clause_still_codes_the_speaker():
    country, actor, _ = entities("In Ankara, Deputy Prime Minister Numan Kurtulmus said the bomber had been caught.")["Numan Kurtulmus"]
    assert (country, actor) == ("TUR", "TURGOV")


@pytest.mark.parametrize("text, person", [
    ("The talks went on since the seizure of Hugo Ramos, a longtime critic of the US, in May.", "Hugo Ramos"),
    ("Boris Petrov, Russia's closest ally in the region, arrived on Monday.", "Boris Petrov"),
    ("Hassan Karimi, an Iranian ally, arrived on Monday.", "Hassan Karimi"),
])
def test_a_relation_noun_in_apposition_names_the_other_party(text, person):
    country, actor, _ = entities(text)[person]
    assert country is None and actor is None


def test_a_country_word_on_an_ordinary_apposition_still_codes_the_person():
    assert entities("Hassan Karimi, an Iranian official, arrived on Monday.")["Hassan Karimi"][0] == "IRN"


def test_an_honorific_keeps_a_surname_from_a_person_of_the_other_gender():
    found = entities("John Grayson was arrested. His wife, Mary Grayson, said he was innocent. "
                     "Mrs. Grayson cried. Mr. Grayson smiled at the court.")
    assert found["John Grayson"][2].count("Grayson") == 1 and found["Mary Grayson"][2].count("Grayson") == 1


def test_a_surname_of_one_person_only_is_still_linked():
    found = entities("Police arrested Tom Baker on Monday. Baker denied the charges.")
    assert found["Tom Baker"][2] == ["Tom Baker", "Baker"]


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in newswire.analyze(text, published="2024-05-01").entities}


@pytest.mark.parametrize("text, name", [
    ("The suspects will face the full force of the law, he said.", "full force"),
    ("Police used deadly force against the crowd on Monday.", "deadly force"),
    ("The reform faced stiff opposition in parliament.", "stiff opposition"),
])
def test_a_mass_noun_reading_of_an_agent_noun_is_no_organisation(text, name):
    assert name not in types(text)


@pytest.mark.parametrize("text, name", [
    ("A UN force was sent to the island.", "UN force"),
    ("A force of 5,000 troops crossed the border on Monday.", "force"),
    ("The Syrian opposition met in Geneva.", "Syrian opposition"),
    ("He feared a clash between the navy and the forces of other countries.", "forces"),
])
def test_a_counted_or_modified_agent_noun_is_still_a_body(text, name):
    assert types(text).get(name) == "ORG"


def test_a_country_prefixed_state_agency_is_the_country_and_one_entity_with_its_short_name():
    found = entities("The U.S. Secret Service said on Monday it had been told. The Secret Service declined to comment.")
    assert found["U.S. Secret Service"][:2] == ("USA", "USA")
    assert "The Secret Service" in found["U.S. Secret Service"][2]


def test_a_company_named_after_a_country_is_still_no_state():
    assert entities("American Airlines cancelled 40 flights on Monday.")["American Airlines"][1] is None


def test_a_dateline_place_the_tagger_cut_in_two_is_one_place():
    found = entities("ST. LOUIS (AP) — A jury convicted a man on Monday.")
    assert "ST. LOUIS" in found and "ST" not in found and "LOUIS" not in found


@pytest.mark.parametrize("text, place, country", [
    ("Officials in St. Petersburg, Russia, said on Monday that talks would go on.", "St. Petersburg", "RUS"),
    ("ST. PETERSBURG, Russia — Officials said the talks went on.", "ST. PETERSBURG", "RUS"),
    ("Delegates from London, France and Germany met on Monday.", "London", "GBR"),
])
def test_a_place_followed_by_its_country_is_in_that_country(text, place, country):
    assert entities(text)[place][0] == country


def test_a_news_agency_named_after_a_country_is_no_state_agency():
    assert entities("The German Press Agency said 12 people were hurt.")["German Press Agency"][1] is None
