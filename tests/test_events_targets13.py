"""Issue 13, session thirteen (events13b): constructions behind wrong records at confidence >= 0.7 on outside news.
Where people acted on are is no target; a state's "strike at" is an attack and a protest made to someone a complaint; a
reported demand is on the one who should act, not on whom it was told to, and a participle of saying that elaborates
another speech act is no second event; a headline's "accused of" / "urged to" is a passive; what someone is asked to
do did not happen. Invented sentences, each beside the construction that stays as it was."""

from __future__ import annotations

import newswire
from newswire.events import confidence
from test_events_roles_offices import _code, _with, events


def test_where_people_are_arrested_is_not_the_target():
    found = _with(events("Turkish police detained a journalist in Istanbul on Tuesday."), "detained")
    assert found, "the detention is still an event"
    assert all(e.target is None or "Istanbul" not in e.target.text for e in found)
    found = _with(events("Chinese authorities detained a human rights lawyer in Beijing."), "detained")
    assert found and all(e.target is None or "Beijing" not in e.target.text for e in found)


def test_a_place_acted_on_stays_the_target():
    found = _with(events("Israeli troops evacuated all settlements in the Gaza Strip."), "evacuated")
    assert found and any(e.target is not None and "Gaza" in e.target.text for e in found)


def test_a_told_demand_is_on_the_one_who_should_act():
    found = _with(events("The Egyptian foreign minister told Britain that Iran should halt its nuclear programme."), "told")
    assert all(_code(e.target) != "GBR" for e in found)
    assert all(_code(e.target) == "IRN" for e in found)


def test_a_demand_said_of_someone_keeps_its_target():
    found = _with(events("Russia said Sudan must return the helicopter."), "said")
    assert found and all(_code(e.target) == "SDN" for e in found)


def test_where_an_object_is_warned_not_to_go_is_not_the_named_target():
    found = _with(events("Saudi Arabia warned the ship not to proceed directly to Yemen."), "warned")
    assert all(e.target is None or e.target.implicit for e in found)
    found = _with(events("Iran threatened to deliver devastating blows to the United States."), "threatened")
    assert found and all(_code(e.target) == "USA" and not e.target.implicit for e in found)


def test_a_state_striking_at_positions_attacks():
    found = _with(events("Israel struck at Hezbollah positions in southern Lebanon on Monday."), "struck")
    assert found and all(e.cameo_root == "19" for e in found)


def test_workers_striking_at_a_plant_are_on_strike():
    found = _with(events("French workers struck at the Renault plant on Monday."), "struck")
    assert all(e.cameo.startswith("143") for e in found)


def test_a_protest_made_to_a_government_is_a_complaint():
    found = _with(events("Germany protested to Russia over the ban on the politician."), "protested")
    assert found and all(e.cameo == "114" and e.plover == "ACCUSE" for e in found)
    assert all(_code(e.target) == "RUS" for e in found)


def test_a_protest_against_a_government_stays_dissent():
    found = _with(events("Thousands protested in Cairo against Israel."), "protested")
    assert all(e.cameo_root == "14" for e in found)


def test_saying_after_a_criticism_is_no_second_speech_act():
    found = events("The UN criticised Israel, saying Israel should stop the blockade of Gaza.")
    assert _with(found, "criticised"), "the criticism is still an event"
    assert not _with(found, "saying")


def test_a_headline_accusation_has_its_subject_as_the_accused():
    found = _with(events("Russia accused of shelling Ukrainian villages\n\nKiev says the shelling went on."), "accused")
    assert all(_code(e.source) != "RUS" for e in found)
    found = _with(events("Syrian opposition urged to join peace talks with Damascus\n\nThe talks open on Monday."), "urged")
    assert all(e.source is None or "opposition" not in e.source.text for e in found)


def test_an_active_accusation_keeps_its_accuser():
    found = _with(events("Ukraine accused Russia of shelling the villages."), "accused")
    assert found and all(_code(e.source) == "UKR" and _code(e.target) == "RUS" for e in found)


def test_what_someone_is_asked_to_do_did_not_happen():
    found = _with(events("Iraq's Shia militias asked to fight ISIL in Ramadi\n\nThe fighting went on."), "fight")
    assert all(e.modality != "asserted" for e in found)


def _features(text: str, word: str) -> dict[str, float]:
    seen = {}
    inner = confidence.features

    def record(m, ctx, reported=False):
        values = inner(m, ctx, reported)
        seen[m.token.text] = values
        return values

    confidence.features = record
    try:
        newswire.analyze(text, published="2015-05-10")
    finally:
        confidence.features = inner
    return seen[word]


def test_a_headline_trigger_is_marked_and_prose_is_not():
    assert _features("Egypt condemns Israel over raid\n\nThe ministry spoke on Monday.", "condemns")["headline"] == 1.0
    assert _features("Egypt condemned Israel over the raid on Monday.", "condemned")["headline"] == 0.0


def test_a_city_as_the_source_keeps_a_record_out_of_the_clear_band():
    values = _features("Benghazi condemned Israel over the raid on Monday.", "condemned")
    assert values["city_source"] == 1.0 and values["clear"] == 0.0
    values = _features("Egypt condemned Israel over the raid on Monday.", "condemned")
    assert values["city_source"] == 0.0


# session thirteen's review of the merged code (invented sentences; each failed on the merged code before its fix)

def test_a_told_demand_on_the_tellers_own_side_or_no_one_new_stays_on_the_addressee():
    for text, target in [("The United States told Israel that its army should avoid civilian casualties.", "ISR"),
                         ("Russia told Ukraine that the country must give up its NATO ambitions.", "UKR")]:
        found = _with(events(text), "told")
        assert [_code(e.target) for e in found] == [target]


def test_a_person_in_an_organisation_is_aimed_at_the_organisation():
    found = _with(events("Chinese authorities detained a senior engineer in the Taiwanese navy."), "detained")
    assert [_code(e.target) for e in found] == ["TWNMIL"]


def test_a_state_strikes_in_war_only_at_armed_men_or_a_place():
    for text in ("England struck late against Italy at Wembley on Saturday.",
                 "China struck at American farmers with new tariffs on soybeans.",
                 "Mexico struck back at the United States over the new tariffs on Monday."):
        assert not _with(events(text), "struck")
    found = _with(events("Israel struck Gaza overnight."), "struck")
    assert [(e.cameo, _code(e.target)) for e in found] == [("190", "PSE")]


def test_saying_after_an_act_that_is_no_speech_act_is_a_demand_of_its_own():
    found = _with(events("The United States imposed new sanctions on Iran on Monday, saying Tehran must halt enrichment."), "saying")
    assert [(e.cameo, _code(e.target)) for e in found] == [("100", "IRNGOV")]  # Tehran, the subject of what is demanded, is the state (actors21)


def test_a_hard_wrapped_line_of_prose_is_no_headline():
    wrapped = "Cairo talks stall\n\nEgypt condemned Israel over the raid on Gaza and\ncalled on the United Nations to act."
    one_line = "Cairo talks stall\n\nEgypt condemned Israel over the raid on Gaza, officials said."
    found = _with(newswire.analyze(wrapped, published="2024-05-02").events, "condemned")
    same = _with(newswire.analyze(one_line, published="2024-05-02").events, "condemned")
    assert found and same and [e.confidence for e in found] == [e.confidence for e in same]


def test_soldiers_who_block_roads_restrict_movement_and_do_not_protest():
    found = _with(events("Israeli forces blocked main roads in Gaza on Monday."), "blocked")
    assert [(e.cameo, e.plover) for e in found] == [("191", "ASSAULT")]
    found = _with(events("Protesters blocked main roads in Nairobi on Monday."), "blocked")
    assert [e.plover for e in found] == ["PROTEST"]
