"""Event merging across articles: one event reported by several outlets is one event.

Pure over events, entities and (optionally) claim groups. Two event mentions
are the same event when nothing contradicts it and enough agrees:

- same PLOVER type and mode (CONSULT's meet/visit/phone count as one; a storm and its floods and
  landslides are one disaster);
- parties agree: the same canonical entity, or a state and someone of that
  state (Nordkorea ~ Kim Jong Un); two different persons never agree;
  for CONSULT and AGREE the roles may be swapped (A meets B = B meets A);
- places agree: within 100 km (regions 250 km), or one is a country holding the other;
- times agree: no contradiction in year / season / month / day; a time taken
  from the publication date only says "on or before" that date;
- status agrees (planned and hypothetical count as one) and figures of the
  same kind differ by no more than threefold (6,000 builders is not 25,000 soldiers).

Sharing a claim group (the same figure, reconciled across articles by
`consolidate.groups`) links two event mentions strongly. Mentions are
clustered greedily, best documented first, each joining the agreeing cluster
it shares most with (of equal ones, the cluster more articles report). A merged
event keeps the most precise place and time (``XXXX-06-17`` and ``2025-06``
give ``2025-06-17``), all figures, sources, articles and evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, KeysView, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import BACKGROUND_STATUSES, FORCE, ClaimGroup, Entity, Event, Place, Span, TimeValue

SYMMETRIC = {"CONSULT", "AGREE"}
PRECISION_RANK = {"day": 7, "week": 6, "month": 5, "season": 4, "quarter": 4, "half": 3, "year": 2,
                  "decade": 1, "century": 0, "unknown": -1}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
PLACE_RANK = {"city": 3, "region": 2, "water": 2, "country": 1}
ANY = frozenset({"*"})                 # any mode of a type (KINDRED, SUDDEN, LASTING)
# Mode sets that several tables below name (KIN_MODES, KINDRED, SUDDEN; each explained there)
WEAPONS = frozenset({"explode", "firearms", "stabbing", "abduct"})     # ASSAULT: the weapons of one attack
BLAST = frozenset({"explosion", "fire", "collapse"})                   # ACCIDENT: a blast, its fire, what falls
MOVEMENT = frozenset({"flight", "arrival", "stranded"})   # DISPLACE: one movement at its two ends, or held up
DEMO = frozenset({"demo", "riot"})                                     # PROTEST: a demonstration and its riot
QUAKE = frozenset({"earthquake", "tsunami", "volcanic"})                # DISASTER: geophysical (EM-DAT)
WEATHER = frozenset({"storm", "flood", "landslide"})                   # DISASTER: meteorological, hydrological


# --- parties ----------------------------------------------------------------------------

UNRESOLVED = "name:"                  # the id of a party no entity stands for

@dataclass(frozen=True)
class Party:
    id: str
    name: str
    type: str
    country: str | None


class Parties:
    """Actor and target strings of extracted events -> canonical entities."""

    def __init__(self, entities: Sequence[Entity], articles: Collection[str] | None = None):
        """`articles`: those of the events to be resolved (their evidence's), where only their mentions need
        be indexed (a build merging the events of a few stories of a big dossier); None: all."""
        self.by_mention: dict[tuple[str, int, str], Entity] = {}
        self.by_name: dict[str, Entity] = {}
        for e in entities:
            for m in e.mentions:
                if articles is None or m.article in articles:
                    self.by_mention[(m.article, m.start, m.text)] = e
        for e in entities:                             # states win a shared name ("Kiew" the government)
            for n in [e.name, *e.aliases]:
                if e.type == "GPE" or n not in self.by_name:
                    self.by_name[n] = e
        self._spans: dict[str, list[tuple[int, str, Entity]]] = {}
        for (art, start, text), e in self.by_mention.items():
            self._spans.setdefault(art, []).append((start, text, e))

    def resolve(self, name: str | None, ev: Event) -> Party | None:
        if not name:
            return None
        e = None
        for span in ev.evidence:
            for start, text, ent in self._spans.get(span.article, ()):
                if span.start <= start < span.end and text == name:
                    e = ent
                    break
            if e:
                break
        e = e or self.by_name.get(name)
        if e is None:
            from ..geo.translit import key

            return Party(f"{UNRESOLVED}{key(name)}", name, "OTH", None)
        return Party(e.id, e.name, e.type, e.country)


def _party_ok(a: Party | None, b: Party | None) -> bool:
    """The same side: one entity, or a state and someone or something of that state. A word no entity
    stands for ("Attentäter", "Luftwaffe", an agency's name the entities lack) names no side: it agrees."""
    if a is None or b is None or a.id == b.id or a.id.startswith(UNRESOLVED) or b.id.startswith(UNRESOLVED):
        return True
    if a.type == "PER" and b.type == "PER":
        return False
    return bool(a.country) and a.country == b.country and ("GPE" in (a.type, b.type) or "ORG" in (a.type, b.type))


# --- time -------------------------------------------------------------------------------

@dataclass(frozen=True)
class When:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    future: bool = False
    upto: bool = False        # publication date: on or before
    weekday: int | None = None   # ISO 1-7 of a weekday no date anchors ("am Montag" in an undated article)
    part: str | None = None      # the part of the day it names: MO, MI, AF, EV, NI (TIMEX3)
    hour: int | None = None      # the clock's hour where it names one ("um 0.30 Uhr" 0): which side of midnight


def _when(t: TimeValue | None) -> When | None:
    if t is None or not t.value:
        return None
    v = t.value
    if v == "FUTURE_REF":
        return When(future=True)
    if v.endswith("_REF"):
        return None
    wd = re.match(r"(\d{4}|XXXX)-W(?:\d\d|XX)-(\d)", v)
    if wd:
        return When(None if wd.group(1) == "XXXX" else int(wd.group(1)), weekday=int(wd.group(2)),
                    upto=(t.basis == "publication date"), part=_day_part(t),
                    hour=int(clock.group(1)) if (clock := CLOCK.search(v)) else None)
    m = re.match(r"(\d{4}|XXXX)(?:-(\d{2}|SP|SU|FA|WI|Q\d|H\d|W\d\d))?(?:-(\d{2}))?", v)
    if not m:
        return None
    year = None if m.group(1) == "XXXX" else int(m.group(1))
    month = season = None
    part = m.group(2)
    if part and part.isdigit():
        month = int(part)
    elif part in SEASON_MONTHS:
        season = part
    day = int(m.group(3)) if m.group(3) else None
    clock = CLOCK.search(v) if day else None
    return When(year, month, day, season, upto=(t.basis == "publication date"),
                part=_day_part(t) if day else None, hour=int(clock.group(1)) if clock else None)


def _day_part(t: TimeValue) -> str | None:
    """The part of the day an event's time names (TIMEX3 MO, MI, AF, EV, NI), as extraction keeps it in the value
    (`extract.events._day_of`): the time tagger's own part ("Montagabend" ...TEV, "in der Nacht zum Samstag" ...TNI,
    "Samstagfrüh" ...TMO), else the part a clock's hour falls in ("am Sonntag um 23.40 Uhr" ...T23:40, a night).
    A date or a weekday compares the day; the part tells two days' reports apart (`_one_night`)."""
    value = t.value or ""
    m = DAY_PART.search(value)
    if m:
        return m.group(1)
    clock = CLOCK.search(value)
    return _part_of_hour(int(clock.group(1))) if clock else None


DAY_PART = re.compile(r"(?:^|[\dX])T(MO|MI|AF|EV|NI)")          # a TIMEX3 value's part of the day
CLOCK = re.compile(r"(?:^|[\dX])T(\d\d):\d\d")                  # a TIMEX3 value's clock ("2026-05-03T19:00")
# The hour each part of the day begins at, as German news uses the words ("um 5 Uhr früh", "um 12 Uhr mittags",
# "um 15 Uhr nachmittags", "um 19 Uhr abends", "um 23 Uhr nachts"); the night runs on past midnight to the morning
PART_STARTS = ((5, "MO"), (11, "MI"), (14, "AF"), (18, "EV"), (22, "NI"))


def _part_of_hour(hour: int) -> str:
    part = "NI"
    for start, code in PART_STARTS:
        if hour >= start:
            part = code
    return part


def _months(w: When) -> tuple[int, int] | None:
    if w.month:
        return (w.month, w.month)
    if w.season:
        return SEASON_MONTHS[w.season]
    return None


def _span(w: When, year: int) -> tuple[int, int] | None:
    """The days (ordinals) a time covers; `year` stands in for a missing one. None: it says nothing."""
    y = w.year or year
    try:
        if w.month and w.day:
            d = dt.date(y, w.month, w.day).toordinal()
            return d, d
        months = _months(w)
        if months:
            lo = dt.date(y, months[0], 1)
            end_y, end_m = y + (months[1] - 1) // 12, (months[1] - 1) % 12 + 1
            hi = dt.date(end_y + end_m // 12, end_m % 12 + 1, 1) - dt.timedelta(days=1)
            return lo.toordinal(), hi.toordinal()
    except ValueError:                                 # "XXXX-02-30": a day no calendar has
        return None
    if w.year:
        return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    return None


def _time_ok(a: When | None, b: When | None, slack: int = 0) -> bool:
    """Do two times leave room for one occurrence? Each is a span of days (a day, a month, a season, a
    year; a missing year is the other's); a publication date bounds from above ("on or before"); spans
    `slack` days apart still meet (an attack of Friday night told as Saturday's; a flood dated by the day
    each report speaks of)."""
    if a is None or b is None:
        return True
    if a.future or b.future:
        return (a.future and b.future) or a.upto or b.upto
    if a.upto and b.upto:
        return True
    year = a.year or b.year or 2000
    if a.upto or b.upto:
        bound, other = (a, b) if a.upto else (b, a)
        if other.year is None or bound.year is None:
            return True
        sb, so = _span(bound, year), _span(other, year)
        return sb is None or so is None or so[0] <= sb[1] + slack
    sa, sb = _span(a, year), _span(b, year)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] + slack and sb[0] <= sa[1] + slack


def _weekday(w: When) -> int | None:
    """The weekday (ISO 1-7) a time names: its own, or that of a full date."""
    if w.weekday:
        return w.weekday
    if w.year and w.month and w.day and not w.upto:
        try:
            return dt.date(w.year, w.month, w.day).isoweekday()
        except ValueError:
            return None
    return None


# The parts of a day a night's occurrence is told by: the evening or night it began ("am Freitagabend") and the
# night or early morning of the next day it went on into ("in der Nacht zum Samstag", "Samstagfrüh")
LATE_PARTS = frozenset({"EV", "NI"})
EARLY_PARTS = frozenset({"NI", "MO"})


# A clock tells which side of midnight its night is on: "um 23.30 Uhr" closes its day, "um 0.30 Uhr" opens it (a night
# of the part words, "Sonntagnacht", may be either)
NOON = 12


def _late(w: When) -> bool:
    return w.part is None or (w.part in LATE_PARTS and (w.hour is None or w.hour >= NOON))


def _early(w: When) -> bool:
    return w.part is None or (w.part in EARLY_PARTS and (w.hour is None or w.hour < NOON))


def _one_night(a: When, b: When, one_report: bool = False) -> bool:
    """Two reports of a sudden event a day apart (`SUDDEN`'s slack: Friday night told as Saturday's) tell one
    occurrence only over the night between the two days: the earlier day's part, where named, is its evening or
    night and the later day's its night or morning. Monday morning's and Tuesday afternoon's accidents are two.
    `one_report`: both told by one article, whose writer dates one occurrence one way - its two days are one night's
    only where it names the night ("am Freitagabend ... in der Nacht"); "am Dienstag" and "am Mittwoch" are two.
    Days are compared as full dates where both are, else as weekdays (a date's own); other gaps are `_time_ok`'s
    and `_weekdays_ok`'s to judge."""
    if a.upto or b.upto or not (one_report or a.part or b.part):
        return True
    if a.year and a.month and a.day and b.year and b.month and b.day:
        sa, sb = _span(a, a.year), _span(b, b.year)
        if sa is None or sb is None:
            return True
        after = sb[0] - sa[0]
    else:
        da, db = _weekday(a), _weekday(b)
        if da is None or db is None:
            return True
        after = 1 if (db - da) % 7 == 1 else -1 if (da - db) % 7 == 1 else 0
    if abs(after) != 1:
        return True
    early, late = (a, b) if after == 1 else (b, a)
    return _late(early) and _early(late) and not (one_report and early.part is None and late.part is None)


# German news tells the time of day by its own clock (Central European, about 15 degrees east) or by the place's
# ("am Sonntagnachmittag (Ortszeit)"): where the two differ by hours, one occurrence's parts of the day differ by as
# much between reports (`_one_night` is asked only of places nearer)
OWN_CLOCK_LON, CLOCK_HOURS_APART = 15.0, 3


def _own_clock(places: Iterable[Place | None]) -> bool:
    """Every place lies within `CLOCK_HOURS_APART` hours of news' own clock (15 degrees of longitude an hour)."""
    return all(p is None or p.lon is None or abs(p.lon - OWN_CLOCK_LON) < 15.0 * CLOCK_HOURS_APART for p in places)


def _weekdays_ok(a: When, b: When, slack: int) -> bool:
    """Two reports that name the weekday of what they tell ("am Montagabend", "am Mittwoch"; a date's weekday)
    tell one occurrence only on the same day, or a day apart where `slack` allows it (Friday night and
    Saturday): `_fit` asks it of reports of one kind in different articles, but for disasters (a flood told on
    many days) and events lasting days or weeks (`LASTING`: refugees arriving at one crossing "am Mittwoch" in one
    report and "am Sonntagabend" in another are one flow, as two full dates within LASTING_DAYS already were).
    Where no weekday is anchored to a date, this is all the time says (10kGNAD's articles have none)."""
    if a.upto or b.upto or not (a.weekday or b.weekday):
        return True
    da, db = _weekday(a), _weekday(b)
    if da is None or db is None:
        return True
    apart = min((da - db) % 7, (db - da) % 7)
    return apart <= slack


# Days two reports of one occurrence may be apart (`_time_ok`'s slack): a sudden event (an attack, an
# explosion, an earthquake, an accident) is told on the evening by one report and as "the night to
# Saturday" by another - a day off at most; an event lasting days or weeks (a flood, a storm, a wildfire,
# a flight, an evacuation, an airlift) is dated by each report at the day it speaks of; strikes and clashes
# of a war recur day after day, votes and meetings have their day: no slack.
SUDDEN = {"ASSAULT": WEAPONS | {"attack"},
          "ACCIDENT": ANY, "DISASTER": QUAKE}
LASTING = {"DISPLACE": ANY, "EVACUATE": ANY, "AID": frozenset({"humanitarian"}),
           "DISASTER": frozenset({"flood", "storm", "landslide", "wildfire", "drought", "temperature", "epidemic"})}
LASTING_DAYS = 14
# Of those, the ones whose every day is the same occurrence, whatever weekday a report names: a flow of people
# and a flood, storm or fire of many days. An evacuation or an airlift is lasting within dates but is ordered on a
# day: two weekdays at one town are two (a flood's evacuation on Monday, a bomb's on Friday).
ALL_ITS_DAYS = {"DISPLACE": ANY, "DISASTER": LASTING["DISASTER"]}


def _slack(etype: str, mode: str | None) -> int:
    if _in((etype, LASTING.get(etype, frozenset())), etype, mode):
        return LASTING_DAYS
    return 1 if _in((etype, SUDDEN.get(etype, frozenset())), etype, mode) else 0


def _merge_time(times: list[TimeValue | None]) -> TimeValue | None:
    """The most precise explicit time, its gaps filled from the others (year of XXXX-06-17)."""
    explicit = [t for t in times if t and t.value and t.basis != "publication date" and not t.value.endswith("_REF")]
    pool = explicit or [t for t in times if t and t.value]
    if not pool:
        return times[0] if times else None
    best = max(pool, key=lambda t: (PRECISION_RANK.get(t.precision, -1), t.basis == "expression"))
    value = best.value or ""                           # the pool's times all have one
    if value.startswith("XXXX"):
        years = Counter(w.year for t in times if (w := _when(t)) and w.year)
        if years:
            year = years.most_common(1)[0][0]
            best = replace(best, value=f"{year}{value[4:]}")
    return best


# --- places -----------------------------------------------------------------------------

def _distance(a: Place, b: Place) -> float | None:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    from ..geo import distance_km

    return distance_km((a.lat, a.lon), (b.lat, b.lon))


SIZED = ("AID", "MOBILIZE")   # deployments differ by size; tolls of one attack or disaster grow from report to report
WIDE = ("DISASTER", "DISPLACE", "VOTE")     # events over a wide area: an earthquake felt in two countries
WIDE_KM = 1000.0


def _place_ok(a: Place | None, b: Place | None, wide: bool = False) -> bool:
    if a is None or b is None:
        return True
    if wide:
        d = _distance(a, b)
        return d <= WIDE_KM if d is not None else True
    if "country" in (a.precision, b.precision):
        return not a.country or not b.country or a.country == b.country
    d = _distance(a, b)
    if d is None:
        return True                                    # a name the gazetteer lacks says nothing against it
    limit = 250.0 if "region" in (a.precision, b.precision) else 100.0
    return d <= limit or _holds(a, b) or _holds(b, a)


TOWN_KM = 25.0          # two towns this far apart are two places, however near for the event's type
AREA_TYPES = ("DISASTER",)   # a flood or an earthquake strikes many towns at once


def _other_town(a: Place | None, b: Place | None, held: bool = False) -> bool:
    """Two towns, neither holding the other: different names (neither inside the other: "Wien-Simmering" is in
    Wien) TOWN_KM or more apart (`_fit` asks only across articles: one report may name a village and the region's
    town of the same name, "das Dorf Myrne" in "der Region Donezk", where the gazetteer knows only the town). A
    refugees' arrival at Vienna's station and their crossing at a border village 60 km away are two events, though
    within the distance a flight and its arrival may lie apart.
    Two names the gazetteer lacks (villages, the NER's places off its list) are two places as well, unless one is
    the other written another way ("Piräus", "Piräeus"; `_spelt_alike`) or `held`: the occurrence is told at a town
    or region the gazetteer has, which may hold both (the concert hall and the stadium of one attack on a city); a
    name it lacks beside one it has is not known to lie apart (a quarter or a village of the town, or the town
    misread)."""
    if a is None or b is None or a.name == b.name or a.name in b.name or b.name in a.name:
        return False
    if _unplaced(a) and _unplaced(b) or _unplaced_site(a) and _unplaced_site(b):
        # two sites the gazetteer lacks (a name told with an article: a road, a venue, a region) are two places as
        # two such towns are; a site beside a town is not known to lie apart (the venue may stand in the village)
        return not held and not _spelt_alike(a.name, b.name)
    if a.precision != "city" or b.precision != "city":
        return False
    d = _distance(a, b)
    return d is not None and d > TOWN_KM


def _held(c: Cluster) -> bool:
    """The cluster is told at a town or region the gazetteer has (`_other_town`'s `held`)."""
    return any(p is not None and p.lat is not None and p.precision in ("city", "region") for p in c.places.values())


def _unplaced_site(p: Place) -> bool:
    """A site name the gazetteer lacks: told with an article, on no spot (`extract.events._mention_place`)."""
    return p.lat is None and p.precision == "site" and p.country is None


def _unplaced(p: Place) -> bool:
    """A place name the gazetteer lacks: the name alone, on no spot and of no kind (`extract.events._mention_place`)."""
    return p.lat is None and p.precision is None and p.country is None


def _spelt_alike(a: str, b: str) -> bool:
    """Two writings of one name: equal in the transliteration key, or one edit apart (a letter dropped, doubled or
    swapped), or word by word the same where one cuts a word short ("St. Wendelin im Forst", "Sankt Wendelin";
    `text.abbreviates`) - the shorter name's words the longer's first, as a name holds the other ("Neustadt",
    "Neustadt an der Aisch")."""
    from ..geo.translit import key
    from ..text import abbreviates, within_one_edit

    ka, kb = key(a), key(b)
    if ka == kb or within_one_edit(ka, kb):
        return True
    wa, wb = a.split(), b.split()
    return any(abbreviates(x, y) or abbreviates(y, x) for x, y in zip(wa, wb)) and \
        all(x == y or key(x) == key(y) or abbreviates(x, y) or abbreviates(y, x) for x, y in zip(wa, wb))


def _holds(region: Place, place: Place) -> bool:
    """A first-level region holds a place of its own (the gazetteer's admin1), however far its middle lies
    ("Provinz Belutschistan" and Quetta, Texas and El Paso): the distance is measured to the region's centre."""
    if region.precision != "region" or place.precision != "city" or region.country != place.country:
        return False
    ra, pa = _admin1(region.name, region.lat, region.lon, True), _admin1(place.name, place.lat, place.lon, False)
    return ra is not None and ra == pa


@lru_cache(maxsize=4096)
def _admin1(name: str, lat: float | None, lon: float | None, area: bool) -> tuple[str, str] | None:
    """(country, admin1) of the gazetteer's place of this name at this spot; for an area only a first-level one,
    or a region of the German names' table ("Steiermark", "Sizilien", "Lesbos": no admin code of their own) -
    that of the town nearest its centre, which lies in it. Too wide for a region smaller than its admin1 (an island:
    "Lesbos" holds Chios' towns, both North Aegean) and too narrow for one over several ("Donbass": Donezk's only)."""
    from ..geo import gazetteer

    if lat is None or lon is None:
        return None
    for c in gazetteer().candidates(name):
        if abs(c.lat - lat) < 0.05 and abs(c.lon - lon) < 0.05:
            if c.admin1 and (not area or c.id.startswith("a1-")):
                return (c.country, c.admin1)
            if area and c.precision == "region" and not c.admin1 and c.country:
                code = gazetteer().admin1_near(c.country, c.lat, c.lon)
                return (c.country, code) if code else None
    return None


# Events held over the whole territory of a body (a parliament's country, a Land's diet, a town's council): their place
# is that territory, not the most precise place a report names beside it
TERRITORY_TYPES = ("VOTE",)


def _best_place(places: list[Place | None], etype: str | None = None,
                articles: list[str] | None = None) -> Place | None:
    """The place of a merged event from its mentions' places (`articles`: the article of each). A name also written as a
    region ('in der Region Donezk') counts as the region. Where the places agree - each lies in the others (a town, its
    region, its country) - the most specific wins: "in Frankreich" and another report's "in Paris" are Paris.
    Two exceptions:
    - a vote is held over the territory of the body it elects (`TERRITORY_TYPES`): where one place named holds all the
      others, that one (`_territory`) - "die Parlamentswahl in Äthiopien" and another report's "in Addis Abeba ...
      gegen das Wahlergebnis" are a national vote whose result was disputed in the capital, not a vote in the capital;
    - where the places disagree (neither lies in the other: a town outside the region the others name), the place
      the most articles name, then the most specific: a town one report names beside the region two others name is
      not a more precise account of that place but another one (where the wounded were taken, a minister spoke)."""
    places = _beside_filed(places)
    known = [p for p in places if p is not None]
    if not known:
        return None
    regions = {p.name for p in known if p.precision == "region"}
    known = [replace(p, precision="region") if p.name in regions else p for p in known]
    if etype in TERRITORY_TYPES:
        territory = _territory(known)
        if territory is not None:
            return territory
    names = Counter(p.name for p in known)
    told: dict[str, set[str]] = defaultdict(set)       # place name -> the articles that name it
    located = list({p.name: p for p in known if p.country}.values())     # each place once: `_inside_all` is quadratic
    if articles is not None and located and not any(_inside_all(p, located) for p in located):
        for p, a in zip(places, articles):
            if p is not None:
                told[p.name].add(a)
    return max(known, key=lambda p: (len(told[p.name]), PLACE_RANK.get(p.precision or "", 0), names[p.name]))


def _beside_filed(places: list[Place | None]) -> list[Place | None]:
    """The places with a dateline's town (`Place.filed`: where the report was filed) left out where a report names the
    occurrence at a place it does not lie in: "Kirkuk – ... nach Beginn einer Offensive" beside "die Offensive in der
    Provinz Salah ad-Din" is the offensive there, told from Kirkuk. A dateline that agrees with the places named (the
    same town, or a country or region holding it) stays and, being a town, is the most specific of them."""
    named = [p for p in places if p is not None and not p.filed]
    if not named:
        return places
    return [None if p is not None and p.filed and not all(_agrees(q, p) for q in named) else p for p in places]


def _agrees(named: Place, filed: Place) -> bool:
    """The dateline's place is the named one or lies in it; a name the gazetteer lacks says nothing against it."""
    return named.name == filed.name or not named.country or _contains(named, filed)


def _inside_all(place: Place, places: list[Place]) -> bool:
    """The place lies in every other one named (the same name, or a country or first-level region holding it)."""
    return all(q.name == place.name or _contains(q, place) for q in places)


def _territory(places: list[Place]) -> Place | None:
    """The widest place named that holds every other one on the map (the same name, a country its places, a region its
    own towns by admin1, `_holds`); None where none does (two towns, or a town and a region apart). A name the
    gazetteer lacks (no country) says nothing against it."""
    for p in sorted((p for p in places if p.country), key=lambda p: PLACE_RANK.get(p.precision or "", 0)):
        if all(q.name == p.name or _contains(p, q) for q in places if q.country):
            return p
    return None


def _contains(area: Place, place: Place) -> bool:
    """A country holds its places, a first-level region its own towns (`_holds`)."""
    return (area.precision == "country" and area.country is not None and area.country == place.country) or \
        _holds(area, place)


# --- clusters ---------------------------------------------------------------------------

@dataclass
class Cluster:
    members: list[Event] = field(default_factory=list)
    actors: list[Party] = field(default_factory=list)
    targets: list[Party] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)
    magnitude: dict[str, float] = field(default_factory=dict)    # measure kind -> largest figure
    story: str = ""
    # what _fit reads of the members, each distinct value once (kept by `add`): a fit costs the
    # distinct places, times and parties of a cluster, not its number of members
    kinds: set[tuple[str, str | None]] = field(default_factory=set)      # (type, mode) of the members
    statuses: set[str] = field(default_factory=set)
    places: dict[tuple | None, Place | None] = field(default_factory=dict)
    whens: set[When | None] = field(default_factory=set)
    article_whens: dict[str, set[When | None]] = field(default_factory=dict)   # article -> its members' times
    place_names: set[str] = field(default_factory=set)
    actor_set: dict[Party, None] = field(default_factory=dict)
    target_set: dict[Party, None] = field(default_factory=dict)

    @property
    def in_articles(self) -> KeysView[str]:
        """The articles that report the cluster's members (`whens` stays a set of its own: the distinct times a fit
        compares, however many articles tell each)."""
        return self.article_whens.keys()

    def add(self, ev: Event, actor: Party | None, target: Party | None) -> None:
        self.members.append(ev)
        self.kinds.add((ev.type, ev.mode))
        self.statuses.add(_status_class(ev.status))
        p = ev.place
        self.places[(p.precision, p.country, p.lat, p.lon) if p is not None else None] = p
        when = _when(ev.time)
        self.whens.add(when)
        for a in ev.articles:
            self.article_whens.setdefault(a, set()).add(when)
        if p is not None:
            self.place_names.add(p.name)
        if actor:
            self.actors.append(actor)
            self.actor_set[actor] = None
        if target:
            self.targets.append(target)
            self.target_set[target] = None


def _status_class(s: str) -> str:
    return "planned" if s in ("planned", "hypothetical") else s


# "Angriff", "Unglück", "Wahl", "Evakuierung", "getötet": join any mode of their type
GENERIC_MODES = {"attack", "accident", "election", "evacuation", "kill"}


# Modes one occurrence is told by in turn: a storm and the floods and landslides it brings are one disaster
# ("Unwetter" in one sentence or outlet, "Überschwemmungen" or "Hochwasser" in another; EM-DAT's
# meteorological and hydrological groups), never an earthquake or a wildfire
MODE_FAMILIES = (WEATHER,)

# Kindred modes: within a story these name one occurrence from two sides (of violence, disasters and
# accidents only where something ties the reports: a shared figure, the place's name, the day; `_fit`):
# - the weapons of one attack: a coordinated attack is told as "Anschläge" (bombs), "Schüsse" (guns) and
#   "Geiselnahme" by different outlets or sentences (ACLED codes the event once; its sub-event by the main one);
# - one movement of people told where it starts, where it ends or where it is held up (UNHCR: a flight is an arrival
#   elsewhere; refugees stranded at a border are the flow that arrived there);
# - an explosion, the fire it sets and the building it brings down (EM-DAT: one technological disaster);
# - a demonstration and the riot it turned into.
# Distinct occurrences stay apart by place and time (and status: background never joins).
KIN_MODES = (WEAPONS, MOVEMENT, BLAST, DEMO)

# The type hierarchy across types (docs/EVENTS.md, "Merging"): pairs of (type, modes) one occurrence is
# reported as by different outlets - the one wording says what happened, the other what it was:
# an explosion or fire (EM-DAT technological) that another report calls the attack it was (PLOVER ASSAULT;
# not a battle: occupations, incursions and clashes are no explosion's cause told otherwise); a fire and
# the wildfire it is; a flight and the evacuation of the same people (UNHCR/IDMC); an airlift of aid and
# the evacuation it flies; a gathering (vigil, march) and the demonstration it is; a natural hazard and the
# collapse, fire or "Unglück" it brings (EM-DAT's natural hazard that triggers a technological disaster: houses
# fallen in a quake, a roof under a storm's snow, a bridge taken by a flood - told as a collapse by one outlet,
# as the quake by another).
KINDRED: tuple[tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]]], ...] = (
    (("ASSAULT", WEAPONS | {"attack", "kill", "aerial"}), ("ACCIDENT", BLAST)),
    (("DISASTER", frozenset({"wildfire"})), ("ACCIDENT", frozenset({"fire"}))),
    # what a hazard brings: a quake or a storm (lightning) fires too, a flood or a landslide no fire ("Hochwasser" and
    # a house fire of one town and day are two events: water sets none)
    (("DISASTER", QUAKE | frozenset({"storm"})), ("ACCIDENT", frozenset({"collapse", "fire", "accident"}))),
    (("DISASTER", frozenset({"flood", "landslide"})), ("ACCIDENT", frozenset({"collapse", "accident"}))),
    (("DISPLACE", MOVEMENT), ("EVACUATE", ANY)),
    (("AID", frozenset({"humanitarian"})), ("EVACUATE", ANY)),
    (("PROTEST", DEMO), ("GATHER", ANY)),
)


def _families() -> dict[str, str]:
    """Type -> the family its clusters are looked for in: the types KINDRED links, directly or through others."""
    fam = {t: t for pair in KINDRED for t, _ in pair}
    for _ in KINDRED:                                  # as many rounds as links: each may join two families
        for (a, _), (b, _) in KINDRED:
            old, new = fam[b], fam[a]
            fam = {t: new if f == old else f for t, f in fam.items()}
    return fam


TYPE_FAMILY = _families()
# The type a merged event of kindred types takes: what it was (an attack) over how it showed (an explosion);
# equal ranks go by the number of mentions
TYPE_RANK = {"ASSAULT": 2, "DISASTER": 2, "ACCIDENT": 1, "PROTEST": 1}
TIED = ("ASSAULT", "ACCIDENT", "DISASTER")   # kindred kinds of these join only where something ties them


def _family(etype: str) -> str:
    return TYPE_FAMILY.get(etype, etype)


def _mode_ok(a: Event, mode: str | None) -> bool:
    """Can a mention of this mode join a member of `mode` (of the same type)?"""
    return a.type == "CONSULT" or a.mode is None or mode is None or a.mode == mode or \
        a.mode in GENERIC_MODES or mode in GENERIC_MODES or any(a.mode in f and mode in f for f in MODE_FAMILIES)


def _in(kind: tuple[str, frozenset[str]], etype: str, mode: str | None) -> bool:
    return etype == kind[0] and (kind[1] is ANY or mode in kind[1])


def _kin_ok(a: Event, etype: str, mode: str | None) -> bool:
    """Can mention `a` join a member of this type and mode: the same type and a fitting mode, or kindred types?"""
    if a.type == etype:
        return _mode_ok(a, mode) or any(a.mode in f and mode in f for f in KIN_MODES)
    return any((_in(x, a.type, a.mode) and _in(y, etype, mode)) or (_in(y, a.type, a.mode) and _in(x, etype, mode))
               for x, y in KINDRED)


def _story(ev: Event, story_of: Mapping[str, str] | None) -> str:
    """The story an event mention belongs to: its article's (an article the map lacks is a story of its own)."""
    if story_of is None:
        return ""
    art = ev.articles[0] if ev.articles else ev.id
    return story_of.get(art) or f"article:{art}"


def _year(t: TimeValue | None) -> int | None:
    return int(t.value[:4]) if t and t.value and t.value[:4].isdigit() else None


def _mark_historical(events: Sequence[Event], story_of: Mapping[str, str] | None) -> list[Event]:
    """An event told with a year two or more before the story's latest ("1995 geboren", "der Anschlag
    von 2004" in a story of 2015) is background: status historical, kept off the timeline and map. The frame
    of a story whose articles are dated is what it tells as happened: a vote planned for a later year ("die
    Wahl 2028") moves it not; an undated story takes it from all its years. So is one its article dates more
    than half a year before its story's frame (`_before_frame`), whatever the years."""
    latest: dict[str, int] = {}
    dated = {_story(e, story_of) for e in events if e.time is not None and e.time.basis == "publication date"}
    for e in events:
        y = _year(e.time)
        k = _story(e, story_of)
        if y is not None and (k not in dated or _status_class(e.status) != "planned"):
            latest[k] = max(latest.get(k, y), y)
    told = _story_frames(_article_frames(events), events, story_of)
    out = []
    for e in events:
        y = _year(e.time)
        frame = latest.get(_story(e, story_of))
        old_year = y is not None and frame is not None and e.time is not None and e.time.basis == "expression" \
            and y < frame - 1
        if e.status == "reported" and (old_year or _before_frame(e, told.get(_story(e, story_of)))):
            e = replace(e, status="historical")
        out.append(e)
    return out


# A report tells what happened in the days and weeks before it: an occurrence the article's dates (its own
# expression or the narrative's) put more than half a year before the article's date or the latest occurrence it
# tells (a trial's report of the bombing it judges, "am 19. August des Vorjahres" in a report of June, the
# anniversary of a disaster) is the background of that one, whatever the years - unless it lies in the story's
# frame: no more than that before the frame of the story's earliest article (a deployment of autumn told as
# current by the autumn's reports stays current in the next summer's report of the same story).
FRAME_DAYS = 180
DATED_BY_TEXT = ("expression", "narrative")


def _dated_span(e: Event, bases: tuple[str, ...] = DATED_BY_TEXT) -> tuple[int, int] | None:
    """The days an event's time covers, where it is of one of these bases and names its year and at least a month."""
    w = _when(e.time)
    if e.time is None or e.time.basis not in bases or w is None or w.year is None or w.future \
            or not (w.month or w.season):
        return None
    return _span(replace(w, upto=False), w.year)


def _article_frames(events: Sequence[Event]) -> dict[str, int]:
    """Article -> the first day of the latest occurrence it tells as happened (status reported, dated to the month
    by the text) or its own date (an event dated by the publication date)."""
    frames: dict[str, int] = {}
    published: dict[str, int] = {}
    for e in events:
        span = _dated_span(e, ("publication date",)) if e.status == "reported" else None
        if span is not None and e.articles:
            published[e.articles[0]] = max(published.get(e.articles[0], span[0]), span[0])
    for e in events:
        span = _dated_span(e, (*DATED_BY_TEXT, "publication date")) if e.status == "reported" else None
        # nothing told as happened lies after the article's own date: an occurrence dated later is one the status
        # misread ("Die Bewohner werden im Herbst evakuiert" reported) and would push the frame into the future
        if span is not None and e.articles and span[0] <= published.get(e.articles[0], span[0]):
            frames[e.articles[0]] = max(frames.get(e.articles[0], span[0]), span[0])
    return frames


def _story_frames(frames: Mapping[str, int], events: Sequence[Event],
                  story_of: Mapping[str, str] | None) -> dict[str, int]:
    """Story -> the frame of its earliest article (`_article_frames`)."""
    out: dict[str, int] = {}
    for e in events:
        frame = frames.get(e.articles[0]) if e.articles else None
        if frame is not None:
            k = _story(e, story_of)
            out[k] = min(out.get(k, frame), frame)
    return out


def _before_frame(e: Event, frame: int | None) -> bool:
    """The event's own dates end more than FRAME_DAYS before `frame` (its story's, `_story_frames`)."""
    span = _dated_span(e)
    return span is not None and frame is not None and span[1] < frame - FRAME_DAYS


class Known:
    """What merging reads of the whole dossier, indexed once for all the blocks merged with it: the
    canonical entities (`Parties`) and each claim's group. Built per call instead, merging the
    stories of a dossier one by one would cost stories x entities."""

    def __init__(self, entities: Sequence[Entity] = (), groups: Sequence[ClaimGroup] | None = None,
                 articles: Collection[str] | None = None):
        self.parties = Parties(entities, articles)     # `articles`: of the events merged with it (Parties)
        self.group_of: dict[str, ClaimGroup] = {}
        for g in groups or ():
            for cid in g.members:
                self.group_of[cid] = g


def merge_events(events: Sequence[Event], entities: Sequence[Entity] = (),
                 groups: Sequence[ClaimGroup] | None = None,
                 story_of: Mapping[str, str] | None = None, *, known: Known | None = None) -> list[Event]:
    """Cluster event mentions into events; ids are stable (the first member's id).

    story_of: article id -> story id; mentions of different stories never merge (None: all
    articles tell one story). known: the entities and groups indexed once (`Known`), used
    instead of `entities` and `groups` (a caller merging many blocks builds it once)."""
    known = known or Known(entities, groups)
    parties, group_of = known.parties, known.group_of
    events = _mark_historical(events, story_of)
    info = []
    for ev in events:
        actor, target = parties.resolve(ev.actor, ev), parties.resolve(ev.target, ev)
        gs = {group_of[c].id for c in ev.figures if c in group_of}
        mags: dict[str, float] = {}
        for c in ev.figures:
            g = group_of.get(c)
            figure = None if g is None else g.best if g.best is not None else g.high
            if g and g.measure and (g.best or g.high) is not None and figure is not None:
                mags[g.measure.kind] = max(mags.get(g.measure.kind, 0.0), float(figure))
        info.append((ev, actor, target, gs, mags, _when(ev.time), _story(ev, story_of)))
    # Best documented first: they found the clusters the vaguer mentions join.
    def rank(i: int) -> tuple[int, int, int, str, str]:
        ev, when = info[i][0], info[i][5]
        return (-(len(info[i][3]) > 0), -(when is not None and not when.upto),
                -PLACE_RANK.get((ev.place.precision or "") if ev.place else "", 0),
                ev.articles[0] if ev.articles else "", ev.id)

    order = sorted(range(len(info)), key=rank)
    clusters: list[Cluster] = []
    open_: dict[tuple[str, str], list[Cluster]] = defaultdict(list)   # (story, type family) -> its clusters
    for i in order:
        ev, actor, target, gs, mags, when, story = info[i]
        best: Cluster | None = None
        best_score: tuple[float, int] = (-1.0, 0)
        for cl in open_[(story, _family(ev.type))]:
            score = _fit(cl, ev, actor, target, gs, mags, when)
            # Equal fits go to the cluster more of the story's articles report: a mention that nothing tells apart
            # ("die Grenzen wurden geschlossen", no place, no day) most likely tells the occurrence the outlets
            # report, not one a single report names at a town of its own; the order clusters were founded in
            # (by how precisely their first mention is placed) says nothing about that
            if score is not None and (score, len(cl.in_articles)) > best_score:
                best, best_score = cl, (score, len(cl.in_articles))
        if best is None:
            best = Cluster(story=story)
            clusters.append(best)
            open_[(story, _family(ev.type))].append(best)
        _join(best, info[i])
    joined = {id(b) for group in open_.values() for b in _rejoin(group, info)}
    clusters = [c for c in clusters if id(c) not in joined]
    out = _attach_tolls([_combine(c) for c in clusters], group_of)
    out.sort(key=lambda e: (e.time.value if e.time and e.time.value else "9999", e.id))
    return out


def _join(c: Cluster, item: tuple) -> None:
    """Add a mention (its `merge_events` info row) to a cluster."""
    ev, actor, target, gs, mags = item[:5]
    if c.members and ev.type in SYMMETRIC and not _straight(c, actor, target):
        actor, target = target, actor                  # "B traf A" joins "A traf B" the cluster's way round
    c.add(ev, actor, target)
    c.groups |= gs
    for k, v in mags.items():
        c.magnitude[k] = max(c.magnitude.get(k, 0.0), v)


def _rejoin(group: list[Cluster], info: list[tuple]) -> list[Cluster]:
    """The clusters of one story and type family that the greedy order left apart though they tell one occurrence
    at a place both name: a report naming a town first founds a cluster of its own where the cluster that comes to
    name that town later (another outlet's report of a flow over several crossings) did not name it yet ("another
    town"). A later cluster joins an earlier one where they share a place's name and every one of its mentions fits
    the earlier cluster (`_fit`, as it stands then); returns the clusters so joined into another."""
    row = {id(item[0]): item for item in info}
    joined: list[Cluster] = []
    for k, b in enumerate(group):
        if not b.place_names:
            continue
        for a in group[:k]:
            if any(a is j for j in joined) or not (a.place_names & b.place_names):
                continue
            items = [row[id(ev)] for ev in b.members]
            if all(_fit(a, ev, actor, target, gs, mags, when) is not None
                   for ev, actor, target, gs, mags, when, _ in items):
                for item in items:
                    _join(a, item)
                joined.append(b)
                break
    return joined


TOLL_EVENTS = ("ASSAULT", "DISASTER", "ACCIDENT")
# Events a toll may be told of besides those: people die at a protest turned riot (ACLED counts the fatalities of its
# riots and protests), where the killing and the protest are one occurrence told by two words of one sentence
# ("Bei den gewaltsamen Protesten wurden 30 Menschen getötet"); a closure, a meeting or a demand kills no one
DEADLY = (*TOLL_EVENTS, "PROTEST")
TOLL_KINDS = ("killed", "injured", "killed_or_injured", "missing")


def _attach_tolls(events: list[Event], group_of: Mapping[str, ClaimGroup]) -> list[Event]:
    """The casualty figures of the story's claim groups join the event they belong to: a toll group (killed,
    injured, missing) of which exactly one attack, disaster or accident holds a figure brings it all its
    figures, and the articles that report them ("130 Tote" in an article naming no attack is that attack's
    toll). A group two events hold is left as it is (which one it belongs to is not known). The figures of a group
    so joined to its one toll event leave the other current (not background) events that hold them: a toll told in
    the sentence of what followed the attack ("nach den Anschlägen mit 130 Toten schloss die Regierung die Grenzen",
    "Trauernde gedachten der 40 Toten des Bebens") counts the attack's dead, not the closure's or the vigil's; a
    protest or a force used at a place keeps them (`DEADLY`, `FORCE`: the dead of a riot or a raid are its own)."""
    holders: dict[str, list[Event]] = defaultdict(list)
    groups: dict[str, ClaimGroup] = {}               # only the groups the events hold: a block's, not the dossier's
    for e in events:
        if e.type in TOLL_EVENTS and e.status not in BACKGROUND_STATUSES:
            for g in {group_of[c].id: group_of[c] for c in e.figures if c in group_of}.values():
                holders[g.id].append(e)
                groups[g.id] = g
    for gid, evs in holders.items():
        g = groups[gid]
        if len(evs) != 1 or g.measure is None or g.measure.kind.split(":")[0] not in TOLL_KINDS:
            continue
        e = evs[0]
        e.figures = list(dict.fromkeys([*e.figures, *g.members]))
        e.articles = list(dict.fromkeys([*e.articles, *(c.split("#", 1)[0] for c in g.members)]))
        tolls = set(g.members)
        for other in events:
            if other.type not in DEADLY and (other.type, other.mode) not in FORCE \
                    and other.status not in BACKGROUND_STATUSES and tolls & set(other.figures):
                other.figures = [f for f in other.figures if f not in tolls]
    return events


def _fit(c: Cluster, ev: Event, actor: Party | None, target: Party | None, gs: set[str],
         mags: dict[str, float], when: When | None) -> float | None:
    """How well an event mention fits a cluster; None where something contradicts."""
    if not all(_kin_ok(ev, t, mode) for t, mode in c.kinds):
        return None
    strong = bool(gs & c.groups)
    if not _status_ok(c.statuses, _status_class(ev.status), strong):
        return None
    wide = ev.type in WIDE or any(t in WIDE for t, _ in c.kinds)
    slack = max(_slack(t, m) for t, m in {*c.kinds, (ev.type, ev.mode)})
    if not all(_place_ok(p, ev.place, wide) for p in c.places.values()) or \
            not all(_time_ok(w, when, slack) for w in c.whens):
        return None
    named = bool(ev.place and ev.place.name in c.place_names)
    night = slack == 1 and _own_clock([*c.places.values(), ev.place])     # the parts of the day tell (`_one_night`)
    if ev.type not in AREA_TYPES and (ev.type, ev.mode) in c.kinds and (
            (not named and not c.in_articles & set(ev.articles) and
             any(_other_town(p, ev.place, _held(c)) for p in c.places.values())) or
            (not any(_in((t, ALL_ITS_DAYS.get(t, frozenset())), t, m) for t, m in {*c.kinds, (ev.type, ev.mode)})
             and not all(_weekdays_ok(w, when, min(slack, 1)) and (not night or _one_night(w, when))
                         for w in c.whens if w is not None and when is not None)) or
            (night and when is not None and not all(
                _one_night(w, when, one_report=True) for a in ev.articles for w in c.article_whens.get(a, ())
                if w is not None))):
        return None                                    # another report of its kind in another town, or on another
        #                                                day (told by another article or further on in the same one);
        #                                                a town the cluster names is its own, whatever other towns
        #                                                one report told it at (a flow over two border crossings)
    for kind, v in mags.items():
        other = c.magnitude.get(kind)
        if other and not strong and ev.type in SIZED and max(v, other) > 3 * min(v, other):
            return None                                # 6,000 builders are not 25,000 soldiers
    if not _parties_ok(c, actor, target, ev.type in SYMMETRIC):
        return None
    if ev.type in TIED and not any(t == ev.type and _mode_ok(ev, m) for t, m in c.kinds) and \
            not (strong or _same_day(when, c.whens, slack, night) or _place_ties(c, ev.place, named)):
        # kindred kinds of violence (a shooting and a bombing, an explosion and an attack) are one occurrence
        # only where something ties them beyond not contradicting: a shared figure, the same place or one
        # holding the other (a quake in a province, a house collapsed in its town), the same day (a suspect
        # shot in a raid days after a bombing, its place and day unknown, is not the bombing);
        # a cluster already tied to the mention's own kind needs no second tie; a flight and its arrival are
        # told at their two ends, a place never ties them
        return None
    score = 10.0 * strong
    score += 2.0 * any(a in c.in_articles for a in ev.articles)
    score += 1.0 * any(actor and actor.id == a.id for a in c.actor_set)
    score += 1.0 * any(target and target.id == t.id for t in c.target_set)
    score += 1.0 * named
    return score


def _status_ok(statuses: set[str], status: str, strong: bool) -> bool:
    """Can a mention of this status class join a cluster of these? One of its own class, yes; another class only by a
    shared figure, which joins what was planned with what happened - never the background with the story's own events
    ("nach zuletzt 50 Prozent, als sich X 2010 der Wiederwahl stellte" is not this year's vote). A cluster a shared
    figure has already joined a plan and its occurrence in ("ein Anschlag geplant" and "der Anschlag" with one toll)
    takes a further plain report of the occurrence without one: asking every member's class had shut it to each later
    report, which then stood as an event of its own beside it. A further plan without a figure still joins plans only:
    beside what happened, "Die Gewerkschaft droht mit weiteren Streiks" may be the next round as well as the one held,
    and its vote would count the occurrence back into a plan (`_combine`)."""
    if status in BACKGROUND_STATUSES or any(s in BACKGROUND_STATUSES for s in statuses):
        return all(s == status for s in statuses)
    return strong or statuses == {status} or (status == "reported" and status in statuses)


def _place_ties(c: Cluster, place: Place | None, named: bool) -> bool:
    """A town or region ties a mention to a cluster: the same name, or one holding the other; the same country does
    not (a quake "in Neuseeland" is not every collapse there). Asked only where a kindred kind needs a tie."""
    return place is not None and ((named and place.precision != "country") or
                                  any(_holds(p, place) or _holds(place, p) for p in c.places.values() if p is not None))


def _same_day(when: When | None, whens: set[When | None], slack: int, night: bool = True) -> bool:
    """A day the text names (not a publication date) that a member's named day meets within `slack` days (a day apart
    over the night between only, `_one_night`, where `night`: the parts of the day tell)."""
    if when is None or when.upto or not when.day:
        return False
    for w in whens:
        if w is not None and not w.upto and w.day:
            year = when.year or w.year or 2000
            mine, other = _span(when, year), _span(w, year)
            if mine and other and abs(other[0] - mine[0]) <= slack and (slack != 1 or not night or _one_night(w, when)):
                return True
    return False


def _straight(c: Cluster, actor: Party | None, target: Party | None) -> bool:
    return all(_party_ok(actor, a) for a in c.actor_set) and all(_party_ok(target, t) for t in c.target_set)


def _parties_ok(c: Cluster, actor: Party | None, target: Party | None, symmetric: bool) -> bool:
    straight = _straight(c, actor, target)
    if straight:
        # someone who only ever acted here must not turn up as the other side
        return symmetric or not any(actor and actor.type == "PER" and actor.id == t.id for t in c.target_set)
    # A meets B is B meets A; a report naming one side only ("die Türkei beim Gipfel") names either of them
    if symmetric and (actor is not None or target is not None) and c.actor_set and c.target_set:
        return all(_party_ok(actor, t) for t in c.target_set) and all(_party_ok(target, a) for a in c.actor_set)
    return False


def _pick(parties: list[Party]) -> str | None:
    if not parties:
        return None
    counts = Counter(p.id for p in parties)
    by_id = {p.id: p for p in parties}
    # a named person or organisation says more than its state, where both occur equally often
    best = max(counts, key=lambda i: (counts[i], by_id[i].type in ("PER", "ORG")))
    return by_id[best].name


def _distinct_spans(spans: Iterable[Span]) -> list[Span]:
    """Each stretch of text once: two events read in one sentence (a flood and what it flooded, "wegen des
    Hochwassers ... überflutet") share their evidence, and merged they would show it twice."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for s in spans:
        if (s.article, s.start, s.end) not in seen:
            seen.add((s.article, s.start, s.end))
            out.append(s)
    return out


def _majority(statuses: Iterable[str]) -> str:
    """The status most of these read; a tie reads what happened ("reported")."""
    counts = Counter(statuses)
    return max(counts, key=lambda s: (counts[s], s == "reported"))


def _merged_status(members: list[Event]) -> str:
    """The status of one occurrence its members tell: each article's reading (the majority of its own mentions) votes
    once. An outlet that repeats a plan in three sentences is one report of the plan, and it does not outvote another
    outlet's report that it happened (a plan that then happened is one occurrence that happened, `_majority`'s tie);
    a plan that more reports still call a plan stays planned. One article's event reads as before."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for e in members:
        by_article[e.articles[0] if e.articles else e.id].append(e.status)
    return _majority(_majority(told) for told in by_article.values())


def _combine(c: Cluster) -> Event:
    members = sorted(c.members, key=lambda e: e.id)
    first = members[0]
    status = _merged_status(members)
    types = Counter(e.type for e in members)          # kindred types: what it was over how it showed
    etype = max(types, key=lambda t: (TYPE_RANK.get(t, 0), types[t], t == first.type))
    typed = [e for e in members if e.type == etype]
    modes = Counter(e.mode for e in typed if e.mode and e.mode not in GENERIC_MODES) or \
        Counter(e.mode for e in typed if e.mode)
    mode = modes.most_common(1)[0][0] if modes else None
    acled = Counter(e.acled_type for e in typed if e.acled_type and e.mode == mode) or \
        Counter(e.acled_type for e in typed if e.acled_type)
    return Event(
        id=first.id,
        type=etype,
        acled_type=acled.most_common(1)[0][0] if acled else None,
        mode=mode,
        actor=_pick(c.actors),
        target=_pick([t for t in c.targets if not c.actors or t.id not in {a.id for a in c.actors}]),
        place=_best_place([e.place for e in members], etype,
                          [e.articles[0] if e.articles else e.id for e in members]),
        time=_merge_time([e.time for e in members]),
        status=status,
        figures=list(dict.fromkeys(f for e in members for f in e.figures)),
        sources=list(dict.fromkeys(s for e in members for s in e.sources)),
        articles=list(dict.fromkeys(a for e in members for a in e.articles)),
        evidence=_distinct_spans(s for e in members for s in e.evidence),
        trigger=typed[0].trigger,
    )
