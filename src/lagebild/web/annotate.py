"""An article's text cut into pieces for the article view: sentences, and inside them
the stretches covered by claims, time expressions and entity mentions.

Annotations may overlap (a claim containing a date and a place); the text is cut at
every annotation boundary, and each piece lists all annotations covering it, so
nothing is lost and no markup is ever nested wrongly. The templates escape every
piece; the structured reading of each annotation goes to the page as JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..report.charts import fmt_date


@dataclass
class HoverPiece:
    text: str
    keys: list[str] = field(default_factory=list)      # annotation keys covering it
    kinds: list[str] = field(default_factory=list)     # claim, time, entity (css classes)
    anchors: list[str] = field(default_factory=list)   # ids of claims that start here


@dataclass
class HoverSegment:
    anchor: str | None             # sentence id; None for text between sentences
    index: int | None
    pieces: list[HoverPiece]


def annotation_spans(art: dict[str, Any]) -> tuple[list[tuple[int, int, str, str, str | None]],
                                                  dict[str, dict[str, Any]]]:
    """(start, end, key, kind, claim anchor) spans, and key -> the structured reading shown on hover."""
    spans: list[tuple[int, int, str, str, str | None]] = []
    data: dict[str, dict[str, Any]] = {}
    for i, f in enumerate(art["figures"]):
        key = f"c{i}"
        spans.append((f["start"], f["end"], key, "claim", f["anchor"]))
        rows = [["Zahl", f["stated"] + (f" {f['counted']}" if f.get("counted") else "")],
                ["Quelle", f["source"] + (" (unbestätigt)" if f["hedged"] else "")]]
        if f.get("stance") and f["stance"] != "asserted":
            rows.append(["Haltung", f["stance"]])
        if f.get("date"):
            rows.append(["Datum", fmt_date(f["date"])])
        if f.get("group_label"):
            rows.append(["Größe", f["group_label"]])
        data[key] = {"kind": "Zahlenangabe", "text": f["text"], "rows": rows}
    for i, t in enumerate(art["times"]):
        if t["start"] is None or t["end"] is None:
            continue
        key = f"t{i}"
        spans.append((t["start"], t["end"], key, "time", None))
        rows = [["Wert", t["value"] or "–"], ["Typ", t["type"] or "–"], ["Genauigkeit", t["precision"] or "–"]]
        if t.get("mod"):
            rows.append(["Modifikator", t["mod"]])
        data[key] = {"kind": "Zeitangabe", "text": t["text"], "rows": rows}
    for i, m in enumerate(art["mentions"]):
        if m["start"] is None or m["end"] is None:
            continue
        key = f"m{i}"
        spans.append((m["start"], m["end"], key, "entity", None))
        rows = [["Typ", m.get("entity_type") or m.get("label") or "–"]]
        if m.get("entity_name"):
            rows.insert(0, ["Entität", m["entity_name"]])
        data[key] = {"kind": "Akteur/Ort", "text": m["text"], "rows": rows, "entity": m.get("entity")}
    return spans, data


def segments(text: str, sentences: list[dict[str, Any]],
             spans: list[tuple[int, int, str, str, str | None]]) -> list[HoverSegment]:
    """The text as sentence segments of annotated pieces; concatenated, the pieces give the text back."""
    n = len(text)
    spans = [(max(0, s), min(n, e), k, kind, a) for s, e, k, kind, a in spans if e > s and s < n]
    sents = sorted(((max(0, s["start"]), min(n, s["end"]), s["anchor"], s["index"]) for s in sentences
                    if s["end"] > s["start"]), key=lambda x: x[0])
    # sentence segments and the gaps between them (overlapping sentences keep their text once)
    cuts: list[tuple[int, int, str | None, int | None]] = []
    pos = 0
    for s, e, anchor, idx in sents:
        s = max(s, pos)
        if s >= e:
            continue
        if s > pos:
            cuts.append((pos, s, None, None))
        cuts.append((s, e, anchor, idx))
        pos = e
    if pos < n:
        cuts.append((pos, n, None, None))
    bounds = sorted({b for s, e, *_ in spans for b in (s, e)})
    out = []
    placed: set[str] = set()  # an id once only, even for a claim crossing a sentence boundary
    for s, e, anchor, idx in cuts:
        points = [s] + [b for b in bounds if s < b < e] + [e]
        pieces = []
        for a, b in zip(points, points[1:]):
            cover = [sp for sp in spans if sp[0] < b and sp[1] > a]
            anchors = [sp[4] for sp in cover if sp[4] and sp[4] not in placed]
            placed.update(anchors)
            pieces.append(HoverPiece(text[a:b], [sp[2] for sp in cover], sorted({sp[3] for sp in cover}), anchors))
        out.append(HoverSegment(anchor, idx, pieces))
    return out
