"""The static dossier: one self-contained HTML file (or Markdown) read from the store.

    render_report("dossier.db", "html") -> str

`dossier_view(store)` turns the stored rows into view objects (figures with
their anchors, article texts cut into sentences and highlighted claims,
events, entities); the Jinja2 templates in ./templates only lay them out. The
web app can reuse both: `environment()` gives the template environment with
our filters, `dossier_view` the data. All article data reaches the page through
Jinja2 autoescaping; links to articles' URLs are only made for http(s) URLs;
a Content-Security-Policy allows no network access and only our own script.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..model import Article, Claim, ClaimGroup, Entity, Event, Sentence, Story
from ..store.present import (
    EVENT_TYPE_DE,
    NO_SOURCE,
    QUALIFIER_DE,
    STATUS_DE,
    STATUS_ORDER,
    VOCABULARY,
    anchor,
    de,
    fmt_datetime,
    safe_url,
)
from .charts import (
    Mark,
    Point,
    event_map,
    event_timeline,
    figure_chart,
    fmt_date,
    fmt_number,
)

# --- view objects -----------------------------------------------------------------------------------


@dataclass
class FigureMark:
    """One claim as the report shows it."""

    claim: Claim
    article: Article
    anchor: str                      # of the claim's highlight in the article text
    sentence_anchor: str | None
    article_anchor: str
    when: str | None                 # the date the figure is for (or the article's date)
    source: str
    group_anchor: str | None = None
    group_label: str | None = None
    off: bool = False                # outside the group's low..high (flagged)

    @property
    def outlet(self) -> str:
        return self.article.outlet or self.article.id

    @property
    def series(self) -> str:
        """Who the chart says it is from: the source, or the outlet itself where none is named."""
        return self.source if self.source != NO_SOURCE else f"{self.outlet} (ohne Quellenangabe)"

    @property
    def value(self) -> str:
        c = self.claim
        v = fmt_number(c.low) if c.low == c.high else f"{fmt_number(c.low)}–{fmt_number(c.high)}"
        return f"{v} {c.unit}" if c.unit else v

    @property
    def qualifier(self) -> str:
        return QUALIFIER_DE.get(self.claim.qualifier, self.claim.qualifier or "")

    @property
    def stated(self) -> str:
        """'mindestens 12.000' - the value with its qualifier."""
        return " ".join(x for x in (self.qualifier, self.value) if x)

    @property
    def what(self) -> str:
        """'mindestens Tote' - qualifier and counted noun, for the table's 'Angabe' column."""
        return " ".join(x for x in (self.qualifier, self.claim.counted) if x)


@dataclass
class GroupView:
    group: ClaimGroup
    anchor: str
    label: str
    figures: list[FigureMark]
    chart: Markup
    n_articles: int

    @property
    def status(self) -> str:
        return STATUS_DE.get(self.group.status, self.group.status)

    @property
    def flagged(self) -> bool:
        return self.group.status == "disagree"

    @property
    def estimated(self) -> bool:
        """Whether consolidation derived low/best/high (else the page shows the figures' span)."""
        return any(v is not None for v in (self.group.low, self.group.best, self.group.high))

    @property
    def summary(self) -> str:
        """The best estimate with its range where consolidation derived one, else the figures' span."""
        g = self.group
        if g.best is None:
            return self.span
        rng = "" if g.low is None or g.high is None or g.low == g.high else \
            f" ({fmt_number(g.low)}–{fmt_number(g.high)})"
        return fmt_number(g.best) + rng

    @property
    def span(self) -> str:
        lo = min(f.claim.low for f in self.figures)
        hi = max(f.claim.high for f in self.figures)
        return fmt_number(lo) if lo == hi else f"{fmt_number(lo)}–{fmt_number(hi)}"


@dataclass
class FigurePiece:
    text: str
    figure: FigureMark | None = None
    anchor_only: list[str] = field(default_factory=list)   # anchors of claims hidden by an overlapping one


@dataclass
class TextSegment:
    anchor: str | None               # sentence anchor; None for text between sentences
    pieces: list[FigurePiece]


@dataclass
class ArticleView:
    article: Article
    anchor: str
    segments: list[TextSegment]
    figures: list[FigureMark]
    url: str | None

    @property
    def outlet(self) -> str:
        return self.article.outlet or "Medium unbekannt"


@dataclass
class EventView:
    event: Event
    anchor: str
    when: str | None
    actor: str | None
    target: str | None
    place: str | None
    articles: list[tuple[str, str]]          # (label, anchor)
    evidence: list[tuple[str, str | None]]   # (text, sentence anchor)
    figures: list[FigureMark]


@dataclass
class EntityView:
    entity: Entity
    anchor: str
    n_mentions: int
    articles: list[tuple[str, str]]


# --- building the view --------------------------------------------------------------------------------


def _when(claim: Claim, article: Article) -> str | None:
    """The date a figure is for: the claim's own time when it is a date, else the article's date."""
    t = claim.time
    if t is not None and t.value and re.match(r"\d{4}(-\d{2}){0,2}$", t.value):
        return t.value
    return article.published


def _source(claim: Claim) -> str:
    if claim.source:
        return claim.source
    if claim.sources:
        return claim.sources[0].name
    return NO_SOURCE


def _sentence_of(sentences: list[Sentence], offset: int) -> Sentence | None:
    for s in sentences:
        if s.start <= offset < s.end:
            return s
    return None


def _segments(article: Article, sentences: list[Sentence], figures: list[FigureMark]) -> list[TextSegment]:
    """The article text cut into sentences (anchored) and gaps, with claims as highlighted pieces."""
    text = article.text
    spans = sorted((max(0, s.start), min(len(text), s.end), s) for s in sentences if s.end > s.start)
    cuts: list[tuple[int, int, str | None]] = []
    pos = 0
    for start, end, s in spans:
        if start < pos:          # overlapping sentence boundaries: keep the text once
            start = pos
        if start >= end:
            continue
        if start > pos:
            cuts.append((pos, start, None))
        cuts.append((start, end, anchor("s", f"{article.id}\x00{s.index}")))
        pos = end
    if pos < len(text):
        cuts.append((pos, len(text), None))
    figs = sorted(figures, key=lambda f: (f.claim.start, -f.claim.end))
    segments = []
    for start, end, sent_anchor in cuts:
        pieces: list[FigurePiece] = []
        p = start
        for f in figs:
            cs, ce = max(f.claim.start, start), min(f.claim.end, end)
            if not (f.claim.start >= start and f.claim.start < end):
                continue                                  # highlighted in the segment where it starts
            if cs < p:                                    # overlaps the previous highlight: anchor only
                (pieces[-1].anchor_only if pieces else []).append(f.anchor)
                continue
            if cs > p:
                pieces.append(FigurePiece(text[p:cs]))
            pieces.append(FigurePiece(text[cs:ce], f))
            p = ce
        if p < end:
            pieces.append(FigurePiece(text[p:end]))
        segments.append(TextSegment(sent_anchor, pieces))
    return segments


@dataclass
class StoryView:
    """One story apart: its articles, and the quantities and events told in them."""

    story: Story
    anchor: str
    articles: list[tuple[str, str, str | None, str]]   # (title, outlet, published, article anchor)
    groups: list[GroupView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)

    @property
    def n_figures(self) -> int:
        return sum(len(g.figures) for g in self.groups)


@dataclass
class _Read:
    """What the view is built from, read once from the store: articles by id with their anchors, and
    sentences by article."""

    articles: list[Article]
    by_id: dict[str, Article]
    art_anchor: dict[str, str]
    sentences: dict[str, list[Sentence]]

    def sentence_anchor(self, article: str, offset: int) -> str | None:
        s = _sentence_of(self.sentences.get(article, []), offset) if article in self.by_id else None
        return anchor("s", f"{article}\x00{s.index}") if s else None

    def article_links(self, ids: Any) -> list[tuple[str, str]]:
        """(outlet, anchor) of each stored article among ids, once each."""
        return [(self.by_id[x].outlet or x, self.art_anchor[x]) for x in dict.fromkeys(ids) if x in self.by_id]


def _read(store: Any) -> _Read:
    articles = store.articles()
    sentences: dict[str, list[Sentence]] = {}
    for s in store.sentences():
        sentences.setdefault(s.article, []).append(s)
    return _Read(articles, {a.id: a for a in articles}, {a.id: anchor("a", a.id) for a in articles}, sentences)


def _figures(r: _Read, claims: list[Claim]) -> dict[str, FigureMark]:
    """Each claim of a stored article as a figure, by claim id."""
    figures: dict[str, FigureMark] = {}
    for c in claims:
        a = r.by_id[c.article]
        figures[c.id or f"{c.article}#{c.start}"] = FigureMark(
            claim=c, article=a, anchor=anchor("c", c.id or f"{c.article}#{c.start}"),
            sentence_anchor=r.sentence_anchor(a.id, c.start),
            article_anchor=r.art_anchor[a.id], when=_when(c, a), source=_source(c))
    return figures


def _group_views(groups: list[ClaimGroup],
                 figures: dict[str, FigureMark]) -> tuple[list[GroupView], list[FigureMark]]:
    """The groups with their figures (most contested first), and the figures in no group."""
    group_views = []
    in_group: set[str] = set()
    for g in groups:
        members = [figures[m] for m in g.members if m in figures]
        if not members:
            continue
        g_anchor = anchor("g", g.id)
        label = g.label or (g.measure.key().strip("|").replace("|", " · ") if g.measure else None) or \
            " / ".join(dict.fromkeys(f.claim.counted or "?" for f in members))
        for f in members:
            f.group_anchor, f.group_label = g_anchor, label
            in_group.add(f.claim.id or f"{f.claim.article}#{f.claim.start}")
            if g.low is not None and g.high is not None and (f.claim.high < g.low or f.claim.low > g.high):
                f.off = True
        members.sort(key=lambda f: (f.when is None, f.when or "", f.outlet))
        chart = _group_chart(g, label, members)
        group_views.append(GroupView(g, g_anchor, label, members, chart, len({f.article.id for f in members})))
    group_views.sort(key=lambda v: (STATUS_ORDER.get(v.group.status, 4), -len(v.figures)))
    ungrouped = sorted((f for key, f in figures.items() if key not in in_group),
                       key=lambda f: (f.article.published or "~", f.article.id, f.claim.start))
    return group_views, ungrouped


def _event_views(r: _Read, events: list[Event], names: dict[str, str],
                 figures: dict[str, FigureMark]) -> list[EventView]:
    """The events, dated ones first in time order, each with its evidence sentences and figures."""
    views = []
    for e in events:
        views.append(EventView(
            event=e, anchor=anchor("e", e.id), when=e.time.value if e.time else None,
            actor=names.get(e.actor, e.actor) if e.actor else None,
            target=names.get(e.target, e.target) if e.target else None,
            place=e.place.name if e.place else None,
            articles=r.article_links(e.articles),
            evidence=[(sp.text, r.sentence_anchor(sp.article, sp.start)) for sp in e.evidence],
            figures=[figures[f] for f in e.figures if f in figures]))
    views.sort(key=lambda v: (v.when is None, v.when or ""))
    return views


def _main_story(story_of: dict[str, str], article_ids: Any) -> str | None:
    """The story most of these articles belong to (the first of them on a tie)."""
    counts = Counter(story_of[a] for a in article_ids if a in story_of)
    return counts.most_common(1)[0][0] if counts else None


def _story_views(r: _Read, stories: list[Story], story_of: dict[str, str], group_views: list[GroupView],
                 event_views: list[EventView]) -> list[StoryView]:
    """Each story with its articles, and the quantities and events told in its articles (a quantity or an
    event its articles share with another story goes to the story that tells it most)."""
    views = {st.id: StoryView(st, anchor("story", st.id),
                              [(r.by_id[x].title or x, r.by_id[x].outlet or "Medium unbekannt", r.by_id[x].published,
                                r.art_anchor[x]) for x in st.articles if x in r.by_id])
             for st in stories}
    for g in group_views:
        home = _main_story(story_of, [f.article.id for f in g.figures])
        if home in views:
            views[home].groups.append(g)
    for e in event_views:
        home = _main_story(story_of, e.event.articles)
        if home in views:
            views[home].events.append(e)
    return list(views.values())


def _overview(r: _Read, claims: list[Claim], group_views: list[GroupView], figures: dict[str, FigureMark]) -> dict:
    dates = sorted(a.published for a in r.articles if a.published)
    return {
        "articles": len(r.articles),
        "outlets": Counter(a.outlet or "Medium unbekannt" for a in r.articles).most_common(),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "claims": len(claims),
        "groups": len(group_views),
        "disagree": sum(1 for v in group_views if v.flagged),
        "copies": sum(1 for a in r.articles if a.duplicate_of),
        "sources": Counter(f.source for f in figures.values()).most_common(),
    }


def dossier_view(store: Any) -> dict[str, Any]:
    """Everything the templates show, from a `Store`."""
    r = _read(store)
    claims = [c for c in store.claims() if c.article in r.by_id]
    figures = _figures(r, claims)
    group_views, ungrouped = _group_views(store.groups(), figures)
    figures_of: dict[str, list[FigureMark]] = {}      # by article, in claim order: one pass, not one per article
    for f in figures.values():
        figures_of.setdefault(f.article.id, []).append(f)
    article_views = []
    for a in r.articles:
        figs = figures_of.get(a.id, [])
        article_views.append(ArticleView(a, r.art_anchor[a.id], _segments(a, r.sentences.get(a.id, []), figs), figs,
                                         safe_url(a.url)))
    entities = store.entities()
    event_views = _event_views(r, store.events(), {e.id: e.name for e in entities}, figures)
    entity_views = [EntityView(e, anchor("n", e.id), len(e.mentions), r.article_links(m.article for m in e.mentions))
                    for e in entities]
    entity_views.sort(key=lambda v: (-v.n_mentions, v.entity.name))
    story_views = _story_views(r, store.stories(), store.story_of(), group_views, event_views)
    builds = store.builds()
    last = builds[-1] if builds else None
    return {
        "meta": store.meta(),
        "title": store.meta().get("title") or "Lagebild",
        "build": last,
        "overview": _overview(r, claims, group_views, figures),
        "stories": story_views,
        "groups": group_views,
        "ungrouped": ungrouped,
        "articles": article_views,
        "article_anchor": r.art_anchor,
        "events": event_views,
        **_event_graphics(event_views),
        "entities": entity_views,
        "errors": store.errors(last["id"]) if last else [],
    }


def _group_chart(g: ClaimGroup, label: str, members: list[FigureMark]) -> Markup:
    """The group's figures by source and date; one figure needs no chart (its table row says it all, and
    the report stays small)."""
    if len(members) < 2:
        return Markup("")
    return figure_chart(
        [Point(f.claim.low, f.claim.high, f.series, f.when,
               label=f"{f.source} ({f.outlet}, {fmt_date(f.when) or 'o. D.'}): {f.stated}",
               href="#" + f.anchor, hedged=f.claim.hedged) for f in members],
        low=g.low, best=g.best, high=g.high, title=f"{label}: Angaben nach Quelle und Datum")


def _event_graphics(event_views: list[EventView]) -> dict[str, Markup]:
    """The events' timeline and map as inline SVG, each dot linking to its row in the events table."""
    marks = [Mark(v.when, de(EVENT_TYPE_DE, v.event.type) or "Ereignis",
                  " · ".join(x for x in (de(EVENT_TYPE_DE, v.event.type), fmt_date(v.when), v.place, v.actor) if x),
                  "#" + v.anchor, v.event.place.lon if v.event.place else None,
                  v.event.place.lat if v.event.place else None) for v in event_views]
    return {"timeline_svg": event_timeline(marks), "map_svg": _map(marks)}


def _map(marks: list[Mark]) -> Markup:
    if not any(m.lon is not None and m.lat is not None for m in marks):
        return Markup("")
    import json

    from .basemap import world_geojson_bytes

    return event_map(marks, json.loads(world_geojson_bytes()))


# --- templates -----------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(value: Any) -> str:
    """Text safe inside Markdown (and a Markdown table cell): no markup, no raw HTML, one line."""
    if value is None:
        return ""
    s = " ".join(str(value).split())
    s = s.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", s).replace("\\<", "&lt;").replace("\\>", "&gt;")


def _autoescape(name: str | None) -> bool:
    return name is None or not name.endswith((".md.j2", ".md"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of the report templates (shared with the web app)."""
    env = Environment(loader=PackageLoader("lagebild.report", "templates"), autoescape=_autoescape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=fmt_number, date=fmt_date, datetime=fmt_datetime, md=md_escape, safe_url=safe_url)
    env.globals.update(QUALIFIER_DE=QUALIFIER_DE, STATUS_DE=STATUS_DE, NO_SOURCE=NO_SOURCE, **VOCABULARY)
    return env


def _asset(name: str) -> str:
    env = environment()
    assert env.loader is not None                      # environment() always sets its PackageLoader
    source, _, _ = env.loader.get_source(env, name)
    return source


def csp(script: str) -> str:
    """No network at all; only our own inline script (by its hash) may run."""
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


def render_view(view: dict[str, Any], fmt: str = "html") -> str:
    env = environment()
    if fmt == "md":
        return env.get_template("report.md.j2").render(**view)
    if fmt != "html":
        raise ValueError(f"report format must be html or md, not {fmt!r}")
    script = _asset("report.js")
    return env.get_template("report.html.j2").render(
        **view, style=Markup(_asset("report.css")), script=Markup(script), csp=csp(script))


def render_report(db_path: str | Path, fmt: str = "html") -> str:
    """The dossier in `db_path` as one self-contained HTML page (fmt="html") or Markdown (fmt="md")."""
    from ..store.sqlite import Store

    with Store(db_path, readonly=True) as store:   # a dossier we may not write can still be reported
        view = dossier_view(store)
    return render_view(view, fmt)
