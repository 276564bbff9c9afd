"""The static report: self-contained, escaped, every link lands; Markdown; charts; exports."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.model import (
    Article,
    Claim,
    ClaimGroup,
    Entity,
    Event,
    Measure,
    Mention,
    Place,
    Sentence,
    Source,
    Span,
    TimeValue,
)
from lagebild.report.charts import Point, figure_chart, fmt_date, fmt_number, nice_ticks
from lagebild.report.exports import entity_rows, event_rows, events_geojson, group_rows
from lagebild.report.render import _asset, md_escape, render_report, safe_url
from lagebild.store.sqlite import Store

SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'
JS_URL = "javascript:alert(document.cookie)"


class Page(HTMLParser):
    """Collects tags, attributes, ids, links and script bodies of an HTML page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self._in_script = False
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if "id" in d:
            self.ids.add(d["id"])
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t in ("a",) and a.get("href")]


def evil_dossier(db: Path) -> None:
    """A dossier whose article data carries script payloads everywhere."""
    title = f"Flut {SCRIPT}"
    body = f"Laut Polizei kamen 4.000 Menschen {IMG}. Die Veranstalter zählten 15.000 Menschen."
    text = f"{title}\n\n{body}"
    a = Article(id='evil"<b>.txt', text=text, title=title, outlet=f"Bote {IMG}", url=JS_URL,
                published="2026-03-05", published_precision="day", warnings=[f"Hinweis {SCRIPT}"])
    b_text = "Protest\n\nDie Polizei sprach von 5.000 Teilnehmern."
    b = Article(id="b.txt", text=b_text, title="Protest", outlet="Abendkurier", url="https://example.org/a?x=1&y=2",
                published="2026-03-06", published_precision="day", duplicate_of=None)
    s_a = [Sentence(a.id, 0, 0, len(title), title)]
    start = len(title) + 2
    first_end = text.index(". Die") + 1
    s_a += [Sentence(a.id, 1, start, first_end, text[start:first_end]),
            Sentence(a.id, 2, first_end + 1, len(text), text[first_end + 1:])]
    s_b = [Sentence(b.id, 0, 0, 7, "Protest"), Sentence(b.id, 1, 9, len(b_text), b_text[9:])]

    def claim(art, sents, phrase, value, source, **kw):
        st = art.text.index(phrase)
        sent = next(s for s in sents if s.start <= st < s.end)
        fields = dict(article=art.id, text=phrase, sentence=sent.text, start=st, end=st + len(phrase), low=value,
                      high=value, qualifier="exact", counted="Menschen", source=source, hedged=False,
                      id=f"{art.id}#{st}", sources=[Source(source)] if source else [], sentence_index=sent.index)
        return Claim(**{**fields, **kw})

    c1 = claim(a, s_a, "4.000 Menschen", 4000, f"Polizei {SCRIPT}", measure=Measure("attendees"))
    c2 = claim(a, s_a, "15.000 Menschen", 15000, "Veranstalter", hedged=True)
    c3 = claim(b, s_b, "5.000 Teilnehmern", 5000, "Polizei", time=TimeValue("2026-03-05", "day"))
    loose = claim(a, s_a, "Flut", 1, None)  # a figure in no group
    with Store(db, create=True) as st:
        st.replace_article(a, sentences=s_a, claims=[c1, c2, loose],
                           mentions=[Mention(a.id, 0, 4, "Flut", "MISC")])
        st.replace_article(b, sentences=s_b, claims=[c3])
        st.replace_groups([ClaimGroup("g1", Measure("attendees"), [c1.id, c2.id, c3.id], 4000, 5000, 15000,
                                      f"Regel {SCRIPT}", 3, "disagree", f"Polizei und Veranstalter {IMG}",
                                      f"Teilnehmer {SCRIPT}")])
        st.replace_entities([Entity("e1", f"Velm {IMG}", "LOC", [JS_URL], [Mention(a.id, 0, 4, "Flut", "MISC")],
                                    50.0, 8.0)])
        st.replace_events([Event("ev1", "PROTEST", actor="e1", target=f"Regierung {SCRIPT}",
                                 place=Place(f"Korvane {IMG}", 50.1, 8.1), time=TimeValue("2026-03-05", "day"),
                                 figures=[c1.id], articles=[a.id, b.id],
                                 evidence=[Span(a.id, start, first_end, text[start:first_end])],
                                 trigger=f"demonstrierten {SCRIPT}")])


@pytest.fixture
def evil_db(tmp_path):
    db = tmp_path / "evil.db"
    evil_dossier(db)
    return db


def test_html_escapes_all_article_data(evil_db):
    html = render_report(evil_db, "html")
    page = Page(html)
    # the only script is ours, and only its code is in it
    assert page.scripts == [_asset("report.js")]
    assert "alert('xss')" not in "".join(page.scripts) and "alert(1)" not in "".join(page.scripts)
    # no payload became markup: no img tag, no event handler attribute, no javascript: link
    assert not [t for t, _ in page.tags if t == "img"]
    assert not [(t, k) for t, a in page.tags for k in a if k.lower().startswith("on")]
    assert not [v for _, a in page.tags for v in a.values() if v and v.strip().lower().startswith("javascript:")]
    # the payloads are there - as text, escaped in the source
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "onerror=\"alert" not in html and "<script>alert" not in html
    assert JS_URL in "".join(page.text)            # shown as text, never as a link
    assert "https://example.org/a?x=1&amp;y=2" in html


def test_html_is_self_contained_and_links_land(evil_db):
    html = render_report(evil_db, "html")
    page = Page(html)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert not [a for t, a in page.tags if "src" in a and t != "img"]          # nothing loaded
    assert not [a for t, a in page.tags if t == "link"]
    for href in page.links():
        if href.startswith("#"):
            assert href[1:] in page.ids, f"dangling link {href}"
        else:
            assert href == "https://example.org/a?x=1&y=2"
    # every figure of the group links to its highlighted claim, inside its sentence
    marks = [a["id"] for t, a in page.tags if t == "mark"]
    assert len(marks) == 4
    assert sum(1 for h in page.links() if h.lstrip("#") in marks) >= 4


def test_html_shows_groups_chart_events_entities(evil_db):
    html = render_report(evil_db, "html")
    assert "widersprüchlich" in html and "Angaben widersprechen sich" in html
    assert html.count('<svg class="chart" ') == 1 and "15.000" in html and "4.000" in html
    assert 'id="events"' in html and 'id="entities"' in html and 'id="ungrouped"' in html
    assert "2 Artikel aus 2 Medien" in html


def test_sections_without_rows_are_left_out(tmp_path):
    db = tmp_path / "plain.db"
    with Store(db, create=True) as st:
        st.replace_article(Article(id="a", text="Titel\n\nText ohne Zahlen.", title="Titel"),
                           sentences=[Sentence("a", 0, 0, 5, "Titel")])
    html = render_report(db, "html")
    for section in ("figures", "ungrouped", "events", "entities", "errors"):
        assert f'id="{section}"' not in html
    assert 'id="articles"' in html and "Text ohne Zahlen." in html


def test_markdown_report(evil_db):
    md = render_report(evil_db, "md")
    assert md.startswith("# Lagebild")
    assert "## Zahlen nach Größe" in md and "widersprüchlich" in md
    assert "| 05.03.2026 |" in md and "15.000" in md
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    assert "## Ereignisse" in md and "## Akteure und Orte" in md
    # table rows keep their column count although the data holds pipes and newlines
    assert md_escape("a | b\nc") == "a \\| b c"


def test_cli_report_writes_both_formats(evil_db, tmp_path):
    from lagebild.cli import app

    out = tmp_path / "r" / "dossier.html"
    res = CliRunner().invoke(app, ["report", "--db", str(evil_db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = CliRunner().invoke(app, ["report", "--db", str(evil_db), "-o", str(tmp_path / "d.md"), "--format", "md"])
    assert res.exit_code == 0 and (tmp_path / "d.md").read_text(encoding="utf-8").startswith("# ")
    with pytest.raises(ValueError):
        render_report(evil_db, "pdf")


def test_demo_corpus_end_to_end(tmp_path):
    from lagebild.build import build_dossier

    demo = Path(__file__).resolve().parent.parent / "examples" / "korridor"
    db = tmp_path / "demo.db"
    summary = build_dossier([demo], db)
    assert summary.processed == 7 and not summary.errors, summary.describe()
    html = render_report(db, "html")
    page = Page(html)
    assert len([1 for t, a in page.tags if t == "article"]) == 7
    for href in page.links():
        assert not href.startswith("#") or href[1:] in page.ids
    assert "Grenzland-Echo" in html and "Abendkurier" in html


# --- charts ----------------------------------------------------------------------------------------------


def test_numbers_and_dates_in_german():
    assert fmt_number(12000) == "12.000" and fmt_number(3.5) == "3,5" and fmt_number(1234.5) == "1.234,5"
    assert fmt_number(None) == "–" and fmt_number(1_200_000_000.0) == "1.200.000.000"
    assert fmt_date("2026-03-02") == "02.03.2026" and fmt_date("2026-03") == "03/2026" and fmt_date("2026") == "2026"
    assert nice_ticks(0, 15000)[0] == 0 and nice_ticks(0, 15000)[-1] >= 15000


def test_chart_escapes_and_draws_each_point():
    pts = [Point(4000, 4000, "Polizei <b>", "2026-03-05", href="#c-1"),
           Point(15000, 15000, "Veranstalter", "2026-03-05", hedged=True),
           Point(9000, 12000, "Brückenwerk", None),
           Point(21000, 21000, "Grenzbehörde", "2026-03-06")]
    svg = str(figure_chart(pts, low=4000, best=9000, high=21000))
    assert svg.startswith("<svg") and "<b>" not in svg and "Polizei &lt;b&gt;" in svg
    assert svg.count("<circle") == 3 and 'fill="#fff"' in svg            # the hedged one is hollow
    assert "o.&#160;D." in svg                                             # the undated slot
    assert 'href="#c-1"' in svg and "stroke-dasharray" in svg
    assert str(figure_chart([])) == ""
    log = str(figure_chart([Point(3, 3, "a", "2026"), Point(50000, 50000, "b", "2027")]))
    assert "logarithmische Skala" in log


def test_safe_url():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    for bad in (JS_URL, "data:text/html,x", " javascript:x", "ftp://x", None, "https://a b"):
        assert safe_url(bad) is None


# --- exports ---------------------------------------------------------------------------------------------


def test_export_rows():
    c = Claim(article="a", text="4.000 Menschen", sentence="s", start=0, end=14, low=4000, high=4000,
              qualifier="exact", counted="Menschen", source="Polizei", hedged=False, id="a#0")
    (row,) = group_rows([ClaimGroup("g", Measure("attendees"), ["a#0", "missing"], 4000, 4000.0, 4000, status="single")],
                        [c])
    assert row["group"] == "g" and row["best"] == 4000 and isinstance(row["best"], int)
    assert row["figures"] == "4.000 Menschen = 4.000 (Polizei) [a]" and row["articles"] == ["a"]
    ev = Event("e", "PROTEST", place=Place("Korvane", 50.1, 8.2, "city"), time=TimeValue("2026-03-05", "day"),
               articles=["a", "b"], evidence=[Span("a", 0, 3, "abc")])
    flat = event_rows([ev], flat=True)[0]
    assert flat["place"] == "Korvane" and flat["articles"] == "a;b" and flat["time"] == "2026-03-05"
    assert all(not isinstance(v, (list, dict)) for v in flat.values())
    assert event_rows([ev], flat=False)[0]["place"]["lat"] == 50.1
    gj = events_geojson([ev, Event("x", "OTHER")])
    assert gj["features"][0]["geometry"] == {"type": "Point", "coordinates": [8.2, 50.1]}
    assert gj["features"][1]["geometry"] is None
    ent = Entity("n", "Velm", "LOC", ["Kreisstadt Velm"], [Mention("a", 0, 4, "Velm"), Mention("a", 9, 13, "Velm")])
    assert entity_rows([ent])[0] == {"id": "n", "name": "Velm", "type": "LOC", "aliases": ["Kreisstadt Velm"],
                                     "lat": None, "lon": None, "country": None, "wikidata": None, "mentions": 2,
                                     "articles": ["a"]}


def test_groups_without_estimates_show_the_span(tmp_path):
    db = tmp_path / "d.db"
    evil_dossier(db)
    with Store(db) as st:
        (g,) = st.groups()
        g.low = g.best = g.high = None
        st.replace_groups([g])
    html, md = render_report(db, "html"), render_report(db, "md")
    for out in (html, md):
        assert "Spanne der Angaben" in out and "4.000–15.000" in out and "beste Schätzung <b>" not in out and "beste Schätzung **" not in out


def test_timeline_and_map_are_inline_svg_linking_to_their_events():
    from lagebild.report.basemap import world_geojson_bytes
    from lagebild.report.charts import Mark, event_map, event_timeline

    marks = [Mark("2026-03-02", "Angriff", "Angriff <b>x</b>", "#e-1", 30.5, 50.4),
             Mark("2026-03", "Angriff", "Angriff im März", "#e-2", 36.2, 49.9),
             Mark("2026-03-09", "Protest", "Protest", "#e-3", None, None),
             Mark(None, "Treffen", "undatiert", "#e-4", 13.4, 52.5)]
    tl = str(event_timeline(marks))
    assert tl.startswith("<svg") and tl.count("<circle") == 3          # the undated one is left out
    assert "Angriff (2)" in tl and "Protest (1)" in tl and "<b>" not in tl and 'href="#e-1"' in tl
    m = str(event_map(marks, json.loads(world_geojson_bytes())))
    assert m.count("<circle") == 3 and 'href="#e-4"' in m and "<path" in m  # three located, with outlines
    assert len(m) < 60_000                                               # only the countries around them
    assert str(event_timeline([])) == "" and str(event_map(marks[2:3], {})) == ""


# --- stories apart ---------------------------------------------------------------------------------------


def _story_section(html: str, story_anchor: str) -> str:
    start = html.index(f'<div class="story" id="{story_anchor}">')
    return html[start:html.index('<div class="story"', start + 1) if '<div class="story"' in html[start + 1:]
                else html.index("</section>", start)]


def test_each_story_shows_its_own_figures_and_events(tmp_path):
    """Two stories in one dossier: each section has its title, time span, and only the quantities and events
    told in its own articles (the evil dossier's two articles made two stories)."""
    from lagebild.model import Story
    from lagebild.report.render import dossier_view

    db = tmp_path / "two.db"
    evil_dossier(db)
    with Store(db) as st:
        st.replace_events([Event("ev2", "PROTEST", time=TimeValue("2026-03-06", "day"), articles=["b.txt"])])
        st.replace_stories([Story("flut", "Flut in Velm, März 2026", "2026-03-05", "2026-03-05", ['evil"<b>.txt']),
                            Story("protest", "Protest, März 2026", "2026-03-06", "2026-03-06", ["b.txt"])])
    with Store(db, readonly=True) as st:
        view = dossier_view(st)
    flut, protest = view["stories"]
    assert [g.group.id for g in flut.groups] == ["g1"] and flut.n_figures == 3 and protest.groups == []
    assert [e.event.id for e in protest.events] == ["ev2"] and flut.events == []
    html, md = render_report(db, "html"), render_report(db, "md")
    page = Page(html)
    one, two = _story_section(html, flut.anchor), _story_section(html, protest.anchor)
    assert "Flut in Velm, März 2026" in one and "05.03.2026" in one and 'href="#g-' in one and 'href="#e-' not in one
    assert "Protest, März 2026" in two and "06.03.2026" in two and 'href="#e-' in two and 'href="#g-' not in two
    assert "5.000 (4.000–15.000)" in one and "Zahlen dieser Geschichte (3 Angaben in 1 Größe)" in one
    for href in page.links():
        assert not href.startswith("#") or href[1:] in page.ids, f"dangling link {href}"
    assert md.count("Zahlen dieser Geschichte") == 1 and md.count("Ereignisse dieser Geschichte (1)") == 1


def test_seeds_and_demo_are_two_stories_apart(tmp_path, seeds_dir):
    """The seeds (one story) and the demo corpus (another) built into one dossier: the report shows two stories,
    each with the figures and events of its own articles only, every figure and event in exactly one."""
    from lagebild.build import build_dossier
    from lagebild.report.render import dossier_view

    demo = Path(__file__).resolve().parent.parent / "examples" / "korridor"
    db = tmp_path / "two.db"
    summary = build_dossier([demo, seeds_dir], db)
    assert not summary.errors, summary.describe()
    with Store(db, readonly=True) as st:
        view = dossier_view(st)
    stories = view["stories"]
    assert len(stories) == 2
    for sv in stories:
        own = set(sv.story.articles)
        assert sv.groups and sv.events and sv.story.start
        assert all(f.article.id in own for g in sv.groups for f in g.figures)
        assert all(set(e.event.articles) & own for e in sv.events)
    assert sorted(g.anchor for sv in stories for g in sv.groups) == sorted(g.anchor for g in view["groups"])
    assert sorted(e.anchor for sv in stories for e in sv.events) == sorted(e.anchor for e in view["events"])
    html = render_report(db, "html")
    for sv in stories:
        section = _story_section(html, sv.anchor)
        other = next(x for x in stories if x is not sv)
        assert sv.story.title in section and other.story.title not in section
        assert all(f'href="#{g.anchor}"' in section for g in sv.groups)
        assert not any(f'href="#{g.anchor}"' in section for g in other.groups)
