"""Response models of the JSON API: they document it in the OpenAPI schema (/docs, /openapi.json).

Fields not listed here are passed through (extra="allow"), so a field added to the
store reaches API clients without a change here.
"""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` rows match, `items` are rows offset .. offset+limit."""

    total: int
    limit: int
    offset: int
    items: list[T]


class Figure(Open):
    id: str | None = Field(description="claim id: <article>#<offset>")
    article: str
    text: str = Field(description="the figure as written")
    sentence: str | None = None
    low: float | None
    high: float | None
    qualifier: str | None = None
    counted: str | None = None
    source: str = Field(description="who says it (or 'ohne Quellenangabe')")
    date: str | None = Field(None, description="the date the figure is for (its own, else the article's)")
    outlet: str | None = None
    group: str | None = None
    sentence_index: int | None = None
    anchor: str = Field(description="id of the figure in the article page: /articles/<id>#<anchor>")


class GroupOut(Open):
    id: str
    label: str
    status: str | None = Field(description="single, agree, disagree or evolution")
    low: float | None = None
    best: float | None = None
    high: float | None = None
    n_sources: int | None = None
    explanation: str | None = None
    rule: str | None = None
    measure: dict[str, Any] | None = None
    n_figures: int
    n_articles: int
    figures: list[Figure]


class Overview(Open):
    title: str
    articles: int
    outlets: int
    top_outlets: list[dict[str, Any]]
    first: str | None = Field(description="earliest publication date")
    last: str | None
    claims: int
    groups: int
    groups_by_status: dict[str, int]
    events: int
    entities: int
    top_groups: list[GroupOut] = Field(description="disagreements first")
    latest_events: list[dict[str, Any]]


class Place(Open):
    """Where an event happened, as the merge chose it from its reports' places."""

    name: str = Field(description="the place's name (German)")
    lat: float | None = None
    lon: float | None = None
    precision: str | None = Field(None, description="site, city, region, water or country; a name the gazetteer "
                                                    "lacks has no lat/lon and is a site (told with an article: "
                                                    "'am Münchner Hauptbahnhof') or of no precision (null)")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    filed: bool = Field(False, description="true where the place is the article's dateline ('Graz – ...'): where the "
                                           "report was filed, the event's place only because no report names another")


class Event(Open):
    """A merged event: who did what to whom, where, when, with its evidence."""

    id: str
    type: str | None = Field(description="event type (what happened)")
    mode: str | None = None
    actor: str | None = Field(None, description="the actor's entity id or name as found")
    actor_name: str | None = None
    actor_id: str | None = Field(None, description="entity id of the actor when it is an entity: /entities/<id>")
    target: str | None = None
    target_name: str | None = None
    target_id: str | None = None
    place: Place | None = Field(None, description="the place in full (place_name, lat and lon are its first fields)")
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    time_value: str | None = Field(None, description="TIMEX3 value: 2023-09-12, 2023-09, 2023-W37 ...")
    start: str | None = Field(None, description="first day the time covers (ISO), null if undated")
    end: str | None = Field(None, description="last day the time covers (ISO)")
    status: str | None = Field(None, description="reported, planned, denied or hypothetical")
    trigger: str | None = None
    figures: list[str] = Field(description="claim ids of the figures the event carries")
    articles: list[str]
    evidence: list[dict[str, Any]] = Field(description="text spans {article, start, end, text}")


class Entity(Open):
    id: str
    name: str
    type: str | None
    aliases: list[str]
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    mentions: int | None = None
    articles: int | None = None


class Article(Open):
    """An article without its text (the text is in /api/articles/{id})."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    safe_url: str | None = None
    published: str | None
    duplicate_of: str | None = None
    claims: int | None = Field(None, description="number of figures (claims) in the article")


class Story(Open):
    """Articles about one event or development, across outlets."""

    id: str
    title: str
    start: str | None = Field(None, description="earliest publication date of its articles")
    end: str | None = None
    articles: int = Field(description="how many articles it holds")
    article_ids: list[str] = Field(description="its article ids, in the order they joined")
    figures: int = Field(description="figures (claims) in its articles")
    events: int = Field(description="events told in its articles")
    event: str | None = Field(None, description="the main event noun of the title")
    place: str | None = None


class Timeline(Page[Event]):
    """Dated events (items) with the first and last day each covers; undated events and articles
    per day beside them."""

    undated: list[Event] = Field(description="events without a date (not in items)")
    articles_per_day: list[dict[str, Any]] = Field(description="[{day, articles}] by publication date")


class MapProperties(Open):
    kind: str = Field(description="event (a located event) or place (an entity with coordinates)")
    name: str | None = None
    type: str | None = None
    time: str | None = None
    articles: list[str] | int | None = None
    url: str | None = Field(None, description="the page of the event or place")


class MapPoint(BaseModel):
    type: str = Field("Point")
    coordinates: list[float] = Field(description="[lon, lat]")


class MapFeature(BaseModel):
    type: str = Field("Feature")
    id: str
    geometry: MapPoint
    properties: MapProperties


class MapPage(Page[MapFeature]):
    """Located events and places as GeoJSON features (items); /api/map.geojson is the same as a
    plain GeoJSON FeatureCollection."""

    bounds: list[float] | None = Field(None, description="[south, west, north, east] of the events shown "
                                                         "(else of all features): where the map zooms to")


class EntityDetail(Open):
    id: str
    name: str
    type: str | None
    aliases: list[str]
    mentions: int | None
    articles: int | None
    mention_list: list[dict[str, Any]] = Field(description="mentions in their sentences (limit/offset)")
    cooccurring: list[dict[str, Any]] = Field(description="entities mentioned in the same articles")
    events: list[dict[str, Any]]


class ArticleDetail(Open):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    safe_url: str | None = Field(description="the URL when it is http(s), else null")
    published: str | None
    text: str = Field(description="cleaned text; all offsets refer to it")
    sentences: list[dict[str, Any]]
    figures: list[Figure]
    times: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    events: list[dict[str, Any]]


class SearchHit(Open):
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    sentence: int | None
    snippet: str
    fragments: list[tuple[str, bool]] = Field(description="snippet as [text, is_match] pairs")


class AddResult(Open):
    ok: bool
    build: int | None
    new: list[str]
    replaced: list[str]
    unchanged: list[str]
    errors: list[dict[str, Any]]
    articles: list[dict[str, str]]
    summary: str
