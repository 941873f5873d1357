"""One quote across outlets (newswire/corpus/quote_link.py) and its tables in the store."""

from __future__ import annotations

import itertools

import pytest

from newswire.corpus.quote_link import quote_words, same
from newswire.corpus.store import PENDING, Entry, Store
from newswire.errors import UsageError
from newswire.records import Analysis, Article, Entity, Mention, Quote, Span, content_id

FULL = "Syria must hand over every one of its chemical weapons within a week"


@pytest.mark.parametrize(
    "a, b",
    [
        (FULL, FULL.upper()),  # an exact copy, written otherwise
        (FULL, "that " + FULL),  # indirect and direct
        (FULL, "hand over every one of its chemical weapons"),  # trimmed, a part of it
        (FULL, "Syria must hand over all of its chemical weapons within a week"),  # lightly edited
    ],
)
def test_copies_of_a_quotation_are_the_same(a, b):
    assert same(quote_words(a), quote_words(b))


@pytest.mark.parametrize(
    "a, b",
    [
        (FULL, "Syria has used chemical weapons against its own people"),  # another statement of the speaker
        (FULL, "chemical weapons"),  # too short a part to tell
        ("We will talk to them", "We will not talk to them at all"),
    ],
)
def test_other_statements_are_not(a, b):
    assert not same(quote_words(a), quote_words(b))


def test_only_an_exact_copy_is_the_same_far_apart_in_time():
    assert same(quote_words(FULL), quote_words(FULL), near=False)
    assert not same(quote_words(FULL), quote_words("hand over every one of its chemical weapons"), near=False)


_n = itertools.count(1)


def article(speaker: str, *quotes: str, published: str = "2013-09-13", url: str | None = None) -> Analysis:
    text = f"{speaker} spoke. " + " ".join(f'"{q}," {speaker.split()[-1]} said.' for q in quotes) + f" Story {next(_n)}."
    mentions = [Mention(0, len(speaker), speaker)]
    records = []
    for n, q in enumerate(quotes, 1):
        start = text.index(f'"{q},') + 1
        records.append(Quote(id=f"Q{n}", type="direct", content=Span(start, start + len(q), q), speaker_entity="E1", speaker_name=speaker))
    entity = Entity(id="E1", name=speaker, type="PERSON", mentions=mentions)
    return Analysis(id=content_id(text), text=text, url=url, published=published, entities=[entity], quotes=records)


def add(store: Store, *analyses: Analysis) -> None:
    entries = [Entry(Article(text=a.text, published=a.published, url=a.url), a.id, len(a.text), PENDING, "fp", None) for a in analyses]
    store.add_entries(entries, [], run_id=1)
    store.add_results(list(analyses), [], run_id=1)


def rows(store: Store, sql: str) -> list[dict]:
    with store.session() as con:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as s:
        yield s


def test_one_quotation_in_several_outlets_is_one_corpus_quote(store):
    a = article("John Kerry", "hand over every one of its chemical weapons", published="2013-09-14", url="https://a.example/1")
    b = article("John Kerry", FULL, "We are not going to war", published="2013-09-13", url="https://www.b.example/2")
    c = article("John Kerry", "Syria must hand over all of its chemical weapons within a week", published="2013-09-15", url="https://b.example/3")
    add(store, a)
    add(store, b, c)
    quotes = rows(store, "SELECT article_id, content_text, corpus_quote FROM quotes")
    linked = {q["content_text"]: q["corpus_quote"] for q in quotes}
    assert linked[FULL] == linked["hand over every one of its chemical weapons"] == linked[c.quotes[0].content.text]
    assert linked["We are not going to war"] != linked[FULL]
    (spread,) = rows(store, "SELECT * FROM corpus_quotes WHERE num_articles > 1")
    assert spread["text"] == FULL and spread["num_articles"] == 3 and spread["num_sources"] == 2  # a.example, b.example
    assert (spread["first_article"], spread["first_published"], spread["last_published"]) == (b.id, "2013-09-13", "2013-09-15")
    assert {q["corpus_quote"] for q in quotes} == {r["id"] for r in rows(store, "SELECT id FROM corpus_quotes")}


def test_different_speakers_and_distant_dates_stay_apart(store):
    add(store, article("John Kerry", FULL), article("Sergei Lavrov", FULL))
    add(store, article("John Kerry", "hand over every one of its chemical weapons", published="2014-02-01"))
    assert len(rows(store, "SELECT * FROM corpus_quotes")) == 3


def stored_in_orders(tmp_path, made: list[Analysis], orders: list[list[int]]) -> list[tuple]:
    """The link tables of a store per order of the articles (each a list of indices into `made`); every corpus
    quote's speaker checked to be a corpus entity."""
    results = []
    for n, order in enumerate(orders):
        with Store(tmp_path / f"{n}.duckdb") as s:
            for i in order:
                add(s, made[i])
            results.append(tuple(sorted(map(repr, rows(s, sql))) for sql in (
                "SELECT * FROM corpus_quotes", "SELECT article_id, ord, corpus_quote FROM quotes", "SELECT * FROM quote_keys",
            )))
            speakers = {r["speaker"] for r in rows(s, "SELECT speaker FROM corpus_quotes")}
            assert speakers <= {r["id"] for r in rows(s, "SELECT id FROM corpus_entities")}
    return results


def test_the_corpus_quotes_do_not_depend_on_the_order_of_the_articles(tmp_path):
    made = [
        article("John Kerry", "hand over every one of its chemical weapons", published="2013-09-14"),
        article("John Kerry", FULL, published="2013-09-13"),
        article("John Kerry", "Syria must hand over all of its chemical weapons within a week", published="2013-09-20"),
        article("John Kerry", "every one of its chemical weapons within a week", published="2013-09-16"),
    ]
    results = stored_in_orders(tmp_path, made, [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]])
    assert len(results[0][0]) == 1
    assert results[0] == results[1] == results[2]


def test_analysing_again_relinks(store):
    a, b = article("John Kerry", FULL), article("John Kerry", FULL)
    add(store, a, b)
    add(store, a)  # the same records again: nothing changes
    (one,) = rows(store, "SELECT * FROM corpus_quotes")
    assert one["num_articles"] == 2
    changed = Analysis(id=b.id, text=b.text, published=b.published, entities=b.entities, quotes=[
        Quote(id="Q1", type="direct", content=Span(b.quotes[0].content.start, b.quotes[0].content.start + 5, b.text[b.quotes[0].content.start:][:5]),
              speaker_entity="E1", speaker_name="John Kerry")
    ])
    add(store, changed)
    counts = sorted(r["num_articles"] for r in rows(store, "SELECT * FROM corpus_quotes"))
    assert counts == [1, 1]


def test_the_questions_answer_from_the_links(tmp_path):
    from conftest import newswire_cli

    from newswire.corpus import query

    path = tmp_path / "corpus.duckdb"
    with Store(path) as s:
        add(s, article("John Kerry", FULL, "We are not going to war", published="2013-09-13", url="https://a.example/1"))
        add(s, article("John F. Kerry", "hand over every one of its chemical weapons", published="2013-09-14", url="https://b.example/2"))
    with Store(path, read_only=True) as s:
        (spread,) = query.quotes(s, spread=2).dicts()
        assert (spread["quote"], spread["sources"], spread["published"], spread["speaker"]) == (FULL, 2, "2013-09-13", "John F. Kerry")
        # a speaker asked for is found by the corpus entity's name or by one of its aliases ("John Kerry" is only an alias)
        for speaker, found in (("John Kerry", 1), ("john f. kerry", 1), ("Kerry", 1), ("Jane Kerry", 0), ("Kerry John", 0)):
            assert [r["quote"] for r in query.quotes(s, spread=2, speaker=speaker).dicts()] == [FULL] * found, speaker
        rows = query.corpus_entity(s, name="kerry").dicts()
        # a filter --spread does not take is refused on every path, the served page's too (not an answer ignoring it)
        for option in ({"start": "2100-01-01"}, {"end": "2000-01-01"}, {"outlet": "a.example"}, {"type": "direct"}):
            with pytest.raises(UsageError, match="leave out"):
                query.page(s, "quotes", limit=10, spread=2, **option)
            with pytest.raises(UsageError, match="leave out"):
                query.quotes(s, spread=2, **option)
    kinds = [(r["kind"], r["text"]) for r in rows]
    assert kinds[0][0] == "entity" and ("alias", "John Kerry") in kinds and ("alias", "John F. Kerry") in kinds
    assert [r["article_id"] for r in rows if r["kind"] == "article"] and sum(k == "said" for k, _ in kinds) == 3
    result = newswire_cli("query", "entity", "John Kerry", "--db", str(path), "-f", "jsonl")
    assert result.returncode == 0 and '"kind": "said"' in result.stdout
    assert newswire_cli("query", "quotes", "--spread", "2", "--db", str(path), "-f", "jsonl").stdout.count("\n") == 1


def test_quotes_of_a_speaker_split_by_country_are_linked_again_whatever_the_order(tmp_path):
    def smith(country, *quotes, published="2013-09-13"):
        a = article("John Smith", *quotes, published=published)
        a.entities[0].country = country
        return a

    made = [
        smith("GBR", FULL), smith(None, "hand over every one of its chemical weapons", published="2013-09-14"),
        smith("GBR", "We are not going to war"), smith("USA", FULL, published="2013-09-15"),
        smith("USA", "Syria must hand over all of its chemical weapons within a week", published="2013-09-16"),
    ]
    results = stored_in_orders(tmp_path, made, [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 3, 0, 4, 2]])
    assert results[0] == results[1] == results[2]
    assert len(results[0][0]) == 4  # GBR's FULL, USA's two copies of it, the unknown one's part of it, GBR's other


@pytest.mark.parametrize("other", [FULL.upper(), "hand over every one of its chemical weapons"])
def test_two_corpus_quotes_of_a_split_key_made_whole_again_with_one_quotation_become_one(store, other):
    """`quote_link.whole_again`: two stored corpus quotes of one name split by country (a speaker of each country), the
    same quotation (the same words, or a part of it), once the key is one speaker again (its rules gone) are one corpus
    quote of the key counting both, as linking them from scratch makes (not one id written twice and its two rows
    counted apart, nor two corpus quotes)."""
    from newswire.corpus import quote_link
    from newswire.corpus.link import corpus_entity_id

    a, b = article("Ann Lee", FULL, published="2013-09-13"), article("Ann Lee", other, published="2013-09-20")
    a.entities[0].country, b.entities[0].country = "USA", "GBR"
    add(store, a, b)
    whole = corpus_entity_id("ann lee")
    before = rows(store, "SELECT speaker, country, mixed FROM corpus_quotes ORDER BY country")
    assert before == [{"speaker": whole, "country": "GBR", "mixed": False}, {"speaker": whole, "country": "USA", "mixed": False}]
    with store._transaction() as con:
        con.execute("DELETE FROM corpus_entity_splits")  # as `link.unsplit` leaves the key
        again = quote_link.whole_again(con, {whole})
        linked = quote_link.link_quotes(con, again, {m.node for m in again})
        quote_link.relabel_quotes(con, linked)
    (one,) = rows(store, "SELECT * FROM corpus_quotes")
    assert (one["id"], one["speaker"], one["quotes"], one["num_articles"], one["country"], one["mixed"]) == (
        quote_link.corpus_quote_id(whole, quote_words(FULL)), whole, 2, 2, None, True)
    assert [r["corpus_quote"] for r in rows(store, "SELECT corpus_quote FROM quotes")] == [one["id"]] * 2
    assert [(r["corpus_quote"], r["speaker"]) for r in rows(store, "SELECT corpus_quote, speaker FROM quote_keys")] == [(one["id"], whole)] * 2


def test_a_split_keeps_the_ids_of_corpus_quotes_of_one_country_and_links_again_only_mixed_ones(store):
    """A name met with one country and with none, then with a second country, is split (issue 15, layout @3): its
    corpus quote whose quotes are all of the first country keeps its id and its quote rows (its speaker shown is the
    split corpus entity, through the rule); one with quotes of that country and of none is taken apart into two."""
    from newswire.corpus import query, quote_link
    from newswire.corpus.link import corpus_entity_id

    other = "Nobody will pay for the new road through the valley this year"
    a, b = article("Ann Lee", FULL, other, published="2013-09-13"), article("Ann Lee", FULL, other.upper(), published="2013-09-14")
    c = article("Ann Lee", FULL.upper(), published="2013-09-15")
    a.entities[0].country = b.entities[0].country = "USA"  # c: no country
    add(store, a, b, c)
    whole = corpus_entity_id("ann lee")
    kept = {r["id"]: r for r in rows(store, "SELECT id, country, mixed FROM corpus_quotes")}
    assert sorted((r["country"] or "", r["mixed"]) for r in kept.values()) == [("", True), ("USA", False)]
    d = article("Ann Lee", "We have other plans for the valley now", published="2013-09-16")
    d.entities[0].country = "GBR"
    add(store, d)
    after = {r["id"]: r for r in rows(store, "SELECT id, speaker, country, mixed, quotes FROM corpus_quotes")}
    usa = next(i for i, r in kept.items() if r["country"] == "USA")
    assert after[usa]["quotes"] == 2 and after[usa]["speaker"] == whole  # kept as it was
    assert sorted((r["country"] or "", r["mixed"], r["quotes"]) for r in after.values()) == [
        ("", False, 1), ("GBR", False, 1), ("USA", False, 2), ("USA", False, 2)]
    # the question shows each under the speaker it is of now
    page = query.page(store, "quotes", limit=50, spread=1).rows
    assert len(page) == 4 and usa in {r[-1] for r in page}
    spoken = {(r["speaker"], r["words"]) for r in rows(store, f"SELECT {quote_link.speaker_shown('cq')} AS speaker, words FROM corpus_quotes cq")}
    assert (corpus_entity_id("ann lee", "USA"), " ".join(quote_words(other))) in spoken
    assert (corpus_entity_id("ann lee", "GBR"), "we have other plans for the valley now") in spoken
    assert (whole, " ".join(quote_words(FULL))) in spoken  # the quote of no country: the key's own
