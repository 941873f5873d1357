"""Inferences from data are no quotes (issue 14, session twenty): "The figures suggest X", "the posts indicate X",
"the daily average fell, suggesting X" give the writer's reading of data, records or pictures (data/inferring_cues.txt
with a subject of data/inferring_nouns.txt), no one's words. A person or an authored document that suggests
something ("the report suggests", "analysts suggest"), or a body's own data ("the ministry's figures suggest"), is
still a source.

Invented texts; cases the rule changes and near misses that must stay.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def quotes(text: str):
    doc = parse(text)
    return extract_quotes(doc, extract_entities(doc))


@pytest.mark.parametrize(
    "text",
    [
        "The figures suggest that the harbour economy is slowing.",
        "The leaked posts indicate the militia staged hundreds of raids.",
        "The daily average fell to four square kilometres, suggesting the advance is slowing.",
        "The data suggests that the steepest drop in arrivals began in 2008.",
        "The number of cases suggests that the outbreak is spreading.",
    ],
)
def test_data_that_suggests_is_no_speaker(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ("The report suggests that the harbour economy is slowing.", "The report", "suggests"),
        ("Analysts suggest the militia staged hundreds of raids.", "Analysts", "suggest"),
        ("Ana Ruiz suggested the plan was flawed.", "Ana Ruiz", "suggested"),
        # a quantity of people: the people suggest ("a number of" is no figure)
        ("A number of economists suggested the plan was flawed.", "A number of economists", "suggested"),
        # someone's published data is theirs to report
        ("The ministry's figures suggest that the harbour economy is slowing.", "The ministry's figures", "suggest"),
        # the figures are only what someone said: the speaker's words stay a quote
        ("The data suggests that the steepest drop began in 2008, the agency said.", "the agency", "said"),
        # not a cue of inference: data that "show" a state is left to the finding frame of data/cues.tsv
    ],
)
def test_a_person_or_authored_document_that_suggests_is_still_a_source(text, speaker, cue):
    (q,) = quotes(text)
    assert (q.speaker.text, q.cue.text) == (speaker, cue)
