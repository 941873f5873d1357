"""The `entities` stage: mentions → entities with names, titles, countries and actor codes.

`extract_entities(doc)` runs, in order: titles (`titles.py`), name mentions
and their clusters (`names.py`), the evidence next to each name
(`evidence.py`), countries and actor codes (`actors.py`), nominal actors
(`nominals.py`) and pronouns, relative pronouns among them (`pronouns.py`);
last, a nominal with no country takes the one its possessive pronoun stands
for ("their forces").

The titles and the gazetteer's names are phrase matchers tokenised by a spaCy
pipeline: `Matchers.of(nlp)` builds them from the pipeline that makes the
docs (the `newswire_entities` component does); without them the stage uses
those of newswire's own pipeline (`text.parse.load_nlp`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..lexicon import countries, load_list, places
from ..lexicon.agents import is_counterpart, title_endings, title_synonyms
from ..lexicon.pronouns import gendered
from ..text.parse import source_text
from ..text.prose import title_case_lines
from ..document import Document
from ..records import Entity, Mention as MentionRecord
from . import actors, known
from .evidence import apposition_heads, attach
from .model import Cluster, Mention
from .names import cluster_names, couple, find_names, given_name_gender, is_given_name, name_tokens
from .nominals import find_nominals
from .pronouns import resolve_pronouns, resolve_relatives
from .titles import build_matcher as build_title_matcher, find_titles, lookup as title_lookup

__all__ = ["Matchers", "extract_entities"]

# "the company" refers back to a named organisation at most this many
# sentences earlier; beyond that it is left as its own entity.
NOMINAL_REACH = 5


@dataclass(frozen=True)
class Matchers:
    """The stage's phrase matchers (titles, known names), tokenised by the pipeline whose docs they see."""

    titles: PhraseMatcher
    known: PhraseMatcher

    @staticmethod
    def of(nlp: Language) -> Matchers:
        return Matchers(build_title_matcher(nlp), known.build_matcher(nlp))


# The entity types that are places (and get `Entity.geo`).
PLACE_TYPES = ("GPE", "LOC")


def extract_entities(
    doc: Doc, *, published: str | None = None, context: Document | None = None, matchers: Matchers | None = None
) -> list[Entity]:
    """The entities of a parsed article, ordered by first mention, ids E1, E2, ...

    published: the publication date (YYYY-MM-DD), None when unknown: the gazetteer's actor codes are those of that date.
    context: the document context (`newswire.document`; `pipeline.analyze_parsed` passes it).
    matchers: `Matchers.of(nlp)` for the pipeline that made `doc`; None: those of newswire's own pipeline.
    """
    clusters = find_clusters(doc, published=published, context=context, matchers=matchers)
    records = to_records(doc, clusters)
    locate(records, context or Document.of(doc))
    return records


def locate(entities: list[Entity], context: Document) -> None:
    """Give each place entity (GPE, LOC) the GeoNames feature its first resolvable name denotes (`Document.geo`).

    The gazetteer's reading, made with the article's other places, replaces the country a place name takes by
    default (the most populous place of the name: "Paris" among Texan places is no French place); a country this
    stage read from the article itself (data/place_readings.tsv: "Columbia" in a story about FARC rebels) stands,
    and a gazetteer reading that disagrees with it is left out.
    """
    for e in entities:
        if e.type not in PLACE_TYPES:
            continue
        # its names, the fullest first, never a people's word ("German" is no parish of the Isle of Man)
        names = sorted((m for m in e.mentions if m.kind == "name" and not countries.country_from_demonym(m.text)),
                       key=lambda m: (m.text != e.name, m.start))
        geo = next((g for m in names if (g := context.geo(m.text, m.start))), None)
        if geo is not None and e.country and geo.country != e.country:
            if countries.country_of(e.name) == e.country and e.actor in (None, e.country):
                e.actor = geo.country if e.actor else None
                e.country = geo.country
            else:
                geo = None
        if geo is None and e.type == "GPE" and e.country and (e.actor == e.country or countries.country_from_name(e.name)):
            geo = places.country_geo(e.country)  # a country: named by its people's word ("Russian"), or read so
        e.geo = geo


def find_clusters(
    doc: Doc, *, published: str | None = None, context: Document | None = None, matchers: Matchers | None = None
) -> list[Cluster]:
    """Entity clusters with all their mentions (the working form, before records)."""
    ctx, published = Document.given(doc, context, published)
    titles = _outside_org_names(doc, find_titles(doc, matchers and matchers.titles), matchers and matchers.known)
    names = find_names(doc, titles, matchers and matchers.known)
    attach(doc, names, titles)
    clusters = cluster_names(names)
    for c in clusters:
        _first_name_gender(c)
    actors.describe_names(clusters, doc, published)
    clusters += _link_nominals(doc, find_nominals(doc, names, titles), clusters, ctx.focus)
    _heads_of_bodies(clusters, doc)
    resolve_pronouns(doc, clusters)
    _counterparts(doc, clusters)
    resolve_relatives(doc, clusters)
    surnames = {name_tokens(m)[-1] for c in clusters if c.label == "PERSON" for m in c.names if len(name_tokens(m)) > 1}
    clusters = [c for c in clusters if not _person_by_tagger_alone(c, surnames)]
    _possessed(doc, clusters)
    return clusters


def _person_by_tagger_alone(c: Cluster, surnames: set[str]) -> bool:
    """A one-word name the tagger calls a person, which the article does not treat as one: "on Twitter", "Subscribe
    here", "Brexit", "Millsfield, home to 22 registered voters" (PolNeAR train: Twitter 14 times in 187 articles).

    A person is named by more than one word somewhere, by a given name, with a title or an honorific ("Dr. Carson"),
    in apposition to a noun (a title, a relative: "his daughter Rebekah"), as someone "he" or "she" stands for, or
    known to the gazetteer, and a family by the plural of a surname the article gives a person ("the Clintons"); an
    entity named by one word with none of these is left out
    (its type is a guess). `surnames`: the last words of the article's people's names of two words or more. A
    one-word name only ever written as part of a hyphenated word ("Dodd-Frank", "Oscar-winning") names no one in
    the article, whatever the word.
    """
    if c.label != "PERSON" or c.known is not None or not c.names:
        return False
    words = {name_tokens(m) for m in c.names}
    if any(len(w) != 1 for w in words):
        return False
    if all(_in_hyphenated_word(m) for m in c.names):
        return True
    if any(is_given_name(w[0].title()) or w[0].removesuffix("s") in surnames for w in words):
        return False
    for m in c.mentions:
        if m.titles or m.gender or m.honorific or m.kin or m.kind == "nominal" or m.affiliations:
            return False
        if m.kind == "pronoun" and m.doc[m.start].lower_ in _PERSON_PRONOUNS:
            return False
    return True


_PERSON_PRONOUNS = gendered("m") | gendered("f")


def _in_hyphenated_word(m: Mention) -> bool:
    """Is the name written glued to a hyphen, as part of a longer word ("Dodd-Frank", "Mar-a-Lago")?"""
    doc = m.doc
    before = m.start > 0 and doc[m.start - 1].text == "-" and not doc[m.start - 1].whitespace_
    after = m.end < len(doc) and doc[m.end].text == "-" and not doc[m.end - 1].whitespace_
    return before or after


def _outside_org_names(doc: Doc, titles: list, matcher: PhraseMatcher | None) -> list:
    """Titles that are not words of an organisation's name: "General" in "General Motors" (a gazetteer ORG) is
    the name's first word, not a military title before a person's name (issue 13: GM coded USAMIL). A title that
    reaches past the name ("White House Chief of Staff") stays."""
    orgs = []
    for s, e in known.find_known(doc, matcher):
        row = known.lookup(doc[s:e].text)
        if row is not None and row.type == "ORG":
            orgs.append((s, e))
    # a title wholly inside the name; "White House Chief of Staff" reaches past "White House" and stays a title
    return [t for t in titles if not any(s <= t.start and t.end <= e for s, e in orgs)]


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


def _counterparts(doc: Doc, clusters: list[Cluster]) -> None:
    """"Blinken met his Argentine counterpart, Diana Mondino": a person whose country the phrase gives and whose
    sector nothing does, in apposition to "his/her counterpart" (`data/counterpart_nouns.txt`), holds the office of
    whom "his" stands for in another country: they take that person's sector when it is a state's (USAGOV →
    ARGGOV). A known actor's own code stands (Lavrov is RUSGOV from data/actors.tsv)."""
    owner = {m.start: c for c in clusters for m in c.mentions if m.kind == "pronoun" and m.text.lower() in ("his", "her")}
    for c in clusters:
        if c.label != "PERSON" or not c.country or c.actor != c.country or c.known is not None:
            continue
        for h in (h for m in c.names for h in apposition_heads(m)):
            poss = next((t for t in h.children if t.dep_ == "poss" and t.i in owner), None)
            other = owner[poss.i] if poss is not None and is_counterpart(h) else None
            if other is None or other is c or other.label != "PERSON":
                continue
            if other.actor and other.country:
                sector = other.actor[3:6] if other.actor.startswith(other.country) else ""
            else:  # a titled person the text gives no country ("Foreign Minister Anna Berg ... in Geneva"): the title's
                sector = next((s for m in other.mentions for s in m.sectors), "")
            if sector in actors.STATE_SECTORS and other.country != c.country:
                c.names[0].sectors.append(sector)
                c.country, c.actor = actors.code_again(c, doc)
                break


def _heads_of_bodies(clusters: list[Cluster], doc: Doc) -> None:
    """"The head of Argentina's steel workers' union, Carlos Ferreyra", "Lars Berg, a spokesman for the UN office": a
    person with no country or code of their own, in apposition to a title "of" or "for" an unnamed body whose own
    words give its country (its possessive or demonym, never its sentence's or the article's) or a coded organisation's
    name on the body's noun ("the UN office"), is of that body: coded through it as through a named one. The parser
    may hang the name on the body instead of the title ("a spokeswoman for the foreign ministry, Jane Atieno"): the
    same."""
    country_at = {i: c.country for c in clusters if c.label in ("GPE", "NORP") and c.country
                  for x in c.names for i in range(x.start, x.end)}
    bodies = {x.head: x for c in clusters if c.label == "ORG" and c.actor and c.country
              for x in c.mentions if x.kind == "nominal"
              and (c.country in x.countries or any(country_at.get(i) == c.country for i in range(x.start, x.end)))}
    named_on = {t.head.i: x for c in clusters if c.label == "ORG" and c.actor for x in c.names
                for t in x.span if t.dep_ in ("compound", "nmod") and t.head.i >= x.end}
    for i, x in named_on.items():
        bodies.setdefault(i, x)

    def titled(h) -> bool:
        row = title_lookup(h.lemma_)
        return row is not None and row.kind == "title"

    for c in clusters:
        if c.label != "PERSON" or c.actor != c.country or c.known is not None:
            continue  # (a country of their own and no sector, "Kenyan": the body's sector too)
        found = [bodies[o.i] for m in c.names for h in apposition_heads(m) if titled(h)
                 for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                 for o in p.children if o.dep_ == "pobj" and o.i in bodies]
        found += [bodies[h.i] for m in c.names for h in apposition_heads(m) if h.i in bodies
                  and h.dep_ == "pobj" and h.head.lower_ in ("of", "for") and titled(h.head.head)]
        found = [x for x in found if c.country is None or x.cluster.country == c.country]
        if found:
            c.names[0].affiliations.append(found[0])
            c.country, c.actor = actors.code_again(c, doc)


def _first_name_gender(c: Cluster) -> None:
    """Gender from a known given name: "Hillary Clinton", "Jean-Luc Mélenchon", "Moon Jae-in"."""
    for m in c.names:
        words = m.text.split()
        if m.label != "PERSON" or len(words) < 2 or m.gender:
            continue
        # the given name comes first, or second in a family-name-first form ("Ban Ki-moon")
        for word in (words[0], words[0].split("-")[0], words[1] if "-" in words[1] else ""):
            gender = given_name_gender(word)
            if gender:
                m.gender = gender
                break


def _link_nominals(doc: Doc, nominals: list[Mention], clusters: list[Cluster], focus: str | None) -> list[Cluster]:
    """Attach nominal mentions to entities; returns the new nominal-only entities (`focus`: the article's focus country)."""
    named_at = actors.sentence_country_mentions(clusters, skip=actors.aimed_at_or_theirs)
    new = _Nominals(clusters)
    name_at = {i: x for c in clusters for x in c.names for i in range(x.start, x.end)}
    holders = _Holders(clusters)
    for m in nominals:
        named = _apposed_name(m, name_at)
        if named is not None and m.label == "ORG" and named.label == "PERSON":
            named = None  # "a spokeswoman for the foreign ministry, Jane Atieno" parsed with the name on "ministry": a body is no person
        if named is not None:
            named.cluster.add(m)  # "Pavel Sokolov, Russia's foreign minister,": one person
            holders.joined(named.cluster, m)
            new.joined(named.cluster, m)
            continue
        if m.titles and m.kind == "nominal" and m.label == "PERSON" and m.lemma and title_lookup(m.lemma):
            indefinite = doc[m.start].lower_ in ("a", "an")
            holder = None if indefinite else holders.holder(m)
            if holder is not None:
                holder.add(m)
                holders.joined(holder, m)
                new.joined(holder, m)
                continue
            later = holders.named_after(m) if not indefinite and m.countries else None
            if later is not None:
                # "meeting with Kenya's trade minister ... Trade Minister Joseph Kimotho": the country the title was
                # given before its holder was named is the holder's, when the text gives them none of their own
                actors.give_country(later, m.countries[0], doc)
            if not m.affiliations:
                continue  # "the president" with no president in the article: not guessed
            # "a spokesman for Mr. Ban": someone of their own, coded through whom they speak for
        probe = Cluster(label=m.label)
        probe.mentions.append(m)
        actors.describe_nominal(probe, doc, focus, named_at)
        same = new.same(m, probe)
        if same is not None:
            same.add(m)
            holders.joined(same, m)
            new.joined(same, m)
        else:
            probe.mentions.clear()
            probe.add(m)
            new.append(probe)
    return new.clusters


def _apposed_name(m: Mention, name_at: dict[int, Mention]) -> Mention | None:
    """The name a nominal stands in apposition to, either way round."""
    head = m.doc[m.head]
    apart = Document.of(m.doc).in_no_apposition  # "Pulls Out of Government (Reuters)", "NAIROBI, Nov 9 - Kenya's ..."
    if head.dep_ == "appos" and head.head.i in name_at and head.head.i not in apart:
        return name_at[head.head.i]
    for child in head.children:
        if child.dep_ == "appos" and child.i in name_at and child.i not in apart:
            return name_at[child.i]
    return None


class _Holders:
    """The name clusters by the titles they are said ("Foreign Minister Anna Berg") or known (data/actors.tsv) to
    hold, each filed under the title and under every ending of it after a space ("minister"), and kept up to date as
    nominals join them: a nominal's title holder is looked up, not searched for among all the clusters.
    """

    def __init__(self, clusters: list[Cluster]):
        self.clusters = clusters
        self.position = {id(c): n for n, c in enumerate(clusters)}
        self.by_title: dict[str, set[int]] = {}
        for n, c in enumerate(clusters):
            for o in c.known.offices if c.known else ():
                self.by_title.setdefault(o.lower(), set()).add(n)
            for x in c.mentions:
                self._file(n, x)

    def _file(self, n: int, x: Mention) -> None:
        for t in x.titles:
            t = t.lower()
            names = title_endings(t)  # "minister" for "foreign minister"; "vice president" is filed whole only
            gender = self.clusters[n].gender()
            # "the congressman" for "Representative Jim Jordan": another title of the whole title's office, of no other gender
            names += [o for o in title_synonyms(t) if not gender or (row := title_lookup(o)) is None or row.gender in ("", gender)]
            for name in names:
                self.by_title.setdefault(name, set()).add(n)

    def joined(self, c: Cluster, x: Mention) -> None:
        """Mention x was added to cluster c."""
        n = self.position.get(id(c))
        if n is not None:
            self._file(n, x)

    def named_after(self, m: Mention) -> Cluster | None:
        """The person with no country of their own said to hold a nominal's title, first named after it, within
        `NOMINAL_REACH` sentences; None when there is none or more than one."""
        found = []
        for n in sorted(self.by_title.get(m.lemma or "", ())):
            c = self.clusters[n]
            first = c.mentions[0]
            if c.label == "PERSON" and c.country is None and c.actor is None and first.start > m.start and first.sentence - m.sentence <= NOMINAL_REACH:
                found.append(c)
        return found[0] if len(found) == 1 else None

    def holder(self, m: Mention) -> Cluster | None:
        """"the secretary-general" → the person said or known to hold that title, latest mentioned before it first;
        a nominal that names its own country ("Uganda's president") no holder of another country."""
        best: tuple[int, Cluster] | None = None
        for n in sorted(self.by_title.get(m.lemma or "", ())):
            c = self.clusters[n]
            if c.label != "PERSON":
                continue
            if m.countries and c.country and c.country != m.countries[0]:
                continue  # "Kenya's president, William Ruto, met Uganda's president": another country's holder
            k = bisect.bisect_left(c.mentions, m.start, key=lambda x: x.start)
            if k and (best is None or c.mentions[k - 1].start > best[0]):
                best = (c.mentions[k - 1].start, c)
        return best[1] if best else None


class _Nominals:
    """The nominal-only entities made so far, and an index to find the earlier entity a nominal denotes.

    The new entities are filed by actor code and by their first mention's noun (with its number and country),
    the latest one under each key; the named organisations' mentions by where they start. A new entity's code,
    country, label and first mention do not change while nominals are linked (they come in text order).
    """

    def __init__(self, clusters: list[Cluster]):
        self.clusters: list[Cluster] = []
        self.named = clusters
        self.position = {id(c): n for n, c in enumerate(clusters)}
        self.by_actor: dict[tuple, int] = {}
        self.by_noun: dict[tuple, int] = {}
        self.organisations: list[tuple[int, int]] = []  # (start, cluster position) of the named organisations' mentions
        self.org_mentions: dict[tuple[int, int], Mention] = {}  # those mentions by (start, cluster position)
        for n, c in enumerate(clusters):
            for x in c.mentions:
                self.joined(c, x)

    def append(self, c: Cluster) -> None:
        n = len(self.clusters)
        self.clusters.append(c)
        if c.actor:
            self.by_actor[(c.actor, c.label)] = n
        plural = _plural(c.first)
        self.by_noun[(c.first.lemma, c.label, plural)] = n
        self.by_noun[(c.first.lemma, c.label, plural, c.country)] = n

    def joined(self, c: Cluster, x: Mention) -> None:
        """Mention x was added to cluster c."""
        n = self.position.get(id(c))
        if n is not None and c.label == "ORG":
            bisect.insort(self.organisations, (x.start, n))
            self.org_mentions[(x.start, n)] = x

    def _subject_company(self, m: Mention) -> Cluster | None:
        """The named organisation that was last a clause's subject, within `NOMINAL_REACH` sentences before m.

        "the company" stands for the company the text is about, the last one
        that did or said something, not the nearest name ("Pacific First
        Financial Corp. said shareholders approved its acquisition by Royal
        Trustco Ltd. ... The thrift holding company said": Pacific First).
        """
        k = bisect.bisect_left(self.organisations, (m.start, -1))
        for start, n in reversed(self.organisations[:k]):
            x = self.org_mentions.get((start, n))
            if x is None:
                continue
            if m.sentence - x.sentence > NOMINAL_REACH:
                return None
            if _is_subject(x) and x.kind == "name" and not _state_body(self.named[n]):
                return self.named[n]
        return None

    def same(self, m: Mention, probe: Cluster) -> Cluster | None:
        """An earlier entity this nominal denotes, if any.

        * the same collective actor again: "the Syrian government" / "the Assad
          government" (same actor code), "rebels" / "the rebels";
        * "the company" after a named company (same sector BUS, within reach).
        """
        found = []
        if probe.actor:
            found.append(self.by_actor.get((probe.actor, probe.label), -1))
        if m.doc[m.start].lower_ not in ("a", "an"):  # "a company in Germany" ... "companies": someone else
            key = (m.lemma, probe.label, _plural(m))
            n = self.by_noun.get(key if probe.country is None else key + (probe.country,), -1)
            if n >= 0 and probe.actor and self.clusters[n].actor not in (None, probe.actor):
                n = -1  # "U.N. officials" after "Iranian officials": the same noun, another actor's people
            found.append(n)
        latest = max(found, default=-1)
        if latest >= 0 and _set_by_another_country(m) and self.clusters[latest].country and not any(
                _set_by_another_country(x) for x in self.clusters[latest].mentions):
            latest = -1  # "Russian-installed officials" after "Ukrainian officials": people another country set up
        if latest >= 0 and _other_kind(m, self.clusters[latest]):
            latest = -1  # "Egypt's health ministry" after "Egypt's foreign ministry": another body of the same country
        if latest >= 0 and probe.country is None and _named_region(m) and (
                (earlier := self.clusters[latest]).country and earlier.country in earlier.first.countries):
            latest = -1  # "European steel makers" after "two Russian steel makers": a region's, not that country's
        definite = m.doc[m.start].lower_ in ("the", "this", "that")
        # "the companies" are not one named company, and a ministry is no company ("China's commerce ministry said
        # ... depending on the company")
        company = definite and "BUS" in m.sectors and m.label == "ORG" and not _plural(m)
        if company and (subject := self._subject_company(m)) is not None:
            if latest < 0 or not any(_is_subject(x) for x in self.clusters[latest].mentions):
                return subject  # "National Intergroup earned ... from the sale of a steel tube company. The company said"
        if latest >= 0:
            return self.clusters[latest]
        if company:
            k = bisect.bisect_left(self.organisations, (m.start, -1))
            if k:
                start = self.organisations[k - 1][0]
                best = self.named[self.organisations[bisect.bisect_left(self.organisations, (start, -1))][1]]
                last = max((x for x in best.mentions if x.start < m.start), key=lambda x: x.start)
                if m.sentence - last.sentence <= NOMINAL_REACH and not _state_body(best):
                    return best
        return None


def _named_region(m: Mention) -> bool:
    """Does a nominal's own phrase name a place or a people before its noun ("European", "Western", "Gulf")? (Said
    only against a group whose own words named its country: "Democratic voters" after "Iowa voters" of the focus.)"""
    return any(t.ent_type_ in ("NORP", "GPE", "LOC") for t in m.doc[m.start : m.head])


def _state_body(c: Cluster) -> bool:
    """An organisation coded as a state's body (a ministry, a court, an army: `lexicon.agents.STATE_SECTORS`)."""
    return bool(c.actor) and c.actor[3:6] in actors.STATE_SECTORS


def _kind_words(m: Mention) -> frozenset[str]:
    """The words before a nominal's noun that say which one it is ("health" in "Egypt's health ministry", "interior" in
    "the interior ministry"), not whose (a country word) or how many."""
    head = m.span.root
    return frozenset(
        t.lemma_.lower() for t in head.children
        if t.dep_ in ("compound", "amod") and m.start <= t.i < head.i and t.is_lower and t.is_alpha
        and not countries.country_from_demonym(t.text)
    )


def _other_kind(m: Mention, c: Cluster) -> bool:
    """A body (a singular organisation nominal) whose kind words differ from every one of an entity's mentions that has
    kind words of its own."""
    if m.label != "ORG" or _plural(m):
        return False  # bodies only: "conservative voters" and "less conservative voters" may be one crowd
    mine = _kind_words(m)
    if not mine:
        return False
    theirs = [k for x in c.mentions if x.kind == "nominal" and (k := _kind_words(x))]
    if not theirs and c.mentions and all(x.kind == "nominal" and _a_persons(x) for x in c.mentions):
        return True  # "the interior ministry" after "her ministry": hers is the body her office gives, not named
    return bool(theirs) and all(k != mine for k in theirs)


def _a_persons(m: Mention) -> bool:
    """A nominal a person's pronoun possesses ("her ministry", "his party")."""
    return any(t.dep_ == "poss" and t.lower_ in ("his", "her") for t in m.span.root.children)


def _set_by_another_country(m: Mention) -> bool:
    """A nominal whose own words tie it to a country it does not belong to ("Russian-installed officials",
    "Turkish-backed fighters", "pro-Iran militias"): a group of its own, not the same noun's group named before."""
    return bool(actors.countries_acting_on([m]))


def _is_subject(x: Mention) -> bool:
    """Is the mention a clause's subject ("Pacific First Financial Corp. said ...")?"""
    return x.doc[x.head].dep_ in ("nsubj", "nsubjpass")


def _plural(m: Mention) -> bool:
    """Whether a nominal's noun is plural: "rebels" ... "the rebels" may be one group, "a company" ... "companies" not."""
    return m.doc[m.head].tag_ in ("NNS", "NNPS")


def to_records(doc: Doc, clusters: list[Cluster]) -> list[Entity]:
    text = source_text(doc)
    clusters = [c for c in clusters if any(m.kind != "pronoun" for m in c.mentions)]
    clusters.sort(key=lambda c: c.first.start)
    out = []
    shared = {name_tokens(m)[-1] for c in clusters if c.label == "PERSON" for m in c.names if len(name_tokens(m)) >= 2}
    for n, c in enumerate(clusters, 1):
        mentions = []
        for m in c.mentions:
            start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
            mentions.append(MentionRecord(start, end, text[start:end], m.kind))
        out.append(
            Entity(
                id=f"E{n}",
                name=_addressed(c, shared) or _name(c),
                type=c.label,
                titles=_titles(c),
                country=c.country,
                actor=c.actor,
                mentions=mentions,
            )
        )
    return out


def _addressed(c: Cluster, shared: set[str]) -> str | None:
    """A person named only by a surname with an honorific ("Mr. Clinton"), the surname of someone else the article
    names in full (Hillary Clinton, kept apart by the honorific): named as written, honorific and all, not by the bare
    surname, which reads as the other person's. None otherwise."""
    if c.label != "PERSON" or not c.names or any(len(name_tokens(m)) != 1 for m in c.names):
        return None
    if name_tokens(c.names[0])[0] not in shared:
        return None
    addressed = next((m for m in c.names if m.honorific and m.start > 0), None)
    if addressed is None:
        return None
    doc, i = addressed.doc, addressed.start - 1
    if doc[i].text == "." and i > 0:
        i -= 1  # "MR. CLINTON": the tagger's "MR" and "." are one honorific
    honorific = doc[i:addressed.start].text
    row = title_lookup(honorific) or title_lookup(doc[i].text)
    if not doc[i].text[:1].isupper() or row is None or row.kind != "honorific":
        return None  # never a lower-case word or anything but the honorific itself
    if couple(addressed):
        honorific = doc[addressed.start - 3 : addressed.start].text  # "Mr and Mrs Ahmadi": the couple, as written
    return f"{honorific} {addressed.text}"


def _name(c: Cluster) -> str:
    """The fullest proper name ("Ban Ki-moon", not "Ban"); for nominals the fullest nominal."""
    names = [m for m in c.names if not m.demonym]
    # a country adjective the tagger did not mark as one ("Ukrainian" heading a sentence) names the country less well
    # than its name, where the article gives it
    pool = [m for m in names if not countries.country_from_demonym(m.text)]
    if not pool and names and c.label == "GPE" and c.country and all(_modifies_a_noun(m) for m in names):
        # named only by a modifier ("Ukrainian shelling"): the country's name; not a noun ("Cuban said": a person?)
        return countries.country_name(c.country) or names[0].text
    pool = pool or names or [m for m in c.mentions if m.kind == "nominal"]
    if not pool:  # named only by "Russian", "Syrian": the country's own name
        return countries.country_name(c.country) if c.country else c.first.text
    if c.label == "PERSON":
        # a person's name holds no possessive or clause punctuation ("Nega's Coalition for Unity", "Luciana Lopez:
        # Saying"), and a title-case headline's bounds are the tagger's guess ("Ben Carson Defends Himself ...")
        pool = [m for m in pool if _clean_person_name(m)] or pool
        in_headline = {id(m): _in_title_case_line(m) for m in pool}
        headline = [m for m in pool if in_headline[id(m)]]
        prose = [m for m in pool if not in_headline[id(m)]]
        known = {w for m in prose for w in name_tokens(m)}
        pool = prose + [m for m in headline if all(w in known or is_given_name(w.title()) for w in name_tokens(m))] or pool
    # the fullest name; of names as full, one in ordinary case before one in capitals (a dateline's "CAIRO")
    # (not for organisations: "NATO" and "Nato" are one acronym, written either way)
    best = max(pool, key=lambda m: (len(name_tokens(m)), c.label == "ORG" or not _capitals(m.text), -m.start))
    words = [t for t in best.span]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return "".join(t.text_with_ws for t in words).strip() or best.text


def _modifies_a_noun(m: Mention) -> bool:
    """"Ukrainian" in "Ukrainian shelling", "the Ukrainian city": a word before a common noun (or a gerund) it modifies."""
    nxt = m.doc[m.end] if m.end < len(m.doc) else None
    return nxt is not None and nxt.is_lower and nxt.tag_ in ("NN", "NNS", "VBG", "JJ")


def _capitals(text: str) -> bool:
    """A word of four letters or more in capitals: a dateline's or a heading's "CAIRO", not an acronym ("U.S.", "UN")."""
    return text.isupper() and sum(ch.isalpha() for ch in text) >= 4


_NOT_IN_PERSON_NAMES = frozenset((":", ";", ",", "(", ")", '"', "“", "”", "'s", "’s", "‘s", "|", "/"))


def _clean_person_name(m: Mention) -> bool:
    """No possessive, colon, comma, bracket or quotation mark inside the name (a trailing possessive is cut already),
    but for the marks around a nickname one word long between other words of the name ("Jesus "Chuy" Garcia")."""
    span = m.span
    nickname = {i for i in range(1, len(span) - 3) if span[i].text in _QUOTATION_MARKS and span[i + 2].text in _QUOTATION_MARKS}
    nickname |= {i + 2 for i in nickname}
    return not any(t.text in _NOT_IN_PERSON_NAMES for i, t in enumerate(span) if i not in nickname)


_QUOTATION_MARKS = frozenset(('"', "“", "”"))


def _in_title_case_line(m: Mention) -> bool:
    """Is the mention in a line written in headline case (`text.prose.title_case_lines`: "Ben Carson Defends Himself
    Against Claims")? There a name's bounds are the tagger's guess: `_name` takes such a name only when its words are
    the name's elsewhere or given names ("Hillary Clinton Goes After ..." names Hillary Clinton; "Ben Carson Defends
    ..." does not name "Ben Carson Defends")."""
    lines = title_case_lines(m.doc)
    n = bisect.bisect_right(lines, (m.start, len(m.doc))) - 1
    return n >= 0 and m.start < lines[n][1]


def _titles(c: Cluster) -> list[str]:
    seen: dict[str, str] = {}
    for m in c.mentions:
        for t in m.titles:
            if m.kind == "nominal" and t.islower():
                t = "-".join(w.capitalize() for w in t.split("-"))  # "the secretary-general" → Secretary-General
                t = " ".join(w if w in ("of", "for", "and") else w[:1].upper() + w[1:] for w in t.split(" "))
            seen.setdefault(t.lower(), t)
    return list(seen.values())
