"""Who says so: the source of a figure, whether the article hedges it, and its stance.

German news attributes figures in a handful of constructions, all handled here
with rules over words (no parser needed):

- ``laut X``, ``X zufolge``, ``nach Angaben (von|des) X``, ``nach X-Angaben``,
  ``nach russischen Angaben``, ``In X Schätzungen wird von ... gesprochen``;
- a speech verb with its subject: ``sagte X``, ``teilte X mit``, ``X gab an``,
  ``berichtet X``, ``, so X``; ``wie X berichtete`` relays another source;
- the next sentence naming the source of the one before: ``Das teilte X mit.``,
  ``Das heißt es aus Kreisen X.``;
- a quote, attributed after or before it, even when it spans sentences;
- a headline prefix ``Behörden: ...``.

Sources are normalised to the nominative (``Dem britischen Geheimdienst`` ->
``britischer Geheimdienst``); a role with a name gives the name
(``Innenminister Klymenko`` -> ``Klymenko``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...lang.de import month_names, rows, table, weekdays, words
from ...model import Source
from .. import Lazy, doc_text
from .cues import first_part_names_source
from .result import Attribution

# --- tokens --------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[\wÄÖÜäöüß\u00ad]+(?:[-'’.][\wÄÖÜäöüß\u00ad]+)*-?|[„“”\"«»‚‘’']|\S")
QUOTES_OPEN = {"„", "«", "»", "‚", "\"", "“"}
QUOTE_PAIRS = {"„": ("“", "\"", "”"), "«": ("»",), "»": ("«",), "“": ("”", "“"), "\"": ("\"", "“", "”"),
               "‚": ("‘", "’")}


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


def tokenize(text: str, base: int = 0) -> list[Tok]:
    return [Tok(m.group(0), base + m.start(), base + m.end()) for m in _TOKEN.finditer(text)]


# --- lexicon ------------------------------------------------------------------------------------

_FUNCTION = table("attribution_function_words")
DETERMINERS = _FUNCTION["article"]
POSSESSIVES = _FUNCTION["possessive"]
AUXILIARIES = {"hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten"}
# Capitalised adjectives inside names and at a sentence's start: "Vereinten Nationen", "Westliche Diplomaten"
CAP_ADJ = re.compile(r"^[A-ZÄÖÜ][a-zäöüß\-]*(isch|lich|ig|al|ell|iv|är|ert|iert|eint|ot|ern|ant|ent|ar)"
                     r"(e|en|er|es|em)$")
# Words before a sentence's finite verb that leave the subject after it: "In Nürnberg zählte die Polizei ..."
FRONTED = _FUNCTION["fronted"]
# Heading prefixes that name no one: "Zum Vergleich: 90 Liter", "Der Grund: ..."
GENERIC_PREFIXES = words("headline_generic")
# The next sentence says the figures before it are unverified: "Eine unabhängige Bestätigung gibt es nicht."
UNVERIFIED = re.compile(r"(nicht (?:unabhängig )?(?:überprüf|bestätig|verifizier)\w*|unabhängige bestätigung|"
                        r"keine (?:unabhängige )?bestätigung|nicht überprüfbar|"
                        r"ließen? sich nicht \w*(?:prüfen|bestätigen)|"
                        r"unbestätigt)", re.IGNORECASE)
# "Demnach ...": the sentence before names the source
ONWARD = re.compile(r"\b(demnach|demzufolge|diesen angaben zufolge|den angaben zufolge|nach diesen angaben|"
                    r"nach den angaben|laut diesen angaben)\b", re.IGNORECASE)
PLACE_NOUNS = words("inhabited_places")
# Words of time after a role, no name ("der Sprecher Mittwochabend"): weekdays, months (lang/de), parts of a day.
TIME_WORD = re.compile("(" + "|".join([*weekdays(), *(m.lower() for m in month_names())])
                       + r"|morgen|vormittag|mittag|nachmittag|abend|nacht|anfang|ende|mitte|wochenende)")
# Adjectives before a reporting noun that name no source ("laut ersten Angaben"); NO_SIDE_ADJ also after "nach".
NO_SIDE_ADJ = table("vague_source_adjectives")["any"]
VAGUE_ADJ = NO_SIDE_ADJ | table("vague_source_adjectives")["laut"]
LIST_ITEM = re.compile(r"\s*(?:[-–•*·]|\d{1,2}[.)])\s")
# Nouns that carry information, not a source: "nach Angaben des Militärs" -> Militär.
INFO_NOUNS = words("reporting_noun_forms")
GENERIC_REPORTS = words("generic_source_forms")
# Speech and report verbs, finite forms, with the particle a separable verb needs.
SPEECH_VERBS: dict[str, str | None] = {form: row[1] if len(row) > 1 else None
                                       for row in rows("speech_verb_forms") for form in row[0].split()}
DENIAL = re.compile(r"\b(bestritt\w*|bestreite\w*|dementier\w*|zurückgewiesen|widersprach\w*|wies\b[^.]*\bzurück|"
                    r"weist\b[^.]*\bzurück|wiesen\b[^.]*\bzurück)", re.IGNORECASE)
# The hedges that speak for the whole sentence, not for one clause: reports and estimates as the basis ("Berichten
# zufolge"), unverified ("nicht unabhängig überprüft"). Where the pipeline parses, the adverbs and modal verbs of
# HEDGES are read from the figure's own clause instead (extract/modality.py).
_SENTENCE_HEDGE = (r"unbestätigt\w*|(?:medien)?berichten zufolge|schätzungen zufolge|"
                   r"nicht (?:unabhängig )?(?:überprüf|bestätig|verifizier)\w*|nicht überprüfbar|"
                   r"kaum (?:unabhängig )?überprüf\w*")
SENTENCE_HEDGES = re.compile(rf"\b({_SENTENCE_HEDGE})\b", re.IGNORECASE)
HEDGES = re.compile(
    r"\b(offenbar|offensichtlich|angeblich\w*|mutmaßlich\w*|vermutlich|wohl|möglicherweise|womöglich|anscheinend|"
    r"scheinbar|vermeintlich\w*|soll|sollen|solle|sollten|sollte|könnte|könnten|dürfte|dürften|"
    rf"{_SENTENCE_HEDGE})\b", re.IGNORECASE)
# Konjunktiv I: the sentence goes on reporting someone's words.
REPORTED = re.compile(r"\b(sei|seien|habe|gebe|werde|könne|müsse|solle|wolle|hätten|befänden|befinde)\b")
# Heads naming a body, not a person: a name after them is the body's ("Hilfsorganisation Brückenwerk",
# "Nachrichtenagentur TASS"), after the other role heads a person's ("Innenminister Klymenko").
_HEADS = table("source_heads")
BODY_SUFFIXES = tuple(sorted(_HEADS["media"] | _HEADS["body"]))
# Heads that are roles or outlets: capitalised words right after them are a name.
ROLE_SUFFIXES = tuple(sorted(_HEADS["role"])) + BODY_SUFFIXES
# Institutions: "Das Innenministerium in Paris", "Bundesamt für Migration" (no name follows them, unlike a role's)
ORG_SUFFIXES = ROLE_SUFFIXES + tuple(sorted(_HEADS["institution"]))
# A noun's gender from its ending, for an adjective's nominative ("britischer Geheimdienst").
_GENDER_ENDINGS = {g: tuple(sorted(e)) for g, e in table("noun_gender_endings").items()}
FEMININE, NEUTER, MASCULINE = _GENDER_ENDINGS["f"], _GENDER_ENDINGS["n"], _GENDER_ENDINGS["m"]
# Plural endings in -en that are no dative to strip ("den Behörden").
PLURAL_EN = tuple(sorted(words("plural_en_endings")))
TOPIC_PREFIXES = re.compile("(" + "|".join(sorted(words("headline_topics"), key=len, reverse=True)) + r")e?$",
                            re.IGNORECASE)
SIDE_ADJ = re.compile(r"^([a-zäöüß-]+(?:isch|sch|esisch))(e|en|er|es|em)?$", re.IGNORECASE)


@dataclass
class Cue:
    """One attribution in a sentence: where it stands, whom it names, how it attributes."""

    kind: str                     # according, speech, relay, anaphoric, heading, estimate, generic
    start: int                    # the whole cue ("Dem britischen Geheimdienst zufolge")
    end: int
    source: Source | None
    denial: bool = False
    verb: str | None = None       # the speech verb, lower case

    @property
    def relays(self) -> bool:
        """Reporting verbs pass on what someone else said: "berichtet CNN", "wie TASS meldete", "so X"."""
        return self.kind == "relay" or bool(self.verb and RELAY_VERB.match(self.verb))


RELAY_VERB = re.compile(r"(bericht|meld|schrieb|schreib|zitier|so$)")


# --- noun phrases ------------------------------------------------------------------------------


def _adj_like(t: Tok) -> bool:
    return t.is_word and not t.is_cap and re.search(r"(e|en|er|es|em)$", t.lower) is not None and len(t.text) > 3


# Capitalised at the start of a sentence, but no noun: never a source (lang/de/function_words.txt).
FUNCTION_WORDS = words("function_words")
# Compounds that name a source by their first part: "Polizeiangaben" -> Polizei.
INFO_COMPOUND = re.compile(r"^(.{2,}?)-?(angaben|informationen|schätzungen|einschätzungen|erkenntnissen|"
                           r"berichten|zählungen|zählung|quellen|kreisen)$", re.IGNORECASE)


def _cap_word(t: Tok) -> bool:
    return t.is_word and t.is_cap and t.lower not in DETERMINERS and t.lower not in SPEECH_VERBS \
        and t.lower not in FUNCTION_WORDS


def _quote_run(toks: list[Tok], k: int) -> int | None:
    """Index after the closing quote of a short quoted name starting at k, or None."""
    closers = QUOTE_PAIRS.get(toks[k].text)
    if not closers:
        return None
    for j in range(k + 1, min(len(toks), k + 8)):
        if toks[j].text in closers:
            return j + 1 if j > k + 1 else None
    return None


_NOUN_LIKE = re.compile(r"(ung|ungen|heit|keit|schaft|ion|ionen|tät|ei|en|ern|nis|nisse|ium|ment|ismus|isten|"
                        r"eure|enten|ale|ik|ur|oren|te|de|se|ge|che)$")


def _lemma_gen(word: str) -> str:
    w = word.lower()
    return w[:-2] if w.endswith("es") and len(w) > 5 else w[:-1] if w.endswith("s") and len(w) > 4 else w


def _continues_name(prev: Tok, t: Tok) -> bool:
    """May capitalised t follow capitalised prev in one phrase? "Innenminister Klymenko", "Wolodymyr Selenskyj",
    "Nachrichtenagentur TASS" yes; "Behörden Schäden" no."""
    if t.text.isupper() and len(t.text) <= 6 or prev.text.isupper():
        return True
    if CAP_ADJ.match(prev.text):
        return True                                  # "Vereinten Nationen", "Internationalen Organisation"
    if prev.lower.endswith(ROLE_SUFFIXES) or _lemma_gen(prev.text).endswith(ROLE_SUFFIXES):
        return True
    if prev.text.endswith("s") and not prev.lower.endswith(("ns", "es")):
        return True                                  # Saxon genitive: "Südkoreas Geheimdienst"
    return not (_NOUN_LIKE.search(prev.lower) and len(prev.text) > 5)


def np_forward(toks: list[Tok], j: int) -> int:
    """End index of the noun phrase starting at j (j itself when there is none)."""
    n, k = len(toks), j
    if k < n and toks[k].lower in DETERMINERS | {"beider", "beiden", "mehrerer"}:
        k += 1
    saw_noun, chain, in_name = False, False, False
    while k < n:
        t = toks[k]
        q = _quote_run(toks, k) if t.text in QUOTE_PAIRS else None
        if q:
            k, saw_noun = q, True
            continue
        if _cap_word(t) and not re.fullmatch(r"[\d.,]+", t.text):
            if saw_noun and toks[k - 1].is_word:
                if not (in_name or _continues_name(toks[k - 1], t)):
                    break                           # "Behörden Schäden": a new phrase begins
                in_name = True                      # "Sekretär ... Sergei Schoigu": a name goes on
            k, saw_noun = k + 1, True
            continue
        in_name = False
        if not saw_noun and (_adj_like(t) or t.text == "," or t.lower == "und") and k + 1 < n:
            k += 1
            continue
        if not saw_noun and t.lower in ("von", "vom") and k > j:
            m = k + 1
            while m < min(n, k + 6) and not (_adj_like(toks[m])
                                             and re.search(r"(t|en)(e|en|er|es|em)$", toks[m].lower)):
                m += 1
            if m < min(n, k + 6) and m + 1 < n and _cap_word(toks[m + 1]):
                k = m + 1                           # "der von der Hamas kontrollierten Behörde"
                continue
        if saw_noun and t.lower in ("des", "der", "eines", "einer") and k + 1 < n and (
                _cap_word(toks[k + 1]) or _adj_like(toks[k + 1])):
            k, saw_noun = k + 1, False              # genitive: "Kreisen des US-Militärs"
            continue
        if saw_noun and t.lower == "für" and k + 1 < n and _cap_word(toks[k + 1]) and \
                _lemma_gen(toks[k - 1].text).endswith(ORG_SUFFIXES):
            k, saw_noun, chain = k + 1, False, True  # "Organisation für Migration"
            continue
        if saw_noun and t.lower in ("aus", "von") and k + 1 < n and (
                _cap_word(toks[k + 1]) or toks[k + 1].lower in ("der", "den", "dem", "des")):
            k, saw_noun, chain = k + 1, False, True  # "Mitarbeitern aus den USA"
            if toks[k].lower in DETERMINERS:
                k += 1
            continue
        if saw_noun and chain and t.lower in (",", "und", "sowie") and k + 1 < n and (
                _cap_word(toks[k + 1]) or toks[k + 1].lower in DETERMINERS):
            k += 1                                  # "... den USA, Südkorea und der Ukraine"
            if toks[k].lower in DETERMINERS:
                k += 1
            saw_noun = False
            continue
        if saw_noun and t.text == "," and k + 2 < n and _cap_word(toks[k + 1]):
            m = k + 1                               # apposition: "..., Sergej Schoigu, ..."
            while m < n and _cap_word(toks[m]):
                m += 1
            if m - k - 1 <= 4 and (m >= n or toks[m].text in (",", ".", ")") or not toks[m].is_word):
                k = m + 1 if m < n and toks[m].text == "," else m
                break
        break
    while k > j and toks[k - 1].text in (",", "und") or k > j and _adj_like(toks[k - 1]) and not saw_noun:
        k -= 1
    return k if saw_noun or k > j and any(_cap_word(t) for t in toks[j:k]) else j


def np_backward(toks: list[Tok], j: int) -> int:
    """Start index of the noun phrase ending at j (inclusive); j + 1 when there is none."""
    k = j
    if k < 0:
        return j + 1
    head = toks[k]
    if head.text in ("“", "”", "\"", "«", "»", "‘", "’"):
        opener = next((i for i in range(k - 1, max(-1, k - 8), -1) if toks[i].text in QUOTE_PAIRS
                       and head.text in QUOTE_PAIRS[toks[i].text]), None)
        if opener is None:
            return j + 1
        k = opener - 1
    elif head.text == ")" and k >= 2 and toks[k - 2].text == "(":
        k -= 3                                      # "Landesrat Hans Seitinger (ÖVP) bezifferte"
        if k < 0 or not _cap_word(toks[k]):
            return j + 1
        k -= 1
        steps = 0
        while k >= 0 and steps < 4 and _cap_word(toks[k]) and not CAP_ADJ.match(toks[k].text) and \
                _continues_name(toks[k], toks[k + 1]) and (toks[k].lower.endswith(ROLE_SUFFIXES) or
                                                           not _NOUN_LIKE.search(toks[k].lower)):
            k, steps = k - 1, steps + 1
    elif not _cap_word(head):
        return j + 1
    else:
        k -= 1
        if head.lower in GENERIC_REPORTS:
            pass
        else:
            steps = 0                               # "Innenminister Laurent Moreau sagte", "Zeitung Le Monde"
            while k >= 0 and steps < 4 and _cap_word(toks[k]) and not CAP_ADJ.match(toks[k].text) and \
                    _continues_name(toks[k], toks[k + 1]) and (toks[k].lower.endswith(ROLE_SUFFIXES) or
                                                               not _NOUN_LIKE.search(toks[k].lower)):
                k, steps = k - 1, steps + 1
        if k >= 0 and _cap_word(toks[k]) and toks[k].text.endswith("s") and toks[k].lower not in GENERIC_REPORTS:
            k -= 1                                  # "Südkoreas Geheimdienst gab an"
    while k >= 0:
        t = toks[k]
        if t.text == ")" and k >= 2 and toks[k - 2].text == "(":
            k -= 3                                  # "Organisation für Migration (IOM)"
            continue
        if t.lower in ("für", "von") and k > 0 and _cap_word(toks[k - 1]) and k + 1 <= j and _cap_word(toks[k + 1]):
            k -= 2                                  # "Bundesamt für Migration"
            continue
        if _cap_word(t) and k + 1 <= j and toks[k + 1].text in QUOTE_PAIRS:
            k -= 1                                  # "Dem Portal "X" zufolge"
            continue
        if t.lower in ("in", "im") and k > 0 and _cap_word(toks[k - 1]) and \
                _lemma_gen(toks[k - 1].text).endswith(ORG_SUFFIXES):
            k -= 2                                  # "Das Innenministerium in Paris teilte mit"
            continue
        if CAP_ADJ.match(t.text) and k + 1 <= j and _cap_word(toks[k + 1]) and t.lower not in FUNCTION_WORDS:
            k -= 1                                  # "Westliche Diplomaten", "Das Auswärtige Amt"
            continue
        if _adj_like(t) or t.text == "," and k > 0 and _adj_like(toks[k - 1]) or t.lower == "und" and k > 0 and \
                _adj_like(toks[k - 1]) or _cap_word(t) and re.search(r"(isch|al|ert)(e|en|er|es)$|ierten?$", t.text) \
                and k + 1 <= j and _cap_word(toks[k + 1]):
            k -= 1
            continue
        if t.lower in DETERMINERS or t.lower in POSSESSIVES:
            if t.lower in ("des", "der") and k > 0 and _cap_word(toks[k - 1]):
                k -= 2                               # genitive: "Angaben des Militärs zufolge"
                continue
            k -= 1
            break
        break
    return k + 1


# --- normalisation -----------------------------------------------------------------------------


def _gender(noun: str) -> str:
    n = noun.lower()
    if n.endswith(NEUTER):
        return "n"
    if n.endswith(FEMININE) and not n.endswith(MASCULINE):
        return "f"
    return "m"


def _strip_case(noun: str, det: str | None) -> str:
    n = noun
    if det in ("des", "eines") and len(n) > 4:
        if n.endswith("ses") and not n.endswith("sses"):
            return n[:-2]                             # "Krankenhauses" -> "Krankenhaus"
        if n.endswith("nisses"):
            return n[:-3]                             # "Bündnisses" -> "Bündnis"
        if n.endswith("sses"):
            return n[:-2]
        if n.endswith("es") and not n.endswith("ees") and n[-3] not in "aeiouäöü":
            return n[:-2]
        if n.endswith("s") and not n.endswith(("ss", "us")):
            return n[:-1]
    if det in ("den", None) and len(n) > 5:
        if n.endswith(("ern", "eln")):
            return n[:-1]
        if n.endswith("en") and not n.lower().endswith(PLURAL_EN) and n[-3] in "s":
            return n[:-1]                             # "Kreisen" -> "Kreise"
    return n


def _adj_nominative(adj: str, gender: str, plural: bool) -> str:
    stem = re.sub(r"(en|em|er|es|e)$", "", adj)
    if plural or gender == "f":
        return stem + "e"
    return stem + ("es" if gender == "n" else "er")


def normalize(toks: Sequence[Tok]) -> Source | None:
    """A source noun phrase -> Source(name, text, kind)."""
    toks = [t for t in toks if t.text not in ("„", "“", "”", "\"", "«", "»")] or list(toks)
    if not toks:
        return None
    text = " ".join(t.text for t in toks)
    words = list(toks)
    if len(words) > 2 and words[0].lower in DETERMINERS and words[1].lower in INFO_NOUNS:
        words = words[1:]
    # drop info nouns at the front: "Angaben des Militärs" -> "des Militärs"
    while len(words) > 2 and words[0].lower in INFO_NOUNS and words[1].lower in DETERMINERS | {"von", "aus"}:
        words = words[1:]
        if words[0].lower in ("von", "aus"):
            words = words[1:]
    det = words[0].lower if words[0].lower in DETERMINERS else None
    if det:
        words = words[1:]
    if not words:
        return None
    if words[0].lower in ("von", "vom") and len(words) > 3:
        # extended attribute: "(der) von der Hamas kontrollierte Gesundheitsbehörde"
        p = next((k for k in range(1, len(words) - 1) if _adj_like(words[k]) and _cap_word(words[k + 1])), None)
        if p is not None:
            rest = normalize(words[p + 1:])
            if rest:
                adj = _adj_nominative(words[p].text, _gender(rest.name.split()[-1]), False)
                name = " ".join(w.text for w in words[:p]) + f" {adj} {rest.name}"
                return Source(name, text, rest.kind)
    named = _role_name(words, text)
    if named is not None:
        return named
    caps = [t for t in words if _cap_word(t)]
    if len(caps) >= 2 and caps[-1] is words[-1] and caps[-1].text.isupper() and len(caps[-1].text) >= 2:
        return Source(caps[-1].text, text, _kind(text))    # "UN-Flüchtlingshilfswerk UNHCR" -> UNHCR
    return _head_source(words, det, text)


def _role_name(words: list[Tok], text: str) -> Source | None:
    """Names after a role or outlet: "Innenminister Klymenko", "Nachrichtenagentur TASS", "..., Sergej Schoigu"."""
    names: list[str] = []
    seen_role = prev_noun = appos = body = False
    for i, t in enumerate(words):
        if t.text == ",":
            if names:
                break
            appos = seen_role and i + 1 < len(words) and _cap_word(words[i + 1])
            prev_noun = False
            continue
        if _cap_word(t):
            if names and TIME_WORD.match(t.lower) or not names and TIME_WORD.match(t.lower) and seen_role:
                break                                  # "der Sprecher Mittwochabend": a time, no name
            if (prev_noun or appos) and seen_role and not t.lower.endswith(ROLE_SUFFIXES):
                names.append(t.text)
                continue
            if names:
                break
            if t.lower.endswith(ROLE_SUFFIXES):
                seen_role, body = True, t.lower.endswith(BODY_SUFFIXES)
            prev_noun = True
            continue
        if names:
            break
        prev_noun = appos = False
    if names:
        if body or (len(names) == 1 and names[0].isupper()):
            return Source(" ".join(names), text, _kind(text))     # "Nachrichtenagentur TASS"
        return Source(" ".join(names), text, "person")
    return None


def _head_source(words: list[Tok], det: str | None, text: str) -> Source | None:
    """The head noun phrase in the nominative, its genitive or prepositional tail as written."""
    head: list[Tok] = []
    tail: list[Tok] = []
    for t in words:
        if head and t.lower in ("in", "im") and not tail:
            break                                      # "Innenministerium in Paris": the seat is no part of the name
        if head and (t.lower in DETERMINERS or t.lower in ("von", "aus")) or tail:
            tail.append(t)
        else:
            head.append(t)
    compound = INFO_COMPOUND.match(head[0].text) if len(head) == 1 and not tail else None
    if compound and first_part_names_source(prefix := compound.group(1).rstrip("-")):
        return Source(prefix, text, _kind(prefix))     # "Polizeiangaben zufolge" -> Polizei (not "Gesamtangaben":
        #                                                a first part that names no one leaves the phrase below)
    nouns = [t for t in head if _cap_word(t) and not _adj_like_cap(t, head)]
    if not nouns:
        adjs = [t for t in head if SIDE_ADJ.match(t.text)]
        if adjs:                                       # "nach russischen Angaben" -> russische Seite
            return Source(_adj_nominative(adjs[0].text.lower(), "f", False) + " Seite", text, "side")
        return None
    noun = nouns[-1]
    plural = det in ("den",) or det is None and noun.lower.endswith(("ern", "eln")) or \
        noun.lower.endswith(("ungen", "behörden", "kreisen", "kreise", "medien", "quellen", "dienste"))
    base = _strip_case(noun.text, det)
    if base.lower().endswith(("ern", "eln")):
        plural = True
    if det is None and head and head[0] is not noun and head[0].lower.endswith("e") and \
            (_adj_like(head[0]) or _adj_like_cap(head[0], head)) and noun.lower.endswith("en"):
        plural = True                                  # "Westliche Diplomaten", "örtliche Behörden"
    gender = _gender(base)
    out = []
    for t in head:
        if t is noun:
            out.append(base)
        elif _adj_like(t) or _adj_like_cap(t, head):
            out.append(_adj_nominative(t.text, gender, plural))
        else:
            out.append(t.text)
    name = " ".join(out + [t.text for t in tail])
    name = re.sub(r"\s+([,)])", r"\1", re.sub(r"\(\s+", "(", name))
    return Source(name, text, _kind(name))


def _adj_like_cap(t: Tok, phrase: Sequence[Tok]) -> bool:
    """Capitalised adjectives: "US-amerikanischen", "Vereinten", "Westliche" (never the phrase's last word)."""
    return t.is_cap and (re.search(r"(isch|lich|ig)(e|en|er|es|em)$", t.text) is not None or
                         CAP_ADJ.match(t.text) is not None) and t is not phrase[-1]


# What _kind says when nothing in the name tells; entity linking may know better (consolidate/entities.py).
FALLBACK_KIND = "organisation"


_KIND_STEMS = {kind: stems | _HEADS["media"] if kind == "media" else stems
               for kind, stems in table("source_kinds").items()}


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """The names German-language news outlets go by (lang/de/outlets.tsv), lower case, also without their
    article ("Der Spiegel" -> "spiegel")."""
    from ...lang.de.outlets import outlets

    names = {n.lower() for n in outlets().values()}
    return frozenset(names | {n.split(" ", 1)[1] for n in names if n.split(" ", 1)[0] in DETERMINERS})


def _kind(name: str, person: bool = False) -> str:
    n = name.lower()
    for kind, stems in _KIND_STEMS.items():
        if any(s in n for s in stems):
            return kind
    if n in _outlet_names():
        return "media"                                 # "n-tv", "Tagesspiegel": an outlet German news sites go by
    from ...nlp.gazetteer import organisation_kinds

    known = organisation_kinds()
    for word in reversed(name.split()):                    # "TASS", "Sender CNN": the outlet decides
        if word in known:
            return known[word]
    return "person" if person else FALLBACK_KIND


# --- cues in a sentence --------------------------------------------------------------------------


def _source(toks: list[Tok], a: int, b: int) -> Source | None:
    src = normalize(toks[a:b]) if b > a else None
    if src is not None and _is_place(src.name):
        return None                                   # "New Orleans zählte 452.000 Einwohner": a place says nothing
    return src


def unit_cues(doc: Any, units: Sequence) -> Lazy[list[Cue]]:
    """find_cues() of each of a Doc's units, made when first read and kept in the Doc's `user_data` by the
    unit's span: the claims and the events extractor read the cues of the same sentences of an article, which
    are then made once per Doc, not once per extractor. The cues are read, never changed (`attribute` copies
    the sources it returns)."""
    text = doc_text(doc)
    made: dict[tuple[int, int, bool], list[Cue]] = doc.user_data.setdefault("_lagebild_cues", {})

    def make(k: int) -> list[Cue]:
        u = units[k]
        key = (u.start, u.end, bool(u.heading))
        cues = made.get(key)
        if cues is None:
            cues = made[key] = find_cues(text, u.start, u.end, heading=u.heading)
        return cues

    return Lazy(len(units), make)


def find_cues(text: str, start: int, end: int, *, heading: bool = False) -> list[Cue]:
    """All attribution cues in text[start:end] (one sentence or headline)."""
    toks = tokenize(text[start:end], start)
    cues: list[Cue] = []
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.lower
        if low == "laut" and i + 1 < n:
            b = np_forward(toks, i + 1)
            if b > i + 1:
                words = {x.lower for x in toks[i + 1:b]}
                rest = words - DETERMINERS - INFO_NOUNS - GENERIC_REPORTS - VAGUE_ADJ
                side = [x for x in toks[i + 1:b] if x.lower in rest and _adj_like(x) and SIDE_ADJ.match(x.text)]
                if words & INFO_NOUNS and side and all(_adj_like(x) for x in toks[i + 1:b] if x.lower in rest):
                    # "laut russischen Angaben": the Russian side
                    cues.append(Cue("according", t.start, toks[b - 1].end,
                                    Source(_adj_nominative(side[0].lower, "f", False) + " Seite",
                                           text[t.start:toks[b - 1].end], "side")))
                elif not rest or all(_adj_like(x) and not SIDE_ADJ.match(x.text)
                                     for x in toks[i + 1:b] if x.lower in rest) and words & INFO_NOUNS:
                    # "laut ersten Angaben" names no one; "laut Medienberichten" hedges
                    if words & {"berichten", "medienberichten", "schätzungen", "unbestätigten"}:
                        cues.append(Cue("generic", t.start, toks[b - 1].end, None))
                else:
                    cues.append(Cue("according", t.start, toks[b - 1].end, _source(toks, i + 1, b)))
        elif low == "zufolge" and i > 0:
            a = np_backward(toks, i - 1)
            if a <= i - 1:
                words = {x.lower for x in toks[a:i]}
                if words <= GENERIC_REPORTS | DETERMINERS | {"einem", "jüngsten", "neuen", "ersten"} or \
                        words & {"berichten", "medienberichten", "schätzungen"} and len(words) == 1:
                    cues.append(Cue("generic", toks[a].start, t.end, None))
                else:
                    cues.append(Cue("according", toks[a].start, t.end, _source(toks, a, i)))
        elif low == "nach" and i + 1 < n:
            cue = _nach_cue(toks, i)
            if cue:
                cues.append(cue)
        elif low == "in" and i + 2 < n:
            cue = _estimate_cue(toks, i)
            if cue:
                cues.append(cue)
        elif low in SPEECH_VERBS:
            cue = _speech_cue(toks, i, start)
            if cue:
                cues.append(cue)
        elif low == "so" and i > 0 and toks[i - 1].text == "," and i + 1 < n:
            b = np_forward(toks, i + 1)
            if b > i + 1 and (b >= n or toks[b].text in (".", ",", ";", "“", "\"")):
                cues.append(Cue("speech", toks[i - 1].start, toks[b - 1].end, _source(toks, i + 1, b), verb="so"))
    if heading:
        cue = _heading_cue(text, start, end)
        if cue:
            cues.append(cue)
    return cues


def _nach_cue(toks: list[Tok], i: int) -> Cue | None:
    """``nach Angaben des X``, ``nach X-Angaben``, ``nach russischen Angaben``, ``nach eigenen Angaben``."""
    n = len(toks)
    k = i + 1
    adjs = []
    while k < n and _adj_like(toks[k]) and k < i + 4:
        adjs.append(toks[k])
        k += 1
    if k >= n or not toks[k].is_cap:
        return None
    noun = toks[k].lower.replace("-", "")
    info = max((s for s in INFO_NOUNS if noun.endswith(s)), key=len, default=None)   # Einschätzungen, not -schätzungen
    if not info or noun in ("kreisen", "quellen") and not adjs:
        return None
    prefix = toks[k].text[: len(toks[k].text) - len(info)].rstrip("-") if noun != info else ""
    end = k + 1
    src = None
    if end < n and toks[end].lower in _FUNCTION["source_link"]:
        j = end + 1 if toks[end].lower in ("von", "aus") else end
        b = np_forward(toks, j)
        if b > j:
            src, end = _source(toks, j, b), b
    elif end + 1 < n and _adj_like(toks[end]) and toks[end].lower.endswith("er") and _cap_word(toks[end + 1]):
        b = np_forward(toks, end)                    # "nach Erkenntnissen westlicher Geheimdienste"
        if b > end:
            src, end = _source(toks, end, b), b
    if src is None and prefix and len(prefix) > 1:
        src = Source(prefix if prefix.isupper() else prefix[0].upper() + prefix[1:], toks[k].text, _kind(prefix))
    if src is None and adjs and adjs[-1].lower not in NO_SIDE_ADJ:
        side = next((a for a in adjs if SIDE_ADJ.match(a.text)), None)
        if side:
            src = Source(_adj_nominative(side.lower, "f", False) + " Seite", f"nach {side.text} {toks[k].text}", "side")
    if src is None and adjs and adjs[-1].lower == "eigenen":
        b = np_forward(toks, 0)                      # "Israels Armee hat nach eigenen Angaben ..."
        if b > 0 and b <= i:
            src = _source(toks, 0, b)
            if src:
                return Cue("according", toks[i].start, toks[k].end, src)
    if src is None and not adjs:
        return Cue("generic", toks[i].start, toks[k].end, None) if info in ("berichten", "schätzungen") else None
    if src is None:
        return None
    return Cue("according", toks[i].start, toks[end - 1].end, src)


def _estimate_cue(toks: list[Tok], i: int) -> Cue | None:
    """``In südkoreanischen und ukrainischen Schätzungen wird von ... gesprochen``."""
    k = i + 1
    n = len(toks)
    while k < n and (_adj_like(toks[k]) or _adj_like_cap(toks[k], toks[k:k + 2]) or toks[k].text == ","
                     or toks[k].lower == "und"):
        k += 1
    if k >= n or k == i + 1:
        return None
    noun = toks[k].lower
    if not noun.endswith(("schätzungen", "berichten", "angaben", "einschätzungen", "medien", "kreisen", "quellen")):
        return None
    src = Source(" ".join(_adj_nominative(t.text, "f", True) if t.text not in (",", "und") else t.text
                          for t in toks[i + 1:k]).replace(" ,", ",") + " " + toks[k].text, None, "estimate")
    src.text = " ".join(t.text for t in toks[i:k + 1])
    return Cue("estimate", toks[i].start, toks[k].end, src)


def _speech_cue(toks: list[Tok], i: int, unit_start: int) -> Cue | None:
    """``sagte X``, ``teilte X mit``, ``X gab an``, ``wie X berichtete``, ``Das heißt es aus X``,
    ``In Nürnberg zählte die Polizei``, ``2023 hatte das Bundesamt ... gezählt``."""
    n = len(toks)
    verb = toks[i]
    denial = verb.lower.startswith(("bestr", "dement", "wies", "weist", "wiesen"))
    prev = toks[i - 1] if i > 0 else None
    # relative clause with "wie": "wie TASS berichtete"
    if prev is not None and prev.lower == "wie":
        return None                                   # handled from the subject side below
    if verb.lower in ("geht", "ging", "gehen", "gingen") and not any(
            t.lower in ("aus", "hervor") for t in toks[i + 1:] if t.text not in (",", ";")):
        return None                                   # "gehen davon aus" assumes; "gingen auf die Straße" does not
    if verb.lower.startswith("zähl") and prev is not None and prev.lower in PLACE_NOUNS:
        return None                                   # "Die Stadt zählt 16.000 Einwohner": has, not counted
    particle = SPEECH_VERBS.get(verb.lower)
    if particle and not any(t.lower in particle.split("|") for t in toks[i + 1:]):
        return None                                   # "gibt es für 2 Cent" is no "gibt an"; "teilte ... mit"
    inverted = prev is None or prev.text in (",", "„", "“", "\"", ":", "»", "«") or \
        prev.lower in _FUNCTION["before_verb"] or _fronted(toks, i)
    if verb.lower in ("hieß", "heißt"):
        k = i + 1
        if k < n and toks[k].lower == "es":
            k += 1
        while k < n and toks[k].lower in ("weiter", "zudem", "auch", "am", "dazu"):
            k += 1
        if k < n and toks[k].lower in ("aus", "von", "in", "im", "bei", "seitens"):
            j = k + 1
            b = np_forward(toks, j)
            if b > j:
                return Cue("anaphoric" if prev is not None and prev.lower in ("das", "dies", "so") else "speech",
                           (prev or verb).start, toks[b - 1].end, _source(toks, j, b), denial)
        return None
    if inverted:
        k = i + 1
        b = np_forward(toks, k)
        if b > k and not re.fullmatch(r"[\d.,]+", toks[k].text):
            kind = "anaphoric" if prev is not None and prev.lower in ("das", "dies", "dieses") else "speech"
            end = toks[b - 1].end
            return Cue(kind, (prev if kind == "anaphoric" and prev is not None else verb).start, end,
                       _source(toks, k, b), denial, verb.lower)
        if prev is not None and prev.text not in (",", ":"):
            return _aux_subject(toks, i, denial)
        return None
    # subject before the verb: "Südkoreas Geheimdienst gab im April an, dass ..."; "wie X berichtete"
    j = i - 1
    a = np_backward(toks, j)
    if a <= j:
        before = toks[a - 1] if a > 0 else None
        if before is None or before.text in (",", ":", "„", "“", "\"") or before.lower in ("wie", "und"):
            kind = "relay" if before is not None and before.lower == "wie" else "speech"
            return Cue(kind, (before if kind == "relay" and before is not None else toks[a]).start, verb.end,
                       _source(toks, a, i), denial, verb.lower)
    return _aux_subject(toks, i, denial)


def _fronted(toks: list[Tok], i: int) -> bool:
    """Is the verb at i the second constituent after a fronted adverbial ("In Nürnberg zählte ...",
    "Am Mittwoch sagte ...")? Then its subject follows it."""
    c = max([0] + [k + 1 for k in range(max(0, i - 9), i) if toks[k].text in (":", ";")])   # "...: In Nürnberg"
    if i - c < 2 or i - c > 8 or toks[c].lower not in FRONTED:
        return False
    return not any(t.text in (",", ";", ":", "„", "“", "\"") or t.lower in SPEECH_VERBS or t.lower in AUXILIARIES
                   for t in toks[c + 1:i])


def _aux_subject(toks: list[Tok], i: int, denial: bool) -> Cue | None:
    """The subject of a perfect ("Das Bundesamt hat 329.120 Anträge gezählt", "2023 hatte das Bundesamt ...
    gezählt"): next to the auxiliary of the participle at i."""
    verb = toks[i]
    j = i - 1
    while j >= 0 and j > i - 16 and toks[j].text not in (",", ";", ":") and toks[j].lower not in AUXILIARIES:
        j -= 1
    if j < 0 or toks[j].lower not in AUXILIARIES:
        return None
    if j > 0 and toks[j - 1].text not in (",", ";", ":"):
        a = np_backward(toks, j - 1)                  # "Das Bundesamt hat ... gezählt"
        if a <= j - 1 and (a == 0 or toks[a - 1].text in (",", ":")):
            return Cue("speech", toks[a].start, toks[j].end, _source(toks, a, j), denial, verb.lower)
    b = np_forward(toks, j + 1)                        # "2023 hatte das Bundesamt ... gezählt"
    if b > j + 1 and not re.fullmatch(r"[\d.,]+", toks[j + 1].text) and (
            toks[j + 1].lower in DETERMINERS or toks[j + 1].lower not in FUNCTION_WORDS):
        return Cue("speech", toks[j].start, toks[b - 1].end, _source(toks, j + 1, b), denial, verb.lower)
    return None


def _heading_cue(text: str, start: int, end: int) -> Cue | None:
    """``Behörden: Mindestens 14 Tote`` -> Behörden; ``Ukraine-Krieg: ...`` is a topic, not a source."""
    m = re.match(r"\s*([^:\n]{2,40}?):\s*\S", text[start:end])
    if not m:
        m = re.search(r"\S\s[–—-]\s*([^–—:\n]{2,40})$", text[start:end])   # "... – Hamas-Behörde"
        if not m or not all(w[:1].isupper() for w in m.group(1).split()):
            return None
    prefix = m.group(1).strip()
    words = prefix.split()
    if len(words) > 4 or not all(w[:1].isupper() or w.lower() in ("und", "von", "der", "des") for w in words):
        return None
    if TOPIC_PREFIXES.search(words[-1]) or re.search(r"\d", prefix) or prefix.lower() in GENERIC_PREFIXES:
        return None
    if _is_place(prefix):
        return None                                   # "Mittelmeer: 41 Migranten ertrunken" names a place
    src = normalize(tokenize(prefix, start + m.start(1)))
    if src is None:
        return None
    return Cue("heading", start + m.start(1), start + m.end(1), src)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every name of geo's countries (capitals and seats included), lower case."""
    from ...geo.countries import countries

    return frozenset(n.lower() for c in countries() for n in c.names)


def _is_place(name: str) -> bool:
    """A place that is no government's metonym: "Mittelmeer", "Lyon", "Bayern" (but "Kiew", "Moskau", "Kreml",
    "Russland" speak for a state)."""
    from ..measures import _gazetteer

    low = name.lower()
    return low not in _country_names() and low in _gazetteer()


# --- the figure's attribution ------------------------------------------------------------------


_QUOTE_CHARS = re.compile(r"[„«»“\"]")


@lru_cache(maxsize=64)
def quote_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Quotations in text[start:end] (a paragraph), as (inner start, inner end); cached, as every figure of a
    paragraph asks."""
    spans = []
    i = start
    while True:
        m = _QUOTE_CHARS.search(text, i, end)
        if not m:
            break
        i = m.start()
        closers = QUOTE_PAIRS[text[i]]
        j = min((k for k in (text.find(c, i + 1, end) for c in closers) if k >= 0), default=-1)
        if j >= 0 and j - i > 12:
            spans.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return tuple(spans)


def attribute(text: str, units: Sequence, i: int, pos: int, cues: Sequence[Sequence[Cue]]) -> Attribution:
    """Attribution of the figure at char offset pos in units[i].

    `units` are sentence-like objects with .start, .end, .paragraph, .heading;
    `cues[k]` holds find_cues() of units[k].
    """
    unit = units[i]
    own = [c for c in cues[i] if c.kind != "anaphoric" and not (c.start <= pos < c.end)]
    result = Attribution()
    seg = text[unit.start:unit.end]
    # figures inside a quotation: its speaker comes first
    speaker, where = _quote_speaker(text, units, i, pos, cues)
    primary: list[Cue] = []
    relays: list[Cue] = []
    if speaker:
        primary.append(speaker)
        if where != i:
            relays.extend(c for c in cues[where] if c.kind == "relay" and c.source and c is not speaker)
    sourced = [c for c in own if c.source and c.kind in ("according", "estimate", "speech", "heading", "relay")]
    if sourced:
        # the figure's own clause first; there "laut X" beats "sagte Y", which beats a passing-on "berichtet Z"
        rank = {"according": 0, "estimate": 0, "speech": 1, "relay": 2, "heading": 3}
        sourced.sort(key=lambda c: (not _same_clause(text, c, pos), c.relays and c.kind != "according",
                                    rank[c.kind], abs(c.start - pos)))
        primary.append(sourced[0])
        relays.extend(c for c in sourced[1:] if c.relays)
    # the next sentence names the source: "Das teilte X mit."
    nxt = _next_anaphoric(units, i, cues)
    if nxt is not None:
        if not primary or primary[0].source and primary[0].source.kind == "side" and nxt.source:
            primary.insert(0, nxt)
        elif nxt.source and all(nxt.source.name != c.source.name for c in primary if c.source):
            relays.append(nxt)
    # reported speech going on ("Es gebe hunderte Tote."), "Demnach ...": the source of the sentences before;
    # the Konjunktiv must speak of the figure: in its clause or the sentence's first ("Betroffen seien die Werke,
    # wo 5.000 arbeiten"), not in a "dass" clause after it ("Lorenz, die 11.200 Euro fordert, ist überzeugt,
    # dass ... habe": Lorenz speaks)
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,;:]+", seg)] or [(0, len(seg))]
    own_part = next((seg[a:b] for a, b in parts if a <= pos - unit.start < b), seg)
    if not primary and (REPORTED.search(own_part) or REPORTED.search(seg[parts[0][0]:parts[0][1]])
                        or ONWARD.search(seg)):
        k = i - 1
        while k >= 0 and k >= i - 3 and units[k].paragraph == unit.paragraph:
            prev = [c for c in cues[k] if c.source and c.kind != "anaphoric"]
            if prev:
                primary.append(prev[0])
                break
            if not REPORTED.search(text[units[k].start:units[k].end]):
                break
            k -= 1
    # an item of a list takes the source of the line that introduces the list ("Die Behörden nannten:")
    if not primary and LIST_ITEM.match(seg):
        k = i - 1
        while k >= 0 and k >= i - 30 and LIST_ITEM.match(text[units[k].start:units[k].end]):
            k -= 1
        if k >= 0 and text[units[k].start:units[k].end].rstrip().endswith(":"):
            intro = [c for c in cues[k] if c.source and c.kind in ("according", "estimate", "speech", "relay")]
            if intro:
                primary.append(intro[0])
    seen: set[str] = set()
    for c in primary + relays:
        if c.source and c.source.name not in seen:
            seen.add(c.source.name)
            result.sources.append(Source(c.source.name, c.source.text, c.source.kind))
            result.spans.append((c.start, c.end))
    if primary and relays and result.sources and len(result.sources) > 1:
        result.sources[0].relayed_by = result.sources[1].name
    # hedging: in the figure's own sentence only (a subheading's hedge stays with its figures)
    result.sentence_hedged = bool(SENTENCE_HEDGES.search(seg)) or any(c.kind == "generic" for c in cues[i]) or (
        i + 1 < len(units) and units[i + 1].paragraph == unit.paragraph and not units[i].heading
        and UNVERIFIED.search(text[units[i + 1].start:units[i + 1].end]) is not None)
    result.hedged = result.sentence_hedged or bool(HEDGES.search(seg))
    if DENIAL.search(seg):
        result.stance = "denied"
    elif nxt is not None and nxt.denial:
        result.stance = "disputed"
    return result


def _same_clause(text: str, cue: Cue, pos: int) -> bool:
    between = text[cue.end:pos] if cue.end <= pos else text[pos:cue.start]
    return not re.search(r"[,;:]", between)


def _next_anaphoric(units: Sequence, i: int, cues: Sequence[Sequence[Cue]]) -> Cue | None:
    if i + 1 < len(units) and units[i + 1].paragraph == units[i].paragraph:
        for c in cues[i + 1]:
            if c.kind == "anaphoric" and c.source:
                return c
    return None


def _quote_speaker(text: str, units: Sequence, i: int, pos: int,
                   cues: Sequence[Sequence[Cue]]) -> tuple[Cue | None, int]:
    """The speaker of the quotation the figure stands in, named after or before it."""
    unit = units[i]
    para = [k for k in range(len(units)) if units[k].paragraph == unit.paragraph]
    p_start, p_end = units[para[0]].start, units[para[-1]].end
    for qs, qe in quote_spans(text, p_start, p_end):
        if not qs <= pos < qe:
            continue
        for k in para:
            for c in cues[k]:
                if c.source and c.kind in ("speech", "relay") and (qe <= c.start <= qe + 6 or
                                                                   qs - 60 <= c.end <= qs):
                    return c, k
        return None, i
    return None, i
