"""Known misses: one test per known wrong output, each asserting the right output and marked strict xfail.

Found by reading `newswire analyze` output on real news (the real-news dev
articles of ../shared/data/realnews-events, the samples) as a careful reader
would; each is reproduced here by a short invented sentence of the same
construction. A change that fixes one makes its test pass, which strict
xfail turns into a failure: the fixer then removes the mark (the test stays,
as a regression test). See DEVELOPERS.md, "Known misses".
"""

from __future__ import annotations

import pytest

import newswire

PUBLISHED = "2024-03-05"


def analyze(text: str):
    return newswire.analyze(text + "\n", published=PUBLISHED)


def miss(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


def event(analysis, trigger: str):
    (found,) = [e for e in analysis.events if e.trigger.text == trigger]
    return found


# Quotes: the object of a verb of saying is not what was said


def test_the_object_of_denied_is_no_quote():
    assert analyze("The prime minister denied the allegations.").quotes == []


def test_the_object_of_rejected_is_no_quote():
    assert analyze("The opposition leader rejected the accusations on Friday.").quotes == []


def test_the_object_of_acknowledged_is_no_quote():
    quotes = analyze("The company's chief executive, John Mills, acknowledged the complaints but said they were exaggerated.").quotes
    assert [(q.cue.text, q.content.text) for q in quotes] == [("said", "they were exaggerated")]


def test_the_object_of_blamed_is_no_quote():
    assert analyze("The talks collapsed in March. Negotiators blamed each other for the failure.").quotes == []


def test_the_object_of_criticised_is_no_quote():
    analysis = analyze("Iran's foreign minister criticised the United States on Monday.")
    assert analysis.quotes == []
    assert event(analysis, "criticised").cameo == "111"


def test_a_topic_of_discussion_is_no_quote():
    assert analyze("The two ministers discussed a plan on how to end the strike.").quotes == []


@miss("the words on a sign are a direct quote with 'The sign' as speaker")
def test_a_sign_is_no_speaker():
    assert analyze('The sign read "No entry" in three languages.').quotes == []


# Quotes: who said it


def test_a_surname_speaker_is_the_person_named_in_full_before():
    analysis = analyze(
        'Maria Lopez, a nurse in the city, said the hospital had run out of beds. "We have nothing left," Lopez said.'
    )
    (lopez,) = [e for e in analysis.entities if e.name == "Maria Lopez"]
    assert [(q.speaker_entity, q.speaker_name) for q in analysis.quotes] == [(lopez.id, "Maria Lopez")] * 2


@miss("a participle of speech after 'while' takes the nearest subject before it, the stadium's team, not the marchers (issue 14's seed-18 sheet, PolNeAR dev)")
def test_a_chant_belongs_to_who_marched_not_to_the_team_named_on_the_way():
    (q,) = analyze(
        "Hundreds of demonstrators marched near the stadium where the Charlotte Panthers played the Minnesota Vikings"
        " while chanting, \"Hands up, don't shoot.\""
    ).quotes
    assert q.speaker is not None and "demonstrators" in q.speaker.text and q.speaker_name != "Charlotte Panthers"


def test_two_speakers_are_not_named_as_one():
    # fixed in issue 14's seventh round: both named, each by the fullest name, and given to neither alone
    (q,) = analyze(
        "Senator Charles E. Grassley and Senator Patrick Leahy wrote the bill. Mr. Grassley and Mr. Leahy say other changes are needed."
    ).quotes
    assert q.speaker_entity is None and q.speaker_name == "Charles E. Grassley and Patrick Leahy"


def test_the_statement_said_is_the_company_that_made_it():
    analysis = analyze(
        'The company said in a statement that the site was closed. "We are searching for a new host," the statement said.'
    )
    indirect, direct = analysis.quotes
    assert indirect.speaker_entity is not None
    assert direct.speaker_entity == indirect.speaker_entity


# Events: what is an event, and who did it


def test_sport_is_no_event():
    assert analyze("Manchester United attacked the Chelsea defence all afternoon and won 3-1.").events == []


@miss("the source is missing although the clause names it ('The minister will travel')")
def test_the_subject_of_an_intended_visit_is_its_source():
    source = event(analyze("The minister will travel to Paris next Tuesday."), "travel").source
    assert source is not None and source.text == "The minister"


@miss("the withdrawal from a deal gets an inferred (implicit) target: the withdrawing president's own country")
def test_withdrawing_from_a_deal_has_no_country_as_target():
    analysis = analyze(
        "The United States imposed sanctions on Iran in 2018 after President Donald Trump withdrew from the deal."
    )
    assert event(analysis, "withdrew").target is None


# Times: the values and the dates they give events


@miss("'March 3 last year' is dated this year's March 3 ('last year' is read as a time of its own)")
def test_a_day_of_last_year():
    times = analyze("The law was passed on March 3 last year.").times
    assert [t.value for t in times if "March 3" in t.text] == ["2023-03-03"]


def test_a_planned_meeting_takes_the_month_it_is_set_for():
    analysis = analyze("The issue is expected to dominate a NATO summit set for Washington in April.")
    assert event(analysis, "summit").date == "2024-04"


def test_an_event_in_a_when_clause_takes_the_year_of_its_main_clause():
    analysis = analyze(
        "Czech Foreign Minister Jan Kavan said he was in Kansas City in 1968 when Soviet troops invaded Czechoslovakia."
    )
    assert event(analysis, "invaded").date == "1968"


@miss("'four years ago' after the object of 'helped end' does not date the event")
def test_years_ago_dates_the_event_of_its_clause():
    analysis = analyze("NATO warplanes helped end the war in Bosnia four years ago.")
    assert event(analysis, "helped").date == "2020"


# Tone: words counted out of their sense or scope (found reading the extremes of eval/tone_distribution.py)


def tone(text: str):
    return newswire.analyze(text + "\n", stages=["tone"]).tone


@pytest.mark.parametrize(
    "text, side",
    [
        pytest.param("The bill failed to win support.", "positive_words", marks=miss(
            "a positive word under 'failed to' counts positive: only syntactic negation (not, never, no, without) is seen")),
        pytest.param("The plan is hardly a success.", "positive_words", marks=miss(
            "'hardly' is no negation the rule knows: 'hardly a success' counts 'success' positive")),
        pytest.param("His gross income rose last year.", "negative_words", marks=miss(
            "a word keeps its rated sense: 'gross' in 'gross income' (read in a PolNeAR dev tax article) counts negative")),
        pytest.param("The senator made a campaign stop in Ohio.", "negative_words", marks=miss(
            "'stop' as a noun of campaigning ('a campaign stop', frequent in PolNeAR dev) counts negative")),
    ],
)
def test_a_word_out_of_its_sense_or_scope_has_no_tone(text, side):
    assert getattr(tone(text), side) == 0
