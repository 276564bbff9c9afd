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
# Events (extract/events.py's CAMEO-like types and ACLED-like modes) and entities, as a German reader names them
EVENT_TYPE_DE = {
    "ASSAULT": "Angriff", "AID": "Unterstützung", "CONSULT": "Treffen, Gespräch", "AGREE": "Vereinbarung",
    "CONCEDE": "Eingeständnis", "DEMAND": "Forderung", "REJECT": "Zurückweisung", "THREATEN": "Drohung",
    "SANCTION": "Sanktion", "MOBILIZE": "Mobilisierung", "COERCE": "Zwangsmaßnahme", "PROTEST": "Protest",
    "ANNOUNCE": "Ankündigung, Kandidatur", "OTHER": "Sonstiges Ereignis", "REPORT": "Meldung",
}
EVENT_MODE_DE = {
    "aerial": "aus der Luft", "shelling": "Beschuss", "explode": "Anschlag", "firearms": "Schusswaffen",
    "stabbing": "Messer, Stichwaffe",
    "occupy": "Einnahme", "incursion": "Vorstoß", "clash": "Gefecht", "military": "militärisch",
    "arms": "Waffen", "humanitarian": "humanitär", "meet": "Treffen", "visit": "Besuch", "phone": "Telefonat",
    "sign": "unterzeichnet", "admit": "bestätigt", "arrest": "Festnahme", "expel": "Ausweisung",
    "demo": "Demonstration", "riot": "Ausschreitungen", "brawl": "Schlägerei", "strike": "Streik",
    "disaster": "Katastrophe", "accident": "Unfall", "plan": "Vorhaben", "candidacy": "Kandidatur",
}
EVENT_STATUS_DE = {"reported": "berichtet", "planned": "geplant", "denied": "bestritten",
                   "hypothetical": "möglich"}
ENTITY_TYPE_DE = {"PER": "Person", "ORG": "Organisation", "LOC": "Ort", "GPE": "Staat, Gebiet", "OTH": "Sonstiges"}
STANCE_DE = {"asserted": "", "denied": "bestritten", "disputed": "angezweifelt"}


# what the templates of the report and the web app name things by
VOCABULARY = {"EVENT_TYPE_DE": EVENT_TYPE_DE, "EVENT_MODE_DE": EVENT_MODE_DE, "EVENT_STATUS_DE": EVENT_STATUS_DE,
              "ENTITY_TYPE_DE": ENTITY_TYPE_DE, "STANCE_DE": STANCE_DE}


def de(vocab: dict[str, str], key: str | None) -> str:
    """A key's German label, the key itself when the vocabulary does not know it."""
    return vocab.get(key or "", key or "")


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
    if re.match(r"\d{4}-\d{2}-\d{2}T", iso):  # a timestamp: its day
        iso = iso[:10]
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{parts[1]}/{parts[0]}"
    return iso


def fmt_datetime(iso: str | None) -> str:
    """2026-12-04T16:52:42+00:00 -> 04.12.2026, 16:52 Uhr (UTC); a plain date as fmt_date."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", iso or "")
    if not m:
        return fmt_date(iso)
    zone = " (UTC)" if m[6] in ("Z", "+00:00", "+0000") else ""
    return f"{m[3]}.{m[2]}.{m[1]}, {m[4]}:{m[5]} Uhr{zone}"
