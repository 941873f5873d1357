"""Events on whole real news articles: precision and recall against every annotated event.

    python eval/realnews_events.py [--path FILE] [--show N] [--json PATH] [--curve]

Gold
  ../shared/data/realnews-events/dev.jsonl: 32 whole TimeBank/AQUAINT news
  articles in which every event is annotated (type, trigger, source and
  target with CAMEO-style codes, modality), per ../shared/docs/EVENTS-GOLD.md.
  It is a development set: small, so do not tune on it alone; other articles
  annotated the same way are held out.

System
  newswire.analyze on each article's text with its publication date; every
  event it emits counts (a user sees them all); CAMEO 01 public statements
  are not emitted (session seventeen) and CAMEO 02 appeals are REQUEST.

Matching
  A predicted event matches a gold one when its trigger starts in the gold
  event's sentence and its type agrees: the PLOVER type, or the CAMEO root
  where the prediction has no PLOVER type (CAMEO 02 appeals are REQUEST in
  the gold). One-to-one, nearest triggers first (ties by position).

Scores
  type   P/R/F1 of the matching above, micro over articles, and per type.
  full   the same matching where source and target countries must agree too:
         the first three letters of the codes (IGO, NGO and ISO alpha-3); a
         gold actor with an empty code accepts any predicted actor or none, a
         null gold actor only a missing predicted one.
  modality  accuracy on type-matched events (newswire's `conditional` is the
         gold's `hypothetical`).
  empty  predicted events in articles whose gold has none.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PATH = REPO.parent / "shared" / "data" / "realnews-events" / "dev.jsonl"
# newswire's modality names → the gold's
MODALITY = {"conditional": "hypothetical"}


def load(path: Path) -> list[dict]:
    if not path.exists():
        print(f"real-news event gold not found at {path} (../shared is absent); skipping")
        sys.exit(0)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(articles: list[dict]) -> list[list[dict]]:
    sys.path.insert(0, str(REPO))
    import newswire

    out = []
    for art in articles:
        analysis = newswire.analyze(art["text"], published=art.get("published"), any_language=True)
        events = []
        for ev in analysis.events:
            events.append(
                {
                    "trigger": {"start": ev.trigger.start, "end": ev.trigger.end, "text": ev.trigger.text},
                    "plover": ev.plover,
                    "cameo_root": ev.cameo_root,
                    "cameo": ev.cameo,
                    "modality": MODALITY.get(ev.modality, ev.modality),
                    "source": _actor(ev.source),
                    "target": _actor(ev.target),
                    "confidence": ev.confidence,
                }
            )
        out.append(events)
    return out


def _actor(actor) -> dict | None:
    if actor is None:
        return None
    return {"start": actor.start, "end": actor.end, "text": actor.text, "code": actor.actor or ""}


def type_agrees(pred: dict, gold: dict) -> bool:
    if pred["plover"]:
        return pred["plover"] == gold["plover"]
    return pred["cameo_root"] == gold["cameo_root"]


def country(code: str | None) -> str:
    return (code or "")[:3]


def side_agrees(pred: dict | None, gold: dict | None) -> bool:
    if gold is None:
        return pred is None
    if not gold.get("code"):
        return True
    return pred is not None and country(pred["code"]) == country(gold["code"])


def full_agrees(pred: dict, gold: dict) -> bool:
    return type_agrees(pred, gold) and side_agrees(pred["source"], gold["source"]) and side_agrees(pred["target"], gold["target"])


def match(preds: list[dict], golds: list[dict], agrees) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), nearest triggers first."""
    pairs = []
    for i, p in enumerate(preds):
        start = p["trigger"]["start"]
        for j, g in enumerate(golds):
            s, e = g["sentence"]
            if s <= start < e and agrees(p, g):
                pairs.append((abs(start - g["trigger"]["start"]), start, j, i))
    used_p, used_g, out = set(), set(), []
    for _, _, j, i in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "predicted": npred, "gold": ngold, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def label(ev: dict) -> str:
    """The type an event counts under: its PLOVER type (CAMEO 02 appeals are REQUEST, as in the gold)."""
    return ev["plover"] or ("REQUEST" if ev["cameo_root"] == "02" else f"CAMEO{ev['cameo_root']}")


def score(articles: list[dict], predictions: list[list[dict]], show: int = 0) -> dict:
    type_tp = full_tp = npred = ngold = 0
    modality_right = 0
    empty = 0
    per_type_tp, per_type_pred, per_type_gold = Counter(), Counter(), Counter()
    false_pos, misses = [], []
    for art, preds in zip(articles, predictions):
        golds = art["events"]
        npred += len(preds)
        ngold += len(golds)
        if not golds:
            empty += len(preds)
        pairs = match(preds, golds, type_agrees)
        type_tp += len(pairs)
        full_tp += len(match(preds, golds, full_agrees))
        modality_right += sum(preds[i]["modality"] == golds[j]["modality"] for i, j in pairs)
        per_type_pred.update(label(p) for p in preds)
        per_type_gold.update(g["plover"] for g in golds)
        per_type_tp.update(golds[j]["plover"] for _, j in pairs)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        false_pos += [(art, p) for i, p in enumerate(preds) if i not in matched_p]
        misses += [(art, g) for j, g in enumerate(golds) if j not in matched_g]
    result = {
        "articles": len(articles),
        "type": prf(type_tp, npred, ngold),
        "full": prf(full_tp, npred, ngold),
        "modality_accuracy": round(modality_right / type_tp, 3) if type_tp else None,
        "events_in_articles_without_gold_events": empty,
        "articles_without_gold_events": sum(1 for a in articles if not a["events"]),
        "per_type": {
            t: prf(per_type_tp[t], per_type_pred[t], per_type_gold[t])
            for t in sorted(set(per_type_gold) | set(per_type_pred))
        },
    }
    if show:
        _show("false positives (emitted, no gold event of that type in the sentence)", false_pos[:show], pred=True)
        _show("misses (gold events not found)", misses[:show], pred=False)
    return result


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def _show(title: str, items, pred: bool) -> None:
    print(f"\n== {title}")
    for art, ev in items:
        t = ev["trigger"]
        src = (ev["source"] or {}).get("code", "-") if ev["source"] else "-"
        tgt = (ev["target"] or {}).get("code", "-") if ev["target"] else "-"
        print(f"{art['id']} {label(ev) if pred else ev['plover']} {src or '?'} -> {tgt or '?'} {ev['modality']}: {_context(art['text'], t['start'], t['end'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--show", type=int, default=0, help="print N false positives and N misses")
    parser.add_argument("--json", type=Path, help="write the scores here as JSON")
    parser.add_argument("--curve", action="store_true", help="also print type and full P/R when only events at or above each confidence are kept")
    args = parser.parse_args()
    articles = load(args.path)
    predictions = predict(articles)
    result = score(articles, predictions, show=args.show)
    if args.curve:
        print("confidence  kept  type P / R      full P / R")
        for floor in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            kept = [[p for p in preds if (p["confidence"] or 0.0) >= floor] for preds in predictions]
            r = score(articles, kept)
            t, f = r["type"], r["full"]
            print(f"  >= {floor:<5}  {t['predicted']:4d}  {t['precision']:.3f} / {t['recall']:.3f}  {f['precision']:.3f} / {f['recall']:.3f}")
    t, f = result["type"], result["full"]
    print(f"\n{result['articles']} articles, {t['gold']} gold events, {t['predicted']} predicted")
    print(f"type      P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}")
    print(f"full      P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    print(f"modality  {result['modality_accuracy']} on {t['tp']} matched")
    print(f"empty     {result['events_in_articles_without_gold_events']} events in {result['articles_without_gold_events']} articles without gold events")
    print("\nper type (gold types and predicted labels)")
    for name, s in result["per_type"].items():
        print(f"  {name:12} P {s['precision']:.2f} R {s['recall']:.2f}  (tp {s['tp']}, pred {s['predicted']}, gold {s['gold']})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
