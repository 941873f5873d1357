"""Countries and CAMEO-style actor codes for entities.

An actor code is a country (ISO alpha-3) or a transnational body (IGOUNO)
followed by a sector (GOV, MIL, REB, ...): USAGOV, SYRREB, IGOUNO. Evidence,
strongest first:

1. the text next to a mention: "U.S. Secretary of State" (USA + GOV), "Russian
   President" (RUS + GOV), "U.N. chief" (the U.N.'s code), "Syrian government";
2. the gazetteer of well-known actors (`data/actors.tsv`), for the date of the
   article: Assad is SYRGOV in 2013 although the text never says "Syrian
   President";
3. the organisation a person speaks for ("VOA's correspondent" → VOA's country);
4. for collective actors with no country of their own ("rebels", and a
   government's "government troops"), the one country their sentence names (through any entity in it: "The Assad
   government blames rebels" → Syria; not a country the sentence acts on, "students urged Canada to act", nor for a
   group whose own words put it elsewhere, "European citizens", "foreign journalists"); armed groups with none take the
   article's focus country. A titled person with no country ("President
   Bouteflika") takes the one country the places and organisations of their
   sentence name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from ..lexicon import countries, places
from ..lexicon import load_list, load_table
from ..lexicon.tables import EventVerb, KnownActor
from ..document import Document
from . import known
from ..lexicon.agents import STATE_SECTORS, agent_row, agents
from ..lexicon.compounds import not_its_own, outside
from ..lexicon.origins import origin_nouns
from .country_words import people_country
from .model import Cluster, Mention
from .evidence import state_titled
from .names import cluster_label, name_tokens

# Sectors that denote a country's own domestic actors: without a country of
# their own they take the one country their sentence names.
DOMESTIC_SECTORS = {"REB", "OPP", "CVL", "INS", "UAF", "COP", "REF", "LAB", "EDU", "HLH", "JUD", "LEG", "PTY"}
# Sectors of a state's own bodies. The people of any other coded body (a rebel group, a party, a company) are of
# that body whatever their noun says ("Houthi officials" are YEMREB); a state body's may be of another of the state's
# sectors ("Pentagon officials"): `lexicon.agents.STATE_SECTORS`.
# The sector of the nouns ("government", "regime") whose troops, forces or planes are a country's own.
GOVERNMENT_SECTOR = "GOV"
# Armed groups fight somewhere: with no country in their sentence either they
# take the article's focus country. Voters or students do not: in a US story
# full of "Soviet" they are not Soviet citizens (seen on PolNeAR).
FOCUS_SECTORS = {"REB", "INS", "UAF"}
# Prepositions whose object is someone an act is aimed at: its country is not the doer's.
DIRECTED_PREPS = {"against", "to", "toward", "towards", "with", "on", "upon", "at"}
# Sectors of bodies that are transnational unless the text gives them a country:
# "human rights groups" are NGOHRI, "aid agencies" NGO (the conventions of data/actors.tsv).
TRANSNATIONAL_SECTORS = {"HRI": "NGOHRI", "NGO": "NGO", "ENV": "NGOENV"}


def describe_names(clusters: list[Cluster], doc: Doc, published: str | None) -> None:
    """Gazetteer match, type, gender, country and actor code of name clusters."""
    named = _countries_named(clusters, doc)
    for c in clusters:
        c.known = _known(c, published, named.get(id(c)))
        c.label = cluster_label(c)
    in_full = {c.known.name for c in clusters if c.known and c.known.type == "PERSON" and any(len(name_tokens(m)) >= 2 for m in c.names)}
    for c in clusters:
        if c.known and c.known.name in in_full and not any(len(name_tokens(m)) >= 2 for m in c.names):
            # "Mr Trump" kept apart from "Donald Trump" (his son Eric Trump shares the surname): the gazetteer's
            # person is the entity named in full, not this one
            c.known = None
            c.label = cluster_label(c)
    # places and organisations first: people's affiliations refer to them
    for c in sorted(clusters, key=lambda c: c.label == "PERSON"):
        c.country, c.actor = _code(c, doc)
    _reread_places(clusters)
    _places_given_a_country(clusters, doc)
    # "President Abdelaziz Bouteflika threatened a curfew in Algiers": a titled person the text gives
    # no country takes the one country the places and organisations of their sentence name
    # (PLOVER held-out source country accuracy 79.2 -> 81.2 at equal F1)
    named_at = sentence_country_mentions([c for c in clusters if c.label != "PERSON"], skip=_beside_the_point)
    # a state's officer ("Senator Raphael Warnock of Georgia") takes no country from a sentence that names a place
    # that may be a state (data/place_readings.tsv "part") still read as the usual country: the senator was GEOLEG
    state_named = {m.sentence for c in clusters for m in c.names if _may_be_a_state(m)}
    for c in clusters:
        if c.label == "PERSON" and c.country is None and c.actor is None and any(m.sectors or m.past_office for m in c.names):
            if c.names[0].sentence in state_named and any(state_titled(m) for m in c.names):
                continue
            said = reported_by(c.names[0])
            named = named_at.get(c.names[0].sentence, [])
            here = set() if any(_described_in(doc, start, end, said) for _, start, end in named) else {code for code, _, _ in named}
            if len(here) == 1:
                c.names[0].countries.append(next(iter(here)))
                c.country, c.actor = _code(c, doc)


def _countries_named(clusters: list[Cluster], doc: Doc) -> dict[int, frozenset[str]]:
    """For each cluster (by id), the countries the article's other name mentions name as places, peoples or
    demonyms ("Washington", "U.S.", "American"); no entry when the article has no focus country (`Document.focus`):
    there a common-noun alias keeps its country whatever else is named."""
    if Document.of(doc).focus is None:
        return {}
    by = [(id(c), {countries.country_of(m.text) for m in c.names if m.label in ("GPE", "LOC", "NORP")}) for c in clusters]
    return {i: frozenset(code for j, codes in by if j != i for code in codes if code) for i, _ in by}


def _may_be_a_state(m: Mention) -> bool:
    """A place named by a name that may also be a state of another country ("Georgia": data/place_readings.tsv, kind
    "part"), still read as its usual country."""
    row = places.place_readings().get(m.text)
    return row is not None and row.kind == "part" and m.cluster is not None and m.cluster.country == row.usual


def give_country(c: Cluster, code: str, doc: Doc) -> None:
    """A person the text gives no country of their own takes one it tells elsewhere (a title given with a country
    before its holder is named): their actor code is read again with it."""
    c.names[0].countries.append(code)
    c.country, c.actor = _code(c, doc)


def _reread_places(clusters: list[Cluster]) -> None:
    """"Georgia" in a story that names the United States and never Georgia otherwise is the US state; "Columbia"
    in a story about Colombia is Colombia (data/place_readings.tsv)."""
    table = places.place_readings()
    # the countries (a country's name, coded as the country) each token heads a mention of
    country_at = {m.span.root.i: o for o in clusters for m in o.names if o.actor and o.actor == o.country and len(o.actor) == 3}
    for c in clusters:
        names = {m.text for m in c.names}
        if c.label not in ("GPE", "LOC") or len(names) != 1 or next(iter(names)) not in table:
            continue  # only a place named by the ambiguous name alone: a "Georgia's" in it says which Georgia
        row = table[next(iter(names))]
        if row.kind == "part" and any(country_at.get(t.i) not in (None, c) for m in c.names for t in m.span.root.conjuncts):
            continue  # "his invasions of Georgia and Ukraine": one of a list of countries is the country
        if row.kind == "part" and any(_faces_state(m.span.root, country_at, (c, *(o for o in country_at.values() if o.country == row.other)))
                                      for m in c.names):
            continue  # "Russia sent troops to Georgia": a state on the clause's other side makes it the country
        named = {o.country for o in clusters if o is not c and o.country}
        if row.other in named and row.usual not in named:
            c.country = row.other
            c.actor = row.other if row.kind == "country" else None


# What may follow "<place>, <country>" for the country to be the place's: the end of a phrase, not a list going on.
_PHRASE_ENDS = {",", ".", ")", ";", ":", "-", "—", "–", "(", "\n"}


def _places_given_a_country(clusters: list[Cluster], doc: Doc) -> None:
    """"St. Petersburg, Russia", "ST. PETERSBURG, Russia -": a place followed by a comma and a country's name is in that
    country, whatever other place of its name the gazetteer knows first (St. Petersburg was coded USA, as the one in
    Florida: session sixteen). Not in a list that goes on after the country ("delegates from London, France and
    Germany", "London, France, Germany"): there the country is the list's next item. A first-level division
    that names only divisions of one country ("Birmingham, Ala.", "Paris, Texas": `places.division_only_country`)
    gives that country in the same way."""
    country_from = {m.start: (o, m.end, o.country) for o in clusters for m in o.names if o.actor and o.actor == o.country and len(o.actor) == 3}
    countries_named = set(country_from)
    for o in clusters:
        # "Birmingham, Ala.", "Paris, Texas", "Hyderabad, Sindh": a division of one country only says the country too
        # (Birmingham was coded GBR, Paris FRA: session nineteen)
        for m in o.names if o.label in ("GPE", "LOC") else ():
            if m.start not in country_from and (code := places.division_only_country(m.text)) is not None:
                country_from[m.start] = (o, m.end, code)
    for c in clusters:
        if c.label not in ("GPE", "LOC") or (c.actor and c.actor == c.country):
            continue
        for m in c.names:
            j = m.end
            if j + 1 >= len(doc) or doc[j].text != "," or (j + 1) not in country_from:
                continue
            o, k, code = country_from[j + 1]
            if o is c:
                continue
            after = doc[k].text.strip() or "\n" if k < len(doc) else "."
            if after not in _PHRASE_ENDS or (after == "," and k + 1 < len(doc) and (k + 1 in country_from or doc[k + 1].ent_type_ in ("GPE", "LOC"))):
                continue
            if after == "," and (_opens_sentence(doc, m) or (k + 1 < len(doc) and doc[k + 1].tag_ in ("DT", "WDT", "WP", "WP$"))):
                continue  # "In Geneva, Iran, under pressure, agreed", "Ukraine, which hopes": the country is the clause's own
            row = places.place_readings().get(o.names[0].text)
            if row is not None and row.kind == "part":
                continue  # "Athens, Georgia": a name that may be a state of another country says no country of a place
            if j + 1 not in countries_named and any(n.start < m.start for n in c.names):
                # "Police in Birmingham said ... played in Birmingham, Alabama": a division given at a later mention,
                # not the first, may set apart another place of the name; the earlier mentions keep theirs
                continue
            c.country = code
            break


def _opens_sentence(doc: Doc, m: Mention) -> bool:
    """Is a place named in a phrase that opens its sentence ("In Geneva, ...", "Unlike Moscow, ...")? What follows
    its comma may be the sentence's subject, not the place's country."""
    before = [t for t in doc[doc[m.start].sent.start : m.start] if not (t.is_punct or t.is_space)]
    return bool(before) and before[0].pos_ in ("ADP", "SCONJ") and all(t.pos_ in ("ADP", "SCONJ", "DET") for t in before)


def _faces_state(tok: Token, country_at: dict[int, Cluster], besides: tuple[Cluster, ...]) -> bool:
    """Whether the verb a place name is an argument of (its subject, object or a preposition's object) has another
    country, not one of `besides`, as its subject or object: "Russia sent troops to Georgia", "Georgia accused Russia"."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    sides = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")]
    sides += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    sides += [x for c in sides for x in c.conjuncts]
    return any(country_at.get(c.i) is not None and all(country_at[c.i] is not b for b in besides) for c in sides if c.i != tok.i)


def describe_nominal(c: Cluster, doc: Doc, focus: str | None, named_at: dict[int, list[tuple[str, int, int]]]) -> None:
    """Country and actor code of a nominal; `named_at` (`sentence_country_mentions`, built with `skip=aimed_at`: a
    country something is done to is not where the sentence's people are from) maps a sentence index to where its
    entities name their countries.

    The one who acts on a nominal says nothing of where its people are from: the countries named only in the doer's
    phrase of the act the nominal undergoes do not count ("Russian forces shelled the town of Kupiansk, killing at least
    12 civilians" gave RUSCVL; the civilians are now uncoded, "Syrian forces killed 12 civilians in Homs" keeps SYRCVL
    from the place of the act; `_doer_of`).

    A nominal whose own words say where its people are from, and that is no one country ("European citizens",
    "foreign journalists", "Asian students"), takes no country from its sentence (a user's trial on political news:
    "European citizens" were coded SYRCVL and USACVL from the other countries of their sentences).
    """
    named = named_at.get(c.first.sentence, [])
    doer = _doer_of(c.first.span.root) if named else None
    said = reported_by(c.first) if named else frozenset()
    found = {code for code, start, end in named if doer is None or not (doer[0] <= start and end <= doer[1])}
    if any(_described_in(doc, start, end, said) for _, start, end in named):
        found = set()  # what is left may be a place the reported clause names, not where the speaker is from
    here = next(iter(found)) if len(found) == 1 and not _origin_elsewhere(c.first) else None
    c.country, c.actor = _code(c, doc, focus, here)


def reported_by(m: Mention) -> frozenset[int]:
    """The tokens of the clauses a mention's verb reports when the mention is its subject: "Deputy Prime Minister
    Numan Kurtulmus said the bomber was a Syrian national", "Officials said the boats strayed into Iranian waters"."""
    root = m.span.root
    if root.dep_ != "nsubj" or root.head.pos_ not in ("VERB", "AUX"):
        return frozenset()
    return frozenset(t.i for c in root.head.children if c.dep_ == "ccomp" for t in c.subtree)


def _described_in(doc: Doc, start: int, end: int, said: frozenset[int]) -> bool:
    """Is a country mention `[start, end)` an adjective on a noun in what a speaker reports (`reported_by`): "said the
    bomber was a Syrian national", "said the boats strayed into Iranian waters"? Such a word describes whom or what the
    speaker talks about, not where the speaker is from (the minister was coded SYR, the officials IRN: session sixteen,
    international news). A place the clause names ("said he drove through the market in Magdeburg") still tells where
    the sentence is: dropping those too lost right codes (German prosecutors, US justices) on the same news; so does
    a body's name on a noun ("residents told the BBC the site had been a base for an IRGC brigade": IRNCVL kept).
    A country's word on one of a state's bodies ("the minister said Egyptian police had arrested", `data/agents.tsv`
    sectors GOV, MIL, COP, ...) is most often the speaker's own state, and still counts; when a word is dropped, the
    sentence gives no country at all (a place left, "said French jets struck targets in Mali", is not the speaker's)."""
    if not (start in said and doc[end - 1].dep_ == "amod"):
        return False
    row = agent_row(doc[end - 1].head)
    return row is None or row.sector not in STATE_SECTORS


def _origin_elsewhere(m: Mention) -> bool:
    """Whether a nominal's modifiers say its people are from no one country: a word of data/not_local_words.txt, a
    continent or world region ("European", "Asian") or a word that puts them abroad ("foreign", "international")."""
    head = m.span.root
    return any(
        tok.dep_ in ("amod", "compound", "nmod") and m.start <= tok.i < head.i and tok.lower_ in not_local_words()
        for tok in head.children
    )


@cache
def not_local_words() -> frozenset[str]:
    """Modifiers that put a group's people outside any one country of its sentence ("foreign journalists")."""
    return frozenset(load_list("not_local_words.txt"))


def code_again(c: Cluster, doc: Doc) -> tuple[str | None, str | None]:
    """(country, actor code) of a cluster after new evidence was added to its mentions."""
    return _code(c, doc)


def sentence_countries(clusters: list[Cluster], skip=None) -> dict[int, set[str]]:
    """The countries each sentence names, through the entities mentioned in it (but the mentions `skip` picks,
    those after "anti-" and those before "-backed" or "-led")."""
    return {sentence: {code for code, _, _ in named} for sentence, named in sentence_country_mentions(clusters, skip).items()}


def sentence_country_mentions(clusters: list[Cluster], skip=None) -> dict[int, list[tuple[str, int, int]]]:
    """The mentions `sentence_countries` reads, by sentence, as (country, start token, end token)."""
    out: dict[int, list[tuple[str, int, int]]] = {}
    for c in clusters:
        if c.country:
            for m in c.mentions:
                # a wire credit ("AFP - John Kerry criticised President Bush") is no country of the sentence's people
                if m.start in Document.of(m.doc).credits:
                    continue
                if not outside(m.span[0], m.span[-1]) and (skip is None or not skip(m)):
                    out.setdefault(m.sentence, []).append((c.country, m.start, m.end))
    return out


# How many clauses up (an adverbial, a conjunct, an open complement) the doer of an act may be found.
DOER_REACH = 2


def _doer_of(root: Token) -> tuple[int, int] | None:
    """`[start, end)` tokens of the phrase naming who does the act of force a word undergoes: the subject of the verb it is the
    object of ("Russian forces killed 12 civilians"), the subject of the verb that verb hangs on when it has none of its
    own ("Russian forces shelled the town, killing 12 civilians"), or a passive's "by" agent ("12 civilians were killed
    by Russian forces"); None when the word undergoes no act or the act names no doer."""
    if root.dep_ in ("dobj", "nsubjpass"):
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in DIRECTED_PREPS:
        verb = root.head.head
    else:
        return None
    if verb.lemma_.lower() not in _force_verbs():
        return None  # "Cuba's government exhorted citizens", "Clinton met with workers": no victim of anyone
    for _ in range(DOER_REACH + 1):
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        doer = agent or [c for c in verb.children if c.dep_ == "nsubj"]
        if doer:
            return doer[0].left_edge.i, doer[0].right_edge.i + 1
        if verb.dep_ not in ("advcl", "conj", "xcomp"):
            return None
        verb = verb.head
    return None


# CAMEO roots of the acts of force whose patient is a victim (18 assault, 19 fight, 20 mass violence).
FORCE_ROOTS = ("18", "19", "20")


@cache
def _force_verbs() -> frozenset[str]:
    """The verbs of data/event_verbs.tsv that state an act of force on whatever their patient is (a row with no
    particle, preposition or object of its own: "kill", "shell", "abduct"; not "take" or "fire", force only with some
    objects)."""
    return frozenset(
        row.verb for row in load_table("event_verbs.tsv", EventVerb)
        if row.code.startswith(FORCE_ROOTS) and not (row.particle or row.prep or row.object)
    )


def aimed_at(m: Mention) -> bool:
    """"threatened action against Russia", "met Putin": a country something is done to, not where a person is from."""
    return aimed_at_token(m.span.root)


# Dependencies of a verb's patient: its object. Not a passive's subject: "The Thai prime minister was forced by
# protesters to resign" keeps the protesters Thai (tests/test_events.py, a user's trial).
PATIENT_DEPS = ("dobj",)


def aimed_at_or_theirs(m: Mention) -> bool:
    """`aimed_at`, or a country word on the agent noun of the object of a verb ("Police arrested two Ukrainian
    activists"): the patients' country, not where the sentence's other people
    are from (issue 13, session twelve: the bare "Police" of that sentence was coded UKRCOP). Partners after "with"
    ("embedding troops with Iraqi soldiers") still tell where the sentence is (a first version took them too, and
    "rebels" in that sentence became American)."""
    if aimed_at(m):
        return True
    root = m.span.root
    head = root.head
    return (
        root.dep_ in ("amod", "compound", "nmod") and not m.start <= head.i < m.end and head.dep_ in PATIENT_DEPS
        and agent_row(head) is not None
    )


def aimed_at_token(root: Token) -> bool:
    """Whether a word is the object of a verb or of a preposition of aim ("against Russia", "met Putin")."""
    return root.dep_ in ("dobj", "dative") or (root.dep_ == "pobj" and root.head.lower_ in DIRECTED_PREPS)


def _beside_the_point(m: Mention) -> bool:
    """A country named in a sentence that says nothing of where a titled person of it is from: one something is done
    to (`aimed_at`), a person's possessor (`_possessor`), a city where officials of every country meet
    (data/meeting_cities.txt: "Foreign Minister Tamar Beridze, speaking in Brussels"), or a country word that modifies
    a noun such a country is:
    "criticizes the Israeli government" (the government is aimed at), "his Mexican heritage" (an origin noun of
    data/origin_nouns.txt: where a family comes from, not whom a person acts for)."""
    if aimed_at(m) or _possessor(m) or m.text.lower() in _meeting_cities():
        return True  # a city where the world's officials meet says nothing of where one is from (data/meeting_cities.txt)
    root = m.span.root
    if root.dep_ not in ("amod", "compound", "nmod") or m.start <= root.head.i < m.end:
        return False
    head = root.head
    return head.lemma_.lower() in origin_nouns() or aimed_at_token(head)


@cache
def _meeting_cities() -> frozenset[str]:
    return frozenset(name.lower() for name in load_list("meeting_cities.txt"))


def _possessor(m: Mention) -> bool:
    """"Iraq's Saddam Hussein called President Bush a liar": a country named as a person's possessor is that person's,
    not the sentence's, so it says nothing of where another titled person of the sentence is from (a person's own
    possessor, "Iraq's President", is read from the text next to them)."""
    root = m.span.root
    return root.dep_ == "poss" and root.head.ent_type_ == "PERSON"


def _known(c: Cluster, published: str | None, named: frozenset[str] | None = None) -> KnownActor | None:
    """The gazetteer's row of the cluster's names on the publication date, longest name first (`_on_date`); a
    person's row only when one of the names of two words or more the article gives them fits it, or there is none
    (`known.first_word_fits`): "Keating" of "Charles Keating, the savings-and-loan executive" is not the Paul Keating
    of data/actors.tsv, nor is "Mrs Sunak" (a surname alone, with an honorific of the other gender) Rishi Sunak, though a
    cluster holding his full name keeps his row; "Marco Rubio" misspelt once "Mario Rubio" stays the senator. An alias that is a common noun
    of a kind of body (data/agents.tsv: "Senate", "Congress" of the US rows) names that country's body only when
    the article names the country or one of its places elsewhere (`named`: the countries of its other name
    mentions); with no focus country (`Document.focus`) it is the country's as before."""
    for m in sorted(c.names, key=lambda m: -len(name_tokens(m))):
        for text in (m.text, " ".join(t.text for t in m.span if t.lower_ != "the")):
            row, when = known.dated(text, published)
            if row is not None and row.country and text.lower() in agents() and named is not None and row.country not in named:
                continue  # "the Senate", "Congress" (one country's alias) in an article about another country: its own body
            if row is not None and row.type == "PERSON" and all(o.body_name for o in c.names):
                return None  # "Ford" of "Ford shares": a body's name, no person the gazetteer knows by it
            if row is not None:
                full = [w for o in c.names if len(w := name_tokens(o)) >= 2]
                if row.type == "PERSON" and full and not any(known.first_word_fits(row, w) for w in full):
                    return None
                if row.type == "PERSON" and row.gender and not full and any(
                        o.honorific and o.gender and o.gender != row.gender for o in c.names):
                    return None  # "Mrs Sunak", named by the surname alone: his wife, not the Rishi Sunak of the gazetteer
                return _on_date(row, when)
    return None


def _on_date(row: KnownActor, when: str) -> KnownActor:
    """A gazetteer row as the article's date allows. Past its term a state's sector (GOV, LEG, ...) goes (Eric
    Holder, attorney general until 2015, is no USAJUD in 2016), a group's or an elite's stays (bin Laden stays
    IMGAQD); the office stays one the text may call them by ("the prime minister" of a 1998 article on Rabin's
    term). Before the first row the gazetteer does not say what the actor was: the country, no sector and no office
    (Paul Keating, prime minister from 1991, is no AUSGOV in 1990, nor "the prime minister" of a 1990 article)."""
    if when == "after" and row.code[3:6] in STATE_SECTORS and row.type == "PERSON":
        # (a person's office: a body that has ended, "the Syrian Arab Army" in a 2025 article on 2016, is still
        # that body when the text tells what it did; session thirteen's review)
        return replace(row, code=row.country)
    if when == "before" and row.type == "PERSON":
        return replace(row, code=row.country, offices=())
    return row


def _majority(values: list[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v)))


def _code(c: Cluster, doc: Doc, focus: str | None = None, here: str | None = None) -> tuple[str | None, str | None]:
    """(country, actor code) for a cluster."""
    if c.label in ("GPE", "LOC", "NORP") and c.first.kind == "name":
        code = _place_country(c)
        is_country = any(countries.country_named(m.text) or countries.country_from_group(m.text) or people_country(m) for m in c.names)
        return code, (code if code and is_country else None)

    explicit = _majority([code for m in c.mentions for code in m.countries])
    sector = _majority([s for m in c.mentions for s in m.sectors])
    orgs = [a.cluster for m in c.mentions for a in m.affiliations if a.cluster is not None and a.cluster is not c]
    # the first affiliation that says something: "VOA's State Department correspondent" → VOA
    org = next((o for o in orgs if o.actor or o.country), None)
    # a well-known person keeps their own code unless a title says otherwise ("U.N. chief Ban"):
    # "Bernie Sanders Pins The Rise Of ISIS" is no ISIS member
    titled = any(m.titles for m in c.mentions if org is not None and any(a.cluster is org for a in m.affiliations))
    known_person = c.label == "PERSON" and c.known is not None and c.known.code and not titled
    if org is not None and org.actor and not countries.is_country_code(org.actor[:3]) and not explicit and not known_person:
        return None, org.actor  # a transnational body's people: IGOUNO for "U.N. chief Ban", "U.N. officials"
    if org is not None and org.label == "ORG" and org.actor and org.actor[3:6] not in ("", *STATE_SECTORS) and explicit in (None, org.actor[:3]) and not known_person:
        # a rebel group's, a party's or a company's people are of it: "Houthi officials" are YEMREB, not YEMGOV
        return org.country or org.actor[:3], org.actor

    org_name = c.label == "ORG" and c.first.kind == "name" and c.known is None
    if org_name:
        word = _kind_of_name(c.first)
        inside = _known_inside(c)
        if inside is not None and not inside.country and not explicit:
            return None, inside.code  # "the United Nations Emergency Relief Coordinator": a U.N. body
        explicit = explicit or _country_inside(c) or (inside.country if inside else None) or None
        sector = sector or (word.sector if word else None)
        if explicit and not sector and _chapter_of_transnational(c):
            sector = "NGO"  # "the Kenya Red Cross" is KENNGO, an aid society, not the Kenyan state
        if not sector and inside is not None and inside.country and inside.country == explicit and not _body_of_its_own(c):
            sector = inside.code[3:6] or None  # "FBI Hostage Rescue Team": the FBI's (USACOP)
        sector = sector or _state_body_word(c)

    known_code = c.known.code if c.known else None
    known_country = c.known.country if c.known else None
    country = explicit or known_country or (org.country if org else None)
    if country is None and c.first.kind == "nominal" and (sector in DOMESTIC_SECTORS or _a_governments(c)):
        # "government troops" are the troops of the government at home, as "rebels" are its rebels
        country = here or (focus if sector in FOCUS_SECTORS or _a_governments(c) else None)
        if country in countries_acting_on(c.mentions):
            country = None  # "Russian-backed rebels" in an article whose only country is Russia are not Russia's
    if known_code and known_country and country != known_country:
        known_code = None  # the text says otherwise
    if known_code and known_code[3:6] in STATE_SECTORS and any(m.past_office for m in c.mentions):
        known_code = None  # "former Prime Minister Fouad Siniora": the text says the office is no longer held
    sector = sector or (known_code[3:6] if known_code else None) or (org.actor[3:6] if org and org.actor and org.country == country else None)
    if country and sector:
        return country, country + sector
    if country is None and known_code is None and c.first.kind == "nominal" and sector in TRANSNATIONAL_SECTORS:
        return None, TRANSNATIONAL_SECTORS[sector]  # "human rights groups"
    if org_name and not known_code and country and _state_agency(c):
        return country, country  # "the U.S. Secret Service", "the UK Border Agency": the state's, sector unknown
    if org_name and not known_code and not any(countries.country_of(m.text) for m in c.names):
        # an organisation whose name gives a country and no kind of body is not that state: "American Airlines",
        # "Church of England", "Democratic Party of Virginia", "Pew Research/USA" were coded USA, GBR (the check set)
        return country, None
    return country, known_code or country


def countries_acting_on(mentions: list[Mention]) -> set[str]:
    """The countries mentions' own words name as acting on what they name, not as its own ("Russian-backed",
    "Russian-installed officials", "anti-Iran")."""
    return {code for m in mentions for t in m.span if not_its_own(t)
            for code in (countries.country_from_demonym(t.text) or countries.country_from_name(t.text),) if code}


def _kind_of_name(m: Mention):
    """The agents.tsv row of the kind word that ends an organisation's name ("Foreign Ministry", "Syrian Army",
    "Teachers Union"). A generic kind word (data/generic_kind_words.txt: union, army, ...) gives it only when the
    whole name reads as that kind: the row is a listed phrase of the name ("Marine Corps", "Air Force"), or every
    other word of the name is a determiner, a place's or a people's name, a word of data/kind_name_modifiers.txt
    ("National", "Federal") or a noun for people (the body's members: "Teachers"). A name with another word is read
    whole and its last word gives no sector: the "American Civil Liberties Union" is no labour union, the "German
    People's Union" a party, the "Salvation Army" no army (PolNeAR train and TimeBank: USALAB, DEULAB)."""
    head = m.span[-1]
    row = agent_row(head)
    if row is None or " " in row.word or row.word not in generic_kind_words():
        return row
    i = m.start
    while i < head.i:
        tok = m.doc[i]
        if tok.is_punct or tok.lower_ in ("the", "'s", "’s") or tok.lower_ in kind_name_modifiers():
            i += 1
            continue
        # the longest place or people's name from here ("New York", "Los Angeles")
        place = next((j for j in range(head.i, i, -1) if _place_words(m.doc[i:j].text)), None)
        if place is not None:
            i = place
            continue
        member = agent_row(tok)
        if member is not None and member.number == "count":
            i += 1  # "Teachers Union", "Auto Workers Union"
            continue
        return None
    return row


def _place_words(text: str) -> bool:
    return bool(countries.country_of(text) or countries.country_from_demonym(text) or places.readings(text))


@cache
def generic_kind_words() -> frozenset[str]:
    """Kind words that end the names of bodies of other kinds too (data/generic_kind_words.txt)."""
    return frozenset(load_list("generic_kind_words.txt"))


@cache
def kind_name_modifiers() -> frozenset[str]:
    """Words that leave an organisation's name of the kind its last word names (data/kind_name_modifiers.txt)."""
    return frozenset(load_list("kind_name_modifiers.txt"))


def _a_governments(c: Cluster) -> bool:
    """"government troops", "government forces": a nominal whose modifier is a government noun of agents.tsv."""
    head = c.first.span.root
    for tok in head.children:
        if tok.dep_ in ("compound", "amod") and tok.i < head.i:
            row = agent_row(tok)
            if row is not None and row.sector == GOVERNMENT_SECTOR:
                return True
    return False


def _place_country(c: Cluster) -> str | None:
    for m in c.names:
        code = countries.country_of(m.text) or countries.country_from_group(m.text) or people_country(m)
        if code:
            return code
    return c.known.country if c.known and c.known.country else None


def _known_inside(c: Cluster) -> KnownActor | None:
    """"United Nations Emergency Relief", "NATO Response Force": a well-known body that a longer name begins with."""
    for m in c.names:
        words = [t for t in m.span if t.lower_ != "the"]
        for n in range(len(words) - 1, 0, -1):
            row = known.lookup(" ".join(t.text for t in words[:n]))
            if row is not None and row.type == "ORG":
                return row
    return None


@cache
def _nonstate_kind_words() -> frozenset[str]:
    """Last words of organisations' names that make them bodies of their own (data/nonstate_kind_words.txt)."""
    return frozenset(load_list("nonstate_kind_words.txt"))


def _body_of_its_own(c: Cluster) -> bool:
    """An organisation named with a last word of data/nonstate_kind_words.txt ("Association", "Industries", "Party")."""
    return any(m.span[-1].lower_ in _nonstate_kind_words() for m in c.names)


def _state_body_word(c: Cluster) -> str | None:
    """The sector of a state's body that a word of an organisation's name is (data/agents.tsv, one body: "Senate" in
    "Senate Judiciary Committee" LEG, "Court" in "U.S. Court of Appeals" JUD), or None."""
    if _body_of_its_own(c):
        return None  # "FBI Agents Association", "Saudi Arabian Military Industries": a body of its own
    for m in c.names:
        for tok in m.span:
            row = agent_row(tok) if tok.text[:1].isupper() else None
            if row is not None and row.number == "collective" and row.sector in STATE_SECTORS:
                return row.sector
    return None


def _chapter_of_transnational(c: Cluster) -> bool:
    """"Kenya Red Cross", "American Red Cross": a name that ends with the name of a transnational aid body of
    data/actors.tsv (coded NGO..., of no country) after other words: that body's society in one country."""
    for m in c.names:
        words = [t for t in m.span if t.lower_ != "the"]
        for n in range(1, len(words)):
            row = known.lookup(" ".join(t.text for t in words[n:]))
            if row is not None and row.type == "ORG" and not row.country and row.code.startswith("NGO"):
                return True
    return False


def _country_inside(c: Cluster) -> str | None:
    """"Syrian National Council", "Russian Foreign Ministry": a country word inside an org name (not one that is not
    its own: "Cuban-American National Foundation", "Anti-Iran Alliance", data/country_compounds.tsv)."""
    for m in c.names:
        for tok in m.span:
            if not_its_own(tok):
                continue
            code = countries.country_from_demonym(tok.text) or (
                countries.country_from_name(tok.text) if tok.text[:1].isupper() else None
            )
            if code:
                return code
    return None


@cache
def _place_part_words() -> frozenset[str]:
    return frozenset(load_list("place_part_words.txt"))


@cache
def _state_agency_words() -> frozenset[str]:
    return frozenset(load_list("state_agency_words.txt"))


def _state_agency(c: Cluster) -> bool:
    """Is an organisation named as a country's agency: its name opens (after "the") with the country's name or people's
    word, and is headed by a word of data/state_agency_words.txt, as its last word or before its "of" ("U.S. Secret
    Service", "U.S. Bureau of Prisons"), with no word of another sector than a state's ("German Press Agency")? Not when the country's name opens another
    place's ("Georgia" that may be a US state, data/place_readings.tsv; "Lebanon County", data/place_part_words.txt),
    nor a people's word alone before the head ("the Spanish Department" of a university)."""
    for m in c.names:
        words = [t for t in m.span if t.lower_ != "the"]
        if len(words) < 2 or not_its_own(words[0]):
            continue
        first = words[0].text
        if not (countries.country_from_demonym(first) or countries.country_from_name(first)):
            continue
        if first in places.place_readings() or words[1].lower_ in _place_part_words():
            continue  # "Georgia Bureau of Investigation" (a state's), "Lebanon County Commission" (a county's)
        if len(words) == 2 and not countries.country_from_name(first):
            continue  # "the Spanish Department" of a university: a people's word alone before the head is a language's
        if any((row := agent_row(t)) is not None and row.sector and row.sector not in STATE_SECTORS for t in words[1:]):
            continue  # "German Press Agency": a word of another sector (data/agents.tsv: press, MED) says whose it is
        heads = [words[-1]] + [t for t in words[1:-1] if t.nbor().lower_ == "of"]
        if any(t.lower_ in _state_agency_words() for t in heads):
            return True
    return False
