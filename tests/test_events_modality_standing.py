"""Issue 13, session eight: requested, promised, scheduled and conditional acts get their modality from the verb that
governs them; habitual and standing relations are no events; a group with no country of its own takes the one country
of the named examples it gives. Invented sentences, each beside the plain construction that stays as it was."""

from __future__ import annotations

import newswire


def events(text: str, published: str = "2016-05-02"):
    return newswire.analyze(text, published=published).events


def _by_trigger(found, word: str):
    return [e for e in found if e.trigger.text == word]


def modalities(text: str, word: str) -> list[str]:
    """The modalities of the events of `text` whose trigger is `word`."""
    return [e.modality for e in _by_trigger(events(text), word)]


def test_an_act_someone_is_pushed_to_do_is_requested():
    assert modalities("The senator pushed Mr. Harlan to arm the rebels in Chad.", "arm") == ["requested"]
    assert modalities("Mr. Harlan, the French defence minister, armed the rebels in Chad.", "armed") == ["asserted"]


def test_an_act_called_for_in_a_for_clause_is_requested():
    assert modalities("Several senators called for Britain to attack the militants in Yemen.", "attack") == ["requested"]


def test_no_request_when_the_call_is_negated():
    assert "requested" not in modalities("The minister has not called for the Syrian president to resign.", "resign")


def test_what_a_call_asks_is_the_verb_not_the_noun_it_takes():
    text = "The European Parliament passed a resolution calling on Turkey to recognize the Armenian genocide."
    assert "requested" not in modalities(text, "genocide")


def test_a_scheduled_trip_is_not_asserted():
    text = "After the debate, U.S. Secretary of State John Kerry {} to Moscow for talks."
    assert modalities(text.format("was to fly"), "fly") == ["intended"]
    assert modalities(text.format("flew"), "flew") == ["asserted"]


def test_it_is_an_honour_to_earn_praise_is_no_schedule():
    text = "Mr. Kerr said it was an honour to earn the Russian president's praise last week."
    assert "intended" not in modalities(text, "praise")


def test_the_coordinated_acts_of_a_promise_are_promised():
    found = events("Donald Trump promised to bomb the Islamic State and deport Syrian refugees.")
    assert found and not [e for e in found if e.plover == "COERCE" and e.modality == "asserted"]


def test_a_reported_conditional_threat_is_made():
    found = events("The Iraqi ambassador said that Iraq would retaliate against Venezuela if it raised oil production.")
    threats = [e for e in found if e.plover == "THREATEN"]
    assert threats and all(e.modality == "asserted" for e in threats)


def test_the_writers_conditional_stays_conditional():
    found = events("If Kaine becomes vice president, Virginia would host the only Senate race in the country.")
    assert all(e.modality != "asserted" for e in found)


def test_a_question_with_a_condition_is_no_threat():
    assert events("If Washington were to break the rules of Nafta, how strongly should Mexico retaliate against the United States?") == []


def test_a_habitual_clause_is_no_event():
    assert modalities("Congress met. Israel coordinates with Jordan on a regular basis.", "coordinates") == []
    assert modalities("Trump and Sanders often blame China for the loss of jobs.", "blame") == []
    assert modalities("Trump and Sanders blamed China for the loss of jobs on Monday.", "blamed")


def test_a_standing_relation_of_support_is_no_event():
    text = "Congress met on Monday. Iran supports Hezbollah. The academy, funded by the government of Saudi Arabia, opened."
    assert not [e for e in events(text) if e.trigger.text in ("supports", "funded")]
    assert modalities("Congress met on Monday. Iran supported Hezbollah in the vote on Tuesday.", "supported")


def test_a_headline_present_and_a_speakers_own_support_are_acts():
    assert modalities("Obama backs Clinton", "backs")
    assert modalities("Congress met on Monday.\n\n\u201cYes, I support Ted Cruz,\u201d Senator Ann Lee told reporters.", "support")


def test_a_group_takes_the_one_country_of_its_named_examples():
    text = "Civil rights groups like the American Civil Liberties Union praised President Obama's plan on Monday."
    praised = _by_trigger(events(text), "praised")
    assert praised and all((e.source.actor or "").startswith("USA") for e in praised)
    text = "Human rights groups such as Amnesty International and the American Civil Liberties Union praised Obama."
    assert all(not (e.source.actor or "").startswith("USA") for e in _by_trigger(events(text), "praised") if e.source)


def test_a_gift_to_a_charity_is_no_event_unless_a_state_gives_it():
    text = "Congress met on Monday. Fox News agreed to contribute $5 million to his charities."
    assert modalities(text, "agreed") == []
    text = "Congress met on Monday. The British government gave $5 million to charities working in Syria."
    assert modalities(text, "gave")


def test_an_aim_or_policy_described_with_be_is_no_act():
    assert events("Congress met. What Washington wants first and foremost is to besiege ISIS and eliminate it.") == []
    text = "Congress met. Noting that Obama's policy has been to allow ISIS to enrich itself, Trump spoke."
    assert modalities(text, "allow") == []
    assert modalities("Congress met. Washington besieged ISIS and eliminated it.", "besieged")
