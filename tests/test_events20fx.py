"""Issue 13, session twenty (events20fx): the review's defects in events20fe's grievance and mediation rules. Invented
sentences, each fix beside a near miss that must not change: a "between" the parser hangs on a co-mediator still names
the two sides."""

from __future__ import annotations

import newswire


def _events(text: str, trigger: str) -> list:
    events = newswire.analyze(text, published="2010-05-05").events
    return [e for e in events if e.trigger.text == trigger]


def _targets(text: str, trigger: str) -> list:
    found = _events(text, trigger)
    assert found, text
    return [e.target.text if e.target else None for e in found]


def test_a_between_hung_on_the_co_mediator_names_the_two_sides():
    found = _events("Oman mediated with Egypt between Iran and Saudi Arabia.", "mediated")
    assert found
    assert all(e.target is None or e.target.text != "Egypt" for e in found)
    assert [e.target.text for e in found if e.target] == ["Iran"]


def test_a_between_on_the_verb_still_names_the_two_sides():
    # near miss: the order the parser already reads
    assert _targets("Oman mediated between Iran and Saudi Arabia with Egypt.", "mediated") == ["Iran"]
