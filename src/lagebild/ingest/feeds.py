"""RSS and Atom feeds (feedparser): each item's link is fetched and read as a page; the item's
publication date and outlet stay with the article.

    items = parse_feed(data, "feed.xml")   # -> [FeedItem(link, title, published, outlet, feed_outlet), ...]

A feed that cannot be parsed at all is one error naming it; a feed broken after some items keeps
those items (with a warning on each).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from ..model import ArticleError

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_FEED_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<![^>]*>\s*|<\?[^>]*>\s*)*"
                         rb"<(?:rss|feed|rdf:RDF)\b", re.S)


@dataclass
class FeedItem:
    link: str
    title: str | None
    published: str | None          # as the feed gives it, e.g. RFC 822 or ISO 8601
    outlet: str | None             # the item's <source>: another outlet's story relayed in this feed
    feed_outlet: str | None        # the feed's own title, shortened
    warning: str | None = None
    content: str | None = None     # the item's full text where the feed carries it (content:encoded, Atom content)


def looks_like_feed(data: bytes) -> bool:
    """RSS, Atom or RDF by its first element (a BOM, XML declaration and comments may come first)."""
    return bool(_FEED_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


def feed_outlet(title: str | None) -> str | None:
    """A feed's title as an outlet: 'Example News - Aktuelle Nachrichten' -> 'Example News'."""
    if not title:
        return None
    return re.split(r"\s+[-–|:]\s+", title.strip(), maxsplit=1)[0].strip() or None


def item_date(entry) -> str | None:
    """The item's date as an ISO date in the feed's own time zone (feedparser's parsed value is UTC,
    which moves a story of 00:30 +0100 to the day before)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def parse_feed(data: bytes, name: str, base: str | None = None) -> list[FeedItem]:
    """The items of a feed that have a link; ArticleError if it is no feed or broken before any item.
    Relative links are resolved against `base` (the feed's URL) or the feed's own <link>."""
    import feedparser

    if not data.strip():
        raise ArticleError(name, "empty feed")
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    broken = parsed.get("bozo_exception") if parsed.get("bozo") else None
    entries = [e for e in parsed.entries if (e.get("link") or "").strip()]
    if not entries:
        if broken is not None:
            raise ArticleError(name, f"broken feed: {_reason(broken)}")
        if not parsed.get("version"):
            raise ArticleError(name, "not an RSS or Atom feed")
        raise ArticleError(name, "feed has no items with a link", skipped="nothing to read")
    outlet = feed_outlet(parsed.feed.get("title"))
    warning = f"feed {name} is broken ({_reason(broken)}); its readable items were kept" if broken else None
    items = []
    base = base or parsed.feed.get("link") or ""
    for e in entries:
        source = e.get("source") or {}
        items.append(FeedItem(urljoin(base, e["link"].strip()), e.get("title"), item_date(e),
                              (source.get("title") or "").strip() or None, outlet, warning, item_text(e)))
    return items


MIN_CONTENT = 400   # characters: less is a teaser, not the article


def item_text(entry) -> str | None:
    """An item's full text as plain paragraphs, where the feed carries one (not a teaser)."""
    import lxml.html

    best = max((c.get("value") or "" for c in entry.get("content") or []), key=len, default="")
    if not best.strip():
        return None
    try:
        root = lxml.html.fragment_fromstring(best, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds on junk markup
        return None
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "h2", "h3", "li", "blockquote")]
    text = "\n\n".join(b for b in blocks if b) or " ".join(root.text_content().split())
    return text if len(text) >= MIN_CONTENT else None


def _reason(exc: BaseException) -> str:
    msg = getattr(exc, "getMessage", None)
    text = msg() if callable(msg) else str(exc)
    line = getattr(exc, "getLineNumber", None)
    return f"{text} (line {line()})" if callable(line) else text
