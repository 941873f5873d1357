"""One happening across articles: events of different articles that report the same happening are one corpus event.

    link_events(con, members)   # inside the transaction that stores the batch's rows, after entities and quotes

Only an event that can be linked safely is linked (`member_of`): an asserted
event (modality; "will attack" and "did not attack" report no happening),
with a PLOVER type, dated to a day (a month or a week is too coarse to tell
two happenings apart), with a named, known source (an entity of the article
linked to a corpus entity, or an actor code; not taken implicitly from the
article's focus) and no actor whose words name another person than its
entity ("Bill Clinton" resolved to the article's Hillary Clinton). Any other
event keeps `corpus_event` NULL.

Two events of different articles are **the same happening** (`same`) when

* their PLOVER types are of one family (`data/plover_families.tsv`),
* their dates are at most `WINDOW_DAYS` apart,
* their sources are the same actor, and so are their targets; the same actor
  is the same corpus-entity key (`link.entity_key`: the name the articles
  resolved, with no country against another), else, when neither side names
  an entity, equal actor codes or one the other with a role added ("USA",
  "USAGOV"); when a side knows no target ("Trump vowed"), only a copy of
  the sentence (`copies`: the same type and nearly the same content words)
  links it,
* for a family marked `words` (statements and stances, which the same people
  make most days), their sentences share words (`shares_words`), and
* their places agree when both have one: the same country, and the same
  feature when both are cities.

A corpus event is a set of events every two of which are the same happening
(`partition`: in order, those with a place first, then by day, article and
ord, each event joins the corpus event it is the same happening as with
every member; when none or several fit, it starts one), so an event without
a place cannot bridge two places, nor a chain of next days a week of
clashes. Its id is a hash of its smallest member (article id, ord), and
every column is a function of its members (the most frequent type, code,
actors and day, ties broken by code-point order).

Incremental: `event_keys` holds one row per linked event, looked up by
`block` (type family and day) between the days of the window: a new event
reads the days of its window only, never the corpus. The new events and every member of the stored
corpus events they (or those events, among the same rows) are the same
happening as are partitioned again; stored events whose corpus event
changes are relabelled in `events` and `event_keys`. So the partition of
those events does not depend on the order they came in; a stored corpus
event beyond the new events' window is not partitioned again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb
import pyarrow as pa

from ..lexicon import load_list, load_table
from ..lexicon.given_names import given_names
from ..lexicon.tables import PloverFamily
from . import link, quote_link

WINDOW_DAYS = 1  # the dates of two reports of one happening, at most this many days apart
MIN_SHARED = 4  # content words two statements' sentences share, at least (a family marked `words`)
MIN_SHARED_SHARE = 0.4  # and that share of the shorter sentence's content words
MIN_COPY_WORDS = 6  # content words of each of two sentences that are one sentence copied, at least
COPY_SIMILAR = 0.9  # and the Jaccard similarity of their sets of content words
CITY_GEO_TYPES = (3, 4)  # GDELT geo types below a country's first-level division: a US city, a world city

CORPUS_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"),
    ("plover", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("source_actor", "VARCHAR"),
    ("source_entity", "VARCHAR"),
    ("target_actor", "VARCHAR"),
    ("target_entity", "VARCHAR"),
    ("date", "VARCHAR"),
    ("place", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("events", "BIGINT"),
    ("num_mentions", "BIGINT"),
    ("num_articles", "BIGINT"),
    ("num_sources", "BIGINT"),
    ("first_article", "VARCHAR"),
    ("first_published", "VARCHAR"),
    ("last_published", "VARCHAR"),
)
EVENT_KEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("block", "BIGINT"),
    ("corpus_event", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("ord", "INTEGER"),
    ("family", "VARCHAR"),
    ("plover", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("day", "VARCHAR"),
    ("source_key", "VARCHAR"),
    ("source_actor", "VARCHAR"),
    ("source_entity", "VARCHAR"),
    ("target_key", "VARCHAR"),
    ("target_actor", "VARCHAR"),
    ("target_entity", "VARCHAR"),
    ("place", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("place_feature", "BIGINT"),
    ("place_city", "BOOLEAN"),
    ("mentions", "INTEGER"),
    ("published", "VARCHAR"),
    ("source", "VARCHAR"),
    ("words", "VARCHAR"),
)


@cache
def families() -> dict[str, str]:
    return {r.plover: r.family for r in load_table("plover_families.tsv", PloverFamily)}


@cache
def wordy() -> frozenset[str]:
    """The families whose reports must share words of their sentences (statements: said most days by the same people)."""
    return frozenset(r.family for r in load_table("plover_families.tsv", PloverFamily) if r.words)


@cache
def _function_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list("english_function_words.txt"))


def content_words(sentence: str, *names: str | None) -> frozenset[str]:
    """The words of an event's sentence that say what happened: not function words, not the words of its actors' names."""
    drop = _function_words() | {w for n in names if n for w in link.words(n)}
    return frozenset(w for w in link.words(sentence) if w not in drop and not w.isdigit() and len(w) > 1)


def shares_words(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= MIN_SHARED and shared >= MIN_SHARED_SHARE * min(len(a), len(b))


def block_key(family: str, day: int) -> int:
    return quote_link.hash64(family, str(day))


def corpus_event_id(article_id: str, ord: int) -> str:
    """The id of the corpus event whose smallest member is this event."""
    return "V" + hashlib.sha256(f"{article_id}\x1f{ord}".encode("utf-8")).hexdigest()[:15]


def _is_day(value: str | None) -> bool:
    if not value or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(slots=True)
class Member:
    """One linkable event: what it is compared by, and what it brings to its corpus event."""

    article_id: str
    ord: int
    family: str
    plover: str
    cameo: str
    day: str  # YYYY-MM-DD
    source_key: str | None  # its source's corpus-entity key and country ("john kerry\x1fUSA"), None if not linked
    source_actor: str | None
    source_entity: str | None  # the corpus entity, to show
    target_key: str | None
    target_actor: str | None
    target_entity: str | None
    place: str | None
    place_country: str | None
    place_feature: int | None
    place_city: bool
    mentions: int
    published: str | None
    source: str  # its duplicate cluster's outlet
    corpus_event: str | None = None
    words: str = ""  # its sentence's content words, sorted, space-separated
    wordset: frozenset = frozenset()
    number: int = 0  # its day's number (`date.toordinal`)

    def __post_init__(self) -> None:
        self.wordset = frozenset(self.words.split())
        self.number = dt.date.fromisoformat(self.day).toordinal()

    @property
    def node(self) -> tuple[str, int]:
        return (self.article_id, self.ord)

    def row(self) -> dict[str, Any]:
        out = {n: getattr(self, n) for n, _ in EVENT_KEY_COLUMNS if n != "block"}
        return {"block": block_key(self.family, self.number), **out}


def member_of(
    event: dict[str, Any], published: str | None, source: str, entity: dict[str, tuple[str | None, str | None]]
) -> Member | None:
    """The member an event row makes, or None when it cannot be linked safely.

    `entity` maps the article's entity ids to (corpus-entity key with country, corpus entity).
    """
    plover = event.get("plover")
    if event.get("modality", "asserted") != "asserted" or not plover or plover not in families():
        return None
    if not _is_day(event.get("date")):
        return None
    sides = {}
    for side in ("source", "target"):
        key, cid = entity.get(event.get(f"{side}_entity") or "", (None, None))
        actor = event.get(f"{side}_actor") or None
        named = event.get(f"{side}_start") is not None and not event.get(f"{side}_implicit")
        if named and not _names_agree(event.get(f"{side}_text"), key):
            return None  # "Bill Clinton" resolved to the article's Hillary Clinton
        sides[side] = (key, actor, cid) if named and (key or actor) else None
    if sides["source"] is None:
        return None  # no source the article names and the corpus knows: whose act it is would be a guess
    # no known target: kept, but `same` links it only to a copy of its sentence ("Trump vowed" alone says too little)
    src, tgt = sides["source"], sides["target"] or (None, None, None)
    feature = event.get("location_geo_feature_id")
    return Member(
        event["article_id"], event["ord"], families()[plover], plover, event["cameo"], event["date"],
        src[0], src[1], src[2], tgt[0], tgt[1], tgt[2],
        event.get("location_geo_name") or event.get("location_text"),
        event.get("location_geo_country") or event.get("location_country"), feature,
        event.get("location_geo_type") in CITY_GEO_TYPES, _count(event.get("mentions")),
        published, source, None,
        " ".join(sorted(content_words(event.get("sentence_text") or "", event.get("source_text"), event.get("target_text")))),
    )


def _names_agree(text: str | None, key: str | None) -> bool:
    """Whether the words naming an actor agree with the entity they were resolved to: "Bill Clinton" resolved to the
    article's Hillary Clinton does not (a given name before the same surname, another than the key's)."""
    if not text or not key or key.startswith("#"):
        return True
    name = key.partition("\x1f")[0].split()
    tokens = [t for t in text.split() if t[:1].isupper()]
    if len(name) != 2 or len(tokens) < 2 or tokens[0] not in given_names():
        return True
    first, last = link.words(tokens[0]), link.words(tokens[-1])
    return not (last and last[-1] == name[1] and first and first[0] != name[0])


def _count(mentions: Any) -> int:
    """How many triggers an event has in its article (its `mentions`: a list, or the store's JSON of it)."""
    if isinstance(mentions, str):
        mentions = json.loads(mentions)
    return max(1, len(mentions or ()))


def _same_actor(key_a: str | None, actor_a: str | None, key_b: str | None, actor_b: str | None) -> bool:
    if key_a or key_b:
        if key_a and key_b:
            name_a, _, country_a = key_a.partition("\x1f")
            name_b, _, country_b = key_b.partition("\x1f")
            if name_a != name_b or (country_a and country_b and country_a != country_b):
                return False
            return not (actor_a and actor_b) or _codes_agree(actor_a, actor_b)
        return False  # a named entity against a bare code: not enough to say
    return bool(actor_a and actor_b) and _codes_agree(actor_a, actor_b)


def _codes_agree(a: str, b: str) -> bool:
    """Equal codes, or one the other with a role added ("USA", "USAGOV"); codes are built in 3-letter parts."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) % 3 == 0 and long.startswith(short)


def copies(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences are one sentence (copied, or lightly edited): nearly the same content words, enough of them."""
    shared = len(a & b)
    return min(len(a), len(b)) >= MIN_COPY_WORDS and shared >= COPY_SIMILAR * (len(a) + len(b) - shared)


def same(a: Member, b: Member) -> bool:
    """Whether two events of different articles report the same happening (see the module's docstring)."""
    if a.article_id == b.article_id or a.family != b.family or abs(a.number - b.number) > WINDOW_DAYS:
        return False
    if not _same_actor(a.source_key, a.source_actor, b.source_key, b.source_actor):
        return False
    copy = a.plover == b.plover and copies(a.wordset, b.wordset)
    if (a.target_key or a.target_actor) and (b.target_key or b.target_actor):
        if not _same_actor(a.target_key, a.target_actor, b.target_key, b.target_actor):
            return False
    elif not copy:  # a target one side does not know: only the same sentence says it is the same happening
        return False
    if a.family in wordy() and not copy and not shares_words(a.wordset, b.wordset):
        return False
    if a.place_country and b.place_country:
        if a.place_country != b.place_country:
            return False
        if a.place_city and b.place_city and a.place_feature != b.place_feature:
            return False
    return True


def link_events(con: duckdb.DuckDBPyConnection, members: list[Member]) -> dict[tuple[str, int], str]:
    """Link new events (of articles whose earlier rows, if any, are forgotten) to corpus events.

    Writes `event_keys` and `corpus_events`, relabels the stored events of a
    corpus event that was partitioned again, and returns (article id, ord) →
    corpus event for the new event rows.
    """
    if not members:
        return {}
    stored = _candidates(con, members)
    # the stored corpus events these events are the same happening as, and those any of them is (an event with no
    # place the same as events of two places: all are partitioned again together), among the candidates
    by_family: dict[str, list[Member]] = {}
    for stored_event in stored:
        by_family.setdefault(stored_event.family, []).append(stored_event)
    hit: set[str] = set()
    reach = list(members)
    while reach:
        found = {s.corpus_event for m in reach for s in by_family.get(m.family, ()) if s.corpus_event not in hit and same(m, s)}
        hit |= found
        reach = [s for s in stored if s.corpus_event in found]
    days = [s.number for s in stored if s.corpus_event in hit]  # every event of a corpus event lies within a day of every other
    span = (dt.date.fromordinal(min(days) - WINDOW_DAYS).isoformat(), dt.date.fromordinal(max(days) + WINDOW_DAYS).isoformat()) if days else None
    pool = members + _members_of(con, hit, span)
    labels: dict[tuple[str, int], str] = {}
    for cluster in partition(pool):
        cid = corpus_event_id(*min(m.node for m in cluster))
        for m in cluster:
            labels[m.node] = cid
    moved = [m for m in pool if m.corpus_event is not None and labels[m.node] != m.corpus_event]
    for m in members:
        m.corpus_event = labels[m.node]
    quote_link.insert_rows(con, "event_keys", EVENT_KEY_COLUMNS, [m.row() for m in members])
    if moved:
        batch = pa.table({
            "article_id": pa.array([m.article_id for m in moved]), "ord": pa.array([m.ord for m in moved], type=pa.int32()),
            "link": pa.array([labels[m.node] for m in moved]),
        })
        con.register("_moved", batch)
        try:
            # the moved events' keys lie between their days: DuckDB skips the row groups of `event_keys` of other days
            # (from their min/max) instead of joining the whole table (`events` has no date: joined whole)
            days = [min(m.day for m in moved), max(m.day for m in moved)]
            for table, within in (("events", ""), ("event_keys", " AND event_keys.day BETWEEN ? AND ?")):
                con.execute(f"UPDATE {table} SET corpus_event = _moved.link FROM _moved "
                            f"WHERE {table}.article_id = _moved.article_id AND {table}.ord = _moved.ord{within}", days if within else [])
        finally:
            con.unregister("_moved")
    # the corpus events of the pool are counted from it: every event of theirs is in it (their stored events were read)
    clusters: dict[str, list[Member]] = {}
    for m in pool:
        m.corpus_event = labels[m.node]
        clusters.setdefault(m.corpus_event, []).append(m)
    ids = sorted(hit | clusters.keys())
    if span is None:
        con.execute("DELETE FROM corpus_events WHERE id IN (SELECT unnest(?))", [ids])
    else:  # their dates are those of their events (the row groups of other dates are skipped)
        lo, hi = min(span[0], min(m.day for m in pool)), max(span[1], max(m.day for m in pool))
        con.execute("DELETE FROM corpus_events WHERE id IN (SELECT unnest(?)) AND date BETWEEN ? AND ?", [ids, lo, hi])
    quote_link.insert_rows(con, "corpus_events", CORPUS_EVENT_COLUMNS, [counted(cid, group) for cid, group in sorted(clusters.items())])
    return {m.node: m.corpus_event for m in members}


def partition(pool: list[Member]) -> list[list[Member]]:
    """Corpus events of these events: in order (those with a place first, then by day, article and ord), each joins the corpus event with every
    event of which it is the same happening, else (none, or several) starts one. Every pair of one corpus event is thus the same
    happening (no chain of "the next day" links a week of clashes into one), and the partition is a function of the
    set of events, not of the order they came in."""
    clusters: list[list[Member]] = []
    # a cluster can take m only if its first event is the same happening as m, so only clusters whose first event
    # shares m's family and source, dated within the window, are tried (in the order they were made, as if all were)
    started: dict[tuple, list[int]] = {}
    for m in sorted(pool, key=lambda m: (m.place_country is None, m.day, m.article_id, m.ord)):
        source = _source_block(m)
        tried = sorted(i for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1) for i in started.get((m.family, source, m.number + d), ()))
        fits = [clusters[i] for i in tried if all(same(m, other) for other in clusters[i])] if source else []
        if len(fits) == 1:
            fits[0].append(m)
        else:  # none, or several that are not one happening (an event with no place, between two places): alone
            started.setdefault((m.family, source, m.number), []).append(len(clusters))
            clusters.append([m])
    return clusters


def _source_block(m: Member) -> tuple[str, str] | None:
    """What two events' sources must share for `_same_actor` to hold: the key's name, else the code's first part (codes
    agree only when one starts with the other, in 3-letter parts); None (no source) is the same as nothing."""
    if m.source_key:
        return ("key", m.source_key.partition("\x1f")[0])
    if m.source_actor:
        return ("code", m.source_actor[:3])
    return None


def forget(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> set[str]:
    """Remove the event keys of articles analysed again; returns the corpus events to count again."""
    return quote_link.forget(con, article_ids, "event_keys", "corpus_event")


def taken_apart(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> list[Member]:
    """The stored events of these corpus events (some of whose events went: articles analysed again), their
    `event_keys` and `corpus_events` rows deleted, as members to partition again (`link_events`; each keeps the corpus
    event it had, so that its row in `events` is relabelled when that changes)."""
    ids = sorted(set(ids))
    if not ids:
        return []
    members = _members_of(con, ids)
    con.execute("DELETE FROM event_keys WHERE corpus_event IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM corpus_events WHERE id IN (SELECT unnest(?))", [ids])
    return members


def refresh_entities(con: duckdb.DuckDBPyConnection, split: set[str]) -> set[str]:
    """After corpus entities were split by country (or a split key was made one again: `link.unsplit`, its former
    parts in `split`): the stored event keys naming one of them take the corpus entity their event's entity now has;
    returns the corpus events to count again (their shown entity may change).

    An event key keeps its side's key and country (`source_key`: "john kerry\x1fUSA"), and its entity row's stored
    corpus entity is that key's id: so the corpus entity it has now is the key's split rule for that country, else the
    key's id (`link.shown`), found from the event key rows alone. They are read by the two entity columns alone and
    written by row id: no join with the `events` and `entities` tables (which read them whole at every split)."""
    if not split:
        return set()
    wanted = sorted(split)
    rows = link.keyed_rows(con, "event_keys", "corpus_event, source_entity, source_key, target_entity, target_key",
                           "source_entity IN (SELECT unnest(?)) OR target_entity IN (SELECT unnest(?))", [wanted, wanted])
    if not rows:
        return set()
    sides = [(2, 3), (4, 5)]
    named = {row[k].partition("\x1f") for row in rows for e, k in sides if row[e] in split and row[k] is not None}
    key_ids = {key: link.corpus_entity_id(key) for key, _, _ in named}
    rules = {(w, c): i for w, c, i in con.execute(
        "SELECT whole, country, id FROM corpus_entity_splits WHERE whole IN (SELECT unnest(?))", [sorted(set(key_ids.values()))]).fetchall()}
    for side, (entity_at, key_at) in zip(("source", "target"), sides):
        moves: dict[str, list[int]] = defaultdict(list)  # the corpus entity now → the row ids of the keys it is for
        for row in rows:
            if row[entity_at] not in split or row[key_at] is None:
                continue
            key, _, country = row[key_at].partition("\x1f")
            whole = key_ids[key]
            now = rules.get((whole, country), whole) if country else whole
            if now != row[entity_at]:
                moves[now].append(row[0])
        for now, rowids in sorted(moves.items()):
            con.execute(f"UPDATE event_keys SET {side}_entity = ? WHERE rowid IN (SELECT unnest(?))", [now, sorted(rowids)])
    return {row[1] for row in rows}


def _candidates(con: duckdb.DuckDBPyConnection, members: list[Member]) -> list[Member]:
    """The stored events a batch's events may report the same happening as: of their families, in their windows."""
    blocks = {block_key(m.family, m.number + d) for m in members for d in range(-WINDOW_DAYS, WINDOW_DAYS + 1)}
    literal = ", ".join(str(k) for k in sorted(blocks))
    names = ", ".join(n for n, _ in EVENT_KEY_COLUMNS)
    # a block is a family and a day: its rows lie between the first and last days looked up (DuckDB skips the row
    # groups of other days, from their min/max; no index is kept: see `quote_link._candidates`)
    first = dt.date.fromordinal(min(m.number for m in members) - WINDOW_DAYS).isoformat()
    last = dt.date.fromordinal(max(m.number for m in members) + WINDOW_DAYS).isoformat()
    rows = con.execute(f"SELECT {names} FROM event_keys WHERE block IN ({literal}) AND day BETWEEN ? AND ?", [first, last]).fetchall()
    return [_member(dict(zip((n for n, _ in EVENT_KEY_COLUMNS), row))) for row in rows]


def _member(r: dict[str, Any]) -> Member:
    r = dict(r)
    r.pop("block", None)
    return Member(**r)


def _members_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str], span: tuple[str, str] | None = None) -> list[Member]:
    """The stored events of these corpus events (dated within `span`, when their days are known)."""
    return [_member(r) for r in quote_link.key_rows(con, "event_keys", EVENT_KEY_COLUMNS, "corpus_event", ids, ("day", span))]


def _most(values: Iterable[Any]) -> Any:
    """The most frequent value that is not None (ties: the first in code-point order), or None."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def recount(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    """Write the `corpus_events` rows of these corpus events from their events in `event_keys` (one left with none goes)."""
    ids = sorted(set(ids))
    if not ids:
        return
    rows = [counted(cid, group) for cid, group in quote_link.regroup(con, "corpus_events", _members_of(con, ids), "corpus_event", ids)]
    quote_link.insert_rows(con, "corpus_events", CORPUS_EVENT_COLUMNS, rows)


def counted(cid: str, group: list[Member]) -> dict[str, Any]:
    """The `corpus_events` row of corpus event `cid`, whose events these are."""
    place = _most(m.place for m in group)
    return {
        "id": cid, "plover": _most(m.plover for m in group), "cameo": _most(m.cameo for m in group),
        "source_actor": _most(m.source_actor for m in group), "source_entity": _most(m.source_entity for m in group),
        "target_actor": _most(m.target_actor for m in group), "target_entity": _most(m.target_entity for m in group),
        "date": _most(m.day for m in group), "place": place,
        "place_country": _most(m.place_country for m in group if place is None or m.place == place),
        "events": len(group), "num_mentions": sum(m.mentions for m in group), **quote_link.reach(group),
    }
