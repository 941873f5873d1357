"""A key split by country is kept as rules (`corpus_entity_splits`), not as moved entity rows (layout @2, issue 15), nor
moved quote rows (layout @3: a quote's speaker is its key's id and country, resolved through the rule): a store of
layout @1, whose split rows hold the split corpus entity, or of layout @2, whose quote links hold the split speaker, is
read as it is and brought to @3 by the next writer, and every answer stays the same; `newswire sql` shows each entity
row's corpus entity either way; the migrated quote links are those the code writes."""

from __future__ import annotations

import json

import duckdb
from test_link_counts import batches
from test_split_answers import answers

from newswire.corpus import link, quote_link
from newswire.corpus.ingest import ingest
from newswire.corpus.query import sql
from newswire.corpus.store import LAYOUT, Store

LINKED = "SELECT article_id, id, corpus_entity FROM entities ORDER BY article_id, id"


def written(tmp_path, seed: int):
    """A store of the invented corpus written batch by batch (names split by country, articles analysed again)."""
    path = tmp_path / "s.duckdb"
    for _ in batches(path, seed):
        pass
    return path


def test_a_store_of_split_rows_reads_the_same_and_becomes_one_of_rules(tmp_path):
    path = written(tmp_path, 0)
    with Store(path, read_only=True) as store:
        before = answers(store)
        rules = store.con.execute("SELECT count(*) FROM corpus_entity_splits").fetchone()[0]
        # no entity row holds a split corpus entity: the rule gives it
        assert store.con.execute("SELECT count(*) FROM entities WHERE corpus_entity IN (SELECT id FROM corpus_entity_splits)").fetchone()[0] == 0
    assert rules > 0  # names were split by country
    shown = sql(path, LINKED).rows
    assert any(cid not in (None, *link_wholes(path)) for _, _, cid in shown)  # the split ones are shown
    links = quote_links(path)
    as_layout_2(path)
    # the same store as layout @1 kept it: the rows moved to their split corpus entity, no rules
    con = duckdb.connect(str(path))
    con.execute(f"UPDATE entities SET corpus_entity = {link.shown('entities')}")
    con.execute("DROP TABLE corpus_entity_splits")
    con.execute("UPDATE meta SET value = 'newswire/store@1' WHERE key = 'layout'")
    con.close()
    assert sql(path, LINKED).rows == shown
    read_as_it_is_then_migrated(path, before, links)
    with Store(path, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM corpus_entity_splits").fetchone()[0] == rules
        assert store.con.execute("SELECT count(*) FROM entities WHERE corpus_entity IN (SELECT id FROM corpus_entity_splits)").fetchone()[0] == 0
    assert sql(path, LINKED).rows == shown


def test_a_store_of_quotes_under_split_speakers_reads_the_same_and_becomes_one_of_key_speakers(tmp_path):
    path = written(tmp_path, 1)
    with Store(path, read_only=True) as store:
        before = answers(store)
    links = quote_links(path)
    spoken = sql(path, SPOKEN).rows  # `newswire sql` shows each corpus quote's speaker resolved
    assert any(s not in link_wholes(path) for s, _ in spoken)
    moved = as_layout_2(path)
    assert moved > 0  # quotes of split speakers, whose ids the layouts make otherwise
    assert quote_links(path) != links
    assert sql(path, SPOKEN).rows == spoken
    read_as_it_is_then_migrated(path, before, links)
    assert sql(path, SPOKEN).rows == spoken


SPOKEN = "SELECT speaker, words FROM corpus_quotes ORDER BY ALL"


def read_as_it_is_then_migrated(path, before: dict, links: dict) -> None:
    """An older store answers as `before` read as it is, is brought to the layout by a writer, then answers the same,
    and its quote links are then those the code wrote (`links`)."""
    with Store(path, read_only=True) as old:
        assert answers(old) == before
    with Store(path):  # a writer brings it to the layout
        pass
    with Store(path, read_only=True) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()[0] == LAYOUT
        assert answers(store) == before
    assert quote_links(path) == links


def quote_links(path) -> dict[str, list[str]]:
    with Store(path, read_only=True) as store:
        return {sql: sorted(map(repr, store.con.execute(sql).fetchall())) for sql in
                ("SELECT * FROM quote_keys", "SELECT * FROM corpus_quotes", "SELECT article_id, ord, corpus_quote FROM quotes")}


def as_layout_2(path) -> int:
    """Turn the quote links of this store (layout @3) into those layout @2 kept: each quote key's and corpus quote's
    speaker the corpus entity shown (a split speaker's), its hashes and id made from that speaker and the canonical
    words alone, no `country` nor `mixed`; returns how many corpus quotes take another id."""
    con = duckdb.connect(str(path))
    rules = {(w, c): i for w, c, i in con.execute("SELECT whole, country, id FROM corpus_entity_splits").fetchall()}
    names = [n for n, _ in quote_link.QUOTE_KEY_COLUMNS]
    keys = [dict(zip(names, r)) for r in con.execute(f"SELECT {', '.join(names)} FROM quote_keys").fetchall()]
    cq_names = [n for n, _ in quote_link.CORPUS_QUOTE_COLUMNS]
    cqs = [dict(zip(cq_names, r)) for r in con.execute(f"SELECT {', '.join(cq_names)} FROM corpus_quotes").fetchall()]
    ids = {}
    for r in cqs:
        r["speaker"] = rules.get((r["speaker"], r["country"]), r["speaker"])
        ids[r["id"]] = quote_link.corpus_quote_id(r["speaker"], tuple(r["words"].split()))
        r["id"] = ids[r["id"]]
    for r in keys:
        shown = rules.get((r["speaker"], r["country"]), r["speaker"])
        r.update(speaker=shown, block=quote_link.block_key(shown, quote_link._week(r["published"])),
                 exact=quote_link.exact_key(shown, tuple(r["words"].split())), corpus_quote=ids[r["corpus_quote"]])
    con.execute("DELETE FROM quote_keys")
    con.execute("DELETE FROM corpus_quotes")
    con.execute("ALTER TABLE quote_keys DROP COLUMN country")
    con.execute("ALTER TABLE corpus_quotes DROP COLUMN country")
    con.execute("ALTER TABLE corpus_quotes DROP COLUMN mixed")
    quote_link.insert_rows(con, "quote_keys", quote_link.QUOTE_KEY_COLUMNS[:-1], keys)
    quote_link.insert_rows(con, "corpus_quotes", quote_link.CORPUS_QUOTE_COLUMNS[:-2], cqs)
    for old, new in ids.items():
        con.execute("UPDATE quotes SET corpus_quote = ? WHERE corpus_quote = ?", [new, old])
    con.execute("UPDATE meta SET value = 'newswire/store@2' WHERE key = 'layout'")
    con.close()
    return sum(old != new for old, new in ids.items())


def link_wholes(path) -> set[str]:
    """The keys' own ids of the store's corpus entities."""
    with Store(path, read_only=True) as store:
        return {link.corpus_entity_id(k) for (k,) in store.con.execute("SELECT key FROM corpus_entities").fetchall()}



def test_a_store_linked_before_canonical_words_were_kept_migrates_without_merging_quotations(tmp_path):
    # layout @1 before `link_counts`: corpus quotes have no canonical words yet; an id made without them gave one
    # speaker's quotations one id (session fifteen's review of scale15b)
    path = written(tmp_path, 1)
    links = quote_links(path)
    as_layout_2(path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE corpus_quotes SET words = NULL")
    con.execute("DELETE FROM meta WHERE key = 'link_counts'")
    con.close()
    with Store(path):  # a writer brings it to the layout
        pass
    with Store(path, read_only=True) as store:
        ids = store.con.execute("SELECT count(*), count(DISTINCT id) FROM corpus_quotes").fetchone()
    assert ids[0] == ids[1]
    quote_rows = "SELECT article_id, ord, corpus_quote FROM quotes"
    assert quote_links(path)[quote_rows] == links[quote_rows]


def test_the_writer_that_migrates_an_older_store_says_so_once(tmp_path):
    path = written(tmp_path, 2)
    as_layout_2(path)
    told: list[str] = []
    with Store(path, read_only=True, on_message=told.append):  # a reader reads it as it is
        pass
    assert told == []
    with Store(path, read_only=True) as store:
        (articles,) = store.con.execute("SELECT count(*) FROM articles").fetchone()
        text, published = store.con.execute("SELECT text, published FROM articles ORDER BY id LIMIT 1").fetchone()
    feed = tmp_path / "stored.jsonl"
    feed.write_text(json.dumps({"text": text, "published": published}) + "\n")
    ingest([str(feed)], db=path, workers=0, on_message=told.append)  # an ingest of an article it holds: nothing to do
    assert [m for m in told if "layout" in m] == [f"bringing {path} ({articles:,} articles) from layout newswire/store@2 to "
                                                  f"{LAYOUT} (once: it was made by an older version; about 50 s of CPU at "
                                                  "200,000 articles)"]
    told.clear()
    with Store(path, on_message=told.append):  # migrated: nothing more to say
        pass
    assert told == []
