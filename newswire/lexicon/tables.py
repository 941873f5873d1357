"""The row types of the tables in `newswire/data/`: one frozen dataclass per `.tsv` file, its fields the columns.

`load_table(name, RowType)` (`lexicon/__init__.py`) reads a table into these
rows, converting each cell by its field's type and failing at load, with file
and line, on a row that does not fit. What each column means is said in the
opening comment of its file; `TABLES` names the row type of every table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .cues import CueEntry

Gender = Literal["", "m", "f"]


@dataclass(frozen=True, slots=True)
class KnownActor:
    """actors.tsv: a well-known actor in one office (one row per office and period)."""

    name: str
    aliases: tuple[str, ...]
    type: Literal["PERSON", "ORG"]
    country: str
    code: str
    offices: tuple[str, ...]
    start: str  # YYYY-MM-DD or ""
    end: str  # YYYY-MM-DD or ""
    gender: Gender


@dataclass(frozen=True, slots=True)
class AgentNoun:
    """agents.tsv: a noun or phrase that names an actor by its role ("government", "rebels")."""

    word: str
    sector: str
    number: Literal["count", "collective"]


@dataclass(frozen=True, slots=True)
class ModelWeight:
    """quote_confidence.tsv, event_confidence.tsv: one weight of a logistic model (`lexicon/models.py`; feature
    `bias`: the intercept) of a quote's (`quotes/confidence.py`) or an event's (`events/confidence.py`) confidence."""

    feature: str
    weight: float


@dataclass(frozen=True, slots=True)
class CameoCode:
    """cameo.tsv: a CAMEO event code."""

    code: str
    name: str
    goldstein: float
    quad: int
    plover: str


@dataclass(frozen=True, slots=True)
class CameoFrame:
    """cameo_frames.tsv: the codes of an appeal for, intent of, ... an event of a complement code ("" if none)."""

    complement: str
    appeal: str
    intent: str
    demand: str
    reject: str
    threaten: str


@dataclass(frozen=True, slots=True)
class City:
    """cities.tsv: a city of GeoNames. lat and lon stay text, as GeoNames writes them (GDELT output copies them)."""

    name: str
    aliases: tuple[str, ...]
    country: str
    population: int
    lat: str
    lon: str


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """places.tsv: a GeoNames city of at least 15,000 people or first-level division (adm1), for geocoding."""

    id: int  # GeoNames feature id
    kind: Literal["city", "adm1"]
    name: str
    aliases: tuple[str, ...]  # other spellings of the name ("Geneve", "Sao Paulo")
    short: tuple[str, ...]  # the name shortened ("Frankfurt" for Frankfurt am Main, "Oklahoma" for Oklahoma City)
    country: str  # ISO alpha-3
    adm1: str  # GeoNames admin1 code within the country ("TX", "11"); empty when GeoNames gives none
    population: int  # 0 for divisions (not in the source)
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class CountryGeo:
    """country_geo.tsv: a country's codes (ISO alpha-2, FIPS 10-4), GeoNames feature id and centroid."""

    code: str  # ISO alpha-3
    alpha2: str
    fips: str
    id: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Country:
    """countries.tsv: a country or territory's names, demonyms and capitals."""

    code: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryCompound:
    """country_compounds.tsv: a participle after a country ("Saudi-led") and whose the compound's actor is."""

    word: str
    role: Literal["leads", "other"]


@dataclass(frozen=True, slots=True)
class DateName:
    """date_names.tsv: a day used as the name of an event ("9/11")."""

    month: int
    day: int
    event: str


@dataclass(frozen=True, slots=True)
class DayPart:
    """day_parts.tsv: a part of the day and its TIMEX value ("MO", "12:00")."""

    word: str
    value: str


@dataclass(frozen=True, slots=True)
class EventNoun:
    """event_nouns.tsv: a noun that is an event, with the modifiers it needs, and its CAMEO code ("-": no event)."""

    noun: str
    modifier: tuple[str, ...]
    code: str


@dataclass(frozen=True, slots=True)
class EventVerb:
    """event_verbs.tsv: a verb (with particle, preposition and objects) and its CAMEO code ("-": no event)."""

    verb: str
    particle: str
    prep: str
    object: tuple[str, ...]
    code: str
    target: Literal["", "prep"]


@dataclass(frozen=True, slots=True)
class RelationNoun:
    """relation_nouns.tsv: a noun of one defined by a relation to another party, and whether a country adjective on it
    names that party."""

    word: str
    adjective: bool = False


@dataclass(frozen=True, slots=True)
class EventWordClass:
    """event_word_classes.tsv: an event word whose code depends on who does it, and its class."""

    word: str
    kind: Literal[
        "revenge", "avenging",
        "verbal_attack", "contest", "rally", "exercise", "words", "legal_charge", "back_attack", "person", "concession",
        "ailment", "not_living", "object_noun", "accident", "pursuit", "wrongdoer", "coerced", "pact", "restrict", "joining", "mutual", "taking", "culpable", "culprit", "wrong", "charged_for", "police_raid", "signed_text", "signing", "ratifying",
        "standing", "claim", "untrue", "insult", "riot_weapon", "lodged", "object_first", "figurative_war", "traded_words", "decision", "warning",
        "apart", "hostile_means", "keeping", "driving_out", "goods", "resident", "relief", "relief_giving", "own_demand", "clause_report", "speaking", "holding", "blaming", "imposition", "denying", "resigning", "pressure_cause", "bloc", "doing",
        "membership", "sending", "armament", "shared_view", "made_appeal", "undergone", "court_filing", "permission", "price",
    ]


@dataclass(frozen=True, slots=True)
class FigureWord:
    """figures.tsv: a vague count, a qualifier of a count, a word of what happened to the people counted, a
    counted noun that says no more than people, a noun that stands for a count (tally) or a verb that states one
    through a preposition (states)."""

    word: str
    kind: Literal["vague", "qualifier", "what", "people", "tally", "states"]
    value: str


@dataclass(frozen=True, slots=True)
class FirstName:
    """first_names.tsv: a given name and its usual gender (u: either)."""

    name: str
    gender: Literal["m", "f", "u"]


@dataclass(frozen=True, slots=True)
class KinNoun:
    """kin_nouns.tsv: a noun of family relation and the gender it implies (u: either)."""

    word: str
    gender: Literal["m", "f", "u"]


@dataclass(frozen=True, slots=True)
class GeoFeatureNoun:
    """geo_feature_nouns.tsv: a noun of a geographic feature that, opening or ending a name, makes it a place's."""

    word: str
    position: Literal["first", "last"]


@dataclass(frozen=True, slots=True)
class NamedAfterNoun:
    """named_after_nouns.tsv: a noun that, ending a name, makes it a body's or a building's named after a person."""

    word: str
    type: Literal["ORG", "FAC"]


@dataclass(frozen=True, slots=True)
class Holiday:
    """holidays.tsv: a holiday and the rule of its date."""

    name: str
    rule: str


@dataclass(frozen=True, slots=True)
class ModalityWord:
    """modality.tsv: a word, the role it plays on an event, and the modality it gives."""

    word: str
    role: str
    modality: Literal["asserted", "conditional", "hypothetical", "intended", "negated", "requested"]


@dataclass(frozen=True, slots=True)
class MonthName:
    """months.tsv: a month's name or abbreviation."""

    word: str
    month: int


@dataclass(frozen=True, slots=True)
class NumberWord:
    """number_words.tsv: a number word, its value ("X" for a vague word) and kind."""

    word: str
    value: str
    kind: Literal["unit", "tens", "scale", "vague"]


@dataclass(frozen=True, slots=True)
class OrdinalWord:
    """ordinal_words.tsv: an ordinal word and its value."""

    word: str
    value: int


@dataclass(frozen=True, slots=True)
class PloverFamily:
    """plover_families.tsv: which PLOVER types may report one happening across articles, and which need shared words."""

    plover: Literal[
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ]
    family: str
    words: bool = False  # two reports must also share words of their sentences


@dataclass(frozen=True, slots=True)
class People:
    """peoples.tsv: a people without a state of its own, its plurals and the country it lives in."""

    people: str
    plurals: tuple[str, ...]
    country: str


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """place_readings.tsv: a place name with a usual and another reading ("Georgia")."""

    name: str
    usual: str
    other: str
    kind: Literal["country", "part"]


@dataclass(frozen=True, slots=True)
class PlaceAlias:
    """place_aliases.tsv: a name of a gazetteer place that GeoNames' English spellings lack ("Fla.", "Bombay")."""

    alias: str
    place: str
    country: str
    feature_id: int
    kind: Literal["abbreviation", "former"]


@dataclass(frozen=True, slots=True)
class PlaceLevelWord:
    """place_level_words.tsv: a word that tells what kind of place a name it governs is."""

    word: str
    level: Literal["division", "state", "city", "polity"]


@dataclass(frozen=True, slots=True)
class RegionWord:
    """region_words.tsv: a word that makes a region of a country's name, before it or after it."""

    word: str
    kind: Literal["direction", "noun"]


@dataclass(frozen=True, slots=True)
class Season:
    """seasons.tsv: a season's name and TIMEX value."""

    word: str
    season: str


@dataclass(frozen=True, slots=True)
class TenseWord:
    """tense_words.tsv: a word that sets when an event is, and how."""

    word: str
    kind: Literal["future_aux", "future_head", "future_prep", "retime", "schedule"]


@dataclass(frozen=True, slots=True)
class TimePattern:
    """time_patterns.tsv: a named regex of time expressions and the kind of what it finds."""

    rule: str
    kind: str
    pattern: str


@dataclass(frozen=True, slots=True)
class TimeReference:
    """time_references.tsv: a phrase that refers to a time ("now", "tonight"): its value and part of day."""

    phrase: str
    value: str
    part: str


@dataclass(frozen=True, slots=True)
class TimeShift:
    """time_shifts.tsv: a word that shifts a time ("last", "next") and from what."""

    word: str
    shift: int
    anchor: Literal["published", "previous"]


@dataclass(frozen=True, slots=True)
class TimeUnit:
    """time_units.tsv: a unit of time, its unit and whether the word is singular."""

    word: str
    unit: str
    singular: bool


@dataclass(frozen=True, slots=True)
class Title:
    """titles.tsv: a title or honorific, the sector and gender it implies ("" if none)."""

    title: str
    sector: str
    gender: Gender
    kind: Literal["title", "honorific"]


@dataclass(frozen=True, slots=True)
class OrganisationNoun:
    """organisation_nouns.tsv: a noun a definite description of an organisation is headed by ("the network"), the
    sector of the organisations it can stand for and the words one of which their names hold."""

    noun: str
    sector: str
    name_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WeekdayName:
    """weekdays.tsv: a weekday's name or abbreviation and its number (Monday 1)."""

    word: str
    weekday: int
    abbreviation: bool


# The row type of every table in newswire/data/.
TABLES: dict[str, type] = {
    "actors.tsv": KnownActor,
    "agents.tsv": AgentNoun,
    "cameo.tsv": CameoCode,
    "cameo_frames.tsv": CameoFrame,
    "organisation_nouns.tsv": OrganisationNoun,
    "cities.tsv": City,
    "countries.tsv": Country,
    "quote_confidence.tsv": ModelWeight,
    "country_compounds.tsv": CountryCompound,
    "country_geo.tsv": CountryGeo,
    "cue_nouns.tsv": CueEntry,
    "cues.tsv": CueEntry,
    "date_names.tsv": DateName,
    "day_parts.tsv": DayPart,
    "event_confidence.tsv": ModelWeight,
    "event_nouns.tsv": EventNoun,
    "event_verbs.tsv": EventVerb,
    "event_word_classes.tsv": EventWordClass,
    "figures.tsv": FigureWord,
    "first_names.tsv": FirstName,
    "holidays.tsv": Holiday,
    "kin_nouns.tsv": KinNoun,
    "geo_feature_nouns.tsv": GeoFeatureNoun,
    "modality.tsv": ModalityWord,
    "months.tsv": MonthName,
    "named_after_nouns.tsv": NamedAfterNoun,
    "number_words.tsv": NumberWord,
    "ordinal_words.tsv": OrdinalWord,
    "peoples.tsv": People,
    "relation_nouns.tsv": RelationNoun,
    "place_aliases.tsv": PlaceAlias,
    "place_level_words.tsv": PlaceLevelWord,
    "plover_families.tsv": PloverFamily,
    "place_readings.tsv": PlaceReading,
    "places.tsv": GazetteerPlace,
    "region_words.tsv": RegionWord,
    "seasons.tsv": Season,
    "tense_words.tsv": TenseWord,
    "time_patterns.tsv": TimePattern,
    "time_references.tsv": TimeReference,
    "time_shifts.tsv": TimeShift,
    "time_units.tsv": TimeUnit,
    "titles.tsv": Title,
    "weekdays.tsv": WeekdayName,
}
