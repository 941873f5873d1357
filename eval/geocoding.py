"""Geocoding accuracy on hand-annotated place mentions of MEANTIME and TimeBank/AQUAINT texts.

    python eval/geocoding.py [--show [meantime|timebank]]

The gold (eval/geocoding_gold.tsv: document, offsets, mention, gold level,
country and GeoNames feature id, a note; not the texts) was annotated by one
reader: 112 candidate mentions of 60 MEANTIME articles (its gold LOC names)
and 120 of 30 TimeBank/AQUAINT articles (the names spaCy tags GPE or LOC),
each read in its article and given the feature the text means; mentions that
are no place (a person, "Brent" crude), phrases holding several places
("Seattle, Washington, in the United States") and organisations named by a
building ("The White House says") were left out: 210 remain. MEANTIME is the
development part (rules were changed after looking at it); TimeBank is held
out (measured only).

Each mention is resolved as newswire resolves it in `analyze`: the article is
cleaned and parsed as the pipeline does, and `Document.geo(mention, start)`
reads it with the article's other places. The baseline takes the most
populous match: the country a name names, else the most populous city of the
name, else the first division of that name.

Scores, per part:
  country   the predicted country is the gold one, over the mentions whose gold is a place
            (no answer counts as wrong); "answered" is how many got any answer, "precision"
            the share of those that are right
  city/ADM1 the predicted feature is the gold city or division, over the mentions whose gold is one
  false     mentions whose gold is no place (a continent, the EU) that got a feature anyway

Skips with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

GOLD = HERE / "geocoding_gold.tsv"
# A second out-of-sample set: 110 place names of TimeBank/AQUAINT articles the first set does not use (issue 17)
GOLD_NEW = HERE / "geocoding_gold_new.tsv"
SHARED = HERE.parent.parent / "shared" / "data"


@dataclass(frozen=True)
class Gold:
    corpus: str
    doc: str
    start: int
    end: int
    mention: str
    level: str  # country, adm1, city, none
    country: str
    feature_id: int | None
    note: str


def load_gold(path: Path = GOLD) -> list[Gold]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [
        Gold(r["corpus"], r["doc"], int(r["start"]), int(r["end"]), r["mention"], r["level"], r["country"],
             int(r["feature_id"]) if r["feature_id"] else None, r["note"])
        for r in rows
    ]  # fmt: skip


def texts() -> dict[tuple[str, str], str]:
    from meantime import load_meantime
    from timebank import load_timebank

    out = {("meantime", d.name): d.text for d in load_meantime()}
    out.update({("timebank", d.name): d.text for d in load_timebank()})
    return out


def most_populous(name: str):
    """The baseline: the country the name names, else its most populous city, else its first division."""
    from newswire.lexicon.places import geo_of, readings

    found = readings(name)
    if not found:
        return None
    countries = [r for r in found if r.place is None]
    cities = sorted((r for r in found if r.place is not None and r.place.kind == "city"), key=lambda r: -r.population)
    return geo_of((countries or cities or found)[0])


def newswire_geos(text: str, golds: list[Gold]):
    from newswire.document import Document
    from newswire.text.clean import find_removed
    from newswire.text.parse import parse

    context = Document(parse(text, find_removed(text)))
    return [context.geo(g.mention, g.start) for g in golds]


def score(golds: list[Gold], geos: list) -> dict[str, float | int]:
    places = [(g, p) for g, p in zip(golds, geos) if g.level != "none"]
    fine = [(g, p) for g, p in places if g.level in ("city", "adm1")]
    answered = [(g, p) for g, p in places if p is not None]
    right = sum(1 for g, p in answered if p.country == g.country)
    return {
        "mentions": len(places),
        "country": right / len(places) if places else 0.0,
        "answered": len(answered) / len(places) if places else 0.0,
        "precision": right / len(answered) if answered else 0.0,
        "fine_mentions": len(fine),
        "fine": sum(1 for g, p in fine if p is not None and p.feature_id == g.feature_id) / len(fine) if fine else 0.0,
        "none_mentions": len(golds) - len(places),
        "false": sum(1 for g, p in zip(golds, geos) if g.level == "none" and p is not None),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", nargs="?", const="meantime", choices=("meantime", "timebank", "timebank-new"),
                        help="print every mention newswire gets wrong in one part (default: the development part, "
                             "MEANTIME; the held-out part is for measuring, not for reading its errors)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: no shared data at {SHARED}")
        return 0
    golds = load_gold() + load_gold(GOLD_NEW)
    by_doc: dict[tuple[str, str], list[Gold]] = {}
    for g in golds:
        by_doc.setdefault((g.corpus, g.doc), []).append(g)
    text_of = texts()
    ours, base = {}, {}
    for key, items in by_doc.items():
        text = text_of[("timebank", key[1]) if key[0] == "timebank-new" else key]
        for g in items:
            assert text[g.start : g.end] == g.mention, (key, g)
        for g, geo in zip(items, newswire_geos(text, items)):
            ours[g] = geo
            base[g] = most_populous(g.mention)
    print(f"{len(golds)} annotated mentions ({GOLD.name}, {GOLD_NEW.name})\n")
    print("| part | system | place mentions | country accuracy | answered | country precision | city/ADM1 mentions | city/ADM1 accuracy | no-place mentions given a feature |")
    print("|---|---|---|---|---|---|---|---|---|")
    for corpus, label in (("meantime", "MEANTIME (development)"), ("timebank", "TimeBank/AQUAINT (held out)"),
                          ("timebank-new", "TimeBank/AQUAINT, second set (out of sample)")):
        part = [g for g in golds if g.corpus == corpus]
        for name, found in (("most populous", base), ("newswire", ours)):
            s = score(part, [found[g] for g in part])
            print(f"| {label} | {name} | {s['mentions']} | {100 * s['country']:.1f} | {100 * s['answered']:.1f} | "
                  f"{100 * s['precision']:.1f} | {s['fine_mentions']} | {100 * s['fine']:.1f} | {s['false']} / {s['none_mentions']} |")
    if args.show:
        print()
        for g in golds:
            if g.corpus != args.show:
                continue
            p = ours[g]
            wrong = (p is not None) if g.level == "none" else (p is None or p.country != g.country or (g.feature_id and p.feature_id != g.feature_id))
            if wrong:
                print(f"{g.corpus}\t{g.doc[:40]}\t{g.mention!r}\tgold {g.level} {g.country} {g.feature_id or ''}\t"
                      f"got {p and (p.type, p.name, p.feature_id)}\t{g.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
