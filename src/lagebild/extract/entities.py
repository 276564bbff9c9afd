"""Entity mentions: persons, organisations, places, countries (spaCy component ``lagebild_entities``).

``nlp.add_pipe("lagebild_entities")`` writes ``doc._.mentions``: `model.Mention`s
labelled PER, ORG, LOC, GPE or OTH. A mention that names a country - by name,
adjective (``nordkoreanische``), demonym, or a capital or seat of government
used for its government (``Moskau meldete``, ``der Kreml``, ``das Regime in
Pjöngjang``) - is GPE with its ISO code in ``country``; a geocoded place carries
``ref="geo:<geonameid>"``.

Two sources, merged (a statistical entity wins where they overlap):

- ``doc.ents`` from a trained NER (GermEval classes PER/ORG/LOC/OTH, with
  ``LOCderiv`` adjectives and ``*part`` compounds) when the pipeline has one;
- rules that work on the blank tokenizer: the country table and the offline
  gazetteer (`lagebild.geo`), acronyms and known organisations, state
  institutions with their country (``das russische Verteidigungsministerium``),
  persons after titles (``Kremlchef Putin``, ``Außenminister Sergej Lawrow``) or
  in appositions (``der Sekretär des Sicherheitsrats, Sergej Schoigu,``),
  first-name + surname pairs, and later short or misspelt forms of a name
  already found in the article (``Selensykj`` after ``Wolodymyr Selenskyj``).
  Whether a capitalised word is a name or a common noun is asked of HanTa's
  German lexicon.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..geo import Candidate, distance_km, english_country_names, gazetteer
from ..geo.translit import key as name_key
from ..lang import de
from ..lang.de import rows
from ..lang.de.places import place_type, place_types, plural_place_noun, singular_place_type
from ..model import Mention
from ..nlp.compounds import compound_head, headed_by, word_lemma, word_tag, word_tags
from ..text import within_one_edit
from . import doc_text, token_at
from .attribution.cues import is_attribution_preposition, reporting_verb_of
from .dateline import DASHES, colon_line, dateline, is_score
from .name_type import reading_over_mentions, retype

LABELS = ("PER", "ORG", "LOC", "GPE", "OTH")

# Function words that start sentences capitalised; never names (lang/de: the sentence starters and the rest).
STOP = de.words("sentence_starters") | de.words("not_names")
# "seit Jänner", "am Freitag": a month's or weekday's name (lang/de months.tsv, weekdays.tsv) alone names no one
TIME_NAMES = frozenset(de.months()) | frozenset(de.weekdays())
# lang/de: prepositions before a place's name, articles, particles of names (entity_function_words.tsv)
_FUNCTION = de.table("entity_function_words")
LOCATIVE = _FUNCTION["locative"]
BARE_NAME_PREPOSITIONS = _FUNCTION["bare_name"]          # "in", "nach", "aus": a bare word after them is a name
# Nouns before a place's name ("das Dorf Myrne", "die Region Kursk"), lang/de/place_nouns.tsv
_PLACE_NOUNS = de.table("place_nouns")
PLACE_NOUNS = _PLACE_NOUNS["region"] | _PLACE_NOUNS["place"]
COMPOUND_HEADS = _PLACE_NOUNS["compound_head"]


@lru_cache(maxsize=20_000)
def _place_noun(word: str) -> bool:
    """A noun of place_nouns.tsv, also in the genitive ("des Dorfes X", "des Bezirks X") and as the head of a
    compound with a head of place_nouns.tsv's compound_head ("das Bergdorf X", "die Ferieninsel X"); a town's
    name of that shape is a name the lexicon knows, no noun ("am Düsseldorf Airport", "aus Neustadt")."""
    low = word.lower()
    forms = (low, low[:-2] if low.endswith("es") else low, low[:-1] if low.endswith("s") else low)
    if any(form in PLACE_NOUNS for form in forms):
        return True
    # The lexicon's split (HanTa, ~1 ms a word) only where a segmented head is in the word at all.
    return (any(form.endswith(n) and len(form) - len(n) >= 3 for form in forms for n in COMPOUND_HEADS) or
            (any(h in low for h in SEGMENTED_HEADS) and compound_head(word) in SEGMENTED_HEADS)) and \
        word_tag(word[:1].upper() + word[1:]) != ("NE", True)


SEGMENTED_HEADS = _PLACE_NOUNS["segmented_head"]


def noun_head(word: str) -> str | None:
    """The last part of a compound where the lexicon knows it as a common noun ('Fremdenhass' -> 'hass',
    'Mittelfeldstar' -> 'star'): a compound of common nouns; None otherwise."""
    head = compound_head(word)
    return head if head and word_tag(head[:1].upper() + head[1:]) == ("NN", True) else None


# "das Regime in Pjöngjang": the government of the capital's country.
GOV_NOUNS = de.words("government_nouns")

# Titles and roles before a person's name; a compound ending in one counts too ("Kremlchef").
TITLE_ENDS = tuple(sorted(de.words("person_titles")))
# Heads of state institutions that act ("das russische Verteidigungsministerium teilte mit").
INSTITUTIONS = tuple(sorted(de.words("state_institutions")))
# Well-known organisations whose names are not acronyms (acronyms are found by shape).
KNOWN_ORGS = {
    "Vereinte Nationen": "UN", "Vereinten Nationen": "UN", "Europäische Union": "EU", "Europäischen Union": "EU",
    "Rotes Kreuz": "Rotes Kreuz", "Roten Kreuz": "Rotes Kreuz", "Roten Kreuzes": "Rotes Kreuz",
    "Amnesty International": "Amnesty International", "Human Rights Watch": "Human Rights Watch",
    "Ärzte ohne Grenzen": "Ärzte ohne Grenzen", "Hamas": "Hamas", "Hisbollah": "Hisbollah",
    "Taliban": "Taliban", "Huthi": "Huthi", "Huthis": "Huthi", "Islamischer Staat": "IS",
    "Islamischen Staat": "IS", "Islamischen Staates": "IS", "Wagner-Gruppe": "Wagner", "Gruppe Wagner": "Wagner",
    "Reuters": "Reuters", "Interfax": "Interfax", "Yonhap": "Yonhap", "Xinhua": "Xinhua", "Ukrinform": "Ukrinform",
    "Anadolu": "Anadolu", "Nato": "NATO", "Telegram": "Telegram", "Bundeswehr": "Bundeswehr",
    "Bundestag": "Bundestag", "Bundesrat": "Bundesrat", "Kyiv Independent": "Kyiv Independent",
    "Epoch Times": "Epoch Times", "Pentagon": "Pentagon", "Weltgesundheitsorganisation": "WHO",
    "Internationale Atomenergiebehörde": "IAEA", "Internationalen Atomenergiebehörde": "IAEA",
}
# Acronyms that are not organisations.
NOT_ORG = {"TV", "PDF", "CEO", "ID", "OK", "DNA", "KI", "AI", "USB", "GPS", "MIN", "ZDF-", "PS", "UTC", "MEZ",
           "II", "III", "IV", "VI", "XX"}

class _NameShape:
    """A capitalised word of letters in any Latin script (Erdoğan, Demirtaş, al-Assad, Jong-un)."""

    rx = re.compile(r"^(?:(?:al|el|ad|as|bin|ibn)-)?([^\W\d_])[^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*$")

    def match(self, word: str) -> bool:
        return _name_shape(word)


@lru_cache(maxsize=131072)
def _name_shape(word: str) -> bool:
    m = _NameShape.rx.match(word)
    return m is not None and m.group(1).isupper() and any(c.islower() for c in word)   # not an acronym


NAME_RX = _NameShape()
ACRONYM_RX = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,6}$")   # "ÖVP", "SPÖ", "ÖBB" too
PARTICLES = _FUNCTION["name_particle"]


# --- word classes -----------------------------------------------------------------------

def word_class(word: str) -> tuple[str, bool, str]:
    """(best STTS tag, known to the lexicon, lemma) for one word, from HanTa."""
    tag, known = word_tag(word)
    return (tag, known, word_lemma(word))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    from ..nlp.features import word_sets

    sets = word_sets()
    return sets["known_name"], sets["known_word"]


def known_reading(word: str) -> bool | None:
    """Whether HanTa's best reading of the word is a known name (True) or a known other word (False),
    read from the table of HanTa's readings the package ships (nlp/word_flags.json.gz, same threshold
    as `word_class`); None where the table cannot tell (then ask `word_class`). Most words of an
    article are in the table, and HanTa takes milliseconds a word."""
    names, words = _lexicon()
    if word in names:
        return True
    if word in words:
        return False
    return None


@lru_cache(maxsize=65536)
def noun_too(word: str) -> bool:
    """A word the lexicon also knows as a common noun ('Essen', 'Halle'): a name only in context."""
    tags = word_tags(word)
    if not tags or float(tags[0][1]) < -25.0:
        return False
    best = float(tags[0][1])
    return any(t.startswith("NN") and float(sc) >= best - 2.0 for t, sc in tags)


def noun_or_place(word: str) -> bool:
    """A surname that is also a big place's name ('Burgenland') repeats as the place, not the person."""
    best = gazetteer().best(word)
    return best is not None and (best.population >= 50000 or best.precision != "city")


def name_like(word: str) -> bool:
    """A capitalised word that is a proper name rather than a common noun or function word."""
    if not NAME_RX.match(word) or word.lower() in STOP:
        return False
    reading = known_reading(word)
    if reading is not None:
        return reading
    tag, known = word_tag(word)
    if known:
        return tag == "NE"
    if tag in ("NE", "FM"):
        return True
    # Unknown to the lexicon: a guess. Common-noun endings make a noun; otherwise a name. A common noun's parts
    # after a hyphen are capitalised ('Anti-Terror-Übung'); a lowercase syllable after one is a name's ('Kim
    # Jong-un', 'Lin Mei-ling'), whatever ending it happens to have.
    last = word.rsplit("-", 1)[-1]
    return last[:1].islower() or not _noun_ending().search(word.lower())


@lru_cache(maxsize=1)
def _noun_ending() -> re.Pattern[str]:
    """Endings of common nouns (lang/de/noun_endings.txt) at a word's end."""
    return re.compile("(" + "|".join(sorted(de.words("noun_endings"))) + ")$")


def known_first_name(word: str) -> bool:
    if word.lower() in STOP:
        return False
    reading = known_reading(word)
    if reading is not None:
        return reading
    tag, known = word_tag(word)
    return known and tag == "NE" and word.lower() not in STOP


# --- country forms ----------------------------------------------------------------------

# Compass points (lang/de/compass_points.txt less their -en) and "zentral" joined to a country's adjective
# name a part of it ("ostukrainischen", "zentralrussischen")
_SIDES = (*sorted(de.compass_stems()), de.CENTRE_STEM)

@dataclass(frozen=True)
class Form:
    iso: str
    kind: str        # name, adj, demonym, capital, seat


@lru_cache(maxsize=1)
def country_forms() -> dict[str, Form]:
    """Exact surface forms (case as written; adjectives lowercase) -> country."""
    forms: dict[str, Form] = {}
    for c in gazetteer().countries.values():
        for n in c.names:
            forms.setdefault(n, Form(c.iso, "name"))
            if not n.endswith(("s", "x", "z", "ß")) and n.upper() != n:
                forms.setdefault(n + "s", Form(c.iso, "name"))          # genitive: Russlands
            if n.endswith("e") and n.upper() != n:
                forms.setdefault(n + "n", Form(c.iso, "name"))          # dative plural: den Niederlanden
        for a in c.adjectives:
            for e in ("e", "en", "er", "es", "em"):
                forms.setdefault(a + e, Form(c.iso, "adj"))
                forms.setdefault(a[0].upper() + a[1:] + e, Form(c.iso, "adj"))
            for side in _SIDES:
                if not a.startswith(side):                 # "ostukrainischen", "westrussischen"
                    for e in ("e", "en", "er", "es", "em"):
                        forms.setdefault(side + a + e, Form(c.iso, "adj"))
        for d in c.demonyms:
            for e in ("", "n", "in", "innen", "s"):
                if e == "n" and d.endswith(("n", "e")) is False and not d.endswith("e"):
                    continue
                forms.setdefault(d + e, Form(c.iso, "demonym"))
        if c.capital:
            forms.setdefault(c.capital, Form(c.iso, "capital"))
            if not c.capital.endswith(("s", "x", "z")):
                forms.setdefault(c.capital + "s", Form(c.iso, "capital"))
        for s in c.seats:
            forms.setdefault(s, Form(c.iso, "seat"))
            forms.setdefault(s + "s", Form(c.iso, "seat"))
    return forms


def country_of_adjective(word: str) -> str | None:
    f = country_forms().get(word) or country_forms().get(word.lower())
    return f.iso if f and f.kind in ("adj", "name", "demonym") else None


# --- the component ----------------------------------------------------------------------

@dataclass
class Cand:
    start: int           # char offsets
    end: int
    label: str
    prio: int
    country: str | None = None
    ref: str | None = None


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory("lagebild_entities", assigns=["doc._.mentions"], requires=["doc.sents"])
def make_entities(nlp, name: str) -> EntityTagger:
    return EntityTagger()


class EntityTagger:
    """Writes ``doc._.mentions``; uses ``doc.ents`` where a NER filled them."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc)
        return doc


def _words(doc: Doc) -> list[Token]:
    return [t for t in doc if not t.is_space]


def _sent_start(toks: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = toks[i - 1]
    return prev.text in {".", "!", "?", ":", "„", "\"", "“", "»", "«", "(", "–", "-", "|"} or \
        "\n" in _text(prev.doc)[prev.idx:toks[i].idx] or bool(toks[i].is_sent_start)


def _text(doc: Doc) -> str:
    return doc_text(doc)


def find_mentions(doc: Doc) -> list[Mention]:
    try:
        return _find_mentions(doc)
    finally:
        for key in ("_lagebild_text", _SCORES, _POSITIONS):
            doc.user_data.pop(key, None)


def _find_mentions(doc: Doc) -> list[Mention]:
    toks = _words(doc)
    named = _named_in_apposition(doc)      # names the article introduces as an organisation's
    ner = _from_ents(doc, named) + _result_side_cands(doc)    # a match's sides: teams, over any name read in them
    rules: list[Cand] = []
    rules += _countries(doc, toks)
    rules += _orgs(doc, toks, named)
    persons = _persons(doc, toks)
    rules += persons
    rules += _places(doc, toks)
    rules += _town_landmarks(doc, toks)
    rules += _facility_names(doc, toks)
    rules += _named_buildings(doc, toks)
    rules += _one_word_landmarks(toks)
    # a surname said again is that person again, unless a firmer rule read the NER's person as a place
    ner_persons = [c for c in _trusted_ents(doc, ner, rules) if c.label == "PER"]
    rules += _person_repeats(doc, toks, persons + ner_persons)
    cands = _trusted_ents(doc, ner, rules) + rules      # again: the repeats just added can overrule the NER too
    # Overlaps: higher priority, then longer, wins.
    chosen: list[Cand] = []
    taken = bytearray(len(_text(doc)) + 1)
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    # one sense per place name and article: the rules resolved it in context ("Myrne" near Donezk), the NER did not
    text = _text(doc)
    sense: dict[str, tuple[str | None, str | None]] = {}
    for r in rules:
        # a rule that says where ('Berliner Olympia-Stadion' by its town) outweighs one that only reads the name
        if r.label == "LOC" and (r.country or r.ref or text[r.start:r.end] not in sense):
            sense[text[r.start:r.end]] = (r.country, r.ref)
    chosen = [Cand(c.start, c.end, c.label, c.prio, *sense[text[c.start:c.end]])
              if c.label == "LOC" and text[c.start:c.end] in sense else c for c in chosen]
    chosen = _typed_in_article(doc, sorted((_without_genitive(doc, c) for c in chosen), key=lambda c: c.start))
    chosen = _facilities_in_country(doc, _in_town_of_adjective(
        doc, _organisations_named(doc, _named_by_head_noun(doc, _surnames_not_places(doc, chosen)))))
    chosen = _generic_seats(doc, _sentence_place(doc, _located_in(doc, _genitive_landmarks(doc, chosen))))
    chosen = _short_forms_of_places(doc, _towns_as_sides(doc, _clubs_of_towns(doc, chosen)))
    chosen = _common_nouns_not_towns(doc, _organisations_the_ner_reads(doc, chosen))
    chosen = _truncated_place_names(doc, _sources_read_as_places(doc, _bodies_read_as_places(doc, chosen)))
    art = doc._.article_id or ""
    return [Mention(art, c.start, c.end, text[c.start:c.end], c.label, c.country, c.ref)
            for c in sorted(chosen, key=lambda c: c.start)]


# the bodies a person leads and gives the name to ('die Macron-Partei'): the compound's name is a person's
LEADER_NAMED_BODIES = de.words("leader_named_bodies")


def _ner_readings(doc: Doc) -> tuple[Counter, Counter]:
    """How often the NER reads each one-word name as an organisation and as a person: a one-word span ('Nintendo',
    and a genitive 'Nintendos' as its name) or, for an organisation, the first part of a compound it tags as an
    organisation's part ('Billa-Filiale', 'Hofer-Filialen') - not of a body named after its leader
    ('Trump-Regierung', 'Macron-Partei')."""
    org: Counter = Counter()
    per: Counter = Counter()
    for e in doc.ents:
        label = e.label_.upper()
        if label == "ORGPART" and "-" in e.text and " " not in e.text:
            name, _, head = e.text.partition("-")
            if head.rsplit("-", 1)[-1].lower() not in LEADER_NAMED_BODIES:   # 'Trump-Regierung': its leader's
                org[name] += 1
        elif len(e) == 1 and label in ("ORG", "PER"):
            counts = org if label == "ORG" else per
            counts[e.text] += 1
            if e.text.endswith("s") and len(e.text) > 3:
                counts[e.text[:-1]] += 1               # a genitive counts for the name it is of
    return org, per


# nouns of what only a business or a platform has ('Filiale', 'Umsatz', 'Aktie', 'Nutzer'): whose they are is a company
COMPANY_PARTS = de.words("company_parts")


def _company_contexts(doc: Doc) -> set[str]:
    """The names the parse says a business's part belongs to: a capitalised word attached to such a noun as its
    genitive or its 'von' attribute ('die Filialen von X', 'Xs Umsatz', 'ein Aktionär von X') or opening a
    hyphenated compound that ends in one ('die X-Aktie', 'X-Nutzer'); a genitive also counts for the name it is of.
    Evidence of a company that the NER's person reading of a one-word name does not outweigh
    (`_organisations_the_ner_reads`)."""
    names: set[str] = set()
    for t in doc:
        if not t.text[:1].isupper() or not t.is_alpha and "-" not in t.text:
            continue
        first, _, rest = t.text.partition("-")
        if rest and first.isalpha() and _is_company_part(rest.rsplit("-", 1)[-1]):
            names.add(first)                           # 'die Penny-Filiale', 'die Penny-Filialen'
        elif t.is_alpha and _attribute_of_company_part(t):
            names.add(t.text)
            if t.text.endswith("s") and len(t.text) > 3:
                names.add(t.text[:-1])                 # 'Pennys Umsatz': the name it is the genitive of
    return names


def _is_company_part(word: str) -> bool:
    """A compound's last part is a noun of `COMPANY_PARTS` in any number or case ('Aktien', 'Aktionäre')."""
    return word.lower() in COMPANY_PARTS or word_lemma(word).lower() in COMPANY_PARTS


def _attribute_of_company_part(t: Token) -> bool:
    """'von X' or a genitive X hanging on a noun of `COMPANY_PARTS` (not 'die Filiale in X': a place's)."""
    head = t.head
    if t.dep_ not in ("nmod", "nmod:poss", "det:poss") or head.i == t.i or head.lemma_.lower() not in COMPANY_PARTS:
        return False
    cases = [c.lemma_.lower() for c in t.children if c.dep_ == "case"]
    return not cases or cases == ["von"]


def _common_nouns_not_towns(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'trotz des näselnden Klangs', 'Boutiquen, Kinos und Cafés': a one-word place that the lexicon knows only as a
    common noun and the gazetteer only as towns is the noun where the parse uses it as one (`_used_as_common_noun`) -
    no spot on the map; the dateline's town stays, and so does a word the article uses as the town's name elsewhere
    (one sense per article: 'der Stadtrat von Landau ... das schöne Landau')."""
    nouns = []
    for c in chosen:
        tok = token_at(doc, c.start) if c.label == "LOC" else None
        nouns.append(tok is not None and tok.idx + len(tok.text) == c.end and _common_noun_only(tok.text) and
                     _towns_only(tok.text) and not _in_dateline(doc, c.start) and _used_as_common_noun(tok))
    text = _text(doc)
    towns = {text[c.start:c.end] for c, noun in zip(chosen, nouns) if c.label == "LOC" and not noun}
    return [c for c, noun in zip(chosen, nouns) if not noun or text[c.start:c.end] in towns]


def _towns_only(word: str) -> bool:
    """Every gazetteer reading of the word (or of its genitive's name, 'Klangs') is a town's."""
    cands = gazetteer().candidates(word) or (gazetteer().candidates(word[:-1]) if word.endswith("s") else [])
    return bool(cands) and all(c.precision == "city" for c in cands)


def _used_as_common_noun(tok: Token) -> bool:
    """A town's name is singular, takes an attribute only after a locative preposition ('im benachbarten Mendig') and
    is listed with places; so a plural ('Kinos'; not bare after a locative: 'in Weiden', which the tagger may read as
    the plural of 'Weide'), an attributive adjective with no locative ('trotz näselnden Klangs')
    or a list with a common noun no gazetteer holds ('Wort, Klang, Bild') says the common noun."""
    locative = any(c.dep_ == "case" and (c.lower_ in LOCATIVE or c.lower_ in FUSED_LOCATIVE) for c in tok.children)
    if "Plur" in tok.morph.get("Number", []) and not (locative and not any(c.dep_ == "det" for c in tok.children)):
        return True
    if any(c.dep_ == "amod" for c in tok.children) and not locative:
        return True
    pair = _conjuncts(tok)
    return any(p.tag_ == "NN" and word_tag(p.text)[0].startswith("NN") and known_reading(p.text) is not True and
               not gazetteer().candidates(p.text) for p in pair)


def _organisations_the_ner_reads(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """One sense per one-word name and article, by the NER's readings of all its mentions: a name the rules made a
    person at every mention (a surname said again, `_person_repeats`, carries the NER's one person reading over the
    others) that the NER reads as an organisation at least as often as a person ('Der Discounter Aldi ... teilte
    Aldi mit ... ein Sprecher von Aldi'; 'Nintendo ... Nintendos Dienst'; 'Billa dementierte ... die Billa-Filiale')
    is an organisation. Not a name the article gives in full ('Anna Koch ... Koch', '... Anna'), nor one after a
    title noun ('Kanzlerin Merkel'): a person's evidence the NER's organisation reading does not outweigh.
    A name the parse says has a business's part ('die Filialen von X', `_company_contexts`) is an organisation
    whatever the NER's readings."""
    org, per = _ner_readings(doc)
    company = _company_contexts(doc)
    if not org and not company:
        return chosen
    text = _text(doc)
    names = [text[c.start:c.end] for c in chosen]
    # every word of a name given in full: a person said again by the surname or the first name ('Jay-Jay')
    full = {w for c, n in zip(chosen, names) if c.label == "PER" and " " in n for w in n.split()}
    titled = {n for c, n in zip(chosen, names) if c.label == "PER" and (w := _word_before(doc, c.start)) is not None
              and _is_title(w.text)}
    # a genitive ('Lesewurms Filialen') goes by its name's readings where the NER read the name itself
    names = [n[:-1] if n.endswith("s") and not org[n] and org[n[:-1]] else n for n in names]
    return [Cand(c.start, c.end, "ORG", c.prio) if c.label == "PER" and " " not in n and n not in full and
            n not in titled and (n in company or org[n] >= max(1, per[n])) else c for c, n in zip(chosen, names)]


# lang/de/seat_nouns.txt: nouns of a body or office ("Rat", "Parlament", "Kommission"; not the open forms with '*')
BODY_NOUNS = frozenset(p.lower() for p in de.phrases("seat_nouns") if not p.endswith("*"))


def _bodies_read_as_places(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'der Europarat', 'des Ostseerats', 'das Arktisparlament': one word the NER reads as a place that is a
    compound headed by a body's noun (`BODY_NOUNS`, by the compound's head: not 'Heirat') names that body - an
    organisation named after its area, on no spot of the map. Not a word the gazetteer resolved (a town's name)."""
    text = _text(doc)
    return [Cand(c.start, c.end, "ORG", c.prio) if c.label == "LOC" and c.ref is None and
            _headed_by_body_noun(text[c.start:c.end]) else c for c in chosen]


def _headed_by_body_noun(word: str) -> bool:
    """The word (or its lemma: the genitive 'Europarats') is a compound headed by a body's noun."""
    if not word.isalpha():
        return False
    return any(headed_by(w.lower(), BODY_NOUNS) for w in (word, word_lemma(word)))


def _sources_read_as_places(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'schrieb der Guardian', 'laut Guardian', 'berichtete die Times': a name the NER reads as a place that is on no
    spot of the gazetteer and that the parse makes the source of what is said - the subject of a reporting verb or
    the object of 'laut' - is a medium or a body that speaks (ORG). A resolved place speaking for its government
    ('Moskau erklärte') stays a place: its ref or country says it is one; so does a name the article also says is a
    place ('laut Oberwaldingen ... in Oberwaldingen', `_said_a_place`): one name is one thing in an article."""
    text = _text(doc)
    placed = {text[c.start:c.end] for c in chosen if c.label == "LOC" and _said_a_place(doc, c)}
    return [Cand(c.start, c.end, "ORG", c.prio) if c.label == "LOC" and c.ref is None and c.country is None and
            text[c.start:c.end] not in placed and (root := _span_root(doc, c)) is not None and _reports(root)
            else c for c in chosen]


def _reports(tok: Token) -> bool:
    """The word is the subject of a reporting verb ('schrieb der X', 'X teilte mit') or the object of 'laut' - as the
    attribution cues read them (`reporting_verb_of` by lang/de reporting_verbs, `is_attribution_preposition`)."""
    if tok.dep_ == "nsubj" and reporting_verb_of(tok.head, de.words("reporting_verbs")):
        return True
    return any(ch.dep_ == "case" and is_attribution_preposition(ch) for ch in tok.children)


def _truncated_place_names(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'Nord- und Südamerika', 'Ober- und Niederösterreich', 'Nord- und Ostsee': a place's name cut short by a
    hyphen (German's Ergänzungsstrich) is completed by the end of the compound it is coordinated with - the place
    'Nordamerika', a country or a place of the gazetteer (`_completed_place`); one no place completes is no name."""
    text = _text(doc)
    out = []
    for c in chosen:
        if c.label not in ("LOC", "GPE") or not text[c.start:c.end].endswith("-"):
            out.append(c)
            continue
        done = _completed_place(doc, c)
        if done is not None:
            out.append(done)
    return out


def _completed_place(doc: Doc, c: Cand) -> Cand | None:
    """The truncated name's completion by the coordinated compound after the joiner ('Südamerika': 'amerika'), the
    longest end of it that makes a country's name or a gazetteer place ('Nord' + 'amerika', not 'Nord' + 'a')."""
    tok = token_at(doc, c.start)
    # the cut compound is the first conjunct: a coordinating conjunction or a comma follows it (the tagger's CCONJ:
    # "und", "oder", "sowie")
    if tok is None or tok.i + 2 >= len(doc) or not (doc[tok.i + 1].pos_ == "CCONJ" or doc[tok.i + 1].text == ","):
        return None
    cut, other = _text(doc)[c.start:c.end - 1], doc[tok.i + 2].text
    forms = country_forms()
    for k in range(1, len(other) - 2):
        if not other[k].islower():
            continue
        name = cut + other[k:]
        f = forms.get(name)
        if f is not None and f.kind == "name":
            return Cand(c.start, c.end, "GPE", c.prio, f.iso, f"country:{f.iso}")
        place = gazetteer().best(name)
        if place is not None and place.primary:
            return Cand(c.start, c.end, "LOC", c.prio, place.country or None, f"geo:{place.id}")
    return None


def _short_forms_of_places(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'Wiener Neustadt ... in Wr. Neustadt ... Neustadt', 'Frankfurt am Main ... Frankfurt': a town the article
    names in full and the gazetteer resolved is the town its short form names there - the full name less its
    leading adjective or prefix (all words capitalised: the last word), or less what follows a lowercase particle
    (the first word) - not a homonym elsewhere (one sense per name and article)."""
    text = _text(doc)
    full: dict = {}
    for c in chosen:
        words = text[c.start:c.end].split()
        if c.label != "LOC" or not (c.ref or "").startswith("geo:") or len(words) < 2:
            continue
        short = words[0] if words[1][:1].islower() else words[-1] if all(w[:1].isupper() for w in words) else None
        if short and short not in country_forms():
            full.setdefault(short, set()).add((c.country, c.ref))
    # two towns named in full that share the short form ('Wiener Neustadt', 'Neustadt an der Weinstraße'): the
    # short form names neither for sure, it is left to the resolver
    full = {short: next(iter(towns)) for short, towns in full.items() if len(towns) == 1}
    if not full:
        return chosen
    return [Cand(c.start, c.end, c.label, c.prio, *full[text[c.start:c.end]])
            if c.label == "LOC" and text[c.start:c.end] in full else c for c in chosen]


def _typed_by_noun(doc: Doc, c: Cand) -> Cand:
    """A name after "in der Konzerthalle", "im Stadion", "im Lager", "die Provinz", "die Insel" is a place,
    not a person or an organisation; after a building's noun it is that building, not a town of the same name."""
    prev = _prev_words(doc, c.start, 1)
    if prev and not _text(doc)[max(0, c.start - len(prev[-1]) - 1):c.start].rstrip().endswith(prev[-1]):
        prev = []                                      # "in der Landeshauptstadt, Gabi X": a comma between, no type
    kind = place_type(prev[-1]) if prev and prev[-1][:1].isupper() else None
    if prev and _type_noun(prev[-1]) and c.label in ("PER", "ORG", "OTH"):
        # "die Provinz Hakkari", "Kambodschas Hauptstadt Phnom Penh": a place too - where the noun names a town or
        # an area, the gazetteer's reading of the name (a building's noun names no town: "im Stadion X")
        place = gazetteer().best(_text(doc)[c.start:c.end]) if kind != "facility" else None
        return Cand(c.start, c.end, "LOC", c.prio, place.country if place else None,
                    f"geo:{place.id}" if place else None)
    if kind == "facility" and c.label == "LOC" and c.ref and c.ref.startswith("geo:"):
        return Cand(c.start, c.end, "LOC", c.prio)
    return c


def _type_noun(word: str) -> bool:
    """A capitalised noun that says the name after it is a place: a place noun ('Dorf', 'Hauptstadt', a compound
    of one) or a noun of a kind of place ('Stadion', 'Provinz', 'Insel'; lang/de place_types)."""
    return word[:1].isupper() and (_place_noun(word) or place_type(word) is not None)


# a name joined to the one before; it may open with an elided article ("L'Aiguillon-sur-Mer", "D'Annunzio")
JOINED_NAME = re.compile(r"\s*(?:,|und|oder|sowie)\s+([A-ZÄÖÜ](?:['’](?=[A-ZÄÖÜ]))?[\w-]+)")


def _without_genitive(doc: Doc, c: Cand) -> Cand:
    """'Martin Grubers Wahlkampf': a person's name in the genitive before the noun it goes with is
    the name less its -s (as a repeated surname is, `_person_repeats`)."""
    text = _text(doc)
    if c.label == "LOC" and not c.ref:
        return _landmark_without_genitive(doc, c)
    if c.label != "PER":
        return c
    last = text[c.start:c.end].split()[-1]
    nxt = text[c.end:c.end + 40].split()
    if nxt and _genitive_name(last) and nxt[0][:1].isupper() and (word_tag(nxt[0].strip(".,;:"))[0] == "NN" or
                                                                   ACRONYM_RX.match(nxt[0].strip(".,;:"))):
        return Cand(c.start, c.end - 1, c.label, c.prio, c.country, c.ref)
    if _genitive_after_noun(doc, c):
        return Cand(c.start, c.end - 1, c.label, c.prio, c.country, c.ref)
    return c


def _genitive_after_noun(doc: Doc, c: Cand) -> bool:
    """'die Wahlniederlage Helmut Borgmanns', 'der Anwältin Lea Tamanis': a person's name right after a common
    noun is its genitive attribute where its last word is a genitive - the parse reads it so (Case=Gen, the lemma
    the word less its -s) or the lexicon reads the -s as an ending - and the article names the person without it
    elsewhere. Neither alone is enough: after a role's noun a name is as often its apposition,
    uninflected, and a surname may end in what reads as an ending ('die Trainerin Nadja Maas')."""
    span = doc.char_span(c.start, c.end)
    if span is None or span.start == 0 or doc[span.start - 1].tag_ != "NN":
        return False
    last = span[-1]
    if len(last.text) <= 3 or not last.text.endswith("s"):
        return False
    stem = last.text[:-1]
    # the word without its -s names the person where it ends a name; a first name before another name word is
    # someone else's ('Bundeskanzler Friedrich Merz' beside 'die Landrätin Petra Friedrichs': a patronymic surname)
    # a stem the lexicon knows as a name by itself ('Heinrich' of 'Jörg Heinrichs', a patronymic surname) after a
    # title's noun counts only where the name before it is the span's too: 'Prinz Heinrich' may be someone else, named
    # by a first name as news name royals and clergy; bare ('Kohl sagte') it is the surname - the lexicon knows
    # surnames ('Kohl', 'Merkel') as names too, so 'die Politik Helmut Kohls' beside it stays a genitive
    alone = len(span) == 1 or word_tag(stem) != ("NE", True)
    named_without = any(t.i != last.i and not _before_a_name_word(doc, t.i) and
                        (alone or not (t.i > 0 and doc[t.i - 1].tag_ == "NN") or doc[t.i - 1].text == span[-2].text)
                        for t in (doc[j] for j in _positions(doc).get(stem, ())))
    # the parse's genitive alone is not enough (last read, session 25): after a role's noun the name is as often its
    # apposition ('Der Richter Frank Lammers', 'Der Sänger Hans Albers', 'die Qualifikantin Kiki Bertens') - the
    # article must name the person without the -s too
    genitive = "Gen" in last.morph.get("Case", []) and last.lemma_ == stem or _genitive_name(last.text)
    if genitive and len(span) > 1 and _thing_noun(doc[span.start - 1]):
        return True            # 'die Amtsführung Angela Merkels': no role stands in apposition to a full name there
    if "Gen" in last.morph.get("Case", []) and last.lemma_ == stem and named_without:
        return True
    return _genitive_name(last.text) and named_without


def _thing_noun(noun: Token) -> bool:
    """'die Wahlniederlage', 'das Kabinett': a common noun no person's role can be - feminine or neuter (the parse's
    gender), no title, no noun in -in (a feminine person's: 'die Sängerin', 'die Qualifikantin') and no kin or
    person's noun ('die Ehefrau', 'das Mädchen': lang/de aged_person_nouns). A thing's noun before a person's full
    name takes the name as its genitive attribute; a role's or person's noun takes it as often in apposition, and
    there `_genitive_after_noun`'s own test decides (as it does for the odd thing's noun in -in, 'das Magazin')."""
    gender = noun.morph.get("Gender", [])
    return bool(gender) and set(gender) <= {"Fem", "Neut"} and not noun.lower_.endswith("in") and \
        not _is_title(noun.text) and not headed_by(noun.lower_, de.words("aged_person_nouns"))


def _before_a_name_word(doc: Doc, i: int) -> bool:
    """Whether a capitalised proper noun follows doc[i] in its sentence ('Friedrich' of 'Friedrich Merz')."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and not nxt.is_sent_start and nxt.text[:1].isupper() and \
        (nxt.tag_ == "NE" or nxt.pos_ == "PROPN")


def _genitive_after_article(doc: Doc, start: int) -> bool:
    """Whether the name starting at character `start` follows an article in the genitive singular ('des Münchner
    Hauptbahnhofs'; 'die beiden Wiener Traditionsclubs' is a plural): the article's morphology, surer than the
    name's."""
    first = token_at(doc, start)
    prev = doc[first.i - 1] if first is not None and first.i > 0 else None
    return prev is not None and prev.pos_ == "DET" and "Gen" in prev.morph.get("Case", []) and \
        "Sing" in prev.morph.get("Number", [])


def _landmark_without_genitive(doc: Doc, c: Cand) -> Cand:
    """'die Halle des Münchner Hauptbahnhofs': a landmark's name of a town's adjective (which declines not) and a
    building's or site's noun in the genitive is its name less the ending (-s, -es), where only the word without it
    is such a noun in the singular. An inflected adjective before the noun ('des Ägyptischen Museums') would stay
    inflected: that name is left as written."""
    words = _text(doc)[c.start:c.end].split()
    last = words[-1]
    if len(words) != 2 or _town_of_adjective(words[0]) is None or not last[:1].isupper() or \
            singular_place_type(last) is not None or not _genitive_after_article(doc, c.start):
        return c
    for ending in ("es", "s"):
        if last.endswith(ending) and len(last) - len(ending) >= 3 and \
                singular_place_type(last[:-len(ending)]) in ("facility", "site"):
            return Cand(c.start, c.end - len(ending), c.label, c.prio, c.country, c.ref)
    return c


def _typed_in_article(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """Names a type noun makes places (`_typed_by_noun`), then two rules of the article as a whole:
    after a plural type noun the names joined by "und"/"oder"/a comma are places of that kind too, in
    the first one's country ("in den Provinzen X und Y"), and a name the article once calls a place
    is a place at its other mentions too ("der Musikclub X ... das X"): one sense per name and article.
    `chosen` in text order."""
    text = _text(doc)
    starts = {c.start: c for c in chosen}
    out: list[Cand] = []
    listed: dict[int, Cand] = {}                       # start of a name listed after a plural noun -> its place
    for c in chosen:
        n = _typed_by_noun(doc, c)
        if c.start in listed:
            n = listed.pop(c.start)
        out.append(n)
        head, iso = n, n.country
        while head.label == "LOC" and (head is not n or _after_plural_type_noun(doc, c)):
            m = JOINED_NAME.match(text, head.end)
            if m is None or not name_like(m.group(1)):
                break
            form = m.group(1)
            place = gazetteer().best(form, country=iso) if iso else None
            head = Cand(m.start(1), m.end(1), "LOC", 1, iso, f"geo:{place.id}" if place else None)
            if head.start in starts:
                own = starts[head.start]
                if iso is None and own.label == "LOC" and own.ref and own.end == head.end:
                    head = own                         # the list's country unknown: its own reading stands
                listed[head.start] = head
            else:
                out.append(head)
    # the place's reading goes with it ("Bundesstaat Uttar Pradesh ... in Uttar Pradesh": one place)
    placed = {text[n.start:n.end]: (n.country, n.ref) for c, n in zip(chosen, out)
              if n.label == "LOC" and c.label != "LOC"}
    return sorted((Cand(n.start, n.end, "LOC", n.prio, *placed[text[n.start:n.end]])
                   if n.label in ("PER", "ORG", "OTH") and text[n.start:n.end] in placed else n for n in out),
                  key=lambda c: c.start)


def _facilities_in_country(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'der Musikclub X', 'das Lager X', 'der Bezirk X', 'in X' that no gazetteer holds lies in the country the article
    is set in, where three quarters of its places and country words (two at least) are in one country: the
    country, never a spot ('im Lager Idomeni an der Grenze zu Mazedonien' is not in Macedonia)."""
    text, forms = _text(doc), country_forms()
    # a demonym ("zwei Niederländer") says who, not where: no vote for the setting
    countries = Counter(c.country for c in chosen if c.label in ("LOC", "GPE") and c.country and c.ref and
                        not ((f := forms.get(text[c.start:c.end])) and f.kind == "demonym"))
    iso = _setting(countries)
    if iso is None:
        return chosen
    # a name the gazetteer knows only elsewhere ("in Genf" of a story set in Israel) is not moved into the setting
    return [Cand(c.start, c.end, c.label, c.prio, iso, c.ref) if c.label == "LOC" and not c.ref and not c.country
            and _said_a_place(doc, c) and _may_lie_in(text[c.start:c.end], iso) else c for c in chosen]


def _may_lie_in(name: str, iso: str) -> bool:
    """No place of that name in the gazetteer, or one in that country."""
    cands = gazetteer().candidates(name)
    return not cands or any(c.country == iso for c in cands)


def _said_a_place(doc: Doc, c: Cand) -> bool:
    """A type noun before the name ('das Lager X', 'der Bezirk X'), a bare name after in/nach/aus, or a name
    whose own head is a building's or site's noun ('Alexanderplatz', 'Olympiastadion Luschniki',
    'Royal Albert Hall'): a place of the article's setting."""
    prev = _prev_words(doc, c.start, 1)
    name = _text(doc)[c.start:c.end]
    if prev and (place_type(prev[-1]) or _place_noun(prev[-1]) or
                 (prev[-1].lower() in BARE_NAME_PREPOSITIONS or prev[-1].lower() in FUSED_LOCATIVE)
                 and _name_only(name)):
        return True
    words = name.replace("-", " ").split()
    return any(w[:1].isupper() and place_type(w) in ("facility", "site") for w in (words[0], words[-1]))


def _in_town_of_adjective(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'im Brüsseler Viertel Matonge', 'im Pariser Stadtteil X': a name no gazetteer holds after a town's -er
    adjective and a place's noun lies in that town's country (the country, never the town's spot)."""
    out = []
    for c in chosen:
        if c.label == "LOC" and not c.ref and not c.country:
            prev = _prev_words(doc, c.start, 2)
            town = _town_of_adjective(prev[0]) if len(prev) == 2 and _part_of_town_noun(prev[1]) else None
            if town is not None and town.country:
                c = Cand(c.start, c.end, c.label, c.prio, town.country, None)
        out.append(c)
    return out


def _part_of_town_noun(word: str) -> bool:
    """A noun after a town's -er adjective that names a part of it or a place near it ('Viertel', 'Stadtteil',
    'Bezirk', 'Vorort')."""
    return _place_noun(word) or place_type(word) in ("region", "site")


def _surnames_not_places(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'Minister Hal Brandt ... sagte Brandt': a one-word place that is the surname of a person the article
    names in full, with no locative preposition before it, is that person again (a county of that name is not
    meant)."""
    text = _text(doc)
    surnames = {text[c.start:c.end].split()[-1] for c in chosen if c.label == "PER" and " " in text[c.start:c.end]}
    out = []
    for c in chosen:
        prev = _prev_words(doc, c.start, 1)
        if c.label == "LOC" and text[c.start:c.end] in surnames and not (prev and prev[-1].lower() in LOCATIVE):
            c = Cand(c.start, c.end, "PER", c.prio)
        out.append(c)
    return out


def _genitive_landmarks(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'im Tal der Stille', 'am Platz der Republik': a landscape's or building's noun taken for a place (a town
    'Tal') with a genitive of capitalised words after it is one landmark's name, on no spot; a country's
    adjective right before it says its country ('im chilenischen Tal der Stille'). `chosen` in text order."""
    text, out = _text(doc), []
    for c in chosen:
        word = text[c.start:c.end]
        m = GENITIVE_NAME.match(text, c.end)
        if c.label == "LOC" and m and " " not in word and (word.lower() in GEO_HEADS or place_type(word)) \
                and word_tag(word) == ("NN", True):
            prev = _prev_words(doc, c.start, 1)
            c = Cand(c.start, m.end(), "LOC", c.prio, country_of_adjective(prev[-1]) if prev else None, None)
        out.append(c)
    return out


# "der Könige", "des Himmlischen Friedens": a genitive of capitalised words going with the noun before it
GENITIVE_NAME = re.compile(r" (?:" + "|".join(sorted(_FUNCTION["genitive_article"])) +
                           r") [A-ZÄÖÜ][\wäöüß]+(?: [A-ZÄÖÜ][\wäöüß]+)?")


def _located_in(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'das Nordische Museum in Oslo', 'die Siedlung Kaluva bei Nairobi', 'Kaluva liegt 30 Kilometer von
    Nairobi entfernt': a place no gazetteer holds lies in the country of the place named right after it
    with in/bei/nahe or at a distance from it - the country, never that place's spot; at all its mentions
    (one sense per name and article). `chosen` in text order."""
    text, out = _text(doc), list(chosen)
    said: dict[str, str] = {}
    for k, c in enumerate(out[:-1]):
        nxt = out[k + 1]
        if c.label == "LOC" and not c.country and not c.ref and nxt.label in ("LOC", "GPE") and nxt.country \
                and ((m := LOCATED.match(text, c.end)) or (m := DISTANCE.match(text, c.end))) \
                and m.end() == nxt.start:
            said.setdefault(text[c.start:c.end], nxt.country)
    return [Cand(c.start, c.end, c.label, c.prio, said[text[c.start:c.end]], None)
            if c.label == "LOC" and not c.country and not c.ref and text[c.start:c.end] in said else c for c in out]


def _generic_seats(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'die Bundesregierung', 'das Kanzleramt': a seat of government that is a common noun (several countries have
    one of that name) stands for its country only where the article names that country or one of its places;
    else no place ('Kreml', 'Weißes Haus' are one country's)."""
    text, forms = _text(doc), country_forms()
    named = {c.country for c in chosen if c.label in ("LOC", "GPE") and c.country and not (
        (f := forms.get(text[c.start:c.end])) and f.kind == "seat")}
    return [c for c in chosen if not (c.label == "GPE" and c.country not in named and
                                      (f := forms.get(text[c.start:c.end])) and f.kind == "seat"
                                      and " " not in text[c.start:c.end] and _common_noun_only(text[c.start:c.end]))]


def _sentence_place(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'Die Feuerwehr rückte zum Schlossberg über Graz und in die Herz-Jesu Kirche aus': a landmark (a name whose head
    is a building's, site's or landscape's noun) that nothing else placed lies in the country of the places its
    sentence names (towns, not countries), where they are all of one country, else (its sentence naming none)
    in the country of the article's dateline ('Wien – ...') where every town the article names lies in that
    country: the dateline says where the report is filed, not where what it tells happens (a report filed from
    Istanbul on a match in Vienna names Vienna: its stadium stays unplaced). An article with no dateline whose towns
    all lie in one country sets its landmarks there too, where the landmark is named in German (`_german_head`:
    'Royal Albert Hall' beside towns of Germany lies abroad as likely). The country, never their spot."""
    text, out = _text(doc), []
    sent_of = _sentence_index(doc)
    by_sent: dict[int, set[str]] = {}
    for c in chosen:                                   # towns, not countries (a team's, an origin's)
        if c.label == "LOC" and c.country and c.ref and c.ref.startswith("geo:"):
            by_sent.setdefault(sent_of(c.start), set()).add(c.country)
    line = dateline(doc)                               # one place before the dash: its country
    dateline_country = next((c.country for c in chosen if c.label in ("LOC", "GPE") and c.country and line and
                             len(line.places) == 1 and line.names(c.start, c.end)), None)
    if dateline_country and any(isos - {dateline_country} for isos in by_sent.values()):
        dateline_country = None                        # towns of another country: the dateline decides nothing
    if not line and len(all_isos := set().union(*by_sent.values())) == 1:
        dateline_country = next(iter(all_isos))        # no dateline: the one country all the article's towns lie in
    for c in chosen:
        isos = by_sent.get(sent_of(c.start), set())
        if c.label == "LOC" and not c.country and not c.ref and _landmark_name(text[c.start:c.end]) and \
                (len(isos) == 1 or (not isos and dateline_country and (line or _german_head(text[c.start:c.end])))):
            c = Cand(c.start, c.end, c.label, c.prio, next(iter(isos)) if isos else dateline_country, None)
        out.append(c)
    return out


def _at_dateline(e: Span) -> bool:
    """The name that opens the article's dateline (`dateline.dateline`), which names where the report is filed."""
    line = dateline(e.doc)
    return line is not None and e.start_char == line.start


def _in_dateline(doc: Doc, pos: int) -> bool:
    """Whether text position `pos` lies in the article's dateline: from its first name to the dash, every
    '/'-joined place included ('Maria Enzersdorf/London – ...')."""
    line = dateline(doc)
    return line is not None and line.holds(pos)


def _landmark_name(name: str) -> bool:
    """A name whose last word is a building's or site's noun ('Al-Aksa Moschee', 'Ostbahnhof') or a compound
    of a landscape's ('Tempelberg')."""
    last = name.replace("-", " ").split()[-1]
    return last[:1].isupper() and (singular_place_type(last) in ("facility", "site") or _landmark_compound(last))


def _german_head(name: str) -> bool:
    """A landmark's name whose last word German knows as a common noun ('Weser-Stadion', 'Stadthalle', 'Sony
    Center'), not only as a name or a foreign word ('Royal Albert Hall'): named in the language of its country."""
    return any(tag == "NN" for tag, _ in word_tags(name.replace("-", " ").split()[-1]))


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# "X in Y", "X bei Y", "X auf der Insel Y" (LOCATED; lang/de/entity_function_words.tsv): Y says where X lies
_ARTICLE = r"(?:(?:" + _alternatives(_FUNCTION["article"]) + r")\s+)?"
# "in der nördlichen Provinz Aleppo", "beim benachbarten Dorf X": a declined adjective may stand before the place noun
_PLACE_NOUN = r"(?:(?:[a-zäöüß]+e[mnrs]?\s+)?(?:" + _alternatives({n[:1].upper() + n[1:] for n in PLACE_NOUNS}) + \
    r")\s+)?"
LOCATED = re.compile(r"\s*,?\s+(?:" + _alternatives(_FUNCTION["located"]) + r")\s+" + _ARTICLE + _PLACE_NOUN)
# "X ... rund 50 Kilometer (nördlich) von Y": a distance in a unit of length (lang/de/measure_units.tsv: km)
_LENGTHS = _alternatives(r[0] for r in rows("measure_units") if r[1:] == ("km",))
DISTANCE = re.compile(r"\s+(?:[a-zäöüß]+\s+){0,2}\d[\d.,]*\s+(?i:" + _LENGTHS + r")\w*\s+(?:[a-zäöüß]+\s+)?"
                      r"(?:" + _alternatives(_FUNCTION["distance"]) + r")\s+" + _ARTICLE)


def _name_only(text: str) -> bool:
    """No word the lexicon knows as anything but a name ('aus Neu vorgestellt': the NER's place is an adverb)."""
    tag, known = word_tag(text) if " " not in text else ("NE", False)
    return not known or tag == "NE"


def _after_plural_type_noun(doc: Doc, c: Cand) -> bool:
    """'in den Provinzen X', 'in den Gemeinden X': right after a type noun or a place noun in the plural (the
    parse's lemma and number or plural ending: place_nouns lists singulars), so a list of names of that kind
    follows."""
    prev = _prev_words(doc, c.start, 1)
    if bool(prev) and plural_place_noun(prev[-1]):
        return True
    first = token_at(doc, c.start)
    noun = doc[first.i - 1] if first is not None and first.i > 0 else None
    if noun is None or noun.tag_ != "NN" or noun.lemma_ == noun.text or not _place_noun(noun.lemma_):
        return False
    # the parse's number, or the lemma with a plural's -n/-en ('Gemeinde-n': the parse may read it singular)
    return "Plur" in noun.morph.get("Number", []) or noun.text[len(noun.lemma_):] in ("n", "en") and \
        noun.text.startswith(noun.lemma_)


# --- statistical NER --------------------------------------------------------------------

def _split_run_on_persons(doc: Doc, ents: list) -> list:
    """Split a PER span that swallowed a second name ("Waleri Gerassimow Putin").

    A small NER joins adjacent names; where the span's last word is the surname of
    a person named on its own elsewhere in the article, it is two persons.
    """
    pers = [e for e in ents if e.label_.upper() == "PER"]
    alone = {e.text for e in pers if len(e) == 1}                    # surnames said alone
    full = {(e[-1].text, e[:-1].text) for e in pers if len(e) >= 2}   # (surname, first names) of full names
    out = []
    for e in ents:
        # two persons only where the first words name one of their own: its surname is said alone ("Gerassimow"),
        # or they are a full name elsewhere, or the last word is the surname of a full name with other first
        # names ("Wladimir Putin"); a three-part name whose surname alone recurs is one person ("Recep Tayyip
        # Erdogan ... Erdogan")
        # - but the word before the last said alone is no second person where the last word is named nowhere else:
        # a Spanish name's first surname is the one said alone ('Pablo Ortega Ruiz ... Ortega')
        last = e[-1].text
        if e in pers and len(e) >= 3 and last not in {t.text for t in e[:-1]} and e[-2].lower_ not in PARTICLES and (
                (e[-2].text in alone or any(s == e[-2].text for s, _ in full)) and last in alone
                or e[:-1].text in {p.text for p in pers} or
                any(s == last and _first_names(f) != _first_names(e[:-1].text) for s, f in full)):
            out += [Span(doc, e.start, e.end - 1, label=e.label), Span(doc, e.end - 1, e.end, label=e.label)]
        else:
            out.append(e)
    return out


def _first_names(text: str) -> str:
    """'Franz-Josef' and 'Franz Josef': one double first name, written with a hyphen or without."""
    return " ".join(text.replace("-", " ").split())


def _surname_before_noun(ents) -> list:
    """'in Lindqvists Theorie' written 'in Lindqvist Theorie': a two-word person whose first word is the
    surname of a person named in full elsewhere in the article and whose second word the lexicon knows
    only as a common noun is that surname alone."""
    surnames = {e[-1].text for e in ents if e.label_.upper() == "PER" and len(e) >= 2}
    return [Span(e.doc, e.start, e.start + 1, label=e.label) if e.label_.upper() == "PER" and len(e) == 2
            and e[0].text in surnames and _common_noun_only(e[1].text) else e for e in ents]


def _split_at_sentence_ends(ents) -> list:
    """'Mainz 2:1. Wolfsburg': a name never runs over a sentence's end (a '.', '!' or '?' standing alone, or the
    full stop the tokenizer leaves on a number: '2:1.') nor over a match result: the words before and after it
    are names of their own, the punctuation and the score none."""
    out = []
    for e in ents:
        start = e.start
        for t in e:
            if t.text in (".", "!", "?") or is_score(t):
                if start < t.i:
                    out.append(Span(e.doc, start, t.i, label=e.label))
                start = t.i + 1
        if start == e.start:
            out.append(e)
        elif start < e.end:
            out.append(Span(e.doc, start, e.end, label=e.label))
    return out


def _cut_at_line_breaks(ents) -> list:
    """A name never runs over a line break or a dash standing alone: keep a span's part before the first one
    (a heading "Truppen Russland-Nordkorea" must not swallow the paragraph's first word, nor a dateline
    "Lyon – Am Montag" the first word of the report)."""
    out = []
    for e in ents:
        end = e.end
        for t in e:
            if t.is_space or "\n" in t.text or (t.text in DASHES and t.i > e.start):
                end = t.i
                break
            if "\n" in t.whitespace_:
                end = t.i + 1
                break
        if end > e.start:
            out.append(e if end == e.end else Span(e.doc, e.start, end, label=e.label))
    return out


# "Norden Valdoriens": a direction is no part of the place's name
COMPASS = de.words("compass_points")


def _country_form(word: str, forms) -> bool:
    """'Nordkoreas', 'DVRK', 'russische': a country's name, genitive or adjective."""
    return word in forms or word.lower() in forms or word.rstrip("s") in forms


def _not_name_word(word: str) -> bool:
    """A lowercase word or a number ('Kim 2024 mit Putin'): never the first or last word of a name."""
    return (word.isalpha() and word.islower()) or word.isdigit()


def _split_person_place(doc: Doc, ents) -> list:
    """'Schoigu Pjöngjang' (PER): a person's span that ran on into a well-known place; the place
    is its own mention ('Paris Hilton' stays: Hilton is no place). A person's span stays whole where its
    last word is a surname that is also a town's name ('Raul Jimenez', 'Yukio Mishima'): unless that word is a
    country's or capital's name or a city of a million, the words before it must be a surname the article
    gives alone elsewhere ('Sergej Schoigu ... Schoigu Moskau') - a first name is not said alone."""
    forms = country_forms()
    out = []
    for e in ents:
        last = e[-1].text if len(e) >= 2 else ""
        if e.label_ in ("PER", "LOC") and last[:1].isupper() and (last in forms or noun_or_place(last)) \
                and singular_place_type(last) not in ("facility", "site") \
                and not (e[0].text in forms or noun_or_place(e[0].text)) \
                and not (e.text in forms or gazetteer().best(e.text)) \
                and (e.label_ == "LOC" or last in forms or _city_of_millions(last) or _said_alone(doc, e[:-1])):
            if e.label_ == "PER":       # as LOC ("Schoigu Pjöngjang"), the rules decide what the first words are
                out.append(Span(doc, e.start, e.end - 1, label="PER"))
            out.append(Span(doc, e.end - 1, e.end, label="LOC"))
        else:
            out.append(e)
    return out


def _city_of_millions(word: str) -> bool:
    best = gazetteer().best(word)
    return best is not None and best.population >= WORLD_CITY


def _said_alone(doc: Doc, words: Span) -> bool:
    """Whether the article gives these name words elsewhere as a name of their own, not followed by another
    capitalised name word ('Schoigu sagte'): a surname; a first name comes with the surname after it."""
    n = len(words)
    target = [t.text for t in words]
    for i in range(len(doc) - n + 1):
        if i != words.start and [t.text for t in doc[i:i + n]] == target and \
                not (i + n < len(doc) and doc[i + n].text[:1].isupper() and doc[i + n].is_alpha):
            return True
    return False


def _split_place_person(doc: Doc, ents) -> list:
    """'der Landrat des Kreises Kassel Andreas Siebert', 'der Bürgermeister von Tübingen Boris Palmer': the NER
    ran the place an official serves into the official's name after it (no comma between). Where the span's
    first word is a place that a place noun or a title's 'von' introduces and its second a name the lexicon
    knows that is no big place, the first word is the place and the rest - with the name words the parse joins
    to it (`flat`) - the person. Not where the NER reads the whole as a place ('im Arbeiterviertel Belcourt
    Nouveau': one name)."""
    out = []
    for e in ents:
        i = e.start
        intro = i > 0 and (_place_noun(doc[i - 1].text) or
                           (doc[i - 1].lower_ == "von" and i > 1 and _is_title(doc[i - 2].text)))
        k = _place_words_before_name(e)
        # 'an dem aus Österreich Johanna Berger teilnahm': a place, then a first name and a surname the NER read
        # as one place - no place's name goes on with a first name and another name word
        run_on = e.label_ == "LOC" and len(e) >= k + 2 and all(t.text[:1].isupper() and t.is_alpha or "-" in t.text
                                                                for t in e[k:]) and \
            not gazetteer().best(e[:k + 1].text)    # 'Santa Maria Novella', 'San Marco': the first name is the place's
        # 'die Bürgermeisterin von San Francisco Dianne Feinstein': after a title's 'von' the place of office,
        # of one word or more, whatever the NER called the whole
        if len(e) >= k + 1 and (intro and (e.label_ in ("PER", "ORG") or k > 1) or run_on) and \
                (gazetteer().best(e[:k].text) or run_on and e[0].text in country_forms()) \
                and not gazetteer().best(e.text) and not noun_or_place(e[k].text) and \
                (known_first_name(e[k].text) or intro and _two_name_words(e[k:])):
            end = e.end
            while end < len(doc) and doc[end].dep_.startswith("flat") and doc[end].head.i in range(i, end) \
                    and doc[end].text[:1].isupper():
                end += 1
            out += [Span(doc, i, i + k, label="LOC"), Span(doc, i + k, end, label="PER")]
        else:
            out.append(e)
    return out


def _two_name_words(words: Span) -> bool:
    """A first name and a surname, or more: two or more capitalised words, none a common noun or a place."""
    return len(words) >= 2 and all(t.is_alpha and t.text[:1].isupper() and not noun_or_place(t.text) for t in words)


def _place_words_before_name(e: Span) -> int:
    """How many words open the span as a place of several words the gazetteer knows ('San Francisco', 'Den Haag')
    with a name word after them; 1 otherwise (the one-word place `_split_place_person` tries)."""
    return next((k for k in range(len(e) - 1, 1, -1) if gazetteer().best(e[:k].text)), 1)


# the parse's functions of a verb's own arguments: a noun in one of them heads its phrase in the clause
CLAUSE_ARGUMENTS = frozenset({"obj", "iobj", "obl", "obl:arg", "nsubj", "nsubj:pass"})


def _cut_place_before_noun(doc: Doc, ents) -> list:
    """'im Jemen Senfgas eingesetzt': the NER ran a place into the common noun after it (the clause's object). Where
    the span's last word is a noun the tagger reads as a common noun and the lexicon too or not at all (an unsplit
    compound: 'Senfgas') and the parse makes the place's head or a verb's argument ('New Jersey Devils' in a table of
    results is a club, 'Flughafen Wien AG' a company: name words of one name) - no place's, building's or
    landscape's noun ('Wien Hauptbahnhof' is one name) - and the words before it a country or a gazetteer place
    (the whole none; not in the genitive: `_genitive_place`), the place ends before the noun."""
    out = []
    for e in ents:
        last = e[-1] if len(e) >= 2 else None
        if last is not None and e.label_ in ("LOC", "GPE") and last.tag_ == "NN" and last.is_alpha and \
                (e[-2].head.i == last.i or last.dep_ in CLAUSE_ARGUMENTS and last.head.pos_ in ("VERB", "AUX")) and \
                word_tag(last.text) in (("NN", True), ("NE", False)) and not _place_noun(last.text) and \
                place_type(last.text) is None and not _landmark_compound(last.text) and \
                (e[:-1].text in country_forms() or gazetteer().best(e[:-1].text)) and not gazetteer().best(e.text) \
                and not _genitive_place(e[-2].text, any_size=True) and not _article_of_the_noun(doc, e):
            out.append(Span(doc, e.start, e.end - 1, label=e.label_))
        else:
            out.append(e)
    return out


def _place_after_neuter_article(doc: Doc, ents) -> list:
    """'das Department Vendée': a person takes 'der' or 'die', so a PER span the parse gives a neuter article is no
    person; where its words after the first (an area's noun the lexicon may lack) are a place the gazetteer knows,
    they are that place."""
    out = []
    for e in ents:
        if e.label_ == "PER" and len(e) >= 2 and _neuter_article_of(doc, e.start, e.end) and \
                gazetteer().best(e[1:].text) is not None:
            out.append(Span(doc, e.start + 1, e.end, label="LOC"))
        else:
            out.append(e)
    return out


def _neuter_article_of(doc: Doc, start: int, end: int) -> bool:
    """Whether the word before doc[start:end] is a neuter singular article the parse hangs on a word of it."""
    art = doc[start - 1] if start > 0 else None
    return art is not None and art.tag_ == "ART" and "Neut" in art.morph.get("Gender", []) and \
        "Sing" in art.morph.get("Number", []) and start <= art.head.i < end


def _article_of_the_noun(doc: Doc, e: Span) -> bool:
    """'der Vorstand der Wien Holding': a town takes no article, so an article right before town and noun goes with
    the noun - the two are one name (a company's), not a place and the clause's noun ('im Jemen': a country takes
    one, and 'im' is a preposition's contraction, no bare article)."""
    form = country_forms().get(e[:-1].text)
    return e.start > 0 and doc[e.start - 1].tag_ == "ART" and not (form and form.kind == "name")


def _genitive_place(word: str, any_size: bool = False) -> bool:
    """'Ecuadors', 'Freiburgs': a country's or a big city's name in the genitive (its -s), no first name; with
    `any_size` any place the gazetteer holds ('Neustadts Präsident': the span names the head noun, not the place)."""
    if len(word) < 4 or not word.endswith("s") or not word[:1].isupper():
        return False
    stem = word[:-1]
    if any(c.name == word for c in gazetteer().candidates(word)):
        return False                                   # "Los Angeles", "Paris": a place's own name in -s
    f = country_forms().get(stem)
    if f is not None and f.kind in ("name", "capital"):
        return True
    if any_size:
        return bool(gazetteer().candidates(stem))
    best = gazetteer().best(stem)
    return best is not None and best.population >= EXONYM_CITY


def _split_genitive_place(doc: Doc, ents) -> list:
    """'Freiburgs Lukas Brenner' (LOC), 'Ecuadors Präsident' (PER): the NER ran a place's genitive into the
    noun or name it goes with. The genitive is left to the rules (a country's form, a town); what follows is a
    person where it opens with a first name, a role noun alone no name of its own, and anything else keeps the
    NER's label for the rules after ('Argentiniens Mittelstürmer Alvarez': the title then the name)."""
    out = []
    for e in ents:
        k = next((k for k in range(1, len(e)) if e.label_ in ("PER", "LOC") and _genitive_place(e[:k].text)
                  and e[k].text[:1].isupper() and e[k].is_alpha), None)
        if k is None and e.label_ == "PER" and len(e) >= 2 and _genitive_place(e.text):
            continue                                   # "Costa Ricas" (its noun trimmed): the rules read the place
        if k is None or gazetteer().best(e.text) or e.text in country_forms():
            out.append(e)
            continue
        rest = e[k:]
        if len(rest) >= 2:              # "Lukas Brenner": a person; "Mittelstürmer Alvarez": the title rules go on
            out.append(Span(doc, rest.start, rest.end, label="PER" if known_first_name(rest[0].text) else e.label_))
        elif not _common_noun_only(rest[0].text):
            out.append(Span(doc, rest.start, rest.end, label=e.label_))
    return out


def _common_noun_only(word: str) -> bool:
    """Known to the lexicon as a common noun and never as a name ('Montagabend'; not 'Koch', 'Fischer')."""
    tags = word_tags(word)
    return known_reading(word) is False and bool(tags) and tags[0][0] == "NN" and all(t != "NE" for t, _ in tags)


def _trim_person_tails(ents) -> list:
    """A person's span ends where the name does: at a determiner that is no particle of the name
    ("Bilal K. der Komplize": "von der Leyen" keeps its "der"), and before a word the lexicon knows as a
    common noun (and never a name) after two name words ("Anton Wegscheider Montagabend"); a surname
    after a particle stays ("Anna Van Block"). Where the parse makes that noun the head of all the name words
    before it ('die „Tigray People's Liberation Front“': they are its modifiers, not a name next to it) the span
    is an organisation's name, kept whole, where an attributive adjective stands among them ('Democratic'; a
    person's name has none: 'zusammen mit Bradley Wiggins Platz vier belegt') and it opens with no first name
    ('Polizeisprecher Fritz Grundnig Dienstagabend': the parse may hang the name on the time noun)."""
    out = []
    for e in ents:
        end = e.end
        if e.label_ == "PER" and len(e) >= 3 and _common_noun_only(e[-1].text) and \
                not known_first_name(e[0].text) and any(t.tag_ == "ADJA" for t in e[:-1]) and _heads_the_span(e):
            out.append(Span(e.doc, e.start, e.end, label="ORG"))
            continue
        if e.label_ == "PER":
            cut = next((t.i for t in e[1:] if t.lower_ in ARTICLES and (e.doc[t.i - 1].lower_ not in PARTICLES
                                                                       or _institution_after(e.doc, t.i))), None)
            end = cut - 1 if cut is not None and e.doc[cut - 1].lower_ in PARTICLES else cut if cut else end
            while end - e.start >= 3 and _common_noun_only(e.doc[end - 1].text) \
                    and e.doc[end - 2].lower_ not in PARTICLES:
                end -= 1
        if end > e.start:
            out.append(e if end == e.end else Span(e.doc, e.start, end, label=e.label))
    return out


def _heads_the_span(e: Span) -> bool:
    """Whether the parse hangs every other word of the span, directly or through others of it, on its last word
    and that word outside it: the words before are the last one's modifiers ('Democratic Front')."""
    last = e[-1]
    if e.start <= last.head.i < e.end and last.head.i != last.i:
        return False
    for t in e[:-1]:
        k = t
        for _ in range(len(e)):
            if k.i == last.i or not (e.start <= k.head.i < e.end) or k.head.i == k.i:
                break
            k = k.head
        if k.i != last.i:
            return False
    return True


def _institution_after(doc: Doc, i: int) -> bool:
    """'Claus Meier von der Landessternwarte': after a particle and the article doc[i] stands a common noun
    (tagged NN by the parse, no name the lexicon knows), the institution the person speaks for - 'von der
    Leyen' goes on with a name. A nobiliary 'von der' takes a name, never a noun."""
    k = i + 1
    if k >= len(doc) or doc[i - 1].text != "von" or doc[k].tag_ != "NN" or known_reading(doc[k].text):
        return False                                   # "Van der Bellen": a foreign particle, capitalised
    return word_tag(doc[k].text) == ("NN", True) or noun_head(doc[k].text) is not None


def _names_said_whole(doc: Doc, ents: list) -> list:
    """'Präsident Pablo Ortega Ruiz' in a headline, which the NER cut into a person and a place ('Pablo Ortega',
    'Ruiz'): a person's span and the one or two name words right after it that are together the very words of a
    person's span elsewhere in the article are that person's one name (one sense per article), whatever the NER
    called the words after it. Else the cut name would count as a second person's and split the whole one
    (`_split_run_on_persons`)."""
    whole = {e.text for e in ents if e.label_ == "PER" and len(e) >= 2}
    if not whole:
        return ents
    out: list = []
    skip_to = -1
    for e in sorted(ents, key=lambda x: x.start):
        if e.start < skip_to:
            continue
        if e.label_ == "PER":
            end = next((k for k in (e.end + 2, e.end + 1) if k <= len(doc) and doc[e.start:k].text in whole and
                        all(NAME_RX.match(t.text) for t in doc[e.end:k])), None)
            # the words taken in are no part of a longer span of their own
            if end is not None and not any(o.start < end < o.end for o in ents):
                e = Span(doc, e.start, end, label="PER")
                skip_to = end
        out.append(e)
    return out


def _capital_particle(doc: Doc, i: int) -> bool:
    """'Van', 'De' written capitalised inside a sentence: part of a name, never a preposition."""
    t = doc[i]
    return t.lower_ in PARTICLES and t.text[:1].isupper() and i > 0 and not t.is_sent_start \
        and doc[i - 1].text not in {".", "!", "?", ":", "–", "\"", "„"}


def _join_name_particles(doc: Doc, ents: list) -> list:
    """A person's name goes on over its particles: 'Alexander Van' + 'der Bellen', 'Ursula' + 'von der
    Leyen'. Particles then a capitalised word join the person before them where a particle is written
    capitalised mid-sentence or the word is a name ('von der Polizei' does not); a span that starts
    with such a capitalised particle is a person ('Van der Bellens Wahlkampf' tagged ORG)."""
    out: list = []
    skip_to = -1
    for e in ents:
        if e.start < skip_to:
            continue
        start, label = e.start, e.label_
        if label in ("ORG", "OTH") and _capital_particle(doc, e.start):
            label = "PER"
        if label != "PER":
            out.append(e)
            continue
        end = e.end - 1 if doc[e.end - 1].lower_ in PARTICLES and e.end - 1 > start else e.end
        k = end
        while k < len(doc) and doc[k].lower_ in PARTICLES:
            k += 1
        if k > end and k < len(doc) and NAME_RX.match(doc[k].text) and (
                any(_capital_particle(doc, j) for j in range(start, k)) or name_like(doc[k].text)):
            end = k + 1
        elif label != e.label_:
            end = min(e.end, k + 1)
        if end > e.end or label != e.label_:
            e = Span(doc, start, max(end, start + 1), label=label)
            skip_to = e.end
        out.append(e)
    return [e for e in out if not any(o is not e and o.start <= e.start and e.end <= o.end and
                                      (o.start, o.end) != (e.start, e.end) for o in out)]


def _foreign_place_names(doc: Doc, ents: list) -> list:
    """'aus dem Stade de France', 'an der Gare du Nord': an article, a capitalised word and a foreign particle
    before the NER's person make one name, a place's (a person's name takes no article in news)."""
    out = []
    for e in ents:
        i = e.start
        if e.label_ == "PER" and i >= 3 and doc[i - 1].text in FOREIGN_PARTICLES and \
                doc[i - 2].text[:1].isupper() and \
                doc[i - 3].lower_ in ARTICLES | {"im", "vom", "ins", "am", "zum", "beim"} \
                and not any(o.end > i - 2 and o.start < i for o in ents):
            e = Span(doc, i - 2, e.end, label="LOC")
        out.append(e)
    return out


def _first_name_after_title(doc: Doc, ents) -> list:
    """'Umweltministerin Maggie Van Dam' with the NER's person 'Van Dam': the one capitalised
    word between a title and a person's span is the first name, whatever the lexicon reads it as."""
    forms = country_forms()
    out = []
    for e in ents:
        if e.label_ == "PER" and e.start >= 2 and _is_title(doc[e.start - 2].text):
            w = doc[e.start - 1].text
            if NAME_RX.match(w) and not _is_title(w) and w not in forms and w.lower() not in STOP \
                    and not _genitive_name(w) and not gazetteer().candidates(w):
                e = Span(doc, e.start - 1, e.end, label=e.label)
        out.append(e)
    return out


def _trim_lowercase_ends(ents) -> list:
    """A person's or place's name neither starts nor ends with a lowercase word: the NER
    sometimes takes the relative pronoun of a caption along ("Kim Jong Un der mit Offizieren
    spricht"). Particles inside stay ("Ursula von der Leyen"); -deriv adjectives are not names."""
    out = []
    for e in ents:
        start, end = e.start, e.end
        if e.label_ in ("PER", "LOC"):
            while start < end - 1 and (_not_name_word(e.doc[start].text) or e.doc[start].lower_ in COMPASS):
                start += 1
            while end > start and _not_name_word(e.doc[end - 1].text):
                end -= 1
        if end > start:
            out.append(e if (start, end) == (e.start, e.end) else Span(e.doc, start, end, label=e.label))
    return out


def _adjective_of_place_name(ents) -> list:
    """'im Großen Walsertal', 'über dem Oberen Gailtal': an adjective German capitalises inside a sentence
    belongs to a name (a common adjective is written lowercase), so a place's span the NER began after it
    takes it in, inflected as the text has it. Not a town's or country's adjective ('Grazer Schlossberg',
    'Deutschen Reich': a place of its own), nor a word opening a sentence or line, nor one before another
    adjective ('der Freien Syrischen Armee': an organisation's name the NER took for a place). A one-word person the NER
    read there after a preposition fused with the article takes it in too ('im Großen Walsertal': news give a
    person no article, `_building_named` then reads the name as a site's)."""
    out = []
    for e in ents:
        doc = e.doc
        words = [t for t in doc[max(e.start - 4, 0):e.start] if not t.is_space]   # a double space is a token
        if len(words) < 2:
            out.append(e)
            continue
        adj, before = words[-1], words[-2]
        if (e.label_ == "LOC" or e.label_ == "PER" and len(e) == 1 and
                                before.lower_ in FUSED_LOCATIVE) and \
                adj.is_alpha and adj.text[:1].isupper() and not adj.is_sent_start and before.text[:1].islower() and \
                "\n" not in before.whitespace_ and word_tag(adj.lower_)[0].startswith("ADJ") and \
                word_tag(adj.lower_)[1] and _town_of_adjective(adj.text) is None and \
                country_of_adjective(adj.text) is None and not any(o.start <= adj.i < o.end for o in ents) and \
                not word_tag(e[0].lower_)[0].startswith("ADJ") and country_of_adjective(e[0].text) is None and \
                not _genitive_of_a_noun(adj, e[-1]) and f"{adj.text} {e.text}" not in KNOWN_ORGS and \
                f"{adj.text} {e.text}" not in country_forms():
            # not a name the tables read as an organisation's or a state's body ('beim Roten Kreuz', 'im Weißen
            # Haus': the rules after read it from the text, a place's span over it would hide it)
            e = Span(doc, adj.i, e.end, label=e.label_)
        out.append(e)
    return out


def _genitive_of_a_noun(adj: Token, name: Token) -> bool:
    """'an die Armen Afrikas', 'für die Ärmsten Europas': the capitalised word is a noun made of an adjective,
    and the place after it its genitive attribute - the parse gives the place the genitive and the word another
    case (a name's adjective agrees with it: 'im Großen Walsertal', both dative). Without a parse: False."""
    case, adj_case = name.morph.get("Case", []), adj.morph.get("Case", [])
    return case == ["Gen"] and bool(adj_case) and adj_case != ["Gen"]


def _role_before_name(e: Span, k: int, forms) -> bool:
    """'Mittelfeldstar Arturo Vidal', 'Brasiliens Top-Stürmer Neymar', 'den Russen Jewgeni Donskoj': a word the
    lexicon knows only as a common noun (a role, a profession; of a compound its last part) or a demonym, at the
    span's start or after a country's or a person's genitive ('Erdoğans Schwiegersohn Berat Albayrak'), with
    nothing but a person's name words after it - at least two where it starts the span - is no part of the name."""
    word = e[k].text
    part = word.rsplit("-", 1)[-1]
    if k and not _country_form(e[:k].text, forms) and not (k == 1 and _name_in_genitive(e[0])) or \
            part.isupper() or place_type(part) or _place_noun(part):
        return False            # "Champions Hockey League", "FC Bayern": an organisation; "Olympiastadion X": a place
    if not (part[:1].isupper() and (_common_noun_only(part) or _noun_compound(part) or
                                    (forms.get(word) and forms[word].kind == "demonym"))):
        return False
    rest = list(e[k + 1:])
    # a name word: as the lexicon reads it, or the parse's proper noun where the lexicon reads another word too
    # ('Berat': a verb's form to it)
    named = [name_like(t.text) or t.tag_ == "NE" and t.text[:1].isupper() for t in rest]
    if len(rest) < (2 if k == 0 else 1) or rest[0].lower_ in PARTICLES or not named[0] or not named[-1]:
        return False                                   # "Maggie Van Dam": no name starts with a particle
    return all(n or t.lower_ in PARTICLES for n, t in zip(named, rest))


def _name_in_genitive(t: Token) -> bool:
    """'Erdoğans', 'Merkels': a name in the genitive, as the parse reads it (Case=Gen or the lemma the word less
    its -s) or the lexicon (`_genitive_name`)."""
    return t.text[:1].isupper() and len(t.text) > 3 and t.text.endswith("s") and t.tag_ in ("NE", "PROPN", "") and (
        t.lemma_ == t.text[:-1] or _genitive_name(t.text))


def _noun_compound(word: str) -> bool:
    """'Mittelfeldstar', 'Tennisstar': a word the lexicon does not know, read as a common noun, whose last part
    (as the lexicon splits it) is a common noun it knows - no name ('Wolfgang' is a name it knows)."""
    if known_reading(word) is not None or word_tag(word)[0] != "NN":
        return False
    head = noun_head(word)
    return head is not None and len(head) >= 4


def _split_at_titles(doc: Doc, ents: list) -> list:
    """Split a span that swallowed a title and the name after it ("Nordkoreas Machthaber Kim Jong Un").

    Titles never belong to a name; what follows the title is the person, what
    precedes it keeps the span's label only where it is a country's form
    ("Nordkoreas"), else it is dropped. A span of name words right after a
    title is a person whatever the NER called it ("Präsident Wolodymyr Selensky").
    """
    forms = country_forms()
    out = []
    for e in ents:
        cut = next((k for k in range(len(e) - 1) if _is_title(e[k].text) or _role_before_name(e, k, forms)), None)
        if cut is None:
            if (e.label_ != "PER" and e.start > 0 and _is_title(doc[e.start - 1].text)
                    and _name_at(doc, list(e), 0) == len(e)):
                e = Span(doc, e.start, e.end, label="PER")
            out.append(e)
            continue
        head = e[:cut]
        if cut and _country_form(head.text, forms):
            out.append(Span(doc, e.start, e.start + cut, label="LOC"))
        # the title's complement is no part of the name: "Staatspräsident der DVRK Kim Jong Un"
        start = e.start + cut + 1
        while start < e.end - 1 and _not_name_word(doc[start].text):
            start += 1
        name = start
        while name < e.end - 1 and _country_form(doc[name].text, forms):
            name += 1
        if name > start:
            out.append(Span(doc, start, name, label="LOC"))
        out.append(Span(doc, name, e.end, label="PER"))
    return out


# Heads of hyphenated place names: a place noun or a landscape ("Meruna-Tal", "Donez-Becken", "Kursk-Region").
GEO_HEADS = PLACE_NOUNS | _PLACE_NOUNS["landscape"]


def _geographic_compound(text: str) -> bool:
    head = text.rsplit("-", 1)[-1] if "-" in text and " " not in text else ""
    return head.lower() in GEO_HEADS and text[0].isupper()


def _part_compound(text: str, place) -> bool:
    """'Ukraine-Krieg', 'Kursk-Offensive': a hyphenated compound whose head is a common noun is about the
    thing the head names, not the place ('Meruna-Tal', 'Baden-Württemberg' are places)."""
    if " " in text or "-" not in text or _geographic_compound(text) or place:
        return False
    head = text.rsplit("-", 1)[1]
    return head[:1].isupper() and word_tag(head) == ("NN", True)


def _place_list(text: str, forms, place) -> bool:
    """'Pjöngjang Moskau', 'Seoul und Washington', 'Russland–Nordkorea': two or more places the NER
    ran together (as one person, organisation, ...); the place rules name each of them."""
    if text in forms or place:
        return False                                   # one place of several words: "Bosnien und Herzegowina"
    parts = [p for p in re.split(r"\s+(?:und|oder|sowie)\s+|\s*[,–—/]\s*|\s+", text) if p]
    return len(parts) >= 2 and all(p in forms or noun_or_place(p) for p in parts)


def _country_institution(text: str, forms) -> bool:
    """'Südkoreas Geheimdienst', 'russische Armee': a country's institution, which the rules make
    the country and the institution of that country ('Geheimdienst (Südkorea)')."""
    words = text.split()
    return len(words) == 2 and words[1].lower().endswith(INSTITUTIONS) and _country_form(words[0], forms)


def _lone_common_noun(text: str, base: str, f, place, named: set[str]) -> bool:
    """'Drohnen' (LOC), 'Luftalarm' (ORG), 'Helfer' (PER): one word the lexicon knows as a common noun
    and nothing else we know names (a country form, a gazetteer place, an institution, an organisation,
    a name the article introduces: ``named``)."""
    if not re.fullmatch(r"\w+", text) or f or word_tag(text) != ("NN", True):
        return False
    if base == "LOC":
        return place is None and not _landmark_compound(text)
    if base == "ORG":
        return not text.lower().endswith(INSTITUTIONS) and text not in KNOWN_ORGS and text not in _org_names() \
            and text not in named
    return True


def _landmark_compound(word: str) -> bool:
    """'Tempelberg', 'Ölberg', 'Stadtpark': a compound the lexicon knows as a common noun, its head a landscape's,
    building's or site's noun - what the NER reads as a place here is a landmark's name ('auf dem Tempelberg');
    not a settlement's noun ('Zelt- und Budenstadt' is no name)."""
    head = compound_head(word)
    return head is not None and (head in _PLACE_NOUNS["landscape"] or place_type(head) in ("facility", "site"))


# lang/de/named_work_nouns.tsv: nouns whose apposition names a work (OTH) or an artists' group (ORG)
_NAMED_WORK = {kind: nouns for kind, nouns in de.table("named_work_nouns").items()}
_APPOSITION = frozenset({"appos", "flat", "flat:name", "compound"})
ORGANISATION_KINDS = frozenset({"group", "outlet"})    # kinds of named_work_nouns.tsv whose name is an organisation


def _named_by_head_noun(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'der Film „Lange Schatten“', 'die Band Kalte Sterne', 'ihr Album Silver Harbour': a name the parse makes the
    apposition of a work's noun (a compound's last part: 'Kinofilm', 'Debütalbum') is the work's title (OTH), of
    an artists' group's noun ('Rockband') the group (ORG), of a product's or a weather system's noun ('das
    Medikament Corvalin', 'Orkantief Ylvie') another name (OTH) - not a person nor a place however its words read;
    one sense per name and article: the same name bare elsewhere in it is the same thing."""
    text, out = _text(doc), []
    # each mention's noun read once (the walk up the parse, the lexicon's head of the noun), for both uses below
    own_kind = [_head_noun_kind(doc, c) if c.label in ("PER", "LOC") else None for c in chosen]
    # a product's or weather system's name is one word the article repeats bare; a band's first word may be its
    # member's surname too ('der Band Dobrek Bistro ... Dobrek'): its noun types the mention it stands with only
    kinds = {text[c.start:c.end]: kind for c, kind in zip(chosen, own_kind) if kind in ("product", "weather")}
    for c, own in zip(chosen, own_kind):
        if c.label in ("PER", "LOC") and (kind := kinds.get(text[c.start:c.end]) or own) and \
                (kind != "outlet" or c.label == "PER"):
            # an outlet's noun retypes a person only: 'Kanal' and 'Sender' name a waterway and a transmitter too
            # ('im Kanal Saint-Martin'), whose name is a place
            c = Cand(c.start, c.end, "ORG" if kind in ORGANISATION_KINDS else "OTH", c.prio, c.country, c.ref)
        elif c.label == "PER" and " " in text[c.start:c.end] and c.start > 0 and \
                text[c.start - 1] in OPENING_QUOTES and text[c.end:c.end + 1] in CLOSING_QUOTES:
            # 'tanzte in „Saturday Night Fever“': a name of several words quoted whole is a title; news quote no
            # one's full name (a nickname, one word, may be: 'Bastian „Schweini“ ...')
            c = Cand(c.start, c.end, "OTH", c.prio, c.country, c.ref)
        out.append(c)
    return out


OPENING_QUOTES = frozenset("„“\"»«‚‘'")
CLOSING_QUOTES = frozenset("“”\"«»‘’'")


def _head_noun_kind(doc: Doc, c: Cand) -> str | None:
    """'work' or 'group': what the common noun the mention stands in apposition to names (over the other words
    of the name the parse hangs it on: 'Bee' of 'Bee Gees'), or the noun right before it that the parse makes part
    of the name's phrase ('den Tanzfilm Saturday Night Fever': a compound of the name), or None."""
    tok = _span_root(doc, c)
    first = token_at(doc, c.start)
    if tok is None or first is None:
        return None
    nouns = []
    if first.i > 0 and (prev := doc[first.i - 1]).dep_ in _APPOSITION and first.i <= prev.head.i and \
            prev.head.idx < c.end:
        nouns.append(prev)                             # the parse may tag the compound a name (PROPN)
    for _ in range(3):
        if tok.dep_ not in _APPOSITION or tok.head == tok:
            break
        tok = tok.head
        if tok.idx < c.start and tok.pos_ == "NOUN":
            nouns.append(tok)                          # 'die Band Bee Gees': over 'Bee', the NER's name left out
    name = _text(doc)[c.start:c.end].strip()
    if (inside := _type_noun_opening(doc, c)) is not None:
        nouns.insert(0, inside)                        # 'Taifun Halong tobte': the NER took the noun into the name
        name = _text(doc)[inside.idx + len(inside.text):c.end].strip()
    one_word = " " not in name
    for noun in nouns:                                 # the nearest first
        word = _last_part(noun)
        if (kind := next((k for k, words in _NAMED_WORK.items() if word in words), None)) is None:
            # the nearest noun says what the name is; one above it types that noun: 'der Sender CNN-Reporter
            # John Smith' names a reporter, not the outlet
            return None
        # a storm or a drug is named with one word ('Orkantief Xynthia', 'Medikament Tamiflu'); a person's
        # full name after a compound in -tief is whom it befell ('trotz Formtief Thomas Müller nominiert')
        if kind in ("product", "weather") and not one_word:
            continue
        return kind
    return None


def _last_part(noun: Token) -> str:
    """A noun's lemma's last part, lower-cased: a compound's head ('Kinofilm' -> 'film'), the word after a hyphen
    ('TV-Kanal' -> 'kanal'), of its lemma ('Fernsehkanals' -> 'kanal')."""
    part = noun.text.rsplit("-", 1)[-1]
    word = word_lemma(part) or part                    # the lexicon's lemma: the parser's keeps a genitive's -s
    return (compound_head(word) or word).lower()


def _type_noun_opening(doc: Doc, c: Cand) -> Token | None:
    """The common noun that opens a mention of two or more words and that the parse makes part of the rest's
    phrase ('Taifun Halong', 'Sender Rossija' in a headline, no article before them), or None: the NER took a
    noun that types the name into it (`_head_noun_kind` asks its kind). In the singular: one thing is named."""
    first = token_at(doc, c.start)
    if first is None or first.i + 1 >= len(doc) or doc[first.i + 1].idx >= c.end or \
            "Plur" in first.morph.get("Number", []) or not (first.tag_ == "NN" or word_tag(first.text) == ("NN", True)):
        return None                                    # the tagger may read the noun of a headline's name a name
    rest = doc[first.i + 1]
    return first if first.head == rest or rest.head == first else None


# Nouns that introduce an organisation's name in apposition: "die Hilfsorganisation Brückenwerk".
ORG_TYPE_HEADS = tuple(sorted(de.words("organisation_types")))


def _named_in_apposition(doc: Doc) -> set[str]:
    """Words the article introduces as names of an organisation ('Hilfsorganisation Brückenwerk'); an article that
    opens the name ('die Partei Die Linke') is none of its words."""
    toks = list(doc)
    return {t.text for prev, t in zip(toks, toks[1:]) if t.text[:1].isupper() and prev.text[:1].isupper()
            and prev.lower_.endswith(ORG_TYPE_HEADS) and t.lower_ not in ARTICLES}


def _persons_genitive(doc: Doc, i: int) -> bool:
    """'Maren Lindqvists' (Lindqvist named elsewhere), 'Jean Dupont'': capitalised words from doc[i] on that
    open with a first name and end in a person's genitive ('Hürriyet Daily News' ends in no genitive)."""
    k = i
    while k < len(doc) and k < i + 4 and doc[k].text[:1].isupper():
        k += 1
    last = doc[k - 1].text
    genitive = k < len(doc) and doc[k].text in ("'", "’") or \
        last.endswith("s") and any(j != k - 1 for j in _positions(doc).get(last[:-1], ()))
    return k - i >= 2 and known_first_name(doc[i].text) and genitive


def _organisations_named(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'der Hersteller Acme Borealis', 'des Unternehmens Terre Vive': a name after an organisation's noun
    with its determiner is that organisation wherever the article names it, not a person (one sense per
    name and article; 'auf Initiative Merkels', with no determiner, names no organisation, and 'die Partei
    Maren Lindqvists' is a person's party: a first name and a genitive)."""
    named = set()
    toks = list(doc)
    for noun, t in zip(toks, toks[1:]):
        low = noun.lower_[:-1] if noun.lower_.endswith("s") else noun.lower_
        if t.text[:1].isupper() and t.lower_ not in ARTICLES and noun.text[:1].isupper() and \
                (noun.lower_.endswith(ORG_TYPE_HEADS) or low.endswith(ORG_TYPE_HEADS)) \
                and _determined(doc, noun) \
                and not _persons_genitive(doc, t.i) and not _holder_of_title_before(doc, noun, t):
            named.add(t.text)
    named |= _named_before_organisation_noun(toks)
    text = _text(doc)
    return [Cand(c.start, c.end, "ORG", c.prio, c.country, c.ref)
            if c.label == "PER" and text[c.start:c.end].split()[0].split("-")[0] in named else c for c in chosen]


def _named_before_organisation_noun(toks: list[Token]) -> set[str]:
    """'Syriza, die Linkspartei, ...', 'Nordlicht, der kleine Handelskonzern': a name set off by a comma before an
    article, adjectives and an organisation's noun in apposition is that organisation's name (the surface order: the
    parse often reads the apposition as a conjunct)."""
    named = set()
    for k in range(len(toks) - 3):
        t = toks[k]
        if not (t.text[:1].isupper() and toks[k + 1].text == "," and toks[k + 2].lower_ in ARTICLES):
            continue
        j = k + 3
        while j < len(toks) - 1 and toks[j].tag_ == "ADJA":
            j += 1
        noun = toks[j]
        if noun.text[:1].isupper() and noun.lower_.endswith(ORG_TYPE_HEADS) and not _in_a_list(noun):
            named.add(t.text)
    return named


def _in_a_list(noun: Token) -> bool:
    """'Am Tisch saßen Schulz, der Verband der Landwirte und zwei Bürgermeister': a 'und'/'oder' after the noun with
    no verb between it and the sentence's end makes the comma one of a list, not an apposition's."""
    for t in noun.doc[noun.i + 1:noun.sent.end]:
        if t.pos_ in ("VERB", "AUX"):
            return False
        if t.pos_ == "CCONJ":
            return True
    return False


def _determined(doc: Doc, noun: Token) -> bool:
    """Whether the noun has its article: one of the two words before it, or further back before a participle's or
    adjective's phrase ending in the weak -en right before the noun, which only an article before it takes ('der
    dem Reformlager nahestehenden Tageszeitung'; 'auf Initiative Merkels' has none)."""
    if any(w.lower_ in ARTICLES for w in doc[max(0, noun.i - 2):noun.i]):
        return True
    prev = doc[noun.i - 1] if noun.i > 0 else None
    if prev is None or not prev.is_lower or not prev.text.endswith("en"):
        return False
    for w in reversed(doc[max(0, noun.i - 5):noun.i - 1]):
        if w.lower_ in ARTICLES:
            return True
        if w.is_punct or w.pos_ in ("VERB", "AUX") and w.tag_ != "VVFIN":
            return False
    return False


def _after_neuter_or_masculine_article(t: Token) -> bool:
    """'den/dem/das/des' right before the word as its article (the parse's det; without a parse, the word)."""
    doc = t.doc
    return t.i > 0 and doc[t.i - 1].lower_ in ("den", "dem", "das", "des") and \
        (doc[t.i - 1].dep_ == "det" or not doc.has_annotation("DEP"))


def _given_an_article_elsewhere(e: Span) -> bool:
    """'Fässer des giftigen Ethanoxal ... mit dem Ethanoxal': a one-word name standing bare (no noun before it by
    the parse's tag: 'der Musikclub Mirabeau ... das Mirabeau' is the club's name, a noun says so; a capitalised
    adverb opening the sentence, 'Auch Ethanoxal gilt ...', is none) that the parse gives its article elsewhere in
    the article is that thing's word there too (one sense per article); not a word the lexicon knows as a name
    ('Die Firma gehört Huber ... vertritt den Huber': a surname, the article colloquial)."""
    doc = e.doc
    if not doc.has_annotation("DEP") or e.start > 0 and doc[e.start - 1].tag_ in ("NN", "NE") or \
            known_reading(e.text) is True:
        return False
    return any(_after_neuter_or_masculine_article(doc[i]) for i in _positions(doc).get(e.text, ()) if i != e.start)


_POSITIONS = "_lagebild_entities:positions"


def _positions(doc: Doc) -> dict[str, list[int]]:
    """Each word form of the Doc -> the indices of its tokens, made once per Doc (kept in `doc.user_data` while
    `find_mentions` runs): the one-sense rule looks a name up elsewhere in the article for every bare name the NER
    reads, and a scan over all tokens for each made a new Token object per token and name."""
    positions = doc.user_data.get(_POSITIONS)
    if positions is None:
        positions = doc.user_data[_POSITIONS] = {}
        for i, word in enumerate(doc.to_array(["ORTH"]).tolist()):
            positions.setdefault(doc.vocab.strings[word], []).append(i)
    return positions


def _holder_of_title_before(doc: Doc, noun: Token, t: Token) -> bool:
    """'die Präsidentin des Verbands Marta Ricciardi': after a title and an organisation's noun in the genitive,
    a first name and a surname name the title's holder, not the organisation ('der Chef des Konzerns Terre Vive'
    opens with no first name: the company); a first name the lexicon lacks where the NER reads the two words
    as a person ('Gianluca Ferrotti'). Where a company bears its founder's name ('der Chef des Konzerns Hugo
    Boss') the masculine title is also the office's generic word: the holder only where the title is feminine
    by the parse (a woman holds it, named right after it) or the article names the holder by the surname
    alone elsewhere, as news name a person again ('... Ferrotti sagte')."""
    title, surname = doc[noun.i - 2] if noun.i >= 2 else None, doc[t.i + 1] if t.i + 1 < len(doc) else None
    if not (title is not None and surname is not None and doc[noun.i - 1].lower_ == "des" and
            _is_title(title.text) and surname.text[:1].isupper() and surname.is_alpha):
        return False
    if not (known_first_name(t.text) or t.ent_type_ == "PER" and t.ent_iob_ == "B" and surname.ent_iob_ == "I"):
        return False
    return "Fem" in title.morph.get("Gender", []) or any(
        w.text == surname.text and w.ent_type_ == "PER" and w.ent_iob_ == "B" and
        (w.i + 1 == len(doc) or doc[w.i + 1].ent_iob_ != "I")
        for w in (doc[j] for j in _positions(doc).get(surname.text, ()) if j != surname.i))


def _clubs_of_towns(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'VfL Wolfsburg ... der Mittelfeldspieler von Wolfsburg', 'Dinamo Zagreb ... gegen Zagreb': where the article
    names an organisation by a name of its own and a town's name after it (a club; not 'Universität Wien',
    'Flughafen Graz': common nouns only), the town's name alone - or in the genitive - is that organisation
    again (one sense per name and article), unless 'in', 'nach', 'aus' put it as a place or it is the dateline;
    likewise a team's name after its town ('Nashville Predators') said alone is the team, not a person."""
    text = _text(doc)
    towns: set[str] = set()
    nicknames: set[str] = set()
    for c in chosen:
        words = text[c.start:c.end].split()
        if c.label != "ORG" or len(words) < 2:
            continue
        spots = [w for w in words if w[:1].isupper() and gazetteer().best(w) is not None and w not in country_forms()]
        rest = [w for w in words if w not in spots]
        own_name = any(ACRONYM_RX.match(w) or word_tag(w)[0] != "NN" or known_reading(w) for w in rest)
        if len(spots) == 1 and words[-1] == spots[0] and own_name:
            towns.add(spots[0])                        # "VfL Wolfsburg", "Dinamo Zagreb": a name, then the town
        elif len(spots) == 1 and len(words) == 2 and words[0] == spots[0] and not _common_noun_only(words[1]) \
                and not known_first_name(words[0]):
            nicknames.add(words[1])                    # "Nashville Predators": the town, then the team's name
            # (not "Regina Fritsch", "Sebastian Kurz" the NER typed ORG: a first name that is also a town's)
    if not towns and not nicknames or not _has_score(doc):
        return chosen       # a club said by its town's name is sports reporting: a result ('2:1') shows it;
        #                     elsewhere 'ÖVP Burgenland', 'AKH Linz' or 'FC Barcelona' leave the town a town
    out = []
    for c in chosen:
        name = text[c.start:c.end]
        base = name[:-1] if name.endswith("s") and name[:-1] in towns else name
        prev = _prev_words(doc, c.start, 1)
        if c.label in ("LOC", "GPE", "PER") and base in towns and not _in_dateline(doc, c.start) \
                and not (prev and prev[-1].lower() in BARE_NAME_PREPOSITIONS):
            c = Cand(c.start, c.end, "ORG", c.prio)
        elif c.label == "PER" and name in nicknames:
            c = Cand(c.start, c.end, "ORG", c.prio)    # "gegen die Predators": the team again, no person
        out.append(c)
    return out


# a town's name the parse makes a side of a match: the subject or the object of the clause, or after "gegen"
SIDE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
AGAINST = frozenset(_FUNCTION["against"])


def _towns_as_sides(doc: Doc, chosen: list[Cand]) -> list[Cand]:
    """'Freiburg gewann am Samstag 3:1 gegen Bochum', 'Bochum besiegte Augsburg 2:0': in a clause whose verb has a
    match result ('3:1'; not a count, '30:12 Stimmen'), a town's name that the parse makes the verb's subject or
    object, or that follows 'gegen', is a team said by its town's name - no place, even where the article never
    names the club in full (`_clubs_of_towns`). 'in Freiburg' (where it was played) stays the town, and so does the
    dateline's ('Rotterdam – Der Schweizer gewann 6:4': the parse may make the desk's town the winner)."""
    if not _has_score(doc):
        return chosen
    out = []
    for c in chosen:
        if c.label == "LOC" and (c.ref or "").startswith("geo:") and not _in_dateline(doc, c.start) and \
                (tok := _span_root(doc, c)) is not None and \
                (tok.dep_ in SIDE_DEPS or (tok.dep_ == "obl" and any(
                    k.dep_ == "case" and k.lower_ in AGAINST for k in tok.children))) and \
                (p := gazetteer().by_id.get((c.ref or "").split(":", 1)[1])) is not None and p.precision == "city" \
                and any(is_score(k) and k.head == tok.head and not _counts_a_noun(k) for k in tok.head.children):
            c = Cand(c.start, c.end, "ORG", c.prio)
        out.append(c)
    return out


def _span_root(doc: Doc, c: Cand) -> Token | None:
    """The token of the mention's words whose head lies outside them (None: no token starts the mention)."""
    first = token_at(doc, c.start)
    if first is None:
        return None
    toks = list(takewhile(lambda t: t.idx < c.end, doc[first.i:]))
    return next((t for t in toks if not (first.i <= t.head.i < first.i + len(toks)) or t.head == t), None)


def _counts_a_noun(score: Token) -> bool:
    """'mit 30:12 Stimmen': the pair counts what the noun after it names - a vote, no match result."""
    nxt = score.nbor(1) if score.i + 1 < len(score.doc) else None
    return nxt is not None and nxt.pos_ == "NOUN" and not score.text.endswith(".")


@lru_cache(maxsize=1)
def _org_names() -> frozenset[str]:
    from ..nlp.gazetteer import organisations

    return frozenset(organisations()[1])


# the priority of a match result's side: the layout ('A – B 2:1') is firmer evidence than a town's name read
# in the gazetteer ('Rapid – Salzburg 1:0': the club), so no rule's place or person overrules it
RESULT_SIDE = 4


def _has_score(doc: Doc) -> bool:
    """A match result in the article ('2:1', '(1:0)')."""
    return bool(_scores(doc))


_SCORES = "_lagebild_entities:scores"


def _scores(doc: Doc) -> list[int]:
    """The token indices of the article's match results ('2:1'; `is_score`), in order, found once per Doc (kept in
    `doc.user_data` while `find_mentions` runs: three rules and the results' sides ask)."""
    scores = doc.user_data.get(_SCORES)
    if scores is None:
        scores = doc.user_data[_SCORES] = [t.i for t in doc if is_score(t)]
    return scores


def _side_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised words (and a bracketed aside after them) that end right before doc[i]: one side of a
    result; None where a lowercase word or nothing comes first."""
    end = i
    if end > 0 and doc[end - 1].text == ")":
        end = next((k for k in range(end - 2, max(-1, end - 12), -1) if doc[k].text == "("), end)
    start = end
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and end - start < 5:
        start -= 1
    return (start, end) if start < end else None


def _results_sides(doc: Doc) -> list[tuple[int, int]]:
    """'Rapid – Sturm 2:1', 'Otters (mit Meier) – Hawks 3:2 n.V.': the capitalised words a dash joins before a
    score are the two sides of a match - teams, clubs or players' pairs, never a person or place by themselves.
    Token spans (start, end) of those sides, their bracketed asides left out."""
    out: list[tuple[int, int]] = []
    for i in _scores(doc):                             # "Wien – Um 10:30 Uhr": a time, no score
        right = _side_before(doc, i)
        if right is None or right[0] < 1 or doc[right[0] - 1].text not in ("–", "—", "-"):
            continue
        left = _side_before(doc, right[0] - 1)
        if left is not None and not any(doc[a].lower_ in STOP or _in_dateline(doc, doc[a].idx)
                                        for a, _ in (left, right)):
            out += [left, right]
    return out


def _result_side_cands(doc: Doc) -> list[Cand]:
    return [Cand(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), "ORG", RESULT_SIDE)
            for a, b in _results_sides(doc)]


def _ner_spans(doc: Doc) -> list:
    """The NER's spans, cut, joined and relabelled by the span rules (in this order)."""
    ents = _split_at_acronyms(doc, _foreign_place_names(doc, list(doc.ents)))
    ents = _split_run_on_persons(doc, _first_name_after_title(doc, _names_said_whole(
        doc, _join_name_particles(doc, ents))))
    ents = _adjective_of_place_name(_trim_lowercase_ends(_trim_person_tails(_surname_before_noun(_cut_at_line_breaks(
        _split_at_sentence_ends(ents))))))
    ents = _split_place_person(doc, _split_person_place(doc, _split_genitive_place(doc, _split_at_titles(doc, ents))))
    ents = _place_after_neuter_article(doc, _cut_place_before_noun(doc, ents))
    return _persons_in_lists(doc, _clubs_named_by_town(doc, _surname_before_role(doc, _surname_of_no_noun(doc, ents))))


def _surname_of_no_noun(doc: Doc, ents: list) -> list:
    """'Rosmarie Will', 'Gabi Kurz': inside a sentence German capitalises nouns and names only, so a capitalised
    word right after a one-word person that the lexicon knows in lower case and never as a noun (a modal 'will', an
    adjective 'kurz') is a name - the person's surname, taken into the span. Not a full verb's or an auxiliary's form:
    'Putin Sagte', 'Scholz Bleibt' is headline style or a slip, the clause's verb, and no surname is one."""
    out = []
    for e in ents:
        nxt = doc[e.end] if e.label_ == "PER" and len(e) == 1 and e.end < len(doc) else None
        if nxt is not None and nxt.idx == e.end_char + 1 and not nxt.is_sent_start and not nxt.ent_type_ and \
                NAME_RX.match(nxt.text) and nxt.lower_ not in STOP and not _is_title(nxt.text) and \
                word_tag(nxt.lower_)[1] and \
                not any(tag.startswith(("NN", "VV", "VA")) for tag, _ in word_tags(nxt.text)):
            e = Span(doc, e.start, e.end + 1, label=e.label)
        out.append(e)
    return out


def _from_ents(doc: Doc, named: set[str]) -> list[Cand]:
    out = []
    forms = country_forms()
    ents = _ner_spans(doc)
    for e in ents:
        if e.label_ == CLUB:                           # "Werder Bremen": no person, place nor two places
            out.append(Cand(e.start_char, e.end_char, "ORG", 3))
            continue
        label = e.label_.upper()
        base = label[:3]
        if label.endswith("PART"):
            continue                                   # "Ukraine-Krieg": not a mention of Ukraine as an actor
        text = e.text
        known = next((canon for name, canon in KNOWN_ORGS.items() if text.endswith(" " + name)), None)
        if known and base in ("OTH", "LOC", "ORG"):      # "The Kyiv Independent": an organisation we know by name
            out.append(Cand(e.start_char, e.end_char, "ORG", 3, None, f"org:{known}"))
            continue
        if sum(c.isalpha() for c in text) < 2:
            continue                                   # "auf X.": one letter names nothing we can resolve
        if base == "PER" and any(ch.isdigit() for ch in text):
            base = "ORG"                               # "France24": a name with a digit is no person's
        if base == "LOC" and (text.lower() in STOP or _name_particle(doc, e)) or text.lower() in TIME_NAMES:
            continue                                   # "seit Jänner": a time; "Van der Bellen": a person
        if len(e) > 1 and base in ("LOC", "ORG", "OTH", "PER") and e[1].text[:1].isupper() and \
                (_place_noun(e[0].text) or place_type(e[0].text) in ("island", "region", "site")):
            e, base = e[1:], "LOC"                     # "Schwarzmeerhalbinsel Krim": the name is the place
            text = e.text
        elif len(e) > 2 and e[2].text[:1].isupper() and _town_of_adjective(e[0].text) and \
                _part_of_town_noun(e[1].text):
            e, base = e[2:], "LOC"                     # "Brüsseler Viertel Matonge": the name is the quarter
            text = e.text
        if base == "PER" and (iso := english_country_names().get(text)) and not any(
                o.label_ == "PER" and o is not e and text in o.text.split() for o in ents):
            out.append(Cand(e.start_char, e.end_char, "GPE", 3, iso, f"country:{iso}"))
            continue                                   # "#Hungary" in an embedded tweet: the country, no person
        if base == "PER" and _acronym_of_words_before(doc, e):
            base = "ORG"                               # "Reporter ohne Grenzen (RoG)": its expansion's, no person
        if base == "PER" and len(e) == 1 and e[0].tag_ == "NN" and any(c.dep_ == "det" for c in e[0].children) \
                and not _geographic_compound(text):
            continue    # "mit dem giftigen Granulat": the tagger's common noun with its article, which the NER took for
            #             a name (a compound whose head names a landscape, 'der Isar-Fluss', is read on)
        if base == "PER" and len(e) == 1 and e.start > 0 and (town := _town_of_adjective(doc[e.start - 1].text)) \
                and not _common_noun_only(doc[e.start - 1].text) and not known_first_name(e.text):
            # "Ausfahrt Favoritner Heide": a place named after its town, no person
            out.append(Cand(doc[e.start - 1].idx, e.end_char, "LOC", 3, town.country, None))
            continue
        if base in ("ORG", "OTH", "PER") and (building := _building_named(doc, e, base)) is not False:
            if building:                               # "im Bataclan", "im Olympiastadion X": a building
                out.append(Cand(e.start_char, e.end_char, "LOC", 3))
            continue                                   # "im Keller", "im Jänner": a common noun or a month
        if (route := _route(e)) is not None:
            out += route                               # "die Strecke Lübben–Cottbus": two towns, no person
            continue
        place = gazetteer().best(text) or _district_of_town(text)   # the span's reading as a place, asked once
        if base == "LOC" and _part_compound(text, place):
            continue                                   # "Ukraine-Krieg" tagged LOC: GermEval's LOCpart, no actor
        if base in ("ORG", "OTH", "PER") and _geographic_compound(text):
            base = "LOC"                               # "Meruna-Tal", "Donez-Becken": a place whatever the NER said
        f = forms.get(text) or forms.get(text.lower())
        if not label.endswith("DERIV") and (_place_list(text, forms, place) or _country_institution(text, forms)
                                            or _lone_common_noun(text, base, f, place, named)):
            continue
        if label.endswith("DERIV"):
            if f:
                out.append(Cand(e.start_char, e.end_char, "GPE", 3, f.iso, f"country:{f.iso}"))
            continue
        if base == "LOC":
            if f and f.kind in ("name", "adj", "demonym"):
                out.append(Cand(e.start_char, e.end_char, "GPE", 3, f.iso, f"country:{f.iso}"))
                continue
            if f and f.kind in ("capital", "seat") and _metonymic(doc, e.start_char):
                out.append(Cand(e.start_char, e.end_char, "GPE", 3, f.iso, f"country:{f.iso}"))
            elif place is None and f is None and _word_of_a_dropped_person(e, ents):
                continue
            else:
                out.append(_place_cand(e, place))
        elif base in ("PER", "ORG", "OTH") and (named_cand := _name_cand(e, ents, base, place, f)) is not None:
            out.append(named_cand)
    return out


def _word_of_a_dropped_person(e: Span, ents: list) -> bool:
    """"als Florestan ... den Florestan gab": the NER's one-word place, with its article, that no gazetteer holds and
    that the NER elsewhere reads as the person one sense per article drops (`_given_an_article_elsewhere`): the place
    of that thing's or role's word is none either."""
    text = e.text
    return len(e) == 1 and _after_neuter_or_masculine_article(e[0]) and \
        any(o.label_ == "PER" and len(o) == 1 and o.text == text and _given_an_article_elsewhere(o) for o in ents) and \
        not _named_in_full(text, ents)


def _surname_before_role(doc: Doc, ents: list) -> list:
    """'beschrieb Roland Frühstück, Klubobmann der ÖVP': the NER's one-word person, a first name, then a capitalised
    word and a comma before a title or role is a full name whose surname is also a common noun (the NER stopped at
    it): the apposition after the comma says who the name is."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        k = e.end
        if e.label_ == "PER" and len(e) == 1 and k + 2 < len(doc) and k not in taken and \
                doc[k].text[:1].isupper() and doc[k].is_alpha and \
                doc[k + 1].text == "," and _is_title(doc[k + 2].text) and not _is_title(doc[k].text) and \
                doc[k].text not in country_forms():
            e = Span(doc, e.start, k + 1, label="PER")
        out.append(e)
    return out


def _split_at_acronyms(doc: Doc, ents: list) -> list:
    """'Hertha BSC', 'Peter Stögers FC Köln': a person's name has no word in capitals (an acronym, 'FC', 'BSC'), an
    organisation's does. The NER's person with one is an organisation from that word on; the name words before
    it are a person where they are two or more (the person's club: 'Peter Stögers'; party: 'Peter Schmid SPD'),
    else they are the organisation's name too ('Hertha BSC'). A place's or organisation's span that opens with an
    acronym before a name ('SC Wiener Neustadt', 'FC Zbrojovka Brno') is that organisation, not its town (a
    country's short form, 'USA', opens no organisation)."""
    out = []
    forms = country_forms()
    for e in ents:
        if e.label_ in ("LOC", "ORG", "OTH") and len(e) >= 2 and ACRONYM_RX.match(e[0].text) and \
                not _roman_or_unit(e[0].text) and not _country_form(e[0].text, forms) and e[1].text[:1].isupper():
            out.append(Span(doc, e.start, e.end, label=CLUB))  # "SC Wiener Neustadt": the club, not the town
            continue
        k = next((k for k, t in enumerate(e) if ACRONYM_RX.match(t.text) and not _roman_or_unit(t.text)), None) \
            if e.label_ == "PER" else None
        if k is None:
            out.append(e)
        elif k == 0 and len(e) >= 3:
            # 'LH Erwin Pröll', 'NR Peter Pilz': an abbreviated title before a first name and surname (a club's
            # acronym comes before one name: 'FC Oberdorf')
            out.append(Span(doc, e.start + 1, e.end, label="PER"))
        elif k == 0 and len(e) == 2 and any(o.label_ == "PER" and len(o) >= 2 and o[-1].text == e[1].text
                                            for o in ents if o is not e):
            # 'GR Brandstätter' after 'Ulrike Brandstätter': an abbreviated title before a surname the article
            # names in full (a club's town or name is no person's surname there)
            out.append(Span(doc, e.start + 1, e.end, label="PER"))
        elif k >= 2:
            # two or more name words before the acronym are the person: 'Lena Hubers FC Oberdorf' (her club),
            # 'Peter Schmid SPD' (his party, the brackets left out); a club puts at most one word before it
            out += [Span(doc, e.start, e.start + k, label="PER"), Span(doc, e.start + k, e.end, label=CLUB)]
        else:
            out.append(Span(doc, e.start, e.end, label=CLUB))
    return out


def _clubs_named_by_town(doc: Doc, ents: list) -> list:
    """'Werder Bremen', 'Bayern München', 'gegen Energie Cottbus': in sports reporting (a match result in the
    article) a name of a word that is no person's first name's sort - a region's name, a common noun - and then a
    town's name is a club named after its town, not a person, a place or two places. Read from the NER's span of
    such words ('Bayern München', whatever its label) or from its town alone where the parse makes the town the
    apposition of the capitalised common noun right before it ('Energie Cottbus', 'Eintracht Frankfurt'); not after
    a place's, building's or institution's noun ('Stadion Wien', 'Universität Graz') nor a title ('Trainer Graz'),
    and never the dateline's town. Without a result in the article two such names paired by 'gegen' are clubs too
    ('wegen des Spiels von Werder Bremen gegen Energie Cottbus': a report on the match's policing, no score)."""
    scored = _has_score(doc)
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list = []
    clubs: dict[int, Span] = {}                        # the index in `out` of each club read: the NER's span
    # the NER's persons of such words ('Hansa Rostock') are clubs only where 'gegen' pairs them with a club the NER
    # read as an organisation, result or not ('die Klage von Anna Kirchberg gegen Hans Ried': two persons; 'die Klage
    # von Peter Steyr gegen Sturm Graz': a person's lawsuit against a club - 'gegen' opens a dispute's party too)
    as_person: set[int] = set()
    for e in ents:
        last = e[-1].text
        # a town's name that is only a common noun ('Trainer', 'Tor', 'Ende': somewhere a town) is the noun
        town = _town_name(last) and not _common_noun_only(last) and not _in_dateline(doc, e.start_char)
        if town and len(e) >= 2 and all(t.text[:1].isupper() and t.is_alpha for t in e) \
                and not any(_type_noun(t.text) or _is_title(t.text) for t in e[:-1]) \
                and not (e.start > 0 and _type_noun(doc[e.start - 1].text)) \
                and gazetteer().best(e.text) is None and e.text not in country_forms():
            # not after a place's noun: 'die Stadt Hamburg Altona' is places, whatever the sports page
            if e.label_ == "PER":
                as_person.add(len(out))
            clubs[len(out)] = e
            out.append(Span(doc, e.start, e.end, label=CLUB))
            continue
        prev = doc[e.start - 1] if e.start > 0 else None
        if town and len(e) == 1 and prev is not None and prev.i not in taken and prev.text[:1].isupper() \
                and prev.is_alpha and not prev.is_sent_start and _common_noun_only(prev.text) \
                and not (_type_noun(prev.text) or _is_title(prev.text) or prev.lower_.endswith(INSTITUTION_NOUNS)
                         or prev.lower_.endswith(ORG_TYPE_HEADS)) \
                and e[0].head == prev and e[0].dep_ in _APPOSITION | {"appos"}:
            clubs[len(out)] = e
            out.append(Span(doc, prev.i, e.end, label=CLUB))
            continue
        out.append(e)
    # a club opens with a word of its own ('Rapid', 'Werder', 'Energie'), not a city's name: 'Hamburg Altona gegen
    # Berlin Neukölln', both opening with a city, compare a city's districts (one alone may be the NER's run-on:
    # 'das Derby Austria Wien gegen Rapid Wien')
    city = {k for k in clubs if _city_name(out[k][0].text)}
    org_read = {k for k in clubs if clubs[k].label_[:3] in ("ORG", "OTH")}
    paired = {k for a in clubs for b in clubs if out[a].end < len(doc) and doc[out[a].end].lower_ == "gegen" and
              out[b].start == out[a].end + 1 and not (a in city and b in city)
              and not (a in as_person and b not in org_read) and not (b in as_person and a not in org_read)
              for k in (a, b)}
    kept = set(clubs) - as_person if scored else {k for k in clubs if _team_in_apposition(doc, clubs[k])}
    return [clubs[k] if k in clubs and k not in paired | kept else x for k, x in enumerate(out)]


TEAM_STANDING = de.words("team_standing_nouns")


def _team_in_apposition(doc: Doc, e: Span) -> bool:
    """'Werder Bremen, der Tabellenführer, ...': a noun of a league's standing (team_standing_nouns.txt) in
    apposition after the name - a comma, its article, attributes - says the name is a club's, no report of a
    result needed."""
    i = e.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].pos_ != "DET":
        return False
    noun = next((t for t in doc[i + 2:i + 5] if t.pos_ in ("NOUN", "PROPN")), None)
    return noun is not None and (noun.lemma_.lower() in TEAM_STANDING or noun.lower_ in TEAM_STANDING or
                                 noun.lower_.rstrip("n") in TEAM_STANDING)


# the label of an organisation's span read by `_split_at_acronyms` or `_clubs_named_by_town`: no place rule reads
# it again (its town is no place of its own, its words no list of places)
CLUB = "ORG_CLUB"


def _town_name(word: str) -> bool:
    """A word the gazetteer knows as a town's (a city's) name."""
    best = gazetteer().best(word)
    return best is not None and best.precision == "city"


def _city_name(word: str) -> bool:
    """A capital's or a city's own name (100,000 people or more: 'Hamburg', 'Wien'; not a small place that shares a
    club's word, 'Werder', 'Union')."""
    f = country_forms().get(word)
    return f is not None and f.kind == "capital" or \
        any(c.name == word and c.population >= EXONYM_CITY for c in gazetteer().candidates(word))


def _persons_in_lists(doc: Doc, ents: list) -> list:
    """'Philipp Lahm, Thomas Müller, Xabi Alonso und Thiago': a one-word name the NER read as a place, which no
    gazetteer or country table holds, joined by the parse (conj) to a person's name is a person of that list."""
    persons = {i for e in ents if e.label_ == "PER" for i in range(e.start, e.end)}
    out = []
    for e in ents:
        if e.label_ == "LOC" and len(e) == 1 and e[0].dep_ == "conj" and e[0].head.i in persons and \
                not gazetteer().candidates(e.text) and not _country_form(e.text, country_forms()):
            e = Span(doc, e.start, e.end, label="PER")
        out.append(e)
    return out


def _named_in_full(surname: str, ents: list) -> bool:
    """The NER names a person of several words ending in ``surname`` in the article: the bare word is that person's
    surname, whatever article stands before it ('Peter Maier ... den Maier')."""
    return any(o.label_ == "PER" and len(o) > 1 and o[-1].text == surname for o in ents)


def _name_cand(e: Span, ents: list, base: str, place: Candidate | None, f: Form | None) -> Cand | None:
    """The mention of the NER's person, organisation or other name ``e`` (None: no mention)."""
    doc = e.doc
    if base == "PER" and len(e) == 1 and (_after_neuter_or_masculine_article(e[0]) or _given_an_article_elsewhere(e)) \
            and not _named_in_full(e.text, ents):
        return None             # "verlassen den Maidan": news give a bare surname no article (a relative pronoun
        #                         opens a clause on the person, the parse's subject or object, no det: "das
        #                         Abkommen, das Orban schloss"; without a parse the word is read as the article);
        #                         one sense per article: "Fässer des giftigen Ethanoxal ... mit dem Ethanoxal"
    if base == "PER" and len(e) == 1 and e.start > 0 and doc[e.start - 1].lower_ == "der" and \
            doc[e.start - 1].dep_ == "det" and not _named_in_full(e.text, ents):
        return None             # "Schmuggler der Ndrangheta": nor a feminine article (no surname named in full; a
        #                         relative "die" may open a clause on a person: "die Partnerschaft, die Kim schloss";
        #                         so may a relative "der", the parse's subject, no det: "der Gesandte, der Kim traf")
    if base == "PER" and (e.start == 0 or e[0].is_sent_start) and word_tag(e[0].lower_)[0].startswith("ADJ") and \
            word_tag(e[0].lower_)[1] and all(_common_noun_only(t.text) for t in e[1:]):
        return None             # "Bisheriger Assistent ...", "Bisheriger Obmann": an adjective capitalised to open a
        #                         sentence (and the common noun it goes with), no name
    if place is not None and (f is None or f.kind == "capital") and _at_dateline(e):
        # "Santiago de Chile – Wegen ...", "New York/San Juan – Das ...": the place a report is filed from
        return Cand(e.start_char, e.end_char, "LOC", 3, place.country, f"geo:{place.id}")
    if base == "PER" and (kind := _typed_by_evidence(e, ents, place)) is not None:
        if kind == "LOC":                              # "in die Lahn", "Messstation Moorbach": a place
            return Cand(e.start_char, e.end_char, "LOC", 3, place.country if place else None,
                        f"geo:{place.id}" if place else None)
        if kind == "NONE":
            return None                                # "gegen Fremdenhass": a common noun
        base = kind                                    # "der Uno", "über Twitter": an organisation
    if base == "ORG" and f and f.kind == "seat":
        return Cand(e.start_char, e.end_char, "GPE", 3, f.iso, f"country:{f.iso}")
    return Cand(e.start_char, e.end_char, base, 3)


FUSED_LOCATIVE = _FUNCTION["fused_locative"]


ROUTE = re.compile(r"([A-ZÄÖÜ][\w.]+)\s?[–—]\s?([A-ZÄÖÜ][\w.]+)")


def _route(e: Span) -> list[Cand] | None:
    """'die Neubaustrecke Hamburg–Flensburg': two places joined by a dash are a route between
    them, each a place of its own (of the country of the first where both have a reading there)."""
    m = ROUTE.fullmatch(e.text)
    if m is None:
        return None
    first = gazetteer().best(m.group(1))
    second = gazetteer().best(m.group(2), country=first.country) if first else None
    if first is None or second is None:
        return None
    return [Cand(e.start_char + m.start(k), e.start_char + m.end(k), "LOC", 3, p.country, f"geo:{p.id}")
            for k, p in ((1, first), (2, second))]


def _typed_by_evidence(e: Span, ents: list, place: Candidate | None) -> str | None:
    """What the trained name typer (`name_type`) says the NER's person is where it is sure it is none:
    "LOC", "ORG", "OTH" or "NONE" (a common noun). Asked of one-word persons only: several name words
    ('Anton Kerber', 'Pharao Tutanchamun') are the evidence of a name the NER read; a word the article also
    gives as a person's surname ('Wise' after 'Anna Wise') or a word after a title or role noun stays a person.
    Several words that are as a whole a place's name ('Santiago de Chile', 'Papua Neu-Guinea') are asked too: a
    place where the typer reads one (after a type noun, 'Bundesstaat Uttar Pradesh', `_typed_by_noun` decides)."""
    if len(e) > 1 and place is not None:
        typed = e.start > 0 and _type_noun(e.doc[e.start - 1].text)
        return "LOC" if not typed and retype(e) == "LOC" else None
    if len(e) > 1 or any(o.label_ == "PER" and o is not e and len(o) > 1 and o[-1].text == e.text for o in ents):
        return None                                    # several name words ("Pharao Tutanchamun"): the NER's person
    if e.start > 0 and _is_title(e.doc[e.start - 1].text):
        return None                                    # "Pharao Tutanchamun", "Ministerin X": a title says person
    if e.text.endswith("s") and any(t.text == e.text[:-1] for t in e.doc):
        return None                                    # "Biograf Kohls ... Kohl": a person's genitive
    if _feminine_of_common_noun(e.text) and not known_first_name(e.text):
        return "NONE"                                  # "ihre Vorgängerin als Pharaonin": a role, no name
    kind = retype(e)
    if kind is None and _unintroduced_bare_name(e, ents):
        kind = reading_over_mentions(_mentions_of_word(e, ents), BARE_NAME_DOUBT, BARE_NAME_SURE)
        kind = kind if kind in ("ORG", "OTH") else None    # a place needs a sign of one ('in', a place noun), a
        #                                                    common noun the mention's own reading (`retype`)
    if kind == "LOC" and place is None and not (e.start > 0 and e.doc[e.start - 1].tag_ == "NN") or \
            kind == "NONE" and known_reading(e.text) is True:
        return None     # a place needs the gazetteer's word or a noun it names ("Messstation Moorbach");
    return kind         # a common noun is no name the lexicon knows ("wie einst Mitterrand" stays a person)


# The name typer's P(PER), averaged over a bare name's mentions in the article, below which a name the article never
# introduces as a person's is read as the typer reads it: news introduce a person by the full name or a title or role
# noun, so an unintroduced one-word "person" needs the typer's even odds, not only its 0.2 ('Canonical bietet ... an',
# 'laut Kathpress', 'die Seite Echotopos')
BARE_NAME_DOUBT = 0.5
BARE_NAME_SURE = 0.7     # no mention of it may read as a person's this surely
LIST_JOINERS = frozenset({",", "und", "oder", "sowie", "bzw.", "/", "–", "-"})


def _mentions_of_word(e: Span, ents: list) -> list[Span]:
    """The NER's one-word persons of the article that are this word."""
    return [o for o in ents if o.label_ == "PER" and len(o) == 1 and o.text == e.text]


def _unintroduced_bare_name(e: Span, ents: list) -> bool:
    """A one-word person's name the article never introduces as a person's: not named in full, not a name the lexicon
    knows, and none of its mentions after a title or role noun, after a name word of its own ('Beppe Grillo' cut
    short), in a list of persons ('Lazaro, Reyna und Schmitz': a line-up) or before a bracketed number (an age, a
    minute: 'Jansky (47.)')."""
    if len(e) > 1 or _named_in_full(e.text, ents) or known_first_name(e.text):
        return False
    persons = {i for o in ents if o.label_ == "PER" and o.text != e.text for i in range(o.start, o.end)}
    return not any(_introduced_as_person(m, persons) for m in _mentions_of_word(e, ents))


def _introduced_as_person(m: Span, persons: set[int]) -> bool:
    doc = m.doc
    before = doc[m.start - 1] if m.start > 0 else None
    if before is not None and (_is_title(before.text) or _name_word_before(before) or
                               headed_by(before.lower_, de.words("aged_person_nouns"))):
        return True                                    # "Ehefrau Margit", "Sohn Stephan": a kin or person's noun
    if any("jährig" in c.lower_ for c in m.root.children if c.i < m.start):
        return True                                    # "der zwölfjährige Dimitri": a thing has no age in years
    if m.end + 1 < len(doc) and doc[m.end].text == "(" and doc[m.end + 1].like_num:
        return True                                    # "Hagenauer (46)", "Jansky (47.)": an age or a minute
    if m.end + 1 < len(doc) and doc[m.end].text == "," and _relative_pronoun_of_a_person(doc[m.end + 1]):
        return True                                    # "Im Tor stand Novak, der ...": a man's or woman's pronoun
    sides = [(m.start - 1, m.start - 2), (m.end, m.end + 1)]
    if all(0 <= j < len(doc) and doc[j].text in LIST_JOINERS for j, _ in sides):
        return True                                    # "Gratzei – Potzmann, Ehrenreich": a name inside a list
    return any(0 <= j < len(doc) and 0 <= k < len(doc) and doc[j].text in LIST_JOINERS and k in persons
               for j, k in sides) or any(t.i in persons for t in (m.root.head, *m.root.children)
                                         if t.dep_ == "conj" or m.root.dep_ == "conj" and t is m.root.head)


def _relative_pronoun_of_a_person(t: Token) -> bool:
    """A singular masculine or feminine relative pronoun ('der', 'die'): a bare name without an article that takes
    one is a man's or a woman's - a company or product named bare takes the neuter ('Canonical, das ...')."""
    return t.tag_ == "PRELS" and "Sing" in t.morph.get("Number", []) and \
        bool({"Masc", "Fem"} & set(t.morph.get("Gender", [])))


def _name_word_before(before: Token) -> bool:
    """'Guy Krneta', 'Saoirse Ronan': a capitalised word right before the name, no common noun and no sentence's first
    word - the person's given name the NER left out."""
    return before.text[:1].isupper() and before.is_alpha and not before.is_sent_start and \
        known_reading(before.text) is not False and not word_tag(before.text)[0].startswith("NN")


_UNUMLAUT = str.maketrans("äöüÄÖÜ", "aouAOU")


def _feminine_of_common_noun(word: str) -> bool:
    """'Pharaonin', 'Kanzlerin', 'Ärztin': a noun's feminine form in -in (-nin after a stem in -o, an umlaut on
    the stem) whose stem the lexicon knows as a common noun only ('Pharao', 'Kanzler', 'Arzt') is that role's
    noun, however the lexicon reads the derived word; a surname stem ('Bäuerin': Bauer, 'Köchin': Koch) is no
    such noun, nor a name whose stem is none ('Putin', 'Lenin'). The n is put in after an -o only: a stem in
    another vowel drops it or takes plain -in ('Kollege': 'Kollegin'), so 'Kalinin' is no 'Kali' + -nin."""
    if not word.endswith("in") or len(word) < 6 or not word[:1].isupper():
        return False
    stems = {word[:-2]} | ({word[:-3]} if word[:-2].endswith("on") else set())
    return any(_common_noun_only(s) for s in stems | {s.translate(_UNUMLAUT) for s in stems})


def _acronym_of_words_before(doc: Doc, e: Span) -> bool:
    """'Reporter ohne Grenzen (RoG)', 'Internationaler Währungsfonds (IWF)': one word in brackets whose capitals
    are the initials of the words before the bracket is their short name - of an organisation, no person."""
    if len(e) != 1 or e.start < 2 or doc[e.start - 1].text != "(" or e.end >= len(doc) or doc[e.end].text != ")":
        return False
    caps = [ch for ch in e.text if ch.isupper()]
    letters = [ch.lower() for ch in e.text if ch.isalpha()]
    if len(caps) < 2:
        return False
    words = [t.text for t in doc[max(0, e.start - 1 - len(letters)):e.start - 1] if t.is_alpha]
    return len(words) >= len(letters) and [w[0].lower() for w in words[-len(letters):]] == letters


def _district_of_town(text: str) -> Candidate | None:
    """'Wien-Simmering', 'Berlin-Neukölln': a town and its district joined by a hyphen is the district, where the
    gazetteer holds both and the district lies within 30 km of the town."""
    from ..geo import distance_km

    parts = text.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return None
    g = gazetteer()
    town = g.best(parts[0])
    if town is None:
        return None
    near = g.best(parts[1], country=town.country, near=[(town.lat, town.lon)])
    if near is None or near.id == town.id or distance_km((near.lat, near.lon), (town.lat, town.lon)) > 30:
        return None
    return near


def _building_named(doc: Doc, e: Span, base: str) -> bool | None:
    """A name the NER took for a person or an organisation that is a building or site, by the words before it:
    after a preposition fused with the article ("im Bataclan", "am Maidan") no person's name stands (news give a
    person no article): a building, or no name at all where the word is a common noun or a month the lexicon
    knows ("im Keller", "im Jänner": None); after a locative preposition, a name whose first or last word is a
    building's noun ("im Olympiastadion Luschniki", "in der Royal Albert Hall") is that building, not its owner."""
    if len(e) > 1 and base != "ORG" and _building_noun_in(e):
        return True                                    # "die Moschee Al-Noor": no person, no work of art
    if e.start == 0:
        return False
    before = doc[e.start - 1].lower_
    if before in FUSED_LOCATIVE and base == "PER":
        word = e[-1].text
        return None if len(e) == 1 and (word_tag(word) == ("NN", True) or word.lower() in de.months()) else True
    if before in ARTICLES and e.start > 1:
        before = doc[e.start - 2].lower_
    if before not in LOCATIVE and before not in FUSED_LOCATIVE:
        return False
    return len(e) > 1 and _building_noun_in(e, institution=base != "ORG")


INSTITUTION_NOUNS = tuple(sorted(de.words("institution_nouns")))    # matched as a word's ending


def _building_noun_in(e: Span, institution: bool = True) -> bool:
    """The span's first or last word is (or ends in) a building's noun: 'Moschee Al-Noor', 'Royal Albert Hall';
    institution=False: not one that names the institution housed there too ('Universität Wien')."""
    return any(place_type(w.text) == "facility" and w.text[:1].isupper() and
               (institution or not w.lower_.endswith(INSTITUTION_NOUNS)) for w in (e[0], e[-1]))


def _country_part(text: str) -> str | None:
    """'Ostukraine', 'Süd-Italien': a compass point joined to a country's name is a part of that country,
    no spot ('Nordkorea', 'Südsudan' are countries of their own, found as such before)."""
    forms = country_forms()
    low = text.lower()
    for side in sorted(_SIDES, key=len, reverse=True):
        rest = text[len(side):].lstrip("-")
        if low.startswith(side) and len(rest) > 2:
            f = forms.get(rest[:1].upper() + rest[1:])
            return f.iso if f and f.kind == "name" else None
    return None


def _place_cand(e: Span, place: Candidate | None) -> Cand:
    """The NER's place as a candidate: the gazetteer's place, or a country's part ('Westjapan') in its country."""
    if place is not None:
        return Cand(e.start_char, e.end_char, "LOC", 3, place.country, f"geo:{place.id}")
    return Cand(e.start_char, e.end_char - _country_part_in_genitive(e.text), "LOC", 3, _country_part(e.text), None)


def _country_part_in_genitive(text: str) -> bool:
    """'des Regens in Westjapans Bergen': a country part (`_country_part`) in the genitive - the country's name
    with an -s that none of its names ends in - is named without the -s ('Westjapan'), as a country is."""
    iso = _country_part(text)
    if iso is None or not text.endswith("s") or _country_part(text[:-1]) != iso:
        return False
    return not any(text.lower().endswith(n.lower()) for n in gazetteer().countries[iso].names)


def _trusted_ents(doc: Doc, ner: list[Cand], rules: list[Cand]) -> list[Cand]:
    """The NER's spans, less those the rules contradict with firmer evidence.

    A small NER is weak exactly where rules are sure: a lone ambiguous word
    ("Kim" taken for a place after "Kim Jong-un", a capital used for its
    government taken for a person) and names it cuts short ("Kim" of "Kim
    Jong-un"). Where a rule span of another label covers the same word(s) and
    either the NER span is one word or the rule span is longer, the rule wins; a
    longer rule span of the same label wins too (the NER cut the name short).
    """
    text = _text(doc)
    out = []
    for c in ner:
        if c.prio >= RESULT_SIDE:
            out.append(c)
            continue
        one_word = not re.search(r"\s", text[c.start:c.end])
        if any(r.start <= c.start and c.end <= r.end and
               (r.end - r.start > c.end - c.start if r.label == c.label else
                one_word or r.end - r.start > c.end - c.start or _town_after_preposition(doc, r, c) or
                _landmark_not_institution(doc, r, c)) for r in rules):
            continue
        out.append(c)
    return out


def _landmark_not_institution(doc: Doc, rule: Cand, ner: Cand) -> bool:
    """'an den Seitenflügeln des Stuttgarter Hauptbahnhofs': the NER's organisation is the very span of a landmark
    a rule read (a town's adjective and a building's or site's noun), whose noun names no institution housed there
    ('Universität Wien' stays the organisation) - the landmark."""
    words = _text(doc)[ner.start:ner.end].split()
    return rule.label == "LOC" and ner.label == "ORG" and (rule.start, rule.end) == (ner.start, ner.end) and \
        len(words) == 2 and place_type(words[-1]) in ("facility", "site") and \
        not words[-1].lower().endswith(INSTITUTION_NOUNS) and _town_of_adjective(words[0]) is not None


def _town_after_preposition(doc: Doc, rule: Cand, ner: Cand) -> bool:
    """'nach Cox's Bazar': the NER's person of several words is the very span of a town the gazetteer
    resolved, after a locative preposition - the town, not a person."""
    prev = _prev_words(doc, ner.start, 1)
    return rule.label == "LOC" and ner.label == "PER" and bool(rule.ref) and (rule.start, rule.end) == \
        (ner.start, ner.end) and bool(prev) and prev[-1].lower() in LOCATIVE


# --- countries, capitals, seats ---------------------------------------------------------

def _prev_words(doc: Doc, pos: int, n: int = 3) -> list[str]:
    return re.findall(r"[\wäöüÄÖÜß]+", _text(doc)[max(0, pos - 60):pos])[-n:]


def _metonymic(doc: Doc, pos: int) -> bool:
    """'Moskau meldete', 'das Regime in Pjöngjang', 'der Kreml': a capital or seat standing for its government.
    Never in the dateline ('Wien – Die Regierung ...'): it names the city the report is filed from."""
    if _in_dateline(doc, pos):
        return False
    prev = [w.lower() for w in _prev_words(doc, pos, 3)]
    if len(prev) >= 2 and prev[-1] in ("in", "im") and prev[-2] in GOV_NOUNS:
        return True
    if colon_line(_text(doc), pos):
        return False                                   # dateline "Moskau: ..." is where the report comes from
    return not prev or prev[-1] not in LOCATIVE | PLACE_NOUNS | {"der", "die", "das", "dem", "des"} or \
        (prev[-1] in {"der", "dem", "den", "des"} and len(prev) > 1 and prev[-2] not in LOCATIVE)


@lru_cache(maxsize=1)
def _form_prefixes() -> frozenset[str]:
    """Every beginning of a country form: a token that is none cannot start a form of several tokens."""
    return frozenset(f[:k] for f in country_forms() for k in range(1, len(f) + 1))


def _countries(doc: Doc, toks: list[Token]) -> list[Cand]:
    forms = country_forms()
    prefixes = _form_prefixes()
    text = _text(doc)
    out: list[Cand] = []
    words = [t.text for t in toks]
    i = 0
    while i < len(toks):
        w = words[i]
        several = w in prefixes
        if not several and w not in forms and w.lower() not in forms:
            i += 1                                     # no form of one word nor the start of a longer one
            continue
        t = toks[i]
        matched = False
        for n in (4, 3, 2, 1):                         # multi-word names first: "Vereinigte Staaten"
            if i + n > len(toks) or (n > 1 and not several):
                continue
            span = text[t.idx:toks[i + n - 1].idx + len(toks[i + n - 1].text)]
            f = forms.get(span)
            if f is None and n == 1 and t.text.lower() in forms and forms[t.text.lower()].kind == "adj":
                f = forms[t.text.lower()]
            if f is None:
                continue
            start, end = t.idx, t.idx + len(span)
            if f.kind == "name" and span[0].islower():
                continue
            if f.kind in ("capital", "seat"):
                if f.kind == "capital" and not _metonymic(doc, start):
                    break                              # a place: left to _places
                label = "GPE"
            else:
                label = "GPE"
            out.append(Cand(start, end, label, 2, f.iso, f"country:{f.iso}"))
            i += n
            matched = True
            break
        if matched:
            continue
        # "Ukraine-Krieg", "US-Soldaten": a compound about the country, not a mention of it as a party
        i += 1
    return out


# --- organisations ----------------------------------------------------------------------

def _country_near(doc: Doc, toks: list[Token], i: int, j: int) -> str | None:
    """The country of an institution at toks[i:j]: an adjective up to 3 words before
    ('des russischen nationalen Sicherheitsrats'), a hyphen prefix, or a genitive after ('der Ukraine')."""
    forms = country_forms()
    head = toks[i].text
    if "-" in head:
        f = forms.get(head.split("-")[0]) or forms.get(head.split("-")[0] + "e")
        if f and f.kind in ("name", "adj"):
            return f.iso
    for k in range(i - 1, max(-1, i - 4), -1):
        w = toks[k].text
        if w in {",", ".", ";", ":"}:
            break
        f = forms.get(w) or forms.get(w.lower())
        if f and f.kind in ("adj", "name", "capital") and (f.kind != "name" or w.endswith("s")):
            return f.iso
    if j + 1 < len(toks) and toks[j].lower_ in ("der", "des", "von", "in", "aus"):
        nxt = toks[j + 1].text
        f = forms.get(nxt)
        if f and f.kind in ("name", "capital"):
            return f.iso
    return None


def _orgs(doc: Doc, toks: list[Token], named: set[str]) -> list[Cand]:
    out: list[Cand] = []
    text = _text(doc)
    cforms = country_forms()
    for name, canon, rx in _known_org_patterns():
        if name in text:                               # a substring test first: most names are not there
            for m in rx.finditer(text):
                out.append(Cand(m.start(), m.end(), "ORG", 2, None, f"org:{canon}"))
    for i, t in enumerate(toks):
        w = t.text
        if ACRONYM_RX.match(w) and w not in NOT_ORG and w not in cforms and not _roman_or_unit(w):
            out.append(Cand(t.idx, t.idx + len(w), "ORG", 2, None, f"org:{w}"))
            continue
        low = w.lower()
        if "-" in w:                                   # "US-Außenministerium": the institution after the prefix
            low = low.split("-", 1)[1]
        if low.endswith(INSTITUTIONS) and w[0].isupper():
            iso = _country_near(doc, toks, i, i + 1)
            if iso is None:
                continue                               # "der Generalstab" alone: whose is unknown here
            # "Nachrichtenagentur KCNA": the agency's own name is the organisation
            if low.endswith("nachrichtenagentur") and i + 1 < len(toks) and ACRONYM_RX.match(toks[i + 1].text):
                continue
            head = word_lemma(w.split("-", 1)[1] if "-" in w else w)
            out.append(Cand(t.idx, t.idx + len(w), "ORG", 1, iso, f"org:{head}:{iso}"))
    # a name the article introduces as an organisation's ("die Hilfsorganisation Brückenwerk") is one
    # wherever it recurs there, also where the NER left it untagged
    out += [Cand(t.idx, t.idx + len(t.text), "ORG", 1) for t in toks if t.text in named]
    return out


@lru_cache(maxsize=1)
def _known_org_patterns() -> list[tuple[str, str, re.Pattern]]:
    return [(name, canon, re.compile(rf"(?<![\wäöüÄÖÜß]){re.escape(name)}(?![\wäöüÄÖÜß])"))
            for name, canon in KNOWN_ORGS.items()]


def _roman_or_unit(w: str) -> bool:
    return bool(re.fullmatch(r"[IVXLC]+|[KMGT]?W|KM|CM|MM|KG", w))


# --- persons ----------------------------------------------------------------------------

def _is_title(word: str) -> bool:
    low = word.lower()
    return low.endswith(TITLE_ENDS) and word[0].isupper() and len(low) >= 4


def _name_at(doc: Doc, toks: list[Token], i: int, first_known: bool = False) -> int:
    """Number of name tokens starting at toks[i] (0 if none): 'Sergej Lawrow', 'Kim Jong Un', 'Kim Jong-un'."""
    forms = country_forms()
    n = 0
    while i + n < len(toks) and n < 4:
        w = toks[i + n].text
        if n and toks[i + n].idx - (toks[i + n - 1].idx + len(toks[i + n - 1].text)) > 1:
            break                                      # a line break or gap ends a name
        if n and w.lower() in PARTICLES and i + n + 1 < len(toks) and NAME_RX.match(toks[i + n + 1].text):
            n += 1
            continue
        if not NAME_RX.match(w) or (w in forms and forms[w].kind != "demonym") or _is_title(w):
            break
        if not name_like(w):
            break
        if n >= 2 and any(len(x.text) > 4 for x in toks[i + 1:i + n]):
            break                                      # only short parts go on ("Kim Jong Un"), not "Macron Keir"
        if n and _genitive_name(toks[i + n - 1].text) and word_tag(w)[0] == "NN":
            break                                      # "Martin Grubers Wahlkampf": the noun the genitive goes with
        n += 1
    return n


def _genitive_name(word: str) -> bool:
    """'Grubers', 'Merkels': a name part in the genitive (HanTa reads it as the name less its -s)."""
    return len(word) > 3 and word.endswith("s") and word_lemma(word) == word[:-1]


def _person_country(doc: Doc, toks: list[Token], i: int) -> str | None:
    """'Nordkoreas Machthaber', 'der russische Außenminister', 'Präsident der Ukraine': the person's country."""
    forms = country_forms()
    for k in range(i - 1, max(-1, i - 4), -1):
        w = toks[k].text
        if w in {",", ".", ";", ":", "und"}:
            break
        f = forms.get(w) or forms.get(w.lower())
        if f and f.kind in ("adj", "name", "capital"):
            return f.iso
    return None


def _persons(doc: Doc, toks: list[Token]) -> list[Cand]:
    out: list[Cand] = []
    n_toks = len(toks)
    for i, t in enumerate(toks):
        if not _is_title(t.text):
            continue
        iso = _person_country(doc, toks, i + 1)
        # "Präsident Wladimir Putin", "Staatspräsident der DVRK Kim Jong Un"
        j = i + 1
        if j + 1 < n_toks and toks[j].lower_ in ("der", "des") and toks[j + 1].text in country_forms() \
                and country_forms()[toks[j + 1].text].kind == "name":
            f = country_forms()[toks[j + 1].text]
            iso = iso or f.iso
            j += 2
        n = _name_at(doc, toks, j)
        if n:
            out.append(Cand(toks[j].idx, toks[j + n - 1].idx + len(toks[j + n - 1].text), "PER", 2, iso))
            continue
        # "Sekretär des russischen Sicherheitsrates Sergei Schoigu": a genitive phrase, then the full name
        if j < n_toks and toks[j].lower_ in ("des", "der"):
            k = j + 1
            while k < n_toks and toks[k].text[:1].islower() and k < j + 4:
                k += 1
            if k < n_toks and toks[k].text[:1].isupper() and not name_like(toks[k].text):
                iso = iso or _person_country(doc, toks, k)
                n = _name_at(doc, toks, k + 1)
                if n >= 2:
                    out.append(Cand(toks[k + 1].idx, toks[k + n].idx + len(toks[k + n].text), "PER", 2, iso))
                    continue
        # Apposition: "der Sekretär des russischen nationalen Sicherheitsrats, Sergej Schoigu, ..."
        k = i + 1
        while k < n_toks and k < i + 9 and toks[k].text not in {",", ".", ";", ":", "(", "\""}:
            k += 1
        if k < n_toks and toks[k].text == "," and k + 1 < n_toks:
            n = _name_at(doc, toks, k + 1)
            if n >= 2:
                end_i = k + 1 + n                      # the word after the name
                nxt = toks[end_i].text if end_i < n_toks else "."
                if nxt in {",", ".", ")", ";"} or toks[end_i].pos_ in ("VERB", "AUX") or nxt.islower():
                    iso = iso or _person_country(doc, toks, k)
                    for m in range(i + 1, k):
                        cf = country_forms().get(toks[m].text.lower()) or country_forms().get(toks[m].text)
                        if cf and cf.kind in ("adj", "name"):
                            iso = iso or cf.iso
                    out.append(Cand(toks[k + 1].idx, toks[end_i - 1].idx + len(toks[end_i - 1].text), "PER", 2, iso))
    out += _named_as(toks) + _named_before_role(doc, toks)
    # "Friedrich Merz", "Sergej Lawrow": a first name the lexicon knows, then a name
    forms = country_forms()
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1].text          # asked first: cheaper than the lexicon, and a name needs it
        if NAME_RX.match(t.text) and NAME_RX.match(nxt) and not (nxt in forms and forms[nxt].kind != "demonym") \
                and not _is_title(nxt) and known_first_name(t.text) and t.text not in forms \
                and t.text not in NOT_PLACE and not _town_after_place_noun(toks, i) \
                and not _genitive_place(t.text) and not _genitive_place(f"{t.text} {nxt}") \
                and not _word_of_a_town_name(toks, i):
            n = _name_at(doc, toks, i + 1)        # not "Freiburgs Lukas", "Costa Ricas": a place's genitive
            if n and gazetteer().candidates(toks[i + 1].text) and not name_like(toks[i + 1].text):
                n = 0
            if n and _neuter_article_of(doc, t.i, toks[i + n].i + 1):
                n = 0                             # 'das Department Vendée': a person takes 'der' or 'die'
            if n:
                end = toks[i + n].idx + len(toks[i + n].text)
                out.append(Cand(t.idx, end, "PER", 1, _person_country(doc, toks, i)))
    return out


def _word_of_a_town_name(toks: list[Token], i: int) -> bool:
    """'San Francisco', 'Los Angeles', 'San Marino': a first name that, with the word before or after it, is a town
    of 15,000 or more by its own name, or a country's name, is a word of that place's name, no person's first name
    ('von San Marino Marco Rossi': neither 'San' nor 'Marino' opens a person)."""
    pairs = ([f"{toks[i - 1].text} {toks[i].text}"] if i > 0 else []) + \
        ([f"{toks[i].text} {toks[i + 1].text}"] if i + 1 < len(toks) else [])
    return any(p in country_forms() or (b := gazetteer().best(p)) is not None and b.primary and b.population >= SMALL
               for p in pairs)


def _named_before_role(doc: Doc, toks: list[Token]) -> list[Cand]:
    """'Auch Lio Tarvan, der umstrittene Berater des Präsidenten, ...': a name of two or three words, then a comma
    and an apposition - 'der' or 'die', lowercase attributes, a title or role noun - is the person the role says it
    is (the mirror of 'der Berater des Präsidenten, Lio Tarvan,'), first name known to the lexicon or not."""
    out = []
    for i, t in enumerate(toks):
        if not _is_title(t.text):
            continue
        k = i - 1
        while k > 0 and i - k <= 4 and toks[k].text[:1].islower() and toks[k].lower_ not in ("der", "die"):
            k -= 1                                     # the role's attributes: 'umstrittene', 'nationalistisch-...'
        if k < 3 or toks[k].lower_ not in ("der", "die") or toks[k - 1].text != ",":
            continue
        for m in (3, 2):
            s = k - 1 - m
            if s >= 0 and _name_at(doc, toks, s) == m and not any(_is_title(x.text) for x in toks[s:k - 1]) and \
                    (s == 0 or _sent_start(toks, s) or not name_like(toks[s - 1].text)):
                out.append(Cand(toks[s].idx, toks[k - 2].idx + len(toks[k - 2].text), "PER", 1))
                break
    return out


def _town_after_place_noun(toks: list[Token], i: int) -> bool:
    """'der Stadt Kassel Anna N.': a town after a place noun, then the person - no first name."""
    return i > 0 and _place_noun(toks[i - 1].text) and gazetteer().best(toks[i].text) is not None


def _named_as(toks: list[Token]) -> list[Cand]:
    """'ein Mann namens Jovan K.': the capitalised words and initials after 'namens' are a person's name,
    first name included (lang/de/entity_function_words.tsv: name_introducer)."""
    out = []
    for i, t in enumerate(toks[:-1]):
        if t.lower_ not in _FUNCTION["name_introducer"]:
            continue
        k = i + 1
        while k < len(toks) and k <= i + 3 and toks[k].text[:1].isupper() and toks[k].text.lower() not in STOP \
                and (NAME_RX.match(toks[k].text) or re.fullmatch(r"[A-ZÄÖÜ]\.", toks[k].text)):
            k += 1
        if k > i + 1:
            out.append(Cand(toks[i + 1].idx, toks[k - 1].idx + len(toks[k - 1].text), "PER", 2))
    return out


def _person_repeats(doc: Doc, toks: list[Token], persons: list[Cand]) -> list[Cand]:
    """Later forms of names found: the surname alone, a Korean family name first, a misspelling."""
    parts: dict[str, tuple[str, str | None]] = {}       # spelling key of a name part -> (full name, country)
    full: dict[str, str | None] = {}
    for p in persons:
        name = _text(doc)[p.start:p.end]
        full[name] = p.country
        words = name.replace("-", " ").split()
        if len(words) >= 2:
            parts.setdefault(name_key(words[-1]), (name, p.country)) if len(words[-1]) > 2 else None
            # East Asian order: family name first ("Kim" of "Kim Jong Un")
            if len(words) >= 3 or (len(words) == 2 and len(words[1]) <= 3):
                parts.setdefault(name_key(words[0]), (name, p.country))
        else:
            parts.setdefault(name_key(words[0]), (name, p.country))
    if not parts:
        return []
    out: list[Cand] = []
    for t in toks:
        w = t.text
        if not NAME_RX.match(w) or w.lower() in STOP:
            continue
        base = w[:-1] if w.endswith("s") and name_key(w[:-1]) in parts else w     # genitive "Putins"
        k = name_key(base)
        hit = parts.get(k)
        if hit is None and len(k) >= 6:          # a misspelling, if the word is a name (the lexicon asked last)
            hit = next((v for pk, v in parts.items() if len(pk) >= 6 and _near_key(k, pk)), None)
            hit = hit if hit is not None and name_like(w) else None
        if hit and w not in country_forms() and not (w != hit[0] and gazetteer().candidates(w) and noun_or_place(w)) \
                and not (w != hit[0] and _common_noun_with_article(t)):
            out.append(Cand(t.idx, t.idx + len(base), "PER", 1, hit[1]))
    return out


def _common_noun_with_article(t: Token) -> bool:
    """'der Sturm' beside 'Karl Sturm': a word the lexicon reads first as a common noun that the parse gives an
    article is that noun - news write a person's surname without one ('Sturm sagte'; a colloquial 'der Klug' is an
    adjective's word, 'der Fischer' a name's first). An age's adjective between them makes it the person: news name
    one so ('der 45-jährige Sturm', 'die 52-jährige Richter'), a thing has no age in years."""
    return word_tag(t.text) == ("NN", True) and \
        any(c.dep_ == "det" and c.pos_ == "DET" and c.i < t.i and
            not any("jährig" in x.lower_ for x in t.doc[c.i + 1:t.i]) for c in t.children)


def _near_key(a: str, b: str) -> bool:
    """Edit distance <= 1 (with transpositions), but a feminine -a is another person ('Selenska')."""
    if a[-1] != b[-1] and "a" in (a[-1], b[-1]):
        return False
    return within_one_edit(a, b)


# --- places ---------------------------------------------------------------------------

REGION_NOUNS = _PLACE_NOUNS["region"]
ARTICLES = _FUNCTION["article"]
NOT_PLACE = {"The", "A", "An", "Of", "In", "On", "At", "By", "Der", "Die", "Das"}


@dataclass
class PlaceHit:
    start: int
    end: int
    form: str
    sent: int
    region: bool         # "Region Kursk": the form names a first-level region
    country: str | None = None   # "der ostukrainischen Region Donezk": the country said right before
    kind: str | None = None      # what a noun before it says it is: facility, site, island, region
    anchor: str | None = None    # "Marienfeld bei Berlin": the form of the place it lies by
    within: str | None = None    # "Moorbach in Niedersachsen": the form of the region or country it lies in
    within_country: str | None = None   # "Neustadt in Kanada": the ISO code of the country the text puts it in
    typed: bool = False          # "die Insel Lampedusa", "das Dorf X": a noun right before says it is a place
    dateline: bool = False       # "Maria Enzersdorf/London – ...": the report is filed from there
    listed: frozenset[str] = frozenset()   # "in Stockholm, Warschau und Venedig": the countries of its list's towns
    as_noun: bool = False        # "beim Essen", "in der Halle": the parse reads the word as a noun with its article


def _places(doc: Doc, toks: list[Token]) -> list[Cand]:
    """Place names of the gazetteer (and the NER's places) read in context, then resolved together."""
    forms = country_forms()
    sent_of = _sentence_index(doc)
    hits = _gazetteer_hits(doc, toks, sent_of)
    hits += _ner_place_hits(doc, hits, sent_of)
    hits.sort(key=lambda h: h.start)
    named = Counter(f.iso for t in toks if (f := forms.get(t.text) or forms.get(t.text.lower()))
                    and f.kind in ("name", "adj", "capital", "demonym"))
    for h in hits:
        h.typed = h.region or h.kind in ("island", "region") or _after_place_noun(doc, h)
        h.dateline = _in_dateline(doc, h.start)
        h.listed = _countries_listed_with(doc, h.start, forms)
    hits = [h for h in hits if _plausible_place(doc, h, named, prev_place_noun=h.typed)]
    # One sense per article: a form taken for a place once is a place wherever it stands ("Myrne liegt ...").
    found = {h.form for h in hits if " " not in h.form}
    seen = {h.start for h in hits}
    for t in toks:
        if t.text in found and t.idx not in seen and not any(h.start <= t.idx < h.end for h in hits):
            hits.append(PlaceHit(t.idx, t.idx + len(t.text), t.text, sent_of(t.idx), False))
    for h in hits:
        h.as_noun = _noun_with_article(doc, h.start)
    _anchors(doc, hits)
    return _resolve_places(hits, doc_countries=dict(named), elsewhere=_story_elsewhere(doc, named))


@lru_cache(maxsize=4096)
def _town_of_adjective(word: str) -> Candidate | None:
    """'Kölner' -> Köln, 'Brüsseler' -> Brüssel, 'Bremer' -> Bremen: the town (of 100,000 or more) or region a
    capitalised -er adjective is made of, or None."""
    if not (word.endswith("er") and word[:1].isupper()):
        return None
    g = gazetteer()
    return next((t for f in dict.fromkeys((word[:-2], word[:-2] + "en", word[:-3] + "en"))
                 if (t := g.best(f)) is not None and (t.precision == "region" or t.population >= 100000)), None)


def _town_landmarks(doc: Doc, toks: list[Token]) -> list[Cand]:
    """'am Brandenburger Tor', 'im Kölner Dom', 'am Münchner Hauptbahnhof': a city's or region's adjective (-er
    of a town of 100,000 or more, or of a region) before a building's or site's noun with no name after it is
    a landmark in that country ('im Kiewer Stadtteil Obolon' names Obolon, 'die Berliner Polizei' no place)."""
    out, forms = [], country_forms()
    named = {f.iso for t in toks if (f := forms.get(t.text) or forms.get(t.text.lower())) and f.kind != "capital"}
    for i in range(len(toks) - 1):
        w, noun = toks[i].text, toks[i + 1].text
        if not (w.endswith("er") and w[:1].isupper() and noun[:1].isupper() and
                place_type(noun) in ("facility", "site")) or (i + 2 < len(toks) and toks[i + 2].text[:1].isupper()
                                                              and not _common_noun_only(toks[i + 2].text)):
            continue                                   # "am Kölner Hauptbahnhof Züge besteigen": a noun after it
        town = _town_of_adjective(w)
        if town is not None:                           # a street's town abroad lends its country only where the
            iso = town.country if town.country in HOME or town.country in named or \
                not _street_noun(noun) else None       # article names it: 'Pariser Platz' is in Berlin
            # 'die Kölner Heinrich-Heine-Gesamtschule': a noun that is a name itself is the landmark, the town's
            # adjective its attribute (it says where) - 'Kölner Dom' has no name but with the adjective
            end = toks[i + 1].idx + len(noun)
            if _hyphenated_name(noun):
                out.append(Cand(toks[i + 1].idx, end, "LOC", 3, iso, None))
                # the span with the adjective is never chosen over the name, but lends its country (one sense per
                # place text) where the NER's longer span wins ('vor der Münchner Allianz-Arena')
                out.append(Cand(toks[i].idx, end, "LOC", -1, iso, None))
            else:
                out.append(Cand(toks[i].idx, end, "LOC", 3, iso, None))
    return out


def _hyphenated_name(word: str) -> bool:
    """'Heinrich-Heine-Gesamtschule', 'Rynek-Platz': a hyphenated compound whose parts before its head are names,
    no common nouns ('Eisenbahn-Brücke') nor a country's form ('US-Botschaft')."""
    first, _, head = word.rpartition("-")
    parts = first.split("-")
    return bool(first) and head[:1].isupper() and all(
        p[:1].isupper() and p not in country_forms() and not _common_noun_only(p) for p in parts)


STREET_HEADS = _FUNCTION["street"]


def _street_noun(word: str) -> bool:
    """'Platz', 'Schlossallee', 'Prager Straße': a street's or square's noun (or a compound ending in one)."""
    low = word.lower()
    return any(low.endswith(h) for h in STREET_HEADS)


def _facility_names(doc: Doc, toks: list[Token]) -> list[Cand]:
    """'in der Metal Fest Halle', 'im Grazer Messe Center', 'in die Sankt Georgs Kirche': capitalised words ending in
    a building's or site's noun (place_types.tsv), after an article, a locative preposition or a town's -er
    adjective, are one landmark's name, looked up whole: never the town that is the noun's homonym ('Halle'),
    never a person. A town's adjective before it says its town's country (a street's only at home: `_street_noun`);
    else the article or the sentence says where it lies (`_facilities_in_country`, `_sentence_place`)."""
    out = []
    for j, t in enumerate(toks):
        if not (t.text[:1].isupper() and singular_place_type(t.text) in ("facility", "site")) or j == 0 or \
                t.lower_.endswith(INSTITUTION_NOUNS):
            continue                                   # "Pädagogische Hochschule": an institution, named as one
        i = j
        while i > 0 and j - i < 3 and toks[i - 1].text[:1].isupper() and NAME_RX.match(toks[i - 1].text) and \
                not _town_of_adjective(toks[i - 1].text) and not _sent_start(toks, i - 1):
            i -= 1
        words = [x.text for x in toks[i:j]]
        if not words or all(_common_noun_only(w) or place_type(w) or _place_noun(w) for w in words) or \
                any(w.lower().endswith(ORG_TYPE_HEADS) for w in words) or \
                (len(words) == 1 and gazetteer().best(words[0]) is not None and _town_reading_name(words[0])):
            continue                                   # "die Stadt Halle", "Frankfurt Hauptbahnhof": no new name
        before = toks[i - 1].text if i > 0 else ""
        town = _town_of_adjective(before) if before and not (
            i > 1 and toks[i - 2].text[:1].isupper() and not _sent_start(toks, i - 2)) else None   # "New Yorker"
        if not (town or before.lower() in ARTICLES or before.lower() in FUSED_LOCATIVE or before.lower() in LOCATIVE):
            continue
        iso = town.country if town is not None and not _street_noun(t.text) else None
        start = toks[i - 1].idx if town is not None else toks[i].idx
        out.append(Cand(start, t.idx + len(t.text), "LOC", 3, iso, None))
    return out


def _one_word_landmarks(toks: list[Token]) -> list[Cand]:
    """'im Gotthardtunnel', 'vor dem Lötschbergtunnel': one word that the lexicon reads as a name, made of a name
    and a building's noun (place_types.tsv, `_named_building_parts`), is a landmark's name - its first part names
    it. Not a common noun ('Straßentunnel', 'Rathaus'), not a building named by a word ('Topklub', 'Sendesaal',
    'Milchstraße': 'Top', 'Sende', 'Milch' are no names), not a town of that name (a town wins anyway)."""
    out = []
    for t in toks:
        # the lexicon's reading (HanTa, the costly test) only of a word that ends in a building's noun
        if t.text[:1].isupper() and t.is_alpha and t.lower_ not in place_types() and \
                _named_building_parts(t.text) and word_tag(t.text)[0] == "NE" and gazetteer().best(t.text) is None:
            out.append(Cand(t.idx, t.idx + len(t.text), "LOC", 3, None, None))
    return out


def _named_building_parts(word: str) -> bool:
    """Whether a word is a name and then a building's noun ('Gotthard|tunnel', 'Karawanken|tunnel'): the longest
    facility noun of place_types.tsv it ends in, after a first part (a linking -s dropped) that the lexicon has
    no reading of as a common word - a name it knows, or a word it does not know at all. The lexicon does not
    split a word it reads as a name, so the split is by the building nouns; its first part decides."""
    head = _facility_head(word.lower())
    if head is None:
        return False
    first = word[:len(word) - len(head)]
    return any(not _common_word(part) or _named_feature(part) for part in
               {first, first[:-1] if first.endswith("s") else first} if len(part) >= 3)


@lru_cache(maxsize=1)
def _facility_heads() -> frozenset[str]:
    """The facility nouns of place_types.tsv of four letters or more: the building nouns a landmark's one-word name
    ends in (`_named_building_parts`)."""
    return frozenset(h for h, kind in place_types().items() if kind == "facility" and len(h) >= 4)


def _facility_head(low: str) -> str | None:
    """The longest facility noun (`_facility_heads`) a lower-case word ends in after three letters or more; looked
    up by the word's own endings, longest first, not by a scan of the list (asked of every capitalised word)."""
    heads = _facility_heads()
    for k in range(3, len(low) - 3):
        if low[k:] in heads:
            return low[k:]
    return None


def _named_feature(word: str) -> bool:
    """A sea's, a strait's or a range's name the gazetteer holds by that very name, no populated place's
    ('Ärmelkanal', which the lexicon reads as a common noun; not 'Rock', a town's name too)."""
    b = gazetteer().best(word)
    return b is not None and b.name == word and not b.population and not b.country


def _common_word(word: str) -> bool:
    """A word the lexicon knows with a reading other than a name's ('Milch', 'Top' as a loanword, 'Sende')."""
    return any(tag != "NE" and score > -25.0 for tag, score in word_tags(word))


def _town_reading_name(word: str) -> bool:
    """A word the lexicon knows as a name (a town's: 'Frankfurt'), not as a common noun."""
    return word_tag(word) == ("NE", True)


def _named_buildings(doc: Doc, toks: list[Token]) -> list[Cand]:
    """'im Nordischen Museum', 'vor der Königlichen Oper': an adjective written capitalised inside a sentence
    before a building's noun is part of that building's name - a landmark (on no spot: where it lies comes
    from 'in X' after it, `_located_in`), not the country of the adjective. City adjectives (-er) are
    `_town_landmarks`'. So is a hyphenated name whose head is a building's or site's noun ('auf dem Rynek-Platz'),
    its first part no common noun ('Eisenbahn-Brücke') nor a country's form ('US-Botschaft'); a name of several
    parts too ('die Sophie-Scholl-Schule', 'ins Fritz-Walter-Stadion': a person's full name, or a name and a noun,
    'Rhein-Energie-Stadion'), every part capitalised and none a country's form ('US-EU-Gipfelzentrum')."""
    out, forms = [], country_forms()
    for t in toks:
        first, _, head = t.text.rpartition("-")
        parts = first.split("-")
        if first and head[:1].isupper() and place_type(head) in ("facility", "site") and \
                all(p[:1].isupper() and p not in forms for p in parts) and not _common_noun_only(parts[0]):
            out.append(Cand(t.idx, t.idx + len(t.text), "LOC", 3, None, None))
    for i in range(1, len(toks) - 1):
        w, noun = toks[i].text, toks[i + 1].text
        # the cheap tests first: the word's analysis (HanTa) only before a building's noun
        if w[:1].isupper() and not w.endswith("er") and noun[:1].isupper() and place_type(noun) == "facility" and \
                not _sent_start(toks, i) and not (i + 2 < len(toks) and toks[i + 2].text[:1].isupper()) and \
                word_tag(w.lower())[0].startswith("ADJ"):
            out.append(Cand(toks[i].idx, toks[i + 1].idx + len(noun), "LOC", 3, None, None))
    return out


def _gazetteer_hits(doc: Doc, toks: list[Token], sent_of) -> list[PlaceHit]:
    """Gazetteer names among the tokens (three, two, one word long), and names the gazetteer lacks
    after a noun that says they are places ("die Insel Samothraki")."""
    forms = country_forms()
    hits: list[PlaceHit] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        w = t.text
        if not w[:1].isupper() or w.lower() in STOP or w in NOT_PLACE:
            i += 1
            continue
        f = forms.get(w)
        if f and f.kind != "capital":
            i += 1
            continue
        found = _hit_at(doc, toks, i, sent_of)
        if found is not None:
            hit, n = found
            if hit is not None:
                hits.append(hit)
            i += n - 1
        else:
            # "die Insel Samothraki", "das Dorf Kutupalong": a name the gazetteer lacks, after a noun that
            # says it is a place, is a place all the same - kept as its name, on no spot
            prev = [p.lower() for p in _prev_words(doc, t.idx, 1)]
            if prev and (_place_noun(prev[-1]) or place_type(prev[-1]) in ("island", "region", "site", "facility")) \
                    and NAME_RX.match(w) and not word_class(w)[1] and not _sent_start(toks, i):
                j = _typed_name_end(toks, i)                   # "das Lager Nahr al Bared": the name with its particles
                name = _text(doc)[t.idx:toks[j].idx + len(toks[j].text)]
                hits.append(PlaceHit(t.idx, t.idx + len(name), name, sent_of(t.idx), prev[-1] in REGION_NOUNS, None,
                                     place_type(prev[-1])))
                i = j
        i += 1
    return hits


def _typed_name_end(toks: list[Token], i: int) -> int:
    """The last token of a name a place's noun types ('das Flüchtlingslager Nahr al Bared', 'die Stadt Ras al Ain'):
    the name goes on over a lowercase particle and a capitalised word that is no common noun."""
    j = i
    while j + 2 < len(toks) and toks[j + 1].text in (FOREIGN_PARTICLES | PARTICLES) and toks[j + 1].text.islower() \
            and toks[j + 2].text[:1].isupper() and NAME_RX.match(toks[j + 2].text) and \
            not _common_noun_only(toks[j + 2].text):
        j += 2
    return j


def _hit_at(doc: Doc, toks: list[Token], i: int, sent_of) -> tuple[PlaceHit | None, int] | None:
    """The gazetteer name starting at token i: (its hit, its length in tokens); (None, 1) where the
    context says it is no town here; None where the gazetteer has no name there."""
    g = gazetteer()
    t = toks[i]
    for n in (4, 3, 2, 1):
        if i + n > len(toks):
            continue
        # "Simbach am Inn", "Halle an der Saale": a name's particles may stand lowercase inside it
        if n > 1 and not (toks[i + n - 1].text[:1].isupper() and
                          all(x.text[:1].isupper() or x.text in FOREIGN_PARTICLES or x.text in PARTICLES
                              for x in toks[i:i + n])):
            continue
        span = _text(doc)[t.idx:toks[i + n - 1].idx + len(toks[i + n - 1].text)].rstrip("".join(DASHES))
        cands = g.candidates(span)
        if not cands:
            continue
        prev = [p.lower() for p in _prev_words(doc, t.idx, 2)]
        kind = place_type(prev[-1]) if prev else None
        if not _town_reading(doc, toks, i, n, cands, prev, kind):
            return None, 1
        last = i + n - 1
        if last + 3 < len(toks) and toks[last + 1].text == "(" and toks[last + 3].text == ")" and \
                toks[last + 2].text[:1].isupper() and g.candidates(f"{span} ({toks[last + 2].text})") and \
                _text(doc)[t.idx:toks[last + 3].idx + 1] == f"{span} ({toks[last + 2].text})":
            # "Frankfurt (Oder)", "Halle (Saale)": the bracketed river or region is part of the town's name
            span, n = f"{span} ({toks[last + 2].text})", n + 3
        local = None
        for pw in _prev_words(doc, t.idx, 3):
            pf = country_forms().get(pw) or country_forms().get(pw.lower())
            if pf and pf.kind in ("adj", "name"):
                local = pf.iso
        return PlaceHit(t.idx, t.idx + len(span), span, sent_of(t.idx),
                        bool(prev) and prev[-1] in REGION_NOUNS, local, kind), n
    return None


GEO_ADJECTIVE = re.compile(r"^[a-zäöüß]{3,}isch(e|en|em|er|es)$")


def _town_reading(doc: Doc, toks: list[Token], i: int, n: int, cands, prev: list[str], kind: str | None) -> bool:
    """Whether the gazetteer name toks[i:i+n] stands for a place here (prev: the two words before it,
    lowercase; kind: what the word before says it is); a dateline's dash may cling to it ("Lyon– Am Montag")."""
    w = toks[i].text.rstrip("".join(DASHES))
    if kind == "facility":
        return False                                   # "im Stadion Wembley", "Konzerthalle Halle": not the town
    if n == 1 and i + 1 < len(toks) and toks[i + 1].tag_ == "NN" and toks[i + 1].text[:1].isupper() and \
            _town_of_adjective(w) is not None:
        return False                                   # "die Bremer Parteien": a town's adjective before its noun,
        #                                                not a county abroad named like it
    if _foreign_name_goes_on(toks, i + n):
        return False                                   # "Stade de France": a longer name, not Stade
    if n == 1 and w.lower() in PARTICLES and i + 1 < len(toks) and \
            (toks[i + 1].text in PARTICLES or toks[i + 1].text[:1].isupper()):
        return False                                   # "Van der Bellen", "Le Pen": a name's particle, not Van
    if prev and prev[-1] in ARTICLES and not any(c.precision != "city" for c in cands) and \
            (len(prev) < 2 or not _place_noun(prev[-2])):
        return False                                   # "in der Halle": towns take no article
    # "im steirischen Spielfeld": a preposition and a place's adjective before the name (the preposition right
    # before the adjective: "riefen dazu auf, chinesische Waren ...": a verb's particle, then a comma)
    geo_adjective = len(prev) > 1 and prev[-2] in LOCATIVE and bool(GEO_ADJECTIVE.search(prev[-1])) and \
        i > 1 and toks[i - 2].lower_ == prev[-2] and toks[i - 2].tag_ != "PTKVZ"
    joined = _joined_after_preposition(doc, toks, i)
    cue = bool(prev) and (prev[-1] in LOCATIVE or _place_noun(prev[-1]) or geo_adjective or
                          kind in ("region", "island", "site") or
                          (len(prev) > 1 and prev[-2] in LOCATIVE and prev[-1] in ARTICLES)) or \
        joined or _locative_over_attributes(toks[i])
    big = max(c.population for c in cands) >= 100000 or any(c.precision != "city" for c in cands)
    # "Saalbach – Die Lifte ...": the name before the dateline's dash is where the report is filed from, a place
    # whatever else the lexicon reads it as ("Saalfelden", a noun's plural to it) - where a sentence opens after the
    # dash ("Wald – nicht jeder Besucher ...": a noun set before its aside, no desk)
    line = dateline(doc)
    at_dateline = line is not None and _in_dateline(doc, toks[i].idx) and \
        _text(doc)[line.end:line.end + 1].isupper()
    cue = cue or at_dateline
    if n == 1:
        reading = known_reading(w)
        if reading is None:
            tag, known = word_tag(w)
            reading = tag == "NE" if known else None
        # a common noun takes an article after "in", "nach", "aus" ("im Spielfeld"); bare, it is a name
        bare = (bool(prev) and prev[-1] in BARE_NAME_PREPOSITIONS and i > 0 and toks[i - 1].text.islower() or
                joined and _bare_singular_in_pair(toks, i)) and not _bare_common_noun(toks[i])
        # "die Insel Samos", "die Stadt Halle": a place's noun right before says it is a name, whatever else it is
        typed = kind in ("island", "region", "site") or bool(prev) and _place_noun(prev[-1])
        if reading is False and not (bare or geo_adjective or typed or at_dateline):
            return False                               # "am Sonntag", "in der Lage", "im Namen"
        if not cue and (not big or noun_too(w) or _sent_start(toks, i) and not name_like(w)):
            return False
    return True


STATE_VERBS = de.words("state_verbs")


def _conjuncts(tok: Token) -> list[Token]:
    """The words the parse coordinates with the word ('Wort, Klang und Bild'): its conjuncts, or the one it is of."""
    return [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])


def _bare_common_noun(tok: Token) -> bool:
    """A noun the lexicon reads as a common noun that goes bare after a preposition all the same: a point of the
    compass ('nach Norden'), one of a pair with a common noun ('in Regen und Kälte'), or the state of a fixed phrase
    with its verb ('in Brand stecken', 'in Panik geraten': lang/de/state_verbs.txt) - no town of its name."""
    if tok.lower_ in COMPASS:
        return True
    pair = _conjuncts(tok)
    if any(p.text[:1].isupper() and known_reading(p.text) is False and not gazetteer().candidates(p.text)
           and not _place_noun(p.lower_) for p in pair):          # 'Brand und Umgebung': the town's surroundings
        return True
    # the lexicon's lemma too: the parser may misread the verb ('setzten' as an adjective)
    # only after 'in' ('in Brand setzen'): 'nach Brand versetzt' moves someone to the town; and only the verb itself,
    # not a particle verb split from it ('nahm den Mann in Weiden fest': 'festnehmen' in the town)
    return tok.dep_ == "obl" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "in" and \
        (tok.head.lemma_ in STATE_VERBS or word_lemma(tok.head.lower_) in STATE_VERBS) and \
        not any(c.tag_ == "PTKVZ" for c in tok.head.children)


def _bare_singular_in_pair(toks: list[Token], i: int) -> bool:
    """'neben Nickelsdorf und Heiligenkreuz': the second of a pair of places right after a preposition, itself in
    the singular and with no article - a singular common noun takes one ('neben dem Zollhaus'), so the word is
    the name the lexicon also reads as a noun."""
    if i < 3 or toks[i - 1].lower_ not in ("und", "oder", "sowie") or "Plur" in toks[i].morph.get("Number", []):
        return False
    first = toks[i - 2]
    ent = next((e for e in first.doc.ents if e.start <= first.i < e.end), None)
    start = ent.start if ent is not None and ent.end == first.i + 1 else first.i      # 'Bad Radkersburg' whole
    return start > 0 and first.doc[start - 1].tag_ == "APPR"


def _locative_over_attributes(tok: Token) -> bool:
    """'bis ins benachbarte Mendig': a locative preposition the parse attaches to the
    name (its `case`) over attributes between them - the words before the name alone do not show it; a town
    takes no article ('über das syrische Essen' is food)."""
    kids = [c for c in tok.children if c.i < tok.i]
    return any(c.dep_ == "case" and (c.lower_ in LOCATIVE or c.lower_ in FUSED_LOCATIVE) and c.i < tok.i - 1
               for c in kids) and any(c.dep_ == "amod" for c in kids) and not any(c.tag_ == "ART" for c in kids)


def _joined_after_preposition(doc: Doc, toks: list[Token], i: int) -> bool:
    """'in Anderlecht und Molenbeek': the second name of a pair after a locative preposition has it too; so has
    the second of a pair whose first the NER reads as a place the gazetteer holds ('neben Nickelsdorf und
    Heiligenkreuz')."""
    prev = _prev_words(doc, toks[i].idx, 3)
    if len(prev) < 2 or prev[-1] not in ("und", "oder", "sowie") or not prev[-2][:1].isupper():
        return False
    g = gazetteer()
    if len(prev) == 3 and prev[0].lower() in LOCATIVE and g.candidates(prev[-2]):
        return True
    first = toks[i - 2] if i >= 2 else None
    if first is None or first.text != prev[-2] or first.ent_type_ != "LOC" or toks[i].ent_type_ == "PER":
        return False                                   # "lobte Wien und Weber": the NER's person stays one
    ent = next((e for e in doc.ents if e.start <= first.i < e.end), None)
    return ent is not None and ent.end == first.i + 1 and bool(g.candidates(ent.text))


def _ner_place_hits(doc: Doc, hits: list[PlaceHit], sent_of) -> list[PlaceHit]:
    """The statistical NER's places go through the same reading in context (never the first homonym)."""
    g, forms = gazetteer(), country_forms()
    out = []
    for e in doc.ents:
        if e.label_ == "LOC" and not any(h.start < e.end_char and e.start_char < h.end for h in hits) \
                and not forms.get(e.text) and e.text.lower() not in STOP and not _name_particle(doc, e) \
                and e.text.lower() not in TIME_NAMES \
                and g.candidates(e.text):
            prev = [p.lower() for p in _prev_words(doc, e.start_char, 2)]
            kind = place_type(prev[-1]) if prev else None
            if kind != "facility":
                out.append(PlaceHit(e.start_char, e.end_char, e.text, sent_of(e.start_char),
                                    bool(prev) and prev[-1] in REGION_NOUNS, None, kind))
    return out


def _name_particle(doc: Doc, e: Span) -> bool:
    """'Van' of 'Van der Bellen', 'Le' of 'Le Pen': a one-word span that is a name particle going on."""
    return len(e) == 1 and e.text.lower() in PARTICLES and e.end < len(doc) and \
        (doc[e.end].text in PARTICLES or doc[e.end].text[:1].isupper())


FOREIGN_PARTICLES = _FUNCTION["foreign_particle"]
NEAR = re.compile(r"\s*,?\s*(?:bei|nahe|unweit|nahe\s+bei|in\s+der\s+Nähe\s+von|unweit\s+von|vor\s+den\s+Toren\s+von|"
                  r"(?:nord|süd|ost|west|nordost|nordwest|südost|südwest)(?:lich|östlich|westlich)?\s+von)\s+")


# "Moorbach in Niedersachsen", "Moorbach im Bundesland X": a place and the area it lies in (the nouns of regions:
# lang/de/place_nouns.tsv, place_types.tsv)
_AREA_NOUNS = {n[:1].upper() + n[1:] for n in REGION_NOUNS | {k for k, v in place_types().items() if v == "region"}}
WITHIN = re.compile(r"\s+(?:" + _alternatives(_FUNCTION["within"]) + r")\s+" + _ARTICLE +
                    r"(?:(?:" + _alternatives(_AREA_NOUNS) + r")\s+)?")


def _foreign_name_goes_on(toks: list[Token], j: int) -> bool:
    """'Stade de France', 'Champs de Mars', 'Frankfurt am Main': a foreign particle and a capitalised word
    follow - a word that is no common noun ('Samos am Morgen' is Samos, in the morning)."""
    return j + 1 < len(toks) and toks[j].text in FOREIGN_PARTICLES and toks[j + 1].text[:1].isupper() and \
        toks[j].idx == toks[j - 1].idx + len(toks[j - 1].text) + 1 and not _common_noun_only(toks[j + 1].text)


# "Paris (Texas)", "Limburg (Hessen)": a region in brackets after a place's name says where it lies
BRACKET = re.compile(r"\s*\(\s*")


def _anchors(doc: Doc, hits: list[PlaceHit]) -> None:
    """'Marienfeld bei Berlin', 'ein Dorf nahe Mossul': the place after bei/nahe anchors the one before;
    'Moorbach in Niedersachsen', 'Limburg (Hessen)': the region after in/bracket holds it."""
    text = _text(doc)
    starts = {h.start: h for h in hits}
    for h in hits:
        m = NEAR.match(text, h.end)
        if m and m.end() in starts and starts[m.end()].form != h.form:
            h.anchor = starts[m.end()].form
        if h.within is None and (adj := _word_before(doc, h.start)) is not None and adj.pos_ == "ADJ" and \
                adj.text[:1].islower() and (region := _region_of_adjective(adj.lemma_)) is not None:
            h.within = region.name                     # "im niedersächsischen Bergen": the Bergen in that region
        m = WITHIN.match(text, h.end) or BRACKET.match(text, h.end)
        if m and m.end() in starts and starts[m.end()].form != h.form and \
                any(c.precision != "city" for c in gazetteer().candidates(starts[m.end()].form)):
            h.within = starts[m.end()].form
        elif m and (word := COUNTRY_WORD.match(text, m.end())) and \
                (f := country_forms().get(word.group(0))) is not None and f.kind == "name" and \
                (tok := token_at(doc, word.start())) is not None and h.start <= tok.head.idx < h.end:
            # "Neustadt in Kanada": a country, not one of the hits, that the parse hangs on the place ("Flüchtlinge
            # aus Aleppo in der Türkei": the country goes with the refugees, not with Aleppo)
            h.within_country = f.iso
        elif h.within is None and h.within_country is None:
            _qualified_by_area(doc, h, starts)


# "Paris, Texas, ...", "Córdoba, Argentinien." - a comma, one name, and the apposition closes (a punctuation mark, a
# lowercase word that is no conjunction): no list of places ("in Frankfurt, Brandenburg und Hessen")
QUALIFIER = re.compile(r",\s+")
_NO_CONJUNCTION = r"(?!(?:und|oder|sowie)\b)[a-zäöüß]"
QUALIFIER_CLOSES = re.compile(r"\s*(?:[.;:!?)]|$|,\s+" + _NO_CONJUNCTION + r"|\s+" + _NO_CONJUNCTION + ")")


def _qualified_by_area(doc: Doc, h: PlaceHit, starts: Mapping[int, PlaceHit]) -> None:
    """'Paris, Texas', 'Springfield, Illinois', 'Córdoba, Argentinien': a region or a country set off by a comma
    right after a place's name says which homonym it is - where the gazetteer has one of the name there. A place it
    has none of there keeps its own reading: the comma may still open a list."""
    text = _text(doc)
    m = QUALIFIER.match(text, h.end)
    if m is None:
        return
    area = starts.get(m.end())
    if area is not None and area.form != h.form and QUALIFIER_CLOSES.match(text, area.end):
        region = gazetteer().best(area.form)
        if region is not None and region.precision != "city" and _inside(h.form, region, {}) is not None:
            h.within = area.form
        return
    word = COUNTRY_WORD.match(text, m.end())
    f = country_forms().get(word.group(0)) if word else None
    if word and f is not None and f.kind == "name" and QUALIFIER_CLOSES.match(text, word.end()) and \
            any(c.country == f.iso for c in gazetteer().candidates(h.form)):
        h.within_country = f.iso


# the capitalised word (with hyphens) a country's name after "in" is read from
COUNTRY_WORD = re.compile(r"[A-ZÄÖÜ][\w-]*")


def _word_before(doc: Doc, pos: int) -> Token | None:
    """The word token right before the token that starts at character `pos` (None: none, or none starts there)."""
    tok = token_at(doc, pos)
    i = tok.i - 1 if tok is not None else -1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


# an unstressed e German drops before r or l and -isch: Steier(mark) -> steirisch, Eifel -> eiflisch
SCHWA_DROPPED = re.compile(r"(?<![e])(?=[rl]$)")
UMLAUT_BACK = str.maketrans("äöü", "aou")
# what a region's name adds to its adjective's stem: Bayer-n, Hess-en, Kaliforn-ien, Sachs-en, and "Mark", the
# borderland's word of German region names (Steier-mark, Ucker-mark)
REGION_NAME_ENDINGS = ("", "n", "en", "ien", "e", "a", "mark")


@lru_cache(maxsize=4096)
def _region_of_adjective(lemma: str) -> Candidate | None:
    """'niedersächsisch' -> Niedersachsen, 'steirisch' -> Steiermark: the first-level region or curated region
    a -isch adjective (the lemma the morphologizer gives the adjective token) is made of, or None: German makes
    the adjective of the name's stem, which may take an umlaut (Sachsen -> sächsisch) and drop an unstressed e
    (Steiermark -> steirisch); a country's adjective is the country forms' business."""
    if not lemma.endswith("isch") or lemma in country_forms():
        return None
    stem = lemma[:-4]
    if len(stem) < 4:
        return None
    g = gazetteer()
    for base in dict.fromkeys(v for s in (stem, stem.translate(UMLAUT_BACK)) for v in (s, SCHWA_DROPPED.sub("e", s))):
        for ending in REGION_NAME_ENDINGS:
            # a hyphenated name is capitalised in each part ('baden-württembergisch' -> Baden-Württemberg)
            form = "-".join(part[:1].upper() + part[1:] for part in base.split("-")) + ending
            if form in g.area_forms and (c := g.best(form)) is not None and c.precision == "region":
                return c
    return None


SMALL = 15000
HOME = ("DE", "AT", "CH")


def _after_place_noun(doc: Doc, h: PlaceHit) -> bool:
    prev = [p.lower() for p in _prev_words(doc, h.start, 1)]
    return bool(prev) and _place_noun(prev[-1])


def _plausible_place(doc: Doc, h: PlaceHit, named: Counter, prev_place_noun: bool) -> bool:
    """A small town (under 15,000) of the world-wide gazetteer is a place only with some sign of it:
    a place noun before it ("das Dorf Myrne"), the statistical NER's LOC, or a homonym in a country
    the article names or at home (DE/AT/CH). "Acme" after "von" in a company's context is no town."""
    cands = gazetteer().candidates(h.form)
    if not cands or max(c.population for c in cands) >= SMALL or any(c.precision != "city" for c in cands):
        return True
    if prev_place_noun or any(c.country in named or c.country in HOME for c in cands):
        return True
    return any(e.label_.startswith("LOC") and e.start_char <= h.start < e.end_char for e in doc.ents)


def _countries_listed_with(doc: Doc, start: int, forms) -> frozenset[str]:
    """'Kundgebungen gab es in Stockholm, Warschau, Venedig und Wien': the countries of the towns the parse
    coordinates with the word at `start` - a country, a capital, or a city the gazetteer knows by that name as its
    own of 100,000 or more (a town it is unsure of says nothing of the list)."""
    tok = token_at(doc, start)
    if tok is None:
        return frozenset()
    root = tok
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    members, todo = [], [root]
    while todo:                                   # the list: its first word and every conjunct hanging below it
        t = todo.pop()
        members.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    out = set()
    for t in members:
        if t.i == tok.i or not t.text[:1].isupper():
            continue
        f = forms.get(t.text)
        if f and f.kind in ("name", "capital"):
            out.add(f.iso)
        elif (c := gazetteer().best(t.text)) is not None and c.primary and c.precision == "city" and \
                c.population >= EXONYM_CITY:
            out.add(c.country)
    return frozenset(out)


def _noun_with_article(doc: Doc, start: int) -> bool:
    """'beim Essen', 'nach dem Essen', 'in der Halle': the parse tags the word at `start` a common noun and gives it
    an article (or a preposition with one in it) - a town's name takes none ('bei Essen'; 'im Kassel der
    Nachkriegszeit' with a genitive after it is tagged a name)."""
    tok = token_at(doc, start)
    return tok is not None and tok.tag_ == "NN" and any(
        c.i < tok.i and (c.dep_ == "det" and c.pos_ == "DET" or c.tag_ == "APPRART") for c in tok.children)


def _sentence_index(doc: Doc):
    try:
        starts = [s.start_char for s in doc.sents]
    except ValueError:
        starts = [0]
    import bisect

    return lambda pos: bisect.bisect_right(starts, pos) - 1


def _story_elsewhere(doc: Doc, named: Counter) -> bool:
    """The article is set away from home: it names no home country (DE/AT/CH) and is not filed from home
    (`_filed_at_home`), but foreign countries (twice or more) or two or more places the gazetteer lacks (a setting it
    does not know). A village at home of a name it uses is then no better a guess than one abroad."""
    if any(iso in HOME for iso in named) or _filed_at_home(doc):
        return False
    if sum(named.values()) >= 2:
        return True                                    # a foreign country named once may be anyone's origin
    g, forms = gazetteer(), country_forms()
    unknown = {e.text for e in doc.ents if e.label_ == "LOC" and not forms.get(e.text)
               and not g.candidates(e.text) and not g.candidates(e.text[:-1])}
    return len(unknown) >= 2


def _filed_at_home(doc: Doc) -> bool:
    """Whether the article's dateline names only places at home ('Graz –', 'Linz/Wels –'): a report filed there is set
    there, whatever foreign countries it names ('ungarische Häftlinge', 'israelische Gäste' at a memorial in Graz)."""
    line = dateline(doc)
    if line is None or not line.places:
        return False
    text = _text(doc)
    best = [gazetteer().best(text[s:e]) for s, e in line.places]
    return all(b is not None and b.country in HOME for b in best)


def _resolve_places(hits: list[PlaceHit], doc_countries: dict[str, int], elsewhere: bool = False) -> list[Cand]:
    """One sense per name and article: homonyms ('Myrne') are told apart by the regions the
    article names ('Region Donezk'), its countries, and the other places in the same sentences.
    elsewhere: the article is set away from home (`_story_elsewhere`): home villages lose their
    head start."""
    g = gazetteer()
    home = () if elsewhere else HOME
    regions = [h.form for h in hits if h.region]
    by_form: dict[str, list[PlaceHit]] = {}
    for h in hits:
        by_form.setdefault(h.form, []).append(h)
    anchored = {h.form: h.anchor for h in hits if h.anchor}
    # "die Insel Lampedusa", "die Kleinstadt X": a type noun says it is a place; the one place of that name is it,
    # unless the article names other countries only or is set among places the gazetteer lacks (`_story_elsewhere`)
    typed = {h.form for h in hits if h.typed and not elsewhere and len(cands := g.candidates(h.form)) == 1
             and (not doc_countries or cands[0].country in doc_countries or cands[0].country in HOME)}
    # a dateline's place is where the report is filed from, at home as abroad: the one place of that name is it
    typed |= {h.form for h in hits if h.dateline and len(g.candidates(h.form)) == 1}
    # Unambiguous places first: they anchor the others.
    fixed: dict[str, Candidate | None] = {}
    for form, group in by_form.items():
        cands = g.candidates(form)
        local = Counter(h.country for h in group if h.country)
        said = next((iso for iso, _ in local.most_common() if any(c.country == iso for c in cands)), None)
        best = g.best(form, country=said, countries=doc_countries)
        if form in anchored and len(cands) > 1:
            continue                                   # "X bei Berlin": decided by its anchor below
        if len(cands) == 1 or form in regions or (best and best.population >= 100000 and
                                                   not _rival_abroad(form, best, doc_countries, home)) or \
                (best and best.precision != "city"):
            fixed[form] = best
    from ..geo import distance_km

    for form, anchor in anchored.items():             # "Marienfeld bei Berlin": the homonym nearest Berlin
        a = fixed.get(anchor)
        if a is None:
            continue
        best = fixed.get(form) or g.best(form, countries=doc_countries, near=[(a.lat, a.lon)])
        if best is not None and best.precision == "city" and distance_km((best.lat, best.lon), (a.lat, a.lon)) > 150:
            best = None                                # the only town of that name lies elsewhere: not it
        fixed[form] = best
    for form, area in {h.form: h.within for h in hits if h.within}.items():
        # the area is another hit's form, or a region an adjective named ("im niedersächsischen Bergen")
        region = fixed.get(area) if area in by_form else g.best(area)
        inside = _inside(form, region, doc_countries)
        if inside is not None:                        # "Moorbach in Niedersachsen": the one in that region
            fixed[form] = inside
            anchored[form] = area
        elif region is not None and region.precision != "city" and all(c.id != region.id for c in g.candidates(form)):
            # "Neustadt in Hessen", "Bergen in Tirol": the text puts it in that region, where the gazetteer knows no
            # place of the name (with a region code or without) - unresolved text, never a homonym elsewhere
            fixed[form] = None
            anchored[form] = area
    for form, iso in {h.form: h.within_country for h in hits if h.within_country}.items():
        if form not in anchored:                       # "Neustadt in Kanada": the one in that country, or none -
            fixed[form] = g.best(form, country=iso) if any(c.country == iso for c in g.candidates(form)) else None
            anchored[form] = iso                       # never a homonym elsewhere
    out: list[Cand] = []
    for form, group in by_form.items():
        best = fixed.get(form)
        if form in fixed and best is not None and form not in anchored and form not in regions and \
                form not in typed and _unlikely_spot(form, best, group, fixed, doc_countries, home):
            best = None
        if form not in fixed:
            sents = {h.sent for h in group}
            near = [(p.lat, p.lon) for f2, hs in by_form.items() if f2 != form and f2 not in regions
                    and (p := fixed.get(f2)) is not None and any(h.sent in sents for h in hs)]
            first = min(h.sent for h in group)
            near_regions = [h for h in hits if h.region and h.form != form and first - 3 <= h.sent <= first]
            admin = max(near_regions, key=lambda h: h.start) if near_regions else None
            admin_place = fixed.get(admin.form) if admin else None
            best = g.best(form, countries=doc_countries, admin_of=admin_place, near=near)
            if best is not None and not near and admin_place is None and form not in typed and (
                    _ambiguous(form, best, doc_countries, home) or _rival_abroad(form, best, doc_countries, home)
                    or _far_and_small(best, doc_countries, form, home, _read_as_name(group))):
                best = None                            # nothing tells which place, or that it is this one
        for h in group:
            out.append(Cand(h.start, h.end, "LOC", 0, best.country or None if best else None,
                            f"geo:{best.id}" if best else None))
    return out


def _unlikely_spot(form: str, best, group: list[PlaceHit], fixed: Mapping[str, Candidate | None],
                   doc_countries: dict[str, int], home: tuple[str, ...]) -> bool:
    """A place resolved alone that the article's geography makes unlikely: a small place far abroad
    (`_far_and_small_unlisted`) or a small area far from all else the article places (`_stray_area`)."""
    return _far_and_small_unlisted(form, best, group, doc_countries, home) or \
        _stray_area(best, fixed, doc_countries, home)


STRAY_AREA_KM = 1500


def _stray_area(best, fixed: Mapping[str, Candidate | None], doc_countries: dict[str, int],
                home: tuple[str, ...]) -> bool:
    """A first-level area abroad of under a million people ('Balkan', a Turkmen province) in a country the article
    never names, far (1,500 km) from every other place it resolves and from the capitals of the countries it names:
    a landscape or region the gazetteer lacks shares its name, and the article's geography says it is not that
    area - no spot rather than a wrong one. An area of a named country, one near the article's places ('Elsass'
    beside Baden) or a large one ('Hokkaido') keeps its spot; an article naming no other place says nothing."""
    if not best.area or best.country in doc_countries or best.country in home or best.population >= WORLD_CITY:
        return False
    g = gazetteer()
    spots = [(p.lat, p.lon) for p in fixed.values() if p is not None and p.id != best.id]
    spots += [(c.lat, c.lon) for iso in doc_countries
              if (c := g.countries.get(iso)) and c.lat is not None and c.lon is not None]
    return bool(spots) and all(distance_km((best.lat, best.lon), s) > STRAY_AREA_KM for s in spots)


def _far_and_small_unlisted(form: str, best, group: list[PlaceHit], doc_countries: dict[str, int],
                            home: tuple[str, ...]) -> bool:
    """`_far_and_small`, unless a list across countries names the place (`_listed_across_countries`)."""
    listed = frozenset().union(*(h.listed for h in group))
    return not _listed_across_countries(form, best, listed) and \
        _far_and_small(best, doc_countries, form, home, _read_as_name(group))


def _read_as_name(group: list[PlaceHit]) -> bool:
    """Whether the parse reads some mention of the form as a name ('beim Essen' everywhere is the meal)."""
    return not all(h.as_noun for h in group)


def _listed_across_countries(form: str, best, listed: frozenset[str]) -> bool:
    """'in Stockholm, Warschau, Venedig und Wien': a town listed with towns of two or more other countries is a town
    abroad like them - the list sets the story in no one country, so the one city of that name is no worse a guess
    for being known by it as an alternate name ('Venedig') or lying in a country the article names nowhere else
    ('in Athen und in Mati': one other country, a setting - not enough). Only the gazetteer's one place of the
    name: a list says nothing of which homonym ('Moria' a Greek village, or Jerusalem by an old name)."""
    return best.precision == "city" and len(listed - {best.country}) >= 2 and \
        all(c.id == best.id for c in gazetteer().candidates(form))


def _inside(form: str, area, doc_countries: dict[str, int]):
    """The place of that name within a first-level region (a state of the German names' table by its nearest
    town's code, `Gazetteer.admin1_of`; a region of no code: then in its country), or None."""
    if area is None:
        return None
    g = gazetteer()
    best = g.best(form, country=area.country, countries=doc_countries, admin_of=area)
    # 'Bergen in Bayern': a state of the German names' table has its area's code too (`admin1_of`)
    if best is None or best.id == area.id or ((code := g.admin1_of(area)) and best.admin1 != code):
        return None
    return best


def _ambiguous(form: str, best, doc_countries: dict[str, int], home: tuple[str, ...] = HOME) -> bool:
    """Never the first homonym: small places of one name in several countries (or several of
    similar size in one) with no country of the article, no region and no neighbour to choose by."""
    if best.population >= SMALL:
        return False
    ctx = set(doc_countries) | set(home)
    return any(c.id != best.id and c.population * 3 >= best.population and
               (c.country == best.country or c.country in ctx or best.country not in ctx)
               for c in gazetteer().candidates(form))


def _rival_abroad(form: str, best, doc_countries: dict[str, int], home: tuple[str, ...] = HOME) -> bool:
    """Two cities of one name and like size in two countries ('Saint-Denis' in France and on Réunion,
    'Valencia'), the article naming neither country: the larger is no better a guess than the other."""
    if best.precision != "city" or best.country in doc_countries or best.country in home:
        return False
    # a town known by the name only as one of its alternate names (Amman, once Philadelphia) is no rival of the
    # town whose own name it is
    return any(c.id != best.id and c.precision == "city" and c.country != best.country and
               c.population * 3 >= best.population and c.country not in doc_countries and
               (c.primary or not best.primary) for c in gazetteer().candidates(form))


def _far_and_small(best, doc_countries: dict[str, int], form: str = "", home: tuple[str, ...] = HOME,
                   name: bool = True) -> bool:
    """A village abroad in a country the article never names, or a town abroad known by that name
    only as one of its alternate names ("Lager Moria" is not Jerusalem, "Marienfeld" not Pančevo):
    no spot rather than a wrong one. Capitals (Kiew, Peking) are known to all. `name`: False where the parse
    reads every mention as a common noun with its article ('beim Essen')."""
    if best.precision != "city" or best.country in doc_countries or best.country in home:
        return False
    if best.country in HOME and best.population >= HOME_CITY and name:
        return False          # 'bei Ingolstadt' in a story set abroad: a city at home German readers know
    if best.population < SMALL:
        return True
    f = country_forms().get(form)
    if (f and f.kind == "capital") or _exonym(form, best):
        return False
    # a town of under a million abroad in a story set in another country ('der Küstenort Mati' in a story on
    # Greece is not Mati in the Philippines) is no better a guess than a place the gazetteer lacks
    return not best.primary or best.population < WORLD_CITY and _setting(doc_countries) not in (None, best.country)


WORLD_CITY = 1_000_000
# a city at home (DE/AT/CH) this size is known to German readers as a capital is, in a story set abroad too:
# `_story_elsewhere` takes the home bonus from villages, not from cities
HOME_CITY = 100_000
EXONYM_CITY = 100_000


def _exonym(form: str, best) -> bool:
    """'Genf', 'Bozen', 'Mailand': a name the gazetteer gives one place only, as an alternate name of a city of
    100,000 or more - a city that German readers know by a name of its own. A name shared with another place
    ('Moria': Jerusalem and a Greek village) or a smaller town's old name ('Marienfeld') says no such thing."""
    if best.primary or best.population < EXONYM_CITY:
        return False
    return all(c.id == best.id for c in gazetteer().candidates(form))


def _setting(countries: Mapping[str, int]) -> str | None:
    """The country an article is set in: the one that three quarters of its country votes (two at least) go to;
    None where none does (one country named once may be a neighbour's)."""
    if not countries:
        return None
    iso, n = max(countries.items(), key=lambda kv: kv[1])
    return iso if n >= 2 and n >= 0.75 * sum(countries.values()) else None
