"""A reporting "he"/"she" with a person it fits named nearer than the subject further back (issue 14, session
twenty): "John Smith said ... The flood destroyed the home of Peter Jones. He said ..." may be either man: the
pronoun is left unresolved (no speaker's name) rather than given to the previous speaker. A sentence naming no one
the pronoun fits, or only someone of the other gender, or naming the previous subject too, still lets it continue
the previous subject.

Invented texts.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def names(text: str) -> list[str | None]:
    doc = parse(text)
    return [q.speaker_name for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize(
    "text",
    [
        "John Smith said the dam would hold. The flood destroyed the home of Peter Jones on Monday. He said nobody had warned him.",
        'John Smith said the dam would hold. The flood destroyed the home of Peter Jones on Monday. "Nobody warned us," he said.',
    ],
)
def test_a_nearer_person_leaves_the_pronoun_open(text):
    assert names(text) == ["John Smith", None]


@pytest.mark.parametrize(
    "text",
    [
        "John Smith said the dam would hold. The flood destroyed the home of Mary Jones on Monday. He said nobody had warned him.",
        "John Smith said the dam would hold. Engineers had checked it twice. He said nobody had warned him.",
        "John Smith said the dam would hold. He visited Peter Jones on Monday. He said nobody had warned him.",
        # the subject mentioned again on the way: it goes on
        "John Smith said the dam would hold. Smith's house and the home of Peter Jones were flooded on Monday. He said nobody had warned him.",
    ],
)
def test_no_nearer_person_it_fits(text):
    assert names(text) == ["John Smith", "John Smith"]


def person_mentions(text: str) -> dict[str, list[str]]:
    doc = parse(text)
    return {e.name: [m.text for m in e.mentions] for e in extract_entities(doc) if e.type == "PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        "John Smith said the dam would hold. The flood destroyed the home of Peter Jones. He said nobody had warned him.",
        "John Smith said the dam would hold. The flood destroyed the home of Peter Jones. He said he had met Governor Ana "
        "Lopez in Austin and he criticised the Army Corps of Engineers.",
        "John Smith said the dam would hold. The flood destroyed the home of Peter Jones. Nobody had warned him about "
        "the risk, he said.",
    ],
)
def test_the_pronouns_inside_what_an_open_pronoun_says_stay_open(text):
    # session twenty-one: the "he"/"him" inside are most likely the open "He" too, not the nearer Peter Jones
    mentions = person_mentions(text)
    assert mentions["Peter Jones"] == ["Peter Jones"]
    assert mentions["John Smith"] == ["John Smith"]


def test_the_pronouns_inside_what_a_resolved_pronoun_says_follow_it():
    # near miss: the "He" resolved, the "he" and "him" inside are the same man
    mentions = person_mentions("John Smith said the dam would hold. Engineers had checked it twice. He said he had met "
                               "Governor Ana Lopez and nobody had warned him.")
    assert mentions["John Smith"] == ["John Smith", "He", "he", "him"]


@pytest.mark.parametrize(
    "text",
    [
        # a cue that goes on with what was said continues its speaker past a person only named since
        "John Smith said the plan would work. The plan was drawn up with Peter Jones, a former adviser. He added that it "
        "would cost $2 million.",
        "John Smith said the plan would work. The plan was drawn up with Peter Jones, a former adviser. He went on to say "
        "that it would cost $2 million.",
    ],
)
def test_a_continuing_cue_keeps_the_previous_speaker(text):
    assert names(text) == ["John Smith", "John Smith"]


def test_a_plain_cue_after_a_nearer_person_stays_open():
    # near miss: "He said" may be either man
    assert names("John Smith said the plan would work. The plan was drawn up with Peter Jones, a former adviser. He "
                 "said that it would cost $2 million.") == ["John Smith", None]


def test_a_person_named_between_takes_the_inner_pronoun():
    # near miss: a man named between the open "He" and the inner "his" is whom rule 4 finds, as before
    mentions = person_mentions("John Smith said the dam would hold. The flood destroyed the home of Peter Jones. He "
                               "said Mark Evans had lost his job.")
    assert mentions["Mark Evans"] == ["Mark Evans", "his"]
