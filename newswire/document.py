"""The per-document context: what the stages share about one parsed document.

`pipeline.analyze_parsed` builds one `Document` per document and passes it
to every stage; a stage called on its own (`extract_quotes(doc, entities)`)
takes the doc's context with `Document.of(doc)`, which builds it on first
use. A parse-tree helper that only holds a token reaches the same context
through `Document.of(token.doc)`.

Everything here is computed once per document, when first asked for:

* the text (as the parser saw it, removed spans blank, and the original),
  the sentences and each token's sentence, each token's start offset, the
  tokens that begin a line;
* the lines that are not article prose (captions, credits, section labels,
  sub-headings, bylines; `text/prose.py`): no quote or event comes from them;
* the dateline's tokens ("ADDIS ABABA (Reuters) - ": never an actor, a
  subject or a speaker; `text/datelines.py`);
* the parser's named entities by token, and the article's focus country;
* where its places are (`geo`: each GPE and LOC name resolved to a GeoNames
  feature, all of them together, `lexicon/places.py`);
* over the records of the earlier stages: which entity each token mentions
  (`entities`, one index for every stage), who reports what an offset holds
  (`reporters`), and the date of a span (`date_for`, from the time
  expression governing its clause);
* the indices a stage builds over its own lists (`index`).

This module imports records, `text/` and `lexicon/`, never a stage, so every
stage may use it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from . import timex
from .lexicon import countries
from .lexicon.borders import on_border
from .lexicon.compounds import outside
from .lexicon.places import Geocoder, home_country, place_level
from .records import Entity, Geo, Mention, Quote, Time
from .text.clauses import governing_verb, is_clause_head
from .text.datelines import credit_spans, dateline_spans
from .text.parse import parsed_text, source_text
from .text.prose import headline_lines, not_prose
from .text.tokens import line_starts

__all__ = ["Document", "EntityIndex", "Reporters", "focus_country"]

# The focus country must hold at least this share of the article's country
# mentions (on the seed, Syria holds about half), and more than any other country.
FOCUS_SHARE = 0.4
# The parser's labels of the names that are geocoded.
PLACE_LABELS = ("GPE", "LOC")
# Values that can date a clause: a year or finer, possibly with a time of day or
# underspecified (X) digits; a decade or century (`timex.COARSE`) governs a clause but is too coarse to date it.
_DATE_VALUE = re.compile(r"^(?:\d{4}|XXXX)(?:-|$)")
_NOMINAL_POS = ("NOUN", "PROPN", "PRON", "NUM")
# The one key the context is kept under on its Doc (so that `Document.of` finds it again).
_KEY = "newswire_document"

T = TypeVar("T")


class Document:
    """One parsed document and what the stages share about it (see the module docstring)."""

    def __init__(self, doc: Doc, *, published: str | None = None):
        self.doc = doc
        self.published = published
        self._indices: dict[Callable, tuple[list, int, object]] = {}
        doc.user_data[_KEY] = self

    @staticmethod
    def of(doc: Doc) -> Document:
        """The context of a doc: the one built for it, else a new one (with no publication date)."""
        found = doc.user_data.get(_KEY)
        return found if found is not None else Document(doc)

    @staticmethod
    def given(doc: Doc, context: Document | None, published: str | None) -> tuple[Document, str | None]:
        """What a stage's `extract_*` works with: the context it was given (else the doc's, `of`), and the
        publication date it was given (else the given context's)."""
        if context is None:
            return Document.of(doc), published
        return context, published if published is not None else context.published

    # --- the text ---------------------------------------------------------------------

    @cached_property
    def text(self) -> str:
        """The text as the parser saw it (removed spans blank): search it; spaCy joins the tokens anew on each `doc.text`
        (`text.parse.parsed_text`)."""
        return parsed_text(self.doc)

    @cached_property
    def source(self) -> str:
        """The original text (`text.parse.source_text`): cut record texts from it."""
        return source_text(self.doc)

    @cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def sentence_index(self) -> list[int]:
        """For each token, the index of its sentence."""
        index = [0] * len(self.doc)
        for i, s in enumerate(self.sentences):
            index[s.start : s.end] = [i] * (s.end - s.start)
        return index

    def sentence_of(self, i: int) -> Span:
        """The sentence holding token i."""
        return self.sentences[self.sentence_index[i]]

    @cached_property
    def token_starts(self) -> list[int]:
        """Each token's start offset, in token order: bisect it to find a token by offset."""
        return [t.idx for t in self.doc]

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts at character `offset`, if one does."""
        starts = self.token_starts
        i = bisect.bisect_left(starts, offset)
        return i if i < len(starts) and starts[i] == offset else None

    def last_token_before(self, offset: int) -> int:
        """Index of the last token that starts before character `offset`, -1 if none."""
        return bisect.bisect_left(self.token_starts, offset) - 1

    @cached_property
    def line_starts(self) -> list[int]:
        """The indices of the tokens that begin a line (paragraph), in order (`text.tokens.line_starts`)."""
        return line_starts(self.doc)

    @cached_property
    def dateline_spans(self) -> list[tuple[int, int]]:
        """`[start, end)` token ranges of the place words of each dateline ("ADDIS ABABA")."""
        return dateline_spans(self.doc, self.line_starts)

    @cached_property
    def dateline(self) -> frozenset[int]:
        """The token indices of the place words of every dateline."""
        return frozenset(i for start, end in self.dateline_spans for i in range(start, end))

    @cached_property
    def credits(self) -> frozenset[int]:
        """The token indices of the names in wire credits ("(AFP)" ending a headline, "Reuters - " opening a lead:
        `text.datelines.credit_spans`): like a dateline's words, they name no actor."""
        return frozenset(i for start, end in credit_spans(self.doc, self.line_starts) for i in range(start, end))

    @cached_property
    def in_no_apposition(self) -> frozenset[int]:
        """The tokens of wire credits and datelines' places: in apposition to nothing ("calls for peacekeepers (AFP)";
        "NAIROBI, Nov 9 - Kenya's attorney general filed": the parser hangs the official on the place)."""
        return self.credits | self.dateline

    @cached_property
    def headline_lines(self) -> list[tuple[int, int]]:
        """`[start, end)` token ranges of the lines that are headlines (`text.prose.headline_lines`)."""
        return headline_lines(self.doc)

    @cached_property
    def not_prose(self) -> frozenset[int]:
        """The token indices of the lines that are not article prose (captions, credits, labels, sub-headings,
        bylines: `text/prose.py`): no quote or event comes from them."""
        return not_prose(self.doc)

    # --- the parser's named entities ----------------------------------------------------------

    @cached_property
    def _ents(self) -> tuple[list[Span], list[int]]:
        ents = list(self.doc.ents)  # `doc.ents` is rebuilt on every access
        return ents, [e.start for e in ents]

    @property
    def ents(self) -> list[Span]:
        """The parser's named entities, `doc.ents` read once (spaCy builds new spans on every access); not to be changed."""
        return self._ents[0]

    def named_entity_at(self, i: int) -> Span | None:
        """The parser's named entity holding token i, if any."""
        ents, starts = self._ents
        n = bisect.bisect_right(starts, i) - 1
        return ents[n] if n >= 0 and i < ents[n].end else None

    @cached_property
    def focus(self) -> str | None:
        """The country the article is about, if one clearly dominates its mentions (`focus_country`)."""
        return _focus(self._ents[0])

    # --- where its places are -------------------------------------------------------------------

    @cached_property
    def _places(self) -> tuple[Geocoder, dict[int, str], dict[int, str], frozenset[int], dict[int, str], dict[int, str]]:
        """The article's place names resolved together, the "X, Y" pairs ("Paris, Texas") by offset of each, the
        offsets of the names tagged LOC (no city: "Asia"), and the kind of place the words governing a name say
        it is ("the state of Georgia", `place_level`) and the place an "of" after it names ("the Eastern District
        of New York") by its offset."""
        ents = [e for e in self._ents[0] if e.label_ in PLACE_LABELS]
        within: dict[int, str] = {}
        holds: dict[int, str] = {}
        for a, b in zip(ents, ents[1:]):
            if b.start == a.end + 1 and self.doc[a.end].text == ",":
                within[a.start_char] = b.text
                holds[b.start_char] = a.text
        locations = frozenset(e.start_char for e in ents if e.label_ == "LOC")
        levels: dict[int, str] = {}
        for e in ents:
            level, country = place_level(e)
            if level:
                levels[e.start_char] = level
            if country and e.start_char not in within:
                within[e.start_char] = countries.country_name(country) or country  # "the US state of Georgia"
        parts: dict[int, str] = {}  # "the Eastern District of New York": the place an "of" after a name names
        for e in ents:
            of = next((c for c in e.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            place = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if place is not None and (owner := self.named_entity_at(place.i)) is not None and owner.label_ in PLACE_LABELS:
                parts[e.start_char] = owner.text
        home = home_country(e.text for e in self._ents[0] if e.label_ == "ORG")
        coder = Geocoder((e.text for e in ents), self.focus, home)
        s = [e.start_char for e in ents]
        coder.settle((e.text, within.get(n), holds.get(n), n not in locations, levels.get(n)) for e, n in zip(ents, s))
        return coder, within, holds, locations, levels, parts

    def geo(self, text: str, start: int) -> Geo | None:
        """The GeoNames feature a place name at offset `start` denotes, read with the article's other places."""
        coder, within, holds, locations, levels, parts = self._places
        return coder.resolve(text, within=within.get(start), holds=holds.get(start), city=start not in locations,
                             level=levels.get(start), part_of=parts.get(start))

    def places_in(self, start: int, end: int) -> list[Geo]:
        """The resolved places the parser names (GPE, LOC) inside [start, end), in text order."""
        found = [self.geo(e.text, e.start_char) for e in self._ents[0] if e.label_ in PLACE_LABELS and start <= e.start_char and e.end_char <= end]
        return [g for g in found if g is not None]

    # --- over the records of earlier stages ----------------------------------------------------

    def entities(self, entities: list[Entity]) -> EntityIndex:
        """Which entity each token mentions, for the entity stage's records (built once per list)."""
        return self.index(entities, EntityIndex)

    def reporters(self, quotes: list[Quote]) -> Reporters:
        """Who reports what an offset holds, for the quotes stage's records (built once per list)."""
        return self.index(quotes, _reporters)

    def date_for(self, times: list[Time], start: int, end: int, *, published: str | None = None) -> str | None:
        """The date of what the characters [start, end) state (an event trigger, a quote's cue).

        The value of the DATE or TIME expression governing the clause that holds
        the span, cut to the date for a TIME ("2013-09-13T10:00" → "2013-09-13");
        else `published`. A time expression governs the span when, following the
        syntactic heads up from the expression:

        1. it reaches a token of the span before any verb: it modifies the span
           itself ("the August 21st attack" for the span "attack");
        2. else the first verb it reaches (the head of its clause) is the verb
           of the span's clause ("met Friday" for "met"; "said Thursday" for a
           quote cued by "said") — not a verb of a clause embedded in it ("said
           Thursday he will finalize" gives "finalize" no date from Thursday)
           nor of a clause above it;
        3. else that verb is the one the span's verb is conjoined to ("met
           Friday and discussed a plan" dates "discussed").

        The first of these that holds wins, and among equals the expression
        nearest the span. Vague values (PAST_REF, PRESENT_REF, FUTURE_REF),
        durations and sets never govern. A decade or century that governs ("In
        the 1990s, Peru accepted ...") gives no date: None, not `published`
        (what it dates did not happen on the day of publication, and a decade
        is no day or year to give).
        """
        governing = self.governing_time(times, start, end)
        return published if governing is None else timex.date_of(governing.value)

    def governing_time(self, times: list[Time], start: int, end: int) -> Time | None:
        """The DATE or TIME expression that governs the characters [start, end) (`date_for` says how), decades and
        centuries included; None when none does."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = span.root if is_clause_head(span.root) else governing_verb(span.root)
        best: tuple[tuple[int, int], Time] | None = None
        for t, root in self._dating_times(times, span):
            coarse = bool(timex.COARSE.match(t.value))
            if coarse and verb is not None and _now_or_later(verb):
                continue  # "advocates cite his record in the early 2000s": the citing is now
            rank = _governs(root, span, verb, through_nouns=not coarse)
            if rank is None:
                continue
            key = (rank, min(abs(t.start - end), abs(start - t.end)))
            if best is None or key < best[0]:
                best = (key, t)
        return best[1] if best else None

    def _dating_times(self, times: list[Time], span: Span) -> list[tuple[Time, Token]]:
        """The DATE and TIME expressions that may date `span`, with their head tokens, in the order of `times`.

        Only those in a sentence `span` touches: `_governs` follows syntactic heads, which never leave a sentence.
        """
        by_sentence = self.index(times, _dating_by_sentence)
        doc = self.doc
        sent = span[0].sent
        found = list(by_sentence.get(sent.start, ()))
        while sent.end < span.end:
            sent = doc[sent.end].sent
            found += by_sentence.get(sent.start, ())
        if len(found) > 1:
            found.sort(key=lambda x: x[0])
        return [(t, root) for _, t, root in found]

    # --- a stage's own indices -----------------------------------------------------------------

    def index(self, items: list, build: Callable[[Document, list], T]) -> T:
        """`build(self, items)`: an index over one of a stage's lists for this document (its frames, its passages),
        built once per builder and list (again if the list has grown)."""
        cached = self._indices.get(build)
        if cached is None or cached[0] is not items or cached[1] != len(items):
            cached = self._indices[build] = (items, len(items), build(self, items))
        return cached[2]


class EntityIndex:
    """Which entity each token of a document mentions, and the mentions near a place in the text.

    A token some mentions cover is the narrowest one's (the earlier one of
    equals, then the first in the order of the entities and their mentions).
    """

    def __init__(self, context: Document, entities: list[Entity]):
        self.entities = entities
        starts = context.token_starts
        # every mention by where it starts: (start, entity's position, mention's position, entity, mention)
        self._mentions = sorted(
            ((m.start, n, k, e, m) for n, e in enumerate(entities) for k, m in enumerate(e.mentions)), key=lambda x: x[:3]
        )
        self._mention_starts = [x[0] for x in self._mentions]
        self._longest = max((m.end - m.start for e in entities for m in e.mentions), default=0)
        self._at: dict[int, tuple[Entity, Mention]] = {}
        narrowest_first = sorted(((x[4].end - x[0], *x) for x in self._mentions), key=lambda x: x[:4])
        for _, s, _, _, e, m in narrowest_first:
            i = bisect.bisect_left(starts, s)
            while i < len(starts) and starts[i] < m.end:
                self._at.setdefault(i, (e, m))
                i += 1
        self._countries: dict[str | None, Entity] = {}
        for e in entities:
            if e.type == "GPE":
                self._countries.setdefault(e.actor, e)
        self._named: dict[str, tuple[list[int], list[Mention]]] = {}

    def at(self, i: int) -> tuple[Entity, Mention] | None:
        """The entity the narrowest mention covering token i belongs to, with that mention."""
        return self._at.get(i)

    def entity_at(self, i: int) -> Entity | None:
        found = self._at.get(i)
        return found[0] if found is not None else None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity, Mention]]:
        """The mentions starting in [start, end) and those overlapping it, as (entity's position, mention's position,
        entity, mention), in the order of the entities and their mentions."""
        lo = bisect.bisect_left(self._mention_starts, start - self._longest)
        hi = bisect.bisect_left(self._mention_starts, end)
        found = [(n, k, e, m) for s, n, k, e, m in self._mentions[lo:hi] if m.end > start]
        found.sort(key=lambda x: x[:2])
        return found

    def country(self, code: str) -> Entity | None:
        """The first GPE entity with this actor code."""
        return self._countries.get(code)

    def named_before(self, entity: Entity, at: int) -> Mention | None:
        """The entity's last mention other than a pronoun that starts before offset `at`."""
        if entity.id not in self._named:
            named = sorted((m for m in entity.mentions if m.kind != "pronoun"), key=lambda m: m.start)
            self._named[entity.id] = ([m.start for m in named], named)
        starts, named = self._named[entity.id]
        i = bisect.bisect_left(starts, at)
        return named[i - 1] if i else None


class Reporters:
    """The speaker of the quote whose content holds an offset (the first such quote with a resolved speaker): who
    reports an event or a figure.

    The quotes are sorted by where their content starts, so only those starting at most the longest content's
    length before an offset are looked at.
    """

    def __init__(self, quotes: list[Quote]):
        spoken = [(q.content.start, n, q) for n, q in enumerate(quotes) if q.speaker_entity]
        spoken.sort(key=lambda x: (x[0], x[1]))
        self._starts = [s for s, _, _ in spoken]
        self._quotes = [(n, q) for _, n, q in spoken]
        self._longest = max((q.content.end - q.content.start for _, _, q in spoken), default=0)

    def at(self, start: int) -> str | None:
        hi = bisect.bisect_right(self._starts, start)
        lo = bisect.bisect_left(self._starts, start - self._longest)
        holding = [(n, q) for n, q in self._quotes[lo:hi] if start < q.content.end]
        return min(holding, key=lambda x: x[0])[1].speaker_entity if holding else None


def _reporters(context: Document, quotes: list[Quote]) -> Reporters:
    return Reporters(quotes)


def focus_country(doc: Doc) -> str | None:
    """The country an article is about, if one clearly dominates its mentions (computed once per document)."""
    return Document.of(doc).focus


def _focus(ents: list[Span]) -> str | None:
    # "the Thai border" names a place beside Thailand, not what the article is about
    # nor does a country that acts on what its word modifies ("Russian-backed rebels", "anti-Iran", "Saudi-led forces")
    votes = Counter(countries.country_named(ent.text) for ent in ents
                    if ent.label_ in ("GPE", "NORP") and not on_border(ent.root) and not outside(ent[0], ent[-1]))
    votes.pop(None, None)
    if not votes:
        return None
    code, n = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    if sum(1 for v in votes.values() if v == n) > 1:
        return None  # two countries named as often: neither dominates (before, the later code in the alphabet won)
    return code if n / sum(votes.values()) >= FOCUS_SHARE else None


def _dating_by_sentence(context: Document, times: list[Time]) -> dict[int, list[tuple[int, Time, Token]]]:
    """The DATE and TIME expressions that can date a clause, by the start of their sentence, with their head tokens."""
    doc = context.doc
    by_sentence: dict[int, list[tuple[int, Time, Token]]] = {}
    for n, t in enumerate(times):
        if t.type not in ("DATE", "TIME") or not (_DATE_VALUE.match(t.value) or timex.COARSE.match(t.value)):
            continue
        expression = doc.char_span(t.start, t.end, alignment_mode="expand")
        if expression is None or not len(expression):
            continue
        root = expression.root
        by_sentence.setdefault(root.sent.start, []).append((n, t, root))
    return by_sentence


def _now_or_later(verb: Token) -> bool:
    """A verb in the present or future tense ("cite", "says", "will cite"; a base form with no auxiliary is a present
    the tagger missed): not what a past decade dates."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        verb.tag_ in ("VBP", "VBZ")
        or (verb.tag_ == "VB" and not auxiliaries)
        or any(a in ("will", "'ll") for a in auxiliaries)
    )


def _governs(token: Token, span: Span, verb: Token | None, *, through_nouns: bool = True) -> int | None:
    """How closely the time expression headed by `token` governs `span` (0 best), or None if it does not.

    through_nouns=False: only when it modifies the span or its clause's verb directly, not through a noun it describes
    (a decade: "prosecuted the Mafia in the 1980s", not "compared them with 20th century dictators")."""
    t = token
    while True:
        if span.start <= t.i < span.end:
            return 0
        if is_clause_head(t) or t.head.i == t.i:
            break
        t = t.head
        if not through_nouns and t.pos_ in _NOMINAL_POS and not (span.start <= t.i < span.end):
            return None
    if verb is None or not is_clause_head(t):
        return None
    if t.i == verb.i:
        return 1
    if verb.dep_ == "conj" and verb.head.i == t.i:
        return 2
    return None
