"""`newswire serve` in a real browser: Debian's Chromium driven by Playwright, on a store built from crafted analyses.

The app runs in a thread on a loopback port, behind `Control`, which can delay
or break chosen replies (the stale-reply race, a proxy's 502). Each test saves
a screenshot to tests/artifacts/ (git-ignored). Without a browser
(`scripts/install-browser` installs Debian's `chromium`; NEWSWIRE_CHROMIUM
names another) or without Playwright, the tests skip with a message.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from newswire.corpus.store import PENDING, Entry, Store
from newswire.lexicon.places import Geocoder
from newswire.records import Analysis, Article, Entity, Event, EventActor, Mention, Place, Quote, Span, content_id
from newswire.lexicon.tone import make_tone

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
PAGE_SIZE = 100  # app.js


def chromium() -> str | None:
    for candidate in (os.environ.get("NEWSWIRE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


# --- the corpus ----------------------------------------------------------------------

SPEAKERS = ["Ann Lee", "Bo Chan", "Cy Diaz"]
# 45 country codes: more actors than the network draws (40)
CODES = ["AFG", "ALB", "DZA", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE", "BHR", "BGD", "BLR", "BEL", "BEN", "BOL",
         "BIH", "BWA", "BRA", "BGR", "BFA", "KHM", "CMR", "CAN", "TCD", "CHL", "CHN", "COL", "COD", "CRI", "HRV",
         "CUB", "CYP", "CZE", "DNK", "DJI", "ECU", "EGY", "SLV", "ERI", "EST", "ETH", "FIN", "FRA", "GAB", "GEO"]
DAYS = 30  # daily articles, 5 quotes each: 150 quotes, two pages
XSS = {
    "title": '<img src=x onerror="alert(1)">Headline',
    "speaker": '"><svg id=injected onload=alert(2)>',
    "quote": "<script>alert(3)</script><img src=x onerror=alert(4)>",
    "entity": "<b id=injected2>Bold</b><img src=x onerror=alert(5)>",
    "url": "javascript:alert(6)",
}
BIG_SENTENCES = 20_000  # about 720 KB, 40,000 entity mentions
# where the threats happen, in turn (each resolved by the gazetteer: the map draws a dot per city), and the assaults
CITIES = ["Geneva", "Nairobi", "Jakarta", "Lima", "Cairo", "Brussels", "Canberra", "Ottawa", "Hanoi"]
ASSAULTED = "Kharkiv"


class Text:
    """An article's text written piece by piece, each piece's [start, end) kept."""

    def __init__(self):
        self.text = ""

    def add(self, piece: str) -> tuple[int, int, str]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text), piece


def daily(i: int) -> Analysis:
    t = Text()
    entities: dict[str, Entity] = {}
    quotes, events = [], []
    for k in range(5):
        name = SPEAKERS[(i + k) % 3]
        entity = entities.setdefault(name, Entity(f"E{len(entities) + 1}", name, "PERSON", [], None, None, []))
        speaker = t.add(name)
        entity.mentions.append(Mention(*speaker))
        t.add(' said: "')
        content = t.add(f"Statement {k} on day {i + 1:02d}.")
        t.add('"\n')
        quotes.append(Quote(f"Q{k + 1}", "direct", Span(*content), speaker=Span(*speaker), speaker_entity=entity.id, speaker_name=name, confidence=0.8))

    def event(n, cameo, plover, goldstein, source, target, trigger, rest, modality="asserted", city=None):
        start = len(t.text)
        s = t.add(source)
        t.add(" ")
        tr = t.add(trigger)
        t.add(" ")
        g = t.add(target)
        t.add(rest)
        location = None
        if city:  # "... in Geneva.": the place, resolved as the analysis resolves it
            t.add(" in ")
            at = t.add(city)
            geo = Geocoder([city]).resolve(city)
            location = Place(*at, geo.country if geo else None, geo)
        t.add(".\n")
        sentence = Span(start, len(t.text) - 1, t.text[start:-1])
        events.append(Event(f"EV{n}", cameo, cameo[:2], plover, 4 if goldstein < 0 else 1, goldstein, Span(*tr), sentence,
                            source=EventActor(*s, actor=source), target=EventActor(*g, actor=target), modality=modality,
                            mentions=[Span(*tr)], location=location, confidence=0.6))

    event(1, "138", "THREATEN", -7.0, CODES[i], CODES[i + 15], "threatened", " with sanctions", city=CITIES[i % len(CITIES)])
    if i < 5:
        event(2, "190", "ASSAULT", -10.0, "RUS", "UKR", "attacked", " at dawn", city=ASSAULTED)
    if i == 5:
        event(2, "120", "REJECT", -4.0, "USA", "ISR", "will not support", " the plan", modality="negated")
    published = (datetime.date(2020, 1, 1) + datetime.timedelta(days=i)).isoformat()
    for k, quote in enumerate(quotes):
        quote.tone = make_tone(5, k % 2, 1)
    # a tone that swings from negative to positive over the month (the tone tab's and entity page's charts)
    return Analysis(id=content_id(t.text), text=t.text, title=f"Day {i + 1:02d} report", published=published, url=outlet_url(i),
                    entities=list(entities.values()), quotes=quotes, events=events, tone=make_tone(60, i // 6, 2))


def outlet_url(i: int) -> str | None:
    """Days 11-20 from reuters.com, 21-25 from news.bbc.co.uk, the others without a URL."""
    if 10 <= i < 20:
        return f"https://www.reuters.com/world/day-{i + 1}"
    if 20 <= i < 25:
        return f"https://news.bbc.co.uk/{i + 1}.stm"
    return None


def hostile() -> Analysis:
    t = Text()
    entity_at = t.add(XSS["entity"])
    t.add(" met ")
    speaker = t.add(XSS["speaker"])
    t.add(' who said: "')
    content = t.add(XSS["quote"])
    t.add('"\n')
    smith = t.add("John Smith")  # not the John Smith of the long article: another country, another title
    t.add(", the footballer, scored.\n")
    entities = [Entity("E1", XSS["entity"], "PERSON", [], None, None, [Mention(*entity_at)]),
                Entity("E2", XSS["speaker"], "PERSON", [], None, None, [Mention(*speaker)]),
                Entity("E3", "John Smith", "PERSON", ["footballer"], "GBR", None, [Mention(*smith)])]
    quotes = [Quote("Q1", "direct", Span(*content), speaker=Span(*speaker), speaker_entity="E2", speaker_name=XSS["speaker"], confidence=0.8)]
    return Analysis(id=content_id(t.text), text=t.text, title=XSS["title"], url=XSS["url"], published="2019-12-01",
                    entities=entities, quotes=quotes)


def big() -> Analysis:
    t = Text()
    zed = Entity("E1", "Zed Big", "PERSON", [], None, None, [])
    quill = Entity("E2", "Ms Quill", "PERSON", [], None, None, [])
    for _ in range(BIG_SENTENCES):
        zed.mentions.append(Mention(*t.add("Zed Big")))
        t.add(" met ")
        quill.mentions.append(Mention(*t.add("Ms Quill")))
        t.add(" in Oslo today.\n")
    speaker = t.add("Zed Big")
    t.add(' said: "')
    content = t.add("This is the end of a very long article.")
    t.add('"\n')
    zed.mentions.append(Mention(*speaker))
    smith = Entity("E3", "John Smith", "PERSON", ["senator"], "USA", "USALEG", [Mention(*t.add("John Smith"))])
    t.add(", the senator, agreed.\n")
    quotes = [Quote("Q1", "direct", Span(*content), speaker=Span(*speaker), speaker_entity="E1", speaker_name="Zed Big", confidence=0.8)]
    return Analysis(id=content_id(t.text), text=t.text, title="A very long article", published="2019-06-01",
                    entities=[zed, quill, smith], quotes=quotes)


def build_store(path: Path) -> list[Analysis]:
    return store_analyses(path, [daily(i) for i in range(DAYS)] + [hostile(), big()])


def store_analyses(path: Path, analyses: list[Analysis]) -> list[Analysis]:
    """A store at `path` holding these analyses, stored as an ingest stores them (linked across articles too)."""
    entries = []
    for a in analyses:
        article = Article(text=a.text, title=a.title, published=a.published, url=a.url, source=f"{a.id}.txt")
        entries.append(Entry(article, a.id, len(a.text), PENDING, a.id, None))
    with Store(path) as store:
        store.add_entries(entries, [], run_id=1)
        store.add_results(analyses, [], run_id=1)
    return analyses


# --- the server ------------------------------------------------------------------------


class Control:
    """ASGI middleware for tests: delays the replies to chosen requests, or answers them with a proxy's HTML error."""

    def __init__(self, app):
        self.app = app
        self.delays: dict[str, float] = {}  # a substring of "path?query" -> seconds
        self.failures: dict[str, int] = {}  # a substring of "path?query" -> status of an HTML reply

    def reset(self):
        self.delays.clear()
        self.failures.clear()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            url = scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")
            for part, status in list(self.failures.items()):
                if part in url:
                    body = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
                    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/html")]})
                    await send({"type": "http.response.body", "body": body})
                    return
            for part, seconds in list(self.delays.items()):
                if part in url:
                    await asyncio.sleep(seconds)
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="module")
def server(corpus):
    import uvicorn

    from newswire.present.serve import create_app, listen

    control = Control(create_app(str(corpus[0])))
    listener = listen("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(control, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", control
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium found (/usr/bin/chromium; scripts/install-browser installs it, NEWSWIRE_CHROMIUM names another): browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]'): browser tests skipped")
    args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium refuses to run its sandbox as root
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=args)
        yield launched
        launched.close()


class Watch:
    """What a page did that a test forbids: dialogs (an XSS payload's alert), uncaught errors, CSP violations."""

    def __init__(self, page):
        self.dialogs, self.errors, self.csp = [], [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None)


@pytest.fixture
def page(request, browser, server):
    base, control = server
    control.reset()
    size = getattr(request, "param", None) or {"width": 1280, "height": 900}
    context = browser.new_context(viewport=size, base_url=base)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.watch = Watch(tab)
    yield tab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name.replace('/', '_')}.png"))
    finally:
        context.close()
    control.reset()
    assert not tab.watch.dialogs and not tab.watch.errors and not tab.watch.csp, vars(tab.watch)


def snap(page, name: str):
    """A screenshot in the middle of a test (each test's last view is saved anyway)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def status(page) -> str:
    return page.locator("#status").inner_text()


def wait_status(page, text: str):
    page.wait_for_function("t => document.getElementById('status').textContent.includes(t)", arg=text)


def column(page, name: str) -> list[str]:
    """The cells of one column of the results table."""
    return page.evaluate(
        """name => {
            const heads = [...document.querySelectorAll('#results th button')].map(b => b.dataset.col);
            const i = heads.indexOf(name);
            return [...document.querySelectorAll('#results tbody tr')].map(tr => tr.children[i].textContent);
        }""",
        name,
    )


def hash_params(page) -> dict[str, str]:
    return dict(page.evaluate("[...new URLSearchParams(location.hash.slice(1))]"))


# --- the tests ---------------------------------------------------------------------------


def test_quotes_come_newest_first_a_page_at_a_time_with_the_total(page):
    page.goto("/#tab=quotes")
    wait_status(page, "of 152")  # 150 daily quotes, the hostile one, the long article's
    assert status(page).startswith("Rows 1–100 of 152 · newest first")
    dates = column(page, "published")
    assert len(dates) == PAGE_SIZE and dates[0] == "2020-01-30" and dates == sorted(dates, reverse=True)
    assert page.locator("#pager").inner_text().replace("\n", " ").count("page 1 of 2") == 1
    page.click("#pager [data-page=next]")
    wait_status(page, "Rows 101–152 of 152")
    assert hash_params(page)["page"] == "2" and column(page, "published")[-1] == "2019-06-01"
    page.go_back()
    wait_status(page, "Rows 1–100 of 152")
    assert "page" not in hash_params(page)


def test_columns_sort_both_ways_and_the_order_is_in_the_url(page):
    page.goto("/#tab=quotes")
    wait_status(page, "newest first")
    page.click("#results th button[data-col=speaker]")
    wait_status(page, "sorted by speaker")
    assert hash_params(page)["sort"] == "speaker"
    speakers = column(page, "speaker")
    assert speakers[0].startswith('"><svg') and speakers == sorted(speakers)
    page.click("#results th button[data-col=speaker]")
    wait_status(page, "sorted by speaker, descending")
    assert hash_params(page)["sort"] == "-speaker" and column(page, "speaker")[0] == "Zed Big"
    assert page.locator("#results th[aria-sort=descending]").inner_text().startswith("speaker")


def test_a_slow_reply_never_lands_on_the_view_asked_after_it(page, server):
    _, control = server
    page.goto("/#tab=events")
    wait_status(page, "Rows 1–")
    control.delays["/api/quotes"] = 1.5
    page.click("#tabs button[data-tab=quotes]")  # slow
    page.wait_for_timeout(100)
    page.click("#tabs button[data-tab=events]")  # fast
    wait_status(page, "asserted events only")
    page.wait_for_timeout(2000)  # the quotes reply has come by now
    assert hash_params(page)["tab"] == "events" and "asserted events only" in status(page)
    assert page.locator("#results th button[data-col=trigger]").count() == 1
    assert page.locator("#results th button[data-col=quote]").count() == 0
    # the same within one tab: a slow search, then a fast one
    control.delays["speaker=Ann"] = 1.5
    page.click("#tabs button[data-tab=quotes]")
    page.fill("#f-speaker", "Ann Lee")
    page.press("#f-speaker", "Enter")
    page.wait_for_timeout(100)
    page.fill("#f-speaker", "Bo Chan")
    page.press("#f-speaker", "Enter")
    wait_status(page, "of 50")
    page.wait_for_timeout(2000)
    assert set(column(page, "speaker")) == {"Bo Chan"} and "of 50" in status(page)


def test_an_error_replaces_the_results_it_would_sit_above(page, server):
    _, control = server
    page.goto("/#tab=quotes")
    wait_status(page, "Rows 1–100")
    control.failures["/api/quotes"] = 502  # a proxy's HTML page, not JSON
    page.fill("#f-speaker", "Ann Lee")
    page.press("#f-speaker", "Enter")
    wait_status(page, "not JSON")
    assert "502" in status(page) and page.locator("#status.error").count() == 1
    assert page.locator("#results tr").count() == 0 and page.locator("#pager button").count() == 0
    control.reset()
    page.goto("/#tab=events")
    wait_status(page, "Rows 1–")
    page.fill("#f-from", "13/09/2013")  # a 400 with a message
    page.press("#f-from", "Enter")
    wait_status(page, "YYYY-MM-DD")
    assert page.locator("#results tr").count() == 0
    # a 500 that is not JSON, for an article: its panel says so instead of the article before
    page.goto("/#tab=quotes")
    wait_status(page, "Rows 1–100")
    page.locator("#results tbody tr").first.click()
    page.wait_for_selector("#article h2")
    control.failures["/api/article/"] = 500
    other = page.locator("#results tbody tr").nth(5)  # the day before's article (five quotes a day)
    assert other.get_attribute("data-article") != page.locator("#results tbody tr").first.get_attribute("data-article")
    other.click()
    page.wait_for_selector("#article .error")
    assert "500" in page.locator("#article .error").inner_text() and page.locator("#article h2").count() == 0


def test_clicking_a_row_opens_its_article_where_the_page_is_and_the_back_button_closes_it(page):
    page.goto("/#tab=quotes")
    wait_status(page, "Rows 1–100")
    row = page.locator("#results tbody tr").nth(80)
    row.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 300
    row.click()
    page.wait_for_selector("#article h2")
    assert abs(page.evaluate("window.scrollY") - before) < 5
    params = hash_params(page)
    assert len(params["article"]) == 16 and params["at"] and page.locator("#results tr.open").count() == 1
    focus = page.locator("#article .focus")
    assert focus.count() == 1 and focus.inner_text() == row.locator("td").nth(3).inner_text()
    page.go_back()
    page.wait_for_selector("#article .hint")
    assert "article" not in hash_params(page) and page.locator("#results tbody tr").count() == PAGE_SIZE


@pytest.mark.parametrize("tab", ["constructor", "__proto__", "toString", "hasOwnProperty", "nothing"])
def test_a_hash_naming_no_tab_shows_the_overview(page, tab):
    page.goto(f"/#tab={tab}")
    wait_status(page, "32 articles")
    assert page.locator("#tabs button.on").inner_text() == "Overview"


def test_a_url_is_a_view_filters_page_order_and_article(page, corpus):
    article = next(a for a in corpus[1] if a.title == "Day 03 report")
    page.goto(f"/#tab=events&actor=Russia&sort=date&article={article.id}")
    wait_status(page, "actor “Russia” is RUS")
    assert page.input_value("#f-actor") == "Russia" and page.locator("#tabs button.on").inner_text() == "Events"
    dates = column(page, "date")
    assert dates == sorted(dates) and set(column(page, "target_actor")) == {"UKR"}
    page.wait_for_selector("#article h2")
    assert page.locator("#article h2").inner_text() == "Day 03 report"


def test_events_show_their_modality_asserted_by_default(page):
    page.goto("/#tab=events")
    wait_status(page, "asserted events only")
    assert page.input_value("#f-modality") == "asserted"
    assert set(column(page, "modality")) == {"asserted"} and "of 35" in status(page)
    page.select_option("#f-modality", "negated")
    page.click("#form button[type=submit]")
    wait_status(page, "Rows 1–1 of 1")
    assert hash_params(page)["modality"] == "negated"
    assert column(page, "modality") == ["negated"] and column(page, "trigger") == ["will not support"]
    assert page.locator("#results tr.unasserted").count() == 1


def test_an_actor_is_found_by_its_country_name(page):
    page.goto("/#tab=events")
    wait_status(page, "Rows 1–")
    page.fill("#f-actor", "Russia")
    page.press("#f-actor", "Enter")
    wait_status(page, "actor “Russia” is RUS")
    assert "of 5" in status(page) and set(column(page, "source_actor")) == {"RUS"}


def test_the_network_has_arrows_a_legend_its_cap_and_edges_that_open_their_events(page):
    page.goto("/#tab=network")
    page.wait_for_selector("#graph svg")
    cap = page.locator("#graph .cap").inner_text()
    assert "the 40 actors with the most events of the 47 on this page" in cap
    assert "arrow: source → target" in page.locator("#graph .legend").inner_text()
    edges = page.locator("#graph path.edge")
    assert edges.count() > 0 and edges.first.get_attribute("marker-end").startswith("url(#arrow-")
    snap(page, "network")
    edge = page.locator('#graph path.edge[data-source="RUS"][data-target="UKR"]')
    # width by events: the five assaults' arrow against a single threat's
    threat = page.locator('#graph path.edge[data-source="AFG"]')
    assert float(edge.get_attribute("stroke-width")) > float(threat.get_attribute("stroke-width"))
    edge.dispatch_event("click")
    wait_status(page, "Rows 1–5 of 5")
    params = hash_params(page)
    assert (params["tab"], params["source"], params["target"], params["type"]) == ("events", "RUS", "UKR", "ASSAULT")
    assert set(column(page, "source_actor")) == {"RUS"} and set(column(page, "target_actor")) == {"UKR"}


@pytest.mark.parametrize("page", [{"width": 390, "height": 844}], indirect=True)
def test_a_phone_sees_the_table_then_the_article_over_it(page):
    page.goto("/#tab=quotes")
    wait_status(page, "Rows 1–100")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#article").is_hidden()
    table = page.locator("#view").bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= 390
    page.locator("#results tbody tr").first.click()
    page.wait_for_selector("#article h2")
    box = page.locator("#article").bounding_box()
    assert (box["x"], box["width"]) == (0, 390)
    page.click("#article button.close")
    page.wait_for_selector("#article", state="hidden")
    assert "article" not in hash_params(page)


def test_a_very_large_article_opens_whole_from_the_server_with_a_note(page, corpus):
    # end to end: the store loads the 40,000 mentions and the page draws them (how long each takes:
    # bench/article_page.py; no clock here)
    article = next(a for a in corpus[1] if a.title == "A very long article")
    page.goto("/#tab=quotes&speaker=Zed+Big")
    wait_status(page, "Rows 1–1 of 1")
    with page.expect_response(f"**/api/article/{article.id}") as reply:
        page.locator("#results tbody tr").first.click()
    assert reply.value.status == 200 and len(reply.value.body()) > 2_000_000
    page.wait_for_selector("#article .text", timeout=30_000)
    assert "the first 4,000 are highlighted" in page.locator("#article .note").inner_text()
    assert page.locator("#article .text span").count() <= 4001
    assert page.locator("#article .focus").inner_text() == "This is the end of a very long article."
    assert page.locator("#article .text").text_content() == article.text  # whole, character for character
    # in blocks the browser lays out only when seen (a 720 KB text laid out at once froze the page), and the
    # article's box scrolled to its focus at the very end of the text, which is drawn where it is shown
    assert page.locator("#article .text .chunk").count() >= len(article.text) // 10_000
    page.wait_for_timeout(300)
    focus, box = page.locator("#article .focus").bounding_box(), page.locator("#article").bounding_box()
    assert box["y"] <= focus["y"] and focus["y"] + focus["height"] <= box["y"] + box["height"]


def test_no_payload_in_the_corpus_runs_or_adds_an_element(page, corpus):
    hostile_id = next(a.id for a in corpus[1] if a.url == XSS["url"])
    for view, shown in [("tab=overview", "32 articles"), ("entity=injected", "is 1 entity across articles: choose one"),
                        ("entity=injected&match=name", "injected: 1 quotes"), ("entity=Bold&match=name", "Bold: 0 quotes"),
                        ("tab=articles&q=met", "Rows"), ("tab=quotes&sort=published", "Rows"), ("tab=quotes&speaker=injected", "Rows"),
                        ("tab=entities", "Rows"), ("tab=timeline&entity=Bold", "choose one"), ("tab=timeline&entity=Bold&match=name", "Rows"),
                        (f"tab=quotes&speaker=injected&article={hostile_id}", "Rows")]:
        page.goto(f"/#{view}")
        wait_status(page, shown)
    page.wait_for_selector("#article h2")
    assert page.locator("#article h2").inner_text() == XSS["title"]
    page.locator("#results tbody tr").first.click()
    page.wait_for_timeout(300)
    injected = page.evaluate("""() => ({
        elements: document.querySelectorAll('#injected, #injected2, svg#injected, img[src="x"], b').length,
        scripts: [...document.scripts].map(s => s.src),
        links: [...document.querySelectorAll('a')].map(a => a.getAttribute('href')),
    })""")
    assert injected["elements"] == 0 and injected["scripts"] == [page.url.split("#")[0] + f for f in ("app.js", "map.js")]
    # a javascript: URL is shown as text, not linked; names link to their entity pages
    assert all(link.startswith(("/api/export/", "#entity=")) for link in injected["links"])
    assert XSS["url"] in page.locator("#article .source").inner_text()
    assert XSS["quote"] in page.locator("#article .text").inner_text()


def test_the_table_exports_as_csv_json_lines_and_parquet(page):
    page.goto("/#tab=events&actor=Russia")
    wait_status(page, "Rows 1–5 of 5")
    assert "Export the 5 rows" in page.locator("#export").inner_text()
    with page.expect_download() as download:
        page.click("#export a[data-format=csv]")
    path = download.value.path()
    assert download.value.suggested_filename == "newswire-events.csv"
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("date,source,source_actor") and len(lines) == 6 and all(",RUS," in line for line in lines[1:])
    # the other two buttons: the same rows, in the same order, as JSON lines and as Parquet
    with page.expect_download() as download:
        page.click("#export a[data-format=jsonl]")
    assert download.value.suggested_filename == "newswire-events.jsonl"
    rows = [json.loads(line) for line in Path(download.value.path()).read_text(encoding="utf-8").splitlines()]
    assert [r["source_actor"] for r in rows] == ["RUS"] * 5 and [r["date"] for r in rows] == [line.split(",")[0] for line in lines[1:]]
    with page.expect_download() as download:
        page.click("#export a[data-format=parquet]")
    assert download.value.suggested_filename == "newswire-events.parquet"
    import pyarrow.parquet as pq

    table = pq.read_table(download.value.path())
    assert table.column("source_actor").to_pylist() == ["RUS"] * 5 and table.column("date").to_pylist() == [r["date"] for r in rows]


def test_rows_facets_and_tabs_work_from_the_keyboard(page):
    page.goto("/#tab=quotes")
    wait_status(page, "Rows 1–100")
    # Tab reaches the first row after the form, the facets, the chart and the column headers; Enter opens its article
    page.locator("#results th button[data-col=confidence]").focus()
    page.keyboard.press("Tab")
    first = page.locator("#results tbody tr").first
    assert page.evaluate("document.activeElement === document.querySelector('#results tbody tr.row')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#article h2")
    assert hash_params(page)["article"] == first.get_attribute("data-article")
    # a facet value is a button: Enter narrows the table
    page.locator("#facets [data-facet=outlet] button[data-value='reuters.com']").focus()
    page.keyboard.press("Enter")
    wait_status(page, "Rows 1–50 of 50")
    # a tab is a button too, and every field has a label
    page.locator("#tabs button[data-tab=events]").focus()
    page.keyboard.press("Enter")
    wait_status(page, "asserted events only")
    unlabelled = page.evaluate("[...document.querySelectorAll('#form input, #form select')].filter(f => !f.labels.length).map(f => f.id)")
    assert unlabelled == []
    page.goto("/#tab=quotes")  # a label a reader can understand, not the URL's parameter
    assert page.get_by_label("search text").get_attribute("id") == "f-q" and page.get_by_label("min. confidence").get_attribute("id") == "f-min-confidence"


def test_the_landing_page_is_the_corpus_overview_with_its_charts_and_links(page):
    page.goto("/")
    wait_status(page, "32 articles from 2019-06-01 to 2020-01-30")
    facts = dict(page.evaluate("[...document.querySelectorAll('dl.facts dd')].map(d => [d.dataset.fact, d.textContent])"))
    assert (facts["articles"], facts["quotes"], facts["events"]) == ("32", "152", "35")
    assert facts["duplicates"] == "0 of 32 stored (0.0 %)"
    # a bar per day with articles, on a time axis
    assert page.locator("figure[data-series=articles] rect").count() == 32
    assert "Events: 35" in page.locator("figure[data-series=events] figcaption").inner_text()
    speakers = page.locator("section.ranked").first.locator("li a")
    assert speakers.first.inner_text() == "Ann Lee"
    assert page.locator("section.ranked li a", has_text="RUS").get_attribute("href") == "#tab=events&actor=RUS"
    snap(page, "overview")
    speakers.first.click()
    wait_status(page, "Ann Lee: 50 quotes")  # one corpus entity of that very name: its page at once, by its id
    assert hash_params(page).keys() == {"entity", "id"} and hash_params(page)["entity"] == "Ann Lee"
    page.go_back()
    wait_status(page, "32 articles")


def test_an_entity_page_has_its_quotes_events_names_company_and_weeks(page):
    page.goto("/#tab=entities")
    wait_status(page, "Rows 1–")
    page.locator("#results tbody tr", has_text="Ann Lee").first.click()
    wait_status(page, "Ann Lee: 50 quotes (confidence ≥ 0.3) · 0 asserted events (confidence ≥ 0.3) · 1 name")
    assert page.locator("#tabs button.on").count() == 0 and page.locator("#form").is_hidden()
    assert page.locator("figure[data-series=quotes] rect").count() == 5  # five weeks of January 2020
    assert page.locator("figure[data-series=quotes] figcaption").inner_text() == "Quotes: 50"
    together = page.locator("section.ranked", has_text="Named with").locator("li a").all_inner_texts()
    assert together == ["Bo Chan", "Cy Diaz"]
    assert page.locator("section.said tbody tr").count() == 20
    ann = hash_params(page)["id"]  # its quotes, all of them: its timeline (the quotes tab finds speakers by name)
    assert page.locator("section.said a", has_text="all 50 quotes").get_attribute("href") == f"#tab=timeline&entity=Ann+Lee&id={ann}"
    page.locator("section.said tbody tr").first.click()
    page.wait_for_selector("#article h2")
    assert page.locator("#article h2").inner_text() == "Day 30 report" and hash_params(page)["entity"] == "Ann Lee"
    snap(page, "entity")
    page.goto("/#entity=RUS")  # a name no entity has: an empty page, not an error
    wait_status(page, "RUS: 0 quotes")
    page.locator("section.ranked", has_text="Names").wait_for()


def test_a_speaker_in_the_quotes_table_opens_its_entity_page(page):
    page.goto("/#tab=quotes&speaker=Bo+Chan")
    wait_status(page, "of 50")
    page.locator("#results tbody tr a.entity").first.click()
    wait_status(page, "Bo Chan: 50 quotes")
    assert "article" not in hash_params(page)


def test_text_search_in_quotes_and_in_articles(page, corpus):
    page.goto("/#tab=quotes")
    wait_status(page, "of 152")
    page.fill("#f-q", "on day 07")
    page.press("#f-q", "Enter")
    wait_status(page, "Rows 1–5 of 5")
    assert hash_params(page)["q"] == "on day 07" and all("on day 07" in q for q in column(page, "quote"))
    page.goto("/#tab=articles&q=RUS+attacked")
    wait_status(page, "Rows 1–5 of 5")
    assert column(page, "title")[0] == "Day 05 report" and "RUS attacked UKR" in column(page, "snippet")[0]
    # each passage in whole words: a word the server's 200 characters cut at either end is left out for "…"
    texts = {a.title: a.text for a in corpus[1]}
    for title, shown in zip(column(page, "title"), column(page, "snippet")):
        words = shown.removeprefix("… ").removesuffix(" …")
        at = texts[title].index(words)
        assert shown.startswith("… ") and (at == 0 or texts[title][at - 1].isspace()), shown
        assert at + len(words) == len(texts[title]) or texts[title][at + len(words)].isspace(), shown
    page.locator("#results tbody tr").first.click()
    page.wait_for_selector("#article .focus")
    assert page.locator("#article .focus").evaluate_all("ns => ns.map(n => n.textContent).join('')") == "RUS attacked"
    page.goto("/#tab=articles&q=100%25_off")  # % and _ are themselves, not wildcards
    wait_status(page, "No rows")


def test_facets_count_the_answer_beside_the_table_and_narrow_it(page):
    page.goto("/#tab=events")
    wait_status(page, "of 35")
    page.wait_for_selector("#facets [data-facet=modality] li")
    facet = lambda name: page.locator(f"#facets [data-facet={name}] li").all_inner_texts()  # noqa: E731
    assert facet("type") == ["THREATEN 30", "ASSAULT 5"]
    assert facet("modality") == ["asserted 35", "negated 1"]  # every modality counted, the chosen one in bold
    assert page.locator("#facets [data-facet=modality] .chosen").inner_text() == "asserted"
    snap(page, "facets")
    page.click("#facets [data-facet=type] button[data-value=ASSAULT]")
    wait_status(page, "Rows 1–5 of 5")
    assert hash_params(page)["type"] == "ASSAULT" and set(column(page, "plover")) == {"ASSAULT"}
    page.wait_for_function("() => document.querySelectorAll('#facets [data-facet=type] li').length === 2")
    assert facet("modality") == ["asserted 5"]  # the assaults' modalities
    page.goto("/#tab=events")
    # an actor facet: a country's (or body's) three letters on either side; its count is the total of the table it opens
    first = page.locator("#facets [data-facet=actor] li").first
    first.wait_for()
    value = first.locator("button").get_attribute("data-value")
    count = first.locator(".count").inner_text().strip()
    assert len(value) == 3 and int(count.replace(",", "")) > 0
    first.locator("button").click()
    wait_status(page, f"of {count}")
    assert hash_params(page)["actor"] == value
    sides = list(zip(column(page, "source_actor"), column(page, "target_actor")))
    assert sides and all(value in (src[:3], tgt[:3]) for src, tgt in sides)
    page.goto("/#tab=events")
    page.wait_for_selector("#facets [data-facet=modality] button[data-value=negated]")
    page.click("#facets [data-facet=modality] button[data-value=negated]")
    wait_status(page, "Rows 1–1 of 1")
    page.wait_for_function("() => document.querySelector('#facets [data-facet=type] li')?.textContent === 'REJECT 1'")
    assert hash_params(page)["modality"] == "negated"
    page.goto("/#tab=quotes&q=day+07")
    wait_status(page, "of 5")
    page.wait_for_selector("#facets [data-facet=type] li")
    assert facet("type") == ["direct 5"] and facet("outlet") == ["(none) 5"]
    page.goto("/#tab=timeline&entity=Ann+Lee")  # no facets there
    wait_status(page, "Rows")
    assert page.locator("#facets *").count() == 0


def test_people_of_one_name_are_told_apart_by_what_their_articles_say(page, corpus):
    page.goto("/#tab=entities&type=PERSON")
    wait_status(page, "Rows 1–")
    smiths = page.locator("#results tbody tr", has_text="John Smith")
    assert smiths.count() == 2  # not one row with the more frequent country
    assert sorted(smiths.all_inner_texts()) == ["John Smith\tPERSON\t1\t1\t\tGBR\tfootballer", "John Smith\tPERSON\t1\t1\tUSALEG\tUSA\tsenator"]
    smiths.first.click()
    # two corpus entities of that name (split by country): chosen from, or all of the name together
    wait_status(page, "“John Smith” is 2 entities across articles: choose one")
    offered = page.locator("section.choices li.choice").all_inner_texts()
    assert sorted(offered) == ["John Smith · PERSON · GBR · footballer · 2019-12-01 – 2019-12-01 · 1 article",
                               "John Smith · PERSON · USA · USALEG · senator · 2019-06-01 – 2019-06-01 · 1 article"]
    page.locator("section.choices a.every").click()
    wait_status(page, "John Smith: 0 quotes (confidence ≥ 0.3) · 0 asserted events (confidence ≥ 0.3) · 1 name · 2 groups by evidence")
    groups = page.locator("section.groups li.group")
    assert groups.count() == 2 and "not who is who" in page.locator("section.groups .hint").first.inner_text()
    senator = groups.filter(has_text="USALEG")
    assert "PERSON · USA · USALEG · senator · 1 article" in senator.inner_text()
    assert senator.locator("button.article-link").all_inner_texts() == ["2019-06-01 A very long article"]
    footballer = groups.filter(has_text="GBR")
    assert "PERSON · GBR · no actor code · footballer · 1 article" in footballer.inner_text()
    snap(page, "entity-groups")
    footballer.locator("button.article-link").click()  # the hostile article's title, shown as text
    page.wait_for_selector("#article h2")
    assert page.locator("#article h2").inner_text() == XSS["title"] and hash_params(page)["entity"] == "John Smith"
    assert "John Smith, the footballer" in page.locator("#article .text").inner_text()


def test_outlet_and_quote_type_filter_the_tables_from_the_url_the_form_and_the_facets(page):
    page.goto("/#tab=quotes")
    wait_status(page, "of 152")
    page.wait_for_selector("#facets [data-facet=outlet] button[data-value='reuters.com']")
    assert page.locator("#facets [data-facet=outlet] li").all_inner_texts() == ["(none) 77", "reuters.com 50", "news.bbc.co.uk 25"]
    page.click("#facets [data-facet=outlet] button[data-value='reuters.com']")
    wait_status(page, "Rows 1–50 of 50")
    assert hash_params(page)["outlet"] == "reuters.com" and page.input_value("#f-outlet") == "reuters.com"
    assert set(column(page, "published")) == {f"2020-01-{d}" for d in range(11, 21)}
    page.select_option("#f-type", "indirect")
    page.click("#form button[type=submit]")
    wait_status(page, "No rows")
    assert hash_params(page)["type"] == "indirect"
    page.select_option("#f-type", "direct")
    page.click("#form button[type=submit]")
    wait_status(page, "Rows 1–50 of 50")
    # a domain finds the hosts under it; events take the outlet too, beside their own type
    page.goto("/#tab=events&outlet=bbc.co.uk&type=THREATEN")
    wait_status(page, "Rows 1–5 of 5")
    assert set(column(page, "date")) == {f"2020-01-{d}" for d in range(21, 26)} and set(column(page, "plover")) == {"THREATEN"}
    page.wait_for_selector("#facets [data-facet=outlet] li")
    assert page.locator("#facets [data-facet=outlet] .chosen").count() == 0  # news.bbc.co.uk is not the text typed
    with page.expect_download() as download:
        page.click("#export a[data-format=csv]")
    assert len(Path(download.value.path()).read_text(encoding="utf-8").splitlines()) == 6


def test_charts_events_by_type_over_time_quotes_by_speaker_and_bars_for_the_top_lists(page):
    page.goto("/#tab=events")
    wait_status(page, "of 35")
    chart = page.locator("figure[data-trend=events]")
    chart.wait_for()
    assert chart.locator("figcaption").inner_text() == "Events per day by type: 35"
    assert chart.locator(".trend-keys .key").all_inner_texts() == ["THREATEN", "ASSAULT"]
    assert chart.locator("rect[data-key=THREATEN]").count() == 30 and chart.locator("rect[data-key=ASSAULT]").count() == 5
    snap(page, "trend-events")
    chart.locator("rect[data-key=ASSAULT]").first.dispatch_event("click")
    wait_status(page, "Rows 1–5 of 5")
    assert hash_params(page)["type"] == "ASSAULT"
    page.goto("/#tab=quotes&speaker=Zed+Big")  # one quote, 2019-06-01
    wait_status(page, "Rows 1–1 of 1")
    page.wait_for_selector("figure[data-trend=quotes]")
    assert page.locator("figure[data-trend=quotes] figcaption").inner_text() == "Quotes per day by speaker: 1"
    page.goto("/#tab=quotes")  # seven months: weeks, the top speakers and the rest
    wait_status(page, "of 152")
    page.wait_for_selector("figure[data-trend=quotes] rect")
    assert page.locator("figure[data-trend=quotes] figcaption").inner_text() == "Quotes per week by speaker: 152"
    assert page.locator("figure[data-trend=quotes] .trend-keys .key").all_inner_texts()[:3] == ["Ann Lee", "Bo Chan", "Cy Diaz"]
    page.goto("/")
    wait_status(page, "32 articles")
    speakers = page.locator("section.ranked").first
    widths = [float(w) for w in speakers.locator("svg.count-bar rect").evaluate_all("rs => rs.map(r => r.getAttribute('width'))")]
    assert widths[0] == 100.0 and widths == sorted(widths, reverse=True) and len(widths) == speakers.locator("li").count()


def test_the_tone_tab_draws_tone_per_period_and_an_outlet_or_entity_page_its_own(page, corpus):
    page.goto("/#tab=tone&by=week")
    wait_status(page, "Rows 1–5 of 5")  # the five weeks of January 2020; articles without tone are left out
    tones = [float(t) for t in column(page, "tone")]
    bars = page.locator("figure.tone-chart rect.bar")
    assert bars.count() == 5
    assert [("negative" in c) for c in bars.evaluate_all("rs => rs.map(r => r.getAttribute('class'))")] == [t < 0 for t in tones]
    assert tones[0] < 0 < tones[-1]
    first_week = [a.tone.score for a in corpus[1][:5]]  # 1-5 January 2020: the week of 30 December
    assert tones[0] == round(sum(first_week) / len(first_week), 2)
    page.locator("#f-by").select_option("month")
    page.click("#form button[type=submit]")
    wait_status(page, "Rows 1–1 of 1")
    assert "by" not in hash_params(page)  # the default is not written in the URL
    snap(page, "tone")
    page.goto("/#entity=Ann+Lee")
    wait_status(page, "Ann Lee: 50 quotes")
    page.locator("figure.tone-chart").wait_for()
    assert page.locator("figure.tone-chart rect.bar").count() == 5
    assert "Tone of the articles naming Ann Lee (any entity of that name), per week" in page.locator("figure.tone-chart figcaption").inner_text()


def test_the_map_of_the_crafted_corpus_has_a_dot_per_city_of_its_events(page):
    page.goto("/#tab=map")
    page.wait_for_selector("#graph svg.map circle.place")
    dots = page.locator("#graph circle.place").evaluate_all("ds => ds.map(d => d.dataset.place)")
    assert len(dots) == len(CITIES) + 1 and "Kharkiv, Kharkivska oblast, Ukraine" in dots and "Geneva, Genève, Switzerland" in dots
    # the threats go round the cities a day each (30 days, 9 cities: Geneva gets days 1, 10, 19 and 28)
    assert column(page, "events")[:2] == ["5", "4"] and column(page, "place")[:2] == ["Kharkiv, Kharkivska oblast, Ukraine", "Geneva, Genève, Switzerland"]
    snap(page, "map-crafted")
    page.locator('#graph circle[data-place="Kharkiv, Kharkivska oblast, Ukraine"]').dispatch_event("click")
    wait_status(page, "Rows 1–5 of 5")
    assert set(column(page, "plover")) == {"ASSAULT"} and hash_params(page)["tab"] == "events"
