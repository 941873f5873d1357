"""The canned questions: one declaration of their parameters (CLI, HTTP, page), and only columns the tables have."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from newswire.errors import UsageError
import typer.main

from newswire.cli import app
from newswire.corpus import query
from newswire.corpus.query import QUESTIONS
from newswire.corpus.store import TABLES, Store
from newswire.present import serve

REPO = Path(__file__).resolve().parents[1]
# the table each alias in query.py's SQL stands for (n and x are the timeline's own CTE and subquery)
ALIASES = {"a": "articles", "q": "quotes", "e": "entities", "se": "entities", "te": "entities", "m": "mentions", "ev": "events", "f": "figures"}
# a value of each kind of parameter that every question accepts
VALUES = {"text": "Kerry", "actor": "SYR", "date": "2013-09-01", "count": 5, "number": 2, "modality": "asserted",
          "confidence": 0.5, "grouping": "month", "flag": True, "corpus_id": "C" + "0" * 15}


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "empty.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store:
        yield store


def sql_in_query_py() -> list[str]:
    """Every string in query.py that is not a docstring: the SQL and its pieces."""
    tree = ast.parse((REPO / "newswire" / "corpus" / "query.py").read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_every_column_query_py_names_is_in_the_generated_tables():
    named = set()
    for text in sql_in_query_py():
        for alias, column in re.findall(r"\b([a-z]+)\.\"?([a-z_]+)\b(?!\.)", text):
            if alias in ALIASES:
                named.add((ALIASES[alias], column))
    assert len(named) > 30, "the SQL was not found"
    # rowid: DuckDB's own row number, which every table has (text search picks a page's rows by it)
    missing = sorted(f"{table}.{column}" for table, column in named if column not in {c.name for c in TABLES[table]} | {"rowid"})
    assert not missing, f"query.py names columns the tables do not have: {missing}"


@pytest.mark.parametrize("name", QUESTIONS)
def test_every_question_runs_with_every_parameter_on_the_generated_tables(empty_store, name):
    """DuckDB binds every column a query names, even on empty tables: a column the tables lack is an error here."""
    question = QUESTIONS[name]
    options = {p.keyword: VALUES[p.kind] for p in question.params}
    if name == "entities":
        options["type"] = "PERSON"
    if name == "quotes":
        options["type"] = "direct"
        spread = {k: options[k] for k in ("speaker", "search", "limit")}
        assert question(empty_store, **spread, spread=2).columns  # --spread: the quotations across outlets
        with pytest.raises(UsageError, match="--spread lists quotations across outlets"):
            question(empty_store, **options)
        del options["spread"]
    if name == "figures":  # what a figure counts is one of data/figures.tsv's kinds, checked like an event type
        options["what"] = "killed"
        with pytest.raises(UsageError, match="unknown --what"):
            question(empty_store, **{**options, "what": "Kerry"})
    if name in ("events", "places", "stories"):  # a type the codebook knows
        options["type"] = "13"
        assert question(empty_store, **{**options, "type": "THREATEN"}).rows == []
    rows = question(empty_store, **options)
    assert rows.rows == [] and rows.columns


@pytest.mark.parametrize("name", QUESTIONS)
def test_the_declaration_is_the_functions_signature(name):
    question = QUESTIONS[name]
    signature = inspect.signature(getattr(query, name))
    parameters = list(signature.parameters.values())[1:]  # after the store
    assert [p.name for p in parameters] == [p.keyword for p in question.params]
    for declared, actual in zip(question.params, parameters):
        expected = inspect.Parameter.empty if declared.required else declared.default
        assert actual.default == expected, declared.keyword


@pytest.mark.parametrize("name", QUESTIONS)
def test_the_cli_options_are_the_declared_ones(name):
    question = QUESTIONS[name]
    command = typer.main.get_command(app).commands["query"].commands[question.command_name]
    options = [p for p in command.params if p.param_type_name == "option" and p.name not in ("db", "format", "out")]
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    declared = [p for p in question.params if not p.argument]
    assert [tuple(o.opts) for o in options] == [p.flags for p in declared]
    assert [(a.name, a.metavar, a.required) for a in arguments] == [(p.keyword, p.argument, p.required) for p in question.params if p.argument]
    for option, param in zip(options, declared):
        assert option.help == param.help and option.required == param.required
        assert option.default == (None if param.required else param.default)
    assert command.help == f"{question.summary}\n\nExample: {question.example}"


@pytest.mark.parametrize("name", QUESTIONS)
def test_the_endpoint_parameters_are_the_declared_ones(name):
    question = QUESTIONS[name]
    # then the paging parameters every endpoint takes
    assert list(serve._PARAMS[name]) == [p.name for p in question.params] + list(serve.PAGING)
    assert [keyword for keyword, _, _ in serve._PARAMS[name].values()] == [p.keyword for p in question.params] + list(serve.PAGING)


def page_tabs() -> dict[str, tuple[list[str], list[str]]]:
    """The page's tabs (web/app.js): its form fields and the columns it shows, by endpoint."""
    script = (REPO / "newswire" / "present" / "web" / "app.js").read_text(encoding="utf-8")
    body = re.search(r"const TABS = \{(.*?)\n\};", script, re.S).group(1)
    tabs = {}
    for fields, api, cols in re.findall(r'\{fields: \[(.*?)\],\s*api: "(\w+)",\s*cols: \[(.*?)\]\}', body, re.S):
        tabs[api] = (re.findall(r'\["(\w+)", "', fields), re.findall(r'"(\w+)"', cols))
    return tabs


def test_the_page_asks_declared_parameters_and_shows_columns_the_answers_have(empty_store):
    tabs = page_tabs()
    assert set(tabs) == set(QUESTIONS)
    for name, (fields, cols) in tabs.items():
        question = QUESTIONS[name]
        assert set(fields) <= {p.name for p in question.params}, name
        # the timeline needs an entity's name or a corpus entity's id, neither alone required
        asked = {p.keyword: VALUES[p.kind] for p in question.params if p.required or (name == "timeline" and p.keyword == "entity")}
        answer = question(empty_store, **asked)
        assert set(cols) <= set(answer.columns), f"app.js shows columns /api/{name} does not answer: {set(cols) - set(answer.columns)}"


def test_the_page_offers_every_modality_with_the_served_default_first():
    script = (REPO / "newswire" / "present" / "web" / "app.js").read_text(encoding="utf-8")
    offered = re.findall(r'"(\w+)"', re.search(r'\["modality", \[(.*?)\]\]', script).group(1))
    default = next(p.served_default for p in QUESTIONS["events"].params if p.name == "modality")
    assert offered[0] == default and sorted(offered) == sorted([*query.MODALITIES, query.ANY_MODALITY])
