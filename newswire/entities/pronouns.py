"""Third-person pronouns resolved to entities.

Rules, tried in order for each pronoun (a pronoun that no rule resolves is
left out: an unresolved pronoun is better than a wrong one):

1. Reported subject: "Kerry says he ...", "Assad said Thursday he will ...":
   a pronoun in a clause under a verb takes that verb's subject.
2. Possessive in its own clause: "Mr. Ban also expressed his concern".
3. Subject continuity: the subject of a main clause takes the main subject
   of the nearest earlier sentence that has a fitting one ("Mr. Ban also
   expressed ... Speaking about calls for Mr. Assad to leave power, he said"
   is Ban, not Assad: Assad sits inside a fronted adverbial phrase). A name in
   apposition to a common-noun subject is that subject ("Trump's campaign
   chairman, Paul Manafort, dismissed ... He attempted ..." is Manafort).
   A reporting "he"/"she" after a sentence whose main subject is no one
   continues that sentence's source: an inserted "X said", or "according to X".
   A reporting "he"/"she" is left unresolved when a sentence with no main subject it fits names a person it fits,
   nearer than the main subject further back, which those sentences do not mention ("Smith said ... The flood took
   the home of Peter Jones. He said ..."), unless it goes on with what was said ("He added ...":
   data/continuing_cues.txt); a "he"/"she" inside what such an open pronoun says, or in a conjunct of it, is left
   open too ("He said he had met her and he ...": `_under_open_pronoun`), unless a person it fits is named between.
   A reporting "he"/"she" is left unresolved after a sentence whose main
   subject is named but sourced by someone else ("According to Smith, Jones was
   there. He said ..."), any "he"/"she" after a sentence opened by an unnamed
   person who speaks
   ("The source said investigators met Jones. He said ..."; `_unnamed_speaker`),
   unless that is a definite description of the main subject just before it
   ("Maria Lopez said ... The activist said ... She said").
4. Otherwise the nearest fitting mention, subjects first, in this sentence
   and up to `WINDOW` sentences back.
5. A "he" or "she" still unresolved, reporting or the subject of a main
   clause, after a quotation of several sentences: the main subject before
   the quotation, when no one else it could stand for is named on the way
   (`_before_quotation`).

A "he" or "she" the rules give to a person whose capital letter is only where any word has one is left
unresolved (`_capitalised_by_position`): a one-word name with no other sign of a person, written only first in its
sentence or after "the" ("Laundry is drying on the desks"), or a common noun written as a title ("the film The
Volunteer").

Last, one gender per person (`_one_gender`): a person of no known gender given
both "he" and "she" keeps a clear majority's, or the more numerous gender when it came first, else neither.

Relative pronouns ("Trump, who said ...", "the agency, which ...") are the
noun their clause hangs on, by the syntax alone (`resolve_relatives`).

A pronoun inside a direct quote is not its speaker (the speaker would say
"I"), so the subjects of the verbs outside the quote, or the previous
subject for a quote standing alone, are not candidates. A pronoun outside
quotation marks that reports ("he said") does not stand for a name inside
them: a speaker quoted on someone ("“I love Larry,” he said") is not that
someone.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import TAG
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..lexicon import load_list
from ..lexicon.agents import organisation_nouns
from ..lexicon.cues import reporting_verbs
from ..lexicon.people import person_noun_gender
from ..lexicon.pronouns import PRONOUNS
from ..text.marks import find_quoted
from ..text.parse import parsed_text
from ..text.prose import transcript_turns
from ..text.tokens import with_pos
from ..document import Document
from .model import Cluster, Mention
from .names import is_given_name, name_tokens

# How many sentences back a pronoun may reach. Wire copy rarely holds a
# pronoun more than two sentences from its antecedent; 3 loses nothing on
# the seed and keeps stray links down.
WINDOW = 3

_SUBJECT = ("nsubj", "nsubjpass")
_CLAUSE_LINKS = ("ccomp", "xcomp", "advcl", "conj", "parataxis")
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "dative", "iobj")


def resolve_pronouns(doc: Doc, clusters: list[Cluster]) -> list[Mention]:
    """Add each resolvable pronoun to its entity's cluster; returns the added mentions."""
    quoted = _quoted_tokens(doc)
    index = _Index(doc, clusters)
    turns = _in_turns(doc)
    by_position: dict[int, bool] = {}  # id of a cluster → `_capitalised_by_position`
    added = []
    for tok in with_pos(doc, "PRON"):
        if tok.lower_ not in PRONOUNS:
            continue
        if tok.i in turns:
            continue  # "WALLACE: Do you agree with him?": a transcript's turn speaks of others than its speaker, unnamed
        if tok.lower_ == "it" and _pleonastic(tok):
            continue
        cluster = _resolve(tok, index, quoted)
        if cluster is not None and PRONOUNS[tok.lower_][0] in ("m", "f"):
            if id(cluster) not in by_position:
                by_position[id(cluster)] = _capitalised_by_position(cluster)
            if by_position[id(cluster)]:
                # left unresolved, not passed to the next candidate: the rules chose a false person, and whoever
                # they would choose after it was no better placed ("Filmmaker and author X ... he added")
                cluster = None
        if cluster is not None:
            label = "PERSON" if PRONOUNS[tok.lower_][0] in "mf" and PRONOUNS[tok.lower_][0] else cluster.label
            m = Mention(doc, tok.i, tok.i + 1, "pronoun", label)
            cluster.add(m)
            index.add(cluster, m)
            added.append(m)
    dropped = _one_gender(clusters) | _before_open_pronoun(added, index, quoted)
    return [m for m in added if id(m) not in dropped]


# A person whose names give no gender keeps the "he" or the "she" resolved to them when that gender's pronouns
# outnumber the other's this many times over, or outnumber them at all and came first; otherwise both are left
# unresolved (PolNeAR train: the first and the more numerous were the right gender in 5 of 5 such people, the more
# numerous alone in 5 of 6).
GENDER_MAJORITY = 3


def _one_gender(clusters: list[Cluster]) -> set[int]:
    """One gender per person: a person the article gives no gender of their own (no given name, honorific or known
    gender) that took both "he" and "she" keeps the pronouns of a gender GENDER_MAJORITY times as many as the other's,
    or more numerous and first (the rest were someone else's: "Blumenthal said that he ... if he knew she had one");
    otherwise all of their "he" and "she" are left unresolved rather than resolved across genders. Returns the ids of
    the removed mentions."""
    dropped: set[int] = set()
    for c in clusters:
        if c.label != "PERSON" or c.gender() is not None:
            continue
        by_gender: dict[str, list[Mention]] = {"m": [], "f": []}
        for m in c.mentions:
            if m.kind == "pronoun" and (g := PRONOUNS.get(m.doc[m.start].lower_, ("", ""))[0]) in by_gender:
                by_gender[g].append(m)
        he, she = len(by_gender["m"]), len(by_gender["f"])
        if not (he and she):
            continue
        first = "m" if by_gender["m"][0].start < by_gender["f"][0].start else "f"
        more = "m" if he > she else "f" if she > he else None
        if he >= GENDER_MAJORITY * she or (more == "m" == first):
            wrong = by_gender["f"]
        elif she >= GENDER_MAJORITY * he or (more == "f" == first):
            wrong = by_gender["m"]
        else:
            wrong = by_gender["m"] + by_gender["f"]
        ids = {id(m) for m in wrong}
        c.mentions = [m for m in c.mentions if id(m) not in ids]
        for m in wrong:
            m.cluster = None
        dropped |= ids
    return dropped


class _Index:
    """The clusters' mentions by sentence, by head word and by the head of their head word, kept up to date as
    pronouns join clusters, so that resolving a pronoun looks only at the sentences it may reach.

    `clusters` is fixed while pronouns are resolved, and a pronoun mention changes neither a cluster's gender
    nor its names, so what `_fits` says of a cluster is kept. What a pronoun does change is the cluster's number: an
    organisation a "they" or "their" joined is a plural body to every "it" after it, and one an "it" or "its" joined
    is no plural body to a "they" after it (`number_agrees`).
    """

    def __init__(self, doc: Doc, clusters: list[Cluster]):
        self.doc = doc
        self.clusters = clusters
        self.position = {id(c): n for n, c in enumerate(clusters)}
        self.by_sentence: dict[int, list[tuple[Cluster, Mention, int]]] = {}
        self.by_head: dict[int, list[Cluster]] = {}
        self.by_head_of_head: dict[int, list[tuple[Cluster, Mention]]] = {}
        self.seq = 0
        self.fits: dict[tuple[int, str], bool] = {}
        self.plural: dict[int, bool] = {}  # sentence start → `_plural_main_subject`
        self.bodies: dict[int, bool] = {}  # id of a cluster → `_plural_body`
        self.noun_bodies: dict[int, bool] = {}  # id of a cluster → `_plural_noun_body`
        self.numbers: dict[int, set[str]] = {}  # id of a cluster → the numbers ("n", "pl") of the pronouns it took
        for c in clusters:
            for m in c.mentions:
                self.add(c, m)

    def add(self, c: Cluster, m: Mention) -> None:
        """Index a mention of cluster `c` (in the order the cluster's own list would put it among equal starts)."""
        self.by_sentence.setdefault(m.sentence, []).append((c, m, self.seq))
        self.seq += 1
        self.by_head.setdefault(m.head, []).append(c)
        self.by_head_of_head.setdefault(self.doc[m.head].head.i, []).append((c, m))
        if m.kind == "pronoun" and (word := self.doc[m.start].lower_) in PRONOUNS:
            gender, number = PRONOUNS[word]
            if gender == "n" or number == "pl":
                self.numbers.setdefault(id(c), set()).add("pl" if number == "pl" else "n")

    def in_sentence(self, sent: int) -> list[tuple[Cluster, Mention, int]]:
        return self.by_sentence.get(sent, [])

    def at_head(self, i: int) -> Cluster | None:
        """The cluster with a mention headed by token i (the last in cluster order if several)."""
        found = self.by_head.get(i)
        return max(found, key=lambda c: self.position[id(c)]) if found else None

    def plural_main_subject(self, sent: Span) -> bool:
        """`_plural_main_subject` of a sentence, found once per sentence (not once per plural pronoun after it)."""
        if sent.start not in self.plural:
            self.plural[sent.start] = _plural_main_subject(sent)
        return self.plural[sent.start]

    def plural_body(self, c: Cluster) -> bool:
        """`_plural_body` of a cluster, found once per cluster."""
        if id(c) not in self.bodies:
            self.bodies[id(c)] = _plural_body(c)
        return self.bodies[id(c)]

    def fitting(self, pron: Token, c: Cluster) -> bool:
        key = (id(c), pron.lower_)
        if key not in self.fits:
            self.fits[key] = _fits(pron, c)
        return self.fits[key] and self.number_agrees(pron, c)

    def number_agrees(self, pron: Token, c: Cluster) -> bool:
        """"Police found the car. They said it had been stolen": an "it" or "its" is not an organisation written as a
        plural noun (`_plural_noun_body`), nor one a "they" or "their" took; a "they" is not an organisation an "it"
        took. (A name a verb agrees with in the plural, the other evidence of `_plural_body`, does not keep an "it"
        away: the parser's tags give it to companies written in the singular, "Paribas", "General Motors".)"""
        gender, number = PRONOUNS[pron.lower_]
        took = self.numbers.get(id(c), ())
        if gender == "n":
            if id(c) not in self.noun_bodies:
                self.noun_bodies[id(c)] = _plural_noun_body(c)
            return "pl" not in took and not self.noun_bodies[id(c)]
        if number == "pl" and c.label == "ORG":
            return "n" not in took
        return True


_RELATIVE_TAGS = ("WP", "WP$", "WDT")  # who, whom, whose, which, that


def resolve_relatives(doc: Doc, clusters: list[Cluster]) -> list[Mention]:
    """Add each relative pronoun whose clause hangs on a mention to that mention's entity."""
    at = {i: c for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    added = []
    relative = {hash_string(t) for t in _RELATIVE_TAGS}
    tags = doc.to_array(TAG).tolist()  # read once: only the relative pronouns become Tokens
    for i in range(len(doc)):
        if tags[i] not in relative or i in at:
            continue
        tok = doc[i]
        clause = tok.head  # the relative clause's verb, or the noun of "whose", the preposition of "to whom"
        for _ in range(2):
            if clause.dep_ == "relcl" or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ != "relcl" or clause.head.i >= tok.i:
            continue
        cluster = at.get(clause.head.i)
        if cluster is not None:
            m = Mention(doc, tok.i, tok.i + 1, "pronoun", cluster.label)
            cluster.add(m)
            added.append(m)
    return added


def _fits(pron: Token, c: Cluster) -> bool:
    gender, number = PRONOUNS[pron.lower_]
    if gender in ("m", "f"):
        return c.label == "PERSON" and c.gender() in (None, gender)
    if gender == "n":
        return c.label in ("ORG", "GPE")
    # they: "rebels", "officials", "the two diplomats"; a people named in the plural, "Bosnian Serbs"; an organisation
    # the article treats as a plural body ("Police said they ...")
    return c.label == "GROUP" or (c.label == "NORP" and any(m.text.endswith("s") and not m.demonym for m in c.names)) \
        or _plural_body(c)


def _capitalised_by_position(c: Cluster) -> bool:
    """A person the tagger found in one word that only ever stands where any word is capitalised, first in its
    sentence or after "the" ("Laundry is draped over the chairs.", "screenings of the film The Tourist"), with nothing
    else showing a person (a given name, a title, an honorific, a gender, a relative's noun, an affiliation, a
    nominal, an age, a reporting verb it is the subject of): its capital letter is no evidence of a name, so a "he" or
    "she" the rules give it is left unresolved (a wrong speaker is worse than none). A one-word name written anywhere
    in the article mid-sentence ("says Nada, his daughter") keeps its pronouns."""
    if c.known is None and c.mentions and all(m.kind == "nominal" and _title_cased_mid_sentence(m) for m in c.mentions):
        return True
    names = c.names
    if c.known is not None or not names or any(len(name_tokens(m)) != 1 for m in names):
        return False
    if any(is_given_name(name_tokens(m)[0].title()) for m in names):
        return False
    for m in c.mentions:
        if m.titles or m.gender or m.honorific or m.kin or m.kind == "nominal" or m.affiliations:
            return False
    for m in names:
        root = m.span.root
        if _reports(root) or (m.end + 1 < len(m.doc) and m.doc[m.end].text == "," and m.doc[m.end + 1].like_num):
            return False  # a word that speaks ("Lea added: ..."), or is given an age ("Lea, 17, and ..."), is a person
    words = {t.lower_ for m in names for t in m.span if t.text[:1].isupper() and t.lower_ != "the"}
    # the word written with its capital where nothing else gives one, in a name or elsewhere ("Salma Hayek" in a
    # headline, then "Hayek confirmed she had been"), is a name
    if not words:
        return False  # "iJooz": a capital inside the word is a name's
    doc = names[0].doc
    return not any(t.text[:1].isupper() and t.lower_ in words and not _capital_by_position(t) for t in doc)


def _capital_by_position(t: Token) -> bool:
    """Is a token where any word is capitalised: first in its sentence, or after "the"?"""
    return t.is_sent_start or (t.i > 0 and t.nbor(-1).lower_ == "the")


def _title_cased_mid_sentence(m: Mention) -> bool:
    """A common noun written like a title inside a sentence, article and all ("a screening of the film The Tourist"):
    the name of a work, not a person described."""
    first = m.doc[m.start]
    return first.text == "The" and not first.is_sent_start and m.doc[m.start - 1].text not in ("\"", "“", "'", "‘", ":")


def _plural_body(c: Cluster) -> bool:
    """Is an organisation written as a plural body: a common noun in the plural ("Police", "authorities", "security
    forces"), or a name or noun a verb agrees with in the plural ("the Democrats have", "the government are")? A name
    that merely ends in a plural word ("United Nations", "American Airlines") is not, unless a verb says so."""
    if c.label != "ORG":
        return False
    if _plural_noun_body(c):
        return True
    for m in c.mentions:
        head = m.doc[m.head]
        if m.kind in ("name", "nominal") and head.dep_ == "nsubj" and not any(x.dep_ == "conj" for x in head.children) \
                and _plural_verb(head.head):
            return True
    return False


def _plural_noun_body(c: Cluster) -> bool:
    """Is an organisation, never named, written as a common noun in the plural ("Police", "the authorities")? (A
    company named once, "the companies" after it, is no plural body.)"""
    if c.label != "ORG" or any(m.kind == "name" for m in c.mentions):
        return False
    return any(m.kind == "nominal" and m.doc[m.head].tag_ in _PLURAL_NOUN_TAGS for m in c.mentions)


def _plural_verb(verb: Token) -> bool:
    """Does the verb (or its auxiliary) agree with a plural subject: "have", "are", "were", "say" (a present tense
    not in the third person singular; "I"/"you" are no organisation's subjects)?"""
    forms = [verb, *(x for x in verb.children if x.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ == "VBP" or t.lower_ == "were" for t in forms)


def _candidates(pron: Token, index: _Index, quoted: dict[int, Span], first: int | None = None) -> list[Mention]:
    """The mentions before the pronoun, at most `WINDOW` sentences back (or from sentence `first`), of the clusters it
    may stand for; in the order of the clusters and of their mentions."""
    here = Document.of(pron.doc).sentence_index[pron.i]
    excluded = _speakers_outside(pron, index, quoted) if pron.i in quoted else set()
    # "“You know, I love Larry,” he said": a speaker outside quotation marks is not whom the quotation names
    narrated = pron.i not in quoted and _reports(pron)
    # "Kerry says he will meet him": him is not Kerry, whichever mention stands beside it
    # (a co-argument's head hangs on the pronoun's own head)
    excluded |= {c for c, m in index.by_head_of_head.get(pron.head.i, ()) if _coargument(m, pron)}
    out = []
    for sent in range(max(0, here - WINDOW) if first is None else first, here + 1):
        for c, m, seq in index.in_sentence(sent):
            if m.start < pron.i and c not in excluded and index.fitting(pron, c) and not (narrated and m.start in quoted):
                out.append((index.position[id(c)], m.start, seq, m))
    out.sort(key=lambda x: x[:3])
    return [m for *_, m in out]


def _continues(pron: Token) -> bool:
    """Is the pronoun the subject of a reporting verb or of a main clause ("“...,” she said", "She also compared ...")?"""
    return _reports(pron) or (pron.dep_ in _SUBJECT and _is_main_clause(pron.head))


def _reports(pron: Token) -> bool:
    """Is the pronoun the subject of a reporting verb ("he said", "she told reporters")?"""
    return pron.dep_ == "nsubj" and pron.head.lemma_.lower() in reporting_verbs()


def _resolve(pron: Token, index: _Index, quoted: dict[int, Span]) -> Cluster | None:
    if pron.i not in quoted and _under_open_pronoun(pron, index, quoted):
        return None
    found = _resolve_near(pron, index, quoted)
    if found is None and PRONOUNS[pron.lower_][0] in ("m", "f") and pron.i not in quoted and _continues(pron):
        found = _before_quotation(pron, index, quoted)
    return found


def _under_open_pronoun(pron: Token, index: _Index, quoted: dict[int, Span]) -> bool:
    """Is the pronoun inside a clause whose subject, up the clause chain (rules 1 and 2), is a pronoun of its own
    gender and number left unresolved before it? "... Peter Jones. He said he had met Ana Lopez and he criticised
    them; nobody told him": whoever the open "He" is, the inner "he", its conjunct and "him" are most likely the
    same, and no one nearer is a better guess: they are left open too. The first subject up the chain that is
    resolved, or not such a pronoun, ends the search ("He said the mayor had met him": the mayor is no "him")."""
    if PRONOUNS[pron.lower_][0] not in ("m", "f"):
        return False
    subject = _open_subject_up(pron, index)
    return subject is not None and subject.i < pron.i and not _fitting_between(pron, subject, index, quoted)


def _fitting_between(pron: Token, subject: Token, index: _Index, quoted: dict[int, Span]) -> bool:
    """Is a mention the pronoun fits written between it and the open pronoun `subject`? "She asked Richards what she
    has seen", "says she could not support Hillary Clinton if she wins": the inner pronoun may be that one, as rule 4
    finds."""
    if subject.i < pron.i:  # the pronoun's candidates: not a co-argument ("Mark Evans had warned him")
        return any(subject.i < m.start for m in _candidates(pron, index, quoted))
    sents = Document.of(pron.doc).sentence_index
    return any(pron.i < m.start < subject.i and index.fitting(pron, c)
               for sent in range(sents[pron.i], sents[subject.i] + 1) for c, m, _ in index.in_sentence(sent))


def _open_subject_up(pron: Token, index: _Index) -> Token | None:
    """Up the pronoun's clause chain, as rules 1 and 2 go, the first subject that is a pronoun of its gender and number
    left unresolved (so far); None when a subject that is a mention it fits comes first, or none is found. A subject it
    does not fit is passed over ("He said Ana Lopez had met him": "He")."""
    verb = _clause_verb(pron)
    while verb is not None:
        for child in verb.children:
            if child.dep_ not in _SUBJECT or child.i == pron.i:
                continue
            if (c := index.at_head(child.i)) is not None:
                if index.fitting(pron, c):
                    return None
            elif child.lower_ in PRONOUNS and PRONOUNS[child.lower_] == PRONOUNS[pron.lower_]:
                return child
        verb = verb.head if verb.dep_ in _CLAUSE_LINKS and verb.head.i != verb.i else None
    return None


def _before_open_pronoun(added: list[Mention], index: _Index, quoted: dict[int, Span]) -> set[int]:
    """`_under_open_pronoun` for a subject that comes after: "Nobody had told him about the risk, he said", the "he"
    left unresolved, leaves "him" unresolved too (not a pronoun that is itself a reporting or main subject). Removes such pronoun mentions (outside quotation marks: "“Nobody told
    him,” he said" is someone else) from their clusters; returns their ids."""
    dropped: set[int] = set()
    for m in added:
        pron = m.doc[m.start]
        if pron.i in quoted or PRONOUNS[pron.lower_][0] not in ("m", "f") or m.cluster is None or _continues(pron):
            continue  # a reporting or main subject stands on its own ("He said X, and when asked Y, he said": "He")
        subject = _open_subject_up(pron, index)
        if subject is not None and subject.i > pron.i and subject.i not in quoted and not _fitting_between(pron, subject, index, quoted):
            m.cluster.mentions = [x for x in m.cluster.mentions if x is not m]
            m.cluster = None
            dropped.add(id(m))
    return dropped


@cache
def _continuing_cues() -> frozenset[str]:
    return frozenset(load_list("continuing_cues.txt"))


def _continues_speech(pron: Token) -> bool:
    """Is the pronoun the subject of a cue that goes on with what its speaker said ("he added", "she continued":
    `data/continuing_cues.txt`)?"""
    return _reports(pron) and pron.head.lemma_.lower() in _continuing_cues()


def _resolve_near(pron: Token, index: _Index, quoted: dict[int, Span]) -> Cluster | None:
    cands = _candidates(pron, index, quoted)
    if not cands:
        return None
    found = _resolve_by_rules(pron, index, quoted, cands)
    if found is not None and PRONOUNS[pron.lower_][1] == "pl" and index.plural_body(found):
        return found if _sole_plural_body(pron, index, cands, found) else None
    return found


def _resolve_by_rules(pron: Token, index: _Index, quoted: dict[int, Span], cands: list[Mention]) -> Cluster | None:
    """Rules 1 to 4 over the candidates."""
    by_head = {m.head: m for m in cands}
    plural = PRONOUNS[pron.lower_][1] == "pl"
    # 1 and 2: up the clause chain, the nearest verb whose subject fits
    verb = _clause_verb(pron)
    while verb is not None:
        for child in verb.children:
            if child.dep_ in _SUBJECT and child.i in by_head and child.i < pron.i:
                # "The rebels and the army said they ...": a plural pronoun is the whole coordination, no one conjunct
                if plural and _coordinated(child):
                    return None
                return None if _rival_conjunct(child, by_head) else by_head[child.i].cluster
        verb = verb.head if verb.dep_ in _CLAUSE_LINKS and verb.head.i != verb.i else None
    if PRONOUNS[pron.lower_][0] == "n":
        # "Twitter announced ... It also said ...": an "it" that reports speech, as the subject of a main clause,
        # continues the main subject of the sentence just before, when that is a body; otherwise "it" only by
        # rules 1 and 2: a stray "it" is more often a thing than an actor
        if pron.dep_ == "nsubj" and pron.head.lemma_.lower() in reporting_verbs() and _is_main_clause(pron.head):
            before = next(_previous_sentences(pron), None)
            subjects = [m for m in cands if before is not None and m.start >= before.start and m.end <= before.end and _is_main_subject(m)]
            if subjects:
                return subjects[0].cluster
        return None
    # 3: subject continuity across sentences
    if pron.dep_ in _SUBJECT and _is_main_clause(pron.head):
        # persons named in the sentences passed over, and all they mention, for a pronoun that reports
        passed: set[Cluster] = set()
        mentioned: set[Cluster] = set()
        for sent in _previous_sentences(pron):
            subjects = [m for m in cands if m.start >= sent.start and m.end <= sent.end and _is_main_subject(m)]
            if not subjects and not plural and _reports(pron):
                # "Demand has fallen, Kevin Yardley said, and rents have dropped. “...,” he said": a sentence whose main
                # subject is no one speaks through the named speaker of its inserted cue, for a pronoun that reports
                # (not a pronoun speaker: "His wife, he says, ..." may stand for anyone the rules got wrong before)
                subjects = [m for m in cands if m.start >= sent.start and m.end <= sent.end and m.kind == "name" and (_is_inserted_speaker(m) or _is_according_to_source(m))]
            unnamed = None if subjects or plural else _unnamed_speaker(sent, index, [m for m in cands if sent.start <= m.start < sent.end], quoted)
            if unnamed is not None and person_noun_gender(unnamed.lemma_.lower()) not in (None, PRONOUNS.get(pron.lower_, ("",))[0]):
                unnamed = None  # "A spokeswoman for the governor said ... He said": the "he" is not the spokeswoman
            if unnamed is not None:
                # "The source said investigators had questioned Daniel Morton. He said ...": the "he" continues the
                # unnamed source, who is no entity; a person named elsewhere in the sentence or before it is a guess.
                # A definite description right after a sentence whose main subject is a person the pronoun fits is
                # that person's epithet ("Maria Lopez said ... The Lisbon-based activist said ... She said"), unless it is
                # a noun for someone the text does not name on purpose ("The source, who spoke on condition of anonymity,
                # said": data/anonymous_sources.txt)
                epithet_like = _definite(unnamed) and unnamed.lemma_.lower() not in _anonymous()
                before = next(_previous_sentences(sent[0]), None) if epithet_like else None
                epithet = [m for m in cands if before is not None and before.start <= m.start < before.end and _is_main_subject(m)]
                if epithet and not _rival_conjunct(epithet[0].span.root, by_head):
                    return epithet[0].cluster
                return None
            if subjects and not plural and _reports(pron) and any(
                    m.start >= sent.start and m.end <= sent.end and m.cluster is not subjects[0].cluster
                    and (_is_inserted_speaker(m) or _is_according_to_source(m)) for m in cands):
                # "According to Smith, Jones was at the talks. He said ...": the sentence is Smith's speech about Jones;
                # who goes on speaking, its source or its subject, nothing decides
                return None
            if subjects:
                if plural and _coordinated(subjects[0].span.root):
                    return None
                if passed - {subjects[0].cluster} and subjects[0].cluster not in mentioned and not _continues_speech(pron):
                    # "Smith said the dam would hold. The flood destroyed the home of Peter Jones. He said ...": a person
                    # the pronoun fits, named in a sentence between it and the subject further back, where that subject
                    # is not mentioned; who speaks, the subject or that person, nothing decides. "He added ..." goes on
                    # with what was said before: the one who said it, not a person only named since
                    return None
                return None if _rival_conjunct(subjects[0].span.root, by_head) else subjects[0].cluster
            if not plural and _reports(pron):
                passed |= {m.cluster for m in cands if sent.start <= m.start < sent.end and m.kind == "name" and m.cluster.label == "PERSON"
                           and not _capitalised_by_position(m.cluster)}  # not "Nationally, ...": no evidence of a person
                mentioned |= {m.cluster for m in cands if sent.start <= m.start < sent.end}
            if plural and index.plural_main_subject(sent):
                # "Police found explosives in a shed. They arrested two men": the plural subject just before, though
                # no entity, is whom "they" continues, not a group named further back (realnews dev: "Extremists")
                return None
    if PRONOUNS[pron.lower_][1] == "pl":
        return None  # "they"/"them" beyond rule 3 too often mean things ("who used them")
    # 4: nearest fitting mention, subjects first
    for sent in [pron.sent, *_previous_sentences(pron)]:
        here = [m for m in cands if m.start >= sent.start and m.end <= sent.end]
        if here:
            subjects = [m for m in here if m.span.root.dep_ in _SUBJECT]
            pool = subjects or here
            chosen = max(pool, key=lambda m: m.start) if sent == pron.sent else pool[0]
            return None if _rival_conjunct(chosen.span.root, by_head) else chosen.cluster
    return None


def _sole_plural_body(pron: Token, index: _Index, cands: list[Mention], found: Cluster) -> bool:
    """May a plural pronoun that the rules resolve to an organisation written as a plural body (`_plural_body`) keep
    it? "Police said they arrested two men", "Authorities said their investigation ...": only when that is the one
    body or group in reach it could stand for, the pronoun is "they" as the subject of an active verb or "their"
    (not "them", nor a passive: "Police said they were shot" is more often the victims), and the body is named in
    its sentence or the one before with no other plural noun between its first mention there and the pronoun
    ("Police said the men were armed. They ...", "Lenders provide mortgages to people who do not qualify for loans
    from mainstream lenders, typically due to their credit histories"). A coordination is a plural too: the body is
    no sole antecedent when it is a conjunct ("The police and the army disagreed. They said ...": both), nor when
    nouns or names coordinated with each other stand between, whatever their entities' types ("Police questioned
    Smith and Jones. They said ..."; one before the body is no competitor: "To protect jobs and tax revenue, local
    governments ... they")."""
    if any(m.cluster is not found for m in cands):
        return False
    if not ((pron.lower_ == "they" and pron.dep_ == "nsubj") or pron.lower_ == "their"):
        return False
    here = Document.of(pron.doc).sentence_index[pron.i]
    near = [m for m in found.mentions if m.start < pron.i and here - m.sentence <= 1]
    if not near:
        return False  # named in this sentence or the one before
    if any(_coordinated(m.doc[m.head]) for m in near):
        return False  # "The police and the army disagreed. They said ..."
    for t in pron.doc[min(m.end for m in near) : pron.i]:
        if (t.tag_ in _PLURAL_NOUN_TAGS or _noun_coordination(t)) and index.at_head(t.i) is not found:
            return False  # "mortgages to people who ... due to their credit histories"; "Smith and Jones"
    return True


_NOUNS = ("NOUN", "PROPN")


def _coordinated(tok: Token) -> bool:
    """Is the noun a conjunct of a coordination of nouns or names ("the police and the army")?"""
    return _noun_coordination(tok) or any(_noun_coordination(c) for c in tok.children)


def _rival_conjunct(tok: Token, by_head: dict[int, Mention]) -> bool:
    """Is the candidate headed by `tok` one conjunct of a coordination joined by a conjunction whose other conjunct is
    a candidate of another entity that the pronoun fits as well, and of the same known gender or of none ("Smith and
    Jones met. He said ...": either; "Smith and his wife Mary met. He said ..." is Smith's; "Justice Scalia and Justice
    Elena Kagan, who had recused herself" is Kagan's)? Two such candidates are of equal standing: the pronoun is left
    unresolved. A pronoun already standing for its entity outranks a name beside it ("he and Mike Pence ... he" goes
    on as the first "he" did), and a possessor is no conjunct ("Dunn, Klain and Clinton's adviser": a misparse)."""
    mine = by_head[tok.i] if tok.i in by_head else None
    if mine is None or mine.kind == "pronoun" or any(c.dep_ == "case" for c in tok.children):
        return False
    conjuncts = [tok, *tok.conjuncts]
    if not any(c.dep_ == "cc" for x in conjuncts for c in x.children):
        return False  # "Bill Clinton, Representative James E. Rogan, Republican of California," parsed as conjuncts: no "and"
    gender = mine.cluster.gender()
    return any(c.i != tok.i and c.i in by_head and by_head[c.i].cluster is not mine.cluster
               and by_head[c.i].cluster.gender() == gender for c in conjuncts)


def _noun_coordination(tok: Token) -> bool:
    """Is the token a noun or name coordinated with a noun or name before it ("Smith and Jones": Jones)?"""
    return tok.dep_ == "conj" and tok.pos_ in _NOUNS and tok.head.pos_ in _NOUNS


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a pronoun sits in (climbing from a possessive's noun)."""
    x = tok.head
    while x.pos_ not in ("VERB", "AUX") and x.dep_ != "ROOT" and x.head.i != x.i:
        x = x.head
    return x if x.pos_ in ("VERB", "AUX") else None


def _is_main_clause(verb: Token) -> bool:
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _is_main_subject(m: Mention) -> bool:
    """Is the mention the subject of a main clause, a conjunct of it ("Tom Harris and Jane Doe visited": both), or a
    name in apposition to a common noun that is ("The company's chairman, Tom Harris, said")?"""
    root = m.span.root
    while root.dep_ == "conj" and root.head.i != root.i and root.head.pos_ in _NOUNS:
        root = root.head
    if root.dep_ == "appos" and root.head.tag_ == "NN" and root.head.i < root.i:
        root = root.head  # "Mr. Trump's campaign chairman, Paul Manafort, dismissed ...": the name the subject is given
    return root.dep_ in _SUBJECT and _is_main_clause(root.head)


def _unnamed_speaker(sent: Span, index: _Index, named: list[Mention], quoted: dict[int, Span]) -> Token | None:
    """The subject of the sentence's main reporting verb when it is a person described by a common noun in the
    singular and named nowhere, opening the sentence ("The source said ...", "A former officer, who asked not to be
    named, said ..."). Not a document or an office ("The report said ...", "Her office said ..."), nor a noun any
    entity's mention is headed by (an organisation: "The ministry said ..."), nor a source after someone the pronoun
    could stand for (`named`: "Smith told the court ..., the newspaper said": Smith is whom the sentence is about),
    nor one inside quotation marks, nor one who speaks to someone the pronoun could stand for ("A reporter asked
    Smith how he felt. He replied ...": the one asked answers)."""
    for tok in sent:
        verb = tok.head
        if tok.dep_ == "nsubj" and tok.i not in quoted and _unnamed(tok, index) and _is_main_clause(verb) \
                and tok.i < verb.i and verb.lemma_.lower() in reporting_verbs() and all(m.start > tok.i for m in named) \
                and not any(m.head in (c.i for c in verb.children if c.dep_ in ("dobj", "dative")) for m in named):
            return tok
    return None


def _unnamed(noun: Token, index: _Index) -> bool:
    """Is the noun a common noun in the singular that may be a person and no entity's mention is headed by ("the
    source", "a former officer"; not "the report", "her office", "the network", "the family", "the video"; nor a noun a name is in apposition
    to: "An adviser, Volodymyr Zhdanov, said")?"""
    return noun.tag_ == "NN" and noun.pos_ == "NOUN" and index.at_head(noun.i) is None \
        and noun.lemma_.lower() not in _not_people() \
        and not any(c.dep_ == "appos" and index.at_head(c.i) is not None for c in noun.children)


def _definite(noun: Token) -> bool:
    """Is the noun determined by "the" ("the activist"; not a possessor, which says whose role it is and so brings in
    someone new: "Germany's ambassador")?"""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


@cache
def _anonymous() -> frozenset[str]:
    """Nouns for a person a text does not name on purpose (data/anonymous_sources.txt: "the source", "an insider"),
    never an epithet of a person it names."""
    return frozenset(load_list("anonymous_sources.txt"))


@cache
def _not_people() -> frozenset[str]:
    """Nouns that speak but are no person: documents, offices, the nouns organisations are described by, and other
    records and bodies (data/speaking_things.txt: "the video", "the family")."""
    return frozenset(load_list("source_documents.txt")) | frozenset(load_list("issued_documents.txt")) \
        | frozenset(load_list("speaking_things.txt")) \
        | frozenset(load_list("speaking_offices.txt")) | organisation_nouns()


def _is_inserted_speaker(m: Mention) -> bool:
    """Is the mention the subject of a reporting verb inserted into a main clause ("Demand has fallen, Kevin Yardley
    said, and ...": the parser hangs "said" on "fallen" as parataxis)?"""
    root = m.span.root
    verb = root.head
    return (root.dep_ == "nsubj" and verb.dep_ == "parataxis" and verb.lemma_.lower() in reporting_verbs()
            and _is_main_clause(verb.head))


def _is_according_to_source(m: Mention) -> bool:
    """Is the mention the source of its sentence's main clause through "according to" ("According to Oleh Marchuk,
    Russia launched 90 missiles", "..., according to Oleh Marchuk, the commander")? A sentence so sourced speaks
    through that person, as through an inserted "X said"."""
    root = m.span.root
    to = root.head
    according = to.head
    return (root.dep_ == "pobj" and to.lower_ == "to" and according.lower_ == "according" and according.i != to.i
            and _is_main_clause(according.head))


def _plural_main_subject(sent: Span) -> bool:
    """Whether a sentence's main clause has a plural subject: a plural noun ("Police", "the protesters") or a
    coordination ("Smith and Jones")."""
    for tok in sent:
        if tok.dep_ in _SUBJECT and _is_main_clause(tok.head):
            if tok.tag_ in _PLURAL_NOUN_TAGS or any(c.dep_ == "conj" for c in tok.children):
                return True
    return False


_PLURAL_NOUN_TAGS = ("NNS", "NNPS")


def _coargument(m: Mention, pron: Token) -> bool:
    """"Kerry praised him": a plain pronoun cannot be its own verb's other argument."""
    if pron.dep_ == "poss" or pron.lower_.endswith(("self", "selves")):
        return False
    root = m.doc[m.head]
    return root.head.i == pron.head.i and root.i != pron.i and root.dep_ in _ARGUMENTS


def _pleonastic(tok: Token) -> bool:
    """"it is time to ...", "it is for the people to decide": no referent."""
    head = tok.head
    if tok.dep_ not in _SUBJECT or head.lemma_ not in ("be", "seem", "appear"):
        return False
    return any(c.dep_ in ("ccomp", "xcomp", "acomp", "attr", "prep") for c in head.children if c.i > tok.i)


def _previous_sentences(tok: Token, first: int | None = None):
    ctx = Document.of(tok.doc)
    sents = ctx.sentences
    i = ctx.sentence_index[tok.i]
    text = ctx.text  # `s.text` would join the sentence's tokens anew for every pronoun
    for s in reversed(sents[max(0, i - WINDOW) if first is None else first : i]):
        if text[s.start_char : s.end_char].strip():
            yield s


# How many sentences all inside quotation marks a pronoun reporting a quotation may reach past, beyond `WINDOW`.
_QUOTED_REACH = 12


def _before_quotation(pron: Token, index: _Index, quoted: dict[int, Span]) -> Cluster | None:
    """"Fiorina ... She applauded him ... “Ted Cruz has stood up ... He has fought ... And he has won,” she said".

    A "he" or "she" outside quotation marks, reporting or the subject of a main clause, that no nearer rule resolves
    continues the main subject (outside quotation marks) of the nearest sentence before it that has a fitting one,
    `WINDOW` sentences back where sentences all inside quotation marks do not count (at most `_QUOTED_REACH` of
    them): a quotation is one statement however many sentences it runs to, and whoever it is from was named before
    it. Only a main subject, and only when no other entity the pronoun could stand for is mentioned between it and
    the pronoun, inside the quotation or out.
    """
    ctx = Document.of(pron.doc)
    here = ctx.sentence_index[pron.i]
    counted = skipped = 0
    first = here
    while first > 0 and counted < WINDOW:
        first -= 1
        words = [t.i for t in ctx.sentences[first] if not (t.is_punct or t.is_space)]
        if words and all(i in quoted for i in words) and skipped < _QUOTED_REACH:
            skipped += 1
        else:
            counted += 1
    if not skipped:
        return None  # no quotation on the way: the nearer rules have looked at the same sentences
    cands = _candidates(pron, index, quoted, first)
    for sent in _previous_sentences(pron, first):
        subjects = [m for m in cands if m.start >= sent.start and m.end <= sent.end and _is_main_subject(m) and m.start not in quoted]
        if subjects:
            found = subjects[0]
            # "Anna Berg said ... “Maria Lopez was here. She built it ...,” she said": either of the two, so neither
            for j in range(ctx.sentence_index[found.start], here + 1):
                for c, m, _ in index.in_sentence(j):
                    if found.end <= m.start < pron.i and c is not found.cluster and index.fitting(pron, c):
                        return None
            return found.cluster
    return None


def _in_turns(doc: Doc) -> frozenset[int]:
    """The tokens of a transcript's turns after their label ("WALLACE: ..."; `text.prose.transcript_turns`).

    A turn is speech set down without quotation marks: its "he" or "him" is someone the speakers talk about, not the
    turn's speaker and seldom the last name before it, so such pronouns are left unresolved."""
    return frozenset(i for _, colon, end in transcript_turns(doc) for i in range(colon + 1, end))


def _quoted_tokens(doc: Doc) -> dict[int, Span]:
    """Tokens inside quotation marks (`marks.find_quoted`, as the quotes stage pairs them) → the quote span, marks included."""
    out: dict[int, Span] = {}
    text = parsed_text(doc)
    for q in find_quoted(text):
        inner = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if inner is None or span is None:
            continue
        for i in range(inner.start, inner.end):
            out[i] = span
    return out


def _speakers_outside(pron: Token, mentions: _Index, quoted: dict[int, Span]) -> set[Cluster]:
    """Entities likely to be speaking the quote that holds `pron`."""
    quote = quoted[pron.i]
    doc = pron.doc
    found: set[Cluster] = set()
    ctx = Document.of(doc)
    index = ctx.sentence_index
    for sent in {index[i] for i in (quote.start, quote.end - 1)}:
        for tok in ctx.sentences[sent]:
            if tok.i not in quoted and tok.dep_ in _SUBJECT:
                # the subject, or the name in apposition to it ("Schilling's son, Grant, defended his father, saying")
                for x in (tok, *(c for c in tok.children if c.dep_ == "appos")):
                    speaker = mentions.at_head(x.i)
                    if speaker is not None:
                        found.add(speaker)
    if not found:
        # a quote standing alone continues the previous speaker
        prev = next(_previous_sentences(doc[quote.start]), None)
        if prev is not None:
            for c, m, _ in mentions.in_sentence(index[prev.start]):
                if prev.start <= m.start < prev.end and _is_main_subject(m):
                    found.add(c)
    return found
