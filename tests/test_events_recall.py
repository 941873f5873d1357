"""The events stage's recall constructions of issue 13, session eight: a charge laid "in" or "over" an act, a manhunt,
a police raid, a joint news conference, the maker of a speech act named by "from", and a rejection of a speech act
aimed at who made it; session nine: a state's body signing or ratifying an agreement with no other party named; session
eleven: a naming verb that calls someone by an insult ("called the exiles criminals") is an accusation whose target is
never the insult word itself; session twelve: a lawsuit or complaint filed, an appeal or challenge of a ruling, stalling what
another proposes, and questioning by police, a court or intelligence (events12a); riot-control weapons fired or used are
violent repression (175), not an armed attack; an arrest warrant issued is legal action (173); a bomb that goes off is a
bombing (183) (events12b)."""

from __future__ import annotations

import newswire


def events(text: str, published: str = "1999-05-06"):
    return newswire.analyze(text, published=published).events


def _side(actor):
    return (actor.text, actor.actor) if actor is not None else None


def test_a_charge_laid_in_or_over_a_violent_act_is_legal_action_not_the_act():
    found = events("Eric Rudolph, an American, has been charged in the Birmingham bombing.")
    assert [(e.cameo, e.trigger.text, _side(e.target)) for e in found] == [("173", "charged", ("Eric Rudolph", "USA"))]
    found = events("Two Syrian men were charged over the killing of a police officer in Berlin.")
    assert [(e.cameo, e.trigger.text) for e in found] == [("173", "charged")]
    # what a charge is not laid "in": no event ("charged in the chest" is no wrong)
    assert events("The Syrian colonel charged in from the left and shouted.") == []


def test_the_bombing_a_charge_is_laid_in_is_not_an_event_that_holds_the_charge():
    found = events("Eric Rudolph, an American, has been charged in the Birmingham bombing.")
    assert found and all(e.plover != "ASSAULT" for e in found)


def test_a_manhunt_by_the_law_is_coercion():
    found = events("An intense manhunt conducted by the FBI continues in North Carolina.")
    assert [(e.plover, e.cameo, _side(e.source)[1]) for e in found] == [("COERCE", "170", "USACOP")]


def test_a_raid_by_police_is_coercion_and_by_troops_an_attack():
    found = events("Turkish police raided the offices of a newspaper in Istanbul.")
    assert [(e.plover, e.cameo) for e in found] == [("COERCE", "170")]
    found = events("Turkish troops raided a Kurdish village near Diyarbakir.")
    assert found and all(e.plover == "ASSAULT" for e in found)


def test_a_joint_news_conference_is_a_meeting_and_a_news_conference_alone_none():
    found = events("Kikwete spoke at a joint news conference with U.S. Secretary of State Madeleine Albright.")
    assert [(e.plover, _side(e.target)[1]) for e in found] == [("CONSULT", "USAGOV")]
    assert events("U.S. Secretary of State Madeleine Albright spoke at a news conference in Dar es Salaam.") == []


def test_the_from_of_a_speech_act_noun_is_its_maker():
    found = events("The Chinese finance minister jabbed back on Monday at complaints from his American counterpart.")
    assert [(e.plover, _side(e.source)[1][:3], _side(e.target)[1][:3]) for e in found] == [("ACCUSE", "USA", "CHN")]
    # an act that is no speech act keeps "from" as its target: a withdrawal from a place
    found = events("Israel announced the withdrawal of its troops from Lebanon.")
    assert all(e.source is None or not (e.source.actor or "").startswith("LBN") for e in found)


def test_a_rejection_of_a_speech_act_is_aimed_at_who_made_it():
    # (a rejection of a demand; dismissing an accusation is a denial, no rejection: tests/test_events_types15.py)
    found = events("The chairwoman of the Democratic National Committee dismisses Sanders' demands for more debates.", "2016-04-20")
    rejections = [e for e in found if e.plover == "REJECT"]
    assert [_side(e.target)[0] for e in rejections] == ["Sanders"]


def test_a_coded_signer_signing_or_ratifying_an_agreement_is_an_event_with_no_other_party():
    found = events("The Ukrainian parliament ratified the treaty on Tuesday.")
    assert [(e.cameo, _side(e.source), e.target) for e in found] == [("057", ("The Ukrainian parliament", "UKRLEG"), None)]
    found = events("Ukrainian President Leonid Kuchma signed the agreement on Friday.")
    assert [(e.cameo, _side(e.source)[1]) for e in found] == [("057", "UKRGOV")]


def test_a_signature_on_what_is_no_agreement_and_a_signer_with_no_code_give_no_event():
    assert events("President Clinton signed an executive order on Tuesday.") == []
    assert events("The company signed the agreement on Friday.") == []
    # a coded signer that is no state's body (a union coded USA) contracts, it signs no treaty
    assert events("The American Federation of Teachers, a U.S. labor union, signed the agreement on Friday.") == []
    # a meeting aimed at no one coded stays no event: only signing is kept with one side
    assert events("Ukrainian President Leonid Kuchma held talks on Friday.") == []


def test_calling_someone_by_an_insult_is_an_accusation_aimed_at_the_named_not_the_name():
    found = events("The Iranian foreign minister called the American president a liar.")
    assert [(e.cameo, e.plover) for e in found] == [("111", "ACCUSE")]
    assert found[0].target is not None and found[0].target.text != "a liar"
    found = events("Venezuelan President Nicolas Maduro branded the opposition leader a terrorist.")
    assert [(e.cameo, _side(e.source)[1]) for e in found] == [("111", "VENGOV")]
    # "a terrorist" is the name, not the one accused (it is coded as a rebel group by its noun)
    assert all(e.target is None or e.target.text != "a terrorist" for e in found)


def test_calling_someone_by_a_name_that_is_no_insult_or_calling_for_is_no_accusation():
    assert all(e.plover != "ACCUSE" for e in events("The Chinese government called the Japanese prime minister a friend."))
    # the one named may be called by a bad word ("the killer") and the name be praise: no accusation (review, session eleven)
    assert all(e.plover != "ACCUSE" for e in events("Hezbollah called the Israeli killer a hero of the resistance on Friday."))
    assert all(e.plover != "ACCUSE" for e in events("Syria called the Turkish terrorist a martyr and praised his family."))
    assert all(e.plover != "ACCUSE" for e in events("The Cuban government called for the criminals to be punished."))


def test_a_lawsuit_filed_is_an_accusation_by_who_filed_it():
    found = events("The Justice Department filed a lawsuit against North Carolina over the law.")
    assert [(e.cameo, e.plover, _side(e.source)) for e in found] == [("115", "ACCUSE", ("The Justice Department", "USAGOV"))]


def test_what_a_filed_complaint_asks_for_is_no_event_of_its_own():
    # "relief" is also a word of aid (073): asked for in a complaint it is the complaint's, as without the support verb
    found = events("The Texas attorney general filed a complaint for injunctive relief against the Justice Department.")
    assert [(e.cameo, _side(e.target)[1]) for e in found] == [("114", "USAGOV")]


def test_an_appeal_of_a_ruling_is_disapproval_and_an_appeal_to_people_a_request():
    found = events("The Obama administration will appeal the ruling, the Justice Department said.")
    assert [(e.cameo, e.plover, e.modality) for e in found] == [("110", "ACCUSE", "intended")]
    found = events("The Mexican government appealed to voters to stay calm.")
    assert found and all(e.plover != "ACCUSE" for e in found)


def test_stalling_a_ratification_is_a_rejection_and_stalling_alone_none():
    found = events("Russia has stalled ratification of the treaty.")
    assert [(e.cameo, e.plover, _side(e.source)[1]) for e in found] == [("120", "REJECT", "RUS")]
    assert all(e.plover != "REJECT" for e in events("The Russian car stalled on the bridge to Crimea."))


def test_questioning_by_the_law_is_an_investigation_and_by_others_none():
    found = events("The Syrian suspect was questioned by the FBI in connection with the attack.")
    assert [(e.cameo, e.plover, _side(e.source)[1]) for e in found] == [("091", "ACCUSE", "USACOP")]
    found = events("German police questioned the Syrian suspect on Friday.")
    assert [(e.cameo, _side(e.source)[1], _side(e.target)[1][:3]) for e in found] == [("091", "DEUCOP", "SYR")]
    assert all(e.plover != "ACCUSE" for e in events("Israeli reporters questioned the Syrian foreign minister about the attack."))
    assert all(e.plover != "ACCUSE" for e in events("Many American voters question him."))
def test_firing_a_riot_control_weapon_at_people_is_repression_not_an_attack():
    found = events("Police fired tear gas at protesters in Nairobi.")
    assert [(e.plover, e.cameo, e.trigger.text) for e in found] == [("COERCE", "175", "fired")]
    assert (_side(found[0].source)[1], _side(found[0].target)[1]) == ("KENCOP", "KENCVL")
    found = events("Israeli troops fired rubber bullets at stone-throwing Palestinians in Hebron.")
    assert [(e.plover, e.cameo) for e in found] == [("COERCE", "175")]
    # firing on people with no such weapon, or firing arms, stays an attack
    assert [(e.plover, e.cameo) for e in events("Police shot at the protesters in Lagos.")] == [("ASSAULT", "193")]
    assert {e.plover for e in events("Syrian troops fired rockets at the rebels in Aleppo.")} == {"ASSAULT"}


def test_using_tear_gas_is_repression_by_who_used_it():
    found = events("Kenyan riot police used tear gas to disperse the crowd in Nairobi.")
    assert [(e.cameo, _side(e.source)) for e in found] == [("175", ("Kenyan riot police", "KENCOP"))]


def test_an_arrest_warrant_issued_is_legal_action_by_its_issuer():
    found = events("Spain issued an international arrest warrant for Pinochet.")
    assert [(e.plover, e.cameo, e.trigger.text, _side(e.source)[1]) for e in found] == [("COERCE", "173", "warrant", "ESP")]
    # a warrant that is no arrest (a search of a house) is no coercion of anyone
    assert all(e.plover != "COERCE" for e in events("A Spanish judge issued a search warrant for the house in Madrid."))


def test_a_bomb_that_goes_off_is_a_bombing():
    found = events("A bomb went off at a Shiite mosque in Karachi, killing 12 worshippers.")
    assert [(e.plover, e.cameo, e.trigger.text) for e in found] == [("ASSAULT", "183", "went off")]
    found = events("A grenade exploded at a rally of the Awami League in Dhaka.")
    assert ("ASSAULT", "183", "exploded") in [(e.plover, e.cameo, e.trigger.text) for e in found]


def test_what_explodes_must_be_a_bomb():
    # a gas cylinder, a battery or anger that explodes is no attack
    assert events("A gas cylinder exploded at a police station in Lagos.") == []
    assert all(e.plover != "ASSAULT" for e in events("Anger exploded among the Palestinian protesters in Gaza."))
    assert all(e.plover != "ASSAULT" for e in events("A phone battery exploded in a government office in Seoul."))
