"""Events by place: geo stored with events and entities, the `places` question, and `events --place/--country`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newswire.cli import app
from newswire.corpus import query
from newswire.corpus.store import PENDING, Entry, Store
from newswire.errors import UsageError
from newswire.lexicon.places import Geocoder, country_geo
from newswire.records import Analysis, Article, Entity, Event, EventActor, Mention, Place, Span, content_id

TEXTS = [
    ("Kerry met Lavrov in Geneva.\n", "2013-09-13", "Geneva"),
    ("Rebels attacked an army post in Aleppo.\n", "2013-09-14", "Aleppo"),
    ("Police arrested protesters in Aleppo.\n", "2013-09-15", "Aleppo"),
    ("Protesters marched in Tripoli.\n", "2013-09-16", "Tripoli"),  # unresolved: no place on the map
]


def at(text: str, sub: str) -> tuple[int, int, str]:
    i = text.index(sub)
    return i, i + len(sub), sub


def analysis(text: str, published: str, place: str) -> Analysis:
    geo = Geocoder([place]).resolve(place)
    start, end, _ = at(text, place)
    actor = text.split()[0]
    return Analysis(
        id=content_id(text), text=text, title=place, published=published,
        entities=[Entity("E1", place, "GPE", [], geo.country if geo else None, None, [Mention(start, end, place)], geo=geo)],
        events=[Event(
            "EV1", "173", "17", "COERCE", 4, -5.0, Span(*at(text, text.split()[1])), Span(0, len(text) - 1, text[:-1]),
            source=EventActor(*at(text, actor), actor="SYRREB", geo=country_geo("SYR")),
            location=Place(start, end, place, geo.country if geo else None, geo), confidence=0.9,
        )],
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("places") / "corpus.duckdb"
    found = [analysis(*t) for t in TEXTS]
    entries = [Entry(Article(text=a.text, title=a.title, published=a.published), a.id, len(a.text), PENDING, a.id, None) for a in found]
    with Store(path) as store:
        store.add_entries(entries, [], run_id=1)
        store.add_results(found, [], run_id=1)
    return path


@pytest.fixture
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def test_geo_is_stored_with_events_and_entities_and_read_back(store, db):
    (lat, name, feature), = store.con.execute(
        "SELECT location_geo_lat, location_geo_name, location_geo_feature_id FROM events WHERE location_text = 'Geneva'"
    ).fetchall()
    assert (name, feature) == ("Geneva, Genève, Switzerland", 2660646) and abs(lat - 46.2) < 0.1
    assert store.con.execute("SELECT count(*) FROM entities WHERE geo_country = 'SYR'").fetchone()[0] == 2
    back = store.load_analysis(content_id(TEXTS[0][0]))
    assert back.events[0].location.geo == analysis(*TEXTS[0]).events[0].location.geo
    assert back.events[0].source.geo.type == 1 and back.entities[0].geo.feature_id == 2660646


def test_places_counts_events_by_resolved_place_with_coordinates(store):
    rows = query.places(store).dicts()
    assert [(r["place"], r["events"], r["articles"], r["geo_type"]) for r in rows] == [
        ("Aleppo, Ḩalab, Syria", 2, 2, 4),
        ("Geneva, Genève, Switzerland", 1, 1, 4),
    ]  # Tripoli stays off: its place is unresolved
    assert (rows[0]["first"], rows[0]["last"]) == ("2013-09-14", "2013-09-15")
    assert 35 < rows[0]["lat"] < 37.5 and 36 < rows[0]["lon"] < 38
    assert [r["place"] for r in query.places(store, country="Switzerland").dicts()] == ["Geneva, Genève, Switzerland"]
    assert query.places(store, start="2013-09-15", end="2013-09-15").dicts()[0]["events"] == 1


def test_events_filter_on_a_place_and_a_country(store):
    assert [r["place"] for r in query.events(store, place="Aleppo, Ḩalab, Syria").dicts()] == ["Aleppo, Ḩalab, Syria"] * 2
    assert len(query.events(store, place="geneva")) == 1  # the place's words in the text, any case
    assert [r["place"] for r in query.events(store, place="Tripoli").dicts()] == ["Tripoli"]  # unresolved: its words
    assert len(query.events(store, country="SYR")) == 2 and len(query.events(store, country="CHE")) == 1
    with pytest.raises(UsageError, match="is not a country"):
        query.events(store, country="SYRREB")


def test_the_cli_asks_places(db):
    result = CliRunner().invoke(app, ["query", "places", "--db", str(db), "--country", "Syria", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.output.splitlines()]
    assert (row["place"], row["country"], row["events"], row["feature_id"]) == ("Aleppo, Ḩalab, Syria", "SYR", 2, 170063)
