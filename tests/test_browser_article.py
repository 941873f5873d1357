"""The article view and the network in a real browser: each record's parts at their offsets, the article's records
listed, its stored copies, and a network of many long actor codes whose labels stay apart.

The server, browser and page fixtures are those of tests/test_browser.py (the same Chromium, the same checks
for dialogs, errors and CSP violations after each test); the corpus is this module's: one wire story with a quote
(speaker, cue, content), an attack with its source, target, place and date, a reported toll, a talk below the
confidence floor, and two stored copies (one from a web outlet, one whose URL is a javascript: payload); and one
article of 20 events between 40 actors with codes of 6 and 9 letters. Without a browser the tests skip with a
message, as there.
"""

from __future__ import annotations

import pytest
from test_browser import Text, browser, hash_params, page, server, snap, wait_status  # noqa: F401 (fixtures)

from newswire.corpus.store import DUPLICATE, PENDING, Entry, Store
from newswire.lexicon.places import Geocoder
from newswire.records import Analysis, Article, Entity, Failure, Event, EventActor, Figure, Mention, Place, Quote, Cue, Span, content_id

COUNTRIES = ["AFG", "ALB", "DZA", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE", "BHR", "BGD", "BLR", "BEL", "BEN", "BOL", "BIH", "BWA",
             "BRA", "BGR", "BFA"]
# 40 actors: a government and a military (or a party's legislators: 9 letters) of 20 countries, the longest codes there are
ACTORS = [code for i, c in enumerate(COUNTRIES) for code in (f"{c}GOV", f"{c}MIL" if i % 2 else f"{c}LEGPTY")]
COPIES = [("https://www.daily.example.org/wire-copy", "2021-03-02", "Daily copy"), ("javascript:alert(7)", "2021-03-03", "Hostile copy")]


def line(t: Text, *pieces: str | tuple[str]) -> tuple[Span, list[tuple[int, int, str]]]:
    """One line of text written piece by piece: the line (its newline left out) and the [start, end) of each piece
    given in a tuple (`("Kharkiv",)`), in order."""
    start, kept = len(t.text), []
    for piece in pieces:
        if isinstance(piece, tuple):
            kept.append(t.add(piece[0]))
        else:
            t.add(piece)
    t.add("\n")
    return Span(start, len(t.text) - 1, t.text[start:-1]), kept


def meeting(t: Text, n: int, cameo: str, plover: str, source: str, trigger: str, target: str, confidence: float, rest: str = ".",
            place: str | None = None, date: str | None = None) -> Event:
    """`source trigger target[ in place]rest` on a line of its own, coded as an event with its roles."""
    sentence, kept = line(t, (source,), " ", (trigger,), " ", (target,), *((" in ", (place,)) if place else ()), rest)
    s, tr, g = kept[:3]
    location = None
    if place:
        geo = Geocoder([place]).resolve(place)
        location = Place(*kept[3], geo.country if geo else None, geo)
    return Event(f"EV{n}", cameo, cameo[:2], plover, 4 if cameo.startswith("19") else 1, -10.0 if cameo.startswith("19") else 1.0,
                 Span(*tr), sentence, source=EventActor(*s, actor=ACTOR_OF[source]), target=EventActor(*g, actor=ACTOR_OF[target]), date=date,
                 location=location, mentions=[Span(*tr)], confidence=confidence)


# the actor code of each source or target written in the wire story (the crowd's are their own codes)
ACTOR_OF = {"Russian forces": "RUSMIL", "Ukrainian soldiers": "UKRMIL", "Kyiv": "UKRGOV", "Moscow": "RUSGOV", **{a: a for a in ACTORS}}


def wire() -> Analysis:
    t = Text()
    _, (speaker, cue, content) = line(t, ("Ann Lee",), " ", ("said",), ': "', ("We will rebuild the port.",), '"')
    ann = Entity("E1", "Ann Lee", "PERSON", [], None, None, [Mention(*speaker)])
    quote = Quote("Q1", "direct", Span(*content), cue=Cue(*cue, "say"), speaker=Span(*speaker), speaker_entity="E1", speaker_name="Ann Lee",
                  confidence=0.9)
    attack = meeting(t, 1, "190", "ASSAULT", "Russian forces", "attacked", "Ukrainian soldiers", 0.7, place="Kharkiv", date="2021-02-28")
    _, (toll,) = line(t, "Officials said ", ("12 people",), " were killed.")
    figure = Figure(*toll, 12.0, unit="people", what="killed", date="2021-02-28")
    talk = meeting(t, 2, "040", "CONSULT", "Kyiv", "may talk", "Moscow", 0.1)  # below the confidence floor
    return Analysis(id=content_id(t.text), text=t.text, title="Wire story", published="2021-03-01", url="https://wire.example.com/story",
                    entities=[ann], quotes=[quote], events=[attack, talk], figures=[figure])


def plain() -> Analysis:
    """A wire story read first as plain text (no title, date nor URL), with one stored copy that has them (`PLAIN_COPY`)."""
    t = Text()
    line(t, "The harbour reopened after the storm, the port authority said.")
    return Analysis(id=content_id(t.text), text=t.text)


PLAIN_COPY = ("https://news.example.net/harbour", "2021-03-04", "Harbour reopens")


def doubt() -> Analysis:
    """A story of two quotes by Rosa Marin: one at confidence 0.8, one under the quote floor (0.1)."""
    t = Text()
    _, (speaker, cue, content) = line(t, ("Rosa Marin",), " ", ("said",), " ", ("the mill would stay open",), ".")
    _, (speaker2, cue2, content2) = line(t, "Later ", ("Marin",), " ", ("said",), " ", ("the river was low",), ".")
    rosa = Entity("E1", "Rosa Marin", "PERSON", [], None, None, [Mention(*speaker), Mention(*speaker2)])
    quotes = [Quote("Q1", "indirect", Span(*content), cue=Cue(*cue, "say"), speaker=Span(*speaker), speaker_entity="E1", speaker_name="Rosa Marin",
                    confidence=0.8),
              Quote("Q2", "indirect", Span(*content2), cue=Cue(*cue2, "say"), speaker=Span(*speaker2), speaker_entity="E1", speaker_name="Rosa Marin",
                    confidence=0.1)]
    return Analysis(id=content_id(t.text), text=t.text, title="Mill story", published="2021-02-01", entities=[rosa], quotes=quotes)


def crowd() -> Analysis:
    """An article of 20 events, each between two actors of its own: 40 actors on the network."""
    t = Text()
    events = [meeting(t, n // 2 + 1, "040", "CONSULT", ACTORS[n], "met", ACTORS[n + 1], 0.6) for n in range(0, len(ACTORS), 2)]
    return Analysis(id=content_id(t.text), text=t.text, title="Many meetings", published="2021-01-01", events=events)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("article") / "corpus.duckdb"
    analyses = [wire(), crowd(), plain(), doubt()]
    entries = [Entry(Article(text=a.text, title=a.title, published=a.published, url=a.url, source=f"{a.id}.txt"), a.id, len(a.text), PENDING, a.id, None)
               for a in analyses]  # fmt: skip
    story = analyses[0]
    for k, (url, published, title) in enumerate(COPIES):
        copy = story.text + f"Copy {k}.\n"
        entries.append(Entry(Article(text=copy, title=title, published=published, url=url, source=f"copy{k}.txt"), content_id(copy), len(copy),
                             DUPLICATE, content_id(copy), None, duplicate_of=story.id, similarity=0.9))
    bare = analyses[2]
    url, published, title = PLAIN_COPY
    copy = bare.text + "Reporting by Test Wire.\n"
    entries.append(Entry(Article(text=copy, title=title, published=published, url=url, source="plain-copy.txt"), content_id(copy), len(copy),
                         DUPLICATE, content_id(copy), None, duplicate_of=bare.id, similarity=0.8))
    # an article whose analysis failed, and a copy of it (`FAILED_COPY`)
    entries.append(Entry(Article(text=FAILED_TEXT, source="failed.txt"), content_id(FAILED_TEXT), len(FAILED_TEXT), PENDING,
                         content_id(FAILED_TEXT), None))
    url, published, title = FAILED_COPY
    entries.append(Entry(Article(text=FAILED_TEXT + "Reporting by Test Wire.\n", title=title, published=published, url=url, source="failed-copy.txt"),
                         failed_copy_id(), len(FAILED_TEXT) + 24, DUPLICATE, failed_copy_id(), None, duplicate_of=content_id(FAILED_TEXT),
                         similarity=0.8))
    with Store(path) as store:
        store.add_entries(entries, [], run_id=1)
        store.add_results(analyses, [Failure("failed.txt", "analyze", "internal", "the parser stopped (invented)",
                                             article_id=content_id(FAILED_TEXT))], run_id=1)
    return path, analyses


FAILED_TEXT = "The ferry to Lindholm was cancelled on Tuesday.\n"
FAILED_COPY = ("https://daily.example.org/ferry", "2021-05-04", "Lindholm ferry off")


def failed_copy_id() -> str:
    return content_id(FAILED_TEXT + "Reporting by Test Wire.\n")


def marked(page, cls: str) -> list[str]:
    """The text of each run of the article's text marked `cls` (adjacent pieces of one mark joined)."""
    return page.evaluate(
        """cls => {
            const runs = [];
            let last = false;
            const walk = document.createTreeWalker(document.querySelector('#article .text'), NodeFilter.SHOW_TEXT);
            for (let node = walk.nextNode(); node; node = walk.nextNode()) {
                const on = node.parentElement.classList.contains(cls);
                if (on && last) runs[runs.length - 1] += node.textContent; else if (on) runs.push(node.textContent);
                last = on;
            }
            return runs;
        }""",
        cls,
    )


def records(page, kind: str) -> list[str]:
    """The items of one of the article's record lists, open or closed."""
    return page.locator(f"#article details[data-records={kind}] li").evaluate_all("lis => lis.map(li => li.textContent)")


def test_an_article_marks_each_quote_s_speaker_and_cue_and_each_event_s_roles_and_figures(page, corpus):
    story = corpus[1][0]
    page.goto(f"/#tab=quotes&article={story.id}")
    page.wait_for_selector("#article h2")
    assert page.locator("#article h2").inner_text() == "Wire story"
    assert "published 2021-03-01" in page.locator("#article").inner_text()
    assert page.locator("#article .source a").get_attribute("href") == "https://wire.example.com/story"
    assert marked(page, "spk") == ["Ann Lee"] and marked(page, "cue") == ["said"] and marked(page, "q") == ["We will rebuild the port."]
    # the roles of both events: source, target and place
    assert marked(page, "role") == ["Russian forces", "Ukrainian soldiers", "Kharkiv", "Kyiv", "Moscow"]
    assert marked(page, "ev") == ["attacked", "may talk"] and marked(page, "fig") == ["12 people"]
    titles = page.locator("#article .text span.role").evaluate_all("ss => ss.map(s => s.title)")
    assert titles[:3] == ["source of ASSAULT 190 (RUSMIL)", "target of ASSAULT 190 (UKRMIL)", "place of ASSAULT 190: Kharkiv, Kharkivska oblast, Ukraine"]


def test_an_article_lists_its_records_and_each_opens_at_its_evidence(page, corpus):
    story = corpus[1][0]
    page.goto(f"/#tab=quotes&article={story.id}")
    page.wait_for_selector("#article h2")
    assert page.locator("#article details summary").all_inner_texts() == [
        "Quotes (1)", "Events (2)", "Figures (1)", "Copies stored (syndicated or repeated) (2)"]
    assert records(page, "quotes") == ["Ann Lee · cue: said · direct · “We will rebuild the port.” · confidence 0.9"]
    assert records(page, "events") == [
        "ASSAULT 190 “attacked” · source: Russian forces (RUSMIL) · target: Ukrainian soldiers (UKRMIL) · place: Kharkiv, Kharkivska oblast, "
        "Ukraine · date: 2021-02-28 · asserted · confidence 0.7",
        "CONSULT 040 “may talk” · source: Kyiv (UKRGOV) · target: Moscow (RUSGOV) · place: — · date: — · asserted · confidence 0.1 "
        "(below 0.3: not in the Events tab)"]
    assert records(page, "figures") == ["12 people · killed · date: 2021-02-28"]
    page.click("#article details[data-records=events] summary")
    page.locator("#article details[data-records=events] button.record").first.click()
    page.wait_for_function("() => document.querySelector('#article .focus')")
    attack = story.events[0].sentence
    assert hash_params(page)["at"] == f"{attack.start}-{attack.end}"
    # the mark's own text (innerText is empty while its block of text, drawn only once in view, is still being scrolled to)
    assert page.locator("#article .focus").evaluate_all("ns => ns.map(n => n.textContent).join('')") == attack.text
    assert page.locator("#article details[data-records=events]").get_attribute("open") is not None  # still open
    snap(page, "article-records")
    page.go_back()
    page.wait_for_function("() => !document.querySelector('#article .focus')")
    assert "at" not in hash_params(page)


def test_an_article_lists_its_stored_copies_and_links_only_web_urls(page, corpus):
    story = corpus[1][0]
    page.goto(f"/#tab=quotes&article={story.id}")
    page.wait_for_selector("#article h2")
    assert "· 2 copies" in page.locator("#article").inner_text()
    page.click("#article details[data-records=copies] summary")
    assert records(page, "copies") == ["2021-03-02 · daily.example.org · Daily copy · similarity 0.9 source",
                                       "2021-03-03 · no outlet · Hostile copy · similarity 0.9 source: javascript:alert(7)"]
    links = page.locator("#article details[data-records=copies] a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert links == [COPIES[0][0]]


def copy_id(corpus, story: Analysis, k: int = 0) -> str:
    """The id of the `k`th stored copy of an article, as the ingest made it."""
    copy = story.text + (f"Copy {k}.\n" if story.title else "Reporting by Test Wire.\n")
    return content_id(copy)


def test_a_copy_s_page_says_it_is_a_copy_with_its_own_metadata_and_leads_to_the_analysed_article(page, corpus):
    story = corpus[1][0]
    page.goto(f"/#tab=quotes&article={copy_id(corpus, story)}")
    page.wait_for_selector("#article h2")
    note = page.locator("#article .copy-note")
    assert note.locator("p").first.inner_text() == ("A stored copy (similarity 0.9) of the article below, which was analysed in its place: "
                                                     "this copy was published 2021-03-02 · daily.example.org · Daily copy")
    assert note.locator("a").get_attribute("href") == COPIES[0][0]
    # the analysed article below it, as its own page shows it
    assert page.locator("#article h2").inner_text() == "Wire story" and marked(page, "q") == ["We will rebuild the port."]
    assert "published 2021-03-01 · wire.example.com · " in page.locator("#article").inner_text()
    note.locator("button").click()
    page.wait_for_function(f"() => location.hash.includes('article={story.id}')")
    page.wait_for_function("() => !document.querySelector('#article .copy-note')")
    assert page.locator("#article h2").inner_text() == "Wire story"


def test_an_article_without_a_date_shows_the_date_url_and_title_its_copy_gave_and_says_so(page, corpus):
    bare = corpus[1][2]
    url, published, title = PLAIN_COPY
    page.goto(f"/#tab=quotes&article={bare.id}")
    page.wait_for_selector("#article h2")
    assert page.locator("#article h2").inner_text() == title and not page.locator("#article .copy-note").count()
    assert (f"published {published} (given by a copy) · news.example.net (given by a copy) · 0 entities"
            in page.locator("#article").inner_text())
    source = page.locator("#article > p.source")
    assert source.inner_text() == f"{url} (given by a copy)" and source.locator("a").get_attribute("href") == url
    # its copy's page: a copy, and the same filled metadata of the article analysed in its place
    page.goto(f"/#tab=quotes&article={copy_id(corpus, bare)}")
    page.wait_for_selector("#article .copy-note")
    assert "(similarity 0.8)" in page.locator("#article .copy-note").inner_text()
    assert page.locator("#article h2").inner_text() == title
    assert f"published {published} (given by a copy)" in page.locator("#article").inner_text()
    assert "· 0 other copies" in page.locator("#article").inner_text()  # the copy is not its article's other copy


def test_network_labels_of_forty_long_codes_never_overlap_and_stay_in_the_picture(page):
    page.goto("/#tab=network")
    page.wait_for_selector("#graph svg text.actor")
    # the crowd's 40 and the wire story's attackers and attacked (its talk is below the confidence floor)
    assert "the 40 actors with the most events of the 42 on this page" in page.locator("#graph .cap").inner_text()
    # each label's corners where it is drawn (its box, turned as it is), then two labels overlap if no axis of
    # either separates them (the separating axis test for two rectangles)
    found = page.evaluate("""() => {
        const svg = document.querySelector('#graph svg.network');
        const view = svg.viewBox.baseVal;
        const boxes = [...svg.querySelectorAll('text.actor')].map(t => {
            const b = t.getBBox(), m = t.getCTM(), to = svg.getCTM().inverse().multiply(m);
            return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(([x, y]) => {
                const p = new DOMPoint(x, y).matrixTransform(to); return [p.x, p.y]; });
        });
        const axes = r => [0, 1].map(i => [r[i + 1][0] - r[i][0], r[i + 1][1] - r[i][1]]);
        const apart = (a, b) => [...axes(a), ...axes(b)].some(([ax, ay]) => {
            const p = r => r.map(([x, y]) => x * ax + y * ay);
            return Math.max(...p(a)) <= Math.min(...p(b)) || Math.max(...p(b)) <= Math.min(...p(a));
        });
        const overlaps = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++)
            if (!apart(boxes[i], boxes[j])) overlaps.push([i, j]);
        const outside = boxes.filter(r => r.some(([x, y]) => x < view.x || y < view.y || x > view.x + view.width || y > view.y + view.height)).length;
        return {labels: boxes.length, overlaps, outside};
    }""")
    assert found == {"labels": 40, "overlaps": [], "outside": 0}
    snap(page, "network-long-codes")


def test_a_copy_whose_canonical_failed_analysis_shows_its_own_page_and_says_why(page, corpus):
    """Not a bare 404: the copy's title, date, outlet, URL and text, and that the article it was linked to (to be
    analysed in its place) failed analysis, with the stage and message of its error."""
    url, published, title = FAILED_COPY
    page.goto(f"/#tab=quotes&article={failed_copy_id()}")
    page.wait_for_selector("#article .copy-note")
    assert page.locator("#article .copy-note").inner_text() == (
        f"A stored copy (similarity 0.8) of article {content_id(FAILED_TEXT)}, which was to be analysed in its place but failed "
        "analysis (analyze: the parser stopped (invented)): there are no records to show.")
    assert page.locator("#article h2").inner_text() == title
    assert f"published {published} · daily.example.org · 0 other copies" in page.locator("#article").inner_text()
    assert page.locator("#article > p.source a").get_attribute("href") == url
    assert page.locator("#article .text").inner_text().startswith("The ferry to Lindholm was cancelled on Tuesday.")
    assert not page.locator("#article p.error").count()


def test_the_quotes_tab_leaves_out_quotes_under_the_floor_and_the_article_flags_them(page, corpus):
    story = corpus[1][3]
    page.goto("/#tab=quotes&speaker=Rosa+Marin")
    page.wait_for_function("() => document.querySelectorAll('#results tbody tr').length > 0")
    rows = page.locator("#results tbody tr").evaluate_all("trs => trs.map(tr => tr.textContent)")
    assert len(rows) == 1 and "the mill would stay open" in rows[0]
    assert page.get_by_label("min. confidence").get_attribute("placeholder") == "min. confidence, 0-1 (default 0.3; 0: all)"
    page.goto("/#tab=quotes&speaker=Rosa+Marin&min-confidence=0")  # the control's 0 shows every quote
    page.wait_for_function("() => document.querySelectorAll('#results tbody tr').length === 2")
    page.goto(f"/#tab=quotes&article={story.id}")
    page.wait_for_selector("#article h2")
    assert records(page, "quotes") == [
        "Rosa Marin · cue: said · indirect · “the mill would stay open” · confidence 0.8",
        "Rosa Marin · cue: said · indirect · “the river was low” · confidence 0.1 (below 0.3: not in the Quotes tab)"]
