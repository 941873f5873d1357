"""The README's screenshots of `newswire serve`: each main view, taken with Playwright in Debian's Chromium.

    python scripts/screenshots.py [--out docs/] [--max-kb 150]

The corpus is the browser tests' crafted one (tests/test_browser.py: 32
articles written for the tests, with three speakers, 45 country codes, events
in ten cities the gazetteer resolves, two John Smiths, a 720 KB article and XSS payloads), served from a temporary
store on a loopback port, so the pictures show what the tests check and
nothing from a licensed corpus. Each view is a PNG named `serve-VIEW.png` in
--out (1,100 x 760, the phone 390 x 760); a file over --max-kb KB is an error
(exit 1), so the README stays light. Needs the browser the tests need
(`scripts/install-browser`) and Playwright (`pip install -e '.[test]'`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

SIZE = {"width": 1100, "height": 760}
PHONE = {"width": 390, "height": 760}


def open_first_row(page):
    page.locator("#results tbody tr").first.click()
    page.wait_for_selector("#article h2")


# (file name, viewport, URL, what the status line says when it is drawn, what to do then)
VIEWS = [
    ("overview", SIZE, "/", "32 articles", None),
    ("quotes", SIZE, "/#tab=quotes&speaker=Ann+Lee", "of 50", open_first_row),
    ("events", SIZE, "/#tab=events", "of 35", lambda page: page.wait_for_selector("figure[data-trend=events] rect")),
    ("entity", SIZE, "/#entity=John+Smith&match=name", "2 groups", None),
    ("choose", SIZE, "/#entity=John+Smith", "choose one", None),
    ("timeline", SIZE, "/#tab=timeline&entity=Ann+Lee", "Rows", None),
    ("network", SIZE, "/#tab=network", "Rows", lambda page: page.wait_for_selector("#graph svg")),
    ("articles", SIZE, "/#tab=articles&q=attacked", "of 5", open_first_row),
    ("entities", SIZE, "/#tab=entities", "Rows", None),
    ("map", SIZE, "/#tab=map", "Rows", lambda page: page.wait_for_selector("#graph circle.place")),
    ("tone", SIZE, "/#tab=tone&by=week", "Rows", lambda page: page.wait_for_selector("figure.tone-chart rect.bar")),
    ("phone", PHONE, "/#tab=quotes&outlet=reuters.com", "of 50", None),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs")
    ap.add_argument("--max-kb", type=int, default=150)
    args = ap.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright
    from test_browser import build_store, chromium, wait_status

    from newswire.present.serve import create_app, listen

    executable = chromium()
    if executable is None:
        print("Error: no Chromium found (scripts/install-browser installs it; NEWSWIRE_CHROMIUM names another)", file=sys.stderr)
        return 1
    too_big = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "corpus.duckdb"
        build_store(db)
        listener = listen("127.0.0.1", 0)
        server = uvicorn.Server(uvicorn.Config(create_app(str(db)), log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"] if os.geteuid() == 0 else [])
            for name, size, url, status, then in VIEWS:
                context = browser.new_context(viewport=size, base_url=base)
                page = context.new_page()
                page.set_default_timeout(20_000)
                page.goto(url)
                wait_status(page, status)
                if then is not None:
                    then(page)
                page.wait_for_timeout(300)
                path = args.out / f"serve-{name}.png"
                page.screenshot(path=str(path))
                kb = path.stat().st_size / 1024
                print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {kb:.0f} KB")
                if kb > args.max_kb:
                    too_big.append(path.name)
                context.close()
            browser.close()
        server.should_exit = True
        thread.join(10)
    if too_big:
        print(f"Error: over {args.max_kb} KB: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
