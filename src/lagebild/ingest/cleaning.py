"""Cleaning: strip page furniture from German news text, keep a map back to the raw text.

`clean(raw)` returns the text extraction sees: the title as first line,
paragraphs separated by blank lines, without ad markers, video captions' date
and length, photo position notes, live-blog teasers, agency and byline lines,
repeated headlines, share buttons and trailing navigation. Every kept
character comes from the raw text one for one (whitespace may be unified), so
`Cleaned.offset_map` maps any cleaned offset back to the raw text; only the
paragraph separators are synthetic.

Rules are small named functions in three registries, run in this order:

- LINE_RULES look at one stripped raw line and drop it whole (reason = name);
- INLINE_RULES delete stretches inside a kept line (caption tails, ``(2.v.l.)``);
- PASSES look at the kept lines in context (teaser boxes after a live-blog
  pointer, "related articles" sections, repeated headlines, trailing links).

Any rule can be switched off by name: ``clean(raw, disable={"byline"})``.
Rules are line-anchored on purpose: "Anzeige" alone on a line is an ad marker,
"Anzeige erstatten" in a sentence is content.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..lang import de
from ..lang.de.outlets import outlet_words, section_names
from ..model import OffsetMap

# --- results -------------------------------------------------------------------------------------


@dataclass
class Removed:
    """A stretch of raw text that cleaning dropped, and why."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class FoundDate:
    """A date read from furniture: a "Stand:" line, a byline, a video caption."""

    value: str                   # ISO: 2025-01-13
    basis: str                   # "Stand line", "byline", "caption date", "date line"
    offset: int                  # raw offset where it stood


@dataclass
class Cleaned:
    text: str
    offset_map: OffsetMap
    agencies: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The first line; where that is a whole paragraph (no headline), its first sentence, cut short."""
        first = self.text.split("\n", 1)[0]
        if len(first) <= TITLE_MAX:
            return first
        m = re.match(r"(.{20,}?[.!?])\s+[A-ZÄÖÜ\"„»]", first)
        if m and len(m.group(1)) <= TITLE_MAX:
            return m.group(1)
        return first[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:-–") + " …"


TITLE_MAX = 160     # longer first lines are paragraphs, not headlines


# --- vocabulary ----------------------------------------------------------------------------------

# News agencies as they are written in German bylines; key: casefolded spelling.
AGENCIES: dict[str, str] = {w: name for w, name in de.rows("agencies")}   # lang/de/agencies.tsv
_MONTHS = {**de.months(), **de.month_abbreviations()}                   # lang/de/months.tsv ...
_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\r\f\v"
_INVISIBLE = ("\u00ad\u200b\u200c\u200d\u2060\ufeff"   # soft hyphen, zero-width: deleted (they split tokens)
              + "".join(chr(i) for i in (*range(0x20), *range(0x7f, 0xa0)) if chr(i) not in "\t\n\r\f\v"))
_CLOSERS = "\"'“”»«‘’)]"
_TERMINAL = ".!?…"
_DATE = r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})"
_DATE_WORDS = r"(?P<d>\d{1,2})\.\s?(?P<mw>[A-Za-zäÄ]+)\s+(?P<y>\d{4})"


def agency(name: str) -> str | None:
    """Canonical agency name for a spelling ("rtr" -> "Reuters"), else None."""
    return AGENCIES.get(name.strip().strip(".").casefold())


def split_agencies(items: str) -> tuple[list[str], list[str]]:
    """'AFP, AP, dpa und Reuters' -> (known agencies, other names)."""
    known: list[str] = []
    other: list[str] = []
    for part in re.split(r"\s*(?:[,/;&+]|\bund\b|\bsowie\b)\s*", items.strip(" ()")):
        if not part:
            continue
        a = agency(part)
        (known if a else other).append(a or part)
    return known, other


def _iso(d: str, m: str | int, y: str) -> str | None:
    try:
        dd, mm, yy = int(d), int(m) if not isinstance(m, str) or m.isdigit() else _MONTHS[m.casefold()], int(y)
    except (KeyError, ValueError):
        return None
    if not (1 <= dd <= 31 and 1 <= mm <= 12 and 1900 <= yy <= 2100):
        return None
    return f"{yy:04d}-{mm:02d}-{dd:02d}"


def _date_of(m: re.Match) -> str | None:
    g = m.groupdict()
    return _iso(g["d"], g.get("m") or g.get("mw") or "", g["y"])


def words(s: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", s)


def ends_sentence(s: str) -> bool:
    s = s.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(s) and s[-1] in _TERMINAL


def headline_like(s: str) -> bool:
    """A short line without sentence-final punctuation: headline, kicker, link text."""
    return 0 < len(words(s)) <= 14 and not ends_sentence(s)


def prose(s: str) -> bool:
    return len(words(s)) >= 8 and ends_sentence(s)


def _norm_heading(s: str) -> str:
    return re.sub(r"[\W_]+", "", s).casefold()


# --- state shared by the rules of one call ---------------------------------------------------------


@dataclass
class State:
    agencies: list[str] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    seen_prose: bool = False      # a prose line came before: bare date lines are no longer the dateline
    offset: int = 0               # raw offset of the current line

    def add_agencies(self, names: Iterable[str]) -> None:
        for n in names:
            if n not in self.agencies:
                self.agencies.append(n)

    def add_date(self, value: str | None, basis: str, offset: int | None = None) -> None:
        if value:
            self.dates.append(FoundDate(value, basis, self.offset if offset is None else offset))


LineRule = Callable[[str, State], bool]
InlineRule = Callable[[str, State], Iterable[tuple[int, int]]]
LINE_RULES: dict[str, LineRule] = {}
INLINE_RULES: dict[str, InlineRule] = {}
PASSES: dict[str, Callable[[list["_Line"], State], None]] = {}


def line_rule(name: str):
    def register(fn: LineRule) -> LineRule:
        LINE_RULES[name] = fn
        return fn
    return register


def inline_rule(name: str):
    def register(fn: InlineRule) -> InlineRule:
        INLINE_RULES[name] = fn
        return fn
    return register


def context_pass(name: str):
    def register(fn):
        PASSES[name] = fn
        return fn
    return register


# --- line rules: the whole (stripped) line is furniture ----------------------------------------------

_AD = re.compile(
    r"(?:Anzeige|ANZEIGE|Werbung|WERBUNG|Advertisement|Sponsored|Gesponsert|Promotion|Paid Content|Ad)"
    r"|(?:Weiter(?:lesen)?|Lesen Sie weiter|Der Artikel geht weiter|Artikel (?:wird )?(?:unter|nach) der|"
    r"Text geht (?:unter|nach) der)\b.{0,40}(?:Anzeige|Werbung|fortgesetzt)\.?"
    r"|Anzeige\s*[-–|:]\s*(?:Scrollen|Weiterlesen|Lesen).{0,40}")


@line_rule("ad")
def _ad(line: str, st: State) -> bool:
    return bool(_AD.fullmatch(line))


# Share buttons, reading time, navigation: compared casefolded, without trailing ":".
_UI = de.words("page_controls")                                 # lang/de/page_controls.txt


@line_rule("share_navigation")
def _share_navigation(line: str, st: State) -> bool:
    s = line.casefold().rstrip(" :").strip()
    return (s in _UI or bool(re.fullmatch(r"(?:lesezeit|lesedauer)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min\w*\.?|minuten)", s))
            or bool(re.fullmatch(r"(?:bild|foto|seite)?\s*\d{1,3}\s*(?:/|von)\s*\d{1,3}", s)))


@line_rule("logo")
def _logo(line: str, st: State) -> bool:
    # "ZEIT ONLINE Logo", "tagesschau Logo": a logo's alt text. Lower-case words before it must name an
    # outlet: "Lufthansa zeigt neues Logo" is a headline.
    w = words(line)
    return (2 <= len(w) <= 4 and w[-1] in ("Logo", "logo", "LOGO") and not ends_sentence(line)
            and all(x[0].isupper() or x.casefold() in outlet_words() for x in w[:-1]))


@line_rule("navigation")
def _navigation(line: str, st: State) -> bool:
    # "Nachrichten zurück", "Nachrichten > Politik > Ausland", "Zurück zur Übersicht": menus and breadcrumbs
    w = [x.casefold() for x in words(line)]
    if not w or len(w) > 6 or ends_sentence(line):
        return False
    if w[0] == "zurück" and len(w) <= 4 and (len(w) == 1 or w[1] in ("zu", "zum", "zur", "nach")):
        return True
    nav = [x for x in w if x != "zurück"]
    if not nav or not all(x in section_names() for x in nav):
        return False
    # with "zurück", as a breadcrumb, or a lone section name above the article ("Politik" as a kicker)
    return len(nav) < len(w) or len(nav) > 1 and re.search(r"[>›»/|]", line) is not None or (
        len(w) == 1 and not st.seen_prose)


@line_rule("no_words")
def _no_words(line: str, st: State) -> bool:
    # "|", "***", "•", "—": layout leftovers. Lines of digits only carry no counted noun either.
    return not re.search(r"[^\W\d_]", line)


@line_rule("trailing_junk")
def _trailing_junk(line: str, st: State) -> bool:
    # "OSZAR »", "Mehr »", "Weiter ›": a word and a link arrow (link furniture of scraped pages)
    return bool(re.fullmatch(r"[^\W\d_]{1,12}\s*[»«›‹→>]+", line))


_CREDIT = re.compile(r"(?:Fotos?|Bild(?:er|quelle|rechte)?|Foto\s*&\s*Video|Grafik|Copyright|Titelbild|Video"
                     r"|Quelle\s*:\s*(?:picture[- ]alliance|imago|getty|afp|dpa|reuters|ap)\b[^:]*)"
                     r"\s*:\s*.{1,110}|©.{1,110}|\(c\)\s.{1,110}|(?:Symbolbild|Archivbild|Archivfoto)\b.{0,110}")


@line_rule("image_credit")
def _image_credit(line: str, st: State) -> bool:
    # "Foto: dpa/Michael Kappeler", "© IMAGO", "Bild: Nächtliche Szene vor dem Haus"
    return bool(_CREDIT.fullmatch(line)) and not prose(line.split(":", 1)[-1]) or bool(
        re.fullmatch(r"(?:Fotos?|Bild)\s*:\s*.{1,110}", line) and len(words(line)) <= 16)


_QUELLE = re.compile(r"(?:Quellen?|Mit Material von|Material von|Mitarbeit|Agenturen|Agenturmaterial|Von)"
                     r"\s*:\s*(?P<items>.{1,100})")
_MATERIAL = re.compile(r"\(?\s*(?:mit|Mit|unter Verwendung von|Unter Verwendung von)"
                       r"\s+(?:Material|Agenturmaterial|Informationen)"
                       r"(?:\s+(?:der|von|aus))?(?P<items>.{0,80}?)\s*\)?\.?")


@line_rule("agency_line")
def _agency_line(line: str, st: State) -> bool:
    """'Quelle: AFP, AP, dpa, Reuters', 'Von: APA/dpa/AFP', '(Mit Material der Nachrichtenagenturen)', 'dpa/AFP/jm'."""
    m = _QUELLE.fullmatch(line)
    if m:
        known, other = split_agencies(m["items"])
        if known or (len(other) <= 5 and all(len(words(o)) <= 4 for o in other) and not ends_sentence(m["items"])):
            st.add_agencies(known)
            return True
        return False
    m = _MATERIAL.fullmatch(line)
    if m:
        known, _ = split_agencies(re.sub(r"\b(?:der|den|von|Nachrichtenagenturen?|Agenturen)\b", ",", m["items"]))
        st.add_agencies(known)
        return True
    # an agency-code line: "(dpa)", "dpa/AFP", "afp/dpa/jm", "(rtr, ap)" - at least one real agency
    m = re.fullmatch(r"\(?\s*((?:[\w-]{1,12}\s*[/,;]\s*){0,5}[\w-]{1,12})\s*\)?\.?", line)
    if m:
        known, other = split_agencies(m[1])
        if known and all(len(o) <= 4 and o.islower() for o in other):  # others: editor initials
            st.add_agencies(known)
            return True
    return False


_NAME = r"(?:[A-ZÄÖÜ][\w.'’-]*|von|van|de|der|zu)"


@line_rule("byline")
def _byline(line: str, st: State) -> bool:
    # "Von: Anna Müller", "Von Anna Müller und Jan Kuhn, Berlin", "Ein Kommentar von Anna Müller"
    if re.fullmatch(r"(?:Von|Autor(?:in)?|Autoren|Text)\s*:\s*.{2,80}", line) and not ends_sentence(line):
        known, _ = split_agencies(line.split(":", 1)[1])
        st.add_agencies(known)
        return True
    names = rf"{_NAME}(?:\s+{_NAME}){{1,3}}"
    return bool(re.fullmatch(rf"(?:(?:Ein (?:Kommentar|Gastbeitrag|Bericht|Essay|Interview)|Eine Analyse) )?"
                             rf"[Vv]on\s+{names}"
                             rf"(?:\s*(?:,|und|&)\s*{names})*(?:\s*,\s*[A-ZÄÖÜ][\w-]+)?", line))


_STAND = re.compile(
    r"(?:Stand|Aktualisiert|Zuletzt aktualisiert|Veröffentlicht|Erstellt|Erschienen|Publiziert|Update)"
    r"(?:\s+am)?\s*:?\s*(?:[A-Z][a-z]+,\s*)?(?:" + _DATE + "|" + _DATE_WORDS.replace("?P<", "?P<w") + r")"
    r"(?:\s*[,|-]?\s*(?:um\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\.?")
_DATELINE = re.compile(r"\(?\s*(?:[A-Z][a-z]+,\s*(?:den\s+)?)?" + _DATE
                       + r"(?:\s*[,|-]?\s*(?:um\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*\)?")


@line_rule("date_line")
def _date_line(line: str, st: State) -> bool:
    # "Stand: 12.03.2025 14:05 Uhr", "Veröffentlicht am 3. März 2025", a bare "12.03.2025, 14:05 Uhr"
    m = _STAND.fullmatch(line)
    if m:
        g = m.groupdict()
        st.add_date(_iso(g["d"], g["m"], g["y"]) if g["d"] else _iso(g["wd"], g["wmw"], g["wy"]), "Stand line")
        return True
    m = _DATELINE.fullmatch(line)
    if m:
        if not st.seen_prose:  # at the top it is the article's date; further down a link's date
            st.add_date(_date_of(m), "date line")
        return True
    return False


_LIVE = r"(?:Live-?[Bb]log|Liveticker|Live-Ticker|Newsblog|News-Blog|Newsticker|Ticker|Live-Update)"
_LIVE_POINTER = re.compile(rf"(?:Aktuelle|Alle|Die aktuellen|Neueste|Weitere)\s.{{0,120}}"
                           rf"\b(?:in|im|in unserem|zum)\s+\w*{_LIVE}\w*\s*[:.]?"
                           rf"|(?:Mehr|Alles|Alle (?:News|Infos|Entwicklungen))\s.{{0,80}}\b{_LIVE}\w*\s*:"
                           rf"|{_LIVE}|{_LIVE}\s*[:+|-]\s*.{{0,80}}|\+\+\+.{{0,120}}\+\+\+")


@line_rule("liveblog")
def _liveblog(line: str, st: State) -> bool:
    # "Aktuelle Meldungen zu ... finden Sie jederzeit in unserem Liveblog:", "Liveblog", "+++ Ticker +++"
    return bool(_LIVE_POINTER.fullmatch(line)) and (line.endswith(":") or len(words(line)) <= 20)


_RELATED = re.compile(
    r"(?:Wikinews-Portal\s*:\s*)?(?:Themenverwandte[rn]?|Weitere|Mehr|Verwandte|Ähnliche|Aktuelle|Neueste|Alle)\s+"
    r"(?:Artikel|Nachrichten|Meldungen|News|Beiträge|Themen|Videos|Infos|Informationen|Texte|Links)\b.{0,60}"
    r"|Mehr zu[mr]? .{1,50}|Mehr zum Thema.{0,50}|Lesen Sie (?:auch|mehr|hier).{0,60}|Auch interessant.{0,40}"
    r"|Das könnte Sie (?:auch )?interessieren.{0,20}|Siehe auch.{0,60}|Quellen|Fußnoten|Einzelnachweise|Weblinks"
    r"|Bildergalerie.{0,60}|Zum Weiterlesen.{0,40}|Hintergrund(?:artikel)? zum Thema.{0,40}|Weitere Informationen")


@line_rule("related_header")
def _related_header(line: str, st: State) -> bool:
    """The head of a 'related articles' / sources box; the links under it go in the `related` pass."""
    return bool(_RELATED.fullmatch(line.rstrip(" :"))) and not ends_sentence(line)


# --- inline rules: spans inside a kept line ------------------------------------------------------------

# Patterns that open with \s* start where a run of white space starts ((?<!\s)): the match is the same
# (the leftmost one), and a line with a long run of spaces is no longer searched from each of them.
_CAPTION_TAIL = re.compile(r"(?<!\s)\s*(?:" + _DATE + r"\s*\|\s*)?(?:Video\s*)?(?:\|\s*)?\d{1,3}:\d{2}(?::\d{2})?"
                           r"\s*(?:min|Min|Minuten|sek|Sek|s|Std)\.?\s*$")


@inline_rule("caption_tail")
def _caption_tail(line: str, st: State):
    # "... Soldaten bereitgestellt.13.01.2025 | 1:27 min": video teaser date and length
    m = _CAPTION_TAIL.search(line)
    if m and (m["d"] or "|" in m[0] or m.start() == 0 or "Video" in m[0]):
        if m["d"]:
            st.add_date(_date_of(m), "caption date", st.offset + m.start())
        yield m.start(), m.end()


_POSITION = re.compile(
    # (2.v.l.) (4.vl) (l-r) (r.)
    r"(?<!\s)\s*\((?:\d{1,2}\.?\s?)?(?:v\.?\s?)?(?:l|r|li|re|M)\.?(?:\s?[-–]\s?(?:r|l)\.?)?\)"
    # (von links nach rechts)
    r"|(?<!\s)\s*\((?:[Vv]on\s)?(?:links|rechts)(?:\s(?:nach|n\.)\s(?:rechts|links))?\)"
    r"|(?<!\s)\s*\((?:v\.\s?)?l\.\s?n\.\s?r\.\)|(?<!\s)\s*\((?:Mitte|vorne|hinten|oben|unten)(?:\s(?:links|rechts))?\)"
    r"|(?<!\s)\s*\((?:Symbolbild|Archivbild|Archivfoto|Foto|Bild|Grafik|Video|Symbolfoto)\)")


@inline_rule("photo_position")
def _photo_position(line: str, st: State):
    for m in _POSITION.finditer(line):
        yield m.start(), m.end()


@inline_rule("photo_credit_tail")
def _photo_credit_tail(line: str, st: State):
    # "... vor dem Kreml. Foto: Alexander Zemlianichenko/AP/dpa"
    m = re.search(r"(?<=[.!?\"“”])\s*(?:Fotos?|Bild|Foto\s*&\s*Video|©)\s*:?\s*[^.!?:]{1,70}$", line)
    if m and "/" in m[0] or m and "©" in m[0]:
        yield m.start(), m.end()


_DATELINE_AGENCY = re.compile(r"^(?:[A-ZÄÖÜ][\w.'’/-]*(?:\s[A-ZÄÖÜ(][\w.'’/)-]*){0,3}\s*)?"
                              r"(\(\s*([\w/ ,.-]{1,40}?)\s*\))\s*(?=[-–—:])")


@inline_rule("dateline_agency")
def _dateline_agency(line: str, st: State):
    # "Kiew (AFP) - Die ...": keep the place, drop the agency tag (kept in Article.agencies)
    m = _DATELINE_AGENCY.match(line)
    if m:
        known, other = split_agencies(m[2])
        if known and not other:
            st.add_agencies(known)
            start = m.start(1)
            while start > 0 and line[start - 1] == " ":
                start -= 1
            if start == 0:  # "(dpa) - Die ...": drop the dash too
                dash = re.match(r"\s*[-–—:]\s*", line[m.end(1):])
                yield 0, m.end(1) + (dash.end() if dash else 0)
            else:
                yield start, m.end(1)


_SIGNATURE = re.compile(r"(?:(?<=[.!?\"“”])|^)\s*\((?P<who>[^()]{1,80}?)\s*[,;–-]\s*(?:" + _DATE + r")\)(?=\s|$)")


@inline_rule("byline_signature")
def _byline_signature(line: str, st: State):
    # "... gefahren. (APA, 18.3.2016)" - Austrian style author/agency sign-off with date
    for m in _SIGNATURE.finditer(line):
        if re.search(r"\d", m["who"]) or len(words(m["who"])) > 8:
            continue   # "(Az. 1 BvR 12/20, 3.3.2020)" is a reference, not a sign-off
        known, _ = split_agencies(m["who"])
        st.add_agencies(known)
        st.add_date(_date_of(m), "byline", st.offset + m.start())
        yield m.start(), m.end()


_TICKER_SENTENCE = re.compile(
    rf"(?:(?<=[.!?\"“”])\s+|^)(?:(?:Alle|Die|Weitere|Aktuelle|Mehr|Neueste|Alles|Wichtige)\s+)?"
    rf"(?:News|Nachrichten|Neuigkeiten|Entwicklungen|Informationen|Infos|Updates|Hintergründe|Aktuelles|Meldungen|dazu"
    rf"|zum Thema)\b[^.!?]{{0,60}}?\s(?:im|in unserem|in unseren|zum|in diesem)\s+\w*{_LIVE}\w*\s*[.!]?\s*$")


@inline_rule("ticker_teaser")
def _ticker_teaser(line: str, st: State):
    # "... News und Hintergründe im Ticker." at the end of a teaser paragraph
    m = _TICKER_SENTENCE.search(line)
    if m and len(words(m[0])) <= 12:
        yield m.start(), m.end()


@inline_rule("legal_notice")
def _legal_notice(line: str, st: State):
    pats = (r"(?<!\s)\s*Der Volltext dieses .{0,80}?Artikels steht .{0,60}?nicht mehr zur Verfügung\.",
            r"(?<!\s)\s*Dieser Artikel (?:ist|wurde) .{0,60}?(?:automatisch|maschinell) .{0,40}?"
            r"(?:übersetzt|erstellt)\.")
    for p in pats:
        for m in re.finditer(p, line):
            yield m.start(), m.end()


# --- lines -------------------------------------------------------------------------------------------


@dataclass
class _Line:
    start: int                    # raw offset of the line's first char
    text: str                     # the raw line, without its newline
    drop: str | None = None       # reason when the whole line goes
    dels: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, reason), line-relative
    visible: str = ""             # what stays of it, whitespace unified

    def kept_intervals(self) -> list[tuple[int, int]]:
        cuts = sorted((s, e) for s, e, _ in self.dels)
        out, pos = [], 0
        for s, e in cuts:
            if s > pos:
                out.append((pos, s))
            pos = max(pos, e)
        if pos < len(self.text):
            out.append((pos, len(self.text)))
        return out

    def kept_runs(self) -> list[tuple[int, int, str]]:
        """(line-relative start, end, text) of what stays: whitespace collapsed, invisible chars gone."""
        runs: list[tuple[int, int, list[str]]] = []
        pending: int | None = None        # where a whitespace run began: one space stands for it
        for a, b in self.kept_intervals():
            pos = a
            for m in _TOKEN.finditer(self.text, a, b):
                if runs and pending is None:
                    pending = _first_space(self.text, pos, m.start())
                if pending is not None:
                    _add(runs, pending, " ")
                    pending = None
                _add(runs, m.start(), m.group())
                pos = m.end()
            if runs and pending is None:
                pending = _first_space(self.text, pos, b)
        return [(s, e, "".join(t)) for s, e, t in runs]


_TOKEN = re.compile(f"[^{re.escape(_SPACE + _INVISIBLE)}]+")


def _first_space(text: str, a: int, b: int) -> int | None:
    for i in range(a, b):
        if text[i] in _SPACE:
            return i
    return None


def _add(runs: list, i: int, piece: str) -> None:
    if runs and runs[-1][1] == i:
        s, _, t = runs[-1]
        t.append(piece)
        runs[-1] = (s, i + len(piece), t)
    else:
        runs.append((i, i + len(piece), [piece]))


def _visible(line: _Line) -> str:
    return "".join(t for _, _, t in line.kept_runs())


# --- context passes ----------------------------------------------------------------------------------


def _kept(lines: list[_Line]) -> list[_Line]:
    return [ln for ln in lines if not ln.drop and ln.visible]


@context_pass("liveblog_teaser")
def _teaser_pass(lines: list[_Line], st: State) -> None:
    """After a live-blog pointer ("... in unserem Liveblog:") comes the linked teaser box:
    its headline, a ':kicker' and a blurb ending "im Ticker." - all of it goes."""
    for i, ln in enumerate(lines):
        if ln.drop != "liveblog" or not ln.text.rstrip().endswith(":"):
            continue
        taken = 0
        for nxt in lines[i + 1:]:
            if nxt.drop or not nxt.visible:
                continue
            v = nxt.visible
            if taken < 3 and (headline_like(v) or v.startswith(":")):
                nxt.drop, taken = "liveblog_teaser", taken + 1
                continue
            if any(r == "ticker_teaser" for *_, r in nxt.dels):
                nxt.drop = "liveblog_teaser"
            break


@context_pass("related")
def _related_pass(lines: list[_Line], st: State) -> None:
    """Under a 'related articles' / 'Quellen' head: link lines (short, no sentence) go, up to the next prose."""
    i = 0
    while i < len(lines):
        if lines[i].drop != "related_header":
            i += 1
            continue
        i += 1
        while i < len(lines):
            ln = lines[i]
            if ln.drop or not ln.visible:
                i += 1
                continue
            v = ln.visible
            if prose(v) and not v.startswith(("[", "http")):
                break
            ln.drop = "related"
            i += 1


@context_pass("repeated_headline")
def _repeated_pass(lines: list[_Line], st: State) -> None:
    """A headline repeated on the next line ('Krieg: X' then 'Krieg:X'), e.g. from og:title + h1."""
    prev: _Line | None = None
    for ln in lines:
        if ln.drop or not ln.visible:
            continue
        if prev is not None and headline_like(ln.visible) and _norm_heading(ln.visible) == _norm_heading(prev.visible):
            ln.drop = "repeated_headline"
            continue
        prev = ln


@context_pass("trailing_navigation")
def _trailing_pass(lines: list[_Line], st: State) -> None:
    """Short link-like lines after the last paragraph ('Aktuelle Nachrichten zur Ukraine')."""
    kept = _kept(lines)
    tail: list[_Line] = []
    for ln in reversed(kept[1:]):
        # no digits: "1. FC Nürnberg - VfB Stuttgart 2:1" at the end is a result list, not a link
        if headline_like(ln.visible) and len(words(ln.visible)) <= 8 and not re.search(r"\d", ln.visible):
            tail.append(ln)
        else:
            break
    if len(tail) <= 4:  # a longer run of short lines is a list that belongs to the article
        for ln in tail:
            ln.drop = "trailing_navigation"


# --- assembly ----------------------------------------------------------------------------------------


class _Builder:
    """Appends kept raw runs (mapped) and separators (synthetic) and records the OffsetMap."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[tuple[int, int, int]] = []
        self.n = 0

    def keep(self, r_start: int, text: str) -> None:
        if not text:
            return
        if self.segments:
            c, r, ln = self.segments[-1]
            if c + ln == self.n and r + ln == r_start:
                self.segments[-1] = (c, r, ln + len(text))
                self.parts.append(text)
                self.n += len(text)
                return
        self.segments.append((self.n, r_start, len(text)))
        self.parts.append(text)
        self.n += len(text)

    def synth(self, text: str) -> None:
        self.parts.append(text)
        self.n += len(text)


def _wrapped(block: list[_Line]) -> bool:
    """Hard-wrapped paragraph (e-mail, wire text): lines of similar width, mostly not ending a sentence."""
    if len(block) < 3:
        return False
    body = block[:-1]
    return (all(35 <= len(ln.visible) <= 100 for ln in body)
            and sum(not ends_sentence(ln.visible) for ln in body) >= len(body) / 2)


# --- Markdown syntax (only with clean(..., markdown=True)): deleted, the words stay ---------------------

_MD = [
    ("md_heading", re.compile(r"^\s{0,3}#{1,6}\s+|(?<!\s)\s+#+\s*$")),
    ("md_quote", re.compile(r"^\s{0,3}(?:>\s?)+")),
    ("md_bullet", re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")),
    ("md_image", re.compile(r"!\[[^\[\]]*\]\([^()]*\)")),
]
# Linear on any line: link text holds no '[' (so a run of '[' is not rescanned from each one), an
# emphasis spans at most a few hundred characters.
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\([^()]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.{1,300}?)(?<=\S)\1(?!\w)")


def _markdown_dels(line: str) -> list[tuple[int, int, str]]:
    dels = [(m.start(), m.end(), name) for name, rx in _MD for m in rx.finditer(line) if m.end() > m.start()]
    for m in _MD_LINK.finditer(line):       # [text](url): keep the text
        dels += [(m.start(), m.start() + 1, "md_link"), (m.end(1), m.end(), "md_link")]
    for m in _MD_EMPHASIS.finditer(line):   # **bold**, _em_
        dels += [(m.start(), m.start(1) + len(m[1]), "md_emphasis"), (m.end(2), m.end(), "md_emphasis")]
    return dels


def clean(raw: str, *, disable: Iterable[str] = (), markdown: bool = False) -> Cleaned:
    """Strip page furniture; return text (title first, paragraphs split by blank lines) and its OffsetMap.

    markdown: also delete Markdown syntax (headings' #, links' brackets and URLs, emphasis marks).
    """
    off = set(disable)
    st = State()
    lines: list[_Line] = []
    pos = 0
    for text in raw.split("\n"):
        lines.append(_Line(pos, text))
        pos += len(text) + 1

    for ln in lines:
        st.offset = ln.start
        if markdown:
            ln.dels = _markdown_dels(ln.text)
            stripped = _visible(ln)
        else:
            stripped = ln.text.strip(_SPACE + _INVISIBLE)
        if not stripped:
            continue
        for name, rule in LINE_RULES.items():
            if name not in off and rule(stripped, st):
                ln.drop = name
                break
        if ln.drop:
            continue
        for name, inline in INLINE_RULES.items():
            if name in off:
                continue
            for s, e in inline(ln.text, st):
                if e > s:
                    ln.dels.append((s, e, name))
        ln.visible = _visible(ln)
        if ln.visible and not re.search(r"[^\W\d_]", ln.visible):
            ln.drop = "no_words"           # only a caption tail or a position note was there
        elif not ln.visible and ln.dels:
            ln.drop = ln.dels[0][2]
        if prose(ln.visible):
            st.seen_prose = True

    for name, fn in PASSES.items():
        if name not in off:
            fn(lines, st)

    # paragraphs: blank lines separate blocks; in a block each line is a paragraph unless hard-wrapped
    blocks: list[list[_Line]] = [[]]
    for ln in lines:
        if not ln.text.strip(_SPACE + _INVISIBLE):
            if blocks[-1]:
                blocks.append([])
        elif not ln.drop and ln.visible:
            blocks[-1].append(ln)
    b = _Builder()
    first = True
    for block in (bl for bl in blocks if bl):
        joined = _wrapped(block)
        for j, ln in enumerate(block):
            if not first:
                b.synth(" " if joined and j > 0 else "\n\n")
            first = False
            for s, _e, t in ln.kept_runs():
                b.keep(ln.start + s, t)

    removed: list[Removed] = []
    for ln in lines:
        if ln.drop:
            s = ln.start + (len(ln.text) - len(ln.text.lstrip(_SPACE)))
            e = ln.start + len(ln.text.rstrip(_SPACE))
            removed.append(Removed(s, e, raw[s:e], ln.drop))
        else:
            for s, e, reason in ln.dels:
                removed.append(Removed(ln.start + s, ln.start + e, raw[ln.start + s: ln.start + e], reason))
    removed.sort(key=lambda r: r.start)
    return Cleaned("".join(b.parts), OffsetMap(b.segments), st.agencies, removed, st.dates)
