"""Event sides (issue 13, session eighteen): whom a release is asked of, a measure laid on someone in the passive,
the doer of a condemned act."""

from __future__ import annotations

import newswire


def _events(text: str):
    return newswire.analyze(text, published="2020-01-01").events


def _sides(ev) -> tuple[str | None, str | None]:
    return (ev.source.actor if ev.source else None, ev.target.actor if ev.target else None)


def _of(found, plover: str):
    return [ev for ev in found if ev.plover == plover]


def test_a_demanded_release_is_asked_of_whom_the_freed_are_held_by():
    found = _of(_events("Chile demanded the release of prisoners held by Peru."), "REQUEST")
    assert found and all(_sides(ev) == ("CHL", "PER") for ev in found)


def test_a_called_for_release_of_people_taken_by_a_group_is_asked_of_the_group():
    found = _of(_events("Chile called for the release of the sailors captured by Peru last week."), "REQUEST")
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)


def test_a_release_of_people_held_somewhere_asks_no_one():
    # near miss: where they are held is not who holds them, nor who is freed the one asked
    found = _of(_events("Chile demanded the release of prisoners held in Peru."), "REQUEST")
    assert all((_sides(ev)[1] or "")[:3] != "PER" for ev in found)
    found = _of(_events("Chile called for the release of Peruvian prisoners."), "REQUEST")
    assert all((_sides(ev)[1] or "")[:3] != "PER" for ev in found)


def test_a_measure_laid_on_a_country_in_the_passive_is_aimed_at_it():
    found = _of(_events("New sanctions were imposed on Peru on Monday."), "SANCTION")
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)


def test_a_passive_measure_is_not_aimed_at_the_target_of_an_act_it_answers():
    found = _of(_events("Sanctions were imposed on Peru after its invasion of Chile."), "SANCTION")
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)


def test_a_person_acted_on_in_the_passive_keeps_its_phrases_as_where():
    # near miss: the subject is the patient; "at the Chilean embassy" is where, not a second target
    found = _of(_events("The journalist was arrested at the Chilean embassy by Peruvian police."), "COERCE")
    assert all((_sides(ev)[1] or "")[:3] != "CHL" for ev in found)


def test_a_condemned_attack_is_aimed_at_its_doer_not_its_victim():
    found = _of(_events("Chile condemned the Peruvian attacks on Bolivia."), "ACCUSE")
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)


def test_a_condemned_arrest_by_police_is_aimed_at_the_police():
    found = _of(_events("Chile condemned the detention of Chilean nationals by Peru."), "ACCUSE")
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)


def test_a_condemned_attack_by_no_one_named_is_aimed_at_no_victim():
    found = _of(_events("Chile condemned the attack on the Bolivian embassy in Lima."), "ACCUSE")
    assert all((_sides(ev)[1] or "")[:3] not in ("BOL", "PER") for ev in found)


def test_a_condemned_act_s_possessor_stays_the_target():
    # near miss: already aimed at the doer named as possessor
    found = _of(_events("Chile condemned Peru's strikes on Bolivia."), "ACCUSE")
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)
