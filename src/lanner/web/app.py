"""The analyst's desk: server-rendered pages over the store, each with JSON and CSV twins (GeoJSON for maps).

Every page is data first: a handler reads the store into a plain dict, and the same dict is rendered as
HTML (Jinja2, autoescaped), JSON, CSV or GeoJSON depending on the path's suffix, so the page and its
twins cannot disagree. Bad requests become one JSON error envelope (or an error page) with a 4xx status.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
import secrets
import threading
from collections.abc import Callable
from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from lanner import __version__
from lanner.errors import Code, LannerError, RequestError
from lanner.events import PLOVER_TYPES
from lanner.records import FACTUALITIES
from lanner.store import read
from lanner.web import params as P
from lanner.web.basemap import country_outlines
from lanner.web.render import (
    EVENT_CSV_COLUMNS,
    events_geojson,
    highlight,
    map_geojson,
    mark_terms,
    safe_url,
    to_csv,
)

STATUS: dict[Code, int] = {
    Code.UNKNOWN_PARAMETER: 400,
    Code.BAD_PARAMETER: 400,
    Code.LIMIT_EXCEEDED: 400,
    Code.PAGE_PAST_END: 404,
    Code.RECORD_NOT_FOUND: 404,
    Code.WRITES_DISABLED: 403,
    Code.BAD_TOKEN: 401,
    Code.CROSS_SITE: 403,
}
TWIN_SUFFIXES = (".json", ".csv", ".geojson")
MAX_UPLOAD_BYTES = 5_000_000
# One colour per PLOVER type, for map points, timeline bars and legends.
TYPE_COLOURS: dict[str, str] = dict(
    zip(
        PLOVER_TYPES,
        (
            "#d62728",
            "#1f77b4",
            "#2ca02c",
            "#ff7f0e",
            "#9467bd",
            "#8c564b",
            "#e377c2",
            "#7f7f7f",
            "#bcbd22",
            "#17becf",
            "#393b79",
            "#637939",
            "#8c6d31",
            "#843c39",
            "#7b4173",
            "#3182bd",
            "#e6550d",
            "#31a354",
            "#756bb1",
            "#636363",
        ),
        strict=False,
    )
)
STABILITY_NOTE = (
    "The JSON and CSV twins and the REST API are versioned with Lanner. Within a minor version, fields and "
    "parameters are only added, never renamed or removed, and error codes keep their meaning; a change that "
    "breaks a client is named in CHANGELOG.md. Columns not listed in these docs may change. Clients should "
    "ignore fields they do not know and match errors on error.code, not on the message."
)


@dataclasses.dataclass(frozen=True)
class WebSettings:
    """How the app serves: optional tile URL, and whether (with which token) it accepts articles."""

    tiles: str | None = None  # e.g. https://tile.example.org/{z}/{x}/{y}.png; None: country outlines only
    tiles_attribution: str = ""
    allow_writes: bool = False
    token: str | None = None  # required for writes; `serve` makes one up when none is given
    max_chars: int = 1_000_000


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _split_name(name: str) -> tuple[str, str]:
    """`abc.json` → (`abc`, `json`); a name without a twin suffix is the HTML page."""
    for suffix in TWIN_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)], suffix[1:]
    return name, "html"


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(TWIN_SUFFIXES) or path.startswith("/api/") or request.method != "GET"


def error_envelope(status: int, code: str, message: str, parameter: str | None = None) -> dict[str, Any]:
    """The one shape every error response has."""
    return {"ok": False, "error": {"status": status, "code": code, "message": message, "parameter": parameter}}


def _templates() -> Jinja2Templates:
    folder = str(resources.files("lanner.web") / "templates")
    environment = Environment(
        loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True, default_for_string=True)
    )
    templates = Jinja2Templates(env=environment)
    environment.globals.update(
        colours=TYPE_COLOURS, plover_types=PLOVER_TYPES, factualities=FACTUALITIES, version=__version__
    )
    environment.filters["safe_url"] = safe_url
    return templates


def _csp(settings: WebSettings) -> str:
    images = "'self' data:"
    if settings.tiles:
        parts = urlsplit(settings.tiles.replace("{s}", "a"))
        origin = f"{parts.scheme}://{parts.netloc}".replace("://a.", "://*.")
        images += f" {origin}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; "
        f"form-action 'self'; frame-ancestors 'none'; img-src {images}"
    )


def create_app(
    store: read.Connectable,
    settings: WebSettings | None = None,
    *,
    pipeline_factory: Callable[[], Any] | None = None,
) -> FastAPI:
    """The web app over an open store. `pipeline_factory` builds the pipeline for submitted articles (writes only)."""
    settings = settings or WebSettings()
    app = FastAPI(
        title="Lanner",
        version=__version__,
        description="Event data read from news, with the sentence each event came from. " + STABILITY_NOTE,
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; /api is served from the package instead
        redoc_url=None,
    )
    templates = _templates()
    app.mount("/static", StaticFiles(directory=str(resources.files("lanner.web") / "static")), name="static")
    csp = _csp(settings)
    pipeline_lock = threading.Lock()
    state: dict[str, Any] = {}

    def add_twins(
        path: str, view: Callable[[Request, str], Response], formats: tuple[str, ...], openapi: dict[str, Any]
    ) -> None:
        """One GET route per format of a page: `/events` (html), `/events.json`, `/events.csv`, ..."""
        for fmt in formats:
            suffix = "" if fmt == "html" else f".{fmt}"

            def handler(request: Request, fmt: str = fmt) -> Response:
                return view(request, fmt)

            app.add_api_route(
                f"{path}{suffix}",
                handler,
                methods=["GET"],
                name=f"{path.lstrip('/')}{suffix}",
                openapi_extra=openapi,
                response_model=None,
            )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    def fail(request: Request, status: int, code: str, message: str, parameter: str | None = None) -> Response:
        if _wants_json(request):
            return JSONResponse(error_envelope(status, code, message, parameter), status_code=status)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "code": code, "message": message, "parameter": parameter, "settings": settings},
            status_code=status,
        )

    @app.exception_handler(RequestError)
    async def request_error(request: Request, error: RequestError) -> Response:
        return fail(request, STATUS.get(error.code, 400), error.code.value, error.message, error.origin)

    @app.exception_handler(LannerError)
    async def lanner_error(request: Request, error: LannerError) -> Response:
        return fail(request, 400, error.code.value, error.message, error.origin)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = Code.RECORD_NOT_FOUND if error.status_code == 404 else Code.BAD_PARAMETER
        message = "no such page" if error.status_code == 404 else str(error.detail)
        return fail(request, error.status_code, code.value, message)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, error: Exception) -> Response:
        return fail(request, 500, Code.SERVER_FAILED.value, "the server failed on this request; please report it")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        return fail(request, 400, Code.BAD_PARAMETER.value, "the request is malformed")

    def query(request: Request, *groups: tuple[P.Param, ...]) -> P.Query:
        return P.Query(request.query_params.multi_items(), [p for group in groups for p in group])

    def twin_links(request: Request, formats: tuple[str, ...]) -> dict[str, str]:
        path = request.url.path.rstrip("/") or "/map"
        if path == "/":
            path = "/map"
        qs = ("?" + request.url.query) if request.url.query else ""
        return {fmt: f"{path}.{fmt}{qs}" for fmt in formats}

    def page(
        request: Request, fmt: str, template: str, data: dict[str, Any], formats: tuple[str, ...], **extra: Any
    ) -> Response:
        if fmt == "json":
            return JSONResponse({"ok": True, **_jsonable(data)})
        if fmt not in ("html", *formats):
            raise RequestError(Code.RECORD_NOT_FOUND, f"this page has no .{fmt} twin; it has {', '.join(formats)}")
        context = {
            "data": data,
            "settings": settings,
            "twins": twin_links(request, formats),
            "request_query": request.url.query,
            **extra,
        }
        return templates.TemplateResponse(request, template, context)

    def csv_response(text: str, name: str) -> Response:
        return Response(
            text,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'inline; filename="{name}.csv"'},
        )

    def paged_links(request: Request, paging: P.Paging, total: int, capped: bool) -> dict[str, str | None]:
        items = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]

        def at(offset: int) -> str:
            return request.url.path + "?" + urlencode([*items, ("offset", str(offset))])

        more = capped or paging.offset + paging.limit < total
        return {
            "next": at(paging.offset + paging.limit) if more and paging.offset + paging.limit <= P.MAX_OFFSET else None,
            "previous": at(max(0, paging.offset - paging.limit)) if paging.offset else None,
        }

    def check_page(paging: P.Paging, total: int, capped: bool, rows: int) -> None:
        if paging.offset and (rows == 0 or (paging.offset >= total and not capped)):
            raise RequestError(
                Code.PAGE_PAST_END, f"offset {paging.offset} is past the end: {total} rows match", origin="offset"
            )

    # -- map ----------------------------------------------------------------------------------------
    map_openapi = {"parameters": P.openapi_parameters((*P.FILTER_PARAMS, *P.MAP_PARAMS))}

    def map_view(request: Request, fmt: str) -> Response:
        q = query(request, P.FILTER_PARAMS, P.MAP_PARAMS)
        f = P.event_filter(q)
        zoom = q.integer("zoom", 2, 0, 18)
        if fmt == "html":
            return page(request, fmt, "map.html", {"filters": P.filter_state(q)}, ("geojson", "json", "csv"))
        data = read.map_data(store, f, zoom=zoom)
        meta = {"mode": data.mode, "zoom": data.zoom, "cell_degrees": data.cell_degrees, "total": data.total}
        if fmt == "geojson":
            return JSONResponse(map_geojson(data.features, meta), media_type="application/geo+json")
        if fmt == "csv":
            rows = [{**f, "types": json.dumps(f.get("types", {}))} for f in data.features]
            columns = ("kind", "id", "type", "lat", "lon", "count", "types", "place_name", "date", "evidence")
            return csv_response(to_csv(rows, columns), "map")
        return JSONResponse({"ok": True, **meta, "features": _jsonable(data.features)})

    for path, fmt in (
        ("/", "html"),
        ("/map", "html"),
        ("/map.json", "json"),
        ("/map.csv", "csv"),
        ("/map.geojson", "geojson"),
    ):

        def handler(request: Request, fmt: str = fmt) -> Response:
            return map_view(request, fmt)

        app.add_api_route(
            path,
            handler,
            methods=["GET"],
            name=f"map{path}",
            openapi_extra=map_openapi,
            include_in_schema=fmt != "html" or path == "/map",
            response_model=None,
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/basemap.geojson", include_in_schema=False)
    def basemap() -> Response:
        if "basemap" not in state:
            state["basemap"] = json.dumps(country_outlines(), separators=(",", ":"))
        return Response(state["basemap"], media_type="application/geo+json", headers={"Cache-Control": "max-age=86400"})

    # -- event list ---------------------------------------------------------------------------------
    list_openapi = {"parameters": P.openapi_parameters((*P.FILTER_PARAMS, *P.PAGE_PARAMS))}

    def events_view(request: Request, fmt: str) -> Response:
        q = query(request, P.FILTER_PARAMS, P.PAGE_PARAMS)
        f = P.event_filter(q)
        paging = P.paging(q)
        result = read.list_events(
            store, f, limit=paging.limit, offset=paging.offset, sort=paging.sort, count_cap=P.COUNT_CAP
        )
        check_page(paging, result.total, result.total_is_capped, len(result.rows))
        if fmt == "csv":
            return csv_response(to_csv(result.rows, EVENT_CSV_COLUMNS), "events")
        if fmt == "geojson":
            return JSONResponse(_jsonable(events_geojson(result.rows)), media_type="application/geo+json")
        data = {
            "filters": P.filter_state(q),
            "total": result.total,
            "total_is_capped": result.total_is_capped,
            "limit": paging.limit,
            "offset": paging.offset,
            "sort": paging.sort,
            **paged_links(request, paging, result.total, result.total_is_capped),
            "rows": result.rows,
        }
        return page(request, fmt, "events.html", data, ("json", "csv", "geojson"))

    add_twins("/events", events_view, ("html", "json", "csv", "geojson"), list_openapi)

    # -- one event, one article -----------------------------------------------------------------------
    @app.get("/events/{name}", response_model=None)
    def event_view(request: Request, name: str) -> Response:
        """One event (`ID`, `ID.json`, `ID.csv`, `ID.geojson`)."""
        query(request)
        event_id, fmt = _split_name(name)
        event = read.get_event(store, event_id)
        if event is None:
            raise RequestError(Code.RECORD_NOT_FOUND, f"no event {event_id!r}", origin="id")
        if fmt == "csv":
            return csv_response(to_csv([event], EVENT_CSV_COLUMNS), f"event-{event_id[:12]}")
        if fmt == "geojson":
            return JSONResponse(_jsonable(events_geojson([event])), media_type="application/geo+json")
        document = read.get_document(store, event["document_id"]) if fmt == "html" else None
        extra: dict[str, Any] = {}
        if document is not None:
            spans = [(event["evidence_start"], event["evidence_end"], "evidence")]
            spans.append((event["trigger_start"], event["trigger_end"], "trigger"))
            for mention in document["mentions"]:
                if mention["start"] >= event["evidence_start"] and mention["end"] <= event["evidence_end"]:
                    spans.append((mention["start"], mention["end"], mention["kind"]))
            extra = {"article_html": highlight(document["text"], spans), "document": document}
        return page(request, fmt, "event.html", {"event": event}, ("json", "csv", "geojson"), **extra)

    @app.get("/documents/{name}", response_model=None)
    def document_view(request: Request, name: str) -> Response:
        """One article (`ID`, `ID.json`, `ID.csv` with its mentions)."""
        query(request)
        document_id, fmt = _split_name(name)
        document = read.get_document(store, document_id)
        if document is None:
            raise RequestError(Code.RECORD_NOT_FOUND, f"no article {document_id!r}", origin="id")
        if fmt == "csv":
            columns = (
                "kind",
                "start",
                "end",
                "text",
                "actor_id",
                "actor_name",
                "place_name",
                "country",
                "lat",
                "lon",
                "date_start",
                "date_end",
                "date_precision",
            )
            return csv_response(to_csv(document["mentions"], columns), f"article-{document_id[:12]}")
        spans = [(m["start"], m["end"], m["kind"]) for m in document["mentions"]]
        spans += [(e["evidence_start"], e["evidence_end"], "evidence") for e in document["events"]]
        extra = {"article_html": highlight(document["text"], spans)}
        return page(request, fmt, "document.html", {"document": document}, ("json", "csv"), **extra)

    # -- timeline -----------------------------------------------------------------------------------
    timeline_openapi = {"parameters": P.openapi_parameters((*P.FILTER_PARAMS, *P.TIMELINE_PARAMS))}

    def timeline_view(request: Request, fmt: str) -> Response:
        q = query(request, P.FILTER_PARAMS, P.TIMELINE_PARAMS)
        f = P.event_filter(q)
        weeks = q.integer("weeks", 52, 1, 520, limit_code=True)
        result = read.timeline(store, f, weeks=weeks)
        if fmt == "csv":
            rows = [
                {
                    "week": w.week.isoformat(),
                    "type": t,
                    "events": w.counts[t],
                    "change_vs_previous_4_weeks_pct": w.change[t],
                }
                for w in result.weeks
                for t in result.types
            ]
            return csv_response(to_csv(rows, ("week", "type", "events", "change_vs_previous_4_weeks_pct")), "timeline")
        data = {"filters": P.filter_state(q), "types": result.types, "weeks": result.weeks}
        return page(request, fmt, "timeline.html", data, ("json", "csv"), chart=_timeline_chart(result))

    add_twins("/timeline", timeline_view, ("html", "json", "csv"), timeline_openapi)

    # -- actor network --------------------------------------------------------------------------------
    network_openapi = {"parameters": P.openapi_parameters((*P.FILTER_PARAMS, *P.NETWORK_PARAMS))}

    def network_view(request: Request, fmt: str) -> Response:
        q = query(request, P.FILTER_PARAMS, P.NETWORK_PARAMS)
        f = P.event_filter(q)
        result = read.actor_network(store, f, limit=q.integer("edges", 150, 1, 500, limit_code=True))
        if fmt == "csv":
            return csv_response(to_csv(result.edges, ("source", "target", "events")), "network")
        data = {"filters": P.filter_state(q), "nodes": result.nodes, "edges": result.edges}
        return page(request, fmt, "network.html", data, ("json", "csv"), graph=_network_graph(result))

    add_twins("/network", network_view, ("html", "json", "csv"), network_openapi)

    # -- search ---------------------------------------------------------------------------------------
    search_openapi = {"parameters": P.openapi_parameters((*P.SEARCH_PARAMS, *P.FILTER_PARAMS, *P.PAGE_PARAMS))}

    def search_view(request: Request, fmt: str) -> Response:
        q = query(request, P.SEARCH_PARAMS, P.FILTER_PARAMS, P.PAGE_PARAMS)
        text_query = q.one("q") or ""
        if "factuality" not in q.values:
            q.values["factuality"] = ["all"]
        f = P.event_filter(q)
        paging = P.paging(q)
        result = read.search(store, text_query, f, limit=paging.limit, offset=paging.offset)
        check_page(paging, result.total_events, False, len(result.events))
        if fmt == "csv":
            return csv_response(to_csv(result.events, EVENT_CSV_COLUMNS), "search")
        terms = read.search_terms(text_query)
        data = {
            "q": text_query,
            "terms": terms,
            "total_events": result.total_events,
            "limit": paging.limit,
            "offset": paging.offset,
            **paged_links(request, paging, result.total_events, False),
            "events": result.events,
            "documents": result.documents,
        }
        return page(request, fmt, "search.html", data, ("json", "csv"), mark=lambda s: mark_terms(s, terms))

    add_twins("/search", search_view, ("html", "json", "csv"), search_openapi)

    # -- docs -----------------------------------------------------------------------------------------
    @app.get("/api", include_in_schema=False)
    def api_docs(request: Request) -> Response:
        groups = {
            "Event filters (map, events, timeline, network, search)": P.FILTER_PARAMS,
            "Paging (events, search)": P.PAGE_PARAMS,
            "Map": P.MAP_PARAMS,
            "Timeline": P.TIMELINE_PARAMS,
            "Network": P.NETWORK_PARAMS,
            "Search": P.SEARCH_PARAMS,
        }
        context = {
            "groups": groups,
            "stability": STABILITY_NOTE,
            "codes": STATUS,
            "settings": settings,
            "twins": {},
            "limits": {"limit": P.MAX_LIMIT, "offset": P.MAX_OFFSET, "count": P.COUNT_CAP},
        }
        return templates.TemplateResponse(request, "api.html", context)

    # -- writing (off unless --allow-writes) ------------------------------------------------------------
    def check_write(request: Request, token: str | None, *, check_token: bool = True) -> None:
        if not settings.allow_writes:
            raise RequestError(Code.WRITES_DISABLED, "this server is read-only; start it with --allow-writes")
        site = request.headers.get("sec-fetch-site")
        origin = request.headers.get("origin")
        host = request.headers.get("host", "")
        if (site and site not in ("same-origin", "none")) or (origin and urlsplit(origin).netloc != host):
            raise RequestError(Code.CROSS_SITE, "cross-site requests may not write")
        if not check_token:
            return
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else (token or "")
        if not settings.token or not hmac.compare_digest(given.encode(), settings.token.encode()):
            raise RequestError(Code.BAD_TOKEN, "a valid token is needed to submit articles")

    @app.get("/submit", include_in_schema=False)
    def submit_form(request: Request) -> Response:
        if not settings.allow_writes:
            raise RequestError(Code.WRITES_DISABLED, "this server is read-only; start it with --allow-writes")
        return templates.TemplateResponse(request, "submit.html", {"settings": settings, "twins": {}})

    @app.post("/documents", response_model=None)
    async def submit(request: Request) -> Response:
        """Submit an article (form fields text or file, title, url, published, source, token) to be processed."""
        length = int(request.headers.get("content-length") or 0)
        if length > MAX_UPLOAD_BYTES:
            raise RequestError(Code.LIMIT_EXCEEDED, f"the request is over {MAX_UPLOAD_BYTES} bytes")
        check_write(
            request, None, check_token=False
        )  # headers first: refuse cross-site and disabled writes before reading the body
        form = await request.form()
        token = form.get("token")
        check_write(request, token if isinstance(token, str) else None)
        created = await _process_submission(form)
        if "text/html" in request.headers.get("accept", ""):  # the submit form: go and read the article
            return RedirectResponse(f"/documents/{created['document']}", status_code=303)
        return JSONResponse(created, status_code=201)

    async def _process_submission(form: Any) -> dict[str, Any]:
        from starlette.concurrency import run_in_threadpool

        from lanner.records import Article

        upload = form.get("file")
        text_value = form.get("text") or ""
        if upload is not None and not isinstance(upload, str):
            raw = await upload.read(MAX_UPLOAD_BYTES + 1)
            try:
                text_value = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise RequestError(Code.BAD_PARAMETER, "the file is not UTF-8 text", origin="file") from None
        text_value = str(text_value).strip()
        if not text_value:
            raise RequestError(Code.BAD_PARAMETER, "give the article as text or as a file", origin="text")
        if len(text_value) > settings.max_chars:
            raise RequestError(
                Code.LIMIT_EXCEEDED, f"the article is over {settings.max_chars} characters", origin="text"
            )
        published_raw = str(form.get("published") or "").strip()
        try:
            published = date.fromisoformat(published_raw) if published_raw else None
        except ValueError:
            raise RequestError(Code.BAD_PARAMETER, "published must be YYYY-MM-DD", origin="published") from None
        article = Article(
            text=text_value,
            title=str(form.get("title") or "").strip() or None,
            url=str(form.get("url") or "").strip() or None,
            source=str(form.get("source") or "").strip() or None,
            published=published,
            origin="web submission",
        )

        def work() -> int:
            with pipeline_lock:
                if "pipeline" not in state:
                    if pipeline_factory is None:
                        raise RequestError(Code.WRITES_DISABLED, "no pipeline is configured for writes")
                    state["pipeline"] = pipeline_factory()
                analysis = state["pipeline"](article)
            return store.write(analysis)  # type: ignore[attr-defined]

        events = await run_in_threadpool(work)
        return {"ok": True, "document": article.id, "events": events, "url": f"/documents/{article.id}"}

    return app


def new_token() -> str:
    """A random token for writes, when the user gave none."""
    return secrets.token_urlsafe(24)


def _timeline_chart(result: read.Timeline) -> dict[str, Any]:
    """Stacked weekly bars laid out for an SVG drawn by the template (no script needed)."""
    width, height, left, bottom = 900, 260, 40, 30
    weeks = result.weeks
    peak = max((sum(w.counts.values()) for w in weeks), default=0) or 1
    step = (width - left) / max(1, len(weeks))
    bars = []
    for i, week in enumerate(weeks):
        y = height - bottom
        for type_ in result.types:
            n = week.counts[type_]
            if not n:
                continue
            h = n / peak * (height - bottom - 10)
            y -= h
            bars.append(
                {
                    "x": round(left + i * step, 2),
                    "y": round(y, 2),
                    "w": round(max(1.0, step - 1), 2),
                    "h": round(h, 2),
                    "type": type_,
                    "n": n,
                    "week": week.week.isoformat(),
                }
            )
    labels = [
        {"x": round(left + i * step, 2), "text": w.week.isoformat()}
        for i, w in enumerate(weeks)
        if i % max(1, len(weeks) // 8) == 0
    ]
    return {"width": width, "height": height, "bars": bars, "labels": labels, "peak": peak, "base": height - bottom}


def _network_graph(result: read.Network) -> dict[str, Any]:
    """Nodes on a circle (strongest first) and straight edges, laid out for an SVG drawn by the template."""
    import math

    size, radius = 640, 250
    centre = size / 2
    positions = {}
    nodes = []
    count = max(1, len(result.nodes))
    peak_node = max((n["events"] for n in result.nodes), default=1) or 1
    for i, node in enumerate(result.nodes):
        angle = 2 * math.pi * i / count - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        positions[node["actor_id"]] = (x, y)
        nodes.append(
            {
                **node,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(4 + 10 * math.sqrt(node["events"] / peak_node), 1),
                "anchor": "start" if math.cos(angle) >= 0 else "end",
                "lx": round(centre + (radius + 16) * math.cos(angle), 1),
                "ly": round(centre + (radius + 16) * math.sin(angle), 1),
            }
        )
    peak = max((e["events"] for e in result.edges), default=1) or 1
    edges = []
    for edge in result.edges:
        if edge["source"] in positions and edge["target"] in positions:
            (x1, y1), (x2, y2) = positions[edge["source"]], positions[edge["target"]]
            edges.append(
                {
                    **edge,
                    "x1": round(x1, 1),
                    "y1": round(y1, 1),
                    "x2": round(x2, 1),
                    "y2": round(y2, 1),
                    "width": round(0.5 + 5 * edge["events"] / peak, 2),
                }
            )
    return {"size": size, "nodes": nodes, "edges": edges}
