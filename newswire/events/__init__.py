"""The `events` stage: who did what to whom, coded in CAMEO and PLOVER.

`extract_events(doc, entities, quotes, times, published=...)` runs, in order:

1. triggers (`triggers.py`): verbs and nouns of the event dictionary, and
   reported demands ("said Sudan must return ...", `structure.py`);
2. structure (`structure.py`): one event per clause: support verbs, frames,
   arguments and purpose clauses fold into the event that holds them;
3. code (`coding.py`, the tables in `codebook.py`): a frame combined with the
   event it governs ("threatened to impose sanctions" 1312), and CAMEO's coding
   of unrealised events (an intended cooperative event is an intent, 03; an
   intended conflictual one a threat, 13; a refusal 12), with the modality
   (`modality.py`);
4. actors (`roles.py`, `actors.py`): source, target and participants from the
   entities;
5. place (`places.py`), date (`times.date_for`), and the quote that reports
   the event;
6. coreference (`chains.py`): a definite event noun ("the attack") that
   repeats an earlier event's noun is that event again;
7. precision first: an event with no coded source and no coded target is
   dropped, as is a meeting, praise or reported demand with no coded target;
   one event per sentence, code root and source.

See docs/events.md.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..entities.model import sentence_index, sentences
from ..records import Entity, Event, Quote, Span, Time
from ..times import date_for
from . import codebook
from .actors import Actor, ActorIndex
from .chains import chain_events
from .coding import code_event, read_with_actors
from .model import EventMention
from .places import location
from .roles import assign_roles, coded
from .structure import find_mentions, reported_demands
from .triggers import blocked, find_triggers

__all__ = ["extract_events"]

# Roots of events aimed at someone: with no target in the clause, the target is
# the article's focus country when the source is foreign to it ("the U.S.
# stops threatening to attack" in a story about Syria).
DIRECTED_ROOTS = {"13", "15", "17", "18", "19", "20"}
# Roots whose events are aimed at the authorities of the place they happen in
# when the clause names no target (CAMEO practice for protests: "demonstrated in Serbia").
PLACE_TARGET_ROOTS = {"14"}
# Roots of events that say nothing without someone they are aimed at: a
# meeting or praise with no coded target ("Clinton talked about reform", "she
# supported policies") is dropped. Requiring a target of appeals, demands,
# accusations, refusals and threats too cost a quarter of the recall on the
# PLOVER development half for no precision; re-measure with eval/plover_events.py.
DYADIC_ROOTS = {"04", "05"}
# Modalities of events the text only supposes: "Egypt could attack Libya", "if they
# attack", "the right to sue", "will you resign?" report nothing that happened or was
# announced. On the PLOVER development half all 5 such events were false positives
# (0 true); on 20 PolNeAR texts none was a reasonable event. Re-measure with
# eval/plover_events.py.
SUPPOSED = {"hypothetical"}


def extract_events(
    doc: Doc, entities: list[Entity], quotes: list[Quote], times: list[Time], *, published: str | None = None
) -> list[Event]:
    """The CAMEO/PLOVER events of a parsed article, in text order, ids EV1, EV2, ..."""
    index = ActorIndex(doc, entities)
    roots, absorbed = find_mentions(doc, find_triggers(doc) + reported_demands(doc), blocked(doc))
    for m in roots:
        code_event(m)
    for m in roots + absorbed:
        assign_roles(m, index)
        m.place = location(_anchors(m), skip={a.mention.start for a in m.sources + m.targets})
        start, end = doc[m.trigger.i].idx, doc[m.trigger.end - 1].idx + len(doc[m.trigger.end - 1])
        m.date = date_for(doc, times, start, end, published=published)
        m.reported_by = _reporter(quotes, start)
    for m in roots:
        m.emit = True
    events = chain_events(sorted(roots + absorbed, key=lambda m: m.trigger.i), published)
    for m in events:
        if not coded(m.targets) and m.code[:2] in PLACE_TARGET_ROOTS and m.place is not None:
            m.targets = index.place_actor(m.place) or m.targets
    kept = [m for m in events if m.emit and (coded(m.sources) or coded(m.targets))]
    # a meeting, praise or reported demand aimed at no one coded says nothing
    kept = [m for m in kept if coded(m.targets) or (m.code[:2] not in DYADIC_ROOTS and not m.trigger.reported)]
    kept = [m for m in kept if m.modality not in SUPPOSED and read_with_actors(m)]
    index.implicit_targets([m for m in kept if not m.targets and m.code[:2] in DIRECTED_ROOTS])
    return _records(doc, _dedupe(kept))


def _anchors(m: EventMention) -> list[Token]:
    out = [m.token]
    if m.anchor.i != m.trigger.i:
        out.append(m.anchor)
    return out


def _reporter(quotes: list[Quote], start: int) -> str | None:
    """The speaker of the quote whose content holds the trigger."""
    for q in quotes:
        if q.content.start <= start < q.content.end and q.speaker_entity:
            return q.speaker_entity
    return None


def _dedupe(events: list[EventMention]) -> list[EventMention]:
    """One event per sentence, code root and source; one without a target yields to one with."""
    kept: dict[tuple, EventMention] = {}
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


def _records(doc: Doc, events: list[EventMention]) -> list[Event]:
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
