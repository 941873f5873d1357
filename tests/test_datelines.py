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
        # a mixed-case place with a comma or a known medium's credit; the country after a city is the dateline's
        ("Doha, Qatar - Delegates arrived on Sunday.", "Doha, Qatar"),
        ("Mexico City (AFP) - Delegates arrived on Sunday.", "Mexico City"),
        ("DOHA, Qatar - Delegates arrived on Sunday.", "DOHA, Qatar"),
        ("WASHINGTON, D.C., March 4 (AP) - The Senate voted.", "WASHINGTON, D.C."),
        # a place that opens a sentence before a dash is its subject; a person before a comma no dateline
        ("Russia - which denies it - said it would retaliate.", None),
        ("Smith, 45 - a farmer - said the rains failed.", None),
        ("BREAKING NEWS\nDelegates arrived on Sunday.", None),
    ],
)
def test_dateline_spans(text, place):
    doc = parse(text)
    found = [doc[s:e].text for s, e in dateline_spans(doc)]
    assert found == ([place] if place else [])


def test_a_mixed_case_dateline_is_no_actor_and_its_subject_after_the_dash_is():
    import newswire

    # "Doha, Qatar - Saudi Arabia accused Iran": Doha was the accuser at 0.86 and a quote's speaker (session thirteen)
    analysis = newswire.analyze("Doha, Qatar - Saudi Arabia accused Iran of arming rebels on Monday.", published="2024-03-14")
    assert [(e.source.actor, e.target.actor) for e in analysis.events] == [("SAU", "IRN")]
    assert all(q.speaker_name not in ("Doha", "Qatar") for q in analysis.quotes)
