"""Defects of session sixteen's event rules found by the independent review (issue 13, helper events16b), each with a
near miss the rule was for: expelling soldiers is fighting only for soldiers driving them from a place; only a vow to
keep or raise pressure is a threat; a deployment is aid only when its purpose's own verb gives relief."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _coded(text: str) -> list[tuple[str, str]]:
    return [(e.cameo, e.trigger.text) for e in events(text)]


@pytest.mark.parametrize("text", [
    "Norway expelled Swedish soldiers stationed at a naval base.",
    "Peru expelled Chilean troops accused of smuggling.",
    "Bolivia's military government expelled Peruvian troops from the country.",
])
def test_a_state_expelling_soldiers_is_an_expulsion(text):
    assert _coded(text) == [("174", "expelled")]


@pytest.mark.parametrize("text", [
    "Peruvian forces expelled Chilean troops from the village after weeks of fighting.",
    "Peru stepped up its efforts to expel Chilean troops from the province of Tacna.",
])
def test_driving_soldiers_from_a_place_is_fighting(text):
    assert [e.cameo for e in events(text)] == ["190"]


@pytest.mark.parametrize("text", [
    "The Peruvian president promised to ease pressure on Bolivia once the reforms pass.",
    "Norway promised to lift the pressure on Sweden after the prisoner swap.",
])
def test_a_promise_to_take_pressure_off_is_no_threat(text):
    assert [e.plover for e in events(text)] == ["AGREE"]


def test_a_vow_to_maintain_pressure_stays_a_threat():
    found = events("The Peruvian president has vowed to maintain economic pressure on Bolivia.")
    assert [(e.plover, e.target.actor if e.target else None) for e in found] == [("THREATEN", "BOL")]


@pytest.mark.parametrize("text", [
    "Norway deployed soldiers to Latvia to protect the evacuation of embassy staff.",
    "Peru deployed troops to the border to block the evacuation of civilians.",
    "Chile deployed tanks to the crossing to stop humanitarian aid from entering Bolivia.",
])
def test_a_deployment_that_guards_or_hinders_relief_is_no_aid(text):
    assert [e.plover for e in events(text)] == ["MOBILIZE"]


def test_a_deployment_to_help_with_relief_is_aid():
    assert [e.plover for e in events("Norway sent troops to Latvia to help with flood relief.")] == ["AID"]


def test_the_other_party_to_an_issue_is_no_target():
    # "over the dispute with Sweden" says what the halt is about; Sweden is a party to the dispute, not the one cut off
    found = events("Norway halted finance for the bridge project in Latvia over the dispute with Sweden.")
    assert [e.cameo for e in found] == ["162"]
    assert [e.target.actor for e in found if e.target] != ["SWE"]


def test_an_actor_named_after_over_stays_a_target():
    assert [(e.cameo, e.target.actor) for e in events("Norway protested to Sweden over the ban.")] == [("114", "SWE")]


@pytest.mark.parametrize("text", [
    "The long-feared Peruvian offensive on Bolivia began at dawn.",
    "The anticipated Chilean attack on Peru came early on Saturday.",
])
def test_an_expected_act_whose_clause_says_it_happened_is_asserted(text):
    assert [(e.cameo, e.modality) for e in events(text)] == [("190", "asserted")]


@pytest.mark.parametrize("text", [
    "The anticipated Chilean attack on Peru will begin next week.",
    "The anticipated Chilean attack on Peru worried diplomats.",
])
def test_an_expected_act_not_said_to_happen_stays_unasserted(text):
    assert not [e for e in events(text) if e.modality == "asserted"]


@pytest.mark.parametrize("text, cameo", [
    ("The rockets were probably fired by Chilean soldiers, the Peruvian army said.", "194"),
    ("The Chilean strike probably killed dozens of Peruvian soldiers near the border.", "190"),
])
def test_a_hedge_on_who_or_how_many_leaves_the_act_asserted(text, cameo):
    assert [(e.cameo, e.modality) for e in events(text) if e.cameo == cameo] == [(cameo, "asserted")]


def test_a_hedge_on_the_act_itself_stays():
    assert not [e for e in events("Chile probably attacked the Peruvian base.") if e.modality == "asserted"]


def test_an_unnamed_crowd_that_strikes_walks_out():
    assert [e.cameo for e in events("Thousands struck across Chile on Thursday against the pension reform.")] == ["143"]


@pytest.mark.parametrize("text", [
    "Peru wants weapons to strike deep inside Chile.",
    "The earthquakes struck northern Chile on Monday.",
])
def test_a_strike_with_no_people_striking_is_no_walkout(text):
    assert not [e for e in events(text) if e.cameo.startswith("143")]


def test_striking_down_a_drone_is_an_attack():
    found = events("Peruvian air defences struck down a Chilean drone over Tacna.")
    assert [e.plover for e in found] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The Peruvian Supreme Court struck down the ban on Tuesday.",
    "The Chilean court struck it down.",
])
def test_a_court_striking_down_a_law_is_still_no_attack(text):
    assert not [e for e in events(text) if e.plover == "ASSAULT"]


def test_having_got_someone_to_act_says_they_did():
    found = events("Norway got Sweden to agree to a ceasefire after weeks of pressure.")
    assert [(e.plover, e.modality) for e in found if e.trigger.text == "agree"] == [("AGREE", "asserted")]


def test_trying_to_get_someone_to_act_is_a_request():
    found = events("Norway is trying to get Sweden to agree to a ceasefire.")
    assert [(e.plover, e.modality) for e in found if e.trigger.text == "agree"] == [("AGREE", "requested")]


def test_travelling_with_the_host_is_a_visit_to_the_host():
    found = events("The Norwegian foreign minister traveled with the Swedish prime minister to the front line near Malmo.")
    assert [(e.cameo, e.target.actor[:3] if e.target else None) for e in found] == [("042", "SWE")]


def test_a_companion_from_elsewhere_only_goes_along():
    found = events("The Norwegian foreign minister traveled with the Danish prime minister to the front line near Malmo.")
    assert not [e for e in found if e.target and e.target.actor and e.target.actor.startswith("DNK")]


def test_a_minority_fighting_at_home_is_of_that_country():
    found = events("Ethnic Russians clashed with Latvian police in eastern Latvia.")
    assert [(e.cameo, e.source.actor[:3]) for e in found] == [("190", "LVA")]


def test_a_people_fighting_abroad_stays_its_own():
    found = events("Swedes and Danes fought the rebels in Finland.")
    assert [e.source.actor[:3] for e in found if e.source and e.source.actor] == ["SWE"]


def test_allies_named_by_their_alliance_are_the_alliance():
    found = events("NATO allies agreed to send more tanks to Latvia.")
    assert [(e.source.actor if e.source else None) for e in found] == ["IGONAT"]


def test_allies_named_by_a_country_word_are_still_no_country():
    found = events("Peru warned Chilean allies of the danger.")
    assert not [e for e in found if e.target and e.target.actor and e.target.actor.startswith("CHL")]
