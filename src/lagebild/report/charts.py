"""Inline SVG charts: plain functions, no JavaScript, no network.

`figure_chart` draws the figures of one quantity by source over time; the
static report and the web app both use it. Every piece of text that goes
into the SVG is escaped here, so callers may pass article data as it is.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
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
    legend_rows = math.ceil(len(series) / 2)
    total_h = height + legend_rows * 16 + 6
    pw, ph = width - ml - mr, height - mt - mb

    # y: linear from 0 unless the values span orders of magnitude
    values = [v for p in pts for v in (p.low, p.high)] + [v for v in (low, best, high) if v is not None]
    vmax = max(values)
    positive = [v for v in values if v > 0]
    use_log = bool(positive) and min(values) > 0 and vmax / min(positive) >= 100
    if use_log:
        lo_e, hi_e = math.floor(math.log10(min(positive))), math.ceil(math.log10(vmax))
        hi_e = max(hi_e, lo_e + 1)
        ticks = [10.0 ** e for e in range(lo_e, hi_e + 1)]

        def y(v: float) -> float:
            v = max(v, 10.0 ** lo_e)
            return mt + ph - (math.log10(v) - lo_e) / (hi_e - lo_e) * ph
    else:
        vmin = min(0.0, min(values))
        ticks = nice_ticks(vmin, vmax * 1.08 if vmax > 0 else 1)
        top = max(ticks[-1], vmax) or 1

        def y(v: float) -> float:
            return mt + ph - (v - vmin) / ((top - vmin) or 1) * ph

    # x: dates; undated points get a slot at the left
    days = {p.when: date_ordinal(p.when) for p in pts}
    dated = sorted({d for d in days.values() if d is not None})
    undated = any(d is None for d in days.values())
    x0 = ml + (36 if undated else 0) + 16
    x1 = ml + pw - 16
    if len(dated) > 1:
        span = dated[-1] - dated[0]

        def x_of(d: float | None) -> float:
            return ml + 14 if d is None else x0 + (d - dated[0]) / span * (x1 - x0)
    else:
        def x_of(d: float | None) -> float:
            return ml + 14 if d is None else (x0 + x1) / 2

    out: list[str] = []
    label = title or "Zahlenangaben nach Quelle und Datum"
    out.append(f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total_h}" '
               f'width="{width}" height="{total_h}" role="img" aria-label="{escape(label)}">')
    out.append(f"<title>{escape(label)}</title>")
    # grid and y labels
    for t in ticks:
        yy = y(t)
        out.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#ddd" stroke-width="1"/>')
        out.append(f'<text x="{ml - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" fill="#555">'
                   f"{escape(fmt_number(t))}</text>")
    # consolidated band and best estimate
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
    # x labels: first and last date, and the undated slot
    out.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{mt + ph}" y2="{mt + ph}" stroke="#999"/>')
    base = mt + ph + 16
    if dated:
        whens = {d: w for w, d in days.items() if d is not None}
        shown = [dated[0]] if len(dated) == 1 else [dated[0], dated[-1]]
        if len(dated) > 2:
            shown.insert(1, dated[len(dated) // 2])
        for d in shown:
            anchor = "middle" if len(dated) == 1 or d not in (dated[0], dated[-1]) else (
                "start" if d == dated[0] else "end")
            out.append(f'<text x="{x_of(d):.1f}" y="{base}" text-anchor="{anchor}" font-size="11" fill="#555">'
                       f"{escape(fmt_date(whens[d]))}</text>")
    if undated:
        out.append(f'<text x="{ml + 14}" y="{base}" text-anchor="middle" font-size="11" fill="#555">o.&#160;D.</text>')
    # points: several on one day are spread sideways so none hides another
    slot: dict[float | None, int] = {}
    for p in pts:
        d = days[p.when]
        k = slot.get(d, 0)
        slot[d] = k + 1
        same_day = sum(1 for q in pts if days[q.when] == d)
        xx = x_of(d) + (k - (same_day - 1) / 2) * min(9, 40 / max(same_day, 1))
        c = colour[p.series]
        fill = "#fff" if p.hedged else c
        tip = escape(p.label or f"{p.series}: {fmt_number(p.low)}"
                     + ("" if p.low == p.high else f" bis {fmt_number(p.high)}"))
        shape = []
        if p.low != p.high:
            ya, yb = y(p.high), y(p.low)
            shape.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{ya:.1f}" y2="{yb:.1f}" stroke="{c}" stroke-width="2"/>')
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
    # legend, two columns
    col_w = (width - ml) // 2
    for i, s in enumerate(series):
        lx = ml + (i % 2) * col_w
        ly = height + 6 + (i // 2) * 16
        out.append(f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{colour[s]}"/>')
        name = s if len(s) <= 42 else s[:41] + "…"
        out.append(f'<text x="{lx + 15}" y="{ly + 9}" font-size="11" fill="#333">{escape(name)}</text>')
    if use_log:
        out.append(f'<text x="{ml + pw}" y="{mt + 10}" text-anchor="end" font-size="10" fill="#777">'
                   "logarithmische Skala</text>")
    out.append("</svg>")
    return Markup("".join(out))
