"""The HTML pages: overview, figures, timeline, map, entities, articles, search.

Each page renders the same read model as its /api/ twin (api.py), through the templates in
templates/; the report's macros are shared.
"""

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..store import views as queries
from ..store.sqlite import SearchError
from . import annotate
from .api import cached_map, chart
from .dossier import (
    CAT,
    DB,
    DOSSIER,
    EVENTS,
    FILTER,
    OFFSET,
    SEARCH_OFFSET,
    STATUSES,
    _href,
    cached_entities,
    cached_groups,
    cached_overview,
    page,
    search,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def overview_page(request: Request, dossier: DOSSIER, con: DB, cat: CAT):
    ov = cached_overview(dossier, con, cat, 8, 8)
    return page(request, "overview.html.j2", ov=ov, story_rows=queries.newest_first(queries.story_list(con, cat)))


@router.get("/stories")
def stories_page(request: Request, con: DB, cat: CAT):
    return page(request, "stories.html.j2", story_rows=queries.newest_first(queries.story_list(con, cat)))


@router.get("/stories/{story_id:path}")
def story_page(request: Request, dossier: DOSSIER, con: DB, cat: CAT, story_id: str):
    s = queries.story(con, cat, story_id)
    if s is None:
        return page(request, "error.html.j2", status_code=404, message=f"Keine Geschichte {story_id!r}.")
    f = queries.FigureFilter(story=story_id)
    n_groups, groups = cached_groups(dossier, con, cat, f, "status", 5, 0)
    n_events, events = queries.events(con, cat, story=story_id, sort="time", limit=20)
    _, articles = queries.articles(con, cat, story=story_id, sort="oldest", limit=queries.MAX_LIMIT)
    return page(request, "story.html.j2", s=s, groups=[dict(g, chart=chart(g)) for g in groups],
                n_groups=n_groups, events=events, n_events=n_events, articles=articles)


@router.get("/figures")
def figures_page(
    request: Request,
    dossier: DOSSIER,
    con: DB,
    cat: CAT,
    f: FILTER,
    sort: str = "status",
    limit: int = Query(20, ge=1, le=100),
    offset: OFFSET = 0,
):
    sort = sort if sort in queries.GROUP_SORTS else "status"
    total, groups = cached_groups(dossier, con, cat, f, sort, limit, offset)
    groups = [dict(g, chart=chart(g)) for g in groups]  # the cached rows are shared with the API
    params = {
        "measure": f.measure,
        "source": f.source,
        "outlet": f.outlet,
        "from": f.date_from,
        "to": f.date_to,
        "status": f.status,
        "q": f.q,
        "story": f.story,
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


@router.get("/figures/ungrouped")
def ungrouped_page(request: Request, con: DB, cat: CAT, f: FILTER, limit: int = Query(100, ge=1, le=500),
                   offset: OFFSET = 0):
    total, figs = queries.figures(con, cat, f, grouped=False, limit=limit, offset=offset)
    return page(request, "ungrouped.html.j2", figures=figs, total=total, limit=limit, offset=offset)


@router.get("/timeline")
def timeline_page(request: Request, con: DB, cat: CAT, ev: EVENTS, limit: int = Query(50, ge=1, le=500),
                  offset: OFFSET = 0):
    total, evs = queries.events(con, cat, **ev.kwargs(), sort="time", limit=limit, offset=offset)
    return page(request, "timeline.html.j2", events=evs, total=total, limit=limit, offset=offset,
                params=ev.params(), types=cat.event_types(),
                src=_href("/api/timeline", **ev.params()))


@router.get("/map")
def map_page(request: Request, dossier: DOSSIER, con: DB, cat: CAT, ev: EVENTS):
    m = cached_map(dossier, con, cat, ev, None, 2000, 0)
    kinds = [f["properties"]["kind"] for f in m["items"]]
    return page(request, "map.html.j2", n_events=kinds.count("event"), n_places=kinds.count("place"),
                params=ev.params(), types=cat.event_types(), src=_href("/api/map", **ev.params()))


@router.get("/entities")
def entities_page(
    request: Request,
    dossier: DOSSIER,
    con: DB,
    cat: CAT,
    q: str | None = None,
    type: str | None = None,
    sort: str = "mentions",
    limit: int = Query(50, ge=1, le=500),
    offset: OFFSET = 0,
):
    total, items = cached_entities(dossier, con, cat, q, type, sort, limit, offset)
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


@router.get("/entities/{entity_id:path}")
def entity_page(
    request: Request, con: DB, cat: CAT, entity_id: str, limit: int = Query(50, ge=1, le=500), offset: OFFSET = 0
):
    e = queries.entity(con, cat, entity_id, limit=limit, offset=offset)
    if e is None:
        return page(request, "error.html.j2", status_code=404, message=f"Keine Entität {entity_id!r}.")
    return page(request, "entity.html.j2", e=e, limit=limit, offset=offset)


@router.get("/articles")
def articles_page(
    request: Request,
    con: DB,
    cat: CAT,
    q: str | None = None,
    outlet: str | None = None,
    story: str | None = None,
    sort: str = "published",
    limit: int = Query(50, ge=1, le=500),
    offset: OFFSET = 0,
):
    total, items = queries.articles(con, cat, q=q, outlet=outlet, sort=sort, limit=limit, offset=offset,
                                    story=story or None)
    return page(
        request,
        "articles.html.j2",
        articles=items,
        total=total,
        limit=limit,
        offset=offset,
        outlets=cat.outlets(),
        params={"q": q, "outlet": outlet, "sort": sort, "story": story},
    )


@router.get("/articles/{article_id:path}")
def article_page(request: Request, con: DB, cat: CAT, article_id: str):
    a = queries.article(con, cat, article_id)
    if a is None:
        return page(request, "error.html.j2", status_code=404, message=f"Kein Artikel {article_id!r}.")
    spans, data = annotate.annotation_spans(a)
    segs = annotate.segments(a["text"], a["sentences"], spans)
    return page(request, "article.html.j2", a=a, segments=segs, ann=data)


@router.get("/search")
def search_page(request: Request, dossier: DOSSIER, q: str = "", limit: int = Query(50, ge=1, le=500),
                offset: SEARCH_OFFSET = 0, raw: bool = False):
    try:
        hits = search(dossier, q, limit, offset, raw) if q.strip() else []
    except SearchError as e:   # the page says so, with the query shortened
        hits = []
        q = f"{q[:200]}{'…' if len(q) > 200 else ''} ({e})"
    return page(request, "search.html.j2", hits=hits, q=q, limit=limit, offset=offset)
