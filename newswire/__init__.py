"""newswire: who said what, who did what to whom, when and where, from English news.

    >>> import newswire
    >>> a = newswire.analyze(text, published="2013-09-13")
    >>> print(a.to_json())

    >>> newswire.ingest(["crawl/"], db="corpus.duckdb")     # a corpus into DuckDB
    >>> with newswire.Store("corpus.duckdb", read_only=True) as store: ...

Importing the package is cheap: each name below is imported when first used,
so `newswire.corpus.query` or `newswire.present.serve` never load spaCy or a
rule stage they do not need.

The package is layered (DEVELOPERS.md): `text/` reads, cleans and parses;
`lexicon/` holds the word lists and lookups every stage may use; the stages
`entities/`, `times/`, `quotes/`, `events/`, `figures.py` and `tone.py` turn a parsed
document into `records`; `pipeline.py` declares and wires them, and
`components.py` makes them spaCy components (`nlp.add_pipe("newswire_quotes")`);
`corpus/` stores and questions many documents; `present/` shows them (reports, tables, GDELT rows,
the web UI); `cli.py` is the command line over all of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .version import __version__

# name -> (module, attribute): the public API, imported on first use.
_API = {
    "analyze": ("newswire.pipeline", "analyze"),
    "analyze_article": ("newswire.pipeline", "analyze_article"),
    "Analysis": ("newswire.records", "Analysis"),
    "NewswireError": ("newswire.errors", "NewswireError"),
    "ingest": ("newswire.corpus.ingest", "ingest"),
    "Store": ("newswire.corpus.store", "Store"),
}

__all__ = [*_API, "__version__"]

if TYPE_CHECKING:  # for type checkers and editors; at run time see __getattr__
    from .corpus.ingest import ingest
    from .corpus.store import Store
    from .errors import NewswireError
    from .pipeline import analyze, analyze_article
    from .records import Analysis


def __getattr__(name: str):
    try:
        module, attribute = _API[name]
    except KeyError:
        raise AttributeError(f"module 'newswire' has no attribute {name!r}") from None
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
