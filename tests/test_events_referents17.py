"""Event sources a pronoun gives that the entity layer leaves unresolved (issue 13, session seventeen): a speaker's own
"I"/"we" in a direct quote, and "their"/"its" on an event noun owned by its clause's subject."""

from __future__ import annotations

import newswire


def _events(text: str):
    return newswire.analyze(text, published="2020-01-01").events


def _at(text: str, word: str, after: str = ""):
    start = text.index(word, text.index(after) if after else 0)
    return [ev for ev in _events(text) if ev.trigger.start == start]


def test_a_ministers_i_in_her_direct_quote_is_the_minister():
    text = ("Foreign Minister Anna Lindqvist of Sweden spoke in Stockholm on Monday. "
            "\u201cI urge the public to stay calm,\u201d Lindqvist told reporters.")
    found = [ev for ev in _events(text) if ev.source and ev.source.text == "I"]
    assert found and all(ev.source.actor.startswith("SWE") for ev in found)
    ev = found[0]
    assert text[ev.source.start:ev.source.end] == "I"


def test_a_ministers_we_is_left_out():
    # near miss: "we" is the speaker's side (a party, a coalition, a family), which the speaker's code does not name
    text = ("Foreign Minister Anna Lindqvist of Sweden spoke in Stockholm on Monday. "
            "\u201cWe urge the public to stay calm,\u201d Lindqvist told reporters.")
    assert not [ev for ev in _events(text) if ev.source and ev.source.text == "We"]


def test_their_investigation_is_the_plural_subjects():
    text = "Scotland Yard detectives pressed on with their inquiry into the fire."
    found = _at(text, "inquiry")
    assert found and all(ev.source and ev.source.actor.startswith("GBR") for ev in found)
    ev = found[0]
    assert text[ev.source.start:ev.source.end] == "their"


def test_their_with_a_singular_subject_is_left_out():
    # near miss: "their" is not the one commander's, and no one else in the clause is named
    text = "The Scotland Yard commander pressed on with their inquiry into the fire."
    assert not [ev for ev in _at(text, "inquiry") if ev.source and ev.source.text == "their"]


def test_their_of_an_act_done_to_them_is_no_source():
    # near miss: the possessive of an arrest is whom it is done to
    text = "Scotland Yard detectives protested against their arrest in London."
    assert not [ev for ev in _at(text, "arrest") if ev.source and ev.source.text == "their"]


def test_i_with_a_coded_target_is_left_as_it_was():
    # the speaker is given only to an event that no coded actor keeps: one already aimed at a coded actor is unchanged
    text = ("Foreign Minister Anna Lindqvist of Sweden spoke in Stockholm on Monday. "
            "\u201cI spoke with the Belarusian ambassador today,\u201d Lindqvist told reporters.")
    assert not [ev for ev in _events(text) if ev.source and ev.source.text == "I"]
