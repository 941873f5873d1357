"""Questions a store answers without SQL, read-only SQL for the rest, and export.

Each canned question is a plain function of an open read-only `Store` that
returns `Rows`; the CLI only prints them. They look at canonical articles
only (a syndicated copy repeats its canonical's quotes and events), analysed
ones, and order their rows so the same store always gives the same answer.

    with Store("corpus.duckdb", read_only=True) as store:
        rows = quotes(store, speaker="Ban Ki-moon")
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa

from ..errors import QueryError, UsageError, first_line
from ..gdelt import gdelt_tsv, kept_events, mentions_tsv
from ..records import EntityType, Modality, QuoteType
from ..text.checks import require_date
from . import wordindex
from .link import entity_key, is_linked_to, one_linked, shown
from .tally import NAMED_ENTITY
from .store import ANALYSED, CANONICAL, FAILED, TABLES, Store, connect, damaged, require_database, show_split_rules, store_error, table_key

# What the canned questions count as the corpus: analysed canonical articles.
_CANONICAL = CANONICAL
EXPORT_FORMATS = ("parquet", "jsonl", "gdelt")
# The calendar day an event falls on, for date ranges: its own date when that
# is a day, month or year (a month or year counts from its first day), else
# the article's publication date; weeks ("2013-W37") and underspecified
# values ("XXXX-WXX-5") are not days and would compare wrongly as text. An
# event whose own date is such a value in a canonical whose publication date
# its copies gave (`articles.filled`) has no day: the text was analysed
# without that date, and "on Monday" was never placed in its week.
_EVENT_DAY = r"""coalesce(CASE
    WHEN regexp_full_match(coalesce(ev.date, ''), '\d{4}-\d{2}-\d{2}.*') THEN left(ev.date, 10)
    WHEN regexp_full_match(coalesce(ev.date, ''), '\d{4}-\d{2}') THEN ev.date || '-01'
    WHEN regexp_full_match(coalesce(ev.date, ''), '\d{4}') THEN ev.date || '-01-01' END,
    CASE WHEN ev.date IS NULL OR NOT list_contains(string_split(coalesce(a.filled, ''), ','), 'published')
         THEN left(a.published, 10) END)"""
# The day an article was published (its date's first 10 characters, when they are a date).
_DAY = "try_cast(left(a.published, 10) AS DATE)"
# An article's outlet: its URL's host without "www.", in lower case (NULL without a URL).
_OUTLET = r"lower(nullif(regexp_extract(coalesce(a.url, ''), '^[a-zA-Z][a-zA-Z0-9+.-]*://(www\.)?([^/:?#]+)', 2), ''))"
# GDELT 2.0 publishes its event table as tab-separated "*.export.CSV" files and its Mentions table as
# "*.mentions.CSV"; ours keep the names honest.
GDELT_FILE = "events.export.tsv"
GDELT_MENTIONS_FILE = "events.mentions.tsv"
# The most rows a question may ask for (--limit, --top): far above any corpus,
# far below DuckDB's 64-bit LIMIT, so a typo is an error and not an overflow.
MAX_ROWS = 1_000_000_000
# The longest name, code or type a question takes: names are short, and a
# megabyte of "name" is a mistake, not a search.
MAX_TEXT = 1000
# The entity types of the records (and so of the schema).
ENTITY_TYPES: tuple[str, ...] = typing.get_args(EntityType)
# An event's modalities (docs/events.md), and the word for all of them.
MODALITIES: tuple[str, ...] = typing.get_args(Modality)
# A quote's types.
QUOTE_TYPES: tuple[str, ...] = typing.get_args(QuoteType)
# The confidence below which the lists of quotes (`quotes`, its endpoint and the UI's Quotes tab, an entity's page, the
# overview's counts) leave a record out unless asked, as EVENT_FLOOR does for events: `min_confidence=0`
# (`--min-confidence 0`) keeps every record. Since session twenty (quotes20f), on the random samples of five judged
# sheets of news the quotes stage was not fitted on (eval/judged/quotes-external1[5-9]-judge1[5-9]q.tsv, 396 records,
# each scored by the fit that left its sheet out): under 0.3 are 6% of the records and 4% of them fully right (speaker
# right 25%); 0.3-0.5 is 7%, 18% fully right. On PolNeAR dev the floor keeps 94% of the right predictions and raises
# + speaker precision from 86.0 to 88.9 (docs/measured.md, "Session twenty: quotes20c").
QUOTE_FLOOR = 0.3
# The confidence below which the questions on events (`events`, `places`, `network`) leave a record out unless
# asked: `min_confidence=0` (`--min-confidence 0`) keeps every record. Below it most records are wrong. 0.2 until
# session eleven (chosen on realnews dev); 0.3 since, on two judged samples of news the events stage was not
# developed on, by two readers on two versions: the 0.2-0.3 band held 3 fully right records of 28 (12 right type)
# in eval/judged/events-polnear-dev-floor02-seed41.tsv and 4 of 17 (11 right type) in
# events-timebank-floor02-seven.tsv, against 31 of 52 at 0.3 and above in the first (docs/events.md, "The floor").
EVENT_FLOOR = 0.3
ANY_MODALITY = "any"


@dataclass(slots=True)
class Rows:
    """A query's answer: column names and rows of plain values."""

    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> typing.Iterator[tuple[Any, ...]]:
        return iter(self.rows)


# How many rows a streamed SQL answer fetches at a time.
STREAM_BATCH = 10_000


class RowStream:
    """A SQL answer read as it is written: its columns, then its rows in
    batches (`iter`) or as Arrow record batches (`record_batches`), so an answer
    of any size costs one batch of memory. Read it once, inside `sql_stream`."""

    def __init__(self, db: str | Path, con: Any, statement: str, relation: Any) -> None:
        self._db = db
        self._con = con
        self._statement = statement
        self._relation = relation  # not yet run: reading it runs it
        self.columns: list[str] = list(relation.columns) if relation is not None else []

    def __iter__(self) -> typing.Iterator[tuple[Any, ...]]:
        if self._relation is None:
            return
        # Python rows as DuckDB gives them, from a cursor (a relation cannot fetch in batches)
        cursor = self._read(lambda: self._con.execute(self._statement))
        while batch := self._read(lambda: cursor.fetchmany(STREAM_BATCH)):
            yield from batch

    def record_batches(self) -> typing.Iterator[Any]:
        """The rows as `pyarrow.RecordBatch`es, typed as DuckDB types them (the first may be empty)."""
        if self._relation is None:
            return
        reader = self._read(lambda: self._relation.to_arrow_reader(STREAM_BATCH))
        read = 0
        while True:
            try:
                batch = self._read(reader.read_next_batch)
            except OSError as err:  # the database's error, as the Arrow stream passes it on
                raise QueryError(first_line(err, limit=500)) from None
            except StopIteration:
                if not read:  # no rows: one empty batch still carries the columns and their types
                    yield _empty_batch(reader.schema)
                return
            read += 1
            yield batch

    def _read(self, fetch: Callable[[], Any]) -> Any:
        try:
            return fetch()
        except duckdb.Error as err:
            raise _sql_error(self._db, err) from None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a question's answer (`page`): its rows, how many rows the whole answer has, and where the page starts."""

    rows: Rows
    total: int
    offset: int
    limit: int
    sort: str | None


@dataclass(frozen=True, slots=True)
class _Select:
    """A question's SQL: `[prefix] SELECT columns rest`, its parameters, and the order of its rows (on the tables' names)."""

    columns: str
    rest: str
    params: list[Any]
    order: str
    prefix: str = ""
    key: str = ""  # SQL for its rows' row id, where `page` is to pick a page's rows by it before making them whole

    def sql(self, extra: str = "") -> str:
        return f"{self.prefix}\nSELECT {self.columns}{extra}\n{self.rest}"


def quotes(store: Store, *, speaker: str | None = None, search: str | None = None, min_confidence: float | None = QUOTE_FLOOR,
           type: str | None = None, outlet: str | None = None, start: str | None = None, end: str | None = None,
           spread: int | None = None, limit: int | None = None) -> Rows:
    """Who said what: quotes, by speaker name (whole words, any case; the resolved entity's name counts), by text they
    hold, by confidence (at least `min_confidence`, 0-1; the default is QUOTE_FLOOR, 0.3: below it most records are
    wrong; 0 or None: every record; a quote stored without a confidence counts as at QUOTE_FLOOR, `_quote_at`), by type (direct, indirect, mixed), by
    outlet (the article URL's host) and by their article's publication date (`start`/`end`, inclusive: an undated
    article's quotes are left out then).

    spread: instead, the quotations (corpus quotes: one quote across outlets) published by at least this many
    sources, most sources first, each with the article and date it first appeared in (by speaker and text only).
    Corpus quotes carry no confidence: with `spread`, `min_confidence` 0, None or the default QUOTE_FLOOR is accepted
    and changes nothing (every quotation is listed); any other value is an error.
    """
    min_confidence = _quote_floor(min_confidence, spread)
    if spread is not None:
        _spread_alone(min_confidence, type, outlet, start, end)
        _require_links(store)
    if limit is not None and speaker is not None:  # its first rows, from the counts the store keeps (or None)
        options = {"speaker": speaker, "search": search, "min_confidence": min_confidence, "type": type, "outlet": outlet,
                   "start": start, "end": end, "spread": spread}
        first = _page_by_article(store, "quotes", options, require_count(limit, "--limit"), 0, None)
        if first is not None:
            return first.rows
    return _rows(store, _quotes(speaker=speaker, search=search, min_confidence=min_confidence, type=type, outlet=outlet,
                                start=start, end=end, spread=spread, indexed=None if spread is not None else _indexed(store, search, "quotes"),
                                tallied=speaker is not None and store.tallies_current()),
                 require_count(limit, "--limit"))


def _quote_floor(min_confidence: float | str | None, spread: int | str | None = None) -> float | None:
    """The floor a list of quotes applies: None (every record) for 0 or None, and for `--spread` at the default floor
    (corpus quotes carry no confidence); else the confidence, checked."""
    if min_confidence is None:
        return None
    floor = require_confidence(min_confidence, "--min-confidence")
    if floor == 0 or (spread is not None and floor == QUOTE_FLOOR):
        return None
    return floor


def _quote_options(question: str, options: dict[str, Any]) -> dict[str, Any]:
    """A question's options with the floor of quotes made explicit (`_quote_floor`; QUOTE_FLOOR when not given), so
    that the paths that answer from kept counts (`_search_page`, `_page_by_article`) see it; other questions' as given."""
    if question != "quotes":
        return options
    return {**options, "min_confidence": _quote_floor(options.get("min_confidence", QUOTE_FLOOR), options.get("spread"))}


def unrated_left_out(store: Store, **options: Any) -> int:
    """How many quotes stored without a confidence (a store made before quote confidence) `quotes(**options)` leaves
    out: such a quote counts as at QUOTE_FLOOR (`_quote_at`), so a floor above it leaves it out, whatever it says
    (0 at QUOTE_FLOOR or under it, with `spread`, or where every quote has a confidence). `limit` is not counted."""
    options = _quote_options("quotes", {k: v for k, v in options.items() if k != "limit"})
    floor = options.get("min_confidence")
    if floor is None or floor <= QUOTE_FLOOR or options.get("spread") is not None:
        return 0
    if not store.con.execute("SELECT count(*) FROM (SELECT 1 FROM quotes WHERE confidence IS NULL LIMIT 1)").fetchone()[0]:
        return 0
    select = _select(store, "quotes", {**options, "min_confidence": None})
    return store.con.execute(f"SELECT count(*) FROM ({select.sql()}) WHERE confidence IS NULL", select.params).fetchone()[0]


def _has_links(store: Store) -> bool:
    """Whether the store has the tables of the links across articles (a store made before them has not)."""
    return store.con.execute(
        "SELECT count(DISTINCT table_name) FROM information_schema.tables WHERE table_name IN ('corpus_entities', 'corpus_quotes')"
    ).fetchone()[0] == 2


def _require_links(store: Store) -> None:
    if not _has_links(store):
        raise UsageError(
            f"{store.path} was made before entities and quotes were linked across articles; "
            f"run `newswire ingest` on it once (it adds nothing new and links what is stored)"
        )


def _quotes(*, speaker: str | None = None, search: str | None = None, min_confidence: float | str | None = None,
            type: str | None = None, outlet: str | None = None, start: str | None = None, end: str | None = None,
            spread: int | None = None,
            indexed: str | None = None, tallied: bool = False, within: dict[str, str] | None = None) -> _Select:
    """indexed: the registered relation of the rows a text search found in the word index (`_indexed`); tallied:
    match the speaker against the names the store keeps (`_matching_names`); within: for each table, the SQL of its
    rows of some articles: the answer's rows of those articles only (`_page_by_article`)."""
    if spread is not None:
        _spread_alone(min_confidence, type, outlet, start, end)  # `page` (serve) comes here without `quotes`
        return _spread(speaker=speaker, search=search, spread=require_count(spread, "--spread"))
    where, params = [_CANONICAL], []
    if min_confidence is not None:
        where.append(_quote_at(require_confidence(min_confidence, "--min-confidence")))
    _one_of(where, params, "q.type", type, QUOTE_TYPES, "quote type")
    _outlet(where, params, outlet)
    _published(where, params, start, end)
    prefix, hits = "", ""
    quoted, speaker_entities = ("quotes", "entities") if within is None else (within["quotes"], within["entities"])
    if speaker is not None:
        # The expression runs over the distinct names (`_matching_names`): the speaker's name as written and as
        # resolved, and the name of the entity it is linked to; the quotes of those names are found before any other
        # join (as a condition beside the others, DuckDB joined every quote to its entity first: 10 times slower).
        names = "SELECT speaker_name AS name FROM quotes UNION SELECT speaker_text FROM quotes UNION SELECT name FROM entities"
        prefix = f"""
        WITH speaker_names AS ({_matching_names(names, tallied)}),
        hits AS (
            SELECT article_id, ord FROM {quoted}
            WHERE speaker_name IN (SELECT name FROM speaker_names) OR speaker_text IN (SELECT name FROM speaker_names)
            UNION
            SELECT q.article_id, q.ord FROM {quoted} q SEMI JOIN (
                SELECT article_id, id FROM {speaker_entities} WHERE name IN (SELECT name FROM speaker_names)
            ) s ON s.article_id = q.article_id AND s.id = q.speaker_entity
        )"""
        params.insert(0, _words(require_text(speaker, "--speaker")))
        hits = "SEMI JOIN hits h ON h.article_id = q.article_id AND h.ord = q.ord\n        "
    if search is not None:
        text = require_text(search, "--search")
        if indexed is not None:  # the quotes that hold it, found through the word index
            where.append(f"q.rowid IN (SELECT row FROM {indexed})")
        else:
            where.append(r"q.content_text ILIKE ? ESCAPE '\'")
            params.append(_contains(text))
    return _Select(
        """a.published, coalesce(q.speaker_name, e.name, q.speaker_text) AS speaker, q.type,
               q.content_text AS quote, q.cue_lemma AS cue, q.confidence, a.title, q.article_id, q.content_start AS start,
               q.content_end AS "end\"""",
        f"""FROM {quoted} q {hits}JOIN articles a ON a.id = q.article_id
        LEFT JOIN {speaker_entities} e ON e.article_id = q.article_id AND e.id = q.speaker_entity
        WHERE {' AND '.join(where)}""",
        params,
        "a.published NULLS LAST, q.article_id, q.ord",
        prefix=prefix,
        key="q.rowid",
    )


def _spread_alone(*filters: Any) -> None:
    """--spread with a filter it does not take (confidence, type, outlet, dates): a `UsageError`, not an answer that
    ignores the filter."""
    if any(v is not None for v in filters):
        raise UsageError("--spread lists quotations across outlets by speaker and text only, each without a confidence; "
                         f"leave out --min-confidence (0 or {QUOTE_FLOOR} is accepted and changes nothing: every "
                         "quotation is listed), --type, --outlet, --from and --to")


def _spread(*, speaker: str | None, search: str | None, spread: int) -> _Select:
    """The corpus quotes of at least `spread` sources, with their first appearance (its article, and the quote's place there)."""
    where, params = ["cq.num_sources >= ?"], [spread]
    if speaker is not None:
        # a plain expression of the corpus entity's own columns (no subquery): read where the corpus entities are
        where.append(f"(regexp_matches({_nfc('ce.name')}, ?) OR len(list_filter(ce.aliases, lambda alias: regexp_matches({_nfc('alias')}, ?))) > 0)")
        params += [_words(require_text(speaker, "--speaker"))] * 2
    if search is not None:
        where.append(r"cq.text ILIKE ? ESCAPE '\'")
        params.append(_contains(require_text(search, "--search")))
    return _Select(
        """cq.first_published AS published, ce.name AS speaker, q.type, cq.text AS quote, cq.num_sources AS sources,
               cq.num_articles AS articles, cq.last_published AS last, a.title, cq.first_article AS article_id,
               q.content_start AS start, q.content_end AS "end", cq.id AS corpus_quote""",
        f"""FROM corpus_quotes cq LEFT JOIN corpus_entity_splits s ON s.whole = cq.speaker AND s.country = cq.country
        JOIN corpus_entities ce ON ce.id = coalesce(s.id, cq.speaker)
        JOIN articles a ON a.id = cq.first_article
        JOIN (SELECT * FROM quotes QUALIFY row_number() OVER (PARTITION BY article_id, corpus_quote ORDER BY ord) = 1) q
            ON q.article_id = cq.first_article AND q.corpus_quote = cq.id
        WHERE {' AND '.join(where)}""",
        params,
        "cq.num_sources DESC, cq.num_articles DESC, cq.first_published NULLS LAST, ce.id, cq.words",
    )


def figures(store: Store, *, what: str | None = None, country: str | None = None, start: str | None = None,
            end: str | None = None, conflicts: bool = False, limit: int | None = None) -> Rows:
    """Reported counts (people killed, injured, arrested, displaced, ...), by what happened to the people counted, the
    country their sentence says it happened in, and publication date, with who reports them.

    conflicts: instead, the figures of one happening that disagree, side by side: figures counting the same thing
    (`what`, and the counted noun when it is not just people) in the same place (the countries of their sentence)
    published within FIGURE_WINDOW days of each other, from two articles or more, with two values or more as stated;
    each value with its sources and articles ("killed: more than 1,400 people (United States, 3 articles) / 355
    (Doctors Without Borders, 2 articles)") and the evidence of every figure (docs/store.md, figures side by side).
    """
    _require_figure_places(store)
    return _rows(store, _figures(what=what, country=country, start=start, end=end, conflicts=conflicts),
                 require_count(limit, "--limit"))


def _require_figure_places(store: Store) -> None:
    """A store written before figures had places has no `figures.places` column until it is written again."""
    if not store.con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'figures' AND column_name = 'places'"
    ).fetchone()[0]:
        raise UsageError(
            f"{store.path} was made before figures had places; run `newswire ingest` on it once to add the column "
            f"(figures analysed before stay unplaced, and out of --conflicts, until their articles are analysed again)"
        )


# Figures published at most this many days apart (or dated by the text so) may count one happening: a chain of
# figures each within this of the next is one group.
FIGURE_WINDOW = 7


def _figure_whats() -> list[str]:
    """What a figure can count (`figures.what`): the names data/figures.tsv gives (kind what)."""
    from ..lexicon import load_table
    from ..lexicon.tables import FigureWord

    return sorted({r.value for r in load_table("figures.tsv", FigureWord) if r.kind == "what"})


def require_country(value: str, what: str) -> str:
    """A country's code (a figure's place): from its name or its people's word ("Kenya", "Kenyan"), or its code (KEN,
    or an actor code it begins: KENGOV), or a one-line `UsageError`."""
    from ..lexicon.countries import is_country_code

    code = require_actor(value, what)[:3]
    if not is_country_code(code):
        raise UsageError(f"{what} {value!r} is not a country; give its name (Kenya), its people's word (Kenyan) or its code (KEN)")
    return code


def _people_words() -> list[str]:
    """Counted nouns that say no more than "people" (data/figures.tsv, kind people): a figure counting them counts
    the same as one that names no noun."""
    from ..lexicon import load_table
    from ..lexicon.tables import FigureWord

    return sorted(r.word.lower() for r in load_table("figures.tsv", FigureWord) if r.kind == "people")


def _figure_filters(where: list[str], params: list[Any], what: str | None, country: str | None,
                    start: str | None, end: str | None) -> None:
    if what is not None:
        what = require_text(what, "--what").lower()
        known = _figure_whats()
        if what not in known:
            raise UsageError(f"unknown --what {what!r}: one of {', '.join(known)}")
        where.append("f.what = ?")
        params.append(what)
    if country is not None:
        where.append("list_contains(f.places, ?)")
        params.append(require_country(country, "--country"))
    if start is not None:
        where.append(f"{_DAY} >= ?")
        params.append(require_date(start, "--from"))
    if end is not None:
        where.append(f"{_DAY} <= ?")
        params.append(require_date(end, "--to"))


def _figures(*, what: str | None = None, country: str | None = None, start: str | None = None,
             end: str | None = None, conflicts: bool = False) -> _Select:
    if conflicts:
        return _conflicts(what=what, country=country, start=start, end=end)
    where, params = [_CANONICAL], []
    _figure_filters(where, params, what, country, start, end)
    return _Select(
        """a.published, f.what, f.text AS figure, f.value, f.low, f.high, f.unit, nullif(array_to_string(f.places, ' '), '') AS place,
               e.name AS source, f.date, a.title, f.article_id, f.start, f."end\"""",
        f"""FROM figures f JOIN articles a ON a.id = f.article_id
        LEFT JOIN entities e ON e.article_id = f.article_id AND e.id = f.reported_by
        WHERE {' AND '.join(where)}""",
        params,
        "a.published NULLS LAST, f.article_id, f.ord",
    )


def _conflicts(*, what: str | None, country: str | None, start: str | None, end: str | None) -> _Select:
    """Figures side by side: the groups of figures of one happening (same `what`, counted noun and places, published
    within FIGURE_WINDOW days of the next) that state two values or more, from two articles or more.

    A figure's day is the day its text dates it (a full date), else its article's publication date; a figure the text
    dates otherwise (a year, a month, "last week": another time than the article's) is left out, and so is one with
    no place or no date. In one article, figures of one group with different values and one source (or none) are
    left out: which of them counts the happening is not clear ("killed 247 in Kenya and 10 in Tanzania").
    """
    prefix, params = _figure_groups(what=what, country=country, start=start, end=end)
    prefix += """,
    per_value AS ("""
    return _Select(*_CONFLICT_COLUMNS, params=params, order="g.first_day, g.what, g.place, g.grp",
                   prefix=prefix + _PER_VALUE)


def figure_groups(store: Store, *, what: str | None = None, country: str | None = None, start: str | None = None,
                  end: str | None = None) -> Rows:
    """Every figure `figures --conflicts` groups, with its group (`group`), whatever the group's values: the grouping
    itself, for evaluations (eval/figure_conflicts.py) and tests. A group of one figure is a group too."""
    _require_figure_places(store)
    prefix, params = _figure_groups(what=what, country=country, start=start, end=end)
    select = _Select('grp AS "group", article_id, ord, start, "end", text, stated', "FROM grouped", params,
                     "grp, day, article_id, ord", prefix=prefix)
    return _rows(store, select, None)


def _figure_groups(*, what: str | None, country: str | None, start: str | None, end: str | None) -> tuple[str, list[Any]]:
    """The SQL (a WITH clause ending in `grouped`: the figures kept, each with its group `grp`) and its parameters."""
    where, params = [_CANONICAL, "f.what IS NOT NULL", "len(f.places) > 0", "a.published IS NOT NULL"], []
    _figure_filters(where, params, what, country, start, end)
    people = ", ".join("'" + w.replace("'", "''") + "'" for w in _people_words())
    prefix = rf"""WITH fig AS (
        SELECT f.article_id, f.ord, f.start, f."end", f.text, f.what, f.value, f.low, f.high, f.qualifier,
               CASE WHEN f.unit IS NULL OR lower(f.unit) IN ({people}) THEN '' ELSE lower(f.unit) END AS counted,
               array_to_string(f.places, ' ') AS place,
               CASE WHEN regexp_full_match(coalesce(f.date, ''), '\d{{4}}-\d{{2}}-\d{{2}}') THEN try_cast(f.date AS DATE) END AS day,
               concat_ws('|', f.qualifier, f.value, f.low, f.high) AS stated, e.name AS source, a.published
        FROM figures f JOIN articles a ON a.id = f.article_id
        LEFT JOIN entities e ON e.article_id = f.article_id AND e.id = f.reported_by
        WHERE {' AND '.join(where)}),
    unclear AS (
        SELECT article_id, what, counted, place, coalesce(source, '') AS source FROM fig
        GROUP BY ALL HAVING count(DISTINCT stated) > 1),
    kept AS (
        SELECT * FROM fig WHERE day IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM unclear u WHERE u.article_id = fig.article_id AND u.what = fig.what AND u.counted = fig.counted
                AND u.place = fig.place AND u.source = coalesce(fig.source, ''))),
    breaks AS (
        SELECT *, CASE WHEN day - lag(day) OVER (PARTITION BY what, counted, place ORDER BY day, article_id, ord)
                       > {FIGURE_WINDOW} THEN 1 ELSE 0 END AS brk
        FROM kept),
    islands AS (
        SELECT *, sum(brk) OVER (PARTITION BY what, counted, place ORDER BY day, article_id, ord
                                 ROWS UNBOUNDED PRECEDING) AS island
        FROM breaks),
    grouped AS (
        SELECT *, 'G' || left(md5(concat_ws('|', what, counted, place,
                       min(day) OVER (PARTITION BY what, counted, place, island))), 15) AS grp
        FROM islands)"""
    return prefix, params


# After `_figure_groups`' WITH clause: each group's values as stated, then the groups with two values or more.
_PER_VALUE = """
        SELECT grp, stated, any_value(what) AS what, any_value(counted) AS counted, any_value(place) AS place,
               arg_min(text, (day, article_id, ord)) AS shown, max(coalesce(value, high, low)) AS size,
               count(DISTINCT article_id) AS n_articles,
               list(DISTINCT source ORDER BY source) FILTER (WHERE source IS NOT NULL) AS sources,
               list({'figure': text, 'source': source, 'article_id': article_id, 'published': published,
                     'start': start, 'end': "end"} ORDER BY day, article_id, ord) AS evidence,
               min(day) AS first_day, max(day) AS last_day
        FROM grouped GROUP BY grp, stated),
    per_group AS (
        SELECT grp, any_value(what) AS what, any_value(counted) AS counted, any_value(place) AS place,
               min(first_day) AS first_day, max(last_day) AS last_day, count(*) AS n_values,
               string_agg(shown || ' (' || concat_ws(', ', nullif(array_to_string(sources, ', '), ''),
                          n_articles || CASE WHEN n_articles = 1 THEN ' article' ELSE ' articles' END) || ')',
                          ' / ' ORDER BY n_articles DESC, size DESC, stated) AS summary,
               flatten(list(evidence ORDER BY n_articles DESC, size DESC, stated)) AS evidence
        FROM per_value GROUP BY grp HAVING count(*) > 1)"""
_CONFLICT_COLUMNS = (
        """g.what || CASE WHEN g.counted = '' THEN '' ELSE ' (' || g.counted || ')' END AS what, g.place,
               CAST(g.first_day AS VARCHAR) AS "from", CAST(g.last_day AS VARCHAR) AS "to",
               g.what || ': ' || g.summary AS figures, g.n_values AS "values",
               (SELECT count(DISTINCT x.article_id) FROM unnest(g.evidence) AS t(x)) AS articles,
               to_json(g.evidence)::VARCHAR AS evidence, g.evidence[1].article_id AS article_id,
               g.evidence[1].start AS start, g.evidence[1]."end" AS "end", g.grp AS "group\"""",
        "FROM per_group g WHERE (SELECT count(DISTINCT x.article_id) FROM unnest(g.evidence) AS t(x)) > 1",
)


# SQL: after an event's code in a row of text (the entity question's, the timeline's), its modality where it is not
# asserted ("[190, negated]"): a refusal or a plan is not read as a deed
_NOT_ASSERTED = "CASE WHEN ev.modality IS DISTINCT FROM 'asserted' THEN ', ' || coalesce(ev.modality, '?') ELSE '' END"


def corpus_entity(store: Store, *, name: str, modality: str | None = "asserted", min_confidence: float | None = EVENT_FLOOR,
                  limit: int | None = None) -> Rows:
    """One entity across articles: the corpus entities that go by `name` (whole words, any case, in their name or
    an alias), each with its aliases, the articles that mention it, what it said and the events it is source or
    target of (`kind`: entity, alias, article, said, did, target of).

    Its quotes and events are those `quotes` and `events` list by default: events of `modality` (asserted unless
    asked; "any" or None: every one, each not asserted with its modality after its code: "[190, negated]"), quotes
    and events at `min_confidence` or above (default EVENT_FLOOR, which is QUOTE_FLOOR; a quote without a confidence
    counts as at QUOTE_FLOOR, `_quote_at`; 0 or None: every record). `corpus_entity_left_out` counts the others."""
    _require_links(store)
    return _rows(store, _corpus_entity(name=name, modality=modality, min_confidence=min_confidence), require_count(limit, "--limit"))


def corpus_entity_left_out(store: Store, *, name: str, modality: str | None = "asserted",
                           min_confidence: float | None = EVENT_FLOOR) -> dict[str, int]:
    """How many of the quotes and events of `corpus_entity(name)` its modality and floor leave out: {"quotes": n,
    "events": n}, both 0 where it lists every record."""
    _require_links(store)
    asked, every = _corpus_entity(name=name, modality=modality, min_confidence=min_confidence), _corpus_entity(name=name)
    if (asked.prefix, asked.params) == (every.prefix, every.params):  # no filter asked ("any", no floor): nothing left out
        return {"quotes": 0, "events": 0}
    counts = []
    for select in (asked, every):
        counts.append(dict(store.con.execute(
            f"{select.prefix}\nSELECT CASE x.kind WHEN 'said' THEN 'quotes' ELSE 'events' END, count(*) {select.rest} "
            "WHERE x.kind IN ('said', 'did', 'target of') GROUP BY ALL", select.params).fetchall()))
    return {what: counts[1].get(what, 0) - counts[0].get(what, 0) for what in ("quotes", "events")}


def _corpus_entity(*, name: str, modality: str | None = None, min_confidence: float | str | None = None) -> _Select:
    """modality, min_confidence: the events and quotes it lists (`corpus_entity`); None: every one."""
    pattern = _words(require_text(name, "NAME"))
    events_where, quotes_where = [], []
    modality = require_modality(modality, "--modality") if modality is not None else None
    if modality not in (None, ANY_MODALITY):
        events_where.append(f"ev.modality = '{modality}'")  # one of MODALITIES, checked
    if min_confidence is not None:
        floor = require_confidence(min_confidence, "--min-confidence")
        if floor > 0:
            events_where.append(f"ev.confidence >= {floor!r}")  # as `_event_floor`: an event without one is left out
            quotes_where.append(_quote_at(floor))
    said_where = f"WHERE {' AND '.join(quotes_where)}" if quotes_where else ""
    did_where = f"WHERE {' AND '.join(events_where)}" if events_where else ""
    return _Select(
        """x.corpus_entity, c.name, x.kind, a.published AS date, x.text, a.title, x.article_id, x.start, x."end\"""",
        """FROM (SELECT * FROM head UNION ALL SELECT * FROM alias UNION ALL SELECT * FROM mentioned
              UNION ALL SELECT * FROM said UNION ALL SELECT * FROM did) x
        JOIN ce c ON c.id = x.corpus_entity
        LEFT JOIN articles a ON a.id = x.article_id""",
        [pattern, pattern],
        """c.articles DESC, c.id, CASE x.kind WHEN 'entity' THEN 0 WHEN 'alias' THEN 1 WHEN 'article' THEN 2 WHEN 'said' THEN 3 ELSE 4 END,
        a.published NULLS LAST, x.article_id, x.start, x.text, x.kind, x."end\"""",
        prefix=f"""
        WITH ce AS (
            SELECT *, coalesce((SELECT s.whole FROM corpus_entity_splits s WHERE s.id = c.id), c.id) AS whole FROM corpus_entities c
            WHERE regexp_matches({_nfc('c.name')}, ?) OR EXISTS (SELECT 1 FROM unnest(c.aliases) AS t(alias) WHERE regexp_matches({_nfc('t.alias')}, ?))
        ),
        linked AS (
            SELECT e.article_id, e.id, e.name, ce.id AS corpus_entity FROM entities e JOIN ce ON ce.whole = e.corpus_entity
            JOIN articles a ON a.id = e.article_id WHERE {_CANONICAL} AND ce.id = {shown()}
        ),
        head AS (
            SELECT c.id AS corpus_entity, 'entity' AS kind,
                   concat_ws(' ', c.type, c.country, c.actor) || ': ' || c.articles || CASE WHEN c.articles = 1 THEN ' article, ' ELSE ' articles, ' END
                   || c.mentions || CASE WHEN c.mentions = 1 THEN ' mention, ' ELSE ' mentions, ' END
                   || coalesce(c.first_published, '?') || ' to ' || coalesce(c.last_published, '?') AS text,
                   NULL::VARCHAR AS article_id, NULL::BIGINT AS start, NULL::BIGINT AS "end"
            FROM ce c
        ),
        alias AS (
            SELECT c.id, 'alias', t.alias, NULL::VARCHAR, NULL::BIGINT, NULL::BIGINT FROM ce c, unnest(c.aliases) AS t(alias)
        ),
        mentioned AS (
            SELECT l.corpus_entity, 'article', l.name, l.article_id, m.start, m."end"
            FROM linked l JOIN mentions m ON m.article_id = l.article_id AND m.entity_id = l.id
            QUALIFY row_number() OVER (PARTITION BY l.corpus_entity, l.article_id ORDER BY m.start) = 1
        ),
        said AS (
            SELECT l.corpus_entity, 'said', q.content_text, q.article_id, q.content_start, q.content_end
            FROM quotes q JOIN linked l ON l.article_id = q.article_id AND l.id = q.speaker_entity
            {said_where}
        ),
        did AS (
            SELECT l.corpus_entity, CASE WHEN l.id = ev.source_entity THEN 'did' ELSE 'target of' END,
                   concat_ws(' ', coalesce(se.name, ev.source_text), ev.trigger_text, coalesce(te.name, ev.target_text))
                       || ' [' || ev.cameo || {_NOT_ASSERTED} || ']',
                   ev.article_id, ev.sentence_start, ev.sentence_end
            FROM events ev JOIN linked l ON l.article_id = ev.article_id AND l.id IN (ev.source_entity, ev.target_entity)
            LEFT JOIN entities se ON se.article_id = ev.article_id AND se.id = ev.source_entity
            LEFT JOIN entities te ON te.article_id = ev.article_id AND te.id = ev.target_entity
            {did_where}
        )""",
    )


def articles(store: Store, *, search: str | None = None, start: str | None = None, end: str | None = None,
             outlet: str | None = None, limit: int | None = None) -> Rows:
    """Articles by text they hold (title or body, any case), publication date and outlet; `start`/`end`: where the
    text first holds it."""
    return _rows(store, _articles(search=search, start=start, end=end, outlet=outlet, indexed=_indexed(store, search, "articles")),
                 require_count(limit, "--limit"))


def _articles(*, search: str | None = None, start: str | None = None, end: str | None = None, outlet: str | None = None,
              indexed: str | None = None) -> _Select:
    where, params = [_CANONICAL], []
    _outlet(where, params, outlet)
    _published(where, params, start, end)
    found = "0"
    length = 0
    if search is not None:
        text = require_text(search, "--search")
        if indexed is not None:  # the articles that hold it, found through the word index
            where.append(f"a.rowid IN (SELECT row FROM {indexed})")
        else:
            where.append(r"(a.text ILIKE ? ESCAPE '\' OR a.title ILIKE ? ESCAPE '\')")
            params += [_contains(text)] * 2
        params[:0] = [text.lower()]  # the match's place, in the SELECT before the WHERE
        found, length = "strpos(lower(a.text), ?)", len(text)
    return _Select(
        f"""a.published, a.title, {_OUTLET} AS outlet, a.text_length AS characters,
               substr(a.text, greatest(1, x.found - 80), 200) AS snippet,
               a.id AS article_id, greatest(x.found - 1, 0) AS start, greatest(x.found - 1, 0) + {int(length)} AS "end\"""",
        f"""FROM articles a, LATERAL (SELECT {found} AS found) x
        WHERE {' AND '.join(where)}""",
        params,
        "a.published NULLS LAST, a.id",
        key="a.rowid",
    )


def events(
    store: Store,
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    start: str | None = None,
    end: str | None = None,
    type: str | None = None,
    modality: str | None = "asserted",
    min_confidence: float | None = EVENT_FLOOR,
    outlet: str | None = None,
    place: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> Rows:
    """Who did what to whom: events, by actor code prefix (source or target, or each side), date range, type,
    modality and confidence.

    type: a CAMEO code or its prefix ("13", "138"), or a PLOVER category ("THREATEN").
    modality: asserted (the default: what the text says happened), intended, requested, conditional, negated or
        hypothetical; "any" or None: all.
    min_confidence: only events whose `confidence` is at least this (0 to 1; rows without one are left out);
        the default is EVENT_FLOOR (0.3: below it most records are wrong); 0 or None: every record.
    outlet: the article URL's host without "www." (reuters.com), or a domain it is under (bbc.co.uk: news.bbc.co.uk).
    place: where the event happened: its place's full name ("Paris, Texas, United States"), any case, or the
        place's words in the text ("Paris", whole words). country: the country it happened in (a code or a name).
    The date is the event's own, else the article's publication date.
    """
    select = _events(actor=actor, source=source, target=target, start=start, end=end, type=type, modality=modality,
                     min_confidence=min_confidence, outlet=outlet, place=place, country=country)
    return _rows(store, select, require_count(limit, "--limit"))


def _events(**filters: Any) -> _Select:
    where, params = _event_filters(**filters)
    return _Select(
        """coalesce(ev.date, a.published) AS date, ev.source_text AS source, ev.source_actor,
               ev.cameo, ev.plover, ev.target_text AS target, ev.target_actor, ev.trigger_text AS trigger, ev.modality,
               ev.confidence, coalesce(ev.location_geo_name, ev.location_text) AS place,
               a.title, ev.article_id, ev.sentence_start AS start, ev.sentence_end AS "end\"""",
        f"""FROM events ev JOIN articles a ON a.id = ev.article_id
        WHERE {' AND '.join(where)}""",
        params,
        "coalesce(ev.date, a.published) NULLS LAST, ev.article_id, ev.ord",
    )


def places(
    store: Store,
    *,
    actor: str | None = None,
    start: str | None = None,
    end: str | None = None,
    type: str | None = None,
    modality: str | None = "asserted",
    min_confidence: float | None = EVENT_FLOOR,
    country: str | None = None,
    limit: int | None = None,
) -> Rows:
    """Where events happened: each place events resolve to (a GeoNames feature), with its coordinates, GDELT geo
    type and country, and how many events and articles; the same filters as `events` (and its confidence
    floor). Events whose place is unresolved or unnamed are not counted."""
    select = _places(actor=actor, start=start, end=end, type=type, modality=modality, min_confidence=min_confidence,
                     country=country)
    return _rows(store, select, require_count(limit, "--limit"))


def _places(**filters: Any) -> _Select:
    where, params = _event_filters(**filters)
    return _Select(
        "*",
        f"""FROM (
            SELECT ev.location_geo_name AS place, ev.location_geo_type AS geo_type, ev.location_geo_country AS country,
                   ev.location_geo_adm1 AS adm1, ev.location_geo_lat AS lat, ev.location_geo_lon AS lon,
                   ev.location_geo_feature_id AS feature_id, count(*) AS events, count(DISTINCT ev.article_id) AS articles,
                   min({_EVENT_DAY}) AS first, max({_EVENT_DAY}) AS last
            FROM events ev JOIN articles a ON a.id = ev.article_id
            WHERE {' AND '.join(where)} AND ev.location_geo_name IS NOT NULL
            GROUP BY ALL
        ) g""",
        params,
        "events DESC, articles DESC, place, feature_id",
    )


def _event_filters(*, actor: str | None = None, source: str | None = None, target: str | None = None,
                   start: str | None = None, end: str | None = None, type: str | None = None,
                   modality: str | None = None, min_confidence: float | None = EVENT_FLOOR, outlet: str | None = None,
                   place: str | None = None, country: str | None = None) -> tuple[list[str], list[Any]]:
    """The WHERE conditions and parameters of the questions on events (`events`, `places`)."""
    where, params = [_CANONICAL], []
    _outlet(where, params, outlet)
    if actor is not None:
        actor = require_actor(actor, "--actor")
        where.append("(starts_with(upper(coalesce(ev.source_actor, '')), ?) OR starts_with(upper(coalesce(ev.target_actor, '')), ?))")
        params += [actor] * 2
    for side, code in (("source", source), ("target", target)):
        if code is not None:
            where.append(f"starts_with(upper(coalesce(ev.{side}_actor, '')), ?)")
            params.append(require_actor(code, f"--{side}"))
    _event_dates(where, params, start, end)
    if type is not None:
        type = require_text(type, "--type")
        from ..lexicon.codebook import codebook

        if type.isascii() and type.isdigit():
            if not any(code.startswith(type) for code in codebook()):
                raise UsageError(f"no CAMEO code starts with {type!r}; give a code or its prefix as in docs/events.md (13, 138)")
            where.append("starts_with(ev.cameo, ?)")
            params.append(type)
        else:
            known = sorted({code.plover for code in codebook().values() if code.plover})
            if type.upper() not in known:
                raise UsageError(f"unknown event type {type!r}: a CAMEO code or prefix (13, 138) or one of {', '.join(known)}")
            where.append("upper(coalesce(ev.plover, '')) = ?")
            params.append(type.upper())
    modality = require_modality(modality, "--modality") if modality is not None else None
    if modality not in (None, ANY_MODALITY):
        where.append("ev.modality = ?")
        params.append(modality)
    _event_floor(where, params, min_confidence)
    if place is not None:
        place = require_text(place, "--place")
        where.append(f"(lower(coalesce(ev.location_geo_name, '')) = ? OR regexp_matches({_nfc('ev.location_text')}, ?))")
        params += [place.lower(), _words(place)]
    if country is not None:
        code = require_actor(country, "--country")
        if len(code) != 3:
            raise UsageError(f"--country {country!r} is not a country; give its code (SYR) or its name (Syria)")
        where.append("coalesce(ev.location_geo_country, ev.location_country) = ?")
        params.append(code)
    return where, params


def _event_floor(where: list[str], params: list[Any], min_confidence: float | str | None) -> None:
    """Events at `min_confidence` or above (rows without a confidence are left out); 0 or None: every event."""
    if min_confidence is None:
        return
    floor = require_confidence(min_confidence, "--min-confidence")
    if floor > 0:
        where.append("ev.confidence >= ?")
        params.append(floor)


# Entities of one name are told apart by what the articles say of them, never merged across it: one row (an
# entity list's, an entity page's group) per name, type, actor code and country; "John Smith" coded USALEG
# and "John Smith" of GBR are two rows, and one with neither code nor country a third (not a guess at either).
# This groups by evidence; it does not decide that two articles' "John Smith" are one person.
_EVIDENCE = "{e}.name, {e}.type, {e}.actor, {e}.country"
# the titles the entities of a group bear in any of its articles, in order
_TITLES = "list_sort(list_distinct(flatten(list(coalesce({e}.titles, [])))))"


def entities(store: Store, *, top: int = 20, type: str | None = None) -> Rows:
    """The most mentioned named entities (`tally.NAMED_ENTITY`) across the corpus, by the number of articles that mention them: one row per
    name, type, actor code and country (`_EVIDENCE`), with the titles they bear."""
    return _rows(store, _select(store, "entities", {"type": type}), require_count(top, "--top"))


def _entities(*, type: str | None = None, tallied: bool = False) -> _Select:
    """tallied: read the counts kept as articles are stored (`corpus/tally.py`: the same answer, without grouping
    every entity and mention); only for a store whose tallies are current (`Store.tallies_current`)."""
    if tallied:
        where, params = ["t.articles > 0"], []
        _one_of(where, params, "t.type", type, ENTITY_TYPES, "entity type")
        return _Select(
            "*",
            f"""FROM (
                SELECT t.name, t.type, t.articles, t.mentions, t.actor, t.country,
                   coalesce((SELECT list_sort(list(x.title)) FROM entity_titles x WHERE x.key = t.key AND x.articles > 0), [])
                       AS titles
                FROM entity_tally t
                WHERE {' AND '.join(where)}
            ) g""",
            params,
            "articles DESC, mentions DESC, name, type, actor NULLS LAST, country NULLS LAST",
        )
    where, params = [_CANONICAL, NAMED_ENTITY.format(e="e")], []
    _one_of(where, params, "e.type", type, ENTITY_TYPES, "entity type")
    return _Select(
        "*",
        f"""FROM (
            SELECT e.name, e.type, count(DISTINCT e.article_id) AS articles, count(m.ord) AS mentions,
               e.actor, e.country, {_TITLES.format(e="e")} AS titles
            FROM entities e JOIN articles a ON a.id = e.article_id
            LEFT JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.id
            WHERE {' AND '.join(where)}
            GROUP BY {_EVIDENCE.format(e="e")}
        ) g""",
        params,
        "articles DESC, mentions DESC, name, type, actor NULLS LAST, country NULLS LAST",
    )


def timeline(store: Store, *, entity: str | None = None, id: str | None = None, limit: int | None = None) -> Rows:
    """An entity through time: what it said (quotes), what it did or had done to it (events), where it was mentioned.
    Every quote and event, at any confidence and modality (an event not asserted with its modality after its code:
    "[190, negated]"); `corpus_entity` and the entity page list those `quotes` and `events` list by default.

    entity: every entity whose name holds it as whole words (any case), linked across articles or not: "Clinton"
    is Hillary Clinton, Bill Clinton and Clinton Hill at once (`corpus_entities_named` lists who a name may be).
    id: instead, one corpus entity (`corpus_entities.id`): only the article entities linked to it.
    """
    if id is not None:
        _require_links(store)
    if limit is not None and entity is not None:  # its first rows, from the counts the store keeps (or None)
        first = _page_by_article(store, "timeline", {"entity": entity, "id": id}, require_count(limit, "--limit"), 0, None)
        if first is not None:
            return first.rows
    return _rows(store, _timeline(entity=entity, id=id, tallied=store.tallies_current()), require_count(limit, "--limit"))


def _named(entity: str | None, id: str | None, what: str = "--entity", tallied: bool = False) -> tuple[str, str]:
    """The condition on article entities `e` that picks an entity by name (whole words) or one corpus entity by
    id, and its parameter."""
    if id is not None:
        return is_linked_to(), require_corpus_id(id, "--id" if what == "--entity" else "id")
    if entity is None:
        raise UsageError(f"give an entity name ({what} \"John Kerry\") or one corpus entity's id (--id, id=; "
                         f"`newswire query entity NAME` lists them)")
    names = _matching_names("SELECT coalesce(name, '') AS name FROM entities", tallied)
    return f"coalesce(e.name, '') IN ({names})", _words(require_text(entity, what))


def _matching_names(names: str, tallied: bool = False) -> str:
    """SQL for the distinct names of the query `names` (one column, `name`) that a whole-word expression (`_words`,
    the one parameter) matches: the expression runs once per distinct name, not once per row. The names are gathered
    into one list first: a filter on them directly is pushed down into the scan and runs over every row again.

    tallied: the store keeps the distinct names (`names`, `corpus/tally.py`: a superset of those of `names`, whose
    extra names have no rows to find): they are read from there, not gathered from whole tables."""
    if tallied:
        return f"SELECT name FROM names WHERE regexp_matches({_nfc('name')}, ?)"
    return (f"SELECT name FROM (SELECT list(DISTINCT name) AS names FROM ({names})), unnest(names) AS t(name) "
            f"WHERE regexp_matches({_nfc('name')}, ?)")


def _timeline(*, entity: str | None = None, id: str | None = None, tallied: bool = False,
              within: dict[str, str] | None = None) -> _Select:
    """within: for each table, the SQL of its rows of some articles: the answer's rows of those articles only
    (`_page_by_article`)."""
    condition, param = _named(entity, id, tallied=tallied)

    def of(table: str) -> str:
        return table if within is None else within[table]
    return _Select(
        """a.published AS date, x.kind, x.text, a.title, x.article_id, x.start, x."end\"""",
        """FROM (SELECT * FROM said UNION ALL SELECT * FROM did UNION ALL SELECT * FROM mentioned) x
        JOIN articles a ON a.id = x.article_id""",
        [param],
        """a.published NULLS LAST, x.article_id, x.start, x.kind, x.text""",
        prefix=f"""
        WITH named AS (
            SELECT e.article_id, e.id FROM {of("entities")} e JOIN articles a ON a.id = e.article_id
            WHERE {_CANONICAL} AND {condition}
        ),
        said AS (
            SELECT q.article_id, 'said' AS kind, q.content_text AS text, q.content_start AS start, q.content_end AS "end"
            FROM {of("quotes")} q JOIN named n ON n.article_id = q.article_id AND n.id = q.speaker_entity
        ),
        did AS (
            SELECT ev.article_id, CASE WHEN n.id = ev.source_entity THEN 'did' ELSE 'target of' END AS kind,
                   -- actors by entity name: one mention ("the two diplomats") may stand for both sides
                   concat_ws(' ', coalesce(se.name, ev.source_text), ev.trigger_text, coalesce(te.name, ev.target_text))
                       || ' [' || ev.cameo || {_NOT_ASSERTED} || ']' AS text,
                   ev.sentence_start AS start, ev.sentence_end AS "end"
            FROM {of("events")} ev JOIN named n ON n.article_id = ev.article_id AND n.id IN (ev.source_entity, ev.target_entity)
            LEFT JOIN {of("entities")} se ON se.article_id = ev.article_id AND se.id = ev.source_entity
            LEFT JOIN {of("entities")} te ON te.article_id = ev.article_id AND te.id = ev.target_entity
        ),
        mentioned AS (
            SELECT m.article_id, 'mentioned' AS kind, m.text, m.start, m."end"
            FROM {of("mentions")} m JOIN named n ON n.article_id = m.article_id AND n.id = m.entity_id
            QUALIFY row_number() OVER (PARTITION BY m.article_id ORDER BY m.start) = 1
        )""",
    )


def network(store: Store, *, start: str | None = None, end: str | None = None,
            min_confidence: float | None = EVENT_FLOOR, limit: int | None = None) -> Rows:
    """Who acts on whom: coded source → target actor pairs with their event counts, by PLOVER type.

    Only asserted events with both actors coded count (a strike that "could"
    happen is no edge), at `min_confidence` or above as in `events`; the date
    is the event's own, else the article's publication date.
    """
    return _rows(store, _network(start=start, end=end, min_confidence=min_confidence), require_count(limit, "--limit"))


def _network(*, start: str | None = None, end: str | None = None, min_confidence: float | None = EVENT_FLOOR) -> _Select:
    where = [_CANONICAL, "ev.source_actor IS NOT NULL", "ev.target_actor IS NOT NULL", "ev.modality = 'asserted'"]
    params: list[Any] = []
    _event_dates(where, params, start, end)
    _event_floor(where, params, min_confidence)
    return _Select(
        "*",
        f"""FROM (
            SELECT ev.source_actor AS source, ev.target_actor AS target, coalesce(ev.plover, 'CAMEO ' || ev.cameo_root) AS type,
                   count(*) AS events, count(DISTINCT ev.article_id) AS articles, round(avg(ev.goldstein), 2) AS goldstein
            FROM events ev JOIN articles a ON a.id = ev.article_id
            WHERE {' AND '.join(where)}
            GROUP BY ALL
        ) g""",
        params,
        "events DESC, source, target, type",
    )


# What `tone` groups by: a calendar period of the publication day, or the outlet.
TONE_GROUPS = ("day", "week", "month", "year", "outlet")


def tone(store: Store, *, entity: str | None = None, outlet: str | None = None, start: str | None = None,
         end: str | None = None, by: str | None = None, limit: int | None = None) -> Rows:
    """Tone over time (or by outlet): the articles' average tone per period, and their quotes' pooled tone.

    entity: only articles that mention it (whole words, any case, as the timeline finds it), and only its own quotes.
    outlet: only the articles of this outlet (its URL's host: "reuters.com").
    by: day, week, month (the default) or year of publication, or outlet. Articles without a publication date are
        left out of a period's rows, as are articles stored by a version without tone.
    The article tone is the mean of the articles' `tone_score` (as GDELT averages AvgTone); the quote tone is pooled
    over the quotes' words, (positive − negative) / words × 100, since one short quote would swing a mean. The quotes
    counted (`quotes`) and pooled are those at QUOTE_FLOOR or above (as the Quotes tab, the overview and an entity's
    page count them; one stored without a confidence counts as at the floor): under it most records are wrong.
    """
    return _rows(store, _tone(entity=entity, outlet=outlet, start=start, end=end, by=by), require_count(limit, "--limit"))


def _tone(*, entity: str | None = None, outlet: str | None = None, start: str | None = None, end: str | None = None,
          by: str | None = None) -> _Select:
    group = require_grouping(by, "--by") if by is not None else "month"
    where, params = [_CANONICAL, "a.tone_score IS NOT NULL"], []
    named = "SELECT NULL AS article_id, NULL AS id WHERE false"
    if entity is not None:
        named = f"""SELECT e.article_id, e.id FROM entities e JOIN articles a ON a.id = e.article_id
                    WHERE {_CANONICAL} AND regexp_matches({_nfc('e.name')}, ?)"""
        params.append(_words(require_text(entity, "--entity")))
        where.append("a.id IN (SELECT article_id FROM named)")
    if outlet is not None:
        host = require_text(outlet, "--outlet").lower().removeprefix("www.")
        where.append(f"lower({_OUTLET}) = ?")
        params.append(host)
    first = require_date(start, "--from") if start else None
    last = require_date(end, "--to") if end else None
    if first and last and first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    for bound, op in ((first, ">="), (last, "<=")):
        if bound:
            where.append(f"{_DAY} {op} CAST(? AS DATE)")
            params.append(bound)
    if group == "outlet":
        where.append(f"{_OUTLET} IS NOT NULL")
        keys = "CAST(NULL AS DATE) AS period, x.outlet"
        order = "articles DESC, outlet"
    else:
        where.append(f"{_DAY} IS NOT NULL")
        # a period's outlet is named when its articles all come from one (an --outlet asked for)
        keys = "x.period, CASE WHEN count(DISTINCT x.outlet) = 1 AND count(x.outlet) = count(*) THEN any_value(x.outlet) END AS outlet"
        order = "period"
    # the quotes that count: those at the floor (`_SHOWN_QUOTE`, as the Quotes tab, the overview and an entity's page
    # count them), the entity's own when one is asked for, else every such quote of the articles
    spoken = "AND EXISTS (SELECT 1 FROM named n WHERE n.article_id = q.article_id AND n.id = q.speaker_entity)" if entity is not None else ""
    return _Select(
        "*",
        f"""FROM (
            SELECT {keys}, count(*) AS articles, round(avg(x.tone_score), 2) AS tone,
                   round(avg(x.tone_positive), 2) AS positive, round(avg(x.tone_negative), 2) AS negative,
                   coalesce(sum(x.quotes), 0) AS quotes,
                   round(100 * (sum(x.quote_positive) - sum(x.quote_negative)) / nullif(sum(x.quote_words), 0), 2) AS quote_tone
            FROM (
                SELECT CAST(date_trunc('{'month' if group == 'outlet' else group}', {_DAY}) AS DATE) AS period, {_OUTLET} AS outlet,
                       a.tone_score, a.tone_positive, a.tone_negative, s.quotes, s.quote_positive, s.quote_negative, s.quote_words
                FROM articles a LEFT JOIN (
                    SELECT q.article_id, count(*) AS quotes, sum(q.tone_positive_words) AS quote_positive,
                           sum(q.tone_negative_words) AS quote_negative, sum(q.tone_words) AS quote_words
                    FROM quotes q WHERE q.tone_words IS NOT NULL AND {_SHOWN_QUOTE} {spoken} GROUP BY q.article_id
                ) s ON s.article_id = a.id
                WHERE {' AND '.join(where)}
            ) x
            GROUP BY {'x.outlet' if group == 'outlet' else 'x.period'}
        ) g""",
        params,
        order,
        prefix=f"WITH named AS ({named})",
    )


# --- facets: a question's answer counted by one of its columns, beside its table --------

# The facets of each question's answer (its rows joined to their articles as `a`, the answer as `x`): an expression
# gives a row's one value; a list expression (`_SIDES`) gives a row its values, each counted once for it.
FACETS: dict[str, dict[str, str]] = {
    "quotes": {"type": "x.type", "outlet": "_OUTLET"},
    "articles": {"outlet": "_OUTLET"},
    "events": {"type": "coalesce(x.plover, 'CAMEO ' || left(x.cameo, 2))", "modality": "x.modality", "outlet": "_OUTLET",
               "actor": "_SIDES"},
}
# An event's actors by their first three letters (a country, or IGO, NGO ...), source and target, each once: the
# `actor` filter is a code prefix on either side, so a value's count is the total of the table it narrows to.
_SIDES = "list_filter(list_distinct([upper(left(x.source_actor, 3)), upper(left(x.target_actor, 3))]), lambda v: v <> '')"
# A facet is counted without the filter on its own column (so that its other values show), which is, unset:
_FACET_UNFILTERED = {"type": ("type", None), "modality": ("modality", ANY_MODALITY), "outlet": ("outlet", None),
                     "actor": ("actor", None)}


def facets(store: Store, question: str, *, top: int = 20, **options: Any) -> dict[str, list[dict[str, Any]]]:
    """The answer of `question` (`options`: its keywords but its count) counted by each of its facets (`FACETS`),
    most rows first, at most `top` values each; each facet ignores its own filter (events by modality: every modality)."""
    if question not in FACETS:
        raise UsageError(f"no facets for {question!r}; ask for those of {', '.join(FACETS)}")
    options = _quote_options(question, options)
    top = require_count(top, "top", 1000)
    answer = {}
    for facet, expression in FACETS[question].items():
        unfiltered = dict(options)
        keyword, unset = _FACET_UNFILTERED.get(facet, (None, None))
        if keyword in unfiltered:
            unfiltered[keyword] = unset
        select = _select(store, question, unfiltered)
        if expression == "_SIDES":  # a row's values (list_distinct leaves out NULL; an empty list gives no row)
            value, expression = "unnest(value)", _SIDES
        else:
            value, expression = "value", _OUTLET if expression == "_OUTLET" else expression
        answer[facet] = _dicts(store, f"""{select.prefix}
            SELECT value, count(*) AS count FROM (
                SELECT {value} AS value
                FROM (SELECT {expression} AS value FROM (SELECT {select.columns}\n{select.rest}) x JOIN articles a ON a.id = x.article_id))
            GROUP BY ALL ORDER BY count DESC, value NULLS LAST LIMIT {top}""", select.params)
    return answer


# --- trends: a question's answer counted per day, week or month, by its main key ------------

# For each question with a trend: what its rows are counted by (the answer as `x`) and the day of a row.
TRENDS: dict[str, tuple[str, str]] = {
    "events": ("coalesce(x.plover, 'CAMEO ' || left(x.cameo, 2))", "x.date"),
    "quotes": ("coalesce(x.speaker, '(no speaker)')", "x.published"),
}
# The period of a trend, by the days its answer spans: days up to 3 months, weeks up to 3 years, then months.
_PERIODS = ((92, "day"), (3 * 366, "week"))


def trend(store: Store, question: str, *, top: int = 6, **options: Any) -> dict[str, Any]:
    """The answer of `question` (`options`: its keywords but its count) counted per period and by its key (`TRENDS`:
    events by type, quotes by speaker): the `top` keys with the most rows, the rest as "other". Rows whose date is
    not a day (an event dated "2013-09" or "XXXX-WXX-5") are not placed: `undated` counts them."""
    if question not in TRENDS:
        raise UsageError(f"no trend for {question!r}; ask for that of {', '.join(TRENDS)}")
    options = _quote_options(question, options)
    top = require_count(top, "top", 100)
    select = _select(store, question, options)
    key, date = TRENDS[question]
    rows = f"""{select.prefix}
        SELECT {key} AS key, try_cast(left({date}, 10) AS DATE) AS day FROM (SELECT {select.columns}\n{select.rest}) x"""
    keys = [r[0] for r in store.con.execute(
        f"SELECT key FROM ({rows}) WHERE day IS NOT NULL GROUP BY key ORDER BY count(*) DESC, key LIMIT {top}", select.params).fetchall()]
    first, last, undated = store.con.execute(
        f"SELECT min(day), max(day), count(*) FILTER (WHERE day IS NULL) FROM ({rows})", select.params).fetchone()
    span = (last - first).days if first is not None else 0
    unit = next((u for days, u in _PERIODS if span <= days), "month")
    series = _dicts(store, f"""
        SELECT CAST(date_trunc('{unit}', day) AS DATE) AS period, CASE WHEN list_contains(?, key) THEN key ELSE 'other' END AS key,
               count(*) AS count
        FROM ({rows}) WHERE day IS NOT NULL GROUP BY ALL ORDER BY period, key""", [keys, *select.params])
    return {"unit": unit, "keys": keys + (["other"] if any(r["key"] == "other" for r in series) else []), "series": series,
            "undated": undated}


# --- views of the corpus (`newswire serve`): several small answers in one -----------

# The articles an entity page lists for each group of its entities (`entity`: the newest).
GROUP_ARTICLES = 5


def _dicts(store: Store, query: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = store.con.execute(query, params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


# The events the overview counts: those the Events tab shows by default (asserted, at the confidence floor), so that
# a count there is the total of the table its link opens.
_SHOWN_EVENT = f"ev.modality = 'asserted' AND ev.confidence >= {EVENT_FLOOR}"


def _quote_at(floor: float) -> str:
    """SQL: a quote `q` at confidence `floor` or above (a number `require_confidence` checked). A quote stored without a
    confidence (a store made before quote confidence, upgraded in place with a NULL column) counts as at QUOTE_FLOOR:
    kept at the default floor or under it, left out above it. Every floored list and count of quotes uses this."""
    floor = float(floor)
    return f"(q.confidence >= {floor!r} OR (q.confidence IS NULL AND {floor!r} <= {QUOTE_FLOOR!r}))"


# The quotes the overview and an entity's page count and list: those the Quotes tab shows by default (at the floor).
_SHOWN_QUOTE = _quote_at(QUOTE_FLOOR)


def overview(store: Store, *, top: int = 10) -> dict[str, Any]:
    """The corpus at a glance: its size, dates and duplicates, its volume per day (articles, quotes at QUOTE_FLOOR or
    above, asserted events at EVENT_FLOOR or above, by publication day) and its most frequent speakers (by those
    quotes), actors, event types and outlets."""
    top = require_count(top, "top", 1000)
    totals = _dicts(store, f"""
        SELECT count(*) AS stored,
               count(*) FILTER (WHERE a.status = '{ANALYSED}') AS analysed,
               count(*) FILTER (WHERE {_CANONICAL}) AS articles,
               count(*) FILTER (WHERE a.duplicate_of IS NOT NULL) AS duplicates,
               count(DISTINCT {_OUTLET}) FILTER (WHERE {_CANONICAL}) AS outlets,
               count(DISTINCT a.source) FILTER (WHERE {_CANONICAL}) AS sources,
               min({_DAY}) FILTER (WHERE {_CANONICAL}) AS first_day,
               max({_DAY}) FILTER (WHERE {_CANONICAL}) AS last_day
        FROM articles a""")[0]
    totals["duplicate_share"] = round(totals["duplicates"] / totals["stored"], 4) if totals["stored"] else 0.0
    totals["quotes"] = store.con.execute(
        f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {_CANONICAL} AND {_SHOWN_QUOTE}").fetchone()[0]
    totals["events"] = store.con.execute(
        f"SELECT count(*) FROM events ev JOIN articles a ON a.id = ev.article_id WHERE {_CANONICAL} AND {_SHOWN_EVENT}").fetchone()[0]
    per_day = _dicts(store, f"""
        WITH days AS (SELECT a.id, {_DAY} AS day FROM articles a WHERE {_CANONICAL} AND {_DAY} IS NOT NULL)
        SELECT d.day, count(*) AS articles,
               coalesce(sum((SELECT count(*) FROM quotes q WHERE q.article_id = d.id AND {_SHOWN_QUOTE})), 0) AS quotes,
               coalesce(sum((SELECT count(*) FROM events ev WHERE ev.article_id = d.id AND {_SHOWN_EVENT})), 0) AS events
        FROM days d GROUP BY d.day ORDER BY d.day""")
    speakers = _dicts(store, f"""
        SELECT coalesce(q.speaker_name, e.name, q.speaker_text) AS name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker_entity
        WHERE {_CANONICAL} AND {_SHOWN_QUOTE} AND coalesce(q.speaker_name, e.name, q.speaker_text) IS NOT NULL
        GROUP BY ALL ORDER BY quotes DESC, name LIMIT {top}""")
    # The actors with the most events, each counted as its link's table counts it: an event once, with the code or a
    # more specific one (the `actor` filter is a prefix: "USA" opens USAGOV's events too) on either side. The
    # candidates are the codes most often on a side themselves; each is then counted with the codes under it.
    actors = _dicts(store, f"""
        WITH sides AS (
            SELECT ev.article_id, ev.ord, upper(ev.source_actor) AS actor FROM events ev JOIN articles a ON a.id = ev.article_id
            WHERE {_CANONICAL} AND {_SHOWN_EVENT} AND ev.source_actor IS NOT NULL
            UNION
            SELECT ev.article_id, ev.ord, upper(ev.target_actor) FROM events ev JOIN articles a ON a.id = ev.article_id
            WHERE {_CANONICAL} AND {_SHOWN_EVENT} AND ev.target_actor IS NOT NULL),
        candidates AS (SELECT actor FROM sides GROUP BY actor ORDER BY count(*) DESC, actor LIMIT {3 * top}),
        under AS (SELECT c.actor, d.actor AS code FROM candidates c JOIN (SELECT DISTINCT actor FROM sides) d
                  ON starts_with(d.actor, c.actor))
        SELECT u.actor, count(DISTINCT (s.article_id, s.ord)) AS events FROM under u JOIN sides s ON s.actor = u.code
        GROUP BY u.actor ORDER BY events DESC, u.actor LIMIT {top}""")
    types = _dicts(store, f"""
        SELECT coalesce(ev.plover, 'CAMEO ' || ev.cameo_root) AS type, count(*) AS events
        FROM events ev JOIN articles a ON a.id = ev.article_id
        WHERE {_CANONICAL} AND {_SHOWN_EVENT}
        GROUP BY ALL ORDER BY events DESC, type LIMIT {top}""")
    outlets = _dicts(store, f"""
        SELECT {_OUTLET} AS outlet, count(*) AS articles FROM articles a
        WHERE {_CANONICAL} AND {_OUTLET} IS NOT NULL GROUP BY ALL ORDER BY articles DESC, outlet LIMIT {top}""")
    return {**totals, "per_day": per_day, "speakers": speakers, "actors": actors, "event_types": types, "top_outlets": outlets}


def copies(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The stored copies of an article (syndicated or repeated near-duplicates, `articles.duplicate_of`): each
    one's id, title, outlet, URL, publication date, where it was read from and its similarity, oldest first.
    For a copy: the other copies of its canonical article (`canonical_of` names that one)."""
    canonical = canonical_of(store, article_id) or article_id
    return _dicts(store, f"""
        SELECT a.id, a.title, {_OUTLET} AS outlet, a.url, a.published, a.source, a.similarity FROM articles a
        WHERE a.duplicate_of = ? AND a.id <> ? ORDER BY a.published NULLS LAST, a.id""", [canonical, article_id])


def stored_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article's stored metadata as the questions use it: id, title, outlet, URL, publication date, similarity (a
    copy's) and `filled`, the names of the fields a canonical took from its copies (`Store._fill_from_copies`: its
    analysis has them empty); None for an unknown id."""
    found = _dicts(store, f"SELECT a.id, a.title, {_OUTLET} AS outlet, a.url, a.published, a.similarity, a.filled FROM articles a "
                          "WHERE a.id = ?", [article_id])
    if not found:
        return None
    return {**found[0], "filled": [name for name in (found[0]["filled"] or "").split(",") if name]}


def failure_of(store: Store, article_id: str) -> dict[str, Any] | None:
    """Why a stored article that failed analysis failed (status `failed`): the stage, reason and message of its latest
    `errors` row (the last run's, then by id); None for an article that did not fail. One with no errors row left says
    only that it failed (stage, reason and message None)."""
    found = store.con.execute("SELECT status FROM articles WHERE id = ?", [article_id]).fetchone()
    if not found or found[0] != FAILED:
        return None
    row = store.con.execute("SELECT stage, reason, message FROM errors WHERE article_id = ? ORDER BY run_id DESC NULLS LAST, id LIMIT 1",
                            [article_id]).fetchone()
    return dict(zip(("stage", "reason", "message"), row or (None, None, None)))


def canonical_of(store: Store, article_id: str) -> str | None:
    """The canonical article a stored copy is linked to (None for a canonical article or an unknown id)."""
    found = store.con.execute("SELECT duplicate_of FROM articles WHERE id = ?", [article_id]).fetchone()
    return found[0] if found else None

def entity(store: Store, *, name: str | None = None, id: str | None = None, top: int = 20) -> dict[str, Any]:
    """Everything about the entities named `name` (whole words, any case, as the timeline finds them), or about one
    corpus entity (`id`, read by key: only the article entities linked to it): the names and words they go by,
    their quotes (those at QUOTE_FLOOR or above, as the Quotes tab; for a corpus entity also `all`: how many at any
    confidence, as its timeline lists them), the events they are source or target of (those the Events tab shows by
    default: asserted, at EVENT_FLOOR or above; `all`: how many of any modality and confidence, as its timeline lists
    them), the entities named in the same articles, and their articles, quotes and events (at the floors) per week."""
    top = require_count(top, "top", 1000)
    corpus = None
    if id is not None:
        _require_links(store)
        corpus = _dicts(store, "SELECT * FROM corpus_entities WHERE id = ?", [require_corpus_id(id, "id")])
        if not corpus:
            raise UsageError(f"no corpus entity {id}; /api/corpus_entities?name= lists those of a name")
        name = corpus[0]["name"]
    condition, param = _named(name, id, "name", store.tallies_current())
    named = f"""WITH named AS (
            SELECT e.article_id, e.id, e.name, e.type, e.actor, e.country, e.titles FROM entities e JOIN articles a ON a.id = e.article_id
            WHERE {_CANONICAL} AND {condition})"""
    names = _dicts(store, f"""{named}
        SELECT n.name, n.type, count(DISTINCT n.article_id) AS articles, mode(n.actor ORDER BY n.actor) AS actor
        FROM named n GROUP BY n.name, n.type ORDER BY articles DESC, n.name, n.type LIMIT {top}""", [param])
    groups = _dicts(store, f"""{named}
        SELECT n.name, n.type, n.actor, n.country, {_TITLES.format(e="n")} AS titles, count(DISTINCT n.article_id) AS articles,
               list(DISTINCT {{'article_id': a.id, 'title': a.title, 'published': a.published}}) AS seen_in
        FROM named n JOIN articles a ON a.id = n.article_id
        GROUP BY {_EVIDENCE.format(e="n")}
        ORDER BY articles DESC, n.name, n.type, n.actor NULLS LAST, n.country NULLS LAST LIMIT {top}""", [param])
    for group in groups:  # its newest articles (at most GROUP_ARTICLES), to tell the groups apart by
        newest = sorted(group["seen_in"], key=lambda r: (r["published"] or "", r["article_id"]), reverse=True)
        group["seen_in"] = newest[:GROUP_ARTICLES]
    words = _dicts(store, f"""{named}
        SELECT m.text, count(*) AS mentions FROM mentions m JOIN named n ON n.article_id = m.article_id AND n.id = m.entity_id
        GROUP BY m.text ORDER BY mentions DESC, m.text LIMIT {top}""", [param])
    if id is None:  # by name: the quotes question's (its speaker names count too)
        quoted = page(store, "quotes", speaker=name, limit=top, sort="-published")
        said = {"rows": quoted.rows.dicts(), "total": quoted.total}
    else:  # one corpus entity: the quotes its linked entities said; `all`: at any confidence, as its timeline lists them
        said_from = """FROM quotes q JOIN named n ON n.article_id = q.article_id AND n.id = q.speaker_entity
            JOIN articles a ON a.id = q.article_id"""
        rows = _dicts(store, f"""{named}
            SELECT a.published, coalesce(q.speaker_name, n.name, q.speaker_text) AS speaker, q.type, q.content_text AS quote,
                   q.cue_lemma AS cue, q.confidence, a.title, q.article_id, q.content_start AS start, q.content_end AS "end"
            {said_from} WHERE {_SHOWN_QUOTE}
            ORDER BY a.published DESC NULLS LAST, q.article_id, q.ord LIMIT {top}""", [param])
        shown_total, every = store.con.execute(
            f"{named}\nSELECT count(*) FILTER (WHERE {_SHOWN_QUOTE}), count(*) {said_from}", [param]).fetchone()
        said = {"rows": rows, "total": shown_total, "all": every}
    events_sql = f"""{named}
        SELECT coalesce(ev.date, a.published) AS date, CASE WHEN ev.source_entity IN (SELECT id FROM named n WHERE n.article_id = ev.article_id)
                    THEN 'source' ELSE 'target' END AS role,
               ev.source_text AS source, ev.source_actor, ev.plover, ev.cameo, ev.trigger_text AS trigger,
               ev.target_text AS target, ev.target_actor, ev.modality, a.title, ev.article_id,
               ev.sentence_start AS start, ev.sentence_end AS "end", count(*) OVER () AS _total
        FROM events ev JOIN articles a ON a.id = ev.article_id
        WHERE EXISTS (SELECT 1 FROM named n WHERE n.article_id = ev.article_id AND n.id IN (ev.source_entity, ev.target_entity))"""
    # the newest `top` of those the Events tab shows by default (asserted, at the floor), each with how many there are
    # (`_total`): one pass, not a count and then the rows; `all`: at any modality and confidence, as its timeline lists them
    acted = _dicts(store, f"{events_sql} AND {_SHOWN_EVENT}\nORDER BY date DESC NULLS LAST, ev.article_id, ev.ord LIMIT {top}", [param])
    events_total = acted[0]["_total"] if acted else 0
    for row in acted:
        del row["_total"]
    (events_all,) = store.con.execute(f"SELECT count(*) FROM ({events_sql})", [param]).fetchone()
    # the others named in its articles: not the entities it is itself (by name, or linked to it)
    itself = f"NOT {condition}" if id is None else f"{shown()} IS DISTINCT FROM ?"
    together = _dicts(store, f"""{named}
        SELECT e.name, e.type, count(DISTINCT e.article_id) AS articles
        FROM entities e JOIN (SELECT DISTINCT article_id FROM named) n ON n.article_id = e.article_id
        WHERE {itself}
        GROUP BY e.name, e.type ORDER BY articles DESC, e.name, e.type LIMIT {top}""", [param, param])
    weeks = _dicts(store, f"""{named},
        arts AS (SELECT DISTINCT n.article_id, CAST(date_trunc('week', {_DAY}) AS DATE) AS week FROM named n JOIN articles a ON a.id = n.article_id
                 WHERE {_DAY} IS NOT NULL),
        -- per article, then per week (joins, not a subquery per article: 108 ms against 69 at 10k articles)
        said AS (SELECT q.article_id, count(*) AS n FROM quotes q JOIN named n ON n.article_id = q.article_id AND n.id = q.speaker_entity
                 WHERE {_SHOWN_QUOTE} GROUP BY ALL),
        acted AS (SELECT ev.article_id, count(DISTINCT ev.ord) AS n FROM events ev
                  JOIN named n ON n.article_id = ev.article_id AND n.id IN (ev.source_entity, ev.target_entity)
                  WHERE {_SHOWN_EVENT} GROUP BY ALL)
        SELECT w.week, count(*) AS articles, coalesce(sum(s.n), 0) AS quotes, coalesce(sum(d.n), 0) AS events
        FROM arts w LEFT JOIN said s ON s.article_id = w.article_id LEFT JOIN acted d ON d.article_id = w.article_id
        GROUP BY w.week ORDER BY w.week""", [param])
    answer = {"name": name.strip(), "names": names, "groups": groups, "mentioned_as": words, "quotes": said,
              "events": {"rows": acted, "total": events_total, "all": events_all}, "co_occurring": together, "per_week": weeks,
              "corpus": _with_articles(store, _described(store, corpus, name), top) if id is not None else corpus_entities_named(store, name=name, top=top, articles=True)}
    if id is not None:
        answer["id"] = corpus[0]["id"]
    return answer


def corpus_entities_named(store: Store, *, name: str, top: int = 20, articles: bool = False) -> list[dict[str, Any]]:
    """The corpus entities (one entity across articles) whose name or an alias holds `name` as whole words (any
    case), most articles first: who a name may be ("Clinton": Hillary Clinton, Bill Clinton, Clinton Hill). Each
    has its columns of `corpus_entities`, the `titles` its articles give it, and `exact`: whether `name` is its own
    name (an entity of that name, of its type, would be linked to it: the same key, as `link.entity_key` makes it;
    "Hillary Clinton" is Hillary Rodham Clinton's, not Chelsea Clinton's, whose articles wrote it once). articles: each with its newest `top` articles too (`article_rows`). A store
    made before the links has none."""
    pattern = _words(require_text(name, "name"))
    top = require_count(top, "top", 1000)
    if not _has_links(store):
        return []
    found = _dicts(store, f"""
        SELECT c.* FROM corpus_entities c
        WHERE regexp_matches({_nfc('c.name')}, ?) OR EXISTS (SELECT 1 FROM unnest(c.aliases) AS t(alias) WHERE regexp_matches({_nfc('t.alias')}, ?))
        ORDER BY c.articles DESC, c.id LIMIT {top}""", [pattern, pattern])
    _described(store, found, name)
    return _with_articles(store, found, top) if articles else found


def _described(store: Store, found: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """Each corpus entity of `found` with the titles its articles give it and whether `name` is its own (`exact`)."""
    for c in found:
        c["exact"] = entity_key(c["type"], name, c["country"], c["actor"]) == c["key"]
        # by key, one corpus entity at a time: `IN (list)` would scan `entities` where `=` reads its index
        condition, params = one_linked(store.con, c["id"])
        c["titles"] = store.con.execute(f"SELECT {_TITLES.format(e='e')} FROM entities e WHERE {condition}", params).fetchone()[0] or []
    return found


def _with_articles(store: Store, found: list[dict[str, Any]], top: int) -> list[dict[str, Any]]:
    """Each corpus entity of `found` with its latest `top` articles (their first mention of it: where the page
    opens them), as `article_rows`."""
    for c in found:
        condition, params = one_linked(store.con, c["id"])
        c["article_rows"] = _dicts(store, f"""
            SELECT a.published, a.title, e.name, e.article_id, m.start, m."end"
            FROM entities e JOIN articles a ON a.id = e.article_id
            JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.id
            WHERE {condition} AND {_CANONICAL}
            QUALIFY row_number() OVER (PARTITION BY e.article_id ORDER BY m.start) = 1
            ORDER BY a.published DESC NULLS LAST, e.article_id LIMIT {top}""", params)
    return found


def sql(db: str | Path, query: str) -> Rows:
    """Any SQL, on a read-only connection that cannot touch other files either."""
    with sql_stream(db, query) as stream:
        return Rows(stream.columns, list(stream))


@contextlib.contextmanager
def sql_stream(db: str | Path, query: str) -> typing.Iterator[RowStream]:
    """`sql`, with the rows read as they are used: for answers larger than memory."""
    require_database(db)
    if not _is_utf8(query):
        raise QueryError("the SQL holds bytes that are not UTF-8 text; check the terminal's encoding")
    con = connect(db, read_only=True, config={"enable_external_access": False})
    try:
        show_split_rules(con)
        try:
            statements = con.extract_statements(query)
            if len(statements) != 1:
                raise QueryError(f"newswire sql runs one SQL statement; this holds {len(statements)}")
            # a relation names the columns without running the query, and streams to
            # Arrow (a statement that gives no rows, such as a PRAGMA that sets, gives None)
            relation = con.sql(statements[0].query)
        except duckdb.Error as err:
            raise _sql_error(db, err) from None
        yield RowStream(db, con, statements[0].query, relation)
    finally:
        con.close()


def _empty_batch(schema: Any) -> Any:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist([], schema=schema)


def _sql_error(db: str | Path, err: duckdb.Error) -> Exception:
    damage = store_error(db, err, reading=True)
    if damage is not None:
        return damage
    message = first_line(err, limit=500)
    return QueryError(f"{message.replace(' which is attached in read-only mode', '')} (newswire sql is read-only)"
                      if "read-only" in message else message)


def export(
    db: str | Path,
    directory: str | Path,
    *,
    format: str = "parquet",
    min_confidence: float | None = EVENT_FLOOR,
    modality: str | None = "asserted",
    notes: list[str] | None = None,
) -> list[Path]:
    """Write every table of the store to `directory`, one file per table; the files written.

    format "gdelt": the events as GDELT rows, only those `query events` shows by default (asserted, confidence at
    least EVENT_FLOOR): GDELT has no modality, and its readers count every row as a thing that happened;
    `min_confidence` 0 or None and `modality` "any" or None write every event. `notes`, when given, receives a line
    saying how many events the filters left out."""
    if format not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {format!r}; use one of: {', '.join(EXPORT_FORMATS)}")
    min_confidence = require_confidence(min_confidence, "--min-confidence") if min_confidence is not None else 0.0
    modality = require_modality(modality, "--modality") if modality is not None else None
    if not str(directory).strip():
        raise UsageError("the export folder's name is empty; give a folder, e.g. out/")
    if not _is_utf8(str(directory)):  # DuckDB writes files by UTF-8 names only
        raise UsageError(f"the export folder's name {str(directory)!r} is not UTF-8; pass another folder")
    directory = Path(directory)
    if os.path.exists(directory) and not os.path.isdir(directory):  # (os.path: False, not OSError, for a name too long)
        raise UsageError(f"{directory} is a file, and export writes a folder of files; pass a folder")
    with Store(db, read_only=True) as store:
        staging = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # every file is written aside first and moved in place only when all are written: an export that fails
            # half-way (a damaged store, a full disk) leaves the folder as it was, not a part that looks whole
            staging = Path(tempfile.mkdtemp(prefix=".newswire-export-", dir=directory))
            if format == "gdelt":
                staged, left_out = _export_gdelt(
                    store, staging / GDELT_FILE, staging / GDELT_MENTIONS_FILE, min_confidence=min_confidence, modality=modality
                )
                if notes is not None and left_out:
                    notes.append(
                        f"{left_out:,} event{'s' if left_out != 1 else ''} left out (not asserted, or under confidence {min_confidence:g}: GDELT rows carry no "
                        "modality, and below the floor most records are wrong); --modality any --min-confidence 0 writes every event"
                    )
            else:
                staged = []
                show_split_rules(store.con)
                for table in TABLES:
                    suffix = "parquet" if format == "parquet" else "jsonl"
                    path = staging / f"{table}.{suffix}"
                    # each table in its key's order, so an export is the same file every time
                    order = ", ".join(table_key(table))
                    options = "FORMAT parquet" if format == "parquet" else "FORMAT json"
                    escaped = str(path).replace("'", "''")
                    store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{escaped}' ({options})")
                    staged.append(path)
            written = []
            for path in staged:
                os.replace(path, directory / path.name)
                written.append(directory / path.name)
        except (OSError, duckdb.IOException) as err:
            if damaged(err):
                raise  # the store, not the folder: Store says so
            message = first_line(err)
            raise UsageError(f"cannot write to {directory}: {message}; pass another folder") from None
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
    return written


def _export_gdelt(
    store: Store, path: Path, mentions_path: Path, *, min_confidence: float = 0.0, modality: str | None = None
) -> tuple[list[Path], int]:
    """Every analysed article's events (those `gdelt.kept_events` keeps) as GDELT 2.0 event rows, and their Mentions
    rows (one per event: the article that mentions it), in article id order (see docs/gdelt.md); the files, and how
    many events the filters left out."""
    articles = store.con.execute(
        "SELECT id, source, published, url, filled FROM articles WHERE status = ? ORDER BY id", [ANALYSED]).fetchall()
    left_out = 0
    with path.open("w", encoding="utf-8") as out, mentions_path.open("w", encoding="utf-8") as mentions:
        for article_id, source, published, url, filled in articles:
            analysis = store.load_analysis(article_id)
            if analysis is not None:
                # the date and URL its copies gave (`articles.filled`), as the questions use them
                analysis.published, analysis.url = published, url
                given = "published" in (filled or "").split(",")
                out.write(gdelt_tsv(analysis, min_confidence=min_confidence, modality=modality, dated_by_copies=given))
                mentions.write(mentions_tsv(analysis, source=source, min_confidence=min_confidence, modality=modality))
                left_out += len(analysis.events) - len(kept_events(analysis, min_confidence=min_confidence, modality=modality))
    return [path, mentions_path], left_out


def _published(where: list[str], params: list[Any], start: str | None, end: str | None) -> None:
    """Add a publication date range (the article's `a.published`, inclusive) to a query's conditions."""
    _days(where, params, "left(a.published, 10)", start, end)


def _event_dates(where: list[str], params: list[Any], start: str | None, end: str | None) -> None:
    """Add an event date range (the event's own date, else its article's) to a query's conditions."""
    _days(where, params, _EVENT_DAY, start, end)


def _days(where: list[str], params: list[Any], day: str, start: str | None, end: str | None) -> None:
    """Add `start <= day <= end` (--from, --to: days, YYYY-MM-DD; either may be left out) to a query's conditions."""
    first = require_date(start, "--from") if start else None
    last = require_date(end, "--to") if end else None
    if first and last and first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    if first:
        where.append(f"{day} >= ?")
        params.append(first)
    if last:
        where.append(f"{day} <= ?")
        params.append(last)


def _one_of(where: list[str], params: list[Any], column: str, value: str | None, values: tuple[str, ...], what: str) -> None:
    """Add `column = value` to a query's conditions, `value` (a --type) one of `values` in any case, else a `UsageError`."""
    if value is None:
        return
    text = require_text(value, "--type")
    chosen = next((v for v in values if v.lower() == text.lower()), None)
    if chosen is None:
        raise UsageError(f"unknown {what} {text!r}; use one of {', '.join(values)}")
    where.append(f"{column} = ?")
    params.append(chosen)


def _outlet(where: list[str], params: list[Any], outlet: str | None) -> None:
    """Add an outlet to a query's conditions: the article URL's host (`_OUTLET`) is it, or is under it
    (bbc.co.uk: news.bbc.co.uk too), in any case; "www." before it is ignored, as in the outlet facet."""
    if outlet is None:
        return
    host = require_text(outlet, "--outlet").lower().removeprefix("www.")
    where.append(f"({_OUTLET} = ? OR ends_with({_OUTLET}, ?))")
    params += [host, "." + host]


def require_count(value: int | None, what: str, maximum: int = MAX_ROWS) -> int | None:
    """A number of rows from 1 to `maximum` (None stays None), or a one-line `UsageError` naming `what`."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{what} takes a whole number of rows, not {value!r}")
    if not 1 <= value <= maximum:
        raise UsageError(f"{what} {value} is out of range; give 1 to {maximum:,}")
    return value


def require_text(value: str, what: str) -> str:
    """A name, code or type to look for, stripped; a one-line `UsageError` naming `what` if it is
    blank, too long, holds a control character (a NUL byte) or bytes that were not UTF-8, or has
    no letter or digit."""
    if not isinstance(value, str):
        raise UsageError(f"{what} takes text, not {value!r}")
    text = value.strip()
    if not text:
        raise UsageError(f"{what} is blank; give a name or code to look for")
    if len(text) > MAX_TEXT:
        raise UsageError(f"{what} is {len(text):,} characters long; give at most {MAX_TEXT:,}")
    if not _is_utf8(text):
        raise UsageError(f"{what} holds bytes that are not UTF-8 text; check the terminal's encoding")
    control = next((c for c in text if unicodedata.category(c) == "Cc"), None)
    if control is not None:
        raise UsageError(f"{what} holds a control character ({control!r}); give plain text")
    if not any(c.isalnum() for c in text):  # "." or a zero-width space would match words around any punctuation
        raise UsageError(f"{what} {text!r} has no letter or digit; give a name or code to look for")
    return text


def require_corpus_id(value: str, what: str) -> str:
    """A corpus entity's id ("C" and 15 hex digits, as `corpus_entities.id` holds them), or a one-line `UsageError`."""
    text = value.strip() if isinstance(value, str) else value
    if not isinstance(text, str) or not re.fullmatch(r"C[0-9a-f]{15}", text):
        raise UsageError(f"{what} {value!r} is not a corpus entity's id; an id is C and 15 hex digits "
                         f"(`newswire query entity NAME` lists them)")
    return text


def require_confidence(value: float | str, what: str) -> float:
    """A confidence from 0 to 1 (a number, or its text from a URL), or a one-line `UsageError` naming `what`."""
    try:
        number = float(value) if isinstance(value, str) and value.strip() else value
    except ValueError:
        number = None
    if isinstance(number, bool) or not isinstance(number, (int, float)) or not 0 <= number <= 1:
        typed = format(value, "g") if isinstance(value, float) else str(value)  # 2, as typed, not the CLI's 2.0
        raise UsageError(f"{what} takes a number from 0 to 1, not {typed[:40]!r}")
    return float(number)


def require_modality(value: str, what: str) -> str:
    """An event modality (asserted, negated, ...) or "any", lower-cased, or a one-line `UsageError` naming `what`."""
    modality = require_text(value, what).lower()
    if modality not in (*MODALITIES, ANY_MODALITY):
        raise UsageError(f"unknown modality {value!r}; use one of {', '.join(MODALITIES)} or {ANY_MODALITY}")
    return modality


def require_grouping(value: str, what: str) -> str:
    """What `tone` groups by (`TONE_GROUPS`: day, week, month, year, outlet), lower-cased, or a one-line `UsageError`."""
    group = require_text(value, what).lower()
    if group not in TONE_GROUPS:
        raise UsageError(f"{what} {value!r} is not a grouping; use one of {', '.join(TONE_GROUPS)}")
    return group


def require_flag(value: bool | str, what: str) -> bool:
    """A switch: True or False, or as a web page sends it, "1"/"true" (on) and "0"/"false" (off)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("1", "true", "0", "false"):
        return value.lower() in ("1", "true")
    raise UsageError(f"{what} {value!r} is not on or off; give 1 or 0")


def require_actor(value: str, what: str) -> str:
    """An actor code or its prefix (letters: SYR, SYRGOV), upper-cased, or a one-line `UsageError`.

    A country's name or demonym stands for its code ("Russia", "Russian",
    "russia" → RUS), the same for `newswire query` and the web UI; written in
    capitals, "IRA" or "USAGOV" is a code, not a word.
    """
    text = require_text(value, what)
    named = None
    if not (text.isupper() and len(text) >= 3):
        from ..lexicon.countries import country_named

        named = country_named(text) or (country_named(text.title()) if text.islower() else None)
    code = (named or text).upper()
    if not re.fullmatch("[A-Z]+", code):
        raise UsageError(f"{what} {value!r} is not an actor code; give letters only, e.g. SYR or SYRGOV")
    return code


def stories(store: Store, *, min_sources: int | None = 2, story: str | None = None, start: str | None = None,
            end: str | None = None, type: str | None = None, limit: int | None = None) -> Rows:
    """One happening across articles: corpus events reported by at least `min_sources` outlets (syndicated copies
    counted once), most sources first, one row per article reporting it with its evidence (the event's trigger and
    sentence there, `start` and `end` its sentence's offsets); `story` one corpus event by its id; `start`, `end`
    and `type` (a PLOVER category, a CAMEO code or prefix) the stories with a report of that date and type."""
    _require_event_links(store)
    return _rows(store, _stories(min_sources=min_sources, story=story, start=start, end=end, type=type), require_count(limit, "--limit"))


def _require_event_links(store: Store) -> None:
    if not store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'corpus_events'").fetchone()[0]:
        raise UsageError(
            f"{store.path} was made before events were linked across articles; "
            f"run `newswire ingest` on it once (it adds nothing new and links what is stored)"
        )


def _stories(*, min_sources: int | str | None = 2, story: str | None = None, start: str | None = None, end: str | None = None,
             type: str | None = None) -> _Select:
    where, params = [], []
    if story is not None:
        where.append("s.id = ?")
        params.append(require_text(story, "--story"))
    elif min_sources is not None:
        where.append("s.num_sources >= ?")
        params.append(require_count(min_sources, "--min-sources"))
    if start is not None or end is not None or type is not None:  # stories with a report of that date and type
        reports, more = _event_filters(start=start, end=end, type=type, min_confidence=None)
        where.append(f"s.id IN (SELECT ev.corpus_event FROM events ev JOIN articles a ON a.id = ev.article_id WHERE {' AND '.join(reports)})")
        params += more
    return _Select(
        """s.date, s.plover AS type, s.cameo, coalesce(se.name, s.source_actor) AS source, coalesce(te.name, s.target_actor) AS target,
               s.place, s.num_sources AS sources, s.num_articles AS articles, s.num_mentions AS mentions, a.published,
               """ + _OUTLET + """ AS outlet, a.title, v.trigger_text AS trigger, v.sentence_text AS evidence, v.article_id,
               v.sentence_start AS start, v.sentence_end AS "end", s.id AS story""",
        f"""FROM corpus_events s JOIN events v ON v.corpus_event = s.id JOIN articles a ON a.id = v.article_id
        LEFT JOIN corpus_entities se ON se.id = s.source_entity
        LEFT JOIN corpus_entities te ON te.id = s.target_entity
        {'WHERE ' + ' AND '.join(where) if where else ''}""",
        params,
        "s.num_sources DESC, s.num_articles DESC, s.date, s.id, a.published NULLS LAST, v.article_id, v.ord",
    )


def _rows(store: Store, select: _Select, limit: int | None) -> Rows:
    if select.key and limit is not None:
        return _late_page(store, select, ["_n"], limit, 0, None).rows
    query = f"{select.sql()}\nORDER BY {select.order}"
    if limit is not None:
        query += f"\nLIMIT {int(limit)}"
    cursor = store.con.execute(query, select.params)
    return Rows([d[0] for d in cursor.description], cursor.fetchall())


def page(store: Store, question: str, *, limit: int, offset: int = 0, sort: str | None = None, **options: Any) -> Page:
    """Rows `offset` to `offset + limit` of a question's answer (`options`: its keywords but its count), with the
    answer's total number of rows; the page `newswire serve` shows.

    sort: a column of the answer, descending with a leading "-" ("-published"); ties (and no sort) keep the
    question's own order.
    """
    if question not in QUESTIONS:
        raise UsageError(f"no question {question!r}; ask one of {', '.join(QUESTIONS)}")
    options = _quote_options(question, options)
    if question == "corpus_entity" or options.get("spread") is not None:
        _require_links(store)
    if question == "figures":
        _require_figure_places(store)
    limit = require_count(limit, "limit")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise UsageError(f"offset {offset!r} is not a number of rows to skip; give 0 or more")
    found = _search_page(store, question, options, limit, offset, sort)
    if found is not None:
        return found
    by_article = _page_by_article(store, question, options, limit, offset, sort)
    if by_article is not None:
        return by_article
    select = _select(store, question, options)
    order = ["_n"]
    if sort is not None:
        columns = [d[0] for d in store.con.execute(f"SELECT * FROM ({select.sql()}) LIMIT 0", select.params).description]
        column = sort.removeprefix("-")
        if column not in columns:
            raise UsageError(f"cannot sort by {sort!r}; give one of {', '.join(columns)} (with a leading - for descending)")
        quoted = '"' + column.replace('"', '""') + '"'
        order.insert(0, f"{quoted} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST")
    if select.key:
        return _late_page(store, select, order, limit, offset, sort)
    total = store.con.execute(f"SELECT count(*) FROM ({select.sql()})", select.params).fetchone()[0]
    by_date = _by_date(select, sort)
    if by_date is not None:  # the question's own order (or by date, its first key): its first rows, none numbered
        cursor = store.con.execute(f"{select.sql()}\nORDER BY {by_date} LIMIT {int(limit)} OFFSET {int(offset)}", select.params)
    else:
        numbered = select.sql(f", row_number() OVER (ORDER BY {select.order}) AS _n")
        cursor = store.con.execute(
            f"SELECT * EXCLUDE (_n) FROM ({numbered}) ORDER BY {', '.join(order)} LIMIT {int(limit)} OFFSET {int(offset)}",
            select.params,
        )
    return Page(Rows([d[0] for d in cursor.description], cursor.fetchall()), total, offset, limit, sort)


_BY_DATE = "a.published NULLS LAST"
# A search page in date order reads PAGE_SHARE times as many rows of the question without its search as it shows
# (with those before it), in that order, and finds its rows among them (`_search_page`): enough when a twentieth of
# them hold it; a search held by fewer (a rarer word), or a page whose rows would be more than PAGE_CANDIDATES (far
# down), or whose rows read would be more than a tenth of the table's (a small one), is answered from every row that
# holds it.
PAGE_SHARE = 20
PAGE_CANDIDATES = 5000


def _by_date(select: _Select, sort: str | None) -> str | None:
    """SQL ordering a question's rows as a page sorted by `sort` orders them, where that needs no numbering of the
    answer: its own order (no sort), or by date (`published`, `-published`) where its order starts with the date
    (its ties then in its own order); else None."""
    if sort is None:
        return select.order
    if sort in ("published", "-published") and select.order.startswith(_BY_DATE):
        return select.order.replace(_BY_DATE, "a.published DESC NULLS LAST" if sort.startswith("-") else _BY_DATE, 1)
    return None


def _search_page(store: Store, question: str, options: dict[str, Any], limit: int, offset: int, sort: str | None) -> Page | None:
    """A page of a text search (articles or quotes: the search alone, in date order or the question's own) with its
    total counted from the word index alone (`_search_total`), where the index's answer is exact; None where it is
    not (the caller answers it as before).

    The page's rows are the first rows of the question without the search, in the page's order, that hold the text
    (`_held`: a search held by many rows, "the" in most quotes, finds its page among a few hundred); where too many
    would be read for it (PAGE_CANDIDATES), or too few of those read hold it, the caller picks them from every row
    that holds it (`_late_page`)."""
    search = options.get("search")
    taken = ("search", "min_confidence") if question == "quotes" else ("search",)  # quotes: at a floor too (QUOTE_FLOOR)
    if (question not in ("articles", "quotes") or search is None or any(v is not None for k, v in options.items() if k not in taken)
            or not store.words_current()):
        return None
    text = require_text(search, "--search")
    floor = {} if options.get("min_confidence") is None else {"min_confidence": require_confidence(options["min_confidence"], "--min-confidence")}
    plain, first = globals()[f"_{question}"](**floor), _articles()
    order, wanted = _by_date(plain, sort), offset + limit
    # quotes are in the order of their articles, then their own (checked here, as the page's rows are read so)
    if order is None or question == "quotes" and plain.order != f"{first.order.replace('a.id', 'q.article_id')}, q.ord":
        return None
    count = PAGE_SHARE * wanted
    (size,) = store.con.execute(f"SELECT count(*) FROM {question}").fetchall()[0]
    if count > PAGE_CANDIDATES or count > size * wordindex.CHECK_SHARE:  # (a small table: its rows are checked by one scan)
        return None
    how = wordindex.answer(store.con, text, store.pairs_current())
    if how is None or not how.exact:
        return None
    held = _held(store, question, text, plain, first, order, sort, count, wanted, size)
    total = None if held is None else _search_total(store, question, how, text, floor.get("min_confidence"))
    if total is None:
        return None
    rows = held[offset:wanted]
    store.con.register("_page_rows", pa.table({"row": pa.array(rows, pa.int64())}))
    return _made(store, globals()[f"_{question}"](search=search, indexed="_page_rows", **floor), rows, total, offset, limit, sort)


def _held(store: Store, question: str, text: str, plain: _Select, first: _Select, order: str, sort: str | None, count: int,
          wanted: int, size: int) -> list[int] | None:
    """The row ids of the first rows of a question (`plain`: without its search, in `order`) that hold `text`, in
    that order, among about `count` of them (quotes: those of the first articles, `first` in the same order); None
    if fewer than `wanted` of them hold it while rows are left; `size`: the question's table's number of rows."""
    if question == "quotes":
        (articles,) = store.con.execute("SELECT count(*) FROM articles").fetchall()[0]
        per_article = size / max(1, articles)
        size = int(count / max(per_article, 0.01)) + 1
        window = [i for (i,) in store.con.execute(
            f"SELECT a.id {first.rest} ORDER BY {_by_date(first, sort)} LIMIT {size}", first.params).fetchall()]
        candidates = [r for (r,) in store.con.execute(
            f"{plain.prefix}\nSELECT q.rowid {plain.rest} AND q.article_id IN (SELECT unnest(?::VARCHAR[]))\nORDER BY {order}",
            plain.params + [window]).fetchall()]
        whole = len(window) < size  # every article's quotes were read
    else:
        candidates = [r for (r,) in store.con.execute(
            f"{plain.prefix}\nSELECT a.rowid {plain.rest}\nORDER BY {order} LIMIT {count}", plain.params).fetchall()]
        whole = len(candidates) < count
    # the first fifth first: where it holds fewer than a fifth of those wanted the rest would not hold them (a rarer
    # word: given up after reading little); where it holds them all, they are the page's rows
    part = max(1, len(candidates) // 5)
    held = wordindex.holding(store.con, question, candidates[:part], _contains(text))
    if len(held) < wanted:
        if len(held) * 5 < wanted and not whole:
            return None
        held += wordindex.holding(store.con, question, candidates[part:], _contains(text))
    return held if len(held) >= wanted or whole else None


# Articles whose rows may not be one per article and ord (quotes) or id (entities): an article that failed after it
# was analysed keeps its old rows beside those of its next analysis. Each analysis numbers its rows of a table from 0
# (`ord`: `store.analysis_rows`), so an article with rows of two analyses has more rows than numbers from its least to
# its greatest (some articles without may be listed too: rows missing between two numbers; they are counted as the
# answer lists them all the same)
_SHARED_KEYS = """SELECT article_id FROM quotes GROUP BY article_id HAVING count(*) <> max(ord) - min(ord) + 1
    UNION SELECT article_id FROM entities GROUP BY article_id HAVING count(*) <> max(ord) - min(ord) + 1"""
SHARED_KEYS_MAX = 1000  # more articles with shared keys than this: a search's total is counted from its rows


def _search_total(store: Store, question: str, how: wordindex.Plan | wordindex.Chain, text: str,
                  min_confidence: float | None = None) -> int | None:
    """The number of rows of a search's answer (the search alone: its canonical articles, or their quotes; quotes at
    `min_confidence` or above where given), counted from the word index; None where it cannot be (too many articles
    whose rows share their keys).

    An article's index holds one row per text: its quotes are counted so where each has its own ord and speaker
    entity; the quotes of an article whose rows share them (`_SHARED_KEYS`) are counted as the answer lists them. The
    index knows no confidence: at a floor, the quotes under it (or without a confidence: a scan of the quotes'
    confidence, a few percent of them) are taken out of the index's count by their keys."""
    canonical = f"SELECT a.id FROM articles a WHERE {_CANONICAL}"
    if question == "articles":
        return wordindex.counted(store.con, how, question, canonical)
    shared = [i for (i,) in store.con.execute(f"{_SHARED_KEYS} LIMIT {SHARED_KEYS_MAX + 1}").fetchall()]
    if len(shared) > SHARED_KEYS_MAX:
        return None
    under = None if min_confidence is None else (
        f"SELECT {wordindex.article_number('article_id')} AS article, ord FROM quotes q WHERE NOT coalesce({_quote_at(min_confidence)}, false)",
        [])
    total = wordindex.counted(store.con, how, question, f"{canonical} AND a.id NOT IN (SELECT unnest(?::VARCHAR[]))", [shared],
                              left_out=under)
    if shared:  # their rows that hold it, each as often as the answer lists it
        (rows,) = store.con.execute("SELECT list(rowid) FROM quotes WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [shared]).fetchall()[0]
        store.con.register("_shared_rows", pa.table({"row": pa.array(wordindex.holding(store.con, question, rows or [], _contains(text)), pa.int64())}))
        select = _quotes(search=text, indexed="_shared_rows", min_confidence=min_confidence)
        total += store.con.execute(f"SELECT count(*) FROM ({select.sql()})", select.params).fetchall()[0][0]
    return total


# The questions whose rows `_page_by_article` pages from the counts the store keeps per article (`corpus/tally.py`):
# the option they need, the kept table and how an article's rows are counted from it, which names it matches, the
# sorts that keep an article's rows together (its date column, ascending or descending), and the column of the
# counts' confidence in tenths (`tally.tenths`: a `min_confidence` of tenths, QUOTE_FLOOR, is counted from it; None:
# the question has no floor).
_BY_ARTICLE = {
    "quotes": ("speaker", "quote_speakers", "sum(quotes)",
               "speaker_name IN (SELECT name FROM named) OR speaker_text IN (SELECT name FROM named) "
               "OR entity_name IN (SELECT name FROM named)", "published", "tenths"),
    "timeline": ("entity", "entity_rows", "sum(said) + sum(acts) + CASE WHEN sum(mentions) > 0 THEN 1 ELSE 0 END",
                 "name IN (SELECT name FROM named)", "date", None),
}
# the tables whose rows make those questions' rows
_BY_ARTICLE_TABLES = {"quotes": ("quotes", "entities"), "timeline": ("entities", "quotes", "events", "mentions")}
# an article id as the store makes them (a content hash), so a page's ids can be written into its SQL
_ARTICLE_ID = re.compile(r"[0-9a-f]{1,64}")


def _page_by_article(store: Store, question: str, options: dict[str, Any], limit: int, offset: int,
                     sort: str | None) -> Page | None:
    """The page of `quotes --speaker` or of a timeline by name from what the store keeps (`corpus/tally.py`), or None
    (another question, other filters, a sort that splits articles, a store without the counts): the same rows and
    total as the question's own SQL, without joining and sorting every row of a name said a million times.

    Each article's rows come together in the question's order (by date, then article), so the counts kept per article
    give the total and the articles that hold the page; the question's own SQL then makes the rows of those articles
    only, and the page is cut from them."""
    if question not in _BY_ARTICLE or not store.tallies_current():
        return None
    option, table, counted, matches, date, in_tenths = _BY_ARTICLE[question]
    taken = (option, "tallied", *(("min_confidence",) if in_tenths else ()))
    if options.get(option) is None or any(v is not None for k, v in options.items() if k not in taken):
        return None
    if sort not in (None, date, f"-{date}"):
        return None
    if in_tenths and options.get("min_confidence") is not None:  # a floor of tenths (0.3, not 0.35): the counts at it
        floor = require_confidence(options["min_confidence"], "--min-confidence")
        if round(floor * 10) / 10 != floor:
            return None
        # a quote stored without a confidence counts as at QUOTE_FLOOR (`_quote_at`)
        kept = " OR " + in_tenths + " IS NULL" if floor <= QUOTE_FLOOR else ""
        matches = f"({matches}) AND ({in_tenths} >= {round(floor * 10)}{kept})"
    descending = sort == f"-{date}"
    words = _words(require_text(options[option], "--speaker" if question == "quotes" else "--entity"))
    order = f"a.published{' DESC' if descending else ''} NULLS LAST, p.article_id"
    # every article has a row at least: the page lies in the first offset + limit articles
    first = store.con.execute(f"""
        WITH named AS ({_matching_names("", tallied=True)}),
        p AS (SELECT article_id, {counted} AS n FROM {table} WHERE {matches} GROUP BY article_id)
        SELECT p.article_id, p.n, sum(p.n) OVER () AS total
        FROM p JOIN articles a ON a.id = p.article_id
        WHERE {_CANONICAL} AND p.n > 0
        ORDER BY {order} LIMIT {int(offset) + int(limit)}""", [words]).fetchall()
    picked, before = [], 0
    for article, n, _ in first:
        if before + n > offset and before < offset + limit:
            picked.append((article, n, before))
        before += n
    if not all(_ARTICLE_ID.fullmatch(i) for i, *_ in picked):
        return None
    select = _select(store, question, {**options, "within": _rows_of(store, [i for i, *_ in picked], _BY_ARTICLE_TABLES[question])})
    rows_order = f"a.published DESC NULLS LAST, {select.order}" if descending else select.order
    cursor = store.con.execute(f"{select.sql()}\nORDER BY {rows_order}", select.params)
    columns = [d[0] for d in cursor.description]
    total = int(first[0][2]) if first else 0
    if not picked:  # past the end, or nothing
        return Page(Rows(columns, []), total, offset, limit, sort)
    skip = offset - picked[0][2]
    return Page(Rows(columns, cursor.fetchall()[skip : skip + limit]), total, offset, limit, sort)


_VECTOR = 2048  # rows in a DuckDB vector, the unit a scan skips by row id


def _rows_of(store: Store, ids: list[str], tables: tuple[str, ...]) -> dict[str, str]:
    """For each table, SQL for its rows of these articles (ids as the store makes them: written into the SQL).

    Found in two steps: the spans of row ids each article's rows take (a scan of the article ids alone), then the rows
    in those spans. An article's rows are stored together, so the spans hold few other rows, and DuckDB reads only
    the blocks of the spans; a filter by article id alone reads (and decompresses) every block of every column the
    question reads (a quote's text: 0.4 s at 200,000 articles). A span is taken within each vector of 2,048 rows:
    rows a relabel moved to the table's end (`link.rewrite_rows`) make a span of their own, not one from the
    article's place to the end."""
    listed = "SELECT unnest([" + ", ".join(f"'{i}'" for i in ids) + "]::VARCHAR[])"
    spans = store.con.execute(" UNION ALL ".join(
        f"SELECT {n}, min(rowid), max(rowid) FROM {t} WHERE article_id IN ({listed}) GROUP BY article_id, rowid // {_VECTOR}"
        for n, t in enumerate(tables)
    )).fetchall() if ids else []
    out = {}
    for n, table in enumerate(tables):
        ranges = " OR ".join(f"rowid BETWEEN {_row_id(lo)} AND {_row_id(hi)}" for t, lo, hi in sorted(spans) if t == n)
        out[table] = f"(SELECT * FROM {table} WHERE ({ranges or 'false'}) AND article_id IN ({listed}))"
    return out


def _late_page(store: Store, select: _Select, order: list[str], limit: int, offset: int, sort: str | None) -> Page:
    """A page whose rows are picked by their key (`select.key`, a row id), and only then made whole: the columns a page
    shows (an article's snippet, found in its text) are computed for its rows, not for every row of the answer, and
    DuckDB reads them by row id (only the blocks that hold them). In the question's own order or by date (`_by_date`)
    its keys are the first in that order (no row numbered) and the total is counted apart; in another, every row is
    numbered, the total in the same pass."""
    by_date, total = _by_date(select, sort), None
    if by_date is not None:
        keys = [k for (k,) in store.con.execute(
            f"{select.prefix}\nSELECT {select.key} {select.rest}\nORDER BY {by_date} LIMIT {int(limit)} OFFSET {int(offset)}",
            select.params).fetchall()]
    else:
        numbered = select.sql(f", {select.key} AS _k, row_number() OVER (ORDER BY {select.order}) AS _n")
        picked = store.con.execute(
            f"SELECT _k, count(*) OVER () FROM ({numbered}) ORDER BY {', '.join(order)} LIMIT {int(limit)} OFFSET {int(offset)}",
            select.params).fetchall()
        keys, total = [k for k, _ in picked], picked[0][1] if picked else None
    if total is None:
        total = store.con.execute(f"SELECT count(*) FROM ({select.sql()})", select.params).fetchall()[0][0]
    return _made(store, select, keys, total, offset, limit, sort)


def _made(store: Store, select: _Select, keys: list[int], total: int, offset: int, limit: int, sort: str | None) -> Page:
    """The page of these rows (`keys`: their row ids, `select.key`, in the page's order) made whole."""
    if not keys:  # past the end (or nothing)
        columns = [d[0] for d in store.con.execute(f"SELECT * FROM ({select.sql()}) LIMIT 0", select.params).description]
        return Page(Rows(columns, []), total, offset, limit, sort)
    listed = ", ".join(str(_row_id(k)) for k in keys)
    cursor = store.con.execute(f"SELECT * FROM ({select.sql(f', {select.key} AS _k')}) WHERE _k IN ({listed})", select.params)
    made = {r[-1]: r[:-1] for r in cursor.fetchall()}
    return Page(Rows([d[0] for d in cursor.description[:-1]], [made[k] for k in keys]), total, offset, limit, sort)


def _row_id(value: Any) -> int:
    """A row id, checked to be a number (it is written into the SQL as a constant, which DuckDB reads by)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"not a row id: {value!r}")
    return value


def _indexed(store: Store, search: str | None, table: str) -> str | None:
    """The name of a relation (column `row`) of the rows of `table` (articles, quotes) that hold the text searched,
    found through the store's word index (their row ids, for this reading of the store; registered on its connection,
    as a list parameter of 100,000 numbers costs DuckDB 0.4 s a query), or None: no search, no index (a store made
    before it, not yet indexed by an ingest), or a search the index cannot narrow (`wordindex.plan`): then the
    question scans the texts. A search of several words is answered from the word pairs where the store has them
    (`wordindex.chain`)."""
    if search is None or not store.words_current():
        return None
    text = require_text(search, "--search")
    rows = wordindex.found(store.con, text, _contains(text), table, pairs=store.pairs_current())
    if rows is None:
        return None
    store.con.register("_text_hits", pa.table({"row": pa.array(rows, pa.int64())}))
    return "_text_hits"


def _select(store: Store, question: str, options: dict[str, Any]) -> _Select:
    """A question's SQL for this store: where the store keeps counts or names for it (`corpus/tally.py`), from them;
    where it keeps a word index (`corpus/wordindex.py`), text searches from it."""
    if question in ("entities", "timeline") or (question == "quotes" and options.get("speaker") is not None):
        options = {**options, "tallied": store.tallies_current()}
    if question in ("articles", "quotes") and options.get("search") is not None and options.get("spread") is None:
        options = {**options, "indexed": _indexed(store, options["search"], question)}
    return globals()[f"_{question}"](**options)


def _is_utf8(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (undecodable command-line bytes arrive as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _words(name: str) -> str:
    """A case-insensitive pattern for `name` as whole words, in Unicode's composed form (NFC), any space between words.

    Matched against names put in NFC too (`_nfc`): "José" typed composed finds the "Jose\u0301" of a decomposed
    text, and "Bashar al-Assad" finds a name written with no-break spaces; the stored text is never changed.
    """
    words = unicodedata.normalize("NFC", name).split()
    # DuckDB's regular expressions (RE2) take \W as ASCII only: "Jos" would match "José"; \s misses the no-break space
    return r"(?i)(^|[^\pL\pN_])" + r"[\s\pZ]+".join(re.escape(w) for w in words) + r"($|[^\pL\pN_])"


def _contains(text: str) -> str:
    """An ILIKE pattern (escape: backslash) for text holding `text`: its % and _ are themselves."""
    return "%" + re.sub(r"([%_\\])", r"\\\1", text) + "%"


def _nfc(column: str) -> str:
    """SQL for a text column in Unicode's composed form (NULL as empty), to match `_words` against."""
    return f"nfc_normalize(coalesce({column}, ''))"


# --- the questions' parameters, declared once ------------------------------------
#
# The CLI (`newswire query NAME`) builds its options from these, and
# `newswire serve` its endpoints' parameters (`/api/NAME?...`) and their checks.


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of a question: its keyword, its CLI option and HTTP parameter, its kind, default and help."""

    keyword: str  # the question function's keyword argument
    flags: tuple[str, ...]  # the CLI option's names; the first without its "--" is the HTTP parameter's name
    kind: Literal["text", "actor", "date", "count", "number", "modality", "confidence", "grouping", "flag", "corpus_id"]  # count: the answer's size; number: any other; flag: on or off
    help: str  # the CLI option's help
    default: Any = None  # when not given (CLI and API)
    served_default: Any = None  # when not given to `newswire serve` (a page's worth of rows; events: asserted ones)
    missing: str | None = None  # for a required parameter: what to give ("an entity name")
    example: str | None = None  # ... and an example value
    served_name: str | None = None  # the HTTP parameter's name, where it is not the first flag's ("q" for --search)
    argument: str | None = None  # on the command line an argument of this name (NAME), not the option of `flags`

    @property
    def name(self) -> str:
        """The HTTP parameter's name."""
        return self.served_name or self.flags[0].removeprefix("--")

    @property
    def required(self) -> bool:
        return self.missing is not None

    @property
    def type(self) -> type:
        return {"count": int, "number": int, "confidence": float, "flag": bool}.get(self.kind, str)

    def check(self, value: str, what: str) -> Any:
        """`value` checked as the question checks it (a count: 1 to MAX_ROWS), or a one-line `UsageError` naming `what`."""
        return _CHECKS[self.kind](value, what)


@dataclass(frozen=True, slots=True)
class Question:
    """A canned question: its function (this module's function of the same name), parameters and description."""

    name: str
    params: tuple[Param, ...]
    summary: str  # one line: what it answers
    example: str  # a command line that asks it
    command: str | None = None  # the `newswire query` command, where it is not `name`

    @property
    def command_name(self) -> str:
        return self.command or self.name

    def __call__(self, store: Store, **options: Any) -> Rows:
        return globals()[self.name](store, **options)


_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "text": require_text, "actor": require_actor, "date": require_date, "count": require_count, "number": require_count,
    "modality": require_modality, "confidence": require_confidence, "grouping": require_grouping, "flag": require_flag,
    "corpus_id": require_corpus_id,
}
_LIMIT = Param("limit", ("--limit", "-n"), "count", f"At most this many rows (1 to {MAX_ROWS:,}).", served_default=500)
_SEARCH = Param("search", ("--search",), "text", "Only those holding this text (any case, anywhere in a word).", served_name="q")
_FROM = Param("start", ("--from",), "date", "From this date, YYYY-MM-DD.")
_OUTLET_PARAM = Param("outlet", ("--outlet",), "text", "Only from this outlet: the article URL's host (reuters.com; news.bbc.co.uk is under bbc.co.uk).")
_TO = Param("end", ("--to",), "date", "To this date, YYYY-MM-DD (inclusive).")
_ACTOR = Param(
    "actor", ("--actor", "-a"), "actor",
    "Actor code or its prefix, as source or target (SYR matches SYRGOV, SYRREB; a country's name stands for its code: Russia is RUS).",
)
_TYPE = Param("type", ("--type", "-t"), "text", "CAMEO code or prefix (13, 138) or PLOVER category (THREATEN).")
_MODALITY = Param(
    "modality", ("--modality",), "modality",
    f"Only events of this modality: {', '.join(MODALITIES)}, or {ANY_MODALITY} (default: asserted, what the text says happened).",
    default="asserted", served_default="asserted",
)
_EVENT_CONFIDENCE = Param(
    "min_confidence", ("--min-confidence",), "confidence",
    f"Only events whose confidence (0 to 1: how likely the record is fully right) is at least this; default {EVENT_FLOOR} "
    "(below it most records are wrong; see docs/events.md); 0 keeps every record.",
    default=EVENT_FLOOR, served_default=EVENT_FLOOR,
)
_PLACE = Param("place", ("--place",), "text", "Where the event happened: the place's full name (\"Paris, Texas, United States\") or its words in the text (Paris).")
_COUNTRY = Param("country", ("--country",), "actor", "The country the event happened in: a code (SYR) or a name (Syria).")

QUESTIONS: dict[str, Question] = {
    q.name: q
    for q in (
        Question(
            "quotes",
            (
                Param("speaker", ("--speaker", "-s"), "text", "Only quotes by this speaker (whole words, any case)."),
                _SEARCH,
                Param(
                    "min_confidence", ("--min-confidence",), "confidence",
                    "Only quotes at least this likely to be right, content and speaker (0 to 1; 0.7 keeps the likelier); "
                    f"default {QUOTE_FLOOR} (below it most records are wrong; see docs/measured.md); 0 keeps every record.",
                    default=QUOTE_FLOOR, served_default=QUOTE_FLOOR,
                ),
                Param("type", ("--type", "-t"), "text", f"Only quotes of this type: {', '.join(QUOTE_TYPES)}."),
                _OUTLET_PARAM,
                _FROM,
                _TO,
                Param("spread", ("--spread",), "number", "Instead: the quotations published by at least this many sources "
                      "(the same quote across outlets), most sources first, with where they first appeared. They carry no "
                      f"confidence: --min-confidence 0 or {QUOTE_FLOOR} changes nothing, another is an error."),
                _LIMIT,
            ),
            "Who said what: quotes with their speakers, by date.",
            'newswire query quotes --speaker "Ban Ki-moon"',
        ),
        Question(
            "articles",
            (_SEARCH, _FROM, _TO, _OUTLET_PARAM, _LIMIT),
            "Articles holding a text (title or body), by publication date, with where it first appears.",
            'newswire query articles --search "ceasefire" --from 2013-09-01',
        ),
        Question(
            "events",
            (
                _ACTOR,
                Param("source", ("--source",), "actor", "Source actor code or its prefix (who acts)."),
                Param("target", ("--target",), "actor", "Target actor code or its prefix (who is acted on)."),
                _FROM,
                _TO,
                _TYPE,
                _MODALITY,
                _EVENT_CONFIDENCE,
                _OUTLET_PARAM,
                _PLACE,
                _COUNTRY,
                _LIMIT,
            ),
            "Who did what to whom: coded events by actor, date and type.",
            "newswire query events --actor SYR --from 2013-09-01 --to 2013-09-30 --type THREATEN",
        ),
        Question(
            "places",
            (_ACTOR, _FROM, _TO, _TYPE, _MODALITY, _EVENT_CONFIDENCE, _COUNTRY, _LIMIT),
            "Where events happened: places with their coordinates and numbers of events and articles.",
            "newswire query places --actor SYR --from 2013-09-01",
        ),
        Question(
            "entities",
            (
                Param("top", ("--top", "-n"), "count", f"How many entities (1 to {MAX_ROWS:,}).", default=20, served_default=50),
                Param("type", ("--type", "-t"), "text", "Only this type: PERSON, ORG, GPE, ..."),
            ),
            "The entities mentioned in the most articles.",
            "newswire query entities --top 20",
        ),
        Question(
            "timeline",
            (
                Param("entity", ("--entity", "-e"), "text", "The entity's name (whole words, any case): every entity of that name, "
                      "linked across articles or not (a name that is several corpus entities gets a note listing them)."),
                Param("id", ("--id",), "corpus_id", "Instead of --entity: one corpus entity, by the id the note or "
                      "`newswire query entity NAME` gives (only the entities linked to it)."),
                _LIMIT,
            ),
            "An entity through time: what it said, did and had done to it, and where it was mentioned.",
            'newswire query timeline --entity "John Kerry"',
        ),
        Question(
            "tone",
            (
                Param("entity", ("--entity", "-e"), "text", "Only articles that mention this entity (whole words, any case), and only its own quotes."),
                Param("outlet", ("--outlet",), "text", "Only articles of this outlet: its URL's host (reuters.com)."),
                _FROM,
                _TO,
                Param("by", ("--by",), "grouping", f"Group by {', '.join(TONE_GROUPS[:-1])} of publication, or {TONE_GROUPS[-1]} (default: month)."),
                _LIMIT,
            ),
            "Tone over time: the articles' average tone (GDELT's AvgTone) and their quotes' tone, per period or outlet "
            "(an article without a publication date is in no period, one without a URL in no outlet: both are left out).",
            'newswire query tone --entity "John Kerry" --by week',
        ),
        Question(
            "corpus_entity",
            (
                Param("name", ("--name",), "text", "The entity's name or one of its aliases (whole words, any case).",
                      missing="an entity name", example="Ban Ki-moon", argument="NAME"),
                Param("modality", ("--modality",), "modality",
                      f"Only events of this modality: {', '.join(MODALITIES)}, or {ANY_MODALITY} (default: asserted, as "
                      "`query events`; any: every event, each not asserted with its modality after its code).",
                      default="asserted", served_default="asserted"),
                Param("min_confidence", ("--min-confidence",), "confidence",
                      f"Only quotes and events at least this likely to be right (0 to 1); default {EVENT_FLOOR}, the floor of "
                      "`query quotes` and `query events` (below it most records are wrong); 0 keeps every record.",
                      default=EVENT_FLOOR, served_default=EVENT_FLOOR),
                _LIMIT,
            ),
            "One entity across articles: its aliases, the articles naming it, what it said (quotes at the floor, as "
            "`query quotes`), what it did and had done to it (asserted events at the floor, as `query events`).",
            'newswire query entity "Ban Ki-moon"',
            command="entity",
        ),
        Question(
            "figures",
            (
                Param("what", ("--what",), "text", "Only figures of people this happened to: killed, injured, displaced, evacuated, arrested, abducted, missing, casualties."),
                Param("country", ("--country",), "actor", "Only figures whose sentence places them in this country: a code (SYR) or a name (Syria)."),
                _FROM,
                _TO,
                Param("conflicts", ("--conflicts",), "flag", "Instead: figures of one happening that disagree, side by side, each value "
                      "with its sources and articles (same count, same place, published within a week).", default=False),
                _LIMIT,
            ),
            "Reported figures: people killed, injured, arrested, displaced, ..., with who reports them.",
            "newswire query figures --conflicts --what killed",
        ),
        Question(
            "stories",
            (
                Param("min_sources", ("--min-sources",), "number", "Only happenings reported by at least this many outlets "
                      "(syndicated copies count once; 1 for all).", default=2, served_default=2),
                Param("story", ("--story",), "text", "Only this story: a corpus event's id (V...)."),
                _FROM,
                _TO,
                _TYPE,
                _LIMIT,
            ),
            "One happening across articles: the events several outlets reported, most sources first, each article with its evidence.",
            "newswire query stories --min-sources 3 --from 2013-09-01",
        ),
        Question(
            "network",
            (_FROM, _TO, _EVENT_CONFIDENCE, _LIMIT),
            "Who acts on whom: coded actor pairs with their number of events, by type.",
            "newswire query network --from 2013-09-01 --to 2013-09-30",
        ),
    )
}
