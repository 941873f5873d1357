"""Sources, targets and participants of an event, from the entity layer.

An argument phrase ("the Syrian military", "Syria's decision", "the two
diplomats") is mapped to the entities its words mention. Conventions:

* the subject is the source, the object (or a "with", "against", "on", "to",
  "at", "toward", "into", "from" complement) the target; in a passive the
  "by" agent is the source and the subject the target;
* a head that names no entity lends its possessor, compound, demonym or "of"
  complement ("Syria's decision" → Syria, "a Russian plan" → Russia);
* a demonym or country next to an agent noun makes a sectoral actor ("a
  Syrian military attack" → SYRMIL);
* a plural group the entity layer left without a code ("the two diplomats",
  "they") stands for the entities of the latest coordination of named actors
  within GROUP_REACH sentences ("he and his Russian counterpart, Sergei Lavrov");
* coordinated actors give one event: the first is the source and, when the
  clause names no target, the next one with another code is the target
  ("Kerry and Lavrov met": USA → RUS). All of them are participants.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import countries
from ..text.datelines import dateline_tokens
from ..entities.actors import focus_country, opposed
from ..entities.model import border_nouns, last_token_before, on_border, sentence_index, sentences
from ..entities.nominals import agent_row
from ..records import Entity, EventActor, Mention
from ..lexicon.cues import reporting_verbs
from .triggers import antecedent

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
# Sectors of plural nouns that may stand for named people ("the two diplomats", "the ministers").
MEMBER_SECTORS = {"GOV"}
# Prepositions whose object is a target, in order of preference.
TARGET_PREPS = ("with", "against", "on", "upon", "to", "at", "toward", "towards", "into", "from", "over", "for")
# Participles after a hyphen that make the country before them the one in charge ("Vietnamese-led forces").
LEADING = ("lead",)
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
        return EventActor(m.start, m.end, m.text, self.entity.id, self.code, implicit=self.implicit)


class ActorIndex:
    """Which entity each token of a doc mentions.

    A dateline's words ("ADDIS ABABA (Reuters) - ...") mention no actor: they
    say where the story was filed, whatever the parser hangs them on.
    """

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        self.entities = entities
        self._at: dict[int, tuple[Entity, Mention]] = {}
        self._starts = starts = {t.idx: t.i for t in doc}
        dateline = dateline_tokens(doc)
        for e in entities:
            for m in e.mentions:
                i = starts.get(m.start)
                if i is None or i in dateline:
                    continue
                while i < len(doc) and doc[i].idx < m.end:
                    held = self._at.get(i)
                    if held is None or held[1].end - held[1].start > m.end - m.start:
                        self._at[i] = (e, m)
                    i += 1
        self._members: dict[str, list[Actor]] = {}
        # built once per doc, so that each event looks only at what is near it
        self._countries: dict[str, Entity] = {}  # actor code → the first GPE entity with it
        for e in entities:
            if e.type == "GPE":
                self._countries.setdefault(e.actor, e)
        self._named: dict[str, tuple[list[int], list[Mention]]] = {}  # entity id → its non-pronoun mentions, with their starts
        # every mention, by where it starts: (start, entity's position, mention's position, entity, mention)
        self._mentions = sorted(
            ((m.start, n, k, e, m) for n, e in enumerate(entities) for k, m in enumerate(e.mentions)), key=lambda x: x[:3]
        )
        self._mention_starts = [x[0] for x in self._mentions]
        self._longest = max((m.end - m.start for e in entities for m in e.mentions), default=0)

    def implicit_targets(self, events: list) -> None:
        """Give untargeted events aimed at someone the article's focus country as an implicit target."""
        if not events:
            return
        focus = focus_country(self.doc)
        country = self._countries.get(focus) if focus else None
        if country is None:
            return
        for ev in events:
            source = next((a for a in ev.sources if a.code), None)
            if source is None or source.code[:3] == focus:
                continue
            at = self.doc[ev.trigger.i].idx
            before = self._named_before(country, at)
            mention = before if before is not None else country.mentions[0]
            ev.targets = [Actor(country, mention, focus, implicit=True)]

    def domestic_targets(self, events: list) -> None:
        """Give events at home with no coded target the source's own country as an implicit target.

        "Sudan's government lifted the state of emergency", "Turkish police
        prevented the demonstration": what a government, police or union does
        at home with no one named is done to its own country (CAMEO's domestic
        events), unless the event happens in another country.
        """
        for ev in events:
            source = next((a for a in ev.sources if a.code), None)
            if source is None or not countries.is_country_code(source.code[:3]):
                continue
            home = source.code[:3]
            if ev.place is not None and ev.place.country not in (None, home):
                # "Serbia eased emergency measures in Montenegro province": aimed at where it is done
                ev.targets = [Actor(a.entity, a.mention, a.code, implicit=True) for a in self.place_actor(ev.place)] or ev.targets
                continue
            country = self._countries.get(home)
            if country is None:
                # "threatened to institute a curfew in Algiers": the place at home that names no country stands for it
                place = self.place_actor(ev.place) if ev.place is not None else []
                ev.targets = [Actor(a.entity, a.mention, home, implicit=True) for a in place] or ev.targets
                continue
            at = self.doc[ev.trigger.i].idx
            before = self._named_before(country, at)
            mention = before if before is not None else next((m for m in country.mentions if m.kind != "pronoun"), country.mentions[0])
            ev.targets = [Actor(country, mention, home, implicit=True)]

    def _named_before(self, entity: Entity, at: int) -> Mention | None:
        """The entity's last mention other than a pronoun that starts before offset `at`."""
        if entity.id not in self._named:
            named = sorted((m for m in entity.mentions if m.kind != "pronoun"), key=lambda m: m.start)
            self._named[entity.id] = ([m.start for m in named], named)
        starts, named = self._named[entity.id]
        i = bisect.bisect_left(starts, at)
        return named[i - 1] if i else None

    def _mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity, Mention]]:
        """The mentions starting in [start, end) and those overlapping it, as (entity's position, mention's position,
        entity, mention), in the order of the entities and their mentions."""
        lo = bisect.bisect_left(self._mention_starts, start - self._longest)
        hi = bisect.bisect_left(self._mention_starts, end)
        found = [(n, k, e, m) for s, n, k, e, m in self._mentions[lo:hi] if m.end > start]
        found.sort(key=lambda x: x[:2])
        return found

    def place_actor(self, place, *, implicit: bool = False) -> list[Actor]:
        """The entity a place names, as an actor (a country or a capital stands for its country)."""
        i = self._starts.get(place.start)
        found = self._at.get(i) if i is not None else None
        if found is None or not (found[0].actor or found[0].country):
            return []
        return [Actor(found[0], found[1], found[0].actor or found[0].country, implicit=implicit)]

    def located(self, actors: list[Actor], place) -> list[Actor]:
        """"civilians" attacked near Damascus: uncoded actors coded as the place's people (SYRCVL).

        With no actor named (the parser's object names no entity) the place itself stands for them.
        """
        here = self.place_actor(place, implicit=True)
        if not here or not actors:
            return here
        country = here[0].code[:3]
        out = []
        for a in actors:
            words = self.doc.char_span(a.mention.start, a.mention.end, alignment_mode="expand")
            row = agent_row(words.root) if words is not None else None
            out.append(Actor(a.entity, a.mention, country + (row.sector if row else "")))
        return out

    def other_country(self, ev) -> list[Actor]:
        """The one country an event's sentence names besides its source's, as an implicit target.

        "A Russian official offered concessions that U.S. negotiator Paul
        Nitze believed ...": USA. Mentions inside the source's own words
        ("Croatian Serb rebels"), after "anti-" and in the frame that reports
        the event ("..., Thai police said", "told a Chinese newspaper") do not count; a sentence naming two or more other countries gives none.
        """
        source = next((a for a in ev.sources if a.code), None)
        if source is None:
            return []
        sent = sentences(self.doc)[sentence_index(self.doc)[ev.trigger.i]]
        dateline = dateline_tokens(self.doc)
        nearby = self._mentions_in(sent.start_char, sent.end_char)  # only these can start in the sentence or hold such a start
        own = [(a.mention.start, a.mention.end) for a in ev.sources] + self._reporter_spans(self.doc[ev.trigger.i])
        own += [(m.start, m.end) for _, _, e, m in nearby if e.id == ev.reported_by]
        found: dict[str, tuple[Entity, Mention, str]] = {}
        for _, _, e, m in nearby:
            code = e.actor or e.country
            if not code or code[:3] == source.code[:3] or e.id == ev.reported_by:
                continue
            if not sent.start_char <= m.start < sent.end_char or m.kind == "pronoun" or any(s <= m.start < t for s, t in own):
                continue
            if self._starts.get(m.start) in dateline:
                continue  # where the story was filed
            if m.start in self._starts and on_border(self.doc[self._starts[m.start]]):
                continue  # "on the Thai border": a place beside the country, not the country
            if not opposed(self.doc[self._starts.get(m.start, 0)]):  # "an anti-Iran cleric" names no one
                found.setdefault(code[:3], (e, m, code))
        if len(found) != 1:
            return []
        entity, mention, code = next(iter(found.values()))
        return [Actor(entity, mention, code, implicit=True)]

    def _reporter_spans(self, tok: Token) -> list[tuple[int, int]]:
        """Character spans of the frames that report a clause: "..., Thai police here said", "... told a Chinese paper"."""
        out = []
        node = tok
        while node.head.i != node.i:
            below, node = node, node.head
            if node.lemma_.lower() in reporting_verbs():
                for c in node.children:
                    if c.i != below.i:
                        out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)))
        return out

    def at(self, tok: Token) -> tuple[Entity, Mention] | None:
        return self._at.get(tok.i)

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
            for actor in self._actors_of(tok):
                if all(a.entity.id != actor.entity.id for a in out):
                    out.append(actor)
        out.sort(key=lambda a: a.code is None)  # "between the Emirates and Saudi Arabia": a coded conjunct first
        if out and out[0].code:
            out += [a for a in self._coordinated_modifiers(head, out[0].code) if all(a.entity.id != b.entity.id for b in out)]
        if not out and through:
            for _, obj in prep_objects(head, through):
                out = self.phrase(obj)
                if out:
                    break
        elif not any(a.code for a in out) and "in" in through:
            # "the Natanz Enrichment Plant in central Iran": a named place or body with no code of its own is where it is
            for _, obj in prep_objects(head, ("in",)):
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
            return []
        entity, mention = found
        code = entity.actor or entity.country
        if code is None:
            members = self.members(entity, self._head(mention) or tok)
            if members:
                return [Actor(a.entity, mention, a.code) for a in members]
            leader = self._leader(tok)
            if leader is not None:  # "Vietnamese-led forces": VNM
                return [Actor(entity, mention, leader)]
        if code and is_people(entity, mention, code):
            code = self._home_of(tok) or code  # "the Albanians of southern Serbia": SRB
        if code and len(code) == 3 and countries.is_country_code(code):
            sector = _sector_beside(tok, mention)
            if sector:
                code += sector
        return [Actor(entity, mention, code)]

    def _leader(self, tok: Token) -> str | None:
        """"Vietnamese-led forces", "a U.S.-led coalition": the coded country a "-led" modifier names."""
        for c in tok.children:
            if c.dep_ == "amod" and c.lemma_.lower() in LEADING and c.i > 0 and c.nbor(-1).text == "-":
                for g in c.children:
                    found = self.at(g)
                    if g.i < c.i and found is not None and (found[0].actor or found[0].country):
                        return (found[0].actor or found[0].country)[:3]
        return None

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
        if found is None or found[0].type not in fits:
            return None
        return found[0], Mention(tok.idx, tok.idx + len(tok), tok.text, "pronoun")

    def _pointed(self, tok: Token) -> tuple[Entity, Mention] | None:
        """"Syria's decision", "a Russian plan", "the government of Sindh": the entity a plain noun points at.

        A city before the noun is where, not who: "the San Bernardino attacks"; a country before a border noun
        too: "the Thai border" points at no one.
        """
        if tok.lemma_.lower() in border_nouns():
            return None
        # a named pointer before a possessive pronoun: "its European Community partners" are the EC
        for c in sorted(tok.children, key=lambda c: c.tag_ == "PRP$"):
            if c.dep_ in POINTER_DEPS and self.at(c) is not None and not (c.dep_ == "compound" and is_city(self.at(c)[0])):
                if not opposed(c):  # "an anti-Syria journalist" is not Syria's
                    return self.at(c)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:  # "the return of U.N. weapons inspectors"
                    return self.at(obj) or next((self.at(g) for g in obj.children if g.dep_ in POINTER_DEPS and self.at(g)), None)
        return None

    def _head(self, mention: Mention) -> Token | None:
        """The head word of a mention ("civilians" in "hundreds of civilians" points at the civilians)."""
        words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return words.root if words is not None else None

    def members(self, group: Entity, tok: Token) -> list[Actor]:
        """The coded entities a plural group without a code stands for ("the two diplomats").

        `tok` is the group's own head word, not a noun that points at it: "hundreds of civilians" are civilians,
        a group of their own, not the people named before.
        """
        if group.type != "GROUP" and tok.tag_ not in ("PRP",):
            return []
        row = agent_row(tok)
        if tok.tag_ != "PRP" and row is not None and row.sector not in MEMBER_SECTORS:
            return []  # "civilians", "rebels": a group of their own, not the people named before
        if group.id not in self._members:
            first = min(m.start for m in group.mentions)
            self._members[group.id] = self._coordination_before(first)
        return self._members[group.id]

    def _coordination_before(self, offset: int) -> list[Actor]:
        doc = self.doc
        last = last_token_before(doc, offset)
        if last < 0:
            return []
        sents, index = sentences(doc), sentence_index(doc)
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


def is_city(entity: Entity) -> bool:
    """A place that is not a country: a city or a region."""
    return entity.type in ("GPE", "LOC", "FAC") and countries.country_from_name(entity.name) is None


def conjuncts(tok: Token) -> list[Token]:
    out, stack = [], [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ == "conj")
    return out


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


def subject_of(verb: Token) -> Token | None:
    """The doer of a verb: its subject, a passive's "by" agent, or the subject it shares with the verb it hangs on."""
    from .triggers import is_passive

    if is_passive(verb):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        return obj
    dateline = dateline_tokens(verb.doc)  # "NAIROBI (Reuters) - Somali officials accused ...": two subjects in the parse
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i not in dateline), None)
    if subj is not None and subj.pos_ == "VERB":  # "The Red Cross operating in Iraq said": the parse's subject is "operating"
        subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
    if subj is not None:
        return antecedent(subj)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subject_of(verb.head.head)  # "France is ready to contribute troops": France
    if verb.dep_ == "xcomp":
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        return obj if obj is not None and obj.i < verb.i else subject_of(verb.head)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "was indicted by the court ... and will resign": the head's grammatical subject, not its agent
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        return antecedent(subj) if subj is not None else subject_of(verb.head)
    if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ in ("xcomp", "acomp") and verb.head.pos_ == "ADJ":  # "France is ready to contribute"
        return subject_of(verb.head.head) if verb.head.dep_ == "acomp" else None
    if verb.dep_ == "acl":
        if verb.head.dep_ in ("dobj", "attr") and verb.head.head.pos_ == "VERB":
            return subject_of(verb.head.head)  # "issued a declaration demanding ...": the issuer
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB":
        obj = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        return obj
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "ADJ" and verb.head.head.dep_ == "acomp":
        return subject_of(verb.head.head.head)  # "X and Y are guilty of violating the ceasefire"
    return None


def _stranded_object(prep: Token) -> Token | None:
    """"granted asylum to five officers holed up in ...": a preposition the parser left without its object,
    whose object it made the subject of the participle after it."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return None
    for tok in prep.doc[prep.i + 1 : prep.i + 8]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == prep.i + 1 and tok.head.i > tok.i:
            return tok
    return None


def _out_of(tok: Token) -> Token | None:
    """The object of "out of" under a verb ("out" a preposition over "of", or a particle beside it), or None."""
    if tok.dep_ == "prep" and tok.lower_ == "out":
        of = next((g for g in tok.children if g.dep_ == "prep" and g.lower_ == "of"), None)
    elif tok.dep_ == "prep" and tok.lower_ == "of" and any(s.dep_ == "prt" and s.lower_ == "out" for s in tok.head.children):
        of = tok
    else:
        return None
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under a token, in the order of `preps`."""
    found = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None) or _stranded_object(c)
            if obj is not None:
                found.append((c.lower_, obj))
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            found.append(("to", c))
        elif "from" in preps and _out_of(c):
            found.append(("from", _out_of(c)))  # "pulled out of Slovenia": from Slovenia
    return sorted(found, key=lambda p: preps.index(p[0]) if p[0] in preps else len(preps))
