"""Tone: GDELT-style word counts over the VADER lexicon, per article (cleaned text) and per quote (its content)."""

from __future__ import annotations

import pytest

import newswire
from newswire.lexicon import load_list
from newswire.lexicon.tone import MIN_VALENCE, _lexicon, make_tone, tone_of
from newswire.records import Analysis
from newswire.text.parse import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def tone(text: str):
    return newswire.analyze(text, stages=["tone"]).tone


def test_positive_and_negative_news_get_the_sign_of_their_words():
    good = tone("The two leaders signed a peace agreement and praised the successful talks.")
    bad = tone("The bombing killed dozens of civilians and wounded hundreds, and the attack was condemned.")
    assert good.score > 0 and good.positive_words >= 3 and good.negative_words == 0
    assert bad.score < 0 and bad.negative_words >= 3 and bad.positive_words == 0


def test_the_figures_are_gdelts_formulas_over_the_counts():
    t = tone("Rebels attacked the town on Friday, but aid workers said the rescue was a success and praised the volunteers.")
    assert t.words == 19
    assert t.score == round(100 * (t.positive_words - t.negative_words) / t.words, 2)
    assert t.positive == round(100 * t.positive_words / t.words, 2)
    assert t.negative == round(100 * t.negative_words / t.words, 2)
    assert t.polarity == round(100 * (t.positive_words + t.negative_words) / t.words, 2)
    assert make_tone(0, 0, 0).score == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "The talks were not good.",  # a predicate negated with its verb
        "It was not a good idea.",  # a modifier of a negated predicate noun
        "They made no progress.",  # a determiner
        "The vote passed without support.",  # "without"
        "The minister never praised the plan.",  # "never"
    ],
)
def test_a_negated_word_counts_neither_way(text):
    t = tone(text)
    assert t.positive_words == t.negative_words == 0


def test_the_subject_of_a_negated_verb_keeps_its_tone():
    t = tone("The attack did not kill anyone.")
    assert (t.positive_words, t.negative_words) == (0, 1)  # "attack"; "kill" is negated


def test_names_function_words_and_news_senses_carry_no_tone():
    # "United", "Free", "Justice" are names; "like" a preposition, "no" negates; "party", "security", "argued" are news senses
    t = tone("The United Nations, the Free Syrian Army and the Justice Department argued like the party about security.")
    assert t.positive_words == t.negative_words == 0


def test_removed_text_does_not_count():
    body = "Officials praised the successful rescue of the miners.\n\nThe families thanked the brave rescuers.\n\n"
    once = newswire.analyze(body + "Weather: sunny.", stages=["tone"])
    twice = newswire.analyze(body + body + "Weather: sunny.", stages=["tone"])
    assert twice.removed  # the repeated body is set aside
    assert twice.tone == once.tone


def test_a_quote_has_the_tone_of_its_content_only(nlp):
    text = 'The deadly attack shocked the town. "This is a great success for our wonderful team," the mayor said.'
    analysis = newswire.analyze(text)
    (quote,) = analysis.quotes
    assert quote.tone.negative_words == 0 and quote.tone.positive_words == 3  # great, success, wonderful
    assert quote.tone.words == len(quote.content.text.rstrip(",").split())
    assert quote.tone == tone_of(nlp(quote.content.text))
    assert analysis.tone.negative_words == 2  # deadly, attack: outside the quote


def test_tone_round_trips_and_is_absent_when_its_stage_does_not_run():
    analysis = newswire.analyze('"We won a great victory," she said.')
    assert Analysis.from_json(analysis.to_json()).tone == analysis.tone
    assert Analysis.from_json(analysis.to_json()).quotes[0].tone == analysis.quotes[0].tone
    assert newswire.analyze("Rebels attacked the town.", stages=["entities"]).tone is None


def test_the_lexicon_is_vaders_above_the_threshold_less_the_news_senses():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer().lexicon
    neutral = load_list("tone_neutral.txt")
    # an entry VADER does not list, or lists below the threshold, would change nothing
    assert all(abs(vader.get(word, 0)) >= MIN_VALENCE for word in neutral)
    assert all(abs(v) >= MIN_VALENCE for v in _lexicon().values())
    assert not set(neutral) & set(_lexicon())
    assert _lexicon()["killed"] < 0 < _lexicon()["agreement"]


def test_a_whole_doc_counts_as_its_tokens_do(nlp):
    # `tone_of(doc)` reads the doc from arrays; it must count exactly as the token-by-token path does: clitics, names,
    # negation, numbers, a word seen for the first time
    text = (
        "Rebels didn't win the vote, and no progress was made without success.\n"
        "The United Nations praised the brave volunteers' wonderful work; 12 people were killed in 2019.\n"
        "Zorblatt's horrible, horrible plan failed."
    )
    doc = nlp(text)
    whole, by_token = tone_of(doc), tone_of(list(doc))
    assert whole == by_token
    assert whole.positive_words >= 2 and whole.negative_words >= 2 and whole.words > 20


def test_the_first_document_freezes_what_the_process_has_loaded():
    import gc

    newswire.analyze("The minister praised the agreement on Monday.", stages=["tone"])
    assert gc.get_freeze_count() > 0  # the model and the data files: the cyclic collector no longer walks them
