"""The events stage on constructions of whole real articles: actors coded from their own phrase, targets from the
patient, not from another country the sentence names (issue 13, the seventh round)."""

from __future__ import annotations

import newswire


def events(text: str, published: str = "2014-05-02"):
    return newswire.analyze(text, published=published).events


def _side(actor):
    return (actor.text, actor.actor) if actor is not None else None


def test_a_body_without_a_country_is_coded_by_the_place_its_phrase_puts_it_in():
    found = events("Elected officials in and around Marseille warned Spanish fishing officials on Monday.")
    assert [(e.plover, _side(e.source)[1][:3]) for e in found] == [("THREATEN", "FRA")]
    found = events("Opposition parties in Kenya issued statements supporting the country's membership of the African Union.")
    assert [(e.plover, _side(e.source)[1][:3]) for e in found] == [("SUPPORT", "KEN")]


def test_a_body_named_with_no_place_stays_uncoded():
    found = events("Elected officials warned Spanish fishing officials on Monday.")
    assert all(e.source is None or not (e.source.actor or "").startswith("FRA") for e in found)


def test_an_uncoded_target_is_not_replaced_by_another_country_of_the_sentence():
    found = events("The U.S. State Department repeatedly accused Maria Lopez, who was born and raised in Cuba, of spying.")
    accused = [e for e in found if e.trigger.text == "accused"]
    assert accused and all(e.target is not None and not (e.target.actor or "").startswith("CUB") for e in accused)


def test_the_object_of_a_violent_act_is_its_target_not_another_country_of_the_sentence():
    found = events(
        "Syrian insurgents bombed two Shiite villages after the party was barred from talks in punishment for killings "
        "blamed on the Iranian army."
    )
    bombed = [e for e in found if e.trigger.text == "bombed"]
    assert bombed and all(e.target is None or not (e.target.actor or "").startswith("IRN") for e in bombed)


def test_the_purpose_of_an_act_is_not_coded_again():
    found = events(
        "Some 2,000 ethnic Kurds marched Sunday in downtown Berlin, burning Turkish flags to protest the killings of "
        "Kurds by Turkish troops in Syria."
    )
    assert [e.trigger.text for e in found] == ["marched"]
    found = events(
        "The minister attended a rally in Nairobi on Monday by dockworkers to demand the release of Kenyan sailors "
        "held by Somali pirates."
    )
    assert [e.trigger.text for e in found] == ["rally"]


def test_talking_about_someone_is_no_meeting_with_them():
    assert [e for e in events("The Iranian defence minister talked about attacking Israel.") if e.plover == "CONSULT"] == []
    assert [e for e in events("Officials called a conference to discuss an Iraqi withdrawal from Kuwait.") if e.plover == "CONSULT"] == []
    met = [e for e in events("Kerry met Lavrov in Geneva to discuss the attack on Aleppo.") if e.plover == "CONSULT"]
    assert [(e.source.actor[:3], e.target.actor[:3]) for e in met] == [("USA", "RUS")]


def test_police_clashing_with_a_crowd_is_repression_and_armed_sides_clashing_a_fight():
    found = events("Riot police clashed with protesters in Caracas on Sunday.")
    assert [(e.plover, e.source.actor, e.target.actor) for e in found] == [("COERCE", "VENCOP", "VENCVL")]
    found = events("The army and the rebels clashed near Goma.")
    assert [e.plover for e in found] == ["ASSAULT"]


def test_what_happens_as_a_habit_is_no_event():
    assert [e for e in events("Chinese police routinely detain journalists in Tibet.") if e.plover == "COERCE"] == []
    assert [e for e in events("For months the Venezuelan government has held such rallies almost daily.") if e.plover == "PROTEST"] == []
    assert [e.plover for e in events("Chinese police detained two journalists in Tibet on Monday.")] == ["COERCE"]


def test_a_coordinated_complement_is_part_of_the_event_that_takes_it():
    found = events(
        "The Arab League resolution calls for Syria's withdrawal from the occupied zone in Lebanon, and for the "
        "deployment of Lebanese troops along the border."
    )
    assert [e.trigger.text for e in found] == ["calls"]


def test_a_country_word_on_a_topic_noun_names_no_actor():
    found = events("Two government advisers left for Europe on Sunday to investigate the Syrian issue.")
    assert [e for e in found if e.target is not None and (e.target.actor or "").startswith("SYR")] == []


def test_what_an_accusation_alleges_is_not_coded_again():
    found = events("Israel alleged that Hezbollah had fired the rockets.")
    assert [(e.plover, e.trigger.text) for e in found] == [("ACCUSE", "alleged")]
    found = events("Russia claimed the Ukrainian army shelled the village.")
    assert [e.plover for e in found] == ["ASSAULT"]  # a plain claim reports the act
