"""The dossier app in a real browser: every page opens without errors, a figure leads to its
sentence, the timeline zooms, the map shows the events, articles can be added only with the
token, and no article text ever runs as script."""

from __future__ import annotations

import json
import re
import warnings
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from _web_dossier import TOKEN, corpus, serve

PAGES = {  # screenshot name -> path
    "overview": "/",
    "figures": "/figures",
    "timeline": "/timeline",
    "map": "/map",
    "entities": "/entities",
    "articles": "/articles",
}


def api(site: str, path: str) -> dict:
    with urlopen(site + path) as r:  # 127.0.0.1 only
        return json.load(r)


def settle(page) -> None:
    """Wait until the page's scripts drew their data (timeline, map)."""
    page.wait_for_load_state("networkidle")
    for sel in ("#timeline", "#map"):
        if page.locator(sel).count():
            page.wait_for_selector(f"{sel}[data-ready]", timeout=10000)


def test_every_page_opens(site, page, shots):
    for name, path in PAGES.items():
        page.goto(site + path)
        settle(page)
        assert page.locator("main h2").first.is_visible(), name
        page.screenshot(path=str(shots / f"{name}.png"))
    stories = api(site, "/api/stories")["items"]
    if stories:  # the story with the most figures: its own overview
        s = max(stories, key=lambda s: (s["figures"], s["events"]))
        page.goto(site + f"/stories/{quote(s['id'], safe='')}")
        settle(page)
        assert s["title"] in page.locator("main h2").first.inner_text()
        page.screenshot(path=str(shots / "story.png"))
    assert page.problems == []


def test_figure_click_leads_to_its_sentence(site, page, shots):
    figs = api(site, "/api/figures?grouped=true&limit=1")["items"]
    if not figs:
        pytest.skip("the build made no grouped figures")
    page.goto(site + "/figures")
    link = page.locator("a.figure-link").first
    quoted = link.inner_text().strip("„“ ")
    link.click()
    page.wait_for_url(re.compile(r"/articles/.+#c-"))
    target = page.locator(":target")
    assert target.count() == 1
    assert target.inner_text() in quoted or quoted.startswith(target.inner_text())
    sentence = page.evaluate("document.querySelector(':target').closest('.sent').textContent")
    assert quoted in sentence
    assert target.is_visible()
    # the structured reading on hover
    target.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Zahlenangabe" in tip.inner_text() and "Quelle" in tip.inner_text()
    page.screenshot(path=str(shots / "article.png"))
    # and the chart's points link to their sentences too
    page.goto(site + "/figures")
    href = page.locator("svg.chart a").first.get_attribute("href")
    assert href and re.match(r"/articles/.+#c-", href)
    assert page.problems == []


def _eventually(check, timeout_s: float = 8.0) -> bool:
    """Poll ``check`` until it holds or the time is up (transitions run slower on a busy machine)."""
    import time

    end = time.monotonic() + timeout_s
    while True:
        if check():
            return True
        if time.monotonic() > end:
            return False
        time.sleep(0.2)


def test_timeline_zooms(site, page):
    data = api(site, "/api/timeline")
    page.goto(site + "/timeline")
    settle(page)
    assert page.locator("#timeline rect.ev").count() == len(data["items"])
    if not data["items"] and not data["articles_per_day"]:
        pytest.skip("nothing dated")
    ticks = lambda: page.locator("#timeline g.tick text").all_inner_texts()  # noqa: E731
    before = ticks()
    for _ in range(3):
        page.click("#tl-in")
    assert _eventually(lambda: ticks() != before)          # the zoom transition takes its time under load
    page.click("#tl-reset")
    assert _eventually(lambda: ticks() == before)
    if data["items"]:
        page.locator("#timeline rect.ev").first.focus()  # reachable by keyboard: Enter shows the evidence
        page.keyboard.press("Enter")
        detail = page.locator("#tl-detail")
        detail.wait_for(state="visible")
        assert data["items"][0]["type_label"] in detail.inner_text()
        axis = " ".join(page.locator("#timeline g.tick text").all_text_contents())
        assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|January|February|March|May|June|July|October|December)\b", axis), axis
    assert page.problems == []


def test_map_shows_events_and_places(site, page):
    gj = api(site, "/api/map")
    page.goto(site + "/map")
    settle(page)
    assert page.locator("#map").get_attribute("data-ready") == str(len(gj["items"]))
    # every feature is a marker or counted in a cluster
    single = page.locator("#map path.leaflet-interactive").count()
    clustered = sum(int(t) for t in page.locator("#map .cluster").all_text_contents())
    assert single + clustered == len(gj["items"])
    assert page.locator("#map svg path").count() > 100  # the country outlines
    if gj["bounds"]:  # zoomed to the content, not to the world
        assert page.evaluate("document.querySelector('#map .leaflet-proxy') !== null")
    if page.locator("#map .cluster").count():
        before = page.locator("#map .cluster").count() + single
        page.locator("#map .cluster").first.dispatch_event("click")
        # it zooms in (the clusters split), or, for points at one place, lists them in a popup
        assert _eventually(lambda: page.locator("#map .cluster").count()
                           + page.locator("#map path.leaflet-interactive").count() != before
                           or page.locator(".leaflet-popup-content").count() > 0)
        page.keyboard.press("Escape")
    if gj["items"] and page.locator("#map path.leaflet-interactive").count():
        page.locator("#map path.leaflet-interactive").last.click(force=True)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        assert popup.inner_text().strip()
    assert page.problems == []


def test_entity_page(site, page):
    ents = api(site, "/api/entities?limit=1")["items"]
    if not ents:
        pytest.skip("no entities")
    page.goto(site + "/entities")
    page.locator("table.entities a").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("h2").first.inner_text().startswith(ents[0]["name"])
    assert page.locator("ul.mentions li").count() == min(ents[0]["mentions"], 50)
    assert page.problems == []


def test_upload_with_and_without_token(dossier, browser, page, tmp_path, shots):
    from lagebild.store.sqlite import Store

    copy = tmp_path / "copy.db"
    with Store(dossier) as s:
        s.db.execute(f"VACUUM INTO '{copy}'")
    with serve(copy) as site:  # no token: the form is there but cannot be sent
        page.goto(site + "/add")
        assert page.locator("form.add button[type=submit]").is_disabled()
        assert "--token" in page.locator("main").inner_text()
    with serve(copy, token=TOKEN) as site:
        page.goto(site + "/add")
        page.fill("input[name=title]", "Brand im Hafen")
        page.fill(
            "textarea[name=text]", "Bei einem Brand im Hafen wurden nach Angaben der Feuerwehr 7 Menschen verletzt."
        )
        page.click("form.add button[type=submit]")  # without the token
        page.wait_for_selector("#add-error")
        assert "token" in page.locator("#add-error").inner_text()
        n = api(site, "/api/articles?limit=1")["total"]
        upload = tmp_path / "hafen.txt"
        upload.write_text(
            "Großbrand im Hafen\n\nAm Dienstag brannten 3 Lagerhallen. Die Polizei sprach von 12 Verletzten.\n",
            encoding="utf-8",
        )
        page.set_input_files("input[name=files]", str(upload))
        page.fill("input[name=title]", "Brand im Hafen")
        page.fill(
            "textarea[name=text]", "Bei einem Brand im Hafen wurden nach Angaben der Feuerwehr 7 Menschen verletzt."
        )
        page.fill("input[name=token]", TOKEN)
        page.click("form.add button[type=submit]")
        page.wait_for_selector("#add-result", timeout=60000)
        page.screenshot(path=str(shots / "add.png"))
        assert api(site, "/api/articles?limit=1")["total"] == n + 2
        page.locator("#add-result a", has_text="hafen.txt").click()
        page.wait_for_url(re.compile(r"/articles/hafen\.txt"))
        assert "Großbrand im Hafen" in page.locator("h2").first.inner_text()
    assert [p for p in page.problems if "401" not in p] == []


def test_article_text_never_runs(browser, page, tmp_path):
    """Articles carrying <script>, onerror= and javascript: payloads in every field: nothing executes."""
    import _web_dossier

    db = tmp_path / "xss.db"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _web_dossier.build([_web_dossier.write_payloads(tmp_path / "in"), corpus()], db)
    bad = (
        "img, style, iframe, object, embed, [onerror], [onload], [onclick], [onmouseover], "
        "a[href^='javascript:'], script:not([src]):not([type='application/json'])"
    )
    with serve(db) as site:
        urls = list(PAGES.values()) + ["/search?q=Polizei", "/figures/ungrouped"]
        urls += [f"/articles/{quote(p['id'], safe='')}" for p in _web_dossier.PAYLOADS]
        urls += [f"/entities/{quote(e['id'], safe='')}" for e in api(site, "/api/entities")["items"][:5]]
        for url in urls:
            page.goto(site + url)
            settle(page)
            for el in page.locator("[data-ann]").all()[:30]:  # tooltips with the payload text
                el.hover()
            if url == "/timeline":
                for ev in page.locator("#timeline rect.ev").all()[:10]:
                    ev.dispatch_event("click")
            if url == "/map":
                for m in page.locator("#map path.leaflet-interactive").all()[:10]:
                    m.click(force=True)
            assert page.evaluate("window.__xss") is None, url
            assert page.locator(bad).count() == 0, (url, page.locator(bad).first.evaluate("e => e.outerHTML"))
        page.goto(site + f"/articles/{quote(_web_dossier.PAYLOADS[0]['id'], safe='')}")
        assert "<script>" + _web_dossier.XSS in page.locator("article .text").inner_text()
        assert page.locator("a.original").count() == 0
    assert page.problems == []


def test_phone_tap_shows_the_reading(site, browser, shots):
    """At phone width (no hover) a tap on a figure in the text shows its structured reading."""
    figs = api(site, "/api/figures?limit=1")["items"]
    if not figs:
        pytest.skip("no figures")
    ctx = browser.new_context(viewport={"width": 400, "height": 800}, has_touch=True, is_mobile=True, locale="de-DE")
    pg = ctx.new_page()
    pg.goto(site + "/")
    pg.screenshot(path=str(shots / "phone-overview.png"))
    pg.goto(site + f"/articles/{quote(figs[0]['article'], safe='')}")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 400
    span = pg.locator(".text [data-ann]").first
    span.scroll_into_view_if_needed()
    span.tap()
    tip = pg.locator("#tip")
    tip.wait_for(state="visible")
    assert tip.inner_text().strip()
    pg.screenshot(path=str(shots / "phone-article.png"))
    pg.locator("h2").first.tap()  # a tap elsewhere hides it
    tip.wait_for(state="hidden")
    ctx.close()
