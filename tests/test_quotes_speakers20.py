"""Speakers the entity layer knows by a surname alone it took for an organisation's name (issue 14, session twenty):
the tagger may tag a lone surname after a quotation ORG ("“...,” Arriaga said", after "Lucia Fernanda Arriaga"), or a
whole "Lt. Col. Avner Shomrani" as one body named "Shomrani". The speaker is the person: the one named in full with
that surname before, or the given name right before it; later quotes of the same entity keep that fuller name.

The parser's tagging of an invented text is not that of the article it went wrong on, so these tests take the
entity layer's records and give the surname to an organisation of its own, as the entity layer did there.

Invented texts; each rule has cases it changes and near misses that must stay as written.
"""

from __future__ import annotations

from newswire.entities import extract_entities
from newswire.quotes import extract_quotes
from newswire.records import Entity
from newswire.text.parse import parse


def speakers_with_body(text: str, word: str, **coded) -> list[str | None]:
    """The speakers' names when every name mention of `word` alone is an uncoded organisation's of its own."""
    doc = parse(text)
    entities = extract_entities(doc)
    moved = []
    for e in entities:
        keep = [m for m in e.mentions if not (m.kind == "name" and m.text == word)]
        moved += [m for m in e.mentions if m.kind == "name" and m.text == word]
        e.mentions[:] = keep
    entities = [e for e in entities if e.mentions]
    assert moved, "the text must mention the word alone"
    entities.append(Entity(id="E99", name=word, type="ORG", mentions=sorted(moved, key=lambda m: m.start), **coded))
    return [q.speaker_name for q in extract_quotes(doc, entities)]


def test_surname_taken_for_a_body_is_the_person_named_in_full_before():
    text = ("The opposition alliance, led by Lucia Fernanda Arriaga, rejected the result on Monday. "
            "“We won, and everybody knows it,” Arriaga said.")
    assert speakers_with_body(text, "Arriaga")[-1] == "Lucia Fernanda Arriaga"


def test_surname_taken_for_a_body_with_the_given_name_before_it_then_alone():
    text = ("Army spokesman Lt. Col. Avner Shomrani told reporters that the raids were limited. "
            "“Our task is to make sure they are gone,” Shomrani said. “Then we will talk about the rest,” Shomrani said.")
    doc = parse(text)
    entities = extract_entities(doc)
    # the tagger's body: "Avner" no part of any entity, "Shomrani" an organisation at each of its three places
    moved = []
    for e in entities:
        moved += [type(m)(start=m.start + m.text.index("Shomrani"), end=m.end, text="Shomrani", kind="name")
                  for m in e.mentions if m.kind == "name" and m.text.endswith("Shomrani")]
    entities = [e for e in entities if not any(m.text.endswith("Shomrani") for m in e.mentions)]
    entities.append(Entity(id="E99", name="Shomrani", type="ORG", mentions=moved))
    names = [q.speaker_name for q in extract_quotes(doc, entities)]
    assert names == ["Avner Shomrani"] * 3


def test_near_miss_a_coded_body_keeps_its_name():
    # a body the gazetteer codes is a body, whatever person shares the word
    text = ("The singer Lucia Fernanda Arriaga opened the festival on Monday. "
            "“We will appeal the ruling,” Arriaga said.")
    assert speakers_with_body(text, "Arriaga", actor="MEXBUS", country="MEX")[-1] == "Arriaga"


def test_near_miss_two_people_with_the_surname_stay_as_written():
    text = ("Lucia Arriaga and her brother Tomas Arriaga led the alliance. "
            "“We won, and everybody knows it,” Arriaga said.")
    assert speakers_with_body(text, "Arriaga")[-1] == "Arriaga"



def test_near_miss_a_company_named_after_a_person_keeps_its_name():
    # the word used as a body's name ("Vargas shares", "at Vargas") is the company's, not the founder's: its statements
    # stay the company's, and no later quote takes the founder's name from an earlier one (session twenty's review)
    text = ("Ignacio Vargas, the founder, died in October at 86. He led the firm for two decades. "
            "Vargas shares were flat on Monday. “We remain committed to the new plant,” Vargas said in a filing. "
            "“Margins improved in the quarter,” Vargas said.")
    assert speakers_with_body(text, "Vargas")[-2:] == ["Vargas", "Vargas"]


def test_near_miss_the_word_after_a_preposition_is_a_body():
    text = ("Ignacio Vargas retired last year. Workers at Vargas walked out on Monday. "
            "“We will not cut jobs,” Vargas said.")
    assert speakers_with_body(text, "Vargas")[-1] == "Vargas"
