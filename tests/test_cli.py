"""The command line: exit codes, output formats, and one-line errors for bad input."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import CliResult, newswire_cli, watchdog

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
STORY = (
    "Finance ministers from the three provinces agreed on Tuesday to share the cost of rebuilding "
    "the bridges, officials said. The governor said he expected work to start in the spring.\n"
)


def run(*args: str, stdin: bytes | None = None) -> CliResult:
    """`newswire ARGS`, in this process (`cli.main`: its exit status and error lines)."""
    return newswire_cli(*args, stdin=stdin)


def error_line(result: CliResult) -> str:
    """The error output must be exactly one line starting with 'Error:' and no traceback."""
    err = result.stderr
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_analyze_json_for_a_file_with_published_date():
    result = run("analyze", str(SAMPLES / "harbour-ceasefire.txt"), "--published", "2024-03-05", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "newswire/analysis@1"
    assert data["published"] == "2024-03-05"
    assert any(r["reason"] == "boilerplate" for r in data["removed"])
    assert any(r["reason"] == "repeated" for r in data["removed"])


def test_json_is_the_default_when_not_a_terminal_and_stdin_works():
    result = run("analyze", "-", stdin=STORY.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == STORY


def test_html_and_json_inputs_take_their_metadata():
    result = run("analyze", str(SAMPLES / "port-strike.html"), str(SAMPLES / "summit-statement.json"), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    html, js = (json.loads(line) for line in result.stdout.splitlines())
    assert html["published"] == "2023-03-08"
    assert "Rotterdam" in html["title"]
    assert "Sign up for our newsletter" not in html["text"]
    assert js["published"] == "2023-05-02"
    assert js["url"] == "https://example.org/sample/au-sudan"


def test_text_report_names_the_entities():
    result = run("analyze", str(SAMPLES / "summit-statement.json"), "--format", "text")
    assert result.returncode == 0
    out = result.stdout
    assert "Entities" in out and "William Ruto" in out


def test_text_report_shows_events_and_figures(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Iran threatened to impose sanctions on Israel. The fighting has killed more than 200 people.\n")
    result = run("analyze", str(story), "--published", "2020-01-02", "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Events" in out and "THREATEN 1312" in out and "Israel (ISR)" in out
    assert "Figures" in out and "more than 200 people killed" in out


def test_gdelt_format_writes_61_tab_separated_columns_per_event():
    result = run("analyze", str(SAMPLES / "port-strike.html"), str(SAMPLES / "summit-statement.json"), "-f", "gdelt")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    assert {r[1][:6] for r in rows} == {"202303", "202305"}  # SQLDATE: the events' dates, in each article's month


def test_text_report_says_who_said_what():
    result = run("analyze", str(SAMPLES / "harbour-ceasefire.txt"), "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Who said what" in out and "Antonio Guterres" in out


def test_quotes_only_prints_just_who_said_what():
    result = run("analyze", str(SAMPLES / "harbour-ceasefire.txt"), "--quotes-only", "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Who said what" in out and "Antonio Guterres" in out and "direct" in out
    assert "Entities" not in out


def test_text_report_leaves_out_quotes_under_the_floor_and_json_keeps_them(tmp_path):
    # an unresolved pronoun's quote scores under the floor; a named company's statement above it
    story = tmp_path / "floor.txt"
    story.write_text("The company said in a statement that it would appeal. It was not clear, she added, what came next.\n", encoding="utf-8")
    records = json.loads(run("analyze", str(story), "--published", "2020-01-02", "--format", "json").stdout)["quotes"]
    low = [q for q in records if q["confidence"] < 0.3]
    assert low and len(low) < len(records)
    for extra in ((), ("--quotes-only",)):
        result = run("analyze", str(story), "--published", "2020-01-02", "--format", "text", *extra)
        assert result.returncode == 0, result.stderr
        out = " ".join(result.stdout.split())
        assert "that it would appeal" in out and "what came next" not in out
        assert f"Note: {len(low)} quote{'s' if len(low) != 1 else ''} under confidence 0.3 left out" in out
        # the note is a line of its own, not a caption wrapped to the table's width
        assert any(line.startswith(f"Note: {len(low)} quote") and line.rstrip().endswith("keeps every record")
                   for line in result.stdout.splitlines())
        # --min-confidence 0 shows every quote, and no note; a floor over the kept quote leaves it out too
        every = run("analyze", str(story), "--published", "2020-01-02", "--format", "text", "--min-confidence", "0", *extra)
        out = " ".join(every.stdout.split())
        assert every.returncode == 0 and "that it would appeal" in out and "what came next" in out and "left out" not in out
        high = max(q["confidence"] for q in records)
        above = run("analyze", str(story), "--published", "2020-01-02", "--format", "text", "--min-confidence", str(min(1, high + 0.01)), *extra)
        assert "that it would appeal" not in " ".join(above.stdout.split())
        assert f"Note: {len(records)} quotes under confidence" in " ".join(above.stdout.split())
        # a floor of one's own is not the default's: the note does not say most records under it are wrong
        assert "the floor asked for" in " ".join(above.stdout.split()) and "most records" not in above.stdout
        assert "most records there are wrong" in " ".join(result.stdout.split())  # the default floor's note says why


def test_quotes_only_as_json_lines_one_quote_a_line():
    path = SAMPLES / "harbour-ceasefire.txt"
    result = run("analyze", str(path), "--quotes-only", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    full = json.loads(run("analyze", str(path), "--format", "json").stdout)
    assert [r["id"] for r in rows] == [q["id"] for q in full["quotes"]]
    assert {r["article"] for r in rows} == {full["id"]}
    text = full["text"]
    for row in rows:
        assert text[row["content"]["start"] : row["content"]["end"]] == row["content"]["text"]
    assert any(r["speaker_name"] == "Antonio Guterres" and r["type"] == "direct" for r in rows)


def test_text_report_has_a_when_section():
    result = run("analyze", str(SAMPLES / "summit-statement.json"), "--format", "text")
    out = result.stdout
    when = out[out.index("When") :]
    # "African Union leaders on Monday called ...", published on Tuesday 2023-05-02
    assert re.search(r"T1\s.*Monday\s.*DATE\s.*2023-05-01\s.*published 2023-05-02", when)


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "no text"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("broken.txt", "Café talks resumed.".encode() + b"\xc3\x28 more text here", "UTF-8"),
        ("page.html", b"<html><body><div", "HTML"),
        ("story.json", b'{"text": "unterminated', "JSON"),
        ("nostory.json", b'{"title": "no text field"}', "text"),
    ],
)
def test_bad_input_gives_one_error_line_and_exit_1(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("analyze", str(path))
    assert result.returncode == 1
    assert words.lower() in error_line(result).lower()


def test_huge_input_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(STORY.encode() * (50 * 1024 * 1024 // len(STORY)))
    result = run("analyze", str(path))
    assert result.returncode == 1
    assert "--max-chars" in error_line(result)


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_max_chars_above_what_the_parser_takes_is_one_usage_error(tmp_path, command):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    db = tmp_path / "corpus.duckdb"
    extra = ["--db", str(db)] if command == "ingest" else []
    result = run(command, str(path), str(path), "--max-chars", "3000000", *extra)
    assert result.returncode == 1
    assert error_line(result) == (
        "Error: --max-chars (max_chars) must be from 1 to 2,000,000 characters, the longest text the parser takes, not 3,000,000"
    )
    assert not db.exists()


def test_non_english_is_refused_with_a_hint_or_analysed_with_a_warning(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le ministre des Affaires étrangères a déclaré vendredi que les négociations avec les deux délégations "
        "reprendraient la semaine prochaine à Genève, selon un communiqué publié par le gouvernement.",
        encoding="utf-8",
    )
    refused = run("analyze", str(path))
    assert refused.returncode == 1
    assert "English" in error_line(refused)
    allowed = run("analyze", str(path), "--any-language")
    assert allowed.returncode == 0
    assert "Warning:" in allowed.stderr


def test_bad_published_date_and_missing_file():
    result = run("analyze", str(SAMPLES / "harbour-ceasefire.txt"), "--published", "13/09/2013")
    assert result.returncode == 1
    assert "YYYY-MM-DD" in error_line(result)
    missing = run("analyze", "no-such-file.txt")
    assert missing.returncode == 1
    error_line(missing)


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("analyze", str(bad), str(SAMPLES / "harbour-ceasefire.txt"), "-f", "jsonl")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt" in error_line(result)


def test_a_lone_surrogate_costs_its_own_file_only(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    in_text = tmp_path / "text.json"
    in_text.write_text('{"text": "Finance ministers agreed \\ud83d on Tuesday to share the cost, officials said."}')
    in_title = tmp_path / "title.json"
    in_title.write_text(json.dumps({"text": STORY, "title": "Bridges"}).replace("Bridges", "Bridges \\ud83d"))
    result = run("analyze", str(good), str(in_text), str(in_title))
    assert result.returncode == 1
    assert [a["text"] for a in json.loads(result.stdout)] == [STORY]
    err = result.stderr
    assert "Traceback" not in err
    assert err.splitlines() == [
        f'Error: {in_text}: the JSON "text" field holds a lone UTF-16 surrogate (\\ud83d at character 25), '
        "half of a character without its pair; fix the document at its source (a pair such as \\ud83d\\ude00 is one character)",
        f'Error: {in_title}: the JSON "title" field holds a lone UTF-16 surrogate (\\ud83d at character 8), '
        "half of a character without its pair; fix the document at its source (a pair such as \\ud83d\\ude00 is one character)",
    ]


@pytest.mark.parametrize("format, breaks", [("text", "render"), ("json", "to_dict"), ("jsonl", "to_json"), ("gdelt", "gdelt_tsv")])
def test_a_document_whose_output_fails_costs_only_its_own_output(tmp_path, monkeypatch, nlp, format, breaks):
    from typer.testing import CliRunner

    import newswire.cli as cli
    from newswire.records import Analysis

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Iran threatened to impose sanctions on Israel, officials said on Tuesday.\n")
    second.write_text("Russia threatened to impose sanctions on Poland, officials said on Tuesday.\n")
    alone = CliRunner().invoke(cli.app, ["analyze", str(second), "-f", format])
    assert alone.exit_code == 0 and alone.stdout.strip()
    owner = Analysis if breaks in ("to_dict", "to_json") else cli
    real = getattr(owner, breaks)

    def breaks_on_the_first(analysis, *args, **kwargs):
        if "Iran" in analysis.text:
            raise RuntimeError("a bug in the output")
        return real(analysis, *args, **kwargs)

    monkeypatch.setattr(owner, breaks, breaks_on_the_first)
    result = CliRunner().invoke(cli.app, ["analyze", str(first), str(second), "-f", format])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {first}: internal error: RuntimeError: a bug in the output (set NEWSWIRE_DEBUG=1 for the traceback and please report it)"
    ]
    if format == "json":  # two files: a list of their analyses
        assert json.loads(result.stdout) == [json.loads(alone.stdout)]
    else:
        assert result.stdout == alone.stdout


def test_quotes_only_refuses_the_gdelt_format():
    result = run("analyze", str(SAMPLES / "harbour-ceasefire.txt"), "--quotes-only", "--format", "gdelt")
    assert result.returncode == 1
    assert "--quotes-only" in error_line(result)


def test_brackets_in_text_print_as_written_never_as_markup(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        'Senator Anna Berg said "[the bill] is a disaster [/b] for farmers" on Tuesday. '
        "Officials said the vote would take place next week in the capital.\n"
    )
    result = run("analyze", str(story), "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[the bill]" in out and "[/b]" in out


def test_gdelt_rows_survive_a_decade_or_century_as_the_only_date(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("In the 19th century Russia invaded Georgia, and in the 1990s Russian troops attacked Chechnya.\n")
    result = run("analyze", str(story), "--published", "2013-09-13", "--format", "gdelt")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(r[1] == "20130913" for r in rows)  # the publication day: a decade dates nothing


def test_help_shows_flags_as_flags_and_square_brackets_as_written():
    from typer.testing import CliRunner

    from newswire.cli import app

    result = CliRunner().invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"}, terminal_width=200)
    assert result.exit_code == 0
    assert "pip install 'newswire[ray]'" in result.output
    quiet = next(line for line in result.output.splitlines() if "--quiet" in line)
    assert "<bool>" not in quiet and "BOOLEAN" not in quiet


def test_a_fifo_or_a_device_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    for path, what in ((fifo, "a named pipe (FIFO)"), ("/dev/zero", "a character device")):
        with watchdog(60):  # the old reader waited for a writer for ever
            result = run("analyze", str(path))
        assert result.returncode == 1
        assert error_line(result) == (
            f"Error: {path}: cannot read the file (it is {what}, not a regular file); "
            "pass the path of a text, HTML or JSON file, or - for standard input"
        )


def test_ingest_records_a_fifo_as_an_error_and_goes_on(tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY)
    os.mkfifo(folder / "pipe.txt")
    named = tmp_path / "named.jsonl"
    os.mkfifo(named)
    db = tmp_path / "corpus.duckdb"
    with watchdog(120):
        result = run("ingest", str(folder), str(named), "--db", str(db), "--workers", "0", "--any-language")
    assert result.returncode == 1
    err = result.stderr
    assert f"Error: {folder / 'pipe.txt'}: cannot read the file (it is a named pipe (FIFO)" in err
    assert f"Error: {named}: cannot read the file (it is a named pipe (FIFO)" in err
    assert "1 new article (0 duplicates)" in err and "2 failed" in err
    said = re.search(r"\(run 1\): 3 documents, .* in (\d+\.\d) s \(wall time, start-up included\)$", err, re.M)
    assert said, err
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        (run_seconds,) = con.execute("SELECT seconds FROM runs").fetchone()
    # the command's time holds the run's (the trial's summary said 0.3 s of a 3.5 s command: the run's alone)
    assert float(said.group(1)) >= run_seconds


def test_ingest_says_how_many_json_dates_it_ignored_and_stores_them_undated(tmp_path):
    # a JSON line's "published" that is no date: `analyze` warns; ingest stored it undated and said nothing
    lines = tmp_path / "feed.jsonl"
    lines.write_text(
        json.dumps({"text": STORY, "published": "31/02/2019"}) + "\n"
        + json.dumps({"text": "The harbour board voted on Friday to close the old pier, its chairman said.", "published": "2019-03-01"}) + "\n"
    )
    db = tmp_path / "corpus.duckdb"
    with watchdog(120):
        result = run("ingest", str(lines), "--db", str(db), "--workers", "0")
    assert result.returncode == 0, result.stderr
    assert "2 documents, 2 new articles" in result.stderr
    warning = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert warning == [
        'Warning: 1 document with a JSON "published" value that is not a date (stored undated; each article keeps the '
        f"warning in articles.warnings), the first: {lines}:1: ignored the JSON \"published\" value '31/02/2019': not "
        "YYYY-MM-DD, an ISO 8601 datetime or an RSS (RFC 2822) date"
    ]
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT published, len(warnings) FROM articles ORDER BY source").fetchall()
    assert rows == [(None, 1), ("2019-03-01", 0)]


def test_a_mistyped_command_gets_a_sentence_after_clicks_question():
    result = run("analyse")
    assert result.returncode == 2
    line = error_line(result)  # the program's name is the test runner's here
    assert line.startswith("Error: No such command 'analyse'. Did you mean 'analyze'? See '") and line.endswith(" --help'"), line


def test_a_warning_is_one_line_however_long_when_stderr_is_not_a_terminal(tmp_path):
    folder = tmp_path / "a-folder-name-long-enough-to-take-the-warning-past-eighty-columns"
    folder.mkdir()
    path = folder / "story.txt"
    path.write_bytes(STORY.replace("the bridges", "the caf\xe9 bridges").encode("cp1252"))
    result = run("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"Warning: {path}: decoded as cp1252 (not valid UTF-8); pass --encoding to choose"
    ]  # rich wrapped it at 80 columns: one warning, two lines in a log


@pytest.mark.parametrize(
    "args, says",
    [
        (["query", "quotes", "--limit", "abc"], "'abc' is not a valid integer"),
        (["analyze", "--nope"], "No such option: --nope"),
        (["nosuch"], "No such command 'nosuch'"),
        (["query", "entity"], "Missing argument 'NAME'"),
    ],
)
def test_a_command_line_typo_is_one_error_line_naming_the_help(args, says):
    # typer's own usage errors were a framed box of several lines on standard error
    result = run(*args)
    assert result.returncode == 2
    line = error_line(result)
    assert says in line and line.endswith(" --help'")


def test_a_command_given_nothing_shows_its_help():
    result = run("query")
    assert result.returncode == 2
    assert "Usage:" in result.stderr + result.stdout and "quotes" in result.stdout + result.stderr


def test_the_text_report_shows_a_title_as_written(tmp_path):
    # a title is data: not markup, not an emoji code, and no escape sequence reaches the terminal
    title = "[bold]Red[/bold] :thumbs_up: \x1b]0;owned\x07\x1b[2J"
    doc = tmp_path / "story.json"
    doc.write_text(json.dumps({"title": title, "text": STORY}))
    result = run("analyze", str(doc), "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "[bold]Red[/bold] :thumbs_up: \\x1b]0;owned" in out and "\\x1b[2J" in out  # (rich itself drops the bell)


def test_the_installed_command_keeps_the_contract_in_its_own_process(tmp_path):
    # the tests above run cli.main in this process; this one runs the interpreter: exit status, streams, no traceback
    import subprocess
    import sys

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    run_ = lambda *args, stdin=None: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "newswire", *args], input=stdin, capture_output=True, cwd=REPO, timeout=300
    )
    good = run_("analyze", "-", "--format", "jsonl", stdin=STORY.encode())
    assert good.returncode == 0, good.stderr.decode()
    assert json.loads(good.stdout)["text"] == STORY
    bad = run_("analyze", str(empty))
    assert bad.returncode == 1 and bad.stdout == b""
    assert "empty" in error_line(CliResult(bad.returncode, "", bad.stderr.decode()))


def test_an_internal_error_is_one_line_and_its_own_exit_status(monkeypatch, capsys):
    # status 2 is click's for a command line that does not parse; a bug must not look like a typo
    import newswire.cli as cli

    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("NEWSWIRE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 3
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: internal error: RuntimeError: a bug")


def test_gdelt_rows_are_the_events_query_events_shows_unless_asked(tmp_path):
    # GDELT rows carry no modality: "plans to impose sanctions" written as a row would be read as sanctions imposed
    story = tmp_path / "story.txt"
    story.write_text("Russia attacked Ukraine on Monday. Turkey plans to impose sanctions on Russia.\n")
    records = json.loads(run("analyze", str(story), "-p", "2014-03-03", "-f", "json").stdout)["events"]
    assert sorted(e["modality"] for e in records) == ["asserted", "intended"]
    codes = {e["cameo"] for e in records if e["modality"] == "asserted" and e["confidence"] >= 0.2}
    result = run("analyze", str(story), "-p", "2014-03-03", "-f", "gdelt")
    assert result.returncode == 0, result.stderr
    assert {line.split("\t")[26] for line in result.stdout.splitlines()} == codes  # EventCode
    every = run("analyze", str(story), "-p", "2014-03-03", "-f", "gdelt", "--modality", "any", "--min-confidence", "0")
    assert len(every.stdout.splitlines()) == len(records) == 2
    refused = run("analyze", str(story), "--modality", "any", "-f", "json")
    assert refused.returncode != 0 and error_line(refused).startswith("Error: --modality chooses the events of --format gdelt")
    refused = run("analyze", str(story), "--min-confidence", "0", "-f", "jsonl")
    assert refused.returncode != 0 and error_line(refused).startswith("Error: --min-confidence chooses")


def test_an_empty_publication_date_is_an_error_not_no_date(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Russia attacked Ukraine on Monday.\n")
    result = run("analyze", str(story), "-p", "")
    assert result.returncode == 1 and error_line(result).startswith("Error: --published is empty")
