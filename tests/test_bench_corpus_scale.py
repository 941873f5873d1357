"""bench/corpus_scale.py measures the write of new articles: a store measured again (--reuse) gets articles it does not
hold, and the benchmark refuses to write stored ones again (that measured re-analysis: docs/measured.md, session 16)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import corpus_scale  # noqa: E402
from newswire.corpus.store import Store  # noqa: E402
from newswire.records import Analysis, content_id  # noqa: E402

TEXTS = (
    "The river council met on Tuesday to talk about the bridge and the new school.\n\nIts members voted late at night.",
    "A small firm opened a bakery near the harbour, and the mayor came to the opening with her two brothers.",
)


@pytest.fixture(scope="module")
def cloner() -> corpus_scale.Cloner:
    return corpus_scale.Cloner([Analysis(id=content_id(t), text=t, title="A title", published="2015-01-01") for t in TEXTS])


def stored(path: Path, new: list) -> None:
    """Write these drawn articles into the store, as the benchmark's batches do."""
    with Store(path) as store:
        run_id = store.start_run(["test"], {})
        store.add_entries([e for _, e, _ in new], [], run_id)
        store.add_results([a for a, _, _ in new], [], run_id)
        store.finish_run(run_id, {}, "finished")


def test_a_store_measured_again_gets_new_articles(tmp_path: Path, cloner: corpus_scale.Cloner) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    middle, first = corpus_scale.new_articles(path, cloner, 10_000, 100)
    assert len(first) == corpus_scale.DEDUP_ARTICLES and len({a.id for a, _, _ in first}) == len(first)
    assert middle.isoformat() == "2015-02-20"  # the middle of 100 days of 100 articles
    again_middle, again = corpus_scale.new_articles(path, cloner, 10_000, 100)
    assert [a.id for a, _, _ in again] == [a.id for a, _, _ in first]  # the same store: the same articles, whatever the code
    stored(path, first[:20])
    _, later = corpus_scale.new_articles(path, cloner, 10_000, 100)  # a store holding 20 more articles: others
    assert not {a.id for a, _, _ in later} & {a.id for a, _, _ in first}


def test_stored_articles_are_refused(tmp_path: Path, cloner: corpus_scale.Cloner, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    _, first = corpus_scale.new_articles(path, cloner, 10_000, 100)
    stored(path, first[:3])
    # a draw that gives stored articles (as the fixed seed did before) stops the run instead of measuring re-analysis
    with Store(path, read_only=True) as store:
        (held,) = store.con.execute("SELECT count(*) FROM articles").fetchone()
    assert held == 3
    real_clone = corpus_scale.Cloner.clone
    monkeypatch.setattr(corpus_scale.Cloner, "clone", lambda self, n, day: first[n - held] if n - held < 3 else real_clone(self, n, day))
    with pytest.raises(SystemExit, match="3 of the 200 new articles are stored already"):
        corpus_scale.new_articles(path, cloner, 10_000, 100)
