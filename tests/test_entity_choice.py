"""A name that is several entities across articles ("Clinton": Hillary Clinton, Bill Clinton, Clinton Hill): the
timeline and the entity page of one corpus entity hold only its own linked mentions, a name lists who it may be
(API and CLI), and asking by plain name keeps the old answer (every entity of the name, mixed)."""

from __future__ import annotations

import pytest
from clintons import build
from test_browser import store_analyses
from starlette.testclient import TestClient
from typer.testing import CliRunner

from newswire.cli import app
from newswire.corpus import query
from newswire.corpus.store import Store
from newswire.present.serve import create_app

LOCAL = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("clintons") / "corpus.duckdb"
    build(path)
    return path


@pytest.fixture
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def ids(store) -> dict[str, str]:
    return dict(store.con.execute("SELECT name, id FROM corpus_entities").fetchall())


def test_a_name_lists_the_corpus_entities_it_may_be_most_articles_first(store):
    choices = query.corpus_entities_named(store, name="clinton")
    assert [(c["name"], c["type"], c["country"], c["articles"], c["exact"]) for c in choices] == [
        ("Hillary Clinton", "PERSON", "USA", 3, False), ("Bill Clinton", "PERSON", "USA", 2, False), ("Clinton Hill", "LOC", "USA", 1, False)]
    assert [c["titles"] for c in choices] == [["Secretary of State"], ["former President"], []]
    assert [c["exact"] for c in query.corpus_entities_named(store, name=" hillary  CLINTON ")] == [True]
    assert query.corpus_entities_named(store, name="Clint") == []  # whole words only


def test_the_timeline_of_one_corpus_entity_holds_only_its_own_mentions(store):
    every = query.timeline(store, entity="Clinton").dicts()
    assert {r["title"] for r in every} == {"Clinton lands in Geneva", "Clinton to visit Cairo", "Former president opens a library",
                                           "Fire in Brooklyn", "The Clintons at a gala", "A speech"}  # the old answer: all mixed
    bill = query.timeline(store, id=ids(store)["Bill Clinton"]).dicts()
    assert [(r["kind"], r["text"]) for r in bill] == [("mentioned", "Bill Clinton"), ("said", "Libraries keep a country honest."),
                                                      ("mentioned", "Bill Clinton")]
    hillary = query.timeline(store, id=ids(store)["Hillary Clinton"]).dicts()
    said = [r["text"] for r in hillary if r["kind"] == "said"]
    # not Bill's quote, not the unresolved "Clinton" of the speech (linked to no one)
    assert said == ["The talks were useful.", "We will go to Cairo next week.", "It was a lovely evening."]
    assert query.timeline(store, id="C" + "0" * 15).rows == []
    with pytest.raises(query.UsageError, match="not a corpus entity's id"):
        query.timeline(store, id="Bill Clinton")
    with pytest.raises(query.UsageError, match="give an entity name"):
        query.timeline(store)


def test_the_entity_page_of_one_corpus_entity_is_read_by_key(store):
    page = query.entity(store, id=ids(store)["Hillary Clinton"])
    assert page["id"] == ids(store)["Hillary Clinton"] and page["name"] == "Hillary Clinton"
    assert [q["quote"] for q in page["quotes"]["rows"]] == ["It was a lovely evening.", "We will go to Cairo next week.", "The talks were useful."]
    assert page["quotes"]["total"] == 3
    assert page["mentioned_as"] == [{"text": "Hillary Clinton", "mentions": 3}, {"text": "Clinton", "mentions": 1}]
    assert [c["name"] for c in page["co_occurring"]] == ["Bill Clinton"]
    assert [(c["name"], c["titles"]) for c in page["corpus"]] == [("Hillary Clinton", ["Secretary of State"])]
    assert len(page["corpus"][0]["article_rows"]) == 3
    by_name = query.entity(store, name="Clinton")  # by plain name: every Clinton, the unresolved one too
    assert by_name["quotes"]["total"] == 5 and "id" not in by_name and len(by_name["corpus"]) == 3
    with pytest.raises(query.UsageError, match="no corpus entity"):
        query.entity(store, id="C" + "0" * 15)


def test_the_api_offers_the_choice_and_answers_by_id(db, store):
    client = TestClient(create_app(str(db)), base_url=LOCAL, raise_server_exceptions=False)
    choices = client.get("/api/corpus_entities?name=Clinton").json()["choices"]
    assert [c["name"] for c in choices] == ["Hillary Clinton", "Bill Clinton", "Clinton Hill"]
    bill = ids(store)["Bill Clinton"]
    timeline = client.get(f"/api/timeline?id={bill}").json()
    assert timeline["total"] == 3 and timeline["params"] == {"id": bill}
    assert client.get(f"/api/entity?id={bill}").json()["quotes"]["total"] == 1
    assert client.get("/api/entity?name=Clinton").json()["quotes"]["total"] == 5
    assert client.get(f"/api/export/timeline?id={bill}&format=jsonl").text.count("\n") == 3
    for url, says in [("/api/timeline?id=nope", "not a corpus entity's id"), ("/api/entity?id=C000000000000000", "no corpus entity"),
                      ("/api/corpus_entities", "give name"), ("/api/timeline", "give an entity name")]:
        reply = client.get(url)
        assert reply.status_code == 400 and says in reply.json()["error"], url


def test_the_cli_timeline_lists_the_entities_a_name_mixes_and_takes_an_id(db, store):
    runner = CliRunner()
    mixed = runner.invoke(app, ["query", "timeline", "--entity", "Clinton", "--db", str(db), "-f", "jsonl"])
    assert mixed.exit_code == 0 and mixed.stdout.count("\n") == 11  # the old answer, on standard output
    assert "'Clinton' names 3 entities across articles" in mixed.stderr
    bill = ids(store)["Bill Clinton"]
    assert f"--id {bill}  Bill Clinton (PERSON, USA, USAELI, former President; 2 articles)" in mixed.stderr
    one = runner.invoke(app, ["query", "timeline", "--id", bill, "--db", str(db), "-f", "jsonl"])
    assert one.exit_code == 0 and one.stdout.count("\n") == 3 and one.stderr == ""
    exact = runner.invoke(app, ["query", "timeline", "--entity", "Bill Clinton", "--db", str(db), "-f", "jsonl"])
    assert exact.exit_code == 0 and exact.stderr == ""  # a name that is one corpus entity's own: nothing to say


def test_a_name_is_the_own_of_the_corpus_entity_it_would_be_linked_to(tmp_path, monkeypatch):
    # Hillary's longest name is "Hillary Rodham Clinton"; one article's Chelsea Clinton was also written "Hillary Clinton"
    import clintons

    monkeypatch.setitem(clintons.PEOPLE, "hrc", ("Hillary Rodham Clinton", "PERSON", [], "USA", "USAGOV"))
    monkeypatch.setitem(clintons.PEOPLE, "chelsea", ("Chelsea Clinton", "PERSON", [], "USA", None))
    path = tmp_path / "corpus.duckdb"
    store_analyses(path, [
        clintons.analysis("Senator", "2008-01-02", [("hrc", "Hillary Rodham Clinton"), " spoke.\n"]),
        clintons.analysis("Candidate", "2016-01-02", [("hillary", "Hillary Clinton"), " spoke.\n"]),
        clintons.analysis("Daughter", "2016-01-03", [("chelsea", "Chelsea Clinton"), " and ", ("chelsea", "Hillary Clinton"), " (sic).\n"]),
    ])
    with Store(path, read_only=True) as s:
        choices = query.corpus_entities_named(s, name="hillary clinton")
    # its own by key (first and last name), not by spelling; Chelsea's only by what one article wrote
    assert [(c["name"], c["articles"], c["exact"]) for c in choices] == [("Hillary Rodham Clinton", 2, True), ("Chelsea Clinton", 1, False)]


def test_the_cli_entity_question_notes_every_entity_a_name_is(db, store):
    # its rows list the corpus entities one after the other, so a page can show only the first one: the note says
    # how many there are and gives each one's id
    runner = CliRunner()
    mixed = runner.invoke(app, ["query", "entity", "Clinton", "--db", str(db), "-f", "jsonl", "--limit", "2"])
    assert mixed.exit_code == 0 and mixed.stdout.count("\n") == 2
    assert "'Clinton' names 3 entities across articles" in mixed.stderr
    assert f"--id {ids(store)['Bill Clinton']}  Bill Clinton (" in mixed.stderr
    one = runner.invoke(app, ["query", "entity", "Bill Clinton", "--db", str(db), "-f", "jsonl"])
    assert one.exit_code == 0 and one.stderr == ""  # one entity: nothing to say


def test_the_page_of_one_corpus_entity_counts_its_quotes_at_the_floor_and_at_any_confidence(db, tmp_path):
    # its list and `total` are those at the floor (as the Quotes tab), `all` those its timeline lists (every one); a
    # quote stored without a confidence counts as at the floor
    import shutil

    path = tmp_path / "floored.duckdb"
    shutil.copy(db, path)
    with Store(path) as s:
        s.con.execute("UPDATE quotes SET confidence = ? WHERE content_text = 'The talks were useful.'", [query.QUOTE_FLOOR / 3])
        s.con.execute("UPDATE quotes SET confidence = NULL WHERE content_text = 'We will go to Cairo next week.'")
        s.con.execute("UPDATE quotes SET confidence = 0.9 WHERE content_text = 'It was a lovely evening.'")
    with Store(path, read_only=True) as s:
        hillary = ids(s)["Hillary Clinton"]
        page = query.entity(s, id=hillary)
        assert [q["quote"] for q in page["quotes"]["rows"]] == ["It was a lovely evening.", "We will go to Cairo next week."]
        assert (page["quotes"]["total"], page["quotes"]["all"]) == (2, 3)
        assert sum(w["quotes"] for w in page["per_week"]) == 2
        assert len([r for r in query.timeline(s, id=hillary).dicts() if r["kind"] == "said"]) == page["quotes"]["all"]
