"""Publication dates inferred from the text: never a wrong precise date."""
from __future__ import annotations

import pytest

from lagebild.extract.pubdate import infer_published
from lagebild.model import Article


def _article(raw: str, **kw) -> Article:
    return Article(id=kw.pop("id", "t1"), text=kw.pop("text", raw), raw_text=raw, **kw)


def test_keeps_a_known_date():
    a = _article("Gestern griff Russland an. 13.01.2025 | 1:27 min", published="2025-06-17",
                 published_precision="day", published_basis="header")
    infer_published(a)
    assert (a.published, a.published_precision, a.published_basis) == ("2025-06-17", "day", "header")


def test_stand_line_gives_the_day():
    a = _article("Russland greift Kiew an\n\nStand: 17.06.2025 14:32 Uhr\n\nIn der Nacht griff Russland Kiew an.")
    infer_published(a)
    assert (a.published, a.published_precision) == ("2025-06-17", "day")
    assert "Stand" in a.published_basis


def test_caption_date_is_a_lower_bound_not_the_date():
    raw = ("Titel\n\nText über den Krieg.\nBildunterschrift zum Video.13.01.2025 | 1:27 min\n"
           "Noch ein Absatz.\nEin weiteres Video.29.01.2025 | 7:52 min\nSchluss.")
    a = _article(raw)
    infer_published(a)
    assert (a.published, a.published_precision) == ("2025", "year")
    assert a.published_basis.startswith("not before 2025-01-29, from a caption date")


def test_caption_late_in_the_year_leaves_the_year_open():
    a = _article("Titel\n\nText.\nVideo zum Thema.18.12.2024 | 0:24 min\nSchluss.")
    infer_published(a)
    assert a.published is None and a.published_precision == "unknown"
    assert a.published_basis.startswith("not before 2024-12-18")


def test_past_dates_in_the_text_only_bound_it():
    a = _article("Truppen waren Mitte 2024 eingedrungen. Am 28. April hatte Nordkorea den Einsatz bestätigt.")
    infer_published(a)
    assert a.published is None and a.published_precision == "unknown"
    assert a.published_basis == "not before 2024, from dates in the text; date unknown"


def test_nothing_to_go_by():
    a = _article("Russland greift an. Die Kämpfe dauern an.")
    infer_published(a)
    assert (a.published, a.published_precision, a.published_basis) == (None, "unknown", None)


# --- the seeds ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_articles(seeds_dir):
    from lagebild.pipeline import read_articles

    articles, errors = read_articles([seeds_dir])
    assert not errors
    for a in articles:
        infer_published(a)
    return {a.id[:3]: a for a in articles}


@pytest.mark.parametrize("seed,month", [("000", "2025-06"), ("003", "2025-07"), ("004", "2025-07")])
def test_seed_headers_give_the_month(seed_articles, seed, month):
    a = seed_articles[seed]
    assert (a.published, a.published_precision, a.published_basis) == (month, "month", "header")


def test_seed_001_not_before_its_latest_caption(seed_articles):
    a = seed_articles["001"]
    assert (a.published, a.published_precision) == ("2025", "year")
    assert "not before 2025-01-29" in a.published_basis and "caption date" in a.published_basis


def test_seed_002_stays_unknown_with_a_bound(seed_articles):
    a = seed_articles["002"]
    assert (a.published, a.published_precision) == (None, "unknown")
    assert a.published_basis.startswith("not before 2024")
