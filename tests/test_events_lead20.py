"""The object of a verb of accusing or blaming is not the accusation's source (issue 13, session twenty).

"The report accused Uganda of arming the rebels": with no actor as the subject, the doer of the complement ("arming",
Uganda) filled the empty source, so the accused became the accuser. The verb's own object is whom the act is aimed at.
Invented sentences; near misses keep a named accuser and a passive's roles.
"""

from __future__ import annotations

import pytest

import newswire


def sides(text: str, cameo_root: str) -> list[tuple[str | None, str | None]]:
    a = newswire.analyze(text, published="2024-05-01")
    return [(e.source and e.source.text, e.target and e.target.text) for e in a.events if e.cameo.startswith(cameo_root)]


@pytest.mark.parametrize("text, accused", [
    ("The report accused Uganda of arming the rebels.", "Uganda"),
    ("A new report accused Uganda of supporting the rebels.", "Uganda"),
    ("The report blamed Iran for funding the militia.", "Iran"),
])
def test_the_accused_is_no_source_when_the_subject_is_no_actor(text, accused):
    found = sides(text, "11")
    assert found, text
    assert all(source != accused for source, _ in found), found
    assert (None, accused) in found


def test_near_miss_a_named_accuser_stays_the_source():
    assert sides("Kenya accused Uganda of arming the rebels.", "11") == [("Kenya", "Uganda")]
