"""The country a mention's own words name: a place ("Syria's", "the United States"), a demonym ("Russian"), a
people ("Karen rebels", "Uighurs")."""

from __future__ import annotations

from ..lexicon import countries
from .model import Mention


def place_country(m: Mention) -> str | None:
    """The country a place-like name denotes: "U.S.", "the United States", "Syria's", "Russian".

    The entity's type counts over the parser's label of this mention: a
    "Mozambique" tagged PERSON in an entity typed GPE is the country.
    """
    label = m.cluster.label if m.cluster is not None and m.cluster.label else m.label
    if label not in ("GPE", "LOC", "NORP"):
        return None
    code = countries.country_named(m.text) or (people_country(m) if label == "NORP" else None)
    # once the entity is coded, its country: "Georgia" in a story about Atlanta is the US state (actors._reread_places)
    return m.cluster.country if code and m.cluster is not None and m.cluster.country else code


def people_country(m: Mention) -> str | None:
    """The country of a people a name mention denotes (data/peoples.tsv): a plural group noun ("Uighurs"), or a
    singular form modifying a noun ("Karen rebels"), never a singular alone ("Karen", a given name)."""
    return countries.country_of_people(m.text, modifier=is_noun_modifier(m.span))


def is_noun_modifier(span) -> bool:
    """Whether a span modifies a noun: "Tamil" in "Tamil rebels", "Karen" in "a Karen guerrilla stronghold"."""
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN")
