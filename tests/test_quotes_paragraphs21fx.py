"""Session twenty-one's review of session twenty's paragraph rules: whether a text sets its paragraphs apart with blank
lines is read from its usual paragraph break, not from one stray blank line (a trailing one, the one after a byline);
in such a text a quoted line with a blank line on at least one side is a paragraph of its own (a sub-heading, a
pull-quote), one between two single line breaks running prose.

Invented texts; each rule has a case it changes and a near miss that must stay.
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.quotes.passages import _sets_paragraphs_apart
from newswire.text.parse import parse


def speakers_of(text: str, start: str) -> list[str | None]:
    doc = parse(text)
    return [q.speaker_name for q in extract_quotes(doc, extract_entities(doc)) if q.content.text.startswith(start)]


_DUNN = '"They followed the rules," Dunn said.'
_SILVA = '"My son did nothing wrong." His mother, Ana Silva, told reporters: "I want justice."'
_LINES = f"The inquiry closed on Friday.\n{_DUNN}\n{_SILVA}\nThe family will appeal."


# a paragraph a line (a web page's text): one stray blank line does not make its single breaks wrapped lines

@pytest.mark.parametrize("text", [
    f"Harbour inquiry closes\n{_LINES}\n\n",  # a trailing blank line
    f"Harbour inquiry closes\n\nBy Jane Roe\n\n{_LINES}",  # a title and a byline set apart
    f"Harbour inquiry closes\n\nBy Jane Roe\n\n{_LINES}\nThe hearing resumes in May.\n\n",
])
def test_a_stray_blank_line_leaves_a_paragraph_a_line_text_so(text):
    assert not _sets_paragraphs_apart(text)
    # the quotation opens its line, a paragraph: the next cue's speaker's, never Dunn's
    assert speakers_of(text, "My son") == ["Ana Silva"]


@pytest.mark.parametrize("text", [
    f"Harbour inquiry closes\n\nThe inquiry closed on Friday.\n\n{_DUNN}\n{_SILVA}\n\nThe family will appeal.\n\n",
    f"Harbour inquiry closes\n\nBy Jane Roe\n\nThe inquiry closed on Friday.\n\n{_DUNN}\n{_SILVA}\n\nThe family will appeal.",
])
def test_near_miss_a_text_whose_paragraphs_are_set_apart_by_blank_lines_is_so_whatever_its_ends(text):
    assert _sets_paragraphs_apart(text)
    # the quotation is set after Dunn's sentence inside a paragraph (a wrapped line): it goes on with him
    assert speakers_of(text, "My son") == ["Dunn"]


def test_wrapped_lines_do_not_outweigh_the_blank_lines_between_paragraphs():
    # single breaks inside sentences are wrapped lines, not paragraph ends: the text is still a blank-line one
    text = ("Harbour inquiry closes\n\nThe inquiry into the closure of the\nharbour ended on Friday after a\nweek "
            "of hearings.\n\nThe harbour master told the panel\nthat the rules had been followed\nto the letter.\n\n"
            "The family of one fisherman\nsaid it would appeal.")
    assert _sets_paragraphs_apart(text)
    one_a_line = ("Harbour inquiry closes\n\nThe inquiry ended on Friday.\nThe harbour master spoke first.\n\n"
                  "The family said it would appeal.\nThe panel will report in May.\nNo date was set.")
    assert not _sets_paragraphs_apart(one_a_line)


# in a blank-line text, a quoted line with a blank line on one side is a paragraph of its own

@pytest.mark.parametrize("text", [
    # a pull-quote: a blank line before it, its section right after it
    'The river rose on Monday night.\n\nThe mayor, Dana Holt, said the city had done all it could.\n\n'
    '"We had crews on the streets all night"\nThe pumps failed at 3am, officials said.\n\nThe water fell on Tuesday.',
    # a blank line after it only
    'The river rose on Monday night.\n\nThe mayor, Dana Holt, said the city had done all it could.\n'
    '"We had crews on the streets all night"\n\nThe pumps failed at 3am, officials said.\n\nThe water fell on Tuesday.',
])
def test_a_quoted_line_with_a_blank_line_on_one_side_is_a_sub_heading(text):
    assert _sets_paragraphs_apart(text)
    assert speakers_of(text, "We had crews") == []


def test_near_miss_a_quoted_line_between_single_line_breaks_is_running_prose():
    text = ('The river rose on Monday night.\n\nThe mayor, Dana Holt, said the city had done all it could.\n'
            '"We had crews on the streets all night"\nHolt said the pumps had failed at 3am.\n\nThe water fell on '
            'Tuesday.\n\nSchools reopen on Monday.')
    assert _sets_paragraphs_apart(text)
    assert speakers_of(text, "We had crews") == ["Dana Holt"]
