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


@cache
def given_name_genders() -> dict[str, str]:
    """Given names of one usual gender → "m" or "f" ("Hillary" f); names used for either are left out."""
    return {row.name: row.gender for row in load_table("first_names.tsv", FirstName) if row.gender in ("m", "f")}
