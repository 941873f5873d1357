"""Where an event happened: "in Geneva", "near Damascus", "in the capital Kabul".

The place is the object of a locative preposition in the event's clause (not
inside a clause it governs), or a name standing in apposition to or after
"of" in that object ("the town of Samarra"); its country comes from
`newswire.lexicon.countries` (country names, demonyms, capitals, cities).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..lexicon import countries, load_list
from ..document import Document
from ..lexicon.borders import border_nouns
from ..records import Place
from .triggers import is_event_noun

LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "inside", "across", "throughout", "nearby"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels of names the parser gives capitals it does not know ("near Dushanbe" as ORG); only capitals are read
# as places then, since many organisations share a city's name.
MISREAD_AS_ORG = {"ORG", "PERSON"}
# Dependents that start another clause: a place inside one belongs to that clause's event.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj", "pcomp"}


@cache
def _behalf_nouns() -> frozenset[str]:
    return frozenset(load_list("behalf_nouns.txt"))


def behalf(prep: Token) -> bool:
    """Whether a preposition opens a phrase of for whom something is done ("in support of Israel", "on behalf of the
    victims", "in solidarity with Kyiv": data/behalf_nouns.txt): whom it names is no place and no target."""
    if prep.lower_ not in ("in", "on") or prep.dep_ != "prep":
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.lemma_.lower() in _behalf_nouns()


def for_whom(tok: Token) -> bool:
    """Whether a word is inside a phrase of for whom something is done (`behalf`), below the verb of its clause:
    "Israel" in "intervention in support of Israel", "Ukraine" in "rallied in Paris in solidarity with Ukraine"."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return False
        if behalf(anc):
            return True
    return False


def clause_tokens(anchors: list[Token]) -> list[Token]:
    """The tokens of the clauses of an event's anchors, without the clauses they govern."""
    seen: dict[int, Token] = {}
    stack = list(anchors)
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen[tok.i] = tok
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS and not (c.dep_ == "conj" and c.pos_ == "VERB"))
    return sorted(seen.values(), key=lambda t: t.i)


def location(anchors: list[Token], *, skip: set[int] = frozenset()) -> Place | None:
    """The first place a locative preposition of the clause names, nearest the trigger first."""
    trigger = anchors[0]
    preps = [t for t in clause_tokens(anchors) if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS]
    for prep in sorted(preps, key=lambda t: abs(t.i - trigger.i)):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.i in skip or behalf(prep):
            continue  # "helped shoot down missiles in support of Israel": for whom, not where
        if prep.lower_ == "in" and prep.head.pos_ in ("NOUN", "PROPN") and not is_event_noun(prep.head) and is_event_noun(obj):
            # "two suspects in the Kenya bombing were handed over": the act a participant is part of, not where the
            # event happens ("the assassination of Rabin at a Tel Aviv peace rally" stays in Tel Aviv)
            continue
        place = _place(obj)
        if place is not None:
            return place
    return None


def _place(tok: Token) -> Place | None:
    if tok.lemma_.lower() in border_nouns():
        # "across the Syrian border", "on the Pakistan-Afghanistan border": a place on no one country's side
        first = min((t for t in tok.subtree if t.i <= tok.i and t.lower_ not in ("the", "a", "an")), key=lambda t: t.i)
        return Place(first.idx, tok.idx + len(tok), tok.doc[first.i : tok.i + 1].text, None)
    for cand in (tok, *[c for c in tok.children if c.dep_ in ("appos", "compound")], *_of_objects(tok)):
        if cand.ent_type_ not in PLACE_LABELS and not _misread_place(cand):
            continue
        span = _entity_span(cand)
        text = span[0].doc[span[0].i : span[-1].i + 1].text
        country = countries.country_of(text)
        if country is None and cand.ent_type_ == "FAC":
            continue
        geo = Document.of(tok.doc).geo(text, span[0].idx) if cand.ent_type_ != "FAC" else None
        return Place(span[0].idx, span[-1].idx + len(span[-1]), text, geo.country if geo else country, geo)
    return None


def _misread_place(tok: Token) -> bool:
    """"near the town of Samarra" tagged NORP: a name the parser took for a people that is a known city or capital;
    "near Dushanbe" tagged ORG: a name the parser took for an organisation that is a capital."""
    if tok.ent_type_ in MISREAD_AS_ORG:
        return countries.country_from_capital(" ".join(t.text for t in _entity_span(tok))) is not None
    if tok.ent_type_ != "NORP" or countries.country_from_demonym(tok.text):
        return False
    text = " ".join(t.text for t in _entity_span(tok))
    return countries.country_from_capital(text) is not None or countries.country_from_city(text) is not None


def _of_objects(tok: Token) -> list[Token]:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _entity_span(tok: Token) -> list[Token]:
    """The named-entity span a token is in, without a leading "the" and without the line breaks the parser may run
    into it ("Mali⏎⏎" at a headline's end: the evidence is the name)."""
    ent = Document.of(tok.doc).named_entity_at(tok.i)
    words = [w for w in ent if not w.is_space] if ent is not None else [tok]
    while len(words) > 1 and words[0].lower_ == "the":
        words = words[1:]
    return words or [tok]
