"""The dossier app: web pages and a JSON API over one dossier file.

    create_app("dossier.db", token=None) -> FastAPI      (`lagebild serve --db dossier.db`)

Pages: Overview, Figures, Timeline, Map, Entities, Articles (with the annotated
text), Search, Add articles. Each page has its JSON behind it under /api/ (see
/docs for the OpenAPI schema); lists take limit/offset.

Reading goes through `queries` (SQL filtered and paginated in SQLite); adding
articles goes through the same build as `lagebild build` (store.build), for the
new articles only, then the cross-article steps. Write endpoints are disabled
unless a token is given; they then require it (header `Authorization: Bearer T`
or form field `token`).

Safety: every piece of article data reaches a page through Jinja2 autoescaping
or, in our scripts, through textContent; links are only made for http(s) URLs.
The Content-Security-Policy allows scripts, styles and data from this server
only: no CDN, no inline script, no network beyond 127.0.0.1.
"""

import csv
import io
import json
import logging
import re
import secrets
import sqlite3
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..model import BACKGROUND_STATUSES
from ..report.charts import Point, figure_chart, fmt_date, fmt_number
from ..report.render import NO_SOURCE, QUALIFIER_DE, STATUS_DE, anchor, safe_url
from ..store.sqlite import Store, StoreError
from . import annotate, queries
from .catalog import Catalog
from .schemas import (
    AddResult,
    ArticleDetail,
    EntityDetail,
    GroupOut,
    Overview,
    Page,
    SearchHit,
    Timeline,
)

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
STATUSES = list(STATUS_DE)
GroupSort = Literal["status", "figures", "label", "best", "latest"]
MAX_UPLOAD = 5 * 1024 * 1024  # bytes per file
MAX_FILES = 50
UPLOAD_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml"}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


# --- templates ---------------------------------------------------------------------------------------


def _href(path: str, **params: Any) -> str:
    """A local URL with the non-empty query parameters."""
    q = {k: v for k, v in params.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(q) if q else "")


def environment() -> Environment:
    """Our templates first, then the report's (for its macros); the report's filters and globals."""
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("lagebild.web", "templates"), PackageLoader("lagebild.report", "templates")]
        ),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        num=fmt_number,
        date=fmt_date,
        safe_url=safe_url,
        article_url=lambda i: "/articles/" + quote(i, safe=""),
        entity_url=lambda i: "/entities/" + quote(i, safe=""),
    )
    env.globals.update(QUALIFIER_DE=QUALIFIER_DE, STATUS_DE=STATUS_DE, NO_SOURCE=NO_SOURCE, href=_href, anchor=anchor)
    return env


# --- the app -----------------------------------------------------------------------------------------


class Dossier:
    """The dossier file: one read connection per thread, one writer at a time, a cache of derived views."""

    def __init__(self, path: str | Path, token: str | None):
        self.path = Path(path)
        self.token = token
        if not self.path.exists() and token:  # a writable app may start from an empty dossier
            Store(self.path, create=True).close()
        Store(self.path).close()  # fails now, with a clear StoreError, if it is not a dossier
        self.local = threading.local()
        self.write_lock = threading.Lock()
        self.cache: OrderedDict[tuple, Any] = OrderedDict()
        self.cache_lock = threading.Lock()
        self._nlp = None
        self._catalog: Catalog | None = None
        self.catalog_lock = threading.Lock()

    def store(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.path)
        return store

    def db(self) -> sqlite3.Connection:
        return self.store().db

    def catalog(self) -> Catalog:
        """The in-memory index of light columns (catalog.py), reloaded after a build changed the dossier."""
        v = queries.version(self.db())
        cat = self._catalog
        if cat is None or cat.version != v:
            with self.catalog_lock:  # one thread loads, the others wait for it
                cat = self._catalog
                if cat is None or cat.version != v:
                    cat = self._catalog = Catalog.load(self.db(), v)
        return cat

    def cached(self, name: str, fn: Callable[[], Any], *key: Any) -> Any:
        """fn() cached until the next build changes the dossier (views are derived from its tables only)."""
        k = (queries.version(self.db()), name, key)
        with self.cache_lock:
            if k in self.cache:
                self.cache.move_to_end(k)
                return self.cache[k]
        value = fn()
        with self.cache_lock:
            self.cache[k] = value
            while len(self.cache) > 256:
                self.cache.popitem(last=False)
        return value

    def prewarm(self) -> None:
        """Load the index and the default orders in the background, so no visitor waits for them."""

        def run() -> None:
            try:
                cat = self.catalog()
                cat.group_page(queries.FigureFilter(), "status", 1, 0)
                cat.article_page(None, None, "published", 1, 0)
            except Exception:  # noqa: BLE001 - a request will load it again and report the problem
                log.exception("prewarming the dossier index failed")
            finally:
                store = getattr(self.local, "store", None)
                if store is not None:
                    store.close()

        threading.Thread(target=run, name="lagebild-prewarm", daemon=True).start()

    def nlp(self) -> Any:
        """The analysis pipeline, loaded once: a build would otherwise load it for every upload."""
        if self._nlp is None:
            from ..nlp import load

            self._nlp = load()
        return self._nlp


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The web app over the dossier at db_path; token enables (and then guards) adding articles."""
    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    dossier = Dossier(db_path, token)
    env = environment()
    app = FastAPI(
        title="lagebild dossier",
        description="The situation picture of one dossier: figures by source, events, entities, articles. "
        "Lists take `limit` and `offset` and answer `{total, limit, offset, items}`.",
        version=_version(),
    )
    app.state.dossier = dossier
    dossier.prewarm()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return JSONResponse({"detail": str(exc)}, status_code=503)

    def db() -> sqlite3.Connection:
        return dossier.db()

    DB = Annotated[sqlite3.Connection, Depends(db)]
    CAT = Annotated[Catalog, Depends(lambda: dossier.catalog())]
    LIMIT = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="page size")]
    OFFSET = Annotated[int, Query(ge=0, description="rows to skip")]

    def page(request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        title = dossier.cached("title", lambda: dossier.store().meta().get("title") or "Lagebild")
        html = env.get_template(template).render(
            request=request,
            nav=NAV,
            path=request.url.path,
            dossier_title=title,
            writable=dossier.token is not None,
            query=request.query_params,
            **ctx,
        )
        return HTMLResponse(html, status_code=status_code)

    def figure_filter(
        measure: str | None = None,
        source: str | None = None,
        outlet: str | None = None,
        date_from: Annotated[str | None, Query(alias="from", description="ISO date, inclusive")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="ISO date prefix, inclusive")] = None,
        status: str | None = None,
        q: str | None = None,
    ) -> queries.FigureFilter:
        for name, v in (("from", date_from), ("to", date_to)):
            if v and not re.match(r"\d{4}(-\d{2}(-\d{2})?)?$", v):
                raise HTTPException(422, f"parameter {name!r} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if status and status not in STATUSES:
            raise HTTPException(422, f"status must be one of {', '.join(STATUSES)}")
        return queries.FigureFilter(
            measure or None,
            source or None,
            outlet or None,
            date_from or None,
            date_to or None,
            status or None,
            q or None,
        )

    FILTER = Annotated[queries.FigureFilter, Depends(figure_filter)]

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/assets/report.css", include_in_schema=False)
    def report_css():
        """The static report's stylesheet: the app looks like the report it extends."""
        src = (Path(__file__).resolve().parent.parent / "report" / "templates" / "report.css").read_text("utf-8")
        return Response(src, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    # Views shared by the JSON API and the HTML pages: computed once per dossier version.
    def cached_overview(con: sqlite3.Connection, cat: Catalog, groups: int, events: int) -> dict:
        return dossier.cached("overview", lambda: _overview(con, cat, groups, events), groups, events)

    def cached_groups(con: sqlite3.Connection, cat: Catalog, f: queries.FigureFilter, sort: str, limit: int, offset: int):
        return dossier.cached("groups", lambda: queries.groups(con, cat, f, sort=sort, limit=limit, offset=offset),
                              tuple(sorted(f.active().items())), sort, limit, offset)

    def cached_map(con: sqlite3.Connection, cat: Catalog, limit: int) -> dict:
        return dossier.cached("map", lambda: _geojson(con, cat, limit), limit)

    def cached_entities(con: sqlite3.Connection, cat: Catalog, q: str | None, type: str | None, sort: str,
                        limit: int, offset: int):
        return dossier.cached(
            "entities", lambda: queries.entities(con, cat, q=q, type=type, sort=sort, limit=limit, offset=offset),
            q, type, sort, limit, offset)

    # ------------------------------------------------------------------ API

    @app.get("/api/overview", response_model=Overview, tags=["overview"])
    def api_overview(con: DB, cat: CAT, groups: int = Query(8, ge=0, le=100), events: int = Query(8, ge=0, le=100)):
        """Articles, outlets, date span; quantity groups with disagreements first; latest events."""
        return JSONBytes(
            dossier.cached("overview.json", lambda: dumps(cached_overview(con, cat, groups, events)), groups, events)
        )

    @app.get("/api/groups", response_model=Page[GroupOut], tags=["figures"])
    def api_groups(con: DB, cat: CAT, f: FILTER, sort: GroupSort = "status", limit: LIMIT = 20, offset: OFFSET = 0):
        """Quantity groups with low/best/high and their figures (only those passing the filter)."""
        total, items = cached_groups(con, cat, f, sort, limit, offset)
        return page_json(total, limit, offset, items)

    @app.get("/api/groups/{group_id:path}/chart.svg", tags=["figures"], response_class=Response)
    def api_group_chart(con: DB, group_id: str):
        """The group's figures by source and time as SVG (the report's chart)."""
        g = queries.group(con, group_id)
        if g is None:
            raise HTTPException(404, f"no group {group_id!r}")
        return Response(str(_chart(g)), media_type="image/svg+xml")

    @app.get("/api/groups/{group_id:path}", response_model=GroupOut, tags=["figures"])
    def api_group(con: DB, group_id: str):
        g = queries.group(con, group_id)
        if g is None:
            raise HTTPException(404, f"no group {group_id!r}")
        return JSONBytes(dumps(g))

    @app.get("/api/figures", response_model=Page[dict[str, Any]], tags=["figures"])
    def api_figures(con: DB, cat: CAT, f: FILTER, grouped: bool | None = None, limit: LIMIT = 100, offset: OFFSET = 0):
        """Every figure (claim) passing the filter, with source, date, outlet, group and sentence."""
        total, items = queries.figures(con, cat, f, grouped=grouped, limit=limit, offset=offset)
        return page_json(total, limit, offset, items)

    @app.get("/api/figures.csv", tags=["figures"], response_class=StreamingResponse)
    def api_figures_csv(con: DB, cat: CAT, f: FILTER, grouped: bool | None = None):
        """The figures of the current view (same filters as the Figures page) as CSV, all pages."""
        return StreamingResponse(
            _csv(con, cat, f, grouped),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="zahlen.csv"'},
        )

    @app.get("/api/events", response_model=Page[dict[str, Any]], tags=["events"])
    def api_events(
        con: DB,
        cat: CAT,
        q: str | None = None,
        type: str | None = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        article: str | None = None,
        located: bool | None = None,
        sort: Literal["time", "latest", "position"] = "time",
        limit: LIMIT = 50,
        offset: OFFSET = 0,
    ):
        """Merged events (who did what to whom, where, when) with evidence and figures."""
        total, items = queries.events(
            con,
            cat,
            q=q,
            type=type,
            date_from=date_from,
            date_to=date_to,
            article=article,
            located=located,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return page_json(total, limit, offset, items)

    @app.get("/api/timeline", response_model=Timeline, tags=["events"])
    def api_timeline(con: DB, cat: CAT, limit: int = Query(2000, ge=1, le=10000), offset: OFFSET = 0):
        """Dated events (with the first and last day each covers) and articles per day."""

        def make():
            total, evs = queries.events(con, cat, sort="time", limit=queries.MAX_LIMIT, offset=offset)
            items = list(evs)
            while len(items) < min(limit, total - offset) and len(evs) == queries.MAX_LIMIT:
                evs = queries.events(con, cat, sort="time", limit=queries.MAX_LIMIT, offset=offset + len(items))[1]
                items += evs
            items = items[:limit]
            for e in items:  # the timeline shows a few pieces of evidence; the event's page has all
                e["evidence"], e["articles"] = e["evidence"][:3], e["articles"][:8]
            return {
                "total": total,
                "limit": limit,
                "offset": offset,
                "events": [e for e in items if e["start"] and e["status"] not in BACKGROUND_STATUSES],
                "undated": [e for e in items if not e["start"] and e["status"] not in BACKGROUND_STATUSES],
                "articles_per_day": queries.articles_per_day(cat),
            }

        return JSONBytes(dossier.cached("timeline.json", lambda: dumps(make()), limit, offset))

    @app.get("/api/map", tags=["events"])
    def api_map(con: DB, cat: CAT, limit: int = Query(2000, ge=1, le=10000)):
        """GeoJSON (lon, lat) of located events (kind=event) and places mentioned (kind=place)."""
        return JSONBytes(dossier.cached("map.json", lambda: dumps(cached_map(con, cat, limit)), limit))

    @app.get("/api/entities", response_model=Page[dict[str, Any]], tags=["entities"])
    def api_entities(
        con: DB,
        cat: CAT,
        q: str | None = None,
        type: str | None = None,
        sort: Literal["mentions", "name"] = "mentions",
        limit: LIMIT = 50,
        offset: OFFSET = 0,
    ):
        """Actors and places with how often and in how many articles they are mentioned."""
        total, items = cached_entities(con, cat, q, type, sort, limit, offset)
        return page_json(total, limit, offset, items)

    @app.get("/api/entities/{entity_id:path}", response_model=EntityDetail, tags=["entities"])
    def api_entity(con: DB, cat: CAT, entity_id: str, limit: LIMIT = 50, offset: OFFSET = 0):
        """One entity: its mentions in their sentences (paginated), co-occurring entities, its events."""
        e = queries.entity(con, cat, entity_id, limit=limit, offset=offset)
        if e is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return JSONBytes(dumps(e))

    @app.get("/api/articles", response_model=Page[dict[str, Any]], tags=["articles"])
    def api_articles(
        con: DB,
        cat: CAT,
        q: str | None = None,
        outlet: str | None = None,
        sort: Literal["published", "oldest", "outlet", "id"] = "published",
        limit: LIMIT = 50,
        offset: OFFSET = 0,
    ):
        """Articles without their texts (q: substring of title or id)."""
        total, items = queries.articles(con, cat, q=q, outlet=outlet, sort=sort, limit=limit, offset=offset)
        return page_json(total, limit, offset, items)

    @app.get("/api/articles/{article_id:path}", response_model=ArticleDetail, tags=["articles"])
    def api_article(con: DB, cat: CAT, article_id: str):
        """One article: cleaned text, sentences, figures, time expressions, mentions, events."""
        a = queries.article(con, cat, article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return JSONBytes(dumps(a))

    @app.get("/api/search", response_model=Page[SearchHit], tags=["articles"])
    def api_search(q: str = Query(..., min_length=1), limit: LIMIT = 20, offset: OFFSET = 0):
        """Full-text search (FTS5 syntax allowed) over sentences and articles, BM25-ranked."""
        hits = _search(q, limit, offset)
        return page_json(len(hits) + offset, limit, offset, hits)

    def check_token(authorization: str | None, form_token: str | None) -> None:
        if dossier.token is None:
            raise HTTPException(
                403, "adding articles is disabled: start the app with `lagebild serve --db FILE --token T`"
            )
        given = None
        if authorization and authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        given = given or (form_token or "").strip() or None
        if given is None or not secrets.compare_digest(given.encode(), dossier.token.encode()):
            raise HTTPException(
                401,
                "a valid token is required: header `Authorization: Bearer T` or form field `token`",
                headers={"WWW-Authenticate": "Bearer"},
            )

    UploadForm = dict[str, Any]

    def upload_form(
        files: Annotated[list[UploadFile] | None, File(description="article files")] = None,
        text: Annotated[str | None, Form(description="pasted article text")] = None,
        title: Annotated[str | None, Form()] = None,
        outlet: Annotated[str | None, Form()] = None,
        url: Annotated[str | None, Form()] = None,
        published: Annotated[str | None, Form(description="YYYY-MM-DD")] = None,
        id: Annotated[str | None, Form(description="article id (default: from the text)")] = None,
        token: Annotated[str | None, Form()] = None,
        authorization: Annotated[str | None, Header()] = None,
    ) -> UploadForm:
        check_token(authorization, token)
        return {
            "files": [f for f in files or [] if f.filename],
            "text": text,
            "title": title,
            "outlet": outlet,
            "url": url,
            "published": published,
            "id": id,
        }

    @app.post(
        "/api/articles",
        response_model=AddResult,
        tags=["articles"],
        responses={
            401: {"description": "token missing or wrong"},
            403: {"description": "write endpoints disabled (no --token)"},
        },
    )
    def api_add(form: Annotated[UploadForm, Depends(upload_form)]):
        """Add articles (files and/or pasted text) to the dossier through the regular build."""
        result = _add(form)
        return JSONResponse(result, status_code=200 if result["ok"] else 422)

    # ------------------------------------------------------------------ pages

    NAV = [
        ("/", "Überblick"),
        ("/figures", "Zahlen"),
        ("/timeline", "Zeitleiste"),
        ("/map", "Karte"),
        ("/entities", "Akteure und Orte"),
        ("/articles", "Artikel"),
        ("/add", "Artikel hinzufügen"),
    ]

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, con: DB, cat: CAT):
        ov = cached_overview(con, cat, 8, 8)
        return page(request, "overview.html.j2", ov=ov)

    @app.get("/figures", response_class=HTMLResponse, include_in_schema=False)
    def figures_page(
        request: Request,
        con: DB,
        cat: CAT,
        f: FILTER,
        sort: str = "status",
        limit: int = Query(20, ge=1, le=100),
        offset: OFFSET = 0,
    ):
        sort = sort if sort in queries.GROUP_SORTS else "status"
        total, groups = cached_groups(con, cat, f, sort, limit, offset)
        groups = [dict(g, chart=_chart(g)) for g in groups]     # the cached rows are shared with the API
        params = {
            "measure": f.measure,
            "source": f.source,
            "outlet": f.outlet,
            "from": f.date_from,
            "to": f.date_to,
            "status": f.status,
            "q": f.q,
        }
        ungrouped = len(cat.match_figures(f, grouped=False)) if not (f.measure or f.status) else 0
        return page(
            request,
            "figures.html.j2",
            groups=groups,
            total=total,
            limit=limit,
            offset=offset,
            sort=sort,
            params=params,
            sorts=list(queries.GROUP_SORTS),
            statuses=STATUSES,
            measures=cat.measure_kinds(),
            outlets=cat.outlets(),
            csv_url=_href("/api/figures.csv", **params),
            ungrouped=ungrouped,
        )

    @app.get("/figures/ungrouped", response_class=HTMLResponse, include_in_schema=False)
    def ungrouped_page(
        request: Request, con: DB, cat: CAT, f: FILTER, limit: int = Query(100, ge=1, le=500), offset: OFFSET = 0
    ):
        total, figs = queries.figures(con, cat, f, grouped=False, limit=limit, offset=offset)
        return page(request, "ungrouped.html.j2", figures=figs, total=total, limit=limit, offset=offset)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, con: DB, cat: CAT, limit: int = Query(50, ge=1, le=500), offset: OFFSET = 0):
        total, evs = queries.events(con, cat, sort="time", limit=limit, offset=offset)
        return page(request, "timeline.html.j2", events=evs, total=total, limit=limit, offset=offset)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, con: DB, cat: CAT):
        gj = cached_map(con, cat, 2000)
        kinds = [f["properties"]["kind"] for f in gj["features"]]
        return page(request, "map.html.j2", n_events=kinds.count("event"), n_places=kinds.count("place"))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(
        request: Request,
        con: DB,
        cat: CAT,
        q: str | None = None,
        type: str | None = None,
        sort: str = "mentions",
        limit: int = Query(50, ge=1, le=500),
        offset: OFFSET = 0,
    ):
        total, items = cached_entities(con, cat, q, type, sort, limit, offset)
        return page(
            request,
            "entities.html.j2",
            entities=items,
            total=total,
            limit=limit,
            offset=offset,
            types=cat.entity_types(),
            params={"q": q, "type": type, "sort": sort},
        )

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(
        request: Request, con: DB, cat: CAT, entity_id: str, limit: int = Query(50, ge=1, le=500), offset: OFFSET = 0
    ):
        e = queries.entity(con, cat, entity_id, limit=limit, offset=offset)
        if e is None:
            return page(request, "error.html.j2", status_code=404, message=f"Keine Entität {entity_id!r}.")
        return page(request, "entity.html.j2", e=e, limit=limit, offset=offset)

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(
        request: Request,
        con: DB,
        cat: CAT,
        q: str | None = None,
        outlet: str | None = None,
        sort: str = "published",
        limit: int = Query(50, ge=1, le=500),
        offset: OFFSET = 0,
    ):
        total, items = queries.articles(con, cat, q=q, outlet=outlet, sort=sort, limit=limit, offset=offset)
        return page(
            request,
            "articles.html.j2",
            articles=items,
            total=total,
            limit=limit,
            offset=offset,
            outlets=cat.outlets(),
            params={"q": q, "outlet": outlet, "sort": sort},
        )

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, con: DB, cat: CAT, article_id: str):
        a = queries.article(con, cat, article_id)
        if a is None:
            return page(request, "error.html.j2", status_code=404, message=f"Kein Artikel {article_id!r}.")
        spans, data = annotate.annotations(a)
        segs = annotate.segments(a["text"], a["sentences"], spans)
        return page(request, "article.html.j2", a=a, segments=segs, ann=data)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", limit: int = Query(50, ge=1, le=500), offset: OFFSET = 0):
        hits = _search(q, limit, offset) if q.strip() else []
        return page(request, "search.html.j2", hits=hits, q=q, limit=limit, offset=offset)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page(request: Request):
        return page(request, "add.html.j2", result=None, error=None)

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_post(
        request: Request,
        files: Annotated[list[UploadFile] | None, File()] = None,
        text: Annotated[str | None, Form()] = None,
        title: Annotated[str | None, Form()] = None,
        outlet: Annotated[str | None, Form()] = None,
        url: Annotated[str | None, Form()] = None,
        published: Annotated[str | None, Form()] = None,
        id: Annotated[str | None, Form()] = None,
        token: Annotated[str | None, Form()] = None,
        authorization: Annotated[str | None, Header()] = None,
    ):
        try:
            check_token(authorization, token)
            result = _add(
                {
                    "files": [f for f in files or [] if f.filename],
                    "text": text,
                    "title": title,
                    "outlet": outlet,
                    "url": url,
                    "published": published,
                    "id": id,
                }
            )
        except HTTPException as e:
            return page(request, "add.html.j2", status_code=e.status_code, result=None, error=e.detail)
        return page(request, "add.html.j2", status_code=200 if result["ok"] else 422, result=result, error=None)

    # ------------------------------------------------------------------ helpers

    def _search(q: str, limit: int, offset: int) -> list[dict[str, Any]]:
        # FTS with BM25 ranks every match: remembered per dossier version, as the views are
        hits = dossier.cached("search", lambda: dossier.store().search(q, limit=limit + offset), q, limit + offset)
        hits = [dict(h) for h in hits[offset:]]
        for h in hits:
            h["sentence_anchor"] = (
                anchor("s", f"{h['article']}\x00{h['sentence']}") if h["sentence"] is not None else None
            )
        return hits

    def _add(form: dict[str, Any]) -> dict[str, Any]:
        from ..model import ArticleError
        from ..pipeline import read_articles
        from ..store.build import build_articles

        files: list[UploadFile] = form["files"]
        text = (form.get("text") or "").strip()
        if not files and not text:
            raise HTTPException(400, "nothing to add: upload files or paste a text")
        if len(files) > MAX_FILES:
            raise HTTPException(413, f"at most {MAX_FILES} files at once")
        articles, errors = [], []
        with tempfile.TemporaryDirectory(prefix="lagebild-upload-") as tmp:
            names: dict[str, str] = {}
            for i, up in enumerate(files):
                name = Path(up.filename or f"upload-{i}.txt").name
                name = re.sub(r"[^\w.\-]+", "_", name).lstrip(".") or f"upload-{i}.txt"
                if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
                    errors.append(
                        ArticleError(
                            up.filename or name,
                            "unsupported file type (use .txt, .md, .html, .json or .jsonl)",
                            skipped="this file",
                        )
                    )
                    continue
                data = up.file.read(MAX_UPLOAD + 1)
                if len(data) > MAX_UPLOAD:
                    errors.append(
                        ArticleError(name, f"file larger than {MAX_UPLOAD // 1024 // 1024} MB", skipped="this file")
                    )
                    continue
                target = Path(tmp) / name
                if target.exists():
                    errors.append(
                        ArticleError(name, "a file of this name is already in this upload", skipped="this copy")
                    )
                    continue
                target.write_bytes(data)
                names[str(target)] = name
            if names:
                read, errs = read_articles([Path(p) for p in names])
                for a in read:  # the temporary path means nothing later: say where it came from
                    a.source_path = "upload:" + names.get(a.source_path or "", a.source_path or a.id)
                articles += read
                errors += errs
        if text:
            try:
                articles.append(_pasted(form, text))
            except ArticleError as e:
                errors.append(e)
        if not articles:
            return {
                "ok": False,
                "build": None,
                "new": [],
                "replaced": [],
                "unchanged": [],
                "errors": [e.to_dict() for e in errors],
                "articles": [],
                "summary": "nothing could be read",
            }
        with dossier.write_lock:
            summary = build_articles(
                articles,
                dossier.path,
                errors=errors,
                inputs=[a.source_path or a.id for a in articles],
                nlp=dossier.nlp(),
            )
        dossier.cache.clear()
        dossier.prewarm()
        from rich.text import Text

        done = summary.new + summary.replaced + summary.reanalysed
        return {
            "ok": bool(done or summary.unchanged_ids),
            "build": summary.build_id,
            "new": summary.new,
            "replaced": summary.replaced + summary.reanalysed,
            "unchanged": summary.unchanged_ids,
            "errors": [e.to_dict() for e in summary.errors],
            "articles": [{"id": i, "url": "/articles/" + quote(i, safe="")} for i in done + summary.unchanged_ids],
            "summary": Text.from_markup(summary.describe()).plain,
        }

    return app


class JSONBytes(Response):
    """JSON serialised once (and cacheable as bytes): FastAPI's per-item validation and encoding
    cost more than the query behind a page. The response models still document the API."""

    media_type = "application/json"


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def page_json(total: int, limit: int, offset: int, items: list) -> JSONBytes:
    return JSONBytes(dumps({"total": total, "limit": limit, "offset": offset, "items": items}))


def _version() -> str:
    from .. import __version__

    return __version__


def _pasted(form: dict[str, Any], text: str):
    """A pasted text through the same reader as a JSON record (cleaning, title, date, language)."""
    import hashlib

    from ..ingest.readers import from_record

    aid = (form.get("id") or "").strip() or "paste-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    rec = {
        "id": aid,
        "text": text,
        "title": form.get("title") or None,
        "outlet": form.get("outlet") or None,
        "url": form.get("url") or None,
        "published": form.get("published") or None,
    }
    a = from_record(rec, aid, "pasted text")
    a.source_path = "upload:pasted text"
    a.content_hash = "sha256:" + hashlib.sha256(repr(sorted(rec.items())).encode()).hexdigest()
    return a


def _overview(con: sqlite3.Connection, cat: Catalog, n_groups: int, n_events: int) -> dict[str, Any]:
    ov = queries.overview(con, cat)
    ov["top_groups"] = queries.groups(con, cat, queries.FigureFilter(), sort="status", limit=max(n_groups, 1))[1][
        :n_groups
    ]
    ov["latest_events"] = queries.events(con, cat, sort="latest", limit=max(n_events, 1))[1][:n_events]
    ov["measures"] = cat.measure_kinds()[:20]
    return ov


def _chart(g: dict[str, Any]) -> Markup:
    """The report's chart of a group's figures, each point linking to its sentence in the article view."""
    pts = [
        Point(
            f["low"],
            f["high"],
            f["source"],
            f["date"],
            label=f"{f['source']} ({f['outlet'] or f['article']}, {fmt_date(f['date']) or 'o. D.'}): {f['stated']}",
            href=f"/articles/{quote(f['article'], safe='')}#{f['anchor']}",
            hedged=f["hedged"],
        )
        for f in g["figures"]
        if f["low"] is not None and f["high"] is not None
    ]
    return figure_chart(
        pts, low=g["low"], best=g["best"], high=g["high"], title=f"{g['label']}: Angaben nach Quelle und Datum"
    )


CSV_COLUMNS = [
    "group",
    "group_label",
    "date",
    "outlet",
    "source",
    "qualifier",
    "low",
    "high",
    "unit",
    "counted",
    "stated",
    "hedged",
    "stance",
    "text",
    "sentence",
    "article",
    "title",
    "id",
]


def _csv(con: sqlite3.Connection, cat: Catalog, f: queries.FigureFilter, grouped: bool | None) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    w.writeheader()
    offset = 0
    while True:
        _, rows = queries.figures(con, cat, f, grouped=grouped, limit=queries.MAX_LIMIT, offset=offset)
        for r in rows:
            w.writerow({k: _csv_cell(r.get(k)) for k in CSV_COLUMNS})
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
        if len(rows) < queries.MAX_LIMIT:
            return
        offset += len(rows)


def _csv_cell(v: Any) -> Any:
    # A cell starting with = + - @ would be a formula in a spreadsheet: article text must stay text.
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return "" if v is None else v


def _geojson(con: sqlite3.Connection, cat: Catalog, limit: int) -> dict[str, Any]:
    feats = []
    offset = 0
    while len(feats) < limit:
        total, evs = queries.events(con, cat, located=True, sort="time", limit=queries.MAX_LIMIT, offset=offset)
        for e in evs:
            if e["status"] in BACKGROUND_STATUSES:
                continue                       # "1995 geboren", "das schwerste Beben seit 1960": not on the map
            feats.append(
                {
                    "type": "Feature",
                    "id": e["id"],
                    "geometry": {"type": "Point", "coordinates": [e["lon"], e["lat"]]},
                    "properties": {
                        "kind": "event",
                        "type": e["type"],
                        "name": e["place_name"],
                        "time": e["time_value"],
                        "actor": e["actor_name"],
                        "target": e["target_name"],
                        "status": e["status"],
                        "trigger": e["trigger"],
                        "articles": e["articles"][:10],
                        "figures": len(e["figures"]),
                    },
                }
            )
        offset += len(evs)
        if len(evs) < queries.MAX_LIMIT:
            break
    for p in queries.places(con, limit=max(0, limit - len(feats))):
        feats.append(
            {
                "type": "Feature",
                "id": p["id"],
                "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                "properties": {
                    "kind": "place",
                    "name": p["name"],
                    "type": p["type"],
                    "country": p["country"],
                    "mentions": p["mentions"],
                    "articles": p["articles"],
                    "url": "/entities/" + quote(p["id"], safe=""),
                },
            }
        )
    return {"type": "FeatureCollection", "features": feats[:limit]}
