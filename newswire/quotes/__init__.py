"""The `quotes` stage: who said what, as direct, indirect and mixed quotes with resolved speakers.

`extract_quotes(doc, entities)` runs, in order:

1. quoted passages from the quotation marks (`marks.py`);
2. reporting frames from the parse around the cues of `data/cues.tsv`
   (`frames.py`): cue, content and the speaker's head token. Only speech
   cues make quotes (`EXTRACTED_KINDS`); a cue inside a quoted passage or
   inside another frame's content is part of that quote, not a quote of
   its own;
3. each frame's content becomes a quote: *direct* when all its words are
   inside quotation marks (the content is then the quoted passage, however
   far it runs), *mixed* when it holds a quoted passage and words of the
   writer, *indirect* when it holds none;
4. a quoted passage no frame took is attributed to a cue it hangs on or
   that stands next to it ("“Judge,” Brafman said, “...”"), or to the clause
   before a colon that introduces it; a passage that stands alone as a
   statement takes the speaker of the quote just before it (`inherited`),
   else none;
5. speakers resolve through the entity layer: the entity one of whose
   mentions covers the speaker's head token (names, nominals and the
   pronouns the entity stage resolved).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..entities.model import sentence_index
from ..records import Cue, Entity, Quote, Span, Time
from ..times import date_for
from .frames import CueEntry, Frame, find_frames, speaker_head, speaker_tokens
from .lines import find_lines
from .marks import Quoted, find_quoted, starts_statement

__all__ = ["extract_quotes"]

# Which cue kinds of data/cues.tsv become quotes. Thoughts and intentions
# ("believes", "wants") are the writer's account of a state of mind, not
# something said; the PolNeAR evaluation scores them apart
# (eval/polnear_quotes.py prints what extracting them would change).
EXTRACTED_KINDS = ("speech",)
# A quoted passage with no cue of its own takes the speaker of a quote at
# most this many sentences before it. 2 keeps the seed's "What happened is
# ..." (right after Ban's sentence) and the PolNeAR train quotes that run on
# over a second paragraph; re-measure with eval/polnear_quotes.py --split train.
INHERIT_SENTENCES = 2
# A cue with nothing else to report takes a quoted passage at most this many
# words away, even across a sentence break ("“... AGAIN!” he tweeted").
ADJACENT_WORDS = 3
# Frames further than this many tokens from a passage, outside its sentences,
# are not looked at for it (a speed bound, well beyond ADJACENT_WORDS plus a
# long speaker phrase).
NEAR_TOKENS = 40
# A passage without a cue must have at least this many words (and a verb) to
# count as a quote: shorter ones are titles, names and scare quotes.
MIN_STANDALONE_WORDS = 4

_TRIM = " \t\n\u00a0,;:—–-"
# Subjects of a clause before a colon that do not speak what follows ("It gets worse:", "Here is why:").
_NOT_SPEAKERS = {"it", "this", "that", "there", "here", "what", "which"}


@dataclass(slots=True)
class _Passage:
    quoted: Quoted
    tokens: set[int]  # tokens inside the marks
    words: set[int]  # the tokens that are words
    first: int  # first token inside
    last: int  # last token inside
    standalone: bool  # opens a sentence, a paragraph or a clause
    used: bool = False


@dataclass(slots=True)
class _Found:
    type: str
    start: int  # content, in characters
    end: int
    frame: Frame | None
    speaker: Token | None = None
    inherited_from: _Found | None = None
    last_token: int = 0


def extract_quotes(
    doc: Doc,
    entities: list[Entity],
    *,
    published: str | None = None,
    times: list[Time] | None = None,
    kinds: tuple[str, ...] = EXTRACTED_KINDS,
) -> list[Quote]:
    """The quotes of a parsed article, in text order, ids Q1, Q2, ...

    entities: the entity stage's output for the same doc; speakers resolve
        to them.
    published: the publication date (YYYY-MM-DD), None when unknown.
    times: the times stage's output for the same doc; a quote's date is the
        date governing its cue (`times.date_for`: "said Thursday"), else
        `published`. None leaves every date None.
    kinds: the cue kinds of data/cues.tsv that make quotes.
    """
    passages = _passages(doc)
    quoted = frozenset().union(*(p.tokens for p in passages))
    frames = _outermost(doc, [f for f in find_frames(doc, quoted) if f.kind in kinds], quoted)
    found: list[_Found] = []
    for frame in frames:
        found += _from_frame(doc, frame, passages)
    found += _from_lines(doc, find_lines(doc, entities), passages, frames)
    for p in passages:
        if not p.used:
            quote = _attribute_passage(doc, p, frames, quoted)
            if quote is not None:
                p.used = True
                found.append(quote)
    found = _inherit(doc, found, [p for p in passages if not p.used], frames)
    quotes = _records(doc, found, entities)
    if times is not None:
        for q, f in zip(quotes, _in_order(found)):
            q.date = _date(doc, f, times, published)
    return quotes


def _text(doc: Doc) -> str:
    """The doc's text, built once (spaCy joins every token's text each time it is asked)."""
    cached = doc.user_data.get("newswire_text")
    if cached is None:
        cached = doc.user_data["newswire_text"] = doc.text
    return cached


def _passages(doc: Doc) -> list[_Passage]:
    out = []
    for q in find_quoted(_text(doc)):
        span = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tokens = set(range(span.start, span.end))
        words = {i for i in tokens if not (doc[i].is_punct or doc[i].is_space)}
        if words:
            out.append(_Passage(q, tokens, words, span.start, span.end - 1, starts_statement(_text(doc), q.start)))
    return out


def _outermost(doc: Doc, frames: list[Frame], quoted: frozenset[int]) -> list[Frame]:
    """Frames whose cue is neither quoted nor inside another frame's content.

    A cue at the end of another's content that continues it with the same
    speaker ("argue that ..., citing an instance"; "said the party was not in
    a crisis, and urged that ...") is a quote of its own: its clause is cut
    from the other's content.
    """
    out = []
    for f in frames:
        if f.verb in quoted:
            continue
        outer = [g for g in frames if g is not f and f.verb in g.content and g.verb not in f.content]
        if outer and not all(_continues(doc, f, g) for g in outer):
            continue
        for g in outer:
            tail = {t.i for t in doc[f.verb].subtree}
            g.content -= tail
            g.parts = [part - tail for part in g.parts]
            f.subject = g.subject
        out.append(f)
    return out


def _continues(doc: Doc, f: Frame, g: Frame) -> bool:
    """Does cue f, inside g's content, go on with what g's speaker says?"""
    verb = doc[f.verb]
    if not f.content or g.subject is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if not (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        return False
    left = verb.left_edge.i
    tail = {t.i for t in verb.subtree}
    ends_content = all(i in tail for i in g.content if i > verb.i)
    set_off = left > 0 and doc[left - 1].text in (",", "and", "—", "–", ";")
    return ends_content and set_off


def _content_words(doc: Doc, frame: Frame, part: set[int]) -> set[int]:
    """The content tokens that carry meaning: no punctuation, no "that" before the clause."""
    return {
        i
        for i in part
        if i not in frame.cue and not (doc[i].is_punct or doc[i].is_space) and not (doc[i].dep_ == "mark" and doc[i].lower_ == "that")
    }


def _from_frame(doc: Doc, frame: Frame, passages: list[_Passage]) -> list[_Found]:
    return [q for part in frame.parts or [frame.content] for q in _from_part(doc, frame, part, passages)]


def _from_part(doc: Doc, frame: Frame, part: set[int], passages: list[_Passage]) -> list[_Found]:
    """The quote one clause of a frame's content makes."""
    words = _content_words(doc, frame, part)
    if not words:
        return []
    inside = [p for p in passages if not p.used and p.words & words]
    outside = words - set().union(*(p.tokens for p in inside)) if inside else words
    for p in inside:
        p.used = True
    if inside and (not outside or _quoted_clause(doc, part, inside)):
        return [_direct(doc, p, frame) for p in inside]
    # the words, the "that" before them and, for a quoted part, its quotation marks; not the
    # sentence's final stop or a comma after the content ("..., according to officials")
    tokens = {i for i in part - set(frame.cue) if not (doc[i].is_punct or doc[i].is_space)}
    if max(tokens) + 1 in part and doc[max(tokens) + 1].text in ("?", "!"):
        tokens.add(max(tokens) + 1)  # a question stays a question
    tokens -= _aside_at_end(doc, tokens)
    for p in inside:
        tokens |= set(range(p.first - 1, p.last + 2)) & set(range(len(doc)))  # with the marks
    start, end = _extent(doc, tokens, frame)
    found = _Found("mixed" if inside else "indirect", start, end, frame, frame.subject, last_token=max(tokens))
    return [found] if end > start else []


def _from_lines(doc: Doc, lines, passages: list[_Passage], frames: list[Frame]) -> list[_Found]:
    """Headline and transcript lines ("McCain: ...", "TAPPER: ..."): the colon is the cue."""
    taken = set().union(*(f.content for f in frames)) | {f.verb for f in frames}
    out = []
    for line in lines:
        tokens = set(range(*line.content))
        if tokens & taken:
            continue  # a line with its own reporting frame is that frame's
        frame = Frame([line.colon], CueEntry(":", "speech", ()), tokens, subject=doc[line.label[0] : line.label[1]].root, speaker_range=line.label)
        out += _from_frame(doc, frame, passages)
    return out


def _quoted_clause(doc: Doc, part: set[int], inside: list[_Passage]) -> bool:
    """Is the clause a quotation with an aside in it ("..., adding of Mr. Trump, ''He cares ...''")?

    So when the clause's head is inside a passage that opens a statement
    (after a comma, a colon or a stop), not one that continues the writer's
    own words ("said the plan ''would fail''").
    """
    heads = [i for i in part if doc[i].head.i not in part or doc[i].head.i == i]
    return len(heads) == 1 and any(heads[0] in p.tokens and p.standalone for p in inside)


def _aside_at_end(doc: Doc, tokens: set[int]) -> set[int]:
    """A comment the writer adds at the end of a reported clause, set off by a comma or dash.

    "she is willing to be interviewed by the FBI, which is conducting its
    own probe"; "the deal-breaker was his proposal to ban Muslims, a plan
    the billionaire has modified": a non-restrictive relative clause or an
    apposition running to the end of the content.
    """
    last = max(tokens)
    for i in sorted(tokens):
        tok = doc[i]
        if tok.dep_ not in ("relcl", "appos") or i == min(tokens):
            continue
        tail = {t.i for t in tok.subtree}
        left = min(tail)
        if max(tail) == last and left > 0 and doc[left - 1].text in (",", "—", "–", "--") and len(tokens - tail) >= MIN_STANDALONE_WORDS:
            return tail & tokens
    return set()


def _extent(doc: Doc, tokens: set[int], frame: Frame) -> tuple[int, int]:
    """Characters from the first to the last content token, trimmed."""
    first, last = min(tokens), max(tokens)
    # "what the U.S. says was ...": a relative word before the cue is not worth the span
    if first < frame.verb < last and all(i > frame.verb for i in tokens - {first}) and doc[first].tag_ in ("WDT", "WP"):
        first = min(i for i in tokens if i > frame.verb)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return _trim(_text(doc), start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _direct(doc: Doc, p: _Passage, frame: Frame | None) -> _Found:
    start, end = _trim(_text(doc), p.quoted.inner_start, p.quoted.inner_end)
    return _Found("direct", start, end, frame, frame.subject if frame else None, last_token=p.last)


def _attribute_passage(doc: Doc, p: _Passage, frames: list[Frame], quoted: frozenset[int]) -> _Found | None:
    """A direct quote for a quoted passage no frame took, if its context shows who said it.

    * a cue the passage hangs on ("tweeted “...”"), or
    * a cue with nothing else to report, in the passage's sentence or at most
      `ADJACENT_WORDS` words from it ("“...,” he said"; "“... AGAIN!” he
      tweeted", which the parser splits into two sentences);
    * the clause before a colon that introduces the passage ("Blackwell
      released the following statement: “...”"; "Trump: ‘...’").
    """
    index = sentence_index(doc)
    sents = {index[p.first], index[p.last]}
    standalone = p.standalone
    root = doc[p.first : p.last + 1].root
    candidates = []
    for f in frames:
        if index[f.verb] not in sents and not (p.first - NEAR_TOKENS <= f.verb <= p.last + NEAR_TOKENS):
            continue
        gap = _gap(doc, p, f)
        if doc[f.verb] == root.head and (standalone or len(p.words) > 1):
            candidates.append((0, gap, f))
        elif standalone and not (f.content - quoted) and (index[f.verb] in sents or _adjacent(doc, p, f, gap)):
            candidates.append((1, gap, f))
    if candidates:
        return _direct(doc, p, min(candidates, key=lambda c: (c[0], c[1]))[2])
    return _after_colon(doc, p, frames, quoted)


def _gap(doc: Doc, p: _Passage, f: Frame) -> int:
    """Words between a passage and a frame's cue, not counting the frame's speaker."""
    i = f.verb
    between = range(p.last + 1, i) if i > p.last else range(i + 1, p.first)
    speaker = {t.i for t in f.subject.subtree} if f.subject is not None else set()
    return sum(1 for j in between if not (doc[j].is_punct or doc[j].is_space) and j not in speaker)


def _adjacent(doc: Doc, p: _Passage, f: Frame, gap: int) -> bool:
    """A cue right next to a passage in the same paragraph ("“... AGAIN!” he tweeted")."""
    lo, hi = sorted((doc[f.verb].idx, p.quoted.end if f.verb > p.last else p.quoted.start))
    return gap <= ADJACENT_WORDS and "\n" not in _text(doc)[lo:hi]


def _after_colon(doc: Doc, p: _Passage, frames: list[Frame], quoted: frozenset[int]) -> _Found | None:
    text = _text(doc)
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
    cues = [f for f in frames if sent.start <= f.verb < colon.start]
    if cues:
        return _direct(doc, p, max(cues, key=lambda f: f.verb))
    head = clause.root
    if head.pos_ in ("VERB", "AUX") and head.lemma_ != "be":
        subject = speaker_head(head, quoted)
        if subject is not None and clause.start <= subject.i < clause.end and subject.lower_ not in _NOT_SPEAKERS:
            frame = Frame([head.i], CueEntry(head.lemma_.lower(), "speech", ()), subject=subject)
            return _direct(doc, p, frame)
        return None
    if head.pos_ == "PROPN" and clause.start == sent.start:
        found = _direct(doc, p, None)
        found.speaker = head  # a headline's "Trump: ‘...’"
        return found
    return None


def _inherit(doc: Doc, found: list[_Found], floating: list[_Passage], frames: list[Frame]) -> list[_Found]:
    """Give a quoted statement with no cue the speaker of the quote just before it.

    Failing a quote, a cue with nothing to report in the sentence right
    before the statement gives its subject ("Ellison spoke to reporters on
    Monday. “We have done everything ...”").
    """
    index = sentence_index(doc)
    speaking = {index[f.verb]: f for f in frames if f.subject is not None and not f.content}
    events = sorted([(f.start, 0, f) for f in found] + [(p.quoted.inner_start, 1, p) for p in floating], key=lambda e: (e[0], e[1]))
    out: list[_Found] = []
    last: _Found | None = None
    for _, is_passage, item in events:
        if not is_passage:
            out.append(item)
            last = item if item.speaker is not None else last
            continue
        p = item
        if not _statement(doc, p):
            continue
        quote = _direct(doc, p, None)
        before = speaking.get(index[p.first] - 1)
        if last is not None and index[p.first] - index[last.last_token] <= INHERIT_SENTENCES and (before is None or doc[before.verb].idx < last.start):
            quote.speaker, quote.inherited_from = last.speaker, last.inherited_from or last
            last = quote
        elif before is not None:
            source = _Found("direct", doc[before.verb].idx, doc[before.verb].idx, before, before.subject, last_token=before.verb)
            quote.speaker, quote.inherited_from = before.subject, source
            last = quote
        out.append(quote)
    return out


def _statement(doc: Doc, p: _Passage) -> bool:
    """Is a passage a quoted statement (not a title or a scare-quoted phrase)?"""
    if not p.standalone or len(p.words) < MIN_STANDALONE_WORDS:
        return False
    return any(doc[i].pos_ in ("VERB", "AUX") for i in p.words)


# --- records ---------------------------------------------------------------------------


def _in_order(found: list[_Found]) -> list[_Found]:
    """The quotes to report, in text order, each content span once."""
    seen: set[tuple[int, int]] = set()
    out = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if (f.start, f.end) not in seen and f.end > f.start:
            seen.add((f.start, f.end))
            out.append(f)
    return out


def _date(doc: Doc, f: _Found, times: list[Time], published: str | None) -> str | None:
    """When it was said: the date governing its cue, or the cue of the quote it continues."""
    source = f if f.frame is not None else f.inherited_from
    if source is None or source.frame is None:
        return published
    cue = doc[source.frame.verb]
    return date_for(doc, times, cue.idx, cue.idx + len(cue), published=published)


def _records(doc: Doc, found: list[_Found], entities: list[Entity]) -> list[Quote]:
    mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[1] - x[0], x[0]))
    out = []
    for f in _in_order(found):
        speaker = entity = None
        if f.speaker is not None:
            s, e = _speaker_range(f)
            speaker = Span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text)
            entity = _entity_at(f.speaker, mentions)
        out.append(
            Quote(
                id=f"Q{len(out) + 1}",
                type=f.type,
                content=Span(f.start, f.end, _text(doc)[f.start : f.end]),
                cue=_cue(doc, f.frame) if f.frame is not None else None,
                speaker=speaker,
                speaker_entity=entity.id if entity else None,
                speaker_name=entity.name if entity else _unresolved_name(f.speaker, speaker),
                inherited=f.inherited_from is not None,
            )
        )
    return out


def _speaker_range(f: _Found) -> tuple[int, int]:
    source = f.inherited_from or f
    if source.frame is not None and source.frame.speaker_range is not None and source.speaker is f.speaker:
        return source.frame.speaker_range
    return speaker_tokens(f.speaker)


def _cue(doc: Doc, frame: Frame) -> Cue:
    first, last = min(frame.cue), max(frame.cue)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Cue(start, end, _text(doc)[start:end], frame.entry.cue)


def _entity_at(head: Token, mentions: list[tuple[int, int, Entity]]) -> Entity | None:
    """The entity with the narrowest mention covering the token."""
    start, end = head.idx, head.idx + len(head)
    return next((e for s, t, e in mentions if s <= start and end <= t), None)


def _unresolved_name(head: Token | None, speaker: Span | None) -> str | None:
    """A speaker the entity layer does not know: its own words ("a spokesman for Mr. Ban"), never a bare pronoun."""
    if head is None or speaker is None or head.pos_ == "PRON":
        return None
    return speaker.text
