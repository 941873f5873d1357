"""Tone over real news: its distribution, its agreement with VADER's own score, and the texts at its extremes.

    python eval/tone_distribution.py [--limit N] [--extremes N] [--json PATH]

Reads PolNeAR dev (84 political news articles, 2016) and TimeBank + AQUAINT
(256 news articles, 1989-2000) from ../shared/data; exits with a message when
they are absent. No gold tone exists for them: this reports what newswire
gives, so that a reader can judge it.

- The distribution of the article tone (`Analysis.tone.score`, GDELT's
  AvgTone) and of the quote tone, per corpus: mean, quartiles, extremes, the
  share below 0, words per article, and the words most often counted
  positive and negative.
- Agreement with VADER's own scoring (the mean `compound` of the article's
  sentences; VADER scores words in context, with boosters and its own
  negation): Pearson and Spearman correlation and sign agreement, a
  consistency check, not accuracy.
- The N most negative and most positive articles and quotes (of at least 8
  words), with the words counted each way, to read and judge.

The word list newswire/data/tone_neutral.txt was read off PolNeAR *train*;
both corpora here are out of sample.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import DEFAULT_ROOT as POLNEAR_ROOT  # noqa: E402
from polnear import load_polnear  # noqa: E402
from timebank import DEFAULT_ROOT as TIMEBANK_ROOT  # noqa: E402
from timebank import load_timebank  # noqa: E402

STAGES = ["entities", "times", "quotes", "tone"]
MIN_QUOTE_WORDS = 8


def corpora(limit: int | None) -> dict[str, list[tuple[str, str, str | None]]]:
    """name → [(document name, text, published)]."""
    out = {}
    if (POLNEAR_ROOT / "dev").is_dir():
        out["PolNeAR dev"] = [(d.name, d.text, d.published) for d in load_polnear(POLNEAR_ROOT, "dev")][:limit]
    if TIMEBANK_ROOT.is_dir():
        out["TimeBank+AQUAINT"] = [(d.name, d.text, d.dct) for d in load_timebank(TIMEBANK_ROOT)][:limit]
    return out


def quantiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    q = statistics.quantiles(values, n=4) if len(values) > 1 else values * 3
    return {"n": len(values), "mean": round(statistics.fmean(values), 2), "min": values[0], "q1": round(q[0], 2),
            "median": round(q[1], 2), "q3": round(q[2], 2), "max": values[-1],
            "below_zero": round(sum(v < 0 for v in values) / len(values), 3), "zero": round(sum(v == 0 for v in values) / len(values), 3)}


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2
        i = j + 1
    return out


def counted_words(nlp, text: str) -> tuple[list[str], list[str]]:
    from newswire.lexicon.tone import is_word, valence

    doc = nlp(text)
    pos = [t.text for t in doc if is_word(t) and valence(t) > 0]
    neg = [t.text for t in doc if is_word(t) and valence(t) < 0]
    return pos, neg


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    ap.add_argument("--extremes", type=int, default=6, help="how many articles and quotes to show at each end")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    data = corpora(args.limit)
    if not data:
        print(f"neither PolNeAR ({POLNEAR_ROOT}) nor TimeBank ({TIMEBANK_ROOT}) found; skipping the tone report")
        sys.exit(0)

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from newswire.pipeline import analyze_articles
    from newswire.records import Article
    from newswire.text.parse import load_nlp

    nlp = load_nlp()
    vader = SentimentIntensityAnalyzer()
    report = {}
    for corpus, docs in data.items():
        articles = [Article(text=text, published=published) for _, text, published in docs]
        analyses = list(analyze_articles(articles, stages=STAGES, any_language=True))
        scores = [a.tone.score for a in analyses]
        compound = [
            statistics.fmean([vader.polarity_scores(s.text)["compound"] for s in nlp(a.cleaned_text).sents if s.text.strip()] or [0.0])
            for a in analyses
        ]
        quotes = [(a, q) for a in analyses for q in a.quotes if q.tone.words >= MIN_QUOTE_WORDS]
        words_pos, words_neg = Counter(), Counter()
        for a in analyses:
            pos, neg = counted_words(nlp, a.cleaned_text)
            words_pos.update(w.lower() for w in pos)
            words_neg.update(w.lower() for w in neg)
        pearson = statistics.correlation(scores, compound)
        spearman = statistics.correlation(ranks(scores), ranks(compound))
        agree = sum((s > 0) == (c > 0) for s, c in zip(scores, compound) if s != 0 and c != 0) / max(1, sum(s != 0 and c != 0 for s, c in zip(scores, compound)))
        result = {
            "articles": quantiles(scores),
            "words_per_article": round(statistics.fmean(a.tone.words for a in analyses), 1),
            "polarity": round(statistics.fmean(a.tone.polarity for a in analyses), 2),
            f"quotes_of_{MIN_QUOTE_WORDS}_words_or_more": quantiles([q.tone.score for _, q in quotes]) if quotes else {},
            "vader_compound_mean": round(statistics.fmean(compound), 3),
            "pearson_vs_vader": round(pearson, 3), "spearman_vs_vader": round(spearman, 3), "sign_agreement_vs_vader": round(agree, 3),
            "top_positive_words": words_pos.most_common(15), "top_negative_words": words_neg.most_common(15),
        }
        report[corpus] = result
        print(f"\n== {corpus}: {len(analyses)} articles, {len(quotes)} quotes of {MIN_QUOTE_WORDS}+ words ==")
        for key, value in result.items():
            print(f"{key}: {value}")
        ordered = sorted(zip(analyses, (d[0] for d in docs)), key=lambda x: x[0].tone.score)
        for label, chosen in (("most negative articles", ordered[: args.extremes]), ("most positive articles", ordered[::-1][: args.extremes])):
            print(f"\n-- {label} --")
            for a, name in chosen:
                pos, neg = counted_words(nlp, a.cleaned_text)
                print(f"{a.tone.score:+.2f} {name} ({a.tone.words} words) {a.cleaned_text[:140]!r}")
                print(f"   + {pos[:12]}\n   - {neg[:12]}")
        ordered_q = sorted(quotes, key=lambda x: x[1].tone.score)
        for label, chosen in (("most negative quotes", ordered_q[: args.extremes]), ("most positive quotes", ordered_q[::-1][: args.extremes])):
            print(f"\n-- {label} --")
            for a, q in chosen:
                pos, neg = counted_words(nlp, q.content.text)
                print(f"{q.tone.score:+.2f} [{q.speaker_name}] {q.content.text[:160]!r}\n   + {pos}  - {neg}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
