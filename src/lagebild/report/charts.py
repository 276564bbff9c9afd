"""Inline SVG charts: plain functions, no JavaScript, no network.

`figure_chart` draws the figures of one quantity by source over time; the
static report and the web app both use it. Every piece of text that goes
into the SVG is escaped here, so callers may pass article data as it is.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from ..store.present import fmt_date, fmt_number

# Okabe-Ito: distinguishable with colour-vision deficiencies, and in greyscale print by marker fill.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")


@dataclass
class Point:
    """One figure: a value (low == high) or a range, said by `series` (a source) on `when`."""

    low: float
    high: float
    series: str
    when: str | None = None        # ISO date of any precision: 2026-03-02, 2026-03, 2026
    label: str | None = None       # tooltip
    href: str | None = None        # link target, e.g. "#c-..." (the figure in its article)
    hedged: bool = False           # drawn hollow


def date_ordinal(iso: str | None) -> float | None:
    """A day number for an ISO date of any precision (a month sits on its 15th, a year on 1 July)."""
    if not iso or not iso[:4].isdigit():
        return None
    try:
        y = int(iso[:4])
        m = int(iso[5:7]) if len(iso) >= 7 and iso[5:7].isdigit() else None
        d = int(iso[8:10]) if len(iso) >= 10 and iso[8:10].isdigit() else None
        if m is None:
            return float(date(y, 7, 1).toordinal())
        return float(date(y, m, d or 15).toordinal())
    except ValueError:
        return None


def nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """About n round tick values covering [lo, hi]."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks, t = [], start
    while t <= hi + step * 1e-9:
        if t >= lo - step * 1e-9:
            ticks.append(round(t, 10))
        t += step
    return ticks


@dataclass
class _Frame:
    """The plot area of a figure chart and its scales: value -> y, day number (None: undated) -> x."""

    width: int
    height: int
    total_h: int                   # with the legend below
    ml: int                        # left margin (y labels)
    mt: int
    pw: int
    ph: int
    ticks: list[float]
    use_log: bool
    y: Callable[[float], float]
    x_of: Callable[[float | None], float]


def _y_scale(values: list[float], mt: int, ph: int) -> tuple[list[float], bool, Callable[[float], float]]:
    """Ticks, whether logarithmic, and value -> y: linear from 0 unless the values span orders of magnitude."""
    vmax = max(values)
    positive = [v for v in values if v > 0]
    use_log = bool(positive) and min(values) > 0 and vmax / min(positive) >= 100
    if use_log:
        lo_e, hi_e = math.floor(math.log10(min(positive))), math.ceil(math.log10(vmax))
        hi_e = max(hi_e, lo_e + 1)

        def y_log(v: float) -> float:
            v = max(v, 10.0 ** lo_e)
            return mt + ph - (math.log10(v) - lo_e) / (hi_e - lo_e) * ph
        return [10.0 ** e for e in range(lo_e, hi_e + 1)], True, y_log
    vmin = min(0.0, min(values))
    ticks = nice_ticks(vmin, vmax * 1.08 if vmax > 0 else 1)
    top = max(ticks[-1], vmax) or 1

    def y_lin(v: float) -> float:
        return mt + ph - (v - vmin) / ((top - vmin) or 1) * ph
    return ticks, False, y_lin


def _x_scale(dated: list[float], undated: bool, ml: int, pw: int) -> Callable[[float | None], float]:
    """Day number -> x; undated points get a slot at the left."""
    x0 = ml + (36 if undated else 0) + 16
    x1 = ml + pw - 16
    if len(dated) > 1:
        span = dated[-1] - dated[0]
        return lambda d: ml + 14 if d is None else x0 + (d - dated[0]) / span * (x1 - x0)
    return lambda d: ml + 14 if d is None else (x0 + x1) / 2


def _grid_and_band(f: _Frame, low: float | None, best: float | None, high: float | None) -> list[str]:
    """Grid lines with y labels, the consolidated low..high band and the best estimate's dashed line."""
    ml, pw, y = f.ml, f.pw, f.y
    out = []
    for t in f.ticks:
        yy = y(t)
        out.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#ddd" stroke-width="1"/>')
        out.append(f'<text x="{ml - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" fill="#555">'
                   f"{escape(fmt_number(t))}</text>")
    if low is not None and high is not None and high >= low:
        ya, yb = y(high), y(low)
        out.append(f'<rect x="{ml}" y="{ya:.1f}" width="{pw}" height="{max(yb - ya, 1.5):.1f}" '
                   f'fill="#f4c542" fill-opacity="0.18"><title>Spanne {escape(fmt_number(low))} bis '
                   f"{escape(fmt_number(high))}</title></rect>")
    if best is not None:
        yy = y(best)
        out.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#8a6d00" '
                   f'stroke-width="1.5" stroke-dasharray="5 3"><title>beste Schätzung {escape(fmt_number(best))}'
                   f"</title></line>")
    return out


def _x_labels(f: _Frame, days: dict[str | None, float | None], dated: list[float], undated: bool) -> list[str]:
    """The x axis: first, middle and last date, and the undated slot."""
    ml, mt, ph = f.ml, f.mt, f.ph
    out = [f'<line x1="{ml}" x2="{ml + f.pw}" y1="{mt + ph}" y2="{mt + ph}" stroke="#999"/>']
    base = mt + ph + 16
    if dated:
        whens = {d: w for w, d in days.items() if d is not None}
        shown = [dated[0]] if len(dated) == 1 else [dated[0], dated[-1]]
        if len(dated) > 2:
            shown.insert(1, dated[len(dated) // 2])
        for d in shown:
            anchor = "middle" if len(dated) == 1 or d not in (dated[0], dated[-1]) else (
                "start" if d == dated[0] else "end")
            out.append(f'<text x="{f.x_of(d):.1f}" y="{base}" text-anchor="{anchor}" font-size="11" fill="#555">'
                       f"{escape(fmt_date(whens[d]))}</text>")
    if undated:
        out.append(f'<text x="{ml + 14}" y="{base}" text-anchor="middle" font-size="11" fill="#555">o.&#160;D.</text>')
    return out


def _point_marks(f: _Frame, pts: Sequence[Point], days: dict[str | None, float | None],
                 colour: dict[str, str]) -> list[str]:
    """One dot (a range: a bar with end caps) per figure; several on one day spread sideways so none hides
    another."""
    out = []
    y = f.y
    slot: dict[float | None, int] = {}
    for p in pts:
        d = days[p.when]
        k = slot.get(d, 0)
        slot[d] = k + 1
        same_day = sum(1 for q in pts if days[q.when] == d)
        xx = f.x_of(d) + (k - (same_day - 1) / 2) * min(9, 40 / max(same_day, 1))
        c = colour[p.series]
        fill = "#fff" if p.hedged else c
        tip = escape(p.label or f"{p.series}: {fmt_number(p.low)}"
                     + ("" if p.low == p.high else f" bis {fmt_number(p.high)}"))
        shape = []
        if p.low != p.high:
            ya, yb = y(p.high), y(p.low)
            shape.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{ya:.1f}" y2="{yb:.1f}" stroke="{c}" '
                         f'stroke-width="2"/>')
            for yy in (ya, yb):
                shape.append(f'<line x1="{xx - 4:.1f}" x2="{xx + 4:.1f}" y1="{yy:.1f}" y2="{yy:.1f}" '
                             f'stroke="{c}" stroke-width="2"/>')
        else:
            shape.append(f'<circle cx="{xx:.1f}" cy="{y(p.low):.1f}" r="4.5" fill="{fill}" stroke="{c}" '
                         f'stroke-width="2"/>')
        body = f"<title>{tip}</title>" + "".join(shape)
        if p.href:
            out.append(f'<a href="{escape(p.href)}">{body}</a>')
        else:
            out.append(f"<g>{body}</g>")
    return out


def _legend(f: _Frame, series: list[str], colour: dict[str, str]) -> list[str]:
    """The series in two columns below the plot, and a note where the scale is logarithmic."""
    out = []
    ml = f.ml
    col_w = (f.width - ml) // 2
    for i, s in enumerate(series):
        lx = ml + (i % 2) * col_w
        ly = f.height + 6 + (i // 2) * 16
        out.append(f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{colour[s]}"/>')
        name = s if len(s) <= 42 else s[:41] + "…"
        out.append(f'<text x="{lx + 15}" y="{ly + 9}" font-size="11" fill="#333">{escape(name)}</text>')
    if f.use_log:
        out.append(f'<text x="{ml + f.pw}" y="{f.mt + 10}" text-anchor="end" font-size="10" fill="#777">'
                   "logarithmische Skala</text>")
    return out


def figure_chart(
    points: Sequence[Point],
    *,
    low: float | None = None,
    best: float | None = None,
    high: float | None = None,
    width: int = 560,
    height: int = 170,
    title: str | None = None,
) -> Markup:
    """Figures by source over time as one inline SVG.

    Each point is a dot (a range: a bar with end caps) at its date, coloured
    by series, linked to `href`; the consolidated low..high is a band, the best
    estimate a dashed line. Undated points stand in a column of their own at
    the left. Hedged figures are hollow.
    """
    pts = [p for p in points if p.low is not None and p.high is not None]
    if not pts:
        return Markup("")
    series = list(dict.fromkeys(p.series for p in pts))
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(series)}
    ml, mr, mt, mb = 64, 14, 10, 26            # margins: y labels left, x labels below
    total_h = height + math.ceil(len(series) / 2) * 16 + 6
    pw, ph = width - ml - mr, height - mt - mb
    values = [v for p in pts for v in (p.low, p.high)] + [v for v in (low, best, high) if v is not None]
    ticks, use_log, y = _y_scale(values, mt, ph)
    days = {p.when: date_ordinal(p.when) for p in pts}
    dated = sorted({d for d in days.values() if d is not None})
    undated = any(d is None for d in days.values())
    frame = _Frame(width, height, total_h, ml, mt, pw, ph, ticks, use_log, y, _x_scale(dated, undated, ml, pw))

    label = title or "Zahlenangaben nach Quelle und Datum"
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total_h}" '
           f'width="{width}" height="{total_h}" role="img" aria-label="{escape(label)}">',
           f"<title>{escape(label)}</title>"]
    out += _grid_and_band(frame, low, best, high)
    out += _x_labels(frame, days, dated, undated)
    out += _point_marks(frame, pts, days, colour)
    out += _legend(frame, series, colour)
    out.append("</svg>")
    return Markup("".join(out))


@dataclass
class Mark:
    """One event on the report's timeline or map."""

    when: str | None               # ISO date of any precision
    lane: str                      # the event's type, as a reader names it
    label: str                     # tooltip
    href: str | None = None        # link target: "#e-..." (its row in the events table)
    lon: float | None = None
    lat: float | None = None


def event_timeline(marks: Sequence[Mark], *, width: int = 760, lanes_max: int = 10) -> Markup:
    """Dated events as dots on one time axis, one lane per event type (most frequent first), each dot
    linking to its event. Inline SVG, no script; undated events are left out (the table has them)."""
    dated = [(x, m) for m in marks if (x := date_ordinal(m.when)) is not None]
    if not dated:
        return Markup("")
    counts: dict[str, int] = {}
    for _, m in dated:
        counts[m.lane] = counts.get(m.lane, 0) + 1
    lanes = sorted(counts, key=lambda k: (-counts[k], k))
    if len(lanes) > lanes_max:
        keep = set(lanes[:lanes_max - 1])
        dated = [(x, m if m.lane in keep else Mark(m.when, "Sonstige", m.label, m.href)) for x, m in dated]
        lanes = lanes[:lanes_max - 1] + ["Sonstige"]
    left, right, row, top = 150, 16, 22, 10
    height = top + row * len(lanes) + 34
    lo, hi = min(x for x, _ in dated), max(x for x, _ in dated)
    pad = max((hi - lo) * 0.03, 3)
    lo, hi = lo - pad, hi + pad

    def px(x: float) -> float:
        return round(left + (x - lo) / (hi - lo) * (width - left - right), 1)

    out = [f'<svg class="chart timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="Zeitleiste der Ereignisse">'
           '<title>Zeitleiste der Ereignisse</title>']
    for i, lane in enumerate(lanes):
        y = top + i * row + row / 2
        out.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" font-size="11" fill="#333">'
                   f'{escape(lane)} ({sum(1 for _, m in dated if m.lane == lane)})</text>'
                   f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="#eee"/>')
    axis_y = top + row * len(lanes) + 6
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{axis_y}" y2="{axis_y}" stroke="#999"/>')
    for t in nice_ticks(lo, hi, 5):
        d = date.fromordinal(int(t))
        tick = d.strftime("%d.%m.%Y") if hi - lo < 120 else f"{d.month:02d}/{d.year}" if hi - lo < 1500 else str(d.year)
        out.append(f'<text x="{px(t)}" y="{axis_y + 16}" text-anchor="middle" font-size="11" fill="#555">{tick}</text>')
    for x, m in sorted(dated, key=lambda d: d[0]):
        y = top + lanes.index(m.lane) * row + row / 2
        dot = (f'<title>{escape(m.label)}</title><circle cx="{px(x)}" cy="{y}" r="5" fill="#0072B2" '
               'fill-opacity="0.75" stroke="#fff" stroke-width="1"/>')
        out.append(f'<a href="{escape(m.href)}">{dot}</a>' if m.href else f"<g>{dot}</g>")
    out.append("</svg>")
    return Markup("".join(out))


def event_map(marks: Sequence[Mark], world: dict, *, width: int = 760) -> Markup:
    """Located events as dots on the country outlines around them (equirectangular, zoomed to the
    events), each linking to its event. Inline SVG, no tiles, no network."""
    pts = [(m.lon, m.lat, m) for m in marks if m.lon is not None and m.lat is not None]
    if not pts:
        return Markup("")
    w0, w1 = min(lon for lon, _, _ in pts), max(lon for lon, _, _ in pts)
    s0, s1 = min(lat for _, lat, _ in pts), max(lat for _, lat, _ in pts)
    span = max(w1 - w0, (s1 - s0) * 1.6, 8.0)
    cx, cy = (w0 + w1) / 2, (s0 + s1) / 2
    w0, w1 = cx - span * 0.6, cx + span * 0.6
    s0, s1 = cy - span * 0.6 / 1.6, cy + span * 0.6 / 1.6
    height = round(width / 1.6)

    def xy(lon: float, lat: float) -> tuple[int, int]:
        return round((lon - w0) / (w1 - w0) * width), round((s1 - lat) / (s1 - s0) * height)

    paths = []
    for f in world.get("features", []):
        d = []
        for poly in f["geometry"]["coordinates"]:
            for ring in poly:
                if max(p[0] for p in ring) < w0 or min(p[0] for p in ring) > w1 \
                        or max(p[1] for p in ring) < s0 or min(p[1] for p in ring) > s1:
                    continue
                pix = [xy(x, y) for x, y in ring]
                pix = [p for i, p in enumerate(pix) if i == 0 or p != pix[i - 1]]
                if len(pix) >= 3:
                    d.append("M" + "L".join(f"{x} {y}" for x, y in pix) + "Z")
        if d:
            paths.append(f'<path d="{"".join(d)}"/>')
    out = [f'<svg class="chart map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="Karte der Ereignisse">'
           '<title>Karte der Ereignisse (Grenzen: Natural Earth)</title>'
           f'<rect width="{width}" height="{height}" fill="#d6e6f2"/>'
           f'<g fill="#f7f7f2" stroke="#9aa0a6" stroke-width="0.8">{"".join(paths)}</g>']
    for lon, lat, m in pts:
        x, y = xy(lon, lat)
        dot = (f'<title>{escape(m.label)}</title><circle cx="{x}" cy="{y}" r="6" fill="#d55e00" '
               'fill-opacity="0.8" stroke="#b3261e" stroke-width="1.5"/>')
        out.append(f'<a href="{escape(m.href)}">{dot}</a>' if m.href else f"<g>{dot}</g>")
    out.append("</svg>")
    return Markup("".join(out))
