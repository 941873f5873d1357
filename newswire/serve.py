"""`newswire serve`: a small web UI over a corpus store.

The pages are one static file (`web/index.html`, no build step); the data
comes from JSON endpoints that call the same functions as `newswire query`
(`newswire.query`), on a read-only connection opened per request, so an
ingest can run between requests. Every row links to its article, shown with
the evidence of each quote, event and entity highlighted at its offsets.

    GET /api/quotes?speaker=&limit=          who said what
    GET /api/events?actor=&from=&to=&type=   who did what to whom
    GET /api/entities?top=&type=             the most mentioned entities
    GET /api/timeline?entity=                an entity through time
    GET /api/network?from=&to=               coded actor pairs and their events
    GET /api/article/{id}                    one analysis record (newswire/analysis@1)
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from . import query
from .errors import NewswireError, UsageError
from .store import Store

# Rows per answer unless the page asks for fewer: enough for a month of a
# publisher's output on one screen, few enough to render at once.
DEFAULT_LIMIT = 500


@cache
def _page() -> str:
    return resources.files("newswire").joinpath("web", "index.html").read_text(encoding="utf-8")


def _json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json")


def _int(request: Request, name: str, default: int) -> int:
    value = request.query_params.get(name) or ""
    return int(value) if value.isdigit() else default


def create_app(db: str) -> Starlette:
    """The web app for the store at `db` (opened read-only for each request)."""

    def ask(question: str, **options: Any) -> Response:
        options = {k: v for k, v in options.items() if v not in (None, "")}
        try:
            with Store(db, read_only=True) as store:
                return _json(getattr(query, question)(store, **options).dicts())
        except NewswireError as err:
            return _json({"error": str(err)}, 400)

    def index(request: Request) -> Response:
        return HTMLResponse(_page())

    def quotes(request: Request) -> Response:
        p = request.query_params
        return ask("quotes", speaker=p.get("speaker"), limit=_int(request, "limit", DEFAULT_LIMIT))

    def events(request: Request) -> Response:
        p = request.query_params
        return ask("events", actor=p.get("actor"), start=p.get("from"), end=p.get("to"), type=p.get("type"), limit=_int(request, "limit", DEFAULT_LIMIT))

    def entities(request: Request) -> Response:
        return ask("entities", top=_int(request, "top", 50), type=request.query_params.get("type"))

    def timeline(request: Request) -> Response:
        entity = request.query_params.get("entity", "").strip()
        if not entity:
            return _json({"error": "give an entity name: /api/timeline?entity=John+Kerry"}, 400)
        return ask("timeline", entity=entity, limit=_int(request, "limit", DEFAULT_LIMIT))

    def network(request: Request) -> Response:
        p = request.query_params
        return ask("network", start=p.get("from"), end=p.get("to"), limit=_int(request, "limit", DEFAULT_LIMIT))

    def article(request: Request) -> Response:
        try:
            with Store(db, read_only=True) as store:
                analysis = store.load_analysis(request.path_params["id"])
        except NewswireError as err:
            return _json({"error": str(err)}, 400)
        if analysis is None:
            return _json({"error": "no analysed article with that id"}, 404)
        return _json(analysis.to_dict())

    return Starlette(
        routes=[
            Route("/", index),
            Route("/api/quotes", quotes),
            Route("/api/events", events),
            Route("/api/entities", entities),
            Route("/api/timeline", timeline),
            Route("/api/network", network),
            Route("/api/article/{id}", article),
        ]
    )


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, on_ready: Callable[[str], None] | None = None) -> None:
    """Run the UI until interrupted.

    The store is opened and the port taken before anything is announced, so a
    missing database or a busy port is a one-line error; `on_ready` then gets
    the address the UI is served at.
    """
    import uvicorn

    Store(db, read_only=True).close()
    listener = listen(host, port)
    if on_ready is not None:
        on_ready(f"http://{host}:{listener.getsockname()[1]}")
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
    server.run(sockets=[listener])


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (0: any free port), or a UsageError saying why not."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except (OSError, OverflowError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise UsageError(f"cannot listen on {host}:{port}: {reason}") from None
