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
