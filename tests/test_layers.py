"""Layers: the stages meet through records and the document context, never through each other's modules.

Every module under newswire/ is read with `ast` (nothing is imported), and each
import, relative or absolute, at the top or inside a function, is resolved to
the module it names. A stage (entities, times, quotes, events, figures) may
import records, the context (`newswire/document.py`), `text/`, `lexicon/`,
`timex.py` and its own modules; `text/`, `lexicon/`, `records.py`, `timex.py`
and the context import no stage.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newswire"
STAGES = ("entities", "times", "quotes", "events", "figures", "tone")
# The layers below the stages: what every stage may use.
SHARED = ("text", "lexicon", "records", "document", "timex")


def module_name(path: Path) -> str:
    """"newswire.events.actors" for newswire/events/actors.py, "newswire.events" for its __init__.py."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(source: str, module: str, *, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, module) of every import in a module's source, relative imports resolved."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            if node.module:
                out.append((node.lineno, ".".join([*base, node.module])))
            else:  # "from . import codebook": the names are modules of the base package (or its attributes)
                out += [(node.lineno, ".".join([*base, alias.name])) for alias in node.names]
    return out


def layer_of(module: str) -> str | None:
    """The top-level part of newswire a module belongs to: "events", "text", "document", ... (None outside newswire)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "newswire" and len(parts) > 1 else None


def modules() -> list[tuple[Path, str]]:
    return [(path, module_name(path)) for path in sorted(PACKAGE.rglob("*.py"))]


def imports_of(path: Path, module: str) -> list[tuple[int, str]]:
    return imported(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")


def test_imports_resolve_relative_to_the_module():
    source = "from ..entities.model import x\nfrom . import codebook\nfrom .. import records\nimport newswire.quotes\n"
    assert imported(source, "newswire.events.actors") == [
        (1, "newswire.entities.model"),
        (2, "newswire.events.codebook"),
        (3, "newswire.records"),
        (4, "newswire.quotes"),
    ]
    assert imported("from .actors import Actor\n", "newswire.events", is_package=True) == [(1, "newswire.events.actors")]
    assert imported("def f():\n    from ..times import date_for\n", "newswire.quotes.lines") == [(2, "newswire.times")]
    assert layer_of("newswire.figures") == "figures" and layer_of("spacy.tokens") is None


def test_the_package_has_every_layer():
    found = {layer_of(m) for _, m in modules()}
    assert set(STAGES) | set(SHARED) <= found


def test_no_stage_imports_another_stage():
    wrong = []
    for path, module in modules():
        own = layer_of(module)
        if own not in STAGES:
            continue
        for line, target in imports_of(path, module):
            other = layer_of(target)
            if other in STAGES and other != own:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert not wrong, "stages meet through records and newswire.document, not each other's modules:\n" + "\n".join(wrong)


@pytest.mark.parametrize("layer", SHARED)
def test_the_shared_layers_import_no_stage(layer):
    wrong = []
    for path, module in modules():
        if layer_of(module) != layer:
            continue
        for line, target in imports_of(path, module):
            if layer_of(target) in STAGES:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert not wrong, f"{layer} sits below the stages:\n" + "\n".join(wrong)


# Above the pipeline: corpus machinery and presentation. Nothing below them imports them,
# and corpus/ (which stores and questions records) does not import present/ (which shows them).
ABOVE = ("corpus", "present", "cli")


def test_nothing_below_the_corpus_and_presentation_layers_imports_them():
    wrong = []
    for path, module in modules():
        own = layer_of(module)
        if own is None or own in ABOVE or own == "__main__":  # the package face (__init__) offers the API of every layer
            continue
        for line, target in imports_of(path, module):
            if layer_of(target) in ABOVE:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert not wrong, "the stages and shared layers sit below corpus/, present/ and cli:\n" + "\n".join(wrong)


def test_the_corpus_layer_does_not_import_the_presentation_layer():
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for path, module in modules()
        if layer_of(module) == "corpus"
        for line, target in imports_of(path, module)
        if layer_of(target) in ("present", "cli")
    ]
    assert not wrong, "corpus/ stores and questions records; present/ shows them:\n" + "\n".join(wrong)
