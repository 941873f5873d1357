"""The figures tab in a real browser: reported figures, and those of one happening that disagree side by side.

The server, browser and page fixtures are those of tests/test_browser.py (the same Chromium, the same checks for
dialogs, errors and CSP violations after each test); the corpus is this module's: articles on one bombing giving
different tolls, from sources their entities name. Without a browser the tests skip with a message, as there.
"""

from __future__ import annotations

import pytest
from test_browser import browser, column, hash_params, page, server, snap, store_analyses, wait_status  # noqa: F401 (fixtures)

from newswire.records import Analysis, Entity, Figure, Mention, content_id

# (published, source, sentence, the figure in it, value, what, places)
REPORTS = [
    ("2020-03-01", "Red Cross", "A bomb killed at least 82 people in Nairobi, the Red Cross said.", "at least 82 people", 82.0, "killed", ["KEN"]),
    ("2020-03-02", "Kenyan police", "The blast killed 40 people in Nairobi, Kenyan police said.", "40 people", 40.0, "killed", ["KEN"]),
    ("2020-03-03", "hospital officials", "The Nairobi bomb killed at least 82 people in Nairobi, hospital officials said.", "at least 82 people", 82.0, "killed", ["KEN"]),
    ("2020-03-02", None, "More than 1,700 people were injured in Nairobi.", "More than 1,700 people", 1700.0, "injured", ["KEN"]),
    ("2020-03-02", None, "Five people were arrested.", "Five people", 5.0, "arrested", []),  # no place: never grouped
]


def report(published: str, source: str | None, sentence: str, figure: str, value: float, what: str, places: list[str]) -> Analysis:
    start = sentence.index(figure)
    entities = []
    if source is not None:
        at = sentence.index(source)
        entities.append(Entity("E1", source, "ORG", mentions=[Mention(at, at + len(source), source)]))
    record = Figure(start, start + len(figure), figure, value, unit="people", what=what, reported_by="E1" if source else None,
                    date=published, places=places)
    return Analysis(id=content_id(sentence), text=sentence, title=f"{what} on {published}", published=published,
                    url=f"https://outlet{len(published) + len(sentence)}.example/{published}", entities=entities, figures=[record])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("figures") / "corpus.duckdb"
    return path, store_analyses(path, [report(*r) for r in REPORTS])


def test_the_figures_tab_lists_every_figure_with_its_source(page):
    page.goto("/#tab=figures")
    wait_status(page, "of 5")
    assert sorted(column(page, "figure")) == sorted(r[3] for r in REPORTS)
    assert sorted(s for s in column(page, "source") if s) == ["Kenyan police", "Red Cross", "hospital officials"]


def test_conflicting_figures_stand_side_by_side_and_each_opens_its_article_at_the_figure(page, corpus):
    page.goto("/#tab=figures")
    wait_status(page, "of 5")
    page.select_option("#f-conflicts", "1")
    page.click("#form button[type=submit]")
    page.wait_for_selector("#results .figure-group")
    assert hash_params(page)["conflicts"] == "1"
    wait_status(page, "figures of one happening that disagree")
    groups = page.locator("#results .figure-group")
    assert groups.count() == 1  # the injured count has one value, the arrests no place
    group = groups.first
    assert group.locator("h3").inner_text() == "killed · KEN · 2020-03-01 – 2020-03-03"
    assert group.locator(".summary").inner_text() == (
        "killed: at least 82 people (Red Cross, hospital officials, 2 articles) / 40 people (Kenyan police, 1 article)"
    )
    rows = group.locator("tbody tr")
    assert rows.count() == 3
    police = rows.filter(has_text="Kenyan police")
    police.click()
    page.wait_for_selector("#article h2")
    _, analyses = corpus
    blast = next(a for a in analyses if "Kenyan police" in a.text)
    figure = blast.figures[0]
    assert hash_params(page)["article"] == blast.id and hash_params(page)["at"] == f"{figure.start}-{figure.end}"
    assert page.locator("#results tr.open").count() == 1
    snap(page, "figures-conflicts")
