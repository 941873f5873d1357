"""Compound titles (issues 13 and 14, session eighteen): "Vice President X" is no "the president", "Prime Minister X"
no "the minister"; the endings of a title that still name its office keep linking.

Invented texts; each rule has cases it changes and near misses (one person who stays one, two who stay two).
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def speakers(text: str) -> list[str | None]:
    doc = parse(text)
    return [q.speaker_name for q in extract_quotes(doc, extract_entities(doc))]


# --- compound titles: "Vice President X" is no "the president", "Prime Minister X" no "the minister"


@pytest.mark.parametrize(
    "text",
    [
        "Vice President Rosa Calder spoke in Atlanta. Jobs are coming back, the president said.",
        "Prime Minister Tom Haldane met farmers in Ottawa. Prices will fall, the minister said.",
        "Deputy Governor Ann Pike met farmers in Leeds. Prices will fall, the governor said.",
    ],
)
def test_compound_title_is_another_office(text):
    assert speakers(text)[0] not in ("Rosa Calder", "Tom Haldane", "Ann Pike")


@pytest.mark.parametrize(
    "text, who",
    [
        ("Foreign Minister Anna Berg met farmers in Oslo. Prices will fall, the minister said.", "Anna Berg"),
        ("Vice President Rosa Calder spoke in Atlanta. Jobs are coming back, the vice president said.", "Rosa Calder"),
        ("Prime Minister Tom Haldane met farmers in Ottawa. Prices will fall, the prime minister said.", "Tom Haldane"),
    ],
)
def test_title_and_its_own_ending_link(text, who):
    assert speakers(text) == [who]


# --- another title of the same office: "Representative X" is "the congressman"


@pytest.mark.parametrize(
    "text, who",
    [
        ("Representative Jim Halvorsen held a hearing on Tuesday. The report is flawed, the congressman said.", "Jim Halvorsen"),
        ("Rep. Jim Halvorsen held a hearing on Tuesday. The report is flawed, the congressman said.", "Jim Halvorsen"),
        ("Representative Nora Bellweather held a hearing. The report is flawed, the congresswoman said.", "Nora Bellweather"),
    ],
)
def test_title_synonym_links(text, who):
    assert speakers(text) == [who]


@pytest.mark.parametrize(
    "text",
    [
        # a state representative is no congressman; a woman is no "the congressman" of the entity layer's
        "State Representative Jim Halvorsen held a hearing on Tuesday. The report is flawed, the congressman said.",
        "Representative Nora Bellweather held a hearing. The report is flawed, the congressman said.",
    ],
)
def test_title_synonym_near_misses(text):
    doc = parse(text)
    person = next(e for e in extract_entities(doc) if e.type == "PERSON")
    assert not any(m.text == "the congressman" for m in person.mentions)
