"""Issue 13, session fourteen (events14b): a warning told by a noun is a threat ("a stern warning to Ukraine"), an
advisory is none; criticism of a speech act is aimed at who made it ("condemned Trump's threat to ban Muslims").
Invented sentences; the guards are the readings that are no event, or that main already gets right."""

from __future__ import annotations

import newswire


def events(text: str, published: str = "2015-05-06"):
    return newswire.analyze(text, published=published).events


def _side(actor):
    return actor.actor[:3] if actor is not None and actor.actor else None


def test_a_warning_is_a_threat_by_who_issued_it():
    found = events("Russia issued a stern warning to Ukraine on Friday.")
    assert [(e.plover, e.trigger.text, _side(e.source), _side(e.target)) for e in found] == [("THREATEN", "warning", "RUS", "UKR")]
    found = events("The Chinese government's warning to Taiwan came a day after the vote.")
    assert [(e.plover, _side(e.source), _side(e.target)) for e in found] == [("THREATEN", "CHN", "TWN")]


def test_an_advisory_is_no_threat():
    assert events("Health Canada issued a warning about the recalled pills.") == []
    assert events("The FBI issued warnings of intrusions into Canadian election systems.") == []
    assert events("The State Department renewed its travel warning for Mexico.") == []


def test_condemning_a_speech_act_is_aimed_at_who_made_it():
    found = events("The Mexican government condemned Donald Trump's threat to ban Muslims.")
    assert [(e.plover, _side(e.source), e.target.text if e.target else None) for e in found] == [("ACCUSE", "MEX", "Donald Trump")]
    found = events("The Mexican government condemned Donald Trump's call for a ban on Muslims.")
    assert [(e.plover, _side(e.source), e.target.text if e.target else None) for e in found] == [("ACCUSE", "MEX", "Donald Trump")]
