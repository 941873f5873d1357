"""Evidence next to a mention: its titles, honorific, kin noun, country and affiliation.

* Before a name: "U.S. Secretary of State John Kerry" (country USA, title
  "Secretary of State"), "U.N. chief Ban Ki-moon" (affiliation U.N., title
  "U.N. chief"), "Russian President Vladimir Putin", "VOA's State Department
  Correspondent Scott Stearns", "Mr. Ban" (gender).
* In apposition: "his Russian counterpart, Sergei Lavrov" (country RUS),
  "Sergei Lavrov, Russia's foreign minister," (country, title), "his daughter
  Rebekah" (a relative: a person).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from functools import cache

from ..document import Document
from ..lexicon.agents import agent_row
from ..lexicon import countries, load_list, places
from ..lexicon.agents import names_other_party, past_office_words, relation_nouns
from ..lexicon.people import kin_nouns
from .country_words import place_country
from .model import Mention
from .names import _org_name_word
from .titles import TitleMatch, skippable_words

_POSSESSIVE = ("'s", "’s", "'", "’")
# the sector of a title of data/country_leader_titles.txt held of a country itself
_COUNTRY_LEADER_SECTOR = "GOV"


def past_office(doc: Doc, start: int, end: int) -> bool:
    """"Former Lebanese Prime Minister Fouad Siniora", "Egypt's ex-president Hosni Mubarak", "deposed president Mohamed
    Morsi", "the late King Abdullah": a word of `data/past_office_words.txt` that modifies a word of doc[start:end] (the
    title chain and the name, or a title's phrase). The office is no longer held: its title gives no sector."""
    return any(
        tok.lower_ in past_office_words() and tok.dep_ in ("amod", "compound", "advmod", "nmod") and start <= tok.head.i < end
        and not (tok.dep_ == "advmod" and tok.head.pos_ in ("ADJ", "VERB"))  # "a formerly state-owned company"
        for tok in doc[max(0, start - 3) : end]
    )


def attach(doc: Doc, names: list[Mention], titles: list[TitleMatch]) -> None:
    """Fill in titles, sectors, gender, countries and affiliations of name mentions."""
    title_ending = {t.end - 1: t for t in titles}
    title_covering = {i: t for t in titles for i in range(t.start, t.end)}
    name_ending = {m.end - 1: m for m in names}
    for m in names:
        _before(doc, m, title_ending, name_ending)
        if m.label == "PERSON" and m.titles and not m.countries:
            _of_country(m, name_ending)
        if m.label in ("PERSON", "ORG", "NORP", "GPE"):
            _appositions(doc, m, title_covering, name_ending)
        if m.label == "ORG":
            _owner(m, name_ending)


def _owner(m: Mention, name_ending: dict[int, Mention]) -> None:
    """"The Ivory Coast's Supreme Court", "Kenyan Supreme Court": the country an organisation belongs to."""
    root = m.span.root
    for child in root.children:
        if child.i >= m.start and child.i < m.end:
            continue
        if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i < m.start:
            _modifier_evidence(m, child, name_ending)


def _before(doc: Doc, m: Mention, title_ending: dict[int, TitleMatch], name_ending: dict[int, Mention]) -> None:
    """Walk left from a name over honorifics, titles, affiliations and one country. None for a body or a place whose
    name ends with a word of such names, after a title ("King Edward Memorial Hospital said" tagged without "King"):
    named after a person, no person."""
    if m.label != "PERSON" and m.end - m.start > 1 and m.start - 1 in title_ending and _org_name_word(doc[m.end - 1].lower_):
        return
    i = m.start - 1
    parts: list[TitleMatch] = []
    sectors: list[str] = []
    text_start = None
    while i >= 0:
        tok = doc[i]
        t = title_ending.get(i)
        if t is not None:
            if t.kind == "honorific" and not doc[t.start].text[:1].isupper():
                break  # "to miss Harlow's deadline": a verb, not the honorific "Miss" ("MR." in capitals is one)
            if t.gender:
                m.gender = m.gender or t.gender
            if t.kind == "honorific":
                m.honorific = True
            else:
                parts.append(t)
                text_start = t.start
                if t.sector:
                    sectors.append(t.sector)
            i = t.start - 1
            continue
        if tok.lower_ in skippable_words() and parts:
            i -= 1
            continue
        if not parts:
            break
        if tok.text in _POSSESSIVE and i - 1 in name_ending:
            owner = name_ending[i - 1]
            # "Mali's interim leader Assimi Goita": the title alone, qualified by nothing but skippable words
            _affiliate_or_country(m, owner, parts[0] if len(parts) == 1 and all(
                doc[j].lower_ in skippable_words() for j in range(i + 1, parts[0].start)) else None)
            break
        other = name_ending.get(i)
        if other is not None:
            code = place_country(other)
            if code and not (other.start - 1 in name_ending and name_ending[other.start - 1].label == "ORG"):
                m.countries.append(code)  # "U.S. Secretary of State": nationality
                break
            if other.label in ("ORG", "GPE", "LOC", "FAC"):
                # "U.N. chief", "State Department Correspondent", "U.N. Syria envoy"
                if other.label == "ORG":
                    m.affiliations.append(other)
                text_start = other.start
                i = other.start - 1
                continue
            break
        code = countries.country_from_demonym(tok.text) if tok.pos_ in ("ADJ", "PROPN") else None
        if code:
            m.countries.append(code)  # "Russian President"
        break
    if parts:
        end = max(p.end for p in parts)
        m.titles.append(_title_text(doc, text_start, end))
        m.past_office = m.past_office or past_office(doc, text_start, m.end)
        if not m.past_office:
            m.sectors.extend(sectors)  # "former Prime Minister Fouad Siniora" holds no office: no GOV


def _of_country(m: Mention, name_ending: dict[int, Mention]) -> None:
    """"King Hussein of Jordan", "President Anna Berg of Kenya": the country a titled person's name is said to be
    "of", right after the name, is the country whose title they hold (only a country's own name: "of Ohio", "of
    Acme Corp." say nothing of a country here)."""
    if state_titled(m):
        return  # "Senator Raphael Warnock of Georgia": a state's senator (session thirteen's review: GEOLEG)
    root = m.span.root
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != m.end:
            continue
        for obj in prep.children:
            owner = name_ending.get(obj.i) if obj.dep_ == "pobj" else None
            code = countries.country_from_name(owner.text) if owner is not None and owner.start == m.end + 1 else None
            if code and owner.text not in places.place_readings():  # "of Georgia" may be the US state
                m.countries.append(code)


@cache
def _state_titles() -> frozenset[str]:
    return frozenset(load_list("state_titles.txt"))


def state_titled(m: Mention) -> bool:
    """Does a title of the mention name an office a state of a country may have ("Senator", "Governor", "Mayor":
    data/state_titles.txt)? Such a holder's "of Georgia" may be the state, not the country."""
    return any(t.lower() in _state_titles() or t.lower().split()[-1] in _state_titles() for t in m.titles if t.strip())



def _title_text(doc: Doc, start: int, end: int) -> str:
    span = doc[start:end]
    return span.text


@cache
def _country_leader_titles() -> frozenset[str]:
    """Titles with no sector of their own that, held of a country itself, name its government ("Mali's leader")
    (`data/country_leader_titles.txt`)."""
    return frozenset(load_list("country_leader_titles.txt"))


def _affiliate_or_country(m: Mention, owner: Mention, title: TitleMatch | None = None) -> None:
    """The owner of a person's or a body's title: a country ("Russia's foreign minister") or an organisation ("VOA's
    correspondent"). `title`: the title the owner holds alone (nothing but skippable words between them), or None."""
    code = place_country(owner)
    if code:
        m.countries.append(code)
    elif owner.label in ("ORG", "GPE"):
        m.affiliations.append(owner)
    elif owner.label == "PERSON" and countries.country_from_name(owner.text):
        # "Mali's interim leader, Assimi Goita": a country's name the tagger called a person, read through its
        # entity (whose type and code count, as for "the Assad government") and not taken as the country here
        m.affiliations.append(owner)
        code = countries.country_from_name(owner.text)
    if code and title is not None and not title.sector and title.title in _country_leader_titles() \
            and not any(t.lower_ in past_office_words() for t in m.doc[owner.end : title.end]):
        # "Mali's leader": a country's own leader is its government; "Mali's former leader" no longer (the review)
        m.sectors.append(_COUNTRY_LEADER_SECTOR)


def _appositions(doc: Doc, m: Mention, title_covering: dict[int, TitleMatch], name_ending: dict[int, Mention]) -> None:
    """Country, title and affiliation from a noun phrase in apposition to the name."""
    for h in apposition_heads(m):
        if h.ent_type_ in ("PERSON",):
            continue
        if m.end - m.start == 1 and doc[m.start].is_alpha and h.tag_ == "NN" and not m.demonym \
                and not countries.country_from_name(m.text) and not countries.country_from_demonym(m.text) \
                and (kin := kin_nouns().get(h.lemma_.lower())) is not None:
            # "his daughter Rebekah", "Amir's brother, Hagai": a one-word name (a longer one is a person's already;
            # "his father, Brent Bozell, Jr." keeps what it had), never a country's ("born in Japan, the son of ...")
            m.kin = True
            m.gender = m.gender or kin or None
        if m.label == "ORG" and _said_of_a_person(h):
            m.label = "PERSON"  # "His Argentine counterpart, Sergio Iraola, said": a person the tagger called an ORG
        t = title_covering.get(h.i)
        if t is not None and t.kind != "honorific":
            m.titles.append(doc[t.start : t.end].text)
            if past_office(doc, h.left_edge.i, h.i + 1) or any(
                    tok.lower_ in past_office_words() and tok.dep_ == "advmod" and tok.head.i in (m.span.root.i, h.i)
                    for tok in doc[m.end : h.left_edge.i]):
                m.past_office = True  # "Siniora, the former prime minister,"; "Angelo, formerly Acme's vice president,"
            elif t.sector:
                m.sectors.append(t.sector)
            if t.gender:
                m.gender = m.gender or t.gender
        alone = t if t is not None and t.kind != "honorific" and t.start == h.i and all(
            c.dep_ in ("poss", "det", "punct") or (c.dep_ == "amod" and c.lower_ in skippable_words())
            for c in h.children if c.i < h.i) else None
        relation = relation_nouns().get(h.lemma_.lower())
        for child in h.children:
            if relation is not None and names_other_party(child, relation):
                continue  # "a critic of the US", "Russia's closest ally", "an Iranian ally": the other party's country
            _modifier_evidence(m, child, name_ending, alone)


def apposition_heads(m: Mention) -> list[Token]:
    """The heads of the noun phrases in apposition to a name, either way round ("Sergei Lavrov, Russia's foreign
    minister", "his Russian counterpart, Sergei Lavrov")."""
    root = m.span.root
    heads = [c for c in root.children if c.dep_ == "appos" and not (m.start <= c.i < m.end)]
    if root.dep_ == "appos" and not (m.start <= root.head.i < m.end):
        heads.append(root.head)
    context = Document.of(m.doc)
    apart = context.in_no_apposition  # a wire credit or a dateline's place: in apposition to nothing
    if root.i in apart:
        return []
    if any(s <= root.i < e for s, e in context.headline_lines):
        # a headline's words are terse and misparsed: only a noun of an agent or of a relation describes the name
        # there ("Peter Pellegrini: populist elected Slovak president", "Najib's wife Rosmah"), not "slam" of "Families of hostages held in Gaza slam
        # Netanyahu", with "Gaza" taken for a description of him, a Palestinian (session nineteen's judge)
        heads = [h for h in heads if agent_row(h) is not None or h.lemma_.lower() in _person_relation_nouns()]
    return [h for h in heads if h.i not in apart]


def _said_of_a_person(h: Token) -> bool:
    """Is the appositive head a noun that, after "his" or "her", names a person (`data/person_relation_nouns.txt`,
    `data/kin_nouns.tsv`: "his counterpart", "her son"; "its counterpart" may be a bank)?"""
    return h.tag_ == "NN" and h.lemma_.lower() in _person_relation_nouns() \
        and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in h.children)


@cache
def _person_relation_nouns() -> frozenset[str]:
    return frozenset(load_list("person_relation_nouns.txt")) | frozenset(kin_nouns())


def _modifier_evidence(m: Mention, child: Token, name_ending: dict[int, Mention], title: TitleMatch | None = None) -> None:
    """"Russian" (amod), "Russia's" (poss), "of Russia" (prep) on an appositive head."""
    if child.dep_ == "amod" or (child.dep_ == "compound" and child.ent_type_ == "NORP"):
        code = countries.country_from_demonym(child.text)
        if code:
            m.countries.append(code)
    elif child.dep_ in ("poss", "compound", "nmod"):
        owner = name_ending.get(child.i)
        if owner is not None:
            _affiliate_or_country(m, owner, title if child.dep_ == "poss" else None)
    elif child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from"):
        for obj in child.children:
            if obj.dep_ == "pobj" and obj.i in name_ending:
                _affiliate_or_country(m, name_ending[obj.i])
