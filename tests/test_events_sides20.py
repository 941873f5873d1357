"""Issue 13, session twenty: event sides that are no side. Co-mediators are not each other's target; the possessor of a
noun of undergoing ("the minister's arrest") is the one it is done to, not its doer. Invented sentences, each beside
one that must stay as it was."""

from __future__ import annotations

from test_events_roles_offices import _code, _with, events


def test_co_mediators_are_not_each_others_target():
    found = events("The ceasefire talks were mediated by Egypt and Qatar last week.")
    assert not any(_code(e.source) == "EGY" and _code(e.target) == "QAT" for e in found)
    found = events("Egypt and Qatar mediated the talks in Cairo.")
    assert not any(_code(e.source) == "EGY" and _code(e.target) == "QAT" for e in found)


def test_coordinated_sides_of_a_meeting_still_face_each_other():
    found = _with(events("Egypt and Qatar met in Cairo on Monday."), "met")
    assert found
    assert all(_code(e.source) == "EGY" and _code(e.target) == "QAT" for e in found)


def test_the_possessor_of_an_arrest_is_the_one_arrested():
    text = "Russian officials said the reason for Deputy Defence Minister Petrov's arrest was unclear."
    found = _with(events(text), "arrest")
    assert found
    assert all(e.source is None or "Petrov" not in e.source.text for e in found)
    assert all(e.target is not None and "Petrov" in e.target.text for e in found)


def test_a_possessor_with_an_of_phrase_is_still_the_doer():
    found = _with(events("Hamas's attack on Israel began at dawn."), "attack")
    assert found
    assert all(_code(e.source) == "PSEREB" and _code(e.target) == "ISR" for e in found)
    found = _with(events("Russia's arrest of the reporter angered officials."), "arrest")
    assert found
    assert all(_code(e.source) == "RUS" for e in found)
