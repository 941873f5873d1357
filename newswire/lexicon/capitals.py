"""A country's capital standing for its state: "Moscow accused Kyiv", "Beijing's decision", "warnings from Moscow".

CAMEO codes a capital used as an actor as the state's government (RUSGOV,
CHNGOV), as `realnews-events/dev.jsonl`'s gold does; a capital used as a place
("in Moscow", "talks in Beijing", "a Moscow court", "Moscow residents", "flew
to Tokyo", "missiles struck Kyiv") stays the place, coded with its bare
country. `seat_country` says which names may stand for a state
(data/countries.tsv's capitals, but those of data/capitals_not_seats.txt);
`stands_for_state` reads the construction a capital's word is in. The events
stage's actor coding (`events/actors.py`) gives such a mention its country +
GOV; the entity keeps its place record (its other mentions may be places).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from . import countries, load_list, load_table
from .tables import EventNoun, EventVerb

__all__ = ["seat_country", "stands_for_state", "GOVERNMENT"]

# The sector of the government a capital stands for.
GOVERNMENT = "GOV"
# Subject dependencies of a verb: its doer, or a passive's patient.
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Prepositions whose object is the other side of a verbal or diplomatic act, not where it happens: "talks with Moscow",
# "sanctions against Moscow", "pressure on Beijing" (not "to" nor "at": "flew to Tokyo", "drones launched at Moscow").
PARTY_PREPS = ("with", "against", "on", "upon")
# Prepositions whose object, after a noun for a state's act or word, is a party to it: "warnings from Moscow", "a demand
# by Kyiv", "a deal between the Vatican and Beijing".
NOUN_PARTY_PREPS = ("from", "by", "between")
# CAMEO roots of acts on a place's ground: an assault, fighting, mass violence ("struck Kyiv", "the siege of Kyiv"),
# and codes of going somewhere (042 make a visit, 043 host a visit: "visited Beijing").
# 171 seize or destroy property: "missiles destroyed Kyiv", "Tripoli was looted" are acts on the city.
PLACE_ROOTS = ("18", "19", "20", "042", "043", "171")
# CAMEO codes of restrictions laid on a place's people, whose "on" names the place: a curfew (1723), a state of
# emergency or martial law (1724): "imposed a curfew on Kabul" (not "imposed sanctions on Moscow", 163).
PLACE_ON_CODES = ("1723", "1724")
# CAMEO codes of what a crowd does (14x protest): a capital owning it is its people ("Belgrade's protest").
CROWD_ROOTS = ("14",)
# CAMEO code of granting recognition: its object is what is recognised, the city's status ("recognized Jerusalem").
RECOGNITION_CODE = "054"


@cache
def _not_seats() -> frozenset[str]:
    return frozenset(name.lower() for name in load_list("capitals_not_seats.txt"))


def seat_country(text: str) -> str | None:
    """The country whose government a capital's name may stand for ("Moscow" → RUS, "Kiev" → UKR); None for a name
    that is no capital, a country's own name, or a capital of data/capitals_not_seats.txt ("Delhi", "Amsterdam")."""
    text = text.strip()
    if text.lower() in _not_seats() or countries.country_named(text):
        return None
    return countries.country_from_capital(text)


@cache
def _place_verbs() -> frozenset[str]:
    """Verbs data/event_verbs.tsv codes, in some row, as an act on a place's ground or a visit ("strike", "shell",
    "visit"): their object may be the city itself."""
    return frozenset(row.verb for row in load_table("event_verbs.tsv", EventVerb) if row.code.startswith(PLACE_ROOTS))


@cache
def _party_verbs() -> frozenset[str]:
    """Verbs data/event_verbs.tsv codes as acts between parties and never as an act on a place's ground or a visit
    ("accuse", "urge", "help"; not "strike", "visit", nor a verb it does not list: "bombs dropped on Kyiv")."""
    rows = load_table("event_verbs.tsv", EventVerb)
    return frozenset(row.verb for row in rows if row.code != "-") - _place_verbs()


@cache
def _unaccusative_verbs() -> frozenset[str]:
    """Verbs whose subject undergoes them (data/event_verbs.tsv object "<subject>": "a bomb exploded")."""
    return frozenset(row.verb for row in load_table("event_verbs.tsv", EventVerb) if "<subject>" in row.object)


@cache
def _status_verbs() -> frozenset[str]:
    """Verbs data/event_verbs.tsv codes, in some row, as granting recognition ("recognize"): a capital they take as
    object is recognised as something, with or without "as" ("recognized Jerusalem"): the city's status."""
    return frozenset(row.verb for row in load_table("event_verbs.tsv", EventVerb) if row.code == RECOGNITION_CODE)


@cache
def _place_on_objects() -> dict[str, frozenset[str]]:
    """Per verb, the object words data/event_verbs.tsv codes as a curfew or martial law ("impose" → curfew, martial,
    emergency): with such an object the verb's "on" names a place."""
    found: dict[str, set[str]] = {}
    for row in load_table("event_verbs.tsv", EventVerb):
        if row.code.startswith(PLACE_ON_CODES):
            for word in row.object:
                found.setdefault(row.verb, set()).update(word.split("|"))
    return {verb: frozenset(words) for verb, words in found.items()}


@cache
def _place_on_nouns() -> frozenset[str]:
    """Nouns data/event_nouns.tsv codes as a curfew or martial law ("curfew"): their "on" names a place."""
    rows = load_table("event_nouns.tsv", EventNoun)
    return frozenset(row.noun for row in rows if row.code.startswith(PLACE_ON_CODES))


@cache
def _crowd_nouns() -> frozenset[str]:
    """Nouns for what a crowd does: data/crowd_act_nouns.txt and data/event_nouns.tsv's 14x nouns ("protest")."""
    coded = {row.noun for row in load_table("event_nouns.tsv", EventNoun) if row.code.startswith(CROWD_ROOTS)}
    return frozenset(coded) | frozenset(load_list("crowd_act_nouns.txt"))


@cache
def _movement_nouns() -> frozenset[str]:
    """Nouns for moving people or goods out of a place (data/movement_nouns.txt): their "from" is the place left."""
    return frozenset(load_list("movement_nouns.txt"))


def _restricts_place(verb: Token) -> bool:
    """Whether a verb's object is a curfew or martial law ("imposed a curfew", "declared martial law")."""
    words = _place_on_objects().get(verb.lemma_.lower())
    if not words:
        return False
    return any(
        t.lemma_.lower() in words or t.lower_ in words for c in verb.children if c.dep_ == "dobj" for t in c.subtree
    )


@cache
def _act_nouns() -> frozenset[str]:
    """Nouns for a state's act or word: data/state_act_nouns.txt, and the nouns of data/event_nouns.tsv none of whose
    codes is an act on a place or a visit ("warning", "sanction"; not "attack", "visit")."""
    codes: dict[str, set[str]] = {}
    for row in load_table("event_nouns.tsv", EventNoun):
        codes.setdefault(row.noun, set()).add(row.code)
    events = {noun for noun, cs in codes.items() if not any(c.startswith(PLACE_ROOTS) for c in cs) and cs != {"-"}}
    return frozenset(events) | frozenset(load_list("state_act_nouns.txt"))


def stands_for_state(tok: Token) -> bool:
    """Whether a capital's word is used as an actor, not as a place: the subject of a verb ("Moscow accused Kyiv",
    "an attack New Delhi blamed on Pakistan"), the object of a verb of an act between parties that is never one on a
    place's ground nor a visit ("accused Kyiv", not "struck Kyiv", "visited Beijing", "dropped bombs on Kyiv", nor what a verb names as something: "recognised
    Jerusalem as the capital"), a passive's "by" agent, the object of a party's preposition
    ("talks with Moscow", "sanctions against Tehran"), or the possessor or "from", "by" or "between" phrase of a noun
    for a state's act or word ("Moscow's decision", "warnings from Moscow", "a demand by Kyiv", "a deal between the
    Vatican and Beijing"). Never the possessor of what a crowd does ("Belgrade's protest": its people), the "from" of a
    noun of moving out ("withdrawal from Kyiv": the place left), the "on" of a curfew or martial law ("imposed a curfew
    on Kabul"), nor what a verb of recognition takes ("recognized Jerusalem": its status). Never a modifier ("a Moscow court", "Moscow residents") nor
    a place's preposition ("in Moscow", "flew to Tokyo"). The first of coordinated capitals speaks for the rest
    ("Washington and Moscow agreed")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    dep = tok.dep_
    if dep in SUBJECT_DEPS:
        lemma = head.lemma_.lower()
        if head.pos_ not in ("VERB", "AUX") or lemma in _unaccusative_verbs():
            return False
        return dep == "nsubj" or lemma not in _place_verbs()  # "Kyiv was shelled": the city
    if dep in ("dobj", "dative"):
        if any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children):
            return False  # "recognised Jerusalem as Israel's capital": the city is what is named so, not a party
        if head.lemma_.lower() in _status_verbs():
            return False  # "recognized Jerusalem": the city's status, without "as" too
        return head.pos_ == "VERB" and head.lemma_.lower() in _party_verbs()
    if dep == "poss":
        lemma = head.lemma_.lower()
        if lemma in _crowd_nouns():
            return False  # "Belgrade's protest against President Vucic": the city's people
        return head.pos_ in ("NOUN", "PROPN") and lemma in _act_nouns()
    if dep != "pobj" or head.dep_ not in ("prep", "agent"):
        return False
    prep, owner = head.lower_, head.head
    if head.dep_ == "agent":
        return True  # "Kyiv was accused by Moscow", "Kyiv was shelled by Moscow": the doer
    lemma = owner.lemma_.lower()
    if prep in NOUN_PARTY_PREPS:
        if lemma in _crowd_nouns() or (prep == "from" and lemma in _movement_nouns()):
            return False  # "a protest by Cairo"; "Russia's withdrawal from Kyiv": the place left
        return owner.pos_ == "NOUN" and lemma in _act_nouns()
    if prep in PARTY_PREPS:
        if owner.pos_ == "VERB":
            if prep in ("on", "upon") and _restricts_place(owner):
                return False  # "imposed a curfew on Kabul": the city's people
            return lemma in _party_verbs()
        if prep in ("on", "upon") and lemma in _place_on_nouns():
            return False  # "a curfew on Kabul"
        return owner.pos_ == "NOUN" and lemma in _act_nouns()
    return False
