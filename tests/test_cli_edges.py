"""Rough edges a user meets at the command line: dates in ISO 8601's basic form, empty answers, files
that hold many articles given to `analyze` (session thirteen, reliability)."""

from __future__ import annotations

import gzip
import json

import duckdb
import pytest

from newswire.corpus.ingest import ingest

from conftest import STORIES, html_page, newswire_cli, warc_record


def error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def test_published_in_iso_basic_form_dates_the_article(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORIES["budget"], encoding="utf-8")
    result = newswire_cli("analyze", str(story), "-p", "20250305", "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["published"] == "2025-03-05"
    assert any(t["text"] == "Thursday" and t["value"] == "2025-02-27" for t in data["times"])


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_a_date_of_no_iso_form_is_one_error_line_naming_the_option(tmp_path, command):
    story = tmp_path / "story.txt"
    story.write_text(STORIES["budget"], encoding="utf-8")
    option = "--published" if command == "analyze" else "--default-published"
    extra = ["--db", str(tmp_path / "c.duckdb")] if command == "ingest" else []
    result = newswire_cli(command, str(story), option, "2025-3-5", *extra)
    assert result.returncode == 1
    assert error_line(result).startswith(f"Error: {option} '2025-3-5' is not a date; use YYYY-MM-DD or YYYYMMDD")
    assert not (tmp_path / "c.duckdb").exists()


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("edges")
    (folder / "floods.txt").write_text(STORIES["floods"], encoding="utf-8")
    db = folder / "corpus.duckdb"
    ingest([str(folder / "floods.txt")], db=db, workers=0)
    return db


NOTE = "Note: no rows: nothing in the store answers this question with these options."


@pytest.mark.parametrize("question", [["figures", "--conflicts"], ["stories"], ["quotes", "--speaker", "Nobody Atall"]])
def test_an_empty_answer_says_so_where_its_format_cannot(store, question):
    lines = newswire_cli("query", *question, "--db", str(store), "-f", "jsonl")
    assert (lines.returncode, lines.stdout, lines.stderr.strip()) == (0, "", NOTE)
    csv = newswire_cli("query", *question, "--db", str(store), "-f", "csv")
    assert csv.returncode == 0 and len(csv.stdout.splitlines()) == 1 and csv.stderr.strip() == NOTE
    table = newswire_cli("query", *question, "--db", str(store), "-f", "table")
    assert table.returncode == 0 and "(no rows)" in table.stdout and table.stderr == ""


def test_an_answer_with_rows_has_no_note(store):
    result = newswire_cli("query", "entities", "--db", str(store), "-f", "jsonl")
    assert result.returncode == 0 and result.stdout and "Note" not in result.stderr


@pytest.mark.parametrize("compressed", [False, True])
def test_a_warc_given_to_analyze_is_refused_naming_ingest(tmp_path, compressed):
    data = b"".join(warc_record(f"https://example.org/{i}", html_page(f"Story {i} title here", STORIES[name])) for i, name in enumerate(["floods", "budget"]))
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(gzip.compress(data) if compressed else data)
    result = newswire_cli("analyze", str(path), "-f", "json")
    assert result.returncode == 1 and result.stdout == ""
    assert "is a WARC file" in error_line(result) and "newswire ingest" in error_line(result)


def test_json_lines_given_to_analyze_are_refused_naming_ingest(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"text": STORIES[n]}) + "\n" for n in ("floods", "budget")), encoding="utf-8")
    result = newswire_cli("analyze", str(path), "-f", "json")
    assert result.returncode == 1 and result.stdout == ""
    line = error_line(result)
    assert "one object a line" in line and "newswire ingest" in line
    # a JSON object followed by anything else on its own line is still plain invalid JSON
    path.write_text(json.dumps({"text": STORIES["floods"]}) + "\nand more\n", encoding="utf-8")
    assert "invalid JSON: Extra data" in error_line(newswire_cli("analyze", str(path), "-f", "json"))


def test_default_published_in_iso_basic_form_dates_undated_documents(tmp_path, nlp):
    story = tmp_path / "story.txt"
    story.write_text(STORIES["budget"], encoding="utf-8")
    db = tmp_path / "c.duckdb"
    result = newswire_cli("ingest", str(story), "--db", str(db), "--default-published", "20250305", "-w", "0", "-q")
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT CAST(published AS VARCHAR) FROM articles").fetchall() == [("2025-03-05",)]
