"""The docs stay honest: every command has help with an example, and the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from newswire.cli import app

REPO = Path(__file__).resolve().parents[1]


def commands():
    import typer.main

    group = typer.main.get_command(app)
    return group.commands


def command_paths():
    """Every command as its words: ["analyze"], ["query", "quotes"], ..."""
    import click

    for name, command in commands().items():
        if isinstance(command, click.Group):
            for sub in command.commands:
                yield [name, sub]
        yield [name]


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for words in command_paths():
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, words
        assert "Example" in result.output, f"`newswire {' '.join(words)} --help` has no example"


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text()
    for words in command_paths():
        assert f"newswire {' '.join(words)}" in readme, f"README does not mention `newswire {' '.join(words)}`"


def test_readme_setup_commands_match_ci():
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    test_command = re.search(r"python3 -m venv \.venv && \.venv/bin/pip install [^\n`]*\[test\][^\n`]*", ci).group(0)
    assert test_command in readme, "the README's test command and .ci/run differ"


def test_schema_doc_lists_every_top_level_field():
    import json

    schema = json.loads((REPO / "newswire" / "schema" / "analysis-1.schema.json").read_text())
    doc = (REPO / "docs" / "schema.md").read_text()
    for field in schema["properties"]:
        assert f"`{field}`" in doc, field
