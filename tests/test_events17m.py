"""How users see appeals and public statements, unrealised acts and what a speech act says (issue 13, session
seventeen): a CAMEO 02 appeal is a PLOVER REQUEST and a CAMEO 01 public statement is no event (EVENTS-GOLD.md)."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _typed(text: str) -> list[tuple[str | None, str, str]]:
    return [(e.plover, e.cameo_root, e.trigger.text) for e in events(text)]


@pytest.mark.parametrize("text, trigger", [
    ("Norway urged Sweden to reopen its border.", "urged"),
    ("The Chilean government appealed to Peru for calm.", "appealed"),
])
def test_an_appeal_is_a_request(text, trigger):
    assert _typed(text) == [("REQUEST", "02", trigger)]


def test_a_demand_stays_a_request_of_its_own_root():
    # near miss: a demand (10) was a REQUEST before; only the appeals' type is new
    assert _typed("Norway demanded that Sweden reopen its border.") == [("REQUEST", "10", "demanded")]


@pytest.mark.parametrize("text", [
    "Norway warned that the talks could fail.",  # a pessimistic comment (012)
    "The Chilean embassy declined to comment.",  # a declined comment (011)
])
def test_a_public_statement_is_no_event(text):
    assert events(text) == []


def test_a_warning_that_threatens_is_still_a_threat():
    # near miss: a warning whose clause says the speaker's own forces will act is a threat (13), not a statement
    found = [(e.plover, e.source.actor) for e in events("Norway warned that its forces would strike back.")]
    assert found == [("THREATEN", "NOR")]


@pytest.mark.parametrize("text, kept", [
    ("Norway accused Sweden of bombing homes in Oslo and demolishing them.", [("ACCUSE", "accused")]),
    ("Chile urged Peru to release the prisoners and to withdraw its troops from Bolivia.", [("REQUEST", "urged")]),
])
def test_what_a_speech_act_says_in_a_second_conjunct_is_not_coded_again(text, kept):
    assert [(e.plover, e.trigger.text) for e in events(text)] == kept


def test_an_act_of_its_own_after_a_speech_act_is_kept():
    # near miss: a finite verb coordinated with the accusation is its speaker's own act
    found = [(e.plover, e.trigger.text, e.modality) for e in events("Norway accused Sweden of spying and expelled two Swedish diplomats.")]
    assert found == [("ACCUSE", "accused", "asserted"), ("COERCE", "expelled", "asserted")]


@pytest.mark.parametrize("text", [
    '"Free your country from the militia," the Chilean president told the Peruvian people.',
    '"Stop the shelling of Lima and release the prisoners," the Bolivian minister told Chile.',
])
def test_an_imperative_is_asked_not_done(text):
    found = events(text)
    assert found and all(e.modality == "requested" for e in found)


def test_a_quoted_statement_of_an_act_stays_asserted():
    # near miss: the same words with a subject report the act
    found = [(e.trigger.text, e.modality) for e in events('"Chile freed the Peruvian prisoners on Monday," the Bolivian minister said.')]
    assert ("freed", "asserted") in found


def test_what_an_attempt_seeks_is_intended_and_keeps_its_type():
    found = [(e.plover, e.cameo, e.trigger.text, e.modality) for e in events("Chile launched a bid to free the prisoners held by Peru.")]
    assert found and all((p, c[:2], m) == ("RETREAT", "08", "intended") for p, c, _, m in found)


@pytest.mark.parametrize("text, plover", [
    ("Rebels made an attempt to assassinate the Chilean president.", "ASSAULT"),  # an attack tried is an attack
    ("The EU's decision to ban Russian oil imports angered Moscow.", "SANCTION"),  # a decision is the act decided
])
def test_an_attempt_at_force_and_a_decision_stay_asserted(text, plover):
    assert [(e.plover, e.modality) for e in events(text)] == [(plover, "asserted")]


def test_what_a_protest_calls_for_is_the_protest():
    found = [(e.plover, e.trigger.text) for e in events("Thousands of Bolivians demonstrated in La Paz on Sunday calling for the release of the prisoners.")]
    assert found == [("PROTEST", "demonstrated")]


def test_an_appeal_beside_a_protest_is_its_own_event():
    # near miss: a separate clause with its own speaker is an appeal of its own
    text = "Thousands of Chileans protested in Santiago, and the Chilean president called on Peru to free the prisoners."
    assert [e.plover for e in events(text)] == ["PROTEST", "REQUEST"]


def test_an_event_noun_inside_an_attempt_is_not_what_it_seeks():
    # near miss: the sanctions exist whatever the effort to get round them
    found = [(e.plover, e.modality) for e in events("Chile's efforts to bypass US sanctions against Peru have failed.") if e.plover == "SANCTION"]
    assert found == [("SANCTION", "asserted")]


def test_an_imperative_after_a_colon_is_asked():
    found = events('"I say to you, the people of Chile: Free your country from the militia so that this war can end."')
    assert found and all(e.modality == "requested" for e in found)


@pytest.mark.parametrize("text", [
    "The Chilean president did not signal any decision on allowing Peru to fire missiles into Bolivia.",
    "The US allowed Peru to strike targets inside Bolivia.",
])
def test_what_is_allowed_is_not_reported_done(text):
    assert [e.plover for e in events(text) if e.plover == "ASSAULT"] == []


def test_an_attack_told_as_done_is_kept():
    # near miss: the same act without a permission
    assert [(e.plover, e.modality) for e in events("Peru fired long-range missiles into Bolivia.")] == [("ASSAULT", "asserted")]


def test_neither_before_the_subject_negates():
    assert events("Chilean sources said that neither Peru nor Bolivia had agreed to the compromises.") == []
    # near miss: without "neither" the agreement is reported
    assert [e.plover for e in events("Chilean sources said that Peru and Bolivia had agreed to the compromises.")] == ["AGREE"]
