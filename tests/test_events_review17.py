"""What the review of session seventeen's merged event changes found (issue 13): resisting fighting is no rejection,
an intercepted shipment no embargo, "not only ... but also" no negation, and a sentence-initial "Neither" one."""

from __future__ import annotations

import pytest

import newswire


def _typed(text: str) -> list[tuple[str, str, str]]:
    return [(e.cameo, e.modality, e.trigger.text) for e in newswire.analyze(text, published="2025-03-04").events]


@pytest.mark.parametrize("text", [
    "Varnia has resisted Ostrava's push on the border town.",
    "Rebel fighters resisted the army's push into the valley.",
    "Ukrainian forces resisted Russia's attempt to encircle the city.",
    "Ukrainian forces resisted Russian efforts to capture the town.",
])
def test_resisting_a_push_or_an_attempt_at_force_is_no_rejection(text):
    assert not [c for c, _, w in _typed(text) if c.startswith("12")]


@pytest.mark.parametrize("text", [
    "Germany resisted pressure from Washington to cut ties with Beijing.",
    "Germany resisted American efforts to impose new tariffs on China.",
])
def test_resisting_pressure_or_a_political_effort_stays_a_rejection(text):
    assert [(c, w) for c, _, w in _typed(text)] == [("120", "resisted")]


def test_encircling_a_town_is_a_siege():
    assert [(c, w) for c, _, w in _typed("Russian troops encircled the town last week.")] == [("191", "encircled")]


@pytest.mark.parametrize("text", [
    "Israel stopped a weapons shipment from Iran to Hezbollah.",
    "The navy halted a weapons transfer from Turkey to Libya.",
    "Egyptian forces halted arms shipments smuggled through tunnels.",
])
def test_a_stopped_shipment_is_no_embargo(text):
    assert "163" not in [c for c, _, _ in _typed(text)]


@pytest.mark.parametrize("text, trigger", [
    ("Britain suspended some arms sales to Israel.", "suspended"),
    ("France stopped arms deliveries to Niger after the coup.", "stopped"),
])
def test_stopped_arms_sales_or_deliveries_are_an_embargo(text, trigger):
    assert [(c, w) for c, _, w in _typed(text)] == [("163", trigger)]


@pytest.mark.parametrize("text, code, trigger", [
    ("Not only Israel but also the United States struck Houthi targets.", "190", "struck"),
    ("Both Israel and the United States struck Houthi targets.", "190", "struck"),
])
def test_not_only_but_also_asserts(text, code, trigger):
    assert _typed(text) == [(code, "asserted", trigger)]


@pytest.mark.parametrize("text", [
    "Neither Iran nor its proxies attacked US forces last week.",
    "Neither Hamas nor Israel has agreed to the ceasefire proposal.",
    "Neither side has agreed to the ceasefire proposal.",
    "Officials said that neither Hamas nor Israel had agreed to the ceasefire proposal.",
])
def test_neither_before_the_subject_negates(text):
    assert not [m for _, m, _ in _typed(text) if m == "asserted"]


@pytest.mark.parametrize("text", [
    "Hamas accused Israel of breaking the truce and killing 15 Palestinians.",
    "Hamas accused Israel of ignoring the truce and bombing homes.",
])
def test_a_conjunct_of_what_an_accusation_says_is_said_whatever_the_first_gerund(text):
    assert [(c, w) for c, _, w in _typed(text)] == [("112", "accused")]


def test_a_gerund_after_a_preposition_of_time_is_no_content():
    # near miss: the meeting is an act of its own, not what the threat says
    found = [(c, w) for c, _, w in _typed("Putin threatened Ukraine after arriving in Minsk and meeting Lukashenko.")]
    assert ("040", "meeting") in found
