"""Sides a pronoun gives that the entity layer leaves unresolved: the speaker's own first person, and a possessive
"their"/"its" on an event noun in its own clause.

The entity layer resolves third-person pronouns only; a first-person pronoun inside a direct quote is its speaker
(the quotes stage's record names the speaker's entity). "``I will not lend my officers to the raids,'' the police
chief said": the event's doer is the speaker. Only the subject of the event's verb, or the possessive on its noun
("my warning"), and only with no source found otherwise (issue 13, session seventeen: realnews dev triggers
dropped for having no actor on either side).

"I", "my" stand for the speaker, with the speaker's code. "We", "our" are left out: the speaker's side is not
the speaker's code (measured on realnews dev and fresh international news, session seventeen: of 5 visible records
from "we" 1 was fully right: an opposition's joint statement coded as the government, a legislator's "we need to
expel" coded as the legislature's act). A speaker the quotes stage only inherits from an earlier quote is no one's
own words here. Only for an event that has no coded actor on either side, which would be dropped for it: on
session seventeen's development texts, giving the speaker to events already kept with a coded target raised 7 of
them above 0.3 confidence, of which only 4 were fully right (the other 3 had a wrong type or target of their own).

"Police pushed ahead with their investigation", "the ministry stepped up its campaign": a plural "their" (a singular
"its") on an event noun is the subject of the verb whose phrase holds the noun, when that subject agrees in number
and is coded, and the verb has no object of its own that "their" could stand for ("police thanked protesters for
their help" is left out). Not an act done to someone, whose possessive is its patient ("their arrest", "its
bombing": `triggers.is_patient_noun` and the roots of force and coercion).
"""

from __future__ import annotations

from ..lexicon.pronouns import speaker_pronouns
from ..records import Entity, Mention, Quote
from .actors import Actor, Actors
from .model import EventMention
from .syntax import subject_of
from .triggers import is_patient_noun

# The speaker's own first person singular, as the subject of a verb or the possessive on a noun.
SINGULAR = speaker_pronouns(persons=(1,), cases=("subject", "possessive")) - {"we", "our", "ours"}
# Quote types whose content is the speaker's own words.
OWN_WORDS = ("direct", "mixed")
# Entity types of bodies that an "its" may stand for.
BODY_TYPES = {"ORG", "GPE", "GROUP", "NORP"}
# Possessives on an event noun and the tags of the subjects they agree with in number.
OWNERS = {"their": {"NNS", "NNPS"}, "its": {"NN", "NNP"}}
# Dependencies climbed from an event noun to the verb of its clause (a phrase of that verb, not another clause).
PHRASE_DEPS = {"pobj", "prep", "dobj", "pcomp"}
# Objects of a verb that a possessive could stand for instead of its subject.
OBJECT_DEPS = {"dobj", "dative", "iobj"}
# Roots of acts done to someone (coercion, violence): their possessive is whom they are done to.
DONE_TO_ROOTS = ("17", "18", "19", "20")


def speaker_source(m: EventMention, actors: Actors, quotes: list[Quote]) -> None:
    """Give an event with no source the speaker of the direct quote it is told in, when its doer is a first-person
    singular pronoun (`SINGULAR`) standing for a coded speaker, and nothing else codes either side."""
    if m.sources or any(a.code for a in m.targets):
        return
    pron = _doer(m)
    if pron is None:
        return
    if pron.lower_ not in SINGULAR:
        return
    speaker = _speaker(pron.idx, quotes, actors)
    code = (speaker.actor or speaker.country) if speaker is not None else None
    if not code:
        return
    m.sources = [Actor(speaker, Mention(pron.idx, pron.idx + len(pron), pron.text, "pronoun"), code)]


def _doer(m: EventMention):
    """The subject of the event's verb, or the possessive on its noun."""
    anchor = m.anchor
    if anchor.pos_ in ("VERB", "AUX"):
        return subject_of(anchor)
    return next((c for c in anchor.children if c.dep_ == "poss"), None)


def _speaker(offset: int, quotes: list[Quote], actors: Actors) -> Entity | None:
    """The entity of the speaker whose own words (a direct or mixed quote) hold the offset."""
    ids = {q.speaker_entity for q in quotes
           if q.type in OWN_WORDS and q.speaker_entity and not q.inherited and q.content.start <= offset < q.content.end}
    if len(ids) != 1:
        return None  # no speaker, or two quotes that disagree
    (found,) = ids
    return next((e for e in actors.entities.entities if e.id == found), None)


def owner_source(m: EventMention, actors: Actors) -> None:
    """Give an event noun with no source the subject of its clause's verb, when a possessive "their"/"its" on the noun
    that the entity layer left unresolved agrees with it (`OWNERS`) and nothing else in the clause could own it."""
    noun = m.anchor
    if m.sources or m.trigger.kind != "noun" or noun.pos_ != "NOUN" or m.code[:2] in DONE_TO_ROOTS or is_patient_noun(noun):
        return
    pron = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in OWNERS), None)
    if pron is None or actors.at(pron) is not None:
        return
    verb, path = noun, {noun.i}
    while verb.pos_ not in ("VERB", "AUX"):
        if verb.dep_ not in PHRASE_DEPS or verb.head.i == verb.i:
            return
        verb = verb.head
        path.add(verb.i)
    subj = subject_of(verb)
    if subj is None or subj.tag_ not in OWNERS[pron.lower_] or (pron.lower_ == "its" and subj.conjuncts):
        return  # "the minister pressed on with their inquiry"; "the army and the police ... its"
    if any(c.dep_ in OBJECT_DEPS and c.i not in path for c in verb.children):
        return  # "thanked protesters for their help": whose help is not clear
    found = [a for a in actors.phrase(subj) if a.code]
    if not found or (pron.lower_ == "its" and any(a.entity.type not in BODY_TYPES for a in found)):
        return
    mention = Mention(pron.idx, pron.idx + len(pron), pron.text, "pronoun")
    m.sources = [Actor(a.entity, mention, a.code) for a in found]
