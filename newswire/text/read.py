"""The read stage: bytes in plain text, HTML or JSON (or a Python string) → `Article`.

Any of these may come gzip-compressed (recognised by content, not by name).

Everything that can be wrong with an input before analysis is refused here, each
with its own `InputError`: empty, too large, binary, undecodable, malformed. A
lone UTF-16 surrogate in any field read (a JSON "\\ud83d" escape without its
pair) is refused as undecodable, not replaced: it is half a character that no
UTF-8 text can hold, so it could be neither hashed, stored nor printed, and a
replacement would store a text the source never had.
The text is kept exactly as decoded (only a leading byte order mark goes), so
analysis offsets point into the input as the user sees it.
"""

from __future__ import annotations

import email.utils
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from pathlib import Path
from typing import Any, BinaryIO

import lxml.html
import trafilatura
import trafilatura.utils as trafilatura_utils

from newswire.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedInput,
    TooLarge,
    UsageError,
    first_line,
)
from newswire.text.checks import LARGEST_MAX_CHARS, MAX_CHARS, check_max_chars, parse_date, require_date
from newswire.records import Article

# Raw inputs above this many bytes per allowed character are refused before they
# are decoded or parsed. The exact limit comes after, on the decoded text, the JSON
# "text" field or the article extracted from HTML; this bound cheaply stops inputs
# too big to be one page. HTML is mostly markup, scripts and boilerplate, so it
# needs room: 20 MB at the default limit, trafilatura's own MAX_FILE_SIZE.
MAX_BYTES_PER_CHAR = 20

FORMATS = ("text", "html", "json")
EXTENSION_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
}

# Text holds no control characters but \t \n \r \f; images, archives and
# executables are full of them (random bytes: 28 in 256, 11%, and NULs besides).
# A NUL anywhere is refused outright; otherwise more than this share is binary.
MAX_CONTROL_SHARE = 0.10

# Content sniffing looks at the start of the input only: an HTML page declares
# itself or opens with several tags within its first thousand characters.
SNIFF_CHARS = 1000
MIN_SNIFFED_TAGS = 3

# trafilatura settings, favouring precision: a news article's body without reader
# comments or tables. Its deduplication stays off: the cache is process-global,
# so results would depend on what else the process read before.
TRAFILATURA_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "deduplicate": False,
    "with_metadata": True,
}
# htmldate settings for the published date. No free-text search, which guesses
# dates from anywhere in the page (copyright lines, related links); a fixed upper
# bound instead of htmldate's default "today", so the same page always gives the
# same date whenever it is read.
DATE_OPTIONS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}

# How deep lxml's HTML parser (libxml2 with huge_tree) reads elements nested in each other.
MAX_HTML_DEPTH = 2048
# The most tags ("<") a page may hold. The parse tree, with trafilatura's copies
# of it, takes about 1.3 KB an element, and a page under the byte limit can hold
# millions of them (20 MB of "<div><span>a</span></div>": 1.9 GB); this keeps it
# under about 200 MB. A long news page has some tens of thousands.
MAX_HTML_TAGS = 250_000

_JSON_EXAMPLE = '{"text": "...", "title": ..., "published": ..., "url": ..., "id": ...}'
GZIP_MAGIC = b"\x1f\x8b"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Half of a UTF-16 surrogate pair, alone: JSON's "\ud83d" escape, or a codec such
# as utf-7 or unicode_escape, can put one in a Python string.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A well-formed multi-byte UTF-8 sequence; a legacy cp1252 file has none.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|title|meta|link|script|style|div|span|p|a|br|hr|h[1-6]|ul|ol|li"
    r"|table|tr|td|article|section|header|footer|nav|main|img|em|strong|b|i)\b[^<>]*>",
    re.IGNORECASE,
)
# A WARC file's first record (ISO 28500: "WARC/1.0" or "WARC/1.1" and a line end).
_WARC_START = re.compile(rb"\s*WARC/1\.[01]\r?\n")
# What makes markup a whole page rather than a fragment of one.
_HTML_PAGE = re.compile(r"<html\b|<!doctype\s+html|<head\b", re.IGNORECASE)


def read_path(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Read a file (`-` for standard input) into an `Article`."""
    _check_options(format, max_chars)
    if str(path) == "-":
        data, name = _read_capped(sys.stdin.buffer, max_chars), "<stdin>"
    else:
        data, name = _read_file(Path(path), max_chars), document_name(path)
    return read_bytes(data, name=name, format=format, encoding=encoding, max_chars=max_chars)


def read_bytes(
    data: bytes,
    *,
    name: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Decode and parse one input; `format` and `encoding` are sniffed when not given."""
    _check_options(format, max_chars)
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, max_chars)
    _refuse_oversized(len(data), max_chars)
    if format is None and _WARC_START.match(data, 0, 64):
        # a crawl's pages with their headers: read as one page it had "no article text", or was binary, or its headers were text
        raise MalformedInput("this is a WARC file (many pages, each with its headers): `newswire ingest` reads a .warc or .warc.gz file's pages as articles; one article is text, HTML or JSON")
    text, warnings = _decode(data, encoding)
    refuse_surrogates(text, "the decoded input")
    if not text.strip():
        raise EmptyInput("no text: the input is empty")
    fmt = format or _format_from_name(name) or _format_from_content(text)
    article = _PARSERS[fmt](text, max_chars)
    article.source, article.format = name, fmt
    article.warnings[:0] = warnings
    return article


def read_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Validate a Python string as an `Article` (the `newswire.analyze(text)` entry)."""
    _check_options(None, max_chars)
    # a string is kept exactly, BOM included: the caller's offsets must hold in it
    for value, what in ((text, "the text"), (title, "the title"), (url, "the url")):
        if isinstance(value, str):
            refuse_surrogates(value, what)
    _refuse_binary(text, "characters")
    if not text.strip():
        raise EmptyInput("no text: the input is empty")
    _check_length(len(text), max_chars, "input")
    day = require_date(published, "published date") if published is not None else None
    return Article(text=text, title=title, published=day, url=url)


def refuse_surrogates(value: str, what: str) -> None:
    """Refuse a string holding a lone UTF-16 surrogate, with a one-line `EncodingError` naming `what` holds it."""
    match = _SURROGATE.search(value)
    if match:
        raise EncodingError(
            f"{what} holds a lone UTF-16 surrogate (\\u{ord(match.group()):04x} at character {match.start():,}), "
            "half of a character without its pair; fix the document at its source (a pair such as \\ud83d\\ude00 is one character)"
        )


def document_name(path: str | Path) -> str:
    """A path as the name of a document: as given, but bytes of a file name that are not UTF-8 written as \\xNN (so it can be stored and printed)."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a str path holding a surrogate that no file name decodes to
        return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _decode(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """The text of `data` and any warnings: UTF-8 (BOM stripped), UTF-16 with a BOM, or legacy cp1252."""
    if encoding is not None:
        text = _decode_as(data, encoding).removeprefix("\ufeff")
        _refuse_binary(text, "characters")
        return text, []
    if data.startswith(_UTF16_BOMS):
        text = _decode_as(data, "utf-16")  # the codec drops the BOM
        _refuse_binary(text, "characters")
        return text, []
    # latin-1 maps byte n to code point n: the control check counts bytes
    _refuse_binary(data.decode("latin-1"), "bytes")
    bom = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        return data[bom:].decode("utf-8"), []
    except UnicodeDecodeError as err:
        if _looks_cp1252(data):
            return data.decode("cp1252"), ["decoded as cp1252 (not valid UTF-8); pass --encoding to choose"]
        raise EncodingError(
            f"not valid UTF-8 (first bad byte at offset {bom + err.start}); "
            "pass --encoding NAME if the file uses another encoding"
        ) from None


def _gunzip(data: bytes, max_chars: int) -> bytes:
    """The decompressed content of gzip data, refused when corrupt or too large to be one article."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return _read_capped(stream, max_chars)
    except (OSError, EOFError, zlib.error) as err:  # BadGzipFile is an OSError
        raise MalformedInput(f"corrupt gzip data ({str(err) or type(err).__name__}); re-compress or pass the file uncompressed") from None


def _read_file(path: Path, max_chars: int) -> bytes:
    try:
        with open_file(path) as stream:
            return _read_capped(stream, max_chars)
    except OSError as err:
        raise unreadable(err) from None


def open_file(path: Path) -> BinaryIO:
    """A regular file, opened for reading; anything else is refused before it is opened.

    A FIFO would block for ever (holding a corpus run's database), a device
    (/dev/zero, /dev/urandom) never ends, a socket cannot be opened. Raises
    `InputError` for those and a folder, `OSError` for a file that cannot be opened.
    """
    _refuse_special(os.stat(path).st_mode)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO put in its place since the stat does not block
    try:
        _refuse_special(os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


_SPECIAL_FILES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO), not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
    (stat.S_ISCHR, "a character device, not a regular file"),
    (stat.S_ISBLK, "a block device, not a regular file"),
)


def _refuse_special(mode: int) -> None:
    for test, kind in _SPECIAL_FILES:
        if test(mode):
            raise InputError(f"cannot read the file (it is {kind}); pass the path of a text, HTML or JSON file, or - for standard input")


def unreadable(err: OSError) -> InputError:
    """The error for a file that cannot be read (no path in the message: callers show it next to it)."""
    return InputError(f"cannot read the file ({_os_reason(err)}); pass the path of a text, HTML or JSON file")


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, IsADirectoryError):
        return "it is a directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    return (err.strerror or str(err)).lower()


def _read_capped(stream: BinaryIO, max_chars: int) -> bytes:
    """The whole stream; one too large to be an article is refused without reading it all."""
    cap = MAX_BYTES_PER_CHAR * max_chars
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise too_large(f"over {cap:,} bytes", max_chars)
    return data


def _check_options(format: str | None, max_chars: int) -> None:
    if format is not None and format not in FORMATS:
        raise UsageError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
    check_max_chars(max_chars)


def _refuse_oversized(n_bytes: int, max_chars: int) -> None:
    if n_bytes > MAX_BYTES_PER_CHAR * max_chars:
        raise too_large(f"{n_bytes:,} bytes", max_chars)


def too_large(size: str, max_chars: int, what: str = "input") -> TooLarge:
    """The error for an input of `size` ("12,345 bytes", "over ...") too large to hold one article."""
    return TooLarge(f"{what} is {size}; newswire analyses single articles up to {max_chars:,} characters {_raise_hint(max_chars)}")


def _raise_hint(max_chars: int) -> str:
    return "(--max-chars raises the limit)" if max_chars < LARGEST_MAX_CHARS else "(the most the parser takes)"


def _check_length(n_chars: int, max_chars: int, what: str) -> None:
    if n_chars > max_chars:
        raise TooLarge(
            f"{what} is {n_chars:,} characters; newswire analyses single articles "
            f"up to {max_chars:,} {_raise_hint(max_chars)}"
        )


def _refuse_binary(text: str, unit: str) -> None:
    if not text:
        return
    share = len(_CONTROL.findall(text)) / len(text)
    if "\x00" in text or share > MAX_CONTROL_SHARE:
        percent = "<1%" if share < 0.01 else f"{share:.0%}"
        raise BinaryInput(
            f"looks like a binary file, not text ({percent} control {unit}); "
            "newswire reads plain text, HTML or JSON"
        )


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        b"\0".decode(encoding, "ignore")  # looks the codec up even when `data` is empty
        return data.decode(encoding)
    except LookupError:  # no such codec, or not a text encoding (rot13, zlib)
        raise UsageError(
            f"unknown encoding {encoding!r}; use a Python codec name such as utf-8, cp1252 or utf-16"
        ) from None
    except UnicodeDecodeError as err:
        raise EncodingError(
            f"not valid {encoding} (first bad byte at offset {err.start}); "
            "pass --encoding NAME if the file uses another encoding"
        ) from None


def _looks_cp1252(data: bytes) -> bool:
    """Legacy single-byte text: no UTF-8 sequence anywhere, and every byte a cp1252 character."""
    if _UTF8_MULTIBYTE.search(data):
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned
        return False
    return True


def _format_from_name(name: str | None) -> str | None:
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return EXTENSION_FORMATS.get(path.suffix.lower())


def _format_from_content(text: str) -> str:
    head = text[:SNIFF_CHARS].lstrip()
    if head.startswith("{"):
        return "json"
    if head.lower().startswith(("<!doctype html", "<html")):
        return "html"
    if len(_HTML_TAG.findall(head)) >= MIN_SNIFFED_TAGS:
        return "html"
    return "text"


def _from_text(text: str, max_chars: int) -> Article:
    _check_length(len(text), max_chars, "input")
    return Article(text=text)


def _from_json(raw: str, max_chars: int) -> Article:
    data = _load_json(raw)
    if not isinstance(data, dict):
        raise MalformedInput(f'the JSON is {_json_kind(data)}, expected one object with a "text" string')
    text = data.get("text")
    if not isinstance(text, str):
        raise MalformedInput(f'the JSON object has no "text" string; expected {_JSON_EXAMPLE}')
    for key in ("text", "title", "url", "published", "id"):
        if isinstance(data.get(key), str):
            refuse_surrogates(data[key], f'the JSON "{key}" field')
    if not text.strip():
        raise EmptyInput('no text: the JSON "text" field is empty')
    _refuse_binary(text, "characters")
    _check_length(len(text), max_chars, 'the JSON "text" field')
    warnings: list[str] = []
    published = _json_date(data.get("published"), warnings)
    return Article(
        text=text,
        title=_json_string(data, "title"),
        published=published,
        url=_json_string(data, "url"),
        warnings=warnings,
        external_id=_json_id(data.get("id"), warnings),
    )


def _load_json(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and raw[: err.pos].rstrip(" \t\r").endswith("\n") and raw[err.pos : err.pos + 1] == "{":
            raise MalformedInput(
                f"the JSON holds one object a line (JSON lines: another object on line {err.lineno}); `newswire ingest FILE` reads each line "
                f"as an article, `analyze` reads one object: {_JSON_EXAMPLE}"
            ) from None
        raise MalformedInput(f"invalid JSON: {err}; expected {_JSON_EXAMPLE}") from None
    except ValueError as err:  # over-long integers
        raise MalformedInput(f"invalid JSON: {err}; expected {_JSON_EXAMPLE}") from None
    except RecursionError:
        raise MalformedInput(f"invalid JSON: nested too deeply; expected {_JSON_EXAMPLE}") from None


def _json_string(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise MalformedInput(f'the JSON "{key}" field is {_json_kind(value)}, expected a string or null')
    return (value or "").strip() or None


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    kinds = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}
    return kinds.get(type(value), "null")


# how the warning of a JSON "published" value that is no date begins (`ingest` counts the documents that have it)
IGNORED_PUBLISHED = 'ignored the JSON "published" value'


def _json_date(value: Any, warnings: list[str]) -> str | None:
    if value is None:
        return None
    day = (parse_date(value) or _rfc2822_date(value)) if isinstance(value, str) else None
    if day is None:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        warnings.append(f'{IGNORED_PUBLISHED} {shown}: not YYYY-MM-DD, an ISO 8601 datetime or an RSS (RFC 2822) date')
    return day


# An RSS feed's date (RFC 2822, as `email.utils` reads it): "Tue, 05 Mar 2024 10:15:00 GMT", the weekday optional.
_RFC2822 = re.compile(r"(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|[A-Z]{1,5})")


def _rfc2822_date(value: str) -> str | None:
    """`YYYY-MM-DD` of an RSS (RFC 2822) date, the day as written (as an ISO datetime's own date part), else None."""
    if not _RFC2822.fullmatch(value.strip()):
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    weekday = value.strip()[:3]
    if weekday[0].isalpha() and weekday != ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[moment.weekday()]:
        return None  # "Mon, 05 Mar 2024": the weekday and the date disagree, so one of them is wrong
    return moment.date().isoformat()


def _json_id(value: Any, warnings: list[str]) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value not in (None, ""):
        warnings.append(f'ignored the JSON "id" value: {_json_kind(value)}, expected a string or an integer')
    return None


def _from_html(markup: str, max_chars: int) -> Article:
    tags = markup.count("<")
    if tags > MAX_HTML_TAGS:
        raise TooLarge(f"the HTML has {tags:,} tags; newswire reads pages of up to {MAX_HTML_TAGS:,}; pass the article as plain text or JSON instead")
    document, too_deep = _extract_html(markup)
    if document is None or not (document.text or "").strip():
        if too_deep:
            raise MalformedInput(
                f"no article text found in the HTML: it is nested deeper than {MAX_HTML_DEPTH:,} levels, "
                "the most the HTML parser reads; flatten it or pass the article as plain text or JSON instead"
            )
        if document is not None:
            raise EmptyInput("no text: the HTML has no article text")
        raise MalformedInput(
            "no article text found in the HTML (malformed, or only navigation and boilerplate); "
            "pass the article as plain text or JSON instead"
        )
    text = document.text
    _check_length(len(text), max_chars, "the article text")
    warnings = [f"the HTML is nested deeper than {MAX_HTML_DEPTH:,} levels: the text below that depth was left out"] if too_deep else []
    return Article(
        text=text,
        title=document.title or None,
        published=parse_date(document.date) if document.date else None,
        url=document.url or None,
        warnings=warnings,
    )


def _extract_html(markup: str) -> tuple[Any, bool]:
    """trafilatura's extraction (a `Document`, or None when it finds no article text), and whether the HTML was too deep to read whole."""
    if not _HTML_PAGE.search(markup):
        # trafilatura rejects a lone fragment ("<p>...</p>"); its docs say to wrap it
        markup = f"<html><body>{markup}</body></html>"
    try:
        tree, too_deep = _load_html(markup)
        document = trafilatura.bare_extraction(tree, date_extraction_params=DATE_OPTIONS, **TRAFILATURA_OPTIONS) if tree is not None else None
    except Exception as err:  # lxml and trafilatura raise many types on hostile markup
        raise MalformedInput(
            f"could not parse the HTML ({type(err).__name__}: {first_line(err, 120)}); "
            "pass the article as plain text or JSON instead"
        ) from err
    return document, too_deep


def _load_html(markup: str) -> tuple[Any, bool]:
    """trafilatura's own `load_html`, with lxml's huge_tree on; and whether the parser gave up on the depth.

    libxml2 stops reading an element nested deeper than 256 levels, and
    trafilatura then finds no article in what is left: huge_tree raises the
    limit to MAX_HTML_DEPTH. Only that flag differs from trafilatura's parser.
    """
    parser = lxml.html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    dubious = trafilatura_utils.is_dubious_html(markup[:50].lower())
    markup = trafilatura_utils.repair_faulty_html(markup, markup[:50].lower())
    tree, as_bytes = None, False
    try:
        tree = lxml.html.fromstring(markup, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        as_bytes = True
    if as_bytes or tree is None or len(tree) < 1:
        tree = lxml.html.fromstring(markup.encode("utf8", "surrogatepass"), parser=parser)
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    if tree is not None and dubious and len(tree) < 2:  # not HTML at all
        tree = None
    return tree, too_deep


_PARSERS = {"text": _from_text, "html": _from_html, "json": _from_json}
