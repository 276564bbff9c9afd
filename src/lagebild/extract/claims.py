"""The claims extractor: quantitative claims from German news, per ../shared/eval/CONTRACT.md.

``nlp.add_pipe("lagebild_claims")`` writes ``doc._.claims``: one `model.Claim`
per figure with a counted noun - its bounds and qualifier (numbers.py), the
counted noun as written, who says so (attribution/figures.py, from the parse) and whether it is hedged
and what it measures (measures.py). Groups across articles are assigned later
by `lagebild.consolidate.groups.group_claims`.

Works on the blank tokenizer: sentences come from the Doc (any sentencizer or
parser) and are cut again at line breaks, because headlines and subheadings
carry no full stop. POS tags are used only where the pipeline has them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..keys import VICTIM_KINDS, key_parts
from ..lang.de import pairs, rows, weekdays
from ..lang.de import words as lexicon_words
from ..model import Claim, TimeExpression, TimeValue
from ..text import slugify
from . import attribution as attr
from . import changes, default_time, doc_text, modality, quantity
from . import measures as meas
from .numbers import (
    DATING_PARTICIPLE,
    MONTHS,
    SCALES,
    SENTENCE_STARTERS,
    WEEKDAYS,
    QuantityPhrase,
    find_figures,
    fraction_denominator,
    parse_word,
    scan_numbers,
)

# Words between a number and its noun that are not adjectives but still modifiers.
PRE_MODS = lexicon_words("figure_premodifiers")          # lang/de/figure_premodifiers.txt
NOT_COUNTED = set(MONTHS) | set(WEEKDAYS) | {"uhr", "mal"}
CONJ = {"und", "oder", "sowie", "bzw."}


@dataclass
class Unit:
    """A sentence, cut at line breaks: what attribution and hedging look at."""

    start: int
    end: int
    sent_index: int
    paragraph: int
    heading: bool
    title: bool


def split_units(doc: Doc, text: str | None = None) -> list[Unit]:
    """Sentences of the Doc, cut at line breaks; headlines are lines without a closing stop.
    text: doc.text when the caller has it (spaCy joins every token to make it)."""
    text = doc_text(doc) if text is None else text
    title_end = doc._.title_end or 0            # no title known: none guessed
    units: list[Unit] = []
    paragraph = 0
    try:
        sents = list(doc.sents)
        bounds = [(s.start_char, s.end_char) for s in sents]
    except ValueError:                       # no sentence boundaries set: one unit per line
        bounds = [(0, len(text))]
    last_end = 0
    for si, s0, s1 in _number_word_openers(text, bounds):
        for a, b in _at_title_end(_pieces(text, s0, s1), title_end, text):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a >= b:
                continue
            if "\n" in text[last_end:a]:
                paragraph += 1
            last_end = b
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            line_end = len(text) if line_end < 0 else line_end
            whole_line = text[line_start:a].strip() == "" and text[b:line_end].strip() == ""
            heading = whole_line and not re.search(r"[.!?…\"“”»«)]$", text[a:b]) and len(text[a:b].split()) <= 20 \
                and not attr.LIST_ITEM.match(text[a:b])          # "- 9 Tote in Caylloma" is an item, no heading
            units.append(Unit(a, b, si, paragraph, heading or a < title_end, a < title_end))
    return units


def _number_word_openers(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The sentences with a lone number word that opens the sentence after it put back into it: capitalised at a
    sentence's start, the parser may take the word for a noun or an article and end a sentence after it ("Acht
    Menschen wurden ... erschossen" as "Acht" + "Menschen wurden ..."). A bare number word with no stop, followed on
    its line by more words, is never a sentence of its own. (index, start, end) of each, the index the parser's."""
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(bounds):
        s0, s1 = bounds[i]
        word = text[s0:s1].strip()
        if i + 1 < len(bounds) and word.isalpha() and parse_word(word.lower()) is not None and \
                "\n" not in text[s1:bounds[i + 1][0]]:
            out.append((i, s0, bounds[i + 1][1]))
            i += 2
            continue
        out.append((i, s0, s1))
        i += 1
    return out


# "... in Augsburg rund 6.500. Insgesamt ...": a sentence ending in a number the tokenizer kept whole
_NUMBER_STOP = re.compile(r"(?<=\d)\.\s+(?=([A-ZÄÖÜ][a-zäöüß]*))")


def _pieces(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """Lines of a sentence, each cut again after a number that ends a sentence."""
    out = []
    for m in re.finditer(r"[^\n]+", text[s0:s1]):
        a, b = s0 + m.start(), s0 + m.end()
        for stop in _NUMBER_STOP.finditer(text, a, b):
            num = re.search(r"[\d.,'’]+$", text[a:stop.start()])
            nxt = stop.group(1).lower()
            if num and (re.search(r"\d[.,'’]\d", num.group(0)) or nxt in SENTENCE_STARTERS or
                        nxt in attr.FUNCTION_WORDS) and nxt not in MONTHS:
                out.append((a, stop.start() + 1))      # an ordinal ("der 3. Anschlag") does not end a sentence
                a = stop.end()
        out.append((a, b))
    return out


def _at_title_end(pieces: list[tuple[int, int]], title_end: int, text: str) -> list[tuple[int, int]]:
    """The pieces cut again where the article's title ends: the parser may run a headline ending in a number into
    the lead ("... zwischen 2010 und 2013. Linz – Das Landesgericht hat ..."), which made the lead's
    figures headline figures (no sentence after a headline points back to it). Only between words: a title the
    text merely begins with ("Hochwasser in Linz" before "Hochwasser in Linzer Altstadt") ends no word there."""
    out = []
    for a, b in pieces:
        if a < title_end < b and text[title_end].isspace():
            out += [(a, title_end), (title_end, b)]
        else:
            out.append((a, b))
    return out


def _unit_at(units: list[Unit], pos: int) -> int:
    for i, u in enumerate(units):
        if u.start <= pos < u.end:
            return i
    return -1


def _is_noun(doc: Doc, t: attr.Tok, has_pos: bool) -> bool:
    if t.lower in attr.FUNCTION_WORDS or t.lower in attr.DETERMINERS or t.lower in NOT_COUNTED:
        return False
    if has_pos:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        # after a figure a capital letter marks a noun; taggers call nominalised participles ("Evakuierte",
        # "Verletzte") verbs, so only function-word tags overrule it
        if span is not None and len(span) and span[0].pos_ in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART"):
            return False
    return t.is_cap and t.is_word


def _counted_after(doc: Doc, text: str, fig: QuantityPhrase, limit: int,
                   has_pos: bool) -> tuple[list[attr.Tok], list[str], int, bool]:
    """The counted noun(s) after a figure: (nouns, modifiers, end offset, a partitive: "rund 400 der Flüchtlinge");
    text is doc.text (computed once). The noun that closes an extended attribute after the figure by its parts of
    speech (`_attached_noun`: the parser does not attach the number there), else the words right after it."""
    toks = _glue_insertions(attr.tokenize(text[fig.end:limit][:160], fig.end))
    if fig.kind == "vague" and len(toks) > 1 and toks[0].lower == "von":
        # "Dutzende von Toten", "Tausende von Flüchtlingen": a number noun's "von" names what it counts
        toks = toks[1:]
    nouns: list[attr.Tok] = []
    mods: list[str] = []
    if toks and toks[0].lower == "der" and (found := _partitive(doc, toks, has_pos)) is not None:
        part, of_them = found
        return [part], [], part.end, of_them
    if len(toks) > 1 and toks[0].text == "-" and toks[0].start == fig.end and toks[1].start == toks[0].end and \
            toks[1].is_cap and re.fullmatch(r"[\d.,]+", text[fig.num_start:fig.end]):
        # "8-Kilo-Bombe" (numbers.py): counted as written, measured by its unit (the word Kilo, the offsets of all)
        return [attr.Tok(toks[1].text.split("-")[0], toks[1].start, toks[1].end)], [], toks[1].end, False
    k = 0
    attached = _attached_noun(doc, fig, limit) if has_pos else None
    if attached is not None:
        k = next((j for j, t in enumerate(toks) if t.start == attached.idx), -1)
        if k > 0:                        # past an attribute: "die 40 im Stollen eingeschlossenen Bergleute"
            nouns.append(toks[k])
            mods = [t.text for t in toks[:k] if t.is_word and not t.is_cap and (attr._adj_like(t) or _attribute(
                doc, t))]
            return _coordinated(doc, toks, k, nouns, mods, has_pos)
        k = 0
    while k < len(toks) and len(mods) <= 3:
        t = toks[k]
        if t.text in ("%", "€", "$", "£"):
            nouns.append(t)
            break
        if k + 1 < len(toks) and toks[k + 1].is_cap and _is_noun(doc, toks[k + 1], has_pos) and \
                meas.place_adjective(t.text) and _pos(doc, t) == "ADJ":
            mods.append(t.text)             # "hunderte Wiener Gemeindebedienstete": the place adjective modifies
            k += 1
            continue
        if _is_noun(doc, t, has_pos):
            nouns.append(t)
            break
        if t.is_word and not t.is_cap and (attr._adj_like(t) or t.lower in PRE_MODS):
            mods.append(t.text)
            k += 1
            continue
        return [], mods, fig.end, False
    if not nouns:
        return [], mods, fig.end, False
    return _coordinated(doc, toks, k, nouns, mods, has_pos)


def _coordinated(doc: Doc, toks: list[attr.Tok], k: int, nouns: list[attr.Tok], mods: list[str],
                 has_pos: bool) -> tuple[list[attr.Tok], list[str], int, bool]:
    """The counted noun toks[k] (nouns[0]) with an English compound's second word and the nouns coordinated with
    it: (nouns, modifiers, end offset, no partitive)."""
    # English compounds in German text: "5.000 europäische Foreign Fighters", "Special Forces"
    if k + 1 < len(toks) and _ENGLISH_ADJ.search(nouns[0].text) and toks[k + 1].is_cap and \
            re.fullmatch(r"[A-Za-z]+s", toks[k + 1].text) and toks[k + 1].start == nouns[0].end + 1:
        nouns[0] = attr.Tok(f"{nouns[0].text} {toks[k + 1].text}", nouns[0].start, toks[k + 1].end)
        k += 1
    # coordination: "Tote und Verletzte", "Soldaten und Bauarbeiter", "Drohnen- und Raketenangriffe"
    k += 1
    while k + 1 < len(toks) and toks[k].lower in CONJ:
        j = k + 1
        while j < len(toks) and toks[j].is_word and not toks[j].is_cap and attr._adj_like(toks[j]):
            j += 1
        if j >= len(toks) or not _is_noun(doc, toks[j], has_pos):
            break
        first, second = nouns[-1], toks[j]
        d1, d2 = meas.classify(first.text)[1], meas.classify(second.text)[1]
        dem1, dem2 = meas.demonym_key(first.text), meas.demonym_key(second.text)
        same = first.text.endswith("-") or (d1 or ("person" if dem1 else None)) in ("person", "casualty") and \
            (d2 or ("person" if dem2 else None)) in ("person", "casualty")
        if not same:
            break
        nouns.append(second)
        k = j + 1
    return nouns, mods, nouns[-1].end, False


# Editorial insertions glued to a word in quotations: "angreifende[n]", "Soldat[en]" (one word for the walk)
_INSERTION = re.compile(r"\[[a-zäöüß]{1,3}\]")


def _glue_insertions(toks: list[attr.Tok]) -> list[attr.Tok]:
    """Words with an editorial insertion glued to them ("angreifende[n]") as one word, read with the insertion
    ("angreifenden"), its offsets those of the whole."""
    out: list[attr.Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if k + 3 < len(toks) and toks[k + 1].start == t.end and _INSERTION.fullmatch(
                "".join(x.text for x in toks[k + 1:k + 4])) and toks[k + 3].end - t.end == 2 + len(toks[k + 2].text):
            out.append(attr.Tok(t.text + toks[k + 2].text, t.start, toks[k + 3].end))
            k += 4
            continue
        out.append(t)
        k += 1
    return out


# Counted nouns found past what stands between the figure and its noun, by whether the parse agrees (reported by
# benchmarks/parse_fallbacks.py; on the dev half the parse attached none of them, 2026-12-05)
COUNTED_STATS: Counter[str] = Counter()
# Parts of speech (STTS) of an extended attribute's words before its closing participle or adjective: a PP's
# preposition, article and noun, adverbs ("die 40 im Stollen eingeschlossenen", "5.000 seit Jahren im Land lebende")
_ATTRIBUTE_TAGS = frozenset({"APPR", "APPRART", "ART", "NN", "NE", "ADV", "ADJD", "ADJA", "CARD", "PIAT",
                             "PPOSAT", "PDAT", "KON", "TRUNC"})


def _attached_noun(doc: Doc, fig: QuantityPhrase, limit: int) -> Token | None:
    """The noun a figure's number counts past an extended attribute between them ("etwa 5.000 im Land lebende
    Saisonkräfte", "die 40 im Stollen eingeschlossenen Bergleute"): the noun that closes the attribute by its parts of
    speech (`_attribute_close`), in number agreement with the figure. Counted in COUNTED_STATS by whether the
    parse agrees (the number is the noun's `nummod`) or attaches the number elsewhere (a wrong parse: the parts
    of speech decide). None where the noun follows the figure directly (the word walk of `_counted_after` reads
    it) or no attribute closes."""
    num = quantity.figure_token(doc, fig.num_start, fig.end)
    if num is None or num.i + 1 >= len(doc) or doc[num.i + 1].idx >= limit:
        return None
    found = _attribute_close(doc, num.i + 1, limit)
    if found is None or not _agrees(found, fig):
        return None
    agree = num.dep_ == "nummod" and num.head.i == found.i
    COUNTED_STATS["parse: nummod past an attribute" if agree else "fallback: attribute by parts of speech"] += 1
    return found


def _agrees(noun: Token, fig: QuantityPhrase) -> bool:
    """Does the attribute agree with a figure above one in number: its closing adjective or participle in no
    singular-only strong ending (-er, -es: "vier für den Verein nur einmaliger Ausrutscher" counts no Ausrutscher;
    plural "lebende", "nominierten")? Inflection, not the morphologizer's number, which says singular of plural
    participles and of nouns that look alike in both ("Arbeiter")."""
    return fig.high <= 1 or not noun.doc[noun.i - 1].lower_.endswith(("er", "es"))


def _attribute_close(doc: Doc, i: int, limit: int) -> Token | None:
    """The noun after an extended attribute that starts at token i: a prepositional phrase first, then at most
    eight words of _ATTRIBUTE_TAGS, closed by an inflected participle or adjective (ADJA) right before a noun that
    no preposition governs; None for anything else ("500 aus dem benachbarten Dorf" is a PP, no attribute)."""
    if i >= len(doc) or doc[i].tag_ not in ("APPR", "APPRART", "ADV", "ADJD"):
        return None
    in_pp = False
    for j in range(i, min(len(doc) - 1, i + 9)):
        t, nxt = doc[j], doc[j + 1]
        if t.tag_ not in _ATTRIBUTE_TAGS or nxt.idx >= limit or nxt.is_sent_start or \
                t.tag_ in ("ART", "PIAT", "PPOSAT", "PDAT") and not in_pp:
            return None                    # an article outside a PP opens a noun phrase of its own
        if t.tag_ in ("APPR", "APPRART"):
            in_pp = True
        elif t.tag_ in ("NN", "NE"):
            in_pp = False                  # the PP's noun closes it
        elif t.tag_ == "ADJA" and not in_pp and nxt.tag_ == "NN" and nxt.pos_ == "NOUN":
            return nxt
    return None


def _partitive(doc: Doc, toks: list[attr.Tok], has_pos: bool) -> tuple[attr.Tok, bool] | None:
    """The counted noun after a figure and a genitive article, and whether the figure is a part of it: a partitive
    ("rund 400 der Flüchtlinge": some of them, True), or an extended attribute ("drei der Partei zustehenden
    Ministerposten": the noun after the participle phrase, False)."""
    if not has_pos:
        return None
    k = 1
    while k < len(toks) and k <= 3 and toks[k].is_word and not toks[k].is_cap and attr._adj_like(toks[k]):
        k += 1
    if k >= len(toks) or not _is_noun(doc, toks[k], has_pos) or toks[k].text.isupper():
        return None                     # "14 der ÖVP": of a party (an acronym), not a partitive of a noun
    span = doc.char_span(toks[k].start, toks[k].end, alignment_mode="expand")
    if span is None or span[-1].pos_ != "NOUN" or not span[-1].dep_.startswith("nmod") or \
            span[-1].head.pos_ != "NUM":
        return None                     # "wovon 4,2 der Verein trägt": a subject, no genitive of the figure
    j = k + 1
    if j + 1 < len(toks) and toks[j].is_word and not toks[j].is_cap and _attribute(doc, toks[j]) and \
            _is_noun(doc, toks[j + 1], has_pos):
        return toks[j + 1], False       # "der Partei zustehenden Ministerposten"
    return toks[k], True


def _pos(doc: Doc, t: attr.Tok) -> str | None:
    """The parse's part of speech of a word (None without a tagger)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span[0].pos_ if span is not None and len(span) and span[0].pos_ else None


def _attribute(doc: Doc, t: attr.Tok) -> bool:
    """Does a word close an extended attribute before its noun: an inflected adjective or participle
    ("zustehenden", "genannten"), not a verb ("sollen")?"""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and (span[0].tag_ in ("ADJA", "VVPP") or _present_participle(t.lower))


@lru_cache(maxsize=1)
def _participle_endings() -> tuple[str, ...]:
    """A present participle's inflected endings (lang/de/person_forms.tsv: present x endings): "-ende", "-enden"."""
    forms = {r[0]: r[1] for r in rows("person_forms") if len(r) > 1}
    present = [w.strip() for w in forms["present"].split(",") if w.strip()]
    endings = [w.strip() for w in forms["endings"].split(",") if w.strip()]
    return tuple(p + e for p in present for e in endings)


def _present_participle(word: str) -> bool:
    return word.endswith(_participle_endings())


_ENGLISH_ADJ = re.compile(r"^[A-Z][a-z]*(ign|ial|al|an|ed|ing|ic|ous|ive|ern|ish|ary|ial|ced|ble)$")


def _counted_before(text: str, unit: Unit, fig: QuantityPhrase) -> str | None:
    """``Die Zahl der Toten stieg auf 50``, ``Die Opferzahl liegt bei 50``: the noun before the figure."""
    before = text[unit.start:fig.start]
    last = list(re.finditer(r"\bZahl (?:der|von)\s+(?:[a-zäöüß]+\s+)?([A-ZÄÖÜ][\wäöüß\-]+)", before))
    if last:
        return last[-1].group(1)
    last = list(re.finditer(r"\b([A-ZÄÖÜ][\wäöüß]+?)(?:es|s)?zahl\b", before))
    if last and last[-1].group(1).lower() not in ("ein", "an", "gesamt"):
        return last[-1].group(1)
    return None


def _subject_noun(text: str, unit: Unit, fig: QuantityPhrase) -> str | None:
    """The first noun of a known class before a bare figure: "Die meisten Antragsteller kamen aus Syrien (76.765)"."""
    for t in attr.tokenize(text[unit.start:fig.start]):
        if t.is_cap and t.is_word and t.lower not in attr.FUNCTION_WORDS and meas.classify(t.text)[1] in (
                "person", "casualty", "weapon", "site", "event"):
            return t.text
    return None


# English digit grouping in German text ("1,200 Menschen"): a count of people or things has no decimals.
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _english_thousands(text: str, fig: QuantityPhrase, counted: str) -> QuantityPhrase:
    num = text[fig.num_start:fig.end]
    if fig.kind != "cardinal" or fig.is_range or not _EN_THOUSANDS.fullmatch(num):
        return fig
    domain = meas.classify(counted.split()[-1])[1]
    if domain in ("money", "percent", "measure", "time") or (domain is None and not meas.demonym_key(counted)):
        return fig
    value = float(num.replace(",", ""))
    return QuantityPhrase(fig.start, fig.end, fig.text, value, value, fig.qualifier, fig.kind, fig.num_start, fig.unit)


# Qualifier words the word rules of numbers.py take only in listed contexts (qualifier_contexts.tsv): the parse
# decides where they stand elsewhere ("verlor zuletzt gut drei Prozentpunkte")
_CONTEXT_QUALIFIERS = {w: q for w, q in pairs("qualifiers", column=1).items() if w == "gut"}


def _qualifier_by_parse(doc: Doc, fig: QuantityPhrase) -> QuantityPhrase:
    """A figure without a qualifier whose number has "gut" right before it as its adverb in the parse ("verlor zuletzt
    gut drei Prozentpunkte"): more than, the phrase from "gut" on (numbers.py reads "gut" only after the
    words of qualifier_contexts.tsv; an adjective "gut", a noun "Gut" or a "gut" of another word stays none)."""
    if fig.qualifier != "exact" or fig.start != fig.num_start:
        return fig
    num = quantity.figure_token(doc, fig.num_start, fig.end)
    if num is None or num.i == 0:
        return fig
    prev = doc[num.i - 1]
    if prev.text not in _CONTEXT_QUALIFIERS or prev.dep_ != "advmod" or prev.head.i != num.i:
        return fig
    return QuantityPhrase(prev.idx, fig.end, doc.text[prev.idx:fig.end], fig.low, fig.high,
                          _CONTEXT_QUALIFIERS[prev.text], fig.kind, fig.num_start, fig.unit, fig.is_range)


def _elliptic(own: meas.Measure, prev: meas.Measure, place: str | None) -> meas.Measure:
    """The measure of an elliptic figure: the one before it, with its own place and its own nationality
    where it names one ("Aserbaidschan hat 64.000 aktive Soldaten. Armenien kommt auf 42.000.")."""
    subject = prev.subject
    if own.kind == prev.kind and own.subject and prev.subject and ":" in prev.subject and ":" in own.subject:
        nat = own.subject.partition(":")[0]
        pnat, _, pcls = prev.subject.partition(":")
        subject = f"{nat if nat not in ('', '-') else pnat}:{pcls}"
    return meas.Measure(prev.kind, subject, prev.action, place or prev.place)


# A clause's bound after a figure: a semicolon, a colon or a comma, never a decimal comma ("je 1,5 in ...")
CLAUSE_MARK = re.compile(r"[;:]|,(?!\d)|(?<!\d),")


def _place_after(ctx: meas.FigureContext, doc: Doc) -> str | None:
    """The place an elliptic figure names right after itself, in its own clause and before the next figure: German
    gives the figures of one count place by place, each place after its figure ("480 lebten in Neustadt in Zelten,
    je 200 in Altdorf und in Tal und 50 in Au") - the place before the figure's comma is the figure before's, and
    a place after it is the next figure's only past that figure. Of several, the last, the finest ("2.500 vor dem
    Kanzleramt in Berlin"; places joined by "und" are one: "in Altdorf und in Tal"). None where it names none.
    A conjunction followed by a finite verb before the clause's end opens a new main clause (German puts one phrase,
    often a place, before the finite verb: "30 davon in der Nacht und in Neustadt stürzte danach ein Haus ein"): the
    figure's clause ends at the conjunction, the place after it is the new clause's (`doc` is the parsed text)."""
    stop = ctx.next_figure if ctx.next_figure is not None and ctx.next_figure < ctx.unit[1] else ctx.unit[1]
    m = CLAUSE_MARK.search(ctx.text, ctx.end, stop)
    clause_end = m.start() if m else stop
    span = [t for t in doc if ctx.end <= t.idx < clause_end]
    clause_end = next((t.idx for n, t in enumerate(span) if t.pos_ == "CCONJ" and any(
        v.pos_ in ("VERB", "AUX") and (v.tag_.endswith("FIN") or v.morph.get("Mood", [])) for v in span[n + 1:])),
        clause_end)                                 # a finite verb: STTS *FIN, or a mood the tagger marks
    if clause_end <= ctx.end:
        return None
    seg = meas._masked(ctx.text, ctx.end, clause_end, ctx.masked)
    found = meas._joint([(m.start(), key) for m in meas.LOCATIVE.finditer(seg)
                         if (key := meas._known_place(seg, m, ctx.text, ctx.places))])
    return found[-1][1] if found else None


# The scope of an amount per unit ("je 5.000 Euro"): the amount of each, never a total - a role like a part's, not a
# time (keys.key_parts: scope "each")
DISTRIBUTIVE = "each"
# What a role read from the parse makes of a figure whose counted noun says no role of its own.
ROLE_KINDS = {"killed": ("killed", None), "injured": ("injured", None), "missing": ("missing", None),
              "rescued": ("rescued", None), "evacuated": ("displaced", "evacuated"), "fled": ("displaced", "fled"),
              "arrested": ("detained", None), "participating": ("attendees", None), "aboard": ("aboard", None)}
# What a plan or an expectation makes of a crowd's or a force's figure of no action (the actions measures.py gives)
PLANNED_ACTIONS = {"attendees": "expected", "personnel": "planned"}
# Deeds counted day by day (rockets fired or intercepted, attacks, incidents): a day's count is that day's quantity
DEED_KINDS = frozenset({"weapons_used", "weapons_intercepted", "incidents"})
# Roles of people on the move: each its own quantity (lang/de/quantity_roles.tsv)
MOVEMENT = {"arrived", "waiting", "expected", "registered", "housed", "moved_on"}
# What those roles make of the members of a gathering's audience (lang/de/crowd_members.txt): a crowd is counted by
# being there - one that came or waited is the participants, one expected the participants expected
CROWD_ROLES = {"arrived": None, "waiting": None, "expected": PLANNED_ACTIONS["attendees"]}


def _crowd_member(counted: str | None) -> bool:
    """Does the counted noun name members of a gathering's audience ("Gläubige", "Konzertbesucher")?"""
    noun = (counted or "").split()[-1].lower().replace("-", "") if (counted or "").split() else ""
    return any(noun.endswith(stem) for stem in lexicon_words("crowd_members"))


# Kinds of people's tolls that a verb's or noun's deed gives a count whatever it counts ("starben", "tote",
# "Leichen von", "gerettet"): animals counted so are no casualties of people
ANIMAL_BLIND_KINDS = frozenset({"killed", "injured", "missing", "rescued"})


def _animals(lemma: str | None) -> bool:
    """Does the counted noun's lemma name animals (lang/de/animal_nouns.txt; "*schaf" also Mutterschaf)?"""
    n = (lemma or "").lower().replace("-", "")
    return bool(n) and any(n == w.lstrip("*") or w.startswith("*") and n.endswith(w[1:])
                           for w in lexicon_words("animal_nouns"))


def _a_part(doc: Doc, claims: list[Claim], unit: Unit, fig: QuantityPhrase, figures: list[QuantityPhrase],
            measure: meas.Measure, nouns: list[attr.Tok], partitive: bool, whole_noun: attr.Tok | None) -> bool:
    """Is the figure a part by its construction: a partitive (`_partitive`: "rund 400 der Flüchtlinge" are some of
    them), the first of a sequence (`_first_of_more`: "die ersten 90 Bewohner") or a breakdown of the count before a
    colon ("Tausende betroffen: rund 700 in X und rund 3.000 in Y")? The part of the figure after it (`whole_noun`:
    "328 von 547 Sitzen") is not: its seats are the same quantity as another report's "kommt auf 328 Sitze" (review
    rv80, session 25), unlike a partitive's sub-population ("400 der Flüchtlinge")."""
    if partitive or _first_of_more(doc, fig) and measure.kind not in ("duration", "age"):   # "die ersten drei Tage"
        return True
    if whole_noun is not None:
        return False
    whole = _breakdown_whole(claims, doc_text(doc), unit, fig, figures)
    return whole is not None and whole.measure is not None and measure.kind == whole.measure.kind and \
        (not nouns or measure.subject == whole.measure.subject)


def _no_count(doc: Doc, text: str, fig: QuantityPhrase, counted: str) -> bool:
    """Is the figure no count at all: a month, weekday or clock word, a year by the parse (`_year_by_parse`)?"""
    return counted.lower() in NOT_COUNTED or _year_by_parse(doc, text, fig)


# The figure kind of a fraction's numerator read as the share it is (`_as_share`)
FRACTION = "fraction"


def _as_share(doc: Doc, text: str, fig: QuantityPhrase, nouns: list[attr.Tok]) -> QuantityPhrase:
    """A number before a fraction noun ("zwei Drittel der Stimmen", "drei Viertel aller Schulen",
    `numbers.fraction_denominator`) is the numerator of a share, no count of two or three of anything: its value in
    percent (66.7), of kind FRACTION (`_refine` makes it a percentage) - unless it measures a unit (`_measures_a_unit`:
    "drei Viertel Liter", review rv87). Any other figure as it is."""
    if not nouns or text[fig.end:nouns[0].start].strip() or fig.kind == "compound":
        return fig
    denominator = fraction_denominator(nouns[0].text)
    if denominator is None or _measures_a_unit(doc, nouns[0]):
        return fig
    return replace(fig, low=fig.low * 100 / denominator, high=fig.high * 100 / denominator, kind=FRACTION)


def _measures_a_unit(doc: Doc, noun: attr.Tok) -> bool:
    """Does a fraction noun measure the noun after it, by the parse ("drei Viertel Liter Milch", "ein Achtel Wein":
    the parser makes it that noun's compound or modifier)? Then it is a measure, no share of a whole."""
    span = doc.char_span(noun.start, noun.end, alignment_mode="expand") if quantity.has_parse(doc) else None
    if not span:
        return False
    t = span[-1]
    return t.dep_ == "compound" or t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nmod", "amod")


def _part_and_holder(doc: Doc, claims: list[Claim], unit: Unit, figures: list[QuantityPhrase], fi: int,
                     fig: QuantityPhrase, measure: meas.Measure, nouns: list[attr.Tok],
                     partitive: bool) -> meas.Measure:
    """The measure with what its construction makes it: the whole's noun for the part of "328 von 547 Sitzen" (its
    lemma the class), the part's scope (`_a_part`), and the holder of the things counted (`_held`) - never for a
    whole ("17 der 45 Sitze": nobody's share)."""
    whole_noun = _whole_noun(doc, fig, figures, nouns)
    if whole_noun is not None and measure.kind == "other":
        measure.subject = slugify(quantity.lemma_of(doc, whole_noun.start, whole_noun.end, whole_noun.text)) or \
            measure.subject
    if _a_part(doc, claims, unit, fig, figures, measure, nouns, partitive, whole_noun):
        measure.scope = "part"
    if fi and _of_whole(doc_text(doc), figures[fi - 1], figures):
        return measure
    return _held(doc, fig, measure, whole_noun)


def _holders_told_apart(claims: list[Claim]) -> list[Claim]:
    """Keep a count's holder (`_held`) only where its article names two holders of the counted noun ("Die Partei
    gewann 328 Sitze. Die Opposition kommt auf 194 Sitze"): there it tells two quantities apart. One holder alone
    tells nothing, and another report that names none (or whose parse misses it) must still meet the figure."""
    holders: dict[str, set[str]] = {}
    for c in claims:
        if c.measure is not None and c.measure.kind == "other" and ":" in (c.measure.subject or ""):
            holder, _, cls = (c.measure.subject or "").partition(":")
            holders.setdefault(cls, set()).add(holder)
    for c in claims:
        if c.measure is not None and c.measure.kind == "other" and ":" in (c.measure.subject or ""):
            cls = (c.measure.subject or "").partition(":")[2]
            if len(holders[cls]) < 2:
                c.measure = replace(c.measure, subject=cls)
    return claims


def _whole_noun(doc: Doc, fig: QuantityPhrase, figures: list[QuantityPhrase], nouns: list[attr.Tok]) -> attr.Tok | None:
    """The noun of the whole a figure is a part of by "X von/der Y N" (`_of_whole`: "328 von 547 Sitzen" -> Sitzen),
    None for any other figure."""
    return nouns[-1] if nouns and nouns[-1].start > fig.end and _of_whole(doc_text(doc), fig, figures) else None


def _held(doc: Doc, fig: QuantityPhrase, measure: meas.Measure, whole_noun: attr.Tok | None) -> meas.Measure:
    """A count of things with the holder its parse names (`quantity.holder_of`) in the key's first part, the "whose"
    of a count of people: the governing party's seats and the opposition's are two quantities of one noun ("Die
    Partei gewann 328 Sitze. Die Opposition kommt auf 194 Sitze"). Only for counted things of a noun's own class
    (kind other): people, money and rates name whose by other means."""
    if measure.kind != "other" or not measure.subject or ":" in measure.subject:
        return measure
    whole = (whole_noun.start, whole_noun.end) if whole_noun is not None else None
    holder = slugify(quantity.holder_of(doc, fig.num_start, fig.end, whole) or "")
    return replace(measure, subject=f"{holder}:{measure.subject}") if holder else measure


def _first_of_more(doc: Doc, fig: QuantityPhrase) -> bool:
    """Is the figure's number led by an ordinal ("die ersten 90 Asylwerber ziehen ein", "die ersten zwei Busse"):
    the first of more to come, a part of the count the story gives in all? By the parse: the word right before the
    number an adjective the tagger marks as an ordinal (NumType=Ord), of the number's own phrase, after its article
    (not the ordinal of a noun left out: "im ersten Halbjahr 1.980, im zweiten 2.340")."""
    num = quantity.figure_token(doc, fig.num_start, fig.end)
    if num is None or num.i < 2 or not doc.has_annotation("MORPH"):
        return False
    before = doc[num.i - 1]
    return before.pos_ == "ADJ" and "Ord" in before.morph.get("NumType", []) and doc[before.i - 1].pos_ == "DET" and \
        (before.head.i == num.head.i or before.head.i == num.i or num.head.i == before.i)


def _breakdown_whole(claims: list[Claim], text: str, unit: Unit, fig: QuantityPhrase,
                     figures: list[QuantityPhrase]) -> Claim | None:
    """The whole a figure breaks down: a sentence that gives a count, then after a colon a list of two or more
    figures, each below it ("Tausende Beschäftigte sind betroffen: Rund 700 arbeiten für X und rund 3.000 in Y").
    A part is never the quantity of its whole; one figure after a colon may restate the count ("stieg auf 50:
    die Behörden meldeten 50 Tote") and is no breakdown."""
    colon = text.rfind(":", unit.start, fig.num_start)
    if colon < 0:
        return None
    whole = next((c for c in reversed(claims) if unit.start <= c.start and c.end <= colon and c.measure is not None
                  and c.measure.kind not in ("duration", "age")), None)
    listed = [f for f in figures if colon < f.num_start < unit.end]
    if whole is None or len(listed) < 2:
        return None
    if whole.qualifier != "vague" and any(f.high >= whole.low for f in listed):
        return None
    return whole


def _last_in(claims: list[Claim], unit: Unit) -> Claim | None:
    """The figure before this one in its sentence (the whole a "darunter" figure is part of), if any."""
    last = claims[-1] if claims else None
    return last if last is not None and last.start >= unit.start and last.measure is not None and \
        last.measure.kind not in ("duration", "age") else None


def _refine(doc: Doc, text: str, unit: Unit, fig: QuantityPhrase, measure: meas.Measure, before: Claim | None,
            counted: str, end: int, has_noun: bool, planned: bool = False) -> tuple[meas.Measure, str]:
    """The measure read further from the parse (`_by_parse`), the counted noun's lemma for a noun of no class,
    a scale's noun as the counted word, the figure's time scope (another year, a day's flow), and a crowd or a
    force its clause makes a plan or an expectation (planned: modality.py) as its own quantity."""
    if fig.kind == FRACTION:
        measure = meas.Measure("percent", None)             # "zwei Drittel der Stimmen": a share, 66.7 percent
    measure = _by_parse(doc, text, unit, fig, measure, before, counted, has_noun)
    if measure.kind in ANIMAL_BLIND_KINDS and has_noun and _animals(quantity.lemma_of(doc, fig.start, end, counted)):
        measure = meas.Measure("other", None)       # "30 Schweine starben": a count of its noun, no toll of people
    if planned and measure.action is None and measure.kind not in ("duration", "age"):
        # "zu dem 800 Gäste kommen sollten": expected; "wird voraussichtlich 40 Millionen kosten": a forecast, never
        # the quantity it forecasts
        measure.action = PLANNED_ACTIONS.get(measure.kind, "planned")
    if measure.kind == "rating":
        counted = quantity.scale_before(text, unit.start, fig.start) or counted
    elif measure.kind == "other" and has_noun:
        measure.subject = slugify(quantity.lemma_of(doc, fig.start, end, counted)) or measure.subject
    # a count of another year, or over a stretch of time ("binnen fünf Monaten"), is another quantity
    # a rate ("täglich hunderte") is none of them
    measure.time = _other_year(doc, unit, fig, text) or quantity.period_of(doc, fig.num_start, fig.end) or \
        quantity.rate_of(doc, fig.num_start, fig.end)
    if measure.action in MOVEMENT and not measure.time:
        # a day's arrivals are that day's quantity; those counted since a day ("Seit Montag sind 4.000 gekommen") a
        # running total from it, never that day's flow
        start = _clause_day(doc, unit, fig, text, span_start=True) if _counted_since(doc, fig) else None
        measure.time = f"seit-{start}" if start else _clause_day(doc, unit, fig, text)
    elif measure.kind in DEED_KINDS and not measure.time:
        # "am Mittwoch von 40 Raketen getroffen": rockets fired and attacks flown are counted day by day - a day's
        # count is that day's, never the count since a day ("seit Samstag einige hundert", a running total)
        measure.time = _clause_day(doc, unit, fig, text, since=False)
    if not measure.scope and not measure.place and measure.kind != "percent" and \
            quantity.distributive(doc, fig.num_start, fig.end):
        # "Patrouillen mit je zwei Soldaten": each one's amount, never a total - its scope, whatever time it holds
        # for ("2014 erhielten die Vereine je 5.000 Euro"); a figure distributed over the places its clause names
        # ("je 200 in Salzburg und in Krumpendorf") keeps them as its place; a rate is each one's whether said once
        # or for several ("Österreich und Dänemark (je 10,1 Prozent)"): no total to tell it from
        measure.scope = DISTRIBUTIVE
    if measure.kind == "percent":
        # a percentage is a rate of something, then or now: "die Beiträge lagen damals bei 10 Prozent, jetzt bei 22"
        noun, when = quantity.percent_rate(doc, fig.num_start, fig.end)
        measure.subject = noun or measure.subject
        measure.time = measure.time or when
        if noun and quantity.percent_change(doc, fig.num_start, fig.end):
            measure.action = "change"       # what changed by how much: never the level it names

    return measure, counted


def _by_parse(doc: Doc, text: str, unit: Unit, fig: QuantityPhrase, measure: meas.Measure, before: Claim | None,
              counted: str, has_noun: bool) -> meas.Measure:
    """Scale readings, parts of a whole and roles read from the parse (extract/quantity.py)."""
    if not has_noun and quantity.scale_before(text, unit.start, fig.start):
        return meas.Measure("rating", None)                    # "Erdbeben der Stärke 6,8": no count at all
    clause_start = max([unit.start] + [unit.start + m.end()
                                       for m in re.finditer(r"[,;:]", text[unit.start:fig.num_start])])
    role = quantity.role_of(doc, fig.num_start, fig.end)
    said_as_part = quantity.is_part(doc, text, clause_start, fig.num_start, fig.end)
    # children, civilians, attackers ... among victims are counted apart (measures.VICTIM_CLASSES)
    own = next((c for c in (meas.classify(w)[0] for w in counted.split()) if c in meas.VICTIM_CLASSES), None)
    if role in ROLE_KINDS and (measure.kind in ("people", "other") or
                               role in ("rescued", "aboard") and measure.kind in ("missing", "personnel", "people") or
                               role == "killed" and measure.kind == "attendees"):
        # "vom Tod von vier Demonstranten": a crowd's members counted dead are the dead (a force's dead are read by
        # measures.py, and as a part of the dead before them: "38 Tote, darunter drei Attentäter")
        kind, action = ROLE_KINDS[role]
        nat = (measure.subject or "").partition(":")[0] if measure.kind == "people" else None
        measure = meas.Measure(kind, f"{nat or '-'}:{own}" if own else nat or None, action, measure.place)
    elif role in DONE_TO_PEOPLE and measure.kind == "personnel" and not measure.scope and not said_as_part and \
            not _doers(doc, fig):
        # "20 Soldaten und 15 Zivilisten getötet", "12 Polizisten und 20 Demonstranten verletzt", "35 Randalierer
        # kamen in Haft": the parse says the force or the group was killed, hurt or arrested where measures.py's
        # words did not reach (its reach stops at the next figure; an idiom) - its dead are the dead. A part
        # ("darunter drei Attentäter") takes its whole's kind below
        kind = ROLE_KINDS[role][0]
        nat = (measure.subject or "-").partition(":")[0]
        own = own if kind in ("killed", "injured") else None       # the dead and the injured are counted by class
        measure = meas.Measure(kind, f"{nat}:{own}" if own else None if nat == "-" else nat, None, measure.place)
    if measure.kind == "injured" and measure.action is None:
        measure.action = _elided_severity(doc, fig)
    a, _ = _clause(text, unit, fig.num_start, fig.end)
    if re.match(r"\s*wo\b", text[a:fig.num_start], re.IGNORECASE) \
            and measure.kind not in ("rating", "money", "percent"):
        # "..., wo sie 89 Menschen töteten": the figure's scene is the place the clause refers back to
        measure.place = slugify(quantity.where_clause_place(doc, a, unit.start)) or measure.place
    if measure.kind == "displaced" and measure.action == "fled" and role != "fled" and quantity.has_parse(doc):
        measure.action = None          # "Flüchtlinge" names people on the move; only a verb says they fled
    state = quantity.predicate_adjective(doc, fig.num_start, fig.end) if not has_noun else None
    if state and measure.kind in ("displaced", "people") and (action := meas.displaced_action([state])):
        # "Davon waren noch 200 obdachlos": a bare figure counts what its predicate says they are - the homeless, not
        # the refugees it is a part of
        measure = replace(measure, kind="displaced", action=action)    # its time and scope kept
    if role in MOVEMENT and (measure.kind in ("displaced", "people") or measure.kind == "attendees" and
                             role == PLANNED_ACTIONS["attendees"]):
        measure = _on_the_move(measure, role, counted)
    if said_as_part and before is not None and \
            before.measure is not None:
        whole = before.measure
        if (measure.kind in ("people", "other") or measure.kind == "personnel" and whole.kind in ROLE_KINDS) \
                and whole.kind not in ("duration", "age"):
            # "296 Tote, darunter 20 Kinder": the part counts what the whole counts, of its own kind
            measure = meas.Measure(whole.kind, whole.subject, whole.action, measure.place or whole.place)
            if own:
                measure.subject = f"{(whole.subject or '-').partition(':')[0]}:{own}"
        if key_parts(measure) == key_parts(whole) or measure.kind == whole.kind and not measure.place:
            measure.scope = "part"                              # nothing else tells it from its whole
    elif before is not None and (part := before.measure) is not None and part.scope == "part" and \
            (measure.kind in ("people", "other", part.kind) or
             measure.kind == "personnel" and part.kind in ROLE_KINDS) and \
            quantity.conjunct_of(doc, fig.num_start, fig.end, before.start, before.end):
        # "darunter 36 Kinder sowie neun Frauen", "unter den Opfern sind zwölf Kinder und drei Polizisten": a conjunct
        # of a part is another part of the same whole - of the part's kind and nationality, its own class and deed
        nat = (part.subject or "-").partition(":")[0] if ":" in (part.subject or "") or part.kind in VICTIM_KINDS \
            else "-"
        subject = f"{nat}:{own}" if own else None if nat == "-" else nat
        action = measure.action if measure.kind == part.kind else None
        measure = meas.Measure(part.kind, subject, action, measure.place or part.place)
        measure.scope = "part"
    elif before is not None and before.measure is not None and \
            _classes_of_one_deed(doc, fig, measure, counted, before, before.measure):
        # "36 Kinder sowie neun Frauen getötet", "20 Soldaten und 15 Zivilisten getötet": coordinated counts of one
        # deed, the first of a class of people, are the parts of their sum the sentence leaves unsaid - neither is
        # another report's whole ("45 Menschen starben"); each joins only a count that names its own class
        measure.scope = before.measure.scope = "part"
        _keep_class(measure, counted)
        _keep_class(before.measure, before.counted)
    return measure


def _on_the_move(measure: meas.Measure, role: str, counted: str) -> meas.Measure:
    """People on the move are counted by what they do: waiting, arriving, registered, expected ... A crowd is counted
    by being there: police who "zählten 5.000 Teilnehmer", a crowd that "kam" or "wartete" count the crowd itself,
    the organisers' figure of it included; only the crowd expected is another quantity. The members of a gathering's
    audience who came or waited ("Zur Messe kamen 2.000 Gläubige") are its participants, those expected ("20.000
    Pilger werden erwartet") the participants expected (`_crowd_member`)."""
    if measure.kind == "people" and role in CROWD_ROLES and _crowd_member(counted):
        return meas.Measure("attendees", measure.subject, CROWD_ROLES[role], measure.place)
    kind = "displaced" if measure.kind == "people" else measure.kind      # "3.000 Menschen warten"
    return meas.Measure(kind, measure.subject, role, measure.place)


def _elided_severity(doc: Doc, fig: QuantityPhrase) -> str | None:
    """serious or light for a count of injured whose participle is elided after its adverb ("sechs Menschen wurden
    schwer und 24 leicht verletzt": quantity.elided_manner)."""
    manner = quantity.elided_manner(doc, fig.num_start, fig.end)
    return None if manner is None else "serious" if meas.SERIOUS.match(manner) else \
        "light" if manner == "leicht" else None


def _keep_class(part: meas.Measure, counted: str | None) -> None:
    """Give a coordinated class's part the class its noun names where its subject has none: a class outside the
    victims' (`meas.VICTIM_CLASSES`: "20 Soldaten") would otherwise be keyed as a part of no class and join another
    report's part of another class that gives the same figure ("darunter 20 Frauen")."""
    cls, _ = meas.classify(counted.split()[-1] if counted else None)
    if cls not in (None, "mensch") and ":" not in (part.subject or ""):
        part.subject = f"{part.subject or '-'}:{cls}"


# The roles of a casualty the parse reads on a figure's noun (lang/de/quantity_roles.tsv)
CASUALTY_ROLES = frozenset({"killed", "injured", "missing"})
# ... and of what else is done to people that no force's deployment is: arrest
DONE_TO_PEOPLE = CASUALTY_ROLES | {"arrested"}


def _doers(doc: Doc, fig: QuantityPhrase) -> bool:
    """Does the figure count the doers of the deed its role names: the subject of an active clause that counts the
    people it was done to in a later figure ("500 Polizisten nahmen 30 Verdächtige fest", "200 Soldaten töteten
    40 Kämpfer") - a force deployed, not its casualties or detainees?"""
    other = quantity.later_object(doc, fig.num_start, fig.end)
    return other is not None and meas.classify_counted(other.text)[1] == "person"


def _classes_of_one_deed(doc: Doc, fig: QuantityPhrase, measure: meas.Measure, counted: str, before: Claim,
                         prev: meas.Measure) -> bool:
    """Is the figure coordinated with the figure before it (`quantity.coordinated`; prev: its measure), both
    counting the victims of one deed (one casualty kind, one place, neither a part yet), the first of a class of
    people ("Kinder", "Soldaten"; not "Menschen") and the second of another class or none ("Frauen")? Then the two
    split one toll by class. Not two nationalities ("acht Mexikaner und vier Ägypter"): a nationality's dead are a
    quantity of their own that the article may give again ("mindestens zwei Mexikaner": one count, two sources)."""
    if prev.scope or measure.scope or prev.kind != measure.kind or \
            measure.kind not in CASUALTY_ROLES or prev.place != measure.place:
        return False
    first, _ = meas.classify((before.counted or "").split()[-1] if before.counted else None)
    second, _ = meas.classify(counted.split()[-1] if counted else None)
    if first in (None, "mensch") or first == second:
        return False
    # the phrase before ends where this figure's begins ("acht getöteten Mexikanern und vier Ägyptern" as one text)
    return quantity.coordinated(doc, fig.num_start, fig.end, before.start, min(before.end, fig.start))


# Words opening a span from its start ("seit Samstag", "seit Beginn der Offensive", "seither"): a count over it is a
# running total (lang/de/span_starts.txt)
SPAN_STARTS = frozenset(lexicon_words("span_starts"))


# Words bounding a span by its ends ("von 2001 bis 2005", "zwischen 2010 und 2014", "ab 2020"): a year in such a
# phrase is an end point of a span, no count's year (lang/de/span_bounds.txt)
SPAN_BOUNDS = frozenset(lexicon_words("span_bounds"))


def _span_phrases(sent: Span) -> list[Token]:
    """The phrases a word opening a span from its start opens in a sentence: the noun of a "seit" phrase ("seit
    Beginn der Offensive" -> Beginn, "seit dem vergangenen Samstag" -> Samstag) or the adverb itself ("seither")."""
    return [t.head if t.dep_ == "case" else t for t in sent if t.lower_ in SPAN_STARTS]


def _counted_since(doc: Doc, fig: QuantityPhrase) -> bool:
    """Is a figure counted over a span from a start: by the parse, a "seit" phrase ("seit Beginn der Offensive") or
    "seither" on its counted noun or on the verb that noun hangs on - not one on another word ("Erstmals seit Wochen
    wurden am Mittwoch 12 Raketen abgefeuert": Wednesday's rockets)."""
    tok = quantity.figure_token(doc, fig.num_start, fig.end) if doc.has_annotation("DEP") else None
    if tok is None:
        return False
    noun = quantity.counted_token(tok)
    owners = {tok.i, noun.i, noun.head.i}
    return any(phrase.head.i in owners and phrase.i not in owners for phrase in _span_phrases(tok.sent))


def _since(doc: Doc, t: TimeExpression) -> bool:
    """Does a time expression name the day a span starts from: by the parse, it lies in a "seit" phrase ("seit dem
    vergangenen Samstag", "seit Beginn der Woche") - the same phrases `_counted_since` reads. None without a parse."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand") if doc.has_annotation("DEP") else None
    if span is None or not len(span):
        return False
    root = span.root
    return any(phrase.i == root.i or phrase.is_ancestor(root) for phrase in _span_phrases(root.sent))


def _clause_day(doc: Doc, unit: Unit, fig: QuantityPhrase, text: str, since: bool = True,
                span_start: bool = False) -> str | None:
    """The day a figure's own clause dates it to ("am Sonntag kamen 2.100 an"): 2015-11-01, or the weekday
    where the article gives no date to anchor it (sonntag), a weekend; None without one. Of several, the one
    nearest the figure ("am Wochenende und am Montagmorgen mehr als 10.000": Monday's). since=False: a day a span
    starts from ("seit dem vergangenen Samstag") dates no day's count, and a figure counted since a start at all
    ("am Sonntag 1.200 Angriffe seit Beginn der Offensive", "seither") is a running total: no day's count - the
    day its clause names is the day it was told. span_start=True: only the day a span starts from."""
    a, b = _clause(text, unit, fig.num_start, fig.end)
    if not since and _counted_since(doc, fig):
        return None
    times = [t for t in doc._.times or () if a <= t.start < b and t.type in ("DATE", "TIME") and t.value
             and (since or not _since(doc, t)) and (not span_start or _since(doc, t))]
    for t in sorted(times, key=lambda t: abs(t.start - fig.num_start)):
        if m := re.match(r"(\d{4}-\d{2}-\d{2})", t.value):
            return m.group(1)
        if m := re.match(r"XXXX-WXX-([1-7])", t.value):
            return next(day for day, n in weekdays().items() if n == int(m.group(1)))     # the first name: Samstag
        if m := re.match(r"(\d{4}-W\d\d|XXXX-WXX)-WE", t.value):     # a weekend's flow is that weekend's
            return "wochenende" if m.group(1).startswith("X") else f"{m.group(1).lower()}-wochenende"
    return None


def _gapped_clause_start(doc: Doc, unit: Unit, text: str, a: int, b: int) -> int:
    """Where the clause a figure's time is read from starts: a segment after a clause's comma with no verb of its
    own is an elliptic conjunct or a list item of the clause before it ("Das Wifo rechnete für 2016 mit 1,4
    Prozent, das IHS mit 1,6 Prozent"; "2014 starben 40 Menschen, darunter 12 Kinder"): German gaps the shared verb
    and its adjuncts, the time among them, so the clause reaches back over commas to the segment that has the verb,
    within the sentence, unless the conjunct names a time of its own ("..., heute nur noch 3.200"). Not from a
    colon's, a semicolon's or a bracket's segment ("(Vorjahr: 3,7 Mrd. Euro)" labels its own figure). By the
    parse's parts of speech; without them the segment is its own clause."""
    if not doc.has_annotation("POS") or not doc.has_annotation("SENT_START"):
        return a
    span = doc.char_span(a, b, alignment_mode="expand")
    lo = max(unit.start, span.sent.start_char) if span is not None and len(span) else unit.start
    if re.match(r",\d", text[b:b + 2]):
        # the segment runs on over a decimal comma ("von 440,5 Mio."): to the next clause's comma
        m = re.search(r"[;:()]|,(?!\d)", text[b + 1:unit.end])
        b = b + 1 + m.start() if m else unit.end
    while a > lo and text[a - 1] == "," and not text[a - 2:a - 1].isdigit() and \
            "(" not in text[a:b] and ")" not in text[a:b]:
        seg = doc.char_span(a, b, alignment_mode="expand")
        if seg is None or any(t.pos_ in ("VERB", "AUX") for t in seg):
            return a
        if any(a <= t.start < b for t in doc._.times or ()):
            return a                       # the conjunct names its own time, the gap contrasts it ("2010 lebten
            # dort 5.000 Menschen, heute nur noch 3.200", "2014 300 Einbrüche, im laufenden Jahr bisher 120")
        b = a - 1
        # the segment before: back to a clause's comma (not a decimal one, "0,4 Prozent"), a colon, a semicolon
        # or a bracket
        a = max([lo] + [lo + m.end() for m in re.finditer(r"[;:()]|,(?!\d)", text[lo:b])])
    return a


def _other_year(doc: Doc, unit: Unit, fig: QuantityPhrase, text: str) -> str | None:
    """The year a figure's clause dates it to, when that is not the year of publication ("2007 starben bei
    einem Beben 500 Menschen"): a count of another year is another quantity."""
    times, dct = doc._.times, doc._.dct
    if not times:
        return None
    a = max([unit.start] + [unit.start + m.end() for m in re.finditer(r"[,;:]", text[unit.start:fig.num_start])])
    m = re.search(r"[,;:]", text[fig.end:unit.end])
    b = fig.end + m.start() if m else unit.end
    a = _fronted_time_clause(doc, unit, _gapped_clause_start(doc, unit, text, a, b))
    best: tuple[int, str] | None = None
    for t in times:
        if not (a <= t.start < b) or t.type != "DATE" or not t.value or not re.match(r"\d{4}", t.value) \
                or fig.num_start <= t.start < fig.end:
            continue
        if not (re.fullmatch(r"\d{4}", t.value) or re.search(r"\b(1[5-9]|20)\d\d\b", t.text or "")):
            continue                       # a year ("im Vorjahr", "2007") or a date with its year ("im Mai 2023")
        if any(DATING_PARTICIPLE.match(w) for w in re.findall(r"[a-zäöüß]+", text[t.end:t.end + 80])[:5]):
            continue                       # "das 1938 ... erbaute Gefängnis": the year of the building
        if _compared(doc, t):
            continue                       # "früher geflohen als im Jahr 2013": the year compared with
        since = _since(doc, t)
        if not since and _span_end(doc, t, text, a):
            continue                       # "von 2001 bis ...": a span's end points are no count's year
        if not since and dct and t.value[:4] >= dct[:4]:
            continue                       # this year's count: the article's own
        # a count since a year ("seit 1984 45.000 Tote") runs from then: its own quantity
        dist = abs(t.start - fig.num_start)
        if best is None or dist < best[0]:
            best = (dist, f"seit-{t.value[:4]}" if since else t.value[:4])   # the nearest year
    return best[1] if best else None


# Conjunctions whose fronted clause dates the main clause (lang/de/temporal_conjunctions.txt)
TEMPORAL_CONJUNCTIONS = frozenset(lexicon_words("temporal_conjunctions"))


def _fronted_time_clause(doc: Doc, unit: Unit, a: int) -> int:
    """Where a figure's clause starts, a fronted temporal clause included: "Als im Juli 2005 zwei Züge
    zusammenstießen, starben 150 Menschen" - German puts one constituent before the finite verb, so a clause that
    opens the sentence with a temporal conjunction (TEMPORAL_CONJUNCTIONS) and ends in the comma right before the
    main clause's finite verb (STTS *FIN) is that main clause's time adverbial: its year dates the figure. The
    conjunction read as a word (the tagger takes "Als" for an adverb or a comparison), the verb by its tag."""
    if not doc.has_annotation("TAG"):
        return a
    clause = doc.char_span(a, unit.end, alignment_mode="expand")
    if clause is None or not len(clause) or clause[0].i < 2:
        return a
    verb, comma = clause[0], doc[clause[0].i - 1]
    first = verb.sent[0]
    if comma.text != "," or not verb.tag_.endswith("FIN") or first.lower_ not in TEMPORAL_CONJUNCTIONS or \
            first.idx < unit.start or any(t.text in ",;:" for t in doc[first.i:comma.i]):
        return a
    return first.idx


# The prepositions of a term of comparison ("gegenüber 2014"); a comparative conjunction ("als", "wie") the tagger
# marks KOKOM
COMPARISON_CASES = frozenset({"gegenüber"})


def _compared(doc: Doc, t: TimeExpression) -> bool:
    """Is a time the term a figure is compared with ("früher geflohen als im Jahr 2013", "mehr gebaut als 2012",
    "gegenüber 2014"): the word before the time's phrase (over its preposition and article: "als im Jahr") is a
    comparative conjunction (STTS KOKOM) or a comparison preposition? Read from the tokens, as the parser hangs a
    sentence-final "2012." anywhere. The year compared with is not the count's year. "Als 2013 die Flut kam" opens
    a clause (KOUS): no comparison."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand") if doc.has_annotation("TAG") else None
    if span is None or not len(span):
        return False
    i = span.start - 1
    while i >= 0 and doc[i].tag_ in ("APPRART", "APPR", "ART") and doc[i].lower_ not in COMPARISON_CASES:
        i -= 1
    return i >= 0 and (doc[i].tag_ == "KOKOM" or doc[i].lower_ in COMPARISON_CASES)


def _span_end(doc: Doc, t: TimeExpression, text: str, a: int) -> bool:
    """Is a time an end point of a span ("von 2001 bis 2005", "zwischen 2010 und 2014", "ab 2020", "die Zahl von
    2014"): by the parse, a span-bounding word before it is the case of the time itself, or of the time it is a
    conjunct of ("zwischen 2010 und 2014": 2014 too) - not a "von" of a phrase the time only stands in
    ("ein Minus von 10 Prozent 2014" is 2014's). Such a word right before the time counts whatever the parse makes
    of it (a sentence-final "2014." is read as punctuation, its "von" as a particle); without a parse only that."""
    before = re.search(r"([^\W\d_]+)\s+$", text[max(a, t.start - 12):t.start])   # "(von 2001": the word, not "(von"
    if before and before.group(1).lower() in SPAN_BOUNDS:
        return True
    span = doc.char_span(t.start, t.end, alignment_mode="expand") if doc.has_annotation("DEP") else None
    if span is None or not len(span):
        return False
    root = span.root
    first = root.head if root.dep_ == "conj" and root.head.i < span[0].i else None    # a conjunct of another time
    heads = [root] + ([first] if first is not None and any(x.start <= first.idx < x.end for x in doc._.times) else [])
    return any(c.dep_ == "case" and c.lower_ in SPAN_BOUNDS and c.i < span[0].i for h in heads for c in h.children)


RELATIVE_CLAUSE = re.compile(r",\s*(?:die|der|das|denen|deren|dessen|welche[rns]?)\b")


def _clause(text: str, unit: Unit, pos: int, end: int) -> tuple[int, int]:
    """The comma-bounded clause around a figure, with a relative clause right after it
    ("die 11.000 Soldaten, die bereits im November geschickt wurden"): its time is the figure's."""
    a = max([unit.start] + [unit.start + m.end() for m in re.finditer(r"[,;:]", text[unit.start:pos])])
    m = re.search(r"[,;:]", text[end:unit.end])
    b = end + m.start() if m else unit.end
    if m and RELATIVE_CLAUSE.match(text, b):
        m2 = re.search(r"[,;:]", text[b + 1:unit.end])
        b = b + 1 + m2.start() if m2 else unit.end
    return a, b


def _time_of(doc: Doc, unit: Unit, pos: int, end: int) -> TimeValue | None:
    times = doc._.times
    if times:
        cands = [t for t in times if unit.start <= t.start < unit.end and t.type in ("DATE", "TIME") and t.value]
        if cands:
            a, b = _clause(doc_text(doc), unit, pos, end)
            # own clause first, then anchored values before vague ones ("in den kommenden Monaten"), then nearest
            cands.sort(key=lambda t: (not (a <= t.start < b), not t.anchored, t.start > pos, abs(t.start - pos)))
            t = cands[0]
            return TimeValue(t.value, t.precision, t.text, "expression")
    return default_time(doc, unit.start)


def _elliptic_counted(doc: Doc, text: str, units: list[Unit], ui: int, fig: QuantityPhrase,
                      figures: list[QuantityPhrase], fi: int, nouns: list[attr.Tok], end: int,
                      last_noun: dict[int, str], has_pos: bool) -> tuple[str | None, int, bool]:
    """What a figure counts: its noun(s) as written; a compound's unit; for a figure without a noun the noun
    before it, the noun of the figure after "von", or the last noun of the sentence before ("Mehr als 1.000
    weitere wurden verletzt."). Returns (counted, end offset, taken from the sentence before); the noun of an
    "X von Y N" phrase is added to nouns (the figure's own, as if written after it)."""
    unit = units[ui]
    counted, from_prev = None, False
    if nouns:
        counted = text[nouns[0].start:nouns[-1].end]     # "Tote und Verletzte" as written
    elif fig.kind == "compound":
        counted, end = fig.unit, fig.end
    elif _rank(doc, fig):
        return None, end, False                  # "Auf Platz zwei": a rank, no count
    else:
        after = text[fig.end:unit.end]
        counted = None
        sharer = _sharer(doc, text, figures, fi)
        if sharer is not None:
            # the noun said once for two figures counts both: "um 0,5 statt 0,4 Prozent", "3,5 oder 3,6 Prozent",
            # "von 8,2 auf 8,9 Prozent" (German gaps the noun of the first of two figures joined by "statt", "oder",
            # "auf"), and the three of a change "um 5 von 40 auf 35 Millionen Euro"
            nxt, _, _, _ = _counted_after(doc, text, figures[sharer], unit.end, has_pos)
            counted = nxt[-1].text if nxt else None
            nouns.extend(nxt[-1:])
        counted = counted or _counted_before(text, unit, fig)
        if counted is None and fig.kind == "vague" and fig.high < 1e6 and \
                not re.match(r"\s*(?:weitere|andere)", after):
            counted = "Menschen"                 # "Tausende evakuiert", "Zehntausende demonstrieren"
        if counted is None and _of_whole(text, fig, figures):
            # the figure's own phrase before any antecedent: "47 von 52 Drohnen", "(63 von 207 Stimmen)", "44 der
            # 101 Sitze"
            nxt, _, _, _ = _counted_after(doc, text, figures[fi + 1], unit.end, has_pos)
            counted = nxt[-1].text if nxt else None
            nouns.extend(nxt[-1:])               # its own noun: no antecedent's measure
        if counted is None and text[fig.start - 1:fig.start] == "(" and after.startswith(")"):
            counted = last_noun.get(ui) or _subject_noun(text, unit, fig)   # "aus Syrien (76.765)"
        counted = counted or last_noun.get(ui)
        if counted is None and ui > 0 and units[ui - 1].paragraph == unit.paragraph and \
                re.match(r"\s*(?:(?:weitere\w*\s+|andere\w*\s+)?[a-zäöüß]{3,}|[.!?]?\s*$)", after):
            # "Mehr als 1.000 weitere wurden verletzt.", "Armenien kommt auf etwa 42.000."
            counted = last_noun.get(ui - 1)
            from_prev = counted is not None
        end = fig.end
    return counted, end, from_prev


YEAR_PREPOSITIONS = lexicon_words("year_prepositions")      # lang/de/year_prepositions.txt


def _year_by_parse(doc: Doc, text: str, fig: QuantityPhrase) -> bool:
    """Is a plain four-digit number the text reads as a count of the noun after it ("1999 Schauplatz") a year by
    the parse? The year of a period named right before it (its head: "im ersten Halbjahr 2005 erzielte"); the noun
    of its own "bis"/"seit"/"ab" (YEAR_PREPOSITIONS: "bis 2020 weitere Verluste"); or a number above one before a
    singular noun of no known class (a count takes the plural; units and classes such as "Mann", "Euro", "Meter"
    have one: "war 1999 Schauplatz von Unruhen")."""
    raw = text[fig.num_start:fig.end]
    if fig.kind != "cardinal" or fig.is_range or not re.fullmatch(r"\d{4}", raw) or not 1000 <= fig.low <= 2100:
        return False
    num = quantity.figure_token(doc, fig.num_start, fig.end)
    if num is None or num.text != raw or num.i > 0 and doc[num.i - 1].lower_ in ("x", "×"):
        return False                        # "1152 x 1920 Pixel": a product of dimensions, no year
    head = num.head
    if head.i == num.i - 1 and head.pos_ in ("NOUN", "PROPN") and "Sing" in head.morph.get("Number", []):
        return True                         # "Halbjahr 2005", "Sommer 2015"
    if any(c.dep_ == "case" and c.lower_ in YEAR_PREPOSITIONS and c.i == num.i - 1 for c in num.children):
        return True                         # "bis 2020 weitere Verluste"
    # a noun in -er/-el/-en/-chen/-lein has a plural of the same form ("2000 Lehrer", "1500 Fenster"): the tagger's
    # singular there is no evidence against a count
    # (review, session 25) and only in the years news dates by (1900-2099): "1500 Stück", "1200 Schuss" are counts
    # of a measure noun; nor where the noun measures the noun after it ("2000 Paar Schuhe", "Stück Munition")
    return 1900 <= fig.low <= 2099 and head.i == num.i + 1 and head.pos_ == "NOUN" and \
        head.morph.get("Number", []) == ["Sing"] and meas.classify(head.text) == (None, None) and \
        not ZERO_PLURAL.search(head.text) and not (head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "NOUN")


# Endings of German nouns whose plural may be the singular's form (der/die Lehrer, Kabel, Wagen, Mädchen, Fräulein)
ZERO_PLURAL = re.compile(r"(?:er|el|en|chen|lein)$")


def _of_whole(text: str, fig: QuantityPhrase, figures: list[QuantityPhrase]) -> bool:
    """Is a figure the part of the figure right after it, joined by "von" or a genitive article ("328 von 547
    Sitzen", "126 der 229 Filialen")? The part counts the whole's noun and is a part of it."""
    nxt = next((f for f in figures if f.num_start >= fig.end), None)
    return nxt is not None and re.fullmatch(r"\s*(?:von|der)\s*", text[fig.end:nxt.num_start]) is not None and \
        fig.high < nxt.low


# The words joining two figures that share the noun of the second: alternatives ("2,5 statt 1,7 Prozent", "60 oder
# 90 Bilder", "60 beziehungsweise 46 Prozent") and the two values of a change ("von 8,2 auf 8,9 Prozent";
# lang/de/gap_joiners.txt).
GAP_JOINERS = frozenset(lexicon_words("gap_joiners"))


def _gapped_noun(doc: Doc, text: str, fig: QuantityPhrase, nxt: QuantityPhrase) -> bool:
    """Does a figure with no noun share the noun of the figure right after it? German says the noun once for two
    figures joined by one word of an alternative or of a change's new value (GAP_JOINERS: "3,5 oder 3,6 Prozent",
    "0,5 statt 0,4 Prozent", "von 8,2 auf 8,9 Prozent"). By the parse: that word depends on the second figure - on
    its number or on the noun it counts (the parser hangs the first number anywhere: on the verb, on the noun), so
    a joiner of another phrase ("stieg auf 300, 200 davon ...") joins nothing; without a parse, the word alone."""
    between = text[fig.end:nxt.num_start].split()
    if len(between) != 1 or between[0].lower() not in GAP_JOINERS:
        return False
    if not doc.has_annotation("DEP"):
        return True
    num = quantity.figure_token(doc, nxt.num_start, nxt.end)
    second = doc.char_span(nxt.num_start, nxt.end, alignment_mode="expand")
    joiner = doc.char_span(fig.end, nxt.num_start, alignment_mode="contract")
    if num is None or second is None or joiner is None or len(joiner) != 1:
        return False
    # its number, a number word of it ("auf 14 Millionen Euro"), or the noun it counts
    return joiner[0].head.i in {t.i for t in second} | {quantity.counted_token(num).i}


def _sharer(doc: Doc, text: str, figures: list[QuantityPhrase], fi: int) -> int | None:
    """The figure whose noun a figure without one shares (`_gapped_noun`): the next one, or - for the difference of
    a change said "um X von Y auf Z N" - the new value after the old one: German says the noun (and its scale word)
    once for all three ("sank um 5 von 40 auf 35 Millionen Euro"). None where it shares none."""
    fig = figures[fi]
    if fi + 1 < len(figures) and _gapped_noun(doc, text, fig, figures[fi + 1]):
        return fi + 1
    if fi + 2 < len(figures) and re.search(r"\bum\s+$", text[max(0, fig.start - 4):fig.start]) and \
            text[fig.end:figures[fi + 1].num_start].split() == ["von"] and \
            _gapped_noun(doc, text, figures[fi + 1], figures[fi + 2]):
        return fi + 2
    return None


def _shared_scale(doc: Doc, text: str, figures: list[QuantityPhrase], fi: int, fig: QuantityPhrase,
                  nouns: list[attr.Tok]) -> QuantityPhrase:
    """A figure of no noun that shares the noun of another (`_sharer`) takes its scale word too, where it has none:
    "von 40 auf 35 Millionen Euro" - the 40 are 40 million (numbers.SCALES)."""
    sharer = _sharer(doc, text, figures, fi) if not nouns and fig.kind != "compound" else None
    if sharer is None:
        return fig
    own, theirs = text[fig.num_start:fig.end].split(), text[figures[sharer].num_start:figures[sharer].end].split()
    # a scale word multiplies a number under a thousand ("3,5 Millionen"); one written out in full is no multiplier:
    # "um 250.000 von 3,5 auf 3,75 Millionen Euro" (review rv87)
    scale = SCALES.get(theirs[-1].lower(), 1.0) if len(theirs) > 1 and own and own[-1].lower() not in SCALES and \
        abs(fig.high) < 1000 else 1.0
    return replace(fig, low=fig.low * scale, high=fig.high * scale) if scale != 1.0 else fig


RANK_NOUNS = tuple(sorted(lexicon_words("rank_nouns")))        # lang/de/rank_nouns.txt


def _rank(doc: Doc, fig: QuantityPhrase) -> bool:
    """Is a figure with no noun after it a rank: its number governed by the noun right before it, a rank noun
    or a compound of one ("Auf Platz zwei", "auf Tabellenrang drei")? (Digits after any capitalised word are
    labels already: numbers.py.)"""
    num = quantity.figure_token(doc, fig.num_start, fig.end)
    if num is None or num.i == 0:
        return False
    head = doc[num.i - 1]
    return num.head.i == head.i and head.pos_ in ("NOUN", "PROPN") and head.lower_.endswith(RANK_NOUNS)


def _lead(units: list[Unit], figures: list[QuantityPhrase]) -> tuple[int, int] | None:
    """The article's lead sentence up to its first figure (what sets the scene for a headline's figures)."""
    lead_unit = next((u for u in units if not u.title and not u.heading), None)
    if lead_unit is None:
        return None
    return lead_unit.start, min([lead_unit.end] + [f.num_start for f in figures
                                                   if lead_unit.start <= f.num_start < lead_unit.end])


class _Learned:
    """The trained attribution component's quotations of one Doc, read only when a figure asks (none where no
    weights are packaged: the rules then work alone)."""

    def __init__(self, doc: Doc, said: list):
        self.doc, self.said = doc, said
        self.found: attr.LearnedDoc | None | bool = None

    def source(self, pos: int):
        if self.found is None:              # decided only for the sentences the figure's quotation needs
            model = attr.trained_model()
            self.found = attr.LearnedDoc(self.doc, model, self.said) if model is not None else False
        found = self.found.around_char(pos) if isinstance(self.found, attr.LearnedDoc) else []
        return attr.learned_source(self.doc, pos, found) if found else None


class ClaimExtractor:
    """Writes doc._.claims (see the module docstring)."""

    def __init__(self, durations: bool = True):
        self.durations = durations

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.claims = self.extract(doc)
        except Exception as e:
            raise RuntimeError(f"claims: article {doc._.article_id!r}: {type(e).__name__}: {e}") from e
        return doc

    def extract(self, doc: Doc) -> list[Claim]:
        text = doc_text(doc)
        article = doc._.article_id or ""
        units = split_units(doc, text)
        if not units:
            return []
        has_pos = any(t.pos for t in doc[:50])     # doc.has_annotation walks every token; a tagger tags all
        cues = attr.unit_cues(doc, units)
        # who says what by the parse, where the pipeline parses; the word rules' cues come first
        parsed = doc.has_annotation("DEP")
        said = attr.quotations(doc) if parsed else []
        by_unit = attr.sources_by_unit(doc, units, said) if parsed else None
        survey, learned = (attr.survey_source(doc), _Learned(doc, said)) if parsed else (None, None)
        figures = find_figures(text, scan_numbers(text))
        title_units = [u for u in units if u.title]
        title_span = (title_units[0].start, title_units[-1].end) if title_units else None
        lead = _lead(units, figures)
        places = frozenset(e.text.lower() for e in doc.ents if e.label_ == "LOC")   # small towns the gazetteer lacks
        doers = quantity.passive_agents(doc)        # never the victims' side
        claims: list[Claim] = []
        last_noun: dict[int, str] = {}
        last_mods: dict[int, list[str]] = {}       # the attribute words of that noun ("obdachlose")
        antecedent: dict[int, Claim] = {}
        for fi, fig in enumerate(figures):
            ui = _unit_at(units, fig.num_start)
            if ui < 0:
                continue
            unit = units[ui]
            if fig.start < unit.start:              # a qualifier cannot reach into the sentence before
                fig = replace(fig, start=fig.num_start, text=text[fig.num_start:fig.end], qualifier="exact")
            nouns, mods, end, of = _counted_after(doc, text, fig, unit.end, has_pos)     # of: partitive
            fig = _as_share(doc, text, _shared_scale(doc, text, figures, fi, fig, nouns), nouns)
            counted, end, from_prev = _elliptic_counted(doc, text, units, ui, fig, figures, fi, nouns, end, last_noun,
                                                        has_pos)
            if not counted or _no_count(doc, text, fig, counted):
                continue
            fig = _qualifier_by_parse(doc, _english_thousands(text, fig, counted))
            # a bare figure counting its sentence's last noun: that noun's attribute ("2.000 obdachlose ... nun 200")
            noun_mods = last_mods.get(ui, []) if not nouns and counted == last_noun.get(ui) else []
            if fig.kind != "compound" and meas.classify(counted.split()[-1])[1] != "time":
                last_noun[ui] = counted            # durations are never the noun of a later bare figure
                last_mods[ui] = mods if nouns else noun_mods
            noun_words = [t.text for t in nouns] or [counted]
            attribution = self._attribution(doc, text, units, ui, fig, cues, said, by_unit, survey, learned)
            context = self._context(units, ui, lead)
            ctx = meas.FigureContext(text, fig.start, fig.num_start, end, noun_words, mods, (unit.start, unit.end),
                                     context, attribution.spans, fig.kind, fig.unit,
                                     figures[fi + 1].start if fi + 1 < len(figures) else None,
                                     None if unit.title else title_span, places, doers, noun_mods)
            measure = meas.measure_for(ctx)
            before = antecedent.get(ui - 1) if from_prev else antecedent.get(ui) if not nouns else None
            prev_m = before.measure if before is not None else None
            if prev_m is not None and (measure.kind in ("people", "other") or measure.kind == prev_m.kind and (
                    measure.action is None or from_prev)):
                # an elliptic figure counts what the figure before it counted: "in Syrien mindestens 1.444",
                # "3.500 Stellen abbauen, davon 1.400 in Deutschland", "Armenien kommt auf etwa 42.000."
                measure = _elliptic(measure, prev_m, _place_after(ctx, doc) or meas._place(ctx))
                if measure.kind == "injured":
                    measure.action = meas.severity(ctx) or measure.action
            measure, counted = _refine(doc, text, unit, fig, measure, _last_in(claims, unit) or antecedent.get(ui - 1),
                                       counted, end, bool(nouns), attribution.planned)
            measure = _part_and_holder(doc, claims, unit, figures, fi, fig, measure, nouns, of)
            if measure.kind in ("duration", "age") and not self.durations:
                continue
            if fig.kind == "compound" and measure.kind in ("age", "duration") and nouns and fig.unit and \
                    meas.classify(nouns[-1].text)[1] is None and not meas.demonym_key(nouns[-1].text) and \
                    nouns[-1].lower not in meas.KIN:
                counted = fig.unit
            claim = Claim(
                article=article, text=text[fig.start:end], sentence=text[unit.start:unit.end],
                start=fig.start, end=end, low=fig.low, high=fig.high, qualifier=fig.qualifier,
                counted=counted, source=attribution.source, hedged=attribution.hedged,
                id=f"{article}#{fig.start}", sources=attribution.sources, stance=attribution.stance,
                measure=measure, time=_time_of(doc, unit, fig.num_start, fig.end), sentence_index=unit.sent_index,
                unit=self._unit(noun_words[-1], measure.kind), determiner=quantity.determiner_of(doc, fig.start, end),
            )
            claims.append(claim)
            if nouns and measure.kind not in ("duration", "age"):
                antecedent[ui] = claim
        return changes.mark_changes(doc, _holders_told_apart(claims))   # "von 40 auf 55": the old value's new one

    @staticmethod
    def _attribution(doc: Doc, text: str, units: list[Unit], ui: int, fig: QuantityPhrase, cues, said, by_unit,
                     survey, learned: _Learned | None = None) -> attr.Attribution:
        """Who says the figure: the parse first (attribution/figures.py), then a poll the lead
        reports; the word rules of attribution/legacy.py where the parse names no one, then the speaker the
        trained attribution component decides for the quotation the figure sits in (each counted in
        attr.FIGURE_STATS). Hedging and planning from the figure's own clause in the parse (modality.py), with the
        sentence's report basis (`Berichten zufolge`, unverified); the word rules without a parse; stance by words."""
        pos = fig.num_start
        words = attr.attribute(text, units, ui, pos, cues)
        if by_unit is None:
            return words
        out = attr.attribute_figure(doc, units, ui, pos, said, by_unit)
        # a figure in a speaker's own phrase: no word rule or trained guess names a source; a poll cited before it
        # still does ("Eine Studie ... ergab ... Zwei Drittel der befragten Pflegekräfte gaben an": its result)
        stated = out.stated
        if not out.sources and survey is not None and survey[0] <= pos:
            out.sources.append(survey[1])
            attr.FIGURE_STATS["survey"] += 1
        # a word rule's verb the parse reads as another verb, or its speaker a time: no fallback
        misread = bool(words.sources) and attr.word_cue_misread(doc, words.spans[:1], words.sources[0].name)
        if not out.sources and not stated and words.sources and not misread:
            attr.FIGURE_STATS["fallback: word rules"] += 1
            out.sources, out.spans = words.sources, words.spans
        if not out.sources and not stated and learned is not None:
            said_here = learned.source(pos)
            if said_here is not None:
                out.sources, out.spans = [said_here.source], said_here.spans
                attr.FIGURE_STATS["trained component's quotation"] += 1
        modal = modality.figure_modality(doc, fig.num_start, fig.end)
        out.hedged = words.hedged if modal is None else modal.hedged or words.sentence_hedged
        out.planned, out.stance = modal is not None and modal.planned, words.stance
        return out

    @staticmethod
    def _context(units: list[Unit], ui: int, lead: tuple[int, int] | None = None) -> list[tuple[int, int]]:
        """Earlier sentences of the paragraph, the nearest heading above, the title (nearest last); for a
        headline the lead up to its first figure (where it sets the scene: "Beim Untergang vor Lampedusa")."""
        out: list[tuple[int, int]] = []
        title = [u for u in units if u.title]
        if units[ui].title:
            return [lead] if lead and lead[1] > lead[0] else []
        if title:
            out.append((title[0].start, title[-1].end))
        for k in range(ui - 1, -1, -1):
            if units[k].heading and not units[k].title:
                out.append((units[k].start, units[k].end))
                break
        same = [(u.start, u.end) for u in units[:ui] if u.paragraph == units[ui].paragraph]
        return out + same

    @staticmethod
    def _unit(noun: str, kind: str) -> str | None:
        n = noun.lower()
        if kind == "percent":       # a share (%), or a change of one in percentage points (pp): never one quantity
            return next((v for k, v in meas.PERCENT_UNITS.items() if n.startswith(k)), "%")
        if kind == "money":
            return meas.currency_code(noun)
        if kind == "measurement":
            return next((v for k, v in meas.UNITS.items() if n.startswith(k)), None)
        return None


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory("lagebild_claims", assigns=["doc._.claims"], requires=["doc.sents"],
                  default_config={"durations": True})
def make_claims(nlp, name: str, durations: bool) -> ClaimExtractor:
    """Quantitative claims -> doc._.claims; durations and ages too unless durations=False."""
    return ClaimExtractor(durations=durations)
