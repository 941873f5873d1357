"""What a new user's corpus trial found wrong: re-runs and their old errors, a lowered --max-chars on a stored
corpus, and the figures question's filters checked as the events question's are."""

from __future__ import annotations

import gzip
import json
import os

import duckdb
import pytest
from conftest import STORIES, html_page, newswire_cli, warc_record


def _errors(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT document, reason, run_id FROM errors ORDER BY document, run_id").fetchall()
    finally:
        con.close()


def test_a_rerun_whose_only_failures_were_recorded_before_exits_0(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORIES["budget"])
    (folder / "empty.txt").write_text("")
    db = tmp_path / "corpus.duckdb"
    first = newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0")
    assert first.returncode == 1 and f"Error: {folder}/empty.txt" in first.stderr
    again = newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0")
    assert again.returncode == 0, again.stderr
    assert "Error:" not in again.stderr and "1 of the failed documents failed as in an earlier run" in again.stderr
    assert _errors(db) == [(f"{folder}/empty.txt", "empty", 1)]
    (folder / "broken.json").write_text("{not json")  # a new failure next to the old one: status 1, only it shown
    third = newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0")
    assert third.returncode == 1 and f"Error: {folder}/broken.json" in third.stderr and "empty.txt" not in third.stderr.split("Note:")[0]


def test_a_lower_max_chars_records_no_error_for_articles_stored_before(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "floods.txt").write_text(STORIES["floods"])
    record = warc_record("https://example.org/budget", html_page("Kenya passes budget", STORIES["budget"]))
    (folder / "site.warc.gz").write_bytes(gzip.compress(record))
    db = tmp_path / "corpus.duckdb"
    assert newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0").returncode == 0
    small = newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0", "--max-chars", "5")
    assert small.returncode == 0, small.stderr
    assert "2 already stored, 0 failed" in small.stderr and _errors(db) == []
    (folder / "new.txt").write_text(STORIES["talks"])  # not stored: too large for the limit, and said so
    new = newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0", "--max-chars", "5")
    assert new.returncode == 1 and _errors(db) == [(f"{folder}/new.txt", "too-large", 3)]


def test_a_rewritten_file_with_its_old_time_is_not_taken_as_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    story = folder / "floods.txt"
    story.write_text(STORIES["floods"])
    db = tmp_path / "corpus.duckdb"
    assert newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0").returncode == 0
    story.write_text(STORIES["talks"])  # a new text, its file given back an old time: "already stored" only by content
    os.utime(story, (946684800, 946684800))
    (folder / "same_text.txt").write_text(STORIES["floods"])  # the stored text under another name: already stored
    small = newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0", "--max-chars", "5")
    assert small.returncode == 1 and "1 already stored, 1 failed" in small.stderr, small.stderr
    assert _errors(db) == [(f"{folder}/floods.txt", "too-large", 2)]


def test_a_cut_warc_member_is_too_large_not_malformed(tmp_path):
    record = warc_record("https://example.org/budget", html_page("Kenya passes budget", STORIES["budget"]))
    (tmp_path / "site.warc.gz").write_bytes(gzip.compress(record))
    db = tmp_path / "corpus.duckdb"
    result = newswire_cli("ingest", str(tmp_path / "site.warc.gz"), "--db", str(db), "--workers", "0", "--max-chars", "5")
    assert result.returncode == 1 and _errors(db) == [(f"{tmp_path}/site.warc.gz@0", "too-large", 1)]


@pytest.mark.parametrize("option, value, named", [("--what", "eaten", "killed"), ("--country", "Narnia", "KEN")])
def test_figures_filters_that_match_nothing_that_could_exist_are_errors(tmp_path, option, value, named):
    db = tmp_path / "corpus.duckdb"
    (tmp_path / "story.txt").write_text(STORIES["floods"])
    newswire_cli("ingest", str(tmp_path / "story.txt"), "--db", str(db), "--workers", "0")
    for conflicts in ((), ("--conflicts",)):
        result = newswire_cli("query", "figures", option, value, *conflicts, "--db", str(db))
        assert result.returncode == 1 and result.stderr.startswith(f"Error: ") and value in result.stderr and named in result.stderr
    ok = newswire_cli("query", "figures", option, {"--what": "Killed", "--country": "kenyan"}[option], "--db", str(db))
    assert ok.returncode == 0, ok.stderr


def test_a_country_is_named_by_its_name_across_articles():
    """The corpus entity of a country itself (key "#GEO") whose articles' entities are named "Georgia" in some and,
    where only the adjective is written, "Georgian" in others: the longer was shown."""
    from newswire.corpus.link import CorpusEntity, Member

    def member(n, name):
        return Member(f"a{n}", "E1", "#GEO", name, "GPE", "GEO", "GEO", frozenset({name}), 1, None)

    country = CorpusEntity("C1", "#GEO", "Georgia", "GPE", "GEO", "GEO")
    country.add([member(1, "Georgia"), member(2, "Georgian")])
    assert country.row()["name"] == "Georgia" and country.row()["aliases"] == ["Georgia", "Georgian"]
    other = CorpusEntity("C2", "interior ministry", "Interior Ministry", "ORG", None, None)  # not a country: as before
    assert other.row()["name"] == "Interior Ministry"


def test_an_article_alone_left_of_a_title_is_no_entity():
    from newswire.pipeline import analyze

    text = "Officers said the Inspector General of Police had ordered an inquiry into the raid."
    names = [e.name.lower() for e in analyze(text, stages=["entities"]).entities]
    assert "the" not in names


def _link_rows(db) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "articles": con.execute("SELECT id, duplicate_of, published, url, filled FROM articles ORDER BY id").fetchall(),
            "quote_keys": con.execute("SELECT article_id, ord, corpus_quote, published, source FROM quote_keys ORDER BY ALL").fetchall(),
            "event_keys": con.execute("SELECT article_id, ord, corpus_event, published, source FROM event_keys ORDER BY ALL").fetchall(),
            "corpus_quotes": con.execute("SELECT id, sources, num_sources FROM corpus_quotes ORDER BY id").fetchall(),
        }


def test_a_store_filled_run_by_run_links_as_one_ingested_at_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_story.txt").write_text(STORIES["budget"])  # the canonical: no date, no url
    copy = {"text": STORIES["budget"] + "Reporting by the Test Wire desk.\n", "published": "2026-03-04",
            "url": "https://www.outlet.example.com/budget"}
    (folder / "b_copy.jsonl").write_text(json.dumps(copy) + "\n")
    once, by_run = tmp_path / "once.duckdb", tmp_path / "by_run.duckdb"
    assert newswire_cli("ingest", str(folder), "--db", str(once), "--workers", "0").returncode == 0
    for name in ("a_story.txt", "b_copy.jsonl"):
        assert newswire_cli("ingest", str(folder / name), "--db", str(by_run), "--workers", "0").returncode == 0
    a, b = _link_rows(once), _link_rows(by_run)
    assert a == b
    assert [row[3:] for row in a["articles"] if row[1] is None] == [("https://www.outlet.example.com/budget", "published,url")]
    # the canonical's own records are linked under its own (unknown) outlet, not under the copy's host
    assert a["quote_keys"] and all(outlet != "outlet.example.com" for *_, outlet in a["quote_keys"] + a["event_keys"])


def test_an_event_an_undated_canonical_dates_by_weekday_gets_no_day_from_its_copies(tmp_path):
    text = ("Officials arrested over relief funds\n\n"
            "Kenyan police arrested two county officials in Nairobi on Monday, accusing them of diverting relief funds.\n"
            "The officials denied the charges, their lawyers said.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_story.txt").write_text(text)  # no date: "on Monday" stays a weekday of no known week
    copy = {"text": text + "Reporting by the Test Wire desk.\n", "published": "2026-03-04", "url": "https://example.org/a"}
    (folder / "b_copy.jsonl").write_text(json.dumps(copy) + "\n")
    db = tmp_path / "corpus.duckdb"
    assert newswire_cli("ingest", str(folder), "--db", str(db), "--workers", "0").returncode == 0

    def events(*dates):
        result = newswire_cli("query", "events", "--min-confidence", "0", *dates, "--db", str(db))
        return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]

    def arrests(*dates):
        return [e["date"] for e in events(*dates) if e["source_actor"] == "KENCOP" and e["cameo"] == "173"]

    assert arrests() == ["XXXX-WXX-1"]
    # the copy's publication day is no day for it (Monday was not that day): left out of date ranges
    assert arrests("--from", "2026-03-04", "--to", "2026-03-04") == []
    assert arrests("--from", "2026-01-01", "--to", "2026-12-31") == []
    # the GDELT export uses the copy's date and URL as the questions do, and gives that event no day either
    from newswire.gdelt import GDELT_COLUMNS, MENTION_COLUMNS

    assert newswire_cli("export", str(tmp_path / "out"), "--format", "gdelt", "--min-confidence", "0", "--db", str(db)).returncode == 0
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in (tmp_path / "out" / "events.export.tsv").read_text().splitlines()]
    mentions = [dict(zip(MENTION_COLUMNS, line.split("\t"))) for line in (tmp_path / "out" / "events.mentions.tsv").read_text().splitlines()]
    assert rows and all(r["DATEADDED"] == "20260304000000" and r["SOURCEURL"] == "https://example.org/a" for r in rows)
    assert [r["SQLDATE"] for r in rows if r["EventCode"] == "173"] == [""]
    assert all(m["MentionIdentifier"] == "https://example.org/a" for m in mentions)
