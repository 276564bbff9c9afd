"""Stories: articles about one event or development, across outlets, clustered.

A dossier holds many stories; each article belongs to one. Two articles are one
story when they share what carries an event in German news: its nouns and
names (German capitalises both: "Erdbeben", "Marokko", "Innenministerium"),
the places and actors the entity extractor found, and a time not too far apart.

How (measured in benchmarks/stories_eval.py on 1,028 real derStandard articles):

* terms of an article: its capitalised words outside sentence starts (a
  sentence-initial word counts when the article never writes it lower-case),
  stemmed (CISTEM, Weissweiler & Fraser 2017) so that "Erdbebens" and "Erdbeben"
  are one term, names included ("Hofer" is a word of the article as well as an
  entity); words of the title, or of an untitled article's first two sentences
  (headline, teaser, lead), count twice; the parts of a compound that the dossier
  writes as words of their own ("Bundespräsidentenwahl": Bundespräsident, Wahl);
  plus one term per entity mention (a gazetteer id or country code where the
  extractor gave one, so "Kiew" and "Kyjiw" are one term; none for its other names,
  OTHER_NAME: too few of those are right to be shared) and one per country a
  place lies in; those two country terms weigh COUNTRY_WEIGHT (the country's name
  counts as a word already: without it, two stories of one topic in one country met
  on the country alone); not the words of the outlet's sentences - a sentence naming
  nothing written verbatim in OUTLET_DOCS articles of the dossier or more (a note
  under its agency reports: `outlet_sentences`), which met reports of any story;
* weights: sublinear term frequency x IDF over the dossier (smoothed by
  PRIOR_DOCS empty pseudo-documents, so that a small dossier of one story does
  not weigh its own words down to zero), L2-normalised, the TOP_TERMS
  heaviest kept;
* group-average agglomerative clustering: the two stories whose articles are
  most similar on average (mean cosine, after a decay for the days between the
  two stories' time spans) merge while that mean is at least THRESHOLD. The
  mean over pairs is the dot product of the stories' vector sums over the
  product of their sizes, so a story's vector sum (its centroid) and size are
  all a later build needs: the centroids and document frequencies are the index
  (`StoryIndex`) the store keeps, and new articles join stored stories or open
  new ones by the same rule, without the dossier being clustered again. The
  stored stories a new article reaches (it would join each alone) are clustered
  again with the new articles from their articles' vectors (a stored story cannot
  split: a later report fitting part of it, or bridging it with another story
  begun in another build, would leave the stories as the builds' order made
  them), and two stored stories merge once one of them changed and their
  similarity reaches the threshold: so successive builds come close to one pass
  over all their articles (training/REALNEWS_EVAL.md 9.0d). Two stored stories
  that did not change keep the similarity they had, below the threshold, and
  are not compared again. Unlike joining articles one by one, the result does
  not depend on the order articles come in;
* two single articles whose places lie in different countries never merge
  (`place_factor`): they met on the event's words alone (two explosions, one
  in a German town, one in an Afghan city). A story of several articles is
  not weighed so: its reports from abroad (reactions, the other side) share
  no country with some of its others. But a story and a report (or two
  stories) that both name something and name nothing in common (no person,
  organisation or place below the country; countries, a country's institutions,
  news agencies, continents and the EU aside: `situation_names`) keep UNNAMED_APART_FACTOR of their
  similarity, in one country or two: one occurrence's reports name its actors
  and places in common; two protests of nationalists, two security holes of two
  vendors or two forecasts of two institutes share only the kind of event.

A story's title is its main event noun, main place and month: "Erdbeben in
Marokko, September 2023" (no dates, no date in the title). Its id is made
from the title when the story is opened and never changes: a story clustered
again hands it to the story opened now that holds most of its articles, a
story merged into another goes (the larger, then the older keeps its id), and
no story opened in that build takes the id of one that went; the title changes
only when the story's articles do (the index keeps it).
"""
from __future__ import annotations

import bisect
import hashlib
import heapq
import logging
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse
from operator import attrgetter, itemgetter
from typing import Any

import numpy as np

from ..model import Article, Mention, Story, TimeExpression

log = logging.getLogger(__name__)

VERSION = 10            # of the terms and the clustering: a stored index of another version is rebuilt
THRESHOLD = 0.09         # mean cosine between two stories' articles needed to merge them
PRIOR_DOCS = 20          # empty pseudo-documents in the IDF: a term in every article of a small dossier keeps weight
TOP_TERMS = 150          # heaviest terms kept per article vector (speed; the tail carries little)
CENTROID_TERMS = 200     # heaviest terms kept per story centroid in the index
SAME_TIME_DAYS = 7       # days beyond a story's span at which its similarity is still undiminished
DECAY_DAYS = 21.0        # then it halves every DECAY_DAYS more (a story quiet for six weeks or more is over)
LEAD_SENTENCES = 2       # of an article without a title: its first sentences (headline, teaser, lead) count as one
TITLE_WEIGHT = 2         # a title word counts this often
ENTITY_WEIGHT = 1        # an entity mention counts this often
COUNTRY_WEIGHT = 0.5     # a country's entity and country-of-a-place terms weigh this much (the name is a word too)
MIN_COMPOUND = 5         # shortest stem counted as the first part of a compound for a title
MIN_WORD = 3             # shorter capitalised words (abbreviations like "EU" come in through the entity terms)
MIN_PART = 4             # shortest part of a compound counted as a term of its own ("Wahl", not "Amt")
PART_WEIGHT = 1.0        # a compound's part counts this often (the compound itself counts once as well)
BLOCK_TERMS = 10         # a story is looked up (blocking) by its this many heaviest terms ...
BLOCK_NODES = 50         # ... each of which is in no more stories than this while clustering
APART_FACTOR = 0.0       # similarity kept of two single reports set in different countries only (place_factor)
UNNAMED_APART_FACTOR = 0.5   # ... and of two stories that name nothing in common (_factor)
OUTLET_DOCS = 3          # articles of the dossier a sentence naming nothing is in verbatim to be the outlet's ...
OUTLET_WORDS = 6         # ... of this many words at least (`outlet_sentences`)
# The entity extractor's class of other names (works, products, events: GermEval's OTH) gives no entity term: its
# mentions are the least reliable (test F1 35, against 65-69 for persons and places; training/RESULTS.md), mostly
# spans no other report writes alike - on 1,028 derStandard rows 552 keys, 27 of them in two articles or more - so a
# term of theirs weighs on the article's vector without being shared; the words in them count as nouns all the same
OTHER_NAME = "OTH"
PERSON = "PER"           # the extractor's label of a person's name: one named in full has its surname's key too

_WORD = re.compile(r"[^\W\d_]+")
_BOUNDARY = set(".!?:;\n\u2013\u2014|")     # what may precede a sentence (or headline, or dateline) start
_OPEN = set(" \t\r\"'„“”‚‘’»«()[]-")
_DOUBLE = re.compile(r"(.)\1")       # CISTEM marks a doubled letter as one letter and a star ...
_STARRED = re.compile(r"(.)\*")      # ... and doubles it again after stripping (a function replaces: faster)


def _starred(m: re.Match[str]) -> str:
    return m.group(1) + "*"


def _doubled(m: re.Match[str]) -> str:
    return m.group(1) * 2


# --- terms -----------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 18)
def cistem(word: str) -> str:
    """CISTEM stem of a German word (Weissweiler & Fraser 2017), case-insensitive variant.

    Strips inflection suffixes (-em, -er, -nd, -t, -e, -s, -n) after folding umlauts, so
    "Flüchtlinge", "Flüchtlingen" and "Flüchtlings" share the stem "flucht" + "ling".
    The stem is always the folded word (less a "ge-" stripped off a word of six letters or more) cut after three
    letters or more: `KnownStems` skips the words whose first letters begin no known stem on that ground (a stripped
    prefix or a replaced letter would break it: tests/test_stories.py,
    test_known_stems_reject_only_pieces_without_a_known_stem)."""
    w = word.casefold().replace("ü", "u").replace("ö", "o").replace("ä", "a").replace("ß", "ss")
    if w.startswith("ge") and len(w) >= 6:
        w = w[2:]
    w = w.replace("sch", "$").replace("ie", "&").replace("ei", "%")
    w = _DOUBLE.sub(_starred, w)
    while len(w) > 3:
        if len(w) > 5 and w[-2:] in ("em", "er", "nd"):
            w = w[:-2]
        elif w[-1] in "tesn":
            w = w[:-1]
        else:
            break
    w = _STARRED.sub(_doubled, w)
    return w.replace("%", "ei").replace("&", "ie").replace("$", "sch")


def _initial(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence, a headline or a dateline."""
    i = start - 1
    while i >= 0 and text[i] in _OPEN:
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _BOUNDARY


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _skip_spans(times: Iterable[TimeExpression], mentions: Iterable[Mention]) -> list[tuple[int, int]]:
    return sorted({(t.start, t.end) for t in times} | {(m.start, m.end) for m in mentions})


def nouns(article: Article, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[str, str, int]]:
    """(stem, word as written, offset) of the article's capitalised content words.

    German capitalises nouns and names, so a capitalised word that does not begin a
    sentence is one; one that does counts when the article never writes it lower-case
    ("Laut" at a sentence start). Function words (spaCy's German stop words: "Die",
    "Nachdem", the polite "Sie") are none anywhere. Words inside `skip` (entity
    mentions, time expressions: they become terms of their own or none) are left out."""
    text = article.text
    stop = _stop_words()
    words = _WORD.findall(text)
    lower = {w.casefold() for w in set(words) if w[0].islower()}
    out = []
    start = 0
    # each word's offset: the next place it is written (only non-letters lie between words). A word without a
    # capital (islower) is no noun; nor can a word with one be found inside it, so the search for the next such
    # word may begin before it (most words are these: finding each, then looping over them, was most of the time)
    for w in filterfalse(str.islower, words):
        start = text.find(w, start)
        if len(w) >= MIN_WORD and w[0].isupper() and not w.isupper():
            folded = w.casefold()
            if not (folded in stop or (folded in lower and _initial(text, start))):
                out.append((cistem(w), w, start))
        start += len(w)
    return _outside(out, skip) if skip else out


def _outside(found: Sequence[tuple[str, str, int]], skip: Sequence[tuple[int, int]]) -> list[tuple[str, str, int]]:
    """The nouns of `found` (in text order) that begin in none of the sorted spans `skip`: whether a word is
    a noun does not depend on the spans, so `nouns` with more spans skipped need not read the text again."""
    out = []
    k = 0
    for item in found:
        start = item[2]
        while k < len(skip) and skip[k][1] <= start:
            k += 1
        if not (k < len(skip) and skip[k][0] <= start < skip[k][1]):
            out.append(item)
    return out


def unnamed_sentences(text: str, mentions: Sequence[Mention] = ()) -> list[tuple[int, int, str]]:
    """(start, end, key) of the text's sentences of OUTLET_WORDS words or more that name nothing (no entity mention
    begins in them), split where `_lead_end` splits (".", "!", "?", line ends); the key is the sentence's words as
    written (spaces aside), hashed: the same sentence has the same key in any article and any build."""
    named = sorted(m.start for m in mentions)
    out = []
    start = 0
    for m in re.finditer(r"[.!?\n]", text):
        words = text[start:m.end()].split()
        if len(words) >= OUTLET_WORDS and bisect.bisect_left(named, start) == bisect.bisect_left(named, m.end()):
            out.append((start, m.end(), hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()))
        start = m.end()
    return out


def outlet_sentences(found: Sequence[tuple[int, int, str]], counts: Mapping[str, int]) -> list[tuple[int, int]]:
    """The spans of the sentences naming nothing (`unnamed_sentences`) that are the outlet's, not the story's:
    written verbatim in OUTLET_DOCS articles of the dossier or more (`counts`: sentence key -> articles), where it
    is the only sentence of the article written in another. An outlet's note repeated under many reports ("the
    full text of this agency report is no longer available") shares its words with every report it stands under,
    whatever their stories; the copies of one agency report that several outlets print share many sentences."""
    # a copy of one report printed by several outlets (an agency's) repeats several of its sentences, the wire
    # text's: they are its story's, even where they name nothing ("Die Zahl der Toten stieg auf 50."); an outlet's
    # note is the one sentence a report shares with others
    if sum(counts.get(key, 0) >= 2 for _, _, key in found) > 1:
        return []
    return [(a, b) for a, b, key in found if counts.get(key, 0) >= OUTLET_DOCS]


def article_terms(article: Article, mentions: Sequence[Mention] = (),
                  times: Sequence[TimeExpression] = (), known: Callable[[str], bool] | None = None,
                  found: Sequence[tuple[str, str, int]] | None = None,
                  compounds: dict[str, tuple[str, ...]] | None = None,
                  stems: dict[str, str | None] | None = None) -> dict[str, float]:
    """The weighted terms of one article: noun stems (names too: "Hofer" counts as a word as well as
    an entity), with `known` the parts of its compounds that are known stems (compound_parts),
    entity keys ("@country:MA"; a person named only in full the surname's too, `_surname_keys`), countries
    ("@in:MA"). `found`: its nouns outside `times` where known;
    `compounds`: word -> compound_parts, and `stems`: its memo, shared by calls with one `known`."""
    title_end = _title_end(article)
    terms: dict[str, float] = defaultdict(float)
    if found is None:
        found = nouns(article, _skip_spans(times, ()))
    for stem, _, start in found:
        terms[stem] += TITLE_WEIGHT if start < title_end else 1
    if known is not None:
        _add_parts(terms, article, found, known, compounds, stems)
    for m in mentions:
        if (m.label or "").upper() == OTHER_NAME:
            continue
        above = _above_country(m.text)
        key = _written_key(m.text) if above else entity_key(m)
        if key:
            terms[key] += ENTITY_WEIGHT
        if m.country and not above and not (m.ref or "").startswith("country:"):
            terms[f"@in:{m.country}"] += 1
    for key in _surname_keys(mentions, terms):
        terms[key] += ENTITY_WEIGHT
    return terms


def _title_end(article: Article) -> int:
    return len(article.title) if article.title and article.text.startswith(article.title) \
        else _lead_end(article.text, LEAD_SENTENCES)


def _add_parts(terms: dict[str, float], article: Article, found: Sequence[tuple[str, str, int]],
               known: Callable[[str], bool], compounds: dict[str, tuple[str, ...]] | None = None,
               stems: dict[str, str | None] | None = None) -> dict[str, float]:
    """`terms` (a defaultdict(float)) with the known parts of the compounds among the nouns `found` added
    (`article_terms`): the same sums in any order, each weight a whole number."""
    title_end = _title_end(article)
    parts: dict[str, tuple[str, ...]] = {} if compounds is None else compounds
    for _, word, start in found:
        if word not in parts:
            parts[word] = compound_parts(word, known, stems)
        for p in parts[word]:
            terms[p] += PART_WEIGHT * (TITLE_WEIGHT if start < title_end else 1)
    return terms


# A country is named three times over in an article's terms: its name as a word ("Griechenland"), its entity
# ("@country:GR") and the country of each place in it ("@in:GR" for Idomeni, Athen, Lesbos); every story there shares
# them, so that two stories of one topic in one country (two border camps, two elections) would meet on the country
# alone. Its entity and place-country terms count COUNTRY_WEIGHT each (`StoryIndex.vector`); towns, persons,
# organisations and words count fully.
_COUNTRY_TERMS = ("@country:", "@in:")


def entity_key(m: Mention) -> str | None:
    """One key per real-world thing where the extractor knows it (gazetteer id, country code,
    organisation key), else the stemmed words of the name."""
    return "@" + m.ref if m.ref else _written_key(m.text)


@lru_cache(maxsize=1 << 16)
def _above_country(text: str) -> bool:
    """Whether a mention written `text` names a part of the world above the country (lang/de/supranational_areas.txt:
    "Balkan", "Afrika", "EU"). German news means the region by it, whatever place of that spelling the gazetteer
    holds (a province "Balkan" in Turkmenistan) or whichever country the extractor gave it from its sentence: its
    key is the one written (`situation_names` leaves it out) and it places the article in no country."""
    return _supranational_key(_written_key(text) or "")


def _surname_keys(mentions: Sequence[Mention], terms: Mapping[str, float]) -> list[str]:
    """The keys of the surnames of the persons an article names only in full (not among its `terms` yet), in order.

    A German report names a person in full once ("Angela Merkel", "Kanzlerin Merkel"), then by the surname alone;
    a headline, a teaser or a short follow-up names him only so ("Merkel warnt vor Alleingängen"). A report that
    gives only the full name shares no key with that one, though both name one person: with the surname's key it
    does, as the reports that name him both ways do (`_named`: a name in common). The full name's key stays: all
    of a person's mentions made one surname key instead, a head of government's many reports - each naming him in
    full and by surname - met on one heavier key, and the successive builds agreed less with one pass."""
    surnames = {_written_key(_surname(m.text) or "") for m in mentions
                if (m.label or "").upper() == PERSON and not m.ref}
    return sorted(k for k in surnames if k and k not in terms)


_ROMAN = re.compile(r"[IVXLC]+")
# A last word of a name under MIN_SURNAME letters may be no surname: a syllable of an East Asian given name ("Kim Jong
# Un", "Moon Jae In"), or a word the name's span took in by mistake (a pronoun: "Es"; an abbreviation: "UN") - whose
# key is an abbreviation's ("@un": an unresolved "UN"), which would make a Kim story and a UN story name one thing.
# A two-letter surname ("Oz", "Ak", "Su") is still one.
MIN_SURNAME = 3
SYLLABLE = 4             # longest word counted as a syllable of an East Asian given name written apart ("Jong", "Jae")
FAMILY_SYLLABLE = 5      # ... after a listed family name (lang/de/east_asian_family_names.txt: "Lee Jae Myung")
# One syllable of a romanised Korean or Chinese given name (Revised Romanisation, McCune-Reischauer, Pinyin,
# Wade-Giles):
# at most one initial consonant (or a digraph: "Ch", "Sh", "Zh", "Ts", "Hs", a Korean double consonant), a glide "w",
# one group of vowels ("ae", "eu", "yeo", "iao") and a final "n", "ng", "m", "l", "k", "p", "t", "b" or "g" ("Geun",
# "Hye", "Myung", "Sub", "Xiao"). German and English names seldom have that shape: an initial cluster ("Kraus",
# "Graf"), two vowels apart ("Bauer", "Vogel", "Anna") or another final ("Roth", "Fuchs", "Wolf").
_ROMANISED_SYLLABLE = re.compile(
    r"(?:ch|sh|zh|ts|tz|hs|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstxyz])?w?[aeiouy]+(?:ng|[nmlkptbg])?", re.IGNORECASE)


def _surname(text: str) -> str | None:
    """A person's surname as written: the last word of a name of two words or more, as a report writes it alone
    ("Ursula von der Leyen" -> "Leyen"; a double surname whole: "Annegret Kramp-Karrenbauer" ->
    "Kramp-Karrenbauer"; a lower-case particle joined to it dropped: "Baschar al-Assad" -> "Assad"). A generation's
    abbreviation or a regnal number after it is no surname ("Martin Luther King Jr." -> "King"; "Ludwig II.": none,
    a first name is left), nor a lower-case word after it (a preposition the name's span took in: "... zu"); a name
    of one word has none of its own.

    East Asian names put the family name first (`_east_asian_family_name`: "Kim Jong Un", "Kim Jong-un" -> "Kim").
    Another short last word is the surname ("Lior Oz" -> "Oz") unless the span took it in by mistake: a function
    word ("Tobias Es") gives none, a short abbreviation in capitals is dropped ("Tobias Brandt UN" -> "Brandt")."""
    words = text.split()
    while words and (words[-1].endswith(".") or _ROMAN.fullmatch(words[-1].rstrip(".,")) or words[-1].islower()
                     or (len(words[-1]) < MIN_SURNAME and words[-1].isupper())):
        words.pop()
    if len(words) < 2:
        return None
    family = _east_asian_family_name(words)
    if family:
        return family
    prefix, _, rest = words[-1].partition("-")
    last = rest if rest and prefix.islower() else words[-1]
    if len(last) >= MIN_SURNAME:
        return last
    return None if last.lower() in _function_words() else last


def _east_asian_family_name(words: Sequence[str]) -> str | None:
    """The family name of a Korean, Chinese or Vietnamese name as German news writes it - family name first, then
    the given name's syllables - or None for a name of another order.

    The given name is written either as one word of two syllables joined by a hyphen, the second in lower case
    ("Kim Jong-un", "Ban Ki-moon", "Tsai Ing-wen"; a German double surname writes both parts in capitals:
    "Kramp-Karrenbauer"), or as syllables apart ("Kim Jong Un", "Kim Yo Jong"): in a name of three words or more
    whose later words are all syllables (SYLLABLE letters at most), the last shorter than MIN_SURNAME, or another
    one where the family name is a syllable too - a German name of three short words has no such word ("Jan Ole
    Behr"), and a particle before a surname (lang/de/surname_particles.txt: "Luc De Vos", "Bo Le Gall", "Ali Al
    Sadr" -> the last word) marks the Western order whatever the first name's length. The family name is the word a
    report writes alone ("Kim"). Length alone cannot tell a double first name of short words from the syllables
    ("Ayse Nur Ak" gives "Ayse"), nor syllables of three letters or more apart ("Park Geun Hye") from a Western
    name: a first word that is a common East Asian family name (lang/de/east_asian_family_names.txt: "Park", "Lee",
    "Wang") before such syllables decides it, whatever their length and spelling (`_after_family_name`: "Park Geun
    Hye", "Lee Jae-myung", "Kim Hyun-Sub"). A syllable spelt as a particle ("Kim Do Hun") is left to the last word:
    the particle marks a Western name of that first word as often ("Lee Van Cleef", "Kim De Vries")."""
    if len(words[0]) < 2:
        return None
    if _after_family_name(words):
        return words[0]
    first, _, second = words[-1].partition("-")
    if len(words) == 2 and second and second.islower() and first[:1].isupper() \
            and len(first) <= SYLLABLE and len(second) <= SYLLABLE:
        return words[0]
    later = words[1:]
    if len(words) < 3 or not all(len(w) <= SYLLABLE and w[:1].isupper() for w in later):
        return None
    if len(later[-1]) < MIN_SURNAME:
        return words[0]
    if len(words[0]) <= SYLLABLE and any(len(w) < MIN_SURNAME for w in later) \
            and _surname_particles().isdisjoint(w.lower() for w in later[:-1]):
        return words[0]
    return None


def _after_family_name(words: Sequence[str]) -> bool:
    """Whether a name is a listed East Asian family name (lang/de/east_asian_family_names.txt) and a given name of
    syllables: two or more capitalised words of FAMILY_SYLLABLE letters at most, each of a romanised syllable's shape
    (`_ROMANISED_SYLLABLE`) and none a surname particle ("Park Geun Hye"), or one word of two such syllables joined by
    a hyphen, the second in either case ("Lee Jae-myung", "Kim Hyun-Sub"). A Western name of that first word has a
    given name of another shape: one word ("Kim Wilde", "Lee Child"), longer words ("Kim Ann-Kathrin Berger", "Lee
    Harvey Oswald"), words no syllable has the shape of (a double first name and a short surname: "Kim Lea Bauer",
    "Han Peter Wolf"; a double surname: "Lee Meyer-Lang") or a particle before the surname ("Lee Van Cleef")."""
    if words[0].lower() not in _east_asian_family_names():
        return False
    given = list(words[1:])
    if not _surname_particles().isdisjoint(w.lower() for w in given):
        return False
    if len(given) == 1:
        given = given[0].split("-")
        if len(given) != 2 or not given[1]:
            return False
        given[1] = given[1][:1].upper() + given[1][1:]
    return len(given) >= 2 and all(w[:1].isupper() and len(w) <= FAMILY_SYLLABLE and _ROMANISED_SYLLABLE.fullmatch(w)
                                   for w in given)


@lru_cache(maxsize=1)
def _east_asian_family_names() -> frozenset[str]:
    """The common Korean and Chinese family names, lower case (lang/de/east_asian_family_names.txt)."""
    from ..lang import de

    return de.words("east_asian_family_names")


@lru_cache(maxsize=1)
def _surname_particles() -> frozenset[str]:
    """The particles written before a Western or Arabic surname as a word of their own, lower case
    (lang/de/surname_particles.txt: "de", "le", "al")."""
    from ..lang import de

    return de.words("surname_particles")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Pronouns, prepositions and adverbs capitalised at a sentence's start (lang/de/function_words.txt): a name's
    span that took one in ("Tobias Es") ends in no surname."""
    from ..lang import de

    return frozenset(de.words("function_words"))


@lru_cache(maxsize=1 << 18)     # (an article's nouns recur in it and across the dossier)
def _fold(word: str) -> str:
    return word.casefold().replace("ü", "u").replace("ö", "o").replace("ä", "a").replace("ß", "ss")


def compound_parts(word: str, known: Callable[[str], bool],
                   stems: dict[str, str | None] | None = None) -> tuple[str, ...]:
    """The stems of the parts of a German compound that are nouns of their own in the dossier.

    German writes a compound as one word: "Bundespräsidentenwahl" (Bundespräsident + Wahl),
    "Präsidentschaftskandidatin" (Präsidentschaft + Kandidatin); articles about one story name it in
    ever other compounds. A word splits where its tail is a `known` stem and its head, less a linking
    element (-s-, -es-, -n-, -en-, -e-), is one too or splits again; a part's feminine -in/-innen
    counts as its known stem ("Kandidatin" -> Kandidat). Nothing for a word that is no compound. `stems`: the
    known stems of the word's pieces (`_known`), kept for the next call with the same `known` (the pieces of
    one dossier's words recur: -wahl, -minister, bundes-). `known` a `KnownStems`: a piece that begins no known
    stem is not stemmed (the same parts, found faster)."""
    stem_of = known.stem_of if isinstance(known, KnownStems) else _stem_of(known)
    return tuple(dict.fromkeys(_split(_fold(word), stem_of, {} if stems is None else stems, top=True)))


class KnownStems:
    """`StoryIndex.known` read once, for a pass that splits its articles' compounds while the document frequencies
    stay as they are (`compound_parts`): the terms of two articles at least, and their first HEAD letters.

    CISTEM only strips endings (and a "ge-" off a word of six letters or more, `cistem`) and leaves three letters at
    least, so a piece's stem begins with the piece's first HEAD letters, or is its first three: a piece whose first
    letters begin no known term has no known stem, and is not stemmed at all. Most pieces of a compound are such
    tails ("-identenwahl", "-dentenwahl"; at 10,000 articles 92% of the pieces have no known stem, and two in three
    are found so)."""

    HEAD = 4

    def __init__(self, df: Mapping[str, int]) -> None:
        self.terms = frozenset(t for t, n in df.items() if n >= 2)
        self.heads = frozenset(t[: self.HEAD] for t in self.terms)

    def __call__(self, stem: str) -> bool:
        return stem in self.terms

    def stem_of(self, folded: str) -> str | None:
        """The stem of a folded (`_fold`) piece of MIN_PART letters or more if it is known, else None."""
        w = folded[2:] if folded.startswith("ge") and len(folded) >= 6 else folded     # as `cistem` strips it
        if w[: self.HEAD] not in self.heads and w[:3] not in self.terms:
            return None
        stem = cistem(folded)
        return stem if stem in self.terms else None


def _stem_of(known: Callable[[str], bool]) -> Callable[[str], str | None]:
    """A piece's stem if `known`, else None (`KnownStems.stem_of` for any test of a stem)."""
    def stem_of(w: str) -> str | None:
        stem = cistem(w)
        return stem if known(stem) else None
    return stem_of


def _known(w: str, stem_of: Callable[[str], str | None], stems: dict[str, str | None]) -> str | None:
    """The stem of `w` if known, or of `w` less a feminine -in/-innen (remembered in `stems`)."""
    if w in stems:
        return stems[w]
    found = None
    for cut in ("", "innen", "in"):
        base = w[: len(w) - len(cut)] if w.endswith(cut) else ""
        if len(base) >= MIN_PART and (found := stem_of(base)) is not None:
            break
    stems[w] = found
    return found


def _split(w: str, stem_of: Callable[[str], str | None], stems: dict[str, str | None],
           top: bool = False) -> list[str]:
    for i in range(len(w) - MIN_PART, MIN_PART - 1, -1):      # the longest head first: Bundespräsidenten|wahl
        piece = w[i:]           # _known's memo read here: most tails were asked before
        tail = stems[piece] if piece in stems else _known(piece, stem_of, stems)
        if tail is None:
            continue
        head = w[:i]
        for link in ("es", "en", "s", "n", "e", ""):
            if not head.endswith(link) or len(head) - len(link) < MIN_PART:
                continue
            stem = head[: len(head) - len(link)]
            whole = _known(stem, stem_of, stems)
            inner = _split(stem, stem_of, stems)
            if whole or inner:
                return [*([whole] if whole else []), *inner, tail, *_split(w[i:], stem_of, stems)]
    if not top:
        return []
    whole = _known(w, stem_of, stems)
    return [whole] if whole and whole != cistem(w) else []


# --- dates ------------------------------------------------------------------------------------

def day_number(value: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date ("2023-09-08"; "2023-09" -> the 15th). A bare year
    says too little to place an article in a story's weeks: None, as for no date."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m or m.group(2) is None:
        return None
    import datetime as dt

    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        return dt.date(y, int(mo), int(d) if d else 15).toordinal()
    except ValueError:
        return None


def time_factor(day: int | None, start: int | None, end: int | None) -> float:
    """1 within SAME_TIME_DAYS of the story's span, then halving every DECAY_DAYS."""
    return span_factor(day, day, start, end)


def span_factor(a_start: int | None, a_end: int | None, b_start: int | None, b_end: int | None) -> float:
    """time_factor for two spans: the days between them (0 where they overlap) decide."""
    if a_start is None or a_end is None or b_start is None or b_end is None:
        return 1.0
    gap = max(b_start - a_end, a_start - b_end, 0) - SAME_TIME_DAYS
    return 1.0 if gap <= 0 else 0.5 ** (gap / DECAY_DAYS)


def countries_of(centroid: Iterable[str]) -> frozenset[str]:
    """The countries of an article's (or story's) places ("@in:MA": a town in Morocco). A country named on its
    own ("@country:MA") does not count: articles name countries in passing, and without the entity extractor
    they are read from the words alone (`country_mentions`; with them the text-only clustering lost recall)."""
    return frozenset(t[4:] for t in centroid if t.startswith("@in:"))


def place_factor(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """APART_FACTOR where two reports name places in countries and none in common, else 1 (`_factor`: for two single
    articles). A report of an event names where it happened, and with it that place's country; two reports
    of explosions, shootings or protests in different countries share the event's noun and its words
    ("Explosion", "Anschlag", "Polizei") and nothing that places them: two stories. One without a country
    (no place named, or no entity extractor) is not weighed."""
    return APART_FACTOR if a and b and a.isdisjoint(b) else 1.0


def _heaviest(weights: Mapping[str, float]) -> list[tuple[str, float]]:
    """(term, weight), heaviest first, a tie by term: sorted by term, then (stably) by weight - two sorts in C,
    not a key function called per term."""
    return sorted(sorted(weights.items()), key=itemgetter(1), reverse=True)


# --- the index --------------------------------------------------------------------------------

@dataclass
class _Cluster:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)   # sum of member vectors
    articles: list[str] = field(default_factory=list)
    start: int | None = None                                   # day numbers of the dated members
    end: int | None = None
    title: list[Any] | None = None     # [title, event, place, first, last] as last titled; None: to title again
    # `_named` of its articles' vectors, kept apart from the centroid: that is cut to CENTROID_TERMS, where a country's
    # terms (COUNTRY_WEIGHT) and a name mentioned once weigh least - a stored story read back from it named fewer
    # (or no) countries and names than the story one pass held (`_factor`). None: an index written without them.
    # An article taken out (`remove`) leaves them: a story then names more, which holds it apart less, not more.
    countries: list[str] | None = None
    names: list[str] | None = None

    def norm(self) -> float:
        return math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0


@dataclass
class StoryIndex:
    """What clustering needs to place a new article: document frequencies and story centroids.

    Kept in the store as JSON (`to_json` / `from_json`) between builds."""

    n_docs: int = 0
    df: Counter = field(default_factory=Counter)
    clusters: dict[str, _Cluster] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)     # article id -> story id
    hashes: dict[str, str] = field(default_factory=dict)       # article id -> content hash it was placed with
    # article id -> the keys of its sentences naming nothing (`unnamed_sentences`), kept so that an article taken
    # out (changed or deleted) takes its counts along: a report updated twice would count its own sentences thrice
    # and make them the outlet's (an absolute count, unlike `df`'s bias); `sentences`: key -> articles, read from them
    sentences_of: dict[str, list[str]] = field(default_factory=dict)
    sentences: Counter = field(default_factory=Counter)
    version: int = VERSION
    # idf per term while the document frequencies stay as they are (a pass's weighing and titling, `cluster_lazily`):
    # the same term is weighed in many articles and stories; None: computed each time
    idf_memo: dict[str, float] | None = field(default=None, repr=False, compare=False)

    def add_sentences(self, article_id: str, keys: Iterable[str]) -> None:
        """Count the article's sentences naming nothing (their keys), once each (an article counted before: anew)."""
        self.forget_sentences(article_id)
        self.sentences_of[article_id] = sorted(set(keys))
        self.sentences.update(self.sentences_of[article_id])

    def forget_sentences(self, article_id: str) -> None:
        """Take a changed or deleted article's sentences out of the counts."""
        # only this article's keys: `Counter() +` would scan every key of the dossier per article (quadratic)
        for key in self.sentences_of.pop(article_id, ()):
            self.sentences[key] -= 1
            if self.sentences[key] <= 0:
                del self.sentences[key]

    # -- persistence --
    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "n_docs": self.n_docs, "df": dict(self.df), "hashes": self.hashes,
                "sentences_of": self.sentences_of,
                "clusters": [{"id": c.id, "centroid": c.centroid, "articles": c.articles,
                              "start": c.start, "end": c.end, **({"title": c.title} if c.title else {}),
                              **({"countries": c.countries, "names": c.names} if c.countries is not None else {})}
                             for c in self.clusters.values()]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> StoryIndex:
        """The index from its JSON; one of another VERSION (or none) gives an empty index."""
        if not data or data.get("version") != VERSION:
            return cls()
        idx = cls(n_docs=int(data["n_docs"]), df=Counter(data["df"]), hashes=dict(data.get("hashes") or {}))
        for a, keys in (data.get("sentences_of") or {}).items():
            idx.add_sentences(a, keys)
        for c in data["clusters"]:
            cl = _Cluster(c["id"], dict(c["centroid"]), list(c["articles"]), c.get("start"), c.get("end"),
                          list(c["title"]) if c.get("title") else None,
                          c.get("countries"), c.get("names"))
            idx.clusters[cl.id] = cl
            for a in cl.articles:
                idx.story_of[a] = cl.id
        return idx

    # -- weighting --
    def known(self, stem: str) -> bool:
        """A word stem of two articles at least: a compound's part that counts as a term (compound_parts)."""
        return self.df.get(stem, 0) >= 2

    def idf(self, term: str) -> float:
        memo = self.idf_memo
        if memo is None:
            return math.log((self.n_docs + PRIOR_DOCS + 1) / (self.df.get(term, 0) + 1))
        value = memo.get(term)
        if value is None:
            value = memo[term] = math.log((self.n_docs + PRIOR_DOCS + 1) / (self.df.get(term, 0) + 1))
        return value

    def vector(self, terms: Mapping[str, float]) -> dict[str, float]:
        """Sublinear tf x idf, a country's terms down-weighted (COUNTRY_WEIGHT), the TOP_TERMS heaviest, L2-normed."""
        memo, idf, log, country = self.idf_memo, self.idf, math.log, _COUNTRY_TERMS
        if memo is None:
            memo = {}
        v = {}
        for t, n in terms.items():      # (1 + log n) x idf x country weight, inlined: ~150 terms x every article
            if n > 0:
                i = memo.get(t)
                if i is None:
                    i = idf(t)
                v[t] = (1 + log(n)) * i * (COUNTRY_WEIGHT if t.startswith(country) else 1.0)
        top = _heaviest(v)[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {t: w / norm for t, w in top}

    def rename(self, old: str, new: str) -> None:
        c = self.clusters.pop(old)
        c.id = new
        self.clusters[new] = c
        for a in c.articles:
            self.story_of[a] = new

    def remove(self, article_ids: Iterable[str], vectors: Mapping[str, Mapping[str, float]] | None = None) -> set[str]:
        """Take articles out of their stories (changed or deleted); a story left empty goes.

        With their old `vectors` the centroids lose them exactly; without, a story that lost
        an article keeps its centroid until the next full rebuild (its members still fit it).
        Returns the ids of the stories touched."""
        touched = set()
        for a in article_ids:
            cid = self.story_of.pop(a, None)
            if cid is None:
                continue
            c = self.clusters[cid]
            c.articles.remove(a)
            c.title = None
            touched.add(cid)
            if vectors and a in vectors:
                for t, w in vectors[a].items():
                    if t in c.centroid:
                        c.centroid[t] -= w
                        if c.centroid[t] <= 1e-9:
                            del c.centroid[t]
            if not c.articles:
                del self.clusters[cid]
        return touched


# --- clustering ---------------------------------------------------------------------------------

@dataclass
class _Node:
    """A story while clustering: its members' vector sum, size and time span; `stored`: one of the index.
    `ix`, `w`: the vector sum as term ids and weights of a `_Space` (set by it)."""

    id: str
    centroid: dict[str, float]
    size: int
    start: int | None
    end: int | None
    stored: bool
    articles: list[str] = field(default_factory=list)
    absorbed: list[str] = field(default_factory=list)   # stored stories merged into this one (their ids go)
    ix: Any = None
    w: Any = None
    row: int | None = None                # its arrays' place in the `_Space`'s buffers
    countries: set[str] | None = None     # countries_of its vector sum (`_named`, read by `_factor`) ...
    names: set[str] | None = None         # ... and its names of a situation (`situation_names`)
    # merged in this pass: its vector sum is that of its arrays (`_Space.centroid`), `centroid` is a part's until
    # `_agglomerate` ends (summing each absorbed story's terms into a dict too cost as much again; only a single
    # article's centroid is read while clustering)
    summed: bool = False


def _factor(a: _Node, b: _Node, lone: bool = True) -> float:
    """What the similarity of stories a and b keeps: span_factor of their time spans; for two single articles
    place_factor of their countries; for stories of several articles UNNAMED_APART_FACTOR where both name
    something and they name nothing in common (`_named`).

    Two single reports from different countries that met only on the event's words do not seed a story for
    others to join. A story of several reports holds those of its reactions and its other side too (a leak:
    the reports from the two countries it shook share no country, one naming both joins them), so its
    countries alone say less of where one event happened; but reports of one occurrence name its actors,
    the group, the company, the office, the town, in common: a story and a report (or two stories) that share
    no name at all met only on the kind of event - two protests of nationalists, two assaults, two security
    holes, two economic forecasts - and keep part of their similarity (what reaches twice the threshold still
    merges). Whether they are set in one country or two does not matter: the country is no name of a
    situation (a country's stories share it). A side that names nothing (no mention, or the text-only terms)
    gives no evidence either way and is not weighed. The sets of several articles are the union of their
    articles' (`_merge`). `lone` False: two single articles are weighed by the rule for stories too
    (`_reached`)."""
    f = span_factor(a.start, a.end, b.start, b.end)
    if not f:
        return f
    if lone and a.size == 1 and b.size == 1:
        # read once per article: a single article's centroid stays as it is until it merges (size 2 on)
        return f * place_factor(_named(a)[0], _named(b)[0])
    na, nb = _named(a)[1], _named(b)[1]
    if na and nb and not _name_in_common(na, nb):
        f *= UNNAMED_APART_FACTOR
    return f


def _name_in_common(na: set[str], nb: set[str]) -> bool:
    """Whether two stories' names of a situation (`_named`) share one that names one thing in both. A one-word key
    both share is not such a name where each names it as the last word of a longer name and none of those longer
    names is in both: "Thomas Müller" in one story and "Kerstin Müller" in another are two persons, though both
    stories hold "Müller" (`_surname_keys`: a person named in full has the surname's key too)."""
    return not na.isdisjoint(nb) and any(not _other_bearers(k, na, nb) for k in na & nb)


def _other_bearers(key: str, na: set[str], nb: set[str]) -> bool:
    """`key` ("@mull") is the last word of a longer name in each of na and nb (a longer name in both is a name in
    common itself: `_name_in_common`)."""
    if " " in key:
        return False
    tail = " " + key[1:]
    return any(t.endswith(tail) for t in na) and any(t.endswith(tail) for t in nb)


def _stored_node(c: _Cluster) -> _Node:
    """A stored story while clustering; its countries and names as stored (`_Cluster.countries`), where they are."""
    n = _Node(c.id, c.centroid, len(c.articles), c.start, c.end, True)
    if c.countries is not None and c.names is not None:
        n.countries, n.names = set(c.countries), set(c.names)
    return n


def _named(n: _Node) -> tuple[set[str], set[str]]:
    """(countries of its places, its names of a situation: `situation_names`) of a story: from its centroid once,
    then the union of the merged stories' (`_merge`; a merged story's centroid is a part's until `_agglomerate`
    ends). Each node's own sets: a merge adds into the keeping story's."""
    if n.countries is None or n.names is None:
        named = [t for t in n.centroid if t[:1] == "@"]
        n.countries = set(countries_of(named))
        n.names = situation_names(named)
    return n.countries, n.names


# the extractor's key of a country's institution named by its kind and country ("die türkische Regierung",
# "das syrische Militär": org:<head>:<ISO>, extract/entities.py `_orgs`)
_INSTITUTION_KEY = re.compile(r"@org:[^:]+:[A-Z]{2}")


def situation_names(keys: Iterable[str]) -> set[str]:
    """The entity keys among `keys` that can name a situation: persons, organisations, places below the country,
    with the keys of a resolved place's or organisation's written forms (`_written_keys`: one report's resolved
    "Salzburg" and another's unresolved one name one place). Not a country or a place's country
    (`_COUNTRY_TERMS`), nor a country's institution by its kind ("the Turkish government": every story of that
    country names it, as it names the country), nor a news agency (the report's source, lang/de/agencies.tsv:
    any story's), nor a part of the world above the country - a continent, a world region, the EU
    (lang/de/supranational_areas.txt): the stories of its many countries name it, as a country's stories name the
    country (two reports of migrants' deaths, one in the Sahara, one off Libya, name "Afrika" and "Europa" alike)."""
    none = _no_situation_keys()
    names = {t for t in keys if not (t.startswith(_COUNTRY_TERMS) or _INSTITUTION_KEY.fullmatch(t) or t in none
                                     or _supranational_org(t) or _supranational_key(t))}
    return names | {w for t in names for w in _written_keys(t)} - none


@lru_cache(maxsize=1 << 14)
def _written_keys(key: str) -> frozenset[str]:
    """The keys a resolved name's written forms get where the extractor leaves them unresolved (`entity_key`: the
    stemmed words): a place's gazetteer forms ("@geo:2766824" -> "@salzburg"), an organisation's name
    ("@org:Caritas" -> "@caritas"). One report resolves "Salzburg" to the city, another, with no place nearby to
    decide between two Salzburgs, leaves it as written: the two name one place, and share it (`_factor`)."""
    if key.startswith("@geo:"):
        forms: Iterable[str] = _place_forms().get(key[5:], ())
    elif key.startswith("@org:") and key.count(":") == 1:
        forms = (key[5:],)
    else:
        return frozenset()
    return frozenset(k for k in map(_written_key, forms) if k)


def _written_key(text: str) -> str | None:
    """`entity_key` of a mention written `text` that the extractor did not resolve."""
    words = [cistem(w) for w in _WORD.findall(text) if len(w) >= 2]
    return "@" + " ".join(words) if words else None


@lru_cache(maxsize=1)
def _place_forms() -> dict[str, list[str]]:
    """Gazetteer id -> the forms that name its place first (the gazetteer's `by_form`, inverted once): of the places
    a form names, the most populous of those whose own name it is, else the most populous. A city's other-language
    forms that are another place's own name ("Bari" among Paris' forms) name that place, not it."""
    from ..geo import gazetteer

    forms: dict[str, list[str]] = {}
    for form, places in gazetteer().by_form.items():
        own = [p for p in places if p.name == form]
        first = max(own or places, key=attrgetter("population"))
        forms.setdefault(first.id, []).append(form)
    return forms


@lru_cache(maxsize=1)
def _no_situation_keys() -> frozenset[str]:
    """The unresolved keys that name no situation: news agencies' and the parts of the world above the country's."""
    return _agency_keys() | _supranational_keys()


@lru_cache(maxsize=1)
def _supranational_keys() -> frozenset[str]:
    """The keys of the parts of the world above the country (lang/de/supranational_areas.txt: continents, world
    regions, the EU) as the extractor leaves them unresolved (`entity_key`: "@afrika", "@nah ost", "@eu")."""
    from ..lang import de

    return frozenset(k for k in map(_written_key, de.words("supranational_areas")) if k)


@lru_cache(maxsize=1)
def _compass_parts() -> tuple[str, ...]:
    """The stems a compass point joins to a region's name as a part of it (lang/de/compass_points.txt less its -en,
    as `_written_key` folds it: "nordost", "sud"; and "zentral"), the longest first."""
    from ..lang import de

    stems = {_fold(p) for p in de.compass_stems()} | {de.CENTRE_STEM}
    return tuple(sorted(stems, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=1 << 14)
def _supranational_key(key: str) -> bool:
    """Whether an unresolved key names a part of the world above the country, as listed or as a compass part of one
    ("@nordbalka": "Nordbalkan", the Balkans' north, names no situation as the Balkans do not) - unless that compound
    is a country's own name ("Südafrika" is a country, not Africa's south)."""
    if key in _supranational_keys():
        return True
    return key not in _country_name_keys() and any(
        key.startswith("@" + p) and "@" + key[1 + len(p):] in _supranational_keys() for p in _compass_parts())


@lru_cache(maxsize=1)
def _country_name_keys() -> frozenset[str]:
    """The unresolved keys of the countries' German names (geo's country table: "@sudafrika", "@nordkorea")."""
    from ..geo import country_table

    return frozenset(k for c in country_table() for k in map(_written_key, c.names) if k)


def _supranational_org(key: str) -> bool:
    """Whether `key` is an organisation's resolved key whose name is such a part of the world ("@org:EU")."""
    return key.startswith("@org:") and not _written_keys(key).isdisjoint(_supranational_keys())


@lru_cache(maxsize=1)
def _agency_keys() -> frozenset[str]:
    """The entity keys a news agency's mention gets (`entity_key`): its organisation id where the extractor
    knows it ("@org:Reuters"), else the stemmed words of its name or spelling ("@afp")."""
    from ..lang import de

    keys = set()
    for spelling, name in de.rows("agencies"):
        keys.add(f"@org:{name}")
        keys.update(k for k in map(_written_key, (spelling, name)) if k)
    return frozenset(keys)


def _union(a: set[str], b: set[str]) -> set[str]:
    """a | b, the smaller added into the larger (both a merge's, the gone story's no longer read): a big story
    absorbing single reports one by one does not copy its names each time."""
    if len(a) < len(b):
        a, b = b, a
    a |= b
    return a


# Others from which `_Space.sums` multiplies a sparse matrix (scipy: a pass in C, but ~25 us to make) instead of
# numpy's gather, product and sums (4 passes): measured 100 others 79 -> 55 us, 300 251 -> 115 us, 20 19 -> 27 us
_MATRIX_ROWS = 64


def _row_sums(starts: np.ndarray, ix: np.ndarray, w: np.ndarray, dense: np.ndarray) -> np.ndarray:
    """The rows' dot products with `dense`: row r's terms ix[starts[r]:starts[r + 1]] with weights w there, its
    products summed in that order from 0.0. What `csr_matrix((w, ix, starts)) @ dense` computes, by the same C
    loop (scipy's csr_matvec), without making the matrix: its checks and index copies cost ~40 us a call, and the
    clustering of 10,000 articles asks ~20,000 (`_Space.sums`, `_candidate_dots`). starts and ix: one int dtype."""
    if _csr_matvec is None:
        from scipy.sparse import csr_matrix

        return csr_matrix((w, ix, starts), shape=(len(starts) - 1, len(dense))) @ dense
    out = np.zeros(len(starts) - 1)
    _csr_matvec(len(starts) - 1, len(dense), starts, ix, w, dense, out)
    return out


def _some_row_sums(starts: np.ndarray, ix: np.ndarray, w: np.ndarray, rows: Sequence[int] | np.ndarray,
                   dense: np.ndarray) -> np.ndarray:
    """`_row_sums` of the given rows only, in their order: what `csr_matrix((w, ix, starts))[rows] @ dense`
    computes (the rows copied out by scipy's csr_row_index, then `_row_sums`), without making the matrices."""
    if _csr_matvec is None:
        from scipy.sparse import csr_matrix

        return csr_matrix((w, ix, starts), shape=(len(starts) - 1, len(dense)))[np.asarray(rows)] @ dense
    r = np.asarray(rows, starts.dtype)
    sub = np.zeros(len(r) + 1, starts.dtype)
    np.cumsum(starts[r + 1] - starts[r], out=sub[1:])
    six, sw = np.empty(sub[-1], starts.dtype), np.empty(sub[-1])
    _csr_row_index(len(r), r, starts, ix, w, six, sw)
    return _row_sums(sub, six, sw, dense)


try:    # scipy's kernels of a CSR matrix times a vector and of its rows copied out (private: without them, the
    # matrices are made)
    from scipy.sparse._sparsetools import csr_matvec as _csr_matvec
    from scipy.sparse._sparsetools import csr_row_index as _csr_row_index
except ImportError:     # pragma: no cover
    _csr_matvec = _csr_row_index = None


class _Space:
    """The clustering's vectors over one vocabulary: each node's vector sum also as arrays of term ids and
    weights, so that a story's dot products with its many candidates are one gather and one sum (numpy)
    instead of a set intersection and a loop per pair. A node gets its arrays when a dot product first
    needs them: a build that adds a few articles to a big dossier makes those of the stories they meet.

    The arrays are copied into two buffers as well (`_keep`), each node's at its own place (`_Node.row`: its
    start and end at `at[2 * row]`, `at[2 * row + 1]`), so that a merge's products with the many candidates of a
    big story copy their arrays out in C (scipy's csr_row_index, `_some_row_sums`) instead of listing and
    concatenating each one's in Python (`sums`; most of a merge's time at 10,000 articles)."""

    def __init__(self, nodes: Mapping[str, _Node]) -> None:
        self.ids: dict[str, int] = {}
        self.dense = np.zeros(1 << 10)
        for n in nodes.values():     # arrays of another space (or none) are made again
            n.ix = n.w = n.row = None
        self.held: list[_Node] = []              # the nodes with arrays, by row
        self.at = np.zeros(2 * max(len(nodes), 1), np.int64)
        self.bix = np.zeros(1 << 12, np.int64)
        self.bw = np.zeros(1 << 12)
        self.end = 0                             # the buffers' used length (a node's older arrays stay as waste)
        self.live = 0                            # ... of which the nodes' current arrays

    def put(self, n: _Node) -> None:
        """n's arrays from its centroid (in its terms' order), unless it has them."""
        if n.ix is not None:
            return
        ids = self.ids
        unseen = [t for t in n.centroid if t not in ids]     # numbered in the order first met
        ids.update(zip(unseen, range(len(ids), len(ids) + len(unseen))))
        n.ix = np.fromiter(map(ids.__getitem__, n.centroid), np.int64, len(n.centroid))
        n.w = np.fromiter(n.centroid.values(), np.float64, len(n.centroid))
        if len(ids) > len(self.dense):
            self.dense = np.zeros(2 * len(ids))
        self._keep(n)

    def _keep(self, n: _Node) -> None:
        """n's (new) arrays into the buffers, after what they hold; full, they are made again from the nodes'
        current arrays alone (twice as large as those, at least)."""
        size = len(n.ix)
        row = n.row
        if row is None:
            row = n.row = len(self.held)
            self.held.append(n)
            if 2 * len(self.held) > len(self.at):
                self.at = np.concatenate((self.at, np.zeros(len(self.at), np.int64)))
        else:
            self.live -= int(self.at[2 * row + 1] - self.at[2 * row])
        if self.end + size > len(self.bix):
            self._compact(size)
        self.bix[self.end:self.end + size] = n.ix
        self.bw[self.end:self.end + size] = n.w
        self.at[2 * row], self.at[2 * row + 1] = self.end, self.end + size
        self.end += size
        self.live += size

    def _compact(self, more: int) -> None:
        """The buffers made again from the held nodes' current arrays, with room for `more` and as much again."""
        size = max(2 * (self.live + more), 1 << 12)
        bix, bw = np.zeros(size, np.int64), np.zeros(size)
        end = 0
        for row in range(len(self.held)):
            start, stop = self.at[2 * row], self.at[2 * row + 1]
            bix[end:end + stop - start] = self.bix[start:stop]
            bw[end:end + stop - start] = self.bw[start:stop]
            self.at[2 * row], self.at[2 * row + 1] = end, end + stop - start
            end += stop - start
        self.bix, self.bw, self.end = bix, bw, end

    def sums(self, a: _Node, others: Sequence[_Node]) -> np.ndarray:
        """The dot product of a's vector sum with each of `others'`: a's weights spread over the vocabulary,
        the others' gathered from it; each product summed in the order of the other's arrays (the same in
        every run, where the set intersection's order followed the process's string hashing). The others'
        arrays are read from the buffers (`_keep`)."""
        if not others:
            return np.zeros(0)
        self.put(a)
        try:
            rows = np.fromiter(map(attrgetter("row"), others), np.int64, len(others))
        except TypeError:       # one without arrays (a None row); a merge's others have them: each was in a dot product
            for n in others:
                self.put(n)
            rows = np.fromiter(map(attrgetter("row"), others), np.int64, len(others))
        rows *= 2
        if _csr_row_index is None:      # no scipy kernels: the arrays listed and concatenated
            return self._listed_sums(a, others)
        if len(others) >= _MATRIX_ROWS:     # one sparse matrix's product: a pass in C (the same sums, `rows`)
            self.dense[a.ix] = a.w
            out = _some_row_sums(self.at, self.bix, self.bw, rows, self.dense)
            self.dense[a.ix] = 0.0
            return out
        lens = self.at[rows + 1] - self.at[rows]
        six, sw = np.empty(int(lens.sum()), np.int64), np.empty(int(lens.sum()))
        _csr_row_index(len(rows), rows, self.at, self.bix, self.bw, six, sw)
        self.dense[a.ix] = a.w
        prod = np.take(self.dense, six)      # (take: some times faster than indexing)
        prod *= sw
        self.dense[a.ix] = 0.0
        return np.bincount(np.repeat(np.arange(len(others)), lens), weights=prod, minlength=len(others))

    def _listed_sums(self, a: _Node, others: Sequence[_Node]) -> np.ndarray:
        """`sums` from the others' own arrays, listed and concatenated (without scipy's kernels; and what the
        buffers are checked against)."""
        ixs = [o.ix for o in others]
        lens = np.fromiter(map(len, ixs), np.int64, len(others))
        self.dense[a.ix] = a.w
        if len(others) >= _MATRIX_ROWS:
            starts = np.zeros(len(others) + 1, np.int64)
            np.cumsum(lens, out=starts[1:])
            out = _row_sums(starts, np.concatenate(ixs), np.concatenate([o.w for o in others]), self.dense)
        else:
            prod = np.take(self.dense, np.concatenate(ixs))
            prod *= np.concatenate([o.w for o in others])
            out = np.bincount(np.repeat(np.arange(len(others)), lens), weights=prod, minlength=len(others))
        self.dense[a.ix] = 0.0
        return out

    def rows(self, nodes: Sequence[_Node]) -> Any:
        """The nodes' arrays as the rows of one sparse matrix (scipy CSR; a node without arrays: an empty
        row), each row's terms in its arrays' order: a row's product with `dense` sums in that order from
        0.0, as `sums` does (the same bits)."""
        from scipy.sparse import csr_matrix

        lens = np.fromiter((0 if n.ix is None else len(n.ix) for n in nodes), np.int64, len(nodes))
        starts = np.zeros(len(nodes) + 1, np.int64)
        np.cumsum(lens, out=starts[1:])
        made = [n for n in nodes if n.ix is not None]
        ix = np.concatenate([n.ix for n in made]) if made else np.zeros(0, np.int64)
        w = np.concatenate([n.w for n in made]) if made else np.zeros(0)
        return csr_matrix((w, ix, starts), shape=(len(nodes), len(self.dense)))

    def centroid(self, n: _Node, terms: list[str] | None = None) -> dict[str, float]:
        """n's vector sum: its centroid, or where it merged in this pass (`_Node.summed`) its arrays' terms and
        weights (each the sum the centroid dict would hold: 0.0 + k + g per term, in the order of the merges).
        terms: `list(self.ids)` made once by a caller asking for many nodes."""
        if not n.summed:
            return n.centroid
        terms = terms or list(self.ids)     # (numbered in the order first met: a term's number is its place here)
        return dict(zip(map(terms.__getitem__, n.ix.tolist()), n.w.tolist()))

    def add(self, k: _Node, g: _Node) -> None:
        """g's vector sum into k's arrays (k + g per term, as the centroid dict sums them)."""
        self.put(k)
        self.put(g)
        u, inv = np.unique(np.concatenate((k.ix, g.ix)), return_inverse=True)
        k.w = np.bincount(inv, weights=np.concatenate((k.w, g.w)), minlength=len(u))
        k.ix = u
        self._keep(k)


def _agglomerate(index: StoryIndex, new: Sequence[tuple[str, dict[str, float], int | None]]) -> list[str]:
    """Group-average agglomerative clustering of the new articles into the index's stories or new ones.

    The similarity of two stories is the mean cosine over their pairs of articles (the dot product of
    their vector sums over the product of their sizes; a stored story's centroid is that sum), times
    span_factor of their time spans. The two most similar stories merge while that is THRESHOLD or more;
    two stored stories merge only once one of them has gained an article in this pass (`_Graph.fixed`: two
    that did not change were below the threshold when last compared, and their vector sums are as they
    were). A stored story keeps its id against a new one; of two stored stories the larger keeps it (of
    two as large, the older: the one first in the index), the other's articles move to it (`_into_index`).
    Returns the ids of the stories opened (temporary).

    The stories are numbered in the order of their ids (`_Graph`), so that the heap's ties break as the ids
    would; a story's similarities with its candidates are weighed at once (numpy), the few that reach the
    threshold then one by one."""
    # (the centroids not copied: a merge sums into the arrays, `_Node.summed`; no centroid is changed in place)
    nodes: dict[str, _Node] = {cid: _stored_node(c) for cid, c in index.clusters.items()}
    age = {cid: k for k, cid in enumerate(index.clusters)}      # opened in this order (`_into_index` appends)
    for k, (aid, vec, day) in enumerate(new):
        nodes[f"~{k}"] = _Node(f"~{k}", vec, 1, day, day, False, [aid])
    g = _Graph(nodes)
    heap = _candidate_dots(g)
    version = [0] * len(g.nodes)
    live = g.live
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if not (live[a] and live[b]) or va != version[a] or vb != version[b]:
            continue
        na, nb = g.nodes[a], g.nodes[b]
        if na.stored and nb.stored:
            keep, gone = (a, b) if (na.size, -age[na.id]) >= (nb.size, -age[nb.id]) else (b, a)
        else:
            keep, gone = (a, b) if na.stored or (not nb.stored and na.size >= nb.size) else (b, a)
        ng = g.nodes[gone]
        g.nodes[keep].absorbed += ([ng.id] if ng.stored else []) + ng.absorbed
        _merge(g, keep, gone)
        del nodes[g.nodes[gone].id]
        version[keep] += 1
        nk, vk = g.nodes[keep], version[keep]
        for other, sim in g.reaching(keep):     # push(keep, other) for each candidate that may merge now
            sim *= _factor(nk, g.nodes[other])
            if sim >= THRESHOLD:
                heapq.heappush(heap, (-sim, keep, other, vk, version[other]) if keep < other
                               else (-sim, other, keep, version[other], vk))
    rank = {aid: k for k, (aid, _, _) in enumerate(new)}
    terms = list(g.space.ids)
    for n in nodes.values():
        if n.summed:
            n.centroid, n.summed = g.space.centroid(n, terms), False
        n.articles.sort(key=rank.__getitem__)     # in the order given: of publication
    return _into_index(index, nodes)


class _Graph:
    """The clustering's stories as numbers (in the order of their ids: a number compares with another as the
    ids do), their sizes and whether stored as arrays, the dot products of the candidate pairs (`dots[i]`:
    candidate -> dot product, symmetric) and the vectors (`space`). `fixed`: stored and not changed in this
    pass (no article gained): two such stories are never candidates (they were compared when last changed)."""

    def __init__(self, nodes: Mapping[str, _Node]) -> None:
        ids = sorted(nodes)
        number = {nid: i for i, nid in enumerate(ids)}
        self.nodes = [nodes[nid] for nid in ids]
        self.visit = [number[nid] for nid in nodes]          # the order the stories were given in
        self.size = np.fromiter((n.size for n in self.nodes), np.int64, len(ids))
        self.stored = np.fromiter((n.stored for n in self.nodes), bool, len(ids))
        self.fixed = self.stored.copy()
        self.live = [True] * len(ids)
        self.dots: list[dict[int, float]] = [{} for _ in ids]
        self.space = _Space(nodes)

    def reaching(self, i: int, others: Sequence[int] | None = None,
                 dots: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(other, similarity before span_factor) of i's candidates (or of `others`, their `dots`) whose mean
        cosine reaches THRESHOLD (span_factor is at most 1: the others cannot), no two `fixed`."""
        if others is None:
            row = self.dots[i]
            if not row:
                return []
            ids = np.fromiter(row, np.int64, len(row))
            ds = np.fromiter(row.values(), np.float64, len(row))
        else:
            ids, ds = np.asarray(others, np.int64), np.asarray(dots, np.float64)
        sim = ds / (self.nodes[i].size * self.size[ids])     # as the int product then the float division
        ok = sim >= THRESHOLD
        if self.fixed[i]:
            ok &= ~self.fixed[ids]
        at = np.flatnonzero(ok)
        return list(zip(ids[at].tolist(), sim[at].tolist()))


def _candidate_dots(g: _Graph, lone: bool = True, stored_only: bool = False) -> list[tuple[float, int, int, int, int]]:
    """Dot products of the pairs of stories that may merge (into `g.dots`): those with a new story in them
    that share a term which is one of the BLOCK_TERMS heaviest of either; a term in more than BLOCK_NODES
    stories finds only the BLOCK_NODES where it weighs most. Returns the heap of the pairs that reach the
    threshold (weighed by `_factor`; `lone` as there). `stored_only`: only the pairs of a new and a stored story,
    each found and weighed as without it (`_reached`: the pairs of two new ones were computed and dropped).

    Blocking: articles of one story share what is specific to it (a place, a person, the event's noun) and
    weigh it heavily; a topic word many stories share (Flüchtlinge, Wahl, Polizei) finds only the stories
    it dominates, and counts in the dot product of a pair found otherwise. Cutting a long posting to its
    heaviest stories rather than skipping the term keeps what a term finds the same as the dossier grows (a
    town named in 60 stories of a big dossier still finds the stories about it; skipping it lost recall as
    the dossier grew: F1 0.726 -> 0.486 on our gold with the limit at a tenth, against 0.726 cut). A story is
    looked up by a bounded number of terms in postings of bounded length, so that placing an article costs
    about the same in a dossier of any size, where comparing it with every story sharing any word grew with
    the dossier. A story's dot products with its candidates are computed at once (`g.space`)."""
    import itertools

    if stored_only and not g.stored.any():     # no stored story: no pair to find
        return []
    nodes, dots, space = g.nodes, g.dots, g.space
    postings, fresh = _postings(g, stored_only)
    cut: dict[str, list[int]] = {}
    new_of: dict[str, list[int]] = {}
    stored_of: dict[str, list[int]] = {}

    def where_heavy(t: str) -> list[int]:
        """The stories with term t, no more than BLOCK_NODES: those where it weighs most (mean per article)."""
        ids = postings[t]
        if len(ids) > BLOCK_NODES and t not in cut:
            cut[t] = heapq.nlargest(BLOCK_NODES, ids, key=lambda i: nodes[i].centroid[t] / nodes[i].size)
        return cut.get(t, ids)

    def new_where_heavy(t: str) -> list[int]:
        """The new stories of where_heavy(t), in its order."""
        if t not in new_of:
            new_of[t] = [i for i in where_heavy(t) if not nodes[i].stored]
        return new_of[t]

    def stored_where_heavy(t: str) -> list[int]:
        """The stored stories of where_heavy(t), in its order (`stored_only`: a new story's only candidates)."""
        if t not in stored_of:
            stored_of[t] = [i for i in where_heavy(t) if nodes[i].stored]
        return stored_of[t]

    # the pairs first, each row's candidates entered in the order found and the arrays made in the order
    # `space.sums` would make them (the term numbers, hence a merged story's arrays, stay as they were); then
    # the products (`_pair_products`, one pass in C per story instead of numpy's gather, product and sums)
    # (the loop below run ~a million times at 10,000 articles: what they call per pair is kept to the least - an
    # array made only where missing, a row's dict filled at once in the order found)
    pairs: list[tuple[int, list[int]]] = []
    put, heavy_new, chain = space.put, new_where_heavy, itertools.chain.from_iterable
    # a new story's candidates: every story where_heavy finds, or with `stored_only` its stored ones alone (a pair
    # of a new and a stored story is found at the same visit either way: the other side's candidates do not change)
    heavy = stored_where_heavy if stored_only else where_heavy
    for i in g.visit:
        n = nodes[i]
        top = heapq.nlargest(BLOCK_TERMS, zip(n.centroid.values(), n.centroid))   # (weight, term): heaviest first
        mine = dots[i]
        if n.stored and fresh is not None:     # each once, in the order found
            seen = dict.fromkeys(chain(heavy_new(t) for _, t in top if t in fresh))
        else:
            seen = dict.fromkeys(chain(heavy(t) for _, t in top))
        seen.pop(i, None)
        if n.stored:
            found = [o for o in seen if o not in mine and not nodes[o].stored]
        else:
            found = [o for o in seen if o not in mine]
        if not found:
            continue
        put(n)
        for other in found:     # arrays made in the order `space.sums` would make them
            if nodes[other].ix is None:
                put(nodes[other])
            dots[other][i] = 0.0        # (the product below)
        mine.update(dict.fromkeys(found, 0.0))
        pairs.append((i, found))
    return _pair_products(g, pairs, lone)


def _postings(g: _Graph, stored_only: bool = False) -> tuple[dict[str, list[int]], set[str] | None]:
    """`_candidate_dots`' postings: term -> the stories that have it, in the order of the stories; and the terms
    looked up (None: all). A stored story's candidates are new ones, found by a term some new story has: with
    stored stories only those terms are looked up (a build adding a few articles to a big dossier reads few of its
    stories' terms); with `stored_only` (and stored stories) only those a stored story has too (a term of no
    stored story finds none)."""
    nodes = g.nodes
    fresh = {t for n in nodes if not n.stored for t in n.centroid} if g.stored.any() else None
    if stored_only and fresh is not None:
        fresh &= {t for n in nodes if n.stored for t in n.centroid}
    postings: dict[str, list[int]] = defaultdict(list)
    for i in g.visit:
        c = nodes[i].centroid
        for t in c if fresh is None else c.keys() & fresh:     # each posting in the order of the stories
            postings[t].append(i)
    return postings, fresh


def _pair_products(g: _Graph, pairs: Sequence[tuple[int, list[int]]],
                   lone: bool = True) -> list[tuple[float, int, int, int, int]]:
    """`_candidate_dots`' products of each story with its candidates found (`pairs`) into `g.dots`, each summed in
    the order of the candidate's arrays as `space.sums` does, over the arrays of all the stories at once; the heap
    of the pairs that reach the threshold."""
    nodes, dots, space = g.nodes, g.dots, g.space
    heap: list[tuple[float, int, int, int, int]] = []
    if not pairs:
        return heap
    rows = space.rows(nodes)
    starts, ix, w = rows.indptr, rows.indices, rows.data
    dense = space.dense
    for i, found in pairs:
        n, mine = nodes[i], dots[i]
        dense[n.ix] = n.w
        d = _some_row_sums(starts, ix, w, found, dense)
        dense[n.ix] = 0.0
        xs = d.tolist()
        mine.update(zip(found, xs))     # (its keys are there: the row keeps its order)
        for other, x in zip(found, xs):
            dots[other][i] = x
        for other, sim in g.reaching(i, found, d):
            sim *= _factor(n, nodes[other], lone)
            if sim >= THRESHOLD:
                heap.append((-sim, min(i, other), max(i, other), 0, 0))
    heapq.heapify(heap)     # the pairs differ: they pop in one order however they were pushed
    return heap


def _merge(g: _Graph, keep: int, gone: int) -> None:
    """Story `gone` into `keep`: vector sums, sizes, spans added. The merged story's candidates are both
    stories' (blocking, `_candidate_dots`); its dot product with one that was a candidate of both is the
    sum of theirs, with one that was a candidate of only one it is computed from the vector sums (what the
    other pair would have added), so that a candidate pair's similarity is exact. Those are computed at once
    per part in the clustering's `space`, whose arrays of `keep` take those of `gone`."""
    k, x = g.nodes[keep], g.nodes[gone]
    dots = g.dots
    g.live[gone] = False
    row, dots[gone] = dots[gone], {}
    row.pop(keep, None)
    mine = dots[keep]
    mine.pop(gone, None)
    # the rows are symmetric (only gone's candidates hold it), and keep's row is updated in place: a big story
    # absorbing a small one does not rebuild its many candidates' row; each sum is the one a new row had
    # keep changes now: a stored story it was never compared with (one that gone's row holds) becomes its candidate
    g.fixed[keep] = False
    for other in row:
        del dots[other][gone]
    with_k = [other for other in row if other not in mine]     # (in row's order: they enter keep's row so)
    for other in row.keys() & mine.keys():      # (each sum its own, in any order)
        mine[other] = dots[other][keep] = mine[other] + row[other]
    # a set difference: each candidate's sum is its own, in whatever order the candidates come
    with_g = list(mine.keys() - row.keys())
    nodes, space = g.nodes, g.space
    dk = space.sums(k, [nodes[o] for o in with_k])
    dg = space.sums(x, [nodes[o] for o in with_g])
    if with_k:      # (numpy's float sums are Python's: the same bits)
        dk += np.fromiter(map(row.__getitem__, with_k), np.float64, len(with_k))
        summed = dk.tolist()
        mine.update(zip(with_k, summed))
        for other, d in zip(with_k, summed):
            dots[other][keep] = d
    shared = np.flatnonzero(dg)     # x + 0.0 is x: the row of a candidate sharing no term with gone stays
    for i, d in zip(shared.tolist(), dg[shared].tolist()):
        other = with_g[i]
        mine[other] = dots[other][keep] = mine[other] + d
    (ck, nk), (cx, nx) = _named(k), _named(x)     # (before k is summed: read from its own centroid)
    k.countries, k.names = _union(ck, cx), _union(nk, nx)
    space.add(k, x)
    k.summed = True
    k.size += x.size
    g.size[keep] = k.size
    k.articles += x.articles
    if x.start is not None and x.end is not None:
        k.start = x.start if k.start is None else min(k.start, x.start)
        k.end = x.end if k.end is None else max(k.end, x.end)


def _into_index(index: StoryIndex, nodes: Mapping[str, _Node]) -> list[str]:
    """Write the clustering's stories into the index (centroids cut to CENTROID_TERMS); the new ids. A stored
    story merged into another (`_Node.absorbed`) goes, its articles (in their order) before the new ones."""
    opened = []
    for n in nodes.values():
        if not (n.articles or n.absorbed):
            continue
        c = index.clusters.get(n.id) or _Cluster(n.id)
        if not n.stored:
            index.clusters[n.id] = c
            opened.append(n.id)
        c.title = None                 # its articles changed: titled again
        countries, names = _named(n)       # (the whole story's, before its centroid is cut)
        c.countries, c.names = sorted(countries), sorted(names)
        c.centroid = dict(_heaviest(n.centroid)[:CENTROID_TERMS])
        for sid in n.absorbed:
            old = index.clusters.pop(sid)
            c.articles += old.articles
            for a in old.articles:
                index.story_of[a] = n.id
        c.articles += n.articles
        c.start, c.end = n.start, n.end
        for a in n.articles:
            index.story_of[a] = n.id
    return opened


# --- the steps the dossier calls --------------------------------------------------------------

@dataclass
class StoryInput:
    """What clustering reads of one article."""

    article: Article
    mentions: Sequence[Mention] = ()
    times: Sequence[TimeExpression] = ()


def _order(items: Sequence[StoryInput]) -> list[StoryInput]:
    """Oldest first, undated last, then by id: the order stories grow in."""
    return sorted(items, key=lambda x: (day_number(x.article.published) is None,
                                        day_number(x.article.published) or 0, x.article.id))


def cluster(items: Sequence[StoryInput], index: StoryIndex | None = None) -> tuple[list[Story], StoryIndex]:
    """Put articles into stories: into the stories of `index` (which is updated) or new ones.

    Articles already in the index keep their story, unless a new article reaches it: then it is clustered again
    with the new ones (`_weigh_and_place`); new ones join stored stories or open new ones (`_agglomerate`).
    Returns every story of the index that holds one of `items`' articles, and the index; a story whose
    articles did not change keeps the title the index holds for it (`_story`)."""
    by_id = {x.article.id: x for x in items}
    return cluster_lazily(list(by_id), lambda ids: [by_id[i] for i in ids], index)


def cluster_lazily(ids: Sequence[str], inputs_of: Callable[[Sequence[str]], Sequence[StoryInput]],
                   index: StoryIndex | None = None) -> tuple[list[Story], StoryIndex]:
    """`cluster` over the articles `ids`, reading an article's input (`inputs_of(ids)`) only where it is
    needed: the new articles' (to place them) and those of the stories titled again (whose articles
    changed); a stored story that kept its articles is made from the index alone. The same result as
    `cluster` over the inputs of all `ids`."""
    index = index if index is not None else StoryIndex()
    loaded: dict[str, StoryInput] = {}

    def members_of(wanted: Sequence[str]) -> list[StoryInput]:
        missing = [a for a in dict.fromkeys(wanted) if a not in loaded]
        if missing:
            loaded.update((x.article.id, x) for x in inputs_of(missing))
        return [loaded[a] for a in wanted]

    new = _order(members_of([i for i in ids if i not in index.story_of]))
    found = _Nouns(index.sentences)
    for x in new:   # the sentences' counts first, so that an outlet's sentence is one in all new articles alike
        index.add_sentences(x.article.id, (key for _, _, key in found.sentences(x)))
    base = {x.article.id: article_terms(x.article, x.mentions, x.times, found=found.of(x)) for x in new}
    for x in new:  # document frequencies first, so that all new articles are weighed alike
        index.n_docs += 1
        index.df.update(base[x.article.id].keys())
    # then the parts of compounds that the dossier writes as words of their own (in two articles at least)
    compounds: dict[str, tuple[str, ...]] = {}     # index.known does not change while the terms are read
    stems: dict[str, str | None] = {}
    known = _known_stems(index, len(new))
    # (the base terms with the parts added: article_terms with `known`; the placed articles keep their vectors)
    terms = {x.article.id: _add_parts(defaultdict(float, base[x.article.id]), x.article, found.of(x), known,
                                      compounds, stems) for x in new}
    for x in new:
        index.df.update(terms[x.article.id].keys() - base[x.article.id].keys())
    index.idf_memo = {}      # the document frequencies are final for this pass: its weighing and titling
    try:
        return _weigh_and_place(index, ids, new, terms, members_of, found)
    finally:
        index.idf_memo = None


# Articles a pass splits the compounds of, per term of the dossier's, from which the known terms are read as a set
# first (`KnownStems`: a scan of the document frequencies, which a build adding a few articles would not repay)
KNOWN_SET_ARTICLES = 1 / 500


def _known_stems(index: StoryIndex, articles: int) -> Callable[[str], bool]:
    """What `compound_parts` tests a stem with for a pass over `articles` articles: `index.known`, or where the pass
    reads many articles for the dossier's size, those known stems as a `KnownStems` (the same parts)."""
    return KnownStems(index.df) if articles >= KNOWN_SET_ARTICLES * len(index.df) else index.known


def _weigh_and_place(index: StoryIndex, ids: Sequence[str], new: Sequence[StoryInput],
                     terms: Mapping[str, Mapping[str, float]], members_of: Callable[[Sequence[str]], list[StoryInput]],
                     found: _Nouns) -> tuple[list[Story], StoryIndex]:
    """cluster_lazily's second half: the new articles' vectors placed (`_agglomerate`), stories opened named.

    The stored stories a new article reaches (it would join each alone; a lone one by the rule for stories:
    `_reached`) are clustered again with the new articles, from their articles' vectors weighed anew (`_dissolve`):
    a stored story cannot split, and a later report that fits a part of it better than the whole, or bridges it
    with another, would otherwise leave the stories as the order of the builds made them, not as one pass over all
    the articles does. Each
    such story's id goes to the story opened now that holds most of its articles (`_heirs`; the larger, then
    older, story first; none where a stored story holds most, which keeps its own)."""
    vecs = {x.article.id: index.vector(terms[x.article.id]) for x in new}
    for x in new:
        index.hashes[x.article.id] = x.article.content_hash or ""
    # a story opened now takes none of the ids the index holds but by inheritance (`_heirs`): not that of a story
    # taken apart or merged away in this pass either (its articles are another story's now)
    used = set(index.clusters)
    placing = list(new)
    was = _dissolve(index, [(x.article.id, vecs[x.article.id], day_number(x.article.published)) for x in new],
                    set(ids))
    if was:
        again = members_of([a for c in was for a in c.articles])
        compounds: dict[str, tuple[str, ...]] = {}
        stems: dict[str, str | None] = {}
        known = _known_stems(index, len(again))
        for x in again:     # counted in the document frequencies when first placed
            base = article_terms(x.article, x.mentions, x.times, found=found.of(x))
            vecs[x.article.id] = index.vector(_add_parts(defaultdict(float, base), x.article, found.of(x),
                                                         known, compounds, stems))
        placing = _order([*new, *again])
    opened = _agglomerate(index, [(x.article.id, vecs[x.article.id], day_number(x.article.published))
                                  for x in placing])
    heir = _heirs(index, was, opened)
    # a story opened now is named after its title over all the articles it got in this pass; then never again
    for tmp in opened:
        if tmp in heir:
            old = heir[tmp]
            c = index.clusters[tmp]
            index.rename(tmp, old.id)
            if set(c.articles) == set(old.articles):     # clustered again as it was: its order and title stay
                c.articles, c.title = old.articles, old.title
            continue
        p = _title_parts(members_of(index.clusters[tmp].articles), index, found)
        sid = _story_id(p, used)
        index.rename(tmp, sid)
        index.clusters[sid].title = _title_row(p)        # titled over all its articles: `_story` keeps it
        used.add(sid)
    return _stories(index, set(ids), members_of, found), index


def _dissolve(index: StoryIndex, new: Sequence[tuple[str, dict[str, float], int | None]],
              readable: set[str]) -> list[_Cluster]:
    """The stored stories that one of the `new` articles reaches (`_reached`), taken out of the index (in the
    index's order: oldest first); only those whose articles are all `readable` (their inputs can be read)."""
    if not index.clusters or not new:
        return []
    reached = _reached(index, new)
    was = [c for cid, c in index.clusters.items() if cid in reached and readable.issuperset(c.articles)]
    for c in was:
        for a in c.articles:
            del index.story_of[a]
        del index.clusters[c.id]
    return was


def _reached(index: StoryIndex, new: Sequence[tuple[str, dict[str, float], int | None]]) -> set[str]:
    """The ids of the stored stories whose similarity with one of the `new` articles alone reaches THRESHOLD (after
    `_factor` by the rule for stories, also for a stored lone report: see below): those it would join, were it the
    only new one, and the lone reports a story of it and others may join. Found as `_agglomerate` finds its first
    pairs. (Not found: a stored story that only the new articles' story reaches - their mean, their names or span
    together - while none of them does alone; it keeps its stored weights.)"""
    nodes: dict[str, _Node] = {cid: _stored_node(c) for cid, c in index.clusters.items()}
    for k, (aid, vec, day) in enumerate(new):
        nodes[f"~{k}"] = _Node(f"~{k}", vec, 1, day, day, False, [aid])
    g = _Graph(nodes)
    # a stored lone report and a new one by the rule for stories, not place_factor: the new report may join others
    # of this build first, and that story meets the lone report by the rule for stories - where it reaches it, the
    # lone report is weighed anew with this build's document frequencies, as one pass weighs it (with those of the
    # build that stored it, it could join a story that one pass keeps apart)
    return {g.nodes[i].id for _, a, b, _, _ in _candidate_dots(g, lone=False, stored_only=True) for i in (a, b)
            if g.stored[i]}


def _heirs(index: StoryIndex, was: Sequence[_Cluster], opened: Sequence[str]) -> dict[str, _Cluster]:
    """Opened story -> the dissolved story whose id it takes: each dissolved story (the larger first, then the
    older) gives its id to the opened story that holds most of its articles, unless that one has an id already
    or is a stored story (which keeps its own)."""
    free = set(opened)
    heir: dict[str, _Cluster] = {}
    for c in sorted(was, key=lambda c: -len(c.articles)):       # stable: as large, the older first
        now = Counter(index.story_of[a] for a in c.articles)
        top = max(now, key=lambda cid: (now[cid], cid not in free))     # a tie: the stored story
        if top in free:
            heir[top] = c
            free.discard(top)
    return heir


def _stories(index: StoryIndex, ids: set[str], members_of: Callable[[Sequence[str]], list[StoryInput]],
             found: _Nouns) -> list[Story]:
    """The stories of the index that hold one of `ids`, sorted; the inputs read (at once) only of the
    stories to be titled (`_story`)."""
    of = {c.id: [a for a in c.articles if a in ids] for c in index.clusters.values()}
    members_of([a for c in index.clusters.values() if of[c.id] and not (c.title and len(of[c.id]) == len(c.articles))
                for a in of[c.id]])
    stories = []
    for c in index.clusters.values():
        if not of[c.id]:
            continue
        stories.append(_story(c, of[c.id], members_of, index, found))
    stories.sort(key=lambda s: (s.start is None, s.start or "", -len(s.articles), s.id))
    return stories


def update_stories(articles: Sequence[Article], mentions: Sequence[Mention] = (),
                   times: Sequence[TimeExpression] = (),
                   index: Mapping[str, Any] | None = None) -> tuple[list[Story], dict[str, Any]]:
    """The dossier's step: all stored articles in, their stories and the updated index (JSON) out.

    Articles the stored `index` has already placed keep their story (but for the stories a new article
    reaches: clustered again with it, `_weigh_and_place`); an article gone from the
    dossier leaves its story, a changed one (other content hash) is placed again; new ones
    join a story or open one. Only the stories that gained or lost articles are titled again."""
    by_id = {x.article.id: x for x in story_inputs(articles, mentions, times)}
    return update_stories_lazily({a.id: a.content_hash or "" for a in articles},
                                 lambda ids: [by_id[i] for i in ids], index)


def update_stories_lazily(current: Mapping[str, str], inputs_of: Callable[[Sequence[str]], Sequence[StoryInput]],
                          index: Mapping[str, Any] | None = None) -> tuple[list[Story], dict[str, Any]]:
    """`update_stories` over the stored articles `current` (id -> content hash, oldest first), reading
    an article's input (`inputs_of(ids)`: each with all its mentions and times, `StoryInput`) only where
    clustering needs it (`cluster_lazily`): a build that adds a few articles to a big dossier reads theirs
    and those of the stories they join, not the whole dossier's. The same result as `update_stories`."""
    idx = StoryIndex.from_json(index)
    stale = [a for a in idx.story_of if a not in current or idx.hashes.get(a, "") != current[a]]
    idx.remove(stale)
    for a in stale:
        idx.hashes.pop(a, None)
        idx.forget_sentences(a)
        idx.n_docs = max(0, idx.n_docs - 1)   # its terms stay in df: a small bias the next full rebuild clears
    stories, idx = cluster_lazily(list(current), inputs_of, idx)
    return stories, idx.to_json()


def story_inputs(articles: Sequence[Article], mentions: Sequence[Mention],
            times: Sequence[TimeExpression], countries: bool | None = None) -> list[StoryInput]:
    """Each article with its mentions and time expressions. Where the entity extractor did not
    run (no article has a mention; `countries` says so of a dossier when only some of its articles are
    given), the countries named in the text stand in for them."""
    by_article: dict[str, list] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    if countries if countries is not None else not by_article:
        for a in articles:
            by_article[a.id] = country_mentions(a)
    times_of: dict[str, list] = defaultdict(list)
    for t in times:
        times_of[t.article].append(t)
    return [StoryInput(a, by_article.get(a.id, ()), times_of.get(a.id, ())) for a in articles]


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, tuple[str, str]]:
    """Word -> (ISO code, label) for one-word country names, their genitives and adjectives."""
    from ..geo import gazetteer

    out: dict[str, tuple[str, str]] = {}
    for c in gazetteer().countries.values():
        for n in c.names:
            if " " not in n and len(n) > 2:
                out[n] = (c.iso, "LOC")
                if not n.endswith(("s", "x", "z", "ß")):
                    out[n + "s"] = (c.iso, "LOC")
        for adj in c.adjectives:
            for ending in ("e", "en", "er", "es", "em"):
                out[adj[:1].upper() + adj[1:] + ending] = (c.iso, "GPE")   # "Marokkanische" at a start
                out[adj + ending] = (c.iso, "GPE")
    return out


def country_mentions(article: Article) -> list[Mention]:
    """The countries an article names (Marokko, Marokkos, marokkanische), read from the text alone."""
    forms = _country_forms()
    return [Mention(article.id, m.start(), m.end(), m.group(), forms[m.group()][1], forms[m.group()][0],
                    f"country:{forms[m.group()][0]}")
            for m in _WORD.finditer(article.text) if m.group() in forms]


def cluster_articles(articles: Sequence[Article], mentions: Sequence[Mention] = (),
                     times: Sequence[TimeExpression] = ()) -> list[Story]:
    """Stories of a batch of articles from scratch (the `lagebild stories PATH...` case)."""
    return cluster(story_inputs(articles, mentions, times))[0]


def story_of(stories: Iterable[Story]) -> dict[str, str]:
    """article id -> story id: what blocks claim grouping and event merging per story."""
    return {a: s.id for s in stories for a in s.articles}


# --- titles -----------------------------------------------------------------------------------

@dataclass
class _Parts:
    noun: str | None
    place: str | None
    place_phrase: str | None          # "in der Türkei", as the articles write it
    start: int | None                 # day numbers
    end: int | None
    first: str | None = None          # the publication dates as given ("2025-06", "2025-06-17")
    last: str | None = None


class _Nouns:
    """Each article's `nouns` once per pass: outside its time expressions and the outlet's sentences (`of`;
    `counts`: the dossier's sentence counts, `StoryIndex.sentences`), and outside its mentions too (`of(x, True)`)."""

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        self.found: dict[tuple[str, bool], list[tuple[str, str, int]]] = {}
        self.counts: Mapping[str, int] = counts if counts is not None else {}
        self.split: dict[str, list[tuple[int, int, str]]] = {}

    def sentences(self, x: StoryInput) -> list[tuple[int, int, str]]:
        if x.article.id not in self.split:
            self.split[x.article.id] = unnamed_sentences(x.article.text, x.mentions)
        return self.split[x.article.id]

    def of(self, x: StoryInput, names: bool = False) -> list[tuple[str, str, int]]:
        key = (x.article.id, names)
        if key not in self.found:
            if names:
                self.found[key] = _outside(self.of(x), _skip_spans((), x.mentions))
            else:
                outlet = outlet_sentences(self.sentences(x), self.counts) if self.counts else []
                self.found[key] = nouns(x.article, sorted(_skip_spans(x.times, ()) + outlet))
        return self.found[key]


def _title_parts(members: Sequence[StoryInput], index: StoryIndex, found: _Nouns | None = None) -> _Parts:
    noun = _event_noun(members, index, found or _Nouns())
    place, phrase = _main_place(members)
    dated = sorted((d, x.article.published) for x in members if (d := day_number(x.article.published)) is not None)
    return _Parts(noun, place, phrase, dated[0][0] if dated else None, dated[-1][0] if dated else None,
                  dated[0][1] if dated else None, dated[-1][1] if dated else None)


def _event_noun(members: Sequence[StoryInput], index: StoryIndex, found: _Nouns) -> str | None:
    """The heaviest noun stem over the members (title and first sentence count double), not a name or a month."""
    weight: dict[str, float] = defaultdict(float)
    months = _months()
    for x in members:
        a = x.article
        lead = len(a.title) if a.title and a.text.startswith(a.title) else _lead_end(a.text)
        seen: Counter = Counter()
        for stem, word, start in found.of(x, True):
            if word.casefold() in months:
                continue
            seen[stem] += 2 if start < lead else 1
        for stem, n in seen.items():
            weight[stem] += (1 + math.log(n)) * index.idf(stem)
    if not weight:
        return None
    # German names an event in the compounds it begins too ("Erdbebenopfer", "Hochwasserhilfe"; the
    # head of a compound is the generic part: -opfer, -hilfe): a noun that begins the story's other
    # nouns gains half their weight
    score = _compound_scores(weight)
    stem = max(score, key=lambda s: (score[s], s))
    forms = Counter(word for x in members for s, word, _ in found.of(x) if s == stem)   # shown: inside names too
    # the two noun lists are read with different spans skipped; where they disagree on a stem (a noun cut by
    # an odd span), the stem has no form to show and the title goes without the noun
    return _display(forms) if forms else None


def _compound_scores(weight: Mapping[str, float]) -> dict[str, float]:
    """Each stem's weight plus half the weight of the other stems it begins (of MIN_COMPOUND letters or
    more); those are found in the sorted stems, and summed in the order of `weight`."""
    order = {t: i for i, t in enumerate(weight)}
    ranked = sorted(weight)
    score = {}
    for s, w in weight.items():
        longer: list[str] = []
        if len(s) >= MIN_COMPOUND:
            k = bisect.bisect_left(ranked, s)
            while k < len(ranked) and ranked[k].startswith(s):
                if ranked[k] != s:
                    longer.append(ranked[k])
                k += 1
        longer.sort(key=order.__getitem__)
        score[s] = w + 0.5 * sum(weight[t] for t in longer)
    return score


def _main_place(members: Sequence[StoryInput]) -> tuple[str | None, str | None]:
    """The place or country most articles name (then most often) and its 'in ...' phrase; the town or
    region most articles name stands for its country where half the articles name it ("in Paris", not
    "in Frankreich")."""
    places: Counter = Counter()
    per_article: Counter = Counter()
    names: dict[str, Counter] = defaultdict(Counter)
    country_of: dict[str, str | None] = {}
    for x in members:
        keys = set()
        for m in x.mentions:
            if (m.label or "").upper() not in ("LOC", "GPE"):
                continue
            key = m.ref or m.text
            places[key] += 1
            keys.add(key)
            names[key][m.text] += 1
            country_of.setdefault(key, m.country)
        per_article.update(keys)
    if not places:
        return None, None
    key = max(places, key=lambda k: (per_article[k], places[k], k))
    towns = [k for k in places if not k.startswith("country:")]
    if key.startswith("country:") and towns:
        town = max(towns, key=lambda k: (per_article[k], places[k], k))     # the place most articles name
        if country_of.get(town) == key[8:] and 2 * per_article[town] >= len(members):
            key = town
    place = _place_name(key, names[key])
    return place, _in_phrase(place, [x.article.text for x in members])


def _lead_end(text: str, sentences: int = 1) -> int:
    """End of the first sentence(s) (a title-less article's headline, teaser, lead); blank lines are none."""
    end = count = 0
    for m in re.finditer(r"[.!?\n]", text):
        if text[end:m.end()].strip(" \t\r\n.!?"):
            count += 1
        end = m.end()
        if count >= sentences:
            return end
    return len(text)


def _display(forms: Counter) -> str:
    """The form to show: the shortest of those written at least half as often as the most frequent
    (the nominative, mostly: "Anschläge" before "Anschlägen", "Flüchtlinge" before a rare "Flüchtling");
    a form in -n or -s (a dative plural, a genitive) gives way to its base where that is written at all
    ("Palästinensern" -> "Palästinenser", "Erdbebens" -> "Erdbeben"; "Soldaten" stays: "Soldate" is no word)."""
    top = max(forms.values())
    form = min((w for w in forms if 2 * forms[w] >= top), key=lambda w: (len(w), -forms[w], w))
    for ending in ("n", "s"):
        if form.endswith(ending) and form[: -len(ending)] in forms:
            return form[: -len(ending)]
    return form


def _place_name(key: str, texts: Counter) -> str:
    """A country's name as the gazetteer has it (also for its adjective: "marokkanische" -> Marokko),
    another place's as the articles write it (the gazetteer's names of towns may be English)."""
    try:
        from ..geo import gazetteer

        g = gazetteer()
        if key.startswith("country:") and key[8:] in g.countries:
            return g.countries[key[8:]].name
    except Exception as e:  # noqa: BLE001 - the gazetteer is a nicety for titles; the text has a name too
        log.debug("no gazetteer name for %s: %s", key, e)
    return _display(texts)


@lru_cache(maxsize=4096)
def _phrase_pattern(place: str, article: bool = False) -> re.Pattern[str]:
    """`_in_phrase`'s pattern for one place (the preposition's, or with `article` the article's), compiled once:
    titling a big dossier's new stories asks of the same places again and again, of more of them than the re
    module's own cache holds."""
    if article:
        return re.compile(r"\b(zur|die|der|vom|zum|dem|des)\s+" + re.escape(place) + r"\b", re.IGNORECASE)
    return re.compile(r"\b(in der|in den|im|in)\s+" + re.escape(place) + r"\b")


def _in_phrase(place: str, texts: Sequence[str]) -> str:
    """'in Marokko', 'in der Türkei', 'im Iran', 'in den USA': as the articles write it."""
    pat = _phrase_pattern(place)
    # (a text without the place as written has no match: only those are searched)
    found = Counter(m.group(1) for t in texts if place in t for m in pat.finditer(t))
    if found:
        return f"{found.most_common(1)[0][0]} {place}"
    # no "in ..." in the texts: the article the place takes elsewhere says its gender
    # ("zur Türkei", "die Türkei" -> in der; "vom Iran", "des Iran" -> im; "der Türkei" is weaker evidence:
    # "der Iran" is a nominative too)
    art = _phrase_pattern(place, article=True)
    seen = Counter(m.group(1).lower() for t in texts for m in art.finditer(t))
    fem, masc = seen["zur"] + seen["die"] + 0.5 * seen["der"], seen["vom"] + seen["zum"] + seen["dem"] + seen["des"]
    prep = "in der" if fem > masc else "im" if masc > fem else "in"
    return f"{prep} {place}"


def _months() -> dict[str, int]:
    from ..lang.de import month_forms

    return month_forms()


def _when(start: int | None, end: int | None) -> str | None:
    """'September 2023', 'September bis Oktober 2023', 'Dezember 2023 bis Januar 2024'."""
    if start is None or end is None:
        return None
    import datetime as dt

    from ..lang.de import month_names

    a, b = dt.date.fromordinal(start), dt.date.fromordinal(end)
    names = month_names()
    if (a.year, a.month) == (b.year, b.month):
        return f"{names[a.month - 1]} {a.year}"
    if a.year == b.year:
        return f"{names[a.month - 1]} bis {names[b.month - 1]} {a.year}"
    return f"{names[a.month - 1]} {a.year} bis {names[b.month - 1]} {b.year}"


def _title(p: _Parts) -> str:
    head = " ".join(x for x in (p.noun, p.place_phrase) if x) or "Weitere Meldungen"
    when = _when(p.start, p.end)
    return f"{head}, {when}" if when else head


def _story_id(p: _Parts, used: set[str]) -> str:
    """A readable id from the title's parts: erdbeben-marokko-2023-09; unique in `used`."""
    bits = [p.noun or "meldungen", p.place or ""]
    if p.start is not None:
        import datetime as dt

        d = dt.date.fromordinal(p.start)
        bits.append(f"{d.year}-{d.month:02d}")
    base = "-".join(b for b in (_slug(x) for x in bits) if b) or "story"
    sid, k = base, 1
    while sid in used:
        k += 1
        sid = f"{base}-{k}"
    return sid


def _slug(text: str) -> str:
    """A story id's part: text.slugify without its "+" and ":" (those join a key's parts, an id has none)."""
    t = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _title_row(p: _Parts) -> list[Any]:
    """A cluster's title as the index keeps it: [title, event, place, first, last]."""
    return [_title(p), p.noun, p.place, p.first, p.last]


def _story(c: _Cluster, members: Sequence[str], inputs_of: Callable[[Sequence[str]], list[StoryInput]],
           index: StoryIndex, found: _Nouns) -> Story:
    """The story of cluster `c`, titled over `members` (read by `inputs_of` only then). A story titled over
    all its articles keeps that title (kept in the index) until its articles change: a build titles only
    the stories it touched, and a title does not drift with the dossier-wide word weights while its story
    stays as it was."""
    whole = len(members) == len(c.articles)
    if not (whole and c.title):
        title = _title_row(_title_parts(inputs_of(members), index, found))
        if whole:
            c.title = title
    else:
        title = c.title
    top = _heaviest(c.centroid)
    keywords = [t for t, _ in top if not t.startswith("@")][:8]
    return Story(id=c.id, title=title[0], start=title[3], end=title[4], articles=list(c.articles),
                 event=title[1], place=title[2], keywords=keywords)
