"""The corpus commands start without the parser: no spaCy and no rule stage behind `store`, `query`, `serve`.

Each check runs in a fresh interpreter, since this one has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import STORIES

REPO = Path(__file__).resolve().parents[1]
STAGES = ("entities", "times", "quotes", "events", "figures", "pipeline")

# Prints the heavy modules loaded after running the code it is given.
_LOADED = """
import json, sys
{code}
stages = {stages!r}
print(json.dumps(sorted(
    name for name in sys.modules
    if name.split(".")[0] in ("spacy", "trafilatura") or (name.startswith("newswire.") and name.split(".")[1] in stages)
)))
"""


def loaded_after(code: str) -> list[str]:
    script = _LOADED.format(code=code, stages=STAGES)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_the_check_sees_a_stage_when_one_is_loaded():
    assert {"spacy", "newswire.pipeline", "newswire.events"} <= set(loaded_after("import newswire.pipeline"))


def test_importing_the_corpus_modules_loads_no_parser_and_no_stage():
    assert loaded_after("import newswire, newswire.corpus.store, newswire.corpus.query, newswire.present.serve") == []


def _cli(*args: str) -> str:
    return f"""
import contextlib, io
from newswire.cli import main
sys.argv = ["newswire", *{list(args)!r}]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit as exit:
        assert exit.code == 0, exit.code
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from newswire.corpus.ingest import ingest

    folder = tmp_path_factory.mktemp("imports")
    for name in ("floods", "budget"):
        (folder / f"{name}.txt").write_text(STORIES[name])
    db = folder / "corpus.duckdb"
    ingest([str(folder)], db=db, workers=0)
    return str(db)


@pytest.mark.parametrize(
    "args",
    [
        ("sql", "SELECT count(*) FROM articles"),
        ("query", "entities", "--top", "3"),
        ("query", "quotes", "--limit", "3"),
        ("query", "events", "--type", "THREATEN", "--from", "2020-01-01"),  # the CAMEO codebook, and a date check
        ("query", "network"),
    ],
)
def test_the_corpus_commands_load_no_parser_and_no_stage(db, args):
    assert loaded_after(_cli(*args, "--db", db)) == []


@pytest.mark.parametrize("command", [("query", "events"), ("sql",), ("export",), ("serve",), ("ingest",), ()])
def test_help_loads_no_parser_and_no_stage(command):
    assert loaded_after(_cli(*command, "--help")) == []
