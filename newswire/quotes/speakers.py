"""Who reports: the speaker of a reporting frame, read off the dependency parse around its cue.

The cue's subject, climbing from a participle or a second verb to the verb
that has one ("Putin praised ..., saying ..."; "Syria has joined ..., but
insists ..."), the agent of a passive ("it was announced by X"), the noun a
participle or relative clause hangs on ("officials saying ...", "Trump, who
said ..."; the subject of "be" for a predicate noun: "Trump is a bully who has
pledged ..."; the subject of a speech verb for whom it addresses: "emailed
supporters saying ..."), the subject of a verb the speaker speaks through ("the campaign
issued a statement saying ...", `data/cue_noun_verbs.txt`), a speaker after
an inverted cue ("“...?” asked the boy"), or the name just before a cue the
parser left without a subject. `speaker_tokens` gives the phrase a speaker's
head token stands for. The frames of `frames.py` and `nouns.py` use these.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..lexicon import load_list, load_table
from ..lexicon.tables import TimeUnit
from ..lexicon.agents import agent_row
from ..lexicon.cues import addressee_verbs, cue_table, reporting_verbs
from ..text.datelines import DASHES
from ..text.parse import source_text

SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_RELATIVE = ("who", "that", "which", "whom")
# Dependents of a noun that are not part of who the speaker is.
_SPEAKER_CUT = ("relcl", "acl", "advcl", "parataxis")


def subtree(tok: Token) -> set[int]:
    """The token indices of `tok`'s subtree."""
    return {t.i for t in tok.subtree}


def speaker_head(verb: Token, quoted: frozenset[int] = frozenset()) -> Token | None:
    """The token that heads whoever the cue verb's act belongs to, or None (`_speaker_head`).

    A span of time is never a speaker: "protests for months demanding that ...", the parser hanging the participle on
    "months" (a common noun of `data/time_units.tsv`), has none that can be named."""
    head = _speaker_head(verb, quoted)
    return None if head is not None and is_time_span(head) and not _names_cues_subject(head, verb) else head


def _names_cues_subject(tok: Token, verb: Token) -> bool:
    """Is a word that may name a unit of time a person here: a PERSON entity's, or a capitalised word that is the cue's
    own subject ("Weeks said the company would appeal": a surname the tagger read as a common noun)? A span of time
    says nothing: "protests for months demanding" hangs the participle on it; "Every day (Russia) is putting out
    stories saying ...", lower-case, is a time the parser made a subject."""
    return tok.ent_type_ == "PERSON" or tok.text[:1].isupper() and tok.dep_ == "nsubj" and tok.head == verb


@cache
def _time_units() -> frozenset[str]:
    return frozenset(row.word for row in load_table("time_units.tsv", TimeUnit))


def is_time_span(tok: Token) -> bool:
    """Is a token a common noun naming a unit of time ("months", "a week", "two decades")?"""
    return tok.pos_ == "NOUN" and tok.lower_ in _time_units()


def _speaker_head(verb: Token, quoted: frozenset[int] = frozenset()) -> Token | None:
    """The token that heads whoever the cue verb's act belongs to, or None.

    quoted: tokens inside quotation marks; a subject there belongs to the
        quote ("“We were wrong,” Ramos told AFP", parsed with "We" as the
        subject of "told"), not to the cue outside it.
    """
    if (saying := as_saying(verb)) is not None:
        return saying  # "“...,” the paper quoted Smith as saying": Smith speaks, not the paper that quotes him
    v = verb
    for _ in range(6):
        subjects = [c for c in v.children if c.dep_ in SUBJECTS and (c.i not in quoted or verb.i in quoted)]
        # the last subject before the verb: "al - Assad" can come out as three subjects of one verb
        before = [c for c in subjects if c.i < v.i]
        subject = before[-1] if before else (subjects[0] if subjects else None)
        after = [c for c in subjects if c.i > v.i]
        if before and after and v is verb and _quotation_between(before[-1], v, quoted):
            # "New York (AFP) – “...,” said the mayor": a cue right after its quotation, with a subject after it,
            # speaks for that one; what the parser also hung on it before the quotation (a dateline) does not
            subject = after[0]
        if subject is not None and subject.lower_ in _CLITICS:
            return _clitic_subject(subject, v)
        if subject is not None:
            if subject.lower_ in _RELATIVE and v.dep_ == "relcl":
                return _through(_described(v.head), quoted)  # "Trump, who said ...": Trump
            return subject
        if v is verb and (has := _contracted_has(v)) is not None:
            return has  # "He's said he gets his ideas from ...": "'s" is "has", not a passive "is"
        if any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in v.children):
            if v is not verb:
                # "Silverman was joined on stage by Franken and joked": the active verb shares the subject
                return next((c for c in v.children if c.dep_ in _PASSIVE_SUBJECTS), None)
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if v.dep_ == "advcl" and (v.tag_ == "VBN" or (v.tag_ == "VBD" and _opens_sentence(v))):
            # "Asked whether ..., Trump replied": Trump was asked, the asker is not named (a past form opening its
            # sentence with no subject is such a participle, whatever the tagger says)
            return None
        if v.dep_ == "acl" and (held := _occasion_speaker(v.head, quoted)) is not None:
            return held  # "Lopez spoke at a news conference announcing ...": Lopez, not the conference
        if v.dep_ == "acl" and (verb_of := _adjunct_on_object(v)) is not None:
            v = verb_of  # "Clinton ended the debate with a reference to the film, remarking, “...”": Clinton
            continue
        if v.dep_ == "acl" and (told := _addressed_by(v.head)) is not None:
            v = told  # "The senator emailed supporters saying: “...”": the senator, not whom he wrote to
            continue
        if v.dep_ == "acl" and (v.head.pos_ in ("NOUN", "PROPN", "PRON") or _nominal_adjective(v.head)):
            return _through(v.head, quoted)  # "officials saying ...": the officials
        if v.dep_ == "conj" and (owner := _verbless_whose(v.head, v)) is not None:
            return owner  # "criticised by Uruguay, whose foreign minister, Omar Paganini, said ...": the minister
        if v.dep_ in ("conj", "advcl", "xcomp", "acomp") and v.head.i != v.i and not _quote_between(v.head, v, quoted):
            v = v.head  # "..., saying", "but insists", "went on to say"
            continue
        if v.dep_ == "dep" and v.tag_ in ("VBD", "VBZ", "VBP") and v.head.pos_ == "VERB" and v.head.i < v.i and not _quote_between(v.head, v, quoted):
            v = v.head  # "Clinton paused, then revealed why ...": a finite verb the parser hangs on the one before, unlabelled
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            if v.head.lower_ == "as" and v.head.head.lemma_.lower() in _quoting_verbs() and (
                    quoted_one := _object_before(v.head.head, v.head)) is not None:
                return quoted_one  # "the Daily Star quoted Smith as saying ...": Smith speaks, not the paper
            v = v.head.head  # "began by saying"
            continue
        break
    if v is verb and (aside := misparsed_aside(verb)) is not None:
        return next(c for c in aside.children if c.dep_ in SUBJECTS)  # "Paul Ryan, asked about it, said ...": Ryan
    return _inverted(v, quoted) or _left_neighbour(verb, quoted) or _name_after_quotation(verb, quoted)


@cache
def _quoting_verbs() -> frozenset[str]:
    """Verbs that quote their object "as saying" (data/quoting_verbs.txt)."""
    return frozenset(load_list("quoting_verbs.txt"))


def _object_before(verb: Token, prep: Token) -> Token | None:
    """The direct object of `verb` that comes before its preposition `prep` ("quoted Smith as saying", "cited
    officials as saying": Smith, officials), else None."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i), None)


def as_saying(verb: Token) -> Token | None:
    """The object of a cue that quotes someone "as saying" ("quoted Smith as saying", "cited officials as saying"):
    the one who says, when "as" governs a reporting verb's participle. None otherwise."""
    if verb.lemma_.lower() not in _quoting_verbs():
        return None  # "described the gunman as shouting", "read the speech as suggesting": no one quoted
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > verb.i:
            if any(c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_.lower() in reporting_verbs() for c in prep.children):
                return _object_before(verb, prep)
    return None


def misparsed_aside(verb: Token) -> Token | None:
    """The participle of an aside between a speaker and a cue the parser read as a clause the cue reports: "House
    Speaker Paul Ryan, asked about the budget, said he ...", parsed with "Ryan asked about the budget" as the
    complement of a "said" with no subject. Only a past form with no auxiliary and no object, set off by a comma after
    its subject (a name, noun or pronoun) and a comma right before the cue, and a cue with no subject of its own: no
    reported clause has a comma between its subject and its verb. Returns the participle, else None."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != "," or any(c.dep_ in SUBJECTS + _PASSIVE_SUBJECTS for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i > verb.i or c.tag_ not in ("VBN", "VBD") or c.right_edge.i != verb.i - 1:
            continue
        subject = [s for s in c.children if s.dep_ in SUBJECTS]
        if len(subject) != 1 or subject[0].pos_ not in ("PROPN", "NOUN", "PRON") or subject[0].right_edge.i not in (c.i - 2, c.i - 1):
            return None
        if doc[c.i - 1].text != "," or any(d.dep_ in ("aux", "auxpass", "dobj", "neg") for d in c.children):
            return None
        return c
    return None


# The contracted "is"/"has"/"us" the parser may read as a subject of its own ("He’s said that ...", "Let’s say ...").
_CLITICS = ("'s", "’s")


def _clitic_subject(clitic: Token, verb: Token) -> Token | None:
    """Who speaks when the parser took a contracted "'s" for the cue's subject: the personal pronoun or name it is
    attached to ("He’s said that ...": he, as `_contracted_has` reads "He's said"), under the same conditions; never
    "Let’s say ..." (a supposition, nobody's words) or "it's said", "that's said" (nobody named). None otherwise."""
    before = clitic.doc[clitic.i - 1] if clitic.i > 0 else None
    if before is None or before.head not in (clitic, verb):
        return None
    return before if _has_said(before, verb) else None


def _contracted_has(verb: Token) -> Token | None:
    """The subject of a cue whose "'s" the parser read as a passive "is" though it is "has": "He's said he gets his
    ideas ...", "Trump’s argued that ...". None otherwise (see `_has_said`)."""
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if len(aux) != 1 or aux[0].lower_ not in _CLITICS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < aux[0].i), None)
    return subject if subject is not None and _has_said(subject, verb) else None


def _has_said(subject: Token, verb: Token) -> bool:
    """Whether "<subject>'s <verb>" reads as "has said": only a personal pronoun or a name as subject (not "it's said
    that", "that's said"), a speech cue with a clause reported after the verb, and no agent, no infinitive ("he's said
    to be ill" is a passive), no object and no verb of `data/addressee_verbs.txt` ("he's told that ...")."""
    if not (subject.lower_ in ("he", "she") or subject.pos_ == "PROPN") or verb.lemma_.lower() in addressee_verbs():
        return False
    if any(c.dep_ in ("agent", "xcomp", "dobj", "dative") for c in verb.children) or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return False
    entry = cue_table().get(verb.lemma_.lower())
    return entry is not None and entry.kind == "speech" and "clause" in entry.frames


@cache
def _occasions() -> frozenset[str]:
    return frozenset(load_list("occasion_nouns.txt"))


def is_occasion(noun: Token) -> bool:
    """Is the noun an occasion someone speaks at (`data/occasion_nouns.txt`: "the rally", "the conversation"), not a
    name? An occasion says nothing itself."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _occasions()


@cache
def _occasion_verbs() -> frozenset[str]:
    return frozenset(load_list("occasion_verbs.txt"))


def _occasion_speaker(noun: Token, quoted: frozenset[int]) -> Token | None:
    """Who speaks at an occasion a participle hangs on: "Lopez spoke at a news conference announcing ...", "comments
    Clinton made during a speech attacking ...", "the senator opened a rally blasting ...": the speaker of the verb
    the occasion ("at", "during", "in" its object, or its direct object; `data/occasion_nouns.txt`) is attached to.
    None when it is not such an occasion or that verb has none."""
    if not is_occasion(noun):
        return None
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        # only a verb of holding or giving it ("opened a rally blasting ..."); "police broke up a rally denouncing ...": none
        return speaker_head(noun.head, quoted) if noun.head.lemma_.lower() in _occasion_verbs() else None
    prep = noun.head
    if noun.dep_ != "pobj":
        return None
    if prep.dep_ != "prep" or prep.lower_ not in ("at", "during", "in") or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return speaker_head(prep.head, quoted)


def _adjunct_on_object(participle: Token) -> Token | None:
    """The verb whose subject a participle after a comma speaks for, when the parser hung it on that verb's object:
    "ended the debate with a reference to the film, remarking ...", "called for a voice vote, and then a visual vote,
    declaring ...". Only a "-ing" participle set off by a comma, on a common noun that is no actor of `data/agents.tsv`
    and no document, office or spokesperson (those are left to the rules for them), reached from the verb through
    objects, prepositions and coordination. None otherwise."""
    noun = participle.head
    doc = participle.doc
    if participle.tag_ != "VBG" or participle.i < 1 or doc[participle.i - 1].text != "," or noun.i > participle.i:
        return None
    if noun.pos_ != "NOUN" or noun.ent_type_ or agent_row(noun) is not None or is_document(noun) or is_spokesperson(noun):
        return None
    tok = noun
    for _ in range(6):
        if tok.dep_ not in ("dobj", "pobj", "conj", "prep", "dative"):
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _addressed_by(noun: Token) -> Token | None:
    """The speech verb of data/cues.tsv whose object or addressee the noun is ("emailed supporters", "wrote to
    supporters", "told reporters"), with a subject of its own: a participle cue on that noun ("emailed supporters
    saying ...") reports the verb's subject's words, not the addressee's. None otherwise."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "to":
        verb = verb.head
    elif noun.dep_ not in ("dobj", "dative"):
        return None
    if verb.pos_ != "VERB" or not any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    entry = cue_table().get(verb.lemma_.lower())
    return verb if entry is not None and entry.kind == "speech" and "clause" in entry.frames else None


def _described(noun: Token) -> Token:
    """Whom a relative clause's noun describes, when a copula says so: "Trump is a serial liar and bully who has
    pledged ...": Trump (the noun's first conjunct is the predicate noun of "be", whose subject is a name or a
    pronoun). Any other noun stands for itself. (Not an apposition: "Smith, a Democrat who said ..." keeps the
    relative clause in the phrase of its name.)"""
    tok = noun
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    if not (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and any(c.dep_ == "det" for c in tok.children))):
        return noun  # a name stands for itself; "a Democrat" is a description
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        copula = tok.head
        subject = next((c for c in copula.children if c.dep_ in SUBJECTS), None)
        if subject is None and copula.dep_ == "conj":  # "Trump incites violence and is a bully who ...": the first verb's
            subject = next((c for c in copula.head.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.pos_ in ("PROPN", "PRON") and subject.lower_ not in _RELATIVE + ("it", "this", "that"):
            return subject
    return noun


def _nominal_adjective(tok: Token) -> bool:
    """An adjective standing for a person, with its determiner: "“...?” the 43-year-old asked", parsed as "old" with
    "asked" hanging on it."""
    return tok.pos_ == "ADJ" and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that") for c in tok.children)


def _opens_sentence(tok: Token) -> bool:
    return all(t.is_punct or t.is_space for t in tok.doc[tok.sent.start : tok.i])


def _through(noun: Token, quoted: frozenset[int]) -> Token:
    """Who speaks through a document: "the campaign issued a statement saying ...": the campaign.

    A noun that is the object of a verb of `data/cue_noun_verbs.txt` speaks
    for that verb's subject; any other noun speaks for itself ("officials
    saying ...").
    """
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and speaks_through(verb):
        subject = speaker_head(verb, quoted)
        if subject is not None:
            return subject
    return noun


@cache
def _speaking_verbs() -> frozenset[str]:
    return frozenset(load_list("cue_noun_verbs.txt"))


@cache
def _documents() -> frozenset[str]:
    # documents, occasions and offices ("her office said", "the Sanders campaign said"): data/speaking_offices.txt
    return frozenset(load_list("source_documents.txt")) | frozenset(load_list("issued_documents.txt")) | frozenset(
        load_list("speaking_offices.txt")
    )


# Who speaks for a person or body as a person: "a spokesman for the ministry", "Sony's spokeswoman", "a Pentagon
# spokesperson" speak for the ministry, Sony, the Pentagon.
_SPOKESPEOPLE = frozenset(("spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"))


def is_spokesperson(head: Token) -> bool:
    """Is the speaker a spokesperson, unnamed ("a spokesman for the ministry said")?"""
    return head.pos_ == "NOUN" and head.lemma_.lower() in _SPOKESPEOPLE


def is_document(head: Token) -> bool:
    """Is the speaker a document or an office, speaking for whoever issued it ("the statement said", "her office said")?"""
    return head.pos_ == "NOUN" and head.lemma_.lower() in _documents()


# Named-entity labels of a name that can issue a statement, report or claim.
_ISSUERS = ("PERSON", "ORG", "GPE", "NORP")


def issuer_compound(noun: Token) -> Token | None:
    """The name in front of a noun that says who issued it: "an Intelogic announcement", "a White House statement".

    The last proper noun the parser hangs on the noun as a compound, when the
    parser's entities take it for a person, organisation or country (not "a
    Monday statement", not "a CNN/ORC poll" split into two names), or a
    company's name the tagger took for an adjective: its phrase is the
    issuer ("White House").
    """
    names = [c for c in noun.children if c.i < noun.i and (_named_compound(c) or _named_modifier(c))]
    return names[0] if len(names) == 1 else None


def _named_compound(tok: Token) -> bool:
    return tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.ent_type_ in _ISSUERS


def _named_modifier(tok: Token) -> bool:
    """A company's or person's name the tagger took for an adjective ("an Intelogic announcement"); not "a Russian statement"."""
    return tok.dep_ == "amod" and tok.text[:1].isupper() and tok.ent_type_ in ("PERSON", "ORG")


def speaks_through(verb: Token) -> bool:
    """Is the verb one whose subject speaks through its object ("made the argument", "issued a statement")?"""
    lemma = verb.lemma_.lower()
    particles = (c.lower_ for c in verb.children if c.dep_ == "prt")
    return lemma in _speaking_verbs() or any(f"{lemma} {p}" in _speaking_verbs() for p in particles)


def _inverted(verb: Token, quoted: frozenset[int]) -> Token | None:
    """"“How big is that wall?” asked the boy": after a quotation the speaker may follow the cue.

    The parser takes such a speaker for an object.
    """
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or not (before.is_quote or before.text == "," and verb.i - 2 in quoted):
        return None
    after = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "npadvmod", "attr", "dative", "oprd")), None)
    if after is None or after.i in quoted or after.pos_ not in ("PROPN", "NOUN"):
        return None
    return after


def _verbless_whose(head: Token, verb: Token) -> Token | None:
    """The noun of a "whose" phrase between a verb and its conjunct when the phrase has no verb of its own: the
    parser left the relative clause's verb ("X, whose minister, Y, said ...") as a conjunct of the verb before, so
    the noun is its subject. None when there is no such phrase (or it has a verb: "whose leader resigned")."""
    for tok in head.doc[head.i + 1 : verb.i]:
        noun = tok.head
        if tok.lower_ == "whose" and tok.dep_ == "poss" and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "appos":
            # set apart by commas as an apposition, and no verb up to the speech verb ("whose work she has long
            # supported, and said": the phrase has its verb; "asked whose car it was and said": a question)
            between = head.doc[tok.i + 1 : verb.i]
            verbless = not any(t.pos_ in ("VERB", "AUX") for t in between)
            return noun if head.i < noun.i < verb.i and verbless else None
    return None


def _quotation_between(subject: Token, verb: Token, quoted: frozenset[int]) -> bool:
    """Is the verb right after a quotation (its closing mark, maybe with a comma) that stands between it and a subject
    outside quotation marks?"""
    doc = verb.doc
    i = verb.i - 1
    while i > subject.i and (doc[i].is_quote or doc[i].text == ",") and i not in quoted:
        i -= 1
    return i < verb.i - 1 and i in quoted and subject.i not in quoted


def _quote_between(a: Token, b: Token, quoted: frozenset[int]) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(i in quoted for i in range(lo + 1, hi)) and a.i in quoted


# Where a parse gives a cue no subject, the words right before it may still
# be its speaker: "About 4 in 10 say ...", "“...,” Ramos, 58, told AFP".
_NEIGHBOUR_DEPS = ("nsubj", "nsubjpass", "conj", "appos", "ROOT", "dep", "compound", "nummod", "quantmod", "npadvmod")
_NEIGHBOUR_SKIP_POS = ("ADV", "AUX", "PART", "PUNCT", "SPACE")


def _left_neighbour(verb: Token, quoted: frozenset[int]) -> Token | None:
    """The name, noun or number just before a cue the parser left without a subject."""
    doc, i = verb.doc, verb.i - 1
    sent_start = verb.sent.start
    while i >= sent_start and doc[i].pos_ in _NEIGHBOUR_SKIP_POS and i not in quoted and doc[i].text not in ('"', "”", "“"):
        i -= 1
    if i < sent_start or i in quoted:
        return None
    tok = doc[i]
    if (described := _described_by_relative(tok, verb, quoted)) is not None:
        return described
    if (before := _before_participle(tok, verb, quoted)) is not None:
        tok = before  # "Bill Eastland, wearing a cowboy hat and campaign pins, said": not the pins
    # from "58" in "Ramos, 58," or "Bill" in "Bill Clinton" up to the name it belongs to
    while tok.dep_ in ("compound", "amod", "nummod", "quantmod") or (tok.dep_ == "appos" and tok.pos_ != "PROPN"):
        if tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN", "NUM") or tok.head.i > verb.i:
            break
        tok = tok.head
    if tok.ent_type_ in ("GPE", "LOC", "FAC") and _in_prepositional_phrase(tok) is not None:
        return None  # "one eyewitness in Nuseirat, central Gaza, told": not the place set beside; as nobody, not a guess
    if tok.dep_ not in _NEIGHBOUR_DEPS or tok.ent_type_ in ("DATE", "TIME"):
        return None
    return tok if tok.pos_ in ("PROPN", "NOUN", "NUM") else None


def _in_prepositional_phrase(tok: Token) -> Token | None:
    """The preposition whose object a name is set beside ("one eyewitness in Nuseirat, central Gaza, told CNN": "Gaza"
    in apposition to "Nuseirat", the object of "in"), or None. A place's name there is part of a phrase about where,
    not the speaker, however the parser left the cue without a subject (a person's name set beside may be the
    speaker's: "an aide to the leader - Ann Lee - said")."""
    t = tok
    while t.dep_ in ("appos", "conj") and t.head.i != t.i and t.head.i < t.i:
        t = t.head
    return t.head if t is not tok and t.dep_ == "pobj" and t.head.dep_ == "prep" else None


# Finite verb tags: an aside between a name and its cue holds none outside a relative clause.
_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _name_after_quotation(verb: Token, quoted: frozenset[int]) -> Token | None:
    """The name right after a quotation, set off with an aside, when the parser gave the cue after it no subject:
    "''That was a good speech,'' Representative Steve Cohen, Democrat of Tennessee, told Mr. Obama", "''...,'' Melanne
    Verveer, a Ukrainian-American then working for the State Department, wrote". The quotation ends with a comma
    inside or just outside its marks; the name (proper nouns, one of them a PERSON) follows its marks at once and is
    followed by a comma; the aside runs from there to a comma just before the cue, with no quoted word and no finite
    verb but in a relative clause ("who leads ..."). Returns the name's last token, else None."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != "," or verb.i - 1 in quoted:
        return None
    last = max((i for i in quoted if i < verb.i), default=None)
    if last is None:
        return None
    i = last + 1
    while i < verb.i and (doc[i].is_quote or doc[i].text == ","):
        i += 1
    marks = doc[last:i]  # the quotation's last token, and the marks and comma after it
    if not any(t.text == "," for t in marks) or not any(t.is_quote for t in marks):
        return None
    start = i
    while i < verb.i and doc[i].pos_ == "PROPN" and i not in quoted:
        i += 1
    name = doc[start:i]
    if not len(name) or i >= verb.i - 1 or doc[i].text != "," or not any(t.ent_type_ == "PERSON" for t in name):
        return None
    aside = doc[i + 1 : verb.i - 1]
    if not len(aside) or any(t.i in quoted or t.is_quote for t in aside):
        return None
    relative = False
    for t in aside:
        relative = relative or t.lower_ in _RELATIVE + ("whose",)
        if t.tag_ in _FINITE and not relative:
            return None
    return name[-1]


def _described_by_relative(last: Token, verb: Token, quoted: frozenset[int]) -> Token | None:
    """"a White House official who spoke anonymously to discuss strategy said ...", parsed with no subject for "said":
    a relative clause of "who" ending right before the cue describes its speaker, the noun the clause hangs on (also a
    passive one: "a source, who was not authorized to speak, told ...")."""
    for clause in (last, *last.ancestors):
        if clause.dep_ == "relcl":
            break
    else:
        return None
    noun = clause.head
    if clause.right_edge.i != last.i or noun.i > clause.i or noun.i in quoted or noun.sent != verb.sent:
        return None
    # "who spoke anonymously", or passive: "an intelligence source, who was not authorized to speak on the record, told"
    if not any(c.dep_ in SUBJECTS + _PASSIVE_SUBJECTS and c.lower_ == "who" for c in clause.children):
        return None
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _before_participle(last: Token, verb: Token, quoted: frozenset[int]) -> Token | None:
    """"Texas delegate Bill Eastland, wearing a cowboy hat and campaign pins, said ...", parsed with no subject for
    "said": the words before the cue end a participle phrase set off by commas that describes its speaker; the
    speaker's words end right before that phrase's comma. Returns the token there (a name or noun), else None."""
    for clause in (last, *last.ancestors):
        if clause.dep_ in ("advcl", "acl") and clause.tag_ in ("VBG", "VBN"):
            break
    else:
        return None
    doc = last.doc
    start = clause.left_edge.i
    if clause.right_edge.i != last.i or start < 2 or doc[start - 1].text != "," or clause.i != start:
        return None
    before = doc[start - 2]
    if before.i in quoted or before.sent != verb.sent or before.pos_ not in ("PROPN", "NOUN"):
        return None
    return before


_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}


def within_brackets(head: Token, start: int, end: int) -> tuple[int, int]:
    """The `[start, end)` token range of a speaker phrase cut at a bracket it opens and does not close, or closes
    without opening: "Rep. Jason Chaffetz (R-Utah" → "Rep. Jason Chaffetz", "Mr. Burman (a view echoed by ..." →
    "Mr. Burman". A phrase never ends inside a parenthesis. The head stays in: a phrase whose head is inside the
    unclosed bracket is left as it is."""
    doc = head.doc
    open_: list[int] = []
    for i in range(start, end):
        text = doc[i].text
        if text in _OPENING:
            open_.append(i)
        elif text in _CLOSING:
            if open_ and doc[open_[-1]].text == _CLOSING[text]:
                open_.pop()
            elif i < head.i:
                start, open_ = i + 1, []  # "R-Utah) Jason Chaffetz": a closing bracket before the head
            elif i > head.i:
                end = i
                break
    if open_ and open_[0] > head.i:
        end = open_[0]
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def _gap(tok: Token) -> bool:
    """A whitespace token holding a line break, or removed text (blanked in the parse, not in the source)."""
    if not tok.is_space:
        return False
    source = source_text(tok.doc)[tok.idx : tok.idx + len(tok)]
    return source != tok.text or not _LINE_BREAKS.isdisjoint(source)


def speaker_tokens(head: Token) -> tuple[int, int]:
    """The `[start, end)` token range of the speaker phrase headed by `head`.

    The head's subtree without relative clauses, participles and asides
    ("Trump, who ..." → "Trump"), with appositions kept ("Hugh Hill, a
    doctor"), never from the end of a quotation before the name ("'...,' Gene Sperling"), trimmed of punctuation. An adjective standing for a person is the phrase from its determiner ("the
    43-year-old"): the parser may hang the quotation before it on it.
    """
    if _nominal_adjective(head):
        return min(c.i for c in head.children if c.dep_ == "det"), head.i + 1
    cut = set()
    for child in head.children:
        if child.dep_ in _SPEAKER_CUT:
            cut |= subtree(child)
    doc = head.doc
    for tok in head.subtree:
        # a relative clause set off by a comma deeper in the phrase, where the parser hung it on the nearest noun
        # ("one Democrat familiar with the discussion, who added that ...")
        if tok.dep_ == "relcl" and tok.i > head.i and doc[tok.left_edge.i - 1].text == ",":
            cut |= subtree(tok)
    keep = subtree(head) - cut
    for sibling in head.head.children:
        if sibling.dep_ == head.dep_ and sibling.i != head.i and sibling.head.i != sibling.i:
            keep |= subtree(sibling)  # "al", "-", "Assad": a name the parser split into siblings
    start = end = head.i
    # the contiguous run around the head, not across a line break or the blanked text of a removed span
    # ("the U.S. <removed repeat> State Department"); other whitespace tokens ("A\u00a0Bloomberg poll") may be in it
    run = {i for i in keep if not _gap(doc[i])}
    while start - 1 in run:
        start -= 1
    while end + 1 in run:
        end += 1
    # "VIENNA (Reuters) - U.N. Secretary-General Antonio Guterres": not the dateline
    dash = max((i for i in range(start, head.i) if doc[i].text in DASHES and doc[i].whitespace_), default=None)
    if dash is not None:
        start = dash + 1
    # "''..., hunky-dory,'' Gene Sperling, a top adviser": not the end of the quotation the parser hung on the name
    closing = max((i for i in range(start + 1, head.i) if doc[i].is_quote and "," in (doc[i - 1].text, doc[i + 1].text)), default=None)
    if closing is not None:
        start = closing + 1
    # "by Times' Ben Sisario: “The Living Room ...”": a phrase never runs past a colon that opens a quotation
    colon = min((i for i in range(head.i + 1, end) if doc[i].text == ":" and doc[i + 1].is_quote), default=None)
    if colon is not None:
        end = colon - 1
    # "African Union leaders on Monday": not the date
    for child in head.children:
        if child.dep_ == "prep" and child.i > head.i and any(o.ent_type_ in ("DATE", "TIME") for o in child.children):
            end = min(end, child.i - 1)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end + 1

