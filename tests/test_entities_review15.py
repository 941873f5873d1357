"""Session fifteen's review of the merged entity changes: wrong speakers and codes they made, fixed (invented sentences)."""

from __future__ import annotations

import pytest

import newswire


def analysis(text: str):
    return newswire.analyze(text, published="2024-05-01")


@pytest.mark.parametrize("text, speaker", [
    ("Egypt's foreign ministry condemned the strikes. Egypt's health ministry said 14 people had been killed.",
     "Egypt's health ministry"),
    ("Kenya's foreign ministry condemned the raid. Kenya's interior ministry said three people were arrested.",
     "Kenya's interior ministry"),
])
def test_two_ministries_of_one_country_are_two_bodies(text, speaker):
    assert [q.speaker_name for q in analysis(text).quotes] == [speaker]


def test_the_same_ministry_again_is_the_same_body():
    a = analysis("Egypt's foreign ministry condemned the strikes. The foreign ministry said 14 people had been killed.")
    assert [q.speaker_name for q in a.quotes] == ["Egypt's foreign ministry"]


@pytest.mark.parametrize("text, speaker", [
    ("A spokeswoman for the Kenyan foreign ministry, Jane Atieno, said the talks would continue in Nairobi.", "Jane Atieno"),
    ("The talks would continue, according to a spokeswoman for the Nigerian army, Grace Okafor.", "Grace Okafor"),
])
def test_a_named_spokesperson_of_a_body_is_the_speaker(text, speaker):
    assert [q.speaker_name for q in analysis(text).quotes] == [speaker]


def test_a_company_with_a_state_word_in_its_name_is_still_the_company():
    a = analysis("Saudi Arabian Military Industries signed a $2 billion deal with Lockheed Martin on Monday. "
                 "The company said the deal would create 4,000 jobs in the kingdom.")
    assert [q.speaker_name for q in a.quotes] == ["Saudi Arabian Military Industries"]


@pytest.mark.parametrize("text, name", [
    ("The White House Correspondents' Association criticized the ban.", "White House Correspondents' Association"),
    ("The FBI Agents Association criticized the budget.", "FBI Agents Association"),
])
def test_an_association_named_after_a_state_body_is_not_that_body(text, name):
    (org,) = [e for e in analysis(text).entities if e.name == name]
    assert org.actor is None or org.actor[3:6] not in ("GOV", "COP", "SPY", "MIL", "LEG")


@pytest.mark.parametrize("text, name", [
    ("McDonald's said it would close its dining rooms.", "McDonald's"),
])
def test_a_brand_s_possessive_that_possesses_nothing_is_part_of_its_name(text, name):
    assert name in [e.name for e in analysis(text).entities]


@pytest.mark.parametrize("text, name", [
    ("Macy's chief executive said sales fell.", "Macy"),
    ("The server was no more vulnerable than the State Department's.", "State Department"),
])
def test_a_possessive_of_something_is_not_part_of_the_name(text, name):
    assert name in [e.name for e in analysis(text).entities]
