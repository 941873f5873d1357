"""A person's name the tagger cut before its last words, which the parse makes their head (session nineteen's judge:
"Leyen" for Ursula von der Leyen, "Machado" for Maria Corina Machado). Invented sentences."""

import newswire


def people(text: str) -> list[str]:
    return [e.name for e in newswire.analyze(text, published="2024-07-25").entities if e.type == "PERSON"]


def speakers(text: str) -> list[str | None]:
    return [q.speaker_name for q in newswire.analyze(text, published="2024-07-25").quotes]


def test_a_name_with_particles_runs_on_to_its_last_word():
    text = 'Commission President Ursula von der Leyen visited Kyiv on Monday. "We stand with you," von der Leyen said.'
    assert "Ursula von der Leyen" in people(text)
    assert speakers(text) == ["Ursula von der Leyen"]


def test_a_three_word_name_cut_after_two_runs_on():
    text = 'Opposition leader Maria Corina Machado was barred from the race. "We will not stop," Machado said.'
    assert people(text) == ["Maria Corina Machado"]
    assert speakers(text) == ["Maria Corina Machado"]


def test_a_name_does_not_run_into_a_body_or_a_headline():
    # near misses: a body named after a person, a headline's verb, a country after the name
    assert "Hillary Clinton Foundation" not in people("He said Hillary Clinton Foundation donors gave money.")
    assert people("Emmanuel Macron France visit ended on Monday.") == ["Emmanuel Macron"]
    assert "Joe Biden Hails" not in " ".join(people("Joe Biden Hails Deal With Mexico\n\nJoe Biden spoke on Monday."))


def test_a_name_does_not_run_into_a_city_or_another_person():
    # near misses from the review: no comma between a name and a city, or between two people's names
    assert people("Prime Minister Shehbaz Sharif Islamabad said the talks would resume.") == ["Shehbaz Sharif"]
    assert "Kim Jong Un" in people("He met Kim Jong Un Ri Sol Ju and their daughter.")
