"""Reading a parsed doc's tokens cheaply: spaCy makes a new `Token` object on every `doc[i]` and every step of
`for tok in doc`, and over a whole document that is a good part of a stage's time. A scan that only looks at the
words of some parts of speech reads them from one array and makes a Token only for those."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import IS_SPACE, POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token


def with_pos(doc: Doc, *pos: str) -> Iterator[Token]:
    """The tokens of `doc` whose coarse part of speech (`Token.pos_`) is one of `pos` ("NOUN", "VERB"), in order."""
    wanted = {IDS[p] for p in pos}
    for i, p in enumerate(doc.to_array(POS).tolist()):
        if p in wanted:
            yield doc[i]


def line_starts(doc: Doc) -> list[int]:
    """The indices of the tokens that begin a line: the first token unless it is whitespace, and each token but whitespace right
    after a whitespace token holding a line break. (A token's own trailing whitespace, `Token.whitespace_`, is one
    space or nothing: a break is always a whitespace token of its own.)"""
    spaces = doc.to_array(IS_SPACE).tolist()
    out = []
    for i, space in enumerate(spaces):
        if not space and (i == 0 or (spaces[i - 1] and "\n" in doc[i - 1].text)):
            out.append(i)
    return out
