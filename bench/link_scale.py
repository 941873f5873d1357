"""What linking across articles costs as the corpus grows: the link step alone, per 1,000 new articles.

    python bench/link_scale.py --sizes 10000,100000 [--json] [--keep DIR]

How the stores are made (synthetic rows, shaped like news; no model is run):

  names       people are a first name and a surname drawn from 400 x 5,000
              (2 million possible names), organisations and places from
              20,000 two-word names; which one an article names is drawn from
              a Zipf law (exponent 1.1, over 60,000 people and 20,000
              organisations and places), so a few are in thousands of
              articles and most in one or two, as in a news feed; each person
              has a country (one of 40; none for a fifth), and 1 article in 50
              gives a person another country (an ambiguous name, or an error);
  articles    12 entities each (5 people, 5 organisations or places, 2
              countries named "U.S."-style), 2.5 mentions each on average,
              3 quotes by the people named: 15 words drawn from 3,000, or, one
              time in four, a copy (exact, trimmed or edited) of a quote of the
              same person from the last 7 days; 4 events, 85% asserted, of a
              PLOVER type (Zipf over the 16) dated the article's day or the one
              before, from one entity of the article to another, its sentence
              12 words drawn from 3,000, or, one time in three, another report
              of a happening of the last 2 days (its type, actors and date,
              its sentence with 2 words changed); 100 articles a day;
  writing     `Store.add_results`, batches of 5,000 to build, so the store
              links as an ingest does (`corpus/link.py`, `corpus/quote_link.py`,
              `corpus/event_link.py`).

Measured, for each size: 1,000 new articles (dated after the store's last
day, made the same way) stored in batches of 32 as an ingest stores them
(the file held open), with the link step alone timed: the functions
`store._add_results` calls for it (`_link`: entities and quotes, with their
lookups and writes; `recount`s; what a re-analysed article needs), summed;
and its memory: the process's peak resident memory (DuckDB's buffers
included) before and after the 1,000 (the link step holds only a batch's
rows and the rows its keys fetch). The event linking inside it
(`event_link`'s functions) is also timed on its own (`events_link_s_per_1000`).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newswire.corpus import event_link, link, quote_link, store as store_module  # noqa: E402
from newswire.corpus.store import PENDING, Entry, Store  # noqa: E402
from newswire.records import Analysis, Article, Entity, Event, EventActor, Mention, Quote, Span, content_id  # noqa: E402

START = date(2015, 1, 1)
PER_DAY = 100
BUILD_BATCH = 5000
BATCH = 32
NEW = 1000
COUNTRIES = ["USA", "GBR", "FRA", "DEU", "RUS", "CHN", "SYR", "IRN", "ISR", "EGY", "TUR", "IND", "PAK", "AFG", "IRQ", "JPN", "KOR",
             "PRK", "UKR", "POL", "ITA", "ESP", "BRA", "MEX", "CAN", "AUS", "NGA", "KEN", "ZAF", "ETH", "SDN", "YEM", "SAU", "ARE",
             "QAT", "LBN", "JOR", "GRC", "NLD", "BEL"]
COUNTRY_NAMES = {"USA": "U.S.", "GBR": "Britain", "FRA": "France", "DEU": "Germany", "RUS": "Russia", "CHN": "China"}


def _syllables(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(["ka", "lo", "mi", "ra", "te", "son", "ber", "ga", "vin", "dor", "el", "an", "is", "ur"]) for _ in range(n))


class World:
    """The people, organisations and words a synthetic feed names (seeded)."""

    def __init__(self, seed: int = 18):
        rng = random.Random(seed)
        first = [_syllables(rng, 2).title() for _ in range(400)]
        last = [_syllables(rng, 3).title() for _ in range(5000)]
        self.people = [(rng.choice(first) + " " + rng.choice(last), rng.choice(COUNTRIES) if rng.random() > 0.2 else None) for _ in range(60_000)]
        self.orgs = [f"{_syllables(rng, 2).title()} {rng.choice(['Group', 'Party', 'Bank', 'Ministry', 'Council', 'Airlines', 'Front'])}"
                     for _ in range(20_000)]
        self.words = [_syllables(rng, rng.randint(1, 3)) for _ in range(3000)]
        self.person_weights = [1 / (i + 1) ** 1.1 for i in range(len(self.people))]
        self.org_weights = [1 / (i + 1) ** 1.1 for i in range(len(self.orgs))]
        self.said: dict[int, list[tuple[int, str]]] = {}  # person → (day, quote) recently
        self.happened: list[tuple] = []  # (day, plover, cameo, date, source, target, words): happenings of the last days
        self.plovers = [("ACCUSE", "112"), ("SUPPORT", "051"), ("CONSULT", "040"), ("ASSAULT", "190"), ("REJECT", "120"),
                        ("AGREE", "057"), ("REQUEST", "020"), ("THREATEN", "138"), ("COERCE", "173"), ("PROTEST", "141"),
                        ("COOPERATE", "061"), ("AID", "070"), ("SANCTION", "163"), ("MOBILIZE", "150"), ("CONCEDE", "080"),
                        ("RETREAT", "087")]
        self.plover_weights = [1 / (i + 1) for i in range(len(self.plovers))]

    def article(self, n: int, rng: random.Random) -> Analysis:
        day = n // PER_DAY
        published = (START + timedelta(days=day)).isoformat()
        people = rng.choices(range(len(self.people)), weights=self.person_weights, k=5)
        orgs = rng.choices(range(len(self.orgs)), weights=self.org_weights, k=5)
        countries = rng.sample(COUNTRIES, 2)
        parts, entities, offset = [], [], 0

        def mention(text: str) -> Mention:
            nonlocal offset
            m = Mention(offset, offset + len(text), text)
            parts.append(text + ". ")
            offset += len(text) + 2
            return m

        persons = list(dict.fromkeys(people))
        for p in persons:
            name, country = self.people[p]
            if rng.random() < 0.02:
                country = rng.choice(COUNTRIES)
            mentions = [mention(name)] + [mention(name.split()[-1]) for _ in range(rng.randint(0, 3))]
            entities.append(Entity(id=f"E{len(entities) + 1}", name=name, type="PERSON", country=country, mentions=mentions))
        for o in dict.fromkeys(orgs):
            mentions = [mention(self.orgs[o]) for _ in range(rng.randint(1, 3))]
            entities.append(Entity(id=f"E{len(entities) + 1}", name=self.orgs[o], type="ORG", mentions=mentions))
        for c in countries:
            name = COUNTRY_NAMES.get(c, c.title())
            entities.append(Entity(id=f"E{len(entities) + 1}", name=name, type="GPE", country=c, actor=c, mentions=[mention(name)]))
        quotes = []
        speakers = [e for e in entities if e.type == "PERSON"][:3]
        for i, speaker in enumerate(speakers):
            key = persons[i]
            recent = [(d, q) for d, q in self.said.get(key, []) if day - d <= 7]
            if recent and rng.random() < 0.25:
                text = rng.choice(recent)[1].split()
                kind = rng.random()
                if kind < 0.33:
                    text = text[rng.randint(1, 3):]
                elif kind < 0.66:
                    text[rng.randrange(len(text))] = rng.choice(self.words)
                text = " ".join(text)
            else:
                text = " ".join(rng.choices(self.words, k=15))
            self.said.setdefault(key, []).append((day, text))
            self.said[key] = self.said[key][-20:]
            start = offset + 1
            parts.append(f'"{text}" said. ')
            offset += len(text) + 9
            quotes.append(Quote(id=f"Q{len(quotes) + 1}", type="direct", content=Span(start, start + len(text), text),
                                speaker_entity=speaker.id, speaker_name=speaker.name))
        events = self.events(day, published, entities, persons, orgs, rng, parts, offset)
        text = "".join(parts) + f"Item {n}."
        return Analysis(id=content_id(text), text=text, published=published, entities=entities, quotes=quotes, events=events)

    def events(self, day: int, published: str, entities: list[Entity], persons: list[int], orgs: list[int], rng: random.Random,
               parts: list[str], offset: int) -> list[Event]:
        """4 events between the article's entities; one in three another report of a recent happening (adding its actors)."""
        keys = {("P", p): e for p, e in zip(persons, entities)}
        keys |= {("O", o): e for o, e in zip(dict.fromkeys(orgs), entities[len(persons):])}
        self.happened = [h for h in self.happened if day - h[0] <= 2][-400:]
        out = []
        for k in range(4):
            if self.happened and rng.random() < 1 / 3:
                _, plover, cameo, date, src, tgt, words = rng.choice(self.happened)
                words = list(words)
                for _ in range(2):
                    words[rng.randrange(len(words))] = rng.choice(self.words)
            else:
                plover, cameo = rng.choices(self.plovers, weights=self.plover_weights)[0]
                date = (START + timedelta(days=day - rng.randint(0, 1))).isoformat()
                src, tgt = rng.sample(list(keys), 2)
                words = rng.choices(self.words, k=12)
                self.happened.append((day, plover, cameo, date, src, tgt, tuple(words)))
            actors = []
            for key in (src, tgt):
                if key not in keys:
                    name, country = self.people[key[1]] if key[0] == "P" else (self.orgs[key[1]], None)
                    keys[key] = Entity(id=f"E{len(entities) + 1}", name=name, type="PERSON" if key[0] == "P" else "ORG", country=country,
                                       mentions=[])
                    entities.append(keys[key])
                entity = keys[key]
                start = offset
                parts.append(entity.name + " ")
                offset += len(entity.name) + 1
                entity.mentions.append(Mention(start, start + len(entity.name), entity.name))
                actors.append(EventActor(start, start + len(entity.name), entity.name, entity=entity.id,
                                         actor=f"{entity.country}GOV" if entity.country else None))
            sentence = " ".join(words)
            start = offset
            parts.append(sentence + ". ")
            offset += len(sentence) + 2
            trigger = Span(start, start + len(words[0]), words[0])
            out.append(Event(
                id=f"EV{k + 1}", cameo=cameo, cameo_root=cameo[:2], plover=plover, quad_class=1, goldstein=0.0, trigger=trigger,
                sentence=Span(start, start + len(sentence), sentence), source=actors[0], target=actors[1], date=date,
                modality="asserted" if rng.random() < 0.85 else "intended", mentions=[trigger],
            ))
        return out


def store_batch(store: Store, analyses: list[Analysis]) -> None:
    entries = [Entry(Article(text=a.text, published=a.published), a.id, len(a.text), PENDING, "fp", None) for a in analyses]
    store.add_entries(entries, [], run_id=1)
    store.add_results(analyses, [], run_id=1)


class Timed:
    """Sum the time and the peak Python allocation of the link step's functions while installed."""

    NAMES = [(store_module, "_link"), (store_module, "_linked_before"), (link, "recount"), (quote_link, "recount"), (quote_link, "forget"),
             (event_link, "recount"), (event_link, "forget")]
    EVENTS = [(event_link, "link_events"), (event_link, "recount"), (event_link, "forget"), (event_link, "refresh_entities")]

    def __init__(self, names=None):
        self.names = names or self.NAMES
        self.seconds = 0.0
        self.depth = 0
        self.saved = []

    def __enter__(self):
        for module, name in self.names:
            original = getattr(module, name)
            self.saved.append((module, name, original))
            setattr(module, name, self.wrap(original))
        return self

    def wrap(self, original):
        def timed(*args, **kwargs):
            self.depth += 1  # a timed function called by another (quote_link.recount by _link) is counted once
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.depth -= 1
                if not self.depth:
                    self.seconds += time.perf_counter() - started
        return timed

    def __exit__(self, *exc):
        for module, name, original in self.saved:
            setattr(module, name, original)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(size: int, folder: Path, name: str = "link") -> tuple[Path, World, random.Random, float]:
    """A store of `size` synthetic articles in `folder`, written in batches of BUILD_BATCH: its path, the world and
    random generator that make the articles after them, and the seconds it took."""
    world, rng = World(), random.Random(size)
    path = folder / f"{name}-{size}.duckdb"
    built = time.perf_counter()
    with Store(path) as store:
        for start in range(0, size, BUILD_BATCH):
            store_batch(store, [world.article(n, rng) for n in range(start, min(size, start + BUILD_BATCH))])
    return path, world, rng, time.perf_counter() - built


def measure(size: int, folder: Path) -> dict:
    path, world, rng, built = build(size, folder)
    new = [world.article(n, rng) for n in range(size, size + NEW)]
    before = rss_mb()
    with Store(path) as store, Timed() as timed, Timed(Timed.EVENTS) as events:
        wall, cpu = time.perf_counter(), time.process_time()
        for start in range(0, NEW, BATCH):
            store_batch(store, new[start : start + BATCH])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("entities", "corpus_entities", "quotes", "corpus_quotes", "events", "corpus_events")}
        spread = store.con.execute("SELECT count(*) FROM corpus_quotes WHERE num_articles > 1").fetchone()[0]
        stories = store.con.execute("SELECT count(*) FROM corpus_events WHERE num_articles > 1").fetchone()[0]
        linked_events = store.con.execute("SELECT count(corpus_event) FROM events").fetchone()[0]
    return {
        "stored_articles": size, "build_s": round(built, 1),
        "link_s_per_1000": round(timed.seconds, 2), "events_link_s_per_1000": round(events.seconds, 2),
        "store_s_per_1000_with_link": round(wall, 2),
        "store_cpu_s_per_1000_with_link": round(cpu, 2), "link_cpu_s_per_1000_est": round(cpu * timed.seconds / wall, 2),
        "link_share": round(timed.seconds / wall, 3),
        "rss_mb_before": round(before, 0), "rss_mb_after": round(rss_mb(), 0),
        **counts, "corpus_quotes_repeated": spread, "events_linked": linked_events, "corpus_events_over_1_article": stories,
    }


def run(measure, doc: str, sizes: str, argv: list[str] | None = None) -> None:
    """The command line of a bench that measures stores of several sizes (`measure(size, folder)`: a dict printed)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--sizes", default=sizes)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the stores in this folder and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in (int(s) for s in args.sizes.split(",")):
            result = measure(size, folder)
            print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()) + "\n", flush=True)


def main(argv: list[str] | None = None) -> None:
    run(measure, __doc__, "10000,100000", argv)


if __name__ == "__main__":
    main()
