"""The reporting cues of `data/cues.tsv`, for the stages that need them outside the quotes stage.

The quotes stage reads the whole cue table (`quotes/frames.py`); the events
stage only asks which verbs report a clause ("Russia said Sudan must return
...", "Iraq said it would allow ..."), and the times stage which verbs in the
simple present report a past statement ("says Friday"). All read the same
file, so a cue added there reaches every stage. This module imports nothing from the stages, so
any stage may use it without an import cycle.
"""

from __future__ import annotations

from functools import cache

from . import load_table, split_items

__all__ = ["reporting_verbs"]

# The cue kind of words that report speech (cues.tsv also lists thought and intent).
SPEECH = "speech"
# The frame of a cue whose content is a clause ("said (that) ...").
CLAUSE = "clause"


@cache
def reporting_verbs() -> frozenset[str]:
    """Single-word speech cues whose content is a clause: "say", "tell", "warn", "insist", ..."""
    return frozenset(
        row["cue"]
        for row in load_table("cues.tsv")
        if " " not in row["cue"] and row["kind"] == SPEECH and CLAUSE in split_items(row["frames"])
    )
