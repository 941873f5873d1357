"""Quotes from reporting frames: each clause a frame reports becomes a direct, mixed or indirect quote."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..document import Document
from ..lexicon import load_list
from ..lexicon.cues import CueEntry, cue_table
from ..text.datelines import CREDIT_TOKENS, DASHES, is_dash
from .frames import Frame, reported
from .lines import Line
from .model import Found, Passage, direct, doc_text, trim

# An aside at the end of a reported clause is cut only when at least this
# many of the clause's words remain. 4 once kept short clauses whole; with the
# clause and object frames as they are now, 1, 2 and 3 are within one match of
# each other on PolNeAR train and 1 is best (+ speaker F1 63.81 at 4, 63.84 at
# 1): what a short clause is said of is still its head ("praised the mayor, who
# ..."). Re-measure with eval/polnear_quotes.py --split train.
ASIDE_KEEPS_WORDS = 1


def _set_off_participle(verb: Token) -> bool:
    """"called on voters to turn out, arguing that the race was close": a participle after a comma, which the parser
    may hang inside the act an appeal asks for, goes on with the appeal's speaker (`_continues` decides)."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def outermost(doc: Doc, frames: list[Frame], quoted: frozenset[int]) -> list[Frame]:
    """Frames whose cue is neither quoted nor inside another frame's content.

    Two frames each inside the other's content ("voters said X, according to
    the poll", the parser hanging "according to" on X) keep the "according
    to": the poll reports what the voters said.

    A cue at the end of another's content that continues it with the same
    speaker ("argue that ..., citing an instance"; "says the goal is to win, but
    conceded that ..."; "said the party was not in
    a crisis, and urged that ...") is a quote of its own: its clause is cut
    from the other's content.

    A clause of another source ending another's content ("said X, and more
    than 4 in 10 said Y"; "accuses X, while Sanders suggests Y") is cut from
    it too, and keeps its own speaker; so is a report with its own subject
    that the parser made the first clause of the next one ("He said A, and
    ..., he said, “B”").
    """
    out = []
    # which frames hold a token in their content (contents only shrink below, so this stays a superset)
    holders: dict[int, list[int]] = {}
    for n, g in enumerate(frames):
        for i in g.content:
            holders.setdefault(i, []).append(n)
    for f in frames:
        if f.verb in quoted:
            continue
        # a cue inside quotation marks is the quote's, not a report around the cue outside them
        outer = [
            g for g in (frames[n] for n in holders.get(f.verb, ()))
            if g is not f and g.verb not in quoted and f.verb in g.content and (g.verb not in f.content or _adjunct(g))
        ]
        cuts = []
        for g in outer:
            if g.appeal and not _set_off_participle(doc[f.verb]):
                break  # "encouraged supporters to ask why ...": what is asked for is not said
            if _continues(doc, f, g):
                cuts.append((g, {t.i for t in doc[f.verb].subtree}, g.subject))
            elif tail := _another_source(doc, f, g):
                cuts.append((g, tail, f.subject))
            elif _leading_report(doc, f, g):
                cuts.append((g, {t.i for t in doc[f.verb].subtree}, f.subject))
            elif tail := _relative_report(doc, f, g, quoted):
                cuts.append((g, tail, f.subject))
            else:
                break
        else:
            for g, tail, subject in cuts:
                g.content -= tail
                g.parts = [part - tail for part in g.parts]
                f.subject = subject
                if (not f.content or doc[f.verb].dep_ == "relcl") and not reported(doc[g.verb], g.content, quoted):
                    # "reported February sales, nearly all reporting gains": with the act cut off, an object is left
                    g.content, g.parts = set(), []
            out.append(f)
    return out


def cut_other_sources(doc: Doc, frames: list[Frame], others: list[Frame]) -> None:
    """Cut from each frame's content a clause of another source's thought ending it.

    "said the talks failed, and the unions believe the port will close",
    "Elian's story is all there is, she said, and she feels people are tired":
    the last clause is a report of a belief (`others`: thought cues, which
    make no quote) with a subject of its own, set off as in `outermost`; it is
    not what the frame's speaker says. Only a belief in a clause with a
    subject of its own counts: "and the group is considering buying air time"
    (no such clause) is an act the speaker reports, as intent cues are.
    """
    for f in others:
        if not f.content or f.subject is None or not _reports_a_clause(doc[f.verb]):
            continue
        for g in frames:
            if f.verb in g.content and g.verb not in f.content and (tail := _another_source(doc, f, g)):
                g.content -= tail
                g.parts = [part - tail for part in g.parts]


def _reports_a_clause(verb) -> bool:
    """Does the cue report a clause with a subject of its own ("believe the port will close")?"""
    return any(c.dep_ == "ccomp" and any(d.dep_ in ("nsubj", "nsubjpass", "expl") for d in c.children) for c in verb.children)


def _leading_report(doc: Doc, f: Frame, g: Frame) -> bool:
    """"He said A, and when asked ..., he said, “B”": a report with its own subject the parser made the first clause of the next.

    Cue f heads a clause of g's before g's cue, has its subject in that
    clause, and g reports another clause after its cue: f's clause is a
    report of its own, not part of what g's speaker says.
    """
    verb = doc[f.verb]
    if not f.content or f.subject is None or verb.dep_ != "ccomp" or verb.head.i != g.verb or f.verb > g.verb:
        return False
    own = {t.i for t in verb.subtree}
    return f.subject.i in own and any(min(part) > g.verb for part in g.parts if part)


_RELATIVE_WORDS = ("which", "who", "whom", "that", "what")


def _relative_report(doc: Doc, f: Frame, g: Frame, quoted: frozenset[int]) -> set[int]:
    """"attacked the loan system, which he called “a cartel”": a relative clause in g's content whose cue has a
    subject of its own and a content of its own is that subject's report about the noun, not part of what g's
    speaker says; the noun it modifies, g's object, is then what g's act is about, no words reported ("attacked the
    loan system"). Returns its tokens (with the comma that sets it off) to cut from g's content, or none: only when
    the clause ends g's content and g reports nothing else. (A relative word as the subject, "the group, which said
    ...", is left as it is: its speaker is the noun.)"""
    verb = doc[f.verb]
    if verb.dep_ != "relcl" or not f.content or f.subject is None or f.subject.lower_ in _RELATIVE_WORDS:
        return set()
    tail = {t.i for t in verb.subtree}
    if f.subject.i not in tail or not tail <= g.content or verb.head.i not in g.content:
        return set()
    relatives = [t for t in verb.subtree if t.i < verb.i and t.lower_ in _RELATIVE_WORDS and t.tag_ in ("WDT", "WP")]
    if not relatives:
        return set()  # "the plan he called “a sham”": no relative word, often a misparse
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in relatives):
        return set()  # "the rules, which she said would hurt farmers": what was said would have no subject
    rest = {i for i in g.content if i > max(tail)}
    if not all(doc[i].is_punct for i in rest):
        return set()  # "said the plan, which he called “a sham”, would fail": the clause is inside what was said
    before = _before(doc, min(tail))
    tail |= rest | ({before.i} if before is not None and before.text == "," else set())
    if reported(doc[g.verb], g.content - tail, quoted):
        return set()  # "said he opposes the system, which he called “a cartel”": g reports a clause of its own
    return tail


def _adjunct(g: Frame) -> bool:
    """"..., according to X": a source phrase hung on a clause, whatever report the clause makes."""
    return g.entry.cue == "according to"


def _continues(doc: Doc, f: Frame, g: Frame) -> bool:
    """Does cue f, inside g's content, go on with what g's speaker says?"""
    verb = doc[f.verb]
    if not (f.content or f.topic) or g.subject is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if not (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        return False
    if (
        f.appeal and verb.dep_ == "conj" and verb.head.i != g.verb and _told_of_oneself(verb.head)
        # in the reported clause's tense, not the cue's: "says he spoke ... and asked him to", but not "said she had
        # lost the race and called on her supporters" nor "said he had no money and urged residents" (the
        # appeal goes with "said": a second act the writer reports, not part of what was said)
        and verb.tag_ == verb.head.tag_ != doc[g.verb].tag_
    ):
        # "says he spoke to Trump and asked him to condemn violence": an appeal joined to a verb of the reported
        # clause whose subject is a person's pronoun is one more thing that person reports doing, part of the
        # content; it makes no quote of its own ("said contractors cost more and urged Congress to act" is cut)
        return False
    left = verb.left_edge.i
    tail = {t.i for t in verb.subtree}
    ends_content = all(i in tail for i in g.content if i > verb.i)
    before = _before(doc, left)
    set_off = before is not None and before.lower_ in (",", "and", "but", "—", "–", ";")
    return ends_content and set_off


# The subjects of a reported clause that tell of a person: "says he spoke to Trump", "said we met the governor".
_PERSON_PRONOUNS = ("he", "she", "i", "we")


def _told_of_oneself(verb: Token) -> bool:
    """Is the subject of the reported clause's verb a person's pronoun ("he spoke ...")?"""
    return any(c.dep_ == "nsubj" and c.lower_ in _PERSON_PRONOUNS for c in verb.children)


def _before(doc: Doc, i: int):
    """The token before token i, past closing quotation marks ("“expanded the party,” claiming ...": the comma)."""
    i -= 1
    while i > 0 and doc[i].is_quote:
        i -= 1
    return doc[i] if i >= 0 else None


# What sets off a clause of another source at the end of a reported one: the word before it, or its own mark.
_SOURCE_SET_OFF = (",", "and", "but", "—", "–", ";")
_CONTRAST_MARKS = ("while", "whereas", "though", "although")


def _another_source(doc: Doc, f: Frame, g: Frame) -> set[int]:
    """The clause of cue f, inside g's content, if it is another report with a subject of its own.

    The clause is a conjunct or an adverbial clause with its own subject
    that holds f's cue and its speaker, runs to the end of g's content, and
    is set off by a comma, "and", "but" or a dash, or opens with a word of
    contrast ("while", "though"). Returns the tokens to cut (with the word
    that sets it off), or none.
    """
    if not (f.content or f.topic) or f.subject is None:
        return set()
    tok = doc[f.verb]
    while not (tok.dep_ in ("conj", "advcl") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):
        if tok.head.i == tok.i or tok.head.i not in g.content:
            return set()
        tok = tok.head
    tail = {t.i for t in tok.subtree}
    if f.subject.i not in tail or not all(i in tail for i in g.content if i > tok.i):
        return set()
    left = min(tail)
    before = _before(doc, left)
    if before is not None and before.lower_ in _SOURCE_SET_OFF:
        return tail | set(range(before.i, left))
    if doc[left].dep_ == "mark" and doc[left].lower_ in _CONTRAST_MARKS:
        return tail
    return set()


def _content_words(doc: Doc, frame: Frame, part: set[int]) -> set[int]:
    """The content tokens that carry meaning: no punctuation, no "that" before the clause."""
    return {
        i
        for i in part
        if i not in frame.cue and not _no_word(doc[i]) and not (doc[i].dep_ == "mark" and doc[i].lower_ == "that")
    }


# Signs the tokenizer calls punctuation that are part of a figure: "profit fell 20%" ends with its "%".
_FIGURE_SIGNS = frozenset(("%",))


def _no_word(tok) -> bool:
    """Punctuation or space: no word of a content (a figure's "%" is one)."""
    return tok.is_space or (tok.is_punct and tok.text not in _FIGURE_SIGNS)


def from_frame(doc: Doc, frame: Frame, passages: list[Passage]) -> list[Found]:
    return [q for part in frame.parts or [frame.content] for q in _from_part(doc, frame, part, passages)]


def _from_part(doc: Doc, frame: Frame, part: set[int], passages: list[Passage]) -> list[Found]:
    """The quote one clause of a frame's content makes."""
    words = _content_words(doc, frame, part)
    if not words:
        return []
    inside = [p for p in _passages_with(doc, passages, words) if not p.used]
    outside = words - set().union(*(p.tokens for p in inside)) if inside else words
    for p in inside:
        p.used = True
    if inside and (not outside or (_quoted_clause(doc, part, inside) and not _goes_on(frame, outside, inside))):
        return [direct(doc, p, frame) for p in inside]
    # the words, the "that" before them and, for a quoted part, its quotation marks; not the
    # sentence's final stop or a comma after the content ("..., according to officials")
    tokens = {i for i in part - set(frame.cue) if not _no_word(doc[i])}
    if max(tokens) + 1 in part and doc[max(tokens) + 1].text in ("?", "!"):
        tokens.add(max(tokens) + 1)  # a question stays a question
    aside = _aside_at_end(doc, tokens)
    tokens -= aside
    # a quotation inside the writer's aside ("..., which he called “a cartel”") stays out with it
    kept = [p for p in inside if not (p.words <= aside and _reports_of_its_own(doc, aside))]
    for p in kept:
        tokens |= set(range(max(p.first - 1, 0), min(p.last + 2, len(doc))))  # with the marks
    tokens |= _after_colon(doc, tokens, frame)
    tokens = _past_dateline(doc, tokens)
    tokens = _past_connective(doc, tokens, frame)
    start, end = _extent(doc, tokens, frame)
    found = Found("mixed" if kept else "indirect", start, end, frame, frame.subject, last_token=max(tokens))
    return [found] if end > start else []


def _passages_with(doc: Doc, passages: list[Passage], words: set[int]) -> list[Passage]:
    """The passages holding any of the words, in the order of `passages` (indexed by word once per doc and list)."""
    by_word = Document.of(doc).index(passages, _by_word)
    return [passages[n] for n in sorted({n for i in words for n in by_word.get(i, ())})]


def _by_word(context: Document, passages: list[Passage]) -> dict[int, list[int]]:
    by_word: dict[int, list[int]] = {}
    for n, p in enumerate(passages):
        for i in p.words:
            by_word.setdefault(i, []).append(n)
    return by_word


def from_lines(doc: Doc, lines: list[Line], passages: list[Passage]) -> list[Found]:
    """Headline and transcript lines ("McCain: ...", "TAPPER: ..."): the colon is the cue.

    The line is its speaker's, reporting verbs inside it included ("Obama:
    Americans Will Say No to Trump").
    """
    out = []
    for line in lines:
        tokens = set(range(*line.content))
        label = doc[line.label[0] : line.label[1]]
        # "SEN. JOHN SMITH:": the parser may head the label with its title; a person's name in it is the speaker
        people = [t for t in label if t.ent_type_ == "PERSON"]
        frame = Frame([line.colon], CueEntry(":", "speech", ()), tokens, subject=people[-1] if people else label.root, speaker_range=line.label)
        out += from_frame(doc, frame, passages)
    return out


def _quoted_clause(doc: Doc, part: set[int], inside: list[Passage]) -> bool:
    """Is the clause a quotation with an aside in it ("..., adding of Mr. Trump, ''He cares ...''")?

    So when the clause's head is inside a passage that opens a statement
    (after a comma, a colon or a stop), not one that continues the writer's
    own words ("said the plan ''would fail''").
    """
    heads = [i for i in part if doc[i].head.i not in part or doc[i].head.i == i]
    return len(heads) == 1 and any(heads[0] in p.tokens and p.standalone for p in inside)


def _goes_on(frame: Frame, outside: set[int], inside: list[Passage]) -> bool:
    """Does the clause go on in the writer's words after its quotation ("said “We are horrified” by the shooting")?

    The speaker's words after it ("“...,” Ramos, 58, told AFP") do not count.
    """
    speaker = {t.i for t in frame.subject.subtree} if frame.subject is not None else set()
    end = max(p.last for p in inside)
    return any(i > end and i not in speaker for i in outside)


def _aside_at_end(doc: Doc, tokens: set[int]) -> set[int]:
    """A comment the writer adds at the end of a reported clause, set off by a comma or dash.

    "she is willing to be interviewed by the FBI, which is conducting its
    own probe"; "the deal-breaker was his proposal to ban Muslims, a plan
    the billionaire has modified": a non-restrictive relative clause or an
    apposition running to the end of the content; or a determined noun
    phrase the parser hangs on the clause's verb, commenting on the whole
    clause ("said it had suspended 125,000 accounts, the first time it has
    published the number"; `_clause_appositive`), unless the comma before it
    follows an inserted cue ("It was, he said, one of the worst failures").
    """
    last = max(tokens)
    for i in sorted(tokens):
        tok = doc[i]
        if i == min(tokens) or not (tok.dep_ in ("relcl", "appos") or (_clause_appositive(tok) and min(t.i for t in tok.subtree) - 2 in tokens)):
            continue
        tail = {t.i for t in tok.subtree}
        left = min(tail)
        if max(tail) == last and left > 0 and _sets_off(doc[left - 1]) and len(tokens - tail) >= ASIDE_KEEPS_WORDS:
            return tail & tokens
    return set()


def _sets_off(tok: Token) -> bool:
    """A comma or a dash before an aside; a hyphen with a space on each side is a dash ("the term used by Kingson - Deacon")."""
    return tok.text == "," or is_dash(tok)


def _clause_appositive(tok: Token) -> bool:
    """"..., the first time it has publicized the number": a noun phrase that comments on the clause before it."""
    if not (tok.pos_ in ("NOUN", "ADJ", "NUM") and tok.dep_ in ("npadvmod", "attr", "dep", "appos") and tok.head.pos_ in ("VERB", "AUX") and tok.head.i < tok.i):
        return False
    phrase = list(tok.subtree)
    return (
        phrase[0].tag_ in ("DT", "PDT", "JJR", "RBR")
        and not any(t.dep_ == "cc" for t in phrase)
    )


def _reports_of_its_own(doc: Doc, aside: set[int]) -> bool:
    """"..., which he called “a cartel”": a relative clause whose own cue and subject report the quotation.

    Not "..., where you're paying a ''premium''": the quoted words are the speaker's, and stay.
    """
    root = doc[min(aside)]
    while root.head.i in aside and root.head.i != root.i:
        root = root.head
    return (
        root.dep_ == "relcl"
        and root.lemma_.lower() in cue_table()
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in root.children)
    )


def _extent(doc: Doc, tokens: set[int], frame: Frame) -> tuple[int, int]:
    """Characters from the first to the last content token, trimmed."""
    first, last = min(tokens), max(tokens)
    while last > first and doc[last].dep_ == "cc":
        last = max(i for i in tokens if i < last)  # "... federal workers and" once a continuing cue is cut off
    # "what the U.S. says was ...": a relative word before the cue is not worth the span
    if first < frame.verb < last and all(i > frame.verb for i in tokens - {first}) and doc[first].tag_ in ("WDT", "WP"):
        first = min(i for i in tokens if i > frame.verb)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return trim(doc_text(doc), start, end)


# At most this many words after a colon go on with the content that stops at it.
COLON_RUN_WORDS = 60


def _after_colon(doc: Doc, tokens: set[int], frame: Frame) -> set[int]:
    """What a reported clause that stops at a colon announces: "said three things are happening at once: home values ...".

    The parser often ends the sentence at the colon, leaving what it
    introduces out of the content. The words after it, to the end of the
    sentence or paragraph, go on with the content when the cue comes before
    the content, they hold no quotation mark (a quotation is a quote of its
    own) and no reporting verb (another report), and the sentence ends
    within `COLON_RUN_WORDS` words.
    """
    last = max(tokens)
    colon = last + 1
    if frame.verb > min(tokens) or colon >= len(doc) - 1 or doc[colon].text != ":":
        return set()
    out: set[int] = set()
    cues = cue_table()
    for tok in doc[colon + 1 :]:
        if tok.is_space and "\n" in tok.text:
            break
        if tok.text in (".", "?", "!", ";"):
            break
        phrase = f"{tok.lower_} {doc[tok.i + 1].lower_}" if tok.i + 1 < len(doc) else ""
        if tok.is_quote or (tok.pos_ == "VERB" and tok.lemma_.lower() in cues) or phrase in cues or tok.text == ":":
            return set()  # "...: the plant closed, according to police" is another report
        out.add(tok.i)
        if len(out) > COLON_RUN_WORDS or "\n" in tok.whitespace_:
            break
    if not out or len(out) > COLON_RUN_WORDS or out & frame.content:
        return set()  # nor into another clause of the same report ("... a new reality: that Mr. Trump ...")
    return out


def _past_dateline(doc: Doc, tokens: set[int]) -> set[int]:
    """The content without the dateline the parser hung on its clause ("JERUSALEM - Netanyahu will meet ...").

    A dateline names where the story was filed, not what was said: when the
    content starts on a dateline's place words, it starts after the spaced
    dash that ends the dateline ("CAMBRIDGE, Mass., Dec. 11 (UPI) — ").
    """
    first = min(tokens)
    for start, end in Document.of(doc).dateline_spans:
        if start <= first < end:
            for k in range(end, min(end + CREDIT_TOKENS + 1, len(doc))):
                if doc[k].text in DASHES and doc[k].whitespace_:
                    rest = {i for i in tokens if i > k}
                    return rest or tokens
    return tokens


@cache
def _connectives() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(line.split()) for line in load_list("discourse_connectives.txt"))


def _past_connective(doc: Doc, tokens: set[int], frame: Frame) -> set[int]:
    """The content without the writer's connective before it ("Meanwhile, her ratings have been falling, the poll found").

    Only when the cue comes after the connective: after the cue ("said
    that, meanwhile, ...") the word is the speaker's.
    """
    first = min(tokens)
    if frame.verb < first:
        return tokens
    for words in _connectives():
        comma = first + len(words)
        if comma < len(doc) and doc[comma].text == "," and tuple(t.lower_ for t in doc[first:comma]) == words:
            rest = {i for i in tokens if i > comma}
            return rest if rest and frame.verb > comma else tokens
    return tokens
