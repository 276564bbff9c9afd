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


class Timeline(Open):
    total: int
    events: list[dict[str, Any]] = Field(description="dated events with start/end (first and last day covered)")
    undated: list[dict[str, Any]]
    articles_per_day: list[dict[str, Any]]


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
