"""Speakers named by a description: "the retired neurosurgeon said", "“...,” the 43-year-old asked".

A definite description of a person ("the" and a title used as a noun, an age, a party member) that the entity layer
leaves as an entity of its own, with no name, stands for the person the text has just been about: the named person
who is the main subject of the nearest sentence before it (within `WINDOW` sentences) that has one, when no other
person is mentioned between that subject and the description. Otherwise it stays as written: a description is left
unresolved rather than given to the wrong one of two people ("Mr. Trump took on Hillary Clinton after the Democratic
front-runner had said ..." names two people, so the front-runner is not linked).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..document import Document, EntityIndex
from ..lexicon import load_list, load_table
from ..lexicon.agents import before_office_modifier, office_modifiers
from ..lexicon.countries import country_from_demonym
from ..lexicon.given_names import given_name_genders
from ..lexicon.people import kin_nouns
from ..lexicon.tables import Title
from ..records import Entity, Mention
from ..text.parse import source_text
from .speakers import SUBJECTS

# How many sentences before the description's own the person it stands for may be named as a subject.
WINDOW = 3

_DEFINITE = ("the",)
# Dependents of a description's head that say whose role it is or name its holder: it introduces someone, it does not
# point back.
_INTRODUCING = ("poss", "appos", "relcl")
# Prepositions of a role ("the premier of the state", "the spokesman for the firm"), not of a circumstance ("in ...").
_ROLE_PREPOSITIONS = ("of", "for", "at", "to", "from", "with")


def described(head: Token, entity: Entity | None) -> bool:
    """Is a speaker phrase a definite description of a person, with no name of its own?

    The head has "the" and is: a noun the entity layer made a person with no name, or a title of `data/titles.tsv`
    used as a noun that it left out ("the gambling tycoon", "the first-term senator"); an adjective standing for a person ("the 43-year-old"); or a party or people's name the phrase
    describes a person by ("the 61-year-old Republican": one person, not the party).
    """
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children) or head.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in _INTRODUCING or (c.dep_ == "prep" and c.lower_ in _ROLE_PREPOSITIONS) for c in head.children):
        return False  # "the premier of the German state", "the head of the inquiry, Kenneth Piernick": a role's holder, named here
    det = min(c.i for c in head.children if c.dep_ == "det" and c.lower_ in _DEFINITE)
    if any(t.pos_ == "PROPN" for t in head.doc[det : head.i]):
        return False  # "the New York state attorney general", "the FBI chief": the office of a named body, whoever holds it
    if entity is None:
        return head.pos_ == "ADJ" or (head.pos_ == "NOUN" and head.lemma_.lower() in _person_titles())
    if entity.type == "PERSON":
        return head.pos_ == "NOUN" and not any(m.kind == "name" for m in entity.mentions)
    return entity.type == "NORP" and head.pos_ in ("PROPN", "NOUN", "ADJ")


@cache
def _person_titles() -> frozenset[str]:
    """The titles of `data/titles.tsv` that are one word and name a role ("senator", "tycoon"), not honorifics."""
    return frozenset(row.title.lower() for row in load_table("titles.tsv", Title) if row.kind == "title" and " " not in row.title and "." not in row.title)


def is_person_title(word: str) -> bool:
    """Is the word a one-word title naming a role ("minister", "senator"; `_person_titles`)?"""
    return word.lower() in _person_titles()


@cache
def _title_words() -> frozenset[str]:
    """The one-word titles and honorifics of `data/titles.tsv`, abbreviations too ("senator", "sen.", "gov.", "mr.")."""
    return frozenset(row.title.lower() for row in load_table("titles.tsv", Title) if " " not in row.title)


def is_title_word(word: str) -> bool:
    """Is the word a one-word title or honorific, written out or abbreviated ("Senator", "Sen.", "Gov.", "Mr.")?"""
    return word.lower() in _title_words()


@cache
def _person_nouns() -> frozenset[str]:
    """Nouns for a person of no office: of family relation (`data/kin_nouns.tsv`), of relation to another person
    (`data/person_relation_nouns.txt`) and plain nouns for people (`data/people_nouns.txt`)."""
    return frozenset(kin_nouns()) | frozenset(load_list("person_relation_nouns.txt")) | frozenset(load_list("people_nouns.txt"))


def names_a_person(tok: Token) -> bool:
    """Is the noun one for a person: a title or honorific (`is_title_word`: "leader", "president", "aide") or a noun
    of `_person_nouns` ("mother", "successor", "woman")? A name set beside it may be that person's."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(is_title_word(w) or w in _person_nouns() for w in {tok.lower_, tok.lemma_.lower()})


def person_described(doc: Doc, head: Token, start: int, entities: EntityIndex, quoted: list[tuple[int, int]], itself: Entity | None) -> Entity | None:
    """The named person a description (its phrase starting at token `start`) stands for, or None.

    quoted: character spans of quotations, whose names and subjects are the quoted speaker's words, not the writer's.
    """
    until = doc[start].idx
    if itself is not None and any(m.start < until for m in itself.mentions):
        return None  # "Ann Lee met the governor. The governor said": the description was someone of its own before
    lemma = head.lemma_.lower()
    same = [t for t in doc[:start] if t.lemma_.lower() == lemma and t.pos_ == head.pos_] if head.pos_ != "ADJ" else []
    if any(not _plural_of(t, head) for t in same):
        # the same description earlier in the article, which the entity layer may have left unlinked (not the plural
        # of a singular one: "talks with European leaders. The Ukrainian leader said" is one of them, named before)
        return None
    ctx = Document.of(doc)
    here = ctx.sentence_index[head.i]
    sents = ctx.sentences
    first = sents[max(0, here - WINDOW)].start
    people = [
        (m, e) for _, _, e, m in entities.overlapping(doc[first].idx, until)
        if e.type == "PERSON" and m.end <= until and e is not itself and not _inside(m, quoted)
    ]
    if not people:
        return None
    people.sort(key=lambda x: x[0].start)
    subject = next(((m, e) for m, e in reversed(people) if _main_subject(doc, m)), None)
    if subject is None:
        return None
    mention, person = subject
    if any(e is not person for m, e in people if m.start >= mention.start):
        return None  # someone else is named between: either could be meant
    if not any(m.kind == "name" for m in person.mentions):
        return None
    if _another_title(head, person):
        return None
    if same and not _agrees(head, person):
        return None  # "Donald Trump met Republican senators. The Democratic senator said": one of the group, not he
    return person


def _agrees(head: Token, person: Entity) -> bool:
    """Does a description set apart from a plural group named before ("the Ukrainian leader" after "European
    leaders") fit the named person rather than any of the group: a demonym of the person's own country among its
    modifiers, none of another country, or its noun a word of one of the person's own titles ("the prime minister",
    with "Prime Minister Keir Starmer")? A modifier any of the group may have ("top", "new", "senior", "Democratic")
    fits no one in particular."""
    theirs = [country_from_demonym(c.text) for c in head.lefts if c.dep_ in ("amod", "compound")]
    theirs = [c for c in theirs if c]
    if any(c != person.country for c in theirs):
        return False  # "the Chinese official", with Antony Blinken (USA): another
    if theirs:
        return True
    words = {w for t in person.titles for w in t.lower().replace("-", " ").split()}
    return head.lower_ in words or head.lemma_.lower() in words


def _plural_of(earlier: Token, head: Token) -> bool:
    """Is `earlier` the plural of the singular noun `head`, which a modifier the plural lacks sets apart from the
    group ("European leaders" before "the Ukrainian leader")? A bare "the leader" or "the European leader" after
    "European leaders" may be any of them."""
    if earlier.tag_ != "NNS" or head.tag_ != "NN":
        return False
    theirs = {t.lower_ for t in earlier.doc[earlier.left_edge.i : earlier.i]}  # (the parse may hang them elsewhere)
    return any(c.dep_ in ("amod", "compound") and c.lower_ not in theirs for c in head.lefts)


@cache
def _seat_titles() -> frozenset[str]:
    return frozenset(load_list("seat_titles.txt"))


def _another_title(head: Token, person: Entity) -> bool:
    """Is the description the title of a seat (`data/seat_titles.txt`: "the chairman") that is a word of none of the
    titles the article gives the person ("Prime Minister Keir Starmer")? Then it is someone else's seat: left as
    written. "The prime minister" keeps the link; so do a description any office holder may be given ("the
    diplomat" for Secretary-General Ban), a person given no title, and one given only an abbreviation ("Sen.")."""
    word = head.lemma_.lower()
    if head.pos_ != "NOUN" or word not in _seat_titles() or not person.titles:
        return False
    titles = [t.lower().replace("-", " ") for t in person.titles]
    if any(w.endswith(".") for t in titles for w in t.split()):
        return False
    if not any(c.lower_ in office_modifiers() for c in head.lefts):
        # "the president" names no word of "vice president" after its "vice", nor "the minister" of "prime minister"
        # ("the vice president" does: the modifier is the description's too)
        titles = [" ".join(before_office_modifier(t.split())) for t in titles]
    words = {w for t in titles for w in t.split()}
    return word not in words and head.lower_ not in words


def _inside(m: Mention, quoted: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in quoted)


def _main_subject(doc: Doc, m: Mention) -> bool:
    """Is the mention the subject of its sentence's main verb (or of a verb coordinated with it)?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "appos":
        root = root.head  # "Donald Trump, the Republican front-runner, listed": the name in front
    if root.dep_ not in SUBJECTS and root.dep_ != "nsubjpass":
        return False
    verb = root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


@cache
def _honorifics() -> dict[str, str]:
    """The honorifics of `data/titles.tsv` that give a gender ("mr." m, "mrs." f), lower case → m or f."""
    return {row.title.lower(): row.gender for row in load_table("titles.tsv", Title) if row.kind == "honorific" and row.gender}


def is_honorific(word: str) -> bool:
    """Is the word an honorific that gives a gender ("Mr", "Mrs.", "Ms")?"""
    return word.lower() in _honorifics() or word.lower() + "." in _honorifics()


def honorific_gender(word: str) -> str | None:
    """The gender ("m" or "f") an honorific gives, or None."""
    h = _honorifics()
    return h.get(word.lower()) or h.get(word.lower() + ".")


def given_name_gender(name: str) -> str | None:
    """The gender of a full name's given name (its first word), or None when the list has none."""
    words = name.split()
    return given_name_genders().get(words[0]) if len(words) >= 2 else None


def honorific_conflict(phrase: list[Token], entity: Entity | None) -> bool:
    """Does the speaker phrase's honorific say the other gender than the given name of the entity's full name ("Mr.
    Clinton said", linked to Hillary Clinton), while the article also gives the entity the honorific of its given name
    ("Mrs. Clinton")? The entity layer then joined two people of one surname (her husband's "Mr. Clinton" with her
    "Mrs. Clinton"), and the speaker is the other one: left as written. A name whose given name says no gender
    ("Ghazala Khan": not listed) is left as it is."""
    if entity is None or entity.type != "PERSON":
        return False
    honorifics = _honorifics()
    said = {honorifics[t.lower_] for t in phrase if t.lower_ in honorifics}
    words = entity.name.split()
    if len(said) != 1 or len(words) < 2:
        return False
    given = given_name_genders().get(words[0])
    if given is None or given in said:
        return False
    # and the article gives the entity the given name's honorific too ("Mrs. Clinton"): two people joined, not a name
    # whose gender the list has wrong ("Mr. Nadir" for Asil Nadir)
    text = source_text(phrase[0].doc)
    honoured = {honorifics.get(w.lower()) for m in entity.mentions if m.kind == "name" for w in text[max(0, m.start - 6) : m.start].split()[-1:]}
    return given in honoured


def linked_to_other_nouns(head: Token, entity: Entity | None) -> bool:
    """Is a common-noun description linked by the entity layer to an entity the article never names and calls by a
    description with another head noun ("Israeli authorities said ... A spokesman for the city's municipality said":
    "municipality" in the entity "Israeli authorities"; "Lebanon's government said", in the entity "the Lebanese health
    ministry")? The entity layer groups unnamed descriptions of one country and sector together, a guess: a ministry
    is not the government, a municipality not the state's authorities. The description then stands for itself, as
    written. One with the entity's own head noun ("Border police closed it. Police said ...") keeps the link."""
    if entity is None or entity.named or head.pos_ != "NOUN":
        return False
    doc = head.doc
    name = _bare(entity.name)
    for m in entity.mentions:
        if _bare(m.text) != name:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            # the speaker's own words give the name ("The co-founder", its root "co" to the parser): no other noun
            return not span.start <= head.i < span.end and span.root.lemma_.lower() != head.lemma_.lower()
    return False


def _bare(text: str) -> str:
    text = text.lower()
    return text[4:] if text.startswith("the ") else text
