"""The `entities` stage: mentions → entities with names, titles, countries and actor codes.

`extract_entities(doc)` runs, in order: titles (`titles.py`), name mentions
and their clusters (`names.py`), the evidence next to each name
(`evidence.py`), countries and actor codes (`actors.py`), nominal actors
(`nominals.py`) and pronouns, relative pronouns among them (`pronouns.py`);
last, a nominal with no country takes the one its possessive pronoun stands
for ("their forces").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from .. import countries
from ..lexicon import load_table
from ..parse import source_text
from ..records import Entity, Mention as MentionRecord
from . import actors
from .evidence import attach
from .model import Cluster, Mention
from .names import cluster_names, find_names, name_tokens
from .nominals import find_nominals
from .pronouns import resolve_pronouns, resolve_relatives
from .titles import find_titles, lookup as title_lookup

__all__ = ["extract_entities"]

# "the company" refers back to a named organisation at most this many
# sentences earlier; beyond that it is left as its own entity.
NOMINAL_REACH = 5


def extract_entities(doc: Doc, *, published: str | None = None) -> list[Entity]:
    """The entities of a parsed article, ordered by first mention, ids E1, E2, ..."""
    clusters = find_clusters(doc, published=published)
    return to_records(doc, clusters)


def find_clusters(doc: Doc, *, published: str | None = None) -> list[Cluster]:
    """Entity clusters with all their mentions (the working form, before records)."""
    titles = find_titles(doc)
    names = find_names(doc, titles)
    attach(doc, names, titles)
    clusters = cluster_names(names)
    for c in clusters:
        _first_name_gender(c)
    actors.describe_names(clusters, doc, published)
    clusters += _link_nominals(doc, find_nominals(doc, names, titles), clusters)
    resolve_pronouns(doc, clusters)
    resolve_relatives(doc, clusters)
    _possessed(doc, clusters)
    return clusters


def _possessed(doc: Doc, clusters: list[Cluster]) -> None:
    """"their forces", "its army": a nominal with no country takes that of whom its possessive pronoun stands for."""
    owner = {m.start: c for c in clusters for m in c.mentions if m.kind == "pronoun"}
    for c in clusters:
        if c.country or c.actor or not c.mentions or c.first.kind != "nominal":
            continue
        head = doc[c.first.head]
        poss = next((t for t in head.children if t.dep_ == "poss" and t.i in owner), None)
        country = owner[poss.i].country if poss is not None else None
        if country:
            c.first.countries.append(country)
            c.country, c.actor = actors.code_again(c, doc)


@cache
def _first_names() -> dict[str, str]:
    return {row["name"]: row["gender"] for row in load_table("first_names.tsv") if row["gender"] in ("m", "f")}


def _first_name_gender(c: Cluster) -> None:
    """Gender from a known given name: "Hillary Clinton", "Jean-Luc Mélenchon", "Moon Jae-in"."""
    for m in c.names:
        words = m.text.split()
        if m.label != "PERSON" or len(words) < 2 or m.gender:
            continue
        # the given name comes first, or second in a family-name-first form ("Ban Ki-moon")
        for word in (words[0], words[0].split("-")[0], words[1] if "-" in words[1] else ""):
            gender = _first_names().get(word)
            if gender:
                m.gender = gender
                break


def _link_nominals(doc: Doc, nominals: list[Mention], clusters: list[Cluster]) -> list[Cluster]:
    """Attach nominal mentions to entities; returns the new nominal-only entities."""
    focus = actors.focus_country(doc)
    countries_in = actors.sentence_countries(clusters)
    new: list[Cluster] = []
    name_at = {i: x for c in clusters for x in c.names for i in range(x.start, x.end)}
    for m in nominals:
        named = _apposed_name(m, name_at)
        if named is not None:
            named.cluster.add(m)  # "Pavel Sokolov, Russia's foreign minister,": one person
            continue
        if m.titles and m.kind == "nominal" and m.label == "PERSON" and m.lemma and title_lookup(m.lemma):
            indefinite = doc[m.start].lower_ in ("a", "an")
            holder = None if indefinite else _title_holder(m, clusters)
            if holder is not None:
                holder.add(m)
                continue
            if not m.affiliations:
                continue  # "the president" with no president in the article: not guessed
            # "a spokesman for Mr. Ban": someone of their own, coded through whom they speak for
        probe = Cluster(label=m.label)
        probe.mentions.append(m)
        actors.describe_nominal(probe, doc, focus, countries_in)
        same = _same_nominal(m, probe, new, clusters)
        if same is not None:
            same.add(m)
        else:
            probe.mentions.clear()
            probe.add(m)
            new.append(probe)
    return new


def _apposed_name(m: Mention, name_at: dict[int, Mention]) -> Mention | None:
    """The name a nominal stands in apposition to, either way round."""
    head = m.doc[m.head]
    if head.dep_ == "appos" and head.head.i in name_at:
        return name_at[head.head.i]
    for child in head.children:
        if child.dep_ == "appos" and child.i in name_at:
            return name_at[child.i]
    return None


def _title_holder(m: Mention, clusters: list[Cluster]) -> Cluster | None:
    """"the secretary-general" → the person said or known to hold that title, latest first."""
    title = m.lemma or ""
    holders = []
    for c in clusters:
        if c.label != "PERSON":
            continue
        said = {t.lower() for x in c.mentions for t in x.titles}
        offices = {o.strip().lower() for o in (c.known or {}).get("offices", "").split("|") if o.strip()}
        if any(title == t or t.endswith(" " + title) for t in said) or title in offices:
            before = [x.start for x in c.mentions if x.start < m.start]
            if before:
                holders.append((max(before), c))
    return max(holders, key=lambda h: h[0])[1] if holders else None


def _same_nominal(m: Mention, probe: Cluster, new: list[Cluster], clusters: list[Cluster]) -> Cluster | None:
    """An earlier entity this nominal denotes, if any.

    * the same collective actor again: "the Syrian government" / "the Assad
      government" (same actor code), "rebels" / "the rebels";
    * "the company" after a named company (same sector BUS, within reach).
    """
    for c in reversed(new):
        if c.actor and c.actor == probe.actor and c.label == probe.label:
            return c
        if c.first.lemma == m.lemma and (probe.country in (None, c.country)) and c.label == probe.label and _may_repeat(c.first, m):
            return c
    definite = m.doc[m.start].lower_ in ("the", "this", "that")
    if definite and "BUS" in m.sectors and m.label == "ORG":
        named = [c for c in clusters if c.label == "ORG" and any(x.start < m.start for x in c.mentions)]
        if named:
            best = max(named, key=lambda c: max(x.start for x in c.mentions if x.start < m.start))
            last = max((x for x in best.mentions if x.start < m.start), key=lambda x: x.start)
            if m.sentence - last.sentence <= NOMINAL_REACH:
                return best
    return None


def _may_repeat(first: Mention, m: Mention) -> bool:
    """Whether a nominal may name the same group as an earlier one with its noun: "rebels" ... "the rebels".

    Not "a company in Germany" ... "companies": a new indefinite, or another number, is someone else.
    """
    doc = m.doc
    if doc[m.start].lower_ in ("a", "an"):
        return False
    return (doc[first.head].tag_ in ("NNS", "NNPS")) == (doc[m.head].tag_ in ("NNS", "NNPS"))


def to_records(doc: Doc, clusters: list[Cluster]) -> list[Entity]:
    text = source_text(doc)
    clusters = [c for c in clusters if any(m.kind != "pronoun" for m in c.mentions)]
    clusters.sort(key=lambda c: c.first.start)
    out = []
    for n, c in enumerate(clusters, 1):
        mentions = []
        for m in c.mentions:
            start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
            mentions.append(MentionRecord(start, end, text[start:end], m.kind))
        out.append(
            Entity(
                id=f"E{n}",
                name=_name(c),
                type=c.label,
                titles=_titles(c),
                country=c.country,
                actor=c.actor,
                mentions=mentions,
            )
        )
    return out


def _name(c: Cluster) -> str:
    """The fullest proper name ("Ban Ki-moon", not "Ban"); for nominals the fullest nominal."""
    pool = [m for m in c.names if not m.demonym] or [m for m in c.mentions if m.kind == "nominal"]
    if not pool:  # named only by "Russian", "Syrian": the country's own name
        return countries.country_name(c.country) if c.country else c.first.text
    best = max(pool, key=lambda m: (len(name_tokens(m)), -m.start))
    words = [t for t in best.span]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return "".join(t.text_with_ws for t in words).strip() or best.text


def _titles(c: Cluster) -> list[str]:
    seen: dict[str, str] = {}
    for m in c.mentions:
        for t in m.titles:
            if m.kind == "nominal" and t.islower():
                t = "-".join(w.capitalize() for w in t.split("-"))  # "the secretary-general" → Secretary-General
                t = " ".join(w if w in ("of", "for", "and") else w[:1].upper() + w[1:] for w in t.split(" "))
            seen.setdefault(t.lower(), t)
    return list(seen.values())
