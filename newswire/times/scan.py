"""Running all the time patterns over a window of text in one pass, each only where it can begin.

`find.py` needs, for each pattern of `grammar.rules()`, exactly the matches
`rule.regex.finditer(text, start, end)` gives. Running the 52 patterns one
after the other tried each at every position of every window (most of the
times stage's time). `window_matches` gives the same matches for less:

* every pattern begins with `grammar.WORD_START` (not after a letter, digit
  or hyphen), and with one of the characters worked out below, so one scan
  finds the positions where any pattern can begin;
* at such a position, the next PREFIX characters pick the patterns that can
  begin with them (each pattern's possible first characters are worked out
  from its parse, once per process; the choice is kept per string of PREFIX
  characters seen), and only those are tried there (`regex.match`);
* of one pattern, the next match is looked for only from the end of the one
  before, as finditer does.

A pattern can match only where its first characters can stand, so no match
is lost; a pattern whose first characters cannot be worked out (or that can
match the empty string) is run with finditer as before. What is worked out is
a superset: it may let a pattern be tried where it then fails, never the
reverse (tests/test_times.py compares the matches with finditer's).
"""

from __future__ import annotations

import re
from functools import cache

from .grammar import WORD_START, rules

try:  # the standard library's regex parser (re._parser from Python 3.11, sre_parse before)
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

# How many characters at a pattern's start choose whether it is tried there (3: "the" apart from "thr", "thu").
PREFIX = 3
# The choices kept per string of PREFIX characters; past this many they are forgotten and worked out again.
KEEP = 50_000

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_CONSUMING = (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)


class _Unknown(Exception):
    """A construct whose first characters are not worked out here."""


def first_characters(pattern: re.Pattern, n: int) -> re.Pattern | None:
    """A regex that matches, at the start of a string, every possible first `n` characters of a match of `pattern`
    (fewer where a match can be shorter); None when they cannot be bounded (the pattern could begin anywhere)."""
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
        starts = {chars for chars, _ in _sequence(parsed.data, n)}
    except (_Unknown, RecursionError, AttributeError, TypeError, ValueError):
        return None
    if () in starts:
        return None
    flags = parsed.state.flags if hasattr(parsed, "state") else pattern.flags
    return re.compile("|".join("".join(chars) for chars in sorted(starts)), flags)


# Each function below gives a set of (chars, complete): `chars` a tuple of one-character regexes (a literal, a
# class, "."), the characters a match of the construct can begin with, at most n; `complete` whether the construct
# ends there (so what follows it comes next), else the match may go on with anything (it was cut at n characters,
# or holds something not followed here).


def _sequence(items, n: int) -> set[tuple[tuple[str, ...], bool]]:
    out = {((), True)}
    for op, av in items:
        grown = set()
        for chars, complete in out:
            if not complete or len(chars) >= n:
                grown.add((chars, False))
                continue
            for more, done in _item(op, av, n - len(chars)):
                grown.add((chars + more, done))
        out = grown
        if not any(complete for _, complete in out):
            break
    return out


def _item(op, av, n: int) -> set[tuple[tuple[str, ...], bool]]:
    if op in _CONSUMING:
        return {((_one_character(op, av),), True)}
    if op in _ZERO_WIDTH:
        return {((), True)}  # a look-around or anchor: it narrows nothing here (a superset is safe)
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown("flags set inside the pattern")
        return _sequence(sub.data, n)
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(av.data, n)
    if op is C.BRANCH:
        out = set()
        for sub in av[1]:
            out |= _sequence(sub.data, n)
        return out
    if op in _REPEATS:
        return _repeat(*av, n)
    raise _Unknown(str(op))


def _repeat(least: int, most: int, sub, n: int) -> set[tuple[tuple[str, ...], bool]]:
    if sub.getwidth()[0] == 0:
        raise _Unknown("a repeat that can match nothing")
    out = set()
    now = {((), True)}  # after `times` repetitions; each takes one character at least
    times = 0
    while now:
        grow = set()
        for chars, complete in now:
            if not complete or len(chars) >= n:
                out.add((chars, False))  # cut here: anything may follow
            else:
                if times >= least:
                    out.add((chars, True))
                grow.add(chars)
        if times == most:
            break
        now = {(chars + more, done) for chars in grow for more, done in _sequence(sub.data, n - len(chars))}
        times += 1
    return out


def _one_character(op, av) -> str:
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.NOT_LITERAL:
        return "[^" + re.escape(chr(av)) + "]"
    if op is C.ANY:
        return "."
    parts = []
    for kind, value in av:
        if kind is C.NEGATE:
            parts.insert(0, "^")
        elif kind is C.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is C.RANGE:
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif kind is C.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            raise _Unknown(str(kind))
    return "[" + "".join(parts) + "]"


class _Scanner:
    """The patterns of `grammar.rules()`, each with what it can begin with."""

    def __init__(self) -> None:
        self.rules = rules()
        self.plain: list[int] = []  # run with finditer: what they begin with is not known
        self.filters: list[tuple[int, re.Pattern | None]] = []
        firsts = []
        for order, rule in enumerate(self.rules):
            first = first_characters(rule.regex, 1)
            if (
                not rule.regex.pattern.startswith(WORD_START)
                or _may_be_empty(rule.regex)
                or first is None
                or first.flags != self.rules[0].regex.flags
            ):
                self.plain.append(order)
                continue
            firsts.append(first.pattern)
            self.filters.append((order, first_characters(rule.regex, PREFIX)))
        flags = self.rules[0].regex.flags
        self.starts = re.compile(WORD_START + "(?=" + "|".join(firsts) + ")", flags) if firsts else None
        self.chosen: dict[str, tuple[tuple[int, object], ...]] = {}

    def candidates(self, chars: str) -> tuple[tuple[int, object], ...]:
        """(order, regex.match) of the patterns that can begin with `chars` (the next PREFIX characters, or fewer at
        the end of the window)."""
        found = self.chosen.get(chars)
        if found is None:
            if len(self.chosen) >= KEEP:
                self.chosen.clear()
            found = tuple((o, self.rules[o].regex.match) for o, f in self.filters if f is None or f.match(chars))
            self.chosen[chars] = found
        return found

    def window_matches(self, text: str, start: int, end: int) -> list[list[re.Match]]:
        found: list[list[re.Match]] = [[] for _ in self.rules]
        for order in self.plain:
            found[order] = list(self.rules[order].regex.finditer(text, start, end))
        if self.starts is None:
            return found
        after = [start] * len(self.rules)  # where each pattern's next match may begin
        candidates = self.candidates
        for at in self.starts.finditer(text, start, end):
            p = at.start()
            for order, match in candidates(text[p : min(p + PREFIX, end)]):
                if p >= after[order]:
                    m = match(text, p, end)
                    if m is not None:
                        found[order].append(m)
                        after[order] = m.end()
        return found


def _may_be_empty(regex: re.Pattern) -> bool:
    try:
        return P.parse(regex.pattern, regex.flags).getwidth()[0] == 0
    except Exception:  # a parser that differs from the one read here: treat the pattern as unknown (finditer)
        return True


# A text on which the scan must give what finditer gives before it is used: the standard library's regex parser is
# private, so a Python whose parser reads a construct differently falls back to finditer instead of losing matches.
_CHECK = (
    "On Monday, Jan. 5, 2009, at 3:30 p.m. EST, two weeks after mid-December, the 1990s and last year's talks, "
    "officials said late Tuesday night that by the end of the month, three days later, in the spring of 2010 and "
    "every Friday since 12/03/2008, the twenty-first of March, the week before Christmas, 15 years ago, today."
)


@cache
def scanner() -> _Scanner:
    scan = _Scanner()
    expected = [list(rule.regex.finditer(_CHECK, 0, len(_CHECK))) for rule in scan.rules]
    got = scan.window_matches(_CHECK, 0, len(_CHECK))
    if [[m.span() for m in ms] for ms in got] != [[m.span() for m in ms] for ms in expected]:
        scan.plain, scan.filters, scan.starts = list(range(len(scan.rules))), [], None
    return scan


def window_matches(text: str, start: int, end: int) -> list[list[re.Match]]:
    """For each pattern of `grammar.rules()` (in their order), its matches in text[start:end]: the same as
    `rule.regex.finditer(text, start, end)`."""
    return scanner().window_matches(text, start, end)
