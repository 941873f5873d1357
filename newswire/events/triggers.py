"""Event triggers: verbs and nouns of the event dictionary matched on the parse.

A verb matches a row of `data/event_verbs.tsv` by lemma, particle, governed
preposition and patient; a noun matches `data/event_nouns.tsv` by lemma and
modifier. Support verbs (`data/event_support_verbs.txt`: "hold" talks, "carry
out" an attack) have no code of their own: they lend their subject to the
event noun they govern.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..document import Document
from ..lexicon.agents import agent_row
from ..lexicon.countries import country_from_demonym, country_named
from ..lexicon import load_list, load_table
from ..text.tokens import with_pos
from ..text.clauses import is_infinitive
from ..lexicon.tables import EventNoun, EventVerb, EventWordClass, KnownActor

# Relative pronouns stand for the noun their clause modifies ("the attack,
# which ... was carried out by ...").
RELATIVE_TAGS = {"WDT", "WP"}
# The code of a dictionary row that says a match is no event ("seized on a report").
NOT_AN_EVENT = "-"
# Dependents that modify a noun and may name its kind ("chemical attack", "peace talks").
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
# Special values of a verb row's object: any patient at all ("deployed encryption" is no
# mobilisation, "deployed troops" is), and a complement clause ("conceded that ..." is an admission).
ANY_OBJECT = "*"
# Tags of finite verbs: never a noun phrase, so never a patient.
FINITE_TAGS = ("VBD", "VBP", "VBZ")
CLAUSE = "<clause>"
# The object condition of a verb used with a verb of its own ("helped hang a poster", "fought to keep the boy"):
# no patient and an infinitive or bare-verb complement. Its "-" rows hand the complement on: the complement is the
# event, if any ("helped negotiate a ceasefire").
VERB_COMPLEMENT = "<verb>"
# A complement clause whose subject names no actor: "warned that the plan would fail" is a
# pessimistic comment, "warned that police will not tolerate rallies" a threat.
ACTORLESS_CLAUSE = "<actorless clause>"
# The object condition of a sum of money ("gave $10 million to Haiti"): a patient the parser's
# named entities tag MONEY.
MONEY = "<money>"
# The object condition of a market's quote: a patient that is a number, a sum, a percentage or a quantity, one counted
# by a number or a `price` word of event_word_classes.tsv, of a verb that names no partner with "with" ("was trading at
# 300 pesos", "traded at 90 to the dollar", "at a record low"; not "traded at the border", nor "trades with China at
# record levels").
QUOTE = "<quote>"
AMOUNT_TAGS = {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
# The object condition of a request made of someone: an active verb with someone to do an infinitive ("asked Syria to
# withdraw", "invited Sinn Fein to rejoin"; the parser makes "Syria" the verb's object or the infinitive's subject).
# Not "asked whether ...", "asked him about the war" (questions), nor the passive "was asked to mediate" (its modality
# is `requested`, the asker unnamed).
ASKED_TO = "<someone to>"
# The object condition of a person or people: a patient the parser tags PERSON or NORP, a personal pronoun, an actor
# noun of agents.tsv, or a word of the `person` class ("released two Americans", "was released", "freed the
# hostages"; not "released the iPhone").
PERSON = "<person>"
PERSON_TAGS = {"PERSON", "NORP"}
PERSON_PRONOUNS = {"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "who", "whom"}
# The object condition of a naming verb that accuses: someone called by an `insult` word of event_word_classes.tsv ("called
# the exiles criminals", "branded him a traitor"; the parser makes the name the object, its predicate or an apposition).
INSULT = "<insult>"
# The object condition of questioning as an investigation: a person questioned by the law, whose questioner (the subject,
# or the "by" agent of a passive, or one coordinated with it) is police, a court or intelligence (`LAW_SECTORS`, as
# agents.tsv or actors.tsv codes it): "was questioned by the FBI", "police questioned the suspect"; not "voters question
# him", "reporters questioned Trump".
QUESTIONED = "<person by the law>"
LAW_SECTORS = {"COP", "JUD", "SPY"}
# The object condition of an unaccusative use: with no patient, the verb's subject is what the verb happens to, and the
# row's other words are matched on it ("a car bomb exploded", "a grenade went off"; the bomb is no actor).
SUBJECT = "<subject>"
# The object condition of joining a bloc: a patient whose head (alone or with its compounds, "European Union") is a `bloc`
# word of event_word_classes.tsv, a union of states one joins as a member ("Hungary joined NATO", "to accede to the EU").
# Not a bloc word modifying another head ("joined NATO troops"), nor joining it in an act ("joined the EU in condemning
# the coup", "joined the UN in a call for calm"): only a dated "in" ("joined the EU in 2004").
BLOC = "<bloc>"
# The object condition of an act of one's own: the row's words on a patient that names no other actor, neither by a
# modifier or possessor nor in an "of"/"by" phrase ("ruled out an escalation", "ruled out military action" say the
# subject will not use force; "ruled out a US operation", "ruled out any deployment of European troops", "ruled out a
# Western intervention" refuse someone else's: review21j). A name of the subject's own country is its own ("Russia
# ruled out a Russian offensive").
OWN = "<own>"
# An object condition "@kind" stands for the words of that class of event_word_classes.tsv ("@ailment": "fighting
# cancer" is no fight).
CLASS_PREFIX = "@"
# A noun row's modifier "+prep" asks for that preposition, with an object, governed by the noun ("warning +about": "a
# warning about the recalled pills" is an advisory, no threat).
NOUN_PREP = "+"
# Pronouns that stand for actors as the subject of a clause.
ACTOR_PRONOUNS = {"he", "she", "they", "we", "i", "you"}
# Dependents of a verb whose event a verb used as no event takes with it ("poses a threat" is no threat).
# Roots of frames that stay events when what they govern undoes an agreement ("threatened to withdraw from the treaty").
THREAT_OR_VOW_ROOTS = {"03", "13"}
BLOCKED_DEPS = {"dobj", "attr", "oprd", "nsubjpass", "xcomp"}


@dataclass(slots=True)
class Trigger:
    """A token the dictionary codes as an event."""

    i: int  # token index of the verb or noun
    code: str
    kind: str  # "verb" | "noun"
    end: int  # token index after the trigger's text (a phrasal verb's adjacent particle included)
    topic: bool = False  # the verb's object is its topic, not its target ("discussed a plan")
    passes_on: bool = False  # a use that is no event but leaves its verb complement be ("helped end the war")
    reported: bool = False  # a verb of saying read as a demand ("said Sudan must return ...")
    prep_object: int = -1  # the token index of the object of the row's preposition ("withdrew from the treaty"), if any
    asks: bool = False  # a request made of someone by a verb that also asks audiences ("asked Syria to withdraw")
    insults: bool = False  # an accusation by a naming verb ("called the exiles criminals")


@cache
def word_class(kind: str) -> frozenset[str]:
    """The words of one class of `data/event_word_classes.tsv`."""
    return frozenset(row.word for row in load_table("event_word_classes.tsv", EventWordClass) if row.kind == kind)


def _expand(objects: set[str]) -> set[str]:
    """An object condition with its "@kind" classes replaced by their words."""
    out = {o for o in objects if not o.startswith(CLASS_PREFIX)}
    for o in objects - out:
        out |= word_class(o[len(CLASS_PREFIX):])
    return out


def is_bloc(obj: Token) -> bool:
    """Whether a noun names a bloc of states one joins as a member (`BLOC`): its own head, or the head with a compound or
    adjective ("the European Union", "the World Trade Organization"); not a bloc word that only modifies the head."""
    head = noun_lemma(obj)
    mods = " ".join(c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod") and c.i < obj.i)
    words = {head, obj.lower_, f"{mods} {head}".strip(), f"{mods} {obj.lower_}".strip()}
    return bool(words & word_class("bloc"))


def is_person(obj: Token) -> bool:
    """Whether a patient is a person or people: "two Americans", "him", "the prisoners", "Alan Gross"."""
    return (
        obj.ent_type_ in PERSON_TAGS or obj.lower_ in PERSON_PRONOUNS or agent_row(obj) is not None
        or bool(_object_words(obj) & word_class("person"))
    )


@cache
def _verb_rows() -> dict[str, list[dict[str, object]]]:
    table: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in load_table("event_verbs.tsv", EventVerb):
        table[row.verb.lower()].append(
            {
                "particle": row.particle.lower(),
                "prep": row.prep.lower(),
                "object": _expand({o.lower() for o in row.object}),
                "code": row.code,
                "topic": row.target == "prep",
            }
        )
    return dict(table)


def verb_codes(lemma: str) -> frozenset[str]:
    """The codes the event dictionary gives a verb in any of its rows ("demand": 100, ...; "-" rows left out)."""
    return frozenset(str(row["code"]) for row in _verb_rows().get(lemma.lower(), ()) if row["code"] != "-")


@cache
def _noun_rows() -> dict[str, list[tuple[set[str], str]]]:
    table: dict[str, list[tuple[set[str], str]]] = defaultdict(list)
    for row in load_table("event_nouns.tsv", EventNoun):
        table[row.noun.lower()].append(({m.lower() for m in row.modifier}, row.code))
    return dict(table)


@cache
def _listed(name: str) -> frozenset[str]:
    """A word list of `data/`: stative_participles.txt ("is opposed to"), part_nouns.txt ("part of", "most of")."""
    return frozenset(load_list(name))


@cache
def _support() -> frozenset[tuple[str, str]]:
    out = set()
    for entry in load_list("event_support_verbs.txt"):
        words = entry.lower().split()
        out.add((words[0], words[1] if len(words) > 1 else ""))
    return frozenset(out)


@cache
def _support_lemmas() -> frozenset[str]:
    """The verbs of `_support`, without their particles."""
    return frozenset(verb for verb, _ in _support())


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every verb and noun the dictionary codes, in text order."""
    out = []
    for tok in with_pos(doc, "VERB", "NOUN", "PROPN"):  # (no other word is matched)
        if tok.is_space or tok.is_punct:
            continue
        trigger = None
        if tok.pos_ == "VERB":
            trigger = _match_verb(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            trigger = _match_noun(tok)
        if trigger is not None and trigger.code != NOT_AN_EVENT and not _names_a_thing(tok, trigger) and not _thing_lets(tok, trigger):
            out.append(trigger)
    return out


def _thing_lets(tok: Token, trigger: Trigger) -> bool:
    """A verb of letting (`permission` in event_word_classes.tsv) whose subject is a thing, a common noun that names no
    entity, agent or person: "his skills allowed Biden to rely on him", "a licence that will allow the shipments to
    continue" tell what a thing makes possible; no one yields anything (issue 13, session twenty's judge: both coded 080).
    "Israel allowed aid trucks in", "the government permitted the rally", a passive ("were allowed to cross") stay; so
    does a subject whose phrase names who lets ("Iran's leaders", "Russian negotiators", "the Israeli prison service",
    "the approval of Israel": review21j, such subjects lost their 080), unless the subject is an event noun."""
    if trigger.kind != "verb" or tok.lemma_.lower() not in word_class("permission"):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    subject = antecedent(subject)  # "a licence that will allow ...": the licence
    if subject.pos_ != "NOUN" or names_someone(subject):
        return False
    # an act as the subject ("the Israeli strike allowed Hamas to regroup", "the US withdrawal allowed the Taliban to
    # seize Kabul") tells what the act made possible, itself coded where it is an event: no concession of its doer's
    return is_event_noun(subject) or not any(names_someone(m) for m in _phrase_owners(subject))


# Named entity types that name an actor or where one is (a possessor or modifier of such a type makes a phrase someone's).
ACTOR_ENTITY_TAGS = {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"}


def names_someone(tok: Token) -> bool:
    """A word that names an actor, a people, a place or an organisation: a named entity of those types, a proper noun,
    an agent or person noun ("officials", "the prisoners"), a country's adjective the parser left untagged."""
    if tok.ent_type_ in ACTOR_ENTITY_TAGS or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":  # "his skills", "its licence": the pronoun alone does not say the phrase names an actor's act
        return False
    return agent_row(tok) is not None or is_person(tok) or country_from_demonym(tok.text) is not None


def _phrase_owners(noun: Token) -> list[Token]:
    """The words of a noun phrase that may say whose it is: its possessor, modifiers and the objects of its "of"/"by"
    phrases ("Iran's leaders", "the Israeli side", "the US waiver", "the approval of Israel", "a ruling by the court")."""
    out = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "by"):
            out += [o for o in prep.children if o.dep_ == "pobj"]
    return out


def _names_a_thing(tok: Token, trigger: Trigger) -> bool:
    """An event noun that only modifies a noun naming no event: "investigation departments", "protest leaders",
    "aid agency" name a body, people or a thing, not an event ("bomb attack", "peace talks" stay events)."""
    if trigger.kind != "noun" or tok.dep_ != "compound" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return _match_noun(tok.head) is None


def blocked(doc: Doc) -> set[int]:
    """Tokens whose event a verb used as no event takes with it: "threat" in "liberals pose a threat", and the
    verb it is the infinitive of ("refused" in "refused to concede that critics had a point")."""
    out = set()
    for tok in with_pos(doc, "VERB"):
        if not is_support_verb(tok):  # "struck a deal": the deal is the event
            match = _match_verb(tok)
            if match is not None and match.code == NOT_AN_EVENT:
                deps = BLOCKED_DEPS - {"xcomp"} if match.passes_on else BLOCKED_DEPS
                out.update(c.i for c in tok.children if c.dep_ in deps)
                if match.prep_object >= 0:
                    out.add(match.prep_object)  # "withdrew from the treaty": the treaty goes with the verb
                if tok.dep_ == "xcomp" and not match.passes_on and not (undoes_pact(tok, match) and _threat_or_vow(tok.head)):
                    out.add(tok.head.i)  # "refused to concede that ...": no refusal of anything the dictionary knows
    return out


def _threat_or_vow(verb: Token) -> bool:
    """A verb the dictionary codes as a threat (13) or a promise (03)."""
    match = _match_verb(verb)
    return match is not None and match.code[:2] in THREAT_OR_VOW_ROOTS


def undoes_pact(verb: Token, match: Trigger | None = None) -> bool:
    """"tear up the treaty", "withdraw from the deal": a verb the dictionary reads as no event because it undoes an
    agreement (a `pact` word of event_word_classes.tsv as its patient or its row's prepositional object). A threat or a
    vow to do it stays one ("threatened to withdraw from the treaty"), coded without the agreement."""
    match = match if match is not None else _match_verb(verb)
    if match is None or match.code != NOT_AN_EVENT:
        return False
    obj = verb.doc[match.prep_object] if match.prep_object >= 0 else patient_of(verb)
    return obj is not None and noun_lemma(obj) in word_class("pact")


def _match_verb(tok: Token) -> Trigger | None:
    """The verb's best dictionary row as a trigger (code NOT_AN_EVENT for a use that is no event)."""
    rows = _verb_rows().get(tok.lemma_.lower())
    if not rows:
        return None
    particles = {
        c.lower_ for c in tok.children
        if c.dep_ == "prt" or (c.dep_ == "prep" and not _has_object(c)) or (c.dep_ == "advmod" and c.pos_ == "ADP")  # "strike back"
    }
    # a preposition whose object is a date is no verb's complement: "called Machado on Friday"
    preps = {c.lower_: c for c in tok.children if c.dep_ in ("prep", "agent", "dative", "prt") and not _dated(c)}
    patient = patient_of(tok)
    best, best_score, best_obj = None, -1, None
    for row in rows:
        score = 0
        if row["particle"]:
            if row["particle"] not in particles:
                continue
            score += 1
        obj = patient
        if row["prep"]:
            prep = preps.get(row["prep"])
            if prep is None:
                continue
            score += 1
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            obj = what_of(obj) if obj is not None else None  # "provided Haiti with 5,000 tons of rice"
        if row["object"]:
            if not _object_fits(tok, obj, row["object"]):
                continue
            score += 0.5 if row["object"] == {ANY_OBJECT} else 1  # a listed object is the better match
        if score > best_score:
            best, best_score, best_obj = row, score, (obj if row["prep"] else None)
    if best is None:
        return None
    end = tok.i + 1
    if best["particle"] and end < len(tok.doc) and tok.doc[end].lower_ == best["particle"]:
        end += 1
    passes_on = VERB_COMPLEMENT in best["object"]
    prep_object = best_obj.i if best_obj is not None else -1
    asks = ASKED_TO in best["object"]
    insults = INSULT in best["object"]
    return Trigger(
        tok.i, str(best["code"]), "verb", end, bool(best["topic"]), passes_on=passes_on, prep_object=prep_object, asks=asks,
        insults=insults,
    )


def _object_fits(verb: Token, obj: Token | None, wanted: set[str]) -> bool:
    """Whether a row's object condition holds: a listed lemma, any patient ("*"), or a complement clause (of any
    subject, or of one that names no actor).

    A verb without a patient is matched by the verb of its infinitive
    ("declined to comment").
    """
    if obj is None and SUBJECT in wanted:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = what_of(antecedent(subj)) if subj is not None else None
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] if obj is None else []
    if ASKED_TO in wanted:
        return not is_passive(verb) and _asks_someone_to(verb, obj)
    if INSULT in wanted:
        return _named_by_insult(verb, obj)
    if BLOC in wanted:
        return obj is not None and is_bloc(obj) and not any(
            c.dep_ == "prep" and c.lower_ in ("in", "on") and _has_object(c) and not _dated(c) for c in verb.children
        )
    if QUESTIONED in wanted:
        return obj is not None and is_person(obj) and any(_of_the_law(d) for d in _doers(verb))
    if VERB_COMPLEMENT in wanted:
        return obj is None and any(_verb_complement(c) for c in verb.children)
    if (CLAUSE in wanted and clauses) or (ACTORLESS_CLAUSE in wanted and any(not _actor_subject(c) for c in clauses)):
        return True
    if obj is None:
        if any(c.dep_ == "acomp" and c.lemma_.lower() in wanted for c in verb.children):
            return True  # "pleaded innocent"
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        return xcomp is not None and xcomp.lemma_.lower() in wanted
    if MONEY in wanted and (obj.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in obj.children if c.dep_ in ("compound", "nummod"))):
        return True
    if PERSON in wanted and is_person(obj):
        return True
    if QUOTE in wanted:
        return not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) and (
            obj.pos_ == "NUM" or obj.ent_type_ in AMOUNT_TAGS or any(c.dep_ == "nummod" for c in obj.children)
            or bool(_object_words(obj) & word_class("price"))
        )
    if OWN in wanted and _names_another(verb, obj):
        return False
    return ANY_OBJECT in wanted or bool(_object_words(obj) & wanted)


def _names_another(verb: Token, obj: Token) -> bool:
    """Whether a patient names an actor other than the verb's subject on itself: a name, a people's or country's
    adjective as its modifier or possessor, or in its "of"/"by" phrase with that phrase's own modifiers ("a US
    operation", "Iran's offensive", "a deployment of European troops", "an attack by Hezbollah"). A pronoun ("its
    troops") or a bare agent noun ("a deployment of troops") names no other."""
    words = _phrase_owners(obj)
    words += [c for o in words if o.dep_ == "pobj" for c in o.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    own = _country_named(subject) if subject is not None else None
    return any(
        (w.ent_type_ in ACTOR_ENTITY_TAGS or w.pos_ == "PROPN" or country_from_demonym(w.text) is not None)
        and (own is None or _country_named(w) != own)
        for w in words
    )


def _country_named(tok: Token) -> str | None:
    """The country a word names, with the named entity it is part of ("the United States", "Russian")."""
    span = Document.of(tok.doc).named_entity_at(tok.i)
    return country_named(span.text if span is not None else tok.text)


def agent_objects(verb: Token) -> list[Token]:
    """The objects of a verb's "by" agent ("was detained by police": police), in the parse's order."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _doers(verb: Token) -> list[Token]:
    """Who does a verb: its subject, or the object of a passive's "by", with the words coordinated with it."""
    if is_passive(verb):
        heads = agent_objects(verb)
    else:
        heads = [c for c in verb.children if c.dep_ == "nsubj"]
    return [t for h in heads for t in (h, *h.conjuncts)]


def _of_the_law(tok: Token) -> bool:
    """Whether a noun names police, a court or intelligence: an agent noun of that sector ("police", "detectives") or
    an organisation of actors.tsv coded so ("the FBI")."""
    row = agent_row(tok)
    if row is not None:
        return row.sector in LAW_SECTORS
    span = Document.of(tok.doc).named_entity_at(tok.i)
    return _law_bodies().get(span.text if span is not None else tok.text, False)


@cache
def _law_bodies() -> dict[str, bool]:
    """Name or alias of each organisation of actors.tsv -> whether it is coded police, a court or intelligence."""
    out: dict[str, bool] = {}
    for row in load_table("actors.tsv", KnownActor):
        if row.type == "ORG":
            for name in (row.name, *row.aliases):
                out[name] = out.get(name, False) or row.code[3:6] in LAW_SECTORS
    return out


def _named_by_insult(verb: Token, obj: Token | None) -> bool:
    """"called the exiles criminals", "calling the prime minister a traitor", "branded him a terrorist": the naming
    verb's predicate noun (or its object, or the object's apposition, as the parser may hang it) is an `insult` word,
    and someone is so named (a second noun before it; not "called for criminals to be punished")."""
    return bool(insult_names(verb, obj))


def insult_names(verb: Token, obj: Token | None = None) -> list[Token]:
    """The `insult` words a naming verb calls someone ("criminals" in "called the exiles criminals"): the name, not
    the one named, so no side of the accusation."""
    obj = patient_of(verb) if obj is None else obj
    names = [c for c in verb.children if c.dep_ == "oprd"]
    if obj is not None:
        names += [c for c in obj.children if c.dep_ == "appos"]
        if not names and any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in obj.children):
            # "called the exiles criminals", parsed as one noun with a compound: the object is the name; with a name
            # of its own ("called the killer a hero") the object is the one named, never tested
            names.append(obj)
    return [n for n in names if n.lemma_.lower() in word_class("insult") or n.lower_ in word_class("insult")]


def _asks_someone_to(verb: Token, obj: Token | None) -> bool:
    """"asked Syria to withdraw": an object and an infinitive after it, or an infinitive clause with its own subject."""
    for c in verb.children:
        if c.dep_ not in ("xcomp", "ccomp") or c.pos_ != "VERB" or not is_infinitive(c):
            continue
        if obj is not None and obj.i < c.i or any(g.dep_ in ("nsubj", "nsubjpass") and verb.i < g.i < c.i for g in c.children):
            return True
    return False


def _verb_complement(c: Token) -> bool:
    """A verb's own verb: "helped [hang]", "fought to [keep]" (the parser may hang the infinitive as an adverbial clause)."""
    if c.pos_ != "VERB":
        return False
    return c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i for g in c.children))


def _actor_subject(clause: Token) -> bool:
    """Whether a clause's subject may be an actor: a name, a personal pronoun or an agent noun ("police will ...").

    "warned that police will no longer tolerate rallies" is a threat; "warned
    that the plan would fail" a pessimistic comment.
    """
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    return subj.pos_ == "PROPN" or subj.lower_ in ACTOR_PRONOUNS or agent_row(subj) is not None


def _has_object(prep: Token) -> bool:
    return any(c.dep_ in ("pobj", "pcomp") for c in prep.children)


def _dated(prep: Token) -> bool:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _object_words(obj: Token) -> set[str]:
    """The lemma of a patient, of its compound modifiers ("mediation efforts", "peacekeeping force"), and each modifier
    with the patient's lemma as one phrase ("tear gas", "rubber bullet": a row or class that lists the phrase asks for
    both words, so "fired the water minister" is no "water cannon")."""
    head = noun_lemma(obj)
    mods = [c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")]
    return {head, obj.lemma_.lower(), obj.lower_, *mods, *(f"{m} {head}" for m in mods)}


def noun_lemma(tok: Token) -> str:
    """A noun's lemma, lower-case; a plural proper noun's without its "s", which the tagger leaves on ("the Camp David
    Accords", "the Geneva Conventions": accord, convention; session fifteen's review)."""
    lemma = tok.lemma_.lower()
    plural = tok.tag_ in ("NNP", "NNPS") and lemma == tok.lower_ and lemma.endswith("s") and not lemma.endswith("ss")
    return lemma[:-1] if plural else lemma


def event_noun_codes(tok: Token) -> set[str]:
    """The CAMEO codes data/event_nouns.tsv gives a noun's lemma, whatever modifier its rows ask for ("withdrawal":
    087); empty for a noun that names no act."""
    return {code for _, code in _noun_rows().get(tok.lemma_.lower(), ()) if code and code != "-"}


def is_event_noun(tok: Token) -> bool:
    """Whether a noun is one of data/event_nouns.tsv, with or without the modifier its rows ask for ("recognition",
    "attack"): a word for an act, whose country modifier names its doer."""
    return tok.lemma_.lower() in _noun_rows()


# Roots of acts done to someone (reducing relations 16, coercion 17, assault 18, fighting 19, mass violence 20): the
# "of" phrase of their noun is the patient ("the bombing of the embassy", "the deportation of migrants"), not the doer.
PATIENT_NOUN_ROOTS = ("16", "17", "18", "19", "20")


def is_patient_noun(tok: Token) -> bool:
    """Whether a noun names an act done to someone (every code `event_noun_codes` gives its lemma is of a
    `PATIENT_NOUN_ROOTS` root; a lemma whose rows are all "-" names no act), so that its "of" phrase is who it is
    done to."""
    codes = event_noun_codes(tok)
    return bool(codes) and all(code.startswith(PATIENT_NOUN_ROOTS) for code in codes)


def _match_noun(tok: Token) -> Trigger | None:
    rows = _noun_rows().get(tok.lemma_.lower()) or _noun_rows().get(tok.lower_)
    if not rows:
        return None
    if tok.lemma_.lower() in word_class("object_noun") and not _noun_object_fits(tok):
        return None  # "a U.S. release" of a product; "the release of the hostages" is an event
    mods = modifier_lemmas(tok) | _governed_preps(tok)
    plain = None
    for need, code in rows:
        if not need:
            plain = plain or code
        elif need & mods:
            return Trigger(tok.i, code, "noun", tok.i + 1)  # may be NOT_AN_EVENT: "a press release"
    return Trigger(tok.i, plain, "noun", tok.i + 1) if plain else None


def _governed_preps(noun: Token) -> set[str]:
    """The prepositions with an object a noun governs, each as "+prep", the form a row of event_nouns.tsv asks for one
    in ("a warning about the pills": "warning" with "+about", an advisory)."""
    out = {NOUN_PREP + c.lower_ for c in noun.children if c.dep_ == "prep" and _has_object(c)}
    for c in noun.children:
        # "accession to NATO", "entry into the EU": "+to<bloc>", a preposition whose object is a bloc (`BLOC`)
        obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if obj is not None and is_bloc(obj):
            out.add(NOUN_PREP + c.lower_ + BLOC)
    return out


def _noun_object_fits(noun: Token) -> bool:
    """Whether a noun whose event depends on what it acts on has an "of" object that is a person or a concession
    ("the release of two prisoners", "release of the territory"; not "the release of the iPhone", "a U.S. release")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (is_person(what_of(obj)) or _object_words(what_of(obj)) & word_class("concession")):
                return True
    return False


def modifier_lemmas(tok: Token) -> set[str]:
    """Lemmas of the words that modify a noun, with the modifiers of its compounds ("poisonous gas attack")."""
    out: set[str] = set()
    stack = [c for c in tok.children if c.dep_ in MODIFIER_DEPS and c.i < tok.i]
    while stack:
        c = stack.pop()
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        stack.extend(g for g in c.children if g.dep_ in MODIFIER_DEPS)
    return out


def is_support_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma not in _support_lemmas():
        return False  # most verbs are no support verb with or without a particle: their children are not read
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
    return (lemma, particle) in _support()


def is_passive(verb: Token) -> bool:
    """A passive verb; "Israel is opposed to mediation" is a state of Israel's, active in meaning."""
    if verb.lemma_.lower() in _listed("stative_participles.txt") and not any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and any(c.dep_ == "agent" for c in verb.children)
    ) or _bare_participle(verb)


def _bare_participle(verb: Token) -> bool:
    """"Officers jailed over riot", "Ex-minister sentenced to 10 years": a past participle that heads its clause with a
    subject and no auxiliary and no object is a headline's passive; so is one coordinated with a passive and sharing
    its subject ("was arrested and sentenced to five years"). Their subject is the patient; only a "by" phrase names
    the doer (issue 13, session twelve: an outside reader found the jailed officers coded as the ones who jail)."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj"):
        return False
    if verb.tag_ != "VBN" and not (verb.tag_ == "VBD" and _accused_of(verb)):
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass", "expl") for c in kids):
        return False
    if verb.dep_ == "conj":
        return not any(c.dep_ == "nsubj" for c in kids) and verb.head.pos_ == "VERB" and is_passive(verb.head)
    return any(c.dep_ == "nsubj" for c in kids)


def _accused_of(verb: Token) -> bool:
    """"Russia accused of shelling villages", "Opposition urged to join talks": an `object_first` verb with an "of" or
    "with" complement or a "to" infinitive right after it and no object, which the parser may tag as a past tense; in
    the active it would need whom it acts on before that complement."""
    if verb.lemma_.lower() not in word_class("object_first"):
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head.i not in (verb.i, verb.i + 2):
        return False
    return (after.dep_ == "prep" and after.lower_ in ("of", "with")) or (after.lower_ == "to" and after.dep_ == "aux" and after.head.dep_ == "xcomp" and after.head.head.i == verb.i)


def patient_of(verb: Token) -> Token | None:
    """What a verb acts on: its object, or the subject of a passive, relative pronouns resolved."""
    if is_passive(verb):
        subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None and verb.dep_ in ("acl", "relcl"):
            return verb.head  # "a camp attacked by militiamen"
        return antecedent(subj) if subj is not None else None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    if obj is None or obj.tag_ in FINITE_TAGS or any(c.dep_ == "dobj" for c in obj.children):
        # "Dock workers strike shuts port": a verb the parser took for an object (tagged finite, or with an object
        # of its own) is no patient
        return None
    return what_of(antecedent(obj))


def what_of(obj: Token) -> Token:
    """"25,000 tons of food aid": the aid, not the amount."""
    if any(c.dep_ == "nummod" for c in obj.children) or obj.lemma_.lower() in _listed("part_nouns.txt"):
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if inner is not None:
            return inner
    return obj


# Finite verbs that agree only with a plural subject (a relative clause's number).
PLURAL_VERBS = {"were", "are", "have"}


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for; any other token itself."""
    if tok.tag_ not in RELATIVE_TAGS:
        return tok
    node = tok
    while node.dep_ != "relcl" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl":
        return tok
    head = node.head
    # "the civil war in Syria, which has killed ...": the clause is about the war, not the place
    if head.ent_type_ in ("GPE", "LOC") and head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.pos_ == "NOUN":
        return head.head.head
    # "five Iraqis and a Libyan who were questioned": a plural clause on the last conjunct is about the whole
    # coordination, which its first conjunct heads (session fifteen: only the Libyan was the questioning's target)
    # only when the last conjunct is singular: a plural one says nothing of the whole ("an aid worker and four teachers
    # who were kidnapped": the teachers; session fifteen's review)
    if head.dep_ == "conj" and head.tag_ not in ("NNS", "NNPS") and any(
            w.lower_ in PLURAL_VERBS for w in (node, *node.children) if w.dep_ in ("aux", "auxpass", "relcl")):
        while head.dep_ == "conj":
            head = head.head
    return head
