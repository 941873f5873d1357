"""Event sides (issue 13, session eleven): who acts and on whom, never a country the text does not give that role."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str):
    return newswire.analyze(text, published="2020-01-01").events


def _sides(ev) -> tuple[str | None, str | None]:
    return (ev.source.actor if ev.source else None, ev.target.actor if ev.target else None)


@pytest.mark.parametrize(
    "text",
    [
        "Iran seized the ship.",
        "The US military buildup in the Persian gulf continues.",
        "Egypt amassed troops near the Libyan border.",
    ],
)
def test_a_country_acting_as_a_whole_is_not_its_own_target(text):
    found = _events(text)
    assert found
    for ev in found:
        source, target = _sides(ev)
        assert source is not None and (target or "")[:3] != source[:3]


def test_a_body_of_a_country_acting_at_home_still_acts_on_it():
    (ev,) = _events("Sudan's government lifted the state of emergency.")
    assert _sides(ev) == ("SDNGOV", "SDN")


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a country word on what the patient carries
        ("Chilean police arrested the smugglers with Peruvian oil.", "PER"),
        ("Turkish police detained two men with Syrian passports.", "SYR"),
        # where an envoy serves
        ("Syria indicated its interest in resuming talks in remarks by the Syrian ambassador to Washington.", "USA"),
        ("Iran offered concessions in a letter from the Iranian ambassador to London.", "GBR"),
    ],
)
def test_a_country_named_beside_the_patient_or_the_speaker_is_no_target(text, wrong):
    found = _events(text)
    assert found and all((_sides(ev)[1] or "")[:3] != wrong for ev in found)


@pytest.mark.parametrize(
    "text, target",
    [
        ("Peru signed an accord with Chile.", "CHL"),
        ("Peru signed an accord with Chilean officials.", "CHLGOV"),
    ],
)
def test_a_with_complement_that_names_an_actor_stays_the_target(text, target):
    (ev,) = _events(text)
    assert _sides(ev)[1] == target


def test_a_possessive_pronoun_of_another_country_leaves_the_phrase_uncoded():
    found = _events("Indian soldiers crossed the border on Monday. Bangladesh said its soldiers attacked the rebels.")
    assert found and all(not (_sides(ev)[0] or "").startswith("IND") for ev in found)
    (ev,) = _events("Bangladesh said its soldiers attacked the rebels.")
    assert _sides(ev)[0] == "BGDMIL"


def test_the_act_a_participant_is_part_of_is_no_place_and_no_country_of_theirs():
    found = _events("Two key suspects in the Kenya bombing have been handed over to the United States for trial.")
    handed = [ev for ev in found if ev.trigger.text == "handed over"]
    assert all(_sides(ev)[1] != "KEN" for ev in handed)
    # a place in the same position still places them
    (ev,) = _events("Police arrested two suspects in Kenya.")
    assert (_sides(ev)[1] or "")[:3] == "KEN"


@pytest.mark.parametrize(
    "text, target",
    [
        ("The resolution calls for Israel's withdrawal from Lebanon.", "ISR"),
        ("Egypt called for an Israeli withdrawal from Gaza.", "ISR"),
        # an act asked for with no doer of its own keeps its target
        ("France called for sanctions against Iran.", "IRN"),
    ],
)
def test_an_appeal_for_an_act_is_aimed_at_who_is_to_do_it(text, target):
    (ev,) = _events(text)
    assert (_sides(ev)[1] or "")[:3] == target

