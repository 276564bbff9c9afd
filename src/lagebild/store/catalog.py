"""An in-memory index of the dossier's light columns, rebuilt when a build changed the dossier.

Why: the store keeps each article's text inline in its row and has no index on
dates, outlets or a figure's date (a claim's own date lives in JSON), so a list
sorted or filtered by them scans every article's text or parses every claim's
JSON: a quarter to several seconds per page at 10.000 articles. The pages only
need a few light columns to decide *which* rows to show; this index holds them
(about 2 MB per 10.000 articles and 50.000 figures, loaded in well under a second)
and the rows of one page are then read by primary key (queries.py).

Everything here is read once per dossier version (queries.version) and never
written back.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from ..model import BACKGROUND_STATUSES
from .present import NO_SOURCE, STATUS_ORDER

_DATE = re.compile(r"\d{4}(-\d{2}){0,2}$")


class Art(NamedTuple):
    id: str
    title: str
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    n: int                      # rowid: the stored order


class Fig(NamedTuple):
    id: str
    article: str
    group: str | None
    date: str | None            # the date the figure is for (report/render.py:_when)
    source: str
    source_lc: str
    outlet: str | None
    n: int                      # stored order


class Grp(NamedTuple):
    id: str
    status: str | None
    label_lc: str
    kind: str | None
    best: float | None
    position: int


class Ent(NamedTuple):
    id: str
    name: str
    type: str | None
    search_lc: str              # name and aliases, lower-cased
    position: int
    mentions: int
    articles: int


class Ev(NamedTuple):
    id: str
    type: str | None
    time_value: str | None
    position: int
    located: bool
    search_lc: str
    actor: str | None
    target: str | None
    status: str | None = None


class Sto(NamedTuple):
    id: str
    title: str
    start: str | None
    end: str | None
    articles: tuple[str, ...]   # the stored articles of the story
    position: int


def in_dates(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Does a date or TIMEX3 value begin within a filter's dates (a day, or a month or year as its prefix)? Compared
    by the first day the value covers (`time_span`), as a date's text compares: a week's day "2026-W18-6" is that
    Saturday, not text that sorts after every date of 2026; an undated value ("XXXX-WXX-6T10:00", 'X' sorting after
    every digit) or none passes no date filter."""
    if not (date_from or date_to):
        return True
    span = time_span(value)
    if span is None:
        return False
    return (not date_from or span[0] >= date_from) and (not date_to or span[0][:len(date_to)] <= date_to)


@lru_cache(maxsize=8192)      # a date filter asks it per row, and a dossier's values repeat (last read: ~70x per query)
def time_span(value: str | None) -> tuple[str, str] | None:
    """The first and last day a TIMEX3 value covers: 2026-03 -> (2026-03-01, 2026-03-31), a week's day
    2026-W18-6TNI -> (2026-05-02, 2026-05-02), a week 2026-W18 its seven days, its weekend -WE two; None if not a
    date (an undated "XXXX-..." value, a reference)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(?:-(\d|WE))?|-(Q[1-4]|H[12]|SP|SU|FA|AU|WI))?", value)
    if not m:
        return None
    y = int(m[1])
    try:
        if m[3]:
            d = date(y, int(m[2]), int(m[3]))
            return d.isoformat(), d.isoformat()
        if m[2]:
            first = date(y, int(m[2]), 1)
            nxt = date(y + (first.month == 12), first.month % 12 + 1, 1)
            return first.isoformat(), (nxt - timedelta(days=1)).isoformat()
        if m[4] and m[5]:
            lo, hi = (6, 7) if m[5] == "WE" else (int(m[5]), int(m[5]))     # a weekend: its Saturday and Sunday
            week = int(m[4])
            return date.fromisocalendar(y, week, lo).isoformat(), date.fromisocalendar(y, week, hi).isoformat()
        if m[4]:
            first = date.fromisocalendar(y, int(m[4]), 1)
            return first.isoformat(), (first + timedelta(days=6)).isoformat()
        part = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 12)}
        a, b = part.get(m[6] or "", (1, 12))
        last = date(y + (b == 12), b % 12 + 1, 1) - timedelta(days=1)
        return date(y, a, 1).isoformat(), last.isoformat()
    except ValueError:
        return None


@dataclass
class Catalog:
    version: tuple
    articles: list[Art]
    figures: list[Fig]
    groups: dict[str, Grp]
    entities: list[Ent]
    events: list[Ev]
    claims_per_article: Counter = field(default_factory=Counter)
    copies: dict[str, list[str]] = field(default_factory=dict)
    events_of_article: dict[str, list[str]] = field(default_factory=dict)
    stories: list[Sto] = field(default_factory=list)       # consolidation's order (oldest first)
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    _all_stats: Any = None
    _all_order: dict[str, list[str]] = field(default_factory=dict)
    _article_order: dict[str, list[Art]] = field(default_factory=dict)
    _memo: OrderedDict = field(default_factory=OrderedDict)

    def memo(self, key: tuple, fn: Any) -> Any:
        """fn() remembered for this dossier version: paging through one filter computes it once."""
        if key in self._memo:
            self._memo.move_to_end(key)
            return self._memo[key]
        value = self._memo[key] = fn()
        while len(self._memo) > 64:
            self._memo.popitem(last=False)
        return value

    @property
    def published(self) -> dict[str, str | None]:
        if not hasattr(self, "_published"):
            self._published = {a.id: a.published for a in self.articles}
        return self._published

    # -- loading --

    @classmethod
    def load(cls, db: sqlite3.Connection, version: tuple) -> "Catalog":
        """All light columns from one snapshot (a read transaction: a build writing meanwhile is not half seen)."""
        own = not db.in_transaction
        if own:
            db.execute("BEGIN")
        try:
            return cls._load(db, version)
        finally:
            if own:
                db.execute("COMMIT")

    @classmethod
    def _load(cls, db: sqlite3.Connection, version: tuple) -> "Catalog":
        arts = [Art(r[0], r[1] or "", r[2], r[3], r[4], r[5]) for r in db.execute(
            "SELECT id, title, outlet, published, duplicate_of, n FROM articles")]
        outlet = {a.id: a.outlet for a in arts}
        published = {a.id: a.published for a in arts}
        figs = []
        for r in db.execute(
                """SELECT id, article, "group", json_extract(time, '$.value'),
                          COALESCE(NULLIF(source, ''), json_extract(sources, '$[0].name')), rowid
                   FROM claims"""):
            tv = r[3]
            when = tv if isinstance(tv, str) and _DATE.match(tv) else published.get(r[1])
            src = r[4] or NO_SOURCE
            figs.append(Fig(r[0], r[1], r[2], when, src, src.lower(), outlet.get(r[1]), r[5]))
        groups = {}
        for r in db.execute("SELECT id, status, label, json_extract(measure, '$.kind'), best, position, measure "
                            "FROM claim_groups"):
            label = r[2] or _measure_label(r[6]) or r[0]
            groups[r[0]] = Grp(r[0], r[1], label.lower(), r[3], r[4], r[5] if r[5] is not None else 0)
        counts = {r[0]: (r[1], r[2]) for r in db.execute(
            "SELECT entity, count(*), count(DISTINCT article) FROM mentions WHERE entity IS NOT NULL GROUP BY entity")}
        ents = []
        for r in db.execute("SELECT id, name, type, aliases, position FROM entities"):
            aliases = json.loads(r[3]) if r[3] else []
            m, a = counts.get(r[0], (0, 0))
            ents.append(Ent(r[0], r[1], r[2], " ".join([r[1], *aliases]).lower(), r[4] or 0, m, a))
        evs = [Ev(r[0], r[1], r[2], r[3] or 0, r[4] is not None and r[5] is not None,
                  " ".join(x or "" for x in (r[1], r[6], r[7], r[8], r[9])).lower(), r[8], r[9], r[10])
               for r in db.execute("SELECT id, type, time_value, position, lat, lon, trigger, place_name, actor, "
                                   "target, status FROM events")]
        events_of: dict[str, list[str]] = defaultdict(list)
        for r in db.execute("SELECT event, article FROM event_articles"):
            events_of[r[1]].append(r[0])
        copies: dict[str, list[str]] = defaultdict(list)
        for a in arts:
            if a.duplicate_of:
                copies[a.duplicate_of].append(a.id)
        stories, story_of = _stories(db)
        return cls(version, arts, figs, groups, ents, evs, Counter(f.article for f in figs), dict(copies),
                   dict(events_of), stories, story_of)

    # -- stories --

    def story(self, story_id: str | None) -> Sto | None:
        return next((s for s in self.stories if s.id == story_id), None) if story_id else None

    def story_events(self, story_id: str) -> set[str]:
        """Events told in the story's articles."""
        s = self.story(story_id)
        return {e for a in (s.articles if s else ()) for e in self.events_of_article.get(a, ())}

    # -- figures and groups --

    def match_figures(self, f: Any, grouped: bool | None = None) -> list[Fig]:
        """Figures passing a queries.FigureFilter, in stored order."""
        return self.memo(("figures", tuple(sorted(f.active().items())), grouped),
                         lambda: self._match_figures(f, grouped))

    def _match_figures(self, f: Any, grouped: bool | None) -> list[Fig]:
        src = f.source.lower() if f.source else None
        q = f.q.lower() if f.q else None
        group_level = f.measure or f.status or q
        story = getattr(f, "story", None)
        if not (src or f.outlet or f.date_from or f.date_to or group_level or story) and grouped is None:
            return self.figures
        out = []
        for x in self.figures:
            if story and self.story_of.get(x.article) != story:
                continue
            if grouped is True and x.group is None or grouped is False and x.group is not None:
                continue
            if src and src not in x.source_lc:
                continue
            if f.outlet and x.outlet != f.outlet:
                continue
            if not in_dates(x.date, f.date_from, f.date_to):
                continue
            if group_level:
                g = self.groups.get(x.group) if x.group else None
                if g is None or (f.measure and g.kind != f.measure) or (f.status and g.status != f.status) \
                        or (q and q not in g.label_lc and q not in g.id.lower()):
                    continue
            out.append(x)
        return out

    def _group_stats(self, figs: list[Fig]) -> tuple[Counter, dict[str, list[str]], dict[str, set], dict[str, str]]:
        n: Counter = Counter()
        members: dict[str, list[str]] = defaultdict(list)
        arts: dict[str, set] = defaultdict(set)
        last: dict[str, str] = {}
        for x in figs:
            if x.group is None:
                continue
            n[x.group] += 1
            members[x.group].append(x.id)
            arts[x.group].add(x.article)
            if x.date and x.date > last.get(x.group, ""):
                last[x.group] = x.date
        return n, members, arts, last

    def _sorted_groups(self, stats: tuple, sort: str) -> list[str]:
        n, _, _, last = stats
        G = self.groups
        keys = {
            "status": lambda g: (STATUS_ORDER.get(G[g].status or "", 9), -n[g], G[g].position),
            "figures": lambda g: (-n[g], G[g].position),
            "label": lambda g: (G[g].label_lc, G[g].position),
            "best": lambda g: (G[g].best is None, -(G[g].best or 0), G[g].position),
            "latest": lambda g: (g not in last, _neg(last.get(g, "")), G[g].position),
        }
        return sorted((g for g in n if g in G), key=keys.get(sort, keys["status"]))

    def group_page(self, f: Any, sort: str, limit: int,
                   offset: int) -> tuple[int, list[tuple[str, list[str], int]]]:
        """(total, [(group id, ids of its figures passing the filter, articles)]) for one page of groups.

        Without a filter on the figures themselves (source, outlet, dates) the counts and the
        sorted order are computed once per dossier version; group-level filters (measure,
        status, text) then only thin out that order."""
        order, stats = self.memo(("groups", tuple(sorted(f.active().items())), sort),
                                 lambda: self._group_order(f, sort))
        _, members, arts, _ = stats
        return len(order), [(g, members[g], len(arts[g])) for g in order[offset:offset + limit]]

    def _group_order(self, f: Any, sort: str) -> tuple[list[str], tuple]:
        figure_level = f.source or f.outlet or f.date_from or f.date_to
        if figure_level:
            stats = self._group_stats(self.match_figures(f, grouped=True))
            order = self._sorted_groups(stats, sort)
        else:
            if self._all_stats is None:
                self._all_stats = self._group_stats(self.figures)
            stats = self._all_stats
            if sort not in self._all_order:
                self._all_order[sort] = self._sorted_groups(stats, sort)
            order = self._all_order[sort]
        q = f.q.lower() if f.q else None
        if f.measure or f.status or q:
            G = self.groups
            order = [g for g in order if (not f.measure or G[g].kind == f.measure)
                     and (not f.status or G[g].status == f.status)
                     and (not q or q in G[g].label_lc or q in g.lower())]
        return order, stats

    # -- articles, entities, events --

    def article_page(self, q: str | None, outlet: str | None, sort: str, limit: int,
                     offset: int, story: str | None = None) -> tuple[int, list[str]]:
        if sort not in self._article_order:
            rows = list(self.articles)
            if sort == "oldest":
                rows.sort(key=lambda a: (a.published is None, a.published or "", a.id))
            elif sort == "outlet":
                rows.sort(key=lambda a: ((a.outlet or "").lower(), _neg(a.published or "")))
            elif sort == "id":
                rows.sort(key=lambda a: a.id)
            else:
                rows.sort(key=lambda a: (a.published is None, _neg(a.published or ""), a.id))
            self._article_order[sort] = rows
        rows = self._article_order[sort]
        ql = q.lower() if q else None
        if outlet or ql or story:
            rows = [a for a in rows if (not outlet or a.outlet == outlet)
                    and (not story or self.story_of.get(a.id) == story)
                    and (not ql or ql in a.title.lower() or ql in a.id.lower())]
        return len(rows), [a.id for a in rows[offset:offset + limit]]

    def entity_page(self, q: str | None, type: str | None, sort: str, limit: int,
                    offset: int) -> tuple[int, list[Ent]]:
        ql = q.lower() if q else None
        rows = [e for e in self.entities if (not type or e.type == type) and (not ql or ql in e.search_lc)]
        if sort == "name":
            rows.sort(key=lambda e: e.name.lower())
        else:
            rows.sort(key=lambda e: (-e.mentions, e.position))
        return len(rows), rows[offset:offset + limit]

    def event_page(self, *, q: str | None, type: str | None, date_from: str | None, date_to: str | None,
                   article: str | None, located: bool | None, sort: str, limit: int,
                   offset: int, only: Any = None, story: str | None = None,
                   current: bool = False) -> tuple[int, list[str]]:
        """Event ids of one page; `current` leaves out background (historical, comparison) events."""
        ql = q.lower() if q else None
        only = set(only) if only is not None else None
        if story:
            mine = self.story_events(story)
            only = mine if only is None else only & mine
        if article:
            mine = set(self.events_of_article.get(article, ()))
            only = mine if only is None else only & mine
        rows = [e for e in self.events
                if (only is None or e.id in only) and (not type or e.type == type)
                and (not ql or ql in e.search_lc) and (not located or e.located)
                and (not current or e.status not in BACKGROUND_STATUSES)
                and in_dates(e.time_value, date_from, date_to)]
        if sort == "latest":
            rows.sort(key=lambda e: (e.time_value is None, _neg(e.time_value or ""), e.position))
        elif sort == "time":
            rows.sort(key=lambda e: (e.time_value is None, e.time_value or "", e.position))
        else:
            rows.sort(key=lambda e: e.position)
        return len(rows), [e.id for e in rows[offset:offset + limit]]

    # -- overview --

    def overview(self) -> dict[str, Any]:
        dates = [a.published for a in self.articles if a.published]
        outlets = Counter(a.outlet or "Medium unbekannt" for a in self.articles)
        return {
            "articles": len(self.articles),
            "outlets": len({a.outlet or "" for a in self.articles}),
            "top_outlets": [{"outlet": o, "articles": k} for o, k in
                            sorted(outlets.items(), key=lambda x: (-x[1], x[0]))[:50]],
            "first": min(dates) if dates else None,
            "last": max(dates) if dates else None,
            "copies": sum(1 for a in self.articles if a.duplicate_of),
            "claims": len(self.figures),
            "groups": len(self.groups),
            "groups_by_status": dict(Counter(g.status for g in self.groups.values())),
            "events": len(self.events),
            "entities": len(self.entities),
        }

    def outlets(self) -> list[str]:
        c = Counter(a.outlet for a in self.articles if a.outlet)
        return [o for o, _ in sorted(c.items(), key=lambda x: (-x[1], x[0]))][:200]

    def measure_kinds(self) -> list[tuple[str, int]]:
        c = Counter(g.kind for g in self.groups.values() if g.kind)
        return sorted(c.items(), key=lambda x: (-x[1], x[0]))

    def entity_types(self) -> list[tuple[str | None, int]]:
        """(type, count), commonest first; an entity without a type counts under None."""
        c = Counter(e.type for e in self.entities)
        return sorted(c.items(), key=lambda x: (-x[1], str(x[0])))

    def event_types(self) -> list[tuple[str, int]]:
        c = Counter(e.type for e in self.events if e.type)
        return sorted(c.items(), key=lambda x: (-x[1], x[0]))


class _neg(str):
    """A string that sorts in reverse: for 'newest first' inside a tuple key."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:
        return str.__lt__(self, other)

    def __le__(self, other: str) -> bool:
        return str.__ge__(self, other)

    def __ge__(self, other: str) -> bool:
        return str.__le__(self, other)


def _stories(db: sqlite3.Connection) -> tuple[list[Sto], dict[str, str]]:
    """The stories and each article's story; none in a dossier from before stories were kept."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='stories'").fetchone():
        return [], {}
    members: dict[str, list[str]] = defaultdict(list)
    story_of: dict[str, str] = {}
    for story, article in db.execute("SELECT story, article FROM story_articles ORDER BY rowid"):
        members[story].append(article)
        story_of.setdefault(article, story)
    stories = [Sto(r[0], r[1], r[2], r[3], tuple(members.get(r[0], ())), r[4] or 0)
               for r in db.execute('SELECT id, title, start, "end", position FROM stories ORDER BY position, id')]
    return stories, story_of


def _measure_label(measure: str | None) -> str | None:
    if not measure:
        return None
    try:
        m = json.loads(measure)
    except ValueError:
        return None
    return " · ".join(v for v in (m.get("kind"), m.get("subject"), m.get("action"), m.get("place")) if v) or None
