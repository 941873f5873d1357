"""How far to trust an event record: a confidence in [0, 1].

A small logistic model over what the stage already knows about an event: whether
its source and target are coded and named in its clause, political on both
sides, of one country; whether a side is only a pronoun, a lone demonym or a
city (the commonest wrong sides on real news); a noun or a verb for trigger; a
verbal or material event; where the target stands in the parse (inside a phrase
hung on another noun, outside the trigger's clause, the source's own words); an
intent verb with a direct object; a negation the modality does not carry; an
unasserted modality. The weights are data (`data/event_confidence.tsv`),
fitted by `eval/fit_event_confidence.py` on development data (realnews-events
dev, the judged MEANTIME sheet, the two judged session-seven sheets) to the
probability that the record is fully right: real, of the right type, with the
right source and target.

A gate keeps the top band small and right: a record reaches CLEAR_FLOOR (0.7)
only when it is `clear`, its clause states every part of it (both sides named
by a name or a noun, coded, political, of two countries, a verb for trigger;
no side a pronoun, a lone demonym or a city)
and none of the DOUBTFUL constructions holds (a nested or outside target, one
span for both sides, an intent on a thing, an unmarked negation, an unasserted
modality); any other record is capped just under it, whatever its weights add
up to.

`features(m, ctx)` gives the feature values (0 or 1) of one event mention;
`score(values)` the rounded probability. Deterministic: the same event gets the
same confidence.
"""

from __future__ import annotations

from functools import cache
from itertools import takewhile

from ..document import Document
from ..lexicon import countries
from ..lexicon.agents import agent_row
from ..lexicon.models import model_weights, probability
from .model import EventMention
from .triggers import word_class

# Sectors of firms (as events/__init__.py's COMMERCIAL_SECTORS; not imported, to keep this module a leaf).
FIRM_SECTORS = {"BUS"}
# CAMEO roots of verbal events (statements, appeals, intents, consultations, ... threats); 14-20 are material.
VERBAL_ROOTS = {f"{n:02d}" for n in range(1, 14)}
# Only a `clear` record reaches this confidence; any other is capped at CAP. On realnews dev, leave-one-article-out,
# the records at 0.7 or above were 10 of 14 fully right without the gate and 8 of 9 with it.
CLEAR_FLOOR = 0.7
CAP = 0.69

FEATURES = (
    "clear",  # the clause states every part: both sides named (no pronoun, lone demonym or city), coded, political,
    # of two countries, and a verb for trigger
    "both_named",  # coded source and target both named in the clause
    "both_political",  # coded actors on both sides, neither a firm
    "verbal",  # a verbal event (CAMEO 01-13), not a material one
    "noun",  # the trigger is a noun ("the attack")
    "same_country",  # source and target of one country
    "pronoun_side",  # the source or target is named by a pronoun ("he", "they"): resolved, not named
    "city_target",  # the target is a city or region, not a country or a body (the place, often, not the patient)
    "demonym_side",  # the source or target is a lone demonym ("Thai", "Albanians"): a modifier or a people, not a body
    "target_nested",  # the target is named inside a phrase hung on another noun that names no agent ("condemned the
    # bombing of the embassies", "Iraq's invasion of Kuwait", "tariffs on goods from China"): often who was acted on
    # in another act, or a place, not this event's target
    "target_outside",  # the target's words are not under the trigger's clause in the parse
    "one_span",  # source and target are named by overlapping words ("the foreign ministers" as both)
    "intent_object",  # an intent (CAMEO 03) whose verb takes a thing or an actor as its direct object ("accepted the
    # refugees", "accept North Korea", "offer a reward", "accepted the papers"): often the verb in its plain sense (a
    # done act, an appeal, a refusal), not an intent to act
    "unmarked_negation",  # a negation on the trigger's verb, its auxiliary or the verb it is coordinated with that the
    # record's modality does not carry ("does not, and never will, accept")
    "unasserted",  # the modality is not asserted (intended, conditional, requested, hypothetical, ...)
    "city_source",  # the source is a city or region, not a country, its capital or a body ("Parents of two Benghazi
    # victims sue", a dateline's "Doha, Qatar - ISIL has captured ..."): where someone is, seldom who acts
    "headline",  # the trigger is in a line with no final punctuation (a headline or title): terse, its passives and
    # requests often misread ("Militias asked to fight ISIL")
    "advice_warning",  # a threat (CAMEO 13) read from a verb of warning (event_word_classes.tsv `warning`) that warns
    # someone against something ("warned Israel against an all-out war": advice) or that a named other will act
    # ("warned that Putin would expand the war": a prediction): what is warned of is not the warner's own act
    "conjunct_subject_target",  # the target is the subject of another verb coordinated with the trigger's ("has
    # pledged to accept 50 and Finland will take 11"): the next clause's doer, not this event's target
    "place_target",  # a verbal event (CAMEO 01-14) whose target hangs on the trigger by a preposition of place ("signed
    # a deal with Kosovo at the White House", "students demonstrated in Bangkok"): where it happened, not to whom
    "participle_source",  # the trigger heads a clause of a bare past participle before the main clause ("Asked whether
    # troops should be sent, Cameron replied", "Criticised by Germany, France withdrew"): the main clause's subject is
    # who was asked or criticised, not who did it, yet the source is taken from outside the participle's words
    "reproach",  # an appeal or demand (CAMEO 02, 10) read from a complement in the past of "should"/"must" ("said
    # Ukraine should have never started the war"): a reproach for what was done, nothing asked
)
# Features any one of which keeps a record out of the `clear` band: each marks a construction in which most records
# of the development data were wrong (realnews dev, the judged MEANTIME and session-seven sheets: 42 nested targets,
# 10 right; 13 outside, 3; 21 intents on a thing, 3; 36 unasserted, 9; among the clear ones 3 of 5 unasserted).
DOUBTFUL = ("target_nested", "target_outside", "one_span", "intent_object", "unmarked_negation", "unasserted")
# Features that, since session nineteen, also keep a record out of the `clear` band (no weight of their own: they only
# cap it). On the records judged wrong at 0.7 or above in sessions sixteen to eighteen (international news, 330
# articles) each marked a construction a reader found wrong; see FEATURES.
MISREAD = ("advice_warning", "conjunct_subject_target", "place_target", "participle_source", "reproach")
# The features the model weighs (eval/fit_event_confidence.py fits these; data/event_confidence.tsv may hold no other):
# every feature but the MISREAD ones, which only gate.
FITTED = tuple(name for name in FEATURES if name not in MISREAD)
# Modalities of a record whose trigger is negated.
NEGATED = {"negated"}


def features(m: EventMention, ctx: Document, reported: bool = False) -> dict[str, float]:
    """The feature values of one event mention (1.0 or 0.0, keyed by FEATURES). reported: inside a quote (unused by
    this model; kept for callers)."""
    src = [a for a in m.sources if a.code]
    tgt = [a for a in m.targets if a.code]
    named_src = any(not a.implicit for a in src)
    named_tgt = any(not a.implicit for a in tgt)
    sides = m.sources[:1] + m.targets[:1]
    on = {
        "both_named": named_src and named_tgt,
        "both_political": bool(src) and bool(tgt) and not any(_firm(a.code) for a in src + tgt),
        "verbal": m.code[:2] in VERBAL_ROOTS,
        "noun": m.trigger.kind == "noun",
        "same_country": bool(src) and bool(tgt) and src[0].code[:3] == tgt[0].code[:3],
        "pronoun_side": any(a.mention.kind == "pronoun" for a in sides),
        "city_target": bool(m.targets) and _city(m.targets[0].entity),
        "demonym_side": any(_demonym(a.mention.text) for a in sides),
        "city_source": bool(m.sources) and not m.sources[0].implicit and _place_source(m.sources[0]),
        "headline": _headline(ctx, m.token.i),
        **_structure(m, ctx),
        **_misread(m, ctx),
        "unasserted": m.modality != "asserted",
    }
    on["clear"] = (
        on["both_named"] and on["both_political"] and not on["same_country"] and not on["noun"]
        and not (on["pronoun_side"] or on["demonym_side"] or on["city_target"] or on["city_source"])
        and not any(on[name] for name in DOUBTFUL + MISREAD)
    )
    return {name: 1.0 if on[name] else 0.0 for name in FEATURES}


def score(values: dict[str, float]) -> float:
    """The model's probability for these feature values, rounded to two decimals, capped under CLEAR_FLOOR unless
    the record is clear."""
    p = probability(weights(), values)
    return p if values.get("clear") else min(p, CAP)


def assess(m: EventMention, ctx: Document, reported: bool) -> float:
    """The confidence of one event mention."""
    return score(features(m, ctx, reported))


@cache
def weights() -> dict[str, float]:
    """The fitted weights, by feature name (`bias`: the intercept)."""
    table = model_weights("event_confidence.tsv")
    unknown = set(table) - set(FITTED) - {"bias"}
    if unknown:
        raise ValueError(f"event_confidence.tsv: unknown or unweighted (MISREAD) features {', '.join(sorted(unknown))}")
    return table


def _structure(m: EventMention, ctx: Document) -> dict[str, bool]:
    """Where the record's target stands in the parse, relative to its trigger (see FEATURES)."""
    out = {"target_nested": False, "target_outside": False, "one_span": False, "intent_object": False}
    out["unmarked_negation"] = m.modality not in NEGATED and _negation(m.anchor)
    out["intent_object"] = (m.plain_code or m.code)[:2] == INTENT_ROOT and any(c.dep_ == "dobj" and c.pos_ in NOMINAL for c in m.anchor.children)
    target = m.targets[0] if m.targets and not m.targets[0].implicit else None
    if target is None:
        return out
    source = m.sources[0] if m.sources and not m.sources[0].implicit else None
    tm = target.mention
    out["one_span"] = source is not None and source.mention.start < tm.end and tm.start < source.mention.end
    head = _head(ctx, tm.start, tm.end)
    if head is None:
        return out
    ends = {m.anchor.i, m.token.i}
    path = []  # the words from the target's head up to the trigger (or the root), the head first
    node = head
    while node.i not in ends and node.head.i != node.i and len(path) < PATH_LIMIT:
        path.append(node)
        node = node.head
    out["target_outside"] = node.i not in ends
    out["target_nested"] = any(
        t.dep_ == "prep" and t.head.pos_ in NOMINAL and t.head.i not in ends and agent_row(t.head) is None for t in path
    )
    return out


def _misread(m: EventMention, ctx: Document) -> dict[str, bool]:
    """The MISREAD constructions of one event mention (see FEATURES)."""
    root = m.code[:2]
    target = m.targets[0] if m.targets and not m.targets[0].implicit else None
    head = _head(ctx, target.mention.start, target.mention.end) if target is not None else None
    source = m.sources[0] if m.sources and not m.sources[0].implicit else None
    return {
        "advice_warning": root == THREAT_ROOT and _advice_warning(m.token, source),
        "conjunct_subject_target": head is not None and _conjunct_subject(head, m),
        "place_target": head is not None and root in PLACED_ROOTS and _placed(head, m),
        "participle_source": source is not None and _participle_source(m, source),
        "reproach": root in APPEAL_ROOTS and _reproach(m.anchor),
    }


THREAT_ROOT = "13"
APPEAL_ROOTS = {"02", "10"}
# Verbal events and protests: their target is a counterpart, never where they happen (material acts can be aimed at a
# place: "shelled villages in Donetsk").
PLACED_ROOTS = VERBAL_ROOTS | {"14"}
# Prepositions of where, not of whom to ("at the White House", "in Bangkok", "across Iran"); see _placed for "at".
PLACE_PREPOSITIONS = {"at", "in", "across", "throughout", "inside"}
# Modal auxiliaries of obligation: with a perfect ("should have stopped") they blame what was done.
OBLIGATION_MODALS = {"should", "must", "ought"}


def _advice_warning(trigger, source) -> bool:
    """A verb of warning that warns against something or that someone other than the warner will act."""
    if trigger.lemma_.lower() not in word_class("warning"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in trigger.children):
        return True
    if any(c.dep_ == "xcomp" and any(n.dep_ == "neg" for n in c.children) for c in trigger.children):
        return True  # "warned Israel not to invade": advice, as "warned against"
    for comp in (c for c in trigger.children if c.dep_ == "ccomp"):
        subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(_another(s, source) for s in subjects):
            return True
    return False


def _another(subject, source) -> bool:
    """A subject that names someone other than the source: a name or noun, not the source's words, not one owned by a
    pronoun ("its forces", "our troops" are the warner's own), not the source's own country, its forces or
    government ("the Kremlin warned that Russia would ...", "Iranian forces", "Israel's army", "the Chilean
    government"), nor forces with no country named ("the army", "troops")."""
    if subject.pos_ not in ("PROPN", "NOUN") or _within(subject, source):
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
        return False
    named = _countries_named(subject)
    if named:
        return not (source is not None and source.code and named == {source.code[:3]})
    row = agent_row(subject)
    return row is None or row.sector not in STATE_SECTORS


# Sectors of a country's own forces ("the army", "troops"): with no country named, the warner's own. Not "the
# government" ("warned Peru that the government would collapse": which government is unsaid, and what it is warned
# would do is often a prediction); with a country named, the country decides.
STATE_SECTORS = {"MIL"}


def _countries_named(subject) -> set[str]:
    """The countries the words of a subject's phrase up to its head name: a name ("Russia", "North Korea"), a possessive
    ("Israel's army"), a demonym ("Iranian forces")."""
    words = [t for t in subject.subtree if t.i <= subject.i]
    runs, run = [], []  # runs of adjacent proper nouns ("North Korea")
    for t in words:
        if t.pos_ == "PROPN" and run and t.i == run[-1].i + 1:
            run.append(t)
        else:
            run = [t] if t.pos_ == "PROPN" else []
            runs.append(run)
    codes = {countries.country_from_name(" ".join(w.text for w in r)) for r in runs if r}
    codes |= {countries.country_from_demonym(t.text) for t in words}
    return {c for c in codes if c}


def _within(tok, actor) -> bool:
    return actor is not None and actor.mention.start <= tok.idx < actor.mention.end


def _conjunct_subject(head, m: EventMention) -> bool:
    """The target's head is the subject of a verb coordinated with the trigger's (or with its governor's) clause, or
    stands right before such a verb that has no subject of its own (the parser made the target a conjunct of an
    object: "pledged to accept 50 refugees and Finland will take 11")."""
    ends = {m.anchor.i, m.token.i}
    if head.dep_ in ("nsubj", "nsubjpass"):
        verb = head.head
    else:
        verb = _next_verb(head)
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return False
    if verb.i in ends or verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    node = verb.head  # the first conjunct: the trigger's clause or one that governs it
    while node.i not in ends and node.head.i != node.i and node.dep_ in ("conj", "xcomp", "ccomp"):
        node = node.head
    chain = {node.i}
    below = [node]
    while below:  # the trigger under that first conjunct through infinitives and complements
        n = below.pop()
        for c in n.children:
            if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i not in chain:
                chain.add(c.i)
                below.append(c)
    return bool(ends & chain)


def _next_verb(head):
    """The verb right after the phrase of `head` (over auxiliaries and adverbs), if any, when `head` is itself the
    last conjunct of that phrase: after "Russia and Britain" the verb is Britain's ("condemned Russia and Britain
    summoned ..."), not Russia's."""
    last = max(head.subtree, key=lambda t: t.i)
    node = last
    while node.i != head.i:  # the phrase's last word is under head's own words, not under a conjunct of them
        if node.dep_ == "conj":
            return None
        node = node.head
    end = last.i + 1
    doc = head.doc
    while end < len(doc) and doc[end].dep_ in ("aux", "auxpass", "advmod", "neg"):
        end += 1
    return doc[end] if end < len(doc) and doc[end].pos_ in ("VERB", "AUX") else None


def _placed(head, m: EventMention) -> bool:
    """The target's head hangs on the trigger (or its anchor) by a preposition of place."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in PLACE_PREPOSITIONS or prep.head.i not in {m.anchor.i, m.token.i}:
        return False
    # "at" also names whom some verbs aim at ("fired back at Pompeo", "hit out at Beijing"): a place only after the
    # verb's own object ("signed a deal at the White House")
    return prep.lower_ != "at" or any(c.dep_ == "dobj" for c in prep.head.children)


def _participle_source(m: EventMention, source) -> bool:
    """The trigger is a bare past participle opening its sentence's main clause (no subject, no auxiliary of its own;
    the parser may tag it a past tense) and the source's words are outside its clause."""
    verb = m.token
    if verb.i != m.anchor.i or verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "advcl" or verb.i > verb.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    clause = {t.i for t in verb.subtree}
    first = m.anchor.doc[verb.left_edge.i - 1] if verb.left_edge.i > verb.sent.start else None
    if first is not None and first.dep_ not in ("cc", "punct") and first.pos_ not in ("CCONJ", "ADV"):
        return False  # not the opening of its sentence
    start = m.anchor.doc.char_span(source.mention.start, source.mention.end, alignment_mode="expand")
    return start is not None and not any(t.i in clause for t in start)


def _reproach(anchor) -> bool:
    """The event's verb, or a complement of it, is a perfect under a modal of obligation ("should have started",
    "should've started"), with no demand beside it ("should have left long ago and must leave now") and, for "must",
    no deadline ("must have withdrawn by Friday": a demand)."""
    for verb in [anchor] + [c for c in anchor.children if c.dep_ in ("ccomp", "xcomp")]:
        modals = _modals(verb)
        if not (modals & OBLIGATION_MODALS and "have" in modals and verb.tag_ == "VBN"):
            continue
        if "must" in modals and any(_deadline(c) for c in verb.children):
            continue
        if any(c.dep_ == "conj" and _modals(c) & OBLIGATION_MODALS and "have" not in _modals(c) for c in verb.children):
            continue
        return True
    return False


def _modals(verb) -> set[str]:
    """The auxiliaries of a verb, "'ve" as "have"."""
    return {"have" if c.lower_ == "'ve" else c.lower_ for c in verb.children if c.dep_ == "aux"}


def _deadline(child) -> bool:
    """"by Friday", "by the end of the month": a "by" with a date for object."""
    return child.dep_ == "prep" and child.lower_ == "by" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children)


# How many words up from the target's head the trigger is looked for.
PATH_LIMIT = 12
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
INTENT_ROOT = "03"


def _head(ctx: Document, start: int, end: int):
    """The word of [start, end) whose head is outside it (the first such word)."""
    first = ctx.token_at(start)
    if first is None:
        return None
    words = list(takewhile(lambda t: t.idx < end, ctx.doc[first:]))
    inside = {t.i for t in words}
    return next((t for t in words if t.head.i not in inside or t.head.i == t.i), None)


def _negation(anchor) -> bool:
    """A "not"/"never" on the anchor, on one of its auxiliaries, or on the verb it is coordinated with."""
    nodes = [anchor] + [c for c in anchor.children if c.dep_ in ("aux", "auxpass")]
    if anchor.dep_ == "conj":
        nodes.append(anchor.head)
    return any(c.dep_ == "neg" for n in nodes for c in n.children)


# What ends a line of prose: a headline or title has none of these at its end.
FINAL_PUNCT = set(".!?:;\"'”’)")


def _headline(ctx: Document, i: int) -> bool:
    """Whether token i is on a line of its own that ends with no final punctuation ("Russia accused of shelling
    villages"): a headline, title or subheading."""
    text = ctx.text
    at = ctx.doc[i].idx
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    if not line or line[-1] in FINAL_PUNCT:
        return False
    # and a headline by its form (`Document.headline_lines`: headline case, or the first line, one sentence): a
    # hard-wrapped line of prose ends with no punctuation too (session thirteen's review)
    return any(s <= i < e for s, e in ctx.headline_lines)


def _demonym(text: str) -> bool:
    """"Thai", "Serb", "Albanians": a single word that names a country's people."""
    words = text.split()
    return len(words) == 1 and countries.country_from_demonym(words[0]) is not None


def _city(entity) -> bool:
    """A place that is not a country (as actors.is_city)."""
    return entity.type in ("GPE", "LOC", "FAC") and countries.country_from_name(entity.name) is None


def _place_source(actor) -> bool:
    """A source named as a city or region: not a country, its capital ("Washington", "Moscow" stand for their state),
    nor a people ("The North Koreans", "Syrians")."""
    if not _city(actor.entity) or countries.country_from_capital(actor.entity.name) is not None:
        return False
    words = [w for w in actor.mention.text.split() if w.lower() != "the"]
    if not words or countries.country_from_group(" ".join(words)) is not None:
        return False
    if countries.country_from_name(" ".join(words)) is not None or countries.country_from_demonym(actor.entity.name) is not None:
        return False  # "Ethiopia" of an entity named "Ethiopian": the country, whatever the entity is called
    # "Syrians", "North Koreans": a demonym of one or two words, in the plural or not
    tails = [" ".join(words[-n:]) for n in (1, 2) if len(words) >= n]
    return not any(countries.country_from_demonym(t) or (t.endswith("s") and countries.country_from_demonym(t[:-1])) for t in tails)


def _firm(code: str | None) -> bool:
    return bool(code) and code[3:6] in FIRM_SECTORS
