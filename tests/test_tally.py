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


def quoting(name: str, written: str, words: str, entity: str | None = None) -> Analysis:
    """An article in which `written` (the speaker as written; resolved to `name`) says `words`; with `entity`, the
    speaker's entity is named so."""
    from newswire.records import Cue, Quote, Span

    text = f'{written} said: "{words}" Story {content_id(name + written + words)}.'
    start = text.index(words)
    entities = [titled(entity, [])] if entity else []
    quote = Quote(id="Q1", type="direct", content=Span(start, start + len(words), words), cue=Cue(len(written) + 1, len(written) + 5, "said", lemma="say"),
                  speaker=Span(0, len(written), written), speaker_entity="E1" if entity else None, speaker_name=name, confidence=0.9)
    return Analysis(id=content_id(text), text=text, published="2024-05-01", entities=entities, quotes=[quote])


def stored_names(store: Store) -> set[str]:
    with store.session() as con:
        return {n for (n,) in con.execute("SELECT name FROM names").fetchall()}


def in_tables(store: Store) -> set[str]:
    with store.session() as con:
        return {n for (n,) in con.execute(
            "SELECT name FROM entities UNION SELECT speaker_name FROM quotes UNION SELECT speaker_text FROM quotes"
        ).fetchall() if n}


def by_name(store: Store, name: str) -> tuple[list, list]:
    """The quotes by `name` and its timeline, matched against the kept names and against the tables' names (equal)."""
    answers = []
    for kept in (True, False):
        answers.append((query._rows(store, query._quotes(speaker=name, tallied=kept), None).rows,
                        query._rows(store, query._timeline(entity=name, tallied=kept), None).rows))
    assert answers[0] == answers[1]
    return answers[0]


def test_the_names_are_kept_as_batches_are_stored_and_the_questions_by_name_answer_as_the_tables_do(store):
    a = quoting("Ann Lee", "Minister Ann Lee", "We will rebuild the bridge.", entity="Ann Lee")
    b = quoting("Bo Chen", "Mr. Chen", "Nothing was decided.")
    add(store, a, b)
    assert stored_names(store) == in_tables(store) == {"Ann Lee", "Minister Ann Lee", "Bo Chen", "Mr. Chen"}
    quotes, timeline = by_name(store, "ann lee")
    assert [r[3] for r in quotes] == ["We will rebuild the bridge."] and len(timeline) == 2  # said, mentioned
    assert [r[3] for r in by_name(store, "Chen")[0]] == ["Nothing was decided."]
    # analysed again without its speaker: the names keep the old ones (a superset), the answers follow the rows
    add(store, Analysis(id=a.id, text=a.text, published=a.published))
    assert stored_names(store) > in_tables(store)
    assert by_name(store, "Ann Lee") == ([], [])
    assert query.quotes(store, speaker="Ann Lee").rows == [] and query.timeline(store, entity="Ann Lee").rows == []


def test_a_store_made_before_the_names_gets_them_once_and_is_asked_without_them_until_then(store):
    add(store, quoting("Ann Lee", "Ann Lee", "We will rebuild the bridge.", entity="Ann Lee"))
    expected = by_name(store, "Lee")
    with store.session() as con:  # as a store of the version before: no names, tallies of another layout
        con.execute("DROP TABLE names")
        con.execute("UPDATE meta SET value = 'entity groups by name, type, actor, country: articles, mentions, titles (issue 15)' WHERE key = 'tallies'")
    assert not store.tallies_current()
    assert query.quotes(store, speaker="Lee").rows == expected[0]  # gathered from the tables meanwhile
    assert query.page(store, "timeline", limit=10, entity="Lee").rows.rows == expected[1]
    store.close()
    with Store(store.path) as again:  # opened for writing: the table is made again, empty
        again.tally_stored()
        assert again.tallies_current() and stored_names(again) == in_tables(again) == {"Ann Lee"}
        assert by_name(again, "Lee") == expected


def test_an_entity_of_descriptions_only_is_kept_but_not_listed(store):
    # "Both delegations", "reporters": no name in the article; stored for the quotes and events that read them,
    # but no named body or person for `query entities`, grouped or tallied
    described = Analysis(id="d", text="Both delegations spoke. Reporters spoke.", published="2024-01-03", entities=[
        Entity(id="E1", name="Both delegations", type="ORG", mentions=[Mention(0, 16, "Both delegations", "nominal")]),
        Entity(id="E2", name="Ann Lee", type="PERSON", mentions=[Mention(24, 33, "Reporters", "nominal"), Mention(24, 33, "Ann Lee", "name")]),
    ])
    add(store, described)
    assert not described.entities[0].named and described.entities[1].named
    assert [r[0] for r in same(store)] == ["Ann Lee"]
    with store.session() as con:
        assert con.execute("SELECT count(*) FROM entities").fetchone()[0] == 2  # still stored
    with store.session() as con:  # tallied from the stored rows (a store made before): the same answer
        store.tally_stored()
    assert [r[0] for r in same(store)] == ["Ann Lee"]


def test_a_store_whose_quote_counts_know_no_confidence_is_asked_without_them_until_tallied_again(tmp_path):
    """A store whose per-article quote counts were kept before they were kept by tenths of confidence (no `tenths`
    column, another layout): `quotes --speaker` at the floor is answered from the tables until the next ingest
    tallies it again; then from the counts, the same rows, at the floor and at none; tallied twice, the same counts."""
    path = tmp_path / "corpus.duckdb"
    said = [quoting("Ann Lee", "Lee", f"words {n}", "Ann Lee") for n in range(6)]
    for analysis, confidence in zip(said, (None, 0.1, 0.29, 0.3, 0.7, 0.9)):
        analysis.quotes[0].confidence = confidence
    with Store(path) as store:
        add(store, *said)
        expected = {floor: query.page(store, "quotes", limit=10, speaker="Lee", min_confidence=floor) for floor in (0.3, 0, 0.7)}
        assert [p.total for p in expected.values()] == [4, 6, 2]  # the quote without a confidence counts as at the floor (`query._quote_at`)
        with store.session() as con:  # as the version before kept them
            con.execute("ALTER TABLE quote_speakers DROP COLUMN tenths")
            con.execute("UPDATE meta SET value = 'quotes by speaker names' WHERE key = 'tallies'")
    with Store(path, read_only=True) as store:  # a reader of the old store: the tables answer
        assert not store.tallies_current()
        assert query._page_by_article(store, "quotes", {"speaker": "Lee", "min_confidence": 0.3}, 10, 0, None) is None
        for floor, page in expected.items():
            assert query.page(store, "quotes", limit=10, speaker="Lee", min_confidence=floor) == page
    with Store(path) as store:  # a writer adds the column; the ingest tallies the store again (`tally_stored`)
        for _ in range(2):
            store.tally_stored()
            with store.session() as con:
                kept = sorted(con.execute("SELECT tenths, quotes FROM quote_speakers").fetchall(), key=repr)
            assert kept == sorted([(None, 1), (1, 1), (2, 1), (3, 1), (7, 1), (9, 1)], key=repr)
        for floor, page in expected.items():
            fast = query._page_by_article(store, "quotes", {"speaker": "Lee", "min_confidence": floor or None}, 10, 0, None)
            assert fast == page
