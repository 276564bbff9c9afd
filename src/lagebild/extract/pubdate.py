"""When did an article appear? Inferred from its text where no header or metadata says so.

`infer_published(article)` fills `published`, `published_precision` and
`published_basis` of an article that has no publication date, from (best first):

1. a dateline, "Stand:" line or byline date in the raw text (day precision);
2. video or photo caption dates ("... 29.01.2025 | 7:52 min"): a caption only shows
   the article is not older than its latest one, so the published value is that
   date's *year*, with the bound in the basis ("not before 2025-01-29, from a
   caption date"); when the caption date falls in the last two months of a year,
   the article may as well be from the next year, and the date stays unknown;
3. otherwise the date stays unknown; the basis then says what the text bounds it
   by ("not before 2024, from dates in the text"), or nothing.

It never sets a precise date it cannot read: a wrong day would misplace every
relative expression of the article ("am Samstag", "gestern").
"""
from __future__ import annotations

import datetime as dt
import logging
import re

from ..model import Article

log = logging.getLogger(__name__)

# A caption date this late in its year says little about the year the article appeared in.
LATEST_CAPTION_MONTH = 10


def _furniture_dates(article: Article) -> list[tuple[str, str]]:
    """(ISO date, basis) of datelines, "Stand:" lines, bylines and captions in the raw text."""
    from ..ingest.cleaning import clean

    raw = article.raw_text or article.text
    try:
        return [(d.value, d.basis) for d in clean(raw).dates]
    except Exception as e:  # noqa: BLE001 - inference is best effort; the article stays undated
        log.warning("%s: could not scan the raw text for dates: %s", article.id, e)
        return []


def _text_bound(article: Article) -> str | None:
    """The latest absolute date the text names in a past-tense clause (a lower bound), as ISO."""
    from .time import TimeContext, find_times

    ctx = TimeContext(article.text)
    best: str | None = None
    for t in find_times(article.text, None, article.id):
        v = t.value or ""
        if t.type != "DATE" or not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", v):
            continue
        if ctx.tense(t.start, t.end) != "past":
            continue
        if best is None or v > best:
            best = v
    return best


def infer_published(article: Article) -> None:
    """Set the publication date of an article without one from dates in its text (see module doc)."""
    if article.published:
        return
    found = _furniture_dates(article)
    for value, basis in found:
        if basis != "caption date":
            article.published, article.published_precision = value, "day"
            article.published_basis = f"{basis} {_german(value)}"
            return
    captions = sorted(v for v, b in found if b == "caption date")
    if captions:
        latest = dt.date.fromisoformat(captions[-1])
        bound = f"not before {latest.isoformat()}, from a caption date"
        if latest.month <= LATEST_CAPTION_MONTH:
            article.published, article.published_precision = f"{latest.year:04d}", "year"
            article.published_basis = f"{bound}; year assumed"
        else:
            article.published, article.published_precision = None, "unknown"
            article.published_basis = f"{bound}; year unknown"
        return
    bound_value = _text_bound(article)
    article.published, article.published_precision = None, "unknown"
    article.published_basis = f"not before {bound_value}, from dates in the text; date unknown" if bound_value else None


def _german(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}.{int(m)}.{y}"
