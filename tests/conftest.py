"""Shared fixtures: the parser (loaded once), and the shared evaluation data when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
SEED = SHARED / "seed" / "000_20b5f4811ae35e92.txt"
SEED_PUBLISHED = "2013-09-13"


@pytest.fixture(scope="session")
def nlp():
    from newswire.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The canonical article (a 2013 wire story whose body appears twice)."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    """The seed article analysed with its publication date."""
    import newswire

    return newswire.analyze(seed_text, published=SEED_PUBLISHED)


def spans(record, path="$"):
    """Every (path, start, end, text) span in a JSON-ready record, at any depth."""
    if isinstance(record, dict):
        if {"start", "end", "text"} <= record.keys():
            yield path, record["start"], record["end"], record["text"]
        for key, value in record.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(record, list):
        for i, value in enumerate(record):
            yield from spans(value, f"{path}[{i}]")
