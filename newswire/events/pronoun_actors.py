"""A subject "it" or "they" the entity layer left unresolved, as the body the sentence before it is about.

"The Kenyan government announced new measures on Sunday. It accused Uganda of arming the rebels.": the entity layer
resolves "he" and "she" (and reported subjects), not a main clause's "it" or "they" that continues the subject of
the sentence before. This takes that subject, only when the reading is unambiguous (precision first: a side left
empty beats a wrong one):

* the pronoun is the subject of a main clause (its verb is the sentence's root, or a conjunct of it), outside any
  quotation, and nothing before it in its sentence names an entity;
* the sentence just before it, in the same paragraph and with no quotation mark, has a main subject that names an
  entity with a code: an organisation or a country ("it": a singular head), or a group whose code has a state sector (government, military, police, ...): a crowd
  ("thousands of people", "protesters") stands for no one; "they" needs a plural head or coordination;
* no other entity of a type the pronoun could stand for is named in that sentence, and (for "it") no singular
  common noun is its main verb's object ("The ministry published a report. It accuses ...": the report, maybe).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Entity, Mention

# The pronouns this reads, with the entity types each may stand for.
FITS = {"it": {"ORG", "GPE"}, "they": {"ORG", "GPE", "GROUP", "NORP"}}
# Group types whose code must name a state sector for "they" to stand for them (a crowd is no actor).
GROUP_TYPES = {"GROUP", "NORP"}
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
QUOTE_MARKS = ('"', "“", "”", "``", "''", "‘")  # not "’": an apostrophe too


def continued_subject(actors, tok: Token) -> tuple[Entity, Mention] | None:
    """The entity an unresolved main-clause subject "it"/"they" continues from the sentence before (see module doc),
    with a mention on the pronoun's own span; None when the reading is not unambiguous."""
    fits = FITS.get(tok.lower_)
    if fits is None or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    sent = tok.sent
    if not (verb.i == sent.root.i or (verb.dep_ == "conj" and verb.head.i == sent.root.i)):
        return None
    if sent.start == 0:
        return None
    if _quoted(sent.text) or any(actors.at(t) is not None for t in sent if t.i < tok.i):
        return None
    before = tok.doc[sent.start - 1].sent
    if _quoted(before.text) or "\n\n" in tok.doc.text[before.end_char:sent.start_char]:
        return None
    root = before.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    found = actors.at(subj)
    if found is None:
        return None
    entity, _ = found
    code = entity.actor or entity.country
    if not code or entity.type not in fits:
        return None
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    if tok.lower_ == "it" and plural:
        return None
    if tok.lower_ == "they":
        if entity.type in GROUP_TYPES and code[3:6] not in STATE_SECTORS:
            return None
        if not plural:
            return None
    inside = {t.i for t in subj.subtree}  # "The Kenyan government": Kenya is part of the subject, no rival
    for t in before:  # another entity it could stand for
        if t.i in inside:
            continue
        other = actors.at(t)
        if other is not None and other[0].id != entity.id and other[0].type in fits:
            return None
    if tok.lower_ == "it" and any(c.dep_ in ("dobj", "attr") and c.tag_ == "NN" for c in root.children):
        return None
    return entity, Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun")


def _quoted(text: str) -> bool:
    return any(q in text for q in QUOTE_MARKS)
