"""Finding time expressions: the patterns of `grammar.py` run over the text, checked against the parse.

Every pattern runs over `doc.text` (removed spans are blanked there, so
nothing inside them is found), in windows around trigger words, all at once
(`scan.py`: each only where it can begin). A match is dropped when the parse says it is
not a time: a capitalised month that is a verb or a modal ("March on", "May
be"), a weekday or date inside a longer name ("the Sunday Times", "the
September 11 Commission"), a bare four-digit number that counts something
("2000 people"), an ordinal naming a unit ("the 28th Infantry"), "a second"
that is an ordinal. Of overlapping matches the longest wins, then the one
whose pattern is listed first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..document import Document
from ..text.parse import parsed_text
from .grammar import Rule, date_names, day_parts, fold, month_number, references, rules, shifts, triggers, units
from .scan import window_matches

# Entity labels of names a time word can be part of ("the Sunday Times", "Independence Day" the film).
NAME_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "NORP", "GPE", "LOC"}
# Groups whose words must be capitalised: "may" and "march" in lower case are words, not months.
CAPITALISED = ("month", "weekday", "holiday")
# How far around a trigger word the patterns look (characters): the longest stretch of a time expression
# before its first trigger ("no more than the past twenty-four hours": 32) and after its last, with room to
# spare. Set by hand; a test (test_windows_around_trigger_words_change_nothing) checks they change nothing.
WINDOW_BEFORE = 60
WINDOW_AFTER = 40


@dataclass(slots=True)
class Found:
    """A pattern match kept as a time expression: its extent, rule and named groups."""

    start: int
    end: int
    text: str
    rule: Rule
    groups: dict[str, str] = field(default_factory=dict)

    @property
    def text_length(self) -> int:
        return self.end - self.start


def find_times(doc: Doc) -> list[Found]:
    """The time expressions of a parsed text, in text order, none overlapping."""
    text = parsed_text(doc)
    candidates = []
    for start, end in windows(text):
        for order, (rule, matches) in enumerate(zip(rules(), window_matches(text, start, end), strict=True)):
            for m in matches:
                m = _without_preposition(m, rule, end)
                if m is not None and m.group().strip() and _capitalised(m):
                    groups = {k: v for k, v in m.groupdict().items() if v}
                    candidates.append((order, Found(m.start(), m.end(), m.group(), rule, groups)))
    names = _Names(doc, text)
    chosen: list[Found] = []
    taken = _Taken()
    for _, found in sorted(candidates, key=lambda c: (-c[1].text_length, c[1].start, c[0])):
        if taken.overlaps(found.start, found.end):
            continue
        if is_name(doc, found, names):
            taken.add(found.start, found.end)  # no shorter match inside it either: not "September" of "September 11 victims"
        elif is_time(doc, found):
            chosen.append(found)
            taken.add(found.start, found.end)
    return sorted(chosen, key=lambda f: f.start)


class _Taken:
    """Character spans already taken, none overlapping another, sorted: an overlap is found by bisect."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # apart and sorted, the spans' ends are sorted too: of those starting before `end`, the last ends last
        n = bisect_left(self.starts, end) - 1
        return n >= 0 and self.ends[n] > start

    def add(self, start: int, end: int) -> None:
        n = bisect_left(self.starts, start)
        self.starts.insert(n, start)
        self.ends.insert(n, end)


def windows(text: str) -> list[tuple[int, int]]:
    """The stretches of text that may hold a time expression: around every trigger word or digit.

    A window reaches WINDOW_BEFORE characters before a trigger (for "no more
    than the past twenty-four hours") and WINDOW_AFTER after it, to the end of
    the word there; overlapping windows merge.
    """
    spans: list[list[int]] = []
    for m in triggers().finditer(text):
        start = max(0, m.start() - WINDOW_BEFORE)
        end = min(len(text), m.end() + WINDOW_AFTER)
        while end < len(text) and (text[end].isalnum() or text[end] in "-'’."):
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def _without_preposition(m: re.Match, rule: Rule, end: int) -> re.Match | None:
    """The match without a leading "following" or "prior" that is a preposition, not a shift.

    "the following Monday" counts from the time before; "following Monday's
    debate" means after it, and the time expression is just "Monday".
    """
    shift = m.groupdict().get("shift")
    if not shift or m.start("shift") != m.start() or shifts().get(fold(shift), (0, ""))[1] != "previous":
        return m
    return rule.regex.match(m.string, m.end("shift") + 1, end)


def _capitalised(m) -> bool:
    for name in CAPITALISED:
        word = m.groupdict().get(name)
        if word and not word[0].isupper():
            return False
    return True


def tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering [start, end)."""
    return doc.char_span(start, end, alignment_mode="expand")


def is_name(doc: Doc, found: Found, names: "_Names") -> bool:
    """Whether a match is (part of) a name: "the Sunday Times", "This Week", "the Sept. 11 memorial ceremony"."""
    span = tokens_of(doc, found.start, found.end)
    if span is None or not len(span):
        return False
    if names.inside(span, found) or (found.rule.kind != "holiday" and _titled(span)):
        return True
    return found.rule.kind == "date" and _names_an_event(span, found.groups)


def is_time(doc: Doc, found: Found) -> bool:
    """Whether the parse agrees that a match (not a name) is a time expression."""
    span = tokens_of(doc, found.start, found.end)
    if span is None or not len(span):
        return False
    kind, g = found.rule.kind, found.groups
    if kind == "month" and not ({"shift", "mod"} & g.keys()):
        token = span[-1]
        if token.tag_ == "MD" or token.tag_.startswith("VB") or token.ent_type_ == "PERSON":
            return False  # "May be", "March on", "April Ryan"
    if kind == "year" and not ({"fiscal", "mod"} & g.keys()):
        return not _counts_something(span[-1])
    if kind == "duration" and _fraction(span, g):
        return False  # "three-quarters of its food", "about a quarter, of its dealers"
    if kind == "day_of_month" or (kind == "duration" and units().get(fold(g.get("unit", ""))) == "second"):
        nxt = _next_token(span)
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and fold(nxt.text) not in units():
            return False  # "the 28th Infantry", "a second term"
    if "shortyear" in g and (span.start == 0 or doc[span.start - 1].pos_ != "ADP"):
        return False  # "iLife '11" is a name; "in '98" is a year
    if kind == "ref" and fold(g.get("ref", "")).startswith("the "):
        nxt = _next_token(span)
        if span[-1].pos_ == "ADJ" or span[-1].dep_ == "amod" or (nxt is not None and nxt.lower_ == "of"):
            return False  # "the future president", "the future of our peoples"
    if found.rule.name == "relative" and _part_of_something(span):
        return False  # "the last year of his term", "her final week of office": a stretch of something, not a date
    if found.rule.name == "season_bare" and span[-1].dep_ in ("compound", "amod"):
        return False  # "summer camp"
    if found.rule.name == "set_adverb" and (span[-1].tag_.startswith("NN") or span[-1].tag_ == "JJ" and fold(span.text) == "quarterly"):
        return False  # "the Communist Party daily Granma", "a quarterly dividend"
    return True


def _part_of_something(span: Span) -> bool:
    """"the last year of", "his first week of": a unit "of" something after a determiner or possessive. Without one
    ("accused Egypt last year of threatening") the words date the clause and "of" belongs to the verb."""
    nxt = _next_token(span)
    if nxt is None or nxt.lower_ != "of":
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return span[0].lower_ == "the" or (before is not None and (before.dep_ in ("det", "poss") or before.tag_ == "PRP$"))


def _titled(span: Span) -> bool:
    """Whether a common time word is capitalised inside a sentence: part of a title ("This Week", "60 Minutes", "VOA Today")."""
    for token in span:
        if _starts_sentence(token) or not token.text[:1].isupper() or token.text.isupper():
            continue
        word = fold(token.text)
        if word in units() or word in references() or word in day_parts():
            return True
    return False


def _names_an_event(span: Span, groups: dict[str, str]) -> bool:
    """A day that names an event (data/date_names.tsv), used as a modifier of a noun."""
    if "year" in groups or "day" not in groups:
        return False
    day = re.match(r"\d+", groups["day"])
    if not day or (month_number(groups["month"]), int(day.group())) not in date_names():
        return False
    root = span.root
    return root.dep_ in ("nmod", "compound", "amod", "nummod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end


def _starts_sentence(token: Token) -> bool:
    """The first word of its sentence, after any opening quotes or brackets."""
    ctx = Document.of(token.doc)  # its sentences and text, found once per document (`token.sent` scans anew)
    return not any(ch.isalnum() for ch in ctx.text[ctx.sentence_of(token.i).start_char : token.idx])


class _Names:
    """The parser's named entities of a doc (doc.ents and doc.text are rebuilt on every access: read them once)."""

    def __init__(self, doc: Doc, text: str):
        self.text = text
        self.ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
        self.ends = [e.end for e in self.ents]

    def inside(self, span: Span, found: Found) -> bool:
        """Whether the match is part of a longer name, or a date that names an event ("September 11" attacks)."""
        text = self.text
        for ent in self.ents[bisect_right(self.ends, span.start) :]:
            if ent.start >= span.end:
                break
            longer = ent.start_char < found.start and text[ent.start_char : found.start].strip().lower() not in ("", "the")
            longer = longer or ent.end_char > found.end
            if longer or (ent.label_ == "EVENT" and found.rule.kind == "date" and "year" not in found.groups):
                return True
        return False


def _counts_something(token: Token) -> bool:
    """A four-digit number that counts a plural noun with no determiner before it ("2000 people", not "the 1994 elections")."""
    if token.dep_ != "nummod" or token.head.tag_ != "NNS" or fold(token.head.text) in units():
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.dep_ not in ("det", "poss")


def _fraction(span: Span, groups: dict[str, str]) -> bool:
    """"three-quarters", "a quarter of the vote", "about a quarter": a share, not three months."""
    if units().get(fold(groups.get("unit", ""))) != "quarter":
        return False
    if "-" in span.text:
        return True
    nxt = _next_token(span)
    one = fold(groups.get("num", "")) in ("a", "an", "one")
    return (nxt is not None and nxt.lower_ == "of") or (one and span.start > 0 and span.doc[span.start - 1].pos_ != "ADP")


def _next_token(span: Span) -> Token | None:
    doc = span.doc
    return doc[span.end] if span.end < len(doc) else None
