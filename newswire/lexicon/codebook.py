"""The CAMEO codebook (`data/cameo.tsv`) and the frame table (`data/cameo_frames.tsv`).

Codes are strings ("010" is not "10"). A code's root is its first two digits;
its quad class, Goldstein score and PLOVER type come from the codebook row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import load_table
from .tables import CameoCode, CameoFrame

# Roots whose verbs frame another event: "threatened to impose sanctions" is
# one threat (1312), coded from both verbs through cameo_frames.tsv.
FRAMES = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "threaten"}
# The code a frame gives when its complement has no specific code.
FRAME_DEFAULT = {"appeal": "020", "intent": "030", "demand": "100", "reject": "120", "threaten": "130"}


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad: int
    plover: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@cache
def codebook() -> dict[str, Code]:
    return {
        row.code: Code(row.code, row.name, row.goldstein, row.quad, row.plover or None)
        for row in load_table("cameo.tsv", CameoCode)
    }


def lookup(code: str) -> Code:
    """The codebook row of a code; ValueError for a code the codebook lacks."""
    try:
        return codebook()[code]
    except KeyError:
        raise ValueError(f"CAMEO code {code!r} is not in data/cameo.tsv") from None


def frame_of(code: str) -> str | None:
    """"appeal", "intent", "demand", "reject" or "threaten" for a framing code, else None."""
    return FRAMES.get(code[:2])


def is_cooperative(code: str) -> bool:
    """Roots 03-08: offers, meetings, support, cooperation, aid, concessions."""
    return "03" <= code[:2] <= "08"


def is_conflictual(code: str) -> bool:
    """Roots 14-20: protest, force posture, reduced relations, coercion, violence."""
    return code[:2] >= "14"


@cache
def _frames() -> dict[str, CameoFrame]:
    return {row.complement: row for row in load_table("cameo_frames.tsv", CameoFrame)}


def combine(frame: str, complement: str) -> str:
    """The code of `frame` ("intent", ...) applied to a complement event's code.

    An intent to do something conflictual is a threat, as CAMEO codes it.
    """
    if frame == "intent" and is_conflictual(complement):
        frame = "threaten"
    for n in range(len(complement), 1, -1):
        row = _frames().get(complement[:n])
        cell = getattr(row, frame) if row is not None else ""
        if cell:
            return cell
    return FRAME_DEFAULT[frame]
