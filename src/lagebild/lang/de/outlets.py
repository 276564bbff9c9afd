"""Outlet names of German-language news sites, by web domain (outlets.tsv).

    outlet_for_host("www.tagesschau.de")  -> "tagesschau"
    outlet_name(None, "https://m.spiegel.de/x") -> "Der Spiegel"
    outlet_name(None, "https://example.org/a")  -> "example.org"   (unknown: the domain)
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

TABLE = Path(__file__).with_name("outlets.tsv")
SECTIONS = Path(__file__).with_name("sections.txt")
# Host prefixes that name a server, not an outlet: www.spiegel.de, m.faz.net, amp.welt.de are the outlet's domain.
_SERVER = re.compile(r"^(?:www\d*|m|mobil|mobile|amp)\.")
_DOMAIN = re.compile(r"(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}|\d{1,3}(?:\.\d{1,3}){3}|localhost)"
                     r"(?::\d{1,5})?")


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """domain -> outlet name, read once from outlets.tsv."""
    table: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            domain, name = line.split("\t")
            table[domain.strip().lower()] = name.strip()
    return table


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Casefolded words that name a known outlet: each domain's first label and each word of its name
    ("tagesschau", "spiegel", "süddeutsche", "zeitung" ...), articles left out."""
    out: set[str] = set()
    for domain, name in outlets().items():
        out.add(domain.split(".")[-2])
        out.update(w.casefold() for w in re.findall(r"[^\W\d_][\w-]*", name) if len(w) > 3)
    return frozenset(out)


@lru_cache(maxsize=1)
def section_names() -> frozenset[str]:
    """Casefolded section (Ressort) and navigation names of news sites (sections.txt)."""
    lines = SECTIONS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def host_of(url_or_host: str) -> str:
    """'https://www.Spiegel.de:443/a' -> 'spiegel.de'; a bare host the same way; '' where there is none."""
    s = url_or_host.strip()
    try:
        host = (urlsplit(s).hostname or "") if "//" in s else s.split("/", 1)[0].split(":", 1)[0]
    except ValueError:   # not a URL after all ('http://[x', a bad port): no host
        return ""
    host = host.lower().rstrip(".")
    while _SERVER.match(host) and host.count(".") > 1:
        host = _SERVER.sub("", host, count=1)
    return host


def looks_like_domain(s: str) -> bool:
    """'tagesschau.de', 'www.zeit.de', '127.0.0.1:8000' yes; 'Der Spiegel', 'v1.2' no."""
    return bool(_DOMAIN.fullmatch(s.strip().lower()))


def outlet_for_host(url_or_host: str) -> str | None:
    """The outlet of a known domain (or a host under it), else None."""
    host = host_of(url_or_host)
    table = outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return None


def outlet_name(site_name: str | None, url: str | None) -> str | None:
    """The outlet to show. A page of a known domain: the table's name, so that one outlet has one name
    whichever input it came from ("DER SPIEGEL" from og:site_name, www.spiegel.de from news-please: both
    "Der Spiegel"). Otherwise the site's own name (og:site_name, JSON-LD publisher) as it gives it; a bare
    domain is looked up in the table, and an unknown domain is shown as the domain."""
    site = (site_name or "").strip().lstrip("@")
    if url and (known := outlet_for_host(url)):
        return known
    if site and not looks_like_domain(site):
        return site
    if site and (known := outlet_for_host(site)):
        return known
    host = host_of(site) if site else host_of(url or "")
    return host or None
