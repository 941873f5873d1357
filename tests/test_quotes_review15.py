"""Session fifteen's review of the merged quote rounds: constructions their rules got wrong, fixed (invented sentences)."""

from __future__ import annotations

import pytest

import newswire


def quotes(text: str):
    return newswire.analyze(text, published="2024-05-01").quotes


@pytest.mark.parametrize("text, speaker", [
    ("Prosecutors described Dan Price as boasting that he could buy any official.", "Prosecutors"),
    ("Markets read the governor's speech as suggesting that rates would rise in June.", "Markets"),
])
def test_a_description_or_reading_as_saying_keeps_its_subject_as_speaker(text, speaker):
    assert [q.speaker_name for q in quotes(text)] == [speaker]


def test_a_paper_that_quotes_someone_as_saying_still_gives_the_one_quoted():
    found = quotes("The Daily Star quoted Interior Minister Ahmed Karim as saying the border would reopen.")
    assert [(q.speaker_name, q.content.text) for q in found] == [("Ahmed Karim", "the border would reopen")]


def test_a_headline_label_the_story_uses_as_a_common_word_is_no_speaker():
    text = ('Gold: Prices hit record as investors seek safety\n\nThe price of gold rose to a record on Monday. '
            '"Investors are scared," said analyst Tom Gold.')
    assert [q.content.text for q in quotes(text)] == ["Investors are scared"]


@pytest.mark.parametrize("text, content", [
    ("Finance Minister Carla Ruiz promised sweeping tax cuts for families once the deficit falls below 3 percent.",
     "sweeping tax cuts for families once the deficit falls below 3 percent"),
    ("Fry demanded the release of all political prisoners before talks can begin.",
     "the release of all political prisoners before talks can begin"),
])
def test_a_promise_or_demand_keeps_its_time_condition(text, content):
    assert [q.content.text for q in quotes(text)] == [content]
