import contextlib
import os
import re
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from conftest import CliResult, newswire_cli

from newswire.errors import StoreError
from newswire.records import Analysis, Article, Cue, Entity, Event, EventActor, Failure, Figure, Mention, Place, Quote, Removed, Span, Time, content_id
from newswire.corpus.store import ANALYSED, FAILED, PENDING, RECORD_TABLES, TABLES, Entry, Store, analysis_rows

REPO = Path(__file__).resolve().parents[1]
TEXT = 'Minister Ana Lopez said on Monday: "We will rebuild the bridge." Rebels shelled Goma, killing 12 people.\nShare this\n'


def span(text, sub, start=0):
    i = TEXT.index(sub, start)
    return i, i + len(sub), sub


def full_analysis() -> Analysis:
    """An analysis with every kind of record filled in, by hand."""
    s = lambda sub: Span(*span(TEXT, sub))  # noqa: E731
    return Analysis(
        id=content_id(TEXT), text=TEXT, title="Bridge", url="https://example.org/b", published="2024-05-20", version="9.9",
        removed=[Removed(*span(TEXT, "Share this")[:2], reason="boilerplate")],
        entities=[
            Entity(id="E1", name="Ana Lopez", type="PERSON", titles=["Minister"], country="COD", actor="CODGOV",
                   mentions=[Mention(*span(TEXT, "Ana Lopez"))]),
            Entity(id="E2", name="rebels", type="GROUP", actor="CODREB", mentions=[Mention(*span(TEXT, "Rebels"), kind="nominal")]),
        ],
        quotes=[Quote(id="Q1", type="direct", content=s("We will rebuild the bridge."), cue=Cue(*span(TEXT, "said"), lemma="say"),
                      speaker=s("Minister Ana Lopez"), speaker_entity="E1", speaker_name="Ana Lopez", date="2024-05-20")],
        times=[Time("T1", *span(TEXT, "Monday"), type="DATE", value="2024-05-20", anchor="published")],
        events=[Event(id="V1", cameo="195", cameo_root="19", plover="ASSAULT", quad_class=4, goldstein=-10.0, trigger=s("shelled"),
                      sentence=s("Rebels shelled Goma, killing 12 people."), source=EventActor(*span(TEXT, "Rebels"), entity="E2", actor="CODREB"),
                      target=None, date="2024-05-20", location=Place(*span(TEXT, "Goma"), country="COD"))],
        figures=[Figure(*span(TEXT, "12 people"), value=12.0, unit="people", what="killed")],
        warnings=["a warning"],
    )


def entry(analysis: Analysis, status=PENDING) -> Entry:
    article = Article(text=analysis.text, title=analysis.title, url=analysis.url, published=analysis.published, source="b.txt")
    return Entry(article, analysis.id, len(analysis.cleaned_text), status, "fp", None)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as s:
        yield s


def test_tables_have_the_documented_names():
    assert list(TABLES) == ["articles", "removed", "entities", "mentions", "quotes", "times", "events", "figures", "errors", "runs", "signatures", "bands", "bands_undated", "meta", "corpus_entities", "corpus_quotes", "quote_keys", "corpus_events", "event_keys", "corpus_entity_parts", "corpus_entity_splits", "entity_tally", "entity_titles", "names", "quote_speakers", "entity_rows", "words", "text_words", "quote_words", "pair_texts", "text_pairs", "quote_pairs"]


def test_nested_records_become_prefixed_columns():
    quotes = {c.name for c in TABLES["quotes"]}
    assert {"article_id", "ord", "content_start", "content_end", "content_text", "cue_lemma", "speaker_entity"} <= quotes
    events = {c.name: c.type for c in TABLES["events"]}
    assert events["source_actor"] == "VARCHAR" and events["location_country"] == "VARCHAR" and events["goldstein"] == "DOUBLE"
    assert {c.name: c.type for c in TABLES["entities"]}["titles"] == "VARCHAR[]"
    assert [c.name for c in TABLES["mentions"]][:3] == ["article_id", "entity_id", "ord"]


def test_an_analysis_round_trips_through_the_store(store):
    analysis = full_analysis()
    store.add_entries([entry(analysis)], [], run_id=1)
    store.add_results([analysis], [], run_id=1)
    assert store.statuses([analysis.id]) == {analysis.id: ANALYSED}
    assert store.load_analysis(analysis.id).to_dict() == analysis.to_dict()


def test_a_loaded_analysis_equals_the_stored_one_record_for_record(store):
    """`load_analysis` builds records straight from the columns (not through dicts): the same records, of the same
    types, come back: nested records filled or None, lists of records kept in JSON columns, lists of strings."""
    analysis = full_analysis()
    event = analysis.events[0]
    event.participants = [event.source, EventActor(*span(TEXT, "Goma"), actor=None, implicit=True)]
    event.mentions = [event.trigger, Span(*span(TEXT, "killing"))]
    analysis.quotes.append(Quote(id="Q2", type="indirect", content=Span(*span(TEXT, "rebuild the bridge"))))
    store.add_entries([entry(analysis)], [], run_id=1)
    store.add_results([analysis], [], run_id=1)
    loaded = store.load_analysis(analysis.id)
    assert loaded == analysis
    assert type(loaded.events[0].participants[1]) is EventActor and type(loaded.events[0].mentions[1]) is Span
    assert loaded.quotes[1].speaker is None and loaded.quotes[1].cue is None and loaded.events[0].target is None
    assert type(loaded.entities[0].mentions[0]) is Mention and loaded.entities[0].titles == ["Minister"]


def test_every_row_points_into_the_stored_text(store):
    analysis = full_analysis()
    store.add_entries([entry(analysis)], [], run_id=1)
    store.add_results([analysis], [], run_id=1)
    (text,) = store.con.execute("SELECT text FROM articles").fetchone()
    checked = 0
    for table in RECORD_TABLES:
        names = [c.name for c in table.columns]
        for prefix in {n[: -len("start")] for n in names if n.endswith("start") and n[: -len("start")] + "text" in names}:
            rows = store.con.execute(f'SELECT "{prefix}start", "{prefix}end", "{prefix}text" FROM {table.name} WHERE "{prefix}start" IS NOT NULL').fetchall()
            for start, end, span_text in rows:
                assert text[start:end] == span_text
                checked += 1
    assert checked == 11


def test_analysing_again_replaces_rows_and_adding_again_adds_nothing(store):
    analysis = full_analysis()
    for _ in range(2):
        store.add_entries([entry(analysis)], [], run_id=1)
        store.add_results([analysis], [], run_id=1)
    counts = store.counts()
    assert (counts["articles"], counts["entities"], counts["mentions"], counts["quotes"], counts["events"]) == (1, 2, 2, 1, 1)


def test_failures_are_recorded_once_and_mark_the_article(store):
    analysis = full_analysis()
    store.add_entries([entry(analysis)], [], run_id=1)
    failure = Failure("b.txt", "analyze", "internal", "internal error: boom", analysis.id)
    store.add_results([], [failure], run_id=1)
    store.add_results([], [failure], run_id=2)
    assert store.con.execute("SELECT document, stage, reason, message, run_id FROM errors").fetchall() == [("b.txt", "analyze", "internal", "internal error: boom", 1)]
    assert store.statuses([analysis.id]) == {analysis.id: FAILED}


def test_runs_are_numbered_and_finished(store):
    first = store.start_run(["a/"], {"workers": 1})
    second = store.start_run(["b/"], {"workers": 2})
    store.finish_run(second, {"documents": 3, "failed": 1, "peak_worker_rss_mb": 300.5})
    rows = store.con.execute("SELECT id, status, paths, documents, failed, peak_worker_rss_mb, finished IS NOT NULL FROM runs ORDER BY id").fetchall()
    assert (first, second) == (1, 2)
    # the same process starting another run has left the first: it was interrupted
    assert rows == [(1, "interrupted", ["a/"], None, None, None, False), (2, "finished", ["b/"], 3, 1, 300.5, True)]


def test_a_store_gains_the_columns_records_gained(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE quotes DROP COLUMN speaker_name")
    con.close()
    with Store(path) as store:
        columns = {r[0] for r in store.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'quotes'").fetchall()}
    assert "speaker_name" in columns


def test_a_store_made_before_runs_kept_every_count_still_opens(tmp_path):
    """A store of the 0.1 layout before `runs` had `done` and `expected`: read as it is, and gains them when written."""
    from newswire.corpus import query

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        run_id = store.start_run(["a/"], {})
        store.finish_run(run_id, {"documents": 2})
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE runs DROP COLUMN done")
    con.execute("ALTER TABLE runs DROP COLUMN expected")
    con.close()
    with Store(path, read_only=True) as store:
        assert query.quotes(store).rows == []
        assert store.con.execute("SELECT id, documents FROM runs").fetchall() == [(run_id, 2)]
    with Store(path) as store:
        second = store.start_run(["b/"], {})
        store.finish_run(second, {"documents": 1, "done": 1, "expected": 1})
        rows = store.con.execute("SELECT id, documents, done, expected FROM runs ORDER BY id").fetchall()
    assert rows == [(run_id, 2, None, None), (second, 1, 1, 1)]


def test_every_count_of_a_run_has_a_column():
    from dataclasses import fields

    from newswire.corpus.ingest import Summary
    from newswire.corpus.store import RunCounts

    columns = {c.name for c in TABLES["runs"]}
    counts = {f.name for f in fields(RunCounts)}
    assert counts <= columns
    # what a Summary holds beyond the counts is about this call, not the run: not stored
    assert {f.name for f in fields(Summary)} - counts == {"run_id", "db", "first_failures", "ignored_dates", "first_ignored_date"}


def test_a_count_with_no_column_is_refused_not_dropped(store):
    run_id = store.start_run(["a/"], {})
    with pytest.raises(ValueError, match="runs has no column for bogus"):
        store.finish_run(run_id, {"documents": 1, "bogus": 2})


def test_the_store_tables_are_generated_from_declared_dataclasses():
    from dataclasses import fields

    from newswire.corpus.store import ArticleSizes, ArticleState, RunCounts, RunProcess, RunStart, record_columns

    def names(*classes):
        return [f.name for cls in classes for f in fields(cls)]

    articles = [c.name for c in TABLES["articles"]]
    # a field holding one record (Analysis.tone) is its fields' columns, prefixed (tone_score, ...)
    analysis_scalars = [c.name for c in record_columns(Analysis) if c.path[0] not in RECORD_TABLE_NAMES and c.name not in ("id", "text")]
    read_only = [n for n in names(Article) if n not in names(Analysis)]
    assert articles == [*names(ArticleState), *analysis_scalars, *read_only, *names(ArticleSizes), "text"]
    assert [c.name for c in TABLES["errors"]] == ["id", *names(Failure), "run_id", "version"]
    assert [c.name for c in TABLES["runs"]] == names(RunStart, RunCounts, RunProcess)


RECORD_TABLE_NAMES = {t.name for t in RECORD_TABLES}


def test_a_database_locked_by_another_process_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWIRE_LOCK_WAIT", "0")  # no waiting for the holder to let go
    path = tmp_path / "corpus.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("holding", flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreError) as caught:
            Store(path)
        message = str(caught.value)
        assert re.fullmatch(rf"the database {re.escape(str(path))} is in use by another process \(PID {holder.pid}\); wait for it to finish, stop it, or use another --db", message)
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()


def test_a_file_that_is_not_a_store(tmp_path):
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="is not a newswire store"):
        Store(other, read_only=True)
    with pytest.raises(StoreError, match="is not a newswire store"):
        Store(other)  # nor made one
    assert duckdb.connect(str(other)).execute("SELECT table_name FROM information_schema.tables").fetchall() == [("t",)]
    text = tmp_path / "notes.duckdb"
    text.write_text("hello " * 1000)
    with pytest.raises(StoreError, match="is not a DuckDB database"):
        Store(text)
    with pytest.raises(StoreError, match="no database at"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    for name, body in (("feed.jsonl", '{"text": "Kerry met Lavrov."}\n'), ("short.duckdb", "x")):
        (tmp_path / name).write_text(body)  # a reader is told too, not DuckDB's "cannot launch in-memory database"
        with pytest.raises(StoreError, match=f"^{tmp_path / name} is not a DuckDB database; use another --db$"):
            Store(tmp_path / name, read_only=True)
    (tmp_path / "folder.duckdb").mkdir()
    with pytest.raises(StoreError, match="is a directory; use a file for --db"):
        Store(tmp_path / "folder.duckdb", read_only=True)


def test_analysis_rows_keep_list_order():
    rows = analysis_rows(full_analysis())
    assert [(r["ord"], r["id"]) for r in rows["entities"]] == [(0, "E1"), (1, "E2")]
    assert [(r["entity_id"], r["ord"], r["kind"]) for r in rows["mentions"]] == [("E1", 0, "name"), ("E2", 0, "nominal")]


def test_docs_describe_every_column():
    doc = (REPO / "docs" / "store.md").read_text()
    for table, columns in TABLES.items():
        section = re.search(rf"^### `{table}`\n(.*?)(?=^### |\Z)", doc, re.M | re.S)
        assert section, f"docs/store.md has no section for {table}"
        for column in columns:
            assert f"`{column.name}`" in section.group(1), f"docs/store.md: {table}.{column.name} is not described"


# a damaged file, a full disk


def filled_store(path: Path, articles: int = 300) -> Path:
    """A store with enough text (random words: DuckDB cannot compress them away) to fill several blocks."""
    import dataclasses
    import random

    rng = random.Random(3)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    base = full_analysis()
    analyses = []
    for _ in range(articles):
        text = TEXT + " ".join(rng.choice(words) for _ in range(400)) + "\n"
        analyses.append(dataclasses.replace(base, text=text, id=content_id(text)))
    with Store(path) as store:
        store.add_entries([entry(a) for a in analyses], [], run_id=1)
        store.add_results(analyses, [], run_id=1)
    return path


def run_cli(*args: str) -> CliResult:
    """`newswire ARGS` in this process (`cli.main`: its exit status and error lines)."""
    return newswire_cli(*args)


def one_error_line(result: CliResult) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "internal error" not in lines[0], result.stderr
    return lines[0]


def text_block_offsets(path: Path) -> list[int]:
    """Where in the file the blocks holding articles.text start (DuckDB: three 4 KiB headers, then fixed-size blocks)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        (block_size,) = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()
        ids = con.execute(
            "SELECT DISTINCT block_id FROM pragma_storage_info('articles') WHERE column_name = 'text' AND block_id >= 0 ORDER BY block_id"
        ).fetchall()
    finally:
        con.close()
    return [3 * 4096 + block_id * block_size for (block_id,) in ids]


def test_a_store_cut_short_is_reported_damaged_not_foreign(tmp_path):
    db = filled_store(tmp_path / "corpus.duckdb")
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)
    with pytest.raises(StoreError, match=rf"^the database {re.escape(str(db))} is damaged \(Could not read enough bytes"):
        Store(db)
    line = one_error_line(run_cli("export", str(tmp_path / "out"), "--db", str(db)))
    assert line.startswith(f"Error: the database {db} is damaged (") and "restore it from a backup" in line


def test_random_bytes_in_a_data_block_are_refused_by_ingest_and_reported_by_readers(tmp_path):
    db = filled_store(tmp_path / "corpus.duckdb")
    offsets = text_block_offsets(db)
    assert len(offsets) >= 2
    with db.open("r+b") as f:
        f.seek(offsets[len(offsets) // 2] + 4096)  # inside a block of article texts, past its checksum
        f.write(bytes(range(256)) * 4)
    damaged = db.read_bytes()
    story = tmp_path / "story.txt"
    story.write_text(TEXT)
    line = one_error_line(run_cli("ingest", str(story), "--db", str(db), "--workers", "0"))
    assert re.fullmatch(
        rf"Error: the database {re.escape(str(db))} is damaged \(Corrupt database file: computed checksum \d+ does not match stored checksum \d+ "
        r"in block at location \d+\); restore it from a backup, or ingest the corpus again into a new --db",
        line,
    )
    assert db.read_bytes() == damaged  # refused before anything was written
    for fmt in ("parquet", "jsonl"):
        assert "is damaged" in one_error_line(run_cli("export", str(tmp_path / "out"), "--db", str(db), "--format", fmt))
    # the tables read before the damaged block were left behind as files that looked like a whole export
    assert list((tmp_path / "out").iterdir()) == []
    assert "is damaged" in one_error_line(run_cli("sql", "SELECT max(length(text)) FROM articles", "--db", str(db)))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_clear_error_and_loses_nothing(tmp_path):
    # DuckDB writes a commit to the log file first: a log that is /dev/full is a disk that is full (ENOSPC)
    db = tmp_path / "corpus.duckdb"
    analysis = full_analysis()
    with Store(db) as store:
        run_id = store.start_run(["a/"], {})
    wal = Path(str(db) + ".wal")
    wal.symlink_to("/dev/full")
    with Store(db) as store:
        with pytest.raises(StoreError) as caught:
            store.add_entries([entry(analysis)], [], run_id=run_id)
    assert str(caught.value) == (
        f'the disk holding {db} is full (Could not write file "{wal}": No space left on device); '
        "free some space and run the ingest again: what was committed is kept and the run resumes from there"
    )
    if wal.is_symlink():
        wal.unlink()  # space again
    with Store(db) as store:
        assert store.con.execute("SELECT id, status FROM runs").fetchall() == [(run_id, "running")]
        assert store.counts()["articles"] == 0
        store.add_entries([entry(analysis)], [], run_id=run_id)
        assert store.statuses([analysis.id]) == {analysis.id: PENDING}


# runs whose process is gone


def start_run_in_a_process(db: Path, *, stay: bool) -> subprocess.Popen:
    """Another process starts a run and exits without finishing it (as a killed ingest does), or stays alive."""
    script = textwrap.dedent(f"""
        import sys, time
        from newswire.corpus.store import Store
        with Store({str(db)!r}) as store:
            print(store.start_run(["x/"], {{}}), flush=True)
        if {stay}:
            sys.stdin.read()
    """)
    return subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_a_run_whose_process_is_gone_is_marked_interrupted_at_the_next_start(tmp_path):
    db = tmp_path / "corpus.duckdb"
    Store(db).close()
    killed = start_run_in_a_process(db, stay=False)
    assert killed.communicate(timeout=60)[0].strip() == "1"
    alive = start_run_in_a_process(db, stay=True)
    try:
        assert alive.stdout.readline().strip() == "2"
        with Store(db) as store:
            store.con.execute("UPDATE runs SET pid = ?, process_start = 'x 1' WHERE id = 1", [alive.pid])  # its PID since reused
            store.con.execute("INSERT INTO runs (id, status, host, pid) VALUES (3, 'running', 'elsewhere', 1)")
            store.con.execute("INSERT INTO runs (id, status) VALUES (4, 'running')")  # made before runs had a PID
            assert store.start_run(["y/"], {}) == 5
            rows = store.con.execute("SELECT id, status, host, pid = ? FROM runs ORDER BY id", [os.getpid()]).fetchall()
    finally:
        alive.communicate(timeout=60)
    host = socket.gethostname()
    assert rows == [
        (1, "interrupted", host, False),  # gone (its PID is another process now)
        (2, "running", host, False),  # alive and the same process
        (3, "running", "elsewhere", False),  # cannot be checked from here
        (4, "interrupted", None, None),
        (5, "running", host, True),
    ]


# reading while another process writes


def hold_the_file(path: Path, *, read_only: bool) -> subprocess.Popen:
    """Another process holds the database open until told to let go (a line on its standard input)."""
    script = f"import duckdb, sys; con = duckdb.connect({str(path)!r}, read_only={read_only}); print('holding', flush=True); sys.stdin.readline(); con.close()"
    holder = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_reader_waits_for_a_writer_to_let_go_and_a_writer_for_readers(tmp_path, monkeypatch):
    import threading
    import time

    path = tmp_path / "corpus.duckdb"
    Store(path).close()
    waiting = threading.Event()
    sleep = time.sleep

    def pause(seconds):  # the opener found the file locked and waits
        waiting.set()
        sleep(seconds)

    monkeypatch.setattr(time, "sleep", pause)
    for read_only in (True, False):
        waiting.clear()
        holder = hold_the_file(path, read_only=not read_only)
        opened, failed = [], []

        def open_store():
            try:
                opened.append(Store(path, read_only=read_only))
            except StoreError as err:
                failed.append(err)

        opener = threading.Thread(target=open_store)
        opener.start()
        while opener.is_alive() and not waiting.wait(0.05):
            pass
        holder.communicate("go\n", timeout=60)  # let go only once the opener has met the lock
        opener.join(timeout=60)
        assert not failed and opened, failed
        opened[0].close()


def test_an_ingest_store_holds_the_file_only_while_it_works_and_refuses_a_second_ingest(tmp_path):
    path = tmp_path / "corpus.duckdb"
    analysis = full_analysis()
    with Store(path, hold=False) as writer:
        run_id = writer.start_run(["a/"], {})
        with Store(path, read_only=True) as reader:  # between two writes: readable
            assert reader.con.execute("SELECT count(*) FROM runs").fetchone() == (1,)
        with pytest.raises(StoreError) as caught:
            Store(path, hold=False)
        assert str(caught.value) == f"another newswire ingest (PID {os.getpid()}) is writing to {path}; wait for it to finish, or use another --db"
        writer.add_entries([entry(analysis)], [], run_id=run_id)
        with Store(path, read_only=True) as reader:
            assert reader.con.execute("SELECT id, status FROM articles").fetchall() == [(analysis.id, PENDING)]
    with Store(path, hold=False):  # the first one is done: the lock is free again
        pass


def test_readers_read_on_while_an_ingest_checks_the_blocks(tmp_path, monkeypatch):
    path = tmp_path / "corpus.duckdb"
    Store(path).close()
    check = Store.check_integrity
    answers = []

    def check_and_read(self):  # another process reads while the check runs, without waiting
        read = f"import duckdb; print(duckdb.connect({str(path)!r}, read_only=True).execute('SELECT count(*) FROM runs').fetchone()[0])"
        answers.append(subprocess.run([sys.executable, "-c", read], capture_output=True, text=True, timeout=60))
        check(self)

    monkeypatch.setattr(Store, "check_integrity", check_and_read)
    Store(path, hold=False).close()
    assert [(a.returncode, a.stdout.strip()) for a in answers] == [(0, "0")], answers[0].stderr


def test_a_file_unchanged_since_a_checked_write_is_not_read_again_and_any_change_is(tmp_path, monkeypatch):
    db = filled_store(tmp_path / "corpus.duckdb")
    stamp = tmp_path / "corpus.duckdb.checked"
    checks = []
    check = Store.check_integrity
    monkeypatch.setattr(Store, "check_integrity", lambda self: (checks.append(self.path), check(self)))
    Store(db, hold=False).close()  # never checked: read whole, and stamped when closed
    assert len(checks) == 1 and stamp.exists()
    Store(db, hold=False).close()
    Store(db).close()
    assert len(checks) == 1  # unchanged since: not read again
    # bytes overwritten at once after a writer closed: same size, as soon as the file can be written
    Store(db, hold=False).close()
    with db.open("r+b") as f:
        f.seek(text_block_offsets(db)[0] + 4096)
        f.write(bytes(range(256)) * 4)
    with pytest.raises(StoreError, match="is damaged"):
        Store(db, hold=False)
    assert len(checks) == 2 and not stamp.exists()


def test_a_writer_that_met_an_error_or_left_a_log_leaves_the_next_one_to_read_the_whole_file(tmp_path, monkeypatch):
    db = filled_store(tmp_path / "corpus.duckdb", articles=20)
    stamp = tmp_path / "corpus.duckdb.checked"
    Store(db, hold=False).close()
    assert stamp.exists()
    store = Store(db, hold=False)
    with pytest.raises(duckdb.Error):
        with store.session() as con:
            con.execute("SELECT * FROM no_such_table")
    store.close()
    assert not stamp.exists()
    Store(db, hold=False).close()  # read whole again, then stamped
    assert stamp.exists()
    checks = []
    check = Store.check_integrity
    monkeypatch.setattr(Store, "check_integrity", lambda self: (checks.append(1), check(self)))
    (tmp_path / "corpus.duckdb.wal").write_bytes(b"")  # a log: a process did not close the file
    with contextlib.suppress(StoreError):  # (DuckDB may refuse an empty log: either way, not trusted)
        Store(db, hold=False).close()
    assert checks == [1]


def test_an_articles_warnings_are_stored_as_its_latest_analysis_gives_them(store):
    import dataclasses

    same, changed = full_analysis(), full_analysis()
    changed = dataclasses.replace(changed, text=changed.text + " More.", id=content_id(changed.text + " More."))
    entries = [entry(same), entry(changed)]
    entries[0].article.warnings = list(same.warnings)  # read with the warning the analysis keeps
    store.add_entries(entries, [], run_id=1)
    store.add_results([same, changed], [], run_id=1)
    assert store.load_analysis(same.id).warnings == store.load_analysis(changed.id).warnings == ["a warning"]
    store.add_results([dataclasses.replace(changed, warnings=["another"])], [], run_id=1)  # analysed again
    assert store.load_analysis(changed.id).warnings == ["another"]
    assert store.load_analysis(same.id).warnings == ["a warning"]


def test_band_rows_come_from_the_two_band_tables_undated_first_and_dated_only_inside_the_day_ranges(tmp_path):
    a, b, c = (content_id(t) for t in ("a", "b", "c"))
    rows = [(1, a, None), (7, a, 100), (7, b, 300), (8, c, 101), (7, c, None), (9, b, 100)]
    with Store(tmp_path / "s.duckdb") as store:
        with store.session():
            with store._transaction():
                store._insert_bands(rows)
        assert store.con.execute("SELECT count(*) FROM bands WHERE day IS NULL").fetchone() == (0,)
        assert store.con.execute("SELECT count(*) FROM bands_undated").fetchone() == (2,)
        assert store.band_rows([1, 7, 8]) == [(1, a, None), (7, c, None), (7, a, 100), (8, c, 101), (7, b, 300)]
        assert store.band_rows([1, 7, 8], [(90, 100)]) == [(1, a, None), (7, c, None), (7, a, 100)]
        assert store.band_rows([7, 9], [(95, 100), (290, 310)]) == [(7, c, None), (7, a, 100), (9, b, 100), (7, b, 300)]
        assert store.band_rows([]) == []


def test_band_rows_built_again_are_written_in_date_order(tmp_path):
    ids = [content_id(str(n)) for n in range(6)]
    chunks = [[(n, ids[n], 500 - 7 * n), (100 + n, ids[n], None)] for n in range(6)]  # by id, the latest day first
    with Store(tmp_path / "s.duckdb") as store:
        store.rebuild_bands(chunks, "test layout")
        days = [d for (d,) in store.con.execute("SELECT day FROM bands ORDER BY rowid").fetchall()]
        assert days == sorted(days) and len(days) == 6
        assert store.band_rows(list(range(6)) + [100], [(0, 1000)])[0] == (100, ids[0], None)
        assert store.bands_state("test layout")[0]


def _row_groups(path, table: str) -> list[int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [n for (n,) in con.execute(
            f"SELECT max(count) FILTER (WHERE column_id = 0) FROM pragma_storage_info('{table}') GROUP BY row_group_id ORDER BY row_group_id"
        ).fetchall()]
    finally:
        con.close()


def test_a_writer_that_does_not_hold_the_file_compacts_its_rows_now_and_then(tmp_path):
    """An ingest's batches leave their appended rows in row groups of their own (no vacuum at their closings); every
    VACUUM_EVERY-th opening and the end of the run compact them; the rows are the same."""
    from newswire.corpus.store import VACUUM_EVERY

    path = tmp_path / "s.duckdb"
    Store(path).close()
    store = Store(path, hold=False)
    runs = [store.start_run([f"in{i}"], {}) for i in range(3)]
    assert _row_groups(path, "runs") == [1, 1, 1]  # one per closing: nothing merged
    store.finish_run(runs[-1], {}, "finished")
    assert _row_groups(path, "runs") == [3]  # the run's end merged them
    while store._openings % VACUUM_EVERY != VACUUM_EVERY - 1:
        runs.append(store.start_run(["more"], {}))
    assert len(_row_groups(path, "runs")) > 1
    runs.append(store.start_run(["more"], {}))  # the VACUUM_EVERY-th opening
    assert _row_groups(path, "runs") == [len(runs)]
    store.close()
    with Store(path, read_only=True) as reader:
        assert [r for (r,) in reader.con.execute("SELECT id FROM runs ORDER BY id").fetchall()] == sorted(runs)
