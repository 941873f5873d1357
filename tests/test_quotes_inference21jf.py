"""The inference rule of data/inferring_nouns.txt (session twenty) kept to data (session twenty-one): figures who are
people speak ("Senior figures in the party suggested X"), and only a quantity after "a"/"an" hands the subject to
what its "of" counts ("a number of writers": data/quantity_nouns.txt), not an authored finding ("A study of hospital
records suggests X": the study's).

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
    "text, speaker",
    [
        ("Senior figures in the party suggested that the leader would resign.", "Senior figures in the party"),
        ("Several senior Labour figures have suggested that the leader would resign.", "Several senior Labour figures"),
        ("Opposition figures suggest the vote was rigged.", "Opposition figures"),
        ("Figures close to the prime minister indicated that he would resign.", "Figures close to the prime minister"),
        ("Figures within the Kremlin suggested the talks would fail.", "Figures within the Kremlin"),
    ],
)
def test_figures_who_are_people_speak(text, speaker):
    (q,) = quotes(text)
    assert q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        # near misses: figures that are numbers stay the writer's reading
        "Official figures suggest the economy is slowing.",
        "Figures in the report suggest the economy is slowing.",
        "The latest unemployment figures indicate that the economy is slowing.",
        # a quantity of data is data
        "A handful of photos suggest the village was burned.",
        # a rank or a side marks only figures as people: public records are records
        "State public records suggest the teacher was earning $37,000 a year.",
    ],
)
def test_figures_that_are_numbers_are_no_speaker(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("A study of hospital records suggests that the drug is safe.", "A study of hospital records"),
        (
            "An analysis of satellite images by Amnesty International indicates that the village was burned.",
            "An analysis of satellite images by Amnesty International",
        ),
        ("A review of the data suggests the plan failed.", "A review of the data"),
        ("A Reuters analysis of the figures suggests the plan failed.", "A Reuters analysis of the figures"),
        # near miss: a quantity of people still hands the subject to the people
        ("A number of economists suggested the plan was flawed.", "A number of economists"),
    ],
)
def test_an_authored_finding_of_data_is_its_authors(text, speaker):
    (q,) = quotes(text)
    assert q.speaker.text == speaker



def test_a_cue_with_its_own_speaker_inside_an_inference_reports():
    # as inside a picture: the records suggest, Baker told
    (q,) = quotes("Court records indicate that John Baker told investigators he was at home.")
    assert (q.speaker.text, q.content.text) == ("John Baker", "he was at home")


@pytest.mark.parametrize(
    "text, expected",
    [
        # near misses: a cue inside with no speaker of its own stays the data's, no quote
        ("The data suggest a growing belief that the economy is slowing.", []),
        ("The figures suggest that the harbour economy is slowing.", []),
        # an inference inside another's report still ends it, and Baker reports inside it
        ("Records show Ana Ruiz paid no tax, though the figures suggest that John Baker told investigators he was "
         "at home.", [("Records", "Ana Ruiz paid no tax"), ("John Baker", "he was at home")]),
    ],
)
def test_an_inference_keeps_its_bounds(text, expected):
    assert [(q.speaker.text, q.content.text) for q in quotes(text)] == expected
