"""Issue 13, session nineteen: event sides told by the phrase around an event noun. A passive participle on the noun
names its roles ("the sanctions imposed on Iraq": aimed at Iraq; "... imposed by the council": done by it), and a
participle of doing joined by a hyphen to an actor names the doer ("the U.S.-led invasion"); a backer's or broker's
participle does not ("the Iranian-backed attack"). Invented sentences, each beside one that must stay as it was."""

from __future__ import annotations

from test_events_roles_offices import _code, _with, events


def test_a_participle_on_the_object_names_whom_a_refusal_is_aimed_at():
    found = _with(events("The council said it will not lift the sanctions imposed on Libya after the bombing of the airliner."), "lift")
    assert found
    assert all(_code(e.target) == "LBY" for e in found)


def test_a_participle_of_place_or_time_names_no_target():
    # "held in Geneva": where the talks were, no one they are aimed at
    found = _with(events("The council said it will not lift the curbs announced in Geneva after the bombing of the airliner."), "lift")
    assert all(e.target is None or _code(e.target) != "CHE" for e in found)


def test_a_hyphen_led_actor_is_the_doer_of_the_event_noun():
    found = _with(events("The U.S.-led invasion of Iraq began in March."), "invasion")
    assert found
    assert all(e.source is not None and _code(e.source) == "USA" for e in found)
    assert all(_code(e.target) == "IRQ" for e in found)


def test_a_condemned_hyphen_led_attack_is_aimed_at_its_leader():
    found = _with(events("NATO denounced the Russian-orchestrated attacks on civilians."), "denounced")
    assert found
    assert all(e.target is not None and _code(e.target) == "RUS" for e in found)


def test_a_hyphen_backed_actor_is_not_the_doer():
    found = _with(events("NATO denounced the Russian-backed attacks on civilians."), "denounced")
    assert all(e.target is None or _code(e.target) != "RUS" for e in found)
    found = _with(events("The Iranian-backed invasion of the island began in March."), "invasion")
    assert all(e.source is None or _code(e.source) != "IRN" for e in found)
