"""The records newswire emits, in one place.

Every record is a plain dataclass. One `Analysis` goes unchanged to JSON (the
versioned schema `newswire/analysis@1`, documented in docs/schema.md and
newswire/schema/analysis-1.schema.json), to the DuckDB store and to the UI.

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
from typing import Any

SCHEMA = "newswire/analysis@1"


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
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # where it was read from (path, path:line, path@offset of a WARC record)
    format: str = "text"  # text | html | json | warc
    warnings: list[str] = field(default_factory=list)
    external_id: str | None = None  # the id the source gave it (a JSON "id"); ours is the content hash


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Removed:
    """A span of the input left out of the analysis, and why."""

    start: int
    end: int
    reason: str  # "repeated" | "boilerplate" | "unbroken"
    repeats: int | None = None  # for "repeated": start offset of the earlier copy


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str = "name"  # "name" | "nominal" | "pronoun"


@dataclass(slots=True)
class Entity:
    """One real-world entity: all its mentions in the article share this id."""

    id: str
    name: str  # the fullest proper name ("Ban Ki-moon"), or the nominal ("the Syrian government")
    type: str  # PERSON | ORG | GPE | LOC | FAC | NORP | GROUP
    titles: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-3
    actor: str | None = None  # CAMEO-style actor code: USAGOV, IGOUNO, SYRREB, ...
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    text: str
    lemma: str


@dataclass(slots=True)
class Quote:
    """Who said what: a direct, indirect or mixed quote and its speaker."""

    id: str
    type: str  # "direct" | "indirect" | "mixed"
    content: Span
    cue: Cue | None = None
    speaker: Span | None = None
    speaker_entity: str | None = None
    speaker_name: str | None = None
    inherited: bool = False
    date: str | None = None


@dataclass(slots=True)
class Time:
    """A time expression with a TIMEX3 value (TimeML 1.2.1), normalised against the publication date."""

    id: str  # T1, T2, ... in text order
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # "2013-09-13", "2013-08", "2013-W37", "P1M", "XXXX-WXX-5", "PAST_REF", ...
    anchor: str | None = None  # what the value was resolved against: "published", the id of an earlier time, or None


@dataclass(slots=True)
class EventActor:
    """An actor of an event: the words that name it, its entity and its code."""

    start: int
    end: int
    text: str
    entity: str | None = None
    actor: str | None = None
    implicit: bool = False  # not named in the event's clause: inferred (focus country, home, place, the sentence's other country)


@dataclass(slots=True)
class Place:
    start: int
    end: int
    text: str
    country: str | None = None


@dataclass(slots=True)
class Event:
    """Who did what to whom: one CAMEO/PLOVER-coded event."""

    id: str
    cameo: str  # a string: "044", "1122"
    cameo_root: str  # "04"
    plover: str | None
    quad_class: int
    goldstein: float
    trigger: Span
    sentence: Span
    source: EventActor | None = None
    target: EventActor | None = None
    date: str | None = None
    location: Place | None = None
    reported_by: str | None = None  # entity id of the speaker whose report states the event
    modality: str = "asserted"  # asserted | intended | conditional | negated | hypothetical
    participants: list[EventActor] = field(default_factory=list)  # every actor named, source and target first
    mentions: list[Span] = field(default_factory=list)  # every trigger of this event in the text ("the attack" again)


@dataclass(slots=True)
class Figure:
    """A reported count: deaths, people displaced, arrests, ..."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # "more than", "at least", "about", ...
    unit: str | None = None  # "people", ...
    what: str | None = None  # "killed", "injured", "displaced", ...
    reported_by: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything newswire found in one article."""

    id: str  # content hash of `text`
    text: str  # the original input text; every offset points into it
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD, or None when unknown
    version: str = ""  # newswire version that produced the record
    schema: str = SCHEMA
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
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
        # field order in the JSON: identity first, then the layers
        ordered = {k: data.pop(k) for k in ("schema", "version", "id", "title", "url", "published")}
        ordered["text_length"] = self.text_length
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
    stage: str  # read | language | clean | analyze
    reason: str  # an `InputError.reason` ("malformed", "not-english", ...) or "internal"
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
    if dataclasses.is_dataclass(record):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list):
        return [to_dict(x) for x in record]
    return record


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build a record of type `cls` from `to_dict` output (unknown keys are ignored)."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _convert(hints[k], v) for k, v in data.items() if k in names})


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value
