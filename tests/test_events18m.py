"""What the visible band must not tell as done (issue 13, session eighteen): the counter-claim of a denial, an act
looked for in a "for" clause, a visit in a time clause under a future, and an act told only as the purpose of a going
or sending.
Every sentence is invented."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _seen(text: str, floor: float = 0.3) -> list[tuple[str | None, str, str]]:
    return [(e.plover, e.trigger.text, e.modality) for e in events(text) if e.confidence >= floor]


@pytest.mark.parametrize("text", [
    "The Taliban rejected that charge, saying the prisoners were killed by Pakistani forces.",
    "The Houthis dismissed the allegations, saying the sailors were killed by American airstrikes.",
])
def test_the_counter_claim_of_a_denial_is_not_coded_again(text):
    assert [e for e in events(text) if e.trigger.text == "killed"] == []


def test_a_plain_report_keeps_its_event():
    # near miss: no denial, the report's killing is coded as before
    found = events("Pakistan said the prisoners were killed by Taliban fighters.")
    assert [(e.plover, e.trigger.text) for e in found] == [("ASSAULT", "killed")]


def test_an_act_waited_for_is_not_asserted():
    assert [e for e in events("Lebanon has been waiting for the militia to retaliate against Israel.") if e.modality == "asserted"] == []


def test_a_call_for_someone_to_act_stays_a_request():
    # near miss: an appeal's "for" clause is what the appeal asks, requested as before
    found = events("The opposition called for Israel to withdraw from Gaza.")
    assert [(e.trigger.text, e.modality) for e in found] == [("withdraw", "requested")]


def test_an_act_told_only_as_a_purpose_is_not_asserted():
    found = events("Egypt sent envoys to Doha to mediate between Israel and Hamas.")
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("CONSULT", "mediate", "intended")]  # no intent (039)


def test_the_same_act_done_is_asserted():
    # near miss: a mediation reported as done
    found = events("Egypt mediated talks between Israel and Hamas.")
    assert [(e.trigger.text, e.modality) for e in found] == [("mediated", "asserted")]


def test_a_visit_in_a_time_clause_under_a_future_is_planned():
    found = events("The officials said Trump will discuss the plan on Monday when the Ukrainian president visits the White House.")
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("CONSULT", "visits", "intended")]


def test_a_visit_in_a_past_time_clause_is_asserted():
    # near miss: the same time clause in the past tells a visit that happened
    found = events("Trump discussed the plan on Monday when the Ukrainian president visited the White House.")
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("CONSULT", "visited", "asserted")]


def test_an_event_noun_inside_a_purpose_keeps_its_own_modality():
    # near miss: the attacks the team was sent to help the victims of happened; only the verb aimed at is intended
    found = events("The surgeon general led a team of doctors to Africa to help victims of terrorist attacks on the U.S. embassies in Kenya.")
    assert [(e.trigger.text, e.modality) for e in found if e.trigger.text == "attacks"] == [("attacks", "asserted")]


def test_the_purpose_of_a_summons_is_done():
    # near miss: only a going or sending (an `errand` verb) leaves its purpose to come; summoning an envoy to protest
    # is the protest
    found = events("Italy summoned Russia's deputy ambassador on Tuesday to protest at remarks by Moscow's foreign ministry spokeswoman.")
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("PROTEST", "protest", "asserted")]



def test_an_attack_given_room_for_is_not_asserted():
    found = events("The inspectors left Syria early to give room for the U.S. to launch an attack.")
    assert [e for e in found if e.modality == "asserted"] == []


def test_a_phrasal_going_on_is_no_errand():
    # near miss: "went on to" is no going somewhere to do something; what follows was done
    found = events("The Kenyan government went on to accuse Uganda of arming the rebels.")
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("ACCUSE", "accuse", "asserted")]


@pytest.mark.parametrize("text,trigger", [
    ("The Israeli army disputed the report, saying its troops had killed a senior Hamas commander in Rafah.", "killed"),
    ("The White House rejected the allegations, saying Biden had met Netanyahu twice this year.", "met"),
    ("Iran rejected the accusation, saying it would strike Israel if attacked again.", "strike"),
    ("Israel dismissed the report, adding that its jets had struck Hezbollah positions overnight.", "struck"),
    ("Moscow denied the accusation, saying it had expelled two British diplomats for spying.", "expelled"),
    ("Hamas rejected the claim, saying it had released two American hostages on Friday.", "released"),
])
def test_the_deniers_own_act_in_a_denial_is_kept(text, trigger):
    # session eighteen's review: only another party's act is the counter-claim; the denier's own act or threat is news
    assert [e.trigger.text for e in events(text) if e.confidence >= 0.5] == [trigger]


@pytest.mark.parametrize("text", [
    "Hamas rejected the charge, saying the hostages were killed by Israeli airstrikes.",
    "Russia rejected the charge, saying Ukraine had attacked the power plant.",
])
def test_a_third_partys_act_in_a_denial_is_still_the_counter_claim(text):
    assert [e for e in events(text) if e.trigger.text in ("killed", "attacked")] == []


@pytest.mark.parametrize("text", [
    "Israel confirmed the report, saying its troops had killed a senior Hamas commander in Rafah.",
    "Israel rejected the proposal, saying Hamas had attacked Israeli troops in Gaza.",
    "Israel rejected the claim, with its spokesman saying Hamas had attacked Israeli troops in Gaza.",
])
def test_no_denial_of_a_claim_keeps_the_participles_event(text):
    assert [e.plover for e in events(text) if e.trigger.text in ("killed", "attacked")] == ["ASSAULT"]


@pytest.mark.parametrize("text,trigger", [
    ("Israel will respond forcefully when Hezbollah fires rockets at Haifa, the defense minister said.", "fires"),
    ("Hezbollah said it will strike Haifa when Israel bombs Beirut.", "bombs"),
    ("Israel will respond when Hamas fighters attack Israeli troops in Gaza.", "attack"),
    ("The troops will withdraw once Hamas returns the hostages to Israel.", "returns"),
    ("The EU will lift sanctions once Russia withdraws its troops from Ukraine.", "withdraws"),
    # "after" likewise (session eighteen's close: "will strike back after Hezbollah fires ..." was asserted at 0.69)
    ("Israel will strike back after Hezbollah fires rockets at Haifa, the defense minister said.", "fires"),
    ("The EU will lift sanctions after Russia withdraws its troops from Ukraine.", "withdraws"),
])
def test_another_partys_act_in_a_time_clause_to_come_is_no_threat_or_intent(text, trigger):
    # session eighteen's review: "when"/"once" with a present under "will" supposes the act, as "if" does
    assert [e for e in events(text) if e.trigger.text == trigger] == []


def test_the_main_clauses_own_threat_is_kept_beside_a_time_clause():
    found = events("Hezbollah said it will strike Haifa when Israel bombs Beirut.")
    assert [(e.plover, e.trigger.text) for e in found] == [("THREATEN", "strike")]


def test_a_visit_in_a_time_clause_to_come_stays_intended():
    found = events("When Putin visits Pyongyang, he will sign a defense treaty with North Korea.")
    assert ("CONSULT", "visits", "intended") in [(e.plover, e.trigger.text, e.modality) for e in found]


def test_a_past_time_clause_is_asserted():
    found = events("Trump discussed the plan when the Ukrainian president visited Washington last year.")
    assert [(e.trigger.text, e.modality) for e in found] == [("visited", "asserted")]


def test_a_past_after_clause_is_asserted():
    # near miss: "after" with a past tense tells what happened
    found = events("Israel struck back after Hezbollah fired rockets at Haifa, the army said.")
    assert ("fired", "asserted") in [(e.trigger.text, e.modality) for e in found]


def test_a_meeting_in_an_after_clause_to_come_is_planned():
    found = events("The president will visit Kyiv after he meets Zelenskyy in Warsaw on Monday.")
    assert [(e.trigger.text, e.modality) for e in found if e.plover == "CONSULT"] == [("meets", "intended")]


@pytest.mark.parametrize("text,trigger", [
    ("South Africa went to the World Court to accuse Israel of genocide in Gaza.", "accuse"),
    ("Ukraine went to the UN court to sue Russia over the invasion.", "sue"),
    ("Biden sent a letter to Netanyahu to demand more aid deliveries to Gaza.", "demand"),
    ("The US flew bombers over the peninsula to warn North Korea.", "warn"),
    ("Poland sent a diplomatic note to Minsk to protest the airspace violation.", "protest"),
])
def test_a_purpose_the_errand_itself_performs_is_done(text, trigger):
    # session eighteen's review: an accusation, suit, demand, warning or protest made by the going or sending is done
    assert [(e.trigger.text, e.modality) for e in events(text)] == [(trigger, "asserted")]


@pytest.mark.parametrize("text,trigger", [
    ("The minister arrived in Cairo to hold talks with Egyptian officials.", "talks"),
    ("Egypt sent envoys to Doha to mediate between Israel and Hamas.", "mediate"),
])
def test_a_purpose_that_needs_the_arrival_stays_intended(text, trigger):
    assert [e.modality for e in events(text) if e.trigger.text == trigger] == ["intended"]


def test_sending_troops_to_attack_is_unchanged():
    found = events("Russia sent troops to attack the Ukrainian town.")
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("MOBILIZE", "sent", "asserted")]
