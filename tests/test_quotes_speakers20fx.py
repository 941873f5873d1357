"""Review of issue 14's rules (session twenty): a quoted line inside running prose (a text whose paragraphs are set apart
by blank lines) is no sub-heading.

Invented texts; each rule has a case it changes and a near miss that must stay.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def said(text: str) -> list[tuple[str, str | None]]:
    return [(content, name) for content, name, _ in said_how_surely(text)]


def said_how_surely(text: str) -> list[tuple[str, str | None, float | None]]:
    doc = parse(text)
    return [(q.content.text, q.speaker_name, q.confidence) for q in extract_quotes(doc, extract_entities(doc))]


def speakers_of(text: str, start: str) -> list[str | None]:
    return [name for content, name in said(text) if content.startswith(start)]


# in a text that sets its paragraphs apart with blank lines, a quoted line between single newlines is running prose,
# not a sub-heading

@pytest.mark.parametrize("line", [
    '"We had crews on the streets all night"',
    '"We had crews out all night, in the rain, clearing every drain, every gutter"',
])
def test_a_quoted_line_inside_running_prose_goes_on_with_the_speaker(line):
    text = (f"The river rose on Monday night.\n\nThe mayor, Dana Holt, said the city had done all it could.\n{line}\n"
            "Holt said the pumps had failed at 3am.\n\nThe water fell on Tuesday.")
    assert speakers_of(text, "We had crews") == ["Dana Holt"]


@pytest.mark.parametrize("text", [
    'The mayor, Dana Holt, said the city had done all it could.\n\n"We had crews on the streets all night"\n\n'
    "The pumps failed at 3am.",
    # a paragraph a line, as trafilatura gives a web page's text: the quoted line is a paragraph of its own
    'Floods hit the city\nThe mayor, Dana Holt, said the city had done all it could.\n"We had crews on the streets all '
    'night"\nThe pumps failed at 3am.',
])
def test_near_miss_a_quoted_line_that_is_a_paragraph_of_its_own_is_a_sub_heading(text):
    assert speakers_of(text, "We had crews") == []
