import gzip
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import STORIES, html_page, warc_record, watchdog

from newswire.errors import UsageError
from newswire.records import Article, Failure
from newswire.corpus.sources import find_files, read_documents

REPO = Path(__file__).resolve().parents[1]
FLOODS, BUDGET, ELECTION = STORIES["floods"], STORIES["budget"], STORIES["election"]


def read_all(path):
    return list(read_documents(path))


def articles(documents):
    return [d for d in documents if isinstance(d, Article)]


def failures(documents):
    return [d for d in documents if isinstance(d, Failure)]


# finding files


def test_folders_are_walked_recursively_taking_known_formats_only(tmp_path):
    (tmp_path / "a.txt").write_text(FLOODS)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b.jsonl.gz").write_bytes(gzip.compress(b"{}\n"))
    (tmp_path / "sub" / "c.warc").write_bytes(b"")
    (tmp_path / "sub" / "notes.md").write_text("not an article")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text(FLOODS)
    found = [p.relative_to(tmp_path).as_posix() for p in find_files([str(tmp_path)])]
    assert found == ["a.txt", "sub/c.warc", "sub/deeper/b.jsonl.gz"]


def test_a_named_file_is_taken_whatever_its_name_and_each_file_once(tmp_path):
    (tmp_path / "story.dat").write_text(FLOODS)
    (tmp_path / "a.txt").write_text(FLOODS)
    found = find_files([str(tmp_path / "story.dat"), str(tmp_path), str(tmp_path / "a.txt")])
    assert [p.name for p in found] == ["story.dat", "a.txt"]


def test_glob_patterns(tmp_path):
    for name in ("one.json", "two.json", "three.txt"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in find_files([str(tmp_path / "*.json")])] == ["one.json", "two.json"]


def test_a_missing_path_or_empty_glob_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file or folder"):
        find_files([str(tmp_path / "nope.txt")])
    with pytest.raises(UsageError, match="no files match"):
        find_files([str(tmp_path / "*.warc")])


# one article per file


@pytest.mark.parametrize(
    "name, content, fmt",
    [
        ("story.txt", FLOODS.encode(), "text"),
        ("story.html", html_page("Floods in Italy", FLOODS).encode(), "html"),
        ("story.json", json.dumps({"text": FLOODS, "title": "Floods", "id": 7}).encode(), "json"),
        ("story.txt.gz", gzip.compress(FLOODS.encode()), "text"),
        ("story.html.gz", gzip.compress(html_page("Floods in Italy", FLOODS).encode()), "html"),
        ("story", FLOODS.encode(), "text"),  # no extension: the content decides
    ],
)
def test_single_article_formats(tmp_path, name, content, fmt):
    path = tmp_path / name
    path.write_bytes(content)
    (article,) = read_all(path)
    assert article.format == fmt
    assert article.source == str(path)
    assert "Heavy rain flooded towns" in article.text


def test_a_corrupt_gzip_file_is_one_failure(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(FLOODS.encode())[:40])
    (failure,) = read_all(path)
    assert (failure.document, failure.stage, failure.reason) == (str(path), "read", "malformed")
    assert failure.message.startswith("corrupt gzip data")


# JSON lines


def jsonl(*objects) -> bytes:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects).encode()


def test_json_lines_with_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl({"text": FLOODS, "title": "Floods", "published": "2024-05-19", "url": "https://example.org/f", "id": "f-1"}, {"text": BUDGET}))
    first, second = read_all(path)
    assert (first.title, first.published, first.url, first.external_id, first.source) == ("Floods", "2024-05-19", "https://example.org/f", "f-1", f"{path}:1")
    assert (second.text, second.source, second.format) == (BUDGET, f"{path}:2", "json")


def test_a_line_that_is_not_json_is_one_failure_and_the_rest_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl({"text": FLOODS}, "{not json at all", "", {"text": BUDGET}, {"title": "no text"}))
    documents = read_all(path)
    assert [a.text for a in articles(documents)] == [FLOODS, BUDGET]
    bad_json, no_text = failures(documents)
    assert (bad_json.document, bad_json.reason) == (f"{path}:2", "malformed")
    assert bad_json.message.startswith("invalid JSON")
    assert no_text.document == f"{path}:5" and '"text"' in no_text.message


def test_a_line_with_a_lone_surrogate_is_one_failure_and_the_rest_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    surrogate = json.dumps({"text": BUDGET}).replace("Kenya", "Kenya \\ud83d", 1)  # a "\ud83d" escape without its pair
    path.write_bytes(jsonl({"text": FLOODS}, surrogate, {"text": ELECTION, "title": "Chile \ud83d\ude00"}))
    documents = read_all(path)
    assert [a.text for a in articles(documents)] == [FLOODS, ELECTION]
    (bad,) = failures(documents)
    assert (bad.document, bad.stage, bad.reason) == (f"{path}:2", "read", "encoding")
    assert bad.message.startswith('the JSON "text" field holds a lone UTF-16 surrogate')


def test_a_file_name_that_is_not_utf8_names_its_documents_printably(tmp_path):
    import os

    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as f:  # a Latin-1 file name
        f.write(FLOODS.encode())
    with open(folder + b"/caf\xe9.jsonl", "wb") as f:
        f.write(jsonl({"text": BUDGET}, "{not json"))
    documents = [d for path in find_files([str(tmp_path)]) for d in read_all(path)]
    names = [d.source if isinstance(d, Article) else d.document for d in documents]
    assert names == [f"{tmp_path}/caf\\xe9.jsonl:1", f"{tmp_path}/caf\\xe9.jsonl:2", f"{tmp_path}/caf\\xe9.txt"]
    for name in names:
        name.encode("utf-8")  # storable and printable: no surrogate escapes left
    assert [a.text for a in articles(documents)] == [BUDGET, FLOODS]


def test_a_json_file_holding_lines_is_read_as_lines(tmp_path):
    path = tmp_path / "feed.json"
    path.write_bytes(jsonl({"text": FLOODS}, {"text": BUDGET}))
    assert [a.source for a in read_all(path)] == [f"{path}:1", f"{path}:2"]


def test_gzipped_json_lines_and_a_corrupt_tail(tmp_path):
    data = gzip.compress(jsonl({"text": FLOODS}, {"text": BUDGET}, {"text": ELECTION}))
    good = tmp_path / "feed.jsonl.gz"
    good.write_bytes(data)
    assert len(articles(read_all(good))) == 3
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) - 12])  # the end of the stream (and its checksum) is lost
    documents = read_all(cut)
    assert len(failures(documents)) == 1
    assert failures(documents)[0].message.startswith("corrupt gzip data after line")


# WARC


def warc(*records: bytes, compress: bool = False) -> bytes:
    return b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)


RECORDS = [
    warc_record("https://example.org/floods", html_page("Floods in Italy", FLOODS)),
    warc_record("https://example.org/logo.png", "PNG", content_type="image/png"),  # not an article
    warc_record("https://example.org/moved", "", status="301 Moved Permanently"),  # not an article
    warc_record("https://example.org/budget", html_page("Kenya budget", BUDGET)),
    warc_record("https://example.org/chile", html_page("Chile votes", ELECTION)),
]


@pytest.mark.parametrize("name, compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_are_articles(tmp_path, name, compress):
    path = tmp_path / name
    path.write_bytes(warc(*RECORDS, compress=compress))
    documents = read_all(path)
    assert [(d.url, d.format, d.title) for d in documents] == [
        ("https://example.org/floods", "warc", "Floods in Italy"),
        ("https://example.org/budget", "warc", "Kenya budget"),
        ("https://example.org/chile", "warc", "Chile votes"),
    ]
    offsets = [int(d.source.rsplit("@", 1)[1]) for d in documents]
    data = path.read_bytes()
    assert offsets[0] == 0
    assert all(data[o : o + 2] in (b"WA", b"\x1f\x8b") for o in offsets)  # each names where its record starts


def test_a_corrupt_gzip_member_costs_one_record(tmp_path):
    members = [gzip.compress(r) for r in RECORDS]
    bad = members[3][: len(members[3]) // 2] + bytes(8)  # the budget page, truncated
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(members[:3] + [bad] + members[4:]))
    documents = read_all(path)
    assert [a.url for a in articles(documents)] == ["https://example.org/floods", "https://example.org/chile"]
    (failure,) = failures(documents)
    assert failure.document == f"{path}@{sum(len(m) for m in members[:3])}"
    assert failure.message.startswith("corrupt gzip member") and failure.reason == "malformed"


def test_a_bad_record_in_an_uncompressed_warc_costs_one_record(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(RECORDS[0] + b"this is not a WARC header\r\n\r\n" + RECORDS[3] + RECORDS[4])
    documents = read_all(path)
    assert [a.url for a in articles(documents)] == ["https://example.org/floods", "https://example.org/budget", "https://example.org/chile"]
    (failure,) = failures(documents)
    assert failure.document == f"{path}@{len(RECORDS[0])}"
    assert failure.message.startswith("bad WARC record")


def test_a_record_that_warcio_cannot_load_costs_that_record(tmp_path):
    # no WARC-Target-URI on an HTTP response: warcio raises AttributeError, not ArchiveLoadFailed
    headless = RECORDS[3].replace(b"WARC-Target-URI: https://example.org/budget\r\n", b"")
    path = tmp_path / "crawl.warc"
    path.write_bytes(RECORDS[0] + headless + RECORDS[4])
    documents = read_all(path)
    assert [a.url for a in articles(documents)] == ["https://example.org/floods", "https://example.org/chile"]
    (failure,) = failures(documents)
    assert failure.document == f"{path}@{len(RECORDS[0])}" and failure.message.startswith("bad WARC record")


def test_a_file_named_warc_that_holds_no_warc_is_a_failure_not_silence(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("just a line of plain text\n")
    (failure,) = read_all(path)
    assert failure.reason == "malformed" and failure.message.startswith("not a WARC record")


def test_a_record_cut_short_by_the_end_of_the_file_is_a_failure_not_a_shorter_article(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(RECORDS[0] + RECORDS[3][: len(RECORDS[3]) - 200])
    documents = read_all(path)
    assert [a.url for a in articles(documents)] == ["https://example.org/floods"]
    (failure,) = failures(documents)
    assert "truncated" in failure.message


@pytest.mark.parametrize(
    "data",
    [b"", b"\r\n\r\n", gzip.compress(b""), gzip.compress(b"\r\n") + gzip.compress(b"")],
    ids=["no bytes", "blank lines", "gzip of nothing", "gzip members of blank lines"],
)
def test_an_empty_warc(tmp_path, data):
    # found by fuzzing: the empty file was a failure, a gzip of it (or blank lines) yielded nothing at all
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    (failure,) = read_all(path)
    assert failure.reason == "empty" and failure.message == "no records: the WARC file is empty"


# memory: a document is refused while it is read, never held whole


def test_an_over_long_json_line_is_one_failure_and_reading_resumes_at_the_next_line(tmp_path):
    long_line = json.dumps({"text": FLOODS * 100})  # about 33,000 bytes, over 20 bytes a character at max_chars=1,000
    data = jsonl({"text": FLOODS[:900]}, long_line, "", {"text": BUDGET[:900]})
    for name, content in (("feed.jsonl", data), ("feed.jsonl.gz", gzip.compress(data))):
        path = tmp_path / name
        path.write_bytes(content)
        documents = list(read_documents(path, max_chars=1000))
        assert [d.source for d in articles(documents)] == [f"{path}:1", f"{path}:4"]
        (failure,) = failures(documents)
        assert (failure.document, failure.reason) == (f"{path}:2", "too-large")
        assert failure.message.startswith(f"the line is {len(long_line) + 1:,} bytes;")
        assert failure.message.endswith("skipped to the next line")


def test_a_json_line_without_an_end_is_one_failure(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl({"text": FLOODS[:900]}) + b'{"text": "' + b"a" * 50_000)
    documents = list(read_documents(path, max_chars=1000))
    assert [type(d).__name__ for d in documents] == ["Article", "Failure"]
    assert documents[1].document == f"{path}:2" and documents[1].reason == "too-large"


def test_counting_json_lines_counts_the_lines_that_are_not_blank(tmp_path):
    from newswire.corpus.sources import estimate_documents

    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"{}\n\n  \n" + b"x" * 3_000_000 + b"\n{}")  # a line longer than a read chunk
    assert estimate_documents(path) == 3


# Reads one file in a fresh process as a run does (counts its documents, then reads them) and prints
# what it holds and how its peak resident memory (VmHWM) grew: imports are done before the first look.
PEAK_SCRIPT = """
import json, sys
from pathlib import Path
from newswire.corpus.sources import estimate_documents, read_documents

def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

before = peak_kb()
path = Path(sys.argv[1])
expected = estimate_documents(path)
documents = list(read_documents(path, max_chars=int(sys.argv[2])))
print(json.dumps({
    "grown_mb": (peak_kb() - before) / 1024,
    "expected": expected,
    "documents": [[type(d).__name__, getattr(d, "document", None) or d.source, getattr(d, "reason", "")] for d in documents],
    "messages": [getattr(d, "message", "") for d in documents],
}))
"""


def write_long_line(path, line_bytes: int, after: list[str]) -> None:
    """JSON lines whose first line holds `line_bytes` of text, written by streaming (gzip if the name says so: then small)."""
    block = b"a" * (1 << 20)
    with (gzip.open(path, "wb", compresslevel=1) if path.suffix == ".gz" else path.open("wb")) as stream:
        stream.write(b'{"text": "')
        for start in range(0, line_bytes, len(block)):
            stream.write(block[: line_bytes - start])
        stream.write(b'"}\n')
        stream.write(jsonl(*({"text": t} for t in after)))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
@pytest.mark.parametrize("name, expected", [("bomb.jsonl.gz", None), ("long.jsonl", 3)])
def test_an_over_long_json_line_is_refused_within_bounded_memory(tmp_path, name, expected):
    # 64 MB of text on one line (0.3 MB gzipped), read at max_chars=100,000 (cap: 2 MB a line). The old
    # reader held the whole line, and copies: memory grew by about 150 MB. bench/read_memory.py runs a
    # 600 MB line through the command line at the default limit.
    path = tmp_path / name
    write_long_line(path, 64 << 20, [FLOODS, BUDGET])
    result = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(path), "100000"], capture_output=True, cwd=REPO, timeout=120, check=True
    )
    report = json.loads(result.stdout)
    assert report["expected"] == expected
    assert report["documents"] == [
        ["Failure", f"{path}:1", "too-large"], ["Article", f"{path}:2", ""], ["Article", f"{path}:3", ""],
    ]
    assert report["grown_mb"] < 16, report  # a quarter of the line: bounded by the cap, not by the line


# only regular files


def test_a_fifo_in_a_folder_or_matched_by_a_glob_is_found_to_be_refused(tmp_path):
    (tmp_path / "a.txt").write_text(FLOODS)
    os.mkfifo(tmp_path / "b.txt")
    os.mkfifo(tmp_path / "pipe")  # no known name: passed over in a folder, as notes.md is
    assert [p.name for p in find_files([str(tmp_path)])] == ["a.txt", "b.txt"]
    assert [p.name for p in find_files([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("name", ["feed.jsonl", "crawl.warc.gz", "story.txt", "story"])
def test_a_fifo_is_one_failure_whatever_its_name(tmp_path, name):
    from newswire.corpus.sources import estimate_documents

    path = tmp_path / name
    os.mkfifo(path)
    with watchdog():
        assert estimate_documents(path) in (1, None)
        (failure,) = read_all(path)
    assert (failure.document, failure.stage, failure.reason) == (str(path), "read", "bad-input")
    assert failure.message.startswith("cannot read the file (it is a named pipe (FIFO), not a regular file)")


# WARC: HTTP bodies decoded here, a block at a time; big records never held whole

PAGE = html_page("Floods in Italy", FLOODS).encode()


def http_record(uri: str, head: str, body: bytes) -> bytes:
    """A WARC response record with the given HTTP headers (after the status line) and raw body."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{head}\r\n".encode() + body
    return (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode() + http + b"\r\n\r\n"


def chunked(data: bytes, size: int) -> bytes:
    return b"".join(b"%x\r\n" % len(data[i : i + size]) + data[i : i + size] + b"\r\n" for i in range(0, len(data), size)) + b"0\r\n\r\n"


def deflated(data: bytes, wbits: int) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    "head, body",
    [
        ("", PAGE),
        ("Transfer-Encoding: chunked\r\n", chunked(PAGE, 7)),  # many small chunks
        ("Content-Encoding: gzip\r\n", gzip.compress(PAGE)),
        ("Content-Encoding: deflate\r\n", deflated(PAGE, 15)),
        ("Content-Encoding: deflate\r\n", deflated(PAGE, -15)),  # without the zlib header, as some servers send it
        ("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(gzip.compress(PAGE), 100)),
        ("Transfer-Encoding: chunked\r\n", PAGE),  # said chunked, is not
        ("Content-Encoding: gzip\r\n", PAGE),  # said compressed, is not
    ],
)
def test_warc_http_bodies_are_dechunked_and_decompressed(tmp_path, head, body):
    for compress in (False, True):
        path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
        path.write_bytes(warc(http_record("https://example.org/floods", head, body), RECORDS[3], compress=compress))
        documents = read_all(path)
        assert [d.title for d in documents] == ["Floods in Italy", "Kenya budget"], documents


def test_a_gzip_member_too_large_to_hold_is_a_too_large_record_or_passed_over(tmp_path):
    image = http_record("https://example.org/photo.jpg", "", b"\xff\xd8" + bytes(30_000)).replace(b"text/html", b"image/jpeg")
    page = http_record("https://example.org/long", "", PAGE.replace(b"</article>", b"<p>" + b"word " * 10_000 + b"</p></article>"))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc(RECORDS[0], image, page, RECORDS[3], compress=True))
    documents = list(read_documents(path, max_chars=1000))  # cap: 20,000 bytes a member; the image and the long page are over
    assert [a.url for a in articles(documents)] == ["https://example.org/floods", "https://example.org/budget"]
    (failure,) = failures(documents)  # the long page; the image is no article: passed over (it was a "corrupt gzip member")
    assert (failure.document, failure.reason) == (f"{path}@{len(gzip.compress(RECORDS[0])) + len(gzip.compress(image))}", "too-large")
    assert failure.message == "the record is over 20,000 bytes; newswire analyses single articles up to 1,000 characters (--max-chars raises the limit)"


def write_warc_bomb(path, kind: str, size: int) -> None:
    """A WARC with one hostile record of about `size` bytes, then a good one; written by streaming."""
    block = b"a" * (1 << 20)

    def repeat(stream, n):
        for start in range(0, n, len(block)):
            stream.write(block[: n - start])

    with path.open("wb") as out:
        if kind == "chunked-gzip":  # a small record whose chunked, gzip-encoded body inflates to `size`
            packer = zlib.compressobj(9, zlib.DEFLATED, 31)
            body = b"".join(packer.compress(block[: size - s]) for s in range(0, size, len(block))) + packer.flush()
            record = http_record("https://example.org/bomb", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(body, len(body)))
            out.write(gzip.compress(record) + gzip.compress(RECORDS[3]))
        elif kind == "body":  # an uncompressed WARC with one huge HTML body
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            out.write(f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/huge\r\nContent-Length: {len(http) + size}\r\n\r\n".encode() + http)
            repeat(out, size)
            out.write(b"\r\n\r\n" + RECORDS[3])
        else:  # a WARC header line of `size` bytes
            out.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ")
            repeat(out, size)
            out.write(b"\r\nContent-Length: 0\r\n\r\n\r\n\r\n" + RECORDS[3])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
@pytest.mark.parametrize(
    "kind, name, size, message",
    [
        # warcio held a whole chunk and inflated it in one call: about 130 MB for this one
        ("chunked-gzip", "bomb.warc.gz", 64 << 20, "input is 2,000,001 bytes"),
        # the file was mapped: every page read counted in the process's memory, the whole record in the end
        ("body", "huge.warc", 64 << 20, "input is 2,000,001 bytes"),
        # warcio read a header line whole, by repeated concatenation (slow: quadratic; 16 MB keeps the old code's run short)
        ("header", "long-header.warc", 16 << 20, "bad WARC record (headers over 1,048,576 bytes)"),
    ],
)
def test_a_hostile_warc_record_is_refused_within_bounded_memory(tmp_path, kind, name, size, message):
    path = tmp_path / name
    write_warc_bomb(path, kind, size)
    result = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(path), "100000"], capture_output=True, cwd=REPO, timeout=300, check=True
    )
    report = json.loads(result.stdout)
    assert [d[0] for d in report["documents"]] == ["Failure", "Article"], report
    assert report["messages"][0].startswith(message)
    assert report["grown_mb"] < size / (1 << 20) / 4, report  # bounded by the cap, not by the record


HEADER_END = RECORDS[0].index(b"\r\n\r\n")


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize(
    "data, problem",
    [
        (RECORDS[0].replace(b"\r\n", b"\r"), "no WARC-Type header"),
        (b"WARC/1.0\r\nWARC-Type:", "no WARC-Type header"),
        (b"WARC/1.0\r\nWARC-Type: r", "Content-Length missing"),
        (RECORDS[0][:60], "the file ends"),
        (RECORDS[0][: RECORDS[0].index(b"Content-Length:") + 16], "Content-Length missing"),
        (RECORDS[0][: HEADER_END + 4], "the file ends"),
        (RECORDS[0][: HEADER_END + 30], "truncated"),  # in the HTTP headers, before "text/html"
        (RECORDS[1][:-20], "truncated"),  # an image, no article, but cut short
    ],
    ids=["CR-only line breaks", "no type", "part of a type", "in the header", "empty length", "after the header",
         "in the HTTP headers", "a record that is no article"],
)
def test_a_warc_cut_anywhere_or_without_its_headers_is_a_failure_not_silence(tmp_path, data, problem, compress):
    # found fuzzing the reader (test_fuzz.py, a damaged WARC of pages is never silent): warcio yields a record
    # of no type, of a type cut short, no record at all, or a record of no HTTP headers, and each was skipped
    path = tmp_path / "crawl.warc"
    path.write_bytes(gzip.compress(data) if compress else data)
    (failure,) = read_all(path)
    assert failure.reason == "malformed" and failure.message.startswith(("bad WARC record", "bad HTTP response"))
    assert problem in failure.message


def test_a_response_without_its_http_status_line_is_a_failure_not_a_page_that_moved(tmp_path):
    # found probing the reader with mutated records: the first HTTP header was read as the status line ('text/html;'), not 200, so skipped
    status = b"HTTP/1.1 200 OK\r\n"
    head, payload = RECORDS[0].split(b"\r\n\r\n", 1)
    length = int(head.rsplit(b"Content-Length: ", 1)[1])
    headless = head.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - len(status)))
    path = tmp_path / "crawl.warc"
    path.write_bytes(headless + b"\r\n\r\n" + payload.replace(status, b"", 1) + RECORDS[3])
    documents = read_all(path)
    assert [a.url for a in articles(documents)] == ["https://example.org/budget"]
    (failure,) = failures(documents)
    assert failure.document == f"{path}@0" and failure.message.startswith("bad HTTP response (no HTTP status line")
