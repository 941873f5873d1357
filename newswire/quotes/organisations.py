"""Speakers that are organisations the article names, written as a description or a short name.

    RT broadcast the interview. ... The network said the report was false.      → RT
    The Congressional Budget Office released its estimate. The agency said ...  → Congressional Budget Office
    The New York Times reported ... The Times said ...                          → New York Times

A definite description of an organisation ("the network", "the agency": a noun of `data/organisation_nouns.tsv`)
with no name of its own stands for the one organisation named before it in the article that is of that kind: whose
actor code has the noun's sector (RT is RUSMED, a medium) or whose name holds one of the noun's name words (the
Congressional Budget *Office*). A news outlet's short name ("Times", "Post") that the entity layer kept apart stands
for the one outlet named before it whose name ends with it. With no candidate, or two, the speaker stays as written:
a description left as it is beats a wrong name.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..document import EntityIndex
from ..lexicon import load_list, load_table
from ..lexicon.agents import STATE_SECTORS
from ..lexicon.tables import OrganisationNoun
from ..records import Entity

# Dependents of a description's head that say which organisation it is ("the agency's director", "the agency that
# ...", "the network, RT,"): it introduces one, it does not point back.
_INTRODUCING = ("poss", "appos", "relcl", "acl", "prep", "conj")
_MEDIA = "MED"


@cache
def _nouns() -> dict[str, OrganisationNoun]:
    return {row.noun: row for row in load_table("organisation_nouns.tsv", OrganisationNoun)}


def _named(e: Entity, before: int) -> bool:
    return any(m.kind == "name" and m.end <= before for m in e.mentions)


def _sector(e: Entity, sector: str) -> bool:
    code = e.actor or ""
    return any(code[i : i + 3] == sector for i in range(3, len(code), 3))


# Sectors of bodies of a state or of states ("European Union", "UN Security Council", "Guardian Council"): no
# "group", "union" or "newspaper" of a name word stands for one of them.
_STATE_SECTORS = (*sorted(STATE_SECTORS), "IGO")


def _fits(e: Entity, row: OrganisationNoun) -> bool:
    if row.sector and _sector(e, row.sector):
        return True
    if not row.name_words:
        return False
    # the name's head word: its last, or the last before "of" ("Daily Telegraph", "Times of India"; not "Guardian
    # Council", "Standard Chartered", "Independent Electoral Commission": session thirteen's review)
    words = e.name.replace(",", " ").split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1] if words else ""
    if any(_sector(e, s) or (e.actor or "")[:3] == s for s in _STATE_SECTORS):
        # a body of a state or of states only by its own head noun repeated, of a body's kind ("the agency" for the
        # International Atomic Energy Agency, "the court" for the Supreme Court; not "the union" for the European Union)
        return head.lower() == row.noun and row.noun in _repeated_body_nouns()
    return head in row.name_words


@cache
def _repeated_body_nouns() -> frozenset[str]:
    return frozenset(load_list("repeated_body_nouns.txt"))


def organisation_described(head: Token, start: int, entity: Entity | None, entities: EntityIndex) -> Entity | None:
    """The organisation a speaker "the <noun>" (its phrase starting at character `start`) stands for, or None.

    Only a singular noun of `data/organisation_nouns.tsv` right after "the" (no word in front: "the Fox network" names
    its own, "the rival network", "the central bank", "the state agency" say it is another), no dependent that says
    which one it is, and no named entity of its own.
    """
    if (row := _bare_description(head)) is None:
        return None
    if entity is not None and any(m.kind == "name" for m in entity.mentions):
        return None
    return _the_one(head, row, start, entity, entities)


def _bare_description(head: Token) -> OrganisationNoun | None:
    """The row of "the <noun>" when the speaker is that and nothing more, else None."""
    row = _nouns().get(head.lemma_.lower())
    if row is None or head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    dets = [c for c in head.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the" or any(c.dep_ in _INTRODUCING for c in head.children):
        return None
    if head.i != dets[0].i + 1 or dets[0].pos_ == "PROPN" or dets[0].ent_type_:
        # "the central bank", "the rival network", "the state agency": the words before say which one; "The" of a name
        return None
    return row


def description_of_several(head: Token, start: int, entity: Entity | None, entities: EntityIndex) -> bool:
    """Is the speaker "the <noun>" (a noun of `data/organisation_nouns.tsv`, as `organisation_described` reads it),
    which the entity layer linked to a named organisation, said after another organisation was named since that one's
    last name, as the subject of a verb? ("Acme raised prices. Brix cut them. The company said ...": either.) A list of companies
    gives "the company" no one referent; the link is then a guess, and the speaker is left as written."""
    if entity is None or entity.type != "ORG" or _bare_description(head) is None:
        return False
    names = [m.end for m in entity.mentions if m.kind == "name" and m.end <= start]
    if not names:
        return False
    # another organisation that acts (the subject of a verb: "CVS Health said ..."), not one only talked about ("Acme
    # found that Brix's site was hit -- the firm said ...", "following the CDC's guidelines", "Acme and its brand Brix")
    last = max(names)
    return any(
        e.type == "ORG" and e is not entity and m.kind == "name" and last <= m.start < start and _acts(head.doc, m.start, m.end)
        for _, _, e, m in entities.overlapping(last, start)
    )


def _acts(doc, start: int, end: int) -> bool:
    """Is the name at characters [start, end) the subject of a verb?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def organisation_in_front(noun: Token, start: int, entities: EntityIndex) -> Entity | None:
    """The organisation a common noun of `data/organisation_nouns.tsv` in front of a spokesperson or document stands
    for: "a company spokesman", "a ministry statement" (the noun alone, right before, with no word of its own), as
    "the company" would (`organisation_described`). None otherwise."""
    before = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if len(before) != 1 or before[0].i != noun.i - 1:
        return None
    head = before[0]
    row = _nouns().get(head.lemma_.lower())
    if row is None or head.pos_ != "NOUN" or head.tag_ != "NN" or any(True for _ in head.children) or head.ent_type_:
        return None
    if any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < noun.i for c in noun.children if c.i != head.i):
        return None  # "a state company spokesman", "Acme's company spokesman": the words before say which one
    return _the_one(head, row, start, entities.entity_at(head.i), entities)


def _the_one(head: Token, row: OrganisationNoun, start: int, entity: Entity | None, entities: EntityIndex) -> Entity | None:
    """The one organisation named before `start` that fits the noun's row, with no other named since and the noun not
    used before for another; None otherwise."""
    if entity is not None and any(m.kind == "name" for m in entity.mentions):
        return None
    fitting = [e for e in entities.entities if e.type == "ORG" and e is not entity and _named(e, start) and _fits(e, row)]
    if len(fitting) != 1:
        return None
    (org,) = fitting
    last = max(m.end for m in org.mentions if m.kind == "name" and m.end <= start)
    if any(e.type == "ORG" and e is not org and m.kind == "name" and last <= m.start < start for _, _, e, m in entities.overlapping(last, start)):
        return None  # another organisation named since: "the company" after "Twitter, Facebook and YouTube" could be any
    for tok in head.doc[: head.i]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() == row.noun and not _stands_for(tok, org, entities):
            return None  # the same noun earlier, not for this organisation: "the company's chief" the entity layer left unlinked
    return org


def _stands_for(tok: Token, org: Entity, entities: EntityIndex) -> bool:
    """Is an earlier "network" the organisation's own, or said of it ("RT, the Russian network", "RT is a network")?"""
    if entities.entity_at(tok.i) is org:
        return True
    if tok.dep_ in ("appos", "attr") and entities.entity_at(tok.head.i) is org:
        return True
    return tok.dep_ == "attr" and any(c.dep_ in ("nsubj", "nsubjpass") and entities.entity_at(c.i) is org for c in tok.head.children)


def outlet_in_full(entity: Entity | None, start: int, entities: EntityIndex) -> Entity | None:
    """The news outlet named in full before `start` whose name a speaker's organisation name ends ("Times" → "New York
    Times"), when exactly one does; None otherwise. The short entity must not be an outlet or actor of its own."""
    if entity is None or entity.type != "ORG" or (entity.actor and not _sector(entity, _MEDIA)):
        return None
    short = entity.name.removeprefix("The ").split()
    if not short:
        return None
    full = [
        e for e in entities.entities
        if e is not entity and e.type == "ORG" and _sector(e, _MEDIA) and _named(e, start)
        and len(words := e.name.removeprefix("The ").split()) > len(short) and words[-len(short) :] == short
    ]
    return full[0] if len(full) == 1 else None
