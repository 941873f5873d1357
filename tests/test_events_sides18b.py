"""Event sides (issue 13, session eighteen, review fixes): a condemned act's doer is never its victim, "blamed the
attack on Y" blames Y, a release of people held with no "by" agent asks no one, a topic "on" is no target, and a
mutual act has no single doer to blame."""

from __future__ import annotations

import newswire


def _events(text: str):
    return newswire.analyze(text, published="2020-01-01").events


def _target(ev) -> str:
    return (ev.target.actor or "") if ev.target else ""


def _of(found, plover: str):
    return [ev for ev in found if ev.plover == plover]


# must-fix 3: a participle of holding with no "by" agent names no holder
def test_a_release_of_people_detained_somewhere_asks_no_one():
    for text in ("Washington called for the release of Americans detained in Russia.",
                 "Britain demanded the release of British sailors seized in the Gulf.",
                 "Chile demanded the release of Chilean hostages taken to Peru."):
        found = _of(_events(text), "REQUEST")
        assert found and all(_target(ev) == "" for ev in found), text


def test_a_release_of_people_held_by_someone_is_still_asked_of_them():
    # near miss: an explicit agent is the holder
    found = _of(_events("Egypt demanded the release of prisoners held by Israel."), "REQUEST")
    assert found and all(_target(ev)[:3] == "ISR" for ev in found)
    found = _of(_events("Chile called for the release of the sailors captured by Peru last week."), "REQUEST")
    assert found and all(_target(ev)[:3] == "PER" for ev in found)
