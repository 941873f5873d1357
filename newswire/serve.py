"""`newswire serve`: a small web UI over a corpus store.

The pages are one static file (`web/index.html`, no build step); the data
comes from JSON endpoints that call the same functions as `newswire query`
(`newswire.query`), on a read-only connection opened per request, so an
ingest can run between requests. Every row links to its article, shown with
the evidence of each quote, event and entity highlighted at its offsets.

    GET /api/quotes?speaker=&limit=                 who said what
    GET /api/events?actor=&from=&to=&type=&limit=   who did what to whom
    GET /api/entities?top=&type=                    the most mentioned entities
    GET /api/timeline?entity=&limit=                an entity through time
    GET /api/network?from=&to=&limit=               coded actor pairs and their events
    GET /api/article/{id}                           one analysis record (newswire/analysis@1)

`limit` and `top` take 1 to 10,000 (MAX_LIMIT; by default 500 rows, 50
entities). Every parameter is checked: an unknown, repeated, blank,
non-UTF-8 or out-of-range one is a 400 with {"error": "..."}; an empty one
(`speaker=`, as a form sends it) counts as not given. docs/serve.md
documents the endpoints, their parameters and errors.
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from . import query
from .errors import NewswireError, UsageError
from .read import require_date
from .store import Store

# Rows per answer unless the page asks for fewer: enough for a month of a
# publisher's output on one screen, few enough to render at once.
DEFAULT_LIMIT = 500
DEFAULT_TOP = 50
# The most rows one answer may hold (`limit`, `top`): a browser table of
# 10,000 rows is already slow, and a larger one is a mistake or an attack.
MAX_LIMIT = 10_000
_ARTICLE_ID = re.compile("[0-9a-f]{16}")


@cache
def _page() -> str:
    return resources.files("newswire").joinpath("web", "index.html").read_text(encoding="utf-8")


def _json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json")


def _shown(value: str, limit: int = 40) -> str:
    """A parameter's value for an error message: quoted, escaped, cut short."""
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _count(value: str, name: str) -> int:
    digits = value.lstrip("0")
    if not (value.isascii() and value.isdigit()):
        raise UsageError(f"{name}={_shown(value)} is not a number of rows; give 1 to {MAX_LIMIT:,}")
    if len(digits) > len(str(MAX_LIMIT)) or not 1 <= int(digits or "0") <= MAX_LIMIT:
        raise UsageError(f"{name}={_shown(value)} is out of range; give 1 to {MAX_LIMIT:,}")
    return int(digits)


# Each endpoint's parameters: name -> (the query function's keyword, check(value, name), default).
_LIMIT = ("limit", _count, DEFAULT_LIMIT)
_FROM, _TO = ("start", require_date, None), ("end", require_date, None)
_PARAMS: dict[str, dict[str, tuple[str, Callable[[str, str], Any], Any]]] = {
    "quotes": {"speaker": ("speaker", query.require_text, None), "limit": _LIMIT},
    "events": {"actor": ("actor", query.require_actor, None), "from": _FROM, "to": _TO, "type": ("type", query.require_text, None), "limit": _LIMIT},
    "entities": {"type": ("type", query.require_text, None), "top": ("top", _count, DEFAULT_TOP)},
    "timeline": {"entity": ("entity", query.require_text, None), "limit": _LIMIT},
    "network": {"from": _FROM, "to": _TO, "limit": _LIMIT},
    "article": {},
}


def _params(request: Request, endpoint: str) -> dict[str, Any]:
    """The endpoint's checked parameters as the query function's keywords, or a UsageError (a 400)."""
    spec = _PARAMS[endpoint]
    try:
        # as bytes (one latin-1 character each), so that UTF-8 can be checked strictly
        pairs = parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True, encoding="latin-1", max_num_fields=2 * len(spec) + 2)
    except ValueError:
        raise UsageError(f"too many parameters; /api/{endpoint} takes {', '.join(spec) or 'none'}") from None
    given: dict[str, str] = {}
    for raw_name, raw_value in pairs:
        try:
            name, value = raw_name.encode("latin-1").decode("utf-8"), raw_value.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError("the query string holds bytes that are not UTF-8 after %-decoding; encode text as UTF-8") from None
        if name not in spec:
            raise UsageError(f"unknown parameter {_shown(name)}; /api/{endpoint} takes {', '.join(spec) or 'none'}")
        if name in given:
            raise UsageError(f"{name} is given twice; give it once")
        given[name] = value
    options = {}
    for name, (keyword, check, default) in spec.items():
        value = given.get(name, "")
        # an empty field is a field left empty (a form sends speaker=): not given
        options[keyword] = check(value, name) if value != "" else default
    return options


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
        return ask("quotes", **_params(request, "quotes"))

    def events(request: Request) -> Response:
        return ask("events", **_params(request, "events"))

    def entities(request: Request) -> Response:
        return ask("entities", **_params(request, "entities"))

    def timeline(request: Request) -> Response:
        options = _params(request, "timeline")
        if options["entity"] is None:
            return _json({"error": "give an entity name: /api/timeline?entity=John+Kerry"}, 400)
        return ask("timeline", **options)

    def network(request: Request) -> Response:
        return ask("network", **_params(request, "network"))

    def article(request: Request) -> Response:
        _params(request, "article")
        article_id = request.path_params["id"]
        if not _ARTICLE_ID.fullmatch(article_id):
            return _json({"error": f"{_shown(article_id)} is not an article id; an id is 16 hex digits (0-9, a-f)"}, 400)
        try:
            with Store(db, read_only=True) as store:
                analysis = store.load_analysis(article_id)
        except NewswireError as err:
            return _json({"error": str(err)}, 400)
        if analysis is None:
            return _json({"error": "no analysed article with that id"}, 404)
        return _json(analysis.to_dict())

    def refused(request: Request, err: Exception) -> Response:
        return _json({"error": str(err)}, 400)

    def http_error(request: Request, err: Exception) -> Response:
        assert isinstance(err, HTTPException)
        message = f"nothing at {request.url.path}; the endpoints are in docs/serve.md" if err.status_code == 404 else err.detail
        return _json({"error": message}, err.status_code)

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/api/quotes", quotes),
            Route("/api/events", events),
            Route("/api/entities", entities),
            Route("/api/timeline", timeline),
            Route("/api/network", network),
            Route("/api/article/{id}", article),
        ],
        exception_handlers={NewswireError: refused, HTTPException: http_error},
    )
    return app


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
