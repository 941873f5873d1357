"""The actors an argument phrase names, from the entity layer.

An argument phrase ("the Syrian military", "Syria's decision", "the two
diplomats") is mapped to the entities its words mention. Conventions:

* the subject is the source, the object (or a "with", "against", "on", "to",
  "at", "toward", "into", "from" complement) the target; in a passive the
  "by" agent is the source and the subject the target;
* a head that names no entity lends its possessor, compound, demonym or "of"
  complement ("Syria's decision" → Syria, "a Russian plan" → Russia);
* a demonym or country next to an agent noun makes a sectoral actor ("a
  Syrian military attack" → SYRMIL);
* a country's capital standing for its state is its government ("Moscow
  accused Kyiv", "Beijing's decision" → RUSGOV, CHNGOV:
  `lexicon.capitals`); used as a place ("in Moscow", "struck Kyiv") it is
  the bare country;
* a plural group the entity layer left without a code ("the two diplomats",
  "they") stands for the entities of the latest coordination of named actors
  within GROUP_REACH sentences ("he and his Russian counterpart, Sergei Lavrov");
* coordinated actors give one event: the first is the source and, when the
  clause names no target, the next one with another code is the target
  ("Kerry and Lavrov met": USA → RUS). All of them are participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ..document import Document
from ..lexicon import countries, load_list, places
from ..lexicon.capitals import GOVERNMENT, seat_country, stands_for_state
from ..lexicon.agents import agent_row, is_counterpart, is_relational, serving_sector
from ..lexicon.borders import border_nouns
from ..lexicon.compounds import opposed
from ..lexicon.origins import origin_nouns
from ..lexicon.cues import reporting_verbs
from ..lexicon.pronouns import gendered
from ..records import Entity, EventActor, Mention
from .places import behalf
from .pronoun_actors import continued_subject
from .syntax import conjuncts, prep_objects, subject_of
from .triggers import antecedent, is_event_noun, is_patient_noun

# A group ("the two diplomats") stands for a coordination at most this many
# sentences before it (the seed's is two sentences back).
GROUP_REACH = 3
# Subject pronouns of a reported clause that stand for the speaker, with the entity types they fit.
PRONOUN_TYPES = {
    "it": {"GPE", "ORG", "NORP"},
    "they": {"GROUP", "ORG", "NORP", "GPE"},
    "he": {"PERSON"},
    "she": {"PERSON"},
}
# The third-person singular pronouns of each gender: a "she" is not the speaker whom the article calls "he".
GENDERED_PRONOUNS = {"he": gendered("m"), "she": gendered("f")}
# Plural pronouns that may stand for a coordination of named actors ("he and his Russian counterpart ... they").
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# Sectors of plural nouns that may stand for named people ("the two diplomats", "the ministers").
MEMBER_SECTORS = {"GOV"}
# Participles after a hyphen that make the country before them the one in charge ("Vietnamese-led forces").
LEADING = ("lead",)
# Entity types of a group or body without a code that the place its phrase names may code ("officials in Miami").
LOCATED_TYPES = {"GROUP", "ORG", "NORP"}
LOCATED_PREPS = {"in", "around", "across"}
# The code of a non-governmental group that names no country ("NGOHRI"), and the prepositions that give a group's named
# examples ("groups like the ACLU", "such as", "including"), whose one country it takes.
STATELESS = "NGO"
EXAMPLE_PREPS = {"like", "as", "including"}
# Dependents through which a noun that names no entity may still point at one.
POINTER_DEPS = ("poss", "compound", "amod", "nmod")


@dataclass(slots=True)
class Actor:
    """An entity in an argument phrase: the mention that names it there, and its code."""

    entity: Entity
    mention: Mention  # the words in this clause that name it
    code: str | None
    implicit: bool = False  # not named in the clause: the article's focus country

    def record(self) -> EventActor:
        m = self.mention
        # GDELT's actor geo: the place the actor's entity is, else its country's centroid (its code's, else its entity's)
        geo = self.entity.geo or places.country_geo((self.code or "")[:3]) or places.country_geo(self.entity.country)
        return EventActor(m.start, m.end, m.text, self.entity.id, self.code, implicit=self.implicit, geo=geo)


class Actors:
    """The actors a document's words and phrases name, through the context's index of the entity records.

    A dateline's words ("ADDIS ABABA (Reuters) - ...") mention no actor: they
    say where the story was filed, whatever the parser hangs them on.
    """

    def __init__(self, context: Document, entities: list[Entity]):
        self.context = context
        self.doc = context.doc
        self.entities = context.entities(entities)
        # where the mentions that start on a dateline's words or a wire credit start: they name no actor
        self._dateline_starts = {self.doc[i].idx for i in context.dateline | context.credits}
        self._members: dict[str, list[Actor]] = {}
        # the last words of the names of two words or more of the article's people and bodies: "Washington" of "Denzel
        # Washington" (which the parser may tag an organisation) or "the University of Washington" stands for no state
        self._name_ends = {m.text.split()[-1] for e in entities if e.type not in ("GPE", "LOC") for m in e.mentions
                           if m.kind == "name" and len(m.text.split()) >= 2}
        self._seat_guard = False  # set while `_seat_sector` codes a capital's other side (no capital checks back)

    def at(self, tok: Token) -> tuple[Entity, Mention] | None:
        """The entity the narrowest mention covering a token belongs to (not one starting on a dateline), with that mention."""
        found = self.entities.at(tok.i)
        if found is not None and found[1].start in self._dateline_starts:
            return self._outside_dateline(tok)
        return found

    def _outside_dateline(self, tok: Token) -> tuple[Entity, Mention] | None:
        """The narrowest mention covering a token among those that do not start on a dateline's words."""
        covering = [
            (m.end - m.start, m.start, n, k, e, m)
            for n, k, e, m in self.entities.overlapping(tok.idx, tok.idx + 1)
            if m.start not in self._dateline_starts and self.context.token_at(m.start) is not None
        ]
        return min(covering, key=lambda x: x[:4])[4:] if covering else None

    def place_actor(self, place, *, implicit: bool = False) -> list[Actor]:
        """The entity a place names, as an actor (a country or a capital stands for its country)."""
        i = self.context.token_at(place.start)
        found = self.at(self.doc[i]) if i is not None else None
        if found is None or not (found[0].actor or found[0].country):
            return []
        return [Actor(found[0], found[1], found[0].actor or found[0].country, implicit=implicit)]

    def phrase(self, head: Token | None, *, through: tuple[str, ...] = ()) -> list[Actor]:
        """The actors an argument phrase names: its head and the head's conjuncts.

        through: prepositions whose object stands in for a head that names no
        actor ("threatened further action against Russia").
        """
        if head is None:
            return []
        head = antecedent(head)
        out: list[Actor] = []
        for tok in [head, *conjuncts(head)]:
            if tok is not head and _own_clause(tok) and not self._actors_of(head):
                # "firing missiles into the waterway and the administration strengthening its sanctions": a conjunct
                # with a participle and object of its own is the next clause's subject the parser hung on a place or
                # thing, not one more of it (issue 13, session eighteen: the administration was the missiles' target)
                continue
            for actor in self._actors_of(tok):
                if all(a.entity.id != actor.entity.id for a in out):
                    out.append(actor)
        out.sort(key=lambda a: a.code is None)  # "between the Emirates and Saudi Arabia": a coded conjunct first
        if out and out[0].code:
            out += [a for a in self._coordinated_modifiers(head, out[0].code) if all(a.entity.id != b.entity.id for b in out)]
        if not out and through:
            for _, obj in prep_objects(head, through):
                if behalf(obj.head):
                    continue  # "warned against any intervention in support of Israel": for whom, not whom it is aimed at
                out = self.phrase(obj)
                if out:
                    break
        elif not any(a.code for a in out) and "in" in through:
            # "the Natanz Enrichment Plant in central Iran": a named place or body with no code of its own is where it is
            for _, obj in prep_objects(head, ("in",)):
                if is_event_noun(obj) or behalf(obj.head):
                    continue  # "two suspects in the Kenya bombing": an act they are part of, not where they are
                found = self.phrase(obj)
                if any(a.code for a in found):
                    return found
        return out

    def _actors_of(self, tok: Token) -> list[Actor]:
        found = self.at(tok)
        if found is None:  # "his Russian counterpart, Sergei Lavrov"
            found = next((self.at(c) for c in tok.children if c.dep_ == "appos" and self.at(c) is not None), None)
        if found is None:
            found = self._pointed(tok)
        if found is None:
            found = self._reported_subject(tok)
        if found is None:
            found = continued_subject(self, tok)  # "The ministry ... It accused Uganda": the ministry
        if found is None:
            return []
        entity, mention = found
        code = entity.actor or entity.country
        if code is None:
            members = self.members(entity, self.head_of(mention) or tok)
            if members:
                return [Actor(a.entity, mention, a.code) for a in members]
            leader = self._leader(tok)
            if leader is not None:  # "Vietnamese-led forces": VNM
                return [Actor(entity, mention, leader)]
        if code is None and entity.type in LOCATED_TYPES:
            code = self._located_body(self.head_of(mention) or tok)  # "elected officials in Miami": USAGOV
        if code and code.startswith(STATELESS) and not entity.country:
            home = self._exemplified_country(self.head_of(mention) or tok)
            if home:  # "civil rights groups like the American Civil Liberties Union": USAHRI
                code = home + (code[len(STATELESS):] or STATELESS)
        if code and self._relation_of(tok, mention):
            return []  # "Syrian allies warned": the allies of Syria or allies who are Syrian, not Syria
        if code and self._owned_elsewhere(tok, code):
            code = None  # "Bangladesh said its soldiers attacked" after "Indian soldiers crossed": not INDMIL
        if code and is_people(entity, mention, code):
            code = self._home_of(tok) or code  # "the Albanians of southern Serbia": SRB
        if code and len(code) == 3 and countries.is_country_code(code):
            sector = _sector_beside(tok, mention) or self._seat_sector(entity, mention, code)
            if sector:
                code += sector
        return [Actor(entity, mention, code)]

    def _seat_sector(self, entity: Entity, mention: Mention, code: str) -> str | None:
        """GOV for a country's capital that stands for its state in this phrase ("Moscow accused Kyiv", "Beijing's
        decision", "warnings from Moscow": `lexicon.capitals.stands_for_state`), as CAMEO and the real-news gold code
        it; None for a capital used as a place ("in Moscow", "a Moscow court", "missiles struck Kyiv"). Not when the
        name ends a person's or a body's name in the article ("Denzel Washington ... Washington thanked", "the
        University of Washington"), the article names a state of the name ("Washington state", "the state of
        Washington"), the mention is "Washington, D.C." (the District), the verb's other side is a city that is no seat
        of a state ("Washington beat Dallas": a team), or the other side is the same country or its government ("Paris
        accused President Macron": the city)."""
        if entity.type != "GPE" or entity.actor or entity.country != code or seat_country(mention.text) != code:
            return None
        word = self.head_of(mention)
        if word is None or not stands_for_state(word) or mention.text in self._name_ends:
            return None
        if _names_a_state_of(self.context.text, mention.text):
            return None
        if _district_named(self.context.text, mention):
            return None  # "Washington, D.C. sued the administration": the District, not the federal government
        if any(self._city_of_no_capital(t) for t in _coordinated(word) if t.i != word.i):
            return None  # "Paris and Lyon banned scooters": the cities, not France's government
        others = _other_sides(word)
        if any(self._city_of_no_state(other) for other in others):
            return None
        if self._seat_guard:
            return GOVERNMENT
        self._seat_guard = True
        try:
            # "Paris accused President Macron", "Washington accused the Trump administration": a capital set against
            # its own country's government is the city, or a state of its name, not that government; set against its
            # own people ("Washington accused Americans fighting for Russia", the bare country) it is the government
            same = (code + GOVERNMENT,)  # not "Rome reopen its ports": the city's own
            if any(a.code in same and a.entity.id != entity.id for other in others for a in self._actors_of(other)):
                return None
        finally:
            self._seat_guard = False
        return GOVERNMENT

    def _city_of_no_capital(self, tok: Token) -> bool:
        """A city that is no country's capital ("Lyon"; not "Brussels", which stands for the Union)."""
        found = self.at(tok)
        return (found is not None and is_city(found[0]) and found[0].type == "GPE"
                and countries.country_from_capital(found[1].text.strip()) is None)

    def _city_of_no_state(self, tok: Token) -> bool:
        found = self.at(tok)
        return found is not None and is_city(found[0]) and found[0].type == "GPE" and seat_country(found[1].text) is None

    def _owned_elsewhere(self, tok: Token, code: str) -> bool:
        """Whether a possessive pronoun on the head says the phrase belongs to another country than the code its
        entity carries: the entity layer may join "its soldiers" to "Indian soldiers" a sentence before while "its"
        is Bangladesh (issue 13, session eleven: BGD's soldiers were coded INDMIL at 0.94). The two readings disagree,
        so the phrase is left uncoded rather than given either country. A phrase that names a country in its own words
        ("his American counterpart", "its Syrian allies") keeps it."""
        if not countries.is_country_code(code[:3]):
            return False
        if any(c.dep_ in ("amod", "compound", "nmod") and self.at(c) is not None for c in tok.children):
            return False  # "his American counterpart", "its Syrian allies": the phrase names its own country
        if is_counterpart(tok):
            return False  # "his counterpart Sergei Lavrov": the other side's official, of another country by definition
        for c in tok.children:
            if c.dep_ == "poss" and c.tag_ == "PRP$":
                found = self.at(c)
                owner = (found[0].actor or found[0].country or "")[:3] if found is not None else ""
                return countries.is_country_code(owner) and owner != code[:3]
        return False

    def _relation_of(self, tok: Token, mention: Mention) -> bool:
        """Whether a phrase is a relational noun ("allies", "rivals": `lexicon.agents.is_relational`) whose country comes
        only from a country word on it, with no possessor to say whose they are: "Syrian allies" may be Syria's allies
        (issue 13, session fifteen's judged sheet: Russia and Iran's warning coded as Syria's); "its Syrian allies"
        and "Iran's Syrian allies" are Syrians."""
        if not relational_plural(tok):
            return False
        if mention.start <= tok.idx < mention.end:
            return False  # the mention is the noun's own phrase
        if any(c.dep_ == "poss" for c in tok.children):
            return False
        words = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.idx >= mention.start and c.idx < mention.end]
        # "NATO allies", "EU partners": an alliance or bloc (an IGO) names its own members (session sixteen's review)
        return bool(words) and not any(self._bloc(c) for c in words)

    def _bloc(self, tok: Token) -> bool:
        """Whether a word names an alliance or bloc, an actor coded IGO (NATO, the EU, the G7)."""
        found = self.at(tok)
        return found is not None and (found[0].actor or "").startswith("IGO")

    def _leader(self, tok: Token) -> str | None:
        """"Vietnamese-led forces", "a U.S.-led coalition": the coded country a "-led" modifier names."""
        for c in tok.children:
            if c.dep_ == "amod" and c.lemma_.lower() in LEADING and c.i > 0 and c.nbor(-1).text == "-":
                for g in c.children:
                    found = self.at(g)
                    if g.i < c.i and found is not None and (found[0].actor or found[0].country):
                        return (found[0].actor or found[0].country)[:3]
        return None

    def _located_body(self, head: Token) -> str | None:
        """"Elected officials in Miami", "police in Homs", "his Miami relatives": a group or body that names no country
        of its own is coded by the place its own phrase puts it in (an "in" complement or a place before the noun),
        with the sector of its agent noun; None when the phrase names no place with a country."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATED_PREPS]
        preps += [g for c in preps for g in c.children if g.dep_ == "conj" and g.lower_ in LOCATED_PREPS]  # "in and around"
        objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        home = next((self.at(o)[0].country for o in objs if self._place_with_country(o)), None)
        if home is None:
            for c in head.children:
                found = self.at(c) if c.dep_ == "compound" and c.i < head.i else None
                if found is not None and found[0].type in ("GPE", "LOC") and found[0].country:
                    home = found[0].country
                    break
        if home is None or not countries.is_country_code(home):
            return None
        return home + serving_sector(head)  # "two former soldiers in Nairobi": KEN, not KENMIL

    def _exemplified_country(self, head: Token) -> str | None:
        """"civil rights groups like the ACLU and the NACDL", "groups such as ...", "groups, including ...": the one
        country of the named examples a group noun gives of itself; None when none has a country or they differ, or
        when one is itself international (an NGO or IGO code with no country)."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        found: set[str] = set()
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in EXAMPLE_PREPS:
                continue
            if c.lower_ == "as" and not any(g.lower_ == "such" for g in (*c.children, *head.children)):
                continue
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                for ex in (obj, *conjuncts(obj)):
                    hit = self.at(ex)
                    code = (hit[0].actor or hit[0].country) if hit is not None else None
                    if not code:
                        continue
                    if not countries.is_country_code(code[:3]):
                        return None
                    found.add(code[:3])
        return found.pop() if len(found) == 1 else None

    def _place_with_country(self, tok: Token) -> bool:
        found = self.at(tok)
        return found is not None and found[0].type in ("GPE", "LOC") and bool(found[0].country)

    def _home_of(self, tok: Token) -> str | None:
        """The country an "of" or "in" complement of a noun names ("the Albanians of southern Serbia")."""
        for _, obj in prep_objects(tok, ("of", "in")):
            found = self.at(obj)
            if found is not None and found[0].type in ("GPE", "LOC") and found[0].country:
                return found[0].country
        return None

    def _coordinated_modifiers(self, head: Token, code: str) -> list[Actor]:
        """"French and Egyptian warships": the second country of a coordinated modifier, with the same sector."""
        out = []
        for c in head.children:
            if c.dep_ not in ("amod", "compound") or self.at(c) is None:
                continue
            for g in conjuncts(c):
                found = self.at(g)
                if found is not None and found[0].actor and countries.is_country_code(found[0].actor):
                    out.append(Actor(found[0], found[1], found[0].actor + code[3:6]))
        return out

    def _reported_subject(self, tok: Token) -> tuple[Entity, Mention] | None:
        """"Iraq said it would allow ...": an unresolved subject pronoun of a reported clause is the speaker."""
        fits = PRONOUN_TYPES.get(tok.lower_)
        if fits is None or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = tok.head
        while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in reporting_verbs():
            return None
        speaker = subject_of(verb.head)
        found = self.at(speaker) if speaker is not None else None
        if found is None or found[0].type not in fits or _other_gender(found[0], tok.lower_):
            return None
        return found[0], Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun")

    def _pointed(self, tok: Token) -> tuple[Entity, Mention] | None:
        """"Syria's decision", "a Russian plan", "the government of Sindh": the entity a plain noun points at.

        A city before the noun is where, not who: "the San Bernardino attacks"; a country before a border noun
        too: "the Thai border" points at no one.
        """
        if tok.lemma_.lower() in border_nouns() or tok.lemma_.lower() in _topic_nouns() or tok.lemma_.lower() in origin_nouns():
            return None  # "the Thai border", "the Syrian issue", "his Mexican heritage": a place, a topic or an origin, no actor
        relational = relational_plural(tok)
        # a named pointer before a possessive pronoun: "its European Community partners" are the EC
        for c in sorted(tok.children, key=lambda c: c.tag_ == "PRP$"):
            if relational and c.dep_ == "poss":
                continue  # "Russia's allies", "China's rivals": whose allies they are, not who they are

            if c.dep_ in POINTER_DEPS and self.at(c) is not None and not (c.dep_ == "compound" and is_city(self.at(c)[0])) \
                    and not (c.dep_ == "compound" and is_event_noun(tok) and country_name(c, self.at(c)[0])):
                if not opposed(c):  # "an anti-Syria journalist" is not Syria's
                    return self.at(c)
        if tok.dep_ in ("nsubj", "nsubjpass") and is_patient_noun(tok):
            # "the bombing of the embassy killed 23": whom the act is done to, not who does what it is the subject of
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of" and not relational:  # "the allies of Russia" are not Russia
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:  # "the return of U.N. weapons inspectors"; "parents of Benghazi victims" are no city's
                    return self.at(obj) or next((self.at(g) for g in obj.children if g.dep_ in POINTER_DEPS and self.at(g)
                                                 and not (g.dep_ == "compound" and is_city(self.at(g)[0]))), None)
        return None

    def head_of(self, mention: Mention) -> Token | None:
        """The head word of a mention ("civilians" in "hundreds of civilians" points at the civilians)."""
        words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return words.root if words is not None else None

    def members(self, group: Entity, tok: Token) -> list[Actor]:
        """The coded entities a plural group without a code stands for ("the two diplomats").

        `tok` is the group's own head word, not a noun that points at it: "hundreds of civilians" are civilians,
        a group of their own, not the people named before.
        """
        if group.type != "GROUP" and tok.lower_ not in PLURAL_PRONOUNS:
            return []  # "it", "he": one actor, never a coordination of several
        row = agent_row(tok)
        if tok.tag_ != "PRP" and row is not None and row.sector not in MEMBER_SECTORS:
            return []  # "civilians", "rebels": a group of their own, not the people named before
        if tok.tag_ != "PRP" and not any(c.dep_ in ("det", "predet", "poss", "nummod") for c in tok.children):
            # "Finance ministers from the Group of 20 met": a bare plural brings in new people, not those of a
            # coordination before it (issue 13, session fifteen's judged sheet: a G20 meeting coded USA -> CHN from
            # "the trade war between the United States and China"); "the two ministers", "both leaders" point back
            return []
        if group.id not in self._members:
            first = min(m.start for m in group.mentions)
            self._members[group.id] = self._coordination_before(first)
        return self._members[group.id]

    def _coordination_before(self, offset: int) -> list[Actor]:
        doc = self.doc
        last = self.context.last_token_before(offset)
        if last < 0:
            return []
        sents, index = self.context.sentences, self.context.sentence_index
        limit = sents[max(0, index[last] - GROUP_REACH)].start
        for i in range(last, limit - 1, -1):
            tok = doc[i]
            if tok.dep_ != "conj":
                continue
            actors: list[Actor] = []
            for t in (tok.head, tok):
                for cand in (t, *[c for c in t.children if c.dep_ == "appos"]):
                    found = self.at(cand)
                    if found and (found[0].actor or found[0].country) and all(a.entity.id != found[0].id for a in actors):
                        actors.append(Actor(found[0], found[1], found[0].actor or found[0].country))
                        break
            if len(actors) >= 2:
                return actors
        return []


def _names_a_state_of(text: str, name: str) -> bool:
    """Does an article name a state (a division) of a capital's name ("Washington state", "the State of Washington",
    "the state of Berlin")? Its bare name may then be that state's, not the country's government."""
    words = re.escape(name)
    return re.search(rf"\b{words} [Ss]tate\b|\b[Ss]tate of {words}\b", text) is not None


def _district_named(text: str, mention: Mention) -> bool:
    """Is a capital's mention "Washington, D.C." or followed by "D.C."? The District, a city, not the federal state."""
    return "D.C" in mention.text or re.match(r",?\s*D\.\s?C\b", text[mention.end :]) is not None


def _coordinated(word: Token) -> list[Token]:
    """A word's coordination: its first conjunct and that one's conjuncts ("Paris and Lyon")."""
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    return [word, *word.conjuncts]


def _other_sides(word: Token) -> list[Token]:
    """The subject and objects of the verb a word is an argument of, but the word (and its conjuncts)."""
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    verb = word.head if word.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    own = {word.i, *(t.i for t in word.conjuncts)}
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and c.i not in own]


def relational_plural(tok: Token) -> bool:
    """A plural relational noun ("allies", "rivals": `lexicon.agents.is_relational`): its possessor or "of" object is the
    other side of the relation, not who the noun names (issue 13, session sixteen: "Russia's allies condemned" was
    Russia's condemnation)."""
    return tok.pos_ == "NOUN" and tok.tag_ in ("NNS", "NNPS") and is_relational(tok)


def is_people(entity: Entity, mention: Mention, code: str | None) -> bool:
    """"ethnic Albanians", "the Serbs": a people named by a plural demonym, coded with that country alone.

    CAMEO codes such a people by the country they live in, when the text says
    where ("ethnic Albanians demonstrated in Serbia" is SRB).
    """
    words = mention.text.split()
    return (
        code is not None
        and len(code) == 3
        and bool(words)
        and words[-1][:1].isupper()
        and words[-1].endswith("s")
        and countries.country_from_demonym(words[-1]) == code
    )


@cache
def _topic_nouns() -> frozenset[str]:
    return frozenset(load_list("topic_nouns.txt"))


def country_name(tok: Token, entity: Entity) -> bool:
    """Whether a noun modifier is a country's name written out ("Kenya", "Syria"), not its short form ("U.S.", "UK",
    "EU"): English names a country's own act with its adjective or short form ("the Russian invasion", "the U.S.
    bombing"); the name as the modifier of an act tells where or about whom ("two suspects in the Kenya bombing" gave
    the bombing a Kenyan doer; issue 13, session twelve)."""
    return (
        entity.type == "GPE" and not tok.text.isupper() and "." not in tok.text
        and countries.country_from_name(tok.text) is not None  # a name, not an adjective the tagger made PROPN ("Chilean")
    )


def is_city(entity: Entity) -> bool:
    """A place that is not a country: a city or a region."""
    return entity.type in ("GPE", "LOC", "FAC") and countries.country_from_name(entity.name) is None


def _sector_beside(tok: Token, mention: Mention) -> str | None:
    """"Syrian military" in "a Syrian military attack": the agent noun next to a country word."""
    neighbours = [tok.head] if tok.dep_ in ("amod", "compound", "poss", "nmod") else []
    neighbours += [c for c in tok.head.children if c.dep_ in ("amod", "compound") and c.i != tok.i] if tok.dep_ in ("amod", "compound") else []
    for n in neighbours:
        if n.idx >= mention.start and n.idx < mention.end:
            continue
        row = agent_row(n)
        if row and n.i > tok.i and n.i <= tok.i + 2:
            return row.sector
    return None


def _other_gender(entity: Entity, pronoun: str) -> bool:
    """"Castro said she had been kidnapped": the article refers to the speaker with the other gender's pronouns
    (and never with this one's), so the reported clause's "she" is someone else."""
    own = GENDERED_PRONOUNS.get(pronoun)
    if own is None:
        return False
    used = {m.text.lower() for m in entity.mentions if m.kind == "pronoun"}
    other = next(words for p, words in GENDERED_PRONOUNS.items() if p != pronoun)
    return bool(used & other) and not used & own


def _own_clause(tok: Token) -> bool:
    """Whether a word heads a clause of its own through a participle with an object ("the administration strengthening
    its sanctions")."""
    return any(c.dep_ == "acl" and c.tag_ == "VBG" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children)
