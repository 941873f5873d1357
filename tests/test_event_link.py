"""One happening across articles (newswire/corpus/event_link.py) and its tables in the store."""

from __future__ import annotations

import itertools

import pytest

from test_quote_link import add, rows

from newswire.corpus import event_link, link
from newswire.corpus.store import Store
from newswire.records import Analysis, Entity, Event, EventActor, Mention, Place, Span, content_id

_n = itertools.count(1)


def article(
    source: str = "John Kerry", target: str | None = "Sergei Lavrov", *, plover: str = "CONSULT", cameo: str = "040",
    date: str | None = "2013-09-13", published: str = "2013-09-13", url: str | None = None, modality: str = "asserted",
    source_actor: str | None = "USAGOV", target_actor: str | None = "RUSGOV", place: tuple[str, str] | None = None,
    implicit: bool = False, detail: str = "",
) -> Analysis:
    """An article reporting one event: `source` did `plover` to `target`."""
    verb = {"CONSULT": "met", "ASSAULT": "attacked", "ACCUSE": "accused"}.get(plover, "acted on")
    text = f"{source} {verb} {target or 'nobody'}" + (f" in {place[0]}" if place else "") + detail + f". Story {next(_n)}."
    entities, actors = [], []
    for name, actor in ((source, source_actor), (target, target_actor)):
        if name is None:
            actors.append(None)
            continue
        start = text.index(name)
        entities.append(Entity(id=f"E{len(entities) + 1}", name=name, type="PERSON", country=actor[:3] if actor else None,
                               actor=actor, mentions=[Mention(start, start + len(name), name, "nominal" if name[0].islower() else "name")]))
        actors.append(EventActor(start, start + len(name), name, entity=entities[-1].id, actor=actor))
    trigger = text.index(verb)
    location = None
    if place:
        start = text.index(place[0])
        location = Place(start, start + len(place[0]), place[0], country=place[1])
    event = Event(
        id="EV1", cameo=cameo, cameo_root=cameo[:2], plover=plover, quad_class=1, goldstein=1.0,
        trigger=Span(trigger, trigger + len(verb), verb), sentence=Span(0, text.index(".") + 1, text[: text.index(".") + 1]),
        source=actors[0], target=actors[1], date=date, location=location, modality=modality,
        mentions=[Span(trigger, trigger + len(verb), verb)],
    )
    if implicit:
        event.source.implicit = True
    return Analysis(id=content_id(text), text=text, url=url, published=published, entities=entities, events=[event])


def links(store: Store) -> dict[str, str | None]:
    return {r["article_id"]: r["corpus_event"] for r in rows(store, "SELECT article_id, corpus_event FROM events")}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as s:
        yield s


def test_one_happening_in_several_outlets_is_one_corpus_event(store):
    a = article(url="https://a.example/1", published="2013-09-13")
    b = article(url="https://b.example/2", published="2013-09-14", date="2013-09-13")
    c = article(url="https://a.example/3", published="2013-09-14", date="2013-09-14")  # a day later: the same meeting
    add(store, a)
    add(store, b, c)
    linked = links(store)
    assert linked[a.id] is not None and linked[a.id] == linked[b.id] == linked[c.id]
    (row,) = rows(store, "SELECT * FROM corpus_events")
    assert row["id"] == linked[a.id]
    assert (row["plover"], row["cameo"], row["source_actor"], row["target_actor"]) == ("CONSULT", "040", "USAGOV", "RUSGOV")
    assert (row["events"], row["num_articles"], row["num_sources"], row["num_mentions"]) == (3, 3, 2, 3)
    assert (row["first_article"], row["first_published"], row["last_published"], row["date"]) == (a.id, "2013-09-13", "2013-09-14", "2013-09-13")
    kerry = rows(store, f"SELECT {link.shown()} AS c FROM entities e WHERE article_id = '{a.id}' AND id = 'E1'")[0]["c"]
    assert row["source_entity"] == kerry


@pytest.mark.parametrize(
    "other",
    [
        dict(date="2013-09-16"),  # the same pair meeting three days later: another meeting
        dict(plover="ACCUSE", cameo="112"),  # another type
        dict(target="Mohammad Zarif", target_actor="IRNGOV"),  # another target
        dict(source="John Smith", source_actor="USAGOV"),  # another person of the same code
        dict(target=None, target_actor=None),  # no target, another sentence: "Kerry met nobody"
    ],
)
def test_other_happenings_stay_apart(store, other):
    a, b = article(), article(**other)
    add(store, a, b)
    linked = links(store)
    assert linked[a.id] is not None and linked[b.id] is not None
    assert linked[a.id] != linked[b.id]
    assert len(rows(store, "SELECT id FROM corpus_events")) == 2


@pytest.mark.parametrize(
    "unsafe",
    [
        dict(date=None),  # no date
        dict(date="2013-09"),  # a month: too coarse
        dict(modality="negated"),  # "did not meet": no happening
        dict(modality="intended"),
        dict(implicit=True),  # a source taken from the article's focus, not named
        dict(source_actor=None, source="the delegation"),  # a source no entity key nor code names
    ],
)
def test_an_event_that_cannot_be_linked_safely_stays_alone(store, unsafe):
    a, b = article(), article(**unsafe)
    add(store, a, b)
    linked = links(store)
    assert linked[b.id] is None
    assert rows(store, "SELECT num_articles FROM corpus_events") == [{"num_articles": 1}]


def test_an_actor_whose_words_name_another_person_than_its_entity_stays_alone(store):
    a, b = article(), article(source="Bill Kerry")
    b.entities[0].name = "John Kerry"  # the article resolved "Bill Kerry" to its John Kerry
    add(store, a, b)
    assert links(store)[b.id] is None


def test_statements_of_the_same_people_are_one_only_if_their_sentences_share_words(store):
    detail = " of hiding chemical weapons from the inspectors near Damascus"
    a = article(plover="ACCUSE", cameo="112", detail=detail, url="https://a.example/1")
    b = article(plover="ACCUSE", cameo="112", detail=detail.replace("hiding", "concealing"), url="https://b.example/2")
    c = article(plover="ACCUSE", cameo="112", detail=" of lying about the sanctions and the talks in Geneva")  # another accusation
    add(store, a, b, c)
    linked = links(store)
    assert linked[a.id] == linked[b.id] != linked[c.id]


def test_without_a_target_only_a_copy_of_the_sentence_links(store):
    detail = " after the talks in Geneva over the chemical weapons of Syria"
    a = article(target=None, target_actor=None, plover="AGREE", cameo="057", detail=detail, url="https://a.example/1")
    b = article(target=None, target_actor=None, plover="AGREE", cameo="057", detail=detail, url="https://a.example/2")  # a new version
    c = article(target=None, target_actor=None, plover="AGREE", cameo="057", detail=" to cut taxes for the working poor next year")
    d = article(target=None, target_actor=None, plover="ACCUSE", cameo="112", detail=detail)  # the same words, another type
    add(store, a, b, c, d)
    linked = links(store)
    assert linked[a.id] == linked[b.id]
    assert len({linked[a.id], linked[c.id], linked[d.id]}) == 3


def test_places_must_agree_when_both_are_known(store):
    a = article(plover="ASSAULT", cameo="190", place=("Aleppo", "SYR"))
    b = article(plover="ASSAULT", cameo="190", place=("Mosul", "IRQ"))
    c = article(plover="ASSAULT", cameo="190")  # no place: either, so neither (which one is a guess)
    d = article(plover="ASSAULT", cameo="190", place=("Aleppo", "SYR"))
    add(store, a, b, c)
    add(store, d)
    linked = links(store)
    assert linked[a.id] == linked[d.id]
    assert len({linked[a.id], linked[b.id], linked[c.id]}) == 3


def stored_in_orders(tmp_path, made: list[Analysis], orders: list[list[int]]) -> list[tuple]:
    results = []
    for n, order in enumerate(orders):
        with Store(tmp_path / f"order{n}.duckdb") as s:
            for i in order:
                add(s, made[i])
            results.append((
                sorted(tuple(r.values()) for r in rows(s, "SELECT * FROM corpus_events")),
                sorted(tuple(r.values()) for r in rows(s, "SELECT article_id, ord, corpus_event FROM events")),
            ))
    return results


def test_the_corpus_events_do_not_depend_on_the_order_of_the_articles(tmp_path):
    made = [
        article(date="2013-09-13", url="https://a.example/1"),
        article(date="2013-09-15", url="https://b.example/2"),
        article(date="2013-09-14", url="https://c.example/3"),  # the same as both, but 13 and 15 are not: no chain
        article(date="2013-09-20", url="https://d.example/4"),
        article(plover="ACCUSE", cameo="112", date="2013-09-14"),
    ]
    results = stored_in_orders(tmp_path, made, [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]])
    assert results[0] == results[1] == results[2]
    events = {r[0]: r for r in results[0][1]}
    assert events[made[0].id][2] == events[made[2].id][2]
    assert len({events[m.id][2] for m in made}) == 4


def test_analysing_again_relinks(store):
    a, b = article(url="https://a.example/1"), article(url="https://b.example/2")
    add(store, a, b)
    add(store, b)  # analysed again: its old keys are forgotten, its event linked again
    assert len(set(links(store).values())) == 1
    assert rows(store, "SELECT events, num_articles FROM corpus_events") == [{"events": 2, "num_articles": 2}]
    assert rows(store, "SELECT count(*) AS n FROM event_keys") == [{"n": 2}]


def test_the_stories_question_lists_happenings_by_sources_with_their_evidence(tmp_path):
    from conftest import newswire_cli

    from newswire.corpus import query

    path = tmp_path / "corpus.duckdb"
    detail = " in Geneva over the chemical weapons of Syria"
    made = [
        article(detail=detail, url="https://a.example/1", published="2013-09-13"),
        article(detail=detail, url="https://www.b.example/2", published="2013-09-14", date="2013-09-13"),
        article(detail=detail, url="https://a.example/3", published="2013-09-14", date="2013-09-13"),  # a second report of outlet a
        article(plover="ASSAULT", cameo="190", source="Bashar Assad", source_actor="SYRGOV", target="Abu Omar", target_actor="SYRREB",
                url="https://c.example/4", published="2013-09-20", date="2013-09-20"),  # reported once
    ]
    with Store(path) as s:
        add(s, *made)
    with Store(path, read_only=True) as s:
        rows = query.stories(s).dicts()
        ids = [r["article_id"] for r in rows]
        assert ids[0] == made[0].id and sorted(ids[1:]) == sorted([made[1].id, made[2].id])  # by date, then article id
        first = rows[0]
        assert (first["type"], first["source"], first["target"], first["sources"], first["articles"], first["date"]) == (
            "CONSULT", "John Kerry", "Sergei Lavrov", 2, 3, "2013-09-13")
        assert {r["outlet"] for r in rows} == {"a.example", "b.example"}
        text = made[1].text
        second = next(r for r in rows if r["article_id"] == made[1].id)
        assert second["evidence"] == text[second["start"] : second["end"]] and second["trigger"] == "met"
        assert len(query.stories(s, min_sources=1).dicts()) == 4
        (story,) = {r["story"] for r in rows}
        assert [r["article_id"] for r in query.stories(s, story=story).dicts()] == ids
        assert query.stories(s, min_sources=1, type="ASSAULT").dicts()[0]["article_id"] == made[3].id
        assert query.stories(s, min_sources=1, start="2013-09-15").dicts()[0]["type"] == "ASSAULT"
    result = newswire_cli("query", "stories", "--db", str(path), "-f", "jsonl")
    assert result.returncode == 0 and result.stdout.count("\n") == 3 and '"sources": 2' in result.stdout
    bad = newswire_cli("query", "stories", "--db", str(path), "--type", "PARTY")
    assert bad.returncode != 0 and bad.stderr.startswith("Error:") and "Traceback" not in bad.stderr


def _partition_by_definition(pool):
    """`partition` as its docstring defines it: every cluster is tried (the indexed one must give the same clusters)."""
    clusters = []
    for m in sorted(pool, key=lambda m: (m.place_country is None, m.day, m.article_id, m.ord)):
        fits = [c for c in clusters if all(event_link.same(m, other) for other in c)]
        if len(fits) == 1:
            fits[0].append(m)
        else:
            clusters.append([m])
    return clusters


def test_the_indexed_partition_gives_the_clusters_of_its_definition():
    import random

    rng = random.Random(5)
    families = sorted(set(event_link.families().values()))[:3]
    for _ in range(30):
        pool = []
        for n in range(rng.randint(5, 60)):
            family = rng.choice(families)
            plover = sorted(p for p, f in event_link.families().items() if f == family)[0]
            key = rng.choice([None, "ann lee\x1fUSA", "ann lee\x1fGBR", "ann lee\x1f", "bo kim\x1fUSA"])
            pool.append(event_link.Member(
                article_id=f"a{rng.randint(0, 12)}", ord=n, family=family, plover=plover, cameo="",
                day=f"2015-01-{rng.randint(1, 6):02d}", source_key=key,
                source_actor=rng.choice([None, "USA", "USAGOV", "USAPTY", "GBR", "US"]) if key is None else None,
                source_entity=None, target_key=rng.choice([None, "cy wu\x1fCHN"]), target_actor=rng.choice([None, "CHN", "CHNGOV"]),
                target_entity=None, place=None, place_country=rng.choice([None, "USA", "CHN"]), place_feature=None,
                place_city=False, mentions=1, published=None, source="s",
                words=" ".join(rng.sample(["talks", "troops", "border", "aid", "deal", "strike", "leader", "vote"], 5))))
        want = [[m.node for m in c] for c in _partition_by_definition(pool)]
        assert [[m.node for m in c] for c in event_link.partition(pool)] == want
