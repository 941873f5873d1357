"""Reading a store while an ingest writes it: the writer opens the file only to commit a batch, readers wait their turn."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from starlette.testclient import TestClient
from test_ingest import random_story

from newswire.corpus import query
from newswire.errors import StoreError
from newswire.present.serve import create_app
from newswire.corpus.store import Store

REPO = Path(__file__).resolve().parents[1]


def test_queries_sql_and_the_web_ui_answer_while_an_ingest_runs(tmp_path):
    rng = random.Random(11)
    folder = tmp_path / "texts"
    folder.mkdir()
    total = 48  # three batches: the first is committed while the rest are analysed
    for i in range(total):
        (folder / f"{i:03d}.txt").write_text(random_story(rng))
    db = tmp_path / "corpus.duckdb"
    ingest = subprocess.Popen(
        [sys.executable, "-m", "newswire", "ingest", str(folder), "--db", str(db), "--workers", "1", "--quiet"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1:8000")  # serve answers only its own hosts
    seen_while_running = 0
    reads = 0
    try:
        deadline = time.monotonic() + 300
        while ingest.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)  # pacing, as a user would poll; the writer needs the file too
            try:
                ((analysed,),) = query.sql(db, "SELECT count(*) FROM articles WHERE status = 'analysed'").rows
            except StoreError as err:
                assert "no database at" in str(err) or "not a newswire store" in str(err), err  # not created yet
                continue
            with Store(db, read_only=True) as store:
                query.entities(store, top=5)
            answer = client.get("/api/entities?top=5")
            assert answer.status_code == 200, answer.text
            reads += 1
            if analysed and ingest.poll() is None:
                seen_while_running = analysed
                break
        try:  # a second ingest of the store is refused while the first runs
            Store(db, hold=False).close()
            assert ingest.poll() is not None, "a second writer was let in while the ingest ran"
        except StoreError as err:
            assert str(err) == f"another newswire ingest (PID {ingest.pid}) is writing to {db}; wait for it to finish, or use another --db"
        _, stderr = ingest.communicate(timeout=300)
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    assert ingest.returncode == 0, stderr
    assert seen_while_running > 0, f"the ingest ended before a read saw its rows ({reads} reads)"
    assert query.sql(db, "SELECT count(*) FROM articles WHERE status = 'analysed'").rows == [(total,)]
