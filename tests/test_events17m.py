"""How users see appeals and public statements, unrealised acts and what a speech act says (issue 13, session
seventeen): a CAMEO 02 appeal is a PLOVER REQUEST and a CAMEO 01 public statement is no event (EVENTS-GOLD.md)."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _typed(text: str) -> list[tuple[str | None, str, str]]:
    return [(e.plover, e.cameo_root, e.trigger.text) for e in events(text)]


@pytest.mark.parametrize("text, trigger", [
    ("Norway urged Sweden to reopen its border.", "urged"),
    ("The Chilean government appealed to Peru for calm.", "appealed"),
])
def test_an_appeal_is_a_request(text, trigger):
    assert _typed(text) == [("REQUEST", "02", trigger)]


def test_a_demand_stays_a_request_of_its_own_root():
    # near miss: a demand (10) was a REQUEST before; only the appeals' type is new
    assert _typed("Norway demanded that Sweden reopen its border.") == [("REQUEST", "10", "demanded")]


@pytest.mark.parametrize("text", [
    "Norway warned that the talks could fail.",  # a pessimistic comment (012)
    "The Chilean embassy declined to comment.",  # a declined comment (011)
])
def test_a_public_statement_is_no_event(text):
    assert events(text) == []


def test_a_warning_that_threatens_is_still_a_threat():
    # near miss: a warning whose clause says the speaker's own forces will act is a threat (13), not a statement
    found = [(e.plover, e.source.actor) for e in events("Norway warned that its forces would strike back.")]
    assert found == [("THREATEN", "NOR")]

