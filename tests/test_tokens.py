"""Cheap token scans (`text.tokens`) and the agents table's quick refusal read the same words as a full scan."""

from __future__ import annotations

from newswire.lexicon.agents import agent_row, agents
from newswire.text.tokens import line_starts, with_pos

TEXT = "Human rights groups said the rebels they met in Homs had attacked a table of officials. He left."


def test_with_pos_is_the_full_scan(nlp):
    doc = nlp(TEXT)
    for pos in (("NOUN",), ("VERB", "AUX"), ("PRON",), ("PROPN", "NOUN", "VERB")):
        found = [t.i for t in with_pos(doc, *pos)]
        assert found == [t.i for t in doc if t.pos_ in pos]
        assert found  # each part of speech is in the text


def test_line_starts_are_the_full_scan(nlp):
    # leading whitespace, a break inside a paragraph, a blank line, spaces around a break, a line of one word
    text = "  HEADLINE: talks resume\nLONDON (Reuters) - Talks resumed.\n\n   He left. \n She stayed.\nEnd"
    doc = nlp(text)
    full = [t.i for t in doc if not t.is_space and (t.i == 0 or (doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text))]
    assert line_starts(doc) == full
    # as the scans it replaces read it: the first line, after leading spaces with no break, is not counted
    assert [doc[i].text for i in full] == ["LONDON", "He", "She", "End"]
    assert line_starts(nlp("HEADLINE\nText")) == [0, 2]


def test_agent_row_with_and_without_modifiers(nlp):
    doc = nlp(TEXT)
    rows = {t.text: agent_row(t) for t in doc if t.pos_ in ("NOUN", "PROPN")}
    assert rows["groups"] is agents()["human rights group"]  # the modifiers are still read when the noun ends a key
    assert rows["rebels"] is agents()["rebel"]  # by its lemma
    assert rows["table"] is None  # no key ends with it: refused at once
