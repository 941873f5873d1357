"""No confident wrong person from the entity layer's links (issues 13 and 14, session eighteen): a surname the
gazetteer knows shared by two of the article's people, a surname-first name's gender, the other-gender honorific
written before the full name, "Mr and Mrs X" (a couple, neither of the two).

Invented texts; each rule has cases it changes and near misses (one person who stays one, two who stay two).
"""

from __future__ import annotations

import pytest

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.text.parse import parse


def speakers(text: str) -> list[str | None]:
    doc = parse(text)
    return [q.speaker_name for q in extract_quotes(doc, extract_entities(doc))]


def people(text: str) -> list[list[str]]:
    doc = parse(text)
    return [[m.text for m in e.mentions if m.kind == "name"] for e in extract_entities(doc) if e.type == "PERSON"]


# --- a surname the gazetteer knows, shared by two people: an honorific alone does not tell which


@pytest.mark.parametrize(
    "text, said",
    [
        ("Donald Trump's son Eric Trump visited the plant on Monday. The company is growing fast, Mr Trump said.", "Mr Trump"),
        ("Hunter Biden appeared in court on Tuesday. Joe Biden was in Delaware. The case is closed, Mr Biden said.", "Mr Biden"),
        ("Joe Biden's wife Jill Biden visited a school in Ohio. Teachers need more support, Dr Biden said.", "Dr Biden"),
    ],
)
def test_shared_known_surname_left_as_written(text, said):
    assert speakers(text) == [said]


@pytest.mark.parametrize(
    "text, who",
    [
        ("Donald Trump visited the plant on Monday. The company is growing fast, Mr Trump said.", "Donald Trump"),
        ("Joe Biden visited a school in Ohio. Teachers need more support, Mr Biden said.", "Joe Biden"),
        ("Jill Biden visited a school in Ohio. Teachers need more support, Dr Biden said.", "Jill Biden"),
        # the other of the two is a woman: "Mr" tells which
        ("Ivana Trump met Donald Trump on Monday. The company is growing fast, Mr Trump said.", "Donald Trump"),
    ],
)
def test_one_known_person_keeps_the_surname(text, who):
    assert speakers(text) == [who]


# --- the gazetteer's gender for a name written surname first ("Kim" is a given name of either sex)


def test_ms_kim_is_not_kim_jong_un():
    text = "Kim Jong Un inspected a missile factory. The weapons are ready, Ms Kim said on Friday."
    assert speakers(text) != ["Kim Jong Un"]
    assert ["Kim Jong Un"] in people(text)


@pytest.mark.parametrize(
    "text, who",
    [
        ("Kim Jong Un inspected a missile factory. The weapons are ready, Mr Kim said on Friday.", "Kim Jong Un"),
        ("Kim Yo Jong inspected a factory. The weapons are ready, Ms Kim said on Friday.", "Kim Yo Jong"),
    ],
)
def test_kim_of_the_right_gender_links(text, who):
    assert speakers(text) == [who]


# --- the other gender's honorific written before the full name


def test_mrs_before_a_man_full_name_stays_apart():
    groups = people("Mrs Sunak met teachers in London on Monday. Schools need more money, Rishi Sunak said.")
    assert ["Rishi Sunak"] in groups
    assert not any("Rishi Sunak" in g and len(g) > 1 for g in groups)


@pytest.mark.parametrize(
    "text, whole",
    [
        ("Mr Sunak met teachers in London on Monday. Schools need more money, Rishi Sunak said.", "Rishi Sunak"),
        ("Ms Lopez met teachers in Madrid on Monday. Schools need more money, Maria Lopez said.", "Maria Lopez"),
    ],
)
def test_same_gender_honorific_before_the_full_name_joins(text, whole):
    assert any(whole in g and len(g) == 2 for g in people(text))


# --- "Mr and Mrs X" names a couple: neither of the two


def test_couple_is_not_joined_by_one_of_them():
    doc = parse("Mr and Mrs Ahmadi arrived in Kabul on Sunday. The roads are safe, Mr Ahmadi said.")
    groups = [[m.start for m in e.mentions if m.kind == "name"] for e in extract_entities(doc) if e.type == "PERSON"]
    assert all(len(g) == 1 for g in groups) and len(groups) == 2


def test_couple_named_as_written_beside_the_full_name():
    doc = parse("Reza Ahmadi arrived in Kabul on Sunday. Mr and Mrs Ahmadi met the governor. The roads are safe, Mr Ahmadi said.")
    names = [e.name for e in extract_entities(doc) if e.type == "PERSON"]
    assert "Mr and Mrs Ahmadi" in names and "Mrs Ahmadi" not in names


def test_one_honorific_still_joins():
    assert any(len(g) == 2 for g in people("Mrs Ahmadi arrived in Kabul on Sunday. The roads are safe, Mrs Ahmadi said."))


# --- a given name of either sex: the honorific its surname was given before tells


def test_other_honorific_after_a_unisex_name_stays_apart():
    groups = people("Leslie Grant runs the clinic. Ms Grant opened it in 2010. The funding is late, Mr Grant said on Monday.")
    assert ["Leslie Grant", "Grant"] in groups and ["Grant"] in groups


@pytest.mark.parametrize("honorific", ["Ms", "Mr"])
def test_same_honorific_after_a_unisex_name_joins(honorific):
    text = f"Leslie Grant runs the clinic. {honorific} Grant opened it in 2010. The funding is late, {honorific} Grant said on Monday."
    assert ["Leslie Grant", "Grant", "Grant"] in people(text)


# --- a surname left as written is not the gazetteer's person named in full beside it


def test_surname_left_apart_takes_no_gazetteer_code():
    doc = parse("Donald Trump's son Eric Trump visited the plant on Monday. The company is growing fast, Mr Trump said.")
    by_name = {e.name: e for e in extract_entities(doc) if e.type == "PERSON"}
    assert by_name["Donald Trump"].actor == "USAGOV"
    assert by_name["Mr Trump"].actor is None


def test_surname_alone_keeps_the_gazetteer_code():
    doc = parse("Trump visited the plant on Monday. The company is growing fast, he said.")
    assert next(e for e in extract_entities(doc) if e.type == "PERSON").actor == "USAGOV"
