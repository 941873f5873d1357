"""The map tab in a real browser: events by place on the shipped world outline, filters, and a place opening its events.

The server, browser and page fixtures are those of tests/test_browser.py (the same Chromium, the same checks
for dialogs, errors and CSP violations after each test); the corpus is this module's: events placed with
`Geo` records from the gazetteer. Without a browser the tests skip with a message, as there.
"""

from __future__ import annotations

import pytest
from test_browser import browser, column, hash_params, page, server, snap, store_analyses, wait_status  # noqa: F401 (fixtures)

from newswire.lexicon.places import Geocoder, country_geo
from newswire.records import Analysis, Event, EventActor, Place, Span, content_id

# (place in the text, its readers' other places, events there, source actor, published)
PLACED = [
    ("Aleppo", (), 3, "SYRMIL", "2020-02-01"),
    ("Geneva", (), 1, "USAGOV", "2020-02-02"),
    ("Birmingham", ("Alabama", "Montgomery"), 2, "USAGOV", "2020-02-03"),  # in Alabama: the article's other places say so
    ("Tripoli", (), 1, "LBYGOV", "2020-02-04"),  # unresolved (Libya or Lebanon): not on the map
]


def placed(place: str, others: tuple[str, ...], n: int, actor: str, published: str) -> Analysis:
    geo = Geocoder([place, *others]).resolve(place)
    text, events = "", []
    for k in range(n):
        start = len(text)
        text += f"{actor} forces clashed with protesters in {place} on day {k}.\n"
        at = text.index(place, start)
        trigger = text.index("clashed", start)
        events.append(Event(
            f"EV{k + 1}", "145", "14", "PROTEST", 3, -7.5, Span(trigger, trigger + 7, "clashed"), Span(start, len(text) - 1, text[start:-1]),
            source=EventActor(start, start + len(actor), actor, actor=actor, geo=country_geo(actor[:3])),
            location=Place(at, at + len(place), place, geo.country if geo else None, geo), mentions=[Span(trigger, trigger + 7, "clashed")],
            confidence=0.6,
        ))  # fmt: skip
    return Analysis(id=content_id(text), text=text, title=f"Clashes in {place}", published=published, events=events)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "corpus.duckdb"
    return path, store_analyses(path, [placed(*p) for p in PLACED])


def test_the_map_draws_the_world_and_a_dot_per_resolved_place_sized_by_events(page):
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto("/#tab=map")
    page.wait_for_selector("#graph svg.map circle.place")
    assert page.locator("#graph svg.map path.land").count() > 150  # the shipped outline, every country
    dots = page.locator("#graph circle.place")
    assert sorted(dots.evaluate_all("ds => ds.map(d => d.dataset.place)")) == [
        "Aleppo, Ḩalab, Syria", "Birmingham, Alabama, United States", "Geneva, Genève, Switzerland",
    ]  # Tripoli is ambiguous: left off
    aleppo = page.locator('#graph circle[data-place="Aleppo, Ḩalab, Syria"]')
    geneva = page.locator('#graph circle[data-place="Geneva, Genève, Switzerland"]')
    # placed by longitude and latitude (x = lon + 180, y = 90 - lat) and larger for more events
    assert abs(float(aleppo.get_attribute("cx")) - (37.16 + 180)) < 0.5 and abs(float(aleppo.get_attribute("cy")) - (90 - 36.2)) < 0.5
    assert float(aleppo.get_attribute("r")) > float(geneva.get_attribute("r"))
    assert "Drawn: 3 of the 3 places" in page.locator("#graph .cap").inner_text()
    assert column(page, "place") == ["Aleppo, Ḩalab, Syria", "Birmingham, Alabama, United States", "Geneva, Genève, Switzerland"]
    base = page.evaluate("location.origin")
    assert asked and all(url.startswith(base) for url in asked), asked  # nothing from a tile server or a CDN
    snap(page, "map")


def test_the_map_filters_like_the_events_table_and_a_place_opens_its_events(page):
    page.goto("/#tab=map&actor=USA")
    page.wait_for_selector("#graph circle.place")
    assert sorted(page.locator("#graph circle.place").evaluate_all("ds => ds.map(d => d.dataset.place)")) == [
        "Birmingham, Alabama, United States", "Geneva, Genève, Switzerland",
    ]
    page.goto("/#tab=map&country=Syria")
    page.wait_for_function("() => document.querySelectorAll('#graph circle.place').length === 1")
    page.locator('#graph circle[data-place="Aleppo, Ḩalab, Syria"]').dispatch_event("click")
    wait_status(page, "Rows 1–3 of 3")
    params = hash_params(page)
    assert (params["tab"], params["place"], params["country"]) == ("events", "Aleppo, Ḩalab, Syria", "Syria")
    assert set(column(page, "place")) == {"Aleppo, Ḩalab, Syria"}
    page.go_back()
    page.wait_for_selector("#graph circle.place")
    assert hash_params(page)["tab"] == "map"


def test_a_row_of_the_places_table_opens_its_events_too(page):
    page.goto("/#tab=map")
    page.wait_for_selector("#graph circle.place")
    page.locator("#results tbody tr", has_text="Birmingham, Alabama").click()
    wait_status(page, "Rows 1–2 of 2")
    assert set(column(page, "source_actor")) == {"USAGOV"}
