"""Read-only SQL over the dossier schema (store/sqlite.py) for the web app.

The Store's own methods load whole tables into model objects, which is right
for a build or a report but too slow for a page over 10.000 articles. These
queries filter, sort and paginate inside SQLite and return plain dicts (JSON
as the API sends it). They never write.

Every function takes an open `sqlite3.Connection` whose row_factory is
`sqlite3.Row` (a `Store`'s `.db`).
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog, time_span
from .present import (
    EVENT_MODE_DE,
    EVENT_STATUS_DE,
    EVENT_TYPE_DE,
    NO_SOURCE,
    QUALIFIER_DE,
    anchor,
    de,
    fmt_number,
    safe_url,
)

MAX_LIMIT = 500

# The date a figure is for: the claim's own time when it is a calendar date, else the article's date
# (the same rule as report/render.py:_when).
_CLAIM_TIME = "json_extract(c.time, '$.value')"
FIGURE_DATE = (
    f"CASE WHEN {_CLAIM_TIME} GLOB '[0-9][0-9][0-9][0-9]' OR {_CLAIM_TIME} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' "
    f"OR {_CLAIM_TIME} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN {_CLAIM_TIME} ELSE a.published END")
# Who says it: the attributed source as written, else the first structured source.
FIGURE_SOURCE = f"COALESCE(NULLIF(c.source, ''), json_extract(c.sources, '$[0].name'), '{NO_SOURCE}')"


def _loads(v: Any, default: Any = None) -> Any:
    if v is None or v == "":
        return default
    try:
        return json.loads(v)
    except (TypeError, ValueError):
        return default


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


def like(q: str) -> str:
    """A LIKE pattern for a substring, with LIKE's wildcards escaped (ESCAPE '\\')."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", q) + "%"


def version(db: sqlite3.Connection) -> tuple[Any, ...]:
    """Changes whenever a build stored something: the cache key of derived views."""
    r = db.execute("SELECT max(id), max(finished), count(*) FROM builds").fetchone()
    n = db.execute("SELECT max(n) FROM articles").fetchone()[0]
    return (r[0], r[1], r[2], n)


# --- overview --------------------------------------------------------------------------------------


def overview(db: sqlite3.Connection, cat: Catalog) -> dict[str, Any]:
    """Counts, outlets, date span and the last build."""
    build = db.execute("SELECT * FROM builds ORDER BY id DESC LIMIT 1").fetchone()
    meta = {r["key"]: r["value"] for r in db.execute("SELECT key, value FROM meta")}
    return {
        "title": meta.get("title") or "Lagebild",
        **cat.overview(),
        "build": {k: build[k] for k in ("id", "started", "finished", "processed", "unchanged", "failed")}
        if build else None,
        "lagebild": meta.get("lagebild"),
    }


# --- figures and groups ----------------------------------------------------------------------------


@dataclass
class FigureFilter:
    """What the Figures page filters by; every field optional."""

    measure: str | None = None      # measure kind (killed, personnel, ...)
    source: str | None = None       # substring of who says it
    outlet: str | None = None       # exact outlet
    date_from: str | None = None    # ISO date prefix, inclusive
    date_to: str | None = None
    status: str | None = None       # group status
    q: str | None = None            # substring of the group label or a figure's text
    story: str | None = None        # story id: figures of its articles

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


GROUP_SORTS = ("status", "figures", "label", "best", "latest")


def _group_dict(r: sqlite3.Row) -> dict[str, Any]:
    measure = _loads(r["measure"])
    label = r["label"] or (("|".join(v or "" for v in (measure.get("kind"), measure.get("subject"),
                                                         measure.get("action"), measure.get("place")))
                            .strip("|").replace("|", " · ")) if measure else None) or r["id"]
    return {
        "id": r["id"], "label": label, "status": r["status"], "low": _num(r["low"]), "best": _num(r["best"]),
        "high": _num(r["high"]), "n_sources": r["n_sources"], "rule": r["rule"], "explanation": r["explanation"],
        "measure": measure, "anchor": anchor("g", r["id"]),
    }


def _by_ids(db: sqlite3.Connection, sql: str, ids: Sequence[str], key: str = "id") -> list[sqlite3.Row]:
    """Rows of `sql` (which ends in 'IN ({})') for the ids, in the order of the ids."""
    rows: dict[str, sqlite3.Row] = {}
    ids = list(ids)
    for i in range(0, len(ids), 500):  # SQLite's limit on host parameters
        chunk = ids[i:i + 500]
        for r in db.execute(sql.format(",".join("?" * len(chunk))), chunk):
            rows[r[key]] = r
    return [rows[i] for i in ids if i in rows]


def groups(db: sqlite3.Connection, cat: Catalog, f: FigureFilter, *, sort: str = "status", limit: int = 20,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Groups having at least one figure that passes the filter, with their passing figures."""
    limit, offset = clamp(limit, offset)
    total, page = cat.group_page(f, sort, limit, offset)
    rows = {r["id"]: r for r in _by_ids(db, "SELECT * FROM claim_groups WHERE id IN ({})", [g for g, _, _ in page])}
    figs = {x["id"]: x for x in _figures_by_ids(db, [c for _, members, _ in page for c in members])}
    out = []
    for gid, members, n_articles in page:
        if gid not in rows:
            continue
        g = _group_dict(rows[gid])
        g["figures"] = sorted((figs[c] for c in members if c in figs),
                              key=lambda x: (x["date"] is None, x["date"] or "", x["outlet"] or "", x["article"],
                                             x["start"]))
        g["n_figures"], g["n_articles"] = len(g["figures"]), n_articles
        for fig in g["figures"]:
            fig["off"] = bool(g["low"] is not None and g["high"] is not None and fig["low"] is not None
                              and (fig["high"] < g["low"] or fig["low"] > g["high"]))
        out.append(g)
    return total, out


def group(db: sqlite3.Connection, group_id: str) -> dict[str, Any] | None:
    r = db.execute("SELECT * FROM claim_groups WHERE id = ?", (group_id,)).fetchone()
    if r is None:
        return None
    g = _group_dict(r)
    ids = [x[0] for x in db.execute('SELECT id FROM claims WHERE "group" = ?', (group_id,))]
    g["figures"] = sorted(_figures_by_ids(db, ids), key=lambda x: (x["date"] is None, x["date"] or "",
                                                                    x["outlet"] or "", x["article"], x["start"]))
    g["n_figures"] = len(g["figures"])
    g["n_articles"] = len({x["article"] for x in g["figures"]})
    return g


def figures(db: sqlite3.Connection, cat: Catalog, f: FigureFilter, *, grouped: bool | None = None,
            limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Figures (claims) passing the filter, with their group, article and sentence; in stored order."""
    limit, offset = clamp(limit, offset)
    match = cat.match_figures(f, grouped)
    return len(match), _figures_by_ids(db, [x.id for x in match[offset:offset + limit]])


_FIGURE_SELECT = f"""
    SELECT c.*, ({FIGURE_DATE}) AS fdate, ({FIGURE_SOURCE}) AS fsource, a.outlet, a.title, a.published,
           a.duplicate_of, cg.label AS glabel, cg.measure AS gmeasure,
           (SELECT s."index" FROM sentences s WHERE s.article = c.article AND s.start <= c.start
            AND s."end" > c.start ORDER BY s."index" LIMIT 1) AS sent
    FROM claims c JOIN articles a ON a.id = c.article LEFT JOIN claim_groups cg ON cg.id = c."group" """


def _figures_by_ids(db: sqlite3.Connection, ids: Sequence[str]) -> list[dict[str, Any]]:
    return [_figure_dict(r) for r in _by_ids(db, _FIGURE_SELECT + "WHERE c.id IN ({})", ids)]


def _figure_dict(r: sqlite3.Row) -> dict[str, Any]:

    low, high = _num(r["low"]), _num(r["high"])
    value = fmt_number(low) if low == high else f"{fmt_number(low)}–{fmt_number(high)}"
    if r["unit"]:
        value = f"{value} {r['unit']}"
    qual = QUALIFIER_DE.get(r["qualifier"], r["qualifier"] or "")
    cid = r["id"]
    gmeasure = _loads(r["gmeasure"])
    glabel = r["glabel"]
    if r["group"] and not glabel:
        glabel = " · ".join(v for v in (gmeasure or {}).values() if isinstance(v, str) and v) or r["group"]
    return {
        "id": cid, "article": r["article"], "text": r["text"], "sentence": r["sentence"],
        "start": r["start"], "end": r["end"], "low": low, "high": high, "qualifier": r["qualifier"],
        "counted": r["counted"], "unit": r["unit"], "hedged": bool(r["hedged"]), "stance": r["stance"],
        "source": r["fsource"], "sources": _loads(r["sources"], []), "measure": _loads(r["measure"]),
        "time": _loads(r["time"]), "date": r["fdate"], "outlet": r["outlet"], "title": r["title"],
        "published": r["published"], "duplicate_of": r["duplicate_of"],
        "group": r["group"], "group_label": glabel, "sentence_index": r["sent"],
        "stated": " ".join(x for x in (qual, value) if x), "value": value,
        "anchor": anchor("c", cid),
        "sentence_anchor": anchor("s", f"{r['article']}\x00{r['sent']}") if r["sent"] is not None else None,
    }


# --- events ------------------------------------------------------------------------------------------


def _event_dict(r: sqlite3.Row, refs: dict[str, tuple[str, str]]) -> dict[str, Any]:
    place = _loads(r["place"])
    t = _loads(r["time"])
    span = time_span(r["time_value"])
    return {
        "id": r["id"], "type": r["type"], "acled_type": r["acled_type"], "mode": r["mode"],
        "actor": r["actor"], "actor_name": refs.get(r["actor"] or "", ("", r["actor"]))[1],
        "actor_id": refs.get(r["actor"] or "", (None,))[0],
        "target": r["target"], "target_name": refs.get(r["target"] or "", ("", r["target"]))[1],
        "target_id": refs.get(r["target"] or "", (None,))[0],
        "place": place, "place_name": r["place_name"], "lat": r["lat"], "lon": r["lon"],
        "time": t, "time_value": r["time_value"], "start": span[0] if span else None,
        "end": span[1] if span else None, "status": r["status"], "trigger": r["trigger"],
        "figures": _loads(r["figures"], []), "sources": _loads(r["sources"], []),
        "articles": _loads(r["articles"], []), "evidence": _loads(r["evidence"], []),
        "type_label": de(EVENT_TYPE_DE, r["type"]), "mode_label": de(EVENT_MODE_DE, r["mode"]),
        "status_label": de(EVENT_STATUS_DE, r["status"]),
    }


class _Desc(str):
    """Sorts in reverse inside a tuple key (newest first)."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)


def _entity_refs(db: sqlite3.Connection, keys: set[str]) -> dict[str, tuple[str, str]]:
    """key -> (entity id, name) for event actors and targets, which the extractor stores as an
    entity id or as the name it read; a name is matched against entity names (exactly, then
    case-insensitively). A key that is no entity gets no entry: the page shows it unlinked."""
    keys.discard("")
    if not keys:
        return {}
    ks = list(keys)
    marks = ",".join("?" * len(ks))
    refs: dict[str, tuple[str, str]] = {}
    for r in db.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", ks):
        refs[r[0]] = (r[0], r[1])
    rest = [k for k in ks if k not in refs]
    if rest:
        folded = {k.casefold(): k for k in rest}
        marks = ",".join("?" * len(folded))
        rows = db.execute(
            f"SELECT id, name FROM entities WHERE lower(name) IN ({marks}) ORDER BY position, id",
            [k for k in folded]).fetchall()
        for r in rows:
            k = folded.get(r[1].casefold())
            if k is not None and k not in refs:
                refs[k] = (r[0], r[1])
    return refs


def events(db: sqlite3.Connection, cat: Catalog, *, q: str | None = None, type: str | None = None,
           date_from: str | None = None, date_to: str | None = None, article: str | None = None,
           located: bool | None = None, sort: str = "time", limit: int = 50, offset: int = 0,
           only: Sequence[str] | None = None, story: str | None = None,
           current: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """Merged events, by time (undated last), latest first, or in consolidation's order; `current`:
    without background events (historical, comparison)."""
    limit, offset = clamp(limit, offset)
    total, ids = cat.event_page(q=q, type=type, date_from=date_from, date_to=date_to, article=article,
                                located=located, sort=sort, limit=limit, offset=offset, only=only, story=story,
                                current=current)
    rows = _by_ids(db, "SELECT * FROM events WHERE id IN ({})", ids)
    refs = _entity_refs(db, {x for r in rows for x in (r["actor"] or "", r["target"] or "")})
    return total, [_event_dict(r, refs) for r in rows]


def articles_per_day(cat: Catalog, story: str | None = None) -> list[dict[str, Any]]:
    """Articles by publication day (of one story when given)."""
    days = Counter(a.published[:10] for a in cat.articles
                   if a.published and (not story or cat.story_of.get(a.id) == story))
    return [{"day": d, "articles": n} for d, n in sorted(days.items())]


def places(db: sqlite3.Connection, limit: int = 2000,
           articles: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Entities with coordinates (places), with how often and in how many articles they are mentioned;
    with `articles` (a story's), only the places mentioned in them, counted there."""
    where = ""
    if articles is not None:
        if not articles:
            return []
        db.execute("CREATE TEMP TABLE IF NOT EXISTS _story_articles (id TEXT PRIMARY KEY)")
        db.execute("DELETE FROM _story_articles")
        db.executemany("INSERT OR IGNORE INTO _story_articles VALUES (?)", [(a,) for a in articles])
        where = " AND m.article IN (SELECT id FROM _story_articles)"
    rows = db.execute(
        f"""SELECT e.id, e.name, e.type, e.lat, e.lon, e.country, count(m.article) AS n,
                   count(DISTINCT m.article) AS na
            FROM entities e {"JOIN" if where else "LEFT JOIN"} mentions m ON m.entity = e.id{where}
            WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL
            GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?""", (limit,)).fetchall()
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "lat": r["lat"], "lon": r["lon"],
             "country": r["country"], "mentions": r["n"], "articles": r["na"]} for r in rows]


# --- entities ----------------------------------------------------------------------------------------


def entities(db: sqlite3.Connection, cat: Catalog, *, q: str | None = None, type: str | None = None,
             sort: str = "mentions", limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    limit, offset = clamp(limit, offset)
    total, page = cat.entity_page(q, type, sort, limit, offset)
    rows = _by_ids(db, "SELECT * FROM entities WHERE id IN ({})", [e.id for e in page])
    counts = {e.id: (e.mentions, e.articles) for e in page}
    out = []
    for r in rows:
        d = _entity_dict(r)
        d["mentions"], d["articles"] = counts[r["id"]]
        out.append(d)
    return total, out


def _entity_dict(r: sqlite3.Row) -> dict[str, Any]:
    keys = r.keys()
    return {"id": r["id"], "name": r["name"], "type": r["type"], "aliases": _loads(r["aliases"], []),
            "lat": r["lat"], "lon": r["lon"], "country": r["country"], "wikidata": r["wikidata"],
            "mentions": r["n"] if "n" in keys else None, "articles": r["na"] if "na" in keys else None}


def entity(db: sqlite3.Connection, cat: Catalog, entity_id: str, *, limit: int = 50,
           offset: int = 0) -> dict[str, Any] | None:
    """One entity with its mentions (newest articles first, in their sentences, paginated) and the
    entities it co-occurs with."""
    limit, offset = clamp(limit, offset)
    r = db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if r is None:
        return None
    out = _entity_dict(r)
    keys = db.execute("SELECT article, idx FROM mentions WHERE entity = ?", (entity_id,)).fetchall()
    out["mentions"], out["articles"] = len(keys), len({k[0] for k in keys})
    published = cat.published
    keys.sort(key=lambda k: (published.get(k[0]) is None, _Desc(published.get(k[0]) or ""), k[0], k[1]))
    page = keys[offset:offset + limit]
    rows = []
    for m_article, idx in page:
        rows.append(db.execute(
            """SELECT m.article, m.start, m."end", m.text, m.label, a.title, a.outlet, a.published,
                      s."index" AS sent, s.start AS s_start, s.text AS s_text
               FROM mentions m JOIN articles a ON a.id = m.article
               LEFT JOIN sentences s ON s.article = m.article AND s.start <= m.start AND s."end" > m.start
               WHERE m.article = ? AND m.idx = ?""", (m_article, idx)).fetchone())
    out["mention_list"] = [{
        "article": m["article"], "start": m["start"], "end": m["end"], "text": m["text"], "label": m["label"],
        "title": m["title"], "outlet": m["outlet"], "published": m["published"], "sentence": m["s_text"],
        "sentence_index": m["sent"],
        # the mention inside its sentence, for highlighting without markup in the data
        "in_sentence": [m["start"] - m["s_start"], m["end"] - m["s_start"]] if m["s_start"] is not None else None,
        "sentence_anchor": anchor("s", f"{m['article']}\x00{m['sent']}") if m["sent"] is not None else None,
    } for m in rows if m is not None]
    out["cooccurring"] = [{"id": c["id"], "name": c["name"], "type": c["type"], "articles": c["shared"]}
                          for c in db.execute(
        """SELECT e.id, e.name, e.type, count(DISTINCT m2.article) AS shared
           FROM (SELECT DISTINCT article FROM mentions WHERE entity = ?) m1
           JOIN mentions m2 ON m2.article = m1.article AND m2.entity IS NOT NULL AND m2.entity != ?
           JOIN entities e ON e.id = m2.entity
           GROUP BY e.id ORDER BY shared DESC, e.name LIMIT 30""", (entity_id, entity_id))]
    ids = [e.id for e in cat.events if entity_id in (e.actor, e.target)]
    out["events"] = events(db, cat, q=None, limit=MAX_LIMIT, offset=0, sort="time", only=ids)[1] if ids else []
    return out


# --- articles ----------------------------------------------------------------------------------------


def articles(db: sqlite3.Connection, cat: Catalog, *, q: str | None = None, outlet: str | None = None,
             sort: str = "published", limit: int = 50, offset: int = 0,
             story: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Article list without texts; q searches titles and ids (full-text search is Store.search)."""
    limit, offset = clamp(limit, offset)
    total, ids = cat.article_page(q, outlet, sort, limit, offset, story)
    rows = _by_ids(db, """SELECT id, title, outlet, url, published, published_precision, language, agencies,
                                 duplicate_of, warnings FROM articles WHERE id IN ({})""", ids)
    out = []
    for r in rows:
        d = _article_summary(r)
        d["claims"] = cat.claims_per_article.get(r["id"], 0)
        out.append(d)
    return total, out


def _article_summary(r: sqlite3.Row) -> dict[str, Any]:
    return {"id": r["id"], "title": r["title"], "outlet": r["outlet"], "url": r["url"],
            "safe_url": safe_url(r["url"]), "published": r["published"],
            "published_precision": r["published_precision"], "language": r["language"],
            "agencies": _loads(r["agencies"], []), "duplicate_of": r["duplicate_of"],
            "warnings": _loads(r["warnings"], []), "claims": r["n_claims"] if "n_claims" in r.keys() else None}


def article(db: sqlite3.Connection, cat: Catalog, article_id: str) -> dict[str, Any] | None:
    """One article with everything extracted from it (text included)."""
    r = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if r is None:
        return None
    out = _article_summary(r)
    out.update(text=r["text"], published_basis=r["published_basis"], stored_at=r["stored_at"],
               source_path=r["source_path"])
    out["sentences"] = [{"index": s["index"], "start": s["start"], "end": s["end"],
                         "anchor": anchor("s", f"{article_id}\x00{s['index']}")}
                        for s in db.execute('SELECT "index", start, "end" FROM sentences WHERE article = ? '
                                            'ORDER BY "index"', (article_id,))]
    out["figures"] = _article_figures(db, article_id)
    out["claims"] = len(out["figures"])
    out["times"] = [{"start": t["start"], "end": t["end"], "text": t["text"], "type": t["type"],
                     "value": t["value"], "precision": t["precision"], "mod": t["mod"],
                     "anchored": bool(t["anchored"])}
                    for t in db.execute("SELECT * FROM times WHERE article = ? ORDER BY start", (article_id,))]
    out["mentions"] = [{"start": m["start"], "end": m["end"], "text": m["text"], "label": m["label"],
                        "entity": m["entity"], "entity_name": m["name"], "entity_type": m["etype"]}
                       for m in db.execute(
                           """SELECT m.*, e.name, e.type AS etype FROM mentions m LEFT JOIN entities e
                              ON e.id = m.entity WHERE m.article = ? ORDER BY m.start""", (article_id,))]
    out["events"] = events(db, cat, article=article_id, limit=MAX_LIMIT)[1]
    out["copies"] = cat.copies.get(article_id, [])
    # the outlets of a syndicated story's copies (and of the original a copy is folded into)
    names = [*out["copies"], *([r["duplicate_of"]] if r["duplicate_of"] else [])]
    out["outlet_of"] = {a.id: a.outlet for a in cat.articles if a.id in set(names)} if names else {}
    return out


def _article_figures(db: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    rows = db.execute(_FIGURE_SELECT + "WHERE c.article = ? ORDER BY c.start", (article_id,)).fetchall()
    return [_figure_dict(r) for r in rows]


# --- stories -----------------------------------------------------------------------------------------


def story_list(db: sqlite3.Connection, cat: Catalog) -> list[dict[str, Any]]:
    """The stories in consolidation's order (oldest first), each with its article ids and how many
    articles, figures and events it holds; none in a dossier built before stories."""
    if not cat.stories:
        return []
    extra = {r["id"]: r for r in db.execute("SELECT id, event, place FROM stories")}
    figs = Counter(cat.story_of.get(f.article) for f in cat.figures)
    return [{"id": s.id, "title": s.title, "start": s.start, "end": s.end, "articles": len(s.articles),
             "article_ids": list(s.articles), "figures": figs.get(s.id, 0), "events": len(cat.story_events(s.id)),
             "event": extra[s.id]["event"] if s.id in extra else None,
             "place": extra[s.id]["place"] if s.id in extra else None}
            for s in cat.stories]


def newest_first(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(stories, key=lambda s: (s["end"] is None, _Desc(s["end"] or "")))


def story(db: sqlite3.Connection, cat: Catalog, story_id: str) -> dict[str, Any] | None:
    """One story: its counts, keywords, outlets and articles."""
    s = cat.story(story_id)
    if s is None:
        return None
    row = db.execute("SELECT keywords FROM stories WHERE id = ?", (story_id,)).fetchone()
    out = next(x for x in story_list(db, cat) if x["id"] == story_id)
    out["keywords"] = _loads(row["keywords"], []) if row else []
    out["outlets"] = sorted({a.outlet for a in cat.articles if a.id in set(s.articles) and a.outlet})
    return out
