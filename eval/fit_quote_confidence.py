"""Fit the quote confidence model on PolNeAR train and the judged international news; write its weights to
newswire/data/quote_confidence.tsv.

    python eval/fit_quote_confidence.py [--every 2] [--cache PATH] [--judged-cache PATH] [--write] [--c 1.0]
                                        [--judged-weight 10] [--no-judged] [--judged-dir SHEET=DIR ...]

NOT reproducible from the repository alone: the judged sheets are in eval/judged/, but the articles they judged are
read from outside it, /work/ext15/judge, /work/ext16/judge3, /work/ext17/judge4, /work/ext18/judge5 and /work/ext19/judge6
(`eval/judged_quote_features.py`).
Without them the script stops and says so; point it at copies with `--judged-dir judge15q=DIR` (one per sheet), or fit
`--no-judged` (PolNeAR train alone: a different table, which runs high on international news).

The leave-one-sheet-out figures it prints are optimistic: the features, the judged weight and the penalty were chosen
by looking at these same sheets, so a sheet left out is not news the model's design never saw.

1. newswire analyses every `--every`-th PolNeAR train article (file-name
   order, all seven publishers alike; default every 2nd: 420 of 840), and
   each quote record's features are read with
   `newswire.quotes.confidence.features` (what the stage knows of the record:
   type, cue class, speaker kind and resolution, the speaker's words, content
   length, construction and shape, where it stands in its sentence and line,
   distance from the cue).
2. Each record is labelled right when the prediction it belongs to matches a
   gold attribution by content and speaker (the "+ speaker overlap"
   criterion of `eval/polnear_quotes.py`, quotes of one cue occurrence
   together, runs of an inherited chain together).
3. Unless `--no-judged`, the judged quote records of international news
   (`eval/judged_quote_features.py`: the sheets of sessions fifteen to
   nineteen, each row matched to today's record of its article) are added,
   labelled by the judges' "fully right" (an attribution, content right,
   speaker right and fully named), each weighing `--judged-weight` PolNeAR
   records. PolNeAR's label is more lenient (a surname counts), so the
   table fitted on PolNeAR alone runs high on international news.
4. A logistic regression (scikit-learn, L2 penalty `--c`, lbfgs: the same
   data give the same weights) is fitted on those records; `--write` writes
   its weights, rounded to four decimals, with a header saying how they were
   made. The script prints, first, each judged sheet left out in turn (fitted
   on PolNeAR train and the other sheets, measured on it: Brier, share fully
   right at >= 0.7, 0.5-0.7, < 0.5, beside today's table), then the weights,
   the reliability on the data fitted and a 5-fold cross-validated
   reliability by article (folds by file name).

Dev is never read here: `eval/polnear_quotes.py` on dev reports precision by
confidence and the calibration of the model as written.
`--cache PATH` keeps the features and labels in a JSON file, so that a
second run refits without analysing again.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

from polnear import DEFAULT_ROOT, load_polnear, require_root  # noqa: E402
from polnear_quotes import gold_items, match, newswire_items  # noqa: E402

from newswire.lexicon.models import model_weights  # noqa: E402

# How much one judged record of international news weighs against one PolNeAR train record in the fit.
JUDGED_WEIGHT = 10.0

TABLE = REPO / "newswire/data/quote_confidence.tsv"


def collect(docs) -> list[dict]:
    """One row per quote record: article, features, label (+ speaker) and content label."""
    from newswire import pipeline
    from newswire.quotes.confidence import features
    from newswire.text.read import read_text

    articles = [read_text(d.text, published=d.published) for d in docs]
    prepared = [(a, pipeline.prepare(a, any_language=True)) for a in articles]
    rows = []
    for doc, (article, removed), parsed in zip(docs, prepared, pipeline.parse_many((a.text, r) for a, r in prepared)):
        analysis = pipeline.analyze_parsed(article, removed, parsed, stages=("entities", "times", "quotes"))
        golds = gold_items(doc, parsed)
        preds = newswire_items(doc.text, analysis.quotes, analysis.entities, parsed)
        right = {i for _, run in match(golds, preds, "speaker_overlap") for j in run for i in preds[j].ids}
        content = {i for _, run in match(golds, preds, "overlap") for j in run for i in preds[j].ids}
        scored = {i for p in preds for i in p.ids}  # quotes with content words (the others are not scored)
        by_id = {e.id: e for e in analysis.entities}
        for q in analysis.quotes:
            if q.id in scored:
                rows.append({"article": doc.name, "features": features(parsed, q, by_id), "right": q.id in right, "content": q.id in content})
    return rows


def design(rows: list[dict], names: list[str]):
    import numpy as np

    x = np.array([[r["features"].get(n, 0.0) for n in names] for r in rows])
    y = np.array([int(r["right"]) for r in rows])
    return x, y


def fit(x, y, c: float, weight=None):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="lbfgs", max_iter=5000).fit(x, y, sample_weight=weight)


def leave_one_sheet_out(pol: list[dict], judged: list[dict], args) -> None:
    """Fit on PolNeAR train and all judged sheets but one; measure on that one (news the fit did not see)."""
    import numpy as np

    print("\nleave one judged sheet out (fitted on PolNeAR train + the other sheets; label: fully right; optimistic: the"
          " features and the judged weight were chosen on these sheets):")
    for sheet in sorted({r["sheet"] for r in judged}):
        train = pol + [r for r in judged if r["sheet"] != sheet]
        test = [r for r in judged if r["sheet"] == sheet]
        seen = Counter(n for r in train for n in r["features"])
        names = sorted(n for n in seen if not n.startswith("lemma_") or seen[n] >= args.min_lemma)
        x, y = design(train, names)
        weight = np.array([1.0] * len(pol) + [args.judged_weight] * (len(train) - len(pol)))
        model = fit(x, y, args.c, weight)
        held = [round(float(p), 2) for p in model.predict_proba(design(test, names)[0])[:, 1]]
        now = [r["confidence"] for r in test]
        for label, p in (("today's table", now), ("held out", held)):
            sheet_figures(f"{sheet} {label}", p, test)


def held_out(weights: dict[str, float], args) -> None:
    """PolNeAR train articles the fit did not see (every `--every`-th from `--held-out-offset`): share right (+ speaker)
    by band, today's table beside the weights just fitted (today's table may have seen some of them)."""
    if args.held_out_cache is not None and args.held_out_cache.exists():
        rows = json.loads(args.held_out_cache.read_text())
    else:
        require_root(args.root)
        rows = collect(load_polnear(args.root, "train")[args.held_out_offset :: args.every])
        if args.held_out_cache is not None:
            args.held_out_cache.write_text(json.dumps(rows))
    today = model_weights("quote_confidence.tsv") if TABLE.exists() else {}
    print(f"\nheld out: PolNeAR train every {args.every}-th article from {args.held_out_offset}, {len(rows)} records, label + speaker")
    for label, w in (("today's table", today), ("fitted now", weights)):
        p = [round(1 / (1 + math.exp(-(w.get("bias", 0.0) + sum(w.get(n, 0.0) * v for n, v in r["features"].items())))), 2) for r in rows]
        sheet_figures(label, p, [{**r, "sample": "R", "attribution": True} for r in rows])


def sheet_figures(label: str, p: list[float], rows: list[dict]) -> None:
    """Brier (all rows; the random sample), share fully right by band, and the mean of the non-attributions."""
    y = [int(r["right"]) for r in rows]
    brier = sum((pi - yi) ** 2 for pi, yi in zip(p, y)) / len(y)
    rand = [(pi, yi) for pi, yi, r in zip(p, y, rows) if r["sample"].startswith("R")]
    brier_r = sum((pi - yi) ** 2 for pi, yi in rand) / max(len(rand), 1)
    bands = []
    for lo, hi in ((0.7, 1.01), (0.5, 0.7), (0.3, 0.5), (0.0, 0.3)):
        sel = [(pi, yi) for pi, yi in zip(p, y) if lo <= pi < hi]
        share = f"{100 * sum(t for _, t in sel) / len(sel):.0f}% (mean {sum(s for s, _ in sel) / len(sel):.2f})" if sel else "-"
        bands.append(f"{lo:.1f}+ {len(sel)} {share}")
    non = [pi for pi, r in zip(p, rows) if not r["attribution"]]
    att = [pi for pi, r in zip(p, rows) if r["attribution"]]
    mean = f"non-attributions mean {sum(non) / len(non):.2f} vs {sum(att) / len(att):.2f}" if non else ""
    print(f"  {label:<26} Brier {brier:.3f} (random rows {brier_r:.3f}) | " + " | ".join(bands) + f" | {mean}")


def reliability(p, y, label: str) -> None:
    print(f"\nreliability ({label}): bin, records, mean confidence, share right")
    for b in range(10):
        sel = [(pi, yi) for pi, yi in zip(p, y) if min(int(pi * 10), 9) == b]
        if sel:
            print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}  {len(sel):>5}  {sum(s for s, _ in sel) / len(sel):.2f}  {sum(t for _, t in sel) / len(sel):.2f}")
    brier = sum((pi - yi) ** 2 for pi, yi in zip(p, y)) / len(y)
    base = sum(y) / len(y)
    print(f"  Brier {brier:.4f} (always {base:.2f}: {base * (1 - base):.4f})")
    for t in (0.5, 0.7, 0.9):
        kept = [yi for pi, yi in zip(p, y) if pi >= t]
        if kept:
            print(f"  >= {t}: {len(kept)} of {len(y)} records, {100 * sum(kept) / len(kept):.1f}% right")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--every", type=int, default=2, help="analyse every k-th train article (default 2)")
    ap.add_argument("--offset", type=int, default=0, help="start at this train article (default 0; hold out another offset)")
    ap.add_argument("--held-out-offset", type=int, help="also measure on the train articles every --every-th from this offset")
    ap.add_argument("--held-out-cache", type=Path, help="read the held-out records' features from / write them to this JSON file")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 penalty (default 1.0)")
    ap.add_argument("--min-lemma", type=int, default=30, help="records a cue lemma needs for a weight of its own (default 30)")
    ap.add_argument("--cache", type=Path, help="read the features from / write them to this JSON file")
    ap.add_argument("--write", action="store_true", help=f"write the weights to {TABLE.relative_to(REPO)}")
    ap.add_argument("--no-judged", action="store_true", help="fit on PolNeAR train alone (without the judged sheets)")
    ap.add_argument("--judged-weight", type=float, default=JUDGED_WEIGHT, help=f"weight of a judged record (default {JUDGED_WEIGHT})")
    ap.add_argument("--judged-cache", type=Path, help="read the judged records' features from / write them to this JSON file")
    ap.add_argument("--judged-dir", action="append", default=[], metavar="SHEET=DIR",
                    help="where a judged sheet's articles are (outside the repository; default /work/ext1[5-9]/...)")
    args = ap.parse_args(argv)
    judged_dirs = None
    if not args.no_judged and not (args.judged_cache is not None and args.judged_cache.exists()):
        from judged_quote_features import directories

        judged_dirs = directories(args.judged_dir)  # before the long PolNeAR run: fails at once when they are missing
    if args.cache is not None and args.cache.exists():
        rows = json.loads(args.cache.read_text())
    else:
        require_root(args.root)
        docs = load_polnear(args.root, "train")[args.offset :: args.every]
        print(f"PolNeAR train: {len(docs)} articles (every {args.every}-th from {args.offset})", flush=True)
        rows = collect(docs)
        if args.cache is not None:
            args.cache.write_text(json.dumps(rows))
    judged: list[dict] = []
    if not args.no_judged:
        if args.judged_cache is not None and args.judged_cache.exists():
            judged = json.loads(args.judged_cache.read_text())
        else:
            from judged_quote_features import collect_all

            judged = collect_all(judged_dirs)
            if args.judged_cache is not None:
                args.judged_cache.write_text(json.dumps(judged))
        leave_one_sheet_out(rows, judged, args)
    pol_rows = len(rows)
    rows = rows + judged
    # a cue lemma's own weight only where the lemma is common enough to estimate one (the classes cover the rest)
    seen = Counter(n for r in rows for n in r["features"])
    names = sorted(n for n in seen if not n.startswith("lemma_") or seen[n] >= args.min_lemma)
    x, y = design(rows, names)
    weight = [1.0] * pol_rows + [args.judged_weight] * len(judged)
    articles = sorted({r["article"] for r in rows})
    pol_articles = len({r["article"] for r in rows[:pol_rows]})
    pol_right = 100 * y[:pol_rows].mean()
    print(f"{len(rows)} quote records from {len(articles)} articles, {100 * y.mean():.1f}% right")

    # 5-fold cross-validation by article: how calibrated the model is on articles it was not fitted on
    import numpy as np

    fold_of = {a: n % 5 for n, a in enumerate(articles)}
    folds = np.array([fold_of[r["article"]] for r in rows])
    held = np.zeros(len(rows))
    for k in range(5):
        model = fit(x[folds != k], y[folds != k], args.c, np.array(weight)[folds != k])
        held[folds == k] = model.predict_proba(x[folds == k])[:, 1]
    reliability([round(float(p), 2) for p in held], list(y), "5-fold cross-validation by article")

    model = fit(x, y, args.c, weight)
    weights = {"bias": float(model.intercept_[0])} | {n: float(w) for n, w in zip(names, model.coef_[0])}
    print("\nweights:")
    for n, w in weights.items():
        print(f"  {n:<28} {w:+.4f}")
    fitted = [round(1 / (1 + math.exp(-(weights["bias"] + sum(weights.get(n, 0.0) * v for n, v in r["features"].items())))), 2) for r in rows]
    reliability(fitted, list(y), "the data fitted")
    if args.held_out_offset is not None:
        held_out(weights, args)
    if args.write:
        judged_part = (
            f" and on {len(judged)} judged records of international news (the sheets eval/judged/quotes-external1[5-9]-judge1[5-9]q.tsv,\n"
            f"# {len({r['article'] for r in judged})} articles, read from /work/ext15/judge, /work/ext16/judge3, /work/ext17/judge4, /work/ext18/judge5,\n# /work/ext19/judge6, outside the\n"
            f"# repository; label: the judges' fully right; each weighs {args.judged_weight:g} PolNeAR record(s); the script's leave-one-sheet-out\n"
            "# figures are optimistic: the features and the judged weight were chosen on these sheets)"
            if judged else ""
        )
        header = (
            "# quote_confidence.tsv: the weights of the quote confidence model (newswire/quotes/confidence.py), a logistic\n"
            "# regression over the features the quotes stage reads off each record; \"bias\" is the intercept, a feature\n"
            "# not listed weighs nothing. Fitted by eval/fit_quote_confidence.py on PolNeAR train "
            f"(every {args.every}-th article from {args.offset}: {pol_articles} articles,\n"
            f"# {pol_rows} quote records, {pol_right:.1f}% right by content and speaker){judged_part}; scikit-learn LogisticRegression, "
            f"L2, C={args.c}; a cue lemma has a weight of its own where it made\n# at least {args.min_lemma} records. Regenerate with\n"
            "# `python eval/fit_quote_confidence.py --write` after changing the features or the stage.\n"
        )
        body = "".join(f"{n}\t{w:.4f}\n" for n, w in weights.items())
        TABLE.write_text(header + "feature\tweight\n" + body, encoding="utf-8")
        print(f"wrote {TABLE.relative_to(REPO)}")


if __name__ == "__main__":
    main()
