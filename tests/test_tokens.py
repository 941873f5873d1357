"""Cheap token scans (`text.tokens`) and the agents table's quick refusal read the same words as a full scan."""

from __future__ import annotations

from newswire.lexicon.agents import agent_row, agents
from newswire.text.tokens import with_pos

TEXT = "Human rights groups said the rebels they met in Homs had attacked a table of officials. He left."


def test_with_pos_is_the_full_scan(nlp):
    doc = nlp(TEXT)
    for pos in (("NOUN",), ("VERB", "AUX"), ("PRON",), ("PROPN", "NOUN", "VERB")):
        found = [t.i for t in with_pos(doc, *pos)]
        assert found == [t.i for t in doc if t.pos_ in pos]
        assert found  # each part of speech is in the text


def test_agent_row_with_and_without_modifiers(nlp):
    doc = nlp(TEXT)
    rows = {t.text: agent_row(t) for t in doc if t.pos_ in ("NOUN", "PROPN")}
    assert rows["groups"] is agents()["human rights group"]  # the modifiers are still read when the noun ends a key
    assert rows["rebels"] is agents()["rebel"]  # by its lemma
    assert rows["table"] is None  # no key ends with it: refused at once
