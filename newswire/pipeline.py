"""Wires the stages: read → clean → parse → entities, times → quotes → events, figures → Analysis.

Only wiring lives here; each stage is its own module with one public function.
`analyze_parsed` is the per-document function every runner wraps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .version import __version__
from .document import Document
from .text.clean import find_removed
from .entities import extract_entities
from .errors import NotEnglish
from .events import extract_events
from .figures import extract_figures
from .text.language import check_english
from .text.parse import BATCH_SIZE, parse, parse_many
from .quotes import extract_quotes
from .text.read import read_text, require_date
from .records import Analysis, Article, Removed, content_id
from .times import extract_times


def analyze(
    text: str,
    published: str | dt.date | None = None,
    title: str | None = None,
    *,
    url: str | None = None,
    any_language: bool = False,
) -> Analysis:
    """Analyse one article given as text.

    published: the publication date (YYYY-MM-DD or a date); relative times
        resolve against it. None when unknown.
    any_language: analyse even if the text does not look English (with a
        warning) instead of raising `NotEnglish`.
    """
    article = read_text(text, title=title, published=published_date(published), url=url)
    return analyze_article(article, any_language=any_language)


def analyze_article(article: Article, *, any_language: bool = False) -> Analysis:
    """Analyse an `Article` from the read stage."""
    removed = prepare(article, any_language=any_language)
    return analyze_parsed(article, removed, parse(article.text, removed))


def analyze_articles(articles: Iterable[Article], *, any_language: bool = False) -> Iterator[Analysis]:
    """Analyse many articles, parsing them in batches (faster than one by one).

    Articles are read and checked a batch at a time, so results come as the
    input is consumed (a bad article raises when its batch is reached).
    """
    batch: list[tuple[Article, list[Removed]]] = []
    for article in articles:
        batch.append((article, prepare(article, any_language=any_language)))
        if len(batch) >= BATCH_SIZE:
            yield from analyze_prepared(batch)
            batch = []
    yield from analyze_prepared(batch)


def analyze_prepared(items: list[tuple[Article, list[Removed]]]) -> Iterator[Analysis]:
    """Analyse articles that `prepare` has already checked and cleaned, parsing them in batches."""
    docs = parse_many((a.text, removed) for a, removed in items)
    for (article, removed), doc in zip(items, docs):
        yield analyze_parsed(article, removed, doc)


def prepare(article: Article, *, any_language: bool = False) -> list[Removed]:
    """The checks and cleaning that come before the parse."""
    try:
        check_english(article.text)
    except NotEnglish as err:
        if not any_language:
            raise
        article.warnings.append(str(err))
    return find_removed(article.text)


def analyze_parsed(article: Article, removed: list[Removed], doc: Doc) -> Analysis:
    """Everything after the parse, for one document: the per-document function.

    The stages share one document context (`document.Document`), built here once.
    """
    context = Document(doc, published=article.published)
    entities = extract_entities(doc, context=context)
    times = extract_times(doc, context=context)
    quotes = extract_quotes(doc, entities, times=times, context=context)
    events = extract_events(doc, entities, quotes, times, context=context)
    figures = extract_figures(doc, entities, quotes, times, context=context)
    return Analysis(
        id=content_id(article.text),
        text=article.text,
        title=article.title,
        url=article.url,
        published=article.published,
        version=__version__,
        removed=removed,
        entities=entities,
        quotes=quotes,
        times=times,
        events=events,
        figures=figures,
        warnings=list(article.warnings),
    )


def published_date(value: str | dt.date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return require_date(value, "published date")
