"""The grammar of time expressions: the word lists and the compiled patterns.

Everything here is read from `newswire/data/` once per process: the
patterns (`time_patterns.tsv`) with their `{NAME}` placeholders filled from
the word lists (months, weekdays, units, numbers, ...), and the lookups that
turn a matched word into its meaning (`month_number("Sept.") == 9`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import numbers
from ..lexicon import load_list, load_table
from ..lexicon.tables import (
    DateName, DayPart, Holiday, MonthName, OrdinalWord, Season, TimePattern, TimeReference, TimeShift, TimeUnit, WeekdayName,
)

# A space in a pattern matches this much whitespace, never a line break: the parse starts a sentence
# after every line break (parse.py), so an expression does not run from a headline into a date line;
# three characters at most, so it cannot run across a removed (blanked) paragraph either.
SPACE = r"[^\S\n]{1,3}"
SPACE_IN_CLASS = " \t\u00a0"
# Every pattern begins here: not after a letter, digit or hyphen (scan.py relies on it to find where patterns can begin).
WORD_START = r"(?<![\w-])"

ZONES = ("EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "GMT", "UTC", "BST", "CET", "CEST")
KINDS = {
    "clock", "date", "numeric", "weekday", "month", "year", "decade", "century", "quarter", "quarter_ref", "half",
    "season", "holiday", "ref", "part_rel", "relative", "weekend", "offset", "year_earlier", "year_period", "the_unit", "duration", "set",
    "day_of_month", "anaphoric",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern


def fold(word: str) -> str:
    """A matched word as the word lists write it: lower case, straight apostrophe, single spaces, no final period."""
    return " ".join(word.lower().replace("’", "'").split()).rstrip(".")


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first (so "sept" is tried before "sep").

    Written as a trie ("sep(?:t)?" for "sept" and "sep") when the words are
    ASCII: it matches as the flat alternation does, trying the longer word
    first, but the regex engine does not try every word at every position
    (with re.IGNORECASE it cannot skip an alternative by its first letter).
    """
    words = set(words)
    if "" in words or not all(w.isascii() for w in words):
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=lambda w: (-len(w), w))) + ")"
    return "(?:" + _trie({w.lower() for w in words}) + ")"


def _trie(words: set[str]) -> str:
    """The words (lower case, none empty) as nested groups by their first letters; a word ending where a longer one
    goes on makes the rest optional (greedy: the longer is tried first)."""
    ends = "" in words
    by_first: dict[str, set[str]] = {}
    for w in words:
        if w:
            by_first.setdefault(w[0], set()).add(w[1:])
    branches = [(re.escape(c).replace(r"\ ", " ") + _trie(rest)) for c, rest in sorted(by_first.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


@cache
def months() -> dict[str, int]:
    return {row.word: row.month for row in load_table("months.tsv", MonthName)}


@cache
def weekdays() -> dict[str, int]:
    return {row.word: row.weekday for row in load_table("weekdays.tsv", WeekdayName)}


@cache
def units() -> dict[str, str]:
    return {row.word: row.unit for row in load_table("time_units.tsv", TimeUnit)}


@cache
def ordinals() -> dict[str, int]:
    return {row.word: row.value for row in load_table("ordinal_words.tsv", OrdinalWord)}


@cache
def seasons() -> dict[str, str]:
    return {row.word: row.season for row in load_table("seasons.tsv", Season)}


@cache
def day_parts() -> dict[str, str]:
    return {row.word: row.value for row in load_table("day_parts.tsv", DayPart)}


@cache
def holidays() -> dict[str, str]:
    return {row.name: row.rule for row in load_table("holidays.tsv", Holiday)}


@cache
def references() -> dict[str, tuple[str, str]]:
    """Phrase -> (value, part of day)."""
    return {row.phrase: (row.value, row.part) for row in load_table("time_references.tsv", TimeReference)}


@cache
def date_names() -> set[tuple[int, int]]:
    """(month, day) of days used as names of events ("the September 11 attacks")."""
    return {(row.month, row.day) for row in load_table("date_names.tsv", DateName)}


@cache
def shifts() -> dict[str, tuple[int, str]]:
    """Shift word -> (shift, anchor)."""
    return {row.word: (row.shift, row.anchor) for row in load_table("time_shifts.tsv", TimeShift)}


@cache
def placeholders() -> dict[str, str]:
    """What each {NAME} in a pattern stands for."""
    longest: dict[int, str] = {}
    for word, number in months().items():
        longest[number] = max(longest.get(number, ""), word, key=len)
    full = list(longest.values())
    abbreviated = [w for w in months() if w not in full]
    day_rows = load_table("weekdays.tsv", WeekdayName)
    day_names = [r.word for r in day_rows if not r.abbreviation]
    day_abbrevs = [r.word for r in day_rows if r.abbreviation]
    nums = numbers.number_words()
    unit_words = [w for w, (_, k) in nums.items() if k == "unit"]
    tens = [w for w, (_, k) in nums.items() if k == "tens"]
    others = [w for w, (_, k) in nums.items() if k in ("vague", "scale")]
    small = [w for w in unit_words if w not in ("a", "an") and " " not in w]
    number_word = f"(?:{_alternation(tens)}(?:[-\\s]{_alternation(small)})?|{_alternation(unit_words + others)})"
    ordinal_word = f"(?:(?:{_alternation(tens)}[-\\s])?{_alternation(ordinals())})"
    unit_rows = load_table("time_units.tsv", TimeUnit)
    weekday = f"(?:{_alternation(day_names)}|{_alternation(day_abbrevs)}\\.)"
    month = f"(?:{_alternation(full)}|{_alternation(abbreviated)}\\.?)"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    return {
        "MONTH": month,
        "MONTHNAME": _alternation(full),
        "WEEKDAY": weekday,
        "WEEKDAYS": _alternation(n + "s" for n in day_names),
        "DAY": day,
        "YEAR": r"(?<![\d,.$£€])(?:1[6-9]\d\d|20\d\d)(?![,.]\d|\d)",
        "NUM": f"(?:\\d+(?:,\\d{{3}})*(?:\\.\\d+)?(?: 1/2)?|{number_word})",
        "NUMWORD": number_word,
        "ORDWORD": ordinal_word,
        "UNIT": _alternation(units()),
        "UNIT1": _alternation(r.word for r in unit_rows if r.singular),
        "UNITS": _alternation(r.word for r in unit_rows if not r.singular),
        "SEASON": _alternation(seasons()),
        "PART": _alternation(w for w, v in day_parts().items() if ":" not in v),
        "HOLIDAY": _alternation(holidays()).replace("'", "['’]"),
        "REF": _alternation(references()),
        "SHIFT": _alternation(shifts()),
        "MOD": f"(?P<mod>{_alternation(load_list('time_modifiers.txt'))[3:-1]})",
        "QUAL": _alternation(load_list("time_qualifiers.txt")),
        "ZONE": _alternation(ZONES),
        "ONDAY": f"(?:,? (?:(?P<ref>today|yesterday|tomorrow|tonight)|(?:on )?(?P<weekday>{weekday})|(?:on )?(?P<month>{month}) (?P<day>{day})))?",
    }


def expand(pattern: str) -> str:
    """A pattern with its placeholders filled and its spaces made flexible."""
    names = placeholders()

    def fill(m: re.Match) -> str:
        if m.group(1) not in names:
            raise ValueError(f"time_patterns.tsv: unknown placeholder {{{m.group(1)}}}")
        return names[m.group(1)]

    filled = re.sub(r"\{([A-Z][A-Z0-9]*)\}", fill, pattern)
    return _flexible_spaces(filled)


def _flexible_spaces(pattern: str) -> str:
    """Spaces become SPACE outside character classes and SPACE_IN_CLASS inside them."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
            out.append(ch)
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        elif ch == " ":
            out.append(SPACE_IN_CLASS if in_class else SPACE)
        else:
            out.append(ch)
    return "".join(out)


@cache
def rules() -> tuple[Rule, ...]:
    """The patterns of time_patterns.tsv, compiled, in file order."""
    compiled = []
    for row in load_table("time_patterns.tsv", TimePattern):
        if row.kind not in KINDS:
            raise ValueError(f"time_patterns.tsv: rule {row.rule} has an unknown kind {row.kind!r}")
        regex = re.compile(WORD_START + "(?:" + expand(row.pattern) + r")(?!\w)", re.IGNORECASE)
        compiled.append(Rule(row.rule, row.kind, regex))
    return tuple(compiled)




@cache
def triggers() -> re.Pattern:
    """A regex for the words and digits near which time expressions can be."""
    words = set(load_list("time_trigger_words.txt")) | set(months()) | set(weekdays()) | set(units()) | set(seasons()) | set(day_parts())
    words |= {name.split()[0] for name in holidays()} | {w for phrase in references() for w in phrase.split()}
    words -= {"the", "in", "at", "right"}  # the words of phrases that are not time words themselves
    return re.compile(r"\d|\b" + _alternation(words), re.IGNORECASE)


def month_number(word: str) -> int | None:
    return months().get(fold(word))


def weekday_number(word: str) -> int | None:
    return weekdays().get(fold(word))


def number_value(text: str) -> float | None:
    """The number a count is written as ("two", "twenty-four", "1,400", "5 1/2"); None when vague ("several")."""
    t = fold(text)
    half = t.endswith(" 1/2")
    value = numbers.number_value(t.removesuffix(" 1/2").split())
    return None if value is None else value + (0.5 if half else 0)


def ordinal_value(text: str) -> int | None:
    """The number an ordinal is written as ("3rd", "third", "twenty-first")."""
    t = fold(text)
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    if t in ordinals():
        return ordinals()[t]
    parts = re.split(r"[-\s]+", t)
    if len(parts) == 2 and parts[1] in ordinals() and parts[0] in numbers.number_words():
        return int(numbers.number_words()[parts[0]][0]) + ordinals()[parts[1]]
    return None
