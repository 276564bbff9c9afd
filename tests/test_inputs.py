"""Inputs beyond files: URLs, RSS/Atom feeds, web archives, news-please/trafilatura JSON, outlets.

Every page comes from a local HTTP server that the test starts on 127.0.0.1 (never the internet);
the web archives are written by the test with warcio. Invented texts.
"""
from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

from lagebild.ingest.fetch import Fetcher
from lagebild.ingest.readers import read_paths
from lagebild.ingest.sources import InputOptions
from lagebild.ingest.urls import canonical_url, strip_tracking
from lagebild.lang.de.outlets import outlet_name
from lagebild.model import Article, ArticleError
from lagebild.build import build_dossier
from lagebild.store.sqlite import Store

BODY = (
    "<p>Nach tagelangem Starkregen sind im Norden von Velmarien mindestens 40 Menschen ums Leben gekommen. "
    "Die Behörden der Provinz Ostrand meldeten am Dienstag zudem 120 Verletzte und zahlreiche Vermisste.</p>"
    "<p>Nach Angaben des Roten Kreuzes sind rund 12.000 Menschen in Notunterkünften untergebracht. "
    "Die Regierung in Lorsk kündigte ein Hilfspaket an und schickte 300 Soldaten in die Region.</p>"
    "<p>Meteorologen erwarten für die kommenden Tage weitere Niederschläge. Mehrere Flüsse führen Hochwasser, "
    "Straßen und Bahnstrecken sind gesperrt, die Stromversorgung ist in vielen Orten unterbrochen.</p>"
)
SECOND = (
    "<p>Die Waldbrände im Süden von Velmarien haben nach Angaben der Feuerwehr bereits 2.500 Hektar Wald "
    "zerstört. Mehr als 600 Einsatzkräfte kämpfen seit Sonntag gegen die Flammen.</p>"
    "<p>Drei Dörfer wurden vorsorglich geräumt, wie die Bezirksverwaltung von Tarnhof mitteilte. "
    "Verletzt wurde bislang niemand, doch der Wind soll am Abend wieder auffrischen.</p>"
)


def page(title: str, body: str, *, site: str | None = None, canonical: str | None = None,
         date: str | None = None, publisher: str | None = None) -> bytes:
    head = f"<title>{title} | {site or 'Seite'}</title>"
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if date:
        head += f'<meta property="article:published_time" content="{date}">'
    if publisher:
        head += ('<script type="application/ld+json">' + json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
             "publisher": {"@type": "Organization", "name": publisher}}) + "</script>")
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8">{head}</head>'
            f"<body><nav><a href='/'>Startseite</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Impressum</footer></body></html>").encode("utf-8")


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Ostrand-Kurier - Nachrichten") -> bytes:
    xs = "".join(f"<item><title>{t}</title><link>{base}{link}</link><pubDate>{d}</pubDate></item>"
                 for link, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/</link><description>Test</description>{xs}</channel></rss>").encode("utf-8")


class Site:
    """The pages the local server answers; `hits` counts requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hits: dict[str, int] = {}
        self.agents: set[str] = set()
        self.slow = 3.0

    def add(self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200) -> None:
        self.routes[path] = (status, ctype, body)


@pytest.fixture
def site():
    s = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):  # quiet
            pass

        def do_GET(self):
            path = self.path
            s.hits[path] = s.hits.get(path, 0) + 1
            s.agents.add(self.headers.get("User-Agent", ""))
            if path == "/robots.txt":
                return self._send(200, "text/plain", b"User-agent: *\nDisallow: /privat/\n")
            if path == "/umzug":
                self.send_response(301)
                self.send_header("Location", "/artikel/flut.html?utm_source=umzug")
                self.end_headers()
                return
            if path == "/langsam":
                time.sleep(s.slow)
                return self._send(200, "text/html", page("Spät", BODY))
            if path == "/riesig":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                try:
                    for _ in range(64):
                        self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
                except OSError:
                    pass
                return
            bare = path.split("?", 1)[0]
            if bare in s.routes:
                status, ctype, body = s.routes[bare]
                return self._send(status, ctype, body)
            self._send(404, "text/html", b"<h1>Nicht gefunden</h1>")

        def _send(self, status, ctype, body):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    s.base = f"http://127.0.0.1:{server.server_port}"
    s.other = f"http://localhost:{server.server_port}"    # a second "site" on the same server
    s.add("/artikel/flut.html", page("Flut in Velmarien", BODY, site="Ostrand-Kurier", canonical="/artikel/flut.html",
                                     date="2025-03-04T10:00:00+01:00"))
    s.add("/artikel/brand.html", page("Waldbrand im Süden", SECOND, publisher="Tarnhofer Bote",
                                      date="2025-03-06"))
    yield s
    server.shutdown()
    server.server_close()


def options(tmp_path: Path, **kw) -> InputOptions:
    return InputOptions(fetcher=Fetcher(tmp_path / "cache", delay=0, timeout=kw.pop("timeout", 5),
                                        max_bytes=kw.pop("max_bytes", 1024 * 1024), offline=kw.pop("offline", False)),
                        **kw)


def read(inputs, opts) -> tuple[list[Article], list[ArticleError]]:
    items = list(read_paths(inputs, opts))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, ArticleError)]


# --- units ---------------------------------------------------------------------------------------


def test_tracking_parameters_and_canonical_url():
    assert strip_tracking("HTTPS://Www.X.de:443/a?utm_source=rss&id=3&fbclid=q#oben") == "https://www.x.de/a?id=3"
    html = b'<head><link rel="canonical" href="/politik/a-1.html?utm_medium=feed"></head>'
    assert canonical_url(html, "https://m.x.de/a?ref=start") == ("https://m.x.de/politik/a-1.html", None)
    # a partner's copy pointing at the original keeps its own URL (the duplicate step folds them)
    url, warning = canonical_url(b'<link href="https://original.de/a" rel="canonical">', "https://partner.de/b")
    assert url == "https://partner.de/b" and "another site" in warning


def test_outlet_names_from_the_domain_table():
    assert outlet_name(None, "https://www.tagesschau.de/ausland/x.html") == "tagesschau"
    assert outlet_name(None, "https://m.spiegel.de/politik/a") == "Der Spiegel"
    assert outlet_name("www.zeit.de", None) == "Die Zeit"                # a domain as site name
    assert outlet_name("ZEIT ONLINE", "https://www.zeit.de/a") == "Die Zeit"      # one name per known outlet
    assert outlet_name("Ostrand-Kurier", "https://ostrand.example/a") == "Ostrand-Kurier"   # else the site's own
    assert outlet_name(None, "https://nachrichten.example.org/a") == "nachrichten.example.org"   # unknown


def test_outlet_table_is_well_formed():
    from lagebild.lang.de.outlets import TABLE, looks_like_domain, outlets

    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert all(len(r) == 2 and r[1].strip() and looks_like_domain(r[0]) and r[0] == r[0].lower() for r in rows)
    domains = [r[0] for r in rows]
    assert len(domains) == len(set(domains)) == len(outlets()) and domains == sorted(domains)


# --- the web -------------------------------------------------------------------------------------


def test_pages_redirect_and_bad_urls(site, tmp_path):
    arts, errs = read([site.base + "/artikel/flut.html?utm_source=feed", site.base + "/umzug",
                       site.base + "/artikel/brand.html", site.base + "/gibtsnicht", site.base + "/privat/x",
                       site.base + "/bild.png", site.base + "/langsam", site.base + "/riesig"],
                      options(tmp_path, timeout=1))
    by = {a.id: a for a in arts}
    flut = by[site.base + "/artikel/flut.html"]          # canonical, tracking stripped; the redirect is the same page
    assert (flut.outlet, flut.url, flut.published, flut.title) == (
        "Ostrand-Kurier", site.base + "/artikel/flut.html", "2025-03-04", "Flut in Velmarien")
    assert "40 Menschen" in flut.text and "Impressum" not in flut.text
    assert by[site.base + "/artikel/brand.html"].outlet == "Tarnhofer Bote"        # JSON-LD publisher
    assert len(arts) == 2
    problems = {e.article: e.problem for e in errs}
    assert problems[site.base + "/gibtsnicht"] == "HTTP 404"
    assert "robots.txt" in problems[site.base + "/privat/x"]
    assert "timed out" in problems[site.base + "/langsam"]
    assert "too large" in problems[site.base + "/riesig"]
    site.add("/bild.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
    _, errs = read([site.base + "/bild.png"], options(tmp_path))
    assert [e.problem for e in errs] == ["not an HTML page or feed but image/png"]
    assert site.hits.get("/privat/x") is None                                     # robots.txt obeyed
    assert len(site.agents) == 1 and site.agents.pop().startswith("lagebild/")    # it says who asks


def test_cache_and_offline(site, tmp_path):
    url = site.base + "/artikel/flut.html"
    arts, _ = read([url], options(tmp_path))
    assert site.hits["/artikel/flut.html"] == 1
    again, errs = read([url, site.base + "/artikel/brand.html"], options(tmp_path, offline=True))
    assert site.hits["/artikel/flut.html"] == 1 and "/artikel/brand.html" not in site.hits
    assert [a.id for a in again] == [url] and again[0].content_hash == arts[0].content_hash
    assert len(errs) == 1 and "--offline" in errs[0].problem and errs[0].article.endswith("/artikel/brand.html")
    site.add("/artikel/flut.html", page("Flut in Velmarien", BODY.replace("40", "45"), site="Ostrand-Kurier"))
    updated, _ = read([url], InputOptions(fetcher=Fetcher(tmp_path / "cache", delay=0, refresh=True)))
    assert site.hits["/artikel/flut.html"] == 2 and "45 Menschen" in updated[0].text
    assert "45 Menschen" in read([url], options(tmp_path, offline=True))[0][0].text     # the cache holds the new one


def test_feed_items_keep_their_date_and_outlet(site, tmp_path):
    site.add("/feed.xml", rss(site.base, [("/artikel/flut.html?utm_medium=rss", "Flut", "Wed, 05 Mar 2025 00:30:00 +0100"),
                                          ("/artikel/brand.html", "Brand", "Thu, 06 Mar 2025 08:00:00 +0100"),
                                          ("/weg.html", "Weg", "Thu, 06 Mar 2025 09:00:00 +0100")]),
             "application/rss+xml")
    site.add("/kaputt.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>a</ti',
             "application/rss+xml")
    local = tmp_path / "feed.xml"
    local.write_bytes(rss(site.base, [("/artikel/brand.html", "Brand", "2025-03-07T10:00:00+01:00")], title="Lokal"))
    arts, errs = read([site.base + "/feed.xml", site.base + "/kaputt.xml", str(local)], options(tmp_path))
    by = {a.id.rsplit("/", 1)[-1]: a for a in arts}
    assert set(by) == {"flut.html", "brand.html"}           # brand.html twice in the feeds: read once
    assert (by["flut.html"].published, by["flut.html"].published_basis) == ("2025-03-05", "feed")  # local date
    assert by["flut.html"].outlet == "Ostrand-Kurier"        # the page names itself
    assert by["brand.html"].outlet == "Tarnhofer Bote"
    problems = {e.article: e.problem for e in errs}
    assert problems[site.base + "/weg.html"].startswith("HTTP 404 (an item of the feed")
    assert problems[site.base + "/kaputt.xml"].startswith("broken feed")
    # read again: the feed is fetched anew (a new item), its items come from the cache
    site.add("/ohne.html", page("Brand ohne Namen", SECOND.replace("2.500", "3.100")))
    site.add("/feed.xml", rss(site.base, [("/artikel/flut.html", "Flut", "Wed, 05 Mar 2025 00:30:00 +0100"),
                                          ("/ohne.html", "Neu", "Fri, 07 Mar 2025 09:00:00 +0100")]),
             "application/rss+xml")
    arts, errs = read([site.base + "/feed.xml"], options(tmp_path))
    assert [a.id.rsplit("/", 1)[-1] for a in arts] == ["flut.html", "ohne.html"] and errs == []
    assert site.hits["/feed.xml"] == 2 and site.hits["/artikel/flut.html?utm_medium=rss"] == 1
    assert "/artikel/flut.html" not in site.hits


def test_atom_feed(site, tmp_path):
    site.add("/atom.xml", (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom-Anzeiger</title>'
        f'<id>urn:x</id><updated>2025-03-08T10:00:00Z</updated><entry><title>Brand</title>'
        f'<link rel="alternate" href="{site.base}/artikel/brand.html"/><id>urn:1</id>'
        "<published>2025-03-07T23:30:00-02:00</published><updated>2025-03-08T10:00:00Z</updated></entry></feed>"
    ).encode(), "application/atom+xml")
    arts, errs = read([site.base + "/atom.xml"], options(tmp_path))
    assert errs == [] and [(a.outlet, a.published, a.published_basis) for a in arts] == [
        ("Tarnhofer Bote", "2025-03-07", "feed")]


def test_dead_link_is_one_line(tmp_path):
    import socket

    with socket.socket() as s:            # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _, errs = read([f"http://127.0.0.1:{port}/artikel.html"], options(tmp_path, timeout=2))
    assert len(errs) == 1 and errs[0].article == f"http://127.0.0.1:{port}/artikel.html"
    assert errs[0].problem == "cannot be fetched: Connection refused"


def test_feed_outlet_for_pages_that_name_none(site, tmp_path):
    site.add("/ohne.html", page("Brand ohne Namen", SECOND))
    site.add("/f.rss", rss("", [("/ohne.html", "x", "Thu, 06 Mar 2025 08:00:00 GMT")]), "application/rss+xml")  # relative
    arts, _ = read([site.base + "/f.rss"], options(tmp_path))
    assert arts[0].outlet == "Ostrand-Kurier" and arts[0].id == site.base + "/ohne.html"


def test_a_list_of_links(site, tmp_path):
    links = tmp_path / "links.txt"
    links.write_text(f"# gesammelt am 5. März\n{site.base}/artikel/flut.html\n\n{site.base}/artikel/brand.html\n"
                     f"{site.base}/weg.html\n", encoding="utf-8")
    arts, errs = read([links], options(tmp_path))
    assert [a.outlet for a in arts] == ["Ostrand-Kurier", "Tarnhofer Bote"]
    assert [e.article for e in errs] == [site.base + "/weg.html"]
    # a text that mentions a link is an article, not a list of links
    links.write_text(f"Flut im Norden\n\n{TEXT}\n{site.base}/artikel/flut.html\n", encoding="utf-8")
    hits = dict(site.hits)
    arts, errs = read([links], InputOptions(fetcher=Fetcher(tmp_path / "other-cache", delay=0)))
    assert [a.id for a in arts] == ["links.txt"] and site.hits == hits


def test_a_web_address_without_scheme_says_so(tmp_path):
    _, errs = read(["www.example.org/politik/artikel-1.html"], options(tmp_path))
    assert errs[0].problem == "no such file or folder (a web address needs http:// or https:// in front)"


def test_syndicated_copies_fold_and_keep_both_outlets(site, tmp_path, monkeypatch):
    site.add("/partner/flut.html", page("Flut in Velmarien", BODY, site="Partnerblatt",
                                        canonical=site.base + "/artikel/flut.html"))
    db = tmp_path / "d.db"
    summary = build_dossier([site.base + "/artikel/flut.html", site.other + "/partner/flut.html"], db,
                            components=[], options=options(tmp_path))
    assert summary.processed == 2, summary.describe()
    with Store(db) as s:
        rows = {r["id"]: (r["outlet"], r["duplicate_of"]) for r in s.db.execute("SELECT id, outlet, duplicate_of FROM articles")}
    assert rows == {site.base + "/artikel/flut.html": ("Ostrand-Kurier", None),
                    site.other + "/partner/flut.html": ("Partnerblatt", site.base + "/artikel/flut.html")}
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    client = TestClient(create_app(db), base_url="http://localhost")
    original = client.get("/articles/" + quote(site.base + "/artikel/flut.html", safe=""))
    assert "auch bei: <a" in original.text and ">Partnerblatt</a>" in original.text
    copy = client.get("/articles/" + quote(site.other + "/partner/flut.html", safe=""))
    assert ">Ostrand-Kurier</a>" in copy.text


# --- web archives ---------------------------------------------------------------------------------


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], resources: list[tuple[str, bytes]] | None = None) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        w = WARCWriter(f, gzip=path.suffix == ".gz")
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        for url, body in resources or []:
            w.write_record(w.create_warc_record(url, "resource", payload=io.BytesIO(body),
                                                warc_headers_dict={"Content-Type": "text/html; charset=utf-8"}))


def write_arc(path: Path, url: str, html: bytes) -> None:
    """An ARC v1 file (the Internet Archive's format before WARC) with one HTML response."""
    def record(fields: list[str], payload: bytes) -> bytes:
        return " ".join([*fields, str(len(payload))]).encode() + b"\n" + payload + b"\n"

    version = b"1 0 lagebild-test\nURL IP-address Archive-date Content-type Archive-length\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    path.write_bytes(record([f"filedesc://{path.name}", "0.0.0.0", "20250310120000", "text/plain"], version)
                     + record([url, "192.0.2.1", "20250310120000", "text/html"], http))


def test_warc_html_responses_are_articles(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://www.tagesschau.de/inland/flut-100.html?utm_source=crawl", "text/html; charset=utf-8",
                       page("Flut in Velmarien", BODY, date="2025-03-04")),
                      ("https://www.example.org/logo.png", "image/png", b"\x89PNG"),
                      ("https://www.example.org/brand.html", "text/html", page("Waldbrand", SECOND, site="Beispiel"))],
               [("https://www.example.org/sturm.html", page("Sturm", SECOND.replace("Waldbrände", "Stürme")))])
    arts, errs = read([str(warc)], InputOptions(offline=True, cache_dir=tmp_path / "c"))
    assert errs == []
    assert [(a.id, a.outlet, a.published) for a in arts] == [
        ("https://www.tagesschau.de/inland/flut-100.html", "tagesschau", "2025-03-04"),
        ("https://www.example.org/brand.html", "Beispiel", None),
        ("https://www.example.org/sturm.html", "example.org", None)]
    assert [a.source_path for a in arts] == [a.id for a in arts]          # each record its own origin
    # cut off in the middle of the second page: the first is kept, one error names the file
    data = gzip.decompress(warc.read_bytes())
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.index(b"Waldbrand") + 200])
    arts, errs = read([str(cut)], InputOptions(offline=True, cache_dir=tmp_path / "c"))
    assert [a.id for a in arts] == ["https://www.tagesschau.de/inland/flut-100.html"]
    assert len(errs) == 1 and errs[0].article == "cut.warc" and "cut off" in errs[0].problem
    cut_gz = tmp_path / "cut.warc.gz"                 # a gzipped one cut short, and one that is no archive
    cut_gz.write_bytes(warc.read_bytes()[:-300])
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is no web archive\n" * 10)
    arts, errs = read([str(cut_gz), str(junk), str(warc)], InputOptions(offline=True, cache_dir=tmp_path / "c"))
    assert [e.article for e in errs] == ["cut.warc.gz", "junk.warc"], errs
    assert "cut off" in errs[0].problem and "not a web archive" in errs[1].problem
    assert len(arts) == 3                             # the good archive after them still read


# --- news-please / trafilatura JSON, sidecars, --outlet -------------------------------------------------

TEXT = ("Nach tagelangem Starkregen sind im Norden von Velmarien mindestens 40 Menschen ums Leben gekommen. "
        "Die Behörden meldeten zudem 120 Verletzte. Rund 12.000 Menschen sind in Notunterkünften.")


def test_newsplease_and_trafilatura_json(tmp_path):
    (tmp_path / "np.json").write_text(json.dumps({
        "authors": [], "date_download": "2025-03-09 12:00:00", "date_modify": None,
        "date_publish": "2025-03-04 09:15:00", "description": "Kurz", "filename": "x.json", "image_url": None,
        "language": "de", "localpath": None, "maintext": TEXT, "source_domain": "www.spiegel.de",
        "title": "Flut in Velmarien", "title_page": None, "title_rss": None,
        "url": "https://www.spiegel.de/ausland/flut-a-1.html?utm_source=x"}), encoding="utf-8")
    (tmp_path / "traf.jsonl").write_text(json.dumps({
        "title": "Flut im Norden", "author": None, "hostname": "example.org", "date": "2025-03-05",
        "fingerprint": "abc", "id": None, "license": None, "comments": "", "raw_text": None, "text": TEXT,
        "language": "de", "source": "https://example.org/flut", "source-hostname": "Beispiel-Zeitung",
        "excerpt": "", "categories": "", "tags": ""}) + "\n", encoding="utf-8")
    arts, errs = read([tmp_path], None)
    assert errs == []
    by = {a.id: a for a in arts}
    np_ = by["https://www.spiegel.de/ausland/flut-a-1.html"]
    assert (np_.outlet, np_.published, np_.title, np_.url) == (
        "Der Spiegel", "2025-03-04", "Flut in Velmarien", "https://www.spiegel.de/ausland/flut-a-1.html")
    tr = by["https://example.org/flut"]
    assert (tr.outlet, tr.published, tr.title) == ("Beispiel-Zeitung", "2025-03-05", "Flut im Norden")


def test_outlet_option_sidecars_and_domain_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "eins.txt").write_text("Flut im Norden\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "a" / "zwei.txt").write_text("Brand im Süden\n\n" + TEXT.replace("40", "41"), encoding="utf-8")
    (tmp_path / "a" / "zwei.meta.json").write_text(json.dumps({"outlet": "faz.net", "url": "https://www.faz.net/x?utm_campaign=y",
                                                               "published": "2025-03-02"}), encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".meta.json").write_text('{"outlet": "Velmar Tagblatt"}', encoding="utf-8")
    (tmp_path / "b" / "drei.txt").write_text("Dritter Bericht\n\n" + TEXT.replace("40", "42"), encoding="utf-8")
    (tmp_path / "www.sueddeutsche.de").mkdir()
    (tmp_path / "www.sueddeutsche.de" / "vier.txt").write_text("Vierter\n\n" + TEXT.replace("40", "43"), encoding="utf-8")
    (tmp_path / "notizen.v2").mkdir()
    (tmp_path / "notizen.v2" / "fuenf.txt").write_text("Fünfter\n\n" + TEXT.replace("40", "44"), encoding="utf-8")
    arts, errs = read([tmp_path], InputOptions(outlet="Eigene Sammlung"))
    assert errs == []
    got = {a.id: (a.outlet, a.url, a.published) for a in arts}
    assert got == {
        "eins.txt": ("Eigene Sammlung", None, None),                                    # --outlet
        "zwei.txt": ("Frankfurter Allgemeine Zeitung", "https://www.faz.net/x", "2025-03-02"),   # its sidecar
        "drei.txt": ("Velmar Tagblatt", None, None),                                     # the folder's sidecar
        "vier.txt": ("Eigene Sammlung", None, None),                                     # --outlet before the folder
        "fuenf.txt": ("Eigene Sammlung", None, None),
    }
    arts, _ = read([tmp_path], None)
    got = {a.id: a.outlet for a in arts}
    assert got["vier.txt"] == "Süddeutsche Zeitung" and got["fuenf.txt"] is None and got["eins.txt"] is None
    # a changed sidecar changes what is stored
    before = {a.id: a.content_hash for a in arts}
    (tmp_path / "a" / "zwei.meta.json").write_text('{"outlet": "Welt"}', encoding="utf-8")
    after = {a.id: a.content_hash for a in read([tmp_path], None)[0]}
    assert after["zwei.txt"] != before["zwei.txt"] and after["eins.txt"] == before["eins.txt"]


def test_broken_sidecar_is_one_line_and_the_file_still_read(tmp_path):
    (tmp_path / "eins.txt").write_text("Flut im Norden\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "eins.meta.json").write_text("{kaputt", encoding="utf-8")
    arts, errs = read([tmp_path], None)
    assert [a.id for a in arts] == ["eins.txt"]
    assert len(errs) == 1 and errs[0].article.endswith("eins.meta.json") and "sidecar" in errs[0].problem


# --- the whole way: build, store, report, app ----------------------------------------------------------


def test_every_input_kind_builds_a_dossier_and_shows_outlet_url_date(site, tmp_path):
    from fastapi.testclient import TestClient

    from lagebild.cli import app
    from lagebild.report.render import render_report
    from lagebild.web.app import create_app

    site.add("/feed.xml", rss(site.base, [("/artikel/brand.html", "Brand", "Thu, 06 Mar 2025 08:00:00 +0100")]),
             "application/rss+xml")
    warc = tmp_path / "crawl.warc"
    write_warc(warc, [("https://www.tagesschau.de/inland/regen-100.html", "text/html",
                       page("Regen im Westen", BODY.replace("Norden", "Westen").replace("40", "17"), date="2025-03-08"))])
    arc = tmp_path / "alt.arc"
    write_arc(arc, "https://www.nzz.ch/international/sturm-ld.1", page("Sturm in Velmarien", SECOND.replace(
        "Waldbrände", "Stürme").replace("2.500", "1.700"), date="2025-03-10"))
    np_file = tmp_path / "np.json"
    np_file.write_text(json.dumps({"maintext": TEXT.replace("40", "9"), "title": "Neun Tote", "date_publish": "2025-03-09 08:00:00",
                                   "source_domain": "www.zeit.de", "url": "https://www.zeit.de/neun"}), encoding="utf-8")
    tr_file = tmp_path / "traf.json"
    tr_file.write_text(json.dumps({"title": "Elf Tote", "text": TEXT.replace("40", "11"), "date": "2025-03-11",
                                   "hostname": "derstandard.at", "source": "https://www.derstandard.at/elf",
                                   "source-hostname": None, "fingerprint": "f1"}), encoding="utf-8")
    local_feed = tmp_path / "gespeichert.rss"
    site.add("/ohne.html", page("Brand ohne Namen", SECOND.replace("2.500", "3.100")))
    local_feed.write_bytes(rss(site.base, [("/ohne.html", "Brand", "2025-03-12T07:00:00+01:00")], title="Lokalblatt"))
    db = tmp_path / "d.db"
    runner = CliRunner()
    res = runner.invoke(app, ["build", site.base + "/artikel/flut.html", site.base + "/feed.xml", str(warc), str(arc),
                              str(np_file), str(tr_file), str(local_feed), site.base + "/gibtsnicht",
                              "--db", str(db), "--cache", str(tmp_path / "cache")])
    assert res.exit_code == 3, res.output   # all stored but the dead link, which was skipped (issue 20)
    assert f"{site.base}/gibtsnicht: HTTP 404" in res.output.replace("\n", "")
    expected = {
        site.base + "/artikel/flut.html": ("Ostrand-Kurier", "2025-03-04"),
        site.base + "/artikel/brand.html": ("Tarnhofer Bote", "2025-03-06"),
        "https://www.tagesschau.de/inland/regen-100.html": ("tagesschau", "2025-03-08"),
        "https://www.zeit.de/neun": ("Die Zeit", "2025-03-09"),
        "https://www.nzz.ch/international/sturm-ld.1": ("Neue Zürcher Zeitung", "2025-03-10"),
        "https://www.derstandard.at/elf": ("Der Standard", "2025-03-11"),
        site.base + "/ohne.html": ("Lokalblatt", "2025-03-12"),
    }
    with Store(db) as s:
        stored = {r["id"]: (r["outlet"], r["published"], r["url"]) for r in s.db.execute("SELECT * FROM articles")}
    assert stored == {k: (*v, k) for k, v in expected.items()}
    md = render_report(db, "md")
    html = render_report(db, "html")
    client = TestClient(create_app(db), base_url="http://localhost")
    for url, (outlet, date) in expected.items():
        day = ".".join(reversed(date.split("-")))
        assert outlet in md and url in md and day in md, (url, md[:2000])
        assert outlet in html and url in html
        view = client.get("/articles/" + url.replace("/", "%2F").replace(":", "%3A"))
        assert view.status_code == 200 and outlet in view.text and day in view.text and url in view.text
    # a rebuild fetches nothing and changes nothing; --offline too
    hits = dict(site.hits)
    res = runner.invoke(app, ["build", site.base + "/artikel/flut.html", site.base + "/feed.xml", "--db", str(db),
                              "--cache", str(tmp_path / "cache"), "--offline"])
    assert res.exit_code == 0, res.output
    assert site.hits == hits and "0 new" in res.output


# --- titles that are page furniture -------------------------------------------------------------------


@pytest.mark.parametrize("top", ["ZEIT ONLINE Logo\nNachrichten zurück", "tagesschau Logo", "Wetter > Panorama > Welt",
                                 "Zurück zur Übersicht", "Panorama", "Süddeutsche Zeitung Logo\nMenü"])
def test_furniture_above_the_headline_is_no_title(top, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"{top}\nSturmflut an der Küste von Velmarien\n\n{TEXT}\n", encoding="utf-8")
    a = read([f], None)[0][0]
    assert a.title == "Sturmflut an der Küste von Velmarien"
    assert "Logo" not in a.text and "zurück" not in a.text


@pytest.mark.parametrize("title", ["Lufthansa zeigt neues Logo", "Die Ruhe kehrt zurück", "Politik und Wirtschaft im Streit"])
def test_headlines_that_look_like_furniture_stay(title, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"{title}\n\n{TEXT}\n", encoding="utf-8")
    assert read([f], None)[0][0].title == title


def test_feed_full_text_when_the_page_cannot_be_had(site, tmp_path):
    full = "".join(f"<p>{p}</p>" for p in TEXT.split(". ")) * 3
    site.add("/voll.rss", (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Volltext-Bote</title><item><title>Flut im Norden</title><link>{site.base}/privat/flut.html</link>"
        f"<pubDate>Tue, 04 Mar 2025 10:00:00 +0100</pubDate><description>kurz</description>"
        f"<content:encoded><![CDATA[{full}]]></content:encoded></item>"
        f"<item><title>Nur Teaser</title><link>{site.base}/privat/teaser.html</link><description>kurz</description></item>"
        "</channel></rss>").encode("utf-8"), "application/rss+xml")
    arts, errs = read([site.base + "/voll.rss"], options(tmp_path))
    assert [(a.id, a.title, a.published, a.outlet) for a in arts] == [
        (site.base + "/privat/flut.html", "Flut im Norden", "2025-03-04", "Volltext-Bote")]
    assert "40 Menschen" in arts[0].text and "robots.txt" in arts[0].warnings[0]
    assert [e.article for e in errs] == [site.base + "/privat/teaser.html"]     # a teaser is no article


def test_domain_folders_only_below_the_input(tmp_path):
    (tmp_path / "www.spiegel.de" / "sammlung").mkdir(parents=True)
    f = tmp_path / "www.spiegel.de" / "sammlung" / "eins.txt"
    f.write_text("Flut im Norden\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "www.spiegel.de" / "sammlung" / ".meta.json").write_text("{kaputt", encoding="utf-8")
    (tmp_path / "www.spiegel.de" / "sammlung" / "zwei.txt").write_text("Zwei\n\n" + TEXT.replace("40", "2"), encoding="utf-8")
    arts, errs = read([tmp_path / "www.spiegel.de" / "sammlung"], None)      # the domain folder is above the input
    assert [a.outlet for a in arts] == [None, None]
    assert len(errs) == 1 and "sidecar" in errs[0].problem                     # said once for two files
    arts, _ = read([tmp_path / "www.spiegel.de"], None)
    assert [a.outlet for a in arts] == ["Der Spiegel", "Der Spiegel"]


def test_the_web_app_fetches_no_uploaded_links(site, tmp_path):
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    db = tmp_path / "d.db"
    build_dossier([site.base + "/artikel/flut.html"], db, components=[], options=options(tmp_path))
    hits = dict(site.hits)
    with TestClient(create_app(db, token="geheim"), base_url="http://localhost") as c:
        r = c.post("/api/articles", data={"token": "geheim"},
                   files=[("files", ("links.txt", f"{site.base}/artikel/brand.html\n".encode(), "text/plain"))])
    assert site.hits == hits
    assert "not fetched here" in json.dumps(r.json(), ensure_ascii=False)
