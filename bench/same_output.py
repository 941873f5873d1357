"""Does a change keep `analyze`'s output byte for byte? (for speed work: same records, less time)

    python bench/same_output.py --write PATH      # the JSON of every text, one line each
    python bench/same_output.py --compare PATH    # the same, compared with a file --write made

Run --write with the code before the change (e.g. `PYTHONPATH=/path/to/main`),
--compare with the code after it. The texts (from ../shared/data; a set that
is absent is skipped with a message):

  bench   the 85 texts of bench/analyze_throughput.py, published 2013-09-13
  polnear the first 300 PolNeAR train texts (sorted by name), no date
  timebank the first 100 TimeBank/AQUAINT articles, each with its own DCT

Each text goes through `pipeline.analyze_articles` (read, clean, language,
the batched parse, every stage) and is written as `Analysis.to_json(indent=None)`
after its set and name. --compare prints each differing text (the first
differing characters) and exits 1 when any differs or is missing, 0 when all
are identical. --limit N takes the first N texts of each set (a quick check);
--sets and --part k/n split a comparison over several processes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "eval"))

BENCH_PUBLISHED = "2013-09-13"


def text_sets(limit: int | None) -> dict[str, list[tuple[str, str, str | None]]]:
    """set name → [(name, text, published)]."""
    sets: dict[str, list[tuple[str, str, str | None]]] = {}
    from analyze_throughput import load_texts

    sets["bench"] = [(f"{i:03d}", t, BENCH_PUBLISHED) for i, t in enumerate(load_texts(None))]
    train = SHARED / "polnear" / "train" / "text"
    if train.is_dir():
        sets["polnear"] = [(p.stem, p.read_text(encoding="utf-8"), None) for p in sorted(train.glob("*.txt"))[:300]]
    else:
        print(f"PolNeAR train not found under {train}; skipping it")
    from timebank import DEFAULT_ROOT, corpus_files, load_file

    files = corpus_files(DEFAULT_ROOT)[:100]
    if files:
        sets["timebank"] = [(d.name, d.text, d.dct) for d in map(load_file, files)]
    else:
        print(f"TimeBank not found under {DEFAULT_ROOT}; skipping it")
    return {name: items[:limit] if limit else items for name, items in sets.items()}


def outputs(limit: int | None, sets: list[str] | None = None, part: tuple[int, int] = (1, 1)) -> dict[str, str]:
    """f"{set}/{name}" → the JSON of its analysis (of the `sets` named, all when None; of every n-th text from the k-th
    when part is (k, n))."""
    from newswire.pipeline import analyze_articles
    from newswire.text.read import read_text

    out: dict[str, str] = {}
    for set_name, items in text_sets(limit).items():
        if sets and set_name not in sets:
            continue
        items = items[part[0] - 1 :: part[1]]
        articles = (read_text(text, published=published) for _, text, published in items)
        for (name, _, _), analysis in zip(items, analyze_articles(articles, any_language=True), strict=True):
            out[f"{set_name}/{name}"] = analysis.to_json(indent=None)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sets", help="only these sets, comma-separated (bench, polnear, timebank): to split a --compare")
    ap.add_argument("--part", default="1/1", help="k/n: only every n-th text from the k-th of each set (default 1/1)")
    args = ap.parse_args(argv)
    k, n = (int(x) for x in args.part.split("/"))
    subset = args.sets is not None or n > 1
    now = outputs(args.limit, args.sets.split(",") if args.sets else None, (k, n))
    if args.write:
        args.write.write_text("".join(f"{key}\t{raw}\n" for key, raw in now.items()), encoding="utf-8")
        print(f"{len(now)} analyses written to {args.write}")
        return 0
    before = dict(line.rstrip("\n").split("\t", 1) for line in args.compare.read_text(encoding="utf-8").splitlines())
    if subset:  # a part of a split comparison: the texts of the other parts are not missing
        wanted = {f"{name}/{item[0]}" for name, items in text_sets(args.limit).items() for item in items[k - 1 :: n]}
        wanted = {key for key in wanted if not args.sets or key.split("/")[0] in args.sets.split(",")}
        before = {key: raw for key, raw in before.items() if key in wanted}
    differ = 0
    for key in sorted(before.keys() | now.keys()):
        old, new = before.get(key), now.get(key)
        if old == new:
            continue
        differ += 1
        if old is None or new is None:
            print(f"{key}: only in {'the new run' if old is None else args.compare}")
            continue
        at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        print(f"{key}: differs at character {at}: {old[max(0, at - 60) : at + 60]!r} -> {new[max(0, at - 60) : at + 60]!r}")
    print(f"{len(now)} analyses, {len(before)} before; {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
