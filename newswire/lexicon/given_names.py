"""Given (first) names (`data/first_names.tsv`): what tells "Larry King" (a given name, then a surname) from
"King Abdullah", and two people of one surname apart; and the words written around a person's name that are not
part of it (`data/person_suffixes.txt`: "Jr.", "III", "Mr.")."""

from __future__ import annotations

from functools import cache

from . import load_list, load_table
from .tables import FirstName


@cache
def given_names() -> frozenset[str]:
    """The given names, capitalised as news writes them ("John", "Ki-moon")."""
    return frozenset(row.name for row in load_table("first_names.tsv", FirstName))


@cache
def given_name_genders() -> dict[str, str]:
    """Given names of one usual gender → "m" or "f" ("Hillary" f); names used for either are left out."""
    return {row.name: row.gender for row in load_table("first_names.tsv", FirstName) if row.gender in ("m", "f")}


@cache
def person_affixes() -> frozenset[str]:
    """The generational and honorific words written after or before a person's name, lower-case without their full
    stop ("jr", "iii", "mr"): left out of a person's cross-article key and of the words up to the surname."""
    return frozenset(load_list("person_suffixes.txt"))
