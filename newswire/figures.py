"""The `figures` stage: reported counts of people killed, injured, displaced, arrested, ...

A figure is a number (or a vague count: "dozens", "hundreds") that counts
people something happened to: "more than 1,400 people were killed", "has
displaced at least six million", "20 dead". What happened comes from a word
of `data/figures.tsv` governing the counted noun or being it; numbers nothing
happened to (money, years, votes) are left alone. Qualifiers ("more than",
"at least", "about") and ranges ("between 20 and 30") set low and high.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache

from spacy.attrs import IS_SPACE, LOWER, POS
from spacy.parts_of_speech import NUM
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from . import timex
from .document import Document
from .lexicon import countries, numbers
from .lexicon import load_table
from .lexicon.tables import FigureWord
from .records import Entity, Figure, Quote, Time

# Qualifier phrases are looked for at most this many words before the number.
QUALIFIER_WORDS = 3
# A four-digit number in this range that the parser tags as part of a date is a year, not a count.
YEARS = (1800, 2100)
# Prepositions whose object is where something happened ("killed 40 people in Nairobi"); a closed class: the rule.
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "throughout"})
# The parser's labels of place names.
PLACE_LABELS = frozenset({"GPE", "LOC"})
# The periods a body figure's date may be for it to be the count of an undated headline (dated by the publication):
# one with a day in the HEADLINE_WEEK days up to the publication (`_without_headline_repeats`).
SAME_COUNT_GRAINS = frozenset({"day", "week", "weekend", "month"})
HEADLINE_WEEK = 6
# A date, a month or a year ("2012", "2015-11", "2015-11-13"): what a sentence's other time is when it dates a count.
_DATED = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@cache
def _words() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for row in load_table("figures.tsv", FigureWord):
        table.setdefault(row.kind, {})[row.word.lower()] = row.value
    return table


def extract_figures(
    doc: Doc,
    entities: list[Entity],
    quotes: list[Quote],
    times: list[Time],
    *,
    published: str | None = None,
    context: Document | None = None,
) -> list[Figure]:
    """The reported counts of a parsed article, in text order.

    quotes, times: the earlier stages' output for the same doc: who reports a count, and when it happened.
    published: the publication date (YYYY-MM-DD), None when unknown: the date of a count no time expression dates.
    context: the document context (`newswire.document`; `pipeline.analyze_parsed` passes it).
    """
    ctx, published = Document.given(doc, context, published)
    out = []
    seen: set[int] = set()
    for i in _may_count(doc):
        tok = doc[i]
        if i in seen or not _is_count(tok):
            continue
        head = _number_head(tok)
        if head.i in seen:
            continue
        words = _number_words(head)
        seen.update(t.i for t in head.children if t.pos_ == "NUM")
        seen.update(t.i for t in words)
        seen.update(c.i for c in head.children if c.dep_ == "conj")
        figure = _figure(ctx, words, head, quotes, times, published, entities)
        if figure is not None:
            out.append(figure)
    return _without_headline_repeats(ctx, out, published)


def _without_headline_repeats(ctx: Document, figures: list[Figure], published: str | None = None) -> list[Figure]:
    """A headline's figure that the body states again ("Two killed in Kisumu" over "Two people were killed ...") is
    one count, not two: the body's is kept (with its sentence, source and date), and takes the headline's places when
    its sentence names none. The same count: the same `what` and value (or range), counting people or the same noun, and
    the same date ("Two killed in Kisumu" over "In 2019, two people were killed ..." is another count: the headline's
    stays; an undated figure and a dated one are not the same). A headline no time expression dates has the
    publication date; it is the same as a body day in the week up to it ("... officials said on Sunday"), and as a
    body week or month that has a day in that week ("... were killed last week", "... in March" published on 2 April;
    not a month the week misses, nor a year or season: too long to say it is that count)."""
    lines = [(ctx.doc[a].idx, ctx.doc[b - 1].idx + len(ctx.doc[b - 1])) for a, b in ctx.headline_lines if b > a]
    if not lines:
        return figures
    people = _words()["people"]

    def same(a: Figure, b: Figure) -> bool:
        units = {u for u in (a.unit, b.unit) if u is not None and u not in people}
        return (a.what == b.what and (a.value, a.low, a.high) == (b.value, b.low, b.high) and len(units) <= 1
                and same_date(a.date, b.date))

    def same_date(head: str | None, body: str | None) -> bool:
        if head == body:
            return True
        if head is None or body is None or head != published:
            return False
        point, span = timex.parse_value(body), timex.period(body)
        if point is None or span is None or point.grain not in SAME_COUNT_GRAINS:
            return False
        try:
            day = date.fromisoformat(head)
        except ValueError:
            return False
        return span[0] <= day and day - timedelta(days=HEADLINE_WEEK) <= span[1]

    def in_headline(f: Figure) -> bool:
        return any(start <= f.start and f.end <= end for start, end in lines)

    kept = []
    for f in figures:
        body = next((b for b in figures if not in_headline(b) and same(f, b)), None) if in_headline(f) else None
        if body is None:
            kept.append(f)
        elif not body.places:
            body.places = list(f.places)
    return kept


def _may_count(doc: Doc) -> list[int]:
    """The indices of the tokens that pass `_is_count`'s first test (a number or a vague count word, no space), read from
    arrays: most tokens fail it, and making a `Token` for each costs more than the test."""
    vague = _vague_ids()
    rows = doc.to_array([POS, LOWER, IS_SPACE]).tolist()
    return [i for i, (pos, lower, space) in enumerate(rows) if (pos == NUM or lower in vague) and not space]


@cache
def _vague_ids() -> frozenset[int]:
    """The string ids (`Token.lower`) of the vague count words."""
    return frozenset(hash_string(w) for w in _words()["vague"])


def _is_count(tok: Token) -> bool:
    if not ((tok.pos_ == "NUM" or tok.lower_ in _words()["vague"]) and not tok.is_space):
        return False  # first: most words are no number, and the entity tags cost more to read
    if tok.ent_type_ in ("TIME", "MONEY", "PERCENT", "ORDINAL"):
        return False
    if tok.ent_type_ == "DATE" and (tok.dep_ != "nummod" or _year(tok)):  # "between 20 and 30 people" is often tagged a date
        # and so is a tally's value ("put the number of injured at 52 after the storm"): a tally counts, it dates nothing
        return not _year(tok) and _stated_tally(tok)[0] is not None
    return True


def _year(tok: Token) -> bool:
    """"the 1999 shooting": a four-digit number in a date is a year."""
    return len(tok.text) == 4 and tok.text.isdigit() and YEARS[0] <= int(tok.text) <= YEARS[1]


def _number_head(tok: Token) -> Token:
    """The last word of a number ("million" in "six million")."""
    while tok.dep_ in ("compound", "quantmod", "nummod") and tok.head.pos_ == "NUM" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _number_words(head: Token) -> list[Token]:
    """The words of one number ("six million", "2.5 million", "twenty-nine", "one hundred and twenty"), not the
    other end of a range ("20 to 30")."""
    doc = head.doc
    words = [head]
    for c in head.children:
        if c.pos_ == "NUM" and c.i < head.i and not _range_start(c, head):
            words.append(c)
        elif c.dep_ == "conj" and c.i == head.i + 2 and _one_number(head, doc[head.i + 1], c):
            words.append(c)  # "hundred and twenty"
    words.sort(key=lambda t: t.i)
    first = words[0]
    if first.i >= 2 and doc[first.i - 2] not in words and _one_number(doc[first.i - 2], doc[first.i - 1], first):
        words.insert(0, doc[first.i - 2])  # "Twenty-nine" opening a sentence: the parser may not tag "Twenty" a number
    return words


def _range_start(c: Token, head: Token) -> bool:
    joint = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
    return c.i + 2 == head.i and joint.lower_ in ("to", "-", "and") and not _one_number(c, joint, head)


def _one_number(first: Token, joint: Token, second: Token) -> bool:
    """Whether "first joint second" is one number written in words, not a range: a tens word hyphened to a units
    word with no space ("twenty-nine": 29, where "20-30" and "twenty - thirty" are ranges), or a scale word, "and" and
    a smaller number ("hundred and twenty": 120, where "between 20 and 30" is a range)."""
    kinds = numbers.number_words()
    first_kind, second_kind = kinds.get(first.lower_, ("", ""))[1], kinds.get(second.lower_, ("", ""))[1]
    if joint.text == "-":
        return not first.whitespace_ and not joint.whitespace_ and first_kind == "tens" and second_kind == "unit"
    return joint.lower_ == "and" and first_kind == "scale" and second_kind in ("unit", "tens")


def _value(words: list[Token]) -> float | None:
    return numbers.number_value([w.text for w in words])


def _figure(ctx: Document, words: list[Token], head: Token, quotes: list[Quote], times: list[Time], published: str | None,
            entities: list[Entity]) -> Figure | None:
    doc = ctx.doc
    counted = head.head if head.dep_ == "nummod" else head
    outer = None  # "hundreds" in "hundreds of thousands of people": hundreds × 1,000 of the people
    if head.lower_ in _words()["vague"]:
        if _scaled_by(head) is not None:
            return None  # the "hundreds" of "hundreds of thousands": the count is made at "thousands"
        outer = _multiplier(head)
        counted = head  # "hundreds of people": the count is the head
        obj = _of_object(head)
        unit_tok = obj
    else:
        unit_tok = counted if counted is not head else None
    what = _what(counted) or (_what(unit_tok) if unit_tok is not None else None)
    stater = None
    if what is None and counted is head:
        what, unit_tok, stater = _stated_tally(head)
    if what is None:
        return None
    low = high = value = None
    vague = _words()["vague"].get(head.lower_)
    if vague:
        low, high = (float(x) for x in vague.split("-"))
        if outer is not None:  # hundreds of thousands: 200,000-999,999
            scale = _scale(head)
            low, high = (float(x) for x in _words()["vague"][outer.lower_].split("-"))
            low, high = low * scale, (high + 1) * scale - 1
    else:
        value = _value(words)
        if value is None:
            return None
    start_tok = outer if outer is not None else words[0]
    qualifier = None
    rng = _range(head, words)
    if rng is not None:
        start_tok, low, high, value = rng[0], rng[1], rng[2], None
    else:
        q = _qualifier(doc, start_tok)
        if q is not None:
            start_tok, qualifier, bound = q
            # a vague count keeps the end the qualifier does not move: "at least hundreds" is 200 or more
            if bound == "low":
                low, high = (value, None) if value is not None else (low, None)
            elif bound == "high":
                low, high = (None, value) if value is not None else (None, high)
    end_tok = unit_tok if unit_tok is not None and unit_tok.i > head.i else head
    start, end = start_tok.idx, end_tok.idx + len(end_tok)
    unit = unit_tok.lemma_.lower() if unit_tok is not None else _sibling_unit(counted)
    return Figure(
        start=start,
        end=end,
        text=doc[start_tok.i : end_tok.i + 1].text,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        what=what,
        reported_by=ctx.reporters(quotes).at(start) or (_entity_at(entities, stater) if stater is not None else None),
        date=_date(ctx, times, head, start, end, published),
        places=_places(ctx, head),
    )


def _date(ctx: Document, times: list[Time], head: Token, start: int, end: int, published: str | None) -> str | None:
    """The date of the clause (`Document.date_for`); when no time expression governs it, the one date its sentence
    gives that is another time than the publication's ("the 2012 attacks that killed four Americans": 2012; "a
    shooting last month that killed three": the month), else the publication date."""
    date = ctx.date_for(times, start, end, published=published)
    if date != published or published is None:
        return date
    sent = head.sent
    other = {t.value for t in times if t.type == "DATE" and sent.start_char <= t.start and t.end <= sent.end_char
             and _DATED.fullmatch(t.value) and not (published.startswith(t.value) or t.value.startswith(published))}
    return other.pop() if len(other) == 1 else date



def _places(ctx: Document, tok: Token) -> list[str]:
    """The countries of the places `tok`'s sentence says something happened in: the place names a locative
    preposition takes ("in Kenya and Tanzania", "in Nairobi, Kenya", "in the capital of Kenya"), sorted; a name that
    only modifies a noun ("U.S. embassies", "Tanzanian capital") is none, and so is the place of another count
    ("killed 247 people in Kenya and 10 in Tanzania": Kenya only for the 247)."""
    found = set()
    for prep in tok.sent:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS or _of_another_count(prep, tok):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for place in _place_names(obj):
                geo = ctx.geo(place.text, place.start_char)
                code = geo.country if geo is not None else countries.country_of(place.text)
                if code:
                    found.add(code)
    return sorted(found)


def _of_another_count(prep: Token, number: Token) -> bool:
    """Whether the phrase `prep` opens hangs on a number other than the figure's (its head, or a word above it)."""
    tok = prep.head
    while tok.i != number.i:
        if tok.pos_ == "NUM" and tok.dep_ != "nummod" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return True  # "10 in Tanzania"; not "one of many" (a number that counts no one)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _place_names(obj: Token) -> list:
    """The place names (the parser's GPE and LOC spans) of a preposition's object: itself, its conjuncts and
    appositions, and the object of its "of" when it has no place of its own ("the capital of Kenya"; not "embassies
    of the United States in Kenya")."""
    names, stack = {}, [obj]
    while stack:
        t = stack.pop()
        if t.ent_type_ in PLACE_LABELS:
            span = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if span is not None:
                names[span.start] = span
        located = any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS for c in t.children)
        for c in t.children:
            if c.dep_ in ("conj", "appos"):
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ == "of" and not located:
                stack.extend(g for g in c.children if g.dep_ == "pobj")
    return [names[k] for k in sorted(names)]


def _scale(tok: Token) -> float:
    """What a vague count of round units counts in ("thousands" 1,000, "millions" 1,000,000, "hundreds" 100: its
    low end is two of them), else 0: "dozens" or "scores" are no unit another vague count multiplies."""
    vague = _words()["vague"].get(tok.lower_)
    if not vague:
        return 0.0
    unit = float(vague.split("-")[0]) / 2
    return unit if unit >= 100 and math.log10(unit).is_integer() else 0.0


def _multiplier(tok: Token) -> Token | None:
    """The vague count right before "of `tok`" that `tok`'s unit multiplies ("hundreds" for the "thousands" of
    "hundreds of thousands"), read off the words: the parser attaches it either way."""
    doc = tok.doc
    if _scale(tok) and tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in _words()["vague"]:
        return doc[tok.i - 2]
    return None


def _scaled_by(tok: Token) -> Token | None:
    """The vague count of round units after "`tok` of" that makes the count `tok` is the multiplier of."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and _multiplier(doc[tok.i + 2]) is tok:
        return doc[tok.i + 2]
    return None


def _of_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _what(noun: Token) -> str | None:
    """What happened to the counted people: the noun itself ("deaths", "refugees") or the verb they hang on."""
    table = _words()["what"]
    own = table.get(noun.lemma_.lower()) or table.get(noun.lower_)
    if own:
        return own
    for c in noun.children:  # "20 people dead", "15 wounded"
        if c.dep_ in ("amod", "acl") and (table.get(c.lemma_.lower()) or table.get(c.lower_)):
            return table.get(c.lemma_.lower()) or table.get(c.lower_)
    verb = noun.head
    if noun.dep_ in ("nsubjpass", "dobj", "nsubj", "appos") and verb.pos_ in ("VERB", "ADJ", "AUX"):
        return table.get(verb.lemma_.lower())
    return None


def _stated_tally(number: Token) -> tuple[str | None, Token | None, Token | None]:
    """"put the death toll at 11", "estimated the number of people killed at 30", "the toll of dead rose to 30": a
    number that a `states` verb's preposition takes, counting what the verb's tally noun (its object, else its
    subject) says it counts: its compound ("death toll": killed) or its "of" ("number of injured", "number of people
    killed"). (what, the counted noun when the "of" names one, who states it: the subject of a verb whose object is
    the tally), or Nones: a tally that says not what it counts ("put the toll at 11", "the figure") is none."""
    none = None, None, None
    prep = number.head
    if number.dep_ != "pobj" or prep.dep_ != "prep":
        return none
    # the verb the preposition hangs on, or the one above the tally when the parser hangs it inside the tally's "of"
    # ("estimated [the number of people killed] at 30": "at" on "killed")
    verb = next((t for t in (prep.head, *list(prep.head.ancestors)[:5])
                 if t.pos_ == "VERB" and _words()["states"].get(t.lemma_.lower()) == prep.lower_), None)
    if verb is None:
        return none
    tallies, table = _words()["tally"], _words()["what"]
    for dep in ("dobj", "nsubj", "nsubjpass"):
        noun = next((c for c in verb.children if c.dep_ == dep), None)
        if noun is None or noun.lemma_.lower() not in tallies:
            continue
        if prep.head.i != verb.i and noun.i not in {prep.head.i, *(t.i for t in prep.head.ancestors)}:
            return none  # the preposition hangs on something else than the tally
        stater = next((c for c in verb.children if c.dep_ == "nsubj"), None) if dep == "dobj" else None
        for c in noun.children:
            if c.dep_ == "compound" and (table.get(c.lemma_.lower()) or table.get(c.lower_)):
                return table.get(c.lemma_.lower()) or table.get(c.lower_), None, stater
        counted = _of_object(noun)
        what = _what(counted) if counted is not None else None
        if what is None:
            return none
        # "the number of people killed": people; "the number of injured": no noun
        return what, counted if counted.pos_ in ("NOUN", "PROPN") and not table.get(counted.lemma_.lower()) else None, stater
    return none


def _entity_at(entities: list[Entity], tok: Token) -> str | None:
    """The id of the entity a mention of which covers `tok` (who states a tally: "the interior ministry has put ..."),
    None when the entity is named after a later mention ("Officials put the toll at 11. ... sacked three officials":
    the entity "three officials" is another group than the subject; the figure's source is left out)."""
    for e in entities:
        covering = next((m for m in e.mentions if m.start <= tok.idx < m.end), None)
        if covering is None:
            continue
        named = next((m for m in e.mentions if e.name and m.text.lower().endswith(e.name.lower())), None)
        return None if named is not None and named.start > covering.start else e.id
    return None


def _sibling_unit(counted: Token) -> str | None:
    """"killed 100,000 people and displaced six million": the unit of the coordinated count."""
    verb = counted.head
    if counted.dep_ != "dobj" or verb.dep_ != "conj":
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if obj is not None and any(c.dep_ == "nummod" for c in obj.children):
        return obj.lemma_.lower()
    return None


def _qualifier(doc: Doc, first: Token) -> tuple[Token, str, str] | None:
    table = _words()["qualifier"]
    for n in range(QUALIFIER_WORDS, 0, -1):
        if first.i - n < 0:
            continue
        words = doc[first.i - n : first.i]
        phrase = " ".join(t.lower_ for t in words)
        if phrase in table:
            return words[0], phrase, table[phrase]
    return None


def _range(head: Token, words: list[Token]) -> tuple[Token, float, float] | None:
    """"between 20 and 30", "20 to 30": (first word, low, high) when the number opens a range (`words`: the number's
    own words, `_number_words`; "hundred and twenty" is one number)."""
    doc = head.doc
    first = next((c for c in head.children if c.pos_ == "NUM" and _range_start(c, head)), None)
    if first is not None:
        low, high = _value([first]), _value([head])
        start = doc[first.i - 1] if first.i > 0 and doc[first.i - 1].lower_ == "between" else first
        return (start, low, high) if low is not None and high is not None else None
    other = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "NUM" and c not in words), None)
    if other is None and head.i + 2 < len(doc) and doc[head.i + 1].lower_ in ("to", "-") and doc[head.i + 2].pos_ == "NUM":
        other = doc[head.i + 2]
    if other is None:
        return None
    low, high = _value([head]), _value([other])
    if low is None or high is None:
        return None
    start = doc[head.i - 1] if head.i > 0 and doc[head.i - 1].lower_ == "between" else head
    return start, low, high
