"""Issue 13, session twenty (events20p): confident events a reader finds wrong. Invented sentences, each fix beside a
near miss that must not change: a habitual record of years ("has, over many years, condemned"), a retort in words
("fired back ... with a statement"), recognising a right or a need (no diplomatic recognition), a warning of what has
happened already (no threat), and reporters of a news medium talking to people (no consultation)."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str, trigger: str) -> list:
    events = newswire.analyze(text, published="2010-05-05").events
    return [e for e in events if e.trigger.text == trigger]


def _codes(text: str, trigger: str) -> list[str]:
    return [e.cameo for e in _events(text, trigger)]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The Dutch president has, over many years, condemned the Russian government.", "condemned"),
        ("Iran has for decades accused Israel of sabotage.", "accused"),
        ("Chile has over the past decade criticized Peru for its border policy.", "criticized"),
    ],
)
def test_a_perfect_over_years_is_a_record_of_acts_not_an_event(text, trigger):
    assert _codes(text, trigger) == []


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Iran has accused Israel of sabotage.", "accused"),
        ("Over the past week, Russia has attacked Kyiv with drones.", "attacked"),
        ("Russia has attacked Kyiv for the first time in years.", "attacked"),
        ("The court has been investigating Israel's actions in Gaza for the past three years.", "investigating"),
    ],
)
def test_a_perfect_without_a_span_of_years_stays(text, trigger):
    assert _codes(text, trigger) != []


