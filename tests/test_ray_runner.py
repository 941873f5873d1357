"""The Ray runner stores exactly what the local pool stores (on a local Ray instance)."""

from __future__ import annotations

import pytest

from newswire.errors import UsageError
from newswire.corpus.ingest import ingest

from test_ingest import corpus, snapshot  # noqa: F401  (the corpus ingested in-process once)

ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'newswire[ray]'")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_actors_store_the_same_as_one_process(corpus, tmp_path, local_ray):  # noqa: F811
    folder, db, _ = corpus
    with_ray = tmp_path / "ray.duckdb"
    summary = ingest([str(folder)], db=with_ray, workers=2, runner="ray")
    assert summary.analysed > 0 and summary.peak_worker_rss_mb > 100  # analysed in the actors, not here
    assert snapshot(with_ray) == snapshot(db)


def test_an_unknown_runner_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown runner"):
        ingest([str(tmp_path)], db=tmp_path / "c.duckdb", runner="spark")


def test_without_ray_installed_the_error_names_the_install(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    with pytest.raises(UsageError, match=r"pip install 'newswire\[ray\]'"):
        ingest([str(tmp_path)], db=tmp_path / "c.duckdb", runner="ray", workers=1)
