"""What the article page costs on a very long article: `Store.load_analysis` and `/api/article/{id}`.

    python bench/article_page.py [--sentences 20000] [--repeat 5] [--json]

The article is crafted as tests/test_browser.py crafts its long one: N lines
"Zed Big met Ms Quill in Oslo today." (20,000 lines: about 720 KB of text and
40,000 entity mentions, two entities, one quote), stored in a temporary store
through the store's own inserts. Prints, each the best and the median of
--repeat runs after one warm-up: `load_s` (`load_analysis` on an open
store), `to_dict_s` (the record as JSON-ready data), and `endpoint_s` (the
whole `/api/article/{id}` reply through the ASGI app: open the store, load,
encode), and the reply's size. The machine's other load is not controlled:
say so when quoting the numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newswire.corpus.store import PENDING, Entry, Store  # noqa: E402
from newswire.records import Analysis, Article, Entity, Mention, Quote, Span, content_id  # noqa: E402


def long_article(sentences: int) -> Analysis:
    parts: list[str] = []
    length = 0
    zed = Entity("E1", "Zed Big", "PERSON", [], None, None, [])
    quill = Entity("E2", "Ms Quill", "PERSON", [], None, None, [])

    def add(piece: str) -> tuple[int, int, str]:
        nonlocal length
        parts.append(piece)
        length += len(piece)
        return length - len(piece), length, piece

    for _ in range(sentences):
        zed.mentions.append(Mention(*add("Zed Big")))
        add(" met ")
        quill.mentions.append(Mention(*add("Ms Quill")))
        add(" in Oslo today.\n")
    speaker = add("Zed Big")
    add(' said: "')
    content = add("This is the end of a very long article.")
    add('"\n')
    zed.mentions.append(Mention(*speaker))
    text = "".join(parts)
    quote = Quote("Q1", "direct", Span(*content), speaker=Span(*speaker), speaker_entity="E1", speaker_name="Zed Big")
    return Analysis(id=content_id(text), text=text, title="A very long article", published="2019-06-01",
                    entities=[zed, quill], quotes=[quote])


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from starlette.testclient import TestClient

    from newswire.present.serve import create_app

    analysis = long_article(args.sentences)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.duckdb"
        article = Article(text=analysis.text, title=analysis.title, published=analysis.published, source="long.txt")
        with Store(path) as store:
            store.add_entries([Entry(article, analysis.id, len(analysis.text), PENDING, analysis.id, None)], [], run_id=1)
            store.add_results([analysis], [], run_id=1)
        with Store(path, read_only=True) as store:
            assert store.load_analysis(analysis.id) == analysis
            load = timed(lambda: store.load_analysis(analysis.id), args.repeat)
            loaded = store.load_analysis(analysis.id)
            to_dict = timed(loaded.to_dict, args.repeat)
        client = TestClient(create_app(str(path)), base_url="http://127.0.0.1")
        size = len(client.get(f"/api/article/{analysis.id}").content)
        endpoint = timed(lambda: client.get(f"/api/article/{analysis.id}"), args.repeat)
    result = {
        "text_chars": len(analysis.text),
        "mentions": sum(len(e.mentions) for e in analysis.entities),
        "load_s": {"best": round(load[0], 3), "median": round(load[1], 3)},
        "to_dict_s": {"best": round(to_dict[0], 3), "median": round(to_dict[1], 3)},
        "endpoint_s": {"best": round(endpoint[0], 3), "median": round(endpoint[1], 3)},
        "reply_bytes": size,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:12} {value}")


if __name__ == "__main__":
    main()
