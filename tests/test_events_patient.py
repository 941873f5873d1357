"""Issue 13, session ten: targets from the patient, not a place or a country word on another noun; a speech act
coordinated after a reported clause is the reporter's; no event from an untrue claim; a condition on a purpose is the
event's own. Invented sentences, each a construction seen on judged real news."""

from __future__ import annotations

import newswire


def triggered(text: str, word: str):
    """The events of `text` whose trigger starts with `word`."""
    return [e for e in newswire.analyze(text, published="2014-05-02").events if e.trigger.text.startswith(word)]


def code(actor) -> str:
    return (actor.actor or "") if actor is not None else ""


def test_a_country_word_on_a_thing_is_not_the_one_other_country_aimed_at():
    # a declined comment (CAMEO 01) is no event since session seventeen (EVENTS-GOLD.md leaves public statements out)
    assert triggered("Chilean President Lagos refused to say whether he would have created Peruvian internment camps.", "refused") == []
    criticised = triggered("Chilean President Lagos criticised the plan to build Peruvian internment camps.", "criticised")
    assert criticised and not any(code(e.target).startswith("PER") for e in criticised)


def test_a_country_word_on_a_person_or_an_act_still_names_an_actor():
    offered = triggered("A Russian envoy offered concessions that a Japanese diplomat welcomed.", "offered")
    assert [code(e.target) for e in offered] == ["JPN"]
    text = "The treaty amounts to Russian recognition of Ukraine's borders, and the Ukrainian parliament has ratified it."
    assert [code(e.target) for e in triggered(text, "ratified")] == ["RUS"]


def test_the_place_of_a_condemned_act_is_not_the_condemnation_s_target():
    condemned = triggered("The Cypriot government strongly condemned two bomb attacks in Kenya on Friday.", "condemned")
    condemned += triggered("The Cuban government condemned the two bomb explosions near U.S. embassies in Kenya.", "condemned")
    assert len(condemned) == 2 and all(e.target is None for e in condemned)


def test_the_source_s_own_place_is_not_its_target():
    condemned = triggered("Union leaders in Chicago condemned the raid on Monday.", "condemned")
    assert not any(code(e.target).startswith("USA") for e in condemned)


def test_a_speech_act_after_a_comma_and_a_reported_act_has_no_source_and_not_otherwise():
    # who accused: the reporter or the reported clause's subject? The parse hangs it on the reported verb either way
    text = "Kiev said Russia shelled Kharkiv, and accused Ukraine of staging the attack."
    assert [(code(e.source), code(e.target)) for e in triggered(text, "accused")] in ([], [("", "UKR")])
    text = "Russia said the rebels attacked the town on Monday, and also accused Turkey of arming them."
    assert all(e.source is None for e in triggered(text, "accused"))
    text = "A panel, which said the Syrian army carried out two attacks, and also accused ISIS of a mustard gas attack."
    assert all(e.source is None for e in triggered(text, "accused"))
    text = "Ukraine said Russian troops attacked the village, and demanded its surrender."
    assert not any(code(e.source) == "UKR" for e in triggered(text, "demanded"))
    text = "The ministry said Iran seized the ship, and accused it of smuggling."
    assert not any(code(e.target) == "IRN" for e in triggered(text, "accused"))  # nor is one who may have spoken the target
    text = "Russia said the Chechen rebels attacked the town and threatened to kill the hostages."  # no comma
    assert [code(e.source)[3:] for e in triggered(text, "threatened")] == ["REB"]
    text = "Chad closed its border on Monday, but was still refusing entry to Sudanese refugees, Chadian police said."
    assert [e.source.text for e in triggered(text, "refusing") if e.source is not None] == ["Chad"]  # reporter after
    text = "The ministry said Mr. Putin decided to grant visas for 18 groups, but turned down such treatment for visitors."
    assert [e.source.text for e in triggered(text, "turned") if e.source is not None] == ["Putin"]  # a decision's clause


def test_an_undecided_speech_act_with_two_possible_sources_does_not_fail_the_article():
    # the reporter and a coordinated subject, a mutual act ("agree to cancel the meeting"): no source is given, and
    # the two sides are not faced with each other (main raised IndexError and the whole article failed)
    text = ("Smith wrote that Jones and other party officials have made “numerous requests” to withdraw the motion, "
            "“and even to agree to cancel the committee meeting.”")
    events = newswire.analyze(text, published="2016-04-17").events
    assert all(e.source is None for e in events if e.trigger.text == "agree")


def test_an_event_told_only_by_an_untrue_claim_is_none():
    assert not triggered("He repeated the debunked claim that China invaded Vietnam.", "invaded")
    assert not triggered("It is a myth that Russia attacked the Georgian convoy.", "attacked")
    assert triggered("He repeated the claim that China invaded Vietnam.", "invaded")


def test_a_condition_the_parser_hangs_on_a_purpose_is_the_event_s():
    text = "President Assad said Thursday he will only finalize the deal to remove the weapons if the U.S. stops threatening."
    assert [e.modality for e in triggered(text, "finalize")] == ["asserted"]  # a reported conditional offer is made
    text = "President Assad said Thursday he will finalize the deal to remove the weapons."
    assert [e.modality for e in triggered(text, "finalize")] in ([], ["intended"])


def test_a_condition_on_the_purpose_of_an_act_that_happened_is_the_purpose_s_only():
    for text, word in [
        ("Russia sent troops to Syria to fight ISIS if necessary.", "sent"),
        ("Egypt deployed troops to Libya to stop the militias if they advance.", "deployed"),
        ("Turkey attacked Kurdish forces to push them back if they advanced.", "attacked"),
        ("Iran sent troops to protect the border if needed.", "sent"),
    ]:
        found = triggered(text, word)
        assert found and all(e.modality == "asserted" for e in found), text
    assert [code(e.target) for e in triggered("Russia sent troops to Syria to fight ISIS if necessary.", "sent")] == ["SYR"]
