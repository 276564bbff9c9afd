"""A timeline: claims and events ordered by the time they refer to.

Every TIMEX3 date value stands for a range of days (``2024-FA`` is September to
November 2024, ``2025-04`` with mod END the last third of April). Items are
ordered by the start of that range, then its end, so ``Ende April`` follows
``April`` and a day inside a month follows the month that contains it. An item
without a time of its own is placed at its article's publication date (and says
so); items with neither come last, in their input order.

Pure: the same items give the same order.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article, TimeValue

D = dt.date
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}  # month 13/14: next year


def _month_end(y: int, m: int) -> D:
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return D(y, m, calendar.monthrange(y, m)[1])


def _month_start(y: int, m: int) -> D:
    return D(y + (m - 1) // 12, (m - 1) % 12 + 1, 1)


def interval(value: str | None, mod: str | None = None) -> tuple[D, D] | None:
    """First and last day a TIMEX3 date value covers; None for durations, sets and vague refs."""
    if not value:
        return None
    v = value.split("T", 1)[0] if re.match(r"\d{4}-\d{2}-\d{2}T", value) else value
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = D(*map(int, m.groups()))
            span = (d, d)
        elif m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = map(int, m.groups())
            span = (_month_start(y, mo), _month_end(y, mo))
        elif m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE|-\d)?", v):
            y, w = int(m[1]), int(m[2])
            if m[3] == "-WE":
                span = (D.fromisocalendar(y, w, 6), D.fromisocalendar(y, w, 7))
            elif m[3]:
                d = D.fromisocalendar(y, w, int(m[3][1:]))
                span = (d, d)
            else:
                span = (D.fromisocalendar(y, w, 1), D.fromisocalendar(y, w, 7))
        elif m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
            y, (a, b) = int(m[1]), SEASONS[m[2]]
            span = (_month_start(y, a), _month_end(y, b))
        elif m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            span = (_month_start(y, 3 * q - 2), _month_end(y, 3 * q))
        elif m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            span = (_month_start(y, 6 * h - 5), _month_end(y, 6 * h))
        elif m := re.fullmatch(r"\d{4}", v):
            span = (D(int(v), 1, 1), D(int(v), 12, 31))
        elif re.fullmatch(r"\d{3}", v):
            span = (D(int(v) * 10 or 1, 1, 1), D(int(v) * 10 + 9, 12, 31))
        elif re.fullmatch(r"\d{2}", v):
            span = (D(int(v) * 100 or 1, 1, 1), D(int(v) * 100 + 99, 12, 31))
        else:
            return None
    except ValueError:
        return None
    return _narrow(span, mod)


def _narrow(span: tuple[D, D], mod: str | None) -> tuple[D, D]:
    """START / MID / END: the first, middle or last third of the range."""
    first, last = span
    days = (last - first).days
    if mod not in ("START", "MID", "END") or days < 3:
        return span
    third = dt.timedelta(days=days // 3)
    if mod == "START":
        return first, first + third
    if mod == "MID":
        return first + third, last - third
    return last - third, last


@dataclass
class TimelineEntry:
    """One item on the timeline, with the range it is placed at and why."""

    item: Any
    start: D | None
    end: D | None
    time: TimeValue | None
    basis: str                               # "expression", "publication date", "unknown"


def _own_time(item: Any) -> TimeValue | None:
    t = getattr(item, "time", None)
    return t if isinstance(t, TimeValue) else None


def place(item: Any, articles: Mapping[str, Article] | None = None) -> TimelineEntry:
    """Where an item goes: its own time, else its article's publication date."""
    t = _own_time(item)
    span = interval(t.value, t.mod) if t else None
    if span and t:
        return TimelineEntry(item, span[0], span[1], t, t.basis or "expression")
    for art_id in _articles_of(item):
        a = (articles or {}).get(art_id)
        if a and (span := interval(a.published)):
            tv = TimeValue(a.published, a.published_precision, None, "publication date")
            return TimelineEntry(item, span[0], span[1], tv, "publication date")
    return TimelineEntry(item, None, None, t, "unknown")


def _articles_of(item: Any) -> list[str]:
    if isinstance(getattr(item, "article", None), str):
        return [item.article]
    return list(getattr(item, "articles", None) or [])


def timeline(items: Iterable[Any],
             articles: Sequence[Article] | Mapping[str, Article] | None = None) -> list[TimelineEntry]:
    """Claims, events (anything with `.time`) ordered by the time they refer to."""
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles or ()}
    entries = [place(x, by_id) for x in items]
    dated = [e for e in entries if e.start is not None]
    undated = [e for e in entries if e.start is None]
    dated.sort(key=lambda e: (e.start, e.end))   # stable: equal ranges keep the input order
    return dated + undated
