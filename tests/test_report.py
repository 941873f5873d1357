"""The text report (`newswire analyze --format text`): every quote and event shows its confidence, and events under
the floor that `query events`, `serve` and `--format gdelt` apply are dimmed with a note, not shown as if trusted."""

from __future__ import annotations

import dataclasses

from rich.console import Console

import newswire
from newswire.corpus.query import EVENT_FLOOR
from newswire.present.report import render

TEXT = ("Iran threatened to impose sanctions on Israel on Monday. "
        "Israel's foreign minister, Dana Levi, said the threat was empty. "
        "Egypt's president met Jordan's king in Cairo on Tuesday.")


def _report(analysis, floor):
    console = Console(width=200, record=True, color_system=None)
    with console.capture() as captured:
        render(analysis, console, event_floor=floor)
    return captured.get()


def test_events_under_the_floor_are_counted_in_a_note_and_confidences_are_shown():
    analysis = newswire.analyze(TEXT, published="2020-01-02")
    assert len(analysis.events) >= 2 and analysis.quotes
    low, high = 0.12, 0.91
    events = [dataclasses.replace(e, confidence=low if i == 0 else high) for i, e in enumerate(analysis.events)]
    out = _report(dataclasses.replace(analysis, events=events), EVENT_FLOOR)
    assert f"conf {low:.2f}" in out and f"conf {high:.2f}" in out and f"conf {analysis.quotes[0].confidence:.2f}" in out
    assert f"1 dimmed: confidence under {EVENT_FLOOR}" in out
    # the note is a line of its own, whole (a caption wrapped to the table's width, split mid-sentence)
    assert any(line.startswith("1 dimmed:") and line.rstrip().endswith("shows every event alike") for line in out.splitlines())
    raised = [dataclasses.replace(e, confidence=high) for e in analysis.events]
    assert "dimmed" not in _report(dataclasses.replace(analysis, events=raised), EVENT_FLOOR)


def test_without_a_floor_nothing_is_dimmed():
    analysis = newswire.analyze(TEXT, published="2020-01-02")
    events = [dataclasses.replace(e, confidence=0.05) for e in analysis.events]
    assert "dimmed" not in _report(dataclasses.replace(analysis, events=events), None)


def _quotes_report(analysis, floor, quotes_only=False):
    from newswire.present.report import render_quotes

    console = Console(width=200, record=True, color_system=None)
    with console.capture() as captured:
        if quotes_only:
            render_quotes(analysis, console, quote_floor=floor)
        else:
            render(analysis, console, quote_floor=floor)
    return " ".join(captured.get().split())


def test_quotes_under_the_floor_are_left_out_of_the_table_with_a_note():
    from newswire.corpus.query import QUOTE_FLOOR

    analysis = newswire.analyze(TEXT, published="2020-01-02")
    assert analysis.quotes
    quote = analysis.quotes[0]
    low = dataclasses.replace(analysis, quotes=[dataclasses.replace(quote, confidence=0.12)])
    for quotes_only in (False, True):
        out = _quotes_report(low, QUOTE_FLOOR, quotes_only)
        assert "conf 0.12" not in out and f"[{quote.content.start}, {quote.content.end})" not in out
        assert f"Note: 1 quote under confidence {QUOTE_FLOOR} left out" in out and "--format json keeps every record" in out
        shown = _quotes_report(low, None, quotes_only)  # no floor: every quote, no note
        assert "conf 0.12" in shown and "left out" not in shown
    high = dataclasses.replace(analysis, quotes=[dataclasses.replace(quote, confidence=0.91)])
    out = _quotes_report(high, QUOTE_FLOOR)
    assert "conf 0.91" in out and "left out" not in out
