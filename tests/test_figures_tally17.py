"""Figures a verb states through a tally ("put the death toll at 11"), and a headline's figure the body repeats."""

from __future__ import annotations

import pytest

from newswire.figures import extract_figures
from newswire.pipeline import analyze
from newswire.text.parse import parse


def figures(text: str):
    return extract_figures(parse(text), [], [], [], published="2026-03-02")


@pytest.mark.parametrize(
    "text, span, value, unit, what",
    [
        ("The health ministry has put the death toll at 14.", "14", 14, None, "killed"),
        ("Medics put the number of injured at 52 after the storm.", "52", 52, None, "injured"),
        ("Police estimated the number of people killed at 31.", "31", 31, "people", "killed"),
        ("The agency raised the death toll to 19 on Friday.", "19", 19, None, "killed"),
        ("The number of soldiers killed in the clashes rose to 8.", "8", 8, "soldier", "killed"),
    ],
)  # fmt: skip
def test_a_count_a_verb_states_through_a_tally(text, span, value, unit, what):
    (f,) = figures(text)
    assert (f.text, text[f.start : f.end], f.value, f.unit, f.what) == (span, span, value, unit, what)


@pytest.mark.parametrize("text", [
    "The council put the figure at 14.",  # a tally that says not what it counts
    "Analysts put the cost of the storm at 14 billion.",
    "The toll rose from 12 to 20.",  # the old value and the new: the parser's tree of it is no tally's
    "Officials set the toll at 9.",
])  # fmt: skip
def test_no_count_where_the_tally_says_not_what_it_counts(text):
    assert figures(text) == []


def test_who_puts_the_toll_at_a_number_reports_it():
    text = "A charity said 27 people died, but the provincial police put the death toll at 11."
    a = analyze(text, "2026-03-02", stages=["entities", "quotes", "times", "figures"])
    names = {e.id: e.name for e in a.entities}
    assert [(f.value, f.what) for f in a.figures] == [(27, "killed"), (11, "killed")]
    assert "police" in names[a.figures[1].reported_by].lower()


def test_a_headline_figure_the_body_repeats_is_one_figure_with_the_headline_place():
    text = ("Three killed as police clash with protesters in Lilongwe\n\n"
            "Three people were killed and 40 were injured when a river burst its banks, officials said on Sunday.\n")
    a = analyze(text, "2026-03-02", stages=["entities", "quotes", "times", "figures"])
    killed = [f for f in a.figures if f.what == "killed"]
    assert len(killed) == 1 and text[killed[0].start : killed[0].end] == "Three people" and killed[0].places == ["MWI"]
    # a headline figure the body does not repeat stays
    other = analyze("Three killed as police clash with protesters in Lilongwe\n\nFive people were killed when a river burst its banks.\n",
                    "2026-03-02", stages=["entities", "quotes", "times", "figures"])
    assert sorted(f.value for f in other.figures) == [3, 5]


def test_a_headline_figure_is_not_merged_with_a_body_figure_of_another_date():
    text = ("Two killed in Kisumu protest\n\n"
            "Police fired on protesters on Monday. In 2019, two people were killed in a similar protest.\n")
    a = analyze(text, "2026-03-02", stages=["entities", "quotes", "times", "figures"])
    killed = sorted((f.start, f.date, f.places) for f in a.figures if f.what == "killed")
    # the headline's count stays with its own date; the 2019 count does not take the headline's place
    assert killed[0][:2] == (0, "2026-03-02") and len(killed) == 2
    assert killed[1][1] == "2019" and killed[1][2] == []


def test_the_reporter_of_a_tally_is_not_a_group_named_after_a_later_mention():
    text = "Officials put the death toll at 11 on Monday.\nThe minister sacked three officials on Tuesday."
    a = analyze(text, "2026-03-04", stages=["entities", "quotes", "times", "figures"])
    (f,) = [f for f in a.figures if f.what == "killed"]
    names = {e.id: e.name for e in a.entities}
    assert names.get(f.reported_by) != "three officials" and f.reported_by is None
    # a group named where it first states the toll keeps it
    text = "Local officials put the death toll at 12. The officials said more bodies were found."
    a = analyze(text, "2026-03-04", stages=["entities", "quotes", "times", "figures"])
    assert {e.id: e.name for e in a.entities}[a.figures[0].reported_by] == "Local officials"


STAGES = ["entities", "quotes", "times", "figures"]


@pytest.mark.parametrize("body, published", [
    ("Two people were killed in clashes in Kisumu last week, police said.", "2026-03-06"),  # the week before, days in the window
    ("Two people were killed in clashes in Kisumu this week, police said.", "2026-03-06"),
    ("Two people were killed in clashes in Kisumu in March, police said.", "2026-04-02"),  # the month up to the week before
    ("Two people were killed in clashes in Kisumu this month, police said.", "2026-03-20"),
])  # fmt: skip
def test_a_headline_figure_is_one_with_a_body_figure_dated_by_a_week_or_month_of_the_week_before(body, published):
    text = f"Two killed in Kisumu clashes\n\n{body}\n"
    a = analyze(text, published, stages=STAGES)
    killed = [f for f in a.figures if f.what == "killed"]
    # the body's count, with its period, kept alone (no double count), as for a day of the week before
    assert len(killed) == 1 and text[killed[0].start : killed[0].end] == "Two people" and killed[0].date != published


@pytest.mark.parametrize("body, published", [
    ("Two people were killed in clashes in Kisumu in March, police said.", "2026-04-20"),  # a month the week misses
    ("Two people were killed in clashes in Kisumu last year, police said.", "2026-01-03"),  # a year: too long to say
    ("Two people were killed in clashes in Kisumu next week, police fear.", "2026-03-06"),  # after the publication
])  # fmt: skip
def test_a_headline_figure_stays_beside_a_body_figure_of_a_period_the_week_before_misses(body, published):
    text = f"Two killed in Kisumu clashes\n\n{body}\n"
    a = analyze(text, published, stages=STAGES)
    killed = sorted((f.start, f.date) for f in a.figures if f.what == "killed")
    assert killed[0] == (0, published) and len(killed) == 2


@pytest.mark.parametrize("text", [
    "The death toll rose from 12 to 20 on Tuesday, officials said.",
    "The number of people killed rose from 12 to 20, officials said.",
])  # fmt: skip
def test_a_tally_that_rose_from_one_number_to_another_gives_no_figure_and_never_a_range(text):
    """"rose from 12 to 20": the parser reads "12 to 20" as one range under "from", and the 12 has no date of its own
    (it is the count before the clause's date): no figure, rather than a range of 12 to 20 or a 12 dated as the 20."""
    a = analyze(text, "2026-03-06", stages=STAGES)
    assert [(f.value, f.low, f.high) for f in a.figures if f.what == "killed"] == []


def test_a_tally_that_rose_to_a_number_from_another_gives_the_new_number_alone_with_its_date():
    a = analyze("The death toll rose to 20 from 12 on Tuesday, officials said.", "2026-03-06", stages=STAGES)
    assert [(f.text, f.value, f.low, f.high, f.date) for f in a.figures] == [("20", 20, None, None, "2026-03-03")]
