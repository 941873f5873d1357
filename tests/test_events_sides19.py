"""Issue 13, session nineteen: event sides told by the phrase around an event noun. A passive participle on the noun
names its roles ("the sanctions imposed on Iraq": aimed at Iraq; "... imposed by the council": done by it), and a
participle of doing joined by a hyphen to an actor names the doer ("the U.S.-led invasion"); a backer's or broker's
participle does not ("the Iranian-backed attack"). Invented sentences, each beside one that must stay as it was."""

from __future__ import annotations

import pytest

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



@pytest.mark.parametrize("text, trigger, role, code", [
    # "submitted to the WTO", "referred to the United Nations": where a complaint was lodged, not whom it is aimed at
    ("India condemned the complaint submitted to the WTO by Brazil.", "condemned", "target", "IGOWTO"),
    ("Japan criticised the dispute referred to the United Nations by Peru.", "criticised", "target", "IGOUNO"),
    # "carried out on behalf of Syria": for whom the raid was done, not whom it was aimed at
    ("The raid carried out on behalf of Syria by the militia killed ten.", "raid", "target", "SYR"),
    # "the Norway-led talks": the one leading talks is their mediator, no side
    ("The Norway-led talks between Colombia and the FARC rebels resumed in Havana.", "talks", "source", "NOR"),
    ("Peru welcomed the Norway-led talks between Colombia and Venezuela.", "welcomed", "target", "NOR"),
])
def test_a_forum_a_beneficiary_or_a_mediator_is_no_side(text, trigger, role, code):
    assert all(getattr(e, role) is None or _code(getattr(e, role)) != code for e in _with(events(text), trigger))


@pytest.mark.parametrize("text, trigger, role, codes", [
    # near misses: the receiver of what is delivered; the parties of led talks; the leader of a led act
    ("Russia condemned the weapons delivered to Ukraine.", "condemned", "target", {"UKR"}),
    ("The Norway-led talks between Colombia and the FARC rebels resumed in Havana.", "talks", "source", {"COL"}),
    ("Peru welcomed the Norway-led talks between Colombia and Venezuela.", "welcomed", "target", {"COL", "VEN"}),
    ("The Saudi-led offensive on the port began in June.", "offensive", "source", {"SAU"}),
])
def test_a_receiver_a_party_or_a_leader_is_a_side(text, trigger, role, codes):
    found = _with(events(text), trigger)
    assert found
    assert all(getattr(e, role) is not None and _code(getattr(e, role)) in codes for e in found)
