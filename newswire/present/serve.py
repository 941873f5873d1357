"""`newswire serve`: a small web UI over a corpus store.

The page is three static files (`web/index.html`, `web/app.js`,
`web/style.css`: no build step, no inline script or style); the data comes
from JSON endpoints that call the same functions as `newswire query`
(`newswire.corpus.query`), on a read-only connection opened per request, so an
ingest can run between requests. Every row links to its article, shown with
the evidence of each quote, event and entity highlighted at its offsets.

    GET /api/quotes?speaker=&limit=&offset=&sort=                      who said what
    GET /api/events?actor=&source=&target=&from=&to=&type=&modality=&min-confidence=&place=&country=&limit=&offset=&sort=   who did what to whom
    GET /api/places?actor=&from=&to=&type=&modality=&min-confidence=&country=&limit=&offset=&sort=   where events happened (the map)
    GET /api/entities?top=&type=&offset=&sort=                         the most mentioned entities
    GET /api/timeline?entity=|id=&limit=&offset=&sort=                  an entity (by name, or one corpus entity) through time
    GET /api/network?from=&to=&min-confidence=&limit=&offset=&sort=     coded actor pairs and their events
    GET /api/articles?q=&from=&to=&limit=&offset=&sort=                articles holding a text
    GET /api/overview?top=                                             the corpus at a glance (the landing page)
    GET /api/entity?name=&id=&top=                                     everything about one entity (its page)
    GET /api/corpus_entities?name=&top=                                who a name may be: its corpus entities
    GET /api/facets/{question}?...                                     a table's answer counted by type, modality, outlet, actor, and over time
    GET /api/article/{id}                                              one analysis record (newswire/analysis@1)
    GET /api/copies/{id}                                               the article's stored copies (syndicated, near-duplicate)
    GET /api/export/{question}?format=csv|jsonl|parquet&...             a question's whole answer as a file

Each question's endpoint answers one page of its rows: {"rows": [...],
"total": rows in the whole answer, "offset", "limit", "sort", "params": the
filters applied, as checked}. Its parameters are its question's, declared
once with the options of `newswire query` (`query.QUESTIONS`), then `offset`
(rows to skip) and `sort` (a column, "-" first for descending; by default
newest first where rows have a date, `DEFAULT_SORT`). `limit` and `top` take
1 to 10,000 (MAX_LIMIT; by default 500 rows, 50 entities); events are the
asserted ones unless `modality` says otherwise, and `actor` takes a country's
name for its code ("Russia": RUS). Every parameter is
checked: an unknown, repeated, blank, non-UTF-8 or out-of-range one is a
400 with {"error": "..."}; an empty one (`speaker=`, as a form sends it)
counts as not given. Requests must name a
host the server answers to (`create_app`), and every response carries
`SECURITY_HEADERS`. docs/serve.md documents all of it, and how to put the UI
behind a reverse proxy with authentication.
"""

from __future__ import annotations

import ipaddress
import json
import re
import socket
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..corpus import query
from ..errors import NewswireError, UsageError, internal_error
from ..corpus.store import Store

# Rows per answer unless the page asks for fewer (declared with the questions:
# `Param.served_default`): enough for a month of a publisher's output on one
# screen, few enough to render at once.
DEFAULT_LIMIT = next(p.served_default for q in query.QUESTIONS.values() for p in q.params if p.name == "limit")
DEFAULT_TOP = next(p.served_default for q in query.QUESTIONS.values() for p in q.params if p.name == "top")
# The most rows one answer may hold (`limit`, `top`): a browser table of
# 10,000 rows is already slow, and a larger one is a mistake or an attack.
MAX_LIMIT = 10_000
# The most rows a page may skip (`offset`): far beyond any corpus.
MAX_OFFSET = 1_000_000_000
# On every response, errors and static files included. The page loads its
# script and style from files (no inline code), talks only to this server, and
# may not be framed (clickjacking) or sniffed into another type.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# Names a local browser uses for this machine, accepted whatever --host is.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# Addresses that bind every interface: the server has no one name then.
_WILDCARDS = ("0.0.0.0", "::")
# The static files of the page and their types.
_FILES = {
    "index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8", "style.css": "text/css; charset=utf-8",
    # the map (web/map.js) and its world outline (Natural Earth 110m, scripts/build_world.py): served, never fetched
    "map.js": "text/javascript; charset=utf-8", "world.json": "application/json",
}
_ARTICLE_ID = re.compile("[0-9a-f]{16}")


@cache
def _file(name: str) -> bytes:
    return resources.files("newswire.present").joinpath("web", name).read_bytes()


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


def _offset(value: str, name: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise UsageError(f"{name}={_shown(value)} is not a number of rows to skip; give 0 or more")
    if len(value.lstrip("0")) > len(str(MAX_OFFSET)) or int(value) > MAX_OFFSET:
        raise UsageError(f"{name}={_shown(value)} is out of range; give 0 to {MAX_OFFSET:,}")
    return int(value)


def _sort(value: str, name: str) -> str:
    if not re.fullmatch("-?[a-z_]{1,40}", value):
        raise UsageError(f"{name}={_shown(value)} is not a column; give a column's name, with a leading - for descending (-published)")
    return value


# The checks of this server, where they differ from the question's: a count against MAX_LIMIT.
_SERVED_CHECKS: dict[str, Callable[[str, str], Any]] = {"count": _count, "number": _count}
# What the page may ask of every question besides its own parameters: where the page starts and the order of its rows.
PAGING = {"offset": ("offset", _offset, 0), "sort": ("sort", _sort, None)}
# The order of a page when none is asked: newest first where the rows have a date, else the question's own.
DEFAULT_SORT = {"quotes": "-published", "articles": "-published", "events": "-date", "timeline": "-date"}

# Each endpoint's parameters, from its question's: name -> (the question's keyword, check(value, name), default),
# then the paging ones.
_PARAMS: dict[str, dict[str, tuple[str, Callable[[str, str], Any], Any]]] = {
    **{
        q.name: {
            **{p.name: (p.keyword, _SERVED_CHECKS.get(p.kind, p.check), p.served_default) for p in q.params},
            **{**PAGING, "sort": ("sort", _sort, DEFAULT_SORT.get(q.name))},
        }
        for q in query.QUESTIONS.values()
    },
    "article": {},
    "copies": {},
}
# The views that are not one question's table: several small answers in one reply (`query.overview`, `query.entity`).
_VIEW_TOP = ("top", _count, 10)
_PARAMS["overview"] = {"top": _VIEW_TOP}
_PARAMS["entity"] = {"name": ("name", query.require_text, None), "id": ("id", query.require_corpus_id, None), "top": ("top", _count, 20)}
# who a name may be: the corpus entities it names, to choose one from
_PARAMS["corpus_entities"] = {"name": ("name", query.require_text, None), "top": ("top", _count, 20)}

# Export: the whole answer of the table on screen (up to MAX_EXPORT rows, in its order) as a file, written by
# `newswire query --out`'s writers (present.output.write_rows).
EXPORT_FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8", "parquet": "application/vnd.apache.parquet"}
MAX_EXPORT = 1_000_000


def _export_format(value: str, name: str) -> str:
    if value not in EXPORT_FORMATS:
        raise UsageError(f"{name}={_shown(value)} is not an export format; give one of {', '.join(EXPORT_FORMATS)}")
    return value


_EXPORT_PARAMS: dict[str, dict[str, tuple[str, Callable[[str, str], Any], Any]]] = {
    name: {
        **{k: v for k, v in spec.items() if k not in ("offset", *(p.name for p in query.QUESTIONS[name].params if p.kind == "count"))},
        "format": ("format", _export_format, "csv"),
    }
    for name, spec in _PARAMS.items()
    if name in query.QUESTIONS
}


# Facets: the filters of the table on screen, and how many values of each facet.
_FACET_PARAMS: dict[str, dict[str, tuple[str, Callable[[str, str], Any], Any]]] = {
    name: {**{k: v for k, v in spec.items() if k != "sort"}, "top": ("top", _count, 20)}
    for name, spec in _EXPORT_PARAMS.items() if name in query.FACETS
}
for _name, _spec in _FACET_PARAMS.items():
    del _spec["format"]


def _params(request: Request, endpoint: str, spec: dict[str, tuple[str, Callable[[str, str], Any], Any]] | None = None) -> dict[str, Any]:
    """The endpoint's checked parameters as the query function's keywords, or a UsageError (a 400)."""
    spec = _PARAMS[endpoint] if spec is None else spec
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


def create_app(db: str, *, host: str = "127.0.0.1", allow_hosts: tuple[str, ...] | list[str] = ()) -> ASGIApp:
    """The web app for the store at `db` (opened read-only for each request).

    It answers only requests whose Host header names `host` (the address the
    server is bound to), a loopback name (LOOPBACK_HOSTS) or one of
    `allow_hosts`, with or without a port; on a wildcard address (0.0.0.0,
    ::) any IP address too, which no DNS name can rebind. Anything else gets a
    400, so a page on another site that resolves its own name to this machine
    (DNS rebinding) cannot read the corpus.
    """
    hosts = {_host_key(name) for name in LOOPBACK_HOSTS}
    hosts |= {_host_key(require_host_name(name, "--allow-host")) for name in allow_hosts}
    wildcard = _host_key(host) in _WILDCARDS
    if not wildcard:
        hosts.add(_host_key(host))

    def ask(question: query.Question, options: dict[str, Any]) -> Response:
        count = next(p.keyword for p in question.params if p.kind == "count")
        asked = {k: v for k, v in options.items() if v not in (None, "")}
        limit = asked.pop(count)
        try:
            with Store(db, read_only=True) as store:
                answer = query.page(store, question.name, limit=limit, **asked)
        except NewswireError as err:
            return _json({"error": str(err)}, 400)
        params = {p.name: options[p.keyword] for p in question.params if p.kind != "count" and options[p.keyword] is not None}
        return _json({"rows": answer.rows.dicts(), "total": answer.total, "offset": answer.offset, "limit": answer.limit,
                      "sort": answer.sort, "params": params})

    def page(name: str) -> Callable[[Request], Response]:
        return lambda request: Response(_file(name), media_type=_FILES[name])

    def answer(question: query.Question) -> Callable[[Request], Response]:
        def endpoint(request: Request) -> Response:
            options = _params(request, question.name)
            for param in question.params:
                if param.required and options[param.keyword] is None:
                    example = urlencode({param.name: param.example})
                    return _json({"error": f"give {param.missing}: /api/{question.name}?{example}"}, 400)
            return ask(question, options)

        return endpoint

    def export(request: Request) -> Response:
        name = request.path_params["question"]
        if name not in _EXPORT_PARAMS:
            return _json({"error": f"no table {_shown(name)} to export; export one of {', '.join(_EXPORT_PARAMS)}"}, 404)
        question = query.QUESTIONS[name]
        options = _params(request, f"export/{name}", _EXPORT_PARAMS[name])
        for param in question.params:
            if param.required and options[param.keyword] is None:
                return _json({"error": f"give {param.missing}: /api/export/{name}?{urlencode({param.name: param.example})}"}, 400)
        fmt = options.pop("format")
        asked = {k: v for k, v in options.items() if v not in (None, "")}
        try:
            with Store(db, read_only=True) as store:
                rows = query.page(store, name, limit=MAX_EXPORT, **asked).rows
        except NewswireError as err:
            return _json({"error": str(err)}, 400)
        from .output import write_rows

        with tempfile.TemporaryDirectory(prefix="newswire-export-") as folder:
            path = Path(folder) / f"{name}.{fmt}"
            write_rows(rows, format=fmt, out=path)
            body = path.read_bytes()
        headers = {"Content-Disposition": f'attachment; filename="newswire-{name}.{fmt}"'}
        return Response(body, media_type=EXPORT_FORMATS[fmt], headers=headers)

    def by_id(name: str, answer: Callable[[Store, str], Any]) -> Callable[[Request], Response]:
        """An endpoint of one article, `/api/{name}/{id}`: `answer(store, id)`, JSON; None is a 404."""

        def endpoint(request: Request) -> Response:
            _params(request, name)
            article_id = request.path_params["id"]
            if not _ARTICLE_ID.fullmatch(article_id):
                return _json({"error": f"{_shown(article_id)} is not an article id; an id is 16 hex digits (0-9, a-f)"}, 400)
            try:
                with Store(db, read_only=True) as store:
                    answered = answer(store, article_id)
            except NewswireError as err:
                return _json({"error": str(err)}, 400)
            if answered is None:
                return _json({"error": "no analysed article with that id"}, 404)
            if isinstance(answered, Response):
                return answered
            return _json(answered)

        return endpoint

    def analysis(store: Store, article_id: str) -> dict[str, Any] | Response | None:
        loaded = store.load_analysis(article_id)
        if loaded is not None:
            return loaded.to_dict()
        # a copy that was not analysed (a linked duplicate): its canonical article's analysis, whose `id` is the
        # canonical's, and the header Content-Location names it
        canonical = query.canonical_of(store, article_id)
        loaded = store.load_analysis(canonical) if canonical else None
        if loaded is None:
            return None
        response = _json(loaded.to_dict())
        response.headers["Content-Location"] = f"/api/article/{canonical}"
        return response

    def copies(store: Store, article_id: str) -> dict[str, Any] | None:
        if not store.statuses([article_id]):  # no article of that id: a 404, as /api/article
            return None
        rows = query.copies(store, article_id)
        canonical = query.canonical_of(store, article_id)
        # the article whose analysis /api/article answers (a copy's canonical), with what it took from its copies;
        # and for a copy, its own metadata
        # a copy whose canonical failed analysis has no analysis to show (/api/article is a 404): why it failed, and
        # the copy's own text, so that its page shows what is known
        failed = query.failure_of(store, canonical) if canonical else None
        return {"id": article_id, "canonical": canonical, "rows": rows, "total": len(rows),
                "article": query.stored_article(store, canonical or article_id),
                "copy": query.stored_article(store, article_id) if canonical else None,
                "canonical_failed": failed, "text": store.article_text(article_id) if failed else None}

    def view(name: str, required: str | None = None, answer: Callable[..., Any] | None = None) -> Callable[[Request], Response]:
        def endpoint(request: Request) -> Response:
            options = _params(request, name)
            if required and options[required] is None and options.get("id") is None:
                return _json({"error": f"give {required}: /api/{name}?{required}=John+Kerry"}, 400)
            with Store(db, read_only=True) as store:
                return _json((answer or getattr(query, name))(store, **options))

        return endpoint

    def choices(store: Store, *, name: str, top: int) -> dict[str, Any]:
        return {"name": name, "choices": query.corpus_entities_named(store, name=name, top=top)}

    def facets(request: Request) -> Response:
        name = request.path_params["question"]
        if name not in _FACET_PARAMS:
            return _json({"error": f"no facets for {_shown(name)}; ask for those of {', '.join(_FACET_PARAMS)}"}, 404)
        options = _params(request, f"facets/{name}", _FACET_PARAMS[name])
        asked = {k: v for k, v in options.items() if v not in (None, "")}
        with Store(db, read_only=True) as store:
            answer = {"facets": query.facets(store, name, **asked)}
            if name in query.TRENDS:  # and over time, by its main key (events: type; quotes: speaker)
                answer["trend"] = query.trend(store, name, **{k: v for k, v in asked.items() if k != "top"})
            return _json(answer)

    def refused(request: Request, err: Exception) -> Response:
        return _json({"error": str(err)}, 400)

    def http_error(request: Request, err: Exception) -> Response:
        assert isinstance(err, HTTPException)
        message = f"nothing at {request.url.path}; the endpoints are in docs/serve.md" if err.status_code == 404 else err.detail
        return _json({"error": message}, err.status_code)

    def crashed(request: Request, err: Exception) -> Response:
        return _json({"error": f"{internal_error(err)}; see the server's log"}, 500)

    app = Starlette(
        routes=[
            Route("/", page("index.html")),
            Route("/app.js", page("app.js")),
            Route("/style.css", page("style.css")),
            Route("/map.js", page("map.js")),
            Route("/world.json", page("world.json")),
            *(Route(f"/api/{name}", answer(question)) for name, question in query.QUESTIONS.items()),
            Route("/api/overview", view("overview")),
            Route("/api/entity", view("entity", "name")),
            Route("/api/corpus_entities", view("corpus_entities", "name", choices)),
            Route("/api/article/{id}", by_id("article", analysis)),
            Route("/api/copies/{id}", by_id("copies", copies)),
            Route("/api/export/{question}", export),
            Route("/api/facets/{question}", facets),
        ],
        exception_handlers={NewswireError: refused, HTTPException: http_error, Exception: crashed},
    )
    # outside Starlette's own error handling, so that its 500s get the headers too
    return _Guard(app, hosts, any_ip=wildcard)


class _Guard:
    """ASGI middleware: a request for a host not served gets a 400; every response gets SECURITY_HEADERS."""

    def __init__(self, app: ASGIApp, hosts: set[str], *, any_ip: bool):
        self.app, self.hosts, self.any_ip = app, hosts, any_ip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        refusal = self.refusal(Headers(scope=scope).getlist("host"))
        if refusal is not None:
            await _json({"error": refusal}, 400)(scope, receive, secured)
            return
        await self.app(scope, receive, secured)

    def refusal(self, values: list[str]) -> str | None:
        """Why a request with these Host headers is not answered (None: it is)."""
        if len(values) != 1:
            return "a request needs exactly one Host header"
        key = _request_host(values[0])
        if key is None:
            return f"the Host header {_shown(values[0])} is not a host name with an optional port"
        if key in self.hosts or (self.any_ip and _is_ip(key)):
            return None
        return f"this server does not answer to the host {_shown(values[0])}; start it with --allow-host NAME to serve a name of your own (docs/serve.md)"


_HOST_HEADER = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[^:\[\]]+)(?::[0-9]{1,5})?")


def _request_host(value: str) -> str | None:
    """A Host header's host as `_host_key` gives it (port dropped), or None if it is malformed."""
    match = _HOST_HEADER.fullmatch(value)
    if match is None:
        return None
    name = match[1]
    if name.startswith("["):
        if not _is_ip(name[1:-1]):
            return None
        name = name[1:-1]
    return _host_key(name)


def _host_key(name: str) -> str:
    """A host name in one spelling: lower case, an IP address in its compressed form, without brackets."""
    name = name.strip().lower().removeprefix("[").removesuffix("]")
    try:
        return ipaddress.ip_address(name).compressed
    except ValueError:
        return name


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


_HOST_NAME = re.compile(r"[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?")


def require_host_name(value: str, what: str) -> str:
    """A host name or IP address (IPv6 with or without brackets), or a one-line `UsageError` naming `what`."""
    name = value.strip().lower()
    if _is_ip(name.removeprefix("[").removesuffix("]")) or (_HOST_NAME.fullmatch(name) and ".." not in name):
        return name
    raise UsageError(f"{what} {_shown(value)} is not a host name or IP address; give one like news.example.org or 192.0.2.7, without a port (any port is accepted)")


def is_loopback(host: str) -> bool:
    """Whether `host` names only this machine's loopback addresses (so the UI is not served to the network)."""
    try:
        infos = socket.getaddrinfo(host.removeprefix("[").removesuffix("]"), None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0].split("%")[0]).is_loopback for info in infos)


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    on_ready: Callable[[str], None] | None = None,
    allow_hosts: tuple[str, ...] | list[str] = (),
) -> None:
    """Run the UI until interrupted.

    The store is opened and the port taken before anything is announced, so a
    missing database or a busy port is a one-line error; `on_ready` then gets
    the address the UI is served at. `allow_hosts`: see `create_app`.
    """
    import uvicorn

    app = create_app(db, host=host, allow_hosts=allow_hosts)
    Store(db, read_only=True).close()
    listener = listen(host, port)
    if on_ready is not None:
        shown = f"[{host}]" if ":" in host else host  # an IPv6 address in a URL is bracketed
        on_ready(f"http://{shown}:{listener.getsockname()[1]}")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[listener])


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (0: any free port), or a UsageError saying why not."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port} is not a port; give 1 to 65535 (0: any free port)")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except (OSError, OverflowError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise UsageError(f"cannot listen on {host}:{port}: {reason}") from None
