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
folder also holds logs and indexes). Only regular files are read: a FIFO,
socket or device, named or found in a folder or by a pattern, is one failure
(`read.open_file` refuses it before opening it). Document names in errors and in
`articles.source` are the path, `path:LINE` for a JSON line, `path@OFFSET` for a
WARC record (the byte offset of the record, or of its gzip member); a file name
that is not UTF-8 shows its other bytes as \\xNN (`read.document_name`).
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import zlib
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputError, TooLarge, UsageError, first_line
from ..text.read import GZIP_MAGIC, MAX_BYTES_PER_CHAR, MAX_CHARS, document_name, open_file, read_bytes, read_path, too_large, unreadable
from ..records import Article, Failure

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
            found += sorted(p for p in path.rglob("*") if _not_folder(p) and _known(p) and not _hidden(p, path))
        elif path.exists():
            found.append(path)
        elif _GLOB & set(raw):
            matches = [Path(p) for p in sorted(glob.glob(raw, recursive=True))]
            files = [p for p in matches if _not_folder(p)]
            files += [f for p in matches if p.is_dir() for f in sorted(p.rglob("*")) if _not_folder(f) and _known(f)]
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


def _not_folder(path: Path) -> bool:
    """A file to read; a FIFO, socket or device is one too, so that it is refused with an error, not passed over."""
    return path.exists() and not path.is_dir()


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
            with open_file(path) as stream:
                return _count_lines(stream)
        except (OSError, InputError):
            return 1
    return None


def _count_lines(stream: BinaryIO) -> int:
    """The lines that are not blank, read a chunk at a time (a line may be longer than memory)."""
    count, blank = 0, True
    while piece := stream.readline(_CHUNK):
        blank = blank and not piece.strip()
        if piece.endswith(b"\n"):
            count, blank = count + (not blank), True
    return count + (not blank)


def read_documents(path: Path, *, max_chars: int = MAX_CHARS) -> Generator[Document, None, None]:
    """Every document in one file: an `Article`, or a `Failure` for one that cannot be read."""
    try:
        kind = _kind(path)
        if kind == "single":
            yield read_path(path, max_chars=max_chars)
            return
        with open_file(path) as stream:
            reader = _warc if kind == "warc" else _json_lines
            yield from reader(path, stream, max_chars)
    except OSError as err:
        yield Failure(document=document_name(path), stage="read", reason="bad-input", message=str(unreadable(err)))
    except InputError as err:
        yield Failure(document=document_name(path), stage="read", reason=err.reason, message=str(err))


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
        with open_file(path) as stream:
            data = stream.read(size)
            if data.startswith(GZIP_MAGIC):
                stream.seek(0)
                with gzip.GzipFile(fileobj=stream) as unzipped:
                    data = unzipped.read(size)
    except (OSError, EOFError, zlib.error, InputError):
        return b""
    return data


def _is_gzip(path: Path) -> bool:
    try:
        with open_file(path) as stream:
            return stream.read(2) == GZIP_MAGIC
    except (OSError, InputError):
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
    """One document per line; a line too long to hold one article is one failure, skipped without holding it."""
    gz = raw.read(2) == GZIP_MAGIC
    raw.seek(0)
    stream = gzip.GzipFile(fileobj=raw) if gz else raw
    cap = MAX_BYTES_PER_CHAR * max_chars
    number = 0
    try:
        while line := stream.readline(cap + 1):  # never more than the cap in memory, however long the line
            number += 1
            if len(line) > cap and not line.endswith(b"\n"):
                size = len(line) + _skip_line(stream)
                yield Failure(
                    document=f"{document_name(path)}:{number}", stage="read", reason=TooLarge.reason,
                    message=f"{too_large(f'{size:,} bytes', max_chars, 'the line')}; skipped to the next line",
                )
            elif line.strip():
                yield _read_one(line, f"{document_name(path)}:{number}", "json", max_chars)
    except (OSError, EOFError, zlib.error) as err:
        if not gz:
            raise
        yield Failure(
            document=f"{document_name(path)}:{number + 1}",
            stage="read",
            reason="malformed",
            message=f"corrupt gzip data after line {number} ({str(err) or type(err).__name__}); the lines before it were read",
        )


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of a line a chunk at a time (holding none of it); the bytes skipped."""
    skipped = 0
    while piece := stream.readline(_CHUNK):
        skipped += len(piece)
        if piece.endswith(b"\n"):
            break
    return skipped


def _read_one(data: bytes, name: str, format: str, max_chars: int) -> Document:
    try:
        article = read_bytes(data, name=name, format=format, max_chars=max_chars)
    except InputError as err:
        return Failure(document=name, stage="read", reason=err.reason, message=str(err))
    return article


# --- WARC --------------------------------------------------------------------------
#
# Memory: a record is read from the file through a window of _CHUNK bytes (not
# mapped: a mapping's pages count in the process's memory as they are read, the
# whole file in the end); a gzip member is held decompressed up to the size cap
# (MAX_BYTES_PER_CHAR bytes a character) and only its head beyond that; WARC and
# HTTP headers up to _MAX_HEADERS; an HTTP body is de-chunked and decompressed
# here, a block at a time, up to the cap (warcio's own reader holds a whole
# chunk and inflates it in one call: a 600 KB chunk made 600 MB).

# WARC and HTTP headers of one record, together
_MAX_HEADERS = 1 << 20
# the bytes of a chunked body's size line ("1f3a;ext\r\n")
_MAX_CHUNK_LINE = 64


def _warc(path: Path, stream: BinaryIO, max_chars: int) -> Iterator[Document]:
    size = os.fstat(stream.fileno()).st_size
    if size == 0:
        yield _empty_warc(path)
        return
    data = _FileView(stream, size)
    if data[:2] == GZIP_MAGIC:
        yield from _warc_gzip(path, data, max_chars)
    elif _skip_blank(data, 0) >= len(data):
        yield _empty_warc(path)
    else:
        yield from _warc_records(path, data, 0, max_chars)


def _empty_warc(path: Path) -> Failure:
    return Failure(document=document_name(path), stage="read", reason="empty", message="no records: the WARC file is empty")


def _warc_gzip(path: Path, data: _FileView, max_chars: int) -> Iterator[Document]:
    """A .warc.gz, member by member: a corrupt member is skipped to the next one."""
    blank = True  # every member holds nothing but blank lines (gzip of an empty file): said, not silence
    for offset, member, whole in _gzip_members(data, MAX_BYTES_PER_CHAR * max_chars):
        blank = blank and not isinstance(member, Exception) and _skip_blank(member, 0) >= len(member)
        if isinstance(member, Exception):
            yield Failure(
                document=f"{document_name(path)}@{offset}",
                stage="read",
                reason="malformed",
                message=f"corrupt gzip member ({member}); skipped to the next record",
            )
        else:
            yield from _warc_records(path, member, offset, max_chars, member_offset=True, whole=whole)
    if blank:
        yield _empty_warc(path)


def _gzip_members(data: _FileView, cap: int) -> Iterator[tuple[int, bytes | Exception, bool]]:
    """(offset, decompressed bytes, whole) of each gzip member, its first `cap` bytes when not whole;
    an exception in place of a member that cannot be read."""
    pos = 0
    while pos < len(data):
        if data[pos : pos + 2] != GZIP_MAGIC:
            rest = data[pos : pos + 64]
            if not rest.strip(b"\x00\r\n\t "):  # padding at the end
                return
            error: Exception | None = ValueError("not gzip data")
        else:
            member, end, whole, error = _inflate(data, pos, cap)
            if error is None:
                yield pos, member, whole
                pos = end
                continue
        yield pos, error, True
        nxt = data.find(GZIP_MAGIC, pos + 1)
        while nxt >= 0:  # resynchronise: the next offset where a whole member decodes
            member, end, whole, error = _inflate(data, nxt, cap)
            if error is None:
                break
            nxt = data.find(GZIP_MAGIC, nxt + 1)
        if nxt < 0:
            return
        pos = nxt


def _inflate(data: _FileView, pos: int, cap: int) -> tuple[bytes, int, bool, Exception | None]:
    """The gzip member at `pos`: (content, offset after it, whole, None), or (b"", pos, True, the error).

    Past `cap` bytes the content is decompressed only to find where the member
    ends (a block at a time, kept nowhere); `whole` is then False and the
    content its first `cap` bytes.
    """
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
            part = inflater.decompress(chunk, _CHUNK)
            if size < cap:
                out.append(part[: cap - size])
            size += len(part)
    except (zlib.error, EOFError) as err:
        return b"", pos, True, err
    return b"".join(out), i - len(inflater.unused_data), size <= cap, None


def _warc_records(
    path: Path, data: bytes | _FileView, base: int, max_chars: int, *, member_offset: bool = False, whole: bool = True
) -> Iterator[Document]:
    """The articles in a run of uncompressed WARC records; after a bad record, reading resumes at the next one.

    `base` is the offset of `data` in the file; with `member_offset` every
    record is named by it (the gzip member that held it). Not `whole`: `data`
    is the head of a member too large to hold, whose record is cut short.
    """
    start = 0
    while start < len(data):
        start = _skip_blank(data, start)
        if start >= len(data):
            return
        if data[start : start + len(_WARC_START)] != _WARC_START:
            bad, problem = start, "not a WARC record (no WARC/1.x header)"
        else:
            view = io.BytesIO(data[start:]) if isinstance(data, bytes) else _ViewReader(data, start)
            records = ArchiveIterator(view)
            headers = _bound_headers(records.reader)
            try:
                record = None
                for record in records:
                    # warcio reads a type-less or length-less record from CR-only line breaks or a file cut in
                    # the header: said, not skipped as "not an article"
                    if not record.rec_type:
                        raise ValueError("no WARC-Type header")
                    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                        raise ValueError("Content-Length missing or not a number")
                    headers.counting = False  # a chunked body's size lines are no headers
                    body = _html_body(record, max_chars, whole)  # read before asking for the offset, which skips to the record's end
                    # a record of any type cut short by the end of the file (not one whose gzip member was held in part)
                    missing = _drain(record.raw_stream) if body is None and whole else 0
                    headers.counting, headers.read = True, 0  # the blank lines after the record and the next record's headers
                    offset = base if member_offset else base + start + records.get_record_offset()
                    where = f"{document_name(path)}@{offset}"
                    if isinstance(body, InputError):
                        yield Failure(document=where, stage="read", reason=body.reason, message=str(body))
                    elif isinstance(body, Exception):
                        yield Failure(document=where, stage="read", reason="malformed", message=f"bad HTTP response ({first_line(body)})")
                    elif missing:
                        yield Failure(document=where, stage="read", reason="malformed", message=f"bad WARC record (truncated: {missing:,} bytes are missing)")
                    elif body is not None:
                        yield _warc_article(record, body, where, max_chars)
                if record is None:  # warcio yields nothing when the file ends in or right after a header
                    raise ValueError("the file ends in or just after its header")
                return
            except Exception as err:  # warcio on untrusted bytes raises more than ArchiveLoadFailed (AttributeError, KeyError, ...)
                if not whole:  # the head of a member too large to hold, cut in its record's headers: too large, not bad
                    where = f"{document_name(path)}@{base}"
                    large = too_large(f"over {MAX_BYTES_PER_CHAR * max_chars:,} bytes", max_chars, "the record")
                    yield Failure(document=where, stage="read", reason=large.reason, message=str(large))
                    return
                bad, problem = start + records.offset, f"bad WARC record ({first_line(err)})"
        where = f"{document_name(path)}@{base if member_offset else base + bad}"
        yield Failure(document=where, stage="read", reason="malformed", message=f"{problem}; skipped to the next record")
        nxt = data.find(b"\n" + _WARC_START, bad + 1)
        if nxt < 0 or member_offset:
            return
        start = nxt + 1


def _skip_blank(data: bytes | _FileView, start: int) -> int:
    """The offset of the first byte from `start` that is not blank (records are separated by blank lines)."""
    while start < len(data) and data[start : start + 1] in (b"\r", b"\n", b" ", b"\t", b"\x00"):
        start += 1
    return start


class _HeaderBound:
    """Counts the bytes warcio reads line by line for one record's headers, and stops it past _MAX_HEADERS.

    warcio reads header lines whole however long (a 600 MB line was held whole,
    and built up by repeated concatenation); its reader's `readline` is the one
    place every header line passes through.
    """

    def __init__(self, readline):
        self.readline, self.read, self.counting = readline, 0, True

    def __call__(self, length: int | None = None) -> bytes:
        if not self.counting:
            return self.readline(length)
        room = _MAX_HEADERS - self.read + 1
        line = self.readline(room if length is None else min(length, room))
        self.read += len(line)
        if self.read > _MAX_HEADERS:
            raise ValueError(f"headers over {_MAX_HEADERS:,} bytes")
        return line


def _bound_headers(reader) -> _HeaderBound:
    bound = _HeaderBound(reader.readline)
    reader.readline = bound
    return bound


def _html_body(record, max_chars: int, whole: bool = True) -> bytes | Exception | None:
    """The HTTP body of an HTML page with status 200, up to the size cap and one byte; None for records that are not articles."""
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
        body = b"".join(_capped(_decoded(record), cap))
    except Exception as err:  # a broken chunked or compressed HTTP body
        return err
    missing = _drain(record.raw_stream) if len(body) < cap else 0
    if missing > 0 and not whole:  # the rest of the record was in the part of its gzip member not held
        return too_large(f"over {cap - 1:,} bytes", max_chars, "the record")
    if missing > 0:  # the file ends before the record's Content-Length
        return EOFError(f"truncated: {missing:,} bytes of the record are missing")
    return body


def _drain(raw) -> int:
    """Read the rest of a record's block (a block at a time); the bytes the file was missing of it."""
    while raw.read(_CHUNK):
        pass
    return getattr(raw, "limit", 0)


def _capped(pieces: Iterator[bytes], cap: int) -> Iterator[bytes]:
    """The pieces up to `cap` bytes in all; no more pieces are asked for after that."""
    size = 0
    for piece in pieces:
        yield piece[: cap - size]
        size += len(piece)
        if size >= cap:
            return


def _decoded(record) -> Iterator[bytes]:
    """A record's HTTP body, de-chunked and decompressed a block at a time, as warcio's content_stream would give it."""
    headers = record.http_headers
    pieces = _dechunked(record.raw_stream) if headers.get_header("Transfer-Encoding") == "chunked" else _blocks(record.raw_stream)
    encoding = (headers.get_header("Content-Encoding") or "").lower()
    if encoding in ("gzip", "deflate"):
        pieces = _inflated(pieces, encoding)
    elif encoding == "br":
        raise ValueError("brotli-compressed, which newswire does not decompress")
    return pieces


def _blocks(raw) -> Iterator[bytes]:
    while block := raw.read(_CHUNK):
        yield block


def _dechunked(raw) -> Iterator[bytes]:
    """HTTP chunked transfer coding, a block at a time; a body that is not chunked after all is given as it is."""
    first = True
    while True:
        line = raw.readline(_MAX_CHUNK_LINE)
        try:
            if not line.endswith(b"\r\n"):
                raise ValueError
            size = int(line[:-2].split(b";")[0], 16)
        except ValueError:
            if not first:
                raise ValueError("bad chunked encoding") from None
            yield line  # served as chunked but is not (warcio reads it as is too)
            yield from _blocks(raw)
            return
        first = False
        if size == 0:
            return
        while size > 0:
            block = raw.read(min(size, _CHUNK))
            if not block:
                return  # cut short: the record's length tells
            size -= len(block)
            yield block
        raw.read(2)  # the chunk's CRLF


def _inflated(pieces: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """Decompressed gzip or deflate content, at most _CHUNK bytes at a time; content that is not compressed after all is given as it is."""
    wbits = 31 if encoding == "gzip" else 15
    inflater = zlib.decompressobj(wbits=wbits)
    started = False
    for piece in pieces:
        data = piece
        while data and not inflater.eof:
            try:
                out = inflater.decompress(data, _CHUNK)
            except zlib.error:
                if started:
                    raise
                if wbits == 15:  # deflate sent without its zlib header
                    wbits, inflater = -15, zlib.decompressobj(wbits=-15)
                    continue
                yield piece  # not compressed after all (warcio reads it as is too)
                yield from pieces
                return
            started = started or bool(out)
            data = inflater.unconsumed_tail
            yield out
        if inflater.eof:
            return


def _warc_article(record, body: bytes, where: str, max_chars: int) -> Document:
    document = _read_one(body, where, "html", max_chars)
    if isinstance(document, Article):
        document.format = "warc"
        document.url = document.url or record.rec_headers.get_header("WARC-Target-URI")
    return document


class _FileView:
    """Slices and `find` over an open file, read through a window of _CHUNK bytes (an mmap's pages would count in memory)."""

    def __init__(self, stream: BinaryIO, size: int):
        self._stream, self._size = stream, size
        self._at, self._window = 0, b""

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, where: slice) -> bytes:
        start, stop, _ = where.indices(self._size)
        if stop <= start:
            return b""
        if not (self._at <= start and stop <= self._at + len(self._window)):
            self._stream.seek(start)
            if stop - start >= _CHUNK:
                return self._stream.read(stop - start)
            self._at, self._window = start, self._stream.read(_CHUNK)
        return self._window[start - self._at : stop - self._at]

    def find(self, sub: bytes, start: int = 0) -> int:
        for pos in range(start, self._size, _CHUNK):
            found = self[pos : pos + _CHUNK + len(sub) - 1].find(sub)
            if found >= 0:
                return pos + found
        return -1


class _ViewReader(io.RawIOBase):
    """A read-only stream over a `_FileView` from an offset."""

    def __init__(self, data: _FileView, start: int):
        self._data, self._pos = data, start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._data[self._pos : self._pos + len(buffer)]
        buffer[: len(chunk)] = chunk
        self._pos += len(chunk)
        return len(chunk)
