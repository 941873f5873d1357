"""Snapshot newswire's output on a fixed set of articles, or compare against a snapshot.

A refactoring must not change what newswire says: take a snapshot before,
make the change, compare after. The set is every file given (text, HTML or
JSON lines with `text` and `published`), analysed with the same published
date rules as `newswire analyze`.

    python scripts/snapshot.py take before/ samples/ ../shared/data/seed/ \
        --polnear 40 --realnews          # + 40 PolNeAR dev texts, the real-news articles
    python scripts/snapshot.py compare before/ samples/ ../shared/data/seed/ --polnear 40 --realnews

`compare` prints the first differing record of each article that changed and
exits 1 if any did. The `version` field is left out (it is not output).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def articles(paths: list[str], polnear: int, realnews: bool):
    from newswire.text.read import read_path, read_text

    for p in paths:
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix in (".txt", ".html", ".htm"):
                yield f.name, read_path(f)
            elif f.suffix == ".json":
                doc = json.loads(f.read_text(encoding="utf-8"))
                yield f.name, read_text(doc["text"], title=doc.get("title"), published=doc.get("published"))
    if polnear:
        texts = sorted((SHARED / "polnear" / "dev" / "text").glob("*"))[:polnear]
        for f in texts:
            yield "polnear-" + f.name, read_text(f.read_text(encoding="utf-8"), published="2016-09-15")
    if realnews:
        for line in (SHARED / "realnews-events" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            yield "realnews-" + doc["id"], read_text(doc["text"], published=doc.get("published"))


def outputs(args) -> dict[str, str]:
    from newswire.pipeline import analyze_article

    result = {}
    for name, article in articles(args.paths, args.polnear, args.realnews):
        data = analyze_article(article, any_language=True).to_dict()
        data.pop("version", None)
        result[name] = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["take", "compare"])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--polnear", type=int, default=0, help="also the first N PolNeAR dev texts")
    parser.add_argument("--realnews", action="store_true", help="also the real-news event articles")
    args = parser.parse_args()
    got = outputs(args)
    if args.action == "take":
        args.snapshot.mkdir(parents=True, exist_ok=True)
        for name, text in got.items():
            (args.snapshot / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"{len(got)} articles written to {args.snapshot}")
        return 0
    changed = 0
    for name, text in got.items():
        before_path = args.snapshot / f"{name}.json"
        before = before_path.read_text(encoding="utf-8") if before_path.exists() else ""
        if before != text:
            changed += 1
            diff = list(difflib.unified_diff(before.splitlines(), text.splitlines(), "before", "after", n=2, lineterm=""))
            print(f"== {name}: changed")
            print("\n".join(diff[:40]))
    print(f"{changed} of {len(got)} articles changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
