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
(binary, empty, undecodable, broken HTML, an invalid JSONL line, a file over a
limit, a FIFO or device, a symlink loop, an unreadable folder) becomes an
`ArticleError` naming the file (and line) and the problem; the batch goes on.

Only regular files are read (a FIFO would block, a device never end). Limits
(`Limits`, from the environment or `lagebild build --max-file-mb/--max-article-chars`):
a file of one article or a JSON file is at most `max_file_bytes` (16 MiB), checked
before reading; JSON Lines are read line by line, each line and each article's
text at most `max_article_chars` (1,000,000 characters, spaCy's own limit).
A file whose bytes are mostly UTF-8 keeps its good lines when a few bytes are
invalid: these become U+FFFD and a warning names them (byte, line, column).
An article's `origin` says where it came from (the absolute file path; for a
record in a JSON or JSONL file the path plus '#id' or ':line'): with the content
it is the article's identity in the store (store/identity.py).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..lang.de.outlets import outlet_name
from ..model import ISO_DATE_PRECISION, Article, ArticleError, DatedPassage, OffsetMap, Precision
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
_ESCAPED = re.compile(r"[\udc80-\udcff]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_NAME_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Limits:
    """What one input may be at most; a bigger one is skipped with one line saying so, before it is read.

    From the environment: LAGEBILD_MAX_FILE_MB, LAGEBILD_MAX_ARTICLE_CHARS."""

    max_file_bytes: int = 16 * 2**20      # a file of one article (text, Markdown, HTML) or a JSON file
    max_article_chars: int = 1_000_000    # one article's text as read; also bounds a JSONL line (4 bytes a char)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        env = os.environ if environ is None else environ
        kw: dict[str, int] = {}
        for var, key, scale in (("LAGEBILD_MAX_FILE_MB", "max_file_bytes", 2**20),
                                ("LAGEBILD_MAX_ARTICLE_CHARS", "max_article_chars", 1)):
            if env.get(var):
                try:
                    value = float(env[var])
                except ValueError:
                    raise ValueError(f"{var}={env[var]!r} is not a number") from None
                if value <= 0:
                    raise ValueError(f"{var}={env[var]!r} must be positive")
                kw[key] = int(value * scale)
        return cls(**kw)

    @property
    def max_line_bytes(self) -> int:
        return 4 * self.max_article_chars + 4096


def display_name(name: str | os.PathLike) -> str:
    """A file name as it may be shown and stored: bytes that are not UTF-8 as \\xNN, control characters
    (terminal escape sequences, bidi overrides) as \\xNN or \\uNNNN; valid names stay as they are."""
    s = os.fsdecode(name) if not isinstance(name, str) else name
    if _SURROGATES.search(s):
        s = os.fsencode(s).decode("utf-8", "backslashreplace")
    return _NAME_CONTROLS.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), s)


def _scrub(text: str) -> tuple[str, int]:
    """Lone surrogates (from JSON escapes like \\ud800, or a form) cannot be stored or analysed: U+FFFD."""
    return _SURROGATES.subn("\ufffd", text)


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


# --- walking -------------------------------------------------------------------------------------------


# Read by sources.py (web archives, feeds, lists of links); walked like the formats above (.xml only when named:
# a folder's .xml files are seldom feeds). NAME.meta.json files are sidecars (metadata of NAME.txt), not articles.
OTHER_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".rss", ".atom", ".urls")
SIDECAR_SUFFIX = ".meta.json"


def readable(name: str) -> bool:
    """A file a folder walk reads: a known format, not a sidecar."""
    low = name.lower()
    return not low.endswith(SIDECAR_SUFFIX) and (Path(low).suffix in FORMATS or low.endswith(OTHER_SUFFIXES))


def iter_files(paths: Iterable[Path]) -> Iterator[Path | ArticleError]:
    """Files to read, in a stable order: each path as given; folders recursively, sorted by relative path.

    A folder that cannot be read, a symlink loop, a FIFO or device is an ArticleError naming it."""
    for f, _label in _iter_inputs(paths):
        yield f


def _iter_inputs(paths: Iterable[Path]) -> Iterator[tuple[Path | ArticleError, str]]:
    seen: set[tuple[int, int]] = set()
    for p in paths:
        p = Path(p)
        try:
            st = p.stat()
        except OSError as e:
            missing = isinstance(e, FileNotFoundError) and not p.is_symlink()
            yield ArticleError(display_name(str(p)), "no such file or folder" if missing
                               else f"cannot read: {e.strerror or e}", skipped="this input"), ""
            continue
        if stat.S_ISDIR(st.st_mode):
            found: list[Path] = []
            errors: list[ArticleError] = []

            def onerror(e: OSError, root: Path = p, errors: list[ArticleError] = errors) -> None:
                where = Path(e.filename) if e.filename else root
                label = _label(where, root)
                errors.append(ArticleError(label + "/", f"cannot read folder: {e.strerror or e}",
                                           skipped="this folder"))

            for root, dirs, files in os.walk(p, onerror=onerror):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(root) / f for f in files if not f.startswith(".") and readable(f)]
            for err in sorted(errors, key=lambda x: x.article):
                yield err, err.article
            items = sorted(found, key=lambda f: f.relative_to(p).as_posix())
            labelled = [(f, _label(f, p)) for f in items]
        else:
            labelled = [(p, display_name(p.name))]
        for f, label in labelled:
            try:
                st = f.stat()
            except OSError as e:  # a broken or looping symlink
                yield ArticleError(label, f"cannot read: {e.strerror or e}", skipped="this file"), label
                continue
            if not stat.S_ISREG(st.st_mode):
                yield (ArticleError(label, f"not a regular file ({_kind(st.st_mode)}), not read", skipped="this file"),
                       label)
                continue
            key = (st.st_dev, st.st_ino)
            if key not in seen:
                seen.add(key)
                yield f, label


def _label(f: Path, root: Path) -> str:
    """How a file under a folder is named in messages: its path below the folder."""
    try:
        return display_name(f.relative_to(root).as_posix())
    except ValueError:
        return display_name(str(f))


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a plain file"


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


def read_file(path: Path, *, limits: Limits | None = None,
              label: str | None = None) -> Iterator[Article | ArticleError]:
    """One file: one article (text, Markdown, HTML, JSON object) or many (JSONL, JSON list).

    `label` names the file in errors (default: its name)."""
    limits = limits or Limits.from_env()
    fmt = FORMATS.get(path.suffix.lower(), "text")
    name = display_name(path.name)
    label = label or name
    try:
        with _open_regular(path, label) as fh:
            if fmt == "jsonl":
                yield from _read_jsonl(fh, path, limits, label)
                return
            size = os.fstat(fh.fileno()).st_size
            if size > limits.max_file_bytes:
                raise ArticleError(label, f"file is {_size(size)}, over the limit of {_size(limits.max_file_bytes)} "
                                          "(LAGEBILD_MAX_FILE_MB, --max-file-mb)", skipped="this file")
            data = fh.read(limits.max_file_bytes + 1)
            if len(data) > limits.max_file_bytes:
                raise ArticleError(label, f"file grew over the limit of {_size(limits.max_file_bytes)} while read",
                                   skipped="this file")
        if fmt in ("text", "markdown"):
            text, warnings = decode(data, label)
            _check_length(text, label, limits)
            yield from _finish([from_text(text, name, markdown=fmt == "markdown", warnings=warnings)],
                               path, sha256(data))
        elif fmt == "html":
            yield from _finish([from_html(data, name, limits=limits, label=label)], path, sha256(data))
        else:
            yield from _read_json(data, path, limits, label)
    except ArticleError as e:
        if e.article == name and label != name:
            e = ArticleError(label, e.problem, skipped=e.skipped)
        yield e
    except OSError as e:
        yield ArticleError(label, f"cannot read file: {e.strerror or e}", skipped="this file")


class _open_regular:
    """Open a file for reading only if it is a regular file (O_NONBLOCK: a FIFO put there meanwhile cannot block)."""

    def __init__(self, path: Path, label: str):
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise ArticleError(label, f"not a regular file ({_kind(mode)}), not read", skipped="this file")
            self.fh = os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise

    def __enter__(self):
        return self.fh

    def __exit__(self, *exc) -> None:
        self.fh.close()


def _check_length(text: str, label: str, limits: Limits) -> None:
    if len(text) > limits.max_article_chars:
        raise ArticleError(label, f"article text is {len(text):,} characters, over the limit of "
                                  f"{limits.max_article_chars:,} (LAGEBILD_MAX_ARTICLE_CHARS, --max-article-chars)")


def _finish(items: Iterable[Article | ArticleError], path: Path, digest: str | None,
            origin: str | None = None) -> Iterator[Article | ArticleError]:
    for a in items:
        if isinstance(a, Article):
            a.source_path = display_name(str(path))
            a.origin = a.origin or origin or file_origin(path)
            a.content_hash = a.content_hash or digest
        yield a


def file_origin(path: Path) -> str:
    """Where a file's article came from: the absolute path (not resolving symlinks: the name the user gave)."""
    return display_name(os.path.abspath(path))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- decoding -------------------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes -> text: UTF-8 (BOM ok), UTF-16 (with BOM, or without one when its NUL bytes say so), else cp1252,
    else latin-1 (with a warning).

    A text that is UTF-8 but for a few bad bytes stays UTF-8: its good lines are kept, the bad bytes become
    U+FFFD and a warning names them (byte value, line, column). A text with more invalid sequences than
    valid multi-byte ones is a legacy 8-bit text (cp1252/latin-1).
    Raises ArticleError for empty and binary files. Line ends become "\\n", the text is NFC.
    """
    warnings: list[str] = []
    if not data.strip():
        raise ArticleError(name, "empty file" if not data else "file holds only whitespace")
    utf16 = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as e:
            raise ArticleError(name, f"broken UTF-16 text: {e.reason} at byte {e.start}") from None
        if utf16 != "utf-16":
            warnings.append(f"no byte order mark; read as {utf16.upper()} (its NUL bytes say so)")
        text, n = _scrub(text)
        if n:
            warnings.append(f"{n} unpaired UTF-16 surrogate(s) replaced by U+FFFD")
    elif b"\x00" in data:
        raise ArticleError(name, "binary file (contains NUL bytes), not text")
    else:
        text, warnings = _decode_8bit(data, "")
    controls = len(_CONTROLS.findall(text))
    if controls > max(2, len(text) // 200):
        raise ArticleError(name, f"binary file ({controls} control characters), not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleError(name, "file holds no text")
    return text, warnings


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit at every other position (ASCII-heavy UTF-16), else None."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes, where: str) -> tuple[str, list[str]]:
    """UTF-8, or UTF-8 with a few bad bytes replaced (named), or cp1252, or latin-1."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        fixed = _fix_mojibake(text)
        if fixed is not None:
            return fixed, ["text was UTF-8 encoded twice (mojibake like 'Ã¤'); repaired"]
        return text, []
    esc = data.decode("utf-8", "surrogateescape")  # one pass: each invalid byte becomes U+DC80..U+DCFF
    runs = list(_ESCAPED.finditer(esc))
    bad_leads = sum(1 for m in runs for ch in m[0] if 0xC2 <= ord(ch) - 0xDC00 <= 0xF4)
    valid_multibyte = sum(data.count(bytes([b])) for b in range(0xC2, 0xF5)) - bad_leads
    if valid_multibyte >= len(runs):
        text = _ESCAPED.sub("\ufffd", esc).removeprefix("\ufeff")
        named = ", ".join(f"0x{_escaped_bytes(m[0]).hex().upper()} at {_line_col(esc, m.start())}" for m in runs[:3])
        more = f" and {len(runs) - 3} more" if len(runs) > 3 else ""
        return text, [f"invalid UTF-8{where}: {named}{more} replaced by U+FFFD; the rest read as UTF-8"]
    first_at = len(esc[:runs[0].start()].encode("utf-8", "surrogateescape"))
    first = f"invalid UTF-8{where} at byte {first_at}"
    try:
        return data.decode("cp1252"), [f"{first}; decoded as Windows-1252 (cp1252)"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"{first}; decoded as Latin-1 (ISO-8859-1)"]


def _escaped_bytes(run: str) -> bytes:
    return bytes(ord(ch) - 0xDC00 for ch in run)


def _line_col(text: str, at: int) -> str:
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"line {line}, column {col}"


def _fix_mojibake(text: str) -> str | None:
    if len(_MOJIBAKE.findall(text)) < 3:
        return None
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None


# --- building articles -------------------------------------------------------------------------------------


def date_value(value: Any) -> tuple[str | None, Precision]:
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
    return iso, ISO_DATE_PRECISION[len(iso)]


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
    raw, bad = _scrub(raw)
    if bad:
        warnings.append(f"{bad} lone surrogate(s) (like \\ud800, not a character) replaced by U+FFFD")
    if title:
        title = _scrub(title)[0]
    raw = unicodedata.normalize("NFC", raw)
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


def from_record(obj: Any, default_id: str, where: str, *, limits: Limits | None = None) -> Article:
    """One JSON object (a JSONL line, a JSON file or list item) -> Article."""
    if not isinstance(obj, dict):
        raise ArticleError(default_id, f"{where} is not a JSON object but {type(obj).__name__}")
    obj = newsplease.normalise(obj)  # news-please / trafilatura field names -> ours
    given = _str(_pick(obj, "id"))              # None: absent, or an object or a list
    aid = default_id if given is None else display_name(given)
    text = _pick(obj, "text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(aid, f"{where} has no text (field 'text' missing, empty or not a string)")
    _check_length(text, aid, limits or Limits.from_env())
    title = _pick(obj, "title")
    title = title if isinstance(title, str) else None
    raw = _with_title(title, text).replace("\r\n", "\n")
    published = _pick(obj, "published")
    return from_text(raw, aid, outlet=_str(_pick(obj, "outlet")), url=_str(_pick(obj, "url")),
                     published=_str(published), published_basis="metadata")


def _str(v: Any) -> str | None:
    """A JSON scalar as text (lone surrogates replaced); objects and lists are no name, URL or date."""
    if v is None or isinstance(v, (dict, list)):
        return None
    return _scrub(v if isinstance(v, str) else json.dumps(v))[0]


def _decode_line(line: bytes, n: int) -> tuple[str, list[str]]:
    if n == 1:
        line = line.removeprefix(b"\xef\xbb\xbf")
    text, warnings = _decode_8bit(line, f" in line {n}")
    return text, [w.replace("at line 1, column", "at column") for w in warnings]


def _lines(fh, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of a binary file, read line by line; None for a line longer than max_bytes
    (its bytes are skipped, not kept)."""
    n = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the overlong line
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, line.rstrip(b"\r\n")


def _read_jsonl(fh, path: Path, limits: Limits, label: str) -> Iterator[Article | ArticleError]:
    """JSON Lines, line by line: a bad line (not JSON, too deep, too long, NUL bytes, no text) costs that line."""
    name = display_name(path.name)
    base = file_origin(path)
    empty = True
    for n, line in _lines(fh, limits.max_line_bytes):
        where = f"{label}:{n}"
        if line is None:
            empty = False
            yield ArticleError(where, f"line {n} is longer than {_size(limits.max_line_bytes)} "
                                      "(LAGEBILD_MAX_ARTICLE_CHARS, --max-article-chars)", skipped="this line")
            continue
        if not line.strip():
            continue
        empty = False
        if b"\x00" in line:
            yield ArticleError(where, f"line {n} holds NUL bytes (binary), not JSON", skipped="this line")
            continue
        text, warnings = _decode_line(line, n)
        try:
            obj = _loads(text)
        except ArticleError as e:
            yield ArticleError(where, f"line {n} is not valid JSON: {e.problem}", skipped="this line")
            continue
        try:
            a = from_record(obj, f"{name}:{n}", f"line {n}", limits=limits)
        except ArticleError as e:
            problem = e.problem if e.article == f"{name}:{n}" else f"{e.problem} (id {e.article!r})"
            yield ArticleError(where, problem, skipped="this line")
            continue
        a.warnings[:0] = warnings
        a.content_hash = sha256(line)
        origin = f"{base}#{a.id}" if a.id != f"{name}:{n}" else f"{base}:{n}"
        yield from _finish([a], path, None, origin)
    if empty:
        raise ArticleError(label, "empty file" if not fh.tell() else "file holds only whitespace")


def _loads(text: str) -> Any:
    """json.loads with its failures as ArticleError: syntax, nesting too deep for the parser, a number
    too long to convert."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ArticleError("", f"{e.msg} (line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise ArticleError("", "nested too deeply (arrays or objects inside each other beyond what can be read)") \
            from None
    except ValueError as e:   # e.g. an integer of more digits than Python converts (sys.get_int_max_str_digits)
        raise ArticleError("", f"a value cannot be read: {e}".split(";")[0]) from None


def _read_json(data: bytes, path: Path, limits: Limits, label: str) -> Iterator[Article | ArticleError]:
    name = display_name(path.name)
    base = file_origin(path)
    text, warnings = decode(data, label)
    try:
        obj = _loads(text)
    except ArticleError as e:
        raise ArticleError(label, f"not valid JSON: {e.problem}") from None
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    if isinstance(obj, list):
        for i, item in enumerate(obj, 1):
            try:
                a = from_record(item, f"{name}:{i}", f"item {i}", limits=limits)
            except ArticleError as e:
                yield ArticleError(e.article, f"{e.problem} ({label})", skipped="this item")
                continue
            a.warnings[:0] = warnings
            a.content_hash = sha256(json.dumps(item, sort_keys=True, ensure_ascii=False)
                                    .encode("utf-8", "surrogatepass"))
            origin = f"{base}#{a.id}" if a.id != f"{name}:{i}" else f"{base}:{i}"
            yield from _finish([a], path, None, origin)
    else:
        a = from_record(obj, name, "the file", limits=limits)
        a.warnings[:0] = warnings
        yield from _finish([a], path, sha256(data))


# --- HTML ----------------------------------------------------------------------------------------------------


def _trafilatura_config():
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its SIGALRM timeout breaks in worker threads
    return cfg


def from_html(data: bytes, name: str, *, url: str | None = None, limits: Limits | None = None,
              label: str | None = None) -> Article:
    """HTML page -> Article: trafilatura finds main text, title, date, site name and URL (`url`: where
    the page was fetched from). The outlet is the site's name (og:site_name, JSON-LD publisher), a
    domain shown by its outlet's name (lang/de/outlets.tsv)."""
    import trafilatura

    label = label or name
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
    _check_length(text, label, limits or Limits.from_env())
    raw = _with_title(meta.get("title"), text)
    date = meta.get("date")
    page_url = url or meta.get("url")
    return from_text(raw, name, outlet=outlet_name(meta.get("sitename") or meta.get("hostname"), page_url),
                     url=page_url, published=date, published_basis="HTML metadata" if date else None)
