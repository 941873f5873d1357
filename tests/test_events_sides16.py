"""Event sides (issue 13, session sixteen): a place, an occasion or a nearby mention is not a side the text gives."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str):
    return newswire.analyze(text, published="2020-01-01").events


def _sides(ev) -> tuple[str | None, str | None]:
    return (ev.source.actor if ev.source else None, ev.target.actor if ev.target else None)


def test_a_clause_reported_at_an_occasion_is_not_aimed_at_the_occasion():
    # the parser hangs "that he opposed ..." on "briefing" as a relative clause
    found = _events("The general said at a Pentagon briefing that he opposed deploying troops.")
    assert all((ev.target.text if ev.target else "") != "Pentagon" for ev in found)


def test_an_occasion_a_verb_of_saying_does_not_govern_can_still_be_a_patient():
    # a real relative clause: the rebels boycotted the conference the UN organised (no side from the rule's skip)
    for ev in _events("The rebels boycotted the conference that the UN organised in Geneva."):
        assert ev.target is None or ev.target.text != "that"


def test_where_a_side_spoke_from_is_not_the_other_side():
    found = _events("The foreign minister spoke by phone from Peru with the president on Tuesday.")
    assert all((_sides(ev)[1] or "")[:3] != "PER" for ev in found)


@pytest.mark.parametrize(
    "text, target",
    [
        ("The French foreign minister spoke by phone with Peru on Tuesday.", "PER"),  # a talk with a country keeps it
        ("The French minister traveled to Kenya with the German minister.", "KEN"),  # who travels along is not visited
        ("The French minister met with the German minister in Kenya.", "DEU"),  # a meeting with someone still is
    ],
)
def test_whom_a_talk_or_trip_is_with(text, target):
    found = [ev for ev in _events(text) if ev.plover == "CONSULT"]
    assert found and all((_sides(ev)[1] or "")[:3] == target for ev in found)


def test_a_country_word_on_allies_names_no_side_without_a_possessor():
    for ev in _events("Iranian allies on Monday warned the United States about taking military action."):
        assert (_sides(ev)[0] or "")[:3] != "IRN"


def test_a_country_word_on_allies_with_a_possessor_still_names_them():
    found = _events("Its Syrian allies condemned the attack on the town.")
    assert any((_sides(ev)[0] or "")[:3] == "SYR" for ev in found)


def test_a_city_naming_a_pact_is_not_whom_a_later_act_is_aimed_at():
    found = _events("Since the Geneva accord was signed, the Taliban have continued to carry out attacks.")
    assert all((_sides(ev)[1] or "")[:3] != "CHE" for ev in found)


def test_a_people_fighting_abroad_keeps_its_own_country():
    found = [ev for ev in _events("Americans fought the Islamic State in Iraq.") if ev.plover == "ASSAULT"]
    assert found and all(_sides(ev)[0] == "USA" for ev in found)


def test_a_people_protesting_abroad_is_still_coded_by_where_it_acts():
    found = [ev for ev in _events("Ethnic Albanians demonstrated in Serbia against the new law.") if ev.plover == "PROTEST"]
    assert found and all((_sides(ev)[0] or "")[:3] == "SRB" for ev in found)


@pytest.mark.parametrize(
    "text, source",
    [
        ("House Speaker Jane Doe issued a statement praising Mr. Smith's decision to consult Congress.", "Smith"),
        ("The minister welcomed Iran's decision to resume talks with France.", "Iran"),
    ],
)
def test_the_possessor_of_a_decision_does_what_its_infinitive_says(text, source):
    found = [ev for ev in _events(text) if ev.plover == "CONSULT"]
    assert found and all(ev.source is not None and ev.source.text == source for ev in found)


def test_a_bare_plural_is_not_the_countries_of_an_earlier_coordination():
    text = "Tensions rose between France and Germany over the budget. Finance ministers from the Group of Seven met on Sunday in Rome."
    assert all(_sides(ev) != ("FRA", "DEU") for ev in _events(text))


def test_the_two_ministers_still_stand_for_the_coordination_before():
    text = "Tensions rose between France and Germany over the budget. The two ministers met on Sunday in Rome."
    assert any(_sides(ev) == ("FRA", "DEU") for ev in _events(text))


@pytest.mark.parametrize(
    "text",
    ["Turkish police also seized documents and computers during a search of the house.", "The Kenyan police confiscated weapons in Nairobi."],
)
def test_things_seized_at_home_are_aimed_at_no_one(text):
    found = [ev for ev in _events(text) if ev.plover == "COERCE"]
    assert found and all(ev.target is None for ev in found)


def test_people_detained_at_home_still_get_their_country():
    found = [ev for ev in _events("Turkish police detained 14 men in Istanbul.") if ev.plover == "COERCE"]
    assert found and all((_sides(ev)[1] or "")[:3] == "TUR" for ev in found)


def test_a_possessive_pronoun_leaves_the_infinitive_to_the_clause_subject():
    # expelling troops from a place is fighting (190, events16m), expelling people coercion: the sides are the point here
    found = [ev for ev in _events("Last week, Russia stepped up its efforts to expel Ukrainian troops from the region.") if ev.trigger.text == "expel"]
    assert found and all(ev.source is not None and ev.source.text == "Russia" for ev in found)


@pytest.mark.parametrize(
    "text",
    ["Russia's allies condemned the strike on the capital.", "The allies of Russia condemned the strike on the capital."],
)
def test_whose_allies_they_are_is_not_who_they_are(text):
    assert all((_sides(ev)[0] or "")[:3] != "RUS" for ev in _events(text))


def test_a_country_word_on_someone_s_allies_still_names_them():
    found = [ev for ev in _events("Iran's Syrian allies attacked the rebels.") if ev.plover == "ASSAULT"]
    assert found and all((_sides(ev)[0] or "")[:3] == "SYR" for ev in found)


def test_an_appeal_to_someone_s_allies_is_not_aimed_at_another_country_of_the_sentence():
    text = "The president appealed for Kyiv's allies to supply more air defenses and to lift limits on the use of weapons on targets in Russia."
    assert all((_sides(ev)[1] or "")[:3] not in ("RUS", "UKR") for ev in _events(text))

