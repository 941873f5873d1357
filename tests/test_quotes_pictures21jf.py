"""The picture rule of session twenty kept to pictures that show (session twenty-one): a picture or a recording that
shows, depicts or stands as evidence (data/showing_verbs.txt) is no speaker; one that claims, warns or says speaks for
its maker, as a report speaks for its authors.

Invented texts; cases the rule changes and near misses that must stay.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def quotes(text: str):
    doc = parse(text)
    return [(q.speaker.text if q.speaker else None, q.content.text) for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The video claims that the vaccine causes infertility.", [("The video", "that the vaccine causes infertility")]),
        ("A video released by the group warns that more attacks will follow.", [("A video", "that more attacks will follow")]),
        # near miss of the picture's object: a quotation it speaks itself
        ('The video warns: "More attacks will follow."', [("The video", "More attacks will follow.")]),
    ],
)
def test_a_picture_that_claims_or_warns_speaks_for_its_maker(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # near misses: a picture that shows or stands as evidence stays no speaker
        ("The footage depicts the mayor telling reporters that the bridge was safe.", [("the mayor", "that the bridge was safe")]),
        ("The video confirms that the guards beat the prisoners.", []),
        ("The video suggests that the guards beat the prisoners.", []),
        ("The footage contradicts the police's claim that the man was armed.", [("the police's", "that the man was armed")]),
        # what a picture bears, its object, beside a quotation: no claim of the picture's
        ("Ana Ruiz posted a photo of her son. The photo quotes Romans 8:31 \u2013 \u201cIf God is for us, who can be against "
         "us?\u201d", [("Ana Ruiz", "If God is for us, who can be against us?")]),
        ('The page featured five old photos telling "the story of how the couple met."', []),
    ],
)
def test_a_picture_that_shows_is_no_speaker(text, expected):
    assert quotes(text) == expected
