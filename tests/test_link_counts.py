"""The links across articles are kept incrementally (a batch adds its rows to what the corpus entities, quotes and events
count; an article analysed again takes its old ones away): what a store built batch by batch holds is what counting
every link again from all its rows makes (newswire/corpus/link.py, quote_link.py, event_link.py)."""

from __future__ import annotations

import contextlib
import random
from collections import defaultdict

from test_quote_link import add, rows

from newswire.corpus import event_link, link, quote_link
from newswire.corpus.store import Store
from newswire.records import Analysis, Entity, Event, EventActor, Mention, Quote, Span, content_id

# people whose names several articles share, and the countries an article may give them (none, often): one met in
# several countries is split by country
COUNTRIES = {
    "John Kerry": [None, None, "USA", "GBR"], "John F. Kerry": [None, "USA"], "Sergei Lavrov": [None, "RUS"],
    "John Smith": [None, "USA", "GBR", "FRA"], "Ban Ki-moon": [None], "Angela Merkel": [None, None, "DEU"],
}
PEOPLE = list(COUNTRIES)
STATEMENTS = [
    "Syria must hand over every one of its chemical weapons within a week",
    "hand over every one of its chemical weapons",  # a part of the one before
    "Syria must hand over all of its chemical weapons within a week",  # that one lightly edited
    "we will not accept any delay in the talks with Iran",
    "the talks with Iran were constructive and useful",
    "no decision has been taken on the sanctions yet",
]
DAYS = ["2013-09-10", "2013-09-11", "2013-09-13", "2013-09-20", "2013-10-30", None]


def article(rng: random.Random, n: int, countries: dict[str, str | None] | None = None, keep: float = 1.0) -> Analysis:
    """An article naming two or three people (each with a country, or none), quoting some and reporting a meeting of the
    first two. `countries` and `keep` (the share of quotes kept) make the same article analysed otherwise."""
    people = rng.sample(PEOPLE, rng.choice((2, 3)))
    said = [(p, rng.choice(STATEMENTS)) for p in people if rng.random() < 0.8]
    published = rng.choice(DAYS)
    text = f"Story {n}. " + " and ".join(people) + " met. "
    quote_at = []
    for person, words in said:
        quote_at.append(len(text) + 1)
        text += f'"{words}," {person} said. '
    countries = countries if countries is not None else {p: rng.choice(COUNTRIES[p]) for p in people}
    entities = []
    for i, person in enumerate(people, 1):
        start = text.index(person)
        country = countries.get(person)
        entities.append(Entity(id=f"E{i}", name=person, type="PERSON", country=country, actor=f"{country}GOV" if country else None,
                               mentions=[Mention(start, start + len(person), person)]))
    ids = {p: f"E{i}" for i, p in enumerate(people, 1)}
    quotes = [
        Quote(id=f"Q{i}", type="direct", content=Span(at, at + len(words), words), speaker_entity=ids[person], speaker_name=person)
        for i, ((person, words), at) in enumerate(zip(said, quote_at), 1)
        if rng.random() < keep
    ]
    met = text.index(" met")
    actors = [EventActor(e.mentions[0].start, e.mentions[0].end, e.name, entity=e.id, actor=e.actor) for e in entities[:2]]
    sentence = text.index(people[0])
    event = Event(
        id="EV1", cameo="040", cameo_root="04", plover="CONSULT", quad_class=1, goldstein=1.0, trigger=Span(met + 1, met + 4, "met"),
        sentence=Span(sentence, met + 5, text[sentence : met + 5]), source=actors[0], target=actors[1],
        date=rng.choice(DAYS[:4]), mentions=[Span(met + 1, met + 4, "met")],
    )
    return Analysis(id=content_id(text), text=text, published=published, entities=entities, quotes=quotes, events=[event])


def tables(store: Store) -> dict[str, list]:
    return {sql: sorted(map(repr, rows(store, sql))) for sql in (
        "SELECT * FROM corpus_entities", "SELECT * FROM corpus_entity_parts", "SELECT * FROM corpus_quotes", "SELECT * FROM corpus_events",
        f"SELECT article_id, id, {link.shown()} AS corpus_entity FROM entities e", "SELECT article_id, ord, corpus_quote FROM quotes",
        "SELECT article_id, ord, corpus_event FROM events", "SELECT * FROM quote_keys", "SELECT * FROM event_keys",
    )}


def counted_again(store: Store) -> None:
    """Every corpus entity, quote and event counted again from all the rows linked to it (nothing kept is read)."""
    with store._transaction() as con:
        link.recount(con, [i for (i,) in con.execute(f"SELECT DISTINCT {link.shown()} FROM entities e WHERE corpus_entity IS NOT NULL").fetchall()])
        for table, keys, member, link_column, corpus, columns, counted in (
            ("quote_keys", quote_link.QUOTE_KEY_COLUMNS, quote_link.member, "corpus_quote", "corpus_quotes",
             quote_link.CORPUS_QUOTE_COLUMNS, lambda cid, group: {**quote_link.counted(group), "id": cid}),
            ("event_keys", event_link.EVENT_KEY_COLUMNS, event_link._member, "corpus_event", "corpus_events",
             event_link.CORPUS_EVENT_COLUMNS, event_link.counted),
        ):
            names = [n for n, _ in keys]
            groups = defaultdict(list)
            for r in con.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall():
                m = member(dict(zip(names, r)))
                groups[getattr(m, link_column)].append(m)
            con.execute(f"DELETE FROM {corpus}")
            quote_link.insert_rows(con, corpus, columns, [counted(cid, group) for cid, group in groups.items()])


def batches(path, seed: int, store: Store | None = None, last: dict[str, Analysis] | None = None):
    """A store of 60 articles added in batches of 1 to 6, with some stored articles analysed again in between (their
    people given other countries, some quotes dropped); yields the store after each batch. `last` collects each
    article's last analysis."""
    rng = random.Random(seed)
    stored: list[tuple[int, Analysis]] = []
    last = {} if last is None else last
    n = 0
    with contextlib.nullcontext(store) if store is not None else Store(path) as store:
        while n < 60:
            batch = []
            for _ in range(rng.randint(1, 6)):
                n += 1
                batch.append(article(random.Random(seed * 1000 + n), n))
            add(store, *batch)
            stored += [(int(a.text.split(".")[0].split()[1]), a) for a in batch]
            last.update((a.id, a) for a in batch)
            yield store
            if rng.random() < 0.4:  # analysed again: the same text, its records otherwise
                again = []
                for number, old in rng.sample(stored, min(len(stored), rng.randint(1, 3))):
                    countries = {e.name: rng.choice(COUNTRIES[e.name]) for e in old.entities}
                    redo = article(random.Random(seed * 1000 + number), number, countries=countries, keep=0.5)
                    assert redo.id == old.id
                    again.append(redo)
                store.add_results(again, [], run_id=1)
                last.update((a.id, a) for a in again)
                yield store


@contextlib.contextmanager
def one_batch(path, seed: int, last: dict[str, Analysis]):
    """A store of these last analyses added in one batch, in an order of their own (shuffled by `seed`)."""
    finals = sorted(last.values(), key=lambda a: a.id)
    random.Random(seed).shuffle(finals)
    with Store(path) as one:
        add(one, *finals)
        yield one


def test_links_kept_batch_by_batch_are_those_counted_from_all_rows(tmp_path):
    seen = defaultdict(int)
    for seed in range(4):
        for step, store in enumerate(batches(tmp_path / f"{seed}.duckdb", seed)):
            kept = tables(store)
            seen["parts"] += bool(kept["SELECT * FROM corpus_entity_parts"])
            seen["split"] += any(r["country"] for r in rows(store, "SELECT country FROM corpus_entities WHERE key = 'john kerry'"))
            seen["quotes"] += any(r["num_articles"] > 2 for r in rows(store, "SELECT num_articles FROM corpus_quotes"))
            seen["events"] += any(r["num_articles"] > 1 for r in rows(store, "SELECT num_articles FROM corpus_events"))
            # every quote key under the corpus entity its quote's speaker entity is linked to now (splits relink them)
            assert rows(store, f"""SELECT count(*) AS n FROM quote_keys k JOIN quotes q USING (article_id, ord)
                                  JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker_entity
                                  WHERE k.speaker IS DISTINCT FROM e.corpus_entity OR k.country IS DISTINCT FROM e.country
                                     OR k.speaker_entity IS DISTINCT FROM q.speaker_entity
                                     OR q.corpus_quote IS DISTINCT FROM k.corpus_quote""") == [{"n": 0}]
            counted_again(store)
            assert tables(store) == kept, (seed, step)
    # the cases being checked happen: corpus entities with parts, a name split by country, quotes and events linked across articles
    assert min(seen.values()) > 5, seen


def test_quotes_of_a_split_speaker_batch_by_batch_are_linked_as_in_one_batch(tmp_path, monkeypatch):
    """A speaker's key split by country (layout @3, issue 15) moves none of its stored quotes: only its corpus quotes
    with quotes of two countries (`mixed`: of the first country and of none) are taken apart and linked again
    (`quote_link.split_apart`); the others keep their ids, and their speaker shown follows the key's rule. The links
    then equal those of the same articles stored in one batch (where nothing stored is linked again), for random batch
    sizes and orders."""
    ways = defaultdict(int)
    split_apart = quote_link.split_apart

    def counting(con, speakers):
        out = split_apart(con, speakers)
        if speakers:
            ways["split"] += 1
            ways["linked again" if out else "nothing linked again"] += 1
        return out

    monkeypatch.setattr(quote_link, "split_apart", counting)
    sqls = ("SELECT * FROM corpus_quotes", "SELECT article_id, ord, corpus_quote FROM quotes", "SELECT * FROM quote_keys",
            f"SELECT article_id, id, {link.shown()} AS corpus_entity FROM entities e")
    for seed in range(6):
        rng = random.Random(seed)
        made = [article(random.Random(seed * 1000 + n), n) for n in range(1, 41)]
        rng.shuffle(made)
        results = []
        for name, sizes in (("one", [len(made)]), ("batches", None)):
            with Store(tmp_path / f"{seed}-{name}.duckdb") as store:
                start = 0
                while start < len(made):
                    size = sizes[0] if sizes else rng.randint(1, 4)
                    add(store, *made[start : start + size])
                    start += size
                results.append({sql: sorted(map(repr, rows(store, sql))) for sql in sqls})
        assert results[0] == results[1], seed
    assert ways["split"] > 5 and ways["nothing linked again"] > 2 and ways["linked again"] > 2, dict(ways)


def test_quotes_of_a_split_speaker_link_as_when_all_are_linked_again(tmp_path, monkeypatch):
    """`quote_link.split_apart` (only the mixed corpus quotes of a split speaker linked again) against linking every
    stored quote of the speaker's key again (`quote_link.whole_again`), on the same batches with articles analysed
    again in between (their people given other countries): every link table the same after every batch."""
    ways = defaultdict(int)
    split_apart = quote_link.split_apart

    def counting(con, speakers):
        ways["split"] += bool(speakers)
        return split_apart(con, speakers)

    for seed in range(4):
        kept = []
        for name, way in (("apart", counting), ("again", quote_link.whole_again)):
            monkeypatch.setattr(quote_link, "split_apart", way)
            kept.append([tables(store) for store in batches(tmp_path / f"{seed}-{name}.duckdb", seed)])
        assert kept[0] == kept[1], seed
    assert ways["split"] >= 3, dict(ways)


def test_links_kept_with_articles_analysed_again_are_those_of_the_last_analyses_linked_in_one_batch(tmp_path):
    """Articles analysed again between batches (their people given other countries, some quotes dropped) take their old
    links away: a corpus quote or event they held together comes apart, a corpus quote whose canonical quote they had
    takes its new canonical's id, a name split by country that is left with one country is one corpus entity again.
    Every link table then equals that of the same last analyses stored in one batch, in another order."""
    for seed in range(5):
        last: dict[str, Analysis] = {}
        for store in batches(tmp_path / f"{seed}.duckdb", seed, last=last):
            kept = tables(store)
        with one_batch(tmp_path / f"{seed}-one.duckdb", seed, last) as one:
            scratch = tables(one)
        assert kept == scratch, seed
