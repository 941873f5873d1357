"""Country codes from names, abbreviations, demonyms, capitals and cities."""

from __future__ import annotations

import pytest

from newswire.lexicon import countries


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the U.S.", "USA"),
        ("the United States", "USA"),
        ("The United States", "USA"),
        ("United  States", "USA"),
        ("Britain", "GBR"),
        ("U.K.", "GBR"),
        ("Syria", "SYR"),
        ("Syria's", "SYR"),
        ("Syria’s", "SYR"),
        ("Syrian Arab Republic", "SYR"),  # pycountry's official name
        ("Russia", "RUS"),
        ("Switzerland", "CHE"),
        ("us", None),  # the pronoun
        ("Narnia", None),
        ("", None),
    ],
)
def test_country_from_name(text, expected):
    assert countries.country_from_name(text) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Syrian", "SYR"),
        ("Syrians", "SYR"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Swiss", "CHE"),
        ("Martian", None),
    ],
)
def test_country_from_demonym(word, expected):
    assert countries.country_from_demonym(word) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bosnian Serbs", "BIH"),  # the country of the first words: they live in Bosnia
        ("Iraqi Kurds", "IRQ"),
        ("Sri Lankan Tamils", "LKA"),
        ("ethnic Albanians", "ALB"),
        ("Bosnian Serb", "BIH"),  # as a modifier: "Bosnian Serb forces"
        ("Russian President", None),  # no people: a title
        ("Serbs", None),  # one word is a demonym, not a group of this kind
    ],
)
def test_country_from_group(text, expected):
    assert countries.country_from_group(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Damascus", "SYR"),
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("London", "GBR"),
        ("Geneva", None),  # a city, not a capital
    ],
)
def test_country_from_capital(text, expected):
    assert countries.country_from_capital(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Geneva", "CHE"),
        ("Aleppo", "SYR"),
        ("New York", "USA"),
        ("São Paulo", "BRA"),
        ("Sao Paulo", "BRA"),
        ("Atlantis", None),
        # a name in capitals (a dateline, a headline) whatever its case; not a short one, which may be an acronym
        ("HAMBURG", "DEU"),
        ("SAO PAULO", "BRA"),
        ("NICE", None),
        ("hamburg", None),
    ],
)
def test_country_from_city(text, expected):
    assert countries.country_from_city(text) == expected


def test_city_row():
    row = countries.city("Geneva")
    assert (row.name, row.country) == ("Geneva", "CHE")
    assert row.population >= 100_000


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S.", "USA"),  # name
        ("Russian", "RUS"),  # demonym
        ("Damascus", "SYR"),  # capital
        ("Geneva", "CHE"),  # city
        ("Virginia", "USA"),  # a US state, not the far smaller South African town of that name
        ("Ontario", "CAN"),  # a province, not the Californian city
        ("San Juan", "PRI"),  # a city and an Argentine province of a size: the city
        ("Syria's", "SYR"),
        ("us", None),
        ("Atlantis", None),
    ],
)
def test_country_of(text, expected):
    assert countries.country_of(text) == expected


@pytest.mark.parametrize(
    "code, expected",
    [("SYR", "Syria"), ("USA", "United States"), ("CHE", "Switzerland"), ("XKX", "Kosovo"), ("ZZZ", None)],
)
def test_country_name(code, expected):
    assert countries.country_name(code) == expected


@pytest.mark.parametrize("code, expected", [("SYR", True), ("XKX", True), ("SUN", True), ("ZZZ", False), ("IGO", False)])
def test_is_country_code(code, expected):
    assert countries.is_country_code(code) is expected


@pytest.mark.parametrize("text, expected", [("SYRIA", "SYR"), ("UNITED STATES", "USA")])
def test_name_case_variants(text, expected):
    assert countries.country_from_name(text) == expected


@pytest.mark.parametrize("word", ["turkey", "chad", "china", "guinea"])
def test_lower_case_ordinary_word_is_not_a_country(word):
    assert countries.country_from_name(word) is None


@pytest.mark.parametrize(
    "text, expected",
    [("South Lebanon", "LBN"), ("western Cambodia", "KHM"), ("Kosovo province", "XKX"), ("Northern Iraq", "IRQ"), ("the north", None), ("Southeast Asia", None)],
)
def test_country_from_region(text, expected):
    assert countries.country_from_region(text) == expected


def test_a_name_listed_with_its_article_is_found_without_it():
    assert countries.country_from_name("the Emirates") == countries.country_from_name("Emirates") == "ARE"
    assert countries.country_of("North Korea") == "PRK"  # a country's own name before a region of another
