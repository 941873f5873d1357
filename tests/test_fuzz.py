"""Fuzzing the readers and `analyze` (hypothesis): bad input is a `NewswireError` or a `Failure`, never a crash.

Inputs are valid-ish documents built from generated pieces (plain text, HTML,
JSON, JSON lines, WARC, any of them gzip-wrapped), then mutated (truncated,
bytes flipped or inserted, line breaks turned to CR, a BOM or NUL added,
nested deeply, lone surrogates in JSON strings), and raw bytes. Properties:

* `read_bytes` returns an `Article` with text, or raises a `NewswireError`
  (an `InputError` with a reason) and nothing else;
* `sources.read_documents` yields only `Article`s and `Failure`s with a stage,
  a reason and a one-line message, and raises nothing; a WARC of pages, cut or
  with its line breaks changed, is never silent (something is yielded);
* `analyze` of whatever was read (and of any string) raises only a
  `NewswireError`, and every span of its records is `text[start:end]`.

Two problems this fuzzing found are fixed elsewhere and tested here like any
input: a lone surrogate (JSON "\\ud83d") is refused by the readers, and a long
run of punctuation (quadratic in spaCy's tokenizer) is removed as `unbroken`.

A hang would show as a CI job that never ends: the tests are not timed (speed
belongs in bench/). Bounded for CI: a fixed set of examples (derandomized),
about 40 full analyses in all; with tests/test_properties.py about 35 s wall
(20 s CPU) on the shared 2-core machine. To fuzz longer:
NEWSWIRE_FUZZ_EXAMPLES=50 (every test runs 50 times its CI examples) and
NEWSWIRE_FUZZ_RANDOM=1 (new examples on each run); see tests/fuzzing.py.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

import newswire
from newswire.errors import InputError, NewswireError
from newswire.text.read import read_bytes
from newswire.records import Article, Failure
from newswire.corpus.sources import read_documents

from conftest import html_page, warc_record
from fuzzing import PARAGRAPHS, article, bounded, paragraph
from test_pipeline import check_contracts


# --- documents built from pieces ------------------------------------------------------------------

TAGS = ["p", "div", "span", "b", "i", "a", "li", "h2", "blockquote", "section", "script", "style", "table", "td"]


@st.composite
def html(draw) -> str:
    """A page (or a fragment) of generated paragraphs in generated markup, entities and comments included."""
    title = draw(st.sampled_from(["Floods in Italy", "", "<b>Talks</b>", "Kyiv &amp; Berlin", "\u00a0"]))
    parts = []
    for text in draw(st.lists(paragraph(), min_size=1, max_size=6)):
        tag = draw(st.sampled_from(TAGS))
        text = text.replace("&", draw(st.sampled_from(["&", "&amp;", "&#38;", "&#x26;", "&bogus;"])))
        close = draw(st.sampled_from([f"</{tag}>", "", f"</{draw(st.sampled_from(TAGS))}>"]))
        extra = draw(st.sampled_from(["", "<!-- comment -->", "<br>", "<img src=x onerror=1>", "<![CDATA[x]]>", "&#0;", "&#xD800;"]))
        parts.append(f"<{tag} class=\"x\">{text}{extra}{close}")
    depth = draw(st.sampled_from([0, 0, 1, 30, 300, 3000]))  # nested deeply
    body = "<div>" * depth + "".join(parts) + "</div>" * draw(st.integers(0, depth))
    if draw(st.booleans()):
        return body  # a fragment
    return html_page(title, "").replace("</article>", body + "</article>")


@st.composite
def json_object(draw) -> str:
    """A JSON article, its fields of the right or wrong types, lone surrogates inside its strings."""
    text = draw(st.one_of(article(), st.text(max_size=200)))
    if draw(st.integers(0, 4)) == 0:
        text = text + "\ud83d" + draw(st.sampled_from(["", " said the minister.", "\udc4d"]))
    values = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
        st.lists(st.integers(), max_size=3), st.sampled_from(["2024-05-01", "2024-02-30", "2024-05-01T10:00:00Z", "\ud800"]),
    )
    data = {"text": draw(st.one_of(st.just(text), values)) if draw(st.integers(0, 5)) == 0 else text}
    for key in ("title", "published", "url", "id"):
        if draw(st.booleans()):
            data[key] = draw(values)
    out = json.dumps(data, ensure_ascii=draw(st.booleans()))
    depth = draw(st.sampled_from([0, 0, 0, 50, 5000]))  # nested deeply: an array around the object
    return "[" * depth + out + "]" * depth


@st.composite
def warc(draw) -> bytes:
    """WARC records of generated pages (some not articles), uncompressed or one gzip member each."""
    records = []
    for i in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["page", "page", "image", "moved", "no uri"]))
        body = draw(html())
        if kind == "image":
            record = warc_record(f"https://example.org/{i}.png", "PNG", content_type="image/png")
        elif kind == "moved":
            record = warc_record(f"https://example.org/{i}", "", status="301 Moved Permanently")
        else:
            record = warc_record(f"https://example.org/{i}", body)
            if kind == "no uri":
                record = record.replace(f"WARC-Target-URI: https://example.org/{i}\r\n".encode(), b"")
        records.append(record)
    if draw(st.booleans()):
        return b"".join(gzip.compress(r, mtime=0) for r in records)
    return b"".join(records)


MUTATIONS = ("cut", "flip", "insert", "cr", "lf", "bom", "nul", "gzip", "none", "none")
# what a transfer or a careless tool does to a file: no byte of it is changed
DAMAGE = ("cut", "cr", "lf", "gzip")


@st.composite
def mutated(draw, data: bytes, kinds: tuple[str, ...] = MUTATIONS) -> bytes:
    """`data` cut, with bytes flipped or inserted, CR or LF line breaks, a BOM, a NUL, gzip-wrapped (or none of these)."""
    for _ in range(draw(st.integers(0, 2))):
        how = draw(st.sampled_from(kinds))
        at = draw(st.integers(0, len(data)))
        if how == "cut":
            data = data[:at]
        elif how == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        elif how == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        elif how == "cr":
            data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
        elif how == "lf":
            data = data.replace(b"\r\n", b"\n")
        elif how == "bom":
            data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + data
        elif how == "nul":
            data = data[:at] + b"\x00" + data[at:]
        elif how == "gzip":
            data = gzip.compress(data, mtime=0)
    return data


@st.composite
def single_document(draw) -> tuple[bytes, str | None]:
    """(bytes, file name) of one article as text, HTML or JSON (in any encoding the reader takes), mutated."""
    kind = draw(st.sampled_from(["text", "html", "json"]))
    text = draw({"text": article(), "html": html(), "json": json_object()}[kind])
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    name = draw(st.sampled_from([None, f"story.{'txt' if kind == 'text' else kind}", "story.json", "story.html.gz", "story"]))
    return draw(mutated(data)), name


# --- read_bytes --------------------------------------------------------------------------------------


def read_or_refuse(data: bytes, name: str | None) -> Article | None:
    """The article `read_bytes` reads, or None when it refuses the input with a proper `NewswireError`."""
    try:
        article = read_bytes(data, name=name)
    except NewswireError as err:
        message = str(err)
        assert message and "\n" not in message, repr(message)
        if isinstance(err, InputError):
            assert err.reason, type(err)
        return None
    assert isinstance(article, Article) and article.text.strip()
    assert article.format in ("text", "html", "json")
    return article


@bounded(200)
@given(single_document())
def test_read_bytes_reads_or_refuses_documents(document):
    read_or_refuse(*document)


@bounded(200)
@given(st.binary(max_size=3000), st.sampled_from([None, "x.txt", "x.html", "x.json", "x.gz"]))
def test_read_bytes_reads_or_refuses_raw_bytes(data, name):
    read_or_refuse(data, name)


# --- read_documents: files holding many documents ---------------------------------------------------


@st.composite
def json_lines(draw) -> bytes:
    lines = [draw(json_object()).encode("utf-8", "surrogatepass") for _ in range(draw(st.integers(1, 4)))]
    lines += [draw(st.sampled_from([b"", b"not json", b"[1, 2]", b"{}", b'{"text": 5}']))]
    return b"\n".join(draw(st.permutations(lines)))


@st.composite
def container(draw) -> tuple[bytes, str]:
    """(bytes, file name) of a file for `read_documents`: JSON lines, WARC, or one article, mutated."""
    kind = draw(st.sampled_from(["jsonl", "warc", "single", "raw"]))
    if kind == "jsonl":
        data, name = draw(json_lines()), draw(st.sampled_from(["a.jsonl", "a.ndjson", "a.json", "a"]))
    elif kind == "warc":
        data, name = draw(warc()), draw(st.sampled_from(["a.warc", "a.warc.gz", "a"]))
    elif kind == "single":
        data, name = draw(single_document())[0], draw(st.sampled_from(["a.txt", "a.html", "a.json", "a"]))
    else:
        data, name = draw(st.binary(max_size=2000)), draw(st.sampled_from(["a.jsonl", "a.warc", "a.warc.gz", "a"]))
    data = draw(mutated(data))
    if name.endswith(".gz") and not data.startswith(b"\x1f\x8b") and draw(st.booleans()):
        data = gzip.compress(data, mtime=0)
    return data, name


def documents_of(data: bytes, name: str) -> list[Article | Failure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        documents = list(read_documents(path))
        for d in documents:
            assert isinstance(d, (Article, Failure)), type(d)
            if isinstance(d, Failure):
                assert d.stage == "read" and d.reason and d.message and "\n" not in d.message, d
                assert d.document.startswith(str(path)), d
            else:
                assert d.text.strip() and d.source.startswith(str(path)), d.source
        return documents


@bounded(200)
@given(container())
def test_read_documents_yields_articles_and_failures_only(file):
    documents_of(*file)


@bounded(50)
@given(st.data())
def test_a_damaged_warc_of_pages_is_never_silent(data):
    # every record a page: whatever a transfer does to the file (cut, line breaks, gzip), something is said
    records = [warc_record(f"https://example.org/{i}", data.draw(html())) for i in range(data.draw(st.integers(1, 3)))]
    raw = data.draw(mutated(b"".join(records), DAMAGE))
    assert documents_of(raw, data.draw(st.sampled_from(["a.warc", "a.warc.gz"])))


# --- analyze -------------------------------------------------------------------------------------------


def analyze_or_refuse(analyze, *args, **kwargs) -> None:
    """`analyze(*args, **kwargs)` refuses with a one-line `NewswireError`, or every span of its records is true."""
    try:
        analysis = analyze(*args, **kwargs)
    except NewswireError as err:
        assert str(err) and "\n" not in str(err)
        return
    check_contracts(analysis)


@bounded(15)
@given(single_document())
def test_whatever_is_read_analyses_with_true_spans(document):
    article = read_or_refuse(*document)
    assume(article is not None)
    analyze_or_refuse(newswire.analyze_article, article, any_language=True)


@bounded(10)
@given(container())
def test_every_document_of_a_file_analyses_with_true_spans(file):
    articles = [d for d in documents_of(*file) if isinstance(d, Article)]
    assume(articles)
    for article in articles[:2]:
        analyze_or_refuse(newswire.analyze_article, article, any_language=True)


ODD_STRINGS = st.lists(st.sampled_from(PARAGRAPHS + ["\r", "\x0b", "\x0c", "\ufeff", "\x85", "\u2029", "\x00", "  ", "(" * 5000, "\ud83d"]), max_size=6)


@bounded(15)
@given(st.one_of(st.text(max_size=300), ODD_STRINGS.map("".join)), st.booleans())
def test_analyze_any_string(text, any_language):
    analyze_or_refuse(newswire.analyze, text, any_language=any_language)
