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
    # one list of vague quantifiers, each word marked where it is read
    assert {"einige", "wenige", "ein paar"} <= time.VAGUE_NUMBERS and "zig" not in time.VAGUE_NUMBERS
    assert {"einige", "paar", "zig"} <= numbers.VAGUE_DETERMINERS and "wenige" not in numbers.VAGUE_DETERMINERS
    assert set(de.pairs("seasons")) <= numbers.STRONG_YEAR_CONTEXT and time.SEASONS == de.pairs("seasons")


def test_cleaning_reads_the_lexicon():
    from lagebild.ingest import cleaning

    assert cleaning.AGENCIES["ria nowosti"] == "RIA Nowosti" and cleaning.AGENCIES["čtk"] == "ČTK"
    assert cleaning._iso("3", "Jänner", "2024") == "2024-01-03" and cleaning._iso("3", "Sept", "2024") == "2024-09-03"
    assert "artikel teilen" in cleaning._UI


def test_values_and_rows():
    assert de.number_value("1000") == 1000 and isinstance(de.number_value("1000"), int)
    assert de.number_value("1.5") == 1.5 and de.number_value("1e6") == 1_000_000.0
    assert isinstance(de.number_value("1e6"), float)
    figure, time = de.pairs("qualifiers", column=1), de.pairs("qualifiers", column=2)
    assert time["mehr als"] == "MORE_THAN" and time["genau"] == "-"
    assert figure["mehr als"] == "more_than" and "genau" not in figure
    assert ("jahr", "Y", "date", "year") in de.rows("time_units")
    assert de.table("qualifier_contexts")["unter"] >= {"sank", "liegt"}


def test_a_pair_without_its_code_is_named(tmp_path, monkeypatch):
    (tmp_path / "broken.tsv").write_text("januar\n", encoding="utf-8")
    monkeypatch.setattr(de, "HERE", tmp_path)
    de.rows.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"broken.tsv: row 1 .*expected FORM<TAB>CODE"):
            de.pairs("broken")
    finally:
        de.rows.cache_clear()


def test_every_file_is_listed_in_the_readme():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in HERE.iterdir() if p.suffix in (".tsv", ".txt"))
    assert files and [f for f in files if not re.search(rf"`{re.escape(f)}`", readme)] == []


def test_measures_read_geos_one_country_table():
    """extract/measures has no country table of its own: geo's countries (with lang/de's aliases and armed
    groups) give its nationality forms, each country once, keyed by the slug of its German name."""
    from lagebild.extract import measures
    from lagebild.geo import country_table
    from lagebild.geo.countries import countries
    from lagebild.text import slugify
    from lagebild.lang.de.nations import collective_actors, country_aliases

    forms = {c.key: c for c in countries()}
    assert len(forms) == len(countries())
    assert len(country_table()) > 100 and all(slugify(c.name) in forms for c in country_table())
    assert "Pjongjang" in forms["nordkorea"].names and "Bundeswehr" in country_aliases()["DE"]
    assert "Brüssel" in forms["eu"].names and "Brüssel" not in forms["belgien"].names
    assert {k for k, _, _ in collective_actors()} >= {"nato", "hamas"}
    # an adjective of geo's table that the old inline table lacked is a nationality now
    hits = measures.country_mentions("Argentinische Soldaten", 0, 22)
    assert [(m.key, m.form) for m in hits] == [("argentinien", "adj")]


def test_scope_phrases_are_whole_words_and_star_is_one_word():
    """lang/de/scope_phrases.tsv: "in ganz *" takes any one word, phrases match whole words only."""
    from lagebild.lang.de.scopes import scope_pattern

    nationwide, wide = scope_pattern("nationwide"), scope_pattern("wide")
    assert nationwide.search("Proteste gab es in ganz Portugal mit 40.000 Teilnehmern")
    assert nationwide.search("Bundesweit wurden 300 Festnahmen gemeldet")
    assert not nationwide.search("Die Landesweite des Flusses")          # no prefix of a longer word
    assert wide.search("Im Land starben insgesamt 12 Menschen") and not wide.search("im Landkreis starben 3")


@pytest.fixture
def lexicon(tmp_path, monkeypatch):
    """An empty lang/de of our own, the loaders' caches cleared before and after."""
    monkeypatch.setattr(de, "HERE", tmp_path)
    for loader in (de.words, de.phrases, de.table):
        loader.cache_clear()
    yield tmp_path
    for loader in (de.words, de.phrases, de.table):
        loader.cache_clear()


def test_a_list_includes_another_and_excludes_words(lexicon):
    (lexicon / "starters.txt").write_text("Der\nund\naber # a comment\n", encoding="utf-8")
    (lexicon / "roles.tsv").write_text("article\tder, die, das\npreposition\tmit, -die\n", encoding="utf-8")
    (lexicon / "days.tsv").write_text("Montag\t1\nDienstag\t2\n", encoding="utf-8")
    (lexicon / "function.txt").write_text("@starters\n-der\nnie\n@roles.tsv:article\n@days.tsv\n", encoding="utf-8")
    assert de.phrases("function") == ("und", "aber", "nie", "die", "das", "Montag", "Dienstag")
    assert de.words("function") == {"und", "aber", "nie", "die", "das", "montag", "dienstag"}
    (lexicon / "cues.tsv").write_text("source\t@starters, von, -und\n", encoding="utf-8")
    assert de.table("cues") == {"source": {"der", "aber", "von"}}


def test_an_include_cycle_is_named(lexicon):
    (lexicon / "a.txt").write_text("eins\n@b\n", encoding="utf-8")
    (lexicon / "b.txt").write_text("zwei\n@a\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lang/de/b.txt: include cycle a.txt -> b.txt -> a.txt"):
        de.words("a")


def test_a_missing_include_is_named(lexicon):
    (lexicon / "a.txt").write_text("eins\n@gone\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"lang/de/a.txt: @gone names no word list gone.txt"):
        de.words("a")
    (lexicon / "t.tsv").write_text("article\tder\n", encoding="utf-8")
    (lexicon / "b.txt").write_text("@t.tsv:pronoun\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lang/de/b.txt: @t.tsv:pronoun: no key 'pronoun' in t.tsv"):
        de.words("b")


def test_the_lists_hold_their_words_once():
    """The function words are the sentence starters less the articles plus their own, written once."""
    assert "@sentence_starters" in (HERE / "function_words.txt").read_text(encoding="utf-8")
    assert de.words("sentence_starters") - de.words("function_words") == {
        "der", "die", "den", "dem", "des", "ein", "eine", "allein"}


def test_a_file_of_two_readings_gives_each_its_pairs(tmp_path, monkeypatch):
    (tmp_path / "quals.tsv").write_text("rund\tapprox\tAPPROX\nbis zu\tat_most\t.\ngenau\t.\t-\n", encoding="utf-8")
    monkeypatch.setattr(de, "HERE", tmp_path)
    de.rows.cache_clear()
    try:
        assert de.pairs("quals", column=1) == {"rund": "approx", "bis zu": "at_most"}
        assert de.pairs("quals", column=2) == {"rund": "APPROX", "genau": "-"}
        with pytest.raises(ValueError, match=r"quals.tsv: row 1 .*expected a code in column 3"):
            de.pairs("quals", column=3)
    finally:
        de.rows.cache_clear()
