"""Web archives (WARC and ARC, plain or gzipped; warcio): every HTML response (or resource) record is an article.

    for page in warc_pages(Path("crawl.warc.gz")): ...   # -> ArchivedPage(url, body, date) or ArticleError

Records that are not successful HTML responses (requests, metadata, images, redirects, 404s,
revisits) are no articles and are passed over. A file broken or cut off half-way keeps the pages
read before the break and ends with one error naming the file.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import ArticleError

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class ArchivedPage:
    url: str                       # WARC-Target-URI
    body: bytes                    # decoded of chunked and gzip transfer encodings
    captured: str | None           # WARC-Date: when it was crawled (not when it was published)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_pages(path: Path, max_bytes: int) -> Iterator[ArchivedPage | ArticleError]:
    from warcio.archiveiterator import ArchiveIterator

    name = path.name
    read = records = 0
    try:
        with path.open("rb") as f:
            it = ArchiveIterator(f, arc2warc=True)
            it.INC_RECORD = ""  # warcio would print each damaged record to stderr; they are counted and reported below
            for record in it:
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                records += url.lower().startswith(("http://", "https://"))
                if record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    ctype = record.http_headers.get_header("Content-Type") or ""
                elif record.rec_type == "resource":      # a page archived without its HTTP exchange
                    status, ctype = "200", record.rec_headers.get_header("Content-Type") or ""
                else:
                    continue
                ctype = ctype.split(";", 1)[0].strip().lower()
                if not status.startswith("2") or ctype not in HTML_TYPES:
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield ArticleError(url or name, f"page in {name} larger than {max_bytes:,} bytes",
                                       skipped="this record")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:   # the record ends before its Content-Length
                    yield ArticleError(name, f"web archive cut off in the record of {url} after {read} page(s)",
                                       skipped="the rest of the file")
                    return
                read += 1
                yield ArchivedPage(url, body, record.rec_headers.get_header("WARC-Date"))
        if not records:
            yield ArticleError(name, "not a web archive: no WARC or ARC record with a URL found",
                               skipped="the whole file")
        elif it.err_count:
            yield ArticleError(name, f"web archive damaged: {it.err_count} record(s) with a wrong length "
                               f"({read} page(s) read)", skipped="the damaged records")
        elif name.lower().endswith(".gz"):
            _check_gzip(path)
    except Exception as e:  # noqa: BLE001 - warcio, zlib and gzip raise many kinds on a broken file
        what = e.strerror if isinstance(e, OSError) and e.strerror else f"{type(e).__name__}: {e}"
        yield ArticleError(name, f"web archive broken or cut off after {read} page(s): {what}",
                           skipped="the rest of the file" if read else "the whole file")


def _check_gzip(path: Path) -> None:
    """warcio reads a gzipped archive cut off at the end without complaint; gzip itself does not."""
    import gzip

    with gzip.open(path, "rb") as g:
        while g.read(1 << 20):
            pass
