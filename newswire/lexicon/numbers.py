"""English numbers written in words or digits, and their values.

One reader for every stage that counts: times ("twenty-four hours", "two
dozen days") and figures ("six million", "2.5 million", "a hundred
thousand"). The words come from `data/number_words.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from . import load_table
from .tables import NumberWord

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


@cache
def number_words() -> dict[str, tuple[str, str]]:
    """Number word → (value, kind); kind is unit, tens, scale or vague, and a vague word's value is "X"."""
    return {row.word: (row.value, row.kind) for row in load_table("number_words.tsv", NumberWord)}


def number_value(words: Sequence[str]) -> float | None:
    """The value of a number's words ("six", "million"; "twenty-four"; "2.5", "million"), None if any word is no number or is vague.

    Scale words multiply what precedes them ("two dozen" 24, "a hundred
    thousand" 100,000); other words add ("twenty four" 24, "three hundred
    and twelve" 312).
    """
    table = number_words()
    phrase = " ".join(w.lower() for w in words)
    if phrase in table:  # "a couple of"
        value, _ = table[phrase]
        return None if value == "X" else float(value)
    total = current = 0.0
    seen = after_scale = False
    for word in (part for w in words for part in re.split(r"[-\s]+", w.lower()) if part):
        if word == "and" and after_scale:  # "three hundred and twelve"
            after_scale = False
            continue
        after_scale = False
        if _DIGITS.fullmatch(word):
            current += float(word.replace(",", ""))
            seen = True
            continue
        value, kind = table.get(word, ("", ""))
        if not kind or value == "X":
            return None
        v = float(value)
        if kind == "scale":
            after_scale = True
            current = (current or 1.0) * v
            if v >= 1000:
                total, current = total + current, 0.0
        else:
            current += v
        seen = True
    return total + current if seen else None
