"""Load PolNeAR (political news attribution relations; Newell, Margolin & Ruths, LREC 2018).

Layout under the root (`../shared/data/polnear`): `metadata.tsv` (filename,
publication date, annotators, ...) and one folder per compartment
(`train`, `dev`) with `text/<name>.txt` and `attributions/<name>_<annotator>.ann`
in brat standoff format:

    T3	Content 115 290	that Hillary Clinton's team avoided ...
    T18	Content 728 767;784 1029	... (discontinuous: several fragments)
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
    E9	Attribution-no-source:T35 Cue:T34 Content:T33

An attribution is an `E` line: its Source, Cue and Content text-bound
annotations (`Content2` is a second content fragment list). Offsets are
`[start, end)` characters into the text file. `Discard` and `Discuss` spans
(editor's notes, the writer's own discussion) are not attributions and are
not loaded.

Data quirks handled here (run this file for counts):
  * two dev articles (and some train ones) were annotated by several
    annotators for agreement studies; the first annotator in sorted order is
    used, so each article counts once;
  * an `E` line with no Content is dropped (there is nothing to match);
  * a fragment whose offsets fall outside the text is dropped.

The test compartment is held out and this loader refuses to read it.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[1].parent / "shared/data/polnear"
COMPARTMENTS = ("train", "dev")

Spans = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One attribution: content, cue and source, each a tuple of `[start, end)` fragments."""

    id: str
    content: Spans
    cue: Spans
    source: Spans  # empty for Attribution-no-source

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content)


@dataclass
class PolnearDoc:
    name: str
    text: str
    published: str | None
    annotator: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)


def require_root(root: Path) -> None:
    if not (root / "metadata.tsv").exists():
        print(f"PolNeAR not found under {root} (../shared/data is absent); nothing to evaluate")
        sys.exit(0)


def load_metadata(root: Path) -> dict[str, dict[str, str]]:
    lines = (root / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return {row["filename"]: row for row in (dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip())}


def load_polnear(root: Path = DEFAULT_ROOT, compartment: str = "dev") -> list[PolnearDoc]:
    """The articles of one compartment (train or dev), in file-name order, with their gold attributions."""
    if compartment not in COMPARTMENTS:
        raise ValueError(f"compartment must be one of {COMPARTMENTS} (the test split is held out)")
    meta = load_metadata(root)
    folder = root / compartment
    by_article: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        by_article.setdefault(article, ann)  # first annotator in sorted order
    docs = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        name = text_path.stem
        ann = by_article.get(name)
        if ann is None:
            continue
        text = text_path.read_text(encoding="utf-8")
        row = meta.get(name, {})
        doc = PolnearDoc(name, text, row.get("publication_date") or None, ann.stem.rsplit("_", 1)[1])
        doc.attributions = parse_ann(ann.read_text(encoding="utf-8"), len(text), doc.dropped)
        docs.append(doc)
    return docs


def parse_ann(raw: str, text_length: int, dropped: Counter) -> list[GoldAttribution]:
    """The attributions of one brat file."""
    bound: dict[str, Spans] = {}
    events = []
    for line in raw.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, ranges = parts[1].split(" ", 1)
            frags = []
            for piece in ranges.split(";"):
                start, end = (int(x) for x in piece.split())
                if 0 <= start < end <= text_length:
                    frags.append((start, end))
                else:
                    dropped["fragment outside the text"] += 1
            bound[parts[0]] = tuple(frags)
        elif line.startswith("E") and len(parts) >= 2:
            events.append((parts[0], parts[1].split()))
    out = []
    for eid, args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for arg in args:
            role, _, ref = arg.partition(":")
            role = "Content" if role == "Content2" else role
            if role in roles:
                roles[role].extend(bound.get(ref, ()))
        if not roles["Content"]:
            dropped["attribution without content"] += 1
            continue
        out.append(GoldAttribution(eid, *(tuple(sorted(roles[r])) for r in ("Content", "Cue", "Source"))))
    return sorted(out, key=lambda a: (a.content_start, a.id))


def main() -> None:
    require_root(DEFAULT_ROOT)
    for compartment in COMPARTMENTS:
        docs = load_polnear(DEFAULT_ROOT, compartment)
        attributions = [a for d in docs for a in d.attributions]
        dropped = sum((d.dropped for d in docs), Counter())
        print(
            f"{compartment}: {len(docs)} articles, {len(attributions)} attributions"
            f" ({sum(not a.source for a in attributions)} without source,"
            f" {sum(len(a.content) > 1 for a in attributions)} with discontinuous content); dropped {dict(dropped)}"
        )


if __name__ == "__main__":
    main()
