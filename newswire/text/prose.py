"""Lines of a parsed article that are not its prose: captions, credits, labels, sub-headings, bylines.

A page's furniture shares the article's text but says nothing the article
reports: no quote or event may come from it. A line (a paragraph: the text
between line breaks) is not prose when, by its form alone:

* it carries a picture credit: a bracketed group opening with a picture word
  and a colon or "by" ("(Photo: Jane Doe/Reuters)", "[Image by AP]"), or it
  opens with one ("Photo: ...", "Credit: ...");
* it is a caption: its first clause's subject is a picture word with "this"
  ("This image shows ..."; not "Video shows that he had his hands up", a
  source, nor "the televised images will haunt ..."), or it opens "In this
  (file) photo/image";
* it opens with an upper-case label and a colon ("MARKETS: The index added
  1.2% ...") whose words name nobody the article names elsewhere (a
  transcript's "TAPPER:" names Jake Tapper, and stays: what follows is
  speech), and whose text does not speak as a person does ("I", "we",
  "you", a question: "BERG: I think it will open");
* it is short (at most `MAX_HEADING_TOKENS` words), ends without sentence
  punctuation, no quotation mark and no finite verb with a subject: a
  sub-heading, a byline, a "Share this" line.

Lines cleaning removed are blank to the parser already. The picture words are
`data/picture_nouns.txt`.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc

from ..lexicon import load_list

# A sub-heading, byline or share line is short; the longest sub-headings of
# PolNeAR train run to about ten words. A short line with a finite verb and its
# subject ("Trump wins Nevada") is a headline and may report speech.
MAX_HEADING_TOKENS = 12
# The longest upper-case label before a colon ("STAT OF THE WEEK").
MAX_LABEL_TOKENS = 5
_SENTENCE_END = frozenset(".!?\"'”’:;…)")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
# first- and second-person pronouns: a line that uses them speaks to someone (a transcript's turn)
_PERSONAL = frozenset(("i", "me", "my", "we", "us", "our", "you", "your"))


@cache
def picture_words() -> frozenset[str]:
    """The words of picture credits and captions, lower case (`data/picture_nouns.txt`: "photo", "Getty Images")."""
    return frozenset(w.lower() for w in load_list("picture_nouns.txt"))


def not_prose(doc: Doc) -> frozenset[int]:
    """The token indices of every line that is not the article's prose."""
    out: set[int] = set()
    names = _named_words(doc)
    for start, end in _lines(doc):
        words = [t for t in doc[start:end] if not t.is_space]
        if words and (_credit(words) or _caption(words) or _label(words, names) or _heading(words)):
            out.update(range(start, end))
    return frozenset(out)


_LINES = "newswire_lines"  # doc.user_data key
_TURNS = "newswire_transcript_turns"  # doc.user_data key


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) token ranges of the lines (paragraphs) of the doc. Found once per doc (kept in its `user_data`)."""
    if (found := doc.user_data.get(_LINES)) is None:
        found = doc.user_data[_LINES] = list(_find_lines(doc))
    return found


def _find_lines(doc: Doc):
    # A line ends at a whitespace token holding a break (a token's own trailing whitespace, `Token.whitespace_`, is
    # one space or nothing); only those tokens' texts are read (from an array, not a `Token` per word).
    start = None
    for i, space in enumerate(doc.to_array(IS_SPACE).tolist()):
        breaks = bool(space) and "\n" in doc[i].text
        if not breaks and start is None:
            start = i
        if breaks and start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(doc)


def _credit(words) -> bool:
    lowered = [t.lower_ for t in words]
    if len(words) > 1 and lowered[0] in picture_words() and lowered[1] in (":", "by"):
        return True
    for n, t in enumerate(words[:-2]):
        if t.text in ("(", "[") and lowered[n + 1] in picture_words() and lowered[n + 2] in (":", "by"):
            return True
    return False


def _caption(words) -> bool:
    first = words[0].sent
    lowered = [t.lower_ for t in words[:4]]
    if lowered[:2] == ["in", "this"] and len(lowered) > 2 and (lowered[2] in picture_words() or lowered[3:4] and lowered[3] in picture_words()):
        return True
    root = first.root
    return any(
        c.dep_ in _SUBJECTS
        and c.lower_ in picture_words()
        and any(d.dep_ == "det" and d.lower_ in ("this", "these") for d in c.children)
        for c in root.children
    )


def _label(words, names: frozenset[str]) -> bool:
    colon = next((n for n, t in enumerate(words[: MAX_LABEL_TOKENS + 1]) if t.text == ":"), None)
    if not colon or colon + 1 >= len(words):
        return False
    label = words[:colon]
    if not all(t.is_upper and t.is_alpha for t in label) or any(len(t.text) < 2 for t in label):
        return False
    if any(t.text.lower() in names for t in label):
        return False
    # a transcript's turn speaks as a person does: "I", "we", "you", or a question
    return not any(t.lower_ in _PERSONAL or t.text == "?" for t in words[colon + 1 :])


def _heading(words) -> bool:
    if len([t for t in words if not t.is_punct]) > MAX_HEADING_TOKENS or words[-1].text[-1] in _SENTENCE_END:
        return False
    if any(t.is_quote for t in words):
        return False  # a quotation and its credit: "“...” ― Jane Doe"
    return not any(t.dep_ in _SUBJECTS and t.head.pos_ in ("VERB", "AUX") for t in words)


def _named_words(doc: Doc) -> frozenset[str]:
    """The words, lower-cased, of the names of people, organisations and groups the parser found written not all in capitals."""
    return frozenset(
        t.lower_ for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE") and not e.text.isupper() for t in e if t.is_alpha
    )


# A headline in title case has at least this many capitalised words ("Clinton Hid Past Health Scares").
MIN_HEADLINE_CAPITALS = 3
_TITLE_CASE_LINES = "newswire_headline_case_lines"  # doc.user_data key


def title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) token ranges of the lines written in headline capitalisation.

    A line is in headline case when every word of it that is not a stop word
    ("of", "the", "as") starts with a capital ("Clinton Hid Past Health
    Scares, House Doctor Says"; all capitals too), and at least
    `MIN_HEADLINE_CAPITALS` words do. Prose capitalises only names and a
    sentence's first word, so the parser's named entities there are reliable;
    in a headline every word looks like a name. Found once per doc (kept in its `user_data`).
    """
    if (found := doc.user_data.get(_TITLE_CASE_LINES)) is not None:
        return found
    out = doc.user_data[_TITLE_CASE_LINES] = []
    for start, end in _lines(doc):
        words = [t for t in doc[start:end] if t.is_alpha]
        capitals = [t for t in words if t.text[:1].isupper()]
        if len(capitals) < MIN_HEADLINE_CAPITALS:
            continue
        if all(t.text[:1].isupper() or t.is_stop for t in words):
            out.append((start, end))
    return out


def headline_lines(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) token ranges of the lines that are headlines: every line in headline case (`title_case_lines`),
    and the first line of an article of several lines when it is one sentence (a lead paragraph of several
    sentences is the body's)."""
    lines = list(_lines(doc))
    out = set(title_case_lines(doc))
    if len(lines) > 1:
        start, end = lines[0]
        if doc[start].sent.end >= end:
            out.add(lines[0])
    return sorted(out)


# The longest speaker label of a transcript's turn, in tokens ("SEN. LINDSEY GRAHAM").
MAX_TURN_LABEL_TOKENS = 4


def transcript_turns(doc: Doc) -> list[tuple[int, int, int]]:
    """The turns of a transcript: lines that open with an upper-case speaker label and a colon ("WALLACE: Do you
    ...?", "Q: ...", "SEN. GRAHAM: I do."), as (label start, colon, line end) token indices.

    The label is at most `MAX_TURN_LABEL_TOKENS` words in capitals (periods allowed) and text follows the colon; what
    the label is (a speaker, or a section label such as "MARKETS:") is for the reader to decide (`not_prose`, the
    quotes stage's lines). Found once per doc (kept in its `user_data`).
    """
    if (found := doc.user_data.get(_TURNS)) is not None:
        return found
    out = doc.user_data[_TURNS] = []
    for start, end in _lines(doc):
        words = [t for t in doc[start:end] if not t.is_space]
        colon = next((n for n, t in enumerate(words[: MAX_TURN_LABEL_TOKENS + 1]) if t.text == ":"), None)
        if not colon or colon + 1 >= len(words):
            continue
        label = words[:colon]
        if all(t.text.rstrip(".").isalpha() and t.text.isupper() for t in label):
            out.append((label[0].i, words[colon].i, end))
    return out
