"""extract/measures reads its German lexicon from lang/de: noun classes, units, seas, seats, compass points.

Invented words and phrases throughout; each test would fail if a file lost an entry or a loader misread it."""
from __future__ import annotations

from lagebild.extract import measures
from lagebild.lang import de

DOMAINS = {"person", "casualty", "weapon", "vehicle", "event", "site", "jobs", "time", "money", "percent", "measure"}


def test_each_stem_is_in_one_class_and_references_resolve():
    seen: dict[str, str] = {}
    for cls, (domain, stems) in measures.CLASSES.items():
        assert domain in DOMAINS, cls
        assert stems and not any(s.startswith("@") for s in stems), cls     # "@name" was expanded
        for stem in stems:
            assert seen.setdefault(stem.replace("-", ""), cls) == cls, f"{stem}: {seen[stem]} and {cls}"
    # the classes built from lists of their own hold those lists' forms, not a copy
    assert set(measures.CLASSES["zeit"][1]) == set(de.pairs("time_unit_nouns"))
    assert set(measures.CLASSES["geld"][1]) == {row[0] for row in de.rows("currencies")}
    assert set(measures.CLASSES["mass"][1]) == {row[0] for row in de.rows("measure_units")}


def test_compound_heads_fall_into_their_class():
    assert measures.classify("Aufklärungsdrohnen") == ("drohne", "weapon")
    assert measures.classify("Bomben-Entschärfer") == ("pionier", "person")
    assert measures.classify("Seemeilen") == ("mass", "measure")
    assert measures.classify("Rappen") == (None, None)
    assert measures.classify("Cent") == ("geld", "money") and "cent" not in measures.CURRENCIES


def test_units_and_time_units():
    assert measures.CURRENCIES["us-dollar"] == "USD" and measures.CURRENCIES["€"] == "EUR"
    assert measures.UNITS["quadratkilometer"] == "km²" and "meile" not in measures.UNITS
    # a longer form first: "Kilogramm" is kg by its own entry, "Jahrzehnten" a decade, not a year
    assert next(v for k, v in measures.UNITS.items() if "kilogramm".startswith(k)) == "kg"
    assert measures._time_unit("Jahrzehnten") == "jahrzehnt" and measures._time_unit("Nächten") == "nacht"
    assert measures._time_unit("Monate") == "monat" and measures._time_unit("Tagen") == "tag"


def test_places_seas_seats_and_compass_points():
    seas = measures._sea_keys()
    assert seas["roten meer"] == seas["rotes meer"] == "rotes-meer"
    gaz = measures._gazetteer()
    assert measures._gazetteer_key("südwestfrankreich", gaz, frozenset()) == "frankreich"
    assert measures.INSTITUTION.search("Landwirtschaftsministeriums") and measures.INSTITUTION.search("Korrespondentin")
    assert not measures.INSTITUTION.search("Bürgermeisterwahl")
    assert "mitte" in measures.COMMON_NOUNS and "bereits" in measures.DEPLOYED_LOCAL
    assert "zusätzliche" in measures.PLANNED_LOCAL and "gegen" in measures.DESTINATION_PREPS
