"""Draw the judged quote sample of the README: 80 random quote records (seed 14) from the MEANTIME texts.

    PYTHONPATH=$PWD python eval/judged/sample_meantime_quotes.py [MEANTIME_ROOT] > sample.txt

MEANTIME (intra-doc annotation, 120 English Wikinews articles) is tokenised XML:
each text is rebuilt from its tokens (title, date and each sentence a
paragraph; a sentence inside an open quotation joins the one before; spaces
before punctuation and inside quotation marks closed up), analysed by the full
pipeline in file order, and 80 of all the quote records are drawn with
`random.seed(14)`. The judgments are in `meantime_quotes_seed14.tsv`.
"""

from __future__ import annotations

import html
import random
import re
import sys
from pathlib import Path

from newswire.pipeline import analyze_articles
from newswire.text.read import read_text

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "wt/shared/data/meantime")
_TOKEN = re.compile(r'<token number="\d+" sentence="(\d+)" t_id="\d+">(.*?)</token>')


def text_of(xml: str) -> str:
    sentences: dict[int, list[str]] = {}
    for m in _TOKEN.finditer(xml):
        sentences.setdefault(int(m.group(1)), []).append(html.unescape(m.group(2)))
    lines: list[str] = []
    for k in sorted(sentences):
        s = " ".join(sentences[k]).replace("``", '"').replace("''", '"')
        s = re.sub(r"(\w)' (m|s|re|ve|ll|d|t)\b", r"\1'\2", s)
        s = re.sub(r" ([.,;:!?%)\]])", r"\1", s)
        s = re.sub(r"([(\[$]) ", r"\1", s)
        s = re.sub(r" (n't|'s|'re|'ve|'ll|'d)\b", r"\1", s)
        if lines and lines[-1].count('"') % 2 == 1:
            lines[-1] += " " + s
        else:
            lines.append(s)
    return "\n\n".join(_close_quotes(line) for line in lines) + "\n"


def _close_quotes(line: str) -> str:
    parts = line.split('"')
    out = parts[0]
    for n, part in enumerate(parts[1:]):
        out = out + '"' + part.lstrip() if n % 2 == 0 else out.rstrip() + '"' + part
    return out


def main() -> None:
    files = sorted(ROOT.glob("intra-doc_annotation/*/*.xml"), key=lambda p: p.name)
    articles = [read_text(text_of(f.read_text(encoding="utf-8"))) for f in files]
    records = []
    for f, analysis in zip(files, analyze_articles(articles, any_language=True)):
        records += [(f.stem, q) for q in analysis.quotes]
    random.seed(14)
    for n, (name, q) in enumerate(random.sample(records, 80), 1):
        print(f"{n}\t{name}\t{q.id}\t{q.type}\t{q.cue.text if q.cue else ''}\t{q.speaker_name or ''}\t{' '.join(q.content.text.split())}")


if __name__ == "__main__":
    main()
