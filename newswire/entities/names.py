"""Proper-name mentions and their clustering into entities.

Starts from the parser's named entities, repairs what the small model gets
wrong at the document level (a title swallowed into a name, a name it tagged
once and missed elsewhere, one entity tagged with two types), then groups
the names that denote one entity: "John Kerry" / "Kerry", "Ban Ki-moon" /
"Mr. Ban", "U.S." / "the United States", "United Nations" / "U.N.".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from spacy.attrs import ORTH, POS
from spacy.matcher import PhraseMatcher
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from ..lexicon import countries, places
from ..lexicon import load_list, load_table
from ..text.datelines import DASHES, is_dash
from ..text.marks import CLOSING, DOUBLE, EITHER, OPENING
from ..lexicon.tables import GeoFeatureNoun, NamedAfterNoun
from ..lexicon.given_names import given_name_genders, given_names
from ..lexicon.cues import past_speech_cue, reporting_verbs
from ..lexicon.agents import agent_row, agents, organisation_nouns
from ..document import Document
from ..text.prose import title_case_lines, transcript_turns
from ..text.parse import parsed_text
from ..lexicon.bodies import body_words, legal_forms
from . import known
from .country_words import is_noun_modifier, place_country
from .model import Cluster, Mention, without_space
from .titles import TitleMatch, lookup as title_lookup, skippable_words

NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
# When one entity's name mentions carry several NER labels, the majority wins;
# ties go to the earlier label here.
LABEL_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP")
_ARABIC_ARTICLE = re.compile(r"^(al|el|al|ul)[-‑]", re.IGNORECASE)
_DETERMINERS = {"the", "a", "an"}
# Dependencies of a word that modifies a noun: "Kenya" in "Kenya's army", "the Kenya army".
MODIFIER_DEPS = ("compound", "poss", "nmod", "amod")


def _brand_possessive(doc: Doc, i: int) -> bool:
    """"McDonald's said", "Kohl's will require masks": an organisation's "'s" that possesses nothing is part of its
    name (the judged sample of session fifteen: "Dillard", "Lowe" as speakers); "Macy's chief executive" is Macy's."""
    mark, name = doc[i], doc[i - 1] if i > 0 else None
    return (
        name is not None and mark.tag_ == "POS" and mark.text in ("'s", "’s") and mark.head.i == name.i
        and name.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") and name.ent_type_ == "ORG"
        and i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX")
    )


def find_names(doc: Doc, titles: list[TitleMatch], known_names: PhraseMatcher | None = None) -> list[Mention]:
    """Name mentions: the parser's entities, trimmed and completed.

    known_names: the gazetteer's matcher for the pipeline that made `doc` (`known.build_matcher`); None: newswire's own.
    """
    in_title = {i for t in titles for i in range(t.start, t.end)}
    named = _NamedElsewhere(doc)
    dateline = Document.of(doc).dateline
    by_start = sorted((t.start, n) for n, t in enumerate(titles))
    title_starts = [s for s, _ in by_start]
    out: list[Mention] = []
    ents = Document.of(doc).ents  # (`doc.ents` builds new spans on every read)
    countries_at = {e.start: e for e in ents if e.label_ == "GPE" and countries.country_from_name(e.text)}
    joined: set[int] = set()  # the starts of country names joined to the organisation before them
    for ent in ents:
        if ent.start in joined:
            continue
        start, end = without_space(doc, ent.start, ent.end)
        if start >= end:
            continue
        if ent.label_ == "ORG" and not in_title.intersection(range(start, end)) and (country := _of_country_after(doc, end, countries_at)) is not None:
            # "The Law Society of Kenya" tagged "Law Society" and "Kenya": the name runs on through "of" and the country
            # ("the Central Bank of Nigeria" tagged whole; not a title's word: "Secretary of State of the United States";
            # session thirteen, a new user's trial)
            joined.add(country.start)
            end = country.end
        said_by = ent.label_ in ("ORG", "WORK_OF_ART") and _speaking_person(doc, start, end)
        if ent.label_ not in NAME_LABELS and not said_by:
            if countries.country_from_name(doc[start:end].text) and not in_title.intersection(range(start, end)):
                out.append(Mention(doc, start, end, "name", "GPE"))  # "invaded Cyprus" tagged PRODUCT
            continue
        start, end = _without_edge_marks(doc, start, end)
        start, end = _cut_at_dash(doc, start, end, dateline)
        end = _cut_at_headline_cue(doc, start, end)
        end = _dateline_end(Document.of(doc).dateline_spans, start, end)
        # "President Obama" tagged as one PERSON: the title is not the name; but a place or a body named after a royal
        # keeps its royal title ("King Edward Memorial Hospital", "King George Island" tagged ORG or LOC)
        royal = (ent.label_ != "PERSON" and start in in_title and doc[start].lower_ in _regnal_titles() and end - start >= 2
                 and _org_name_word(doc[end - 1].lower_))
        while not royal and start < end and (start in in_title):
            start += 1
        if (ent.label_ != "PERSON" and end - start >= 2 and start > 0 and doc[start - 1].text[:1].isupper()
                and doc[start - 1].lower_ in _regnal_titles() and _org_name_word(doc[end - 1].lower_)):
            start -= 1  # "King Edward Memorial Hospital" tagged without its "King": the royal it is named after is its word
        if start < end and _opening_cue(doc[start]):
            start += 1  # "Replied State Department spokesman Richard Boucher, “...”": an inverted cue is no name's word
            while start < end and (start in in_title):
                start += 1
        if ent.label_ == "PERSON" and end - start == 1 and _surname_title_after(doc, start, end):
            end += 1  # "Patty Judge" tagged "Patty": a title word after a given name, before no name, is the surname
        if ent.label_ == "PERSON":
            within = [titles[n] for _, n in by_start[bisect.bisect_left(title_starts, start) : bisect.bisect_left(title_starts, end)]]
            cut = _past_title_chain(doc, start, end, within)
            if cut > start:
                out += _country_before_title(doc, start, cut, in_title)
            start = cut
            start = _past_epithet(doc, start, end, named)
            if start == ent.start:
                start = _given_name_before(doc, start, end, in_title)
        # "State Department Correspondent" before a name: the title is not the org
        inside = by_start[bisect.bisect_right(title_starts, start) : bisect.bisect_left(title_starts, end)]
        for t in (titles[n] for n in sorted(n for _, n in inside)):  # only titles starting inside can cut it
            if start < t.start < end and t.end >= end and not _surname_like_title(doc, ent.label_, start, t.start, t.end, end) \
                    and not _title_ends_org_name(doc, ent.label_, start, t, end, named):
                end = t.start
        while end > start and doc[end - 1].text in ("'s", "’s", "‘s", "'", "’") and not (
                end - 2 >= start and _brand_possessive(doc, end - 1)):
            end -= 1
        if start >= end or all(i in in_title for i in range(start, end)):
            continue
        span = doc[start:end]
        if _no_name(span):
            continue
        if ent.label_ in PEOPLE_LABELS and countries.country_of_people(span.text, modifier=is_noun_modifier(span)):
            # "Karen rebels" (Karen tagged PERSON), "Yoruba leaders", "Uighurs": a people tied to one country
            out.append(Mention(doc, start, end, "name", "NORP", demonym=is_noun_modifier(span)))
            continue
        if ent.label_ == "NORP" and _is_modifier(doc[start:end]):
            # "Russian" in "Russian President": a mention of Russia; "Republican" of no entity
            text = doc[start:end].text
            if countries.country_from_demonym(text):
                out.append(Mention(doc, start, end, "name", "GPE", demonym=True))
            elif countries.country_from_name(text):  # "the Mozambique government", tagged NORP
                out.append(Mention(doc, start, end, "name", "GPE"))
            elif countries.country_from_group(text):  # "Bosnian Serb forces"
                out.append(Mention(doc, start, end, "name", "NORP", demonym=True))
            continue
        label = "PERSON" if said_by else ent.label_
        if label in ("PERSON", "NORP") and countries.country_from_group(doc[start:end].text):
            label = "NORP"  # "Bosnian Serbs" tagged PERSON: a people
        if label == "PERSON" and (kind := _named_after(doc, start, end)) is not None:
            label = kind  # "the Muhammad Ali Center", "Trump Tower" tagged PERSON: named after a person, no person
        if label == "PERSON" and _geographic_feature(doc, start, end):
            label = "LOC"  # "Loch Arran", "Mount Sinjar", "Long Island" tagged PERSON: a place
        if label == "PERSON":
            end = _hyphenated_given_name(doc, start, end)
        if label == "PERSON" and (rest := _name_head_after(doc, start, end, in_title)) > end:
            joined.update(e.start for e in ents if end <= e.start < rest)  # "Leyen" tagged GPE: a word of this name
            end = rest
        if label == "PERSON" and (hyphen := _pair_hyphen(doc, start, end)) is not None:
            # "the Muhammad Ali-Joe Frazier fight": two people joined by a hyphen, not one
            out += [Mention(doc, start, hyphen, "name", "PERSON"), Mention(doc, hyphen + 1, end, "name", "PERSON")]
            continue
        if label in ("ORG", "PERSON") and (split := _org_then_person(doc, start, end, named)) is not None:
            out += [Mention(doc, start, split, "name", "ORG"), Mention(doc, split, end, "name", "PERSON")]
            continue
        out.append(Mention(doc, start, end, "name", label))
    out = _with_nicknames(doc, out)
    out = _headline_people(doc, out)
    out += _known_names(doc, out, in_title, known_names)
    out += _country_names(doc, out, in_title)
    out += _repeated_person_names(doc, out, in_title)
    out += _titled_names(doc, out, titles, in_title)
    out += _turn_labels(doc, out)
    for m in out:
        if m.label in ("PERSON", "ORG", "NORP") and all(i in dateline for i in range(m.start, m.end)):
            m.label = "GPE"  # "ROTTERDAM (Reuters) - " tagged PERSON: a dateline names a place
    out = _whole_dateline_places(doc, out)
    return sorted(out, key=lambda m: m.start)


def _whole_dateline_places(doc: Doc, found: list[Mention]) -> list[Mention]:
    """A dateline's place in capitals the tagger cut in two ("ST. LOUIS (AP) -" as "ST" and "LOUIS", "ST. PETERSBURG,
    Russia -"): names inside one dateline's place words with nothing but a full stop between them are one place."""
    for s, e in Document.of(doc).dateline_spans:
        inside = sorted((m for m in found if s <= m.start and m.end <= e), key=lambda m: m.start)
        run = [inside[0]] if inside else []
        for m in inside[1:]:
            if all(doc[i].text == "." for i in range(run[-1].end, m.start)):
                run.append(m)
            else:
                break
        if len(run) >= 2:
            found = [m for m in found if m not in run] + [Mention(doc, run[0].start, run[-1].end, "name", "GPE")]
    return found


def _dateline_end(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """A name that begins with a dateline's place words and runs on past them ("QUITO (Newswire) - " tagged
    "QUITO (Newswire" as one organisation) ends where the place words end: the rest is the credit or the date."""
    for s, e in spans:
        if s <= start < e < end:
            return e
    return end


def _no_name(span: Span) -> bool:
    """Words the tagger took for a name that name nothing: an article alone, no capital letter in them ("face the
    full force of the law" tagged ORG "full force"), or one word of data/kind_name_modifiers.txt alone before the common noun it
    modifies ("National police spokesman Peter Mwangi" tagged ORG "National"; "United said" stays)."""
    words = [t for t in span if t.lower_ not in ("the", "a", "an")]
    if not words:
        return True  # "the" left of "the Inspector General of Police" tagged ORG once the title is cut off
    if not any(ch.isupper() for t in words for ch in t.text) and any(ch.isalpha() for t in words for ch in t.text):
        return True
    if len(words) == 1 and words[0].lower_ in _kind_modifiers():
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        return nxt is not None and nxt.is_lower and nxt.tag_ in ("NN", "NNS")
    return False


@cache
def _kind_modifiers() -> frozenset[str]:
    return frozenset(load_list("kind_name_modifiers.txt"))


def _with_nicknames(doc: Doc, found: list[Mention]) -> list[Mention]:
    """A nickname in quotation marks between a given name and a surname splits the parser's name or runs it astray
    ("Jesus "Chuy" Garcia" tagged "Jesus" and "Garcia", "George "Jay"" without "Keyworth", "Marine John “Tig"",
    "Juan "Chico" Manriquez of"): given names or initials (at most three), one capitalised word in double quotation marks and one or
    two capitalised proper nouns are one person's name; a person's mention that overlaps them becomes that name, and
    any other mention overlapping them is dropped."""
    spans = []
    strings = doc.vocab.strings  # each word's text read once, from the array (no Token per word)
    texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    for i in range(len(doc) - 4):
        if DOUBLE.get(texts[i + 1]) not in (OPENING, EITHER) or DOUBLE.get(texts[i + 3]) not in (CLOSING, EITHER):
            continue  # (the rarest test first)
        if not (is_given_name(texts[i]) or _INITIALS.fullmatch(texts[i])):
            continue
        open_, nick, close = doc[i + 1], doc[i + 2], doc[i + 3]
        if not (nick.text[:1].isupper() and nick.is_alpha) or open_.whitespace_ or not close.whitespace_:
            continue
        end = i + 4
        while end < len(doc) and end - (i + 4) < 2 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].is_alpha:
            end += 1
        start = i
        while start > 0 and i - start < 2 and (is_given_name(texts[start - 1]) or _INITIALS.fullmatch(texts[start - 1])):
            start -= 1  # "Robert C. "Bobby" Scott"
        if end > i + 4:
            spans.append((start, end))
    if not spans:
        return found
    out = [m for m in found if not any(m.start < e and s < m.end for s, e in spans)]
    for s, e in spans:
        if any(m.label == "PERSON" and m.start < e and s < m.end for m in found):
            out.append(Mention(doc, s, e, "name", "PERSON"))
    return sorted(out, key=lambda m: m.start)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# Marks that are no part of a name at its either end: a list's bullet, a quotation mark ("Barton Fink''"), a comma or
# a colon the parser ran into the name; a bracket only when its partner is not in the name.
_EDGE_MARKS = frozenset({*DASHES, *DOUBLE, "‘", "“", "”", "•", "·", "*", ",", ";", ":"})
_BRACKETS = {"(": ")", "[": "]"}


def _without_edge_marks(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Tokens `[start, end)` of a name less the marks at either end that are no part of it (`_EDGE_MARKS`; an opening
    bracket first or a closing one last whose partner the name does not hold)."""
    while start < end:
        text = doc[start].text
        if text not in _EDGE_MARKS and not (text in _BRACKETS and all(t.text != _BRACKETS[text] for t in doc[start + 1 : end])):
            break
        start += 1
    while end > start:
        text = doc[end - 1].text
        opening = next((o for o, c in _BRACKETS.items() if c == text), None)
        if text not in _EDGE_MARKS and not (opening and all(t.text != opening for t in doc[start : end - 1])):
            break
        end -= 1
    return start, end


def _cut_at_dash(doc: Doc, start: int, end: int, dateline: frozenset[int]) -> tuple[int, int]:
    """A name the parser ran across a dash that separates two stretches of text ("NEW YORK — Smith", "Ted Cruz—35",
    "Donald Trump - and"): an em or en dash, or a hyphen with space on both sides, is in no name. The side after the
    dash is no name's when it begins with a small letter, a digit or a function word ("NEW HAMPSHIRE - Since
    January"); the side before is none when it is a dateline's words ("NEW YORK — Smith"), a heading's capitals or
    begins with a small letter ("power - Wall Street"). The name is the side left, the one before when both are
    left (a name reads on from its first word), none when neither is. A hyphen between two capitalised words of a
    name is left ("Wal - Mart", as a detokenised text writes "Wal-Mart")."""
    while start < end and doc[start].text in DASHES:
        start += 1
    while end > start and doc[end - 1].text in DASHES:
        end -= 1  # "Donald Trump - and": the dash ends the name
    for i in range(start + 1, end - 1):
        tok = doc[i]
        if not is_dash(tok):
            continue
        before, after = doc[start:i], doc[i + 1 : end]
        dated = all(t.i in dateline for t in before)
        before_out = dated or _capitals(before) or not before[0].text[:1].isupper()
        # a side after that begins with a small letter, a digit or a function word ("Since January") is no name's
        after_out = not after[0].text[:1].isupper() or (after[0].is_stop and after[0].lower_ != "the")
        if tok.text == "-" and not before_out and not after_out:
            return start, end  # "Wal - Mart"
        if after_out:
            return (start, i) if not dated and before[0].text[:1].isupper() else (start, start)
        if before_out:
            return i + 1, end
        return start, i
    return start, end


def _named_after(doc: Doc, start: int, end: int) -> str | None:
    """The type of a name of two words or more whose last word makes it a body's or a building's (`data/named_after_
    nouns.tsv`: "Muhammad Ali Center" ORG, "Trump Tower" FAC), else None; a given name and that word alone ("Jerry
    Tower") stay a person's name."""
    if end - start < 2 or (end - start == 2 and is_given_name(doc[start].text)):
        return None
    return _named_after_nouns().get(doc[end - 1].lower_)


def _geographic_feature(doc: Doc, start: int, end: int) -> bool:
    """Does a name of two words or more open or end with a noun of a geographic feature (`data/geo_feature_nouns.tsv`:
    "Loch Arran", "Long Island")? Not an opening word that is a given name ("Glen Campbell"), nor a closing word after a
    given name alone ("Ricki Lake", "Michael Bay")."""
    if end - start < 2:
        return False
    first, last = _geo_feature_nouns()
    opening = doc[start].lower_ in first and not is_given_name(doc[start].text.title())
    closing = doc[end - 1].lower_ in last and not (end - start == 2 and is_given_name(doc[start].text.title()))
    return opening or closing


@cache
def _geo_feature_nouns() -> tuple[frozenset[str], frozenset[str]]:
    rows = load_table("geo_feature_nouns.tsv", GeoFeatureNoun)
    return frozenset(r.word for r in rows if r.position == "first"), frozenset(r.word for r in rows if r.position == "last")


@cache
def _named_after_nouns() -> dict[str, str]:
    return {row.word: row.type for row in load_table("named_after_nouns.tsv", NamedAfterNoun)}


def _pair_hyphen(doc: Doc, start: int, end: int) -> int | None:
    """"Muhammad Ali-Joe Frazier" (of "the Muhammad Ali-Joe Frazier fight") tagged as one PERSON: a hyphen glued
    between two capitalised words, with a given name and at least one more word on each side, joins two people's
    names. Returns the hyphen's token, else None. A hyphenated surname ("Isaac Stanley-Becker", "Kareem Abdul-Jabbar")
    or given name ("Jean-Pierre Raffarin") has one word on one side, and is left whole; so is a pair of surnames alone
    ("the Ali-Frazier fight"), which no word tells from a hyphenated surname."""
    for i in range(start + 2, end - 2):
        tok = doc[i]
        if tok.text != "-" or tok.whitespace_ or doc[i - 1].whitespace_:
            continue
        before, after = doc[start:i], doc[i + 1 : end]
        if all(t.is_alpha and t.text[:1].isupper() for t in (doc[i - 1], doc[i + 1])) \
                and is_given_name(before[0].text) and is_given_name(after[0].text):
            return i
    return None


def _hyphenated_given_name(doc: Doc, start: int, end: int) -> int:
    """The end of a person's name of two words or more that the tagger cut at a hyphen inside its last word ("Moon
    Jae-in" tagged "Moon Jae"): a small-letter word glued by a hyphen to the name's capitalised last word is the rest
    of a given name written after the family name, and the name runs on through it. Not a participle ("a Donald
    Trump-backed candidate") nor a word that makes a modifier of a name (`data/name_compound_words.txt`: "a Hillary
    Clinton-era rule"); a one-word name ("Trump-style") is left as it is, for no second word shows the name's form.
    A name the tagger ran on through such a modifier ("a Donald Trump-backed candidate" tagged "Donald Trump-backed")
    ends before the hyphen."""
    if end - start >= 3 and _modifier_after_hyphen(doc, end - 3):
        return end - 2  # "Donald Trump-backed" tagged whole: the name ends before the hyphen
    if end - start < 2 or end + 1 >= len(doc):
        return end
    last, hyphen, rest = doc[end - 1], doc[end], doc[end + 1]
    if hyphen.text != "-" or last.whitespace_ or hyphen.whitespace_:
        return end
    if not (last.is_alpha and last.text[:1].isupper() and rest.is_alpha and rest.text.islower()):
        return end
    while not _modifier_after_hyphen(doc, end - 1):
        end += 2  # "Prayut Chan-o-cha": every small-letter part; "Moon Jae-in-led" ends before "-led"
        if not (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                and doc[end + 1].is_alpha and doc[end + 1].text.islower()):
            break
    return end


def _name_head_after(doc: Doc, start: int, end: int, in_title: set[int]) -> int:
    """The end of a person's name the tagger cut before its last words, where the parse makes the cut name's last
    word a compound of a capitalised word just after it ("Ursula von der Leyen" tagged "Ursula von", "Maria Corina
    Machado" tagged "Maria Corina"): the words up to that head, each a capitalised word or a surname particle
    (`data/surname_particles.txt`), are the rest of the name. Not in a headline's line ("Joe Biden Hails Deal"), not a
    body's or place's word ("Trump Tower"), a date or a title; otherwise `end` as it is."""
    last = doc[end - 1]
    head = last.head
    while head.dep_ == "compound" and head.i < head.head.i <= end + 3:
        head = head.head  # "von" → "der" → "Leyen": the chain's head
    if last.dep_ != "compound" or not (end <= head.i <= end + 3) or head.pos_ != "PROPN" or not head.text[:1].isupper():
        return end
    if head.ent_type_ in ("DATE", "TIME", "ORG", "FAC", "NORP") or head.text.isupper() or _org_name_word(head.lower_):
        return end
    if any(s <= start < e for s, e in Document.of(doc).headline_lines):
        return end
    for i in range(end, head.i + 1):
        tok = doc[i]
        if i in in_title or not doc[i - 1].whitespace_ or not tok.is_alpha or tok.ent_type_ not in ("", "PERSON", "GPE"):
            return end  # not "Joe Biden White House staff" ("White House" tagged as a building or body)
        if countries.country_from_name(tok.text) or _org_name_word(tok.lower_):
            return end
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            return end  # "Kim Jong Un Ri Sol Ju and their daughter": another person's name, no comma between
        if tok.text[:1].isupper() and any(r.place is None or r.population >= LARGE_PLACE for r in places.readings(tok.text)):
            return end  # "Shehbaz Sharif Islamabad said": a city after the name, no comma between
        if not (tok.text[:1].isupper() or tok.lower_ in _surname_particles()):
            return end
    return head.i + 1


# A place of at least this many people (or a country) after a cut name is no word of it (`_name_head_after`).
LARGE_PLACE = 100_000


@cache
def _surname_particles() -> frozenset[str]:
    return frozenset(load_list("surname_particles.txt"))


def _modifier_after_hyphen(doc: Doc, i: int) -> bool:
    """Is capitalised token `i` glued by a hyphen to a small-letter participle or name-compound word that makes the
    whole a modifier ("Trump-backed", "Clinton-era")?"""
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return False
    rest = doc[i + 2]
    if not (doc[i].text[:1].isupper() and rest.is_alpha and rest.text.islower()):
        return False
    return rest.tag_ in ("VBN", "VBD", "VBG") or rest.lower_.endswith(("ed", "ing")) or rest.lower_ in _name_compound_words()


@cache
def _name_compound_words() -> frozenset[str]:
    return frozenset(load_list("name_compound_words.txt"))


def _capitals(span) -> bool:
    """A run of words in capitals (more than one letter each): a dateline or a heading, not a name's words."""
    words = [t.text for t in span if any(ch.isalpha() for ch in t.text)]
    return bool(words) and all(w.isupper() and len(w) > 1 for w in words) and len(span) > 1 and not all(
        len(w) <= 4 for w in words)


def _org_then_person(doc: Doc, start: int, end: int, named: _NamedElsewhere) -> int | None:
    """"the Washington Post Trump", "CNN Sanders": an organisation's name run into a person's name, tagged as one
    entity. Where the words split into an organisation the gazetteer knows (or the article names on its own) and a
    person it knows (or the article names elsewhere by a given name and a surname, in full or by the surname), returns
    the person's first token; else None. An organisation the article alone names must not open with a given name, and
    a span the article names elsewhere as a person is not split ("Rand Paul" beside a misparsed "Rand" ORG)."""
    if end - start < 2:
        return None
    first = start + 1 if doc[start].lower_ in _DETERMINERS else start
    if named.has("PERSON", doc[first:end].text, start, end):
        return None  # "Rand Paul", named so elsewhere too, whatever a misparsed "Rand" ORG says
    for split in range(end - 1, first, -1):
        org, person = doc[first:split].text, doc[split:end].text
        row = known.lookup(person)
        if not (named.has("PERSON", person, start, end) or (row is not None and row.type == "PERSON")):
            continue
        row = known.lookup(org)
        if (row is not None and row.type == "ORG") or (named.has("ORG", org, start, end) and not is_given_name(doc[first].text)):
            return split
    return None


class _NamedElsewhere:
    """The parser's people (by a given name and a surname, in full or by the surname; no legal form last: "Ben Franklin
    Stores Inc." is none) and organisations of a doc, by text, with where each is named: read once per doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._by: dict[tuple[str, str], list[tuple[int, int]]] | None = None

    def has(self, label: str, text: str, start: int, end: int) -> bool:
        """Is `text` named so by an entity of the parser outside [start, end)?"""
        if self._by is None:
            self._by = {}
            for e in Document.of(self.doc).ents:
                if e.label_ == "PERSON" and len(e) >= 2 and is_given_name(e[0].text) and e[-1].text.replace(".", "").lower() not in legal_forms():
                    for form in (e.text, e[-1].text):
                        self._by.setdefault(("PERSON", form), []).append((e.start, e.end))
                elif e.label_ == "ORG":
                    self._by.setdefault(("ORG", e.text), []).append((e.start, e.end))
        return any(not (s < end and start < e) for s, e in self._by.get((label, text), ()))


def _past_epithet(doc: Doc, start: int, end: int, named: _NamedElsewhere) -> int:
    """"Crooked Hillary Clinton", "Telling Jeb Bush", "Certainly Donald Trump" tagged as one PERSON: a word that is no
    given name, before a given name and a surname that the parser tags elsewhere in the article without it, is an
    epithet or a stray word, not part of the name ("Ildefonso Guajardo Villarreal" beside "Guajardo Villarreal" keeps
    its first word: "Guajardo" is no given name). Returns the name's first token."""
    if end - start >= 3 and not is_given_name(doc[start].text) and is_given_name(doc[start + 1].text) \
            and named.has("PERSON", doc[start + 1 : end].text, start, end):
        return start + 1
    return start


def _given_name_before(doc: Doc, start: int, end: int, in_title: set[int]) -> int:
    """"Oleksandr Petrenko said" tagged with "Petrenko" alone: the small model often leaves out a given name it does
    not know well. A given name (data/first_names.tsv) right before a one-word PERSON, hung on it as a compound, in no
    entity and no title, and no place's name or organisation word ("Jordan"), belongs to the name; not after a
    determiner or another proper noun ("the Kyiv Post Petrenko"), and only one word: a capitalised word that is no
    given name may as well be an epithet or a title ("Rival Clinton", "Author Stone"). Returns the name's first
    token."""
    if end - start != 1 or start == 0:
        return start
    tok = doc[start - 1]
    if not (tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.head.i == start and not tok.ent_type_):
        return start
    if not (is_given_name(tok.text) and tok.is_alpha and tok.text[1:].islower()) or "\n" in tok.whitespace_:
        return start
    if tok.i in in_title or title_lookup(tok.text) is not None or known.lookup(tok.text) is not None \
            or _org_name_word(tok.lower_) or _place_words(tok.text):
        return start
    if tok.i > 0 and (doc[tok.i - 1].pos_ == "PROPN" or doc[tok.i - 1].lower_ in _DETERMINERS):
        return start
    return start - 1


def _surname_title_after(doc: Doc, start: int, end: int) -> bool:
    """Is the word after a one-word PERSON a capitalised title word that is its surname ("Patty Judge", "Larry King":
    a given name before it, no proper noun after it; `titles._is_title_use` did not take it as a title)?"""
    if end >= len(doc) or not is_given_name(doc[start].text):
        return False
    word = doc[end]
    if not word.text[:1].isupper() or word.ent_type_ or title_lookup(word.text) is None:
        return False
    return end + 1 >= len(doc) or doc[end + 1].pos_ != "PROPN"


def _past_title_chain(doc: Doc, start: int, end: int, inside: list[TitleMatch]) -> int:
    """"Former Iowa Lt. Gov. Patty Judge" tagged as one PERSON: the name starts after a title inside it when all that
    stands before that title is a title chain's furniture: words such as "former" (`data/title_skippable.txt`), a
    country or place name ("Iowa", "Russian"), other titles. Returns the name's first token."""
    for t in sorted(inside, key=lambda t: -t.start):
        if t.kind == "honorific" or not (start < t.start and t.end < end):
            continue
        if all(_chain_word(doc, i, inside) for i in range(start, t.start)) and _place_or_nothing(doc, start, t.start, inside):
            return t.end
    return start


def _country_before_title(doc: Doc, start: int, cut: int, in_title: set[int]) -> list[Mention]:
    """"Jordan King Abdullah", "Russian President Vladimir Putin" tagged as one PERSON and cut after the title chain
    (`_past_title_chain`): the country's name or demonym of the chain is a mention of the country, as it is when
    tagged on its own, so that the title's holder takes its country (the chain's other words are titles and
    skippable words)."""
    words = [i for i in range(start, cut) if i not in in_title and doc[i].lower_ not in skippable_words() and not doc[i].is_punct]
    if not words or words[-1] - words[0] + 1 != len(words):
        return []
    a, b = words[0], words[-1] + 1
    text = doc[a:b].text
    if countries.country_from_name(text):
        return [Mention(doc, a, b, "name", "GPE")]
    if countries.country_from_demonym(text):
        return [Mention(doc, a, b, "name", "GPE", demonym=True)]
    return []


def _chain_word(doc: Doc, i: int, inside: list[TitleMatch]) -> bool:
    return doc[i].text[:1].isupper() or doc[i].is_punct or any(t.start <= i < t.end for t in inside)


def _place_or_nothing(doc: Doc, start: int, end: int, inside: list[TitleMatch]) -> bool:
    """Are the words [start, end), less titles and skippable words, nothing or one place's name?"""
    words = [doc[i] for i in range(start, end) if not any(t.start <= i < t.end for t in inside) and doc[i].lower_ not in skippable_words()]
    if not words:
        return True
    return _place_words(" ".join(t.text for t in words))


def _place_words(text: str) -> bool:
    """Do the words name a country, a people's country (a demonym) or a place?"""
    return bool(countries.country_from_name(text) or countries.country_from_demonym(text) or places.readings(text))


def _speaking_person(doc: Doc, start: int, end: int) -> bool:
    """"Seamus Doherty said", "“...,” Padraig Mulcahy told reporters" tagged ORG or WORK_OF_ART: two capitalised
    words, a given name (data/first_names.tsv) and a word that is none (so not "Morgan Stanley") nor a word that
    ends the names of bodies, places and documents ("Perry Capital", "Marine Corps": data/org_name_words.txt and
    the noun tables), after no determiner and before no other name word, the subject of a speech cue: a person
    who speaks. A known actor's name is left to the gazetteer."""
    if end - start not in (2, 3) or not all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in doc[start:end]):
        return False
    first, last = doc[start], doc[end - 1]
    if first.text not in given_names() or last.text in given_names() or any(_org_name_word(t.lower_) for t in doc[start + 1 : end]):
        return False
    if (start > 0 and doc[start - 1].lower_ in ("the", "a", "an")) or (end < len(doc) and doc[end].pos_ == "PROPN"):
        return False
    if known.lookup(doc[start:end].text) is not None or any(title_lookup(t.text) is not None for t in doc[start + 1 : end]):
        return False
    if end - start == 3 and _place_words(doc[start + 1 : end].text):
        return False
    cue = last.dep_ == "nsubj" and last.head.pos_ == "VERB" and last.head.lemma_.lower() in reporting_verbs()
    # "Prosecutors accuse Rodrigo Almeida Pinheiro, who served in the cabinet" (three words, a Portuguese or Spanish
    # name, tagged ORG; a new user's trial): a relative "who" on the name says person as a cue does
    who = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"
    if not (cue or who):
        return False
    # a second sign of a person: the surname on its own elsewhere ("Doherty, 54, has farmed there"); a firm or a
    # team is named whole again or as "it" ("Ernst Young said", "Orlando Magic said": no person)
    return any(t.text == last.text and not (t.i > 0 and doc[t.i - 1].text == first.text) for t in doc if t.i != last.i)


@cache
def _org_name_word(word: str) -> bool:
    return (word in load_list("org_name_words.txt") or word in legal_forms() or word in _named_after_nouns()
            or word in agents() or word in organisation_nouns() or any(word in s for s in _geo_feature_nouns()))


def _opening_cue(tok) -> bool:
    """A capitalised past form of a speech cue opening its sentence ("Replied", "Added"), which the parser may tag as
    the first word of the name after it."""
    return tok.is_sent_start and tok.i + 1 < len(tok.doc) and past_speech_cue(tok.text) is not None


def _surname_like_title(doc: Doc, label: str, start: int, title_start: int, title_end: int, end: int) -> bool:
    """"Larry King", "John Major", "Oona King": a one-word title after one name word, ending a person's name, is the
    surname. The name word is a given name, or any capitalised proper noun that is no title, country or people's word
    ("Saudi King", "Jordan King" are a title and its country; English puts a title before the name)."""
    if not (label == "PERSON" and title_start == start + 1 and title_end == end == title_start + 1):
        return False
    first = doc[start]
    if is_given_name(first.text):
        return True
    return (first.pos_ == "PROPN" and first.text[:1].isupper() and first.text[1:].islower() and title_lookup(first.text) is None
            and not countries.country_from_name(first.text) and not countries.country_from_demonym(first.text)
            and not countries.country_of_people(first.text, modifier=True) and _alone_as_a_name(doc, title_start))


def _title_ends_org_name(doc: Doc, label: str, start: int, title: TitleMatch, end: int, named: _NamedElsewhere) -> bool:
    """"Burger King said", "Dairy Queen": an organisation's name of two words that ends in a capitalised title of one
    word, with no name after it, holds that word as its own; the title is no title before a name. Unless the word
    before it names something of its own, whose title it is: a body of the gazetteer or named so elsewhere in the
    article, a country, a place or a people ("the Pentagon Chief", "Kenya Chief"), or an organisation's noun
    ("Ministry Spokesman"). A longer name is a body's whose title it is ("the United Nations Emergency Relief
    Coordinator")."""
    if label != "ORG" or title.end != end or title.end - title.start != 1 or not doc[title.start].text[:1].isupper():
        return False
    if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        return False  # "State Department Correspondent Scott Stearns"
    words = [t for t in doc[start : title.start] if t.lower_ != "the"]
    if len(words) != 1:
        return False  # "the United Nations Emergency Relief Coordinator": a longer name is a body's, whose title it is
    text = " ".join(t.text for t in words)
    if known.lookup(text) is not None or named.has("ORG", text, start, end) or _place_words(text) \
            or countries.country_of_people(text, modifier=True):
        return False
    return agent_row(words[-1]) is None


def _honorific(word: str) -> bool:
    row = title_lookup(word)
    return row is not None and row.kind == "honorific"


def _alone_as_a_name(doc: Doc, i: int) -> bool:
    """Does the word at `i` stand alone elsewhere in the doc as a name does: capitalised, not after a determiner, a
    possessive or a name ("the King") unless that is an honorific ("Ms King"), not before a proper noun ("King
    Abdullah")? ("Oona King ... King said", "Ms King said": yes; "Hilton Head, South Carolina": no.)"""
    word = doc[i].text
    for tok in doc:
        if tok.text != word or tok.i == i or tok.is_sent_start and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue
        before = doc[tok.i - 1] if tok.i else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if before is not None and (before.pos_ in ("DET", "PRON") or before.tag_ == "POS" or before.pos_ == "PROPN") \
                and not _honorific(before.text):
            continue
        if after is not None and after.pos_ == "PROPN":
            continue
        return True
    return False


def _cut_at_headline_cue(doc: Doc, start: int, end: int) -> int:
    """The end of a name in a headline-case line, before a speech cue in it ("MISS DOYLE SAYS SCHOOL WILL REOPEN",
    tagged "DOYLE SAYS SCHOOL"): a reporting verb's third-person form ("Says", "Warns", "Denies") after the name's
    first word, with a word after it, is the headline's verb, no word of the name, unless
    - it ends a country's or a known body's name begun inside the span ("United States Says", "ORGANIZATION OF
      AMERICAN STATES CONDEMNS": the cut falls at the later cue, if any);
    - the name through it is written with capitals in the prose below ("GULF STATES CONDEMN ATTACK" over "the other
      Gulf States"), or it is a plural body's noun with a reporting verb's bare form after it, the plural subject's
      verb ("GULF STATES SAY"; `_plural_body_says`). A headline noun after the cue ("Cole Says Questions Remain",
      "DENIES REPORTS", "SAYS REPORT IS WRONG") does not block the cut (review 18l).
    A past form is never taken: headlines are in the present, and "-ed" words are names' ("Kais Saied", "Ahmed Sayed").
    """
    lines = title_case_lines(doc)
    if not lines:
        return end
    n = bisect.bisect_right([s for s, _ in lines], start) - 1
    if n < 0 or start >= lines[n][1]:
        return end
    for i in range(start + 1, min(end, lines[n][1] - 1)):
        if _third_person_cue(doc[i].lower_) and not _plural_body_says(doc[i].lower_, doc[i + 1].lower_) \
                and not any(_country_or_known(doc[s : i + 1].text) for s in range(start, i)) \
                and not _capitalised_in_prose(doc, doc[start : i + 1].text, lines):
            return i
    return end


def _plural_body_says(w: str, after: str) -> bool:
    """Is `w` the plural of a noun naming a body (a place-level word, "states"; an organisation noun, "unions")
    followed by a reporting verb's bare form (`after`: "say", "warn"), so that `w` ends a plural subject?"""
    if after not in reporting_verbs() or not w.endswith("s"):
        return False
    singulars = {w[:-1], w[:-2] if w.endswith("es") else w[:-1], w[:-3] + "y" if w.endswith("ies") else w[:-1]}
    return any(places.is_level_word(s) or s in organisation_nouns() for s in singulars)


def _capitalised_in_prose(doc: Doc, text: str, lines) -> bool:
    """Is `text` written, each word capitalised, outside the doc's headline-case lines ("Gulf States" for "GULF STATES")?"""
    spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in lines]
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in text.split()) + r"\b"
    for m in re.finditer(pattern, parsed_text(doc), flags=re.IGNORECASE):
        if any(a <= m.start() < b for a, b in spans):
            continue
        if all(w[0].isupper() for w in m.group(0).split()):
            return True
    return False


def _third_person_cue(w: str, base: bool = False) -> bool:
    """Is `w` a reporting verb's third-person form ("says", "warns", "denies"), or with `base` also its base form?"""
    verbs = reporting_verbs()
    return (w.endswith("ies") and w[:-3] + "y" in verbs) or (w.endswith("es") and w[:-2] in verbs) \
        or (w.endswith("s") and w[:-1] in verbs) or (base and w in verbs)


_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "la", "du", "des", "al"}


def _country_or_known(text: str) -> bool:
    """Is `text` a country's name or a name the gazetteer knows, in any case ("ORGANIZATION OF AMERICAN STATES")?"""
    if countries.country_from_name(text) or known.lookup(text) is not None:
        return True
    if not text.isupper():
        return False
    words = text.split()
    cased = " ".join(w.lower() if w.lower() in _SMALL_WORDS and k else w.capitalize() for k, w in enumerate(words))
    return known.lookup(cased) is not None


def _headline_people(doc: Doc, found: list[Mention]) -> list[Mention]:
    """The parser's PERSON names in a headline-case line, kept only as far as they are names the article's prose gives.

    Headline capitalisation fools the parser: "Clinton Hid Past Health Scares,
    House Doctor Says" yields the PERSONs "Clinton Hid Past Health" and "House
    Doctor". A PERSON there is cut to its longest run of words that is a
    person's name found outside such lines, or the first or last word of one
    ("Clinton" for "Hillary Clinton"), or a person the gazetteer knows;
    with no such run it is left out, unless the whole of it has a person's
    name's form: a given name, initials, one more word ("BRUCE R. BENT").
    """
    lines = title_case_lines(doc)
    if not lines:
        return found
    starts = [s for s, _ in lines]

    def in_headline(m: Mention) -> bool:
        n = bisect.bisect_right(starts, m.start) - 1
        return n >= 0 and m.start < lines[n][1]

    names: set[str] = set()
    for m in found:
        if m.label == "PERSON" and not in_headline(m):
            words = [t.text for t in m.span if not t.is_punct]
            names.add(" ".join(words))
            if len(words) >= 2:
                names.update((words[0], words[-1]))
    out = []
    for m in found:
        if m.label != "PERSON" or not in_headline(m) or _name_form(m):
            out.append(m)
            continue
        runs = [(e - s, s, e) for s in range(m.start, m.end) for e in range(s + 1, m.end + 1)]
        for _, s, e in sorted(runs, key=lambda r: (-r[0], r[1])):
            words = " ".join(t.text for t in doc[s:e] if not t.is_punct)
            if words in names or ((row := known.lookup(doc[s:e].text)) is not None and row.type == "PERSON"):
                out.append(m if (s, e) == (m.start, m.end) else Mention(doc, s, e, "name", "PERSON"))
                break
    return out


def _name_form(m: Mention) -> bool:
    """Is a name a given name, initials and a surname ("Bruce R. Bent", "Ann Lee"), nothing more?"""
    words = [t.text for t in m.span if not t.is_punct]
    if not 2 <= len(words) <= 4 or not is_given_name(words[0].title()):
        return False
    return all(len(w.rstrip(".")) == 1 for w in words[1:-1]) and len(words[-1]) > 1


# Labels the parser gives a people's name ("Karen" PERSON, "Yoruba" GPE) that data/peoples.tsv may correct to NORP.
PEOPLE_LABELS = {"NORP", "PERSON", "GPE", "ORG", "LOC"}


def _is_modifier(span) -> bool:
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") or (root.pos_ == "ADJ" and root.dep_ != "nsubj")


def _known_names(doc: Doc, found: list[Mention], in_title: set[int], matcher: PhraseMatcher | None) -> list[Mention]:
    """Gazetteer names the parser did not tag ("Hezbollah" missed as an entity)."""
    covered = {i for m in found for i in range(m.start, m.end)}
    out = []
    for s, e in known.find_known(doc, matcher):
        # "Jordan's King Abdullah II" untagged: the gazetteer's "King Abdullah II" less its title is its "Abdullah II"
        while s < e and s in in_title and known.lookup(doc[s + 1 : e].text) is not None:
            s += 1
        if covered.intersection(range(s, e)) or in_title.intersection(range(s, e)):
            continue
        if not all(t.pos_ == "PROPN" or t.is_punct or t.text[:1].isupper() for t in doc[s:e]):
            continue
        row = known.lookup(doc[s:e].text)
        label = "PERSON" if row and row.type == "PERSON" else "ORG"
        out.append(Mention(doc, s, e, "name", label))
    return out


def _repeated_person_names(doc: Doc, found: list[Mention], in_title: set[int]) -> list[Mention]:
    """A person's surname or given name the parser did not tag, after the full name ("Maria Lopez ... Lopez said").

    A lone capitalised proper noun, untagged and outside a title (or a title
    word standing alone: "Patty Judge ... Judge said"), that is the last or
    first word of exactly one earlier person name of two or more words; a
    proper noun next to it makes another name ("the Lopez Foundation").
    """
    people = sorted((m for m in found if m.label == "PERSON" and m.end - m.start >= 2), key=lambda m: m.start)
    if not people:
        return []
    covered = {i for m in found for i in range(m.start, m.end)}
    words: dict[str, set[str]] = {}  # a surname or given name → the full names it may stand for
    out = []
    n = 0
    pos = doc.to_array(POS).tolist()  # each word's part of speech, read once (not a Token per word)
    for i in range(len(doc)):
        while n < len(people) and people[n].end <= i:
            full = [t for t in people[n].span if not t.is_punct]
            if len(full) >= 2:
                for word in (full[0].text, full[-1].text):
                    words.setdefault(word, set()).add(people[n].text)
            n += 1
        if i in covered or pos[i] != PROPN:
            continue
        tok = doc[i]
        if not tok.text[:1].isupper() or len(tok.text) < 3:
            continue
        if i in in_title and not _lone_title_word(doc, i, in_title):
            continue
        if len(_distinct_names(words.get(tok.text, set()))) != 1:
            continue
        if any(0 <= j < len(doc) and pos[j] == PROPN for j in (i - 1, i + 1)):
            continue
        out.append(Mention(doc, i, i + 1, "name", "PERSON"))
    return out


_TIME_OR_NUMBER = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _titled_names(doc: Doc, found: list[Mention], titles: list[TitleMatch], in_title: set[int]) -> list[Mention]:
    """A person's name right after a capitalised title that the parser did not tag ("Major General Ana Ruiz spoke"
    untagged): a known given name (data/first_names.tsv) and one to three more capitalised proper nouns, none a name
    mention already, a title's word or tagged a date or number ("Anchor Christiane Amanpour Tuesday" ends before the
    day; "Mr Manfred Weber" tagged WORK_OF_ART is still a name), in prose (not a title-case line, where every word
    is capitalised: "General Ana Ruiz Says Talks Will Resume"), whose last word is none that ends the names of
    bodies and places ("King Edward Memorial Hospital", "Queen Victoria Market": `_org_name_word`). A name the parser tagged is left as it is; a title before no given name ("General Motors",
    "Justice Department") adds nothing."""
    covered = {i for m in found for i in range(m.start, m.end)}
    lines = title_case_lines(doc)
    out = []

    def word(i: int) -> bool:
        t = doc[i]
        return (i not in covered and i not in in_title and t.ent_type_ not in _TIME_OR_NUMBER and t.pos_ == "PROPN" and t.is_alpha
                and t.text[:1].isupper() and not t.text[1:2].isupper())

    for t in titles:
        i = t.end
        if not doc[t.start].text[:1].isupper() or i >= len(doc) or not word(i) or not is_given_name(doc[i].text):
            continue
        j = i + 1
        while j < len(doc) and j - i < 4 and word(j):
            j += 1
        if j - i < 2 or (j < len(doc) and ((doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in _TIME_OR_NUMBER) or j in covered or j in in_title)):
            continue
        if _org_name_word(doc[j - 1].lower_):
            continue  # "King Edward Memorial Hospital", "Queen Victoria Market", "King George Island": named after a royal
        if any(s <= t.start < e for s, e in lines):
            continue
        out.append(Mention(doc, i, j, "name", "PERSON"))
        covered.update(range(i, j))
    return out


def _distinct_names(names: set[str]) -> set[str]:
    """The names that are not another's words in part, two words or more: "Bobby Scott" is "Robert C. "Bobby" Scott"
    written short ("Glass-Steagall" is one word, no short form of "Super Glass-Steagall")."""
    words = {n: set(re.findall(r"[\w.'’-]+", n)) for n in names}
    return {n for n in names if not any(o != n and len(words[n]) >= 2 and words[n] < words[o] for o in names)}


def _turn_labels(doc: Doc, found: list[Mention]) -> list[Mention]:
    """A transcript's speaker label the parser did not tag, in capitals, that is the surname of exactly one person named
    in full before it: "Senator Lindsey Graham ... GRAHAM: I do." (`text.prose.transcript_turns`)."""
    people = [m for m in found if m.label == "PERSON" and len([t for t in m.span if not t.is_punct]) >= 2]
    covered = {i for m in found for i in range(m.start, m.end)}
    out = []
    for start, colon, _ in transcript_turns(doc):
        if colon != start + 1 or start in covered or len(doc[start].text) < 3:
            continue
        word = doc[start].text.lower()
        full = {m.text for m in people if m.end <= start and [t for t in m.span if not t.is_punct][-1].lower_ == word}
        if len(full) == 1:
            out.append(Mention(doc, start, colon, "name", "PERSON"))
    return out


def _lone_title_word(doc: Doc, i: int, in_title: set[int]) -> bool:
    """A one-word title standing alone, with no determiner before it and no name after it ("Judge said" after "Patty
    Judge"): it may be a surname."""
    return (i - 1 not in in_title and i + 1 not in in_title and (i == 0 or doc[i - 1].pos_ != "DET")
            and (i + 1 >= len(doc) or doc[i + 1].pos_ != "PROPN"))


def _country_names(doc: Doc, found: list[Mention], in_title: set[int]) -> list[Mention]:
    """Country names the parser did not tag: "the Holy See"; with the proper nouns after them, a body of that
    country: "the Kenya Anti-Corruption Commission".

    Only names written as data/countries.tsv writes them, on proper nouns, of more than three letters ("US" in a
    capitalised headline is the pronoun) and not a given name too ("Chad", "Georgia", "Jordan" untagged are
    as likely people).
    """
    covered = {i for m in found for i in range(m.start, m.end)}
    table = countries.written_names()
    out = []
    i = 0
    pos = doc.to_array(POS).tolist()  # read once (not a Token per word)
    while i < len(doc):
        names = table.get(doc[i].text) if i not in covered and i not in in_title and pos[i] == PROPN else None
        end = None
        for name in sorted(names or (), key=len, reverse=True):
            n = len(name.split())
            span = doc[i : i + n]
            if len(span) == n and span.text == name and not covered.intersection(range(i, i + n)):
                end = i + n
                break
        if end is not None and (len(doc[i:end].text) > 3 or "." in doc[i:end].text) and not is_given_name(doc[i:end].text):
            # "the Kenya Anti-Corruption Commission": proper nouns after the country's name make a body of it
            last = end
            while last < len(doc) and last not in covered and last not in in_title and (
                doc[last].pos_ == "PROPN" or (doc[last].text == "-" and last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN")
            ):
                last += 1
            # a lone word the parser left untagged is a country only where it modifies a noun ("the Phillipines
            # military", "Kenya's army"): standing alone it may be a person's or a ship's name
            if last > end or end - i > 1 or doc[i].dep_ in MODIFIER_DEPS:
                out.append(Mention(doc, i, last, "name", "ORG" if last > end else "GPE"))
            i = last
        else:
            i += 1
    return out


def is_given_name(word: str) -> bool:
    return word in given_names()


def given_name_gender(word: str) -> str | None:
    """"m" or "f" for a given name of one gender (data/first_names.tsv), else None."""
    return given_name_genders().get(word)


def name_tokens(m: Mention) -> tuple[str, ...]:
    """The words of a name for matching: no article, honorific, possessive or "al-"."""
    kept = m._words  # read once per token range (clustering asks again and again)
    if kept is not None and kept[0] == m.start and kept[1] == m.end:
        return kept[2]
    words = [t.text for t in m.span if not t.is_punct or t.text == "."]
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    # a curly and a straight apostrophe are one letter of a name: "O’Neill" is "O'Neill" (a text may use both)
    found = tuple(_ARABIC_ARTICLE.sub("", w).lower().translate(_APOSTROPHES) for w in words if w not in ("'s", "’s", "‘s"))
    m._words = (m.start, m.end, found)
    return found


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class NameKey:
    """What name matching compares, computed once per distinct name."""

    words: tuple[str, ...]
    label: str
    country: str | None  # for places: "U.S." and "the United States" → USA
    known: str | None  # gazetteer name: "U.N." and "United Nations"
    letters: str  # "un" for "U.N.", when written in capitals
    initials: str  # "un" for "United Nations"
    regnal: bool = False  # after a monarch's or royal's title: "King Hussein" (`regnal`)
    office: bool = False  # after another title: "President Saddam Hussein"


def _of_country_after(doc: Doc, end: int, countries_at: dict) -> Span | None:
    """The country name right after an organisation's name and "of" ("Law Society | of | Kenya"), when the parser
    tagged the two apart; None when anything else follows (a possessive, a longer place: "of Kenya's north")."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or not doc[end - 1].is_title:
        return None
    country = countries_at.get(end + 1)
    if country is None or (country.end < len(doc) and doc[country.end].text in ("'s", "’s")):
        return None
    return country


def regnal(m: Mention) -> bool:
    """Is a person's name written after a monarch's or royal's title ("King Hussein", "Jordan's King Hussein", "Pope
    Francis")? Such a name is a given or regnal name (`data/regnal_titles.txt`), not a surname."""
    return m.label == "PERSON" and any(_ends_in_regnal(t) for t in m.titles)


def _ends_in_regnal(title: str) -> bool:
    words = title.lower().split()
    return any(" ".join(words[-n:]) in _regnal_titles() for n in (1, 2, 3) if len(words) >= n)


@cache
def _regnal_titles() -> frozenset[str]:
    return frozenset(load_list("regnal_titles.txt"))


def name_key(m: Mention) -> NameKey:
    words = name_tokens(m)
    text = m.text
    # "the U.S. Navy": the gazetteer's name without the article
    row = known.lookup(text) or (known.lookup(text.split(" ", 1)[1]) if text.lower().startswith("the ") else None)
    letters = "".join(ch for ch in text if ch.isalpha())
    return NameKey(
        words=words,
        label=m.label,
        country=place_country(m),
        known=row.name if row else None,
        letters=letters.lower() if len(letters) >= 2 and letters.isupper() else "",
        initials="".join(w[0] for w in words if w not in ("of", "for", "and", "the", "&") and w[:1].isalpha()),
        regnal=regnal(m),
        office=m.label == "PERSON" and bool(m.titles) and not regnal(m),
    )


def _fit(a: NameKey, b: NameKey) -> int:
    """How well two names denote one entity: 0 no, 1 partial (surname), 2 full."""
    if not a.words or not b.words:
        return 0
    if a.words == b.words:
        return 2
    if a.country and a.country == b.country:
        return 2
    if a.known and a.known == b.known:
        return 2
    if (a.letters and a.letters == b.initials and _spells_out(a, b)) or (b.letters and b.letters == a.initials and _spells_out(b, a)):
        return 2  # "U.N." / "United Nations", "RAF" / "Royal Air Force"
    if _without_country_prefix(a, b) or _without_country_prefix(b, a):
        return 2  # "the Secret Service" after "the U.S. Secret Service"
    return 1 if _partial_person(a, b) else 0


def _only_by_country_prefix(m: Mention, key: NameKey, cluster_keys: set[NameKey], cluster: Cluster) -> bool:
    """Does a name fit a cluster only as an organisation's name without its country word ("Foreign Ministry" beside
    "Chinese Foreign Ministry"), while the shorter name has a country word of its own next to it ("Russia's Foreign
    Ministry", "the Vietnamese Communist Party")? Then the two are two countries' bodies, whichever comes first."""
    prefix_only = False
    for k in cluster_keys:
        fit = _fit(key, k)
        if fit == 2 and not (_without_country_prefix(key, k) or _without_country_prefix(k, key)):
            return False
        if fit == 2:
            prefix_only = True
    if not prefix_only:
        return False
    shorts = [m] if len(name_tokens(m)) < max(len(k.words) for k in cluster_keys) else [
        x for x in cluster.names if len(name_tokens(x)) < len(key.words)]
    return any(_own_country_word(x) for x in shorts)


def _own_country_word(m: Mention) -> bool:
    """Is a name preceded by a country word of its own: a possessor ("Russia's Foreign Ministry") or a country's
    name or people's word written just before it ("the Vietnamese Communist Party" when the tagger left "Vietnamese"
    out of the name)?"""
    doc, i = m.doc, m.start - 1
    if i >= 0 and doc[i].text in ("'s", "’s", "'", "’"):
        i -= 1
    if i < 0:
        return False
    word = doc[i].text
    return bool(countries.country_from_name(word) or countries.country_from_demonym(word) or doc[i].ent_type_ in ("GPE", "NORP"))


def _without_country_prefix(short: NameKey, full: NameKey) -> bool:
    """Is an organisation's name another's without its opening country word ("Secret Service", "U.S. Secret
    Service"; "Border Agency", "UK Border Agency")? Two words at least are left: "Service" alone is no name."""
    if short.label != "ORG" or full.label != "ORG" or len(short.words) < 2 or full.words[1:] != short.words:
        return False
    if short.known and short.known != full.known:
        return False  # "the Red Cross" (the ICRC) is not the "American Red Cross"
    first = full.words[0]
    return bool(countries.country_from_name(first.upper() if "." in first or len(first) <= 3 else first.title())
                or countries.country_from_demonym(first.title()))


# A word written as initials with full stops: "U.S.", "U.K." (lower-cased in a NameKey).
_INITIALISM = re.compile(r"^(?:\w\.){2,}$")


def _spells_out(short: NameKey, full: NameKey) -> bool:
    """Can a name whose initials a short name's capitals are be what it stands for? Not when a word of the longer name
    is an abbreviation itself, whose one initial stands for several words: "U.N." is not "the U.S. Navy". (Session
    thirteen's review: refusing whenever the gazetteer knows the two as two actors split "AIG" from the "Armed
    Islamic Group" the article spells out, and coded it as American International Group.)"""
    return not any(_INITIALISM.match(w) for w in full.words)  # "u.s.", not "corp." ("GMAC": General Motors Acceptance Corp.)


def _partial_person(a: NameKey, b: NameKey) -> bool:
    """"Kerry" ~ "John Kerry", "Ban" ~ "Ban Ki-moon": a shorter name at either end of a longer one."""
    if "PERSON" not in (a.label, b.label):
        return False
    short, long_ = (a.words, b.words) if len(a.words) < len(b.words) else (b.words, a.words)
    if len(short) == len(long_):
        return False
    if a.regnal != b.regnal and _another_than_royal(a if a.words is long_ else b):
        return False  # "King Hussein" is not "Saddam Hussein", "Queen Elizabeth" not "Elizabeth Warren": only the whole name
    # a body named after a person is not the person: "Trump" is not "Trump University" (a name written surname first,
    # "Ban" ~ "Ban Ki-moon", is a person's)
    if long_[: len(short)] == short and long_[-len(short) :] != short and (b.label if long_ is b.words else a.label) != "PERSON":
        return False
    # a one-word country or org name is not a surname ("Jordan" the country)
    if len(short) == 1 and (countries.country_from_name(short[0].title()) or countries.country_from_demonym(short[0])):
        return False
    return long_[-len(short) :] == short or long_[: len(short)] == short


def _another_than_royal(full: NameKey) -> bool:
    """Is a longer name, next to a royal's shorter one, someone else's: named with another title ("President Saddam
    Hussein" beside "King Hussein"), or a given name and a surname ("Elizabeth Warren" beside "Queen Elizabeth")? A royal's
    own full name carries neither ("Norodom Ranariddh" beside "Prince Ranariddh")."""
    return full.office or (not full.regnal and is_given_name(full.words[0].title()))


def _another_person(a: NameKey, b: NameKey) -> bool:
    """Two full person names of one surname whose given names differ ("Bill Clinton", "Hillary Clinton"): two people,
    whatever shorter name ("Clinton") links each to a cluster. Only known given names count, so a headline word
    before a name ("Says Clinton") or an initial does not split a person; a nickname ("Bill", "William") does. One of
    the two may be tagged otherwise ("CLEVELAND - Donald Trump" read as an organisation): two given names still say
    two people ("Ivanka Trump" is not the cluster of that "Donald Trump")."""
    if "PERSON" not in (a.label, b.label) or len(a.words) < 2 or len(b.words) < 2 or a.words[-1] != b.words[-1]:
        return False
    first_a, first_b = _unaccented(a.words[0]), _unaccented(b.words[0])
    if first_a == first_b or first_a.startswith(first_b) or first_b.startswith(first_a) or _one_letter_apart(first_a, first_b):
        return False  # a short form, an accent or a misspelling ("Hilary Clinton") of one given name
    shorter, longer = sorted((a.words, b.words), key=len)
    if set(shorter) <= set(longer):
        return False  # "Miguel Gonzalez" of "Juan Miguel Gonzalez"
    if not (is_given_name(a.words[0].title()) and is_given_name(b.words[0].title())):
        return False
    forms = _name_forms()
    return not (forms.get(first_a, set()) & forms.get(first_b, set()))


@cache
def _name_forms() -> dict[str, set[int]]:
    """Each form of a given name → the names (lines of given_name_forms.txt) it is a form of."""
    out: dict[str, set[int]] = {}
    for n, line in enumerate(load_list("given_name_forms.txt")):
        for form in line.split():
            out.setdefault(form, set()).add(n)
    return out


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter more, fewer or other, in names of four letters or more."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def cluster_names(mentions: list[Mention]) -> list[Cluster]:
    """Group name mentions into clusters, in text order.

    A mention joins the cluster it fits best (full name before surname),
    the most recently mentioned one on a tie; otherwise it starts a new one.
    A shorter name met first ("Kerry") is joined by the fuller one later.
    """
    clusters: list[Cluster] = []
    keys: dict[int, set[NameKey]] = {}  # cluster index → its distinct name keys
    index = _KeyIndex()
    cache: dict[tuple[str, str, bool, bool], NameKey] = {}
    couples: set[int] = set()  # the clusters of "Mr and Mrs Ahmadi": two people, whom no one's name joins
    unsure: set[int] = set()  # the clusters of a surname left as written, two full names fitting it ("Dr Lee")
    bodies = _body_surnames(mentions)
    for m in sorted(mentions, key=lambda x: x.start):
        left_unsure = False
        flag = (m.text, m.label, regnal(m), bool(m.titles))
        key = cache.get(flag) or cache.setdefault(flag, name_key(m))
        m.body_name = len(key.words) == 1 and key.words[0] in bodies and not _person_marked(m)
        fits: dict[int, int] = {}
        paired = couple(m)
        if paired:
            m.gender = None  # "Mrs" of "Mr and Mrs Ahmadi" is one of the two's
        for i, k in ([] if paired else index.candidates(key)):
            if i not in couples:
                fits[i] = max(fits.get(i, 0), _fit(key, k))
        for i in [i for i in fits if fits[i] == 2 and _only_by_country_prefix(m, key, keys[i], clusters[i])]:
            fits[i] = 0  # "Russia's Foreign Ministry" is not the "Chinese Foreign Ministry" named before
        for i in [i for i in fits if fits[i] and _body_and_person(m, clusters[i])]:
            fits[i] = 0  # "Ford said its profits fell", "Ford shares": not Harrison Ford, whichever comes first
        for i in [i for i in fits if fits[i] and any(_another_person(key, k) for k in keys[i])]:
            fits[i] = 0  # "Bill Clinton" fits the "Clinton" of a cluster that is Hillary Clinton's: not hers
        if m.honorific and len(key.words) == 1:
            for i in [i for i in fits if fits[i] == 2 and not any(k.words == key.words for k in keys[i])]:
                fits[i] = 1  # "Mr Trump" fits "Donald Trump" in full only by the gazetteer's alias: a surname still
                # (his son "Eric Trump" shares it: which of the two, the rules below for a shared surname decide)
        addressed = m.gender if m.honorific or m.titles else None  # the gender an honorific or a title says
        if addressed:
            alone = len(key.words) == 1  # a surname alone, fitting in full only by the gazetteer's alias ("Sunak")
            for i in [i for i in fits if (fits[i] == 1 or alone) and _full_name_gender(clusters[i]) not in (None, addressed)]:
                fits[i] = 0  # "Mrs Clinton" by the surname alone is not Bill Clinton: his wife, or left as written
            for i in [i for i in fits if fits[i] and _full_name_gender(clusters[i]) is None
                      and _addressed_gender(clusters[i]) not in (None, addressed)]:
                fits[i] = 0  # "Mr Grant" after "Leslie Grant ... Ms Grant" (a given name of either sex): not her
            if any(fits[i] and i not in unsure and _full_name_gender(clusters[i]) == addressed for i in fits):
                for i in [i for i in fits if i in unsure]:
                    fits[i] = 0  # "Mr Biden" after Joe and Jill Biden and a "Dr Biden" left as written: Joe Biden, whom
                    # his gender fits, not the surname that could be either
        if len(key.words) >= 2 and (own := _own_gender(m)):
            for i in [i for i in fits if fits[i] and _full_name_gender(clusters[i]) is None
                      and _addressed_gender(clusters[i]) not in (None, own)]:
                fits[i] = 0  # "Rishi Sunak" after "Mrs Sunak" (no full name yet): not her, whichever comes first
        if m.gender and len([i for i in fits if fits[i]]) > 1:
            for i in [i for i in fits if fits[i] and _full_name_gender(clusters[i]) not in (None, m.gender)]:
                fits[i] = 0  # "Mr. Grayson" is not Mary Grayson, though the bare "Grayson" was linked to her before
            left = [i for i in fits if fits[i]]
            if any(_full_name_gender(clusters[i]) == m.gender for i in left):
                for i in [i for i in left if _full_name_gender(clusters[i]) is None and _cluster_gender(clusters[i]) not in (None, m.gender)]:
                    fits[i] = 0  # "Mr. Jones" is Mark Jones, not Kim Jones whom "Ms. Jones" named (a given name of either sex)
        if sum(1 for f in fits.values() if f == 1) > 1 and max(fits.values()) == 1:
            for i in _shared_surname_misfits(m, key, {i for i in fits if fits[i] == 1}, clusters, keys):
                fits[i] = 0
            ones = [i for i in fits if fits[i] == 1]
            if (addressed or m.honorific or m.titles) and len(ones) > 1 and any(
                    _another_person(a, b) for i in ones for j in ones if i < j for a in keys[i] for b in keys[j]):
                same = [i for i in ones if _same_honorific(m, clusters[i])]
                if same and (hg := _honorific_gender(m)) and any(
                        _full_name_gender(clusters[i]) in (None, hg) for i in ones if i not in same):
                    same = []  # "Mr Lee" after "Mr David Lee" and his brother Peter Lee: "Mr" fits both, tells nothing
                for i in fits:
                    if same != [i]:
                        fits[i] = 0  # "Mr Lee" after Peter Lee and David Lee, "Dr Lee" after Peter and Ann Lee, nothing
                        # telling which: left as written (the one full name with its honorific decides: "Dr Jill Biden";
                        # not a gender's honorific the other fits too, review 18l)
                left_unsure = len(same) != 1
                # (not two clusters of one person, "Patrick Shanahan" and "Patrick M. Shanahan": the best fit below)
        best, best_at = 0, -1
        for i in sorted(fits):
            fit, c = fits[i], clusters[i]
            # best fit wins; among equals, the most recently mentioned cluster
            if fit and (fit, c.mentions[-1].start) > (best, clusters[best_at].mentions[-1].start if best_at >= 0 else -1):
                best, best_at = fit, i
        if best_at >= 0:
            clusters[best_at].add(m)
            if key not in keys[best_at]:
                keys[best_at].add(key)
                index.add(best_at, key)
        else:
            c = Cluster()
            c.add(m)
            if paired:
                couples.add(len(clusters))
            if left_unsure:
                unsure.add(len(clusters))
            keys[len(clusters)] = {key}
            index.add(len(clusters), key)
            clusters.append(c)
    clusters = _company_short_forms(clusters)
    for c in clusters:
        c.label = cluster_label(c)
    return clusters


def _body_surnames(mentions: list[Mention]) -> frozenset[str]:
    """The words the article marks as a body's name (`lexicon.bodies.body_words`: "Ford shares", "at Ford") that
    also name a person in it: the first or last word of a person's name of two words or more ("Harrison Ford"), or
    a name with a person's marks ("Mr. Ford"). Only those are read as a body's wherever written alone (a word no
    person shares keeps its reading as before: the tagger's person with nothing else saying so is dropped)."""
    if not mentions:
        return frozenset()
    bodies = body_words(mentions[0].doc)
    if not bodies:
        return frozenset()
    people = set()
    for x in mentions:
        words = name_tokens(x)
        if words and ((x.label == "PERSON" and len(words) > 1) or _person_marked(x)):
            people.update((words[0], words[-1]))
    return bodies & people


def _person_marked(m: Mention) -> bool:
    """Does the mention carry a person's marks of its own: an honorific, a title, a gender, a relative's noun?"""
    return bool(m.honorific or m.titles or m.gender or m.kin)


def _body_and_person(m: Mention, c: Cluster) -> bool:
    """Is one of the two a one-word name the article uses as a body's (`Mention.body_name`: "Ford shares", "at
    Ford", "Ford's profits", `lexicon.bodies.body_words`), the other a person's name ("Harrison Ford", "Mr. Ford")? Then they
    stay apart: the company's statements and acts are not the person's of that surname. (Session twenty-one; the
    quotes stage reads a speaker's so, `_uncoded_one_word_body`.)"""
    if m.body_name:
        return any(not x.body_name and (x.label == "PERSON" or _person_marked(x)) for x in c.names)
    return (m.label == "PERSON" or _person_marked(m)) and bool(c.names) and all(x.body_name for x in c.names)


def _honorific_word(m: Mention) -> str | None:
    """The honorific written before a name mention ("Dr" of "Dr. Jill Biden"), lower case without its full stop."""
    if not m.honorific or m.start == 0 or not _honorific(m.doc[m.start - 1].text):
        return None
    return m.doc[m.start - 1].lower_.rstrip(".")


def _honorific_gender(m: Mention) -> str | None:
    """The gender the honorific written before `m` gives ("m" for "Mr", none for "Dr"), if any."""
    h = _honorific_word(m)
    row = title_lookup(h) if h else None
    return (row.gender or None) if row is not None else None


def _same_honorific(m: Mention, c: Cluster) -> bool:
    """Does a full name of cluster `c` carry the honorific `m` is written with ("Dr Jill Biden" for "Dr Biden")?"""
    h = _honorific_word(m)
    return h is not None and any(len(name_tokens(x)) >= 2 and _honorific_word(x) == h for x in c.names)


def couple(m: Mention) -> bool:
    """Is a surname written after two honorifics joined by "and" ("Mr and Mrs Ahmadi", "Mr. & Mrs. Lee")? It names
    a couple: neither of the two, nor anyone one of them is linked to."""
    doc, i = m.doc, m.start - 1
    if not m.honorific or i < 2 or not _honorific(doc[i].text):
        return False
    return doc[i - 1].lower_ in ("and", "&") and _honorific(doc[i - 2].text)


def _shared_surname_misfits(m: Mention, key: NameKey, fitting: set[int], clusters: list[Cluster], keys: dict[int, set[NameKey]]) -> set[int]:
    """A bare surname ("Trump") that several people of the article share ("Donald Trump", "Ivanka Trump"): the
    clusters of those it does not stand for, by the text's evidence, strongest first: a gender its honorific or
    title gives ("Mr. Trump") that only some of them have; a title ("President Trump") only some of them were given;
    the bare surname's use so far (only some of them were called by it before: a family member named in full later
    does not take over the surname the article already uses for another). The cluster most recently mentioned wins
    among those left (`cluster_names`)."""
    left = set(fitting)
    gender = m.gender

    def narrow(keep) -> None:
        nonlocal left
        kept = {i for i in left if keep(i)}
        if kept:
            left = kept

    if gender:
        narrow(lambda i: _cluster_gender(clusters[i]) == gender)
    titles = {t.lower() for t in m.titles}
    if titles:
        narrow(lambda i: any(t.lower() in titles for x in clusters[i].mentions for t in x.titles))
    narrow(lambda i: any(k.words == key.words for k in keys[i]))
    return fitting - left


def _full_name_gender(c: Cluster) -> str | None:
    """The gender a cluster's full names give (two words or more: an honorific's on one, else its given name's, else
    a title's: a title of one gender, "spokesman", is given to women too). Not a bare surname's honorific: "Mrs. Khan" linked by its surname to Khizr Khan's cluster says nothing of
    him, and made "Mr. Khan" go to his wife (PolNeAR train)."""
    full = [x for x in c.names if len(name_tokens(x)) >= 2]
    for x in full:
        if x.gender and x.honorific:
            return x.gender
    for x in full:
        if (row := known.lookup(x.text)) is not None and row.type == "PERSON" and row.gender:
            return row.gender  # a well-known person's, whose name may open with the surname ("Kim Jong Un": Kim, either sex)
    for x in full:
        if (g := given_name_gender(x.text.split()[0])):
            return g  # before a title's: "spokesman Anna Kovac", "Congressman Nancy Mace" are women
    for x in full:
        if x.gender:
            return x.gender
    return None


def _own_gender(m: Mention) -> str | None:
    """The gender a full name says of itself: its honorific's ("Mrs Ann Lee"), the gazetteer's for a well-known
    person, else its given name's (not a title's: "spokesman" is given to women too)."""
    if m.honorific and m.gender:
        return m.gender
    if (row := known.lookup(m.text)) is not None and row.type == "PERSON" and row.gender:
        return row.gender
    return given_name_gender(m.text.split()[0])


def _addressed_gender(c: Cluster) -> str | None:
    """The gender the honorifics of a cluster's names say ("Mrs Sunak"), when they agree."""
    said = {x.gender for x in c.names if x.honorific and x.gender}
    return said.pop() if len(said) == 1 else None


def _cluster_gender(c: Cluster) -> str | None:
    """The gender a cluster's names give: an honorific's or a gendered title's, else a given name's."""
    for x in c.names:
        if x.gender:
            return x.gender
    for x in c.names:
        words = x.text.split()
        if len(words) >= 2 and (g := given_name_gender(words[0])):
            return g
    return None


def _company_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """A company's short form joins the company: "RMS" ... "RMS International Inc.", "McCaw" ... "McCaw Cellular
    Communications Inc." (the surname rule's analogue for organisations).

    A cluster named by one form only, tagged ORG or NORP (not a people's word, not a country), joins the one cluster
    with a name tagged ORG that begins with that form and ends in a legal form (`data/org_suffixes.txt`: Inc.,
    Corp., Co., PLC, ...) and is written before the short form's first mention (news names a company in full first);
    with two or more such companies ("Society Corp.", "Society Bank Co.") it stays apart, and a name holding a place
    is a subsidiary's ("Orkem Coatings U.K. Ltd." is not Orkem).
    """
    companies = [(c, name_tokens(m), m) for c in clusters for m in c.names if m.label == "ORG" and _legal_form(m) and not _names_a_place(m)]
    if not companies:
        return clusters
    merged: set[int] = set()
    for c in clusters:
        forms = {name_tokens(m) for m in c.names}
        if len(forms) != 1 or any(m.label not in ("ORG", "NORP") or m.demonym for m in c.names):
            continue
        short = next(iter(forms))
        if not short or countries.country_from_name(c.names[0].text) or countries.country_from_demonym(c.names[0].text):
            continue
        first = c.mentions[0].start
        hits = {
            id(k): k
            for k, words, m in companies
            if k is not c and id(k) not in merged and m.start < first and len(words) > len(short) and words[: len(short)] == short
        }
        if len(hits) == 1:
            (target,) = hits.values()
            for m in c.mentions:
                target.add(m)
            merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


def _names_a_place(m: Mention) -> bool:
    return any(countries.country_from_name(t.text) or t.ent_type_ in ("GPE", "LOC") for t in m.span)


def _legal_form(m: Mention) -> bool:
    words = [t.text.replace(".", "").lower() for t in m.span if not t.is_punct]
    return len(words) >= 2 and words[-1] in legal_forms()


class _KeyIndex:
    """The clusters' name keys by what `_fit` compares, so that a name is compared only with keys it may fit.

    Every key with a nonzero fit to a name shares with it its words, its country, its gazetteer name, its
    letters as the other's initials (either way round), or, for a partial person name, a prefix or suffix of
    the longer one's words.
    """

    def __init__(self) -> None:
        self._by: dict[tuple, list[tuple[int, NameKey]]] = {}

    def add(self, cluster: int, key: NameKey) -> None:
        if not key.words:
            return  # fits nothing
        for feature in self._features(key):
            self._by.setdefault(feature, []).append((cluster, key))

    def candidates(self, key: NameKey) -> list[tuple[int, NameKey]]:
        if not key.words:
            return []
        out: list[tuple[int, NameKey]] = []
        for feature in self._lookups(key):
            out += self._by.get(feature, ())
        return out

    @staticmethod
    def _affixes(words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The proper prefixes and suffixes of a name's words."""
        return [words[:n] for n in range(1, len(words))] + [words[-n:] for n in range(1, len(words))]

    def _features(self, key: NameKey) -> list[tuple]:
        """What a cluster's key is filed under."""
        affixes = [("affix", a) for a in set(self._affixes(key.words))]
        return _present([("words", key.words), *affixes, ("country", key.country), ("known", key.known),
                         ("initials", key.initials), ("letters", key.letters)])

    def _lookups(self, key: NameKey) -> list[tuple]:
        """Where the keys a name may fit are filed: its letters among initials and its initials among letters."""
        shorter = [("words", a) for a in set(self._affixes(key.words))]
        return _present([("words", key.words), ("affix", key.words), *shorter, ("country", key.country),
                         ("known", key.known), ("initials", key.letters), ("letters", key.initials)])


def _present(features: list[tuple]) -> list[tuple]:
    return [f for f in features if f[1]]


def cluster_label(c: Cluster) -> str:
    """One entity, one type: the majority label of its names (a person title makes it PERSON)."""
    label = _label(c)
    if label == "PERSON" and not c.known and c.names and all(m.body_name for m in c.names):
        return "ORG"  # "Dell shares", "Dell said it would cut jobs": a body's name, though tagged a person's
    return label


def _label(c: Cluster) -> str:
    if c.known:
        return c.known.type
    if any(m.gender or m.titles for m in c.names):
        return "PERSON"
    if all(countries.country_of(m.text) for m in c.names):
        return "GPE"  # "Sri Lanka", "Rotterdam" tagged PERSON: a place, with nothing saying person
    votes = [m.label for m in c.names]
    if "PERSON" in votes and any(len(name_tokens(m)) > 1 for m in c.names if m.label == "PERSON"):
        # "Sergei Lavrov" (PERSON) outweighs a stray "Lavrov" (ORG)
        return "PERSON"
    return max(LABEL_PRIORITY, key=lambda lab: (votes.count(lab), -LABEL_PRIORITY.index(lab)))
