"""The pipeline as a declared list of stages (newswire/pipeline.py `STAGES`): skipped, timed, in order."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import newswire
from newswire import pipeline
from newswire.errors import UsageError
from newswire.records import Analysis
from newswire.text.read import read_path

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "harbour-ceasefire.txt"


@pytest.fixture(scope="module")
def article():
    return read_path(SAMPLE)


@pytest.fixture(scope="module")
def full(article):
    return pipeline.analyze_article(article)


def test_every_stage_needs_only_earlier_stages_and_fills_an_analysis_field():
    names = [s.name for s in pipeline.STAGES]
    assert tuple(names) == pipeline.STAGE_NAMES == ("entities", "times", "quotes", "events", "figures", "tone")
    fields = {f.name for f in dataclasses.fields(Analysis)}
    for i, stage in enumerate(pipeline.STAGES):
        assert set(stage.needs) <= set(names[:i]), stage.name
        assert stage.gives in fields


def test_skipped_stages_leave_their_records_empty(article, full):
    analysis = pipeline.analyze_article(article, stages=["times", "entities"])
    assert full.quotes and full.figures
    assert (analysis.entities, analysis.times) == (full.entities, full.times)
    assert analysis.quotes == analysis.events == analysis.figures == [] and analysis.tone is None
    text = SAMPLE.read_text(encoding="utf-8")
    assert newswire.analyze(text, stages=["entities", "times", "quotes"]).quotes == newswire.analyze(text).quotes


def test_a_stage_without_what_it_needs_or_an_unknown_stage_is_refused(article):
    with pytest.raises(UsageError, match="the quotes stage needs entities and times"):
        pipeline.analyze_article(article, stages=["quotes"])
    with pytest.raises(UsageError, match="the events stage needs quotes"):
        list(pipeline.analyze_articles([article], stages=["entities", "times", "events"]))
    with pytest.raises(UsageError, match="unknown stage 'speakers'"):
        pipeline.select(["speakers"])


def test_all_stages_by_default_and_in_declared_order():
    assert pipeline.select(None) == pipeline.STAGES
    assert [s.name for s in pipeline.select(["tone", "figures", "quotes", "events", "times", "entities"])] == list(pipeline.STAGE_NAMES)


def test_timings_time_each_stage_without_changing_the_output(article, full):
    removed = pipeline.prepare(article)
    timings: dict[str, float] = {}
    timed = pipeline.analyze_parsed(article, removed, pipeline.parse(article.text, removed), timings=timings)
    assert timed.to_json() == full.to_json()
    assert list(timings) == list(pipeline.STAGE_NAMES) and all(t > 0 for t in timings.values())


def test_a_stage_variant_replaces_the_declared_one(article, full):
    """The benchmark's "without quotes": the quotes stage that finds nothing, the others as declared."""
    nothing = dataclasses.replace({s.name: s for s in pipeline.STAGES}["quotes"], run=lambda *a, **k: [])
    stages = [nothing if s.name == "quotes" else s for s in pipeline.STAGES]
    [analysis] = pipeline.analyze_prepared([(article, pipeline.prepare(article))], stages=stages)
    assert analysis.quotes == [] and analysis.entities == full.entities
