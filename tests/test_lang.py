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
