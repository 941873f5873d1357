"""The `newswire` command line: a thin layer over the Python API.

Every command parses its options, calls one API function and prints. Errors
newswire knows about print as one "Error: ..." line with exit status 1;
anything unexpected prints one line too (set NEWSWIRE_DEBUG=1 for the
traceback).
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from typing import Optional

import typer
from rich.console import Console

from . import __version__
from .errors import NewswireError, UsageError
from .gdelt import gdelt_tsv
from .pipeline import analyze_article, published_date
from .read import MAX_CHARS, read_path
from .report import quote_rows, render, render_quotes

app = typer.Typer(
    name="newswire",
    help="Who said what, who did what to whom, when and where: structured records from English news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True, highlight=False)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    gdelt = "gdelt"


class InputFormat(str, Enum):
    text = "text"
    html = "html"
    json = "json"


def _version(value: bool) -> None:
    if value:
        print(f"newswire {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Who said what, who did what to whom, when and where: structured records from English news."""


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Article files (text, HTML or JSON), or - for standard input.", metavar="PATH..."),
    published: Optional[str] = typer.Option(None, "--published", "-p", help="Publication date, YYYY-MM-DD (else taken from the document, else unknown)."),
    format: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Output: text (default on a terminal), json (default otherwise), jsonl, or gdelt (GDELT 2.0 event rows, tab-separated; see docs/gdelt.md)."),
    input_format: Optional[InputFormat] = typer.Option(None, "--input-format", help="Input format; by default from the file extension, else sniffed."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode text with this codec instead of UTF-8 (e.g. cp1252)."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", help="Refuse inputs longer than this many characters."),
    any_language: bool = typer.Option(False, "--any-language", help="Analyse text that does not look English (with a warning) instead of refusing it."),
    quotes_only: bool = typer.Option(False, "--quotes-only", help="Print only who said what: the quotes section (text), or one object per quote with its article id (json, jsonl)."),
) -> None:
    """Analyse news articles: entities, quotes, time expressions, events and reported figures.

    Example: newswire analyze story.txt --published 2013-09-13

    Example: newswire analyze story.txt --quotes-only --format jsonl

    Example: newswire analyze story.txt -p 2013-09-13 --format gdelt > events.tsv
    """
    fmt = format or (OutputFormat.text if sys.stdout.isatty() else OutputFormat.json)
    if quotes_only and fmt is OutputFormat.gdelt:
        raise UsageError("--quotes-only prints quotes, and GDELT rows are events; use --format text, json or jsonl with it")
    date = published_date(published) if published else None
    console = Console(highlight=False)
    results, failed = [], 0
    for path in paths:
        try:
            article = read_path(path, format=input_format.value if input_format else None, encoding=encoding, max_chars=max_chars)
            if date:
                article.published = date
            analysis = analyze_article(article, any_language=any_language)
        except NewswireError as err:
            failed += 1
            _error(f"{path}: {err}" if len(paths) > 1 or path != "-" else str(err))
            continue
        for w in analysis.warnings:
            err_console.print(f"Warning: {path}: {w}")
        if quotes_only:
            if fmt is OutputFormat.text:
                render_quotes(analysis, console)
            elif fmt is OutputFormat.jsonl:
                for row in quote_rows(analysis):
                    print(json.dumps(row, ensure_ascii=False))
            else:
                results.extend(quote_rows(analysis))
        elif fmt is OutputFormat.text:
            render(analysis, console)
        elif fmt is OutputFormat.jsonl:
            print(analysis.to_json(indent=None))
        elif fmt is OutputFormat.gdelt:
            sys.stdout.write(gdelt_tsv(analysis))
        else:
            results.append(analysis.to_dict())
    if fmt is OutputFormat.json and quotes_only:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.json and results:
        print(json.dumps(results[0] if len(paths) == 1 else results, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(1)


def _error(message: str) -> None:
    err_console.print(f"Error: {message}", markup=False, soft_wrap=True)


def main() -> None:
    """Entry point: run the app with one-line errors."""
    try:
        app()
    except NewswireError as err:
        _error(str(err))
        sys.exit(1)
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except Exception as err:  # never a traceback for the user
        if os.environ.get("NEWSWIRE_DEBUG"):
            raise
        _error(f"internal error: {type(err).__name__}: {err} (set NEWSWIRE_DEBUG=1 for the traceback and please report it)")
        sys.exit(2)


if __name__ == "__main__":
    main()
