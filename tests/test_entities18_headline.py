"""A headline's speech verb is no word of a name (issues 13 and 14, session eighteen): "MISS DOYLE SAYS SCHOOL WILL
REOPEN" tagged "DOYLE SAYS SCHOOL".

Invented texts; the rule has cases it changes and a near miss.
"""

from __future__ import annotations

from newswire.entities import extract_entities
from newswire.text.parse import parse


def people(text: str) -> list[list[str]]:
    doc = parse(text)
    return [[m.text for m in e.mentions if m.kind == "name"] for e in extract_entities(doc) if e.type == "PERSON"]


# --- a headline's speech verb is no word of a name


def test_headline_cue_cuts_the_name():
    text = "MISS DOYLE SAYS SCHOOL WILL REOPEN\n\nThe school in Leeds will reopen next week, the head teacher Anne Doyle said on Monday."
    names = [n for g in people(text) for n in g]
    assert not any("SAYS" in n for n in names)
    assert "DOYLE" in names


def test_headline_surname_joins_the_full_name():
    text = "MISS DOYLE SAYS SCHOOL WILL REOPEN\n\nThe school in Leeds will reopen next week, the head teacher Anne Doyle said on Monday."
    assert ["DOYLE", "Anne Doyle"] in people(text)


def test_headline_surname_of_a_verb_form_kept():
    # a name's last word that is no speech verb's form stays: "ROBERTS" is no "robert" cue
    text = "JUDY ROBERTS WINS AGAIN\n\nThe race in Leeds was close, Judy Roberts said on Monday."
    names = [n for g in people(text) for n in g]
    assert "Judy Roberts" in names and not any(n in ("JUDY",) for n in names)
