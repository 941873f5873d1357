"""The times stage: finding time expressions, their TIMEX3 values, the tense that picks a direction, date_for."""

from __future__ import annotations

import pytest

from newswire.text.parse import parse
from newswire.records import Time
from newswire.times import date_for, extract_times

from conftest import SEED_PUBLISHED

FRIDAY = "2013-09-13"  # a Friday, the seed article's publication date


def times(text: str, published: str | None = FRIDAY) -> list[Time]:
    return extract_times(parse(text), published=published)


def found(text: str, published: str | None = FRIDAY) -> list[tuple[str, str, str]]:
    """(text, type, value) of every time expression."""
    return [(t.text, t.type, t.value) for t in times(text, published)]


def at(text: str, part: str, nth: int = 1) -> int:
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return start


# extents and offsets


def test_spans_are_exact_offsets():
    text = "The two diplomats met Friday in Geneva and will meet again next week."
    got = [(t.id, t.start, t.end, t.text) for t in times(text)]
    assert got == [("T1", 22, 28, "Friday"), ("T2", 59, 68, "next week")]
    assert all(text[t.start : t.end] == t.text for t in times(text))


def test_nothing_is_found_in_removed_text():
    import newswire

    paragraph = "The ministers met on Friday in Geneva to discuss the plan in detail."
    analysis = newswire.analyze(paragraph + "\n" + paragraph, published=FRIDAY)
    assert [(t.start, t.text) for t in analysis.times] == [(21, "Friday")]


LONG_TEXT = (
    "On Monday, Oct. 26, 1998, at 10:35 a.m. EDT, the ministers met for three hours. No more than the past "
    "twenty-four hours had passed since the talks of last week, which followed a summer of fighting in the "
    "1990s style. Two and a half years ago, in the third quarter of 1995, the year-earlier quarter's results "
    "were reported daily, every month and each July; the deadline is Nov. 20 and the vote was the 28th.\n"
) * 3


def test_windows_around_trigger_words_change_nothing(monkeypatch):
    from newswire.times import find

    doc = parse(LONG_TEXT)
    windowed = [(f.start, f.end, f.rule.name) for f in find.find_times(doc)]
    monkeypatch.setattr(find, "windows", lambda text: [(0, len(text))])
    assert [(f.start, f.end, f.rule.name) for f in find.find_times(doc)] == windowed
    assert len(windowed) > 30


def _finditer_matches(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    from newswire.times.grammar import rules

    return [[(m.start(), m.end(), m.group()) for m in rule.regex.finditer(text, start, end)] for rule in rules()]


def test_scanning_all_patterns_at_once_gives_finditers_matches():
    """scan.py tries a pattern only where its first characters can stand: every pattern's matches must be those of
    its own finditer, on text full of time words in odd cases, after odd characters, cut at odd window ends."""
    import random

    from newswire.times import scan

    rng = random.Random(7)
    words = LONG_TEXT.split() + ["the", "The", "THE", "ſeptember", "\u212aanuary", "’98", "'90s", "—Monday", "“last", "a.m.", "-", "5", "12:30", "x"]
    assert all(scan.scanner().filters[i][1] is not None for i in range(len(scan.scanner().filters)))  # no pattern escapes the filter
    for _ in range(150):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "  ", ", ", "\n", "-", ""]) for _ in range(rng.randint(5, 40)))
        text = text.upper() if rng.random() < 0.2 else text
        start = rng.randint(0, len(text) // 3)
        end = rng.randint(start, len(text))
        got = [[(m.start(), m.end(), m.group()) for m in ms] for ms in scan.window_matches(text, start, end)]
        assert got == _finditer_matches(text, start, end), text
    got = [[(m.start(), m.end(), m.group()) for m in ms] for ms in scan.window_matches(LONG_TEXT, 0, len(LONG_TEXT))]
    assert got == _finditer_matches(LONG_TEXT, 0, len(LONG_TEXT)) and sum(map(len, got)) > 60


@pytest.mark.parametrize(
    "pattern",
    [r"(?:ab|a\d)c", r"x?y{2,3}z", r"(?:mon|tues)day", r"[^a-c]b", r"(?:\d{1,2}|one|two)[ -](?:am|pm)", r"(?<=x)ab|(?=c)cd", r"a*b", r"(?:ab)+c"],
)
def test_first_characters_admit_every_match(pattern):
    """What scan.first_characters works out may admit more than a pattern can begin with, never less."""
    import random
    import re

    from newswire.times.scan import first_characters

    regex = re.compile(pattern, re.IGNORECASE)
    firsts = first_characters(regex, 3)
    assert firsts is not None
    rng = random.Random(pattern)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(["a", "B", "c", "d", "x", "yy", "Z", "mon", "TUES", "day", "am", "pm", " ", "-", "1", "12", "one", "ab", "Ab", "a1", "two"]) for _ in range(rng.randint(0, 12)))
        for at in range(len(text)):
            if regex.match(text, at):
                matched += 1
                assert firsts.match(text[at : at + 3]), (text, at)
    assert matched > 10


def test_first_characters_give_up_on_what_they_cannot_bound():
    import re

    from newswire.times.scan import first_characters

    assert first_characters(re.compile(r"a?"), 3) is None  # can match nothing
    assert first_characters(re.compile(r"(?:x*)*y"), 3) is None  # a repeat of what can match nothing
    assert first_characters(re.compile(r"(?-i:a)b", re.IGNORECASE), 3) is None  # its own flags inside


def test_a_scan_that_would_lose_matches_falls_back_to_finditer(monkeypatch):
    """The scan reads the standard library's private regex parser: where what it works out would lose a match on its
    check text (here: every pattern said to begin only with "@"), the scanner runs every pattern with finditer."""
    import re

    from newswire.times import scan

    scan.scanner.cache_clear()
    monkeypatch.setattr(scan, "first_characters", lambda pattern, n: re.compile("@", pattern.flags))
    try:
        broken = scan.scanner()
        assert broken.starts is None and len(broken.plain) == len(broken.rules)
        text = "Officials met on Monday, Jan. 5, 2009, and again three days later."
        got = [[m.span() for m in ms] for ms in broken.window_matches(text, 0, len(text))]
        assert got == [[m.span() for m in r.regex.finditer(text)] for r in broken.rules]
        assert any(got)
    finally:
        monkeypatch.undo()
        scan.scanner.cache_clear()
    assert scan.scanner().starts is not None  # the real parse passes its check


def test_word_alternations_match_as_a_flat_longest_first_alternation():
    """The word lists are compiled as tries ("sep(?:t(?:ember)?)?"): each must match, with backtracking too, exactly
    what the flat alternation of its words, longest first, matches."""
    import re

    from newswire.times import grammar

    lists = [grammar.months(), grammar.weekdays(), grammar.units(), grammar.references(), grammar.shifts(), grammar.day_parts()]
    words = {w for words in lists for w in words}
    assert all(w.isascii() for w in words)
    flat = "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=lambda w: (-len(w), w))) + ")"
    trie = grammar._alternation(words)
    assert trie != flat and grammar._alternation(["sept", "sep", "september"]) == "(?:sep(?:t(?:ember)?)?)"
    text = " ".join(
        [*sorted(words), *(w.upper() for w in words), *(w[:-1] + "." for w in words), *(w + "s" for w in words), "mon-day Sept.30"]
    )
    # bare, between word boundaries (backtracking to a shorter word), and followed by more pattern
    for around in ("{}", r"(?<![\w-]){}(?!\w)", r"\b{}\.? ?\d*"):
        expected = [m.span() for m in re.finditer(around.format(flat), text, re.IGNORECASE)]
        assert [m.span() for m in re.finditer(around.format(trie), text, re.IGNORECASE)] == expected
        assert len(expected) > len(words)


# weekdays and the tense of their clause


@pytest.mark.parametrize(
    "text, value",
    [
        ("The two diplomats met Friday in Geneva.", "2013-09-13"),  # past, on the day itself
        ("The president said Thursday that the deal was done.", "2013-09-12"),
        ("Officials said on Monday that talks had stalled.", "2013-09-09"),  # past: the Monday before
        ("The report is expected on Monday.", "2013-09-16"),  # expected → the next one
        ("The ministers will meet Tuesday in Paris.", "2013-09-17"),
        ("The ministers are meeting Tuesday in Paris.", "2013-09-17"),  # present progressive
        ("The council plans to vote Wednesday on the measure.", "2013-09-18"),
        ("The talks resume Monday in Geneva.", "2013-09-16"),  # simple present of a non-reporting verb
        ("The minister says Monday that talks had stalled.", "2013-09-09"),  # simple present of saying: past
        ("The envoy acknowledges Wednesday that the plan failed.", "2013-09-11"),  # any speech cue of cues.tsv
        ("The minister has visited the camp Wednesday.", "2013-09-11"),  # present perfect
    ],
)
def test_bare_weekday_follows_the_tense(text, value):
    assert [(t.type, t.value) for t in times(text)] == [("DATE", value)]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("They met last Friday.", "last Friday", "2013-09-06"),  # never the publication day itself
        ("They will meet next Friday.", "next Friday", "2013-09-20"),
        ("They will meet this Wednesday.", "this Wednesday", "2013-09-11"),  # in the week of publication
        ("The vote took place on Tuesday morning.", "Tuesday morning", "2013-09-10TMO"),
    ],
)
def test_weekday_with_a_shift_or_a_part_of_day(text, expression, value):
    assert [(t.text, t.value) for t in times(text)] == [(expression, value)]


# calendar dates


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The attack took place on August 21st near Damascus.", "August 21st", "2013-08-21"),
        ("The attack took place on Aug. 21, 2012, near Damascus.", "Aug. 21, 2012", "2012-08-21"),
        ("The election was held on Monday, Oct. 26, 1998.", "Monday, Oct. 26, 1998", "1998-10-26"),
        ("The deal was signed on 21 August 2013.", "21 August 2013", "2013-08-21"),
        ("The decree was dated 08/21/2013.", "08/21/2013", "2013-08-21"),
        ("The vote took place in December.", "December", "2012-12"),  # past tense: the last December
        ("The vote will take place in December.", "December", "2013-12"),
        ("The treaty was signed in July 1997.", "July 1997", "1997-07"),
        ("Prices rose sharply in 1994.", "1994", "1994"),
        ("The vote is planned for early November.", "early November", "2013-11"),
        ("The army was founded in the 1990s.", "the 1990s", "199"),
        ("Borders were drawn in the 19th century.", "the 19th century", "18"),
        ("Profit rose in the third quarter.", "the third quarter", "2013-Q3"),
        ("Profit fell in the fourth quarter of 2012.", "the fourth quarter of 2012", "2012-Q4"),
        ("The offensive began last winter.", "last winter", "2012-WI"),
        ("Shops were busy at Christmas last year.", "Christmas last year", "2012-12-25"),
        ("Shops were busy at Christmas.", "Christmas", "2012-12-25"),
        ("Shops will be busy at Christmas.", "Christmas", "2013-12-25"),
        ("The rebels were routed in June last year.", "June last year", "2012-06"),
        ("Sales rose in the third quarter of last year.", "the third quarter of last year", "2012-Q3"),
        ("He was born in nineteen sixty-eight.", "nineteen sixty-eight", "1968"),
        ("Growth slowed in the '90s.", "the '90s", "199"),
    ],
)
def test_calendar_dates(text, expression, value):
    assert [(t.text, t.value) for t in times(text) if t.text == expression] == [(expression, value)]


def test_day_of_month_is_in_the_publication_month():
    text = "They will meet again around the 28th."
    assert [(t.start, t.end, t.text, t.value) for t in times(text)] == [(28, 36, "the 28th", "2013-09-28")]


def test_day_of_month_takes_the_month_named_earlier_in_the_sentence():
    text = "The talks opened in October and closed on the 28th."
    assert found(text)[-1] == ("the 28th", "DATE", "2012-10-28")


# relative to the publication date


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The attack happened last month.", "last month", "2013-08"),
        ("The talks continue next week.", "next week", "2013-W38"),
        ("Exports grew this year.", "this year", "2013"),
        ("The rebels attacked two days ago.", "two days ago", "2013-09-11"),
        ("The firm was founded a decade ago.", "a decade ago", "2003"),
        ("The ministers met yesterday.", "yesterday", "2013-09-12"),
        ("He spoke this morning.", "this morning", "2013-09-13TMO"),
        ("Fighting broke out last night.", "last night", "2013-09-12TNI"),
        ("The minister is now in Geneva.", "now", "PRESENT_REF"),
        ("Such attacks happened in the past.", "the past", "PAST_REF"),
    ],
)
def test_relative_to_publication(text, expression, value):
    got = [(t.text, t.value, t.anchor) for t in times(text)]
    anchor = None if value.endswith("_REF") else "published"
    assert got == [(expression, value, anchor)]


def test_following_as_a_preposition_is_not_a_shift():
    text = "Following Monday's debate, the candidates met again the following Monday."
    got = [(t.text, t.value, t.anchor) for t in times(text)]
    assert got == [("Monday", "2013-09-09", "published"), ("the following Monday", "2013-09-16", "T1")]


def test_a_named_day_on_its_own_is_a_date():
    assert found("The ceremony was held on Sept. 11.") == [("Sept. 11", "DATE", "2013-09-11")]


def test_later_and_following_count_from_the_time_before():
    text = "The envoy arrived on Aug. 5, 2013. A week later he left, and the following day the talks collapsed."
    got = [(t.id, t.text, t.value, t.anchor) for t in times(text)]
    assert got == [
        ("T1", "Aug. 5, 2013", "2013-08-05", None),
        ("T2", "A week later", "2013-08-12", "T1"),
        ("T3", "the following day", "2013-08-13", "T2"),
    ]


def test_financial_quarters_and_year_ago_comparisons():
    text = (
        "Third-quarter profit rose to $10 million from $8 million a year ago. "
        "Sales in the latest quarter fell, and the year-earlier quarter included a gain."
    )
    got = [(t.text, t.value, t.anchor) for t in times(text, published="1989-10-26")]
    assert got == [
        ("Third-quarter", "1989-Q3", "published"),
        ("a year ago", "1988-Q3", "T1"),  # the quarter reported, a year back
        ("the latest quarter", "1989-Q3", "published"),
        ("the year-earlier quarter", "1988-Q3", "T3"),  # the quarter named just before
    ]


@pytest.mark.parametrize(
    "text",
    ["The markets have stayed closed until Friday.", "The father could come as early as Friday.",
     "The group would be ready to leave as soon as Friday, he said."],
)  # fmt: skip
def test_a_deadline_lies_ahead(text):
    assert found(text, published="2008-09-18") == [("Friday", "DATE", "2008-09-19")]


def test_clock_time_in_utc():
    assert found("The plane took off at 08:30 UTC.") == [("08:30 UTC", "TIME", "2013-09-13T08:30Z")]
    assert found("GM filed at 12:00 UTC Monday.") == [("12:00 UTC Monday", "TIME", "2013-09-09T12:00Z")]


def test_an_expression_never_runs_across_a_line_break():
    text = "Markets to stay closed until Friday\nSeptember 18, 2008\nThe government said so."
    assert [t.text for t in times(text)] == ["Friday", "September 18, 2008"]


# durations and sets


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Syria has one month to provide details.", "one month", "P1M"),
        ("The siege lasted a decade.", "a decade", "P10Y"),
        ("The talks lasted three hours.", "three hours", "PT3H"),
        ("The ban covers the past two months.", "the past two months", "P2M"),
        ("He signed a two-year contract.", "two-year", "P2Y"),
        ("The project took two and a half years.", "two and a half years", "P2Y6M"),
        ("Fighting has gone on for several years.", "several years", "PXY"),
    ],
)
def test_durations_are_never_dates(text, expression, value):
    assert [(t.text, t.type, t.value, t.anchor) for t in times(text)] == [(expression, "DURATION", value, None)]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The paper is published daily.", "daily", "P1D"),
        ("The council meets every month.", "every month", "P1M"),
        ("The market opens on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("The plan saves $500 million a year.", "a year", "P1Y"),
    ],
)
def test_sets(text, expression, value):
    assert [(t.text, t.type, t.value) for t in times(text)] == [(expression, "SET", value)]


def test_clock_times():
    text = "The blast hit at 10:35 a.m. Tuesday and a second one at noon."
    assert found(text) == [("10:35 a.m. Tuesday", "TIME", "2013-09-10T10:35"), ("noon", "TIME", "2013-09-13T12:00")]


# no false positives


@pytest.mark.parametrize(
    "text",
    [
        "We met the ministers and we agreed on a plan.",
        "It may be that the talks fail, and May Bell said so.",
        "Thousands march through the capital to protest.",
        "The Sunday Times reported the story.",
        "Relatives of the September 11 victims met the September 11 Commission.",
        "She collapsed at the Sept. 11 memorial ceremony.",
        "More than 1,400 people were killed and 2000 people fled.",
        "He won a second term.",
        "The 28th Infantry Division moved north.",
        "The future president spoke.",
        "The 6-year-old boy and a 44-year-old man were rescued.",
        'Baker said on ABC\'s "This Week" that talks had failed.',
        "Iraq imports about three-quarters of its food.",
        "It wants to close 789, or about a quarter, of its dealers.",
        "Apple unveiled its iLife '11 software suite.",
        "The company pays a quarterly dividend.",
    ],
)
def test_no_false_positives(text):
    assert found(text) == []


@pytest.mark.parametrize("published", [None, FRIDAY, "0001-01-01", "9999-12-31"])
def test_dates_off_the_calendar_are_dropped_not_raised(published):
    text = "It happened 1,000,000 years ago, or 99999999 days later, in the '00s; a week later came the next morning."
    got = times(text, published)
    assert all(t.value for t in got)
    if published is not None:  # with a date, a million years back is off the calendar; without one it stays relative
        assert "1,000,000 years ago" not in [t.text for t in got]


# without a publication date


def test_without_a_publication_date_values_stay_underspecified():
    text = "The diplomats met Friday. The attack took place on August 21st, last month. They meet again around the 28th."
    got = [(t.text, t.value, t.anchor) for t in times(text, published=None)]
    assert got == [
        ("Friday", "XXXX-WXX-5", None),
        ("August 21st", "XXXX-08-21", None),
        ("last month", "XXXX-XX", None),
        ("the 28th", "XXXX-XX-28", None),
    ]


def test_without_a_publication_date_absolute_times_still_anchor_later_ones():
    text = "The envoy arrived on Aug. 5, 2013, and left two days later."
    assert found(text, published=None) == [("Aug. 5, 2013", "DATE", "2013-08-05"), ("two days later", "DATE", "2013-08-07")]


# date_for


def _date_for(text: str, cue: str, nth: int = 1, published: str | None = FRIDAY) -> str | None:
    doc = parse(text)
    start = at(text, cue, nth)
    return date_for(doc, extract_times(doc, published=published), start, start + len(cue), published=published)


def test_date_for_takes_the_time_of_its_own_clause():
    text = "President Assad said Thursday he will only finalize the deal if the U.S. stops threatening."
    assert _date_for(text, "said") == "2013-09-12"
    assert _date_for(text, "finalize") == FRIDAY  # an embedded clause: Thursday is not its time


def test_date_for_a_noun_the_time_modifies():
    text = "A team is investigating the August 21st attack near Damascus."
    assert _date_for(text, "attack") == "2013-08-21"


def test_date_for_a_conjoined_verb_shares_the_time():
    text = "The two diplomats met Friday and discussed a Russian plan."
    assert _date_for(text, "discussed") == "2013-09-13"


def test_date_for_cuts_a_time_to_its_date_and_falls_back_to_publication():
    text = "The blast hit at 10:35 a.m. Tuesday. Officials described the damage."
    assert _date_for(text, "hit") == "2013-09-10"
    assert _date_for(text, "described") == FRIDAY
    assert _date_for(text, "described", published=None) is None


def test_date_for_a_clause_a_decade_governs_is_none_not_the_publication():
    text = "In the 1990s, the minister said the border was closed."
    assert _date_for(text, "said") is None
    assert _date_for("In 1995, the minister said the border was closed.", "said") == "1995"
    # a present-tense clause is now, whatever decade its object mentions
    assert _date_for("Advocates cite his voting record in the early 2000s.", "cite") == FRIDAY


def test_date_for_ignores_durations():
    assert _date_for("Syria insists it has one month to provide details.", "provide") == FRIDAY


# the seed article


SEED_TIMES = [
    ("Friday", "2013-09-13"),
    ("last month", "2013-08"),
    ("the 28th", "2013-09-28"),
    ("August 21st", "2013-08-21"),
    ("Monday", "2013-09-16"),
    ("one month", "P1M"),
    ("Thursday", "2013-09-12"),
]


@pytest.mark.shared
@pytest.mark.parametrize("expression, value", SEED_TIMES)
def test_seed_time_values(seed, seed_text, expression, value):
    assert seed.published == SEED_PUBLISHED
    first = seed_text.index(expression)
    hits = [t for t in seed.times if t.start == first]
    assert [(t.end, t.text, t.value) for t in hits] == [(first + len(expression), expression, value)]


@pytest.mark.shared
def test_seed_times_are_only_in_the_first_copy(seed):
    second_copy = seed.removed[0].start
    assert all(t.end <= second_copy for t in seed.times)
    assert [t.text for t in seed.times] == [
        "Friday", "last month", "the 28th", "August 21st", "Monday", "one month", "Thursday", "Friday",
    ]  # fmt: skip


@pytest.mark.shared
def test_seed_without_publication_date(seed_text):
    import newswire

    analysis = newswire.analyze(seed_text)
    values = {t.text: t.value for t in analysis.times}
    assert values["Friday"] == "XXXX-WXX-5"
    assert values["last month"] == "XXXX-XX"
    assert values["August 21st"] == "XXXX-08-21"
    assert values["one month"] == "P1M"
    assert all(t.anchor is None for t in analysis.times)


@pytest.mark.shared
@pytest.mark.parametrize(
    "cue, value",
    [("met", "2013-09-13"), ("attack near", "2013-08-21"), ("expected", "2013-09-16"), ("said Thursday", "2013-09-12"),
     ("finalize", SEED_PUBLISHED), ("attack on civilians", "2013-08")],
)  # fmt: skip
def test_seed_date_for(seed_text, cue, value):
    from newswire.text.clean import find_removed

    doc = parse(seed_text, find_removed(seed_text))
    found_times = extract_times(doc, published=SEED_PUBLISHED)
    start = seed_text.index(cue)
    end = start + len(cue.split()[0])
    assert date_for(doc, found_times, start, end, published=SEED_PUBLISHED) == value


def test_taken_spans_find_any_overlap():
    from newswire.times.find import _Taken

    taken = _Taken()
    for start, end in [(10, 20), (30, 40), (0, 5)]:
        assert not taken.overlaps(start, end)
        taken.add(start, end)
    assert taken.overlaps(15, 16) and taken.overlaps(19, 35) and taken.overlaps(4, 10) and taken.overlaps(0, 100)
    assert not taken.overlaps(5, 10) and not taken.overlaps(20, 30) and not taken.overlaps(40, 41)


@pytest.mark.parametrize("text, expected", [
    # between a verb's object and its "of" phrase, a shift and a unit date the clause (a new user's trial: the accusation
    # was dated on the publication day, and the quote of it took "last year" into its content)
    ("Chile accused Peru last year of violating the border.", [("last year", "DATE")]),
    ("The court cleared him last week of all charges.", [("last week", "DATE")]),
    # after a determiner or a possessive, the unit is a stretch of something, not a date
    ("It was the last year of his term.", []),
    ("In his final week of office, he signed the bill.", []),
    ("They spent their last month of freedom in Lima.", []),
])
def test_a_shift_and_unit_before_of_is_a_date_unless_it_is_a_stretch_of_something(text, expected):
    assert [(t, ty) for t, ty, _ in found(text)] == expected
