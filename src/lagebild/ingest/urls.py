"""URLs as article identities: tracking parameters stripped, the page's canonical URL preferred.

    is_url("https://www.tagesschau.de/x.html")       -> True
    strip_tracking("https://x.de/a?utm_source=rss&id=3#top") -> "https://x.de/a?id=3"
    canonical_url(html_bytes, "https://m.x.de/a?utm_medium=feed") -> "https://www.x.de/a"
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from ..lang.de.outlets import host_of

# Query parameters that say how a reader came to a page, not which page it is.
TRACKING = re.compile(
    r"utm_\w+|mtm_\w+|pk_\w+|piwik_\w+|matomo_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid"
    r"|mc_cid|mc_eid|_ga|_gl|ref|ref_src|cmp|icid|ocid|wt_mc|wt_zmc|wt\.mc_id|at_\w+|xtor|ns_\w+"
    r"|sara_\w+|dicbo|s_cid|emc",
    re.I,
)
_CANONICAL = re.compile(rb"<link\b[^>]*>", re.I)
_ATTR = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_OG_URL = re.compile(rb"<meta\b[^>]*>", re.I)


def is_url(value: object) -> bool:
    """An http(s) URL given as an input (a str, not a Path: Path("https://x") has lost a slash)."""
    return isinstance(value, str) and bool(re.match(r"https?://[^\s/]+", value.strip(), re.I))


def strip_tracking(url: str) -> str:
    """Drop tracking parameters and the fragment; lower-case scheme and host; keep everything else as is.
    A string urllib cannot split ('http://[x') stays as it is."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.fullmatch(k)]
    netloc = parts.netloc.lower()
    scheme = parts.scheme.lower()
    if scheme == "https" and netloc.endswith(":443") or scheme == "http" and netloc.endswith(":80"):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query, doseq=True), ""))


def _attrs(tag: bytes) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(tag):
        value = m[2] if m[2] is not None else m[3] if m[3] is not None else m[4]
        out[m[1].decode("ascii", "replace").lower()] = value.decode("utf-8", "replace").strip()
    return out


def declared_url(html: bytes) -> str | None:
    """The page's own statement of its URL: <link rel="canonical">, else <meta property="og:url">."""
    head = html[:262144]
    for tag in _CANONICAL.findall(head):
        a = _attrs(tag)
        if "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            return a["href"]
    for tag in _OG_URL.findall(head):
        a = _attrs(tag)
        if a.get("property", a.get("name", "")).lower() == "og:url" and a.get("content"):
            return a["content"]
    return None


def same_site(a: str, b: str) -> bool:
    """www.x.de and m.x.de are one site; x.de and y.de are two (a syndication partner's copy)."""
    ha, hb = host_of(a), host_of(b)
    return bool(ha) and (ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha))


def canonical_url(html: bytes | None, url: str) -> tuple[str, str | None]:
    """(identity URL, warning or None) for a page fetched from `url`.

    The page's canonical URL counts where it points to the same site; one pointing to another
    site (a partner printing an agency story) is not this copy's identity, so the copy keeps its
    own URL and the near-duplicate step folds it with the original, each outlet kept."""
    own = strip_tracking(url)
    declared = declared_url(html) if html else None
    if not declared:
        return own, None
    full = urljoin(url, declared)
    if not is_url(full):
        return own, None
    if not same_site(full, url):
        return own, f"canonical URL {declared!r} is on another site; the article keeps its own URL"
    return strip_tracking(full), None
