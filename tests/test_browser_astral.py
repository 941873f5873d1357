"""The article view marks each record at its offsets when the text holds characters outside the BMP.

Offsets are code points (Python's string indices); the browser's strings count UTF-16 units, two for an emoji
or a letter such as "𝐀". Before, every mark after such a character was drawn one unit further on per character
(a speaker's name with its first letter cut, the next word's first letter taken). The server, browser and page
fixtures are those of tests/test_browser.py; without a browser the tests skip with a message, as there.
"""

from __future__ import annotations

import pytest
from test_browser import browser, hash_params, page, server  # noqa: F401 (fixtures)
from test_browser_article import marked

import newswire
from newswire.corpus.store import PENDING, Entry, Store
from newswire.records import Article

TEXT = (
    "Kenyan police arrest 40 protesters \U0001f6a8 in Nairobi\n"
    "NAIROBI (AP) \U0001f4f7 - Kenyan police arrested 40 protesters in Nairobi on Tuesday, the interior ministry said.\n"
    "\U0001d400\U0001d401 \"We will not allow violence on our streets,\" Interior Minister Kithure Kindiki told reporters \U0001f600.\n"
    "Opposition leader Raila Odinga accused the government of repression.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("astral") / "corpus.duckdb"
    analysis = newswire.analyze(TEXT, published="2024-03-05")
    entry = Entry(Article(text=TEXT, title=analysis.title, published=analysis.published, source="astral.txt"), analysis.id, len(TEXT), PENDING, analysis.id, None)
    with Store(path) as store:
        store.add_entries([entry], [], run_id=1)
        store.add_results([analysis], [], run_id=1)
    return path, analysis


def test_marks_after_an_emoji_hold_the_records_own_words(page, corpus):
    analysis = corpus[1]
    assert analysis.quotes and analysis.events
    page.goto(f"/#tab=quotes&article={analysis.id}")
    page.wait_for_selector("#article h2")
    assert marked(page, "q") == [q.content.text for q in sorted(analysis.quotes, key=lambda q: q.content.start)]
    assert marked(page, "spk") == [q.speaker.text for q in sorted(analysis.quotes, key=lambda q: q.speaker.start) if q.speaker]
    assert marked(page, "ev") == [e.trigger.text for e in sorted(analysis.events, key=lambda e: e.trigger.start)]
    # a record's evidence opened by its offsets (`at` in the URL, code points) is the record's own text
    quote = max(analysis.quotes, key=lambda q: q.content.start)
    page.goto(f"/#tab=quotes&article={analysis.id}&at={quote.content.start}-{quote.content.end}")
    page.wait_for_function("() => document.querySelector('#article .focus')")
    assert hash_params(page)["at"] == f"{quote.content.start}-{quote.content.end}"
    assert page.locator("#article .focus").evaluate_all("ns => ns.map(n => n.textContent).join('')") == quote.content.text
