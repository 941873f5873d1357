"""Do two stores answer the same? (for changes to how the store keeps its links: same answers, other rows or costs)

    python bench/same_answers.py A.duckdb B.duckdb [--names 20] [--tables]

Two stores written from the same input, one by the code before a change and
one by the code after it (e.g. copies of `bench/corpus_scale.py`'s stores, each
given the same batches), are asked the same questions, and each answer (its
rows, in the question's order, and its total) is compared:

  the questions `bench/corpus_scale.py` times (quotes of the most and of a
  rarely named speaker, events of an actor between dates, the top entities,
  timelines, the network, an article read back), the top entities and
  events, the stories, the overview, and for each name asked about: its
  quotes, quotations across outlets (`--spread`), timeline, tone, corpus
  entities (`query entity`) and entity page; for each of their corpus
  entities: its timeline and entity page by id.

The names are those of store A's most quoted speakers (`--names`, half of
them) and of its names split by country (the rest): what a change to the
links must keep answering the same. --tables also compares every table row
for row (EXCEPT ALL both ways; the large word index, signatures and bands by
count and a sum of row hashes; `runs` without its times): a change that keeps
its links otherwise differs there by design, and says so.

Prints one line per question (`same` or `DIFFERENT`) and exits 1 when any
answer differs. Opens both stores read-only.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LIMIT = 100  # rows of a page, as bench/corpus_scale.py asks them
BIG = {"text_words", "text_pairs", "quote_pairs", "quote_words", "pair_texts", "signatures", "bands", "bands_undated", "words"}


def subjects(store: Any, names: int) -> tuple[list[str], list[str]]:
    """The names to ask about and their corpus entities' ids, chosen from this store."""
    con = store.con
    quoted = [n for (n,) in con.execute("""SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL GROUP BY 1
                                           ORDER BY count(*) DESC, 1 LIMIT ?""", [names - names // 2]).fetchall()]
    split = [n for (n,) in con.execute("""SELECT min(name) FROM corpus_entities GROUP BY key HAVING count(*) > 1
                                          ORDER BY sum(articles) DESC, 1 LIMIT ?""", [names // 2]).fetchall()]
    people = list(dict.fromkeys(quoted + split))
    keys = con.execute("SELECT DISTINCT key FROM corpus_entities WHERE name IN (SELECT unnest(?))", [people]).fetchall()
    ids = [i for (i,) in con.execute("SELECT id FROM corpus_entities WHERE key IN (SELECT unnest(?)) ORDER BY id LIMIT ?",
                                     [[k for (k,) in keys], 2 * names]).fetchall()]
    return people, ids


def answers(store: Any, people: list[str], ids: list[str], digest: bool = True) -> dict[str, Any]:
    """question → its answer (rows in order, total), or a digest of it (`digest`; tests/test_split_answers.py asks for
    the answers themselves)."""
    from newswire.corpus import query

    out: dict[str, Any] = {}

    def put(name: str, value: Any) -> None:
        out[name] = hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:16] if digest else value

    def ask(question: str, **options: Any) -> None:
        try:
            page = query.page(store, question, limit=LIMIT, **options)
            value: Any = (page.total, page.rows.columns, [defined(page.rows.columns, r) for r in page.rows])
        except Exception as err:  # an answer refused is an answer too: the same refusal on both sides
            value = ("error", type(err).__name__, str(err))
        put(f"{question} {sorted(options.items())}", value)

    con = store.con
    quotations: dict[str, tuple[str, str]] = {}

    def defined(columns: list[str], row: tuple) -> tuple:
        """A row with its corpus quote id (`--spread` prints it) given as what defines the corpus quote: its speaker shown
        and its canonical words. How the id is made is the store's layout (`@2` hashed the speaker shown, `@3` the key
        id and the quotes' country), so two layouts' ids differ for the same quotation by design."""
        if "corpus_quote" not in columns:
            return row
        i = columns.index("corpus_quote")
        if row[i] is not None and row[i] not in quotations:
            from newswire.corpus.quote_link import speaker_shown

            found = con.execute(f"SELECT {speaker_shown('cq')}, cq.words FROM corpus_quotes cq WHERE cq.id = ?", [row[i]]).fetchone()
            quotations[row[i]] = ("quotation", *found) if found else ("no such corpus quote", row[i])
        return (*row[:i], quotations.get(row[i]), *row[i + 1:])

    article = con.execute("SELECT id FROM articles WHERE status = 'analysed' ORDER BY id LIMIT 1").fetchone()
    if article:
        put(f"article {article[0]}", store.load_analysis(article[0]))
    ask("events", actor="USA", start="2015-02-01", end="2015-03-01", modality="asserted")
    ask("events", actor="USA")
    ask("entities")
    ask("entities", type="PERSON")
    ask("network")
    ask("stories")
    ask("stories", min_sources=1)
    ask("quotes")
    ask("quotes", spread=2)
    put("overview", query.overview(store))
    for person in people:
        ask("quotes", speaker=person)
        ask("quotes", speaker=person, sort="-published")
        ask("quotes", speaker=person, spread=1)
        ask("timeline", entity=person)
        ask("timeline", entity=person, sort="-date")
        ask("corpus_entity", name=person)
        ask("tone", entity=person)
        put(f"entity page {person}", query.entity(store, name=person))
        put(f"named {person}", query.corpus_entities_named(store, name=person, articles=True))
    for cid in ids:
        ask("timeline", id=cid)
        put(f"entity page {cid}", query.entity(store, id=cid))
    return out


def tables(a: Path, b: Path) -> dict[str, str]:
    """table → how its rows compare between the two stores."""
    import duckdb

    con = duckdb.connect(str(a), read_only=True)
    con.execute(f"ATTACH '{b}' AS other (READ_ONLY)")
    out = {}
    names = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1").fetchall()]
    for t in names:
        cols = [c for (c,) in con.execute("""SELECT column_name FROM duckdb_columns() WHERE database_name = current_database()
                                             AND table_name = ? ORDER BY column_index""", [t]).fetchall()]
        if t == "runs":
            cols = [c for c in cols if c not in ("started", "finished", "host", "pid", "process_start")]
        sel = ", ".join(f'"{c}"' for c in cols)
        if t in BIG:
            fa, fb = (con.execute(f"SELECT count(*), sum(hash({sel})::HUGEINT) FROM {db}{t}").fetchone() for db in ("", "other."))
            out[t] = "same" if fa == fb else f"DIFFERENT (count and fingerprint: {fa} against {fb})"
            continue
        try:
            d1, d2 = (con.execute(f"SELECT count(*) FROM (SELECT {sel} FROM {x}{t} EXCEPT ALL SELECT {sel} FROM {y}{t})").fetchone()[0]
                      for x, y in (("", "other."), ("other.", "")))
        except duckdb.Error as err:
            out[t] = f"DIFFERENT ({str(err).splitlines()[0]})"
            continue
        out[t] = "same" if d1 == d2 == 0 else f"DIFFERENT ({d1} rows only in A, {d2} only in B)"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--names", type=int, default=10, help="names to ask about (default 10; twice as many corpus entities of theirs at most)")
    ap.add_argument("--tables", action="store_true", help="also compare every table row for row")
    args = ap.parse_args(argv)
    from newswire.corpus.store import Store

    for path in (args.a, args.b):
        if not path.is_file():
            print(f"Error: no store at {path}", file=sys.stderr)
            return 2
    with Store(args.a, read_only=True) as a:
        people, ids = subjects(a, args.names)
        found_a = answers(a, people, ids)
    with Store(args.b, read_only=True) as b:
        found_b = answers(b, people, ids)
    differ = 0
    for question in sorted(found_a.keys() | found_b.keys()):
        same = found_a.get(question) == found_b.get(question)
        differ += not same
        print(f"{'same' if same else 'DIFFERENT'}\t{question}")
    print(f"{len(found_a)} answers; {len(people)} names, {len(ids)} corpus entities asked about; {differ} differ")
    if args.tables:
        for t, how in tables(args.a, args.b).items():
            print(f"table {t}: {how}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
