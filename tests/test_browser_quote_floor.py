"""The quote floor on the page of one corpus entity, in a real browser: its quotes listed and counted are those at
confidence 0.3 or above, and the link to its timeline (which lists its quotes at any confidence) says both numbers,
so that "all 2 quotes" never opens a list of 3. A quote stored without a confidence counts as at the floor.

The server, browser and page fixtures are those of tests/test_browser.py (the corpus: tests/clintons.py, with the
confidences of Hillary Clinton's three quotes set here); without a browser the tests skip with a message, as there.
"""

from __future__ import annotations

import pytest
from clintons import build
from test_browser import browser, hash_params, page, server, wait_status  # noqa: F401 (fixtures)

from newswire.corpus.query import QUOTE_FLOOR
from newswire.corpus.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("quote_floor") / "corpus.duckdb"
    built = build(path)
    with Store(path) as s:
        s.con.execute("UPDATE quotes SET confidence = ? WHERE content_text = 'The talks were useful.'", [QUOTE_FLOOR / 3])
        s.con.execute("UPDATE quotes SET confidence = NULL WHERE content_text = 'We will go to Cairo next week.'")
        s.con.execute("UPDATE quotes SET confidence = 0.9 WHERE content_text = 'It was a lovely evening.'")
    return path, built


def test_the_page_of_one_corpus_entity_gives_both_counts_of_its_quotes(page):
    page.goto("/#entity=Hillary+Clinton")
    wait_status(page, "Hillary Clinton: 2 quotes (confidence ≥ 0.3)")
    assert page.locator("section.said tbody tr").count() == 2
    assert page.locator("section.said h3").inner_text() == "Said (2 at confidence ≥ 0.3)"
    link = page.locator("section.said a", has_text="all 3 quotes")
    assert link.inner_text() == "all 3 quotes, at any confidence (2 at ≥ 0.3), in its timeline"
    link.click()
    wait_status(page, "Rows 1–")
    assert hash_params(page)["tab"] == "timeline" and hash_params(page)["id"].startswith("C")
    said = page.locator("#results tbody tr", has_text="said")
    assert said.count() == 3
