"""Wrong event records read on real news in session nineteen, fixed by construction (issue 13): a comma-joined clause
read as the next verb's complement, a state's retort "fired back at" coded as an armed attack.
Every sentence is invented."""

from __future__ import annotations

import newswire


def events(text: str):
    return newswire.analyze(text, published="2024-05-01").events


def _coded(text: str) -> list[tuple[str, str, str | None, str | None, bool]]:
    return [
        (e.cameo, e.trigger.text, e.source and e.source.text, e.target and e.target.text, bool(e.target and e.target.implicit))
        for e in events(text)
    ]


# --- 1. two clauses side by side, the first hung on the second's verb by the parser ---------------------------


def test_comma_joined_clause_is_no_complement():
    found = _coded("Norway pledged to take 40 orphans, Peru agreed to take 12.")
    agreed = [c for c in found if c[1] == "agreed"]
    assert agreed and agreed[0][2] == "Peru"
    # Norway is no named target of Peru's agreement: at most the sentence's other country, marked implicit
    assert all(c[4] or c[3] is None for c in agreed)
    assert "pledged" in [c[1] for c in found]  # Norway's pledge is an event of its own


def test_fronted_complement_of_a_demand_stays_one():
    # near miss: the verb takes no complement of its own after it, the fronted clause is what was demanded
    found = _coded("Chile will withdraw its troops, Peru demanded.")
    assert [(c[1], c[2], c[3], c[4]) for c in found] == [("demanded", "Peru", "Chile", False)]


# --- 2. a state's retort in words ---------------------------------------------------------------------------


def test_state_firing_back_at_state_is_no_guess():
    # words or fire, the sentence does not say: no record (as 111 the review found real exchanges of fire read as words)
    found = _coded("Brazil fired back at Argentina on Tuesday.")
    assert [c for c in found if c[1] == "fired"] == []


def test_firing_back_with_weapons_or_force_in_the_sentence_stays_force():
    # near misses from the review: a weapon or position as a side, a volley or attack told in the sentence, a border
    for text in (
        "Brazil's air defenses fired back at Argentina.",
        "Brazil fired back at Argentina's drones.",
        "Brazil fired back at Argentina after a mortar attack on the border town.",
        "Brazil fired back at Argentina after the rocket barrage.",
        "Brazil fired back at Argentina along the disputed border.",
    ):
        assert [c[0][:2] for c in _coded(text) if c[1] == "fired"] == ["19"], text


def test_firing_back_with_arms_or_on_a_place_stays_force():
    # near misses: a means of force, a place struck, an armed side
    assert [c[0][:2] for c in _coded("Brazil fired back at Argentina on its border.") if c[1] == "fired"] == ["19"]
    assert [c[0][:2] for c in _coded("Brazil fired back at Argentina with rockets.") if c[1] == "fired"] == ["19"]
    assert [c[0][:2] for c in _coded("Brazilian troops fired back at Argentina.") if c[1] == "fired"] == ["19"]


# --- 3. pressure put on someone to do something ---------------------------------------------------------------


def test_pressure_on_someone_to_act_is_asked_of_them():
    # "put pressure on Peru to free them" asks Peru to free them, as "pressed Peru to free them" does
    for text, act in (
        ("Chile put pressure on Peru to release the fishermen.", "release"),
        ("Chile put pressure on Peru to allow aid into Arica.", "allow"),
    ):
        found = [e for e in events(text) if e.trigger.text == act]
        assert [(e.source and e.source.text, e.modality) for e in found] == [("Peru", "requested")]


def test_a_purpose_without_pressure_keeps_its_doer():
    # near miss: an opened border is no pressure; "on Monday" is a time, not whom it is put on
    found = [e for e in events("Chile opened its border on Monday to allow aid into Arica.") if e.trigger.text == "allow"]
    assert [(e.source and e.source.text, e.modality) for e in found] == [("Chile", "asserted")]


def test_agreeing_on_a_view_of_another_is_no_promise():
    # session nineteen's judge: "agreed that Kyiv needed weapons" coded AGREE; a view held in common, nothing promised
    assert [c for c in _coded("France and Germany agreed that Ukraine needed more weapons.") if c[1] == "agreed"] == []
    assert [c for c in _coded("Brazil and Chile agreed that there was no alternative to talks.") if c[1] == "agreed"] == []
    # near misses: an act of their own to come, a permission, an agreement to do
    assert [c[0][:2] for c in _coded("Russia agreed that it would withdraw its troops from the border.") if c[1] == "agreed"] == ["03"]
    assert [c[0][:2] for c in _coded("Iran agreed that inspectors could visit the site.") if c[1] == "agreed"] == ["03"]
    assert [c[0][:2] for c in _coded("Israel agreed to a ceasefire with Hamas.") if c[1] == "agreed"] == ["03"]
    # near misses from the review: an arrangement in the present or the subjunctive, the sides' own forces
    for text in (
        "Russia and Ukraine agreed that the talks resume next week.",
        "Russia and Ukraine agreed that prisoners be exchanged on Friday.",
        "China and Vietnam agreed that their coast guards keep talking.",
    ):
        assert [c[0][:2] for c in _coded(text) if c[1] == "agreed"] == ["03"], text
