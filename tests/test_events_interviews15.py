"""Deaths from a disease are no attack, and an interview given to a news outlet is no consultation nor a demand of it
(issue 13, session fifteen: records of the check news read while developing)."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


@pytest.mark.parametrize("text", [
    "The virus has killed more than 2,000 people in Portugal.",
    "Cholera has killed 300 people in Somalia since January.",
])
def test_deaths_from_a_disease_are_no_attack(text):
    assert not [e for e in events(text) if e.plover == "ASSAULT"]


def test_deaths_at_armed_hands_stay_an_attack():
    found = events("Ethiopian soldiers killed 30 Somali fighters near the border.")
    assert [e.plover for e in found] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Talking with ABC News, the former FBI director said he regretted nothing.",
    "The Brazilian senator was speaking with CNN in Houston.",
    '"Everybody should vote," the Canadian prime minister told The Canadian Press.',
])
def test_an_interview_with_a_news_outlet_is_no_consultation_nor_demand(text):
    assert not [e for e in events(text) if e.plover in ("CONSULT", "REQUEST")]


def test_a_meeting_of_two_leaders_stays_a_consultation():
    found = events("The Chilean president met the Argentine president in Santiago.")
    assert [(e.plover, e.source.actor[:3], e.target.actor[:3]) for e in found] == [("CONSULT", "CHL", "ARG")]


def test_a_news_outlets_trip_is_no_visit():
    assert not [e for e in events("The BBC travelled to a Caracas hospital.") if e.plover == "CONSULT"]
