"""The `clean` stage: find the spans of an article that are not article text.

Three kinds, all reported as `Removed` spans of the original text (nothing is
rewritten, so offsets stay valid):

* **repeated**: a paragraph, or a run of sentences, that repeats an earlier
  one exactly or near-exactly (case, whitespace, punctuation and quote-mark
  differences ignored; a few changed words tolerated). Scrapers often
  capture an article body twice; the later copy goes.
* **boilerplate**: a whole short line matching a pattern in
  `data/boilerplate.txt` ("Share this", "Click here ...", copyright lines).
* **unbroken**: a run of more than `MAX_UNBROKEN` characters with no
  whitespace: no prose (a table rule, an encoded blob, a pasted string of
  brackets). The parser's tokenizer takes time quadratic in the length of
  such a run ("(" * 8,000 took 9 s, a million of them would take days), so
  it is never parsed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_list
from ..records import Removed

# A paragraph or sentence shorter than this many words is never removed as a
# repeat on its own: short lines ("He said no.", a dateline) legitimately
# recur. Runs of short repeated sentences count together (see MIN_RUN_WORDS).
# Chosen on the seed article and PolNeAR train: 8 words removed no original
# text there while catching every repeated body paragraph.
MIN_WORDS = 8
# A run of consecutive repeated sentences is removed when it has this many
# words in all, even if each sentence is short.
MIN_RUN_WORDS = 20
# Near-exact repeats: share of the block's word 3-grams found in one earlier
# block. 0.9 tolerates a word or two changed in a long paragraph and nothing
# looser (two different sentences of one article share far fewer 3-grams).
NEAR_REPEAT = 0.9
# A run of more characters than this with no whitespace is no prose and is left
# out. No English word, and no URL an article prints, comes near it; none of the
# 1,304 texts of the evaluation data (PolNeAR, MEANTIME, TimeBank, the seed)
# holds a run of even 150.
MAX_UNBROKEN = 200
# only where a run starts, so that each run is scanned once (linear in the text)
_UNBROKEN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_UNBROKEN + 1))
# Boilerplate patterns only apply to lines up to this long.
MAX_BOILERPLATE_CHARS = 200

_WORD = re.compile(r"\w+", re.UNICODE)
# What ends a line, as a regular expression's character set: what str.splitlines splits on. The one definition
# for the text stages (clean's lines, the headline's line, the line ends the parser sees: parse.seen_text).
LINE_BREAKS = r"\n\r\v\f\x1c-\x1e\x85\u2028\u2029"
# a line: no line break occurs in it
_LINE = re.compile(f"[^{LINE_BREAKS}]+")
# A sentence ends at . ! or ? (optionally followed by closing quotes or
# brackets) before whitespace and a capital letter or opening quote.
_SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    words: tuple[str, ...]


@cache
def _boilerplate() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_list("boilerplate.txt")), re.IGNORECASE)


def find_removed(text: str) -> list[Removed]:
    """Spans of `text` to leave out of the analysis, in text order."""
    removed = [Removed(m.start(), m.end(), "unbroken") for m in _UNBROKEN.finditer(text)]
    paragraphs = list(_paragraphs(text))
    kept: list[_Block] = []
    for block in paragraphs:
        line = text[block.start : block.end]
        if len(line) <= MAX_BOILERPLATE_CHARS and _boilerplate().fullmatch(line):
            removed.append(Removed(block.start, block.end, "boilerplate"))
        else:
            kept.append(block)
    # whole paragraphs first (a word changed in a long paragraph still leaves it
    # a near copy), then runs of sentences in what is left
    repeated = _repeats(kept)
    removed += repeated
    starts = [r.start for r in repeated]
    rest = [b for b in kept if not _inside(b, repeated, starts)]
    removed += _repeats([s for block in rest for s in _sentences(text, block)])
    return _merge(text, removed)


def _inside(block: _Block, spans: list[Removed], starts: list[int]) -> bool:
    """Whether the block lies inside one of the spans (in text order and apart, as `_repeats` makes them; `starts`
    their starts): only the last one starting at or before it can hold it."""
    n = bisect.bisect_right(starts, block.start) - 1
    return n >= 0 and block.end <= spans[n].end


def _paragraphs(text: str):
    """Non-empty lines, stripped of surrounding whitespace.

    A line ends where `str.splitlines` ends one: at CR-only (old Mac) and Unicode line
    breaks too, or a whole CR-only article is one "line" that a boilerplate pattern
    ending it ("... All rights reserved.") matches in full.
    """
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield _Block(start, end, _words(text[start:end]))


def _sentences(text: str, block: _Block):
    """The sentences of one paragraph, as blocks (a cheap splitter is enough here)."""
    start = block.start
    for m in _SENTENCE_END.finditer(text, block.start, block.end):
        end = m.start() + len(m.group(0).rstrip())
        yield _Block(start, end, _words(text[start:end]))
        start = m.end()
    if start < block.end:
        yield _Block(start, block.end, _words(text[start : block.end]))


def _words(s: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(s))


def _repeats(sentences: list[_Block]) -> list[Removed]:
    """Later copies of blocks (paragraphs or sentences) already seen, grouped into runs.

    A block repeats when its word sequence equals an earlier block's, or when
    nearly all its word 3-grams occur in one earlier block.
    """
    seen: dict[tuple[str, ...], int] = {}
    grams: dict[tuple[str, ...], set[int]] = {}
    marks: list[int | None] = []  # index of the earlier copy, or None
    for i, s in enumerate(sentences):
        earlier = seen.get(s.words) if s.words else None
        if earlier is None and len(s.words) >= MIN_WORDS:
            earlier = _near_copy(s.words, grams)
        marks.append(earlier)
        if earlier is None:
            seen.setdefault(s.words, i)
            for g in _trigrams(s.words):
                grams.setdefault(g, set()).add(i)
    removed = []
    i = 0
    while i < len(sentences):
        if marks[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(sentences) and marks[j + 1] is not None:
            j += 1
        run = sentences[i : j + 1]
        n_words = sum(len(s.words) for s in run)
        if n_words >= MIN_RUN_WORDS or any(len(s.words) >= MIN_WORDS for s in run):
            removed.append(Removed(run[0].start, run[-1].end, "repeated", sentences[marks[i]].start))
        i = j + 1
    return removed


def _trigrams(words: tuple[str, ...]):
    return {words[k : k + 3] for k in range(len(words) - 2)}


def _near_copy(words: tuple[str, ...], grams: dict[tuple[str, ...], set[int]]) -> int | None:
    """The earlier block holding the largest share of the words' 3-grams (the first of equals), if it is NEAR_REPEAT or more.

    Only blocks holding one of the rarest `len(own) - need + 1` 3-grams are counted: a block with `need` of them
    must hold one of those, so the 3-grams common to many blocks ("one of the") cost nothing.
    """
    own = _trigrams(words)
    if not own:
        return None
    need = next(c for c in range(len(own) + 1) if c / len(own) >= NEAR_REPEAT)
    rarest = sorted(own, key=lambda g: len(grams.get(g, ())))[: len(own) - need + 1]
    candidates = {j for g in rarest for j in grams.get(g, ())}
    counts = {j: sum(1 for g in own if j in grams.get(g, ())) for j in candidates}
    if not counts:
        return None
    best = min(counts, key=lambda j: (-counts[j], j))
    return best if counts[best] >= need else None


def _merge(text: str, removed: list[Removed]) -> list[Removed]:
    """Sorted spans that never overlap: overlapping spans join whatever their reasons, and
    spans of one reason separated only by whitespace join too.

    A joined span keeps the reason (and `repeats`) of the longer of the two; on a tie, the
    earlier one's. (A repeated run of paragraphs holds any boilerplate line between them:
    the line goes with the repeat.) `parse.blank` would keep offsets right even if spans
    overlapped, but every consumer of `Analysis.removed` may count on this.
    """
    out: list[Removed] = []
    for r in sorted(removed, key=lambda r: (r.start, -r.end)):
        prev = out[-1] if out else None
        if prev and r.start < prev.end:
            if r.end - r.start > prev.end - prev.start:
                prev.reason, prev.repeats = r.reason, r.repeats
            prev.end = max(prev.end, r.end)
        elif prev and prev.reason == r.reason and not text[prev.end : r.start].strip():
            prev.end = max(prev.end, r.end)
        else:
            out.append(r)
    return out
