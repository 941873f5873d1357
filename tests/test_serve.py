"""The web UI's endpoints answer from the store with the same rows as `newswire query`."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from newswire.corpus import query
from newswire.present.serve import create_app
from newswire.corpus.store import Store

from test_query import db, kerry_analysis  # noqa: F401  (the store filled by hand)


# the server answers only to the hosts it serves: tests speak to it as a local browser does
LOCAL = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def client(db):  # noqa: F811
    return TestClient(create_app(str(db)), base_url=LOCAL, raise_server_exceptions=False)


def test_page_is_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert "<title>newswire</title>" in page.text and "Who said what" in page.text
    script, style = client.get("/app.js"), client.get("/style.css")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript") and "/api/" in script.text
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css") and "body {" in style.text


@pytest.mark.parametrize(
    "url, question, options",
    [
        ("/api/quotes?speaker=Ban+Ki-moon", "quotes", {"speaker": "Ban Ki-moon"}),
        ("/api/events?actor=SYR&from=2013-09-01&to=2013-09-30&type=THREATEN", "events", {"actor": "SYR", "start": "2013-09-01", "end": "2013-09-30", "type": "THREATEN"}),
        ("/api/entities?top=5", "entities", {"top": 5}),
        ("/api/timeline?entity=John+Kerry", "timeline", {"entity": "John Kerry"}),
        ("/api/network", "network", {}),
    ],
)
def test_endpoints_answer_like_the_query_functions(client, db, url, question, options):  # noqa: F811
    reply = client.get(url)
    assert reply.status_code == 200
    with Store(db, read_only=True) as store:
        expected = getattr(query, question)(store, **options).dicts()
    answer = reply.json()
    assert expected and answer["total"] == len(expected) and answer["offset"] == 0
    key = lambda row: json.dumps(row, sort_keys=True)  # noqa: E731
    assert sorted(answer["rows"], key=key) == sorted(expected, key=key)
    dates = [row.get("date", row.get("published")) for row in answer["rows"]]
    if answer["sort"]:  # rows with a date come newest first
        assert answer["sort"] in ("-date", "-published") and dates == sorted(dates, reverse=True)


def test_article_endpoint_gives_the_analysis_record(client):
    kerry = kerry_analysis()
    reply = client.get(f"/api/article/{kerry.id}")
    assert reply.status_code == 200
    data = reply.json()
    assert data["schema"] == "newswire/analysis@1" and data["text"] == kerry.text
    q = data["quotes"][0]["content"]
    assert data["text"][q["start"] : q["end"]] == q["text"]


def test_bad_requests_get_one_line_errors(client):
    assert client.get("/api/article/0000000000000000").status_code == 404
    bad_date = client.get("/api/events?from=13/09/2013")
    assert bad_date.status_code == 400 and "YYYY-MM-DD" in bad_date.json()["error"]
    assert client.get("/api/timeline").status_code == 400


def test_a_missing_database_is_an_error_not_a_crash(tmp_path):
    reply = TestClient(create_app(str(tmp_path / "none.duckdb")), base_url=LOCAL).get("/api/quotes")
    assert reply.status_code == 400 and "no database" in reply.json()["error"]


def test_a_busy_port_is_a_one_line_error_before_anything_is_announced(db):  # noqa: F811
    import socket

    from newswire.errors import UsageError
    from newswire.present.serve import serve

    taken = socket.create_server(("127.0.0.1", 0))
    announced = []
    try:
        with pytest.raises(UsageError, match=r"cannot listen on 127\.0\.0\.1:\d+: Address already in use"):
            serve(str(db), port=taken.getsockname()[1], on_ready=announced.append)
    finally:
        taken.close()
    assert announced == []


def test_a_missing_database_is_refused_before_anything_is_announced(tmp_path):
    from newswire.errors import StoreError
    from newswire.present.serve import serve

    announced = []
    with pytest.raises(StoreError, match="no database at"):
        serve(str(tmp_path / "missing.duckdb"), port=0, on_ready=announced.append)
    assert announced == []


SECURITY = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.mark.parametrize(
    "url, host, status",
    [
        ("/", "127.0.0.1:8000", 200),
        ("/app.js", "127.0.0.1:8000", 200),
        ("/style.css", "127.0.0.1:8000", 200),
        ("/api/quotes", "127.0.0.1:8000", 200),
        ("/api/quotes?limit=abc", "127.0.0.1:8000", 400),
        ("/api/article/0000000000000000", "127.0.0.1:8000", 404),
        ("/no/such/page", "127.0.0.1:8000", 404),
        ("/api/quotes", "attacker.example", 400),
    ],
)
def test_every_response_carries_the_security_headers(client, url, host, status):
    reply = client.get(url, headers={"host": host})
    assert reply.status_code == status
    assert {k: reply.headers.get(k) for k in SECURITY} == SECURITY


def test_a_crash_is_a_json_500_with_the_security_headers(db, monkeypatch):  # noqa: F811
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(query, "page", broken)
    reply = TestClient(create_app(str(db)), base_url=LOCAL, raise_server_exceptions=False).get("/api/quotes")
    assert reply.status_code == 500 and reply.json() == {"error": "internal error: RuntimeError: boom; see the server's log"}
    assert {k: reply.headers.get(k) for k in SECURITY} == SECURITY


def test_the_page_has_no_inline_script_or_style_and_loads_only_its_own_files():
    import re
    from importlib import resources

    web = resources.files("newswire.present").joinpath("web")
    page = web.joinpath("index.html").read_text()
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/app.js" defer>', '<script src="/map.js" defer>']
    assert "<style" not in page and " style=" not in page and not re.search(r"\bon[a-z]+=", page)
    assert re.findall(r'(?:href|src)="([^"]+)"', page) == ["/style.css", "/app.js", "/map.js"]
    script = web.joinpath("app.js").read_text() + web.joinpath("map.js").read_text()
    # nothing the policy would block: no HTML or style strings, no code from strings
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|\.style\b|setAttribute\(\"style|eval\(|new Function|document\.write", script)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1:8000", "127.0.0.1", "localhost:8000", "LOCALHOST", "[::1]:8000", "[::1]", "[0:0:0:0:0:0:0:1]:80"],
)
def test_loopback_hosts_are_answered_with_or_without_a_port(client, host):
    assert client.get("/api/entities", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host",
    ["attacker.example", "attacker.example:8000", "localhost.attacker.example", "127.0.0.1.nip.io:8000", "[::2]:8000",
     "10.0.0.1", "127.0.0.1:8000:9", "[::1", "::1", "", "127.0.0.1:99999999", "local host"],
)
def test_other_hosts_get_a_400_so_dns_rebinding_cannot_read_the_corpus(client, host):
    reply = client.get("/api/quotes", headers={"host": host})
    assert reply.status_code == 400 and "error" in reply.json() and "quote" not in reply.text


def test_allowed_hosts_and_the_bound_address_are_answered(db):  # noqa: F811
    app = create_app(str(db), host="192.0.2.7", allow_hosts=["News.Example.org", "[2001:db8::1]"])
    client = TestClient(app, base_url=LOCAL)
    for host in ("192.0.2.7:8000", "news.example.org", "NEWS.EXAMPLE.ORG:443", "[2001:db8::1]:8000", "localhost"):
        assert client.get("/api/entities", headers={"host": host}).status_code == 200, host
    for host in ("example.org", "www.news.example.org", "192.0.2.8"):
        assert client.get("/api/entities", headers={"host": host}).status_code == 400, host


def test_on_a_wildcard_address_any_ip_address_is_answered_but_no_other_name(db):  # noqa: F811
    client = TestClient(create_app(str(db), host="0.0.0.0"), base_url=LOCAL)
    for host in ("192.0.2.7:8000", "[2001:db8::1]:8000", "localhost"):
        assert client.get("/api/entities", headers={"host": host}).status_code == 200, host
    assert client.get("/api/entities", headers={"host": "attacker.example"}).status_code == 400


@pytest.mark.parametrize("name", ["news.example.org:8443", "*", "*.example.org", "http://news.example.org", "a b", "", "..", "news..org"])
def test_a_bad_allow_host_is_a_usage_error(db, name):  # noqa: F811
    from newswire.errors import UsageError

    with pytest.raises(UsageError, match="--allow-host .* is not a host name or IP address"):
        create_app(str(db), allow_hosts=[name])


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/quotes?limit=99999999999999999999", "limit='99999999999999999999' is out of range; give 1 to 10,000"),
        ("/api/quotes?limit=10000000", "limit='10000000' is out of range; give 1 to 10,000"),
        ("/api/quotes?limit=10001", "limit='10001' is out of range"),
        ("/api/quotes?limit=0", "limit='0' is out of range"),
        ("/api/quotes?limit=-1", "limit='-1' is not a number of rows"),
        ("/api/quotes?limit=abc", "limit='abc' is not a number of rows"),
        ("/api/quotes?limit=%C2%B2", "limit='²' is not a number of rows"),
        ("/api/quotes?limit=1e3", "limit='1e3' is not a number of rows"),
        ("/api/quotes?limit=+5", "limit=' 5' is not a number of rows"),
        ("/api/quotes?limit=" + "9" * 5000, "is out of range"),
        ("/api/entities?top=99999999999999999999", "top='99999999999999999999' is out of range; give 1 to 10,000"),
        ("/api/entities?top=-1", "top='-1' is not a number of rows"),
        ("/api/events?limit=99999999999999999999", "is out of range"),
        ("/api/timeline?entity=Kerry&limit=abc", "limit='abc' is not a number of rows"),
        ("/api/network?limit=abc", "limit='abc' is not a number of rows"),
        ("/api/quotes?limit=5&limit=6", "limit is given twice"),
        ("/api/quotes?speeker=Ban", "unknown parameter 'speeker'; /api/quotes takes speaker, q, min-confidence, type, outlet, from, to, spread, limit, offset, sort"),
        ("/api/article/d0281af43e8fb98f?x=1", "unknown parameter 'x'; /api/article takes none"),
        ("/api/quotes?" + "&".join(f"p{i}=1" for i in range(50)), "too many parameters"),
        ("/api/quotes?speaker=%20%20", "speaker is blank"),
        ("/api/quotes?speaker=Ban%00", "speaker holds a control character"),
        ("/api/quotes?speaker=%FF", "not UTF-8"),
        ("/api/quotes?%FF=1", "not UTF-8"),
        ("/api/quotes?speaker=" + "x" * 1001, "speaker is 1,001 characters long"),
        ("/api/timeline?entity=+", "entity is blank"),
        ("/api/quotes?speaker=.", "speaker '.' has no letter or digit"),
        ("/api/timeline?entity=%E2%80%8B", "has no letter or digit"),
        ("/api/timeline?entity=%00", "entity holds a control character"),
        ("/api/events?actor=SYR%27%20OR%201=1--", "actor \"SYR' OR 1=1--\" is not an actor code"),
        ("/api/events?actor=%00", "actor holds a control character"),
        ("/api/events?from=2013-09-01%00", "from '2013-09-01\\x00' is not a date"),
        ("/api/events?to=2013-02-30", "to '2013-02-30' is not a date"),
        ("/api/network?from=yesterday", "from 'yesterday' is not a date"),
        ("/api/events?type=999", "no CAMEO code starts with '999'"),
        ("/api/events?type=%C2%B2", "unknown event type '²'"),
        ("/api/events?type=THREATS", "unknown event type 'THREATS'"),
        ("/api/entities?type=PERSONS", "unknown entity type 'PERSONS'"),
        ("/api/entities?type=%09", "type is blank"),
        ("/api/article/x", "'x' is not an article id; an id is 16 hex digits"),
        ("/api/article/D0281AF43E8FB98F", "is not an article id"),
        ("/api/article/%00", "'\\x00' is not an article id"),
        ("/api/article/d0281af43e8fb98f%20", "is not an article id"),
        ("/api/article/%FF%FE", "is not an article id"),
    ],
)
def test_every_bad_parameter_is_a_400_with_a_json_message(client, url, message):
    reply = client.get(url)
    assert reply.status_code == 400, reply.text
    assert message in reply.json()["error"]


@pytest.mark.parametrize("url", ["/api/article/..%2F..%2Fserve.py", "/api/article/", "/api/nothing", "/web/index.html", "/../newswire/present/serve.py"])
def test_paths_outside_the_routes_are_json_404s(client, url):
    reply = client.get(url)
    assert reply.status_code == 404 and "error" in reply.json()


def test_limits_cap_the_rows_and_empty_fields_count_as_not_given(client):
    assert len(client.get("/api/quotes?limit=1").json()["rows"]) == 1
    assert client.get("/api/quotes?limit=1").json()["total"] == 2
    assert len(client.get("/api/quotes?limit=10000").json()["rows"]) == 2
    assert len(client.get("/api/entities?top=2").json()["rows"]) == 2
    assert client.get("/api/quotes?speaker=&limit=").json() == client.get("/api/quotes").json()
    assert client.get("/api/quotes").json()["rows"] != []
    assert client.get("/api/timeline?entity=").status_code == 400


def test_pages_come_with_the_total_newest_first_and_sort_by_any_column(client):
    first = client.get("/api/quotes?limit=1").json()
    second = client.get("/api/quotes?limit=1&offset=1").json()
    assert (first["total"], second["total"], first["offset"], second["offset"], first["sort"]) == (2, 2, 0, 1, "-published")
    assert [first["rows"][0]["published"], second["rows"][0]["published"]] == ["2013-09-20", "2013-09-10"]
    oldest = client.get("/api/quotes?sort=published").json()["rows"]
    assert [r["published"] for r in oldest] == ["2013-09-10", "2013-09-20"]
    assert [r["speaker"] for r in client.get("/api/quotes?sort=-speaker").json()["rows"]] == ["John Kerry", "Ban Ki-moon"]
    beyond = client.get("/api/quotes?offset=5").json()
    assert beyond["rows"] == [] and beyond["total"] == 2
    assert client.get("/api/entities?top=1&offset=1&sort=name").json()["rows"][0]["name"] == "John Kerry"
    for url, message in [("/api/quotes?sort=nope", "cannot sort by 'nope'; give one of published, speaker"),
                         ("/api/quotes?sort=a;b", "is not a column"), ("/api/quotes?offset=-1", "not a number of rows to skip"),
                         ("/api/quotes?offset=99999999999", "out of range")]:
        reply = client.get(url)
        assert reply.status_code == 400 and message in reply.json()["error"], url


def test_events_show_their_modality_and_are_the_asserted_ones_unless_asked(client):
    answer = client.get("/api/events").json()
    assert answer["params"]["modality"] == "asserted" and {r["modality"] for r in answer["rows"]} == {"asserted"}
    assert client.get("/api/events?modality=any").json()["total"] == answer["total"] == 2
    assert client.get("/api/events?modality=negated").json()["rows"] == []
    # ... and those at the confidence floor or above, as `newswire query events` (its test shows what it leaves out)
    assert answer["params"]["min-confidence"] == query.EVENT_FLOOR and min(r["confidence"] for r in answer["rows"]) >= query.EVENT_FLOOR
    assert client.get("/api/network").json()["params"]["min-confidence"] == query.EVENT_FLOOR
    reply = client.get("/api/events?modality=maybe")
    assert reply.status_code == 400 and "unknown modality 'maybe'" in reply.json()["error"]


def test_quotes_are_those_at_the_floor_or_above_unless_asked(tmp_path):
    # of three quotes (0.9, under the floor, without a confidence: counted as at the floor) every place shows two
    from test_query import _quote_floor_store

    client = TestClient(create_app(str(_quote_floor_store(tmp_path))), base_url=LOCAL)
    answer = client.get("/api/quotes?sort=-confidence").json()
    assert answer["params"]["min-confidence"] == query.QUOTE_FLOOR and sorted(r["confidence"] or 0 for r in answer["rows"]) == [0, 0.9]
    assert client.get("/api/quotes?min-confidence=0").json()["total"] == 3
    assert client.get("/api/quotes?min-confidence=0.5").json()["total"] == 1  # above the floor: not the one without
    assert client.get("/api/quotes?speaker=Dana+Levi").json()["total"] == 2
    assert client.get("/api/quotes?spread=2").status_code == 200  # corpus quotes: the default floor is not an error
    assert sum(r["count"] for r in client.get("/api/facets/quotes").json()["facets"]["type"]) == 2
    assert sum(r["count"] for r in client.get("/api/facets/quotes?min-confidence=0").json()["facets"]["type"]) == 3
    exported = client.get("/api/export/quotes?format=jsonl").text.splitlines()  # the table on screen
    assert len(exported) == 2 and len(client.get("/api/export/quotes?format=jsonl&min-confidence=0").text.splitlines()) == 3
    assert client.get("/api/overview").json()["quotes"] == 2
    assert client.get("/api/entity?name=Dana+Levi").json()["quotes"]["total"] == 2
    high = [r for r in answer["rows"] if r["confidence"] == 0.9]
    article = client.get(f"/api/article/{high[0]['article_id']}").json()  # the analysis record keeps every quote
    assert article["quotes"][0]["confidence"] == 0.9


@pytest.mark.parametrize("actor, code, found", [("Russia", "RUS", 1), ("russia", "RUS", 1), ("Russian", "RUS", 1), ("RUS", "RUS", 1),
                                                ("rusgov", "RUSGOV", 1), ("Syria", "SYR", 1), ("United States", "USA", 2), ("US", "USA", 2),
                                                ("Atlantis", "ATLANTIS", 0)])
def test_an_actor_is_found_by_its_country_name_as_well_as_its_code(client, actor, code, found):
    answer = client.get("/api/events", params={"actor": actor}).json()
    assert answer["params"]["actor"] == code and answer["total"] == found


def test_export_gives_the_whole_answer_as_the_query_writers_write_it(client, db, tmp_path):  # noqa: F811
    from newswire.present.output import write_rows

    reply = client.get("/api/export/events?format=csv&sort=-date&modality=any")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/csv")
    assert reply.headers["content-disposition"] == 'attachment; filename="newswire-events.csv"'
    with Store(db, read_only=True) as store:
        write_rows(query.page(store, "events", limit=100, sort="-date", modality="any").rows, format="csv", out=tmp_path / "e.csv")
    assert reply.content == (tmp_path / "e.csv").read_bytes() and reply.text.count("\n") == 3
    lines = client.get("/api/export/quotes?format=jsonl&speaker=Kerry").text.splitlines()
    assert [json.loads(line)["speaker"] for line in lines] == ["John Kerry"]
    assert client.get("/api/export/entities?format=parquet").content.startswith(b"PAR1")
    assert {k: client.get("/api/export/quotes").headers.get(k) for k in SECURITY} == SECURITY
    for url, status, message in [("/api/export/quotes?format=xml", 400, "not an export format"),
                                 ("/api/export/quotes?limit=5", 400, "unknown parameter 'limit'"),
                                 ("/api/export/timeline", 400, "give an entity name"),
                                 ("/api/export/nothing", 404, "no table 'nothing'")]:
        reply = client.get(url)
        assert reply.status_code == status and message in reply.json()["error"], url


def test_unicode_and_quotes_in_filters_are_searched_for_as_written(client):
    for url in ("/api/quotes?speaker=%27%3B%20DROP%20TABLE%20quotes%3B%20--", "/api/quotes?speaker=Jos%C3%A9", "/api/timeline?entity=%E2%80%AEBan%F0%9F%92%A3",
                "/api/quotes?speaker=Ban.*", "/api/quotes?speaker=Ban%5C", "/api/quotes?speaker=(?i)Ban"):
        reply = client.get(url)
        assert reply.status_code == 200 and reply.json()["rows"] == [], url
    assert client.get("/api/quotes").status_code == 200  # the table is still there


def test_the_docs_give_every_endpoint_parameter_and_maximum():
    from pathlib import Path

    from newswire.present.serve import _PARAMS, DEFAULT_LIMIT, MAX_LIMIT

    doc = (Path(__file__).resolve().parents[1] / "docs" / "serve.md").read_text()
    for endpoint, params in _PARAMS.items():
        row = next(line for line in doc.splitlines() if line.startswith(f"| `/api/{endpoint}"))
        assert all(f"`{name}`" in row for name in params), endpoint
    assert f"rows, 1 to {MAX_LIMIT:,} (default {DEFAULT_LIMIT})" in doc


@pytest.mark.parametrize("host, warned", [("127.0.0.1", False), ("localhost", False), ("::1", False), ("0.0.0.0", True), ("::", True), ("192.0.2.7", True)])
def test_serving_beyond_loopback_prints_a_warning(db, monkeypatch, capsys, host, warned):  # noqa: F811
    import newswire.present.serve
    from newswire.cli import main

    calls = []

    def fake_serve(db, *, host, port, on_ready, allow_hosts):
        calls.append((host, port, list(allow_hosts)))
        on_ready(f"http://{host}:{port}")

    monkeypatch.setattr(newswire.present.serve, "serve", fake_serve)
    monkeypatch.setattr("sys.argv", ["newswire", "serve", "--db", str(db), "--host", host, "--port", "8001", "--allow-host", "news.example.org"])
    with pytest.raises(SystemExit) as exit:
        main()
    err = capsys.readouterr().err
    assert exit.value.code == 0 and calls == [(host, 8001, ["news.example.org"])]
    assert ("Warning:" in err) == warned, err
    if warned:
        assert f"--host {host} serves the UI beyond this machine" in err and "reverse proxy with authentication" in err and "docs/serve.md" in err


def test_an_ipv6_address_is_announced_in_brackets_and_a_bad_port_is_a_usage_error(db):  # noqa: F811
    from newswire.errors import UsageError
    from newswire.present.serve import serve

    with pytest.raises(UsageError, match=r"--port 65536 is not a port; give 1 to 65535"):
        serve(str(db), port=65536)
    with pytest.raises(UsageError, match=r"--port -1 is not a port"):
        serve(str(db), port=-1)
    with pytest.raises(UsageError, match=r"--allow-host 'x:80' is not a host name"):
        serve(str(db), port=0, allow_hosts=["x:80"], on_ready=lambda address: pytest.fail("announced"))
    announced = []

    def ready(address):  # stop as soon as it is announced
        announced.append(address)
        raise KeyboardInterrupt

    try:
        with pytest.raises(KeyboardInterrupt):
            serve(str(db), host="::1", port=0, on_ready=ready)
    except UsageError as err:  # no IPv6 on this machine
        pytest.skip(str(err))
    assert len(announced) == 1 and announced[0].startswith("http://[::1]:")


def test_the_overview_answers_the_corpus_at_a_glance_in_one_request(client, db):  # noqa: F811
    overview = client.get("/api/overview").json()
    with Store(db, read_only=True) as store:
        assert overview == json.loads(json.dumps(query.overview(store), default=str))
        quotes = query.quotes(store)
    assert overview["quotes"] == len(quotes) == sum(day["quotes"] for day in overview["per_day"])
    assert overview["articles"] == sum(day["articles"] for day in overview["per_day"])
    assert {s["name"] for s in overview["speakers"]} == {"Ban Ki-moon", "John Kerry"}
    assert len(client.get("/api/overview?top=1").json()["speakers"]) == 1
    assert client.get("/api/overview?top=0").status_code == 400 and client.get("/api/overview?x=1").status_code == 400


def test_an_entity_page_answers_its_quotes_events_names_and_weeks(client):
    kerry = client.get("/api/entity?name=john+kerry").json()
    assert kerry["quotes"]["total"] == client.get("/api/quotes?speaker=John+Kerry").json()["total"] == 1
    assert [n["name"] for n in kerry["names"]] == ["John Kerry"]
    assert kerry["events"]["total"] == len(kerry["events"]["rows"]) and all(r["role"] in ("source", "target") for r in kerry["events"]["rows"])
    assert sum(w["quotes"] for w in kerry["per_week"]) == 1 and all(w["week"] <= "2013-09-20" for w in kerry["per_week"])
    assert "John Kerry" not in {e["name"] for e in kerry["co_occurring"]}
    reply = client.get("/api/entity")
    assert reply.status_code == 400 and "give name" in reply.json()["error"]
    assert client.get("/api/entity?name=%00").status_code == 400


def test_text_search_finds_quotes_and_articles_holding_a_text_in_any_case(client):
    every = client.get("/api/quotes").json()["rows"]
    word = every[0]["quote"].split()[1]
    found = client.get("/api/quotes", params={"q": word.upper()}).json()
    assert found["total"] >= 1 and all(word.lower() in r["quote"].lower() for r in found["rows"]) and found["params"]["q"] == word.upper()
    assert client.get("/api/quotes?q=%25").status_code == 400  # no letter or digit
    assert client.get("/api/quotes?q=100%25_").json()["total"] == 0  # % and _ are not wildcards
    articles = client.get("/api/articles", params={"q": word}).json()
    assert articles["total"] >= 1 and articles["sort"] == "-published"
    row = articles["rows"][0]
    text = client.get(f"/api/article/{row['article_id']}").json()["text"]
    assert text[row["start"]:row["end"]].lower() == word.lower() and word.lower() in row["snippet"].lower()


def test_facets_count_the_whole_answer_each_without_its_own_filter(client):
    events = client.get("/api/facets/events").json()["facets"]
    assert set(events) == {"type", "modality", "outlet", "actor"}
    every = client.get("/api/events?modality=any").json()["rows"]
    assert {f["value"]: f["count"] for f in events["modality"]} == {m: sum(r["modality"] == m for r in every) for m in {r["modality"] for r in every}}
    assert sum(f["count"] for f in events["type"]) == client.get("/api/events").json()["total"]
    quotes = client.get("/api/facets/quotes?speaker=John+Kerry").json()["facets"]
    assert sum(f["count"] for f in quotes["type"]) == client.get("/api/quotes?speaker=John+Kerry").json()["total"]
    assert client.get("/api/facets/network").status_code == 404
    assert client.get("/api/facets/events?limit=5").status_code == 400 and client.get("/api/facets/events?top=0").status_code == 400


def test_quotes_by_confidence_keep_those_at_least_that_likely(client):
    every = client.get("/api/quotes").json()["rows"]
    assert every and all(0 <= r["confidence"] <= 1 for r in every)
    cut = sorted(r["confidence"] for r in every)[len(every) // 2]
    kept = client.get("/api/quotes", params={"min-confidence": str(cut)}).json()
    assert kept["total"] == sum(r["confidence"] >= cut for r in every) and kept["params"]["min-confidence"] == cut
    for bad in ("1.5", "-0.1", "high", "nan"):
        reply = client.get("/api/quotes", params={"min-confidence": bad})
        assert reply.status_code == 400 and "min-confidence" in reply.json()["error"], bad


def _wire_story(tmp_path):
    """A store of one article with four events (asserted, asserted but below the confidence floor, negated, an actor's
    own) and two stored copies of it (a syndicated one and a repeat), as an ingest links near-duplicates."""
    from newswire.corpus.store import DUPLICATE, PENDING, Entry
    from newswire.records import Analysis, Article, Event, EventActor, Span, content_id

    lines = ["SYR threatened USA.", "RUS attacked UKR.", "USA will not support ISR.", "USA accused USA."]
    text = "".join(line + "\n" for line in lines)

    def event(n, cameo, plover, source, trigger, target, confidence, modality="asserted"):
        line = sum(len(earlier) + 1 for earlier in lines[:n - 1])  # event n is on line n
        s, tr, g = (text.index(w, line) for w in (source, trigger, target))
        return Event(f"EV{n}", cameo, cameo[:2], plover, 4, -5.0, Span(tr, tr + len(trigger), trigger),
                     Span(line, line + len(lines[n - 1]), lines[n - 1]),
                     source=EventActor(s, s + 3, source, actor=source), target=EventActor(g, g + 3, target, actor=target),
                     modality=modality, mentions=[Span(tr, tr + len(trigger), trigger)], confidence=confidence)

    events = [event(1, "138", "THREATEN", "SYR", "threatened", "USA", 0.6), event(2, "190", "ASSAULT", "RUS", "attacked", "UKR", 0.1),
              event(3, "120", "REJECT", "USA", "will not support", "ISR", 0.6, "negated"),
              event(4, "112", "ACCUSE", "USA", "accused", "USA", 0.6)]  # one actor on both sides: one event
    story = Analysis(id=content_id(text), text=text, title="Wire story", published="2021-03-01", url="https://wire.example.com/1", events=events)
    entries = [Entry(Article(text=text, title=story.title, published=story.published, url=story.url, source="wire.txt"), story.id, len(text), PENDING, story.id, None)]
    for k, (url, published) in enumerate([("https://www.daily.example.org/copy", "2021-03-02"), (None, None)]):
        copy = text + f"Copy {k}.\n"
        entries.append(Entry(Article(text=copy, title=f"Copy {k}", published=published, url=url, source=f"copy{k}.txt"), content_id(copy),
                             len(copy), DUPLICATE, content_id(copy), None, duplicate_of=story.id, similarity=0.9 - k / 10))
    path = tmp_path / "wire.duckdb"
    with Store(path) as store:
        store.add_entries(entries, [], run_id=1)
        store.add_results([story], [], run_id=1)
    return TestClient(create_app(str(path)), base_url=LOCAL, raise_server_exceptions=False), story


def test_the_overview_counts_the_events_its_links_open(tmp_path):
    client, _ = _wire_story(tmp_path)
    overview = client.get("/api/overview").json()
    events = client.get("/api/events").json()
    # the asserted events at 0.6; not the one below the floor (most such records are wrong), not the negated one
    assert overview["events"] == events["total"] == 2 and sum(day["events"] for day in overview["per_day"]) == 2
    assert overview["event_types"] == [{"type": "ACCUSE", "events": 1}, {"type": "THREATEN", "events": 1}]
    for row in overview["actors"]:
        assert row["events"] == client.get(f"/api/events?actor={row['actor']}").json()["total"]
    assert {row["actor"] for row in overview["actors"]} == {"SYR", "USA"}
    assert overview["duplicates"] == 2 and overview["stored"] == 3


def test_an_article_lists_its_stored_copies_oldest_first(tmp_path):
    client, story = _wire_story(tmp_path)
    reply = client.get(f"/api/copies/{story.id}").json()
    assert reply["id"] == story.id and reply["total"] == 2
    assert [(r["title"], r["outlet"], r["published"], r["source"], r["similarity"]) for r in reply["rows"]] == [
        ("Copy 0", "daily.example.org", "2021-03-02", "copy0.txt", 0.9), ("Copy 1", None, None, "copy1.txt", 0.8)]
    copy, other = (r["id"] for r in reply["rows"])
    assert reply["canonical"] is None  # a canonical article
    # a copy's id leads to its canonical article: named, with the cluster's other copies
    of_copy = client.get(f"/api/copies/{copy}").json()
    assert of_copy["canonical"] == story.id and [r["id"] for r in of_copy["rows"]] == [other] and of_copy["total"] == 1
    assert client.get("/api/copies/xyz").status_code == 400 and client.get(f"/api/copies/{story.id}?x=1").status_code == 400


def test_an_actor_is_counted_as_the_table_its_link_opens_finds_it(tmp_path):
    """The actor filter is a code prefix on either side ("USA" finds USAGOV's events): the overview's actors and the
    events' actor facet count each event as that filter does, once per actor, so a count is the total it opens."""
    from newswire.corpus.store import PENDING, Entry
    from newswire.records import Analysis, Article, Event, EventActor, Span, content_id

    pairs = [("USAGOV", "RUS"), ("USAGOV", "USA"), ("USA", "IRN"), ("RUSMIL", "UKR"), ("USAGOV", "RUS"), ("IRN", None)]
    lines = [f"{s} accused {t or 'them'}." for s, t in pairs]
    text = "".join(line + "\n" for line in lines)
    events, line = [], 0
    for n, ((source, target), sentence) in enumerate(zip(pairs, lines), 1):
        tr = line + sentence.index("accused")
        target_span = EventActor(line + sentence.index(target), line + sentence.index(target) + len(target), target, actor=target) if target else None
        events.append(Event(f"EV{n}", "112", "11", "ACCUSE", 4, -2.0, Span(tr, tr + 7, "accused"), Span(line, line + len(sentence), sentence),
                            source=EventActor(line, line + len(source), source, actor=source), target=target_span,
                            modality="asserted", mentions=[Span(tr, tr + 7, "accused")], confidence=0.6))
        line += len(sentence) + 1
    story = Analysis(id=content_id(text), text=text, title="Accusations", published="2021-03-01", events=events)
    path = tmp_path / "actors.duckdb"
    with Store(path) as store:
        store.add_entries([Entry(Article(text=text, title=story.title, published=story.published, source="a.txt"), story.id, len(text),
                                 PENDING, story.id, None)], [], run_id=1)
        store.add_results([story], [], run_id=1)
    client = TestClient(create_app(str(path)), base_url=LOCAL, raise_server_exceptions=False)
    total = lambda actor: client.get("/api/events", params={"actor": actor}).json()["total"]  # noqa: E731
    actors = {row["actor"]: row["events"] for row in client.get("/api/overview").json()["actors"]}
    # USA: its own two events and USAGOV's three (one with USA on both sides, once); not RUSMIL under RUS's count twice
    assert actors == {"USA": 4, "USAGOV": 3, "RUS": 3, "IRN": 2, "RUSMIL": 1, "UKR": 1}
    assert all(count == total(actor) for actor, count in actors.items())
    facet = client.get("/api/facets/events").json()["facets"]["actor"]
    assert facet == [{"value": "USA", "count": 4}, {"value": "RUS", "count": 3}, {"value": "IRN", "count": 2}, {"value": "UKR", "count": 1}]
    assert all(row["count"] == total(row["value"]) for row in facet)
    # the facet ignores its own filter, and follows the others
    assert client.get("/api/facets/events?actor=UKR").json()["facets"]["actor"] == facet
    assert client.get("/api/facets/events?source=RUS").json()["facets"]["actor"] == [{"value": "RUS", "count": 1}, {"value": "UKR", "count": 1}]


def _undated_canonical(tmp_path, copies, runs=1):
    """A store whose canonical article has no date, URL nor title, and copies of it that have them (`copies`: (url,
    published, title) each), stored in one run or each in a run of its own (`runs` > 1), as an ingest stores them."""
    from newswire.corpus.store import DUPLICATE, PENDING, Entry
    from newswire.records import Analysis, Article, content_id

    text = "The ministry said the talks would resume.\n"
    story = Analysis(id=content_id(text), text=text)
    first = Entry(Article(text=text, source="plain.txt"), story.id, len(text), PENDING, story.id, None)
    entries = []
    for k, (url, published, title) in enumerate(copies):
        copy = text + f"Copy {k}.\n"
        entries.append(Entry(Article(text=copy, title=title, published=published, url=url, source=f"copy{k}.html"), content_id(copy),
                             len(copy), DUPLICATE, content_id(copy), None, duplicate_of=story.id, similarity=0.9))
    path = tmp_path / f"undated{runs}.duckdb"
    with Store(path) as store:
        if runs == 1:
            store.add_entries([first, *entries], [], run_id=1)
            store.add_results([story], [], run_id=1)
        else:
            store.add_entries([first], [], run_id=1)
            store.add_results([story], [], run_id=1)
            for run, entry in enumerate(entries, 2):
                store.add_entries([entry], [], run_id=run)
    return path, story


def test_a_canonical_article_takes_the_metadata_it_lacks_from_its_copies(tmp_path):
    """The canonical of a syndicated pair is the first read, often the plain copy without date or URL: it takes each
    of them from its copies (the earliest published first, whatever the input order), so date and outlet questions
    find the article; its analysis stays as made, and an analysis written again keeps what the copies gave."""
    copies = [("https://www.later.example.org/a", "2021-03-05", None), ("https://www.first.example.com/a", "2021-03-02", "First headline")]
    path, story = _undated_canonical(tmp_path, copies)
    again, _ = _undated_canonical(tmp_path, copies, runs=2)  # the copies in later runs, the later-dated one first
    for db in (path, again):
        with Store(db, read_only=True) as store:
            row = store.con.execute("SELECT published, url, title, filled FROM articles WHERE id = ?", [story.id]).fetchone()
            assert row == ("2021-03-02", "https://www.first.example.com/a", "First headline", "published,url,title")
            assert [r["article_id"] for r in query.articles(store, outlet="first.example.com", start="2021-03-02", end="2021-03-02").dicts()] == [story.id]
            loaded = store.load_analysis(story.id)  # the analysis as the pipeline made it: no date, URL nor title
            assert (loaded.published, loaded.url, loaded.title) == (None, None, None)
    with Store(path) as store:
        store.add_results([story], [], run_id=3)  # analysed again: its own (empty) values written, the copies' taken again
        assert store.con.execute("SELECT published, filled FROM articles WHERE id = ?", [story.id]).fetchone() == ("2021-03-02", "published,url,title")


def test_a_canonical_article_takes_its_date_and_outlet_from_one_copy(tmp_path):
    # the earliest copy has no URL: the canonical takes none rather than a later copy's outlet with this copy's date
    copies = [("https://www.later.example.org/a", "2021-03-05", None), (None, "2021-03-02", "First headline")]
    for runs in (1, 2):
        path, story = _undated_canonical(tmp_path, copies, runs=runs)
        with Store(path, read_only=True) as store:
            row = store.con.execute("SELECT published, url, title, filled FROM articles WHERE id = ?", [story.id]).fetchone()
        assert row == ("2021-03-02", None, "First headline", "published,title")


def test_a_canonical_article_keeps_its_own_metadata(tmp_path):
    path, story = _undated_canonical(tmp_path, [(None, None, None)])
    with Store(path, read_only=True) as store:  # a copy with nothing to give changes nothing
        assert store.con.execute("SELECT published, url, title, filled FROM articles WHERE id = ?", [story.id]).fetchone() == (None, None, None, None)


def test_an_unanalysed_copy_answers_its_canonical_analysis(tmp_path):
    path, story = _undated_canonical(tmp_path, [("https://www.first.example.com/a", "2021-03-02", None)])
    client = TestClient(create_app(str(path)), base_url=LOCAL, raise_server_exceptions=False)
    copy = client.get(f"/api/copies/{story.id}").json()["rows"][0]["id"]
    reply = client.get(f"/api/article/{copy}")
    assert reply.status_code == 200 and reply.json()["id"] == story.id and reply.headers["content-location"] == f"/api/article/{story.id}"
    assert client.get(f"/api/article/{'0' * 16}").status_code == 404
    assert client.get(f"/api/copies/{'0' * 16}").status_code == 404  # no article of that id, as /api/article
    assert client.get(f"/api/copies/{copy}").json()["canonical"] == story.id


def test_a_copy_s_copies_answer_names_it_a_copy_and_gives_what_its_canonical_took_from_copies(tmp_path):
    """/api/copies: the stored article whose analysis /api/article answers (for a copy's id, its canonical), with the
    date, URL and title it took from its copies named in `filled`; for a copy's id, the copy's own metadata too."""
    path, story = _undated_canonical(tmp_path, [("https://www.first.example.com/a", "2021-03-02", "First headline")])
    client = TestClient(create_app(str(path)), base_url=LOCAL, raise_server_exceptions=False)
    own = client.get(f"/api/copies/{story.id}").json()
    copy = own["rows"][0]["id"]
    filled = {"id": story.id, "title": "First headline", "outlet": "first.example.com", "url": "https://www.first.example.com/a",
              "published": "2021-03-02", "similarity": None, "filled": ["published", "url", "title"]}
    assert own["article"] == filled and own["copy"] is None and own["canonical"] is None
    answer = client.get(f"/api/copies/{copy}").json()
    assert answer["canonical"] == story.id and answer["article"] == filled and answer["rows"] == []
    assert answer["copy"] == {"id": copy, "title": "First headline", "outlet": "first.example.com", "url": "https://www.first.example.com/a",
                              "published": "2021-03-02", "similarity": 0.9, "filled": []}


def test_a_store_made_before_the_rule_fills_its_canonicals_when_written_to(tmp_path):
    import duckdb

    path, story = _undated_canonical(tmp_path, [("https://www.first.example.com/a", "2021-03-02", None)])
    con = duckdb.connect(str(path))  # as an older version left it: no `filled`, the canonical's own metadata
    con.execute("UPDATE articles SET published = NULL, url = NULL WHERE id = ?", [story.id])
    con.execute("ALTER TABLE articles DROP COLUMN filled")
    con.close()
    with Store(path) as store:  # the writer brings the column, and the canonicals take their copies' metadata, once
        row = store.con.execute("SELECT published, url, filled FROM articles WHERE id = ?", [story.id]).fetchone()
    assert row == ("2021-03-02", "https://www.first.example.com/a", "published,url")


def test_a_copy_whose_canonical_failed_analysis_says_so_with_what_is_known(tmp_path):
    """A syndicated copy linked to an article whose analysis then failed: no analysis to answer (/api/article is a 404,
    as for any article not analysed), but /api/copies names the canonical, why it failed (its `errors` row) and gives
    the copy's own metadata and text; a canonical that did not fail, and a copy of one, have none of that."""
    from newswire.corpus.store import DUPLICATE, FAILED, PENDING, Entry
    from newswire.records import Article, Failure, content_id

    text = "The ferry to Lindholm was cancelled on Tuesday, the operator said.\n"
    copy = text + "Reporting by Test Wire.\n"
    canonical, copy_id = content_id(text), content_id(copy)
    entries = [Entry(Article(text=text, title="Ferry cancelled", source="wire.txt"), canonical, len(text), PENDING, canonical, None),
               Entry(Article(text=copy, title="Lindholm ferry off", published="2021-05-04", url="https://daily.example.org/ferry",
                             source="copy.txt"), copy_id, len(copy), DUPLICATE, copy_id, None, duplicate_of=canonical, similarity=0.85)]
    path = tmp_path / "failed.duckdb"
    with Store(path) as store:
        store.add_entries(entries, [], run_id=1)
        store.add_results([], [Failure("wire.txt", "analyze", "internal", "the parser stopped (invented)", article_id=canonical)], run_id=1)
        assert store.statuses([canonical]) == {canonical: FAILED}
    client = TestClient(create_app(str(path)), base_url=LOCAL, raise_server_exceptions=False)
    assert client.get(f"/api/article/{copy_id}").status_code == 404
    reply = client.get(f"/api/copies/{copy_id}").json()
    assert reply["canonical"] == canonical and reply["total"] == 0
    assert reply["canonical_failed"] == {"stage": "analyze", "reason": "internal", "message": "the parser stopped (invented)"}
    assert reply["text"] == copy
    assert (reply["copy"]["title"], reply["copy"]["published"], reply["copy"]["outlet"]) == ("Lindholm ferry off", "2021-05-04", "daily.example.org")
    # the failed canonical itself: its copies listed, no failure of a canonical to report
    own = client.get(f"/api/copies/{canonical}").json()
    assert own["canonical"] is None and own["canonical_failed"] is None and own["text"] is None and own["total"] == 1


def test_a_copy_of_an_analysed_article_reports_no_failure(tmp_path):
    client, story = _wire_story(tmp_path)
    copy = client.get(f"/api/copies/{story.id}").json()["rows"][0]["id"]
    reply = client.get(f"/api/copies/{copy}").json()
    assert reply["canonical"] == story.id and reply["canonical_failed"] is None and reply["text"] is None
