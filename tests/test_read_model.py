"""The store's read model (store/catalog.py, store/views.py) on a small hand-made dossier: what the web
app and the report show, read without building anything."""
from __future__ import annotations

import pytest
from test_store import TEXT, article, claim, put

from lagebild.model import ClaimGroup, Entity, Measure, Mention, Source
from lagebild.store import views
from lagebild.store.catalog import Catalog
from lagebild.store.sqlite import Store

OTHER = "Brand in Tesnik\n\nLaut Feuerwehr wurden 40 Menschen verletzt. Zwei Häuser brannten ab."


@pytest.fixture
def dossier(tmp_path):
    with Store(tmp_path / "d.db", create=True) as s:
        a = article("a.txt")
        b = article("b.txt", text=OTHER)
        b.outlet, b.published = "Tesnik-Anzeiger", "2026-03-05"
        killed = claim(a, "Mindestens 12 Menschen", 12, "Menschen", qualifier="at_least",
                       measure=Measure("killed", subject="Menschen", place="Velm"))
        refugees = claim(a, "Rund 3.000 Flüchtlinge", 3000, "Flüchtlinge", qualifier="approx",
                         measure=Measure("displaced", subject="Flüchtlinge", place="Tesnik"))
        injured = claim(b, "40 Menschen", 40, "Menschen", measure=Measure("injured", place="Tesnik"),
                        sources=[Source("Feuerwehr", "Laut Feuerwehr", "police")])
        velm = Mention("a.txt", 8, 12, "Velm", "LOC")
        tesnik = [Mention("a.txt", TEXT.find("Tesnik"), TEXT.find("Tesnik") + 6, "Tesnik", "LOC"),
                  Mention("b.txt", 9, 15, "Tesnik", "LOC")]
        put(s, a, [killed, refugees], mentions=[velm, tesnik[0]])
        put(s, b, [injured], mentions=[tesnik[1]])
        s.replace_groups([
            ClaimGroup("g-killed", killed.measure, [killed.id], 12, 12, 12, "single", 1, "single", "one source",
                       "Tote in Velm"),
            ClaimGroup("g-injured", injured.measure, [injured.id], 40, 40, 40, "single", 1, "single",
                       "one source", "Verletzte in Tesnik"),
        ])
        s.replace_entities([Entity("loc:velm", "Velm", "LOC", [], [velm]),
                            Entity("loc:tesnik", "Tesnik", "LOC", ["Stadt Tesnik"], tesnik)])
        yield s.db


def catalog(db) -> Catalog:
    return Catalog.load(db, views.version(db))


def test_overview_counts_what_is_stored(dossier):
    o = views.overview(dossier, catalog(dossier))
    assert o["articles"] == 2 and o["entities"] == 2
    assert o["title"] == "Lagebild"


def test_groups_filter_by_measure_and_text(dossier):
    cat = catalog(dossier)
    total, page = views.groups(dossier, cat, views.FigureFilter(measure="injured"))
    assert total == 1 and [g["id"] for g in page] == ["g-injured"]
    assert [f["text"] for f in page[0]["figures"]] == ["40 Menschen"]
    total, page = views.groups(dossier, cat, views.FigureFilter(q="velm"))
    assert [g["id"] for g in page] == ["g-killed"]
    total, page = views.groups(dossier, cat, views.FigureFilter(measure="missing"))
    assert (total, page) == (0, [])


def test_figures_ungrouped_and_paged(dossier):
    cat = catalog(dossier)
    total, page = views.figures(dossier, cat, views.FigureFilter(), grouped=False)
    assert total == 1 and page[0]["text"] == "Rund 3.000 Flüchtlinge"
    total, page = views.figures(dossier, cat, views.FigureFilter(), limit=2)
    assert total == 3 and len(page) == 2


def test_entities_by_name_alias_and_mentions(dossier):
    cat = catalog(dossier)
    total, page = views.entities(dossier, cat)
    assert total == 2 and page[0]["name"] == "Tesnik" and page[0]["mentions"] == 2 and page[0]["articles"] == 2
    total, page = views.entities(dossier, cat, q="stadt tes")
    assert [e["id"] for e in page] == ["loc:tesnik"]


def test_article_with_its_figures_and_sentences(dossier):
    cat = catalog(dossier)
    a = views.article(dossier, cat, "b.txt")
    assert a is not None and a["outlet"] == "Tesnik-Anzeiger" and a["claims"] == 1
    assert [f["text"] for f in a["figures"]] == ["40 Menschen"]
    assert len({s["anchor"] for s in a["sentences"]}) == len(a["sentences"]) >= 2
    assert views.article(dossier, cat, "nope.txt") is None
    total, rows = views.articles(dossier, cat, outlet="Tesnik-Anzeiger")
    assert total == 1 and rows[0]["id"] == "b.txt"


def test_like_escapes_wildcards_and_clamp_bounds():
    assert views.like("50%_x") == r"%50\%\_x%"
    assert views.clamp(10_000, -5) == (views.MAX_LIMIT, 0) and views.clamp(0, 3) == (1, 3)
