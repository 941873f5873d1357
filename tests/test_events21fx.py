"""Issue 13, session twenty-one (events21fx): the review's defects in events20fx's rule for promised responses
(`_promised_for`). Invented sentences, each fix beside a near miss that must not change: a promise of cooperation "for"
a wrong keeps whom it is for (only a threat or a vowed revenge answers a grievance); a coercion with no doer named (an
arrest, a crackdown) is a government's at home, so the response is aimed at the country it is told in (implicit),
while violence with no doer, or a coercion told in no country, still leaves no target; "to avenge" a wrong and "a
response to" one answer it as "revenge for" it does."""

from __future__ import annotations

import pytest

import newswire


def _target(text: str, trigger: str) -> tuple[str | None, bool | None]:
    found = [e for e in newswire.analyze(text, published="2010-05-05").events if e.trigger.text == trigger]
    assert len(found) == 1, (text, found)
    target = found[0].target
    return (target.actor, target.implicit) if target else (None, None)


@pytest.mark.parametrize(
    "text, trigger, actor",
    [
        ("Japan promised compensation for the deaths of Nepalese workers.", "promised", "NPL"),
        ("Canada pledged aid over the bombing of Syrian schools.", "pledged", "SYR"),
        ("Norway offered condolences for the deaths of Chilean miners.", "offered", "CHL"),
    ],
)
def test_a_promise_of_cooperation_for_a_wrong_keeps_whom_it_is_for(text, trigger, actor):
    found, _ = _target(text, trigger)
    assert found is not None and found.startswith(actor)


@pytest.mark.parametrize(
    "text, trigger, actor",
    [
        # a government's coercion at home: the country it is told in is the implicit target, as for the act itself
        ("The EU threatened sanctions over the crackdown on students in Serbia.", "threatened", "SRB"),
        ("London threatened sanctions over the arrest of opposition leaders in Uganda.", "threatened", "UGA"),
        ("Australia threatened retaliation for the detention of its citizens in Vietnam.", "threatened", "VNM"),
    ],
)
def test_a_threat_over_a_coercion_with_no_doer_keeps_the_country_it_is_told_in(text, trigger, actor):
    assert _target(text, trigger) == (actor, True)


@pytest.mark.parametrize(
    "text, trigger",
    [
        # near misses: violence with no doer named is often done abroad; the place is no aim
        ("Ankara threatened sanctions over the bombing of its consulate in Erbil.", "threatened"),
        ("Ankara vowed revenge for the killing of its diplomat in Erbil.", "vowed"),
    ],
)
def test_a_threat_over_violence_with_no_doer_has_no_target(text, trigger):
    assert _target(text, trigger) == (None, None)


@pytest.mark.parametrize(
    "text, trigger, actor",
    [
        # the same for a retaliation, a protest or a sanction noun over a coercion told in a country
        ("Austria retaliated for the arrest of its journalists in Iran.", "retaliated", "IRN"),
        ("Austria protested the arrest of its journalists in Iran.", "protested", "IRN"),
        ("The EU's sanctions over the crackdown on students in Serbia took effect.", "sanctions", "SRB"),
    ],
)
def test_a_response_to_a_coercion_with_no_doer_is_aimed_at_the_country_it_is_told_in(text, trigger, actor):
    assert _target(text, trigger) == (actor, True)


@pytest.mark.parametrize(
    "text, trigger",
    [
        # near misses: a coercion told in no country names no aim, and whom it was done to is none
        ("The US threatened sanctions over the detention of Navalny.", "threatened"),
        ("Paris protested the detention of Navalny.", "protested"),
    ],
)
def test_a_coercion_told_in_no_country_leaves_no_target(text, trigger):
    assert _target(text, trigger) == (None, None)


def test_a_threat_over_a_coercion_keeps_its_named_doer():
    # near miss: the doer named ("by Hanoi") is the target, not implicit
    # (a capital as the doer stands for its government: VNMGOV since actors21)
    assert _target("Australia threatened retaliation for the detention of its citizens by Hanoi.", "threatened") == ("VNMGOV", False)


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Ankara vowed to avenge the killing of its diplomat in Erbil.", "vowed"),
        ("Ankara vowed a harsh response to the bombing of its consulate in Erbil.", "vowed"),
    ],
)
def test_to_avenge_and_a_response_to_answer_the_wrong_like_revenge_for_it(text, trigger):
    assert _target(text, trigger) == (None, None)


@pytest.mark.parametrize(
    "text, trigger, actor",
    [
        # near misses: the wrong's doer named stays the target
        ("Ankara vowed to avenge the killing of its diplomat by the PKK in Erbil.", "vowed", "TURREB"),
        ("Ankara vowed a harsh response to the Syrian bombing of its consulate in Erbil.", "vowed", "SYR"),
    ],
)
def test_to_avenge_and_a_response_to_keep_the_wrongs_doer(text, trigger, actor):
    found, implicit = _target(text, trigger)
    assert found is not None and found.startswith(actor) and not implicit


def test_a_response_to_someone_is_not_a_grievance():
    # near miss: a promise's "to" that names no wrong keeps its recipient
    found, _ = _target("Japan pledged a generous response to Nepal's appeal for aid.", "pledged")
    assert found == "NPL"
