"""German number grammar: the figures in running text, their bounds and qualifiers.

`scan_numbers(text)` finds every number mention and says what kind it is
(cardinal, vague, date, time, year, ordinal, id, compound); `find_figures(text)`
keeps the quantities among them and joins qualifiers (``mehr als``), ranges
(``10.000 bis 12.000``, ``zwischen 80 und 100``, ``25.000-30.000``) and scale
words (``1,5 Millionen``). Both work on characters, so offsets are exact and no
tokenizer is needed; the claim extractor reads the counted noun after a figure.

What is not a quantity - dates, clock times, video lengths, years, ordinals,
numbers glued to letters (``F-16``, ``2.vl``), identifiers after a noun
(``Resolution 1718, 1874 und 2270``) - is recognised here and kept out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import de

# --- number words --------------------------------------------------------------------------------

_UNITS = {w: v for w, v in de.number_words().items() if v < 10}            # lang/de/number_words.tsv
_TEENS = {w: v for w, v in de.number_words().items() if 10 <= v < 20}
_TENS = {w: v for w, v in de.number_words().items() if v >= 20}
# Forms of "ein" that are articles unless a scale word follows ("eine Million", "ein Dutzend").
ARTICLE_ONE = ({w for w, v in de.number_words().items() if v == 1}          # lang/de/number_words.tsv,
               | {w for w, v in de.pairs("number_forms").items() if v == "1"})  # number_forms.tsv
# Words that multiply the number before them.
SCALES: dict[str, float] = {w: de.number_value(v) for w, v in de.pairs("scale_words").items()}  # lang/de/...
# Vague plurals: bounds of their order of magnitude (CONTRACT.md).
VAGUE: dict[str, tuple[float, float]] = {w: (de.number_value(lo), de.number_value(hi))
                                         for w, lo, hi in de.rows("vague_plurals")}
# "einige Zehntausend", "mehrere hundert", "ein paar Dutzend": vague too.
VAGUE_DETERMINERS = {w for w, use in de.pairs("vague_quantifiers").items() if use in ("scale", "both")}
# Demonstratives before a vague plural point back to an amount already given.
ANAPHORIC = de.words("anaphoric_determiners")
# Duration adjectives: "dreitägigen Besuch", "24-stündige Waffenruhe".
DURATION_SUFFIXES = {suffix: plural for suffix, _, plural in de.rows("duration_suffixes")}  # lang/de/...

MONTHS = tuple(de.months())                                  # lang/de/months.tsv, weekdays.tsv ...
_MONTH_ABBR = tuple(de.month_abbreviations())
WEEKDAYS = tuple(de.weekdays())


@lru_cache(maxsize=1)
def _below_thousand() -> dict[str, int]:
    """Every number word 1..999 (with the usual spelling variants) -> value."""
    words: dict[str, int] = {}
    below100: dict[str, int] = {}
    for w, v in _UNITS.items():
        if w != "ein":
            below100[w] = v
    below100.update(_TEENS)
    for tw, tv in _TENS.items():
        below100[tw] = tv
        for uw, uv in _UNITS.items():
            if uw != "eins":
                below100[f"{uw}und{tw}"] = tv + uv
    words.update(below100)
    for hw, hv in (("", 1), ("ein", 1), *((k, v) for k, v in _UNITS.items() if k not in ("ein", "eins"))):
        base = f"{hw}hundert"
        words[base] = hv * 100
        for rw, rv in below100.items():
            words[base + rw] = hv * 100 + rv
            if rw == "eins":
                words[base + "ein"] = hv * 100 + 1
    return words


@lru_cache(maxsize=65536)   # asked of every word of every article: words repeat
def parse_word(word: str) -> float | None:
    """A German number word -> its value: ``zwölf`` 12, ``dreieinhalb`` 3.5, ``zweitausend`` 2000.

    Articles (``ein``, ``eine``) and ordinals (``dritte``) are not number words here.
    """
    w = word.lower().replace("\u00ad", "")
    if not w or not w.isalpha():
        return None
    if w in ("anderthalb", "eineinhalb"):
        return 1.5
    if w.endswith("einhalb") and len(w) > 7:
        base = parse_word(w[:-7])
        return base + 0.5 if base is not None else None
    if w in ("zweier", "dreier"):          # genitive: "die Mutter zweier Kinder"
        return float(_UNITS[w[:-2]])
    small = _below_thousand()
    if w in small:
        return float(small[w])
    if "tausend" in w:
        head, _, tail = w.partition("tausend")
        hv = 1 if head in ("", "ein") else small.get(head)
        tv = 0 if tail == "" else (1 if tail == "eins" else small.get(tail))
        if hv is not None and tv is not None:
            return float(hv * 1000 + tv)
    return None


def parse_digits(s: str) -> float | None:
    """``1.000`` 1000, ``10'000`` 10000, ``1,5`` 1.5, ``10 000`` 10000; None for dates and the like."""
    s = s.strip()
    m = re.fullmatch(r"(\d{1,3}(?:[.'’\u2009\u202f\u00a0 ]\d{3})+|\d+)(?:,(\d+))?", s)
    if not m:
        return None
    whole = re.sub(r"\D", "", m.group(1))
    frac = m.group(2)
    return float(f"{whole}.{frac}") if frac else float(whole)


def parse_number(phrase: str) -> float | None:
    """A whole number phrase -> value: ``1,5 Millionen``, ``zwei Dutzend``, ``3 Mrd.``, ``hundert``."""
    parts = phrase.split()
    if not parts:
        return None
    value = parse_digits(parts[0]) if parts[0][0].isdigit() else parse_word(parts[0])
    if value is None and parts[0].lower() in ARTICLE_ONE and len(parts) > 1:
        value = 1.0
    if value is None:
        if len(parts) == 1 and parts[0].lower() in SCALES:
            return float(SCALES[parts[0].lower()])
        return None
    for p in parts[1:]:
        scale = SCALES.get(p.lower())
        if scale is None:
            return None
        value *= scale
    return value


@lru_cache(maxsize=65536)   # asked of every word of every article: words repeat
def vague_bounds(word: str) -> tuple[float, float] | None:
    """``Hunderte`` -> (200, 999), ``zehntausende`` -> (20000, 99999); None if not a vague plural.

    Bare ``hundert``/``Zehntausend`` are exact (100, 10000) unless a vague determiner
    stands before them (``einige Zehntausend``); see `find_figures`.
    """
    w = word.lower().replace("\u00ad", "")
    for ending in ("en", "e", "n"):
        if w.endswith(ending) and w[: -len(ending)] in VAGUE:
            stem = w[: -len(ending)]
            if stem == "million" and ending != "en" or stem == "milliarde" and ending != "n":
                continue
            return VAGUE[stem]
    return None


# --- scanning --------------------------------------------------------------------------------------

_WORD = r"[A-Za-zÄÖÜäöüß\u00ad]+"
_SEP = r"[.'’\u2009\u202f\u00a0 ]"
DIGITS = re.compile(rf"\d(?<![\d\w.,]\d)(?:\d{{0,2}}(?:{_SEP}\d{{3}})+(?!\d)|\d*)(?:,\d+(?!\d))?")
WORD = re.compile(_WORD)

_month_alt = "|".join(sorted(MONTHS + _MONTH_ABBR, key=len, reverse=True))      # longest first
# Spans that hold digits but no quantity; matched first and kept out.
BLOCKS: list[tuple[str, re.Pattern]] = [
    ("date", re.compile(r"\d(?<![\d.]\d)\d{3}-\d{2}(?:-\d{2})?(?:T[\d:]+)?(?!\d)")),             # ISO
    ("date", re.compile(r"\d(?<!\d\d)(?<!\d\.\d)\d?\.\s?\d{1,2}\.(?:\s?\d{2,4}(?!\d))?")),             # 13.01.2025
    ("date", re.compile(rf"\d(?<![\d.]\d)\d?\.?\s*(?:{_month_alt})\b\.?(?:\s+\d{{4}}(?!\d))?", re.IGNORECASE)),
    ("date", re.compile(rf"\b(?:{_month_alt})\.?\s+\d{{4}}(?!\d)", re.IGNORECASE)),                     # Juni 2024
    ("date", re.compile(r"\d(?<![\d.]\d)\d?/\d{1,2}/\d{2,4}(?!\d)")),
    ("time", re.compile(r"\d(?<![\d.:,]\d)\d?[:.]\d{2}(?:[:.]\d{2})?\s*(?:Uhr|h\b|min\b|Min\.?)", re.IGNORECASE)),
    ("time", re.compile(r"\d(?<![\d.:,]\d)\d?:\d{2}(?::\d{2})?(?![\d])")),                      # 1:27, 3:1
    ("time", re.compile(r"\d(?<![\d.:,]\d)\d?\s*Uhr\b")),
    # a result or ratio of two counts, with a tie-break's points ("6:4", "siegte 3:1", "7:6(3)", "6:7 (5)", "nach der
    # 2:0-Satzführung", "im Verhältnis 1:3"): neither side is a count of anything; times ("1:27") are matched above
    # a set of them, commas between ("5:7,7:6(3),6:3": no comma's digit opens a number of its own). A vote's tally
    # goes too ("mit 5:4 Stimmen": unblocked, only its second side took the noun, a part read as all the votes)
    ("score", re.compile(r"\d(?<![\d.:,]\d)\d{0,2}:\d{1,3}(?![\d:])(?:\s?\(\d{1,2}\))?"
                         r"(?:,\s?\d{1,3}:\d{1,3}(?![\d:])(?:\s?\(\d{1,2}\))?)*")),
    ("year", re.compile(r"(?<![\d.])(?:1[5-9]|20)\d{2}/(?:\d{2}|\d{4})(?!\d)")),                # 2024/25
    ("year", re.compile(r"\d(?<![\d.]\d)\d{1,3}er(?:\s*Jahre\w*)?\b")),                            # 1990er
    # F-16, MH17; tried only where a word begins (a match inside a word's letters would begin at their start)
    ("id", re.compile(rf"(?<![A-Za-zÄÖÜäöüß\u00ad]){_WORD}-?\d[\d.,]*(?:-?{_WORD})?")),
    ("id", re.compile(r"[§#№](?<![\d\w][§#№])\s*\d+\w*")),
    ("id", re.compile(r"(?<![\d\w])\+?\d[\d /-]{8,}\d(?!\d)")),                                 # phone numbers
    ("id", re.compile(r"https?://\S+|www\.\S+")),
    # Signed numbers ("-5", "−3,5") are no count of anything; powers ("10^50", "2**64", "1e308") are notation.
    ("signed", re.compile(r"[-−](?<![\w\d.,)\]%][-−])(?=\d)\d[\d.,]*")),
    ("power", re.compile(r"\d(?<![\w.,]\d)(?:[\d.,]*\s*(?:\^|\*\*)\s*[-−]?\d+|\d*(?:,\d+)?[eE][-+]?\d+(?!\w))")),
    ("id", re.compile(r"\d(?<![\d\w.,]\d)\d*\s+[A-ZÄÖÜ][a-zäöü]{0,3}\s+\d+/\d+[\w\-/]*")),  # 10 Cg 17/15b-8
]
ORDINAL = re.compile(r"\d(?<![\d.,]\d)\d{0,3}\.(?=[ \t\u00a0]*[A-Za-zÄÖÜäöü(])")
GLUED = re.compile(rf"\d(?<![\d.,]\d)\d*(?:,\d+)?-?({_WORD})")
# After "N." a sentence may begin; then the number is a cardinal ("stieg auf 14. Die Polizei ...").
SENTENCE_STARTERS = de.words("sentence_starters")           # lang/de/sentence_starters.txt
_YEAR_WORDS = de.pairs("year_context")                      # lang/de/year_context.tsv, seasons.tsv
YEAR_CONTEXT = set(MONTHS) | set(WEEKDAYS) | set(de.pairs("seasons")) | set(_YEAR_WORDS)
STRONG_YEAR_CONTEXT = set(MONTHS) | set(de.pairs("seasons")) | {w for w, s in _YEAR_WORDS.items() if s == "strong"}
# Capitalised words that may stand before a figure without making it a label ("Rund 6.000").
NOT_LABEL = de.words("not_labels")


@dataclass
class Number:
    """One number mention in a text, with what kind of number it is."""

    start: int
    end: int
    text: str
    value: float | None
    kind: str                      # cardinal, vague, date, time, year, ordinal, id, compound, signed, power
    low: float | None = None
    high: float | None = None
    unit: str | None = None        # for compounds: the counted unit ("Tage" in "dreitägigen")

    def __post_init__(self) -> None:
        if self.low is None:
            self.low = self.value
        if self.high is None:
            self.high = self.value


@dataclass
class QuantityPhrase:
    """A quantity phrase: qualifier + number (or range) with its bounds."""

    start: int                     # of the whole phrase, qualifier included
    end: int                       # end of the number (scale word included), before the counted noun
    text: str
    low: float
    high: float
    qualifier: str                 # a CONTRACT.md qualifier
    kind: str = "cardinal"         # cardinal, vague, compound
    num_start: int = 0             # where the number itself starts (after the qualifier)
    unit: str | None = None        # compounds: "Tage"
    is_range: bool = False


def _blocked(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for kind, rx in BLOCKS:
        for m in rx.finditer(text):
            if kind == "id" and m.group(0)[0].isalpha() and not re.search(r"\d", m.group(0)):
                continue
            spans.append((m.start(), m.end(), kind))
    return spans


def _overlaps(spans: list[tuple[int, int, str]], s: int, e: int) -> str | None:
    for a, b, kind in spans:
        if a < e and s < b:
            return kind
    return None


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word (or punctuation mark) before pos, and where it starts."""
    base = max(0, pos - 80)                 # a word is never longer: keeps this O(1), not O(pos)
    m = re.search(r"(\S+)\s*$", text[base:pos])
    if not m:
        return "", 0
    tok = m.group(1)
    if tok and not tok[-1].isalnum() and tok[-1] not in ".-":
        return tok[-1], base + m.end(1) - 1
    return tok, base + m.start(1)


def _opens_sentence(text: str, pos: int) -> bool:
    """Does the word at pos open a sentence, a line or a quotation?"""
    before = text[max(0, pos - 40):pos].rstrip(" \t")
    return not before or before[-1] in '.!?:\n"„“»«'


def _next_word(text: str, pos: int) -> tuple[str, int]:
    m = re.match(r"\s*([A-Za-zÄÖÜäöüß\u00ad][\w\u00ad\-]*\.?|\S)", text[pos:])
    if not m:
        return "", pos
    return m.group(1), pos + m.start(1)


def _is_noun_like(word: str) -> bool:
    w = word.rstrip(".")
    return bool(w) and w[0].isupper() and w.lower() not in MONTHS and w.lower() not in WEEKDAYS


_ARTICLES = de.words("determiners")                         # lang/de/determiners.txt
# Lower-case words with an adjective's ending that are no adjectives: "2019 wegen Betrugs" is a year.
NOT_ADJECTIVES = de.words("not_adjectives")
# Participles that date a thing: "das 1923 gegründete Unternehmen", "ein 1980 geborener Banker".
DATING_PARTICIPLE = re.compile(rf"^({'|'.join(de.phrases('dating_participles'))})(e|en|er|es|em)?$")


def _followed_by_noun(text: str, pos: int) -> bool:
    """True when a noun follows within a few adjectives: "2000 Menschen", "500 weitere Soldaten"."""
    for _ in range(4):
        w, at = _next_word(text, pos)
        if not w:
            return False
        if _is_noun_like(w):
            return vague_bounds(w) is None            # "1787 Zigtausende": a vague figure, not a noun
        if not (w[0].islower() and re.search(r"(e|en|er|es|em)$", w)) or len(w) <= 4 or w in _ARTICLES \
                or w in NOT_ADJECTIVES:
            return False
        pos = at + len(w)
    return False


def scan_numbers(text: str) -> list[Number]:
    """Every number mention in text, in order, each with its kind."""
    blocked = _blocked(text)
    out: list[Number] = [Number(a, b, text[a:b], None, kind) for a, b, kind in blocked]
    out += _ordinals(text, blocked)
    blocked += [(n.start, n.end, n.kind) for n in out[len(blocked):]]
    out += _glued(text, blocked)
    out += _digit_numbers(text, blocked)
    out += _word_numbers(text, [(n.start, n.end, n.kind) for n in out])
    out.sort(key=lambda n: (n.start, -n.end))
    return out


# Units of measurement of an extent (lang/de/measure_units.tsv, the first column): not those of a degree on a scale
# (column `degree`: Grad), which in a compound name a kind ("360-Grad-Video"), no amount
MEASURE_UNITS = tuple(row[0] for row in de.rows("measure_units") if "degree" not in row[2:])


def _unit_compound(text: str, m: re.Match) -> bool:
    """Is a glued number a number-unit-noun compound: a unit of measurement of an extent, a hyphen and a noun
    ("8-Kilo-Bombe", "40-Tonnen-Lkw"; not "360-Grad-Video")?"""
    return m.group(1)[:1].isupper() and m.group(1).lower().startswith(MEASURE_UNITS) and \
        re.match(r"-[A-ZÄÖÜ]", text[m.end():m.end() + 2]) is not None


def _ordinals(text: str, blocked: list[tuple[int, int, str]]) -> list[Number]:
    """Ordinals: "2. Korps", "(2.vl)", but not "stieg auf 14. Die Polizei ..."."""
    out = []
    for m in ORDINAL.finditer(text):
        if _overlaps(blocked, m.start(), m.end()):
            continue
        nxt, _ = _next_word(text, m.end())
        if nxt and nxt[0].isupper() and nxt.lower().rstrip(".") in SENTENCE_STARTERS:
            continue
        out.append(Number(m.start(), m.end(), m.group(0), None, "ordinal"))
    return out


def _glued(text: str, blocked: list[tuple[int, int, str]]) -> list[Number]:
    """Compounds with a duration suffix ("24-stündige"); other glued numbers are labels ("5G").
    Each is added to blocked as it is found."""
    out = []
    for m in GLUED.finditer(text):
        if _overlaps(blocked, m.start(), m.end()):
            continue
        suffix = m.group(1).lower()
        num = parse_digits(text[m.start(): m.start(1)].rstrip("-"))
        if num is not None and text[m.start(1) - 1] == "-" and _unit_compound(text, m):
            # "8-Kilo-Bombe", "40-Tonnen-Lkw": a figure in a unit, the compound's head after it says of what
            out.append(Number(m.start(), m.start(1) - 1, text[m.start():m.start(1) - 1], num, "cardinal"))
            blocked.append((m.start(), m.start(1) - 1, "cardinal"))
            continue
        unit = next((u for s, u in DURATION_SUFFIXES.items() if suffix.startswith(s)), None)
        kind = "compound" if unit and num is not None else "id"
        end = m.end()
        blocked.append((m.start(), end, kind))
        out.append(Number(m.start(), end, text[m.start():end], num if kind == "compound" else None, kind, unit=unit))
    return out


def _digit_numbers(text: str, blocked: list[tuple[int, int, str]]) -> list[Number]:
    """Numbers in digits: cardinals, years, and labels ("Resolution 1718")."""
    out = []
    prev_id_end = prev_year_end = -10
    for m in DIGITS.finditer(text):
        s, e = m.start(), m.end()
        if _overlaps(blocked, s, e):
            continue
        raw = m.group(0)
        value = parse_digits(raw)
        if value is None:
            continue
        kind = _digit_kind(text, s, e, raw, value, prev_id_end, prev_year_end)
        if kind == "id":
            prev_id_end = e
        if kind == "year":
            prev_year_end = e
        out.append(Number(s, e, raw, value if kind == "cardinal" else None, kind))
    return out


# Nouns of a rank (lang/de/rank_nouns.txt): "Platz 149 von 180" is a rank, a label
RANK_NOUNS = tuple(de.words("rank_nouns"))


@lru_cache(maxsize=1)
def _ordinal_stems() -> dict[str, int]:
    """Ordinal stems -> number: a cardinal + "t" up to nineteen ("viert", "zehnt"), + "st" from twenty ("zwanzigst",
    "hundertst"), the irregular ones of lang/de/ordinal_stems.tsv ("dritt", "siebt")."""
    rounds = {w: int(v) for w, v in de.pairs("number_forms").items() if v.isdigit() and int(v) >= 100}
    cardinals = {**de.number_words(compounding=True), **rounds}          # "hundert", "tausend"
    stems = {w + ("t" if n < 20 else "st"): n for w, n in cardinals.items() if n >= 2}
    return {**stems, **de.numbered("ordinal_stems")}


def fraction_denominator(word: str) -> int | None:
    """The denominator a fraction noun names - an ordinal stem + "el" ("Drittel" 3, "Viertel" 4, "Zehntel" 10,
    "Hundertstel" 100), German's one way to name a fraction; None for any other word. Only the bare form: "in drei
    Vierteln der Stadt" (dative plural) counts city quarters as often as it takes a share."""
    w = word.lower()
    return _ordinal_stems().get(w[:-2]) if w.endswith("el") else None


def _numbers_one_of(prev: str, text: str, pos: int) -> bool:
    """Does the noun before "N von M Nouns" number one of the things the whole counts ("Folge 3 von 10 Folgen",
    "Kapitel 4 von 12 Kapiteln"): the whole's noun is that noun's plural, built on its singular as German plurals
    mostly are (Folge -> Folgen)? The number is then a label, not a part. A plural adds an ending of at most three
    letters (-e, -en, -er, -ern, -s, -nen): "im Land 30 von 71 Landkreisen" is no numbered land (review rv87)."""
    noun, _ = _next_word(text, pos)
    # not an article opening the sentence: "Die 30 von 50 Dienststellen" is a part ("Die" begins "Dienststellen")
    return prev[:1].isupper() and len(prev) > 2 and prev.lower() not in _ARTICLES and \
        noun.lower().startswith(prev.lower()) and len(noun) - len(prev) <= 3


def _digit_kind(text: str, s: int, e: int, raw: str, value: float, prev_id_end: int, prev_year_end: int) -> str:
    prev, pstart = _prev_word(text, s)
    pl = prev.lower().rstrip(".,")
    whole = re.match(r"\s*(?:von|der)\s+\d[\d.,]*", text[e:e + 20])   # "47 von 52 Drohnen", "Platz 149 von 180"
    of_total = whole is not None and whole.group(0).split()[0] == "von"
    noun_after = _followed_by_noun(text, e) or _scale_after(text, e)
    # a part of a whole whose noun follows ("mit Verbündeten 328 von 547 Sitzen", "Stimmen 44 der 101 Sitze"): a
    # count, whatever word stands before it - a rank stands after a rank noun ("Platz 149 von 180 Ländern")
    part_of_counted = whole is not None and _followed_by_noun(text, e + whole.end()) and \
        not pl.endswith(RANK_NOUNS) and not _numbers_one_of(prev, text, e + whole.end())
    # a figure whose noun is said once after the next figure ("um 1,6 statt 1,3 Prozent") is no label
    bare = not noun_after and not re.match(r"\s*(?:von|aus|bis|statt|anstatt)\s+\d", text[e:e + 12])
    # a rank before "von N" ("auf Platz 149 von 180") is a label; a word opening the sentence is none ("Immerhin 47
    # von 52 Drohnen", "Bisher 12 von 20 Bezirken"): sentence openers are too many to list
    nounless = bare or of_total and not noun_after and not _opens_sentence(text, pstart)
    year_like = re.fullmatch(r"\d{4}", raw) is not None and 1000 <= value <= 2100
    if year_like and pl in STRONG_YEAR_CONTEXT:
        return "year"
    if year_like and DATING_PARTICIPLE.match(_next_word(text, e)[0]):
        return "year"
    if nounless and not part_of_counted and prev[:1].isupper() and pl not in NOT_LABEL and pl not in SENTENCE_STARTERS \
            and re.fullmatch(r"[\wÄÖÜäöüß\-]+", prev) and text[pstart + len(prev): s].strip() == "":
        return "id"                    # a label: "Resolution 1718", "Artikel 5", a rank "Platz 149 von 180"
    if bare and prev in (",", "und", "oder", "sowie", "bzw.") and s - prev_id_end < 12:
        return "id"                    # the list goes on: "1718, 1874 und 2270"
    if year_like and (bare or pl in YEAR_CONTEXT and not _followed_by_noun(text, e)):
        return "year"
    if year_like and pl in ("und", "bis", "-", "–") and s - prev_year_end < 8:
        return "year"                  # "zwischen 1722 und 1787"
    return "cardinal"


def _word_numbers(text: str, taken: list[tuple[int, int, str]]) -> list[Number]:
    """Numbers written as words: cardinals, vague plurals ("Tausende"), compounds ("dreitägigen")."""
    out = []
    for m in WORD.finditer(text):
        word = m.group(0)
        lw = word.lower().replace("\u00ad", "")
        if not _number_word(lw):
            continue                       # (no other word gives a number below)
        s, e = m.start(), m.end()
        if _overlaps(taken, s, e):
            continue
        if lw in SCALES or vague_bounds(lw):
            prev, _ = _prev_word(text, s)
            if parse_digits(prev) is not None or parse_word(prev) is not None or prev.lower() in ARTICLE_ONE:
                continue                   # the scale of the number before: "1,5 Millionen", "zwei Dutzend"
        vb = vague_bounds(lw)
        if vb:
            if _prev_word(text, s)[0].lower() in ANAPHORIC:
                continue                   # "Diese Milliarden": the amount named before, not a new figure
            out.append(Number(s, e, word, vb[0], "vague", vb[0], vb[1]))
            continue
        comp = _word_compound(lw)
        if comp:
            out.append(Number(s, e, word, comp[0], "compound", unit=comp[1]))
            continue
        if lw in ARTICLE_ONE:
            out += _article_one(text, s, e, word)
            continue
        value = parse_word(lw)
        if value is None:
            continue
        # "außer Acht", "Elf" the creature: a capitalised number word mid-sentence is a noun
        if word[0].isupper() and not _sentence_initial(text, s) and not lw.endswith(("hundert", "tausend")):
            continue
        out.append(Number(s, e, word, value, "cardinal"))
    return out


@lru_cache(maxsize=65536)   # asked of every word of every article: words repeat
def _number_word(lw: str) -> bool:
    """Can the word (lower-cased) be a number in `_word_numbers`: a vague plural, a duration compound, "ein"
    or a number word? Asked first, so that the other words of a text are passed over at once."""
    return bool(vague_bounds(lw)) or _word_compound(lw) is not None or lw in ARTICLE_ONE or parse_word(lw) is not None


def _article_one(text: str, s: int, e: int, word: str) -> list[Number]:
    """"ein"/"eine" counts only before a scale word: "eine Million", "eine halbe Milliarde"."""
    if _scale_after(text, e):
        return [Number(s, e, word, 1.0, "cardinal")]
    half, at = _next_word(text, e)           # "eine halbe Million", "einer halben Milliarde"
    if half.lower() in ("halbe", "halben") and _scale_after(text, at + len(half)):
        return [Number(s, at + len(half), text[s:at + len(half)], 0.5, "cardinal")]
    return []


@lru_cache(maxsize=65536)   # asked of every word of every article: words repeat
def _word_compound(lw: str) -> tuple[float, str] | None:
    """``dreitägigen`` -> (3, "Tage")."""
    for suffix, unit in DURATION_SUFFIXES.items():
        i = lw.find(suffix)
        if i > 0:
            v = parse_word(lw[:i])
            if v is not None:
                return v, unit
    return None


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?:\n\"„“»«(" or before.endswith("\n")


def _scale_after(text: str, pos: int) -> bool:
    w, _ = _next_word(text, pos)
    return w.lower() in SCALES


# --- figures ------------------------------------------------------------------------------------

# the qualifiers' words (lang/de/qualifiers.tsv, column FIGURE) as one alternation a qualifier, in the file's order
QUALIFIER_PATTERNS: list[tuple[str, str]] = [
    ("|".join(re.escape(w) for w, q in de.pairs("qualifiers", column=1).items() if q == qual), qual)
    for qual in dict.fromkeys(de.pairs("qualifiers", column=1).values())]
_QUAL_RX = [(re.compile(rf"(?<=[\s(„\"“»'])({p})\s+$", re.IGNORECASE), q) for p, q in QUALIFIER_PATTERNS]
RANGE_JOIN = re.compile(r"\s*(bis|–|—|-|und)\s*")


def _qualifier_before(text: str, pos: int) -> tuple[str, int]:
    """The qualifier right before pos and where it starts; ("exact", pos) when none."""
    lo = max(0, pos - 40)
    window = (" " if lo == 0 else "") + text[lo:pos]
    offset = lo - (1 if lo == 0 else 0)
    for rx, q in _QUAL_RX:
        m = rx.search(window)
        if m:
            word = m.group(1).lower()
            start = offset + m.start(1)
            if word in ("unter", "gegen", "über", "gut") and not _plain_qualifier_context(text, start, word):
                continue
            return q, start
    return "exact", pos


# Nouns after which "über" means "about": "Berichte über 14 Tote", "Streit über 200 Millionen".
ABOUT_NOUNS = re.compile("(" + "|".join(n[:-1] + r"\w*" if n.endswith("*") else n        # lang/de/topic_nouns.txt
                                         for n in de.phrases("topic_nouns")) + ")$")


def _plain_qualifier_context(text: str, start: int, word: str) -> bool:
    """``über 100 Tote`` is more_than; ``Berichte über 14 Tote`` or ``unter 3000 Demonstranten`` is not."""
    prev, _ = _prev_word(text, start)
    pl = prev.lower()
    if _sentence_initial(text, start):
        return word != "unter"
    if word == "über":
        # after a noun "über" means "about" only where the noun takes a topic ("Berichte über", "Streit über");
        # "binnen einer Woche über 100.000 Menschen", "in Folge über 40 Grad" are more_than
        about = prev[:1].isupper() and pl not in NOT_LABEL and pl not in SENTENCE_STARTERS and \
            (ABOUT_NOUNS.search(pl) is not None or not re.fullmatch(r"[A-Za-zÄÖÜäöüß\-]+", prev))
        return not about and pl not in de.words("topic_verbs")       # lang/de/topic_verbs.txt
    if word in ("gut", "unter", "gegen"):
        return pl in de.table("qualifier_contexts")[word]          # lang/de/qualifier_contexts.tsv
    return True


def _scale(text: str, pos: int) -> tuple[float, int]:
    """A scale word after pos: (factor, end) or (1, pos)."""
    w, at = _next_word(text, pos)
    f = SCALES.get(w.lower())
    if f is None:
        return 1.0, pos
    return float(f), at + len(w)


def find_figures(text: str, numbers: list[Number] | None = None) -> list[QuantityPhrase]:
    """The quantity phrases in text, with bounds and qualifier; non-quantities left out."""
    numbers = numbers if numbers is not None else scan_numbers(text)
    figures: list[QuantityPhrase] = []
    # a quantity has bounds, and a cardinal its value
    usable = [n for n in numbers if n.kind in ("cardinal", "vague", "compound") and n.low is not None
              and n.high is not None and (n.value is not None or n.kind != "cardinal")]
    i = 0
    while i < len(usable):
        n = usable[i]
        i += 1
        if n.low is None or n.high is None:
            continue
        if n.kind == "compound":
            q, qs = _qualifier_before(text, n.start)
            if q == "approx" and re.match(r"(?i)(um|an|gegen)\b", text[qs:n.start]):
                q, qs = "exact", n.start           # "um die vierjährige Tochter zu holen": "um ... zu"
            figures.append(QuantityPhrase(qs, n.end, text[qs:n.end], n.low, n.high, q, "compound", n.start, n.unit))
            continue
        start, end, low, high, kind = n.start, n.end, n.low, n.high, n.kind
        prev, pstart = _prev_word(text, start)
        factor = 1.0
        if kind == "cardinal" and n.value is not None:
            factor, end = _scale(text, end)
            low = high = n.value * factor
            stem = n.text.lower()
            if prev.lower() in VAGUE_DETERMINERS and stem in VAGUE:
                # "einige Zehntausend", "mehrere hundert", "ein paar Dutzend"
                low, high = VAGUE[stem]
                kind, start = "vague", pstart
                if prev.lower() == "paar":
                    p2, p2s = _prev_word(text, pstart)
                    if p2.lower() in ARTICLE_ONE:
                        start = p2s
        is_range = False
        between = prev.lower() == "zwischen"
        nxt = usable[i] if i < len(usable) else None
        if kind == "cardinal" and nxt is not None and nxt.kind == "cardinal" and nxt.value is not None \
                and n.value is not None:
            jm = RANGE_JOIN.fullmatch(text[end:nxt.start])
            if jm and (jm.group(1) != "und" or between):
                f2, end2 = _scale(text, nxt.end)
                hi = nxt.value * f2
                lo = n.value * f2 if factor == 1 and f2 > 1 and n.value * f2 <= hi else low
                if lo < hi:                    # "zwei bis drei Millionen", "10.000 bis 12.000"
                    low, high, end, is_range = lo, hi, end2, True
                    i += 1
                    if between:
                        start = pstart
        q, qs = _qualifier_before(text, start)
        if kind == "vague":
            f2, end2 = _scale(text, end)
            if f2 > 1:                             # "Dutzende Millionen", "Hunderte Millionen Euro"
                low, high, end = low * f2, high * f2, end2
            q = "vague"                    # the qualifier word stays in the phrase, the bounds say it all
        figures.append(QuantityPhrase(qs, end, text[qs:end], float(low), float(high), q, kind, start, None, is_range))
    return figures
