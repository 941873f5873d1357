"""Which way a clause points in time: its governing verb's tense, aspect and auxiliaries.

A bare "Friday" means the last Friday in "they met Friday" and the next one
in "they will meet Friday". `direction` reads the verb that governs a time
expression and says -1 (past), 1 (future) or 0 (cannot tell); the words it
looks for are in data/tense_words.tsv:

* will, shall, 'll and the modals (may, might, should, must; not "could")
  → future; "would" → future unless "would have";
* a verb whose complement lies ahead ("plans to meet Friday", "is expected
  on Monday", "is due Monday", "is to resume Tuesday") → future;
* a verb of scheduling, whatever its tense ("has scheduled a news
  conference Thursday", "slated for Monday") → future;
* past tense, or any past auxiliary (was, had, did), or the present perfect
  ("has met"), or a participle modifying a noun ("a record set on Aug. 6")
  → past;
* the present progressive ("is meeting Monday") → future;
* the simple present: a verb of saying (a speech cue of data/cues.tsv: "says
  Friday") → past, "be" → 0,
  any other verb ("talks resume Monday") → future.

`is_deadline` marks "until Friday", "as soon as Tuesday": news sets deadlines ahead.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..lexicon.cues import reporting_verbs
from ..lexicon import load_table
from ..lexicon.tables import TenseWord
from ..text.clauses import governing_verb

PAST, NONE, FUTURE = -1, 0, 1


@cache
def _words() -> dict[str, str]:
    return {row.word: row.kind for row in load_table("tense_words.tsv", TenseWord)}


def direction(verb: Token | None) -> int:
    """PAST, FUTURE or NONE for the clause headed by `verb` (None: no verb, NONE)."""
    if verb is None:
        return NONE
    head = verb.head
    if verb.dep_ == "xcomp" and (_kind(head) in ("future_head", "schedule") or head.lemma_ == "be"):
        return FUTURE  # "plans to meet Friday", "planned to leave on Thursday", "is to resume Tuesday"
    if _kind(verb) == "schedule":
        return FUTURE  # "has scheduled a news conference Thursday"
    return _own(verb)


def _kind(token: Token) -> str | None:
    return _words().get(token.lemma_.lower())


def _own(verb: Token) -> int:
    """The direction a verb's own tense, aspect and auxiliaries give."""
    words = _words()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    if any(words.get(w) == "future_aux" for w in aux_words):
        return FUTURE
    if "would" in aux_words and "have" not in aux_words:
        return FUTURE  # "would be traveling Thursday": the future seen from a past report
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if any(a.lemma_ == "have" for a in auxes):
        return PAST  # present perfect: "has met"
    if verb.tag_ == "VBN":
        if words.get(lemma) in ("future_head", "schedule"):
            return FUTURE  # "is expected on Monday"
        return PAST if not auxes and verb.dep_ in ("acl", "relcl") else NONE  # "a record high set on Aug. 6"
    if verb.tag_ == "VBG":
        return FUTURE if any(a.lemma_ == "be" for a in auxes) else NONE  # "is meeting Monday"
    if verb.tag_ in ("VBZ", "VBP"):
        if lemma == "be":
            complements = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
            return FUTURE if any(_kind(c) == "future_head" for c in complements) else NONE
        return PAST if lemma in reporting_verbs() else FUTURE
    return NONE


def is_deadline(token: Token) -> bool:
    """Whether a time is a deadline or a new date, which news sets ahead: "until Friday" (not in the past
    perfect: "had not called him a suspect until Thursday"), "extended its offer to Nov. 20", "as soon as
    Tuesday", "as early as Tuesday"."""
    head = token.head
    if token.dep_ != "pobj":
        return False
    if head.lower_ == "as" and head.head.lower_ in ("soon", "early"):
        return True
    verb = governing_verb(head)
    if head.lower_ == "to":
        return verb is not None and _kind(verb) == "retime"
    if _words().get(head.lower_) != "future_prep":
        return False
    return verb is None or not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
