"""Event types of constructions judged wrong on real news (issue 13, session fifteen): words or blows traded are no
trade, welcoming a thing is no visit, rejecting a claim is a denial, signing a letter is no agreement, a body agreeing
to a sanction decides it, a warning of another actor's act is no threat, going on with a promised act is promised."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _codes(found) -> list[tuple[str, str]]:
    return [(e.cameo, e.trigger.text) for e in found]


@pytest.mark.parametrize("text", [
    "Peru and Chile traded accusations over the fishing dispute.",
    "Bolivia traded barbs with Paraguay at the summit.",
    "The two governments traded threats on Sunday.",
    "Peru and Ecuador have traded strikes for a second night.",
])
def test_words_or_blows_traded_are_no_trade(text):
    assert not [e for e in events(text) if e.plover == "COOPERATE"]


def test_goods_traded_stay_a_trade():
    assert ("061", "traded") in _codes(events("Norway traded salmon with Vietnam last year."))


@pytest.mark.parametrize("text", [
    "The foreign minister of Norway welcomed the verdict against Iceland.",
    "Sweden's prime minister welcomed the findings of the inquiry into Finland.",
])
def test_welcoming_a_thing_is_no_visit(text):
    assert not [e for e in events(text) if e.cameo.startswith("04")]


@pytest.mark.parametrize("text", [
    "The Peruvian president welcomed the Chilean delegation in Lima.",
    "Norway welcomed the visiting Swedish premier on Tuesday.",
])
def test_welcoming_visitors_stays_a_visit(text):
    assert [e.cameo for e in events(text)] == ["043"]


def test_a_welcomed_decision_stays_an_endorsement():
    assert [e.cameo for e in events("The Finnish president welcomed the decision of Norway's government.")] == ["051"]


@pytest.mark.parametrize("text", [
    "Moscow rejected the allegations made by Estonia.",
    "The Chilean government dismissed the report as baseless.",
    "The Iraqi foreign ministry rejected the Turkish accusation that it harboured rebels.",
])
def test_rejecting_what_someone_asserts_is_a_denial_no_rejection(text):
    assert not [e for e in events(text) if e.plover == "REJECT"]


def test_rejecting_a_proposal_stays_a_rejection():
    assert [e.plover for e in events("Moscow rejected the Estonian proposal for talks.")] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "Thirty senators signed a letter to the Cuban government.",
    "The lawmakers who signed the petition to Venezuelan officials were named.",
])
def test_a_signed_letter_or_petition_is_no_agreement(text):
    assert not [e for e in events(text) if e.cameo == "057"]


def test_a_signed_treaty_stays_an_agreement():
    found = events("Chile and Peru signed a border treaty on Monday.")
    assert [e.cameo for e in found] == ["057"]


def test_a_body_agreeing_to_a_sanction_decides_the_sanction():
    found = events("The European Union agreed to freeze Belarusian assets.")
    assert [(e.cameo, e.plover, e.modality) for e in found] == [("163", "SANCTION", "asserted")]


def test_a_vow_to_freeze_assets_stays_a_threat():
    found = events("The Canadian prime minister vowed to freeze Belarusian assets.")
    assert [e.plover for e in found] == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "The Polish president warned that Russia could attack Lithuania.",
    "The Greek prime minister warned that Turkey would send warships to Cyprus.",
])
def test_a_warning_of_another_actors_act_is_no_threat_of_the_warner(text):
    assert not [e for e in events(text) if e.plover == "THREATEN" and (e.source.actor or "")[:3] in ("POL", "GRC")]


def test_a_warning_of_the_warners_own_act_stays_a_threat():
    found = events("Pakistan warned that its army would strike India.")
    assert [(e.plover, e.source.actor[:3], e.target.actor[:3]) for e in found] == [("THREATEN", "PAK", "IND")]


def test_going_on_with_a_promised_act_is_promised():
    found = events("The Polish president vowed to continue to back Ukraine.")
    assert found and all(e.modality != "asserted" or e.plover == "AGREE" for e in found)
    assert not [e for e in found if e.plover == "SUPPORT"]


def test_stopping_a_promised_act_asserts_the_act():
    found = events("The Kremlin vowed to stop shelling Kyiv.")
    assert [(e.plover, e.modality) for e in found if e.trigger.text == "shelling"] == [("ASSAULT", "asserted")]


def test_a_promise_to_go_on_with_an_act_is_the_promise_of_the_act():
    found = events("Norway promised to continue sending aid to Ukraine.")
    assert [(e.cameo, e.plover, e.trigger.text, e.modality) for e in found] == [("033", "AGREE", "promised", "asserted")]


def test_a_signed_pledge_between_two_states_is_an_agreement():
    found = events("Chile signed a pledge with Peru last year to stop fishing in the disputed waters.")
    assert [e.cameo for e in found if e.trigger.text == "signed"] == ["057"]


def test_a_signed_memorandum_of_understanding_is_an_agreement():
    found = events("The deal was part of the memorandum of understanding, signed by Chile and Peru last month.")
    assert [e.cameo for e in found if e.trigger.text == "signed"] == ["057"]
