"""The records newswire emits, in one place.

Every record is a plain dataclass. One `Analysis` goes unchanged to JSON (the
versioned schema `newswire/analysis@1`, documented in docs/schema.md), to the
DuckDB store and to the UI. These dataclasses are the one declaration of that
schema: the JSON Schema (newswire/schema/analysis-1.schema.json) is generated
from them (`python -m newswire.schema --write`), and so are the store's
tables. A closed set of values is a `Literal`; what JSON Schema says of a
field beyond its type (a pattern, a minimum, a description) is a `Rule` in its
`Annotated` type.

Offsets: every `start`/`end` pair is a `[start, end)` range of Python string
(code point) offsets into the original input text, `Analysis.text`, before
any cleaning, so `text[start:end]` is always the evidence.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any, Literal

SCHEMA = "newswire/analysis@1"


class Rule:
    """JSON Schema keywords a field's values keep beyond their type (`newswire.schema` writes them out).

    Annotated[int, Rule(minimum=0)]: an int, 0 or more. Type checkers and the
    store see the plain type; only the schema generator reads the rule.
    """

    __slots__ = ("keywords",)

    def __init__(self, **keywords: Any):
        self.keywords = keywords

    def __repr__(self) -> str:
        return f"Rule({', '.join(f'{k}={v!r}' for k, v in self.keywords.items())})"


# The closed sets of values (the schema's enums; docs/schema.md says what each means).
RemovedReason = Literal["repeated", "boilerplate", "unbroken"]
MentionKind = Literal["name", "nominal", "pronoun"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "GROUP"]
QuoteType = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "intended", "requested", "conditional", "negated", "hypothetical"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # PLOVER 0.8
InputFormat = Literal["text", "html", "json", "warc"]
FailureStage = Literal["read", "language", "clean", "dedup", "analyze", "store"]
# an `InputError.reason` (newswire/errors.py), or a failure newswire did not foresee
FailureReason = Literal["empty", "binary", "encoding", "too-large", "malformed", "not-english", "bad-input", "internal", "crashed"]

# Values with a shape
Offset = Annotated[int, Rule(minimum=0)]
CountryCode = Annotated[str, Rule(pattern="^[A-Z]{3}$", description="ISO 3166 alpha-3")]
ActorCode = Annotated[str, Rule(pattern="^([A-Z]{3})+$", description="CAMEO-style actor code")]
TimexDate = Annotated[
    str, Rule(description="a TIMEX3 date value: YYYY-MM-DD, or coarser (YYYY-MM, YYYY-Www, YYYY) when the text says no more")
]
Day = Annotated[str, Rule(format="date", pattern="^\\d{4}-\\d{2}-\\d{2}$")]


def content_id(text: str) -> str:
    """The id of a text: the first 16 hex digits of the SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """A document as read from its source, before analysis.

    `text` is the original input text: for plain text the file as decoded, for
    HTML and WARC the body text extracted by trafilatura, for JSON the `text`
    field. All analysis offsets point into it.
    """

    text: str
    title: str | None = None
    published: Day | None = None
    url: str | None = None
    source: str | None = None  # where it was read from (path, path:line, path@offset of a WARC record)
    format: InputFormat = "text"
    warnings: list[str] = field(default_factory=list)
    external_id: str | None = None  # the id the source gave it (a JSON "id"); ours is the content hash


@dataclass(slots=True)
class Span:
    start: Offset
    end: Offset
    text: str


@dataclass(slots=True)
class Removed:
    """A span of the input left out of the analysis, and why."""

    start: Offset
    end: Offset
    reason: RemovedReason
    repeats: Annotated[int, Rule(description="for 'repeated': start of the earlier copy")] | None = None


@dataclass(slots=True)
class Mention:
    start: Offset
    end: Offset
    text: str
    kind: MentionKind = "name"


@dataclass(slots=True)
class Entity:
    """One real-world entity: all its mentions in the article share this id."""

    id: Annotated[str, Rule(pattern="^E[0-9]+$")]
    name: str  # the fullest proper name ("Ban Ki-moon"), or the nominal ("the Syrian government")
    type: EntityType
    titles: list[str] = field(default_factory=list)
    country: CountryCode | None = None
    actor: ActorCode | None = None  # USAGOV, IGOUNO, SYRREB, ...
    mentions: Annotated[list[Mention], Rule(minItems=1)] = field(default_factory=list)
    geo: Annotated[Geo, Rule(description="for a place (GPE, LOC): the GeoNames feature it resolves to; null when unknown or ambiguous")] | None = None

    @property
    def named(self) -> bool:
        """Does the article name it at least once? An entity of descriptions only ("both delegations", "reporters",
        "the hospital") is kept for the quotes and events that read it as a speaker's or actor's description, but it
        is no named body or person: the entity lists (`analyze`'s table, `query entities`) show named entities only
        (the store's condition on it is `corpus.tally.NAMED_ENTITY`)."""
        return any(m.kind == "name" for m in self.mentions)


@dataclass(slots=True)
class Cue:
    start: Offset
    end: Offset
    text: str
    lemma: str


@dataclass(slots=True)
class Tone:
    """Lexicon tone of a stretch of text, as GDELT measures it: the share of its words that are positive or negative.

    Counted over the words of the article's cleaned text (removed spans left out) or of a quote's content, with the
    VADER lexicon (docs/tone.md says which words count, and what tone is not: stance toward anyone).
    """

    score: Annotated[
        float, Rule(minimum=-100, maximum=100, description="GDELT's AvgTone: (positive_words - negative_words) / words × 100")
    ]
    positive: Annotated[float, Rule(minimum=0, maximum=100, description="positive_words / words × 100")]
    negative: Annotated[float, Rule(minimum=0, maximum=100, description="negative_words / words × 100 (a positive number, as GDELT's)")]
    polarity: Annotated[float, Rule(minimum=0, maximum=100, description="positive + negative: how emotional the words are, whatever their sign")]
    words: Annotated[int, Rule(minimum=0, description="the words counted")]
    positive_words: Annotated[int, Rule(minimum=0)]
    negative_words: Annotated[int, Rule(minimum=0)]


@dataclass(slots=True)
class Quote:
    """Who said what: a direct, indirect or mixed quote and its speaker."""

    id: str
    type: QuoteType
    content: Span
    cue: Cue | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    speaker_name: str | None = None
    inherited: bool = False
    date: TimexDate | None = None
    confidence: Annotated[
        float,
        Rule(
            minimum=0,
            maximum=1,
            description="how likely the content and speaker are right (0-1, two decimals), fitted on PolNeAR train and judged international news",
        ),
    ] | None = None
    tone: Tone | None = None  # the tone of the content's words


@dataclass(slots=True)
class Time:
    """A time expression with a TIMEX3 value (TimeML 1.2.1), normalised against the publication date."""

    id: Annotated[str, Rule(pattern="^T[0-9]+$")]  # T1, T2, ... in text order
    start: Offset
    end: Offset
    text: str
    type: TimeType
    value: Annotated[
        str,
        Rule(
            minLength=1,
            description="TIMEX3 value (TimeML 1.2.1): 2013-09-13, 2013-08, 2013-W37, 2013-Q3, 2013-SU, 201, 2013-09-13T10:00, P1M, PT3H, XXXX-WXX-5, PRESENT_REF, ...",
        ),
    ]
    anchor: Annotated[
        str,
        Rule(
            pattern="^(published|T[0-9]+)$",
            description="what the value was resolved against: the publication date, an earlier time's id, or null",
        ),
    ] | None = None


@dataclass(slots=True)
class Geo:
    """Where a place is on the map: a GeoNames feature (a country, a first-level division or a city).

    `type` is GDELT's geographic type: 1 country, 2 US state, 3 US city, 4 world
    city, 5 world state (a first-level division outside the US).
    """

    type: Annotated[int, Rule(minimum=1, maximum=5, description="GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state")]
    name: Annotated[str, Rule(description="full name, GDELT's way: 'Paris, Ile-de-France, France', 'Texas, United States', 'Syria'")]
    country: CountryCode
    adm1: Annotated[str, Rule(description="GeoNames first-level division: ISO alpha-2 country '.' admin1 code ('US.TX', 'FR.11')")] | None = None
    lat: Annotated[float, Rule(minimum=-90, maximum=90)] | None = None
    lon: Annotated[float, Rule(minimum=-180, maximum=180)] | None = None
    feature_id: Annotated[int, Rule(description="GeoNames feature id (geonames.org/<id>)")] | None = None


@dataclass(slots=True)
class EventActor:
    """An actor of an event: the words that name it, its entity and its code."""

    start: Offset
    end: Offset
    text: str
    entity: Annotated[str, Rule(description="the entity id (E1, ...) the words name")] | None = None
    actor: ActorCode | None = None
    implicit: Annotated[
        bool,
        Rule(
            description="not named in the event's clause: inferred (the article's focus country at its nearest mention, "
            "the source's own country, the event's place, the one other country of its sentence)"
        ),
    ] = False
    geo: Annotated[Geo, Rule(description="where the actor is: the place its words or entity name, else its country (GDELT's actor geo)")] | None = None


@dataclass(slots=True)
class Place:
    start: Offset
    end: Offset
    text: str
    country: CountryCode | None = None
    geo: Annotated[Geo, Rule(description="the GeoNames feature the place resolves to; null when unknown or ambiguous")] | None = None


@dataclass(slots=True)
class Event:
    """Who did what to whom: one CAMEO/PLOVER-coded event."""

    id: Annotated[str, Rule(pattern="^EV[0-9]+$")]
    cameo: Annotated[str, Rule(pattern="^[0-9]{3,4}$", description="CAMEO code as a string: 044, 1122")]
    cameo_root: Annotated[str, Rule(pattern="^[0-9]{2}$")]  # "04"
    plover: PloverType | None
    quad_class: Annotated[int, Rule(minimum=1, maximum=4)]
    goldstein: Annotated[float, Rule(minimum=-10, maximum=10)]
    trigger: Span
    sentence: Span
    source: EventActor | None = None
    target: EventActor | None = None
    date: TimexDate | None = None
    location: Place | None = None
    reported_by: Annotated[str, Rule(description="entity id of the speaker whose quote states the event")] | None = None
    modality: Modality = "asserted"
    participants: list[EventActor] = field(default_factory=list)  # every actor named, source and target first
    # every trigger of this event in the text ("the attack" again)
    mentions: Annotated[list[Span], Rule(minItems=1)] = field(default_factory=list)
    confidence: Annotated[
        float,
        Rule(
            minimum=0,
            maximum=1,
            description="how likely the record is fully right (a real event, its type, source and target): a logistic "
            "model fitted on development data (data/event_confidence.tsv); None from a version that did not compute it",
        ),
    ] | None = None
    sentence_number: Annotated[
        int, Rule(minimum=1, description="the position of its sentence among the article's sentences that hold a word, from 1 (GDELT's SentenceID)")
    ] | None = None


@dataclass(slots=True)
class Figure:
    """A reported count: deaths, people displaced, arrests, ..."""

    start: Offset
    end: Offset
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # "more than", "at least", "about", ...
    unit: str | None = None  # "people", ...
    what: str | None = None  # "killed", "injured", "displaced", ...
    reported_by: str | None = None
    date: TimexDate | None = None
    # the countries of the places its sentence says something happened in ("killed 40 people in Nairobi": KEN), sorted
    places: list[CountryCode] = field(default_factory=list)


# The JSON of an `Analysis`: these fields first (identity), then the values
# computed from the record (`COMPUTED`, with their types), then the layers.
JSON_HEAD = ("schema", "version", "id", "title", "url", "published")
COMPUTED: dict[str, Any] = {"text_length": Annotated[int, Rule(minimum=1)]}


@dataclass(slots=True)
class Analysis:
    """Everything newswire found in one article."""

    id: Annotated[str, Rule(pattern="^[0-9a-f]{16}$", description="first 16 hex digits of the SHA-256 of the UTF-8 text")]
    text: Annotated[str, Rule(description="the original input text; all offsets point into it")]
    title: str | None = None
    url: str | None = None
    published: Day | None = None  # None when unknown
    version: Annotated[str, Rule(description="newswire version that produced the record")] = ""
    schema: Literal[SCHEMA] = SCHEMA
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tone: Tone | None = None  # the tone of the cleaned text's words (None when the tone stage did not run)
    warnings: list[str] = field(default_factory=list)

    @property
    def text_length(self) -> int:
        return len(self.text)

    @property
    def cleaned_text(self) -> str:
        """The text with removed spans cut out (offsets do not apply to it)."""
        return cleaned_text(self.text, self.removed)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        data = to_dict(self)
        ordered = {k: data.pop(k) for k in JSON_HEAD}
        ordered.update((name, getattr(self, name)) for name in COMPUTED)
        ordered.update(data)
        return ordered

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        data = {k: v for k, v in data.items() if k != "text_length"}
        return from_dict(cls, data)

    @classmethod
    def from_json(cls, raw: str) -> "Analysis":
        return cls.from_dict(json.loads(raw))


@dataclass(slots=True)
class Failure:
    """A document a corpus run could not analyse, and why: a row of the store's `errors`."""

    document: str  # where it came from: path, path:line, path@offset of a WARC record
    stage: FailureStage
    reason: FailureReason
    message: str  # the one-line message
    article_id: str | None = None  # content id, when the text was read


def cleaned_text(text: str, removed: list[Removed]) -> str:
    """`text` with the removed spans cut out (offsets do not apply to the result)."""
    parts, last = [], 0
    for r in sorted(removed, key=lambda r: r.start):
        parts.append(text[last : r.start])
        last = max(last, r.end)
    parts.append(text[last:])
    return "".join(parts)


def to_dict(record: Any) -> Any:
    """A record (or list of records) as plain JSON-ready data."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        if isinstance(record, list):
            return [to_dict(x) for x in record]
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            return record
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    return {name: to_dict(getattr(record, name)) for name in names}


# each record type's field names, in order (asked of `dataclasses.fields` once per type: an article's records
# can number 100,000)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build a record of type `cls` from `to_dict` output (unknown keys are ignored)."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: from_plain(hints[k], v) for k, v in data.items() if k in names})


def from_plain(tp: Any, value: Any) -> Any:
    """A value of type `tp` from its `to_dict` form (records rebuilt, everything else as it is)."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return from_plain(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [from_plain(item, v) for v in value]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value
