"""Issue 13, session twenty (recall on real news, precision first).

An appeal, call or plea *for* something named as a noun is an appeal (CAMEO 020, PLOVER REQUEST, as EVENTS-GOLD's
annotators code CAMEO 02) when a support verb makes it an act ("Egypt renewed its call for a ceasefire", "issued an
appeal for calm"); on its own ("his call for a ban", mostly a standing proposal) it is none, and neither is what it asks
for; a phone call, a court of appeals, a legal appeal to a court and a guilty plea stay no such event.

What a frame noun asks, demands or threatens goes with the noun when a verb used as no event takes it: "Poland welcomed
Germany's demand for sanctions on Russia" tells of no sanctions imposed (it was coded 163, SANCTION, with no source).
"""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _coded(text: str) -> list[tuple[str, str, str | None]]:
    return [(e.cameo, e.trigger.text, e.source.actor[:3] if e.source and e.source.actor else None) for e in events(text)]


@pytest.mark.parametrize("text, trigger, source", [
    ("Egypt renewed its call for a ceasefire in the border region.", "call", "EGY"),
    ("Britain issued an appeal for calm after the riots in Kenya.", "appeal", "GBR"),
    ("The United Nations renewed its appeal for restraint in Sudan.", "appeal", "IGO"),
])
def test_a_named_actor_s_call_or_appeal_for_something_is_an_appeal(text, trigger, source):
    found = [c for c in _coded(text) if c[0].startswith("02")]
    assert [(c[1], c[2]) for c in found] == [(trigger, source)]
    assert all(e.plover == "REQUEST" for e in events(text) if e.cameo.startswith("02"))


@pytest.mark.parametrize("text", [
    "The French minister made a phone call to his wife in Paris.",
    "The Court of Appeals for the District of Columbia heard the case of the Iranian oil firm.",
    "Canada's appeal to the Supreme Court was heard in March.",
    "The Russian diplomat entered a guilty plea in the Ohio court.",
    "The Turkish president defended his call for a ban on foreign media in Turkey.",
    "The United Nations' appeal for restraint went unheeded in Sudan.",
])
def test_calls_appeals_and_pleas_of_other_senses_are_no_appeal(text):
    assert not [c for c in _coded(text) if c[0].startswith("02")]


@pytest.mark.parametrize("text", [
    "Poland welcomed Germany's demand for sanctions on Russia.",
    "Germany's call for sanctions on Russia was welcomed by Poland.",
    "Germany's call for sanctions on Russia angered Moscow.",
])
def test_what_a_muted_or_unmade_frame_noun_asks_for_is_no_event_of_its_own(text):
    assert not [c for c in _coded(text) if c[0].startswith("16")]


def test_the_act_itself_or_a_frame_that_is_an_event_keeps_its_content():
    # near misses: sanctions imposed are an event; rejecting a call is a refusal (its content is the call's, one event)
    assert [c[0] for c in _coded("The European Union imposed sanctions on Russia.")] == ["163"]
    coded = _coded("Iran rejected Germany's call for sanctions on Russia.")
    assert [c[0][:2] for c in coded] == ["12"]
