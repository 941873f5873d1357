"""Figures side by side (`query figures --conflicts`): which figures are one happening's, on stores of crafted records."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newswire.cli import app
from newswire.corpus import query
from newswire.corpus.store import PENDING, Entry, Store
from newswire.errors import UsageError
from newswire.records import Analysis, Article, Entity, Figure, Mention, content_id


def article(published: str | None, *figures: tuple, n: int = 0) -> Analysis:
    """An article stating each figure: (text, value, what, places, source name or None, date or None, unit)."""
    text, records, entities = f"Report {n} of {published}.", [], {}
    for words, value, what, places, source, date, unit in figures:
        text += " "
        start = len(text)
        text += words
        reporter = None
        if source is not None:
            text += f", {source} said."
            at = text.rindex(source)
            entity = entities.setdefault(source, Entity(f"E{len(entities) + 1}", source, "ORG", mentions=[]))
            entity.mentions.append(Mention(at, at + len(source), source))
            reporter = entity.id
        records.append(Figure(start, start + len(words), words, value, unit=unit, what=what, reported_by=reporter,
                              date=date or published, places=places))
    return Analysis(id=content_id(text), text=text, published=published, entities=list(entities.values()), figures=records)


def fig(words: str, value: float, what: str = "killed", places=("KEN",), source: str | None = None, date: str | None = None,
        unit: str | None = "people") -> tuple:
    return words, value, what, list(places), source, date, unit


def store_of(path, analyses: list[Analysis]):
    with Store(path) as store:
        entries = [Entry(Article(text=a.text, published=a.published), a.id, len(a.text), PENDING, a.id, None) for a in analyses]
        store.add_entries(entries, [], run_id=1)
        store.add_results(analyses, [], run_id=1)
    return Store(path, read_only=True)


def conflicts(tmp_path, analyses: list[Analysis], name: str = "s") -> list[dict]:
    with store_of(tmp_path / f"{name}.duckdb", analyses) as store:
        return query.figures(store, conflicts=True).dicts()


def test_two_sources_tolls_of_one_bombing_stand_side_by_side_with_their_articles_and_evidence(tmp_path):
    analyses = [
        article("2020-03-01", fig("82 people", 82, source="Red Cross"), n=1),
        article("2020-03-03", fig("82 people", 82, source="Red Cross"), n=2),
        article("2020-03-04", fig("40 people", 40, source="Kenyan police"), n=3),
    ]
    rows = conflicts(tmp_path, analyses)
    assert len(rows) == 1
    row = rows[0]
    assert row["figures"] == "killed: 82 people (Red Cross, 2 articles) / 40 people (Kenyan police, 1 article)"
    assert (row["what"], row["place"], row["from"], row["to"], row["values"], row["articles"]) == ("killed", "KEN", "2020-03-01", "2020-03-04", 2, 3)
    evidence = json.loads(row["evidence"])
    texts = {a.id: a.text for a in analyses}
    assert sorted(texts[e["article_id"]][e["start"]:e["end"]] for e in evidence) == ["40 people", "82 people", "82 people"]
    assert {e["source"] for e in evidence} == {"Red Cross", "Kenyan police"}


def test_figures_are_grouped_only_when_they_count_the_same_thing_in_the_same_place_within_the_window(tmp_path):
    analyses = [
        article("2020-03-01", fig("82 people", 82), n=1),
        article("2020-03-02", fig("40 people", 40, places=("TZA",)), n=2),  # another country
        article("2020-03-02", fig("41 injured", 41, what="injured"), n=3),  # another count
        article("2020-03-02", fig("12 Americans", 12, unit="american"), n=4),  # a part of the dead, not all of them
        article("2020-04-20", fig("90 people", 90), n=5),  # seven weeks later: another happening
        article("2020-03-02", fig("30 people", 30, date="2019"), n=6),  # the text dates it to another year
        article("2020-03-02", fig("33 people", 33, places=()), n=7),  # no place
        article(None, fig("35 people", 35), n=8),  # no date
    ]
    assert conflicts(tmp_path, analyses) == []
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        groups = query.figure_groups(store).dicts()
    assert sorted(g["text"] for g in groups) == ["12 Americans", "40 people", "41 injured", "82 people", "90 people"]
    assert len({g["group"] for g in groups}) == 5


def test_a_chain_of_reports_each_within_a_week_of_the_next_is_one_group(tmp_path):
    analyses = [article(day, fig(f"{v} people", v), n=i) for i, (day, v) in
                enumerate([("2020-03-01", 80), ("2020-03-07", 190), ("2020-03-13", 247)])]
    rows = conflicts(tmp_path, analyses)
    assert len(rows) == 1 and rows[0]["values"] == 3 and (rows[0]["from"], rows[0]["to"]) == ("2020-03-01", "2020-03-13")


def test_one_article_giving_two_values_from_one_source_is_left_out_and_two_sources_stay(tmp_path):
    unclear = article("2020-03-01", fig("247 people", 247), fig("10 people", 10), n=1)  # which one counts the happening?
    other = article("2020-03-02", fig("250 people", 250), n=2)
    assert conflicts(tmp_path, [unclear, other], "a") == []
    sourced = article("2020-03-01", fig("1,400 people", 1400, source="the United States"), fig("355 people", 355, source="a medical charity"), n=3)
    again = article("2020-03-02", fig("1,400 people", 1400, source="the United States"), n=4)
    rows = conflicts(tmp_path, [sourced, again], "b")
    assert [r["figures"] for r in rows] == ["killed: 1,400 people (the United States, 2 articles) / 355 people (a medical charity, 1 article)"]


def test_the_groups_do_not_depend_on_the_order_articles_were_stored_in(tmp_path):
    analyses = [article(day, fig(f"{v} people", v, source=s), n=i) for i, (day, v, s) in
                enumerate([("2020-03-01", 82, "Red Cross"), ("2020-03-05", 40, None), ("2020-03-09", 82, None), ("2020-03-20", 5, None)])]
    assert conflicts(tmp_path, analyses, "forward") == conflicts(tmp_path, analyses[::-1], "backward")


def test_the_cli_lists_the_conflicts_and_the_api_flag_takes_one_or_zero(tmp_path):
    analyses = [article("2020-03-01", fig("82 people", 82), n=1), article("2020-03-02", fig("40 people", 40), n=2)]
    store_of(tmp_path / "c.duckdb", analyses).close()
    result = CliRunner().invoke(app, ["query", "figures", "--conflicts", "--db", str(tmp_path / "c.duckdb"), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["figures"] for line in result.output.splitlines()] == ["killed: 82 people (1 article) / 40 people (1 article)"]
    assert query.require_flag("1", "conflicts") is True and query.require_flag("0", "conflicts") is False
    with pytest.raises(UsageError, match="conflicts 'yes' is not on or off"):
        query.require_flag("yes", "conflicts")


@pytest.mark.parametrize("sentence, places", [
    ("The bombings at U.S. embassies in Nairobi, Kenya, and Dar es Salaam, Tanzania, killed 257 people.", ["KEN", "TZA"]),
    ("The bombings on Aug. 7 killed 247 people in Kenya and 10 in Tanzania.", ["KEN"]),  # the 10 are Tanzania's
    ("The blasts killed scores of people outside embassies of the United States in Kenya and Tanzania.", ["KEN", "TZA"]),
    ("At least seven were reported dead in the Tanzanian capital of Dar es Salaam, and 72 others were hurt.", ["TZA"]),
    ("The United States says more than 1,400 people were killed.", []),  # who says it is no place
    # "one of many" counts no one: its clause's places stay
    ("The terrorist attack in Munich is now one of many which have occurred across the world in recent weeks and follows "
     "upon the heels of the Bastille Day attack in Nice, France, where 84 were killed.", ["DEU", "FRA"]),
])
def test_a_figure_is_placed_by_the_places_its_sentence_says_it_happened_in(sentence, places):
    from newswire import analyze

    figures = analyze(sentence, published="1998-08-08").figures
    assert figures and figures[-1].places == places


@pytest.mark.parametrize("sentence, published, date", [
    ("The parents of two Americans killed in the 2012 attacks on a U.S. compound in Benghazi spoke.", "2016-08-10", "2012"),
    ("Many blamed rhetoric for a shooting at a clinic in Colorado Springs last month that killed three people.", "2015-12-08", "2015-11"),
    ("The bombings on Aug. 7 killed 247 people in Kenya.", "1998-08-20", "1998-08-07"),  # the time that governs it
    ("At least 82 people were killed in Nairobi.", "1998-08-08", "1998-08-08"),  # none: the publication date
])
def test_a_figure_the_text_dates_to_another_time_takes_that_time(sentence, published, date):
    """A sentence citing a past happening dates its figure to it, so the figure is not grouped with today's."""
    from newswire import analyze

    assert [f.date for f in analyze(sentence, published=published).figures] == [date]


def test_a_store_written_before_figures_had_places_is_told_to_be_ingested_once(tmp_path):
    path = tmp_path / "old.duckdb"
    store_of(path, [article("2020-03-01", fig("82 people", 82), n=1)]).close()
    import duckdb

    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE figures DROP COLUMN places")  # as a store of the version before
    con.close()
    with Store(path, read_only=True) as store:
        for ask in (lambda: query.figures(store, conflicts=True), lambda: query.page(store, "figures", limit=10)):
            with pytest.raises(UsageError, match="made before figures had places; run `newswire ingest` on it once"):
                ask()


def test_a_figure_with_no_place_has_place_null_in_the_plain_question_as_other_rows_do(tmp_path):
    analyses = [article("2020-03-01", fig("40 people", 40, places=()), fig("9 people", 9, what="injured"))]
    with store_of(tmp_path / "p.duckdb", analyses) as store:
        rows = query.figures(store).dicts()
    assert sorted((r["what"], r["place"]) for r in rows) == [("injured", "KEN"), ("killed", None)]
