"""The map's country outlines: no ring of the served basemap crosses the antimeridian (a segment
over half the world long draws a stripe across a flat map), and nothing is lost by the cut."""
from __future__ import annotations

import json

from lagebild.report import basemap


def _rings(gj):
    for f in gj["features"]:
        for poly in f["geometry"]["coordinates"]:
            yield f["properties"]["name"], poly


def test_no_ring_crosses_the_antimeridian():
    gj = json.loads(basemap.world_geojson_bytes())
    topo = json.loads(basemap.TOPOLOGY.read_text("utf-8"))
    arcs = basemap._arcs(topo)
    raw_crossing = 0
    for g in topo["objects"]["countries"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", [])
        raw_crossing += sum(bool(basemap.crossing_segments(basemap._ring(arcs, r))) for p in polys for r in p)
    assert raw_crossing >= 3  # Fiji, Russia, Antarctica in the vendored atlas: the check has something to find
    names = set()
    for name, poly in _rings(gj):
        names.add(name)
        for ring in poly:
            assert not basemap.crossing_segments(ring), name
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring), name
            assert ring[0] == ring[-1] and len(ring) >= 4, name
    assert {"Russia", "Fiji", "Antarctica", "Germany"} <= names
    assert len(names) == len({g["properties"]["name"] for g in topo["objects"]["countries"]["geometries"]})


def test_a_ring_over_the_antimeridian_is_cut_in_two():
    # an invented island from 178 E to 178 W
    ring = [(178.0, -10.0), (-178.0, -10.0), (-178.0, -12.0), (178.0, -12.0), (178.0, -10.0)]
    pieces = basemap.split_ring(ring)
    assert len(pieces) == 2
    xs = sorted((min(p[0] for p in r), max(p[0] for p in r)) for r in pieces)
    assert xs == [(-180.0, -178.0), (178.0, 180.0)]
    assert all(not basemap.crossing_segments(r) for r in pieces)
    # a ring around the south pole closes over the pole
    polar = [(-180.0, -70.0), (-90.0, -72.0), (0.0, -69.0), (90.0, -71.0), (180.0, -70.0), (-180.0, -70.0)]
    (piece,) = basemap.split_ring(polar)
    assert min(y for _, y in piece) == -90.0 and not basemap.crossing_segments(piece)
