"""GDELT 2.0-style event rows from an `Analysis`, so existing GDELT tooling can read newswire's events.

`gdelt_rows(analysis)` gives one row of the 61 GDELT 2.0 event-table columns
(`GDELT_COLUMNS`) per event, every cell a string; `gdelt_tsv(analysis)` joins
them as tab-separated lines without a header, as GDELT's own files are.
`mention_rows(analysis)` gives the GDELT 2.0 Mentions table's 16 columns
(`MENTION_COLUMNS`): one row per article mentioning an event, so, until
events are pooled across a corpus, one per event record. The column mapping,
and where newswire departs from GDELT, is in docs/gdelt.md.

Each takes `min_confidence` and `modality`, the filters of `query events`:
GDELT has no modality column, so a tool reading the rows counts every row as
an event that happened; the CLI passes the defaults of `query events`
(asserted events at confidence 0.3 or more), the functions' own defaults keep
every event.
"""

from __future__ import annotations

import hashlib

from .lexicon import countries, places
from .records import Analysis, Entity, EventActor, Event, Geo, Place

ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
# GDELT's MentionType: 1 a web page (identified by its URL), 2 a citation only (no URL).
MENTION_WEB, MENTION_CITATION = "1", "2"
# Transnational roots: the block after them is GDELT's KnownGroupCode (IGOUNO → UNO).
TRANSNATIONAL = {"IGO", "NGO", "IMG", "MNC"}
# Religion blocks of CAMEO actor codes (GDELT's Religion1Code).
RELIGIONS = {"REL", "CHR", "CTH", "PRO", "MUS", "MOS", "SUN", "SHI", "JEW", "HIN", "BUD"}


def kept_events(analysis: Analysis, *, min_confidence: float = 0.0, modality: str | None = None) -> list[Event]:
    """The analysis's events at or above `min_confidence` (0: all; an event without a confidence only at 0) and of
    `modality` ("asserted", ...; None or "any": all), in order."""
    return [
        e for e in analysis.events
        if (not min_confidence or (e.confidence is not None and e.confidence >= min_confidence))
        and (modality in (None, "any") or e.modality == modality)
    ]  # fmt: skip


def gdelt_rows(
    analysis: Analysis, *, min_confidence: float = 0.0, modality: str | None = None, dated_by_copies: bool = False
) -> list[list[str]]:
    """One GDELT 2.0 event row (61 strings, in `GDELT_COLUMNS` order) per event of the analysis (those `kept_events`
    keeps).

    dated_by_copies: the analysis's `published` is a date its copies gave (the store's `articles.filled`), not the one
    it was analysed with: an event whose own date stayed underspecified ("XXXX-WXX-1") gets no day from it."""
    return [_row(analysis, e, dated_by_copies) for e in kept_events(analysis, min_confidence=min_confidence, modality=modality)]


def gdelt_tsv(analysis: Analysis, *, min_confidence: float = 0.0, modality: str | None = None, dated_by_copies: bool = False) -> str:
    """The rows as tab-separated lines, no header (empty string for no events)."""
    rows = gdelt_rows(analysis, min_confidence=min_confidence, modality=modality, dated_by_copies=dated_by_copies)
    return "".join("\t".join(row) + "\n" for row in rows)


def _row(a: Analysis, e: Event, dated_by_copies: bool = False) -> list[str]:
    date = _day(e.date) or (_day(a.published) if e.date is None or not dated_by_copies else "")
    row = [_event_id(a, e), *_dates(date)]
    row += _actor(a, e.source) + _actor(a, e.target)
    row += [
        "1" if _in_lead(a, e) else "0",
        e.cameo,
        e.cameo[:3],
        e.cameo_root,
        str(e.quad_class),
        f"{e.goldstein:.1f}",
        str(len(e.mentions) or 1),  # NumMentions: every reference to it in the article ("the attack" again)
        "1",  # NumSources: one article, from one source
        "1",  # NumArticles: one article (its Mentions row)
        _tone(a),  # AvgTone: the tone of the one article mentioning it
    ]
    row += _geo(_actor_geo(a, e.source)) + _geo(_actor_geo(a, e.target)) + _geo(_place_geo(e.location))
    added = _day(a.published)
    row += [f"{added}000000" if added else "", a.url or ""]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def mention_rows(
    analysis: Analysis, *, source: str | None = None, min_confidence: float = 0.0, modality: str | None = None
) -> list[list[str]]:
    """One GDELT 2.0 Mentions row (16 strings, in `MENTION_COLUMNS` order) per event (those `kept_events` keeps):
    the article that mentions it.

    source: where the article was read from (a path), the identifier of an article without a URL.
    """
    return [_mention(analysis, e, source) for e in kept_events(analysis, min_confidence=min_confidence, modality=modality)]


def mentions_tsv(
    analysis: Analysis, *, source: str | None = None, min_confidence: float = 0.0, modality: str | None = None
) -> str:
    """The Mentions rows as tab-separated lines, no header (empty string for no events)."""
    rows = mention_rows(analysis, source=source, min_confidence=min_confidence, modality=modality)
    return "".join("\t".join(row) + "\n" for row in rows)


def _mention(a: Analysis, e: Event, source: str | None) -> list[str]:
    added = _day(a.published)
    stamp = f"{added}000000" if added else ""
    row = [
        _event_id(a, e),
        stamp,  # EventTimeDate: when the event was first recorded (its DATEADDED)
        stamp,  # MentionTimeDate: when this article was published
        MENTION_WEB if a.url else MENTION_CITATION,
        _host(a.url) if a.url else "",
        _clean_cell(a.url or source or a.id),
        str(e.sentence_number) if e.sentence_number else "",
        _offset(e.source),
        _offset(e.target),
        str(e.trigger.start),
        "1" if _in_raw_text(a, e) else "0",
        _confidence(e),
        str(len(a.text)),
        _tone(a),
        "",  # MentionDocTranslationInfo: English, not translated
        "",  # Extras: unused, as GDELT's
    ]
    assert len(row) == len(MENTION_COLUMNS)
    return row


def _confidence(e: Event) -> str:
    """GDELT's Confidence, a percentage: the event's `confidence` (0-1, calibrated on development data) × 100,
    rounded; empty when the record has none. Not floored at GDELT's lowest, 10: a 4% record says 4."""
    return str(round(100 * e.confidence)) if e.confidence is not None else ""


def _tone(a: Analysis) -> str:
    """The article's tone score (GDELT's AvgTone of one article); empty when tone was not measured."""
    return f"{a.tone.score:.2f}" if a.tone is not None else ""


def _offset(actor: EventActor | None) -> str:
    """Where an actor's words start (GDELT: -1 when the event has no such actor)."""
    return str(actor.start) if actor is not None else "-1"


def _in_raw_text(a: Analysis, e: Event) -> bool:
    """GDELT's InRawText: the event's actors are named in its text, none inferred nor a pronoun resolved to them."""
    for actor in (e.source, e.target):
        if actor is None:
            continue
        if actor.implicit:
            return False
        entity = a.entity(actor.entity)
        if entity and any(m.kind == "pronoun" and m.start == actor.start and m.end == actor.end for m in entity.mentions):
            return False
    return True


def _host(url: str) -> str:
    """A URL's host without "www." (GDELT's MentionSourceName is the source's domain)."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _clean_cell(value: str) -> str:
    """A value as one TSV cell: tabs and line breaks would split the row."""
    return " ".join(value.split("\t")).replace("\n", " ").replace("\r", " ")


def _event_id(a: Analysis, e: Event) -> str:
    """A stable integer id: the article's content id and the event's id, hashed."""
    digest = hashlib.sha256(f"{a.id}:{e.id}".encode()).hexdigest()
    return str(int(digest[:15], 16))


def _day(date: str | None) -> str:
    """YYYYMMDD from YYYY-MM-DD, YYYY-MM or YYYY (missing parts as 01); empty for anything else (2008-W33)."""
    if not date:
        return ""
    parts = date[:10].split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return ""  # a decade ("199"), a century ("18"), a week ("2008-W33"): no GDELT day
    parts += ["01"] * (3 - len(parts))
    return "".join(parts)


def _dates(day: str) -> list[str]:
    if not day:
        return ["", "", "", ""]
    year, month, dom = int(day[:4]), int(day[4:6]), int(day[6:8])
    fraction = year + ((month - 1) * 30 + dom) / 365
    return [day, day[:6], day[:4], f"{fraction:.4f}"]


def _actor(a: Analysis, actor: EventActor | None) -> list[str]:
    if actor is None or not actor.actor:
        return [""] * len(ACTOR_FIELDS)
    code = actor.actor
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = blocks[0] if countries.is_country_code(blocks[0]) else ""
    rest = blocks[1:]
    known = rest.pop(0) if blocks[0] in TRANSNATIONAL and rest else ""
    religions = [b for b in rest if b in RELIGIONS]
    types = [b for b in rest if b not in RELIGIONS]
    if blocks[0] in TRANSNATIONAL:
        types.insert(0, blocks[0])
    entity = a.entity(actor.entity)
    name = (entity.name if entity else actor.text).upper()
    return [
        code,
        name,
        country,
        known,
        "",
        *(religions + ["", ""])[:2],
        *(types + ["", "", ""])[:3],
    ]


def _actor_geo(a: Analysis, actor: EventActor | None) -> Geo | None:
    """An actor's place (GDELT geocodes actors by where they are): its `geo`, else (a record made before geo
    existed) its entity's country."""
    if actor is None or not actor.actor:
        return None
    if actor.geo is not None:
        return actor.geo
    entity: Entity | None = a.entity(actor.entity)
    return places.country_geo(entity.country if entity and entity.country else actor.actor[:3])


def _place_geo(place: Place | None) -> Geo | None:
    """Where the event happened: its place's `geo`, else (unresolved, or a record made before geo existed) its country."""
    if place is None:
        return None
    return place.geo or places.country_geo(place.country)


def _geo(geo: Geo | None) -> list[str]:
    """The eight GDELT geo columns: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.

    Country codes are FIPS 10-4, as GDELT's are (Switzerland SZ, Germany GM); ADM1Code is the FIPS country code
    followed by GeoNames' admin1 code (USTX); FeatureID is the country's FIPS code for a country and the ADM1
    code for a division, as in GDELT, and the GeoNames feature id for a city (GDELT's are GNS/GNIS ids).
    """
    if geo is None:
        return [""] * len(GEO_FIELDS)
    fips = places.fips(geo.country)
    adm1 = fips + geo.adm1.split(".", 1)[1] if geo.adm1 and fips else ""
    feature = fips if geo.type == places.COUNTRY else adm1 if geo.type in (places.US_STATE, places.WORLD_STATE) else str(geo.feature_id or "")
    return [
        str(geo.type),
        geo.name,
        fips,
        adm1,
        "",
        "" if geo.lat is None else str(geo.lat),
        "" if geo.lon is None else str(geo.lon),
        feature,
    ]


def _in_lead(a: Analysis, e: Event) -> bool:
    """GDELT's IsRootEvent: the event is stated in the article's first paragraph."""
    first_break = a.text.find("\n", len(a.text) - len(a.text.lstrip()))
    return first_break < 0 or e.trigger.start < first_break
