"""Event sides (issue 13, session seventeen): a participle on a noun, a body of water, a phrase of for whom."""

from __future__ import annotations

import newswire


def _events(text: str):
    return newswire.analyze(text, published="2020-01-01").events


def _sides(ev) -> tuple[str | None, str | None]:
    return (ev.source.actor if ev.source else None, ev.target.actor if ev.target else None)


def _by_trigger(found, start: int):
    return [ev for ev in found if ev.trigger.start == start]


def test_a_participle_right_after_a_noun_is_not_done_by_the_clause_subject():
    # the parser reads the second "fired" as an adverbial clause of the first; the missiles' firer is not Germany
    text = "Germany fired a dozen interceptors at the barrage of Iranian missiles fired at Israel, the ministry says."
    second = text.index("fired", text.index("missiles"))
    for ev in _by_trigger(_events(text), second):
        assert (_sides(ev)[0] or "")[:3] != "DEU"


def test_a_participle_the_parser_hangs_on_its_noun_keeps_the_noun_s_country():
    text = "France fired interceptors at a barrage of Russian drones fired at Poland, officials said."
    second = text.index("fired", text.index("drones"))
    found = _by_trigger(_events(text), second)
    assert found and all(_sides(ev) == ("RUS", "POL") for ev in found)


def test_a_verb_after_a_comma_is_still_done_by_the_clause_subject():
    text = "Chilean troops crossed the border on Monday, attacked Peruvian soldiers and withdrew."
    found = [ev for ev in _events(text) if ev.trigger.text == "attacked"]
    assert found and all((_sides(ev)[0] or "")[:3] == "CHL" for ev in found)


def test_a_country_word_on_a_strait_names_no_target():
    found = _events("The Canadian prime minister moved navy forces into the Cuba strait on Monday.")
    # neither the country the strait is named after nor, since the strait is not at home, the mover's own
    assert all((_sides(ev)[1] or "")[:3] not in ("CUB", "CAN") for ev in found)


def test_a_country_a_force_is_moved_into_is_still_the_target():
    found = [ev for ev in _events("Chile moved troops into Peru.") if ev.plover == "MOBILIZE"]
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)


def test_for_whom_an_act_would_be_done_is_not_whom_a_warning_is_aimed_at():
    found = _events("Chile's armed forces warned against any foreign intervention in support of Peru.")
    assert found and all((_sides(ev)[1] or "")[:3] != "PER" for ev in found)


def test_whom_an_intervention_is_by_is_still_whom_a_warning_is_aimed_at():
    found = [ev for ev in _events("Chile's armed forces warned against any intervention by Peru.") if ev.plover == "THREATEN"]
    assert found and all((_sides(ev)[1] or "")[:3] == "PER" for ev in found)


def test_for_whom_an_act_is_done_is_not_where_it_is_done():
    found = _events("Officials said Chilean forces helped shoot down rockets in support of Peru.")
    assert all((_sides(ev)[1] or "")[:3] != "PER" for ev in found)


def test_what_a_consultation_is_on_is_not_whom_it_is_with():
    # the parser hangs "on Peru's oil industry" on the verb: the topic, not the partner
    found = _events("Officials said Canada was discussing possible strikes by Chile on Peru's oil industry.")
    assert all((_sides(ev)[1] or "")[:3] != "PER" for ev in found)


def test_whom_a_consultation_is_with_stays_beside_its_topic():
    found = [ev for ev in _events("Canada consulted with Chile on the Peru dispute.") if ev.plover == "CONSULT"]
    assert found and all(_sides(ev) == ("CAN", "CHL") for ev in found)
