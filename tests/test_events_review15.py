"""Session fifteen's review of the merged events rounds: constructions its rules got wrong, fixed (invented sentences)."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2024-05-01").events


def test_a_decided_sanction_is_aimed_at_its_own_target_not_at_the_partner_of_the_agreement():
    (ev,) = [e for e in events("The EU agreed with Britain to impose sanctions on Russia.") if e.cameo.startswith("16")]
    assert (ev.source.actor, ev.target.actor) == ("IGOEUR", "RUS")


@pytest.mark.parametrize("text, trigger", [
    ("Kyiv pledged to continue exporting grain despite Russian attacks on Odesa.", "attacks"),
    ("The Philippines vowed to keep patrolling the reef despite China's blockade of its supply ships.", "blockade"),
])
def test_what_happens_inside_a_promised_continuation_is_not_promised(text, trigger):
    (ev,) = [e for e in events(text) if e.trigger.text == trigger]
    assert ev.modality == "asserted" and ev.cameo.startswith("19")


def test_a_plural_relative_clause_on_a_plural_last_conjunct_is_about_that_conjunct():
    (ev,) = [e for e in events("The army freed an American aid worker and four Nigerian teachers who were kidnapped by Boko Haram.")
             if e.trigger.text == "kidnapped"]
    assert ev.target.text == "four Nigerian teachers"


@pytest.mark.parametrize("text", [
    "Unidentified gunmen killed three Colombian police officers during the pandemic.",
    "Gunmen attacked a Nigerian army base in Borno during the drought.",
])
def test_attacks_during_a_disease_or_drought_are_still_attacks(text):
    assert [e.plover for e in events(text)] == ["ASSAULT"]


def test_a_disease_the_tagger_named_is_no_attacker():
    assert [e for e in events("Cholera has killed 300 people in Somalia since January.") if e.plover == "ASSAULT"] == []


@pytest.mark.parametrize("text, target", [
    ("NATO reinforced Poland with two more brigades.", "POL"),
    ("The Iraqi army disarmed Kurdish fighters in Kirkuk.", "IRQREB"),
])
def test_a_country_reinforced_or_fighters_disarmed_are_the_target(text, target):
    (ev,) = events(text)
    assert ev.target is not None and ev.target.actor == target


@pytest.mark.parametrize("text", [
    "Ukraine's president expressed disappointment after the summit with Russia in Alaska.",
    "Protesters gathered at the talks with Iran in Vienna.",
])
def test_being_at_or_after_a_meeting_is_no_part_in_it(text):
    assert [e for e in events(text) if e.cameo.startswith("04") and e.source is not None] == []


def test_a_demand_on_a_news_outlet_is_a_demand():
    (ev,) = events("The Indian government demanded that Reuters retract the story.")
    assert (ev.cameo, ev.source.actor) == ("100", "INDGOV")


@pytest.mark.parametrize("text", [
    "Egypt signed the Camp David Accords with Israel.",
    "Russia and China signed a joint statement.",
])
def test_plural_named_accords_and_joint_statements_are_signed_agreements(text):
    assert [e.cameo for e in events(text)] == ["057"]


def test_a_named_private_person_is_not_the_place_s_unidentified_forces():
    found = events("Stefan Brown, 35, of Glasgow, was reported to have been fighting against Russian forces near Kharkiv.")
    assert all(e.source is None or not (e.source.actor or "").endswith("UAF") for e in found)
