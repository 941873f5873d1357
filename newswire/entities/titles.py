"""Titles, roles and honorifics ("Secretary of State", "U.N. chief", "Mr.").

Entries come from `data/titles.tsv`; matching is case-insensitive and keeps
the longest match where matches overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans
from spacy.tokens import Doc, Token

from ..lexicon import countries, load_list, load_table
from ..lexicon.agents import STATE_SECTORS, agent_row
from ..lexicon.given_names import given_names
from ..lexicon.tables import Title
from ..text.parse import load_nlp


@dataclass(frozen=True, slots=True)
class TitleMatch:
    start: int  # token index
    end: int
    title: str  # the lexicon entry, lower case
    sector: str  # implied CAMEO sector, or ""
    gender: str  # "m", "f" or ""
    kind: str  # "title" | "honorific"


@cache
def skippable_words() -> frozenset[str]:
    """Words that may sit inside a title chain without being part of a title ("former", "interim", "new":
    `data/title_skippable.txt`); the one loader of that list."""
    return frozenset(load_list("title_skippable.txt"))


@cache
def _entries() -> dict[str, dict[str, str]]:
    return {row.title.lower(): row for row in load_table("titles.tsv", Title)}


def build_matcher(nlp: Language) -> PhraseMatcher:
    """The matcher of every title, tokenised by `nlp` (the pipeline whose docs it will see)."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    # the tokenizer splits abbreviations by case ("lt. gov." is "lt . gov .", "Lt. Gov." is "Lt . Gov."): both forms
    matcher.add("TITLE", [nlp.make_doc(form) for t in _entries() for form in {t, t.title()}])
    return matcher


@cache
def _matcher() -> PhraseMatcher:
    return build_matcher(load_nlp())


def lookup(text: str) -> Title | None:
    """The lexicon row for a title ("Foreign Minister" → its row), or None."""
    return _entries().get(" ".join(text.lower().split()))


def find_titles(doc: Doc, matcher: PhraseMatcher | None = None) -> list[TitleMatch]:
    """Title and honorific matches in `doc`, longest first where they overlap, in text order.

    matcher: from `build_matcher` for the pipeline that made `doc`; None: newswire's own (`load_nlp`).
    """
    rows = {}
    for _, s, e in (_matcher() if matcher is None else matcher)(doc):
        row = lookup(doc[s:e].text)
        if row is not None and _is_title_use(doc, s, e, row):
            rows[s, e] = row
    out = []
    for span in filter_spans([doc[s:e] for s, e in rows]):
        row = rows[span.start, span.end]
        title, sector = row.title.lower(), row.sector
        body = _of_body(doc, span.end) if row.kind == "title" and sector in STATE_SECTORS else None
        if body is not None:
            # "Kenya's president of the senate", "the president of Chrysler": a state title (GOV, MIL, ...) held of a
            # body, with the body's sector in place of the title's own (or none), not the country's president (GOV),
            # and no title a head of state's mentions share; a title of no sector ("the head of the union") gains
            # none (its sentence would then give it a country), one of another ("chief executive of Cloudflare",
            # BUS) keeps its own
            # (a body of the title's own sector, "the commander of a force", changes nothing: its holder is still
            # the commander the article names)
            row_b = agent_row(body)
            of_sector = row_b.sector if row_b is not None else ""
            if of_sector != sector:
                title, sector = f"{title} of {body.lemma_.lower()}", of_sector
        out.append(TitleMatch(span.start, span.end, title, sector, row.gender, row.kind))
    return out


def _of_body(doc: Doc, end: int) -> Token | None:
    """The head noun of "of the senate", "of the company", "of Acme Corp." right after a title: a body that is no
    country or place (an organisation name or a collective noun of data/agents.tsv), or None."""
    if end >= len(doc) or doc[end].lower_ != "of" or doc[end].dep_ != "prep" or doc[end].head.i != end - 1:
        return None
    obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in ("GPE", "LOC", "NORP", "FAC") or countries.country_of(obj.text):
        return None
    row = agent_row(obj)
    if obj.ent_type_ == "ORG" or (row is not None and row.number == "collective" and obj.pos_ == "NOUN"):
        return obj
    return None


def _is_title_use(doc: Doc, start: int, end: int, row: Title) -> bool:
    """Reject matches that are ordinary words, not titles: a verb "general"? an adjective "chief"."""
    if row.kind == "honorific":
        # "Dr." or "Mr." before a capitalised word; "M." only right before a name
        nxt = doc[end] if end < len(doc) else None
        return nxt is not None and nxt.text[:1].isupper()
    before = lookup(doc[start - 1].text) if start > 0 else None
    if before is not None and before.kind == "honorific" and doc[start].text[:1].isupper():
        return False  # "Mr. King", "Ms. Major": a title word after an honorific is a surname
    after = doc[end] if end < len(doc) else None
    if (end - start == 1 and start > 0 and doc[start - 1].text in given_names() and doc[start].text[:1].isupper()
            and (after is None or after.pos_ != "PROPN")):
        return False  # "Larry King said", "John Major": after a given name and before no other name, a surname
    return any(t.pos_ in ("NOUN", "PROPN") for t in doc[start:end])
