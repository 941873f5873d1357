"""The reporting cues: `data/cues.tsv` (verbs and phrases) and `data/cue_nouns.tsv` (nouns), read here once.

The quotes stage reads the whole cue table (`cue_table`, `noun_cue_table`); the
events stage only asks which verbs report a clause ("Russia said Sudan must
return ...", "Iraq said it would allow ..."), and the times stage which verbs
in the simple present report a past statement ("says Friday"). All read the
same rows, so a cue added there reaches every stage. This module imports
nothing from the stages, so any stage may use it without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from . import load_list, load_table

__all__ = ["CueEntry", "cue_table", "noun_cue_table", "past_speech_cue", "reporting_verbs"]

# The cue kind of words that report speech (cues.tsv also lists thought and intent).
SPEECH = "speech"
# The frame of a cue whose content is a clause ("said (that) ...").
CLAUSE = "clause"


@dataclass(frozen=True, slots=True)
class CueEntry:
    """A row of cues.tsv or cue_nouns.tsv."""

    cue: str  # "say", "according to", "warn of"
    kind: Literal["speech", "thought", "intent"]
    frames: tuple[str, ...]  # where the content is, tried in order: clause, infinitive, object, prep:of, ...


@cache
def cue_table() -> dict[str, CueEntry]:
    """The verb and phrase cues, `data/cues.tsv`, keyed by cue (a lemma, or a phrase of lemma and word)."""
    return {row.cue: row for row in load_table("cues.tsv", CueEntry)}


@cache
def noun_cue_table() -> dict[str, CueEntry]:
    """The reporting nouns, `data/cue_nouns.tsv`, keyed by lemma."""
    return {row.cue: row for row in load_table("cue_nouns.tsv", CueEntry)}


@cache
def addressee_verbs() -> frozenset[str]:
    """Verbs whose object is who heard the words, a noun phrase, not what was said: "tell", "assure", "remind" ...
    (`data/addressee_verbs.txt`)."""
    return frozenset(load_list("addressee_verbs.txt"))


@cache
def reporting_verbs() -> frozenset[str]:
    """Single-word speech cues whose content is a clause: "say", "tell", "warn", "insist", ..."""
    return frozenset(
        entry.cue for entry in cue_table().values() if " " not in entry.cue and entry.kind == SPEECH and CLAUSE in entry.frames
    )


def past_speech_cue(word: str) -> str | None:
    """The speech cue of `reporting_verbs` a regular past form is of ("Replied" → "reply", "Added" → "add",
    "Countered" → "counter"), else None: what a capitalised cue opening an inverted report ("Replied State
    Department spokesman Richard Boucher, “...”") is, where the small model tags it as a name's first word."""
    w = word.lower()
    if not w.endswith("ed"):
        return None
    stems = [w[:-3] + "y"] if w.endswith("ied") else [w[:-1], w[:-2]]
    if len(w) > 4 and w[-3] == w[-4]:
        stems.append(w[:-3])  # "regretted"
    return next((s for s in stems if s in reporting_verbs()), None)
