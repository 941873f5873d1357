"""GDELT 2.0-style event rows from an `Analysis`, so existing GDELT tooling can read newswire's events.

`gdelt_rows(analysis)` gives one row of the 61 GDELT 2.0 event-table columns
(`GDELT_COLUMNS`) per event, every cell a string; `gdelt_tsv(analysis)` joins
them as tab-separated lines without a header, as GDELT's own files are. The
column mapping, and where newswire departs from GDELT, is in docs/gdelt.md.
"""

from __future__ import annotations

import hashlib

from .lexicon import countries
from .records import Analysis, Entity, Event, EventActor, Place

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
# GDELT geographic types: 1 country, 4 world city.
GEO_COUNTRY, GEO_CITY = "1", "4"


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
    row += _geo(_actor_place(a, e.source)) + _geo(_actor_place(a, e.target)) + _geo(e.location)
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


def _actor_place(a: Analysis, actor: EventActor | None) -> Place | None:
    """An actor's own place: its country (GDELT geocodes actors by where they are)."""
    if actor is None or not actor.actor:
        return None
    entity: Entity | None = a.entity(actor.entity)
    code = entity.country if entity and entity.country else actor.actor[:3]
    if not countries.is_country_code(code):
        return None
    return Place(actor.start, actor.end, countries.country_name(code) or code, code)


def _geo(place: Place | None) -> list[str]:
    if place is None or not place.country:
        return [""] * len(GEO_FIELDS)
    city = countries.city(place.text)
    alpha2 = _alpha2(place.country)
    if city is not None and city.country == place.country:
        return [GEO_CITY, f"{city.name}, {countries.country_name(place.country) or place.country}", alpha2, "", "", city.lat, city.lon, ""]
    return [GEO_COUNTRY, countries.country_name(place.country) or place.text, alpha2, "", "", "", "", ""]


def _alpha2(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return c.alpha_2 if c else ""


def _in_lead(a: Analysis, e: Event) -> bool:
    """GDELT's IsRootEvent: the event is stated in the article's first paragraph."""
    first_break = a.text.find("\n", len(a.text) - len(a.text.lstrip()))
    return first_break < 0 or e.trigger.start < first_break
