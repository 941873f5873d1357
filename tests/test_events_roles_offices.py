"""Issue 13, session twelve: a headline's bare participle and a participle coordinated with a passive are passives
(their subject is the patient); the "of" phrase of an act done to someone is its patient, never its doer; a former
officeholder is not the government; a relative clause in the simple present tells a standing position, no event.
Invented sentences, each beside the construction that stays as it was."""

from __future__ import annotations

import newswire

# a first line without a full stop: the headline, which the standing rule leaves alone
HEADLINE = "Regional talks open\n\n"


def events(text: str, published: str = "2015-05-10"):
    return newswire.analyze(text, published=published).events


def _with(found, word: str):
    return [e for e in found if e.trigger.text == word]


def _code(actor) -> str | None:
    return actor.actor if actor is not None else None


def test_a_headline_participle_has_its_subject_as_the_patient():
    found = _with(events("Egyptian police officers jailed over deaths of protesters\n\nThe court ruled on Monday."), "jailed")
    assert found, "the jailing is still an event"
    assert all(e.source is None or "officers" not in e.source.text for e in found)
    assert any(e.target is not None and "officers" in e.target.text for e in found)


def test_an_active_headline_keeps_its_subject_as_the_source():
    found = _with(events("Egyptian police jail activists over protest\n\nThe court ruled on Monday."), "jail")
    assert all(e.source is None or "police" in e.source.text for e in found)


def test_a_participle_coordinated_with_a_passive_is_passive():
    found = events("Egyptian activist Alaa Abdel Fattah was arrested and sentenced to five years.")
    assert found
    assert all(e.source is None or "Fattah" not in e.source.text for e in found)


def test_the_patient_of_a_bombing_is_not_its_doer():
    found = _with(events("The bombing of the Iranian embassy in Beirut killed 23 people."), "bombing")
    assert found and all(_code(e.source) != "IRNGOV" for e in found)
    assert any(_code(e.target) == "IRNGOV" for e in found)


def test_a_possessor_of_a_bombing_stays_its_doer():
    found = _with(events("Syria's bombing of Turkish villages killed 23 people."), "bombing")
    assert any(_code(e.source) == "SYR" for e in found)


def test_a_former_prime_minister_is_not_the_government():
    for text in (
        "Former Lebanese Prime Minister Fouad Siniora criticised Hezbollah on Monday.",
        "Egyptian ex-prime minister Ahmed Shafik criticised Israel on Monday.",
        "Ahmed Shafik, Egypt's former prime minister, criticised Israel on Monday.",
    ):
        found = [e for e in events(text) if e.plover == "ACCUSE"]
        assert found, text
        assert all(e.source is not None and not (e.source.actor or "").endswith("GOV") for e in found), text


def test_a_serving_president_is_the_government():
    found = [e for e in events("Egyptian President Abdel Fattah al-Sisi criticised Israel on Monday.") if e.plover == "ACCUSE"]
    assert [_code(e.source) for e in found] == ["EGYGOV"]


def _standing_and_act(text: str, standing: tuple[str, str], act: tuple[str, str]) -> tuple[list, list]:
    """The events triggered by the standing form of `text` and by its act form: (form, trigger word) each."""
    return _with(events(HEADLINE + text.format(standing[0])), standing[1]), _with(events(HEADLINE + text.format(act[0])), act[1])


def test_a_relative_clause_in_the_present_is_a_standing_position():
    text = "The Muslim Brotherhood, which {} the Egyptian constitution, met the Turkish president on Monday."
    standing, act = _standing_and_act(text, ("rejects", "rejects"), ("rejected", "rejected"))
    assert not standing and act


def test_a_present_passive_relative_clause_is_a_standing_position():
    text = HEADLINE + "Hezbollah, which is fiercely opposed to Israel, met the Syrian president on Monday."
    assert not _with(events(text), "opposed")


def test_a_long_held_blame_is_no_event():
    text = "Iranian President Hassan Rouhani, who has {}blamed Israel for the killings, met Putin on Monday."
    standing, act = _standing_and_act(text, ("long ", "blamed"), ("", "blamed"))
    assert not standing and act


def test_the_supporters_of_a_former_prime_minister_are_not_the_government():
    text = HEADLINE + "Former Lebanese Prime Minister Fouad Siniora spoke on Monday. His supporters attacked the Hezbollah office in Beirut."
    found = _with(events(text), "attacked")
    assert found and all(e.source is not None and e.source.actor == "LBN" for e in found)
