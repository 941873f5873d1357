"""Offline geocoding: place names to GeoNames features (country, first-level division, city) as `records.Geo`.

The gazetteer is `data/places.tsv` (GeoNames cities of at least 15,000 people
and every first-level division, ADM1) and `data/country_geo.tsv` (each
country's codes, feature id and centroid); scripts/build_places.py makes both.

`Geocoder(names, focus)` resolves the place names of one article together: a
name several features share ("Paris", "Tripoli", "Georgia", "Punjab") takes
the one a qualifier names ("Paris, Texas"), else a national capital that is
the largest place of its name ("Paris", "Washington") when no other country
has a city of 100,000 so named, else the one in the country the
article's other places name (its unambiguous places; else its focus
country), where a town beats a far larger namesake only when the article
names its division; else the most populous only when it dwarfs every other
(ten times the people, or a city among towns); else it stays unresolved: the
country when all readings share one, nothing when they do not, nor when the
article names two of the readings' countries and none dwarfs. A country's
name is the country ("Georgia" is the Caucasus republic) unless the
article's other places all lie in one other country that has a division of
that name. Continents and world regions (`data/world_regions.txt`) are no
feature; a name tagged LOC is no city. docs/gdelt.md describes the rules and
their limits; eval/geocoding.py measures them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from . import countries, load_list, load_table
from .tables import CountryGeo, GazetteerPlace, KnownActor, PlaceAlias, PlaceLevelWord, PlaceReading
from ..records import Geo

if TYPE_CHECKING:  # the corpus commands import this module without the parser
    from spacy.tokens import Span, Token

# GDELT geographic types
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
# The most populous reading of a name is taken without other evidence only when it has this many times the
# people of every reading in another country (Paris, France: 86 × Paris, Texas; Tripoli, Libya: 5.7 × Tripoli,
# Lebanon, so Tripoli stays unresolved without context).
DOMINANT = 10
# A city of a division's own name is the reading over the division when it lies in it ("Geneva", "Damascus":
# a division named after its seat), when it is the country's capital ("Washington", not the state), or when it
# is this large; else the division ("Victoria" is the Australian state).
CITY_OVER_DIVISION = 1_000_000
# A city this large is a reading of its own: country evidence may pick it over a larger namesake elsewhere
# ("Tripoli" in an article naming Lebanon); a smaller town needs its division named.
LARGE = 100_000
_SPACES = re.compile(r"\s+")
# The sectors (data/actors.tsv codes) of organisations that act at home: companies, legislatures, parties, the
# opposition, courts, police. Not media (a news agency reports from abroad), governments (a foreign ministry
# speaks of other countries), armed forces, spies, rebels or NGOs.
HOME_SECTORS = frozenset({"BUS", "LEG", "PTY", "OPP", "JUD", "COP"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One feature a name can denote: a country (`place` None) or a row of places.tsv."""

    country: str
    place: GazetteerPlace | None = None

    @property
    def population(self) -> int:
        return self.place.population if self.place else 0


@cache
def _places() -> tuple[dict[str, list[GazetteerPlace]], dict[str, list[GazetteerPlace]], dict[tuple[str, str], GazetteerPlace],
                       dict[str, list[GazetteerPlace]]]:
    """(name or spelling → places, lower-cased → places, (country, admin1 code) → its division, shortening → places).

    The names are places.tsv's and data/place_aliases.tsv's ("Fla.", "Bombay")."""
    exact: dict[str, list[GazetteerPlace]] = {}
    short: dict[str, list[GazetteerPlace]] = {}
    divisions: dict[tuple[str, str], GazetteerPlace] = {}
    aliases: dict[int, list[str]] = {}
    for alias in load_table("place_aliases.tsv", PlaceAlias):
        aliases.setdefault(alias.feature_id, []).append(alias.alias)
    for row in load_table("places.tsv", GazetteerPlace):
        for name in dict.fromkeys((row.name, *row.aliases, *aliases.get(row.id, ()))):
            exact.setdefault(name, []).append(row)
        for name in row.short:
            short.setdefault(name, []).append(row)
        if row.kind == "adm1":
            divisions.setdefault((row.country, row.adm1), row)
    lowered: dict[str, list[GazetteerPlace]] = {}
    for name, rows in exact.items():
        lowered.setdefault(name.lower(), []).extend(rows)
    return exact, lowered, divisions, short


@cache
def _division_people() -> dict[tuple[str, str], int]:
    """(country, admin1 code) → the people of the division's cities of 15,000 (GeoNames gives a division none)."""
    people: Counter[tuple[str, str]] = Counter()
    for row in load_table("places.tsv", GazetteerPlace):
        if row.kind == "city" and row.adm1:
            people[(row.country, row.adm1)] += row.population
    return dict(people)


# A first-level division whose cities hold at least this many times the people of the largest city of its name is what
# the name alone means ("Virginia": the US state, not the South African town; "Ontario": the Canadian province, not the
# Californian city). At 10 no name of cities.tsv changes where the two are of a size ("San Juan", "Carlsbad", "Valencia").
DIVISION_OVER_CITY = 10


def division_country(text: str) -> str | None:
    """The country of the first-level division a place name means rather than the largest city of that name
    (`DIVISION_OVER_CITY`); None when the name is no city's or no such division's."""
    key = _key(text)
    city = countries.city(key)
    if city is None:
        return None
    people, country = max(((_division_people().get((p.country, p.adm1), 0), p.country)
                           for p in _places()[0].get(key, ()) if p.kind == "adm1"), default=(0, None))
    return country if people >= DIVISION_OVER_CITY * city.population else None


def division_only_country(text: str) -> str | None:
    """The country of a name that means first-level divisions of one country and nothing else ("Ala.", "Texas",
    "Sindh": the name of no city, no country and no division of another country); None otherwise ("Washington", also
    cities; "Punjab", in two countries; "Georgia", a country)."""
    rows = _places()[0].get(text, ())
    if not rows or any(r.kind != "adm1" for r in rows) or len({r.country for r in rows}) != 1 or countries.country_named(text):
        return None
    return rows[0].country


def _stands_alone(reading: Reading) -> bool:
    """Whether a reading is known enough to be meant wherever it is named: a country, a city of 100,000, or a
    division whose cities hold 100,000 people ("California", not the Bahamas' Long Island district)."""
    place = reading.place
    if place is None:
        return True
    if place.kind == "city":
        return place.population >= LARGE
    return _division_people().get((place.country, place.adm1), 0) >= LARGE


def _shortened(key: str, named: bool) -> list[GazetteerPlace]:
    """The cities a shortened name stands for: "Frankfurt" for Frankfurt am Main, "New York" for New York City.

    A shortening names a city only when the city is large (a town's, "Long Island" for Long Island City, is
    more likely the name of something else), and, where a place or country has that very name, only when
    the city is larger than any division ("Oklahoma" and "Maryland" are the states, "New York" the city).
    """
    floor = CITY_OVER_DIVISION if named else LARGE
    return [row for row in _places()[3].get(key, ()) if row.population >= floor]


@cache
def _world_regions() -> frozenset[str]:
    """data/world_regions.txt: continents and regions of several countries, as written and without "the"."""
    return frozenset(_key(name) for name in load_list("world_regions.txt"))


@cache
@cache
def place_readings() -> dict[str, PlaceReading]:
    """Place names with a usual and another reading, by name as written (data/place_readings.tsv: "Georgia")."""
    return {row.name: row for row in load_table("place_readings.tsv", PlaceReading)}


def is_world_region(text: str) -> bool:
    """Is a place name a continent or a region of several countries ("South America", "Central Asia"; not "America",
    which names a country)?"""
    key = _key(text)
    return key in _world_regions() and not countries.country_from_name(key)


@cache
def _home_organisations() -> dict[str, str]:
    """Name or alias → country, of the organisations of data/actors.tsv in a sector that acts at home."""
    out: dict[str, str] = {}
    for row in load_table("actors.tsv", KnownActor):
        if row.type == "ORG" and row.country and row.code[3:] in HOME_SECTORS:
            for name in (row.name, *row.aliases):
                out.setdefault(name, row.country)
    return out


def home_country(organisations: Iterable[str]) -> str | None:
    """The one country of the known organisations an article names that act at home ("Apple Inc.", a party, a
    parliament); None when it names none or several countries'. The last evidence of where its places are."""
    found = {c for name in organisations if (c := _home_organisations().get(_key(name)))}
    return found.pop() if len(found) == 1 else None


@cache
def _level_words() -> dict[str, str]:
    return {row.word: row.level for row in load_table("place_level_words.tsv", PlaceLevelWord)}


def is_level_word(word: str) -> bool:
    """Is `word` (lower case) a noun of government that tells a place's kind (data/place_level_words.tsv: "state")?"""
    return word in _level_words()


def _level_word(token: Token) -> str | None:
    words = _level_words()
    return words.get(token.lemma_.lower()) or words.get(token.lower_)


def place_level(name: Span) -> tuple[str | None, str | None]:
    """What the words governing a place name say it is: its kind (data/place_level_words.tsv: "division" for "the
    governor of Georgia", "state" for "the state of New York" or "Ontario province" (a division or a country),
    "city" for "the mayor of Victoria", "polity" for "the governments of Canada and Ontario": a country or a
    division, no city) and the country they put it in ("the US state of
    Georgia", "the Australian state of Victoria"); (None, None) when no such word governs it.

    The governing noun is the one the name is the "of" object of, the possessor of, or a name before; a name
    coordinated with a place name takes that name's governor. An adjective of the noun speaks first ("the
    provincial government of Ontario").
    """
    root = name.root
    while root.dep_ == "conj" and root.head.ent_type_ in ("GPE", "LOC") and root.head.i < root.i:
        root = root.head  # "Canada and Ontario": the first conjunct's governor
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.dep_ == "prep":
        noun = head.head
    elif root.dep_ in ("compound", "poss", "nmod") and head.i > root.i and head.i >= name.end:
        noun = head
    else:
        return None, None
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_:
        return None, None
    level = _level_word(noun)
    country = None
    for child in noun.lefts:
        if child.ent_type_ in ("GPE", "NORP") and child.i < name.start:
            country = country or countries.country_named(child.text)
        elif child.dep_ in ("amod", "compound") and (word := _level_word(child)):
            level = word
    return level, country if level else None


@cache
def _countries() -> dict[str, CountryGeo]:
    return {row.code: row for row in load_table("country_geo.tsv", CountryGeo)}


def _key(text: str) -> str:
    return countries._key(_SPACES.sub(" ", text))


def readings(text: str) -> list[Reading]:
    """Every feature a place name can denote: the country it names, and the divisions and cities of that name.

    Case matters ("Nice" the city, not "nice"); a name in capitals longer than an acronym is looked up whatever
    its case ("ROTTERDAM" in a dateline).
    """
    key = _key(text)
    out: list[Reading] = []
    if is_world_region(key):
        return out  # a continent or a region of several countries ("Asia", "Central America"): no feature
    country = countries.country_from_name(key) or countries.country_from_region(key)
    if country and country in _countries():
        out.append(Reading(country))
    exact, lowered = _places()[:2]
    rows = exact.get(key)
    if rows is None and key.isupper() and len(key) > countries.CAPITALS_ACRONYM:
        rows = lowered.get(key.lower())
    out += [Reading(r.country, r) for r in rows or ()]
    out += [Reading(r.country, r) for r in _shortened(key, bool(out))]
    inner = countries.without_direction(key) if not out else None
    return readings(inner) if inner else out  # "central London" is in London


def country_geo(code: str | None) -> Geo | None:
    """A country as a `Geo` (type 1, its centroid): GDELT's place for an actor when no place is named."""
    row = _countries().get(code or "")
    if row is None:
        return None
    return Geo(COUNTRY, countries.country_name(code) or code, code, None, row.lat, row.lon, row.id)


def fips(code: str) -> str:
    """A country's FIPS 10-4 code, the one GDELT's geo columns use ("CHE" → "SZ"); empty when unknown."""
    row = _countries().get(code)
    return row.fips if row else ""


def geo_of(reading: Reading) -> Geo:
    place = reading.place
    if place is None:
        geo = country_geo(reading.country)
        assert geo is not None
        return geo
    alpha2 = _countries()[place.country].alpha2 if place.country in _countries() else ""
    country_name = countries.country_name(place.country) or place.country
    us = place.country == "USA"
    adm1 = f"{alpha2}.{place.adm1}" if place.adm1 and alpha2 else None
    if place.kind == "adm1":
        return Geo(US_STATE if us else WORLD_STATE, f"{place.name}, {country_name}", place.country, adm1, place.lat, place.lon, place.id)
    division = _places()[2].get((place.country, place.adm1))
    parts = [place.name, *([division.name] if division else []), country_name]
    return Geo(US_CITY if us else WORLD_CITY, ", ".join(parts), place.country, adm1, place.lat, place.lon, place.id)


class Geocoder:
    """The place names of one article, resolved together.

    names: every place name of the article (its GPE and LOC names, repeats included); focus: the country the
        article is about, if any; home: the country of the organisations it names that act at home
        (`home_country`), if one: the evidence when neither places nor focus give any ("San Jose" in a story on
        Apple and Cisco).
    """

    def __init__(self, names: Iterable[str], focus: str | None = None, home: str | None = None):
        self.readings: dict[str, list[Reading]] = {}
        counts: Counter[str] = Counter()
        for name in names:
            key = _key(name)
            if key not in self.readings:
                self.readings[key] = readings(key)
            counts[key] += 1
        # the evidence: countries named, and places named unambiguously (every reading of the name in one country)
        self.counts = counts
        self.evidence_of: dict[str, str] = {}  # name → the country it counts for
        self.countries: Counter[str] = Counter()
        self.divisions: set[tuple[str, str]] = set()
        for key, found in self.readings.items():
            named = [r for r in found if r.place is None]
            if named:  # a country's name is evidence for the country, whatever towns share it ("Lebanon")
                self.countries[named[0].country] += counts[key]
                self.evidence_of[key] = named[0].country
            elif len({r.country for r in found}) == 1:
                self.countries[found[0].country] += counts[key]
                self.evidence_of[key] = found[0].country
                self.divisions |= {(r.place.country, r.place.adm1) for r in found if r.place and r.place.kind == "adm1"}
                if len(found) == 1 and found[0].place is not None and found[0].place.kind == "city":
                    self.divisions.add((found[0].place.country, found[0].place.adm1))
        self.focus = focus
        self.home = home
        self.senses: dict[str, Geo] = {}  # name → the one feature the article's qualifiers give it (`settle`)

    def resolve(self, name: str, *, within: str | None = None, holds: str | None = None, city: bool = True,
                level: str | None = None, part_of: str | None = None) -> Geo | None:
        """The feature a place name of this article denotes; None when unknown or the evidence is split.

        within: the place the text names right after it ("Paris, Texas", "Tripoli, Lebanon"): the name is read
            inside it when it can be. holds: the place the text names right before it, which it qualifies
            ("Georgia" in "Atlanta, Georgia"): the name is read as containing it when it can be.
        city: whether the name may be a city's; not for a name the parser tags as a location that is no
            political entity (LOC: "Asia", "the Gulf"), which is at most a division or a country.
        level: what the words governing the name say it is (`place_level`): "division" keeps its divisions,
            "state" its divisions and a country of its name, "city" its cities, "polity" drops its cities unless one is a national
            capital (`_of_level`); the name is then qualified by the text, as "Paris, Texas" is.
        part_of: the place named by an "of" after it ("the Eastern District of New York"): read as `within`,
            and a name with no reading in that place's countries is none of its places.

        A name the article qualifies somewhere (`settle`) keeps that reading where it stands alone.
        """
        if not (within or holds or level or part_of) and (settled := self.senses.get(_key(name))):
            if city or settled.type not in (US_CITY, WORLD_CITY):
                return settled
        return self._resolve(name, within or part_of, holds, city, level, part=bool(part_of and not within))[0]

    def settle(self, mentions: Iterable[tuple[str, str | None, str | None, bool, str | None]]) -> None:
        """One reading per name and article: a name the text qualifies ("St. Thomas, Ontario", "the governments
        of Canada and Ontario": (name, within, holds, city, level) as `resolve` takes them) into one feature, the
        same wherever it is so qualified, denotes that feature in its other mentions too ("the plant in
        Ontario")."""
        found: dict[str, dict[int | None, Geo | None]] = {}
        for name, within, holds, city, level in mentions:
            if within or holds or level:
                geo, qualified = self._resolve(name, within, holds, city, level)
                if qualified:
                    found.setdefault(_key(name), {})[geo and geo.feature_id] = geo
        self.senses = {key: geo for key, geos in found.items() if len(geos) == 1 and (geo := next(iter(geos.values())))}

    def _resolve(self, name: str, within: str | None, holds: str | None, city: bool, level: str | None,
                 part: bool = False) -> tuple[Geo | None, bool]:
        """`resolve`'s reading, and whether the text's qualifiers chose it."""
        key = _key(name)
        found = self.readings.get(key)
        if found is None:
            found = readings(key)
        inside: list[Reading] = []
        if within:
            container = readings(within)
            inside = [r for r in found if any(_inside(r, w) for w in container)]
            if not inside and container and all(w.place is not None and w.place.kind == "adm1" for w in container) \
                    and all(r.place is not None and r.place.kind == "city" for r in found):
                return None, False  # "Hudson, New Hampshire": a town the gazetteer lacks, not Hudson, Ohio
            if not inside and part and all(r.place is not None for r in found) \
                    and not {r.country for r in found} & {w.country for w in container}:
                return None, False  # "the Eastern District of New York" is no district of Hong Kong
        if not city:  # a location (LOC) is no city, unless a division qualifies it as its town ("Jupiter, Florida")
            found = [r for r in found if r.place is None or r.place.kind == "adm1" or r in inside]
        if not found:
            return None, False
        qualified = False
        if level is not None:
            kept = _of_level(found, level)
            found, qualified = kept or found, bool(kept) and kept != found
        if within:
            inside = [r for r in found if any(_inside(r, w) for w in readings(within))]
            found, qualified = inside or found, qualified or bool(inside)
        if holds:
            around = [r for r in found if any(_inside(h, r) for h in readings(holds))]
            found, qualified = around or found, qualified or bool(around)
        capital = None if qualified else _capital(found)
        if capital is not None:  # "Paris", "Washington": a capital is its country's unless the text qualifies it
            return geo_of(capital), False
        if len({r.country for r in found}) > 1:
            found = self._by_country(found, key)
            if not found:
                return None, qualified
        elif not qualified and self._foreign(found, key):
            return None, False
        return self._within_country(found), qualified

    def _foreign(self, found: list[Reading], key: str) -> bool:
        """Whether a name's only readings are small places (divisions, towns) in a country the article does not
        otherwise name, while its other places lie elsewhere: "Long Island" in a story on New York is no district
        of the Bahamas. A country, a city of 100,000 ("Aleppo") or a division whose cities hold 100,000 people
        ("California" in a story on London) stands on its own."""
        country = found[0].country
        if any(_stands_alone(r) for r in found):
            return False
        others = sum(n for c, n in self.countries.items() if c != country and c != self.evidence_of.get(key))
        own = self.counts.get(key, 0) if self.evidence_of.get(key) == country else 0
        return others > 0 and self.countries[country] - own <= 0

    def _by_country(self, found: list[Reading], key: str) -> list[Reading]:
        """The readings in the one country the evidence favours; [] when it is split or absent.

        The evidence is the article's other places (a name in several countries adds to none) and its focus.
        """
        by_country: dict[str, list[Reading]] = {}
        for r in found:
            by_country.setdefault(r.country, []).append(r)
        named = next((r for r in found if r.place is None), None)
        if named is not None:
            # a country's own name is the country, unless a division of that name lies in the one country the
            # article's other places name (twice or more) and the named country has no other place of its own
            divisions = {r.country for r in found if r.place is not None and r.place.kind == "adm1"}
            others = [c for c in divisions if self.countries[c] >= 2]
            own = self.countries[named.country] - self.counts[key]  # the country named by other names than this one
            if len(others) == 1 and own <= 0 and len([c for c in self.countries if c != named.country]) == 1:
                return [r for r in by_country[others[0]] if r.place is not None and r.place.kind == "adm1"]
            return [named]
        # the countries the article's other places name (whether once or often), else its focus country, else the
        # country of its organisations (when neither places nor focus name any country)
        present = [c for c in by_country if self.countries[c]] or [c for c in by_country if c == self.focus]
        if not present and not self.countries and self.focus is None:
            present = [c for c in by_country if c == self.home]
        if len(present) > 1:  # the evidence is split: only a reading that dwarfs the others among them stands
            found = [r for c in present for r in by_country[c]]
            largest = _dominant(found)
            return by_country[largest.country] if largest else []
        largest = _dominant(found)
        if present:
            best = present[0]
            # country evidence alone picks a town over a far larger place of the name elsewhere only when a
            # division of the article's places holds it ("Birmingham" among Montgomery and Mobile is in Alabama;
            # "Damascus" or "Geneva" in an article that names the United States are Syria's and Switzerland's)
            local = [r for r in by_country[best] if (r.country, r.place.adm1 if r.place else "") in self.divisions]
            here = max(r.population if r.place and r.place.kind == "city" else LARGE for r in by_country[best])
            biggest = max(found, key=lambda r: r.population)
            if not local and biggest.country != best and (largest is biggest or here < LARGE <= biggest.population):
                return by_country[biggest.country]
            return by_country[best]
        return by_country[largest.country] if largest else []

    def _within_country(self, found: list[Reading]) -> Geo:
        """One country's readings: a country, its division, or a city; else the country alone."""
        if len(found) == 1:
            return geo_of(found[0])
        named = [r for r in found if r.place is None]
        if named:
            return geo_of(named[0])
        divisions = [r for r in found if r.place.kind == "adm1"]
        cities = [r for r in found if r.place.kind == "city"]
        in_context = [r for r in found if (r.place.country, r.place.adm1) in self.divisions]
        if len(cities) > 1 and len([r for r in in_context if r.place.kind == "city"]) == 1:
            cities = [r for r in in_context if r.place.kind == "city"]
        capital = countries.country_from_capital(cities[0].place.name) if cities else None
        seat = cities and any(d.place.adm1 == cities[0].place.adm1 for d in divisions)  # Geneva in the canton of Geneva
        if cities and (capital == cities[0].country or seat or cities[0].population >= CITY_OVER_DIVISION or not divisions):
            largest = cities[0]
            if all(largest.population >= DOMINANT * r.population for r in cities if r is not largest):
                return geo_of(largest)
            return geo_of(Reading(found[0].country))
        if len(divisions) == 1:
            return geo_of(divisions[0])
        return geo_of(Reading(found[0].country))


def _of_level(found: list[Reading], level: str) -> list[Reading]:
    """The readings of the kind of place the governing words name; [] when none is.

    A division's word keeps the divisions ("the governor of Georgia"); a state's word the divisions and a country
    of the name ("the former Soviet state of Georgia" is the republic: the country rule decides), never a city; a
    government's word the same, unless a reading is a national capital ("the Kabul government" is the country's,
    seated there); a city's word keeps the cities.
    """
    cities = [r for r in found if r.place is not None and r.place.kind == "city"]
    divisions = [r for r in found if r.place is not None and r.place.kind == "adm1"]
    if level == "city":
        return cities
    if level == "division" or not divisions:
        return divisions
    if level == "polity" and any(countries.country_from_capital(r.place.name) == r.country for r in cities):
        return []
    return [r for r in found if r not in cities]


def _capital(found: list[Reading]) -> Reading | None:
    """The reading that is a national capital, when it is the most populous city of the name, no country has the
    name and no other country has a city of 100,000 of that name ("Paris" against Paris, Texas; "Washington"
    against Washington, Illinois; not "Victoria", the Seychelles' capital, smaller than Victoria, Canada; not
    "Tripoli", Lebanon's second city being a reading of its own)."""
    cities = [r for r in found if r.place is not None and r.place.kind == "city"]
    if not cities or any(r.place is None for r in found):
        return None
    largest = max(cities, key=lambda r: r.population)
    if countries.country_from_capital(largest.place.name) != largest.country:
        return None
    # a city of 100,000 elsewhere is a reading of its own, for the article's evidence to choose ("Tripoli", Lebanon)
    return None if any(r.country != largest.country and r.population >= LARGE for r in cities) else largest


def _people(reading: Reading) -> int | None:
    """A reading's people: a city's, a division's cities' (`_division_people`); None for a country (never dwarfed)."""
    place = reading.place
    if place is None:
        return None
    if place.kind == "city":
        return place.population
    return _division_people().get((place.country, place.adm1), 0)


def _dominant(found: list[Reading]) -> Reading | None:
    """The most populous reading when it stands alone: ten times the people of every reading in another country,
    or a city among towns (Geneva, Switzerland against Geneva, Illinois); None otherwise. A division's people are
    those of its cities of 15,000 (Florida, the US state, dwarfs the Cuban town and the Uruguayan department);
    a country is never dwarfed."""
    largest = max(found, key=lambda r: _people(r) or 0)
    most = _people(largest) or 0
    elsewhere = [_people(r) for r in found if r.country != largest.country]
    others = [LARGE * DOMINANT if p is None else p for p in elsewhere]
    if most > 0 and (all(most >= DOMINANT * p for p in others) or most >= LARGE > max((p if p else LARGE for p in others), default=0)):
        return largest
    return None


def _inside(reading: Reading, container: Reading) -> bool:
    """Whether a reading lies in another: a city or division in a country, a city in a division."""
    if reading.country != container.country or reading.place is None:
        return False
    if container.place is None:
        return True
    return container.place.kind == "adm1" and reading.place.kind == "city" and reading.place.adm1 == container.place.adm1
