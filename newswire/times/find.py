"""Finding time expressions: the patterns of `grammar.py` run over the text, checked against the parse.

Every pattern runs over `doc.text` (removed spans are blanked there, so
nothing inside them is found). A match is dropped when the parse says it is
not a time: a capitalised month that is a verb or a modal ("March on", "May
be"), a weekday or date inside a longer name ("the Sunday Times", "the
September 11 Commission"), a bare four-digit number that counts something
("2000 people"), an ordinal naming a unit ("the 28th Infantry"), "a second"
that is an ordinal. Of overlapping matches the longest wins, then the one
whose pattern is listed first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .grammar import Rule, fold, rules, units

# Entity labels of names a time word can be part of ("the Sunday Times", "Independence Day" the film).
NAME_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "NORP", "GPE", "LOC"}
# Groups whose words must be capitalised: "may" and "march" in lower case are words, not months.
CAPITALISED = ("month", "weekday", "holiday")


@dataclass(slots=True)
class Found:
    """A pattern match kept as a time expression: its extent, rule and named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str] = field(default_factory=dict)

    @property
    def text_length(self) -> int:
        return self.end - self.start


def find_times(doc: Doc) -> list[Found]:
    """The time expressions of a parsed text, in text order, none overlapping."""
    text = doc.text
    candidates = []
    for order, rule in enumerate(rules()):
        for m in rule.regex.finditer(text):
            if not m.group().strip():
                continue
            found = Found(m.start(), m.end(), rule, {k: v for k, v in m.groupdict().items() if v})
            if _capitalised(m) and is_time(doc, found):
                candidates.append((order, found))
    chosen: list[Found] = []
    taken: list[tuple[int, int]] = []
    for _, found in sorted(candidates, key=lambda c: (-c[1].text_length, c[1].start, c[0])):
        if all(found.end <= s or found.start >= e for s, e in taken):
            chosen.append(found)
            taken.append((found.start, found.end))
    return sorted(chosen, key=lambda f: f.start)


def _capitalised(m) -> bool:
    for name in CAPITALISED:
        word = m.groupdict().get(name)
        if word and not word[0].isupper():
            return False
    return True


def tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering [start, end)."""
    return doc.char_span(start, end, alignment_mode="expand")


def is_time(doc: Doc, found: Found) -> bool:
    """Whether the parse agrees that a match is a time expression."""
    span = tokens_of(doc, found.start, found.end)
    if span is None or not len(span):
        return False
    if _inside_name(doc, span, found):
        return False
    kind, g = found.rule.kind, found.groups
    if kind == "month" and not ({"shift", "mod"} & g.keys()):
        token = span[-1]
        if token.tag_ == "MD" or token.tag_.startswith("VB") or token.ent_type_ == "PERSON":
            return False  # "May be", "March on", "April Ryan"
    if kind == "year" and not ({"fiscal", "mod"} & g.keys()):
        return not _counts_something(span[-1])
    if kind == "day_of_month" or (kind == "duration" and fold(g.get("unit", "")) in ("second", "quarter")):
        nxt = _next_token(span)
        if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADJ") and fold(nxt.text) not in units() or nxt.lower_ == "of"):
            return False  # "the 28th Infantry", "a second term", "a quarter of the vote"
    if kind == "ref" and fold(g.get("ref", "")).startswith("the "):
        if span[-1].pos_ == "ADJ" or span[-1].dep_ == "amod":
            return False  # "the future president"
    if found.rule.name == "season_bare" and span[-1].dep_ in ("compound", "amod"):
        return False  # "summer camp"
    return True


def _inside_name(doc: Doc, span: Span, found: Found) -> bool:
    """Whether the match is part of a longer name, or a date that names an event ("September 11" attacks)."""
    for ent in doc.ents[_first_ent(doc, span.start) :]:
        if ent.start >= span.end:
            break
        if ent.end <= span.start or ent.label_ not in NAME_LABELS:
            continue
        longer = ent.start_char < found.start and doc.text[ent.start_char : found.start].strip().lower() not in ("", "the")
        longer = longer or ent.end_char > found.end
        if longer or (ent.label_ == "EVENT" and found.rule.kind == "date" and "year" not in found.groups):
            return True
    return False


def _first_ent(doc: Doc, token_index: int) -> int:
    """Index of the first entity that could overlap a token (entities are few: a scan is fine)."""
    for n, ent in enumerate(doc.ents):
        if ent.end > token_index:
            return n
    return len(doc.ents)


def _counts_something(token: Token) -> bool:
    """A four-digit number that counts a plural noun with no determiner before it ("2000 people", not "the 1994 elections")."""
    if token.dep_ != "nummod" or token.head.tag_ != "NNS" or fold(token.head.text) in units():
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.dep_ not in ("det", "poss")


def _next_token(span: Span) -> Token | None:
    doc = span.doc
    return doc[span.end] if span.end < len(doc) else None
