"""Ingest: every format into the store, duplicates linked, failures recorded, re-runs and kills."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import FOOTER_STORIES, STORIES, SYNDICATED_FLOODS, CliResult, html_page, newswire_cli, warc_record

from newswire.corpus import query
from newswire.corpus.ingest import ingest
from newswire.pipeline import analyze_article
from newswire.text.read import read_path
from newswire.records import content_id
from newswire.corpus.store import RECORD_TABLES, Store

REPO = Path(__file__).resolve().parents[1]
LOGO = warc_record("https://example.org/logo.png", "PNG", content_type="image/png")  # not an article


def write_corpus(folder: Path) -> Path:
    """One article in each format, a syndicated copy in a WARC, and a JSON line that is not JSON."""
    (folder / "web").mkdir(parents=True)
    (folder / "floods.txt").write_text(STORIES["floods"])
    (folder / "web" / "budget.html").write_text(html_page("Kenya passes budget", STORIES["budget"]))
    lines = [
        json.dumps({"text": STORIES["election"], "title": "Chile votes", "published": "2023-12-17", "id": "cl-1"}),
        "{this line is not JSON",
        json.dumps({"text": STORIES["talks"], "url": "https://example.org/talks"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    records = [LOGO, warc_record("https://example.org/floods-copy", html_page("Thousands flee floods", SYNDICATED_FLOODS))]
    (folder / "syndicated.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in records))
    (folder / "notes.md").write_text("not an article: skipped in a folder")
    return folder


def table(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every record table's rows, sorted, and the articles' ids and states: what a run leaves."""
    tables = {t.name: sorted(table(db, f"SELECT * FROM {t.name}"), key=repr) for t in RECORD_TABLES}
    tables["articles"] = table(db, "SELECT id, status, duplicate_of, cluster, similarity, cleaned_length FROM articles ORDER BY id")
    return tables


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    """The corpus ingested once in this process; tests copy the database."""
    folder = write_corpus(tmp_path_factory.mktemp("corpus"))
    db = folder.parent / "corpus.duckdb"
    summary = ingest([str(folder)], db=db, workers=0)
    return folder, db, summary


def copy_db(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / db.name
    shutil.copy(db, target)
    return target


def test_every_format_is_stored(corpus):
    folder, db, summary = corpus
    assert (summary.documents, summary.added, summary.analysed, summary.duplicates, summary.failed) == (6, 5, 4, 1, 1)
    rows = table(db, "SELECT source, format, title, published, external_id, status FROM articles ORDER BY source")
    member = len(gzip.compress(LOGO))  # the copy's record is in the second gzip member
    assert rows == [
        (f"{folder}/feed.jsonl:1", "json", "Chile votes", "2023-12-17", "cl-1", "analysed"),
        # a text or line with no title: its first line is a headline, and is the title (newswire/text/headline.py)
        (f"{folder}/feed.jsonl:3", "json", "Sudan's warring sides agree to new talks in Jeddah", None, None, "analysed"),
        (f"{folder}/floods.txt", "text", "Floods force thousands from homes in northern Italy", None, None, "analysed"),
        (f"{folder}/syndicated.warc.gz@{member}", "warc", "Thousands flee floods", None, None, "duplicate"),
        (f"{folder}/web/budget.html", "html", "Kenya passes budget", None, None, "analysed"),
    ]


def test_a_bad_line_is_an_error_row_and_the_rest_is_ingested(corpus):
    folder, db, summary = corpus
    assert table(db, "SELECT document, stage, reason, run_id FROM errors") == [(f"{folder}/feed.jsonl:2", "read", "malformed", 1)]
    assert summary.first_failures[0].message.startswith("invalid JSON")
    assert table(db, "SELECT status, documents, added, analysed, duplicates, skipped, failed FROM runs") == [("finished", 6, 5, 4, 1, 0, 1)]


def test_the_syndicated_copy_is_linked_and_not_analysed(corpus):
    _, db, _ = corpus
    floods = content_id(STORIES["floods"])
    ((copy_id, duplicate_of, cluster, similarity),) = table(db, "SELECT id, duplicate_of, cluster, similarity FROM articles WHERE status = 'duplicate'")
    assert (duplicate_of, cluster) == (floods, floods)
    assert 0.25 <= similarity < 1.0
    assert table(db, f"SELECT count(*) FROM entities WHERE article_id = '{copy_id}'") == [(0,)]
    assert table(db, f"SELECT cluster FROM articles WHERE id = '{floods}'") == [(floods,)]


def test_stored_analyses_are_what_newswire_analyze_gives(corpus):
    folder, db, _ = corpus
    expected = analyze_article(read_path(folder / "floods.txt"))
    with Store(db, read_only=True) as store:
        assert store.load_analysis(expected.id).to_dict() == expected.to_dict()


def test_every_offset_points_into_the_stored_text(corpus):
    _, db, _ = corpus
    checked = 0
    for t in RECORD_TABLES:
        names = [c.name for c in t.columns]
        for prefix in {n[: -len("start")] for n in names if n.endswith("start") and n[: -len("start")] + "text" in names}:
            bad = table(
                db,
                f'SELECT count(*), count(*) FILTER (WHERE substr(a.text, r."{prefix}start" + 1, r."{prefix}end" - r."{prefix}start") <> r."{prefix}text") '
                f'FROM {t.name} r JOIN articles a ON a.id = r.article_id WHERE r."{prefix}start" IS NOT NULL',
            )
            checked += bad[0][0]
            assert bad[0][1] == 0, f"{t.name}.{prefix}"
    assert checked >= 30  # mentions, in all


def test_a_rerun_adds_nothing_and_redoes_nothing(corpus, tmp_path):
    folder, db, _ = corpus
    db = copy_db(db, tmp_path)
    before = snapshot(db)
    errors = table(db, "SELECT * FROM errors")
    again = ingest([str(folder)], db=db, workers=0)
    assert (again.added, again.analysed, again.duplicates, again.skipped, again.failed) == (0, 0, 0, 5, 1)
    assert snapshot(db) == before
    assert table(db, "SELECT * FROM errors") == errors
    assert table(db, "SELECT id, status FROM runs ORDER BY id") == [(1, "finished"), (2, "finished")]


def test_keep_duplicates_analyses_the_copy_and_keeps_the_link(corpus, tmp_path):
    folder, db, _ = corpus
    db = copy_db(db, tmp_path)
    again = ingest([str(folder / "syndicated.warc.gz")], db=db, workers=0, keep_duplicates=True)
    assert again.analysed == 1
    ((status, duplicate_of, entities),) = table(
        db, "SELECT status, duplicate_of, (SELECT count(*) FROM entities e WHERE e.article_id = a.id) FROM articles a WHERE duplicate_of IS NOT NULL"
    )
    assert (status, duplicate_of) == ("analysed", content_id(STORIES["floods"]))
    assert entities > 0


def test_a_later_run_links_copies_to_articles_stored_before(corpus, tmp_path):
    _, db, _ = corpus
    db = copy_db(db, tmp_path)
    copy = tmp_path / "copy.txt"
    copy.write_text(SYNDICATED_FLOODS.replace("Maria Rossi", "Marco Bianchi"))
    progress = []
    again = ingest([str(copy)], db=db, workers=0, on_progress=lambda s: progress.append((s.done, s.expected)))
    assert (again.added, again.duplicates, again.analysed) == (1, 1, 0)
    assert progress[-1] == (1, 1)  # what a progress bar shows: documents done of expected
    assert table(db, f"SELECT duplicate_of FROM articles WHERE source = '{copy}'") == [(content_id(STORIES["floods"]),)]


def _ingest_a_copy_of_floods(db, tmp_path):
    """Ingest a syndicated copy of the floods story into `db`; checks the one message of a duplicate index built again."""
    copy = tmp_path / "copy.txt"
    copy.write_text(SYNDICATED_FLOODS.replace("Maria Rossi", "Marco Bianchi"))
    messages = []
    again = ingest([str(copy)], db=db, workers=0, on_message=messages.append)
    assert messages == [f"building the duplicate index of the 5 articles in {db} (once: it was made by an older version)"]
    return copy, messages, again


def test_a_store_made_before_the_duplicate_index_gets_it_built_once_with_a_message(corpus, tmp_path):
    _, db, _ = corpus
    db = copy_db(db, tmp_path)
    con = duckdb.connect(str(db))  # what a store made by the version before looks like
    con.execute("DROP TABLE bands")
    con.execute("ALTER TABLE signatures DROP COLUMN ends")
    con.execute("DELETE FROM meta WHERE key = 'bands'")
    con.close()
    copy, messages, again = _ingest_a_copy_of_floods(db, tmp_path)
    assert (again.added, again.duplicates) == (1, 1)
    assert table(db, f"SELECT duplicate_of FROM articles WHERE source = '{copy}'") == [(content_id(STORIES["floods"]),)]
    ingest([str(copy)], db=db, workers=0, on_message=messages.append)
    assert len(messages) == 1  # once
    (bands,) = table(db, "SELECT value FROM meta WHERE key = 'bands'")
    assert bands[0].endswith("rows of 6 signatures")


def test_a_store_with_its_band_rows_in_one_indexed_table_gets_them_laid_out_again_once(corpus, tmp_path):
    _, db, _ = corpus
    db = copy_db(db, tmp_path)
    con = duckdb.connect(str(db))  # as versions before `bands_undated` laid them out: every row in `bands`, indexed on key
    con.execute("INSERT INTO bands SELECT * FROM bands_undated")
    con.execute("DROP TABLE bands_undated")
    con.execute("CREATE INDEX bands_key ON bands (key)")
    con.execute("UPDATE meta SET value = replace(value, '; dated rows in bands, undated in bands_undated', '') WHERE key = 'bands'")
    (rows,) = con.execute("SELECT count(*) FROM bands").fetchone()
    con.close()
    copy, messages, again = _ingest_a_copy_of_floods(db, tmp_path)
    assert again.duplicates == 1
    assert table(db, f"SELECT duplicate_of FROM articles WHERE source = '{copy}'") == [(content_id(STORIES["floods"]),)]
    assert table(db, "SELECT count(*) FROM bands WHERE day IS NULL") == [(0,)]
    assert table(db, "SELECT (SELECT count(*) FROM bands) + (SELECT count(*) FROM bands_undated)") == [(rows + 1,)]  # the copy's exact key
    assert table(db, "SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'bands_key'") == [(0,)]


def test_duplicates_are_looked_up_in_the_store_within_the_date_window(tmp_path, nlp):
    def feed(name, items):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"text": text, "published": day}) + "\n" for text, day in items))
        return str(path)

    db = tmp_path / "corpus.duckdb"
    ingest([feed("first", [(STORIES["floods"], "2024-05-01"), (FOOTER_STORIES["bridge"], "2024-05-01")])], db=db, workers=0)
    later = [
        (SYNDICATED_FLOODS, "2024-05-06"),  # within a week: a copy
        (SYNDICATED_FLOODS.replace("national civil", "regional civil"), "2024-06-01"),  # a month later: not looked for
        (FOOTER_STORIES["library"], "2024-05-02"),  # another story, the same footer: not a copy
        (FOOTER_STORIES["bridge"].replace("Drivers will be sent", "Drivers will be diverted"), "2024-05-02"),  # a copy, footer and all
    ]
    summary = ingest([feed("later", later)], db=db, workers=0)
    linked = dict(table(db, "SELECT source, duplicate_of FROM articles"))
    later_path = tmp_path / "later.jsonl"
    floods, bridge = content_id(STORIES["floods"]), content_id(FOOTER_STORIES["bridge"])
    assert [linked[f"{later_path}:{n}"] for n in (1, 2, 3, 4)] == [floods, None, None, bridge]
    assert (summary.added, summary.duplicates) == (4, 2)


def test_two_workers_store_the_same_as_one_process(corpus, tmp_path):
    folder, db, _ = corpus
    two = tmp_path / "two.duckdb"
    summary = ingest([str(folder)], db=two, workers=2)
    assert summary.peak_worker_rss_mb > 100
    assert snapshot(two) == snapshot(db)


def test_a_run_stopped_by_an_error_is_marked_failed_and_keeps_what_it_stored(tmp_path, monkeypatch):
    import newswire.corpus.ingest as ingest_module

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORIES["budget"])
    (folder / "b.txt").write_text(STORIES["floods"])
    db = tmp_path / "corpus.duckdb"
    ingest([str(folder / "a.txt")], db=db, workers=0)
    real = ingest_module.read_documents

    def breaks_on_b(path, **kwargs):
        if path.name == "b.txt":
            raise RuntimeError("disk went away")
        return real(path, **kwargs)

    monkeypatch.setattr(ingest_module, "read_documents", breaks_on_b)
    with pytest.raises(RuntimeError):
        ingest([str(folder)], db=db, workers=0)
    assert table(db, "SELECT id, status FROM runs ORDER BY id") == [(1, "finished"), (2, "failed")]
    assert table(db, "SELECT count(*) FROM articles") == [(1,)]


def test_a_runner_that_cannot_start_leaves_no_run_row(tmp_path, monkeypatch):
    import newswire.corpus.ingest as ingest_module
    from newswire.errors import UsageError

    def no_runner(*args):
        raise UsageError("the Ray runner needs the ray extra")

    monkeypatch.setattr(ingest_module, "_runner", no_runner)
    story = tmp_path / "story.txt"
    story.write_text(STORIES["budget"])
    db = tmp_path / "corpus.duckdb"
    with pytest.raises(UsageError):
        ingest([str(story)], db=db, workers=0)
    assert table(db, "SELECT count(*) FROM runs") == [(0,)]


def test_default_published_dates_the_documents_that_carry_no_date(tmp_path):
    (tmp_path / "plain.txt").write_text(STORIES["budget"])
    (tmp_path / "dated.jsonl").write_text(json.dumps({"text": STORIES["floods"], "published": "2024-05-02"}) + "\n")
    db = tmp_path / "corpus.duckdb"
    ingest([str(tmp_path)], db=db, workers=0, default_published="2024-05-06")
    assert sorted(table(db, "SELECT published::VARCHAR FROM articles")) == [("2024-05-02",), ("2024-05-06",)]
    thursday = table(db, "SELECT t.value FROM times t JOIN articles a ON t.article_id = a.id WHERE t.text = 'Thursday'")
    assert thursday == [("2024-05-02",)]  # resolved against the default date, not left as XXXX-WXX-4


# one document never stops a run


def test_a_document_the_store_cannot_hold_fails_alone_not_its_batch(tmp_path, monkeypatch):
    """Articles no reader should give (a lone surrogate in a field) and a failure named so: each costs its own errors row."""
    import newswire.corpus.ingest as ingest_module
    from newswire.records import Article, Failure

    half = "\ud83d"
    documents = [
        Article(text=STORIES["budget"], source="good-1"),
        Article(text=STORIES["talks"][:-1] + half, source="bad-text"),
        Article(text=STORIES["election"], title="Chile " + half, source="bad-title"),
        Article(text=STORIES["election"] + " More.", url="https://example.org/" + half, source="bad-url"),
        Article(text=STORIES["floods"] + " More.", source="bad-source-" + half),
        Failure(document="unreadable-" + half, stage="read", reason="encoding", message="could not decode"),
        Article(text=STORIES["floods"], source="good-2"),
    ]
    monkeypatch.setattr(ingest_module, "read_documents", lambda path, **kwargs: iter(documents))
    (tmp_path / "in.txt").write_text("read_documents is replaced")
    db = tmp_path / "corpus.duckdb"
    summary = ingest([str(tmp_path / "in.txt")], db=db, workers=0)
    assert (summary.documents, summary.analysed, summary.failed) == (7, 2, 5)
    assert table(db, "SELECT source, status FROM articles ORDER BY source") == [("good-1", "analysed"), ("good-2", "analysed")]
    errors = table(db, "SELECT document, stage, reason, message FROM errors ORDER BY document")
    assert [row[:3] for row in errors] == [
        ("bad-source-\\ud83d", "store", "encoding"),
        ("bad-text", "store", "encoding"),
        ("bad-title", "store", "encoding"),
        ("bad-url", "store", "encoding"),
        ("unreadable-\\ud83d", "read", "encoding"),
    ]
    assert errors[2][3].startswith("its title cannot be stored (") and errors[2][3].endswith("; fix the document at its source")
    assert table(db, "SELECT status FROM runs") == [("finished",)]
    again = ingest([str(tmp_path / "in.txt")], db=db, workers=0)  # idempotent: the same errors, nothing added
    assert (again.added, again.skipped, again.failed) == (0, 2, 5)
    assert table(db, "SELECT document, stage, reason, message FROM errors ORDER BY document") == errors


def ingest_three_stories(folder: Path) -> Path:
    """Budget, floods and talks, each its own file, ingested in one batch: the floods story is the one that fails."""
    for name in ("budget", "floods", "talks"):
        (folder / f"{name}.txt").write_text(STORIES[name])
    db = folder / "corpus.duckdb"
    summary = ingest([str(folder)], db=db, workers=0)
    assert (summary.analysed, summary.failed) == (2, 1)
    return db


def test_a_document_whose_signature_fails_costs_its_own_error_row(tmp_path, monkeypatch):
    from newswire.corpus import dedup

    real = dedup.signature

    def breaks_on_floods(cleaned, **kwargs):
        if "flood" in cleaned:
            raise RuntimeError("a bug in the signature")
        return real(cleaned, **kwargs)

    monkeypatch.setattr(dedup, "signature", breaks_on_floods)
    db = ingest_three_stories(tmp_path)
    assert table(db, "SELECT document, stage, reason, message, article_id FROM errors") == [
        (str(tmp_path / "floods.txt"), "dedup", "internal", "internal error: RuntimeError: a bug in the signature", content_id(STORIES["floods"]))
    ]
    assert table(db, "SELECT count(*) FROM articles WHERE status = 'analysed'") == [(2,)]


def test_an_analysis_the_store_cannot_hold_fails_alone_not_its_batch(tmp_path, monkeypatch):
    import newswire.corpus.runner as runner

    real = runner.analyze_prepared

    def spoils_the_floods(items):
        for analysis in real(items):
            if "flood" in analysis.text:
                analysis.entities[0].name += "\ud83d"  # a value no store can hold
            yield analysis

    monkeypatch.setattr(runner, "analyze_prepared", spoils_the_floods)
    db = ingest_three_stories(tmp_path)
    floods = content_id(STORIES["floods"])
    assert table(db, "SELECT source, status FROM articles ORDER BY source") == [
        (str(tmp_path / "budget.txt"), "analysed"), (str(tmp_path / "floods.txt"), "failed"), (str(tmp_path / "talks.txt"), "analysed"),
    ]
    ((document, stage, message, article_id),) = table(db, "SELECT document, stage, message, article_id FROM errors")
    assert (document, stage, article_id) == (str(tmp_path / "floods.txt"), "store", floods)
    assert message.startswith("its analysis cannot be stored (internal error: UnicodeEncodeError: ")
    assert table(db, f"SELECT count(*) FROM entities WHERE article_id = '{floods}'") == [(0,)]
    assert table(db, "SELECT count(*) FROM entities") != [(0,)]


def test_a_path_that_is_not_utf8_is_stored_printably(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"  # a Latin-1 file name
    with open(name, "wb") as f:
        f.write(STORIES["budget"].encode())
    db = tmp_path / "corpus.duckdb"
    summary = ingest([os.fsdecode(name)], db=db, workers=0)
    assert summary.analysed == 1
    assert table(db, "SELECT paths, status FROM runs") == [([f"{tmp_path}/caf\\xe9.txt"], "finished")]
    assert table(db, "SELECT source FROM articles") == [(f"{tmp_path}/caf\\xe9.txt",)]


def test_a_json_document_with_a_lone_surrogate_is_one_error_row_on_every_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORIES["budget"])
    (folder / "text.json").write_text(json.dumps({"text": STORIES["floods"]}).replace('"text": "', '"text": "\\ud83d', 1))
    lines = [json.dumps({"text": STORIES["talks"]}), json.dumps({"text": STORIES["election"], "title": "Chile"}).replace("Chile", "Chile \\ude00")]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    db = tmp_path / "corpus.duckdb"
    for run in (1, 2):
        result = run_cli("ingest", str(folder), "--db", str(db), "--workers", "0", "--quiet")
        # the second run's failures are the first's, recorded then: no failure of its own (README, corpus)
        assert result.returncode == (1 if run == 1 else 0), result.stderr
        assert "Traceback" not in result.stderr
        assert table(db, "SELECT document, stage, reason FROM errors ORDER BY document") == [
            (f"{folder}/feed.jsonl:2", "read", "encoding"), (f"{folder}/text.json", "read", "encoding"),
        ]
        assert table(db, "SELECT count(*) FROM articles WHERE status = 'analysed'") == [(2,)]
    assert table(db, "SELECT status FROM runs ORDER BY id") == [("finished",), ("finished",)]


def run_cli(*args: str, env: dict[str, str] | None = None) -> CliResult:
    """`newswire ARGS` in this process (`cli.main`: its exit status and error lines)."""
    return newswire_cli(*args, env=env)


def test_the_exit_status_says_whether_a_document_failed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORIES["budget"])
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": "no text here"}')
    ok = run_cli("ingest", str(good), "--db", str(tmp_path / "ok.duckdb"), "--workers", "0")
    assert ok.returncode == 0, ok.stderr
    assert "1 document, 1 new article (0 duplicates)" in ok.stderr
    failed = run_cli("ingest", str(good), str(bad), "--db", str(tmp_path / "failed.duckdb"), "--workers", "0")
    assert failed.returncode == 1
    assert f'Error: {bad}: the JSON object has no "text" string' in failed.stderr
    assert "Traceback" not in failed.stderr


def test_a_locked_database_is_one_error_line(tmp_path):
    db = tmp_path / "corpus.duckdb"
    story = tmp_path / "story.txt"
    story.write_text(STORIES["talks"])
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; con = duckdb.connect({str(db)!r}); print('holding', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        result = run_cli("ingest", str(story), "--db", str(db), "--workers", "0", env={"NEWSWIRE_LOCK_WAIT": "0"})
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: the database {db} is in use by another process (PID {holder.pid}); wait for it to finish, stop it, or use another --db"
    )


# resumption after kill -9


WORDS = (
    "the of and to in a that said on for with was as by at from his their government minister police city "
    "officials army rebels talks ceasefire election vote parliament budget protest strike port ships workers "
    "union court judge law tax oil prices bank market trade deal president leader party opposition soldiers "
    "border refugees aid convoy hospital school floods rain storm fire village capital region province mayor"
).split()


def random_story(rng: random.Random, words: int = 300) -> str:
    """A different text every time: English-looking enough for the language check, never a near-duplicate."""
    sentences, sentence = [], []
    for _ in range(words):
        sentence.append(rng.choice(WORDS))
        if len(sentence) >= rng.randint(8, 16):
            sentences.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    return " ".join(sentences) + "\n"


def start_ingest(folder: Path, db: Path, log: Path) -> subprocess.Popen:
    """`newswire ingest` with one worker, in a session of its own (so that what it leaves behind can be found)."""
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "newswire", "ingest", str(folder), "--db", str(db), "--workers", "1", "--quiet"],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
        )


def kill_alone(process: subprocess.Popen) -> list[str]:
    """kill -9 of the ingest process only (never its group); the processes of its session still alive after a while."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return wait_for_session_to_end(process.pid, timeout=30)


def test_a_killed_ingest_resumes_without_losing_or_duplicating(tmp_path, nlp):
    rng = random.Random(5)
    folder = tmp_path / "texts"
    folder.mkdir()
    total = 96
    for i in range(total):
        (folder / f"{i:03d}.txt").write_text(random_story(rng))
    db = tmp_path / "killed.duckdb"
    process = start_ingest(folder, db, tmp_path / "stderr.log")
    try:
        analysed = wait_for_rows(db, tmp_path / "peek", ANALYSED, at_least=16, timeout=180)
        left = kill_alone(process)  # mid-run: its worker is busy or blocked sending a result
    finally:
        kill_session(process.pid)  # what a failed check leaves behind
    assert left == [], f"processes outlived the killed ingest: {left}"
    stored = table(db, "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status")
    done = dict(stored).get("analysed", 0)
    assert analysed <= done < total, f"the kill did not land mid-run: {stored}"
    assert table(db, "SELECT status FROM runs") == [("running",)]

    resumed = ingest([str(folder)], db=db, workers=0)
    assert resumed.analysed == total - done
    assert resumed.failed == 0
    assert_same_as_a_clean_run(db, folder, tmp_path / "reference.duckdb")


def assert_same_as_a_clean_run(db: Path, folder: Path, reference: Path) -> None:
    """The store holds what one uninterrupted run stores, each row once, and no errors."""
    ingest([str(folder)], db=reference, workers=0)
    assert snapshot(db) == snapshot(reference)
    assert table(db, "SELECT count(*) FROM errors") == [(0,)]
    for t in RECORD_TABLES:
        key = "article_id, entity_id, ord" if t.name == "mentions" else "article_id, ord"
        assert table(db, f"SELECT count(*) - count(DISTINCT ({key})) FROM {t.name}") == [(0,)]


# Where to kill: each moment is a query on the store and the count it waits
# for (cumulative over the runs, so a moment already passed kills the next run
# as it starts). STARTED kills at once, before the interpreter has even read
# the command.
STARTED = "SELECT 1"
RUN_ROW = "SELECT count(*) FROM runs"
STORED = "SELECT count(*) FROM articles"
ANALYSED = "SELECT count(*) FROM articles WHERE status = 'analysed'"
# None comes near the end of a run, lest the run end before the kill lands.
KILL_MOMENTS = [(STARTED, 0), (RUN_ROW, 1), (STORED, 1), (STORED, 17), (STORED, 48), (ANALYSED, 1), (ANALYSED, 17)]


@pytest.mark.kills
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds a session's processes in /proc (Linux)")
def test_kill_9_at_five_random_moments_leaves_no_process_and_loses_nothing(tmp_path, nlp):
    """kill -9 of the ingest process alone, five times at seeded random moments, then a resume: no process outlives
    a kill, and the store ends as a clean run's. About 40 s: five process starts, most loading the model once."""
    rng = random.Random(11)
    folder = tmp_path / "texts"
    folder.mkdir()
    total = 64  # four batches: the last kill moment leaves two to analyse
    for i in range(total):
        (folder / f"{i:02d}.txt").write_text(random_story(rng, words=120))
    moments = sorted(rng.sample(range(len(KILL_MOMENTS)), 5))
    db = tmp_path / "killed.duckdb"
    for n, moment in enumerate(moments):
        query, count = KILL_MOMENTS[moment]
        process = start_ingest(folder, db, tmp_path / "stderr.log")
        try:
            if query != STARTED:
                wait_for_rows(db, tmp_path / f"peek{n}", query, at_least=count, timeout=180, process=process)
            running = process.poll() is None
            left = kill_alone(process)
        finally:
            kill_session(process.pid)
        assert left == [], f"processes outlived the ingest killed at {KILL_MOMENTS[moment]}: {left}"
        assert running, f"the run ended before the kill at {KILL_MOMENTS[moment]}: {(tmp_path / 'stderr.log').read_text()}"
    assert table(db, STORED) != [(0,)] and table(db, ANALYSED) != [(total,)]  # the kills left work to resume
    resumed = ingest([str(folder)], db=db, workers=0)
    assert resumed.failed == 0
    assert_same_as_a_clean_run(db, folder, tmp_path / "reference.duckdb")


def session_processes(session: int) -> list[str]:
    """The live processes of a session (named by its leader's pid), as "pid command"; a zombie has ended."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended meanwhile
            continue
        name_end = text.rindex(")")  # the command name may hold spaces and parentheses
        state, _ppid, _group, sid = text[name_end + 2 :].split()[:4]
        if int(sid) == session and state != "Z":
            found.append(f"{stat.parent.name} {text[text.index('(') + 1 : name_end]}")
    return found


def wait_for_session_to_end(session: int, *, timeout: float) -> list[str]:
    """The processes of a session still alive after `timeout` seconds; [] as soon as there are none."""
    deadline = time.monotonic() + timeout
    while (left := session_processes(session)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def kill_session(session: int) -> None:
    try:
        os.killpg(session, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def wait_for_rows(db: Path, peek: Path, query: str, *, at_least: int, timeout: float, process: subprocess.Popen | None = None) -> int:
    """Watch a running ingest (through copies of its files: the writer holds the lock) until `query` counts enough."""
    deadline = time.monotonic() + timeout
    peek.mkdir()
    attempt = 0
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        attempt += 1
        copy = peek / f"{attempt}.duckdb"  # a new name each time: DuckDB keeps what it read of a path
        for suffix in ("", ".wal"):
            try:  # the writer checkpoints when it lets go of the file between writes: its log may vanish meanwhile
                shutil.copy(Path(str(db) + suffix), str(copy) + suffix)
            except FileNotFoundError:
                pass
        try:
            with duckdb.connect(str(copy), read_only=True) as con:
                (count,) = con.execute(query).fetchone()
        except duckdb.Error:
            count = -1  # no database or table yet, or a torn copy
        for suffix in ("", ".wal"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        if count >= at_least:
            return count
        time.sleep(0.05)
    raise AssertionError(f"{query!r} did not reach {at_least} within {timeout} s (or the run ended first)")


FRENCH = (
    "Le ministre des Affaires étrangères a déclaré vendredi que les négociations avec les deux délégations "
    "reprendraient la semaine prochaine à Genève, selon un communiqué publié par le gouvernement.\n"
)


def test_a_stored_pending_article_that_now_fails_its_check_counts_once(tmp_path):
    from newswire.corpus.store import PENDING, Entry

    path = tmp_path / "fr.txt"
    path.write_text(FRENCH)
    db = tmp_path / "c.duckdb"
    article = read_path(path)
    with Store(db) as store:  # as an interrupted --any-language run would leave it
        store.add_entries([Entry(article, content_id(FRENCH), len(FRENCH), PENDING, content_id(FRENCH), None)], [], run_id=1)
    summary = ingest([str(path)], db=db, workers=0)
    assert (summary.failed, summary.analysed) == (1, 0)


def test_a_resumed_article_keeps_its_warning_once(tmp_path):
    from newswire.corpus.store import PENDING, Entry

    path = tmp_path / "fr.txt"
    path.write_text(FRENCH)
    db = tmp_path / "c.duckdb"
    article = read_path(path)
    analyze_article(article, any_language=True)  # adds the language warning, as the first run did
    with Store(db) as store:
        store.add_entries([Entry(article, content_id(FRENCH), len(FRENCH), PENDING, content_id(FRENCH), None)], [], run_id=1)
    (tmp_path / "empty").mkdir()
    summary = ingest([str(tmp_path / "empty")], db=db, workers=0)  # the leftover is resumed on its own
    assert summary.analysed == 1
    with Store(db, read_only=True) as store:
        analysis = store.load_analysis(content_id(FRENCH))
    assert len(analysis.warnings) == 1


def test_opening_a_store_of_another_layout_writes_nothing(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db):
        pass
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = 'newswire/store@999' WHERE key = 'layout'")
        con.execute("ALTER TABLE articles DROP COLUMN title")
    from newswire.errors import StoreError

    with pytest.raises(StoreError, match="not a newswire store"):
        Store(db)
    with duckdb.connect(str(db), read_only=True) as con:
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'articles'").fetchall()}
    assert "title" not in columns


def test_max_chars_above_what_the_parser_takes_is_refused_before_the_store_is_opened(tmp_path):
    from newswire.errors import UsageError

    story = tmp_path / "story.txt"
    story.write_text(STORIES["talks"])
    db = tmp_path / "corpus.duckdb"
    with pytest.raises(UsageError, match="must be from 1 to 2,000,000 characters"):
        ingest([str(story)], db=db, workers=0, max_chars=2_000_001)
    assert not db.exists()


def test_a_refused_db_or_runner_leaves_no_file_behind(tmp_path, monkeypatch):
    from newswire.errors import StoreError, UsageError

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORIES["floods"], encoding="utf-8")
    not_db = tmp_path / "notes.duckdb"
    not_db.write_text("my notes, not a database\n", encoding="utf-8")
    with pytest.raises(StoreError, match="is not a DuckDB database"):
        ingest([str(tmp_path / "in")], db=not_db, workers=0)
    assert not_db.read_text(encoding="utf-8") == "my notes, not a database\n"
    assert not (tmp_path / "notes.duckdb.ingest.lock").exists()

    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    with pytest.raises(UsageError, match="needs Ray"):
        ingest([str(tmp_path / "in")], db=tmp_path / "r.duckdb", runner="ray")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "notes.duckdb"]


def test_the_readme_samples_link_the_undated_copy_to_its_dated_original(tmp_path):
    # port-strike.html carries its date, its copy rotterdam-strike-copy.txt none: the README promises the link
    db = tmp_path / "s.duckdb"
    summary = ingest([str(REPO / "samples")], db=db, workers=0)
    assert summary.duplicates == 1
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT source, duplicate_of IS NOT NULL FROM articles ORDER BY source").fetchall()
    assert [(Path(source).name, linked) for source, linked in rows if linked] == [("rotterdam-strike-copy.txt", True)]


def test_a_store_made_before_the_word_index_gets_it_built_once_with_a_message(corpus, tmp_path):
    _, db, _ = corpus
    db = copy_db(db, tmp_path)
    with Store(db, read_only=True) as store:  # a word of a stored quote, and a piece of it
        (text,) = store.con.execute("SELECT content_text FROM quotes ORDER BY article_id, ord LIMIT 1").fetchone()
        words = [w for w in text.split() if w.isalpha()]
        searches = [max(words, key=len), text[5:25]]
        searched = [query.page(store, "quotes", limit=50, search=s).rows.dicts() for s in searches]
    con = duckdb.connect(str(db))  # what a store made by the version before looks like
    for name in ("words", "text_words", "quote_words"):
        con.execute(f"DROP TABLE {name}")
    con.execute("DELETE FROM meta WHERE key = 'words'")
    (analysed,) = con.execute("SELECT count(*) FROM articles WHERE status = 'analysed'").fetchone()
    con.close()
    with Store(db, read_only=True) as store:  # searched by the scan until the next ingest
        assert not store.words_current() and [query.page(store, "quotes", limit=50, search=s).rows.dicts() for s in searches] == searched
    copy = tmp_path / "copy.txt"
    copy.write_text(SYNDICATED_FLOODS.replace("Maria Rossi", "Marco Bianchi"))
    messages = []
    ingest([str(copy)], db=db, workers=0, on_message=messages.append)
    assert messages == [f"indexing the words of the {analysed:,} articles in {db} for text search (once: it was made by an older version)"]
    ingest([str(copy)], db=db, workers=0, on_message=messages.append)
    assert len(messages) == 1  # once
    with Store(db, read_only=True) as store:
        assert store.words_current() and all(searched)
        assert [query.page(store, "quotes", limit=50, search=s).rows.dicts() for s in searches] == searched


def test_a_folder_without_any_document_it_reads_gets_a_warning(tmp_path):
    # a folder of PDFs said "0 documents" and nothing else (a user's trial)
    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not a news article")
    result = newswire_cli("ingest", str(folder), "--db", str(tmp_path / "c.duckdb"), "-w", "0", "-q")
    assert result.returncode == 0
    assert f"Warning: no documents in {folder}: newswire reads .txt" in result.stderr
    (folder / "story.txt").write_text("Rebels shelled the town of Harbin on Monday, officials said.\n")
    again = newswire_cli("ingest", str(folder), "--db", str(tmp_path / "c.duckdb"), "-w", "0", "-q")
    assert again.returncode == 0 and "Warning" not in again.stderr


def test_a_store_made_before_appeals_were_requests_gets_them_typed_once_by_a_writer_not_a_reader(corpus, tmp_path):
    _, db, _ = corpus
    db = copy_db(db, tmp_path)
    con = duckdb.connect(str(db))  # what a store made by the version before looks like: an appeal with no PLOVER type
    (article, ord_) = con.execute("SELECT article_id, ord FROM events ORDER BY article_id, ord LIMIT 1").fetchone()
    con.execute("UPDATE events SET cameo = '023', cameo_root = '02', plover = NULL WHERE article_id = ? AND ord = ?", [article, ord_])
    con.execute("DELETE FROM meta WHERE key = 'event_types'")
    con.close()
    typed = f"SELECT plover FROM events WHERE article_id = '{article}' AND ord = {ord_}"
    with Store(db, read_only=True) as store:  # a reader writes nothing
        assert store.con.execute(typed).fetchall() == [(None,)]
    with Store(db) as store:
        assert store.con.execute(typed).fetchall() == [("REQUEST",)]
        assert store.meta("links") is None  # linked again at the next ingest, with the other requests
        assert store.meta("event_types")
    con = duckdb.connect(str(db))
    con.execute("UPDATE events SET plover = NULL WHERE article_id = ? AND ord = ?", [article, ord_])
    con.close()
    with Store(db) as store:  # once: a store already brought up to date is not looked at again
        assert store.con.execute(typed).fetchall() == [(None,)]
