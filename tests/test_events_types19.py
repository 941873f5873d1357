"""Event triggers added in issue 13, session nineteen (recall on real news, precision first): a state joining a bloc of
states as a member ("joined NATO", "acceded to the EU", "Malta's accession to the EU", "entry into the WTO") is diplomatic
cooperation (CAMEO 050, PLOVER SUPPORT, as EVENTS-GOLD's annotators code accession to NATO). A bloc word
that only modifies another noun, joining a bloc in an act, and entry or accession to something that is no bloc stay no
such event."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _coded(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (e.cameo, e.trigger.text, e.source.actor[:3] if e.source else None, e.target.actor[:6] if e.target else None)
        for e in events(text)
    ]


@pytest.mark.parametrize("text, trigger, source, target", [
    ("Montenegro joined NATO in 2017 after a long debate.", "joined", "MNE", "IGONAT"),
    ("Estonia and Latvia joined the European Union on the same day.", "joined", "EST", "IGOEUR"),
    ("Bulgaria acceded to the European Union in 2007.", "acceded", "BGR", "IGOEUR"),
    ("Vietnam's accession to the World Trade Organization opened its markets.", "accession", "VNM", "IGOWTO"),
    ("Finland's entry into NATO angered Moscow.", "entry", "FIN", "IGONAT"),
])
def test_a_state_joining_a_bloc_is_diplomatic_cooperation(text, trigger, source, target):
    found = [c for c in _coded(text) if c[0] == "050"]
    assert found == [("050", trigger, source, target)]
    assert all(e.plover == "SUPPORT" for e in events(text) if e.cameo == "050")


def test_yielding_is_still_acceding_to_demands():
    # "accede" without a bloc keeps its row of yielding (080)
    assert [c[0] for c in _coded("The Bolivian government acceded to the demands of the miners.")] == ["080"]


@pytest.mark.parametrize("text", [
    "Polish soldiers joined NATO troops on the exercise in Lithuania.",  # a bloc word modifying the head
    "Ireland joined the EU in condemning the coup in Niger.",  # joining the bloc in an act, not as a member
    "The treaty's entry into force was delayed by a year.",  # entry into no bloc
    "The prince's accession to the throne was celebrated in Amman.",  # accession to no bloc
    "The striker joined Real Madrid last summer.",  # a club is no bloc
    "Tourists from Spain joined the crowd in the square.",
])
def test_what_is_no_joining_of_a_bloc(text):
    assert all(c[0] != "050" for c in _coded(text))


@pytest.mark.parametrize("text", [
    "The talks are the first step on a long path to join the European Union.",
    "The small republic is a candidate for accession to the European Union.",
])
def test_a_joining_with_no_joiner_named_is_left_out(text):
    assert all(c[0] != "050" for c in _coded(text))


@pytest.mark.parametrize("text", [
    "Ugandan diplomat Grace Mwangi joined the United Nations in 2001.",  # a named person
    "The Belgian engineer Paul Dumont joined NATO in 2012 as an adviser.",
    "Mwangi, a Ugandan lawyer, joined the United Nations.",
    "The Ghanaian economist joined the WTO.",  # the country only describes a person noun
    "Chile joined NATO as a consultant.",  # joining in a person's role
])
def test_a_person_taking_a_post_at_a_bloc_is_no_state_joining(text):
    assert all(c[0] != "050" for c in _coded(text))


@pytest.mark.parametrize("text, source, target", [
    ("Portugal joined NATO in 1949 as a founding member.", "PRT", "IGONAT"),  # joining as a member is joining
    ("The Ugandan government joined the United Nations in 1962.", "UGA", "IGOUNO"),  # the government as a whole
    ("Slovenia joined the E.U. in 2004.", "SVN", "IGOEUR"),  # dotted abbreviations are blocs
    ("Zambia joined the U.N. in 1964.", "ZMB", "IGOUNO"),
])
def test_a_state_or_its_government_joining_is_still_joining(text, source, target):
    assert [(c[2], c[3]) for c in _coded(text) if c[0] == "050"] == [(source, target)]


@pytest.mark.parametrize("text, code, source, target", [
    ("Turkey strongly opposes Georgia's accession to NATO.", "120", "TUR", "GEO"),
    ("China vetoed Kosovo's admission to the United Nations.", "129", "CHN", "XKX"),
    ("Poland supports Moldova's entry into the European Union.", "051", "POL", "MDA"),
    ("Austria has refused to ratify Serbia's accession to the EU.", "127", "AUT", "SRB"),
])
def test_an_act_over_a_state_joining_is_aimed_at_the_state_not_the_bloc(text, code, source, target):
    assert [(c[2], c[3]) for c in _coded(text) if c[0] == code] == [(source, target)]


def test_an_act_over_another_event_keeps_that_event_target():
    # near miss: a condemnation of another act stays aimed at that act's doer, as before
    found = [c for c in _coded("Germany condemned Russia's invasion of Georgia.") if c[0][:2] == "11"]
    assert [(c[2], c[3]) for c in found] == [("DEU", "RUS")]


@pytest.mark.parametrize("text", [
    "Serbia's entry into the European Union has been stalled for years.",  # not happened
    "Georgia's accession to NATO was delayed.",
    "Moldova's admission to the EU remains years away.",
    "Bosnia's entry into the EU would require reforms.",
    "Ukraine's entry into the EU in 2040 is the goal.",  # a date still to come
])
def test_a_joining_noun_that_has_not_happened_is_no_event(text):
    assert all(c[0] != "050" for c in _coded(text))


@pytest.mark.parametrize("text, source", [
    ("Vietnam's entry into the WTO in 2007 changed trade.", "VNM"),  # dated before publication
    ("Since Latvia's accession to the EU in 2004, trade has grown.", "LVA"),
])
def test_a_dated_joining_noun_is_an_event(text, source):
    assert [c[2] for c in _coded(text) if c[0] == "050"] == [source]


def test_a_joining_noun_under_a_present_perfect_act_happened():
    # "has brought about": done; near miss "has been delayed" (a passive): not done
    assert [c[2] for c in _coded("Poland's accession to NATO has brought about new changes in the region.") if c[0] == "050"] == ["POL"]
    assert all(c[0] != "050" for c in _coded("Poland's accession to NATO has been delayed."))
