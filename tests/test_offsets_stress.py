"""Offsets against the ORIGINAL input, on inputs built from pieces that stress reading and cleaning.

Each case is drawn from a fixed seed (no new dependency, the same cases on every run): news paragraphs
with names, quotes, events, figures, times and places, with odd characters put in (no-break and
zero-width spaces, soft hyphens, tabs, combining accents, emoji and other characters outside the BMP),
line ends of one kind ("\\n", "\\r\\n", a lone "\\r", U+2028), a headline line or none, one very long
line, the body twice (the seed's case). The text is then given as a Python string, a file's bytes (a
UTF-8 byte order mark, gzip), a JSON object (escaped or not), a JSON lines file beside a bad line, an
HTML page (entities, <br> inside sentences, a script and a style) or a WARC record (gzip member, a
chunked and gzip-encoded HTTP body).

Every record's span, at any depth (entity mentions, quotes and their speaker, cue and content,
events and their trigger, sentence, sides, participants, place and mentions, times, figures, removed
text), must be `original[start:end]`, where `original` is what the README and docs/schema.md say the
offsets are into: the string as given; a file's decoded text with its byte order mark gone; a JSON
object's "text"; for HTML and WARC the article text extracted from the page (which must hold no markup
or undecoded entity). The line ends must not change the records, and a corpus ingested in another
order stores the same rows.
"""

from __future__ import annotations

import gzip
import json
import random
import re

import duckdb
import pytest

import newswire
from newswire.corpus.ingest import ingest
from newswire.corpus.sources import read_documents
from newswire.pipeline import analyze_article
from newswire.text.read import read_bytes

from conftest import STORIES, warc_record

HEADLINE = "Kenyan police arrest 40 protesters in Nairobi"
PARAGRAPHS = [
    "NAIROBI, Kenya (AP) - Kenyan police arrested 40 protesters in Nairobi on Tuesday, the interior ministry said.",
    '"We will not allow violence on our streets," Interior Minister Kithure Kindiki told reporters on Wednesday.',
    "Opposition leader Raila Odinga accused the government of repression and said his supporters would march again next week.",
    "The United States urged Kenya to respect the right to protest. At least 12 people were injured in the clashes, the Red Cross said.",
    "Russia attacked Ukrainian ports in Odesa on Monday, killing 3 people, officials said.",
    "Chancellor Olaf Scholz told reporters in Berlin on Monday that Germany would send more air defence systems to Ukraine.",
]
LINE_ENDS = ("\n", "\r\n", "\r", "\u2028")
PUBLISHED = "2024-03-05"


def _soft_hyphen(word: str) -> str:
    return word[: len(word) // 2] + "\u00ad" + word[len(word) // 2 :]


def _accent(word: str) -> str:
    return word.replace("e", "e\u0301", 1)


# what a word may become: each changes the text's length in code points, in UTF-16 units, or both
WORD_STRESS = (
    _soft_hyphen,
    lambda w: w + "\u200b",  # zero-width space
    _accent,  # a combining accent: two code points, one letter
    lambda w: w + " \U0001f600",  # an emoji: one code point, two UTF-16 units
    lambda w: "\U0001d400" + w,  # MATHEMATICAL BOLD CAPITAL A, outside the BMP
)
SPACES = (" ",) * 8 + ("\u00a0", "\t", "  ")


def _odd(rng: random.Random, paragraph: str) -> str:
    words = paragraph.split(" ")
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(WORD_STRESS)(words[i])
    return words[0] + "".join(rng.choice(SPACES) + w for w in words[1:])


def stressed_text(rng: random.Random) -> str:
    paragraphs = [_odd(rng, p) for p in rng.sample(PARAGRAPHS, rng.randint(2, len(PARAGRAPHS)))]
    if rng.random() < 0.6:
        paragraphs.insert(0, HEADLINE)
    end = rng.choice(LINE_ENDS)
    text = " ".join(paragraphs) * 8 + end if rng.random() < 0.15 else end.join(paragraphs) + end  # a very long line
    if rng.random() < 0.3:
        text += text  # the body twice
    return text


def spans(record, path="$"):
    """Every (path, start, end, text or None) of a JSON-ready record: any object with integer start and end."""
    if isinstance(record, dict):
        if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
            yield path, record["start"], record["end"], record.get("text")
        for key, value in record.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(record, list):
        for i, value in enumerate(record):
            yield from spans(value, f"{path}[{i}]")


def check_spans(original: str, analysis) -> dict:
    data = json.loads(analysis.to_json())
    assert data["text"] == original
    assert data["text_length"] == len(original)
    found = list(spans(data))
    assert found, "no records at all: the case tests nothing"
    for path, start, end, text in found:
        assert 0 <= start <= end <= len(original), path
        if text is not None:
            assert original[start:end] == text, (path, start, end, text)
        else:
            assert path.startswith("$.removed"), f"{path} has no text to check"
    return data


def _html(rng: random.Random, text: str) -> str:
    lines = [line for line in re.split(r"\r\n|[\n\r\u2028]", text) if line.strip()]
    escaped = []
    for line in lines:
        line = line.replace("&", "&amp;").replace("<", "&lt;")
        line = line.replace('"', "&#8220;", 1).replace(" police", "&nbsp;police", 1)
        if rng.random() < 0.4:
            line = line.replace(" on ", "<br> on ", 1)
        escaped.append(f"<p>{line}</p>")
    return (
        f"<!DOCTYPE html><html><head><title>{HEADLINE}</title><script>var said = 'Obama said &amp; no';</script>"
        f"<style>p {{ color: red }}</style></head><body><article>{''.join(escaped)}</article></body></html>"
    )


def _check_extracted(text: str) -> None:
    """Text extracted from a page: no markup, no entity left undecoded, nothing of the script or style."""
    assert not re.search(r"&(?:amp|nbsp|lt|#\d+);|<br|</?p>|var said|color: red", text), text[:300]


def _chunked_gzip_record(uri: str, page: str) -> bytes:
    body = gzip.compress(page.encode("utf-8"))
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i : i + 97]), body[i : i + 97]) for i in range(0, len(body), 97))
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Encoding: gzip\r\n\r\n" + chunks + b"0\r\n\r\n"
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


CONTAINERS = ("string", "file", "json", "jsonl", "html", "warc")


def analysed(container: str, rng: random.Random, text: str, tmp_path):
    """(the original the offsets are into, the analysis) of `text` given in `container`."""
    if container == "string":
        return text, newswire.analyze(text, published=PUBLISHED)
    if container == "file":
        data = (b"\xef\xbb\xbf" if rng.random() < 0.5 else b"") + text.encode("utf-8")
        if rng.random() < 0.5:
            data = gzip.compress(data)
        article = read_bytes(data, name=rng.choice(["story.txt", None]))
        return text, analyze_article(article)
    if container == "json":
        data = json.dumps({"text": text, "published": PUBLISHED}, ensure_ascii=rng.random() < 0.5).encode("utf-8")
        return text, analyze_article(read_bytes(data, name="story.json"))
    if container == "jsonl":
        path = tmp_path / "feed.jsonl"
        path.write_text('{"text": broken\n' + json.dumps({"text": text, "published": PUBLISHED}) + "\n", encoding="utf-8")
        documents = list(read_documents(path))
        assert [type(d).__name__ for d in documents] == ["Failure", "Article"]
        return text, analyze_article(documents[1])
    page = _html(rng, text)
    if container == "html":
        article = read_bytes(page.encode("utf-8"), name="page.html")
    else:
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(gzip.compress(warc_record("https://example.org/redirect", "", status="301 Moved Permanently"))
                         + gzip.compress(_chunked_gzip_record("https://example.org/story", page)))
        [article] = [d for d in read_documents(path) if type(d).__name__ == "Article"]
    _check_extracted(article.text)
    return article.text, analyze_article(article)


@pytest.mark.parametrize("seed", range(18))
def test_every_span_is_the_original_input_at_its_offsets(seed, tmp_path):
    rng = random.Random(seed)
    text = stressed_text(rng)
    container = CONTAINERS[seed % len(CONTAINERS)]
    original, analysis = analysed(container, rng, text, tmp_path)
    check_spans(original, analysis)


# A headline line, then the body: with a lone "\r" or U+2028 between them the parser read one sentence from the
# headline into the body (a quote ran from it, an event took a side from the sentence before).
LINED = HEADLINE + "\n" + "\n".join(PARAGRAPHS[:5]) + "\n"


def _records(text: str) -> dict:
    data = json.loads(newswire.analyze(text, published=PUBLISHED).to_json())
    for key in ("id", "text"):
        data.pop(key)
    return data


@pytest.mark.parametrize("end", ["\r", "\u2028", "\x85"], ids=["cr", "u2028", "nel"])
def test_every_kind_of_line_end_gives_the_records_of_a_newline(end):
    expected = _records(LINED)
    assert expected["events"] and expected["quotes"]
    assert _records(LINED.replace("\n", end)) == json.loads(json.dumps(expected).replace("\\n", json.dumps(end)[1:-1]))


def test_a_byte_order_mark_kept_in_a_string_is_not_part_of_the_headline():
    analysis = newswire.analyze("\ufeff" + LINED, published=PUBLISHED)
    assert analysis.title == HEADLINE
    check_spans("\ufeff" + LINED, analysis)


def _corpus(folder):
    folder.mkdir()
    rng = random.Random(7)
    (folder / "a.txt").write_bytes(b"\xef\xbb\xbf" + LINED.replace("\n", "\r\n").encode())
    (folder / "b.txt").write_text(STORIES["floods"].replace("\n", "\r"), encoding="utf-8", newline="")
    lines = ["{not json", json.dumps({"text": _odd(rng, STORIES["budget"]), "id": 7}), json.dumps(["x"])]
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "d.warc.gz").write_bytes(gzip.compress(_chunked_gzip_record("https://example.org/d", _html(rng, STORIES["election"]))))
    (folder / "e.txt").write_text("", encoding="utf-8")
    return sorted(folder.iterdir())


def _rows(db) -> dict[str, list[str]]:
    """Every table's rows but the run's, sorted (as text), without the run id."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for (name,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_name <> 'runs' ORDER BY 1").fetchall():
            columns = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]).fetchall()]
            kept = ", ".join(f'"{c}"' for c in columns if c != "run_id")
            out[name] = sorted(map(repr, con.execute(f'SELECT {kept} FROM "{name}"').fetchall()))
    return out


def test_a_corpus_in_another_order_stores_the_same_rows_at_true_offsets(tmp_path, nlp):
    files = _corpus(tmp_path / "in")
    first, second = tmp_path / "first.duckdb", tmp_path / "second.duckdb"
    a = ingest([str(f) for f in files], db=first, workers=0)
    b = ingest([str(f) for f in reversed(files)], db=second, workers=0)
    assert (a.analysed, a.failed) == (b.analysed, b.failed) == (4, 3)
    rows = _rows(first)
    assert rows == _rows(second)
    # EXCEPT ALL both ways, in the database itself (types as stored, not as Python reads them)
    with duckdb.connect() as con:
        con.execute(f"ATTACH '{first}' AS a (READ_ONLY)")
        con.execute(f"ATTACH '{second}' AS b (READ_ONLY)")
        for name in rows:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'a' AND table_name = ?", [name]).fetchall()]
            kept = ", ".join(f'"{c}"' for c in columns if c != "run_id")
            for x, y in (("a", "b"), ("b", "a")):
                assert con.execute(f'SELECT count(*) FROM (SELECT {kept} FROM {x}."{name}" EXCEPT ALL SELECT {kept} FROM {y}."{name}")').fetchone() == (0,), name
    # every stored span against the article's stored text, which is the input as read (a.txt without its BOM)
    with duckdb.connect(str(first), read_only=True) as con:
        texts = dict(con.execute("SELECT id, text FROM articles").fetchall())
        assert LINED.replace("\n", "\r\n") in texts.values()
        checked = 0
        for table, prefixes in {"mentions": [""], "figures": [""], "times": [""], "quotes": ["content_", "cue_", "speaker_"],
                                "events": ["trigger_", "sentence_", "source_", "target_", "location_"]}.items():
            for p in prefixes:
                for article, start, end, text in con.execute(
                        f'SELECT article_id, "{p}start", "{p}end", "{p}text" FROM {table} WHERE "{p}start" IS NOT NULL').fetchall():
                    assert texts[article][start:end] == text, (table, p, start, end, text)
                    checked += 1
        assert checked > 30
    again = ingest([str(f) for f in files], db=first, workers=0)
    assert (again.added, again.analysed) == (0, 0)
    assert _rows(first) == rows
