"""Issue 13, session thirteen (events13a): a "they" that continues a plural body ("Police ... They arrested two men")
stands for it when no other body or people could be meant in its sentence or the one before. Invented sentences, each
a construction seen on news."""

from __future__ import annotations

import newswire


def analysis(text: str):
    return newswire.analyze(text, published="1998-05-02")


def they_stands_for(text: str) -> str | None:
    """The name of the entity the first "They"/"they" of `text` was resolved to, None when it was left unresolved."""
    a = analysis(text)
    at = text.index("They") if "They" in text else text.index(" they ") + 1
    for e in a.entities:
        if any(m.start == at for m in e.mentions):
            return e.name
    return None


def arrests(text: str):
    return [e for e in analysis(text).events if e.trigger.text.startswith("arrest")]


def test_things_between_a_body_and_they_are_no_rivals():
    text = ("Police found more than 600 pounds of explosives in a shed in Kharkiv on Sunday. "
            "They arrested two men in connection with the bomb factory.")
    assert they_stands_for(text) == "Police"
    found = arrests(text)
    assert [(e.source.text, e.source.actor) for e in found] == [("They", "UKRCOP")]


def test_people_between_a_body_and_they_are_rivals():
    # "the men" could be "they" as well: left unresolved, as before
    text = "Police questioned the men in a shed in Kharkiv on Sunday. They arrested two others."
    assert they_stands_for(text) is None
    assert not arrests(text)


def test_a_group_named_two_sentences_back_is_no_rival():
    text = ("Rebels attacked a village near Kharkiv on Saturday. "
            "Police found 600 pounds of explosives in a shed in Kharkiv on Sunday. "
            "They arrested two men.")
    assert they_stands_for(text) == "Police"


def test_another_body_in_the_sentence_before_is_a_rival():
    text = ("Police and soldiers found 600 pounds of explosives in a shed in Kharkiv on Sunday. "
            "They arrested two men.")
    assert they_stands_for(text) is None
