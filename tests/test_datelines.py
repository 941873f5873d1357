"""Datelines: the capitalised place that opens a line before a credit and a dash."""

from __future__ import annotations

import pytest

from newswire.text.datelines import dateline_spans
from newswire.text.parse import parse


@pytest.mark.parametrize(
    "text, place",
    [
        ("ADDIS ABABA (Sample Wire) - Leaders met on Monday.", "ADDIS ABABA"),
        ("WASHINGTON — The Senate voted on Monday.", "WASHINGTON"),
        ("KAMPALA, March 3 (Sample Wire) - Police arrested three men.", "KAMPALA"),
        ("Talks resume\n\nGENEVA (Sample Wire) - Delegates arrived on Sunday.", "GENEVA"),
        # no dateline: no dash, a mixed-case opening, capitals that end the line
        ("NATO said on Monday that it would stay.", None),
        ("Geneva (Sample Wire) - Delegates arrived on Sunday.", None),
        ("BREAKING NEWS\nDelegates arrived on Sunday.", None),
    ],
)
def test_dateline_spans(text, place):
    doc = parse(text)
    found = [doc[s:e].text for s, e in dateline_spans(doc)]
    assert found == ([place] if place else [])
