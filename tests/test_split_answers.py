"""What a user is shown of a corpus whose names were split by country batch by batch (their rows moved, articles
analysed again in between) is what the same last analyses stored in one batch show: every question that reads the
links across articles (corpus entities, corpus quotes, corpus events), asked the same way of both stores, answers the
same rows in the same order, and the entity page and `newswire query` print the same.

The link tables are compared in tests/test_link_counts.py; this compares the answers, which are what must stay the
same if the links are ever kept otherwise (a split written as one rule instead of moved rows: docs/measured.md,
issue 15)."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from test_link_counts import PEOPLE, batches, one_batch

from newswire.corpus import query
from newswire.corpus.link import corpus_entity_id
from newswire.corpus.store import Store
from newswire.records import Analysis

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from same_answers import answers as asked  # noqa: E402  (the questions bench/same_answers.py compares two stores by)


def answers(store: Store) -> dict[str, object]:
    """question (with its options) → its answer, asked about every person of the invented corpus and each of their corpus
    entities."""
    ids = [i for (i,) in store.con.execute("SELECT id FROM corpus_entities ORDER BY id").fetchall()]
    return asked(store, PEOPLE, ids, digest=False)


def printed(path, *args: str) -> list[str]:
    """What `newswire query ... --db PATH` prints (in this process)."""
    from typer.testing import CliRunner

    from newswire.cli import app

    result = CliRunner().invoke(app, ["query", *args, "--db", str(path)], env={"COLUMNS": "200"}, terminal_width=200)
    return [str(result.exit_code), result.output]


def test_questions_answer_the_same_of_splits_kept_batch_by_batch_and_of_one_batch(tmp_path):
    seen = {"split": 0, "unsplit": 0}
    for seed in range(2):
        last: dict[str, Analysis] = {}
        split: set[str] = set()
        for store in batches(tmp_path / f"{seed}.duckdb", seed, last=last):
            now = {key for key, cid in store.con.execute("SELECT key, id FROM corpus_entities").fetchall() if cid != corpus_entity_id(key)}
            seen["split"] += len(now - split)
            seen["unsplit"] += len(split - now)
            split = now
        with Store(tmp_path / f"{seed}.duckdb") as store:
            kept = answers(store)
        with one_batch(tmp_path / f"{seed}-one.duckdb", seed, last) as one:
            scratch = answers(one)
        assert kept.keys() == scratch.keys()
        assert not [q for q, a in kept.items() if isinstance(a, tuple) and a[0] == "error"]  # every question answered (a refusal would be equal too)
        for question in kept:
            assert kept[question] == scratch[question], (seed, question)
        # the command line's answers, printed
        for args in (("entity", "John Smith"), ("entity", "John Kerry"), ("quotes", "--speaker", "John Kerry"),
                     ("timeline", "--entity", "John Smith"), ("entities", "--top", "20")):
            assert printed(tmp_path / f"{seed}.duckdb", *args) == printed(tmp_path / f"{seed}-one.duckdb", *args), (seed, args)
    # rows that tie on everything else keep one order: an entity that is both source and target of one event (two of
    # an article's entities linked to one corpus entity, "John F. Kerry met John Kerry") is 'did' before 'target of'
    with Store(tmp_path / f"{seed}-one.duckdb", read_only=True) as one:
        rows = list(query.corpus_entity(one, name="John Kerry", modality="any", min_confidence=0))  # every event (corpus21's defaults filter)
    kinds = defaultdict(list)  # an event row's corpus entity, article, sentence and text → its kinds, in the answer's order
    for r in rows:
        if r[2] in ("did", "target of"):
            kinds[(r[0], r[6], r[7], r[4])].append(r[2])
    assert any(len(k) > 1 for k in kinds.values())
    assert all(k == sorted(k) for k in kinds.values())
    # the cases being checked happen: names split by country, and splits that an analysis again undid
    assert min(seen.values()) > 0, seen
