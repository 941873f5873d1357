"""Nouns of a person's origin (`data/origin_nouns.txt`): a country word modifying one names no actor.

"his Mexican heritage", "of Irish descent": where a family comes from, not the
country a person acts for. The entity stage gives no titled person of the
sentence that country, and the events stage takes neither the country nor the
noun as an event's actor.
"""

from __future__ import annotations

from functools import cache

from . import load_list

__all__ = ["origin_nouns"]


@cache
def origin_nouns() -> frozenset[str]:
    """data/origin_nouns.txt: "heritage", "descent", "ancestry"."""
    return frozenset(load_list("origin_nouns.txt"))
