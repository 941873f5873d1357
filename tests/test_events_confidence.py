"""The events confidence's top band (issue 13): constructions in which a record is often wrong stay under 0.7.

Invented sentences, each beside a plain construction of the same words that does reach the band, so that each
test fails when the construction is not told apart (or when the plain record falls out of the band).
"""

from __future__ import annotations

import pytest

import newswire
from newswire.events import confidence


def _band(text: str) -> list[tuple[str, str | None, bool]]:
    """(trigger, target words, at or above the top band) of each event of a text."""
    events = newswire.analyze(text, published="2010-05-05").events
    return [(e.trigger.text, e.target.text if e.target else None, e.confidence >= confidence.CLEAR_FLOOR) for e in events]


@pytest.mark.parametrize(
    "plain, doubtful",
    [
        # the target is who was acted on in another act ("the treatment of X", "the release of X"; a condemned act of
        # force is aimed at its doer since session eighteen: "condemned Peru's occupation of Bolivia" is Peru)
        ("The Brazilian government condemned Argentina on Monday.",
         "The Brazilian government condemned the treatment of the Argentine consul on Monday."),
        ("The Brazilian government condemned Argentina on Monday.",
         "The Brazilian government praised the release of the Argentine consul on Monday."),
        # an intent verb with a thing or a people for object: a done act, not an intent to act
        ("Japan agreed to send aid to Haiti.", "Norway accepted the Syrian refugees on Tuesday."),
        # not asserted
        ("Norway met Sweden last week.", "Norway will meet Sweden next week."),
        # the target's words are outside the trigger's clause ("meet the standards": no meeting of the two)
        ("Chile met Peru in Lima.", "Chile and Peru had tried hard to meet the standards, but were turned down."),
    ],
)
def test_a_doubtful_construction_stays_under_the_top_band(plain, doubtful):
    found = _band(plain)
    assert found and all(top for _, _, top in found), found
    found = _band(doubtful)
    assert found and not any(top for _, _, top in found), found


def _features_of(texts: list[str]) -> list[dict[str, float]]:
    """The feature values of every event mention the stage scores in these texts."""
    seen = []
    inner = confidence.features
    try:
        confidence.features = lambda m, ctx, reported: seen.append(inner(m, ctx, reported)) or seen[-1]
        for text in texts:
            newswire.analyze(text, published="2010-05-05")
    finally:
        confidence.features = inner
    assert seen
    return seen


def _held_and_gated(names: tuple[str, ...], texts: list[str]) -> set[str]:
    """Which of these features held in the texts; asserts that each keeps its record out of `clear` and that some
    record of the texts is clear."""
    seen = _features_of(texts)
    for values in seen:
        if any(values[name] for name in names):
            assert values["clear"] == 0.0
    assert any(values["clear"] for values in seen)
    return {name for values in seen for name in names if values[name]}


def test_each_doubtful_feature_keeps_a_record_out_of_the_clear_band():
    """`clear` is false whenever one DOUBTFUL construction holds, whatever else holds; every one is a fitted feature."""
    assert set(confidence.DOUBTFUL) <= set(confidence.FEATURES) and "clear" not in confidence.DOUBTFUL
    texts = [
        "The Brazilian government condemned the treatment of the Argentine consul on Monday.",
        "Norway accepted the Syrian refugees on Tuesday.",
        "Norway will meet Sweden next week.",
        "Chile met Peru in Lima.",  # the plain meeting: clear
    ]
    assert {"target_nested", "intent_object", "unasserted"} <= _held_and_gated(confidence.DOUBTFUL, texts)


@pytest.mark.parametrize(
    "plain, misread",
    [
        # a warning against something is advice, and a warning that another will act a prediction: no threat of the
        # warner's own act (issue 13, session nineteen); a warning of the warner's own forces' act stays a threat
        ("Brazil warned Argentina on Monday.", "Brazil warned Argentina against a war with Chile."),
        ("Brazil warned Argentina that its troops would strike.", "Brazil warned Argentina against a war with Chile."),
        # the target is the subject of the next coordinated clause, misparsed as a conjunct of the object
        ("Norway has pledged to accept 50 refugees from Sweden.",
         "Norway has pledged to accept 50 refugees and Sweden will take 11."),
        # "should have" + participle blames what was done: no demand
        ("Brazil said that Argentina should stop the war.",
         "Brazil said that Argentina should have never started the war."),
        # a verbal event's target found where it happened ("at the White House")
        ("Chile met Peru in Lima.", "Chile signed a trade deal with Peru at the White House."),
        # a bare past participle before the main clause: its subject is who was asked, not who asked
        ("Britain asked Ukraine to send more troops.",
         "But asked whether Britain should send more troops, Ukraine replied no."),
    ],
)
def test_a_misread_construction_stays_under_the_top_band(plain, misread):
    found = _band(plain)
    assert found and all(top for _, _, top in found), found
    found = _band(misread)
    assert found and not any(top for _, _, top in found), found


def test_each_misread_feature_keeps_a_record_out_of_the_clear_band():
    """Each MISREAD construction (session nineteen) holds on its invented sentence and keeps the record out of `clear`;
    "criticised Sweden in Oslo" (a place, not the target) and "fired back at Argentina with rockets" ("at" without an object of the
    verb) stay clear."""
    assert set(confidence.MISREAD) <= set(confidence.FEATURES) and not set(confidence.MISREAD) & set(confidence.DOUBTFUL)
    texts = [
        "Brazil warned Argentina against a war with Chile.",
        "Norway has pledged to accept 50 refugees and Sweden will take 11.",
        "Brazil said that Argentina should have never started the war.",
        "Chile signed a trade deal with Peru at the White House.",
        "But asked whether Western nations should send troops into Ukraine, Britain replied no.",
        "Norway criticised Sweden in Oslo.",
    ]
    assert _held_and_gated(confidence.MISREAD, texts) == set(confidence.MISREAD)
    for near_miss in ("Norway criticised Sweden in Oslo.", "Brazil fired back at Argentina with rockets."):
        assert all(values["clear"] for values in _features_of([near_miss])), near_miss
