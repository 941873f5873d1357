"""The events stage: triggers, frames, actors, modality, places, coreference, and the seed article."""

from __future__ import annotations

import pytest

import newswire
from newswire.lexicon import codebook, load_list, load_table
from newswire.lexicon.cues import CueEntry
from newswire.lexicon.tables import CameoFrame, EventNoun, EventVerb, ModalityWord

from conftest import SEED_PUBLISHED


def events(text: str, published: str = "2013-09-13"):
    analysis = newswire.analyze(text, published=published)
    return analysis, analysis.events


def only(text: str, published: str = "2013-09-13"):
    analysis, found = events(text, published)
    assert len(found) == 1, [(e.cameo, e.trigger.text) for e in found]
    return analysis, found[0]


# --- the codebook and the dictionaries -----------------------------------------------------------


def test_codebook_codes_are_strings_with_their_values():
    code = codebook.lookup("2041")
    assert (code.root, code.quad, code.goldstein, code.plover) == ("20", 4, -10.0, "ASSAULT")
    assert codebook.lookup("010").code == "010"
    assert codebook.lookup("0874").plover == "RETREAT" and codebook.lookup("083").plover == "CONCEDE"
    assert codebook.lookup("020").plover == "REQUEST"  # appeals, as EVENTS-GOLD.md codes them (PLOVER drops 02)
    assert codebook.lookup("010").plover is None  # public statements: no PLOVER type (and never emitted)
    with pytest.raises(ValueError):
        codebook.lookup("999")


def test_every_dictionary_code_is_in_the_codebook():
    known = codebook.codebook()
    used = [row.code for row in load_table("event_verbs.tsv", EventVerb) if row.code != "-"] + [row.code for row in load_table("event_nouns.tsv", EventNoun) if row.code != "-"]
    for row in load_table("cameo_frames.tsv", CameoFrame):
        used += [v for v in (row.appeal, row.intent, row.demand, row.reject, row.threaten) if v]
    assert [c for c in used if c not in known] == []
    assert all(len(c) >= 3 for c in used), "events are never coded with a bare root"


def test_every_code_has_a_quad_class_matching_its_root():
    for code in codebook.codebook().values():
        root = int(code.root)
        assert code.quad == (1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4), code
        assert -10 <= code.goldstein <= 10


def test_support_verbs_and_modality_cues_parse():
    assert ("carry", "out") in {tuple((e.split() + [""])[:2]) for e in load_list("event_support_verbs.txt")}
    modalities = {row.modality for row in load_table("modality.tsv", ModalityWord)}
    assert modalities == {"intended", "requested", "conditional", "negated", "hypothetical", "asserted"}  # asserted: "presupposes" rows
    assert all(list(row.object) == [w.lower() for w in row.object] for row in load_table("event_verbs.tsv", EventVerb))


@pytest.mark.parametrize(
    "frame, complement, code",
    [("intent", "073", "0333"), ("threaten", "163", "1312"), ("reject", "046", "125"), ("demand", "0871", "1056"),
     ("intent", "191", "1381"), ("demand", "19", "100")],
)  # fmt: skip
def test_frames_combine_with_the_event_they_govern(frame, complement, code):
    assert codebook.combine(frame, complement) == code


# --- events on small texts -----------------------------------------------------------------------


def test_coordinated_actors_give_one_consult_with_a_place():
    text = "U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov met in Geneva on Friday."
    a, e = only(text)
    assert (e.cameo, e.plover, e.quad_class, e.goldstein) == ("040", "CONSULT", 1, 1.0)
    assert (e.source.text, e.source.actor, e.target.text, e.target.actor) == ("John Kerry", "USAGOV", "Sergei Lavrov", "RUSGOV")
    assert (e.trigger.start, e.trigger.end, e.trigger.text) == (78, 81, "met")
    assert (e.location.start, e.location.text, e.location.country) == (85, "Geneva", "CHE")
    assert (e.sentence.start, e.sentence.end) == (0, len(text))
    assert e.date == "2013-09-13" and e.modality == "asserted"  # "on Friday", published Friday 2013-09-13


def test_the_date_comes_from_the_time_expression_of_the_clause():
    a, e = only("Russia attacked Georgia on August 8, 2008.", published="2008-08-20")
    assert e.date == "2008-08-08"
    a, e = only("Russia attacked Georgia last week.", published="2008-08-20")
    assert e.date.startswith("2008-W")


def test_a_frame_verb_and_the_event_it_governs_are_one_event():
    a, e = only("Iran threatened to impose sanctions on Israel.")
    assert (e.cameo, e.plover, e.source.actor, e.target.actor) == ("1312", "THREATEN", "IRN", "ISR")
    assert e.trigger.text == "threatened"


def test_passive_agent_is_the_source():
    a, e = only("Civilians in Homs were attacked by Syrian troops.")
    assert (e.cameo_root, e.source.text, e.source.actor, e.target.text, e.target.actor) == ("19", "Syrian troops", "SYRMIL", "Civilians", "SYRCVL")
    assert (e.location.text, e.location.country) == ("Homs", "SYR")


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        # the agent of an event noun: its "by" phrase, also when the parser hangs it on the "of" patient
        ("The expulsion of the ambassador by Canada angered Russia.", "166", "CAN", None),
        ("The invasion of Iraq by the United States began in March.", "192", "USA", "IRQ"),
        ("The bailout of AIG by the Fed was controversial.", "071", None, None),
        # or its possessive
        ("Russia's invasion of Ukraine began in February.", "192", "RUS", "UKR"),
        ("China's condemnation of the attack surprised observers.", "111", "CHN", None),
    ],
)
def test_an_event_noun_takes_its_source_from_by_or_a_possessive(text, cameo, source, target):
    a, e = only(text)
    assert e.cameo == cameo and e.source is not None
    assert source is None or (e.source.actor or "")[:3] == source
    assert target is None or (e.target.actor or "")[:3] == target


def test_an_event_noun_whose_by_agent_hangs_on_its_patient():
    a, e = only("The bailout of AIG by the Fed was controversial.")
    assert (e.source.text, e.target.text) == ("Fed", "AIG")
    a, e = only("The expulsion of the ambassador by Canada angered Russia.")
    assert e.source.text == "Canada"


def test_support_verb_lends_its_subject_to_the_event_noun():
    a, e = only("Russia launched an offensive against Georgia.")
    assert (e.cameo, e.trigger.text, e.source.actor, e.target.actor) == ("190", "offensive", "RUS", "GEO")


@pytest.mark.parametrize(
    "text, cameo, modality",
    [
        ("Israel will withdraw its troops from Lebanon.", "0356", "intended"),
        ("Israel will withdraw its troops from Lebanon unless the fighting resumes.", "0356", "conditional"),
        ("Syria says it will not accept any refugees from Iraq.", "120", "negated"),
    ],
)
def test_modality_and_the_codes_of_unrealised_events(text, cameo, modality):
    a, e = only(text)
    assert (e.cameo, e.modality) == (cameo, modality)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt could attack Libya.",
        "If Egypt attacks Libya, the region will suffer.",
        "Egypt claimed the right to attack Libya.",  # the infinitive of "right"
        "Will Egypt attack Libya?",
        "Turkey did not attack Syria.",  # negated: it did not happen (a refusal would be coded 12)
    ],
)
def test_an_event_the_text_only_supposes_or_denies_is_not_emitted(text):
    assert events(text)[1] == []


def test_a_presupposed_event_keeps_its_modality():
    # "stops threatening": the threats go on; the "if" belongs to the stopping
    a, found = events("Syria will sign the deal if Turkey stops threatening to attack.")
    threats = [(e.cameo, e.source.actor, e.modality) for e in found if e.plover == "THREATEN"]
    assert threats == [("1384", "TUR", "asserted")]


def test_an_event_whose_source_has_a_proper_name_is_emitted_uncoded():
    a, e = only("Governor Anna Berg threatened to impose a curfew.")
    assert (e.cameo, e.source.text, e.source.actor, e.target) == ("1323", "Anna Berg", None, None)


@pytest.mark.parametrize(
    "text, source, target",
    [
        # at home with no one named: the source's own country, implicitly
        ("Sudan's government lifted the state of emergency.", ("Sudan's government", "SDNGOV", False), ("Sudan", "SDN", True)),
        ("Egyptian police arrested dozens of people.", ("Egyptian police", "EGYCOP", False), ("Egyptian", "EGY", True)),
        # a crowd no one names: the people of the place, against its authorities
        ("Hundreds of people blocked roads in Lagos on Monday.", ("Lagos", "NGACVL", True), ("Lagos", "NGA", False)),
        # a stance, not a passive; whose calls are rejected
        ("Israel is opposed to French mediation.", ("Israel", "ISR", False), ("French", "FRA", False)),
        ("Berlin rejected calls by Belarus's rulers for economic aid.", ("Berlin", "DEUGOV", False), ("Belarus", "BLR", False)),
    ],
)
def test_actors_the_clause_implies(text, source, target):
    a, e = only(text, published="2016-06-01")
    assert (e.source.text, e.source.actor, e.source.implicit) == source
    assert (e.target.text, e.target.actor, e.target.implicit) == target


def test_an_event_without_a_coded_actor_is_not_emitted():
    assert events("The attack killed five people.")[1] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton talked about criminal justice reform in Ohio.",  # a meeting with no one
        "Donald Trump released a letter from his doctor.",  # a row coded "-": no release of persons
        "Donald Trump seized on a report about Hillary Clinton.",
        "Donald Trump called Alicia Machado on Friday.",  # "on Friday" is no "call on"
    ],
)
def test_what_is_no_event(text):
    assert events(text, published="2016-10-01")[1] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ted Cruz has fought for our right to bear arms.",  # "fight for": a cause, not a battle
        "Ted Cruz will beat Donald Trump.",  # an election, not a beating
        "Ted Cruz held a rally in Miami.",  # one politician's rally is a campaign event, not a protest
        "Barack Obama traveled to New York.",  # travel at home is no diplomatic visit
        "Apple deployed encryption.",  # "deploy" anything but forces
        "Liberals pose a threat to America.",  # a verb used as no event takes its event noun with it
        "The San Bernardino attacks killed 14 people.",  # the city is where, not who
        "Hillary Clinton conceded that Bernie Sanders had a point.",  # conceding that: an admission
        "Donald Trump refused to concede that Mexico had a point.",  # nor refusing to admit it
        "Ted Cruz called them on it.",  # a challenge, not an appeal
    ],
)
def test_what_campaign_news_says_that_is_no_event(text):
    assert events(text, published="2016-06-01")[1] == []


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        ("Donald Trump attacked Hillary Clinton over her emails.", "111", "USAPTY", "USAPTY"),  # words between people
        ("Israeli jets struck targets in Gaza.", "190", "ISR", "PSE"),
        ("Egyptian police beat protesters in Cairo.", "182", "EGYCOP", "EGYCVL"),
        ("Russia deployed troops to the border with Ukraine.", "154", "RUS", "UKR"),
        ("Serbian workers stopped work on Monday.", "143", "SRBLAB", "SRB"),  # at home: Serbia, implicitly
        ("Egypt warned that its forces would strike back.", "1384", "EGY", "EGYMIL"),
        ("Russia and Ukraine struck a deal.", "057", "RUS", "UKR"),
        ("Israel will withdraw its troops from Lebanon.", "0356", "ISR", "LBN"),  # its troops are no target
        # a promise holds both things promised: one threat, not a promise and a deportation
        ("Donald Trump has promised to build a wall and deport millions of Mexican immigrants.", "130", "USAPTY", "MEX"),
    ],
)
def test_verbs_read_with_their_objects_and_actors(text, cameo, source, target):
    a, e = only(text, published="2016-06-01")
    assert (e.cameo, e.source.actor, e.target.actor if e.target else None) == (cameo, source, target)


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        ("Iran expressed willingness to resume talks with the United States.", "036", "IRN", "USA"),
        ("Syria rejected a peace plan proposed by Egypt.", "127", "SYR", "EGY"),  # the one other country named
        ("Iran agreed to sign the accord with Iraq.", "037", "IRN", "IRQ"),  # intent to settle a dispute
        ("Syria accepted Egyptian mediation.", "038", "SYR", "EGY"),  # a row that codes the frame keeps its code
        ("Britain extradited the suspect to Spain.", "063", "GBR", "ESP"),
        ("Pakistan sent peacekeepers to Sierra Leone.", "074", "PAK", "SLE"),
        ("Syria used chemical weapons against rebels.", "2041", "SYR", "SYRREB"),
        ("The UN sent a fact-finding mission to Sudan.", "090", "IGOUNO", "SDN"),
        ("Burmese troops captured part of a Karen guerrilla stronghold.", "192", "MMRMIL", "MMR"),  # a Karen stronghold: data/peoples.tsv
        ("China held military exercises near Taiwan.", "150", "CHN", "TWN"),  # a show of force
        ("French and Egyptian warships launched war games.", "062", "FRA", "EGY"),  # two navies: cooperation
        ("Israel ruled out talks with Hamas.", "125", "ISR", "PSEREB"),
        ("The World Bank approved a loan to Kenya.", "071", "IGOWBK", "KEN"),
        ("Egypt lodged a protest with Israel.", "114", "EGY", "ISR"),
        # the mediator is the source, the parties between whom it mediates the targets
        ("Klaus Berg undertook a mediation mission between Syria and Lebanon.", "045", None, "SYR"),
    ],
)
def test_codebook_phrases(text, cameo, source, target):
    a, e = only(text, published="2016-06-01")
    assert (e.cameo, e.source.actor, e.target.actor if e.target else None) == (cameo, source, target)


def test_an_event_in_a_clause_still_to_come_is_not_emitted():
    a, found = events("Rwandan rebels said the government must agree to reforms before they demobilize.")
    assert "0873" not in [e.cameo for e in found]


def test_a_definite_event_noun_is_the_earlier_event_again():
    text = "A Syrian military attack on civilians killed 20 people on Monday. Witnesses said the attack near Damascus lasted an hour."
    a, e = only(text)
    assert (e.source.actor, e.target.actor) == ("SYRMIL", "SYRCVL")
    assert [m.text for m in e.mentions] == ["attack", "attack"]
    assert [m.start for m in e.mentions] == [18, text.index("the attack") + 4]
    assert (e.location.text, e.location.country) == ("Damascus", "SYR")


def test_the_events_of_a_sentence_do_not_multiply():
    a, found = events("Jordan and Britain agreed to hold joint military exercises this month.")
    assert [(e.cameo, e.source.actor, e.target.actor) for e in found] == [("0312", "JOR", "GBR")]


# --- the seed article ----------------------------------------------------------------------------


def _entity(analysis, name):
    found = [e for e in analysis.entities if e.name == name]
    assert len(found) == 1, name
    return found[0]


def _find(analysis, plover=None, source=None, target=None, root=None):
    return [
        e
        for e in analysis.events
        if (plover is None or e.plover == plover)
        and (root is None or e.cameo_root in root)
        and (source is None or (e.source and e.source.actor and e.source.actor.startswith(source)))
        and (target is None or (e.target and e.target.actor and e.target.actor.startswith(target)))
    ]


@pytest.mark.shared
def test_seed_consult_between_usa_and_russia_in_geneva_with_the_un_envoy(seed):
    found = [e for e in _find(seed, "CONSULT", "USA", "RUS") if e.location and e.location.text == "Geneva"]
    assert len(found) == 1
    e = found[0]
    assert (e.date, e.location.country, e.trigger.text) == ("2013-09-13", "CHE", "met")
    brahimi = _entity(seed, "Lakhdar Brahimi")
    assert brahimi.id in [p.entity for p in e.participants]
    assert {p.actor for p in e.participants} == {"USAGOV", "RUSGOV", "IGOUNO"}


@pytest.mark.shared
def test_seed_threat_from_the_usa_to_syria(seed):
    found = _find(seed, "THREATEN", "USA", "SYR")
    assert [e.trigger.text for e in found] == ["threatening"]
    assert found[0].target.implicit  # "stops threatening to attack": Syria, the article's focus, is implied


@pytest.mark.shared
def test_seed_chemical_attack_near_damascus_by_the_syrian_military(seed):
    found = _find(seed, "ASSAULT", "SYR", root=("19", "20"))
    attack = [e for e in found if e.location and e.location.text == "Damascus"]
    assert len(attack) == 1
    e = attack[0]
    assert (e.cameo, e.source.actor, e.target.text, e.location.country) == ("2041", "SYRMIL", "civilians", "SYR")
    assert e.date == "2013-08-21"  # from "the August 21st attack", a later mention of the same attack
    assert len(e.mentions) >= 3  # "a ... poisonous gas attack", "the August 21st attack", "the attack"


@pytest.mark.shared
def test_seed_chemical_attack_is_reported_by_the_usa(seed):
    usa = _entity(seed, "United States")
    e = next(e for e in _find(seed, "ASSAULT", "SYR", root=("20",)) if e.location and e.location.text == "Damascus")
    assert e.reported_by == usa.id


@pytest.mark.shared
def test_seed_syrian_government_accuses_the_rebels(seed):
    found = _find(seed, "ACCUSE", "SYRGOV", "SYRREB")
    assert [(e.cameo, e.trigger.text, e.source.text, e.target.text) for e in found] == [("112", "blames", "The Assad government", "rebels")]


@pytest.mark.shared
def test_seed_putin_praises_syria(seed):
    putin = _entity(seed, "Vladimir Putin")
    found = _find(seed, "SUPPORT", "RUS", "SYR")
    assert [(e.cameo, e.trigger.text, e.source.entity, e.date) for e in found] == [("051", "praised", putin.id, SEED_PUBLISHED)]


@pytest.mark.shared
def test_seed_repeated_body_yields_no_extra_events(seed, seed_text):
    (removed,) = seed.removed
    first_copy = newswire.analyze(seed_text[: removed.start], published=SEED_PUBLISHED)
    assert [(e.cameo, e.trigger.start) for e in seed.events] == [(e.cameo, e.trigger.start) for e in first_copy.events]
    assert all(e.trigger.end <= removed.start and e.sentence.end <= removed.start for e in seed.events)


def test_an_event_inside_a_quote_is_reported_by_its_speaker():
    from newswire.entities import extract_entities
    from newswire.events import extract_events
    from newswire.text.parse import parse
    from newswire.records import Quote, Span

    text = "The United States says Syrian troops attacked civilians in Homs."
    doc = parse(text)
    entities = extract_entities(doc, published="2013-09-13")
    usa = next(e for e in entities if e.name == "United States")
    start = text.index("Syrian")
    quote = Quote(id="Q1", type="indirect", content=Span(start, len(text) - 1, text[start:-1]), speaker_entity=usa.id)
    (e,) = extract_events(doc, entities, [quote], [], published="2013-09-13")
    assert (e.source.actor, e.trigger.text, e.reported_by) == ("SYRMIL", "attacked", usa.id)
    (e,) = extract_events(doc, entities, [], [], published="2013-09-13")
    assert e.reported_by is None


# --- verbs of saying: one list, the quotes stage's cues ------------------------------------------


def test_reporting_verbs_are_the_clause_speech_cues_of_cues_tsv():
    from newswire.lexicon.cues import reporting_verbs

    speech = {row.cue for row in load_table("cues.tsv", CueEntry) if row.kind == "speech" and "clause" in row.frames}
    assert reporting_verbs() == {c for c in speech if " " not in c}
    assert {"say", "tell", "stress", "insist"} <= reporting_verbs()
    assert not {"believe", "want", "blame"} & reporting_verbs()  # thought, intent, object-only cues


@pytest.mark.parametrize(
    "text",
    [
        # "stressed" is a speech cue of cues.tsv: its obligation clause is a demand on the clause's subject
        "Japan stressed that Iran must stop its enrichment programme.",
        # a clause in the subjunctive says what its subject must do
        "Japan insisted that Iran stop its enrichment programme.",
    ],
)
def test_a_reported_demand_through_any_speech_cue(text):
    a, e = only(text)
    assert (e.cameo, e.source.actor, e.target.actor) == ("100", "JPN", "IRN")


def test_a_reported_present_tense_clause_is_no_demand():
    a, found = events("Japanese officials said the Iranian rebels control the north.")
    assert [e.cameo for e in found if e.cameo.startswith("10")] == []


# --- targets from the structure of the clause -----------------------------------------------------


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        # a region named by a direction and a country is in that country
        ("Israel launched an invasion of South Lebanon.", "192", "ISR", "LBN"),
        # a threat is aimed at whoever must meet its condition
        ("Ghana threatened to close its embassy unless Togo released the diplomats.", "1313", "GHA", "TGO"),
        # a threatened act the dictionary does not code is still aimed at its "to" complement
        ("Ghana has threatened to deliver devastating blows to Togo and Benin.", "130", "GHA", "TGO"),
        # of coordinated parties the coded one is the target; "the Emirates" is a country name
        ("Kuwait launched a mediation effort between the strikers and Qatar.", "045", "KWT", "QAT"),
        ("Kuwait launched a mediation effort between the Emirates and Qatar.", "045", "KWT", "ARE"),
        # the meeting is what the rejected offer proposed: one rejection of a meeting (125), not a meeting
        ("Cuba rejected an offer to attend talks with the United States.", "125", "CUB", "USA"),
        ("Cuba rejected a proposal to join a summit with Mexico.", "125", "CUB", "MEX"),
        # an object that names no one is aimed at where it is
        ("Israel will evacuate all 12 outposts in the West Bank by June.", "0356", "ISR", "PSE"),
        ("Rebels captured the main airport in Tripoli.", "192", "LBYREB", "LBY"),
        # a purpose clause is aimed where its means were sent
        ("The OSCE sent 20 officers to Georgia to investigate the conduct of a border force.", "090", "IGOOSC", "GEO"),
        # "allow X to do": the parser makes X the subject of the infinitive, not the verb's object
        ("Israel allowed Palestinian workers to enter the country.", "080", "ISR", "PSELAB"),
        # a named body with no code of its own is where it is
        ("The IAEA dispatched inspectors to the Natanz Enrichment Plant in central Iran.", "090", "IGOUNO", "IRN"),
        # a country name the parser labels PRODUCT is still the country
        ("Turkey invaded Cyprus in 1974.", "192", "TUR", "CYP"),
        # "out of" is "from": where a withdrawal leaves
        ("The Yugoslav army pulled out of Slovenia.", "087", "YUGMIL", "SVN"),
        # an event noun's coded target before its support verb's uncoded one
        ("The Philippine army launched an offensive against Muslim rebels on Mindanao.", "190", "PHLMIL", "PHLREB"),
        # the government's troops are those of the country at home
        ("Ivory Coast rebels accused government troops of massacring civilians.", "112", "CIVREB", "CIVMIL"),
        # "an anti-Iran cleric" is not Iran's, and Iran is not where the gunmen are
        ("Gunmen shot an anti-Iran cleric in Baghdad.", "193", "IRQUAF", "IRQ"),
    ],
)
def test_targets_from_clause_structure(text, cameo, source, target):
    a, e = only(text, published="2016-06-01")
    assert (e.cameo, e.source.actor, e.target.actor) == (cameo, source, target)


def test_a_rejected_act_is_aimed_at_its_coded_doer_before_an_uncoded_party():
    # "Chilean mediation ... with the strikers": the strikers have no code, the mediator has
    a, e = only("Peru is opposed to Chilean mediation in peace negotiations with the strikers.", published="2016-06-01")
    assert (e.cameo, e.target.actor) == ("126", "CHL")


def test_a_preposition_the_parser_stranded_takes_the_subject_after_it():
    from spacy.tokens import Doc

    from newswire.events.syntax import prep_objects
    from newswire.text.parse import load_nlp

    # "Peru granted asylum to officers holed up there." parsed with "officers" as the subject of "holed"
    words = ["Peru", "granted", "asylum", "to", "officers", "holed", "up", "there", "."]
    heads = [1, 1, 1, 1, 5, 1, 5, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nsubj", "advcl", "prt", "advmod", "punct"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps)
    assert [(p, o.text) for p, o in prep_objects(doc[1], ("to",))] == [("to", "officers")]


# --- whole CAMEO categories, not single words -----------------------------------------------------


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        ("Norway dispatched medicine to Haiti.", "073", "NOR", "HTI"),  # 07 humanitarian aid
        ("Japan gave $10 million to Haiti.", "071", "JPN", "HTI"),  # a sum of money is economic aid
        ("Japan provided Haiti with 5,000 tons of rice.", "073", "JPN", "HTI"),  # an amount names what it counts
        ("Ghana wrote off Togo's debt.", "071", "GHA", "TGO"),  # 07 economic aid
        ("Colombia teamed up with Peru to fight drug gangs.", "060", "COL", "PER"),  # 06 material cooperation
        ("Armenia swapped prisoners with Azerbaijan.", "0841", "ARM", "AZE"),  # 08 release of persons
        ("Chad halted its offensive against the rebels.", "0871", "TCD", "TCDREB"),  # 08 de-escalation
        ("Egypt's army amassed troops near the Libyan border.", "154", "EGYMIL", "EGY"),  # 15 mobilisation (at home)
        ("Russia increased its military presence on the border with Ukraine.", "154", "RUS", "UKR"),  # more forces
        ("Kenyan police quelled the protest.", "175", "KENCOP", "KEN"),  # 17 repression
        ("Sudanese soldiers torched the village.", "1712", "SDNMIL", "SDN"),  # 17 destruction of property
        ("Syrian troops seized control of Aleppo.", "192", "SYRMIL", "SYR"),  # 19 taking a place is occupying it
        ("Police seized 200 kilograms of heroin from a Colombian ship.", "171", "COLCOP", "COL"),  # seizing goods is 17
        ("Ghana accepted the terms of the proposal of Togo.", "083", "GHA", "TGO"),  # "of" after "of": whose terms
        ("The OSCE dispatched observers to Georgia.", "090", "IGOOSC", "GEO"),  # sending people to find out is 09
        ("Iran mobilized support for Syria.", "053", "IRN", "SYR"),  # rallying support, not forces; "for" names whom
        # an event the subject plans or prepares is intended (a threat, for force) and is the subject's
        ("Egypt is planning an attack on Libya.", "1384", "EGY", "LBY"),
        ("Egypt is preparing a major offensive against Libya.", "1384", "EGY", "LBY"),
    ],
)
def test_category_rows(text, cameo, source, target):
    a, e = only(text, published="2016-06-01")
    assert (e.cameo, e.source.actor, e.target.actor) == (cameo, source, target)


# --- sources: whose country a person or a people is -----------------------------------------------


@pytest.mark.parametrize(
    "text, source",
    [
        # a people is coded by the country it acts in, or the one its "of" names
        ("Thousands of ethnic Hungarians demonstrated in Romania.", "ROU"),
        ("The Hungarians of western Romania demanded autonomy from the Romanian government.", "ROU"),
        ("Hungarians demonstrated in Budapest.", "HUN"),
        # a force "led" by a country is that country's
        ("Kenyan-led troops attacked the rebels.", "KEN"),
        # the subject of "is ready to" does what it is ready to do
        ("Kenya is ready to contribute 500 troops to a peacekeeping force in Somalia.", "KEN"),
    ],
)
def test_source_country_of_peoples_and_led_forces(text, source):
    a, e = only(text, published="2016-06-01")
    assert e.source.actor[:3] == source


@pytest.mark.parametrize(
    "text, source, target",
    [
        # the parser hangs the dateline on the subject ("BRUSSELS" a modifier of "leaders") ...
        ("BRUSSELS (Sample Wire) - European Union leaders on Friday called on Serbia's army to withdraw its troops.", "IGOEUR", "SRBMIL"),
        # ... or makes it a second subject
        ("NAIROBI (Sample Wire) - Somali officials on Monday accused the Ethiopian army of shelling villages.", "SOMGOV", "ETHMIL"),
        ("KAMPALA, March 3 (Sample Wire) - Ugandan police arrested three opposition leaders.", "UGACOP", "UGAOPP"),
    ],
)
def test_a_dateline_is_never_an_actor(text, source, target):
    a, e = only(text, published="2023-05-02")
    assert (e.source.actor, e.target.actor) == (source, target)
    dateline = text.split(" ")[0].rstrip(",")
    assert all(p.text != dateline for p in e.participants)


def test_people_killed_are_not_the_sides_named_before():
    # "dozens of civilians" are civilians, not the army and rebels of the sentence before (uncoded: no event)
    text = "Chad's army and the rebels clashed again on Sunday. The fighting killed dozens of civilians."
    a, e = only(text, published="2023-05-02")
    assert (e.trigger.text, e.source.actor, e.target.actor) == ("clashed", "TCDMIL", "TCDREB")


def test_a_verb_the_parser_took_for_an_object_is_no_patient():
    # a headline: "strike" with "shuts" as its object would be a military strike; it is a labour one
    a, e = only("Dutch dock workers strike shuts the port\n\nThe union said talks had failed.", published="2023-05-02")
    assert (e.cameo, e.source.actor) == ("143", "NLDLAB")


def test_a_country_something_is_aimed_at_is_not_the_country_of_a_titled_person():
    # "President Smith" has no country of their own; Chile is what the threat is aimed at
    a, e = only("President Smith threatened further action against Chile.", published="2016-06-01")
    assert (e.source.actor, e.target.actor) == (None, "CHL")


@pytest.mark.parametrize(
    "text, source, target, target_text",
    [
        # an act at home aimed at no one is aimed at the place it is done in: another country ...
        ("Serbia eased emergency measures on Wednesday in Kosovo province.", "SRB", "XKX", "Kosovo"),
        # ... or, when the text names no country, the home city that stands for the source's own
        ("Police imposed a curfew in Kumasi.", "GHACOP", "GHA", "Kumasi"),
    ],
)
def test_domestic_targets_from_the_place(text, source, target, target_text):
    a, e = only(text, published="2016-06-01")
    assert (e.source.actor, e.target.actor, e.target.text, e.target.implicit) == (source, target, target_text, True)


@pytest.mark.parametrize(
    "text, source, target, target_text, implicit",
    [
        # what an act is done to, named by no coded actor, is of the place it happens in
        ("Rebels killed two farmers near Kandahar.", "AFGREB", "AFGAGR", "two farmers", False),
        # (by no one named: no source, not the place's unidentified forces; session fifteen)
        ("A well-known anti-Syria reporter was shot dead in Beirut.", None, "LBN", "Beirut", True),
        # an event aimed at no one is aimed at where what it is about happens
        ("APEC agreed to open a trade office in Lima.", "IGOAPC", "PER", "Lima", True),
        ("The ruling party threatened to impose a curfew in Oran.", "DZAPTY", "DZA", "Oran", True),
        # else at the one other country its sentence names
        ("A Russian envoy offered concessions that a Japanese diplomat welcomed.", "RUS", "JPN", "Japanese", True),
    ],
)
def test_untargeted_events_take_the_place_or_the_other_country(text, source, target, target_text, implicit):
    a, e = only(text, published="2016-06-01")
    assert (e.source and e.source.actor, e.target.actor, e.target.text, e.target.implicit) == (source, target, target_text, implicit)


def test_a_tie_leaves_no_focus_country_for_an_aimed_event():
    # Afghanistan and Czechoslovakia are named once each: neither is the article's focus, and the
    # coercion at home is aimed at the source's own country
    a, e = only("Afghan guerillas blew up three power lines last month, the Czechoslovak news agency reported.", published="2016-06-01")
    assert (e.source.actor, e.target.actor, e.target.implicit) == ("AFGREB", "AFG", True)


def test_two_other_countries_give_no_target():
    a, found = events("A Russian envoy offered concessions after Japanese and Chinese diplomats complained.", published="2016-06-01")
    e = next(e for e in found if e.cameo == "035")
    assert (e.source.actor, e.target) == ("RUS", None)


@pytest.mark.parametrize(
    "text",
    [
        "A Russian envoy offered concessions, a Japanese diplomat told a Chinese newspaper.",
        "A Russian envoy offered concessions, Japanese officials said.",
    ],
)
def test_the_frame_that_reports_an_event_names_no_target(text):
    a, e = only(text, published="2016-06-01")
    assert (e.source.actor, e.target) == ("RUS", None)


def test_a_demand_is_aimed_at_the_one_asked_before_what_it_is_asked_to_do():
    a, e = only("Greece demanded that its European Union partners refuse to recognize Macedonia.", published="2016-06-01")
    assert (e.cameo, e.source.actor, e.target.actor) == ("100", "GRC", "IGOEUR")


def test_a_proper_noun_inside_a_name_is_no_event():
    # "Cooperation" is part of the forum's name, not an act of cooperation
    a, e = only("Leaders of the Asia-Pacific Economic Cooperation (APEC) forum praised Chile.", published="2016-06-01")
    assert (e.cameo, e.target.actor) == ("051", "CHL")


def test_a_clause_still_to_come_under_until_is_not_emitted():
    # "until their demands are met": present tense, not yet; "were met" would have happened
    a, found = events("Ugandan rebels rejected the Kenyan peace plan until their demands are met.", published="2016-06-01")
    assert [e.cameo for e in found] == ["127"]


def test_one_act_on_a_country_and_its_people_is_one_event():
    # the attack on "refugees" (RWAREF) and the killing it caused (RWA) are aimed at the same country
    text = "A temporary camp for Rwandan refugees was attacked by Ugandan militiamen armed with spears, killing at least 40 people."
    a, found = events(text, published="2016-06-01")
    # and "armed with spears" describes the militiamen, it is no arming (072)
    assert [e.cameo for e in found] == ["190"], [(e.cameo, e.target and e.target.actor) for e in found]


@pytest.mark.parametrize(
    "text, place, target",
    [
        ("A roadside bomb near Baghdad killed two British soldiers.", "Baghdad", "GBRMIL"),
        # the parser reads "Samarra" as a people (NORP); a known city is still a place
        ("A roadside bomb near the town of Samarra on Monday killed one Polish soldier.", "Samarra", "POLMIL"),
    ],
)
def test_an_attack_by_no_one_named_has_no_source_and_the_place_is_only_where(text, place, target):
    # the place is no actor: not the attacker (session fifteen: "were killed in Kharkiv" had Kharkiv as its source)
    a, e = only(text, published="2016-06-01")
    assert (e.source, e.target.actor, e.location.text, e.location.country) == (None, target, place, "IRQ")


@pytest.mark.parametrize(
    "text, attackers",
    [
        ("Gunmen near Baghdad killed two British soldiers.", "Gunmen"),
        ("Gunmen shot two Polish soldiers in Baghdad.", "Gunmen"),
    ],
)
def test_named_attackers_without_a_code_are_unidentified_forces_of_the_place(text, attackers):
    a, e = only(text, published="2016-06-01")
    assert (e.source.text, e.source.actor, e.source.implicit) == (attackers, "IRQUAF", False)


def test_a_capital_the_parser_reads_as_an_organisation_is_still_a_place():
    # spaCy tags "Dushanbe" ORG here; a capital after "near" is where the ambush happened, and what it hit is there
    a, e = only("Tajik opposition forces ambushed a government convoy near Dushanbe.", published="2016-06-01")
    assert (e.location.text, e.location.country, e.target.actor) == ("Dushanbe", "TJK", "TJK")


def test_an_actorless_violent_noun_stays_a_mention():
    # the shooting has a place but no one coded did it or suffered it: no event of its own
    a, found = events("Serbia rejected an Australian ultimatum to hand over a guard involved in a shooting in Sydney.", published="2016-06-01")
    assert [e.cameo_root for e in found] == ["12"]



@pytest.mark.parametrize(
    "text, target",
    [
        # a protest is against whom its complements name, before the place it happens in
        ("Protesters in Manila blocked a highway to show their disapproval of Chinese policies.", "CHN"),
        ("Thousands of farmers blocked roads in Lagos in defiance of Ghanaian authorities.", "GHAGOV"),
        ("Protesters in Manila blocked a highway on Monday.", "PHL"),
    ],
)
def test_whom_a_protest_is_against(text, target):
    a, e = only(text, published="2016-06-01")
    assert (e.cameo, e.target.actor) == ("144", target)


@pytest.mark.parametrize(
    "text",
    [
        "Republicans took control of the Senate in Washington.",  # control of an institution is no territory
        "Senator Smith gives credit to the activists of Chicago.",  # giving credit is praise, not a loan
        "The new law protects American workers.",  # protection by a law is no peacekeeping
    ],
)
def test_category_rows_stay_in_their_category(text):
    a, found = events(text, published="2016-06-01")
    assert [e.cameo for e in found if e.cameo_root in ("07", "19")] == []


# --- borders: a place, not an actor -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Burmese troops captured a village on the Thai border, Thai police said.",
    "Burmese soldiers seized a rebel camp on the Thai border.",
])
def test_a_border_named_by_a_country_word_is_no_target(text):
    a, e = only(text, published="2000-01-01")
    assert e.source.actor == "MMRMIL" and (e.target is None or e.target.actor[:3] != "THA")


def test_a_border_between_two_countries_is_a_place_of_neither():
    text = "Syrian troops fired mortars across the Turkish border on Monday."
    a, e = only(text, published="2000-01-01")
    assert (e.location.text, e.location.country, e.target) == ("Turkish border", None, None)


# --- precision on real news (issue 13) ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The Secretary of State helped hang a poster in the American embassy in Kenya.", "helped"),  # help + verb
        ("NATO warplanes helped end the war in Bosnia.", "helped"),
        ("Her relatives in Cuba have fought to keep the boy.", "fought"),  # fight + infinitive
        ("The Israeli activist pleaded innocent to the charges.", "pleaded"),  # a plea, not an appeal
        ("Malaysians must seize the chance to build a knowledge society in Malaysia.", "seize"),
        ("The Israeli minister prayed that the Syrian president would have a heart attack.", "attack"),
    ],
)
def test_verbal_and_figurative_uses_are_no_event(text, trigger):
    _, found = events(text)
    assert all(e.trigger.text != trigger for e in found), [(e.cameo, e.trigger.text) for e in found]


def test_an_event_with_no_coded_actor_is_dropped_unless_its_source_holds_office():
    assert events("Gerald Lefcourt, a defense attorney, has turned down a number of cases.")[1] == []
    assert events("Oy Waertsilae will contribute 200 million markkaa to the company.")[1] == []
    _, e = only("Governor Anna Berg threatened to impose a curfew.")
    assert e.source.text == "Anna Berg"


def test_a_trip_needs_coded_actors_on_both_sides():
    assert events("The boy's father would travel to the United States to bring his son home.")[1] == []


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        # the subject of the clause an event noun is an adjunct of
        ("U.N. officials finished drafting the rules in consultation with Iraqi diplomats.", "consultation", "U.N. officials"),
        # an infinitive under "likely" under a control verb
        ("Kuchma planned to visit Gazprom, most likely to discuss Ukraine's debt to Russia.", "discuss", "Kuchma"),
        # the subject of a passive asking verb does its infinitive
        ("Egypt was asked to send troops to Libya.", "send", "Egypt"),
    ],
)
def test_sources_the_clause_names(text, trigger, source):
    _, found = events(text)
    e = next(e for e in found if e.trigger.text == trigger)
    assert e.source is not None and e.source.text == source


@pytest.mark.parametrize(
    "text, trigger, modality",
    [
        ("Officials in Kenya hoped she would provide new aid to Kenya.", "provide", "requested"),
        ("Israel wants Syria to withdraw its troops from Lebanon.", "withdraw", "requested"),
        ("Egypt was asked to send troops to Libya.", "send", "requested"),
        ("The Syrian government wants to withdraw its troops from Lebanon.", "withdraw", "intended"),  # its own intent
        ("Syrian rebels are expected to attack Aleppo.", "attack", "intended"),  # expected is no request
    ],
)
def test_requested_events(text, trigger, modality):
    _, found = events(text)
    e = next(e for e in found if e.trigger.text == trigger)
    assert e.modality == modality


# --- issue 13, second round: verbal conflict and legal action ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Iranian foreign minister launched a scathing attack on the Israeli proposal.",  # an event noun on a plan
        "Russian President Vladimir Putin attacked the American plan on Tuesday.",  # a verb with a plan as object
        "Iran's president attacked the United States in a speech on Tuesday.",  # said in a speech
        "Senator John Smith fired back at the Chinese government on Monday.",  # a person at a government
    ],
)
def test_an_attack_on_words_plans_or_a_government_by_a_person_is_an_accusation(text):
    _, e = only(text)
    assert (e.cameo, e.plover) == ("111", "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops attacked the town of Homs on Monday.",
        "Rebels launched an attack on a Syrian army base.",
        "The Pakistani army fired at Indian troops across the border.",
    ],
)
def test_an_attack_on_a_place_or_troops_stays_an_assault(text):
    _, e = only(text)
    assert e.plover == "ASSAULT"


def test_a_charge_the_law_lays_is_legal_action_and_an_accusation_by_a_government_is_not():
    _, e = only("James Kopp, 44, was charged with murder on Thursday in Buffalo.")
    assert (e.cameo, e.plover, e.source, e.target.text, e.target.actor) == ("173", "COERCE", None, "James Kopp", "USA")
    _, e = only("The Iranian government charged the American journalist with spying.")
    assert (e.cameo, e.source.actor) == ("112", "IRNGOV")


def test_a_person_arrested_by_no_one_named_is_coded_by_the_articles_country():
    text = (
        "Syria's government has tightened its grip on Damascus. Officials in Syria said the Syrian army is on alert. "
        "Opposition activist Omar Khalil was arrested on Monday."
    )
    _, found = events(text)
    arrest = [e for e in found if e.trigger.text == "arrested"]
    assert [(e.plover, e.source, e.target.text, e.target.actor) for e in arrest] == [("COERCE", None, "Omar Khalil", "SYR")]


@pytest.mark.parametrize(
    "text",
    [
        "Apple sued Boeing over the contract.",  # a firm against a firm: commerce
        "Apple released the iPhone in Japan.",  # a firm and a place inferred from where: no political side named
    ],
)
def test_a_firm_acting_commercially_is_no_event(text):
    assert events(text, published="2010-06-01")[1] == []


def test_a_firm_against_a_government_is_an_event():
    a, e = only("General Motors sued the Canadian government.", published="2010-06-01")
    assert (e.plover, e.source.actor, e.target.actor) == ("ACCUSE", "USABUS", "CANGOV")


@pytest.mark.parametrize(
    "text, cameo",
    [
        ("Israel released 26 Palestinians.", "0841"),  # people
        ("Canada released the prisoner.", "0841"),
        ("Cuba released him from prison.", "0841"),
    ],
)
def test_a_release_of_people_is_an_event(text, cameo):
    a, e = only(text, published="2010-06-01")
    assert (e.cameo, e.plover) == (cameo, "RETREAT")


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese government released a new version of the software.",  # a thing, not people
        "China released the new car on Monday.",
        "The U.S. government expects a U.S. release of the drug.",  # the noun of a product
    ],
)
def test_a_release_of_a_thing_is_no_event(text):
    assert [e.plover for e in events(text, published="2010-06-01")[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Senator Smith of the United States has been fighting pancreatic cancer.",
        "The Iraqi president battled cancer for years.",
        "The Pentagon killed the deal.",  # a plan killed is no assault
        "The deal was killed by the Pentagon.",
    ],
)
def test_fighting_an_illness_or_killing_a_plan_is_no_assault(text):
    assert [e.plover for e in events(text, published="2010-06-01")[1] if e.plover == "ASSAULT"] == []


def test_killing_people_stays_an_assault():
    a, e = only("Syrian troops killed 20 civilians.", published="2012-06-01")
    assert (e.plover, e.source.actor) == ("ASSAULT", "SYRMIL")


def test_every_event_has_the_confidence_its_features_and_the_fitted_weights_give(monkeypatch):
    import math

    from newswire.events import confidence

    weights = confidence.weights()
    assert set(weights) <= set(confidence.FEATURES) | {"bias"} and "bias" in weights
    seen = []
    inner = confidence.features
    monkeypatch.setattr(confidence, "features", lambda m, ctx, reported: seen.append(inner(m, ctx, reported)) or seen[-1])
    _, evs = events(
        "Russian President Vladimir Putin met Ukrainian President Petro Poroshenko in Minsk on Friday. "
        "Rebels said they would attack the town. The attack killed 20 people."
    )
    assert evs and len(seen) == len(evs)
    for ev, values in zip(evs, seen):
        z = weights["bias"] + sum(weights.get(k, 0.0) * v for k, v in values.items())
        p = round(1 / (1 + math.exp(-z)), 2)
        assert ev.confidence == (p if values["clear"] else min(p, confidence.CAP)) and 0 <= ev.confidence <= 1
    met = next(ev for ev, values in zip(evs, seen) if ev.trigger.text == "met")
    assert seen[evs.index(met)]["both_named"] == 1.0 and seen[evs.index(met)]["both_political"] == 1.0


def test_confidence_ranks_named_political_actors_over_inferred_ones():
    """Two coded actors named in the clause (a meeting of two governments) are trusted more than an event whose
    target is inferred from the place: the fitted weights must keep that order (re-fit: eval/fit_event_confidence.py)."""
    from newswire.events import confidence

    # compared among clear records: a record that is not clear is capped under 0.7 (CAP) whatever its features, and
    # since session twenty's re-fit both of the first two reach the cap there
    base = {name: 0.0 for name in confidence.FEATURES} | {"clear": 1.0}
    named = confidence.score(base | {"both_named": 1.0, "both_political": 1.0})
    inferred = confidence.score(base | {"both_political": 1.0})
    alone = confidence.score(base)
    assert named > inferred > alone
    # a side that is only a lone demonym is trusted less (the fitted weights, before the gate); a pronoun side no
    # longer is: since session seven's pronoun rules (a singular pronoun never stands for a list, "they" continues the
    # plural subject just before) the re-fit gives it about no weight (+0.01), so it is not asserted; nor a city target:
    # session twelve's re-fit (250 events, 3 more) moved it from -0.17 to +0.06, a weight too few events decide
    assert confidence.weights()["demonym_side"] < 0


def test_only_a_record_whose_clause_states_every_part_reaches_the_top_band():
    """The gate: a record reaches 0.7 only when clear (both sides named by a name or a noun, coded, political, of
    two countries, a verb for trigger); anything else stays under it however its other features add up."""
    from newswire.events import confidence

    everything = {name: 1.0 for name in confidence.FEATURES} | {"clear": 0.0}
    assert confidence.score(everything) < confidence.CLEAR_FLOOR
    _, found = events("Russian President Vladimir Putin met Ukrainian President Petro Poroshenko in Minsk on Friday.")
    assert [e.confidence >= confidence.CLEAR_FLOOR for e in found] == [True]
    _, found = events("He met Ukrainian President Petro Poroshenko in Minsk on Friday.")
    assert all(e.confidence < confidence.CLEAR_FLOOR for e in found)


def _coded(text: str) -> list[tuple[str, str | None, str]]:
    return [(e.trigger.text, e.plover, e.modality) for e in newswire.analyze(text, published="1998-03-05").events]


def test_an_act_that_is_only_a_nouns_infinitive_is_not_reported_as_done():
    """"an agreement to release the prisoners" that no one has signed reports no release (issue 13: an infinitive on
    a noun is what the noun is about, not an act that happened); an attempt or a decision is the act."""
    assert _coded("Egypt and Israel have not yet signed an agreement to release the prisoners.") == []
    assert ("assassinate", "ASSAULT", "asserted") in _coded("An attempt to assassinate the Russian ambassador was thwarted in Ankara, Turkish police said.")
    assert ("ban", "COERCE", "asserted") in _coded("The EU made the decision to ban Indonesian airlines.")


def test_a_bare_verb_after_a_plural_subject_is_no_subjunctive_demand():
    """Only after a singular subject does a bare verb show a demand ("insisted that Iran stop"): after a plural it is
    the plain present ("says the women of Kabul symbolize ...")."""
    assert _coded("Ms. Atimadi says the women of Kabul symbolize the suffering of all the women in Afghanistan.") == []
    assert ("insisted", "REQUEST", "asserted") in _coded("Russia insisted that Iran stop enrichment.")


def test_expelling_people_is_coercion_and_expelling_inspectors_a_sanction():
    """CAMEO 174 expels or deports individuals (COERCE), 166 expels peacekeepers, inspectors or aid agencies."""
    assert _coded("Tanzania expelled five Iraqis and a Libyan.") == [("expelled", "COERCE", "asserted")]
    assert _coded("Iraq expelled the U.N. weapons inspectors.") == [("expelled", "SANCTION", "asserted")]


def test_two_names_each_with_their_country_are_coordinated_whatever_the_parse():
    """"Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia signed ...": the parser hangs Yeltsin on
    "Ukraine"; the two presidents are the two sides."""
    _, ev = only("Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia signed an economic cooperation plan Friday.", "1998-02-27")
    assert (ev.plover, ev.source.actor, ev.target.actor) == ("SUPPORT", "UKRGOV", "RUSGOV")


@pytest.mark.parametrize(
    "text",
    [
        "In addition, 73 Israeli soldiers were killed en route to Lebanon when two military helicopters crashed last February.",
        "Three Pakistani soldiers were killed in a car crash near Lahore.",
        "The storm killed 20 Filipino villagers.",
    ],
)
def test_deaths_from_an_accident_or_a_disaster_are_no_event(text):
    assert _coded(text) == []


def test_a_killing_with_a_doer_stays_an_event_whatever_crashed():
    assert ("killed", "ASSAULT", "asserted") in _coded("Israeli troops killed three Lebanese guerrillas when their car crashed into a checkpoint.")
    assert [p for _, p, _ in _coded("Three Pakistani soldiers were killed in an ambush near Lahore.")] == ["ASSAULT"]


def test_a_vow_to_go_after_wrongdoers_is_a_threat_and_a_promise_of_help_an_agreement():
    """EVENTS-GOLD codes vows of hostile acts as THREATEN: "promised to track down the perpetrators"."""
    assert _coded("The Kenyan president pledged to bring the bombers to justice.") == [("pledged", "THREATEN", "asserted")]
    assert _coded("Madeleine Albright promised to track down the perpetrators.") == [("promised", "THREATEN", "asserted")]
    assert [p for _, p, _ in _coded("Japan promised to help the victims of the earthquake in Turkey.")] == ["AGREE"]


def test_a_visit_to_a_firm_is_no_diplomatic_visit():
    assert _coded("Ukrainian President Leonid Kuchma also planned to visit Russian gas giant Gazprom on Friday.") == []
    assert [p for _, p, _ in _coded("Ukrainian President Leonid Kuchma visited Moscow on Friday.")] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Senator John Smith attacked the Acme Widget Corporation on Tuesday.",
    "Senator John Smith fired back at the Frobnitz Group.",
    "Mayor Jane Doe attacked the Zorblax Institute over the plan.",
])
def test_a_person_attacking_a_body_without_a_code_is_analysed_not_a_crash(text):
    # found on a PolNeAR train article: the check for words-not-force read the target's sector from a missing code
    analysis = newswire.analyze(text, published="2013-09-13")
    for event in analysis.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text


def _sides(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(PLOVER type, modality, source code, target code and text) of each event."""
    return [
        (e.plover or e.cameo, e.source and e.source.actor, e.target and e.target.actor, e.target and e.target.text)
        for e in newswire.analyze(text, published="2016-09-12").events
    ]


@pytest.mark.parametrize("text", [
    # a user's trial: "declined to threaten Moscow" was an asserted REJECT aimed at Russia, at the store's top confidence
    "The Canadian prime minister declined to threaten Beijing with tariffs.",
    "The Turkish army refused to attack the Kurdish town of Kobani.",
    "Japan declined to criticize China over the incident.",
])
def test_refusing_a_hostile_act_is_the_act_not_done_not_a_rejection_of_its_target(text):
    assert _sides(text) == []


def test_refusing_cooperation_or_a_demand_stays_a_rejection():
    assert [p for p, *_ in _sides("Canada refused to lift the sanctions on Iran.")] == ["REJECT"]
    assert [p for p, *_ in _sides("Serbia rejected the Australian ultimatum.")] == ["REJECT"]


def test_an_act_forced_on_someone_is_aimed_only_at_whoever_forced_it():
    """A user's trial: "forced to step down" got a target country from another sentence."""
    text = "Washington imposed sanctions on Caracas in May. The Venezuelan oil minister was forced to resign."
    assert [(p, t) for p, _, t, _ in _sides(text) if p == "CONCEDE"] in ([], [("CONCEDE", None)])
    forced = _sides("The Thai prime minister was forced by protesters to resign.")
    assert [(p, t) for p, _, t, _ in forced] == [("CONCEDE", "THACVL")]


def test_the_place_of_an_arrest_is_not_whom_it_arrests():
    """A user's trial: a place was the target of an arrest; the target comes from the patient."""
    for text in ("Police detained him in Cairo on Tuesday.", "Police arrested a blogger in Tehran."):
        assert all(target_text not in ("Cairo", "Tehran") for *_, target_text in _sides(text)), _sides(text)
    assert _sides("Russian police arrested two students in Minsk.")[0][2] == "BLREDU"  # a named patient stays


def test_a_headline_act_takes_no_target_from_another_paragraph():
    """A user's trial: a headline strike was aimed at the country the article's later paragraphs are about."""
    text = (
        "Turkey strikes back\n\nOfficials said on Monday that the operation was over.\n\n"
        "In Syria, officials in Damascus said Syrian forces were on alert. Syria has complained. Syria is tense.\n"
    )
    assert [t for p, _, t, _ in _sides(text) if p == "ASSAULT"] in ([], [None])


@pytest.mark.parametrize("text", [
    # a user's trial: "tear up the NATO treaty" was coded AGREE
    "The candidate vowed to rip up the trade agreement with Mexico.",
    "The Iranian president scrapped the nuclear deal with France.",
    "Washington threatened to withdraw from the arms treaty with Moscow.",
])
def test_undoing_an_agreement_is_no_agreement(text):
    assert all(p not in ("AGREE", "SUPPORT", "COOPERATE") for p, *_ in _sides(text)), _sides(text)


def test_signing_or_promising_an_agreement_stays_one():
    assert [p for p, *_ in _sides("Iran and Britain signed an agreement in London.")] == ["SUPPORT"]
    assert [p for p, *_ in _sides("Iran promised to sign the agreement with Britain.")] == ["AGREE"]


def test_a_threat_or_vow_to_undo_an_agreement_is_a_threat():
    """EVENTS-GOLD codes vows of hostile acts as THREATEN; the agreement is not coded again."""
    assert [p for p, *_ in _sides("Washington threatened to withdraw from the arms treaty with Moscow.")] == ["THREATEN"]
    assert [p for p, *_ in _sides("The Russian president vowed to tear up the arms treaty with Washington.")] == ["THREATEN"]


def test_a_charge_by_no_one_named_is_legal_action_coded_by_the_focus_country():
    """"was charged with murder" is legal action (173) by the law; the person charged takes the article's focus
    country, as an arrest by no one named does (the charge was an accusation when that rule ran, so it was dropped)."""
    text = (
        "The U.S. Justice Department said the United States would act. Jack Kopp was charged with murder on Thursday. "
        "American officials in Washington and the U.S. Congress were pleased."
    )
    assert [(e.cameo, e.target and e.target.actor) for e in newswire.analyze(text, published="1999-05-06").events] == [("173", "USA")]


@pytest.mark.parametrize("text, plover, root", [
    # recall on real news (issue 13): verbs of appeal and objection the dictionary missed
    ("The Iranian government exhorted students to keep marching.", "REQUEST", "02"),
    ("Germany begged Russia to reopen the pipeline.", "REQUEST", "02"),
    ("Canada objected to the Chinese proposal.", "ACCUSE", "11"),
])
def test_appeals_and_objections_are_events(text, plover, root):
    assert [(e.plover, e.cameo_root) for e in newswire.analyze(text, published="1998-03-05").events] == [(plover, root)]



def test_asking_a_political_actor_to_act_is_a_request():
    """"asked X to do Y" is an appeal (CAMEO 02, REQUEST) between two named political actors; "ask" and "invite" also
    address audiences, which are no event."""
    found = newswire.analyze("The Kenyan government asked the United States to extradite the two suspects.", published="1998-08-20").events
    assert [(e.cameo_root, e.source.actor, e.target.actor) for e in found] == [("02", "KENGOV", "USA")]
    assert _coded("Senator Jane Scott asked the crowd to welcome the governor.") == []
    assert _coded("The Kenyan president asked reporters whether they had read the report.") == []


def test_preventing_or_barring_people_is_coercion():
    """"prevented the activists from leaving", "barred the protesters from ...": restrictions (172, COERCE) on people,
    by a state's body; a drought or a charter preventing someone is no one's act."""
    found = newswire.analyze("Chinese police prevented the activists from leaving Beijing.", published="1998-03-05").events
    assert [(e.plover, e.source.actor) for e in found] == [("COERCE", "CHNCOP")]
    assert _coded("The drought prevented farmers from planting crops in Kenya.") == []
    assert _coded("The new charter prevented the Burmese opposition leader from becoming president.") == []


def test_a_strike_by_armed_forces_is_an_attack_not_a_labour_strike():
    assert [(e.plover, e.cameo_root) for e in newswire.analyze("Russian forces strike overnight.", published="2016-09-12").events] == [("ASSAULT", "19")]
    assert [e.cameo for e in newswire.analyze("Dock workers in Rotterdam struck on Monday.", published="2016-09-12").events] == ["143"]


# --- issue 13, fifth session: modality from the clauses above the event ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The European Union proposes to impose sanctions on Russia.",  # a proposal supposes the act
        "Germany expects France to sign the agreement with Poland.",  # what one side expects of another
        "Iraqi generals might conclude that they need to attack Kuwait.",  # a modal above a complement clause
        "Such a ruling would allow Egypt to expel the Sudanese ambassador.",
        "The Kenyan government denied that police arrested the opposition leader.",  # a denied complement
        "Syria could widen the war with Israel either through a direct attack or by shelling Lebanon.",  # "by" + -ing
        "The army would invade Lebanon, hoping to seize the ports of Syria.",  # a participle shares its clause's modal
        "Analysts said Iran was capable of deploying 50,000 troops to Iraq.",
    ],
)
def test_an_event_supposed_by_a_clause_above_it_is_not_reported(text):
    """The modality of an event comes from its own clause and the clauses above it (a new user's trial: events under
    "would", "expects ... to", "proposes" were stored as asserted)."""
    assert _coded(text) == []


def test_cues_above_an_event_stop_where_its_clause_has_its_own():
    """A question clause takes its act for granted ("have not said who attacked"); a participle is not what its
    clause's verb governs ("called for elections, accusing ...": no call to accuse); "hopes" is lemmatised "hop"."""
    assert _coded("Police have not said who attacked the American embassy in Nairobi.") == [("attacked", "ASSAULT", "asserted")]
    assert _coded("The opposition leader called for new elections, accusing the Kenyan government of fraud.") == [("accusing", "ACCUSE", "asserted")]
    assert _coded("The Iranian government hopes to hold talks with Saudi Arabia.") == [("talks", "AGREE", "intended")]


# --- issue 13, fifth session: co-subjects are sources side by side -----------------------------------------------


def _sides(text: str) -> list[tuple]:
    return [(e.plover, e.source and e.source.actor, e.target and e.target.actor, sorted(p.actor or "" for p in e.participants))
            for e in newswire.analyze(text, published="1998-03-05").events]


def test_co_subjects_of_a_one_sided_event_are_two_sources_not_source_and_target():
    """A new user's trial: "Egypt, Syria, Morocco ... committed troops" was coded EGY → SYR. Coordinated subjects of an
    event that is no joint act (a condemnation, a veto, a pledge) do it side by side; the one joined in "X joined Y in
    condemning" does it too."""
    assert _sides("Norway and Sweden vetoed the resolution on Monday.") == [("REJECT", "NOR", None, ["NOR", "SWE"])]
    assert _sides("Egypt, Syria and Morocco committed troops to the coalition.")[0][1:3] == ("EGY", None)
    assert _sides("France joined Germany in condemning the Syrian government.") == [("ACCUSE", "FRA", "SYRGOV", ["DEU", "FRA", "SYRGOV"])]
    # an appeal to hold talks is no joint act of those who appeal
    assert all(e[1:3] != ("GBR", "IRL") for e in _sides("Britain and Ireland invited Sinn Fein to rejoin the talks."))


def test_co_subjects_of_a_joint_act_are_its_two_sides():
    """Meetings, negotiations, agreements and fights are done together: one side with the other."""
    assert _sides("China and Russia agreed to hold talks.") == [("AGREE", "CHN", "RUS", ["CHN", "RUS"])]
    # a planned meeting is a meeting, intended (issue 13, session sixteen; it was coded 036 AGREE)
    assert _sides("China and Russia will meet in Beijing.")[0][:3] == ("CONSULT", "CHN", "RUS")
    assert _sides("Chile and Bolivia upgraded their diplomatic ties.")[0][:3] == ("SUPPORT", "CHL", "BOL")


def test_what_is_taken_is_taken_from_the_target():
    """A new user's trial: "Russia seized Crimea from Ukraine" was RUS → RUS. A place or property taken (a `taking`
    verb) is taken from the target, whatever the place itself is coded; without a "from" the object stays the target."""
    assert _sides("Morocco seized the Western Sahara from Mauritania in 1979.")[0][:3] == ("COERCE", "MAR", "MRT")
    assert _sides("Iraqi troops seized Kuwait.")[0][:3] == ("COERCE", "IRQMIL", "KWT")


# --- issue 13, fifth session: when an event happened ------------------------------------------------------------------


def _dates(text: str) -> dict[str, str | None]:
    return {e.trigger.text: e.date for e in newswire.analyze(text, published="2014-05-10").events}


def test_an_event_takes_the_time_of_the_clause_it_shares_its_time_with():
    """A new user's trial: past events were dated by the publication date. A participle, a purpose, a "when" clause
    happen at the time of the clause above them."""
    assert _dates("In 1995, Serb forces attacked the town, killing 40 Bosnian civilians.")["killing"] == "1995"
    assert _dates("Her family left Prague in 1968, when the Soviets invaded Czechoslovakia.")["invaded"] == "1968"
    assert _dates("The ministry said Ecuador joined the alliance in March when it signed an accord with Peru.")["signed"] == "2014-03"


def test_history_is_left_undated_rather_than_dated_by_the_publication():
    """An event under a clause dated long before publication, or in the past perfect, did not happen on the day of
    publication: no date rather than a guess. News with no such sign keeps the publication date."""
    found = _dates("In 2005, Peru accepted a pilot program that allowed Chilean ships into its ports.")
    assert (found["accepted"], found["allowed"]) == ("2005", None)
    assert _dates("Bolivia accepted a border treaty it had rejected in talks with Chile.")["rejected"] is None
    assert _dates("Egyptian police arrested three protesters in Cairo.")["arrested"] == "2014-05-10"
    assert _dates("Egyptian police said on Friday that they arrested three protesters in Cairo.")["arrested"] == "2014-05-10"


def test_an_event_of_a_decade_or_century_is_left_undated():
    """A decade or century is no date to give, and what it governs did not happen on the day of publication: the
    event, and a clause that hangs on it, get no date rather than the publication date."""
    found = _dates("In the 1990s, Peru accepted a pilot program that allowed Chilean ships into its ports.")
    assert (found["accepted"], found["allowed"]) == (None, None)
    assert _dates("In the 19th century, Britain invaded Afghanistan three times.")["invaded"] is None
    assert _dates("In 1995, Peru accepted a pilot program that allowed Chilean ships into its ports.")["accepted"] == "1995"


def test_a_decade_describing_a_noun_or_a_present_act_dates_nothing():
    """A decade that describes a noun ("20th century dictators") is not the time of the clause, and a present-tense act
    ("cite his record in the 1990s") is now: both keep the publication date."""
    assert _dates("The president compared the ideologies with those of 20th century dictators and urged Mexico to "
                  "reject isolation.")["urged"] == "2014-05-10"
    assert _dates("Rudy Giuliani made his name prosecuting the Mafia in the 1980s.")["prosecuting"] is None


def test_a_stated_readiness_to_act_is_an_intent_of_its_owner():
    """"indicated its interest in resuming talks" is Syria's intent to negotiate (AGREE), not talks held; "is prepared to
    withdraw" an intent to withdraw; "a willingness to use force" owned by no one is only supposed."""
    assert _coded("Syria indicated its interest in resuming talks with Israel.") == [("talks", "AGREE", "intended")]
    assert _sides("Syria indicated its interest in resuming talks with Israel.")[0][1:3] == ("SYR", "ISR")
    assert _coded("Israel is prepared to withdraw its troops from Lebanon.") == [("withdraw", "AGREE", "intended")]
    assert _coded("The threat must be met with a willingness to use force to destroy the Syrian rebel groups.") == []


def test_saying_that_someone_is_to_blame_is_an_accusation_of_them():
    """EVENTS-GOLD: what X says may hold an accusation. "said Albanian rebels were responsible for the deaths" is an
    accusation (112) by the speaker of the one said to be responsible; a duty ("responsible for its own security"), a
    denial and the writer's own statement are none."""
    assert _sides("Serbian officials said Albanian rebels were responsible for the deaths.")[0][:3] == ("ACCUSE", "SRBGOV", "ALBREB")
    assert _sides("Russia said Chechen rebels were behind the bombings in Moscow.")[0][:3] == ("ACCUSE", "RUS", "RUSREB")
    assert _coded("The minister said Iraq was responsible for its own security.") == []
    assert _coded("Iran said Israel was not responsible for the deaths.") == []


@pytest.mark.parametrize(
    "text, cameo, source, target, target_text",
    [
        # an accusation told in a clause is aimed at the clause's doer (the "by" agent of a passive), not at no one or
        # at a country word elsewhere (session fifteen)
        ("Iranian officials alleged that the explosion was planned by Israeli agents.", "112", "IRNGOV", "ISR", "Israeli"),
        ("The Kenyan government alleged that Somali militants had planned the raids.", "112", "KENGOV", "SOMREB", "Somali militants"),
        # what a show of force or a withdrawal moves is the doer's own means, not whom it is aimed at
        ("NATO sent Polish troops to Latvia.", "154", "IGONAT", "LVA", "Latvia"),
        # forces sent somewhere by no one named are the side that moves
        ("Russian troops were sent into Georgia on Friday.", "154", "RUSMIL", "GEO", "Georgia"),
    ],
)
def test_sides_of_accusations_in_a_clause_and_of_moved_forces(text, cameo, source, target, target_text):
    found = [e for e in events(text, published="2016-06-01")[1] if e.cameo == cameo]
    assert [(e.source.actor, e.target.actor, e.target.text) for e in found] == [(source, target, target_text)]


def test_moved_troops_are_no_target():
    a, found = events("The Pentagon moved additional troops into the region.", published="2016-06-01")
    assert [(e.cameo, e.target) for e in found] == [("154", None)]
    # where forces only are is no move of theirs
    a, found = events("Iran attacked the base in Iraq where U.S. forces were stationed.", published="2016-06-01")
    assert [e.cameo for e in found] == ["190"]


def test_talks_the_clause_is_at_or_after_are_held_by_its_subject():
    # an event noun in an "at" or "after" adjunct of a clause: the clause's doer meets (cooperative roots only)
    a, found = events("The Chilean president said after talks with Argentine President Alberto Fernandez that relations were good.", published="2016-06-01")
    assert [(e.cameo, e.source.actor, e.target.actor) for e in found] == [("040", "CHL", "ARGGOV")]


def test_a_verb_with_an_object_takes_no_aim_from_its_clause():
    # "charged the inspectors with verifying that ...": the clause names no one accused; no confident record aimed at Iraq
    a, found = events("The U.N. Security Council has charged the inspectors with verifying that Iraq has destroyed its missiles.", published="2016-06-01")
    assert [e for e in found if e.confidence >= 0.7] == []


@pytest.mark.parametrize(
    "threat, target",
    [
        # a threat whose content names what it is aimed at, as no one ("a new tax on imports"), is not aimed at the
        # country the story is about (session fifteen)
        ("Washington threatened to impose a new tax on imports.", None),
        # one that names nothing it is aimed at still is, implicitly
        ("Washington threatened to impose new tariffs.", "CAN"),
    ],
)
def test_an_aim_named_as_no_one_takes_no_implicit_target(threat, target):
    text = f"Canadian officials met on Monday to prepare a response. Canada's prime minister said the country would stand firm. {threat} Ottawa said it would respond."
    a, found = events(text, published="2016-06-01")
    threats = [e for e in found if e.plover == "THREATEN"]
    assert [(e.source.actor[:3], e.target and e.target.actor) for e in threats] == [("USA", target)]


def test_the_writer_of_a_signed_paper_is_no_party_to_it():
    # a letter or petition signed names its writer through its possessor, not a party the signer agrees with
    a, found = events("Forty Republican senators signed Senator Cotton's letter to Iran's leaders.", published="2016-06-01")
    assert [e for e in found if e.cameo == "057"] == []
    a, e = only("Russia signed a ceasefire agreement with Ukraine.", published="2016-06-01")
    assert (e.cameo, e.source.actor, e.target.actor) == ("057", "RUS", "UKR")


def test_sides_that_meet_separately_meet_the_third_not_each_other():
    a, found = events("Netanyahu and Palestinian leader Yasser Arafat will meet separately on Monday with US Secretary of State Madeleine Albright.", published="2016-06-01")
    assert [(e.source.actor, e.target.actor) for e in found] == [("ISRGOV", "USAGOV")]


@pytest.mark.parametrize(
    "verb, target",
    [
        # a plural relative clause on the last conjunct is about the whole coordination, its first conjunct first
        ("were", "IRQ"),
        # a singular one only about the conjunct it is on
        ("was", "LBY"),
    ],
)
def test_a_relative_clause_on_a_coordination_agrees_in_number(verb, target):
    a, found = events(f"Kenya expelled two Iraqis and a Libyan who {verb} questioned by the FBI.", published="2016-06-01")
    assert [(e.source.actor, e.target.actor) for e in found if e.plover == "ACCUSE"] == [("USACOP", target)]
