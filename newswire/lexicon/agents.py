"""Common nouns for actors (`data/agents.tsv`): "rebels", "the government", "human rights group", with their sector.

The entity stage makes nominal mentions of them; the events stage asks whether
a subject names an actor at all and which sector a noun next to a country word
gives ("a Syrian military attack"). Both read the same table through
`agent_row`.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from . import load_list, load_table
from .tables import AgentNoun, OrganisationNoun, RelationNoun

__all__ = ["STATE_SECTORS", "agents", "agent_row", "before_office_modifier", "graded_ranks", "initial_plural", "is_counterpart", "organisation_nouns", "past_office_words", "office_modifiers", "serving_sector", "title_endings", "title_synonyms"]

# The sectors of a state's own bodies in an actor code (government, armed forces, police, courts, legislature,
# intelligence): the one definition the entity, quote and event stages read.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@cache
def agents() -> dict[str, AgentNoun]:
    return {row.word.lower(): row for row in load_table("agents.tsv", AgentNoun)}


@cache
def _endings() -> frozenset[str]:
    """Every key of `agents()` and each of its endings after a space ("rights group", "group"): a noun whose lemma
    and lower case are none of them has no row of its own or with its modifiers."""
    return frozenset(key[i + 1 :] for key in agents() for i in range(-1, len(key)) if i < 0 or key[i] == " ")


def agent_row(token: Token) -> AgentNoun | None:
    """The agents.tsv row of a noun, with its modifiers when they make a listed phrase ("human rights group")."""
    table = agents()
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma not in _endings() and lower not in _endings():  # (the modifiers need not be read)
        return table.get(lower[:-1]) if initial_plural(token) else None
    left = []
    i = token.i - 1
    while i >= 0 and token.doc[i].head.i in (token.i, *(t.i for t in left)) and token.doc[i].dep_ in ("compound", "amod"):
        left.insert(0, token.doc[i])
        i -= 1
    for k in range(len(left)):
        words = [t.lower_ for t in left[k:]]
        row = table.get(" ".join([*words, token.lemma_.lower()])) or table.get(" ".join([*words, token.lower_]))
        if row is not None:
            return row
    row = table.get(token.lemma_.lower()) or table.get(token.lower_)
    if row is None and initial_plural(token):
        row = table.get(token.lower_[:-1])
    return row


def initial_plural(token: Token) -> bool:
    """"Rebels in Chad captured ...": a plural the parser took for a name at the start of a sentence, which the
    lemmatizer leaves plural."""
    return token.is_sent_start and token.tag_ == "NNP" and token.lower_.endswith("s") and token.lower_[:-1] in agents()


@cache
def _counterpart_nouns() -> frozenset[str]:
    return frozenset(load_list("counterpart_nouns.txt"))


def is_counterpart(token: Token) -> bool:
    """A noun that, after a possessive, names the other side's holder of the possessor's office ("her Peruvian
    counterpart, Victor Torres": `data/counterpart_nouns.txt`): not someone of the possessor's own."""
    return token.lemma_.lower() in _counterpart_nouns()


@cache
def relation_nouns() -> dict[str, bool]:
    """data/relation_nouns.tsv: nouns of one defined by a relation to another party, whose complement and possessor
    (and, when True, country adjective) name that party ("a critic of the US", "Russia's closest ally", "an Iranian
    ally")."""
    return {row.word: row.adjective for row in load_table("relation_nouns.tsv", RelationNoun)}


def names_other_party(child: Token, adjective: bool) -> bool:
    """Does a dependent of a relation noun (`relation_nouns`) name the other party of the relation, not the one the noun
    describes: its possessor ("Russia's closest ally"), its "of", "to" or "for" complement ("a critic of the US") and,
    when the noun's `adjective` is set, a country word on it ("an Iranian ally")?"""
    return child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("of", "to", "for")) or (
        adjective and child.dep_ in ("amod", "compound", "nmod"))


def is_relational(token: Token) -> bool:
    """A noun for those in a relation to someone else whose country word may name either side of the relation
    ("Syrian allies": allies of Syria, or allies who are Syrian): a word of `relation_nouns` with adjective=yes."""
    return relation_nouns().get(token.lemma_.lower()) is True


@cache
def past_office_words() -> frozenset[str]:
    """Words that say a title or a service is no longer held: "former", "ex", "deposed", "late", "retired"
    (`data/past_office_words.txt`)."""
    return frozenset(load_list("past_office_words.txt"))


@cache
def organisation_nouns() -> frozenset[str]:
    """The nouns organisations are described by (`data/organisation_nouns.tsv`: "ministry", "union", "agency")."""
    return frozenset(row.noun for row in load_table("organisation_nouns.tsv", OrganisationNoun))


@cache
def office_modifiers() -> frozenset[str]:
    """Words that, opening a title, make it another office than its last words name: "vice", "deputy", "prime"
    (`data/office_modifiers.txt`)."""
    return frozenset(load_list("office_modifiers.txt"))


def title_endings(title: str) -> list[str]:
    """A title (lower case) and the endings of it that still name its office: "foreign minister", "minister"; the
    endings stop at a word of `data/office_modifiers.txt`, which makes another office: "vice president" has none
    ("the president" is someone else), "acting prime minister" only "prime minister"."""
    words = title.split(" ")
    cut = len(before_office_modifier(words))
    return [title] + [" ".join(words[n:]) for n in range(1, min(cut + 1, len(words)))]


def before_office_modifier(words: list[str]) -> list[str]:
    """A title's words (lower case) before the first that makes another office ("vice" of "vice president",
    `office_modifiers`): all of them when none does. A modifier that only grades a rank ("lieutenant general",
    `graded_ranks`) cuts nothing: "the general" is Lieutenant General X."""
    cut = next((n for n, w in enumerate(words) if w in office_modifiers() and " ".join(words[n:]) not in graded_ranks()), len(words))
    return words[:cut]


@cache
def graded_ranks() -> frozenset[str]:
    """Titles a word of `office_modifiers` opens that still name the office of their last word, a grade of a rank:
    "lieutenant general" (a general), "vice admiral", "associate justice" (`data/graded_ranks.txt`)."""
    return frozenset(load_list("graded_ranks.txt"))


@cache
def _synonym_lines() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in load_list("title_synonyms.txt"):
        titles = frozenset(t.strip() for t in line.split("|") if t.strip())
        for t in titles:
            out[t] = out.get(t, frozenset()) | titles
    return out


def title_synonyms(title: str) -> frozenset[str]:
    """The other titles of a whole title's office (`data/title_synonyms.txt`): "congressman", "congresswoman" for
    "representative"; none for a title not listed."""
    return _synonym_lines().get(title, frozenset()) - {title}


def serving_sector(token: Token) -> str:
    """The sector of an agent noun's row, or "" when a word of `past_office_words` modifies it: "two former
    soldiers", "retired police officers" serve in no armed force or police."""
    row = agent_row(token)
    if row is None or any(c.lower_ in past_office_words() and c.dep_ in ("amod", "compound", "advmod") for c in token.children):
        return ""
    return row.sector

