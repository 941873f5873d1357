"""The Ray runner stores exactly what the local pool stores (on a local Ray instance), and so do the shards it
makes with --shards (the whole per-document path on the cluster, then one load)."""

from __future__ import annotations

import os
import shutil

import pytest

from newswire.errors import UsageError
from newswire.corpus.ingest import ingest

from test_ingest import snapshot, table, write_corpus

ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'newswire[ray]'")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    """The corpus of test_ingest ingested in-process once, into a store of this module's own (test_ingest's fixture
    keeps its store next to its folder, in the session's base folder: a second instance would add to it)."""
    folder = write_corpus(tmp_path_factory.mktemp("raycorpus"))
    db = tmp_path_factory.mktemp("raystore") / "corpus.duckdb"
    summary = ingest([str(folder)], db=db, workers=0)
    return folder, db, summary


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def errors(db, folder):
    """The errors rows of the documents under `folder` (the corpus fixture's store may hold another instance's too)."""
    rows = table(db, "SELECT document, stage, reason, article_id FROM errors")
    return sorted(r for r in rows if r[0].startswith(f"{folder}/"))


def test_ray_actors_store_the_same_as_one_process(corpus, tmp_path, local_ray):
    folder, db, _ = corpus
    with_ray = tmp_path / "ray.duckdb"
    summary = ingest([str(folder)], db=with_ray, workers=1, runner="ray")
    assert summary.analysed > 0 and summary.peak_worker_rss_mb > 100  # analysed in the actors, not here
    assert snapshot(with_ray) == snapshot(db)
    assert errors(with_ray, folder) == errors(db, folder) != []


def test_shards_made_on_ray_load_into_the_same_store(corpus, tmp_path, local_ray):
    folder, db, local = corpus
    shards, sharded = tmp_path / "shards", tmp_path / "sharded.duckdb"
    summary = ingest([str(folder)], db=sharded, workers=1, runner="ray", shards=shards, shard_docs=2)
    made = sorted(p.name for p in shards.iterdir() if p.is_dir())
    assert len(made) >= 3 and not [p for p in shards.iterdir() if p.name.startswith(".")]  # no temporary left
    assert all((p / "documents.parquet").is_file() for p in shards.iterdir() if p.is_dir())
    assert snapshot(sharded) == snapshot(db)
    assert errors(sharded, folder) == errors(db, folder) != []  # the malformed line is an errors row, from its shard
    assert (summary.documents, summary.added, summary.analysed, summary.duplicates, summary.failed) == (
        local.documents, local.added, local.analysed, local.duplicates, local.failed)
    assert summary.peak_worker_rss_mb > 100  # analysed in the actors, not here

    # the shards alone, loaded into another store (another machine): the same rows; loaded again: nothing new
    again = tmp_path / "again.duckdb"
    ingest([], db=again, from_shards=shards)
    assert snapshot(again) == snapshot(db)
    rerun = ingest([], db=again, from_shards=shards)
    assert (rerun.added, rerun.analysed, rerun.skipped) == (0, 0, local.documents - local.failed)
    assert snapshot(again) == snapshot(db)


def test_a_killed_shard_run_resumes_without_redoing_its_shards(corpus, tmp_path, local_ray):
    folder, db, local = corpus
    shards, first = tmp_path / "shards", tmp_path / "first.duckdb"
    ingest([str(folder)], db=first, workers=1, runner="ray", shards=shards, shard_docs=2)
    made = {p.name: p.stat().st_mtime_ns for p in shards.iterdir() if p.is_dir()}
    # as a run killed part-way leaves it: its last shard and its task's end not written, a shard half written
    lost = sorted(made)[-1]
    shutil.rmtree(shards / lost)
    for done in shards.glob("*.done"):
        done.unlink()
    (shards / f".{lost}.12345.tmp").mkdir()
    (shards / f".{lost}.12345.tmp" / "documents.parquet").write_bytes(b"PAR1 half")
    resumed = tmp_path / "resumed.duckdb"
    summary = ingest([str(folder)], db=resumed, workers=1, runner="ray", shards=shards, shard_docs=2)
    now = {p.name: p.stat().st_mtime_ns for p in shards.iterdir() if p.is_dir()}
    assert set(now) == set(made)
    assert {n: t for n, t in now.items() if n != lost} == {n: t for n, t in made.items() if n != lost}  # not made again
    assert snapshot(resumed) == snapshot(db) and errors(resumed, folder) == errors(db, folder)
    assert summary.analysed == local.analysed  # the store was new: everything loaded
    assert not [p for p in shards.iterdir() if p.name.startswith(".")]  # the half shard was cleared
    # run again into the same store: every shard made, every article stored, nothing analysed or written again
    again = ingest([str(folder)], db=resumed, workers=1, runner="ray", shards=shards, shard_docs=2)
    assert (again.added, again.analysed) == (0, 0)
    assert snapshot(resumed) == snapshot(db)


def test_one_text_in_two_files_is_analysed_and_stored_once_from_its_shard(tmp_path, local_ray):
    from conftest import STORIES

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-floods.txt").write_text(STORIES["floods"], encoding="utf-8")
    (folder / "b-floods-again.txt").write_text(STORIES["floods"], encoding="utf-8")  # the same text: one article id
    (folder / "c-budget.txt").write_text(STORIES["budget"], encoding="utf-8")
    local, sharded = tmp_path / "local.duckdb", tmp_path / "sharded.duckdb"
    ingest([str(folder)], db=local, workers=0)
    summary = ingest([str(folder)], db=sharded, workers=1, runner="ray", shards=tmp_path / "shards")
    assert snapshot(sharded) == snapshot(local)
    assert table(sharded, "SELECT count(*) FROM articles") == [(2,)] and summary.skipped == 1


def test_shards_are_for_the_ray_runner_and_from_shards_takes_no_paths(corpus, tmp_path):
    folder, _, _ = corpus
    with pytest.raises(UsageError, match="--shards is for --runner ray"):
        ingest([str(folder)], db=tmp_path / "c.duckdb", shards=tmp_path / "s")
    with pytest.raises(UsageError, match="give no PATH"):
        ingest([str(folder)], db=tmp_path / "c.duckdb", from_shards=tmp_path)
    with pytest.raises(UsageError, match="holds no shards"):
        ingest([], db=tmp_path / "c.duckdb", from_shards=tmp_path)
    assert not (tmp_path / "c.duckdb").exists()


def test_an_unknown_runner_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown runner"):
        ingest([str(tmp_path)], db=tmp_path / "c.duckdb", runner="spark")


def test_without_ray_installed_the_error_names_the_install(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    with pytest.raises(UsageError, match=r"pip install 'newswire\[ray\]'"):
        ingest([str(tmp_path)], db=tmp_path / "c.duckdb", runner="ray", workers=1)
