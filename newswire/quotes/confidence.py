"""How likely a quote record is right: a logistic model over what the stage knows of it.

`features(doc, quote, entities)` describes a finished quote record by what
it is and how it was found, read off the record and the parse only (never
the gold, never the confidence): its type, its cue's class and lemma, who its speaker
is and whether that resolved to a named entity (and to what kind: a person by
full name or not, a body), the speaker's own words (a name, a
plural noun, a description), whether a pronoun speaker has another person
named just before it, the content's length and construction (a clause, an
infinitive, an object, a prepositional object) and shape (another attribution
or an adjunct after a comma inside it, a participial tail, the sentence going
on after it, figures), whether its line is short (a caption, a heading), and
how far the content stands from its cue. `confidence` is the logistic
function of the weighted sum of those features, with the weights of
`data/quote_confidence.tsv`, rounded to two decimals (the same input gives
the same value).

The weights are fitted by `eval/fit_quote_confidence.py` on PolNeAR train (a
quote is right when it matches a gold attribution's content and speaker, the
"+ speaker" criterion of `eval/polnear_quotes.py`) together with the judged
records of international news (right when the judges found it fully right:
an attribution, content right, speaker right and fully named), each judged
record weighing ten PolNeAR ones; that script says how. A feature the table
does not name weighs nothing, so the table and the features may be extended apart.
"""

from __future__ import annotations

import math
from functools import cache

from spacy.tokens import Doc, Token

from ..lexicon.models import model_weights, probability
from ..records import Entity, Quote
from ..text.parse import parsed_text

# Cue lemmas that report speech and nothing else about it: the most reliable cues.
_PLAIN_CUES = ("say", "tell", "add")
# Entity types that speak as organisations.
_BODIES = ("ORG", "GPE", "NORP", "GROUP", "FAC", "LOC")
_FINITE = ("VBD", "VBZ", "VBP", "MD")
# How far before a pronoun speaker (characters) another named person makes the pronoun doubtful.
_RIVAL_WINDOW = 300
# How the content's head hangs on the parse, by dependency: the construction the content was read from.
_CONSTRUCTIONS = {
    "ccomp": "clause", "parataxis": "clause", "advcl": "clause", "conj": "clause", "ROOT": "clause",
    "xcomp": "infinitive", "acl": "infinitive", "relcl": "infinitive",
    "dobj": "object", "nsubjpass": "object", "attr": "object", "oprd": "object", "appos": "object",
    "pobj": "prep", "pcomp": "prep",
}  # fmt: skip


@cache
def weights() -> dict[str, float]:
    """The model's weights by feature name (`data/quote_confidence.tsv`); "bias" is the intercept."""
    return model_weights("quote_confidence.tsv")


def confidence(doc: Doc, quote: Quote, entities: list[Entity] | dict[str, Entity]) -> float:
    """The probability, 0-1 in steps of 0.01, that the quote's content and speaker are right."""
    return probability(weights(), features(doc, quote, entities))


def features(doc: Doc, quote: Quote, entities: list[Entity] | dict[str, Entity]) -> dict[str, float]:
    """The quote's features, by name (a feature absent is 0)."""
    by_id = entities if isinstance(entities, dict) else {e.id: e for e in entities}
    out: dict[str, float] = {}
    if quote.type != "indirect":
        out[quote.type] = 1.0
    if quote.inherited:
        out["inherited"] = 1.0
    out.update(_cue_features(doc, quote))
    out.update(_speaker_features(doc, quote, by_id.get(quote.speaker_entity) if quote.speaker_entity else None))
    content = _tokens(doc, quote.content.start, quote.content.end)
    words = [t for t in content if not (t.is_punct or t.is_space)]
    out["log_words"] = math.log1p(len(words))
    if len(words) < 4:
        out["short"] = 1.0
    out.update(_context_features(doc, quote, content, words))
    if "speaker_pronoun" in out and _rival_people(quote, by_id):
        out["speaker_pronoun_rival"] = 1.0
    if quote.type == "indirect":
        if not any(t.tag_ in _FINITE for t in words):
            out["no_finite_verb"] = 1.0
        if words and words[0].lower_ == "that":
            out["that"] = 1.0
        if content:
            root = doc[content[0].i : content[-1].i + 1].root
            out[f"construction_{_CONSTRUCTIONS.get(root.dep_, 'other')}"] = 1.0
    return out


def _cue_features(doc: Doc, quote: Quote) -> dict[str, float]:
    cue = quote.cue
    if cue is None:
        return {} if quote.inherited else {"no_cue": 1.0}
    out: dict[str, float] = {}
    lemma = cue.lemma
    out[f"lemma_{lemma}"] = 1.0  # how reliable this cue is, where the model has seen it often enough to say
    if lemma == ":":
        out["cue_line"] = 1.0
    elif lemma == "according to":
        out["cue_according"] = 1.0
    elif lemma in _PLAIN_CUES:
        out[f"cue_{lemma}"] = 1.0
    else:
        first = _tokens(doc, cue.start, cue.end)
        out["cue_noun" if first and first[0].pos_ == "NOUN" else "cue_other"] = 1.0
    content = quote.content
    if cue.start >= content.end:
        out["cue_after"] = 1.0
    gap = max(cue.start - content.end, content.start - cue.end, 0)
    out["log_gap"] = math.log1p(gap)
    return out


def _speaker_features(doc: Doc, quote: Quote, entity: Entity | None) -> dict[str, float]:
    if quote.speaker is None:
        return {"speaker_none": 1.0}
    tokens = _tokens(doc, quote.speaker.start, quote.speaker.end)
    pronoun = bool(tokens) and all(t.pos_ == "PRON" or t.is_punct for t in tokens)
    if entity is None:
        return {"speaker_pronoun_unresolved" if pronoun else "speaker_unresolved": 1.0}
    out = {"speaker_pronoun": 1.0} if pronoun else {}
    named = any(m.kind == "name" for m in entity.mentions)
    if entity.type == "PERSON":
        out["speaker_person_full" if named and len(entity.name.split()) >= 2 else "speaker_person_short"] = 1.0
    elif entity.type in _BODIES:
        out["speaker_body_named" if named else "speaker_body_nominal"] = 1.0
    return out


def _rival_people(quote: Quote, entities: dict[str, Entity]) -> bool:
    """Whether a person other than the speaker entity is named in the stretch before a pronoun speaker
    (the pronoun could stand for either)."""
    if quote.speaker is None:
        return False
    start = quote.speaker.start - _RIVAL_WINDOW
    return any(
        e.id != quote.speaker_entity and e.type == "PERSON" and any(start <= m.start < quote.speaker.start for m in e.mentions)
        for e in entities.values()
    )


def _context_features(doc: Doc, quote: Quote, content: list[Token], words: list[Token]) -> dict[str, float]:
    """Where the record stands in its sentence and paragraph, and what its speaker's words are."""
    out: dict[str, float] = {}
    if quote.speaker is not None:
        tokens = [t for t in _tokens(doc, quote.speaker.start, quote.speaker.end) if not t.is_punct]
        if tokens and not all(t.pos_ == "PRON" for t in tokens):
            if any(t.pos_ == "PROPN" for t in tokens):
                out["speaker_words_name"] = 1.0
            else:
                out["speaker_words_plural" if tokens[-1].tag_ in ("NNS", "NNPS") else "speaker_words_description"] = 1.0
    if not content:
        return out
    sent = content[0].sent
    # the content runs over more than one sentence (`Token.sent` walks the sentence: asked once, not per word)
    if any(not sent.start <= t.i < sent.end for t in content):
        out["content_sentences"] = 1.0
    rest = [t for t in doc[content[-1].i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if quote.cue is None or quote.cue.start < quote.content.end:
        if len(rest) >= 3:
            out["content_stops_early"] = 1.0
    # another attribution inside the content ("X, officials said, Y"), or a participial tail after a comma
    if any(t.lemma_ in ("say", "tell", "accord") and t.pos_ == "VERB" for t in words[1:]):
        out["content_inner_cue"] = 1.0
    if any(t.tag_ == "VBG" and t.i > 0 and doc[t.i - 1].text == "," for t in words[1:]):
        out["content_participle_tail"] = 1.0
    # an adjunct after a comma inside indirect content ("..., as he ...", "..., despite ..."): the narrator may speak there
    if quote.type == "indirect" and any(
        t.pos_ in ("SCONJ", "ADP") and t.i > content[0].i and doc[t.i - 1].text == "," for t in words
    ):
        out["content_comma_adjunct"] = 1.0
    if words and sum(t.like_num for t in words) / len(words) > 0.15:
        out["content_numbers"] = 1.0
    text = parsed_text(doc)  # `doc.text`, kept once (spaCy builds `doc.text` anew at each read)
    line_start = text.rfind("\n", 0, quote.content.start) + 1
    line_end = text.find("\n", quote.content.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if len(line.split()) < 12 or line[-1:] not in ".\"'?!\u201d\u2019)":
        out["line_short"] = 1.0
    return out


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
