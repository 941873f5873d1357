"""The code of an event: frames combined with what they govern, and CAMEO's coding of unrealised events."""

from __future__ import annotations

from . import codebook
from .model import EventMention
from .modality import is_refusal_cue, modality as modality_of


def code_event(m: EventMention, *, top: bool = True) -> None:
    """Frame and modality codes: "agreed to provide aid" 033, "will withdraw unless" 13x.

    Modality recodes only a whole event (`top`): in "threatened to launch an
    offensive unless ...", the condition belongs to the threat's content.
    """
    for p in m.parts:
        code_event(p, top=False)
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


def _refusal(m: EventMention) -> bool:
    """A negated cooperative event that is a refusal: "will not accept", "failed to reach agreement"."""
    verb = m.anchor if m.anchor.pos_ in ("VERB", "AUX") else m.anchor.head
    if any(c.dep_ == "aux" and is_refusal_cue(c.lower_) for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and is_refusal_cue(verb.head.lemma_)


def _complement(m: EventMention) -> EventMention | None:
    parts = [p for p in m.parts if p.code]
    if not parts:
        return None
    return min(parts, key=lambda p: abs(p.trigger.i - m.trigger.i))
