"""Lines that give a speaker and a colon: headlines and transcripts.

    John McCain: Republican Populist Anger Appeals to ‘Bad Angels Of Our Nature.’
    TAPPER: Do you think Donald Trump has campaigned as a racial healer?

A paragraph that opens with a short label, a colon and then text reports
that text as the label's. The label must be a name the entity stage found
(a person, organisation, place or group), or a transcript's upper-case
speaker label; labels that head other lines ("UPDATE:", "WATCH:") are
listed in `data/line_labels.txt` and never speak.
"""

from __future__ import annotations

import weakref

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..document import EntityIndex
from ..lexicon import load_list
from ..lexicon.given_names import person_affixes
from ..records import Entity

# The longest label, in tokens, that can head a line ("Former AG Mukasey at RNC");
# the longest PolNeAR train headline labels have six. Longer runs before a colon
# are sentences ("Here is what he told the crowd:"), handled as passages are.
MAX_LABEL_TOKENS = 6
_SPEAKING_TYPES = ("PERSON", "ORG", "GPE", "NORP", "GROUP")


@dataclass(slots=True)
class Line:
    label: tuple[int, int]  # token range of the speaker label
    colon: int  # token index of the colon
    content: tuple[int, int]  # token range of what follows, to the end of the paragraph


@cache
def _not_speakers() -> frozenset[str]:
    return frozenset(x.lower() for x in load_list("line_labels.txt"))


def find_lines(doc: Doc, entities: EntityIndex, starts: list[int]) -> list[Line]:
    """Paragraphs of the form "Label: text" whose label is a speaker.

    starts: the tokens that begin a line (`Document.line_starts`)."""
    out = []
    for start in starts:
        colon = next((i for i in range(start, min(start + MAX_LABEL_TOKENS + 1, len(doc))) if doc[i].text == ":"), None)
        if colon is None or colon == start or "\n" in doc[start:colon].text:
            continue
        label = doc[start:colon]
        if any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in label) or label.text.lower() in _not_speakers():
            continue
        end = colon + 1
        while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text) and "\n" not in doc[end - 1].whitespace_:
            end += 1
        while end > colon + 1 and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text in ",;:"):
            end -= 1
        if end - colon < 3:
            continue
        root = label.root
        covered = _named(entities, root.idx, root.idx + len(root))
        transcript = all(t.text.isupper() and t.is_alpha for t in label if not t.is_punct)
        if covered or transcript or _surname_label(label, entities):
            out.append(Line((start, colon), colon, (colon + 1, end)))
    return out


def _surname_label(label, entities: EntityIndex) -> bool:
    """A headline's one capitalised word that is the surname of the one person the article names in full ("Lynch: No
    outside influence on probe", with Loretta Lynch in the story), though the entity layer did not tag it there."""
    words = [t for t in label if not t.is_punct]
    if len(words) != 1 or not (words[0].is_alpha and words[0].text[0].isupper() and not words[0].text.isupper()):
        return False
    if _common_word_here(words[0]):
        return False
    return person_surnamed(entities, lambda last: last == words[0].text) is not None


def _common_word_here(tok: Token) -> bool:
    """Whether the article also writes the word in lower case, as a common noun ("Gold: Prices hit record" in a story
    about gold prices, though an analyst Tom Gold is quoted): a topic label, not a surname (session fifteen's review)."""
    word = tok.text.lower()
    return any(t.is_lower and (t.lower_ == word or t.lemma_ == word) for t in tok.doc if t.i != tok.i)


def _named(entities: EntityIndex, start: int, end: int) -> bool:
    """Whether a name of a speaking entity (a person, organisation, place or group) covers [start, end)."""
    return any(
        e.type in _SPEAKING_TYPES and m.kind == "name" and m.start <= start and end <= m.end
        for _, _, e, m in entities.overlapping(start, end)
    )


def labelled_person(head: Token, entity: Entity | None, entities: EntityIndex) -> Entity | None:
    """The person a transcript's upper-case label stands for ("PENCE:", "MR. SMITH:"), or a headline's surname
    label opening its line ("Lynch: ..."): the one person the article names in full whose surname the label's last word is; None when the entity layer named the label, or no person or
    two fit."""
    text = head.text
    if entity is not None or not (text.isalpha() and len(text) > 1) or head.i + 1 >= len(head.doc) or head.doc[head.i + 1].text != ":":
        return None
    if text.isupper():
        return person_surnamed(entities, lambda last: last.upper() == text)
    if text[0].isupper() and (head.i == 0 or "\n" in head.doc[head.i - 1].text_with_ws):
        if _common_word_here(head):
            return None
        return person_surnamed(entities, lambda last: last == text)  # a headline's "Lynch:", with Loretta Lynch named
    return None


def person_surnamed(entities: EntityIndex, fits, before: int | None = None) -> Entity | None:
    """The one person the article names in full (a name of two words or more, not in capitals) whose last word
    `fits`, named before character `before` when given; None when no person or two fit."""
    fitting: list[Entity] = []
    for last, people in _full_names(entities).items():
        if fits(last):
            fitting += [e for end, e in people if (before is None or end <= before) and all(e is not f for f in fitting)]
    return fitting[0] if len(fitting) == 1 else None


# each entity index's persons named in full, by the last word of the name (`_full_names`)
_FULL_NAMES: weakref.WeakKeyDictionary[EntityIndex, dict[str, list[tuple[int, Entity]]]] = weakref.WeakKeyDictionary()


def _full_names(entities: EntityIndex) -> dict[str, list[tuple[int, Entity]]]:
    """The last word of each name of two words or more, not in capitals, of a person → (where the first such mention
    ends, the person), for each person named with it: built once per entity index (`person_surnamed` is asked once a
    quote or more; a walk over every mention each time cost the square of the text's length)."""
    found = _FULL_NAMES.get(entities)
    if found is None:
        found = {}
        for e in entities.entities:
            if e.type != "PERSON":
                continue
            first_end: dict[str, int] = {}
            for m in e.mentions:
                if m.kind == "name" and len(w := name_words(m.text)) > 1 and not m.text.isupper():
                    first_end[w[-1]] = min(first_end.get(w[-1], m.end), m.end)
            for last, end in first_end.items():
                found.setdefault(last, []).append((end, e))
        _FULL_NAMES[entities] = found
    return found


def name_words(name: str) -> list[str]:
    """A person's name's words without the generational word after it ("William Taylor III", "Ann Lee, Jr." → the
    words up to the surname; `data/person_suffixes.txt`)."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(".,").lower() in person_affixes():
        words.pop()
    if words:
        words[-1] = words[-1].rstrip(",")
    return words

