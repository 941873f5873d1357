"""A quote's speaker span is whole words: never cut inside a hyphenated name (session nineteen)."""

import pytest

import newswire


@pytest.mark.parametrize(
    "text, name",
    [
        # the parser makes only the last parts the subject ("o-cha", "in"): the span must still hold the whole name
        ("Prime Minister Prayut Chan-o-cha said on Friday that the border would reopen.", "Prayut Chan-o-cha"),
        ("President Moon Jae-in said the summit had gone well.", "Moon Jae-in"),
        # parsed whole already: unchanged
        ("Foreign Minister Kang Kyung-wha said the talks would go on.", "Kang Kyung-wha"),
    ],
)
def test_hyphenated_name_is_the_whole_speaker_span(text, name):
    quotes = newswire.analyze(text, published="2020-05-01").quotes
    assert quotes
    q = quotes[0]
    evidence = text[q.speaker.start : q.speaker.end]
    assert name in evidence
    # the span starts and ends on word boundaries
    assert q.speaker.start == 0 or not text[q.speaker.start - 1].isalnum() and text[q.speaker.start - 1] != "-"
    assert q.speaker.end == len(text) or not text[q.speaker.end].isalnum() and text[q.speaker.end] != "-"


def test_hyphenated_modifier_stays_outside_a_plain_name():
    text = "A pro-government newspaper said the vote was fair."
    q = newswire.analyze(text, published="2020-05-01").quotes[0]
    assert text[q.speaker.start : q.speaker.end] == "A pro-government newspaper"


def test_dateline_dash_still_parts_the_heading():
    text = "REACTION - Emmanuel Macron said the plan would work."
    q = newswire.analyze(text, published="2020-05-01").quotes[0]
    assert text[q.speaker.start : q.speaker.end] == "Emmanuel Macron"


def test_people_of_a_place_are_not_the_place():
    # "Several Palestinians told CNN": the entity layer holds the demonym with "the Gaza Strip"; the speakers are people
    text = "Strikes hit the Gaza Strip on Monday. Several Palestinians told reporters that they had nowhere to go."
    q = newswire.analyze(text, published="2024-07-25").quotes[0]
    assert q.speaker_name != "Gaza Strip" and q.speaker_entity is None
    # near miss: the state itself speaks
    q = newswire.analyze("Israel said the strike targeted militants.", published="2024-07-25").quotes[0]
    assert q.speaker_name == "Israel" and q.speaker_entity is not None
