"""Speakers of quotes already found (issue 14, session fourteen): an aside the parser took for what was said, an
unnamed spokesperson for a described body, an honorific of the other person than the linked one's, a group's fuller
description given only after the quote.

Invented texts; each rule has a case it changes and a case pinning the other side.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def quotes(text: str) -> list[tuple[str, str | None]]:
    doc = parse(text)
    return [(q.content.text, q.speaker_name) for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize(
    "text, content, name",
    [
        # a participle set off by commas between the name and the cue is no clause reported: the name speaks
        ("House Speaker Paul Ryan, asked about the budget on Thursday, said he wanted to resolve the issue.",
         "he wanted to resolve the issue", "Paul Ryan"),
        # the other side: a clause before a cue with a subject of its own is what was said
        ("Senator Ann Keller asked about the budget on Thursday, aides said.", "Senator Ann Keller asked about the budget on Thursday", "aides"),
    ],
)
def test_aside_between_name_and_cue(text, content, name):
    found = quotes(text)
    assert (content, name) in found
    assert len(found) == 1  # the aside is no second quote


@pytest.mark.parametrize(
    "text, name",
    [
        # "the ministry" describes the one ministry named before: the spokesman speaks for it
        ("The Ministry of Finance raised taxes on Monday. A spokesman for the ministry said the increase was temporary.",
         "Ministry of Finance"),
        # the noun in front of the spokesperson, as "the company" would
        ("Acme Corp. cut 400 jobs on Friday. A company spokesman said the cuts were needed.", "Acme Corp."),
        ("Acme Corp. and Zenith Inc. cut 400 jobs on Friday. A company spokesman said the cuts were needed.", None),
        # two ministries named: which one the spokesman speaks for is not said
        ("The Ministry of Finance and the Ministry of Defence met on Monday. A spokesman for the ministry said the increase "
         "was temporary.", None),
    ],
)
def test_spokesperson_for_described_body(text, name):
    ((content, speaker),) = quotes(text)
    assert content in ("the increase was temporary", "the cuts were needed")
    if name is None:
        assert speaker not in ("Ministry of Finance", "Ministry of Defence", "Acme Corp.", "Zenith Inc.")
    else:
        assert speaker == name


@pytest.mark.parametrize(
    "text, name",
    [
        # "Mr." said of a person the article calls "Mrs.": the entity layer joined two people, the speaker stays as written
        ("Hillary Clinton spoke in Iowa on Monday with her husband. Mrs. Clinton thanked voters. Mr. Clinton said the "
         "campaign was strong.", "Mr. Clinton"),
        # the same honorific: the full name
        ("Hillary Clinton spoke in Iowa on Monday. Mrs. Clinton said the campaign was strong.", "Hillary Clinton"),
    ],
)
def test_honorific_of_the_other_gender(text, name):
    assert quotes(text) == [("the campaign was strong", name)]


@pytest.mark.parametrize(
    "text, name",
    [
        # the group's fuller description comes only after the quote: not what "Officials" points back to
        ("Officials said the roof was unsafe. School officials closed the building on Monday.", "Officials"),
        ("Unions say the law is unfair. Private-sector unions lost members last year.", "Unions"),
        # given before, it is what the bare plural takes up
        ("School officials closed the building on Monday. Officials said the roof was unsafe.", "School officials"),
    ],
)
def test_description_given_later(text, name):
    assert [n for _, n in quotes(text)] == [name]


@pytest.mark.parametrize(
    "text, name",
    [
        # whoever a paper or a broadcaster quotes "as saying" speaks, not the paper
        ("Local newspapers quoted Maria Salgado as saying she had no regrets.", "Maria Salgado"),
        ("\u201cWe will not give up,\u201d the paper quoted Anna Kowalska as saying.", "Anna Kowalska"),
        # the passive, as before: the one quoted is the subject
        ("Tom Baker was quoted as saying the plan was sound.", "Tom Baker"),
    ],
)
def test_quoted_as_saying_is_the_one_quoted(text, name):
    assert [n for _, n in quotes(text)] == [name]


@pytest.mark.parametrize(
    "text, name",
    [
        # a name in apposition to a title the parser tags a proper noun is who the title is
        ("The Federal Minister for the Environment, David Kemble, says inspectors will test fuel at refineries.", "David Kemble"),
        # a spokesman named after the person he speaks for is himself the speaker
        ("A spokesman for provincial governor Gul Khan, Akbar Rahimi, says the man was arrested when he left the ward.",
         "Akbar Rahimi"),
        # an unnamed one still speaks for the governor, as before
        ("A spokesman for provincial governor Gul Khan says the man was arrested when he left the ward.", "Gul Khan"),
    ],
)
def test_a_named_title_or_spokesperson_is_the_speaker(text, name):
    assert [n for _, n in quotes(text)] == [name]
