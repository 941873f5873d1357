"""One-word names the article uses as a body's name ("Ford shares", "at Ford", "Ford's profits").

A company or another body named after a person ("Ford", "Dell", "Tata") shares its one word with the person's
surname: "Ford said its profits fell ... Harrison Ford attended the premiere". The entity stage links a surname
written alone to the person named in full with it (`entities.names.cluster_names`), and the quotes stage gives a
speaker named by a surname the full name of that person (`quotes._surname_only`); this module says which such words
the article itself marks as a body's name somewhere, so that both keep the word written alone apart from the person.
Word lists: data/body_name_nouns.txt, data/business_verbs.txt, data/work_at_nouns.txt.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from . import load_list

__all__ = ["body_words"]

# Verbs of which "at X" is the place someone works: "works at Ford", "employed at Dell".
_WORK_VERBS = frozenset(("work", "employ"))


def body_words(doc: Doc) -> frozenset[str]:
    """The lower-case proper nouns the article writes alone somewhere with a body's marks:

    - modifying or possessing a noun of what a body has (`data/body_name_nouns.txt`: "Ford shares", "Ford's profits");
    - after "at" on a noun of work (`data/work_at_nouns.txt`: "workers at Ford", "a strike at Ford", "an executive
      at Ford") or on a verb of work ("she worked at Ford");
    - right before a legal form ("Dell Inc."; not a longer name's: "Trump Entertainment Resorts Inc." is a body
      of its own);
    - the subject of a verb of business (`data/business_verbs.txt`) whose object is such a noun ("Ford will cut
      2,000 jobs"; a person may lose or create jobs), or of a verb whose reported clause has "it" do so or "its"
      hold one ("Ford said it would cut jobs", "Dell said its profits fell").

    Neither a determiner nor the parser's ORG label is a mark: "the absent Trump", "the Trump we knew", "we don't
    always nominate a Lincoln", "vote for a Trump or a Cruz" are people (PolNeAR train), and the small model tags
    many surnames written alone ORG ("Lavrov said"). One pass over the doc's tokens; a stage asking often keeps the
    answer in its `Document.index`.
    """
    found: set[str] = set()
    for t in doc:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha or t.lower_ in found:
            continue
        if _legal_form_after(doc, t.i):
            found.add(t.lower_)
        elif _alone(t) and _marked(t):
            found.add(t.lower_)
    return frozenset(found)


def _alone(t: Token) -> bool:
    """Is the proper noun a one-word name, not a word of a longer one ("Harrison Ford", "Ford Foundation")?"""
    doc = t.doc
    if t.ent_iob_ == "I" or (t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I" and t.ent_type_):
        return False
    if any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in t.lefts):
        return False
    if t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].text[:1].isupper():
        return False  # "Harrison Ford" however parsed
    return not (t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN")


def _marked(t: Token) -> bool:
    nouns = body_name_nouns()
    if t.dep_ in ("compound", "poss", "nmod") and t.head.pos_ == "NOUN" and t.head.lower_ in nouns and t.head.i > t.i:
        return True  # "Ford shares", "Ford's profits"
    if t.dep_ == "pobj" and t.head.lower_ == "at":
        above = t.head.head
        if above.i < t.i and (above.lemma_ in _WORK_VERBS or (above.pos_ == "NOUN" and _work_noun(above))):
            return True  # "workers at Ford", "an executive at Ford", "she worked at Ford"
    if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX"):
        verb = t.head
        if _has_object(verb, nouns):
            return True  # "Ford will cut 2,000 jobs"
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ == "it" and _has_object(clause, nouns):
                return True  # "Ford said it would cut jobs"
            if subject is not None and subject.lower_ in nouns and _its(subject):
                return True  # "Dell said its profits fell"
    return False


def _has_object(verb: Token, nouns: frozenset[str]) -> bool:
    return verb.lemma_.lower() in business_verbs() and any(c.dep_ == "dobj" and c.lower_ in nouns for c in verb.children)


def _its(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children)


def _legal_form_after(doc: Doc, i: int) -> bool:
    """Does a legal form follow the word right after it ("Dell Inc.", "Tata Ltd")? Not a later word of a name's
    ("Henry Ford Co.")."""
    if i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
        return False
    if i + 1 >= len(doc) or doc[i + 1].text.rstrip(".").lower() not in legal_forms():
        return False
    return not (i + 2 < len(doc) and not doc[i + 1].whitespace_ and doc[i + 2].text in ("-", "‑"))  # "co-host"


def _work_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in work_at_nouns() or noun.lower_ in work_at_nouns()


@cache
def body_name_nouns() -> frozenset[str]:
    return frozenset(load_list("body_name_nouns.txt"))


@cache
def business_verbs() -> frozenset[str]:
    return frozenset(load_list("business_verbs.txt"))


@cache
def work_at_nouns() -> frozenset[str]:
    return frozenset(load_list("work_at_nouns.txt"))


@cache
def legal_forms() -> frozenset[str]:
    return frozenset(load_list("org_suffixes.txt"))
