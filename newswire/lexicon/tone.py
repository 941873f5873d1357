"""Tone: the share of a text's words that are positive or negative, counted as GDELT counts its AvgTone.

Words are scored with the VADER lexicon (the `vaderSentiment` package, MIT:
7,500 words rated from -4 to +4 by ten people each). A word counts as
positive or negative when its valence is at least `MIN_VALENCE` either way, it
is used as a content word (adjective, adverb, noun or verb: "like" as a
preposition and "no" as a determiner do not count), it is not part of a name
("United Nations", "Free Syrian Army", "Justice Department"), it is not one
of the words that carry no tone in news (`data/tone_neutral.txt`), and it is
not negated ("did not win", "is not good", "no progress", "without success":
a negated word counts neither way, since "not good" is not the opposite of
good). Every word counts toward `words`. docs/tone.md says what the figure
measures and what it misses.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.attrs import LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..records import Tone
from . import load_list

__all__ = ["MIN_VALENCE", "tone_of", "valence"]

# The least valence (VADER's -4..+4 scale) a word needs to count: its raters found it at least slightly positive or
# negative; below it are words whose mean rating is near neutral ("want" 0.3, "number" 0.3, "legal" 0.5).
MIN_VALENCE = 1.0
# The parts of speech whose words carry tone here: content words.
CONTENT_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})
# Named-entity types whose words are names, not tone ("United", "Free", "Justice").
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
# Relations through which a word is negated with its head: a predicate ("is not good"), an object ("did not win
# support"), an adverb or a modifier ("not a good idea": good → idea → is). A subject is not ("the attack did not kill").
NEGATED_WITH_HEAD = frozenset({"acomp", "attr", "dobj", "xcomp", "oprd", "advmod", "amod", "compound", "ccomp", "pobj"})
# Determiners that negate their noun ("no progress"), and prepositions that negate their object ("without success").
NEGATING_DETERMINERS = frozenset({"no", "neither"})
NEGATING_PREPOSITIONS = frozenset({"without"})


@cache
def _lexicon() -> dict[str, float]:
    """The VADER lexicon's words (lower case) with valence of at least `MIN_VALENCE` either way, less data/tone_neutral.txt."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    neutral = set(load_list("tone_neutral.txt"))
    return {w: v for w, v in SentimentIntensityAnalyzer().lexicon.items() if abs(v) >= MIN_VALENCE and w not in neutral}


@cache
def _lexicon_ids() -> dict[int, float]:
    """`_lexicon` by the words' string ids (`Token.lower`): reading a token's id costs less than reading its text."""
    return {hash_string(w): v for w, v in _lexicon().items()}


def valence(tok: Token) -> float:
    """The valence a word counts with (0 when it counts neither way): its lexicon valence if it carries tone here."""
    value = _lexicon_ids().get(tok.lower, 0.0)  # first: most words are in no list, and the tags cost more to read
    if not value or tok.pos_ not in CONTENT_POS or tok.ent_type_ in NAME_TYPES or _negated(tok):
        return 0.0
    return value


def _negated(tok: Token) -> bool:
    """Whether a word is negated: by its own "not"/"never" or "no", by "without", or with the head it completes."""
    node = tok
    for _ in range(3):  # the word, its head, its head's head ("not a good idea")
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS) for c in node.children):
            return True
        if node.dep_ == "pobj" and node.head.lower_ in NEGATING_PREPOSITIONS:
            return True
        if node.dep_ not in NEGATED_WITH_HEAD or node.head.i == node.i:
            return False
        node = node.head
    return False


# Whether a text is a word of the count, by its string id (`Token.orth`): `is_word` reads each distinct text once.
_WORDS: dict[int, bool] = {}
# At most this many texts are kept; then the table starts again.
_KEEP_WORDS = 100_000


def is_word(tok: Token) -> bool:
    """Whether a token is a word of the count: it holds a letter or digit and is no clitic ("'s", "n't")."""
    found = _WORDS.get(tok.orth)
    if found is None:
        if len(_WORDS) >= _KEEP_WORDS:
            _WORDS.clear()
        found = _WORDS[tok.orth] = _is_word(tok)
    return found


def _is_word(tok: Token) -> bool:
    text = tok.text
    if text.isalnum():
        return True  # most are: no space, no clitic
    return not tok.is_space and any(c.isalnum() for c in text) and text[0] not in "'’" and tok.lower_ not in ("n't", "n’t")


def tone_of(tokens: Iterable[Token]) -> Tone:
    """The tone of some words: how many are positive, negative, and the percentages of all words they make."""
    if isinstance(tokens, Doc):
        return _doc_tone(tokens)
    words = positive = negative = 0
    for tok in tokens:
        if not is_word(tok):
            continue
        words += 1
        value = valence(tok)
        if value > 0:
            positive += 1
        elif value < 0:
            negative += 1
    return make_tone(words, positive, negative)


def _doc_tone(doc: Doc) -> Tone:
    """`tone_of` over all of a doc's tokens, read from one array: a `Token` is made only for a text `is_word` has not
    seen yet and for a word in the lexicon (`valence` is 0 for any other), not for every word of the article."""
    words = positive = negative = 0
    lexicon = _lexicon_ids()
    for i, (orth, lower) in enumerate(doc.to_array([ORTH, LOWER]).tolist()):
        found = _WORDS.get(orth)
        if found is None:
            found = is_word(doc[i])
        if not found:
            continue
        words += 1
        if lower not in lexicon:
            continue
        value = valence(doc[i])
        if value > 0:
            positive += 1
        elif value < 0:
            negative += 1
    return make_tone(words, positive, negative)


def make_tone(words: int, positive: int, negative: int) -> Tone:
    """A `Tone` from its counts (all percentages 0 for no words), rounded to two decimals."""

    def share(n: int) -> float:
        return round(100 * n / words, 2) if words else 0.0

    return Tone(
        score=share(positive - negative),
        positive=share(positive),
        negative=share(negative),
        polarity=share(positive + negative),
        words=words,
        positive_words=positive,
        negative_words=negative,
    )
