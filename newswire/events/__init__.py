"""The `events` stage: who did what to whom, coded in CAMEO and PLOVER.

`extract_events(doc, entities, quotes, times, published=...)` runs, in order:

1. triggers (`triggers.py`): verbs and nouns of the event dictionary;
2. structure: a support verb lends its subject to the event noun it governs
   ("carried out the attack"); a frame verb absorbs the event it governs
   ("threatened to impose sanctions" is one threat, coded through
   `cameo_frames.tsv`); an event word that is another event's argument
   ("condemned the attack") is part of that event, not one of its own; an
   event noun governed by "in"/"during" ("killed in the attack") carries
   the verb that hangs on it;
3. actors (`actors.py`): source, target and participants from the entities;
4. modality (`modality.py`), and CAMEO's coding of unrealised events: an
   intended or conditional cooperative event is an intent to cooperate (03),
   a conflictual one a threat (13); an intended event negated is a refusal (12);
5. place (`places.py`), date, and the quote that reports the event;
6. coreference: a definite event noun ("the attack") that repeats an earlier
   event's noun is that event again; its mentions pool their details;
7. precision first: an event with no coded source and no coded target is
   dropped; one event per sentence, code root and dyad.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..entities.model import sentence_index, sentences
from ..records import Entity, Event, Place, Quote, Span, Time
from ..times import date_for
from . import codebook
from .actors import TARGET_PREPS, Actor, ActorIndex, conjuncts, prep_objects, subject_of
from .modality import is_obligation, is_refusal_cue, modality as modality_of, reporting_verbs
from .places import location
from .triggers import Trigger, antecedent, find_triggers, is_passive, is_support_verb, patient_of

__all__ = ["extract_events"]

# A definite event noun ("the attack") is the same event as an earlier
# mention of the same noun at most this many sentences before (the seed's
# "the attack" refers back eight sentences).
CHAIN_REACH = 12
# Prepositions that put an event noun in charge of the verb that governs it:
# "were killed in the attack" is part of the attack.
CONTAINING_PREPS = {"in", "during"}
# Codes of events two sides do together: coordinated actors are source and
# target ("Kerry and Lavrov met") even when the clause names a third party.
RECIPROCAL_ROOTS = {"04", "06"}
RECIPROCAL_CODES = {"030", "031", "0311", "0312", "0313", "0314", "036", "046", "057"}
# Roots of events aimed at someone: with no target in the clause, the target is
# the article's focus country when the source is foreign to it ("the U.S.
# stops threatening to attack" in a story about Syria).
DIRECTED_ROOTS = {"13", "15", "17", "18", "19", "20"}
# Prepositions of an object that names no actor whose object is the target
# instead ("threatened further action against Russia", "demanded autonomy from Serbia").
PATIENT_PREPS = ("against", "on", "toward", "towards", "with", "from")
# Roots whose events are aimed at the authorities of the place they happen in
# when the clause names no target (CAMEO practice for protests: "demonstrated in Serbia").
PLACE_TARGET_ROOTS = {"14"}
# Roots of events that say nothing without someone they are aimed at: a
# meeting or praise with no coded target ("Clinton talked about reform", "she
# supported policies") is dropped. Requiring a target of appeals, demands,
# accusations, refusals and threats too cost a quarter of the recall on the
# PLOVER development half for no precision; re-measure with eval/plover_events.py.
DYADIC_ROOTS = {"04", "05"}
# Determiners that mark a noun as referring back.
DEFINITE = {"the", "this", "that", "these", "those"}


@dataclass(eq=False)
class _Mention:
    """One event mention under construction."""

    trigger: Trigger
    anchor: Token  # where its roles come from: the verb, the support verb, or the noun itself
    code: str
    parts: list["_Mention"] = field(default_factory=list)  # mentions it absorbed
    complement: "_Mention | None" = None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    place: Place | None = None
    date: str | None = None
    reported_by: str | None = None
    chain: list["_Mention"] = field(default_factory=list)
    emit: bool = False  # an event in its own right (not only part of another)

    @property
    def token(self) -> Token:
        return self.anchor.doc[self.trigger.i]


def extract_events(
    doc: Doc, entities: list[Entity], quotes: list[Quote], times: list[Time], *, published: str | None = None
) -> list[Event]:
    """The CAMEO/PLOVER events of a parsed article, in text order, ids EV1, EV2, ..."""
    index = ActorIndex(doc, entities)
    roots, absorbed = _structure(doc, find_triggers(doc) + _reported_demands(doc))
    for m in roots:
        _code(m)
    for m in roots + absorbed:
        _roles(m, index)
        m.place = location(_anchors(m), skip={a.mention.start for a in m.sources + m.targets})
        start, end = doc[m.trigger.i].idx, doc[m.trigger.end - 1].idx + len(doc[m.trigger.end - 1])
        m.date = date_for(doc, times, start, end, published=published)
        m.reported_by = _reporter(quotes, start)
    for m in roots:
        m.emit = True
    events = _chains(sorted(roots + absorbed, key=lambda m: m.trigger.i), published)
    for m in events:
        if not _coded(m.targets) and m.code[:2] in PLACE_TARGET_ROOTS and m.place is not None:
            m.targets = index.place_actor(m.place) or m.targets
    kept = [m for m in events if m.emit and (_coded(m.sources) or _coded(m.targets))]
    # a meeting, praise or reported demand aimed at no one coded says nothing
    kept = [m for m in kept if _coded(m.targets) or (m.code[:2] not in DYADIC_ROOTS and not m.trigger.reported)]
    index.implicit_targets([m for m in kept if not m.targets and m.code[:2] in DIRECTED_ROOTS])
    return _records(doc, _dedupe(kept))


# --- structure ---------------------------------------------------------------------------------------


def _reported_demands(doc: Doc) -> list[Trigger]:
    """"Russia said Sudan must return the helicopter": the saying is a demand (100) on the clause's subject.

    A verb of saying (data/tense_words.tsv, kind reporting) whose complement
    clause has an obligation auxiliary (data/modality.tsv: must, should) and a
    subject other than the speaker's.
    """
    out = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting_verbs():
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if clause is None or not any(c.dep_ == "aux" and is_obligation(c.lower_) for c in clause.children):
            continue
        speaker, addressee = subject_of(tok), subject_of(clause)
        if speaker is not None and addressee is not None and addressee.lower_ not in ("it", "we", "they", "he", "she", "i"):
            out.append(Trigger(tok.i, codebook.FRAME_DEFAULT["demand"], "verb", tok.i + 1, reported=True))
    return out


def _structure(doc: Doc, triggers: list[Trigger]) -> tuple[list[_Mention], list[_Mention]]:
    """Mentions that are events in their own right (with the mentions they absorbed), and absorbed event nouns.

    An absorbed noun ("investigating the August 21st attack") is no event of its
    own but may still be a mention of one ("the attack" later).
    """
    by_token = {t.i: t for t in triggers}
    anchor = {t.i: doc[t.i] for t in triggers}
    for tok in doc:
        if is_support_verb(tok) and tok.i not in by_token:
            patient = patient_of(tok)
            if patient is not None and patient.i in by_token and by_token[patient.i].kind == "noun":
                anchor[patient.i] = tok
    mentions = {t.i: _Mention(t, anchor[t.i], t.code) for t in triggers}
    anchored = {m.anchor.i: m for m in mentions.values()}
    parent: dict[int, int] = {}
    for i, m in list(mentions.items()):
        if _modifier_participle(m):  # "militiamen armed with machetes": a description, not an event
            del mentions[i]
    anchored = {m.anchor.i: m for m in mentions.values()}
    for i, m in mentions.items():
        held = _subject_event(m, mentions)
        if held is not None:
            parent[i] = held.trigger.i  # "the attack killed 20 people": the attack holds the killing
            continue
        gov = _governor(m, anchored)
        if gov is None or gov is m:
            continue
        if gov.trigger.kind == "verb" and m.trigger.kind == "noun" and _containing(m, gov):
            parent[gov.trigger.i] = i  # "killed in the attack": the attack holds the killing
        else:
            parent[i] = gov.trigger.i
    roots, absorbed = [], []
    for i, m in mentions.items():
        top = i
        seen = {i}
        while top in parent and parent[top] not in seen:
            top = parent[top]
            seen.add(top)
        if top == i:
            roots.append(m)
        else:
            mentions[parent[i]].parts.append(m)
            if m.trigger.kind == "noun":
                absorbed.append(m)
    return sorted(roots, key=lambda m: m.trigger.i), absorbed


def _governor(m: _Mention, anchored: dict[int, _Mention]) -> _Mention | None:
    """The mention whose argument this one is, if any.

    Its complement ("threatened to attack"), object ("condemned the attack"),
    prepositional object ("called for sanctions"), or a purpose clause
    ("telephoned Kozyrev to discuss the war": one call).
    """
    a = m.anchor
    if a.dep_ in ("xcomp", "ccomp") and a.head.i in anchored:
        gov = anchored[a.head.i]
        if a.dep_ == "ccomp" and codebook.frame_of(gov.code) is None:
            return None  # "said it had attacked": the saying is no event here
        return gov
    if a.dep_ == "advcl" and a.head.i in anchored and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children):
        return anchored[a.head.i]
    if a.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
        head = a.head
        if head.i in anchored:
            return anchored[head.i]
    if a.dep_ == "nsubj" and is_passive(a.head) and a.head.i in anchored:
        return anchored[a.head.i]
    if a.dep_ in ("pobj", "pcomp") and a.head.dep_ in ("prep", "agent") and a.head.head.i in anchored:
        return anchored[a.head.head.i]
    return None


def _modifier_participle(m: _Mention) -> bool:
    tok = m.token
    return m.trigger.kind == "verb" and tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children)


def _subject_event(m: _Mention, mentions: dict[int, _Mention]) -> _Mention | None:
    """The event noun that is the subject of a non-frame verb mention ("the attack killed ...")."""
    if m.trigger.kind != "verb" or codebook.frame_of(m.code):
        return None
    subj = next((c for c in m.token.children if c.dep_ == "nsubj"), None)
    held = mentions.get(subj.i) if subj is not None else None
    return held if held is not None and held.trigger.kind == "noun" else None


def _containing(noun: _Mention, verb: _Mention) -> bool:
    a = noun.anchor
    return a.dep_ == "pobj" and a.head.lower_ in CONTAINING_PREPS and codebook.frame_of(verb.code) is None


def _anchors(m: _Mention) -> list[Token]:
    out = [m.token]
    if m.anchor.i != m.trigger.i:
        out.append(m.anchor)
    return out


# --- codes -------------------------------------------------------------------------------------------


def _code(m: _Mention, *, top: bool = True) -> None:
    """Frame and modality codes: "agreed to provide aid" 033, "will withdraw unless" 13x.

    Modality recodes only a whole event (`top`): in "threatened to launch an
    offensive unless ...", the condition belongs to the threat's content.
    """
    for p in m.parts:
        _code(p, top=False)
    frame = codebook.frame_of(m.code)
    if frame and m.trigger.kind == "verb":
        comp = _complement(m)
        if comp is not None:
            m.complement = comp
            m.code = codebook.combine(frame, comp.code)
    else:
        for p in m.parts:  # "killed in the chemical attack": the most specific code of the same root
            if p.code[:2] == m.code[:2] and len(p.code) > len(m.code):
                m.code = p.code
    m.modality = modality_of(m.anchor)
    if not top:
        return
    if codebook.frame_of(m.code) == "intent" and m.modality == "negated" and _refusal(m):
        # "will not accept refugees": a refusal
        m.code = codebook.combine("reject", m.complement.code) if m.complement else codebook.FRAME_DEFAULT["reject"]
        return
    if codebook.frame_of(m.code):
        return
    if m.modality in ("intended", "conditional"):
        m.code = codebook.combine("intent", m.code) if codebook.is_cooperative(m.code) else (
            codebook.combine("threaten", m.code) if codebook.is_conflictual(m.code) else m.code
        )
    elif m.modality == "negated" and codebook.is_cooperative(m.code) and _refusal(m):
        m.code = codebook.combine("reject", m.code)


def _refusal(m: _Mention) -> bool:
    """A negated cooperative event that is a refusal: "will not accept", "failed to reach agreement"."""
    verb = m.anchor if m.anchor.pos_ in ("VERB", "AUX") else m.anchor.head
    if any(c.dep_ == "aux" and is_refusal_cue(c.lower_) for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and is_refusal_cue(verb.head.lemma_)


def _complement(m: _Mention) -> _Mention | None:
    parts = [p for p in m.parts if p.code]
    if not parts:
        return None
    return min(parts, key=lambda p: abs(p.trigger.i - m.trigger.i))


# --- actors ------------------------------------------------------------------------------------------


def _roles(m: _Mention, index: ActorIndex) -> None:
    anchor = m.anchor
    if anchor.pos_ in ("VERB", "AUX"):
        sources = index.phrase(subject_of(anchor))
        targets = _verb_targets(m, index)
    else:
        sources, targets = _noun_roles(anchor, index)
    if m.trigger.kind == "noun" and anchor.i != m.trigger.i:
        noun_sources, noun_targets = _noun_roles(m.token, index)
        sources = sources or noun_sources
        targets = targets or noun_targets
    comp = m.complement
    if comp is not None and not targets:
        _roles(comp, index)
        targets = comp.targets or [a for a in comp.sources if all(a.entity.id != s.entity.id for s in sources)]
    if not targets and codebook.frame_of(m.code) in ("demand", "appeal") and anchor.pos_ == "VERB":
        # "demanded that the Sudanese government end curbs": the one asked is the clause's subject
        clause = next((c for c in anchor.children if c.dep_ in ("ccomp", "xcomp")), None)
        subj = subject_of(clause) if clause is not None and clause.dep_ == "ccomp" else None
        targets = [a for a in index.phrase(subj) if all(a.entity.id != s.entity.id for s in sources)] if subj is not None else []
    if not sources or not targets:
        for p in m.parts:  # "killed in the attack": the attack's roles fill the gaps
            if p is comp:
                continue
            _roles(p, index)
            sources = sources or p.sources
            targets = targets or p.targets
    targets = [t for t in targets if all(t.entity.id != s.entity.id for s in sources)]
    if len(sources) > 1 and (not targets or _reciprocal(m.code)):
        first = sources[0]
        other = next((s for s in sources[1:] if s.code != first.code), None)
        if other is not None:  # "Kerry and Lavrov met (with Brahimi)": USA → RUS, Brahimi a participant
            rest = [s for s in sources[1:] if s is not other]
            sources, targets = [first], [other, *rest, *[t for t in targets if t not in rest]]
    m.sources, m.targets = sources, targets


def _reciprocal(code: str) -> bool:
    """Events two sides do together: meetings, negotiations, agreements, joint action."""
    return code[:2] in RECIPROCAL_ROOTS or code in RECIPROCAL_CODES


def _verb_targets(m: _Mention, index: ActorIndex) -> list[Actor]:
    verb = m.anchor
    noun = m.token if m.trigger.kind == "noun" else None
    patient = patient_of(verb)
    absorbed = {p.anchor.i for p in m.parts} | {p.token.i for p in m.parts}
    candidates = []
    if patient is not None and not m.trigger.topic and patient.i not in absorbed and (noun is None or patient.i != noun.i):
        candidates.append(patient)
    if not is_passive(verb):
        candidates += [obj for _, obj in prep_objects(verb, TARGET_PREPS) if obj.i not in absorbed]
    found = [a for a in (index.phrase(c, through=PATIENT_PREPS) for c in candidates) if a]
    # the first phrase with a coded actor: "withdraw its troops from Lebanon" → Lebanon
    return next((a for a in found if _coded(a)), found[0] if found else [])


def _noun_roles(noun: Token, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """"a Syrian military attack on civilians", "talks between Kerry and Lavrov", "the attack by rebels"."""
    sources: list[Actor] = []
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            for a in index.phrase(c):
                if a.code and all(a.entity.id != s.entity.id for s in sources):
                    sources.append(a)
    targets: list[Actor] = []
    for prep, obj in prep_objects(noun, ("by", "between", "among", *TARGET_PREPS, "of")):
        # "the invasion of Georgia": the patient; "a suspension of air links with Serbia": what the links point at
        found = index.phrase(obj, through=TARGET_PREPS) if prep == "of" else index.phrase(obj)
        if prep == "by" and not sources:
            sources = found
        elif prep in ("between", "among") and not sources:
            sources = found
        elif prep not in ("by", "between", "among") and not targets:
            targets = found
    return sources, targets


def _coded(actors: list[Actor]) -> bool:
    return any(a.code for a in actors)


# --- reporter ----------------------------------------------------------------------------------------


def _reporter(quotes: list[Quote], start: int) -> str | None:
    """The speaker of the quote whose content holds the trigger."""
    for q in quotes:
        if q.content.start <= start < q.content.end and q.speaker_entity:
            return q.speaker_entity
    return None


# --- coreference and dedupe --------------------------------------------------------------------------


def _chains(mentions: list[_Mention], published: str | None) -> list[_Mention]:
    """Merge a definite event noun into the earlier event with the same noun; one mention stands for each chain."""
    heads: list[_Mention] = []
    for m in mentions:
        head = _antecedent_event(m, heads)
        if head is None:
            m.chain = [m]
            heads.append(m)
        else:
            head.chain.append(m)
    return [_pool(e.chain, published) for e in heads]


def _antecedent_event(m: _Mention, earlier: list[_Mention]) -> _Mention | None:
    tok = m.token
    if m.trigger.kind != "noun" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        return None
    for e in reversed(earlier):
        first = e.chain[0].token
        if first.lemma_ != tok.lemma_ or e.trigger.kind != "noun":
            continue
        if _sentence_gap(first, tok) > CHAIN_REACH:
            return None
        if _clash(e, m):
            return None
        return e
    return None


def _sentence_gap(a: Token, b: Token) -> int:
    index = sentence_index(a.doc)
    return index[b.i] - index[a.i]


def _clash(e: _Mention, m: _Mention) -> bool:
    """Two mentions whose stated sources differ are two events."""
    mine = {a.code for a in m.sources if a.code}
    theirs = {a.code for x in e.chain for a in x.sources if a.code}
    return bool(mine and theirs and not (mine & theirs))


def _pool(chain: list[_Mention], published: str | None) -> _Mention:
    """The chain's mention that names a source (else a target, else its first), with the others' details.

    It takes the others' actors where it has none, a more specific code of
    roots 18-20 ("the attack" and "a poison gas attack"), the first place, the
    most specific date a time expression gives (over the publication date),
    and the reporter of a mention that names the event's actors.
    """
    primary = next((x for x in chain if _coded(x.sources)), None) or next((x for x in chain if _coded(x.targets)), chain[0])
    for x in chain:
        if not primary.sources and x.sources:
            primary.sources = x.sources
        if not primary.targets and x.targets:
            primary.targets = x.targets
        if len(x.code) > len(primary.code) and x.code[:2] >= "18" and primary.code[:2] >= "18":
            primary.code = x.code
        primary.place = primary.place or x.place
    stated = [x.date for x in chain if x.date and x.date != published]
    if stated:
        primary.date = max(stated, key=len)
    if primary.reported_by is None:
        primary.reported_by = next((x.reported_by for x in chain if x.reported_by and (_coded(x.sources) or _coded(x.targets))), None)
    primary.chain = chain
    primary.emit = any(x.emit for x in chain)
    return primary


def _dedupe(events: list[_Mention]) -> list[_Mention]:
    """One event per sentence, code root and source; one without a target yields to one with."""
    kept: dict[tuple, _Mention] = {}
    for e in events:
        key = (sentence_index(e.token.doc)[e.token.i], e.code[:2], _first_code(e.sources) or e.token.i)
        other = kept.get(key)
        if other is None:
            kept[key] = e
        elif _first_code(e.targets) and not _first_code(other.targets):
            kept[key] = e
        elif _first_code(e.targets) and _first_code(e.targets) != _first_code(other.targets):
            kept[key + (e.token.i,)] = e  # the same act towards someone else
    return list(kept.values())


def _first_code(actors: list[Actor]) -> str | None:
    return next((a.code for a in actors if a.code), None)


# --- records -----------------------------------------------------------------------------------------


def _records(doc: Doc, events: list[_Mention]) -> list[Event]:
    out = []
    text = doc.text  # Doc.text joins every token: once per document
    for n, e in enumerate(sorted(events, key=lambda e: e.token.i), 1):
        code = codebook.lookup(e.code)
        tok = e.token
        end_tok = doc[e.trigger.end - 1]
        sent = [t for t in sentences(doc)[sentence_index(doc)[tok.i]] if not t.is_space]
        source = e.sources[0] if e.sources else None
        target = e.targets[0] if e.targets else None
        participants = []
        for a in e.sources + e.targets:
            if all(p.entity.id != a.entity.id for p in participants):
                participants.append(a)
        mentions = sorted({(x.token.idx, x.token.idx + len(x.token), x.token.text) for x in e.chain})
        out.append(
            Event(
                id=f"EV{n}",
                cameo=code.code,
                cameo_root=code.root,
                plover=code.plover,
                quad_class=code.quad,
                goldstein=code.goldstein,
                trigger=Span(tok.idx, end_tok.idx + len(end_tok), text[tok.idx : end_tok.idx + len(end_tok)]),
                sentence=Span(sent[0].idx, sent[-1].idx + len(sent[-1]), text[sent[0].idx : sent[-1].idx + len(sent[-1])]),
                source=source.record() if source else None,
                target=target.record() if target else None,
                participants=[a.record() for a in participants],
                date=e.date,
                location=e.place,
                reported_by=e.reported_by,
                modality=e.modality,
                mentions=[Span(s, t, x) for s, t, x in mentions],
            )
        )
    return out
