"""Browser tests: Debian's chromium driven by Python playwright (never `playwright install`).

They skip cleanly when chromium or playwright is missing, except under CI=true, where they
must run (.ci/run installs chromium). Screenshots go to $LAGEBILD_SCREENSHOTS or a tmp dir.
"""
from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import _web_dossier
import pytest
from _web_dossier import corpus, serve

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _unavailable(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {why}")
    pytest.skip(why)


def chromium_path() -> str | None:
    for p in (os.environ.get("LAGEBILD_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if p and Path(p).exists():
            return p
    return None


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("python playwright is not installed (pip install -e '.[test]')")
    exe = chromium_path()
    if exe is None:
        _unavailable("chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, page errors and dialogs (none may happen)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    pg = ctx.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    # nothing may leave 127.0.0.1: no CDN, no tiles, no fonts
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("http://127.0.0.1", "data:"))
             else (pg.problems.append(f"external request: {route.request.url}"), route.abort()))
    yield pg
    ctx.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("LAGEBILD_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(scope="session")
def dossier(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("browser") / "dossier.db"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # several unrelated stories: the demo corpus and, where ../shared is there, the seeds
        paths = [ROOT / "examples" / "korridor"]
        if corpus() != paths[0]:
            paths.append(corpus())
        return _web_dossier.build(paths, db)


@pytest.fixture(scope="session")
def site(dossier, browser):
    with serve(dossier) as url:
        yield url
