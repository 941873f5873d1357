"""Country words a hyphen turns away from what they modify: "anti-Iran", "pro-Russian", "Saudi-led", "Russian-backed".

An opposing prefix before the hyphen ("an anti-Iran cleric", "pro-Russian
rebels") or a participle after it (`data/country_compounds.tsv`:
"Russian-backed separatists", "Israeli-occupied territory") says the country
is not what the compound modifies, nor where its sentence happens; "-led"
makes it the one in charge ("Saudi-led forces"). The entity stage reads
these when it gives entities their countries, the events stage when it reads
actors off a phrase.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from . import load_table
from .tables import CountryCompound

__all__ = ["OPPOSING_PREFIXES", "opposed", "compound_role", "not_its_own", "outside"]

# Prefixes before a hyphen that turn a country word away from what it modifies: "an anti-Iran
# cleric" is not Iran's, nor are "pro-Russian rebels" Russian, and neither tells where the sentence happens.
OPPOSING_PREFIXES = ("anti", "pro")


def opposed(tok: Token) -> bool:
    """"anti-Syria", "pro-Russian": a country word after an opposing prefix and a hyphen."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in OPPOSING_PREFIXES


def not_its_own(tok: Token) -> bool:
    """A country word that is not what it modifies: after an opposing prefix ("anti-Syria", "pro-Russian"), or
    before a hyphen and a word that makes it act on it ("Russian-backed", "Israeli-occupied"; data/country_compounds.tsv)."""
    return opposed(tok) or compound_role(tok) == "other"


def outside(first: Token, last: Token) -> bool:
    """Whether the country words `first` .. `last` name a country only as acting on what they modify ("anti-Iran",
    "Russian-backed", "Israeli-occupied") or leading it ("Saudi-led forces"): it says nothing of where the sentence
    happens, nor what the article is about."""
    return opposed(first) or not_its_own(last) or compound_role(last) == "leads"


def compound_role(tok: Token) -> str | None:
    """"leads" for "Saudi" in "Saudi-led", "other" for "Russian" in "Russian-backed" (data/country_compounds.tsv), else None."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i].whitespace_ and not doc[tok.i + 1].whitespace_:
        return _compound_roles().get(doc[tok.i + 2].lower_)
    return None


@cache
def _compound_roles() -> dict[str, str]:
    return {row.word: row.role for row in load_table("country_compounds.tsv", CountryCompound)}
