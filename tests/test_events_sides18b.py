"""Event sides (issue 13, session eighteen, review fixes): a condemned act's doer is never its victim, "blamed the
attack on Y" blames Y, a release of people held with no "by" agent asks no one, a topic "on" is no target, and a
mutual act has no single doer to blame."""

from __future__ import annotations

import newswire


def _events(text: str):
    return newswire.analyze(text, published="2020-01-01").events


def _target(ev) -> str:
    return (ev.target.actor or "") if ev.target else ""


def _of(found, plover: str):
    return [ev for ev in found if ev.plover == plover]


# must-fix 3: a participle of holding with no "by" agent names no holder
def test_a_release_of_people_detained_somewhere_asks_no_one():
    for text in ("Washington called for the release of Americans detained in Russia.",
                 "Britain demanded the release of British sailors seized in the Gulf.",
                 "Chile demanded the release of Chilean hostages taken to Peru."):
        found = _of(_events(text), "REQUEST")
        assert found and all(_target(ev) == "" for ev in found), text


def test_a_release_of_people_held_by_someone_is_still_asked_of_them():
    # near miss: an explicit agent is the holder
    found = _of(_events("Egypt demanded the release of prisoners held by Israel."), "REQUEST")
    assert found and all(_target(ev)[:3] == "ISR" for ev in found)
    found = _of(_events("Chile called for the release of the sailors captured by Peru last week."), "REQUEST")
    assert found and all(_target(ev)[:3] == "PER" for ev in found)


# must-fix 1: a condemned act's possessive is as often its victim; a "by" agent beats it
def test_a_condemned_act_of_a_possessive_victim_blames_no_one():
    for text in ("Rights groups condemned Navalny's arrest.",
                 "The Arab League condemned Qatar's blockade.",
                 "The UN condemned Rafah's bombardment.",
                 "Jordan condemned the Palestinians' expulsion from the West Bank."):
        found = _of(_events(text), "ACCUSE")
        assert found and all(_target(ev) == "" for ev in found), text


def test_a_condemned_act_s_by_agent_beats_its_possessive():
    for text, doer in (("The European Union condemned Navalny's arrest by Russian police.", "RUS"),
                       ("Iran condemned Syria's bombing by Israel.", "ISR"),
                       ("China condemned Taiwan's blockade by the United States.", "USA")):
        found = _of(_events(text), "ACCUSE")
        assert found and all(_target(ev)[:3] == doer for ev in found), text
    found = _of(_events("Turkey condemned Gaza's bombardment by Israel."), "ACCUSE")
    assert all(_target(ev)[:3] != "PSE" for ev in found)


def test_a_by_agent_hung_on_the_condemning_verb_is_the_act_s_doer():
    # the parser hangs "by" on the active verb right after its object
    for text, doer in (("Chile condemned Bolivia's bombardment by Peru.", "PER"),
                       ("Chile condemned the attack on Bolivia by Peru.", "PER")):
        found = _of(_events(text), "ACCUSE")
        assert found and all(_target(ev)[:3] == doer for ev in found), text
    # near miss: a "by" of manner names no one
    found = _of(_events("Chile condemned Peru's arrest by saying it was illegal."), "ACCUSE")
    assert found and all(_target(ev) == "" for ev in found)


def test_a_condemned_act_s_possessive_with_its_own_patient_is_the_doer():
    # near misses (the review's "checked and holding")
    for text, doer in (("Egypt condemned Israel's strikes on Gaza.", "ISR"),
                       ("Turkey denounced Greece's expulsion of migrants.", "GRC"),
                       ("Jordan condemned the Israeli raid.", "ISR"),
                       ("China criticized the U.S. sanctions on Huawei.", "USA")):
        found = _of(_events(text), "ACCUSE")
        assert found and all(_target(ev)[:3] == doer for ev in found), text


# should-fix 5: a mutual act, or one by two sides, has no single doer to blame
def test_a_condemned_mutual_act_blames_neither_side():
    for text in ("Lebanon condemned the clashes between Israeli forces and Hezbollah fighters.",
                 "The Security Council condemned the attack on peacekeepers in Lebanon by Israel and Hezbollah."):
        found = _of(_events(text), "ACCUSE")
        assert found and all(_target(ev) == "" for ev in found), text


# must-fix 2: "blamed the attack on Y" blames Y
def test_blaming_an_act_on_someone_is_aimed_at_them():
    for text, blamed in (("Israel blamed the attack on Hamas.", "PSE"),
                         ("Russia blamed the Crocus concert hall attack on Ukraine.", "UKR"),
                         ("Israel blamed the bombing of its embassy in Buenos Aires on Iran.", "IRN"),
                         ("Officials blamed the killing of the journalist on Mexican cartels.", "MEX")):
        found = _of(_events(text), "ACCUSE")
        assert found and all(_target(ev)[:3] == blamed for ev in found), text


def test_blaming_someone_for_an_act_is_unchanged():
    # near miss: the object is the one blamed, the act's "on" its victim
    found = _of(_events("Israel blamed Hamas for the attack on Gaza."), "ACCUSE")
    assert found and all(_target(ev)[:3] == "PSE" for ev in found)


# should-fix 4: only a measure laid on someone takes its passive's "on" as the target
def test_a_topic_on_of_a_passive_meeting_or_agreement_is_no_target():
    for text, topic in (("A meeting was held on the situation in Peru by the Security Council.", "PER"),
                        ("Consultations were held on Syria between Turkey and Iran.", "SYR"),
                        ("An agreement was reached on Ukraine between Russia and the United States.", "UKR"),
                        ("An award was conferred on the Egyptian negotiator.", "EGY")):
        assert all(_target(ev)[:3] != topic for ev in _events(text)), text


def test_a_measure_laid_on_a_country_in_the_passive_still_is_aimed_at_it():
    # near misses
    for text in ("An embargo was imposed on Chile.", "Sanctions were imposed on Chile after its invasion of Peru."):
        found = _of(_events(text), "SANCTION")
        assert found and all(_target(ev)[:3] == "CHL" for ev in found), text
