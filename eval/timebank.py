"""Load TimeBank 1.2 and AQUAINT (TimeML): the article text, its creation time and the gold TIMEX3s.

Each `.tml` file holds one article: the document creation time (DCT) as the
TIMEX3 inside `<DCT>`, and the article inside `<TEXT>`, marked up with
EVENT, SIGNAL and TIMEX3 tags. The text newswire sees is the content of
`<TEXT>` with every tag removed and the XML entities decoded (`&amp;` → `&`);
each gold TIMEX3 gets the `[start, end)` offsets of its content in that text.
As in TempEval-3, the DCT itself is not a gold expression (it is not in the
text); only the TIMEX3s inside `<TEXT>` are.

Run this file to print counts and check that every span equals its tag's
content.
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[1].parent / "shared/data/timebank"
CORPORA = ("TimeBank", "AQUAINT")

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    """One TIMEX3 inside <TEXT>: a `[start, end)` span of `TimeBankDoc.text`."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeBankDoc:
    name: str  # file stem, e.g. "ABC19980108.1830.0711"
    corpus: str  # TimeBank | AQUAINT
    text: str
    dct: str  # YYYY-MM-DD
    timexes: list[GoldTimex] = field(default_factory=list)


def corpus_files(root: Path = DEFAULT_ROOT) -> list[Path]:
    return [p for name in CORPORA for p in sorted((Path(root) / name).glob("*.tml"))]


def require_root(root: Path) -> None:
    """Exit cleanly (status 0) with one line when the corpus is not there."""
    if not corpus_files(root):
        print(f"TimeBank/AQUAINT not found at {root}; skipping")
        sys.exit(0)


def _dct(raw: str, path: Path) -> str:
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if not m:
        raise ValueError(f"{path}: no DCT")
    value = dict(_ATTR.findall(m.group(1)))["value"]
    digits = re.sub(r"\D", "", value)[:8]
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def load_file(path: Path) -> TimeBankDoc:
    """Read one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    pos = 0
    open_timex: tuple[dict[str, str], int] | None = None
    timexes = []
    last = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[last : m.start()])
        parts.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, name, attrs, self_closing = m.groups()
        if name != "TIMEX3" or self_closing:
            continue
        if not closing:
            open_timex = (dict(_ATTR.findall(attrs)), pos)
        elif open_timex is not None:
            a, start = open_timex
            timexes.append((a, start, pos))
            open_timex = None
    parts.append(html.unescape(body[last:]))
    text = "".join(parts)
    gold = []
    for a, start, end in timexes:
        # the span without surrounding spaces (a few tags enclose a trailing space or newline)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        gold.append(GoldTimex(a["tid"], start, end, text[start:end], a.get("type", ""), a.get("value", "")))
    return TimeBankDoc(path.stem, path.parent.name, text, _dct(raw, path), gold)


def load_timebank(root: Path = DEFAULT_ROOT) -> list[TimeBankDoc]:
    """All TimeBank and AQUAINT articles under `root`, TimeBank first, each sorted by name."""
    return [load_file(p) for p in corpus_files(root)]


def main(argv: list[str] | None = None) -> None:
    root = Path(argv[0]) if argv else DEFAULT_ROOT
    require_root(root)
    docs = load_timebank(root)
    for doc in docs:
        raw = (Path(root) / doc.corpus / f"{doc.name}.tml").read_text(encoding="utf-8")
        contents = [html.unescape(c).strip() for c in re.findall(r"<TIMEX3[^>]*>(.*?)</TIMEX3>", raw[raw.index("<TEXT>") :], re.S)]
        assert [t.text for t in doc.timexes] == contents, doc.name
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", doc.dct), doc.name
    for corpus in CORPORA:
        part = [d for d in docs if d.corpus == corpus]
        types = Counter(t.type for d in part for t in d.timexes)
        print(f"{corpus}: {len(part)} documents, {sum(len(d.text) for d in part):,} characters, {sum(types.values())} TIMEX3 {dict(types)}")
    print("checked: every gold span equals its tag's content; every DCT is a date")


if __name__ == "__main__":
    main(sys.argv[1:])
