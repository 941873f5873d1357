"""Properties of the offsets contract on generated articles (hypothesis).

Scraped pages are built from generated pieces (tests/fuzzing.py): a body, then
copies of it, exact or near (a word changed, case, quote marks), with boilerplate
lines between their paragraphs, copies of copies, odd whitespace and line breaks,
unicode that changes length when lowercased. For each:

* `find_removed` returns sorted, non-overlapping spans inside the text;
* `blank` keeps the length and every character outside the removed spans;
* `newswire.analyze` gives records whose every span is `text[start:end]`
  (`test_pipeline.check_contracts`).

Bounded for CI: a fixed set of examples per test (derandomized), 30 full
analyses in all (about 15 s wall on the shared 2-core machine; the spaCy model
is loaded once per process).
To run longer: NEWSWIRE_FUZZ_EXAMPLES=50 (examples times 50) and
NEWSWIRE_FUZZ_RANDOM=1 (new examples each run); see tests/fuzzing.py.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import newswire
from newswire.text.clean import MIN_WORDS, find_removed
from newswire.text.parse import blank
from newswire.records import Removed

from fuzzing import PARAGRAPHS, article, bounded
from test_pipeline import check_contracts

# any text at all, lone surrogates included (the clean stage must not care)
ANY_TEXT = st.text(st.characters(), max_size=400)
TEXTS = st.one_of(article(), ANY_TEXT)


def check_removed(text: str, removed: list[Removed]) -> None:
    for r in removed:
        assert 0 <= r.start < r.end <= len(text), r
        assert r.reason in ("repeated", "boilerplate"), r
        if r.reason == "repeated":
            assert r.repeats is not None and 0 <= r.repeats < r.start, r
    assert all(a.end <= b.start for a, b in zip(removed, removed[1:])), "unsorted or overlapping spans"


@bounded(300)
@given(TEXTS)
def test_removed_spans_are_sorted_disjoint_and_in_range(text):
    check_removed(text, find_removed(text))


@bounded(300)
@given(TEXTS)
def test_blank_keeps_the_length_and_every_kept_character(text):
    removed = find_removed(text)
    out = blank(text, removed)
    assert len(out) == len(text)
    inside = set()
    for r in removed:
        inside.update(range(r.start, r.end))
    for i, (a, b) in enumerate(zip(text, out)):
        assert b == (a if i not in inside or a == "\n" else " "), i


@st.composite
def spans(draw, size: int = 40) -> list[Removed]:
    """Any spans at all: overlapping, unsorted, empty, reversed, outside the text."""
    ends = st.integers(-5, size + 5)
    return [Removed(draw(ends), draw(ends), "boilerplate") for _ in range(draw(st.integers(0, 6)))]


@bounded(300)
@given(st.text(st.sampled_from("ab \n"), min_size=0, max_size=40), spans())
def test_blank_keeps_the_length_whatever_the_spans(text, removed):
    out = blank(text, removed)
    assert len(out) == len(text)
    for i, (a, b) in enumerate(zip(text, out)):
        covered = any(r.start <= i < r.end for r in removed)
        assert b == (" " if covered and a != "\n" else a), i


@st.composite
def repeated_body(draw) -> tuple[str, str, str]:
    """(text, body, copy): distinct long paragraphs, then the same body again with boilerplate between."""
    body = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4, unique=True))
    copy = list(body)
    for _ in range(draw(st.integers(0, 3))):
        copy.insert(draw(st.integers(0, len(copy))), draw(st.sampled_from(["Advertisement", "Share this", "* * *"])))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028"]))
    first, second = newline.join(body) + newline, newline.join(copy)
    return first + second + newline, first, second


@bounded(100)
@given(repeated_body())
def test_a_repeated_body_goes_whole_and_the_first_copy_stays(case):
    text, first, _ = case
    removed = find_removed(text)
    check_removed(text, removed)
    assert all(r.start >= len(first) for r in removed), "nothing of the first copy is removed"
    assert blank(text, removed)[len(first) :].strip() == "", "all of the copy is removed"
    assert all(len(p.split()) >= MIN_WORDS for p in PARAGRAPHS)  # what makes them count as repeats


@bounded(30)
@given(article())
def test_every_analysis_span_is_its_text(text):
    assume(text.strip())
    check_contracts(newswire.analyze(text, published="2024-05-01", any_language=True))
