"""Which way a clause points in time: its governing verb's tense, aspect and auxiliaries.

A bare "Friday" means the last Friday in "they met Friday" and the next one
in "they will meet Friday". `direction` reads the verb that governs a time
expression and says -1 (past), 1 (future) or 0 (cannot tell):

* will, shall, 'll and the modals (could, may, should, ...) → future;
* a verb whose complement lies ahead ("plans to meet Friday", "is expected
  on Monday", "is due Monday": data/tense_words.tsv) → future, unless the
  verb of expectation is itself past ("was expected to meet Friday": 0);
* past tense, or any past auxiliary (was, had, did), or the present perfect
  ("has met") → past;
* the present progressive ("is meeting Monday") → future;
* the simple present: a verb of saying ("says Friday") → past, "be" → 0,
  any other verb ("talks resume Monday") → future.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..lexicon import load_table

PAST, NONE, FUTURE = -1, 0, 1


@cache
def _words() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in load_table("tense_words.tsv")}


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


def direction(verb: Token | None) -> int:
    """PAST, FUTURE or NONE for the clause headed by `verb` (None: no verb, NONE)."""
    if verb is None:
        return NONE
    words = _words()
    head = verb.head
    if verb.dep_ == "xcomp" and words.get(head.lemma_.lower()) == "future_head":
        return NONE if _own(head) == PAST else FUTURE  # "plans to meet Friday"; "was expected to meet Friday"
    return _own(verb)


def _own(verb: Token) -> int:
    """The direction a verb's own tense, aspect and auxiliaries give."""
    words = _words()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    if any(words.get(w) == "future_aux" for w in aux_words):
        return FUTURE
    if "would" in aux_words:
        return NONE
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if any(a.lemma_ == "have" for a in auxes):
        return PAST  # present perfect: "has met"
    if verb.tag_ == "VBN":
        return FUTURE if words.get(lemma) == "future_head" else NONE  # "is expected on Monday"
    if verb.tag_ == "VBG":
        return FUTURE if any(a.lemma_ == "be" for a in auxes) else NONE  # "is meeting Monday"
    if verb.tag_ in ("VBZ", "VBP"):
        if lemma == "be":
            complements = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
            return FUTURE if any(words.get(c.lemma_.lower()) == "future_head" for c in complements) else NONE
        return PAST if words.get(lemma) == "reporting" else FUTURE
    return NONE
