"""Nominal mentions: actors named by a common noun.

* Agents (`data/agents.tsv`): "the Syrian government", "rebels", "U.N.
  officials", "the Assad government", "the company". Their country comes from
  a modifier ("Syrian", "U.S.", "Syria's", "in Syria", "Assad"), and their
  sector from the noun (government GOV, rebels REB).
* Titles used as nouns: "the secretary-general", "the president", linked to
  the person who holds that title in the article.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..lexicon import countries, places
from ..lexicon import load_list
from ..lexicon.agents import agent_row, initial_plural, names_other_party, relation_nouns
from ..lexicon.compounds import compound_role, not_its_own
from ..lexicon.tables import AgentNoun
from ..document import Document
from ..text.datelines import is_dash
from .country_words import place_country
from .evidence import past_office
from .model import Mention
from .titles import TitleMatch


def find_nominals(doc: Doc, names: list[Mention], titles: list[TitleMatch]) -> list[Mention]:
    """Agent and title nominals, with the country and affiliation evidence on them."""
    name_at = {i: m for m in names for i in range(m.start, m.end)}
    name_ending = {m.end - 1: m for m in names}
    out = _title_nominals(doc, titles, name_at, name_ending)
    taken = {i for m in out for i in range(m.start, m.end)}
    in_title = {i for t in titles for i in range(t.start, t.end)}
    dateline = Document.of(doc).dateline
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.i in name_at or head.i in taken or head.i in in_title or head.pos_ not in ("NOUN", "PROPN"):
            continue  # a title word ("general" in "Secretary-General") is a title, not an agent
        if _before_person(doc, head.i, name_at) or any(name_at[i].label == "PERSON" for i in range(head.i + 1, chunk.end) if i in name_at):
            continue  # "President Bashar al-Assad": a title on a name, not a nominal
        row = agent_row(head)
        if row is None or (row.word.lower() in _modified_only() and not _noun_modified(head)):
            continue
        if row.word.lower() in _mass_sense_agents() and _mass_sense(head):
            continue  # "deadly force", "the full force of the law", "stiff opposition": no body
        m = Mention(doc, _after_dateline(doc, chunk.start, head.i, dateline), chunk.end, "nominal", _label(head, row), lemma=row.word.lower())
        if row.sector and not past_office(doc, chunk.start, chunk.end):  # "the deposed leader", "ex-ministers"
            m.sectors.append(row.sector)
        _modifiers(m, head, name_ending)
        out.append(m)
    return sorted(out, key=lambda m: m.start)


def _after_dateline(doc: Doc, start: int, head: int, dateline: frozenset[int]) -> int:
    """Where a noun chunk's mention starts: after a dateline's words and a spaced dash the parser ran into it ("BAMAKO -
    Islamist militants attacked ..." → "Islamist militants"; a hyphen inside a word, "pro-government", is no dash)."""
    for i in range(start, head):
        if i in dateline or is_dash(doc[i]):
            start = i + 1
    return start


@cache
def _modified_only() -> frozenset[str]:
    return frozenset(load_list("agents_modified_only.txt"))


@cache
def _mass_sense_agents() -> frozenset[str]:
    return frozenset(load_list("mass_sense_agents.txt"))


def _mass_sense(head: Token) -> bool:
    """Is an agent noun of data/mass_sense_agents.txt used as a mass noun: singular and neither counted nor pointed to
    by a determiner, possessor, number or modifying noun, name or people's word ("used deadly force", "by force", "stiff
    opposition"), or followed by an "of" that names no people ("the full force of the law", "the force of the
    blast"; "a force of 5,000 troops", "forces of the Islamic State" are bodies)?"""
    if head.tag_ != "NN":
        return False  # "the forces of other countries", "government forces": plural, counted, bodies
    if _acting_subject(head):
        return False  # "Parliamentary opposition boycotted the session"
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if objs and not any(agent_row(o) is not None or o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") for o in objs):
                return True
    return not any(
        c.dep_ in ("det", "poss", "nummod", "compound", "nmod")
        or (c.dep_ == "amod" and (c.ent_type_ in ("NORP", "GPE", "ORG") or countries.country_from_demonym(c.text)))
        for c in head.children if c.i < head.i
    )


@cache
def _mass_sense_acting_bodies() -> frozenset[str]:
    return frozenset(load_list("mass_sense_acting_bodies.txt"))


def _acting_subject(head: Token) -> bool:
    """Is a noun of data/mass_sense_acting_bodies.txt, with no complement of its own, the active subject of a verb with
    an object or a reported clause ("Opposition wins majority", "opposition boycotted the session")?"""
    verb = head.head
    return (
        head.lemma_.lower() in _mass_sense_acting_bodies()
        and head.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and not any(c.dep_ == "prep" for c in head.children)
        and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
    )


def _noun_modified(head: Token) -> bool:
    """Does a noun or name modify the singular head ("the insurance concern", "the Portland thrift"; "security concerns"
    are worries)?"""
    return head.tag_ == "NN" and any(c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN") for c in head.children)


def _before_person(doc: Doc, i: int, name_at: dict[int, Mention]) -> bool:
    j = i + 1
    return j < len(doc) and (doc[j].ent_type_ == "PERSON" or (j in name_at and name_at[j].label == "PERSON"))


def _title_nominals(doc: Doc, titles: list[TitleMatch], name_at: dict[int, Mention], name_ending: dict[int, Mention]) -> list[Mention]:
    """"the secretary-general", "Russia's foreign minister": a title standing for its holder.

    The phrase runs left from the title over organisation and country names,
    adjectives and possessives to a determiner or possessive; a title right
    before a name ("President Obama") is the name's, not a nominal.
    """
    out = []
    for t in titles:
        if t.kind == "honorific" or _before_person(doc, t.end - 1, name_at):
            continue
        if doc[t.end - 1].dep_ in ("attr", "oprd") or doc[t.start - 1].lower_ in load_list("role_not_holder.txt"):
            continue  # "to make her the first president", "he is the president": said of someone, not naming them
        start = t.start
        while start > 0 and _modifier_token(doc[start - 1], name_at):
            start -= 1
        determined = start > 0 and (doc[start - 1].lower_ in _DETERMINERS or doc[start - 1].tag_ == "PRP$")
        speaks_for = _speaks_for(doc[t.end - 1], name_ending)
        if determined:
            start -= 1
            if doc[start].lower_ in ("a", "an") and speaks_for is None:
                continue  # "a minister": no one in particular; "a spokesman for Mr. Ban" is someone
        elif not (start < t.start and doc[start].ent_type_ in ("GPE", "ORG") and doc[t.start - 1].text in _POSSESSIVE):
            continue  # "a minister", "minister": no one in particular
        if any(i in name_at and name_at[i].label == "PERSON" for i in range(start, t.end)):
            continue
        m = Mention(doc, start, t.end, "nominal", "PERSON", lemma=t.title)
        m.titles.append(doc[t.start : t.end].text)
        if t.sector and not past_office(doc, start, t.end):  # "the former prime minister" holds no office
            m.sectors.append(t.sector)
        if t.gender:
            m.gender = t.gender
        _modifiers(m, doc[t.end - 1], name_ending)
        if speaks_for is not None:
            m.affiliations.append(speaks_for)
        out.append(m)
    return out


def _speaks_for(head: Token, name_ending: dict[int, Mention]) -> Mention | None:
    """The name in "a spokesman for Mr. Ban", "an aide to Clinton", "an adviser of the U.N."."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "to", "of", "at"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in name_ending:
                    return name_ending[obj.i]
    return None


_DETERMINERS = {"the", "a", "an", "this", "that"}
_POSSESSIVE = {"'s", "’s"}


def _modifier_token(tok: Token, name_at: dict[int, Mention]) -> bool:
    """Words that may stand between a determiner and a title: "the U.N.", "Russia's", "top"."""
    if tok.i in name_at:
        return name_at[tok.i].label in ("ORG", "GPE", "NORP", "LOC")
    return tok.text in _POSSESSIVE or tok.pos_ == "ADJ" or tok.ent_type_ in ("ORG", "GPE", "NORP")


def _label(head: Token, row: AgentNoun) -> str:
    if row.number == "collective":
        return "ORG"
    return "GROUP" if head.tag_ in ("NNS", "NNPS") or initial_plural(head) else "PERSON"


def _modifiers(m: Mention, head: Token, name_ending: dict[int, Mention]) -> None:
    relation = relation_nouns().get(head.lemma_.lower())
    for child in head.children:
        if child.i < m.start:
            continue  # a dateline's place before the mention is where the story was filed, not the nominal's country
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() == "base":
            # "a group based in Trinidad", "a London-based newspaper"
            for g in child.children:
                obj = next((o for o in g.children if o.dep_ == "pobj"), None) if g.dep_ == "prep" and g.lower_ == "in" else g
                code = _place_phrase_country(obj, name_ending) if obj is not None and obj.dep_ in ("pobj", "npadvmod", "compound") else None
                if code:
                    m.countries.append(code)
        elif relation is not None and names_other_party(child, relation):
            continue  # "the regime's supporters", "Iranian proxies": the other party's country (data/relation_nouns.tsv)
        elif child.dep_ in ("amod", "compound", "nmod", "poss") and not_its_own(child):
            continue  # "pro-Russian rebels", "Russian-backed separatists": not Russia's
        elif child.dep_ in ("amod", "compound", "nmod", "poss"):
            leader = _leader(child)
            if leader is not None:
                child = leader  # "Saudi-led forces", "NATO-led troops": the leader's
            owner = name_ending.get(child.i)
            if owner is not None:
                code = place_country(owner)
                if code:
                    m.countries.append(code)
                else:
                    m.affiliations.append(owner)  # "U.N. officials", "the Assad government"
                continue
            code = countries.country_from_demonym(child.text)
            if code:
                m.countries.append(code)
        elif child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
            if child.lower_ == "of" and head.lemma_.lower() in _victim_of_nouns():
                continue  # "the kidnappers of an American journalist": the victim's country, not theirs
            if child.lower_ == "in" and head.lemma_.lower() in _posted_abroad_nouns():
                continue  # "the embassy in Tanzania", "the ambassador in Baghdad": where another country posted them
            if child.lower_ == "in" and m.affiliations:
                continue  # "U.N. officials in New York", "Reuters reporters in Baghdad": where the body's people are, not whose
            for obj in child.children:
                if obj.dep_ == "pobj":
                    code = _place_phrase_country(obj, name_ending)
                    if code:
                        m.countries.append(code)


@cache
def _posted_abroad_nouns() -> frozenset[str]:
    return frozenset(load_list("posted_abroad_nouns.txt"))


@cache
def _victim_of_nouns() -> frozenset[str]:
    return frozenset(load_list("victim_of_nouns.txt"))


def _leader(tok: Token) -> Token | None:
    """"Saudi" for the "led" of "Saudi-led forces": the word before a hyphen that leads (data/country_compounds.tsv)."""
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and compound_role(tok.doc[tok.i - 2]) == "leads":
        return tok.doc[tok.i - 2]
    return None


def _place_phrase_country(obj: Token, name_ending: dict[int, Mention]) -> str | None:
    """"Syria", "the Syrian Golan Heights", "east Beirut": the country a place phrase is in."""
    if obj.i in name_ending:
        place = name_ending[obj.i]
        after = name_ending.get(next((i for i in range(place.end + 1, len(obj.doc)) if i in name_ending), -1))
        if (after is not None and place.end < len(obj.doc) and obj.doc[place.end].text == "," and after.start == place.end + 1
                and after.text in places.place_readings()):
            return None  # "Police in Athens, Georgia": a place in a state that may be another country's (data/place_readings.tsv)
        # a place whose entity was coded from its text ("St. Petersburg, Russia": actors._places_given_a_country)
        known = place.cluster.country if place.cluster is not None and place.label in ("GPE", "LOC") else None
        code = place_country(place) or known or countries.country_of(place.text)
        if code and name_ending[obj.i].label in ("GPE", "LOC", "NORP", "FAC"):
            return code
    for c in obj.children:
        if c.dep_ in ("amod", "compound") and c.i < obj.i:
            code = countries.country_from_demonym(c.text)
            if code:
                return code
    return None
