"""The independent judge's largest wrong classes of events (issue 13, session eighteen): figurative or wrong-sense verbs
of force coded as an attack, a place as the target, a resignation coded as a concession.
Every sentence is invented."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2020-09-01").events


def _coded(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.cameo, e.trigger.text, e.source and e.source.text, e.target and e.target.text) for e in events(text)]


# --- 1. figurative or wrong-sense verbs of force ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Norway has struck its first major trade pact after signing a deal with Chile.",
    "Peru struck a landmark treaty with Chile on Monday.",
])
def test_striking_an_agreement_is_no_attack(text):
    assert [c for c in _coded(text) if c[0][:2] in ("18", "19")] == []


def test_striking_a_convoy_stays_an_attack():
    # near miss: a strike on a thing that is no agreement
    assert [c[0][:2] for c in _coded("Rebels struck the convoy near Aleppo.")] == ["19"]


def test_firing_back_while_saying_is_words():
    found = _coded("Peru fired back at Senator Hayes, saying he had no evidence.")
    assert [c for c in found if c[0][:2] in ("18", "19")] == []
    assert [c[0] for c in found if c[1] == "fired"] == ["111"]


def test_firing_back_at_gunmen_stays_force():
    # near miss: "back" with no saying beside it; soldiers and gunmen bear arms
    assert [c[0] for c in _coded("Soldiers fired back at the gunmen near Lima.") if c[1] == "fired"] == ["193"]
    assert [c[0] for c in _coded("Soldiers fired at the protesters in Lima on Monday.") if c[1] == "fired"] == ["193"]


def test_claims_that_clash_are_no_fight():
    assert _coded("Peru's territorial claims clash with those of Chile.") == []


def test_troops_that_clash_still_fight():
    # near miss: the subject is armed men, not words
    assert [c[0][:2] for c in _coded("Peruvian troops clashed with Chilean soldiers on the border.")] == ["19"]


def test_the_next_clauses_subject_is_not_the_missiles_target():
    text = ("Tensions rose on Wednesday with Iran firing two missiles into the disputed waterway and the Biden "
            "administration strengthening its sanctions.")
    assert [c[3] for c in _coded(text) if c[1] == "firing"] in ([None], [])


def test_missiles_fired_at_a_country_keep_their_target():
    # near miss: the country is the object of "at"
    assert [c[3] for c in _coded("Tensions rose on Wednesday with Iran firing two missiles at Israel.") if c[1] == "firing"] == ["Israel"]


# --- 3. a resignation that yields to no one ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Shinzo Abe resigned last month over a chronic digestive ailment.",
    "The Congress has been adrift since Mr Rahul Gandhi resigned as party president last year to take moral "
    "responsibility for the loss.",
])
def test_a_resignation_with_no_pressure_named_is_no_concession(text):
    assert [c for c in _coded(text) if c[0].startswith("083")] == []


def test_a_resignation_after_protests_demanding_it_stays():
    # near miss: the sentence names the demand it yields to
    found = _coded("The Peruvian prime minister resigned after weeks of protests demanding his removal.")
    assert [c[0] for c in found if c[1] == "resigned"] == ["0831"]


def test_resigning_in_protest_is_no_concession():
    # near miss: who resigns in protest yields to no one (no record, before and after)
    assert [c for c in _coded("The Peruvian minister resigned in protest at the government's crackdown on the press.")
            if c[0].startswith("083")] == []
