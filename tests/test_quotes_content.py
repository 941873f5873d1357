"""Where a quote's content starts and ends: what was said, not less, not more (issue 14)."""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.records import Quote
from newswire.text.parse import parse


def quotes(text: str) -> list[Quote]:
    doc = parse(text)
    return extract_quotes(doc, extract_entities(doc))


def contents(text: str) -> list[str]:
    qs = quotes(text)
    for q in qs:  # every boundary is an offset into the text: the record's text is the text's slice
        for span in (q.content, q.cue, q.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return [q.content.text for q in qs]


@pytest.mark.parametrize(
    "text, content",
    [
        # a noun phrase set off at the end that comments on the whole clause is the writer's
        (
            "The company said on Friday that it had suspended 125,000 accounts since May, the first time it has published the number.",
            "that it had suspended 125,000 accounts since May",
        ),
        ("Berg said the bridge was unsafe, the first time the council heard it.", "the bridge was unsafe"),
    ],
)
def test_a_comment_on_the_clause_after_a_comma_is_left_out(text, content):
    assert contents(text) == [content]


def test_a_comment_after_an_inserted_cue_is_still_the_content():
    # "It was, he said, one of ...": the noun phrase after the inserted cue is what was said
    (content,) = contents("The bridge was, he said, one of the worst failures of the council.")
    assert content.endswith("one of the worst failures of the council")


def test_a_listed_noun_phrase_is_not_taken_for_a_comment():
    (content,) = contents("Berg said the council should talk to the mayor, the residents and the engineers about the bridge.")
    assert content.endswith("the residents and the engineers about the bridge")


def test_a_relative_clause_reporting_a_quotation_of_its_own_is_left_out_with_it():
    text = "Berg said he backed a bill that would cut the power of accreditation bodies, which he called “a cartel for colleges.”"
    (q,) = quotes(text)
    assert (q.type, q.content.text) == ("indirect", "he backed a bill that would cut the power of accreditation bodies")


def test_a_quotation_in_an_aside_without_its_own_report_stays():
    # the quoted words are the speaker's: the aside is kept with them, as before
    (content,) = contents('Berg said he was not advocating violence, only a "loud voice."')
    assert content == 'he was not advocating violence, only a "loud voice."'


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Berg notes that we are at a rare moment where three things are happening at once: "
            "Home values are rising, interest rates are low and lenders are looser.",
            "that we are at a rare moment where three things are happening at once: "
            "Home values are rising, interest rates are low and lenders are looser",
        ),
        ("Berg said the plan had one flaw: it costs too much.", "the plan had one flaw: it costs too much"),
    ],
)
def test_what_a_reported_clause_announces_after_a_colon_goes_with_it(text, content):
    assert contents(text) == [content]


def test_a_quotation_or_another_report_after_the_colon_is_not_taken_in():
    assert contents("Berg said the plan had one flaw: “It costs too much.”") == ["the plan had one flaw", "It costs too much."]
    first, *_ = contents("Berg said the plan had one flaw: Smith said it costs too much.")
    assert first == "the plan had one flaw"


def test_a_hyphen_set_off_by_spaces_is_a_dash_before_the_writers_appositive():
    (content,) = contents("Berg said the council had not done its homework on the bridge - his signature issue.")
    assert content == "the council had not done its homework on the bridge"
    # a hyphen inside a word sets nothing off
    (content,) = contents("Berg said the council had not done its homework on the bridge-building plan.")
    assert content == "the council had not done its homework on the bridge-building plan"



@pytest.mark.parametrize("dateline", ["OSLO - ", "OSLO, Norway, May 3 (Sample Wire) — "])
def test_a_dateline_the_parser_hangs_on_the_clause_is_not_content(dateline):
    text = dateline + "The council will close the bridge in May, the mayor's office said on Monday."
    assert contents(text) == ["The council will close the bridge in May"]


@pytest.mark.parametrize(
    "text, content",
    [
        ("In addition, the council plans to close the bridge, Berg said.", "the council plans to close the bridge"),
        ("However, the bridge will stay open until May, Berg said.", "the bridge will stay open until May"),
        # after the cue the connective is the speaker's
        ("Berg said that, meanwhile, the council would close the bridge.", "that, meanwhile, the council would close the bridge"),
    ],
)
def test_the_writers_connective_before_a_reported_clause_is_not_content(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        # the speaker tells of two acts of their own: asking someone to act is the second, part of what was said
        ("McConnell says he spoke to Ellison and asked him to condemn the violence.", "he spoke to Ellison and asked him to condemn the violence"),
        ("The mayor says she met the governor on Monday and urged him to reopen the bridge.", "she met the governor on Monday and urged him to reopen the bridge"),
    ],
)
def test_an_appeal_the_speaker_tells_of_stays_in_the_content(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        # in the cue's tense the appeal may be the writer's second report ("said ... and called on"): as main, cut
        ("Smith said she had lost the race and called on her supporters to stay calm.", "she had lost the race"),
        ("The mayor said he had no money left and urged residents to donate.", "he had no money left"),
        ("The mayor said she met the governor on Monday and urged him to reopen the bridge.", "she met the governor on Monday"),
    ],
)
def test_an_appeal_in_the_cues_tense_is_not_taken_into_the_content(text, content):
    assert contents(text) == [content]


def test_an_appeal_after_a_clause_about_others_is_no_part_of_it():
    # "contractors" did not urge anything: the appeal is the speaker's own act, which makes no quote
    assert contents("Sanders said private contractors cost more than federal workers and urged Congress to act.") == [
        "private contractors cost more than federal workers"
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        # a cue set into its content may name who was told: the object is the addressee, not what was said
        ("The solution, the partner told them, was simple.", "The solution, the partner told them, was simple"),
        ("The bridge, Berg assured reporters, would reopen in June.", "The bridge, Berg assured reporters, would reopen in June"),
    ],
)
def test_an_inserted_cue_with_its_addressee_reports_the_clause_around_it(text, content):
    (q,) = quotes(text)
    assert q.content.text == content and q.speaker.text in text[text.index(",") + 2 :]


@pytest.mark.parametrize("text", ["The old bridge, locals tell a story, was built by monks.", "The plan, aides tell the truth, was late."])
def test_a_thing_told_is_no_addressee(text):
    # "a story" is what is told, not who heard it: the inserted clause has an object of its own, no quote
    assert quotes(text) == []




@pytest.mark.parametrize(
    "text",
    [
        "Navy seizes arms boat off Somali coast; six charged",
        "Most voters were worried about the economy; most said they were very worried.",
        "The system worked; the sentence had confirmed my faith.",
    ],
)
def test_a_clause_before_a_semicolon_is_not_what_the_next_clause_reports(text):
    # the clause after the semicolon is a sentence of its own: what precedes is the writer's, not its subject's words
    assert all(not text.startswith(q.content.text) for q in quotes(text))


# A report never holds its own cue and speaker in the content "according to" gives another source (session fifteen)
@pytest.mark.parametrize("text, speaker, content", [
    # an owned source ("its count") names where the speaker's figures come from
    ("The agency's spokeswoman, Lena Holm, spoke on Friday. She said at least 300 homes had been destroyed in the "
     "region since the storm began, according to its count.",
     "She", "at least 300 homes had been destroyed in the region since the storm began"),
    ("The mayor said at least 40 shops had closed, according to the city's figures.",
     "The mayor", "at least 40 shops had closed"),
    # a named speaker's quotation that a newspaper reported
    ("“The schools must stay open,” the union's leader Ana Ruiz said, according to the newspaper.",
     "the union's leader Ana Ruiz", "The schools must stay open"),
])
def test_according_to_leaves_a_report_with_its_own_speaker_to_that_speaker(text, speaker, content):
    qs = quotes(text)
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in qs][-1] == (speaker, content)
    assert all("according" not in q.content.text and q.cue.lemma != "according to" for q in qs)


@pytest.mark.parametrize("text, speaker, content", [
    # what a poll's share of people said is the poll's finding
    ("Most farmers said the new rules were too strict, according to the survey.",
     "the survey", "Most farmers said the new rules were too strict"),
    # a cue that reports no clause of its own ("will speak at", "called for") leaves it all to the source
    ("Governor Anna Berg will speak at the party convention next month, according to a local station.",
     "a local station", "Governor Anna Berg will speak at the party convention next month"),
])
def test_according_to_still_reports_a_poll_finding_and_a_cue_without_a_clause(text, speaker, content):
    (q,) = quotes(text)
    assert (q.speaker.text, q.content.text) == (speaker, content)


@pytest.mark.parametrize("text", [
    # the content of a charge is its accuser's, not the words of the one who pleads
    "A former Chilean energy minister pleaded not guilty on Friday to charges that he took $3.1 million in bribes from "
    "mining companies.",
    # a plea is no report of what follows it
    "The driver pleaded guilty to lying to the police about the crash while he was working for the firm.",
    # a noun of speech after the clause is the writer's name for it
    "Chile accused Peru of moving the border markers, a charge Lima denied.",
])
def test_a_plea_or_a_denial_named_by_a_noun_reports_no_words_of_its_subject(text):
    qs = quotes(text)
    assert not [q for q in qs if q.cue.text in ("pleaded", "denied")]


def test_a_noun_of_speech_after_the_clause_is_no_second_thing_said():
    qs = quotes("Prosecutors say he laundered money through shell companies, a claim his lawyers reject.")
    assert [q.content.text for q in qs] == ["he laundered money through shell companies"]


@pytest.mark.parametrize("text, content", [
    # a headline's two clauses: the one before the comma is no content of the cue with an infinitive of its own
    ("Tokyo raises duties on Korean chips, Seoul vows to respond\n\nThe duties take effect in May.", "to respond"),
    ("Former minister denies fraud charges as trial opens\n\nThe trial opened on Monday.", None),
])
def test_a_headline_clause_is_not_what_the_next_clause_reports(text, content):
    qs = quotes(text)
    assert [q.content.text for q in qs if q.content.start < text.index("\n")] == ([content] if content else [])


def test_a_relative_word_before_the_cue_is_no_word_of_what_was_said():
    # the parser may make "that" the subject of the reported clause; a content from it would hold the cue and speaker
    text = ("Trials under the act are rare, although a former senator, Ed Marsh, pleaded guilty in May 2011 to illegal "
            "lobbying and obstruction of justice for his work with a fund in Lagos, Nigeria, that investigators said was "
            "suspected of financing militias.")
    qs = [q for q in quotes(text) if q.cue.text == "said"]
    assert [q.content.text for q in qs] == ["was suspected of financing militias"]


@pytest.mark.parametrize(
    "text, content",
    [
        # the parser makes "that" the adverb or object of a relative clause of the time or the document
        ("Officials said at the time that nobody was hurt.", "that nobody was hurt"),
        ("Berg also said for the first time that some files have been found.", "that some files have been found"),
        ("Berg told reporters on the day that the deal was off.", "that the deal was off"),
    ],
)
def test_a_that_clause_the_parser_made_a_relative_clause_of_a_time_is_what_was_said(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause with its gap: what the noun is, not what was said
        "Berg spoke at the rally that the union organised.",
        "Berg wrote in the letter that the company sent to workers.",
        # the cue has its own object: the clause says when
        "Berg said a prayer on the day that the soldiers were buried.",
    ],
)
def test_a_relative_clause_after_the_cue_is_no_content(text):
    assert contents(text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        # a cue in an "as" clause set off by a comma vouches for the clause it hangs on, before or after it
        ("As the minister said on Monday, the plan is dead.", "the plan is dead"),
        ("The plan is dead, as the minister said on Monday.", "The plan is dead"),
        ("As Berg wrote in a column, the city needs a new bridge.", "the city needs a new bridge"),
        ("As Berg told reporters on Monday, the city will build a new bridge.", "the city will build a new bridge"),
        # a connective before the "as" clause is the writer's
        ("Of course, as Berg observed, the biggest winner was not on the stage.", "the biggest winner was not on the stage"),
    ],
)
def test_the_clause_an_as_clause_of_speech_hangs_on_is_what_was_said(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters shouted outside as Berg testified.",  # not set off: when
        "As Berg was speaking, protesters shouted.",  # a participle: when
        "As the results were announced on Monday, the crowd cheered.",  # passive
        "As she announced her bid on Monday, the crowd cheered.",  # the cue has its own object
        "As expected, the economy grew.",  # no speaker
        # the "as" clause inside a noun's clause, with more of the sentence after it
        "Still, the fact that the race is tied, as Berg said on Monday, only raises the stakes.",
        # two past events: "as" may tell when
        "As Berg joked with a friend at the table, his brother grew impatient.",
    ],
)
def test_an_as_clause_of_time_reports_nothing(text):
    assert contents(text) == []


def test_an_as_clause_after_a_clause_with_another_report_gives_it_no_quote():
    # "her argument that ..." is her report; the "as" clause may comment on part of it: no quote of the rival's
    qs = quotes("The wins solidify her argument that she is popular everywhere, as her rival suggests.")
    assert [q.cue.text for q in qs] == ["argument"]


def test_a_relative_clause_reporting_a_quotation_about_an_object_is_its_own_quote():
    # "attacked the system, which he called “...”": the relative clause is what was said, by its own subject; the
    # object it modifies is what the attack was about (no words), not content of its own
    text = "Berg attacked the loan system, which he called “a cartel for colleges.”"
    qs = quotes(text)
    assert [(q.speaker.text, q.cue.text) for q in qs] == [("he", "called")]
    assert "a cartel for colleges" in qs[0].content.text
    assert "loan system" not in qs[0].content.text


@pytest.mark.parametrize(
    "text, content",
    [
        # no quotation in the relative clause: a judgement the writer reports, no quote (as before)
        ("Berg attacked the loan system, which he called a burden.", None),
        # the relative clause inside a reported clause stays in it: the clause is what was said
        (
            "Berg said the loan system, which he called “a cartel,” would collapse.",
            "the loan system, which he called “a cartel,” would collapse",
        ),
    ],
)
def test_a_relative_report_inside_what_was_said_or_without_words_is_no_quote_of_its_own(text, content):
    assert contents(text) == ([content] if content else [])

