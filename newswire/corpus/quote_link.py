"""One quote across outlets: the same quotation by the same speaker in different articles is one corpus quote.

    link_quotes(con, members)   # inside the transaction that stores the batch's rows, after the entities are linked

A quote is linked only when its speaker is linked to a corpus entity
(`link.py`): the speaker is half of the question "the same quotation". Two
quotes of one speaker are **the same quotation** (`same`) when their
normalised words (case, accents, punctuation off; an indirect quote's
opening "that" left out) are

* equal (an exact copy: any dates), or, published within `WINDOW_DAYS` of
  each other,
* one a run of consecutive words of the other of at least `MIN_PART` words,
  `MIN_PART_CONTENT` of them not function words (a trimmed quote, a partial
  quote: "constructive talks with Iran" inside the full sentence), or
* nearly the same set: both have `MIN_EDITED` words or more and the Jaccard
  similarity of their sets of words is at least `MIN_SIMILAR` (a lightly
  edited copy: a word changed or dropped).

A corpus quote is a connected set of such quotes (so a partial quote joins
the full one it comes from, and an edited copy the original). Its id is a
hash of the speaker's key id, its canonical words (its longest quote's, then
the first in code-point order) and the country of its quotes' speakers when
they all have the same one, and every column is a function of its quotes:
the table does not depend on the order articles were analysed in. When a new
quote joins two corpus quotes or brings a longer version, the corpus quote
gets the id of its new canonical words and its quotes are relabelled.

Incremental: `quote_keys` holds one row per linked quote, looked up by
`block` (speaker and week of publication: a new quote looks up its own week
and the weeks before and after, read between their dates) and by `exact`
(speaker and words, any date). Only those rows are compared, never the
corpus. A corpus quote keeps what its row is counted from (its canonical
quote, its outlets), so a batch adds its quotes to it without reading its
other quotes back; they are read (between the corpus quote's dates) only
when a quote joins two corpus quotes, when a corpus quote of a speaker split
by country has quotes of two countries (`split_apart`), when a key is one
speaker again (`whole_again`), and when an article analysed again takes its
quotes away (what is left of its corpus quotes is linked again: `taken_apart`).

**A split moves no quote** (layout `@3`, issue 15): a quote is stored under
its speaker entity's key id and country, and the speaker it is compared
under and shown is resolved through the key's split rule (`speaker_shown`,
as `link.shown` resolves an entity row); a corpus quote whose quotes are all
of one country, or all of none, keeps its id and rows when its key splits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from ..lexicon import load_list
from .link import insert_rows, keyed_rows, rewrite_rows
from .link import words as name_words

WINDOW_DAYS = 7  # an edited or partial copy is looked for among the speaker's quotes of the week before to the week after
MIN_PART = 4  # words of a partial quote, at least
MIN_PART_CONTENT = 2  # of them not function words ("in the run-up to the" is no quotation of its own)
MIN_EDITED = 6  # words of each of two lightly edited copies, at least
MIN_SIMILAR = 0.6  # Jaccard similarity of the two copies' sets of distinct words

CORPUS_QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"),
    ("speaker", "VARCHAR"),
    ("text", "VARCHAR"),
    ("quotes", "BIGINT"),
    ("num_articles", "BIGINT"),
    ("num_sources", "BIGINT"),
    ("first_article", "VARCHAR"),
    ("first_published", "VARCHAR"),
    ("last_published", "VARCHAR"),
    # kept so that a batch adds its quotes to a corpus quote without reading its other quotes back (`link_quotes`)
    ("words", "VARCHAR"),  # the canonical quote's normalised words
    ("canonical_text", "VARCHAR"),  # the canonical quote as written, and where it is: what ties are broken by
    ("canonical_article", "VARCHAR"),
    ("canonical_ord", "INTEGER"),
    ("sources", "VARCHAR[]"),  # the distinct outlets `num_sources` counts, sorted
    # `speaker` is the speaker's key id (`entities.corpus_entity`); the speaker shown is resolved through the key's split
    # rule for `country` (`speaker_shown`): the country of its quotes' speakers when they all have the same one (else NULL)
    ("country", "VARCHAR"),
    ("mixed", "BOOLEAN"),  # its quotes' speakers have two countries or more (one of them none): what a split takes apart
)
QUOTE_KEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("block", "BIGINT"),
    ("exact", "BIGINT"),
    ("corpus_quote", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("ord", "INTEGER"),
    ("speaker", "VARCHAR"),
    ("words", "VARCHAR"),
    ("text", "VARCHAR"),
    ("published", "VARCHAR"),
    ("source", "VARCHAR"),
    ("speaker_entity", "VARCHAR"),  # the speaker's entity in its article (`quotes.speaker_entity`)
    ("country", "VARCHAR"),  # that entity's country: with `speaker` (the key id), what the speaker resolves to
)


def quote_words(text: str) -> tuple[str, ...]:
    """A quote's normalised words (an indirect quote's opening "that" left out)."""
    out = name_words(text)
    if out and out[0] == "that":
        out = out[1:]
    return tuple(out)


def same(a: tuple[str, ...], b: tuple[str, ...], near: bool = True, sets: tuple[frozenset, frozenset] | None = None) -> bool:
    """Whether two quotes of one speaker are the same quotation (`near`: published close enough for more than an exact
    copy; `sets`: the two quotes' sets of words, when the caller has them)."""
    if a == b:
        return bool(a)
    if not near:
        return False
    sa, sb = sets or (frozenset(a), frozenset(b))
    shared = len(sa & sb)
    if len(a) > len(b):
        a, b, sa, sb = b, a, sb, sa
    # a is the shorter: a part of b (every word of it in b, first: cheap), or b lightly edited
    if len(a) >= MIN_PART and shared == len(sa) and sum(w not in _function_words() for w in a) >= MIN_PART_CONTENT and _contains(b, a):
        return True
    return len(a) >= MIN_EDITED and shared >= MIN_SIMILAR * (len(sa) + len(sb) - shared)


@cache
def _function_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list("english_function_words.txt"))


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def hash64(*parts: str) -> int:
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _week(published: str | None) -> int | None:
    if not published:
        return None
    return dt.date.fromisoformat(published).toordinal() // 7


def block_key(speaker: str, week: int | None) -> int:
    return hash64(speaker, "undated" if week is None else str(week))


def exact_key(speaker: str, words: tuple[str, ...]) -> int:
    return hash64(speaker, " ".join(words))


def corpus_quote_id(speaker: str, canonical: tuple[str, ...], country: str | None = None) -> str:
    """The id of a corpus quote: its speaker's key id, its canonical words, and the country of its quotes' speakers
    when they all have one (within one speaker shown the words make it unique, across the speakers of a split key the
    country does; so a key's split leaves the id of a corpus quote whose quotes are all of one country, or all of none)."""
    parts = (speaker, " ".join(canonical)) if country is None else (speaker, " ".join(canonical), country)
    return "Q" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:15]


def speaker_shown(q: str = "cq") -> str:
    """SQL: the corpus entity a row of `corpus_quotes` (as `q`) is the quotation of: its key's split rule for its
    country, else its stored `speaker` (as `link.shown` resolves an entity row)."""
    return (f"coalesce((SELECT s.id FROM corpus_entity_splits s WHERE s.whole = {q}.speaker AND s.country = {q}.country), "
            f"{q}.speaker)")


def split_rules(con: duckdb.DuckDBPyConnection, speakers: Iterable[str]) -> dict[tuple[str, str], str]:
    """(key id, country) → corpus entity: the split rules of these speakers' keys (`link.SPLIT_COLUMNS`)."""
    speakers = sorted(set(speakers))
    if not speakers:
        return {}
    return {(w, c): i for w, c, i in con.execute(
        "SELECT whole, country, id FROM corpus_entity_splits WHERE whole IN (SELECT unnest(?))", [speakers]).fetchall()}


def outlet(url: str | None, cluster: str) -> str:
    """Who published an article: its URL's host, else its duplicate cluster."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else cluster


@dataclass(slots=True)
class Member:
    """One quote of a linked speaker."""

    article_id: str
    ord: int
    speaker: str
    words: tuple[str, ...]
    text: str
    published: str | None
    source: str  # its duplicate cluster's outlet: copies of one story are one source
    corpus_quote: str | None = None
    speaker_entity: str | None = None  # the speaker's entity in its article
    country: str | None = None  # that entity's country (`speaker` is its key's id)
    who: str = ""  # the speaker shown: `speaker`, or its split rule's corpus entity for `country` (set by `link_quotes`)
    wordset: frozenset = frozenset()  # its words as a set (filled in by `__post_init__`)
    day: int | None = None  # its publication day number

    def __post_init__(self) -> None:
        self.wordset = frozenset(self.words)
        self.day = dt.date.fromisoformat(self.published).toordinal() if self.published else None

    @property
    def node(self) -> tuple[str, int]:
        return (self.article_id, self.ord)

    def row(self) -> dict[str, Any]:
        return {
            "block": block_key(self.speaker, _week(self.published)), "exact": exact_key(self.speaker, self.words),
            "corpus_quote": self.corpus_quote, "article_id": self.article_id, "ord": self.ord, "speaker": self.speaker,
            "words": " ".join(self.words), "text": self.text, "published": self.published, "source": self.source,
            "speaker_entity": self.speaker_entity, "country": self.country,
        }


def near(a: Member, b: Member) -> bool:
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    return abs(a.day - b.day) <= WINDOW_DAYS


def link_quotes(con: duckdb.DuckDBPyConnection, members: list[Member], stored_nodes: Iterable[tuple[str, int]] = ()) -> dict[tuple[str, int], str]:
    """Link new quotes to corpus quotes (of articles whose earlier rows, if any, are deleted: `forget`; the rest of
    those rows' corpus quotes are linked again first: `taken_apart`).

    Writes `quote_keys` and `corpus_quotes`, relabels the stored quotes of a
    corpus quote whose id changed, and returns (article id, ord) → corpus
    quote for the new quote rows. `stored_nodes`: those of `members` that are
    quotes of stored articles linked again (a speaker split by country).

    A corpus quote's row is its stored row with the batch's quotes added
    (`added`): its other quotes are not read. Only a batch quote that joins
    two stored corpus quotes, or a stored quote linked again, has the rows
    of its corpus quote read back (`counted`), within their dates.
    """
    members = [m for m in members if m.words]
    if not members:
        return {}
    # the speaker each quote is compared under: the key's split rule for its speaker's country, else the key
    rules = split_rules(con, {m.speaker for m in members})
    for m in members:
        m.who = _shown(rules, m)
    stored = _candidates(con, members, rules)
    # union-find over quotes; a stored quote starts in its corpus quote
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: Any, b: Any) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)

    for s in stored:
        union(s.node, ("C", s.corpus_quote))
    by_speaker: dict[str, list[Member]] = defaultdict(list)
    for s in stored:
        by_speaker[s.who].append(s)
    for m in members:  # each new quote against the speaker's stored ones and the batch's before it
        find(m.node)
        for other in by_speaker[m.who]:
            if same(m.words, other.words, near(m, other), (m.wordset, other.wordset)):
                union(m.node, other.node)
        by_speaker[m.who].append(m)
    groups: dict[Any, list[Member]] = defaultdict(list)
    for m in members:
        groups[find(m.node)].append(m)
    olds: dict[Any, set[str]] = defaultdict(set)  # the stored corpus quotes each new group takes in
    met: dict[str, list[str | None]] = defaultdict(list)  # stored corpus quote → the dates of its quotes met here
    for s in stored:
        if find(s.node) in groups:
            olds[find(s.node)].add(s.corpus_quote)
            met[s.corpus_quote].append(s.published)
    rows_of, rowids = _stored_rows(con, met)
    relinked = set(stored_nodes)
    touched: dict[str, set[str]] = {}  # new id → the stored corpus quotes it takes in
    counts: list[dict[str, Any]] = []
    for root, group in groups.items():
        taken = olds.get(root, set())
        if len(taken) <= 1 and taken <= rows_of.keys() and not any(m.node in relinked for m in group):
            row = added(rows_of[next(iter(taken))] if taken else None, group)
        else:
            row = counted(group + _members_of(con, taken, _dates(rows_of, taken)))
        row["id"] = corpus_quote_id(group[0].speaker, tuple(row["words"].split()), row["country"])
        for m in group:
            m.corpus_quote = row["id"]
        touched.setdefault(row["id"], set()).update(taken)
        counts.append(row)
    insert_rows(con, "quote_keys", QUOTE_KEY_COLUMNS, [m.row() for m in members])
    renamed = {old: new for new, olds in touched.items() for old in olds if old != new}
    if renamed:
        mapping = pa.table({"old": pa.array(list(renamed)), "new": pa.array(list(renamed.values()))})
        con.register("_renamed", mapping)
        try:
            con.execute("UPDATE quotes SET corpus_quote = _renamed.new FROM _renamed WHERE quotes.corpus_quote = _renamed.old")
            # their keys lie between the renamed corpus quotes' first and last dates (or are undated): DuckDB skips the
            # row groups of other dates (from their min/max) instead of joining the whole table
            span = _dates(rows_of, renamed)
            within, params = (" AND (quote_keys.published BETWEEN ? AND ? OR quote_keys.published IS NULL)", list(span)) if span else ("", [])
            con.execute(f"UPDATE quote_keys SET corpus_quote = _renamed.new FROM _renamed WHERE quote_keys.corpus_quote = _renamed.old{within}",
                        params)
        finally:
            con.unregister("_renamed")
    gone = {c for olds in touched.values() for c in olds}
    _delete_rows(con, gone, rowids)
    insert_rows(con, "corpus_quotes", CORPUS_QUOTE_COLUMNS, counts)
    return {m.node: m.corpus_quote for m in members}


def split_apart(con: duckdb.DuckDBPyConnection, speakers: set[str]) -> list[Member]:
    """The stored quotes to link again once these speakers' keys were just split by country (`link.link_entities`:
    the key ids): those of their corpus quotes whose quotes' speakers have two countries or more (`mixed`: some of the
    split country, some of none), their rows deleted (`taken_apart`).

    No other quote row moves: a quote's speaker is stored as its key's id with its
    country, and the speaker shown is resolved through the key's split rule
    (`speaker_shown`), so a corpus quote whose quotes are all of one country,
    or all of none, keeps its id, keys and quote rows (issue 15). Only the
    narrow read of the split keys' mixed corpus quotes is done.
    """
    if not speakers:
        return []
    ids = [i for (i,) in con.execute("SELECT id FROM corpus_quotes WHERE mixed AND speaker IN (SELECT unnest(?))",
                                     [sorted(speakers)]).fetchall()]
    return taken_apart(con, ids)


def whole_again(con: duckdb.DuckDBPyConnection, speakers: set[str]) -> list[Member]:
    """Every stored quote of these speakers (key ids) whose key split by country is one again (`link.unsplit`: its
    rules gone), its rows deleted, to link again: the quotes of its former parts are now of one speaker and may be the
    same quotation (rare)."""
    if not speakers:
        return []
    columns = [n for n, _ in QUOTE_KEY_COLUMNS]
    found = [dict(zip(["rowid", *columns], r)) for r in keyed_rows(
        con, "quote_keys", ", ".join(columns), "speaker IN (SELECT unnest(?))", [sorted(speakers)])]
    con.execute("DELETE FROM corpus_quotes WHERE speaker IN (SELECT unnest(?))", [sorted(speakers)])
    return _taken_out(con, found)


def taken_apart(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> list[Member]:
    """The stored quotes of these corpus quotes (some of whose quotes went: articles analysed again), their `quote_keys`
    and `corpus_quotes` rows deleted, as members to link again (`link_quotes` with them as `stored_nodes`): what is
    left of a corpus quote may be two quotations (a quote that joined them went) or have another canonical quote."""
    ids = sorted(set(ids))
    if not ids:
        return []
    columns = [n for n, _ in QUOTE_KEY_COLUMNS]
    found = [dict(zip(["rowid", *columns], r)) for r in keyed_rows(
        con, "quote_keys", ", ".join(columns), "corpus_quote IN (SELECT unnest(?))", [ids])]
    con.execute("DELETE FROM corpus_quotes WHERE id IN (SELECT unnest(?))", [ids])
    return _taken_out(con, found)


def _taken_out(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> list[Member]:
    """These stored `quote_keys` rows (with their `rowid`) deleted, as members to link again (their corpus quotes' rows
    deleted by the caller)."""
    if rows:
        con.execute("DELETE FROM quote_keys WHERE rowid IN (SELECT unnest(?))", [[r["rowid"] for r in rows]])
    return [member({**r, "corpus_quote": None}) for r in rows]


def relabel_quotes(con: duckdb.DuckDBPyConnection, links: dict[tuple[str, int], str]) -> None:
    """Set the corpus quote of these stored quote rows ((article id, ord) → corpus quote): found by the article id
    column alone, moved by row id (`link.rewrite_rows`)."""
    if not links:
        return
    found = keyed_rows(con, "quotes", "article_id, ord", "article_id IN (SELECT unnest(?))", [sorted({a for a, _ in links})])
    rowids = [rowid for rowid, a, o in found if (a, o) in links]
    keys = sorted(links)
    rewrite_rows(con, "quotes", rowids, "corpus_quote", pa.table({
        "article_id": pa.array([a for a, _ in keys], pa.string()), "ord": pa.array([o for _, o in keys], pa.int32()),
        "link": pa.array([links[k] for k in keys], pa.string())}), ("article_id", "ord"))


def _dates(rows: dict[str, dict[str, Any]], ids: Iterable[str], first: str = "first_published") -> tuple[str, str] | None:
    """The dates between which the quotes of these corpus quotes lie (their rows' `first` to last dates; undated ones
    aside), or None when one of them has no stored row or no date: read without a date filter then."""
    spans = [(rows[c][first], rows[c]["last_published"]) if c in rows else (None, None) for c in ids]
    if not spans or any(lo is None or hi is None for lo, hi in spans):
        return None
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def _canonical_key(m: Member) -> tuple:
    return (-len(m.words), m.words, m.text, m.article_id, m.ord)


def counted(group: list[Member]) -> dict[str, Any]:
    """The `corpus_quotes` row of these quotes (all of one corpus quote), counted from them (its `id` left to the caller)."""
    canonical = min(group, key=_canonical_key)
    return {
        "id": None, "speaker": group[0].speaker, "text": " ".join(canonical.text.split()), "quotes": len(group), **reach(group),
        "words": " ".join(canonical.words), "canonical_text": canonical.text, "canonical_article": canonical.article_id,
        "canonical_ord": canonical.ord, "sources": sorted({m.source for m in group}), **countries({m.country for m in group}),
    }


def countries(found: set[str | None]) -> dict[str, Any]:
    """A corpus quote's `country` and `mixed`, from the countries of its quotes' speakers (None: none)."""
    if len(found) > 1:
        return {"country": None, "mixed": True}
    return {"country": next(iter(found), None), "mixed": False}


def added(row: dict[str, Any] | None, group: list[Member]) -> dict[str, Any]:
    """A stored corpus quote's row (None: a new one) with these quotes added, quotes of articles none of whose quotes
    it counts: what `counted` makes of its quotes and these."""
    new = counted(group)
    if row is None:
        return new
    out = dict(row)
    stored = (-len(row["words"].split()), tuple(row["words"].split()), row["canonical_text"], row["canonical_article"], row["canonical_ord"])
    mine = (-len(new["words"].split()), tuple(new["words"].split()), new["canonical_text"], new["canonical_article"], new["canonical_ord"])
    if mine < stored:
        for name in ("text", "words", "canonical_text", "canonical_article", "canonical_ord"):
            out[name] = new[name]
    out["quotes"] = row["quotes"] + new["quotes"]
    out["num_articles"] = row["num_articles"] + new["num_articles"]  # articles none of whose quotes it counted
    out["sources"] = sorted(set(row["sources"] or ()) | set(new["sources"]))
    out["num_sources"] = len(out["sources"])
    # the first article: the earliest dated (then the smallest id); among undated ones only when none is dated
    if row["first_published"] is None and new["first_published"] is None:
        out["first_article"] = min(row["first_article"], new["first_article"])
    else:
        dated = [(p, a) for p, a in ((row["first_published"], row["first_article"]), (new["first_published"], new["first_article"])) if p]
        out["first_published"], out["first_article"] = min(dated)
    out["last_published"] = max(filter(None, (row["last_published"], new["last_published"])), default=None)
    if row["mixed"] or new["mixed"] or row["country"] != new["country"]:
        out.update(country=None, mixed=True)
    return out


def _stored_rows(con: duckdb.DuckDBPyConnection, met: dict[str, list[str | None]]) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """The `corpus_quotes` rows of these corpus quotes, and their row ids (to delete them by: `_delete_rows`), read from
    the row groups that may hold them: a corpus quote's `last_published` is on or after the date of any quote of it met
    (DuckDB skips the row groups whose dates lie before, from their min/max; the ids, hashes, order nothing)."""
    if not met:
        return {}, {}
    names = ", ".join(n for n, _ in CORPUS_QUOTE_COLUMNS)
    dates = [d for ds in met.values() for d in ds]
    where, params = "id IN (SELECT unnest(?))", [sorted(met)]
    if all(dates):
        where, params = where + " AND last_published >= ?", params + [min(dates)]
    rows = keyed_rows(con, "corpus_quotes", names, where, params)
    return {r[1]: dict(zip((n for n, _ in CORPUS_QUOTE_COLUMNS), r[1:])) for r in rows}, {r[1]: r[0] for r in rows}


def _delete_rows(con: duckdb.DuckDBPyConnection, ids: Iterable[str], rowids: dict[str, int]) -> None:
    """Delete the `corpus_quotes` rows of these ids: by their row ids (`_stored_rows`), read in this transaction."""
    ids = sorted(set(ids))
    if not ids:
        return
    known = [rowids[i] for i in ids if i in rowids]
    if known:
        con.execute("DELETE FROM corpus_quotes WHERE rowid IN (SELECT unnest(?))", [known])
    unread = [i for i in ids if i not in rowids]  # none: a stored corpus quote met is read (a row of none has no row)
    if unread:
        con.execute("DELETE FROM corpus_quotes WHERE id IN (SELECT unnest(?))", [unread])


def forget(con: duckdb.DuckDBPyConnection, article_ids: list[str], table: str = "quote_keys", link: str = "corpus_quote") -> set[str]:
    """Remove the quote keys (or another index `table`'s rows) of articles analysed again; returns the corpus quotes
    (the values of `link`) to count again."""
    if not article_ids:
        return set()
    ids = {c for (c,) in con.execute(
        f"SELECT DISTINCT {link} FROM {table} WHERE article_id IN (SELECT unnest(?))", [article_ids]
    ).fetchall()}
    con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [article_ids])
    return ids


def _shown(rules: dict[tuple[str, str], str], m: Member) -> str:
    return rules.get((m.speaker, m.country), m.speaker) if m.country else m.speaker


def _candidates(con: duckdb.DuckDBPyConnection, members: list[Member], rules: dict[tuple[str, str], str]) -> list[Member]:
    """The stored quotes a batch's quotes may be the same as: of their speakers (as shown: `rules`, the split rules of
    their keys; the rows are found by key), in the weeks around theirs, or with the same words.

    A week's rows are read between its dates too (a block is a speaker and a
    week: the rows of the weeks looked up lie between their first and last
    days), so DuckDB reads only the row groups of those days (from their
    min/max); no index is kept (DuckDB reads one back from disk whenever a
    file opened again changes it: most of the cost of a batch in a large
    store).
    """
    dated: set[int] = set()
    undated: set[int] = set()
    exacts: set[int] = set()
    weeks: list[int] = []
    for m in members:
        week = _week(m.published)
        if week is None:
            undated.add(block_key(m.speaker, None))
        else:
            dated |= {block_key(m.speaker, w) for w in (week - 1, week, week + 1)}
            weeks.append(week)
        exacts.add(exact_key(m.speaker, m.words))
    names = ", ".join("'' AS text" if n == "text" else n for n, _ in QUOTE_KEY_COLUMNS)  # compared by their words only
    rows = []
    # the keys as one list parameter: with no index, a semi-join (39 ms) beats a literal list (64 ms; 10,000 articles)
    if dated:
        first = dt.date.fromordinal((min(weeks) - 1) * 7).isoformat()
        last = dt.date.fromordinal((max(weeks) + 2) * 7 - 1).isoformat()
        rows += keyed_rows(con, "quote_keys", names, "block IN (SELECT unnest(?)) AND published BETWEEN ? AND ?", [sorted(dated), first, last])
    if undated:
        rows += keyed_rows(con, "quote_keys", names, "block IN (SELECT unnest(?)) AND published IS NULL", [sorted(undated)])
    rows += keyed_rows(con, "quote_keys", names, "exact IN (SELECT unnest(?))", [sorted(exacts)])
    seen, out = set(), []
    wanted = {m.who for m in members}
    for _, *row in rows:
        r = dict(zip((n for n, _ in QUOTE_KEY_COLUMNS), row))
        if (r["article_id"], r["ord"]) not in seen:
            seen.add((r["article_id"], r["ord"]))
            who = rules.get((r["speaker"], r["country"]), r["speaker"]) if r["country"] else r["speaker"]
            if who in wanted:  # a quote of another of the key's speakers is never the same quotation
                m = member(r)
                m.who = who
                out.append(m)
    return out


def member(r: dict[str, Any]) -> Member:
    """A stored quote as a member to link: from a `quote_keys` row (a dict of `QUOTE_KEY_COLUMNS`; `speaker_entity`
    optional)."""
    return Member(r["article_id"], r["ord"], r["speaker"], tuple(r["words"].split()), r["text"], r["published"], r["source"], r["corpus_quote"],
                  r.get("speaker_entity"), r.get("country"))


def _members_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str], span: tuple[str, str] | None = None) -> list[Member]:
    """The stored quotes of these corpus quotes (published within `span` or undated, when their dates are known)."""
    return [member(r) for r in key_rows(con, "quote_keys", QUOTE_KEY_COLUMNS, "corpus_quote", ids, ("published", span))]


def key_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: tuple[tuple[str, str], ...], link: str, ids: Iterable[str],
    within: tuple[str, tuple[str, str] | None] | None = None,
) -> list[dict[str, Any]]:
    """The rows of an index `table` whose `link` column is one of `ids`, as dicts; `within`: (a date column, the dates
    its values of those rows lie between or None) when they are known, so that DuckDB skips the other row groups."""
    ids = sorted(set(ids))
    if not ids:
        return []
    names = ", ".join(n for n, _ in columns)
    where, params = f"{link} IN (SELECT unnest(?))", [ids]
    if within is not None and within[1] is not None:
        column, (lo, hi) = within
        where, params = f"{where} AND ({column} BETWEEN ? AND ? OR {column} IS NULL)", params + [lo, hi]
    rows = con.execute(f"SELECT {names} FROM {table} WHERE {where}", params).fetchall()
    return [dict(zip((n for n, _ in columns), row)) for row in rows]


def regroup(con: duckdb.DuckDBPyConnection, table: str, members: list[Any], link: str, ids: list[str]) -> list[tuple[str, list[Any]]]:
    """The members of each of these corpus records (by their `link`), in id order, once the records' rows in `table`
    are deleted (to be written again)."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for m in members:
        groups[getattr(m, link)].append(m)
    con.execute(f"DELETE FROM {table} WHERE id IN (SELECT unnest(?))", [ids])
    return sorted(groups.items())


def reach(group: list[Any]) -> dict[str, Any]:
    """How far a corpus record's members (with `article_id`, `published`, `source`) reached: articles, sources, the
    first article (earliest date, then smallest id; an undated one only when none is dated), first and last dates."""
    dated = sorted((m.published, m.article_id) for m in group if m.published)
    first = dated[0] if dated else (None, min(m.article_id for m in group))
    return {
        "num_articles": len({m.article_id for m in group}), "num_sources": len({m.source for m in group}),
        "first_article": first[1], "first_published": first[0], "last_published": dated[-1][0] if dated else None,
    }
