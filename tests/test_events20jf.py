"""Issue 13, session twenty-one (events20jf): the review of events20j's merge (review21j) found its new rules removing right
events or keeping wrong ones. Invented sentences, each fix beside a near miss that must not change."""

from __future__ import annotations

import pytest

import newswire


def _events(text: str, trigger: str) -> list:
    events = newswire.analyze(text, published="2026-05-05").events
    return [e for e in events if e.trigger.text == trigger]


def _coded(text: str, trigger: str) -> list[tuple]:
    return [(e.cameo, e.modality, e.source and e.source.actor) for e in _events(text, trigger)]


# M1: a verb of letting whose subject phrase names who lets is a concession (080), not a thing's making possible


@pytest.mark.parametrize(
    "text, source",
    [
        ("Syria's rulers allowed UN inspectors to visit the airbase.", "SYR"),
        ("Turkish negotiators allowed Greek officials to inspect the vessel.", "TUR"),
        ("The Egyptian side allowed Sudanese refugees to cross the border.", "EGY"),
        ("The Egyptian prison service allowed Red Cross workers to visit the detainees.", "EGY"),
    ],
)
def test_a_subject_naming_who_lets_stays_a_concession(text, source):
    assert [(c, s[:3]) for c, _, s in _coded(text, "allowed")] == [("080", source)]


@pytest.mark.parametrize(
    "text",
    [
        "Her courage allowed Zelensky to count on the soldiers.",
        "The new software permits Iraqi officials to track shipments.",
    ],
)
def test_a_thing_that_lets_still_concedes_nothing(text):
    trigger = text.split()[2] if text.startswith("Her") else "permits"
    assert _coded(text, trigger) == []


@pytest.mark.parametrize(
    "text", ["The Serbian strike allowed the militants to regroup.", "The Serbian withdrawal allowed Kosovar police to enter the town."]
)
def test_an_act_that_lets_is_no_concession_of_its_doer(text):
    assert _coded(text, "allowed") == []


# M2: ruling out someone else's force refuses it; one's own force is no intent


@pytest.mark.parametrize(
    "text",
    [
        "Serbia ruled out any deployment of Albanian troops in Kosovo.",
        "Syria ruled out a Turkish military operation against Kurdish fighters.",
        "Cuba ruled out an intervention by Venezuela in the dispute.",
    ],
)
def test_ruling_out_anothers_force_is_a_refusal(text):
    assert [c[:2] for c, _, _ in _coded(text, "ruled out")] == ["12"]


@pytest.mark.parametrize(
    "text",
    [
        "Serbia ruled out a deployment of its troops in Kosovo.",
        "Serbia ruled out a Serbian military operation in Kosovo.",
        "Syria ruled out military action against Turkey.",
    ],
)
def test_ruling_out_ones_own_force_stays_no_event(text):
    assert _coded(text, "ruled out") == []


# M3: a negated doubt asserts


@pytest.mark.parametrize(
    "text",
    [
        "No one doubts that Serbia attacked Kosovo.",
        "Nobody doubts that Serbia attacked Kosovo.",
        "Western officials do not doubt that Serbia attacked Kosovo.",
    ],
)
def test_a_negated_doubt_asserts(text):
    assert [(c, m) for c, m, _ in _coded(text, "attacked")] == [("190", "asserted")]


def test_a_doubt_still_reports_no_act():
    assert [m for _, m, _ in _coded("Western officials doubt that Serbia attacked Kosovo.", "attacked") if m == "asserted"] == []


# M4: in one sentence the act reported done wins over the same act ordered


def test_an_act_done_beside_its_order_is_kept_asserted():
    text = "Vucic ordered Serbian troops to attack Kosovo, and Serbian troops attacked Kosovo on Monday."
    events = newswire.analyze(text, published="2026-05-05").events
    assert [(e.cameo, e.modality) for e in events if e.cameo[:2] == "19"] == [("190", "asserted")]


def test_an_order_alone_stays_requested():
    assert [m for _, m, _ in _coded("Vucic ordered Serbian troops to attack Kosovo.", "attack")] == ["requested"]


# M5: a later definite mention its clause reports done is not a mere possibility because an earlier mention was


@pytest.mark.parametrize(
    "text, trigger, code",
    [
        ("Kosovo warned of the risk of a Serbian attack on Pristina. On Monday the attack killed 12 Kosovar police officers.", "attack", "190"),
        ("Diplomats spoke of the chance of talks between Serbia and Kosovo. The talks began in Brussels on Monday.", "talks", "040"),
    ],
)
def test_a_possible_act_later_reported_done_is_asserted(text, trigger, code):
    assert [(c, m) for c, m, _ in _coded(text, trigger)] == [(code, "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Kosovo warned of the risk of a Serbian attack on Pristina. The attack would be devastating for Kosovo.",
        "Kosovo warned of the risk of a Serbian attack on Pristina. Officials said the attack would be met with force.",
    ],
)
def test_a_possible_act_spoken_of_again_stays_unasserted(text):
    assert [m for _, m, _ in _coded(text, "attack") if m == "asserted"] == []


# M6: the dangers of an act that happened


@pytest.mark.parametrize(
    "text",
    [
        "The dangers of the Serbian invasion of Kosovo have reshaped the Balkans.",
        "The dangers of Serbia's invasion of Kosovo have reshaped the Balkans.",
    ],
)
def test_the_dangers_of_a_named_actors_act_assert_it(text):
    assert [(c[:2], m) for c, m, _ in _coded(text, "invasion")] == [("19", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts warned of the danger of a Serbian invasion of Kosovo.",
        "Analysts warned of the dangers of the invasion of Kosovo.",
    ],
)
def test_the_danger_of_an_act_not_yet_done_stays_unasserted(text):
    assert [m for _, m, _ in _coded(text, "invasion") if m == "asserted"] == []


def test_the_chance_of_a_named_actors_act_stays_unasserted():
    text = "The chance of the release of the Serbian prisoners by Kosovo grew after talks in Brussels."
    assert [m for _, m, _ in _coded(text, "release") if m == "asserted"] == []


# S1: "odds" (lemmatised "odd")


def test_the_odds_of_talks_are_no_talks():
    text = "The odds of talks between Serbia and Kosovo are low."
    assert [m for _, m, _ in _coded(text, "talks") if m == "asserted"] == []


def test_talks_without_odds_stay():
    text = "Talks between Serbia and Kosovo began on Monday."
    assert [(c, m) for c, m, _ in _coded(text, "Talks")] == [("040", "asserted")]


# S3: trading at a place is trade; at a price or rate it is a quote


@pytest.mark.parametrize(
    "text, trigger",
    [("Serbia and Hungary traded at the border.", "traded"), ("Serbia trades with Hungary at record levels.", "trades")],
)
def test_trading_at_a_place_or_with_a_partner_stays_trade(text, trigger):
    assert [c for c, _, _ in _coded(text, trigger)] == ["061"]


@pytest.mark.parametrize(
    "text",
    ["The dinar traded at 117 to the euro.", "The dinar was trading at a record low on Monday."],
)
def test_trading_at_a_price_stays_no_trade(text):
    trigger = "traded" if "traded" in text else "trading"
    assert _coded(text, trigger) == []
