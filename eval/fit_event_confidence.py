"""Fit the events stage's confidence model (newswire/data/event_confidence.tsv) on development data.

    python eval/fit_event_confidence.py [--write] [--l2 1.0] [--no-meantime] [--no-seven]

Data (development data only; skips with a message when ../shared is absent)
  * ../shared/data/realnews-events/dev.jsonl: every event newswire emits on the
    32 articles; label 1 when it is "fully right" by eval/realnews_events.py's
    matching (sentence, type, source and target countries), else 0;
  * eval/judged/events-meantime-80.tsv: the MEANTIME records judged by a reader
    that newswire still emits (same article, trigger and code); label 1 when
    judged real with type, source and target right.
  * since issue 13's session-seven round (eventsconf7), the two sheets judged
    on e83bd35: eval/judged/events-conf07-seven.tsv (PolNeAR dev and TimeBank
    non-dev records at >= 0.7) and events-timebank-floor02-seven.tsv (TimeBank
    non-dev records at 0.2-0.7): the records newswire still emits (same
    article, trigger, code, source and target words), labelled as judged.
    They are development data from then on: PolNeAR dev and those TimeBank
    articles no longer measure the events confidence out of sample.

Model
  Logistic regression over `newswire.events.confidence.FITTED` (0/1 values
  the stage computes for each event; every feature but the MISREAD ones,
  which only gate and get no weight), L2-penalised (the intercept is not),
  fitted by Newton's method: deterministic, no library beyond numpy. Scores
  are gated as the stage gates them: under 0.7 unless the record is `clear`.

Report
  Leave-one-article-out cross-validation: each article's events are scored by
  a model fitted on the other articles. Printed: for thresholds 0.5, 0.6, 0.7
  and 0.8, how many events reach it and the share fully right (and of the
  right type), on realnews dev and on all; and the same on the fitted model
  (in-sample, optimistic). `--write` writes the weights fitted on all data.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

import realnews_events as rn  # noqa: E402

JUDGED = REPO / "eval" / "judged" / "events-meantime-80.tsv"
# Judged sheets of session seven (development data since eventsconf7), each with the sources its articles come from.
SEVEN = (
    (REPO / "eval" / "judged" / "events-conf07-seven.tsv", ("polnear-dev", "timebank")),
    (REPO / "eval" / "judged" / "events-timebank-floor02-seven.tsv", ("timebank",)),
)
WEIGHTS = REPO / "newswire" / "data" / "event_confidence.tsv"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


class Recorder:
    """Wraps `confidence.features` to keep each event's feature values by its trigger's start."""

    def __init__(self):
        from newswire.events import confidence

        self.module = confidence
        self.inner = confidence.features
        self.seen: dict[int, dict[str, float]] = {}
        confidence.features = self

    def __call__(self, m, ctx, reported):
        values = self.inner(m, ctx, reported)
        self.seen[m.token.idx] = values
        return values

    def take(self) -> dict[int, dict[str, float]]:
        out, self.seen = self.seen, {}
        return out


def realnews_rows(rec: Recorder) -> list[dict]:
    import newswire

    articles = rn.load(rn.DEFAULT_PATH)
    rows = []
    for art in articles:
        analysis = newswire.analyze(art["text"], published=art.get("published"), any_language=True)
        feats = rec.take()
        preds = _preds(analysis)
        full = {i for i, _ in rn.match(preds, art["events"], rn.full_agrees)}
        typed = {i for i, _ in rn.match(preds, art["events"], rn.type_agrees)}
        for i, (ev, p) in enumerate(zip(analysis.events, preds)):
            rows.append({"group": "rn:" + art["id"], "x": feats[ev.trigger.start], "y": int(i in full), "type": int(i in typed)})
    return rows


def _preds(analysis) -> list[dict]:
    return [
        {
            "trigger": {"start": ev.trigger.start, "end": ev.trigger.end, "text": ev.trigger.text},
            "plover": ev.plover,
            "cameo_root": ev.cameo_root,
            "cameo": ev.cameo,
            "modality": rn.MODALITY.get(ev.modality, ev.modality),
            "source": rn._actor(ev.source),
            "target": rn._actor(ev.target),
        }
        for ev in analysis.events
    ]


def meantime_rows(rec: Recorder) -> list[dict]:
    import newswire
    from meantime import DEFAULT_ROOT, load_meantime

    judged: dict[tuple[str, str, str], dict] = {}
    with JUDGED.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            judged[(row["article"], row["trigger"], row["type"].split()[-1])] = row
    rows = []
    for doc in load_meantime(DEFAULT_ROOT):
        if not any(k[0] == doc.name for k in judged):
            continue
        analysis = newswire.analyze(doc.text, published=doc.published)
        feats = rec.take()
        for ev in analysis.events:
            row = judged.get((doc.name, ev.trigger.text, ev.cameo))
            if row is not None:
                rows.append(labelled("mt:" + doc.name, feats[ev.trigger.start], row))
    return rows


def labelled(group: str, x: dict[str, float], row: dict) -> dict:
    """A fitting row from a judged sheet's row: fully right (real, type, source and target right) and right type."""
    right = all(row[k] == "yes" for k in ("real", "type_ok", "source_ok", "target_ok"))
    typed = row["real"] == "yes" and row["type_ok"] == "yes"
    return {"group": group, "x": x, "y": int(right), "type": int(typed)}


def seven_rows(rec: Recorder) -> list[dict]:
    """The records of the session-seven sheets newswire still emits, labelled as judged (group: the article)."""
    import newswire
    from judge_sample import _key, event_records, load_docs

    judged: dict[tuple, dict] = {}
    sources: set[str] = set()
    for sheet, srcs in SEVEN:
        sources |= set(srcs)
        with sheet.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                key = _key(row["article"], row["trigger"], row["type"], row["source"].rsplit(" (", 1)[0], row["target"].rsplit(" (", 1)[0])
                judged[key] = row
    names = {k[0] for k in judged}
    rows = []
    for source in sorted(sources):
        for doc in load_docs(source):
            if doc.name not in names:
                continue
            analysis = newswire.analyze(doc.text, published=doc.published)
            feats = rec.take()
            for ev, r in zip(analysis.events, event_records(doc, analysis)):
                row = judged.pop(_key(r["article"], r["trigger"], f"{r['type']} {r['cameo']}", r["source"], r["target"]), None)
                if row is not None:
                    rows.append(labelled("j7:" + doc.name, feats[ev.trigger.start], row))
    return rows


def design(rows: list[dict], names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    X = np.array([[1.0] + [r["x"][n] for n in names] for r in rows])
    y = np.array([r["y"] for r in rows], dtype=float)
    return X, y


def fit(X: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (no penalty on the intercept, column 0)."""
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], l2)
    pen[0] = 1e-6
    for _ in range(100):
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) + pen * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return w


def predict(X: np.ndarray, w: np.ndarray, names: tuple[str, ...] = ()) -> np.ndarray:
    """Rounded as the stage rounds, and gated as it gates: under `confidence.CAP` unless the record is clear."""
    from newswire.events.confidence import CAP

    p = np.round(1 / (1 + np.exp(-X @ w)), 2)
    if "clear" in names:
        clear = X[:, 1 + names.index("clear")] > 0
        p = np.where(clear, p, np.minimum(p, CAP))
    return p


def cross_validated(rows: list[dict], names, l2: float) -> np.ndarray:
    X, y = design(rows, names)
    groups = np.array([r["group"] for r in rows])
    out = np.zeros(len(rows))
    for g in sorted(set(groups)):
        test = groups == g
        w = fit(X[~test], y[~test], l2)
        out[test] = predict(X[test], w, names)
    return out


def report(title: str, rows: list[dict], scores: np.ndarray) -> None:
    y = np.array([r["y"] for r in rows])
    t = np.array([r["type"] for r in rows])
    print(f"  {title}: {len(rows)} events, {y.sum()} fully right ({y.mean():.3f}), {t.sum()} right type ({t.mean():.3f})")
    for th in THRESHOLDS:
        sel = scores >= th
        n = int(sel.sum())
        if n:
            print(f"    confidence >= {th}: {n:3d} events, fully right {y[sel].sum():3d} ({y[sel].mean():.3f}), right type {t[sel].mean():.3f}")
        else:
            print(f"    confidence >= {th}:   0 events")
    bins = [(0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)]
    cal = []
    for lo, hi in bins:
        sel = (scores >= lo) & (scores < hi)
        if sel.any():
            cal.append(f"[{lo:.1f},{min(hi, 1):.1f}) n={int(sel.sum())} mean={scores[sel].mean():.2f} right={y[sel].mean():.2f}")
    print("    calibration: " + "; ".join(cal))


def write(w: np.ndarray, names, n_rows: int, l2: float) -> None:
    lines = [
        "# event_confidence.tsv: weights of the events stage's confidence model (newswire/events/confidence.py).",
        "# confidence = 1 / (1 + exp(-(bias + sum of the weights of the features that hold))), rounded to 2 decimals,",
        "# and capped at 0.69 unless the record is `clear` (confidence.py's gate).",
        f"# Fitted by eval/fit_event_confidence.py (L2 {l2}) on {n_rows} development events: realnews-events dev.jsonl",
        "# (label: fully right by eval/realnews_events.py), eval/judged/events-meantime-80.tsv and the session-seven sheets",
        "# events-conf07-seven.tsv and events-timebank-floor02-seven.tsv (label: judged fully right).",
        "# Do not edit by hand: re-run the script with --write after changing the stage.",
        "feature\tweight",
        f"bias\t{w[0]:.4f}",
    ]
    lines += [f"{n}\t{v:.4f}" for n, v in zip(names, w[1:])]
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS}: bias and {len(names)} fitted features ({', '.join(names)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="write the weights fitted on all the data")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--no-meantime", action="store_true", help="leave out the judged MEANTIME sheet")
    ap.add_argument("--no-seven", action="store_true", help="leave out the session-seven judged sheets")
    args = ap.parse_args()
    if not rn.DEFAULT_PATH.exists():
        print(f"real-news event gold not found at {rn.DEFAULT_PATH} (../shared is absent); skipping")
        return 0
    from newswire.events.confidence import FITTED as FEATURES, MISREAD  # the MISREAD features only gate: no weight

    rec = Recorder()
    rows = realnews_rows(rec)
    parts = {"realnews dev": rows}
    if not args.no_meantime:
        parts["judged MEANTIME"] = meantime_rows(rec)
    if not args.no_seven:
        parts["judged session seven"] = seven_rows(rec)
    rows = [r for part in parts.values() for r in part]
    print(", ".join(f"{len(part)} {name} events" for name, part in parts.items()))
    cv = cross_validated(rows, FEATURES, args.l2)
    print("leave-one-article-out cross-validation:")
    at = 0
    for name, part in parts.items():
        report(name, part, cv[at : at + len(part)])
        at += len(part)
    if len(parts) > 1:
        report("all", rows, cv)
    X, y = design(rows, FEATURES)
    w = fit(X, y, args.l2)
    print("fitted on all (in-sample):")
    report("all", rows, predict(X, w, FEATURES))
    print("weights: " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(("bias",) + FEATURES, w)))
    print(f"not fitted (they only keep a record out of `clear`): {', '.join(MISREAD)}")
    if args.write:
        write(w, FEATURES, len(rows), args.l2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
