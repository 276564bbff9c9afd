"""The read model's shared vocabulary: how a group's status and a missing source read in German,
and the stable HTML anchors and safe links that the report and the web app both print."""

from __future__ import annotations

import hashlib
import math
import re

QUALIFIER_DE = {
    "exact": "",
    "approx": "etwa",
    "at_least": "mindestens",
    "more_than": "mehr als",
    "at_most": "höchstens",
    "less_than": "weniger als",
    "vague": "unbestimmt",
}
STATUS_DE = {
    "single": "eine Quelle",
    "agree": "übereinstimmend",
    "disagree": "widersprüchlich",
    "evolution": "Entwicklung über die Zeit",
}
STATUS_ORDER = {"disagree": 0, "evolution": 1, "agree": 2, "single": 3}
NO_SOURCE = "ohne Quellenangabe"


def anchor(prefix: str, key: str) -> str:
    """A valid, unique HTML id for any key: readable slug plus a short hash."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", key).strip("-")[:40] or "x"
    return f"{prefix}-{slug}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (never javascript:, data:, ...)."""
    if url and re.match(r"https?://[^\s<>\"']+$", url.strip(), re.I):
        return url.strip()
    return None


def fmt_number(v: float | int | None) -> str:
    """German notation: 12000 -> 12.000, 3.5 -> 3,5 (at most two decimals)."""
    if v is None:
        return "–"
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return str(v)
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", ".")
    s = f"{v:,.2f}".rstrip("0").rstrip(".")
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_date(iso: str | None) -> str:
    """2026-03-02 -> 02.03.2026, 2026-03 -> 03/2026, 2026 -> 2026; other values as they are."""
    if not iso:
        return ""
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{parts[1]}/{parts[0]}"
    return iso
