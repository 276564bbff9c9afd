"""What a figure measures: kind, subject (nationality + counted class), action, place.

Claims about the same quantity across articles get equal measures, so grouping
is a matter of comparing them. Everything here is German lexical knowledge, its word lists in lang/de
(counted_classes.tsv and the lists it names, force_nouns.txt, deployment_markers.tsv, seas.tsv, ...):

- counted nouns fall into classes by their (compound) head: ``Kampfdrohnen``
  -> drohne, ``Minen-Entschärfer`` -> pionier, ``Tote`` -> killed;
- casualty, flight, arrest, protest and interception verbs in the figure's
  clause turn persons into casualties, displaced people, detainees, attendees;
- nationality comes from the noun phrase (``nordkoreanische Soldaten``,
  ``Nordkoreaner``, ``US-Soldaten``) or the sender in the clause (``Nordkorea
  schickt ...``), never from a destination (``nach Russland``) or a source;
- for deployments, planning markers (``will``, ``zugesagt``, ``zusätzlich``,
  ``weitere``, a present-tense ``schickt``) tell planned from deployed.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..geo import COMPASS_NAME, city_names, country_table, gazetteer, german_country_names
from ..geo.countries import countries, country_forms, demonym_key
from ..lang.de import compass_stems, pairs, phrases, rows, table, words
from ..lang.de.scopes import area_of, scope_pattern
from ..loading import loader
from ..model import Measure
from ..nlp.lemmas import readings
from ..text import slugify

# --- countries: geo's one country table, with the forms lang/de adds (armed forces, armed groups) ---------

@dataclass
class CountryMention:
    """A country named in the text: where, its key, and how (name, adj, demonym, prefix)."""

    start: int
    end: int
    key: str
    form: str          # name, adj, demonym, prefix


def country_mentions(text: str, start: int, end: int) -> list[CountryMention]:
    """The countries named in text[start:end] (a match may not run past ``end``)."""
    scan = _country_scan(text)
    if end < len(text) and _WORD_CHAR.match(text, end) or scan.straddles(start) or scan.straddles(end):
        rx = _country_rx()          # the window's edges cut a word or a match: scan the window itself
        return [cm for m in rx.finditer(text, start, end) if (cm := _country_mention(text, m)) is not None]
    i = bisect_left(scan.starts, start)
    j = bisect_right(scan.ends, end)
    return [cm for cm in scan.mentions[i:j] if cm is not None]


@lru_cache(maxsize=1)
def _country_rx() -> re.Pattern[str]:
    """geo.countries.country_forms' pattern, its alternatives (every form, longest first) folded into a
    tree of common beginnings: the same matches (the longest form that ends before a non-letter), but
    at each word start the engine follows one branch instead of trying 2,000 forms."""
    tree: dict = {}
    for form in country_forms()[1]:
        node = tree
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(r"(?<![\wÄÖÜäöüß])(" + _tree_rx(tree) + r")(?![\wÄÖÜäöüß])", re.IGNORECASE)


def _tree_rx(node: dict) -> str:
    """A branch's pattern: its longer forms first (a greedy optional group), then the form ending here."""
    alts = [re.escape(ch) + _tree_rx(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


# Where the pattern ends a form: not before a letter or digit (geo.countries.country_forms).
_WORD_CHAR = re.compile(r"[\wÄÖÜäöüß]")


@dataclass
class _CountryScan:
    """All matches of the country pattern over one text, in order: their spans and what each names."""

    text: str
    starts: list[int]
    ends: list[int]
    mentions: list[CountryMention | None]

    def straddles(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos - 1) - 1       # the last match starting before pos
        return i >= 0 and self.ends[i] > pos


_last_scan: list[_CountryScan] = []


def _country_scan(text: str) -> _CountryScan:
    """The matches over the whole text, once per text (the extractors ask about many windows of one
    article). A window's matches are the whole text's that lie inside it, unless a match or a word
    crosses one of its edges (country_mentions then scans the window): the pattern's look-behind sees
    the text before the window, and inside the window it meets the same characters."""
    if _last_scan and (_last_scan[0].text is text or _last_scan[0].text == text):
        return _last_scan[0]
    matches = list(_country_rx().finditer(text))
    scan = _CountryScan(text, [m.start() for m in matches], [m.end() for m in matches],
                        [_country_mention(text, m) for m in matches])
    _last_scan[:] = [scan]
    return scan


def _country_mention(text: str, m: re.Match) -> CountryMention | None:
    _, forms = country_forms()
    word = m.group(1)
    key, form = forms[word.lower()]
    if form == "name" and word[0].islower():
        return None
    if form == "adj" and word[0].isupper() and not _sentence_start(text, m.start()):
        return None                                    # "Deutsche" the noun is a demonym, below
    # "US-Soldaten", "Nato-Truppen": a prefix joined by a hyphen
    if m.end() < len(text) and text[m.end()] == "-":
        nxt = re.match(r"-([A-ZÄÖÜ][\wäöüß]+)", text[m.end():])
        if nxt and form in ("name", "prefix"):
            return CountryMention(m.start(), m.end() + nxt.end(), key, "prefix")
        if form == "adj":
            return None                                # "russisch-ukrainischen Fronten": both sides
    if m.start() > 0 and text[m.start() - 1] == "-":
        return None
    if form == "prefix":
        return None
    return CountryMention(m.start(), m.end(), key, form)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:\n„\"“"


# --- counted classes --------------------------------------------------------------------------------


def _counted_classes() -> dict[str, tuple[str, tuple[str, ...]]]:
    """class -> (domain, stems), lang/de/counted_classes.tsv; "@name" stands for the forms of lang/de/name.tsv."""
    out = {}
    for cls, domain, stems in rows("counted_classes"):
        nouns: list[str] = []
        for w in (w.strip() for w in stems.split(",") if w.strip()):
            nouns += [row[0] for row in rows(w[1:])] if w.startswith("@") else [w]
        out[cls] = (domain, tuple(nouns))
    return out


# class -> (domain, stems); stems match the end of a (compound) noun, inflection allowed.
CLASSES = _counted_classes()
# "Stunden" -> stunde, "Nächte" -> nacht: the unit a duration is keyed by (lang/de/time_unit_nouns.tsv)
TIME_UNIT_NOUNS = pairs("time_unit_nouns")
# a claim's unit: "Milliarden Euro" -> EUR, "Kilometern" -> km (lang/de/currencies.tsv, measure_units.tsv)
CURRENCIES = {row[0]: row[1] for row in rows("currencies") if len(row) > 1}
# A currency's name, the first word form of its code in the file ("EUR" -> euro, "USD" -> dollar): one key whether a
# report writes the word, the sign or the code ("10.000 Euro", "10.000 €", "10.000 EUR")
CURRENCY_NAMES = {code: form for form, code in reversed(list(CURRENCIES.items())) if form.isalpha()}


def currency_code(noun: str) -> str | None:
    """The ISO 4217 code of a currency noun as written: a form of lang/de/currencies.tsv ending the noun
    ("Milliarden-Euro", "€"), or the code itself in capitals ("EUR", "USD": never a word's last letters -
    "Ingenieur" is none)."""
    if noun in CURRENCY_NAMES:
        return noun
    n = noun.lower()
    return next((v for k, v in CURRENCIES.items() if n.endswith(k)), None)
UNITS = {row[0]: row[1] for row in rows("measure_units") if len(row) > 1}
# a percentage's unit: "Prozent" -> %, "Prozentpunkte" -> pp (lang/de/percent_units.tsv)
PERCENT_UNITS = pairs("percent_units")
# Person nouns an age compound stands before ("eine 25-jährige Frau"): an age (lang/de/aged_person_nouns.txt).
KIN = words("aged_person_nouns")
# Nouns an adjective of nationality may modify to make it the subject's nationality (lang/de/force_nouns.txt).
FORCE_NOUNS = tuple(sorted(words("force_nouns")))


@lru_cache(maxsize=1)
def _class_rx() -> tuple[re.Pattern, dict[str, str]]:
    stems: dict[str, str] = {}
    for cls, (_, nouns) in CLASSES.items():
        for w in nouns:
            stems.setdefault(w.replace("-", ""), cls)
    alts = sorted(stems, key=len, reverse=True)
    rx = re.compile(r"(" + "|".join(re.escape(a) for a in alts) + r")(e|en|n|er|ern|s|es|in|innen|nen)?$")
    return rx, stems


def classify(noun: str | None) -> tuple[str | None, str | None]:
    """A counted noun -> (class, domain): ``Kampfdrohnen`` -> (drohne, weapon); unknown -> (None, None)."""
    if not noun:
        return None, None
    if noun in CURRENCY_NAMES:
        return "geld", "money"                      # a currency's code as written: "4,5 Millionen EUR"
    n = noun.lower().replace("-", "").replace("\u00ad", "")
    if n in ("mann",):
        return "soldat", "person"                   # "10.000 Mann"
    rx, stems = _class_rx()
    m = rx.search(n)
    if not m:
        return None, None
    cls = stems[m.group(1)]
    return cls, CLASSES[cls][0]


def classify_counted(noun: str) -> tuple[str | None, str | None]:
    """`classify` for a counted noun as written: a capitalised noun of no class that names people by its form
    (`person_form`: "Betroffene", "Pensionisten") is a person of no finer class ("mensch")."""
    cls, domain = classify(noun)
    if domain is None and noun[:1].isupper() and person_form(noun):
        return "mensch", "person"
    return cls, domain


@lru_cache(maxsize=1)
def _person_forms() -> dict[str, tuple[str, ...]]:
    return {key: tuple(sorted((w.strip() for w in forms.split(",") if w.strip()), key=len, reverse=True))
            for key, forms in rows("person_forms")}


@lru_cache(maxsize=4096)
def person_form(noun: str) -> bool:
    """Does a noun of no counted class name people by its form (lang/de/person_forms.tsv)? A nominalised
    adjective or participle - its base plus an adjective ending: "Betroffene", "Jugendlichen", "Angeklagte",
    "Reisende", "Erwachsene" - or an agent noun ("Pensionisten"). The form decides, not a list of nouns:
    a participle in -t begins with a verb prefix and ends in no noun ending ("Geschäfte", "Berichte" are none)."""
    f = _person_forms()
    n = noun.lower()
    if any(n.endswith(a) and len(n) - len(a) >= 4 for a in f["agent"]) and not n.endswith(f["agent_not"]) and \
            not any(n.endswith(h) and n[-len(h) - 1] not in "aeiouäöüy" for h in f["agent_head"] if len(n) > len(h)):
        return True
    if _plain_noun(noun):
        return False
    for e in f["endings"]:
        base = n[: -len(e)] if n.endswith(e) else ""
        if len(base) < 6 or base.endswith(f["lexical"]) or base.endswith(f["lexical_st"]) and base[-3] != "s":
            continue
        if base.endswith(f["adjective"]) or base.endswith(f["present"]):
            return True
        # a past participle: be-troffen, ge-fangen; ver-letzt, be-dienst-et (never a long vowel before the -t:
        # "Gerät", "Verbot")
        if base.startswith(f["prefixes"]) and (base.endswith("en") or base.endswith("t") and base[-2] not in "aiouäöü"):
            return True
    return False


def _plain_noun(noun: str) -> bool:
    """Does the morphological lexicon (the packaged lemma table, HanTa's readings) know the noun, or its compound's
    head, as a plain noun only - no nominalised adjective or participle (NNA), no adjective: "Gehälter" (Gehalt),
    "Dividenden", "Parteispenden" (Spende)? Their endings look like a participle's, their stem is no verb's."""
    for k in range(0, max(1, len(noun) - 4)):
        form = noun[k:] if k == 0 else noun[k].upper() + noun[k + 1:]
        found = readings(form)
        if found is not None:
            return "NN" in found and not any(tag in found for tag in ("NNA", "ADJA", "ADJD"))
    return False


# --- verbs in the clause --------------------------------------------------------------------------

KILLED = re.compile(r"\b(getötet|gefallen|ums leben|starben|gestorben|sterben|umgekommen|tot\b|erschossen|ertrunken|"
                    r"ertranken|erschlagen|erstochen|verbrannt|verhungert|erfroren|"
                    r"hingerichtet|ermordet|leben verloren|verloren ihr leben|fielen|kamen \w* ?ums|tödlich|"
                    r"leben gekostet|kostete\w*\b[^.]*\bdas leben|menschenleben|erlag\w*|leblos|"
                    r"unter den (?:toten|todesopfern|opfern|getöteten))", re.IGNORECASE)
INJURED = re.compile(r"\b(verletzt|verwundet|verletzungen|rauchvergiftung\w*|verbrennungen|knochenbrüche|"
                     r"unter den verletzten|ins krankenhaus|im krankenhaus behandelt|ärztlich versorgt|"
                     r"erlitt\w*\b[^.,]*\b(?:verletzung|vergiftung|verbrennung|schock)\w*)", re.IGNORECASE)
# Severity of injuries: a subset of the injured, reported apart
SERIOUS = re.compile(r"\b(schwer\w*|lebensgefährlich\w*|lebensgefahr|kritisch\w*|schwerst\w*)", re.IGNORECASE)
LIGHT = re.compile(r"\b(leicht\w*)", re.IGNORECASE)
MISSING = re.compile(r"\b(vermisst|verschollen|verschüttet|verschwunden|unauffindbar)", re.IGNORECASE)
DISPLACED = re.compile(r"\b(asyl\w*|vertrieben|geflohen|geflüchtet|flohen|flüchteten|flüchten|evakuiert|obdachlos|"
                       r"auf der flucht|in sicherheit gebracht|ihre häuser verlassen|fliehen|"
                       r"ihre (?:wohnungen|häuser|dörfer|heimat) verlassen|notunterkünft\w*|evakuierung\w*)",
                       re.IGNORECASE)
# Kinds of displacement are different counts: those who fled, were evacuated, lost their homes, asked for asylum.
DISPLACED_ACTIONS: tuple[tuple[str, re.Pattern], ...] = (
    ("asylum", re.compile(r"(asyl\w*|antragsteller\w*|erstantr\w*)", re.IGNORECASE)),
    ("homeless", re.compile(r"(obdachlos\w*)", re.IGNORECASE)),
    ("evacuated", re.compile(r"(evakuier\w*|in sicherheit gebracht|notunterkünft\w*|geräumt|"
                             r"ihre (?:wohnungen|häuser) verlassen)", re.IGNORECASE)),
    ("fled", re.compile(r"(flücht\w*|flieh\w*|floh\w*|geflohen|vertrieb\w*|vertrieben\w*|migrant\w*|"
                        r"schutzsuchend\w*|auf der flucht)", re.IGNORECASE)),
)
# Expected, not counted: "Die Veranstalter rechnen mit 5.000 Teilnehmern", "angemeldet waren 2.000"
EXPECTED = re.compile(r"\b(erwart\w*|gerechnet|rechne\w*|angemeldet|angekündigt|geplant|erhofft\w*)", re.IGNORECASE)
# A force's whole strength, not a deployment: "verfügt über rund 64.000 aktive Soldaten"
STRENGTH = re.compile(r"\b(verfüg\w*\s+(?:\w+\s+){0,3}über|aktive[n]?\b|truppenstärke|personalstärke|sollstärke|"
                      r"stehendes heer|mannstärke)", re.IGNORECASE)
JOBS_CUT = re.compile(r"(streich\w*|gestrichen|abbau\w*|bau\w* ab|abgebaut|kürz\w*|gekürzt|wegfall\w*|fallen weg|"
                      r"entfall\w*|entlass\w*|verlier\w*|verloren|kündig\w*|gekündigt|auslager\w*|verlager\w*)",
                      re.IGNORECASE)
JOBS_NEW = re.compile(r"(schaff\w*|geschaffen|entsteh\w*|entstanden|neue|zusätzliche|besetz\w*|ausgeschrieben)",
                      re.IGNORECASE)
ARRESTED = re.compile(r"\b(nahm\w*\b[^.,]*\bfest\b|festgenommen|verhaftet|inhaftiert|in gewahrsam|gefangen genommen|"
                      r"festnahmen)", re.IGNORECASE)
ATTENDED = re.compile(r"\b(auf die straße|auf den straßen|demonstriert\w*|demonstrieren|protestiert\w*|protestieren|"
                      r"teilgenommen|nahmen \w* ?teil|teilnahmen|"
                      r"versammelten|gingen \w* ?auf die straße|beteiligten sich|kundgebung|demonstration)",
                      re.IGNORECASE)
INTERCEPTED = re.compile(r"\b(fing\w*\b[^.,]*\bab\b|abfangen|abgefangen|abgeschossen|abgewehrt|neutralisiert|zerstört|"
                         r"unschädlich|vom himmel)",
                         re.IGNORECASE)
DELIVERED = re.compile(r"\b(geliefert|liefert|liefern|lieferte|lieferung|überlassen|bereitgestellt|übergeben|"
                       r"zugesagt|bestellt|gekauft)", re.IGNORECASE)
USED = re.compile(r"\b(eingesetzt|abgefeuert|gestartet|feuerte|schoss|griff\w* an|angegriffen|beschossen|"
                  r"attackiert|gestartet|eingesetzten)", re.IGNORECASE)
DAMAGED = re.compile(r"\b(stürzt\w*\b[^.,]*\bein\b|beschädigt|zerstört|getroffen|brände|brand|ausgebrochen|eingestürzt|"
                     r"in flammen)", re.IGNORECASE)
CAPTURED = re.compile(r"\b(eingenommen|erobert|besetzt|befreit|zurückerobert|kontrolliert)", re.IGNORECASE)
# work places and work, compounds included ("Munitionsfabrik", "Baustelle"): said of a nationality noun, workers
WORK = re.compile(r"\b(arbeit\w*|\w*fabrik\w*|beschäftig\w*|werk\w*|\w*baustelle\w*)", re.IGNORECASE)
# Said of the counted people themselves (in their clause): a nationality noun then counts soldiers
MILITARY = re.compile(r"\b(einsatz|eingesetzt\w*|kämpf\w*|gekämpft|front\w*|stationiert\w*|entsandt\w*|"
                      r"entsenden|gefecht\w*|unter waffen|an der seite|truppen\w*|soldat\w*|militär\w*|"
                      r"streitkräfte\w*|aufmarschiert|zusammengezogen|marschier\w*|kriegsgebiet)", re.IGNORECASE)
DEPLOY = re.compile(r"\b(schick\w*|geschickt|entsend\w*|entsandt|verleg\w*|stationier\w*|eingesetzt|einsetz\w*|"
                    r"im einsatz|abkommandiert|beordert|zusammengezogen|an die front)", re.IGNORECASE)
# "zusätzliche 2.000 Soldaten", "bereits 11.000 Soldaten" (lang/de/deployment_markers.tsv)
PLANNED_LOCAL = table("deployment_markers")["planned"]
DEPLOYED_LOCAL = table("deployment_markers")["deployed"]
PLANNED_CLAUSE = re.compile(
    r"\b(will|wollen|wolle|wollte|wollten|plant|planen|plane|plante|planten|geplant|beabsichtigt|soll|sollen|"
    r"solle|könnte|könnten|zugesagt|zusagen|sagte\w*\b[^,]*\bzu\b|beschlossen|beschließt|angekündigt|kündigte\w*\b[^,]*\ban\b|"
    r"ankündigen|vorgesehen|bereit|vorbereitet|künftig|demnächst|in den kommenden|in den nächsten|bald|"
    r"zusätzlich\w*|weitere\w*|versprochen|versprach|angeboten|bot\b[^,]*\ban\b)\b", re.IGNORECASE)
DEPLOYED_CLAUSE = re.compile(
    r"\b(bereits|schon|im einsatz|eingesetzt|stationiert|kämpf\w*|gekämpft|entsandt|geschickt|verlegt|"
    r"befinden sich|befanden|hat|haben|hatte|hatten|wurde|wurden|sind|waren|seien|sei|vor ort|zusammengezogen|"
    r"aufgestellt|konzentriert|aufmarschiert|im land)\b",
    re.IGNORECASE)
SEND_PRESENT = re.compile(r"\b(schickt|schicken|entsendet|entsenden|verlegt|verlegen|stationiert|stationieren|"
                          r"entsendet|sendet|senden|liefert)\b", re.IGNORECASE)
REPORTIVE = re.compile(r"\b\w+(?:t|en)\s+(?:haben|sein|worden)\b", re.IGNORECASE)
PERFECT = re.compile(r"\b(hat|haben|hatte|hatten|wurde|wurden|worden|sind|waren|ist|war)\b", re.IGNORECASE)
RELATIVE = re.compile(r"^\s*(die|der|das|denen|deren|welche|welcher|welches)\b", re.IGNORECASE)
PLACE_TYPES = (r"Region|Gebiet|Stadt|Provinz|Oblast|Bezirk|Hauptstadt|Großstadt|Hafenstadt|Kleinstadt|Grenzstadt|"
               r"Küstenstadt|Ortschaft|Dorf|Kreis|Landkreis|Gemeinde|Insel|Halbinsel|Bundesstaat|Bundesland|"
               r"Kanton|Departement|Distrikt|Stadtteil|Vorort|Küste|Präfektur|Woiwodschaft|Gouvernement")
# "im Norden", "im Südosten": a part of the place named after it (lang/de/compass_points.txt)
_PARTS_OF_PLACE = "|".join(p[:1].upper() + p[1:] for p in phrases("compass_points"))
LOCATIVE = re.compile(r"\b(?i:in|im|auf|bei|nahe|um|über|nach|vor)\s+(?:der|die|das|dem|den)?\s*"
                      r"(?:[a-zäöü]+(?:e|en|er|es|em)\s+)?"
                      rf"(?:(?:{_PARTS_OF_PLACE}|Zentrum|Umland|Raum|Großraum)\s+(?:der|des|von)?\s*)?"
                      rf"(?:(?:{PLACE_TYPES})\s+)?([A-ZÄÖÜŠŽČĆŁŚ][\w\-]+(?:\s[A-ZÄÖÜŠŽČĆŁŚ][\w]+)?)")
# "im chinesischen Südwesten", "im Norden Chinas" aside: a compass noun after a country's adjective names a part of
# that country (`_country_quarter`)
COUNTRY_QUARTER = re.compile(rf"\b(?i:in|im)\s+(?:der|dem|den)?\s*([a-zäöü]+sch(?:e|en|er|es|em))\s+"
                             rf"(?:{_PARTS_OF_PLACE})\b")
# "in der französischen Hauptstadt": a country's capital named by the country's adjective (`_capital_of`)
CAPITAL_OF = re.compile(r"\b(?i:in)\s+der\s+([a-zäöü]+sch(?:en))\s+Hauptstadt\b")
# "Die Provinz Caylloma", "der Insel Lampedusa": a type word names a place the gazetteer may not know
NAMED_PLACE = re.compile(rf"\b(?:{PLACE_TYPES})\s+([A-ZÄÖÜ][\wäöüßéáíóú\-]+)")
# "Das Innenministerium in Paris", "die Regierung in Lima": where a source sits, not where it happened
INSTITUTION = re.compile("(" + "|".join(f[:-1] + r"\w*" if f.endswith("*") else f for f in phrases("seat_nouns")) +
                         ")$", re.IGNORECASE)                    # lang/de/seat_nouns.txt
# Totals for a whole country or the world: a place named in an earlier sentence is not theirs
# Seas, dative forms included ("im Schwarzen Meer") -> the form naming it (lang/de/seas.tsv)
SEAS = {row[0]: row[-1] for row in rows("seas")}
# "nach Russland", "gegen die Ukraine": no sender (lang/de/destination_words.txt)
DESTINATION_PREPS = words("destination_words")


@dataclass
class FigureContext:
    """What measure_for needs to know about one figure, as character spans of the article text."""

    text: str
    start: int                       # figure phrase start (qualifier included)
    num_start: int                   # the number itself
    end: int                         # end of the counted noun(s)
    counted: list[str]               # coordinated nouns, as written
    mods: list[str]                  # words between number and noun ("weitere", "nordkoreanische")
    unit: tuple[int, int]            # the sentence / headline
    context: list[tuple[int, int]] = field(default_factory=list)   # earlier sentences of the paragraph, headings
    masked: list[tuple[int, int]] = field(default_factory=list)    # attribution spans (never a subject)
    figure_kind: str = "cardinal"
    compound_unit: str | None = None
    next_figure: int | None = None   # where the next figure of the sentence starts (verbs after it are its own)
    title: tuple[int, int] | None = None   # the article's title line, when the figure is not in it
    places: frozenset[str] = frozenset()   # names the pipeline's NER tags as places in the article (lower case)
    # where people the parse makes the doers of a passive clause are named ("von Seiten militanter Palästinenser wurde
    # ... beschossen"): character offsets (extract/quantity.passive_agents); never the victims' nationality
    doers: frozenset[int] = frozenset()
    # a bare figure's borrowed noun's attribute words ("2.000 obdachlose Asylwerber ... auf nun 200"): what they are
    noun_mods: list[str] = field(default_factory=list)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The unit split at commas, semicolons, colons and dashes."""
    out, s = [], start
    for m in re.finditer(r"[,;:]|\s[–—-]\s|[„“”\"]", text[start:end]):
        e = start + m.start()
        if e > s:
            out.append((s, e))
        s = start + m.end()
    if s < end:
        out.append((s, end))
    return out or [(start, end)]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(clauses):
        if a <= pos < b:
            return i
    return len(clauses) - 1


def _masked(text: str, a: int, b: int, masks: Sequence[tuple[int, int]]) -> str:
    chars = list(text[a:b])
    for ms, me in masks:
        for p in range(max(ms, a), min(me, b)):
            chars[p - a] = " "
    return "".join(chars)


@dataclass
class _Reach:
    """What measure_for reads around one figure: its unit's clauses, the figure's clause (up to the next
    figure), that clause with what follows the noun (``near``, lower case in ``lowered``), and the words
    right after the noun up to the next figure (``verbs``)."""

    clauses: list[tuple[int, int]]
    ci: int                          # the figure's clause
    clause_end: int                  # its end, or the next figure's start where that is earlier
    clause: str
    lowered: str
    verbs: str


def _reach(ctx: FigureContext) -> _Reach:
    text = ctx.text
    u0, u1 = ctx.unit
    clauses = _clauses(text, u0, u1)
    ci = _clause_of(clauses, ctx.num_start)
    # the figure's clause up to the next figure, plus a following relative clause ("6.000 Soldaten, die gefallen
    # sind"): what it says is said of these, not of the next count ("nahm vier fest, zwei wurden verletzt")
    nf = ctx.next_figure if ctx.next_figure is not None and ctx.next_figure >= ctx.end else None
    c0, c1 = clauses[ci]
    clause_end = min(c1, nf) if nf is not None else c1
    clause = text[c0:clause_end]
    tail_end = min(x for x in (nf, u1, ctx.end + 80) if x is not None)
    near = clause + " " + text[ctx.end:max(ctx.end, tail_end)].split(".")[0]
    stop = min(x for x in (ctx.next_figure, u1, ctx.end + 80) if x is not None and x >= ctx.end)
    return _Reach(clauses, ci, clause_end, clause, near.lower(), text[ctx.end:stop])


def measure_for(ctx: FigureContext) -> Measure:
    """The measure of one figure (see module docstring)."""
    text = ctx.text
    head = ctx.counted[-1] if ctx.counted else None
    classes = [classify_counted(c) for c in ctx.counted]
    cls, domain = classes[0] if classes else (None, None)
    if ctx.figure_kind == "compound" or domain == "time":
        return _duration_or_age(ctx, head, domain)
    if domain == "money":
        code = currency_code(head) if head else None
        return Measure("money", (CURRENCY_NAMES.get(code) if code else None) or slugify(head))
    if domain == "percent":
        return Measure("percent")
    if domain == "measure":
        return Measure("measurement", slugify(head))

    reach = _reach(ctx)
    u0, u1 = ctx.unit
    dem = next((demonym_key(c) for c in ctx.counted if demonym_key(c)), None)
    if head and head.lower() == "mann" and not (MILITARY.search(text[u0:u1]) or DEPLOY.search(text[u0:u1])):
        classes, cls, domain = [("mensch", "person")], "mensch", "person"   # "30 Mann Besatzung"
    person = domain == "person" or dem is not None
    pclasses = [c for c, d in classes if d == "person" and c]
    if domain == "casualty" or person:
        casualty = _casualty(ctx, reach, classes, pclasses, person, dem)
        if casualty:
            return casualty
    if person:
        return _people(ctx, reach, cls, pclasses, dem)
    return _things(ctx, reach, head, cls, domain)


def _duration_or_age(ctx: FigureContext, head: str | None, domain: str | None) -> Measure:
    """A compound ("45-Jährige", "zweistündig") or a count of time units: an age or a duration."""
    text = ctx.text
    unit_word = (ctx.compound_unit or head or "").lower()
    word = text[ctx.num_start:ctx.end]
    if ctx.figure_kind == "compound" and re.search(r"(^|-)Jährig|^[A-ZÄÖÜ]\w*jährig", word):
        return Measure("age")                       # "der 45-Jährige"
    if ctx.figure_kind == "compound" and "jährig" in word.lower() and head and (
            domain == "person" or demonym_key(head) or head.lower() in KIN):
        return Measure("age")                       # "eine 25-jährige Frau", "ihr fünfjähriger Sohn"
    after = text[ctx.end: ctx.end + 12].lower()
    if after.strip().startswith("alt") or "im alter von" in text[max(ctx.unit[0], ctx.start - 20):ctx.start].lower():
        return Measure("age")
    return Measure("duration", _time_unit(unit_word))


def _casualty(ctx: FigureContext, reach: _Reach, classes: list[tuple[str | None, str | None]],
              pclasses: list[str], person: bool, dem: str | None) -> Measure | None:
    """Casualties: by noun first ("Tote und Verletzte"), else by verb ("6.000 Soldaten gefallen oder
    verwundet"); None where neither says so."""
    verbs = reach.verbs
    kinds = set()
    for c_cls, c_dom in classes:
        if c_dom == "casualty":
            kinds.add({"tot": "killed", "verletzt": "injured", "vermisst": "missing",
                       "verlust": "killed_or_injured"}[c_cls or ""])
    if kinds == {"injured"} and re.search(r"\b(gestorben|starben|erlag\w*|verstorben)\b", verbs, re.IGNORECASE):
        kinds = {"killed"}                          # "Fünf Schwerverletzte seien gestorben"
    if not kinds and person:
        # the verb right after the figure decides ("81 getötet und 56 weitere werden vermisst")
        scope = verbs.lower() if KILLED.search(verbs) or INJURED.search(verbs) or MISSING.search(verbs) \
            else reach.lowered
        if KILLED.search(scope):
            kinds.add("killed")
        if INJURED.search(scope):
            kinds.add("injured")
        if MISSING.search(scope) and (not kinds or MISSING.search(verbs)):
            kinds.add("missing")
    if not kinds:
        return None
    if {"killed", "injured"} <= kinds or "killed_or_injured" in kinds:
        kind = "killed_or_injured"
    elif {"killed", "missing"} <= kinds:
        kind = "killed_or_missing"              # "gestorben oder verschwunden"
    else:
        kind = min(kinds)
    nat = _nationality(ctx, reach.clauses, reach.ci, role="victim", demonym=dem)
    place = None
    if nat and ctx.context and not _nationality(replace(ctx, context=[]), reach.clauses, reach.ci, role="victim",
                                                demonym=dem):
        # an earlier sentence's victims' nationality yields to a scene its own sentence names ("In Paris waren
        # 130 Menschen getötet worden" in an article about Belgians): the figure's own words scope it
        place = _place(replace(ctx, context=[], title=None))
        nat = None if place else nat
    # children, civilians, police among the victims are counted apart from all victims
    victims = next((c for c in pclasses if c in VICTIM_CLASSES), None)
    subject = _join(nat, victims) if victims else nat
    place = None if nat else place or _place(ctx)
    return Measure(kind, subject, _severity(ctx, reach.clause_end) if kind == "injured" else None, place)


def _people(ctx: FigureContext, reach: _Reach, cls: str | None, pclasses: list[str],
            dem: str | None) -> Measure:
    """People who are no casualties: displaced, detained, attendees, people, or a force (personnel)."""
    text, lowered = ctx.text, reach.lowered
    u0, u1 = ctx.unit
    clauses, ci = reach.clauses, reach.ci
    if DISPLACED.search(_present(lowered)) or cls == "fluechtling":
        action = displaced_action(ctx.counted, lowered, list(ctx.mods) + list(ctx.noun_mods))
        return Measure("displaced", _nationality(ctx, clauses, ci, "victim", dem), action, _place(ctx))
    if ARRESTED.search(lowered) or cls == "gefangener":
        return Measure("detained", _nationality(ctx, clauses, ci, "victim", dem), None, _place(ctx))
    if ATTENDED.search(lowered) or cls == "demonstrant":
        return Measure("attendees", None, "expected" if EXPECTED.search(lowered) else None, _place(ctx))
    if dem is not None and (not pclasses or pclasses == ["mensch"]):
        # "Nordkoreaner": soldiers or workers, by what their own clause says of them ("kämpfen", "im Einsatz");
        # "81 Italiener wurden ausgeflogen" are neither
        rel = re.match(r"\s*,\s*(?:die|der|welche)\b[^,.;]*", text[ctx.end:u1])
        own = reach.clause + (rel.group(0) if rel else "")
        if WORK.search(text[u0:u1]):
            pclasses = ["arbeiter"]
        elif MILITARY.search(own):
            pclasses = ["soldat"]
    if not pclasses or set(pclasses) <= {"mensch", "zivilist", "kind"}:
        return Measure("people", _nationality(ctx, clauses, ci, "victim", dem), None, _place(ctx))
    if set(pclasses) <= {"arbeiter", "mensch"} and dem is None and not DEPLOY.search(text[u0:u1]):
        return Measure("people", None, None, _place(ctx))    # a workforce, not a deployment
    subject_cls = _personnel_class(ctx, pclasses)
    nat = _nationality(ctx, clauses, ci, role="sender", demonym=dem)
    action = _action(ctx, clauses, ci)
    return Measure("personnel", _join(nat, subject_cls), action)


def _things(ctx: FigureContext, reach: _Reach, head: str | None, cls: str | None, domain: str | None) -> Measure:
    """Counts of no persons: weapons, jobs, sites, vehicles, incidents, anything else."""
    text, lowered = ctx.text, reach.lowered
    if domain == "weapon":
        if INTERCEPTED.search(lowered):
            kind = "weapons_intercepted"
        elif DELIVERED.search(lowered):
            kind = "weapons_delivered"
        else:
            kind = "weapons_used"
        nat = _nationality(ctx, reach.clauses, reach.ci, role="sender", demonym=None)
        return Measure(kind, _join(nat, cls), None, None)
    if domain == "jobs":
        if re.search(r"\b(an|in|auf)\s+(?:[\wäöüß]+\s+)?$", text[max(ctx.unit[0], ctx.start - 25):ctx.start],
                     re.IGNORECASE):
            domain, cls = "site", "ort"                 # "an insgesamt drei Stellen"
        else:
            action = "cut" if JOBS_CUT.search(lowered) else "created" if JOBS_NEW.search(lowered) else None
            return Measure("jobs", None, action, _place(ctx))
    if domain == "site":
        action = "captured" if CAPTURED.search(lowered) else "damaged" if DAMAGED.search(lowered) else None
        return Measure("sites", cls, action, _place(ctx))
    if domain == "vehicle":
        return Measure("vehicles", slugify(_singular(head)), "damaged" if DAMAGED.search(lowered) else None,
                       _place(ctx))
    if domain == "event":
        return Measure("incidents", cls, None, _place(ctx))
    return Measure("other", slugify(_singular(head)) if head else None)


# counted apart from all victims: children, civilians, police, helpers, irregular fighters - and the attackers, whose
# dead are never the victims' ("starben 129 Menschen ... sowie sieben Attentäter"); a side's dead are its own count
VICTIM_CLASSES = ("kind", "zivilist", "polizist", "helfer", "taeter", "kaempfer")


def severity(ctx: FigureContext) -> str | None:
    """serious or light, for a count of injured whose kind comes from the figure before ("darunter 11 schwer")."""
    clauses = _clauses(ctx.text, *ctx.unit)
    c1 = clauses[_clause_of(clauses, ctx.num_start)][1]
    nf = ctx.next_figure if ctx.next_figure is not None and ctx.next_figure >= ctx.end else None
    return _severity(ctx, min(c1, nf) if nf is not None else c1)


def _severity(ctx: FigureContext, clause_end: int) -> str | None:
    """serious or light injuries, from the noun and the rest of its clause: "11 schwer", "Schwerverletzte"."""
    rest = (" ".join(ctx.counted) + " " + " ".join(ctx.mods) + " " +
            ctx.text[ctx.num_start:max(clause_end, ctx.end)]).lower()
    if re.search(r"schwer(?:st)?\s*verletzt|schwer(?:st)?verletzt|lebensgefährlich|lebensgefahr|kritisch|"
                 r"schwere(?:n)? verletzungen|\bschwer\b", rest):
        return "serious"
    if re.search(r"leicht\s*verletzt|leichtverletzt|leichte(?:n)? verletzungen|\bleicht\b", rest):
        return "light"
    return None


# Adverbs putting a state in the past (lang/de/former_state.txt), with the word they modify: "ehemals obdachlose"
FORMER_STATE = re.compile(rf"\b(?:{'|'.join(sorted(words('former_state')))})\s+[\wäöüß]+", re.IGNORECASE)


def _present(text: str) -> str:
    """Text without the states it puts in the past ("2.000 ehemals obdachlose Menschen" are no homeless people)."""
    return FORMER_STATE.sub(" ", text)


def displaced_action(counted: Sequence[str], lowered: str = "", mods: Sequence[str] = ()) -> str | None:
    """fled, evacuated, homeless, asylum: the noun's own attribute says it first ("2.000 obdachlose Asylwerber" are
    the homeless among asylum seekers: the attribute narrows what the noun counts), then the noun ("Evakuierte"),
    else the clause - a state it puts in the past aside ("ehemals obdachlose")."""
    for text in [_present(" ".join(mods)), " ".join(counted), _present(lowered)]:
        for action, rx in DISPLACED_ACTIONS:
            if rx.search(text):
                return action
    return None


# German derivation from an action noun to its agent: "Wiederaufbauarbeiten" -> "Wiederaufbauarbeiter",
# "Minenräumung" -> "Minenräumer"
AGENT_SUFFIXES = (("arbeiten", "arbeiter"), ("arbeit", "arbeiter"), ("ungen", "er"), ("ung", "er"))


def _personnel_class(ctx: FigureContext, pclasses: list[str]) -> str:
    """The class of a force: its noun's class. Coordinated nouns of different classes ("Soldaten und
    Bauarbeiter", "Pioniere und Bauarbeiter") are one mixed contingent. A generic force sent for a purpose is
    named by the purpose's agent noun: "Soldaten für Wiederaufbauarbeiten" are Wiederaufbauarbeiter
    (builders), "Soldaten für die Minenräumung" Minenräumer (sappers); so is a compound whose modifier names
    the work ("Bausoldaten")."""
    distinct = sorted(set(pclasses))
    if len(distinct) > 1:
        return "gemischt"
    cls = distinct[0]
    if cls in ("soldat", "arbeiter") and len(ctx.counted) == 1:
        # a compound whose modifier names the work: "Bausoldaten" are Bauarbeiter in uniform (as
        # "Soldaten für den Bau"); "Marinesoldaten" stay soldiers (no "Marinearbeiter")
        noun = ctx.counted[0].lower().replace("-", "")
        stem = next((w for w in ("soldat", "arbeiter") if w in noun), None)
        modifier = noun[: noun.index(stem)] if stem else ""
        if len(modifier) >= 3:
            agent_cls, domain = classify(modifier + "arbeiter")
            if domain == "person" and agent_cls and agent_cls != "arbeiter":
                return agent_cls
    m = re.match(r"\s*(?:für|zum|zur)\s+(?:den|die|das|dem|der)?\s*([\wäöüß\-]+)", ctx.text[ctx.end: ctx.end + 60],
                 re.IGNORECASE)
    if m and cls in ("soldat", "arbeiter", "mensch"):
        noun = m.group(1).lower()
        for suffix, agent in AGENT_SUFFIXES:
            if noun.endswith(suffix):
                agent_cls, domain = classify(noun[: -len(suffix)] + agent)
                if domain == "person" and agent_cls:
                    return agent_cls
                break
    return cls


def _action(ctx: FigureContext, clauses: list[tuple[int, int]], ci: int) -> str:
    """planned or deployed, from markers at the figure, in a relative clause, in the clause and before it."""
    text = ctx.text
    if STRENGTH.search(text[clauses[ci][0]:ctx.end]) or {m.lower() for m in ctx.mods} & {"aktive", "aktiven"}:
        return "strength"                           # "verfügt über rund 64.000 aktive Soldaten"
    before = re.findall(r"[\wäöüß]+", text[max(ctx.unit[0], ctx.start - 30):ctx.num_start].lower())[-3:]
    local = set(before) | {m.lower() for m in ctx.mods}
    if local & PLANNED_LOCAL:
        return "planned"
    if set(before) & DEPLOYED_LOCAL:
        return "deployed"
    # a relative clause on the noun: "die 11.000 Soldaten, die bereits im November geschickt wurden"
    if ci + 1 < len(clauses):
        rel = text[clauses[ci + 1][0]:clauses[ci + 1][1]]
        tail = text[ctx.end:clauses[ci][1]]
        if RELATIVE.match(rel) and not re.search(r"\b[A-ZÄÖÜ]", tail):   # the noun is the clause's last
            if re.search(r"\b(bereits|schon|wurden|wurde|hatte|hatten|entsandt|geschickt|eingesetzt|kämpf\w*)\b", rel,
                         re.IGNORECASE):
                return "deployed"
            if PLANNED_CLAUSE.search(rel):
                return "planned"
    for k in range(ci, -1, -1):
        a, b = clauses[k]
        seg = _masked(text, a, b, ctx.masked)
        planned = PLANNED_CLAUSE.search(seg)
        if planned and planned.group(1).lower().startswith("soll") and REPORTIVE.search(seg):
            planned = None                            # "soll ... zusammengezogen haben": reported, not planned
        if planned:
            return "planned"
        if SEND_PRESENT.search(seg) and not PERFECT.search(seg):
            return "planned"                          # "Nordkorea schickt 1.000 Soldaten": announced, not done
        if DEPLOYED_CLAUSE.search(seg):
            return "deployed"
        if k < ci and re.search(r"\b[a-zäöüß]+(te|ten|t)\b", seg) and not re.search(r"\bzu\b", seg):
            break                                     # an earlier clause of its own with a verb: stop
    return "deployed"


def _nationality(ctx: FigureContext, clauses: list[tuple[int, int]], ci: int, role: str,
                 demonym: str | None) -> str | None:
    """Nationality of the counted people: their own words first, then the sender in the clause and before."""
    if demonym:
        return demonym
    text = ctx.text
    # adjectives and prefixes in the figure phrase ("nordkoreanische Soldaten", "US-Soldaten")
    for m in country_mentions(text, ctx.start, ctx.end):
        return m.key
    # right after the noun: "Soldaten aus Nordkorea", "Soldaten Nordkoreas", "der nordkoreanischen Armee"
    after = text[ctx.end: ctx.end + 50]
    am = re.match(r"\s*(?:aus\s+(?:der\s+|dem\s+)?|der\s+|des\s+)?", after)
    for m in country_mentions(text, ctx.end, min(ctx.end + 50, ctx.unit[1])):
        if m.start - ctx.end <= (am.end() if am else 0) + 1 and m.form in ("name", "adj", "prefix"):
            return m.key
        break
    own_cls, own_dom = classify(ctx.counted[-1]) if ctx.counted else (None, None)
    own_class = own_cls if own_dom == "person" else None     # "Tote", "Opfer" say nothing of whose
    spans = [ctx.unit] + list(reversed(ctx.context))
    for n, (a, b) in enumerate(spans):
        if n == 0 and ctx.next_figure is not None and ctx.next_figure > ctx.end:
            b = min(b, ctx.next_figure)                # "..., darunter 1.100 aus Südafrika" is the next one's
        # "Armenien warnt vor Eskalation" (title): the country acting in a headline is no sender of these troops
        found = _subject_nationality(ctx, a, b, role, prefer_before=ctx.num_start if n == 0 else None,
                                     names=(a, b) != ctx.title, same_class=None if n == 0 else own_class)
        if found:
            return found
    return None


def _subject_nationality(ctx: FigureContext, a: int, b: int, role: str, prefer_before: int | None,
                         names: bool = True, same_class: str | None = None) -> str | None:
    """The nationality of the counted people named in a span. same_class (for an earlier sentence): an adjective
    counts only on a noun of the figure's own class ("türkische Soldaten ... 21 Zivilisten getötet": the soldiers'
    nationality is not the civilians')."""
    text = ctx.text
    cands: list[tuple[int, str]] = []
    for m in country_mentions(text, a, b):
        if any(ms <= m.start < me for ms, me in ctx.masked) or m.form in ("name", "demonym") and not names:
            continue
        if m.form in ("adj", "prefix"):
            nxt = re.match(r"\s*(?:[a-zäöüß]+\s+)?([\wÄÖÜäöüß\-]+)", text[m.end:b]) if m.form == "adj" else \
                re.match(r"([\wÄÖÜäöüß\-]*)", text[m.start:m.end].split("-", 1)[-1])
            noun = nxt.group(1) if nxt else ""
            ncls, ndom = classify(noun)
            if not (ndom == "person" or noun.lower().endswith(FORCE_NOUNS) or m.form == "prefix" and ndom):
                continue
            if role == "victim" and ndom != "person":
                continue
            if same_class is not None and role == "victim" and ncls != same_class:
                continue
        elif m.form == "demonym":
            if role == "victim" and m.start in ctx.doers:
                continue                                # "von Seiten der Palästinenser beschossen": the attackers
        elif role == "victim":
            continue                                    # "Russland griff an": a name is the actor, not the victims
        else:
            prev = re.findall(r"[\wäöüßÄÖÜ]+", text[max(a, m.start - 20):m.start])
            if prev and prev[-1].lower() in DESTINATION_PREPS:
                continue                                # "nach Russland", "gegen die Ukraine"
            if len(prev) >= 2 and prev[-1].lower() in ("der", "die", "den", "dem") and \
                    prev[-2].lower() in DESTINATION_PREPS:
                continue
        dist = 0 if prefer_before is None else (0 if m.start < prefer_before else 1)
        cands.append((dist, m.key))
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    return cands[0][1]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """German country names (lower case) -> country key: every pycountry German name, then each country's
    first name."""
    keys = {c.iso: slugify(c.name) or c.name.lower() for c in country_table()}
    names: dict[str, str] = {}
    for iso, forms in german_country_names().items():
        for name in sorted(forms):
            names[name.lower()] = keys.get(iso) or slugify(name) or name.lower()
    for c in countries():
        for n in c.names[:1]:
            names[n.lower()] = c.key
    return names


@lru_cache(maxsize=1)
def _sea_keys() -> dict[str, str]:
    """Seas, dative forms included ("im Schwarzen Meer") -> one key."""
    return {form: slugify(name) or form for form, name in SEAS.items()}


@lru_cache(maxsize=1)
@loader
def _gazetteer() -> frozenset[str]:
    """Place names a German text may use: our countries and capitals, pycountry's German country names, seas,
    GeoNames cities (>15,000; three-letter names only for cities over 100,000: `geo.city_names`)."""
    names = {n.lower() for c in countries() for n in c.names} | set(_country_names()) | set(_sea_keys())
    return frozenset(names | city_names())


def place_adjective(word: str) -> bool:
    """Is a capitalised word in -er the adjective of a place in the gazetteer ("Wiener", "Grazer", "Münchner",
    "Bremer", "Schweizer")? Such a word stands before the noun it modifies and is never what is counted."""
    w = word.lower()
    if not word[:1].isupper() or not w.endswith("er") or len(w) < 5 or classify(word)[1] is not None:
        return False                                # "Bürger" is a counted noun, not Bürg's adjective
    gaz = _gazetteer()
    return any(c in gaz for c in adjective_place_names(w))


def adjective_place_names(word: str) -> tuple[str, ...]:
    """The place names a capitalised -er adjective may be made of, in the word's case: "Grazer" Graz, "Münchner"
    München, "Bremer" Bremen, "Schweizer" Schweiz."""
    return word[:-2], word[:-2] + "en", word[:-3] + "en", word[:-2] + "e"


# "in Bayern", "auf Sizilien": prepositions placing a figure within an area, never a destination ("nach Bayern")
# nor a company ("bei Meta") (lang/de/area_prepositions.txt)
AREA_PREPS = words("area_prepositions")


@lru_cache(maxsize=1)
def _areas() -> frozenset[str]:
    """Names (lower case) of the gazetteer's first-level areas and of the regions and islands it knows as areas
    ("Nordrhein-Westfalen", "Kalabrien", "Idlib", "Sizilien"): places of a figure after a locative preposition;
    compass names ("Nord") are words of any text."""
    return frozenset(form.lower() for form in gazetteer().area_forms
                     if form[:1].isupper() and not COMPASS_NAME.match(form))


@lru_cache(maxsize=16)
def _article_places(text: str) -> frozenset[str]:
    """Places an article introduces with a type word ("die Provinz Caylloma", "der Insel Lampedusa")."""
    return frozenset(m.group(1).lower() for m in NAMED_PLACE.finditer(text))


_LIST_LABEL = re.compile(r"\s*[-–•*·]\s*([A-ZÄÖÜ][\wäöüß\-]+(?:\s[A-ZÄÖÜ][\wäöüß\-]+){0,2})\s*:")


def _place(ctx: FigureContext) -> str | None:
    """The place of the figure: the label of its list item ("- Attika: 3.200 Evakuierte"), else the nearest
    place named before it in its sentence (after a locative preposition), else the first after it (before the
    next figure), else one in the two sentences before it in its paragraph, a heading, the title (further back,
    a long paragraph has moved on to other scenes). A total ("insgesamt", "landesweit") takes no place from
    earlier sentences. "in der Türkei und Syrien" gives both."""
    text = ctx.text
    u0, u1 = ctx.unit
    label = _LIST_LABEL.match(text, u0, u1)
    if label:
        return slugify(_place_key(label.group(1).lower()))
    # "Attika (3.200)": a place's figure in brackets; not a noun's ("vorläufigen Endergebnis (46.363)", "den
    # Sparkassen (4,1 Millionen Euro)")
    label = re.search(r"([A-ZÄÖÜ][\wäöüß\-]+)\s*\(\s*$", text[max(u0, ctx.num_start - 40):ctx.num_start])
    if label and (key := _gazetteer_key(label.group(1).lower(), _gazetteer(), _article_places(text) | ctx.places)):
        return slugify(_place_key(key))
    nearest = list(reversed(ctx.context))
    spans = [ctx.unit] + [s for s in nearest if s != ctx.title][:PLACE_LOOKBACK] + \
        [s for s in nearest if s == ctx.title]
    own = _masked(text, u0, u1, ctx.masked)
    if scope_pattern("nationwide").search(own):
        spans = [ctx.unit]
    elif scope_pattern("wide").search(own):
        spans = [ctx.unit] + ([ctx.title] if ctx.title else [])
    for n, (a, b) in enumerate(spans):
        seg = _masked(text, a, b, ctx.masked)
        found = _joint(sorted([(a + m.start(), key) for m in LOCATIVE.finditer(seg)
                               if (key := _known_place(seg, m, text, ctx.places))] +
                              [(a + m.start(), key) for m in COUNTRY_QUARTER.finditer(seg)
                               if (key := _country_quarter(m.group(1)))] +
                              [(a + m.start(), key) for m in CAPITAL_OF.finditer(seg)
                               if (key := _capital_of(m.group(1)))]))
        if not found:
            continue
        if n == 0:
            before = [f for f in found if f[0] < ctx.num_start]
            clause_start = max([a] + [a + m.end() for m in re.finditer(r"[,;:]", seg[: ctx.num_start - a])])
            near = [f for f in before if f[0] >= clause_start]
            after = [f for f in found if f[0] >= ctx.num_start and (ctx.next_figure is None or f[0] < ctx.next_figure)
                     and not (ctx.next_figure is not None and ctx.next_figure < u1 and
                              _next_conjunct(text, ctx.end, f[0], ctx.next_figure))]
            if near or before:
                return (near or before)[-1][1]
            if after:
                return after[0][1]
            continue
        # "Allein in der Provinz Tarsa starben 120": a part's place is not the scene of later sentences
        found = [f for f in found if not _part_place(text, f[0])]
        if found:
            return found[0][1]
    # "die weltweit 25 Millionen Todesopfer forderte": a sentence naming no place, said of the world, counts the
    # world - never a country named elsewhere in the story; said in the figure's own clause ("Der Konzern, der weltweit
    # tätig ist, streicht 500 Stellen": the firm is worldwide, not its cut)
    return area_of(_own_clause(own, ctx.num_start - u0))


# A coordinator opening the next conjunct of a sentence ("acht Menschen und bei dem Massaker auf der Insel 68"): a
# place after it and before the next figure is that conjunct's scene, not the figure's. Only where a next figure
# follows in the sentence: "hunderte ... ankamen und nach Deutschland weiterreisten" has no conjunct of its own count
# (dev-figures: the first draft cut every conjunct and lost that place)
NEXT_CONJUNCT = re.compile(r"\s(?:und|sowie|oder)\s")


def _next_conjunct(text: str, end: int, place_at: int, next_figure: int) -> bool:
    """Does a coordinator stand between the end of the figure's phrase and a place named after it, and the next figure
    in the same clause as the place? A comma between them ends the conjunct: "aufgegriffen und nach Rosenheim
    gebracht, 9 von ihnen ..." joins two verbs of the figure's own clause (review rv87); so does a further coordinator
    between the place and the next figure ("evakuiert und in Pirna untergebracht und weitere 12 in Heidenau": the
    next conjunct opens after the place)."""
    return NEXT_CONJUNCT.search(text, end, place_at) is not None and \
        re.search(r"[,;:]\s", text[place_at:next_figure]) is None and \
        NEXT_CONJUNCT.search(text, place_at, next_figure) is None


def _own_clause(sentence: str, at: int) -> str:
    """The clause of a sentence around position at, bounded by a comma, semicolon or colon before a space (not the
    comma of "2,5 Millionen")."""
    starts = [m.end() for m in re.finditer(r"[,;:]\s", sentence[:at])]
    end = re.search(r"[,;:]\s", sentence[at:])
    return sentence[(starts[-1] if starts else 0):(at + end.start() if end else len(sentence))]


PLACE_LOOKBACK = 2


def _country_quarter(adjective: str) -> str | None:
    """The country whose adjective stands before a compass noun ("im chinesischen Südwesten" -> china): the quarter
    is a part of that country, its scene."""
    key, how = country_forms()[1].get(adjective.lower(), (None, None))
    return slugify(key) if key and how == "adj" else None


def _capital_of(adjective: str) -> str | None:
    """The capital of the country whose adjective stands before "Hauptstadt" ("in der französischen Hauptstadt" ->
    paris): German news names a capital so as often as by its name, and the figure's scene is that city."""
    key = _country_quarter(adjective)
    capital = next((c.capital for c in country_table() if (slugify(c.name) or c.name.lower()) == key), None)
    return slugify(capital) if capital else None


def _joint(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Place mentions without the second of a pair already joined ("in der Türkei und im Nordirak" is one
    mention, irak+tuerkei, not also irak)."""
    out: list[tuple[int, str]] = []
    for pos, key in found:
        if out and "+" in out[-1][1] and key in out[-1][1].split("+"):
            continue
        out.append((pos, key))
    return out


def _part_place(text: str, pos: int) -> bool:
    """Is the place mention at pos introduced as a part ("allein in", "davon in", "darunter in")?"""
    before = text[max(0, pos - 25):pos].lower().split()[-3:]
    return any(w.strip(",") in words("quantity_parts") for w in before)


# German nouns that are also towns somewhere ("Ende" in Indonesia, "Essen", "Zug"): places only where nothing
# says they are the noun (lang/de/not_places.txt)
COMMON_NOUNS = words("not_places")


def _known_place(seg: str, m: re.Match, text: str = "", tagged: frozenset[str] = frozenset()) -> str | None:
    """The place key of a locative phrase's name: a name the gazetteer knows, the article introduces with a type
    word ("die Provinz Caylloma") or the NER tags as a place (a small town: "in Šentilj")."""
    gaz = _gazetteer()
    local = (_article_places(text) if text else frozenset()) | tagged
    if m.group(1).split()[0].lower() in COMMON_NOUNS and m.group(1).lower() not in _country_names() and \
            m.group(1).lower() not in local:
        return None
    if re.match(r"\s+(?:des|der|eines|einer)\b", seg[m.end(1):]) and m.group(1).lower() not in _country_names():
        return None                                 # "Ende des Krieges", "Mitte der Woche": a noun
    prev = re.findall(r"[\wäöüß]+", seg[max(0, m.start() - 30):m.start()])
    if prev and INSTITUTION.search(prev[-1]):
        return None                                 # "das Innenministerium in Paris": the source's seat
    name = m.group(1)
    if m.group(0).split()[0].lower() in AREA_PREPS:
        local = local | _areas()                    # "in Bayern", "auf Sizilien"; never "nach Bayern"
    for cand in (name, name.split()[0]):
        key = _gazetteer_key(cand.lower(), gaz, local)
        if key:
            place = _place_key(key)
            # "in der Türkei und Syrien", "in der Türkei und im Nordirak": both
            more = re.match(r"\s+und\s+(?:in\s+|im\s+)?(?:der\s+|dem\s+|den\s+)?([A-ZÄÖÜ][\wäöüß\-]+)",
                            seg[m.end(1):])
            other = _gazetteer_key(more.group(1).lower(), gaz, local) if more else None
            if other:
                place = "+".join(sorted({place, _place_key(other)}))
            return slugify(place)
    return None


# "Nordirak", "Südostasien"... a compass point joined to a country's name is a part of that country: the noun
# of lang/de/compass_points.txt without its -en ("Nordosten" -> nordost), the longest first
COMPASS = compass_stems()


def _gazetteer_key(low: str, gaz: frozenset[str], local: frozenset[str]) -> str | None:
    """A lower-case name as the gazetteer knows it: itself, a country's genitive ("Polens"), or the country
    a compass point is joined to ("Nordirak" -> irak)."""
    if low.endswith("s") and low[:-1] in _country_names():
        low = low[:-1]                              # "Perus", "Polens": a country's genitive
    for point in COMPASS:
        rest = low[len(point):].lstrip("-")
        if low.startswith(point) and rest in _country_names():
            return rest
    if low in gaz or low in local:
        return low
    if low.endswith("s") and (low[:-1] in gaz or low[:-1] in local):
        return low[:-1]
    return None


def _place_key(name: str) -> str:
    for c in countries():
        if name in (n.lower() for n in c.names[:1]):
            return c.key
    for c in countries():                           # "Vereinigten Staaten", "Großbritanniens" -> the country
        if name in (n.lower() for n in c.names):
            return c.key
    if name in _sea_keys():
        return _sea_keys()[name]
    return _country_names().get(name, name)


def _time_unit(word: str) -> str | None:
    """``Stunden`` -> stunde, ``Jahren`` -> jahr, ``Tage`` -> tag."""
    w = word.lower()
    for form in sorted(TIME_UNIT_NOUNS, key=lambda f: (-len(f), f)):
        if w.startswith(form):
            return TIME_UNIT_NOUNS[form]
    return slugify(_singular(word))


def _singular(noun: str | None) -> str:
    if not noun:
        return ""
    n = noun.lower().replace("-", "")
    for suffix, repl in (("ungen", "ung"), ("innen", "in"), ("ern", "er"), ("en", ""), ("er", "er"), ("e", ""),
                         ("n", ""), ("s", "")):
        if n.endswith(suffix) and len(n) - len(suffix) >= 3:
            return n[: len(n) - len(suffix)] + repl
    return n


def _join(nat: str | None, cls: str | None) -> str:
    return f"{nat or '-'}:{cls or '-'}"
