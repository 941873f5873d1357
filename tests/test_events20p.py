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


def test_a_retort_with_a_statement_is_words_not_force():
    assert [c[:2] for c in _codes("North Korea fired back at South Korea with a statement on Tuesday.", "fired")] == ["11"]
    # near miss: a retort with arms stays force
    assert [c[:2] for c in _codes("North Korea fired back at South Korea with artillery on Tuesday.", "fired")] == ["19"]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The German chancellor said Berlin recognizes Israel's right to self-defense.", "recognizes"),
        ("Britain recognized the role of Qatar in the talks.", "recognized"),
    ],
)
def test_recognising_a_right_or_a_role_is_no_diplomatic_recognition(text, trigger):
    assert _codes(text, trigger) == []


def test_recognising_a_state_or_its_independence_stays():
    assert _codes("Germany recognized Kosovo's independence in 2008.", "recognized") == ["054"]
    assert _codes("Britain recognized the state of Palestine on Sunday.", "recognized") == ["054"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's military warned Russia that the situation has significantly worsened.",
        "The Thai prime minister warned protesters they were creating divisions.",
    ],
)
def test_a_warning_of_what_has_happened_is_no_threat(text):
    assert _codes(text, "warned") == []


@pytest.mark.parametrize(
    "text",
    [
        "Iran warned Israel that it will retaliate.",
        "Iran warned Israel that it was going to retaliate.",
        "Iran warned Israel it is ready to strike.",
    ],
)
def test_a_warning_of_an_act_to_come_stays_a_threat(text):
    assert [c[:2] for c in _codes(text, "warned")] == ["13"]


def test_reporters_talking_to_people_are_no_consultation():
    assert _codes("CNN spoke with doctors from Doctors Without Borders on Monday.", "spoke") == []
    assert _codes("A Reuters reporter met the rebel commander in Goma.", "met") == []
    # near miss: two governments' leaders talking stays a consultation
    assert [c[:2] for c in _codes("The French president spoke with the German chancellor on Sunday.", "spoke")] == ["04"]



@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi told visiting Ukrainian Foreign Minister Dmytro Kuleba on Tuesday that China supported peace.",
        "Chinese Foreign Minister Wang Yi told visiting Ukrainian Foreign Minister Dmytro Kuleba that China supported peace.",
    ],
)
def test_a_visiting_guest_is_not_visited_by_the_host(text):
    """"told visiting minister Kuleba": the participle describes the guest; no visit by the teller to the guest."""
    assert not [e for e in _events(text, "visiting") if e.source is not None and e.source.text.startswith("Wang")]


def test_a_visit_told_as_a_clause_stays():
    events = _events("Kuleba was visiting China when the Chinese foreign minister told him that Beijing supported peace.",
                     "visiting")
    assert [(e.cameo[:2], e.source.text, e.target.actor) for e in events] == [("04", "Kuleba", "CHN")]


def test_an_act_admitted_as_a_gerund_stays():
    assert [e.cameo[:2] for e in _events("Jordan has admitted shooting down Iranian drones over its territory.", "shooting")] == ["19"]
