"""A main clause's subject "it" or "they" the entity layer left unresolved continues the coded body the sentence
before is about (issue 13, session twenty: events lost for want of a coded actor). Every sentence is invented."""

from __future__ import annotations

import newswire


def _sides(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [
        (e.trigger.text, e.source and e.source.text, e.source and e.source.actor, e.target and e.target.actor)
        for e in newswire.analyze(text, published="2024-05-01").events
    ]


def test_it_continues_the_government_before():
    found = _sides("The Kenyan government announced new border rules on Sunday. It criticized Uganda for its trade policy.")
    assert ("criticized", "It", "KENGOV", "UGA") in found


def test_it_with_an_object_clause_keeps_the_object_as_target():
    # on main the accused country became the source of its own accusation
    found = _sides("The Kenyan government announced new border rules on Sunday. It accused Uganda of arming the rebels.")
    accused = [f for f in found if f[0] == "accused"]
    assert accused and accused[0][1:] == ("It", "KENGOV", "UGA")


def test_it_after_two_bodies_stays_empty():
    # near miss: two organisations or countries before it, "it" could be either
    found = _sides("The Kenyan government met Tanzania on Sunday. It criticized Uganda for its trade policy.")
    criticized = [f for f in found if f[0] == "criticized"]
    assert all(f[2] != "KENGOV" and f[2] != "TZA" for f in criticized)


def test_it_after_a_thing_it_could_be_stays_empty():
    # near miss: "it" may be the report the ministry published, not the ministry
    found = _sides("The Kenyan government published a report on Sunday. It criticized Uganda for its trade policy.")
    assert all(f[2] != "KENGOV" for f in found if f[0] == "criticized")


def test_they_that_is_a_crowd_stays_empty():
    # near miss: a crowd of people is no coded actor, and "they" does not reach past it
    found = _sides("Thousands of Kenyan protesters gathered in Nairobi on Sunday. They denounced Uganda for its trade policy.")
    assert all(f[2] is None or not f[2].startswith("KEN") or f[1] != "They" for f in found)
