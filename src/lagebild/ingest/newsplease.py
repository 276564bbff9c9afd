"""news-please and trafilatura JSON records mapped to our fields.

news-please (one JSON object per article): title / title_page / title_rss, maintext, date_publish,
source_domain, url (date_download and date_modify are when it was crawled or edited, not published).
trafilatura (``--json`` output): title, text / raw_text, date, hostname / source-hostname, source or url.

`normalise(record)` returns the record with our names (id, text, title, published, outlet, url) where
it is one of these, else the record unchanged. The id of such a record is its URL without tracking
parameters: the same article read again, from any dump, is the same article.
"""
from __future__ import annotations

from typing import Any

from ..lang.de.outlets import outlet_name
from .urls import is_url, strip_tracking

NEWSPLEASE_KEYS = {"maintext", "date_publish", "source_domain", "title_page", "title_rss", "date_download"}
TRAFILATURA_KEYS = {"source-hostname", "fingerprint", "raw_text", "hostname", "excerpt", "pagetype"}


def kind(record: Any) -> str | None:
    """'news-please', 'trafilatura' or None (our own or schema.org field names)."""
    if not isinstance(record, dict):
        return None
    keys = set(record)
    if len(keys & NEWSPLEASE_KEYS) >= 2 or "maintext" in keys:
        return "news-please"
    if len(keys & TRAFILATURA_KEYS) >= 2 and ("text" in keys or "raw_text" in keys):
        return "trafilatura"
    return None


def _first(record: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = record.get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def normalise(record: Any) -> Any:
    k = kind(record)
    if k is None:
        return record
    if k == "news-please":
        url = _first(record, "url")
        out = {
            "text": _first(record, "maintext", "text"),
            "title": _first(record, "title", "title_page", "title_rss"),
            "published": _first(record, "date_publish"),
            "outlet": outlet_name(None, _first(record, "source_domain") or url or ""),
            "url": url,
        }
    else:
        url = next((u for u in (_first(record, "url"), _first(record, "source")) if u and is_url(u)), None)
        out = {
            "text": _first(record, "text", "raw_text"),
            "title": _first(record, "title"),
            "published": _first(record, "date"),
            "outlet": outlet_name(_first(record, "source-hostname", "sitename"), url or _first(record, "hostname")),
            "url": url,
        }
    if out["url"] and is_url(out["url"]):
        out["url"] = strip_tracking(out["url"])
        out["id"] = out["url"]
    else:
        out["url"] = None
        if record.get("id") not in (None, ""):
            out["id"] = record["id"]
    return {key: v for key, v in out.items() if v is not None}
