"""Issue 13, session nineteen (events19fp): the review's defects in the MISREAD gates of the event confidence. A right
first-conjunct target and a warning of the warner's own side's act keep their top band; the misreads stay under it.
Invented sentences."""

from __future__ import annotations

import pytest

import newswire
from newswire.events import confidence


def _records(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    """(trigger, source code, target code, at or above the top band) of each event of a text."""
    events = newswire.analyze(text, published="2010-05-05").events
    return [(e.trigger.text, e.source.actor if e.source else None, e.target.actor if e.target else None,
             e.confidence >= confidence.CLEAR_FLOOR) for e in events]


def _top(text: str, trigger: str) -> bool:
    found = [r for r in _records(text) if r[0] == trigger]
    assert found, _records(text)
    return all(r[3] for r in found)


@pytest.mark.parametrize(
    "text, trigger",
    [
        # the next clause's subject joined onto the object: the target is the FIRST conjunct, right
        ("Chile condemned Peru and Bolivia summoned the Argentine envoy.", "condemned"),
        ("France sanctioned Iran and China criticized the move.", "sanctioned"),
        ("Chile sent tanks to Peru and Bolivia delivered air defence systems.", "sent"),
    ],
)
def test_a_first_conjunct_target_keeps_the_top_band(text, trigger):
    assert _top(text, trigger)


def test_the_last_conjunct_before_the_next_verb_stays_under_the_top_band():
    """The target is itself the conjunct right before the next verb: the next clause's doer."""
    assert not _top("Norway has pledged to accept 50 refugees and Sweden will take 11.", "pledged")


@pytest.mark.parametrize(
    "text",
    [
        "Chile warned that Chilean forces would strike Peru.",  # a demonym of the warner's country
        "Chile warned Peru that Chile's army would strike.",  # a possessive of it
        "Chile warned Peru that the army would respond.",  # the country's forces, no country named
        "Chile warned that Chile would retaliate against Peru.",  # the country itself
        "Chile warned Peru that the Chilean government would respond.",  # its government, named by its demonym
    ],
)
def test_a_warning_of_the_warners_own_side_stays_a_clear_threat(text):
    assert _top(text, "warned")


@pytest.mark.parametrize(
    "text",
    [
        "Chile warned Peru that Bolivian troops would strike.",  # another country's forces
        "Chile warned Peru that Bolivia would strike.",  # another country
        "Chile warned Peru that Bolivia's army would strike.",
        "Chile warned Peru that rebels would strike.",  # not a state's forces: not the warner's own
        "Chile warned Peru that the government would collapse.",  # which government is unsaid: a prediction
    ],
)
def test_a_warning_that_another_will_act_stays_under_the_top_band(text):
    assert not _top(text, "warned")


def test_a_warning_not_to_act_is_advice():
    """"warned X not to invade" is advice, as "warned X against"; "warned X that its troops would strike" stays."""
    assert not _top("Chile warned Peru not to invade Bolivia.", "warned")
    assert _top("Chile warned Peru that its troops would strike.", "warned")


@pytest.mark.parametrize(
    "text, top",
    [
        ("Chile said Peru should've withdrawn from Bolivia.", False),  # the 've of "should've"
        ("Chile said Peru should have withdrawn from Bolivia.", False),
        ("Chile said Peru should have withdrawn long ago and left Bolivia.", False),  # the reproach's own conjunct
        ("Chile said Peru should have withdrawn long ago and must leave Bolivia now.", True),  # a demand beside it
        ("Chile said Peru must have withdrawn all its forces from Bolivia by Friday.", True),  # "must have" + deadline
        ("Chile said Peru must withdraw from Bolivia.", True),
    ],
)
def test_a_reproach_is_only_the_perfect_of_should_without_a_demand(text, top):
    assert _top(text, "said") is top


def test_the_misread_features_only_gate_and_are_not_fitted(tmp_path, monkeypatch):
    """eval/fit_event_confidence.py fits FITTED, every feature but the MISREAD ones; its --write writes those, and the
    stage refuses a weights file with a MISREAD weight."""
    import importlib.util
    import sys
    from pathlib import Path

    import numpy as np

    assert set(confidence.FITTED) == set(confidence.FEATURES) - set(confidence.MISREAD) and "clear" in confidence.FITTED
    path = Path(__file__).resolve().parent.parent / "eval" / "fit_event_confidence.py"
    spec = importlib.util.spec_from_file_location("fit_event_confidence_test", path)
    fit = importlib.util.module_from_spec(spec)
    monkeypatch.setattr(sys, "path", list(sys.path))
    spec.loader.exec_module(fit)
    monkeypatch.setattr(fit, "WEIGHTS", tmp_path / "event_confidence.tsv")
    fit.write(np.zeros(len(confidence.FITTED) + 1), confidence.FITTED, 10, 1.0)
    rows = [line.split("\t")[0] for line in fit.WEIGHTS.read_text().splitlines() if not line.startswith("#")]
    assert rows == ["feature", "bias", *confidence.FITTED]
    assert not set(rows) & set(confidence.MISREAD)
    assert set(confidence.weights()) <= set(confidence.FITTED) | {"bias"}
