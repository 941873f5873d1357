"""The canned questions, read-only SQL, output formats and export, on a store filled by hand."""

from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newswire.corpus import query
from newswire.cli import app
from newswire.errors import QueryError, StoreError, UsageError
from newswire.present.output import write_rows
from newswire.records import Analysis, Article, Entity, Event, EventActor, Mention, Quote, Span, content_id
from newswire.corpus.store import DUPLICATE, PENDING, TABLES, Entry, Store

KERRY = 'U.S. Secretary of State John Kerry said on Tuesday: "We are ready to act." Syria warned Washington against a strike.\n'
BAN = 'U.N. chief Ban Ki-moon said: "There is no military solution." Kerry met Lavrov in Geneva.\n'


def at(text: str, sub: str) -> tuple[int, int, str]:
    i = text.index(sub)
    return i, i + len(sub), sub


def kerry_analysis() -> Analysis:
    t = KERRY
    return Analysis(
        id=content_id(t), text=t, title="Kerry on Syria", published="2013-09-10",
        entities=[
            Entity("E1", "John Kerry", "PERSON", ["Secretary of State"], "USA", "USAGOV", [Mention(*at(t, "John Kerry"))]),
            Entity("E2", "Syria", "GPE", [], "SYR", "SYR", [Mention(*at(t, "Syria"))]),
            Entity("E3", "Washington", "GPE", [], "USA", "USA", [Mention(*at(t, "Washington"))]),
        ],
        quotes=[Quote("Q1", "direct", Span(*at(t, "We are ready to act.")), speaker=Span(*at(t, "John Kerry")), speaker_entity="E1", speaker_name="John Kerry",
                      confidence=0.9)],
        events=[Event("V1", "138", "13", "THREATEN", 3, -7.0, Span(*at(t, "warned")), Span(*at(t, "Syria warned Washington against a strike.")),
                      source=EventActor(*at(t, "Syria"), entity="E2", actor="SYR"), target=EventActor(*at(t, "Washington"), entity="E3", actor="USA"), confidence=0.62)],
    )


def ban_analysis() -> Analysis:
    t = BAN
    return Analysis(
        id=content_id(t), text=t, title="Ban on Syria", published="2013-09-20",
        entities=[
            Entity("E1", "Ban Ki-moon", "PERSON", ["U.N. chief"], None, "IGOUNO", [Mention(*at(t, "Ban Ki-moon"))]),
            Entity("E2", "John Kerry", "PERSON", [], "USA", "USAGOV", [Mention(*at(t, "Kerry"))]),
            Entity("E3", "Sergei Lavrov", "PERSON", [], "RUS", "RUSGOV", [Mention(*at(t, "Lavrov"))]),
        ],
        quotes=[Quote("Q1", "direct", Span(*at(t, "There is no military solution.")), speaker=Span(*at(t, "U.N. chief Ban Ki-moon")), speaker_entity="E1",
                      confidence=0.4)],
        events=[Event("V1", "040", "04", "CONSULT", 1, 1.0, Span(*at(t, "met")), Span(*at(t, "Kerry met Lavrov in Geneva.")),
                      source=EventActor(*at(t, "Kerry"), entity="E2", actor="USAGOV"), target=EventActor(*at(t, "Lavrov"), entity="E3", actor="RUSGOV"), date="2013-09-21", confidence=0.31)],
    )


def entry(analysis: Analysis, status: str = PENDING, duplicate_of: str | None = None) -> Entry:
    article = Article(text=analysis.text, title=analysis.title, published=analysis.published, source=f"{analysis.title}.txt")
    return Entry(article, analysis.id, len(analysis.text), status, analysis.id, None, duplicate_of=duplicate_of, similarity=0.9 if duplicate_of else None)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "corpus.duckdb"
    kerry, ban = kerry_analysis(), ban_analysis()
    copy = kerry_analysis()  # an analysed syndicated copy: the questions must not count it twice
    copy.text = copy.text + "Reporting by Test Wire.\n"
    copy.id = content_id(copy.text)
    with Store(path) as store:
        store.add_entries([entry(kerry), entry(ban), entry(copy, DUPLICATE, kerry.id)], [], run_id=1)
        store.add_results([kerry, ban, copy], [], run_id=1)
    return path


@pytest.fixture
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def test_quotes_by_speaker(store):
    rows = query.quotes(store, speaker="Ban Ki-moon").dicts()
    assert [(r["speaker"], r["quote"], r["published"]) for r in rows] == [("Ban Ki-moon", "There is no military solution.", "2013-09-20")]
    assert BAN[rows[0]["start"] : rows[0]["end"]] == rows[0]["quote"]
    assert [r["speaker"] for r in query.quotes(store).dicts()] == ["John Kerry", "Ban Ki-moon"]  # by date; the copy's quote not again
    assert [r["speaker"] for r in query.quotes(store, speaker="kerry").dicts()] == ["John Kerry"]
    assert len(query.quotes(store, speaker="Ban Ki")) == 1 and len(query.quotes(store, speaker="Ki-mo")) == 0  # whole words only


def test_quotes_by_confidence(store):
    assert [(r["speaker"], r["confidence"]) for r in query.quotes(store).dicts()] == [("John Kerry", 0.9), ("Ban Ki-moon", 0.4)]
    assert [r["speaker"] for r in query.quotes(store, min_confidence=0.7).dicts()] == ["John Kerry"]
    assert [r["speaker"] for r in query.quotes(store, min_confidence=0.4).dicts()] == ["John Kerry", "Ban Ki-moon"]  # at least
    assert query.quotes(store, min_confidence=1.0).rows == []
    assert query.page(store, "quotes", limit=10, min_confidence="0.5").total == 1  # as the web UI passes it


def test_events_show_their_modality_and_filter_on_it(store):
    rows = query.events(store).dicts()
    assert [r["modality"] for r in rows] == ["asserted", "asserted"]
    assert len(query.events(store, modality="any")) == 2 and len(query.events(store, modality="ASSERTED")) == 2
    assert query.events(store, modality="negated").rows == []
    assert [r["cameo"] for r in query.events(store, source="USA").dicts()] == ["040"]  # USAGOV met RUSGOV
    assert [r["cameo"] for r in query.events(store, target="USA").dicts()] == ["138"]  # Syria warned Washington
    assert query.events(store, source="SYR", target="RUS").rows == []
    with pytest.raises(UsageError, match="unknown modality 'maybe'; use one of asserted, intended"):
        query.events(store, modality="maybe")


def test_events_by_confidence_and_asserted_by_default(store, tmp_path):
    assert [(r["cameo"], r["confidence"]) for r in query.events(store, min_confidence=0.5).dicts()] == [("138", 0.62)]
    assert len(query.events(store, min_confidence=0.31)) == 2 and len(query.events(store, min_confidence=1)) == 0
    for bad in (1.5, -0.1, "high"):
        with pytest.raises(UsageError, match="--min-confidence takes a number from 0 to 1"):
            query.events(store, min_confidence=bad)
    # an event the text only announces is not listed unless asked for
    planned = kerry_analysis()
    planned.events[0].modality = "intended"
    path = tmp_path / "planned.duckdb"
    with Store(path) as s:
        s.add_entries([entry(planned)], [], run_id=1)
        s.add_results([planned], [], run_id=1)
    with Store(path, read_only=True) as s:
        assert query.events(s).rows == []
        assert [r["modality"] for r in query.events(s, modality="any").dicts()] == ["intended"]
        assert [r["modality"] for r in query.events(s, modality="intended").dicts()] == ["intended"]


def test_a_page_of_an_answer_has_the_total_and_any_order(store):
    page = query.page(store, "quotes", limit=1, sort="-published")
    assert (page.total, [r["speaker"] for r in page.rows.dicts()]) == (2, ["Ban Ki-moon"])
    assert [r["speaker"] for r in query.page(store, "quotes", limit=5, offset=1).rows.dicts()] == ["Ban Ki-moon"]  # its own order
    assert query.page(store, "entities", limit=2, type="PERSON").total == 3
    with pytest.raises(UsageError, match="cannot sort by 'x'"):
        query.page(store, "quotes", limit=1, sort="x")


@pytest.mark.parametrize("question, options", [
    ("quotes", {}), ("quotes", {"speaker": "Kerry"}), ("entities", {}), ("events", {}), ("timeline", {"entity": "Kerry"}), ("network", {}),
])
def test_pages_in_the_questions_own_order_are_the_answer_cut_in_pieces(store, question, options):
    answer = query._rows(store, query._select(store, question, options), None).rows
    assert answer  # the fixture answers each of them
    for size in (1, 2):
        pages = [query.page(store, question, limit=size, offset=o, **options) for o in range(0, len(answer), size)]
        assert [row for p in pages for row in p.rows.rows] == answer
        assert {p.total for p in pages} == {len(answer)}


def test_events_by_actor_date_and_type(store):
    rows = query.events(store, actor="SYR", start="2013-09-01", end="2013-09-30", type="THREATEN").dicts()
    assert [(r["source"], r["cameo"], r["target"], r["date"]) for r in rows] == [("Syria", "138", "Washington", "2013-09-10")]
    assert [r["cameo"] for r in query.events(store, actor="usa").dicts()] == ["138", "040"]  # source or target, any case
    assert [r["date"] for r in query.events(store, start="2013-09-21").dicts()] == ["2013-09-21"]  # the event's own date
    assert [r["cameo"] for r in query.events(store, type="04").dicts()] == ["040"]
    assert len(query.events(store, end="2013-09-09")) == 0
    with pytest.raises(UsageError, match="--from 'last week' is not a date"):
        query.events(store, start="last week")


def test_top_entities(store):
    rows = query.entities(store, top=2).rows
    assert rows == [("John Kerry", "PERSON", 2, 2, "USAGOV", "USA", ["Secretary of State"]), ("Ban Ki-moon", "PERSON", 1, 1, "IGOUNO", None, ["U.N. chief"])]
    assert [r[0] for r in query.entities(store, top=10, type="gpe").rows] == ["Syria", "Washington"]


def test_entities_of_one_name_are_told_apart_by_code_and_country_never_merged(tmp_path):
    def person(text, country, actor, titles, published):
        return Analysis(id=content_id(text), text=text, title=text[:20], published=published,
                        entities=[Entity("E1", "John Smith", "PERSON", titles, country, actor, [Mention(*at(text, "John Smith"))])])

    people = [person("Senator John Smith voted no.\n", "USA", "USALEG", ["Senator"], "2020-01-01"),
              person("John Smith, a senator, spoke.\n", "USA", "USALEG", ["senator"], "2020-01-02"),
              person("Striker John Smith scored twice.\n", "GBR", None, ["Striker"], "2020-01-03"),
              person("A man called John Smith was seen.\n", None, None, [], "2020-01-04")]
    with Store(tmp_path / "smiths.duckdb") as store:
        store.add_entries([entry(a) for a in people], [], run_id=1)
        store.add_results(people, [], run_id=1)
    with Store(tmp_path / "smiths.duckdb", read_only=True) as store:
        rows = [(r["articles"], r["actor"], r["country"], r["titles"]) for r in query.entities(store).dicts()]
        assert rows == [(2, "USALEG", "USA", ["Senator", "senator"]), (1, None, "GBR", ["Striker"]), (1, None, None, [])]
        page = query.entity(store, name="John Smith")
    assert [n["name"] for n in page["names"]] == ["John Smith"]
    groups = {(g["country"], g["actor"]): g for g in page["groups"]}
    assert set(groups) == {("USA", "USALEG"), ("GBR", None), (None, None)}
    assert [a["published"] for a in groups["USA", "USALEG"]["seen_in"]] == ["2020-01-02", "2020-01-01"]  # newest first
    assert [a["article_id"] for a in groups["GBR", None]["seen_in"]] == [people[2].id] and groups["GBR", None]["titles"] == ["Striker"]


def test_quotes_by_publication_date_inclusive_undated_left_out_and_not_with_spread(store, db, tmp_path):
    def speakers(**options):
        return [r["speaker"] for r in query.quotes(store, **options).dicts()]

    assert speakers(start="2013-09-10", end="2013-09-10") == ["John Kerry"]  # both ends inclusive
    assert speakers(start="2013-09-11") == ["Ban Ki-moon"]
    assert speakers(end="2013-09-19") == ["John Kerry"]
    assert speakers(speaker="Ban Ki-moon", start="2013-09-21") == []  # with a speaker: not the store's kept counts alone
    assert speakers(speaker="Ban Ki-moon", end="2013-09-20", limit=5) == ["Ban Ki-moon"]
    with pytest.raises(UsageError, match="--from 2013-09-20 is after --to 2013-09-10"):
        query.quotes(store, start="2013-09-20", end="2013-09-10")
    with pytest.raises(UsageError, match="--from"):
        query.quotes(store, start="September")
    with pytest.raises(UsageError, match="leave out .*--from and --to"):
        query.quotes(store, spread=2, start="2013-09-01")
    undated = ban_analysis()
    undated.published = None
    with Store(tmp_path / "undated.duckdb") as s:
        s.add_entries([entry(undated)], [], run_id=1)
        s.add_results([undated], [], run_id=1)
    with Store(tmp_path / "undated.duckdb", read_only=True) as s:
        assert len(query.quotes(s)) == 1 and len(query.quotes(s, start="1900-01-01")) == 0
    result = CliRunner().invoke(app, ["query", "quotes", "--from", "2013-09-15", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["speaker"] for line in result.stdout.splitlines()] == ["Ban Ki-moon"]


def test_quotes_events_and_articles_by_outlet_and_quotes_by_type(tmp_path):
    kerry, ban = kerry_analysis(), ban_analysis()
    kerry.url, ban.url = "https://www.Reuters.com/world/kerry", "https://news.bbc.co.uk/ban.stm"
    ban.quotes[0].type = "indirect"
    entries = [entry(a) for a in (kerry, ban)]
    for e, a in zip(entries, (kerry, ban)):
        e.article.url = a.url
    with Store(tmp_path / "outlets.duckdb") as store:
        store.add_entries(entries, [], run_id=1)
        store.add_results([kerry, ban], [], run_id=1)
    with Store(tmp_path / "outlets.duckdb", read_only=True) as store:
        assert [r["speaker"] for r in query.quotes(store, outlet="reuters.com").dicts()] == ["John Kerry"]
        assert [r["speaker"] for r in query.quotes(store, outlet="www.REUTERS.com").dicts()] == ["John Kerry"]
        assert [r["speaker"] for r in query.quotes(store, outlet="bbc.co.uk").dicts()] == ["Ban Ki-moon"]  # a domain: hosts under it
        assert query.quotes(store, outlet="co.uk").rows and not query.quotes(store, outlet="c.co.uk").rows  # whole labels only
        assert [r["cameo"] for r in query.events(store, outlet="news.bbc.co.uk").dicts()] == ["040"]
        assert [r["title"] for r in query.articles(store, outlet="reuters.com").dicts()] == ["Kerry on Syria"]
        assert [r["speaker"] for r in query.quotes(store, type="INDIRECT").dicts()] == ["Ban Ki-moon"]
        assert query.facets(store, "quotes", outlet="reuters.com")["outlet"] == [{"value": "news.bbc.co.uk", "count": 1}, {"value": "reuters.com", "count": 1}]
        with pytest.raises(UsageError, match="unknown quote type 'said'; use one of direct, indirect, mixed"):
            query.quotes(store, type="said")
        with pytest.raises(UsageError, match="--outlet"):
            query.events(store, outlet=" ")


def test_a_trend_counts_the_answer_per_period_by_its_key_the_rest_as_other(store, tmp_path):
    events = query.trend(store, "events")
    assert (events["unit"], events["keys"], events["undated"]) == ("day", ["CONSULT", "THREATEN"], 0)
    assert [(str(r["period"]), r["key"], r["count"]) for r in events["series"]] == [("2013-09-10", "THREATEN", 1), ("2013-09-21", "CONSULT", 1)]
    quotes = query.trend(store, "quotes", top=1)  # the copy's quote is not counted again
    assert quotes["keys"] == ["Ban Ki-moon", "other"] and sum(r["count"] for r in quotes["series"]) == 2
    assert query.trend(store, "events", actor="RUS")["series"] == [{"period": events["series"][1]["period"], "key": "CONSULT", "count": 1}]
    # a long span is counted per week or month; a date that is no day is counted apart, not placed
    far, week = kerry_analysis(), ban_analysis()
    far.published, week.events[0].date = "2016-01-05", "2013-W38"
    with Store(tmp_path / "trend.duckdb") as s:
        s.add_entries([entry(far), entry(week)], [], run_id=1)
        s.add_results([far, week], [], run_id=1)
    with Store(tmp_path / "trend.duckdb", read_only=True) as s:
        assert query.trend(s, "quotes")["unit"] == "week"
        assert query.trend(s, "events")["undated"] == 1
    with pytest.raises(UsageError, match="no trend for 'entities'"):
        query.trend(store, "entities")


def test_timeline(store):
    rows = query.timeline(store, entity="John Kerry").dicts()
    assert [(r["date"], r["kind"], r["text"]) for r in rows] == [
        ("2013-09-10", "mentioned", "John Kerry"),
        ("2013-09-10", "said", "We are ready to act."),
        ("2013-09-20", "did", "John Kerry met Sergei Lavrov [040]"),  # entity names: a mention may stand for both sides
        ("2013-09-20", "mentioned", "Kerry"),
    ]
    assert query.timeline(store, entity="Nobody").rows == []


def test_sql_is_read_only(db):
    rows = query.sql(db, "SELECT count(*) AS n FROM articles WHERE duplicate_of IS NULL")
    assert (rows.columns, rows.rows) == (["n"], [(2,)])
    with pytest.raises(QueryError, match=r'Cannot execute statement of type "DELETE".*\(newswire sql is read-only\)'):
        query.sql(db, "DELETE FROM articles")
    with pytest.raises(QueryError, match="file system operations are disabled"):
        query.sql(db, "COPY articles TO 'stolen.csv'")
    with pytest.raises(QueryError, match="Catalog Error"):
        query.sql(db, "SELECT * FROM no_such_table")
    with pytest.raises(StoreError, match="no database at"):
        query.sql(db.parent / "missing.duckdb", "SELECT 1")


@pytest.mark.parametrize("text, count", [("", 0), ("  -- just a comment", 0), ("SELECT 1; SELECT 2", 2)])
def test_sql_takes_exactly_one_statement(db, text, count):
    with pytest.raises(QueryError, match=f"one SQL statement; this holds {count}"):
        query.sql(db, text)


def test_output_formats(tmp_path, store):
    rows = query.entities(store, top=3)
    write_rows(rows, out=tmp_path / "top.csv")
    assert (tmp_path / "top.csv").read_text().splitlines()[:2] == ["name,type,articles,mentions,actor,country,titles",
                                                                   'John Kerry,PERSON,2,2,USAGOV,USA,"[""Secretary of State""]"']
    write_rows(rows, format="jsonl", out=tmp_path / "top.out")
    first = json.loads((tmp_path / "top.out").read_text().splitlines()[0])
    assert first == {"name": "John Kerry", "type": "PERSON", "articles": 2, "mentions": 2, "actor": "USAGOV", "country": "USA",
                     "titles": ["Secretary of State"]}
    write_rows(rows, out=tmp_path / "top.parquet")
    assert pq.read_table(tmp_path / "top.parquet").to_pylist()[0] == first
    with pytest.raises(UsageError, match="Parquet output needs a file"):
        write_rows(rows, format="parquet")


@pytest.mark.parametrize("fmt, suffix", [("parquet", "parquet"), ("jsonl", "jsonl")])
def test_export_writes_every_table(tmp_path, db, fmt, suffix):
    written = query.export(db, tmp_path / "out", format=fmt)
    assert [p.name for p in written] == [f"{t}.{suffix}" for t in TABLES]
    reader = "read_parquet" if fmt == "parquet" else "read_json_auto"
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM {reader}('{tmp_path}/out/articles.{suffix}')").fetchone() == (3,)
    quotes = con.execute(f"SELECT article_id, content_text FROM {reader}('{tmp_path}/out/quotes.{suffix}') ORDER BY content_text").fetchall()
    assert [q[1] for q in quotes] == ["There is no military solution.", "We are ready to act.", "We are ready to act."]
    with pytest.raises(UsageError, match="unknown export format"):
        query.export(db, tmp_path / "x", format="xml")


def test_cli_commands(db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["query", "quotes", "--speaker", "Ban Ki-moon", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["quote"] == "There is no military solution."
    result = runner.invoke(app, ["query", "events", "--actor", "SYR", "--from", "2013-09-01", "--to", "2013-09-30", "--type", "THREATEN", "--db", str(db), "-f", "csv"])
    assert result.exit_code == 0 and result.output.splitlines()[1].startswith("2013-09-10,Syria,SYR,138,THREATEN,Washington")
    result = runner.invoke(app, ["query", "entities", "--top", "20", "--db", str(db), "-f", "table"])
    assert result.exit_code == 0 and "John Kerry" in result.output and "Lavrov" in result.output
    result = runner.invoke(app, ["query", "timeline", "--entity", "John Kerry", "--db", str(db), "--out", str(tmp_path / "t.parquet")])
    assert result.exit_code == 0 and pq.read_table(tmp_path / "t.parquet").num_rows == 4
    result = runner.invoke(app, ["sql", "SELECT title FROM articles WHERE duplicate_of IS NULL ORDER BY title", "--db", str(db), "-f", "csv"])
    assert result.output.splitlines() == ["title", "Ban on Syria", "Kerry on Syria"]
    result = runner.invoke(app, ["export", str(tmp_path / "out"), "--format", "jsonl", "--db", str(db)])
    assert result.exit_code == 0 and (tmp_path / "out" / "entities.jsonl").exists()
    result = runner.invoke(app, ["query", "entities", "--db", str(tmp_path / "missing.duckdb")])
    assert isinstance(result.exception, StoreError)


def test_export_gdelt_writes_every_stored_event_as_a_gdelt_row(tmp_path, db):
    from newswire.gdelt import GDELT_COLUMNS, MENTION_COLUMNS

    path, mentions = query.export(db, tmp_path / "out", format="gdelt", min_confidence=0, modality="any")
    assert (path.name, mentions.name) == ("events.export.tsv", "events.mentions.tsv")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    with duckdb.connect(str(db), read_only=True) as con:
        (n_events,) = con.execute("SELECT count(*) FROM events").fetchone()
        codes = sorted(r[0] for r in con.execute("SELECT cameo FROM events").fetchall())
        sources = {r[0] for r in con.execute("SELECT source FROM articles").fetchall()}
    assert len(rows) == n_events > 0
    assert all(len(r) == len(GDELT_COLUMNS) for r in rows)
    assert sorted(r[GDELT_COLUMNS.index("EventCode")] for r in rows) == codes
    # a Mentions row per event: its article (no URL here, so a citation named by where it was read from)
    mentioned = [dict(zip(MENTION_COLUMNS, line.split("\t"))) for line in mentions.read_text(encoding="utf-8").splitlines()]
    assert sorted(m["GLOBALEVENTID"] for m in mentioned) == sorted(r[0] for r in rows)
    assert all(m["MentionType"] == "2" and m["MentionIdentifier"] in sources for m in mentioned)


def _cli_leaves_out_under_the_floor(path, question: str, floor: float, shown: list, left_out: str) -> None:
    """`newswire query QUESTION` of a store of three records (at 0.9, under the floor, without a confidence): those
    `shown` (their confidences) and a note of those left out (`left_out`: "2 events", "1 quote"); with
    --min-confidence 0 all three and no note."""
    result = CliRunner().invoke(app, ["query", question, "--db", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["confidence"] for line in result.stdout.splitlines()] == shown
    assert f"Note: {left_out} under confidence {floor} left out" in result.stderr and "--min-confidence 0" in result.stderr
    result = CliRunner().invoke(app, ["query", question, "--db", str(path), "-f", "jsonl", "--min-confidence", "0"])
    assert len(result.stdout.splitlines()) == 3 and "left out" not in result.stderr


def test_event_questions_leave_out_records_under_the_floor_unless_asked(tmp_path):
    # three copies of one event, at confidence 0.9, under the floor, and without one (a version that gave none)
    found = []
    for text, confidence in (("Syria warned Washington.\n", 0.9), ("Syria warned Washington again.\n", query.EVENT_FLOOR / 2),
                             ("Syria warned Washington once more.\n", None)):
        found.append(Analysis(
            id=content_id(text), text=text, published="2013-09-10",
            events=[Event("V1", "138", "13", "THREATEN", 3, -7.0, Span(*at(text, "warned")), Span(0, len(text) - 1, text[:-1]),
                          source=EventActor(*at(text, "Syria"), actor="SYR"), target=EventActor(*at(text, "Washington"), actor="USA"),
                          confidence=confidence)],
        ))  # fmt: skip
    path = tmp_path / "floor.duckdb"
    with Store(path) as s:
        s.add_entries([entry(a) for a in found], [], run_id=1)
        s.add_results(found, [], run_id=1)
    with Store(path, read_only=True) as s:
        assert [r["confidence"] for r in query.events(s).dicts()] == [0.9]
        assert len(query.events(s, min_confidence=0)) == 3 and len(query.events(s, min_confidence=None)) == 3
        assert query.page(s, "events", limit=10).total == 1 and query.page(s, "events", limit=10, min_confidence="0").total == 3
        assert [r["events"] for r in query.network(s).dicts()] == [1] and [r["events"] for r in query.network(s, min_confidence=0).dicts()] == [3]
    _cli_leaves_out_under_the_floor(path, "events", query.EVENT_FLOOR, [0.9], "2 events")


def _quote_floor_store(tmp_path):
    """Three invented articles, one quote each by Dana Levi: at confidence 0.9, under the quote floor, without one."""
    found = []
    for text, confidence in (("Dana Levi said the port would reopen.\n", 0.9),
                             ("Dana Levi said the bridge would close.\n", query.QUOTE_FLOOR / 2),
                             ("Dana Levi said the school would move.\n", None)):
        content = text[text.index("the "):-2]
        found.append(Analysis(
            id=content_id(text), text=text, published="2021-03-0" + str(len(found) + 1),
            entities=[Entity("E1", "Dana Levi", "PERSON", [], None, None, [Mention(*at(text, "Dana Levi"))])],
            quotes=[Quote("Q1", "indirect", Span(*at(text, content)), speaker=Span(*at(text, "Dana Levi")), speaker_entity="E1",
                          speaker_name="Dana Levi", confidence=confidence)],
        ))  # fmt: skip
    path = tmp_path / "quote_floor.duckdb"
    with Store(path) as s:
        s.add_entries([entry(a) for a in found], [], run_id=1)
        s.add_results(found, [], run_id=1)
    return path


def _confidences(rows) -> list:
    """The confidences of a question's rows, in order, a quote without one (None) first."""
    return sorted((r["confidence"] for r in rows.dicts()), key=lambda c: -1 if c is None else c)


def test_quote_questions_leave_out_records_under_the_floor_unless_asked(tmp_path):
    # a quote stored without a confidence (a store made before quote confidence) counts as at the floor: shown by
    # default and at any floor up to it, left out above it; the counts of every place agree with the Quotes tab's
    path = _quote_floor_store(tmp_path)
    with Store(path, read_only=True) as s:
        assert _confidences(query.quotes(s)) == [None, 0.9]
        assert _confidences(query.quotes(s, min_confidence=query.QUOTE_FLOOR)) == [None, 0.9]
        assert _confidences(query.quotes(s, min_confidence=query.QUOTE_FLOOR / 4)) == [None, 0.15, 0.9]
        assert _confidences(query.quotes(s, min_confidence=query.QUOTE_FLOOR + 0.01)) == [0.9]
        assert _confidences(query.quotes(s, speaker="Levi", limit=10)) == [None, 0.9]
        assert len(query.quotes(s, min_confidence=0)) == 3 and len(query.quotes(s, min_confidence=None)) == 3
        assert len(query.quotes(s, min_confidence=0, speaker="Levi", limit=10)) == 3
        assert query.page(s, "quotes", limit=10).total == 2 and query.page(s, "quotes", limit=10, min_confidence="0").total == 3
        assert query.page(s, "quotes", limit=10, speaker="Dana Levi").total == 2
        assert query.page(s, "quotes", limit=10, min_confidence=0.95).total == 0
        assert query.page(s, "quotes", limit=10, min_confidence=0.5).total == 1
        assert sum(r["count"] for r in query.facets(s, "quotes")["type"]) == 2
        assert sum(r["count"] for r in query.facets(s, "quotes", min_confidence=0)["type"]) == 3
        assert sum(r["count"] for r in query.facets(s, "quotes", min_confidence=0.5)["type"]) == 1
        assert sum(r["count"] for r in query.trend(s, "quotes")["series"]) == 2
        # the overview, an entity's page and the tone count and list the quotes the Quotes tab shows
        overview = query.overview(s)
        assert overview["quotes"] == 2 and sum(d["quotes"] for d in overview["per_day"]) == 2
        assert [(r["name"], r["quotes"]) for r in overview["speakers"]] == [("Dana Levi", 2)]
        page = query.entity(s, name="Dana Levi")
        assert page["quotes"]["total"] == 2 and sum(w["quotes"] for w in page["per_week"]) == 2
    _cli_leaves_out_under_the_floor(path, "quotes", query.QUOTE_FLOOR, [0.9, None], "1 quote")
    # above the floor: no note of those under the floor, but one of the quote without a confidence it left out
    result = CliRunner().invoke(app, ["query", "quotes", "--db", str(path), "-f", "jsonl", "--min-confidence", "0.95"])
    assert result.stdout == "" and "under confidence" not in result.stderr
    assert "Note: 1 quote stored without a confidence" in result.stderr and "--min-confidence 0.3 shows them" in " ".join(result.stderr.split())


def test_quotes_spread_takes_the_default_floor_but_no_other(tmp_path):
    path = _quote_floor_store(tmp_path)
    with Store(path, read_only=True) as s:
        assert query.page(s, "quotes", limit=10, spread=2).total == 0  # the floor is not an error with --spread
        assert query.page(s, "quotes", limit=10, spread=2, min_confidence=0).total == 0  # nor is 0: neither changes anything
        with pytest.raises(UsageError, match=r"--spread .* each without a confidence.*--min-confidence \(0 or 0.3 is accepted and changes nothing"):
            query.quotes(s, spread=2, min_confidence=0.7)


def test_export_gdelt_writes_the_events_query_events_shows_unless_asked(tmp_path):
    # GDELT rows carry no modality: a hypothetical or a record under the floor would be read as a thing that happened
    found = []
    for text, confidence, modality in (("Syria warned Washington.\n", 0.9, "asserted"),
                                       ("Syria warned Washington again.\n", query.EVENT_FLOOR / 2, "asserted"),
                                       ("Syria may warn Washington.\n", 0.9, "hypothetical")):
        found.append(Analysis(
            id=content_id(text), text=text, published="2013-09-10",
            events=[Event("V1", "138", "13", "THREATEN", 3, -7.0, Span(*at(text, "warn")), Span(0, len(text) - 1, text[:-1]),
                          source=EventActor(*at(text, "Syria"), actor="SYR"), target=EventActor(*at(text, "Washington"), actor="USA"),
                          confidence=confidence, modality=modality)],
        ))  # fmt: skip
    path = tmp_path / "gdelt.duckdb"
    with Store(path) as s:
        s.add_entries([entry(a) for a in found], [], run_id=1)
        s.add_results(found, [], run_id=1)

    def exported(folder, **filters):
        notes = []
        events, mentions = query.export(path, tmp_path / folder, format="gdelt", notes=notes, **filters)
        rows, mentioned = events.read_text().splitlines(), mentions.read_text().splitlines()
        assert [r.split("\t")[0] for r in rows] == [m.split("\t")[0] for m in mentioned]  # a Mentions row per event row
        return len(rows), notes

    with Store(path, read_only=True) as s:
        shown = len(query.events(s))
    count, notes = exported("default")
    assert count == shown == 1 and len(notes) == 1 and notes[0].startswith("2 events left out")
    assert exported("all", min_confidence=0, modality="any") == (3, [])
    assert exported("floor", min_confidence=0)[0] == 2  # asserted ones, at any confidence
    result = CliRunner().invoke(app, ["export", str(tmp_path / "cli"), "-f", "gdelt", "--db", str(path)])
    assert result.exit_code == 0 and len((tmp_path / "cli" / "events.export.tsv").read_text().splitlines()) == 1
    assert "Note: 2 events left out" in result.stderr and "--modality any --min-confidence 0" in result.stderr
    result = CliRunner().invoke(app, ["export", str(tmp_path / "pq"), "--min-confidence", "0", "--db", str(path)])
    assert result.exit_code != 0


def test_network_counts_coded_actor_pairs_once_per_canonical_event(store):
    rows = query.network(store).dicts()
    assert rows == [
        {"source": "SYR", "target": "USA", "type": "THREATEN", "events": 1, "articles": 1, "goldstein": -7.0},
        {"source": "USAGOV", "target": "RUSGOV", "type": "CONSULT", "events": 1, "articles": 1, "goldstein": 1.0},
    ]
    assert [r["type"] for r in query.network(store, start="2013-09-15").dicts()] == ["CONSULT"]


def test_writing_to_a_place_that_cannot_be_written_is_a_usage_error(db, tmp_path):
    (tmp_path / "file").write_text("x")
    rows = query.Rows(["a"], [(1,)])
    with pytest.raises(UsageError, match="cannot write"):
        write_rows(rows, format="csv", out=str(tmp_path / "file" / "x.csv"))
    with pytest.raises(UsageError, match="cannot write"):
        query.export(db, tmp_path / "file" / "out")


def test_export_rows_come_in_key_order(db, tmp_path):
    query.export(db, tmp_path / "out", format="jsonl")
    rows = [json.loads(line) for line in (tmp_path / "out" / "mentions.jsonl").read_text().splitlines()]
    keys = [(r["article_id"], r["entity_id"], r["ord"]) for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_speaker_names_match_whole_words_in_any_script(store):
    assert len(query.quotes(store, speaker="Ban")) == 1
    assert len(query.quotes(store, speaker="Ba")) == 0


@pytest.mark.parametrize(
    "date, start, end, found",
    [
        ("2013-09", "2013-09-01", "2013-09-30", True),  # a month counts from its first day
        ("2013", "2013-01-01", "2013-01-31", True),
        ("2013-W37", "2013-09-01", "2013-09-30", True),  # a week is no day: the publication date (2013-09-10) counts
        ("XXXX-WXX-5", "2013-10-01", None, False),  # underspecified: the publication date, not "X" sorting after digits
    ],
)
def test_event_date_ranges_compare_days_not_strings(tmp_path, date, start, end, found):
    analysis = kerry_analysis()
    analysis.events[0].date = date
    path = tmp_path / "c.duckdb"
    with Store(path) as s:
        s.add_entries([entry(analysis)], [], run_id=1)
        s.add_results([analysis], [], run_id=1)
    with Store(path, read_only=True) as s:
        assert len(query.events(s, start=start, end=end)) == (1 if found else 0)


def test_an_unknown_event_type_or_a_backwards_date_range_is_a_usage_error(store):
    with pytest.raises(UsageError, match="unknown event type 'THREATS'.*THREATEN"):
        query.events(store, type="THREATS")
    with pytest.raises(UsageError, match="--from 2013-09-30 is after --to 2013-09-01"):
        query.events(store, start="2013-09-30", end="2013-09-01")
    assert query.events(store, type="threaten").rows  # a PLOVER type in any case


def test_a_format_that_contradicts_a_parquet_file_name_is_refused(tmp_path, store):
    rows = query.entities(store, top=3)
    with pytest.raises(UsageError, match="--format csv does not match --out"):
        write_rows(rows, format="csv", out=tmp_path / "top.parquet")
    with pytest.raises(UsageError, match="--format parquet does not match --out"):
        write_rows(rows, format="parquet", out=tmp_path / "top.csv")
    write_rows(rows, format="csv", out=tmp_path / "top.txt")  # text formats may go to any text file
    assert (tmp_path / "top.txt").read_text().startswith("name,type,")


def cli_error(monkeypatch, capsys, *args: str) -> str:
    """Run `newswire ARGS` in this process: it must fail with exactly one 'Error:' line that is no internal error."""
    from newswire.cli import main

    monkeypatch.setattr("sys.argv", ["newswire", *args])
    with pytest.raises(SystemExit) as exit:
        main()
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert exit.value.code == 1 and len(lines) == 1 and lines[0].startswith("Error: "), err
    assert "internal error" not in lines[0] and "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "quotes", "--limit", str(2**63)], "--limit 9223372036854775808 is out of range; give 1 to 1,000,000,000"),
        (["query", "events", "--limit", "1000000001"], "--limit 1000000001 is out of range"),
        (["query", "network", "--limit", "0"], "--limit 0 is out of range"),
        (["query", "timeline", "--entity", "Kerry", "--limit", "-5"], "--limit -5 is out of range"),
        (["query", "entities", "--top", str(2**63)], "--top 9223372036854775808 is out of range"),
        (["query", "quotes", "--speaker", "   "], "--speaker is blank"),
        (["query", "quotes", "--min-confidence", "1.5"], "--min-confidence takes a number from 0 to 1, not '1.5'"),
        (["query", "quotes", "--min-confidence", "nan"], "--min-confidence takes a number from 0 to 1, not 'nan'"),
        (["query", "events", "--min-confidence", "2"], "--min-confidence takes a number from 0 to 1, not '2'"),
        (["query", "quotes", "--speaker", "Ban\udcff"], "--speaker holds bytes that are not UTF-8"),
        (["query", "quotes", "--speaker", "Ban\x1b[31m"], "--speaker holds a control character"),
        (["query", "quotes", "--speaker", "x" * 1001], "--speaker is 1,001 characters long; give at most 1,000"),
        (["query", "timeline", "--entity", " "], "--entity is blank"),
        (["query", "quotes", "--speaker", "."], "--speaker '.' has no letter or digit"),
        (["query", "timeline", "--entity", "\u200b"], "--entity '\\u200b' has no letter or digit"),
        (["query", "timeline", "--entity", "\udcff"], "--entity holds bytes that are not UTF-8"),
        (["query", "events", "--actor", ""], "--actor is blank"),
        (["query", "events", "--actor", "\udcff"], "--actor holds bytes that are not UTF-8"),
        (["query", "events", "--actor", "SYR GOV"], "--actor 'SYR GOV' is not an actor code"),
        (["query", "events", "--actor", "SYR'--"], "is not an actor code"),
        (["query", "events", "--type", " "], "--type is blank"),
        (["query", "events", "--type", "999"], "no CAMEO code starts with '999'"),
        (["query", "events", "--type", "\u00b2"], "unknown event type '²'"),  # a digit to str.isdigit, not to CAMEO
        (["query", "events", "--from", "\udcff"], "--from '\\udcff' is not a date"),
        (["query", "entities", "--type", "\t"], "--type is blank"),
        (["query", "entities", "--type", "PERSONS"], "unknown entity type 'PERSONS'; use one of PERSON, ORG, GPE, LOC, FAC, NORP, GROUP"),
        (["query", "entities", "--type", "\udcff"], "--type holds bytes that are not UTF-8"),
        (["query", "quotes", "--out", "quotes.xlsx"], "cannot tell the format of --out quotes.xlsx from its extension; name it .csv, .jsonl, .json, .parquet, .txt, or pass --format"),
        (["query", "quotes", "--out", "quotes"], "cannot tell the format of --out quotes"),
        (["query", "quotes", "--out", ""], "--out is empty"),
        (["sql", "SELECT 1", "--out", "one.xlsx"], "cannot tell the format of --out one.xlsx"),
        (["sql", "SELECT 'Ban\udcff'"], "the SQL holds bytes that are not UTF-8"),
        (["export", ""], "the export folder's name is empty"),
        (["export", "out-\udcff"], "the export folder's name 'out-\\udcff' is not UTF-8"),
        (["export", "x" * 300], "cannot write to xxx"),  # a name longer than the file system takes
    ],
)
def test_bad_query_options_are_one_line_usage_errors(db, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)  # where a wrongly accepted --out or export folder would land
    assert message in cli_error(monkeypatch, capsys, *args, "--db", str(db))
    assert list(tmp_path.iterdir()) == []


def test_export_to_an_existing_file_is_refused_and_leaves_it_alone(db, tmp_path, monkeypatch, capsys):
    target = tmp_path / "out.txt"
    target.write_text("mine")
    assert "is a file, and export writes a folder of files" in cli_error(monkeypatch, capsys, "export", str(target), "--db", str(db))
    assert target.read_text() == "mine"


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_an_export_that_fails_half_way_leaves_the_folder_as_it_was(db, tmp_path, monkeypatch, fmt):
    # it left the tables written before the failure, which looked like a whole export (a hostile-input review)
    real, calls = query.table_key, []

    def fails_at_the_third_table(table):
        calls.append(table)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(table)

    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    monkeypatch.setattr(query, "table_key", fails_at_the_third_table)
    with pytest.raises(UsageError, match="No space left on device"):
        query.export(db, out, format=fmt)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_an_out_name_with_an_unknown_extension_is_written_as_the_format_asked_for(store, tmp_path):
    write_rows(query.entities(store, top=1), format="csv", out=tmp_path / "top.xlsx")
    assert (tmp_path / "top.xlsx").read_text().startswith("name,type,")


def test_filters_are_stripped_and_codes_taken_in_any_case(store):
    assert query.quotes(store, speaker="  Ban Ki-moon ").rows == query.quotes(store, speaker="Ban Ki-moon").rows != []
    assert query.events(store, actor=" syr").rows == query.events(store, actor="SYR").rows != []
    assert query.entities(store, type="gpe").rows == query.entities(store, type="GPE").rows != []
    assert query.events(store, type="13").rows and query.events(store, type="138").rows


def test_entity_types_are_the_schemas():
    import json
    from pathlib import Path

    schema = json.loads((Path(query.__file__).parents[1] / "schema" / "analysis-1.schema.json").read_text())
    assert list(query.ENTITY_TYPES) == schema["$defs"]["entity"]["properties"]["type"]["enum"]


def test_undecodable_bytes_on_the_real_command_line_are_a_usage_error(db):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "newswire", "query", "quotes", "--speaker", b"Ban\xff", "--db", str(db)], capture_output=True, timeout=120)
    assert result.returncode == 1 and result.stderr.decode().strip() == "Error: --speaker holds bytes that are not UTF-8 text; check the terminal's encoding"


def test_the_row_maximum_is_in_the_help():
    for words in (["query", "quotes"], ["query", "entities"]):
        result = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "250"})
        assert f"1 to {query.MAX_ROWS:,}" in result.output, words


def test_table_output_shows_data_as_written_never_as_emoji_markup_or_terminal_codes():
    from io import StringIO

    from rich.console import Console

    rows = query.Rows([":-1:"], [(":thumbs_up: [b]bold[/b] \x1b[31mred\x1b]0;title\x07",)])
    stream = StringIO()
    write_rows(rows, format="table", console=Console(file=stream, width=200))  # a console with emoji and markup on
    table = stream.getvalue()
    assert ":-1:" in table and ":thumbs_up: [b]bold[/b] \\x1b[31mred\\x1b]0;title\\x07" in table
    assert "\x1b" not in table and "\x07" not in table


def test_a_narrow_terminal_gets_each_row_as_lines_of_whole_words_and_a_wide_one_a_table():
    # at 80 columns a ten-column quotes table cut every header and cell to a few letters ("publ…", "spea…")
    from io import StringIO

    from rich.console import Console

    quote = "the talks were constructive and will go on next week in Geneva, the minister told reporters"
    columns = ["published", "speaker", "type", "quote", "cue", "confidence", "title", "article_id", "start", "end"]
    rows = query.Rows(columns, [("2013-09-13", "Ban Ki-moon", "direct", quote, "say", 0.93, "Syria talks", "031fd8e6bb99636d", 7, 100)])
    for width, table in ((80, False), (200, True)):
        stream = StringIO()
        write_rows(rows, format="table", console=Console(file=stream, width=width))
        shown = stream.getvalue()
        assert ("┃" in shown) is table, width  # the table's header border
        assert all(len(line) <= width for line in shown.splitlines())
        assert all(f"{c}" in shown for c in columns) and "Ban Ki-moon" in shown and "031fd8e6bb99636d" in shown
        assert " ".join(" ".join(line.strip(" │") for line in shown.splitlines()).split()).count("Geneva, the minister") == 1


@pytest.mark.parametrize("command", [["query", "quotes", "-f", "csv"], ["sql", "SELECT 1", "-f", "jsonl"]])
def test_out_naming_the_database_itself_is_refused_and_the_corpus_survives(db, tmp_path, monkeypatch, capsys, command):
    copy = tmp_path / "corpus.duckdb"
    copy.write_bytes(db.read_bytes())
    monkeypatch.chdir(tmp_path)
    message = cli_error(monkeypatch, capsys, *command, "--db", str(copy), "--out", "./corpus.duckdb")
    assert "--out ./corpus.duckdb is the database" in message
    assert copy.read_bytes() == db.read_bytes()


@pytest.mark.parametrize("suffix", [".wal", ".ingest.lock"])
def test_out_naming_the_database_log_or_lock_is_refused_even_before_they_exist(db, tmp_path, monkeypatch, capsys, suffix):
    # the log exists only while a write is under way: a check on existing files let a CSV become the database's log
    copy = tmp_path / "corpus.duckdb"
    copy.write_bytes(db.read_bytes())
    monkeypatch.chdir(tmp_path)
    message = cli_error(monkeypatch, capsys, "query", "entities", "-f", "csv", "--db", str(copy), "--out", f"corpus.duckdb{suffix}")
    assert "is the database" in message
    assert not (tmp_path / f"corpus.duckdb{suffix}").exists()


def test_names_match_whatever_their_unicode_form_and_spaces(tmp_path):
    # a decomposed "José" (e + combining acute) and no-break spaces in the article: a name typed as usual still finds
    # them (both were silently no rows); the stored text keeps its own form
    import unicodedata

    import newswire

    text = unicodedata.normalize("NFD", "European Commission President José Manuel Barroso said on Tuesday that the talks would resume.\n")
    text += "Syrian\u00a0President\u00a0Bashar\u00a0al-Assad said the army would withdraw.\n"
    analysis = newswire.analyze(text, published="2013-09-10")
    path = tmp_path / "c.duckdb"
    with Store(path) as s:
        s.add_entries([entry(analysis)], [], run_id=1)
        s.add_results([analysis], [], run_id=1)
    with Store(path, read_only=True) as s:
        assert len(query.quotes(s, speaker="José Manuel Barroso")) == 1
        assert len(query.quotes(s, speaker="Bashar al-Assad")) == 1
        assert len(query.timeline(s, entity="José Manuel Barroso")) >= 1
        assert len(query.quotes(s, speaker="Jos")) == 0  # whole words still
        (stored,) = s.con.execute("SELECT text FROM articles").fetchone()
    assert stored == text


def test_a_country_name_stands_for_its_code_in_the_cli_as_in_the_ui():
    # `newswire query events --actor Russia` printed nothing while /api/events?actor=Russia found RUS
    assert query.require_actor("Russia", "--actor") == "RUS"
    assert query.require_actor("russian", "--actor") == "RUS"
    assert query.require_actor("SYRGOV", "--actor") == "SYRGOV"
    assert query.require_actor("IRA", "--actor") == "IRA"  # in capitals: a code, not a word
    with pytest.raises(UsageError):
        query.require_actor("not a country 1", "--actor")


def test_out_dash_is_standard_output_and_never_a_file_named_dash(tmp_path, monkeypatch, capsys, store):
    monkeypatch.chdir(tmp_path)
    rows = query.entities(store, top=3)
    write_rows(rows, format="csv", out="-")
    assert capsys.readouterr().out.splitlines()[0] == ",".join(rows.columns)
    write_rows(rows, out="-")  # no format: as without --out (JSON lines when not a terminal)
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == len(rows.rows) and json.loads(printed[0])["name"] == rows.rows[0][0]
    with pytest.raises(UsageError, match="Parquet output needs a file"):
        write_rows(rows, format="parquet", out="-")
    assert not (tmp_path / "-").exists()


def test_sql_answers_are_written_as_they_are_read_in_every_format(db, tmp_path):
    from newswire.corpus.query import STREAM_BATCH, sql_stream

    n = 2 * STREAM_BATCH + 7  # across batch boundaries
    statement = f"SELECT i, 'row ' || i AS label, DATE '2013-09-13' + CAST(i % 3 AS INTEGER) AS day FROM range({n}) t(i)"
    for name in ("rows.csv", "rows.jsonl", "rows.parquet"):
        with sql_stream(db, statement) as rows:
            assert rows.columns == ["i", "label", "day"]
            write_rows(rows, out=tmp_path / name)
    lines = (tmp_path / "rows.csv").read_text().splitlines()
    assert len(lines) == n + 1 and lines[-1] == f"{n - 1},row {n - 1},2013-09-1{3 + (n - 1) % 3}"
    assert json.loads((tmp_path / "rows.jsonl").read_text().splitlines()[STREAM_BATCH]) == {
        "i": STREAM_BATCH, "label": f"row {STREAM_BATCH}", "day": f"2013-09-1{3 + STREAM_BATCH % 3}"}
    table = pq.read_table(tmp_path / "rows.parquet")  # typed as the database types them
    assert table.num_rows == n and str(table.schema.field("i").type) == "int64" and str(table.schema.field("day").type) == "date32[day]"
    with sql_stream(db, "SELECT 1 AS a, 'x' AS b WHERE false") as rows:  # no rows: the columns still
        write_rows(rows, out=tmp_path / "empty.parquet")
    assert pq.read_table(tmp_path / "empty.parquet").column_names == ["a", "b"]


def test_a_sql_answer_costs_one_batch_of_memory_not_the_whole_answer(db, tmp_path):
    import tracemalloc

    from newswire.corpus.query import sql_stream

    statement = "SELECT i, 'row ' || i AS label FROM range(300000) t(i)"  # held whole: tens of megabytes
    tracemalloc.start()
    try:
        with sql_stream(db, statement) as rows:
            write_rows(rows, format="csv", out=tmp_path / "big.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12_000_000, peak
    assert sum(1 for _ in open(tmp_path / "big.csv")) == 300_001


def test_a_sql_error_half_way_through_the_answer_leaves_no_file(db, tmp_path, monkeypatch, capsys):
    from newswire.corpus.query import STREAM_BATCH, sql_stream

    # the cast fails only at a row past the first batches, after some were written
    statement = f"SELECT CAST(CASE WHEN i < {3 * STREAM_BATCH} THEN '1' ELSE 'x' END AS INTEGER) AS n FROM range({5 * STREAM_BATCH}) t(i)"
    for name in ("n.csv", "n.parquet"):
        with pytest.raises(QueryError, match="Conversion Error"):
            with sql_stream(db, statement) as rows:
                write_rows(rows, out=tmp_path / name)
    assert list(tmp_path.iterdir()) == []  # neither the file nor its partial copy
    monkeypatch.chdir(tmp_path)
    assert "Conversion Error" in cli_error(monkeypatch, capsys, "sql", statement, "--db", str(db), "--out", "n.csv")
    assert list(tmp_path.iterdir()) == []


def test_every_place_that_states_the_event_floor_states_query_event_floor():
    # the web page, the CLI's help and the GDELT docs repeat the number; a change of the floor must reach them all
    import re
    from pathlib import Path

    root = Path(query.__file__).resolve().parents[2]
    floor = str(query.EVENT_FLOOR)
    js = (root / "newswire" / "present" / "web" / "app.js").read_text(encoding="utf-8")
    assert re.findall(r"const EVENT_FLOOR = ([\d.]+);", js) == [floor]
    stated = re.findall(r"\(default ([\d.]+); 0: all\)", js) + re.findall(r"confidence ≥ ([\d.]+)\)", js)
    cli = (root / "newswire" / "cli.py").read_text(encoding="utf-8")
    stated += re.findall(r"\(default ([\d.]+), as query events", cli)
    stated += re.findall(r"at least ([\d.]+) \(below it most records are wrong", (root / "docs" / "gdelt.md").read_text(encoding="utf-8"))
    for doc in (root / "README.md", root / "docs" / "serve.md"):
        text = doc.read_text(encoding="utf-8")
        stated += re.findall(r"\(default ([\d.]+); 0: all\)", text) + re.findall(r"at confidence ([\d.]+) or above", text)
        stated += re.findall(r"`min-confidence` \(0-1, default ([\d.]+);", text)
    assert len(stated) >= 10 and set(stated) == {floor}


def test_every_place_that_states_the_quote_floor_states_query_quote_floor():
    import re
    from pathlib import Path

    root = Path(query.__file__).resolve().parents[2]
    floor = str(query.QUOTE_FLOOR)
    js = (root / "newswire" / "present" / "web" / "app.js").read_text(encoding="utf-8")
    assert re.findall(r"const QUOTE_FLOOR = ([\d.]+);", js) == [floor]
    tab = next(line for line in js.splitlines() if line.strip().startswith("quotes:"))
    stated = re.findall(r"\(default ([\d.]+); 0: all\)", tab)
    for doc in (root / "README.md", root / "docs" / "serve.md"):
        stated += re.findall(r"quotes? at confidence ([\d.]+) or above", doc.read_text(encoding="utf-8"))
    assert len(stated) >= 3 and set(stated) == {floor}


def test_an_events_side_is_its_words_and_counts_are_singular_when_one(tmp_path):
    # "It" resolved to Russia: `query events` shows the side's words, "It" (naming it "Russia" by joining the entities
    # table cost 0.04 -> 0.8 s a page on a synthetic store of 200,000 articles: not done), the code RUS beside it
    t = "Russia closed the border on Monday. It also warned the neighbouring states.\n"
    analysis = Analysis(
        id=content_id(t), text=t, title="Border", published="2019-04-01",
        entities=[Entity("E1", "Russia", "GPE", [], "RUS", "RUS", [Mention(*at(t, "Russia")), Mention(*at(t, "It"))])],
        events=[Event("V1", "130", "13", "THREATEN", 3, -4.4, Span(*at(t, "warned")), Span(*at(t, "It also warned the neighbouring states.")),
                      source=EventActor(*at(t, "It"), entity="E1", actor="RUS"), target=EventActor(*at(t, "the neighbouring states")),
                      confidence=0.8)],
    )
    path = tmp_path / "corpus.duckdb"
    with Store(path) as s:
        s.add_entries([entry(analysis)], [], run_id=1)
        s.add_results([analysis], [], run_id=1)
    with Store(path, read_only=True) as s:
        assert [(r["source"], r["source_actor"], r["target"]) for r in query.events(s).dicts()] == [("It", "RUS", "the neighbouring states")]
        assert [(r["source"], r["target"]) for r in query.entity(s, name="Russia")["events"]["rows"]] == [("It", "the neighbouring states")]
        (head,) = [r["text"] for r in query.corpus_entity(s, name="Russia").dicts() if r["kind"] == "entity"]
        assert head == "GPE RUS RUS: 1 article, 2 mentions, 2019-04-01 to 2019-04-01"
