"""Entities: rules the lead added in session sixteen, from a new user's trial (invented sentences)."""

from newswire import analyze


def test_a_datelines_place_is_in_apposition_to_nobody():
    # the parser hangs the official on the dateline's place: the place must stay a place, the title no one's
    for text, place in (("KAMPALA, Nov 9 - Uganda's finance minister announced new taxes on Monday.\n", "KAMPALA"),
                        ("NAIROBI, Nov 9 - Kenya's interior minister filed a complaint on Monday against the ruling.\n", "NAIROBI")):
        a = analyze(text)
        found = next(e for e in a.entities if e.name.upper() == place)
        assert found.type == "GPE" and found.titles == [] and [m.text for m in found.mentions] == [place]
        assert not any(e.type == "PERSON" for e in a.entities)
    # a named official in apposition after a dateline still joins the official, not the place
    b = analyze("LUSAKA, Nov 9 - Zambia's attorney general, Mary Banda, filed an appeal on Monday.\n")
    banda = next(e for e in b.entities if e.name == "Mary Banda")
    assert banda.type == "PERSON" and any("attorney general" in t.lower() for t in banda.titles)


def test_a_body_of_another_kind_is_not_the_body_a_persons_pronoun_owns():
    text = ("Foreign Minister Nino Kapanadze said her ministry had summoned the ambassador on Monday.\n\n"
            "Police detained 12 people near parliament, the interior ministry said.\n")
    a = analyze(text)
    hers = next(e for e in a.entities if any(m.text == "her ministry" for m in e.mentions))
    assert [m.text for m in hers.mentions] == ["her ministry"]
    quote = next(q for q in a.quotes if "detained" in text[q.content.start:q.content.end])
    assert quote.speaker_entity != hers.id
    # the same body again keeps its link: "the ministry" has no kind words of its own
    b = analyze("Foreign Minister Nino Kapanadze said her ministry had summoned the ambassador. "
                "The ministry said the talks would resume.\n")
    hers = next(e for e in b.entities if any(m.text == "her ministry" for m in e.mentions))
    assert [m.text for m in hers.mentions] == ["her ministry", "The ministry"]
