"""The gender a noun for a person implies: a one-word title of data/titles.tsv ("spokeswoman": f) or a noun of
family relation (kin_nouns.tsv: "father": m)."""

from __future__ import annotations

from functools import cache

from . import load_table
from .tables import KinNoun, Title

__all__ = ["kin_nouns", "person_noun_gender"]


@cache
def kin_nouns() -> dict[str, str]:
    """Nouns of family relation → the gender each implies, "m", "f" or "" (data/kin_nouns.tsv; "u": either)."""
    return {row.word: "" if row.gender == "u" else row.gender for row in load_table("kin_nouns.tsv", KinNoun)}


@cache
def _genders() -> dict[str, str]:
    found = dict(kin_nouns())
    for row in load_table("titles.tsv", Title):
        if row.kind == "title" and " " not in row.title and "." not in row.title:
            found[row.title.lower()] = row.gender or ""
    return found


def person_noun_gender(word: str) -> str | None:
    """The gender a person noun (a lower-case lemma) implies ("f" for "spokeswoman", "m" for "father"), or None."""
    return _genders().get(word) or None
