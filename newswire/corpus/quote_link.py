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
hash of the speaker and its canonical words (its longest quote's, then the
first in code-point order), and every column is a function of its quotes:
the table does not depend on the order articles were analysed in. When a new
quote joins two corpus quotes or brings a longer version, the corpus quote
gets the id of its new canonical words and its quotes are relabelled.

Incremental: `quote_keys` holds one row per linked quote, indexed by
`block` (speaker and week of publication: a new quote looks up its own week
and the weeks before and after) and by `exact` (speaker and words, any date).
Only those rows are compared, never the corpus; a corpus quote's rows are
read back (a scan of `quote_keys`, the narrowest table) when it changes.
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
)
_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "BOOLEAN": pa.bool_()}


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


def corpus_quote_id(speaker: str, canonical: tuple[str, ...]) -> str:
    return "Q" + hashlib.sha256("\x1f".join((speaker, " ".join(canonical))).encode("utf-8")).hexdigest()[:15]


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
        }


def near(a: Member, b: Member) -> bool:
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    return abs(a.day - b.day) <= WINDOW_DAYS


def link_quotes(con: duckdb.DuckDBPyConnection, members: list[Member]) -> dict[tuple[str, int], str]:
    """Link new quotes (of articles whose earlier rows, if any, are deleted: `forget` them first) to corpus quotes.

    Writes `quote_keys` and `corpus_quotes`, relabels the stored quotes of a
    corpus quote whose id changed, and returns (article id, ord) → corpus
    quote for the new quote rows.
    """
    members = [m for m in members if m.words]
    if not members:
        return {}
    stored = _candidates(con, members)
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
        by_speaker[s.speaker].append(s)
    for m in members:  # each new quote against the speaker's stored ones and the batch's before it
        find(m.node)
        for other in by_speaker[m.speaker]:
            if same(m.words, other.words, near(m, other), (m.wordset, other.wordset)):
                union(m.node, other.node)
        by_speaker[m.speaker].append(m)
    groups: dict[Any, list[Member]] = defaultdict(list)
    for m in members:
        groups[find(m.node)].append(m)
    olds: dict[Any, set[str]] = defaultdict(set)  # the stored corpus quotes each new group takes in
    for s in stored:
        if find(s.node) in groups:
            olds[find(s.node)].add(s.corpus_quote)
    words_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for cid, canonical in _canonicals(con, {c for ids in olds.values() for c in ids}).items():
        words_of[cid].append(canonical)
    touched: dict[str, set[str]] = {}  # new id → the stored corpus quotes it takes in
    for root, group in groups.items():
        taken = olds.get(root, set())
        candidates = [m.words for m in group] + [w for c in taken for w in words_of[c]]
        canonical = min(candidates, key=lambda w: (-len(w), w))
        new_id = corpus_quote_id(group[0].speaker, canonical)
        for m in group:
            m.corpus_quote = new_id
        touched.setdefault(new_id, set()).update(taken)
    insert_rows(con, "quote_keys", QUOTE_KEY_COLUMNS, [m.row() for m in members])
    renamed = {old: new for new, olds in touched.items() for old in olds if old != new}
    if renamed:
        mapping = pa.table({"old": pa.array(list(renamed)), "new": pa.array(list(renamed.values()))})
        con.register("_renamed", mapping)
        try:
            con.execute("UPDATE quotes SET corpus_quote = _renamed.new FROM _renamed WHERE quotes.corpus_quote = _renamed.old")
            con.execute("UPDATE quote_keys SET corpus_quote = _renamed.new FROM _renamed WHERE quote_keys.corpus_quote = _renamed.old")
        finally:
            con.unregister("_renamed")
    recount(con, [*touched, *renamed])
    return {m.node: m.corpus_quote for m in members}


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


def _candidates(con: duckdb.DuckDBPyConnection, members: list[Member]) -> list[Member]:
    """The stored quotes a batch's quotes may be the same as: of their speakers, in the weeks around theirs, or with the same words."""
    blocks, exacts = set(), set()
    for m in members:
        week = _week(m.published)
        weeks = [None] if week is None else [week - 1, week, week + 1]
        blocks |= {block_key(m.speaker, w) for w in weeks}
        exacts.add(exact_key(m.speaker, m.words))
    names = ", ".join("'' AS text" if n == "text" else n for n, _ in QUOTE_KEY_COLUMNS)  # compared by their words only
    rows = []
    for column, keys in (("block", blocks), ("exact", exacts)):
        literal = ", ".join(str(k) for k in sorted(keys))
        rows += con.execute(f"SELECT {names} FROM quote_keys WHERE {column} IN ({literal})").fetchall()
    seen, out = set(), []
    for row in rows:
        r = dict(zip((n for n, _ in QUOTE_KEY_COLUMNS), row))
        if (r["article_id"], r["ord"]) not in seen:
            seen.add((r["article_id"], r["ord"]))
            out.append(_member(r))
    return out


def _member(r: dict[str, Any]) -> Member:
    return Member(r["article_id"], r["ord"], r["speaker"], tuple(r["words"].split()), r["text"], r["published"], r["source"], r["corpus_quote"])


def _canonicals(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, tuple[str, ...]]:
    """corpus quote → its canonical words (its longest quote's), from `quote_keys`."""
    out: dict[str, tuple[str, ...]] = {}
    for m in _members_of(con, ids):
        if m.corpus_quote not in out or (-len(m.words), m.words) < (-len(out[m.corpus_quote]), out[m.corpus_quote]):
            out[m.corpus_quote] = m.words
    return out


def _members_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> list[Member]:
    return [_member(r) for r in key_rows(con, "quote_keys", QUOTE_KEY_COLUMNS, "corpus_quote", ids)]


def key_rows(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[tuple[str, str], ...], link: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of an index `table` whose `link` column is one of `ids`, as dicts."""
    ids = sorted(set(ids))
    if not ids:
        return []
    names = ", ".join(n for n, _ in columns)
    rows = con.execute(f"SELECT {names} FROM {table} WHERE {link} IN (SELECT unnest(?))", [ids]).fetchall()
    return [dict(zip((n for n, _ in columns), row)) for row in rows]


def regroup(con: duckdb.DuckDBPyConnection, table: str, members: list[Any], link: str, ids: list[str]) -> list[tuple[str, list[Any]]]:
    """The members of each of these corpus records (by their `link`), in id order, once the records' rows in `table`
    are deleted (to be written again)."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for m in members:
        groups[getattr(m, link)].append(m)
    con.execute(f"DELETE FROM {table} WHERE id IN (SELECT unnest(?))", [ids])
    return sorted(groups.items())


def recount(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    """Write the `corpus_quotes` rows of these corpus quotes from their quotes in `quote_keys` (one left with none goes)."""
    ids = sorted(set(ids))
    if not ids:
        return
    rows = []
    for cid, group in regroup(con, "corpus_quotes", _members_of(con, ids), "corpus_quote", ids):
        canonical = min(group, key=lambda m: (-len(m.words), m.words, m.text, m.article_id, m.ord))
        rows.append({"id": cid, "speaker": group[0].speaker, "text": " ".join(canonical.text.split()), "quotes": len(group), **reach(group)})
    insert_rows(con, "corpus_quotes", CORPUS_QUOTE_COLUMNS, rows)


def reach(group: list[Any]) -> dict[str, Any]:
    """How far a corpus record's members (with `article_id`, `published`, `source`) reached: articles, sources, the
    first article (earliest date, then smallest id; an undated one only when none is dated), first and last dates."""
    dated = sorted((m.published, m.article_id) for m in group if m.published)
    first = dated[0] if dated else (None, min(m.article_id for m in group))
    return {
        "num_articles": len({m.article_id for m in group}), "num_sources": len({m.source for m in group}),
        "first_article": first[1], "first_published": first[0], "last_published": dated[-1][0] if dated else None,
    }


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[tuple[str, str], ...], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    batch = pa.table({n: pa.array([r[n] for r in rows], type=_ARROW[t]) for n, t in columns})
    con.register("_rows", batch)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
    finally:
        con.unregister("_rows")
