"""Speakers that would show a wrong name (issue 14, session twenty): a quotation with no cue that goes on with the
speaker before taken by the next sentence's cue, a quoted sub-heading inheriting the previous paragraph's speaker, a
span of time or a place set beside a preposition's object taken for the speaker. In each case the record names the
right speaker or, failing one, none: never a wrong one.

Invented texts; each rule has a case it changes and a near miss that must stay.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.quotes.speakers import speaker_head
from newswire.text.parse import parse


def said(text: str) -> list[tuple[str, str | None]]:
    doc = parse(text)
    return [(q.content.text, q.speaker_name) for q in extract_quotes(doc, extract_entities(doc))]


def speaker_of(text: str, start: str) -> str | None:
    return next(name for content, name in said(text) if content.startswith(start))


# CONTINUATION-LOOKAHEAD

def test_a_quotation_going_on_is_not_taken_by_a_cue_that_introduces_a_quotation_of_its_own():
    text = ('Speaking in Leeds, party leader Anna Berg addressed voters. "I say to those who voted for us before that '
            'we are a proud community," Ms Berg said. "I have heard you, I have listened, and I will meet your concerns." '
            'The campaign chief Mark Ellison told the BBC on Sunday: "I understand why people feel strongly about this."')
    # set after Berg's sentence in her paragraph, it goes on with her (giving it to no one was measured on real text in
    # session twenty-one: it only took right speakers away); one opening its paragraph is the next cue's
    # (tests/test_quotes_speakers20fx.py)
    assert speaker_of(text, "I have heard you") == "Anna Berg"
    assert speaker_of(text, "I understand why") == "Mark Ellison"


@pytest.mark.parametrize("text, words, speaker", [
    # a cue after the quotation with nothing else to report still takes it
    ('Anna Berg spoke on Monday. "We have made arrests and we will make more," Berg said. "We will not stop until '
     'the streets are safe." Mark Ellison told the BBC on Sunday.', "We will not stop", "Mark Ellison"),
    # a report inside the cue's sentence, not the cue's own, does not keep the cue from the quotation
    ('Anna Berg leads the group. "And we are not being paid!" Berg declared, a point she likes to make after a radio '
     'show during which callers asked how much money she was getting.', "And we are not", "Anna Berg"),
])
def test_near_miss_a_cue_after_a_quotation_still_takes_it(text, words, speaker):
    assert speaker_of(text, words) == speaker


# HEADLINE-QUOTE-SPEAKER

_RALLY = 'Anna Berg spoke at the rally.\n\n"We will not be silent about this. We will act," she said.\n\n'


@pytest.mark.parametrize("heading, words", [
    ("'It will not be us alone': Foreign minister\n\nThe foreign minister warned of a wider war.", "It will not"),
    ("'I am no longer me'\n\nParents told reporters they were afraid.", "I am no longer"),
])
def test_a_quoted_sub_heading_inherits_no_speaker(heading, words):
    assert [content for content, _ in said(_RALLY + heading) if content.startswith(words)] == []


def test_near_miss_a_quoted_paragraph_that_ends_with_a_stop_still_goes_on_with_the_speaker():
    text = _RALLY + '"We will keep going until the job is done."\n\nThe minister warned of a wider war.'
    assert speaker_of(text, "We will keep going") == "Anna Berg"


# TIME-NP-AS-SPEAKER

def test_a_span_of_time_is_no_speaker():
    text = ("The city has a large community, and the contest has provoked strong feelings and weekly protests "
            "for months demanding that the contest ban the country.")
    assert speaker_of(text, "that the contest") is None


def test_near_miss_people_a_participle_hangs_on_still_speak():
    text = "Hundreds of farmers marched on Monday, with union leaders demanding that the government cut fuel taxes."
    assert speaker_of(text, "that the government") == "union leaders"


# LOCATION-AS-SPEAKER: the parser's reading of the article, given here by hand (an invented text is parsed otherwise)

def _parsed(words, heads, deps, pos, ents):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_place_set_beside_a_prepositions_object_is_no_speaker():
    words = ["one", "witness", "in", "Nuseirat", ",", "central", "Gaza", ",", "told", "CNN", "."]
    heads = [1, 8, 1, 2, 3, 6, 3, 8, 8, 8, 8]
    deps = ["nummod", "npadvmod", "prep", "pobj", "punct", "amod", "appos", "punct", "ROOT", "dobj", "punct"]
    pos = ["NUM", "NOUN", "ADP", "PROPN", "PUNCT", "ADJ", "PROPN", "PUNCT", "VERB", "PROPN", "PUNCT"]
    ents = ["O", "O", "O", "B-GPE", "O", "O", "B-GPE", "O", "O", "B-ORG", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    assert speaker_head(doc[8]) is None


def test_near_miss_a_person_set_beside_a_prepositions_object_may_speak():
    words = ["an", "aide", "to", "the", "leader", "-", "Ann", "Lee", "-", "told", "CNN", "."]
    heads = [1, 9, 1, 4, 2, 7, 7, 4, 7, 9, 9, 9]
    deps = ["det", "npadvmod", "prep", "det", "pobj", "punct", "compound", "appos", "punct", "ROOT", "dobj", "punct"]
    pos = ["DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PROPN", "PUNCT"]
    ents = ["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    head = speaker_head(doc[9])
    assert head is not None and head.text == "Lee"
