"""How far to trust an event record: a confidence in [0, 1].

A small logistic model over what the stage already knows about an event: how
its trigger was coded (verb or noun, support verb, frame, reported demand,
coreference chain), whether its source and target are coded and named in its
clause or inferred, its modality, whether a firm or a political actor is on
each side, and signals of its sentence (a quotation, its length). The weights
are data (`data/event_confidence.tsv`), fitted by `eval/fit_event_confidence.py`
on development data (realnews-events dev, the judged MEANTIME sheet) to the
probability that the record is fully right: real, of the right type, with the
right source and target.

`features(m, ctx)` gives the feature values (0 or 1) of one event mention;
`score(values)` the rounded probability. Deterministic: the same event gets the
same confidence.
"""

from __future__ import annotations

from functools import cache

from ..document import Document
from ..lexicon.models import model_weights, probability
from .model import EventMention

# Sectors of firms (as events/__init__.py's COMMERCIAL_SECTORS; not imported, to keep this module a leaf).
FIRM_SECTORS = {"BUS"}
# CAMEO roots of verbal events (statements, appeals, intents, consultations, ... threats); 14-20 are material.
VERBAL_ROOTS = {f"{n:02d}" for n in range(1, 14)}
# A sentence longer than this (tokens) is parsed less reliably.
LONG_SENTENCE = 40
QUOTE_MARKS = set('"“”«»') | {"``", "''"}

FEATURES = (
    "noun",  # the trigger is a noun ("the attack")
    "support",  # a support verb lends its subject ("launched an offensive")
    "frame",  # a frame verb absorbed the event it governs ("threatened to impose sanctions")
    "reported_demand",  # a verb of saying read as a demand ("said Sudan must return ...")
    "chain",  # mentioned again ("the attack" later)
    "source_named",  # a coded source named in the clause
    "source_implicit",  # a coded source inferred (unidentified forces of the place, a place's crowd)
    "target_named",  # a coded target named in the clause
    "target_implicit",  # a coded target inferred (focus country, home country, place)
    "both_named",  # coded source and target both named in the clause
    "both_political",  # coded actors on both sides, neither a firm
    "firm",  # a firm on one side
    "same_country",  # source and target of one country
    "person_source",  # the source is a person
    "not_asserted",  # intended, requested, conditional, negated (a refusal)
    "verbal",  # a verbal event (CAMEO 01-13), not a material one
    "quoted",  # the trigger is inside a quote
    "quote_mark",  # the sentence holds a quotation mark
    "long_sentence",  # more than LONG_SENTENCE tokens
)


def features(m: EventMention, ctx: Document, reported: bool) -> dict[str, float]:
    """The feature values of one event mention (1.0 or 0.0, keyed by FEATURES). reported: inside a quote."""
    src = [a for a in m.sources if a.code]
    tgt = [a for a in m.targets if a.code]
    sent = [t for t in ctx.sentence_of(m.token.i) if not t.is_space]
    on = {
        "noun": m.trigger.kind == "noun",
        "support": m.anchor.i != m.trigger.i and m.trigger.kind == "noun",
        "frame": m.complement is not None,
        "reported_demand": m.trigger.reported,
        "chain": len(m.chain) > 1,
        "source_named": any(not a.implicit for a in src),
        "source_implicit": bool(src) and all(a.implicit for a in src),
        "target_named": any(not a.implicit for a in tgt),
        "target_implicit": bool(tgt) and all(a.implicit for a in tgt),
        "both_named": any(not a.implicit for a in src) and any(not a.implicit for a in tgt),
        "both_political": bool(src) and bool(tgt) and not any(_firm(a.code) for a in src + tgt),
        "firm": any(_firm(a.code) for a in src + tgt),
        "same_country": bool(src) and bool(tgt) and src[0].code[:3] == tgt[0].code[:3],
        "person_source": bool(m.sources) and m.sources[0].entity.type == "PERSON",
        "not_asserted": m.modality != "asserted",
        "verbal": m.code[:2] in VERBAL_ROOTS,
        "quoted": reported,
        "quote_mark": any(t.text in QUOTE_MARKS for t in sent),
        "long_sentence": len(sent) > LONG_SENTENCE,
    }
    return {name: 1.0 if on[name] else 0.0 for name in FEATURES}


def score(values: dict[str, float]) -> float:
    """The model's probability for these feature values, rounded to two decimals."""
    return probability(weights(), values)


def assess(m: EventMention, ctx: Document, reported: bool) -> float:
    """The confidence of one event mention."""
    return score(features(m, ctx, reported))


@cache
def weights() -> dict[str, float]:
    """The fitted weights, by feature name (`bias`: the intercept)."""
    table = model_weights("event_confidence.tsv")
    unknown = set(table) - set(FEATURES) - {"bias"}
    if unknown:
        raise ValueError(f"event_confidence.tsv: unknown features {', '.join(sorted(unknown))}")
    return table


def _firm(code: str | None) -> bool:
    return bool(code) and code[3:6] in FIRM_SECTORS
