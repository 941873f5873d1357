"""A large store of news-like articles for measuring text search: texts drawn from a word trigram model of real news.

    python bench/news_like.py --db STORE --articles 100000 [--seed 16] [--chunk 5000] [--data ../shared]
    python bench/news_like.py --stats [--articles 2000]   # how the texts compare with the real ones; nothing written

The model is read at run time from the real news texts of the shared evaluation data (PolNeAR's training articles,
TimeBank's and MEANTIME's texts; PolNeAR's development articles are left out, to compare with): whitespace tokens
(a word with its punctuation: `said,` `Trump.` `"We`), each drawn from those that follow the two before it in the
real texts, paragraphs where the real texts break them, a new sentence or article started where a real one ended.
So the vocabulary is the real texts' (tens of thousands of words, most of them rare: a Zipf tail), words are as
frequent as in them, and phrases are the real texts' phrases, recombined (a scale benchmark of clones of a few
analysed texts has a few thousand words, each in thousands of articles: nothing is rare there). Each article's
length (in tokens) is a real article's, its title a sentence start of 6-14 tokens, its quotes its sentences that
hold a quotation mark or "said" (at most 20); dates spread over 2016-2026 in the order the articles are stored (up to
a week late, as a feed brings them), URLs over the PolNeAR outlets.

The store is written directly, the fastest honest route: the rows of `articles` and `quotes` (no entities, events or
the rest: text search reads only those two and its index), and the word index made from them by
`wordindex.add`, the function an ingest calls on each batch's rows, `--chunk` articles at a time, the word pairs then
sorted as the end of an ingest sorts them (`Store.sort_pairs`). Skips with a message when the data is absent; nothing
of it is copied into the repository.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import html
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

START, END, PARAGRAPH = "\x02", "\x03", "\x04"  # a sentence's or text's start, a text's end, a paragraph break
OUTLETS = ["huffingtonpost.com", "breitbart.com", "usatoday.com", "washingtonpost.com", "nytimes.com", "politico.com",
           "westernjournal.com"]
QUOTES_MAX = 20


def real_texts(data: Path, held_out: bool = False) -> list[str]:
    """The real news texts the model reads (held_out: PolNeAR's development articles instead, to compare with)."""
    polnear = sorted((data / "data" / "polnear" / ("dev" if held_out else "train") / "text").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in polnear]
    if held_out:
        return texts
    for tml in sorted((data / "data" / "timebank").rglob("*.tml")):
        body = re.search(r"<TEXT>(.*)</TEXT>", tml.read_text(encoding="utf-8", errors="replace"), re.S)
        if body:
            texts.append(html.unescape(re.sub(r"<[^>]+>", "", body.group(1))))
    for xml in sorted((data / "data" / "meantime").rglob("*.xml")):
        sentences: dict[str, list[str]] = defaultdict(list)
        for sentence, token in re.findall(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>', xml.read_text(encoding="utf-8", errors="replace")):
            sentences[sentence].append(html.unescape(token))
        # MEANTIME keeps tokens apart: punctuation is put back against the word before it
        text = "\n\n".join(re.sub(r" ([,.;:!?)%]|'s|n't)", r"\1", re.sub(r"([($]) ", r"\1", " ".join(t))) for t in sentences.values())
        if text:
            texts.append(text)
    return texts


def tokens(text: str) -> list[str]:
    """A text as whitespace tokens, a paragraph break as PARAGRAPH."""
    out: list[str] = []
    for n, paragraph in enumerate(p for p in re.split(r"\n\s*\n", text) if p.strip()):
        if n:
            out.append(PARAGRAPH)
        out += paragraph.split()
    return out


class Model:
    """A word trigram model of whitespace tokens: the tokens that follow each two, as often as they do."""

    def __init__(self, texts: list[str]) -> None:
        follow: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.lengths = []
        for text in texts:
            words = tokens(text)
            if len(words) < 20:
                continue
            self.lengths.append(len(words))
            state = (START, START)
            for word in [*words, END]:
                follow[state].append(word)
                state = (START, START) if word == PARAGRAPH else (state[1], word)
            # every real sentence start is a way to start (its first two tokens as after a paragraph's start)
            for n in range(1, len(words) - 1):
                if _ends_sentence(words[n - 1]) and PARAGRAPH not in (words[n], words[n + 1]):
                    follow[(START, START)].append(words[n])
                    follow[(START, words[n])].append(words[n + 1])
        self.follow = dict(follow)

    def text(self, rng: random.Random, length: int) -> str:
        out: list[str] = []
        state = (START, START)
        while len(out) < length:
            word = rng.choice(self.follow[state])
            if word == END:
                state = (START, START)
                if out and not _ends_sentence(out[-1]):
                    continue
                if out and out[-1] != PARAGRAPH:
                    out.append(PARAGRAPH)
                continue
            out.append(word)
            state = (START, START) if word == PARAGRAPH else (state[1], word)
            if state not in self.follow:  # (a context only a text's end followed)
                state = (START, START)
        while out and out[-1] == PARAGRAPH:
            out.pop()
        return " ".join(out).replace(f" {PARAGRAPH} ", "\n\n") + "\n"

    def title(self, rng: random.Random) -> str:
        words = self.text(rng, rng.randint(6, 14)).split()
        return " ".join(words).rstrip(".,;:")


def _ends_sentence(word: str) -> bool:
    return word.rstrip("\"'”’)").endswith((".", "?", "!"))


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of a text's sentences: from a token's start to a token that ends one (or a paragraph's end)."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.?!][\"'”’)]*(?= |\n|$)|(?=\n\n)|$)", text, re.S) if m.end() > m.start()]


def article(model: Model, rng: random.Random, number: int, count: int) -> tuple[dict, list[dict]]:
    from newswire.records import content_id

    text = model.text(rng, rng.choice(model.lengths))
    spans = [(s, e) for s, e in sentences(text) if '"' in text[s:e] or "“" in text[s:e] or " said" in text[s:e]][:QUOTES_MAX]
    article_id = content_id(f"{number}\n{text}")
    # stored about in the order published, as a feed brings them (up to a week late)
    day = dt.date(2016, 1, 1) + dt.timedelta(days=max(0, number * 3988 // count - rng.randrange(8)))
    outlet = rng.choice(OUTLETS)
    row = {"id": article_id, "status": "analysed", "title": model.title(rng), "url": f"https://www.{outlet}/{day}/{number}",
           "published": day.isoformat(), "text": text, "text_length": len(text), "source": "news_like", "format": "text"}
    quotes = [{"article_id": article_id, "ord": n + 1, "id": f"Q{n + 1}", "type": "direct", "content_start": s,
               "content_end": e, "content_text": text[s:e]} for n, (s, e) in enumerate(spans)]
    return row, quotes


def write(db: str, model: Model, count: int, seed: int, chunk: int) -> None:
    import pyarrow as pa

    from newswire.corpus import wordindex
    from newswire.corpus.store import Store

    rng = random.Random(seed)
    started = time.perf_counter()
    with Store(db) as store:
        con = store.con
        columns = {t: {r[0]: r[1] for r in con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [t]).fetchall()} for t in ("articles", "quotes")}
        for first in range(0, count, chunk):
            rows, quotes = [], []
            for number in range(first, min(count, first + chunk)):
                row, said = article(model, rng, number, count)
                rows.append(row)
                quotes += said
            con.execute("BEGIN")
            for table, data in (("articles", rows), ("quotes", quotes)):
                names = list(data[0])
                con.register("_rows", pa.Table.from_pylist(data))
                con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(f'CAST({n} AS {columns[table][n]})' for n in names)} FROM _rows")
                con.unregister("_rows")
            wordindex.add(con, [(r["id"], r[c]) for r in rows for c in ("text", "title")],
                          [(q["article_id"], q["ord"], q["content_text"]) for q in quotes])
            con.execute("COMMIT")
            print(f"{first + len(rows):,} articles, {time.perf_counter() - started:.0f} s", flush=True)
        store.sort_pairs(force=True)  # as the end of an ingest leaves them
        con.execute("CHECKPOINT")
        print(f"word pairs sorted, {time.perf_counter() - started:.0f} s", flush=True)


def stats(model: Model, texts: list[str], held_out: list[str], count: int, seed: int) -> None:
    """Vocabulary and word frequencies of `count` generated articles against the real texts (words as the index
    splits them: runs of letters, digits and underscores, in lower case)."""
    rng = random.Random(seed)
    made = [model.text(rng, rng.choice(model.lengths)) for _ in range(count)]

    def counts(docs: list[str]) -> Counter:
        return Counter(w for d in docs for w in re.findall(r"[^\W]+", d.lower()))

    real, fake, dev = counts(texts), counts(made), counts(held_out)
    for name, c in (("real (model's source)", real), (f"generated ({count:,} articles)", fake), ("held-out PolNeAR dev", dev)):
        total = sum(c.values())
        ranked = [n for _, n in c.most_common()]
        once = sum(1 for n in ranked if n == 1)
        top = ", ".join(f"{w} {n / total:.2%}" for w, n in c.most_common(5))
        print(f"{name}: {total:,} words, vocabulary {len(c):,} ({once / len(c):.0%} seen once); top: {top}; "
              f"rank 10/100/1000/10000 share: " + " ".join(f"{ranked[r - 1] / total:.4%}" if r <= len(ranked) else "-" for r in (10, 100, 1000, 10000)))
    covered = sum(n for w, n in dev.items() if w in fake) / sum(dev.values())
    print(f"held-out dev words found in the generated vocabulary: {covered:.1%} of its words")
    shared = [w for w, _ in real.most_common(2000)]
    rank_fake = {w: i for i, (w, _) in enumerate(fake.most_common())}
    moved = sorted(abs(i - rank_fake.get(w, len(rank_fake))) for i, w in enumerate(shared[:200]))
    print(f"the real top 200 words' rank in the generated texts moves by a median of {moved[len(moved) // 2]} places")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--chunk", type=int, default=5000)
    parser.add_argument("--data", default=str(REPO.parent / "shared"))
    parser.add_argument("--stats", action="store_true")
    args = parser.parse_args()
    data = Path(args.data)
    if not (data / "data" / "polnear").is_dir():
        print(f"skipped: no real news texts under {data}/data (PolNeAR, TimeBank, MEANTIME)")
        return
    texts = real_texts(data)
    model = Model(texts)
    print(f"model: {len(texts):,} real texts, {len(model.follow):,} contexts", flush=True)
    if args.stats:
        stats(model, texts, real_texts(data, held_out=True), args.articles, args.seed)
        return
    if not args.db:
        parser.error("--db is required (or --stats)")
    if Path(args.db).exists():
        raise SystemExit(f"Error: {args.db} exists; give a new file")
    write(args.db, model, args.articles, args.seed, args.chunk)


if __name__ == "__main__":
    main()
