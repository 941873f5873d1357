"""Peak memory of reading hostile inputs: each refused while it is read, never held whole.

    python bench/read_memory.py [--size BYTES]

Writes, by streaming (compressed they are small), inputs holding one document
of --size bytes (default 600 MB) next to good ones, and runs newswire on each
in a fresh process at the default --max-chars (1,000,000):

  jsonl.gz  ingest   a .jsonl.gz whose first line is the huge one, two stories after it
  jsonl.gz  analyze  the same file named to `analyze` (read as one gzipped input)
  txt.gz    analyze  a .txt.gz of --size bytes
  warc      ingest   an uncompressed WARC whose first record has a --size body
  warc.gz   ingest   a .warc.gz whose first record's chunked, gzip-encoded body inflates to --size

and the same commands on the good stories alone: the baseline (spaCy's model
is loaded for them in ingest --workers 0). It prints the peak resident memory
of each run (ru_maxrss of the child), what the run said, and the peak over the
baseline. Done when every run stays under 1 GB and each ingest still stores the
stories after the huge document.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest import STORIES, html_page, warc_record  # noqa: E402

BLOCK = b"a" * (1 << 20)


def repeat(stream, size: int) -> None:
    for start in range(0, size, len(BLOCK)):
        stream.write(BLOCK[: size - start])


def stories_jsonl() -> bytes:
    return b"".join(json.dumps({"text": STORIES[k]}).encode() + b"\n" for k in ("floods", "budget"))


def good_warc() -> bytes:
    return b"".join(warc_record(f"https://example.org/{k}", html_page(k, STORIES[k])) for k in ("floods", "budget"))


def write_jsonl_gz(path: Path, size: int) -> None:
    with gzip.open(path, "wb", compresslevel=1) as out:
        if size:
            out.write(b'{"text": "')
            repeat(out, size)
            out.write(b'"}\n')
        out.write(stories_jsonl())


def write_txt_gz(path: Path, size: int) -> None:
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(STORIES["floods"].encode())
        repeat(out, size)


def write_warc(path: Path, size: int) -> None:
    with path.open("wb") as out:
        if size:
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            out.write(f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/huge\r\nContent-Length: {len(http) + size}\r\n\r\n".encode() + http)
            repeat(out, size)
            out.write(b"\r\n\r\n")
        out.write(good_warc())


def write_warc_gz(path: Path, size: int) -> None:
    with path.open("wb") as out:
        if size:
            packer = zlib.compressobj(9, zlib.DEFLATED, 31)
            body = b"".join(packer.compress(BLOCK[: size - s]) for s in range(0, size, len(BLOCK))) + packer.flush()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
            http += b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
            record = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bomb\r\nContent-Length: {len(http)}\r\n\r\n".encode()
            out.write(gzip.compress(record + http + b"\r\n\r\n"))
        out.write(b"".join(gzip.compress(warc_record(f"https://example.org/{k}", html_page(k, STORIES[k]))) for k in ("floods", "budget")))


CASES = [
    ("jsonl.gz", "ingest", "feed.jsonl.gz", write_jsonl_gz),
    ("jsonl.gz", "analyze", "feed.jsonl.gz", write_jsonl_gz),
    ("txt.gz", "analyze", "story.txt.gz", write_txt_gz),
    ("warc", "ingest", "crawl.warc", write_warc),
    ("warc.gz", "ingest", "crawl.warc.gz", write_warc_gz),
]


def run(command: list[str]) -> tuple[float, int, str]:
    """Peak resident memory (MB) of one run, its exit status and the last line it wrote on standard error."""
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    err = process.stderr.read().decode().strip().splitlines()
    process.stderr.close()
    return usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), err[-1] if err else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=600_000_000, help="bytes of the huge document (default 600 MB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'input':9} {'command':8} {'baseline MB':>11} {'huge MB':>8} {'over':>6}  said")
        for n, (kind, command, name, write) in enumerate(CASES):
            peaks = []
            for size in (0, args.size):
                path = folder / f"{n}-{size}-{name}"
                write(path, size)
                line = [sys.executable, "-m", "newswire", command, str(path)]
                if command == "ingest":
                    line += ["--db", str(folder / f"{n}-{size}.duckdb"), "--workers", "0", "--quiet"]
                peak, code, said = run(line)
                peaks.append(peak)
                path.unlink()
            print(f"{kind:9} {command:8} {peaks[0]:11.0f} {peaks[1]:8.0f} {peaks[1] - peaks[0]:+6.0f}  exit {code}: {said[:150]}")


if __name__ == "__main__":
    main()
