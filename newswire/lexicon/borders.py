"""Nouns for a border (`data/border_nouns.txt`): a country word modifying one names a place, not an actor.

"on the Thai border", "the Pakistan-Afghanistan border": the entity stage
does not count such a country toward the article's focus, and the events stage
takes neither the country nor the border as an event's actor, and reads the
phrase as a place on no one country's side.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from . import load_list

__all__ = ["border_nouns", "on_border"]


@cache
def border_nouns() -> frozenset[str]:
    """data/border_nouns.txt: "border", "frontier"."""
    return frozenset(load_list("border_nouns.txt"))


def on_border(tok: Token) -> bool:
    """Whether a word modifies a border noun (data/border_nouns.txt), directly or through the words it modifies:
    "Thai" in "the Thai border", "Pakistan" in "the Pakistan-Afghanistan border"."""
    node = tok
    while node.dep_ in ("amod", "compound", "nmod", "punct") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in border_nouns():
            return True
    return False
