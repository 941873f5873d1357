"""Reporting nouns: "his claim that ...", "Sanders's call for a revolution", "criticism of the plan from Republicans".

A noun of `data/cue_nouns.tsv` makes a frame when its content is there:

* a that-clause it governs ("the claim that the vote was rigged"; not a
  relative clause, "the claim that he made"), or that completes "be" after it
  ("his argument is that ...", with a speaker before the noun),
* a to-infinitive ("her promise to lower taxes"); after a noun that asks for an act
  (frame `appeal`: "a request to restore ...", "his call to ban ...") only when
  its words are quoted, since an appeal is an act, not words said,
* the object of its preposition when it holds a quotation or a clause
  ("calls for “a political revolution”"; "calls for the US to act", an act
  asked of someone, only with the words quoted).

Its speaker is the possessor ("his", "Trump's"), a name in front of it
("an Intelogic announcement", "a White House statement"), the object of "by" or
"from" ("a claim by Clinton", "criticism from Republicans"), or the subject
of a verb of `data/cue_noun_verbs.txt` that takes the noun as its object
("Sanders made the argument that ...", "Trump repeated his claim") or of the
verb the noun is "in" ("Weaver says in a statement that ...").

A noun with no content makes no frame: unlike a verb, it never introduces a
quotation of its own. The object of its preposition is content only when it
holds a quotation or a clause with a subject (`frames.reported`): "criticism
of the plan" names a topic. A noun with no speaker makes a `silent` frame,
which gives no quote but keeps the cues inside its content from giving
theirs: with nobody's words ("unsubstantiated claims that ...") it is the
writer's account.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon.cues import CueEntry, noun_cue_table as noun_table
from ..text.tokens import with_pos
from ..text.clauses import is_infinitive
from .frames import Frame, asks_act, prep_object, reported, words_quoted
from .speakers import issuer_compound, speaker_head, speaks_through


def find_noun_frames(doc: Doc, quoted: frozenset[int] = frozenset()) -> list[Frame]:
    """A frame for every reporting noun with content, in text order."""
    table = noun_table()
    out = []
    for tok in with_pos(doc, "NOUN"):
        entry = table.get(tok.lemma_.lower())
        if entry is None:
            continue
        content = _content(tok, entry, quoted)
        if not content:
            continue
        speaker = _speaker(tok, quoted)
        cue = [tok.i]
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ in ("VERB", "AUX"):
            cue.append(tok.head.head.i)  # the cue is "said in a statement"
        # with no speaker, nobody's words ("unsubstantiated claims that ..."): no quote, nor a quote of a cue inside it
        out.append(Frame(cue, entry, content, [content], subject=speaker, silent=speaker is None))
    return out


def _content(noun: Token, entry: CueEntry, quoted: frozenset[int] = frozenset()) -> set[int]:
    for frame in entry.frames:
        if frame == "clause":
            found = _clause(noun)
        elif frame == "infinitive":
            found = _infinitive(noun)
        elif frame == "appeal":
            found = _infinitive(noun)
            if not words_quoted(noun, found, quoted):
                found = set()  # "a request to restore early voting", "his call to ban ...": an act asked for, no words
        elif frame.startswith("prep:"):
            found = prep_object(noun, frame[5:])
            if not reported(noun, found, quoted) or (asks_act(found, noun.doc) and not words_quoted(noun, found, quoted)):
                found = set()  # "criticism of the plan", "a request for comment": a topic; "calls for the US to act": an appeal
        else:
            found = set()
        if found:
            return found
    return set()


def _clause(noun: Token) -> set[int]:
    """"the claim that ...": a clause after the noun opened by "that" as a conjunction, not a relative pronoun."""
    for c in noun.children:
        if c.i > noun.i and c.dep_ in ("acl", "relcl", "ccomp", "appos") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            if speaks_through(c) and not any(o.dep_ in ("dobj", "ccomp") for o in c.children):
                continue  # "the claim that he made", parsed as a conjunction: a relative clause
            return {t.i for t in c.subtree}
    return _said_to_be(noun)


def _said_to_be(noun: Token) -> set[int]:
    """"His argument is that taxes are too high": a reporting noun with its speaker before it ("his", "Hale's", "a
    White House statement"), the subject of "be", whose complement is a that-clause: the clause is what was said.
    Not when negated or supposed ("his claim was not that ...", "her answer would be that ..."), nor with a "to"
    complement ("her claim to fame is that ...": a title to something), nor without a
    speaker ("the claim is that ...": whose, the writer does not say)."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < noun.i:
        return set()
    if any(c.dep_ in ("neg", "aux") for c in verb.children):
        return set()
    if not any(c.dep_ == "poss" for c in noun.children) and issuer_compound(noun) is None:
        return set()
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in noun.children):
        return set()  # "her claim to fame is that she ...", "his claim to the land": a title to something, no words said
    for c in verb.children:
        if c.i > verb.i and c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children):
            return {t.i for t in c.subtree}
    return set()


def _infinitive(noun: Token) -> set[int]:
    for c in noun.children:
        if c.i > noun.i and c.dep_ in ("acl", "relcl") and is_infinitive(c):
            return {t.i for t in c.subtree}
    return set()


def _speaker(noun: Token, quoted: frozenset[int]) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    if (issuer := issuer_compound(noun)) is not None:
        return issuer  # "an Intelogic announcement that ...", "a White House statement that ..."
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and speaks_through(verb):
        return speaker_head(verb, quoted)
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ in ("VERB", "AUX"):
        return speaker_head(verb.head, quoted)  # "said in a statement that ...", "wrote in his letter"
    return None

