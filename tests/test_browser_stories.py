"""The stories tab in a real browser: happenings several outlets reported, and a story's page with each article's evidence.

The server, browser and page fixtures are those of tests/test_browser.py (the same Chromium, the same checks for
dialogs, errors and CSP violations after each test); the corpus is this module's: one meeting reported by three
articles of two outlets, an attack reported once. Without a browser the tests skip with a message, as there.
"""

from __future__ import annotations

import pytest
from test_browser import browser, column, hash_params, page, server, snap, wait_status  # noqa: F401 (fixtures)
from test_event_link import article

from newswire.corpus.store import PENDING, Entry, Store
from newswire.records import Article

DETAIL = " in Geneva over the chemical weapons of Syria"
MADE = [
    dict(detail=DETAIL, url="https://a.example/1", published="2013-09-13"),
    dict(detail=DETAIL, url="https://b.example/2", published="2013-09-14", date="2013-09-13"),
    dict(detail=DETAIL, url="https://a.example/3", published="2013-09-14", date="2013-09-13"),
    dict(plover="ASSAULT", cameo="190", source="Bashar Assad", source_actor="SYRGOV", target="Abu Omar", target_actor="SYRREB",
         url="https://c.example/4", published="2013-09-20", date="2013-09-20"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "corpus.duckdb"
    analyses = [article(**m) for m in MADE]
    for n, a in enumerate(analyses, 1):
        a.title = f"Report {n}"
    entries = [Entry(Article(text=a.text, title=f"Report {n}", published=a.published, url=a.url), a.id, len(a.text), PENDING, a.id, None)
               for n, a in enumerate(analyses, 1)]  # fmt: skip
    with Store(path) as store:
        store.add_entries(entries, [], run_id=1)
        store.add_results(analyses, [], run_id=1)
    return path, analyses


def test_the_stories_tab_lists_what_several_outlets_reported_and_a_story_opens_its_page(page, corpus):
    analyses = corpus[1]
    page.goto("/#tab=stories")
    wait_status(page, "Rows 1–3 of 3")
    assert column(page, "sources") == ["2", "2", "2"] and column(page, "type") == ["CONSULT"] * 3
    assert sorted(column(page, "outlet")) == ["a.example", "a.example", "b.example"]
    assert column(page, "source") == ["John Kerry"] * 3 and column(page, "target") == ["Sergei Lavrov"] * 3
    page.locator("#results a.story").first.click()
    page.wait_for_selector("#graph .story-head h2")
    assert hash_params(page)["tab"] == "stories" and hash_params(page)["story"].startswith("V")
    head = page.locator("#graph .story-head").inner_text()
    assert "CONSULT: John Kerry → Sergei Lavrov" in head and "reported by 2 sources in 3 articles" in head and "first 2013-09-13" in head
    wait_status(page, "Rows 1–3 of 3")
    snap(page, "story")
    # a row opens its article at the evidence, highlighted
    row = page.locator("#results tbody tr").nth(1)
    evidence = row.locator("td").nth(4).inner_text()
    assert sorted(zip(column(page, "title"), column(page, "outlet"))) == [("Report 1", "a.example"), ("Report 2", "b.example"), ("Report 3", "a.example")]
    row.click()
    page.wait_for_selector("#article .focus")
    assert page.locator("#article .focus").evaluate_all("ns => ns.map(n => n.textContent).join('')") == evidence
    assert evidence in [a.text[: a.text.index(".") + 1] for a in analyses]
    # every happening, one source or more; an unknown story says so
    page.goto("/#tab=stories&min-sources=1")
    wait_status(page, "Rows 1–4 of 4")
    assert "ASSAULT" in column(page, "type")
    page.goto("/#tab=stories&story=Vnothing")
    page.wait_for_selector("#graph .story-head")
    assert "No story has this id" in page.locator("#graph .story-head").inner_text()


def test_the_stories_tab_filters_by_type_and_says_what_is_wrong(page):
    page.goto("/#tab=stories&type=ASSAULT")  # reported once: no story at the default two sources, and the page says why
    wait_status(page, "No rows")
    assert "happenings reported by at least 2 sources (min. sources 1: every one)" in page.locator("#status").inner_text()
    page.goto("/#tab=stories&min-sources=1&type=ASSAULT")
    wait_status(page, "Rows 1–1 of 1")
    assert column(page, "source") == ["Bashar Assad"]
    page.goto("/#tab=stories&type=PARTY")
    page.wait_for_function("() => document.getElementById('status').classList.contains('error') || /unknown event type/.test(document.getElementById('status').textContent)")
    assert "unknown event type" in page.locator("#status").inner_text()
