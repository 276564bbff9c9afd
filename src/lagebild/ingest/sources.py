"""The one dispatch point for inputs: what kind each one is, and who reads it.

    read_inputs(["seeds/", "https://example.org/a.html", "feed.xml", "crawl.warc.gz"], InputOptions())

- an http(s) URL (a str; a Path has lost its "//") is fetched (fetch.py): an HTML page is an
  article, an RSS/Atom feed gives one article per item (feeds.py), anything else is an error;
- a web archive (.warc, .warc.gz, .arc, .arc.gz) gives one article per HTML response (warc.py);
- a list of links (a .txt or .urls file of http(s) URLs, one a line) is read URL by URL;
- a feed file (.rss, .atom, .xml) gives one article per item, each item's link fetched;
- every other file or folder goes to readers.py (text, Markdown, JSON(L) incl. news-please and
  trafilatura output, HTML).

Articles from the web (fetched, from a feed or a web archive) are known by their canonical URL (urls.py):
it is their id, url and origin (source_path), so each record of an archive is an article of its own.

Outlets: an article's own metadata names it (og:site_name / JSON-LD publisher of a page, a JSON
field, front matter); failing that, in this order: a sidecar ``.meta.json`` in its folder (or a
folder above), ``--outlet``, a folder named after a domain (``spiegel.de/``), the domain of its URL.
A sidecar ``NAME.meta.json`` beside a file ``NAME.txt`` overrides the file's own metadata. Sidecars
hold ``{"outlet": ..., "url": ..., "published": ...}``; a domain as outlet is shown by its name
(src/lagebild/lang/de/outlets.tsv), an unknown domain as the domain.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lang.de.outlets import host_of, looks_like_domain, outlet_for_host, outlet_name
from ..model import Article, ArticleError
from . import readers
from .feeds import FEED_SUFFIXES, FeedItem, looks_like_feed, parse_feed
from .fetch import MAX_BYTES, Fetched, Fetcher, FetchError
from .urls import canonical_url, is_url, strip_tracking
from .warc import HTML_TYPES, is_warc, warc_pages

SIDECAR = ".meta.json"                  # NAME.meta.json beside NAME.txt; ".meta.json" alone: the folder's
LINK_LIST_SUFFIXES = (".txt", ".text", ".urls")
MAX_LINK_LIST = 4 * 1024 * 1024
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


@dataclass
class InputOptions:
    offline: bool = False               # --offline: the download cache only, no network
    refresh: bool = False               # --refetch: fetch pages again although cached
    fetch: bool = True                  # False: no URL is fetched nor read from the cache (the web app's uploads)
    cache_dir: Path | None = None       # --cache; default fetch.default_cache_dir()
    outlet: str | None = None           # --outlet: for articles whose input names none
    fetcher: Fetcher | None = None      # tests and callers may bring their own (timeouts, delay)
    max_bytes: int = MAX_BYTES
    _own_fetcher: bool = field(default=False, repr=False)
    _sidecars: dict[Path, Any] = field(default_factory=dict, repr=False)   # read once per batch
    _sidecar_errors_said: set[Path] = field(default_factory=set, repr=False)  # a broken one is said once

    def get_fetcher(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = Fetcher(self.cache_dir, offline=self.offline, max_bytes=self.max_bytes,
                                   refresh=self.refresh and not self.offline)
            self._own_fetcher = True
        return self.fetcher

    def close(self) -> None:
        if self._own_fetcher and self.fetcher is not None:
            self.fetcher.close()
            self.fetcher, self._own_fetcher = None, False


def read_inputs(inputs: Iterable[str | Path], options: InputOptions | None = None) -> Iterator[Article | ArticleError]:
    """Every input in order; bad ones (and bad parts of good ones) become one-line errors, the rest articles."""
    opts = options or InputOptions()
    seen_urls: set[str] = set()
    seen_files: set[Path] = set()
    try:
        for value in inputs:
            if is_url(value):
                yield from _finish_web(read_url(str(value).strip(), opts, seen_urls), opts)
                continue
            for f in readers.iter_files([Path(value)]):
                if isinstance(f, ArticleError):
                    if looks_like_domain(str(value).split("/", 1)[0]) and "/" in str(value):
                        f.problem += " (a web address needs http:// or https:// in front)"
                    yield f
                    continue
                if f.resolve() in seen_files:
                    continue
                seen_files.add(f.resolve())
                yield from _with_sidecars(read_file(f, opts, seen_urls), f, Path(value), opts)
    finally:
        opts.close()


def link_list(path: Path) -> list[str] | None:
    """The URLs of a list of links (a text file whose every line is an http(s) URL; # comments and blank
    lines allowed), else None: an article is never links only."""
    if path.suffix.lower() not in LINK_LIST_SUFFIXES:
        return None
    try:
        if path.stat().st_size > MAX_LINK_LIST:
            return None
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    urls = [x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")]
    return urls if urls and all(is_url(u) and " " not in u for u in urls) else None


def read_file(path: Path, opts: InputOptions, seen_urls: set[str]) -> Iterator[Article | ArticleError]:
    """One file: a web archive, a feed (by name), a list of links, else whatever readers.py reads."""
    links = link_list(path)
    if links is not None:
        for url in links:
            yield from _finish_web(read_url(url, opts, seen_urls), opts)
    elif is_warc(path):
        yield from read_warc(path, opts, seen_urls)
    elif path.suffix.lower() in FEED_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as e:
            yield ArticleError(path.name, f"cannot read file: {e.strerror or e}")
            return
        yield from read_feed(data, path.name, opts, seen_urls)
    else:
        yield from readers.read_file(path)


# --- the web -------------------------------------------------------------------------------------


def read_url(url: str, opts: InputOptions, seen_urls: set[str]) -> Iterator[Article | ArticleError]:
    """A page (one article) or a feed (one per item) at `url`."""
    key = strip_tracking(url)
    if key in seen_urls:
        return
    seen_urls.add(key)
    if not opts.fetch:
        yield ArticleError(url, "links are not fetched here (lagebild build fetches them)")
        return
    fetcher = opts.get_fetcher()
    try:
        page = fetcher.get(url)
    except FetchError as e:
        yield ArticleError(url, e.problem)
        return
    kind = page_kind(page)
    if kind == "feed" and page.from_cache and not fetcher.offline:
        try:                              # a feed changes: fetched anew each time (its items stay cached)
            page = fetcher.get(url, refresh=True)
        except FetchError:
            pass                          # the cached copy still names items worth reading
        kind = page_kind(page)
    if kind == "feed":
        yield from read_feed(page.body, url, opts, seen_urls)
    elif kind == "html":
        try:
            a = from_page(page.body, page.final_url, origin=url)
        except ArticleError as e:
            yield e
            return
        if a.id != key and a.id in seen_urls:   # another URL of an article already read (its canonical URL)
            return
        seen_urls.add(a.id)
        yield a
    else:
        yield ArticleError(url, f"not an HTML page or feed but {page.content_type or 'content of unknown type'}")


def page_kind(page: Fetched) -> str:
    head = page.body[:4096].lstrip().lower()
    if page.content_type in HTML_TYPES or (not page.content_type or page.content_type == "text/plain") and (
            head.startswith((b"<!doctype html", b"<html")) or b"<html" in head):
        return "html" if not looks_like_feed(page.body) else "feed"
    if page.content_type in FEED_TYPES or looks_like_feed(page.body):
        return "feed" if looks_like_feed(page.body) else "other"
    return "other"


def from_page(body: bytes, url: str, *, origin: str | None = None) -> Article:
    """An HTML page fetched from (or archived under) `url` -> Article known by its canonical URL."""
    canon, warning = canonical_url(body, url)
    a = readers.from_html(body, canon, url=canon)
    a.id = a.url = a.source_path = canon
    a.content_hash = readers.sha256(body)
    if warning:
        a.warnings.append(warning)
    if origin and strip_tracking(origin) != canon:
        a.warnings.append(f"read from {origin}")
    return a


def read_feed(data: bytes, name: str, opts: InputOptions, seen_urls: set[str]) -> Iterator[Article | ArticleError]:
    """Each item of a feed: its link fetched and read; the item's date and outlet kept."""
    try:
        items = parse_feed(data, name, base=name if is_url(name) else None)
    except ArticleError as e:
        yield e
        return
    for item in items:
        for a in read_url(item.link, opts, seen_urls):
            if isinstance(a, ArticleError) and item.content:
                a = _from_item_content(item, a)
            if isinstance(a, ArticleError):
                a.problem += f" (an item of the feed {name})"
                yield a
                continue
            yield _from_item(a, item)


def _from_item_content(item: FeedItem, failed: ArticleError) -> Article | ArticleError:
    """The article as the feed carries it, where its page cannot be had (offline, gone, robots.txt)."""
    url = strip_tracking(item.link)
    try:
        a = readers.from_text(f"{(item.title or '').strip()}\n\n{item.content}".strip(), url, url=url,
                              warnings=[f"text from the feed: the page could not be read ({failed.problem})"])
    except ArticleError:
        return failed
    a.source_path = url
    a.content_hash = readers.sha256((item.content or "").encode("utf-8"))
    a.outlet = outlet_name(None, url)
    return a


def _from_item(a: Article, item: FeedItem) -> Article:
    if item.published:
        pub, precision = readers.date_value(item.published)
        if pub:
            a.published, a.published_precision, a.published_basis = pub, precision, "feed"
    if item.outlet:
        a.outlet = item.outlet
    elif item.feed_outlet and a.outlet == host_of(a.url or "") and not outlet_for_host(a.url or ""):
        a.outlet = item.feed_outlet         # the page named no outlet and its domain is unknown
    if item.warning:
        a.warnings.append(item.warning)
    return a


def read_warc(path: Path, opts: InputOptions, seen_urls: set[str]) -> Iterator[Article | ArticleError]:
    for page in warc_pages(path, opts.max_bytes):
        if isinstance(page, ArticleError):
            yield page
            continue
        if not is_url(page.url):
            yield ArticleError(f"{path.name}: {page.url or 'a record without URL'}", "no http(s) URL",
                               skipped="this record")
            continue
        key = strip_tracking(page.url)
        if key in seen_urls:              # the same page crawled twice: the first capture counts
            continue
        seen_urls.add(key)
        try:
            a = from_page(page.body, page.url)
        except ArticleError as e:
            yield ArticleError(e.article, f"{e.problem} (in {path.name})", skipped="this record")
            continue
        yield a                            # its origin is its URL (source_path), as for a page fetched live


def _finish_web(items: Iterable[Article | ArticleError], opts: InputOptions) -> Iterator[Article | ArticleError]:
    for a in items:
        if isinstance(a, Article):
            _default_outlet(a, opts, None)
        yield a


# --- outlets and sidecars --------------------------------------------------------------------------


def _load_sidecar(path: Path) -> dict[str, Any] | ArticleError:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return ArticleError(str(path), f"sidecar is not readable JSON: {e}", skipped="this sidecar")
    if not isinstance(data, dict):
        return ArticleError(str(path), "sidecar is not a JSON object", skipped="this sidecar")
    return {k: str(v).strip() for k, v in data.items()
            if k in ("outlet", "url", "published", "date") and v not in (None, "")}


def _folders(f: Path, root: Path) -> list[Path]:
    """The folders from `f`'s own up to the input folder `root` (just its own for a file named as input)."""
    out = [f.parent]
    top = root if root.is_dir() else f.parent
    while out[-1] != top and top in out[-1].parents:
        out.append(out[-1].parent)
    return out


def _sidecar(path: Path, opts: InputOptions) -> dict[str, Any] | ArticleError | None:
    """A sidecar's fields (None where there is none), read once per batch."""
    if path not in opts._sidecars:
        opts._sidecars[path] = _load_sidecar(path) if path.is_file() else None
    return opts._sidecars[path]


def _with_sidecars(items: Iterable[Article | ArticleError], f: Path, root: Path,
                   opts: InputOptions) -> Iterator[Article | ArticleError]:
    own = f.with_name(f.name[: -len(f.suffix)] + SIDECAR) if f.suffix else f.with_name(f.name + SIDECAR)
    folders = _folders(f, root)
    metas = [_sidecar(own, opts), *(_sidecar(d / SIDECAR, opts) for d in folders)]
    for path, m in zip([own, *(d / SIDECAR for d in folders)], metas):
        if isinstance(m, ArticleError) and path not in opts._sidecar_errors_said:
            opts._sidecar_errors_said.add(path)   # a broken folder sidecar is said once, not once per file
            yield m
    own_meta, *folder_metas = [m if isinstance(m, dict) else {} for m in metas]
    domain_folder = next((d.name for d in folders if looks_like_domain(d.name)
                          and (outlet_for_host(d.name) or d.name.lower().rsplit(".", 1)[-1] in _NEWS_TLDS)), None)
    for a in items:
        if isinstance(a, Article):
            before = (a.outlet, a.url, a.published)
            if own_meta:
                _apply(a, own_meta, override=True)
            for m in folder_metas:
                _apply(a, m, override=False)
            _default_outlet(a, opts, domain_folder)
            if (a.outlet, a.url, a.published) != before and a.content_hash:
                # what a sidecar or option says is part of what is stored: changing it re-stores the article
                extra = json.dumps([a.outlet, a.url, a.published], ensure_ascii=False).encode("utf-8")
                a.content_hash = hashlib.sha256(a.content_hash.encode() + b"\x00" + extra).hexdigest()
        yield a


# A folder named like a domain is taken as the outlet only for these endings (or a known outlet's domain):
# "spiegel.de/" yes, "notes.v2/" or "backup.old/" no.
_NEWS_TLDS = {"de", "at", "ch", "li", "lu", "com", "net", "org", "eu", "info", "news", "online", "tv", "fm"}


def _apply(a: Article, meta: dict[str, Any], *, override: bool) -> None:
    if meta.get("outlet") and (override or not a.outlet):
        a.outlet = outlet_name(meta["outlet"], None)
    if meta.get("url") and (override or not a.url):
        a.url = strip_tracking(meta["url"]) if is_url(meta["url"]) else meta["url"]
    date = meta.get("published") or meta.get("date")
    if date and (override or not a.published):
        pub, precision = readers.date_value(date)
        if pub:
            a.published, a.published_precision, a.published_basis = pub, precision, "sidecar"
        else:
            a.warnings.append(f"unreadable date {date!r} in a .meta.json sidecar ignored")


def _default_outlet(a: Article, opts: InputOptions, domain_folder: str | None) -> None:
    """Fill a missing outlet (--outlet, a domain folder, the URL's domain); show a domain by its name."""
    if a.outlet and looks_like_domain(a.outlet):
        a.outlet = outlet_name(a.outlet, a.url)
    if a.outlet:
        return
    if opts.outlet:
        a.outlet = opts.outlet
    elif domain_folder:
        a.outlet = outlet_name(domain_folder, None)
    elif a.url and is_url(a.url):
        a.outlet = outlet_name(None, a.url)
