"""One name, several entities, in a real browser: "Clinton" is Hillary Clinton, Bill Clinton and Clinton Hill across
articles (tests/clintons.py). The timeline and the entity page offer them to choose from (type, country, code,
title, articles), show one alone once chosen, and still show every entity of the name when asked.

The server, browser and page fixtures are those of tests/test_browser.py; without a browser the tests skip with a
message, as there.
"""

from __future__ import annotations

import pytest
from clintons import build
from test_browser import browser, column, hash_params, page, server, snap, wait_status  # noqa: F401 (fixtures)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("clintons") / "corpus.duckdb"
    return path, build(path)


def choices(page) -> list[str]:
    return page.locator("section.choices li.choice").all_inner_texts()


def test_a_timeline_of_a_shared_name_offers_its_entities_and_shows_the_one_chosen(page):
    page.goto("/#tab=timeline&entity=Clinton")
    wait_status(page, "“Clinton” is 3 entities across articles: choose one")
    offered = choices(page)
    assert [line.split(" · ")[0] for line in offered] == ["Hillary Clinton", "Bill Clinton", "Clinton Hill"]
    assert "PERSON · USA · USAGOV · Secretary of State · 2012-03-01 – 2012-03-12 · 3 articles" in offered[0]
    assert "also written: Clinton" in offered[0]
    assert "LOC · USA · 2012-03-09 – 2012-03-09 · 1 article" in offered[2]
    snap(page, "timeline-choose")
    page.locator("section.choices a", has_text="Bill Clinton").click()
    wait_status(page, "Rows 1–3 of 3")
    assert hash_params(page)["id"].startswith("C") and hash_params(page)["entity"] == "Clinton"
    assert set(column(page, "title")) == {"Former president opens a library", "The Clintons at a gala"}
    assert "Hillary Clinton" not in column(page, "text") and "The economy is growing." not in column(page, "text")
    assert "One entity across articles" in page.locator("p.who").inner_text()
    page.locator("p.who a", has_text="Every entity named").click()  # the old, mixed timeline, on request
    wait_status(page, "Rows 1–11 of 11")
    texts = column(page, "text")
    assert "Clinton Hill" in texts and "The economy is growing." in texts and "Libraries keep a country honest." in texts
    page.go_back()
    wait_status(page, "Rows 1–3 of 3")
    page.go_back()
    wait_status(page, "choose one")


def test_an_entity_page_of_a_shared_name_is_chosen_and_a_full_name_opens_at_once(page):
    page.goto("/#entity=Clinton")
    wait_status(page, "choose one")
    page.locator("section.choices a", has_text="Hillary Clinton").click()
    wait_status(page, "Hillary Clinton: 3 quotes (confidence ≥ 0.3) · 0 asserted events (confidence ≥ 0.3)")
    said = page.locator("section.said tbody tr").all_inner_texts()
    assert len(said) == 3 and not any("Libraries" in row or "economy" in row for row in said)
    assert page.locator("section.ranked", has_text="Named with").locator("li a").all_inner_texts() == ["Bill Clinton"]
    snap(page, "entity-chosen")
    # a speaker's full name that is one corpus entity's own opens its page at once, the back button skipping the choice
    page.goto("/#tab=quotes&speaker=Bill+Clinton")
    wait_status(page, "of 1")
    page.locator("#results tbody tr a.entity").first.click()
    wait_status(page, "Bill Clinton: 1 quotes")
    assert hash_params(page)["entity"] == "Bill Clinton" and hash_params(page)["id"].startswith("C")
    page.locator("p.who a", has_text="who else").click()
    wait_status(page, "“Bill Clinton” is 1 entity across articles: choose one")
    page.go_back()
    wait_status(page, "Bill Clinton: 1 quotes")
    page.go_back()
    wait_status(page, "of 1")
    assert hash_params(page)["tab"] == "quotes"


def test_every_entity_of_a_name_is_still_one_click_away(page):
    page.goto("/#entity=Clinton")
    wait_status(page, "choose one")
    page.locator("section.choices a.every").click()
    wait_status(page, "Clinton: 5 quotes")  # Hillary's three, Bill's, and the unresolved "Clinton" of the speech
    assert hash_params(page)["match"] == "name"
    assert "Every entity named “Clinton”" in page.locator("p.who").inner_text()
    groups = page.locator("section.groups li.group").all_inner_texts()
    assert any("Clinton Hill" in g for g in groups) and any(g.startswith("Clinton ·") for g in groups)
