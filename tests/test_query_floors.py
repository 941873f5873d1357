"""The floors of the questions, where a list of quotes or events is not `query quotes`' or `query events`' own: the
entity question and page list what those list by default (asserted events, both at the floor) and say what they leave
out; a floor above QUOTE_FLOOR says when it left out quotes stored without a confidence; a floor that is no tenth
(0.35) answers from the tables what a floor of tenths answers from the kept counts."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from newswire.cli import app
from newswire.corpus import query
from newswire.corpus.store import PENDING, Entry, Store
from newswire.present.serve import create_app
from newswire.records import Analysis, Article, Entity, Event, EventActor, Mention, Quote, Span, content_id

from test_tally import quoting

LOCAL = "http://127.0.0.1:8000"
# (sentence, trigger, modality, confidence): what the invented minister did, each its own article
DEEDS = [
    ("Minister Ada Vance attacked the rebels on Monday.", "attacked", "asserted", 0.8),
    ("Minister Ada Vance did not attack the rebels on Tuesday.", "attack", "negated", 0.7),
    ("Minister Ada Vance plans to attack the rebels on Friday.", "attack", "intended", 0.6),
    ("Minister Ada Vance attacked the rebels again, one report said.", "attacked", "asserted", 0.1),
]


def at(text: str, sub: str) -> tuple[int, int, str]:
    i = text.index(sub)
    return i, i + len(sub), sub


def deed(n: int, sentence: str, trigger: str, modality: str, confidence: float) -> Analysis:
    text = f'{sentence} "We will not stop," Ada Vance said. Report {n}.\n'
    words = "We will not stop,"
    return Analysis(
        id=content_id(text), text=text, title=f"Report {n}", published=f"2025-03-0{n + 1}",
        entities=[Entity("E1", "Ada Vance", "PERSON", ["Minister"], "KEN", "KENGOV", [Mention(*at(text, "Ada Vance"))]),
                  Entity("E2", "rebels", "ORG", [], "KEN", "KENREB", [Mention(*at(text, "rebels"))])],
        quotes=[Quote("Q1", "direct", Span(*at(text, words)), speaker=Span(*at(text, "Ada Vance said")[:2], "Ada Vance said"),
                      speaker_entity="E1", speaker_name="Ada Vance", confidence=(0.9, 0.2, None, 0.5)[n])],
        events=[Event("EV1", "190", "19", "ASSAULT", 4, -10.0, Span(*at(text, trigger)), Span(*at(text, sentence)),
                      source=EventActor(*at(text, "Ada Vance"), entity="E1", actor="KENGOV"),
                      target=EventActor(*at(text, "rebels"), entity="E2", actor="KENREB"), modality=modality, confidence=confidence)],
    )


def add(store: Store, *analyses: Analysis) -> None:
    entries = [Entry(Article(text=a.text, title=a.title, published=a.published, source=f"{a.title}.txt"), a.id, len(a.text), PENDING, a.id, None)
               for a in analyses]
    store.add_entries(entries, [], run_id=1)
    store.add_results(list(analyses), [], run_id=1)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("floors") / "corpus.duckdb"
    with Store(path) as store:
        add(store, *(deed(n, *d) for n, d in enumerate(DEEDS)))
    return path


@pytest.fixture
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def kinds(rows: list[dict], *wanted: str) -> list[str]:
    return [r["text"] for r in rows if r["kind"] in wanted]


def test_the_entity_question_lists_the_quotes_and_events_the_quotes_and_events_questions_list(store):
    rows = query.corpus_entity(store, name="Ada Vance").dicts()
    # asserted, at the floor: not the negated, the intended or the one under the floor; quotes at the floor, the one
    # without a confidence as at it
    assert kinds(rows, "did") == ["Ada Vance attacked rebels [190]"]
    assert [r["title"] for r in rows if r["kind"] == "said"] == ["Report 0", "Report 2", "Report 3"]
    events = query.events(store, actor="KENGOV").dicts()
    assert [r["article_id"] for r in rows if r["kind"] == "did"] == [r["article_id"] for r in events]
    said = query.quotes(store, speaker="Ada Vance").dicts()
    assert [r["article_id"] for r in rows if r["kind"] == "said"] == [r["article_id"] for r in said]
    assert query.corpus_entity_left_out(store, name="Ada Vance") == {"quotes": 1, "events": 3}
    # every one when asked, each event not asserted saying so
    every = query.corpus_entity(store, name="Ada Vance", modality="any", min_confidence=0).dicts()
    assert kinds(every, "did") == ["Ada Vance attacked rebels [190]", "Ada Vance attack rebels [190, negated]",
                                   "Ada Vance attack rebels [190, intended]", "Ada Vance attacked rebels [190]"]
    assert len(kinds(every, "said")) == 4
    assert query.corpus_entity_left_out(store, name="Ada Vance", modality="any", min_confidence=0) == {"quotes": 0, "events": 0}
    negated = query.corpus_entity(store, name="Ada Vance", modality="negated", min_confidence=0.5).dicts()
    assert kinds(negated, "did") == ["Ada Vance attack rebels [190, negated]"] and len(kinds(negated, "said")) == 2
    # the rebels' side: the events they are the target of, by the same rule
    assert kinds(query.corpus_entity(store, name="rebels").dicts(), "target of") == ["Ada Vance attacked rebels [190]"]
    with pytest.raises(query.UsageError, match="unknown modality"):
        query.corpus_entity(store, name="Ada Vance", modality="rumoured")


def test_the_cli_entity_question_says_which_records_it_lists_and_how_many_it_left_out(db):
    runner = CliRunner()
    result = runner.invoke(app, ["query", "entity", "Ada Vance", "--db", str(db), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert sum(json.loads(line)["kind"] == "did" for line in result.stdout.splitlines()) == 1
    note = " ".join(result.stderr.split())
    assert ("Note: these rows list quotes and asserted events at confidence 0.3 or above (as `query quotes` and `query events` "
            "do by default); 1 quote and 3 events of this name left out; --modality any --min-confidence 0 lists every one.") == note
    every = runner.invoke(app, ["query", "entity", "Ada Vance", "--db", str(db), "-f", "jsonl", "--modality", "any", "--min-confidence", "0"])
    assert every.exit_code == 0 and every.stderr == ""
    assert sum(json.loads(line)["kind"] == "did" for line in every.stdout.splitlines()) == 4


def test_the_entity_endpoint_and_page_count_the_events_the_events_tab_shows(db, store):
    client = TestClient(create_app(str(db)), base_url=LOCAL)
    served = client.get("/api/corpus_entity", params={"name": "Ada Vance"}).json()
    assert served["params"]["modality"] == "asserted" and served["params"]["min-confidence"] == query.EVENT_FLOOR
    assert [r["text"] for r in served["rows"] if r["kind"] == "did"] == ["Ada Vance attacked rebels [190]"]
    every = client.get("/api/corpus_entity", params={"name": "Ada Vance", "modality": "any", "min-confidence": "0"}).json()
    assert sum(r["kind"] == "did" for r in every["rows"]) == 4
    page = client.get("/api/entity", params={"name": "Ada Vance"}).json()
    assert [r["trigger"] for r in page["events"]["rows"]] == ["attacked"]
    assert (page["events"]["total"], page["events"]["all"]) == (1, 4)
    assert sum(w["events"] for w in page["per_week"]) == 1
    # its timeline: every one, an event not asserted saying so (by the kept counts and by the tables alike)
    timeline = kinds(query.timeline(store, entity="Ada Vance").dicts(), "did")
    assert store.tallies_current() and query._page_by_article(store, "timeline", {"entity": "Ada Vance"}, 50, 0, None) is not None
    assert timeline == kinds(query.page(store, "timeline", limit=50, entity="Ada Vance").rows.dicts(), "did")
    assert timeline == ["Ada Vance attacked rebels [190]", "Ada Vance attack rebels [190, negated]",
                        "Ada Vance attack rebels [190, intended]", "Ada Vance attacked rebels [190]"]
    assert len(timeline) == page["events"]["all"]


@pytest.fixture
def unrated(tmp_path):
    """A store of the version before quote confidence (the column NULL), beside quotes that have one."""
    path = tmp_path / "unrated.duckdb"
    said = [quoting("Ann Lee", "Lee", f"words {n}", "Ann Lee") for n in range(4)]
    for analysis, confidence in zip(said, (None, None, 0.4, 0.8)):
        analysis.quotes[0].confidence = confidence
    with Store(path) as store:
        add(store, *said)
    return path


def test_a_floor_above_the_quotes_floor_says_it_left_out_quotes_without_a_confidence(unrated):
    with Store(unrated, read_only=True) as store:
        assert [r["confidence"] for r in query.quotes(store, min_confidence=0.5).dicts()] == [0.8]
        assert query.unrated_left_out(store, min_confidence=0.5) == 2
        assert query.unrated_left_out(store, min_confidence=0.5, speaker="Lee", limit=1) == 2
        assert query.unrated_left_out(store, min_confidence=0.5, search="words 1") == 1
        assert query.unrated_left_out(store, min_confidence=0.5, speaker="Bo Chen") == 0
        for floor in (None, 0, 0.2, query.QUOTE_FLOOR):  # kept at the floor or under it: none left out
            assert query.unrated_left_out(store, min_confidence=floor) == 0
    runner = CliRunner()
    result = runner.invoke(app, ["query", "quotes", "--db", str(unrated), "-f", "jsonl", "--min-confidence", "0.5"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
    assert ("Note: 2 quotes stored without a confidence (by a version of newswire before quote confidence) left out: such a "
            "quote counts as at confidence 0.3, under --min-confidence 0.5; --min-confidence 0.3 shows them.") in " ".join(result.stderr.split())
    # at the floor they are listed (the floor's own note counts what is under it); above it, none without one: no note
    at_floor = runner.invoke(app, ["query", "quotes", "--db", str(unrated), "-f", "jsonl"])
    assert len(at_floor.stdout.splitlines()) == 4 and "without a confidence" not in at_floor.stderr
    above = runner.invoke(app, ["query", "quotes", "--db", str(unrated), "-f", "jsonl", "--min-confidence", "0.5", "--speaker", "Bo Chen"])
    assert above.exit_code == 0 and "without a confidence" not in above.stderr


def test_a_floor_of_no_tenth_answers_as_the_rows_at_it_and_a_floor_of_tenths_from_the_counts(tmp_path):
    # quotes around the floors, and one without a confidence (as at QUOTE_FLOOR): each floor's answer, from the kept
    # counts (a floor of tenths) or from the tables (0.35, 0.45), is the rows of every quote at it, in order, at every
    # page and sort
    path = tmp_path / "tenths.duckdb"
    confidences = (None, 0.1, 0.3, 0.34, 0.35, 0.36, 0.4, 0.45, 0.9)
    said = [quoting("Ann Lee", "Lee", f"words {n}", "Ann Lee") for n in range(len(confidences))]
    for n, (analysis, confidence) in enumerate(zip(said, confidences)):
        analysis.quotes[0].confidence = confidence
        analysis.published = f"2024-05-{n + 1:02d}"
    with Store(path) as store:
        add(store, *said)
    with Store(path, read_only=True) as store:
        assert store.tallies_current()
        every = query.page(store, "quotes", limit=50, speaker="Lee", min_confidence=0).rows.dicts()
        assert [r["confidence"] for r in every] == list(confidences)
        for floor in (0.3, 0.35, 0.4, 0.45, 0.5):
            kept = [r for r in every if (r["confidence"] if r["confidence"] is not None else query.QUOTE_FLOOR) >= floor]
            fast = query._page_by_article(store, "quotes", {"speaker": "Lee", "min_confidence": floor}, 50, 0, None)
            assert (fast is None) == (floor in (0.35, 0.45)), floor  # the counts answer floors of tenths only
            for sort in (None, "-published"):
                wanted = kept if sort is None else kept[::-1]
                for offset, limit in ((0, 50), (1, 2), (3, 5)):
                    answer = query.page(store, "quotes", limit=limit, offset=offset, sort=sort, speaker="Lee", min_confidence=floor)
                    assert answer.total == len(kept), (floor, sort)
                    assert answer.rows.dicts() == wanted[offset : offset + limit], (floor, sort, offset)
            assert query.quotes(store, speaker="Lee", min_confidence=floor, limit=3).dicts() == kept[:3]
            assert query.quotes(store, speaker="Lee", min_confidence=floor).dicts() == kept  # the tables' own SQL
