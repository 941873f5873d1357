"""A picture or a recording that shows someone is no speaker (issue 14, session twenty): "Footage showed X telling
reporters Y" makes no quote of the footage; X's own cue ("telling") reports X's words. Records, data and people who
show stay as before.

Invented texts; cases the rule changes and near misses that must stay.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def quotes(text: str) -> list[tuple[str | None, str]]:
    doc = parse(text)
    return [(q.speaker.text if q.speaker else None, q.content.text) for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the picture shows a speaker: the speaker's own cue reports
        ("The video, which was posted on Monday, shows John Smith telling soldiers that the town had fallen.",
         [("John Smith", "that the town had fallen")]),
        ("Video footage showed the minister telling reporters that the plan was dead.",
         [("the minister", "that the plan was dead")]),
        # someone shown who speaks in a clause of their own
        ("Footage showed John Smith, who later said he was innocent, running from the scene.",
         [("John Smith", "he was innocent")]),
        # an aside's participle borrows no speaker from the picture or from whom it shows; a claim keeps its owner
        ("Video shows that John Smith had his hands in the air, contradicting the police's earlier claim that he had "
         "refused to comply.", [("the police's", "that he had refused to comply")]),
        # the picture shows no one speaking: nothing
        ("Footage showed police firing tear gas at protesters.", []),
        ("Images posted online showed the bridge collapsing into the river.", []),
    ],
)
def test_a_picture_is_no_speaker(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Records show the company paid no tax last year.", "Records"),
        ("The report showed that the company paid no tax last year.", "The report"),
        ("Smith showed reporters that the company paid no tax.", "Smith"),
    ],
)
def test_records_a_report_and_a_person_still_show(text, speaker):
    assert [s for s, _ in quotes(text)] == [speaker]


def test_a_clip_that_says_is_its_makers_words():
    # an advertisement's words are its maker's, as a report's are its authors': "says" keeps the clip as the source
    assert quotes("The clip says the senator has a passion for defending the wrong people.") == [
        ("The clip", "the senator has a passion for defending the wrong people")
    ]
