"""Where a corpus run's articles come from: paths, and the files that hold many articles.

`find_files(paths)` turns files, folders (walked recursively) and glob
patterns into a sorted list of files. `read_documents(path)` yields what one
file holds: `Article`s, and a `Failure` for each document that cannot be read
(the rest of the file is still read). Single articles go through
`read.read_path`, so their decoding, checks and errors are the read stage's
own; the readers here only take containers apart:

  .txt .html .htm .json  one article (`read.read_path`)
  .jsonl .ndjson         one JSON object per line, as `read` reads a .json file;
                         a .json file whose first line is a whole object
                         followed by more lines is read this way too
  .warc                  every HTTP 200 HTML response record; the body goes
                         through the read stage's HTML extraction (trafilatura)
  any of them .gz        gzip-compressed (also recognised by content)

A file named on the command line is read whatever its name (its content
decides); in a folder, only files with the names above are taken (a crawl
folder also holds logs and indexes). Document names in errors and in
`articles.source` are the path, `path:LINE` for a JSON line, `path@OFFSET` for a
WARC record (the byte offset of the record, or of its gzip member).
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import mmap
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from .errors import InputError, UsageError, first_line
from .read import GZIP_MAGIC, MAX_BYTES_PER_CHAR, MAX_CHARS, read_bytes, read_path, unreadable
from .records import Article, Failure

SINGLE = (".txt", ".text", ".html", ".htm", ".xhtml", ".json")
LINES = (".jsonl", ".ndjson")
WARC = (".warc",)
KNOWN = SINGLE + LINES + WARC
_GLOB = set("*?[")
_WARC_START = b"WARC/1."
# bytes read at a time while decompressing a gzip member
_CHUNK = 1 << 20

Document = Article | Failure


def find_files(paths: Iterable[str]) -> list[Path]:
    """The files to read: named files, folders walked recursively, glob patterns; sorted, each once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and _known(p) and not _hidden(p, path))
        elif path.exists():
            found.append(path)
        elif _GLOB & set(raw):
            matches = [Path(p) for p in sorted(glob.glob(raw, recursive=True))]
            files = [p for p in matches if p.is_file()]
            files += [f for p in matches if p.is_dir() for f in sorted(p.rglob("*")) if f.is_file() and _known(f)]
            if not files:
                raise UsageError(f"no files match {raw!r}")
            found += files
        else:
            raise UsageError(f"no such file or folder: {raw}")
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _known(path: Path) -> bool:
    return _inner_suffix(path) in KNOWN


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _inner_suffix(path: Path) -> str:
    """The suffix that names the format: `.warc` for `crawl.warc.gz`."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def estimate_documents(path: Path) -> int | None:
    """How many documents a file holds, cheaply: 1 for a single article, lines for JSON lines, None when unknown."""
    kind = _kind(path)
    if kind == "single":
        return 1
    if kind == "lines" and not _is_gzip(path):
        try:
            with path.open("rb") as stream:
                return sum(1 for line in stream if line.strip())
        except OSError:
            return 1
    return None


def read_documents(path: Path, *, max_chars: int = MAX_CHARS) -> Iterator[Document]:
    """Every document in one file: an `Article`, or a `Failure` for one that cannot be read."""
    try:
        kind = _kind(path)
        if kind == "single":
            yield read_path(path, max_chars=max_chars)
            return
        with path.open("rb") as stream:
            reader = _warc if kind == "warc" else _json_lines
            yield from reader(path, stream, max_chars)
    except OSError as err:
        yield Failure(document=str(path), stage="read", reason="bad-input", message=str(unreadable(err)))
    except InputError as err:
        yield Failure(document=str(path), stage="read", reason=err.reason, message=str(err))


def _kind(path: Path) -> str:
    """single | lines | warc: by name, else by content."""
    suffix = _inner_suffix(path)
    if suffix in WARC:
        return "warc"
    if suffix in LINES:
        return "lines"
    if suffix in SINGLE and suffix != ".json":
        return "single"
    head = _head(path)
    if head.startswith(b"WARC/"):
        return "warc"
    return "lines" if _looks_like_json_lines(head) else "single"


def _head(path: Path, size: int = 64 * 1024) -> bytes:
    """The first bytes of a file, decompressed if it is gzip ("" if unreadable)."""
    try:
        with path.open("rb") as stream:
            data = stream.read(size)
            if data.startswith(GZIP_MAGIC):
                stream.seek(0)
                with gzip.GzipFile(fileobj=stream) as unzipped:
                    data = unzipped.read(size)
    except (OSError, EOFError, zlib.error):
        return b""
    return data


def _is_gzip(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(2) == GZIP_MAGIC
    except OSError:
        return False


def _looks_like_json_lines(head: bytes) -> bool:
    """A first line that is a whole JSON object, with more lines after it."""
    lines = head.lstrip().split(b"\n", 1)
    if len(lines) < 2 or not lines[0].strip().startswith(b"{") or not lines[1].strip():
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False


# --- JSON lines ------------------------------------------------------------------


def _json_lines(path: Path, raw: BinaryIO, max_chars: int) -> Iterator[Document]:
    gz = raw.read(2) == GZIP_MAGIC
    raw.seek(0)
    stream = gzip.GzipFile(fileobj=raw) if gz else raw
    number = 0
    try:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield _read_one(line, f"{path}:{number}", "json", max_chars)
    except (OSError, EOFError, zlib.error) as err:
        if not gz:
            raise
        yield Failure(
            document=f"{path}:{number + 1}",
            stage="read",
            reason="malformed",
            message=f"corrupt gzip data after line {number} ({str(err) or type(err).__name__}); the lines before it were read",
        )


def _read_one(data: bytes, name: str, format: str, max_chars: int) -> Document:
    try:
        article = read_bytes(data, name=name, format=format, max_chars=max_chars)
    except InputError as err:
        return Failure(document=name, stage="read", reason=err.reason, message=str(err))
    return article


# --- WARC --------------------------------------------------------------------------


def _warc(path: Path, stream: BinaryIO, max_chars: int) -> Iterator[Document]:
    if path.stat().st_size == 0:
        yield _empty_warc(path)
        return
    with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:2] == GZIP_MAGIC:
            yield from _warc_gzip(path, data, max_chars)
        elif _skip_blank(data, 0) >= len(data):
            yield _empty_warc(path)
        else:
            yield from _warc_records(path, data, 0, max_chars)


def _empty_warc(path: Path) -> Failure:
    return Failure(document=str(path), stage="read", reason="empty", message="no records: the WARC file is empty")


def _warc_gzip(path: Path, data: mmap.mmap, max_chars: int) -> Iterator[Document]:
    """A .warc.gz, member by member: a corrupt member is skipped to the next one."""
    blank = True  # every member holds nothing but blank lines (gzip of an empty file): said, not silence
    for offset, member in _gzip_members(data, MAX_BYTES_PER_CHAR * max_chars):
        blank = blank and not isinstance(member, Exception) and _skip_blank(member, 0) >= len(member)
        if isinstance(member, Exception):
            yield Failure(
                document=f"{path}@{offset}",
                stage="read",
                reason="malformed",
                message=f"corrupt gzip member ({member}); skipped to the next record",
            )
        else:
            yield from _warc_records(path, member, offset, max_chars, member_offset=True)
    if blank:
        yield _empty_warc(path)


def _gzip_members(data: mmap.mmap, cap: int) -> Iterator[tuple[int, bytes | Exception]]:
    """(offset, decompressed bytes) of each gzip member; an exception in place of a member that cannot be read."""
    pos = 0
    while pos < len(data):
        if data[pos : pos + 2] != GZIP_MAGIC:
            rest = data[pos : pos + 64]
            if not rest.strip(b"\x00\r\n\t "):  # padding at the end
                return
            error: Exception | None = ValueError("not gzip data")
        else:
            member, end, error = _inflate(data, pos, cap)
            if error is None:
                yield pos, member
                pos = end
                continue
        yield pos, error
        nxt = data.find(GZIP_MAGIC, pos + 1)
        while nxt >= 0:  # resynchronise: the next offset where a whole member decodes
            member, end, error = _inflate(data, nxt, cap)
            if error is None:
                break
            nxt = data.find(GZIP_MAGIC, nxt + 1)
        if nxt < 0:
            return
        pos = nxt


def _inflate(data: mmap.mmap, pos: int, cap: int) -> tuple[bytes, int, Exception | None]:
    """The gzip member at `pos`: (content, offset after it, None), or (b"", pos, the error)."""
    inflater = zlib.decompressobj(wbits=31)
    out, size, i = [], 0, pos
    try:
        while not inflater.eof:
            chunk = inflater.unconsumed_tail
            if not chunk:
                chunk = data[i : i + _CHUNK]
                i += len(chunk)
                if not chunk:
                    raise EOFError("the member is truncated")
            part = inflater.decompress(chunk, cap + 1 - size)
            out.append(part)
            size += len(part)
            if size > cap:
                raise ValueError(f"over {cap:,} bytes uncompressed")
    except (zlib.error, EOFError, ValueError) as err:
        return b"", pos, err
    return b"".join(out), i - len(inflater.unused_data), None


def _warc_records(path: Path, data: bytes | mmap.mmap, base: int, max_chars: int, *, member_offset: bool = False) -> Iterator[Document]:
    """The articles in a run of uncompressed WARC records; after a bad record, reading resumes at the next one.

    `base` is the offset of `data` in the file; with `member_offset` every
    record is named by it (the gzip member that held it).
    """
    start = 0
    while start < len(data):
        start = _skip_blank(data, start)
        if start >= len(data):
            return
        if data[start : start + len(_WARC_START)] != _WARC_START:
            bad, problem = start, "not a WARC record (no WARC/1.x header)"
        else:
            view = io.BytesIO(data[start:]) if isinstance(data, bytes) else _MmapReader(data, start)
            records = ArchiveIterator(view)
            try:
                record = None
                for record in records:
                    # warcio reads a type-less or length-less record from CR-only line breaks or a file cut in
                    # the header: said, not skipped as "not an article"
                    if not record.rec_type:
                        raise ValueError("no WARC-Type header")
                    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                        raise ValueError("Content-Length missing or not a number")
                    body = _html_body(record, max_chars)  # read before asking for the offset, which skips to the record's end
                    missing = _unread(record) if body is None else 0
                    offset = base if member_offset else base + start + records.get_record_offset()
                    where = f"{path}@{offset}"
                    if isinstance(body, Exception):
                        yield Failure(document=where, stage="read", reason="malformed", message=f"bad HTTP response ({first_line(body)})")
                    elif missing:  # a record of any type, even one that is no article, cut short by the end of the file
                        yield Failure(document=where, stage="read", reason="malformed", message=f"bad WARC record (truncated: {missing:,} bytes are missing)")
                    elif body is not None:
                        yield _warc_article(record, body, where, max_chars)
                if record is None:  # warcio yields nothing when the file ends in or right after a header
                    raise ValueError("the file ends in or just after its header")
                return
            except Exception as err:  # warcio on untrusted bytes raises more than ArchiveLoadFailed (AttributeError, KeyError, ...)
                bad, problem = start + records.offset, f"bad WARC record ({first_line(err)})"
        where = f"{path}@{base if member_offset else base + bad}"
        yield Failure(document=where, stage="read", reason="malformed", message=f"{problem}; skipped to the next record")
        nxt = data.find(b"\n" + _WARC_START, bad + 1)
        if nxt < 0 or member_offset:
            return
        start = nxt + 1


def _skip_blank(data: bytes | mmap.mmap, start: int) -> int:
    """The offset of the first byte from `start` that is not blank (records are separated by blank lines)."""
    while start < len(data) and data[start : start + 1] in (b"\r", b"\n", b" ", b"\t", b"\x00"):
        start += 1
    return start


def _html_body(record, max_chars: int) -> bytes | Exception | None:
    """The HTTP body of an HTML page with status 200; None for records that are not articles."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if not (len(status) == 3 and status.isdigit()):  # a response without its status line: not a page that moved
        return ValueError(f"no HTTP status line; the record starts {record.http_headers.protocol[:40]!r}")
    content_type = (record.http_headers.get_header("Content-Type") or "text/html").lower()
    if status != "200" or "html" not in content_type:
        return None
    cap = MAX_BYTES_PER_CHAR * max_chars + 1
    try:
        body = record.content_stream().read(cap)
    except Exception as err:  # a broken chunked or compressed HTTP body
        return err
    missing = getattr(record.raw_stream, "limit", 0)
    if len(body) < cap and missing > 0:  # the file ends before the record's Content-Length
        return EOFError(f"truncated: {missing:,} bytes of the record are missing")
    return body


def _unread(record) -> int:
    """How many bytes of its Content-Length a record lacks, once the rest of it is read."""
    while record.raw_stream.read(_CHUNK):
        pass
    return getattr(record.raw_stream, "limit", 0)


def _warc_article(record, body: bytes, where: str, max_chars: int) -> Document:
    document = _read_one(body, where, "html", max_chars)
    if isinstance(document, Article):
        document.format = "warc"
        document.url = document.url or record.rec_headers.get_header("WARC-Target-URI")
    return document


class _MmapReader(io.RawIOBase):
    """A read-only stream over an mmap from an offset, without copying the file."""

    def __init__(self, data: mmap.mmap, start: int):
        self._data, self._pos = data, start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._data[self._pos : self._pos + len(buffer)]
        buffer[: len(chunk)] = chunk
        self._pos += len(chunk)
        return len(chunk)
