"""A one-word name the article uses as a body's ("Okafor shares", "at Okafor", "Okafor's profits") is not the person
named in full with that surname elsewhere (session twenty-one: "Ford said its profits fell ... Harrison Ford
attended the premiere" gave the company's statement to the actor). Invented sentences."""

import newswire

PUBLISHED = "2024-05-14"


def analysis(text: str):
    return newswire.analyze(text, published=PUBLISHED)


def entity_of(a, text: str, nth: int = 0):
    """The entity holding the nth name mention written `text`."""
    found = sorted(((m.start, e) for e in a.entities for m in e.mentions if m.text == text and m.kind == "name"),
                   key=lambda x: x[0])
    return found[nth][1]


def test_a_company_before_its_founder_stays_apart():
    a = analysis("Mensah said its profits fell in the third quarter. Kwame Mensah attended a gala in Accra on Friday.")
    body = entity_of(a, "Mensah")
    assert body.name == "Mensah" and body.type == "ORG"
    assert entity_of(a, "Kwame Mensah") is not body


def test_shares_and_jobs_mark_a_body_whichever_comes_first():
    a = analysis("Brandt shares rose 5 percent on Tuesday. Klaus Brandt, the founder, was not at the meeting. "
                 "Brandt said it would cut 2,000 jobs.")
    person = entity_of(a, "Klaus Brandt")
    assert all(m.text != "Brandt" for m in person.mentions)
    body = entity_of(a, "Brandt")
    assert body.name == "Brandt" and body.type == "ORG"  # the tagger's person, a body by its marks


def test_a_workplace_after_at_is_a_body():
    a = analysis("Workers at Okafor walked out on Monday. Chidi Okafor, the former chairman, was in Lagos. "
                 "Okafor said the strike would end soon.")
    assert entity_of(a, "Okafor", -1) is not entity_of(a, "Chidi Okafor")


def test_a_legal_form_and_a_verb_of_business_mark_a_body():
    a = analysis("Lindqvist Inc. recalled 50,000 vehicles. Anna Lindqvist, who founded it, declined to comment. "
                 "Lindqvist said the recall was voluntary.")
    assert entity_of(a, "Lindqvist") is not entity_of(a, "Anna Lindqvist")
    a = analysis("Lindqvist recalled 50,000 vehicles on Monday. Anna Lindqvist, who founded it, declined to comment. "
                 "Lindqvist said the recall was voluntary.")
    assert entity_of(a, "Lindqvist", -1) is not entity_of(a, "Anna Lindqvist")


def test_near_miss_a_person_named_in_full_then_by_surname_stays_one():
    a = analysis("Chidi Okafor arrived late to the premiere. Okafor said he loved the film.")
    assert entity_of(a, "Okafor") is entity_of(a, "Chidi Okafor")


def test_near_miss_what_a_person_does_too_marks_no_body():
    # a person loses jobs, is "the absent" one, is the aim of a jab, is "a" kind of person: no body's marks
    a = analysis("Chidi Okafor resigned on Monday. The absent Okafor lost two jobs this year. "
                 "Rivals took a jab at Okafor. Voters want an Okafor. Okafor said he would return.")
    person = entity_of(a, "Chidi Okafor")
    assert [m.text for m in person.mentions if m.kind == "name"].count("Okafor") == 4


def test_near_miss_an_honorific_is_a_persons_where_the_word_is_a_bodys():
    a = analysis("Okafor shares fell 3 percent on Monday. Chidi Okafor founded the company in 1990. "
                 "Mr. Okafor said he was not worried.")
    assert entity_of(a, "Okafor") is entity_of(a, "Chidi Okafor")  # "Mr. Okafor"


def test_a_place_keeps_its_type():
    # a place with a workforce is no company: its name stays apart from the person sharing it, and only a name the
    # tagger called a person's is retyped ORG
    a = analysis("Indiana's workforce is shrinking. Mike Indiana, a local farmer, disagreed. Indiana voted in May.")
    assert entity_of(a, "Indiana").type == "GPE"


def speaker(a, nth: int = -1):
    q = a.quotes[nth]
    return q.speaker_name, {e.id: e for e in a.entities}.get(q.speaker_entity)


def test_a_bodys_statement_keeps_its_name():
    # the quotes stage gives a speaker named by a surname the full name of the one person who has it, unless the
    # article marks the word as a body's (here only by what the subject does: it recalls vehicles, its profits fell)
    a = analysis("Lindqvist recalled 50,000 vehicles on Monday. Anna Lindqvist, who founded it, declined to comment. "
                 "Lindqvist said the recall was voluntary.")
    name, entity = speaker(a)
    assert name == "Lindqvist" and entity is not entity_of(a, "Anna Lindqvist")
    a = analysis("Mensah said its profits fell in the third quarter. Kwame Mensah attended a gala in Accra on Friday. "
                 "“We remain confident,” Mensah said.")
    assert [speaker(a, n)[0] for n in range(len(a.quotes))] == ["Mensah", "Mensah"]


def test_near_miss_a_persons_statement_takes_the_full_name():
    a = analysis("Kwame Mensah attended a gala in Accra on Friday. “We remain confident,” Mensah said.")
    name, entity = speaker(a)
    assert name == "Kwame Mensah" and entity is entity_of(a, "Kwame Mensah")
