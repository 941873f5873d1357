"""Issue 13, session twenty (events20j): classes of wrong events the independent judge found on real news. Invented
sentences, each fix beside a near miss that must not change."""

from __future__ import annotations

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


def test_contributing_to_an_outcome_is_no_aid():
    assert _codes("Moldovan voters contributed to the victory of the president.", "contributed") == []


def test_contributing_to_a_fund_stays_aid():
    assert _codes("Germany contributed to the fund for Ukraine.", "contributed") == ["070"]
