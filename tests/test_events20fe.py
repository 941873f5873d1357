"""Issue 13, session twenty (events20fe): the review's defects in the session's appeal and undergoing rules. Invented
sentences, each fix beside a near miss that must not change: a protest or retaliation over an act is aimed at the act's
doer, never at whom it was done to; a phone call is no appeal; what an appeal noun made an act asks for names no one
asked; "made no call" is negated; an appeal filed in court is no appeal; a country or plural possessor of a noun of
undergoing names no side; a mediation between two sides is aimed at both, never at a co-mediator."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str, trigger: str) -> list:
    events = newswire.analyze(text, published="2010-05-05").events
    return [e for e in events if e.trigger.text == trigger]


def _pairs(text: str, trigger: str) -> list[tuple]:
    return [(e.cameo, e.source.text if e.source else None, e.target.text if e.target else None) for e in _events(text, trigger)]


@pytest.mark.parametrize(
    "text, trigger, victim",
    [
        ("Paris protested Navalny's detention by Russian police.", "protested", "Navalny"),
        ("Paris protested the detention of Navalny by Russian police.", "protested", "Navalny"),
        ("Sweden protested against Navalny's arrest by Russian police.", "protested", "Navalny"),
        ("Tehran retaliated for Haniyeh's killing by Israel.", "retaliated", "Haniyeh"),
        ("Caracas protested Maduro's indictment.", "protested", "Maduro"),
        ("Sweden summoned Russia's ambassador to protest Navalny's detention.", "protest", "Navalny"),
    ],
)
def test_a_protest_or_retaliation_over_an_act_is_not_aimed_at_its_victim(text, trigger, victim):
    found = _events(text, trigger)
    assert found
    assert all(e.target is None or victim not in e.target.text for e in found)


@pytest.mark.parametrize(
    "text, trigger, doer",
    [
        ("Paris protested Navalny's detention by Russian police.", "protested", "Russian police"),
        ("Tehran retaliated for Haniyeh's killing by Israel.", "retaliated", "Israel"),
        ("Sweden condemned Navalny's detention by Russian police.", "condemned", "Russian police"),
    ],
)
def test_a_protest_or_retaliation_over_an_act_is_aimed_at_its_named_doer(text, trigger, doer):
    assert [e.target.text for e in _events(text, trigger) if e.target] == [doer]


def test_a_threat_of_an_act_keeps_whom_the_act_is_against():
    # near miss: what a threat threatens is the threatener's own act, aimed at its target
    assert _pairs("Turkey threatened strikes on Syria.", "threatened") == [("130", "Turkey", "Syria")]


def test_a_phone_call_between_two_leaders_is_a_call_not_an_appeal():
    assert _pairs("The phone call between Erdogan and Scholz lasted an hour.", "call") == [("041", "Erdogan", "Scholz")]


def test_an_appeal_noun_by_no_support_verb_stays_no_act():
    # near miss of the phone call: a call for something, the subject of a verb of feeling, is still no act
    assert _pairs("Germany's call for sanctions on Serbia angered Belgrade.", "call") == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("Brazil renewed its call for a ceasefire in Yemen.", "Yemen"),
        ("The World Bank made an appeal for $3 billion to help Chad.", "Chad"),
    ],
)
def test_what_an_appeal_noun_asks_for_names_no_one_asked(text, place):
    found = _events(text, "call") + _events(text, "appeal")
    assert found and all(e.target is None or place not in e.target.text for e in found)


@pytest.mark.parametrize(
    "text, other",
    [
        ("Brazil renewed its call for sanctions against Venezuela.", "Venezuela"),
        ("Brazil renewed its call for talks with the FARC.", "FARC"),
    ],
)
def test_an_appeal_noun_keeps_whom_a_hostile_or_joint_act_is_with(text, other):
    assert [other in (e.target.text if e.target else "") for e in _events(text, "call")] == [True]


def test_no_call_made_is_no_asserted_appeal():
    assert [e for e in _events("Brazil had made no call for a ceasefire.", "call") if e.modality == "asserted"] == []
    assert [e.cameo for e in _events("Brazil had made a call for a ceasefire.", "call")] == ["020"]


@pytest.mark.parametrize(
    "text", ["Netanyahu's lawyers filed an appeal for a retrial.", "The Israeli government lodged an appeal against the ruling."]
)
def test_an_appeal_filed_in_court_is_no_appeal_to_anyone(text):
    assert _events(text, "appeal") == []


def test_an_appeal_made_is_still_an_appeal():
    assert [e.cameo for e in _events("Brazil issued an appeal for calm.", "appeal")] == ["020"]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Moscow said Poland's expulsions were unjustified.", "expulsions"),
        ("Belarus's expulsion angered Poland, which said it would respond.", "expulsion"),
        ("Russia and Belarus's expulsion angered the council.", "expulsion"),
    ],
)
def test_a_country_or_plural_possessor_of_an_undergone_noun_is_no_target(text, trigger):
    assert all(e.target is None for e in _events(text, trigger))


def test_a_person_possessor_of_an_undergone_noun_stays_its_target():
    assert [e.target.text for e in _events("Navalny's arrest angered Germany.", "arrest") if e.target] == ["Navalny"]


@pytest.mark.parametrize(
    "text",
    [
        "Oman and Qatar mediated talks between Iran and the United States.",
        "Oman mediated with Qatar between Iran and the United States.",
        "Oman sent envoys to Doha to mediate between Iran and the United States.",
    ],
)
def test_a_mediation_between_two_sides_is_aimed_at_both_and_at_no_co_mediator(text):
    found = [e for e in newswire.analyze(text, published="2010-05-05").events if e.cameo == "045"]
    assert len(found) == 1
    assert found[0].target is not None and found[0].target.text not in ("Qatar", "Doha")
    assert {p.actor for p in found[0].participants} >= {"IRN", "USA"}


def test_a_mediation_with_one_side_keeps_it():
    # near miss: with no "between", the "with" of a mediation names the side mediated with
    assert [e.target.text for e in _events("Norway mediated with the rebels.", "mediated") if e.target] == ["the rebels"]
