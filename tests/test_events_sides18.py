"""Event sides (issue 13, session eighteen): whom a release is asked of."""

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
