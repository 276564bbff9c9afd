"""lang/de: the German lexicon in data files, read by small loaders, each list once."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild.lang import de

HERE = Path(de.__file__).parent


def test_calendar_words():
    assert de.months()["jänner"] == 1 and de.months()["feber"] == 2 and de.months()["dezember"] == 12
    assert sorted(set(de.months().values())) == list(range(1, 13))
    assert de.month_abbreviations()["sept"] == 9 and "mai" not in de.month_abbreviations()
    assert de.weekdays()["sonnabend"] == 6 and sorted(set(de.weekdays().values())) == list(range(1, 8))


def test_number_words_and_compounding_forms():
    words = de.number_words()
    assert words["dreißig"] == words["dreissig"] == 30 and words["eins"] == 1
    assert "eins" not in de.number_words(compounding=True) and de.number_words(compounding=True)["ein"] == 1


def test_a_bad_line_is_named(tmp_path, monkeypatch):
    (tmp_path / "broken.tsv").write_text("januar\teins\n", encoding="utf-8")
    monkeypatch.setattr(de, "HERE", tmp_path)
    with pytest.raises(ValueError, match=r"broken.tsv:1: expected FORM<TAB>NUMBER"):
        de._numbered("broken")


def test_extractors_read_the_lexicon():
    """The extractors use the lists of lang/de, not copies of their own."""
    from lagebild.extract import numbers, time

    assert set(numbers.MONTHS) == set(time.MONTHS) == set(de.months())
    assert set(numbers.WEEKDAYS) == set(time.WEEKDAYS) == set(de.weekdays())
    assert numbers.SENTENCE_STARTERS == de.words("sentence_starters")


def test_every_file_is_listed_in_the_readme():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in HERE.iterdir() if p.suffix in (".tsv", ".txt"))
    assert files and [f for f in files if not re.search(rf"`{re.escape(f)}`", readme)] == []


def test_measures_read_geos_one_country_table():
    """extract/measures has no country table of its own: geo's countries (with lang/de's aliases and armed
    groups) give its nationality forms, each country once, keyed by the slug of its German name."""
    from lagebild.extract import measures
    from lagebild.geo import country_table
    from lagebild.lang.de.nations import collective_actors, country_aliases

    forms = {c.key: c for c in measures.countries()}
    assert len(forms) == len(measures.countries())
    assert len(country_table()) > 100 and all(measures.slugify(c.name) in forms for c in country_table())
    assert "Pjongjang" in forms["nordkorea"].names and "Bundeswehr" in country_aliases()["DE"]
    assert "Brüssel" in forms["eu"].names and "Brüssel" not in forms["belgien"].names
    assert {k for k, _, _ in collective_actors()} >= {"nato", "hamas"}
    # an adjective of geo's table that the old inline table lacked is a nationality now
    hits = measures.country_mentions("Argentinische Soldaten", 0, 22)
    assert [(m.key, m.form) for m in hits] == [("argentinien", "adj")]
