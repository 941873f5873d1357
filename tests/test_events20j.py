"""Issue 13, session twenty (events20j): classes of wrong events the independent judge found on real news. Invented
sentences, each fix beside a near miss that must not change."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str, trigger: str) -> list:
    events = newswire.analyze(text, published="2026-05-05").events
    return [e for e in events if e.trigger.text == trigger]


def _codes(text: str, trigger: str) -> list[str]:
    return [e.cameo for e in _events(text, trigger)]


def test_trading_at_a_price_is_no_trade():
    assert _codes("The euro was trading at 300 pesos in Havana on Monday.", "trading") == []


def test_trading_with_a_country_stays_trade():
    assert _codes("Canada trades with Cuba.", "trades") == ["061"]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The bombing dashed any chance of dialogue between Cuba and the United States.", "dialogue"),
        ("The bombing ended the prospect of talks between Iran and the United States.", "talks"),
        ("Analysts warned of the risk of an Israeli attack on Iran.", "attack"),
        ("There is little chance of talks or a ceasefire between Russia and Ukraine.", "ceasefire"),
    ],
)
def test_an_event_noun_that_is_only_a_possibility_is_not_asserted(text, trigger):
    assert [e.modality for e in _events(text, trigger) if e.modality == "asserted"] == []


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Officials discussed the outcome of talks between Iran and the United States.", "talks"),
        ("The bombing followed talks between Iran and the United States.", "talks"),
    ],
)
def test_talks_that_happened_stay_asserted(text, trigger):
    assert [(e.cameo, e.modality) for e in _events(text, trigger)] == [("040", "asserted")]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Netanyahu instructed the authorities to deport the activists.", "deport"),
        ("Netanyahu ordered the army to attack Gaza.", "attack"),
    ],
)
def test_an_act_someone_is_ordered_to_do_is_requested(text, trigger):
    assert [e.modality for e in _events(text, trigger)] == ["requested"]


def test_an_act_done_after_an_order_stays_asserted():
    assert [e.modality for e in _events("The army attacked Gaza after Netanyahu ordered it.", "attacked")] == ["asserted"]


@pytest.mark.parametrize(
    "text",
    ["Trump ruled out an escalation with Cuba.", "Trump ruled out military action against Cuba."],
)
def test_ruling_out_ones_own_force_is_no_refusal(text):
    assert _codes(text, "ruled out") == []


@pytest.mark.parametrize(
    "text", ["Trump ruled out talks with Cuba.", "Turkey ruled out the use of its air bases by American forces."]
)
def test_ruling_out_talks_or_anothers_use_stays_a_refusal(text):
    assert [c[:2] for c in _codes(text, "ruled out")] == ["12"]


def test_doubting_an_act_reports_none():
    assert _codes("An analyst doubts China will contribute forces to the mission.", "contribute") == []


def test_an_act_an_analyst_confirms_stays():
    text = "An analyst confirmed that China contributed forces to the mission."
    assert [e.modality for e in _events(text, "contributed")] == ["asserted"]


def test_contributing_to_an_outcome_is_no_aid():
    assert _codes("Moldovan voters contributed to the victory of the president.", "contributed") == []


def test_contributing_to_a_fund_stays_aid():
    assert _codes("Germany contributed to the fund for Ukraine.", "contributed") == ["070"]


def test_an_order_that_was_only_possible_requests_nothing():
    text = "Analysts argue that Iran could have ordered Hezbollah to mount a large attack from Lebanon."
    assert [e.modality for e in _events(text, "attack") if e.modality in ("asserted", "requested")] == []


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("His experience allowed Macron to count on him during the crisis.", "allowed"),
        ("Britain issued a licence that will allow Russian gas to continue flowing.", "allow"),
    ],
)
def test_a_thing_that_lets_someone_act_concedes_nothing(text, trigger):
    assert _codes(text, trigger) == []


@pytest.mark.parametrize(
    "text, trigger",
    [("Egypt allowed Palestinians to cross the border.", "allowed"), ("Palestinians were allowed to cross the border.", "allowed")],
)
def test_a_state_that_lets_someone_act_stays_a_concession(text, trigger):
    assert _codes(text, trigger) == ["080"]
