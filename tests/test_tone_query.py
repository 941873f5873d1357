"""`newswire query tone`: tone per period or outlet, by entity, on a store of real analyses."""

from __future__ import annotations

import pytest

import newswire
from newswire.corpus import query
from newswire.corpus.store import DUPLICATE, PENDING, Entry, Store
from newswire.errors import UsageError
from newswire.records import Article, content_id

STORIES = [  # (text, published, url)
    ('Rebels attacked the village and killed twelve civilians. "This is a terrible crime," John Kerry said.', "2013-09-02", "https://www.wire.example/a"),
    ('The talks ended in a peace agreement. "We are very happy with this success," John Kerry said.', "2013-09-20", "https://www.wire.example/b"),
    ("The ministers praised the successful negotiations and thanked the mediators.", "2013-10-05", "https://paper.example/c"),
    ("Floods destroyed homes and the disaster left hundreds homeless and afraid.", "2013-10-07", "https://paper.example/d"),
]


@pytest.fixture(scope="module")
def analyses():
    return [newswire.analyze(t, published=p, url=u) for t, p, u in STORIES]


@pytest.fixture(scope="module")
def store(analyses, tmp_path_factory):
    path = tmp_path_factory.mktemp("tone") / "corpus.duckdb"
    copy = newswire.analyze(STORIES[0][0] + "\nReporting by Test Wire.", published=STORIES[0][1], url="https://copy.example/a")

    def entry(a, status=PENDING, duplicate_of=None):
        article = Article(text=a.text, published=a.published, url=a.url)
        return Entry(article, a.id, len(a.text), status, a.id, None, duplicate_of=duplicate_of, similarity=0.9 if duplicate_of else None)

    with Store(path) as s:
        s.add_entries([entry(a) for a in analyses] + [entry(copy, DUPLICATE, analyses[0].id)], [], run_id=1)
        s.add_results([*analyses, copy], [], run_id=1)
    with Store(path, read_only=True) as s:
        yield s


def mean(values):
    return round(sum(values) / len(values), 2)


def test_the_stories_have_the_tone_their_words_say(analyses):
    assert analyses[0].tone.score < 0 < analyses[1].tone.score
    assert analyses[2].tone.score > 0 > analyses[3].tone.score


def test_tone_by_month_averages_the_articles_and_pools_the_quotes(store, analyses):
    rows = query.tone(store).dicts()
    assert [str(r["period"]) for r in rows] == ["2013-09-01", "2013-10-01"]
    september = rows[0]
    assert september["articles"] == 2  # the syndicated copy does not count
    assert september["tone"] == mean([a.tone.score for a in analyses[:2]])
    quotes = [q.tone for a in analyses[:2] for q in a.quotes]
    assert september["quotes"] == len(quotes) == 2
    pooled = 100 * (sum(t.positive_words for t in quotes) - sum(t.negative_words for t in quotes)) / sum(t.words for t in quotes)
    assert september["quote_tone"] == round(pooled, 2)
    assert rows[1]["quotes"] == 0 and rows[1]["quote_tone"] is None


def test_tone_of_an_entity_counts_its_articles_and_its_own_quotes(store, analyses):
    rows = query.tone(store, entity="john kerry", by="day").dicts()
    assert [(str(r["period"]), r["articles"], r["quotes"]) for r in rows] == [("2013-09-02", 1, 1), ("2013-09-20", 1, 1)]
    assert rows[0]["tone"] == analyses[0].tone.score and rows[0]["quote_tone"] < 0 < rows[1]["quote_tone"]


def test_tone_by_outlet_and_of_one_outlet(store, analyses):
    by_outlet = {r["outlet"]: r for r in query.tone(store, by="outlet").dicts()}
    assert set(by_outlet) == {"wire.example", "paper.example"}
    assert by_outlet["paper.example"]["tone"] == mean([a.tone.score for a in analyses[2:]])
    one = query.tone(store, outlet="www.paper.example", start="2013-10-06").dicts()
    assert [(str(r["period"]), r["outlet"], r["articles"], r["tone"]) for r in one] == [("2013-10-01", "paper.example", 1, analyses[3].tone.score)]
    assert [r["outlet"] for r in query.tone(store, by="year").dicts()] == [None]  # 2013 mixes the two outlets


def test_a_bad_grouping_or_range_is_refused(store):
    with pytest.raises(UsageError, match="--by"):
        query.tone(store, by="fortnight")
    with pytest.raises(UsageError, match="after"):
        query.tone(store, start="2013-10-01", end="2013-09-01")


def test_the_cli_asks_it(store, tmp_path):
    from conftest import newswire_cli

    result = newswire_cli("query", "tone", "--db", str(store.path), "--by", "outlet", "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "period,outlet,articles,tone,positive,negative,quotes,quote_tone"


def test_tone_counts_and_pools_the_quotes_at_the_floor_as_the_quotes_tab_shows_them(store, analyses, tmp_path):
    # a quote under the floor counts in neither `quotes` nor `quote_tone`; one stored without a confidence counts as at it
    import shutil

    path = tmp_path / "floored.duckdb"
    shutil.copy(store.path, path)
    low, unknown = (a.quotes[0].content.text for a in analyses[:2])
    with Store(path) as s:
        s.con.execute("UPDATE quotes SET confidence = ? WHERE content_text = ?", [query.QUOTE_FLOOR / 3, low])
        s.con.execute("UPDATE quotes SET confidence = NULL WHERE content_text = ?", [unknown])
    with Store(path, read_only=True) as s:
        rows = query.tone(s, by="day").dicts()
        assert [(str(r["period"]), r["quotes"]) for r in rows[:2]] == [("2013-09-02", 0), ("2013-09-20", 1)]
        assert rows[0]["quote_tone"] is None and rows[1]["quote_tone"] > 0
        assert sum(r["quotes"] for r in query.tone(s, by="day").dicts()) == query.page(s, "quotes", limit=1).total == 1
