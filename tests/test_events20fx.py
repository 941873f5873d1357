"""Issue 13, session twenty (events20fx): the review's defects in events20fe's grievance and mediation rules. Invented
sentences, each fix beside a near miss that must not change: a participle's "by" agent ("the sanctions imposed by the
EU") is the grievance's doer; a retaliation or protest over a strike the dictionary does not type, or one whose "on"
the parser hangs on the verb, is aimed at no victim; a "between" the parser hangs on a co-mediator still names the two
sides; a vow of revenge for a killing, or to retaliate for it, is aimed at the killer or at no one, never at the victims
or the place of the killing; a show of force's "for" is its purpose."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str, trigger: str) -> list:
    events = newswire.analyze(text, published="2010-05-05").events
    return [e for e in events if e.trigger.text == trigger]


def _targets(text: str, trigger: str) -> list:
    found = _events(text, trigger)
    assert found, text
    return [e.target.text if e.target else None for e in found]


@pytest.mark.parametrize(
    "text, trigger, doer",
    [
        ("Moscow retaliated for the sanctions imposed by the EU.", "retaliated", "EU"),
        ("Havana protested the embargo imposed by Washington.", "protested", "Washington"),
        ("Hezbollah retaliated for the strike carried out by Israel on its commanders.", "retaliated", "Israel"),
        ("Canada condemned the tariffs imposed by Beijing.", "condemned", "Beijing"),
    ],
)
def test_a_participles_by_agent_is_the_grievances_doer(text, trigger, doer):
    assert _targets(text, trigger) == [doer]


def test_a_participle_of_another_kind_names_no_doer():
    # near miss: who brokered a truce did not do it ("brokered" is no participle of doing)
    assert _targets("Armenia protested the blockade brokered by Moscow.", "protested") == [None]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Tehran retaliated for the strike on its embassy in Beirut.", "retaliated"),
        ("Tehran retaliated for the airstrike on its embassy in Beirut.", "retaliated"),
        ("Caracas protested the strike on its embassy in Bogota.", "protested"),
        ("Ankara retaliated for the deaths of its soldiers in Iraq.", "retaliated"),
    ],
)
def test_a_grievance_with_no_doer_aims_the_response_at_no_one(text, trigger):
    assert _targets(text, trigger) == [None]


@pytest.mark.parametrize(
    "text, trigger, target",
    [
        # near misses: a named aim of the response, and a doer named before the act
        ("Tehran retaliated against Israel for the strike on its embassy.", "retaliated", "Israel"),
        ("Tehran retaliated for the Israeli strike on its embassy.", "retaliated", "Israeli"),
    ],
)
def test_a_response_keeps_its_named_aim_or_the_grievances_doer(text, trigger, target):
    assert _targets(text, trigger) == [target]


def test_a_between_hung_on_the_co_mediator_names_the_two_sides():
    found = _events("Oman mediated with Egypt between Iran and Saudi Arabia.", "mediated")
    assert found
    assert all(e.target is None or e.target.text != "Egypt" for e in found)
    assert [e.target.text for e in found if e.target] == ["Iran"]


def test_a_between_on_the_verb_still_names_the_two_sides():
    # near miss: the order the parser already reads
    assert _targets("Oman mediated between Iran and Saudi Arabia with Egypt.", "mediated") == ["Iran"]


@pytest.mark.parametrize(
    "text, trigger, target",
    [
        ("Tehran vowed revenge for the killing of its commander in Baghdad.", "vowed", None),
        ("Hamas threatened retaliation over the strike on its leader in Beirut.", "threatened", None),
        ("Tehran vowed revenge for the killing of its commander by Israel in Baghdad.", "vowed", "Israel"),
        # the victims named inside the grievance are not its aim either, nor is the country their words name
        ("Tehran vowed revenge for the deaths of its soldiers in Syria.", "vowed", None),
        # near miss: an aim of its own
        ("Tehran vowed revenge against Israel for the deaths of its soldiers in Syria.", "vowed", "Israel"),
    ],
)
def test_a_vow_of_revenge_is_aimed_at_the_killer_or_no_one_not_the_place(text, trigger, target):
    assert _targets(text, trigger) == [target]


def test_a_vow_to_retaliate_for_a_grievance_with_no_doer_has_no_guessed_target():
    # the retaliation promised has no target of its own on purpose; the vow must not take the place's country instead
    assert _targets("Tehran vowed to retaliate for the strike on its embassy in Beirut.", "vowed") == [None]


def test_a_vow_to_retaliate_keeps_the_grievances_doer():
    # near miss: the doer named before the act
    assert _targets("Tehran vowed to retaliate for the Israeli strike on its embassy in Beirut.", "vowed") == ["Israeli"]


@pytest.mark.parametrize(
    "text, target",
    [
        # a show of force's "for" is its purpose: the war it is for is aimed at Iraq, and so is the mobilization
        ("Britain mobilized army reservists for a possible war against Iraq.", "Iraq"),
        # near miss: its "over" is still a grievance, aimed at no victim
        ("Britain mobilized army reservists over the attack on its embassy in Baghdad.", None),
    ],
)
def test_a_show_of_forces_for_is_its_purpose_not_a_grievance(text, target):
    assert _targets(text, "mobilized") == [target]
