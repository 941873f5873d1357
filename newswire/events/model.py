"""The working type of the events stage (internal; the output is `records.Event`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..records import Place
from .actors import Actor
from .triggers import Trigger


@dataclass(eq=False)
class EventMention:
    """One event mention under construction."""

    trigger: Trigger
    anchor: Token  # where its roles come from: the verb, the support verb, or the noun itself
    code: str
    plain_code: str = ""  # the code before CAMEO's recoding of unrealised events ("will visit": 042, coded 036)
    parts: list["EventMention"] = field(default_factory=list)  # mentions it absorbed
    complement: "EventMention | None" = None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    place: Place | None = None
    date: str | None = None
    reported_by: str | None = None
    chain: list["EventMention"] = field(default_factory=list)
    emit: bool = False  # an event in its own right (not only part of another)
    unnamed_patient: bool = False  # it acts on someone who names no actor: its place is not its target ("arrested him in Moscow")
    own_targets: bool = False  # its target comes only from its clause: no implicit target ("was forced to resign")
    decided: bool = False  # its code is its complement's, decided by the verb ("agreed to impose sanctions on Russia")

    @property
    def token(self) -> Token:
        return self.anchor.doc[self.trigger.i]
