"""Reporting frames: a cue word, the content it reports and the subject who reports it.

A frame is read off the dependency parse around a cue from `data/cues.tsv`
("said", "told", "according to", "warned of"):

* content, by the cue's frames: its clausal complement ("said (that) ...",
  "..., he said", "X, he said, is Y"; a that-clause the parser hung on a
  noun after the cue or made a conjunct of it), a to-infinitive ("vowed to fight"),
  its object ("blamed rebels for the attack"; a passive cue's subject, "the
  deal was announced"), an object with what it is
  called ("called the plan “a disaster”"), a prepositional object ("talked
  about how he would pay"), or for "according to" the clause it modifies (and so for
  "In a poll, ..." opening a sentence, `data/source_documents.txt`); an
  object, a name given or a topic counts only when it holds a quotation or a
  clause with its own subject (`reported`): "spoke of the legacy", "called
  for tax hikes", "called the plan a disaster" report no words, nor does a
  clause in a relative clause of the object's noun ("cited comments he had
  made after she gained weight"), a quotation that only labels one of its
  nouns ("showed support for the “public option”"), or a wh-clause, unless
  the cue asks ("explained why he backs Trump", "talked about which ones");
* an appeal is an act, not words said: an act asked of someone ("urged
  Congress to act", "called for the US to act", "was asked to respond") makes
  no quote unless the speaker's words are quoted (`asks_act`, `words_quoted`);
* speaker, by `speakers.py` (the cue's subject, climbing to the verb that
  has one; the agent of a passive; the noun a participle hangs on), or the
  object of "according to".

Frames are found for every kind of cue (speech, thought, intent); the
caller decides which kinds become quotes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..lexicon import load_list
from ..lexicon.agents import agent_row
from ..lexicon.cues import CueEntry, addressee_verbs, cue_table, noun_cue_table
from ..lexicon.pronouns import speaker_pronouns
from .speakers import SUBJECTS, as_saying, misparsed_aside, speaker_head, speaker_tokens, subtree
from ..text.clauses import is_infinitive

# Complements after an object that still belong to the content ("blamed rebels for ...").
_OBJECT_COMPLEMENTS = ("prep", "oprd", "xcomp", "ccomp", "advcl", "pcomp")
_NAMING_COMPLEMENTS = ("oprd", "xcomp", "ccomp", "acomp", "attr")


@cache
def _phrases_by_word() -> dict[str, list[CueEntry]]:
    out: dict[str, list[CueEntry]] = {}
    for entry in cue_table().values():
        if " " in entry.cue:
            out.setdefault(entry.cue.split()[0], []).append(entry)
    return out


@dataclass(slots=True)
class Frame:
    """One reporting frame, in token indices of the doc."""

    cue: list[int]  # the cue's tokens: the verb, and the particle of a phrase ("point out")
    entry: CueEntry
    content: set[int] = field(default_factory=set)  # tokens of the reported content
    parts: list[set[int]] = field(default_factory=list)  # the content as separate clauses ("said A ... and B"), if several
    subject: Token | None = None  # the head token of the speaker, if any
    speaker_range: tuple[int, int] | None = None  # the speaker's tokens when they are not the subject's phrase
    # the object or topic a cue was about when it reports no words ("spoke of the legacy", `reported`): no quote, but it
    # still ends another frame's content as a clause of its own ("said he would act and warned against hackers")
    topic: set[int] = field(default_factory=set)
    # a frame that makes no quote but keeps the frames inside it from making their own (a reporting noun with no speaker)
    silent: bool = False
    # an appeal ("urged X to ask why ..."): its content is the act it asks for, which is no quote (the caller empties it
    # once `content.outermost` has kept every cue inside it from reporting, even one going on with the same speaker);
    # the frame may still take a quotation of its own words next to it
    appeal: bool = False

    @property
    def kind(self) -> str:
        return self.entry.kind

    @property
    def verb(self) -> int:
        return self.cue[0]


def find_frames(doc: Doc, quoted: frozenset[int] = frozenset()) -> list[Frame]:
    """Every cue of the lexicon in `doc` with its content (possibly empty) and subject, in text order.

    quoted: the tokens inside quotation marks (see `speaker_head`).
    """
    out = []
    table = cue_table()
    for tok in _may_cue(doc):
        if tok.lower_ == "in" and (frame := _in_document(tok)) is not None:
            out.append(frame)
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ != "according":
            continue
        entry, particle = _match(tok, table)
        if entry is None or _hypothetical(tok) or _that_said(tok) or _unasserted(tok) or _naming_participle(tok, entry) or _alternative_to_unasserted(tok):
            continue
        frame = Frame([tok.i] + ([particle.i] if particle is not None else []), entry)
        if entry.cue == "according to":
            _according_to(frame, particle)
        else:
            asked: set[int] = set()
            frame.parts = _content(tok, entry, particle, quoted, frame.topic, asked)
            frame.content = set().union(*frame.parts)
            frame.subject = speaker_head(tok, quoted)
            _without_speaker(doc, frame, tok, quoted)
            if asked and not frame.content:
                # an appeal makes no quote, nor do the cues in the act it asks for ("encouraged supporters to ask why
                # ...", "called on Dean to apologize for suggesting ..."): nobody has said those yet
                frame.content, frame.parts, frame.appeal = asked, [asked], True
        out.append(frame)
    return out


def _may_cue(doc: Doc) -> Iterator[Token]:
    """The tokens `find_frames` reads further, in order: the verbs and auxiliaries, "in" and "according" (chosen from
    arrays: making a `Token` for every word costs more than the test)."""
    verbs = (IDS["VERB"], IDS["AUX"])
    words = (hash_string("in"), hash_string("according"))
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        if pos in verbs or lower in words:
            yield doc[i]


def _without_speaker(doc: Doc, frame: Frame, cue: Token, quoted: frozenset[int]) -> None:
    """A speaker the parser hung inside the quotation it reports, between the quotation and the cue ("“...,” Texas
    delegate Bill Eastland, wearing a cowboy hat, said", "Eastland" parsed as a modifier of the quotation's verb): the
    words from the speaker's phrase to the cue (the phrase and what describes it) are not content. Only when every
    word of the content before the speaker is quoted: a speaker inside the writer's own clause is left as it is."""
    subject = frame.subject
    if subject is None or subject.i not in frame.content or subject.i > cue.i:
        return
    start = speaker_tokens(subject)[0]
    before = [i for i in frame.content if i < start and not (doc[i].is_punct or doc[i].is_space)]
    if not before or not all(i in quoted for i in before):
        return
    cut = set(range(start, cue.i))
    frame.parts = [part - cut for part in frame.parts]
    frame.content = set().union(*frame.parts) if frame.parts else set()


def _match(tok: Token, table: dict[str, CueEntry]) -> tuple[CueEntry | None, Token | None]:
    lemma = tok.lemma_.lower()
    word = "according" if tok.lower_ == "according" else lemma
    for entry in _phrases_by_word().get(word, ()):
        second = entry.cue.split()[1]
        for child in tok.children:
            if child.lower_ == second and child.dep_ in _PHRASE_DEPS and not _circumstance(child):
                return entry, child  # not "called them crazy on Friday"
            # "calling for the United States to step up": the parser makes "for" the clause's mark
            mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ == second), None)
            if mark is not None and child.dep_ in ("advcl", "ccomp", "xcomp"):
                return entry, mark
    if word == "according":
        return None, None
    return table.get(lemma), None


# How the second word of a cue phrase hangs on its verb: a particle or preposition ("point out", "call for"), an
# adjective the parser takes for a complement ("make clear": "made it clear that ..."), or an object ("put it").
_COMPLEMENT_PARTICLES = ("ccomp", "oprd", "acomp", "xcomp")
_PHRASE_DEPS = ("prt", "prep", "advmod", "agent", "dobj") + _COMPLEMENT_PARTICLES


def _hypothetical(verb: Token) -> bool:
    """An infinitive that reports nothing: "declined to say", "wants to announce", "the mandate is to say".

    A purpose clause does report ("used the speech to highlight ...",
    "went on to say"): only infinitives under a verb of not doing, wanting
    or being, or under a noun or adjective ("ready to say"), are dropped.
    """
    if not is_infinitive(verb):
        return False
    host = verb.head
    return host.pos_ not in ("VERB", "AUX") or host.lemma_.lower() in _not_reporting_hosts()


@cache
def _not_reporting_hosts() -> frozenset[str]:
    """Verbs under which an infinitival cue reports nothing that was said (`data/not_reporting_hosts.txt`)."""
    return frozenset(load_list("not_reporting_hosts.txt"))


# Modal auxiliaries under which a cue tells what might be said, not what was: "would say", "could argue".
_SUPPOSING_MODALS = ("would", "could", "might", "may", "should", "wo", "ca")


def _unasserted(verb: Token) -> bool:
    """A report of speech that did not take place: negated, supposed or conditional.

    "did not say that ...", "never claimed ...", "would not comment on
    whether ...", "could argue that ...", "if he announces ...": the writer
    does not report that anyone said it, so no quote is made (a user reading
    the quote would take it as said). "Let's say ...", "let us suppose ..."
    (a cue under "let") puts a supposition, not words anyone said.
    """
    if verb.head.lemma_.lower() == "let" and verb.head.i < verb.i and any(
        c.dep_ == "nsubj" and c.lower_ in ("'s", "’s", "us", "me") for c in verb.children
    ):
        return True
    for c in verb.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "aux" and c.lower_ in _SUPPOSING_MODALS:
            return True
        if c.dep_ == "mark" and c.lower_ in ("if", "unless") and verb.dep_ == "advcl":
            return True
    return False


def _alternative_to_unasserted(verb: Token) -> bool:
    """"declined to comment or declare it responsible", "did not confirm or deny the report": a cue joined by "or" or
    "nor" to a negated, supposed or refused one shares its negation: nothing was said."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.head.children):
            return False
        head = head.head
        if _unasserted(head) or _hypothetical(head):
            return True
    return False


def _naming_participle(verb: Token, entry: CueEntry) -> bool:
    """"a book called “Women Who Work”", "The plan, dubbed “Way Forward”": a naming verb's participle modifying a noun
    gives the thing its name; nobody is reported saying anything."""
    return "naming" in entry.frames and verb.tag_ == "VBN" and verb.dep_ == "acl"


def _that_said(verb: Token) -> bool:
    """"That said, ...", "This said, ...": a connective, not a report."""
    doc = verb.doc
    return (
        verb.i > 0
        and verb.i + 1 < len(doc)
        and doc[verb.i - 1].lower_ in ("that", "this")
        and doc[verb.i + 1].text == ","
        and verb.lemma_ == "say"
    )


def _content(
    verb: Token, entry: CueEntry, particle: Token | None, quoted: frozenset[int] = frozenset(), topic: set[int] | None = None,
    asked: set[int] | None = None,
) -> list[set[int]]:
    """The content's tokens by the first of the cue's frames that finds any: one set per clause.

    topic: gets the tokens of an object or topic left out because it reports no words (`reported`).
    asked: gets the tokens of an act asked for, left out as an appeal (`asks_act`, `_directive`, `_passive`)."""
    dropped = topic if topic is not None else set()
    asked = asked if asked is not None else set()
    for frame in entry.frames:
        if frame == "clause":
            parts = _clauses(verb, particle)
            if parts and "question" not in entry.frames and all(_wh_topic(verb, part, quoted) for part in parts):
                dropped |= set().union(*parts)
                return []  # "explained why he backs Trump", "what Trump says his plan would do": a topic, no words
            appeal = entry.kind == "speech" and "infinitive" in entry.frames and parts
            if appeal and all(asks_act(part, verb.doc) for part in parts) and not words_quoted(verb, set().union(*parts), quoted):
                dropped |= set().union(*parts)
                asked |= set().union(*parts)
                return []  # "told the agency to review its files", parsed as a clause: an appeal, no words ("found it to be")
            if parts:
                return parts + _that_conjuncts(verb, parts)
            found = _as_reported(verb) or _inserted_into(verb) or _stranded_clause(verb) or _misattached_that_clause(verb)
            if found:
                return [found] + _that_conjuncts(verb, [found])
        elif frame == "infinitive":
            found = _infinitive(verb)
            if found and particle is not None and particle.dep_ == "prep":
                # "called on Sudan's generals to agree ...": whom it asks belongs to what it asks
                found |= set().union(*(subtree(o) for o in particle.children if o.dep_ == "pobj"))
            directive = _directive(verb, particle) or (entry.kind == "speech" and _passive(verb))
            if found and directive and not words_quoted(verb, found, quoted):
                dropped |= found
                asked |= found
                found = set()  # "urged voters to turn out", "was asked to respond": an appeal, no words (unless quoted)
        elif frame == "question":
            found = _question(verb)
        elif frame == "object":
            if as_saying(verb) is not None:
                continue  # "Tass cited the minister as saying the talks were over": the participle reports his words
            found = _object(verb)
            gerund = not any(c.dep_ == "dobj" for c in verb.children) and _passive_subject(verb) is None
            if not (reported(verb, found, quoted) if gerund else _proposition(verb, found, quoted)):
                dropped |= found
                found = set()  # "denied the allegations", "proposed dropping the tax": what the act is about
        elif frame == "naming":
            found = _naming(verb, particle, quoted)
            if not reported(verb, found, quoted, naming=True):
                dropped |= found
                found = set()  # "called the plan a disaster": the writer's account of a judgement, no words reported
        elif frame == "state":
            found = _state(verb)
        elif frame.startswith("prep:"):
            found = set() if _sets_topic(verb) else prep_object(particle if particle is not None else verb, frame[5:])
            if found and entry.kind == "speech" and asks_act(found, verb.doc) and not words_quoted(verb, found, quoted):
                dropped |= found
                asked |= found
                found = set()  # "called for the United States to step up": an appeal, no words (unless quoted)
            elif _object_does(verb, found):
                found |= set().union(*(subtree(c) for c in verb.children if c.dep_ == "dobj"))  # "Cruz of associating"
            elif not reported(verb, found, quoted) or ("question" not in entry.frames and _wh_topic(verb, found, quoted)):
                dropped |= found
                found = set()  # "spoke of the legacy of racism", "called for big tax hikes", "talked about which ones ...": a topic
        else:
            found = set()
        if found:
            return [found]
    return []


def _sets_topic(verb: Token) -> bool:
    """"Speaking about calls for Assad to go, he said ...": a participle before another report that names its topic.

    After the report it glosses what was said ("said the party should
    unite, referring to the convention") and is a quote of its own.
    """
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < head.i and head.lemma_.lower() in cue_table()


def _as_reported(verb: Token) -> set[int]:
    """"As the minister said on Monday, the plan is dead", "The plan is dead, as Berg has pointed out": a cue in a
    clause opened by "as", with a subject of its own and nothing it reports itself, vouches for the clause it hangs on;
    that clause (without the "as" clause) is what was said.

    Not when the "as" clause tells when ("as he was speaking": a participle), is passive ("as the results were
    announced"), has an object or complement ("as she announced her bid", "as he told them the news"; the one spoken
    to is no such object: "as he told reporters"), is not set off by a comma or dash ("protesters shouted as he
    testified"), hangs on another cue or on no main clause, tells of two past events ("As Freddy joked with a friend,
    his brother grew impatient": when, perhaps), introduces a quotation after a colon, or comments on a clause that
    holds another report ("solidify her argument that ..., as her rival suggested").
    """
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or verb.head.i == verb.i:
        return set()
    if not any(m.dep_ == "mark" and m.lower_ == "as" and m.i < verb.i for m in verb.children):
        return set()
    if not any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return set()
    if any(c.dep_ in ("nsubjpass", "auxpass") or (c.dep_ == "aux" and c.tag_ == "VBG") for c in verb.children):
        return set()
    if any(c.dep_ in _OWN_COMPLEMENTS + ("dative",) and not _addressee(verb, c) for c in verb.children):
        return set()
    host = verb.head
    if host.dep_ != "ROOT" or host.pos_ not in ("VERB", "AUX") or host.lemma_.lower() in cue_table():
        return set()
    # two past events ("As Freddy joked with a friend, his brother grew impatient") may tell when: a present or future
    # on either side ("As the minister said, the plan is dead", "as Berg has noted") makes the report sure
    if not (_present_or_modal(verb) or _present_or_modal(host)):
        return set()
    if not any(t.tag_ in _FINITE for t in [host, *(c for c in host.children if c.dep_ == "aux")]):
        return set()
    own = subtree(verb)
    doc = verb.doc
    # set off by a comma or dash: "protesters shouted as he testified" tells when
    if verb.i > host.i:
        if min(own) == 0 or doc[min(own) - 1].text not in _AS_SET_OFF:
            return set()
    elif max(own) + 1 >= len(doc) or doc[max(own) + 1].text not in _AS_SET_OFF:
        return set()
    if max(own) + 1 < len(doc) and doc[max(own) + 1].text == ":":
        return set()  # "..., as the website notes: “...”": the cue introduces the quotation after it
    clause = subtree(host) - own
    if verb.i > host.i:
        # the "as" clause closes its clause ("the fact that the race is tied, as Cruz said, magnifies ..." is no report)
        if any(not doc[i].is_punct for i in clause if i > max(own)):
            return set()
        content = {i for i in clause if i < min(own)}
    else:
        # the "as" clause opens its clause, before the subject; a connective before it ("But as Berg noted, ...") is
        # the writer's; what was said runs to the sentence's end ("..., it was the stage itself": a clause the parser
        # did not hang on the first)
        if any(c.dep_ in SUBJECTS + ("nsubjpass", "expl") and c.i < min(own) for c in host.children):
            return set()
        content = set(range(max(own) + 1, max(verb.sent.end, max(clause) + 1)))
    # a report inside the clause ("solidify her argument that ..., as her rival suggested") may be what the "as"
    # clause comments on: no quote
    if any(_reports(doc[i]) for i in content):
        return set()
    # the comma or dash that set the "as" clause off, and the sentence's closing mark, are no part of it
    while content and (doc[min(content)].is_punct or doc[min(content)].is_space):
        content.discard(min(content))
    while content and (doc[max(content)].is_punct or doc[max(content)].is_space):
        content.discard(max(content))
    return content


_AS_SET_OFF = (",", "—", "–", "--")


def _present_or_modal(verb: Token) -> bool:
    """Is the verb, or an auxiliary of it, in the present tense or a modal ("says", "has noted", "will")?"""
    return any(t.tag_ in ("VBZ", "VBP", "MD") for t in [verb, *(c for c in verb.children if c.dep_ == "aux")])


def _reports(tok: Token) -> bool:
    """A verb or noun of speech ("said", "her argument")."""
    if tok.pos_ in ("VERB", "AUX"):
        entry = cue_table().get(tok.lemma_.lower())
    elif tok.pos_ == "NOUN":
        entry = noun_cue_table().get(tok.lemma_.lower())
    else:
        return False
    return entry is not None and entry.kind == "speech"


def _subordinated(clause: Token) -> bool:
    """A clause opened by a subordinating conjunction other than "that" ("after", "when", "because", "if")."""
    return any(m.dep_ == "mark" and m.lower_ != "that" and m.i < clause.i for m in clause.children)


def _clauses(verb: Token, particle: Token | None = None) -> list[set[int]]:
    """The clausal complements, one set each ("said A, ... and B" has two).

    The second word of a phrase that the parser takes for a complement ("made
    it clear that ...") is not a clause: the clauses hung on it are.
    """
    aside = misparsed_aside(verb)  # "Paul Ryan, asked about it, said ...": the aside reports nothing
    clauses = [
        c for c in verb.children
        if c.dep_ == "ccomp" and not c.is_punct and c != particle and c != aside and not _semicolon_between(c, verb)
    ]
    clauses = [c for k, c in enumerate(clauses) if k == 0 or not _coordinated_report(c, clauses[k - 1])]
    clauses = [c for c in clauses if not (c.i < verb.i and _own_complement(verb, c))]
    # a clause before its cue opened by a subordinator ("But after Grayson decided to run, he told her ..."): the
    # parser's misreading of an adverbial clause, no report (session fifteen's review)
    clauses = [c for c in clauses if not (c.i < verb.i and _subordinated(c))]
    clauses = [c for k, c in enumerate(clauses) if k == 0 or not _summing_noun(c)]
    parts = [subtree(c) - _closing_source(verb, subtree(c)) - _relative_before(verb, c) for c in clauses]
    if particle is not None and particle.dep_ in _COMPLEMENT_PARTICLES:
        parts += [subtree(c) for c in particle.children if c.i > particle.i and c.dep_ in ("ccomp", "advcl")]
        parts.sort(key=min)
    if parts:
        first = min(parts[0])
        for c in verb.children:
            # "says no matter what Obama does, “...”": a clause between cue and content belongs to it
            if verb.i < c.i < first and c.dep_ in ("advcl", "advmod") and len(subtree(c)) > 2:
                parts[0] |= subtree(c)
        last = max(parts[-1])
        for c in verb.children:
            # "said it did not count them because ...": a reason the parser hangs on the cue is part of what was said
            if c.i > last and c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in c.children):
                parts[-1] |= subtree(c)
    return parts


_REASON_MARKS = ("because", "although", "though", "unless")


def _coordinated_report(clause: Token, before: Token) -> bool:
    """"Most voters said they were worried, and 4 in 10 said Trump would be best": a second report with its own cue
    and subject, joined to the first report's clause by "and" or "but", which the parser hangs on the first cue as a
    second complement. It is no clause of what the first speaker said: its cue makes a quote of its own. (A report
    inside what was said stays content: "said Smith told him that ...", "said A and that Smith said B".)"""
    if clause.lemma_.lower() not in cue_table() or clause.pos_ not in ("VERB", "AUX") or before.i < clause.head.i:
        return False  # "A, and surveys showed B, the group said": a cue after both reports both
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS and c.i < clause.i), None)
    if subject is None or any(c.dep_ == "mark" for c in clause.children):
        return False  # "said the plan was sound and that officials said ...": his second that-clause
    start = min(t.i for t in clause.subtree)
    last = max(t.i for t in before.subtree if not (t.is_punct or t.dep_ == "cc"))
    return any(clause.doc[i].dep_ == "cc" for i in range(last + 1, start))


def _relative_before(verb: Token, clause: Token) -> set[int]:
    """"a charity that prosecutors said was suspected of ...": the relative word before the cue, which the parser makes
    the subject of the reported clause, stands for the noun it follows; it is no word of what was said (and a content
    from it would hold the cue and its speaker)."""
    if clause.i < verb.i:
        return set()
    return {c.i for c in clause.children if c.i < verb.i and c.dep_ in SUBJECTS and (c.tag_ in ("WDT", "WP") or c.lower_ in ("that", "which", "who"))}


def _summing_noun(clause: Token) -> bool:
    """"Prosecutors say he laundered money, a claim his lawyers reject": a noun of speech set off by a comma after
    the reported clause, which the parser may hang on the cue as a second complement, is the writer's name for what
    was said, not a second thing said."""
    entry = noun_cue_table().get(clause.lemma_.lower())
    first = min(i for i in subtree(clause) if not clause.doc[i].is_punct)
    return (clause.pos_ == "NOUN" and entry is not None and entry.kind == "speech" and first > 0
            and clause.doc[first - 1].text == ",")


def _own_complement(verb: Token, clause: Token) -> bool:
    """"Chile accused Peru of X, a charge Lima denied", "EU slaps tariffs on steel, Beijing vows to retaliate": a
    cue with an object of its own between the clause before it and the cue, or an infinitive after it, says
    something else; the clause before it is the writer's (or another's), not its content ("X, he told reporters":
    an addressee after the cue is no such object)."""
    return any(
        (c.dep_ == "dobj" and max(subtree(clause)) < c.i < verb.i)
        or (c.dep_ == "xcomp" and c.i > verb.i and _infinitive_clause(c))
        for c in verb.children
    )


def _semicolon_between(clause: Token, verb: Token) -> bool:
    """"Navy seizes arms boat off coast; six charged": a clause the parser hangs before a cue across a semicolon is a
    clause of its own, not what the cue's subject said (a report after its content is set off by a comma or a dash)."""
    if clause.i > verb.i:
        return False
    last = max(t.i for t in clause.subtree if not t.is_punct)
    return any(verb.doc[i].text == ";" for i in range(last + 1, verb.i))


def _question(verb: Token) -> set[int]:
    """An indirect question after the cue ("asked whether ...", "wondered if ..."), which the
    parser often hangs on the cue as an adverbial clause."""
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children):
            return subtree(c)
    return set()


def _stranded_clause(verb: Token) -> set[int]:
    """A reported clause the parser did not hang on its cue.

    "Minassian said ending fund-raising ... could gut programs", "Sanders said
    following a vote in 2001 that he had ...": the rest of the sentence after
    a cue with a subject and nothing else after it, when it holds a finite
    verb: from its "that", if it has one, else all of it unless it opens with
    a preposition, an adverb or a conjunction ("said of Apple", "said as he
    left", "responded by pointing"). A cue with an adjective of its own
    ("pleaded guilty to lying to investigators while he was serving ...")
    makes a plea, not a report: nothing after it is stranded content.
    """
    doc, sent = verb.doc, verb.sent
    if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "attr", "oprd", "acomp") and c.i > verb.i and c.tag_ != "VBG" for c in verb.children):
        return set()
    if not any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return set()
    after = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    that = next((t for t in after if t.dep_ == "mark" and t.lower_ == "that" and t.head.tag_ in _FINITE), None)
    if that is not None:
        if _noun_report(that.head):
            return set()  # "pleaded not guilty to charges that he took bribes": the charge's content, its accuser's
        return {t.i for t in after if t.i >= that.i}
    # "he wrote last October after the Times published a story": a clause the parser hung on the cue as an adverbial,
    # opened by its own subordinator, says when or why it was said, not what
    adverbial = set().union(*(subtree(c) for c in verb.children if c.i > verb.i and c.dep_ == "advcl" and _subordinated(c)))
    if after and after[0].pos_ not in _NOT_A_CLAUSE_START and any(
            t.tag_ in _FINITE and t.i not in adverbial and not _coordinated_with(t, verb) for t in after):
        return {t.i for t in after}
    return set()


def _subordinated(clause: Token) -> bool:
    """Does a clause open with a subordinator of its own ("after", "when", "because"; not "that")?"""
    return any(m.dep_ == "mark" and m.lower_ != "that" and m.i < clause.i for m in clause.children)


def _noun_report(clause: Token) -> bool:
    """Is the clause the content of a noun that reports speech ("charges that he took bribes", "the claim that ...")?
    It is what the noun's source said (`nouns.py` finds it), never what a cue around the noun reports."""
    noun = clause.head
    return clause.dep_ in ("acl", "ccomp", "relcl") and noun.pos_ == "NOUN" and (
        (entry := noun_cue_table().get(noun.lemma_.lower())) is not None and entry.kind == "speech")


def _coordinated_with(tok: Token, verb: Token) -> bool:
    """Is tok a predicate coordinated with the cue ("proposes doing away with the mandate ..., and plans to reduce
    ...": the same subject's second act), or inside one? Its finite verb is no clause of what the cue reports."""
    while tok.head != verb and tok.head != tok:
        tok = tok.head
    return tok.head == verb and tok.dep_ == "conj"


def _that_conjuncts(verb: Token, parts: list[set[int]]) -> list[set[int]]:
    """"said the plan was sound, but that it needed money": a second that-clause the parser made a conjunct of the cue."""
    last = max(max(p) for p in parts)
    return [
        subtree(c) for c in verb.children
        if c.dep_ == "conj" and c.i > last and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and any(s.dep_ in SUBJECTS for s in c.children)
    ]


def _misattached_that_clause(verb: Token) -> set[int]:
    """"told the audience at his fundraiser for veterans that he had ...": a that-clause the parser hung on a noun.

    A relative clause with a subject whose "that" is a conjunction (not its
    subject or object), inside the object or a prepositional phrase after
    the cue, is the reported clause. So is one whose opening "that" the parser
    made the clause's adverb or object although the clause lacks nothing
    ("said at the time that nobody was hurt", "said in a letter that the
    emails were found"): the clause has a subject of its own, and either
    "that" is an adverb (a clause of "the time that ..." has no gap) or the
    clause is passive or already has its complement, so "that" fills no
    slot of it ("the rally that the union organised" keeps its gap: no quote).
    """
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("dobj", "dative", "prep"):
            continue
        for tok in child.subtree:
            if tok.dep_ != "relcl":
                continue
            that = any(m.dep_ == "mark" and m.lower_ == "that" and m.i < tok.i for m in tok.children)
            if that and any(c.dep_ in SUBJECTS for c in tok.children):
                return subtree(tok)
            # the cue has no object of its own but the one spoken to ("said goodbye at the moment that ...": a time)
            if _gapless_that_clause(tok) and not any(c.dep_ == "dobj" and not _addressee(verb, c) for c in verb.children):
                return subtree(tok)
    return set()


def _gapless_that_clause(clause: Token) -> bool:
    """A relative clause opened by "that" that "that" fills no slot of: "that" its adverb or object, its own subject
    (active or passive) after "that", and, unless "that" is an adverb, a passive subject or a complement of its own."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ != "that" or first.head != clause or first.dep_ not in ("advmod", "dobj"):
        return False
    if not any(c.dep_ in SUBJECTS + ("nsubjpass",) and c.i > first.i for c in clause.children):
        return False
    if first.dep_ == "advmod":
        return True
    return any(c.dep_ == "nsubjpass" or (c.dep_ in _OWN_COMPLEMENTS and c != first) for c in clause.children)


_OWN_COMPLEMENTS = ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd")


_FINITE = ("VBD", "VBZ", "VBP", "MD")
_NOT_A_CLAUSE_START = ("ADP", "ADV", "SCONJ", "CCONJ", "PART", "INTJ")


def _inserted_into(verb: Token) -> set[int]:
    return subtree(verb.head) - subtree(verb) if _inserted(verb) else set()


def _inserted(verb: Token) -> bool:
    """"The economy, he said, is strong" / "It is over, he said": a cue set into its content.

    The parser hangs such a cue on the content's verb; it has a subject and
    nothing else to report, and a comma or dash sets it off.
    """
    if verb.dep_ not in ("parataxis", "ccomp") or verb.head.i == verb.i:
        return False
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and not _addressee(verb, c) for c in verb.children):
        return False
    left = verb.left_edge
    if left.text in _SET_OFF:
        return True
    return left.i > 0 and verb.doc[left.i - 1].text in _SET_OFF


_SET_OFF = (",", "—", "–", "--", '"', "”", "’")


def _addressee(verb: Token, obj: Token) -> bool:
    """"The solution, the partner told them, was simple": the object of a verb that takes the one spoken to
    (`data/addressee_verbs.txt`: tell, assure, remind ...) is who heard it, a noun phrase, not something reported.
    Only in a clause of the writer's own words: with a quotation in it, the passage rules attribute the quotation."""
    return (
        obj.dep_ == "dobj" and verb.lemma_.lower() in addressee_verbs()
        # a person or body told ("told them", "told Reuters", "assured reporters"), not a thing ("tell a story")
        and (obj.pos_ == "PRON" or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or agent_row(obj) is not None)
        and not any(t.pos_ in ("VERB", "AUX") for t in obj.subtree)
        # not in a clause with a quotation ("he warned, “...,” Trump told NBC"): the quotation is what was told
        and not _quotation_in(verb.head)
    )


def _quotation_in(head: Token) -> bool:
    """Is there a quotation mark among the words of the clause (not a mark the parser hung after its last word)?"""
    last = max((t.i for t in head.subtree if not (t.is_punct or t.is_space)), default=head.i)
    return any(t.is_quote and t.i < last for t in head.subtree)


def _infinitive(verb: Token) -> set[int]:
    objects = [o for o in verb.children if o.dep_ in ("dobj", "dative")]
    for c in verb.children:
        # "encouraging his supporters at a rally to ask ...": after an object the parser may make it an adverbial
        infinitival = c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(o.i < c.i for o in objects))
        if infinitival and is_infinitive(c):
            out = subtree(c)
            for o in verb.children:
                if o.dep_ in ("dobj", "dative") and o.i < c.i:
                    out |= subtree(o)  # "urged Congress to act"
            return out
    return set()


# How a verb inside a cue's object heads a clause of its own: "blamed rebels for carrying out ...", "proposed barring ...".
_CLAUSE_DEPS = ("xcomp", "pcomp", "ccomp", "advcl")


def _proposition(verb: Token, tokens: set[int], quoted: frozenset[int]) -> bool:
    """Does an object the cue takes report something said: a quotation, or a clause in it?

    "He denied the reports", "criticised the United States", "blamed each
    other for the failure": a noun phrase is what the act is about, and the
    events stage records the act. "denied “any wrongdoing”", "denied reports
    that he was ill", "blamed rebels for carrying out the attack" report what
    was said: words in quotation marks, a verb with its own subject (not a
    relative clause's or a participle's, `_in_modifier`), or a verb heading a complement clause ("the decision to raise taxes" is no
    clause of that kind: a noun's infinitive). A clause under a noun of the object is the
    noun's ("discussed a plan on how to end the strike", "the question of whether to
    ...") unless it is the noun's own content clause ("reports that she had resigned").
    """
    doc = verb.doc
    # "requested anonymity to speak freely": an infinitive of the cue with no subject of its own is the speaker's
    # purpose in asking, not what was said ("found it to be a deterrent" says what the object is: it counts)
    purpose = set().union(*(
        subtree(c) for c in verb.children
        if c.dep_ in ("xcomp", "advcl") and c.i in tokens and _infinitive_clause(c) and c.lemma_ != "be"
        and not any(s.dep_ in SUBJECTS for s in c.children)
    ))
    for i in tokens:
        if i in quoted and _quoted_words(doc[i], verb, quoted):
            return True
        tok = doc[i]
        if tok.pos_ not in ("VERB", "AUX") or i == verb.i or i in purpose or _in_modifier(tok, verb):
            continue
        if _topic_of(tok, verb) and (_wh_clause(tok) or _infinitive_clause(tok)):
            continue  # "a plan on how to end the strike", "the question of whether to ...": the noun's, not the cue's
        if any(c.dep_ in SUBJECTS + ("nsubjpass",) for c in tok.children) and not _infinitive_clause(tok):
            return True  # "reports that she had resigned"; not "the plan that he proposed", nor "her calls for X to act"
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ == "VERB":
            return True
    return False


def reported(head: Token, tokens: set[int], quoted: frozenset[int], naming: bool = False) -> bool:
    """Does a cue's object or topic report what was said: a quotation, or a clause with a subject of its own?

    The object of "called ... a disaster", "described ... as", "spoke of",
    "talked about", "called for", "warned against", or a gerund ("proposed
    dropping the tax", "called for taxing the rich"), is what the act or the
    talk was about: a reader takes a quote for words said, and none are given.
    A quotation in it ("called the plan “a disaster”"), or a clause with its
    own subject ("asked about whether he would run") is what was said (a
    to-infinitive with its own subject, "called for the United States to step
    up", is an act asked for: the callers check it with `asks_act`). `head`: the cue (or reporting noun).

    A quotation that only modifies a noun of the object or topic is a name or
    term the writer uses ("showed support for Clinton's “public option”",
    "promised lower taxes and “jobs, jobs, jobs”", `_quoted_words`); with
    `naming`, any quotation counts (the parser often hangs the name given
    inside the object's phrase: "called the use of orders “dangerous”").
    """
    doc = head.doc
    for i in tokens:
        if i in quoted and (naming or _quoted_words(doc[i], head, quoted)):
            return True
        tok = doc[i]
        if tok.pos_ not in ("VERB", "AUX") or i == head.i or _in_modifier(tok, head):
            continue
        if _topic_of(tok, head):
            continue  # "the question of whether he ...": a noun's clause
        if any(c.dep_ in SUBJECTS + ("nsubjpass",) for c in tok.children):
            return True
    return False


def _quoted_words(tok: Token, head: Token, quoted: frozenset[int]) -> bool:
    """Is the quoted token tok (part of) the object or topic itself, not a modifier of one of its nouns?

    "denied “any wrongdoing”", "blamed rebels for “carrying out the attack”":
    the quotation is what was said. "showing support for Clinton's “public
    option”", "promising lower taxes and “jobs, jobs, jobs”", "her support of
    the raid ... during a “Commander-in-Chief Forum”": an unquoted noun stands
    between the quotation and the cue; the quotation names or labels a part of
    what the act is about, the speaker's words are not given.
    """
    if _words_said(tok, quoted):
        return True  # "a desire to “try, convict and shoot ...”", "regret for “my inability to ...”"
    if tok.dep_ == "amod" and tok.head.i not in quoted and _object_head(tok.head, head):
        return True  # "condemned the “cowardly, criminal” bombings": the speaker's word for what the act is about
    above = tok.head
    while above != head and above.head != above:
        if above.i not in quoted and above.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return False
        above = above.head
    return True


def _words_said(tok: Token, quoted: frozenset[int]) -> bool:
    """Does the quotation around tok hold a verb or a first- or second-person pronoun: a predicate or the speaker's
    own voice ("“my inability to reduce the polarization”"), never a name, title or term ("“public option”",
    "“Peace Through Strength”")?"""
    doc = tok.doc
    start = end = tok.i
    while start - 1 in quoted:
        start -= 1
    while end + 1 in quoted:
        end += 1
    return any(t.pos_ in ("VERB", "AUX") or t.lower_ in _SPEAKER_PRONOUNS for t in doc[start : end + 1])


_SPEAKER_PRONOUNS = speaker_pronouns()  # i, me, my, mine, we, us, our, ours, you, your, yours


def _object_head(noun: Token, head: Token) -> bool:
    """Is noun the head of the cue's object or topic ("condemned the bombings", "warned of delays")?"""
    return noun.head == head or (noun.head.dep_ == "prep" and noun.head.head == head)


def _that_clause(tok: Token) -> bool:
    """"reports that she had resigned", "the principle that “we build where we sell”", parsed as a clause of the noun:
    "that" a conjunction and a subject of its own, the noun's content (as `_misattached_that_clause`)."""
    return any(m.dep_ == "mark" and m.lower_ == "that" and m.i < tok.i for m in tok.children) and any(
        c.dep_ in SUBJECTS + ("nsubjpass",) for c in tok.children
    )


def _wh_topic(verb: Token, tokens: set[int], quoted: frozenset[int]) -> bool:
    """Is a cue's clause or prepositional topic a wh-clause, or a clause whose wh-word stands before the cue?

    "explained why he backs Trump", "talked about which ones he'd like to ...":
    an indirect question names what the talk was about, not what was said
    (only a cue that asks, `question` in data/cues.tsv, reports one: "asked
    whether ..."). "what Trump says his tax plan would do": the cue is in a
    fused relative; its clause has a gap ("do" what) and says nothing.
    A wh-word under a clause of its own inside the content ("said when he
    was young he was poor") opens that clause, not the content; a quotation
    in the clause gives the speaker's words.
    """
    doc = verb.doc
    tops = [doc[i] for i in tokens if doc[i].head.i not in tokens or doc[i].head == doc[i]]
    if len(tops) != 1 or any(i in quoted for i in tokens):  # "talks of how his forces must be ready “to fight tonight”"
        return False
    top = tops[0]
    first = doc[min(tokens)]
    if first.lower_ == "how" and first.head.pos_ in ("ADJ", "ADV"):
        return False  # "told the host how surprised he is that ...": a degree, the clause is what was said
    if first.i > verb.i and (_wh_word(first) or first.lower_ == "whether") and _opens_after(verb, first):
        tok = first
        while tok != top:
            if tok.dep_ in _OWN_CLAUSE_DEPS:
                return False
            tok = tok.head
        return True
    if verb.dep_ == "relcl":
        return False  # "the man who police say shot him": the relative's noun is the subject
    if any(_wh_word(c) and c.dep_ == "dobj" and c.i < verb.i for c in verb.children):
        return True  # "what Berg says the toll would raise", parsed with "what" as the cue's object
    # the wh-word the clause's gap stands for, before the cue (the parser may or may not count it in the clause)
    before = [c for c in top.children if c.i < verb.i]
    return any(c.lower_ in _FUSED for c in before)  # not a relative pronoun: "donations, which he said were favors"


# Wh-words that open a fused relative or a question, with no noun they stand for.
_FUSED = ("what", "whatever", "how", "why")


def _opens_after(verb: Token, first: Token) -> bool:
    """Does first follow the cue with only the cue's own objects, adverbs and phrases between ("told the host on
    Thursday how ...")? Else the parser has cut the content short ("said that team no. 225 _ which Ritter heads _
    made ..."): its first word opens no question."""
    doc = verb.doc
    between = set(range(verb.i + 1, first.i))
    own = set().union(*(subtree(c) for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod", "advmod", "prep")))
    return all(i in own or doc[i].is_punct for i in between)


def _wh_word(tok: Token) -> bool:
    return tok.tag_ in ("WRB", "WP", "WDT", "WP$") and tok.lower_ != "that"  # "that" is tagged WDT as a relative too


# Clauses of their own inside a content: a wh-word under them does not make the content a question.
_OWN_CLAUSE_DEPS = ("advcl", "relcl", "acl", "csubj", "parataxis", "conj")


def _in_modifier(tok: Token, head: Token) -> bool:
    """Is tok in a relative clause or participle of a noun below the cue ("delays to the bridge, which they said would
    last", "cited comments Trump had made about Machado after she gained weight", "endorses Trump, who says he is
    honored")? Such a clause tells of the noun, not what the cue reports; a that-clause of the noun is its content
    (`_that_clause`)."""
    while tok != head and tok.head != tok:
        if tok.dep_ in ("relcl", "acl", "amod") and not _that_clause(tok):
            return True
        tok = tok.head
    return False


def _directive(verb: Token, particle: Token | None) -> bool:
    """"urged Congress to act", "called on people to protest", "asked the crowd to welcome him": the cue asks someone
    (its object) to do something: an appeal, not a report of what was said."""
    if particle is not None and particle.dep_ == "prep":
        return any(o.dep_ == "pobj" for o in particle.children)
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _passive(verb: Token) -> bool:
    """"was asked to respond", "Asked to name one achievement, he ...", "a man told to leave": a passive cue whose
    infinitive is what its subject, the one addressed, was asked to do (its asker is not the subject)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in SUBJECTS for c in verb.children)


def asks_act(tokens: set[int], doc: Doc) -> bool:
    """Is the content a to-infinitive with a subject of its own ("for the United States to step up", "the agency to
    review its files", parsed as a clause): an act asked of someone, not a proposition said?"""
    tops = [doc[i] for i in tokens if doc[i].head.i not in tokens or doc[i].head == doc[i]]
    if len(tops) != 1:
        return False
    top = tops[0]
    return (
        top.pos_ in ("VERB", "AUX")
        and is_infinitive(top)
        and any(c.dep_ in SUBJECTS for c in top.children)
        and not any(c.dep_ == "mark" and c.lower_ != "for" for c in top.children)
        # "says Trump's call to ban Muslims ... and his statements bear the blame": a finite verb joined to it makes
        # the whole a clause the parser cut wrongly
        and not any(c.dep_ == "conj" and c.tag_ in _FINITE for c in top.children)
    )


def words_quoted(head: Token, tokens: set[int], quoted: frozenset[int]) -> bool:
    """Does a quotation in the content give the speaker's words (a verb or "I/we/you" in it, not a term that labels one
    of its nouns, `_quoted_words`)? An appeal so quoted ("called on Muslims to “stand up to those who ...”") reports
    them."""
    doc = head.doc
    return any(i in quoted and _quoted_words(doc[i], head, quoted) for i in tokens)


def _object_does(verb: Token, tokens: set[int]) -> bool:
    """"accused Cruz of associating with Oswald": a gerund after the cue's object says what the object did (its
    subject is the object), a claim about it, not a topic."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    doc = verb.doc
    return any(doc[i].tag_ == "VBG" and doc[i].dep_ == "pcomp" and doc[i].head.head == verb for i in tokens)


def _noun_above(tok: Token, verb: Token) -> Token | None:
    """The nearest noun between a verb in a cue's object and the cue, if any: what that verb's clause modifies."""
    head = tok.head
    while head != verb and head.head != head:
        if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return head
        if head.pos_ in ("VERB", "AUX"):
            return None  # a clause inside a clause: the first verb above decides for it
        head = head.head
    return None


# Prepositions that join a topic to a noun: "a plan on how to ...", "the question of whether to ...".
# Not "differences in how best to spur growth", which PolNeAR counts as the positions reported.
_TOPIC_PREPOSITIONS = ("on", "of", "about", "over", "regarding", "concerning")


def _topic_of(tok: Token, verb: Token) -> bool:
    """Does the clause headed by tok hang from a noun of the cue's object, directly or by a topic preposition?"""
    noun = _noun_above(tok, verb)
    if noun is None:
        return False
    link = tok.head if tok.head != noun else None
    return link is None or (link.head == noun and link.lower_ in _TOPIC_PREPOSITIONS)


def _infinitive_clause(tok: Token) -> bool:
    return is_infinitive(tok)


def _wh_clause(tok: Token) -> bool:
    """"how to end the strike", "whether to raise taxes": a question, which a noun can hold but never reports."""
    return any(c.tag_ in ("WRB", "WP", "WDT") or c.lower_ in ("whether", "if") for c in tok.children if c.i < tok.i)


# Prepositions that give the state a finding shows its object in: "showed Clinton with a lead", "Rubio in third at 11 percent".
_STATE_PREPOSITIONS = ("with", "at", "in", "ahead", "behind")


@cache
def _findings() -> frozenset[str]:
    return frozenset(load_list("source_documents.txt")) | frozenset(load_list("finding_nouns.txt"))


def _state(verb: Token) -> set[int]:
    """What a finding shows: an object with the state it is shown in, a small clause ("polls show Clinton with a
    double-digit lead", "the poll showed Mr. Trump losing supporters", "showed Rubio in third at 11 percent").

    The object alone ("showed a video") is no state, and a date or time is when, not what; the subject is a record or
    a result (`data/source_documents.txt`, `data/finding_nouns.txt`: a poll, records, emails).
    """
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if obj is None or subject is None or subject.lemma_.lower() not in _findings():
        return set()  # "he showed a video at the rally": a person showing a thing
    states = [
        c for c in verb.children
        if c.i > obj.i and c.dep_ == "prep" and c.lower_ in _STATE_PREPOSITIONS
        and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
    ]
    participles = [c for c in obj.children if c.tag_ == "VBG" and c.dep_ in ("acl", "amod")]
    if not states and not participles:
        return set()
    # the figures go on in a participle set off after the state: "showed Rubio in third at 11 percent, followed by
    # Kasich at 10 percent", "showed Clinton with a lead, earning 51 percent" (not a clause with its own subject)
    more = [
        c for c in verb.children
        if c.i > obj.i and c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and _after_comma(c.left_edge)
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
        and any(t.like_num or t.ent_type_ in ("PERCENT", "CARDINAL") for t in c.subtree)
    ]  # with a figure of its own: "..., prompting her rivals to attack her record" is the writer's comment
    return subtree(obj).union(*(subtree(c) for c in states + more))


def _passive_subject(verb: Token) -> Token | None:
    """What a passive cue reports on: "Sanders has been criticized for ...", "the deal was announced".

    Not a relative or empty pronoun ("which was announced", "it was reported"):
    those stand for something else.
    """
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ in _EMPTY_SUBJECTS:
        return None
    return subject


_EMPTY_SUBJECTS = ("it", "this", "that", "there")


def _object(verb: Token) -> set[int]:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None and (subject := _passive_subject(verb)) is not None:
        out = subtree(subject)
        for c in verb.children:
            if c.i > verb.i and c.dep_ in _OBJECT_COMPLEMENTS and not _after_comma(c) and not _circumstance(c) and c.lower_ != "by":
                out |= subtree(c)  # "has been criticized for offering vague responses"
        return out
    if obj is None:
        # "proposed barring all foreign Muslims": a gerund as the object
        gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        return subtree(gerund) if gerund is not None else set()
    out = subtree(obj)
    for c in verb.children:
        if c.i > obj.i and c.dep_ in _OBJECT_COMPLEMENTS and not _after_comma(c) and not _circumstance(c):
            out |= subtree(c)  # "blamed rebels for carrying out the attack"
    return out


def _naming(verb: Token, particle: Token | None = None, quoted: frozenset[int] = frozenset()) -> set[int]:
    objects = particle.children if particle is not None and particle.dep_ == "prep" else verb.children
    obj = next((c for c in objects if c.dep_ in ("dobj", "pobj")), None)  # "referring to the US as ..."
    if obj is None and particle is None:
        obj = _passive_subject(verb)  # "the deal was branded a disaster"
    if obj is None and particle is None:
        named = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
        obj = named[0] if len(named) > 1 else None  # "called Trump “unhinged”", parsed as two predicates
    if obj is None:
        # "calling Trump a fascist" comes out as Trump (xcomp) ← fascist (dobj)
        small = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and any(g.dep_ in ("dobj", "attr", "oprd") for g in c.children)), None)
        return subtree(small) if small is not None else set()
    complements = [
        c for c in verb.children if c.i > obj.i and (c.dep_ in _NAMING_COMPLEMENTS or (c.dep_ == "prep" and c.lower_ == "as"))
    ]
    complements += [c for c in obj.children if c.dep_ == "appos"]
    if not complements:
        return _quoted_name(obj, quoted)  # "called him": no name given, unless it is quoted
    return subtree(obj).union(*(subtree(c) for c in complements))


def _quoted_name(obj: Token, quoted: frozenset[int]) -> set[int]:
    """"called the use of executive orders “quite dangerous”": a quotation right after the object is the name given.

    The parser often hangs such a name inside the object's phrase or leaves it
    loose; the object and the quotation (with its marks) are the content.
    """
    doc = obj.doc
    phrase = subtree(obj)
    first = min(phrase)  # "calls her “an extremely intelligent woman”": the parser makes "her" a possessive
    start = next((i for i in range(first + 1, min(max(phrase) + 2, len(doc))) if i in quoted), None)
    if start is None or not doc[start - 1].is_quote or any(i not in phrase for i in range(first + 1, start - 1)):
        return set()
    end = start
    while end + 1 < len(doc) and end + 1 in quoted:
        end += 1
    if end + 1 < len(doc) and doc[end + 1].is_quote:
        end += 1
    return {i for i in phrase if i < start} | set(range(start - 1, end + 1))


def prep_object(head: Token, word: str) -> set[int]:
    if head.lower_ == word and head.dep_ == "mark":
        return subtree(head.head)  # "calling for the United States to step up"
    preps = [head] if head.lower_ == word else [c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == word]
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            return set().union(*(subtree(o) for o in objects))
    return set()


def _circumstance(tok: Token) -> bool:
    """When or where the act happened ("stressed those worries on Sunday at a forum in Beijing"), not what it was about."""
    if tok.dep_ == "advcl":
        # "denies bribery charges as trial opens": a clause of its own (with a subject) opened by a subordinator of
        # time says when, not what ("described the country as beset by crime" names it)
        # a cue of something to happen keeps its condition ("promised tax cuts once the deficit falls")
        return tok.head.lemma_.lower() not in _future_cues() and any(c.dep_ in SUBJECTS for c in tok.children) and any(
            m.dep_ in ("mark", "advmod") and m.i < tok.i and m.lower_ in _time_subordinators() for m in tok.children)
    if tok.dep_ != "prep":
        return False
    if tok.lower_ in _CIRCUMSTANCE_PREPOSITIONS:
        return True
    # "on Sunday", not "blamed it on the rebels"
    return tok.lower_ == "on" and any(o.ent_type_ in ("DATE", "TIME") for o in tok.children if o.dep_ == "pobj")


@cache
def _future_cues() -> frozenset[str]:
    """Cues whose content is something to happen, a time clause its condition (data/future_cues.txt)."""
    return frozenset(load_list("future_cues.txt"))


@cache
def _time_subordinators() -> frozenset[str]:
    """Subordinators that open a clause of when the act happened, never its content (data/time_subordinators.txt)."""
    return frozenset(load_list("time_subordinators.txt"))


@cache
def _share_words() -> frozenset[str]:
    """Words that make speakers a poll's share of people (data/share_words.txt)."""
    return frozenset(load_list("share_words.txt"))


# Prepositions that open a circumstance of the act, never its content.
_CIRCUMSTANCE_PREPOSITIONS = ("in", "at", "during", "after", "before", "since", "until", "amid", "following", "while", "throughout")


def _after_comma(tok: Token) -> bool:
    """A complement set off by a comma is an aside, not part of the content."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == ","


@cache
def _documents() -> frozenset[str]:
    return frozenset(load_list("source_documents.txt"))


# The cue entry of a clause opened by "In a poll, ...": speech, its content the clause, as for "according to".
_IN_DOCUMENT = CueEntry("in", "speech", ("none",))


def _in_document(prep: Token) -> Frame | None:
    """"In a CNN poll released Monday, 50 percent chose Clinton": the poll is the source of the clause.

    The phrase opens its sentence, is set off by a comma, and its object is
    a noun of `data/source_documents.txt`. A clause that holds a verb of
    saying of its own ("In an interview, Trump doubled down and said ...")
    is that verb's report: the phrase only sets it.
    """
    doc = prep.doc
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.dep_ != "prep" or source is None or source.lemma_.lower() not in _documents():
        return None
    phrase = subtree(prep)
    first = min(t.i for t in prep.sent if not (t.is_punct or t.is_space or t.dep_ == "cc"))
    if prep.i != first or max(phrase) + 1 >= len(doc) or doc[max(phrase) + 1].text != ",":
        return None
    head = _clause_of(prep)
    if head.lemma_.lower() in cue_table():
        return None  # "In a statement, the council said ...": the clause is a report of its own
    frame = Frame([prep.i], _IN_DOCUMENT, subject=source)
    frame.content = subtree(head) - phrase
    if any(doc[i].pos_ == "VERB" and _speech_cue(doc[i]) for i in frame.content):
        return None  # "In an interview, Trump doubled down and said ...": the report is the clause's own
    return frame if frame.content else None


def _speech_cue(tok: Token) -> bool:
    entry = cue_table().get(tok.lemma_.lower())
    return entry is not None and entry.kind == "speech"


def _clause_of(tok: Token) -> Token:
    """The head of the clause a phrase hangs on, the first of its conjuncts."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "A, and B, according to X": both
    return head


def _according_to(frame: Frame, to: Token | None) -> None:
    """"According to X, Y" / "Y, according to X": X is the source, Y the content.

    Y is the clause the phrase hangs on, with all its conjuncts; opening or
    closing its sentence, the phrase takes in the report it hangs on too
    ("6 in 10 voters said ..., according to the poll": the poll's).
    """
    if to is None:
        return
    doc, according = to.doc, frame.cue[0]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    frame.subject = source
    head = doc[according].head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    owned = source is not None and any(c.dep_ == "poss" for c in source.children)
    if _reports_with_subject(head) and (owned or _person_speaks(head)):
        # "The mayor said X, according to the city's figures", "“X,” Smith said, according to the newspaper": the
        # report has its own speaker; its content never holds its cue and speaker
        return
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "A, and B, according to X": both
    if _at_edge(doc[according]) and not owned:
        while (head.dep_ in ("ccomp", "conj") and head.head.i != head.i and head.head.lemma_.lower() in cue_table()
               and not (_reports_with_subject(head.head) and _person_speaks(head.head))):
            head = head.head  # "voters said ..., according to the poll": the poll reports what they said
    frame.content = subtree(head) - subtree(doc[according]) - _after_the_source(head, doc[according])


def _person_speaks(cue: Token) -> bool:
    """Is the cue's subject named, or a person's pronoun ("Smith said", "she told")? A named speaker's report is theirs
    whoever passes it on; a share of voters a poll asked ("6 in 10 voters said"), a body's finding ("the watchdog
    has concluded") or a thing that shows ("the picks signal") stays in the content of "according to" the source."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return False
    if subject.tag_ == "PRP":
        return subject.lower_ not in ("it", "they", "we", "you")
    if any(t.like_num or t.lower_ in _share_words() for t in subject.subtree):
        return False  # "seven of 10 Democrats say ...": a poll's share
    return subject.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children)


def _closing_source(verb: Token, tokens: set[int]) -> set[int]:
    """"The mayor said 40 homes were destroyed, according to its count", "He said ..., according to the agency": an
    "according to" phrase closing the clause of a report whose source is owned, or whose speaker is a person, names
    where the report or its figures come from; it is no part of what was said (`_according_to` leaves the report
    to its speaker; "6 in 10 voters said ..., according to the poll" stays the poll's)."""
    doc = verb.doc
    out: set[int] = set()
    if not _reports_with_subject(verb):
        return out
    person = _person_speaks(verb)
    for i in tokens:
        tok = doc[i]
        if tok.lower_ != "according" or tok.dep_ != "prep":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        phrase = subtree(tok)
        if source is None or not phrase <= tokens or not (person or any(c.dep_ == "poss" for c in source.children)):
            continue
        if any(not (doc[j].is_punct or doc[j].is_space) for j in tokens if j > max(phrase)):
            continue  # closing the clause only
        out |= phrase
        j = min(phrase) - 1
        if j in tokens and doc[j].text == ",":
            out.add(j)
    return out


def _reports_with_subject(head: Token) -> bool:
    """Is head a cue of speech with a subject and a reported clause of its own ("the mayor said ...")? ("Walker will
    speak at the convention, according to WKOW", "The group has called for attacks, according to X" report no
    clause: the source's.)"""
    return (_speech_cue(head) and any(c.dep_ in SUBJECTS for c in head.children)
            and any(c.dep_ == "ccomp" for c in head.children))


def _after_the_source(head: Token, according: Token) -> set[int]:
    """"Clinton leads by 271 delegates, according to a count by the agency, but Sanders has vowed to fight on": a
    phrase after what it attributes reaches back, not forward: a conjunct or a clause set off by a comma that the
    clause's head takes after the phrase (", but ...", ", although ...") is the writer's, not the source's; a
    participle after it goes on with the content (", becoming the owner"). Opening the sentence ("According to X, A, but B") the phrase covers all of it."""
    phrase = subtree(according)
    start, end = min(phrase), max(phrase)
    doc = head.doc
    if head.i > start or not any(not (t.is_punct or t.is_space) for t in doc[head.sent.start : start]):
        return set()
    out: set[int] = set()
    for c in head.children:
        if min(subtree(c)) <= end:
            continue
        if c.dep_ == "conj" or (c.dep_ == "advcl" and _subordinated(c) and doc[min(subtree(c)) - 1].text in (",", "—", "–")):
            out |= {i for i in range(end + 1, max(subtree(c)) + 1)} & _from(c)
    return out


def _from(c: Token) -> set[int]:
    """The tokens of c's subtree, with the comma and conjunction right before it."""
    tokens = subtree(c)
    i = min(tokens) - 1
    while i >= 0 and (c.doc[i].is_punct or c.doc[i].dep_ == "cc") and c.doc[i].text not in ("“", '"', "‘", "'"):
        tokens.add(i)
        i -= 1
    return tokens


def _at_edge(according: Token) -> bool:
    """"According to X, ..." opening its sentence, or "..., according to X." closing it."""
    phrase = sorted(subtree(according))
    sent = according.sent
    doc = according.doc
    before = [t for t in doc[sent.start : phrase[0]] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[phrase[-1] + 1 : sent.end] if not (t.is_punct or t.is_space)]
    return not before or not after
