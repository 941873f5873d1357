"""Quotation marks paired into quoted passages (shared by the quotes and entity stages).

Works on characters, not tokens, so it does not depend on how the tokenizer
splits marks. Handles straight, curly and low double quotes, guillemets
(either direction), PTB-style ``...'', and single quotes (‘...’ and '...')
told apart from apostrophes by what stands either side of them.

News conventions it follows:

* A quote that runs over several paragraphs leaves the earlier paragraphs
  unclosed and reopens each new one: the passage runs on while the next
  paragraph opens with a quote mark.
* A quote left open at the end of its paragraph, with no reopening, is
  closed there if it opened at the start of a sentence or clause (a quoted
  statement that lost its closing mark); otherwise the stray mark is ignored.
* A closing mark with nothing open is ignored; so is an odd mark out.

Nothing here raises on odd input: every mark is either paired or ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

OPENING = "open"
CLOSING = "close"
EITHER = "either"

# double-quote family: mark -> its usual role
DOUBLE = {'"': EITHER, "“": OPENING, "”": CLOSING, "„": OPENING, "«": OPENING, "»": CLOSING, "``": OPENING, "''": CLOSING}
# single-quote family (’ and ' are apostrophes too)
SINGLE = {"‘": OPENING, "’": CLOSING, "'": EITHER, "‹": OPENING, "›": CLOSING}

_MARK = re.compile(r"``|''|[\"“”„«»‘’'‹›]")
_OPEN_BEFORE = set("([{—–-/:") | {"\n", "\t", " ", "\u00a0"}
_CLOSE_AFTER = set(".,;:!?)]}—–-/…") | {"\n", "\t", " ", "\u00a0"}
# a quote opening after one of these (or at a paragraph start) begins a statement
_STATEMENT_BEFORE = (".", "!", "?", ":", ",", ";", "—", "–")
_CLOSING_AFTER_STOP = ('"', "”", "’", "'", "»")


@dataclass(slots=True)
class Quoted:
    """One quoted passage: `[start, end)` from the opening to the closing mark.

    `inner_start`/`inner_end` bound the text inside the marks (for a passage
    over several paragraphs, from inside the first opening mark to inside the
    last closing one). `closed` is False when the passage ran to the end of a
    paragraph without a closing mark.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    paragraphs: int = 1


@dataclass(slots=True)
class _Mark:
    pos: int
    text: str
    role: str  # OPENING | CLOSING | EITHER (after flanking: OPENING or CLOSING or EITHER)

    @property
    def end(self) -> int:
        return self.pos + len(self.text)


def find_quoted(text: str) -> list[Quoted]:
    """The top-level quoted passages of `text`, in order (nested quotes are inside them)."""
    doubles, singles = _marks(text)
    outer = _pair(text, doubles)
    taken = sorted((q.start, q.end) for q in outer)
    starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))  # the furthest end of the passages starting up to each
    # single quotes count as passages of their own only outside double quotes
    free = [m for m in singles if (k := bisect_right(starts, m.pos) - 1) < 0 or reach[k] <= m.pos]
    outer += [q for q in _pair(text, free, single=True)]
    return sorted(outer, key=lambda q: q.start)


def _marks(text: str) -> tuple[list[_Mark], list[_Mark]]:
    doubles, singles = [], []
    for match in _MARK.finditer(text):
        mark = match.group()
        before = text[match.start() - 1] if match.start() > 0 else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        if mark in DOUBLE:
            doubles.append(_Mark(match.start(), mark, _flank(DOUBLE[mark], before, after)))
        else:
            role = _single_role(mark, before, after)
            if role is not None:
                singles.append(_Mark(match.start(), mark, role))
    return doubles, singles


def _flank(usual: str, before: str, after: str) -> str:
    """The role a mark plays where it stands: "word" after it opens, "word" before it closes."""
    opens = before in _OPEN_BEFORE or _is_mark(before)
    closes = after in _CLOSE_AFTER or _is_mark(after)
    if opens and not closes:
        return OPENING
    if closes and not opens:
        return CLOSING
    return usual


def _is_mark(ch: str) -> bool:
    return ch in DOUBLE or ch in SINGLE


def _single_role(mark: str, before: str, after: str) -> str | None:
    """A single quote's role, or None for an apostrophe (don't, Clinton's, '90s, voters')."""
    if before.isalnum() and after.isalnum():
        return None  # inside a word
    opens = (before in _OPEN_BEFORE or before in DOUBLE) and after.isalpha()
    if opens:
        return OPENING if mark in "‘'‹" else None
    closes = not before.isspace() and (after in _CLOSE_AFTER or after in DOUBLE)
    if closes and mark in "’'›":
        return CLOSING
    return None


def _pair(text: str, marks: list[_Mark], *, single: bool = False) -> list[Quoted]:
    out: list[Quoted] = []
    open_mark: _Mark | None = None
    first: _Mark | None = None  # opening mark of a passage over several paragraphs
    paragraphs = 1
    for m in marks:
        if open_mark is not None and "\n" in text[open_mark.end : m.pos]:
            # the open passage reached a paragraph end without closing
            para_end = text.index("\n", open_mark.end)
            if m.role != CLOSING and not single and text[para_end : m.pos].strip() == "":
                first, paragraphs = first or open_mark, paragraphs + 1  # reopened: the passage runs on
                open_mark = m
                continue
            if not single and starts_statement(text, (first or open_mark).pos):
                out.append(_passage(text, first or open_mark, para_end, closed=False, paragraphs=paragraphs))
            open_mark, first, paragraphs = None, None, 1
        if open_mark is None:
            if m.role != CLOSING:
                open_mark = m
            continue
        if m.role == OPENING and m.text == open_mark.text and m.text not in ('"', "'"):
            # “ ... “: the first lost its closing mark; keep it only if it began a statement
            if starts_statement(text, (first or open_mark).pos):
                out.append(_passage(text, first or open_mark, _trim_end(text, m.pos), closed=False, paragraphs=paragraphs))
            open_mark, first, paragraphs = m, None, 1
            continue
        if m.role == OPENING and m.text != open_mark.text:
            continue  # a nested quote of the other kind opening: pairing it is not our business
        start = first or open_mark
        out.append(_passage(text, start, m.pos, closed=True, paragraphs=paragraphs, close_end=m.end))
        open_mark, first, paragraphs = None, None, 1
    if open_mark is not None:
        start = first or open_mark
        end = text.find("\n", open_mark.end)
        end = len(text.rstrip()) if end < 0 else end
        if not single and starts_statement(text, start.pos):
            out.append(_passage(text, start, _trim_end(text, end), closed=False, paragraphs=paragraphs))
    return [q for q in out if q.inner_end > q.inner_start]


def _passage(text: str, opening: _Mark, inner_end: int, *, closed: bool, paragraphs: int, close_end: int | None = None) -> Quoted:
    inner_start, inner_end = opening.end, _trim_end(text, inner_end)
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    return Quoted(opening.pos, close_end if close_end is not None else inner_end, inner_start, inner_end, closed, paragraphs)


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def starts_statement(text: str, pos: int) -> bool:
    """Does the mark at `pos` open a sentence, a paragraph or a clause?"""
    before = text[:pos].rstrip(" \t\u00a0")
    closed = before.rstrip("".join(_CLOSING_AFTER_STOP))
    if 0 < len(before) - len(closed) <= 2 and closed.endswith((".", "!", "?")):
        # after a quotation that ended a sentence: '... the TV show "Shark Tank." "I mean, ...', also closed by two
        # marks ("... on NBC's ''Meet the Press.'' ''She lies ...", the PTB style of some papers)
        return True
    return not before or before.endswith("\n") or before.endswith(_STATEMENT_BEFORE)
