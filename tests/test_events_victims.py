"""Issue 13, session eleven (evdate11): a victim's country comes from the place of the act or its own words, never only
from the country word of whoever acts on it. Invented sentences, each a construction seen on news."""

from __future__ import annotations

import newswire


def triggered(text: str, word: str):
    """The events of `text` whose trigger starts with `word`."""
    return [e for e in newswire.analyze(text, published="1998-05-02").events if e.trigger.text.startswith(word)]


def code(actor) -> str:
    return (actor.actor or "") if actor is not None else ""


def test_a_victim_is_not_coded_from_its_attacker_s_country_word():
    for text, word in [
        ("Peruvian troops shelled the village of Tambo overnight, killing at least 12 civilians.", "kill"),
        ("Peruvian troops killed 12 civilians.", "killed"),
        ("Twelve civilians were killed by Peruvian troops.", "killed"),
    ]:
        events = newswire.analyze(text, published="1998-05-02").events
        assert events, text
        assert not any(code(e.target).startswith("PER") and code(e.target).endswith("CVL") for e in events), text
    killed = triggered("Peruvian troops killed 12 civilians.", "killed")
    assert [code(e.source) for e in killed] == ["PERMIL"] and killed[0].target is not None and not code(killed[0].target)


def test_a_victim_keeps_the_country_of_the_place_of_the_act_or_of_its_own_words():
    assert [code(e.target) for e in triggered("Peruvian troops killed 12 civilians in Arequipa.", "killed")] == ["PERCVL"]
    assert [code(e.target)[:3] for e in triggered("Peruvian troops killed 12 Bolivian civilians.", "killed")] == ["BOL"]


def test_a_patient_of_an_act_that_is_no_force_keeps_its_sentence_s_country():
    # the doer's country is left out only for acts of force: these were coded from it before and still are
    assert [code(e.target) for e in triggered("Peruvian police arrested 12 protesters.", "arrested")] == ["PERCVL"]
