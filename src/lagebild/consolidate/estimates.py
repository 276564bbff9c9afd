"""Reconciliation: one low / best / high per claim group, and whether its sources agree.

`reconcile(group, members, articles)` fills ``group.low``, ``best``, ``high``,
``rule``, ``n_sources``, ``status`` and ``explanation`` (and ``label`` if empty).
The rule is UCDP's low/best/high, not ACLED's single most conservative figure,
because a situation picture must show how far reports differ, not hide it
(see docs/RECONCILIATION.md):

- every member is read as a **report**: bounds from its qualifier
  (``mindestens 14`` -> [14, open), ``bis zu 30.000`` -> (none, 30000],
  ``Tausende`` -> 2000..9999), a point estimate and a weight (exact 1, bound-only
  0.5, vague 0.25; hedged and disputed halve it; denied figures are left out);
- reports are joined into **independent sources**: one cited source (``Polizei``)
  counts once however many outlets relay it; unattributed figures count once per
  agency (``Article.agencies``), wire copy (``Article.duplicate_of``) or outlet;
- **status**: ``single`` (one independent source, one figure), ``agree``
  (every pair of figures is compatible within rounding tolerance), ``evolution``
  (a cumulative count - killed, injured, displaced - that grows with later
  publication / reference dates) or ``disagree`` (anything else);
- **low** = lowest credible lower bound, **high** = highest credible upper bound
  (None where no report bounds it), **best** = weighted median of the latest
  point estimate of each independent source (the lower middle on a tie, so best
  is always a reported figure or the midpoint of a reported range). When the
  figure evolved, only the latest reports count: older ones are history.

Pure: no I/O; the same inputs give the same result.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations, pairwise

from ..lang.de import rows, words
from ..model import QUALIFIERS, Article, Claim, ClaimGroup
from .timeline import interval

# Counts that only grow while a situation goes on: a later, higher figure is news, not a contradiction.
CUMULATIVE = frozenset({"killed", "injured", "killed_or_injured", "displaced"})
# Readings on a scale (an earthquake's magnitude, a warning level): stations and scales differ, so two values
# are a measurement spread, never a disagreement of sources.
READINGS = frozenset({"rating"})

# How much a report's point estimate weighs in `best`.
QUALIFIER_WEIGHT = {"exact": 1.0, "approx": 1.0, "at_least": 0.5, "more_than": 0.5, "at_most": 0.5,
                    "less_than": 0.5, "vague": 0.25}
HEDGED_FACTOR = 0.5        # "offenbar", "sollen", "Schätzungen zufolge"
DISPUTED_FACTOR = 0.5      # someone contradicts it in the next sentence
DENIED_WEIGHT = 0.25       # only used when every member is denied

# Relative slack when two figures are compared: "etwa" means roughly; reporters round large figures
# (11.000 vs 11.200), while small counts are counted (14 dead are not 15).
TOLERANCE = {"approx": 0.10, "vague": 0.0}
DEFAULT_TOLERANCE = 0.02
ROUNDED_FROM = 1000        # figures from here on get DEFAULT_TOLERANCE; below it, none
VAGUE_STRETCH = 1.5        # "Tausende" is not contradicted by "11.000": vague words stretch upwards



@dataclass
class Report:
    """One member claim as reconciliation reads it."""

    claim: Claim
    lo: float | None                 # lower bound it gives; None: it gives none ("bis zu 30.000")
    hi: float | None                 # upper bound; None: open ("mindestens 14")
    lo_open: bool                    # "mehr als 110": strictly above
    hi_open: bool                    # "weniger als 50": strictly below
    point: float                     # its point estimate
    weight: float
    published: tuple[dt.date, dt.date] | None = None    # when it was reported (article date)
    ref: tuple[dt.date, dt.date] | None = None          # the time the figure refers to
    date: str | None = None          # for explanations
    who: str = ""                    # for explanations: source, else outlet / agency / article
    origin: int = 0                  # index of its independent source
    slack: tuple[float, float, bool, bool] = (-math.inf, math.inf, False, False)   # bounds compared with slack

    @property
    def as_of(self) -> tuple[dt.date, dt.date] | None:
        return self.published or self.ref


@dataclass
class Origin:
    """One independent source: the reports that go back to it."""

    reports: list[Report] = field(default_factory=list)


# --- reading one claim ---------------------------------------------------------------------------


def _check(c: Claim) -> None:
    where = f"claim {c.id or c.start!r} in article {c.article!r}"
    for name in ("low", "high"):
        v = getattr(c, name)
        if not isinstance(v, (int, float)) or isinstance(v, bool) or math.isnan(v):
            raise ValueError(f"{where}: {name} is not a number: {v!r}")
    if c.low > c.high:
        raise ValueError(f"{where}: low {c.low} is above high {c.high}")
    if c.qualifier not in QUALIFIERS:
        raise ValueError(f"{where}: unknown qualifier {c.qualifier!r} (expected one of {', '.join(QUALIFIERS)})")


def bounds(c: Claim) -> tuple[float | None, float | None, bool, bool]:
    """(lower, upper, lower open, upper open) a claim asserts; None = no bound on that side."""
    q = c.qualifier
    if q == "at_least":
        return c.low, None, False, False
    if q == "more_than":
        return c.low, None, True, False
    if q == "at_most":
        return None, c.high, False, False
    if q == "less_than":
        return None, c.high, False, True
    return c.low, c.high, False, False          # exact, approx, vague: the stated range


def point(c: Claim) -> float:
    """A claim's point estimate: a range's midpoint, a bound's figure, a vague word's lower end."""
    if c.qualifier in ("at_least", "more_than", "vague"):
        return c.low                             # conservative: "Tausende" is at least 2000
    if c.qualifier in ("at_most", "less_than"):
        return c.high
    return (c.low + c.high) / 2


def weight(c: Claim) -> float:
    """How much a claim counts towards `best`."""
    if c.stance == "denied":
        return DENIED_WEIGHT
    w = QUALIFIER_WEIGHT[c.qualifier]
    if c.hedged:
        w *= HEDGED_FACTOR
    if c.stance == "disputed":
        w *= DISPUTED_FACTOR
    return w


def compatible(a: Claim, b: Claim) -> bool:
    """Can both figures be true at once, allowing for rounding, "etwa" and vague words?"""
    return _meet([_slack(a), _slack(b)])


def _meet(slacks: Sequence[tuple[float, float, bool, bool]]) -> bool:
    """Do these intervals share a point? On a line, intervals that meet pairwise all share one (Helly),
    so this is also "every pair is compatible", in linear time."""
    lo = max(x[0] for x in slacks)
    hi = min(x[1] for x in slacks)
    if lo != hi:
        return lo < hi
    # touching: fine unless a bound that touches is open ("mehr als 100" vs "100")
    return not any((x[0] == lo and x[2]) or (x[1] == hi and x[3]) for x in slacks)


def all_compatible(reports: Sequence[Report]) -> bool:
    """Is every pair of these reports compatible?"""
    return len(reports) < 2 or _meet([r.slack for r in reports])


def _slack(c: Claim) -> tuple[float, float, bool, bool]:
    lo, hi, lo_open, hi_open = bounds(c)
    tol = TOLERANCE.get(c.qualifier, DEFAULT_TOLERANCE if max(abs(c.low), abs(c.high)) >= ROUNDED_FROM else 0.0)
    lo = -math.inf if lo is None else lo - abs(lo) * tol
    hi = math.inf if hi is None else hi + abs(hi) * tol
    if c.qualifier == "vague":
        hi = c.high * VAGUE_STRETCH
    return lo, hi, lo_open and tol == 0, hi_open and tol == 0


# --- independence ---------------------------------------------------------------------------------


def _root(article_id: str, articles: Mapping[str, Article]) -> str:
    """The original of a chain of wire copies."""
    seen = {article_id}
    a = articles.get(article_id)
    while a is not None and a.duplicate_of and a.duplicate_of not in seen:
        seen.add(a.duplicate_of)
        article_id = a.duplicate_of
        a = articles.get(article_id)
    return article_id


def _agency(name: str) -> str | None:
    from ..ingest.cleaning import (
        agency,  # a pure lookup table; imported late to keep this module light
    )
    return agency(name)


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def same_person(a: str, b: str) -> bool:
    """Spellings of one person: "Sergej Schoigu" / "Sergei Schoigu" / "Schoigu" (transliterations vary)."""
    ta, tb = _norm(a).split(), _norm(b).split()
    if not ta or not tb or SequenceMatcher(None, ta[-1], tb[-1]).ratio() < 0.8:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True                              # the surname alone
    return SequenceMatcher(None, " ".join(ta[:-1]), " ".join(tb[:-1])).ratio() >= 0.75


def _person_names(members: Sequence[Claim]) -> dict[str, str]:
    """Each person source's name -> the first spelling of that person among the members."""
    canon: dict[str, str] = {}
    seen: list[str] = []
    for c in members:
        for s in c.sources[:1]:
            if s.kind == "person" and s.name not in canon:
                canon[s.name] = next((x for x in seen if same_person(x, s.name)), s.name)
                seen.append(s.name)
    return canon


def origin_keys(c: Claim, articles: Mapping[str, Article], persons: Mapping[str, str] | None = None) -> set[str]:
    """What a claim's figure goes back to: its cited source, else its article's agency, outlet or original."""
    name = c.sources[0].name if c.sources else c.source
    if name:
        ag = _agency(name)
        name = (persons or {}).get(name, name)
        return {f"agency:{_norm(ag)}" if ag else f"source:{_norm(name)}"}
    a = articles.get(c.article)
    root = _root(c.article, articles)
    keys = {f"article:{root}"}
    if a is not None and a.agencies:
        keys |= {f"agency:{_norm(x)}" for x in a.agencies}
    elif a is not None and a.outlet:
        keys.add(f"outlet:{_norm(a.outlet)}")
    return keys


def independent_sources(members: Sequence[Claim], articles: Mapping[str, Article]) -> list[list[Claim]]:
    """Members joined by what they go back to; each inner list is one independent source."""
    origins = _origins([_read(c, articles) for c in members], articles)
    return [[r.claim for r in o.reports] for o in origins]


def _origins(reports: list[Report], articles: Mapping[str, Article]) -> list[Origin]:
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    copies: dict[tuple[str, float, float, str], int] = {}
    persons = _person_names([r.claim for r in reports])
    for i, r in enumerate(reports):
        c = r.claim
        for k in origin_keys(c, articles, persons):
            if k in owner:
                parent[find(i)] = find(owner[k])
            else:
                owner[k] = i
        # the same figure in a wire copy is the same report, even where attribution was read differently
        ck = (_root(c.article, articles), c.low, c.high, c.qualifier)
        if ck in copies and reports[copies[ck]].claim.article != c.article:
            parent[find(i)] = find(copies[ck])
        copies.setdefault(ck, i)
    out: dict[int, Origin] = {}
    for i, r in enumerate(reports):
        o = out.setdefault(find(i), Origin())
        o.reports.append(r)
    result = list(out.values())
    for n, o in enumerate(result):
        for r in o.reports:
            r.origin = n
    return result


# --- time -----------------------------------------------------------------------------------------


# A clause ends at a comma (not a decimal comma), semicolon, colon or dash.
CLAUSE_END = re.compile(r",(?!\d)|[;:–]")


def _clause(c: Claim, ends: re.Pattern[str] = CLAUSE_END) -> str:
    """The figure's clause: its sentence cut at the clause ends around the figure."""
    s = c.sentence or ""
    at = s.find(c.text)
    if at < 0:
        return s
    lo = max((m.end() for m in ends.finditer(s, 0, at)), default=0)
    end = ends.search(s, at + len(c.text))
    return s[lo:end.start() if end else len(s)]


# "ander-" before a noun of reporting in a source's frame in a figure's clause ("nach anderen Angaben", "laut anderen
# Quellen", "nach Angaben anderer Quellen", "anderen Berichten zufolge"): the figure is another source's word, though
# the article names no one for it. Without the frame the noun may name no report ("in anderen Kreisen" of a country,
# "mit anderen Worten")
OTHER_REPORT = re.compile(r"(?<![\wäöüß])(?:nach|laut|gemäß)\s+(?:[a-zäöüß]+\s+){0,2}?andere[nrs]?\s+([a-zäöüß]+)"
                          r"|(?<![\wäöüß])andere[nrs]?\s+([a-zäöüß]+)\s+zufolge\b")
# the other source's figure is often an aside in brackets ("37 Kilometer (nach anderen Angaben 46)"): a bracket ends
# a clause for that reading
ASIDE_END = re.compile(r",(?!\d)|[;:–()]")


def other_voice(c: Claim) -> bool:
    """Is the figure given on another's word than the article's named source - "ander-" before a noun of reporting
    (lang/de/reporting_nouns.txt) in a source's frame (`OTHER_REPORT`: "nach anderen Angaben 500", "anderen Berichten
    zufolge 65") in its clause? Two figures of one quantity then come from two sources, one of them unnamed."""
    nouns = tuple(words("reporting_nouns"))
    return any(noun.startswith(nouns) and len(noun) <= len(next(n for n in nouns if noun.startswith(n))) + 3
               for noun in (a or b for a, b in OTHER_REPORT.findall(_clause(c, ASIDE_END).lower())))


def running_total(c: Claim) -> bool:
    """Is the figure a running total, counted up to the report's time ("Seit Oktober wurden 24 Israelis getötet",
    "bisher", "damit", "stieg auf"; `lang/de/running_totals.txt`), not the count of one incident?"""
    return any(w in words("running_totals") for w in re.findall(r"[a-zäöüß]+", _clause(c).lower()))


def superseded(c: Claim) -> bool:
    """Is the figure marked as an earlier statement of a count ("laut vorläufigem Endergebnis 25 Stimmen",
    "ursprünglich war von 30 Verletzten die Rede"; lang/de/superseded_markers.txt, words of its clause)?"""
    return any(w in words("superseded_markers") for w in re.findall(r"[a-zäöüß]+", _clause(c).lower()))


def first_then_now(old: Claim, new: Claim) -> bool:
    """Does an article give a count first said and the count now, one sentence or two ("Zunächst war von acht Toten
    die Rede, inzwischen spricht die Polizei von elf")? The old figure's sentence says, before it, what was said first
    (lang/de/first_report_markers.txt; "Anfangs hieß es, 20 seien verletzt": the marker on the verb of saying), the
    new one's clause is a running total's ("inzwischen", "stieg auf": `running_total`) and the old one's is not -
    "zunächst" alone orders events too ("Zunächst wurden 300 evakuiert, später weitere 200"): only a count given as
    now beside it makes it an earlier statement, and only where the marker stands on a saying (`said_first`)."""
    if old.article != new.article or old is new or not running_total(new) or running_total(old):
        return False
    return said_first(old)


# Words of saying, for the word rules: the finite forms and participles of speech and report verbs
# (lang/de/speech_verb_forms.tsv), and "Rede" of "war von acht Toten die Rede" (saying with no verb of saying)
SAYING = frozenset(form for row in rows("speech_verb_forms") for form in row[0].split()) | {"rede"}


def said_first(c: Claim) -> bool:
    """Is the figure given as what was said first of its count: a first report's marker (first_report_markers.txt)
    in a clause of saying up to the figure's own ("Zunächst war von acht Toten die Rede", "Anfangs hieß es, 20 seien
    verletzt", "Zunächst meldeten die Behörden 25 Tote")? On the deed itself the marker tells the first of the events
    ("Zunächst wurden zwei Passanten erstochen", "Wie die Polizei mitteilte, nahmen die Beamten zunächst zwölf
    Verdächtige fest": the saying is another clause) - an incident beside a running total, not an earlier count."""
    sentence = c.sentence or ""
    at = sentence.find(c.text)
    end = CLAUSE_END.search(sentence, at + len(c.text)) if at >= 0 else None
    for clause in CLAUSE_END.split(sentence[:end.start()] if end else sentence):
        said = set(re.findall(r"[a-zäöüß]+", clause.lower()))
        if said & words("first_report_markers") and said & SAYING:
            return True
    return False


def earlier_value(c: Claim) -> bool:
    """Is the figure an earlier value of its quantity, by a marker (`superseded`) or as the old value of a change its
    sentence states (`changed_from`: "von 40 auf 55", "55 statt 40")? The reconciled series shows it first."""
    return superseded(c) or changed_from(c)


def change_of(old: Claim, new: Claim) -> bool:
    """Are two figures of one article the old and the new value of the change their sentence states (`changed_from`):
    "von <old> ... auf <new>", "<new> statt <old>" (read at extraction, extract/changes.py)?"""
    return old.changed_to is not None and old.article == new.article and old.changed_to == new.start


def changed_from(c: Claim) -> bool:
    """Is the figure the old value of a change its sentence states, the new value given beside it? German states a
    change from one value to another as "von X auf Y" ("die Zahl stieg von 40 auf 55", "von einst rund 2.000 auf nun
    200") and corrects a figure as "Y statt X" ("um 0,5 statt 0,4 Prozent"): X is the value before. Both values are
    one quantity at two times (consolidate/groups.py `_one_change`), not two quantities and no disagreement - unless
    the sentence compares two periods' counts (a flow: "im Vorjahr von 1.200 auf 900 Einbürgerungen"), which
    extraction does not mark (extract/changes.py `compares_periods`)."""
    return c.changed_to is not None


def _since(c: Claim) -> bool:
    """Is the claim's time expression the start of a running total ("Seit Anfang Oktober wurden 22 Israelis
    getötet": October is when the count began, not when it was counted)?"""
    if c.time is None or not c.time.text or not running_total(c):
        return False
    clause = _clause(c)
    at = clause.find(c.time.text)
    return at >= 0 and "seit" in re.findall(r"[a-zäöüß]+", clause[:at].lower())




def _read(c: Claim, articles: Mapping[str, Article]) -> Report:
    _check(c)
    lo, hi, lo_open, hi_open = bounds(c)
    a = articles.get(c.article)
    published = interval(a.published) if a is not None and a.published else None
    ref = None
    since = _since(c)
    if c.time is not None and c.time.value and not since:
        ref = interval(c.time.value, c.time.mod)
    basis = c.time.basis if c.time is not None else None
    if ref is not None and (basis == "caption date" or (published is None and basis == "publication date")):
        published = ref     # a video teaser's figure was reported on the video's date, not the article's
    if basis == "caption date" and c.time is not None:
        date = c.time.value
    else:
        date = (a.published if a is not None and a.published else None) or \
            (c.time.value if c.time and not since else None)
    return Report(c, lo, hi, lo_open, hi_open, point(c), weight(c), published, ref, date, _who(c, a),
                  slack=_slack(c))


def _ok(a: Report, b: Report) -> bool:
    return _meet([a.slack, b.slack])


def _who(c: Claim, a: Article | None) -> str:
    if c.sources:
        return c.sources[0].name
    if c.source:
        return c.source
    if a is not None and a.agencies:
        return "/".join(a.agencies)
    if a is not None and a.outlet:
        return a.outlet
    return "ohne Quellenangabe"


def before(a: Report, b: Report) -> bool:
    """Was a reported strictly earlier than b (publication first, the figure's own date on a tie)?"""
    pa, pb = a.published, b.published
    if pa and pb and pa[1] < pb[0]:
        return True
    if pa and pb and pb[1] < pa[0]:
        return False
    ra, rb = a.ref or pa, b.ref or pb
    return bool(ra and rb and ra[1] < rb[0])


def _time_order(r: Report) -> tuple[dt.date, dt.date]:
    """A dated report's place in time: when it was reported, then the time it refers to."""
    as_of = r.as_of or (dt.date.min, dt.date.min)
    return as_of[0], (r.ref or as_of)[0]


def _slices(reports: list[Report]) -> list[list[Report]]:
    """Reports in time order, those at the same (or an unorderable) time sharing a slice."""
    dated = sorted((r for r in reports if r.as_of), key=_time_order)
    out: list[list[Report]] = []
    for r in dated:
        if out and not all(before(s, r) for s in out[-1]):
            out[-1].append(r)
        else:
            out.append([r])
    undated = [r for r in reports if not r.as_of]
    if undated:
        if out:
            out[-1].extend(undated)         # cannot be ordered: they stay with the latest
        else:
            out.append(undated)
    return out


# --- the rule -------------------------------------------------------------------------------------


def weighted_median(values: Sequence[tuple[float, float]]) -> float:
    """Lower weighted median of (value, weight): the first value where half the weight is reached."""
    if not values:
        raise ValueError("weighted_median of nothing")
    vals = sorted(values)
    total = sum(w for _, w in vals)
    acc = 0.0
    for v, w in vals:
        acc += w
        if acc >= total / 2 - 1e-12:
            return v
    return vals[-1][0]


def _evolution(credible: list[Report], cumulative: bool) -> list[list[Report]] | None:
    """The time slices when the figure changed between report times; else None.

    Evolution: at least two dated slices, the figures of each slice compatible with one another (figures of
    about the same report time that differ are a disagreement), and either some figure contradicts one of
    another report time (the count changed: rose, fell, was revised) or - for a count that only grows
    (killed, injured, displaced) - each slice's highest figure rises without ever falling.
    """
    slices = _slices(credible)
    if len(slices) < 2 or not all(r.as_of for r in slices[-1]):
        return None
    if not all(all_compatible(sl) for sl in slices):
        return None                          # two different figures at one time: a disagreement
    if not all_compatible(credible):
        return slices                        # figures of different report times differ: it changed
    if not cumulative:
        return None
    tops = [max(r.point for r in s) for s in slices]
    if any(y < x for x, y in pairwise(tops)) or tops[-1] <= tops[0]:
        return None
    return slices


def _value_slices(credible: list[Report]) -> list[list[Report]]:
    """Undated figures sliced by value, lowest first: a figure joins the slice before it while it is compatible with
    all of that slice's figures, else opens the next (the order of a count that only grows, where no date orders it)."""
    slices: list[list[Report]] = []
    for r in sorted(credible, key=lambda r: r.point):
        if slices and all_compatible([*slices[-1], r]):
            slices[-1].append(r)
        else:
            slices.append([r])
    return slices


def _running_series(credible: list[Report]) -> list[list[Report]] | None:
    """Running totals of a count that only grows ("seit Oktober 9", "bisher 24", "damit 28") with no report time
    to order them: the higher figure is the later one, so figures that differ are a count that grew, not sources
    that disagree. Only where no report is dated and each report is a running total or restates one; the slices
    by value, the figures of each compatible."""
    if len(credible) < 2 or any(r.as_of for r in credible):
        return None
    totals = [r for r in credible if running_total(r.claim)]
    if not totals or not all(any(r is t or _ok(r, t) for t in totals) for r in credible):
        return None
    slices = _value_slices(credible)
    return slices if len(slices) >= 2 else None


# How far a toll's later report may lie above an earlier one to be read as the toll grown, where no report is dated
# (`_undated_growth`): a toll is revised upwards by the few dead found later or who died of their injuries ("129
# Tote", days later "130 Tote"); figures further apart in undated reports may as well be two sources' counts
# disputed ("300 Verletzte" / "400 Verletzte"), and stay a disagreement.
GROWTH_STEP = 0.10
# The counts `_undated_growth` orders by value: the dead, whom no later report brings back. The injured (one of them
# dies and leaves the count), the displaced (the evacuated return home) may be lower in a later report, and two
# outlets' counts of one day's injured differ without any growth between them: undated, they stay a disagreement.
ONLY_GROWING = frozenset({"killed"})


def _undated_growth(credible: list[Report]) -> list[list[Report]] | None:
    """Figures of a count that never falls (`ONLY_GROWING`) in different reports, none dated, that differ by a small
    step (GROWTH_STEP): the toll grown between reports, not a disagreement. With no dates, the order is the order
    of the values - a count that only grows was higher later - so the higher figure is the latest slice (low /
    best / high from it). Only where each report's own figures lie in one slice (one report speaks at one time: two
    figures of one article that differ are a disagreement or two counts), and each slice's figures are compatible."""
    if len(credible) < 2 or any(r.as_of for r in credible):
        return None
    slices = _value_slices(credible)
    if len(slices) < 2:
        return None
    for s in slices:
        if any(r.claim.article == x.claim.article for other in slices if other is not s for r in s for x in other):
            return None
    if _two_named_voices(slices):
        return None
    tops = [max(r.point for r in s) for s in slices]
    if any(y > x * (1 + GROWTH_STEP) for x, y in pairwise(tops)):
        return None
    return slices


def _voice(r: Report) -> str | None:
    """The source the figure cites as its own ("laut Polizei"), normalised; None for an outlet's own word, and for a
    news agency, which relays what others counted ("wie die APA meldete") and is no counting voice."""
    name = r.claim.sources[0].name if r.claim.sources else r.claim.source
    return None if not name or _agency(name) else _norm(name)


def _one_voice(a: str, b: str) -> bool:
    """Are two source names one body, one said more fully ("Polizei" / "Polizei in Wien", "Wiener Polizei")?"""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _two_named_voices(slices: list[list[Report]]) -> bool:
    """Do two slices hold figures that two different named sources give ("Polizei: 50" / "Krankenhaus: 53")? Then
    the values differ because the sources count differently as much as because time passed: with no dates, nothing
    orders them, and the honest reading is two sources that disagree. One source's figures (the prosecutor's 129,
    later its 130, whether named in full or not: `_one_voice`), an outlet's own count or an agency's beside a named
    one keep the order of a growing toll."""
    return any(r.origin != x.origin and (a := _voice(r)) is not None and (b := _voice(x)) is not None and
               not _one_voice(a, b) for s, t in combinations(slices, 2) for r in s for x in t)


def _corrected(credible: list[Report]) -> list[list[Report]] | None:
    """Figures marked as an earlier statement ("laut vorläufigem Endergebnis 25 Stimmen", "ursprünglich war von 35
    Verletzten die Rede": `superseded`; the old value of a stated change, `changed_from`; not "zunächst", which
    orders events too) and the figures their own articles give now: the marked ones are of an earlier report time
    than the figures beside them, so a figure that differs from them is a correction, not a disagreement. Only where
    every article with a marked figure gives an unmarked one, the unmarked figures agree with one another, and some
    marked figure differs from them; the slices: [earlier, now]."""
    earlier = [r for r in credible if earlier_value(r.claim)]
    now = [r for r in credible if not earlier_value(r.claim)]
    if not earlier or not now or not all_compatible(now) or all_compatible(credible):
        return None
    if not all(any(n.claim.article == r.claim.article for n in now) for r in earlier):
        return None
    return [earlier, now]


def trend(slices: list[list[Report]]) -> str:
    """rose, fell or changed: how the figure moved from the first report time to the last."""
    tops = [max(r.point for r in s) for s in slices]
    if all(y >= x for x, y in pairwise(tops)) and tops[-1] > tops[0]:
        return "rose"
    if all(y <= x for x, y in pairwise(tops)) and tops[-1] < tops[0]:
        return "fell"
    return "changed"


def _current(credible: list[Report], slices: list[list[Report]] | None) -> list[Report]:
    """The reports that count for the estimates: the latest slice when evolving, else each source's latest.

    A vague word ("Zehntausende") that a precise current figure pins down adds nothing: the precise
    figure refines it. Vague words stay where they are all there is, or where they contradict.
    """
    if slices:
        out = list(slices[-1])
    else:
        by_origin: dict[int, list[Report]] = {}
        for r in credible:
            by_origin.setdefault(r.origin, []).append(r)
        out = [r for o in sorted(by_origin) for r in _latest(by_origin[o])]
    precise = [r for r in out if r.claim.qualifier != "vague"]
    kept = [r for r in out if r.claim.qualifier != "vague" or not any(_ok(r, p) for p in precise)]
    return kept or out


def _latest(reports: list[Report]) -> list[Report]:
    """The reports no other one of the list came after."""
    return _slices(reports)[-1]


def _estimates(current: list[Report]) -> tuple[float | None, float, float | None]:
    lows = [r.lo for r in current if r.lo is not None]
    highs = [r.hi for r in current if r.hi is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    if low is not None and high is not None and low > high:
        low, high = high, low                # one-sided figures that conflict: span both
    per_origin: dict[int, list[Report]] = {}
    for r in current:
        per_origin.setdefault(r.origin, []).append(r)
    points = [(weighted_median([(r.point, 1.0) for r in rs]), max(r.weight for r in rs))
              for rs in per_origin.values()]
    best = weighted_median(points)
    # low <= best <= high always: a point outside the credible bounds ("bis zu 30" beside "mindestens 50")
    # is pulled to the nearest bound
    if low is not None:
        best = max(best, low)
    if high is not None:
        best = min(best, high)
    return low, best, high


def reconcile(group: ClaimGroup, members: list[Claim], articles: Mapping[str, Article]) -> None:
    """Fill group.low / best / high, rule, n_sources, status, explanation (and label if empty)."""
    if not members:
        raise ValueError(f"group {group.id!r}: no member claims to reconcile")
    reports = [_read(c, articles) for c in members]
    origins = _origins(reports, articles)
    credible = [r for r in reports if r.claim.stance != "denied"] or reports
    kind = group.measure.kind if group.measure else next((c.measure.kind for c in members if c.measure), None)
    slices = _evolution(credible, kind in CUMULATIVE)
    if slices is None and kind in CUMULATIVE:
        slices = _running_series(credible) or (_undated_growth(credible) if kind in ONLY_GROWING else None)
    if slices is None:
        slices = _corrected(credible)
    n_credible_origins = len({r.origin for r in credible})
    measured = kind in READINGS and not all_compatible(credible)
    if slices:
        status = "evolution"
    elif not all_compatible(credible) and not measured:
        status = "disagree"
    elif n_credible_origins == 1:
        status = "single"
    else:
        status = "agree"
    current = _current(credible, slices)
    low, best, high = _estimates(current)

    group.low, group.best, group.high = low, best, high
    group.n_sources = len(origins)
    group.status = status
    group.rule = _rule(current, slices, low, high, best)
    group.explanation = _explain(status, credible, current, slices, len(origins),
                                 len(reports) - len(credible), kind in CUMULATIVE, best, measured)
    if not group.label:
        c = members[0]
        group.label = c.counted or c.text


# --- words (German: what users read) ----------------------------------------------------------------


def fmt(v: float) -> str:
    """German number format: 100000 -> 100.000, 2.5 -> 2,5."""
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", ".")
    whole, _, frac = f"{v:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")


QUALIFIER_DE = {"approx": "etwa ", "at_least": "mindestens ", "more_than": "mehr als ", "at_most": "bis zu ",
                "less_than": "weniger als ", "exact": "", "vague": ""}


def figure_de(c: Claim) -> str:
    """A figure as a German reader writes it: "mindestens 14", "10.000 bis 12.000", "Tausende"."""
    if c.qualifier == "vague":
        return (c.text or fmt(c.low)).split()[0]
    value = fmt(c.low) if c.low == c.high else f"{fmt(c.low)} bis {fmt(c.high)}"
    return QUALIFIER_DE.get(c.qualifier, "") + value


def _q(r: Report) -> str:
    return f"„{r.claim.text}“"


def date_de(value: str | None, with_year: bool = True) -> str:
    """A TIMEX3 date in German short form: 2023-09-09 -> 9.9.2023 (9.9. without the year), 2025-07 -> 7/2025."""
    if not value:
        return "ohne Datum"
    import re

    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        y, mo, d = m.groups()
        return f"{int(d)}.{int(mo)}." + (y if with_year else "")
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{int(m[2])}/{m[1]}"
    return value


def _when(r: Report, with_year: bool = True) -> str:
    return date_de(r.date, with_year)


def _one_year(reports: Sequence[Report]) -> bool:
    years = {(r.date or "")[:4] for r in reports}
    return len(years) == 1 and all(r.date and len(r.date) >= 10 for r in reports)


def _conflict(credible: list[Report]) -> tuple[Report, Report, bool]:
    """The contradicting pair a reader would name, and whether it is of one time.

    Two figures of one time come first; then two firm figures (not a vague word or a hedge), from different
    sources, the widest apart. Only the extremes of each weight are paired, so this stays fast for big groups.
    """
    def candidates(rs: list[Report]) -> list[Report]:
        out: dict[int, Report] = {}
        for w in {r.weight for r in rs}:
            same_w = [r for r in rs if r.weight == w]
            for key in (lambda r: r.slack[1], lambda r: -r.slack[0]):
                for r in sorted(same_w, key=key)[:4]:
                    out[id(r)] = r
        return list(out.values())

    def pick(rs: list[Report], same_time: bool, everyone: bool = False):
        pairs = [(a, b) for a, b in combinations(rs if everyone else candidates(rs), 2)
                 if not _ok(a, b) and (not same_time or not (before(a, b) or before(b, a)))]
        return max(pairs, key=lambda p: (min(p[0].weight, p[1].weight), p[0].origin != p[1].origin,
                                         _spread(*p)), default=None)

    for sl in _slices(credible):
        if not all_compatible(sl) and (p := pick(sl, True)):
            return p[0], p[1], True
    p = pick(credible, False) or pick(credible, False, everyone=True)   # ties beyond the extremes: rare
    if p is None:
        raise ValueError("no two contradicting figures in a disagreeing group")   # cannot happen (Helly)
    return p[0], p[1], False


def _spread(a: Report, b: Report) -> float:
    lo, hi = sorted((abs(a.point), abs(b.point)))
    return hi / lo if lo else math.inf


def _ratio(a: Report, b: Report) -> str:
    """How far apart two conflicting figures are at least: the higher one's lower end over the lower one's
    upper end ("Hunderte" vs 6.000: Faktor 6,0, not 30)."""
    lower, upper = sorted((a, b), key=lambda r: r.point)
    top = upper.lo if upper.lo is not None else upper.point
    bottom = lower.hi if lower.hi is not None else lower.point
    if bottom <= 0 or top <= 0:
        return "eine davon null" if 0 in (bottom, top) else f"{fmt(bottom)} gegen {fmt(top)}"
    x = max(top / bottom, bottom / top)
    return f"Faktor {x:.0f}" if x >= 10 else f"Faktor {x:.1f}".replace(".", ",")


def _rule(current: list[Report], slices, low, high, best) -> str:
    """The rule as applied to this group, with the figures it picked and where they come from."""
    n_src = len({r.origin for r in current})
    scope = "die jüngsten Meldungen (die Zahl hat sich mit der Zeit verändert)" if slices else \
        "die jeweils jüngste Meldung jeder Quelle"
    lo_by = next((r.who for r in current if r.lo == low), None)
    hi_by = next((r.who for r in current if r.hi == high), None)
    low_s = f"{fmt(low)} ({lo_by})" if low is not None and lo_by else fmt(low) if low is not None else \
        "offen (keine Meldung nennt eine Untergrenze)"
    high_s = f"{fmt(high)} ({hi_by})" if high is not None and hi_by else fmt(high) if high is not None else \
        "offen (keine Meldung nennt eine Obergrenze)"
    return (f"UCDP-Schätzung (niedrig/beste/hoch) über {scope}, {n_src} unabhängige Quelle(n): niedrig = "
            f"kleinste glaubwürdige Untergrenze {low_s}; hoch = größte glaubwürdige Obergrenze {high_s}; beste = "
            f"gewichteter Median der Punktschätzungen {fmt(best)} (Grenzen, vage Wörter, unbestätigte und "
            f"bestrittene Angaben wiegen weniger, dementierte gar nicht).")


TREND_DE = {"rose": "gestiegen", "fell": "gesunken", "changed": "verändert"}


def _explain(status: str, credible: list[Report], current: list[Report], slices, n_origins: int,
             n_denied: int, cumulative: bool, best: float, measured: bool = False) -> str:
    tail = f" {n_denied} dementierte Angabe(n) nicht berücksichtigt." if n_denied else ""
    if status == "single":
        r = max(current, key=lambda r: r.weight)
        copies = len(credible)
        more = f"; alle {copies} Meldungen gehen auf sie zurück" if copies > 1 else ""
        return f"Eine unabhängige Quelle: {r.who} {_q(r)} ({_when(r)}){more}.{tail}"
    if status == "agree":
        seen, shown = set(), []
        for r in sorted(current, key=lambda r: -r.weight) + [r for r in credible if r not in current]:
            if r.origin not in seen:
                seen.add(r.origin)
                shown.append(f"{r.who} {_q(r)}")
        more = f" und {len(shown) - 3} weitere" if len(shown) > 3 else ""
        if measured:
            lo = min(r.point for r in credible)
            hi = max(r.point for r in credible)
            return (f"Messwerte von {n_origins} Stelle(n) zwischen {fmt(lo)} und {fmt(hi)}: {', '.join(shown[:3])}"
                    f"{more}; ein Mess- oder Skalenunterschied, kein Widerspruch.{tail}")
        return f"{n_origins} unabhängige Quellen stimmen überein: {', '.join(shown[:3])}{more}.{tail}"
    if status == "evolution":
        return _explain_series(slices, cumulative, best) + tail
    # disagree: show the widest conflict, preferring two figures from the same time
    a, b, same_time = _conflict(credible)
    if before(b, a) or not before(a, b) and a.point > b.point:
        a, b = b, a
    ratio = _ratio(a, b)
    if a.origin == b.origin:
        who = f"{a.who} nennt {_q(a)} und {_q(b)}"
    else:
        who = f"{a.who}: {_q(a)}, {b.who}: {_q(b)}"
    if same_time:
        when = f" am {_when(a)}" if a.date and a.date == b.date else f" ({_when(a)}; {_when(b)})"
        verdict = "die Quellen widersprechen sich" if a.origin != b.origin else "die Angaben widersprechen sich"
        return f"{who}{when}: {verdict} ({ratio}).{tail}"
    return (f"{who} ({_when(a)}; {_when(b)}): die Angaben weichen ab ({ratio}) und lassen sich zeitlich nicht "
            f"ordnen.{tail}")


def _explain_series(slices: list[list[Report]], cumulative: bool, best: float) -> str:
    """"laut Innenministerium: 632 (9.9.) → 2.901 (12.9.), gestiegen; zuletzt 2.901"."""
    steps = [max(s, key=lambda r: (r.point, r.weight)) for s in slices]
    year = _one_year(steps)
    whos = {r.who for r in steps}
    one = len(whos) == 1 and not next(iter(whos)).startswith("ohne Quelle")

    def step(r: Report) -> str:
        if not r.date:          # an undated running total: its place in the series is its size
            return figure_de(r.claim) if one or r.who.startswith("ohne Quelle") else f"{figure_de(r.claim)} ({r.who})"
        when = _when(r, with_year=not year)
        return f"{figure_de(r.claim)} ({when})" if one else f"{figure_de(r.claim)} ({r.who}, {when})"

    shown = [step(r) for r in steps]
    if len(shown) > 4:
        shown = shown[:2] + ["…"] + shown[-2:]
    move = trend(slices)
    word = "nach unten korrigiert" if move == "fell" and cumulative else TREND_DE[move]
    lead = f"laut {steps[0].who}: " if one else ""
    undated = "" if any(r.date for r in steps) else " (frühere Angabe zuerst)" if earlier_value(steps[0].claim) else \
        " (laufende Zählung ohne Datum, nach Größe geordnet)"
    return f"{lead}{' → '.join(shown)}, {word}{undated}; zuletzt {fmt(best)}."
