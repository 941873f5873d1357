"""Well-known actors (`data/actors.tsv`): who is who, when.

A row gives one actor's country and CAMEO actor code over a period (Kerry is
USALEG as a senator until 2013, USAGOV as Secretary of State from 2013), so
lookups take the publication date when it is known.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans
from spacy.tokens import Doc

from ..lexicon import load_table
from ..lexicon.tables import KnownActor
from ..text.parse import load_nlp


def _norm(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


@cache
def _by_name() -> dict[str, list[KnownActor]]:
    table: dict[str, list[KnownActor]] = {}
    for row in load_table("actors.tsv", KnownActor):
        for name in [row.name, *row.aliases]:
            table.setdefault(_norm(name), []).append(row)
    return table


def build_matcher(nlp: Language) -> PhraseMatcher:
    """The matcher of every known name, tokenised by `nlp` (the pipeline whose docs it will see)."""
    matcher = PhraseMatcher(nlp.vocab)  # case-sensitive: "Ban" the name, not "ban" the word
    matcher.add("KNOWN", [nlp.make_doc(n) for n in _by_name()])
    return matcher


@cache
def _matcher() -> PhraseMatcher:
    return build_matcher(load_nlp())


def find_known(doc: Doc, matcher: PhraseMatcher | None = None) -> list[tuple[int, int]]:
    """Token ranges of known actor names in `doc`, longest first where they overlap.

    matcher: from `build_matcher` for the pipeline that made `doc`; None: newswire's own (`load_nlp`).
    """
    matcher = _matcher() if matcher is None else matcher
    return [(span.start, span.end) for span in filter_spans([doc[s:e] for _, s, e in matcher(doc)])]


def lookup(name: str, published: str | None = None) -> KnownActor | None:
    """The row for `name` valid on `published` (YYYY-MM-DD), or the latest one."""
    rows = _by_name().get(_norm(name))
    if not rows:
        return None
    if len({r.name for r in rows}) > 1:
        return None  # one alias, several actors: not known enough to say
    if published:
        valid = [r for r in rows if (r.start or "0000") <= published and (not r.end or published <= _end(r.end))]
        if valid:
            return max(valid, key=lambda r: r.start)
    return max(rows, key=lambda r: r.start or "")


def _end(value: str) -> str:
    # a bare year as an end date covers the whole year
    return value + "-12-31" if len(value) == 4 else value
