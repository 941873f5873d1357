"""TempEval-3 scores for time expressions: extent (strict and relaxed), type and value.

As the TempEval-3 scorer computes them (UzZaman et al. 2013; the TE3 toolkit's
evaluate_entities.py):

* A system expression and a gold one match (relaxed) when their extents
  overlap; each is matched at most once (here: pairs taken by largest
  overlap first). A relaxed match is also strict when the extents are equal.
* Strict and relaxed precision = matches / system expressions, recall =
  matches / gold expressions, F1 their harmonic mean.
* Type and value accuracy: the share of relaxed matches whose type (value)
  equals the gold one. Type F1 and value F1 = that accuracy × relaxed F1.
  Value F1 is the TE3 headline number for normalisation ("Overall Timex
  Performance").

Counts add up over documents (micro-average), as the TE3 scorer sums them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Scores:
    system: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    pairs: list[tuple[Timex, Timex]] = field(default_factory=list, repr=False)  # (gold, system) matches
    missed: list[Timex] = field(default_factory=list, repr=False)
    spurious: list[Timex] = field(default_factory=list, repr=False)

    def add(self, other: "Scores") -> None:
        for name in ("system", "gold", "relaxed", "strict", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.system if self.system else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.prf(self.relaxed)[2]

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.prf(self.relaxed)[2]


def score(gold: list[Timex], system: list[Timex]) -> Scores:
    """Scores of one document's system expressions against its gold ones."""
    overlaps = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                overlaps.append((-overlap, gi, si))
    used_gold, used_system = set(), set()
    out = Scores(system=len(system), gold=len(gold))
    for _, gi, si in sorted(overlaps):
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        g, s = gold[gi], system[si]
        out.relaxed += 1
        out.strict += (g.start, g.end) == (s.start, s.end)
        out.type_ok += g.type == s.type
        out.value_ok += g.value == s.value
        out.pairs.append((g, s))
    out.missed = [g for i, g in enumerate(gold) if i not in used_gold]
    out.spurious = [s for i, s in enumerate(system) if i not in used_system]
    return out


HEADER = (
    f"{'':30s} {'strict P':>8s} {'R':>6s} {'F1':>6s}   {'relaxed P':>9s} {'R':>6s} {'F1':>6s}   "
    f"{'type acc':>8s} {'value acc':>9s}   {'type F1':>7s} {'value F1':>8s}"
)


def row(label: str, s: Scores) -> str:
    """One line of the score table, in percent."""
    sp, sr, sf = s.prf(s.strict)
    rp, rr, rf = s.prf(s.relaxed)
    return (
        f"{label:30s} {100 * sp:8.1f} {100 * sr:6.1f} {100 * sf:6.1f}   {100 * rp:9.1f} {100 * rr:6.1f} {100 * rf:6.1f}   "
        f"{100 * s.type_accuracy:8.1f} {100 * s.value_accuracy:9.1f}   {100 * s.type_f1:7.1f} {100 * s.value_f1:8.1f}"
    )
