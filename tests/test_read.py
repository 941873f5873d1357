import io
import json
import os
import socket
import sys
import tempfile
from pathlib import Path

import pytest
import trafilatura
from conftest import watchdog

from newswire.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedInput,
    TooLarge,
    UsageError,
)
from newswire.text.read import LARGEST_MAX_CHARS, MAX_CHARS, parse_date, read_bytes, read_path, read_text

FIXTURES = Path(__file__).parent / "fixtures"
STORY = "Finance ministers agreed on Tuesday to share the cost of rebuilding bridges, officials said.\n"
PARAGRAPH = "<p>Finance ministers from the three worst-hit provinces agreed on Tuesday to share the cost.</p>"


def refused(error: type[Exception], data: bytes, **kwargs) -> str:
    """The one-line message `read_bytes` refuses `data` with."""
    with pytest.raises(error) as caught:
        read_bytes(data, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    return message


# plain text and decoding


def test_text_is_kept_exactly_as_decoded():
    data = "Line one.\r\nLine two.\n\n  Indented line.\n".encode()
    article = read_bytes(data, name="story.txt")
    assert article.text == data.decode()
    assert (article.format, article.source, article.warnings) == ("text", "story.txt", [])


def test_empty_file():
    assert refused(EmptyInput, b"") == "no text: the input is empty"


def test_whitespace_only():
    assert refused(EmptyInput, b" \n\t\r\n  ").startswith("no text")


def test_binary_file():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200)
    message = refused(BinaryInput, png)
    assert message.startswith("looks like a binary file, not text (")
    assert "control bytes" in message


def test_control_characters_without_nul_are_binary():
    data = b"\x01\x02\x03\x04\x05 some text in between \x06\x07\x08\x0e\x0f"
    assert "control bytes" in refused(BinaryInput, data)


def test_invalid_utf8():
    good = "The café said “yes”.".encode()
    message = refused(EncodingError, good + b"\xe2\x80" + b" and more")
    assert f"not valid UTF-8 (first bad byte at offset {len(good)})" in message
    assert "--encoding" in message


def test_cp1252_text_decoded_with_a_warning():
    text = "\u201cWe will rebuild,\u201d the minister\u2019s aide said \u2014 in the caf\u00e9."
    article = read_bytes(text.encode("cp1252"))
    assert article.text == text
    assert article.warnings == ["decoded as cp1252 (not valid UTF-8); pass --encoding to choose"]


def test_bytes_unassigned_in_cp1252_are_an_encoding_error():
    assert "not valid UTF-8" in refused(EncodingError, b"plain words \x81\x8d here")


def test_utf16_with_bom():
    article = read_bytes("Officials said “yes”.\n".encode("utf-16"))
    assert article.text == "Officials said “yes”.\n"


def test_utf8_bom_stripped():
    assert read_bytes(b"\xef\xbb\xbfOfficials said yes.").text == "Officials said yes."


def test_forced_encoding():
    article = read_bytes("Caf\u00e9 owners said so.".encode("latin-1"), encoding="latin-1")
    assert (article.text, article.warnings) == ("Caf\u00e9 owners said so.", [])


@pytest.mark.parametrize("encoding", ["klingon", "rot13"])
@pytest.mark.parametrize("data", [b"text", b""])
def test_unknown_encoding_is_a_usage_error(encoding, data):
    with pytest.raises(UsageError, match=f"unknown encoding '{encoding}'"):
        read_bytes(data, encoding=encoding)


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        read_bytes(b"text", format="pdf")


# size


def test_50_mb_text_refused_before_decoding(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Officials said the talks would resume. " * (50 * 1024 * 1024 // 39 + 1))
    with pytest.raises(TooLarge) as caught:
        read_path(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "up to 1,000,000 characters (--max-chars raises the limit)" in message


def test_50_mb_bytes_refused_before_decoding():
    # invalid UTF-8 throughout: only a refusal before decoding gives TooLarge
    message = refused(TooLarge, b"\xff" * (50 * 1024 * 1024))
    assert message.startswith("input is 52,428,800 bytes;")


def test_just_over_max_chars_refused_after_decoding():
    message = refused(TooLarge, b"a" * (MAX_CHARS + 1))
    assert message == (
        "input is 1,000,001 characters; newswire analyses single articles up to 1,000,000 "
        "(--max-chars raises the limit)"
    )


@pytest.mark.parametrize("max_chars", [0, LARGEST_MAX_CHARS + 1, 10**9])
def test_max_chars_beyond_what_the_parser_takes_is_a_usage_error(max_chars):
    # above nlp.max_length a text passed the read stage and failed in the parse: "internal error: E088"
    for read in (lambda: read_text(STORY, max_chars=max_chars), lambda: read_bytes(STORY.encode(), max_chars=max_chars)):
        with pytest.raises(UsageError) as caught:
            read()
        assert str(caught.value) == (
            f"--max-chars (max_chars) must be from 1 to 2,000,000 characters, the longest text the parser takes, not {max_chars:,}"
        )


def test_the_largest_max_chars_is_what_the_parser_takes(nlp):
    assert LARGEST_MAX_CHARS == nlp.max_length
    message = refused(TooLarge, b"a" * (LARGEST_MAX_CHARS + 1), max_chars=LARGEST_MAX_CHARS)
    assert message.endswith("up to 2,000,000 (the most the parser takes)")


def test_max_chars_counts_characters_not_bytes():
    assert len(read_bytes("é".encode() * 10, max_chars=10).text) == 10
    refused(TooLarge, "é".encode() * 11, max_chars=10)


# HTML


def test_good_html():
    article = read_path(FIXTURES / "news_page.html")
    assert article.format == "html"
    assert article.title == "Ministers agree on flood relief plan"
    assert article.published == "2024-03-05"
    assert article.url == "https://ledger.example.com/world/2024/flood-relief-plan"
    assert "said Maria Lopez, the regional finance minister" in article.text
    assert "\nThe floods killed at least 42 people" in article.text  # paragraphs on their own lines
    for boilerplate in ("Subscribe", "Most read", "recipes", "Copyright", "Privacy", "cookies", "dataLayer"):
        assert boilerplate not in article.text


def test_html_fragment():
    article = read_bytes((PARAGRAPH * 2).replace("three", "four", 1).encode(), format="html")
    assert article.text.count("Finance ministers") == 2


def test_malformed_html():
    message = refused(MalformedInput, b"<html><body><div", name="page.html")
    assert message.startswith("no article text found in the HTML")
    assert "plain text or JSON" in message


def test_html_without_a_body():
    data = b"<!DOCTYPE html><html><head><title>Flood relief</title></head></html>"
    assert refused(MalformedInput, data).startswith("no article text found in the HTML")


def test_html_with_only_navigation():
    data = b"<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav></body></html>"
    assert refused(MalformedInput, data).startswith("no article text found in the HTML")


def nested_page(depth: int, inside: str, outside: str = "") -> bytes:
    return (
        f"<html><head><title>Flood relief</title></head><body>{outside}"
        + "<div>" * depth + inside + "</div>" * depth + "</body></html>"
    ).encode()


ARTICLE = (
    "<p>Finance ministers from the three worst-hit provinces agreed on Tuesday to share the cost of rebuilding "
    "the bridges, officials said.</p><p>The governor said he expected work to start in the spring.</p>"
)


def test_html_nested_deeper_than_libxml2s_default_limit_is_read():
    # libxml2 stops at 256 levels unless asked for huge trees: the text was lost as "no article text found"
    article = read_bytes(nested_page(300, ARTICLE))
    assert article.text.startswith("Finance ministers from the three worst-hit provinces") and not article.warnings


def test_html_nested_deeper_than_the_parser_reads_says_so():
    message = refused(MalformedInput, nested_page(2100, ARTICLE))
    assert message == (
        "no article text found in the HTML: it is nested deeper than 2,048 levels, the most the HTML parser reads; "
        "flatten it or pass the article as plain text or JSON instead"
    )


def test_html_text_lost_below_the_depth_the_parser_reads_is_a_warning():
    article = read_bytes(nested_page(2100, "<p>A sidebar nobody reads.</p>", outside=f"<article>{ARTICLE}</article>"))
    assert article.text.startswith("Finance ministers")
    assert article.warnings == ["the HTML is nested deeper than 2,048 levels: the text below that depth was left out"]


def test_html_with_more_tags_than_a_page_holds_is_refused_before_it_is_parsed():
    # the tree takes about 1.3 KB an element: 20 MB of small elements took 1.9 GB
    message = refused(TooLarge, b"<html><body>" + b"<div><span>a</span></div>" * 62_500 + b"</body></html>")
    assert message == "the HTML has 250,004 tags; newswire reads pages of up to 250,000; pass the article as plain text or JSON instead"


def test_parser_errors_become_malformed_input(monkeypatch):
    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded\nwhile parsing")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    message = refused(MalformedInput, b"<html><body><p>Hi</p></body></html>")
    assert message.startswith("could not parse the HTML (RecursionError: maximum recursion depth exceeded)")


def test_trafilatura_drops_a_paragraph_that_repeats_the_previous_one():
    # Known trafilatura behaviour, even with deduplicate=False: an identical paragraph of
    # more than 50 characters right after another is dropped; a later repeat is kept.
    other = "<p>The floods killed at least 42 people and forced thousands from their homes.</p>"
    adjacent = read_bytes(f"<html><body><article>{PARAGRAPH * 2}{other}</article></body></html>".encode())
    apart = read_bytes(f"<html><body><article>{PARAGRAPH}{other}{PARAGRAPH}</article></body></html>".encode())
    assert (adjacent.text.count("Finance"), apart.text.count("Finance")) == (1, 2)


def test_html_results_do_not_depend_on_what_was_read_before():
    page = (FIXTURES / "news_page.html").read_bytes()
    assert [read_bytes(page).text for _ in range(5)] == [read_bytes(page).text] * 5


# JSON


def test_json():
    data = json.dumps({"text": STORY, "title": "Relief", "url": "https://x.example/1", "published": "2024-03-05"})
    article = read_bytes(data.encode())
    assert (article.text, article.title, article.published) == (STORY, "Relief", "2024-03-05")
    assert article.url == "https://x.example/1"
    assert (article.format, article.warnings) == ("json", [])


def test_malformed_json():
    message = refused(MalformedInput, b'{"text": "unterminated', name="story.json")
    assert message.startswith("invalid JSON: Unterminated string")


def test_json_without_text():
    message = refused(MalformedInput, b'{"title": "Relief"}')
    assert 'no "text" string' in message and 'expected {"text"' in message


def test_json_that_is_not_an_object():
    assert "the JSON is an array, expected one object" in refused(MalformedInput, b'["a"]', format="json")


def test_json_nested_too_deeply():
    assert refused(MalformedInput, b"[" * 100_000, format="json").startswith("invalid JSON: nested too deeply")


def test_json_with_empty_text():
    refused(EmptyInput, b'{"text": "  "}')


def test_json_published_datetime_keeps_its_date():
    article = read_bytes(b'{"text": "Officials said so.", "published": "2024-03-05T21:30:00-05:00"}')
    assert (article.published, article.warnings) == ("2024-03-05", [])


def test_json_bad_published_is_a_warning():
    article = read_bytes(b'{"text": "Officials said so.", "published": "last Tuesday"}')
    assert article.published is None
    assert article.warnings == [
        'ignored the JSON "published" value \'last Tuesday\': not YYYY-MM-DD, an ISO 8601 datetime or an RSS (RFC 2822) date'
    ]


@pytest.mark.parametrize(
    "value, day",
    [
        ("Tue, 05 Mar 2024 10:15:00 GMT", "2024-03-05"),
        ("05 Mar 2024 23:15:00 -0500", "2024-03-05"),  # the day as written, as an ISO datetime's own date part
        ("20240305", "2024-03-05"),  # ISO 8601's basic form
        ("Mon, 05 Mar 2024 10:15:00 GMT", None),  # the weekday and the date disagree
        ("Tue, 31 Feb 2024 10:15:00 GMT", None),
        ("5 Mar 2024", None),
    ],
)
def test_json_published_in_rss_or_iso_basic_form(value, day):
    article = read_bytes(json.dumps({"text": "Officials said so.", "published": value}).encode())
    assert article.published == day
    assert bool(article.warnings) == (day is None)


def test_json_title_of_the_wrong_type():
    assert 'the JSON "title" field is a number' in refused(MalformedInput, b'{"text": "Hi there.", "title": 3}')


@pytest.mark.parametrize("key", ["text", "title", "url", "published", "id"])
@pytest.mark.parametrize("surrogate", ["\\ud83d", "\\ude00"])
def test_a_lone_surrogate_in_any_json_field_is_an_encoding_error(key, surrogate):
    fields = {"text": STORY, "title": "Relief", "url": "https://x.example/1", "published": "2024-03-05", "id": "wire-1"}
    raw = json.dumps(fields).replace(json.dumps(fields[key]), json.dumps(fields[key])[:-1] + surrogate + '"')
    message = refused(EncodingError, raw.encode())
    assert message.startswith(f'the JSON "{key}" field holds a lone UTF-16 surrogate ({surrogate} at character ')


def test_a_surrogate_pair_is_one_character_and_read():
    article = read_bytes(b'{"text": "Officials cheered \\ud83d\\ude00 on Tuesday.", "title": "\\ud83d\\ude00"}')
    assert article.text == "Officials cheered \U0001f600 on Tuesday." and article.title == "\U0001f600"


# format sniffing


@pytest.mark.parametrize(
    "name, expected",
    [
        ("a.txt", "text"),
        ("a.TEXT", "text"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.xhtml", "html"),
        ("a.json", "json"),
    ],
)
def test_format_from_extension(name, expected):
    # a two-paragraph fragment is "text" by content (too few tags): the extension decides
    data = b"<p>Officials said so.</p>" if expected != "json" else b' \n {"text": "Officials said so."}'
    assert read_bytes(data, name=name).format == expected


def test_extension_wins_over_content():
    assert read_bytes(b'{"text": "hi"}', name="notes.txt").text == '{"text": "hi"}'


@pytest.mark.parametrize(
    "data, expected",
    [
        (b'  \n{"text": "Officials said so."}', "json"),
        (b"<!doctype html><html><body>" + PARAGRAPH.encode() + b"</body></html>", "html"),
        (b"\n<HTML><body>" + PARAGRAPH.encode() + b"</body></HTML>", "html"),
        (b"<div><h2>Relief</h2>" + PARAGRAPH.encode() + b"</div>", "html"),
        (b"Officials said the <b>bridge</b> would reopen.", "text"),
        (b"[1, 2] is a list, not an article.", "text"),
    ],
)
def test_format_from_content(data, expected):
    assert read_bytes(data, name="story").format == expected


# paths and stdin


def test_read_path_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(STORY.encode())})())
    article = read_path("-")
    assert (article.text, article.source, article.format) == (STORY, "<stdin>", "text")


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_path(tmp_path / "nowhere.txt")
    message = str(caught.value)
    assert "no such file" in message and "\n" not in message


def test_directory_is_not_a_file(tmp_path):
    with pytest.raises(InputError, match="it is a directory"):
        read_path(tmp_path)


# read_text, parse_date


def test_read_text():
    article = read_text(STORY, title="Relief", published="2024-03-05T09:00:00Z", url="https://x.example/1")
    assert (article.text, article.title, article.published, article.format) == (STORY, "Relief", "2024-03-05", "text")


@pytest.mark.parametrize(
    "text, error",
    [("", EmptyInput), ("  \n ", EmptyInput), ("a\x00b", BinaryInput), ("x" * (MAX_CHARS + 1), TooLarge)],
)
def test_read_text_refuses_bad_input(text, error):
    with pytest.raises(error) as caught:
        read_text(text)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("field", ["text", "title", "url"])
def test_read_text_refuses_a_lone_surrogate(field):
    values = {"text": STORY, "title": "Relief", "url": "https://x.example/1"}
    values[field] += "\ud83d"
    with pytest.raises(EncodingError, match=f"^the {field} holds a lone UTF-16 surrogate"):
        read_text(**values)


def test_a_codec_that_decodes_to_a_lone_surrogate_is_refused():
    # utf-7 can spell half a pair ("+2D0-" is U+D83D alone)
    assert refused(EncodingError, b"Officials said +2D0- so.", encoding="utf-7").startswith("the decoded input holds a lone UTF-16 surrogate (\\ud83d at character 15)")


def test_read_text_bad_published_is_a_usage_error():
    with pytest.raises(UsageError, match="not a date; use YYYY-MM-DD"):
        read_text(STORY, published="05/03/2024")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05", "2024-03-05"),
        (" 2024-03-05 ", "2024-03-05"),
        ("2024-03-05T09:30:00Z", "2024-03-05"),
        ("2024-03-05T23:30:00.123+05:30", "2024-03-05"),
        ("2024-03-05 09:30", "2024-03-05"),
        ("2024-02-30", None),
        ("2024-03-05T25:00", None),
        ("05/03/2024", None),
        ("yesterday", None),
        ("", None),
        # ISO 8601's basic form too, and nothing else (session thirteen, reliability)
        ("20250305", "2025-03-05"),
        ("20250305T101500Z", "2025-03-05"),
        ("20250305T1015+0100", "2025-03-05"),
        (" 2025-03-05 ", "2025-03-05"),
        ("2025-03-05T10:15:00Z", "2025-03-05"),
        ("20250230", None),  # no such day
        ("2025035", None),  # seven digits: no reading
        ("202503051", None),
        ("2025-3-5", None),
        ("05/03/2025", None),
        ("20250305T25", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# gzip and the JSON id


def test_gzip_compressed_input_is_read_by_content(tmp_path):
    import gzip

    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode()))
    article = read_path(path)
    assert (article.text, article.format, article.source) == (STORY, "text", str(path))
    assert read_bytes(gzip.compress(PARAGRAPH.encode()), name="page.html.gz").format == "html"


def test_corrupt_gzip_is_malformed():
    import gzip

    message = refused(MalformedInput, gzip.compress(STORY.encode())[:-10])
    assert message.startswith("corrupt gzip data")


def test_json_id_is_kept_as_the_external_id():
    assert read_bytes(json.dumps({"text": STORY, "id": "wire-42"}).encode()).external_id == "wire-42"
    assert read_bytes(json.dumps({"text": STORY, "id": 42}).encode()).external_id == "42"
    odd = read_bytes(json.dumps({"text": STORY, "id": [1]}).encode())
    assert odd.external_id is None
    assert odd.warnings == ['ignored the JSON "id" value: an array, expected a string or an integer']


def test_read_text_keeps_a_python_string_exactly_even_a_leading_bom():
    text = "\ufeffFinance ministers agreed on Tuesday to share the cost, officials said."
    assert read_text(text).text == text


# only regular files: a FIFO would block for ever, a device never ends


def special_file(tmp_path, kind: str) -> Path:
    """A FIFO or a socket in tmp_path, or a character device."""
    if kind == "fifo":
        path = tmp_path / "story.txt"
        os.mkfifo(path)
        return path
    if kind == "socket":
        path = Path(tempfile.mkdtemp()) / "s.txt"  # a short path: socket names are limited to 107 bytes
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        return path
    return Path(kind)


@pytest.mark.parametrize(
    "kind, what",
    [("fifo", "a named pipe (FIFO)"), ("socket", "a socket"), ("/dev/zero", "a character device"), ("/dev/urandom", "a character device")],
)
def test_anything_but_a_regular_file_is_refused_before_it_is_read(tmp_path, kind, what):
    path = special_file(tmp_path, kind)
    with watchdog(), pytest.raises(InputError) as caught:
        read_path(path)
    assert str(caught.value) == (
        f"cannot read the file (it is {what}, not a regular file); "
        "pass the path of a text, HTML or JSON file, or - for standard input"
    )
