"""Issue 13, session fourteen (events14a): constructions behind wrong records at confidence >= 0.7 on outside news.
A means clause ("X punished Y by cutting aid") is the doer's act, not its object's; an appeal made to someone is aimed
at them, not at whom they are to act on; a timetable ("is scheduled to", "is due to", "is to meet") is intended; a verb
of combat whose object names no one ("battling depression") is no attack. Invented sentences (none from a judged
sheet), each beside the construction that stays as it was."""

from __future__ import annotations

from test_events_roles_offices import _code, _with, events


def test_a_means_clause_is_done_by_the_clause_subject():
    found = _with(events("Japan provided the US with indirect support by extending economic assistance to Pakistan."), "extending")
    assert found and all(_code(e.source) == "JPN" and _code(e.target) == "PAK" for e in found)
    found = _with(events("The European Union punished Turkey by cutting aid to Ankara."), "cutting")
    assert all(_code(e.source) == "IGOEUR" for e in found)
    assert all(_code(e.source) != "TUR" for e in found)


def test_an_accusation_of_doing_is_still_done_by_the_accused():
    found = _with(events("Turkey accused Syria of shooting down a Turkish jet."), "accused")
    assert found and all(_code(e.source) == "TUR" and _code(e.target) == "SYR" for e in found)


def test_an_appeal_to_an_uncoded_addressee_is_not_aimed_at_the_one_to_be_pressed():
    for text in (
        "The Palestinian prime minister called on the international community to pressure Israel to allow the vote.",
        "Abbas urged world leaders to press Israel to stop building settlements.",
    ):
        found = _with(events(text), "called") + _with(events(text), "urged")
        assert found, text
        assert all(e.target is None or _code(e.target) != "ISR" for e in found), text


def test_an_appeal_to_a_coded_addressee_keeps_it():
    found = _with(events("Abbas urged the United Nations to press Israel to stop building settlements."), "urged")
    assert found and all(_code(e.target) == "IGOUNO" for e in found)
    found = _with(events("Syria called on Turkey to withdraw its troops from Iraq."), "called")
    assert found and all(_code(e.target) == "TUR" for e in found)


def test_a_demanded_thing_is_no_addressee():
    found = _with(events("Iran demanded that the United States lift sanctions."), "demanded")
    assert found and all(_code(e.target) == "USA" for e in found)


def test_a_timetable_is_intended():
    for text, word in (
        ("Kerry was scheduled to travel to Egypt next week for a conference.", "travel"),
        ("Putin is due to meet Erdogan in Ankara on Tuesday.", "meet"),
        ("Shalom is to meet Monday with U.S. Secretary of State Colin Powell.", "meet"),
        ("The Israeli foreign minister is slated to meet Kerry in Washington.", "meet"),
    ):
        found = _with(events(text), word)
        assert found, text
        assert all(e.modality == "intended" for e in found), text
        assert all(e.confidence < 0.7 for e in found), text


def test_a_done_meeting_stays_asserted():
    found = _with(events("Putin met Erdogan in Ankara on Tuesday."), "met")
    assert found and all(e.modality == "asserted" for e in found)


def test_fighting_an_illness_is_no_attack():
    text = "A homeless asylum seeker battling mental issues from Myanmar set himself on fire in Melbourne."
    assert not _with(events(text), "battling")
    assert not _with(events("The Nigerian president, who is fighting cancer, met the Chinese premier in Beijing."), "fighting")


def test_fighting_armed_men_is_still_combat():
    found = _with(events("Iraqi Kurdish fighters battling Islamic State destroyed Arab homes."), "battling")
    assert found and all(e.cameo_root == "19" for e in found)
    found = _with(events("Nigerian soldiers fought Boko Haram militants in Borno."), "fought")
    assert found and all(e.cameo_root == "19" for e in found)


def test_a_fight_whose_object_is_the_fight_or_names_the_enemy_stays():
    found = _with(events("Palestinian gunmen and Israeli troops fought pitched battles Thursday near the camp."), "fought")
    assert found and all(e.cameo_root == "19" for e in found)
    found = _with(events("Iran and Iraq fought a war in the 1980s."), "fought")
    assert found and all(e.cameo_root == "19" for e in found)
    found = _with(events("Iraq fought a long campaign against Kurdish rebels in the north."), "fought")
    assert found and all(_code(e.target) == "IRQREB" for e in found)
