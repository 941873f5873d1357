"""How event mentions hold each other (`newswire.events.structure.find_mentions`): the holding is a forest. Two
mentions that would each hold the other ("FBI probe helped by a tip-off": the probe is the subject of "helped", and
"helped" governs it) once vanished into each other's parts, and filling their roles never ended: a RecursionError
lost the whole article (session thirteen, found by judge13q on a 2017 Reuters story; these headlines are invented)."""

from __future__ import annotations

import pytest

import newswire
from newswire.events.structure import find_mentions
from newswire.events.triggers import find_triggers

HEADLINES = [
    "CIA Iran probe helped by British spy tip-off: WSJ",
    "Police fraud probe helped by bank clerk tip-off",
    "Interpol probe helped by Spanish police tip-off",
]


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_noun_that_is_the_subject_of_its_own_governor_is_analysed(headline):
    text = headline + "\n\nPARIS (Reuters) - Investigators said on Monday they had found new evidence."
    analysis = newswire.analyze(text, published="2017-12-30")
    # the subject event holds the verb, as in "the attack killed 20 people": at most the probe (CAMEO 09, investigate),
    # no helping (070, aid) of its own
    found = [(e.trigger.text, e.cameo[:2]) for e in analysis.events if e.trigger.start < len(headline)]
    assert set(found) <= {("probe", "09")}


@pytest.mark.parametrize("headline", HEADLINES)
def test_the_holding_has_no_cycle_and_the_subject_event_is_the_root(nlp, headline):
    doc = nlp(headline + ".")
    triggers = find_triggers(doc)
    roots, _ = find_mentions(doc, triggers)

    def walk(m, path):
        for p in m.parts:
            assert all(p is not q for q in path), "a mention holds itself"
            walk(p, path + [p])

    for r in roots:
        walk(r, [r])
    # the probe is not lost into the parts of what it holds
    assert [doc[r.trigger.i].lower_ for r in roots] == ["probe"]
