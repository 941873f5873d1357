"""The counts kept for the questions (newswire/corpus/tally.py): always the answer the tables give when grouped."""

from __future__ import annotations

import pytest

from newswire.corpus import query
from newswire.corpus.store import DUPLICATE, PENDING, Entry, Failure, Store
from newswire.records import Analysis, Article, Entity, Mention, content_id

from test_link import add, article


def grouped(store: Store, type: str | None = None) -> list[tuple]:
    """The entity list as the tables give it, grouped row by row (what the tallies must equal)."""
    return list(query._rows(store, query._entities(type=type), None))


def tallied(store: Store, type: str | None = None) -> list[tuple]:
    assert store.tallies_current()
    return list(query._rows(store, query._entities(type=type, tallied=True), None))


def same(store: Store) -> list[tuple]:
    for type_ in (None, "PERSON", "ORG"):
        assert tallied(store, type_) == grouped(store, type_)
    return tallied(store)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as s:
        yield s


def titled(name: str, titles: list[str], mentions: int = 1, **fields) -> Entity:
    spans = [Mention(0, len(name), name) for _ in range(mentions)]
    return Entity(id=fields.pop("id", "E1"), name=name, type=fields.pop("type", "PERSON"), titles=titles, mentions=spans, **fields)


def test_batches_add_up_to_what_the_tables_give(store):
    add(store, article(("John Kerry", "PERSON", "USA", "USAGOV", "Kerry"), ("Apple Inc.", "ORG")))
    add(store, article(("John Kerry", "PERSON", "USA", "USAGOV")), article(("John Kerry", "PERSON", "GBR"), ("Apple Inc.", "ORG", None, None, "it")))
    rows = same(store)
    by = {(r[0], r[4], r[5]): r for r in rows}
    assert by[("John Kerry", "USAGOV", "USA")][2:4] == (2, 3)  # two articles, three mentions
    assert by[("John Kerry", None, "GBR")][2] == 1  # the same name of another country is its own row
    assert list(query.entities(store, top=50)) == rows  # the question reads the tallies


def test_titles_are_counted_by_article_and_go_when_no_article_gives_them(store):
    a = Analysis(id="a", text="x", published="2024-01-01", entities=[titled("Ann Lee", ["Minister"], id="E1"), titled("Ann Lee", ["Dr."], id="E2")])
    b = Analysis(id="b", text="y", published="2024-01-02", entities=[titled("Ann Lee", ["Minister"])])
    add(store, a, b)
    assert same(store)[0][6] == ["Dr.", "Minister"]
    add(store, Analysis(id="a", text="x", published="2024-01-01", entities=[titled("Ann Lee", [])]))  # analysed again
    (row,) = same(store)
    assert row[2] == 2 and row[6] == ["Minister"]


def test_an_article_analysed_again_replaces_its_counts(store):
    a = article(("Apple Inc.", "ORG", "USA", "USABUS"))
    b = article(("Apple Inc.", "ORG", "USA", "USABUS"))
    add(store, a, b)
    add(store, a, b)  # the same records again: nothing changes
    assert [r[2] for r in same(store)] == [2]
    changed = Analysis(id=b.id, text=b.text, published=b.published, entities=[titled("Microsoft", [], type="ORG")])
    add(store, changed)
    assert {r[0]: r[2] for r in same(store)} == {"Apple Inc.": 1, "Microsoft": 1}
    add(store, Analysis(id=a.id, text=a.text, published=a.published))  # it no longer names anything: the row goes
    assert [r[0] for r in same(store)] == ["Microsoft"]


def test_a_failed_article_and_an_analysed_copy_are_not_counted(store):
    a, b = article(("Ann Lee", "PERSON")), article(("Ann Lee", "PERSON"))
    add(store, a, b)
    store.add_results([], [Failure(document="b", stage="analyze", reason="internal", message="boom", article_id=b.id)], run_id=1)
    assert [r[2] for r in same(store)] == [1]
    copy = article(("Ann Lee", "PERSON"))
    store.add_entries([Entry(Article(text=copy.text), copy.id, len(copy.text), DUPLICATE, "fp", None, duplicate_of=a.id)], [], run_id=1)
    store.add_results([copy], [], run_id=1)  # a copy analysed (ingest --keep-duplicates) is no canonical article
    assert [r[2] for r in same(store)] == [1]


def test_a_store_made_before_the_tallies_is_tallied_once_and_asked_without_them_until_then(store):
    add(store, article(("Ann Lee", "PERSON"), ("Apple Inc.", "ORG")), article(("Ann Lee", "PERSON", "USA")))
    expected = same(store)
    with store.session() as con:  # as a store of an older version: no counts
        con.execute("DELETE FROM entity_tally")
        con.execute("DELETE FROM meta WHERE key = 'tallies'")
    assert not store.tallies_current()
    assert list(query.entities(store, top=10)) == expected  # grouped from the tables meanwhile
    store.tally_stored()
    assert same(store) == expected
