"""Event triggers added in issue 13, session seventeen (recall on real news, precision first): resisting what another
asks or presses for is a rejection; revoking a person's visa, accreditation or licence is an administrative sanction;
requests, pleas and petitions made of someone are appeals, and objections raised are disapproval. Words whose event
reading depends on what they are about stay no event without it."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _coded(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (e.cameo, e.trigger.text, e.source.actor if e.source else None, e.target.actor if e.target else None)
        for e in events(text)
    ]


@pytest.mark.parametrize("text", [
    "The Chilean government resisted calls from Peru to ease the restrictions.",
    "Bolivia resisted pressure from Peru over the border dispute.",
    "Chile resisted attempts by Peru to reopen the case.",
])
def test_resisting_what_another_asks_is_a_rejection(text):
    found = events(text)
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("REJECT", "resisted", "asserted")]
    assert found[0].source.actor[:3] in ("CHL", "BOL")
    assert found[0].target.actor == "PER"


@pytest.mark.parametrize("text", [
    "Ukrainian troops resisted the advance near the river.",
    "The suspect resisted arrest and was taken to a police station.",
    "Finnish voters resisted the temptation to punish the ruling party.",
])
def test_resisting_an_army_an_arrest_or_a_temptation_is_no_rejection(text):
    assert not [e for e in events(text) if e.plover == "REJECT"]


@pytest.mark.parametrize("text, target", [
    ("Norway revoked the accreditation of two Danish journalists.", "DNK"),
    ("The Swedish government revoked the visas of three Finnish officials.", "FIN"),
])
def test_revoking_a_persons_standing_is_an_administrative_sanction(text, target):
    found = events(text)
    assert [(e.cameo, e.plover) for e in found] == [("172", "COERCE")]
    assert found[0].target.actor[:3] == target


def test_revoking_a_restriction_stays_an_easing():
    assert [e.cameo for e in events("Norway revoked the curfew on Danish fishermen.")] != ["172"]


@pytest.mark.parametrize("text, source, target", [
    ("Norway suspended arms exports to Chile last week.", "NOR", "CHL"),
    ("The Danish government paused weapons deliveries to Peru.", "DNKGOV", "PER"),
])
def test_stopping_arms_sales_or_deliveries_is_an_embargo(text, source, target):
    found = events(text)
    assert [(e.cameo, e.plover) for e in found] == [("163", "SANCTION")]
    assert (found[0].source.actor, found[0].target.actor) == (source, target)


@pytest.mark.parametrize("text", [
    "The Finnish firm halted deliveries to its customers in Sweden.",
    "The Norwegian shipyard suspended sales of its ferries.",
])
def test_stopping_other_sales_or_deliveries_is_no_embargo(text):
    assert not [e for e in events(text) if e.plover == "SANCTION"]
