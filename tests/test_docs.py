"""The docs stay honest: every command has help with an example, and the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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


# "newswire/text/clean.py", "newswire/lexicon/" ...: a path into the package named in prose.
# ("newswire/analysis@1" is the schema's name, not a path.)
_PACKAGE_PATH = re.compile(r"\bnewswire/[\w/.-]+(?![\w@])")


def _named_paths(text: str) -> set[str]:
    return {m.rstrip("/.") for m in _PACKAGE_PATH.findall(text)}


@pytest.mark.parametrize(
    "doc",
    ["README.md", "DEVELOPERS.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md")),
     *sorted(str(p.relative_to(REPO)) for p in (REPO / "newswire" / "data").iterdir() if p.suffix in (".tsv", ".txt"))],
)
def test_every_package_path_a_doc_or_data_file_names_exists(doc):
    """Modules move (the package was layered into text/, lexicon/, corpus/, present/): prose must follow."""
    missing = sorted(p for p in _named_paths((REPO / doc).read_text(encoding="utf-8")) if not (REPO / p).exists())
    assert not missing, f"{doc} names paths that do not exist: {missing}"


def _slugs(markdown: str) -> set[str]:
    """The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces to hyphens,
    a repeated heading numbered -1, -2, ..."""
    seen: dict[str, int] = {}
    slugs = set()
    in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        match = None if in_code else re.match(r"#{1,6} +(.+?) *#* *$", line)
        if not match:
            continue
        text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", match.group(1))
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        slugs.add(slug if count == 0 else f"{slug}-{count}")
    return slugs


@pytest.mark.parametrize(
    "doc", ["README.md", "DEVELOPERS.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))]
)
def test_every_link_between_the_docs_reaches_its_file_and_heading(doc):
    """The README's Measured table and docs/measured.md point at each other's sections: a renamed heading must not
    leave a link that lands at the top of a 2,000-line page."""
    source = REPO / doc
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", source.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # http:, https:, mailto:
        path, _, anchor = target.partition("#")
        file = (source.parent / path).resolve() if path else source
        if not file.exists():
            broken.append(target)
        elif anchor and file.suffix == ".md" and anchor not in _slugs(file.read_text(encoding="utf-8")):
            broken.append(target)
    assert not broken, f"{doc} links to missing files or headings: {broken}"
