"""The figures stage: reported counts, their qualifiers and ranges, and what happened to the people counted."""

from __future__ import annotations

import pytest

from newswire.figures import extract_figures
from newswire.text.parse import parse


def figures(text: str):
    return extract_figures(parse(text), [], [], [], published="2013-09-13")


@pytest.mark.parametrize(
    "text, span, value, low, high, qualifier, unit, what",
    [
        ("More than 1,400 people were killed in the attack.", "More than 1,400 people", 1400, 1400, None, "more than", "people", "killed"),
        ("The war has displaced at least six million people.", "at least six million people", 6e6, 6e6, None, "at least", "people", "displaced"),
        ("Between 20 and 30 people were injured.", "Between 20 and 30 people", None, 20, 30, None, "people", "injured"),
        ("Police arrested dozens of protesters.", "dozens of protesters", None, 24, 99, None, "protester", "arrested"),
        ("Some 2.5 million refugees live in Turkey.", "Some 2.5 million refugees", 2.5e6, None, None, "some", "refugee", "displaced"),
        ("The blast killed about 40 soldiers.", "about 40 soldiers", 40, None, None, "about", "soldier", "killed"),
        # a vague count of round units multiplies the one before it ("thousands of refugees", 2,000-9,999, was stored)
        ("Officials said hundreds of thousands of refugees had fled.", "hundreds of thousands of refugees", None, 200_000, 999_999, None, "refugee", "displaced"),
        ("Tens of thousands of people were killed in the war.", "Tens of thousands of people", None, 20_000, 99_999, None, "people", "killed"),
        # a qualifier moves one end of a vague count: "at least hundreds" is 200 or more (was at most 999)
        ("At least hundreds of people were arrested.", "At least hundreds of people", None, 200, None, "at least", "people", "arrested"),
        ("Up to thousands of people were displaced.", "Up to thousands of people", None, None, 9999, "up to", "people", "displaced"),
        # a number written in words is one number, not a range: "twenty-nine" was 20 to 9, "hundred and twenty" 100 to 20
        ("Police said that twenty-nine people were injured.", "twenty-nine people", 29, None, None, None, "people", "injured"),
        ("NEW YORK - Twenty-nine people were injured in a blast.", "Twenty-nine people", 29, None, None, None, "people", "injured"),
        ("One hundred and twenty people were evacuated.", "One hundred and twenty people", 120, None, None, None, "people", "evacuated"),
        ("About 20-30 people were injured.", "20-30 people", None, 20, 30, None, "people", "injured"),
    ],
)  # fmt: skip
def test_a_count_with_its_qualifier_unit_and_what(text, span, value, low, high, qualifier, unit, what):
    (f,) = figures(text)
    assert (f.text, text[f.start : f.end]) == (span, span)
    assert (f.value, f.low, f.high, f.qualifier, f.unit, f.what) == (value, low, high, qualifier, unit, what)
    assert f.date == "2013-09-13"


def test_a_coordinated_count_takes_the_unit_of_its_sibling():
    text = "The war has killed more than 100,000 people and displaced at least six million."
    killed, displaced = figures(text)
    assert (killed.text, killed.what) == ("more than 100,000 people", "killed")
    assert (displaced.text, displaced.value, displaced.unit, displaced.what) == ("at least six million", 6e6, "people", "displaced")


@pytest.mark.parametrize(
    "text",
    [
        "The company paid 5 million dollars in 2012.",
        "About 300 delegates voted for the motion.",
        "The talks lasted three days.",
        "She spoke about the 1999 shooting death of her son.",
    ],
)
def test_numbers_nothing_happened_to_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.shared
def test_seed_figures(seed):
    found = [(f.text, f.value, f.qualifier, f.unit, f.what) for f in seed.figures]
    assert found == [
        ("more than 1,400 people", 1400, "more than", "people", "killed"),
        ("more than 100,000 people", 100000, "more than", "people", "killed"),
        ("at least six million", 6e6, "at least", "people", "displaced"),
    ]
    (removed,) = seed.removed
    assert all(f.end <= removed.start for f in seed.figures)


@pytest.mark.shared
def test_seed_figure_reported_by_the_united_states(seed):
    usa = next(e for e in seed.entities if e.name == "United States")
    assert seed.figures[0].reported_by == usa.id


def test_a_figure_inside_a_quote_is_reported_by_its_speaker():
    from newswire.records import Quote, Span

    text = "The ministry says more than 40 people were killed."
    start = text.index("more")
    quote = Quote(id="Q1", type="indirect", content=Span(start, len(text) - 1, text[start:-1]), speaker_entity="E1")
    (f,) = extract_figures(parse(text), [], [quote], [], published="2013-09-13")
    assert (f.text, f.reported_by) == ("more than 40 people", "E1")
