"""The JSON API (/api/...): every page's data, documented in the OpenAPI schema at /docs.

Lists answer one envelope, `{total, limit, offset, items}`; everything reads the store's read
model (store/views.py, store/catalog.py) and is cached per dossier version.
"""

import csv
import io
import sqlite3
from collections.abc import Iterator
from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response, StreamingResponse
from markupsafe import Markup

from ..report.charts import Point, figure_chart, fmt_date
from ..store import views as queries
from ..store.catalog import Catalog
from .dossier import (
    CAT,
    DB,
    DOSSIER,
    EVENTS,
    FILTER,
    LIMIT,
    OFFSET,
    SEARCH_OFFSET,
    EventFilter,
    JSONBytes,
    cached_entities,
    cached_groups,
    cached_overview,
    dumps,
    page_json,
    search,
)
from .schemas import (
    Article,
    ArticleDetail,
    Entity,
    EntityDetail,
    Event,
    Figure,
    GroupOut,
    MapPage,
    Overview,
    Page,
    SearchHit,
    Story,
    Timeline,
)

router = APIRouter(prefix="/api")
GroupSort = Literal["status", "figures", "label", "best", "latest"]


@router.get("/overview", response_model=Overview, tags=["overview"])
def api_overview(dossier: DOSSIER, con: DB, cat: CAT, groups: int = Query(8, ge=0, le=100),
                 events: int = Query(8, ge=0, le=100)):
    """Articles, outlets, date span; quantity groups with disagreements first; latest events."""
    return JSONBytes(
        dossier.cached("overview.json", lambda: dumps(cached_overview(dossier, con, cat, groups, events)),
                       groups, events)
    )


@router.get("/groups", response_model=Page[GroupOut], tags=["figures"])
def api_groups(dossier: DOSSIER, con: DB, cat: CAT, f: FILTER, sort: GroupSort = "status", limit: LIMIT = 20,
               offset: OFFSET = 0):
    """Quantity groups with low/best/high and their figures (only those passing the filter)."""
    total, items = cached_groups(dossier, con, cat, f, sort, limit, offset)
    return page_json(total, limit, offset, items)


@router.get("/groups/{group_id:path}/chart.svg", tags=["figures"], response_class=Response)
def api_group_chart(con: DB, group_id: str):
    """The group's figures by source and time as SVG (the report's chart)."""
    g = queries.group(con, group_id)
    if g is None:
        raise HTTPException(404, f"no group {group_id!r}")
    return Response(str(chart(g)), media_type="image/svg+xml")


@router.get("/groups/{group_id:path}", response_model=GroupOut, tags=["figures"])
def api_group(con: DB, group_id: str):
    g = queries.group(con, group_id)
    if g is None:
        raise HTTPException(404, f"no group {group_id!r}")
    return JSONBytes(dumps(g))


@router.get("/figures", response_model=Page[Figure], tags=["figures"])
def api_figures(con: DB, cat: CAT, f: FILTER, grouped: bool | None = None, limit: LIMIT = 100, offset: OFFSET = 0):
    """Every figure (claim) passing the filter, with source, date, outlet, group and sentence."""
    total, items = queries.figures(con, cat, f, grouped=grouped, limit=limit, offset=offset)
    return page_json(total, limit, offset, items)


@router.get("/figures.csv", tags=["figures"], response_class=StreamingResponse)
def api_figures_csv(con: DB, cat: CAT, f: FILTER, grouped: bool | None = None):
    """The figures of the current view (same filters as the Figures page) as CSV, all pages."""
    return StreamingResponse(
        _csv(con, cat, f, grouped),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="zahlen.csv"'},
    )


@router.get("/events", response_model=Page[Event], tags=["events"])
def api_events(
    con: DB,
    cat: CAT,
    ev: EVENTS,
    article: str | None = None,
    located: bool | None = None,
    sort: Literal["time", "latest", "position"] = "time",
    limit: LIMIT = 50,
    offset: OFFSET = 0,
):
    """Merged events (who did what to whom, where, when) with evidence and figures."""
    total, items = queries.events(con, cat, **ev.kwargs(), article=article, located=located, sort=sort,
                                  limit=limit, offset=offset)
    return page_json(total, limit, offset, items)


@router.get("/timeline", response_model=Timeline, tags=["events"])
def api_timeline(dossier: DOSSIER, con: DB, cat: CAT, ev: EVENTS, limit: int = Query(2000, ge=1, le=10000),
                 offset: OFFSET = 0):
    """Dated events as `items` (with the first and last day each covers), the undated ones beside them
    (`undated`), and articles per day; `total` counts both."""
    return JSONBytes(dossier.cached("timeline.json", lambda: dumps(timeline(con, cat, ev, limit, offset)),
                                    ev, limit, offset))


def timeline(con, cat: Catalog, ev: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    # "1995 geboren", "das schwerste Beben seit 1960": background, not on the timeline (current=True)
    items = _all_events(con, cat, ev, limit, offset, current=True)
    total = queries.events(con, cat, **ev.kwargs(), current=True, limit=1)[0]
    for e in items:  # the timeline shows a few pieces of evidence; the event's page has all
        e["evidence"], e["articles"] = e["evidence"][:3], e["articles"][:8]
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": [e for e in items if e["start"]],
        "undated": [e for e in items if not e["start"]],
        "articles_per_day": queries.articles_per_day(cat, ev.story),
    }


def _all_events(con, cat: Catalog, ev: EventFilter, limit: int, offset: int, **kw: Any) -> list[dict[str, Any]]:
    """Up to `limit` events from `offset` on, fetched in pages of the store's largest page."""
    items: list[dict[str, Any]] = []
    while len(items) < limit:
        n = min(queries.MAX_LIMIT, limit - len(items))
        _, evs = queries.events(con, cat, **ev.kwargs(), sort="time", limit=n, offset=offset + len(items), **kw)
        items += evs
        if len(evs) < n:
            break
    return items


MapKind = Literal["event", "place"]


@router.get("/map", response_model=MapPage, tags=["events"])
def api_map(dossier: DOSSIER, con: DB, cat: CAT, ev: EVENTS, kind: MapKind | None = None,
            limit: int = Query(2000, ge=1, le=10000), offset: OFFSET = 0):
    """Located events (kind=event; filtered by q, type, from, to) and places mentioned (kind=place)
    as GeoJSON features in `items`; `bounds` is where the map zooms to."""
    return JSONBytes(dossier.cached("map.json", lambda: dumps(cached_map(dossier, con, cat, ev, kind, limit, offset)),
                                    ev, kind, limit, offset))


@router.get("/map.geojson", tags=["events"])
def api_map_geojson(dossier: DOSSIER, con: DB, cat: CAT, ev: EVENTS, kind: MapKind | None = None,
                    limit: int = Query(2000, ge=1, le=10000), offset: OFFSET = 0):
    """The same features as /api/map as a plain GeoJSON FeatureCollection (for GIS tools)."""
    m = cached_map(dossier, con, cat, ev, kind, limit, offset)
    return JSONBytes(dumps({"type": "FeatureCollection", "features": m["items"]}),
                     media_type="application/geo+json")


@router.get("/entities", response_model=Page[Entity], tags=["entities"])
def api_entities(
    dossier: DOSSIER,
    con: DB,
    cat: CAT,
    q: str | None = None,
    type: str | None = None,
    sort: Literal["mentions", "name"] = "mentions",
    limit: LIMIT = 50,
    offset: OFFSET = 0,
):
    """Actors and places with how often and in how many articles they are mentioned."""
    total, items = cached_entities(dossier, con, cat, q, type, sort, limit, offset)
    return page_json(total, limit, offset, items)


@router.get("/entities/{entity_id:path}", response_model=EntityDetail, tags=["entities"])
def api_entity(con: DB, cat: CAT, entity_id: str, limit: LIMIT = 50, offset: OFFSET = 0):
    """One entity: its mentions in their sentences (paginated), co-occurring entities, its events."""
    e = queries.entity(con, cat, entity_id, limit=limit, offset=offset)
    if e is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return JSONBytes(dumps(e))


@router.get("/articles", response_model=Page[Article], tags=["articles"])
def api_articles(
    con: DB,
    cat: CAT,
    q: str | None = None,
    outlet: str | None = None,
    story: str | None = None,
    sort: Literal["published", "oldest", "outlet", "id"] = "published",
    limit: LIMIT = 50,
    offset: OFFSET = 0,
):
    """Articles without their texts (q: substring of title or id; story: the articles of one story)."""
    total, items = queries.articles(con, cat, q=q, outlet=outlet, sort=sort, limit=limit, offset=offset,
                                    story=story or None)
    return page_json(total, limit, offset, items)


@router.get("/articles/{article_id:path}", response_model=ArticleDetail, tags=["articles"])
def api_article(con: DB, cat: CAT, article_id: str):
    """One article: cleaned text, sentences, figures, time expressions, mentions, events."""
    a = queries.article(con, cat, article_id)
    if a is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return JSONBytes(dumps(a))


@router.get("/stories", response_model=Page[Story], tags=["stories"])
def api_stories(con: DB, cat: CAT, limit: LIMIT = 50, offset: OFFSET = 0):
    """Stories (the articles about one event or development across outlets, with a German title and the
    span of their dates), oldest first, with their article ids and counts. Figures, events, timeline, map
    and articles take `story=<id>` to show one story."""
    rows = queries.story_list(con, cat)
    return page_json(len(rows), limit, offset, rows[offset:offset + limit])


@router.get("/stories/{story_id:path}", response_model=Story, tags=["stories"])
def api_story(con: DB, cat: CAT, story_id: str):
    s = queries.story(con, cat, story_id)
    if s is None:
        raise HTTPException(404, f"Keine Geschichte {story_id!r}.")
    return JSONBytes(dumps(s))


@router.get("/search", response_model=Page[SearchHit], tags=["articles"])
def api_search(dossier: DOSSIER, q: str = Query(..., min_length=1), limit: LIMIT = 20, offset: SEARCH_OFFSET = 0,
               raw: bool = Query(False, description="q is FTS5 syntax (AND, OR, NOT, NEAR, column:)")):
    """Full-text search over sentences and articles, BM25-ranked: words, "phrases" and prefix* (raw=true:
    FTS5 syntax). At most 64 terms and 2,000 characters; a search over 2 s is stopped (422)."""
    hits = search(dossier, q, limit, offset, raw)
    return page_json(len(hits) + offset, limit, offset, hits)


def cached_map(dossier, con, cat: Catalog, ev: EventFilter, kind: str | None, limit: int, offset: int) -> dict:
    return dossier.cached("map", lambda: map_page(con, cat, ev, kind, limit, offset), ev, kind, limit, offset)


def chart(g: dict[str, Any]) -> Markup:
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


def map_page(con: sqlite3.Connection, cat: Catalog, ev: EventFilter, kind: str | None, limit: int,
             offset: int) -> dict[str, Any]:
    """Events (filtered) first, then places; `bounds` holds the events shown (else the places)."""
    feats = []
    # "1995 geboren", "das schwerste Beben seit 1960": background, not on the map (current=True)
    n_events = 0 if kind == "place" else queries.events(con, cat, **ev.kwargs(), located=True, current=True,
                                                        limit=1)[0]
    if offset < n_events:
        for e in _all_events(con, cat, ev, limit, offset, located=True, current=True):
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
    story = cat.story(ev.story) if ev.story else None
    all_places = [] if kind == "event" else queries.places(
        con, limit=10000, articles=story.articles if story else ([] if ev.story else None))
    start = max(0, offset - n_events)
    for p in all_places[start:start + max(0, limit - len(feats))]:
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
    focus = [f for f in feats if f["properties"]["kind"] == "event"] or feats
    return {"total": n_events + len(all_places), "limit": limit, "offset": offset, "items": feats,
            "bounds": bounds([f["geometry"]["coordinates"] for f in focus])}


def bounds(points: list[list[float]]) -> list[float] | None:
    """[south, west, north, east] around the points; with 20 or more, around the middle 90 %
    in each direction, so that one far-off mention does not zoom the map out to the world."""
    if not points:
        return None
    lons, lats = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = len(points) // 20 if len(points) >= 20 else 0
    lons, lats = lons[cut:len(lons) - cut], lats[cut:len(lats) - cut]
    return [lats[0], lons[0], lats[-1], lons[-1]]
