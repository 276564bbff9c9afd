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
"""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from ..store.sqlite import StoreError
from . import api, pages, upload
from .dossier import Dossier, environment

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The web app over the dossier at db_path; token enables (and then guards) adding articles."""
    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    dossier = Dossier(db_path, token)
    app = FastAPI(
        title="lagebild dossier",
        description="The situation picture of one dossier: figures by source, events, entities, articles. "
        "Lists take `limit` and `offset` and answer `{total, limit, offset, items}`.",
        version=_version(),
    )
    app.state.dossier = dossier
    app.state.templates = environment()
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

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/assets/report.css", include_in_schema=False)
    def report_css():
        """The static report's stylesheet: the app looks like the report it extends."""
        src = (HERE.parent / "report" / "templates" / "report.css").read_text("utf-8")
        return Response(src, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    app.include_router(api.router)
    app.include_router(upload.router)
    app.include_router(pages.router)
    return app


def _version() -> str:
    from .. import __version__

    return __version__


