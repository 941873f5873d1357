"""Given (first) names (`data/first_names.tsv`): what tells "Larry King" (a given name, then a surname) from
"King Abdullah", and two people of one surname apart."""

from __future__ import annotations

from functools import cache

from . import load_table
from .tables import FirstName


@cache
def given_names() -> frozenset[str]:
    """The given names, capitalised as news writes them ("John", "Ki-moon")."""
    return frozenset(row.name for row in load_table("first_names.tsv", FirstName))
