"""A search page read in date order (`query._search_page`) and its total from the word index: the same rows and totals
as the scan, for a word in most quotes, for pages found among the first rows and for those that are not."""

from __future__ import annotations

import random
import shutil

import pytest

from newswire.corpus import query, wordindex
from newswire.corpus.store import DUPLICATE, Store
from newswire.records import Analysis, Entity, Failure, Mention, Quote, Span, content_id
from test_query import entry


WORDS = "the they other campaign said on a of in rise fire talks".split()


# quotes' confidences: mostly above the default floor (QUOTE_FLOOR, 0.3), some under it, at it, or none
CONFIDENCES = [0.9, 0.8, 0.6, 0.3, 0.29, 0.1, None]
# the floors the quotes are asked at: the default (QUOTE_FLOOR), none, another
FLOORS = [{}, {"min_confidence": 0}, {"min_confidence": 0.7}]


def article(rng: random.Random, n: int, published: str | None) -> Analysis:
    """An article of a few quotes, most holding "the" (some only inside "they" or "other"), one speaker entity."""
    text, quotes = f"Story {n} by Jane Roe.\n", []
    entities = [Entity("E1", "Jane Roe", "PER", mentions=[Mention(text.index("Jane"), text.index("Jane") + 8, "Jane Roe")])]
    for q in range(rng.randint(0, 7)):
        words = rng.choices(WORDS, k=rng.randint(2, 9))
        if rng.random() < 0.15:
            words = [w for w in words if w != "the"] or ["fire"]
        body = " ".join(words)
        start = len(text) + 1
        text += f'"{body}," she said.\n'
        quotes.append(Quote(f"Q{q + 1}", "direct", Span(start, start + len(body), body), speaker_entity="E1" if q % 2 else None,
                            confidence=rng.choice(CONFIDENCES)))
    return Analysis(id=content_id(text), text=text, title=f"Story {n}", published=published, quotes=quotes, entities=entities)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A store of 60 articles (dates repeated, some unknown, one syndicated copy) and the same store searched by the scan."""
    rng = random.Random(6)
    base = tmp_path_factory.mktemp("search_page")
    path, scan = base / "corpus.duckdb", base / "scan.duckdb"
    days = [f"2016-03-{d:02d}" for d in range(1, 12)] + [None]
    analyses = [article(rng, n, rng.choice(days)) for n in range(60)]
    copy = Analysis(id=content_id(analyses[3].text + "Wire.\n"), text=analyses[3].text + "Wire.\n", title="Copy",
                    published=analyses[3].published, quotes=analyses[3].quotes, entities=analyses[3].entities)
    with Store(path) as store:
        store.add_entries([entry(a) for a in analyses] + [entry(copy, DUPLICATE, analyses[3].id)], [], run_id=1)
        for start in range(0, len(analyses), 25):
            store.add_results(analyses[start : start + 25], [], run_id=1)
        store.add_results([copy], [], run_id=1)
    shutil.copy(path, scan)
    with Store(scan) as store:
        store.con.execute("DELETE FROM meta WHERE key = 'words'")
    return path, scan


@pytest.fixture
def used(monkeypatch):
    """How the searches were answered: "counted" (their total from the index), "held" (their page among the first
    rows, `query._held`) or "not held" (too few of those rows held it)."""
    answered = []
    total, held = query._search_total, query._held
    monkeypatch.setattr(wordindex, "CHECK_SHARE", 1000.0)  # as on a large store (on a small one: the rows are scanned)

    def counted(*args, **kwargs):
        answered.append("counted")
        return total(*args, **kwargs)

    def found(*args, **kwargs):
        rows = held(*args, **kwargs)
        answered.append("not held" if rows is None else "held")
        return rows

    monkeypatch.setattr(query, "_search_total", counted)
    monkeypatch.setattr(query, "_held", found)
    return answered


def same(indexed: Store, scan: Store, question: str, search: str, **options) -> None:
    mine = query.page(indexed, question, search=search, **options)
    theirs = query.page(scan, question, search=search, **options)
    assert (mine.rows.dicts(), mine.total) == (theirs.rows.dicts(), theirs.total), (question, search, options)


@pytest.mark.parametrize("share", [1, 3, 20])
def test_a_word_in_most_quotes_pages_and_totals_are_the_scans(stores, used, monkeypatch, share):
    monkeypatch.setattr(query, "PAGE_SHARE", share)  # how many rows are read in order for a page: too few, some, enough
    with Store(stores[0], read_only=True) as indexed, Store(stores[1], read_only=True) as scan:
        (quotes,) = indexed.con.execute("SELECT count(*) FROM quotes").fetchone()
        assert query.page(indexed, "quotes", limit=1, search="the", min_confidence=0).total > quotes // 2  # a word in most quotes
        for question, floors in (("quotes", FLOORS), ("articles", [{}])):
            for search in ("THE", "they", "he", "campaign", "said the", "zzqx"):
                for sort in (None, "-published", "published", "title"):
                    for limit, offset in ((1, 0), (7, 14), (100, 0), (5, 1000)):
                        for floor in floors:
                            same(indexed, scan, question, search, limit=limit, offset=offset, sort=sort, **floor)
        # the floors leave quotes out: the default some, 0.7 more, 0 none
        totals = [query.page(scan, "quotes", limit=1, search="the", **floor).total for floor in FLOORS]
        assert totals[2] < totals[0] < totals[1]
    # the new way answered many of them, their page found among the first rows or (too few held there) not
    assert used.count("counted") == used.count("held") >= len(used) // (5 if share == 20 else 20) and "not held" in used
    if share == 20:  # a page at the default floor is one the index counts (its total less the quotes under it)
        used.clear()
        with Store(stores[0], read_only=True) as indexed, Store(stores[1], read_only=True) as scan:
            same(indexed, scan, "quotes", "the", limit=7, offset=0, sort="-published")
        assert used == ["held", "counted"]


def test_a_search_with_other_filters_or_an_inexact_index_is_answered_as_before(stores, used, monkeypatch):
    with Store(stores[0], read_only=True) as indexed, Store(stores[1], read_only=True) as scan:
        same(indexed, scan, "quotes", "the", limit=5, type="direct")
        same(indexed, scan, "articles", "the", limit=5, start="2016-03-04")
        monkeypatch.setattr(wordindex, "MAX_VARIANTS", 1)  # "he" as a word's end (the, he) is then any word: checked
        assert not wordindex.answer(indexed.con, "he fire", True).exact
        same(indexed, scan, "quotes", "he fire", limit=5, sort="-published")
    assert used == []


def test_rows_of_an_article_analysed_twice_are_counted_as_the_scan_lists_them(stores, tmp_path, used):
    """An article that failed after it was analysed and is then analysed again has only its new rows (its old ones,
    kept while it had failed, are replaced), and the word index lists its quotes as the scan does."""
    path, scan = tmp_path / "corpus.duckdb", tmp_path / "scan.duckdb"
    shutil.copy(stores[0], path)
    rng = random.Random(7)
    with Store(path) as store:
        first = article(rng, 100, "2016-03-20")
        while len(first.quotes) < 3:
            first = article(rng, 100, "2016-03-20")
        store.add_entries([entry(first)], [], run_id=2)
        store.add_results([first], [], run_id=2)
        store.add_results([], [Failure(document="a.txt", stage="analyze", reason="internal", message="boom", article_id=first.id)], run_id=3)
        again = article(random.Random(8), 100, "2016-03-20")
        again.id, again.text, again.quotes = first.id, first.text, first.quotes[1:]  # one quote fewer: the ords move
        store.add_results([again], [], run_id=4)
        (shared,) = store.con.execute("SELECT count(*) FROM quotes WHERE article_id = ?", [first.id]).fetchone()
        assert shared == len(first.quotes) - 1
    shutil.copy(path, scan)
    with Store(scan) as store:
        store.con.execute("DELETE FROM meta WHERE key = 'words'")
    with Store(path, read_only=True) as indexed, Store(scan, read_only=True) as scanned:
        for search in ("the", "they", "fire", "said the"):
            for sort, floor in ((s, f) for s in ("-published", None) for f in FLOORS):
                mine = query.page(indexed, "quotes", limit=100, search=search, sort=sort, **floor)
                theirs = query.page(scanned, "quotes", limit=100, search=search, sort=sort, **floor)
                # rows of one article and ord come in either order
                assert (sorted(map(str, mine.rows.dicts())), mine.total) == (sorted(map(str, theirs.rows.dicts())), theirs.total), search
    assert "held" in used


def test_a_plain_list_by_date_is_the_numbered_one(stores, monkeypatch):
    """A list with no search sorted by date reads its first rows in that order, as numbering them all gives them."""
    with Store(stores[0], read_only=True) as store:
        pages = {(q, s, o): query.page(store, q, limit=9, offset=o, sort=s) for q in ("quotes", "articles")
                 for s in ("published", "-published") for o in (0, 9, 40)}
        monkeypatch.setattr(query, "_by_date", lambda select, sort: select.order if sort is None else None)
        for (question, sort, offset), page in pages.items():
            numbered = query.page(store, question, limit=9, offset=offset, sort=sort)
            assert (page.rows.dicts(), page.total) == (numbered.rows.dicts(), numbered.total), (question, sort, offset)
            assert page.rows.dicts() or offset == 40
