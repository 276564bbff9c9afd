"""What every part of the web app shares: the open dossier, the template environment, the
request dependencies (connection, catalog, filters) and the JSON envelope of lists.

The routers (api.py, pages.py, upload.py) reach the dossier through `request.app.state`, so
they are plain module-level functions that a newcomer can read one at a time.
"""

import json
import logging
import re
import sqlite3
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypedDict
from urllib.parse import quote, urlencode

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from ..lang.de.labels import KIND_LABELS
from ..report.charts import fmt_date, fmt_number
from ..report.render import QUALIFIER_DE
from ..store import views as queries
from ..store.catalog import Catalog
from ..store.present import (
    NO_SOURCE,
    STATUS_DE,
    VOCABULARY,
    anchor,
    fmt_datetime,
    safe_url,
)
from ..store.sqlite import Store

log = logging.getLogger(__name__)
STATUSES = list(STATUS_DE)
NAV = [
    ("/", "Überblick"),
    ("/figures", "Zahlen"),
    ("/timeline", "Zeitleiste"),
    ("/map", "Karte"),
    ("/stories", "Geschichten"),
    ("/entities", "Akteure und Orte"),
    ("/articles", "Artikel"),
    ("/add", "Artikel hinzufügen"),
]


# What a size filter calls a measure kind (consolidate's labels; those without one named here)
MEASURE_DE = {k.replace("_", "-"): v for k, v in KIND_LABELS.items() if v} | {
    k: v for k, v in KIND_LABELS.items() if v} | {
    "personnel": "Personal, Truppen", "other": "sonstige Zahlen", "weapons_used": "eingesetzte Waffen",
    "weapons_intercepted": "abgefangene Waffen", "weapons_delivered": "gelieferte Waffen",
    "sites": "Orte, Gebäude", "measurement": "Maße"}


def plural(n: int | None, one: str, many: str) -> str:
    """„1 Medium“, „3 Medien“."""
    return f"{n if n is not None else 0} {one if n == 1 else many}"


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
        datetime=fmt_datetime,
        safe_url=safe_url,
        article_url=lambda i: "/articles/" + quote(i, safe=""),
        entity_url=lambda i: "/entities/" + quote(i, safe=""),
        story_url=lambda i: "/stories/" + quote(i, safe=""),
    )
    env.globals.update(QUALIFIER_DE=QUALIFIER_DE, STATUS_DE=STATUS_DE, NO_SOURCE=NO_SOURCE, href=_href, anchor=anchor,
                       **VOCABULARY, MEASURE_DE=MEASURE_DE, plural=plural)
    return env


class Dossier:
    """The dossier file: one read connection per thread, one writer at a time, a cache of derived views."""

    def __init__(self, path: str | Path, token: str | None):
        self.path = Path(path)
        self.token = token
        if not self.path.exists() and token:  # a writable app may start from an empty dossier
            Store(self.path, create=True).close()
        # fails now, with a clear StoreError, if it is not a dossier; read-only: a dossier we may not write
        # (mode 444, another user's, a read-only disk) is served all the same
        Store(self.path, readonly=not token).close()
        self.local = threading.local()
        self.write_lock = threading.Lock()
        self.analyse_lock = threading.Lock()     # one analysis at a time (the pipeline is one object)
        self.cache: OrderedDict[tuple, Any] = OrderedDict()
        self.cache_lock = threading.Lock()
        self._nlp = None
        self._catalog: Catalog | None = None
        self.catalog_lock = threading.Lock()

    def store(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.path, readonly=True)   # pages only read; builds open their own
        return store

    def public(self, message: str) -> str:
        """A message as visitors may see it: the dossier's and temporary folders' paths become bare names."""
        for p in sorted({str(self.path.resolve()), str(self.path.resolve().parent), str(self.path),
                         tempfile.gettempdir()}, key=len, reverse=True):
            if p not in ("", ".", "/"):
                message = message.replace(p, self.path.name if p.endswith(self.path.name) else "…")
        return re.sub(r"…/lagebild-upload-[\w-]+/?", "", message)

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
            from ..build import load_nlp

            self._nlp = load_nlp()
        return self._nlp


def dossier_of(request: Request) -> Dossier:
    return request.app.state.dossier


def _db(request: Request) -> sqlite3.Connection:
    return dossier_of(request).db()


def _catalog(request: Request) -> Catalog:
    return dossier_of(request).catalog()


DB = Annotated[sqlite3.Connection, Depends(_db)]
CAT = Annotated[Catalog, Depends(_catalog)]
LIMIT = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="page size")]
MAX_OFFSET = 1_000_000          # rows to skip in a list; a search ranks at most MAX_SEARCH_OFFSET + limit hits
MAX_SEARCH_OFFSET = 10_000
OFFSET = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
SEARCH_OFFSET = Annotated[int, Query(ge=0, le=MAX_SEARCH_OFFSET, description="hits to skip")]


def page(request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    """An HTML page of the app: the template with navigation, the dossier's title and the query."""
    dossier = dossier_of(request)
    title = dossier.cached("title", lambda: dossier.store().meta().get("title") or "Lagebild")
    html = request.app.state.templates.get_template(template).render(
        request=request,
        nav=NAV,
        path=request.url.path,
        dossier_title=title,
        writable=dossier.token is not None,
        query=request.query_params,
        all_stories=dossier.catalog().stories,
        **ctx,
    )
    return HTMLResponse(html, status_code=status_code)


def parse_date(name: str, value: str | None) -> str | None:
    """A date parameter as an ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD); German dates (TT.MM.JJJJ,
    MM.JJJJ) are accepted too. An impossible date (2025-13-45) is a 422 with a German message."""
    if value is None or not value.strip():
        return None
    v = value.strip()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", v) or re.fullmatch(r"()(\d{1,2})\.(\d{4})", v)
    if m:
        day, month, year = m.groups()
        v = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if m:
        try:
            date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            return v
        except ValueError:
            pass
    raise HTTPException(
        422, f"Ungültiges Datum im Parameter „{name}“: {value!r}. Erlaubt sind z. B. 12.09.2023, 09.2023, "
        "2023-09-12, 2023-09 oder 2023.")


DATE_FROM = Annotated[str | None, Query(alias="from", description="from this date on: 2023-09-12, 2023-09, 2023 "
                                                                   "or 12.09.2023 (inclusive)")]
DATE_TO = Annotated[str | None, Query(alias="to", description="up to this date (inclusive; same forms as from)")]


def figure_filter(
    measure: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    date_from: DATE_FROM = None,
    date_to: DATE_TO = None,
    status: str | None = None,
    q: str | None = None,
    story: Annotated[str | None, Query(description="story id (/api/stories): only its articles")] = None,
) -> queries.FigureFilter:
    date_from, date_to = parse_date("from", date_from), parse_date("to", date_to)
    if status and status not in STATUSES:
        raise HTTPException(422, f"Ungültiger Status {status!r}: erlaubt sind {', '.join(STATUSES)}.")
    return queries.FigureFilter(
        measure or None,
        source or None,
        outlet or None,
        date_from,
        date_to,
        status or None,
        q or None,
        story or None,
    )


class EventQuery(TypedDict):
    """The event filter as keyword arguments of store/views.py's events()."""

    q: str | None
    type: str | None
    date_from: str | None
    date_to: str | None
    story: str | None


@dataclass(frozen=True)
class EventFilter:
    """The filter of the timeline and the map (and /api/events): text, type, date range."""

    q: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    story: str | None = None

    def params(self) -> dict[str, str | None]:
        return {"q": self.q, "type": self.type, "from": self.date_from, "to": self.date_to, "story": self.story}

    def kwargs(self) -> EventQuery:
        return {"q": self.q, "type": self.type, "date_from": self.date_from, "date_to": self.date_to,
                "story": self.story}


def event_filter(
    q: Annotated[str | None, Query(description="text in the event (type, who, whom, place, trigger)")] = None,
    type: Annotated[str | None, Query(description="event type")] = None,
    date_from: DATE_FROM = None,
    date_to: DATE_TO = None,
    story: Annotated[str | None, Query(description="story id (/api/stories): events told in its articles")] = None,
) -> EventFilter:
    return EventFilter(q or None, type or None, parse_date("from", date_from), parse_date("to", date_to),
                       story or None)


EVENTS = Annotated[EventFilter, Depends(event_filter)]
FILTER = Annotated[queries.FigureFilter, Depends(figure_filter)]


class JSONBytes(Response):
    """JSON serialised once (and cacheable as bytes): FastAPI's per-item validation and encoding
    cost more than the query behind a page. The response models still document the API."""

    media_type = "application/json"


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def page_json(total: int, limit: int, offset: int, items: list) -> JSONBytes:
    return JSONBytes(dumps({"total": total, "limit": limit, "offset": offset, "items": items}))


DOSSIER = Annotated[Dossier, Depends(dossier_of)]


def cached_overview(dossier: Dossier, con: sqlite3.Connection, cat: Catalog, groups: int, events: int) -> dict:
    return dossier.cached("overview", lambda: overview(con, cat, groups, events), groups, events)


def cached_groups(dossier: Dossier, con: sqlite3.Connection, cat: Catalog, f: queries.FigureFilter, sort: str,
                  limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    return dossier.cached("groups", lambda: queries.groups(con, cat, f, sort=sort, limit=limit, offset=offset),
                          tuple(sorted(f.active().items())), sort, limit, offset)


def cached_entities(dossier: Dossier, con: sqlite3.Connection, cat: Catalog, q: str | None, type: str | None,
                    sort: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    return dossier.cached(
        "entities", lambda: queries.entities(con, cat, q=q, type=type, sort=sort, limit=limit, offset=offset),
        q, type, sort, limit, offset)


def search(dossier: Dossier, q: str, limit: int, offset: int, raw: bool = False) -> list[dict[str, Any]]:
    """Hits for q (words, "phrases", prefix*; raw: FTS5 syntax); SearchError when over its limits."""
    # FTS with BM25 ranks every match: remembered per dossier version, as the views are
    hits = dossier.cached("search", lambda: dossier.store().search(q, limit=limit + offset, raw=raw),
                          q, limit + offset, raw)
    hits = [dict(h) for h in hits[offset:]]
    for h in hits:
        h["sentence_anchor"] = anchor("s", f"{h['article']}\x00{h['sentence']}") if h["sentence"] is not None else None
    return hits


def overview(con: sqlite3.Connection, cat: Catalog, n_groups: int, n_events: int) -> dict[str, Any]:
    ov = queries.overview(con, cat)
    ov["top_groups"] = queries.groups(con, cat, queries.FigureFilter(), sort="status", limit=max(n_groups, 1))[1][
        :n_groups
    ]
    ov["latest_events"] = queries.events(con, cat, sort="latest", limit=max(n_events, 1))[1][:n_events]
    ov["measures"] = cat.measure_kinds()[:20]
    return ov
