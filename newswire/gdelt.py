"""GDELT 2.0-style event rows from an `Analysis`, so existing GDELT tooling can read newswire's events.

`gdelt_rows(analysis)` gives one row of the 61 GDELT 2.0 event-table columns
(`GDELT_COLUMNS`) per event, every cell a string; `gdelt_tsv(analysis)` joins
them as tab-separated lines without a header, as GDELT's own files are. The
column mapping, and where newswire departs from GDELT, is in docs/gdelt.md.
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
# Transnational roots: the block after them is GDELT's KnownGroupCode (IGOUNO → UNO).
TRANSNATIONAL = {"IGO", "NGO", "IMG", "MNC"}
# Religion blocks of CAMEO actor codes (GDELT's Religion1Code).
RELIGIONS = {"REL", "CHR", "CTH", "PRO", "MUS", "MOS", "SUN", "SHI", "JEW", "HIN", "BUD"}


def gdelt_rows(analysis: Analysis) -> list[list[str]]:
    """One GDELT 2.0 event row (61 strings, in `GDELT_COLUMNS` order) per event of the analysis."""
    return [_row(analysis, e) for e in analysis.events]


def gdelt_tsv(analysis: Analysis) -> str:
    """The rows as tab-separated lines, no header (empty string for no events)."""
    return "".join("\t".join(row) + "\n" for row in gdelt_rows(analysis))


def _row(a: Analysis, e: Event) -> list[str]:
    date = _day(e.date) or _day(a.published)
    row = [_event_id(a, e), *_dates(date)]
    row += _actor(a, e.source) + _actor(a, e.target)
    row += [
        "1" if _in_lead(a, e) else "0",
        e.cameo,
        e.cameo[:3],
        e.cameo_root,
        str(e.quad_class),
        f"{e.goldstein:.1f}",
        str(len(e.mentions) or 1),
        "1",
        "1",
        "0",  # tone is not measured
    ]
    row += _geo(_actor_geo(a, e.source)) + _geo(_actor_geo(a, e.target)) + _geo(_place_geo(e.location))
    added = _day(a.published)
    row += [f"{added}000000" if added else "", a.url or ""]
    assert len(row) == len(GDELT_COLUMNS)
    return row


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
