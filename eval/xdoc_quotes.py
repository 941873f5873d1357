"""One quote across outlets: pairwise precision and recall of newswire's corpus quotes on a built set.

    python eval/xdoc_quotes.py [--seed 18] [--compartment train|dev|both]

The set (built here from PolNeAR, seeded; nothing is written to disk):

* Statements. Every PolNeAR attribution whose source names someone (its last
  capitalised word, not a pronoun: "Trump", "Clinton", "Comey") and whose
  content has 6 words or more is a statement of that speaker; a speaker's
  identical statements count once. Speakers with at least 2 statements are
  kept, at most `PER_SPEAKER` statements each.
* Positives: each statement is published by its original outlet and copied
  by others: an exact copy (other quote marks, spacing and case), a trimmed
  copy (1-3 words cut at either end), a partial quote (a run of 4-8 words from
  inside it, for statements of 10 words or more) and a lightly edited copy
  (about one word in ten replaced or dropped), each in an article of its own,
  published 0-3 days after the original.
* Negatives: the speaker's other statements, all published within the same
  week (the hardest case for a window: every pair of one speaker is
  compared).

Every quote is stored as an ingest stores it: one synthetic article per quote
("Pat Trump said: "...".", the speaker a PERSON entity named "Pat" and the
surname, so that it links), in batches of 32 in a shuffled order, through
`Store.add_results`, which links entities and quotes
(`newswire/corpus/quote_link.py`). Pairs of one speaker's quotes are scored:
gold, the same statement; predicted, the same `corpus_quote` (pairs of
different speakers are never linked, by construction of the key). The
baseline links quotes with the same normalised words only.

The rules were set looking at the train compartment (development); dev is
the held-out part. Skips with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import DEFAULT_ROOT, load_polnear, require_root  # noqa: E402

PER_SPEAKER = 12
SPEAKERS = 80  # the speakers with most statements
PRONOUNS = {"He", "She", "They", "It", "We", "I", "You", "His", "Her", "Their", "Its", "The", "A", "An", "This", "That"}
# words an edit puts in (a reporter's paraphrase picks a near word)
SUBSTITUTES = ["very", "really", "all", "the", "that", "just", "now", "also", "many", "some"]


def statements(docs) -> dict[str, list[str]]:
    """speaker surname → distinct statements (content texts of 6 words or more)."""
    out: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        for a in doc.attributions:
            if not a.source:
                continue
            source = " ".join(doc.text[s:e] for s, e in a.source)
            names = [w for w in re.findall(r"\b[A-Z][a-zA-Z'-]+\b", source) if w not in PRONOUNS]
            if not names:
                continue
            content = " ".join(" ".join(doc.text[s:e] for s, e in a.content).split()).strip(' "\u201c\u201d')
            if len(content.split()) >= 6 and content not in out[names[-1]]:
                out[names[-1]].append(content)
    kept = sorted((k for k, v in out.items() if len(v) >= 2), key=lambda k: (-len(out[k]), k))[:SPEAKERS]
    return {k: out[k][:PER_SPEAKER] for k in kept}


def copies(statement: str, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) of the other outlets' copies of a statement."""
    words = statement.split()
    out = [("exact", " ".join(statement.upper().split() if rng.random() < 0.2 else statement.split()) + ("" if rng.random() < 0.5 else " "))]
    if len(words) >= 8:
        cut_start, cut_end = rng.randint(0, 3), rng.randint(0, 3)
        if cut_start + cut_end == 0:
            cut_end = 1
        out.append(("trimmed", " ".join(words[cut_start : len(words) - cut_end])))
    if len(words) >= 10:
        n = rng.randint(4, 8)
        start = rng.randint(1, len(words) - n - 1)
        out.append(("partial", " ".join(words[start : start + n])))
    edited = list(words)
    for _ in range(max(1, len(words) // 10)):
        i = rng.randrange(len(edited))
        if rng.random() < 0.5 and len(edited) > 6:
            del edited[i]
        else:
            edited[i] = rng.choice(SUBSTITUTES)
    out.append(("edited", " ".join(edited)))
    return out


def build(speakers: dict[str, list[str]], rng: random.Random) -> list[tuple[str, str, str, str, str]]:
    """(speaker, statement id, kind, quote text, published) of every quote of the set."""
    quotes = []
    for surname, said in sorted(speakers.items()):
        for n, statement in enumerate(said):
            day = rng.randint(1, 4)
            sid = f"{surname}#{n}"
            quotes.append((surname, sid, "original", statement, f"2016-10-{day:02d}"))
            for kind, text in copies(statement, rng):
                quotes.append((surname, sid, kind, text, f"2016-10-{day + rng.randint(0, 3):02d}"))
    return quotes


def analyses(quotes, rng: random.Random):
    from newswire.records import Analysis, Entity, Mention, Quote, Span, content_id

    out = []
    for n, (surname, sid, kind, text, published) in enumerate(quotes):
        speaker = f"Pat {surname}"
        opening, closing = rng.choice([('"', '"'), ("\u201c", "\u201d")])
        body = f"{speaker} said: {opening}{text}{closing}. (item {n})"
        start = body.index(text)
        entity = Entity(id="E1", name=speaker, type="PERSON", mentions=[Mention(0, len(speaker), speaker)])
        quote = Quote(id="Q1", type="direct", content=Span(start, start + len(text), text), speaker_entity="E1", speaker_name=speaker)
        out.append(Analysis(id=content_id(body), text=body, url=f"https://outlet{n % 7}.example/{n}", published=published,
                            entities=[entity], quotes=[quote]))
    return out


def linked(records) -> dict[str, str | None]:
    """article id → its quote's corpus quote, from a fresh store holding these analyses (linked as an ingest links)."""
    from newswire.corpus.store import PENDING, Entry, Store
    from newswire.records import Article

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "quotes.duckdb") as store:
        for start in range(0, len(records), 32):
            chunk = records[start : start + 32]
            entries = [Entry(Article(text=a.text, published=a.published, url=a.url), a.id, len(a.text), PENDING, "fp", None) for a in chunk]
            store.add_entries(entries, [], run_id=1)
            store.add_results(chunk, [], run_id=1)
        with store.session() as con:
            return dict(con.execute("SELECT article_id, corpus_quote FROM quotes").fetchall())


def pairwise(labels: list[tuple[str, str, str, str]], show: list | None = None) -> tuple[float, float, int, int, dict[str, tuple[int, int]]]:
    """labels: (speaker, gold, predicted, kind). Precision, recall, true and gold pairs, and recall by the copy's kind."""
    by_speaker = defaultdict(list)
    for row in labels:
        by_speaker[row[0]].append(row)
    tp = fp = fn = 0
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rows in by_speaker.values():
        for (_, g1, p1, k1), (_, g2, p2, k2) in combinations(rows, 2):
            tp += g1 == g2 and p1 == p2
            fp += g1 != g2 and p1 == p2
            if show is not None and g1 != g2 and p1 == p2:
                show.append((g1, k1, g2, k2))
            fn += g1 == g2 and p1 != p2
            if g1 == g2 and "original" in (k1, k2):
                kind = k2 if k1 == "original" else k1
                kinds[kind][0] += p1 == p2
                kinds[kind][1] += 1
    return tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 0.0, tp, tp + fn, {k: tuple(v) for k, v in kinds.items()}


def evaluate(docs, seed: int, show: bool = False) -> dict[str, tuple]:
    from newswire.corpus.quote_link import quote_words

    rng = random.Random(seed)
    quotes = build(statements(docs), rng)
    records = analyses(quotes, rng)
    order = list(range(len(records)))
    rng.shuffle(order)
    corpus = linked([records[i] for i in order])
    system = [(q[0], q[1], corpus[a.id], q[2]) for q, a in zip(quotes, records)]
    if show:
        wrong: list = []
        pairwise(system, wrong)
        text = {(q[1], q[2]): q[3] for q in quotes}
        for g1, k1, g2, k2 in wrong[:40]:
            print(f"  linked: {k1} {text[(g1, k1)]!r}\n      and {k2} {text[(g2, k2)]!r}")
    exact = [(q[0], q[1], " ".join(quote_words(q[3])), q[2]) for q in quotes]
    return {"quotes": len(quotes), "speakers": len({q[0] for q in quotes}), "newswire": pairwise(system), "same words": pairwise(exact)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--compartment", choices=["train", "dev", "both"], default="both")
    parser.add_argument("--show", action="store_true", help="print wrong links of the development part")
    args = parser.parse_args(argv)
    require_root(args.root)
    parts = ["train", "dev"] if args.compartment == "both" else [args.compartment]
    for part in parts:
        label = "development" if part == "train" else "held-out"
        result = evaluate(load_polnear(args.root, part), args.seed, show=args.show and part == "train")
        print(f"\nPolNeAR {part} ({label}): {result['quotes']} quotes of {result['speakers']} speakers")
        for system in ("newswire", "same words"):
            p, r, tp, gold, kinds = result[system]
            by_kind = ", ".join(f"{k} {v[0] / v[1]:.3f}" for k, v in sorted(kinds.items()))
            print(f"  {system:<10} pairwise P {p:.3f} R {r:.3f} ({tp} of {gold} gold pairs); recall against the original by copy: {by_kind}")


if __name__ == "__main__":
    main()
