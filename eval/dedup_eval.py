"""Near-duplicate detection: pairwise precision/recall and adjusted Rand index of the clusters.

    python eval/dedup_eval.py [--polnear N] [--variants K] [--seed S] [--json PATH]

The evaluation set is generated from ../shared/data (exits with a message when
it is absent), with a fixed random seed:

  originals   the 120 MEANTIME articles (4 topic corpora: airbus, apple, gm,
              stock) and N PolNeAR train articles (one topic: the 2016 US
              election campaign);
  positives   K syndication-style copies of every original, each with a random
              mix of: a new headline, a byline and/or dateline added or
              changed, a paragraph (or for MEANTIME's one-paragraph bodies,
              a sentence) dropped or added, boilerplate lines added, quote
              marks and whitespace changed, and 5-20% of the words edited
              (substituted, deleted, inserted or swapped);
  negatives   every other article: the different articles on the same topic
              are the hard negatives.

A second set, scored at the default parameters only, puts the footer case to
the test: each original cut to a short item (its headline and the sentences
of its first 40-120 words), ending in the long footer of one of four
publishers (150 words of prose, as long as an "about us / subscribe /
copyright" block: the start of a PolNeAR article that is not an original);
its copies are syndicated as above and end in their own publisher's footer.
Items of one publisher then share most of their shingles without being
copies.

PolNeAR holds a few real near-duplicates (a story republished under a new
headline the next day, two snapshots of an AP live file): an original whose
true 2-word-shingle Jaccard similarity to an earlier one is at least
REAL_DUPLICATE is left out, since the gold clusters would call the pair
different.

Gold clusters are an original with its copies. All documents go through the
real path (newswire.text.clean.find_removed, then newswire.corpus.dedup) in a shuffled
order, and each setting of shingle size, permutations and threshold is scored
on the clusters it produces:

  pairwise precision / recall / F1 over all pairs of documents, and the
  adjusted Rand index (ARI) of the clustering.

Also reports the highest true Jaccard similarity between two different
originals of the same topic (how close the hard negatives come) and the
lowest between an original and one of its copies.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

from newswire.corpus import dedup  # noqa: E402
from newswire.text.clean import find_removed  # noqa: E402
from newswire.records import cleaned_text  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
POLNEAR_TRAIN = SHARED / "polnear" / "train" / "text"

SHINGLES = (2, 3, 4, 5)
PERMS = (64, 128, 256)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)

BYLINES = ["By Maria Lopez, Associated Press", "By James Okafor", "Reporting by Anna Weber; Editing by Tom Hale", "By Staff Writer", "From Wire Reports"]
DATELINES = ["WASHINGTON (AP) -- ", "NEW YORK (Reuters) - ", "LONDON, Sept 12 (Reuters) - ", "PARIS (AFP) - "]
BOILERPLATE = [
    "Share this article",
    "Click here to subscribe to our newsletter.",
    "Copyright 2016 The Associated Press. All rights reserved.",
    "Follow us on Twitter and Facebook.",
    "Advertisement",
    "Related: More stories from our partners",
]
ADDED = [
    "This story has been updated to include comments from officials.",
    "Editor's note: an earlier version of this article misstated the date of the announcement.",
    "The company did not immediately respond to a request for comment on Tuesday, a spokesman said later in the day.",
    "Analysts said they expected more details to be announced in the coming weeks, as both sides continue their talks.",
]
REAL_DUPLICATE = 0.4
# Publishers in the footer set: each one's footer is FOOTER_WORDS words of a
# PolNeAR article that is not among the originals (prose cleaning keeps).
PUBLISHERS = 4
FOOTER_WORDS = 150
FILLER = "new old major local several senior former national public official key early recent".split()


def load_originals(n_polnear: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(name, topic, text) for every original article."""
    from meantime import DEFAULT_ROOT, load_meantime

    if not DEFAULT_ROOT.is_dir() or not POLNEAR_TRAIN.is_dir():
        print(f"shared data not found under {SHARED}; skipping the evaluation")
        sys.exit(0)
    docs = [(f"meantime/{d.name}", d.corpus, d.text) for d in load_meantime()]
    polnear = sorted(POLNEAR_TRAIN.glob("*.txt"))
    for path in sorted(rng.sample(polnear, min(n_polnear, len(polnear)))):
        docs.append((f"polnear/{path.stem}", "election", path.read_text(encoding="utf-8")))
    return drop_real_duplicates(docs)


def drop_real_duplicates(docs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    kept: list[tuple[str, str, str]] = []
    grams: list[set] = []
    for name, topic, text in docs:
        mine = shingles(cleaned_text(text, find_removed(text)), 2)
        twin = next((kept[i][0] for i, other in enumerate(grams) if kept[i][1] == topic and _jaccard(mine, other) >= REAL_DUPLICATE), None)
        if twin:
            print(f"left out {name}: a real near-duplicate of {twin}")
            continue
        kept.append((name, topic, text))
        grams.append(mine)
    return kept


# --- syndication-style edits ---------------------------------------------------


def syndicate(text: str, rng: random.Random) -> str:
    """A copy of `text` as another outlet might run it."""
    lines = [line for line in text.split("\n") if line.strip()]
    headline, body = lines[0], lines[1:]
    paragraphs = body if len(body) > 2 else _sentences(" ".join(body))
    if rng.random() < 0.7:  # retitled
        headline = _retitle(headline, rng)
    if rng.random() < 0.5 and len(paragraphs) > 3:  # a paragraph dropped, most often the last
        paragraphs.pop(-1 if rng.random() < 0.6 else rng.randrange(1, len(paragraphs)))
    if rng.random() < 0.3:  # a paragraph added
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice(ADDED))
    paragraphs = [_edit_words(p, rng.uniform(0.05, 0.20), rng) for p in paragraphs]
    if rng.random() < 0.4:
        paragraphs[0] = rng.choice(DATELINES) + paragraphs[0]
    top = [headline]
    if rng.random() < 0.5:
        top.append(rng.choice(BYLINES))
    bottom = rng.sample(BOILERPLATE, rng.randint(1, 3)) if rng.random() < 0.5 else []
    separator = "\n\n" if rng.random() < 0.5 else "\n"
    copy = separator.join(top + paragraphs + bottom) + "\n"
    if rng.random() < 0.5:
        copy = _quote_marks(copy, rng)
    if rng.random() < 0.3:
        copy = re.sub(r"(?<=\.) (?=[A-Z])", "  ", copy)
    return copy


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text) if s]


def _retitle(headline: str, rng: random.Random) -> str:
    words = headline.split()
    rng.shuffle(words)
    return " ".join(words[: max(3, len(words) // 2)] + rng.sample(FILLER, 2)).capitalize()


def _edit_words(paragraph: str, rate: float, rng: random.Random) -> str:
    words = paragraph.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if rng.random() >= rate:
            out.append(w)
        else:
            kind = rng.randrange(4)
            if kind == 0:  # substituted
                out.append(rng.choice(FILLER))
            elif kind == 1:  # deleted
                pass
            elif kind == 2:  # inserted
                out += [w, rng.choice(FILLER)]
            elif i + 1 < len(words):  # swapped with the next word
                out += [words[i + 1], w]
                i += 1
            else:
                out.append(w)
        i += 1
    return " ".join(out)


def _quote_marks(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r'"(\w)', r"“\1", text).replace('"', "”").replace("'", "’")


# --- scoring -------------------------------------------------------------------


def pair_counts(gold: list[int], predicted: list[int]) -> tuple[int, int, int, int]:
    """(both, gold only, predicted only, all) pair counts from the contingency table."""
    table = Counter(zip(gold, predicted))
    both = sum(comb(n, 2) for n in table.values())
    gold_pairs = sum(comb(n, 2) for n in Counter(gold).values())
    predicted_pairs = sum(comb(n, 2) for n in Counter(predicted).values())
    return both, gold_pairs, predicted_pairs, comb(len(gold), 2)


def adjusted_rand_index(gold: list[int], predicted: list[int]) -> float:
    """Hubert and Arabie's adjusted Rand index of two clusterings of the same items."""
    both, gold_pairs, predicted_pairs, total = pair_counts(gold, predicted)
    expected = gold_pairs * predicted_pairs / total
    best = (gold_pairs + predicted_pairs) / 2
    return 1.0 if best == expected else (both - expected) / (best - expected)


def score(gold: list[int], predicted: list[int]) -> dict[str, float]:
    both, gold_pairs, predicted_pairs, _ = pair_counts(gold, predicted)
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "ari": adjusted_rand_index(gold, predicted)}


def cluster(signatures: list[dedup.Signature], perm: int, threshold: float) -> list[int]:
    """Run the index over the documents in order; each document's cluster number."""
    index = dedup.Index(threshold=threshold, num_perm=perm)
    ids: dict[str, int] = {}
    out = []
    for i, sig in enumerate(signatures):
        match = index.match(sig)
        if match is None:
            index.add(str(i), sig)
            ids[str(i)] = i
            out.append(i)
        else:
            index.add(str(i), sig, canonical=match.canonical)
            out.append(ids[match.canonical])
    return out


def footers(originals: list[tuple[str, str, str]]) -> list[str]:
    used = {name for name, _, _ in originals}
    spare = [p for p in sorted(POLNEAR_TRAIN.glob("*.txt")) if f"polnear/{p.stem}" not in used]
    out = []
    for path in spare[:PUBLISHERS]:
        words = " ".join(path.read_text(encoding="utf-8").split("\n")[1:]).split()
        out.append(" ".join(words[:FOOTER_WORDS]))
    return out


def brief(text: str, rng: random.Random) -> str:
    """The start of an article, cut at a sentence end after 40-120 words: a short news item."""
    lines = [line for line in text.split("\n") if line.strip()]
    limit = rng.randint(40, 120)
    kept, count = [lines[0]], 0
    for sentence in _sentences(" ".join(lines[1:])):
        kept.append(sentence)
        count += len(sentence.split())
        if count >= limit:
            break
    return kept[0] + "\n\n" + " ".join(kept[1:])


def footer_set(originals: list[tuple[str, str, str]], variants: int, rng: random.Random) -> list[tuple[int, str, str]]:
    """Short items each ending in its publisher's long footer (which cleaning keeps), with syndicated copies that end
    in their own publisher's footer: the items of one publisher share most of their shingles, and are not copies."""
    feet = footers(originals)
    docs = []
    for n, (_, topic, text) in enumerate(originals):
        item = brief(text, rng)
        docs.append((n, topic, item + "\n\n" + rng.choice(feet) + "\n"))
        docs += [(n, topic, syndicate(item, rng).rstrip("\n") + "\n\n" + rng.choice(feet) + "\n") for _ in range(variants)]
    return docs


def shingles(text: str, k: int) -> set[tuple[str, ...]]:
    w = dedup.words(text)
    return {tuple(w[i : i + k]) for i in range(len(w) - k + 1)}


def _jaccard(x: set, y: set) -> float:
    return len(x & y) / len(x | y) if x | y else 1.0


def jaccard(a: str, b: str, k: int) -> float:
    return _jaccard(shingles(a, k), shingles(b, k))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", type=int, default=300, help="PolNeAR train articles to use (default 300)")
    ap.add_argument("--variants", type=int, default=2, help="syndicated copies per original (default 2)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    originals = load_originals(args.polnear, rng)
    docs: list[tuple[int, str, str]] = []  # (gold cluster, topic, text)
    for n, (_, topic, text) in enumerate(originals):
        docs.append((n, topic, text))
        docs += [(n, topic, syndicate(text, rng)) for _ in range(args.variants)]
    rng.shuffle(docs)
    gold = [g for g, _, _ in docs]
    cleaned = [cleaned_text(t, find_removed(t)) for _, _, t in docs]
    print(f"{len(originals)} originals ({Counter(t for _, t, _ in originals)}), {len(docs)} documents, "
          f"{len(docs) - len(originals)} copies; seed {args.seed}")

    by_cluster = defaultdict(list)
    for i, g in enumerate(gold):
        by_cluster[g].append(i)
    first = {g: members[0] for g, members in by_cluster.items()}
    by_topic = defaultdict(list)
    for g, (_, topic, _) in enumerate(originals):
        by_topic[topic].append(first[g])
    for k in SHINGLES:
        positives = sorted(jaccard(cleaned[a], cleaned[b], k) for members in by_cluster.values() for a in members for b in members if a < b)
        negatives = sorted(jaccard(cleaned[a], cleaned[b], k) for members in by_topic.values() for a in members for b in members if a < b)
        print(f"true {k}-gram Jaccard: copies of one article min {positives[0]:.3f}, 5th percentile "
              f"{positives[len(positives) // 20]:.3f}, median {positives[len(positives) // 2]:.3f}; "
              f"different same-topic articles max {negatives[-1]:.3f}, 99.9th percentile {negatives[len(negatives) * 999 // 1000]:.3f}")

    results = []
    print(f"{'shingle':>7} {'perm':>5} {'thresh':>6} {'P':>7} {'R':>7} {'F1':>7} {'ARI':>7} {'s':>6}")
    for shingle in SHINGLES:
        for perm in PERMS:
            t = time.perf_counter()
            signatures = [dedup.signature(text, shingle_words=shingle, num_perm=perm) for text in cleaned]
            signing = time.perf_counter() - t
            for threshold in THRESHOLDS:
                t = time.perf_counter()
                predicted = cluster(signatures, perm, threshold)
                seconds = signing + time.perf_counter() - t
                row = {"shingle": shingle, "perm": perm, "threshold": threshold, **score(gold, predicted), "seconds": seconds}
                results.append(row)
                chosen = (shingle, perm, threshold) == (dedup.SHINGLE_WORDS, dedup.NUM_PERM, dedup.THRESHOLD)
                print(f"{shingle:7d} {perm:5d} {threshold:6.2f} {row['precision']:7.4f} {row['recall']:7.4f} "
                      f"{row['f1']:7.4f} {row['ari']:7.4f} {row['seconds']:6.1f}" + ("  <- default" if chosen else ""))

    footed = footer_set(originals, args.variants, rng)
    rng.shuffle(footed)
    gold = [g for g, _, _ in footed]
    signatures = [dedup.signature(cleaned_text(t, find_removed(t))) for _, _, t in footed]
    footer_scores = score(gold, cluster(signatures, dedup.NUM_PERM, dedup.THRESHOLD))
    print(f"footer set ({len(footed)} documents: 40-120-word items of the same originals, each ending in one of "
          f"{PUBLISHERS} publishers' {FOOTER_WORDS}-word footers): P {footer_scores['precision']:.4f} R {footer_scores['recall']:.4f} "
          f"F1 {footer_scores['f1']:.4f} ARI {footer_scores['ari']:.4f} at the defaults")
    if args.json:
        args.json.write_text(json.dumps({"documents": len(docs), "originals": len(originals), "results": results, "footer_set": footer_scores}, indent=2))


if __name__ == "__main__":
    main()
