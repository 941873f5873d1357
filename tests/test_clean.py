"""The clean stage: `find_removed` reports repeated copies and boilerplate lines as spans."""

from __future__ import annotations

import pytest

from newswire.text.clean import find_removed

# Paragraphs written for these tests (17-20 words each: long enough to count as repeats).
BRIDGES = "Finance ministers from the three provinces agreed on Tuesday to share the cost of rebuilding the bridges."
STORM = "The storm destroyed more than forty bridges and left thousands of families without power for a week."
QUOTED = "The minister called the plan “a good start for the three provinces” and said it would be signed soon."
# One long sentence (38 words): one changed word loses at most 3 of its 36 word 3-grams.
LONG = (
    "Engineers from the regional transport agency said on Wednesday that the eastern crossing, which carried "
    "most of the freight traffic between the two largest towns, would stay closed until divers had inspected "
    "every one of its pillars."
)
# A paragraph of three ordinary-length sentences.
PARAGRAPH = (
    "The council met on Thursday to discuss the cost of repairs to the flooded school buildings. "
    "Members said the work would start in the spring and take at least two years to finish. "
    "Parents asked for temporary classrooms to be set up on the sports field behind the town hall."
)


def at(text: str, part: str, nth: int = 1) -> int:
    """Offset of the nth occurrence of `part` in `text`."""
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return start


def removed(text: str) -> list[tuple[int, int, str, int | None]]:
    return [(r.start, r.end, r.reason, r.repeats) for r in find_removed(text)]


def repeat_case(text: str, later: str, earlier: str, *, nth: int = 1) -> tuple[str, list]:
    """(text, [one "repeated" span]) where `later` is the copy removed and `earlier` the original."""
    start = at(text, later, nth)
    return text, [(start, start + len(later), "repeated", at(text, earlier))]


# repeats


def _whitespace_copy() -> tuple[str, list]:
    copy = BRIDGES.replace(" ", "  ", 4).replace("Tuesday to", "Tuesday\tto")
    return repeat_case(f"{BRIDGES}\n{STORM}\n   {copy}  \n", copy, BRIDGES)


def _quote_copy() -> tuple[str, list]:
    copy = QUOTED.replace("“", '"').replace("”", '"')
    return repeat_case(f"{QUOTED}\n{STORM}\n{copy}\n", copy, QUOTED)


def _punctuation_copy() -> tuple[str, list]:
    copy = BRIDGES.replace("provinces", "provinces,").replace("bridges.", "bridges;")
    return repeat_case(f"{BRIDGES}\n{STORM}\n{copy}\n", copy, BRIDGES)


def _changed_word_copy() -> tuple[str, list]:
    copy = LONG.replace("Wednesday", "Thursday")
    return repeat_case(f"{LONG}\n{STORM}\n{copy}\n", copy, LONG)


def _glued_copy() -> tuple[str, list]:
    # the body glued twice into one paragraph, without a newline
    body = f"{BRIDGES} {STORM}"
    return repeat_case(f"{body} {body}\n", body, body, nth=2)


REPEATED = {
    "exact paragraph": repeat_case(f"{BRIDGES}\n{STORM}\n{BRIDGES}\n", BRIDGES, BRIDGES, nth=2),
    "exact, no final newline": repeat_case(f"{BRIDGES}\n\n{STORM}\n\n{BRIDGES}", BRIDGES, BRIDGES, nth=2),
    "extra whitespace": _whitespace_copy(),
    "curly vs straight quotes": _quote_copy(),
    "punctuation changed": _punctuation_copy(),
    "case changed": repeat_case(f"{BRIDGES}\n{STORM}\n{BRIDGES.upper()}\n", BRIDGES.upper(), BRIDGES),
    "one word changed in a long sentence": _changed_word_copy(),
    "body glued twice in one paragraph": _glued_copy(),
}


@pytest.mark.parametrize("text, expected", REPEATED.values(), ids=REPEATED.keys())
def test_repeated_copy_is_removed(text, expected):
    assert removed(text) == expected


def test_one_word_changed_in_a_multi_sentence_paragraph():
    copy = PARAGRAPH.replace("at least two years", "at least three years")
    text = f"{PARAGRAPH}\n{STORM}\n{copy}\n"
    start = at(text, copy)
    assert removed(text) == [(start, start + len(copy), "repeated", 0)]


KEPT = {
    "short repeated line": f"He said no.\n{BRIDGES}\nHe said no.\n",
    "repeated dateline": f"GENEVA, Switzerland\n{BRIDGES}\nGENEVA, Switzerland\n{STORM}\n",
    "two short sentences repeated in a paragraph": f"He said no. She agreed.\n{STORM}\nHe said no. She agreed. {BRIDGES}\n",
    "shared phrase": (
        "The ministers agreed on Tuesday to share the cost of rebuilding the bridges in the north.\n"
        "On Wednesday the mayors said they had agreed on Tuesday to share the cost of new schools instead.\n"
    ),
    "different paragraphs": f"{BRIDGES}\n{STORM}\n{QUOTED}\n",
}


@pytest.mark.parametrize("text", KEPT.values(), ids=KEPT.keys())
def test_different_or_short_text_is_kept(text):
    assert removed(text) == []


# boilerplate

BOILERPLATE_LINES = [
    "Share this",
    "SHARE THIS",
    "Click here to subscribe",
    "© 2016 Example News. All rights reserved.",
    "Read the rest here.",
    # a link to another story, its headline run on with no separator (session eighteen's judged news)
    "Related Story Harbour authority orders release of impounded ferry after court ruling",
    "Related Stories Northern province to reopen schools as flood waters recede",
    "Related Story Is a truce between the two parties still possible?",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_boilerplate_line_is_removed(line):
    text = f"{STORM}\n  {line} \n{BRIDGES}\n"
    start = at(text, line)
    assert removed(text) == [(start, start + len(line), "boilerplate", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Please share this with your family, the mayor told residents on Friday.\n",
        "Officials said they would share this year's budget with the provinces.\n",
        f"{STORM} Click here to subscribe was painted on the wall.\n",
        "Related stories have appeared in regional papers for years.\n",
        "Related coverage of the trial was banned by the court.\n",
    ],
)
def test_sentence_containing_boilerplate_words_is_kept(text):
    assert removed(text) == []


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\u2028", "\f"], ids=["CR", "CRLF", "line separator", "form feed"])
def test_any_line_break_ends_a_line(newline):
    # seen while fuzzing: with CR-only line breaks the whole text was one line, and a story followed by a
    # copyright line fullmatched ".{0,150} all rights reserved" and went as boilerplate, story and all
    notice = "© 2016 Example News. All rights reserved."
    text = f"{STORM}{newline}{notice}{newline}"
    assert removed(text) == [(at(text, notice), at(text, notice) + len(notice), "boilerplate", None)]
    text = newline.join([BRIDGES, STORM, "Share this", BRIDGES, STORM])
    start = at(text, BRIDGES, 2)
    assert removed(text) == [
        (at(text, "Share this"), at(text, "Share this") + len("Share this"), "boilerplate", None),
        (start, len(text), "repeated", 0),
    ]


# merging and bounds


def test_adjacent_boilerplate_lines_merge():
    text = f"{STORM}\nShare this\n\nShare this\n{BRIDGES}\n"
    start = at(text, "Share this")
    assert removed(text) == [(start, at(text, "Share this", 2) + len("Share this"), "boilerplate", None)]


def test_adjacent_repeated_paragraphs_merge():
    text = f"{BRIDGES}\n{STORM}\n\n{BRIDGES}\n{STORM}\n"
    start = at(text, BRIDGES, 2)
    assert removed(text) == [(start, len(text) - 1, "repeated", 0)]


def test_spans_of_different_reasons_do_not_merge():
    text = f"{BRIDGES}\n{STORM}\n{BRIDGES}\nShare this\n"
    copy = at(text, BRIDGES, 2)
    share = at(text, "Share this")
    assert removed(text) == [
        (copy, copy + len(BRIDGES), "repeated", 0),
        (share, share + len("Share this"), "boilerplate", None),
    ]


def test_boilerplate_line_inside_a_repeated_copy_goes_with_it():
    # the copy's paragraphs are consecutive once the ad line is set aside, so their run spans it:
    # one span, the repeat's (the larger span's reason), never two that overlap
    text = f"{BRIDGES}\n{STORM}\n{QUOTED}\n{BRIDGES}\nAdvertisement\n{STORM}\n{QUOTED}\n"
    start = at(text, BRIDGES, 2)
    assert removed(text) == [(start, len(text) - 1, "repeated", 0)]


def test_repeat_of_a_repeat_with_boilerplate_between_copies():
    body = f"{BRIDGES}\nShare this\n{STORM}\n"
    text = f"{body}{body}Advertisement\n{body}"
    start = at(text, BRIDGES, 2)
    assert removed(text) == [
        (at(text, "Share this"), at(text, "Share this") + len("Share this"), "boilerplate", None),
        (start, len(text) - 1, "repeated", 0),
    ]


ALL_TEXTS = (
    [text for text, _ in REPEATED.values()]
    + list(KEPT.values())
    + [f"{BRIDGES}\n{STORM}\n{BRIDGES}\nAdvertisement\n{STORM}\n", f"{STORM}\n{BRIDGES}\n{STORM}\nShare this\n{BRIDGES}"]
)


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_removed_spans_lie_within_the_text(text):
    spans = find_removed(text)
    for r in spans:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == text[r.start : r.end].strip()  # no surrounding whitespace
        if r.reason == "repeated":
            assert r.repeats is not None and 0 <= r.repeats < r.start
    assert all(a.end < b.start for a, b in zip(spans, spans[1:]))  # sorted, no overlap


# the seed article (its body appears twice: line 18 repeats line 2, through to line 33)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line, without its newline; lines numbered from 1 → index 0."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def test_seed_removes_the_second_copy_of_the_body(seed_text):
    lines = _line_spans(seed_text)
    spans = find_removed(seed_text)
    assert len(spans) == 1
    (r,) = spans
    assert (r.start, r.end, r.reason) == (lines[17][0], lines[32][1], "repeated")
    assert r.start >= lines[16][1]  # nothing of lines 1-17 removed
    # the earlier copy: line 2, which line 18 repeats word for word
    line2, line18 = (seed_text[s:e] for s, e in (lines[1], lines[17]))
    assert line2 == line18
    assert r.repeats == lines[1][0]


def test_seed_analysis_keeps_the_same_removed_spans(seed, seed_text):
    assert [(r.start, r.end, r.reason, r.repeats) for r in seed.removed] == removed(seed_text)


def test_a_long_run_without_whitespace_is_left_out_as_unbroken():
    # spaCy's tokenizer is quadratic in such a run ("(" * 8000 took 9 s; found by fuzzing)
    from newswire.text.clean import MAX_UNBROKEN

    story = "The minister said on Tuesday that talks would resume. "
    run = "(" * 20_000
    url = "https://example.org/" + "a" * (MAX_UNBROKEN - 20)  # as long as a run may be
    text = f"{story}{run} {url} {story.replace('Tuesday', 'Friday')}"
    removed = find_removed(text)
    assert [(r.start, r.end, r.reason) for r in removed] == [(len(story), len(story) + len(run), "unbroken")]


def test_an_unbroken_run_inside_a_repeat_goes_with_the_longer_span():
    para = "Officials in the capital said the bridge would reopen next month after repairs to its deck."
    blob = "=" * 300
    text = f"{para}\n{blob}\n{para}\n"
    removed = find_removed(text)
    assert [(text[r.start : r.end], r.reason) for r in removed] == [(blob, "unbroken"), (para, "repeated")]
