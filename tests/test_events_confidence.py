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


def test_each_doubtful_feature_keeps_a_record_out_of_the_clear_band():
    """`clear` is false whenever one DOUBTFUL construction holds, whatever else holds; every one is a fitted feature."""
    assert set(confidence.DOUBTFUL) <= set(confidence.FEATURES) and "clear" not in confidence.DOUBTFUL
    seen = []
    inner = confidence.features
    texts = [
        "The Brazilian government condemned the treatment of the Argentine consul on Monday.",
        "Norway accepted the Syrian refugees on Tuesday.",
        "Norway will meet Sweden next week.",
        "Chile met Peru in Lima.",
    ]
    try:
        confidence.features = lambda m, ctx, reported: seen.append(inner(m, ctx, reported)) or seen[-1]
        for text in texts:
            newswire.analyze(text, published="2010-05-05")
    finally:
        confidence.features = inner
    assert seen
    held = {name for values in seen for name in confidence.DOUBTFUL if values[name]}
    assert {"target_nested", "intent_object", "unasserted"} <= held
    for values in seen:
        if any(values[name] for name in confidence.DOUBTFUL):
            assert values["clear"] == 0.0
    assert any(values["clear"] for values in seen)  # the plain meeting
