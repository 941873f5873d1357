import gzip
import json

import pytest
from conftest import STORIES, html_page, warc_record

from newswire.errors import UsageError
from newswire.records import Article, Failure
from newswire.sources import find_files, read_documents

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
