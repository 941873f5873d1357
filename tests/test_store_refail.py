"""An article analysed, then analysed again and failing (its old rows stay: a failure loses nothing stored), then
analysed again with success (`ingest --retry-failed`) holds its last analysis alone: every table, and every question a
user asks, as in a store where it was analysed once (newswire/corpus/store.py, `Store._add_results`)."""

from __future__ import annotations

import random

from test_link_counts import COUNTRIES, article
from test_quote_link import add

from newswire.corpus import query
from newswire.corpus.store import ANALYSED, FAILED, TABLES, Store
from newswire.corpus.wordindex import TABLES as WORD_INDEX
from newswire.records import Analysis, Failure

NOT_COMPARED = {"runs", "errors", "meta"}  # a run's own rows, and the error the failed analysis left (`errors`)


def every_table(store: Store) -> dict[str, list]:
    """Every table's rows, in no order; the word index by word (its word and text numbers are given as they come)."""
    out: dict[str, list] = {}
    with store.session() as con:
        for table in TABLES:
            if table not in NOT_COMPARED and table not in WORD_INDEX:
                out[table] = sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall()))
        out["meta"] = sorted(con.execute("SELECT * FROM meta WHERE key <> 'pairs_sorted'").fetchall())
        out["text_words"] = sorted(con.execute("SELECT w.word, t.article FROM text_words t JOIN words w ON w.id = t.word").fetchall())
        out["quote_words"] = sorted(con.execute(
            "SELECT w.word, t.article, t.ord FROM quote_words t JOIN words w ON w.id = t.word").fetchall())
        for pairs in ("text_pairs", "quote_pairs"):
            out[pairs] = sorted(map(repr, con.execute(
                f"""SELECT d.article, d.ord, p.pos, w.word, g.word, n.word FROM {pairs} p JOIN pair_texts d ON d.doc = p.doc
                LEFT JOIN words w ON w.id = p.word LEFT JOIN words g ON g.id = p.gap LEFT JOIN words n ON n.id = p.next""").fetchall()))
    return out


def answers(store: Store, analysis: Analysis) -> dict[str, object]:
    """What a user sees: the questions of the CLI and web UI, the article page, the GDELT export's rows."""
    people = sorted({e.name for e in analysis.entities})
    seen: dict[str, object] = {
        "entities": query.entities(store, top=100).rows,
        "quotes": sorted(map(repr, query.quotes(store, limit=1000).rows)),
        "events": sorted(map(repr, query.events(store, limit=1000).rows)),
        "articles": sorted(map(repr, query.articles(store, search="met", limit=1000).rows)),
        "overview": query.overview(store),
        "figures": sorted(map(repr, query.figures(store, limit=1000).rows)),
        "places": sorted(map(repr, query.places(store, modality=None, limit=1000).rows)),
        "network": sorted(map(repr, query.network(store, min_confidence=None, limit=1000).rows)),
        "tone": sorted(map(repr, query.tone(store, limit=1000).rows)),
        "stories": sorted(map(repr, query.stories(store, min_sources=1, limit=1000).rows)),
        "page": store.load_analysis(analysis.id),
    }
    for quote in analysis.quotes:  # text search, from the word index
        seen[f"said {quote.content.text}"] = sorted(map(repr, query.quotes(store, search=quote.content.text, limit=1000).rows))
    for name in people:
        seen[f"corpus entity {name}"] = sorted(map(repr, query.corpus_entity(store, name=name).rows))
        seen[f"entity {name}"] = repr(query.entity(store, name=name))
        seen[f"timeline {name}"] = sorted(map(repr, query.timeline(store, entity=name).rows))
    return seen


def gdelt(tmp_path, store: Store, name: str) -> dict[str, bytes]:
    store.close()
    folder = tmp_path / f"{name}-export"
    written = query.export(store.path, folder, format="gdelt")
    return {p.name: p.read_bytes() for p in written}


def test_an_article_analysed_failed_and_analysed_again_holds_its_last_analysis_alone(tmp_path):
    compared = 0
    for seed in range(3):
        rng = random.Random(seed)
        others = [article(random.Random(seed * 100 + n), n) for n in range(1, 8)]
        first = article(random.Random(seed * 100 + 99), 99)
        countries = {e.name: rng.choice(COUNTRIES[e.name]) for e in first.entities}
        final = article(random.Random(seed * 100 + 99), 99, countries=countries, keep=0.5)
        assert final.id == first.id and (final.quotes != first.quotes or final.entities != first.entities)
        failure = Failure("story.txt", "analyze", "internal", "internal error: boom", first.id)
        with Store(tmp_path / f"{seed}-again.duckdb") as again:
            add(again, *others, first)
            again.add_results([], [failure], run_id=1)
            assert again.statuses([first.id]) == {first.id: FAILED}
            again.add_results([final], [], run_id=1)  # as `ingest --retry-failed` stores it
            assert again.statuses([first.id]) == {first.id: ANALYSED}
            kept, seen = every_table(again), answers(again, final)
            exported = gdelt(tmp_path, again, f"{seed}-again")
        with Store(tmp_path / f"{seed}-once.duckdb") as once:
            add(once, *others, final)
            assert kept == every_table(once), seed
            assert seen == answers(once, final), seed
            assert seen["page"] == final
            assert exported == gdelt(tmp_path, once, f"{seed}-once"), seed
        compared += sum(map(len, kept.values()))
    assert compared > 1000


def test_an_analysed_article_that_fails_keeps_its_rows_out_of_the_links_the_index_and_the_answers(tmp_path):
    """Its rows stay (nothing stored is lost; `sql` and `export` still give them), but a failed article counts nowhere
    a user looks: linked, tallied and indexed as linking, tallying and indexing every analysed article from scratch
    makes, and every answer that of a store where it was never analysed."""
    for seed in range(3):
        others = [article(random.Random(seed * 100 + n), n) for n in range(1, 8)]
        first = article(random.Random(seed * 100 + 99), 99)
        failure = Failure("story.txt", "analyze", "internal", "internal error: boom", first.id)
        with Store(tmp_path / f"{seed}-failed.duckdb") as failed:
            add(failed, *others, first)
            failed.add_results([], [failure], run_id=1)
            assert failed.statuses([first.id]) == {first.id: FAILED}
            assert failed.counts()["quotes"] == len(first.quotes) + sum(len(a.quotes) for a in others)
            kept, seen = every_table(failed), answers(failed, first)
            exported = gdelt(tmp_path, failed, f"{seed}-failed")
            failed.link_stored()
            failed.tally_stored()
            failed.index_words()
            assert kept == every_table(failed), seed
        with Store(tmp_path / f"{seed}-never.duckdb") as never:
            add(never, *others)
            unseen = answers(never, first)
        overview = seen.pop("overview")
        assert {**overview, "stored": overview["stored"] - 1} == unseen.pop("overview")  # stored, not analysed
        assert seen == unseen, seed
        assert exported == gdelt(tmp_path, never, f"{seed}-never"), seed
