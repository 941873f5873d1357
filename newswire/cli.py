"""The `newswire` command line: a thin layer over the Python API.

Every command parses its options, calls one API function and prints. Errors
newswire knows about print as one "Error: ..." line; anything unexpected
prints one line too (set NEWSWIRE_DEBUG=1 for the traceback). Exit status:
0 done; 1 an error newswire explains (bad input, a value it cannot use, a
store it cannot open); 2 the command line does not parse (an unknown option
or command, a value not of the option's type or choices); 3 an internal error
(a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
import time
from enum import Enum
from typing import Optional

import typer
from typer.rich_utils import rich_format_help
from rich.console import Console

from .version import __version__
from .present import terminal
from .errors import NewswireError, UsageError, internal_error
from .gdelt import gdelt_tsv
from .text.checks import LARGEST_MAX_CHARS, MAX_CHARS, check_max_chars, require_date
from .present.report import quote_rows, render, render_quotes
from .corpus.query import QUESTIONS, Question
from .corpus.store import DEFAULT_DB

app = typer.Typer(
    name="newswire",
    help="Who said what, who did what to whom, when and where: structured records from English news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# markup=False everywhere: article text is data, and "[the bill]" or "[/b]" in a
# quote must print as written, not be read as rich markup (or crash on it).
# soft_wrap: a warning, error or summary is one line however long (rich wraps at
# 80 columns when stderr is not a terminal: one warning, two lines in a log).
err_console = terminal.console(stderr=True, soft_wrap=True)


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
    published: Optional[str] = typer.Option(None, "--published", "-p", help="Publication date, YYYY-MM-DD or YYYYMMDD (else taken from the document, else unknown)."),
    format: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Output: text (default on a terminal), json (default otherwise), jsonl, or gdelt (GDELT 2.0 event rows, tab-separated; see docs/gdelt.md)."),
    input_format: Optional[InputFormat] = typer.Option(None, "--input-format", help="Input format; by default from the file extension, else sniffed."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode text with this codec instead of UTF-8 (e.g. cp1252)."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", help=f"Refuse inputs longer than this many characters (at most {LARGEST_MAX_CHARS:,})."),
    any_language: bool = typer.Option(False, "--any-language", help="Analyse text that does not look English (with a warning) instead of refusing it."),
    quotes_only: bool = typer.Option(False, "--quotes-only", help="Print only who said what: the quotes section (text), or one object per quote with its article id (json, jsonl)."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="With --format gdelt: only events whose confidence is at least this (default 0.3, as query events; 0 keeps every record). With --format text: quotes under it are left out and events under it dimmed (default 0.3; 0 shows every record alike)."),
    modality: Optional[str] = typer.Option(None, "--modality", help="With --format gdelt: only events of this modality (default asserted, as query events: GDELT rows carry no modality; any: all)."),
) -> None:
    """Analyse news articles: entities, quotes, time expressions, events and reported figures.

    Example: newswire analyze story.txt --published 2013-09-13

    Example: newswire analyze story.txt --quotes-only --format jsonl

    Example: newswire analyze story.txt -p 2013-09-13 --format gdelt > events.tsv
    """
    from .pipeline import analyze_article  # here, not above: spaCy only for the commands that parse
    from .text.read import read_path

    fmt = format or (OutputFormat.text if sys.stdout.isatty() else OutputFormat.json)
    if quotes_only and fmt is OutputFormat.gdelt:
        raise UsageError("--quotes-only prints quotes, and GDELT rows are events; use --format text, json or jsonl with it")
    if fmt is not OutputFormat.gdelt and modality is not None:
        raise UsageError("--modality chooses the events of --format gdelt; json and text show every event with its modality")
    if fmt not in (OutputFormat.gdelt, OutputFormat.text) and min_confidence is not None:
        raise UsageError("--min-confidence chooses the events of --format gdelt, and the quotes text shows (text dims the events "
                         "under it); json and jsonl keep every record with its confidence")
    rows = _gdelt_filters(min_confidence, modality) if fmt is OutputFormat.gdelt else _text_floor(min_confidence)
    _not_blank(published, "--published")
    date = require_date(published, "--published") if published else None
    check_max_chars(max_chars)  # once, not once a file
    console = terminal.console()
    results, failed = [], 0
    for path in paths:
        try:
            article = read_path(path, format=input_format.value if input_format else None, encoding=encoding, max_chars=max_chars)
            if date:
                article.published = date
            analysis = analyze_article(article, any_language=any_language)
            output = _output(analysis, fmt, quotes_only, console, rows)  # all of it made before any of it is printed
        except NewswireError as err:
            failed += 1
            _error(f"{path}: {err}" if len(paths) > 1 or path != "-" else str(err))
            continue
        except Exception as err:  # a bug on one file must not stop the others
            if os.environ.get("NEWSWIRE_DEBUG"):
                raise
            failed += 1
            _error(f"{path}: {_internal(err)}")
            continue
        for w in analysis.warnings:
            err_console.print(f"Warning: {path}: {w}")
        if isinstance(output, str):
            sys.stdout.write(output)
            sys.stdout.flush()
        else:
            results.extend(output)
    if fmt is OutputFormat.json and quotes_only:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.json and results:
        print(json.dumps(results[0] if len(paths) == 1 else results, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(1)


def _not_blank(date: str | None, option: str) -> None:
    """A date option given as "" (an unset shell variable) is an error, not "no date"."""
    if date is not None and not date.strip():
        raise UsageError(f"{option} is empty; give a date, YYYY-MM-DD, or leave the option out")


def _gdelt_filters(min_confidence: float | None, modality: str | None) -> dict:
    """The events `--format gdelt` writes: by default those `query events` shows (asserted, confidence >= EVENT_FLOOR, 0.3)."""
    from .corpus.query import EVENT_FLOOR, require_confidence, require_modality

    return {
        "min_confidence": require_confidence(EVENT_FLOOR if min_confidence is None else min_confidence, "--min-confidence"),
        "modality": require_modality("asserted" if modality is None else modality, "--modality"),
    }


def _text_floor(min_confidence: float | None) -> dict:
    """The floors of `analyze`'s text (`_output`): `query quotes`' and `query events`' (0.3) unless another is asked;
    0: none (every quote shown, no event dimmed)."""
    from .corpus.query import EVENT_FLOOR, QUOTE_FLOOR, require_confidence

    if min_confidence is None:
        return {"event_floor": EVENT_FLOOR, "quote_floor": QUOTE_FLOOR}
    floor = require_confidence(min_confidence, "--min-confidence") or None
    return {"event_floor": floor, "quote_floor": floor}


def _output(analysis, fmt: OutputFormat, quotes_only: bool, console: Console, filters: dict | None = None) -> str | list[dict]:
    """What `analyze` prints for one analysis: the text, or for --format json the records printed together at the end;
    `filters`: the filters of the GDELT rows (`_gdelt_filters`), or the floors of the text (`_text_floor`)."""
    if fmt is OutputFormat.json:
        records = quote_rows(analysis) if quotes_only else [analysis.to_dict()]
        json.dumps(records, ensure_ascii=False).encode("utf-8")  # a record that cannot be printed fails here, alone
        return records
    if fmt is OutputFormat.text:
        floors = filters or _text_floor(None)
        with console.capture() as captured:
            if quotes_only:
                render_quotes(analysis, console, quote_floor=floors["quote_floor"])
            else:
                render(analysis, console, **floors)
        return captured.get()
    if fmt is OutputFormat.gdelt:
        return gdelt_tsv(analysis, **(filters or {}))
    rows = [json.dumps(row, ensure_ascii=False) for row in quote_rows(analysis)] if quotes_only else [analysis.to_json(indent=None)]
    return "".join(row + "\n" for row in rows)


class RowsFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    gdelt = "gdelt"


_DB_HELP = "The DuckDB corpus file."
# options every question shares (typer reads them; one object serves every command)
_DB = typer.Option(DEFAULT_DB, "--db", help=_DB_HELP)
_FORMAT = typer.Option(
    None, "--format", "-f",
    help="Output: table (default on a terminal), csv, jsonl (default otherwise) or parquet (needs --out); by default from --out's extension.",
)
_OUT = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output (- is standard output): .csv, .jsonl (or .json), .parquet, .txt (a table), or any name with --format.")


@app.command()
def ingest(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, folders (read recursively) or glob patterns: .txt, .html, .json, .jsonl, .warc, any of them .gz.", metavar="PATH..."),
    db: str = typer.Option(DEFAULT_DB, "--db", help=_DB_HELP + " Created if absent; a re-run adds only what is new."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Analysis processes (default: all cores; 0: in this process)."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Analyse near-duplicate articles too (they are linked to their canonical article either way)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Analyse again the articles whose analysis failed in an earlier run."),
    any_language: bool = typer.Option(False, "--any-language", help="Analyse text that does not look English instead of recording it as failed."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", help=f"Refuse documents longer than this many characters (at most {LARGEST_MAX_CHARS:,})."),
    default_published: Optional[str] = typer.Option(None, "--default-published", help="Publication date, YYYY-MM-DD or YYYYMMDD, for documents that carry none (a document's own date wins)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    runner: str = typer.Option("local", "--runner", help="local (a process pool here) or ray (Ray actors; pip install 'newswire\\[ray]')."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="With --runner ray: the cluster to join (e.g. auto); default a local Ray instance."),
    dedup_window: int = typer.Option(7, "--dedup-window", help="Look for near-duplicates among articles published at most this many days apart (undated ones: among undated ones)."),
    shards: Optional[str] = typer.Option(None, "--shards", help="With --runner ray: run the whole per-document path on the cluster, write Parquet shards to this folder, then load them (a re-run skips the shards made)."),
    from_shards: Optional[str] = typer.Option(None, "--from-shards", help="Load the shards in this folder (made by --runner ray --shards) instead of reading PATHs."),
) -> None:
    """Ingest articles into a DuckDB corpus: each analysed once, duplicates linked, failures recorded.

    Example: newswire ingest crawl/ feeds/*.jsonl --db corpus.duckdb --workers 2
    """
    began = time.perf_counter()
    from .corpus.ingest import ingest as run_ingest

    _not_blank(default_published, "--default-published")
    if default_published:
        default_published = require_date(default_published, "--default-published")
    with _progress(quiet) as on_progress:
        summary = run_ingest(
            paths or [], db=db, workers=workers, keep_duplicates=keep_duplicates, retry_failed=retry_failed,
            any_language=any_language, max_chars=max_chars, default_published=default_published, on_progress=on_progress,
            runner=runner, ray_address=ray_address, dedup_window=dedup_window, shards=shards, from_shards=from_shards,
            on_message=lambda message: err_console.print(message, markup=False, highlight=False, soft_wrap=True),
        )
    new_failures = summary.failed - summary.failed_before
    for failure in summary.first_failures:
        _error(f"{failure.document}: {failure.message}")
    if new_failures > len(summary.first_failures):
        _error(f"... {new_failures - len(summary.first_failures)} more: newswire sql \"SELECT * FROM errors\" --db {db}")
    if summary.failed_before:  # recorded by an earlier run: not shown again, and no failure of this run
        err_console.print(f"Note: {summary.failed_before} of the failed documents failed as in an earlier run (the same error, "
                          f"recorded then: newswire sql \"SELECT * FROM errors\" --db {db})", markup=False, highlight=False, soft_wrap=True)
    err_console.print(
        f"{summary.db} (run {summary.run_id}): {_count(summary.documents, 'document')}, {_count(summary.added, 'new article')} "
        f"({_count(summary.duplicates, 'duplicate')}), {summary.analysed:,} analysed, {summary.skipped:,} already stored, "
        f"{summary.failed:,} failed, in {time.perf_counter() - began:.1f} s (wall time, start-up included)",
        markup=False, highlight=False, soft_wrap=True,
    )
    if summary.ignored_dates:  # stored all the same, undated (or with --default-published): the warning is the article's
        err_console.print(
            f"Warning: {_count(summary.ignored_dates, 'document')} with a JSON \"published\" value that is not a date "
            f"({'dated --default-published' if default_published else 'stored undated'}; each article keeps the warning in "
            f"articles.warnings), the first: {summary.first_ignored_date}",
            markup=False, highlight=False, soft_wrap=True,
        )
    if not summary.documents and paths:  # a folder of PDFs, a mistyped pattern: say so rather than a silent 0
        from .corpus.sources import KNOWN

        err_console.print(f"Warning: no documents in {', '.join(paths)}: newswire reads {', '.join(KNOWN)} files (any of them .gz), "
                          f"in folders walked recursively", markup=False, highlight=False, soft_wrap=True)
    if new_failures:
        raise typer.Exit(1)


class _progress:
    """A rich progress bar on standard error (documents, rate, ETA) while a run goes; nothing when quiet or not a terminal."""

    def __init__(self, quiet: bool):
        self.bar = None
        if not quiet and err_console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=err_console, transient=True,
            )
            self.task = self.bar.add_task("ingest", total=None, rate="")

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.start()
        return self.update

    def update(self, summary) -> None:
        rate = f"{summary.done / summary.seconds:.1f}/s" if summary.seconds > 1 else ""
        self.bar.update(self.task, completed=summary.done, total=summary.expected or None, rate=rate)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


query_app = typer.Typer(
    help="Answer the common questions about a corpus without SQL.\n\nExample: newswire query entities --top 20 --db corpus.duckdb",
    no_args_is_help=True,
)
app.add_typer(query_app, name="query")


def _print_rows(rows, format: Optional[RowsFormat], out: Optional[str], db: str) -> None:
    from .present.output import write_rows

    if out is not None and any(_same_file(out, path) for path in (db, db + ".wal", db + ".ingest.lock", db + ".checked")):
        raise UsageError(f"--out {out} is the database {db} itself (or its log, lock or check stamp), which writing would destroy; pass another file")
    write_rows(rows, format=format.value if format else None, out=out, console=terminal.console())
    _note_empty(rows, format, out)


def _note_empty(rows, format: Optional[RowsFormat], out: Optional[str]) -> None:
    """On standard error: that an answer has no rows, where its output alone does not say so (JSON lines and Parquet
    hold nothing, CSV its header alone; a table says "(no rows)" itself). A streamed SQL answer is not counted."""
    from .corpus.query import Rows
    from .present.output import SUFFIXES

    if not isinstance(rows, Rows) or len(rows):
        return
    to_stdout = out is None or out == "-"
    shown = format.value if format else (SUFFIXES.get(os.path.splitext(out)[1].lower()) if not to_stdout else None)
    if shown == "table" or (shown is None and to_stdout and sys.stdout.isatty()):
        return
    err_console.print("Note: no rows: nothing in the store answers this question with these options.", soft_wrap=True, markup=False, highlight=False)


def _answer(question: str, db: str, format: Optional[RowsFormat], out: Optional[str], **options) -> None:
    """Ask one of `newswire.corpus.query`'s questions of the store and print the answer."""
    from .corpus import query
    from .corpus.store import Store

    with Store(db, read_only=True) as store:
        rows = getattr(query, question)(store, **options)  # the options checked first: a bad one is the only line
        if question == "timeline" and options.get("entity") is not None and options.get("id") is None:
            _note_who(query.corpus_entities_named(store, name=options["entity"]), options["entity"])
        elif question == "corpus_entity":
            _note_who(query.corpus_entities_named(store, name=options["name"]), options["name"], timeline=False)
            _note_entity_left_out(store, options)
        elif question == "events" and options.get("min_confidence") == query.EVENT_FLOOR:
            _note_floor(store, options)
        elif question == "quotes" and options.get("min_confidence") == query.QUOTE_FLOOR and options.get("spread") is None:
            _note_floor(store, options, "quotes")
        elif question == "quotes":
            _note_unrated(store, options)
        _print_rows(rows, format, out, db)


def _note_floor(store, options: dict, question: str = "events") -> None:
    """On standard error: how many records the default confidence floor left out of `query events`' or `query
    quotes`' answer, if any."""
    from .corpus import query

    floor, why = {"events": (query.EVENT_FLOOR, "docs/events.md#confidence"),
                  "quotes": (query.QUOTE_FLOOR, "docs/measured.md#session-twenty-quotes20f-a-default-floor-for-quotes")}[question]
    asked = {k: v for k, v in options.items() if k != "limit"}
    left_out = query.page(store, question, limit=1, **{**asked, "min_confidence": 0}).total - query.page(store, question, limit=1, **asked).total
    if left_out:
        what = question if left_out != 1 else question.removesuffix("s")
        err_console.print(f"Note: {left_out:,} {what} under confidence {floor} left out (most records there are wrong: "
                          f"{why}); --min-confidence 0 shows them.", soft_wrap=True, markup=False, highlight=False)


def _note_unrated(store, options: dict) -> None:
    """On standard error: how many quotes stored without a confidence (by a version before quote confidence) a floor
    above QUOTE_FLOOR left out of `query quotes`' answer, if any: such a quote counts as at the floor."""
    from .corpus import query

    left_out = query.unrated_left_out(store, **options)
    if left_out:
        what = "quotes" if left_out != 1 else "quote"
        err_console.print(f"Note: {left_out:,} {what} stored without a confidence (by a version of newswire before quote "
                          f"confidence) left out: such a quote counts as at confidence {query.QUOTE_FLOOR}, under "
                          f"--min-confidence {options['min_confidence']}; --min-confidence {query.QUOTE_FLOOR} shows them.",
                          soft_wrap=True, markup=False, highlight=False)


def _note_entity_left_out(store, options: dict) -> None:
    """On standard error: which quotes and events `query entity` listed (those `query quotes` and `query events`
    list: asserted events, both at the floor, unless asked otherwise) and how many others it left out, if any."""
    from .corpus import query

    modality, floor = options.get("modality"), options.get("min_confidence")
    left_out = query.corpus_entity_left_out(store, name=options["name"], modality=modality, min_confidence=floor)
    if not any(left_out.values()):
        return
    events = "events" if modality in (None, query.ANY_MODALITY) else f"{modality} events"
    at = f" at confidence {floor} or above" if floor else ""
    counted = " and ".join(f"{n:,} {what if n != 1 else what.removesuffix('s')}" for what, n in left_out.items() if n)
    usual = " (as `query quotes` and `query events` do by default)" if (modality, floor) == ("asserted", query.EVENT_FLOOR) else ""
    err_console.print(f"Note: these rows list quotes and {events}{at}{usual}; {counted} "
                      f"of this name left out; --modality any --min-confidence 0 lists every one.",
                      soft_wrap=True, markup=False, highlight=False)


def _count(n: int, noun: str) -> str:
    """ "1 document", "2 documents", "1,200 new articles": a count and its noun, plural unless one."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _note_who(choices: list[dict], name: str, timeline: bool = True) -> None:
    """On standard error: the corpus entities a timeline's name mixes, each with the --id that asks for it alone;
    or those `query entity` lists one after the other (most articles first: a page may show only the first)."""
    if timeline and (not choices or (len(choices) == 1 and choices[0]["exact"])):  # no corpus entity, or the name's own alone
        return
    if not timeline and len(choices) < 2:
        return
    several = len(choices) > 1
    err_console.print(f"Note: {name!r} names {len(choices)} {'entities' if several else 'entity'} across articles; "
                      + (f"this timeline holds every entity of that name{' (mixed)' if several else ''}. For one alone, --id:" if timeline
                         else "these rows list them one after the other, most articles first (--limit for more). "
                              "The timeline of one alone: newswire query timeline --id:"),
                      soft_wrap=True, markup=False, highlight=False)
    for c in choices:
        said = ", ".join(str(v) for v in (c["type"], c["country"], c["actor"], *c["titles"][:2]) if v)
        err_console.print(f"  --id {c['id']}  {c['name']} ({said}; {_count(c['articles'], 'article')})", soft_wrap=True, markup=False, highlight=False)


def _question_command(question: Question) -> None:
    """Add `newswire query NAME` for one of the API's questions, its options built from the question's declared
    parameters (`newswire.corpus.query.QUESTIONS`), then --db, --format and --out."""

    def command(**options) -> None:
        _answer(question.name, options.pop("db"), options.pop("format"), options.pop("out"), **options)

    parameters = []
    for param in question.params:
        default = ... if param.required else param.default
        annotation = param.type if param.required or param.default is not None else Optional[param.type]
        option = typer.Argument(default, help=param.help, metavar=param.argument) if param.argument else typer.Option(default, *param.flags, help=param.help)
        parameters.append(inspect.Parameter(param.keyword, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=annotation))
    for name, option, annotation in (("db", _DB, str), ("format", _FORMAT, Optional[RowsFormat]), ("out", _OUT, Optional[str])):
        parameters.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=annotation))
    command.__signature__ = inspect.Signature(parameters)  # what typer reads the options from
    command.__name__ = f"query_{question.name}"
    command.__doc__ = f"{question.summary}\n\nExample: {question.example}"
    query_app.command(question.command_name)(command)


for _question in QUESTIONS.values():
    _question_command(_question)


@app.command()
def serve(
    db: str = _DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only; any other serves the corpus to the network, without a password: see docs/serve.md)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    allow_host: list[str] = typer.Option([], "--allow-host", help="Also answer requests for this host name (repeatable), e.g. the name a reverse proxy passes on; by default only --host, localhost, 127.0.0.1 and [::1].", metavar="NAME"),
) -> None:
    """Browse a corpus in a web browser: who said what, events, timelines, the actor network.

    Example: newswire serve --db corpus.duckdb --port 8000   (then open http://127.0.0.1:8000)
    """
    from .present.serve import is_loopback
    from .present.serve import serve as run_server

    def announce(address: str) -> None:
        err_console.print(f"newswire: serving {db} at {address} (Ctrl-C to stop)", soft_wrap=True)
        if not is_loopback(host):
            err_console.print(
                f"Warning: --host {host} serves the UI beyond this machine: anyone who can reach it can read the whole "
                "corpus, and newswire asks for no password; keep --host 127.0.0.1 behind a reverse proxy with "
                "authentication instead (docs/serve.md)",
                soft_wrap=True,
            )

    run_server(db, host=host, port=port, on_ready=announce, allow_hosts=allow_host)


@app.command()
def sql(
    statement: str = typer.Argument(..., help="One SQL query; the database is opened read-only.", metavar="SQL"),
    db: str = _DB,
    format: Optional[RowsFormat] = _FORMAT,
    out: Optional[str] = _OUT,
) -> None:
    """Run a read-only SQL query on the corpus (tables: see docs/store.md).

    Example: newswire sql "SELECT title, published FROM articles WHERE duplicate_of IS NULL"
    """
    from .corpus.query import sql_stream

    with sql_stream(db, statement) as rows:  # written as read: an answer of any size
        _print_rows(rows, format, out, db)


@app.command()
def export(
    directory: str = typer.Argument(..., help="Folder to write one file per table to (created if absent).", metavar="DIR"),
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="parquet or jsonl (one file per table), or gdelt (the events as GDELT 2.0 rows in events.export.tsv, their Mentions rows in events.mentions.tsv; see docs/gdelt.md)."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="With --format gdelt: only events whose confidence is at least this (default 0.3, as query events; 0 keeps every record)."),
    modality: Optional[str] = typer.Option(None, "--modality", help="With --format gdelt: only events of this modality (default asserted, as query events: GDELT rows carry no modality; any: all)."),
    db: str = _DB,
) -> None:
    """Write the whole store, one file per table (or the events as GDELT rows).

    Example: newswire export out/ --format parquet --db corpus.duckdb

    Example: newswire export out/ --format gdelt
    """
    from .corpus.query import export as run_export

    if format is not ExportFormat.gdelt and (min_confidence is not None or modality is not None):
        raise UsageError("--min-confidence and --modality choose the events of --format gdelt; parquet and jsonl write every table whole")
    notes: list[str] = []
    for path in run_export(db, directory, format=format.value, notes=notes, **_gdelt_filters(min_confidence, modality)):
        print(path)
    for note in notes:
        err_console.print(f"Note: {note}", markup=False, highlight=False, soft_wrap=True)


def _same_file(a: str, b: str) -> bool:
    """Whether two paths name one file: the same file on disk, or (when `b` does not exist yet, as a database's log
    between writes) the same path once links and ".." are resolved."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # either is missing (or no path at all)
        pass
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def _error(message: str) -> None:
    err_console.print(f"Error: {message}", markup=False, soft_wrap=True)


# click's exceptions, from wherever this typer takes click (its own copy since 0.26)
_click_errors = sys.modules[typer.BadParameter.__module__]
_NoArgsIsHelp = getattr(_click_errors, "NoArgsIsHelpError", ())  # click 8.2+


def typer_help(err) -> None:
    """The help typer prints for a command given no arguments (as it does in its own standalone mode)."""
    rich_format_help(obj=err.ctx.command, ctx=err.ctx, markup_mode=app.rich_markup_mode)


def _internal(err: Exception) -> str:
    return f"{internal_error(err)} (set NEWSWIRE_DEBUG=1 for the traceback and please report it)"


def main() -> None:
    """Entry point: run the app with one-line errors."""
    try:
        code = app(standalone_mode=False)  # click's own errors come here too, to be one line
    except _NoArgsIsHelp as err:  # `newswire` or `newswire query` alone: the help
        typer_help(err)
        sys.exit(err.exit_code)
    except _click_errors.UsageError as err:  # a typo in the command line: one line, and where the help is
        message = err.format_message().rstrip(".")
        if err.ctx:  # after click's "Did you mean 'analyze'?" a sentence of its own, else a clause
            message += f"{' See' if message.endswith('?') else '; see'} '{err.ctx.command_path} --help'"
        _error(message)
        sys.exit(err.exit_code)
    except _click_errors.ClickException as err:
        _error(err.format_message())
        sys.exit(err.exit_code)
    except _click_errors.Abort:
        _error("aborted")
        sys.exit(1)
    except NewswireError as err:
        _error(str(err))
        sys.exit(1)
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except Exception as err:  # never a traceback for the user
        if os.environ.get("NEWSWIRE_DEBUG"):
            raise
        _error(_internal(err))
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)  # a command's typer.Exit(code), else success, as click's standalone mode ends


if __name__ == "__main__":
    main()
