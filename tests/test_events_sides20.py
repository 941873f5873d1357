"""Issue 13, session twenty: event sides that are no side. Co-mediators are not each other's target. Invented sentences,
each beside one that must stay as it was."""

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
