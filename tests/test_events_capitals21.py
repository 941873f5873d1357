"""Issue 13, session twenty-one (actors21): a country's capital standing for its state is coded as the state's
government (CAMEO, and realnews-events/dev.jsonl's gold: "warnings from Moscow" RUSGOV); a capital used as a place
keeps its bare country. Invented sentences, each case beside a near miss."""

from __future__ import annotations

import pytest

import newswire
from newswire.lexicon.capitals import seat_country, stands_for_state


def _sides(text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    events = newswire.analyze(text, published="2026-05-05").events
    code = lambda a: a.actor if a is not None else None  # noqa: E731
    return [(code(e.source), code(e.target)) for e in events if e.trigger.text == trigger]


@pytest.mark.parametrize(
    "text, trigger, sides",
    [
        # subject and object of a verb of saying or of pressure
        ("Moscow accused Kyiv of breaking the truce on Tuesday.", "accused", ("RUSGOV", None)),
        ("Ottawa condemned Washington over the new duties.", "condemned", ("CANGOV", "USAGOV")),
        ("Paris demanded that Rome reopen its ports to the rescue ships.", "demanded", ("FRAGOV", "ITAGOV")),
        # the subject of a relative clause
        ("The raid followed a bombing that New Delhi blamed on Pakistan.", "blamed", ("INDGOV", "PAK")),
        # a passive's "by" agent
        ("Kyiv was accused by Moscow of breaking the truce.", "accused", ("RUSGOV", None)),
        # the possessor of a noun for a state's act, and a party after "against" and "on"
        ("Berlin's sanctions against Tehran angered the traders.", "sanctions", ("DEUGOV", "IRNGOV")),
        ("The talks collapsed after London imposed sanctions on Moscow.", "imposed", ("GBRGOV", "RUSGOV")),
        # the "from" phrase of a noun for a state's act
        ("The minister dismissed stern warnings from Moscow that the strikes would harm relations.", "warnings",
         ("RUSGOV", None)),
        # coordinated capitals: the first speaks for the rest
        ("Tokyo and Seoul signed a treaty on Monday.", "signed", ("JPNGOV", "KORGOV")),
        # an old spelling of the capital
        ("Kiev accused Moscow of shelling the plant.", "accused", ("UKRGOV", "RUSGOV")),
    ],
)
def test_a_capital_standing_for_its_state_is_its_government(text, trigger, sides):
    assert sides in _sides(text, trigger)


@pytest.mark.parametrize(
    "text, trigger, sides",
    [
        # the country's own name keeps the bare country (the sector needs words of its own)
        ("Russia accused Ukraine of breaking the truce on Tuesday.", "accused", ("RUS", "UKR")),
        # a city struck, shelled or visited is the place
        ("Russia attacked Kyiv again on Friday.", "attacked", ("RUS", "UKR")),
        # a modifier of a body or of people: the body's or the people's own code
        ("A Moscow court sentenced the activist to five years.", "sentenced", ("RUSJUD", None)),
        ("Moscow residents protested against the new tax.", "protested", ("RUSCVL", None)),
    ],
)
def test_a_capital_used_as_a_place_or_a_modifier_is_no_government(text, trigger, sides):
    assert sides in _sides(text, trigger)


def test_a_capital_in_a_place_phrase_is_the_place():
    # "flew to Moscow": the place; "urged Moscow": the state
    sides = _sides("The prime minister flew to Moscow, where he urged Moscow to end the war.", "urged")
    assert [t for _, t in sides] == ["RUSGOV"]
    assert all(t != "RUSGOV" for _, t in _sides("The prime minister flew to Moscow on Monday.", "flew"))


def test_a_capital_that_is_a_persons_surname_is_no_state():
    text = "Denzel Washington spoke at the premiere. Washington accused critics of racism."
    assert all(s != "USAGOV" for s, _ in _sides(text, "accused"))
    # near miss: the same sentence in an article with no such person
    assert ("USAGOV", None) in _sides("The talks stalled. Washington accused critics of racism.", "accused")


def test_a_capital_whose_name_is_a_state_named_so_is_no_government():
    text = "The governor of Washington state criticised the plan. Washington sued the federal government."
    assert all(s != "USAGOV" for s, _ in _sides(text, "sued"))


def test_capitals_that_are_no_seat_of_government():
    assert seat_country("Moscow") == "RUS" and seat_country("Kiev") == "UKR" and seat_country("New Delhi") == "IND"
    # a state's own capital, a capital where the government does not sit, a country's own name
    assert seat_country("Delhi") is None and seat_country("Amsterdam") is None and seat_country("Russia") is None
    # a capital that as an actor names the body seated there (the EU), not its state
    assert seat_country("Brussels") is None


def test_a_capital_named_as_something_is_the_city():
    # "recognised Jerusalem as Israel's capital": the city's status, not Israel's government
    sides = _sides("The president recognised Jerusalem as Israel's capital in 2017.", "recognised")
    assert sides and all(t != "ISRGOV" for _, t in sides)
    # with no "as" too (actors21f): the recognised capital is the city's status; its subject keeps the government
    assert ("CHNGOV", "XKX") in _sides("Beijing formally recognised Pristina on Monday.", "recognised")


@pytest.mark.parametrize(
    "text, capital, stands",
    [
        ("London imposed sanctions on Moscow.", "Moscow", True),
        # a verb that is no act between parties: the city it is done on
        ("Russian jets dropped bombs on Kyiv overnight.", "Kyiv", False),
        ("Russian forces shelled Kyiv overnight.", "Kyiv", False),
        ("Kyiv was shelled overnight.", "Kyiv", False),
        ("The talks in Moscow ended.", "Moscow", False),
        ("Analysts doubted Rome's ambitions to lead the bloc.", "Rome", True),
        ("The ceasefire was a key demand by Kyiv.", "Kyiv", True),
        ("The deal between the Vatican and Beijing was renewed.", "Beijing", True),
        # near misses: a place's noun, a people's noun
        ("Crowds filled the streets of Warsaw.", "Warsaw", False),
        ("Rome's residents welcomed the rain.", "Rome", False),
    ],
)
def test_the_construction_of_a_capital_standing_for_its_state(nlp, text, capital, stands):
    doc = nlp(text)
    word = next(t for t in doc if t.text == capital)
    assert stands_for_state(word) is stands


# actors21f: review21a's must-fixes. Each case beside a near miss that keeps the government.
@pytest.mark.parametrize(
    "text, trigger, sides",
    [
        # a capital owning what a crowd does is the city's people
        ("Sofia's protest against President Petrov drew 50,000 people.", "protest", ("BGR", "BGRGOV")),
        ("Lima's riots against the new tax spread on Monday.", "riots", ("PER", None)),
        # "from" after a noun of moving out names the place left
        ("Germany's withdrawal from Kabul in August surprised its allies.", "withdrawal", ("DEU", "AFG")),
        # destroying or looting a city is an act on the place
        ("Enemy missiles destroyed Kabul last year.", "destroyed", (None, "AFG")),
        ("Fighters looted Tripoli on Sunday.", "looted", (None, "LBY")),
        # a curfew imposed on a capital lies on its people
        ("Soldiers imposed a curfew on Bangkok.", "imposed", (None, "THA")),
        # recognising a capital is its status, with or without "as"
        ("Argentina recognized Jerusalem on Monday.", "recognized", ("ARG", "ISR")),
        # a capital against its own government is the city (or a state of its name)
        ("Rome accused Prime Minister Meloni of starving the city of funds.", "accused", ("ITA", "ITAGOV")),
        # a capital coordinated with a city that is no capital is a city too
        ("Madrid and Valencia criticised Lisbon over the water deal.", "criticised", ("ESP", "PRTGOV")),
        # "Washington, D.C." is the District
        ("Washington, D.C. sued the Trump administration over the troops.", "sued", ("USA", "USAGOV")),
    ],
)
def test_a_capital_as_its_people_or_its_place_is_no_government(text, trigger, sides):
    assert sides in _sides(text, trigger)


@pytest.mark.parametrize(
    "text, trigger, sides",
    [
        # a capital owning a state's act keeps the government
        ("Berlin's threat against Warsaw angered the traders.", "threat", ("DEUGOV", "POLGOV")),
        # sanctions imposed on a capital are imposed on its state
        ("The talks collapsed after Paris imposed sanctions on Moscow.", "imposed", ("FRAGOV", "RUSGOV")),
        # a capital against another country's government keeps its own
        ("Rome accused President Macron of breaking the deal.", "accused", ("ITAGOV", "FRAGOV")),
        # a capital coordinated with another capital (Brussels, the Union's seat) keeps the government
        ("Madrid and Brussels criticised Lisbon over the water deal.", "criticised", ("ESPGOV", "PRTGOV")),
        # plain "Washington" against another state
        ("Washington accused Beijing of dumping steel.", "accused", ("USAGOV", "CHNGOV")),
        # a capital against its own people (the bare country), not its own government, is the government (review21z)
        ("Washington accused Americans fighting for Russia of treason.", "accused", ("USAGOV", "USA")),
    ],
)
def test_near_misses_keep_the_government(text, trigger, sides):
    assert sides in _sides(text, trigger)
