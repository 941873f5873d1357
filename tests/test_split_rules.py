"""A key split by country is kept as rules (`corpus_entity_splits`), not as moved entity rows (layout @2, issue 15): a
store of layout @1, whose split rows hold the split corpus entity, is read as it is and brought to @2 by the next
writer, and every answer stays the same; `newswire sql` shows each entity row's corpus entity either way."""

from __future__ import annotations

import duckdb
from test_link_counts import batches
from test_split_answers import answers

from newswire.corpus import link
from newswire.corpus.query import sql
from newswire.corpus.store import LAYOUT, Store

LINKED = "SELECT article_id, id, corpus_entity FROM entities ORDER BY article_id, id"


def test_a_store_of_split_rows_reads_the_same_and_becomes_one_of_rules(tmp_path):
    path = tmp_path / "s.duckdb"
    for _ in batches(path, 0):
        pass
    with Store(path, read_only=True) as store:
        before = answers(store)
        rules = store.con.execute("SELECT count(*) FROM corpus_entity_splits").fetchone()[0]
        # no entity row holds a split corpus entity: the rule gives it
        assert store.con.execute("SELECT count(*) FROM entities WHERE corpus_entity IN (SELECT id FROM corpus_entity_splits)").fetchone()[0] == 0
    assert rules > 0  # names were split by country
    shown = sql(path, LINKED).rows
    assert any(cid not in (None, *link_wholes(path)) for _, _, cid in shown)  # the split ones are shown
    # the same store as layout @1 kept it: the rows moved to their split corpus entity, no rules
    con = duckdb.connect(str(path))
    con.execute(f"UPDATE entities SET corpus_entity = {link.shown('entities')}")
    con.execute("DROP TABLE corpus_entity_splits")
    con.execute("UPDATE meta SET value = 'newswire/store@1' WHERE key = 'layout'")
    con.close()
    assert sql(path, LINKED).rows == shown
    with Store(path, read_only=True) as old:
        assert answers(old) == before
    with Store(path):  # a writer brings it to @2
        pass
    with Store(path, read_only=True) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()[0] == LAYOUT
        assert store.con.execute("SELECT count(*) FROM corpus_entity_splits").fetchone()[0] == rules
        assert store.con.execute("SELECT count(*) FROM entities WHERE corpus_entity IN (SELECT id FROM corpus_entity_splits)").fetchone()[0] == 0
        assert answers(store) == before
    assert sql(path, LINKED).rows == shown


def link_wholes(path) -> set[str]:
    """The keys' own ids of the store's corpus entities."""
    with Store(path, read_only=True) as store:
        return {link.corpus_entity_id(k) for (k,) in store.con.execute("SELECT key FROM corpus_entities").fetchall()}

