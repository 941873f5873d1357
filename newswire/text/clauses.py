"""Clause heads on the parse: which verb heads the clause a word is in.

The times stage reads the tense of that verb (`times/tense.py`); the context
dates a span by the time expression governing its clause
(`newswire/document.py`, `Document.date_for`). `is_infinitive` is the one test of a "to" infinitive that
the events and quotes stages read (one variant stays written out in events/triggers: an adverbial infinitive whose
"to" comes before the verb).
"""

from __future__ import annotations

from spacy.tokens import Token


def is_clause_head(token: Token) -> bool:
    """A verb (or a copula) heading its own clause, not an auxiliary of another verb."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")


def governing_verb(token: Token) -> Token | None:
    """The verb heading the clause `token` is in: the first clause head up its chain of syntactic heads."""
    t = token
    while not is_clause_head(t):
        if t.head.i == t.i:
            return None
        t = t.head
    return t


def is_infinitive(token: Token) -> bool:
    """A verb with the infinitive marker "to" among its dependents ("to attack", "to be released")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
