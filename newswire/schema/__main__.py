"""`python -m newswire.schema [--write | --check]`: print, rewrite or check analysis-1.schema.json."""

from __future__ import annotations

import sys

from . import SCHEMA_FILE, render, stale


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        SCHEMA_FILE.write_text(render(), encoding="utf-8")
        print(f"wrote {SCHEMA_FILE}")
        return 0
    if argv == ["--check"]:
        if stale():
            print(f"{SCHEMA_FILE} differs from the records; run: python -m newswire.schema --write", file=sys.stderr)
            return 1
        return 0
    if argv:
        print("usage: python -m newswire.schema [--write | --check]", file=sys.stderr)
        return 2
    sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
