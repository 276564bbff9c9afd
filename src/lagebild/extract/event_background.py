"""Background mentions of events: when a mention happened where its own clause names no date, and whether it is
told as what happened in the story or as background of another kind (docs/EVENTS.md, "Status").

- The narrative's time: a past-tense sentence without a date of its own happened when the last explicit date of
  the narrative says ("Der Mann hatte am 19. August 2009 eine Granate gezündet. Unmittelbar darauf fuhr er nach
  Hause ..."), until a new date, a sentence in the present or present perfect (the report comes back to now) or a
  heading. A date carried so is the event's time (basis "narrative").
- comparison: a nominal trigger in the standard of a comparison ("niedriger als bei der Wahl am 11. Juni",
  "so viele wie beim Beben von 1999"): the event measured against, not the story's.
- generic: a habitual statement, a trigger whose clause has a frequency (TIMEX3 SET: "jährlich", "alle zehn
  Jahre", "jedes Jahr") and a present-tense verb: a rule of how often, no occurrence.
- state: a statal passive (sein + participle, the parser's nsubj:pass on the relative pronoun) in a relative clause
  on a noun ("Soldaten, die in Afghanistan stationiert sind"): what the noun's referents are, no occurrence.

Pure over a parsed Doc (its ``_.times`` and ``_.dct``); no word lists but lang/de's.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from ..model import TimeValue
from . import doc_text

COMPARATIVE = ("als", "wie")          # the particles of a comparison's standard (closed class of German)
HISTORY_MONTHS = 12                   # a past event the narrative dates this far before the article is history
SINCE = re.compile(r"\b(seit|ab|bis|von)\s*$", re.IGNORECASE)   # a span reaching into or out of the story


def _is_finite(t: Token) -> bool:
    """A finite form by its morphology (the morphologizer marks mood or person; VerbForm=Fin not always)."""
    return "Fin" in t.morph.get("VerbForm", []) or bool(t.morph.get("Mood", [])) or bool(t.morph.get("Person", []))


def _finite(tok: Token) -> list[Token]:
    """The finite verbs of a clause headed by tok: its auxiliaries, else tok itself."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "aux:pass", "cop")]
    if aux:
        return [c for c in aux if _is_finite(c)] or [c for c in tok.subtree if c.pos_ == "AUX" and _is_finite(c)
                                                     and _same_clause(c, tok)]   # a modal the parse hung elsewhere
    # no auxiliary: the verb itself (a preterite the morphology gives a tense only, "überfiel" Tense=Past)
    return [tok] if _is_finite(tok) or tok.morph.get("Tense", []) else []


CLAUSES = ("acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "conj", "xcomp")


def _same_clause(t: Token, head: Token) -> bool:
    """t hangs on head through no clause of its own."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in CLAUSES:
            return False
        t = t.head
    return t.i == head.i


def _past(t: Token) -> bool:
    """A preterite by the morphology, or by its form where the morphology says present ("floh", "wählten")."""
    from .events import _preterite_form

    return "Past" in t.morph.get("Tense", []) or t.pos_ == "VERB" and _preterite_form(t)


def _present(t: Token) -> bool:
    return "Pres" in t.morph.get("Tense", []) and not _past(t)


def past_clause(tok: Token | None) -> bool:
    """The clause a trigger belongs to is told in a past tense (preterite or pluperfect; a modal's preterite
    "mussten ... evacuiert werden"), not the present or present perfect of the news."""
    if tok is None:
        return False
    for verb in (t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")):
        fin = _finite(verb)                            # an infinitive ("zur Explosion zu bringen"): the verb above
        if fin:
            return all(_past(t) for t in fin)
    return False


def _unit_tense(doc: Doc, a: int, b: int) -> str:
    """'past', 'present' or '' (no finite verb) of the main clause of the sentence doc[a:b] (characters)."""
    span = doc.char_span(a, b, alignment_mode="expand")
    root = next((t for t in span or () if t.dep_ == "ROOT"), None)
    if root is None:
        return ""
    fin = _finite(root)
    if not fin:
        return ""
    if any(_present(t) and "Ind" in t.morph.get("Mood", ["Ind"]) for t in fin):
        return "present"
    return "past" if any(_past(t) for t in fin) else ""


def _explicit(t) -> bool:
    """A date the text names ("am 19. August 2009", "im Juni" of an undated article: XXXX-06), not "heute"."""
    return t.type == "DATE" and bool(t.value) and not t.value.endswith("_REF")


def narrative_dates(doc: Doc, units) -> list[list[Any]]:
    """Per unit: the explicit dates that may stand for its triggers' time, in text order - the date carried from
    the narrative before it (first, if any) and its own dates (cached on the doc)."""
    key = ("lagebild_events", "narrative")
    data: dict[Any, Any] = doc.user_data
    if key in data and len(data[key]) == len(units):
        return data[key]
    text = doc_text(doc)
    out: list[list[Any]] = []
    carried = None
    for u in units:
        own = [t for t in doc._.times or () if u.start <= t.start < u.end and _explicit(t)
               and not SINCE.search(text[max(u.start, t.start - 6):t.start])]
        tense = "" if u.heading else _unit_tense(doc, u.start, u.end)
        out.append(([carried] if carried is not None and tense == "past" else []) + own)
        if tense != "past":
            carried = None                             # the present, a heading: the report is back at now
        elif own:
            # a date a calendar anchors is carried; a weekday or month of an undated article ("am Sonntag" with
            # no publication date) ends the carry without standing for what follows
            carried = own[-1] if own[-1].value[:4].isdigit() else None
    data[key] = out
    return out


def narrative_time(doc: Doc, units, ui: int, start: int, carried: bool = True) -> TimeValue | None:
    """The narrative's last explicit date before a trigger at `start` whose clause names none: one earlier in
    its sentence, else (carried) one carried from past-tense sentences before it."""
    u = units[ui]
    dates = [t for t in narrative_dates(doc, units)[ui] if t.start < start and t.value[:4].isdigit()
             and (carried or t.start >= u.start)]
    if not dates:
        return None
    t = dates[-1]
    return TimeValue(t.value, t.precision, t.text, "narrative", t.mod)


def months_back(value: str, ref: str) -> int | None:
    """Whole months from a TIMEX3 value (its middle month where it names a year only) back to a day ref."""
    m, r = re.match(r"(\d{4})(?:-(\d{2}))?", value), re.match(r"(\d{4})-(\d{2})", ref)
    if m is None or r is None:
        return None
    month = int(m.group(2)) if m.group(2) else 6
    return int(r.group(1)) * 12 + int(r.group(2)) - int(m.group(1)) * 12 - month


def long_past(doc: Doc, tok: Token | None, time: TimeValue | None) -> bool:
    """A past-tense mention the narrative dates a year or more before the article: history the report tells as
    background ("Der Täter hatte am 19. August 2009 ... Darauf fuhr er ..." in an article of October 2010). A date in
    the mention's own clause is the story's where it names it ("der im Juni 2024 unterzeichnete Vertrag" in a
    story of 2025 about that treaty; `events._time_status` judges those by year)."""
    dct = doc._.dct
    if time is None or time.basis != "narrative" or not time.value or not dct or \
            not re.match(r"\d{4}-\d{2}", dct) or not past_clause(tok):
        return False
    back = months_back(time.value, dct)
    return back is not None and back >= HISTORY_MONTHS


def verb_above(tok: Token) -> Token | None:
    """The verb a phrase hangs on: tok itself or its nearest verb or auxiliary above."""
    return next((t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), None)


def background_status(tok: Token, nominal: bool) -> str | None:
    """comparison, generic or state (module doc), read off the parse around a trigger; None: none of them."""
    if nominal and _compared(tok):
        return "comparison"
    verb = verb_above(tok)
    if verb is None:
        return None
    if _habitual(tok, verb):
        return "generic"
    if not nominal and _statal(verb):
        return "state"
    return None


def _compared(tok: Token) -> bool:
    """'als bei der Wahl am 11. Juni', 'wie beim Beben von 1999': the trigger's phrase is a prepositional phrase
    right after a comparative particle - the standard of a comparison (a temporal "als der Anschlag geschah" has
    no preposition of its own; where the particle heads a clause, the parse's mark - "Als bei der Explosion zwölf
    Menschen starben, ..." - the phrase is that clause's, the story's own event)."""
    words = sorted(tok.subtree, key=lambda t: t.i)
    if words[0].lower_ in COMPARATIVE and len(words) > 1:     # the parse may hang the particle on the noun
        particle, head = words[0], words[1]
    elif words[0].i > 0:
        particle, head = tok.doc[words[0].i - 1], words[0]
    else:
        return False
    return particle.lower_ in COMPARATIVE and particle.dep_ != "mark" and head.pos_ == "ADP" and head.head.i == tok.i


def _habitual(tok: Token, verb: Token) -> bool:
    """A frequency of years or more (TIMEX3 SET P1Y, P10Y) in the trigger's clause and a present-tense verb: "etwa 25
    Beben werden hier jährlich verzeichnet", "alle zehn Jahre kommt es zu einem Beben" (Konjunktiv I of reported
    speech too). A daily or weekly rate ("täglich kommen Tausende an") tells what goes on in the story."""
    words = list(verb.subtree)
    lo, hi = min(t.idx for t in words), max(t.idx + len(t.text) for t in words)
    if not any(t.type == "SET" and lo <= t.start < hi and re.fullmatch(r"P\d*(Y|DE|CE)", t.value or "")
               for t in tok.doc._.times or ()):
        return False                                   # "täglich kommen Tausende an": a rate of what goes on now
    fin = _finite(verb)
    return bool(fin) and all(_present(t) or "Sub" in t.morph.get("Mood", []) for t in fin)


def _statal(verb: Token) -> bool:
    """A statal passive in a relative clause ("Soldaten, die in Afghanistan stationiert sind"): the participle's
    auxiliary is a present "sein" and its subject the relative pronoun as a passive subject - what its noun's
    referents are, not what happened (the perfect of "die geflohen sind" has an active subject)."""
    if verb.dep_ not in ("acl:relcl", "acl") or "Part" not in verb.morph.get("VerbForm", []) and \
            "Past" not in verb.morph.get("Tense", []):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop")]
    return len(aux) == 1 and aux[0].lemma_.lower() == "sein" and _present(aux[0]) and any(
        c.dep_ == "nsubj:pass" and "Rel" in c.morph.get("PronType", []) for c in verb.children)
