"""Issue 13, session twenty-one (events21u): wrong records a new user's trial found shown by default. Invented
sentences, each fix beside a near miss that must not change: a bare verb after a singular subject in a "that" clause
is a mandative subjunctive, what someone would have done, whatever governs it ("demanded that Iran agree", even with
the demand verb glued to the word before it); handing over a document is no return or release (084) while handing
over people or a town still is; a person the law acts on takes no country of the article's focus once the article
names him (his own country if it gives one), while an unnamed one still does."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str, published: str = "2025-05-11") -> list:
    return newswire.analyze(text, published=published).events


@pytest.mark.parametrize(
    "text",
    [
        "The talks came hours after Western powersdemanded in Paris that Iran agree to a ceasefire with Iraq.",
        "The envoy insisted that Hamas release the hostages.",
    ],
)
def test_a_bare_verb_after_a_singular_subject_is_requested(text):
    acts = [e for e in _events(text) if e.cameo[:2] in ("03", "08")]
    assert acts and all(e.modality == "requested" for e in acts), [(e.cameo, e.modality) for e in acts]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said that Iran agrees to a ceasefire with Iraq.",  # indicative: "agrees"
        "Officials said that Iran and Syria agree to a ceasefire with Iraq.",  # a subject of several
        "Officials said the rebels agree to a ceasefire with Iraq.",  # plural
    ],
)
def test_an_indicative_clause_stays_asserted(text):
    acts = [e for e in _events(text) if e.cameo.startswith("03")]
    assert acts and all(e.modality == "asserted" for e in acts), [(e.cameo, e.modality) for e in acts]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine had handed over its peace proposals to Russia.",
        "Kenya handed over a list of hundreds of detainees to Uganda.",
        "Iraq handed over the letter to Kuwait.",
    ],
)
def test_handing_over_a_document_is_no_return(text):
    assert [e.cameo for e in _events(text) if e.cameo.startswith("08")] == []


@pytest.mark.parametrize(
    "text, code",
    [
        ("Iraq handed over the disputed town to Kuwait.", "084"),
        ("Iraq handed over the captured pilots to Kuwait.", "084"),
        ("Kenya handed over the suspects to Uganda.", "063"),
    ],
)
def test_handing_over_people_or_land_is_still_coded(text, code):
    assert [e.cameo for e in _events(text)] == [code]
