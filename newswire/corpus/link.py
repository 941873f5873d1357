"""One entity across articles: link each article's entities to corpus entities.

    link_entities(con, batch)   # inside the transaction that stores the batch's rows

Every article's entity already carries its fullest name ("John Kerry" for an
article that says "Secretary of State John Kerry ... Kerry ... Mr. Kerry"), so
linking across articles compares names the articles resolved themselves:

* The **key** of an entity (`entity_key`) is its type and its normalised name:
  for a person the first and last words of the name (case, accents,
  punctuation, middle names and initials, "Jr." and "Mr." left out: "John F.
  Kerry" and "John Kerry" are one); for a country (a GPE whose actor code is
  its country code) the country code ("U.S." and "United States" are one);
  for anything else the name without "the", a possessive or a legal form
  ("Apple Inc." is "Apple"). A person named by one word only (a bare surname
  the article never resolved, a mononym) and an entity with no proper-name
  mention (a nominal: "the company") get no key: they are linked to nothing
  (`corpus_entity` NULL). People who share a surname but not a first name have
  different keys, so they stay apart.
* **Countries split a key.** The entities of one key with at most one country
  among them are one corpus entity; once a second country appears (a "John
  Smith" of Britain and one of the United States) each country is its own
  corpus entity and those with no country form a third: a name shared across
  countries is not merged on the name alone.
* The ids are content hashes of the key (and the country of a split key), so
  the corpus entities do not depend on the order in which articles were
  analysed: the partition of a key is a function of its entities, and every
  aggregate (articles, mentions, aliases, dates, the displayed name: the
  longest, then the first in code-point order) is too.

Incremental: a batch's entities are looked up by key (one semi-join of the
batch's keys with `corpus_entities`), and only the corpus entities of those
keys are read and rewritten, their members added to what they count; no
other table is read. A corpus entity not split by country whose members are
some of its one country and some of none keeps the two parts' counts
(`corpus_entity_parts`), so a key that meets its second country becomes two
corpus entities without reading its rows.

**A split is one rule, not moved rows.** An entity row keeps its key's id
(`corpus_entity_id(key)`) in `entities.corpus_entity` whatever the countries;
a key split by country has one row per country in `corpus_entity_splits`
(`whole`, `country` → `id`), and the corpus entity a row is linked to is the
rule's id for its country, else the stored one (`shown`: what every reader
of `entities.corpus_entity` asks). A split writes rule rows and an unsplit
deletes them; no entity row is written again for either (issue 15).
An article analysed again (its old rows are gone) has the corpus entities
it was linked to counted again from what is stored (a read of their rows),
and a key split by country left with one country is one again (`unsplit`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import duckdb
import pyarrow as pa

from ..lexicon import load_list
from ..lexicon.countries import country_from_name, country_name
from ..lexicon.given_names import person_affixes

# the columns of `corpus_entities`, in order (store.py declares the table from these)
CORPUS_ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"),
    ("key", "VARCHAR"),
    ("name", "VARCHAR"),
    ("type", "VARCHAR"),
    ("country", "VARCHAR"),
    ("actor", "VARCHAR"),
    ("aliases", "VARCHAR[]"),
    ("articles", "BIGINT"),
    ("mentions", "BIGINT"),
    ("first_published", "VARCHAR"),
    ("last_published", "VARCHAR"),
)


# the rules of the keys split by country (`corpus_entity_splits`): (the key's id, a country) → the corpus entity of its rows
SPLIT_COLUMNS: tuple[tuple[str, str], ...] = (("whole", "VARCHAR"), ("country", "VARCHAR"), ("id", "VARCHAR"))


def shown(e: str = "e") -> str:
    """SQL: the corpus entity a row of `entities` (as `e`) is linked to: its key's split rule for its country, else its
    stored `corpus_entity` (NULL: linked to none)."""
    return (f"coalesce((SELECT s.id FROM corpus_entity_splits s WHERE s.whole = {e}.corpus_entity AND s.country = {e}.country), "
            f"{e}.corpus_entity)")


def linked_to(con: duckdb.DuckDBPyConnection, ids: Iterable[str], e: str = "e") -> tuple[str, list[Any]]:
    """SQL condition (and its parameters) for the rows of `entities` (as `e`) linked to one of these corpus entities:
    their stored column is the key's id (found by the rules), read first, then the rule applied to those rows alone."""
    ids = sorted(set(ids))
    wholes = dict(con.execute("SELECT id, whole FROM corpus_entity_splits WHERE id IN (SELECT unnest(?))", [ids]).fetchall()) if ids else {}
    stored = sorted({wholes.get(i, i) for i in ids})
    return (f"{e}.corpus_entity IN (SELECT unnest(?)) AND {shown(e)} IN (SELECT unnest(?))", [stored, ids])


def one_linked(con: duckdb.DuckDBPyConnection, cid: str, e: str = "e") -> tuple[str, list[Any]]:
    """SQL condition (and its parameters) for the rows of `entities` (as `e`) linked to this one corpus entity, with the
    rule looked up first: a condition on the stored columns alone, which DuckDB filters the scan by."""
    rule = con.execute("SELECT whole, country FROM corpus_entity_splits WHERE id = ?", [cid]).fetchone()
    if rule is not None:
        return f"{e}.corpus_entity = ? AND {e}.country = ?", list(rule)
    return (f"{e}.corpus_entity = ? AND ({e}.country IS NULL OR {e}.country NOT IN "
            "(SELECT country FROM corpus_entity_splits WHERE whole = ?))", [cid, cid])


def is_linked_to(e: str = "e") -> str:
    """SQL condition, with one parameter (a corpus entity's id), for the rows of `entities` (as `e`) linked to it: their
    stored column is its key's id (read first: DuckDB filters the scan by it), then the rule for their country."""
    return (f"({e}.corpus_entity, {shown(e)}) IN (SELECT coalesce(s.whole, p.id), p.id FROM (SELECT ?::VARCHAR AS id) p "
            "LEFT JOIN corpus_entity_splits s ON s.id = p.id)")


@cache
def _org_suffixes() -> frozenset[str]:
    return frozenset(load_list("org_suffixes.txt"))


def fold(text: str) -> str:
    """Case-folded, accents and typographic apostrophes made plain, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


_WORD = re.compile(r"[^\W_]+(?:['\-&][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of a name: letters and digits, an inner hyphen, apostrophe or ampersand kept ("ki-moon", "o'neill", "at&t")."""
    return _WORD.findall(fold(text))


def entity_key(type: str, name: str, country: str | None = None, actor: str | None = None) -> str | None:
    """The key an entity is linked across articles by, or None for one that is not linked (see the module's docstring)."""
    if country and ((type == "GPE" and actor == country) or (type != "PERSON" and country_from_name(name) == country)):
        return f"#{country}"  # the country itself, whatever it is called ("U.S.", "United States of America")
    tokens = words(name)
    tokens = [t[:-2] if t.endswith("'s") else t for t in tokens]
    if type == "PERSON":
        tokens = [t for t in tokens if t not in person_affixes() and len(t.replace(".", "")) > 1]
        if len(tokens) < 2:
            return None
        return f"{tokens[0]} {tokens[-1]}"
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _org_suffixes():
        tokens.pop()
    if not tokens:
        return None
    return " ".join(tokens)  # the type is no part of it: the parser's type of a name varies from article to article


# The type a corpus entity whose entities were given several shows: an organisation or a place before a person
# (a two-word name typed both ways is most often a firm the parser took for a person: "Northrop Grumman").
TYPE_ORDER = ("ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "GROUP")


def better_type(a: str | None, b: str | None) -> str | None:
    if not a or not b:
        return a or b
    return min(a, b, key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER), t))


def corpus_entity_id(key: str, country: str | None = None) -> str:
    """The id of the corpus entity of `key` (of its entities of `country`, once the key is split by country)."""
    raw = key if country is None else f"{key}\x1f{country}"
    return "C" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:15]


@dataclass(slots=True)
class Member:
    """What one article entity brings to its corpus entity."""

    article_id: str
    entity_id: str
    key: str
    name: str
    type: str
    country: str | None
    actor: str | None
    aliases: frozenset[str]
    mentions: int
    published: str | None


@dataclass(slots=True)
class CorpusEntity:
    id: str
    key: str
    name: str
    type: str
    country: str | None
    actor: str | None
    aliases: set[str] = field(default_factory=set)
    articles: int = 0
    mentions: int = 0
    first_published: str | None = None
    last_published: str | None = None

    def add(self, members: list[Member]) -> None:
        """Count these members (of distinct articles not counted before) in."""
        self.articles += len({m.article_id for m in members})
        for m in members:
            self.name = better(self.name, m.name)
            self.type = better_type(self.type, m.type)
            self.actor = better(self.actor, m.actor)
            self.aliases |= m.aliases
            self.mentions += m.mentions
            if m.published:
                self.first_published = min(filter(None, (self.first_published, m.published)))
                self.last_published = max(filter(None, (self.last_published, m.published)))

    def shown_name(self) -> str:
        """Its name: the best of its entities' (`better`), but a country's own name for the country itself (the key
        "#GEO": "Georgia", where its entities' longest name may be the adjective "Georgian")."""
        return (country_name(self.key[1:]) if self.key.startswith("#") else None) or self.name

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id, "key": self.key, "name": self.shown_name(), "type": self.type, "country": self.country, "actor": self.actor,
            "aliases": sorted(self.aliases), "articles": self.articles, "mentions": self.mentions,
            "first_published": self.first_published, "last_published": self.last_published,
        }


def better(a: str | None, b: str | None) -> str | None:
    """The value to show of two: the longer, then one not in capitals, then the first in code-point order (so the order
    they come in does not matter)."""
    if not a or not b:
        return a or b
    return min(a, b, key=lambda s: (-len(s), s.isupper(), s))


def alias_of(text: str) -> str:
    return " ".join(text.split())


def members_of(article_id: str, published: str | None, entity: dict[str, Any], mentions: list[dict[str, Any]]) -> Member | None:
    """The member an entity row (and its mention rows) makes, or None if it is not linked."""
    if not any(m["kind"] == "name" for m in mentions):
        return None
    key = entity_key(entity["type"], entity["name"], entity.get("country"), entity.get("actor"))
    if key is None:
        return None
    aliases = {alias_of(m["text"]) for m in mentions if m["kind"] == "name"} | {alias_of(entity["name"])}
    return Member(
        article_id, entity["id"], key, alias_of(entity["name"]), entity["type"], entity.get("country"), entity.get("actor"),
        frozenset(aliases), len(mentions), published,
    )


def target(key: str, country: str | None, countries: set[str]) -> str:
    """The corpus entity of a member of `key` with `country`, when the key's entities have these countries."""
    if len(countries) <= 1 or country is None:
        return corpus_entity_id(key)
    return corpus_entity_id(key, country)


# --- in the store ------------------------------------------------------------


def link_entities(
    con: duckdb.DuckDBPyConnection, members: list[Member], split: set[str] | None = None,
    moved_rows: dict[tuple[str, str], str] | None = None,
) -> tuple[dict[tuple[str, str], str], set[str]]:
    """Link new members (of articles whose earlier rows, if any, are deleted) to corpus entities.

    Writes `corpus_entities` (and `corpus_entity_parts`); returns (article id,
    entity id) → corpus entity for the caller to store with the entity rows,
    and the ids of corpus entities whose rows must be counted again from the
    stored rows once those are written (`recount`): only when a key split by
    country moves its rows to a corpus entity that already exists. The former
    id of a key just split is added to `split`, and the stored entities it
    moves to another corpus entity to `moved_rows` ((article id, entity id) →
    corpus entity).
    """
    if not members:
        return {}, set()
    by_key: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        by_key[m.key].append(m)
    stored, parts = _stored(con, list(by_key))
    assigned: dict[tuple[str, str], str] = {}
    changed: dict[str, CorpusEntity] = {}
    changed_parts: dict[str, dict[str | None, CorpusEntity]] = {}  # unsplit corpus entity → its parts (empty: none kept)
    gone: set[str] = set()
    recount: set[str] = set()
    relabels: list[tuple[str, str, str]] = []  # (corpus entity, country, corpus entity its stored rows of that country move to)
    rules: dict[tuple[str, str], str] = {}  # (key's id, country) → corpus entity: the split rules of the keys split by country
    for key, new in by_key.items():
        old = stored.get(key, {})
        whole = corpus_entity_id(key)
        before = {c.country for c in old.values() if c.country}
        countries = before | {m.country for m in new if m.country}
        if len(countries) > 1 and len(before) == 1 and whole in old:
            # the key meets its second country: its stored rows of the first country move to a corpus entity of their own
            (first,) = before
            moved = corpus_entity_id(key, first)
            relabels.append((whole, first, moved))
            if split is not None:
                split.add(whole)  # its quotes were linked under this speaker: the caller links them again
            own = parts.get(whole)
            if moved in old:  # rows of that country already there: counted again from the rows
                recount |= {moved, whole}
            elif own:  # its kept parts: the rows of the first country, and those of none
                changed[moved] = old[moved] = _renamed(own[first], moved, first)
                changed[whole] = old[whole] = _renamed(own[None], whole, None)
            else:  # all its rows are of the first country
                changed[moved] = old[moved] = _renamed(old.pop(whole), moved, first)
                gone.add(whole)
            changed_parts[whole] = {}
        if len(countries) > 1:
            rules.update({(whole, c): corpus_entity_id(key, c) for c in countries})
        groups: dict[str, list[Member]] = defaultdict(list)
        for m in new:
            cid = target(key, m.country, countries)
            assigned[(m.article_id, m.entity_id)] = cid
            groups[cid].append(m)
        for cid, group in groups.items():
            if cid in recount:
                continue
            entity = changed.get(cid) or old.get(cid) or CorpusEntity(cid, key, group[0].name, group[0].type, None, None)
            gone.discard(cid)
            if cid == whole and len(countries) <= 1:
                changed_parts[whole] = _add_parts(entity, parts.get(whole, {}), group)
            entity.country = _country(key, cid, countries, group)
            entity.add(group)
            changed[cid] = entity
    _add_rules(con, rules)
    if moved_rows is not None:  # read only when asked for (the quotes of a split speaker no longer move: issue 15, @3)
        moved_rows.update(_relabel(con, relabels))
    _write(con, list(changed.values()), gone, changed_parts)
    return assigned, recount


def _add_rules(con: duckdb.DuckDBPyConnection, rules: dict[tuple[str, str], str]) -> None:
    """Write the split rules not stored yet (a key split by country has one for each of its countries)."""
    if not rules:
        return
    have = set(con.execute("SELECT whole, country FROM corpus_entity_splits WHERE whole IN (SELECT unnest(?))",
                           [sorted({w for w, _ in rules})]).fetchall())
    new = sorted(k for k in rules if k not in have)
    insert_rows(con, "corpus_entity_splits", SPLIT_COLUMNS, [{"whole": w, "country": c, "id": rules[(w, c)]} for w, c in new])


def _relabel(con: duckdb.DuckDBPyConnection, relabels: list[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """The stored entity rows of each (corpus entity, country) just split off (their rule written: `_add_rules`): found
    by one read of the `corpus_entity` column (however many keys a batch splits); returns (article id, entity id) →
    corpus entity they are linked to now. The rows themselves are not written."""
    if not relabels:
        return {}
    moves = {(whole, country): moved for whole, country, moved in relabels}
    rows = keyed_rows(con, "entities", "article_id, id, corpus_entity, country", "corpus_entity IN (SELECT unnest(?))",
                      [sorted({whole for whole, _, _ in relabels})])
    out: dict[tuple[str, str], str] = {}
    for _, article_id, entity_id, whole, country in rows:
        moved = moves.get((whole, country)) if country is not None else None
        if moved is not None:
            out[(article_id, entity_id)] = moved
    return out


def _renamed(entity: CorpusEntity, cid: str, country: str | None) -> CorpusEntity:
    return CorpusEntity(cid, entity.key, entity.name, entity.type, country, entity.actor, set(entity.aliases), entity.articles,
                        entity.mentions, entity.first_published, entity.last_published)


def _add_parts(whole: CorpusEntity, parts: dict[str | None, CorpusEntity], group: list[Member]) -> dict[str | None, CorpusEntity]:
    """The parts of a corpus entity not split by country (the aggregate of its members of its one country, and that of
    its members of none) once these members are added; none (an empty dict) while its members are all of one kind.
    What a split makes two corpus entities of without reading their rows. `whole`: the corpus entity before."""
    if parts:
        out = {c: _renamed(p, p.id, c) for c, p in parts.items()}
    elif whole.articles:  # no parts kept: its members are all of its one country, or all of none
        out = {whole.country: _renamed(whole, whole.id, whole.country)}
    else:
        out = {}
    for country in sorted({m.country for m in group}, key=lambda c: c or ""):
        mine = [m for m in group if m.country == country]
        part = out.get(country) or CorpusEntity(whole.id, whole.key, mine[0].name, mine[0].type, country, None)
        part.add(mine)
        out[country] = part
    return out if len(out) > 1 else {}


def _country(key: str, cid: str, countries: set[str], group: list[Member]) -> str | None:
    if cid == corpus_entity_id(key):
        return next(iter(countries)) if len(countries) == 1 else None
    return next(m.country for m in group if m.country)


def _stored(
    con: duckdb.DuckDBPyConnection, keys: list[str]
) -> tuple[dict[str, dict[str, CorpusEntity]], dict[str, dict[str | None, CorpusEntity]]]:
    """key → id → stored corpus entity, for these keys; and the kept parts of those not split by country (id → country
    or None → part).

    The keys are passed as one list parameter: DuckDB plans a literal list of
    hundreds of strings slowly (0.12 s for 400 keys, against 0.01 s so, on a
    store of 3,000 articles).
    """
    out: dict[str, dict[str, CorpusEntity]] = defaultdict(dict)
    parts: dict[str, dict[str | None, CorpusEntity]] = defaultdict(dict)
    names = ", ".join(n for n, _ in CORPUS_ENTITY_COLUMNS)
    for table in ("corpus_entities", "corpus_entity_parts"):
        for row in con.execute(f"SELECT {names} FROM {table} WHERE key IN (SELECT unnest(?))", [keys]).fetchall():
            data = dict(zip((n for n, _ in CORPUS_ENTITY_COLUMNS), row))
            data["aliases"] = set(data["aliases"] or ())
            entity = CorpusEntity(**data)
            if table == "corpus_entities":
                out[entity.key][entity.id] = entity
            else:
                parts[entity.id][entity.country] = entity
    return out, parts


def _write(
    con: duckdb.DuckDBPyConnection, entities: list[CorpusEntity], gone: Iterable[str] = (),
    parts: dict[str, dict[str | None, CorpusEntity]] | None = None,
) -> None:
    """Write these corpus entities (and delete those `gone`); `parts`: the kept parts of these corpus entities, written
    in place of those stored (an empty dict: none kept any more)."""
    ids = sorted({e.id for e in entities} | set(gone))
    if ids:
        con.execute("DELETE FROM corpus_entities WHERE id IN (SELECT unnest(?))", [ids])
    _insert(con, "corpus_entities", [e.row() for e in entities])
    if parts:
        con.execute("DELETE FROM corpus_entity_parts WHERE id IN (SELECT unnest(?))", [sorted(parts)])
        _insert(con, "corpus_entity_parts", [p.row() for ps in parts.values() for p in ps.values()])


_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string())}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    insert_rows(con, table, CORPUS_ENTITY_COLUMNS, rows)


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[tuple[str, str], ...], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    batch = pa.table({n: pa.array([r[n] for r in rows], type=_ARROW[t]) for n, t in columns})
    con.register("_rows", batch)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def rewrite_rows(con: duckdb.DuckDBPyConnection, table: str, rowids: list[int], column: str, links: pa.Table,
                 on: tuple[str, ...]) -> None:
    """Set `column` of these rows of `table` (row ids) to the `link` of the row of `links` that matches them on the
    columns `on`: the rows are read by row id, deleted, and inserted again with their new value, not updated in place.

    DuckDB writes an `UPDATE` of rows that lie in every row group (the rows of
    a name that is in every stretch of the corpus) by rewriting those row
    groups at the checkpoint (with a list column, whole rows): at 200,000
    articles, 2,940 `entities` rows cost 1.1 s CPU so and 0.4 s moved; 2,580
    `quotes` rows 1.2 and 0.7 s (a deletion is a mark, an insertion an
    append; each on a fresh copy of the same store, docs/measured.md, issue
    15, scale10). The rows moved then lie at the table's end, apart from
    their article's other rows."""
    if not rowids:
        return
    con.register("_links", links)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _moved_rows AS SELECT * FROM {table} WHERE rowid IN (SELECT unnest(?))", [rowids])
        match = " AND ".join(f"_moved_rows.{c} = _links.{c}" for c in on)
        con.execute(f"UPDATE _moved_rows SET {column} = _links.link FROM _links WHERE {match}")
        con.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT unnest(?))", [rowids])
        con.execute(f"INSERT INTO {table} SELECT * FROM _moved_rows")
        con.execute("DROP TABLE _moved_rows")
    finally:
        con.unregister("_links")


def keyed_rows(con: duckdb.DuckDBPyConnection, table: str, names: str, where: str, params: list[Any]) -> list[tuple]:
    """The rows of `table` that meet `where` (a condition on a key and a date), as (row id, *`names`): found by reading
    the condition's columns alone, then read by their row ids, so that DuckDB reads and decompresses only the blocks
    that hold them (with the other columns beside the condition, it decompresses every block of every column named,
    which grows with the table)."""
    found = [r for (r,) in con.execute(f"SELECT rowid FROM {table} WHERE {where}", params).fetchall()]
    if not found:
        return []
    return con.execute(f"SELECT rowid, {names} FROM {table} WHERE rowid IN (SELECT unnest(?))", [found]).fetchall()


def recount(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    """Count these corpus entities again from the stored entity rows linked to them (a corpus entity left with none goes).

    Their rows are read by row id (`keyed_rows`: the link column alone searched), then their articles' dates through
    the articles' primary key, and the mentions of their articles by row id (the article column alone searched): no
    join of whole tables (`mentions`, the largest, read whole with its text at every recount)."""
    ids = sorted(set(ids))
    if not ids:
        return
    where, params = linked_to(con, ids)
    found = keyed_rows(con, "entities e", f"{shown()}, e.article_id, e.id, e.name, e.type, e.country, e.actor", where, params)
    articles = sorted({r[2] for r in found})
    dates = dict(con.execute("SELECT id, published FROM articles WHERE id IN (SELECT unnest(?))", [articles]).fetchall()) if articles else {}
    wanted = {(r[2], r[3]) for r in found}
    named: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    if articles:
        for _, article_id, entity_id, ord_, text, kind in keyed_rows(con, "mentions", "article_id, entity_id, ord, text, kind",
                                                                      "article_id IN (SELECT unnest(?))", [articles]):
            if (article_id, entity_id) in wanted:
                counts[(article_id, entity_id)] += ord_ is not None
                if kind == "name":
                    named[(article_id, entity_id)].append((ord_, text))
    rows = [(cid, article_id, entity_id, name, type_, country, actor, dates[article_id],
             [t for _, t in sorted(named[(article_id, entity_id)], key=lambda p: (p[0] is None, p[0] or 0))], counts[(article_id, entity_id)])
            for _, cid, article_id, entity_id, name, type_, country, actor in found if article_id in dates]
    keys = {cid: key for cid, key in con.execute("SELECT id, key FROM corpus_entities WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
    groups: dict[str, list[Member]] = defaultdict(list)
    for cid, article_id, entity_id, name, type_, country, actor, published, names, count in rows:
        aliases = frozenset({alias_of(t) for t in names or ()} | {alias_of(name)})
        key = keys.get(cid) or entity_key(type_, name, country, actor) or ""
        groups[cid].append(Member(article_id, entity_id, key, alias_of(name), type_, country, actor, aliases, count, published))
    rebuilt = []
    parts: dict[str, dict[str | None, CorpusEntity]] = {cid: {} for cid in ids}
    for cid, group in sorted(groups.items()):
        key = group[0].key
        countries = {m.country for m in group if m.country}
        split = cid != corpus_entity_id(key)
        entity = CorpusEntity(cid, key, group[0].name, group[0].type, None, None)
        entity.add(group)
        entity.country = next(iter(countries)) if (split or len(countries) == 1) and countries else None
        rebuilt.append(entity)
        if not split:
            parts[cid] = _add_parts(CorpusEntity(cid, key, group[0].name, group[0].type, None, None), {}, group)
    _write(con, rebuilt, ids, parts)




def keys_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    """The keys of these corpus entities."""
    ids = sorted(set(ids))
    if not ids:
        return set()
    return {k for (k,) in con.execute("SELECT DISTINCT key FROM corpus_entities WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}


def unsplit(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Once articles analysed again took their rows away (and their corpus entities were counted again: `recount`): a key
    split by country that is left with one country or none is one corpus entity again, as linking its rows from scratch
    makes. Its split rules go (its rows kept the key's id, so they are its corpus entity's again, counted again; a key
    left with no rows of a country keeps no rule either). Returns former corpus entity → the key's, and (article id,
    entity id) → corpus entity moved to."""
    keys = sorted(set(keys))
    if not keys:
        return {}, {}
    by_key: dict[str, dict[str, str | None]] = defaultdict(dict)
    for cid, key, country in con.execute("SELECT id, key, country FROM corpus_entities WHERE key IN (SELECT unnest(?))", [keys]).fetchall():
        by_key[key][cid] = country
    merge: dict[str, str] = {}  # former corpus entity → the key's
    whole_again: list[str] = []  # the keys' ids whose rules go
    for key in keys:
        whole = corpus_entity_id(key)
        parts = {cid: country for cid, country in by_key.get(key, {}).items() if cid != whole}
        if len(set(parts.values())) <= 1:
            merge.update((cid, whole) for cid in parts)
            whole_again.append(whole)
    moved: dict[tuple[str, str], str] = {}
    if merge:
        where, params = linked_to(con, merge)
        for article_id, entity_id, former in con.execute(f"SELECT e.article_id, e.id, {shown()} FROM entities e WHERE {where}", params).fetchall():
            moved[(article_id, entity_id)] = merge[former]
    con.execute("DELETE FROM corpus_entity_splits WHERE whole IN (SELECT unnest(?))", [whole_again])
    if not merge:
        return {}, {}
    recount(con, set(merge) | set(merge.values()))
    return merge, moved
