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

A search of more than one word, or of a word with other characters before or after it ("said on", "fire.", " the ")
is answered from the word pairs (`text_pairs`, `quote_pairs`): one row per word of each text, with the characters
after it up to the next word (the gap, kept in the vocabulary as a word is) and that next word. The texts that hold
the search are those where the pairs of its words follow one another: each inner word is the text's whole word, each
gap between two of its words the text's whole gap; the first word ends a text's word (the start of a text is a word
0, so a search starting with other characters finds the gap before a text's first word), the last starts one (its
gap starts the text's gap). That is exactly ILIKE's answer, so no text is read to check it (`Chain`); a word (or an
outer gap) in too many words of the vocabulary (MAX_VARIANTS) is any word in its pair, and the texts found are then
checked.

Tables: `words` (the vocabulary: id, word), `text_words` (word, article: the words of each analysed article's text
and title), `quote_words` (word, article, ord: the words of each quote), `text_pairs` (article, pos, word, gap, next)
and `quote_pairs` (article, ord, pos, word, gap, next). The article is its id as an unsigned 64-bit number
(`ARTICLE`), 8 bytes instead of 16 characters. A store made before the index existed, or whose index was made
otherwise (`LAYOUT`, `meta` key `words`), is indexed once from its rows at the start of the next ingest (`rebuild`);
until then searches scan the text as before. A store whose words are indexed but not its pairs (`PAIRS_LAYOUT`,
`meta` key `pairs`: made by the version before them) gets its pairs the same way, once; until then a search of
several words reads the texts that hold all its words, as before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import duckdb
import pyarrow as pa

# How the index is made (`meta` key `words`): searches read it only when the store says it was made so.
LAYOUT = r"words [\pL\pN_]+ of lower(text) of analysed articles' text and title, and of quotes (issue 16)"

# How the word pairs are made (`meta` key `pairs`): phrase searches read them only when the store says they were made so.
PAIRS_LAYOUT = r"pairs of words [\pL\pN_]+ of lower(text) with the gap between them (a word of the vocabulary); texts one place apart (issue 16)"

WORD = r"[\pL\pN_]+"  # RE2, as DuckDB runs it: \pL and \pN are Unicode's letters and digits
# a search's word matching more words of the vocabulary than this is left out of the intersection (the check does it)
MAX_VARIANTS = 5000

WORD_COLUMNS: tuple[tuple[str, str], ...] = (("id", "INTEGER"), ("word", "VARCHAR"))
TEXT_WORD_COLUMNS: tuple[tuple[str, str], ...] = (("word", "INTEGER"), ("article", "UBIGINT"))
QUOTE_WORD_COLUMNS: tuple[tuple[str, str], ...] = (("word", "INTEGER"), ("article", "UBIGINT"), ("ord", "INTEGER"))
# one row per word of a text: its place (pos: the text's start, word 0, then its words), the characters after it up
# to the next word (gap, kept in the vocabulary `words` as a word is: '' at the end of the text) and the next word (0
# after the last); an article's two texts (its text and its title) and two rows of one quote follow one another, a
# place apart (no pair crosses from one to the next: a text's last word is followed by word 0)
# The rows are kept in the order of their words (SORTED): a search reads only the blocks of its words' rows, not the
# whole table; a batch's rows are added at the end, unsorted, and the tables sorted again when those are a tenth
# (`sort_pairs`, at the end of an ingest). A text is a number (`doc`, of `pair_texts`: 4 bytes where an article's
# number takes 8, and one number for a quote's article and ord).
PAIR_COLUMNS: tuple[tuple[str, str], ...] = (("doc", "INTEGER"), ("pos", "INTEGER"), ("word", "INTEGER"), ("gap", "INTEGER"),
                                            ("next", "INTEGER"))
PAIR_TEXT_COLUMNS: tuple[tuple[str, str], ...] = (("doc", "INTEGER"), ("article", "UBIGINT"), ("ord", "INTEGER"))
SORTED = "word, next, gap, doc, pos"
RESORT_SHARE = 0.1  # the share of texts added since the last sort that has the pairs sorted again
TABLES = {"words": WORD_COLUMNS, "text_words": TEXT_WORD_COLUMNS, "quote_words": QUOTE_WORD_COLUMNS,
          "pair_texts": PAIR_TEXT_COLUMNS, "text_pairs": PAIR_COLUMNS, "quote_pairs": PAIR_COLUMNS}
WORD_TABLES = ("text_words", "quote_words")
PAIR_TABLES = ("text_pairs", "quote_pairs")


def article_number(column: str) -> str:
    """SQL for an article id (16 hex digits) as the number the index keeps."""
    return f"CAST('0x' || {column} AS UBIGINT)"


def article_id(column: str) -> str:
    """SQL for the article id of a number the index keeps."""
    return f"lpad(lower(hex({column})), 16, '0')"


def add(con: duckdb.DuckDBPyConnection, texts: list[tuple[str, str | None]], quotes: list[tuple[str, int, str | None]],
        words: bool = True, pairs: bool = True) -> None:
    """Index these texts (article id, text: an article's text or its title) and quotes (article id, ord, text): their
    words (`words`) and their word pairs (`pairs`)."""
    for name, rows, schema in (
        ("_wi_texts", texts, pa.schema([("article", pa.string()), ("text", pa.string())])),
        ("_wi_quotes", quotes, pa.schema([("article", pa.string()), ("ord", pa.int32()), ("text", pa.string())])),
    ):
        con.register(name, pa.Table.from_pylist([dict(zip(schema.names, r)) for r in rows], schema=schema))
    try:
        _index(con, "_wi_texts", "_wi_quotes", words=words, pairs=pairs)
    finally:
        con.unregister("_wi_texts")
        con.unregister("_wi_quotes")


def _index(con: duckdb.DuckDBPyConnection, texts: str, quotes: str, words: bool = True, pairs: bool = True) -> None:
    """Index the rows of two relations: `texts` (article VARCHAR, text) and `quotes` (article VARCHAR, ord, text): their
    words (`words`: text_words, quote_words) and their word pairs (`pairs`: text_pairs, quote_pairs)."""
    # each text's words and the gaps around them (one more than its words: before the first, ..., after the last)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _wi_lists AS
        SELECT {article_number('article')} AS article, NULL::INTEGER AS ord, text,
               regexp_extract_all(lower(text), '{WORD}') AS w, regexp_split_to_array(lower(text), '{WORD}') AS g
        FROM {texts} WHERE text IS NOT NULL
        UNION ALL
        SELECT {article_number('article')}, ord, text, regexp_extract_all(lower(text), '{WORD}'), regexp_split_to_array(lower(text), '{WORD}')
        FROM {quotes} WHERE text IS NOT NULL""")
    try:
        # place `base` is the text's start (no word: NULL here, 0 in the index), then its words; an article's texts (or a
        # quote's rows) in the order of their content, each starting a place after the one before ends
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _wi_seq AS
            SELECT article, ord, base + pos AS pos, word, gap, next FROM (
                SELECT article, ord, unnest(range(len(g))) AS pos, unnest(list_prepend(NULL, w)) AS word,
                       unnest(g) AS gap, unnest(w) AS next,
                       coalesce(sum(len(w) + 2) OVER (PARTITION BY article, ord ORDER BY text ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS base
                FROM _wi_lists WHERE len(w) > 0)""")
        # the vocabulary: the words, and (for the pairs) the gaps, which hold no letter, digit or underscore; the batch's
        # own, with their ids (those not in it yet numbered after the last), read from `words` once: the rows below
        # join this small table, not the whole vocabulary
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _wi_ids AS
            WITH known AS (
                SELECT t.word, w.id FROM (SELECT DISTINCT word FROM _wi_seq WHERE word IS NOT NULL
                                         {'UNION SELECT DISTINCT gap FROM _wi_seq' if pairs else ''}) t
                LEFT JOIN words w ON w.word = t.word)
            SELECT word, coalesce(id, (SELECT coalesce(max(id), 0) FROM words) + row_number() OVER (PARTITION BY id IS NULL ORDER BY word)) AS id,
                   id IS NULL AS new
            FROM known""")
        con.execute("INSERT INTO words SELECT id, word FROM _wi_ids WHERE new")
        if words:
            con.execute("""
                INSERT INTO text_words SELECT DISTINCT w.id, t.article FROM _wi_seq t JOIN _wi_ids w ON w.word = t.word
                WHERE t.ord IS NULL ORDER BY t.article, w.id""")
            con.execute("""
                INSERT INTO quote_words SELECT DISTINCT w.id, t.article, t.ord FROM _wi_seq t JOIN _wi_ids w ON w.word = t.word
                WHERE t.ord IS NOT NULL ORDER BY t.article, t.ord, w.id""")
        if pairs:  # each text (an article's text and title; a quote) numbered after the last; its rows in word order
            con.execute("""
                CREATE OR REPLACE TEMP TABLE _wi_docs AS
                SELECT (SELECT coalesce(max(doc), 0) FROM pair_texts) + row_number() OVER (ORDER BY article, ord NULLS FIRST) AS doc, article, ord
                FROM (SELECT DISTINCT article, ord FROM _wi_seq)""")
            con.execute("INSERT INTO pair_texts SELECT doc, article, ord FROM _wi_docs ORDER BY doc")
            for table in PAIR_TABLES:
                con.execute(f"""
                    INSERT INTO {table} SELECT d.doc, t.pos, coalesce(a.id, 0) AS word, g.id AS gap, coalesce(b.id, 0) AS next
                    FROM _wi_seq t JOIN _wi_docs d ON d.article = t.article AND d.ord IS NOT DISTINCT FROM t.ord
                    LEFT JOIN _wi_ids a ON a.word = t.word JOIN _wi_ids g ON g.word = t.gap LEFT JOIN _wi_ids b ON b.word = t.next
                    WHERE t.ord IS {'' if table == 'text_pairs' else 'NOT '}NULL ORDER BY {SORTED}""")
    finally:
        for temp in ("_wi_lists", "_wi_seq", "_wi_ids", "_wi_docs"):
            con.execute(f"DROP TABLE IF EXISTS {temp}")


def remove(con: duckdb.DuckDBPyConnection, articles: list[str]) -> None:
    """Take these articles' texts and quotes out of the index."""
    if not articles:
        return
    for table in WORD_TABLES:
        con.execute(f"DELETE FROM {table} WHERE article IN (SELECT {article_number('unnest(?)')})", [articles])
    docs = [d for (d,) in con.execute(
        f"SELECT doc FROM pair_texts WHERE article IN (SELECT {article_number('unnest(?)')})", [articles]).fetchall()]
    if docs:
        for table in PAIR_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc IN (SELECT unnest(?))", [docs])
        con.execute("DELETE FROM pair_texts WHERE doc IN (SELECT unnest(?))", [docs])


def sort_pairs(con: duckdb.DuckDBPyConnection, sorted_docs: int | None, force: bool = False) -> int | None:
    """Sort the word pairs again (each table written anew in word order: `SORTED`) when the texts added since they
    were last sorted (numbered after `sorted_docs`, the last text they held then) are RESORT_SHARE of them or more, or
    when `force`; the last text they hold now if they were sorted, else None."""
    (last,) = con.execute("SELECT coalesce(max(doc), 0) FROM pair_texts").fetchone()
    if not force and (last - (sorted_docs or 0)) < RESORT_SHARE * last:
        return None
    for table in PAIR_TABLES:
        con.execute(f"CREATE TABLE _wi_sorted AS SELECT * FROM {table} ORDER BY {SORTED}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE _wi_sorted RENAME TO {table}")
    return last


def rebuild(con: duckdb.DuckDBPyConnection, analysed: str, chunk: int = 5000, words: bool = True, pairs: bool = True) -> None:
    """Index every stored analysed article from nothing (`analysed`: the SQL condition on `articles a`), `chunk`
    articles at a time: its words (`words`) and its word pairs (`pairs`); the words of the vocabulary stay (a word no
    text holds any more finds nothing)."""
    for table in (*(WORD_TABLES if words else ()), *(PAIR_TABLES + ("pair_texts",) if pairs else ())):
        con.execute(f"DELETE FROM {table}")
    ids = [i for (i,) in con.execute(f"SELECT a.id FROM articles a WHERE {analysed} ORDER BY a.id").fetchall()]
    for start in range(0, len(ids), chunk):
        add_stored(con, ids[start : start + chunk], words=words, pairs=pairs)


def add_stored(con: duckdb.DuckDBPyConnection, articles: list[str], words: bool = True, pairs: bool = True) -> None:
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
            words=words, pairs=pairs,
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

    def hits(self, question: str, distinct: bool = True) -> tuple[str, list[str]]:
        """SQL for the distinct keys (articles: article; quotes: article, ord) of the texts whose words meet every
        term (not `distinct`: each key perhaps more than once); and its parameters."""
        table, key = WORD_TABLES[QUESTIONS.index(question)], KEYS[question]
        params = [p for _, ps in self.terms for p in ps]
        if len(self.terms) == 1:
            return f"SELECT {'DISTINCT ' if distinct else ''}{key} FROM {table} p WHERE p.word IN (SELECT id FROM words w WHERE {self.terms[0][0]})", params
        matches = " UNION ALL ".join(f"SELECT {n} AS term, id FROM words w WHERE {cond}" for n, (cond, _) in enumerate(self.terms))
        sql = f"""SELECT {key} FROM {table} p JOIN ({matches}) m ON m.id = p.word
            GROUP BY {key} HAVING count(DISTINCT m.term) = {len(self.terms)}"""
        return sql, params


QUESTIONS = ("articles", "quotes")
KEYS = {"articles": "article", "quotes": "article, ord"}


@dataclass(frozen=True)
class Link:
    """One word pair a search's text must hold: at `offset` places from the pair of its first word, a word among
    `word` (ids; None: any word, 0 the start of a text), a gap among `gap` (ids of the vocabulary; None: any), and a
    next word among `next` (None: any, 0 the end of the text)."""

    offset: int
    word: tuple[int, ...] | None
    gap: tuple[int, ...] | None
    next: tuple[int, ...] | None


@dataclass(frozen=True)
class Chain:
    """How a search of several words (or of a word with other characters beside it) is answered from the word pairs:
    the texts holding every link at its place. exact: whether those texts are the answer (no word was left as any
    word for having too many variants), else each is checked with the search's ILIKE; links empty: nothing holds it."""

    links: tuple[Link, ...]
    exact: bool

    def hits(self, question: str, distinct: bool = True) -> tuple[str, list[str]]:
        """SQL for the distinct keys (articles: article; quotes: article, ord) of the texts that hold every link at
        its place; and its parameters (none: the ids are numbers written into it). (distinct: as `Plan.hits`.)"""
        table, key = PAIR_TABLES[QUESTIONS.index(question)], KEYS[question]
        columns = [c.strip() for c in key.split(",")]
        if not self.links:
            types = dict(PAIR_TEXT_COLUMNS)
            return f"SELECT {', '.join(f'NULL::{types[c]} AS {c}' for c in columns)} WHERE false", []
        parts = []
        for n, link in enumerate(self.links):
            # one id: a comparison DuckDB makes while it scans (several: a list it joins the scanned rows with)
            where = sorted((f"{column} = {ids[0]}" if len(ids) == 1 else f"{column} IN ({', '.join(map(str, ids))})")
                           for column, ids in (("word", link.word), ("gap", link.gap), ("next", link.next)) if ids is not None)
            where.sort(key=lambda cond: " IN " in cond)
            on = "" if n == 0 else f" ON l{n}.doc = l0.doc AND l{n}.pos = l0.pos + {link.offset - self.links[0].offset}"
            parts.append(f"{'' if n == 0 else 'JOIN '}(SELECT doc, pos FROM {table} WHERE {' AND '.join(where)}) l{n}{on}")
        docs = f"SELECT DISTINCT l0.doc FROM {' '.join(parts)}"
        return f"SELECT DISTINCT {', '.join(f't.{c}' for c in columns)} FROM pair_texts t SEMI JOIN ({docs}) h ON h.doc = t.doc", []


# a search's candidates are checked this many at most per query, each query reading only the rows between its first
# and last (so the text of articles far from every candidate is never decompressed)
CHECK_CHUNK = 2048
CHECK_SHARE = 0.1  # more candidates than this share of the table: one scan checks them


def found(con: duckdb.DuckDBPyConnection, text: str, pattern: str, table: str, pairs: bool = False) -> list[int] | None:
    """The row ids (DuckDB's `rowid`, valid for this connection's reading) of the rows of `table` (articles: their
    text or title; quotes: their text) that hold `text` (`pattern`: its ILIKE pattern, escape backslash), in order;
    None when the index cannot narrow the search (`plan`). pairs: the store's word pairs are current (`chain`)."""
    how = answer(con, text, pairs)
    if how is None:
        return None
    sql, params = how.hits(table) if table in QUESTIONS else ("", [])
    if table == "articles":
        candidates = f"SELECT rowid, rowid, 0 FROM articles WHERE id IN (SELECT {article_id('article')} FROM ({sql}))"
    elif table == "quotes":
        # a quote is its article and ord; an article that failed after it was analysed keeps its old quotes beside the
        # new ones of its next analysis, two rows of one ord: those are checked even when the index is the answer
        candidates = f"""SELECT q.rowid, h.article, h.ord FROM quotes q
            JOIN (SELECT {article_id('article')} AS article_id, article, ord FROM ({sql})) h ON h.article_id = q.article_id AND h.ord = q.ord"""
    else:
        raise ValueError(f"no word index of {table!r}")
    check, checks = _checks(table, pattern)
    found_rows = con.execute(candidates, params).fetchall()  # row id, and its key (article[, ord])
    if how.exact:
        keys = Counter((article, ord) for _, article, ord in found_rows)
        unsure = sorted(r for r, article, ord in found_rows if keys[article, ord] > 1)
        return sorted([r for r, article, ord in found_rows if keys[article, ord] == 1] + (_check(con, table, unsure, check, checks) if unsure else []))
    return _check(con, table, sorted(r for r, _, _ in found_rows), check, checks)


def answer(con: duckdb.DuckDBPyConnection, text: str, pairs: bool = False) -> Plan | Chain | None:
    """How the index answers a search for `text` (ILIKE '%text%'): from the word pairs (`chain`: where the store's
    pairs are current, `pairs`) or from the words (`plan`); None when it cannot narrow it (the scan answers it)."""
    return (chain(con, text) if pairs else None) or plan(con, text)


def counted(con: duckdb.DuckDBPyConnection, how: Plan | Chain, question: str, articles: str, params: list | None = None,
            left_out: tuple[str, list] | None = None) -> int:
    """How many texts the index gives for a search (`how`): articles, or quotes (an article and ord: one however many
    rows of `quotes` share them), of the articles `articles` (SQL of their ids, as `articles.id`; its `params`), from
    the index alone: the answer's total where the index is exact and each quote has its own ord. left_out (quotes):
    SQL of keys (article: its number, `article_number`; ord) not to count, and its parameters."""
    sql, hit_params = how.hits(question, distinct=False)
    if question == "quotes":  # an article's quotes that hold it as the bits of numbers (one per 64 ords): less work than DISTINCT
        bits = "SELECT article, ord >> 6 AS part, bit_or(1::UBIGINT << (ord & 63)) AS held FROM ({}) GROUP BY article, ord >> 6"
        grouped, counts = bits.format(sql), "bit_count(held)"
        if left_out is not None:  # the bits of the keys left out cleared
            grouped = f"""SELECT h.article, h.held & ~coalesce(o.held, 0::UBIGINT) AS held FROM ({grouped}) h
                LEFT JOIN ({bits.format(left_out[0])}) o ON o.article = h.article AND o.part = h.part"""
            hit_params = hit_params + left_out[1]
    else:
        grouped, counts = f"SELECT article FROM ({sql}) GROUP BY article", "1"
    return con.execute(f"""SELECT coalesce(sum({counts}), 0) FROM ({grouped}) h
        SEMI JOIN (SELECT {article_number('id')} AS n FROM ({articles})) a ON a.n = h.article""", hit_params + (params or [])).fetchall()[0][0]


def holding(con: duckdb.DuckDBPyConnection, table: str, rows: list[int], pattern: str) -> list[int]:
    """Those of these rows of `table` (row ids, in any order, a row perhaps more than once) that hold the text
    searched (`pattern`: its ILIKE pattern, escape backslash), in the same order: each read by its row id."""
    check, checks = _checks(table, pattern)
    held = set(_check(con, table, sorted(set(rows)), check, checks)) if rows else set()
    return [r for r in rows if r in held]


def _checks(table: str, pattern: str) -> tuple[str, list[str]]:
    """The SQL condition on a row of `table` (articles: its text or title; quotes: its text) that it holds the text
    searched (`pattern`: its ILIKE pattern), and its parameters."""
    if table == "articles":
        return "(text ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\')", [pattern] * 2
    if table == "quotes":
        return "content_text ILIKE ? ESCAPE '\\'", [pattern]
    raise ValueError(f"no word index of {table!r}")


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


def _split(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], list[str]]:
    """The words of a search's text put in lower case, and the gaps around them (one more: before the first word, ...,
    after the last), as the index splits a text."""
    words, gaps = con.execute(f"SELECT regexp_extract_all(lower(?), '{WORD}'), regexp_split_to_array(lower(?), '{WORD}')", [text, text]).fetchall()[0]
    return words, gaps


def _variants(con: duckdb.DuckDBPyConnection, cond: str, word: str) -> tuple[int, ...] | None:
    """The ids of the vocabulary's words that meet `cond` (SQL on `w.word`, one parameter: the search's word), in
    order; None if there are more than MAX_VARIANTS (the word narrows too little to be worth its list)."""
    ids = [i for (i,) in con.execute(f"SELECT id FROM words w WHERE {cond} ORDER BY id LIMIT {MAX_VARIANTS + 1}", [word]).fetchall()]
    return None if len(ids) > MAX_VARIANTS else tuple(ids)


def chain(con: duckdb.DuckDBPyConnection, text: str) -> Chain | None:
    """How the word pairs answer a search for `text` (ILIKE '%text%'), or None: it is one word and nothing else (the
    words answer it: `plan`), it holds no word, or no pair of it narrows anything (each word has too many variants)."""
    words, gaps = _split(con, text)
    if not words or (len(words) == 1 and gaps == ["", ""]):
        return None
    last = len(words) - 1
    variants = []
    for n, word in enumerate(words):
        before, after = n > 0 or gaps[0] != "", n < last or gaps[-1] != ""
        cond = "w.word = ?" if before and after else "starts_with(w.word, ?)" if before else "ends_with(w.word, ?)"
        variants.append(_variants(con, cond, word))
    # the gaps: each between two of its words whole; other characters before the first word end the gap before it
    # (a text's start is word 0), those after the last start the gap after it ('' after a text's last word)
    between = [_variants(con, "w.word = ?", gap) for gap in gaps[1:-1]]
    first = _variants(con, "ends_with(w.word, ?)", gaps[0]) if gaps[0] else None
    after = _variants(con, "starts_with(w.word, ?)", gaps[-1]) if gaps[-1] else None
    if () in (*variants, *between, first, after):  # a word or gap no text holds
        return Chain((), True)
    links = []
    if gaps[0]:
        links.append(Link(-1, None, first, variants[0]))
    for n in range(last):
        links.append(Link(n, variants[n], between[n], variants[n + 1]))
    if gaps[-1]:
        links.append(Link(last, variants[last], after, None))
    kept = tuple(link for link in links if link.word is not None or link.next is not None)
    if not kept:
        return None
    # exact unless a word or gap was left as any (too many variants): then the texts found are checked
    return Chain(kept, exact=None not in (*variants, *between) and not (gaps[0] and first is None) and not (gaps[-1] and after is None))
