"""The dossier app: web pages and a JSON API over one dossier file.

    create_app("dossier.db", token=None) -> FastAPI      (`lagebild serve --db dossier.db`)

Pages (pages.py): Overview, Figures, Timeline, Map, Entities, Articles (with the annotated
text), Search; adding articles (upload.py). Each page has its JSON behind it under /api/
(api.py; see /docs for the OpenAPI schema); lists take limit/offset. Everything reads the
store's read model (store/views.py, store/catalog.py); dossier.py holds what they share.

Safety: every piece of article data reaches a page through Jinja2 autoescaping
or, in our scripts, through textContent; links are only made for http(s) URLs.
The Content-Security-Policy allows scripts, styles and data from this server
only: no CDN, no inline script, no network beyond 127.0.0.1.

Security model (README "Robustness"): the app answers only to the host names it
is allowed (localhost by default, `--allow-host`), so a page elsewhere cannot
read the dossier through DNS rebinding; a request body is refused over its limit
before it is read (Content-Length, else while it streams), and a write to a
read-only app before its body is read (guard.py); error messages name no server
path; searches are words and phrases unless raw=true, with term, length and time
limits; offsets are bounded. The token compares in constant time.
"""

from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import APIRouter, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..report.basemap import world_geojson_bytes
from ..store.sqlite import SearchError, StoreError
from . import api, pages, upload
from .dossier import Dossier, environment, page
from .guard import _Guard, _HostAllowList

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
MAX_REQUEST = 32 * 1024 * 1024  # bytes per request body (all files together): refused before reading

DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "img-src 'self' data:", "img-src 'self' data: blob:") + "; worker-src 'self' blob:"
# The API's documentation pages with Swagger UI's files from the fastapi-offline
# package (served at /api-docs-assets/), started by our own static/docs.js: no CDN, no inline script.
DOCS_ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"
SWAGGER_HTML = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>lagebild API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api-docs-assets/swagger-ui.css"></head>
<body data-openapi="/openapi.json"><p><a href="/">Zurück zum Dossier</a></p>
<div id="swagger-ui"></div>
<script src="/api-docs-assets/swagger-ui-bundle.js"></script><script src="/static/docs.js"></script>
</body></html>"""


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    allow_hosts: list[str] | tuple[str, ...] = (),
    max_request_bytes: int = MAX_REQUEST,
) -> FastAPI:
    """The web app over the dossier at db_path; token enables (and then guards) adding articles.

    It answers to localhost names and `allow_hosts` only ('*.example.org' for subdomains); request
    bodies over `max_request_bytes` are refused before they are read."""
    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    dossier = Dossier(db_path, token)
    app = FastAPI(
        title="lagebild dossier",
        description="The situation picture of one dossier: figures by source, events, entities, articles. "
        "Lists take `limit` and `offset` and answer `{total, limit, offset, items}`.",
        version=_version(),
        docs_url=None,  # FastAPI's own pages load Swagger UI / ReDoc from a CDN: ours below serve them
        redoc_url=None,
    )
    app.state.dossier = dossier
    app.state.templates = environment()
    dossier.prewarm()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/api-docs-assets", StaticFiles(directory=DOCS_ASSETS), name="api-docs-assets")
    _add_middleware(app, dossier, list(LOCAL_HOSTS) + list(allow_hosts), max_request_bytes)
    _add_error_handlers(app, dossier)
    app.include_router(assets)
    app.include_router(api.router)
    app.include_router(upload.router)
    app.include_router(pages.router)
    return app


def _add_middleware(app: FastAPI, dossier: Dossier, hosts: list[str], max_body: int) -> None:
    """Security headers on every answer; outermost first: the host check, then the body limit and the write
    gate, before any body is read."""

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        # Swagger UI sets inline styles: allowed on their two pages only, scripts never
        docs = request.url.path == "/docs"
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    app.add_middleware(_Guard, dossier=dossier, max_body=max_body)
    app.add_middleware(_HostAllowList, hosts=hosts)


def _add_error_handlers(app: FastAPI, dossier: Dossier) -> None:
    """A store that cannot answer: 503 naming no server path; a bad search: 422; bad parameters and missing
    things: a German error page for a page, JSON for the API."""

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return JSONResponse({"detail": dossier.public(str(exc))}, status_code=503)

    @app.exception_handler(SearchError)
    async def search_error(request: Request, exc: SearchError):
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        return _error(request, 422, "; ".join(german_error(e) for e in exc.errors()), exc.errors())

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail), None, getattr(exc, "headers", None))


# The app's own files and the API documentation pages (outside the OpenAPI schema).
assets = APIRouter(include_in_schema=False)


@assets.get("/favicon.ico")
def favicon():
    return Response(status_code=204)


@assets.get("/assets/report.css")
def report_css():
    """The static report's stylesheet: the app looks like the report it extends."""
    src = (HERE.parent / "report" / "templates" / "report.css").read_text("utf-8")
    return Response(src, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@assets.get("/assets/world.json")
def world():
    """The map's country outlines, cut at the antimeridian (basemap.py)."""
    return Response(world_geojson_bytes(), media_type="application/json",
                    headers={"Cache-Control": "max-age=86400"})


@assets.get("/docs")
def swagger_ui():
    return HTMLResponse(SWAGGER_HTML)


@assets.get("/redoc")
def redoc():  # ReDoc's bundle fetches its logo from the network: one documentation page is enough
    return RedirectResponse("/docs")


def _error(request: Request, status: int, message: str, errors: Any, headers: dict | None = None) -> Response:
    """Bad parameters and missing things: a German error page for a page, JSON for the API."""
    path = request.url.path
    if path.startswith(("/api/", "/static/", "/assets/", "/api-docs-assets/")) or path == "/openapi.json":
        body: dict[str, Any] = {"detail": message}
        if errors is not None:
            body["errors"] = jsonable_encoder(errors)
        return JSONResponse(body, status_code=status, headers=headers)
    title = {404: "Nicht gefunden", 422: "Ungültige Angabe", 400: "Ungültige Anfrage"}.get(status, "Fehler")
    if status == 404 and message == "Not Found":
        message = f"Die Seite {path} gibt es nicht."
    return page(request, "error.html.j2", status_code=status, message=message, title=title, reset=status != 404)


GERMAN = {
    "int_parsing": "muss eine ganze Zahl sein",
    "float_parsing": "muss eine Zahl sein",
    "bool_parsing": "muss true oder false sein",
    "missing": "fehlt",
    "greater_than_equal": "muss mindestens {ge} sein",
    "less_than_equal": "darf höchstens {le} sein",
    "string_too_short": "darf nicht leer sein",
    "literal_error": "muss einer dieser Werte sein: {expected}",
    "enum": "muss einer dieser Werte sein: {expected}",
}


def german_error(e: dict[str, Any]) -> str:
    """One validation error of FastAPI in German: „limit“ muss mindestens 1 sein (angegeben: 0)."""
    name = str(e.get("loc", ["?"])[-1])
    msg = GERMAN.get(e.get("type", ""), "ist ungültig").format(**{k: v for k, v in (e.get("ctx") or {}).items()})
    given = e.get("input")
    return f"Parameter „{name}“ {msg}" + (f" (angegeben: {given!r})" if isinstance(given, str | int) else "") + "."


def _version() -> str:
    from .. import __version__

    return __version__


