"""A text's opening headline as the title when none is given (newswire/text/headline.py)."""

from pathlib import Path

import pytest

from newswire.records import Removed
from newswire.text.clean import find_removed
from newswire.text.headline import headline

BODY = "\n\nThe two ministers met in Geneva on Friday and agreed to meet again next month, officials said.\n"


@pytest.mark.parametrize(
    "first",
    [
        "Kerry, Lavrov hold 'constructive' talks on Syria",
        "UN SAYS CEASEFIRE TALKS WILL RESUME IN VIENNA",
        "5 killed as storms sweep across the Midwest",
        "Correction agency plans dropped",  # a headline that opens with a metadata word
    ],
)
def test_a_headline_line_is_the_title(first):
    text = first + BODY
    assert headline(text, find_removed(text)) == first


@pytest.mark.parametrize(
    "first",
    [
        "U.S. Secretary of State John Kerry says he and his Russian counterpart have had talks on Syria.",  # a lead sentence
        "By Jane Doe",  # a byline
        "NAIROBI, Kenya (AP) _",  # a dateline on its own line
        "WASHINGTON, March 12 (Xinhua) --",
        "Posted on March 3, 2015 by admin",  # page metadata
        "Updated 10:32 a.m. EDT",
        "Correction: an earlier version gave the wrong date",
        "Politics",  # a section label: too short
        "Will the talks hold?",  # ends as a sentence does
        " ".join(["word"] * 25),  # longer than a headline
        "Read the full story at https://example.org/story",
    ],
)
def test_lines_that_are_no_headline_leave_the_title_empty(first):
    text = first + BODY
    assert headline(text, find_removed(text)) is None


def test_a_single_line_or_a_removed_line_is_no_title():
    assert headline("Ceasefire talks resume in Vienna", []) is None
    text = "Ceasefire talks resume in Vienna" + BODY
    assert headline(text, [Removed(0, 10, "boilerplate")]) is None
    assert headline(text, []) == "Ceasefire talks resume in Vienna"


def test_analyze_titles_a_text_by_its_headline_and_keeps_a_given_title():
    import newswire

    text = "Ceasefire talks resume in Vienna as aid convoys wait" + BODY
    assert newswire.analyze(text).title == "Ceasefire talks resume in Vienna as aid convoys wait"
    assert newswire.analyze(text, title="Given").title == "Given"
    seed = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "000_20b5f4811ae35e92.txt"
    if seed.exists():  # the canonical article opens with its lead sentence: no title is made up
        assert newswire.analyze(seed.read_text(encoding="utf-8"), published="2013-09-13").title is None
