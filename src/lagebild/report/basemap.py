"""The map's basemap: the vendored world-atlas TopoJSON (Natural Earth country outlines) as
GeoJSON that a flat map can draw without artefacts.

    world_geojson() -> {"type": "FeatureCollection", ...}
                        (the web map at /assets/world.json, the report's inline SVG map)

Some rings of the atlas cross the antimeridian (Fiji, Russia's Chukotka, Antarctica): a point at
179.4 follows one at -180. Drawn on a flat map, such a segment runs across the whole world, and
the polygon fills a horizontal stripe. Here every ring is made continuous in longitude (a ring
around a pole is closed over the pole), then cut into the pieces that fall in [-180, 180]; no
segment of the result is longer than half the world (`crossing_segments` checks that).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

# vendored with the web app's map (web/vendor.sh); the static report draws it too
TOPOLOGY = Path(__file__).resolve().parent.parent / "web" / "static" / "vendor" / "countries-110m.json"
Ring = list[tuple[float, float]]


def _arcs(topo: dict[str, Any]) -> list[Ring]:
    """The topology's arcs as absolute (lon, lat) points (delta-decoded, dequantised)."""
    tr = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        out.append(pts)
    return out


def _ring(arcs: list[Ring], indices: list[int]) -> Ring:
    pts: Ring = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts += arc[1:] if pts else arc
    return pts


def _unwrap(ring: Ring) -> Ring:
    """The ring with longitudes made continuous (no step over 180 degrees); a ring that goes
    once around a pole is closed over that pole."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    turn = out[-1][0] - out[0][0]
    if abs(turn) >= 180:  # around a pole: down to it and back along it
        pole = -90.0 if sum(p[1] for p in out) < 0 else 90.0
        a, b = out[-1][0], out[0][0]
        out += [(a + (b - a) * k / 4, pole) for k in range(5)] + [out[0]]  # along the pole in quarter turns
    return out


def _clip(ring: Ring, lo: float, hi: float) -> Ring:
    """Sutherland-Hodgman: the part of the ring with lo <= lon <= hi."""
    for edge, keep in ((lo, lambda x: x >= lo), (hi, lambda x: x <= hi)):
        if not ring:
            return []
        out: Ring = []
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if keep(b[0]):
                if not keep(a[0]):
                    out.append(_cut(a, b, edge))
                out.append(b)
            elif keep(a[0]):
                out.append(_cut(a, b, edge))
        ring = out
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def _cut(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def split_ring(ring: Ring) -> list[Ring]:
    """The ring as pieces inside [-180, 180], none crossing the antimeridian."""
    if not crossing_segments(ring) and all(-180 <= p[0] <= 180 for p in ring):
        return [ring]
    ring = _unwrap(ring)
    lons = [p[0] for p in ring]
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        if max(lons) + shift <= -180 or min(lons) + shift >= 180:
            continue
        piece = _clip([(x + shift, y) for x, y in ring], -180.0, 180.0)
        if len(piece) >= 4:
            pieces.append(piece)
    return pieces


def crossing_segments(ring: Ring) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Segments longer than half the world in longitude: drawn flat, they cross the whole map."""
    return [(a, b) for a, b in zip(ring, ring[1:]) if abs(a[0] - b[0]) > 180]


def _round(ring: Ring) -> list[list[float]]:
    return [[round(x, 3), round(y, 3)] for x, y in ring]


def to_geojson(topo: dict[str, Any], name: str = "countries") -> dict[str, Any]:
    """The topology's object `name` as GeoJSON MultiPolygons, cut at the antimeridian."""
    arcs = _arcs(topo)
    features = []
    for g in topo["objects"][name]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        out = []
        for poly in polys:
            outer, holes = _ring(arcs, poly[0]), [_ring(arcs, h) for h in poly[1:]]
            pieces = split_ring(outer)
            for i, piece in enumerate(pieces):
                # holes never cross the antimeridian in the atlas: each goes with the piece holding it
                inside = [h for h in holes if i == _holder(h, pieces)]
                out.append([_round(piece)] + [_round(h) for h in inside])
        if out:
            features.append(
                {
                    "type": "Feature",
                    "id": g.get("id"),
                    "properties": {"name": (g.get("properties") or {}).get("name")},
                    "geometry": {"type": "MultiPolygon", "coordinates": out},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def _holder(hole: Ring, pieces: list[Ring]) -> int:
    x = hole[0][0]
    for i, p in enumerate(pieces):
        if min(q[0] for q in p) <= x <= max(q[0] for q in p):
            return i
    return 0


@lru_cache(maxsize=1)
def world_geojson_bytes() -> bytes:
    """The basemap as compact JSON, made once per process (a few milliseconds)."""
    topo = json.loads(TOPOLOGY.read_text("utf-8"))
    return json.dumps(to_geojson(topo), separators=(",", ":")).encode("utf-8")
