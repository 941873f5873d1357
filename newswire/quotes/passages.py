"""Quoted passages no reporting frame took: a cue next to them, a colon before them, or the speaker before."""

from __future__ import annotations

import bisect
import re

from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from ..document import Document, EntityIndex
from ..lexicon import load_list, load_table
from ..lexicon.cues import CueEntry, cue_table, past_speech_cue
from ..lexicon.given_names import given_names
from ..lexicon.tables import Title
from .frames import Frame
from .speakers import speaker_head
from .model import Found, Passage, direct, doc_text

# A quoted passage with no cue of its own takes the speaker of a quote at
# most this many sentences before it. 2 keeps the seed's "What happened is
# ..." (right after Ban's sentence) and the PolNeAR train quotes that run on
# over a second paragraph; re-measure with eval/polnear_quotes.py --split train.
INHERIT_SENTENCES = 2
# A cue with nothing else to report takes a quoted passage at most this many
# words away (not counting its speaker), even across a sentence break ("“...
# AGAIN!” he tweeted"), within the paragraph. 3 lets "then", "also" or a date
# stand between; re-measure direct quotes with eval/polnear_quotes.py --split train.
ADJACENT_WORDS = 3
# Frames further than this many tokens from a passage, outside its sentences,
# are not looked at for it (a speed bound, well beyond ADJACENT_WORDS plus a
# long speaker phrase).
NEAR_TOKENS = 40
# A passage without a cue must have at least this many words (and a verb) to
# count as a quote: shorter ones are titles, names and scare quotes. textacy
# uses the same bound; on PolNeAR train (240 articles) 3 adds four direct
# quotes of which one matches a gold content (direct + speaker F1 85.8 → 85.7).
MIN_STANDALONE_WORDS = 4

# A quoted name of a thing (a title, a slogan, a chant) is short.
MAX_NAME_WORDS = 8
# Words before a quoted title-case span that make it a name: prepositions ("appeared on “Meet the Press”", "wrote in
# “The Atlantic”") and "tell", whose first object is the one told ("told “Good Morning America” that ...").
_NAME_LINKS = frozenset(("on", "in", "at", "to", "from", "of", "for", "with", "via", "into", "about", "told", "tell", "tells", "telling"))
_POSSESSIVE = frozenset(("'s", "’s"))

# Subjects of a clause before a colon that do not speak what follows ("It gets worse:", "Here is why:").
_NOT_SPEAKERS = {"it", "this", "that", "there", "here", "what", "which"}


def attribute_passage(doc: Doc, p: Passage, frames: list[Frame], quoted: frozenset[int], people: EntityIndex | None = None) -> Found | None:
    """A direct quote for a quoted passage no frame took, if its context shows who said it.

    * a cue the passage hangs on ("tweeted “...”"), or
    * a cue with nothing else to report, in the passage's sentence or at most
      `ADJACENT_WORDS` words from it ("“...,” he said"; "“... AGAIN!” he
      tweeted", which the parser splits into two sentences);
    * the clause before a colon that introduces the passage ("Blackwell
      released the following statement: “...”"; "Trump: ‘...’"), or a
      person's name right before the colon ("..., Mark Ellison: “...”");
    * a signature after it ("“...” ― Martha Aguilar"; `people`: the entity stage's, whose persons count as names).
    """
    index = Document.of(doc).sentence_index
    sents = {index[p.first], index[p.last]}
    standalone = p.standalone
    root = doc[p.first : p.last + 1].root
    candidates = []
    for f in _frames_near(doc, frames, sents, p.first - NEAR_TOKENS, p.last + NEAR_TOKENS + 1):
        gap = _gap(doc, p, f)
        if doc[f.verb] == root.head and (standalone or len(p.words) > 1):
            candidates.append((0, gap, f))
        elif standalone and not (f.content - quoted) and (index[f.verb] in sents or _adjacent(doc, p, f, gap) and (_opens_paragraph(doc, p) or not _introduces_own(doc, p, f, frames))):
            candidates.append((1, gap, f))
    if candidates:
        return direct(doc, p, min(candidates, key=lambda c: (c[0], c[1]))[2])
    return _signed(doc, p, people) or _after_inverted_cue(doc, p) or _after_colon(doc, p, frames, quoted, people)


def _introduces_own(doc: Doc, p: Passage, f: Frame, frames: list[Frame]) -> bool:
    """Does a cue in a sentence after the passage open a report of its own ("“A.” The aide told the BBC: “B.”", "“A.”
    The agency said in a statement that ...": the cue's frame, or a reporting noun's in a phrase of the cue's, has
    content after the cue that is not the passage)? Then it starts the next speaker's words: it takes a passage opening
    the paragraph (`_opens_paragraph`), not one set after another sentence of its paragraph, which goes on with the
    speaker before (`inherit`), or with no one. (Giving that one to no one, as whose it is cannot be told from the
    marks, was tried in session twenty: on real text it only took right speakers away, "“A,” Berg said. “B.” The
    senator added: “C.”", a quotation of several paragraphs going on, never a wrong one.)"""
    if f.verb < p.last:
        return False
    found = _FrameIndex.of(doc, frames)
    for n in found.by_sentence.get(Document.of(doc).sentence_index[f.verb], ()):
        g = frames[n]
        if not (g is f or _in_cues_phrase(doc[g.verb], doc[f.verb])):
            continue  # "“A!” he declared, a point he makes when callers ask how ...": a report inside, not the cue's own
        if g.content and min(g.content) > f.verb and not (g.content & p.tokens):
            return True
    return False


def _opens_paragraph(doc: Doc, p: Passage) -> bool:
    """Does a quotation open its paragraph (or the text)? "Lund said.⏎⏎“A.” Local resident Mary Osei said: “B.”": a
    quotation opening a paragraph that a cue opening a report of its own closes is that cue's speaker's, the usual way
    to bring in a new speaker; only one set after another sentence of its paragraph may go on with the speaker before.
    It opens its line, and the line opens a paragraph: the text's first line, a line after a blank line, or any line of
    a text that breaks lines only between paragraphs (`_blank_line_paragraphs`)."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, p.quoted.start) + 1
    if text[line_start : p.quoted.start].strip():
        return False
    return line_start == 0 or not _blank_line_paragraphs(doc) or _blank_line_before(text, line_start)


# A line break with the spaces around it: one (a single break) or more (a blank line, a break between paragraphs).
_LINE_BREAK = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*")
# A line that ends a sentence: a stop, with any closing marks after it.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


def _blank_line_paragraphs(doc: Doc) -> bool:
    """Does the text set its paragraphs apart with blank lines? Then a single line break is one inside a paragraph
    (running prose, or a wrapped line). A text with none (trafilatura's text of a web page: a paragraph a line) breaks a
    line only between paragraphs. Read on the original text: a removed line (blanked for the parser) is no blank line of
    the writer's."""
    return _sets_paragraphs_apart(Document.of(doc).source)


@lru_cache(maxsize=4)
def _sets_paragraphs_apart(text: str) -> bool:
    """Are blank lines the usual paragraph break of the text's body (past its first line, which may be a title; the
    text's ends stripped)? At least two blank lines, and more of them than single line breaks after a line that ends a
    sentence: such a break ends a paragraph with no blank line. One stray blank line (a trailing one, the one after a
    byline: "Title⏎⏎By Jane Roe⏎⏎...") does not make a text that puts a paragraph a line, with blank lines here and
    there, a blank-line one; a single break after a line stopping mid-sentence is a wrapped line, which a blank-line
    text may have many of (so counting every single break against the blank lines would not do)."""
    body = text.strip()
    first_end = body.find("\n")
    if first_end < 0:
        return False
    body = body[first_end:].lstrip()
    blank = ended = line_start = 0
    for m in _LINE_BREAK.finditer(body):
        if m.group().count("\n") > 1:
            blank += 1
        elif _SENTENCE_END.search(body, line_start, m.start()):
            ended += 1
        line_start = m.end()
    return blank >= 2 and blank > ended


def _in_cues_phrase(noun: Token, cue: Token) -> bool:
    """Is a reporting noun in a prepositional phrase of the cue ("said in a statement that ...")?"""
    return noun.pos_ == "NOUN" and noun.head.dep_ == "prep" and noun.head.head == cue


# The dashes that open a signature after a quotation ("― Martha Aguilar", "-President Obama", "--- Ann Lee").
_SIGNATURE_DASHES = "-—–―‒"


def _signed(doc: Doc, p: Passage, people: EntityIndex | None) -> Found | None:
    """"“... the president it deserves.” ― Martha Aguilar", "\"...\" -President Obama, tweeting after ...": a quoted
    statement signed after its closing mark with a dash and the speaker's name (`signature`).

    The name must be a person's by the parser's entities or the entity stage's (`people`), or two to four capitalised
    words of no other kind of entity that open, after any titles, with a known given name (`_looks_personal`: not
    "― Staff Writer", "― Opinion Desk"), and hold no word of a picture credit or a company's legal
    form (`_credit_words`). A statement signed with a name that is not such a person's (a credit, "― Getty Images")
    is kept with no speaker when it is a statement (`_statement`): it takes none from the quote before it either.
    """
    name = signature(doc, p)
    if name is None:
        return None
    found = direct(doc, p, None)
    found.signature = (name[0].i, name[-1].i + 1)
    head = name[-1]
    entity = people.entity_at(head.i) if people is not None else None
    credit = any(t.lower_.strip(_SIGNATURE_DASHES + ".") in _credit_words() for t in name)  # "― Getty Images", "- Acme Inc."
    if not credit and (head.ent_type_ == "PERSON" or (entity is not None and entity.type == "PERSON") or _looks_personal(name)):
        found.speaker = head
        return found
    found.signature = (head.i, head.i)
    return found if _statement(doc, p) else None


@cache
def _credit_words() -> frozenset[str]:
    # a picture's credit ("Getty Images", `data/picture_nouns.txt`) or a company's legal form (`data/org_suffixes.txt`)
    return frozenset(load_list("picture_nouns.txt")) | frozenset(load_list("org_suffixes.txt"))


def signature(doc: Doc, p: Passage) -> list[Token] | None:
    """The name a quoted statement standing alone is signed with: its closing mark followed on the same line, or on a
    line of its own, by a dash and then proper nouns only (a title such as "President" is one, and an initial, "Julie A. Diaz"), ending the
    line, the sentence, the phrase before a comma ("- Michelle Marks, Philadelphia.") or before the next quotation.
    None when it is not so signed. Not a byline or credit that goes on after the name ("--- Geraldine Brooks in
    Amman, Jordan, and ... contributed to this article")."""
    if not p.standalone or not p.quoted.closed:
        return None
    text = doc_text(doc)
    i = p.quoted.end
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    if text[i : i + 1] == "\n" and text[i + 1 : i + 2] in _SIGNATURE_DASHES + "\n":  # a line of its own: "\n\n-Ann Lee"
        while i < len(text) and text[i].isspace():
            i += 1
    if i >= len(text) or text[i] not in _SIGNATURE_DASHES:
        return None
    while i < len(text) and text[i] in _SIGNATURE_DASHES + " \t\u00a0":
        i += 1
    after = doc.char_span(i, min(len(text), i + 200), alignment_mode="expand")
    if after is None or not len(after):
        return None
    name: list[Token] = []
    stop = None
    for tok in after:
        if not name and tok.is_punct and all(c in _SIGNATURE_DASHES for c in tok.text):
            continue
        if tok.pos_ != "PROPN" and not (name and _initial(tok)):
            stop = tok
            break
        name.append(tok)
    if not name or len(name) > 6:
        return None
    if stop is not None and not (stop.text in (",", ".", ";") or stop.is_space or stop.is_quote):
        return None  # "Geraldine Brooks in Amman": a credit line, not a signature
    if stop is not None and stop.text == ",":
        # what follows the name describes the signer ("-President Obama, tweeting after ...", "- Ann Lee, Ohio"); a
        # finite verb there makes it a sentence ("- Ann Lee, a teacher, says ..."), not a signature
        for tok in doc[stop.i + 1 :]:
            if tok.is_quote or (tok.is_space and "\n" in tok.text) or tok.text in (".", "!", "?"):
                break
            if tok.tag_ in _FINITE:
                return None
    return name


# Tags of finite verbs (Penn Treebank).
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))


def _initial(tok: Token) -> bool:
    """An initial inside a name ("A." of "Julie A. Diaz"), whatever the tagger calls it."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _looks_personal(name: list[Token]) -> bool:
    """A name the entity layers missed that reads as a person's: two to four capitalised words, none of them part of
    another kind of entity, whose first word after any titles is a given name of `data/first_names.tsv` with a word
    after it ("-Michelle Marks": the glued dash hides the name from the tagger; not "Associated Press", "Staff Writer",
    "Opinion Desk")."""
    words = [t.text.lstrip(_SIGNATURE_DASHES) for t in name]
    if not (2 <= len(name) <= 4 and all(w[:1].isupper() and w.replace(".", "").isalpha() for w in words) and all(t.ent_type_ in ("", "PERSON") for t in name)):
        return False
    first = next((i for i, w in enumerate(words) if w.lower() not in _name_titles()), len(words))
    return first < len(words) - 1 and words[first] in given_names()


@cache
def _name_titles() -> frozenset[str]:
    # one-word titles and honorifics before a name (`data/titles.tsv`: "President", "Sen.", "Dr.")
    return frozenset(row.title.lower() for row in load_table("titles.tsv", Title) if " " not in row.title)


def _after_inverted_cue(doc: Doc, p: Passage) -> Found | None:
    """"Replied State Department spokesman Richard Boucher, “...”": a sentence that opens with a cue in the past tense
    and its speaker after it (inverted), then a comma or colon and the passage.

    The small model reads the capitalised cue as part of a name ("Replied State Department" tagged ORG) and makes no
    frame of it, so the passage would go to the speaker before. Only a regular past form of a one-word speech cue
    whose content is a clause (`past_speech_cue`: "replied", "added", "countered"), opening its sentence, followed by
    a phrase of no verb that holds a noun or name and ends right before the opening mark; the phrase's head speaks.
    """
    i = p.first - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space) and "\n" not in doc[i].text:
        i -= 1
    if i < 2 or doc[i].text not in (",", ":"):
        return None
    start = doc[i].sent.start
    cue = doc[start]
    entry = past_speech_cue(cue.text) if cue.text[:1].isupper() else None
    if entry is None:
        return None
    phrase = doc[start + 1 : i]
    if not len(phrase) or any(t.pos_ in ("VERB", "AUX") or "\n" in t.text or t.is_quote for t in phrase):
        return None
    head = phrase.root
    if head.pos_ not in ("PROPN", "NOUN"):
        return None
    frame = Frame([cue.i], CueEntry(entry, "speech", ("clause",)), subject=head, speaker_range=(phrase.start, phrase.end))
    return direct(doc, p, frame)


class _FrameIndex:
    """A list of frames by the sentence of their cue and by their cue's token, built once per doc and list."""

    def __init__(self, context: Document, frames: list[Frame]):
        index = context.sentence_index
        self.frames = frames
        self.by_sentence: dict[int, list[int]] = {}
        for n, f in enumerate(frames):
            self.by_sentence.setdefault(index[f.verb], []).append(n)
        self.by_verb = sorted((f.verb, n) for n, f in enumerate(frames))
        self.verbs = [v for v, _ in self.by_verb]

    @staticmethod
    def of(doc: Doc, frames: list[Frame]) -> _FrameIndex:
        return Document.of(doc).index(frames, _FrameIndex)

    def positions(self, lo: int, hi: int) -> list[int]:
        """Positions in the list of the frames whose cue's token is in [lo, hi)."""
        a, b = bisect.bisect_left(self.verbs, lo), bisect.bisect_left(self.verbs, hi)
        return [n for _, n in self.by_verb[a:b]]

    def between(self, lo: int, hi: int) -> list[Frame]:
        """The frames whose cue's token is in [lo, hi), in list order."""
        return [self.frames[n] for n in sorted(self.positions(lo, hi))]


def _frames_near(doc: Doc, frames: list[Frame], sents: set[int], lo: int, hi: int) -> list[Frame]:
    """The frames whose cue is in one of the sentences or whose cue's token is in [lo, hi), in list order."""
    found = _FrameIndex.of(doc, frames)
    near = set(found.positions(lo, hi))
    for s in sents:
        near.update(found.by_sentence.get(s, ()))
    return [frames[n] for n in sorted(near)]


def _gap(doc: Doc, p: Passage, f: Frame) -> int:
    """Words between a passage and a frame's cue, not counting the frame's speaker."""
    i = f.verb
    between = range(p.last + 1, i) if i > p.last else range(i + 1, p.first)
    speaker = {t.i for t in f.subject.subtree} if f.subject is not None else set()
    if f.subject is not None and f.subject.head.i == i:
        # a speaker phrase the parser split into two subjects of the cue ("“...?” the senator's aide, Jane Rabb
        # emailed"): both are the speaker
        speaker |= {t.i for c in doc[i].children if c.dep_ == f.subject.dep_ and c.i in between for t in c.subtree}
    return sum(1 for j in between if not (doc[j].is_punct or doc[j].is_space) and j not in speaker)


def _adjacent(doc: Doc, p: Passage, f: Frame, gap: int) -> bool:
    """A cue right next to a passage in the same paragraph ("“... AGAIN!” he tweeted")."""
    lo, hi = sorted((doc[f.verb].idx, p.quoted.end if f.verb > p.last else p.quoted.start))
    return gap <= ADJACENT_WORDS and "\n" not in doc_text(doc)[lo:hi]


def _after_colon(doc: Doc, p: Passage, frames: list[Frame], quoted: frozenset[int], people: EntityIndex | None = None) -> Found | None:
    text = doc_text(doc)
    i = p.quoted.start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":":
        return None
    colon = doc.char_span(i, i + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon.sent
    clause = doc[sent.start : colon.start]
    if not len(clause):
        return None
    if (label := _label_before_colon(doc, colon.start, people)) is not None:
        found = direct(doc, p, None)
        found.speaker = label  # "Pollsters agree - Carl Bialik: “...”": the name the dash sets off, not "Pollsters"
        return found
    cues = _FrameIndex.of(doc, frames).between(sent.start, colon.start)
    if cues:
        return direct(doc, p, max(cues, key=lambda f: f.verb))
    head = clause.root
    if head.pos_ in ("VERB", "AUX") and head.lemma_ != "be":
        subject = speaker_head(head, quoted)
        if subject is not None and clause.start <= subject.i < clause.end and subject.lower_ not in _NOT_SPEAKERS:
            frame = Frame([head.i], CueEntry(head.lemma_.lower(), "speech", ()), subject=subject)
            return direct(doc, p, frame)
        return None
    if head.pos_ == "PROPN" and clause.start == sent.start:
        found = direct(doc, p, None)
        found.speaker = head  # a headline's "Trump: ‘...’"
        return found
    name = doc[colon.start - 1]
    if name.ent_type_ == "PERSON" and name.pos_ == "PROPN":
        found = direct(doc, p, None)
        found.speaker = name  # "STATES OUTNUMBER ... FOR THE FIRST TIME - Jeffrey M. Jones: “...”": a name right before the colon
        return found
    return None


def _label_before_colon(doc: Doc, colon: int, people: EntityIndex | None) -> Token | None:
    """A person's name that labels the quotation after the colon, set off from the clause before it by a dash or by
    "by" (the digest's "POLLSTERS AGREE - Carl Bialik: “...”", "..., by Times' Ben Sisario: “...”"): the name's last
    token, a run of proper nouns from the dash or "by" (and an outlet's possessive after it) to the colon that is a
    PERSON of the parser's or of the entity stage's (`people`). None otherwise (also for two names joined by "and":
    no one of them alone), and the clause's own subject speaks."""
    i = colon - 1
    while i >= 0 and doc[i].pos_ == "PROPN":
        i -= 1
    names = doc[i + 1 : colon]
    if not len(names):
        return None
    entity = people.entity_at(names[-1].i) if people is not None else None
    if not (all(t.ent_type_ == "PERSON" for t in names) or (entity is not None and entity.type == "PERSON")):
        return None
    if i >= 2 and doc[i].tag_ == "POS" and doc[i - 1].pos_ == "PROPN":  # "by Times' Ben Sisario": the outlet's possessive
        i -= 1
        while i >= 0 and doc[i].pos_ == "PROPN":
            i -= 1
        if i < 0 or doc[i].lower_ != "by":
            return None
    if i < 0 or not (doc[i].lower_ == "by" or (doc[i].is_punct and doc[i].text.strip(_SIGNATURE_DASHES) == "")):
        return None
    if doc[i].lower_ != "by" and not _heading_before(doc, i):
        return None  # "Tributes poured in for the actor - Robin Williams: “...”": a name the clause is about, no label
    return names[-1]


def _heading_before(doc: Doc, dash: int) -> bool:
    """Is what stands between the sentence's start and a dash a heading (every word in capitals, every word that is no
    stop word capitalised, or a few words with no function word: "POLLSTERS AGREE", "Markets Close Higher",
    "Pollsters agree") rather than a clause of prose ("Tributes poured in for the actor")?"""
    words = [t for t in doc[doc[dash].sent.start : dash] if t.is_alpha]
    if not words:
        return False
    if all(t.text.isupper() for t in words) or all(t.text[:1].isupper() or t.is_stop for t in words):
        return True
    return len(words) <= MAX_PLAIN_HEADING_WORDS and not any(t.is_stop for t in words)


# A heading in sentence case before a digest's dash has at most this many words, none a function word ("Pollsters agree").
MAX_PLAIN_HEADING_WORDS = 5


def inherit(doc: Doc, found: list[Found], floating: list[Passage], frames: list[Frame]) -> list[Found]:
    """Give a quoted statement with no cue the speaker of the quote just before it.

    A report set into the sentence of the quotation before it ("“A?” Berg
    said, after Sokolov said ... “B.”") is an aside: B is still Berg's.

    Failing a quote, a cue with nothing to report in the sentence right
    before the statement gives its subject ("Ellison spoke to reporters on
    Monday. “We have done everything ...”").
    """
    index = Document.of(doc).sentence_index
    speaking = {index[f.verb]: f for f in frames if f.subject is not None and not f.content}
    events = sorted([(f.start, 0, f) for f in found] + [(p.quoted.inner_start, 1, p) for p in floating], key=lambda e: (e[0], e[1]))
    out: list[Found] = []
    last: Found | None = None
    quoting: Found | None = None  # the last quote with quoted words and a speaker
    for _, is_passage, item in events:
        if not is_passage:
            out.append(item)
            if item.signature is not None:
                last = quoting = None  # "“...” ― Ann Lee": the signature closes her words; the next quotation is not hers
                continue
            if item.speaker is not None:
                if _aside_of(index, item, quoting):
                    continue  # "“A?” said Murphy, using a term Rubio used to describe Trump. “B.”": B is Murphy's
                last = item
                quoting = item if item.type != "indirect" else quoting
            continue
        p = item
        if not _statement(doc, p) or _heading_line(doc, p):
            continue
        quote = direct(doc, p, None)
        before = speaking.get(index[p.first] - 1)
        if last is not None and index[p.first] - index[last.last_token] <= INHERIT_SENTENCES and (before is None or doc[before.verb].idx < last.start):
            quote.speaker, quote.inherited_from = last.speaker, last.inherited_from or last
            last = quoting = quote
        elif before is not None:
            source = Found("direct", doc[before.verb].idx, doc[before.verb].idx, before, before.subject, last_token=before.verb)
            quote.speaker, quote.inherited_from = before.subject, source
            last = quoting = quote
        out.append(quote)
    return out


# A quotation that is a line of its own, with no closing stop, is a sub-heading when it has at most this many words.
MAX_HEADING_WORDS = 15


def _heading_line(doc: Doc, p: Passage) -> bool:
    """Is a passage a sub-heading quoting someone ("‘It won’t be us alone’: Foreign minister", "‘I am no longer me’"
    on a line of its own between paragraphs)? A closed quotation of at most `MAX_HEADING_WORDS` words that opens its
    line, with nothing after it on the line but a label after a colon, and no stop at its end (inside or after the
    marks): prose quoted as a paragraph of its own ends with one. The line is a paragraph of its own: in a text that sets
    its paragraphs apart with blank lines (`_blank_line_paragraphs`), a blank line on at least one side of it (a
    pull-quote may run straight into its section: "⏎⏎“Nobody came to ask us”⏎The port closed ..."), a line between
    single line breaks being running prose; in one that does not, every line is a paragraph. Its words may be
    anyone's in the article, not the previous paragraph's speaker's: it inherits no speaker."""
    if not p.quoted.closed or p.quoted.paragraphs != 1 or len(p.words) > MAX_HEADING_WORDS:
        return False
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, p.quoted.start) + 1
    line_end = text.find("\n", p.quoted.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_start == 0 or text[line_start : p.quoted.start].strip():
        return False
    if _blank_line_paragraphs(doc) and not (_blank_line_before(text, line_start) or _blank_line_after(text, line_end)):
        return False  # "⏎⏎... Dana Holt, said ...⏎“We had crews out all night”⏎Holt said ...⏎⏎": a line of running prose
    after = text[p.quoted.end : line_end].strip()
    if after and not after.startswith(":"):
        return False
    inner = text[p.quoted.inner_start : p.quoted.inner_end].rstrip()
    return not inner.endswith((".", "!", "?", ",", "…")) and not after.endswith((".", "!", "?"))


def _blank_line_before(text: str, line_start: int) -> bool:
    """Is the line starting at line_start (> 0) set off from the text before it by a blank line?"""
    before = text[: line_start - 1]  # up to the newline that ends the line before
    return not before.strip() or not before[before.rfind("\n") + 1 :].strip() and "\n" in before


def _blank_line_after(text: str, line_end: int) -> bool:
    """Is the line ending at line_end (its newline, or the text's end) set off from the text after it by a blank line?"""
    rest = text[line_end + 1 :]  # after the line's newline
    return not rest.strip() or "\n" in rest and not rest[: rest.find("\n")].strip()


def _aside_of(index: list[int], f: Found, quoting: Found | None) -> bool:
    """Is f an indirect report in the sentence of the cue of the quotation before it (an aside, not the next speaker)?"""
    if quoting is None or f.type != "indirect" or f.frame is None or quoting.frame is None or f.inherited_from is not None:
        return False
    return index[f.frame.verb] == index[quoting.frame.verb]


def _statement(doc: Doc, p: Passage) -> bool:
    """Is a passage a quoted statement (not a title or a scare-quoted phrase)?"""
    if not p.standalone or len(p.words) < MIN_STANDALONE_WORDS:
        return False
    return any(doc[i].pos_ in ("VERB", "AUX") for i in p.words)


@cache
def _title_words() -> frozenset[str]:
    return frozenset(load_list("title_words.txt"))


@cache
def _slogan_words() -> frozenset[str]:
    return frozenset(load_list("slogan_words.txt"))


def names_a_thing(doc: Doc, p: Passage) -> bool:
    """Is a quoted passage the name of a thing (a title, a slogan, a chant), not something said?

    Short (at most `MAX_NAME_WORDS` words) and one of:
    * after a noun for a slogan or chant (`data/slogan_words.txt`): "the chant “Hands up, don't shoot”";
    * in title case (every word but stop words capitalised) after a noun for a work or a verb of naming
      (`data/title_words.txt`: "the show “Meet the Press”", "a book titled “Hard Choices Ahead”"), a possessive
      ("NBC's “Today”"), a preposition or "told" ("appeared on “Face the Nation”", "told “Good Morning America”");
    * opening a sentence and going on as its subject or topic, with no punctuation of its own at its end: "“Hands
      up, don't shoot” has become a rallying cry" (a statement ends inside its marks, or a comma follows:
      "“We will win,” he said");
    * or, however long, the title of a work followed by its author: "“Met accused of whitewashing baby Jesus,” by
      Post's Kathianne Boniello" (`_by_author`).
    """
    if _by_author(doc, p):
        return True
    words = [doc[i] for i in sorted(p.words)]
    if len(words) > MAX_NAME_WORDS:
        return False
    before = _word_before(doc, p)
    if before is not None and before.lower_ in _slogan_words():
        return True
    alpha = [t for t in words if t.is_alpha]
    title = bool(alpha) and words[0].text[:1].isupper() and all(t.text[:1].isupper() or t.is_stop for t in alpha)
    if title and before is not None and (before.lower_ in _title_words() or before.lower_ in _NAME_LINKS or before.text in _POSSESSIVE):
        return True
    return p.standalone and _goes_on_as_subject(doc, p)


def _by_author(doc: Doc, p: Passage) -> bool:
    """Is the passage followed, after its marks and a comma, by "by" and a person's name (a PERSON of the parser's,
    after an outlet's possessive if any: "by Times' Ben Sisario")? A work's title and its author, not speech."""
    i = p.last + 1
    while i < len(doc) and (doc[i].is_quote or doc[i].text == ","):
        i += 1
    if i >= len(doc) or doc[i].lower_ != "by" or "," not in doc[p.last : i].text:
        return False
    j = k = i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    if k > j and k < len(doc) and doc[k].tag_ == "POS":
        j = k + 1  # the outlet's possessive
    end = j
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return end > j and all(t.ent_type_ == "PERSON" for t in doc[j:end])


def _word_before(doc: Doc, p: Passage):
    """The word right before the passage's opening mark ("'s" counts); None at a paragraph's start or after punctuation."""
    i = p.first - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 0 or doc[i].is_space:
        return None
    return doc[i] if not doc[i].is_punct or doc[i].text in _POSSESSIVE else None


def _goes_on_as_subject(doc: Doc, p: Passage) -> bool:
    """Does the sentence go on right after the closing mark with a verb that is not a cue ("“...” has become")?"""
    inner = doc_text(doc)[p.quoted.inner_start : p.quoted.inner_end].rstrip()
    if not inner or not inner[-1].isalnum() or not p.quoted.closed:
        return False
    i = p.last + 1
    while i < len(doc) and (doc[i].is_quote or doc[i].is_space) and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) or "\n" in doc[i].text:
        return False
    after = doc[i]
    return after.is_lower and after.pos_ in ("AUX", "VERB") and after.lemma_.lower() not in cue_table()
