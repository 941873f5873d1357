"""Text search from the word index kept at ingest (corpus/wordindex.py): the same rows, totals and pages as the scan."""

from __future__ import annotations

import random
import shutil

import pytest

from newswire.corpus import query, wordindex
from newswire.corpus.store import DUPLICATE, Store
from newswire.errors import UsageError
from newswire.records import Analysis, Failure, Quote, Span, content_id
from test_query import entry


TEXTS = [
    ("Strike talks", "2013-09-10", 'The union said on Monday: "The ceasefire talks failed." Port workers walked out at 6 a.m.\n'
     'Officials said the strike would go on; the 50% pay rise was "not enough", one said.\n'),
    ("CEASEFIRE holds", "2013-09-11", 'A ceasefire held in the north. "We will not fire first," the commander said. '
     "Peace-keepers (U.N.) watched the line_of_control.\n"),
    ("Zürich notes", "2013-09-12", 'İstanbul and ZÜRICH: José said "the café is closed" and Jose\u0301 agreed. '
     "ΟΔΥΣΣΕΥΣ came home; Straße 5 was shut. Ünïcode_words and 3.14 and 1,000,000 dollars.\n"),
    (None, None, 'Talks on talks. "Said on Monday, said again on Tuesday," he said on Wednesday. The the the.\n'),
    ("Fire fighters", "2013-09-12", 'Firefighters fought the fire. "Fire is out," the chief said; a ceasefire? No: "a cease-fire."\n'),
]


# the quotes' confidences, in turn: above the default floor (QUOTE_FLOOR, 0.3), under it, at it, none
CONFIDENCES = (0.9, 0.2, 0.3, None)


def analysis(title: str | None, published: str | None, text: str) -> Analysis:
    quotes = []
    start = 0
    while (open_ := text.find('"', start)) >= 0:
        close = text.index('"', open_ + 1)
        quotes.append(Quote(f"Q{len(quotes) + 1}", "direct", Span(open_ + 1, close, text[open_ + 1 : close]),
                            confidence=CONFIDENCES[len(quotes) % len(CONFIDENCES)]))
        start = close + 1
    return Analysis(id=content_id(text), text=text, title=title, published=published, quotes=quotes)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("wordindex") / "corpus.duckdb"
    analyses = [analysis(*t) for t in TEXTS]
    copy = analysis("Strike talks", "2013-09-10", TEXTS[0][2] + "Reporting by Test Wire.\n")  # analysed, not canonical
    with Store(path) as store:
        store.add_entries([entry(a) for a in analyses] + [entry(copy, DUPLICATE, analyses[0].id)], [], run_id=1)
        store.add_results(analyses[:3] + [copy], [], run_id=1)
        store.add_results(analyses[3:], [], run_id=1)  # a second batch: the vocabulary grows
        assert store.words_current()
    return path


@pytest.fixture(scope="module")
def scanned(db, tmp_path_factory):
    """The same store with no word index: searched by the scan, as before the index (and as an old store is)."""
    path = tmp_path_factory.mktemp("scan") / "corpus.duckdb"
    shutil.copy(db, path)
    with Store(path) as store:
        store.con.execute("DELETE FROM meta WHERE key = 'words'")
        assert not store.words_current()
    return path


SEARCHES = [
    "ceasefire", "CeaseFire", "cease", "fire", "Fire is", "fire.", "said on", "said on Monday", " said ", "the", "THE THE",
    "a.m.", "50%", "5_", "pay_", "line_of", "U.N.)", '"', "--", ".", "zzqx", "ceasefire zzqx", "istanbul", "İSTANBUL",
    "zürich", "ZÜRICH", "café", "josé", "jose\u0301", "straße", "STRASSE", "οδυσσευσ", "Ünïcode", "3.14", "1,000", "000",
    "e", "t", "on", "s on", "on M", "n Tu", "talks on talks", "talk", "Tuesday,\" he", "out at 6", " ", "ö",
    # phrases (answered from the word pairs): of common words, of a word said twice, with punctuation between the
    # words, across a sentence's end or a line's, with words no text holds, with characters before or after them
    "the strike", "said the", "THE CHIEF", "the the", "the the the", "said on", "on talks", "talks on", "said again on",
    "Monday: \"The", "Monday:", ": \"The", "(U.N.) watched", "U.N.", ") watched", "out.", "out. Offic", "6 a.m.\nOfficials",
    "a.m.\nOff", "enough\", one", "go on; the", "go on;the", "go  on", "go\non", "fire first", "Fire. Fire", "home; Straße",
    "zzqx talks", "talks zzqx", "the zzqx the", "said zzqx", " said on", "said on ", " the ", " the", "the ", "\"The",
    "cease-fire", "cease fire", "peace-keepers (u", "50% pay", "1,000,000 dollars", "3.14 and", "ünïcode_words and",
    "istanbul and", "i̇stanbul and zürich", "josé said", "jose\u0301 agreed", "said:", "said;", "said.", "said,", "fire?",
    # across the end of a title and the start of its text (or the reverse), or of one quote and the next: no text holds them
    "holds a", "held in the north. ceasefire", "talks the union", "Strike talks The", "out at 6 a.m. strike",
    "fire first, the commander", "first\" the", "shut. Ünïcode", "fighters Firefighters",
]


def answers(store: Store, question: str, search: str, **options) -> tuple | str:
    """The rows and total of a search (or its one-line error: a search with no letter or digit is refused); of quotes
    asked at no floor, at the default floor (QUOTE_FLOOR) and at none."""
    if question == "quotes" and "min_confidence" not in options:
        return tuple(answers(store, question, search, min_confidence=floor, **options) for floor in (query.QUOTE_FLOOR, 0))
    try:
        page = query.page(store, question, limit=100, search=search, **options)
    except UsageError as err:
        return str(err)
    return page.rows.dicts(), page.total


def totals(answer: tuple) -> tuple[int, ...]:
    """The totals of `answers`: of articles, one; of quotes, at the default floor and at none."""
    return (answer[1],) if isinstance(answer[1], int) else tuple(a[1] for a in answer)


@pytest.fixture
def both(db, scanned):
    """The store with its index, and the same store searched by the scan."""
    with Store(db, read_only=True) as indexed, Store(scanned, read_only=True) as scan:
        yield indexed, scan


@pytest.fixture(params=["one scan", "by row id"])
def checked(request, monkeypatch):
    """Candidates checked as a store with many of them does (one scan), and as one with few (by row id, a few at a time)."""
    if request.param == "by row id":
        monkeypatch.setattr(wordindex, "CHECK_SHARE", 1.0)
        monkeypatch.setattr(wordindex, "CHECK_CHUNK", 2)
    return request.param


@pytest.mark.parametrize("question", ["articles", "quotes"])
def test_a_search_answers_the_same_rows_from_the_index_as_from_the_scan(both, question, checked):
    indexed, scan = both
    found = {search: answers(indexed, question, search) for search in SEARCHES}
    for search, rows in found.items():
        assert rows == answers(scan, question, search), search
    for floor in ((None,) if question == "articles" else (0, 1)):  # (quotes: at the default floor, at none)
        shown = [rows if floor is None else rows[floor] for rows in found.values()]
        assert sum(1 for rows in shown if not isinstance(rows, str) and rows[1]) >= (30 if question == "articles" else 15)
    if question == "quotes":  # the floor left some quotes out
        assert sum(at[1] for at, every in found.values() if not isinstance(at, str)) < sum(every[1] for at, every in found.values() if not isinstance(at, str))
    # the index is used: a search with a word is answered from it (one word alone: with no check of the texts)
    assert query._indexed(indexed, "said on", question) is not None and query._indexed(scan, "said on", question) is None
    assert wordindex.plan(indexed.con, "ceasefire").exact and not wordindex.plan(indexed.con, "said on").exact


def test_a_phrase_is_answered_from_the_word_pairs_without_reading_the_texts(both, monkeypatch):
    indexed, scan = both
    assert indexed.pairs_current() and not scan.words_current()
    for search in ("said the", "the the the", "Monday: \"The", " said on", "fire.", "go on;"):
        how = wordindex.chain(indexed.con, search)
        assert how is not None and how.exact and how.links, search
    assert wordindex.chain(indexed.con, "ceasefire") is None  # one word alone: the words answer it
    assert wordindex.chain(indexed.con, "zzqx talks").links == ()  # a word no text holds: nothing, without a query
    checked = []
    monkeypatch.setattr(wordindex, "_check", lambda con, table, rows, *a: checked.append(rows) or rows)
    monkeypatch.setattr(query, "PAGE_CANDIDATES", 0)  # not the page read in date order, which checks its rows' texts
    for question in ("articles", "quotes"):
        for search in ("said the", "the the the", "go on; the", "6 a.m.\nOfficials", " said on", "fire first"):
            assert answers(indexed, question, search) == answers(scan, question, search), (question, search)
    assert checked == []


def test_a_phrase_whose_word_has_too_many_variants_is_checked(both, monkeypatch):
    monkeypatch.setattr(wordindex, "MAX_VARIANTS", 1)  # "on" as a word's end (on, ...) is then any word
    indexed, scan = both
    how = wordindex.chain(indexed.con, "on talks")
    assert how is not None and not how.exact
    for question in ("articles", "quotes"):
        for search in ("on talks", "said on", "s on", "on M", "the the", "e the", "fire.", " t"):
            assert answers(indexed, question, search) == answers(scan, question, search), (question, search)


def test_the_same_rows_for_any_piece_of_the_texts_in_any_case(both, checked):
    rng = random.Random(16)
    corpus = "".join(t for _, _, t in TEXTS)
    for _ in range(90):
        start = rng.randrange(len(corpus) - 1)
        piece = corpus[start : start + rng.randint(1, 40)].strip("\n") or "x"
        piece = "".join(c.upper() if rng.random() < 0.3 else c for c in piece)
        for question in ("articles", "quotes"):
            assert answers(*both[:1], question, piece) == answers(*both[1:], question, piece), piece


def test_pages_totals_and_sorting_are_the_scans(both, checked):
    a, b = both
    for question, search in (("articles", "said"), ("quotes", "the"), ("quotes", "fire"), ("articles", "a")):
        floors = [{}, {"min_confidence": 0}] if question == "quotes" else [{}]
        for offset, sort, floor in ((o, s, f) for o in range(0, 5) for s in (None, "-published", "title") for f in floors):
                mine = query.page(a, question, limit=2, offset=offset, sort=sort, search=search, **floor)
                theirs = query.page(b, question, limit=2, offset=offset, sort=sort, search=search, **floor)
                assert (mine.rows.dicts(), mine.total) == (theirs.rows.dicts(), theirs.total), (question, search, offset, sort)
    # the other filters still apply beside the search, and the CLI's --limit
    assert answers(a, "articles", "said", start="2013-09-11") == answers(b, "articles", "said", start="2013-09-11")
    assert query.articles(a, search="said", limit=2).dicts() == query.articles(b, search="said", limit=2).dicts()
    assert query.quotes(a, search="said", limit=1).dicts() == query.quotes(b, search="said", limit=1).dicts()
    assert query.quotes(a, search="fire").dicts() == query.quotes(b, search="fire").dicts()


def test_an_article_analysed_again_leaves_its_old_words(tmp_path):
    path = tmp_path / "corpus.duckdb"
    first = analysis("Old", "2013-09-10", 'He said "alpha bravo" and "charlie".\n')
    with Store(path) as store:
        store.add_entries([entry(first)], [], run_id=1)
        store.add_results([first], [], run_id=1)
        again = analysis("Old", "2013-09-10", first.text)
        again.quotes = again.quotes[1:]  # analysed again: one quote fewer
        store.add_results([again], [], run_id=2)
        counts = store.con.execute("SELECT count(*), count(DISTINCT article) FROM text_words").fetchone()
        assert counts[1] == 1 and counts[0] == len(set("old he said alpha bravo and charlie".split()))
    with Store(path, read_only=True) as store:
        assert query.page(store, "quotes", limit=10, search="bravo", min_confidence=0).total == 0
        assert query.page(store, "quotes", limit=10, search="charlie", min_confidence=0).total == 1  # (its confidence: 0.2)
        assert query.page(store, "articles", limit=10, search="bravo").total == 1


def test_an_old_store_searches_by_scan_until_it_is_indexed(db, tmp_path):
    path = tmp_path / "old.duckdb"
    shutil.copy(db, path)
    with Store(path) as store:  # as a store made before the index: no rows, no meta key
        store.con.execute("DELETE FROM meta WHERE key = 'words'")
        for table in wordindex.TABLES:
            store.con.execute(f"DELETE FROM {table}")
    with Store(path, read_only=True) as old, Store(db, read_only=True) as indexed:
        before = answers(old, "quotes", "said on")
        assert before == answers(indexed, "quotes", "said on") and before[0][1] > 0 and before[1][1] > 0  # (at the floor, at none)
    with Store(path) as store:
        store.index_words()
        assert store.words_current()
        assert store.con.execute("SELECT count(*) FROM quote_words").fetchone()[0] > 0
        assert answers(store, "quotes", "said on") == before


def test_pairs_sorted_in_word_order_answer_the_same_and_later_batches_are_added_unsorted(db, tmp_path):
    path = tmp_path / "sorted.duckdb"
    shutil.copy(db, path)
    searches = [s for s in SEARCHES if any(c.isalnum() for c in s)]
    with Store(db, read_only=True) as unsorted:
        before = {(q, s): answers(unsorted, q, s) for q in ("articles", "quotes") for s in searches}
    with Store(path) as store:
        assert store.sort_pairs() and not store.sort_pairs()  # a tenth or more came since the last sort: none since
        for table in wordindex.PAIR_TABLES:
            rows = store.con.execute(f"SELECT word, next, gap, doc, pos FROM {table} ORDER BY rowid").fetchall()
            assert rows == sorted(rows) and len(rows) > 20
        assert {(q, s): answers(store, q, s) for q in ("articles", "quotes") for s in searches} == before
        checks = (("articles", "said on", 1), ("quotes", "ceasefire talks failed", 1), ("articles", "zzqx", 0), ("quotes", "talks failed.", 0))
        base = {(q, s): totals(answers(store, q, s)) for q, s, _ in checks}
        late = analysis("Late", "2013-09-13", 'The union said on Friday: "the ceasefire talks failed again."\n')
        store.add_entries([entry(late)], [], run_id=2)
        store.add_results([late], [], run_id=2)  # added at the end, after the sorted rows
        (docs,) = store.con.execute("SELECT max(doc) FROM pair_texts").fetchone()
        assert store.meta("pairs_sorted") == str(docs - 2)  # its text and its quote came after the sort
        for question, search, more in checks:
            assert totals(answers(store, question, search)) == tuple(n + more for n in base[question, search]), search  # (its quote: 0.9)


def test_a_store_indexed_before_the_pairs_answers_phrases_from_its_words_until_its_pairs_are_made(db, tmp_path):
    path = tmp_path / "words.duckdb"
    shutil.copy(db, path)
    with Store(path) as store:  # as a store made by the version before the pairs: its words, no pairs
        store.con.execute("DELETE FROM meta WHERE key = 'pairs'")
        for table in wordindex.PAIR_TABLES:
            store.con.execute(f"DELETE FROM {table}")
        words = store.con.execute("SELECT * FROM text_words ORDER BY ALL").fetchall()
    searches = ("said on", "said the", "the the", "fire.")
    with Store(path, read_only=True) as old, Store(db, read_only=True) as indexed:
        assert old.words_current() and not old.pairs_current()
        before = [answers(old, q, s) for q in ("articles", "quotes") for s in searches]
        assert before == [answers(indexed, q, s) for q in ("articles", "quotes") for s in searches]
    with Store(path) as store:
        store.index_words()  # as the next ingest does: the pairs only
        assert store.pairs_current() and store.con.execute("SELECT * FROM text_words ORDER BY ALL").fetchall() == words
        assert store.con.execute("SELECT count(*) FROM quote_pairs").fetchone()[0] > 0
        assert [answers(store, q, s) for q in ("articles", "quotes") for s in searches] == before


def test_an_article_that_failed_and_is_analysed_again_is_searched_as_the_scan_finds_it(tmp_path):
    path, scan = tmp_path / "corpus.duckdb", tmp_path / "scan.duckdb"
    first = analysis("Old", "2013-09-10", 'He said "alpha bravo" and "charlie delta".\n')
    with Store(path) as store:
        store.add_entries([entry(first)], [], run_id=1)
        store.add_results([first], [], run_id=1)
        failure = Failure(document="old.txt", stage="analyze", reason="internal", message="boom", article_id=first.id)
        store.add_results([], [failure], run_id=2)  # failed this time: its old rows stay
        again = analysis("Old", "2013-09-10", first.text)
        again.quotes = again.quotes[1:]
        store.add_results([again], [], run_id=3)
    shutil.copy(path, scan)
    with Store(scan) as store:
        store.con.execute("DELETE FROM meta WHERE key = 'words'")
    with Store(path, read_only=True) as indexed, Store(scan, read_only=True) as scanned:
        for search in ("bravo", "alpha bravo", "charlie", "delta", "said", "he said", "charlie delta", "alpha bravo"):
            for question in ("articles", "quotes"):
                assert answers(indexed, question, search) == answers(scanned, question, search), (question, search)


def _index_rows(store: Store) -> tuple[set, set]:
    words = set(store.con.execute("SELECT w.word, t.article FROM text_words t JOIN words w ON w.id = t.word").fetchall())
    pairs = set(store.con.execute(
        "SELECT p.article, w.word, g.word, n.word FROM text_pairs t JOIN pair_texts p USING (doc) JOIN words w ON w.id = t.word "
        "JOIN words g ON g.id = t.gap LEFT JOIN words n ON n.id = t.next").fetchall())
    return words, pairs


@pytest.mark.parametrize("order", ["copy read with it", "copy read after it", "earlier copy read last"])
def test_a_title_taken_from_a_copy_is_searched_as_the_scan_finds_it(tmp_path, order):
    """A canonical read without a title takes one from its copies (`articles.filled`): a search by a word of it finds
    the article from the index as the scan does, and the index is the one made from nothing; a copy published earlier
    gives another title, whose words replace the first's."""
    path, scan = tmp_path / "corpus.duckdb", tmp_path / "scan.duckdb"
    plain = analysis(None, None, 'The port reopened on Friday, officials said. "Ships are moving," one said.\n')
    later = analysis("Harbour blockade lifted", "2013-09-12", plain.text + "Reporting by Test Wire.\n")
    earlier = analysis("Quayside traffic resumes", "2013-09-11", plain.text + "Copyright Test Wire.\n")
    with Store(path) as store:
        if order == "copy read with it":
            store.add_entries([entry(plain), entry(later, DUPLICATE, plain.id)], [], run_id=1)
            store.add_results([plain], [], run_id=1)
        else:
            store.add_entries([entry(plain)], [], run_id=1)
            store.add_results([plain], [], run_id=1)
            store.add_entries([entry(later, DUPLICATE, plain.id)], [], run_id=2)
        if order == "earlier copy read last":
            store.add_entries([entry(earlier, DUPLICATE, plain.id)], [], run_id=3)
        incremental = _index_rows(store)
        store.index_words()
        assert _index_rows(store) == incremental  # as indexing every article from nothing makes it
    shutil.copy(path, scan)
    with Store(scan) as store:
        store.con.execute("DELETE FROM meta WHERE key = 'words'")
    title, gone = ("quayside", "blockade") if order == "earlier copy read last" else ("blockade", "quayside")
    with Store(path, read_only=True) as indexed, Store(scan, read_only=True) as scanned:
        assert answers(indexed, "articles", title)[1] == 1
        assert answers(indexed, "articles", gone)[1] == 0
        for search in (title, gone, "harbour blockade", "quayside traffic", "lifted the port", "port reopened"):
            assert answers(indexed, "articles", search) == answers(scanned, "articles", search), search


def test_a_store_made_before_titles_were_taken_from_copies_indexes_the_title_it_takes(tmp_path):
    import duckdb

    path = tmp_path / "corpus.duckdb"
    plain = analysis(None, None, 'The port reopened on Friday, officials said. "Ships are moving," one said.\n')
    copy = analysis("Harbour blockade lifted", "2013-09-12", plain.text + "Reporting by Test Wire.\n")
    with Store(path) as store:
        store.add_entries([entry(plain)], [], run_id=1)
        store.add_results([plain], [], run_id=1)
        store.add_entries([entry(copy, DUPLICATE, plain.id)], [], run_id=2)
    con = duckdb.connect(str(path))  # as an older version left it: no `filled`, the canonical's own (no) title indexed
    con.execute("UPDATE articles SET title = NULL, published = NULL WHERE id = ?", [plain.id])
    con.execute("ALTER TABLE articles DROP COLUMN filled")
    wordindex.rebuild(con, "a.status = 'analysed'")
    assert con.execute("SELECT count(*) FROM text_words t JOIN words w ON w.id = t.word WHERE w.word = 'blockade'").fetchone() == (0,)
    con.close()
    with Store(path) as store:  # the writer takes the copy's title, once, and indexes it
        assert store.con.execute("SELECT title, filled FROM articles WHERE id = ?", [plain.id]).fetchone() == (
            "Harbour blockade lifted", "published,title")
        assert answers(store, "articles", "blockade")[1] == 1
