"""A change one sentence states between two of its figures, read at extraction: "von X auf Y", "Y statt X".

German states a change from one value to another as "von X auf Y" ("die Zahl stieg von 40 auf 55", "von einst rund
2.000 auf nun 200") and corrects a figure as "Y statt X" ("um 0,5 statt 0,4 Prozent"). X is the value before: the
claim's `changed_to` is the start offset of Y's figure (consolidate/estimates.py `changed_from`, consolidate/groups.py
`_one_change`: one quantity at two times, no disagreement).

Not for a flow counted per period: "die Zahl der Anträge stieg im Vorjahr von 1.200 auf 900", "von 2.300 auf 5.100
pro Monat" compares two periods' counts - last year's applications are not this year's, two quantities, not one
stock at two times (`compares_periods`). A stock reported at two dates ("seit Jänner", "bis Ende Juni", "im Juli")
or a level (a percentage) stays one quantity, and so does a stock compared over a named period: what is counted
decides (`counts_flow`: "die Zahl der Arbeitslosen sank im Vorjahr von 5.400 auf 4.100" is one quantity).

The preposition that governs a figure is read from the parse where the pipeline parses (the `case` dependent of the
number or of the noun it counts: "auf 95 Millionen Euro"), else from the words right before the figure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lang.de import pairs, rows, table
from ..model import Claim

# A figure's phrase may hold lowercase adverbs and qualifiers between its preposition and its number ("von einst
# rund 2.000", "auf nun 200"); a capitalised word, a number or a punctuation mark ends the look back.
PHRASE_LOOKBACK = 4
CHANGE_WORDS = frozenset({"von", "auf", "statt", "anstatt"})
# The words that end a clause within a sentence: the values of one change stand in one clause.
CLAUSE_ENDS = frozenset({",", ";", ":", "–"})
# Words around a period noun (lang/de/period_phrases.tsv): prepositions of a whole period ("im Vorjahr", "gegenüber dem
# Vorjahr"), words of a span, a point or a stretch ("seit dem Vorjahr", "binnen eines Jahres"), the determiners between,
# and the last parts of a compound that make it a point ("Jahresende")
PERIOD_PHRASES = table("period_phrases")
PERIOD_OPENERS = PERIOD_PHRASES["whole"]
NOT_PERIOD_OPENERS = PERIOD_PHRASES["not_whole"]
DETERMINERS = PERIOD_PHRASES["determiners"]
POINT_PARTS = tuple(sorted(PERIOD_PHRASES["points"]))
# seasons ("Frühjahr" ends in a period noun): a season dates a stock's change as a month's name does
SEASONS = frozenset(pairs("seasons"))
# article forms that are never nominative ("des", "dem", "einem"): a noun they open is no subject
OBLIQUE = table("determiner_forms")["oblique"]


@lru_cache(maxsize=1)
def _count_periods() -> tuple[str, ...]:
    """Units of time a count is kept for, period by period (lang/de/time_units.tsv: those of a month's precision
    or coarser, up to a year): monat, quartal, halbjahr, jahr. A day or a week dates a report (a toll updated
    "am Vortag"); a decade or a century is the stretch over which a stock changes."""
    return tuple(w for w, _, kind, precision in rows("time_units")
                 if kind == "date" and precision in ("month", "quarter", "half", "year"))


@lru_cache(maxsize=1)
def _rate_words() -> tuple[frozenset[str], frozenset[str]]:
    """(adverbs of a rate: "jährlich", "täglich"; nouns of its unit: "jahr", "tag") of lang/de/quantity_rates.tsv."""
    forms = set().union(*table("quantity_rates").values())
    return frozenset(f for f in forms if f.endswith("lich")), frozenset(f for f in forms if not f.endswith("lich"))


def _period_noun(word: str) -> bool:
    """Is the word a period noun in the singular, alone or as the last part of a compound ("Vorjahr", "Halbjahres",
    "Geschäftsjahr", "Vormonat", "Quartal")? A plural ("in den vergangenen Jahren") is a stretch of several."""
    w = word.lower()
    if w in SEASONS or re.sub(r"(?:es|s|e)$", "", w) in SEASONS:
        return False                                   # "im Frühjahr": a season, no count period
    return word[:1].isupper() and any(re.fullmatch(rf"[a-zäöüß]*{unit}(?:e|es|s)?", w) for unit in _count_periods())


def _period_compound(word: str) -> bool:
    """Is the noun a count per period by its first part ("Jahresumsatz", "Monatsmiete", "Quartalsgewinn")? Not a
    point of a period ("Jahresende", "Jahresbeginn": a date, their last part a point noun of no count)."""
    w = word.lower()
    return word[:1].isupper() and any(w.startswith(unit + "es") and len(w) > len(unit) + 6 or
                                      w.startswith(unit + "s") and len(w) > len(unit) + 5
                                      for unit in _count_periods()) and not _point_of_period(w)


def _point_of_period(w: str) -> bool:
    return w.endswith(POINT_PARTS)


def _number_token(doc: Doc, c: Claim) -> Token | None:
    """The number token of the claim's figure: the first numeric token of its text ("rund 2.000" -> 2.000, "95
    Millionen Euro" -> 95)."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if t.like_num or t.pos_ == "NUM" or any(ch.isdigit() for ch in t.text)), None)


def _preposition(num: Token, parsed: bool) -> tuple[str | None, Token | None]:
    """The change word that governs the figure's number and its token: by the parse, the `case` dependent of the
    number, or of the noun it counts ("auf 95 Millionen Euro", "statt 1,3 Prozent"), placed before the number; else
    the words before the number over lowercase adverbs ("von einst rund 2.000" -> von)."""
    if parsed:
        x = num
        for _ in range(3):
            # the preposition of the figure's own phrase (a case dependent far before it is another phrase's)
            case = [t for t in x.children if t.dep_ == "case" and num.i - PHRASE_LOOKBACK <= t.i < num.i]
            if case:
                w = case[-1].lower_
                return (w, case[-1]) if w in CHANGE_WORDS else (None, None)
            if x.dep_ in ("nummod", "nmod", "amod") and x.head.i > x.i and x.head.pos_ in ("NOUN", "PROPN", "NUM"):
                x = x.head
                continue
            break
        # the parse attaches the preposition elsewhere ("von" as an adverb): the words decide
    doc = num.doc
    for t in reversed(doc[max(0, num.i - PHRASE_LOOKBACK):num.i]):
        w = t.text.lstrip("(„\"'")
        if w.lower() in CHANGE_WORDS:
            return w.lower(), t
        if not w.isalpha() or not w.islower():
            return None, None
    return None, None


def mark_changes(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims, `changed_to` set on the old value of each change a sentence states: "von <X> ... auf <Y>" in one
    clause, "<Y> statt <X>" (Y's number right before "statt"); not where two periods' flows are compared
    (`compares_periods`)."""
    parsed = doc.has_annotation("DEP")
    read: list[tuple[Claim, Token, str | None, Token | None]] = []
    for c in claims:
        num = _number_token(doc, c)
        if num is None:
            continue
        word, prep = _preposition(num, parsed)
        read.append((c, num, word, prep))
    for c, num, word, prep in read:
        if word == "von":
            new = _to_value(num, parsed)
            if new is None:
                continue
            target = next((d for d in claims if d.start <= new.idx < d.end), None)
            if target is not None and target is not c and not compares_periods(doc, num, new, c, target):
                c.changed_to = target.start
            elif target is None and not compares_periods(doc, num, new, c, None):
                c.changed_to = new.idx           # a new value that is no claim of its own
        elif word in ("statt", "anstatt") and prep is not None and prep.i > 0:
            before = doc[prep.i - 1]
            new_claim = next((d for d in claims if d is not c and d.start <= before.idx < d.end), None)
            if new_claim is not None and any(ch.isdigit() for ch in before.text) and new_claim.start < c.start:
                c.changed_to = new_claim.start
    return claims


def _to_value(num: Token, parsed: bool) -> Token | None:
    """The number after "auf" later in the figure's clause: the new value of "von <num> ... auf <new>" ("auf nun
    200": up to two lowercase words between)."""
    doc = num.doc
    end = num.sent.end if doc.has_annotation("SENT_START") else len(doc)
    for t in doc[num.i + 1:end]:
        if _ends_clause(t) and not (t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].like_num):
            return None
        if t.lower_ != "auf":
            continue
        for k in range(t.i + 1, min(t.i + 4, end)):
            x = doc[k]
            if any(ch.isdigit() for ch in x.text):
                if _preposition(x, parsed)[0] == "auf":
                    return x
                break
            if not (x.is_alpha and x.text.islower()):
                break
    return None


def compares_periods(doc: Doc, old: Token, new: Token, a: Claim, b: Claim | None) -> bool:
    """Does "von X auf Y" compare the counts of two periods (flows), not one stock at two times? A count kept per
    period says so in its clause: a rate ("pro Monat", "jährlich"), a period its time adverbial names as a whole
    ("im Vorjahr", "im ersten Halbjahr", "gegenüber dem Vorjahr", "im Jahr 2015"), or a counted noun that is a count
    per period by its first part ("Jahresumsatz"). A percentage is a level (a share, a rate), never a flow; a span's
    start or end, a point and a stretch ("seit Jänner", "bis Ende Juni", "binnen eines Jahres", "in den vergangenen
    Jahren") date a stock's change, and so does a month's name ("im Juli").

    A named period in a time adverbial does not make a flow by itself (a period in the genitive of the changing
    noun does: "der Gewinn der ersten drei Quartale" is kept for them): what is counted decides (`counts_flow`).
    Events and money kept per accounting period are counted period by period ("die Zahl der Festnahmen stieg im
    Vorjahr", "die Ausgaben stiegen gegenüber dem Vorjahr"); people in a state, things held and a level are a stock
    the period dates ("die Zahl der Arbeitslosen sank im Vorjahr von 5.400 auf 4.100", "der Schuldenstand stieg
    gegenüber dem Vorjahr"); a noun of neither kind stays one quantity. A count of things per unit of time is a
    frequency, a flow; money per unit of time is a price or a wage unless its noun is a money flow ("von 8,50 auf
    8,84 Euro pro Stunde")."""
    if any(c is not None and (c.unit in ("%", "pp") or c.measure is not None and c.measure.kind == "percent")
           for c in (a, b)):
        return False
    lo, hi = _clause(doc, old, new)
    money = any(c is not None and c.measure is not None and c.measure.kind == "money" for c in (a, b))
    if any(c is not None and c.measure is not None and (c.measure.time or "").startswith("pro-") for c in (a, b)):
        return not money or counts_flow(doc, a, lo, hi) is True     # a rate the parse read ("pro Monat")
    adverbs, units = _rate_words()
    toks = doc[lo:hi]
    for t in toks:
        w = t.lower_
        if w in adverbs or t.i > 0 and doc[t.i - 1].lower_ in ("pro", "je") and w in units:
            # "jährlich", "pro Monat", "je Jahr"
            return not money or counts_flow(doc, a, lo, hi) is True
        if _period_compound(t.text) and _changing_noun(doc, t, lo):
            return True                               # "Der Jahresumsatz stieg von 80 auf 95 Millionen Euro"
        if _genitive_period_of_subject(t):
            return True                               # "das EGT der ersten drei Quartale sank von ... auf ..."
        if _period_noun(t.text) and _names_whole_period(doc, t, lo):
            return counts_flow(doc, a, lo, hi) is True   # "im Vorjahr": what is counted decides
    return False


@lru_cache(maxsize=1)
def _noun_kinds() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(level heads, event heads, money flows) of lang/de/period_phrases.tsv, longest first."""
    def longest(key: str) -> tuple[str, ...]:
        return tuple(sorted(PERIOD_PHRASES[key], key=len, reverse=True))
    return longest("level_heads"), longest("event_heads"), longest("money_flows")


def counts_flow(doc: Doc, c: Claim, lo: int, hi: int) -> bool | None:
    """Is what the change counts a flow, counted period by period (True), a stock or a level held (False), or
    unknown (None)? The counted noun is the claim's own ("Arbeitslosen", "Festnahmen"), or for money and units the
    noun whose amount the clause changes ("Der Schuldenstand stieg", "Die Ausgaben stiegen"). Its class decides
    (extract/measures.py `classify_counted`, the event lexicon, the noun's last part):
    - a level or a stock by its last part ("-stand", "-bestand"), things that exist (sites, buildings, vehicles,
      weapons, jobs): a stock;
    - an amount of a physical unit (tonnes, litres): a flow unless a level by its last part;
    - money: a flow where the noun whose amount changes is an amount kept per accounting period ("Umsatz",
      "Gewinn", "Ausgaben"; the subject or the noun the amount is for: "rechnet für den Gewinn mit einem Anstieg von
      ... auf ...", `_amount_nouns`; not another phrase of the sentence: "trotz höherer Einnahmen"), else money held
      or a price (a stock or a level: "Schulden", "Vermögen", "Mindestlohn"), unknown without a noun;
    - bodies and things in "-ung" ("Stiftungen", "Tageszeitungen", "Wohnungen": held_heads of period_phrases.tsv, a
      word's last part) exist from period to period: a stock, whatever their ending says of a deed;
    - an event noun (the event lexicon: "Unfall", "Insolvenz", "Festnahme") or a deverbal noun of an act or a case
      ("Einbürgerungen", "Straftaten", "Asylanträge"), the dead and injured (deaths and injuries happen): a flow;
    - people by their class or their form (a nominalised adjective or participle of a state, an agent noun:
      "Arbeitslose", "Beschäftigte", "Einwohner", "Mitglieder"): a stock; people counted by a visit or a journey
      ("Fahrgäste", "Passagiere", "Besucherinnen": visit_heads of period_phrases.tsv, a word's last part, a
      feminine form by its masculine) and births
      (event_heads): a flow."""
    from ..lang.de.event_words import trigger_lexicon
    from .measures import classify_counted

    currency = c.measure is not None and c.measure.kind == "money"
    money = currency or c.unit not in (None, "", "%", "pp")
    levels, events, money_flows = _noun_kinds()
    if money and any((t.lemma_ or t.text).lower().endswith(money_flows) for t in _amount_nouns(doc, c, lo, hi)):
        return True                                    # "Für den Gewinn, ..., rechnet sie mit einem Anstieg von ..."
    noun = None if money else c.counted
    if not noun:
        noun = next((t.lemma_ if doc.has_annotation("LEMMA") and t.lemma_ else t.text
                     for t in doc[lo:hi] if t.text[:1].isupper() and t.is_alpha and not _period_noun(t.text)
                     and t.lower_ not in DETERMINERS and t.lower_ not in OBLIQUE
                     and (t.pos_ in ("NOUN", "PROPN") if doc.has_annotation("POS") else t.i > lo)
                     and _changing_noun(doc, t, lo)), None)
    w = (noun or "").lower().replace("-", "")
    if noun and w.endswith(levels):
        return False                                   # "Schuldenstand", "Lagerbestand"
    if money and not currency:
        # an amount of a physical unit compared over a named period is what a period makes or uses: production,
        # emissions, a harvest ("Die Stahlproduktion stieg im Vorjahr von 5,2 auf 6,1 Millionen Tonnen"); a stock
        # of it says so by its last part ("Lagerbestand")
        return True
    if not noun:
        return None
    if money:
        return False                                   # money held or a price: "Schulden", "Mindestlohn"
    cls, domain = classify_counted(noun)
    if domain in ("site", "vehicle", "weapon", "jobs"):
        return False                                   # things held: "Wohnungen", "Betten" of a class, "Stellen"
    if w.endswith(tuple(PERIOD_PHRASES["held_heads"])):
        return False                                   # bodies and things held: "Stiftungen", "Tageszeitungen"
    lexicon = trigger_lexicon()
    # the singular of a plural the tokenizer left unlemmatised ("Insolvenzen" -> insolvenz)
    forms = {w} | {w[:-len(e)] for e in ("en", "n", "e", "s") if w.endswith(e) and len(w) - len(e) >= 4}
    if any((e := lexicon.noun(f)) is not None and e.type != "-" for f in forms) or w.endswith(events):
        return True                                    # "Unfälle", "Insolvenzen", "Festnahmen", "Einbürgerungen"
    if domain in ("casualty", "event"):
        return True                                    # deaths and injuries, attacks of a period
    if domain == "person":
        # "Arbeitslose", "Einwohner", "Mitglieder": people in a state; "Fahrgäste", "Besucher": people counted as
        # they come through, a period's count - and so their feminine forms, the masculine noun and -in, -innen
        # ("Zuschauerinnen", "Touristin")
        visits = tuple(PERIOD_PHRASES["visit_heads"])
        if _at_once(doc, c, noun):
            return False                               # "Zuschauer, die gleichzeitig in das Stadion passen"
        return w.endswith(visits) or re.sub(r"in(nen)?$", "", w).endswith(visits)
    return None


def _at_once(doc: Doc, c: Claim, noun: str) -> bool:
    """Are the people counted at one moment: a relative clause of their noun says so by an adverb of simultaneity
    ("die Zahl der Zuschauer, die gleichzeitig in das Stadion passen", "Besucher, die zeitgleich online sind";
    period_phrases at_once)? A count at one moment is a capacity or a stock, not the visits of a period. By the parse:
    the relative clause (acl:relcl) of the counted noun in the figure's sentence and that clause's adverbs."""
    num = _number_token(doc, c) if doc.has_annotation("DEP") else None
    if num is None:
        return False
    at_once = PERIOD_PHRASES["at_once"]
    for t in num.sent:
        if t.text != noun:
            continue
        # the parser hangs the clause on the noun or on the "Zahl" whose genitive it is
        owners = [t] + ([t.head] if t.dep_ in ("nmod", "nmod:poss") else [])
        for rel in (r for o in owners for r in o.children if r.dep_ == "acl:relcl"):
            if any(a.dep_ == "advmod" and (a.lemma_ or a.text).lower() in at_once for a in rel.children):
                return True
    return False


def _amount_nouns(doc: Doc, c: Claim, lo: int, hi: int) -> list[Token]:
    """The nouns that name what an amount of money changed "von X auf Y" is: by the parse, the subject or object of
    the verb the old value hangs on ("Der Umsatz stieg von ..."), a "für" phrase of it ("Für den Gewinn ... rechnet
    die Molkerei mit einem Anstieg von ..."), the nouns the value hangs on and their genitives ("ein Anstieg des
    Umsatzes von ..."); not a noun of another phrase of the sentence ("trotz höherer Einnahmen": a reason, not the
    amount). Without a parse: the clause's changing noun (`_changing_noun`) and a noun after "für" and an article."""
    num = _number_token(doc, c)
    if doc.has_annotation("DEP") and num is not None:
        x, passed = num, []
        while x.head is not x and x.pos_ not in ("VERB", "AUX"):
            x = x.head
            if x.pos_ in ("NOUN", "PROPN"):
                passed.append(x)
        own = [k for n in passed for k in n.children if k.dep_ in ("nmod", "nmod:poss") and k.pos_ == "NOUN"
               and not any(g.dep_ == "case" for g in k.children)]
        if x.pos_ in ("VERB", "AUX"):
            own += [k for k in x.children if k.pos_ in ("NOUN", "PROPN") and
                    (k.dep_ in ("nsubj", "nsubj:pass", "obj") or
                     k.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ == "für" for g in k.children))]
        return [t for t in passed + own if t.text[:1].isupper()]
    sent = doc[lo].sent if doc.has_annotation("SENT_START") else doc[lo:hi]
    return [t for t in sent if t.text[:1].isupper() and t.is_alpha and
            (lo <= t.i < hi and _changing_noun(doc, t, lo) or
             t.i - 2 >= sent.start and doc[t.i - 2].lower_ == "für" and doc[t.i - 1].lower_ in DETERMINERS)]


def _changing_noun(doc: Doc, t: Token, lo: int) -> bool:
    """Is the noun the one whose amount the clause changes - its subject ("Der Jahresgewinn sank von ...") or, by the
    parse, its object ("erhöhte das Jahresbudget von ...") - not a noun of a prepositional or genitive phrase ("laut
    Jahresbericht", "nach Angaben des Monatsberichts": a document, no count per period)? By the parse where it
    parses; else by the word before it over lowercase adjectives: the clause's start or an article form that can be
    nominative."""
    if doc.has_annotation("DEP"):
        return t.dep_.startswith("nsubj") or t.dep_ == "obj"
    k = t.i - 1
    # up to two adjectives between the article and the noun ("der gesamte Jahresumsatz")
    while k >= max(lo, t.i - 3) and doc[k].is_alpha and doc[k].text.islower() and doc[k].lower_ not in DETERMINERS:
        k -= 1
    if k < lo:
        return k == t.i - 1                            # the noun opens the clause
    return doc[k].lower_ in DETERMINERS and doc[k].lower_ not in OBLIQUE


def _genitive_period_of_subject(t: Token) -> bool:
    """By the parse: is the token a period noun (singular or plural: "des ersten Halbjahres", "der ersten drei
    Quartale") in the genitive of the changing clause's subject - the period the counted amount is kept for? Not
    the genitive of a point ("bis Ende des Jahres": Ende is no subject)."""
    if not t.doc.has_annotation("DEP") or t.dep_ != "nmod" or not t.head.dep_.startswith("nsubj"):
        return False
    lemma = (t.lemma_ or t.text).lower()
    if lemma in SEASONS:
        return False                                   # "der Umsatz des Frühjahrs": a season, no count period
    return t.text[:1].isupper() and any(re.fullmatch(rf"[a-zäöüß]*{unit}", lemma) for unit in _count_periods())


def _names_whole_period(doc: Doc, t: Token, lo: int) -> bool:
    """Is the period noun the head of a time adverbial naming one whole period: opened by "im", "in", "gegenüber",
    "zum", "während" (with a determiner and adjectives between: "im ersten Halbjahr", "gegenüber dem Vorjahr"),
    or an accusative of time ("vergangenes Jahr")? Not after a number ("zwei Jahre": a stretch), an indefinite
    article, a span's or a point's preposition, nor as the genitive of another noun ("Ende des Jahres", "im Laufe
    des Jahres": a point or the course of it). By the parse where it parses (`_whole_period_parsed`), else by the
    words before the noun."""
    if doc.has_annotation("DEP"):
        parsed = _whole_period_parsed(t, lo)
        if parsed is not None:
            return parsed
    k = t.i - 1
    adjectives = 0
    # adjectives: lowercase, or capitalised as the clause's first word ("Vergangenes Jahr")
    while k >= lo and doc[k].is_alpha and (doc[k].text.islower() or k == lo) and doc[k].lower_ not in DETERMINERS and \
            doc[k].lower_ not in NOT_PERIOD_OPENERS and doc[k].lower_ not in PERIOD_OPENERS:
        k -= 1
        adjectives += 1
    if k < lo:
        return adjectives > 0                          # "Vergangenes Jahr stieg ..." opens the clause
    w = doc[k].lower_
    if w in PERIOD_OPENERS:
        return not _after_span_word(doc, k, lo)       # "bis zum Jahr 2020": a span's end, not "zum Vorjahr"
    if w in DETERMINERS:
        if k - 1 >= lo and doc[k - 1].lower_ in PERIOD_OPENERS:
            return not _after_span_word(doc, k - 1, lo)   # "gegenüber dem Vorjahr", "in diesem Quartal"
        return False                                   # "Ende des Jahres", "des Vorjahres" of another noun
    if w in NOT_PERIOD_OPENERS or doc[k].like_num:
        return False
    # "vergangenes Jahr" after a verb or a noun: an accusative of time
    return adjectives > 0 and not doc[k].text[:1].isupper()


def _whole_period_parsed(t: Token, lo: int) -> bool | None:
    """The period noun's own dependents decide: a number ("zwei Jahre") or a span's, a point's word or an
    indefinite article among them ("seit dem Vorjahr", "binnen eines Jahres"): no whole period; its preposition
    one of a whole period ("im", "gegenüber", "zum"): a whole one; no preposition, as the genitive of another noun
    ("Ende des Jahres"): none; an adjective and no preposition on a clause's adverbial ("vergangenes Jahr"): an
    accusative of time. None where the parse says nothing of these (the words decide)."""
    kids = [k for k in t.children if k.i < t.i]
    if any(k.dep_ == "nummod" for k in t.children):
        return False
    if any(k.lower_ in NOT_PERIOD_OPENERS for k in kids if k.dep_ in ("case", "det", "advmod", "mark")):
        return False
    case = [k for k in kids if k.dep_ == "case"]
    if case:
        return case[0].lower_ in PERIOD_OPENERS and not _after_span_word(t.doc, case[0].i, lo)
    if t.dep_ == "nmod" and t.head.pos_ in ("NOUN", "PROPN"):
        return False                                   # "Ende des Jahres", "im Laufe des Jahres"
    if t.dep_ in ("obl", "obl:tmod", "nmod:tmod", "advmod") and any(k.dep_ == "amod" for k in kids):
        return True                                    # "vergangenes Jahr"
    return None


def _after_span_word(doc: Doc, k: int, lo: int) -> bool:
    """Does a span's or a point's word stand right before the opener ("bis zum Jahr 2020", "bis in das Jahr")? The
    opener then belongs to the span's bound ("bis zu"), not to a whole period."""
    return k - 1 >= lo and doc[k - 1].lower_ in NOT_PERIOD_OPENERS


def _clause(doc: Doc, old: Token, new: Token) -> tuple[int, int]:
    """The token range of the clause holding both values: from the last clause end before the old value to the
    first after the new one (a thousands comma is none)."""
    sent = old.sent if doc.has_annotation("SENT_START") else doc[:]
    lo = old.i
    while lo > sent.start and not _ends_clause(doc[lo - 1]):
        lo -= 1
    hi = new.i
    while hi < sent.end - 1 and not _ends_clause(doc[hi + 1]):
        hi += 1
    return lo, hi + 1


def _ends_clause(t: Token) -> bool:
    """A clause's end: a comma, semicolon, colon or dash, or a line break (a headline above its sentence)."""
    return t.text in CLAUSE_ENDS or t.is_space and "\n" in t.text
