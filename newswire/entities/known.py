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
    """The row for `name` valid on `published` (YYYY-MM-DD), or the latest one (`dated`)."""
    return dated(name, published)[0]


def dated(name: str, published: str | None) -> tuple[KnownActor | None, str]:
    """The row for `name` on `published` and when the date falls: "in" a row's term (or no date given), "after" the
    latest row begun by then (its term over: a former office holder, or between two offices), or "before" every row
    (what the actor was then the gazetteer does not say). "after" gives the latest row begun, "before" the first;
    (None, "") for a name the gazetteer does not know or gives several actors."""
    rows = _by_name().get(_norm(name))
    if not rows or len({r.name for r in rows}) > 1:
        return None, ""  # (one alias, several actors: not known enough to say)
    if not published:
        return max(rows, key=lambda r: r.start or ""), "in"
    valid = [r for r in rows if (r.start or "0000") <= published and (not r.end or published <= _end(r.end))]
    if valid:
        return max(valid, key=lambda r: r.start), "in"
    earlier = [r for r in rows if (r.start or "0000") <= published]
    if earlier:
        return max(earlier, key=lambda r: r.start or ""), "after"
    return min(rows, key=lambda r: r.start or ""), "before"


def first_word_fits(row: KnownActor, words: tuple[str, ...]) -> bool:
    """Whether a person's name of two words or more (lower case, as `names.name_tokens` gives them) can be the
    actor of `row`: its first word, the given name, is a word of one of the row's names ("Bashar" of "Bashar
    al-Assad"). "Charles Keating" is not Paul Keating, though "Keating" is one of his names."""
    return words[0].rstrip(".") in _words(row.name)


@cache
def _words(name: str) -> frozenset[str]:
    """The words of every name of the actor called `name`, lower case, split at spaces and hyphens, "al-" kept and
    dropped ("al-Assad": "al", "assad"); dots dropped ("W." is "w")."""
    out = set()
    for row in _by_name().get(_norm(name), ()):
        for n in (row.name, *row.aliases):
            for w in _norm(n).replace("-", " ").split():
                out.add(w.lower().rstrip("."))
    return frozenset(out)


def _end(value: str) -> str:
    # a bare year as an end date covers the whole year
    return value + "-12-31" if len(value) == 4 else value
