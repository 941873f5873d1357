"""A word index of article text (and title) and quote text, kept up to date as articles are stored, so that a text
search reads a few postings instead of every text.

    wordindex.add(con, texts, quotes)      # inside the transaction that stores a batch's rows
    wordindex.remove(con, article_ids)     # an article analysed again: before its new rows are added
    found = wordindex.plan(con, "said on") # how a search is answered from the index (None: it cannot be)

A word is a run of letters, digits and underscores (`[\\pL\\pN_]+`) of the text put in lower case by DuckDB's own
`lower()`, the function its ILIKE lowers both sides with: so every text that holds a search's text (ILIKE, any case,
anywhere in a word) holds, for each word of the search, a word of the index that contains it (as the whole word where
the search has other characters on both sides of it, as its start or end where on one side). The index gives those
texts (a few postings per word); the search's own ILIKE then checks each of them, so answers stay exactly those of a
scan. A search that is one word and nothing else needs no check: a text holds it exactly when one of its words does.
Every word is indexed, the most frequent ones too: "the" alone is a search like any other, and answered from its
postings; a search's word that matches very many words of the vocabulary (one letter: "e" is in most words) is left
out of the intersection, and the check does its work. A search with no word at all ("--") is answered by the scan.

Tables: `words` (the vocabulary: id, word), `text_words` (word, article: the words of each analysed article's text
and title), `quote_words` (word, article, ord: the words of each quote). The article is its id as an unsigned 64-bit
number (`ARTICLE`), 8 bytes instead of 16 characters. A store made before the index existed, or whose index was made
otherwise (`LAYOUT`, `meta` key `words`), is indexed once from its rows at the start of the next ingest (`rebuild`);
until then searches scan the text as before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import duckdb
import pyarrow as pa

# How the index is made (`meta` key `words`): searches read it only when the store says it was made so.
LAYOUT = r"words [\pL\pN_]+ of lower(text) of analysed articles' text and title, and of quotes (issue 16)"

WORD = r"[\pL\pN_]+"  # RE2, as DuckDB runs it: \pL and \pN are Unicode's letters and digits
# a search's word matching more words of the vocabulary than this is left out of the intersection (the check does it)
MAX_VARIANTS = 5000

WORD_COLUMNS: tuple[tuple[str, str], ...] = (("id", "INTEGER"), ("word", "VARCHAR"))
TEXT_WORD_COLUMNS: tuple[tuple[str, str], ...] = (("word", "INTEGER"), ("article", "UBIGINT"))
QUOTE_WORD_COLUMNS: tuple[tuple[str, str], ...] = (("word", "INTEGER"), ("article", "UBIGINT"), ("ord", "INTEGER"))
TABLES = {"words": WORD_COLUMNS, "text_words": TEXT_WORD_COLUMNS, "quote_words": QUOTE_WORD_COLUMNS}


def article_number(column: str) -> str:
    """SQL for an article id (16 hex digits) as the number the index keeps."""
    return f"CAST('0x' || {column} AS UBIGINT)"


def article_id(column: str) -> str:
    """SQL for the article id of a number the index keeps."""
    return f"lpad(lower(hex({column})), 16, '0')"


def add(con: duckdb.DuckDBPyConnection, texts: list[tuple[str, str | None]], quotes: list[tuple[str, int, str | None]]) -> None:
    """Index these texts (article id, text: an article's text or its title) and quotes (article id, ord, text)."""
    for name, rows, schema in (
        ("_wi_texts", texts, pa.schema([("article", pa.string()), ("text", pa.string())])),
        ("_wi_quotes", quotes, pa.schema([("article", pa.string()), ("ord", pa.int32()), ("text", pa.string())])),
    ):
        con.register(name, pa.Table.from_pylist([dict(zip(schema.names, r)) for r in rows], schema=schema))
    try:
        _index(con, "_wi_texts", "_wi_quotes")
    finally:
        con.unregister("_wi_texts")
        con.unregister("_wi_quotes")


def _index(con: duckdb.DuckDBPyConnection, texts: str, quotes: str) -> None:
    """Index the rows of two relations: `texts` (article VARCHAR, text) and `quotes` (article VARCHAR, ord, text)."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _wi_tokens AS
        SELECT DISTINCT {article_number('article')} AS article, NULL::INTEGER AS ord, unnest(regexp_extract_all(lower(text), '{WORD}')) AS word
        FROM {texts} WHERE text IS NOT NULL
        UNION ALL
        SELECT DISTINCT {article_number('article')}, ord, unnest(regexp_extract_all(lower(text), '{WORD}'))
        FROM {quotes} WHERE text IS NOT NULL""")
    try:
        con.execute("""
            INSERT INTO words
            SELECT (SELECT coalesce(max(id), 0) FROM words) + row_number() OVER (ORDER BY word), word
            FROM (SELECT DISTINCT word FROM _wi_tokens) t WHERE NOT EXISTS (SELECT 1 FROM words w WHERE w.word = t.word)""")
        con.execute("""
            INSERT INTO text_words SELECT DISTINCT w.id, t.article FROM _wi_tokens t JOIN words w ON w.word = t.word
            WHERE t.ord IS NULL ORDER BY t.article, w.id""")
        con.execute("""
            INSERT INTO quote_words SELECT w.id, t.article, t.ord FROM _wi_tokens t JOIN words w ON w.word = t.word
            WHERE t.ord IS NOT NULL ORDER BY t.article, t.ord, w.id""")
    finally:
        con.execute("DROP TABLE IF EXISTS _wi_tokens")


def remove(con: duckdb.DuckDBPyConnection, articles: list[str]) -> None:
    """Take these articles' texts and quotes out of the index."""
    if not articles:
        return
    for table in ("text_words", "quote_words"):
        con.execute(f"DELETE FROM {table} WHERE article IN (SELECT {article_number('unnest(?)')})", [articles])


def rebuild(con: duckdb.DuckDBPyConnection, analysed: str, chunk: int = 5000) -> None:
    """Index every stored analysed article from nothing (`analysed`: the SQL condition on `articles a`), `chunk`
    articles at a time; the words of the vocabulary stay (a word no text holds any more finds nothing)."""
    con.execute("DELETE FROM text_words")
    con.execute("DELETE FROM quote_words")
    ids = [i for (i,) in con.execute(f"SELECT a.id FROM articles a WHERE {analysed} ORDER BY a.id").fetchall()]
    for start in range(0, len(ids), chunk):
        add_stored(con, ids[start : start + chunk])


def add_stored(con: duckdb.DuckDBPyConnection, articles: list[str]) -> None:
    """Index these articles' stored text, title and quotes (all their rows in `quotes`)."""
    if not articles:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE _wi_part AS SELECT unnest(?) AS id", [articles])
    try:
        _index(
            con,
            "(SELECT a.id AS article, a.text FROM articles a SEMI JOIN _wi_part p ON p.id = a.id"
            " UNION ALL SELECT a.id, a.title FROM articles a SEMI JOIN _wi_part p ON p.id = a.id)",
            "(SELECT q.article_id AS article, q.ord, q.content_text AS text FROM quotes q SEMI JOIN _wi_part p ON p.id = q.article_id)",
        )
    finally:
        con.execute("DROP TABLE IF EXISTS _wi_part")


@dataclass(frozen=True)
class Plan:
    """How a search is answered from the index.

    terms: for each word of the search that narrows it, the SQL condition on `w.word` its index words meet, and its
    parameters; exact: whether the texts the index gives are the answer (the search is one word and nothing else),
    else each is checked with the search's ILIKE.
    """

    terms: tuple[tuple[str, tuple[str, ...]], ...]
    exact: bool

    def hits(self, table: str, key: str) -> tuple[str, list[str]]:
        """SQL for the distinct `key` columns of `table` (text_words: article; quote_words: article, ord) of the rows
        whose words meet every term; and its parameters."""
        params = [p for _, ps in self.terms for p in ps]
        if len(self.terms) == 1:
            return f"SELECT DISTINCT {key} FROM {table} p WHERE p.word IN (SELECT id FROM words w WHERE {self.terms[0][0]})", params
        matches = " UNION ALL ".join(f"SELECT {n} AS term, id FROM words w WHERE {cond}" for n, (cond, _) in enumerate(self.terms))
        sql = f"""SELECT {key} FROM {table} p JOIN ({matches}) m ON m.id = p.word
            GROUP BY {key} HAVING count(DISTINCT m.term) = {len(self.terms)}"""
        return sql, params


# a search's candidates are checked this many at most per query, each query reading only the rows between its first
# and last (so the text of articles far from every candidate is never decompressed)
CHECK_CHUNK = 2048
CHECK_SHARE = 0.1  # more candidates than this share of the table: one scan checks them


def found(con: duckdb.DuckDBPyConnection, text: str, pattern: str, table: str) -> list[int] | None:
    """The row ids (DuckDB's `rowid`, valid for this connection's reading) of the rows of `table` (articles: their
    text or title; quotes: their text) that hold `text` (`pattern`: its ILIKE pattern, escape backslash), in order;
    None when the index cannot narrow the search (`plan`)."""
    how = plan(con, text)
    if how is None:
        return None
    if table == "articles":
        sql, params = how.hits("text_words", "article")
        candidates = f"SELECT rowid, rowid, 0 FROM articles WHERE id IN (SELECT {article_id('article')} FROM ({sql}))"
        check, checks = "(text ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\')", [pattern] * 2
    elif table == "quotes":
        sql, params = how.hits("quote_words", "article, ord")
        # a quote is its article and ord; an article that failed after it was analysed keeps its old quotes beside the
        # new ones of its next analysis, two rows of one ord: those are checked even when the index is the answer
        candidates = f"""SELECT q.rowid, h.article, h.ord FROM quotes q
            JOIN (SELECT {article_id('article')} AS article_id, article, ord FROM ({sql})) h ON h.article_id = q.article_id AND h.ord = q.ord"""
        check, checks = "content_text ILIKE ? ESCAPE '\\'", [pattern]
    else:
        raise ValueError(f"no word index of {table!r}")
    found_rows = con.execute(candidates, params).fetchall()  # row id, and its key (article[, ord])
    if how.exact:
        keys = Counter((article, ord) for _, article, ord in found_rows)
        unsure = sorted(r for r, article, ord in found_rows if keys[article, ord] > 1)
        return sorted([r for r, article, ord in found_rows if keys[article, ord] == 1] + (_check(con, table, unsure, check, checks) if unsure else []))
    return _check(con, table, sorted(r for r, _, _ in found_rows), check, checks)


def _check(con: duckdb.DuckDBPyConnection, table: str, rows: list[int], check: str, checks: list[str]) -> list[int]:
    """Those of these rows of `table` (row ids, in order) that meet `check` (the search's ILIKE), in order."""
    (size,) = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0]
    if len(rows) > size * CHECK_SHARE:  # most rows are candidates: one scan checks them all at less cost than many reads
        holding = {r for (r,) in con.execute(f"SELECT rowid FROM {table} WHERE {check}", checks).fetchall()}
        return [r for r in rows if r in holding]
    out: list[int] = []
    for start in range(0, len(rows), CHECK_CHUNK):
        part = rows[start : start + CHECK_CHUNK]
        out += [r for (r,) in con.execute(
            f"SELECT rowid FROM {table} WHERE rowid BETWEEN {part[0]} AND {part[-1]} AND rowid IN ({', '.join(map(str, part))}) AND {check}",
            checks).fetchall()]
    return sorted(out)


def plan(con: duckdb.DuckDBPyConnection, text: str) -> Plan | None:
    """How the index answers a search for `text` (ILIKE '%text%'), or None: it holds no word of it (punctuation
    alone), or every word of it is in too many words of the vocabulary to narrow anything."""
    words, gaps = con.execute(f"SELECT regexp_extract_all(lower(?), '{WORD}'), regexp_split_to_array(lower(?), '{WORD}')", [text, text]).fetchall()[0]
    if not words:
        return None
    terms = []
    for n, word in enumerate(words):
        before = n > 0 or gaps[0] != ""  # the search has another character before the word: the text's word starts with it
        after = n < len(words) - 1 or gaps[-1] != ""
        if before and after:
            cond = "w.word = ?"
        elif before:
            cond = "starts_with(w.word, ?)"
        elif after:
            cond = "ends_with(w.word, ?)"
        else:
            cond = "contains(w.word, ?)"
        if cond != "w.word = ?":
            (variants,) = con.execute(f"SELECT count(*) FROM (SELECT 1 FROM words w WHERE {cond} LIMIT {MAX_VARIANTS + 1})", [word]).fetchall()[0]
            if variants > MAX_VARIANTS:
                continue
        terms.append((cond, (word,)))
    if not terms:
        return None
    exact = len(words) == 1 and gaps == ["", ""] and len(terms) == 1
    return Plan(tuple(terms), exact)
