"""`quotes --speaker` and the timeline by name paged from the counts the store keeps per article (query._page_by_article,
tally.keep_rows): always the rows and total of the question's own SQL, whatever the page, order and name."""

from __future__ import annotations

import random

import pytest

from newswire.corpus import query, tally
from newswire.corpus.store import DUPLICATE, Entry, Failure, Store
from newswire.records import Analysis, Article, Cue, Entity, Event, EventActor, Mention, Quote, Span, content_id

from test_link import add

PEOPLE = ["Ann Lee", "Bo Lee", "Carla Mendes", "Dmitri Orlov", "Eve Stone"]  # "Lee" is two people
COUNT = 90
# quotes' confidences: under the floor, at it, above it, at and around other floors of tenths, none
CONFIDENCES = [None, 0.0, 0.1, 0.29, 0.3, 0.31, 0.5, 0.7, 0.69, 0.9, 1.0]


def _article(rng: random.Random, n: int) -> Analysis:
    """A random article: some of the people, each mentioned a few times (or not at all), quoting (speaker as written,
    as resolved, with or without an entity) and acting on each other (on themselves too), dated with many ties or undated."""
    words: list[str] = []

    def put(text: str) -> Span:
        start = sum(len(w) + 1 for w in words)
        words.append(text)
        return Span(start, start + len(text), text)

    entities, quotes, events = [], [], []
    for e, name in enumerate(rng.sample(PEOPLE, rng.randint(1, 4)), 1):
        mentions = [Mention(*(lambda s: (s.start, s.end, s.text))(put(name.split()[-1] if m else name))) for m in range(rng.randint(0, 3))]
        entities.append(Entity(id=f"E{e}", name=name, type="PERSON", mentions=mentions))
    for q in range(rng.randint(0, 4)):
        speaker = rng.choice(entities)
        written = rng.choice([speaker.name, f"Minister {speaker.name.split()[-1]}", "the official"])
        content = put(f"words {n} {q} {rng.random():.6f}")
        cue = put("said")
        quotes.append(Quote(id=f"Q{q + 1}", type=rng.choice(["direct", "indirect"]), content=content,
                            cue=Cue(cue.start, cue.end, cue.text, "say"), speaker=put(written),
                            speaker_entity=rng.choice([speaker.id, None]), speaker_name=rng.choice([speaker.name, None, written]),
                            confidence=rng.choice(CONFIDENCES)))
    for v in range(rng.randint(0, 3)):
        source, target = rng.choice(entities), rng.choice(entities + [None])
        trigger = put(f"met{v}")
        events.append(Event(id=f"EV{v + 1}", cameo="040", cameo_root="04", plover=None, quad_class=1, goldstein=1.0,
                            trigger=trigger, sentence=Span(0, trigger.end, " ".join(words)[: trigger.end]),
                            source=EventActor(0, 1, "x", entity=source.id),
                            target=EventActor(0, 1, "y", entity=target.id) if target else None, mentions=[trigger]))
    text = " ".join(words) + f" Story {n}."
    published = rng.choice([None, "2024-01-01", "2024-01-02", "2024-01-03", f"2024-02-{1 + n % 28:02d}"])
    return Analysis(id=content_id(text), text=text, published=published, entities=entities, quotes=quotes, events=events)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rng = random.Random(15)
    path = tmp_path_factory.mktemp("paged") / "corpus.duckdb"
    with Store(path) as s:
        analyses = [_article(rng, n) for n in range(COUNT)]
        for start in range(0, COUNT, 16):  # batches, as an ingest stores them
            add(s, *analyses[start : start + 16])
        for a in analyses[:6]:  # analysed again, with other records
            again = _article(rng, 1000 + COUNT)
            add(s, Analysis(id=a.id, text=a.text, published=a.published, entities=again.entities, quotes=again.quotes, events=again.events))
        s.add_results([], [Failure(document="d", stage="analyze", reason="internal", message="boom", article_id=analyses[7].id)], run_id=1)
        copy = analyses[8]
        twin = f"{copy.text} (copy)"
        s.add_entries([Entry(Article(text=twin), content_id(twin), len(twin), DUPLICATE, "fp", None, duplicate_of=copy.id)], [], run_id=1)
        assert s.tallies_current()
        yield s


def _plain(store, question, **options):
    saved = query._page_by_article
    query._page_by_article = lambda *args: None
    try:
        return query.page(store, question, **options)
    finally:
        query._page_by_article = saved


# the most named (two people), one person in any case, a speaker as written, a name absent
@pytest.mark.parametrize("name", ["Lee", "carla mendes", "Minister Stone", "Nobody Here"])
@pytest.mark.parametrize("question, option, date, floor", [
    ("quotes", "speaker", "published", None),  # the default: QUOTE_FLOOR
    ("quotes", "speaker", "published", 0),  # every quote, those without a confidence too
    ("quotes", "speaker", "published", 0.7),  # another floor of tenths
    ("timeline", "entity", "date", None),
])
def test_every_page_is_the_page_of_the_plain_sql(store, name, question, option, date, floor):
    asked = {} if floor is None else {"min_confidence": floor}
    # the options as the page passes them on (the floor of quotes made explicit: 0 is none)
    fast_options = query._quote_options(question, {option: name, **asked})
    whole = _plain(store, question, limit=10_000, **{option: name}, **asked)
    if question == "quotes":  # the floor left some of the name's quotes out, or (at 0) none
        every = _plain(store, question, limit=10_000, **{option: name}, min_confidence=0).total
        assert whole.total == every if floor == 0 else (whole.total < every or every == 0)
    checked = 0
    for sort in (None, date, f"-{date}"):
        for limit, offset in [(100, 0), *((n, o) for n in (1, 7) for o in (0, 3, whole.total - 1, whole.total + 5))]:
            if offset < 0:
                continue
            fast = query._page_by_article(store, question, fast_options, limit, offset, sort)
            plain = _plain(store, question, limit=limit, offset=offset, sort=sort, **{option: name}, **asked)
            assert fast is not None
            assert (fast.total, fast.rows.columns, fast.rows.rows) == (plain.total, plain.rows.columns, plain.rows.rows), (sort, limit, offset)
            if limit == 7:  # the public page takes it
                assert query.page(store, question, limit=limit, offset=offset, sort=sort, **{option: name}, **asked).rows.rows == plain.rows.rows
            checked += bool(plain.rows.rows)
    assert whole.total == 0 or checked  # a name with rows was compared on pages that hold some
    if name == "Nobody Here":
        assert whole.total == 0


def test_the_first_rows_of_the_cli_are_those_of_the_plain_sql(store):
    for name in ("Lee", "Eve Stone"):
        for floor in (query.QUOTE_FLOOR, 0, 0.7):
            plain = query._rows(store, query._quotes(speaker=name, min_confidence=floor or None), None).rows[:5]
            assert query.quotes(store, speaker=name, limit=5, min_confidence=floor).rows == plain
        assert query.quotes(store, speaker=name, limit=5).rows == query.quotes(store, speaker=name, limit=5, min_confidence=query.QUOTE_FLOOR).rows
        assert query.timeline(store, entity=name, limit=5).rows == query._rows(store, query._timeline(entity=name), None).rows[:5]


def test_other_filters_and_sorts_take_the_plain_sql(store):
    assert query._page_by_article(store, "quotes", {"speaker": "Lee", "type": "direct"}, 10, 0, None) is None
    assert query._page_by_article(store, "quotes", {"speaker": "Lee", "min_confidence": 0.35}, 10, 0, None) is None  # not kept in tenths
    assert query._page_by_article(store, "quotes", {"speaker": "Lee", "min_confidence": query.QUOTE_FLOOR}, 10, 0, None) is not None
    assert query._page_by_article(store, "quotes", {"speaker": "Lee"}, 10, 0, "-confidence") is None
    assert query._page_by_article(store, "timeline", {"entity": "Lee"}, 10, 0, "kind") is None
    assert query._page_by_article(store, "events", {"actor": "USA"}, 10, 0, None) is None


def test_the_kept_counts_are_those_counted_from_the_stored_rows(store):
    """What batches kept (tally.keep_rows, from the rows in memory) equals what a rebuild counts from the tables."""
    def kept(con):
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in ("quote_speakers", "entity_rows")}

    with store.session() as con:
        before = kept(con)
        assert before["quote_speakers"] and before["entity_rows"]
        con.execute("BEGIN")
        try:
            tally.keep_stored(con)
            assert kept(con) == before
        finally:
            con.execute("ROLLBACK")
