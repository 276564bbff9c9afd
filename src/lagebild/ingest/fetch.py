"""Polite HTTP(S) fetching with an on-disk cache.

    fetcher = Fetcher(cache_dir=Path("~/.cache/lagebild/http"))
    page = fetcher.get("https://www.example.org/artikel.html")   # -> Fetched, or raises FetchError

Polite: a user agent that names lagebild, robots.txt obeyed (RFC 9309: a missing robots.txt
allows everything, an unreachable one nothing), one request per host at a time with a pause
between requests (robots.txt's Crawl-delay where it asks for more, up to MAX_DELAY), timeouts
for connecting and for the whole download, a size limit, at most MAX_REDIRECTS redirects.

Cached: every page fetched is kept on disk (body + a small JSON header) under its URL's hash,
so a rebuild fetches nothing again; `offline=True` serves the cache only and refuses the network.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import urllib.robotparser
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__ as VERSION
from .urls import strip_tracking

USER_AGENT = f"lagebild/{VERSION} (news dossier tool; reads single articles, obeys robots.txt)"
ROBOTS_AGENT = "lagebild"          # the product token robots.txt rules are matched against
MAX_BYTES = 10 * 1024 * 1024       # a news page is far smaller; a bigger body is not an article
TIMEOUT = 20.0                     # seconds for the whole download
CONNECT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
DELAY = 1.0                        # seconds between two requests to one host
MAX_DELAY = 10.0                   # a Crawl-delay above this is capped


class FetchError(Exception):
    """A URL that could not be fetched: one line saying why."""

    def __init__(self, url: str, problem: str):
        self.url = url
        self.problem = problem
        super().__init__(f"{url}: {problem}")


@dataclass
class Fetched:
    url: str                       # as asked for
    final_url: str                 # after redirects
    status: int
    content_type: str              # media type only, lower case: "text/html"
    body: bytes
    fetched: str                   # ISO time of the download
    from_cache: bool = False


def default_cache_dir() -> Path:
    """$LAGEBILD_CACHE, else $XDG_CACHE_HOME/lagebild/http, else ~/.cache/lagebild/http."""
    if os.environ.get("LAGEBILD_CACHE"):
        return Path(os.environ["LAGEBILD_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "lagebild" / "http"


class Fetcher:
    """Fetches URLs politely; see the module's docstring. One instance per batch (it keeps robots.txt
    and the last request time per host)."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        *,
        offline: bool = False,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        delay: float = DELAY,
        user_agent: str = USER_AGENT,
        use_cache: bool = True,
        refresh: bool = False,
    ):
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.offline = offline
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self.use_cache = use_cache
        self.refresh = refresh            # fetch pages again although cached (the cache is updated)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._last: dict[str, float] = {}
        self._client = None

    # --- public ---------------------------------------------------------------------------------

    def get(self, url: str, *, refresh: bool = False) -> Fetched:
        """The page at `url`, from the cache or the network; FetchError if it cannot be had.
        refresh=True fetches it again although it is cached (a feed gets new items)."""
        cached = self._cached(url) if self.use_cache and not (refresh or self.refresh) else None
        if cached is not None:
            return cached
        if self.offline:
            raise FetchError(url, "not in the download cache, and --offline forbids fetching it")
        self._check_robots(url)
        page = self._download(url)
        if not 200 <= page.status < 300:
            raise FetchError(url, f"HTTP {page.status}" + (f" (after redirect to {page.final_url})"
                                                           if page.final_url != url else ""))
        if self.use_cache:
            self._store(page)
        return page

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- network --------------------------------------------------------------------------------

    def _http(self):
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                headers={"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,"
                         "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                         "Accept-Language": "de,en;q=0.5"},
                timeout=httpx.Timeout(self.timeout, connect=min(CONNECT_TIMEOUT, self.timeout)),
                follow_redirects=True, max_redirects=MAX_REDIRECTS,
            )
        return self._client

    def _wait(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _download(self, url: str, *, limit: int | None = None) -> Fetched:
        import httpx

        limit = limit or self.max_bytes
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http(s) URL")
        rp = self._robots.get(parts.netloc)
        crawl_delay = rp.crawl_delay(ROBOTS_AGENT) if isinstance(rp, urllib.robotparser.RobotFileParser) else None
        self._wait(parts.netloc, min(max(self.delay, float(crawl_delay or 0)), MAX_DELAY))
        start = time.monotonic()
        try:
            with self._http().stream("GET", url) as r:
                size = r.headers.get("content-length")
                if size and size.isdigit() and int(size) > limit:
                    raise FetchError(url, f"too large: {int(size):,} bytes (limit {limit:,})")
                chunks, total = [], 0
                for chunk in r.iter_bytes():
                    total += len(chunk)
                    if total > limit:
                        raise FetchError(url, f"too large: more than {limit:,} bytes")
                    if time.monotonic() - start > self.timeout:
                        raise FetchError(url, f"timed out after {self.timeout:g} s (download too slow)")
                    chunks.append(chunk)
                ctype = r.headers.get("content-type", "").split(";", 1)[0].strip().lower()
                return Fetched(url, str(r.url), r.status_code, ctype, b"".join(chunks), _now())
        except FetchError:
            raise
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {self.timeout:g} s") from None
        except httpx.HTTPError as e:
            reason = str(e).split("] ", 1)[-1] or type(e).__name__     # "[Errno 111] Connection refused"
            raise FetchError(url, f"cannot be fetched: {reason}") from None

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        rp = self._robots.get(parts.netloc)
        if rp is None:
            rp = self._robots[parts.netloc] = self._load_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
        if isinstance(rp, str):
            raise FetchError(url, rp)
        if not rp.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, f"robots.txt of {parts.netloc} does not allow {ROBOTS_AGENT} to fetch it")

    def _load_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | str:
        """RFC 9309: 2xx -> its rules; 4xx -> everything allowed; 5xx or unreachable -> nothing allowed
        (returned as the reason, a str)."""
        rp = urllib.robotparser.RobotFileParser(robots_url)
        try:
            page = self._cached(robots_url) or self._download(robots_url, limit=512 * 1024)
        except FetchError as e:           # the site cannot be reached at all: say why, as for the page itself
            return e.problem
        if 200 <= page.status < 300:
            if not page.from_cache and self.use_cache:
                self._store(page)
            rp.parse(page.body.decode("utf-8", "replace").splitlines())
        elif 400 <= page.status < 500:
            rp.parse([])
        else:
            return f"robots.txt answered HTTP {page.status}, so the site is not fetched"
        return rp

    # --- cache ----------------------------------------------------------------------------------

    def _paths(self, url: str) -> tuple[Path, Path]:
        # tracking parameters do not make another page: ?utm_source=rss and ?utm_source=mail share one entry
        key = hashlib.sha256(strip_tracking(url).encode("utf-8")).hexdigest()
        folder = self.cache_dir / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def _cached(self, url: str) -> Fetched | None:
        head, body = self._paths(url)
        try:
            meta = json.loads(head.read_text(encoding="utf-8"))
            data = body.read_bytes()
        except (OSError, ValueError):
            return None
        if strip_tracking(meta.get("url") or "") != strip_tracking(url) or len(data) != meta.get("size"):
            return None
        meta.pop("size", None)
        return Fetched(**{**meta, "url": url, "body": data, "from_cache": True})

    def _store(self, page: Fetched) -> None:
        head, body = self._paths(page.url)
        meta = {k: v for k, v in asdict(page).items() if k not in ("body", "from_cache")}
        meta["size"] = len(page.body)
        try:
            head.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(body, page.body)
            _atomic_write(head, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except OSError:  # a read-only or full cache costs a refetch next time, not this article
            pass


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
