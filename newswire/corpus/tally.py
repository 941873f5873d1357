"""Counts kept up to date as articles are stored, so that the common questions read them instead of grouping whole tables.

    counts = tally.count(entity_rows, mention_counts, named)   # what some articles add (or, subtracted, took away)
    tally.apply(con, counts, sign=1)                    # inside the transaction that stores (or deletes) their rows

`names` keeps the distinct names of entities and quote speakers, which the
questions by name (`quotes --speaker`, the timeline and the page of an entity by
name) match a name against, instead of gathering them from whole tables at each
question.

`query entities --top 20` used to group every entity row and join every
mention (2 s at 50,000 articles, growing with the corpus); it now reads
`entity_tally`, one row per group of entities (name, type, actor code and
country: the evidence the question groups by, `query._EVIDENCE`), with the
number of canonical analysed articles that name the group and the number of
its mentions (named entities only, `NAMED_ENTITY`), and `entity_titles`, the titles the group's entities bear with
the number of articles in which they do (a title goes when no article gives
it any more).

Every number is a sum over articles, so a batch of new articles adds its own
counts (computed from the rows it is about to write: no table is read) and an
article analysed again first takes its old counts away (read from its stored
rows). A store made before the tallies existed, or whose tallies were kept
otherwise (`LAYOUT`), is tallied once from its rows at the start of the next
ingest (`rebuild`); until then the questions group the tables as before.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from .link import insert_rows

# How the tallies are kept (`meta` key `tallies`): questions read them only when the store says they were kept so.
LAYOUT = ("named entity groups by name, type, actor, country: articles, mentions, titles; names; "
          "per article: quotes by speaker names and tenths of confidence, timeline rows by entity name (issue 15; tenths: session 20)")

# The entities `query entities` lists (`records.Entity.named`), as a condition on the entity row `{e}`: those the
# article names at least once. An entity of descriptions only ("both delegations", "reporters") stays in the store
# for the quotes and events that read it, but is no named body or person to list.
NAMED_ENTITY = ("EXISTS (SELECT 1 FROM mentions n WHERE n.article_id = {e}.article_id AND n.entity_id = {e}.id "
                "AND n.kind = 'name')")

# the columns of the tables, in order (store.py declares the tables from these)
ENTITY_TALLY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "VARCHAR"),
    ("name", "VARCHAR"),
    ("type", "VARCHAR"),
    ("actor", "VARCHAR"),
    ("country", "VARCHAR"),
    ("articles", "BIGINT"),
    ("mentions", "BIGINT"),
)
ENTITY_TITLE_COLUMNS: tuple[tuple[str, str], ...] = (("id", "VARCHAR"), ("key", "VARCHAR"), ("title", "VARCHAR"), ("articles", "BIGINT"))
NAME_COLUMNS: tuple[tuple[str, str], ...] = (("name", "VARCHAR"),)
# per article, set of a quote's names (as resolved, as written, its speaker entity's name) and confidence in tenths
# (`tenths`): its quotes, as `quotes --speaker` finds them (`query._quotes`), so that a floor of tenths (the default
# QUOTE_FLOOR, 0.3; `--min-confidence 0.7`) counts them too; rows of every stored article, whatever its status (the
# questions keep to canonical analysed articles when they read them). `tenths` is last: a store made before it gets
# the column added at the end (`Store._create`), and its tallies kept again (`LAYOUT`).
QUOTE_SPEAKER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"),
    ("speaker_name", "VARCHAR"),
    ("speaker_text", "VARCHAR"),
    ("entity_name", "VARCHAR"),
    ("quotes", "BIGINT"),
    ("tenths", "INTEGER"),
)
# per article and entity name: the timeline's rows of its entities of that name (`query._timeline`): quotes they
# said, events they did or had done to them, mentions (the timeline shows an article's first mention of them)
ENTITY_ROW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"),
    ("name", "VARCHAR"),
    ("said", "BIGINT"),
    ("acts", "BIGINT"),
    ("mentions", "BIGINT"),
)
# the columns whose distinct values `names` keeps: what the questions by name match a name against (`query._matching_names`)
NAMED = (("entities", "name"), ("quotes", "speaker_name"), ("quotes", "speaker_text"))

Group = tuple[str, str, str | None, str | None]  # name, type, actor, country


def tenths(confidence: float | None) -> int | None:
    """A confidence in tenths, rounded down: the greatest k (0 to 10) with confidence >= k / 10 (compared as the
    questions compare it with a floor of k / 10: `confidence >= floor`), so that the quotes at a floor of tenths are
    exactly those with `tenths` >= k; None for a quote without one (no floor keeps it)."""
    if confidence is None:
        return None
    return next((k for k in range(10, -1, -1) if confidence >= k / 10), None)


# `tenths` in SQL, of the confidence column `{c}`: each floor a double divided as Python divides it (k / 10)
TENTHS_SQL = "CASE " + " ".join(f"WHEN {{c}} >= {k}::DOUBLE / 10 THEN {k}" for k in range(10, -1, -1)) + " END"


def group_key(group: Group) -> str:
    """The key of an entity group: a hash of its four values, each with its length (so no two groups share one)."""
    parts = "".join("-" if v is None else f"{len(v)}:{v}" for v in group)
    return hashlib.md5(parts.encode("utf-8", "surrogatepass")).hexdigest()


def title_id(key: str, title: str) -> str:
    return hashlib.md5(f"{key}\x1f{title}".encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Counts:
    """What a set of articles counts for: per entity group, articles and mentions; per (group, title), articles."""

    groups: dict[Group, list[int]] = field(default_factory=dict)  # group → [articles, mentions]
    titles: Counter = field(default_factory=Counter)  # (group, title) → articles

    def __bool__(self) -> bool:
        return bool(self.groups)


def count(entities: Iterable[Mapping[str, Any]], mentions: Mapping[tuple[str, str], int], named: Container[tuple[str, str]]) -> Counts:
    """The counts of these entity rows (each with article_id, id, name, type, actor, country, titles), given the
    number of mentions of each (article id, entity id) and the (article id, entity id) of the entities named at least
    once (`NAMED_ENTITY`; the others are not counted); an article counts once per group and per title of a group."""
    out = Counts()
    seen: set[tuple[str, Group]] = set()
    seen_titles: set[tuple[str, Group, str]] = set()
    for e in entities:
        if (e["article_id"], e["id"]) not in named:
            continue
        group: Group = (e["name"], e["type"], e.get("actor"), e.get("country"))
        article = e["article_id"]
        tally = out.groups.setdefault(group, [0, 0])
        if (article, group) not in seen:
            seen.add((article, group))
            tally[0] += 1
        tally[1] += mentions.get((article, e["id"]), 0)
        for title in e.get("titles") or ():
            if (article, group, title) not in seen_titles:
                seen_titles.add((article, group, title))
                out.titles[(group, title)] += 1
    return out


def count_rows(rows: Mapping[str, list[dict[str, Any]]], articles: set[str]) -> Counts:
    """The counts of a batch's rows (`analysis_rows`, by table) of these articles."""
    mentions = Counter((m["article_id"], m["entity_id"]) for m in rows["mentions"] if m["article_id"] in articles)
    named = {(m["article_id"], m["entity_id"]) for m in rows["mentions"] if m["article_id"] in articles and m["kind"] == "name"}
    return count((e for e in rows["entities"] if e["article_id"] in articles), mentions, named)


def count_stored(con: duckdb.DuckDBPyConnection, articles: list[str]) -> Counts:
    """The counts of these articles' stored rows (to take away before they are replaced)."""
    if not articles:
        return Counts()
    cursor = con.execute(
        "SELECT article_id, id, name, type, actor, country, titles FROM entities WHERE article_id IN (SELECT unnest(?))", [articles]
    )
    names = [d[0] for d in cursor.description]
    entities = [dict(zip(names, r)) for r in cursor.fetchall()]
    mentions, named = {}, set()
    for a, e, n, has_name in con.execute(
        "SELECT article_id, entity_id, count(*), bool_or(kind = 'name') FROM mentions WHERE article_id IN (SELECT unnest(?)) GROUP BY ALL",
        [articles],
    ).fetchall():
        mentions[(a, e)] = n
        if has_name:
            named.add((a, e))
    return count(entities, mentions, named)


def apply(con: duckdb.DuckDBPyConnection, counts: Counts, sign: int = 1) -> None:
    """Add (sign 1) or take away (sign -1) these counts; groups and titles left with no article go."""
    if not counts:
        return
    groups = list(counts.groups.items())
    keys = [group_key(g) for g, _ in groups]
    table = pa.table({
        "key": pa.array(keys, pa.string()),
        "name": pa.array([g[0] for g, _ in groups], pa.string()),
        "type": pa.array([g[1] for g, _ in groups], pa.string()),
        "actor": pa.array([g[2] for g, _ in groups], pa.string()),
        "country": pa.array([g[3] for g, _ in groups], pa.string()),
        "articles": pa.array([sign * n[0] for _, n in groups], pa.int64()),
        "mentions": pa.array([sign * n[1] for _, n in groups], pa.int64()),
    })
    titles = list(counts.titles.items())
    title_keys = [group_key(g) for (g, _), _ in titles]
    title_table = pa.table({
        "id": pa.array([title_id(k, t) for k, ((_, t), _) in zip(title_keys, titles)], pa.string()),
        "key": pa.array(title_keys, pa.string()),
        "title": pa.array([t for (_, t), _ in titles], pa.string()),
        "articles": pa.array([sign * n for _, n in titles], pa.int64()),
    })
    for name, data, sums in (
        ("entity_tally", table, "articles = entity_tally.articles + excluded.articles, mentions = entity_tally.mentions + excluded.mentions"),
        ("entity_titles", title_table, "articles = entity_titles.articles + excluded.articles"),
    ):
        if not data.num_rows:
            continue
        con.register("_tally", data)
        try:
            con.execute(f"INSERT INTO {name} SELECT * FROM _tally ON CONFLICT DO UPDATE SET {sums}")
        finally:
            con.unregister("_tally")
    if sign < 0:  # only a subtraction can leave a row at nothing (after the batch's additions: no key is deleted and added in one go)
        con.execute("DELETE FROM entity_tally WHERE key IN (SELECT unnest(?)) AND articles <= 0", [keys])
        con.execute("DELETE FROM entity_titles WHERE key IN (SELECT unnest(?)) AND articles <= 0", [title_keys])


def names_of(rows: Mapping[str, list[dict[str, Any]]]) -> set[str]:
    """The names a batch's rows (`analysis_rows`, by table) bring: entity names, quote speakers as resolved and as written."""
    return {r[column] for table, column in NAMED for r in rows.get(table, ()) if r.get(column)}


def add_names(con: duckdb.DuckDBPyConnection, names: set[str]) -> None:
    """Keep these names in `names` (each once). A name is never taken away: after an article is analysed again or
    its rows go, `names` may hold a name no row has any more, which a question then finds no row of; so the answers
    are those of the whole tables, without reading them."""
    if not names:
        return
    con.register("_names", pa.table({"name": pa.array(sorted(names), pa.string())}))
    try:
        con.execute("INSERT INTO names SELECT name FROM _names ON CONFLICT DO NOTHING")
    finally:
        con.unregister("_names")


def rebuild(con: duckdb.DuckDBPyConnection, canonical: str) -> None:
    """Tally every stored canonical analysed article from nothing (`canonical`: the SQL condition on `articles a`);
    `names` from every stored row."""
    con.execute("DELETE FROM entity_tally")
    con.execute("DELETE FROM entity_titles")
    con.execute("DELETE FROM names")
    every = " UNION ".join(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL AND {column} <> ''" for table, column in NAMED)
    con.execute(f"INSERT INTO names {every}")
    counts = Counts()
    for name, type_, actor, country, articles, mentions in con.execute(f"""
        SELECT e.name, e.type, e.actor, e.country, count(DISTINCT e.article_id), count(m.ord)
        FROM entities e JOIN articles a ON a.id = e.article_id
        LEFT JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.id
        WHERE {canonical} AND {NAMED_ENTITY.format(e="e")} GROUP BY ALL""").fetchall():
        counts.groups[(name, type_, actor, country)] = [articles, mentions]
    for name, type_, actor, country, title, articles in con.execute(f"""
        SELECT e.name, e.type, e.actor, e.country, t.title, count(DISTINCT e.article_id)
        FROM entities e JOIN articles a ON a.id = e.article_id, unnest(e.titles) AS t(title)
        WHERE {canonical} AND {NAMED_ENTITY.format(e="e")} GROUP BY ALL""").fetchall():
        counts.titles[((name, type_, actor, country), title)] = articles
    apply(con, counts)
    keep_stored(con)


def keep_rows(con: duckdb.DuckDBPyConnection, rows: Mapping[str, list[dict[str, Any]]], articles: set[str]) -> None:
    """Keep the per-article counts (`quote_speakers`, `entity_rows`) of a batch's rows (`analysis_rows`, by table) of
    these articles, whose rows were not stored before (else `keep_stored`): computed from the rows, no table is read.
    Each count is the number of rows the question's joins give (`keep_stored` counts them by SQL; tests check both)."""
    entities: dict[tuple[str, str], list[str | None]] = {}
    for e in rows.get("entities", ()):
        if e["article_id"] in articles:
            entities.setdefault((e["article_id"], e["id"]), []).append(e.get("name"))
    speakers: Counter = Counter()
    said: Counter = Counter()
    for q in rows.get("quotes", ()):
        article = q["article_id"]
        if article not in articles:
            continue
        said[(article, q.get("speaker_entity"))] += 1
        for name in entities.get((article, q.get("speaker_entity")), [None]):  # a left join: one row per entity of the id
            if q.get("speaker_name") is not None or q.get("speaker_text") is not None or name is not None:
                speakers[(article, q.get("speaker_name"), q.get("speaker_text"), name, tenths(q.get("confidence")))] += 1
    acts: Counter = Counter()
    for ev in rows.get("events", ()):
        article = ev["article_id"]
        if article in articles:
            acts[(article, ev.get("source_entity"))] += 1
            if ev.get("target_entity") != ev.get("source_entity"):
                acts[(article, ev.get("target_entity"))] += 1
    mentions = Counter((m["article_id"], m["entity_id"]) for m in rows.get("mentions", ()) if m["article_id"] in articles)
    named: dict[tuple[str, str], list[int]] = {}
    for (article, id_), names in entities.items():
        for name in names:
            counts = named.setdefault((article, name or ""), [0, 0, 0])
            counts[0] += said[(article, id_)]
            counts[1] += acts[(article, id_)]
            counts[2] += mentions[(article, id_)]
    _insert(con, "quote_speakers", QUOTE_SPEAKER_COLUMNS, [(*k[:4], n, k[4]) for k, n in speakers.items()])
    _insert(con, "entity_rows", ENTITY_ROW_COLUMNS, [(*k, *n) for k, n in named.items()])


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[tuple[str, str], ...], rows: list[tuple]) -> None:
    insert_rows(con, table, columns, [dict(zip((n for n, _ in columns), r)) for r in rows])


def keep_stored(con: duckdb.DuckDBPyConnection, articles: list[str] | None = None) -> None:
    """Keep the per-article counts of these articles (None: every article) from their stored rows, replacing what was
    kept for them."""
    if articles is not None and not articles:
        return
    where = "" if articles is None else "WHERE article_id IN (SELECT unnest($ids))"
    params = {} if articles is None else {"ids": articles}
    for table in ("quote_speakers", "entity_rows"):
        con.execute(f"DELETE FROM {table} {where}", params)
    con.execute(f"""
        INSERT INTO quote_speakers
        SELECT q.article_id, q.speaker_name, q.speaker_text, e.name, count(*), {TENTHS_SQL.format(c="q.confidence")} AS tenths
        FROM (SELECT * FROM quotes {where}) q
        LEFT JOIN (SELECT article_id, id, name FROM entities {where}) e ON e.article_id = q.article_id AND e.id = q.speaker_entity
        WHERE coalesce(q.speaker_name, q.speaker_text, e.name) IS NOT NULL
        GROUP BY ALL""", params)
    con.execute(f"""
        INSERT INTO entity_rows
        WITH s AS (SELECT article_id, speaker_entity AS id, count(*) AS n FROM quotes {where} GROUP BY ALL),
        v AS (SELECT article_id, id, count(*) AS n FROM (
                SELECT article_id, source_entity AS id FROM events {where}
                UNION ALL
                SELECT article_id, target_entity FROM (SELECT * FROM events {where})
                WHERE target_entity IS DISTINCT FROM source_entity) GROUP BY ALL),
        m AS (SELECT article_id, entity_id AS id, count(*) AS n FROM mentions {where} GROUP BY ALL)
        SELECT e.article_id, coalesce(e.name, ''), sum(coalesce(s.n, 0)), sum(coalesce(v.n, 0)), sum(coalesce(m.n, 0))
        FROM (SELECT article_id, id, name FROM entities {where}) e
        LEFT JOIN s ON s.article_id = e.article_id AND s.id = e.id
        LEFT JOIN v ON v.article_id = e.article_id AND v.id = e.id
        LEFT JOIN m ON m.article_id = e.article_id AND m.id = e.id
        GROUP BY ALL""", params)


def forget_rows(con: duckdb.DuckDBPyConnection, articles: list[str]) -> None:
    """Take away what was kept for these articles (their rows are being replaced)."""
    if articles:
        for table in ("quote_speakers", "entity_rows"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [articles])
