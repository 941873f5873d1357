"""Working types of the entity stage (internal; the output is `records.Entity`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..lexicon import countries
from ..lexicon import load_list, load_table
from ..lexicon.tables import CountryCompound, KnownActor

# Prefixes before a hyphen that turn a country word away from what it modifies: "an anti-Iran
# cleric" is not Iran's, nor are "pro-Russian rebels" Russian, and neither tells where the sentence happens.
OPPOSING_PREFIXES = ("anti", "pro")


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
    lemma: str | None = None  # head lemma of a nominal ("government")
    demonym: bool = False  # "Russian" in "Russian President": a mention of Russia
    _text: str | None = field(default=None, repr=False)
    _sent: int | None = field(default=None, repr=False)
    _head: int | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.start, self.end = without_space(self.doc, self.start, self.end)

    @property
    def span(self) -> Span:
        return self.doc[self.start : self.end]

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.span.text
        return self._text

    @property
    def sentence(self) -> int:
        """Index of the sentence the mention starts in."""
        if self._sent is None:
            self._sent = sentence_index(self.doc)[self.start]
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


def place_country(m: Mention) -> str | None:
    """The country a place-like name denotes: "U.S.", "the United States", "Syria's", "Russian".

    The entity's type counts over the parser's label of this mention: a
    "Mozambique" tagged PERSON in an entity typed GPE is the country.
    """
    label = m.cluster.label if m.cluster is not None and m.cluster.label else m.label
    if label not in ("GPE", "LOC", "NORP"):
        return None
    code = countries.country_named(m.text) or (people_country(m) if label == "NORP" else None)
    # once the entity is coded, its country: "Georgia" in a story about Atlanta is the US state (actors._reread_places)
    return m.cluster.country if code and m.cluster is not None and m.cluster.country else code


def people_country(m: Mention) -> str | None:
    """The country of a people a name mention denotes (data/peoples.tsv): a plural group noun ("Uighurs"), or a
    singular form modifying a noun ("Karen rebels"), never a singular alone ("Karen", a given name)."""
    return countries.country_of_people(m.text, modifier=is_noun_modifier(m.span))


def is_noun_modifier(span) -> bool:
    """Whether a span modifies a noun: "Tamil" in "Tamil rebels", "Karen" in "a Karen guerrilla stronghold"."""
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN")


@cache
def border_nouns() -> frozenset[str]:
    """data/border_nouns.txt: "border", "frontier"."""
    return frozenset(load_list("border_nouns.txt"))


def on_border(tok: Token) -> bool:
    """Whether a word modifies a border noun (data/border_nouns.txt), directly or through the words it modifies:
    "Thai" in "the Thai border", "Pakistan" in "the Pakistan-Afghanistan border"."""
    node = tok
    while node.dep_ in ("amod", "compound", "nmod", "punct") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in border_nouns():
            return True
    return False


def opposed(tok: Token) -> bool:
    """"anti-Syria", "pro-Russian": a country word after an opposing prefix and a hyphen."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in OPPOSING_PREFIXES


def not_its_own(tok: Token) -> bool:
    """A country word that is not what it modifies: after an opposing prefix ("anti-Syria", "pro-Russian"), or
    before a hyphen and a word that makes it act on it ("Russian-backed", "Israeli-occupied"; data/country_compounds.tsv)."""
    return opposed(tok) or compound_role(tok) == "other"


def compound_role(tok: Token) -> str | None:
    """"leads" for "Saudi" in "Saudi-led", "other" for "Russian" in "Russian-backed" (data/country_compounds.tsv), else None."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i].whitespace_ and not doc[tok.i + 1].whitespace_:
        return _compound_roles().get(doc[tok.i + 2].lower_)
    return None


@cache
def _compound_roles() -> dict[str, str]:
    return {row.word: row.role for row in load_table("country_compounds.tsv", CountryCompound)}


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once per doc."""
    cached = doc.user_data.get("newswire_sentences")
    if cached is None:
        cached = doc.user_data["newswire_sentences"] = list(doc.sents)
    return cached


def sentence_index(doc: Doc) -> list[int]:
    """For each token, the index of its sentence (computed once per doc)."""
    cached = doc.user_data.get("newswire_sentence_index")
    if cached is None:
        cached = [0] * len(doc)
        for i, s in enumerate(sentences(doc)):
            cached[s.start : s.end] = [i] * (s.end - s.start)
        doc.user_data["newswire_sentence_index"] = cached
    return cached


def entity_at(doc: Doc, i: int) -> Span | None:
    """The parser's named entity holding token i, if any (`doc.ents` is rebuilt on every access: read once per doc)."""
    cached = doc.user_data.get("newswire_ents")
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data["newswire_ents"] = (ents, [e.start for e in ents])
    ents, starts = cached
    n = bisect.bisect_right(starts, i) - 1
    return ents[n] if n >= 0 and i < ents[n].end else None


def token_starts(doc: Doc) -> list[int]:
    """Each token's start offset, in token order (computed once per doc): bisect it to find a token by offset."""
    cached = doc.user_data.get("newswire_token_starts")
    if cached is None:
        cached = doc.user_data["newswire_token_starts"] = [t.idx for t in doc]
    return cached


def last_token_before(doc: Doc, offset: int) -> int:
    """Index of the last token that starts before character `offset`, -1 if none."""
    return bisect.bisect_left(token_starts(doc), offset) - 1


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
