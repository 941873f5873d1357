"""Wires the stages: read → clean → parse → entities, times → quotes → events, figures; tone → Analysis.

Only wiring lives here; each stage is its own module with one public function.
The stages after the parse are declared once, in order, in `STAGES` (name,
function, the stages whose records it needs); `analyze_parsed` runs them and
is the per-document function every runner wraps. The spaCy components
(`newswire.components`) run the same declared stages.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .version import __version__
from .document import Document
from .text.clean import find_removed
from .text.headline import headline
from .entities import extract_entities
from .errors import NotEnglish, UsageError
from .events import extract_events
from .figures import extract_figures
from .text.language import check_english
from .text.parse import BATCH_SIZE, blank, parse, parse_many
from .quotes import EXTRACTED_KINDS, extract_quotes
from .text.read import read_text, require_date
from .records import Analysis, Article, Removed, Tone, content_id
from .times import extract_times
from .tone import extract_tone

# --- the stages ---------------------------------------------------------------------------

# What the earlier stages found in one document: stage name → its records.
Found = dict[str, list]


@dataclass(frozen=True)
class Stage:
    """One stage after the parse.

    name: "quotes"; also the `Analysis` field its records fill (`gives`), and the
        spaCy component's name after "newswire_" (`doc._.quotes`).
    run: (doc, context, found, **settings) → the records (a list; for the tone stage, one `Tone`); `found` holds the records of
        at least the stages it `needs`; settings are the component's (quotes: `kinds`).
    needs: the stages whose records it reads, all earlier in `STAGES`.
    """

    name: str
    run: Callable[..., list | Tone]
    needs: tuple[str, ...] = ()

    @property
    def gives(self) -> str:
        """The `Analysis` field (and `doc._` attribute) its records fill."""
        return self.name


def _entities(doc: Doc, context: Document, found: Found, *, matchers=None) -> list:
    return extract_entities(doc, context=context, matchers=matchers)


def _times(doc: Doc, context: Document, found: Found) -> list:
    return extract_times(doc, context=context)


def _quotes(doc: Doc, context: Document, found: Found, *, kinds: tuple[str, ...] = EXTRACTED_KINDS) -> list:
    return extract_quotes(doc, found["entities"], times=found["times"], kinds=kinds, context=context)


def _events(doc: Doc, context: Document, found: Found) -> list:
    return extract_events(doc, found["entities"], found["quotes"], found["times"], context=context)


def _figures(doc: Doc, context: Document, found: Found) -> list:
    return extract_figures(doc, found["entities"], found["quotes"], found["times"], context=context)


def _tone(doc: Doc, context: Document, found: Found) -> Tone:
    return extract_tone(doc, context=context)


STAGES: tuple[Stage, ...] = (
    Stage("entities", _entities),
    Stage("times", _times),
    Stage("quotes", _quotes, needs=("entities", "times")),
    Stage("events", _events, needs=("entities", "quotes", "times")),
    Stage("figures", _figures, needs=("entities", "quotes", "times")),
    Stage("tone", _tone),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


def select(stages: Iterable[str | Stage] | None) -> tuple[Stage, ...]:
    """The stages to run, in `STAGES` order: all when None.

    Each is a name from `STAGES` or a `Stage` (a variant of one: the benchmark's
    quotes stage that finds nothing). A stage whose needs are not selected is a
    `UsageError` naming them: no stage runs on records it was not given.
    """
    if stages is None or stages is STAGES:
        return STAGES
    by_name = {s.name: s for s in STAGES}
    chosen: dict[str, Stage] = {}
    for stage in stages:
        if not isinstance(stage, Stage):
            if stage not in by_name:
                raise UsageError(f"unknown stage {stage!r}: the stages are {', '.join(STAGE_NAMES)}")
            stage = by_name[stage]
        chosen[stage.name] = stage
    for stage in chosen.values():
        missing = [n for n in stage.needs if n not in chosen]
        if missing:
            raise UsageError(f"the {stage.name} stage needs {' and '.join(missing)}: add them to the stages")
    return tuple(sorted(chosen.values(), key=lambda s: STAGE_NAMES.index(s.name) if s.name in by_name else len(STAGES)))


def run_stages(doc: Doc, context: Document, stages: tuple[Stage, ...] = STAGES, *, timings: dict[str, float] | None = None) -> Found:
    """Run `stages` (from `select`) in order on one parsed document; their records by stage name.

    timings: when given, each stage's seconds are added to it under the stage's name.
    """
    found: Found = {}
    if timings is None:
        for stage in stages:
            found[stage.gives] = stage.run(doc, context, found)
    else:
        for stage in stages:
            start = time.perf_counter()
            found[stage.gives] = stage.run(doc, context, found)
            timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - start
    return found


# --- the pipeline -------------------------------------------------------------------------


def analyze(
    text: str,
    published: str | dt.date | None = None,
    title: str | None = None,
    *,
    url: str | None = None,
    any_language: bool = False,
    stages: Iterable[str] | None = None,
) -> Analysis:
    """Analyse one article given as text.

    published: the publication date (YYYY-MM-DD or a date); relative times
        resolve against it. None when unknown.
    any_language: analyse even if the text does not look English (with a
        warning) instead of raising `NotEnglish`.
    stages: the stages to run (names from `STAGE_NAMES`; each with the stages it
        needs); the records of the others are empty. None: all.
    """
    article = read_text(text, title=title, published=published_date(published), url=url)
    return analyze_article(article, any_language=any_language, stages=stages)


def analyze_article(article: Article, *, any_language: bool = False, stages: Iterable[str] | None = None) -> Analysis:
    """Analyse an `Article` from the read stage."""
    chosen = select(stages)
    removed = prepare(article, any_language=any_language)
    return analyze_parsed(article, removed, parse(article.text, removed), stages=chosen)


def analyze_articles(
    articles: Iterable[Article], *, any_language: bool = False, stages: Iterable[str | Stage] | None = None
) -> Iterator[Analysis]:
    """Analyse many articles, parsing them in batches (faster than one by one).

    Articles are read and checked a batch at a time, so results come as the
    input is consumed (a bad article raises when its batch is reached).
    """
    chosen = select(stages)
    batch: list[tuple[Article, list[Removed]]] = []
    for article in articles:
        batch.append((article, prepare(article, any_language=any_language)))
        if len(batch) >= BATCH_SIZE:
            yield from analyze_prepared(batch, stages=chosen)
            batch = []
    yield from analyze_prepared(batch, stages=chosen)


def analyze_prepared(
    items: list[tuple[Article, list[Removed]]], *, stages: Iterable[str | Stage] | None = None
) -> Iterator[Analysis]:
    """Analyse articles that `prepare` has already checked and cleaned, parsing them in batches."""
    chosen = select(stages)
    docs = parse_many((a.text, removed) for a, removed in items)
    for (article, removed), doc in zip(items, docs):
        yield analyze_parsed(article, removed, doc, stages=chosen)


def prepare(article: Article, *, any_language: bool = False) -> list[Removed]:
    """The checks and cleaning that come before the parse."""
    try:
        check_english(article.text)
    except NotEnglish as err:
        if not any_language:
            raise
        article.warnings.append(str(err))
    removed = find_removed(article.text)
    if removed and not any(c.isalnum() for c in blank(article.text, removed)):
        # a text that is all one unbroken run, or all boilerplate: empty records are no finding, and are said to be so
        reasons = ", ".join(sorted({r.reason for r in removed}))
        article.warnings.append(f"nothing left to analyse: cleaning left out all of the text ({reasons}); every record is empty")
    return removed


def analyze_parsed(
    article: Article,
    removed: list[Removed],
    doc: Doc,
    *,
    stages: Iterable[str | Stage] | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    """Everything after the parse, for one document: the per-document function.

    The stages share one document context (`document.Document`), built here once.
    stages: those to run (`select`; None: all); the records of the others are empty.
    timings: when given, each stage's seconds are added to it (`run_stages`).
    """
    context = Document(doc, published=article.published)
    found = run_stages(doc, context, select(stages), timings=timings)
    _settle()
    return Analysis(
        id=content_id(article.text),
        text=article.text,
        title=article.title if article.title is not None else headline(article.text, removed, doc),
        url=article.url,
        published=article.published,
        version=__version__,
        removed=removed,
        entities=found.get("entities", []),
        quotes=found.get("quotes", []),
        times=found.get("times", []),
        events=found.get("events", []),
        figures=found.get("figures", []),
        tone=found.get("tone"),
        warnings=list(article.warnings),
    )


_settled = False


def _settle() -> None:
    """Once per process, after the first document's stages: collect, then freeze what is left (`gc.freeze`).

    By then the spaCy model and the data files the stages read (lexicon tables, matchers, compiled patterns) are
    loaded and stay for the life of the process: a few hundred thousand objects that Python's cyclic garbage
    collector would otherwise walk again at every full collection, which the many short-lived objects of each
    document's analysis keep setting off (about a tenth of the stages' time). Frozen objects are still freed by
    reference counting as usual; only the cycle collector leaves them alone. Nothing any record holds changes. The
    first document's own objects are frozen with them: if any form a reference cycle, that one document's worth of
    memory stays until the process ends (bounded, once per process).
    """
    global _settled
    if not _settled:
        _settled = True
        gc.collect()
        gc.freeze()


def published_date(value: str | dt.date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return require_date(value, "published date")
