"""Parse-tree helpers the events stage reads roles with: the doer of a verb, the objects of its prepositions,
the words coordinated with a word."""

from __future__ import annotations

from spacy.tokens import Token

from ..document import Document
from ..text.datelines import DASHES
from ..text.clauses import is_infinitive
from .modality import clause_joined, is_stance, pressed_actor
from .triggers import antecedent, is_passive, word_class


def conjuncts(tok: Token) -> list[Token]:
    """The words coordinated with a word, nearest first ("Kerry and Lavrov", "French and Egyptian").

    "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia": the parser hangs "Yeltsin" on "Ukraine";
    a proper noun coordinated with the object of a name's "of" that has an "of" of its own is the name's conjunct.
    """
    out, stack = [], [c for c in tok.children if c.dep_ == "conj"] + _parallel_of(tok)
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ == "conj")
    return out


def _parallel_of(tok: Token) -> list[Token]:
    """"Kuchma of Ukraine and Yeltsin of Russia" parsed as "Kuchma of (Ukraine and Yeltsin of Russia)": Yeltsin."""
    if tok.pos_ != "PROPN":
        return []
    return [
        c
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ == "PROPN"
        for c in obj.children
        if c.dep_ == "conj" and c.pos_ == "PROPN" and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
    ]


def _after_dash(tok: Token) -> bool:
    """Does a dash stand between a token and the line's dateline before it ("AIRES, March 4 (Newswire) - Brazil")?"""
    doc = tok.doc
    for i in range(tok.i - 1, max(-1, tok.i - 12), -1):
        if doc[i].text in DASHES:
            return True
        if doc[i].is_space:
            return False
    return False


def subject_of(verb: Token) -> Token | None:
    """The doer of a verb: its subject, a passive's "by" agent, or the subject it shares with the verb it hangs on."""
    if is_passive(verb):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        return obj
    dateline = Document.of(verb.doc).dateline  # "NAIROBI (Reuters) - Somali officials accused ...": two subjects in the parse
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i not in dateline), None)
    if subj is None:
        # "BUENOS AIRES, March 4 (Newswire) - Brazil and Argentina agreed ...": the parse makes the dateline the
        # subject and the real one its apposition (or a conjunct: "Doha, Qatar - Saudi Arabia accused ...") after the dash
        subj = next((a for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in dateline
                     for a in c.children if a.dep_ in ("appos", "conj") and a.i > c.i and a.i not in dateline and _after_dash(a)), None)
    if subj is not None and subj.pos_ == "VERB":  # "The Red Cross operating in Iraq said": the parse's subject is "operating"
        subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
    if subj is not None:
        return antecedent(subj)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subject_of(verb.head.head)  # "France is ready to contribute troops": France
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("ADJ", "ADV") and verb.head.dep_ == "advmod" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "planned to visit Gazprom, most likely to discuss the debt": Kuchma
    if verb.dep_ == "xcomp" and is_passive(verb.head):
        # "Egypt was asked to send troops", "rebels are expected to attack": the passive's subject does it
        subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return antecedent(subj)
    if verb.dep_ == "xcomp" and (pressed := pressed_actor(verb)) is not None:
        return antecedent(pressed)  # "China piled pressure on Taiwan to accept the deal": Taiwan would accept it
    if verb.dep_ == "xcomp":
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        return obj if obj is not None and obj.i < verb.i else subject_of(verb.head)
    if (joined_clause := clause_joined(verb)) is not None:
        return subject_of(joined_clause)  # "accused Belgrade of preparing an invasion and called on NATO": Kurti
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "was indicted by the court ... and will resign": the head's grammatical subject, not its agent
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        return antecedent(subj) if subj is not None else subject_of(verb.head)
    if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        pressed = pressed_actor(verb)
        if pressed is not None:
            return antecedent(pressed)  # "the US put pressure on Israel to allow aid": Israel would allow it
        if _reduced_relative(verb):
            return None  # "fired interceptors at missiles fired at Israel": the missiles' firer is not the clause's subject
        return subject_of(verb.head)
    if verb.dep_ in ("xcomp", "acomp") and verb.head.pos_ == "ADJ":  # "France is ready to contribute"
        return subject_of(verb.head.head) if verb.head.dep_ == "acomp" else None
    if verb.dep_ == "acl":
        poss = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        if poss is not None and poss.tag_ != "PRP$" and is_infinitive(verb):
            # "praised Obama's decision to consult Congress", "Iran's refusal to withdraw": whose decision, not who praised
            # it (issue 13, session fifteen's judged sheet: the Speaker praising the decision was coded as consulting); a
            # possessive pronoun ("Russia stepped up its efforts to expel ...") is left to the clause's subject
            return antecedent(poss)
        if verb.head.dep_ in ("dobj", "attr") and verb.head.head.pos_ == "VERB":
            return subject_of(verb.head.head)  # "issued a declaration demanding ...": the issuer
        return verb.head
    if verb.dep_ == "pcomp" and joined(verb) is not None:
        return subject_of(verb.head.head)  # "France joined Germany in condemning ...": France (Germany too: `joined`)
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "NOUN" and is_stance(verb.head.head.lemma_):
        # "Syria indicated its interest in resuming talks": whose interest, else who indicated it
        noun = verb.head.head
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            return antecedent(poss)
        return subject_of(noun.head) if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        # a means: "Japan provided the US with support by extending aid to Pakistan", "the EU punished Turkey by
        # cutting aid": the doer of the clause does it, not its object (issue 13, session fourteen)
        clause = verb.head.head
        if clause.tag_ == "VB" and clause.dep_ in ("ccomp", "xcomp") and not any(c.dep_ == "aux" for c in clause.children):
            # "the US helped Kyiv repel the offensive by supplying missiles": a bare infinitive under "help", "make",
            # "let", whose subject the parse gives is the one helped; the means is the helper's
            return subject_of(clause.head)
        return subject_of(clause)
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB":
        obj = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        return obj
    if verb.dep_ == "pcomp" and verb.head.head.pos_ == "ADJ" and verb.head.head.dep_ == "acomp":
        return subject_of(verb.head.head.head)  # "X and Y are guilty of violating the ceasefire"
    return None


def _reduced_relative(verb: Token) -> bool:
    """Whether an adverbial clause the parse gives is a participle right after a noun, with no subject, auxiliary or
    marker of its own ("fired interceptors at a barrage of missiles fired at Israel", "the aid sent to Gaza"): a
    phrase on that noun (a reduced relative clause), whose doer is not the clause's subject (issue 13, session
    seventeen: the interceptors' firer was the source of the missiles fired at Israel at 0.93). A participle after a
    comma or opening the sentence ("Backed by Russia, the rebels attacked") and a present participle ("stormed the
    village killing 12") stay the clause's."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.i < verb.head.i < verb.i:
        return False
    if before.head.i == verb.i or before.ent_type_ in ("DATE", "TIME"):
        return False  # "after Ukraine last month launched an attack": a word of the verb's own, not a noun it is on
    return not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "mark") for c in verb.children)


def joined(verb: Token) -> Token | None:
    """"France joined Germany in condemning the government": the one joined (Germany), who does the act too; None
    when the verb is no "in" complement of a `joining` verb of event_word_classes.tsv."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "in" or prep.head.lemma_.lower() not in word_class("joining"):
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


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
