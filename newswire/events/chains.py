"""Event coreference: a definite event noun that repeats an earlier event's noun is that event again."""

from __future__ import annotations

from spacy.tokens import Token

from ..document import Document
from .model import EventMention
from .modality import modality
from .roles import coded

# A definite event noun ("the attack") is the same event as an earlier
# mention of the same noun at most this many sentences before (the seed's
# "the attack" refers back eight sentences).
CHAIN_REACH = 12
# Determiners that mark a noun as referring back.
DEFINITE = {"the", "this", "that", "these", "those"}


def chain_events(mentions: list[EventMention], published: str | None) -> list[EventMention]:
    """Merge a definite event noun into the earlier event with the same noun; one mention stands for each chain."""
    heads: list[EventMention] = []
    latest: dict[str, EventMention] = {}  # noun lemma → the latest chain head with that noun
    for m in mentions:
        head = _antecedent_event(m, latest)
        if head is None:
            m.chain = [m]
            heads.append(m)
            if m.trigger.kind == "noun":
                latest[m.token.lemma_] = m
        else:
            head.chain.append(m)
    return [_pool(e.chain, published) for e in heads]


def _antecedent_event(m: EventMention, latest: dict[str, EventMention]) -> EventMention | None:
    """The latest earlier event with the same noun, if `m` is a definite noun referring back to it."""
    tok = m.token
    if m.trigger.kind != "noun" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        return None
    e = latest.get(tok.lemma_)
    if e is not None:
        first = e.chain[0].token
        if _sentence_gap(first, tok) > CHAIN_REACH:
            return None
        if _clash(e, m):
            return None
        return e
    return None


def _sentence_gap(a: Token, b: Token) -> int:
    index = Document.of(a.doc).sentence_index
    return index[b.i] - index[a.i]


def _clash(e: EventMention, m: EventMention) -> bool:
    """Two mentions whose stated sources differ are two events."""
    mine = {a.code for a in m.sources if a.code}
    theirs = {a.code for x in e.chain for a in x.sources if a.code}
    return bool(mine and theirs and not (mine & theirs))


def _pool(chain: list[EventMention], published: str | None) -> EventMention:
    """The chain's mention that names a source (else a target, else its first), with the others' details.

    It takes the others' actors where it has none, a more specific code of
    roots 18-20 ("the attack" and "a poison gas attack"), the first place, the
    most specific date a time expression gives (over the publication date),
    and the reporter of a mention that names the event's actors.
    """
    primary = next((x for x in chain if coded(x.sources)), None) or next((x for x in chain if coded(x.targets)), chain[0])
    if primary.modality != "asserted":
        # "warned of the risk of an Israeli attack on Iran. On Friday the attack killed 20 officers": a mention its own
        # clause reports done stands for the chain, whatever the others only supposed or planned (review21j: the
        # attack took the first mention's "prospect" and was lost); it takes their actors as any primary does
        primary = next((x for x in chain if _reported_done(x)), primary)
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
        primary.reported_by = next((x.reported_by for x in chain if x.reported_by and (coded(x.sources) or coded(x.targets))), None)
    primary.chain = chain
    primary.emit = any(x.emit for x in chain)
    return primary


def _reported_done(m: EventMention) -> bool:
    """Whether an event noun's own clause reports it done: asserted, and either made an act by a support verb ("carried
    out the attack") or the subject of a verb other than "be" that the clause asserts ("the attack killed 20 officers",
    "the talks began in Oman"). Not "the attack would be devastating", "said the attack would be met with force", nor a
    noun that is only an object ("condemned the attack" may speak of one feared)."""
    if not m.emit or m.modality != "asserted" or m.trigger.kind != "noun":
        return False
    if m.anchor.i != m.trigger.i:
        return True
    tok = m.token
    verb = tok.head
    return (
        tok.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() != "be"
        and modality(verb) == "asserted"
    )
