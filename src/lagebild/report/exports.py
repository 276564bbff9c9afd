"""Rows for the CLI's JSONL / CSV / table output and GeoJSON: plain dicts of model objects.

The CLI picks the columns it shows; extra keys (ids, nested values) are for
JSONL consumers.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from ..model import BACKGROUND_STATUSES, Claim, ClaimGroup, Entity, Event
from .charts import fmt_number


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _figure(c: Claim) -> str:
    """'mindestens 12 Tote (Polizei) [artikel.txt]' - one claim in a cell."""
    value = fmt_number(c.low) if c.low == c.high else f"{fmt_number(c.low)}-{fmt_number(c.high)}"
    who = c.source or (c.sources[0].name if c.sources else None)
    return f"{c.text} = {value}" + (f" ({who})" if who else "") + f" [{c.article}]"


def group_rows(groups: Sequence[ClaimGroup], claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """One row per quantity group: low/best/high, status, and its figures."""
    by_id = {c.id: c for c in claims if c.id}
    rows = []
    for g in groups:
        members = [by_id[m] for m in g.members if m in by_id]
        rows.append({
            "group": g.id,
            "label": g.label or (g.measure.key() if g.measure else None),
            "low": _num(g.low),
            "best": _num(g.best),
            "high": _num(g.high),
            "status": g.status,
            "n_sources": g.n_sources,
            "figures": "; ".join(_figure(c) for c in members),
            "explanation": g.explanation,
            "rule": g.rule,
            "measure": asdict(g.measure) if g.measure else None,
            "claims": list(g.members),
            "articles": list(dict.fromkeys(c.article for c in members)),
        })
    return rows


def _event_flat(e: Event) -> dict[str, Any]:
    p, t = e.place, e.time
    return {
        "id": e.id,
        "type": e.type,
        "acled_type": e.acled_type,
        "mode": e.mode,
        "actor": e.actor,
        "target": e.target,
        "place": p.name if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "country": p.country if p else None,
        "time": t.value if t else None,
        "time_precision": t.precision if t else None,
        "status": e.status,
        "trigger": e.trigger,
        "figures": ";".join(e.figures),
        "sources": ";".join(e.sources),
        "articles": ";".join(e.articles),
        "evidence": " | ".join(s.text for s in e.evidence),
    }


def event_rows(events: Sequence[Event], flat: bool) -> list[dict[str, Any]]:
    """Events as rows: flat (scalars only, for CSV and tables) or nested (the whole Event, for JSONL)."""
    return [_event_flat(e) if flat else asdict(e) for e in events]


def events_geojson(events: Sequence[Event]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (RFC 7946: lon, lat order); events without coordinates get geometry null."""
    features = []
    for e in events:
        if e.status in BACKGROUND_STATUSES:
            continue                           # background ("1995 geboren"), not what happened: off the map
        p = e.place
        geometry = None
        if p is not None and p.lat is not None and p.lon is not None:
            geometry = {"type": "Point", "coordinates": [p.lon, p.lat]}
        props = _event_flat(e)
        props.pop("lat")
        props.pop("lon")
        props["geo_precision"] = p.precision if p else None
        features.append({"type": "Feature", "id": e.id, "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def entity_rows(entities: Sequence[Entity]) -> list[dict[str, Any]]:
    """One row per entity; `mentions` is the count, `articles` where it is mentioned."""
    return [{
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "lat": e.lat,
        "lon": e.lon,
        "country": e.country,
        "wikidata": e.wikidata,
        "mentions": len(e.mentions),
        "articles": list(dict.fromkeys(m.article for m in e.mentions)),
    } for e in entities]
