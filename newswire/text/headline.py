"""An article's headline, when the text opens with one and no title was given.

Plain text (a `.txt` file, a JSON line or a page with no title) often opens
with the headline on a line of its own: "Kerry, Lavrov hold talks on Syria"
and then the body. `headline` takes that line as the title only when it looks
like nothing else: a line of its own, followed by more text, of a headline's
length, not ending as a sentence ends (a lead paragraph does: the canonical
article opens with one and stays untitled), not a byline ("By Jane Doe"), a
dateline ("NAIROBI, Kenya (AP) _") or page
metadata (`data/not_headlines.txt`: "Posted on ...", "Updated 10:32"), not
left out by the clean stage (boilerplate, a repeat), and with words in it.
Anything else leaves the title empty: a missing title beats a wrong one.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from ..lexicon import load_list
from ..records import Removed
from .clean import LINE_BREAKS

# A headline has at most this many words and characters (news headlines run to 10-15 words).
MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 160
# ... and at least this many words ("Obituary" alone is a section label).
MIN_HEADLINE_WORDS = 3

# the first line with something in it (a byte order mark, which a Python string may keep, is not part of it)
_FIRST_LINE = re.compile(rf"[\s\ufeff]*([^{LINE_BREAKS}]+)")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# a line that ends as a sentence, a list or a dateline ends, closing quotes and brackets aside
_SENTENCE_END = re.compile(r"""[.!?:;,—–_-]["'”’)\]]*$""")
# a dateline with its credit, "NAIROBI, Kenya (AP)": a line of its own in some wire copy, and no headline
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^()]{1,40})?\s*\([^()]{1,30}\)")
_BYLINE = re.compile(r"(?i)by\s")
_ADDRESS = re.compile(r"(?i)(?:https?://|www\.)")
_SEPARATOR = re.compile(r"\s[|>»›/]\s|\|")


@cache
def _metadata() -> re.Pattern[str]:
    """First lines that are page or wire metadata ("Posted on ...", "Updated 10:32"): `data/not_headlines.txt`."""
    return re.compile("|".join(f"(?:{p})" for p in load_list("not_headlines.txt")), re.IGNORECASE)


def headline(text: str, removed: list[Removed], doc: Doc | None = None) -> str | None:
    """The text's first line when it is a headline (see the module's docstring), stripped; else None.

    doc: the text's parse, when there is one: a line whose every word (stop words aside) is in a named entity of
    the parser's ("Kansas City, Missouri", "Jane Doe and John Roe", "Tuesday, May 2") is a name, a place or a date,
    no headline.
    """
    match = _FIRST_LINE.match(text)
    if match is None:
        return None
    line = match.group(1).strip()
    start = match.start(1)
    end = start + len(match.group(1).rstrip())
    if not text[end:].strip():
        return None  # nothing follows: the whole text is one line
    if len(line) > MAX_HEADLINE_CHARS or _SENTENCE_END.search(line) or _BYLINE.match(line) or _DATELINE.match(line) or _ADDRESS.search(line) or _metadata().match(line):
        return None
    if not MIN_HEADLINE_WORDS <= len(_WORD.findall(line)) <= MAX_HEADLINE_WORDS or len(line.split()) > MAX_HEADLINE_WORDS:
        return None
    if any(r.start < end and start < r.end for r in removed):
        return None
    if _SEPARATOR.search(line):
        return None  # "Opinion | Letters", "Jane Doe | Reuters", "Home > World": a section path or a credit
    if doc is not None and _all_named(doc, start, end):
        return None
    return line


def _all_named(doc: Doc, start: int, end: int) -> bool:
    words = [t for t in doc.char_span(start, end, alignment_mode="expand") or () if t.is_alpha and not t.is_stop]
    return bool(words) and all(t.ent_type_ for t in words)
