"""German time expressions, normalised to TIMEX3 values relative to the publication date.

A hand-written grammar (compiled regexes over the doc text) finds explicit dates (``am 17. Juni``, ``13.01.2025``,
``im Juni 2024``),
relative ones (``am Samstag``, ``gestern``, ``vor zwei Wochen``, ``im vergangenen
Herbst``), durations (``binnen fast drei Monaten``), sets (``täglich``) and vague
references (``bald``, ``jetzt``), and resolves them against ``doc._.dct`` - the
publication date at any precision (``2025-06-17``, ``2025-06``, ``2025``) or None.

When the publication date is coarser than a day, a relative expression is resolved
at every day the article could have appeared on; the answer is kept at the finest
granularity on which at least 80 % of those days agree (``am Samstag`` in a
``2025-07`` article -> ``2025-07``, never a guessed day).

    nlp.add_pipe("lagebild_times")   # writes doc._.times: list[model.TimeExpression]
    find_times("Am Samstag ...", dct="2025-06-17")
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .. import extract  # noqa: F401  (registers the Doc extensions)
from ..lang import de
from ..model import Precision, TimeExpression
from . import doc_text

D = dt.date
Value = tuple[str | None, Precision, str | None]    # (TIMEX3 value, precision, mod)
Resolver = Callable[[D | None], Value]               # anchor day (None: no publication date) -> Value

# --------------------------------------------------------------------------- vocabulary
MONTHS: dict[str, int] = de.months()                        # lang/de/months.tsv
MONTH_ABBR: dict[str, int] = de.month_abbreviations()
WEEKDAYS: dict[str, int] = de.weekdays()                    # ISO weekday
SEASONS: dict[str, str] = de.pairs("seasons")                # lang/de/seasons.tsv ...
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}   # meteorological: first month of the season
DAYPARTS: dict[str, str] = de.pairs("dayparts")
ORDINALS: dict[str, int] = de.numbered("quarter_ordinals")
_ONES = {w: v for w, v in de.number_words(compounding=True).items() if v < 10}   # lang/de/number_words.tsv
_TENS = {w: v for w, v in de.number_words(compounding=True).items() if v >= 20}
NUMBERS: dict[str, float] = {**{w: de.number_value(v) for w, v in de.pairs("number_forms").items()},
                             **de.number_words()}
for _w, _n in _ONES.items():
    if _n >= 3 and _w not in ("sechs", "sieben"):
        NUMBERS[_w + "zehn"] = 10 + _n
    NUMBERS[_w + "einhalb"] = _n + 0.5
    for _tw, _tn in _TENS.items():
        NUMBERS[_w + "und" + _tw] = _tn + _n
NUMBERS["zweieinhalb"] = 2.5
VAGUE_NUMBERS = {w for w, use in de.pairs("vague_quantifiers").items() if use in ("time", "both")}
DECADE_WORDS = de.numbered("decade_words")
CENTURY_ORDINALS = de.numbered("century_ordinals")

# unit word -> (TIMEX3 duration letter, needs "T", precision of a date so far back)
UNITS: dict[str, tuple[str, bool, str]] = {w: (letter, kind == "time", prec)
                                           for w, letter, kind, prec in de.rows("time_units")}
# ending of a duration adjective -> unit ("dreitägig" -> tag)
_DURATION_SUFFIXES = {suffix: unit for suffix, unit, _ in de.rows("duration_suffixes")}
MODS = {w: None if mod == "-" else mod for w, mod in de.pairs("qualifiers", column=2).items()}  # qualifiers.tsv: TIME
POS_MODS = de.pairs("time_positions")


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first (so "neunzehn" wins over "neun")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


MONTH = rf"(?:{_alt(MONTHS)})"
MONTH_ANY = rf"(?:{_alt(MONTHS)}|(?:{_alt(MONTH_ABBR)})\.?)"
WEEKDAY = rf"(?:{_alt(WEEKDAYS)})"
SEASON = rf"(?:{_alt(SEASONS)})"
# a number in digits or any word: handlers keep only number words (`_count`); a 200-word
# alternation here would be tried at every position and make matching several times slower
NUMW = r"(?:\d+(?:,\d+)?|[^\W\d_]+)"
VAGUEN = rf"(?:{_alt(VAGUE_NUMBERS)})"
QUAL = rf"(?:(?P<qual>{_alt(MODS)})\s+)?"
UNIT = (r"(?P<unit>Sekunde[n]?|Minute[n]?|Stunde[n]?|Tag(?:en|es|e|s)?|Woche[n]?|Monat(?:en|es|e|s)?"
        r"|Quartal(?:en|es|e|s)?|Halbjahr(?:en|es|e|s)?|Jahrzehnt(?:en|es|e|s)?|Jahrhundert(?:en|es|e|s)?"
        r"|Jahr(?:en|es|e|s)?)")
YEAR = r"(?<![\d.,])(?:1[0-9]\d\d|20\d\d)(?![\d]|[.,]\d)"
_RELATIVE = de.pairs("relative_adjectives")                   # lang/de/relative_adjectives.tsv
PAST_ADJ = rf"(?:{_alt(w for w, rel in _RELATIVE.items() if rel == 'past')})"
NEXT_ADJ = rf"(?:{_alt(w for w, rel in _RELATIVE.items() if rel == 'next')})"
THIS_ADJ = rf"(?:{_alt(w for w, rel in _RELATIVE.items() if rel == 'this')})"
DET = r"(?:den|die|der|dem|das|des)"


def _unit_key(word: str) -> str:
    w = word.lower()
    for key in sorted(UNITS, key=len, reverse=True):
        if w.startswith(key):
            return key
    raise KeyError(word)


def _number(word: str) -> float | None:
    w = word.lower().replace(" ", "")
    if w in NUMBERS:
        return NUMBERS[w]
    try:
        return float(w.replace(",", "."))
    except ValueError:
        return None


def _count(word: str) -> tuple[bool, float | None]:
    """(is it a count at all, its value):
    "drei" -> (True, 3); "einigen" -> (True, None); "schweren" -> (False, None)."""
    n = _number(word)
    if n is not None:
        return True, n
    return re.sub(r"\s+", " ", word.lower()) in VAGUE_NUMBERS, None


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR[w]


# --------------------------------------------------------------------------- TIMEX3 arithmetic
def _iso(d: D) -> str:
    return d.isoformat()


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _week(d: D) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _season_of(d: D) -> tuple[int, str]:
    """The meteorological season containing d; winter belongs to the year of its December."""
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1), "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


def _season_start(y: int, s: str) -> D:
    return D(y, SEASON_MONTHS[s], 1)


def _duration(n: float | None, unit: str) -> str:
    letter, is_time, _ = UNITS[unit]
    if n is None:
        return f"P{'T' if is_time else ''}X{'M' if letter == 'HALF' else letter}"
    if letter == "HALF":
        n, letter = n * 6, "M"
    num = str(int(n)) if n == int(n) else f"{n:g}"      # a decimal where needed: P1.5Y
    return f"P{'T' if is_time else ''}{num}{letter}"


def _shift(anchor: D, n: float, unit: str) -> Value:
    """The date n units before (n > 0 ... use -n for after) the anchor, at the unit's precision."""
    letter, is_time, prec = UNITS[unit]
    if is_time or letter == "D":
        days = n * {"S": 1 / 86400, "M": 1 / 1440, "H": 1 / 24}.get(letter, 1) if is_time else n
        return _iso(anchor - dt.timedelta(days=round(days))), "day", None
    if letter == "W":
        return _week(anchor - dt.timedelta(days=round(7 * n))), "week", None
    months = {"M": 1, "Q": 3, "HALF": 6, "Y": 12, "DE": 120, "CE": 1200}[letter] * n
    y, m = _add_months(anchor.year, anchor.month, -round(months))
    if letter in ("M",):
        return _ym(y, m), "month", None
    if letter == "Q":
        return f"{y:04d}-Q{(m - 1) // 3 + 1}", "quarter", None
    if letter == "HALF":
        return f"{y:04d}-H{(m - 1) // 6 + 1}", "half", None
    if letter == "DE":
        return f"{y // 10:03d}", "decade", None
    if letter == "CE":
        return f"{y // 100:02d}", "century", None
    return f"{y:04d}", "year", None


def _coarsen(value: str | None, level: str) -> str | None:
    """A TIMEX3 date value cut down to month or year granularity."""
    if not value or not value[:4].isdigit():
        return value
    if level == "year":
        return value[:4]
    m = re.match(r"(\d{4})-(\d{2})(?:-\d{2})?", value)
    if m:
        return value[:7]
    w = re.match(r"(\d{4})-W(\d{2})", value)
    if w:                                  # a week belongs to the month of its Thursday
        thursday = D.fromisocalendar(int(w.group(1)), int(w.group(2)), 4)
        return _ym(thursday.year, thursday.month)
    return value


# --------------------------------------------------------------------------- publication date
@dataclass(frozen=True)
class DCT:
    """The publication date as the range of days the article can have appeared on."""

    first: D
    last: D
    precision: str

    @classmethod
    def parse(cls, value: str | None) -> "DCT | None":
        if value is None or not str(value).strip():
            return None
        s = str(value).strip()
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?", s)
        if not m:
            raise ValueError(f"publication date {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        try:
            if d:
                day = D(y, int(mo), int(d))
                return cls(day, day, "day")
            if mo:
                last = calendar.monthrange(y, int(mo))[1]
                return cls(D(y, int(mo), 1), D(y, int(mo), last), "month")
            return cls(D(y, 1, 1), D(y, 12, 31), "year")
        except ValueError as e:
            raise ValueError(f"publication date {value!r} is not a valid date: {e}") from None

    def anchors(self) -> list[D]:
        """The days to resolve at: every day of a month, about every fifth of a year."""
        n = (self.last - self.first).days + 1
        step = 1 if n <= 31 else 5
        return [self.first + dt.timedelta(days=i) for i in range(0, n, step)]


AGREEMENT = 0.8


def resolve(fn: Resolver, dct: DCT | None) -> Value:
    """Resolve a relative expression against a publication date of any precision."""
    if dct is None:
        return fn(None)
    if dct.precision == "day":
        return fn(dct.first)
    if getattr(fn, "interval", False) and dct.precision == "month":
        return fn(dct.first, dct.last)  # type: ignore[call-arg]
    results = [fn(a) for a in dct.anchors()]
    n = len(results)
    (best, count), = Counter(results).most_common(1)
    if count == n:
        return best
    if count / n >= AGREEMENT:
        return best[0], best[1], best[2] or "APPROX"
    for level in ("month", "year"):
        cut = Counter(_coarsen(v, level) for v, _, _ in results)
        (value, c), = cut.most_common(1)
        if value and c / n >= AGREEMENT:
            prec = next((p for v, p, _ in results if v == value), level)
            return value, prec, None if c == n else "APPROX"
    return fn(None)                       # no agreement: as if undated ("XXXX-06-17"), never a guess


# --------------------------------------------------------------------------- tense
_PAST_AUX = de.words("preterite_forms")                      # lang/de/preterite_forms.txt ...
_PERFECT_AUX = de.words("perfect_auxiliaries")
_FUTURE = de.words("future_cues")
_NOT_PRETERITE = de.words("not_preterite")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def _prefixed_preterite() -> re.Pattern[str]:
    """A strong verb's preterite behind a verb prefix ("erstach", "überfiel", "zerbrach", "niederschoss"):
    the bare forms of preterite_forms.txt and the preterite stems of strong_verbs.tsv (with -en)."""
    from ..lang.de.event_words import strong_verbs

    stems = set(_PAST_AUX) | {p for p, _, _ in strong_verbs().values() if not p.endswith("te")}
    stems |= {p + "en" for p in stems if not p.endswith("en")}
    prefixes = sorted(de.words("verb_prefixes"), key=len, reverse=True)     # lang/de/verb_prefixes.txt
    return re.compile(rf"^(?:{'|'.join(prefixes)})(?:{'|'.join(sorted(stems, key=len, reverse=True))})$")


_PREFIXED_PRETERITE = _prefixed_preterite()
_PARTICIPLE = re.compile(
    r"^(?:ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|statt|teil|bekannt|frei|"
    r"durch|um|wieder|dar|heraus|hinein|vorbei|voran)?ge[a-zäöüß]{2,}(?:t|en)$"
    r"|^(?:be|ent|er|ver|zer|miss|emp)[a-zäöüß]{2,}(?:t|en)$|^[a-zäöüß]{3,}iert$"
    # über-, unter-, hinter-, wider- are inseparable in most verbs, whose participles then take no ge- ("überquert",
    # "unterzeichnet", "widerlegt"); only the weak -t form: adjectives in -en share these prefixes
    # ("unterschiedlichen"), and "überhaupt" is no verb
    r"|^(?!überhaupt$)(?:über|unter|hinter|wider)[a-zäöüß]{3,}t$")


def _tense_of(text: str) -> str | None:
    """past / future / present from auxiliaries and verb forms; None without any cue."""
    words = _WORD.findall(text)
    lower = [w.lower() for w in words]
    past = future = 0
    has_perfect_aux = any(w in _PERFECT_AUX for w in lower)
    has_participle = any(_PARTICIPLE.match(w) for w, o in zip(lower, words) if o[0].islower())
    for w, orig in zip(lower, words):
        if w in _PAST_AUX or (orig[0].islower() and _PREFIXED_PRETERITE.match(w)):
            past += 2
        elif w in _FUTURE:
            future += 2 if w in ("wird", "werden", "werde", "soll", "sollen") else 1
        elif (orig[0].islower() and len(w) >= 5 and (w.endswith("te") or w.endswith("ten"))
              and not w.endswith(("ste", "sten")) and w not in _NOT_PRETERITE and not w.startswith("ge")):
            past += 1                     # preterite of a weak verb: teilte, meldete, erklärten
    if has_perfect_aux and has_participle:
        past += 2
    if past > future:
        return "past"
    if future > past:
        return "future"
    return "present" if (past or future) else None


_SENT_END = re.compile(r"(?<![0-9])[.!?]+[\"“”»«']?\s+(?=[\"„»«']?[A-ZÄÖÜ])|\n\s*")
_CLAUSE_END = re.compile(r"[,;:–—]|\s-\s")


class TimeContext:
    """What a rule may ask about the text: the tense around a position (cached)."""

    def __init__(self, text: str):
        self.text = text
        self._sent_starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
        self._cache: dict[tuple[int, int], str] = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        start = self._sent_starts[i]
        end = self._sent_starts[i + 1] if i + 1 < len(self._sent_starts) else len(self.text)
        return start, end

    def tense(self, start: int, end: int) -> str:
        """The clause's tense if it shows one, else the sentence's, else present."""
        s, e = self.sentence(start)
        sent = self.text[s:e]
        bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(sent)] + [len(sent)]
        i = bisect.bisect_right(bounds, start - s) - 1
        j = bisect.bisect_left(bounds, end - s)
        clause = sent[bounds[max(i, 0)]: bounds[min(j, len(bounds) - 1)]]
        # the expression itself says nothing about the tense ("morgen", "kommenden")
        local = clause.replace(self.text[start:end], " ")
        key = (s, hash(local))
        if key not in self._cache:
            self._cache[key] = _tense_of(local) or _tense_of(sent.replace(self.text[start:end], " ")) or "present"
        return self._cache[key]


# --------------------------------------------------------------------------- rules
@dataclass
class Hit:
    start: int
    end: int
    type: str
    fn: Resolver
    anchored: bool = True
    span: tuple[int, int] | None = None          # extent used for overlap resolution (a whole range)
    rank: int = 0                                 # tie-break between equally long hits
    group: int | None = None                      # hits of one range share it
    narrative: str | None = None                  # "sentence"/"document": relative to the last day named there


RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], TimeContext], list[Hit]]]] = []


def rule(pattern: str, flags: int = re.IGNORECASE):
    def deco(fn):
        RULES.append((re.compile(pattern, flags), fn))
        return fn
    return deco


def fixed(value: str | None, precision: Precision = "unknown", mod: str | None = None) -> Resolver:
    return lambda _anchor: (value, precision, mod)


def _g(m: re.Match[str], name: str) -> tuple[int, int]:
    return m.start(name), m.end(name)


def _year_for_month(month: int, lo: D, hi: D, tense: str, day: int | None = None) -> int:
    """The year of a month (and day) named without one, for a publication between lo and hi.

    Past: the latest that is not after the publication; future: the next that is not
    before it; otherwise the nearest. Compared at the month when no day is named.
    """
    def key(y: int) -> tuple[int, ...]:
        return (y, month, day) if day else (y, month)

    def at(d: D) -> tuple[int, ...]:
        return (d.year, d.month, d.day) if day else (d.year, d.month)

    years = (lo.year - 1, lo.year, hi.year, hi.year + 1)
    if tense == "past":
        return max(y for y in years if key(y) <= at(hi))
    if tense == "future":
        return min(y for y in years if key(y) >= at(lo))
    mid = lo + (hi - lo) / 2
    return min(years, key=lambda y: (abs((D(y, month, min(day or 15, 28)) - mid).days), y > mid.year))


def _interval(fn: Callable[[D | None, D | None], Value]) -> Resolver:
    """Marks a resolver that takes the publication range itself (lo, hi) rather than one day."""
    fn.interval = True  # type: ignore[attr-defined]
    return fn  # type: ignore[return-value]


def _month_value(month: int, tense: str, mod: str | None = None, rel: str | None = None) -> Resolver:
    def fn(lo: D | None, hi: D | None = None) -> Value:
        if lo is None:
            return f"XXXX-{month:02d}", "month", mod
        hi = hi or lo
        if rel == "past":                # "vergangenen November": before the publication month
            y = max(y for y in (hi.year - 1, hi.year) if (y, month) < (hi.year, hi.month))
        elif rel == "next":
            y = min(y for y in (lo.year, lo.year + 1) if (y, month) > (lo.year, lo.month))
        elif rel == "this":
            y = lo.year
        else:
            y = _year_for_month(month, lo, hi, tense)
        return _ym(y, month), "month", mod
    return _interval(fn)


def _day_value(day: int, month: int, tense: str) -> Resolver:
    def fn(lo: D | None, hi: D | None = None) -> Value:
        if lo is None:
            return f"XXXX-{month:02d}-{day:02d}", "day", None
        y = _year_for_month(month, lo, hi or lo, tense, day)
        try:
            return _iso(D(y, month, day)), "day", None
        except ValueError:
            return None, "unknown", None
    return _interval(fn)


def _weekday_value(wd: int, tense: str, rel: str | None = None, part: str | None = None) -> Resolver:
    def fn(a: D | None) -> Value:
        if a is None:
            return f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), "unknown", None
        back = (a.isoweekday() - wd) % 7
        if rel is None and tense == "present":
            fwd = (wd - a.isoweekday()) % 7
            d = a + dt.timedelta(days=fwd)
        elif rel == "past" or (rel is None and tense != "future"):
            d = a - dt.timedelta(days=back or (7 if rel == "past" else 0))
        else:
            fwd = (wd - a.isoweekday()) % 7
            d = a + dt.timedelta(days=fwd or (7 if rel == "next" else 0))
        return _iso(d) + (f"T{part}" if part else ""), "day", None
    return fn


def _rel_day(days: int, part: str | None = None) -> Resolver:
    def fn(a: D | None) -> Value:
        if a is None:
            return None, "unknown", None
        return _iso(a + dt.timedelta(days=days)) + (f"T{part}" if part else ""), "day", None
    return fn


def _season_value(season: str, tense: str, rel: str | None = None, year: int | None = None,
                  mod: str | None = None) -> Resolver:
    def fn(a: D | None) -> Value:
        if year is not None:
            return f"{year:04d}-{season}", "season", mod
        if a is None:
            return f"XXXX-{season}", "season", mod
        cy, cs = _season_of(a)
        current = _season_start(cy, cs)
        this_year = a.year - 1 if (season == "WI" and a.month <= 2) else a.year
        instances = [(y, _season_start(y, season)) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
        if rel == "this":
            y = this_year
        elif rel == "past" or (rel is None and tense == "past"):
            # the latest one that began before the current season ("vergangenen Herbst" in October: last year's)
            strict = rel == "past"
            y = max(y for y, s in instances if (s < current if strict else s <= current))
        elif rel == "next" or tense == "future":
            strict = rel == "next"
            y = min(y for y, s in instances if (s > current if strict else s >= current))
        else:
            y = min(instances, key=lambda t: (abs((t[1] - current).days), t[1] > current))[0]
        return f"{y:04d}-{season}", "season", mod
    return fn


def _year_rel(k: int, mod: str | None = None) -> Resolver:
    return lambda a: ((f"{a.year + k:04d}", "year", mod) if a else (None, "unknown", mod))


def _month_rel(k: int, mod: str | None = None) -> Resolver:
    return lambda a: ((_ym(*_add_months(a.year, a.month, k)), "month", mod) if a else (None, "unknown", mod))


def _week_rel(k: int, mod: str | None = None, suffix: str = "") -> Resolver:
    return lambda a: ((_week(a + dt.timedelta(days=7 * k)) + suffix, "week", mod) if a else (None, "unknown", mod))


def _rel_of(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if re.fullmatch(PAST_ADJ, w, re.I):
        return "past"
    if re.fullmatch(NEXT_ADJ, w, re.I):
        return "next"
    if re.fullmatch(THIS_ADJ, w, re.I) or w in ("heurigen", "heurige"):
        return "this"
    return None


def _det_start(m: re.Match[str], group: str = "det") -> int:
    """Extent starts at an article or adjective, never at a preposition (TimeML)."""
    return m.start(group) if m.group(group) else m.start("core")


# ---- absolute dates -----------------------------------------------------------
@rule(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2}(?!\d))(?!\.\d)")
def numeric_date(m, ctx):
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        value = _iso(D(y, mo, d))
    except ValueError:
        return []
    return [Hit(m.start(), m.end(), "DATE", fixed(value, "day"))]


@rule(r"(?<![\d.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")
def iso_date(m, ctx):
    try:
        value = _iso(D(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return []
    return [Hit(m.start(), m.end(), "DATE", fixed(value, "day"))]


@rule(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?![\d])")
def numeric_day_month(m, ctx):
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return []
    return [Hit(m.start(), m.end(), "DATE", _day_value(d, mo, ctx.tense(m.start(), m.end())))]


@rule(rf"\b(?:(?P<wd>{WEEKDAY}),?\s+(?:de[nm]\s+)?)?(?P<d>\d{{1,2}})\.\s*(?P<mon>{MONTH_ANY})(?:\s+(?P<y>{YEAR}))?(?![\w])")
def day_month(m, ctx):
    fn = _day_of(int(m["d"]), _month(m["mon"]), m["y"], ctx.tense(m.start(), m.end()))
    return [Hit(m.start(), m.end(), "DATE", fn)] if fn else []


def _day_of(d: int, mo: int, year: str | None, tense: str) -> Resolver | None:
    """The value of day ``d`` of month ``mo``: fixed with a year, else anchored by tense; None if no such day."""
    if not 1 <= d <= 31:
        return None
    if not year:
        return _day_value(d, mo, tense)
    try:
        return fixed(_iso(D(int(year), mo, d)), "day")
    except ValueError:
        return None


@rule(rf"(?<![\d.])(?P<d1>\d{{1,2}})\.?\s*(?:und|bis|-|–|/)\s*(?P<d2>\d{{1,2}})\.\s*(?P<mon>{MONTH_ANY})(?:\s+(?P<y>{YEAR}))?(?![\w])")
def day_range(m, ctx):
    """"16. und 24. Jänner", "5. bis 7. Juni 2025": two dates, the first borrowing month and year."""
    mo = _month(m["mon"])
    tense = ctx.tense(m.start(), m.end())
    hits = []
    for g, s, e in (("d1", m.start("d1"), m.end("d1") + (1 if m.string[m.end("d1"):m.end("d1") + 1] == "." else 0)),
                    ("d2", m.start("d2"), m.end())):
        fn = _day_of(int(m[g]), mo, m["y"], tense)
        if fn is None:
            return []
        hits.append(Hit(s, e, "DATE", fn, span=(m.start(), m.end())))
    return hits


@rule(rf"\b(?:(?P<pos>Anfang|Mitte|Ende|Beginn|Ausgang)\s+)?(?P<mon>{MONTH_ANY})\s+(?P<y>{YEAR})")
def month_year(m, ctx):
    mod = POS_MODS.get((m["pos"] or "").lower())
    return [Hit(m.start(), m.end(), "DATE", fixed(_ym(int(m["y"]), _month(m["mon"])), "month", mod))]


@rule(rf"\b(?:(?P<det>dem|den|der|des)\s+|(?P<pos>Anfang|Mitte|Ende|Beginn)\s+)?(?:(?P<d>\d{{1,2}})\.\s*)?(?P<mon>{MONTH}|{SEASON})\s+(?:des|dieses)\s+"
      rf"(?:(?P<rel>{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ}|laufenden)\s+)?Jahres\b(?:\s+(?P<y>{YEAR}))?")
def month_of_year(m, ctx):
    """"im Juni des vergangenen Jahres", "am 8. Mai dieses Jahres", "im Sommer des Jahres 2005"."""
    if not (m["rel"] or m["y"] or m.group(0).lower().count("dieses")):
        return []
    k = {"past": -1, "next": 1}.get(_rel_of(m["rel"]) or "", 0)
    word = m["mon"].lower()
    mod = POS_MODS.get((m["pos"] or "").lower())
    day = int(m["d"]) if m["d"] else None

    def value(y: int | None) -> Value:
        yy = f"{y:04d}" if y is not None else "XXXX"
        if word in SEASONS:
            return f"{yy}-{SEASONS[word]}", "season", mod
        mo = _month(word)
        if day:
            return f"{yy}-{mo:02d}-{day:02d}", "day", mod
        return f"{yy}-{mo:02d}", "month", mod
    if m["y"]:
        return [Hit(m.start(), m.end(), "DATE", fixed(*value(int(m["y"]))))]
    return [Hit(m.start(), m.end(), "DATE", lambda a: value(a.year + k) if a else value(None))]


@rule(rf"\b(?P<pos>Anfang|Mitte|Ende|Beginn|Ausgang)\s+(?P<mon>{MONTH})\b")
def pos_month(m, ctx):
    mod = POS_MODS[m["pos"].lower()]
    return [Hit(m.start(), m.end(), "DATE", _month_value(_month(m["mon"]), ctx.tense(m.start(), m.end()), mod))]


@rule(rf"\b(?:(?P<prep>im|in|seit|bis|ab|vom|zum|von|nach|vor|für|Im|In|Seit|Bis|Ab|Vom|Zum|Von|Nach|Vor|Für)\s+"
      rf"(?:(?P<det>{DET}|{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ})\s+)?|(?P<det2>{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ})\s+)"
      rf"(?P<core>{MONTH})\b(?!\s*\d)")
def month_alone(m, ctx):
    """A month named without a year needs a preposition or determiner: "August" is also a name."""
    word = m["det"] or m["det2"]
    rel = _rel_of(word)
    start = m.start("det") if m["det"] else m.start("det2") if m["det2"] else m.start("core")
    tense = ctx.tense(m.start(), m.end())
    return [Hit(start, m.end(), "DATE", _month_value(_month(m["core"]), tense, None, rel))]


@rule(rf"(?:(?P<det>\b(?:dem|das|des)\s+)?\bJahr(?:e|es)?\s+|(?P<pos>\b(?:Anfang|Mitte|Ende|Beginn|Ausgang|Frühjahr|Sommer|Herbst|Winter|Frühling)\s+))?"
      rf"(?P<y>{YEAR})(?:\s*(?:-|–|/|bis)\s*(?P<y2>{YEAR}|\d{{2}}(?![\d.,])))?(?P<tail>\s+(?:[A-ZÄÖÜ][\wäöüß]*|%|v\.\s*Chr|n\.\s*Chr))?")
def year(m, ctx):
    y = int(m["y"])
    pos = (m["pos"] or "").strip().lower()
    tail = (m["tail"] or "").strip()
    has_context = bool(m["det"] or m["pos"] or m.group(0).lower().startswith("jahr"))
    before = ctx.text[max(0, m.start() - 20):m.start()].lower()
    strong = re.search(r"\b(im|seit|bis|ab|von|vom|anno|jahr|jahres|jahre|frühjahr)\s*$", before)
    weak = re.search(r"\b(in|um|nach|vor|zwischen)\s*$", before)
    counts_noun = (tail[:1].isupper() and tail not in SEASONS and tail.lower() not in MONTHS
                   and not _is_sentence_start(ctx.text, m.end("y"))) or tail == "%"
    if not has_context and not strong and not m["y2"]:
        # a year only when plausible and not counting a noun ("in 2000 Fällen", "1500 Soldaten")
        if counts_noun or not (1900 <= y <= 2100 or (weak and 1000 <= y <= 2100)):
            return []
    end = m.end("y2") if m["y2"] else m.end("y")
    start = m.start()
    hits = []
    if pos in SEASONS or pos == "frühling":
        return [Hit(start, m.end("y"), "DATE", fixed(f"{y:04d}-{SEASONS[pos]}", "season"))]
    mod = POS_MODS.get(pos)
    hits.append(Hit(start, m.end("y"), "DATE", fixed(f"{y:04d}", "year", mod), span=(start, end)))
    if m["y2"]:
        y2s = m["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if y2 > y:
            hits.append(Hit(m.start("y2"), m.end("y2"), "DATE", fixed(f"{y2:04d}", "year"), span=(start, end)))
    return hits


def _is_sentence_start(text: str, pos: int) -> bool:
    """Whether the next word after pos begins a new sentence (". Die ...")."""
    return bool(re.match(r"[.!?]\s", text[pos:pos + 2]))


@rule(rf"\b(?:(?P<det>{DET})\s+)?(?:(?P<pos>Anfang|Mitte|Ende|Beginn)\s+der\s+)?(?P<dec>(?:19|20)?\d0er|{_alt(DECADE_WORDS)})(?:\s+Jahren?|\b)")
def decade(m, ctx):
    word = m["dec"].lower()
    if word in DECADE_WORDS:
        dec = 190 + DECADE_WORDS[word]
    else:
        digits = word[:-2]
        dec = int(digits) // 10 if len(digits) == 4 else (200 if digits in ("00", "10") else 190) + int(digits) // 10
        if len(digits) == 2 and digits == "10":
            dec = 201
    if "jahr" not in m.group(0).lower() and not word[:1].isdigit():
        return []                                  # "die Zwanziger" alone: too ambiguous
    mod = POS_MODS.get((m["pos"] or "").lower())
    start = m.start("pos") if m["pos"] and not m["det"] else m.start()
    return [Hit(start, m.end(), "DATE", fixed(f"{dec:03d}", "decade", mod))]


@rule(rf"\b(?:(?P<det>{DET})\s+)?(?:(?P<half>ersten|zweiten)\s+Hälfte\s+des\s+)?(?:(?P<n>\d{{1,2}})\.|(?P<w>{_alt(CENTURY_ORDINALS)})|(?P<rel>{THIS_ADJ}|{PAST_ADJ}|{NEXT_ADJ}))\s+Jahrhunderts?\b")
def century(m, ctx):
    mod = {"ersten": "START", "zweiten": "END"}.get((m["half"] or "").lower())
    if m["n"] or m["w"]:
        n = int(m["n"]) if m["n"] else CENTURY_ORDINALS[m["w"].lower()]
        return [Hit(m.start(), m.end(), "DATE", fixed(f"{n - 1:02d}", "century", mod))]
    k = {"this": 0, "past": -1, "next": 1}[_rel_of(m["rel"]) or "this"]
    return [Hit(m.start(), m.end(), "DATE",
                lambda a: ((f"{a.year // 100 + k:02d}", "century", mod) if a else (None, "unknown", mod)))]


@rule(rf"\b(?:(?P<det>{DET})\s+)?(?P<n>ersten|zweiten|dritten|vierten|1\.|2\.|3\.|4\.)\s+(?P<u>Quartal|Quartals|Halbjahr|Halbjahres|Jahreshälfte|Hälfte\s+des\s+Jahres)"
      rf"(?:\s+(?P<y>{YEAR})|\s+(?:des\s+)?(?P<rel>{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ})\s+Jahres)?")
def quarter(m, ctx):
    n = ORDINALS.get(m["n"].lower()) or int(m["n"].rstrip("."))
    half = not m["u"].lower().startswith("quartal")
    if half and n > 2:
        return []
    code = f"H{n}" if half else f"Q{n}"
    prec = "half" if half else "quarter"
    if m["y"]:
        fn = fixed(f"{int(m['y']):04d}-{code}", prec)
    else:
        k = {"past": -1, "next": 1}.get(_rel_of(m["rel"]) or "", 0)
        fn = lambda a: ((f"{a.year + k:04d}-{code}", prec, None) if a else (f"XXXX-{code}", prec, None))
    return [Hit(m.start(), m.end(), "DATE", fn)]


@rule(rf"\b(?:(?P<det>{DET}|{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ})\s+)?(?:(?P<adj>{_alt(de.words('season_adjectives'))})\s+)?(?P<core>{SEASON})\b(?!-|\s*(?:{YEAR}))")
def season(m, ctx):
    word = m["det"]
    rel = _rel_of(word)
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if not word and not re.search(r"\b(im|in|seit|bis|ab|vom|zum|nach|Im|Seit)\s+$", before):
        return []
    if word and word.lower() in ("der", "die", "das", "des") and not rel:
        return []                                  # "der Sommer" alone is often generic
    tense = ctx.tense(m.start(), m.end())
    return [Hit(m.start(), m.end(), "DATE", _season_value(SEASONS[m["core"].lower()], tense, rel))]


# ---- holidays ------------------------------------------------------------------
HOLIDAYS: dict[str, tuple[str, bool]] = {r[0]: (r[1], r[2:3] == ("WE",)) for r in de.rows("holidays")}
_HOLIDAY_PREPOSITIONS = de.words("holiday_prepositions")
_QUOTES = set("\"'„“”»«‚‘’")


def _easter(y: int) -> D:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return D(y, month, day + 1)


def _holiday_date(code: str, y: int) -> D:
    if code.startswith("E"):
        return _easter(y) + dt.timedelta(days=int(code[1:]))
    return D(y, int(code[:2]), int(code[3:]))


def _holiday_value(code: str, weekend: bool, tense: str, rel: str | None = None,
                   year: int | None = None) -> Resolver:
    """A holiday's day (or the weekend of its week) in the year named, else the year the tense points to."""
    def value(d: D | None) -> Value:
        if d is None:
            undated = "XXXX-WXX-WE" if weekend else "XXXX-XX-XX" if code.startswith("E") else f"XXXX-{code}"
            return undated, "week" if weekend else "day", None
        return (_week(d) + "-WE", "week", None) if weekend else (_iso(d), "day", None)

    def fn(lo: D | None, hi: D | None = None) -> Value:
        if year is not None:
            return value(_holiday_date(code, year))
        if lo is None:
            return value(None)
        hi = hi or lo
        days = [_holiday_date(code, y) for y in range(lo.year - 1, hi.year + 2)]
        if rel == "this":
            return value(next(d for d in days if d.year == lo.year))
        if rel == "past" or (rel is None and tense == "past"):
            return value(max(d for d in days if (d < lo if rel else d <= hi)))
        if rel == "next" or tense == "future":
            return value(min(d for d in days if (d > hi if rel else d >= lo)))
        mid = lo + (hi - lo) / 2
        return value(min(days, key=lambda d: (abs((d - mid).days), d > mid)))
    return _interval(fn)


@rule(rf"\b(?:(?P<det>{DET}|{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ})\s+)?(?P<core>{_alt(HOLIDAYS)})\b(?!-)"
      rf"(?:\s+(?P<y>{YEAR})(?:\s*/\s*(?:\d{{4}}|\d{{2}})(?![\d.,]))?)?")
def holiday(m, ctx):
    """"an Heiligabend", "zu Ostern", "in der Silvesternacht 2015/16" (the night's first year), "am Ostermontag"."""
    code, weekend = HOLIDAYS[re.sub(r"\s+", " ", m["core"].lower())]
    text = ctx.text
    if text[m.start("core") - 1:m.start("core")] in _QUOTES and text[m.end("core"):m.end("core") + 1] in _QUOTES:
        return []                                     # zum Thema "Weihnachten": the word, not a day
    rel = _rel_of(m["det"])
    year = int(m["y"]) if m["y"] else None
    fn = _holiday_value(code, weekend, ctx.tense(m.start(), m.end()), rel, year)
    # a preposition or article just before, or before one modifier ("in der Kölner Silvesternacht")
    before = re.search(r"(?:(\w+)\s+)?(\w+)\s+$", text[max(0, m.start() - 30):m.start()])
    words = [w.lower() for w in (before.groups() if before else ()) if w]
    if not (m["det"] or year or any(w in _HOLIDAY_PREPOSITIONS or re.fullmatch(DET, w) for w in words)):
        fn = _interval(lambda lo, hi=None, f=fn: f(None))   # the feast itself, no day of it
    start = m.start() if rel else m.start("core")     # "vergangenen Ostern", "dem Heiligen Abend" -> "Heiligen Abend"
    return [Hit(start, m.end(), "DATE", fn)]


# ---- relative to the publication date ------------------------------------------
@rule(r"\b(?P<w>[Vv]orgestern|[Gg]estern|[Hh]eute|morgen|[Üü]bermorgen)"
      r"(?:\s+(?P<part>[Ff]rüh|[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht)\b)?\b", flags=0)
def deictic_day(m, ctx):
    """gestern, heute, morgen (lower case only: "Morgen" is the morning), with a part of the day."""
    w = m["w"].lower()
    part = DAYPARTS.get((m["part"] or "").lower())
    days = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}[w]
    if w == "heute" and not part:
        before = ctx.text[max(0, m.start() - 8):m.start()].lower()
        after = ctx.text[m.end():m.end() + 6].lower()
        # "bis heute", "heute noch", or a present-tense clause ("Heute ist das anders"): nowadays, not today
        s, e = ctx.sentence(m.start())
        has_clock = re.search(r"\d\s*Uhr\b|\bund\s+morgen\b", ctx.text[s:e])
        if (re.search(r"\b(bis|noch|schon|auch|von|für|wie)\s+$", before) or after.startswith((" noch", " wie"))
                or (ctx.tense(m.start(), m.end()) == "present" and not has_clock)):
            return [Hit(m.start(), m.end(), "DATE", fixed("PRESENT_REF"))]
    return [Hit(m.start(), m.end(), "TIME" if part else "DATE", _rel_day(days, part))]


@rule(r"\bheuer\b|\bheurig(?:e[nmrs]?)?\b|\bdiesjährig(?:e[nmrs]?)?\b")
def heuer(m, ctx):
    return [Hit(m.start(), m.end(), "DATE", _year_rel(0))]


@rule(r"\b(?P<w>letztjährig|vorjährig|vorletztjährig|nächstjährig)(?:e[nmrs]?)?\b")
def year_adjective(m, ctx):
    """"den letztjährigen Entsendungen" -> last year."""
    k = {"letztjährig": -1, "vorjährig": -1, "vorletztjährig": -2, "nächstjährig": 1}[m["w"].lower()]
    return [Hit(m.start(), m.end(), "DATE", _year_rel(k))]


@rule(rf"(?<![-\w])(?:(?P<det>{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ})\s+)?(?P<wd>{WEEKDAY})(?:(?P<part>{_alt(DAYPARTS)})|[^\S\n]+(?P<apart>{_alt(DAYPARTS)}))?\b(?!-|\s*,?\s*(?:de[nm]\s+)?\d{{1,2}}\.(?:\s|\d{{1,2}}\.|$))")
def weekday(m, ctx):
    """"am Samstag" -> that day; not a weekday a date follows ("Samstag, 12. Mai", "Samstag 12.5."): the date rules
    read it. A figure after the weekday ("am Samstag 2.100 Menschen", "am Montag 12 Raketen") is no date. The part of
    the day is written together ("Samstagfrüh", "Montagabend") or, by the adverb "früh" and the old spelling, apart
    ("am Samstag früh", "am Montag abend"); a word that only begins with one ("am Samstag Abendessen") is none."""
    rel = _rel_of(m["det"])
    wd = WEEKDAYS[m["wd"].lower()]
    part = DAYPARTS.get((m["part"] or m["apart"] or "").lower())
    tense = ctx.tense(m.start(), m.end())
    return [Hit(m.start(), m.end(), "TIME" if part else "DATE", _weekday_value(wd, tense, rel, part))]


@rule(rf"\b(?:in\s+)?der\s+Nacht\s+(?:zum|zu|auf|von)\s+(?:(?P<det>{PAST_ADJ}|{NEXT_ADJ})\s+)?(?P<wd>{WEEKDAY})\b")
def night_before(m, ctx):
    rel = _rel_of(m["det"])
    wd = WEEKDAYS[m["wd"].lower()]
    base = _weekday_value(wd, ctx.tense(m.start(), m.end()), rel)

    def fn(a):
        v, p, mod = base(a)
        if v and v[:4].isdigit():
            return _iso(D.fromisoformat(v) - dt.timedelta(days=1)) + "TNI", p, mod
        return f"XXXX-WXX-{(wd - 2) % 7 + 1}TNI", p, mod
    start = m.start() + (3 if m.group(0).lower().startswith("in ") else 0)
    return [Hit(start, m.end(), "TIME", fn)]


@rule(r"\b(?:(?P<det>am|vom|zum|seit|übers|über\s+das|das|dieses|diesem|letzten|letztes|vergangenen|vergangenes|kommenden|kommendes|nächsten|nächstes)\s+)(?P<core>Wochenende)\b")
def weekend(m, ctx):
    det = (m["det"] or "").lower()
    rel = _rel_of(det)
    tense = ctx.tense(m.start(), m.end())
    if det in ("vom", "seit"):
        rel = "past_or_this"
    past = rel in ("past", "past_or_this") or (rel is None and tense == "past")
    k = -1 if past else 1 if rel == "next" or tense == "future" else 0

    def fn(a):
        if a is None:
            return "XXXX-WXX-WE", "week", None
        # the weekend's Saturday: last one for the past, next one for the future
        back = (a.isoweekday() - 6) % 7
        sat = a - dt.timedelta(days=back) if k <= 0 else a + dt.timedelta(days=(6 - a.isoweekday()) % 7 or 7)
        if k == 0 and a.isoweekday() < 6:
            sat = a + dt.timedelta(days=6 - a.isoweekday())
        if k < 0 and rel == "past" and back == 0:
            sat -= dt.timedelta(days=7)
        return _week(sat) + "-WE", "week", None
    start = m.start("det") if det not in ("am", "vom", "zum", "seit", "übers", "über das") else m.start("core")
    return [Hit(start, m.end(), "DATE", fn)]


@rule(rf"\b(?:(?:in\s+)?der\s+|die\s+)?(?P<rel>{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ})\s+(?P<u>Woche|Monat|Monats|Jahr|Jahres)\b(?!\s+(?:{YEAR}))")
def this_next_last(m, ctx):
    rel = _rel_of(m["rel"])
    k = {"past": -1, "next": 1, "this": 0}[rel]
    u = m["u"].lower()
    fn = _week_rel(k) if u == "woche" else _month_rel(k) if u.startswith("monat") else _year_rel(k)
    start = m.start() + (3 if m.group(0).lower().startswith("in ") else 0)
    return [Hit(start, m.end(), "DATE", fn)]


@rule(r"\b(?:(?P<det>im|dem|das|des)\s+)?(?P<core>Vorjahr(?:es)?|Vormonat(?:s)?|Vorwoche)\b")
def previous_unit(m, ctx):
    u = m["core"].lower()
    fn = _year_rel(-1) if u.startswith("vorjahr") else _month_rel(-1) if u.startswith("vormonat") else _week_rel(-1)
    start = m.start("det") if m["det"] and m["det"].lower() != "im" else m.start("core")
    return [Hit(start, m.end(), "DATE", fn)]


@rule(rf"\b(?P<pos>Anfang|Mitte|Ende|Beginn|Ausgang)\s+(?:(?:des|der)\s+)?(?:(?P<rel>{PAST_ADJ}|{NEXT_ADJ}|{THIS_ADJ}|vergangener|kommender)\s+)?(?P<u>Woche|Monats|Jahres)\b(?!\s+(?:{YEAR}))"
      r"|\b(?P<cmp>Jahres|Monats|Wochen)(?P<pos2>anfang|beginn|mitte|ende|start)\b")
def unit_part(m, ctx):
    pos = (m["pos"] or m["pos2"]).lower()
    mod = POS_MODS[pos]
    u = (m["u"] or m["cmp"]).lower()
    rel = _rel_of(m["rel"]) if m["rel"] else None
    if m["rel"] and m["rel"].lower() in ("vergangener",):
        rel = "past"
    if m["rel"] and m["rel"].lower() in ("kommender",):
        rel = "next"
    k = {"past": -1, "next": 1}.get(rel or "", 0)
    fn = (_week_rel(k, mod) if u.startswith("woche") else _month_rel(k, mod) if u.startswith("monat")
          else _year_rel(k, mod))
    if u.startswith("woche") and pos == "ende" and not m["u"]:
        return []                                   # "Wochenende" has its own rule
    return [Hit(m.start(), m.end(), "DATE", fn)]


@rule(rf"\b[Vv]or\s+{QUAL}(?P<n>{VAGUEN}|{NUMW})\s+{UNIT}\b")
def ago(m, ctx):
    unit = _unit_key(m["unit"])
    mod = MODS.get((m["qual"] or "").lower())
    is_count, n = _count(m["n"])
    if not is_count:
        return []
    if n is None:                                   # "vor einigen Jahren", "vor wenigen Tagen"
        return [Hit(m.start(), m.end(), "DATE", fixed("PAST_REF"), anchored=False)]

    def fn(a):
        if a is None:
            return None, "unknown", mod and "APPROX"
        v, p, _ = _shift(a, n, unit)
        return v, p, "APPROX" if mod else None
    return [Hit(m.start(), m.end(), "DATE", fn, rank=1)]


@rule(r"\b[Vv]or\s+(?:(?P<adj>langer|kurzer|einiger|geraumer)\s+Zeit|(?P<plural>Tagen|Wochen|Monaten|Jahren|Jahrzehnten|Jahrhunderten)|kurzem)\b")
def ago_vague(m, ctx):
    return [Hit(m.start(), m.end(), "DATE", fixed("PAST_REF"), anchored=False)]


@rule(rf"\b[Ii]n\s+{QUAL}(?P<n>{NUMW})\s+{UNIT}\b")
def in_future(m, ctx):
    """"in drei Wochen": a future date; in a past-tense clause rather a duration ("in drei Monaten 500 Tote")."""
    unit = _unit_key(m["unit"])
    n = _number(m["n"])
    mod = MODS.get((m["qual"] or "").lower())
    if n is None or ctx.tense(m.start(), m.end()) != "future":
        return []                                   # "zum dritten Mal in drei Monaten": a span

    def fn(a):
        if a is None:
            return None, "unknown", None
        v, p, _ = _shift(a, -n, unit)
        return v, p, "APPROX" if mod else None
    return [Hit(m.start(), m.end(), "DATE", fn)]


@rule(rf"\b(?:(?P<det>{DET}|all\s+diese|diese)\s+)?(?:(?P<rel>letzten|vergangenen|kommenden|nächsten|ersten|ganzen|folgenden|langen)\s+)?{QUAL}(?P<n>{VAGUEN}|{NUMW})(?:\s+(?:lange|langen))?\s+{UNIT}(?:\s+(?P<post>lang|später|danach|zuvor|davor|vorher|früher))?\b")
def duration(m, ctx):
    unit = _unit_key(m["unit"])
    is_count, n = _count(m["n"])
    if not is_count:
        return []
    if unit == "jahr" and re.match(r"\s+alt", ctx.text[m.end():m.end() + 5]):
        return []                                   # an age: "16 Jahre alt"
    if m["n"][0].isdigit() and n is not None and n > 200 and unit not in ("sekunde", "minute", "stunde", "tag"):
        return []
    mod = MODS.get((m["qual"] or "").lower())
    value = _duration(n, unit)
    return [Hit(m.start(), m.end(), "DURATION", fixed(value, UNITS[unit][2], mod))]


@rule(rf"\b(?:(?P<det>{DET})\s+)?(?P<rel>letzten|vergangenen|kommenden|nächsten)\s+(?P<u>Tagen|Tage|Wochen|Monaten|Monate|Jahren|Jahre|Jahrzehnten|Jahrzehnte)\b")
def recent_units(m, ctx):
    if m["rel"].lower() in ("kommenden", "nächsten"):
        return [Hit(m.start(), m.end(), "DATE", fixed("FUTURE_REF"), anchored=False)]
    unit = _unit_key(m["u"])
    if unit in ("jahr", "jahrzehnt"):               # "in den vergangenen Jahren": over years, a span
        return [Hit(m.start(), m.end(), "DURATION", fixed(_duration(None, unit), UNITS[unit][2]))]
    return [Hit(m.start(), m.end(), "DATE", fixed("PAST_REF"), anchored=False)]


@rule(rf"\b(?P<n1>{NUMW})\s+(?P<u1>Jahre[n]?|Monate[n]?|Wochen|Tage[n]?|Stunden)\s+und\s+(?P<n2>{NUMW})\s+(?P<u2>Monate[n]?|Monat|Wochen?|Tage[n]?|Tag|Stunden?|Minuten?)\b")
def compound_duration(m, ctx):
    """"drei Jahre und vier Monate" -> P3Y4M."""
    parts = []
    for n, u in ((m["n1"], m["u1"]), (m["n2"], m["u2"])):
        num, unit = _number(n), _unit_key(u)
        if num is None:
            return []
        parts.append(_duration(num, unit))
    a, b = parts
    if "T" in a[1:] and "T" not in b[1:]:
        return []
    value = a + (b[2:] if b.startswith("PT") and "T" in a else b[1:] if not b.startswith("PT") else "T" + b[2:])
    return [Hit(m.start(), m.end(), "DURATION", fixed(value, "unknown"), rank=1)]


@rule(r"\b(?P<core>(?:ein(?:e[nms]?)?\s+)?(?:halbe[nmsr]?|viertel)\s+(?P<u>Stunde|Tag|Woche|Monat|Jahr(?:hundert)?))\b")
def half_unit(m, ctx):
    n = 0.25 if "viertel" in m["core"].lower() else 0.5
    unit = _unit_key(m["u"])
    return [Hit(m.start(), m.end(), "DURATION", fixed(_duration(n, unit), UNITS[unit][2]))]


@rule(r"\b(?:seit|nach|über|für|Seit|Nach|Über|Für)\s+"
      r"(?P<core>Tagen|Wochen|Monaten|Jahren|Jahre|Jahrzehnten|Jahrzehnte)\b", flags=0)
def vague_duration(m, ctx):
    unit = _unit_key(m["core"])
    return [Hit(m.start("core"), m.end(), "DURATION", fixed(_duration(None, unit), UNITS[unit][2]))]


@rule(r"\b(?P<u>tage|wochen|monate|jahre|jahrzehnte|stunden)lang(?:e[nmrs]?)?\b")
def long_vague(m, ctx):
    unit = _unit_key(m["u"])
    return [Hit(m.start(), m.end(), "DURATION", fixed(_duration(None, unit), UNITS[unit][2]))]


_AGE_NOUN = re.compile(r"\s+(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?(?:"                     # lang/de/age_nouns.txt
                       + "|".join(n[:-1] + r"\w*" if n.endswith("*") else n for n in de.phrases("age_nouns"))
                       + r")\b")


@rule(rf"\b(?P<n>\d+|{_alt(NUMBERS)})-?(?P<u>{_alt(_DURATION_SUFFIXES)}|Jährig)(?:e[nmrs]?)?\b",
      flags=0)
def duration_adjective(m, ctx):
    """"dreitägigen Besuch" -> P3D; "zweijährige" -> P2Y; not an age ("der 47-jährige Minister")."""
    n = _number(m["n"])
    if n is None:
        return []
    if m["u"].lower() == "jährig" and (m["u"][0] == "J" or _AGE_NOUN.match(ctx.text, m.end())):
        return []
    unit = _DURATION_SUFFIXES[m["u"].lower()]
    return [Hit(m.start(), m.end(), "DURATION", fixed(_duration(n, unit), UNITS[unit][2]))]


@rule(r"\b(?P<n>\d+)-(?P<u>Stunden|Tage|Minuten)-Woche\b")
def work_week(m, ctx):
    unit = _unit_key(m["u"])
    return [Hit(m.start(), m.end(), "DURATION", fixed(_duration(_number(m["n"]), unit), UNITS[unit][2]))]


# ---- times of day -----------------------------------------------------------------
@rule(r"\b(?P<h>[01]?\d|2[0-4])(?:[.:](?P<min>[0-5]\d))?\s*Uhr\b(?:\s+(?P<tz>MEZ|MESZ|UTC|Ortszeit))?")
def clock(m, ctx):
    h, mi = int(m["h"]), int(m["min"] or 0)
    t = f"T{h:02d}:{mi:02d}"
    return [Hit(m.start(), m.end(), "TIME", _on_day(t), rank=-1, narrative="sentence")]


@rule(r"(?<![\d.])(?P<h1>[01]?\d|2[0-4])(?:[.:](?P<m1>[0-5]\d))?\s*(?:-|–|bis)\s*(?P<h2>[01]?\d|2[0-4])(?:[.:](?P<m2>[0-5]\d))?\s*Uhr\b")
def clock_range(m, ctx):
    """"14-18 Uhr", "14.30 bis 16.30 Uhr": two times of the same day."""
    out = []
    for h, mi, s_, e_ in ((m["h1"], m["m1"], m.start("h1"), m.end("m1") if m["m1"] else m.end("h1")),
                          (m["h2"], m["m2"], m.start("h2"), m.end())):
        out.append(Hit(s_, e_, "TIME", _on_day(f"T{int(h):02d}:{int(mi or 0):02d}"), narrative="sentence",
                       span=(m.start(), m.end())))
    return out


def _on_day(t: str) -> Resolver:
    """A time of day on the reference day (the last day named, else the publication day)."""
    return lambda a: ((f"{_iso(a)}{t}", "day", None) if a
                      else (t if t[1:2].isdigit() else f"XXXX-XX-XX{t}", "unknown", None))


@rule(r"\b(?:am|gegen|in\s+der|im\s+Laufe\s+des|Am|In\s+der|Gegen)\s+"
      r"(?P<core>(?:(?:frühen|späten)\s+)?(?P<part>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht))\b", flags=0)
def daypart(m, ctx):
    """"am Nachmittag", "in der Nacht": that part of the day being talked about."""
    part = DAYPARTS[m["part"].lower()]
    return [Hit(m.start("core"), m.end(), "TIME", _on_day(f"T{part}"), narrative="sentence")]


@rule(r"\b(?:(?P<det>am|der|dem|den)\s+)?(?P<core>(?:nächsten|folgenden|darauffolgenden)\s+(?P<u>Tag|Morgen|Abend)|Tags?\s+(?:darauf|danach|zuvor|davor)|Vortag(?:es|s)?|Folgetag(?:es|s)?)\b")
def next_day(m, ctx):
    """"am nächsten Tag", "Tags darauf", "am Vortag": relative to the day being talked about."""
    core = m["core"].lower()
    k = -1 if ("vortag" in core or "zuvor" in core or "davor" in core) else 1
    part = DAYPARTS.get((m["u"] or "").lower()) if m["u"] and m["u"].lower() != "tag" else None
    fn = lambda a: ((_iso(a + dt.timedelta(days=k)) + (f"T{part}" if part else ""), "day", None) if a
                    else (None, "unknown", None))
    start = m.start("det") if m["det"] and m["det"].lower() in ("der", "dem", "den") else m.start("core")
    return [Hit(start, m.end(), "TIME" if part else "DATE", fn, narrative="document")]


@rule(r"\b(?P<w>morgens|vormittags|mittags|nachmittags|abends|nachts)\b")
def daypart_set(m, ctx):
    part = {"morgens": "MO", "vormittags": "MO", "mittags": "MI", "nachmittags": "AF", "abends": "EV",
            "nachts": "NI"}[m["w"].lower()]
    return [Hit(m.start(), m.end(), "SET", fixed(f"XXXX-XX-XXT{part}", "unknown"))]


# ---- sets -------------------------------------------------------------------------
@rule(rf"\b(?P<w>{_alt(de.pairs('frequency_adverbs'))})(?:e[nmrs]?)?\b")
def set_adverb(m, ctx):
    value = de.pairs("frequency_adverbs")[m["w"].lower()]
    return [Hit(m.start(), m.end(), "SET", fixed(value, "unknown"))]


@rule(rf"\b(?P<q>jeden|jede|jedes|jedem|pro|je)\s+(?:(?P<ord>ersten|zweiten|dritten|vierten|letzten)\s+)?(?P<u>Tag|Woche|Monat|Jahr|Stunde|Minute|Nacht|Morgen|Abend|Quartal|{WEEKDAY})(?P<part>morgen|vormittag|nachmittag|abend)?\b(?P<month>\s+(?:im|des)\s+Monats?)?")
def set_every(m, ctx):
    u = m["u"].lower()
    if m["month"] or m["ord"]:                       # "jeden letzten Samstag im Monat": monthly
        value = "P1M"
    elif u in WEEKDAYS:
        part = DAYPARTS.get((m["part"] or "").lower())
        value = f"XXXX-WXX-{WEEKDAYS[u]}" + (f"T{part}" if part else "")
    elif u in ("nacht", "morgen", "abend"):
        value = f"XXXX-XX-XXT{DAYPARTS[u]}"
    else:
        value = _duration(1, _unit_key(u))
    return [Hit(m.start(), m.end(), "SET", fixed(value, "unknown"))]


@rule(rf"\balle\s+(?P<n>{NUMW})\s+{UNIT}\b")
def set_every_n(m, ctx):
    n = _number(m["n"])
    if n is None:
        return []
    unit = _unit_key(m["unit"])
    return [Hit(m.start(), m.end(), "SET", fixed(_duration(n, unit), "unknown"))]


@rule(r"\b(?P<wd>montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s\b|\b(?P<wt>werktags|wochentags)\b")
def set_weekday(m, ctx):
    if m["wt"]:
        return [Hit(m.start(), m.end(), "SET", fixed("XXXX-WXX-WD", "unknown"))]
    return [Hit(m.start(), m.end(), "SET", fixed(f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}", "unknown"))]


# ---- vague references --------------------------------------------------------------
_VAGUE_VALUE = de.pairs("vague_time_references")   # lang/de/vague_time_references.tsv


@rule(rf"\b(?P<w>{_alt(_VAGUE_VALUE)})\b")
def vague(m, ctx):
    w = m["w"]
    value = _VAGUE_VALUE[re.sub(r"\s+", " ", w.lower())]
    start = m.start()
    if w.lower().startswith("in ") and w.lower() in ("in zukunft", "in der vergangenheit", "in der gegenwart"):
        start += 3                                  # the preposition is no part of the extent
    if w.lower() == "früher" and re.match(r"\s+als\b", ctx.text[m.end():m.end() + 5]):
        return []                                   # "früher als erwartet": a comparison
    return [Hit(start, m.end(), "DATE", fixed(value), anchored=value == "PRESENT_REF")]


# --------------------------------------------------------------------------- matching
# Speed: a rule's regex only runs in windows around the words it cannot match without
# ("Jahrhundert" for centuries, a unit word for durations); most text has none of them.
_UNIT_WORDS = r"\b(?:sekunde|minute|stunde|tag|woche|monat|quartal|halbjahr|hälfte|jahr|nacht)"
# matched against the lower-cased text: case-sensitive literal alternations are much faster
TRIGGERS: dict[str, re.Pattern[str]] = {name: re.compile(p) for name, p in {
    "digit": r"\d+",
    "year": r"\d{4}",
    "month": rf"{_alt(MONTHS)}|{_alt(MONTH_ABBR)}",
    "weekday": rf"{_alt(WEEKDAYS)}|wochenende|werktags|wochentags",
    "season": _alt(SEASONS),
    "unit": _UNIT_WORDS,
    "century": r"jahrhundert",
    "decade": r"\d0er|ziger|ßiger",
    "quarter": r"quartal|hälfte|halbjahr",
    "vor": r"\bvor\b",
    "pos": r"anfang|mitte|ende|beginn|ausgang|start",
    "daypart": r"morgen|mittag|abend|nacht|tag",
    "every": r"\b(?:jede[nmrs]?|pro|je|alle)\b",
    "adj": _alt(_DURATION_SUFFIXES),
    "prev": r"vorjahr|vormonat|vorwoche",
    "vague": r"jetzt|zeit|momen|gegenw|heut|zuletzt|tage|unlängst|damals|einst|kürzlich|jüngst|neulich|früher"
             r"|vergangen|bald|demnächst|künftig|zukunft|kürze|stunde",
    "lich": r"lich",
    "adverb": r"(?:morgen|mittag|abend|nacht)s\b",
    "deictic": r"gestern|heute|morgen",
    "heuer": r"heuer|heurig|jährig",
}.items()}
RULE_TRIGGER: dict[str, str] = {
    "numeric_date": "digit", "iso_date": "digit", "numeric_day_month": "digit", "day_month": "month",
    "day_range": "month", "month_year": "month", "month_of_year": "unit", "pos_month": "month",
    "month_alone": "month", "year": "year", "decade": "decade", "century": "century", "quarter": "quarter",
    "season": "season", "year_adjective": "adj", "weekday": "weekday", "night_before": "weekday",
    "weekend": "weekday", "set_weekday": "weekday", "this_next_last": "unit", "previous_unit": "prev",
    "unit_part": "pos", "ago": "vor", "ago_vague": "vor", "in_future": "unit", "duration": "unit",
    "recent_units": "unit", "compound_duration": "unit", "half_unit": "unit", "vague_duration": "unit",
    "long_vague": "unit", "duration_adjective": "adj", "work_week": "digit", "clock": "digit",
    "daypart": "daypart", "next_day": "daypart", "clock_range": "digit", "set_every": "every", "set_every_n": "every",
    "vague": "vague", "set_adverb": "lich", "daypart_set": "adverb", "deictic_day": "deictic", "heuer": "heuer",
}
WINDOW = 80


def _windows(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged stretches of text around each occurrence of a trigger."""
    out: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        s, e = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _matches(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]] | None) -> Iterable[re.Match[str]]:
    if windows is None:
        yield from pattern.finditer(text)
        return
    seen: set[int] = set()
    for s, e in windows:
        for m in pattern.finditer(text, s, e):
            if m.start() in seen:
                continue
            # re-match on the whole text: the window's end must not cut the match short
            full = m if e == len(text) else pattern.match(text, m.start())
            if full is not None:
                seen.add(m.start())
                yield full


def _select(hits: list[Hit]) -> list[Hit]:
    """Longest extents win; a range's parts count as one extent."""
    def extent(h: Hit) -> tuple[int, int]:
        return h.span or (h.start, h.end)

    ordered = sorted(hits, key=lambda h: (-(extent(h)[1] - extent(h)[0]), -h.rank, extent(h)[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Hit] = []
    groups: set[int] = set()
    for h in ordered:
        s, e = extent(h)
        if h.group is not None and h.group in groups:   # another part of an accepted range
            chosen.append(h)
            continue
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        if h.group is not None:
            groups.add(h.group)
        chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def find_times(text: str, dct: str | None = None, article: str = "") -> list[TimeExpression]:
    """All time expressions in a text, resolved against the publication date `dct`.

    Extents are the matched characters, not widened to spaCy tokens: the German
    tokenizer reads a sentence-final "2000." as one (ordinal) token, and widening
    would put the full stop into the expression.
    """
    try:
        dct_range = DCT.parse(dct)
    except ValueError as e:
        raise ValueError(f"{article or 'article'}: {e}") from None
    ctx = TimeContext(text)
    hits: list[Hit] = []
    windows: dict[str, list[tuple[int, int]]] = {}
    lower = text.lower()
    if len(lower) != len(text):          # a character whose lower case is longer: offsets would shift
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for pattern, fn in RULES:
        trigger = RULE_TRIGGER.get(fn.__name__)
        if trigger and trigger not in windows:
            windows[trigger] = _windows(lower, TRIGGERS[trigger])
        for m in _matches(pattern, text, windows[trigger] if trigger else None):
            found = fn(m, ctx)
            if len(found) > 1:
                for h in found:
                    h.group = id(m)
            hits.extend(found)
    out: list[TimeExpression] = []
    chosen = _select(hits)
    dct_day: D | None = dct_range.first if dct_range and dct_range.precision == "day" else None
    last_day = dct_day
    sentence_day: tuple[tuple[int, int] | None, D | None] = (None, dct_day)
    for h in chosen:
        sent = ctx.sentence(h.start)
        if h.narrative:
            # a clock time belongs to a day named in its sentence, else the publication day;
            # "am nächsten Tag" to the last day named anywhere before
            ref = last_day if h.narrative == "document" else sentence_day[1] if sentence_day[0] == sent else dct_day
            value, precision, mod = h.fn(ref) if ref else h.fn(None)
        else:
            value, precision, mod = resolve(h.fn, dct_range)
        if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
            last_day = D.fromisoformat(value[:10])
            sentence_day = (sent, last_day)
        start, end = h.start, h.end
        out.append(TimeExpression(article=article, text=text[start:end], start=start, end=end, type=h.type,
                                  value=value, precision=precision, mod=mod, anchored=h.anchored))
    return out


class TimeTagger:
    """spaCy component: doc._.times from doc.text and doc._.dct."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc_text(doc), doc._.dct, doc._.article_id or "")
        return doc


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory("lagebild_times", assigns=["doc._.times"])
def make_time_tagger(nlp, name: str) -> TimeTagger:
    return TimeTagger()
