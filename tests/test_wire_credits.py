"""Wire credits name no actor (session thirteen, from judge13e's sheet of 2004 wire leads; the sentences here are
invented): a news medium's name in brackets that ends a line or comes before a dash ("Kerry assails Bush plan (AFP)",
"PARIS (AFP) - "), or that opens a line before a spaced dash ("Reuters - Some 30,000 ..."), is the story's
distributor. The parser hangs it on a noun as an apposition ("calls for African peacekeepers (AFP)"), and the
events stage once took it as a target, or gave its country and sector to the noun (FRAMED, GBRMED) and its country to a
president the sentence names."""

from __future__ import annotations

import newswire
from newswire.document import Document


def _sides(text: str):
    return [(e.trigger.text, e.source and e.source.actor, e.target and e.target.actor)
            for e in newswire.analyze(text, published="2004-08-20").events]


def test_credits_are_found_where_a_credit_stands_and_nowhere_else(nlp):
    doc = nlp("Kerry assails Bush plan (AFP)\n\nReuters - Some 30,000 refugees fled.\n\n"
              "PARIS (AFP) - France spoke.\n\nThe minister criticised Reuters (and the BBC) for its coverage.")
    assert sorted(doc[i].text for i in Document.of(doc).credits) == ["AFP", "AFP", "Reuters"]


def test_a_credit_ending_a_headline_is_no_target():
    found = _sides("Senator assails Bush troop withdrawal plan (AFP)\n\nAFP - The senator criticised the plan on Monday.")
    assert all(target != "FRAMED" for _, _, target in found)


def test_a_credit_is_in_apposition_to_nothing():
    analysis = newswire.analyze("Sudan calls for African peacekeepers (AFP)\n\nAFP - Sudan promised to restore order.",
                                published="2004-08-20")
    peacekeepers = [e for e in analysis.entities if any(m.text == "African peacekeepers" for m in e.mentions)]
    assert peacekeepers and all(e.actor != "FRAMED" and "AFP" not in [m.text for m in e.mentions] for e in peacekeepers)


def test_a_credit_opening_a_lead_is_no_side_and_gives_no_country():
    found = _sides("Reuters - Thousands of refugees have threatened to cross into Chad, the U.N. refugee agency warned on Friday.")
    assert all("GBRMED" not in (source, target) for _, source, target in found)
    analysis = newswire.analyze("AFP - John Kerry criticised President Bush's plan on Monday.", published="2004-08-20")
    assert all(e.country != "FRA" for e in analysis.entities if e.name == "Bush")


def test_a_medium_named_in_the_prose_is_still_an_actor():
    found = _sides("The minister criticised Reuters for its coverage of the war.")
    assert [t for _, _, t in found] == ["GBRMED"]


def test_an_acronym_country_name_does_not_match_a_surname():
    from newswire.lexicon import countries

    assert countries.country_from_name("SADR") == "ESH" and countries.country_from_name("Sadr") is None
    analysis = newswire.analyze("U.S. Forces Kill 50 Sadr Militia in Baghdad Suburb", published="2004-08-20")
    assert all(not (e.actor or "").startswith("ESH") and e.country != "ESH" for e in analysis.entities)


def test_a_bracketed_medium_before_a_dash_in_prose_is_no_credit(nlp):
    # session thirteen's review: "(Al Jazeera) - a move ..." in a sentence, and a line-opening medium before an aside
    doc = nlp("Israel raided the offices of the Qatari broadcaster (Al Jazeera) - a move condemned by the UN.\n\n"
              "Al Jazeera \u2013 the Qatari broadcaster \u2013 condemned the closure of its office.")
    assert not Document.of(doc).credits
    found = _sides("Al Jazeera \u2013 the Qatari broadcaster \u2013 condemned Israel's closure of its Jerusalem office.")
    assert [source for _, source, _ in found] == ["QATMED"]


def test_a_house_spelling_of_an_acronym_is_listed():
    from newswire.lexicon import countries

    assert countries.country_from_name("Fyrom") == "MKD" and countries.country_from_name("FYROM") == "MKD"
