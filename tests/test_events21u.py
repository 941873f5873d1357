"""Issue 13, session twenty-one (events21u): wrong records a new user's trial found shown by default. Invented
sentences, each fix beside a near miss that must not change: handing over a document is no return or release (084)
while handing over people or a town still is. (Its two other rules were taken out after their review: a bare verb in
any that-clause read as a subjunctive made "Analysts said the Taliban threaten Kabul" requested; a named person
arrested with no nationality given lost the story's country, right in most real cases.)"""

from __future__ import annotations

import pytest

import newswire


def _events(text: str, published: str = "2025-05-11") -> list:
    return newswire.analyze(text, published=published).events


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine had handed over its peace proposals to Russia.",
        "Kenya handed over a list of hundreds of detainees to Uganda.",
        "Iraq handed over the letter to Kuwait.",
    ],
)
def test_handing_over_a_document_is_no_return(text):
    assert [e.cameo for e in _events(text) if e.cameo.startswith("08")] == []


@pytest.mark.parametrize(
    "text, code",
    [
        ("Iraq handed over the disputed town to Kuwait.", "084"),
        ("Iraq handed over the captured pilots to Kuwait.", "084"),
        ("Kenya handed over the suspects to Uganda.", "063"),
    ],
)
def test_handing_over_people_or_land_is_still_coded(text, code):
    assert [e.cameo for e in _events(text)] == [code]
