"""Readers: files and folders in, `Article`s (or `ArticleError`s) out.

    read_paths([Path("seeds/"), Path("feed.jsonl")]) -> Article, Article, ArticleError, ...

Formats, by file extension (folders are walked recursively, sorted, hidden
entries skipped; a file named explicitly is read as text if its extension is
unknown):

- text (.txt .text) and Markdown (.md .markdown): the title is the first
  non-empty line. An optional header line ``␣date 2025-06 Title...`` gives the
  publication date; Markdown may start with a ``---`` front matter block
  (title, date, outlet, url).
- JSON Lines (.jsonl .ndjson): one article per line, fields id, title, text,
  published, outlet, url (schema.org names like ``headline``/``articleBody``
  work too). Without an id, the id is ``<file name>:<line number>``.
- JSON (.json): one such object, or a list of them.
- HTML (.html .htm .xhtml): main text, title, date, site name and URL through
  trafilatura.

- news-please and trafilatura JSON: their field names mapped (newsplease.py).

URLs, RSS/Atom feeds and web archives (WARC/ARC) are read by sources.py, the one dispatch
point that `read_paths` goes through; so are the outlet sidecars (NAME.meta.json, .meta.json).

Every article goes through `cleaning.clean` and `language.detect`. A bad input
(binary, empty, undecodable, broken HTML, an invalid JSONL line) becomes an
`ArticleError` naming the article and the problem; the batch goes on.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..lang.de.outlets import outlet_name
from ..model import Article, ArticleError, DatedPassage, OffsetMap
from . import language, newsplease
from .cleaning import Cleaned, clean

log = logging.getLogger(__name__)

FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
# Field names accepted in JSON records, first match wins (ours, then schema.org NewsArticle, then common ones).
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifier", "guid"),
    "text": ("text", "articleBody", "body", "content", "originalText"),
    "title": ("title", "headline", "name", "documentName"),
    "published": ("published", "datePublished", "date", "published_at", "pubDate"),
    "outlet": ("outlet", "publisher", "site_name", "sitename", "source_name"),
    "url": ("url", "link"),
}
_HEADER = re.compile(r"[ \t]?date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s)[ \t]*")
_MOJIBAKE = re.compile(r"Ã[¤¶¼Ÿ„–œ©]|â€[žœ™“”˜]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_PRECISION = {4: "year", 7: "month", 10: "day"}


# --- walking -------------------------------------------------------------------------------------------


# Read by sources.py (web archives, feeds, lists of links); walked like the formats above (.xml only when named: a folder's
# .xml files are seldom feeds). NAME.meta.json files are sidecars (metadata of NAME.txt), not articles.
OTHER_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".rss", ".atom", ".urls")
SIDECAR_SUFFIX = ".meta.json"


def readable(name: str) -> bool:
    """A file a folder walk reads: a known format, not a sidecar."""
    low = name.lower()
    return not low.endswith(SIDECAR_SUFFIX) and (Path(low).suffix in FORMATS or low.endswith(OTHER_SUFFIXES))


def iter_files(paths: Iterable[Path]) -> Iterator[Path | ArticleError]:
    """Files to read, in a stable order: each path as given; folders recursively, sorted by relative path."""
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(root) / f for f in files if not f.startswith(".") and readable(f)]
            files_ = sorted(found, key=lambda f: f.relative_to(p).as_posix())
        elif p.is_file():
            files_ = [p]
        else:
            yield ArticleError(str(p), "no such file or folder")
            continue
        for f in files_:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


def read_paths(paths: list[str | Path], options: Any = None) -> Iterator[Article | ArticleError]:
    """Read every input (files, folders, URLs, feeds, web archives: sources.read_inputs dispatches);
    yield articles, and errors for bad inputs (then go on). `options`: a sources.InputOptions."""
    from .sources import read_inputs

    ids: dict[str, str] = {}
    for item in read_inputs(paths, options):
        if isinstance(item, Article):
            item = _unique(item, ids)
        yield item


def _unique(a: Article, ids: dict[str, str]) -> Article | ArticleError:
    """Ids must be unique in a batch: two files of one name get their folder as prefix; JSON ids may not repeat."""
    if a.id in ids:
        if a.source_path and a.id == Path(a.source_path).name:
            new = f"{Path(a.source_path).parent.name}/{a.id}"
            a.warnings.append(f"id {a.id!r} already used by {ids[a.id]}; this article is {new!r}")
            a.id = new
        if a.id in ids:
            return ArticleError(a.id, f"duplicate id (already read from {ids[a.id]})")
    ids[a.id] = a.source_path or a.id
    return a


def read_file(path: Path) -> Iterator[Article | ArticleError]:
    """One file: one article (text, Markdown, HTML, JSON object) or many (JSONL, JSON list)."""
    fmt = FORMATS.get(path.suffix.lower(), "text")
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ArticleError(path.name, f"cannot read file: {e.strerror or e}")
        return
    try:
        if fmt in ("text", "markdown"):
            text, warnings = decode(data, path.name)
            yield from _finish([from_text(text, path.name, markdown=fmt == "markdown", warnings=warnings)],
                               path, sha256(data))
        elif fmt == "html":
            yield from _finish([from_html(data, path.name)], path, sha256(data))
        elif fmt == "jsonl":
            yield from _read_jsonl(data, path)
        else:
            yield from _read_json(data, path)
    except ArticleError as e:
        yield e


def _finish(items: Iterable[Article | ArticleError], path: Path, digest: str | None) -> Iterator[Article | ArticleError]:
    for a in items:
        if isinstance(a, Article):
            a.source_path = str(path)
            a.content_hash = a.content_hash or digest
        yield a


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- decoding -------------------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes -> text: UTF-8 (BOM ok), UTF-16 with BOM, else cp1252, else latin-1 (with a warning).

    Raises ArticleError for empty and binary files. Line ends become "\\n", the text is NFC.
    """
    warnings: list[str] = []
    if not data.strip():
        raise ArticleError(name, "empty file" if not data else "file holds only whitespace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ArticleError(name, f"broken UTF-16 text: {e.reason} at byte {e.start}") from None
    elif b"\x00" in data[:8192] or data.count(b"\x00") > 0:
        raise ArticleError(name, "binary file (contains NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            where = f"invalid UTF-8 at byte {e.start}"
            try:
                text = data.decode("cp1252")
                warnings.append(f"{where}; decoded as Windows-1252 (cp1252)")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                warnings.append(f"{where}; decoded as Latin-1 (ISO-8859-1)")
        else:
            fixed = _fix_mojibake(text)
            if fixed is not None:
                text = fixed
                warnings.append("text was UTF-8 encoded twice (mojibake like 'Ã¤'); repaired")
    controls = len(_CONTROLS.findall(text))
    if controls > max(2, len(text) // 200):
        raise ArticleError(name, f"binary file ({controls} control characters), not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleError(name, "file holds no text")
    return text, warnings


def _fix_mojibake(text: str) -> str | None:
    if len(_MOJIBAKE.findall(text)) < 3:
        return None
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None


# --- building articles -------------------------------------------------------------------------------------


def date_value(value: Any) -> tuple[str | None, str]:
    """'2025-06-17T10:00:00Z' -> ('2025-06-17', 'day'); '2025-06' -> month; junk -> (None, 'unknown')."""
    if not isinstance(value, str):
        return None, "unknown"
    m = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])", value)
    if not m:
        return None, "unknown"
    y, mo, d = m.groups()
    if (mo and not 1 <= int(mo) <= 12) or (d and not 1 <= int(d) <= 31):
        return None, "unknown"
    iso = "-".join(x for x in (y, mo, d) if x)
    return iso, _PRECISION[len(iso)]


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Markdown front matter: '---\\ntitle: X\\ndate: 2025-06-17\\n---' -> ({'title': 'X', ...}, its length)."""
    m = re.match(r"---[ \t]*\n(.*?\n)---[ \t]*(?:\n|$)", text, re.S)
    if not m:
        return {}, 0
    meta = {}
    for line in m[1].splitlines():
        kv = re.match(r"([\w-]+)\s*:\s*(.*?)\s*$", line)
        if kv:
            meta[kv[1].lower()] = kv[2].strip("'\"")
    return meta, m.end()


def from_text(
    raw: str,
    article_id: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    published_basis: str | None = None,
    markdown: bool = False,
    warnings: list[str] | None = None,
) -> Article:
    """Build an Article from decoded text: header date, cleaning, title, language."""
    warnings = list(warnings or [])
    skip = 0
    if markdown:
        meta, skip = _front_matter(raw)
        title = title or meta.get("title")
        outlet = outlet or meta.get("outlet") or meta.get("publisher")
        url = url or meta.get("url")
        if not published and (meta.get("date") or meta.get("published")):
            published, published_basis = meta.get("published") or meta.get("date"), "front matter"
    header = _HEADER.match(raw, skip)
    if header:
        published, published_basis = header[1], "header"
        skip = header.end()
    cleaned = clean(raw[skip:], markdown=markdown)
    if not cleaned.text.strip():
        reasons = sorted({r.reason for r in cleaned.removed})
        raise ArticleError(article_id, "no article text left after cleaning"
                           + (f" (only furniture: {', '.join(reasons)})" if reasons else ""))
    pub, precision = date_value(published)
    if published and not pub:
        warnings.append(f"unreadable publication date {published!r} ignored")
        published_basis = None
    if not pub:
        # a "Stand:" line, a byline's date or a date line at the top; never a video caption's date
        # (a caption only says the article is not older than the video)
        for d in cleaned.dates:
            if d.basis != "caption date":
                pub, precision, published_basis = d.value, "day", d.basis
                break
    offset_map = OffsetMap([(c, r + skip, n) for c, r, n in cleaned.offset_map.segments])
    passages = teaser_passages(cleaned, raw[skip:])
    lang, score = language.detect(cleaned.text)
    if lang and lang != "de":
        warnings.append(f"language is {lang!r} (confidence {score:.2f}), not German: extraction rules are for German")
    return Article(
        id=article_id,
        text=cleaned.text,
        raw_text=raw,
        title=cleaned.title,
        outlet=outlet or None,
        url=url or None,
        published=pub,
        published_precision=precision if pub else "unknown",
        published_basis=published_basis if pub else None,
        language=lang,
        agencies=cleaned.agencies,
        offset_map=offset_map,
        warnings=warnings,
        passage_dates=passages,
    )


def teaser_passages(cleaned: Cleaned, raw: str) -> list[DatedPassage]:
    """The paragraphs a video caption closed ("...Text.18.12.2024 | 0:24 min"), with its date.

    Only a caption at the end of a line of text counts: a caption line of its own may
    belong to a video whose teaser text was furniture."""
    out = []
    for d in cleaned.dates:
        if d.basis != "caption date" or not raw[raw.rfind("\n", 0, d.offset) + 1:d.offset].strip():
            continue
        end = cleaned.offset_map.to_clean(d.offset)
        end = len(cleaned.text[:end].rstrip())
        start = cleaned.text.rfind("\n", 0, end) + 1
        if end > start:
            out.append(DatedPassage(start, end, d.value, d.basis))
    return out


def _with_title(title: str | None, text: str) -> str:
    """Raw text for records that carry the title apart: 'title\\n\\ntext' unless the text starts with it."""
    title = (title or "").strip()
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n\n{text}"


def _pick(obj: dict[str, Any], field: str) -> Any:
    for key in FIELDS[field]:
        v = obj.get(key)
        if v not in (None, ""):
            if isinstance(v, dict):  # schema.org: "publisher": {"name": ...}
                v = v.get("name")
            return v
    return None


def from_record(obj: Any, default_id: str, where: str) -> Article:
    """One JSON object (a JSONL line, a JSON file or list item) -> Article."""
    if not isinstance(obj, dict):
        raise ArticleError(default_id, f"{where} is not a JSON object but {type(obj).__name__}")
    obj = newsplease.normalise(obj)  # news-please / trafilatura field names -> ours
    aid = _pick(obj, "id")
    aid = default_id if aid is None else str(aid)
    text = _pick(obj, "text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(aid, f"{where} has no text (field 'text' missing, empty or not a string)")
    title = _pick(obj, "title")
    title = title if isinstance(title, str) else None
    raw = unicodedata.normalize("NFC", _with_title(title, text).replace("\r\n", "\n"))
    published = _pick(obj, "published")
    return from_text(raw, aid, outlet=_str(_pick(obj, "outlet")), url=_str(_pick(obj, "url")),
                     published=_str(published), published_basis="metadata")


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _decode_line(line: bytes) -> tuple[str, list[str]]:
    try:
        return line.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        where = f"invalid UTF-8 at byte {e.start} of the line"
    try:
        return line.decode("cp1252"), [f"{where}; decoded as Windows-1252 (cp1252)"]
    except UnicodeDecodeError:
        return line.decode("latin-1"), [f"{where}; decoded as Latin-1 (ISO-8859-1)"]


def _read_jsonl(data: bytes, path: Path) -> Iterator[Article | ArticleError]:
    name = path.name
    if not data.strip():
        raise ArticleError(name, "empty file" if not data else "file holds only whitespace")
    if b"\x00" in data:
        raise ArticleError(name, "binary file (contains NUL bytes), not JSON Lines")
    for n, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        text, warnings = _decode_line(line)
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield ArticleError(where, f"line {n} is not valid JSON: {e.msg} (column {e.colno})", skipped="this line")
            continue
        try:
            a = from_record(obj, where, f"line {n}")
        except ArticleError as e:
            problem = e.problem if e.article == where else f"{e.problem} (id {e.article!r})"
            yield ArticleError(where, problem, skipped="this line")
            continue
        a.warnings[:0] = warnings
        a.content_hash = sha256(line)
        yield from _finish([a], path, None)


def _read_json(data: bytes, path: Path) -> Iterator[Article | ArticleError]:
    name = path.name
    text, warnings = decode(data, name)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise ArticleError(name, f"not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    if isinstance(obj, list):
        for i, item in enumerate(obj, 1):
            try:
                a = from_record(item, f"{name}:{i}", f"item {i}")
            except ArticleError as e:
                yield ArticleError(e.article, f"{e.problem} ({name})", skipped="this item")
                continue
            a.warnings[:0] = warnings
            a.content_hash = sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode())
            yield from _finish([a], path, None)
    else:
        a = from_record(obj, name, "the file")
        a.warnings[:0] = warnings
        yield from _finish([a], path, sha256(data))


# --- HTML ----------------------------------------------------------------------------------------------------


def _trafilatura_config():
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its SIGALRM timeout breaks in worker threads
    return cfg


def from_html(data: bytes, name: str, *, url: str | None = None) -> Article:
    """HTML page -> Article: trafilatura finds main text, title, date, site name and URL (`url`: where
    the page was fetched from). The outlet is the site's name (og:site_name, JSON-LD publisher), a
    domain shown by its outlet's name (lang/de/outlets.tsv)."""
    import trafilatura

    if not data.strip():
        raise ArticleError(name, "empty file")
    if b"\x00" in data:
        raise ArticleError(name, "binary file (contains NUL bytes), not HTML")
    if not re.search(rb"<\s*[a-zA-Z!?]", data[:65536]):
        raise ArticleError(name, "not HTML: no tags found")
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, config=_trafilatura_config())
    except Exception as e:  # noqa: BLE001 - lxml and trafilatura raise many kinds
        raise ArticleError(name, f"HTML could not be parsed: {type(e).__name__}: {e}") from None
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise ArticleError(name, "no article text found in the HTML (empty or broken page, or only navigation)")
    raw = unicodedata.normalize("NFC", _with_title(meta.get("title"), text))
    date = meta.get("date")
    page_url = url or meta.get("url")
    return from_text(raw, name, outlet=outlet_name(meta.get("sitename") or meta.get("hostname"), page_url),
                     url=page_url, published=date, published_basis="HTML metadata" if date else None)
