"""A user's walk through a dossier of several unrelated stories (the seeds and the demo corpus):
every page and every link, in a desktop window and at phone width (400 px).

It asserts what a crawl of the app must find: no broken link, no console error, no page wider
than the phone's screen, and API documentation that renders without the network.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import _web_dossier
import pytest
from _web_dossier import serve

ROOT = Path(__file__).resolve().parents[2]
MAX_PAGES = 400


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    corpora = [ROOT / "examples" / "korridor"]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        corpora.append(seeds)
    db = tmp_path_factory.mktemp("crawl") / "dossier.db"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _web_dossier.build(corpora, db)
    with serve(db) as url:
        yield url


def _links(page, base: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    out = set()
    for h in hrefs:
        url = urldefrag(urljoin(page.url, h))[0]
        if urlparse(url).netloc == urlparse(base).netloc:
            out.add(url)
    return out


def _is_page(url: str) -> bool:
    path = urlparse(url).path
    return not (path.startswith(("/api/", "/static/", "/api-docs-assets/")) or path.endswith((".csv", ".svg")))


def test_crawl_every_page_and_link(site, browser):
    ctx = browser.new_context(viewport={"width": 400, "height": 800}, locale="de-DE")
    page = ctx.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: page error: {e}"))
    seen: set[str] = set()
    todo = [site + "/"]
    broken, too_wide = [], []
    while todo and len(seen) < MAX_PAGES:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        if not _is_page(url):
            r = page.request.get(url)
            if r.status >= 400:
                broken.append(f"{url} -> {r.status}")
            continue
        resp = page.goto(url)
        if resp is None or resp.status >= 400:
            broken.append(f"{url} -> {resp.status if resp else 'no answer'}")
            continue
        page.wait_for_load_state("networkidle")
        if urlparse(url).path not in ("/docs", "/redoc"):
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 400:
                too_wide.append(f"{urlparse(url).path}?{urlparse(url).query}: {width} px")
        todo += sorted(_links(page, site) - seen)
    ctx.close()
    assert len(seen) > 20
    assert broken == [], broken
    assert problems == [], problems
    assert too_wide == [], too_wide


def test_api_docs_render_offline(site, page):
    page.goto(site + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "lagebild" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() > 10
    page.goto(site + "/redoc")
    assert page.url.endswith("/docs")
    assert page.problems == []
