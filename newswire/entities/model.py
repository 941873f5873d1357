"""Working types of the entity stage (internal; the output is `records.Entity`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..document import Document
from ..lexicon.tables import KnownActor


@dataclass(eq=False, slots=True)
class Mention:
    """One mention under construction: a token range of the parsed doc."""

    doc: Doc
    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # "name" | "nominal" | "pronoun"
    label: str  # PERSON ORG GPE LOC FAC NORP GROUP
    cluster: Cluster | None = None
    # evidence found next to this mention
    titles: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    affiliations: list[Mention] = field(default_factory=list)  # "U.N." in "U.N. chief Ban"
    gender: str | None = None
    honorific: bool = False  # "Dr. Carson", "Mr. Ban": a form of address before the name
    kin: bool = False  # "his daughter Rebekah": in apposition to a noun of family relation
    past_office: bool = False  # "former Prime Minister Fouad Siniora": a title no longer held (data/past_office_words.txt)
    lemma: str | None = None  # head lemma of a nominal ("government")
    demonym: bool = False  # "Russian" in "Russian President": a mention of Russia
    body_name: bool = False  # a one-word name the article uses as a body's ("Ford shares"): no person's (`lexicon/bodies.py`)
    _text: str | None = field(default=None, repr=False)
    _sent: int | None = field(default=None, repr=False)
    _head: int | None = field(default=None, repr=False)
    _span: Span | None = field(default=None, repr=False)
    _words: tuple[int, int, tuple[str, ...]] | None = field(default=None, repr=False)  # `names.name_tokens`, for [start, end)

    def __post_init__(self) -> None:
        self.start, self.end = without_space(self.doc, self.start, self.end)

    @property
    def span(self) -> Span:
        span = self._span
        if span is None or span.start != self.start or span.end != self.end:
            span = self._span = self.doc[self.start : self.end]
        return span

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.span.text
        return self._text

    @property
    def sentence(self) -> int:
        """Index of the sentence the mention starts in."""
        if self._sent is None:
            self._sent = Document.of(self.doc).sentence_index[self.start]
        return self._sent

    @property
    def head(self) -> int:
        """Token index of the mention's syntactic head."""
        if self._head is None:
            self._head = self.span.root.i
        return self._head


def without_space(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Tokens `[start, end)` less the whitespace tokens at either end (empty if all are).

    The parser may put a whitespace token in an entity or a noun chunk ("the" and the blanked lines of a
    removed repeat tagged ORG, "Advertisement\r" blanked before "Sudan's army"): a mention never starts or
    ends on one, so it never reaches into removed text.
    """
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


@dataclass(eq=False, slots=True)
class Cluster:
    """Mentions of one entity, in text order."""

    mentions: list[Mention] = field(default_factory=list)
    label: str = ""
    known: KnownActor | None = None  # the gazetteer row (data/actors.tsv) it matched
    country: str | None = None
    actor: str | None = None

    def add(self, m: Mention) -> None:
        m.cluster = self
        bisect.insort(self.mentions, m, key=lambda x: x.start)

    @property
    def names(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "name"]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    def gender(self) -> str | None:
        votes = [m.gender for m in self.mentions if m.gender]
        if self.known and self.known.gender:
            votes.append(self.known.gender)
        if not votes:
            return None
        return max(set(votes), key=lambda g: (votes.count(g), g))
