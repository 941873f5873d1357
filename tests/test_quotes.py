"""The quotes stage: quotation marks, reporting frames, speakers, and the seed article's quotes.

Texts use invented people (Anna Berg, Pavel Sokolov, Mark Ellison) so that each rule is tested on
its own; the seed tests pin what issue #3 asks for on the canonical article.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.text.parse import parse
from newswire.quotes import extract_quotes
from newswire.lexicon.cues import cue_table
from newswire.text.marks import find_quoted
from newswire.quotes.nouns import noun_table
from newswire.records import Analysis, Entity, Quote, Removed


def quotes(text: str, removed: list[Removed] = (), **kwargs) -> list[Quote]:
    doc = parse(text, removed)
    return extract_quotes(doc, extract_entities(doc), **kwargs)


def span_of(text: str, part: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return start, start + len(part)


def summary(q: Quote) -> tuple:
    """type, content, cue lemma, speaker text, inherited: what most tests pin."""
    return (
        q.type,
        q.content.text,
        q.cue.lemma if q.cue else None,
        q.speaker.text if q.speaker else None,
        q.inherited,
    )


def check_spans(text: str, qs: list[Quote]) -> None:
    for q in qs:
        for span in (q.content, q.cue, q.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text


# --- quotation marks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, inner",
    [
        ('He said "we will win." Then he left.', ["we will win."]),
        ("“A,” he said, “B.”", ["A,", "B."]),
        ("He called it ‘stupid’ and the plan ‘useless.’", ["stupid", "useless."]),
        ("«Bonjour», dit-il. »Hallo« sagte er. „Guten Tag“, sagte sie.", ["Bonjour", "Hallo", "Guten Tag"]),
        ("``Hello,'' he said.", ["Hello,"]),
        ("It's Clinton's 'best' plan, the voters' choice of the '90s.", ["best"]),
        # a paragraph that continues a quote reopens it without closing the one before
        ("“Para one.\n\n“Para two,” he said.", ["Para one.\n\n“Para two,"]),
        # left open at a paragraph end: closed there when it opened a statement
        ("“An unclosed statement\nThe next paragraph.", ["An unclosed statement"]),
        # a stray mark inside a sentence is ignored
        ('The 5" screen and an odd " mark.', []),
    ],
)
def test_quotation_marks_pair_into_passages(text, inner):
    assert [text[q.inner_start : q.inner_end] for q in find_quoted(text)] == inner


@pytest.mark.parametrize(
    "text",
    ['"', '""', "“", "”", "“ ... “ second", "'", "’’’", "«»«", "a “b” c ” d “", '"\n"\n"', "„", "‘’‘’", "x ' y ' z"],
)
def test_odd_quotation_marks_never_crash(text):
    for q in find_quoted(text):
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
    check_spans(text, quotes(text))


# --- direct quotes ---------------------------------------------------------------------------


def test_direct_quote_with_the_cue_after_it():
    text = '"We will not give up on this city," Mayor Anna Berg said on Tuesday.'
    (q,) = quotes(text)
    assert summary(q) == ("direct", "We will not give up on this city", "say", "Mayor Anna Berg", False)
    assert (q.content.start, q.content.end) == span_of(text, "We will not give up on this city")
    assert (q.cue.start, q.cue.end, q.cue.text) == (*span_of(text, "said"), "said")
    assert q.speaker_name == "Anna Berg" and q.speaker_entity is not None


def test_direct_quote_split_by_its_attribution_is_two_quotes_with_one_speaker():
    text = "“Judge,” Mark Ellison said, “I have never seen a case like this one.”"
    first, second = quotes(text)
    assert summary(first) == ("direct", "Judge", "say", "Mark Ellison", False)
    assert summary(second) == ("direct", "I have never seen a case like this one.", "say", "Mark Ellison", False)
    assert first.cue == second.cue


def test_inverted_cue_and_a_second_quote_in_the_next_sentence():
    text = "“The budget is balanced,” said Finance Minister Pavel Sokolov. “Nobody will pay more tax.”"
    first, second = quotes(text)
    assert summary(first) == ("direct", "The budget is balanced", "say", "Finance Minister Pavel Sokolov", False)
    assert summary(second)[:4] == ("direct", "Nobody will pay more tax.", "say", "Finance Minister Pavel Sokolov")
    assert first.speaker_entity == second.speaker_entity


def test_quote_after_a_colon():
    text = 'Anna Berg told reporters: "The bridge will open in May."'
    (q,) = quotes(text)
    assert summary(q) == ("direct", "The bridge will open in May.", "tell", "Anna Berg", False)


def test_quote_after_a_colon_with_a_verb_not_in_the_lexicon():
    text = "Mark Ellison released the following statement:\n\n“We grieve with the families of the victims tonight.”"
    (q,) = quotes(text)
    assert summary(q) == ("direct", "We grieve with the families of the victims tonight.", "release", "Mark Ellison", False)


def test_a_persons_name_right_before_a_colon_speaks_the_quotation():
    (q,) = quotes("Here is the view of one expert, Mark Ellison: “The water will reach the bridge by Friday.”")
    assert summary(q) == ("direct", "The water will reach the bridge by Friday.", None, "Mark Ellison", False)


def test_quote_over_two_paragraphs_is_one_passage():
    text = '"The first paragraph of a long statement ends here.\n\n"The second paragraph ends the quote," Berg said.'
    (q,) = quotes(text)
    assert q.type == "direct" and q.speaker.text == "Berg"
    assert q.content.text == 'The first paragraph of a long statement ends here.\n\n"The second paragraph ends the quote'


def test_cue_right_after_a_quote_the_parser_split_off():
    text = "“So far the game is very boring, not nearly as exciting as politics!” he tweeted during the first half."
    (q,) = quotes(text)
    assert summary(q)[:4] == ("direct", "So far the game is very boring, not nearly as exciting as politics!", "tweet", "he")


@pytest.mark.parametrize(
    "text, inner",
    [
        ("«Nous gagnerons», he said in French.", "Nous gagnerons"),
        ("„Wir werden gewinnen“, she said in German.", "Wir werden gewinnen"),
        ("‘We will win,’ she said.", "We will win"),
    ],
)
def test_every_quote_mark_style(text, inner):
    (q,) = quotes(text)
    assert (q.type, q.content.text, q.cue.lemma) == ("direct", inner, "say")


def test_two_quoted_clauses_of_one_cue_with_an_aside_between():
    text = "''We've started all those conversations,'' Mr. Manafort said, adding of Mr. Trump, ''He cares about the team.''"
    first, second = quotes(text)
    assert summary(first) == ("direct", "We've started all those conversations", "say", "Mr. Manafort", False)
    assert summary(second) == ("direct", "He cares about the team.", "say", "Mr. Manafort", False)


def test_speaker_after_the_cue_that_the_parser_takes_for_an_object():
    (q,) = quotes("“How big is that wall?” asked the boy, who was wearing a red hat.")
    assert summary(q) == ("direct", "How big is that wall?", "ask", "the boy", False)


def test_speaker_with_an_age_the_parser_leaves_without_a_verb():
    (q,) = quotes("“We were wrong to wait so long,” Ramos, 58, told AFP in an interview.")
    assert summary(q) == ("direct", "We were wrong to wait so long", "tell", "Ramos, 58", False)
    assert q.speaker_name == "Ramos"


def test_an_active_verb_after_a_passive_one_shares_its_subject():
    text = "Silverman was joined on stage by Anna Berg and joked, “The bridge is finally open, and nobody fell off.”"
    (q,) = quotes(text)
    assert summary(q)[2:4] == ("joke", "Silverman")


def test_a_reporting_verb_inside_a_quote_is_part_of_it():
    text = '"I told them we would win," Berg said.'
    (q,) = quotes(text)
    assert summary(q) == ("direct", "I told them we would win", "say", "Berg", False)


def test_a_short_quoted_phrase_with_no_cue_is_not_a_quote():
    assert quotes('The "Gang of Eight" met in the Capitol on Monday.') == []


# --- inherited speakers --------------------------------------------------------------------------


def test_quote_standing_alone_inherits_the_previous_quotes_speaker():
    text = (
        "Anna Berg said the talks would resume next week.\n"
        "“We have done everything we could for the families, and we will keep doing it.”"
    )
    first, second = quotes(text)
    assert summary(first)[3] == "Anna Berg"
    assert summary(second) == (
        "direct",
        "We have done everything we could for the families, and we will keep doing it.",
        None,
        "Anna Berg",
        True,
    )
    assert second.speaker_entity == first.speaker_entity


def test_a_report_set_into_the_quotations_sentence_does_not_take_the_next_quotation():
    text = (
        "“Who is the real problem here?” Berg said on Friday, after Sokolov said the council had failed. "
        "“The city council produced plans that shortchanged the river towns and played politics with the repairs.”"
    )
    first, aside, statement = quotes(text)
    assert summary(aside) == ("indirect", "the council had failed", "say", "Sokolov", False)
    assert summary(statement)[2:] == (None, "Berg", True)


def test_quotation_after_a_sentence_closed_by_a_two_character_mark_inherits():
    # PTB-style marks (''...''): the sentence before ends in ".''", two characters of closing mark
    text = (
        "''It is nonsense,'' Mark Ellison said on the program ''Face the Nation.'' "
        "''They have misled the families about everything, and everybody knows that.''"
    )
    qs = quotes(text)
    check_spans(text, qs)
    last = qs[-1]
    assert summary(last) == (
        "direct", "They have misled the families about everything, and everybody knows that.", None, "Mark Ellison", True,
    )


def test_quote_standing_alone_after_a_sentence_about_speaking():
    text = "Mark Ellison spoke to reporters on Monday.\n“We have done everything we could for the families.”"
    (q,) = quotes(text)
    assert summary(q) == ("direct", "We have done everything we could for the families.", None, "Mark Ellison", True)


def test_quote_standing_alone_with_no_speaker_anywhere():
    text = "“We have done everything we could for the families, and we will keep doing it.”"
    (q,) = quotes(text)
    assert (q.type, q.speaker, q.speaker_entity, q.speaker_name, q.inherited) == ("direct", None, None, None, False)


# --- indirect quotes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Anna Berg says the bridge will open in May.", ("indirect", "the bridge will open in May", "say", "Anna Berg", False)),
        ("Berg told reporters that the bridge would open in May.", ("indirect", "that the bridge would open in May", "tell", "Berg", False)),
        ("The bridge, Berg said, will open in May.", ("indirect", "The bridge, Berg said, will open in May", "say", "Berg", False)),
        ("According to the ministry, the bridge will open in May.", ("indirect", "the bridge will open in May", "according to", "the ministry", False)),
        (
            "The bridge will open in May, according to two officials familiar with the plans.",
            ("indirect", "The bridge will open in May", "according to", "two officials familiar with the plans", False),
        ),
        ("A spokesman for the ministry said the bridge would open in May.", ("indirect", "the bridge would open in May", "say", "A spokesman for the ministry", False)),
        ("Berg's spokesman said the bridge would open in May.", ("indirect", "the bridge would open in May", "say", "Berg's spokesman", False)),
        ("The ministry blamed the contractor for delaying the bridge.", ("indirect", "the contractor for delaying the bridge", "blame", "The ministry", False)),
        ("Sokolov vowed to rebuild the bridge within a year.", ("indirect", "to rebuild the bridge within a year", "vow", "Sokolov", False)),
        ("The ministry warned that the bridge would be delayed.", ("indirect", "that the bridge would be delayed", "warn", "The ministry", False)),
        ("It was reported that the bridge would open in May.", ("indirect", "that the bridge would open in May", "report", None, False)),
        ("Sokolov, who said the bridge was safe, left the city on Monday.", ("indirect", "the bridge was safe", "say", "Sokolov", False)),
    ],
)
def test_reported_speech(text, expected):
    (q,) = quotes(text)
    assert summary(q) == expected
    check_spans(text, [q])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Berg railed against the bridge tax, calling it \"theft.\"", ("mixed", "it \"theft.\"", "call", "Berg", False)),
        ("Berg deemed the bridge plan \"a failure.\"", ("mixed", "the bridge plan \"a failure.\"", "deem", "Berg", False)),
        ("Mark Ellison boasted that his record on crime was the best.", ("indirect", "that his record on crime was the best", "boast", "Mark Ellison", False)),
        # an indirect question the parser hangs on the cue as an adverbial clause
        ("Asked if the bridge was safe, Berg laughed.", ("indirect", "if the bridge was safe", "ask", None, False)),
    ],
)
def test_more_reporting_verbs_and_frames(text, expected):
    (q,) = quotes(text)
    assert summary(q) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Berg explained her plan for the bridge.",
        "Sokolov lambasted the plan.",
        "Berg bemoaned the cost of the new bridge.",
        "Sokolov referenced his long ties to the mayor.",
        "Former mayor Anna Berg endorsed Sokolov for governor.",
        "Anna Berg pointed out the flaws in the plan.",
        "Mark Ellison reiterated his support for the new bridge.",
        "Anna Berg conceded the race on Tuesday night.",
        "Berg stressed those worries on Sunday at a forum in Oslo.",
        "Berg criticized the plan that Sokolov proposed.",
        "Berg recalled the night the old bridge fell.",
        "The new bridge plan was announced on Friday.",
        "Sokolov was praised by the mayor for his work on the bridge.",
        # a clause inside the object that modifies its noun is the noun's topic, not what was said
        "Berg and Sokolov discussed a plan on how to reopen the bridge.",
        "Berg and Sokolov discussed the question of whether to close the bridge.",
        "Berg and Sokolov discussed a plan on how they would reopen the bridge.",
    ],
)
def test_a_noun_phrase_object_is_what_the_act_is_about_not_what_was_said(text):
    # the events stage records "lambasted the plan"; a quote reports a clause or a quotation
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        ('Berg denied "any wrongdoing" on Friday.', "any wrongdoing"),
        ("Berg denied reports that she had resigned.", "reports that she had resigned"),
        ("Berg denied a report that arrests had been made.", "a report that arrests had been made"),
        ("Berg blamed the contractors for closing the bridge.", "the contractors for closing the bridge"),
        ("Sokolov accused the mayor, who had signed the contract, of hiding the costs.", "the mayor, who had signed the contract, of hiding the costs"),
        ('Berg described the plan as "a disaster."', 'the plan as "a disaster."'),
        # a quotation that is the object or topic itself, not a modifier in it
        ("Berg warned of “catastrophic delays” on the bridge.", "“catastrophic delays” on the bridge"),
        ("Berg stressed her “total commitment” to the bridge.", "her “total commitment” to the bridge"),
        # the speaker's adjective on the object's own noun is a quotation of their words
        ("Berg condemned the “reckless” toll.", "the “reckless” toll"),
        # a relative pronoun before the cue is no fused relative or question: the clause is reported
        ("Sokolov attacked the tolls, which he said were a tax on the poor.", "were a tax on the poor"),
        # "how" with an adjective is a degree, not a question; a cue that asks reports its question
        ("Berg told reporters how surprised she was that the bridge had closed.", "how surprised she was that the bridge had closed"),
        ("Berg asked why the bridge had closed.", "why the bridge had closed"),
    ],
)
def test_an_object_with_a_quotation_or_a_clause_is_reported(text, content):
    (q,) = quotes(text)
    assert q.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "Berg called for big tax hikes on Monday.",
        "Berg called for taxing the rich.",
        "Sokolov proposed barring all trucks from the bridge.",
        "The mayor described the showdown as ominous.",
        "Berg called the citation a ploy by her rivals.",
        "Berg spoke of the legacy of racism in the city.",
        "Berg talked about bringing communities together.",
        "Berg talked about the new bridge at length.",
        "Sokolov referred to the mayor's plan.",
        "Berg railed against the bridge tax.",
        "Berg apologized for the delays.",
        "Mark Ellison boasted about his record on crime.",
        "Anna Berg bragged of her wealth.",
        "Sokolov warned against potential hackers from abroad.",
        "The ministry warned of delays to the bridge.",
        "Anna Berg confessed to taking the money.",
        "The ministry warned of delays to the bridge that would last until May.",
        "Sokolov attacked his opponent as a fraud.",
        # a wh-clause names a topic ("talked about how ...", "explained why ..."); only a cue that asks reports one
        "Berg talked about how the new bridge would be paid for.",
        "Anna Berg explained why she opposes the toll.",
        "The gap between what Berg says the toll would raise and what it raises is wide.",
        # a clause with a subject inside a relative clause or participle of the object tells of the object's noun
        "Sokolov cited remarks the mayor had made after the bridge closed.",
        "Sokolov cited a law requiring every driver to pay the toll.",
        # a quotation modifying a noun of the object is a name or term, not the speaker's words
        "Berg voiced support for the mayor's “green bridge” plan.",
        "Berg promised lower fares and “a bridge for everyone.”",
        # a gerund object is a plan; a finite verb coordinated with the cue is no clause it reports
        "Sokolov proposes closing the old bridge, and plans to build a new one.",
    ],
)
def test_a_topic_or_an_object_with_no_quotation_nor_clause_is_no_quote(text):
    # what a cue is about ("spoke of X", "called for X", "called X a Y") is the writer's account: no words are reported
    assert quotes(text) == []



@pytest.mark.parametrize(
    "text",
    [
        "His comments about breaking up big banks drew criticism.",
        "The claim that the bridge was safe was false.",
        "There was criticism of the plan from the unions.",
        "Berg renewed her request for a new bridge.",
    ],
)
def test_a_reporting_noun_needs_a_speaker_and_words(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Berg declined to comment or confirm that the bridge was closed.",
        "Sokolov did not confirm or deny that the bridge was closed.",
        "Berg refused to release the report or explain why the bridge was closed.",
    ],
)
def test_a_cue_joined_by_or_to_a_negated_or_refused_one_is_not_said(text):
    assert quotes(text) == []


def test_a_negated_cue_does_not_negate_a_report_joined_by_but():
    (q,) = quotes("Berg did not comment, but said that the bridge was closed.")
    assert summary(q)[1:4] == ("that the bridge was closed", "say", "Berg")


def test_an_act_cut_from_a_report_is_not_kept_as_its_content():
    (q,) = quotes("Sokolov said he would order a review of the bridge and warned against potential hackers from abroad.")
    assert q.content.text == "he would order a review of the bridge"
    assert quotes("Other cities also reported bridge closures today, nearly all reporting delays as well.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Berg did not say whether the bridge was safe.",
        "Berg never claimed that the bridge was safe.",
        "Berg would not comment on whether the bridge was safe.",
        "Sokolov could argue that the bridge is safe.",
        "If Berg says the bridge is safe, it will open.",
    ],
)
def test_negated_supposed_or_conditional_speech_is_no_quote(text):
    assert quotes(text) == []


def test_referring_to_after_a_report_is_no_part_of_it():
    (said,) = quotes("Berg said the town had too many bridges, referring to the new ones over the river.")
    assert summary(said) == ("indirect", "the town had too many bridges", "say", "Berg", False)


@pytest.mark.parametrize(
    "text, content",
    [
        ('Berg called both Sokolov and Ellison "crazy" on Friday.', 'both Sokolov and Ellison "crazy"'),
        ('Former mayor Anna Berg called Sokolov "unhinged."', 'Sokolov "unhinged."'),
    ],
    ids=["a date after it is not 'call on'", "name and predicate parsed as two"],
)
def test_calling_someone_something(text, content):
    (q,) = quotes(text)
    assert (q.type, q.content.text, q.cue.lemma) == ("mixed", content, "call")


def test_asked_or_speaking_about_a_topic_is_no_quote():
    (said,) = quotes("Asked about the delays, Berg said the bridge would open in May.")
    assert summary(said)[1:4] == ("the bridge would open in May", "say", "Berg")
    (said,) = quotes("Speaking about the delays, Berg said the bridge would open in May.")
    assert summary(said)[1:4] == ("the bridge would open in May", "say", "Berg")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("His claim that the bridge was safe was false.", ("indirect", "that the bridge was safe", "claim", "His", False)),
        ("Berg made the argument that the tax was unfair.", ("indirect", "that the tax was unfair", "argument", "Berg", False)),
        ('Sokolov renewed his call for "a new bridge."', ("direct", "a new bridge.", "call", "his", False)),
        ("Her promise to rebuild the bridge won votes.", ("indirect", "to rebuild the bridge", "promise", "Her", False)),
        ("Ellison said in a statement that the bridge would open in May.", ("indirect", "that the bridge would open in May", "statement", "Ellison", False)),
        ("Berg's claim that the bridge was safe was false.", ("indirect", "that the bridge was safe", "claim", "Berg's", False)),
    ],
)
def test_reporting_nouns(text, expected):
    (q,) = quotes(text)
    assert summary(q) == expected


def test_a_reporting_noun_with_a_relative_clause_is_no_quote():
    assert quotes("The claim that he made was false.") == []
    assert quotes("The statement that she released on Monday was short.") == []


def test_a_request_for_comment_reports_nothing():
    assert quotes("Port officials did not respond to a request for comment.") == []
    assert quotes("The ministry ignored repeated requests for comment.") == []
    (q,) = quotes('Berg renewed her request for "a new bridge."')
    assert summary(q)[1:3] == ("a new bridge.", "request")


def test_the_cue_of_a_statement_is_the_verb_and_the_noun():
    (q,) = quotes("Ellison said in a statement that the bridge would open in May.")
    assert (q.cue.text, q.cue.lemma) == ("said in a statement", "statement")


def test_a_poll_opening_its_sentence_with_in_is_the_source_of_the_clause():
    (q,) = quotes("In a city poll released Monday, 50 percent of residents chose Berg over Sokolov.")
    assert summary(q) == ("indirect", "50 percent of residents chose Berg over Sokolov", "in", "a city poll", False)
    (said,) = quotes("In a statement, the council said the bridge would open in May.")
    assert summary(said) == ("indirect", "the bridge would open in May", "say", "the council", False)
    assert quotes("In May, the bridge will open to traffic.") == []


def test_a_document_opening_a_clause_with_a_report_in_it_is_only_its_setting():
    text = "In an interview with the Daily Star, Mark Ellison doubled down on his comments and said the judge was biased."
    (q,) = quotes(text)
    assert summary(q) == ("indirect", "the judge was biased", "say", "Mark Ellison", False)


def test_according_to_reports_every_conjunct_and_the_report_it_closes():
    (q,) = quotes("Berg won 40 percent, and Sokolov won 35 percent, according to the poll.")
    assert summary(q) == ("indirect", "Berg won 40 percent, and Sokolov won 35 percent", "according to", "the poll", False)
    (q,) = quotes("Six in 10 voters said the bridge was too expensive, according to the poll.")
    assert summary(q) == ("indirect", "Six in 10 voters said the bridge was too expensive", "according to", "the poll", False)


def test_according_to_after_its_clause_does_not_reach_a_later_conjunct():
    text = "Berg leads Sokolov by 40 seats, according to a count by the commission, but Sokolov has vowed to fight on."
    by_cue = {q.cue.lemma: q for q in quotes(text)}
    assert summary(by_cue["according to"]) == (
        "indirect", "Berg leads Sokolov by 40 seats", "according to", "a count by the commission", False)
    text = "Eleven countries have had female leaders, according to the institute, although few of those women have won twice."
    (q,) = quotes(text)
    assert q.content.text == "Eleven countries have had female leaders"
    # opening the sentence, the phrase covers every conjunct
    (q,) = quotes("According to the poll, Berg leads in the north and Sokolov leads in the south.")
    assert q.content.text == "Berg leads in the north and Sokolov leads in the south"


def test_a_second_report_joined_by_and_is_a_quote_of_its_own():
    text = "Most of the farmers said they were worried about the drought, and more than 4 in 10 said prices would rise."
    got = sorted((q.speaker.text, q.content.text) for q in quotes(text))
    assert got == [("Most of the farmers", "they were worried about the drought"),
                   ("more than 4 in 10", "prices would rise")]
    # a report inside what was said stays content
    (q,) = quotes("Dorn said the mayor told him that the bridge was safe.")
    assert (q.speaker.text, q.content.text) == ("Dorn", "the mayor told him that the bridge was safe")
    # a cue after both reports reports both
    text = "The union polled its members twice, and both surveys showed support above 60 percent, the union said."
    got = sorted((q.speaker.text, q.content.text) for q in quotes(text))
    assert got == [("the union", "The union polled its members twice"),
                   ("the union", "both surveys showed support above 60 percent")]


def test_a_headline_labelled_by_the_surname_of_a_person_named_in_the_story():
    text = ("Okafor: No outside pressure on bridge inquiry into contracts.\n\n"
            "LAGOS (AP) — Transport Minister Adaeze Okafor is reaffirming that the inquiry is free of outside influence.")
    got = {q.content.text: q for q in quotes(text)}
    q = got["No outside pressure on bridge inquiry into contracts"]
    assert (q.speaker.text, q.speaker_name) == ("Okafor", "Adaeze Okafor")
    # a capitalised word that is nobody's surname heads no quote
    text = ("Bridges: No outside pressure on inquiry into contracts.\n\n"
            "LAGOS (AP) — Transport Minister Adaeze Okafor is reaffirming that the inquiry is free of outside influence.")
    assert "No outside pressure on inquiry into contracts" not in {q.content.text for q in quotes(text)}


def test_a_quotation_after_one_that_ended_a_sentence_is_a_statement():
    text = "“It is too early,” said Berg, who hosts the show “City Talk.” “I mean, we have no money at all.”"
    first, second = quotes(text)
    assert summary(first)[:4] == ("direct", "It is too early", "say", "Berg")
    assert summary(second)[1] == "I mean, we have no money at all."
    assert second.speaker_entity == first.speaker_entity


@pytest.mark.parametrize(
    "text, content",
    [
        ("Berg said ending the bridge tax before other money could be found could gut the city's budget.",
         "ending the bridge tax before other money could be found could gut the city's budget"),
        ("Berg said following a vote in 2001 that she had very serious concerns about the bridge.",
         "that she had very serious concerns about the bridge"),
    ],
)
def test_a_reported_clause_the_parser_did_not_hang_on_its_cue(text, content):
    (q,) = quotes(text)
    assert summary(q) == ("indirect", content, "say", "Berg", False)


def test_a_that_clause_the_parser_hung_on_a_noun_or_made_a_conjunct_of_the_cue():
    text = (
        "On Thursday night, Mark Ellison told the audience at his fundraiser for veterans that he and Fox News "
        "had multiple conversations Thursday but that nothing could change his mind."
    )
    first, second = quotes(text)
    assert summary(first) == ("indirect", "that he and Fox News had multiple conversations Thursday", "tell", "Mark Ellison", False)
    assert summary(second) == ("indirect", "that nothing could change his mind", "tell", "Mark Ellison", False)
    assert quotes("Ellison told the story of the bridge that his father built.") == []


def test_a_report_the_parser_made_the_first_clause_of_the_next_report_is_its_own():
    text = "Ellison said he had not seen the fight in the park, and when asked whether he was encouraging his supporters, he said, “I hope not.”"
    qs = quotes(text)
    assert summary(qs[0]) == ("indirect", "he had not seen the fight in the park", "say", "Ellison", False)
    assert summary(qs[-1]) == ("direct", "I hope not.", "say", "he", False)


def test_a_concession_the_parser_hangs_on_the_cue_is_part_of_what_was_said():
    (q,) = quotes("Berg said she would vote against the plan, although she liked parts of it.")
    assert summary(q) == ("indirect", "she would vote against the plan, although she liked parts of it", "say", "Berg", False)


def test_a_cue_followed_by_no_clause_reports_nothing():
    assert quotes("Berg responded by pointing at the bridge.") == []


def test_a_participle_ending_a_reported_clause_is_a_quote_of_its_own():
    argue, add = quotes("The two lawmakers argue that the law is clear, adding that the court agreed.")
    assert summary(argue) == ("indirect", "that the law is clear", "argue", "The two lawmakers", False)
    assert summary(add) == ("indirect", "that the court agreed", "add", "The two lawmakers", False)


def test_a_second_verb_of_the_same_speaker_is_a_quote_of_its_own():
    text = "Sanders said private contractors cost more than federal workers and warned that the costs would rise."
    said, warned = quotes(text)
    assert summary(said) == ("indirect", "private contractors cost more than federal workers", "say", "Sanders", False)
    assert summary(warned) == ("indirect", "that the costs would rise", "warn", "Sanders", False)


def test_a_second_verb_after_but_is_a_quote_of_its_own():
    says, conceded = quotes("Berg says the main goal of the effort is to win, but conceded that the odds are long.")
    assert summary(says) == ("indirect", "the main goal of the effort is to win", "say", "Berg", False)
    assert summary(conceded) == ("indirect", "that the odds are long", "concede", "Berg", False)


def test_a_participle_after_a_closing_quotation_mark_is_a_quote_of_its_own():
    text = "Speaking on Tuesday, Mark Ellison insisted that he has “expanded the party,” claiming that he is responsible for the higher turnout."
    insisted, claiming = quotes(text)
    assert summary(insisted) == ("mixed", "that he has “expanded the party,”", "insist", "Mark Ellison", False)
    assert summary(claiming) == ("indirect", "that he is responsible for the higher turnout", "claim", "Mark Ellison", False)


def test_a_cue_inside_a_quotation_does_not_swallow_the_report_around_it():
    text = 'Ellison told the BBC that "the truck fired on the crowd, according to the police."'
    (told,) = quotes(text)
    assert summary(told) == ("direct", "the truck fired on the crowd, according to the police.", "tell", "Ellison", False)


def test_a_thought_cue_that_reports_only_a_quotation_says_it():
    (q,) = quotes("Anna Berg wondered, “Will he run again?”")
    assert summary(q) == ("direct", "Will he run again?", "wonder", "Anna Berg", False)
    assert quotes("Anna Berg wondered whether he would run again.") == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ellison made it clear that he would not resign.", "that he would not resign"),
        ("Berg made clear that the council will vote again.", "that the council will vote again"),
        ("The mayor made clear he did not intend to hold back.", "he did not intend to hold back"),
    ],
)
def test_made_it_clear_reports_its_clause(text, content):
    (q,) = quotes(text)
    assert (q.type, q.content.text, q.cue.lemma) == ("indirect", content, "make clear")
    assert quotes("The storm made the roads unsafe.") == []


def test_as_someone_put_it_introduces_a_quotation():
    (q,) = quotes("As Anna Berg put it, “The bridge is a monument to waste.”")
    assert summary(q) == ("direct", "The bridge is a monument to waste.", "put it", "Anna Berg", False)
    assert quotes("Sokolov put it on the table and left.") == []


@pytest.mark.parametrize("verb, lemma", [("barked", "bark"), ("scoffed", "scoff"), ("fumed", "fume")])
def test_more_verbs_of_saying_take_a_quotation(verb, lemma):
    (q,) = quotes(f"“Go back to your office,” Ellison {verb}.")
    assert summary(q) == ("direct", "Go back to your office", lemma, "Ellison", False)


def test_a_quoted_name_after_the_object_is_what_it_is_called():
    (q,) = quotes('Former governor Anna Berg called the use of emergency orders "quite dangerous."')
    assert summary(q) == ("mixed", 'the use of emergency orders "quite dangerous."', "call", "Former governor Anna Berg", False)
    # "her" taken for a possessive of the quoted name
    text = "Mark Ellison says he respects Anna Berg and calls her “an extremely intelligent woman with a wonderful record.”"
    says, calls = quotes(text)
    assert summary(says) == ("indirect", "he respects Anna Berg", "say", "Mark Ellison", False)
    assert summary(calls) == ("mixed", "her “an extremely intelligent woman with a wonderful record.”", "call", "Mark Ellison", False)


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Berg accuses Sokolov of a smear about her bank links, while Sokolov suggests she is a captive of the establishment.",
         ("indirect", "Sokolov of a smear about her bank links", "accuse", "Berg", False),
         ("indirect", "she is a captive of the establishment", "suggest", "Sokolov", False)),
        ("Berg said the plan would fail, though her deputy conceded that it had support.",
         ("indirect", "the plan would fail", "say", "Berg", False),
         ("indirect", "that it had support", "concede", "her deputy", False)),
    ],
)
def test_another_sources_report_ending_a_reported_clause_is_a_quote_of_its_own(text, first, second):
    assert [summary(q) for q in quotes(text)] == [first, second]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sokolov was criticized by the mayor for closing the bridge.",
         [("indirect", "Sokolov was criticized by the mayor for closing the bridge", "criticize", "the mayor", False)]),
        ("The energy plan is portrayed simply as a fight between coal and wind.", []),
        ('The energy plan is portrayed simply as "a fight between coal and wind."',
         [("mixed", 'The energy plan is portrayed simply as "a fight between coal and wind."', "portray", None, False)]),
        ("It was reported on Friday.", []),
        ("The plan, which was announced on Friday, is large.", []),
    ],
)
def test_a_passive_cue_reports_on_its_subject(text, expected):
    assert [summary(q) for q in quotes(text)] == expected


def test_that_said_is_a_connective_not_a_quote():
    assert quotes("That said, the bridge cannot open before the summer.") == []


def test_the_writers_aside_after_a_reported_clause_is_left_out():
    (q,) = quotes("Berg said the bridge would open in May, which is later than planned.")
    assert q.content.text == "the bridge would open in May"


def test_a_purpose_infinitive_reports_and_a_declined_one_does_not():
    (q,) = quotes("Clinton used the speech to highlight that the bridge was safe.")
    assert summary(q) == ("indirect", "that the bridge was safe", "highlight", "Clinton", False)
    assert quotes("Berg declined to say whether the bridge would open in May.") == []


def test_participle_takes_the_subject_of_its_verb():
    text = 'Sokolov praised the agreement, saying it showed the "good faith" of both sides.'
    (saying,) = quotes(text)
    assert summary(saying) == ("mixed", 'it showed the "good faith" of both sides', "say", "Sokolov", False)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Sokolov is releasing a new ad that urges voters to reject "the bridge tax."', "Sokolov"),
        ('The group placed newspaper ads calling the bridge "a mistake."', "The group"),
        ("Officials saying the bridge was unsafe closed it.", "Officials"),
        # "X is a Y who said ...": the noun the relative clause hangs on is what X is; X speaks
        ("Editor's note: Anna Berg is a veteran senator and critic who has repeatedly said the bridge must close.", "Anna Berg"),
        ("Anna Berg opposes the toll and is a fierce critic who has said the bridge must close.", "Anna Berg"),
        ("He is a man who says the bridge must close.", "He"),
        ("Officials met a veteran senator who said the bridge must close.", "a veteran senator"),
        # a participle on whom a speech verb addresses speaks for the verb's subject; on another verb's object, for it
        ("The Vermont senator emailed supporters saying: “The struggle continues.”", "The Vermont senator"),
        ("He wrote to members saying the union would strike.", "He"),
        ("Officials met protesters chanting “Send them home.”", "protesters"),
    ],
)
def test_who_speaks_through_a_document_is_its_speaker(text, speaker):
    (q,) = quotes(text)
    assert q.speaker.text == speaker


def test_asked_by_no_one_named_has_no_speaker():
    text = "Asked whether the bridge was safe, Berg said it was."
    asked, said = quotes(text)
    assert summary(asked) == ("indirect", "whether the bridge was safe", "ask", None, False)
    assert summary(said)[2:4] == ("say", "Berg")


def test_asked_opening_its_sentence_has_no_speaker_even_tagged_as_a_past_tense():
    asked, said = quotes("Asked what a firm commitment looks like, Ellison said he did not know.")
    assert summary(asked) == ("indirect", "what a firm commitment looks like", "ask", None, False)
    assert summary(said)[2:4] == ("say", "Ellison")


def test_an_infinitive_that_reports_nothing_is_not_a_quote():
    assert quotes("The team's mandate is to say whether the bridge is safe.") == []


def test_thoughts_and_intentions_are_not_quotes_unless_asked_for():
    text = "Berg believes the bridge will open in May. Sokolov wants the bridge to open in June. Ellison hopes to win."
    assert quotes(text) == []
    wider = quotes(text, kinds=("speech", "thought", "intent"))
    assert [summary(q)[1:4] for q in wider] == [
        ("the bridge will open in May", "believe", "Berg"),
        ("the bridge to open in June", "want", "Sokolov"),
        ("to win", "hop", "Ellison"),  # spaCy's lemma of "hopes"
    ]


# --- dates --------------------------------------------------------------------------------------------


def test_a_quote_is_dated_by_the_time_governing_its_cue():
    from newswire.times import extract_times

    text = "Berg said on Thursday that the bridge would open in May. Sokolov said the delay was regrettable."
    doc = parse(text)
    thursday, later = extract_quotes(doc, extract_entities(doc), published="2024-03-08", times=extract_times(doc, published="2024-03-08"))
    assert (thursday.date, later.date) == ("2024-03-07", "2024-03-08")
    assert [q.date for q in quotes(text)] == [None, None]


def test_seed_assad_said_thursday(seed):
    assert quote_with(seed, "he will only finalize the deal").date == "2013-09-12"
    assert quote_with(seed, "What happened is that he has committed").date == "2013-09-13"


# --- mixed quotes ------------------------------------------------------------------------------------


def test_reported_clause_with_a_quoted_word_is_mixed():
    text = 'Berg said the talks had been "constructive" and would continue.'
    (q,) = quotes(text)
    assert summary(q) == ("mixed", 'the talks had been "constructive" and would continue', "say", "Berg", False)


def test_a_quotation_opening_a_clause_that_goes_on_in_the_writers_words_is_mixed():
    (q,) = quotes('"We are angry" about the closure of the old bridge, Ellison said.')
    assert summary(q) == ("mixed", '"We are angry" about the closure of the old bridge', "say", "Ellison", False)


def test_naming_with_a_quoted_name_is_mixed():
    text = 'She called the plan "a disaster for the city."'
    (q,) = quotes(text)
    assert summary(q) == ("mixed", 'the plan "a disaster for the city."', "call", "She", False)


# --- headlines and transcripts --------------------------------------------------------------------


def test_headline_with_a_speaker_and_a_colon():
    text = "Anna Berg: Bridge Will Open in May\n\nThe mayor spoke on Monday."
    (q,) = quotes(text)
    assert summary(q) == ("indirect", "Bridge Will Open in May", ":", "Anna Berg", False)
    assert q.speaker_name == "Anna Berg"


def test_transcript_turns():
    text = "TAPPER: Do you think the bridge will open?\n\nBERG: I think it will open in May."
    first, second = quotes(text)
    assert summary(first) == ("indirect", "Do you think the bridge will open?", ":", "TAPPER", False)
    assert summary(second) == ("indirect", "I think it will open in May", ":", "BERG", False)


def test_a_reporting_verb_inside_a_line_is_part_of_what_its_speaker_says():
    text = "Anna Berg: Voters Will Say No to the Bridge Tax\n\nThe mayor spoke on Monday."
    assert [summary(q) for q in quotes(text)] == [("indirect", "Voters Will Say No to the Bridge Tax", ":", "Anna Berg", False)]
    text = "TAPPER: Do you think Berg said the bridge will open?\n\nBERG: I told them it will open in May."
    assert [summary(q)[1:4] for q in quotes(text)] == [
        ("Do you think Berg said the bridge will open?", ":", "TAPPER"),
        ("I told them it will open in May", ":", "BERG"),
    ]


def test_a_label_that_is_not_a_speaker_heads_no_quote():
    assert quotes("UPDATE: The bridge opened on Monday after a short delay.") == []


# --- removed spans ---------------------------------------------------------------------------------------


def test_removed_text_yields_no_quote():
    sentence = '"We will not give up on this city," Mayor Anna Berg said on Tuesday.'
    text = sentence + "\n" + sentence
    start = len(sentence) + 1
    qs = quotes(text, [Removed(start, len(text), "repeated", 0)])
    assert [(q.content.start, q.content.end) for q in qs] == [span_of(text, "We will not give up on this city")]


def test_a_repeat_inside_a_quotation_does_not_make_its_last_sentence_a_second_quote():
    repeated = "The bridge over the river is closed until further notice. "
    text = (
        f'Mayor Anna Berg said: "{repeated}{repeated}'
        'Crews will work through the weekend to reopen it," she told reporters on Friday.\n'
    )
    start = text.index(repeated) + len(repeated)
    qs = quotes(text, [Removed(start, start + len(repeated), "repeated", 0)])
    check_spans(text, qs)
    assert [(q.type, q.cue.lemma) for q in qs] == [("direct", "say")]
    assert qs[0].content.text.endswith("reopen it")


def test_a_direct_and_a_mixed_quote_over_the_same_words_with_one_cue_are_reported_once():
    from newswire.text.parse import parse as parse_text
    from newswire.quotes import _once
    from newswire.lexicon.cues import CueEntry
    from newswire.quotes.frames import Frame
    from newswire.quotes.model import Found

    say = Frame([3], CueEntry("say", "speech", ()))
    tell = Frame([40], CueEntry("tell", "speech", ()))
    direct, mixed = Found("direct", 20, 60, say), Found("mixed", 10, 60, say)
    doc = parse_text("x " * 100)
    assert _once(doc, [direct, mixed]) == [mixed]
    indirect = Found("indirect", 30, 60, say)
    assert _once(doc, [direct, indirect]) == [direct]
    # another cue's clause that only touches the quotation is a quote of its own
    other = Found("indirect", 50, 90, tell)
    assert _once(doc, [direct, other]) == [direct, other]


# --- the lexicon --------------------------------------------------------------------------------------------


def test_cue_lexicon_kinds_and_frames():
    frames = {"clause", "question", "infinitive", "object", "naming", "state", "none"}
    for entry in cue_table().values():
        assert entry.kind in ("speech", "thought", "intent"), entry
        assert all(f in frames or f.startswith("prep:") for f in entry.frames), entry
    assert {"say", "tell", "add", "warn", "insist", "claim", "blame", "accuse", "deny", "according to"} <= cue_table().keys()


def test_reporting_noun_lexicon_kinds_and_frames():
    for entry in noun_table().values():
        assert entry.kind in ("speech", "thought", "intent"), entry
        assert all(f in ("clause", "infinitive", "appeal") or f.startswith("prep:") for f in entry.frames), entry
    assert {"claim", "statement", "call", "promise", "criticism"} <= noun_table().keys()


# --- the seed article ----------------------------------------------------------------------------------------


def entity_named(analysis: Analysis, name: str) -> Entity:
    (entity,) = [e for e in analysis.entities if e.name == name]
    return entity


def quote_with(analysis: Analysis, content_start: str) -> Quote:
    (q,) = [q for q in analysis.quotes if q.content.text.startswith(content_start)]
    return q


@pytest.mark.parametrize(
    "content, kind, speaker, entity",
    [
        ("he and his Russian counterpart, Sergei Lavrov, have had \"constructive\" talks", "mixed", "U.S. Secretary of State John Kerry", "John Kerry"),
        ("he and Lavrov have agreed to do \"homework\"", "mixed", "Kerry", "John Kerry"),
        ("We both agreed to do that homework", "direct", "Kerry", "John Kerry"),
        ("he expects a report from a team", "mixed", "U.N. chief Ban Ki-moon", "Ban Ki-moon"),
        ("the report is expected on Monday", "indirect", "U.N. officials", "U.N. officials"),
        ("more than 1,400 people were killed in the attack", "indirect", "The United States", "United States"),
        ("rebels for carrying out the attack", "indirect", "The Assad government", "Assad government"),
        ("although the report is not complete", "indirect", "A spokesman for Mr. Ban", "Ban Ki-moon"),
        ("it has one month to provide details", "indirect", "Syria", "Syria"),
        ("he will only finalize the deal", "indirect", "President Bashar al-Assad", "Bashar al-Assad"),
        ("it shows the \"serious intentions\" of the Syrian government", "mixed", "Russian President Vladimir Putin", "Vladimir Putin"),
        ("it is for the people of Syria to decide", "indirect", "he", "Ban Ki-moon"),
        ("What happened is that he has committed many crimes", "direct", "he", "Ban Ki-moon"),
        ("the international community must press for a political solution", "indirect", "Mr. Ban", "Ban Ki-moon"),
        ("that the diplomats had a working lunch", "indirect", "VOA's State Department Correspondent Scott Stearns", "Scott Stearns"),
    ],
)
def test_seed_quotes_and_their_speakers(seed, content, kind, speaker, entity):
    q = quote_with(seed, content)
    assert (q.type, q.speaker.text) == (kind, speaker)
    if entity is None:
        assert q.speaker_entity is None
    else:
        assert q.speaker_entity == entity_named(seed, entity).id
        assert q.speaker_name == entity


def test_seed_quoted_statements_are_kerry_and_ban_with_bans_inherited(seed):
    we = quote_with(seed, "We both agreed to do that homework")
    what = quote_with(seed, "What happened is that he has committed many crimes against humanity")
    assert we.inherited and what.inherited
    assert (we.cue, what.cue) == (None, None)
    # Ban's inherited quote takes the "he" of "Speaking about ..., he said", which the entity stage resolves to Ban
    said = quote_with(seed, "it is for the people of Syria to decide")
    assert what.speaker == said.speaker
    assert what.content.text.endswith("when everything is over.")


def test_seed_putins_serious_intentions_is_mixed_with_saying_as_cue(seed, seed_text):
    q = quote_with(seed, 'it shows the "serious intentions"')
    assert q.cue.text == "saying" and q.cue.lemma == "say"
    assert (q.content.start, q.content.end) == span_of(seed_text, 'it shows the "serious intentions" of the Syrian government toward resolving the conflict')


def test_seed_speaking_about_is_not_a_quote(seed):
    assert not [q for q in seed.quotes if q.content.text.startswith("calls for Mr. Assad")]


def test_seed_repeated_body_yields_no_quote(seed):
    (removed,) = seed.removed
    assert seed.quotes
    assert all(q.content.end <= removed.start for q in seed.quotes)
    contents = [q.content.text for q in seed.quotes]
    assert len(contents) == len(set(contents))


def test_seed_quote_ids_are_in_text_order(seed):
    assert [q.id for q in seed.quotes] == [f"Q{n}" for n in range(1, len(seed.quotes) + 1)]
    assert [q.content.start for q in seed.quotes] == sorted(q.content.start for q in seed.quotes)


def test_seed_spokesman_speaks_for_ban_and_stays_an_entity_coded_as_the_un(seed):
    # issue 14: a spokesperson's words are those of whom they speak for; the spokesman is still an entity of his own
    q = quote_with(seed, "although the report is not complete")
    assert seed.entity(q.speaker_entity) is entity_named(seed, "Ban Ki-moon")
    (spokesman,) = [e for e in seed.entities if any(m.start == q.speaker.start for m in e.mentions)]
    assert spokesman is not entity_named(seed, "Ban Ki-moon")
    assert spokesman.actor == "IGOUNO"


@pytest.mark.parametrize(
    "text",
    [
        # a body glued three times: a sentence copy starts after "the U.S.", the parser joins "the U.S." and
        # "State Department" across the blanked copy into one speaker phrase
        "Sudan's army and the Rapid Support Forces agreed in Jeddah to a humanitarian ceasefire, "
        "the U.S. State Department said." * 3,
        # CR-only line breaks with ad lines removed between the lines (a lone CR ends a line as "\n" does, so
        # the cue is on its speaker's line: before, "...the\rsaid the ..." was one sentence across the break)
        "The the the the the the the\rAdvertisement\rThe the the the the the the\rAdvertisement\rAdvertisement\r"
        "The the the the the the the said the the the the the the\rAdvertisement\rThe the the the the the the",
    ],
    ids=["repeat after an abbreviation", "boilerplate lines"],
)
def test_a_speaker_phrase_never_runs_across_removed_text_or_a_line_break(text):
    # found by fuzzing (tests/test_fuzz.py): the speaker's text was cut from the blanked text
    # ('the U.S.      ...      State Department') and spanned the removed copy
    from newswire.text.clean import find_removed

    removed = find_removed(text)
    assert removed
    found = [q.speaker for q in quotes(text, removed) if q.speaker]
    assert found
    for s in found:
        assert text[s.start : s.end] == s.text
        assert "\n" not in s.text and "\r" not in s.text and "  " not in s.text, s
        assert all(s.end <= r.start or s.start >= r.end for r in removed), s


def test_a_surname_after_the_full_name_is_the_same_speaker():
    text = 'Maria Lopez, a nurse, said the ward was full. "We have no beds," Lopez said.'
    assert [q.speaker_name for q in quotes(text)] == ["Maria Lopez", "Maria Lopez"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Senator Jane Hale was away on Monday. Her office said she would vote against the bill.", "Jane Hale"),
        ("The ministry issued a statement saying the road was closed. The statement said repairs would take a week.", "ministry"),
        ("The council said in a statement that the road was closed. The statement said repairs would take a week.", "The council"),
        # a campaign speaks for its candidate
        ("Senator Lucia Ortega visited Ohio on Monday. Ortega's campaign said it raised $2 million in January.", "Lucia Ortega"),
        ("Senator Lucia Ortega visited Ohio on Monday. The Ortega campaign said the senator would stay in the race.", "Lucia Ortega"),
        # so does a team for the one it works for; with no one named it stays as it is
        ("Senator Lucia Ortega visited Ohio on Monday. Ortega's team said it raised $2 million in January.", "Lucia Ortega"),
        ("The rescue team said the miners were safe.", "The rescue team"),
    ],
)
def test_a_document_or_office_speaks_for_whoever_issued_it(text, name):
    assert {q.speaker_name for q in quotes(text)} == {name}


@pytest.mark.parametrize(
    "text, name",
    [
        # a court filing, a lawsuit, a speech, a tweet: the possessor or the participle's agent issued it
        ("Maria Lopez's brief dismissed the claims, calling them \"a fantasy.\"", "Maria Lopez"),
        ("The lawsuit filed by Acme Corp. says the city \"broke every promise.\"", "Acme Corp."),
        ("Senator Jane Doe spoke on Monday. Her speech called the bill \"a disgrace.\"", "Jane Doe"),
        ("Governor Tom Reyes's tweet said the storm was \"the worst in a century.\"", "Tom Reyes"),
    ],
)
def test_a_filing_speech_or_post_speaks_for_whoever_issued_it(text, name):
    assert {q.speaker_name for q in quotes(text)} == {name}


def test_a_document_with_no_named_issuer_is_left_as_it_is():
    # the lawyers who filed it are no named entity: the brief is not given to Maria Lopez
    qs = quotes("Maria Lopez's lawyers filed a brief on Monday. The brief argued that the ruling was \"plainly wrong.\"")
    assert [q.speaker_name for q in qs] == ["The brief"]


@pytest.mark.parametrize(
    "text, name",
    [
        # a participle on an occasion someone speaks at reports for that someone, not the occasion
        ('Attorney General Maria Lopez spoke on Monday at a news conference announcing that the company "lied to regulators for years."', "Maria Lopez"),
        ('Senator Tom Hale made the remarks during a speech attacking the governor as "a fraud."', "Tom Hale"),
        # the occasion as the object of the speaker's verb
        ("On Tuesday the Ohio senator Tom Hale opened a rally in Dayton blasting the governor for cutting school budgets.", "Tom Hale"),
    ],
)
def test_a_participle_on_an_occasion_reports_for_who_speaks_at_it(text, name):
    assert [q.speaker_name for q in quotes(text)] == [name]


def test_an_occasion_is_no_speaker():
    # the parser hangs "who added" on "the discussion": an occasion says nothing, the quote is left without a speaker
    text = ('"It was not a convincing argument," said one Democrat familiar with the discussion, who added that the '
            'White House seemed "rattled" by the opposition.')
    qs = quotes(text)
    assert qs and all(q.speaker is None or not q.speaker.text.startswith("the discussion") for q in qs)
    # nor is the relative clause set off by a comma part of the speaker's phrase
    assert qs[0].speaker is not None and qs[0].speaker.text == "one Democrat familiar with the discussion"
    assert any(q.speaker is None and "rattled" in q.content.text for q in qs)


@pytest.mark.parametrize(
    "text, speaker, name",
    [
        # a name set off with an aside after a quotation, the cue after the aside with no subject in the parse
        ("''That was a good speech you gave last night, Mr. President,'' Representative Steve Cohen, Democrat of "
         "Tennessee, told Mr. Obama as he stopped to have his picture taken with him.",
         "Representative Steve Cohen, Democrat of Tennessee", "Steve Cohen"),
        ("''I had breakfast with Pinchuk. He will see you at the Brookings lunch,'' Melanne Verveer, a Ukrainian-American "
         "then working for the State Department, wrote in a June 2012 email to Mrs. Clinton.",
         "Melanne Verveer, a Ukrainian-American", "Melanne Verveer"),
    ],
)
def test_a_name_with_an_aside_after_a_quotation_speaks_it(text, speaker, name):
    qs = quotes(text)
    check_spans(text, qs)
    assert [(q.speaker.text if q.speaker else None, q.speaker_name) for q in qs][0] == (speaker, name)


def test_a_speaker_phrase_never_starts_inside_the_quotation_before_it():
    text = ("“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside Clinton adviser, said. "
            "“I think the American people are capable of understanding that.”")
    qs = quotes(text)
    check_spans(text, qs)
    assert qs and all(q.speaker is not None and q.speaker.text.startswith("Gene Sperling") for q in qs)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a speaker phrase never ends inside a parenthesis it opens
        ('"The agency failed," said Rep. Tom Harkness (R-Ohio).', "Rep. Tom Harkness"),
        ('Mr. Walden (a view shared by all I met) said the plan "is a misguided approach."', "Mr. Walden"),
        # a closed parenthesis stays
        ('"The agency failed the public," said Rep. Tom Harkness (R-Ohio), the chairman.', "Rep. Tom Harkness (R-Ohio), the chairman"),
    ],
)
def test_a_speaker_phrase_does_not_end_inside_a_parenthesis(text, speaker):
    qs = quotes(text)
    check_spans(text, qs)
    assert [q.speaker.text for q in qs] == [speaker]


# --- lines that are not article prose (issue 14): captions, credits, labels, sub-headings, bylines ---------------


@pytest.mark.parametrize(
    "line",
    [
        "This image shows protesters outside the ministry, who said the plan would fail.",
        "In this file photo, the mayor says the bridge will reopen in May.",
        "This photo shows the mayor, who said the bridge would reopen.",
        "Residents said the water was rising (Photo: Jane Doe/Reuters)",
        "MARKETS: The index added 1.2% and traders said the rally would last.",
    ],
)
def test_a_line_that_is_not_prose_yields_no_quote(line):
    text = f"{line}\n\nThe senator said the vote would come on Tuesday."
    assert [q.content.text for q in quotes(text)] == ["the vote would come on Tuesday"]


def test_a_short_headline_with_a_subject_and_verb_is_prose():
    text = "Officials say the bridge is safe\n\nThe senator said the vote would come on Tuesday."
    assert len(quotes(text)) == 2


def test_a_byline_and_a_share_line_yield_no_quote_and_a_transcript_label_still_speaks():
    from newswire.text.parse import parse as _parse
    from newswire.document import Document

    text = "By Jane Doe\n\nShare this\n\nTAPPER: Do you think the senator will win?\n\nJake Tapper asked it on CNN."
    doc = _parse(text)
    lines = {doc[i].text for i in Document.of(doc).not_prose}
    assert {"Jane", "Share"} <= lines and "TAPPER" not in lines
    assert [q.content.text for q in quotes(text)] == ["Do you think the senator will win?"]


def test_a_picture_as_source_and_a_credited_quotation_are_prose():
    text = "Video shows that the driver had his hands up, the family said.\n\n“The most unqualified child to ever run.” ― Jane Doe"
    assert len(quotes(text)) >= 2



# --- confidence ------------------------------------------------------------------------------


def test_every_quote_has_the_confidence_its_features_and_the_weights_give():
    import math

    from newswire.quotes.confidence import features, weights

    text = ('"We will not give up on this city," Mayor Anna Berg said on Tuesday. Officials asked about how the bridge would be paid for. '
            '"The budget is a disgrace and we will fight it in court."')
    doc = parse(text, [])
    entities = extract_entities(doc)
    qs = extract_quotes(doc, entities)
    assert len(qs) == 3
    w = weights()
    for q in qs:
        f = features(doc, q, entities)
        expected = 1 / (1 + math.exp(-(w["bias"] + sum(w.get(k, 0.0) * v for k, v in f.items()))))
        assert q.confidence == round(expected, 2) and 0 <= q.confidence <= 1
    said, warned, alone = qs
    assert {"direct", "cue_say", "cue_after", "speaker_person_full"} <= set(features(doc, said, entities))
    assert {"construction_prep", "lemma_ask"} <= set(features(doc, warned, entities))
    assert {"direct", "speaker_none", "no_cue"} <= set(features(doc, alone, entities)) or alone.inherited


def test_a_quotation_a_named_person_said_is_surer_than_a_phrase_or_a_quote_with_no_speaker():
    text = ('"The budget is a disgrace and we will fight it in court."\n\n'
            '"We will not give up on this city," Mayor Anna Berg said on Tuesday. Officials warned of "long delays" on the bridge.')
    alone, said, warned = quotes(text)
    assert alone.speaker is None and warned.content.text == '"long delays" on the bridge'
    assert said.confidence >= 0.9 and said.confidence > warned.confidence > alone.confidence and alone.confidence < 0.5


def test_a_name_in_front_of_a_statement_or_announcement_is_who_issued_it():
    (q,) = quotes("A Pentagon statement said the troops would leave by Friday.")
    assert q.speaker_name == "Pentagon" and q.speaker_entity is not None
    (q,) = quotes("A Russian statement said the troops would leave by Friday.")
    assert q.speaker_entity is None  # a nationality does not say who issued it


@pytest.mark.parametrize(
    "text, name",
    [
        # a common noun heads the speaker phrase, a person's name stands in apposition to it
        ("Osman is believed to have been on the flight, his brother Alastair Osman said.", "Alastair Osman"),
        # a name the entity layer did not resolve is named by its proper nouns, not the whole phrase with its asides
        ("Matthew Prince, chief executive of CloudFlare, a San Francisco company, said that in one case the site was down.", "Matthew Prince"),
        # a bare description the parser coordinates with the name
        ("GOP presidential contender and former neurosurgeon Ben Carson said on Sunday that he was honest.", "Ben Carson"),
        # the parser heads the speaker with the dateline's place: the speaker follows the dash
        (
            "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates at the convention "
            "that the plan was careless.",
            "Michael Mukasey",
        ),
    ],
)
def test_a_speaker_is_named_by_the_persons_name_in_its_phrase(text, name):
    (q,) = quotes(text)
    assert q.speaker_name == name


def test_a_capitalised_common_noun_is_not_cut_to_a_name():
    text = "Staff for the House Select Committee on Benghazi said the panel would meet on Monday."
    (q,) = quotes(text)
    assert q.speaker_name in (None, "Staff for the House Select Committee on Benghazi", "House Select Committee on Benghazi")


def test_a_naming_participle_gives_a_name_not_a_quote():
    assert quotes('She wrote a book called "Women Who Work" last year.') == []
    assert quotes('Clinton launched a regular series dubbed "Quick Question" on Tuesday.') == []
    # the active verb still reports what its subject called something
    (q,) = quotes('Ellison called the deal "a disaster" on Monday.')
    assert q.speaker.text == "Ellison"


def test_a_finding_shows_its_object_in_a_state_and_a_person_showing_a_thing_says_nothing():
    for text, content in [
        ("Recent polls show Berg with a double-digit lead.", ["Berg with a double-digit lead"]),
        ("The poll showed Mr. Ellison losing supporters after the debate.", ["Mr. Ellison losing supporters after the debate"]),
        ("Ellison showed a video at the rally.", []),
    ]:
        assert [q.content.text for q in quotes(text)] == content


def test_the_figures_of_a_finding_go_on_in_a_participle_set_off_after_its_state():
    (q,) = quotes("A poll last week showed Berg in first place at 31 percent, followed by Sokolov at 17 percent.")
    assert q.content.text == "Berg in first place at 31 percent, followed by Sokolov at 17 percent"
    (q,) = quotes("The Monmouth poll showed Berg with a healthy lead in the city, earning 51 percent of the vote.")
    assert q.content.text == "Berg with a healthy lead in the city, earning 51 percent of the vote"
    # a participle with no figure is the writer's comment on the finding, not the finding (review, session eleven)
    (q,) = quotes("A new poll showed Governor Ann Price with a narrow lead, prompting her rivals to attack her record.")
    assert q.content.text == "Governor Ann Price with a narrow lead"


# --- names of things in quotation marks, headlines (issue 14, a user's trial) ------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        # a slogan that opens a sentence as its subject: no statement, and not the speaker's before it
        ('Several players on the Harbor City Gulls knelt on Sunday, the team said. "Hold the line, stay out" was '
         "heard from the stands as the game began.", "Hold the line, stay out"),
        ('Anna Berg spoke to the crowd on Monday. "Hold the line, stay out" has become the rallying cry of the strike.',
         "Hold the line, stay out"),
        # a chant or slogan named by its noun
        ('Pavel Sokolov said the march was peaceful, and the chant "Hold the line, stay out" went on for an hour.',
         "Hold the line, stay out"),
        # titles of works and broadcasts, in title case
        ('Anna Berg appeared on the show "Morning With Max" on Sunday and said the strike would end.', "Morning With Max"),
        ('Mark Ellison wrote a book titled "The Long Strike Ahead" and said it would sell.', "The Long Strike Ahead"),
        ('Anna Berg told "Harbor Radio Today" that the strike would end soon.', "Harbor Radio Today"),
    ],
)
def test_a_quoted_name_of_a_thing_is_no_quote(text, name):
    qs = quotes(text)
    check_spans(text, qs)
    assert not any(q.content.text.strip("\"“”'.,") == name for q in qs), [summary(q) for q in qs]


@pytest.mark.parametrize(
    "text, content",
    [
        # a statement in quotation marks stays one, however it opens its sentence
        ('"We will win this strike," Anna Berg said on Monday.', "We will win this strike"),
        ('Anna Berg spoke on Monday. "We will hold the line until the port gives in."', "We will hold the line until the port gives in."),
        # a quotation after a preposition that is no title (not title case)
        ('Anna Berg said on Monday that the port would "hold the line" until spring.', None),
        # a statement shouted in title case as a tweet keeps its speaker
        ('Pavel Sokolov tweeted: "We Will Win This Strike, Believe Me!"', "We Will Win This Strike, Believe Me!"),
    ],
)
def test_statements_in_quotation_marks_stay_quotes(text, content):
    qs = quotes(text)
    check_spans(text, qs)
    assert qs and all(q.speaker is not None for q in qs), [summary(q) for q in qs]
    if content is not None:
        assert any(q.content.text == content for q in qs), [summary(q) for q in qs]


def test_a_headline_quote_keeps_no_speaker_from_the_body():
    text = ('"We Will Not Back Down," He Vows\n\nHARBOR CITY — Union leader Anna Berg spoke first on Monday. '
            'Later, Mayor Mark Ellison repeated the words at a rally: "We will not back down."')
    qs = quotes(text)
    check_spans(text, qs)
    head = [q for q in qs if q.content.start < text.index("\n")]
    assert head and all(q.speaker is None and q.speaker_entity is None for q in head), [summary(q) for q in qs]
    body = [q for q in qs if q.content.start > text.index("\n")]
    assert any(q.speaker_name == "Mark Ellison" for q in body)


def test_a_headline_names_its_own_speaker():
    text = 'Berg: "We Will Not Back Down"\n\nUnion leader Anna Berg spoke on Monday at the port gates to the strikers.'
    qs = quotes(text)
    assert [(q.content.text, q.speaker_name) for q in qs] == [("We Will Not Back Down", "Anna Berg")]


def test_a_thought_of_another_source_ending_the_content_is_cut_from_it():
    text = "Anna Berg said the talks had failed, and the unions believe the port will close by Friday."
    (q,) = quotes(text)
    assert summary(q) == ("indirect", "the talks had failed", "say", "Anna Berg", False)


def test_a_thought_of_the_speaker_inside_the_content_stays():
    text = "Anna Berg said she believes the port will close by Friday."
    (q,) = quotes(text)
    assert q.content.text == "she believes the port will close by Friday"


# issue 14, sixth round: the trial's wrong records, by construction


@pytest.mark.parametrize("cue", ["Replied", "Added", "Countered"])
def test_an_inverted_cue_opening_the_sentence_gives_the_quote_its_own_speaker(cue):
    # the small model tags "Replied State Department" as a name and makes no frame: the quote went to the speaker before
    text = (f"Israeli Prime Minister Pavel Sokolov said the talks would resume. \"We are ready,\" Sokolov said.\n"
            f"{cue} State Department spokesman Mark Ellison, \"We have seen no sign of that.\"")
    q = next(q for q in quotes(text) if q.content.text.startswith("We have seen"))
    assert q.speaker.text == "State Department spokesman Mark Ellison" and q.speaker_name == "Mark Ellison"
    assert not q.inherited and q.cue.text == cue


def test_a_sentence_opening_with_a_past_verb_not_of_speech_gives_no_speaker():
    text = "\"We are ready,\" Sokolov said.\nWorried State Department officials, \"We have seen no sign of that.\""
    q = next(q for q in quotes(text) if q.content.text.startswith("We have seen"))
    assert q.cue is None or q.cue.text != "Worried"


def test_transcript_turns_go_to_their_labels():
    text = ("Senator Lindsey Graham spoke to Chris Wallace on Sunday.\n\n"
            "WALLACE: Senator, the president said last week, \"We will win this fight.\" Do you agree with him?\n\n"
            "GRAHAM: I do. But the House has to act.\n")
    qs = quotes(text)
    names = {q.content.text.split()[0]: q.speaker_name for q in qs}
    assert names == {"Senator,": "Chris Wallace", "I": "Lindsey Graham"}


def test_a_figure_ending_the_content_keeps_its_percent_sign():
    text = "Ford Motor Co. said its third-quarter profit fell 20%."
    (q,) = quotes(text)
    assert q.content.text == "its third-quarter profit fell 20%"


@pytest.mark.parametrize("text, name", [
    # (the ministry in full, as the article first writes it: session seventeen, `_office_in_full`)
    ("The ministry of trade issued new rules. A spokesman for the ministry said the bridge would open in May.", "ministry of trade"),
    ("Sony Corp. bought the studio. A Sony spokesman said the deal would close soon.", "Sony Corp."),
    ("Anna Berg is running. Berg's spokeswoman said the bridge would open.", "Anna Berg"),
])
def test_an_unnamed_spokesperson_speaks_for_whom_they_speak_for(text, name):
    (q,) = quotes(text)
    assert q.speaker_name == name and q.speaker_entity is not None


def test_a_named_spokesperson_is_their_own_speaker():
    text = "Sony Corp. bought the studio. Sony spokesman Mark Ellison said the deal would close soon."
    (q,) = quotes(text)
    assert q.speaker_name == "Mark Ellison"


def test_a_transcript_label_with_a_title_speaks_as_the_person_it_names():
    # the parser heads "SEN. JOHN SMITH" with "SEN." (a sentence of its own)
    text = "SEN. JOHN SMITH: I think the plan is dead.\n"
    (q,) = quotes(text)
    assert q.speaker.text == "SEN. JOHN SMITH" and q.speaker_name == "JOHN SMITH" and q.speaker_entity is not None


def test_a_cue_hung_unlabelled_on_the_verb_before_takes_its_subject():
    # the parser makes "revealed" a bare "dep" of "paused": the subject of "paused" speaks
    text = "Anna Berg paused, then revealed that the plan had failed."
    (q,) = quotes(text)
    assert q.speaker.text == "Anna Berg" and q.speaker_name == "Anna Berg"


# --- speakers: who a pronoun, a coordination or a document stands for ------------------------


def test_a_reporting_pronoun_outside_quotation_marks_is_not_whom_the_quotation_names():
    (q,) = quotes("“You know, I love Pavel Sokolov,” he said.")
    assert q.speaker.text == "he" and q.speaker_entity is None and q.speaker_name is None
    text = "Anna Berg visited the bridge on Monday. “I have known Pavel Sokolov for years,” she said."
    (q,) = quotes(text)
    assert q.speaker_name == "Anna Berg"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Senators Mark Ellison and Pavel Sokolov met on Monday. Mr. Ellison and Mr. Sokolov said the bill would pass.",
         "Mark Ellison and Pavel Sokolov"),
        ("Anna Berg and her aides said the bill would pass.", "Anna Berg and her aides"),
        ("Mark Ellison, the committee chairman, and Anna Berg said the deal was bad.", "Mark Ellison and Anna Berg"),
    ],
)
def test_coordinated_speakers_are_named_together_and_given_to_neither_alone(text, name):
    q = quotes(text)[-1]
    assert q.speaker_name == name and q.speaker_entity is None


def test_a_description_coordinated_with_a_name_is_that_person():
    (q,) = quotes("Mark Ellison, director of the bridge authority, and a Republican who led the council, said the deficit would grow.")
    assert q.speaker_name == "Mark Ellison" and q.speaker_entity is not None


@pytest.mark.parametrize(
    "text, name",
    [
        ("Senator Mark Ellison sent a letter to the agency on Monday. The agency has not replied. "
         "The letter said the agency had failed to act.", "Mark Ellison"),
        ("Anna Berg toured Ohio on Monday. Her campaign has struggled there. The campaign said the polls were wrong.", "Anna Berg"),
    ],
)
def test_a_document_or_campaign_speaks_for_the_one_issuer_the_article_gives_it(text, name):
    q = quotes(text)[-1]
    assert q.speaker_name == name and q.speaker_entity is not None


def test_a_pronoun_reporting_a_long_quotation_is_whom_the_text_named_before_it():
    # the quotation runs to four sentences: its speaker was named before it, further back than the pronoun window
    text = ("Anna Berg spoke in Dayton on Monday. She praised the volunteers for their work. "
            "“The bridge is open. The road is paved. The school has a roof. And the clinic has doctors,” she said.")
    q = quotes(text)[-1]
    assert q.speaker.text == "she" and q.speaker_name == "Anna Berg"
    # without the quotation in between the pronoun still reaches only the nearest sentences
    far = ("Anna Berg spoke in Dayton on Monday. The hall was full. The bridge was closed. The road was wet. "
           "The weather was cold. She said the clinic has doctors.")
    assert quotes(far)[-1].speaker_name is None


def test_a_pronoun_after_a_quotation_that_names_another_fitting_person_stays_unresolved():
    # a woman named inside the quotation could be whom "she" stands for as well: either of two, so neither
    text = ("Anna Berg spoke in Dayton on Monday. She praised the volunteers for their work. "
            "“Maria Lopez was here every day. She built the clinic. She hired the doctors. She paid the nurses,” she said.")
    q = quotes(text)[-1]
    assert q.speaker.text == "she" and q.speaker_entity is None and q.speaker_name is None


def test_a_statement_issued_by_an_office_speaks_for_whom_the_office_serves():
    text = ("Mark Ellison toured Ohio on Monday. A statement issued by the Ellison campaign on Tuesday was short. "
            "The statement said the polls were wrong.")
    q = quotes(text)[-1]
    assert q.speaker.text == "The statement" and q.speaker_name == "Mark Ellison" and q.speaker_entity is not None
    # a name in front of the document is its issuer before an office that released it
    text = "The trips cost $80,000, according to a Harbor Watchdog report released by the governor's office."
    assert quotes(text)[-1].speaker_name == "Harbor Watchdog"


def test_a_participle_after_a_comma_on_an_object_is_the_subjects():
    # the parser hangs "declaring" on the object's noun: a vote does not speak, the chairman does
    text = "The chairman, Mark Ellison, called for a voice vote, and then a visual vote, declaring after both that the request was denied."
    q = quotes(text)[-1]
    assert q.cue.text == "declaring" and q.speaker_name == "Mark Ellison"


def test_a_document_with_two_issuers_in_the_article_stays_unresolved():
    text = ("Anna Berg and Mark Ellison toured Ohio. Berg's campaign and Ellison's campaign spent heavily. "
            "The campaign said the polls were wrong.")
    q = quotes(text)[-1]
    assert q.speaker_entity is None and q.speaker_name == "The campaign"


@pytest.mark.parametrize(
    "text",
    [
        "Senator Anna Berg urged Congress to act on the bill.",
        "Sokolov asked the crowd to welcome the governor.",
        "The family called on people to protest peacefully.",
        "Berg encouraged her supporters to visit the polling stations.",
        "The judge ordered the city to reopen the bridge.",
        # the same act asked for by "for ... to", by a noun that asks, or of a passive's subject, whose asker is not it
        "Berg called for the city to close the bridge.",
        "The mayor repeated her call for the state to close the bridge.",
        "The mayor's call to close the bridge was ignored.",
        "The council made a request to reopen the bridge.",
        "Berg was asked to name one achievement of the council.",
        "Asked to respond to the criticism, Berg declined.",
        # an infinitive of the cue itself with no subject of its own is why the speaker asked, not what was said
        "A senior official requested anonymity to discuss the talks.",
        # nor does a cue inside the act asked for: nobody has said it yet
        "Berg calls on Sokolov to apologize for suggesting the bridge is unsafe.",
        "Berg was encouraging her supporters at a rally to ask why the bridge had closed.",
    ],
)
def test_asking_someone_to_act_is_an_appeal_not_a_quote(text):
    # the cue's object is asked to do something: no words are reported
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("Berg vowed to fight the tax.", "to fight the tax"),
        ('Berg urged Congress to "act now, before the bridge falls."', 'Congress to "act now, before the bridge falls."'),
        ("The mayor's call to “close the bridge before it falls” was ignored.", "to “close the bridge before it falls”"),
        # a participle after a comma goes on with the appeal's speaker, wherever the parser hangs it
        ("The senator called on voters to turn out in large numbers, arguing that the race was close.", "that the race was close"),
        # a small clause saying what its subject is, under a cue that asks for nothing
        ("Nine percent found it to be a deterrent.", "it to be a deterrent"),
    ],
)
def test_a_promise_or_a_quoted_appeal_is_still_a_quote(text, content):
    (q,) = quotes(text)
    assert q.content.text == content



@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Then there’s Berg.\n\n“Kind of puzzling as to why the mayor's people are so openly, if quietly, laying out her budget plan "
            "a month early. #Justsayit,” he wrote last spring after The Boston Globe published a story about the city’s efforts to "
            "make the mayor more popular.",
            "Kind of puzzling as to why the mayor's people are so openly, if quietly, laying out her budget plan a month early. #Justsayit",
            "he",
        ),
    ],
)
def test_a_clause_the_parser_hangs_on_the_cue_with_its_own_subordinator_is_when_not_what(text, content, speaker):
    # "after ..." says when it was written: no indirect quote of it, and the quotation keeps the cue's speaker
    qs = quotes(text)
    check_spans(text, qs)
    assert [summary(q) for q in qs] == [("direct", content, "write", speaker, False)]


def test_a_speaker_the_parser_leaves_out_is_the_noun_a_who_clause_before_the_cue_describes():
    text = ("Although there is no such link with Berg's office, a city hall official who spoke anonymously to discuss internal "
            'planning said Tuesday, "Certainly there are talks between the mayor and the Berg campaign."')
    (q,) = quotes(text)
    check_spans(text, [q])
    assert summary(q) == ("direct", "Certainly there are talks between the mayor and the Berg campaign.", "say", "a city hall official", False)


def test_an_adjective_standing_for_a_person_speaks_and_its_phrase_holds_no_quotation():
    text = "The teacher from Ohio posted the clip on Monday.\n\n“What if the mayor had singing lessons?” the 43-year-old asked in the video’s description."
    (q,) = quotes(text)
    check_spans(text, [q])
    assert summary(q) == ("direct", "What if the mayor had singing lessons?", "ask", "the 43-year-old", False)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Tom Becker, the governor, spoke on Monday. “The budget is balanced,” the 61-year-old Republican said.", "Tom Becker"),
        ("Maria Alvarez, a Democrat, criticized the plan on Monday. “It will ruin the farms,” the first-term senator said.", "Maria Alvarez"),
        ("The teacher Ann Lee posted the clip on Monday.\n\n“What if the mayor had singing lessons?” the 43-year-old asked in the video’s description.", "Ann Lee"),
    ],
)
def test_a_description_speaks_for_the_person_just_named_as_the_subject(text, name):
    (q,) = quotes(text)
    assert q.speaker_name == name and q.speaker_entity is not None


@pytest.mark.parametrize(
    "text, speaker",
    [
        # two people named: either could be the senator
        ("Ann Lee attacked Tom Becker on Monday after the veteran senator said the farms were doing well.", "the veteran senator"),
        # the governor was someone of their own before
        ("Ann Lee met the governor on Monday. The governor said the farms were doing well.", "The governor"),
        # a role's holder introduced by whose role it is, or by the named body whose office it is
        ("Ann Lee criticized the plan on Monday. The premier of the state said the farms were doing well.", "The premier of the state"),
        ("Ann Lee criticized the plan on Monday. The Ohio attorney general said the plan was legal.", "The Ohio attorney general"),
    ],
)
def test_a_description_that_may_be_someone_else_is_left_as_written(text, speaker):
    (q,) = quotes(text)
    assert q.speaker.text == speaker and q.speaker_name != "Ann Lee"


def test_went_on_after_a_quotation_gives_it_its_own_speaker():
    # "go on" reports like "continue": the quotation is Alvarez's, not inherited from Becker's before it
    text = ("Tom Becker criticized the plan on Monday. “It will ruin the farms,” he said.\n\n"
            "“And it is a bit concerning to me because it would end the subsidies we know,” Maria Alvarez went on.")
    qs = quotes(text)
    check_spans(text, qs)
    assert [(q.speaker_name, q.inherited) for q in qs] == [("Tom Becker", False), ("Maria Alvarez", False)]



@pytest.mark.parametrize(
    "text, names",
    [
        # signed on the same line, one after another (a readers' sheet), and on a line of its own with a description
        ("Readers wrote to us after the debate.\n\n“The plan will ruin the farms we grew up on.” ― Sonia Herrera\n\n"
         "“He is not ready to lead a country of this size.”― Pablo Ortega. Getty/Instagram.",
         ["Sonia Herrera", "Pablo Ortega"]),
        ('Reid spoke on Thursday.\n\n"He can have intelligence briefings," Reid said.\n\n'
         '"The whole idea of a rigged vote is something we hear about all the time, and it needs to stop."\n\n'
         "-Michelle Marks, Philadelphia.",
         ["Reid", "Michelle Marks"]),
        # on a line of its own after a blank line: a title and a name the tagger makes a person (the commit's example),
        # a given name and a surname
        ('The Senate voted on Friday.\n\n"This is a victory for the families who fought for it."\n\n'
         "-President Obama, tweeting after the vote", ["Obama"]),
        ("Readers wrote to us after the debate.\n\n“The plan will ruin the farms we grew up on.”\n\n― Martha Aguilar",
         ["Martha Aguilar"]),
    ],
)
def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons(text, names):
    qs = quotes(text)
    check_spans(text, qs)
    assert [q.speaker_name for q in qs] == names and not any(q.inherited for q in qs)
    assert all(q.speaker.text == text[q.speaker.start : q.speaker.end] and q.speaker.text[0].isalpha() for q in qs)


@pytest.mark.parametrize(
    "text",
    [
        # a credit line goes on after the name: no signature, the quotation goes on with the speaker before it
        'We had hoped for more, says Nasser Tahboub, a teacher. "Now we see that hope eroded. For me, it is a great tragedy." '
        "--- Geraldine Brooks in Amman, Jordan, contributed to this article.",
        # a line that opens with a dash and a name but is a sentence of its own
        '"We will fix the roads and the schools," the mayor said.\n\n"Nobody believed it could be done in one year."\n\n'
        "- John Smith, a teacher at the school, says the plan will fail.",
    ],
)
def test_a_dash_and_a_name_that_are_no_signature_give_the_quotation_no_speaker(text):
    qs = quotes(text)
    check_spans(text, qs)
    assert not any(q.type == "direct" and q.speaker is not None and q.speaker_name in ("Geraldine Brooks", "John Smith") for q in qs)


def test_a_signature_of_capitalised_words_that_name_no_person_gives_no_speaker():
    # two capitalised words are not a name: no person entity and no given name, so the signer is no speaker
    for signed in ("“We will rebuild the town, whatever it costs us.” — Staff Writer",
                   "“The plan will ruin the farms we grew up on.” — Opinion Desk",
                   "“The plan will ruin the farms we grew up on.”\n\n― Editorial Board"):
        text = "Readers wrote to us after the debate.\n\n" + signed
        qs = quotes(text)
        check_spans(text, qs)
        assert not any(q.speaker is not None or q.speaker_name for q in qs), signed


@pytest.mark.parametrize("verb", ["told", "warned"])
def test_a_contracted_is_before_a_verb_of_the_one_told_gives_no_speaker(verb):
    # "He’s told that ...": the subject is the one spoken to (data/addressee_verbs.txt), not the speaker
    text = f"Tom Becker runs the farm. He’s {verb} that the subsidies will end next year."
    (q,) = quotes(text)
    check_spans(text, [q])
    assert q.content.text == "that the subsidies will end next year" and q.speaker is None


def test_a_signed_quotation_passes_its_speaker_to_no_quotation_after_it():
    # the second statement's signature names no person: it is left with no speaker, not given the first signer
    text = ("Readers wrote to us after the debate.\n\n“The plan will ruin the farms we grew up on.” ― Sonia Herrera\n\n"
            "“Nobody in this town believes the plan will work.” ― Getty Images")
    qs = quotes(text)
    assert [q.speaker_name for q in qs] == ["Sonia Herrera", None] and not qs[1].inherited


def test_a_list_items_dash_is_not_part_of_the_speaker():
    text = "What we are reading:\n-Lynn Vavreck finds that bringing up gender in the election hurts the candidate. [NYT]"
    (q,) = quotes(text)
    check_spans(text, [q])
    assert q.speaker.text == "Lynn Vavreck" and q.speaker_name == "Lynn Vavreck"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Look at Senator Tom Becker. He's said he gets his ideas about farm policy from a novel.", "He"),
        ("While she's argued that the plan will fail, Ann Lee must decide what she will do.", "she"),
    ],
)
def test_a_contracted_has_before_the_cue_keeps_its_subject_as_the_speaker(text, speaker):
    (q,) = quotes(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("nickname", ['"Bobby"', "“Bobby”"])
def test_a_nickname_inside_a_persons_name_is_no_quote(nickname):
    # the entities stage reads "Robert C. "Bobby" Scott" as one name: the quoted nickname is part of it, not words said
    text = f"Rep. Robert C. {nickname} Scott spoke first at the hearing on Tuesday. Scott said the bill would help schools."
    qs = quotes(text)
    check_spans(text, qs)
    assert [(q.type, q.content.text) for q in qs] == [("indirect", "the bill would help schools")]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_contracted_has_the_parser_takes_for_the_subject_is_not_the_speaker(apostrophe):
    # with a curly apostrophe the parser reads "’s" as the subject of "said" and "He" under it: the speaker was "He’s"
    text = f"Tom Becker runs the farm in Ohio. He{apostrophe}s said that the prices will fall next year."
    (q,) = quotes(text)
    check_spans(text, [q])
    assert q.speaker is not None and q.speaker.text == "He" and q.speaker_name == "Tom Becker"


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_supposition_under_let_is_no_quote(apostrophe):
    # "Let’s say ..." supposes; nobody said it (the parser reads "’s" as the subject of "say")
    for text in (f"Let{apostrophe}s say you think an undergraduate degree will cost $160,000.",
                 f"Let{apostrophe}s say the plan fails next year and the farms close."):
        assert quotes(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "It's said that the mayor gets his ideas from a novel.",  # a passive "it is said": no one named
        "He's said to be ill, and his doctors are worried.",  # a passive with an infinitive
    ],
)
def test_a_passive_is_said_names_no_speaker(text):
    assert all(q.speaker is None for q in quotes(text))


def test_a_speaker_described_by_a_passive_who_clause_before_the_cue_speaks():
    text = ("“The agents involved are under a lot of pressure and are busting a gut,” an intelligence source, who was not "
            "authorized to speak on the record, told Fox News.")
    (q,) = quotes(text)
    check_spans(text, [q])
    assert q.type == "direct" and q.speaker.text == "an intelligence source" and "source" not in q.content.text


def test_a_speaker_described_by_a_participle_before_the_cue_speaks_and_is_not_content():
    # the parser leaves "said" without a subject and hangs the name on the quotation's verb
    text = ("“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat and "
            "“Ted Cruz” campaign pins, said matter-of-factly as confetti fluttered down around him.")
    qs = quotes(text)
    check_spans(text, qs)
    assert [(q.type, q.content.text, q.speaker_name) for q in qs] == [
        ("direct", "We’ve had more successful conventions than this one", "Bill Eastland")
    ]


def test_a_quotation_after_a_sentence_whose_root_is_a_thought_cue_with_nothing_to_report_is_its_subjects():
    # "agreed" reports nothing of its own: the quotation after it is Bystrom's, not inherited from Robinson
    text = ('"Candidates who skipped Iowa have failed to compete there," said Craig Robinson, editor of the site.\n\n'
            "Dianne Bystrom agreed. \"Mainstream Republicans are running out of time to find an alternative.\"")
    qs = quotes(text)
    assert [q.speaker_name for q in qs] == ["Craig Robinson", "Dianne Bystrom"]


@pytest.mark.parametrize(
    "text",
    [
        # the thought cue is not its sentence's main verb
        '"We expected more from the party," said Craig Robinson, editor of the Bystrom-supporting site.\n\n'
        '"Mainstream Republicans are running out of time to find an alternative."',
        '"We expected more from the party," said Craig Robinson, who has known Dianne Bystrom for years.\n\n'
        '"Mainstream Republicans are running out of time to find an alternative."',
    ],
)
def test_a_thought_cue_inside_the_sentence_of_a_quote_gives_the_next_quotation_no_speaker(text):
    qs = quotes(text)
    assert [q.speaker_name for q in qs] == ["Craig Robinson", "Craig Robinson"]


def test_a_they_after_a_coordinated_subject_gives_no_one_conjunct_as_the_speaker():
    # "They" is the police and the army together, no one entity: better no speaker than one of the two
    text = "The police and the army disagreed. They said the report was false."
    (q,) = quotes(text)
    assert q.speaker.text == "They" and q.speaker_entity is None and q.speaker_name is None


def test_a_whose_phrase_the_parser_left_without_its_verb_is_the_speaker_not_the_first_verbs_subject():
    # "X was criticised by Y, whose minister, Z, said ...": the parser makes "said" a conjunct of "criticised", whose
    # (passive) subject is not the speaker; the whose-phrase is (a new user's trial, session eleven)
    import newswire

    def speakers(text):
        return [q.speaker_name for q in newswire.analyze(text, published="2024-06-04").quotes]

    assert speakers("The agreement was criticised by Uruguay, whose foreign minister, Omar Paganini, said on Monday "
                    "that it ignored the rules of the bloc.") == ["Omar Paganini"]
    assert speakers("Critics attacked the plan, whose author, John Smith, said last week that it would save money.") == ["John Smith"]
    # a whose-phrase with a verb of its own is not touched
    assert speakers("The plan was criticised by the union, whose leader, Maria Alvarez, said on Monday that it would cost jobs.") == ["Maria Alvarez"]
    assert speakers("Smith met the envoy, whose country had protested, and said that talks would go on.") == ["Smith"]
    # a whose-phrase with a verb of its own, or a question, is not the speaker (review, session eleven)
    assert speakers("Senator Jane Smith praised the charity, whose work she has long supported, and said it would get "
                    "more money.") == ["Jane Smith"]
    assert speakers("Mayor Tom Reed thanked the volunteers, whose efforts he called heroic, and said the park would reopen.") == ["Tom Reed"]
    assert "whose car" not in speakers("The officer asked whose car it was and said the owner would be fined.")


def test_a_quotation_after_a_sentence_closed_by_two_marks_opens_a_statement():
    from newswire.text.marks import starts_statement

    text = "He spoke on NBC's ''Meet the Press.'' ''She lies like crazy,'' he said of Ms. Reyes."
    assert starts_statement(text, text.index("''She"))  # PTB's two-character closing mark after the full stop
    text = 'He spoke on the show "Meet the Press." "She lies like crazy," he said.'
    assert starts_statement(text, text.index('"She'))
    text = "He spoke on NBC's ''Meet the Press'' ''She lies like crazy,'' he said."
    assert not starts_statement(text, text.index("''She"))  # no sentence ended before it


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a digest item: the name a dash sets off before the colon labels the quotation, not the clause's subject
        ("Pollsters agree - Anna Berg: “One of the biggest lessons was a simple one: keep on contacting voters.”", "Anna Berg"),
        # the writer of an article quoted in a digest, after "by" and the outlet's possessive
        ('"The club will close at the end of December," by Times\' Mark Ellison: "The club, a fixture for years, will close."', "Mark Ellison"),
    ],
)
def test_a_name_set_off_before_a_colon_labels_the_quotation(text, speaker):
    qs = quotes(text)
    check_spans(text, qs)
    assert qs[-1].speaker is not None and qs[-1].speaker_name == speaker


def test_two_names_before_a_colon_are_no_label_of_one():
    # "A and B:" - no one of the two alone is given the quotation by the label rule
    qs = quotes("Pollsters agree - Anna Berg and Pavel Sokolov: “One of the biggest lessons was a simple one.”")
    assert all(q.speaker is None or q.speaker.text not in ("Pavel Sokolov", "Sokolov") for q in qs)


def test_a_title_followed_by_its_author_is_no_quote():
    # a digest's item: the article's title, ", by" its writer; the quotation after the colon is the article's text
    text = ('"Met accused of whitewashing baby Jesus in its nativity scene," by Post\'s Mark Ellison: "A Manhattan man '
            'is suing the Met."')
    qs = quotes(text)
    assert [q.content.text for q in qs] == ["A Manhattan man is suing the Met."]


def test_a_name_after_a_dash_in_a_clause_of_prose_is_no_label():
    # session twelve's review: the dash-and-colon label rule named the actor a clause is about as the speaker
    text = "Tributes poured in for the actor - Robin Williams: “Genie, you're free.”"
    import newswire

    quotes = newswire.analyze(text).quotes
    assert all(q.speaker_name != "Robin Williams" for q in quotes)


@pytest.mark.parametrize("text", ["Police broke up a rally denouncing the government as “a gang of thieves.”",
                                  "The government banned a meeting calling the election “a fraud.”"])
def test_who_acts_against_an_occasion_does_not_speak_for_it(text):
    # session twelve's review: the direct-object occasion rule gave the police and the government the rally's words
    import newswire

    assert all(q.speaker_name not in ("Police", "The government", "government") for q in newswire.analyze(text).quotes)


def test_who_holds_an_occasion_speaks_for_it():
    import newswire

    quotes = newswire.analyze("Senator Jane Doe opened a rally blasting the plan as “a disaster for the state.”").quotes
    assert [q.speaker_name for q in quotes] == ["Jane Doe"]


def test_a_heading_set_off_by_a_dash_is_no_part_of_a_labelled_speaker():
    text = 'REACTION - Emmanuel Macron: "This is a day of shame for Europe."'
    qs = quotes(text)
    check_spans(text, qs)
    assert [(q.speaker.text, q.speaker_name) for q in qs if q.speaker is not None] == [("Emmanuel Macron", "Emmanuel Macron")]


def test_a_cue_right_after_its_quotation_speaks_for_its_subject_after_it_not_a_dateline_before():
    # a mixed-case dateline the parser hangs on "said" as a second subject, before the quotation
    text = 'New York (AFP) – "We will not back down," said the mayor of the city on Sunday.'
    qs = quotes(text)
    check_spans(text, qs)
    assert [q.speaker.text for q in qs if q.speaker is not None] == ["the mayor of the city"]


def test_a_definite_document_speaks_for_the_issuer_of_the_same_document_named_otherwise_before():
    # "the poll" after "the survey, conducted by <issuer>": one document, one issuer (data/same_documents.txt)
    text = ("The survey, conducted by the Public Policy Institute of California, was released on Monday. "
            "The poll also shows that a majority of Republican voters will back Donald Trump.")
    assert [(q.speaker.text, q.speaker_name) for q in quotes(text) if q.speaker is not None] == [
        ("The poll", "Public Policy Institute of California")]
    # a document of another kind earlier gives no issuer: "the poll" is not that letter
    text = ("The letter, written by the Public Policy Institute of California, was released on Monday. "
            "The poll also shows that a majority of Republican voters will back Donald Trump.")
    assert [(q.speaker.text, q.speaker_name) for q in quotes(text) if q.speaker is not None] == [("The poll", "The poll")]



def test_a_clear_attribution_is_surer_than_a_doubtful_one():
    # a named person says a that-clause, against a pronoun speaker with another person just named, whose content
    # runs on past a comma into the narrator's adjunct (a picture "showing" a bare phrase, once the doubtful end of
    # this scale, is no quote at all since session twenty: tests/test_quotes_pictures20j.py)
    (clear,) = quotes("Maria Lopez, the city's finance director, said on Tuesday that the bridge would reopen in May.")
    assert quotes("Pictures posted online showed several apartments ablaze.") == []
    text = ("Maria Lopez spoke to Tom Reed about the budget. She said the plan, which was drafted last year, "
            "was sound, as the council prepared to vote.")
    (doubtful,) = quotes(text)
    assert clear.confidence >= 0.9
    assert clear.confidence > doubtful.confidence


def test_the_speaker_words_and_where_the_content_stops_are_features():
    from newswire.quotes.confidence import features

    text = "Maria Lopez spoke to Tom Reed. She said the plan was sound, as the council prepared to vote on the budget."
    doc = parse(text, [])
    entities = extract_entities(doc)
    (q,) = extract_quotes(doc, entities)
    f = features(doc, q, entities)
    assert {"speaker_pronoun", "speaker_pronoun_rival", "content_comma_adjunct"} <= set(f)
    text = "Critics said the plan was sound. The report, analysts said, showed a sharp rise in costs."
    doc = parse(text, [])
    entities = extract_entities(doc)
    last = extract_quotes(doc, entities)[-1]
    assert {"speaker_words_plural", "content_inner_cue"} <= set(features(doc, last, entities))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Berg's main argument is that the bridge was unsafe.", ("indirect", "that the bridge was unsafe", "argument", "Berg's", False)),
        ("The union's complaint was that the talks had stalled.", ("indirect", "that the talks had stalled", "complaint", "The union's", False)),
    ],
)
def test_a_reporting_noun_whose_that_clause_completes_be_is_what_was_said(text, expected):
    (q,) = quotes(text)
    assert summary(q) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The claim is that the bridge was unsafe.",  # whose claim, the writer does not say
        "Berg's claim was not that the bridge was unsafe.",  # negated
        "Berg's argument would be that the bridge was unsafe.",  # supposed
        "The problem is that the bridge was unsafe.",  # no reporting noun
        "Her claim to fame is that she once beat a chess champion.",  # a title to something, no words said
        "Berg's claim to the farm is that his father bought it.",
    ],
)
def test_a_that_clause_after_be_without_a_speaker_or_asserted_report_is_no_quote(text):
    assert quotes(text) == []
