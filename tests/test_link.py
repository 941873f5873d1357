"""Linking entities across articles (newswire/corpus/link.py) and its tables in the store."""

from __future__ import annotations

import itertools

import pytest

from newswire.corpus.link import corpus_entity_id, entity_key, shown
from newswire.corpus.store import PENDING, Entry, Store
from newswire.records import Analysis, Article, Entity, Mention, content_id


@pytest.mark.parametrize(
    "a, b",
    [
        (("PERSON", "John Kerry"), ("PERSON", "John F. Kerry")),
        (("PERSON", "Martin Luther King Jr."), ("PERSON", "Martin Luther King")),
        (("PERSON", "José Manuel Barroso"), ("PERSON", "Jose Barroso")),
        (("ORG", "Apple Inc."), ("ORG", "Apple")),
        (("ORG", "the General Motors Corp."), ("ORG", "General Motors")),
        (("ORG", "Boeing's"), ("ORG", "Boeing")),
        (("PERSON", "Northrop Grumman"), ("ORG", "Northrop Grumman")),  # the parser's type varies
    ],
)
def test_name_variants_share_a_key(a, b):
    assert entity_key(*a) == entity_key(*b) is not None


@pytest.mark.parametrize(
    "a, b",
    [
        (("PERSON", "Bill Clinton"), ("PERSON", "Hillary Clinton")),  # a surname shared, first names differ
        (("ORG", "General Motors"), ("ORG", "General Mills")),
    ],
)
def test_different_names_have_different_keys(a, b):
    assert entity_key(*a) != entity_key(*b)


def test_a_bare_surname_and_a_nominal_get_no_key():
    assert entity_key("PERSON", "Kerry") is None
    assert entity_key("PERSON", "Mr. Kerry") is None


def test_a_country_is_keyed_by_its_code_whatever_it_is_called():
    assert entity_key("GPE", "U.S.", "USA", "USA") == entity_key("GPE", "United States", "USA", "USA")
    assert entity_key("ORG", "United States of America", "USA", "USALEG") == entity_key("GPE", "America", "USA", "USA")
    assert entity_key("GPE", "Washington", "USA", None) != entity_key("GPE", "United States", "USA", "USA")
    assert entity_key("GPE", "Georgia", "USA", None) != entity_key("GPE", "Georgia", "GEO", "GEO")  # the state is not the country


# --- in the store -------------------------------------------------------------

_dates = itertools.count(1)


def article(*entities: tuple, published: str | None = None, filler: str = "") -> Analysis:
    """An analysis whose text names each entity once: (name, type[, country[, actor[, extra mention]]])."""
    parts, records = [], []
    offset = 0
    for n, spec in enumerate(entities, 1):
        name, type_, country, actor, *more = (*spec, None, None)[:4] + tuple(spec[4:])
        mentions = []
        for said in (name, *more):
            parts.append(said + " spoke. ")
            mentions.append(Mention(offset, offset + len(said), said, "name" if said[0].isupper() else "nominal"))
            offset += len(said) + len(" spoke. ")
        records.append(Entity(id=f"E{n}", name=name, type=type_, country=country, actor=actor, mentions=mentions))
    text = "".join(parts) + f"Story {next(_dates)}{filler}."
    return Analysis(id=content_id(text), text=text, published=published or "2024-05-01", entities=records)


def add(store: Store, *analyses: Analysis) -> None:
    entries = [Entry(Article(text=a.text, published=a.published), a.id, len(a.text), PENDING, "fp", None) for a in analyses]
    store.add_entries(entries, [], run_id=1)
    store.add_results(list(analyses), [], run_id=1)


def links(store: Store) -> dict[tuple[str, str], str | None]:
    with store.session() as con:
        rows = con.execute(f"SELECT article_id, name, {shown()} FROM entities e").fetchall()  # through the split rules
    return {(a, n): c for a, n, c in rows}


def corpus(store: Store) -> dict[str, dict]:
    with store.session() as con:
        cursor = con.execute("SELECT * FROM corpus_entities")
        names = [d[0] for d in cursor.description]
        return {r[0]: dict(zip(names, r)) for r in cursor.fetchall()}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as s:
        yield s


def test_name_variants_in_different_articles_are_one_corpus_entity(store):
    a = article(("John Kerry", "PERSON", "USA", "USAGOV", "Kerry"), published="2013-09-01")
    b = article(("John F. Kerry", "PERSON", None, None), published="2013-09-05")
    c = article(("Kerry", "PERSON"), published="2013-09-07")  # the article never says who: not linked
    add(store, a, b)
    add(store, c)
    linked = links(store)
    assert linked[(a.id, "John Kerry")] == linked[(b.id, "John F. Kerry")] is not None
    assert linked[(c.id, "Kerry")] is None
    (kerry,) = corpus(store).values()
    assert kerry["name"] == "John F. Kerry" and kerry["country"] == "USA" and kerry["actor"] == "USAGOV"
    assert kerry["articles"] == 2 and kerry["mentions"] == 3
    assert sorted(kerry["aliases"]) == ["John F. Kerry", "John Kerry", "Kerry"]
    assert (kerry["first_published"], kerry["last_published"]) == ("2013-09-01", "2013-09-05")


def test_people_sharing_a_surname_stay_apart(store):
    add(store, article(("Bill Clinton", "PERSON", "USA")), article(("Hillary Clinton", "PERSON", "USA")))
    assert len(corpus(store)) == 2


def test_a_name_met_in_a_second_country_is_split_by_country(store):
    gb, us, unknown = (article(("John Smith", "PERSON", c)) for c in ("GBR", "USA", None))
    add(store, gb, unknown)  # one country so far: one corpus entity
    assert len(set(links(store).values())) == 1
    add(store, us)  # a second country: each country its own, the unknown one apart
    linked = links(store)
    assert len({linked[(x.id, "John Smith")] for x in (gb, us, unknown)}) == 3
    rows = corpus(store)
    assert sorted((r["country"] or "", r["articles"]) for r in rows.values()) == [("", 1), ("GBR", 1), ("USA", 1)]
    assert set(rows) == set(linked.values())


def test_the_corpus_entities_do_not_depend_on_the_order_of_the_articles(tmp_path):
    made = [
        article(("John Smith", "PERSON", "GBR")), article(("John Smith", "PERSON", None), published="2020-01-01"),
        article(("John Smith", "PERSON", "USA"), published="2021-06-01"), article(("Apple Inc.", "ORG", "USA", "USABUS")),
        article(("Apple", "ORG", None, None, "the company"), published="2019-03-03"),
    ]
    results = []
    for n, order in enumerate([made, made[::-1], [made[2], made[0], made[4], made[1], made[3]]]):
        with Store(tmp_path / f"{n}.duckdb") as s:
            for a in order:
                add(s, a)
            results.append((sorted(corpus(s).items()), sorted(links(s).items())))
    assert results[0] == results[1] == results[2]


def test_adding_again_changes_nothing_and_analysing_again_relinks(store):
    a = article(("Apple Inc.", "ORG", "USA", "USABUS"))
    b = article(("Apple", "ORG", "USA"))
    add(store, a, b)
    before = corpus(store)
    add(store, a, b)  # re-analysed with the same records
    assert corpus(store) == before
    changed = Analysis(id=b.id, text=b.text, published=b.published, entities=[
        Entity(id="E1", name="Microsoft", type="ORG", mentions=[Mention(0, 5, b.text[:5])])
    ])
    add(store, changed)  # its analysis changed: it no longer names Apple
    rows = {r["key"]: r for r in corpus(store).values()}
    assert rows["apple"]["articles"] == 1 and rows["apple"]["mentions"] == 1
    assert rows["microsoft"]["articles"] == 1
    assert links(store)[(b.id, "Microsoft")] == corpus_entity_id("microsoft")


def test_the_link_column_is_not_part_of_the_analysis(store):
    a = article(("Apple Inc.", "ORG", "USA", "USABUS"))
    add(store, a)
    assert store.load_analysis(a.id) == a


def test_a_store_linked_before_its_links_existed_is_linked_once_from_its_rows(store):
    from newswire.records import Quote, Span

    a = article(("John Kerry", "PERSON", "USA", "USAGOV", "Kerry"), ("Apple Inc.", "ORG"))
    b = article(("John F. Kerry", "PERSON"), ("Apple", "ORG"), ("John Smith", "PERSON", "GBR"))
    c = article(("John Smith", "PERSON", "USA"))
    said = "we will not stand for this at all"
    for x in (a, b):
        x.text += f' "{said}," Kerry said.'
        start = x.text.index(said)
        x.quotes.append(Quote(id="Q1", type="direct", content=Span(start, start + len(said), said), speaker_entity="E1"))
        x.id = content_id(x.text)
    add(store, a, b, c)

    def tables():
        with store.session() as con:
            return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
                    for t in ("corpus_entities", "corpus_quotes", "quote_keys", "entities", "quotes")}

    linked = tables()
    # a store made empty by this version is linked as it is filled: its links are current without linking it again
    assert len(linked["corpus_quotes"]) == 1 and store.links_current() == (True, 3)
    with store.session() as con:  # as a store of an older version has them: no links
        con.execute("DELETE FROM meta WHERE key = 'links'")
        for t in ("corpus_entities", "corpus_quotes", "quote_keys"):
            con.execute(f"DELETE FROM {t}")
        con.execute("UPDATE entities SET corpus_entity = NULL")
        con.execute("UPDATE quotes SET corpus_quote = NULL")
    assert store.link_stored(chunk=2) == 3
    assert tables() == linked and store.links_current() == (True, 3)


def test_rewrite_rows_gives_the_rows_an_update_would():
    """A relabel moves rows (read, deleted, inserted again) instead of updating them: the table holds afterwards exactly
    the rows an UPDATE gives (every other column kept, lists and NULLs included), only the rows named are changed,
    and a row whose match columns find no link keeps its label."""
    import duckdb
    import pyarrow as pa

    from newswire.corpus.link import rewrite_rows

    con = duckdb.connect()
    rows = [(f"a{i % 7}", i, f"C{i % 3}", ["t", None] if i % 2 else None, None if i % 5 == 0 else f"X{i % 4}") for i in range(60)]
    for name in ("moved", "updated"):
        con.execute(f"CREATE TABLE {name} (article_id VARCHAR, ord INTEGER, label VARCHAR, titles VARCHAR[], country VARCHAR)")
        con.executemany(f"INSERT INTO {name} VALUES (?, ?, ?, ?, ?)", rows)
    links = {("C1", "X1"): "N1", ("C2", "X3"): "N2", ("C0", "X9"): "N0"}  # the last matches no row
    wanted = [r for (r,) in con.execute("SELECT rowid FROM moved WHERE label IN ('C1', 'C2')").fetchall()]
    table = pa.table({"label": [k[0] for k in links], "country": [k[1] for k in links], "link": list(links.values())})
    rewrite_rows(con, "moved", wanted, "label", table, ("label", "country"))
    for (old, country), new in links.items():
        con.execute("UPDATE updated SET label = ? WHERE label = ? AND country = ?", [new, old, country])
    for a, b in (("moved", "updated"), ("updated", "moved")):
        assert con.execute(f"SELECT count(*) FROM (SELECT * FROM {a} EXCEPT ALL SELECT * FROM {b})").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM moved WHERE label IN ('N1', 'N2')").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM moved").fetchone()[0] == len(rows)
    assert con.execute("SELECT count(*) FROM moved WHERE label = 'C1'").fetchone()[0] > 0  # C1 rows of other countries stay


def test_a_store_linked_again_from_nothing_equals_the_store_linked_batch_by_batch(tmp_path):
    """The re-link a change of the links' layout forces (`Store.link_stored`, in chunks of the articles' own dates)
    leaves every table of links row for row as the batches of an ingest left it: each entity's, quote's and event's
    corpus link, and the corpus entities, quotes and events with their keys and parts. The invented articles are the
    benchmark's synthetic feed (names, quotes repeated across outlets, events of one happening), over twenty days."""
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from link_scale import World, store_batch

    world, rng = World(), random.Random(7)
    analyses = [world.article(n, rng) for n in range(0, 2000, 20)]  # five articles a day
    path = tmp_path / "relinked.duckdb"
    tables = ("entities", "quotes", "events", "corpus_entities", "corpus_entity_parts", "corpus_entity_splits",
              "corpus_quotes", "quote_keys", "corpus_events", "event_keys")

    def rows(store):
        with store.session() as con:
            return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}

    with Store(path) as store:
        for start in range(0, len(analyses), 12):
            store_batch(store, analyses[start : start + 12])
        linked = rows(store)
        with store.session() as con:
            assert con.execute("SELECT count(*) FROM corpus_quotes WHERE num_articles > 1").fetchone()[0] > 0
            assert con.execute("SELECT count(*) FROM corpus_events WHERE num_articles > 1").fetchone()[0] > 0
            assert con.execute("SELECT count(*) FROM corpus_entities WHERE articles > 1").fetchone()[0] > 0
            con.execute("UPDATE meta SET value = 'an older layout' WHERE key = 'links'")
        assert store.link_stored(chunk=7) == len(analyses)
        relinked = rows(store)
    for t in tables:
        assert relinked[t] == linked[t], t


def test_a_store_written_in_many_batches_equals_one_written_in_one(tmp_path):
    """The links a batch writes touch only its own rows and the stored rows of the keys, quotes and events it meets
    (a name split by country: the event keys naming it take their country's corpus entity from their own key and
    country, `event_link.refresh_entities`): a store of the same invented articles written in batches of 12 and one
    written in one batch hold the same rows, link tables included. The invented feed (bench/link_scale.py's) gives
    some people a second country, so names are split by country while events naming them are stored."""
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from link_scale import World, store_batch

    world, rng = World(), random.Random(11)
    analyses = [world.article(n, rng) for n in range(0, 3000, 20)]  # five articles a day, thirty days
    tables = ("entities", "quotes", "events", "corpus_entities", "corpus_entity_parts", "corpus_entity_splits",
              "corpus_quotes", "quote_keys", "corpus_events", "event_keys")

    def rows(path, size):
        with Store(path) as store:
            for start in range(0, len(analyses), size):
                store_batch(store, analyses[start : start + size])
            with store.session() as con:
                out = {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
                split = con.execute(  # event keys whose side is a split name's corpus entity for its country
                    "SELECT count(*) FROM event_keys k JOIN corpus_entity_splits s ON s.id IN (k.source_entity, k.target_entity)").fetchone()[0]
        return out, split

    many, split = rows(tmp_path / "many.duckdb", 12)
    one, _ = rows(tmp_path / "one.duckdb", len(analyses))
    assert split > 0  # names were split by country with events naming them stored
    for t in tables:
        assert many[t] == one[t], t
