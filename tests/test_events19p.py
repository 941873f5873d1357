"""Issue 13, session nineteen (events19p): an infinitive under an adjective of likelihood or readiness ("is likely to",
"was poised to") is not a done act. Invented sentences, each beside the plain act, which stays asserted."""

from __future__ import annotations

import pytest

import newswire


def _modalities(text: str, trigger: str) -> list[str]:
    events = newswire.analyze(text, published="2010-05-05").events
    return [e.modality for e in events if e.trigger.text == trigger]


@pytest.mark.parametrize(
    "plain, unasserted, trigger",
    [
        ("Bulgaria seized the Russian company's refinery in Burgas.",
         "Bulgaria was poised to seize the Russian company's refinery in Burgas.", "seize"),
        ("Norway rejected the Swedish proposal on Monday.",
         "Norway is likely to reject the Swedish proposal on Monday.", "reject"),
        ("Norway rejected the Swedish proposal on Monday.",
         "Norway is unlikely to reject the Swedish proposal on Monday.", "reject"),
    ],
)
def test_an_infinitive_of_likelihood_or_readiness_is_not_asserted(plain, unasserted, trigger):
    done = plain.split()[1]  # the plain sentence's verb ("seized", "rejected")
    assert _modalities(plain, done) == ["asserted"]
    assert "asserted" not in _modalities(unasserted, trigger)


def test_an_adverb_likely_hedges_a_purpose_and_governs_nothing():
    """"most likely to discuss", parsed as an adverb: no predicate of likelihood, the purpose keeps its modality (the
    word as a predicate, "is likely to discuss", makes it hypothetical)."""
    from newswire.events.modality import modality
    from newswire.text.parse import parse

    def of_discuss(text: str) -> str:
        doc = parse(text)
        assert any(t.lower_ == "likely" and t.dep_ == "advmod" for t in doc) or "is likely" in text
        return modality(next(t for t in doc if t.lower_ == "discuss"))

    assert of_discuss("The minister also planned to visit Norwegian oil giant Statoil, most likely to discuss Chile's "
                      "debt to the firm.") == "asserted"
    assert of_discuss("Chile is likely to discuss the border with Peru.") == "hypothetical"


def test_an_adjective_of_likelihood_governs_its_infinitive_not_a_that_clause():
    """"is likely to attack" is no done act; "it seems likely that Chile attacked Peru" still tells the attack (as
    before session nineteen: a guess about a done act is not marked here)."""
    from newswire.events.modality import modality
    from newswire.text.parse import parse

    def of_word(text: str, word: str) -> str:
        return modality(next(t for t in parse(text) if t.text == word))

    assert of_word("It seems likely that Chile attacked Peru.", "attacked") == "asserted"
    assert of_word("Chile is likely to attack Peru.", "attack") != "asserted"
