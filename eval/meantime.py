"""Load the NewsReader MEANTIME corpus (English, intra-document annotation).

MEANTIME ships tokens only, so each article is rebuilt as natural text of
three lines: the headline (sentence 0), the date line (sentence 1) and the
body (all later sentences). There is no paragraph information, so the body is
one paragraph with its sentences separated by single spaces. Tokens are
detokenized the way news is written (`_glued` says where no space goes; PTB
quote marks `` '' become straight double quotes, curly quotes stay as given,
hyphen tokens keep their spaces: "Wal - Mart") and every token's character
offsets are recorded while the text is built, so gold spans map exactly onto
`text`.

Gold entity mentions come with the entity they REFERS_TO (its m_id is the
coreference cluster) and that entity's type; TIMEX3 mentions are loaded too
for the time-expression evaluation.

Only the headline, the date line and the first four body sentences
(sentences 0-5) are annotated; the rest of the article is unannotated
context. `MeantimeDoc.annotated_end` marks where the annotated part ends:
scorers must ignore predictions after it, or every correct mention in the
rest of the article counts as a false positive.

Data quirks handled here (see `python eval/meantime.py` for counts):
  * a mention whose token anchors are not contiguous ("Mobile Alabama" over
    "Mobile , Alabama") gets the span from its first to its last token and is
    flagged `discontinuous`; in this corpus nearly all of them duplicate a
    contiguous mention of the same entity;
  * a mention with no token anchors (an "Empty_Mark") is dropped;
  * a mention linked to two entities keeps the first REFERS_TO target;
  * TIMEX3s without tokens (implicit times, never in the text) are dropped;
  * two articles have no CREATION_TIME TIMEX3 and one has the value
    "03-02-2009": `published` then comes from the DATE TIMEX3 on the date
    line, else from parsing the date line (Timex.value stays as annotated).

Run this file to self-check the reconstruction on the corpus.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

DEFAULT_ROOT = Path(__file__).resolve().parents[1].parent / "shared/data/meantime"

HEADLINE, DATELINE = 0, 1  # sentence numbers; the body starts at 2
# Only sentences 0-5 (headline, date line, first four body sentences) carry
# annotations: no entity, event or time markable lies beyond sentence 5 in the
# corpus (two VALUEs of one article are the only markables that do).
LAST_ANNOTATED_SENTENCE = 5


@dataclass
class GoldMention:
    """One ENTITY_MENTION: a `[start, end)` span of `MeantimeDoc.text`."""

    m_id: str
    start: int
    end: int
    syntactic_type: str  # NAM NOM PRO PRE.NAM APP CONJ ...; "" when not annotated
    entity_type: str | None  # PER ORG LOC PRO FIN MIX of the entity, None if unlinked
    cluster: str | None  # m_id of the ENTITY it REFERS_TO, None if unlinked
    discontinuous: bool = False  # token anchors have gaps; span is first..last token
    external_ref: str | None = None  # the entity's DBpedia link ("Apple_Inc."), the same across documents; None if it has none


@dataclass
class Timex:
    """One TIMEX3 that has tokens: a `[start, end)` span of `MeantimeDoc.text`."""

    m_id: str
    start: int
    end: int
    type: str  # DATE TIME DURATION SET
    value: str
    functionInDocument: str  # CREATION_TIME or NONE


@dataclass
class MeantimeDoc:
    name: str  # file stem, e.g. "11716_Airbus_wins_Qatar_Airways_order_worth_15bn"
    corpus: str  # airbus | apple | gm | stock
    text: str
    published: str | None  # YYYY-MM-DD
    title: str  # the detokenized headline (also the first line of `text`)
    annotated_end: int  # text[:annotated_end] is the annotated part (sentences 0-5); score only there
    mentions: list[GoldMention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # data quirks met while loading


# --- finding the data --------------------------------------------------------


def corpus_files(root: Path = DEFAULT_ROOT) -> list[Path]:
    """The article XML files under `root` (the MEANTIME folder or its intra-doc_annotation)."""
    root = Path(root)
    if (root / "intra-doc_annotation").is_dir():
        root = root / "intra-doc_annotation"
    return sorted(root.glob("corpus_*/*.xml"))


def require_root(root: Path) -> None:
    """Exit cleanly (status 0) with one line when the corpus is not there."""
    if not corpus_files(root):
        print(f"MEANTIME not found at {root}; skipping")
        sys.exit(0)


# --- detokenization ------------------------------------------------------------

# Tokens written with no space before them.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "’"}
_CLITICS = {"'s", "'re", "n't", "'ll", "'ve", "'d", "'m"}
# Tokens written with no space after them.
_NO_SPACE_AFTER = {"(", "[", "{"}
# Currency signs, written against the number they precede (also US$, CA$: any token ending in "$").
# "#" is the pound sign as the PTB tokenizer rewrites it: "GB # 20.1 billion".
_CURRENCY = {"$", "#", "£", "€", "¥"}
# What follows an apostrophe token to make a word: "Apple ’ s" -> "Apple’s", "we ' re" -> "we're".
_AFTER_APOSTROPHE = {"s", "t", "d", "m", "ll", "re", "ve"}
# Tokens after which a straight single quote opens a quotation: "movie , ' High School ...".
_BEFORE_OPENING = {",", ":", ";", "(", "[", "-", "--", "—"}
_LETTER_APOSTROPHE = re.compile(r"^(?:``|''|\")?[A-Z]'$")  # "I'" of "I' m", "O'" of "O' Leary"


def surface(token: str) -> str:
    """How a token is written: PTB quote marks become plain quotes, the rest as given."""
    if token in ("``", "''"):
        return '"'
    if token == "`":
        return "'"
    if token[:2] in ("``", "''") and len(token) > 2:  # "''I'" of "''I' d distribute"
        return '"' + token[2:]
    return token


def _quote_roles(tokens: list[str]) -> list[str | None]:
    """'open' or 'close' for each standalone quote token of one line, else None.

    PTB marks (`` '' `) and curly quotes say which they are. A straight '"'
    opens when no double quote is open and closes otherwise. A straight "'"
    opens a quotation only at the line start or after punctuation and before
    a word; otherwise it is a possessive or closing quote ("Airbus '").
    """
    roles: list[str | None] = []
    inside = False
    for i, token in enumerate(tokens):
        role = None
        if token in ("``", "“", "`"):
            role = "open"
        elif token in ("''", "”"):
            role = "close"
        elif token == '"':
            role = "close" if inside else "open"
        elif token == "'":
            after_break = i == 0 or tokens[i - 1] in _BEFORE_OPENING or roles[i - 1] == "open"
            before_word = i + 1 < len(tokens) and tokens[i + 1][:1].isalnum()
            role = "open" if after_break and before_word else "close"
        if token in ('"', "``", "''", "“", "”"):
            inside = role == "open"
        elif token[:2] in ("``", "''") and len(token) > 2:
            inside = True  # a quote glued to its first word opens a quotation
        roles.append(role)
    return roles


def _glued(prev: str, cur: str, prev_role: str | None, cur_role: str | None) -> bool:
    """Whether two adjacent tokens of one line are written with no space between them."""
    if cur in _NO_SPACE_BEFORE or cur.lower() in _CLITICS or cur_role == "close":
        return True
    if prev in _NO_SPACE_AFTER or prev_role == "open":
        return True
    if (prev in _CURRENCY or prev.endswith("$")) and cur[:1].isdigit():
        return True
    if _LETTER_APOSTROPHE.match(prev):  # I' m, O' Leary
        return True
    if len(prev) == 1 and prev.isupper() and re.match(r"^'[A-Z]", cur):  # O 'Reilly
        return True
    return prev in ("'", "’") and cur in _AFTER_APOSTROPHE  # Wayne ’ s, we ' re


def layout(tokens: list[str], lines: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """Detokenize `tokens` into text; return it and each token's (start, end).

    `lines[i]` is the line token i belongs to (non-decreasing): a change of
    line number writes a newline instead of a space. Quote marks are paired within a line only,
    so an unbalanced quote cannot leak into the next line.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for line in sorted(set(lines)):
        idx = [i for i, n in enumerate(lines) if n == line]
        words = [tokens[i] for i in idx]
        roles = _quote_roles(words)
        for j, word in enumerate(words):
            if j == 0:
                sep = "\n" if parts else ""
            else:
                sep = "" if _glued(words[j - 1], word, roles[j - 1], roles[j]) else " "
            text = surface(word)
            parts += [sep, text]
            pos += len(sep)
            offsets.append((pos, pos + len(text)))
            pos += len(text)
    return "".join(parts), offsets


def detokenize(tokens: list[str]) -> str:
    """Detokenize tokens written on one line."""
    return layout(tokens, [0] * len(tokens))[0]


# --- reading one article -------------------------------------------------------


@dataclass
class _Tokens:
    """The article's tokens in order, with positions by t_id and char offsets."""

    ids: list[str]
    words: list[str]
    sentences: list[int]
    index: dict[str, int]  # t_id -> position
    offsets: list[tuple[int, int]]


def _read_tokens(root: ET.Element) -> tuple[str, _Tokens]:
    """Build the text from the <token> elements: headline line, date line, body line."""
    elems = root.findall("token")
    ids = [t.get("t_id") for t in elems]
    words = [t.text or "" for t in elems]
    sentences = [int(t.get("sentence")) for t in elems]
    lines = [min(s, DATELINE + 1) for s in sentences]
    text, offsets = layout(words, lines)
    return text, _Tokens(ids, words, sentences, {t: i for i, t in enumerate(ids)}, offsets)


def _anchor_positions(markable: ET.Element, toks: _Tokens) -> list[int]:
    """Token positions of a markable's token_anchor children, in text order."""
    return sorted(toks.index[a.get("t_id")] for a in markable.findall("token_anchor"))


def _char_span(positions: list[int], toks: _Tokens) -> tuple[int, int]:
    """Characters from the first to the last of the given tokens."""
    return toks.offsets[positions[0]][0], toks.offsets[positions[-1]][1]


def _is_contiguous(positions: list[int]) -> bool:
    return positions == list(range(positions[0], positions[-1] + 1))


def _refers_to(root: ET.Element) -> dict[str, list[str]]:
    """Mention m_id -> the ENTITY/EVENT m_ids it REFERS_TO, in document order."""
    targets: dict[str, list[str]] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target").get("m_id")
        for source in rel.findall("source"):
            targets.setdefault(source.get("m_id"), []).append(target)
    return targets


def _mentions(markables: ET.Element, toks: _Tokens, links: dict[str, list[str]], notes: list[str]) -> list[GoldMention]:
    """The ENTITY_MENTIONs, each with its cluster and entity type."""
    entity_types = {e.get("m_id"): e.get("ent_type") for e in markables.iter("ENTITY")}
    external = {e.get("m_id"): dbpedia_name(e.get("external_ref")) for e in markables.iter("ENTITY")}
    mentions = []
    for m in markables.iter("ENTITY_MENTION"):
        m_id = m.get("m_id")
        positions = _anchor_positions(m, toks)
        if not positions:
            notes.append(f"mention {m_id} has no tokens: dropped")
            continue
        targets = [t for t in links.get(m_id, []) if t in entity_types]
        if len(targets) > 1:
            notes.append(f"mention {m_id} refers to {len(targets)} entities {targets}: kept {targets[0]}")
        cluster = targets[0] if targets else None
        start, end = _char_span(positions, toks)
        discontinuous = not _is_contiguous(positions)
        if discontinuous:
            notes.append(f"mention {m_id} has discontinuous tokens: spans first..last token")
        mentions.append(
            GoldMention(
                m_id=m_id,
                start=start,
                end=end,
                syntactic_type=m.get("syntactic_type") or "",
                entity_type=entity_types[cluster] if cluster else None,
                cluster=cluster,
                discontinuous=discontinuous,
                external_ref=external[cluster] if cluster else None,
            )
        )
    return sorted(mentions, key=lambda g: (g.start, -g.end))


def dbpedia_name(ref: str | None) -> str | None:
    """The resource name of a DBpedia link, written either way ("http://dbpedia.org/page/Boeing", ".../resource/Boeing "):
    "Boeing"; None for no link or a link that is not DBpedia's (a PropBank frame such as "say.01")."""
    ref = (ref or "").strip()
    match = re.match(r"https?://dbpedia\.org/(?:page|resource)/(.+)$", ref)
    return unquote(match.group(1)).replace(" ", "_") if match else None


def _timexes(markables: ET.Element, toks: _Tokens) -> list[Timex]:
    """The TIMEX3s that have tokens (the creation time included when it has some)."""
    timexes = []
    for t in markables.iter("TIMEX3"):
        positions = _anchor_positions(t, toks)
        if not positions:
            continue
        start, end = _char_span(positions, toks)
        timexes.append(Timex(t.get("m_id"), start, end, t.get("type"), t.get("value"), t.get("functionInDocument")))
    return sorted(timexes, key=lambda t: (t.start, -t.end))


def _iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD prefix of a TIMEX3 value, or None when it is not a valid date."""
    try:
        return datetime.strptime((value or "")[:10], "%Y-%m-%d").date().isoformat()
    except ValueError:
        return None


def _published(markables: ET.Element, toks: _Tokens, dateline: str, notes: list[str]) -> str | None:
    """YYYY-MM-DD: the CREATION_TIME TIMEX3, else the DATE TIMEX3 on the date line, else the date line."""
    timexes = list(markables.iter("TIMEX3"))
    for t in timexes:
        if t.get("functionInDocument") == "CREATION_TIME":
            if _iso_date(t.get("value")):
                return _iso_date(t.get("value"))
            notes.append(f"CREATION_TIME value {t.get('value')!r} is not YYYY-MM-DD")
    for t in timexes:
        positions = _anchor_positions(t, toks)
        on_dateline = positions and all(toks.sentences[p] == DATELINE for p in positions)
        if t.get("type") == "DATE" and on_dateline and _iso_date(t.get("value")):
            notes.append("published from the date line's DATE TIMEX3")
            return _iso_date(t.get("value"))
    try:
        published = datetime.strptime(dateline, "%B %d, %Y").date().isoformat()
        notes.append("published parsed from the date line")
        return published
    except ValueError:
        notes.append(f"no publication date (date line {dateline!r})")
        return None


def _annotated_end(toks: _Tokens) -> int:
    """End offset of the last token of sentence LAST_ANNOTATED_SENTENCE (or of the text)."""
    last = max(i for i, s in enumerate(toks.sentences) if s <= LAST_ANNOTATED_SENTENCE)
    return toks.offsets[last][1]


def load_file(path: Path) -> MeantimeDoc:
    """Read one MEANTIME article."""
    root = ET.parse(path).getroot()
    text, toks = _read_tokens(root)
    lines = text.split("\n")
    notes: list[str] = []
    markables = root.find("Markables")
    return MeantimeDoc(
        name=path.stem,
        corpus=path.parent.name.removeprefix("corpus_"),
        text=text,
        published=_published(markables, toks, lines[1] if len(lines) > 1 else "", notes),
        title=lines[0],
        annotated_end=_annotated_end(toks),
        mentions=_mentions(markables, toks, _refers_to(root), notes),
        timexes=_timexes(markables, toks),
        notes=notes,
    )


def load_meantime(root: Path = DEFAULT_ROOT) -> list[MeantimeDoc]:
    """All MEANTIME articles under `root`, sorted by corpus and file name."""
    return [load_file(p) for p in corpus_files(root)]


# --- self-check ----------------------------------------------------------------


def _check_file(path: Path) -> None:
    """Assert that the article's spans are exact and its annotations lie in sentences 0-5.

    Every entity mention and timex span must equal the detokenization, on its
    own, of its tokens from first to last anchor; the text must hold exactly
    the tokens once spaces are ignored.
    """
    doc = load_file(path)
    root = ET.parse(path).getroot()
    _, toks = _read_tokens(root)
    assert "".join(doc.text.split()) == "".join(surface(w) for w in toks.words), path
    for m in root.find("Markables"):
        if m.tag not in ("ENTITY_MENTION", "EVENT_MENTION", "TIMEX3"):
            continue
        positions = _anchor_positions(m, toks)
        assert all(toks.sentences[p] <= LAST_ANNOTATED_SENTENCE for p in positions), (path, m.get("m_id"))
        if not positions or m.tag == "EVENT_MENTION":
            continue
        start, end = _char_span(positions, toks)
        run = range(positions[0], positions[-1] + 1)
        expected = layout([toks.words[p] for p in run], [min(toks.sentences[p], DATELINE + 1) for p in run])[0]
        assert doc.text[start:end] == expected, (path, m.get("m_id"), doc.text[start:end], expected)
    assert doc.published and re.fullmatch(r"\d{4}-\d\d-\d\d", doc.published), path


def _show(doc: MeantimeDoc, n_mentions: int = 25) -> None:
    """Print a document's text and some gold mentions for eyeballing."""
    print("=" * 78)
    print(f"{doc.corpus}/{doc.name}  published={doc.published}")
    print(doc.text[:1500] + ("..." if len(doc.text) > 1500 else ""))
    print("-- mentions (syntactic type, entity type, cluster):")
    for m in doc.mentions[:n_mentions]:
        print(f"   [{m.start}:{m.end}] {doc.text[m.start:m.end]!r} {m.syntactic_type or '-'} {m.entity_type} {m.cluster}")
    print("-- timexes:")
    for t in doc.timexes[:8]:
        print(f"   [{t.start}:{t.end}] {doc.text[t.start:t.end]!r} {t.type} {t.value} {t.functionInDocument}")


_EYEBALL = {
    "spaced hyphen token (kept as given)": r"\S+ - \S+",
    "word after an apostrophe token": r"\S*\w[’'](?:s|t|d|m|ll|re|ve)\b",
    "apostrophe-led word": r"(?<!\S)'\w+'?",
    "word-final apostrophe": r"\b\w+' ",
    "quotation": r'"[^"\n]{1,30}"',
    "bracketed": r"[(\[][^)\]\n]{1,30}[)\]]",
    "currency": r"(?:[A-Z]*\$|#|£|€|¥)\d[\d,.]*",
}


def _eyeball(docs: list[MeantimeDoc], n: int = 6) -> None:
    """Print a few examples of each tricky join, to check the detokenization by eye."""
    for label, pattern in _EYEBALL.items():
        found = [m.group(0) for doc in docs for m in re.finditer(pattern, doc.text)]
        examples = list(dict.fromkeys(found))[:: max(1, len(set(found)) // n)][:n]
        print(f"   {label} ({len(found)}): {examples}")


def main(argv: list[str] | None = None) -> None:
    root = Path(argv[0]) if argv else DEFAULT_ROOT
    require_root(root)
    files = corpus_files(root)
    docs = load_meantime(root)
    for name in ("11716_", "73808_", "8951_", "10450_", "116834_"):
        for doc in docs:
            if name in doc.name:
                _show(doc)
                break
    for path in files:
        _check_file(path)
    print("=" * 78)
    n_mentions, n_timexes = sum(len(d.mentions) for d in docs), sum(len(d.timexes) for d in docs)
    print(f"{len(docs)} documents, {n_mentions} entity mentions, {n_timexes} timexes with tokens")
    print("checked: every span equals its tokens detokenized; annotations only in sentences 0-5; dates valid")
    print("notes:")
    for doc in docs:
        for note in doc.notes:
            print(f"   {doc.name[:40]}: {note}")
    print("syntactic types:", dict(Counter(m.syntactic_type or "(none)" for d in docs for m in d.mentions).most_common()))
    print("tricky joins, to eyeball:")
    _eyeball(docs)


if __name__ == "__main__":
    main(sys.argv[1:])
