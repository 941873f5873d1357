"""Cost of `analyze` on long documents: is every stage linear in the length?

    python bench/long_documents.py [--sizes 100000,400000,1000000] [--published YYYY-MM-DD]
                                   [--profile SIZE] [--json PATH]

Texts: the PolNeAR train texts from ../shared/data (exits with a message when
absent), distinct articles concatenated in name order with a blank line
between them, as many whole ones as fit in each size (~100k, ~400k and ~1M
characters by default; 1,000,000 is the default --max-chars): real news, no
copies, so the cleaner removes little as a repeat (the removed characters are
printed). Each document is analysed once, in
this process, smallest first (the model is loaded and warmed beforehand), its
stages timed as bench/analyze_throughput.py times them (read, clean+language,
parse, each `extract_*` stage, and the records left over).

Prints seconds per stage and per 100k characters at each size, the ratio of
the time per character at each size to the first (issue 11: analyze of 400k
costs at most 4.5 x the time of 100k, a ratio of at most 1.125 per
character), and the peak resident memory after each size (it only grows: the
biggest document's peak is the last). The machine's other load is not
controlled: say so when quoting the numbers.

--profile SIZE runs cProfile over the analysis of that document (after the
timed pass) and prints the 40 costliest functions by cumulative and by own
time: where a stage stops being linear.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyze_throughput import stage_times  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
SEPARATOR = "\n\n"


def load_articles() -> list[str]:
    if not POLNEAR_TRAIN.is_dir():
        print(f"PolNeAR train texts not found under {POLNEAR_TRAIN}; skipping the benchmark")
        sys.exit(0)
    seen: set[str] = set()
    texts = []
    for path in sorted(POLNEAR_TRAIN.glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        if text and text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def long_document(articles: list[str], size: int) -> str:
    """Distinct articles joined by blank lines, whole ones in order, as many as fit in `size` characters
    (1,000,000 is the default --max-chars: a document is at most that long)."""
    parts: list[str] = []
    length = -len(SEPARATOR)
    for text in articles:
        if length + len(SEPARATOR) + len(text) > size:
            break
        parts.append(text)
        length += len(SEPARATOR) + len(text)
    if length < 0.95 * size:
        sys.exit(f"only {length:,} characters of distinct articles; cannot build a {size:,}-character document")
    return SEPARATOR.join(parts)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def profile(text: str, published: str | None, top: int = 40) -> str:
    from newswire.pipeline import analyze

    profiler = cProfile.Profile()
    profiler.enable()
    analyze(text, published=published)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000,400000,1000000", help="document sizes in characters, comma-separated")
    ap.add_argument("--published", help="give every document this publication date (YYYY-MM-DD)")
    ap.add_argument("--profile", type=int, metavar="SIZE", help="also profile the document of this size")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))

    from newswire.text.clean import find_removed
    from newswire.text.parse import load_nlp

    articles = load_articles()
    docs = {size: long_document(articles, size) for size in sizes}
    load_nlp()
    stage_times(articles[:5], args.published)  # warm up

    rows = []
    for size in sizes:
        text = docs[size]
        removed = sum(r.end - r.start for r in find_removed(text))
        stages = stage_times([text], args.published)
        rows.append(
            {
                "size": size,
                "characters": len(text),
                "articles": text.count(SEPARATOR) + 1,
                "removed": removed,
                "stages_s": stages,
                "total_s": sum(stages.values()),
                "peak_rss_mb": peak_rss_mb(),
            }
        )

    dated = f"published {args.published}" if args.published else "no publication date"
    print(f"distinct PolNeAR train articles joined by blank lines, {dated}; one pass each")
    names = list(rows[0]["stages_s"])
    print(f"{'':28s}" + "".join(f"{row['characters']:>12,}" for row in rows))
    print(f"{'articles':28s}" + "".join(f"{row['articles']:>12,}" for row in rows))
    print(f"{'removed by clean (chars)':28s}" + "".join(f"{row['removed']:>12,}" for row in rows))
    print("seconds per stage:")
    for name in names:
        print(f"  {name:26s}" + "".join(f"{row['stages_s'].get(name, 0.0):12.2f}" for row in rows))
    print(f"  {'total':26s}" + "".join(f"{row['total_s']:12.2f}" for row in rows))
    print("seconds per 100k characters:")
    for name in [*names, "total"]:
        per = [
            (row["total_s"] if name == "total" else row["stages_s"].get(name, 0.0)) * 100_000 / row["characters"]
            for row in rows
        ]
        print(f"  {name:26s}" + "".join(f"{p:12.3f}" for p in per))
    print(f"{'peak RSS after (MB)':28s}" + "".join(f"{row['peak_rss_mb']:12.0f}" for row in rows))
    first = rows[0]
    for row in rows[1:]:
        times = row["total_s"] / first["total_s"]
        length = row["characters"] / first["characters"]
        print(
            f"{row['size'] // 1000}k / {first['size'] // 1000}k: {times:.2f} x the time for {length:.2f} x the text"
            f" ({times / length:.2f} x per character; linear is 1.00)"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    if args.profile:
        if args.profile not in docs:
            sys.exit(f"--profile {args.profile} is not one of --sizes")
        print(profile(docs[args.profile], args.published))


if __name__ == "__main__":
    main()
