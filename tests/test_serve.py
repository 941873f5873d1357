"""The web UI's endpoints answer from the store with the same rows as `newswire query`."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from newswire import query
from newswire.serve import create_app
from newswire.store import Store

from test_query import db, kerry_analysis  # noqa: F401  (the store filled by hand)


@pytest.fixture(scope="module")
def client(db):  # noqa: F811
    return TestClient(create_app(str(db)))


def test_page_is_served(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "<title>newswire</title>" in page.text and "Who said what" in page.text and "/api/" in page.text


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
    assert reply.json() == expected and expected


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
    reply = TestClient(create_app(str(tmp_path / "none.duckdb"))).get("/api/quotes")
    assert reply.status_code == 400 and "no database" in reply.json()["error"]


def test_a_busy_port_is_a_one_line_error_before_anything_is_announced(db):  # noqa: F811
    import socket

    from newswire.errors import UsageError
    from newswire.serve import serve

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
    from newswire.serve import serve

    announced = []
    with pytest.raises(StoreError, match="no database at"):
        serve(str(tmp_path / "missing.duckdb"), port=0, on_ready=announced.append)
    assert announced == []
