"""Event types and modality of constructions judged wrong on real news (issue 13, session sixteen): a planned meeting is
a meeting, intended; an announced halt of funding is a cut of aid; expected, possible, hedged and merely needed acts are
not reported as done; a vow to keep pressure on someone is a threat; banning goods is an embargo; a court striking down a
law attacks no one; a deployment for relief work is aid; hosting troops is no visit; a suicide bomber blowing himself
up is a bombing."""

from __future__ import annotations

import pytest

import newswire


def events(text: str):
    return newswire.analyze(text, published="2025-03-04").events


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(e.cameo, e.trigger.text, e.modality) for e in events(text)]


@pytest.mark.parametrize("text, trigger", [
    ("Chile's foreign minister will meet Peru's president in Lima on Tuesday.", "meet"),
    ("The Norwegian prime minister plans to travel to Sweden next month.", "travel"),
])
def test_a_planned_meeting_is_a_meeting_intended(text, trigger):
    found = events(text)
    assert [(e.plover, e.trigger.text, e.modality) for e in found] == [("CONSULT", trigger, "intended")]


def test_a_promise_to_meet_stays_an_agreement():
    assert _found("Chile's foreign minister vowed to meet Peru's president soon.") == [("036", "vowed", "asserted")]


def test_an_announced_halt_of_funding_is_a_cut_of_aid_intended():
    found = events("Norway said it will cut funding to the Swedish agency.")
    assert [(e.cameo, e.modality) for e in found] == [("162", "intended")]


def test_stopping_funding_is_a_cut_of_aid_not_aid():
    assert _found("Denmark stopped funding the Finnish institute last year.") == [("162", "stopped", "asserted")]


@pytest.mark.parametrize("text", [
    "An anticipated attack by Peru has prompted concerns in Bolivia.",
    "A possible strike by Peru on Bolivia worries diplomats.",
    "The Peruvian army had probably attacked the Bolivian village.",
    "There is no reason for Norway to assist Sweden in that process.",
    "The Finnish minister pressed his counterpart on the need for Sweden to release the prisoners.",
])
def test_expected_hedged_or_needed_acts_are_not_asserted(text):
    assert not [e for e in events(text) if e.modality == "asserted"]


def test_an_act_named_plainly_stays_asserted():
    assert _found("The attack by Peru on Bolivia worried diplomats.") == [("190", "attack", "asserted")]


def test_a_hedged_purpose_leaves_the_act_asserted():
    assert _found("Peru attacked Bolivia, perhaps to win territory.") == [("190", "attacked", "asserted")]


def test_getting_someone_to_act_is_no_act_done():
    found = events("Their efforts to get the Peruvian government to investigate the senator drew criticism.")
    assert not [e for e in found if e.modality == "asserted"]


def test_a_vow_to_keep_pressure_on_someone_is_a_threat():
    found = events("The Peruvian president has vowed to keep economic pressure on Bolivia.")
    assert [(e.plover, e.target.actor if e.target else None) for e in found] == [("THREATEN", "BOL")]


def test_banning_goods_is_an_embargo():
    assert _found("Chile bans new Argentine drones.") == [("163", "bans", "asserted")]


def test_banning_parties_stays_coercion():
    assert [e.plover for e in events("Chile bans Argentine opposition parties.")] == ["COERCE"]


def test_a_court_striking_down_a_law_is_no_assault():
    assert not [e for e in events("The judge wrote an opinion striking down Oslo's law.") if e.plover == "ASSAULT"]


def test_a_deployment_for_relief_work_is_aid():
    found = events("The European Union deployed aircraft to support firefighting efforts in Greece.")
    assert [(e.plover, e.target.actor if e.target else None) for e in found] == [("AID", "GRC")]


def test_a_deployment_of_troops_stays_a_show_of_force():
    assert [e.plover for e in events("Norway deployed troops to Latvia on Monday.")] == ["MOBILIZE"]


def test_hosting_forces_is_no_visit():
    assert not [e for e in events("Iran attacked neighbouring Gulf states hosting Chilean forces.") if e.plover == "CONSULT"]


def test_calling_a_summit_a_success_is_no_sanction_but_calling_it_off_is():
    assert not [e for e in events("The Chilean president called the summit with Peru a success.") if e.plover == "SANCTION"]
    assert [e.cameo for e in events("Russia called off the summit with Japan.")] == ["160"]


def test_a_suicide_bomber_blowing_himself_up_is_a_bombing():
    found = events("A Chechen suicide bomber blew himself up at a police station in Moscow.")
    assert [e.cameo for e in found if e.trigger.text == "blew"] == ["1831"]


def test_striking_back_by_demanding_is_words_not_force():
    found = events("Beijing shot back by demanding that the Chilean government pull back from its crackdown.")
    assert [e.plover for e in found if e.trigger.text == "shot"] == ["ACCUSE"]


def test_shooting_back_at_troops_stays_force():
    assert [e.plover for e in events("Peru shot back at Bolivian troops.")] == ["ASSAULT"]


def test_retaliating_with_tariffs_is_a_sanction():
    assert _found("Beijing has retaliated with tariffs on Chilean goods.") == [("163", "retaliated", "asserted")]


def test_retaliating_with_air_strikes_stays_force():
    assert [e.plover for e in events("Peru retaliated with air strikes on Bolivia.")] == ["ASSAULT"]


def test_expelling_forces_from_a_region_is_fighting_expelling_diplomats_coercion():
    assert [e.cameo for e in events("Russia is stepping up its efforts to expel Ukrainian forces from Kursk.")] == ["190"]
    assert [e.cameo for e in events("Russia expelled two Ukrainian diplomats.")] == ["174"]


def test_refusing_to_use_a_term_is_no_rejection():
    assert not events("The Chilean foreign minister refused to use that term about Peru.")
    assert [e.plover for e in events("Peru refused to extradite the Bolivian suspect.")] == ["REJECT"]


def test_what_a_plea_asks_is_not_done():
    text = ("Two Chilean envoys flew to Lima on Monday and heard fresh pleas from Peru's president to allow his army to "
            "launch missiles at Bolivian depots.")
    assert [e.plover for e in events(text) if e.modality == "asserted"] == ["CONSULT"]


def test_planned_talks_are_talks_intended():
    found = events("The march came two days before a scheduled United Nations summit with Iran.")
    assert [(e.plover, e.modality) for e in found] == [("CONSULT", "intended")]


def test_getting_a_candidate_is_no_request_of_what_follows():
    found = events("The establishment got the candidate that the Chilean president will destroy in November.")
    assert not [e for e in found if e.modality == "requested"]


def test_hosting_refugees_or_migrants_is_no_visit_and_an_amount_names_what_it_counts():
    from newswire import analyze

    text = ("Kenya hosts about half a million refugees, the agency said. "
            "Lebanon has hosted hundreds of thousands of Syrian migrants for a decade. "
            "Ghana hosted French President Emmanuel Macron in Accra on Tuesday.")
    hosted = [(e.cameo, e.target.text if e.target else None) for e in analyze(text, published="2024-01-01").events if e.cameo.startswith("04")]
    assert hosted == [("043", "Emmanuel Macron")] or hosted == [("043", "French President Emmanuel Macron")], hosted


def test_a_verb_strike_with_no_striker_named_is_no_walkout():
    from newswire import analyze

    def strikes(text):
        return [(e.cameo, e.source.text if e.source else None) for e in analyze(text, published="2024-01-01").events
                if e.cameo.startswith("143")]

    assert strikes("Pressure is mounting on the chancellor to ease limits on Kyiv's use of German-made missiles to strike far inside Russia.") == []
    assert strikes("The earthquake struck at dawn in Venezuela.") == []
    assert strikes("Dock workers struck for a third day in Rotterdam.") == [("143", "Dock workers")]


def test_an_act_told_only_as_another_acts_purpose_is_left_out():
    from newswire import analyze

    def coded(text):
        return [(e.cameo, e.trigger.text) for e in analyze(text, published="2024-01-01").events]

    # the aim of a campaign or a deployment is not yet done: no record of it
    assert not any(t == "destroy" for _, t in coded("Israel launched a military campaign in Gaza to destroy Hamas after the attack."))
    assert not any(t == "crush" for _, t in coded("The junta deployed troops across the capital to crush the revolt."))
    # near misses: a vow of it is a threat, and an act with its own subject in the clause is kept
    assert any(c.startswith("13") for c, _ in coded("Israel vowed to destroy Hamas."))
    assert any(t == "destroyed" for _, t in coded("Israel destroyed a Hamas tunnel in Gaza on Monday."))
