"""Events: who did what to whom, where, when (spaCy component ``lagebild_events``).

``nlp.add_pipe("lagebild_events")`` writes ``doc._.events``: one `model.Event`
per event type and sentence, typed by PLOVER (with the ACLED event type / sub-event
type where one fits) or, where PLOVER has none, after EM-DAT (DISASTER, ACCIDENT) and
humanitarian use (EVACUATE, RESCUE, DISPLACE, GATHER, VOTE); docs/EVENTS.md has the
vocabulary. It runs after ``lagebild_entities`` (actors, targets, places),
``lagebild_times`` (when) and ``lagebild_claims`` (figures, sentence units, attribution).

- Triggers are lemmas of the parse (`lang/de/event_triggers.tsv`): nouns also as compound
  heads (Nachbeben), separable verbs with their particle (nahm ... fest), see
  `lang.de.event_words`.
- Arguments from the dependency arcs (`_arcs`): a verb's subject or agent acts, its object or
  "gegen/auf X" is the target, "in/bei/nahe X" on the trigger (or on the verb a nominal trigger
  belongs to) is the place; word windows over the clause are the fallback where the parse
  names nobody. A place the gazetteer lacks is kept as its name, without coordinates.
- Status: ``planned``, ``hypothetical``, ``denied`` (cue words), ``historical`` (biographies,
  anniversaries, years before the article's), ``comparison`` ("das schwerste Beben seit
  1960"), else ``reported``.
- Time: the clause's own time expression, else the date of a next sentence that only
  attributes ("Das teilte TASS am 17. Juni mit."), else the publication date; an event only
  referred to ("seit den Anschlägen") takes no date, place or parties from another's clause.
- Figures: claim ids in the sentence (and for attacks, disasters and accidents in the
  following sentences); sources: the claims' attribution logic.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lang.de import months, rows, table, words
from ..lang.de.event_words import (
    Reading,
    TriggerEntry,
    domain_senses,
    status_words,
    strong_verbs,
    trigger_lexicon,
    verb_readings,
    vote_scope,
)
from ..lang.de.places import place_type
from ..model import BACKGROUND_STATUSES, FORCE, Claim, Event, Mention, Place, Span, TimeExpression, TimeValue
from ..nlp.compounds import compound_head, ends_in_word, headed_by, word_lemma
from . import attribution as attr
from . import case_word as _case
from . import default_time, doc_text
from .claims import split_units
from .dateline import colon_line, dateline, title_dateline
from .domain import article_domain
from .entities import REGION_NOUNS, _prev_words, country_forms
from .event_background import HISTORY_MONTHS, background_status, long_past, months_back, narrative_time, verb_above
from .modality import _definite  # a definite or demonstrative article: an event or people the text names
from .numbers import MEASURE_UNITS
from .werden import Werden, clause_head, own_clause, verb_form, werden_reading
from .werden import present_passive as _present_passive
from .werden import werden_future as _werden_future
from .werden import werden_passive as _werden_passive


@dataclass(frozen=True)
class Trigger:
    word: str             # the lexicon entry (lemma): "luftangriff", "festnehmen"
    type: str             # PLOVER, or our extension (DISASTER, ACCIDENT, EVACUATE, RESCUE, DISPLACE, GATHER)
    mode: str | None
    acled: str | None     # "Event type: Sub-event type"
    nominal: bool = False  # a noun: "Luftangriff", "Besuch" (actor may be its adjective)
    by_actor: bool = False  # read by who did it (lang/de/event_readings.tsv): "Rebellen überrannten ..."


ATTACK_EFFECTS = ("explosion", "fire", "collapse")
CHEMICAL_WEAPON = "Chemical weapon"                # the ACLED sub-event of a chemical agent's use
CAUSES = ("ASSAULT", "DISASTER")
GENERIC_DETS = ("solch", "jede", "kein", "manch")
# an adjective that makes a fight one of words: "verbale Attacke", "verbale Rauferei im Parlament" - no violence
IN_WORDS = ("verbal",)
# a sentence's assaults, the most telling mode first (a coup that took the palace is a coup)
ASSAULT_MODES = ("coup", "occupy", "aerial", "explode", "firearms", "stabbing", "abduct", "incursion", "clash",
                 "attack", "kill")


def _particle(tok: Token) -> Token | None:
    """The separable particle the parse hangs on a verb ("nahm ... fest"). A separable particle closes the clause of
    its verb, so one the parse hangs on a verb past a verb conjoined to it closes that conjunct's clause ("Die Beamten
    beschlagnahmten Messer und nahmen zwei Männer fest": "fest" is "nahmen"'s, not "beschlagnahmten"'s)."""
    own = next((c for c in tok.children if c.dep_ == "compound:prt"), None)
    if own is not None and _conjunct_before(tok, own) is None:
        return own
    if own is None and tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ in ("VERB", "AUX"):
        return next((c for c in tok.head.children if c.dep_ == "compound:prt" and c.i > tok.i
                     and getattr(_conjunct_before(tok.head, c), "i", None) == tok.i), None)
    return None


def _particle_read_as_adverb(verb: Token, lex) -> Token | None:
    """A separable particle the parse hangs on its verb as an adverb ("sprach den Angeklagten frei", "kam nach elf
    Monaten frei": "frei" an advmod): only a word that closes the verb's clause, as a separable particle does, and
    makes a verb of the lexicon with it (frei|sprechen, frei|kommen) - "kam frei" is freikommen, "kam frei von
    Schulden an" is no release."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "advmod" or c.i < verb.i or c.pos_ not in ("ADJ", "ADV"):
            continue
        if c.i + 1 < len(doc) and not doc[c.i + 1].is_punct:
            continue
        e = lex.verbs.get(c.lower_ + verb.lemma_.lower())
        if e is not None and e.particle == c.lower_:
            return c
    return None


def _conjunct_before(verb: Token, prt: Token) -> Token | None:
    """The last verb conjoined to ``verb`` that stands between it and the particle, with no particle of its own."""
    return next((c for c in reversed(list(verb.children)) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                 and verb.i < c.i < prt.i and not any(g.dep_ == "compound:prt" for g in c.children)), None)


def find_triggers(doc: Doc, start: int, end: int,
                  names: Sequence[Mention] = ()) -> list[tuple[int, int, Trigger, Token]]:
    """Event triggers among the tokens of doc[start:end] (characters): lexicon entries read by lemma
    (docs/EVENTS.md), with the needs of an entry met by the sentence. Words inside a name are none
    ("Sturm" the person, "Brand" the company)."""
    lex = trigger_lexicon()
    seg = doc_text(doc)[start:end].lower()
    out = []
    tokens = _tokens(doc, start, end)
    lo, hi = (tokens[0].idx, tokens[-1].idx) if tokens else (0, -1)
    inside = [(m.start, m.end) for m in names                     # the names among these tokens
              if m.start <= hi and m.end > lo and m.label in ("PER", "ORG", "LOC", "GPE")]
    for tok in tokens:
        word = tok.text
        if not word[0].isalpha() or (len(word) < 4 and not any(c.dep_ == "compound:prt" for c in tok.children)):
            continue                                   # short words are no triggers - but a separable verb's stem
            # with its particle is ("kam ... frei", "gab ... bekannt")
        if inside and any(a <= tok.idx and tok.idx + len(word) <= b for a, b in inside):
            continue                                   # a name's word; not a compound it heads ("Nato-Gipfel")
        generic = in_words = False                     # one pass over the children (asked of every long word):
        particled = False                              # its determiner, its adjective, its particle (`_particle`)
        for c in tok.children:
            dep = c.dep_
            if dep == "det":
                generic = generic or c.lower_.startswith(GENERIC_DETS)
            elif dep == "amod":
                in_words = in_words or c.lower_.startswith(IN_WORDS)
            elif dep == "compound:prt":
                particled = True
        prt = _particle(tok) if particled or tok.dep_ == "conj" else None
        if prt is None and tok.pos_ == "VERB":
            prt = _particle_read_as_adverb(tok, lex)
        if generic:
            continue                                   # "solche Angriffe", "jeder Anschlag": no event
        if in_words and tok.pos_ == "NOUN":
            continue                                   # "eine verbale Rauferei", "ein verbaler Angriff": words only
        pos = _word_class(tok)
        e = lex.match(tok.text, tok.lemma_, pos, prt.text.lower() if prt is not None else "")
        if e is None and prt is None:
            e = next((x for lemma in _uninflected(tok) if (x := lex.match(tok.text, lemma, pos)) is not None), None)
        t_start = tok.idx
        if e is None and prt is None and tok.i > 0 and doc[tok.i - 1].is_alpha and doc[tok.i - 1].is_lower:
            prev = doc[tok.i - 1]                      # "bekannt gegeben": a particle written apart
            e = lex.match(tok.text, tok.lemma_, tok.pos_, prev.lower_)
            if e is not None and e.particle == prev.lower_:
                t_start = prev.idx
            else:
                e = None
        read = e
        if e is not None and e.kind == "verb":
            e = _reading(tok, e)
        elif e is None and pos == "VERB":
            e = read = _role_reading(tok)              # "die Grenze kontrollieren": an event only by its object
        if (e is None or e.kind == "noun") and pos == "NOUN":
            # "die Erstürmung ... durch die Polizei": a raid; "die Schließung der Grenzen": its verb's reading, over
            # the noun's own entry (a closure)
            governed = _governor_reading(tok)
            if governed is not None and governed.entry is None:
                continue                               # "das Feuer einstellen": fire stopped, no blaze
            e = read = _nominal_reading(tok) or _predicate_reading(tok) or (
                replace(governed.entry, kind="noun") if governed is not None and governed.entry else None) or e
        if e is None or (e.needs and not _needs_met(tok, e, seg)):
            continue
        if e.kind == "verb" and (tok.pos_ in ("DET", "PRON") or tok.morph.get("PronType", [])):
            continue                                   # "einige ihrer Forderungen": a determiner, not "einigen"
        if e.kind == "verb" and not _restrictions_met(tok, e, _by_token(doc, list(names))):
            continue                                   # "Posten besetzen", "droht eine Strafe": another sense
        if _another_sense(tok, e):
            continue
        t_end = prt.idx + len(prt.text) if prt is not None and prt.idx > tok.idx else tok.idx + len(tok.text)
        mode, acled = _instrument(tok, e.word, e.type, e.mode, e.acled)
        out.append((t_start, t_end, Trigger(e.word, e.type, mode, acled, e.kind != "verb", e is not read), tok))
    return out


def _another_sense(tok: Token, e: TriggerEntry) -> bool:
    """The trigger word is used in a sense that tells no event of its entry, by its arguments."""
    return (
        # "Zur Kundgebung hatten 20 Gruppen aufgerufen": the protest's
        (e.word == "aufrufen" and _calls_a_crowd(tok))
        or (e.word == "konferenz" and _names_a_body(tok))  # "Die Bischofskonferenz kritisierte ...": a body, no meeting
        # "Rechner mit einem Trojaner verseucht": no industrial accident
        or (e.mode == "contamination" and _infected_by_malware(tok))
        # "Hackerangriff", "ein Angriff auf das Computernetzwerk": a break-in to systems, no violence
        or (e.type == "ASSAULT" and e.mode == "attack" and _on_computers(tok))
        or (e.word == "nein" and not _a_no_said(tok))      # "Nein, sagte er", "mit Nein stimmen": no rejection told
        # "verurteilte den Angriff scharf": an act condemned, no sentence
        or (e.type == "ACCUSE" and e.mode == "sentence" and not e.needs and _condemns(tok))
        # "Die Verhandlungen gegen die Angeklagten": a trial, no talks
        or (e.word == "verhandlungen" and _a_court_hearing(tok))
        # "im Ausnahmezustand", "gegen das Kriegsrecht": none declared
        or (e.mode == "emergency" and _case(tok) not in (None, "von", "vom"))
        # "trifft im Viertelfinale auf", "im Angriff" in a match report; "wird entführt" in a TV guide
        or _read_in_domain_sense(tok, e))


def _read_in_domain_sense(tok: Token, e: TriggerEntry) -> bool:
    """The entry is flagged for the article's domain (lang/de/event_senses.tsv, the domain read by
    `domain.article_domain`): a match report's "trifft auf" is a match, its "Angriff" the forwards; a review's
    "Entführung" a work's title - unless the flag's condition holds ("place": the trigger's clause names a place, as
    a real event is told where it happened: "nach den Anschlägen in Paris"). Keys: the entry's word, the word's
    lemma or form (a compound the lexicon reads by its head: "Aufeinandertreffen"), its type, its type and mode."""
    senses = domain_senses()
    keys = (e.word, tok.lemma_.lower(), tok.lower_, e.type, f"{e.type}/{e.mode}")
    flagged = [s for k in dict.fromkeys(keys) for s in senses.get(k, ()) if s.kind in ("*", e.kind)]
    if not flagged:
        return False
    domain = article_domain(tok.doc)
    return any(domain in s.domains and not any(_SENSE_EXEMPTIONS[u](tok) for u in s.unless) for s in flagged)


def _verb_told_in_a_past_tense(tok: Token) -> bool:
    """The trigger is a verb told in a past tense, active or passive ("wurde angegriffen", "überfielen", "floh"): a
    report or a life's story - a plot or a role is told in the present ("wird entführt", "flieht")."""
    return tok.pos_ in ("VERB", "AUX") and (_past_or_perfect(tok) or tok.tag_.endswith("FIN") and
                                            (_preterite_form(tok) or _prefixed_preterite(tok)))


def _prefixed_preterite(verb: Token) -> bool:
    """A strong verb's preterite behind an inseparable prefix, where the morphology says present ("überfielen" of
    "überfallen", "zerbrach" of "zerbrechen"): the prefix and the preterite stem of the verb it ends in
    (lang/de/strong_verbs.tsv)."""
    low, lemma = verb.lower_, verb.lemma_.lower()
    for cut in range(2, len(lemma) - 3):
        strong = strong_verbs().get(lemma[cut:])
        if strong is not None:
            return low.startswith(lemma[:cut] + strong[0]) and not low.startswith(lemma[:-2])
    return False


def _reflexive(tok: Token) -> bool:
    """The verb has a reflexive pronoun ("traf sich mit dem Minister"): people meeting, whatever the section."""
    return any("Yes" in c.morph.get("Reflex", []) for c in tok.children)


def _clause_names_a_place(tok: Token) -> bool:
    """The clause the trigger stands in names a place (the NER's LOC or GPE) - not the dateline before it ("München -
    ... hat ... angegriffen" names where the report was written)."""
    return any(t.ent_type_ in ("LOC", "GPE") for t in own_clause(clause_head(tok)))


# The conditions of event_senses.tsv's "unless" column under which a flagged trigger keeps its event sense.
_SENSE_EXEMPTIONS = {"place": _clause_names_a_place, "past": _verb_told_in_a_past_tense, "reflexive": _reflexive}


def _a_no_said(tok: Token) -> bool:
    """"Nein" as a noun - with an article ("das dritte Nein der Kammer", "ein klares Nein zum Abbau") - tells a
    rejection; the answer or a vote's option has none ("Nein, sagte er", "mit Ja oder Nein stimmen"). The article
    by its morphology, before the word and its adjectives: the parse may hang it elsewhere (after a dateline's dash).
    """
    j = tok.i - 1
    while j >= 0 and tok.i - j <= 2 and tok.doc[j].pos_ in ("ADJ", "ADV", "NUM"):
        j -= 1                                         # "das dritte Nein", "ein klares Nein": its adjectives
    if _case(tok) == "mit" and _answered_or_voted(tok.head):
        return False                                   # "antwortete mit einem knappen Nein": the answer, not a side's
    before = tok.doc[j] if j >= 0 else None
    return before is not None and any(p in before.morph.get("PronType", []) for p in ("Art", "Dem")) or \
        "Yes" in (before.morph.get("Poss", []) if before is not None else [])


_MALWARE = words("malware_nouns")                   # lang/de/malware_nouns.txt: software that infects computers


def _infected_by_malware(tok: Token) -> bool:
    """A contamination told in a clause that names software infecting computers ("Hacker haben Tausende Computer mit
    Schadsoftware verseucht"): an infection of computers, not of water, soil or air - the clause's nouns, by their
    compound's head (the parse may not hang the "mit" phrase on the verb)."""
    return any(t.pos_ in ("NOUN", "PROPN") and headed_by(t.lemma_.lower(), _MALWARE) for t in own_clause(tok))


_COMPUTERS = words("computer_nouns")                # lang/de/computer_nouns.txt: computers, networks, their data
_INTRUSION = words("computer_intrusion")            # lang/de/computer_intrusion.txt: who breaks in, and how
_ATTACK_HEADS = ("angriff", "attacke")


def _on_computers(tok: Token) -> bool:
    """An attack on computers: the attack noun's compound modifier names them or who breaks in ("Hackerangriff",
    "Cyberattacken", "DDoS-Angriffen"), or its target - a noun's "auf" phrase, a verb's object - is a computer, a
    network or data ("ein Angriff auf das Computernetzwerk", "attackierten mehrere Websites"; by the target's compound
    head). Who breaks in is no such target: an attack on hackers is one on people ("Luftangriff auf Hacker des IS")."""
    word = tok.lower_
    head = next((h for h in _ATTACK_HEADS if h in word), None)
    modifier = word[:word.index(head)].strip("-") if head else ""
    if modifier and any(modifier.startswith(w) or modifier.endswith(w) for w in _COMPUTERS | _INTRUSION):
        return True
    targets = [c for c in tok.children if (c.dep_ == "nmod" and _case(c) == "auf") or
               (tok.pos_ in ("VERB", "AUX") and c.dep_ in ("obj", "nsubj:pass"))]
    if tok.dep_ == "obj":                              # "einen Angriff auf X verüben": the parse may hang "auf X" on
        targets += [c for c in tok.head.children if c.dep_ == "obl" and _case(c) == "auf"]   # the verb
    return any(c.pos_ in ("NOUN", "PROPN") and headed_by(c.lemma_.lower(), _COMPUTERS) for c in targets)


def _answered_or_voted(verb: Token) -> bool:
    """A verb of saying (lang/de/reporting_verbs.txt: "antworten", "sagen") or of voting ("stimmen", "abstimmen"),
    whose "mit" phrase tells the answer given or the option chosen."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = _verb_lemma(verb)
    return lemma in words("reporting_verbs") or lemma.endswith("stimmen")


def _condemns(verb: Token) -> bool:
    """"verurteilen" of an act is a condemnation, of a person a sentence: a court sentences someone ("verurteilte den
    Mann", "zu drei Jahren Haft verurteilt"), a government condemns what was done ("verurteilte den Vorfall", "Der
    Protest wurde verurteilt"). The verb's object (a passive's subject) is an event noun - one of the trigger lexicon
    or a noun of occurrence (counted_classes.tsv event) - and no "zu" phrase names a penalty."""
    from .measures import classify_counted

    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("obl", "obl:arg") and _case(c) in ("zu", "zum", "zur")
                                               for c in verb.children):
        return False
    done_to = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ == "NOUN"]
    if not done_to and any(c.dep_ == "aux:pass" for c in verb.children):
        done_to = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    lex = trigger_lexicon()
    return bool(done_to) and all(lex.match(c.text, c.lemma_, "NOUN") is not None or
                                 classify_counted(c.text)[1] == "event" for c in done_to)


def _a_court_hearing(tok: Token) -> bool:
    """Hearings ("Verhandlungen") against someone or before a court are a court's, no talks between sides ("Die
    Verhandlungen gegen die Angeklagten", "vor dem Landgericht"; not "über einen Waffenstillstand", "mit der
    Ukraine")."""
    return any(c.dep_ == "nmod" and (_case(c) == "gegen" or c.lower_.endswith(COURTS)) for c in tok.children)


_MEETING_HELD = words("meeting_held_verbs")       # lang/de/meeting_held_verbs.txt: a meeting held, begun, ended


def _names_a_body(tok: Token) -> bool:
    """A conference that is the subject of a verb other than one of its being held acts as the standing body of that
    name ("Die Kultusministerkonferenz kritisierte ...", "Die Bischofskonferenz forderte ..."), no meeting held
    ("Die Konferenz der Innenminister tagte in Bremen", "Am Montag beginnt die Klimakonferenz")."""
    return tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_.lower() not in _MEETING_HELD


CROWD_TYPES = ("PROTEST", "GATHER")
CALL_CASES = ("zu", "zum", "zur")


def _calls_a_crowd(tok: Token) -> bool:
    """A call ("aufrufen") to a protest or a gathering, in its "zu" phrase or as the relative clause of that event's
    noun ("Zu der Demonstration hatten 20 Gruppen aufgerufen", "die Kundgebung, zu der ein Bündnis aufgerufen
    hatte"): how the crowd was organised, told by its own event (planned, or answered: `_expected`, `_answered`) with
    the callers - no demand of its own, as ACLED codes the protest and not its call. A call to anything else
    ("rief zu Toleranz auf", "zum Hass aufgerufen") is a demand."""
    lex = trigger_lexicon()
    # the parser may hang the phrase on the auxiliary ("Zu der Kundgebung hatten ... aufgerufen"), or read the
    # auxiliary as the main verb the participle is a conjunct of
    auxes = [c for c in tok.children if c.dep_ == "aux"] + \
        ([tok.head] if tok.dep_ == "conj" and tok.head.lemma_ in ("haben", "sein") else [])
    for c in (c for h in (tok, *auxes) for c in h.children):
        if c.dep_ not in ("obl", "obj", "nmod") or _case(c) not in CALL_CASES:
            continue
        called = tok.head if c.pos_ == "PRON" and tok.dep_ == "acl:relcl" else c
        e = lex.match(called.text, called.lemma_, called.pos_)
        if e is not None and e.kind != "verb" and e.type in CROWD_TYPES:
            return True
    return False


# Case endings a noun the lemmatizer left as written may still carry, by its morphology: the genitive singular's
# -es/-s, the plural's -en/-n/-e/-s (dative plural -n)
CASE_ENDINGS = (("Gen", "Sing", ("es", "s")), ("", "Plur", ("en", "n", "e", "s")))


def _word_class(tok: Token) -> str:
    """The tagger's part of speech, less its adjective for a capitalised word inside the sentence that heads a phrase
    of its own ("beim EU-Gipfel vorgelegte Vorschlag" tagged ADJ, an oblique): German capitalises nouns, and an
    adjective's own phrase hangs on a noun (amod) or a verb (advmod, a predicate)."""
    if tok.pos_ == "ADJ" and tok.text[:1].isupper() and not tok.is_sent_start and \
            tok.dep_ in ("obl", "obj", "nsubj", "nsubj:pass", "nmod") and any(c.dep_ == "case" for c in tok.children):
        return "NOUN"
    return tok.pos_


def _uninflected(tok: Token) -> list[str]:
    """The lemmas a noun may have where the lemmatizer left it as written: a hyphenated compound keeps its case ending
    ("des EU-Gipfels", "den IS-Angriffen"; "Gipfels" alone it lemmatizes), so the lexicon's "gipfel" never
    matched it - the word less the ending its case and number call for."""
    if tok.lemma_ != tok.text:                         # asked first: cheaper than the word class (which reads
        return []                                      # the arcs), and it decides for every inflected word
    pos = _word_class(tok)
    if not (pos == "NOUN" or (pos == "PROPN" and "-" in tok.text)):
        return []                                      # a name's compound is tagged as one: "des Nato-Gipfels"
    case, number = tok.morph.get("Case", []), tok.morph.get("Number", [])
    out = [tok.text[:-len(end)] for c, n, ends in CASE_ENDINGS if (not c or c in case) and n in number
           for end in ends if tok.text.endswith(end) and len(tok.text) > len(end) + 3]
    # a plural with an umlaut the lemmatizer left in a compound ("Masernfälle", "Cholerafällen"): its head's singular
    # has the plain vowel - the umlaut and the ending mark the plural, whatever number the tagger gives it
    stems = [tok.text[:-len(end)] for end in UMLAUT_PLURAL_ENDINGS
             if tok.text.endswith(end) and len(tok.text) > len(end) + 3]
    out += [w for w in (_without_umlaut(f) for f in stems) if w]
    # a compound's plural whose singular has the umlaut already ("Friedensgespräche", "Staatsverträge"), where the
    # tagger calls it singular: the word less the ending
    return out + [f for f in stems if any(v in f[-4:] for v in UMLAUTS)]


# not "-er": after an umlaut it also makes agent nouns ("Attentäter", "Schläger"), no plural of the act
UMLAUT_PLURAL_ENDINGS = ("en", "e")


UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def _without_umlaut(word: str) -> str | None:
    """The word with the umlaut of its last syllable made plain ("Masernfäll" -> "Masernfall"), or None without one."""
    i = max(word.rfind(u) for u in UMLAUTS)
    if i < 0 or any(ch in "aeiouäöü" for ch in word[i + 1:].replace("u", "", 1 if word[i:i + 2] == "äu" else 0)):
        return None
    return word[:i] + UMLAUTS[word[i]] + word[i + 1:]


def _needs_met(tok: Token, e: TriggerEntry, seg: str) -> bool:
    """A trigger's needs (lang/de/event_needs.tsv) met: in its sentence, or for the lists marked "argument" in
    its own word or its arguments ("Das Dach der Halle brach zusammen", "der Einsturz einer Brücke", "Ein
    Fischkutter sank"; not "Das Weiße Haus warnte vor einem Zusammenbruch der Wirtschaft")."""
    if not e.in_arguments:
        return any(n in seg for n in e.needs)
    # the trigger's own word holds it anywhere ("Brückeneinsturz"), an argument as its compound's head, the last
    # part ("Hallendach", "Flüchtlingsboote"; not "Dachverband", "Krankenversicherung" for "dach", "kran")
    args = _arguments(tok)
    if e.in_objects and tok.pos_ in ("VERB", "AUX"):
        # what a verb uses or is exposed to is its object ("setzten Senfgas ein"), not a word elsewhere in the sentence
        # ("setzten Spürhunde ein" after a find of Senfgas; "setzte Inspektionen von Chemiewaffen aus": suspended);
        # where the verb has no object of its own the parse has often lost it ("ist nach Angaben von Experten Senfgas
        # eingesetzt worden" reads it as an apposition): then a word of the verb's own clause
        objects = [c for c in tok.children if c.dep_ in ("obj", "iobj")]
        # what it is made of or what is in it counts too ("verseuchtes Wasser abgelassen", "Spuren von radioaktivem
        # Cäsium gefunden"): the modifiers of the subject and the objects - not of a phrase behind a preposition the
        # parse labels an object ("leitete Ermittlungen wegen verseuchten Wassers ein": a cause)
        args += [m for a in (*args, *objects) if not _behind_preposition(a) for m in _modifiers(a)]
        args += objects or [t for t in own_clause(tok) if t.i != tok.i]
    forms = [f for a in args for w in (a, *(c for c in a.children if c.dep_ == "conj")) for f in _word_forms(w)]
    return any(n in tok.lower_ or any(f.endswith(n) for f in forms) for n in e.needs)


def _behind_preposition(noun: Token) -> bool:
    """The noun's phrase is a prepositional one: by its case child, or by the preposition its phrase opens with,
    which the parse may hang on an adjective ("wegen radioaktiv verseuchten Wassers": "wegen" on "radioaktiv")."""
    return _case(noun) is not None or noun.left_edge.i < noun.i and noun.left_edge.pos_ == "ADP"


def _modifiers(noun: Token) -> list[Token]:
    """A noun's adjectives (with their adverbs: "radioaktiv verseuchtes") and its genitive or von-attribute with its
    adjectives ("Spuren von radioaktivem Cäsium") - what the thing is or is made of, not a phrase of cause or place
    ("wegen verseuchten Wassers")."""
    out = []
    for c in noun.children:
        if c.dep_ == "amod":
            out += [c, *(a for a in c.children if a.dep_ in ("advmod", "amod"))]
        elif c.dep_ in ("nmod", "nmod:poss") and (
                _genitive(c) and not _behind_preposition(c) or _case(c) in ("von", "vom")):
            # a genitive behind a preposition ("wegen verseuchten Wassers") is a cause, not the thing's matter
            out += [c, *(a for a in c.children if a.dep_ == "amod")]
    return out


def _arguments(tok: Token) -> list[Token]:
    """What a trigger happens to: a verb's subject (a passive's too; an attributive participle's noun, a
    relative clause's antecedent), a noun's genitive or von-attribute."""
    if tok.pos_ in ("VERB", "AUX"):                   # a bare noun phrase too: the parse reads the subject of
        #                                                "ist das Dach zusammengebrochen" as an accusative object
        out = _subjects(tok, [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")])
        if not out and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            return _arguments(tok.head)                # a shared subject: "Das Boot geriet in Seenot und sank"
        if tok.dep_ in ("amod", "acl", "acl:relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
            out.append(tok.head)                       # "die eingestürzte Brücke", "das Dach, das zusammenbrach"
        return out
    return [c for c in tok.children if c.dep_ in ("nmod", "nmod:poss") and
            (_genitive(c) or _case(c) in ("von", "vom"))]


def _genitive(noun: Token) -> bool:
    """A noun in the genitive by its own morphology or its article's: the tagger gives a feminine noun, whose form is
    the same in every case, the nominative ("Fälle der Geflügelpest": "der" Gen, "Geflügelpest" Nom)."""
    return "Gen" in noun.morph.get("Case", []) or any(
        c.dep_ == "det" and "Gen" in c.morph.get("Case", []) for c in noun.children)


def _role_words(tok: Token, role: str) -> list[str]:
    """The words (lower case) of a verb's subject (a passive's von/durch agent) or accusative object; not a noun
    that names a bound ("die Obergrenze kontrollieren" is no border measure, `_bound`)."""
    return [w for c in _role_tokens(tok, role) if not _bound(c) for w in _word_forms(c)]


def _word_forms(tok: Token) -> tuple[str, ...]:
    """A word as a stem list's entries may end it (lower case): its lemma, and the word as written less an
    inflection ending the lemmatizer may have kept or cut wrongly ("eines Grenzzauns")."""
    return (tok.lemma_.lower(), tok.lower_, tok.lower_[:-1], tok.lower_[:-2])


DEGREE = table("event_function_words")["degree"]     # lang/de/event_function_words.tsv
EXTENT = table("event_function_words")["extent"]


def _bound(c: Token) -> bool:
    """A noun of extent (event_function_words.tsv extent: "Grenze", "Limit") read as a bound, not a line on the map:
    its compound's modifier is a word of degree ("Obergrenze", "Höchstgrenze", "Mindestgrenze"; event_function_words
    degree), or it has a number as its complement, its own or in a "von"/"bei"/"für" phrase right after it ("eine
    Grenze von 50.000 Anträgen", "die Grenze bei 3.000 Euro") - a border takes a country ("die Grenze zu Serbien",
    "für Flüchtlinge geschlossen")."""
    if c.pos_ not in ("NOUN", "PROPN"):
        return False
    word = (c.lemma_ or c.text).lower().replace("-", "")
    extent = next((e for w in (word, c.lower_) for e in EXTENT if w.rstrip("n").endswith(e)), None)
    if extent is None:
        return False                                   # "zwölf Sitze": a count of things, no bound
    if word[:-len(extent)] in DEGREE:
        return True
    after = [x for x in (*c.children, *(c.head.children if c.head.i != c.i else ())) if x.i > c.i
             and x.dep_ in ("nmod", "obl") and _case(x) in BOUND_CASES and x.left_edge.i <= c.right_edge.i + 2]
    # the number counts what is bounded ("37.500 Anträge"), not a time ("die Grenze für 24 Stunden schließen", "bei
    # Spielfeld seit dem 13. September": the measure's span or day) nor a length ("eine Grenze von 175 Kilometern":
    # a line on the map)
    def counts(n: Token) -> bool:
        return n.like_num and not _in_time(n) and \
            not n.head.lower_.startswith(MEASURE_UNITS)
    return any(n.dep_ == "nummod" and counts(n) for n in c.children) or any(counts(n) for x in after
                                                                            for n in x.subtree)


BOUND_CASES = ("von", "bei", "für")


def _passive(tok: Token) -> bool:
    """Is the verb a passive? The parser's aux:pass arc (also a "sein" passive) unless its "werden" is the future
    ("wird ... kandidieren", labelled aux:pass: its subject acts), or the shared reading of its "werden" says so."""
    return any(c.dep_ == "aux:pass" for c in tok.children) and not _werden_future(tok) or _werden_passive(tok)


def _role_tokens(tok: Token, role: str, loose: bool = False) -> list[Token]:
    """The heads of a verb's subject (a passive's von/durch agent) or accusative object (a passive's subject;
    loose: also where the parser labels it nsubj). "werden" with an infinitive is the future, though the parser
    may label it aux:pass ("Die Armee wird die Festung überrennen"): its subject acts."""
    if role == "awaited":                              # "warten auf ihre Weiterreise": the "auf" phrase, or one the
        #                                                parse hangs on the subject ("warten 500 Flüchtlinge auf ...")
        args = [c for c in tok.children if c.dep_ in ("nsubj", "obj")]
        return [c for h in (tok, *args) for c in h.children
                if c.dep_ in (("obl", "obj") if h is tok else ("nmod",)) and _case(c) == "auf"]
    if role == "enclosed":                             # "errichtete einen Zaun um das Gelände": the "um" phrase of
        #                                                the verb or of its object, not a purpose clause ("Um ... zu")
        return [c for h in (tok, *_role_tokens(tok, "object", loose)) for c in h.children
                if c.dep_ in (("obl",) if h is tok else ("nmod",)) and _case(c) == "um"]
    if role == "on_duty":
        return _on_duty(tok)
    if role == "goal":
        return _goal_phrases(tok)
    if role == "to_leave":
        return _places_to_leave(tok)
    if role == "governor":                             # "eröffneten das Feuer": the verb a noun is the object of
        head = tok.head
        # a passive's subject is what is done to, whichever label the parse gives it ("Über die Region wurde der
        # Notstand verhängt": nsubj)
        governed = tok.dep_ == "obj" or (tok.dep_ in ("nsubj:pass", "nsubj") and _passive(head)) or (
            tok.dep_ == "obl" and "Acc" in tok.morph.get("Case", []) and _case(tok) is None)   # a bare accusative
        verb = head.pos_ == "VERB" or head.pos_ == "ADJ" and tok.dep_ == "obj"   # a participle with an object
        return [head] if governed and head.i != tok.i and verb else []             # tagged an adjective: a verb
    passive = _passive(tok)
    if role == "subject" and passive:
        return [c for c in tok.children if c.dep_ in ("obl", "obl:agent") and _case(c) in ("von", "durch")]
    if role == "subject":                              # the parser's nsubj:pass under a future "werden" is its subject
        return [c for c in tok.children if c.dep_ == "nsubj" or (c.dep_ == "obj" and "Nom" in c.morph.get("Case", []))
                or (c.dep_ == "nsubj:pass" and _werden_future(tok))]
    if passive:
        return [c for c in tok.children if c.dep_ == "nsubj:pass" or (loose and c.dep_ == "nsubj")]
    return [c for c in tok.children if c.dep_ == "obj" or (c.dep_ == "nsubj" and "Acc" in c.morph.get("Case", []))]


GOAL_CASES = frozenset(table("event_function_words")["goal"])   # "hinter die Absperrung", "zur Seite"
ALWAYS_GOAL = ("zur", "zum", "ins")                             # of a goal whatever the case


def _goal_phrases(verb: Token) -> list[Token]:
    """The verb's phrases of a goal in space (event_function_words.tsv goal): a two-way preposition with the
    accusative ("trat hinter die Absperrung zurück", "vor das Tor"), or "zur"/"zum"/"ins" ("zur Seite") - a body moved
    there, no office given up; a two-way preposition with the dative is a place ("trat in Wien zurück"), and a time
    no goal ("tritt zum Jahresende zurück", "zum 1. Juli")."""
    out = []
    for c in verb.children:
        case = _case(c) if c.dep_ in ("obl", "obl:arg", "advmod") else None
        if case in GOAL_CASES and (case in ALWAYS_GOAL or _accusative(c)) \
                and not any(_in_time(t) for t in c.subtree):
            out.append(c)
    return out


def _places_to_leave(verb: Token) -> list[Token]:
    """What a verb calls on people to leave: the objects of its zu-infinitive "verlassen" ("forderte die Bewohner
    auf, ihre Häuser zu verlassen", "rief dazu auf, die Insel zu verlassen") - a call to leave one's home or place is
    an evacuation order (event_readings.tsv role to_leave). One person called on to leave ("forderte die Mieterin
    auf, die Wohnung zu verlassen") is evicted or sent off, troops or fighters ("forderte die Truppen auf, das Gebiet
    zu verlassen") are asked to withdraw: no one evacuated - the people called on are many civilians or unnamed."""
    if any(c.dep_ == "obj" and ("Sing" in c.morph.get("Number", []) or _armed(c)) for c in verb.children):
        return []
    return [o for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl", "dep") and c.lemma_.lower() == "verlassen"
            and any(m.dep_ == "mark" and m.lower_ == "zu" for m in c.children)
            for o in c.children if o.dep_ == "obj"]


def _armed(noun: Token) -> bool:
    """A noun of a state's forces (force_nouns.txt: "Armee") or of soldiers or fighters (counted_classes.tsv soldat,
    kaempfer: "Truppen", "Rebellen", "Milizen")."""
    from .measures import classify_counted

    return noun.lemma_.lower().endswith(tuple(_FORCES)) or classify_counted(noun.text)[0] in ("soldat", "kaempfer")


def _accusative(noun: Token) -> bool:
    """A noun in the accusative by its own morphology or its article's (as `_genitive` reads a genitive)."""
    return "Acc" in noun.morph.get("Case", []) or any(
        c.dep_ == "det" and "Acc" in c.morph.get("Case", []) for c in noun.children)


def _on_duty(tok: Token) -> list[Token]:
    """Who a noun in an "in" phrase of the copula is said of ("Rund 2.000 Soldaten sind im Einsatz"): the parse hangs
    the phrase on "sein" (its subject, or the noun "sein" hangs on) or on the subject noun itself (which then has the
    copula), with the subject's conjuncts; none for the noun anywhere else ("der Einsatz von Sarin")."""
    if not any(c.dep_ == "case" and c.lower_ in ("im", "in") for c in tok.children):
        return []
    head = tok.head
    if head.lemma_ == "sein":
        people = [c for c in head.children if c.dep_ == "nsubj"]
        if head.dep_ in ("dep", "cop") and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
            people.append(head.head)
    elif head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "cop" for c in head.children):
        people = [head]
    else:
        return []
    return people + [c for p in people for c in p.children if c.dep_ == "conj"]


_RESTRICTIONS = [tuple(r) for r in rows("event_restrictions")]   # lang/de/event_restrictions.tsv
_JOURNEY = words("journey_nouns")                # lang/de/journey_nouns.txt: the way on, what carries people
_STRONGHOLDS = table("stronghold_nouns")         # lang/de/stronghold_nouns.tsv: sites a force takes, offices
EXPLETIVES = ("es", "das", "dies", "was")          # pronouns that stand for no one ("Nun trifft es die Schule")
DATIVE_PRONOUNS = ("mir", "dir", "ihm", "ihr", "uns", "euch", "ihnen", "Ihnen")
_AGENT_NOUNS = words("government_nouns") | words("organisation_types") | words("institution_nouns") | \
    words("person_titles") | words("force_nouns")
_FORCES = words("force_nouns")                   # lang/de/force_nouns.txt: a state's forces ("Armee", "Militär")


def _restrictions_met(tok: Token, e: TriggerEntry, by_token: dict[int, Mention]) -> bool:
    """The selectional restrictions of a trigger verb (lang/de/event_restrictions.tsv): occupying takes a place
    ("besetzten das Dorf"; "Posten besetzen" fills an office), a threat needs someone who threatens ("Moskau droht";
    "droht Österreich eine Strafe" is a risk): every word that may fill the role must be of its class. A role the
    parse leaves empty restricts nothing."""
    for type_, mode, role, cls in _RESTRICTIONS:
        if type_.upper() != e.type or mode not in ("-", e.mode):
            continue
        fillers = _role_tokens(tok, role, loose=True)
        if role == "subject":
            fillers = _subjects(tok, fillers)
        fillers = [c for c in fillers if c.pos_ in ("NOUN", "PROPN", "PRON")]
        if fillers and not all(_of_class(c, cls, by_token) for c in fillers):
            return False
    return True


def _subjects(tok: Token, found: list[Token]) -> list[Token]:
    """What may be the subject of a verb the parser reads wrongly around a dative ("droht ihnen die Abschiebung",
    "droht Österreich eine EU-Strafe": the parse's object or bare noun phrase is the subject, its "subject" a
    dative): the subject, an accusative object, a noun phrase without preposition or time, less dative pronouns."""
    bare = [c for c in tok.children if c.dep_ in ("obj", "obl") and c.pos_ in ("NOUN", "PROPN")
            and not any(g.dep_ == "case" for g in c.children) and not _in_time(c)]
    finite = next((v for v in [tok, *(c for c in tok.children if c.dep_ in ("aux", "aux:pass"))]
                   if v.morph.get("Number", []) and v.morph.get("Person", [])), None)
    number = finite.morph.get("Number", []) if finite is not None else []
    # a subject agrees with the finite verb in number ("Unterdessen drohte ...": the parse's plural noun is none)
    return [c for c in dict.fromkeys(found + bare)
            if "Dat" not in c.morph.get("Case", []) and c.lower_ not in DATIVE_PRONOUNS
            and not (number and c.morph.get("Number", []) and c.morph.get("Number", []) != number)]


def _of_class(c: Token, cls: str, by_token: dict[int, Mention]) -> bool:
    """A role's head is a place (a place's name; a site's, building's or settlement's noun) or an agent (a name of
    a person, body or state; a person's, organisation's or government's noun; a personal pronoun)."""
    from .measures import classify

    m = _mention_of(c, by_token)
    word = c.lemma_.lower() or c.lower_
    domain = classify(c.lemma_ or c.text)[1] if c.pos_ in ("NOUN", "PROPN") else None
    if cls == "party":                                 # who may meet: no expletive, no thing or site, no event
        if c.pos_ == "PRON":
            return c.lower_ not in EXPLETIVES
        if c.pos_ == "NOUN" and trigger_lexicon().match(c.text, c.lemma_, c.pos_) is not None:
            return False                               # "Der Taifun traf die Philippinen": a hazard hits, meets no one
        return m is not None or c.pos_ == "PROPN" or domain in (None, "person")
    if cls == "journey":                               # the way on or what carries people on it
        return any(_journey_noun(w) for w in (word, c.lower_))
    if cls == "place":
        stronghold = any((_headed(w, _STRONGHOLDS["site"]) or _force_site(w)) and not _headed(w, _STRONGHOLDS["office"])
                         for w in (word, c.lower_)) or _possessed_force_site(c, word)
        return (m is not None and m.label in ("LOC", "GPE")) or c.ent_type_ == "LOC" or domain == "site" or \
            place_type(c.text) is not None or stronghold
    if m is not None and m.label in ("PER", "ORG", "GPE", "LOC") or c.ent_type_ in ("PER", "ORG", "LOC"):
        return True
    if c.pos_ == "PRON":
        return c.lower_ not in EXPLETIVES
    return c.pos_ == "PROPN" or domain == "person" or any(w.endswith(tuple(_AGENT_NOUNS)) for w in (word, c.lower_))


def _journey_noun(word: str) -> bool:
    """A noun of journey_nouns.txt or a compound it heads ("Sonderzug", "Weiterreise", "Rückflug"): the lexicon's
    split, or a listed word after a content word the lexicon knows - not a word that only ends in one ("Abzug",
    "Ausflug", "Eröffnung": a prefix's derivation, another word)."""
    return _headed(word, _JOURNEY)


def _headed(word: str, heads: frozenset[str]) -> bool:
    """The word is one of heads or a compound one of them heads (`nlp.compounds.headed_by`: "Militär|stützpunkt",
    "Regierungs|sitz"), a long head too only where the lexicon splits it off or a content word comes before it -
    not a word that only ends in one ("Besitz", "Vor|stellung", "Er|öffnung": a prefix's derivation, another
    word; `headed_by` takes a long head alone)."""
    if not headed_by(word, heads):
        return False
    last = word.rsplit("-", 1)[-1]                     # "US-Militärstützpunkt": the part after the hyphen
    return last in heads or compound_head(last) is not None or \
        any(last.endswith(h) and ends_in_word(last[:-len(h)]) for h in heads if len(last) > len(h))


def _possessed_force_site(c: Token, word: str) -> bool:
    """A force_site stem alone with its holder, a possessive or a genitive ("stürmte seine Basis", "die Basis der
    Miliz eingenommen"): a site someone holds - not "auf der Basis von", "eine neue Basis"."""
    if word not in _STRONGHOLDS.get("force_site", ()):
        return False
    from .measures import classify_counted

    def holder(d: Token) -> bool:
        # a common noun in the genitive holds a site where it names a force or fighters ("der Armee", "der Miliz"),
        # not a party's or a union's base ("Trump hat die Basis der Republikaner erobert": voters won)
        if d.dep_ == "det:poss":
            return True
        if d.dep_ not in ("nmod", "nmod:poss") or "Gen" not in d.morph.get("Case", []):
            return False
        return d.pos_ == "PROPN" or d.lemma_.lower().endswith(tuple(_FORCES)) or \
            classify_counted(d.text)[0] == "kaempfer"
    return any(holder(d) for d in c.children)


def _force_site(word: str) -> bool:
    """A compound of a site that is a force's only by its modifier (stronghold_nouns.tsv force_site: "Militärbasis",
    "Luftwaffenbasis", "Rebellenbasis", "Raketenbasis"): the modifier is a force's noun (force_nouns.txt) or names
    fighters or arms (`measures.classify`) - "Datenbasis", "Parteibasis", a bare "Basis" are none."""
    from .measures import classify

    head = next((h for h in _STRONGHOLDS.get("force_site", ()) if word.endswith(h) and len(word) > len(h)), None)
    if head is None or not headed_by(word, frozenset({head})):
        return False
    modifier = word[:-len(head)].rstrip("-")
    stems = {modifier, modifier[:-1]} if modifier.endswith("s") else {modifier}   # a linking "s"
    return any(m.endswith(tuple(_FORCES)) or classify(m.capitalize())[1] in ("person", "weapon") for m in stems)


def _reading(tok: Token, e: TriggerEntry) -> TriggerEntry | None:
    """A verb read by who does it or to what (lang/de/event_readings.tsv): "Die Polizei stürmte das Gebäude"
    is a raid, "Aufständische überrannten einen Armeeposten" a capture, "verurteilten die Tat" a condemnation (no
    event); a verb no reading fits keeps its lexicon entry."""
    for r in verb_readings().get(e.word, ()):
        if any(w.endswith(r.stems) for w in _role_words(tok, r.role)):
            return r.entry
    return e


def _role_reading(tok: Token) -> TriggerEntry | None:
    """A verb the trigger lexicon lacks that is an event by what it is done to (lang/de/event_readings.tsv): "die
    Grenze kontrollieren" is a security measure, "die Qualität kontrollieren" none - the first reading whose role
    fits."""
    for r in verb_readings().get(_verb_lemma(tok), ()):   # with its particle: "forderte ... auf" is auffordern
        if any(w.endswith(r.stems) for w in _role_words(tok, r.role)):
            return r.entry                             # a row of type "-" first: no event ("Rebellen kontrollieren")
    return None


def _predicate_reading(tok: Token) -> TriggerEntry | None:
    """A noun said of someone with the copula, read by who it is said of (lang/de/event_readings.tsv role on_duty):
    "Rund 2.000 Soldaten sind im Einsatz" is a deployment, as "entsandte 2.000 Soldaten" is; "Die Feuerwehr war im
    Einsatz" none of these."""
    for r in verb_readings().get(tok.lemma_.lower(), ()):
        if r.role == "on_duty" and r.entry is not None and any(w.endswith(r.stems) for w in _role_words(tok, r.role)):
            return replace(r.entry, kind="noun")
    return None


def _governor_reading(tok: Token) -> Reading | None:
    """The reading of a noun by the verb it is the object of (lang/de/event_readings.tsv role governor): "eröffneten
    das Feuer" is shooting, "das Feuer einstellen" a ceasefire (a row of type "-": no event); None where no row fits,
    "Das Feuer zerstörte die Halle" a blaze (the noun's own entry)."""
    verbs = _role_tokens(tok, "governor")
    said = [_verb_lemma(v) for v in verbs] + _role_words(tok, "governor")   # "stellten das Feuer ein": einstellen
    return next((r for r in verb_readings().get(tok.lemma_.lower(), ())
                 if r.role == "governor" and any(w.endswith(r.stems) for w in said)), None)


def _nominal_reading(tok: Token) -> TriggerEntry | None:
    """A verb's nominalisation in -ung read as its verb by who does it or to what (lang/de/event_readings.tsv):
    the agent is its "durch"/"von" phrase, the object its genitive ("die Erstürmung des Lagers durch die Polizei"
    is the raid "die Polizei erstürmte das Lager"); no reading fits, no event (the verb's own entry may be of
    another sense)."""
    lemma = tok.lemma_.lower()
    if not lemma.endswith("ung") or len(lemma) < 7:
        return None
    readings = verb_readings().get(lemma[:-3] + "en", ())
    if not readings:
        return None
    # the parse may hang "durch X" after the noun on the noun's verb ("Bei der Erstürmung ... durch die Polizei brach
    # Panik aus")
    siblings = [c for c in tok.head.children if c.i > tok.i and c.dep_ == "obl" and _case(c) == "durch"] \
        if tok.dep_ == "obl" and tok.head is not tok else []
    roles = {"subject": [c for c in tok.children if c.dep_ == "nmod" and _case(c) in AGENT_CASES] + siblings,
             "object": [c for c in tok.children if c.dep_ == "nmod" and _case(c) is None]}
    roles["enclosed"] = [g for c in roles["object"] for g in c.children if g.dep_ == "nmod" and _case(g) == "um"]
    for r in readings:
        words = [w for c in roles.get(r.role, ()) for w in _word_forms(c)]     # as `_role_words` reads them
        if r.entry is not None and any(w.endswith(r.stems) for w in words):
            return replace(r.entry, word=lemma, kind="noun")
    return None


_INSTRUMENTS = table("event_instruments")          # lang/de/event_instruments.tsv: mode -> stems


def _instrument(tok: Token, word: str, type_: str, mode: str | None,
                acled: str | None) -> tuple[str | None, str | None]:
    """An attack (Angriff, angreifen; Anschlag and Attentat, read as bombings) told with what it was made with:
    the first part of its compound ("Messeranschlag", "Granatenangriff") or a "mit" phrase on it ("ein Anschlag
    mit einem Messer", "griff ... mit einer Pistole an") gives its mode (stabbing, firearms, explode, aerial)
    and that mode's ACLED class; so the reports of one knife attack agree whichever word they use."""
    if type_ != "ASSAULT" or mode not in ("attack", "explode") or (acled or "").endswith("Sexual violence"):
        return mode, acled
    lemma = tok.lemma_.lower()
    words = [lemma[:-len(word)]] if lemma.endswith(word) and len(lemma) > len(word) else []
    words += [c.lemma_.lower() for c in tok.children if c.dep_ in ("obl", "nmod") and _case(c) == "mit"]
    for m, stems in _INSTRUMENTS.items():
        if any(stem in w for w in words for stem in stems):
            return m, _mode_acled(m) or acled
    return mode, acled


@lru_cache(maxsize=None)
def _mode_acled(mode: str) -> str | None:
    """The ACLED class the trigger lexicon gives an attack mode (its first entry of that mode)."""
    lex = trigger_lexicon()
    return next((e.acled for e in [*lex.nouns.values(), *lex.verbs.values()]
                 if e.type == "ASSAULT" and e.mode == mode and e.acled), None)


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else [t for t in doc if start <= t.idx < end]


# Cue words of a plan or a hypothesis in the clause's text. The modal verbs and "falls" among them are read from the
# parse where there is one (`_modal_status`: the modal as the trigger clause's auxiliary, "falls" as its mark); the
# rest (verbs and nouns of planning, adverbs of time, "möglich", "befürchten") are read off the text either way.
PLANNED_MODAL = re.compile(r"\b(will|wollen|wolle|wollte|soll(en)?\s+(\S+\s+){0,8}?\w+en\s*[.,])", re.IGNORECASE)
PLANNED_WORDS = re.compile(
    r"\b(plant|planen|geplant|pläne|beabsichtigt|kündigt\w*\s+\S+\s*an|angekündigt|zugesagt|"
    r"sagte\s+\S+\s+zu|beschlossen,|beschlossen\s+hat|in\s+den\s+kommenden|im\s+kommenden|"
    r"(kommende[nms]?|nächste[nmrs]?)\s+(woche|monat|jahr)|demnächst|bald|künftig|"
    r"erwartet,\s+dass|vorbereitung\w*)", re.IGNORECASE)
HYPOTHETICAL_MODAL = re.compile(r"\b(könnte|könnten|wäre|wären|falls)\b", re.IGNORECASE)
HYPOTHETICAL_WORDS = re.compile(r"\b(möglich\w*|mögliche\w*|befürchte\w*|fürchte\w*|droht\s+\w*\s*zu)\b",
                                re.IGNORECASE)
HYPOTHETICAL = re.compile(f"{HYPOTHETICAL_MODAL.pattern}|{HYPOTHETICAL_WORDS.pattern}", re.IGNORECASE)
# "werden" + a verb form read off the raw text: only where there is no parse (the parse's reading is
# extract/werden.py). The text cannot tell a strong participle from an infinitive ("werden ... erschossen",
# "werden ... überfallen" are passives), nor the trigger's "werden" from another clause's.
WERDEN_FUTURE_TEXT = re.compile(r"\bwerden?\s+(\S+\s+){0,6}?\w+en\b(?!\s+(sein|haben|worden))", re.IGNORECASE)
WERDEN_CONDITIONAL_TEXT = re.compile(r"\b(würde|würden)\b", re.IGNORECASE)
DENIED = re.compile(r"\b(bestritt\w*|bestreit\w*|dementier\w*|wies\s+\S+\s+zurück|nicht\s+\S+\s+zu\s+haben|"
                    r"keine[nmr]?\s+\S*(angriff|einsatz|soldaten)|leugne\w*)\b", re.IGNORECASE)
_FUNCTION_WORDS = table("event_function_words")     # lang/de/event_function_words.tsv: role -> words
PREPS_TARGET = _FUNCTION_WORDS["target_object"]
PREPS_OTHER = _FUNCTION_WORDS["other"]
DETS = _FUNCTION_WORDS["determiner"]
GOVERNMENT = {"regime", "führung", "regierung", "machthaber", "staatsführung", "regierungen"}
ACTOR_LABELS = ("PER", "ORG", "GPE")


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory("lagebild_events", assigns=["doc._.events"],
                  requires=["doc._.mentions", "doc._.times", "doc._.claims", "token.dep", "token.lemma"])
def make_events(nlp, name: str) -> EventTagger:
    return EventTagger()


class EventTagger:
    """Writes ``doc._.events``; needs ``doc._.mentions``, ``doc._.times`` and ``doc._.claims``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


def find_events(doc: Doc) -> list[Event]:
    text = doc_text(doc)
    units = split_units(doc)
    if not units:
        return []
    art = doc._.article_id or ""
    mentions: list[Mention] = list(doc._.mentions or ())
    times: list[TimeExpression] = list(doc._.times or ())
    claims: list[Claim] = list(doc._.claims or ())
    cues = attr.unit_cues(doc, units)
    events: list[Event] = []
    last_assault: tuple[int, Event] | None = None
    last_force: tuple[int, Event] | None = None
    placed: tuple[int, Place, str] | None = None     # the last sentence's event place and type (`_carry_place`)
    for ui, u in enumerate(units):
        found = find_triggers(doc, u.start, u.end, mentions)
        if not found:
            continue
        found.sort(key=lambda f: f[0])
        # One event per type and sentence: the first trigger of a type stands for the others - but an event the
        # clause is set after ("nach der Parlamentswahl", "wegen des Bebens") came before the clause's own one of
        # that type, another occurrence ("kündigte nach der Parlamentswahl im Juni Neuwahlen an": two votes)
        per_type: dict[tuple[str, str | None, bool], tuple[int, int, Trigger, Token]] = {}
        for f in found:
            if any(_trigger_tokens(f) & _trigger_tokens(g) for g in per_type.values()):
                continue
            per_type.setdefault((f[2].type, f[2].mode, _set_after(f[3], f[2])), f)
        # Mentions that only say who reports ("laut KCNA", "teilte das Ministerium mit") are no parties.
        masks = [(c.start, c.end, c.source.text or c.source.name) for c in cues[ui] if c.source]
        sentence_events: list[Event] = []
        for start, end, trig, tok in per_type.values():
            if trig.type == "CONCEDE" and trig.mode not in CONCEDED_ACTS and \
                    not _has_actor_before(mentions, u.start, start, masks):
                continue
            ev = _event(doc, text, units, ui, start, end, trig, mentions, times, claims, cues, masks, art, tok)
            if ev is not None:
                sentence_events.append(ev)
        sentence_events = _one_assault_per_sentence(sentence_events)
        cause = next((e for e in sentence_events if e.type in TOLL_TYPES and e.mode != "kill"), None)
        force = next((e for e in sentence_events if (e.type, e.mode) in FORCE), None)
        if cause is not None:
            last_assault = (ui, cause)
        elif last_assault is not None and ui - last_assault[0] <= 6:
            cause = last_assault[1]
        if force is not None:
            last_force = (ui, force)
        if last_force is not None and ui - last_force[0] <= 1:
            # "Bei der Erstürmung des Lagers brach Panik aus. Zehn Menschen wurden dabei getötet": the dead of a raid
            # or a riot told in its sentence or the next are its toll, no killing of their own
            sentence_events = _absorb_kills(last_force[1], sentence_events, next_sentence=ui > last_force[0])
        if cause is not None:
            # "Explosionen", "Brände" during or right after an attack, houses collapsing in an earthquake:
            # the attack's or the disaster's, not an accident of their own; and the dead of an attack,
            # a disaster or an accident ("Dabei wurden drei Menschen getötet") are its toll, not a killing
            effects = [e for e in sentence_events if e is not cause and (
                (e.type == "ACCIDENT" and e.mode in ATTACK_EFFECTS and cause.type in CAUSES) or e.mode == "kill")]
            for e in effects:
                cause.figures = list(dict.fromkeys(cause.figures + e.figures))
                sentence_events.remove(e)
                if cause.type == "ASSAULT" and cause.mode == "attack" and e.mode == "explosion":
                    cause.mode, cause.acled_type = "explode", _mode_acled("explode") or cause.acled_type
        # the place this sentence names itself, taken before any carried in: a carried place goes one sentence on,
        # not down a chain of sentences that never name it
        named = next(((ui, e.place, e.type) for e in reversed(sentence_events) if e.place is not None
                      and not e.place.filed and e.status not in BACKGROUND_STATUSES), None)
        _carry_place(sentence_events, placed if placed is not None and placed[0] == ui - 1 and
                     "\n" not in text[units[ui - 1].end:u.start] else None)
        placed = named
        events += sentence_events
    return events


def _carry_place(sentence_events: list[Event], before: tuple[int, Place, str] | None) -> None:
    """A sentence that names no place goes on at the place the sentence just before told its event at (in the
    same paragraph), where it tells the next step of the scene, an act of another kind: "Die Staatsanwaltschaft in
    Regensburg ermittelt. Am Montag wurde eine Wohnung durchsucht" is a search in Regensburg. An act of the same kind
    told without a place is another occurrence of that kind more often than the same one told again ("die Konferenz
    in Wien ... Beim Gipfel wurde beschlossen": the summit was elsewhere) and keeps no place. Only an event's own
    place carries over (not a dateline's desk, nor a speaker's seat or an origin the sentence named, which `_place`
    already tells apart), and only from a current event, not from background ("2010 war in Linz gewählt worden").
    Only an event told as done goes on in the scene: one planned, supposed or denied ("Die Polizei will am Montag
    weitere Verdächtige festnehmen") has not happened there and may happen anywhere."""
    if before is None:
        return
    for e in sentence_events:
        # a vote is held where its body sits (`_vote_place`), a movement is told by where from and where to
        if e.place is None and e.type != before[2] and e.type != "VOTE" and e.type not in MOVES and \
                e.status == "reported":
            e.place = before[1]


def _trigger_tokens(f: tuple[int, int, Trigger, Token]) -> set[int]:
    """The tokens a found trigger is written with: its word, and a separable particle after it or a particle written
    apart before it ("nahm ... fest", "bekannt gegeben") - not the words between a verb and its particle, which may
    be triggers of their own ("kündigte am Montag die Schließung der Grenze an": a closure, planned)."""
    start, end, _, tok = f
    out = {tok.i}
    if start < tok.idx and tok.i > 0:
        out.add(tok.i - 1)
    prt = _particle(tok)
    if prt is not None and prt.idx + len(prt.text) == end:
        out.add(prt.i)
    return out


def _set_after(tok: Token | None, trig: Trigger) -> bool:
    """An event noun in a phrase the clause is set after or caused by ("nach der Wahl", "seit dem Beben", "wegen der
    Flut"; event_function_words.tsv reference, less "vor"/"bis"): an occurrence before the clause's own."""
    return tok is not None and trig.nominal and _case(tok) in AFTER_CASES


def _absorb_kills(cause: Event, sentence_events: list[Event], next_sentence: bool = False) -> list[Event]:
    """The killings among a sentence's events become figures of the raid or riot that caused them; from the next
    sentence only those at no other place ("Die Polizei stürmte ein Haus in Lyon. In Marseille wurden zwei Männer
    getötet": another event)."""
    kills = [e for e in sentence_events if e is not cause and e.type == "ASSAULT" and e.mode == "kill" and not (
        next_sentence and e.place is not None and cause.place is not None and e.place.name != cause.place.name)]
    for e in kills:
        cause.figures = list(dict.fromkeys(cause.figures + e.figures))
    return [e for e in sentence_events if e not in kills]


def _by_token(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the mention covering it (cached on the doc's user data)."""
    key = ("lagebild_events", "by_token")
    data: dict[Any, Any] = doc.user_data
    cached = data.get(key)
    if cached is not None and cached[0] == len(mentions):
        return cached[1]
    out: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.start >= 0 else None
        for t in span or ():
            out.setdefault(t.i, m)
    data[key] = (len(mentions), out)
    return out


def _one_assault_per_sentence(evs: list[Event]) -> list[Event]:
    """"Die Armee sei eingedrungen, um Myrne einzunehmen": attack modes of one side in one sentence are
    one attack, told by its most telling mode; attacks by different sides stay apart."""
    assaults = sorted((e for e in evs if e.type == "ASSAULT"),
                      key=lambda e: ASSAULT_MODES.index(e.mode) if e.mode in ASSAULT_MODES else 99)
    kept: list[Event] = []
    for e in assaults:
        main = next((k for k in kept if k.actor is None or e.actor is None or k.actor == e.actor), None)
        if main is None:
            kept.append(e)
        else:
            main.figures = list(dict.fromkeys(main.figures + e.figures))
            main.actor = main.actor or e.actor
            main.target = main.target or e.target
            main.place = main.place or e.place
    return [e for e in evs if e.type != "ASSAULT" or e in kept]


def _has_actor_before(mentions: list[Mention], a: int, b: int, masks) -> bool:
    return any(a <= m.start < b and m.label in ACTOR_LABELS and not _masked(m, masks) for m in mentions)


SHORT_FORM = re.compile(r"\s*\(([^()]{1,12})\)")    # a bracketed short form right after a name: " (SN)"


def _with_short_forms(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Masked spans with the bracketed short form that follows a name ("die Salzburger Nachrichten (SN)", "der
    Süddeutschen Zeitung (SZ, Wochenendausgabe)" - its first part): the short form names the same outlet."""
    out = list(spans)
    for _s, e, _src in spans:
        m = SHORT_FORM.match(text, e)
        if m is not None:
            out.append((m.start(1), m.end(1), m.group(1).split(",")[0].strip()))
    return out


def _bracketed_apposition(doc: Doc, m: Mention) -> Token | None:
    """The noun before a mention that the mention is a bracketed apposition to, where that noun is no subject ("im
    Gespräch mit der Rheinischen Post (RP)", "laut einem Bericht der Kleinen Zeitung (KZ)", "mit einer Stiftung
    (Zamason)"): a short form or the name of that noun, in that noun's role - never a bare party of the clause by
    itself. One to the subject may be ("Die Salzburger Nachrichten (SN) berichten"; the outlet is masked as the
    press, `_with_short_forms`)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].text != "(":
        return None
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start and root.head.dep_ not in ("nsubj", "nsubj:pass"):
        return _named_noun(root.head, m)
    return None


def _named_noun(noun: Token, m: Mention) -> Token:
    """The noun whose role a bracketed name takes, from the noun the parse hangs it on: the first of an apposition
    chain ("gegen den Autobauer Volkswagen (VW)": the "gegen" phrase of "Autobauer"), and past a place phrase for a
    name of another kind ("mit einer Stiftung in Liechtenstein (Zamason)": a place gets no other name in brackets,
    the foundation does)."""
    while noun.dep_ in ("appos", "flat", "flat:name") and noun.head.i < noun.i:
        noun = noun.head
    if noun.dep_ == "nmod" and noun.ent_type_ in ("LOC", "GPE") and m.label not in ("LOC", "GPE"):
        return noun.head
    return noun


def _masked(m: Mention, masks) -> bool:
    return any(s <= m.start < e and (m.text in src or src in m.text) for s, e, src in masks)


def _clause(text: str, u_start: int, u_end: int, pos: int) -> tuple[int, int]:
    """The clause around pos: cut at ';', ':' and at commas that open a subordinate or new clause
    (a conjunction, a relative pronoun, or a finite verb: ", wies der Generalstab ... zurück")."""
    from .entities import word_class

    a, b = u_start, u_end
    cuts = []
    for m in re.finditer(r"[;:]|,\s+(?=(dass|weil|wenn|nachdem|als|während|um|die|der|das|was|wie|so|sagte|teilte)\b)"
                         r"|,\s+(?=([a-zäöüß]+)\b)", text[u_start:u_end]):
        if m.group(2) and not m.group(1):
            tag = word_class(m.group(2))[0]
            if not (tag.startswith("V") and "FIN" in tag):
                continue
        cuts.append(m)
    for m in cuts:
        p = u_start + m.start()
        if p < pos:
            a = p + 1
        elif p > pos:
            b = p
            break
    return a, b


def _label_name(m: Mention) -> str:
    """How an actor is written in an event before resolution: countries by their German name."""
    if m.ref and m.ref.startswith("country:"):
        from ..geo import gazetteer

        c = gazetteer().countries.get(m.ref.split(":", 1)[1])
        if c:
            return c.name
    return m.text


def _governing_prep(doc: Doc, m: Mention) -> tuple[str | None, str | None]:
    """(preposition, the word before it) governing a mention's noun phrase: 'von Kremlchef Putin' -> von."""
    from .entities import _text, word_class

    before = _text(doc)[max(0, m.start - 80):m.start]
    before = re.split(r"[,.;:!?\"„“”»«()]", before)[-1]        # this clause only
    words = re.findall(r"[\wäöüÄÖÜß-]+", before)[-6:]
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        low = w.lower()
        if low in PREPS_TARGET or low in PREPS_OTHER:
            return low, (words[k - 1].lower() if k else None)
        if low in DETS or (w[:1].islower() and word_class(w)[0].startswith("ADJ")) or \
                re.search(r"(chef|präsident|minister|machthaber|sekretär|kanzler)\w*$", low):
            continue                                   # articles, adjectives, titles inside the phrase
        return None, None
    return None, None


def _participants(doc: Doc, text: str, a: int, b: int, start: int, end: int, trig: Trigger,
                  mentions: list[Mention], masks, use_masked: bool = False) -> tuple[Mention | None, Mention | None]:
    inside = [m for m in mentions if a <= m.start < b and m.label in ACTOR_LABELS
              and (use_masked or not _masked(m, masks)) and not (start <= m.start < _head_end(text, start, end))]
    bare: list[Mention] = []
    targeted: list[Mention] = []
    adjective: Mention | None = None
    agent: Mention | None = None
    noun_trigger = text[start:start + 1].isupper()
    for m in inside:
        is_adj = m.text[:1].islower() or m.text.endswith(("ische", "ischen", "ischer", "isches", "ischem"))
        if is_adj:
            # "russischer Luftangriff": a nationality adjective right before a nominal trigger is its actor
            if noun_trigger and m.end <= start and re.fullmatch(r"\s*([a-zäöüß]+\s+){0,2}", text[m.end:start]):
                adjective = m
            continue
        noun = _bracketed_apposition(doc, m)
        if noun is not None:                           # "(Zamason)" after "mit einer Stiftung": the noun's role
            if _case(noun) in PREPS_TARGET and not (trig.type in ("DEMAND", "REJECT") and _case(noun) == "für"):
                targeted.append(m)
            continue
        # a genitive country after a noun is its attribute: "die Arbeiterpartei Kurdistans", "Präsident Russlands"
        if m.label in ("GPE", "ORG") and m.text.endswith("s") and _after_noun(text[a:m.start]):
            continue
        # a genitive country before its person or institution: "Nordkoreas Machthaber Kim" -> Kim
        if m.label == "GPE" and m.text.endswith("s") and any(o.start > m.end and o.start - m.end < 30 and
                                                            o.label in ("PER", "ORG") for o in inside):
            continue
        words = _prev_words(doc, m.start, 2)
        if len(words) == 2 and words[1] in ("der", "des") and words[0][:1].isupper() and \
                re.search(r"[\wäöüß]\s+der\s+$|[\wäöüß]\s+des\s+$", text[max(0, m.start - 40):m.start]):
            continue                                   # "der Vorschlag der USA": a genitive attribute, no party
        prep, before = _governing_prep(doc, m)
        if prep in ("in", "von") and before in GOVERNMENT:
            prep = None                                # "das Regime in Pjöngjang", "die Regierung von Kim"
        if prep == "durch" and noun_trigger and 0 < m.start - end <= 40:
            agent = m                                  # "die Rückeroberung der Region Kursk durch Russland"
            continue
        if prep in PREPS_TARGET:
            if trig.type == "AID" and prep in ("gegen", "für", "mit"):
                continue                               # "Soldaten für den Krieg gegen die Ukraine": not the recipient
            if trig.type in ("DEMAND", "REJECT") and prep in ("gegen", "für"):
                continue                               # "fordert Sanktionen gegen Russland": what, not whom
            targeted.append(m)
        elif prep is None:
            bare.append(m)
    actor = agent or (bare[0] if bare else None)
    if adjective is not None and agent is None and (not bare or bare[0].start > start):
        actor = adjective
    target = None
    for m in targeted + bare:
        if actor is not None and (m is actor or _same_party(m, actor)):
            continue
        target = m
        break
    return actor, target


def _after_noun(before: str) -> bool:
    """The text before a name ends in a capitalised word that is no article or preposition ("Arbeiterpartei ")."""
    m = re.search(r"(?:^|\s)([A-ZÄÖÜ][\wäöüß-]+) $", before)
    return m is not None and m.group(1).lower() not in DETS | PREPS_TARGET | PREPS_OTHER


def _both_sides(doc: Doc, text: str, units, ui: int, mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """'die beiden Länder', 'beide Seiten': the last two countries named before."""
    seg = text[units[ui].start:units[ui].end]
    if not re.search(r"\bbeiden?\s+(Länder|Staaten|Seiten|Regierungen|Nachbarländer)\b", seg):
        return None
    lo = units[max(0, ui - 3)].start
    seen: list[Mention] = []
    for m in reversed([m for m in mentions if lo <= m.start < units[ui].start and m.label == "GPE"
                       and m.ref and m.ref.startswith("country:") and m.text[:1].isupper()]):
        if all(m.ref != o.ref for o in seen):
            seen.append(m)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


def _head_end(text: str, start: int, end: int) -> int:
    """End of a trigger's first word ("lehnt" of "lehnt die russische Regierung weiter ab")."""
    m = re.match(r"\S+", text[start:end])
    return start + (m.end() if m else end - start)


def _trigger_text(text: str, start: int, end: int) -> str:
    words = text[start:end].split()
    return f"{words[0]} ... {words[-1]}" if len(words) > 2 else " ".join(words)


def _same_party(a: Mention, b: Mention) -> bool:
    return a.text == b.text or bool(a.country and a.country == b.country)


def _place(doc: Doc, text: str, a: int, b: int, ua: int, ub: int, mentions: list[Mention],
           start: int, moves: bool = False) -> Place | None:
    """The event's place: a located mention in the clause (else the sentence), nearest the trigger, not a noun's
    origin (`_origin`) unless the event moves people ("evakuierte 3000 Menschen aus der Stadt Idlib")."""
    from ..geo import gazetteer

    g = gazetteer()
    _dateline_place(doc, text, mentions, (0, 0))       # the article's 'Town – ...' dateline, kept in user_data
    data: dict[Any, Any] = doc.user_data
    desk = data[("lagebild_events", "dateline")][0]
    if desk is not None and _country_form_kind(desk.text) not in ("capital", "seat"):
        desk = None     # a town's dateline ('Aden – ... zurückgekehrt') stays the clause's place where it stands in it
    for lo, hi in ((a, b), (ua, ub)):
        # a capital's dateline (a town since entities read it so, no longer its country) is the desk's:
        # `_dateline_place` decides whether it is the event's place, not its standing in the clause
        locs = [m for m in mentions if lo <= m.start < hi and m.label == "LOC" and m.ref and m.ref.startswith("geo:")
                and not colon_line(text, m.start, m.end) and m is not desk and (moves or not _origin(doc, m))
                and not _heading(doc, m)]
        if locs:
            m = min(locs, key=lambda m: abs(m.start - start))
            cand = g.by_id.get((m.ref or "").split(":", 1)[1])
            if cand is None:
                continue
            prev = [w.lower() for w in _prev_words(doc, m.start, 2)]
            precision = "region" if prev and prev[-1] in REGION_NOUNS else cand.precision
            name = m.text[:-1] if m.text.endswith("s") and not g.by_form.get(m.text) and \
                g.candidates(m.text[:-1]) else m.text
            # a town's dateline standing in the clause is still where the report was filed (`Place.filed`), and so
            # is each desk of a dateline of several ("Wien/Budapest –")
            return _across(doc, m, Place(name, cand.lat, cand.lon, precision, cand.country or None,
                                         filed=m is data[("lagebild_events", "dateline")][0] or _on_dateline(doc, m)),
                           mentions)
    return None


def _across(doc: Doc, m: Mention, place: Place, mentions: list[Mention]) -> Place:
    """A region coordinated with other regions of its country ("in Kärnten und in der Steiermark", "in Bayern, Hessen
    und Thüringen"; the parse's conjuncts): the event is told at all of them, and the place that holds them all is
    their country, not the first one named. Towns stay (a report of two towns tells two occurrences the extractor
    cannot split), and so do regions of different countries."""
    if place.precision != "region" or not place.country:
        return place
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return place
    by_token = _by_token(doc, mentions)
    others = {id(o): o for t in span.root.conjuncts if (o := by_token.get(t.i)) is not None and o is not m
              and o.label in ("LOC", "GPE")}.values()
    if not others:
        return place
    if not all((p := _mention_place(doc, o)) is not None and p.precision == "region" and p.country == place.country
               for o in others):
        return place
    from ..geo import gazetteer

    c = gazetteer().countries.get(place.country)
    return Place(c.name, c.lat, c.lon, "country", c.iso, filed=place.filed) if c else place


def _on_dateline(doc: Doc, m: Mention) -> bool:
    """The mention is one of the names of the article's dateline ("Wien/Budapest –", "Kairo:"): where a desk sits."""
    return any(line is not None and line.names(m.start, m.end) for line in (dateline(doc), title_dateline(doc)))


def _origin(doc: Doc, m: Mention) -> bool:
    """A place told as where a person or thing is from: in an "aus" phrase on a noun ("Ein Urlauber aus Hamburg in
    Deutschland ist im Gebirge abgestürzt": neither Hamburg nor Deutschland is where he fell), read from the parse:
    up the noun phrases that hold the place (spaCy's `ancestors`, which ends at the root on any parse). Read once per
    mention and doc (cached on the doc's user data): `_place` asks it of every place of a clause for every trigger."""
    key = ("lagebild_events", "origin", m.start, m.end)
    data: dict[Any, Any] = doc.user_data
    if key not in data:
        data[key] = _origin_of(doc, m)
    return data[key]


def _origin_of(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    for t in (span.root, *span.root.ancestors):
        if t.pos_ not in ("NOUN", "PROPN"):
            return False
        if t.dep_ == "nmod" and _case(t) in ORIGIN_CASES and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
    return False


def _heads_somewhere(doc: Doc, mentions: list[Mention], clause: tuple[int, int]) -> bool:
    """The clause names where people or things were heading ("Viele Menschen flohen in Richtung Türkei"): no place of
    the event (`_heading`), but told with it - the event tells something and is kept, without a place."""
    a, b = clause
    return any(a <= m.start < b and m.label in ("LOC", "GPE") and _heading(doc, m) for m in mentions)


def _heading(doc: Doc, m: Mention) -> bool:
    """The place mention names where people or things were heading (`_direction`), not where it happened."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and _direction(span.root)


def _country_form_kind(text: str) -> str | None:
    """What a word names of a country by `country_forms` ("name", "capital", "seat", an adjective's or a people's
    kind), or None where it is no country's word."""
    form = country_forms().get(text)
    return form.kind if form is not None else None


def _direction(name: Token) -> bool:
    """A place named as where people or things were heading, not where it happened: the name on a noun of direction
    ("in Richtung Türkei", "Richtung Grenze": its apposition or genitive, the parse's head "Richtung") or in a phrase of
    a preposition of direction ("gen Westen"; event_function_words.tsv direction). Like an origin (`_origin`), never
    the event's place."""
    if (_case(name) or "") in DIRECTION_WORDS:
        return True
    # up the nouns that hold the name ("in Richtung der Grenze zu Polen": Polen on Grenze on Richtung); the border
    # of a country the people were heading for is no more where it happened than the country itself
    t = name
    while t.dep_ in NOUN_DEPENDENTS and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN"):
        if t.head.lower_ in DIRECTION_WORDS:
            return True
        t = t.head
    return False


NOUN_DEPENDENTS = ("appos", "nmod", "flat", "flat:name", "nk")   # a noun's apposition, genitive, name, or "zu" phrase


LOC_CASES = _FUNCTION_WORDS["location"]
ORIGIN_CASES = _FUNCTION_WORDS["origin"]
DIRECTION_WORDS = _FUNCTION_WORDS["direction"]
FROM_CASES = _FUNCTION_WORDS["from"]
TO_CASES = _FUNCTION_WORDS["to"]
TARGET_CASES = _FUNCTION_WORDS["target"]
WHERE_ONLY_CASES = LOC_CASES - TARGET_CASES          # "in", "bei" say where; "auf", "an" may name what was hit
AGENT_CASES = _FUNCTION_WORDS["agent"]
REFERENCE_CASES = _FUNCTION_WORDS["reference"]
LOOKBACK_CASES = _FUNCTION_WORDS["lookback"]        # a reference to what came before ("nach", "seit")
_ROLES = table("quantity_roles")                    # lang/de/quantity_roles.tsv: role -> lemmas
TOLL_VERBS = frozenset(w for w in _ROLES["killed"] | _ROLES["injured"] if " " not in w and "+" not in w)
MOVES = ("DISPLACE", "EVACUATE", "AID", "MOBILIZE")    # "nach X": where they went, not where it happened
SENT = ("AID",)        # a deployment or a delivery happens where it goes; a flight or an evacuation where it starts


def _moves_from(trig: Trigger) -> bool:
    """A movement of people told by where it starts (a flight, an evacuation, a deployment): the place they come from
    ("aus X") may be its place; an arrival's is where they arrive."""
    return trig.type in MOVES and trig.mode != "arrival"


def _in_time(tok: Token) -> bool:
    """Does the token begin inside one of the doc's time expressions ("im August", "am Sonntag", "24 Stunden")?"""
    return tok.i in _time_tokens(tok.doc)


def _time_tokens(doc: Doc) -> frozenset[int]:
    """The indices of the tokens that begin inside a time expression, read once per doc (and again only when the
    doc's list of times is another)."""
    times = doc._.times or ()
    cached = doc.user_data.get(_TIME_TOKENS_KEY)
    if cached is not None and cached[0] is times:
        return cached[1]
    spans = [(t.start, t.end) for t in times]
    inside = frozenset(tok.i for tok in doc if any(s <= tok.idx < e for s, e in spans))
    doc.user_data[_TIME_TOKENS_KEY] = (times, inside)
    return inside


_TIME_TOKENS_KEY = "lagebild.events.time_tokens"


NAME_PARTS = ("appos", "flat", "flat:name", "compound")


def _mention_of(tok: Token, by_token: dict[int, Mention], depth: int = 2,
                via: tuple[str, ...] = NAME_PARTS) -> Mention | None:
    """The mention a phrase names: its head's, else one in its appositions and name parts
    ("die Provinz Hatay"); a place also through a noun's attribute ("Hafen von Beirut":
    via=NAME_PARTS + ("nmod",)), a party never ("der Vorschlag der USA" is not the USA)."""
    m = by_token.get(tok.i)
    if m is not None and m.label == "GPE" and tok.pos_ == "NOUN":
        # "der Franzose Brahim A.": the person the demonym introduces, not France
        person = next((p for c in tok.children if c.dep_ in ("appos", "flat", "flat:name", "nmod")
                       and (p := by_token.get(c.i)) is not None and p.label == "PER"), None)
        return person or m
    if m is not None or depth == 0:
        return m
    for c in tok.children:
        if c.dep_ in via:
            m = _mention_of(c, by_token, depth - 1, via)
            if m is not None:
                return m
    return None


def _arcs(tok: Token, trig: Trigger, by_token: dict[int, Mention], masks) -> tuple[Mention | None, Mention | None,
                                                                                   Mention | None]:
    """(actor, target, place) of a trigger from the dependency arcs: a verb's subject (a passive's
    "von X"/"durch X") acts, its object or "gegen/auf X" is the target; a noun's nationality adjective
    or "durch X" acts, "gegen/auf X" is its target; "in/bei/nahe/vor X" on the trigger, or on the
    verb a nominal trigger belongs to ("Bei der Explosion im Hafen von Beirut starben ..."), is the place."""
    actor = target = None
    places: list[tuple[int, Mention]] = []
    passive = _passive(tok)
    werden_passive = _werden_passive(tok)          # a passive by its "werden", not only by the parser's arc
    heads = [tok]
    if trig.nominal and tok.dep_ in ("obl", "nsubj", "nsubj:pass", "obj") and tok.head is not tok:
        heads.append(tok.head)
    # "Bei dem Anschlag wurde ein Israeli getötet": the passive toll verb's subject is the attack's victim
    victims = len(heads) > 1 and trig.type == "ASSAULT" and tok.dep_ == "obl" and \
        heads[1].lemma_.lower() in TOLL_VERBS and _werden_passive(heads[1])
    for h in heads:
        for c in h.children:
            if c is tok:
                continue
            case = _case(c)
            m = _mention_of(c, by_token)
            if m is None and c.dep_ in ("obl", "nmod", "advmod", "appos"):
                m = _mention_of(c, by_token, via=NAME_PARTS + ("nmod",))
                if m is not None and (m.label not in ("LOC", "GPE") or not _moves_from(trig) and _origin(tok.doc, m)):
                    m = None                           # "in Sonderzügen aus Slowenien angekommen": their origin
            if m is None and case in UNTYPED_PLACE_CASES and c.dep_ in ("obl", "nmod"):
                m = _untyped_place(c, by_token)        # "Vor Lampedusa kenterte ein Boot": a name the NER left
            own = h is tok
            # "verkündete ihre Kandidatur", "gab seine Kandidatur bekannt": who makes a candidacy public holds it (the
            # speaker too: saying is the act)
            holder = m is not None and trig.type == "ANNOUNCE" and trig.nominal and not own and tok.dep_ == "obj" \
                and c.dep_ == "nsubj" and m.label in ACTOR_LABELS
            if m is None or (not holder and any(s <= m.start < e and (m.text in src or src in m.text)
                                                for s, e, src in masks)):
                continue
            adjective = c.dep_ == "amod" and m.label == "GPE" and trig.nominal        # "russischer Luftangriff"
            subject = c.dep_ == "nsubj" and not trig.nominal and not passive and m.label in ACTOR_LABELS
            agent = (passive or trig.nominal) and (c.dep_ == "obl:agent" or (
                case in AGENT_CASES and c.dep_ in ("obl", "nmod") and m.label in ("PER", "ORG", "GPE")))
            if own and _electorate(c, m, trig) and not _on_dateline(tok.doc, m):
                # "Am Sonntag wählt Oberösterreich": where it is held - after the verb's own locative phrase, which
                # says where whatever the word order ("Österreich hat in Brüssel einen Vorsitzenden gewählt")
                places.append((1, _electorate_place(m)))
            if (own and (adjective or subject or agent)) or holder:
                actor = actor or m
            elif victims and not own and c.dep_ in ("nsubj", "nsubj:pass") and m.label in ACTOR_LABELS:
                target = target or m
            elif own and (c.dep_ in ("obj", "nsubj:pass") or (werden_passive and c.dep_ == "nsubj") or (
                    case in TARGET_CASES and m.label != "LOC" and trig.type not in ("DEMAND", "REJECT"))):
                if m.label in ACTOR_LABELS:
                    target = target or m
                elif m.label == "LOC" and trig.type in ("ASSAULT", "DISASTER"):
                    places.append((1, m))              # "erschütterte die Provinz Hatay"
            elif c.dep_ in ("obl", "nmod", "advmod", "appos") and m.label in ("LOC", "GPE") and \
                    not _heading(tok.doc, m):                  # "in Richtung Türkei": where they were heading
                if case in LOC_CASES:
                    places.append((0 if own else 2, m))
                elif case in FROM_CASES and _moves_from(trig):
                    places.append((3 if trig.type not in SENT else 4, m))   # an arrival is where they arrive, not
                    #                                                        "aus Ungarn"
                elif case in TO_CASES and trig.type in MOVES:
                    places.append((4 if trig.type not in SENT else 3, m))   # forces or aid sent: where they go
                    #                                                        ("von Bremen nach Litauen verlegt")
    if trig.nominal and not places:
        places += [(1, m) for m in _argument_places(tok, trig, by_token)]
    # the closest role first; among equals a place the gazetteer knows
    place = min(places, key=lambda p: (p[0], not (p[1].ref or "").startswith(("geo:", "country:"))))[1] \
        if places else None
    return actor, target, place


def _electorate(c: Token, m: Mention, trig: Trigger) -> bool:
    """The subject of a vote's verb is a place or its people: the electorate named by its land ("Am Sonntag wählt
    Oberösterreich einen neuen Landtag", "Die Steiermark hat gewählt", "Die Griechen stimmen über das Sparpaket ab"),
    and where the vote is held - a vote's place otherwise comes only from a locative phrase ("die Wahl in Tirol").
    Not a dateline's town the parse hangs on the verb as its subject ("Wien – Die Mitarbeiter haben gewählt")."""
    return trig.type == "VOTE" and not trig.nominal and c.dep_ == "nsubj" and m.label in ("LOC", "GPE") and \
        (m.ref or "").startswith(("geo:", "country:"))


def _electorate_place(m: Mention) -> Mention:
    """A capital the entities read as its state ("Wien" -> country:AT, as in "die Regierung in Wien") is, as a vote's
    electorate ("Wien wählt"), the town: its gazetteer place (`_town`)."""
    from ..geo import gazetteer

    town = _town(m)
    if town is None:
        return m
    cand = next((c for c in gazetteer().candidates(m.text) if c.precision == "city" and c.country == town.country),
                None)
    return replace(m, ref=f"geo:{cand.id}") if cand is not None else m


# Prepositions that put a name untyped by the NER at a place: "in", "vor" (off a coast), "nahe", "bei" ("bei" + a
# firm the NER missed is no place: only names the gazetteer has as a place's own name, below)
UNTYPED_PLACE_CASES = frozenset({"in", "im", "vor", "nahe", "unweit", "bei"})
UNTYPED_MIN_POPULATION = 1000


def _untyped_place(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """A place named by a proper noun the NER left untyped, as the object of a locative preposition on the trigger
    ("Vor Lampedusa kenterte ein Boot": the parse has `Lampedusa` as PROPN obl with case `vor`, the NER no entity
    after a sentence-initial preposition): the gazetteer's place whose own name it is (not an alternate spelling:
    "Hamas" is an alternate of Hamm), a town of 1,000 or more or a region. Its name parts ("Bad Ischl") go with it;
    a token any mention covers is that mention's, never re-read here; nor a word the times component reads as a
    month, a day or a time ("im August": a town of that name exists)."""
    from ..geo import gazetteer

    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.text.isupper() or tok.i in by_token:
        return None
    if _in_time(tok):
        return None                                    # "im August", "am Sonntag": when, not where (a town's name)
    parts = [tok, *(c for c in tok.children if c.dep_ in ("flat", "flat:name") and c.pos_ == "PROPN")]
    parts.sort(key=lambda t: t.i)
    if any(b.i != a.i + 1 for a, b in zip(parts, parts[1:])) or any(t.i in by_token for t in parts):
        return None
    name = " ".join(t.text for t in parts)
    cands = [c for c in gazetteer().candidates(name)
             if c.primary and (c.precision != "city" or c.population >= UNTYPED_MIN_POPULATION)]
    if not cands:
        return None
    cand = max(cands, key=lambda c: (c.precision != "city", c.population))
    start = parts[0].idx
    return Mention(tok.doc._.article_id or "", start, start + len(name), name, "LOC", cand.country or None,
                   f"geo:{cand.id}")


def _somewhere(tok: Token, by_token: dict[int, Mention]) -> bool:
    """A locative phrase on the trigger or its verb names a place, by name or by a place's noun ("in dem Vorort")."""
    verb = verb_above(tok)
    heads = [tok] if verb is None or verb.i == tok.i else [tok, verb]
    return any(c.dep_ in ("obl", "nmod") and (_case(c) or "") in LOC_CASES and _of_class(c, "place", by_token)
               for h in heads for c in h.children)


def _argument_places(tok: Token, trig: Trigger, by_token: dict[int, Mention]) -> list[Mention]:
    """The place of a nominal trigger told on one of its arguments: "die Erstürmung eines Protestcamps in Kairo" (a
    locative PP on its genitive), "die Wahl zum Bürgermeister der Stadt Chemnitz" (for a vote, also the office's
    genitive or "von" place: where the office is, the vote is); so on its target ("der Angriff auf eine Polizeistation
    in Kenia": "auf" says what was hit, where that is, the attack was)."""
    out = _relative_clause_places(tok, by_token)
    for c in tok.children:
        if c.dep_ not in ("nmod", "obj", "obl") or (_case(c) or "") in WHERE_ONLY_CASES:
            continue
        for g in c.children:
            case = _case(g)
            vote_office = trig.type == "VOTE" and case in (None, "von")
            if g.dep_ not in ("nmod", "obl") or not (case in LOC_CASES or vote_office):
                continue
            m = _mention_of(g, by_token, via=NAME_PARTS + ("nmod",))
            if m is not None and m.label in ("LOC", "GPE"):
                out.append(m)
    return out


def _relative_clause_places(tok: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """The place a relative clause on a nominal trigger tells it at: "bei einem Referendum, das in Neukaledonien
    abgehalten wurde", "bei dem Anschlag, der sich in Kabul ereignete" - a locative phrase on the clause's verb (the
    noun's own clause, `acl:relcl` in the parse), where it happened, whatever else the sentence names. Only a clause
    that tells the occurrence itself (`_tells_the_occurrence`): "die Wahl, über die in Paris berichtet wurde" says where
    it was reported, "der Anschlag, der in Berlin verurteilt wurde" where it was condemned."""
    out = []
    for clause in (c for c in tok.children if c.dep_ in ("acl", "acl:relcl") and c.pos_ in ("VERB", "AUX")
                   and _tells_the_occurrence(c)):
        for c in clause.children:
            m = _mention_of(c, by_token, via=NAME_PARTS + ("nmod",)) if c.dep_ in ("obl", "advmod") and \
                (_case(c) or "") in LOC_CASES else None
            if m is not None and m.label in ("LOC", "GPE"):
                out.append(m)
    return out


def _tells_the_occurrence(verb: Token) -> bool:
    """A relative clause whose verb tells the noun's event happening ("das in X abgehalten wurde", "der sich in X
    ereignete"): the relative pronoun is its subject (not "über die ..." or "den die Polizei ... meldete": the noun is
    what is talked about), and the verb is no event of its own (a condemnation, a trial) nor a report of it (its place
    is where that was said)."""
    subject = any(c.dep_ in ("nsubj", "nsubj:pass") and "Rel" in c.morph.get("PronType", []) for c in verb.children)
    return subject and _trigger_type(verb) is None and _verb_lemma(verb) not in words("reporting_verbs")


def _mention_place(doc: Doc, m: Mention) -> Place | None:
    """A place mention as an event's place: geocoded, a country, or (not found) its name alone."""
    from ..geo import gazetteer

    if m.ref and m.ref.startswith("country:"):
        return _country_place(m)
    if m.ref and m.ref.startswith("geo:"):
        g = gazetteer()
        cand = g.by_id.get(m.ref.split(":", 1)[1])
        if cand is not None:
            prev = [w.lower() for w in _prev_words(doc, m.start, 2)]
            precision = "region" if prev and prev[-1] in REGION_NOUNS else cand.precision
            name = m.text[:-1] if m.text.endswith("s") and not g.by_form.get(m.text) and \
                g.candidates(m.text[:-1]) else m.text
            return Place(name, cand.lat, cand.lon, precision, cand.country or None)
    if m.label == "LOC":
        # not in the gazetteer: the name, on no spot; one told with an article ("auf der Westautobahn", "im
        # Bataclan", "beim Hauptbahnhof") is a site - a road, a river, a venue -, German names of towns take none
        # ("in Traiskirchen"), so two such names are not two towns (`consolidate.events._other_town`)
        return Place(m.text, precision="site" if _with_article(doc, m) else None)
    return None


def _with_article(doc: Doc, m: Mention) -> bool:
    """The name is told with an article: a determiner on its head, or a preposition fused with one (APPRART: "im",
    "am", "beim") - on its head or just before it."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.start >= 0 else None
    if span is None or not len(span):
        return False
    head = span.root
    if any(c.dep_ == "det" and c.tag_ == "ART" or c.dep_ == "case" and c.tag_ == "APPRART" for c in head.children):
        return True
    return span.start > 0 and doc[span.start - 1].tag_ in ("ART", "APPRART")


def _country_mention(iso: str, art: str) -> Mention | None:
    from ..geo import gazetteer

    c = gazetteer().countries.get(iso)
    return Mention(art, -1, -1, c.name, "GPE", iso, f"country:{iso}") if c else None


def _country_place(m: Mention | None) -> Place | None:
    from ..geo import gazetteer

    if m is None or not m.ref or not m.ref.startswith("country:"):
        return None
    c = gazetteer().countries.get(m.ref.split(":", 1)[1])
    return Place(c.name, c.lat, c.lon, "country", c.iso) if c else None


def _time(doc: Doc, text: str, units, ui: int, a: int, b: int, start: int, times: list[TimeExpression],
          status: str, etype: str = "", own: bool = True) -> TimeValue:
    """own: the event is the report's own (not told in the pluperfect of what came before)."""
    u = units[ui]
    usable = [d for t in times if u.start <= t.start < u.end and (d := _day_of(t)) is not None and d.value
              and d.value not in ("PRESENT_REF", "PAST_REF") and (own or not _publication_day(doc, t))]
    if status != "planned":
        usable = [t for t in usable if t.value != "FUTURE_REF"]
    in_clause = [t for t in usable if a <= t.start < b]
    if in_clause:
        t = min(in_clause, key=lambda t: abs(t.start - start))
        # "brannte am Dienstag gegen 23 Uhr": a clock or part of the day the clause names on that day narrows it,
        # wherever the verb stands (the day nearer to it would drop the night `consolidate.events._one_night` reads)
        t = min((n for n in in_clause if (n.value or "").startswith(f"{t.value}T")), key=lambda n: abs(n.start - start),
                default=t)
        # an undated report's clock: the tagger, with no date to resolve it on, leaves it dayless ("T23:00"); after the
        # day the clause names it is that day's, as the tagger reads it where it has the report's date
        clocks = [c for c in times
                  if t.start < c.start < b and c.type == "TIME" and DAYLESS_CLOCK.fullmatch(c.value or "")]
        clock = min(clocks, key=lambda c: c.start) if clocks and NAMED_DAY.fullmatch(t.value or "") else None
        if clock is not None:
            return TimeValue(f"{t.value}{clock.value}", t.precision, clock.text, "expression", t.mod)
        return TimeValue(t.value, t.precision, t.text, "expression", t.mod)
    # "Das teilte TASS am 17. Juni mit.": the next sentence only says who said it, and when
    if ui + 1 < len(units):
        nxt = units[ui + 1]
        seg = text[nxt.start:nxt.end]
        if re.match(r"(das|dies|dies\s+\w+)\s+(teilte|sagte|meldete|berichtete|erklärte|gab)\b", seg, re.IGNORECASE):
            for t in times:
                if nxt.start <= t.start < nxt.end and t.type == "DATE" and t.value and not t.value.endswith("_REF"):
                    return TimeValue(t.value, t.precision, t.text, "report date", t.mod)
    # the narrative's date, where the clause names no time of its own ("in den vergangenen 30 Jahren" is one)
    # (what someone says, demands or rejects, and a legal action, are told in the report's preterite: own sentence)
    narrative = narrative_time(doc, units, ui, start, carried=etype not in SAYING) if status not in (
        "planned", "hypothetical") and not any(a <= t.start < b and _anchors(text, t) for t in times) else None
    return narrative or default_time(doc, u.start) or TimeValue(None, "unknown", None, None)


NAMED_DAY = re.compile(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)|(\d{4}|XXXX)-W(\d\d|XX)-[1-7]")   # a TIMEX3 value of one day
DAYLESS_CLOCK = re.compile(r"T\d\d:\d\d")              # the tagger's clock where it has no day to put it on


def _day_of(t: TimeExpression) -> TimeExpression | None:
    """A date expression, or the day of a time that names one ("am Sonntagnachmittag" XXXX-WXX-7TAF, "Dienstagfrüh",
    "am 3. Mai um 19 Uhr": the day is when the event happened), as a date that keeps the time's part of the day or
    clock (TIMEX3 "XXXX-WXX-7TAF", "2026-05-03T19:00"): two reports a day apart tell one sudden occurrence only over
    the night between the days (`consolidate.events._one_night`). A time of day alone ("gegen 19.00 Uhr", "am Abend")
    is resolved by the time tagger on its reference day (a day named before it, else the report's date), so gives that
    day too, told as its expression; only without a reference day does it stay dayless ("T19:00") and give none."""
    if t.type == "DATE":
        return t
    day = (t.value or "").split("T", 1)[0]
    if t.type != "TIME" or not day:
        return None
    return replace(t, type="DATE")


# words that name a day (at a word's start: "Nachmittag", "Vormittag" name none; "3. Mai" does, "19.30 Uhr" does not)
DAY_WORDS = re.compile(r"\d+\.(?!\d)|\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|gestern|"
                       r"vortag|tag|woche|monat|jahr)", re.IGNORECASE)


def _publication_day(doc: Doc, t: TimeExpression) -> bool:
    """A time of day that names no day ("am Abend", "gegen 19 Uhr") the time tagger put on the publication date for
    want of a day named before it: the report's day, so the day only of the report's own events - in the pluperfect
    of what came before ("Der Mann hatte am Abend ... niedergestochen") the evening is some earlier one."""
    day = (t.value or "").split("T", 1)[0]
    return t.type == "TIME" and bool(doc._.dct) and day == doc._.dct[:10] and not DAY_WORDS.search(t.text or "")


SINCE_THEN = re.compile(r"\b(vergangen|letzt|zurückliegend|seit)", re.IGNORECASE)


def _anchors(text: str, t: TimeExpression) -> bool:
    """A time expression that says when of its own: a date, a time, a frequency, a span back from now ("in den
    vergangenen 30 Jahren", "seit Jahren"); a bare length ("über zwei Tage hinweg") does not."""
    return t.type != "DURATION" or bool(SINCE_THEN.search(text[max(0, t.start - 20):t.end]))


CLAIMED = re.compile(r"\b(will|wollen|soll|sollen)\b(\s+\S+){0,10}?\s+\w+(t|en)\s+(zu\s+)?(haben|sein|worden)\b",
                     re.IGNORECASE)


NO_PARTIES = ("DISASTER", "ACCIDENT")              # no one acts in them
HUMANITARIAN = ("EVACUATE", "RESCUE", "DISPLACE", "GATHER", "VOTE")   # actor only where the parse names one
TOLL_TYPES = ("ASSAULT", "DISASTER", "ACCIDENT")     # events whose casualties the next sentences tell
ATTACK_FIGURES = {"killed", "injured", "killed_or_injured", "missing", "weapons_used", "weapons_intercepted",
                  "sites", "damaged", "displaced", "arrested"}


def _following_figures(doc: Doc, text: str, units, ui: int, claims: list[Claim], type_: str) -> list[str]:
    """Casualties, weapons and damage told in the sentences after an attack ("Die Armee habe 440 Drohnen
    eingesetzt ..."), up to the next sentence that reports an event of its own."""
    out: list[str] = []
    for k in range(ui + 1, min(len(units), ui + 6)):
        v = units[k]
        if v.heading or any(t.type != type_ for _, _, t, _ in find_triggers(doc, v.start, v.end)):
            break
        out += [c.id for c in claims if c.id and v.start <= c.start < v.end and c.measure
                and c.measure.kind.split(":")[0] in ATTACK_FIGURES]
    return out


def _status(before: str, clause: str, werden: Werden | None = None, parsed: bool = False,
            modal: str | None = None, cue: str | None = None) -> str:
    """before: the sentence up to the trigger ("Die Armee bestritt, das Dorf eingenommen zu haben"); werden: the
    parse's reading of the "werden" of the trigger's verb (extract/werden.py), which decides the future and the
    conditional before any cue word; parsed: there is a parse - its modal verbs and "falls" are then read from it
    (modal: `_modal_status`), without one the raw text's ("soll ... -en", "könnte", "falls"; "werden" + "-en" as the
    future, "würde" as a conditional)."""
    if cue == "denied" or not parsed and (DENIED.search(clause) or DENIED.search(before)):
        return "denied"
    if modal == "claimed" or not parsed and CLAIMED.search(clause):
        return "reported"                              # "will ... eingenommen haben": a claim about the past
    if werden is not None and werden.conditional:
        return "hypothetical"                          # "würde ... angreifen", "würden ... getötet"
    if werden is not None and werden.future:
        return "planned"                               # "wird ... angreifen", "werde ... angreifen"
    # a time ahead ("bald", "in den kommenden Tagen") says when, a Konjunktiv II whether: "könnten in den kommenden
    # Tagen angreifen" is supposed
    if modal == "planned" or cue == "planned" or cue == "ahead" and modal != "hypothetical" or not parsed and (
            PLANNED_WORDS.search(clause) or PLANNED_MODAL.search(clause) or WERDEN_FUTURE_TEXT.search(clause)):
        return "planned"
    if modal == "hypothetical" or cue == "hypothetical" or not parsed and (
            HYPOTHETICAL_WORDS.search(clause) or HYPOTHETICAL_MODAL.search(clause) or
            WERDEN_CONDITIONAL_TEXT.search(clause)):
        return "hypothetical"
    return "reported"


def _trigger_clause_head(tok: Token) -> Token:
    """The head of the trigger's clause (`werden.clause_head`), or the first verb on the way up to it that the parser
    hangs on another without a label (dep): that verb heads a clause of its own ("Der Gouverneur hatte dazu
    aufgerufen, die Proteste zu beenden, denen nun Festnahmen drohen könnten": "drohen" dep of "aufgerufen", its modal
    "könnten" tells the arrests' status, not the call's clause)."""
    head = clause_head(tok)
    x = tok
    while x.i != head.i and x.head.i != x.i:
        if x.dep_ == "dep" and x.pos_ in ("VERB", "AUX"):
            return x
        x = x.head
    return head


def _modal_status(tok: Token) -> str | None:
    """"claimed", "planned", "hypothetical" or None by a modal verb (event_status.tsv plan_modal: "will ...
    angreifen" planned, "soll ... getötet worden sein" claimed; hypothesis_modal: "könnte ... treffen") among the
    words of the trigger's own clause (the clause's head less the clauses below it, `werden.own_clause`; a conjoined
    verb without a finite verb of its own shares the clause it is joined to: "soll getötet und verbrannt worden
    sein"), or by "falls" (condition_mark) heading it or a condition on it ("Falls ..., fliehen die Bewohner"). The
    modal's arc is not asked - the parser often mislabels a modal or "falls" (a determiner, a subject) - but its
    clause is: a modal of another clause in the same stretch of text is not this event's ("Kabul wurde angegriffen,
    die Armee könnte bald abziehen")."""
    head = _trigger_clause_head(tok)
    # a verb the parser hangs on the head without a label (dep) is a clause of its own too ("Kabul wurde angegriffen,
    # die Armee könnte bald abziehen": "abziehen" dep of "angegriffen")
    apart = {t.i for c in head.children if c.dep_ == "dep" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    words = [t for t in own_clause(head) if t.i not in apart]
    if head.dep_ == "conj" and not any(t.tag_.endswith("FIN") for t in words):
        words += [c for c in head.head.children if c.dep_ in ("aux", "aux:pass")]
    if head.dep_ == "xcomp" and head.head.i != head.i:
        # a zu-infinitive is governed by its verb's clause: "wäre Serbien gezwungen, seine Grenzen zu schließen"
        words += [t for t in own_clause(head.head) if t.dep_ in ("aux", "aux:pass", "cop") or t.i == head.head.i]
    # a modal goes with an infinitive (or a participle's infinitive): a head finite of its own has none - a finite
    # modal the parse puts in its clause belongs to another ("räumte das Lager, Hunderte wollen nun nach England")
    # (a head the tagger calls finite beside an auxiliary of its own is the infinitive of the same form: "erobern")
    finite = head.tag_.endswith("FIN") and not any(c.dep_ in ("aux", "aux:pass") for c in head.children)
    verbs = [head] if finite else words
    cues = status_words()
    modals = [t for t in verbs if t.lemma_.lower() in cues["plan_modal"] and t.tag_ == "VMFIN"]
    # a perfect infinitive after the modal, also on a verb joined to the head ("soll ... angegriffen haben", "soll ...
    # getötet worden sein", "sollen ... erobert und geplündert haben"): "haben"/"sein"/"worden" right after a
    # participle (the tagger may call that "haben" finite; "Haben Sie ...?" of the next sentence is no perfect)
    joined = [t for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in own_clause(c)]
    # (a strong participle of the infinitive's form the tagger calls an infinitive or finite is one by the lexicon,
    # `werden.verb_form`: "sollen das Dorf überfallen und die Bewohner vertrieben haben")
    if modals and any(t.lower_ in ("haben", "sein", "worden") and t.i > 0 and _participle(t.doc[t.i - 1])
                      for t in (*words, *joined)):
        return "claimed"
    # "soll" in the present ("soll", "sollen", "solle") orders
    if any(t.lemma_.lower() == "wollen" or "Pres" in t.morph.get("Tense", []) for t in modals):
        return "planned"
    # "sollte" tells a chance where it opens its clause or stands under "wenn"/"falls" ("Sollte die Armee angreifen,
    # fliehen ...", "wenn es regnen sollte": a condition); else it is a duty ("Die Regierung sollte die Grenze
    # schließen") or the narrator's "was to" of what then came ("Kurz darauf sollte die Polizei das Lager räumen",
    # "Die Demonstration sollte die größte seit 1989 werden"), which the word alone cannot tell apart: no status of
    # its own (review rv72: as a plan it marked past events planned; the two forms are one word, Mood a guess)
    if modals:
        # verb-first: the modal opens the sentence or follows a comma or quote ("..., sollte es regnen"); the parse's
        # clause may lack a phrase before it ("in X sollten 1.000 Personen ankommen" - "in X" hung elsewhere)
        first = [t for t in modals if t.i == t.sent.start or t.doc[t.i - 1].is_punct]
        question = tok.sent[-1].text == "?"
        if first and not question or \
                any(_conditional_mark(c, cues["conditional"]) for c in (*head.children, *words)):
            return "hypothetical"
    conditions = [g for c in head.children if c.dep_ == "advcl" for g in own_clause(c)]
    # a condition the parser makes the head, the main clause after it hung on it by any arc: "Falls der Deich bricht,
    # werden die Dörfer evakuiert" ("evakuiert" conj of "bricht", or acl of a "Falls" read as a noun) - the clause
    # above, opened by "falls", is this one's condition (or holds it: a clause inside a condition is supposed too)
    above = own_clause(head.head) if head.head.i < head.i else []
    conditions += above[:1]
    if any(t.lemma_.lower() in cues["hypothesis_modal"] and t.pos_ in ("AUX", "VERB")
           and "Sub" in t.morph.get("Mood", []) and "Past" in t.morph.get("Tense", []) for t in verbs) or \
            any(_condition_mark(t, cues["condition_mark"]) for t in (*words, *conditions)) or \
            any(_open_question(t, cues["question_mark"]) for t in words) and not _named_as_known(tok):
        return "hypothetical"
    return None


ABOUT_CASES = ("über", "von")                        # what a report or a denial is about
GOVERNED_ARCS = ("xcomp", "ccomp", "csubj", "acl", "advcl", "obj", "dep", "parataxis")


def _yes_no_question(head: Token) -> bool:
    """The trigger's clause is a yes/no question - its sentence ends in "?" and opens with the clause's finite verb
    ("Wird der Gefangene freigelassen?", "Tritt der Minister zurück?"): whether the event happens is asked, not told.
    A question word's question presupposes its event ("Warum wurde der Journalist verhaftet?") and is not one."""
    sent = head.sent
    first = next((t for t in sent if not t.is_punct and not t.is_quote), None)
    if sent[-1].text != "?" and not (sent.end < len(head.doc) and head.doc[sent.end].text == "?") or first is None:
        return False
    finite = first.pos_ in ("VERB", "AUX") and bool(first.morph.get("Mood", []) or first.tag_.endswith("FIN"))
    return finite and (first.i == head.i or first.head.i == head.i or any(first.i == c.i for c in head.children))


def _governors(tok: Token, head: Token) -> tuple[list[Token], list[Token]]:
    """What governs an event (`_cue_status`): the words that take the trigger or its clause's head as an argument or
    a complement, and those a denial's "über"/"von" phrase hangs on - as the parser hangs them, and where it hangs a
    zu-infinitive or a bare noun on the wrong word."""
    governors: list[Token] = []
    about: list[Token] = []
    for x in {tok.i: tok, head.i: head}.values():
        while x.dep_ == "conj" and x.head.i != x.i:
            x = x.head                                 # "plant, ... zu schließen und ... zu kontrollieren"
        if x.head.i == x.i:
            continue
        # a zu-infinitive is never a relative clause: labelled one, it completes the noun it hangs on ("der Plan, die
        # Insel zu evakuieren")
        zu_infinitive = any(c.dep_ == "mark" and c.lower_ == "zu" for c in x.children)
        if x is tok and x.pos_ in ("NOUN", "PROPN") and x.dep_ in ("obj", "nsubj", "nsubj:pass", "nmod") or \
                x.dep_ in GOVERNED_ARCS or (zu_infinitive and x.dep_ == "acl:relcl"):
            governors.append(x.head)
        # a bare noun (no article, no preposition: no genitive, no phrase of its own) the parser hangs on the noun
        # before it is the verb's object ("hatte für den Herbst Neuwahlen angekündigt")
        if x is tok and x.dep_ == "nmod" and x.head.head.i != x.head.i and x.head.head.pos_ in ("VERB", "AUX") and \
                not any(c.dep_ in ("case", "det", "det:poss", "nmod:poss") for c in x.children):
            governors.append(x.head.head)
        # a zu-infinitive the parser hangs on the verb rather than on the noun it completes, the verb's object ("Es
        # gebe Pläne, die Insel zu evakuieren"): the noun governs it
        if zu_infinitive and x.dep_ in GOVERNED_ARCS:
            governors += [c for c in x.head.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < x.i]
        if zu_infinitive and (x.dep_ in GOVERNED_ARCS or x.dep_ == "acl:relcl"):
            # and the other way round: one hung on the verb's subject ("Dann drohte der Minister, die Grenzen zu
            # schließen": "schließen" on "Minister") - a subject is the one who does the governing verb's doing,
            # not a noun the infinitive completes; the subject's case is read from its morphology where the label
            # is wrong. Only one after the verb, in the field after it: one between the subject and its verb completes
            # the subject noun ("Die Entscheidung der Armee, das Dorf zu bombardieren, droht den Konflikt auszuweiten")
            subject = x.head
            if subject.pos_ in ("NOUN", "PROPN") and subject.head.i != subject.i and \
                    subject.head.pos_ in ("VERB", "AUX") and x.i > subject.head.i and \
                    (subject.dep_ == "nsubj" or "Nom" in subject.morph.get("Case", [])):
                governors.append(subject.head)
        # what a denial is about: the event noun in an "über"/"von" phrase the parser hangs on the denying verb or on
        # the report it denies ("dementierte Berichte über Luftangriffe", "bestritt die Berichte von Festnahmen")
        if x is tok and x.pos_ in ("NOUN", "PROPN") and x.dep_ in ("obl", "nmod") and _case(x) in ABOUT_CASES:
            about += [x.head, x.head.head] if x.head.dep_ == "obj" else [x.head]
    return governors, about


def _cue_status(tok: Token) -> str | None:
    """"denied", "planned", "hypothetical" or None by a lexical cue of event_status.tsv read from the parse (the
    regexes DENIED / PLANNED_WORDS / HYPOTHETICAL_WORDS read the raw clause only where there is none): a verb,
    adjective or noun governing the trigger's clause or the event noun ("bestritt, dass die Armee das Dorf
    bombardiert habe", "plant die Schließung", "befürchten einen Angriff", "Pläne für eine Offensive", "Ein Angriff
    sei möglich", "droht zu eskalieren"), or an adverb or adjective modifying it - in its own clause or on the noun
    ("wird bald angreifen", "die geplante Schließung", "ein möglicher Angriff", "in den kommenden Tagen"). A cue in
    another clause of the stretch is not this event's ("Die Armee griff an; die Regierung plant Verhandlungen")."""
    cues = status_words()
    head = _trigger_clause_head(tok)
    apart = {t.i for c in head.children if c.dep_ == "dep" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    clause = [t for t in own_clause(head) if t.i not in apart]
    governors, about = _governors(tok, head)
    governors += [v for g in governors for v in _sharing_conjuncts(g)]
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "advmod")] + \
        [t for t in clause if t.dep_ in ("advmod", "amod") and (t.head.i == head.i or t.head.i == tok.i)]
    ahead = [t for t in clause if t.dep_ == "amod" and t.lower_.startswith(tuple(cues["plan_time"]))
             and _in_time(t.head)]

    def lemmas(t: Token) -> set[str]:
        # the parse's lemma (with a verb's particle), and the lexicon's where the lemmatizer kept the form ("plant")
        prt = _particle(t)
        return {_verb_lemma(t), t.lemma_.lower(), (prt.lower_ if prt is not None else "") + word_lemma(t.text).lower()}

    def governs(key: str) -> bool:
        return any(lemmas(g) & cues[key] for g in governors)

    def modifies(key: str) -> bool:
        return any(lemmas(m) & cues[key] or m.lower_ in cues[key] for m in modifiers)

    if governs("denial_governor") or any(lemmas(g) & cues["denial_governor"] for g in about):
        return "denied"
    if _yes_no_question(head):
        return "hypothetical"                          # "Wird der Gefangene freigelassen?": asked, not told
    if governs("plan_governor") or modifies("plan_governor"):
        return "planned"
    if modifies("plan_modifier") or ahead:
        return "ahead"
    # "drohen" supposes with a zu-infinitive ("droht zu eskalieren"), not with its object ("droht mit einem Streik",
    # read as expected: `_expected`)
    infinitive = head.dep_ == "xcomp" or any(c.dep_ == "mark" and c.lower_ == "zu" for c in head.children)
    if any(lemmas(g) & cues["hypothesis_governor"] and ("drohen" not in lemmas(g) or infinitive)
           for g in governors) or modifies("hypothesis_modifier"):
        return "hypothetical"
    # a copula clause the parser turns round ("Geplant ist am Samstag eine Kundgebung", "Möglich ist auch ein
    # Angriff", "Befürchtet wird ein Angriff"): the event noun gets the copula, and the predicate - the cue - hangs on
    # it as its subject, is the head the noun is conjoined to, or heads the copula the noun is hung on as an object
    # ("Möglich sei eine Räumung"); a fronted participle is tagged a noun for its capital (lemma "Befürchten"), so its
    # written form is read too
    if tok.pos_ in ("NOUN", "PROPN"):
        cop = [c for c in tok.children if c.dep_ == "cop"]
        turned = [c for c in tok.children if c.dep_ == "nsubj"] + [tok.head] * (tok.dep_ == "conj") if cop else []
        if tok.dep_ == "obj" and tok.head.dep_ == "cop":
            turned.append(tok.head.head)
        forms = {w for t in turned for w in (t.lower_, *lemmas(t))}
        if forms & cues["plan_governor"]:
            return "planned"
        if forms & (cues["hypothesis_modifier"] | cues["hypothesis_governor"]) - {"drohen"}:
            return "hypothetical"
    return None


def _supposed_case(tok: Token) -> bool:
    """An event noun with an indefinite article as the genitive of a noun of case (event_status.tsv
    condition_noun: "Fall") in an "in"/"für" phrase is supposed, a condition ("im Falle einer Epidemie", "für den
    Fall eines Angriffs"); with a definite one it names the matter told ("im Fall des Anschlags ermittelt ...")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "nmod" or tok.head.i == tok.i:
        return False
    case_noun = tok.head
    if case_noun.lemma_.lower() not in status_words().get("condition_noun", frozenset()):
        return False
    preps = {c.lemma_.lower() for c in case_noun.children if c.dep_ == "case"}
    if not preps & {"in", "für"}:
        return False
    if not any(c.dep_ == "det" and "Ind" in c.morph.get("Definite", []) for c in tok.children):
        return False
    if "für" in preps:
        return True                                    # "für den Fall eines Angriffs": the set phrase of a condition
    # "im Fall eines ..." also names a case under way ("Die Polizei ermittelt im Fall einer Schießerei", "Im Fall
    # eines Überfalls wurden zwei Männer festgenommen"): supposed only where the clause says what is to or would be
    # done (a modal, "werden", a subjunctive: "soll das THW ... sichern", "würde die Allianz reagieren")
    verb = verb_above(case_noun)
    finite = [verb, *(c for c in verb.children if c.dep_ == "aux")] if verb is not None else []
    if any(v.lemma_.lower() in MODALS or v.lemma_.lower() == "werden" and v.dep_ == "aux" or
           "Sub" in v.morph.get("Mood", []) for v in finite):
        return True
    # the set phrase "im Falle" (the old dative "-e") names a condition in a clause of any mood ("ein Szenario, das
    # die Ausbreitung im Falle einer Epidemie in Europa untersucht", "sagt hohe Kosten im Falle eines Austritts
    # voraus") unless the case is a particular one: dated by a day of its own before the report ("Im Falle eines
    # Brandes am Montag in Köln ermittelt die Polizei"; "im Falle eines Sieges am kommenden Samstag" is ahead), or
    # placed and told as past ("Im Falle eines Überfalls in Graz wurden zwei Männer festgenommen", "hat die Polizei
    # ... festgenommen"); a present clause with a place may tell what is done whenever such a case arises
    if case_noun.lower_ == "falle":
        phrase = [c for c in case_noun.subtree if c.i not in (case_noun.i, tok.i)]
        dct = (tok.doc._.dct or "")[:10]
        dated = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct)) and any(
            (t.value or "")[:10] < dct and re.match(r"\d{4}-\d{2}-\d{2}", t.value or "")
            for t in tok.doc._.times or () for c in phrase if t.start <= c.idx < t.end)
        names = _by_token(tok.doc, list(tok.doc._.mentions or ()))
        placed = any(c.ent_type_ in ("LOC", "GPE") or (m := names.get(c.i)) is not None and m.label in ("LOC", "GPE")
                     for c in phrase)
        # a clause that tells a promise, plan, threat or warning made for the case ("Im Falle eines Angriffs auf
        # Estland hat die Nato Beistand zugesagt") tells no occurrence of it, whatever its tense and place; nor does a
        # copula's state ("Im Falle eines Erdbebens in Osaka waren die Pläne wirkungslos": whenever one came)
        told = verb is not None and verb.tag_.startswith("VV") and _past_or_perfect(verb) and \
            not {verb.lemma_.lower(), _verb_lemma(verb), word_lemma(verb.text).lower()} & _committing_verbs()
        return not (dated or placed and told)
    return False


@lru_cache(maxsize=1)
def _committing_verbs() -> frozenset[str]:
    """The verbs that tell a promise, plan, threat or expectation made for a case (event_status.tsv), read once."""
    cues = status_words()
    return frozenset(w.split(":")[0] for key in ("intention", "plan_governor", "expectation", "hypothesis_governor")
                     for w in cues.get(key, ()))


def _past_or_perfect(verb: Token) -> bool:
    """Is the clause told in a past tense, active or passive (`_told_past` reads active indicatives only): a finite
    past ("wurden festgenommen", "brannte") or a perfect (a participle with "haben": "hat festgenommen"; with "sein"
    only in the passive's perfect, "ist festgenommen worden" - a present "ist ... gesperrt" is a state passive, what
    holds whenever the case comes)?"""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    finite = [t for t in [verb, *auxes] if t.tag_.endswith("FIN")]
    worden = any(a.lemma_.lower() == "werden" and a.tag_.endswith("PP") for a in auxes)
    return any("Past" in t.morph.get("Tense", []) for t in finite) or \
        verb.tag_.endswith("PP") and any(a.lemma_.lower() == "haben" or a.lemma_.lower() == "sein" and worden
                                         for a in auxes)


def _sharing_conjuncts(verb: Token) -> list[Token]:
    """The verbs conjoined to `verb` that share its object or complement, having none of their own: the parser hangs
    a shared object on one conjunct only ("plant und finanziert eine Räumung": "Räumung" on "finanziert"; "die eine
    Räumung vorbereitet und plant": on "vorbereitet"), so a cue on the other governs it too. A conjunct with an
    object of its own governs that ("plant eine Räumung und finanziert die Polizei")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    # two predicates told apart, each with its own time or adverb, share no cue: "dementierten zunächst, bestätigten
    # dann aber den Anschlag", "plante und führte am Montag eine Offensive durch" - the later verb tells the event
    if any(c.dep_ == "advmod" or c.dep_ in ("obl", "nmod") and _in_time(c) for c in verb.children):
        return []
    conjoined = [verb.head] if verb.dep_ == "conj" and verb.head.i != verb.i else []
    conjoined += [c for c in verb.children if c.dep_ == "conj"]
    # the tagger may call a conjunct an adjective ("plant" as "plan", flat): any conjunct but a noun; a bare one,
    # with nothing but the shared subject, a conjunction, an auxiliary or its particle ("plant und finanziert")
    return [v for v in conjoined if v.pos_ not in ("NOUN", "PROPN") and v.i != verb.i
            and all(c.dep_ in BARE_CONJUNCT_ARCS or c.dep_ == "conj" and c.i == verb.i for c in v.children)]


SHARED_ARCS = ("obj", "xcomp", "ccomp", "csubj")       # what a verb governs as its object or complement
BARE_CONJUNCT_ARCS = ("nsubj", "cc", "punct", "aux", "aux:pass", "compound:prt")   # a conjunct with no words of its own


def _condition_mark(t: Token, marks: frozenset[str]) -> bool:
    """t is "falls" opening a condition, not the genitive of "Fall" ("wegen des Falls", "dieses Falls"): the noun has
    a determiner, an adjective or a preposition of its own, the subordinator none (the parser's tag is no guide: it
    often calls a sentence-initial "Falls" a noun)."""
    return t.lower_ in marks and not any(c.dep_ in ("det", "amod", "case") for c in t.children)


def _open_question(t: Token, marks: frozenset[str]) -> bool:
    """t is "ob" subordinating an indirect question ("Ob ... gestreikt wird, ist offen", "prüft, ob ..."): the parse's
    subordinator opening its clause - first in the sentence, after a comma, a colon or "und" - not the preposition of
    a place's name ("im Land ob der Enns", which the parser may also call a subordinator) nor "als ob"."""
    if t.lower_ not in marks or t.dep_ != "mark":
        return False
    before = t.doc[t.i - 1] if t.i > t.sent.start else None
    return before is None or before.is_punct or before.pos_ == "CCONJ"


def _named_as_known(tok: Token) -> bool:
    """An event noun with a definite or demonstrative article: a known event ("ob der Brand gelegt wurde", "ob der
    Anschlag von Rechtsextremen verübt wurde"), whose having happened a question or a supposition about it presupposes
    - what is open is said of it, not it."""
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and _definite(c) for c in tok.children)


def _participle(t: Token) -> bool:
    return t.tag_.endswith("PP") or t.pos_ in ("VERB", "AUX") and verb_form(t) in ("participle", "both")


def _werden_of(tok: Token | None) -> Werden | None:
    """The reading of the "werden" of the verb a trigger is or hangs on (extract/werden.py); none for a participle
    used as an adjective ("wie angekündigt", "die angekündigte Reform"): it tells a deed done, whatever the tense of
    the verb it hangs on."""
    if tok is None or tok.pos_ == "ADJ":
        return None
    verb = verb_above(tok)
    return werden_reading(verb) if verb is not None else None


def _superlative(tok: Token) -> bool:
    """'das schwerste Beben', 'das Beben war das schwerste': a superlative on the trigger."""
    cands = [c for c in tok.children if c.dep_ in ("amod", "advmod")]
    if tok.dep_ in ("nsubj", "nsubj:pass"):
        cands += [c for c in tok.head.children if c.dep_ in ("amod", "advmod") or c is tok.head]
    return any("Sup" in c.morph.get("Degree", []) or (c.pos_ == "ADJ" and re.search(r"[^e]ste[nmrs]?$", c.lower_))
               for c in cands)


# years gone by: "in den vergangenen 30 Jahren", "seit Jahrzehnten", "über die letzten zehn Jahre"
# (not a term ahead: "bis zu 24 Jahre Haft")
TALLY = re.compile(r"\b(vergangen|letzt|zurückliegend|seit\s|über\s)", re.IGNORECASE)


def _time_status(doc: Doc, tok: Token | None, a: int, b: int, time: TimeValue) -> str | None:
    """historical: a biography, an anniversary ("1995 geboren", "jährt sich"), a tally over years ("in den
    vergangenen 30 Jahren getötet"), a year before the story's ("im Jahr 2004" in an article of 2026) or a
    bare year in a past "als" clause; comparison: a superlative measured against the past ("das schwerste
    Beben seit 1960")."""
    words = status_words()
    lemmas = {t.lemma_.lower() for t in _tokens(doc, a, b)} | {t.lower_ for t in _tokens(doc, a, b)}
    if tok is not None and _superlative(tok) and lemmas & words["comparison"]:
        return "comparison"
    if lemmas & words["historical"]:
        return "historical"
    if any(a <= t.start < b and t.type == "DURATION" and re.fullmatch(r"P([2-9]|\d\d+|X)(Y|DE|CE)", t.value or "")
           and TALLY.search(doc_text(doc)[max(0, t.start - 6):t.end]) for t in doc._.times or ()):
        return "historical"                            # "in den vergangenen 30 Jahren", "seit Jahrzehnten": a tally
    if tok is not None and _long_before(doc, tok, a, b):
        return "historical"                            # "Die Familie war schon vor fünf Monaten geflohen"
    if long_past(doc, tok, time):
        return "historical"                            # "hatte am 19. August 2009 ... gezündet. Darauf fuhr er ..."
    dct = doc._.dct
    if time.basis == "expression" and time.value and time.value[:4].isdigit() and dct and dct[:4].isdigit() \
            and int(time.value[:4]) < int(dct[:4]) - 1:
        return "historical"
    if time.basis == "expression" and time.precision == "year" and re.match(r"\s*als\b", doc_text(doc)[a:b]) and \
            any("Past" in t.morph.get("Tense", []) for t in _tokens(doc, a, b)):
        return "historical"                            # "als sich Fischer 2010 der Wiederwahl stellte": a past year
    if tok is not None and _dated_by_year_alone(doc, time) and _told_as_past(tok):
        return "historical"                            # "2014 seien 200 Demonstranten festgenommen worden": a tally
    return None


def _dated_by_year_alone(doc: Doc, time: TimeValue) -> bool:
    """In an article without a date, the clause dates its event by a year written out and nothing finer ("2012", "im
    Jahr 2009"), a year before another the article tells as gone by (`_a_year_gone_by`). News tells the day's event
    by its day or weekday; an act told with its year alone, before the article's own time, is history or a year's
    tally ("2014 seien 200 Demonstranten festgenommen worden", "Bei der Wahl 2009 erhielt sie 97 Prozent"). The
    latest year the article names may be its own or the story's (the seeds: "eine Partnerschaft, die Kim 2024 mit
    Putin unterzeichnet hatte" in an undated report of a story that began then), so it is left alone; a dated report
    is left to its date (a year before the one before it, above) and its story's frame (consolidate/events.py)."""
    if doc._.dct or time.basis != "expression" or time.precision != "year" or \
            not re.search(r"\b\d{4}\b", time.text or "") or not (time.value and time.value[:4].isdigit()):
        return False
    years = [int(t.value[:4]) for t in doc._.times or () if t.value and re.match(r"\d{4}\b", t.value)
             and _a_year_gone_by(doc, t)]
    return bool(years) and int(time.value[:4]) < max(years)


def _a_year_gone_by(doc: Doc, x: TimeExpression) -> bool:
    """Is the later year one the article tells as gone by - its clause told in a past tense or a perfect ("2016 kamen
    sie auf 15 Prozent", "bis 2015 sank die Zahl")? A year ahead of the article's own act is no sign that the act lies
    back: a plan, a term or the next date ("Das Abkommen soll bis 2018 gelten", "Es gilt bis 2018", "Die nächste Wahl
    findet 2021 statt") is told in the present, the future or with a modal, about this year's news too."""
    tokens = _tokens(doc, x.start, x.end)
    if not tokens:
        return False
    verb = verb_above(tokens[0])
    # a past with a mood is finite whatever the tag says (the tagger calls "sank" in "sank bis 2015" a participle)
    return _told_as_past(tokens[0]) or verb is not None and "Past" in verb.morph.get("Tense", []) and \
        bool(verb.morph.get("Mood", []))


def _told_as_past(tok: Token) -> bool:
    """The trigger's clause is told in a past tense or a perfect, indicative or reported (`_past_or_perfect`; "seien
    ... festgenommen worden"); a noun trigger by the verb of its clause - by the participle where the parser hung the
    noun on the auxiliary ("Bei der Wahl 2009 haben ... gewonnen")."""
    verb = verb_above(tok)
    if verb is not None and verb.dep_ in ("aux", "aux:pass") and verb.head.pos_ == "VERB":
        verb = verb.head
    return verb is not None and _past_or_perfect(verb)


# where the article has no date, a relative expression ("vor sechs Monaten") is measured from a neutral day
NEUTRAL_DAY = "2000-07-01"
BACKGROUND_MONTHS = 3          # a pluperfect this far before the article tells what came before the story


def _pluperfect(tok: Token) -> bool:
    """The verb a trigger is or hangs on is in the pluperfect ("war ... geflohen", "hatten ... erobert")."""
    verb = verb_above(tok)
    if verb is None or "Fin" in verb.morph.get("VerbForm", []):
        return False
    verbs = [verb, verb.head] if verb.dep_ in ("conj", "xcomp") else [verb]   # "hatten ... erobert und ... vertrieben"
    return any(c.dep_ in ("aux", "cop") and c.lemma_.lower() in ("haben", "sein") and "Past" in c.morph.get("Tense", [])
               for v in verbs for c in v.children) or any(_stray_past_auxiliary(v) for v in verbs)


PERFECT_AUXILIARIES = ("haben", "sein")
CLAUSE_HEAD_ARCS = ("ROOT", "aux", "aux:pass", "cop", "conj", "ccomp", "advcl", "acl", "acl:relcl", "parataxis",
                    "csubj", "xcomp")


def _stray_past_auxiliary(verb: Token) -> bool:
    """The finite past "hatte"/"war" of a participle's sentence that the parse hung elsewhere: "Bei den Kämpfen waren
    lokalen Berichten zufolge 50 Soldaten getötet worden" reads "waren" as a determiner of "Berichten" and leaves the
    participle with no auxiliary. German puts the finite verb second and the participle last, so a finite past form
    of haben/sein before a participle that has no auxiliary of its own, attached by no verb's arc, with no finite
    verb between them, is the participle's own - the pluperfect, read from the morphology where the parse fails."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_.lower() in PERFECT_AUXILIARIES
                                  for c in verb.children):
        return False
    if "Part" not in verb.morph.get("VerbForm", []) and not (
            verb.morph.get("Tense", []) and not verb.morph.get("Person", []) and not verb.morph.get("Mood", [])):
        return False                                   # a finite verb, not a participle
    sent = verb.sent
    for t in reversed(sent[:verb.i - sent.start]):
        if t.lemma_.lower() in PERFECT_AUXILIARIES and "Past" in t.morph.get("Tense", []) and \
                "Ind" in t.morph.get("Mood", []):
            return t.dep_ not in CLAUSE_HEAD_ARCS     # hung on a noun: no clause of its own
        if t.pos_ in ("VERB", "AUX") and (t.morph.get("Person", []) or t.morph.get("Mood", [])):
            return False                               # another finite verb: another clause
    return False


def _long_before(doc: Doc, tok: Token, a: int, b: int) -> bool:
    """Background told in the pluperfect: the clause's date lies three months or more before the article
    ("Die Familie war schon vor fünf Monaten nach Peru geflohen", "hatte im vergangenen Jahr die
    Provinzhauptstadt erobert"); where the article has no date a relative expression is measured from a neutral
    day. "Vor einer Woche hatte ein Mann ... geschossen" is the story's own past."""
    if not _pluperfect(tok):
        return False
    dct = doc._.dct if doc._.dct and re.match(r"\d{4}-\d{2}", doc._.dct) else None
    for t in doc._.times or ():
        if not (a <= t.start < b and t.type == "DATE") or re.search(r"\b(seit|ab)\s*$", doc_text(doc)[a:t.start]):
            continue                                   # "seit März": a span reaching into the story
        value, ref = t.value, dct
        if value is None:                              # unanchored: "vor sechs Monaten" without a date
            from .time import find_times

            value = next((x.value for x in find_times(t.text, NEUTRAL_DAY) if x.type == "DATE" and x.value), None)
            ref = NEUTRAL_DAY
        if value is None or ref is None or not value[:4].isdigit():
            continue
        back = months_back(value, ref)
        if back is not None and back >= BACKGROUND_MONTHS:
            return True
    return False


def _needs_a_party(trig: Trigger) -> bool:
    """Talks, deals, demands, aid, threats and sanctions are told of someone; a release or a resignation
    (`CONCEDED_ACTS`) is a deed even where the report names no one."""
    return trig.type in ("CONSULT", "AGREE", "DEMAND", "REJECT", "CONCEDE", "AID", "THREATEN", "SANCTION") and \
        trig.mode not in CONCEDED_ACTS


def _event(doc: Doc, text: str, units, ui: int, start: int, end: int, trig: Trigger, mentions: list[Mention],
           times: list[TimeExpression], claims: list[Claim], cues, masks, art: str,
           tok: Token | None = None) -> Event | None:
    u = units[ui]
    a, b = _clause(text, u.start, u.end, start)
    arc_actor = arc_target = arc_place = None
    parsed = tok is not None and doc.has_annotation("DEP")
    if parsed and tok is not None:
        arc_actor, arc_target, arc_place = _arcs(tok, trig, _by_token(doc, mentions), masks)
    # "seit den Anschlägen", "nach dem Beben": an event told elsewhere, named in another's clause
    # ("nach einem Luftangriff" tells a new one);
    # "vor dem Hintergrund der Anschläge": a noun inside another's phrase. Its parties, time and
    # place are only what hangs on it, not the clause's.
    reference = parsed and tok is not None and trig.nominal and (_case(tok) or "") in REFERENCE_CASES and (
        _case(tok) == "seit" or not any(c.dep_ == "det" and c.lower_.startswith("ein") for c in tok.children))
    embedded = parsed and tok is not None and trig.nominal and (reference or tok.dep_ == "nmod")
    # the press that reports it ("meldete die Nachrichtenagentur Anadolu") is never a party to it
    press = [(c.start, c.end, c.source.text or c.source.name) for c in cues[ui]
             if c.source and c.source.kind in ("media", "estimate")]
    press = _with_short_forms(text, press)             # "die Salzburger Nachrichten (SN)": the outlet again
    parties = [m for m in mentions if not _masked(m, press)] if press else mentions
    actor, target = _parties(doc, text, units, ui, (a, b), start, end, trig, parties, masks, embedded,
                             arc_actor, arc_target)
    if parsed and tok is not None and trig.type == "CONSULT" and not trig.nominal and any(
            (c.dep_ == "obj" and c.pos_ == "NOUN" and _mention_of(c, _by_token(doc, mentions)) is None)
            or c.dep_ == "aux:pass" for c in tok.children):
        return None                                    # "das Beben traf die Region", "wurde vom Blitz getroffen": hit
    if trig.type in NO_PARTIES:
        # an earthquake or a shipwreck has no actor: a country named as its subject or object is where
        country = next((m for m in (arc_place, actor, target) if m is not None and m.label in ("GPE", "LOC")
                        and m.text[:1].isupper()), None)
        arc_place = arc_place or country
        actor = target = None
    elif trig.type in HUMANITARIAN:
        actor, target = arc_actor, None                # "Die Armee evakuierte ...": only who did it, by the parse
    status = _event_status(text, u, (a, b), start, end, trig, tok if parsed else None, parsed)
    place = _event_place(doc, text, units, ui, (a, b), start, trig, mentions, arc_place, reference, target)
    if place is None and parsed and tok is not None:
        place = _adjective_town(tok, trig, reference, masks)   # "Die Grazer Polizei nahm ... fest"
    lead = _lead_of(units, ui) if not reference else None
    lead_at = _lead_anchor(doc, units, lead, trig, mentions)
    lead = lead if lead_at is not None else None       # a lead that tells only another event tells not this one
    place = place or _lead_place(doc, text, units, lead, lead_at, mentions, trig)
    status = _lead_status(doc, text, units, lead, lead_at, trig, mentions, status)
    if target is None and place is not None and place.country and trig.type in ("ASSAULT", "AID", "CONSULT") \
            and trig.mode not in ("clash", "kill"):    # a clash on an ally's soil is not against the ally
        actor_country = actor.country if actor is not None else None
        if place.country != actor_country:
            target = _country_mention(place.country, art)   # attacked, helped or visited: the place's country
    actor, target = _or_compound_parties(actor, target, tok if parsed else None, trig, mentions, art)
    actor = actor if actor is not None or target is not None else _side_subject(tok if parsed else None, trig, art)
    if actor is None and target is None and _needs_a_party(trig):
        return None                                    # "Gespräche" without anyone: no event
    if trig.type == "ANNOUNCE" and not _announcement(tok if parsed else None, trig, actor, arc_actor):
        return None
    if actor is None and target is None and place is None and not _heads_somewhere(doc, mentions, (a, b)) and \
            _nothing_to_tell(trig, u, (a, b), claims, times, tok if parsed else None, _by_token(doc, mentions)) and (
            lead is None or _nothing_to_tell(trig, units[lead], (units[lead].start, units[lead].end), claims, times,
                                             None, _by_token(doc, mentions))):
        return None                                    # (a headline's event: nor does its lead)
    place = place or _desk_place(doc, text, mentions, (a, b), start, trig, reference)
    when = _event_time(doc, text, units, ui, (a, b), start, trig, status, reference, tok if parsed else None)
    when = _lead_time(doc, text, units, lead, lead_at, trig, status, when)
    if status == "reported":
        status = _time_status(doc, tok, a, b, when) or status
    if status == "reported" and parsed and tok is not None and _present_ahead(doc, tok, when):
        status = "planned"                             # "Am Samstag demonstrieren die Bauern in Wien": ahead
    when = _plan_ahead(doc, when, tok if parsed else None) if status == "planned" else when   # "für März" (in May)
    attribution = attr.attribute(text, units, ui, start, cues)
    figures = [c.id for c in claims if c.id and u.start <= c.start < u.end
               and not (c.measure and c.measure.kind in ("duration",))]
    if trig.type in TOLL_TYPES:
        figures += _following_figures(doc, text, units, ui, claims, trig.type)
    return Event(
        id=f"{art}#{start}", type=trig.type, acled_type=trig.acled, mode=trig.mode,
        actor=_label_name(actor) if actor else None, target=_label_name(target) if target else None,
        place=place, time=when, status=status, figures=figures,
        sources=[s.name for s in attribution.sources], articles=[art],
        evidence=[Span(art, u.start, u.end, text[u.start:u.end])], trigger=_trigger_text(text, start, end),
    )


def _desk_place(doc: Doc, text: str, mentions: list[Mention], clause: tuple[int, int], start: int, trig: Trigger,
                reference: bool) -> Place | None:
    """"Istanbul – ...": where the report is set, for an event told without a place (`_dateline_place`); not for an
    event named as what came before ("nach dem Anschlag": told elsewhere), a vote (held where its body sits - but a
    town's council is the desk's town's, even named as what came before, "nach der Gemeinderatswahl", `_local_vote`)
    nor a movement (a flight, an evacuation, a deployment is told by where from and where to, not by the desk's
    town)."""
    local_vote = trig.type == "VOTE" and _local_vote(doc, text, start)
    if (reference and not local_vote) or (trig.type == "VOTE" and not local_vote) or trig.type in MOVES:
        return None
    place = _dateline_place(doc, text, mentions, clause)
    if place is None or not local_vote:
        return place
    return place if place.precision == "city" and not _another_towns_body(doc, start, place) else None


def _another_towns_body(doc: Doc, start: int, desk: Place) -> bool:
    """The vote's noun carries a town's adjective other than the desk's town's: "Wien – Die Grazer
    Gemeinderatswahl" is Graz's council vote ("Münchner" under a München desk is the desk's own)."""
    from .measures import adjective_place_names, place_adjective

    noun = next((t for t in doc if t.idx == start), None)
    return noun is not None and any(
        c.dep_ == "amod" and place_adjective(c.text) and desk.name not in adjective_place_names(c.text)
        for c in noun.children)


LEAD_REACH = 3                           # a title, a subtitle or a dateline line, then the lead


def _lead_of(units, ui: int) -> int | None:
    """The lead that tells a title's event: the first unit after the title that is no heading. A headline is cut
    from its lead (claims.split_units), and names the event the lead then tells with its place, day and figures
    ("Großrazzia in einer Diskothek" / "Rund 200 Polizisten durchsuchten in der Nacht zum Sonntag ... in Kassel");
    only for the title, not a heading inside the text (a section's heading names no one event)."""
    if not units[ui].title:
        return None
    return next((j for j in range(ui + 1, min(len(units), ui + 1 + LEAD_REACH)) if not units[j].heading), None)


def _event_status(text: str, u, clause: tuple[int, int], start: int, end: int, trig: Trigger, tok: Token | None,
                  parsed: bool) -> str:
    """reported, planned, hypothetical, ... by the words before the trigger and its clause, then by the parse."""
    a, b = clause
    # a modal or a future on a verb that presupposes its object event is that verb's act's: "will die Offensive
    # fortsetzen" goes on with an offensive going on
    own = tok is not None and not _presupposed(tok)
    status = _status(text[u.start:end], text[a:min(b, end + 30)], _werden_of(tok) if parsed and own else None, parsed,
                     *((_modal_status(tok) if own else None, _own_cue_status(tok, own)) if tok is not None else ()))
    if trig.type == "AID" and status == "reported" and re.fullmatch(r"(schickt|entsendet|liefert|verlegt)",
                                                                    text[start:end], re.IGNORECASE) \
            and not re.search(r"\b(hat|haben|hatte|hatten|wurde|wurden|ist|sind)\b", text[a:b]):
        status = "planned"                             # "Nordkorea schickt ...": a decision announced
    if tok is not None and trig.type == "ANNOUNCE" and not trig.nominal and status == "planned":
        status = _announcing_status(tok)               # "hat angekündigt, ... zu schließen": the content is ahead
    if tok is not None:                                # "im Falle einer Flut soll ...": the modal is the measure's
        status = "hypothetical" if _supposed_case(tok) else _parsed_status(tok, trig, status)
    if status == "reported" and tok is not None and trig.nominal and _long_after(tok):
        status = "historical"                          # "Drei Jahre nach dem Amoklauf ist der Täter verurteilt worden"
    return status


def _own_cue_status(tok: Token, own: bool) -> str | None:
    """The cue status of the event itself: a plan or a supposition governing a verb that presupposes the event is the
    continuation's or the end's, not the event's - "hatte angekündigt, den Streik fortzusetzen", "plant, die Blockade
    zu beenden": the strike and the blockade go on now (a denial stays the event's)."""
    cue = _cue_status(tok)
    return None if not own and cue in ("planned", "ahead", "hypothetical") else cue


def _presupposed(tok: Token) -> bool:
    """An event noun that is the object (or the passive subject) of a verb presupposing it (event_status.tsv
    presupposing: "fortsetzen", "beenden", "untersuchen"): the event goes on or is done already, whatever the verb's
    modal or tense says of the verb's own act ("Die Rebellen wollen die Offensive fortsetzen", "Die Armee wird
    ihre Angriffe fortsetzen", "Die Angriffe sollen beendet werden")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("obj", "nsubj:pass") or tok.head.i == tok.i:
        return False
    verb = tok.head
    return verb.pos_ in ("VERB", "AUX") and _verb_lemma(verb) in status_words()["presupposing"]


def _lead_anchor(doc: Doc, units, lead: int | None, trig: Trigger, mentions: list[Mention]) -> int | None:
    """Where in the lead a headline's event is told: at the lead's own trigger of its type, where the lead tells it
    again after another event and that event's place and day ("Festnahme nach Messerangriff" / "Nach dem Messerangriff
    in Solingen hat die Polizei am Samstag in Düsseldorf einen Mann festgenommen": Düsseldorf, Saturday); the lead's
    start where it tells no event by a trigger ("Großrazzia ..." / "In der Nacht kamen 90 Beamte ... in Kassel");
    None where it tells only other events - their place and day ("Angeklagter verurteilt" / "Ein Mann hatte im Juni
    in Hamburg seine Frau erstochen": the crime's, not the verdict's)."""
    if lead is None:
        return None
    u = units[lead]
    found = find_triggers(doc, u.start, u.end, mentions)
    return next((f[0] for f in found if f[2].type == trig.type), None if found else u.start)


def _lead_place(doc: Doc, text: str, units, lead: int | None, at: int | None, mentions: list[Mention],
                trig: Trigger) -> Place | None:
    """Where the lead tells a headline's event ("Großrazzia in einer Diskothek" / "... durchsuchten ... in Kassel"):
    its place nearest ``at`` (`_lead_anchor`)."""
    if lead is None or at is None:
        return None
    u = units[lead]
    return _place(doc, text, u.start, u.end, u.start, u.end, mentions, at, trig.type in MOVES)


ASIDE_STATUSES = ("planned", "hypothetical", "denied")   # a lead that tells its headline's event as not (yet) so


def _lead_status(doc: Doc, text: str, units, lead: int | None, at: int | None, trig: Trigger,
                 mentions: list[Mention], status: str) -> str:
    """A headline tells its event in the fewest words, without the tense or the verb that would say it is only called
    for, planned or feared; the lead says it: "Streik bei der Bahn" / "Die Gewerkschaft hat für Mittwoch zu einem
    Warnstreik aufgerufen" is a planned strike. The status of the lead's own trigger of the headline's type
    (`_lead_anchor`), where the headline itself reads as reported; a lead that retells it as done leaves it so."""
    if lead is None or at is None or status != "reported":
        return status
    u = units[lead]
    f = next((f for f in find_triggers(doc, u.start, u.end, mentions) if f[0] == at and f[2].type == trig.type), None)
    if f is None:
        return status                                  # the lead tells it by no trigger (its start is the anchor)
    start, end, lead_trig, tok = f
    told = _event_status(text, u, _clause(text, u.start, u.end, start), start, end, lead_trig, tok,
                         doc.has_annotation("DEP"))
    return told if told in ASIDE_STATUSES else status


def _lead_time(doc: Doc, text: str, units, lead: int | None, at: int | None, trig: Trigger, status: str,
               when: TimeValue) -> TimeValue:
    """A headline's event its own words do not date is on the day its lead tells ("in der Nacht zum Sonntag")."""
    if lead is None or at is None or when.basis == "expression":
        return when
    u = units[lead]
    return _event_time(doc, text, units, lead, (u.start, u.end), at, trig, status, False, None)


def _nothing_to_tell(trig: Trigger, u, clause: tuple[int, int], claims: list[Claim], times: list[TimeExpression],
                     tok: Token | None, by_token: dict[int, Mention]) -> bool:
    """An event with no actor, target or place: "Luftangriff" alone tells nothing, unless a figure or a day is told
    with it. A chemical weapon's use needs who used it, whom or where it hit (a place's noun too: "in dem Vorort"):
    the agents are also industrial chemicals ("Zur Reinigung wurde am Montag Chlorgas eingesetzt"), and a time or a
    figure alone does not make their use an attack."""
    a, b = clause
    if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
        # a noun's own relative clause tells its day past the comma that ends the text's clause ("zur
        # Streikabstimmung, die vom 19. bis 24. Juni stattfindet")
        b = max(b, tok.right_edge.idx + len(tok.right_edge.text))
    bare = not trig.by_actor and not _held_told(tok, trig) and not any(u.start <= c.start < u.end for c in claims) \
        and not any(
        a <= t.start < b and t.type == "DATE" and t.value and not t.value.endswith("_REF") for t in times)
    return bare or (trig.acled or "").endswith(CHEMICAL_WEAPON) and not (tok is not None and _somewhere(tok, by_token))


def _held_told(tok: Token | None, trig: Trigger) -> bool:
    """An arrest or an expulsion told by whom it was done to or who did it: the verb's subject, object or passive
    subject is a noun of people ("Die Männer seien festgenommen worden" - the parse reads the passive's "sein" as the
    auxiliary of an active participle -, "nahm den Wirt fest", "Polizisten nahmen ... fest"), as a figure would tell
    it ("drei Männer"): an event even where no place, day or name is told; not "Wer ..., wird festgenommen", nor people
    in general - a bare plural or "mehr" ("Die Polizei nimmt Demonstranten regelmäßig fest", "will mehr Flüchtlinge
    abschieben")."""
    from .measures import classify_counted

    if tok is None or trig.type != "COERCE" or trig.mode not in ("arrest", "expel") or trig.nominal:
        return False
    return any(c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.pos_ == "NOUN" and classify_counted(c.text)[1] == "person"
               and _some_people(c) for c in tok.children)


def _some_people(noun: Token) -> bool:
    """The noun tells particular people: an article, a demonstrative or possessive, or a numeral before it ("die
    Männer", "einen Mann", "seine Söhne", "zwei Gäste") - not people in general ("Flüchtlinge", "mehr Flüchtlinge")."""
    return any((c.dep_ == "det" and c.morph.get("PronType", []) in (["Art"], ["Dem"]))
               or "Yes" in c.morph.get("Poss", []) or c.dep_ == "nummod" or c.like_num
               for c in noun.children if c.i < noun.i)


MEETINGS = ("CONSULT", "AGREE")          # events between sides, which a compound's modifier may name


def _or_compound_parties(actor: Mention | None, target: Mention | None, tok: Token | None, trig: Trigger,
                         mentions: list[Mention], art: str) -> tuple[Mention | None, Mention | None]:
    """The parties read so far, or where there are none those a meeting noun's compound names (`_compound_parties`)."""
    if actor is not None or target is not None or tok is None or trig.type not in MEETINGS or not trig.nominal:
        return actor, target
    return _compound_parties(tok, mentions, art)


_SIDES = words("side_nouns")                       # lang/de/side_nouns.txt: a side in talks or a dispute


def _side_subject(tok: Token | None, trig: Trigger, art: str) -> Mention | None:
    """The side a verb read by its object names as its subject where no name is its party: "Die Regierungsdelegation
    hat ihre Teilnahme ausgesetzt" (event_readings.tsv: talks or a part in them suspended) - the side by the noun of
    a body (side_nouns.txt, by its compound's head), as written. Only for a verb its reading makes an event of talks
    (by_actor), not any verb of a party type ("Die Regierung fordert ...": a name tells a demand's side)."""
    if tok is None or trig.nominal or not trig.by_actor or trig.type not in ("REJECT", "CONSULT", "AGREE"):
        return None
    if not _a_part_in_talks(tok):
        return None                                    # "ihre Teilnahme an dem Pilotprojekt": no side in talks
    side = next((c for c in _role_tokens(tok, "subject") if c.pos_ == "NOUN"
                 and headed_by(c.lemma_.lower(), _SIDES)), None)
    return Mention(art, -1, -1, side.text, "ORG") if side is not None else None


def _a_part_in_talks(verb: Token) -> bool:
    """What the verb suspends is talks or a part in them: an object whose own "an" phrase, where it has one, names
    talks, a conference or a summit (a CONSULT word of the trigger lexicon, or talks the verb's reading names: "ihre
    Teilnahme an der Friedenskonferenz"); not a part in a project or a contest ("ihre Teilnahme an dem
    Pilotprojekt"). An object with none is the talks' (talks told before: "Zwei Tage nach Beginn der Verhandlungen
    ... ihre weitere Teilnahme ausgesetzt"; "an den Gesprächen" the parse hangs on the verb)."""
    talks = tuple(s for r in verb_readings().get(_verb_lemma(verb), ()) if r.entry is not None
                  and r.entry.type in ("REJECT", "CONSULT", "AGREE") for s in r.stems)
    for part in _role_tokens(verb, "object"):
        what = [c for c in part.children if c.dep_ == "nmod" and _case(c) == "an"]
        if what and not any(getattr(trigger_lexicon().match(w.text, w.lemma_, w.pos_), "type", None) == "CONSULT"
                            or any(f.endswith(talks) for f in _word_forms(w)) for w in what):
            return False
    return True


def _compound_parties(tok: Token, mentions: list[Mention], art: str) -> tuple[Mention | None, Mention | None]:
    """(actor, target) a hyphenated meeting noun names in its modifier ("EU-Gipfel", "EU-Türkei-Gipfel",
    "Nato-Treffen", "USA-Russland-Gespräche"): each part before the head that the article names elsewhere as a
    state or an organisation (its mention there), a country's name or an organisation's short form
    (data/organisations_de.tsv: EU, Nato, UNO); the first two such parts."""
    from ..nlp.gazetteer import organisations
    from .entities import country_forms

    parts = tok.text.split("-")[:-1]
    found: list[Mention] = []
    for part in parts:
        m = next((m for m in mentions if m.text == part and m.label in ("ORG", "GPE")), None)
        if m is None and (form := country_forms().get(part)) is not None and form.kind == "name":
            m = _country_mention(form.iso, art)
        if m is None and part in organisations()[1]:
            m = Mention(art, -1, -1, part, "ORG")
        if m is not None and all(m.text != f.text for f in found):
            found.append(m)
    return (found[0] if found else None), (found[1] if len(found) > 1 else None)


def _present_ahead(doc: Doc, tok: Token, when: TimeValue) -> bool:
    """The present tense with a time of its own after the article's date is the future ("Am Samstag demonstrieren
    die Bauern", "Die Kundgebung beginnt am Samstag", "Die Gewerkschaft streikt ab Montag"): the trigger verb, or the
    verb a nominal trigger is the subject or object of, finite in the present and no perfect, or a present passive
    ("Das Lager wird am Samstag geräumt"); the day, month or year of the expression later than the publication
    date's (the same day is today's news). Where the article has no date, a time expression on that verb must point
    ahead by itself ("morgen", "am kommenden Montag"; `_points_ahead`): "am Freitag" may be today."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("nsubj", "obj", "nsubj:pass"):
        return False                                   # "vor der Wahl am Sonntag": told by _ahead, not here
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.pos_ not in ("VERB", "AUX") or not (_finite_present(verb) and not _preterite_form(verb)
                                                or _present_passive(verb)):
        return False
    dct = doc._.dct or ""
    if not dct:
        # the expressions on the verb itself ("wird morgen geräumt"), resolved or not
        texts = [t.text for t in doc._.times or () if t.type in ("DATE", "TIME") and (
            span := doc.char_span(t.start, t.end, alignment_mode="expand")) is not None and len(span)
            and (above := verb_above(span.root)) is not None and above.i == verb.i]
        return any(_points_ahead(x) and not _running(tok, x) for x in texts)
    value = when.value or ""
    if when.basis != "expression" or not re.match(r"\d{4}-\d\d-\d\d", dct) or \
            not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?(T.*)?", value):
        return False
    day = value.split("T", 1)[0]
    return day > dct[:len(day)] and not _running(tok, when.text or "")


def _plan_ahead(doc: Doc, when: TimeValue, tok: Token | None) -> TimeValue:
    """A planned event's month or date told by the month's name without a year ("kündigte für März Neuwahlen an",
    "soll am 3. März beginnen") lies ahead of the report: where the time tagger put it before the publication date
    (an announcing verb's preterite reads as the past) it is the next year's. A year in the expression keeps it, and
    so does a weekday or "gestern" (a day counted from the report's, not a month named), and a plan told as gone
    by (`_plan_gone_by`)."""
    if tok is not None and _plan_gone_by(tok):
        return when
    dct = doc._.dct or ""
    value, expression = when.value or "", when.text or ""
    m = re.fullmatch(r"(\d{4})(-\d\d(?:-\d\d)?)", value)
    if m is None or when.basis != "expression" or not re.match(r"\d{4}-\d\d-\d\d", dct) or \
            re.search(r"\d{4}", expression) or value >= dct[:len(value)]:
        return when
    if not any(w.lower().rstrip(".") in MONTH_NAMES for w in expression.split()):
        return when
    return replace(when, value=f"{int(m[1]) + 1}{m[2]}")


MONTH_NAMES = frozenset(months())                     # lang/de/months.tsv


def _plan_gone_by(tok: Token) -> bool:
    """The plan is told in the past of "sein" or "haben" on its verb ("die Wahl war für März geplant", "hatte für
    März einen Streik angekündigt"): a state or announcement before a past the report tells - its month is the one
    gone by, not the next year's ("kündigte für März an", the announcing verb's own preterite, is today's news)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(c.dep_ in ("aux", "cop") and c.lemma_ in ("sein", "haben") and "Past" in c.morph.get("Tense", [])
               for c in verb.children)


def _running(tok: Token, expression: str) -> bool:
    """"streiken noch bis Freitag", "seit Freitag": running now, not ahead."""
    words = set(expression.split())
    return any(c.dep_ == "case" and c.lower_ in ("seit", "bis") and c.head.text in words for c in tok.sent)


# the days a time expression of an undated article is resolved from: a whole week in each half of the year, so that
# a weekday or a date named alone ("am Freitag", "im Mai", "am 17. Oktober") is on or before one of them, and only
# what points ahead by itself is after all
ANCHOR_WEEK = tuple(f"2000-{m:02d}-{d:02d}" for m in (1, 7) for d in range(3, 10))
LATER_ANCHOR = "2003-07-09"            # the last day of that week three years on


@lru_cache(maxsize=1024)
def _points_ahead(expression: str) -> bool:
    """A time expression later than the day it is resolved from, whichever day of the week that is ("morgen",
    "übermorgen", "am kommenden Montag", "nächste Woche", "in den kommenden Tagen"; not "am Freitag", "heute",
    "im Mai"; the tagger's "in zwei Wochen" is a duration, not a day: not either)."""
    from .time import find_times

    if not expression.strip():
        return False
    for anchor in ANCHOR_WEEK:
        values = [t.value for t in find_times(expression, anchor) if t.type in ("DATE", "TIME") and t.value]
        if not values or not all(_later(v, anchor) for v in values):
            return False
    # relative to the day it is read from, not a date of its own ("Ende 2014", "am 3. Mai 2030")
    later = [t.value for t in find_times(expression, LATER_ANCHOR) if t.type in ("DATE", "TIME") and t.value]
    return set(values) == {"FUTURE_REF"} or values != later


def _later(value: str, anchor: str) -> bool:
    """A TIMEX3 value wholly after the anchor day: a later day, week, month or year ("FUTURE_REF" too)."""
    if value == "FUTURE_REF":
        return True
    day = dt.date.fromisoformat(anchor)
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        return (int(m[1]), int(m[2])) > tuple(day.isocalendar())[:2]
    if m := re.fullmatch(r"(\d{4}(?:-\d\d(?:-\d\d)?)?)(T.*)?", value):
        return m[1] > anchor[:len(m[1])]
    return False


def _announced(tok: Token) -> bool:
    """An announcing verb tells what it announces: an object noun or name ("kündigte neue Steuern an"; not "das",
    "es"), a zu-infinitive, a dass-clause or a quotation ("kündigte an, das Werk zu schließen"); a candidacy verb
    needs none."""
    if _verb_lemma(tok) not in ANNOUNCING:
        return True
    return any((c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") and not _negated(c)) or c.dep_ in ("xcomp", "ccomp")
               or (c.dep_ in ("dep", "parataxis") and c.pos_ in ("VERB", "AUX")) for c in tok.children)   # the parser's
    #                                                   "dep" for "..., das Gesetz ändern zu wollen", ": Wir werden"


def _negated(tok: Token) -> bool:
    """The trigger is negated: "nicht" on it or on its adverb ("wird nicht mehr kandidieren"), "kein" on a noun
    ("keine Kandidatur", "kündigte keine Maßnahmen an")."""
    return any("Neg" in c.morph.get("Polarity", []) or (c.dep_ == "det" and "Neg" in c.morph.get("PronType", [])) or (
        c.dep_ == "advmod" and any("Neg" in g.morph.get("Polarity", []) for g in c.children)) for c in tok.children)


NEGATIVE_PRONOUNS = _FUNCTION_WORDS["negative"]
CONTINUANCE = _FUNCTION_WORDS["continuance"]


def _denied_by_parse(tok: Token) -> bool:
    """A verb's event the clause says did not happen: "nicht" on the verb ("hat die Demonstranten nicht
    festgenommen", also corrected by "sondern": "nicht festgenommen, sondern heimgeschickt"; not a contrastive
    "nicht nur ..., sondern": it negates a part; "nicht mehr" and "nicht länger" right before the verb's words: "wurde
    nicht mehr gewählt", not "nicht mehr als zweimal"), or a negative pronoun or a noun with "kein" as its subject or
    object ("Niemand wurde festgenommen", "Keiner der Orte wurde evakuiert", "nahm keine Demonstranten fest")."""
    negs = [c for c in tok.children if "Neg" in c.morph.get("Polarity", [])]
    # "nicht mehr", "nicht länger" (no longer): the parser hangs "nicht" on the adverb
    negs += [g for c in tok.children if c.lower_ in CONTINUANCE for g in c.children
             if "Neg" in g.morph.get("Polarity", []) and g.i == c.i - 1]
    for neg in negs:
        # a sentence's "nicht" stands right before the verb's own words (its participle, particle, auxiliaries) or at
        # the clause's end; before another phrase it negates that phrase ("hat Homs nicht zum ersten Mal angegriffen",
        # and "nicht nur bombardiert, sondern auch belagert": "nur" stands between)
        cluster = {tok.i, *(c.i for c in tok.children if c.dep_ in ("aux", "aux:pass", "compound:prt"))}
        after = tok.doc[neg.i + 1] if neg.i + 1 < len(tok.doc) else None
        if after is not None and after.lower_ in CONTINUANCE and after.i + 1 < len(tok.doc):
            after = tok.doc[after.i + 1]               # "nicht mehr gewählt": no longer - the verb is negated
        if after is None or after.i in cluster or after.is_punct:
            return True
    for c in tok.children:
        pronoun = c.lower_ in NEGATIVE_PRONOUNS or c.lemma_.lower() in NEGATIVE_PRONOUNS
        # the parser may read a negative pronoun object as a bare oblique ("nahm niemanden fest")
        bare = c.dep_ == "obl" and not any(d.dep_ == "case" for d in c.children)
        if c.dep_ not in ("nsubj", "nsubj:pass", "obj") and not (pronoun and bare):
            continue
        if any(d.dep_ == "nummod" for d in c.children):
            continue                                   # "keine zwei Stunden später": less than a measure, no denial
        if pronoun or any(d.dep_ == "det" and (d.lower_ in NEGATIVE_PRONOUNS or "Neg" in d.morph.get("PronType", []))
                          for d in c.children):
            return True
    return False


def _event_time(doc: Doc, text: str, units, ui: int, clause: tuple[int, int], start: int, trig: Trigger, status: str,
                reference: bool, tok: Token | None) -> TimeValue:
    """When: a reference takes the report's date; else the clause's time (`_time`), less the time of what an
    announcement announces, a bare time of day dating only the report's own event (not one in the pluperfect)."""
    if reference and tok is not None and (_case(tok) or "") in LOOKBACK_CASES:
        # not the clause's date, nor the report's: its own (the tagger reads a month without a year as the last one,
        # right only for an event that came before: "bis zu den Wahlen im November" may be ahead)
        return _phrase_time(doc, tok) or TimeValue(None, "unknown", None, None)
    if reference:                                      # not the clause's date: the report's, if any
        return default_time(doc, units[ui].start) or TimeValue(None, "unknown", None, None)
    times_here = list(doc._.times or ())
    if tok is not None and trig.type == "ANNOUNCE" and not trig.nominal:
        times_here = [t for t in times_here if not _announced_time(doc, tok, t)]
    return _time(doc, text, units, ui, clause[0], clause[1], start, times_here, status, trig.type,
                 own=not (tok is not None and _pluperfect(tok)))


def _phrase_time(doc: Doc, tok: Token | None) -> TimeValue | None:
    """The day an event named as what came before ("nach der Wahl im Jänner", "seit den Anschlägen vom 13. November")
    is told on in its own noun phrase - a time expression inside the noun's subtree of the parse. Such an event came
    before the clause's and before the report: neither the clause's day nor the publication date is its own."""
    if tok is None:
        return None
    span = tok.subtree
    lo, hi = (t := list(span))[0].idx, t[-1].idx + len(t[-1])
    own = [d for x in doc._.times or () if tok.idx < x.start and lo <= x.start and x.end <= hi
           and _dates_noun(doc, x, tok) and (d := _day_of(x)) is not None and d.value
           and not d.value.endswith("_REF")]
    if not own:
        return None
    x = min(own, key=lambda x: x.start)
    return TimeValue(x.value, x.precision, x.text, "expression", x.mod)


def _dates_noun(doc: Doc, x: TimeExpression, tok: Token) -> bool:
    """The time expression hangs on the noun itself ("der Streik im Juni 2019"), through a name ("der Anschlag in
    Paris vom 13. November") or its relative clause ("der Anschlag, bei dem am 4. Februar ... starben") - not on
    another common noun inside its phrase, whose day it is ("die Proteste gegen die Wahl vom 3. März")."""
    span = doc.char_span(x.start, x.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    while head.i != tok.i and head.head.i != head.i:
        if head.pos_ == "NOUN":
            return False
        head = head.head
    return head.i == tok.i


def _announcement(tok: Token | None, trig: Trigger, actor: Mention | None, arc_actor: Mention | None) -> bool:
    """News is full of announcing: only a named actor's act; a candidacy's holder as the parse names it ("Die
    Senatorin hat sich die Kandidatur gesichert"; not a word window's name or the sentence's speaker: "brachte dem
    Chor eine Nominierung zum Musikpreis", "Jungpolitiker, die ... kandidieren"), an announcement with what it
    announces ("kündigte an, ... zu schließen"), and not ruled out ("wird nicht mehr kandidieren")."""
    if actor is None or actor.label not in ACTOR_LABELS:
        return False
    if tok is None:
        return True
    if (trig.nominal or trig.mode == "candidacy") and arc_actor is None:
        return False
    return (trig.nominal or _announced(tok)) and not _negated(tok)


CONTENT_DEPS = ("obj", "xcomp", "ccomp", "dep", "parataxis")


def _announced_time(doc: Doc, verb: Token, t: TimeExpression) -> bool:
    """A time of what is announced, not of the announcing: inside the announced object or clause, or a "für" phrase
    ("kündigte eine Pressekonferenz für den 3. Mai an", "kündigte für Ende 2026 den Bau ... an")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.i != verb.i and node.head.i != node.i:
        if any(c.dep_ == "case" and c.lower_ == "für" for c in node.children):
            return True
        if node.head.i == verb.i:
            return node.dep_ in CONTENT_DEPS
        node = node.head
    return False


def _announcing_status(verb: Token) -> str:
    """An announcing verb is ahead only by its own auxiliary ("will am Montag ankündigen", "wird ... bekanntgeben");
    the future the clause's words tell ("angekündigt", "will ... schließen") is what it announces, already said."""
    own = [c for c in verb.children if c.dep_ == "aux" and c.lemma_.lower() in ("wollen", "sollen")
           and "Sub" not in c.morph.get("Mood", [])]
    return "planned" if own or _werden_future(verb) else "reported"


# ANNOUNCE verbs that need what they announce (kandidieren needs none)
ANNOUNCING = ("ankündigen",)
# standing is declared: "wird kandidieren" tells a candidacy there is (a jury that "soll im Herbst einen Sieger
# nominieren" has not yet)
DECLARED = ("kandidieren",)


SCHEDULED = ("VOTE", "GATHER")                     # held on a set day: "für die Wahl am 24. April"
HAPPENINGS = ("ASSAULT", "DISASTER", "ACCIDENT", "DISPLACE")   # no one sets their day ahead
AFTER_CASES = REFERENCE_CASES - {"vor", "bis"}      # "nach dem Anschlag", "wegen der Flut": it came first


def _conditional(tok: Token) -> bool:
    """The clause of `tok` is a conditional: its verb has "werden" in the Konjunktiv II as auxiliary ("würde ...
    destabilisieren")."""
    verb = verb_above(tok)
    reading = werden_reading(verb) if verb is not None else None
    return reading is not None and reading.conditional


def _parsed_status(tok: Token, trig: Trigger, status: str) -> str:
    """The status the regular expressions of `_status` read off the clause, corrected by the parse:

    - a verb with "nicht" on it, or with a negative pronoun or a "kein" noun as its subject or object, did not
      happen: denied (`_denied_by_parse`: "Niemand wurde festgenommen");
    - a clause's modal belongs to its own verb: an event named with a definite or demonstrative
      article in a phrase of it (an attack, disaster, accident or flight also as its subject or object: "Das
      Unglück könnte die Saison beenden") is given ("dass seine Stimme bei dieser Wahl den Ausschlag geben
      könnte": the vote is no hypothesis; "bei einer Wahl könnte" stays one);
    - an attack, disaster, accident or flight the clause is set after or caused by ("nach dem Anschlag
      will die Regierung ...", "wegen der Überschwemmungen könnte ...") has happened;
    - future tense, "werden" with an infinitive ("Sie wird bei der Wahl im Mai kandidieren"), and for
      votes and gatherings a present-tense verb of taking place ("Am 22. Mai findet die Stichwahl
      statt", `lang/de/event_status.tsv` "scheduled") are still ahead; so is an event after "vor"/"bis"
      in a present-tense clause (`_ahead`)."""
    case = _case(tok)
    if not trig.nominal and status == "reported" and _denied_by_parse(tok):
        return "denied"                                # "Niemand wurde festgenommen", "hat ... nicht gestürmt"
    if status == "hypothetical" and _only_other_nouns_possible(tok):
        return "reported"
    background = background_status(tok, trig.nominal)
    if background is not None and status != "denied":
        return background                              # "als bei der Wahl am ...", "jährlich", "stationiert sind"
    if not trig.nominal and _intended(tok):
        return "planned"                               # "hat angekündigt, das Geschäft abzuziehen"
    if trig.nominal and status in ("reported", "planned") and _expected(tok):
        return "planned"                               # "Meteorologen erwarten Überschwemmungen": a forecast
    if not trig.nominal and trig.word in DECLARED and status == "planned":
        # "Sie wird bei der Wahl kandidieren", "Er will für das Amt kandidieren": a candidacy is declared - the
        # vote is ahead, the candidacy told is there ("könnte kandidieren" stays a hypothesis)
        return "reported"
    if status in ("reported", "planned") and _generic(tok, status):
        return "hypothetical"                          # "Bei Flüchtlingen, die ..., wird eine Abschiebung veranlasst"
    # a happening the modal clause is about, as its subject or object ("Der Angriff könnte die Gespräche gefährden")
    # - but not in a conditional with "würde" ("Der Angriff würde die Region destabilisieren": the whole clause,
    # the attack included, is supposed; review rv35); and an act of saying the modal verb takes as its object: "dass
    # er die Kandidatur nicht unterstützen würde" supposes the support, the candidacy named with "die" is there, said
    # (not the object of a verb of fearing: "befürchtet die Festnahme" is what is feared) - a meeting, vote or rally
    # is held on a day, and one "würde" calls off ("würde das Treffen absagen") has not been
    argument = trig.type in HAPPENINGS and tok.dep_ in ("nsubj", "obj") and not _conditional(tok) or \
        trig.type in SAYING and tok.dep_ == "obj" and _conditional(tok)
    if trig.nominal and status in ("planned", "hypothetical") and (case is not None or argument):
        given = _named_as_known(tok)
        if (status == "hypothetical" and given) or (trig.type in HAPPENINGS and case in AFTER_CASES):
            return "reported"
        if case in AFTER_CASES and _past_clause(tok):
            return "reported"                          # "hatte nach der Wahl Neuwahlen angekündigt": the vote was
    if status != "reported":
        return status
    verb = verb_above(tok)
    reading = _werden_of(tok)
    if reading is not None and reading.future and trig.word not in DECLARED:
        # one reading of "werden" (extract/werden.py): "wird ... kandidieren", "werde ... angreifen", "wird ... einen
        # Obmann wählen" (the parser's aux:pass); not "wird ... getötet", "werden täglich ... überfallen" (passives)
        return "planned"
    if trig.nominal and trig.type in SCHEDULED and verb is not None and tok.head.i == verb.i and \
            _verb_lemma(verb) in status_words().get("scheduled", frozenset()) and _finite_present(verb):
        return "planned"
    if not trig.nominal and trig.type in SCHEDULED and _finite_present(tok) and \
            not _preterite_form(tok, trig.word) and any(c.dep_ in ("nsubj", "obj", "obl") for c in tok.children):
        return "planned"                               # "Im Mai wählen die Bürger einen neuen Stadtrat"
    if trig.nominal and _ahead(tok, trig):
        return "planned"                               # "eine Woche vor der Wahl liegen ... vorn": still ahead
    if trig.nominal and any(c.dep_ == "acl:relcl" and c.pos_ in ("VERB", "AUX") and (r := werden_reading(c))
                            is not None and r.future for c in tok.children):
        return "planned"                               # its own relative clause's future: "die Abstimmung, die
        #                                                vom 19. bis 24. Juni stattfinden wird"
    return status


def _expected(tok: Token) -> bool:
    """An event noun a verb of expectation has as its object or passive subject, or in its phrase with the verb's
    preposition (`event_status.tsv` expectation: "Meteorologen erwarten schwere Überschwemmungen", "Ein Hurrikan
    wird erwartet", "Der Wetterdienst warnt vor einem Orkan", "kündigte Neuwahlen an"): foreseen, still ahead."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head                                     # "erwarten Stürme und Überschwemmungen"
    if t.head.i == t.i:
        return False
    verb = verb_above(t.head)                          # the parse may hang "vor ..." on a noun ("am Montag vor")
    if verb is None:
        return False
    if _negated(verb):
        return False                                   # "rechnen nicht mit weiteren Protesten": nothing foreseen
    if _relative_past(tok):
        return False                                   # "hatten vor einem Beben gewarnt, das ... erschütterte"
    lemma = _verb_lemma(verb)
    expectation = status_words().get("expectation", frozenset())
    if _answered(verb, tok):
        return False                                   # "hatte zum Streik aufgerufen, Tausende folgten": it came
    if t.dep_ in ("obj", "nsubj:pass") and t.head.i == verb.i and lemma in expectation:
        return not _toll_taken(verb, t)
    case = _case(t)
    if case == "vor" and _temporal_vor(t, durations_only=True):
        return False                                   # "Zwei Tage vor der Wahl warnte er", "Kurz vor dem Anschlag
        #                                                hatte die Polizei gewarnt": when, not what was warned of
    # the preposition's lemma: "zum"/"zur" are "zu" ("rief zum Streik auf", "zur Kundgebung")
    preps = {c.lemma_.lower() for c in t.children if c.dep_ == "case"} | {case}
    return case is not None and t.dep_ in ("obl", "nmod") and any(f"{lemma}:{p}" in expectation for p in preps)


def _toll_taken(verb: Token, event: Token) -> bool:
    """The verb's other argument is a toll - the dead, the injured, lives ("Acht Tote forderte am Morgen ein
    Anschlag": the parse reads the fronted toll as the subject and the event as the object): the event took the toll,
    nobody demanded it (`fordern` of a toll, as in "Der Anschlag forderte 20 Tote"). Only where the verb agrees with
    the event and the toll is a count, not people the text names ("Die Verletzten forderten einen Streik", "Zwei
    Verletzte forderten einen Streik": the injured demand it)."""
    from .measures import classify_counted

    if verb.morph.get("Number", []) != event.morph.get("Number", []):
        return False                                   # the verb agrees with the toll: the people are its subject
    return any(c.i != event.i and c.dep_ in ("nsubj", "obj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN")
               and classify_counted(c.text)[1] == "casualty" and not _named_people(c) for c in verb.children)


def _named_people(noun: Token) -> bool:
    """The noun has a definite, demonstrative or possessive determiner: people the text names ("die Verletzten",
    "seine Opfer"), not a count ("Acht Tote")."""
    return any(c.dep_ == "det" and (_definite(c) or "Yes" in c.morph.get("Poss", [])) for c in noun.children)


def _answered(verb: Token, event: Token) -> bool:
    """A call or demand the text then tells was followed, in a clause joined to the calling verb or as the next
    sentence's main verb, in the indicative past (`event_status.tsv` answered: "hatte zum Streik aufgerufen,
    Tausende folgten", "Die Partei rief zu einer Kundgebung auf. Rund 2.000 Menschen nahmen teil"): the event
    called for took place. Not a following still ahead ("... , Tausende wollen folgen", "werden teilnehmen"), not
    one after a warning or a fear (event_status.tsv call: only a call or demand is followed), not one that takes up
    something else (`_takes_up`: "Die Polizei folgte den Demonstranten", "Danach folgte eine Pressekonferenz")."""
    call = _verb_lemma(verb)
    if call not in status_words().get("call", frozenset()):
        return False
    answering = status_words().get("answered", frozenset())
    doc = verb.doc
    joined = [c for c in verb.children if c.dep_ in ("conj", "dep", "parataxis") and c.i > verb.i]
    sent = verb.sent
    following = [doc[sent.end].sent.root] if sent.end < len(doc) else []
    return any(_verb_lemma(v) in answering and _told_past(v) and not _negated(v) and _takes_up(v, call, event)
               for v in joined + following)


def _takes_up(v: Token, call: str, event: Token) -> bool:
    """Every noun or pronoun the verb of following governs (its subject, objects, prepositional phrases; the parse
    swaps subject and object: "Dem Aufruf folgten nur wenige") is one of: people ("Tausende", "800 Beschäftigte",
    "nur wenige"), the call by its noun ("dem Aufruf", "dem Streikaufruf", "der Forderung"), the event called for
    ("nahmen an dem Streik teil"), a reflexive ("beteiligten sich"), a time or a place - not what follows something
    else ("Die Polizei folgte den Demonstranten", "Danach folgte eine Pressekonferenz", "nahm an einem Treffen
    teil")."""
    from .measures import classify_counted

    stem = call[:-2] if call.endswith("en") else call[:-1]     # aufrufen -> "aufruf", fordern -> "forder"
    vague = tuple(r[0] for r in rows("vague_plurals"))          # "Tausende", "Hunderte"

    def fits(c: Token) -> bool:
        lemma = c.lemma_.lower()
        return stem in lemma or lemma == event.lemma_.lower() or c.tag_ == "PRF" or c.tag_ == "PIS" or \
            _in_time(c) or c.ent_type_ == "LOC" or place_type(c.text) is not None or lemma.endswith(vague) or \
            c.pos_ in ("NOUN", "PROPN") and classify_counted(c.text)[1] == "person"
    args = [c for c in v.children if c.dep_ in ("nsubj", "obj", "iobj", "obl", "obl:arg", "expl")
            and c.pos_ in ("NOUN", "PROPN", "PRON") and c.lower_ != "es"]
    # people follow, once: two people among the arguments is one following another ("Polizisten folgten den
    # Männern", review session 25)
    people = [c for c in args if c.pos_ in ("NOUN", "PROPN") and classify_counted(c.text)[1] == "person"
              and stem not in c.lemma_.lower()]
    return len(people) <= 1 and all(fits(c) for c in args)


def _told_past(verb: Token) -> bool:
    """The verb is an indicative preterite ("folgten", "nahmen ... teil") or a present perfect ("sind gefolgt",
    "haben teilgenommen") - no modal, no "werden" on it."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if any(c.lemma_.lower() in MODALS or c.lemma_.lower() == "werden" for c in aux):
        return False
    if not aux:
        return "Past" in verb.morph.get("Tense", []) and "Sub" not in verb.morph.get("Mood", []) or \
            verb.tag_.endswith("FIN") and _preterite_form(verb)
    return verb.tag_.endswith("PP") and all(c.lemma_.lower() in ("haben", "sein") for c in aux)


def _relative_past(tok: Token) -> bool:
    """A relative clause on the event noun tells it in the indicative past ("Die Behörden hatten vor einem Beben
    gewarnt, das am Sonntag die Region erschütterte", "..., die in der Nacht über das Tal gekommen war"): what was
    foreseen has come. The parser may hang the clause on the main verb: a relative pronoun of the noun's number right
    after the noun's phrase and a comma ties it to the noun, also past the clause's final verbs (the
    relative clause moved behind them: "hatten vor einem Beben gewarnt, das ...")."""
    end = max(t.i for t in tok.subtree)
    doc = tok.doc
    while end + 1 < len(doc) and doc[end + 1].pos_ in ("VERB", "AUX") or \
            end + 1 < len(doc) and doc[end + 1].dep_ == "compound:prt":
        end += 1                                       # the main clause's verbs at its end
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return False
    rel = doc[end + 2]
    if "Rel" not in rel.morph.get("PronType", []) or rel.head is rel or rel.head.i <= rel.i:
        return False
    number, own = rel.morph.get("Number", []), tok.morph.get("Number", [])
    if number and own and number != own:
        return False                                   # the pronoun refers to another noun (the tagger's gender errs)
    verb = rel.head
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass"))]
    if any("Sub" in v.morph.get("Mood", []) for v in finite):
        return False                                   # "das ... hätte treffen können": not what came
    past = any("Past" in v.morph.get("Tense", []) and "Part" not in v.morph.get("VerbForm", []) and
               v.tag_.endswith("FIN") for v in finite)
    perfect = verb.tag_ == "VVPP" and any(c.dep_ == "aux" and c.lemma_.lower() in ("haben", "sein")
                                          for c in verb.children)
    return past or perfect


def _intended(tok: Token) -> bool:
    """A verb in the zu-infinitive of a verb of intention (`event_status.tsv` intention: "Die Bank hat angekündigt,
    das Geschäft abzuziehen und die Filialen zu verkaufen"): what is planned, not what happened. Not an "um ... zu"
    purpose: news tells the aim of an act mostly as achieved ("suchten Häuser ab, um sie zu evakuieren"; session 35,
    tried and dropped)."""
    if "Inf" not in tok.morph.get("VerbForm", []) and not any(c.lower_ == "zu" for c in tok.children) \
            and "zu" not in tok.lower_[1:-3]:
        return False
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head                                     # "... abzuziehen und ... zu verkaufen oder ... zurückzufahren"
    if t.dep_ not in ("xcomp", "ccomp", "advcl", "obj", "acl") or t.head is t:
        return False
    intention = status_words().get("intention", frozenset())
    return _verb_lemma(t.head) in intention or t.head.lemma_.lower() in intention


def _generic(tok: Token, status: str = "reported") -> bool:
    """A rule, not an occurrence: the event's verb in a conditional clause in the present tense ("wenn ... abgeschoben
    werden"; a verb-first condition, "Sollte ... verkauft werden, ..."), or a present passive with "bei" and a noun
    a relative clause restricts and no date in the sentence ("Bei Flüchtlingen, die weiterreisen wollen, werde eine
    Rückabschiebung veranlasst")."""
    verb = verb_above(tok)
    if verb is None:
        return False
    conditional = status_words().get("conditional", frozenset())
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    finite = auxes or [verb]
    present = bool(finite) and not any("Past" in t.morph.get("Tense", []) for t in finite)
    # a "wenn" clause under a future ("wird erst stattfinden, wenn Kerry eintrifft") tells when, not whether; under
    # the conditional "würde" ("würde den Besuch absagen, wenn ...") it is the condition
    above = werden_reading(verb.head)
    future = above is not None and above.future
    if status == "reported" and (present and not future and any(_conditional_mark(c, conditional)
                                                                for c in verb.children) or _verb_first_condition(verb)):
        return True                                    # "wenn sie abgeschoben werden", "Sollte X verkauft werden, ..."
    if present and status == "reported" and _trigger_type(tok) not in SPEECH and any(
            c.dep_ == "advcl" and any(_conditional_mark(g, conditional) for g in c.children) for c in verb.children):
        return True                                    # "Wenn ..., droht ihnen die Abschiebung": a rule
    # a participle with "werden" in the present: "werde ... veranlasst" (the parser may label it aux, not aux:pass)
    passive = _present_passive(verb)
    dated = any(tok.sent.start_char <= t.start < tok.sent.end_char and t.type == "DATE" and t.value
                and not t.value.endswith("_REF") for t in tok.doc._.times or ())
    return passive and not dated and any(
        c.dep_ in ("obl", "advmod") and _case(c) == "bei" and any(g.dep_ in ("acl", "acl:relcl") for g in c.children)
        for c in verb.children)


def _verb_first_condition(verb: Token) -> bool:
    """A condition told by its finite verb first, in a clause another depends on ("Sollte das Geschäft verkauft
    werden, haben die Mitarbeiter wenig Chancen"; "Sollte die Stadt nicht verkaufen, werde ..."): no subordinator,
    the clause's first word its finite verb or auxiliary."""
    if verb.dep_ not in ("advcl", "ccomp") or any(c.dep_ == "mark" for c in verb.children):
        return False
    first = next((t for t in verb.subtree if not t.is_punct), None)
    return first is not None and first.pos_ in ("AUX", "VERB") and bool(first.morph.get("Mood", [])) and \
        first.i < verb.i and first.i < verb.head.i


def _conditional_mark(c: Token, conditional: frozenset[str]) -> bool:
    """A subordinator of a condition, not of a concession ("auch wenn", "selbst wenn")."""
    return c.dep_ == "mark" and c.lower_ in conditional and not (
        c.i > 0 and c.doc[c.i - 1].lower_ in ("auch", "selbst", "sogar"))


def _trigger_type(tok: Token) -> str | None:
    e = trigger_lexicon().match(tok.text, tok.lemma_, tok.pos_)
    return e.type if e is not None else None


def _only_other_nouns_possible(tok: Token) -> bool:
    """The sentence's only cues of a hypothesis are adjectives of other nouns ("nahm einen möglichen Komplizen
    fest": the accomplice is possible, the arrest is not); "ein möglicher Anschlag" stays a hypothesis."""
    cues = [t for t in tok.sent if HYPOTHETICAL.fullmatch(t.text) or t.lower_.startswith("droh")]
    return bool(cues) and all(t.dep_ == "amod" and t.head.i != tok.i for t in cues)


def _verb_lemma(verb: Token) -> str:
    """A verb's lemma with its separable particle ("findet ... statt" -> stattfinden)."""
    prt = _particle(verb)
    return (prt.lower_ if prt is not None else "") + verb.lemma_.lower()


def _ahead(tok: Token, trig: Trigger) -> bool:
    """An event named as still ahead: after "vor"/"bis" (for votes and gatherings also "für") in a
    present-tense clause, or hanging on a noun of prospect ("Chancen auf die Stichwahl")."""
    case = _case(tok)
    prospect = status_words()["prospect"]
    if tok.head is not tok and (tok.head.lemma_.lower() in prospect or case in ("auf", "in") and any(
            c.dep_ == "obj" and c.lemma_.lower() in prospect for c in tok.head.children)):
        return True                                    # the parse may hang "auf die Stichwahl" on the verb
    if case == "vor" and not _temporal_vor(tok):
        return False                                   # "fliehen vor dem Hochwasser": from it, not before it
    if case == "vor" and _present_perfect(tok.head):
        return True                                    # "Zwei Wochen vor der Wahl ist der Minister zurückgetreten"
    return (case in ("vor", "bis") or (case == "für" and trig.type in SCHEDULED)) and _finite_present(tok.head)


SPAN_MONTHS = {"Y": 12, "DE": 120, "CE": 1200, "M": 1}     # a TIMEX3 duration's unit in months


def _long_after(tok: Token) -> bool:
    """An event noun the clause is set a year or more after ("Drei Jahre nach dem Amoklauf ist der Täter verurteilt
    worden", "Zwei Jahrzehnte nach dem Krieg"): a span of time (TIMEX3 DURATION) right before its "nach" measures how
    long before the clause's own time it happened - history the report names, not the story's event (as a date a year
    or more back is, event_background.HISTORY_MONTHS); "Zwei Tage nach dem Anschlag" is the story's own."""
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    if case is None or case.lower_ != "nach" or case.i == 0:
        return False
    for t in case.doc._.times or ():
        m = re.fullmatch(r"P(\d+)(Y|DE|CE|M)", t.value or "") if t.type == "DURATION" else None
        if m and t.end <= case.idx and case.idx - t.end <= 2 and int(m.group(1)) * SPAN_MONTHS[m.group(2)] >= \
                HISTORY_MONTHS:
            return True
    return False


def _temporal_vor(tok: Token, durations_only: bool = False) -> bool:
    """'eine Woche vor der Wahl', 'kurz vor der Wahl': "vor" measured in time (a span or a word of
    nearness before it, lang/de/event_status.tsv "before"), not "fliehen vor", "warnen vor". With `durations_only`
    a day before it does not count ("warnten am Montag vor Überschwemmungen": the day of the warning)."""
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    if case is None or case.i == 0:
        return False
    prev = case.doc[case.i - 1]
    spans = [t for t in case.doc._.times or () if t.end <= case.idx and case.idx - t.end <= 2
             and (not durations_only or t.type == "DURATION")]
    return bool(spans) or prev.lower_ in status_words().get("before", frozenset())


def _past_clause(tok: Token) -> bool:
    """The verb a phrase hangs on tells the past: a finite preterite ("kündigte ... an"), a past auxiliary ("hatte
    ... angekündigt", "wurde ... gewählt") or the present perfect ("hat ... angekündigt")."""
    verb = verb_above(tok)
    if verb is None or verb.lemma_.lower() in MODALS or any(c.lemma_.lower() in MODALS for c in verb.children
                                                             if c.dep_ == "aux"):
        return False                                   # "wollte nach seinem Besuch weiterreisen": a plan of the past
    if "Past" in verb.morph.get("Tense", []) and "Ind" in verb.morph.get("Mood", []):
        return True
    return _present_perfect(tok) or any(c.dep_ in ("aux", "aux:pass") and "Past" in c.morph.get("Tense", [])
                                        and "Ind" in c.morph.get("Mood", []) for c in verb.children)


MODALS = frozenset({"wollen", "sollen", "müssen", "können", "dürfen", "mögen"})


def _present_perfect(tok: Token) -> bool:
    """The verb a phrase hangs on is in the present perfect, the tense news tells the news in ("hat ...
    gestürmt", "ist ... geflohen"), not the pluperfect of what came before it ("hatte ... erreicht")."""
    verb = verb_above(tok)
    if verb is None or "Fin" in verb.morph.get("VerbForm", []):
        return False
    aux = [c for c in verb.children if c.dep_ == "aux" and c.lemma_.lower() in ("haben", "sein")]
    return bool(aux) and all("Pres" in c.morph.get("Tense", []) for c in aux)


def _preterite_form(verb: Token, lemma: str | None = None) -> bool:
    """A preterite by its form, where the morphology says present ("wählten"): the stem of its lemma and a weak
    ending, or the preterite stem of a strong verb (lang/de/strong_verbs.tsv)."""
    low, lemma = verb.lower_, (lemma or verb.lemma_).lower()
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    if low.startswith(stem) and low[len(stem):] in ("te", "test", "ten", "tet", "ete", "etest", "eten", "etet"):
        return True
    strong = strong_verbs().get(lemma)
    return strong is not None and low.startswith(strong[0]) and not low.startswith(stem)


def _finite_present(tok: Token) -> bool:
    """The verb a phrase hangs on (tok or its nearest verb above) is in the present tense and no perfect
    ("liegen", not "hat ... gesagt", "hatte ... erreicht")."""
    verb = verb_above(tok)
    if verb is None or "Pres" not in verb.morph.get("Tense", []) or _preterite_form(verb):
        return False
    # a participle heading a clause of its own ("findet am 3. Oktober statt, danach wird ... bestimmt") is no perfect
    # of this verb
    return not any(c.dep_ == "aux" or "Part" in c.morph.get("VerbForm", []) for c in verb.children
                   if c.pos_ in ("VERB", "AUX") and c.dep_ not in PARTICIPLE_CLAUSE_ARCS) \
        and "Part" not in verb.morph.get("VerbForm", [])


# the arcs under which a participle heads a clause of its own, not this verb's perfect: narrower than
# `werden.OWN_CLAUSES` (an xcomp/list/appos participle under a present verb is still read as its perfect here)
PARTICIPLE_CLAUSE_ARCS = ("ccomp", "conj", "advcl", "parataxis", "acl", "acl:relcl", "csubj")


def _parties(doc: Doc, text: str, units, ui: int, clause: tuple[int, int], start: int, end: int, trig: Trigger,
             mentions: list[Mention], masks, embedded: bool, arc_actor: Mention | None,
             arc_target: Mention | None) -> tuple[Mention | None, Mention | None]:
    """(actor, target): the parse's first, then the clause's words, then the sentence's speaker."""
    u = units[ui]
    a, b = clause
    actor, target = _participants(doc, text, a, b, start, end, trig, mentions, masks)
    if embedded:
        actor, target = arc_actor, arc_target
    actor, target = arc_actor or actor, arc_target or target
    if actor is not None and target is not None and (actor is target or _same_party(actor, target)):
        target = arc_target if arc_target is not None and not _same_party(actor, arc_target) else None
    if actor is None and not embedded:
        # "wies der Generalstab ... zurück": the one who speaks in the clause is its actor
        actor, t2 = _participants(doc, text, a, b, start, end, trig, mentions, masks, use_masked=True)
        actor, target = _speaker_acts(actor, trig), target or t2
    if actor is None and (a, b) != (u.start, u.end) and not embedded and not SUBORDINATE.match(text, a):
        # outside the clause: the sentence's subject ("Kim Jong-un hat zugesagt, ... zu entsenden"); a clause
        # of its own ("..., dass deren Angriffe ...") has its own subject
        actor2, target2 = _participants(doc, text, u.start, a, start, end, trig, mentions, masks)
        actor, target = actor2, target or target2
    if actor is None and not embedded:
        # "Russland meldet Rückeroberung ...", "teilte das Verteidigungsministerium mit": the speaker acted
        actor, t2 = _participants(doc, text, u.start, u.end, start, end, trig, mentions, masks, use_masked=True)
        actor, target = _speaker_acts(actor, trig), target or t2
    if actor is None and target is None:
        pair = _both_sides(doc, text, units, ui, mentions)
        if pair:
            actor, target = pair
    if arc_actor is None and arc_target is not None and actor is not None and _same_party(actor, arc_target) \
            and _passive_subject(doc, arc_target):
        actor, target = None, arc_target                # the parse's victim is no word window's attacker
    return actor, target


def _passive_subject(doc: Doc, m: Mention) -> bool:
    """The mention is the subject (or, as the parser may read it, object) of a passive with "werden" ("wurde
    ein Israeli getötet"): one it happened to, not who did it."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.start >= 0 else None
    return span is not None and any(t.dep_ in ("nsubj", "nsubj:pass", "obj") and _werden_passive(t.head)
                                    for t in span)


SUBORDINATE = re.compile(r"[\s,]*(dass|weil|ob|wenn|als|nachdem|obwohl|während|da|deren|dessen|"
                         r"welche[rsnm]?)\b", re.IGNORECASE)
# concessions that are deeds, not words (PLOVER CONCEDE release, CAMEO 0831/0841): a prisoner set free, an office given
# up happened whoever is named ("Die Geiseln wurden freigelassen", "Der Verkehrsminister trat zurück"); an admission
# is an event only where a party says it
CONCEDED_ACTS = ("release", "resign")
SPEECH = ("DEMAND", "REJECT", "CONCEDE", "THREATEN", "ACCUSE", "AGREE", "CONSULT", "SANCTION", "ANNOUNCE")
# acts of saying and legal actions: told in the report's preterite of now, dated by their own sentence only (a
# verdict's report tells the deed by the narrative's dates, not the verdict)
SAYING = ("DEMAND", "REJECT", "CONCEDE", "THREATEN", "ACCUSE", "ANNOUNCE")


def _speaker_acts(speaker: Mention | None, trig: Trigger) -> Mention | None:
    """The one who says it did it where saying is the act ("wies der Generalstab ... zurück") or a state or
    body reports its own deed ("Russland meldet die Rückeroberung"); a person who tells of an attack or
    an arrest ("Demirtaş warf der Regierung vor, dass deren Angriffe ...") did not do it."""
    if speaker is not None and speaker.label == "PER" and trig.type not in SPEECH:
        return None
    return speaker


def _event_place(doc: Doc, text: str, units, ui: int, clause: tuple[int, int], start: int, trig: Trigger,
                 mentions: list[Mention], arc_place: Mention | None, reference: bool,
                 target: Mention | None) -> Place | None:
    """Where: the parse's place, else a located place of the clause (or sentence), else the place named
    just before ("dort"), else for deployments the destination country."""
    u = units[ui]
    a, b = clause
    filed_from = arc_place is not None and colon_line(text, arc_place.start, arc_place.end)
    place = _mention_place(doc, arc_place) if arc_place is not None and not filed_from else None
    if place is not None and arc_place is not None and _on_dateline(doc, arc_place):
        place = replace(place, filed=True)            # the parse hangs a dateline's desk on the first clause's verb
    if place is not None and arc_place is not None:
        place = _across(doc, arc_place, place, mentions)
    if trig.type == "VOTE":
        return _vote_place(text, start, place or _compound_place(doc, text, start, mentions), mentions)
    if place is None and trig.type == "ACCUSE":
        place = _court_place(doc, mentions, u)         # "am Landgericht Darmstadt verurteilt"
    elif place is None and (trig.type, trig.mode) in COURT_PROCEEDINGS:
        # only a court of its own sentence or the one just before (where the proceeding's opening is told): a court
        # named after it or further back ("Erst im Mai hatte das Landgericht X eine Klage abgewiesen") judged something
        # else - unlike a trial, whose earlier and later sentences tell of the same court
        place = _court_place(doc, mentions, u, since=units[max(0, ui - 1)].start)
    if place is not None and place.lat is None:
        # a name the gazetteer lacks ("Konzerthalle Bataclan") only where the clause has no located place; a dateline's
        # town standing in the clause is where the report was filed, not a place the clause names ("Salzburg – ... am
        # Münchner Hauptbahnhof angekommen": the station, not the desk)
        located = _place(doc, text, a, b, a, b, mentions, start, _moves_from(trig))
        place = located if located is not None and not located.filed else place
    if not reference:
        place = place or _place(doc, text, a, b, u.start, u.end, mentions, start, _moves_from(trig))
    if place is None and re.search(r"\b(dort|das\s+Gebiet|die\s+Region|der\s+Region|die\s+Stadt|der\s+Stadt)\b",
                                    text[a:b]):
        place = _place(doc, text, units[max(0, ui - 2)].start, u.start, units[max(0, ui - 2)].start, u.start,
                       mentions, u.start, _moves_from(trig))  # "dort", "das Gebiet": the place named just before
    if place is None and trig.type in ("AID", "MOBILIZE") and target is not None:
        place = _country_place(target)                 # "nach Russland": the destination country
    if place is None and trig.type in NO_PARTIES:
        place = _compound_place(doc, text, start, mentions)   # "das Nepal-Beben": where the earthquake struck
    return place


def _compound_place(doc: Doc, text: str, start: int, mentions: list[Mention]) -> Place | None:
    """A vote, a disaster or an accident named by a hyphenated compound whose first part is a place ("die
    Wien-Wahl", "bei der Tirol-Wahl", "nach dem Nepal-Beben"): it is held or it struck there. Only for these types
    - talks or a deal named so ("Syrien-Gespräche", "Iran-Abkommen") are about the place, not held at it."""
    m = re.match(r"([A-ZÄÖÜ][\w]+)-[\w-]+", text[start:])
    return _named_place(doc, m.group(1), mentions) if m else None


def _named_place(doc: Doc, name: str, mentions: list[Mention]) -> Place | None:
    """The place a bare name stands for: the place the article's entities read that name as elsewhere ("Wien", an
    alternate name of the gazetteer's Vienna), else a country, else the gazetteer's region whose own name it is. Not
    a town the article does not name: a town's name is too often a common noun or a surname ("Zug-Unglück",
    "Merkel-Wahl")."""
    from ..geo import gazetteer

    named = next((p for x in mentions if x.text == name and x.label in ("LOC", "GPE")
                  and (p := _mention_place(doc, x)) is not None and p.lat is not None), None)
    if named is not None:
        return replace(named, filed=False)
    g = gazetteer()
    country = g.country_of(name)
    if country is not None:
        return Place(country.name, country.lat, country.lon, "country", country.iso)
    cands = [c for c in g.candidates(name) if c.primary and c.precision == "region"]
    if not cands:
        return None
    cand = max(cands, key=lambda c: c.population)
    return Place(name, cand.lat, cand.lon, cand.precision, cand.country or None)


# who acts in the trigger's clause, or where: a town's adjective on them is where they sit and act
ADJECTIVE_TOWN_DEPS = ("nsubj", "obl:agent")
# acts a body does away from its seat: an attack, a meeting, a deployment or a flight ("Die Moskauer Führung
# griff ... an": not in Moscow) - only a locative phrase's town is theirs
AWAY_TYPES = ("ASSAULT", "CONSULT") + MOVES


def _adjective_town(tok: Token, trig: Trigger, reference: bool, masks) -> Place | None:
    """A town's adjective (`measures.place_adjective`) on the event's own noun or on a body that acts in the
    trigger's clause or is where it is told ("die Grazer Gemeinderatswahl", "Die Kölner Polizei nahm zwei Männer
    fest", "vor dem Linzer Landgericht angeklagt"): a town's body acts in its town - the event's place where the
    clause names no other. Not on a person ("ein Wiener Tourist ist verunglückt": where he is from), nor on a
    passive's subject or an object (what is arrested or hit may come from anywhere), nor on a source that only
    reports it (`masks`), nor on who attacks, meets or moves (`AWAY_TYPES`). An event named as what came before
    ("nach der Kölner Silvesternacht") has only its own noun's. One town only: two adjectives name two places the
    event is not told at."""
    nouns = [tok] if trig.nominal else []
    verb = None if reference else tok if not trig.nominal else \
        tok.head if tok.dep_ in ("obl", "nsubj", "nsubj:pass", "obj") and tok.head is not tok else None
    if verb is not None:
        passive = _passive(verb) or _werden_passive(verb)
        # the parse may hang the subject on the auxiliary ("Die X Polizei hat ... festgenommen")
        heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass"))]
        at_home = trig.type not in AWAY_TYPES
        nouns += [c for h in heads for c in h.children if c is not tok and (
            (at_home and c.dep_ in ADJECTIVE_TOWN_DEPS and not (passive and c.dep_ == "nsubj")) or
            (c.dep_ in ("obl", "nmod") and (_case(c) or "") in LOC_CASES))]
    if _names_a_place(verb if verb is not None else tok):
        return None
    towns = {p.name: p for n in nouns if not _a_person(n) and not any(s <= n.idx < e for s, e, _ in masks)
             for a in n.children if a.dep_ == "amod" and (p := _town_of_adjective(a.text)) is not None}
    return next(iter(towns.values())) if len(towns) == 1 else None


def _names_a_place(head: Token) -> bool:
    """The clause (or noun phrase) under `head` names a place itself ("entlässt 1000 Mitarbeiter in Spanien", a
    place the place choice does not read for the event): a town's adjective then tells only a body's seat."""
    return any(t.ent_type_ in ("LOC", "GPE") for t in head.subtree)


def _a_person(noun: Token) -> bool:
    """A noun of people ("Tourist", "Bürger", `measures.classify`) or a person's name."""
    from .measures import classify

    return noun.ent_type_ == "PER" or classify(noun.lemma_ or noun.text)[1] == "person"


def _town_of_adjective(word: str) -> Place | None:
    """"Grazer" Graz, "Münchner" München: the town a place adjective is made of - of its readings the gazetteer has
    as a town, the largest town, by the reading that is the town's own name ("Dresdner" reads "Dresdn" too, an
    alternate form of the same Dresden)."""
    from ..geo import gazetteer
    from .measures import adjective_place_names, place_adjective

    if not place_adjective(word):
        return None
    towns = [(name, c) for name in adjective_place_names(word)
             for c in gazetteer().candidates(name) if c.precision == "city"]
    if not towns:
        return None
    name, town = max(towns, key=lambda t: (t[1].population, t[1].primary))
    return Place(name, town.lat, town.lon, "city", town.country or None)


COURTS = tuple(words("court_nouns"))               # lang/de/court_nouns.txt
# events a court opens besides legal actions: an insolvency proceeding is opened by a court ("am Landesgericht Linz ist
# das Sanierungsverfahren eröffnet worden"), which is where it is told to have happened, not the firm's seat
COURT_PROCEEDINGS = (("BUSINESS", "bankruptcy"),)


def _court_place(doc: Doc, mentions: list[Mention], u, since: int | None = None) -> Place | None:
    """Where a legal action is taken: the town of a court named in its sentence, else the court the text named last
    before it ("Nach sechs Verhandlungstagen am Landgericht Darmstadt ... Das Urteil ..."; a court named
    before that is an earlier instance's), else the first named after it ("Das Urteil fiel am Landgericht X"): a
    place in apposition to, or a PP or genitive on, a court noun (lang/de/court_nouns.txt), not the origin in a
    defendant's epithet ("der Bombenleger von X"). `since`: only a court named from there to the sentence's end."""
    by_token = _by_token(doc, mentions)
    before = None
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN") or not t.lower_.endswith(COURTS):
            continue
        if since is not None and not since <= t.idx < u.end:
            continue
        for c in t.children:
            if c.dep_ in NAME_PARTS + ("nmod",) and (m := _mention_of(c, by_token)) is not None and \
                    m.label in ("LOC", "GPE") and (place := _mention_place(doc, m)) is not None:
                if t.idx >= u.start:
                    return place if t.idx < u.end or before is None else before
                before = place
                break
    return before


def _dateline_place(doc: Doc, text: str, mentions: list[Mention], clause: tuple[int, int]) -> Place | None:
    """The place of the article's dateline ("Istanbul – Einen Tag nach ...", `dateline.dateline`), the default place
    of its events whose clause names none (a place in another clause of the sentence, "..., weil Migranten aus der
    Türkei ankommen", is not where it happened): a gazetteer place in the article's first lines (one place only:
    "Wien/Budapest –" says where two desks are, not where it happened; "Moskau:" heads an agency digest of news
    from anywhere, `_dateline`), or the place that opens the title followed by a colon ("Kairo: Zehn Flüchtlinge
    ... getötet", the dateline of the title)."""
    key = ("lagebild_events", "dateline")
    data: dict[Any, Any] = doc.user_data
    if key not in data:
        data[key] = (None, None)
        for line in (title_dateline(doc), dateline(doc)):
            if line is None or line.start > 800 or len(line.places) != 1:
                continue
            m = next((m for m in mentions if line.names(m.start, m.end) and m.label in ("LOC", "GPE") and
                      (m.ref or "").startswith(("geo:", "country:"))), None)
            if m is not None:
                place = _town(m) or _mention_place(doc, m)
                place = _capital_desk_country(doc, mentions, m, place)
                data[key] = (m, None if place is None or _told_elsewhere(doc, mentions, m, place) else place)
                break
    line, place = data[key]
    if any(clause[0] <= m.start < clause[1] and m.label in ("LOC", "GPE") and m is not line and not _origin(doc, m)
           and not _heading(doc, m) and not _whose(doc, m) and not _the_desks_country(m, place) for m in mentions):
        return None                                    # the clause names a place of its own; an origin or a
        #                                                direction ("in Richtung Grenze") is none, nor is a
        #                                                country's adjective or people ("Ägyptische Soldaten",
        #                                                "zwölf Mexikaner": whose, not where)
    return replace(place, filed=True) if place is not None else None


def _the_desks_country(m: Mention, place: Place | None) -> bool:
    """The mention names the country a capital's desk files for (`_capital_desk_country`): the clause names the
    default place itself ("die Polizei im Osten der Türkei"), no place of its own."""
    return place is not None and place.precision == "country" and m.ref == f"country:{place.country}"


# a clause's participants (its subject, object, passive agent; a dateline's parse may hang the subject on the town
# as flat or appos): a country's adjective on them tells whose, not where
PARTICIPANT_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "flat", "appos")


def _whose(doc: Doc, m: Mention) -> bool:
    """A country's people's name ("zwölf Mexikaner", "auf den Spanier", `country_forms`), or its adjective on a
    participant of the clause (`PARTICIPANT_DEPS`: "ägyptische Soldaten"): it tells whose forces or people, not where
    something happened. The adjective on a circumstance - a prepositional phrase's noun or a genitive ("unter ein
    chinesisches Gesetz", "Fonds eines deutschen Emissionshauses", "in der ukrainischen Hauptstadt") - says which
    country or place the clause is about, and the desk's town is no default there."""
    kind = _country_form_kind(m.text)
    if kind == "demonym":
        return True                                    # people, whatever their role ("trifft auf den Spanier")
    if kind != "adj":
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.start >= 0 else None
    if span is None or not len(span):
        return False
    noun = span.root
    while noun.pos_ == "ADJ" and noun.dep_ in ("amod", "conj") and noun.head is not noun:
        noun = noun.head                               # "neues chinesisches Gesetz": the adjectives' noun
    return noun.dep_ in PARTICIPANT_DEPS and (_case(noun) or "") not in LOC_CASES


def _capital_desk_country(doc: Doc, mentions: list[Mention], line: Mention, desk: Place | None) -> Place | None:
    """A capital's desk files its country's news: where the sentence its dateline opens names that country by its
    name ("Duschanbe – Die Polizei im Süden Tadschikistans ...", "Neu-Delhi – ... ein Angriff auf eine Luftwaffenbasis
    in Indien"), the report is about somewhere in the country, not about the capital, and the default place of its
    events is the country. A town's dateline that is no capital, or a lead that names the country only by its
    adjective or its people ("die indonesische Polizei": whose, `_whose`), keeps the town."""
    if desk is None or desk.precision != "city" or not desk.country or \
            _country_form_kind(line.text) not in ("capital", "seat"):
        return desk
    span = doc.char_span(line.start, line.end, alignment_mode="expand")
    if span is None:
        return desk
    lead = span[0].sent
    named = next((m for m in mentions if lead.start_char <= m.start < lead.end_char and m is not line
                  and m.ref == f"country:{desk.country}" and _town(m) is None
                  and _country_form_kind(m.text) == "name"), None)
    country = _country_place(named)
    return replace(country, filed=True) if country is not None else desk


DESK_KM = 25.0          # a town this far from the dateline's is another place (consolidate/events.py TOWN_KM)


def _told_elsewhere(doc: Doc, mentions: list[Mention], line: Mention, desk: Place) -> bool:
    """A dateline says where the desk sits, which is where its article's events happened only where the article is
    not about elsewhere: no default where the article names another town of the desk's country ("Berlin – ... der
    Anschlag in Villingen-Schwenningen": a capital's desk covers its country), nor where it never names the desk's
    country again while it names others twice or more ("Beirut – ... in Syrien ... im Irak")."""
    from collections import Counter

    from ..geo import distance_km

    votes: Counter[str] = Counter()
    for m in mentions:
        if m is line or m.label not in ("LOC", "GPE") or not m.country:
            continue
        votes[m.country] += 1
        p = _mention_place(doc, m) if (m.ref or "").startswith("geo:") and m.country == desk.country else None
        if p is not None and p.precision == desk.precision == "city" and p.name not in desk.name and \
                desk.name not in p.name and p.lat is not None and p.lon is not None and desk.lat is not None and \
                desk.lon is not None and distance_km((p.lat, p.lon), (desk.lat, desk.lon)) > DESK_KM:
            return True
    return votes.get(desk.country or "", 0) == 0 and sum(votes.values()) >= 2


def _town(m: Mention) -> Place | None:
    """A capital read as its state ("Wien" -> country:AT, as in "die Regierung in Wien") is, in a dateline, the town."""
    from ..geo import gazetteer

    if not (m.ref or "").startswith("country:"):
        return None
    iso = (m.ref or "").split(":", 1)[1]
    town = next((c for c in gazetteer().candidates(m.text) if c.precision == "city" and c.country == iso), None)
    return Place(m.text, town.lat, town.lon, "city", iso) if town is not None else None


def _local_vote(doc: Doc, text: str, start: int) -> bool:
    """A vote of a town's body by its name ("Gemeinderatswahl", "Bürgermeisterwahl", `lang/de/vote_scopes.tsv`
    city): held in a town, and a town's desk ("Graz – ... nach der Gemeinderatswahl") reports its own town's vote -
    the only vote the dateline's town places (a national or regional vote is held beyond the desk's town). Not in the
    plural ("bei den Kommunalwahlen"): the councils of many towns, elected on one day across a land."""
    m = re.match(r"[\w-]+", text[start:])
    word = next((t for t in doc if t.idx == start), None)
    return vote_scope(m.group() if m else "") == "city" and not (word is not None and
                                                                 "Plur" in word.morph.get("Number", []))


def _vote_place(text: str, start: int, place: Place | None, mentions: list[Mention]) -> Place | None:
    """Where a vote is held: where the parse says ("die Wahl in Tirol"), never a town the sentence names
    for something else ("222.283 Wahlkarten davon aus Wien"); a national vote ("Bundespräsidentenwahl",
    `lang/de/vote_scopes.tsv`) is the country's: the parse's place's country, else the article's most
    named country."""
    from collections import Counter

    from ..geo import gazetteer

    m = re.match(r"[\w-]+", text[start:])
    if vote_scope(m.group() if m else "") != "country":
        return place
    iso = place.country if place is not None and place.country else None
    if iso is None:
        named = Counter(x.country for x in mentions if x.country)
        iso = named.most_common(1)[0][0] if named else None
    c = gazetteer().countries.get(iso or "")
    return Place(c.name, c.lat, c.lon, "country", c.iso) if c else place
