"""Who says a figure: the source of each figure of an article, read from the parsed `Doc`.

`attribute(doc, units, i, pos, said)` gives the `Attribution` (sources, hedging, stance, cue spans) of the
figure at char offset pos in units[i]. `units` are the claims extractor's sentences cut at line breaks
(.start, .end, .paragraph, .heading, .title); `said` is `quotations(doc)`. In order:

1. a quotation of the figure's own sentence that covers it (speaker = the cue's subject, the object of
   ``laut``/``zufolge``/``nach Angaben``, ``..., so X``; ``unter Berufung auf X`` -> X, relayed by the
   subject); a pronoun speaker is the person or body named before it;
2. the next sentence naming the source of this one (``Das teilte X mit.``, ``Das heißt es aus X.``);
3. reported speech running on (Konjunktiv I, ``demnach``, ``so X weiter``, hearsay ``sollen``): the
   source of the sentences before it in the paragraph, while the chain runs;
4. a list item: the source of the line that introduces the list (``Die Behörden nannten:``);
5. a paragraph led by ``Nach Angaben der Polizei ...``: its figures in declarative sentences after it;
6. a subheading without a source of its own: the source of the first sentence under it;
7. a poll or study the lead reports (``im APA/OGM-Vertrauensindex``): its institute.

A quotation is only taken where its speaker stands in the figure's own sentence (or, for a quotation in
quotation marks, in its paragraph): the parser's sentences may run over a line break (a headline into
the lead, a list into the next line), and a speaker across one is no speaker of the figure. `STATS`
counts the parse's failures seen (a speaker across a line break, a whitespace token as speaker).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ...lang.de import months, rows, table, weekdays, words
from ...model import Source
from ...nlp.compounds import headed_by
from .. import case_word, doc_text, per_span, per_token
from ..dateline import dateline as article_dateline
from . import cues as C
from .quotations import Quotation, fact_with_content, hung_main_clause
from .result import Attribution
from .sources import QUOTE_MARKS, TITLES, media_noun, outlet_name, phrase_source, quotation_source
from .speakers import agent_of_verb, can_speak, name_under_article, np_tokens, quoted_name_opening, speaking_noun

STATS: Counter[str] = Counter()
_FUNCTION = table("attribution_function_words")
_ORIGIN = _FUNCTION["origin"]                         # "Von der Bergwacht kam die Information"
_ORIGIN_IN_IDIOM = _ORIGIN - {"von", "vom"}           # "war von N die Rede": von is what is said
_SIDES = frozenset({"seitens", "vonseiten"})          # prepositions the parser may read as a noun (_side_of)
_HEARD_AT = _ORIGIN | _FUNCTION["heard_at"]            # "Bei der Polizei hieß es"
_HEARD_IN = _FUNCTION["heard_in"]                      # "In Justizkreisen war von ... die Rede"
_CIRCLES = tuple(sorted(_FUNCTION["circle_endings"]))   # "Regierungskreisen"
_IMPERSONAL = _FUNCTION["impersonal_reporting"]        # "Aus dem Ministerium verlautete, ..."
_DOCUMENT_AT = _FUNCTION["document_at"]                 # "Auf der Rangliste von X liegt ..."
# heads of a body that can author a document: "des Umweltbundesamtes", "der Universität"
_BODY_HEADS = frozenset(set().union(*table("source_heads").values()) | words("institution_nouns"))
# A line that is an item of a list: "- 38 Tote in Caylloma", "2) ..."
LIST_ITEM = re.compile(r"\s*(?:[-–•*·]|\d{1,2}[.)])\s")


class UnitLike(Protocol):
    start: int
    end: int
    paragraph: int
    heading: bool
    title: bool


@dataclass
class Said:
    """A quotation read for one unit: its source and where its cue and speaker stand."""

    q: Quotation
    source: Source
    spans: list[tuple[int, int]]


def _span(doc: Doc, unit: UnitLike) -> Span | None:
    return doc.char_span(unit.start, unit.end, alignment_mode="expand")


def _in(unit: UnitLike, pos: int) -> bool:
    return unit.start <= pos < unit.end


def _unit_of(units: Sequence[UnitLike], pos: int) -> int:
    return next((k for k, u in enumerate(units) if _in(u, pos)), -1)


def _valid_speaker(doc: Doc, q: Quotation) -> bool:
    if q.speaker_head is None or not q.speaker:
        return False
    head = doc[q.speaker_head]
    if head.is_space or not doc_text(doc)[q.speaker[0][0]:q.speaker[-1][1]].strip():
        STATS["whitespace token as speaker"] += 1
        return False
    if (why := _why_no_speaker(head)) is not None:
        STATS[why] += 1
        return False
    return True


def _why_no_speaker(head: Token) -> str | None:
    """Why a phrase the parse offers as a speaker names no one, or None: an indefinite pronoun alone, the
    article's dateline, or a time ("dem Bericht vom Donnerstag zufolge": a day; but "am Mittwoch von der
    Regierung präsentierten Zahlen" keeps the government under it)."""
    if indefinite(head):
        return "indefinite pronoun as speaker: no one named"
    if dateline(head):
        return "dateline as speaker"
    if C.timed(head) and not any(can_speak(t) and not C.timed(t) for t in head.subtree if t.i != head.i):
        return "time as speaker"
    return None


def dateline(head: Token) -> bool:
    """The place an article's text opens with before a dash (``Köln – Im Streit ... hat der Autor ... geklagt``,
    ``Kuala Lumpur/Wien –``, `extract.dateline`) says where it was written; the parser may take it for the subject
    of the first clause."""
    line = article_dateline(head.doc)
    return line is not None and any(a <= head.idx < b for a, b in line.places)


def indefinite(head: Token) -> bool:
    """An indefinite pronoun in the plural standing alone names no one: ``manche sagen ..., andere ...``,
    ``einige schätzen`` (tagged PIS, no attribute: ``einige der Ermittler`` names the investigators). ``man`` in
    reported speech (``man müsse davon ausgehen``) is the speaker's own voice, read as a pronoun before."""
    return head.tag_ == "PIS" and "Plur" in head.morph.get("Number", []) \
        and not any(c.dep_ in ("nmod", "appos") for c in head.children)


def _is_place(name: str, head: Token | None = None) -> bool:
    """A place that is no government's metonym ("Mittelmeer", "Lyon"; but "Kiew", "Russland" speak); a
    name the NER tags as an organisation or person, or an acronym, is none ("NGO")."""
    from . import legacy

    if head is not None and (head.ent_type_ and not head.ent_type_.startswith("LOC") or head.text.isupper()
                             or media_noun(head)):
        return False                                   # "die Nachrichtenagentur Sana": the outlet's title
    return legacy._is_place(name) and not outlet_name(name)


def _source(doc: Doc, q: Quotation, found: Sequence[Quotation]) -> Source | None:
    """The quotation's source, unless its speaker is a place that speaks for no one ("Mittelmeer:")."""
    return quotation_source(doc, q, found, keep=lambda src, head: not _is_place(src.name, head))


def sources_by_unit(doc: Doc, units: Sequence[UnitLike], found: Sequence[Quotation]) -> list[list[Said]]:
    """For each unit, the quotations whose speaker stands in it (carried ones left out: the chain is
    followed over units here), in text order."""
    out: list[list[Said]] = [[] for _ in units]
    for q in found:
        if q.how == "carried" or not _valid_speaker(doc, q):
            continue
        k = _unit_of(units, q.speaker[0][0])
        if k < 0:
            continue
        if q.how == "verb" and not q.relay and q.cue:
            q = _with_original(doc, q)
        src = _source(doc, q, found)
        if src is None:
            continue
        out[k].append(Said(q, src, list(q.cue) + [_phrase_extent(doc, q.speaker_head)]
                           + ([_phrase_extent(doc, q.relay_head)] if q.relay_head is not None else [])))
    return out


def _phrase_extent(doc: Doc, head: int | None) -> tuple[int, int]:
    """The char extent of a speaker's whole phrase (its subtree: genitives, appositions, ``aus den USA,
    Südkorea und der Ukraine``), which callers mask: no place or subject of the figure is read from it."""
    if head is None:
        return (0, 0)
    tok = doc[head]
    end = tok.right_edge
    # a speaker before a colon ("Behörden: Mindestens 14 Tote bei Luftangriff auf Kiew") is often the parse's
    # root of the whole line: its phrase ends at the colon, what follows is what was said
    colon = next((t for t in doc[head + 1:end.i + 1] if t.text == ":"), None)
    if colon is not None and colon.i > tok.left_edge.i:
        end = doc[colon.i - 1]
    return tok.left_edge.idx, end.idx + len(end.text)


def _token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _own(doc: Doc, units: Sequence[UnitLike], i: int, tok: Token, by_unit: list[list[Said]]) -> list[Said]:
    """Quotations that cover the figure with their speaker in its sentence (or, quoted, in its paragraph)."""
    cands = [s for s in by_unit[i] if (tok.i in s.q.tokens or s.q.how == "prep" and _same_clause(doc, s, tok))
             and not _beyond_phrase(s, tok)]
    para = [k for k, u in enumerate(units) if u.paragraph == units[i].paragraph and k != i]
    cands += [s for k in para for s in by_unit[k] if tok.i in s.q.tokens and s.q.type == "Direct"]
    crossing = [s for k, ss in enumerate(by_unit) if k != i for s in ss if tok.i in s.q.tokens and s not in cands]
    if crossing and not cands:
        STATS["speaker across a line break (parse sentence too long)"] += 1
    # a cue in the figure's own clause before one across a comma ("nach Angaben der Veranstalter 7.000, die
    # Polizei spricht von 4.000": the parse may extend the police's quotation over the first clause), then
    # the innermost quotation
    return sorted(cands, key=lambda s: (s.q.type != "Direct" and _comma_between(doc, s, tok), len(s.q.tokens),
                                        s.q.how != "prep"))


def _clause_head(tok: Token) -> Token:
    """The verb of the clause a token stands in; an auxiliary or modal stands for its verb."""
    h = tok
    while h.head.i != h.i and h.pos_ not in ("VERB", "AUX"):
        h = h.head
    while h.dep_ in ("aux", "aux:pass", "cop") and h.head.i != h.i:
        h = h.head
    return h


def _same_clause(doc: Doc, s: Said, tok: Token) -> bool:
    """``Laut X will das Land 30.000 Soldaten entsenden``: the parser may hang ``laut X`` under the modal
    and the figure under the verb; both belong to one clause (counted in STATS)."""
    cue = _token_at(doc, s.q.cue[0][0]) if s.q.cue else None
    if cue is None or _clause_head(cue).i != _clause_head(tok).i:
        return False
    STATS["attribution phrase under an auxiliary"] += 1
    return True


def _relay_verb(doc: Doc, s: Said) -> Token | None:
    if s.q.how not in ("verb", "verb-fallback") or not s.q.cue:
        return None
    cue = _token_at(doc, s.q.cue[0][0])
    return cue if cue is not None and C.is_relay_verb(cue) else None


def _inner_speaker(doc: Doc, s: Said, units: Sequence[UnitLike]) -> Said | None:
    """``„...“, sagte der Minister, wie TASS berichtete``: the parser may hang the speech verb under the
    relaying verb; its subject is the source, the outlet relays it (counted in STATS)."""
    verb = _relay_verb(doc, s)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis", "conj") and C.is_reporting_verb(child) and \
                not C.is_relay_verb(child):
            k = _unit_of(units, child.idx)
            inner = _subject_said(doc, child, units[k]) if k >= 0 else None
            if inner is not None:
                STATS["speech verb hung under the relaying verb"] += 1
                inner.q.tokens = s.q.tokens
                inner.source.relayed_by = s.source.name
                inner.spans += s.spans
                return inner
    return None


def _speaker_reported(doc: Doc, s: Said, units: Sequence[UnitLike]) -> Said | None:
    """``Laut dem Magazin sagte der Minister, dass ...``, ``Der Minister erklärte laut der Zeitung, ...``: an
    attribution phrase on a verb of saying whose subject speaks tells through whom the words came - the subject is
    the source, the phrase's source relays it (the relay convention of ``berichtet X``, counted in STATS)."""
    if s.q.how != "prep" or not s.q.cue or (cue := _token_at(doc, s.q.cue[0][0])) is None:
        return None
    verb = _clause_head(cue)
    # a reflexive verb says nothing ("Nach Zeugenaussagen haben sich die Vorwürfe nicht bestätigt")
    if verb.i == cue.i or not C.is_reporting_verb(verb) or C.is_relay_verb(verb) \
            or any(c.tag_ == "PRF" for c in verb.children):
        return None
    k = _unit_of(units, verb.idx)
    said = _subject_said(doc, verb, units[k]) if k >= 0 else None
    if said is None or said.q.speaker_head is None or said.source.name == s.source.name:
        return None
    subject = doc[said.q.speaker_head]
    # a subject whose noun phrase holds a number is what is counted, no speaker ("Nach Angaben von X sagten neun
    # Teilnehmer ..."); its own phrase only - the parser may hang the said "dass" clause, with its figure, on it
    if subject.i in {t.i for t in cue.subtree} or any(t.pos_ == "NUM" for t in np_tokens(subject)):
        return None
    STATS["attribution phrase on a verb of saying: its subject speaks, relayed"] += 1
    said.q.tokens = s.q.tokens
    said.source.relayed_by = s.source.name
    said.spans += s.spans
    return said


def _relay_first(doc: Doc, cands: list[Said], units: Sequence[UnitLike]) -> list[Said]:
    """A source first, the outlet that passes it on ("..., berichtet CNN") after it as its relay."""
    def relays(s: Said) -> bool:
        return _relay_verb(doc, s) is not None
    cands = [(_inner_speaker(doc, s, units) or s) if relays(s) else (_speaker_reported(doc, s, units) or s)
             for s in cands]
    for s in cands:                                    # the speaker's own cue and the phrase relaying it: one source
        if not s.source.relayed_by:
            s.source.relayed_by = next((o.source.relayed_by for o in cands if o.source.name == s.source.name
                                        and o.source.relayed_by), None)
    first = [s for s in cands if not relays(s)]
    rest = [s for s in cands if relays(s)]
    if first and rest and not first[0].source.relayed_by and rest[0].source.name != first[0].source.name:
        first[0].source.relayed_by = rest[0].source.name
    return first + rest


def reporting(verb: Token) -> bool:
    """A reporting verb, also where the parser did not hang its separated particle under it ("Das teilte
    X ... mit" with "mit" elsewhere): the sentence's particle (PTKVZ) joined to the lemma."""
    why = _reporting(verb)
    if isinstance(why, str):
        STATS[why] += 1
        return True
    return why


@per_token                                   # asked of every token of a sentence for each figure near it
def _reporting(verb: Token) -> bool | str:
    """`reporting`'s answer, or why a verb the lemma alone does not make one is one (a STATS key)."""
    if C.is_reporting_verb(verb):
        return not fact_with_content(verb)            # "wie aus dem Umstand hervorgeht, dass ...": no report
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    prt = C.particle(verb)
    if prt is not None:
        if prt.tag_ == "APPR" and lemma in words("reporting_verbs"):
            return "preposition read as a verb particle"             # "spricht von 42.000"
        return False
    after = verb.doc[verb.i + 1:verb.sent.end]
    prt = next((t for t in after if (t.tag_ == "PTKVZ" or t.head.i == verb.i and t.dep_ in ("advmod", "xcomp")
                                     and t.tag_ == "ADJD")
                and t.lower_ + lemma in words("reporting_verbs")), None)
    if prt is not None:
        return "separated particle not hung under its verb"         # "gab ... bekannt" read as an adverb
    return False


def _anaphoric_next(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """``Das teilte der Zivilschutz mit.``: the next sentence of the paragraph names the source of this one
    by a reporting verb whose object (or whose ``es``) points back. It points back over the whole report from the
    paragraph's first sentence: ``Das Gericht verhängte eine Buße von 500.000 Euro. Die Firmen hatten Preise
    abgesprochen. Das teilte die Behörde mit.`` (the sentence between names no source and reports no one)."""
    said = _anaphoric_after(doc, units, i, by_unit)
    if said is None and i + 2 < len(units) and (i == 0 or units[i - 1].paragraph != units[i].paragraph
                                                 or units[i - 1].title or units[i - 1].heading
                                                 or _opens_with_dateline(doc, units[i])) \
            and units[i + 1].paragraph == units[i].paragraph and not units[i + 1].heading and not units[i].heading \
            and not by_unit[i + 1] and (between := _span(doc, units[i + 1])) is not None \
            and not any(reporting(t) for t in between) and not reported(between) and not carries_on(between) \
            and _continues(between):
        said = _anaphoric_after(doc, units, i + 1, by_unit)
        if said is not None:
            STATS["report named two sentences after its first"] += 1
    return said


def _summed_up_after(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """``Die Steuer soll um zwei Prozent sinken. Zudem sind 300 neue Stellen geplant. Die Ministerin skizzierte derart
    ihr Programm.``: a reporting verb with an adverb that sums up what was told before (lang/de summing_adverbs:
    ``derart``, ``dergestalt``) names the source of the sentences before it in the paragraph - up to three, while
    none of them names a source of its own or reports."""
    summing = words("summing_adverbs")
    for j in range(i + 1, min(len(units), i + 4)):
        if units[j].paragraph != units[i].paragraph or units[j].heading:
            return None
        sent = _span(doc, units[j])
        if sent is None:
            return None
        for verb in sent:
            if reporting(verb) and any(c.lower_ in summing for c in verb.children):   # the parser may tag it a noun
                mine = next((s for s in by_unit[j] if s.q.cue and s.q.cue[0][0] == verb.idx), None)
                return mine or _subject_said(doc, verb, units[j])
        if by_unit[j] or any(reporting(t) for t in sent):
            return None                                # a source or a report between: the summary is of that one
    return None


def _opens_with_dateline(doc: Doc, unit: UnitLike) -> bool:
    """Does the sentence open with the article's dateline (``Linz – Das Gericht verhängte ...``)? It is the first
    sentence of the report's body, whatever teaser stands before it in the same paragraph (`extract.dateline`)."""
    line = article_dateline(doc)
    return line is not None and unit.start <= line.start < unit.end


def _continues(sent: Span) -> bool:
    """Does the sentence go on with the one before rather than tell something new: its subject a personal
    pronoun (``Sie hatten ...``), or its verb in the pluperfect, the background of the event just told (``Die Firmen
    hatten Preise abgesprochen``)? ``Die Stadt hat 120.000 Einwohner. Am Montag brannte eine Halle ab. Das teilte
    die Feuerwehr mit.``: ``Das`` is the fire, not the town's size."""
    return any(t.dep_ == "nsubj" and t.tag_ == "PPER" for t in sent) \
        or any(t.pos_ == "AUX" and t.lemma_ in ("haben", "sein") and "Past" in t.morph.get("Tense", [])
               and t.head.tag_ == "VVPP" for t in sent)


def _anaphoric_after(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    if i + 1 >= len(units) or units[i + 1].paragraph != units[i].paragraph:
        return None
    sent = _span(doc, units[i + 1])
    if sent is None:
        return None
    for verb in sent:
        if not reporting(verb):
            continue
        back = any(c.lower_ in ("das", "dies", "dieses") and c.dep_ in ("obj", "nsubj", "expl", "obl")
                   or c.lower_ == "es" and C.full_lemma(verb) == "heißen" for c in verb.children)
        if not back:
            continue
        mine = [s for s in by_unit[i + 1] if s.q.cue and s.q.cue[0][0] == verb.idx]
        if mine and _judges_the_sentence_before(doc, mine[0]):
            STATS["a speaker's comment on the sentence before: not its report"] += 1
            return None                                # "Dies sei ein Zeichen, sagte X": "Dies" in the quotation
        if mine:
            return mine[0]
        subj = _subject_said(doc, verb, units[i + 1])
        if subj is not None:
            return subj
    return _pointing_back(doc, sent) or _comes_from(doc, sent)


def _comes_from(doc: Doc, sent: Span) -> Said | None:
    """``Das geht aus einer Erhebung des Bundesamts hervor.``: ``hervorgehen`` whose subject points back (``das``,
    ``dies``) names in its ``aus`` phrase where what was said before stands: the author of that document, or the
    phrase itself where it names none."""
    for verb in sent:
        if C.full_lemma(verb) not in ("hervorgehen",) or not any(
                c.lower_ in ("das", "dies", "dieses") and c.dep_ in ("nsubj", "expl") for c in verb.children):
            continue
        origin = _heard_phrase(verb, frozenset({"aus"}))
        if origin is None or C.timed(origin):
            continue
        author = _document_author(origin) if C.is_document_noun(origin) or C.is_reporting_noun(origin) else None
        said = _report_noun_said(doc, origin, author if author is not None else origin, "prep")
        if said is not None:
            STATS["das geht aus X hervor: X's author"] += 1
            return said
    return None


def _pointing_back(doc: Doc, sent: Span) -> Said | None:
    """``Diese Angabe kommt aus dem Innenministerium.``, ``Die Zahlen stammen von der UNO.``: the next sentence's
    subject is a report pointing back (a reporting noun with a demonstrative, or the definite article and no owner)
    and its clause names where the report came from (``aus``/``von``); that phrase is the source of this one."""
    for noun in sent:
        if noun.dep_ != "nsubj" or not C.anaphoric_report(noun) or noun.i - sent.start > 2:   # opens the sentence
            continue
        origin = _heard_phrase(_clause_head(noun), _ORIGIN)
        if origin is not None and origin.i != noun.i and not C.timed(origin) and (can_speak(origin) or
                headed_by(origin.lemma_.lower(), _BODY_HEADS)):   # "stammen aus dem Jahr 2015", "vom Montag": no one
            said = _report_noun_said(doc, noun, origin, "prep")
            if said is not None:
                STATS["report pointing back to the sentence before, its origin named"] += 1
                return said
    return None


def _passive_or_its_conjunct(verb: Token) -> bool:
    """A passive with ``werden`` (`extract.werden`), or a participle coordinated with one that has no auxiliary of its
    own and so shares it (``Gesetz wird dem Landtag vorgelegt, Obergrenze von 500 Besuchern empfohlen``): the phrase
    the parser labels its object or subject is what is reported, not who reports it - never swapped in as the speaker
    as in the active ``Das teilte das Unternehmen mit``."""
    from ..werden import verb_form, werden_passive

    if werden_passive(verb):
        return True
    return verb.dep_ in ("conj", "parataxis") and verb_form(verb) in ("participle", "both") \
        and not any(c.dep_ in ("aux", "aux:pass") for c in verb.children) and werden_passive(verb.head)


def _perfect_subject(verb: Token) -> Token | None:
    """The subject of a participle in the perfect the parser did not hang under it as ``nsubj``: hung under the
    finite auxiliary instead (``So hat das Amt nun die Ergebnisse ... veröffentlicht``), or labelled a passive
    subject though the auxiliary is ``haben`` (the perfect with ``haben`` is active: its subject acts). Without it
    the object would be read as the speaker (``haben deren Verkauf angekündigt`` -> "Verkauf"; counted in STATS)."""
    for a in verb.children:
        if a.dep_ == "aux":
            subj = next((c for c in a.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if subj is not None:
                STATS["subject hung under the auxiliary"] += 1
                return subj
    if verb.tag_ == "VVPP" and any(a.dep_ == "aux" and a.lemma_ == "haben" for a in verb.children) \
            and not any(a.dep_ == "aux:pass" for a in verb.children):
        subj = next((c for c in verb.children if c.dep_ == "nsubj:pass" and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is not None:
            STATS["passive subject of a perfect with haben: the active subject"] += 1
            return subj
    return None


def _state_passive(verb: Token) -> bool:
    """``Derzeit sind andere Staaten gefordert``, ``Die Zahlen sind bestätigt``: a reporting verb's participle with
    ``sein`` is the state passive - every German verb of saying forms its perfect with ``haben`` -, so its noun
    phrase (which the parser may label the object) is what was demanded or reported, no one who speaks (counted)."""
    if verb.tag_ != "VVPP" or not any(a.dep_ in ("aux", "cop") and a.lemma_ == "sein" for a in verb.children) \
            or any(a.dep_ in ("aux", "aux:pass") and a.lemma_ in ("haben", "werden") for a in verb.children):
        return False
    # rv23: "Die Ermittler sind davon ausgegangen, dass ...": "ausgehen von", to assume, forms its perfect with sein -
    # active, its subject speaks; its "von" complement (or "davon") marks it. A state passive's "von" phrase is its
    # agent ("sind von der Polizei bestätigt"): someone speaks either way
    if any(c.lower_ == "davon" or any(g.dep_ == "case" and g.lower_ in ("von", "vom") for g in c.children)
           for c in verb.children):
        return False
    STATS["a reporting verb's participle with sein: the state passive, no speaker"] += 1
    return True


def _subject_said(doc: Doc, verb: Token, unit: UnitLike, found: Sequence[Quotation] = ()) -> Said | None:
    """The subject of a reporting verb the parse gave no quotation, as its speaker; a pronoun stands for the last
    speaker of `found` before it (`sources.resolve_pronoun`)."""
    from .quotations import speaker_tokens
    from .speakers import np_tokens, quoted_object, subject_of, wie_subject

    if _state_passive(verb):
        return None
    subj = subject_of(verb)
    active = _perfect_subject(verb) if subj is None else None
    if active is not None:
        subj = active
    if (subj is None or subj.lower_ in ("das", "dies", "es")) and not _passive_or_its_conjunct(verb):
        # "Das teilte das Unternehmen mit": the parser may take "das" for the subject, the body for the object - or,
        # after a time set off by commas ("Das teilte heute, Freitag, die Behörde mit"), for an apposition or an
        # oblique of the verb: a nominative phrase with no preposition, no time, is its subject
        relative = subj is not None and (subj.tag_ == "PRELS" or "Rel" in subj.morph.get("PronType", []))
        subj = next((c for c in verb.children if (c.dep_ in ("obj", "nsubj") or not relative and _bare_nominative(c))
                     and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in ("das", "dies")), None)
        if subj is not None:
            STATS["subject and object swapped after an anaphoric das"] += 1
    if C.full_lemma(verb) == "heißen":
        subj = _heard_phrase(verb, _HEARD_AT)
    elif subj is None and C.full_lemma(verb) in _IMPERSONAL and (heard := _heard_phrase(verb, _ORIGIN)) is not None:
        subj = heard                                   # "Aus dem Ministerium verlautete, ...": no subject, an origin
        STATS["origin phrase of a verb without subject"] += 1
    if subj is None:
        subj = wie_subject(verb)                       # "Wie n-tv ... meldete": the subject hung under "wie"
        if subj is None and verb.i > 0 and doc[verb.i - 1].pos_ in ("NOUN", "PROPN") and doc[verb.i - 1].dep_ in (
                "ROOT", "dep") and doc[verb.i - 1].text[:1].isupper():
            subj = doc[verb.i - 1]                     # "US-Medien berichteten, ...": the subject parsed apart
            STATS["subject parsed apart from its verb"] += 1
    if subj is None and (name := _quoted_name_before(verb)) is not None:
        STATS["a quoted body name holding a verb: the subject"] += 1
        q = Quotation("Reported", (), ((verb.idx, verb.idx + len(verb.text)),), ((name.start_char, name.end_char),),
                      name.root.i, how="verb")
        from . import legacy

        return Said(q, Source(name.text, name.text, legacy._kind(name.text)), [q.cue[0], q.speaker[0]])
    if subj is None or subj.lower_ in ("das", "dies", "es", "man") or _why_no_speaker(subj) is not None \
            or not _in(unit, subj.idx) \
            or subj.dep_ == "nsubj:pass" and subj is not active or any(t.like_num for t in speaker_tokens(subj)):
        return None                                    # "wurden 1.080 Menschen erwartet": what is reported
    toks = speaker_tokens(subj)
    spans = ((toks[0].idx, toks[-1].idx + len(toks[-1].text)),)
    q = Quotation("Reported", (), ((verb.idx, verb.idx + len(verb.text)),), spans, subj.i, how="verb")
    original = _berufung(verb) if _outlet(doc, subj) else None
    if original is None and subj.dep_ == "nsubj":
        original = quoted_object(verb)                 # "Die Zeitung zitierte den Bürgermeister, ..."
    if original is not None:                           # "wie die Zeitung unter Berufung auf X schreibt"
        otoks = np_tokens(original)
        q.relay, q.relay_head = q.speaker, q.speaker_head
        q.speaker, q.speaker_head = ((otoks[0].idx, otoks[-1].idx + len(otoks[-1].text)),), original.i
    src = _source(doc, q, found)
    return Said(q, src, [q.cue[0], spans[0]] + list(q.speaker)) if src is not None else None


def _quoted_name_before(verb: Token) -> Span | None:
    """``Wie die „Aktion Deutschland hilft“ heute mitteilte, ...``: a body's name of common words set in quotation
    marks under its article may hold a verb (``hilft``, ``fragen``) the parser takes for a clause of its own, leaving
    the reporting verb right after the marks (adverbs between) without a subject: the name in the marks is its
    subject.
    Not a name under a preposition's article (``Maria Schmid von der „Initiative ...“ sagte``: a speaker's body)."""
    doc, first = verb.doc, verb.sent.start
    k = verb.i - 1
    while k > first and doc[k].pos_ in ("ADV", "PART"):
        k -= 1
    if k <= first or doc[k].text not in QUOTE_MARKS:
        return None
    closing = doc[k]
    opening = next((t for t in reversed(doc[first:closing.i]) if t.text in QUOTE_MARKS), None)
    if opening is None or closing.i - opening.i < 3 or not name_under_article(doc, opening.i) \
            or doc[opening.i - 1].tag_ != "ART" or opening.i > 1 and doc[opening.i - 2].pos_ == "ADP":
        return None
    inside = doc[opening.i + 1:closing.i]
    # a plural present has the infinitive's form ("Bürger fragen nach"), which the tagger may give it
    return inside if any(t.pos_ in ("VERB", "AUX") and t.tag_.endswith(("FIN", "INF")) for t in inside) else None


def _bare_nominative(tok: Token) -> bool:
    """A noun phrase the parser hung under a verb as an apposition, oblique or loose dependent though nothing marks
    it so: nominative, no preposition of its own, no time (``Freitag`` in ``heute, Freitag,``)."""
    return tok.dep_ in ("appos", "obl", "dep") and "Nom" in tok.morph.get("Case", []) \
        and not any(g.dep_ == "case" for g in tok.children) and not C.timed(tok)


def _heard_phrase(head: Token, cases: frozenset[str]) -> Token | None:
    """The phrase under a cue that says where a report came from or was heard: ``aus dem Ministerium``,
    ``bei der Polizei`` (prepositions `cases`), or ``in Regierungskreisen`` where the phrase is a circle, a body
    or an organisation (``in`` of a place or time is none); not a phrase holding the figure (``von acht Toten``)."""
    sides = bool(cases & _SIDES)
    for c in head.children:
        side = _side_of(c) if sides else None
        if side is not None:
            return side
        if c.dep_ not in ("obl", "nmod") or c.pos_ not in ("NOUN", "PROPN") \
                or any(g.like_num or g.pos_ == "NUM" for g in c.subtree):
            continue
        found = {g.lower_ for g in c.children if g.dep_ == "case"}
        circle = c.lower_.endswith(_CIRCLES) or c.ent_type_ == "ORG" or c.pos_ == "NOUN" and can_speak(c)
        if found & cases or found & _HEARD_IN and circle:
            return c                                   # "in Bad Radkersburg" (a place), "in einer Mitteilung": none
    return None


def _side_of(tok: Token) -> Token | None:
    """``Seitens der Veranstalter war von 20.000 die Rede``, ``Von Seiten der Polizei ...``: the parser may read the
    preposition ``seitens`` (or ``Seiten`` after ``von``) as a noun, even as the clause's subject; the genitive under
    it names the side that speaks, where it can speak (a body, a person, an organisation) and holds no figure."""
    if tok.pos_ != "NOUN" or not (tok.lower_ in _SIDES or tok.lower_ == "seiten" and any(
            g.dep_ == "case" and g.lower_ == "von" for g in tok.children)):
        return None
    owner = next((c for c in tok.children if c.dep_ in ("nmod", "nmod:poss") and c.i > tok.i
                  and c.pos_ in ("NOUN", "PROPN")), None)
    if owner is None or any(g.like_num or g.pos_ == "NUM" for g in owner.subtree) \
            or not (owner.ent_type_ in ("ORG", "PER") or can_speak(owner)):
        return None
    STATS["seitens read as a noun"] += 1
    return owner


def _with_original(doc: Doc, q: Quotation) -> Quotation:
    """A relaying verb's quotation whose ``unter Berufung auf X`` the parse hung beside ``Berufung``: X speaks,
    the subject relays (a copy; counted in STATS)."""
    verb = _token_at(doc, q.cue[0][0])
    speaker = doc[q.speaker_head] if q.speaker_head is not None else None
    original = _berufung(verb) if verb is not None and speaker is not None and _outlet(doc, speaker) else None
    if original is None or original.i == q.speaker_head:
        return q
    STATS["unter Berufung auf beside the verb"] += 1
    return _original_speaks(q, original)


def _original_speaks(q: Quotation, original: Token) -> Quotation:
    """The quotation with `original`'s phrase as its speaker and its speaker as the relay (a copy)."""
    from dataclasses import replace

    from .speakers import np_tokens

    otoks = np_tokens(original)
    return replace(q, relay=q.speaker, relay_head=q.speaker_head, speaker_head=original.i,
                   speaker=((otoks[0].idx, otoks[-1].idx + len(otoks[-1].text)),))


def _outlet(doc: Doc, head: Token) -> bool:
    """Does the phrase name a news outlet (a relay: "unter Berufung auf" then names the source)? An
    organisation citing witnesses ("das UNHCR unter Berufung auf Überlebende") stays the source."""
    from .speakers import np_tokens

    toks = np_tokens(head)
    src = phrase_source(doc, ((toks[0].idx, toks[-1].idx + len(toks[-1].text)),), head.i)
    return src is not None and (src.kind == "media" or _title_in_quotes(head) or media_noun(head))


def _title_in_quotes(head: Token) -> bool:
    """Is the name a title in quotation marks (``die "Ostsee Rundschau"``, ``der "New York Times"``)? German news set
    the names of newspapers, broadcasts and programmes in quotes, never a person's or a body's: an outlet the outlet
    list need not know (counted in STATS)."""
    doc = head.doc
    name = [head]
    for t in name:                                     # "New York Times": "New" hangs under "York"
        name += [c for c in t.children if c.dep_ in ("compound", "flat", "flat:name") and c.text[:1].isupper()]
    name.sort(key=lambda t: t.i)
    if name[-1].i - name[0].i + 1 != len(name) or not all(t.text[:1].isupper() for t in name):
        return False                                   # not one run of capitalised words
    first, last = name[0].i, name[-1].i
    if first == 0 or last + 1 >= len(doc) or doc[first - 1].text not in QUOTE_MARKS \
            or doc[last + 1].text not in QUOTE_MARKS:
        return False
    STATS["a title in quotation marks: an outlet"] += 1
    return True


def _berufung(verb: Token) -> Token | None:
    """``unter Berufung auf X``: X, the original source, hung under ``Berufung`` or beside it under the verb - or
    under the reported clause, where the phrase stands between the verb and the comma that opens that clause
    (``berichtete unter Berufung auf Geheimdienstkreise, 200 Kämpfer seien ...``: the parser may hang it there)."""
    comma = next((t.i for t in verb.doc[verb.i + 1:verb.sent.end] if t.text in (",", ":", ";")), verb.sent.end)
    between = [t for t in verb.doc[verb.i + 1:comma] if t.head.i != verb.i and C.is_relay_noun(t)
               and any(c.dep_ == "case" for c in t.children)]
    for child in list(verb.children) + between:
        if not C.is_relay_noun(child):
            continue
        nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        if nxt is None or nxt.lower_ != "auf":
            return None
        return next((t for t in child.doc[nxt.i + 1: nxt.i + 6] if t.pos_ in ("NOUN", "PROPN")
                     and (t.head.i in (child.i, verb.i) or t.head.head.i == child.i)), None)
    return None


SUBORDINATE = ("acl", "acl:relcl", "advcl", "ccomp", "csubj", "xcomp")


def reported(sent: Span) -> bool:
    """Does the sentence speak in Konjunktiv I in its main clause? Also where the parse hangs the verb as a
    copula or auxiliary under a noun ("... seien drei Messer sichergestellt worden"): no subordinate arc
    and no subordinating conjunction on its way up to the root."""
    why = _reported(sent)
    if isinstance(why, str):
        STATS[why] += 1
        return True
    return why


@per_span                                   # asked of a sentence for each figure in it and in the three after it
def _reported(sent: Span) -> bool | str:
    """`reported`'s answer, or why a sentence the plain test misses is reported (a STATS key)."""
    if C.reported_sentence(sent):
        return True
    for tok in sent:
        if C.konjunktiv1_by_agreement(tok) and (tok.dep_ == "ROOT" or tok.head.dep_ == "ROOT" and tok.dep_ in (
                "aux", "cop", "aux:pass")):
            return "Konjunktiv I read as indicative"
        if not C.konjunktiv1(tok):
            continue
        path, h = [tok], tok
        while h.head.i != h.i:
            h = h.head
            path.append(h)
        if not any(t.dep_ in SUBORDINATE or any(c.dep_ == "mark" for c in t.children) for t in path):
            return "Konjunktiv I hung under a noun"
        if _verb_second(sent, tok) or any(hung_main_clause(t) for t in path):
            return "Konjunktiv I in a main clause the parse hung as subordinate"
        if _first_finite(sent, tok):
            return "Konjunktiv I after the sentence's first phrase, the parse hung it as subordinate"
    return False


def _first_finite(sent: Span, verb: Token) -> bool:
    """Is the finite verb the sentence's first verb, after a first phrase with no verb, conjunction or relative word
    in it (``Die Getöteten, vor allem Zivilisten, seien verbrannt worden``: the subject with its apposition between
    commas)? In German that is the main clause's finite verb in second place, whatever the parser hung it under
    (it may read the apposition's commas as opening a relative clause). A verb with nothing before it (``Seien die
    Angaben richtig, ...``: a condition) is not."""
    if not verb.tag_.endswith("FIN"):
        return False
    before = [t for t in sent.doc[sent.start:verb.i] if not t.is_punct and not t.is_space]
    return bool(before) and not any(t.pos_ in ("VERB", "AUX") or t.dep_ == "mark" or t.tag_ in (
        "KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT") for t in before)


def _verb_second(sent: Span, verb: Token) -> bool:
    """Is the finite verb in the word order of a main clause, whatever the parser hung it under? In the clause
    between commas it stands neither first nor last and no subordinating conjunction or relative or
    interrogative word opens the clause: ``Nicht nur, dass ..., auch zehn Stimmzettel seien gewertet worden``
    (a subordinate clause puts its finite verb last: ``..., dass zehn Stimmzettel gewertet worden seien``)."""
    if not verb.tag_.endswith("FIN"):
        return False
    a, b = verb.i, verb.i
    while a > sent.start and not _clause_break(sent.doc[a - 1]):
        a -= 1
    while b + 1 < sent.end and not _clause_break(sent.doc[b + 1]):
        b += 1
    clause = sent.doc[a:b + 1]
    if verb.i in (a, b) or any(t.tag_ in ("KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT") or
                              t.dep_ == "mark" for t in clause):
        return False
    # a main clause holds its subject; a stretch with none is the rest of a clause a comma cut, its verb last but
    # for what follows it: "..., dass die Zahl, die gemeldet wurde, höher sei als angegeben"
    return any(t.dep_ in ("nsubj", "nsubj:pass", "expl") or t.pos_ in ("NOUN", "PROPN", "PRON", "DET")
               and "Nom" in t.morph.get("Case", []) for t in clause)


def _clause_break(tok: Token) -> bool:
    """A token that ends a clause of the sentence's surface: punctuation (comma, dash, the full stop ...) or a
    quotation mark."""
    return tok.is_punct or tok.text in QUOTE_MARKS


@per_span
def carries_on(sent: Span) -> bool:
    """``Demnach ...``, ``..., so X weiter``, ``nach diesen Angaben``, ``dem Bericht zufolge``: the sentence goes on
    with the source named before."""
    def attributed(t: Token) -> bool:                  # "nach diesen Angaben", "dem Bericht zufolge" (postposition)
        ends = (t.i + 1, t.right_edge.i + 1)            # "dem Bericht vom Donnerstag zufolge": after the whole phrase
        return any(c.dep_ in ("case", "dep") and (C.is_attribution_preposition(c) or c.lower_ == "nach")
                   for c in t.children) \
            or any(k < len(t.doc) and C.is_attribution_preposition(t.doc[k]) for k in ends)
    return C.carries_on(sent) or any(C.anaphoric_report(t) and attributed(t) for t in sent)


def _unit_speaker(doc: Doc, units: Sequence[UnitLike], k: int, by_unit: list[list[Said]]) -> Said | None:
    """Who speaks in a sentence: its last quotation's speaker, else the subject of its last reporting verb
    (where the parse gave the verb no quotation: "Das Amt teilte mit, ..." with the particle unattached)."""
    if by_unit[k]:
        return by_unit[k][-1]
    for verb in reversed(list(_span(doc, units[k]) or ())):
        if reporting(verb):
            # "Rainer Bunge von der Hochschule X rechnet ... Er erklärt es ...": the pronoun is the speaker before
            said = _subject_said(doc, verb, units[k], [s.q for said_k in by_unit[:k] for s in said_k])
            if said is not None:
                return said
    # "In Justizkreisen war von acht Toten die Rede.": a report the parse gave no quotation
    sent = _span(doc, units[k])
    return _genitive_inverted(doc, units[k]) or _estimate(doc, units[k]) or _side(doc, units[k]) \
        or _origin(doc, units[k]) or _holder(doc, units[k]) or _citing(doc, units[k]) or _pointed_to(doc, units[k]) \
        or _owned_report(doc, units[k]) \
        or (_comes_from(doc, sent) if sent is not None else None)


def _pointed_to(doc: Doc, unit: UnitLike) -> Said | None:
    """``Dazu wird auf eine britische Studie verwiesen. Demnach ...``: the agentless passive of a verb a relay noun
    is made from (``verweisen auf`` - "Verweis", `_relay_verb_of_noun`) pointing to a report or document: no one is
    named as pointing, so the document is the source of what the next sentences draw from it."""
    from .speakers import genitive_or_von, speaker_kind

    for verb in _span(doc, unit) or ():
        if not _relay_verb_of_noun(verb) or not any(c.dep_ == "aux:pass" for c in verb.children) \
                or any(c.dep_ == "obl:agent" for c in verb.children):
            continue
        doc_noun = next((c for c in verb.children if c.dep_ in ("obl", "obj") and c.pos_ == "NOUN"
                         and any(g.dep_ == "case" and g.lower_ == "auf" for g in c.children)
                         and (C.is_reporting_noun(c) or speaker_kind(c) == "document")), None)
        if doc_noun is None or C.timed(doc_noun):
            continue
        said = _report_noun_said(doc, doc_noun, doc_noun, "prep")
        if said is not None and not genitive_or_von(doc_noun):
            # no owner: the document as written ("eine deutsche Studie" is a study, not the German side)
            adjs = [c for c in doc_noun.children if c.dep_ == "amod" and c.i < doc_noun.i]
            a, b = min([doc_noun.idx] + [x.idx for x in adjs]), doc_noun.idx + len(doc_noun.text)
            name = " ".join([x.lemma_.lower() + "e" for x in sorted(adjs, key=lambda x: x.i)] + [doc_noun.lemma_])
            said = Said(said.q, Source(name, doc_text(doc)[a:b], _kind(name, doc_noun)), said.spans)
        if said is not None:
            STATS["a document pointed to in the agentless passive"] += 1
            return said
    return None


def _citing(doc: Doc, unit: UnitLike) -> Said | None:
    """``Die Zeitung berief sich auf Angaben der Polizei. Demnach ...``: a verb citing a source (lang/de
    `citing_verbs`, reflexive with an ``auf`` phrase) names the source its subject passes on - the phrase's owner
    where it is a report (``Angaben der Polizei``); the subject relays it."""
    from .quotations import speaker_tokens
    from .speakers import can_speak, subject_of

    for verb in _span(doc, unit) or ():
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in words("citing_verbs") \
                or not any(c.tag_ == "PRF" for c in verb.children):
            continue
        cited = next((c for c in verb.children if c.dep_ in ("obl", "obj") and c.pos_ in ("NOUN", "PROPN")
                      and any(g.dep_ == "case" and g.lower_ == "auf" for g in c.children)), None)
        if cited is None:
            continue
        owner = next((c for c in cited.children if c.dep_ in ("nmod", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")),
                     None)
        reported_by = owner is not None and C.is_reporting_noun(cited)
        if owner is not None and reported_by:
            cited = owner                              # "auf Angaben der Polizei": the police (whoever gives them)
        if verb.lemma_.lower() in words("citing_report_verbs") and not reported_by:
            continue                                   # "Der Bericht bezieht sich auf die Regierung": about, not from
        if C.timed(cited) or not (reported_by or can_speak(cited) or cited.ent_type_ in ("PER", "ORG")
                                 or cited.lower_.endswith(_CIRCLES)):
            continue                                   # "bezieht sich auf das Jahr 2015": no one cited
        toks = speaker_tokens(cited)
        q = Quotation("Reported", (), ((verb.idx, verb.idx + len(verb.text)),),
                      ((toks[0].idx, toks[-1].idx + len(toks[-1].text)),), cited.i, how="verb")
        subj = subject_of(verb)
        if subj is not None and _in(unit, subj.idx):
            stoks = speaker_tokens(subj)
            q.relay, q.relay_head = ((stoks[0].idx, stoks[-1].idx + len(stoks[-1].text)),), subj.i
        src = _source(doc, q, [])
        if src is not None:
            STATS["a source cited by a reflexive verb (sich berufen auf)"] += 1
            return Said(q, src, [q.cue[0]] + list(q.speaker))
    return None


@per_span
def _ersatz(sent: Span) -> bool:
    """``Jedes Jahr würden so 600 Autos zerstört``, ``Sie hätten 45 Personen festgenommen``: Konjunktiv II of
    ``werden`` (or an umlauted one in the plural; a modal's - ``könnten`` - after a pronoun pointing back) in the main
    clause, the form reported speech takes where Konjunktiv I looks like the indicative (plural)."""
    return any((t.lemma_ == "werden" and "Sub" in t.morph.get("Mood", []) or C.ersatz_konjunktiv(t)) and (
        t.dep_ == "ROOT" or t.head.dep_ == "ROOT" and t.dep_ in ("aux", "aux:pass")
        or t.dep_ == "dep" and C.perfect_auxiliary(t)) for t in sent) \
        or any(C.modal_ersatz(t) and (t.dep_ == "ROOT" or t.head.dep_ == "ROOT" and t.dep_ == "aux"
                                      or _verb_second(sent, t)) and _pronoun_subject_before(sent, t) for t in sent)
    # a modal the parser hung elsewhere (as an article of the noun after it) is read by its main-clause place


def _pronoun_subject_before(sent: Span, modal: Token) -> bool:
    """``Diese könnten täglich nur 20 Tonnen liefern``: a modal's Konjunktiv II goes on with the report before only
    where its subject points back to what was reported (a personal or demonstrative pronoun before it); with a
    subject of its own (``Die Behörden könnten künftig 300 Beamte einsetzen``) it is a possibility the article
    names."""
    return any(t.dep_ in ("nsubj", "nsubj:pass") and t.tag_ in ("PDS", "PPER") and t.i < modal.i for t in sent)


@per_span
def _agentless_report(sent: Span) -> bool:
    """``Die Zahl der Verletzten wurde mit 40 angegeben``: the main clause's reporting verb in the passive, its
    agent not named, and no other cue in the sentence (``..., geht aus der Statistik hervor``); or impersonal
    ``heißen`` that says nothing of where it was heard (`_bare_heissen`: ``..., hieß es.``)."""
    verbs = [t for t in sent if reporting(t)]
    if len(verbs) != 1 or any(C.is_attribution_preposition(t) for t in sent):
        return False
    verb = verbs[0]
    if _bare_heissen(verb):
        return True
    return _clause_head(verb).dep_ == "ROOT" and any(c.dep_ == "aux:pass" for c in verb.children) \
        and not any(c.dep_ == "obl:agent" for c in verb.children)


def _bare_heissen(verb: Token) -> bool:
    """``Mehr als 40 Helfer waren im Einsatz, hieß es.``: impersonal ``es heißt`` with nothing under it but a time
    or an adverb (``hieß es am Abend``, ``heißt es weiter``) is a report whose giver the sentence leaves unnamed, as
    the agentless passive does - it goes on with the source named before. A phrase of where it was heard or read
    (``hieß es aus dem Ministerium``, ``in dem Bericht``) is a source of its own, a ``das`` subject a conclusion
    (``Das heißt, ...``); with an infinitive (``Nun heißt es abwarten``) it means "now one must", no report; with a
    number of its own (``Danach hieß es 2:0``, the parse hangs the score as an adverb) it tells a result, no report.
    In a clause a conjunction opens it is no main clause's report going on with the run before: ``Der Bau kostete,
    wie es heißt, 7 Millionen`` is the reporter's hedge (hearsay, no one named), ``Als es hieß, ...`` a time."""
    prt = C.particle(verb)                  # "hieß es weiter": an adverb the parser may hang as the particle
    if C.verb_lemma(verb) != "heißen" or prt is not None and prt.tag_ != "ADV" \
            or not any(c.lower_ == "es" and c.dep_ in ("nsubj", "expl") for c in verb.children) \
            or any(c.tag_ in ("KOUS", "KOKOM") for c in verb.children):
        return False
    return not any(c.dep_ in ("obl", "nmod", "obj", "iobj", "nsubj") and c.lower_ != "es" and not C.timed(c)
                   or c.tag_ in ("VVINF", "VAINF", "VMINF", "CARD") for c in verb.children)


def _told_of(sent: Span) -> Token | None:
    """The personal pronoun an agentless report in the passive is made to or about (``Ihm war vorgeworfen
    worden, ...``, ``Ihr wurde mitgeteilt, ...``): the person it points back to is told, not telling."""
    for verb in sent:
        if reporting(verb) and any(c.dep_ == "aux:pass" for c in verb.children):
            return next((c for c in verb.children if c.tag_ == "PPER" and "3" in c.morph.get("Person", [])
                         and set(c.morph.get("Case", [])) & {"Dat", "Acc"}), None)
    return None


def _agrees(pronoun: Token, head: Token) -> bool:
    """Can a third-person pronoun point back to the speaker's head: same number, and for a noun the same gender
    (``die Sprecherin`` - ``ihr``)? (`_owner_agrees` of the pronoun's own number and gender.)"""
    num, gen = pronoun.morph.get("Number", []), pronoun.morph.get("Gender", [])
    return _owner_agrees(((num[0] if num else "*", gen[0] if gen else "*"),), head)


_Readings = tuple[tuple[str, str], ...]           # whom a pronoun points to: (number, gender) pairs, "*" for any


def _owner_agrees(readings: _Readings, head: Token) -> bool:
    """Can a third-person pronoun of these readings (its own number and gender, or a possessive's owner's) point to
    the phrase headed by `head`: same number, and for a noun the same gender where both show one? A name's gender in
    the parse is a guess from its letters (``Wałęsa`` read as feminine, a person's name tagged a body): a name agrees
    with any pronoun of its number."""
    hnum, hgen = head.morph.get("Number", []), head.morph.get("Gender", [])
    for num, gen in readings:
        if num != "*" and hnum and num not in hnum:
            continue
        if head.pos_ == "NOUN" and gen != "*" and hgen:
            if gen in hgen:
                return True
            continue
        if head.pos_ in ("PROPN", "PRON", "NOUN"):
            return True
    return False


def _chain(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """Reported speech running on: a sentence in Konjunktiv I (main clause), opened by ``demnach``, with
    ``so X weiter``, with hearsay ``sollen`` or a reporting verb in the passive without its agent (``wurde mit
    214 angegeben``) takes the source of the sentences before it in the paragraph (up to
    three back, one more for each sentence between that carries on; one sentence of the reporter's own in the
    whole run does not end the chain: Konjunktiv I
    always reports someone); Konjunktiv II of ``werden`` (``würden``) or an umlauted one standing for Konjunktiv I
    (``stünden``) or a modal's in the plural after a pronoun pointing back (``Diese könnten``: ``können`` would look
    like the indicative) only that of the sentence right before, or of the one before a run of such sentences (a
    modal's Konjunktiv II in the singular - ``könnte`` - or with a subject of its own is a possibility and ends the
    chain)."""
    sent = _span(doc, units[i])
    if sent is None:
        return None
    ersatz = not (reported(sent) or carries_on(sent) or C.hearsay_modal(sent) or _agentless_report(sent))
    if ersatz and not _ersatz(sent):
        return None
    about = None if ersatz or reported(sent) or carries_on(sent) or C.hearsay_modal(sent) else _told_of(sent)
    k, gaps, reach = i - 1, 0, i - 3
    # a paragraph's first sentence that carries on (`carries_on`: "demnach", "den Angaben zufolge", anywhere in the
    # sentence) points back over the break to the paragraph before: to its last sentence (the run then goes on
    # within that paragraph); other reported speech stops at the break
    para = units[i - 1].paragraph if i > 0 and units[i - 1].paragraph != units[i].paragraph and carries_on(sent) \
        and not units[i - 1].heading else units[i].paragraph
    while k >= 0 and k >= reach and units[k].paragraph == para and not units[k].heading:
        speaker = _unit_speaker(doc, units, k, by_unit)
        if speaker is not None and _answers_the_report_before(doc, units[k]) \
                and not _answerer_goes_on(doc, sent, speaker):
            # "X klagt ... Die Genannten wiesen das zurück. Die Kampagne hätte 18 Geschäfte vernichtet, heißt es in
            # der Klageschrift": who only answers the report before (its object points back to it) has said nothing
            # the reported speech after it could go on with; where the next sentence names the run's source, that is it
            after = _next_reported(doc, units, i, by_unit)
            if after is not None:
                STATS["reported speech after an answer: the source that closes it"] += 1
                return after
        if speaker is not None:
            if about is not None and speaker.q.speaker_head is not None \
                    and _agrees(about, doc[speaker.q.speaker_head]):
                STATS["agentless report about the speaker before: no source"] += 1
                return None
            return speaker
        prev = _span(doc, units[k])
        if ersatz and prev is not None and reported(prev):
            # "Österreich liege vorne. Tatsächlich wären nur 600.000 gekommen": Konjunktiv II standing for Konjunktiv
            # I goes on with the reported speech right before it (or before a run of Konjunktiv II sentences, the
            # loop goes back over only those) - with that sentence's own run where it names no speaker itself; a
            # sentence in Konjunktiv I that holds a Konjunktiv II too ("Österreich liege vorne: Hätten die
            # Deutschen ..., wären es 900.000") is Konjunktiv I's run all the same
            said = _chain(doc, units, k, by_unit)
            if said is not None:
                STATS["Konjunktiv II after a run of Konjunktiv I: its source"] += 1
            return said
        if prev is None or ersatz and not _ersatz(prev):
            break                                      # Konjunktiv II goes back only over Konjunktiv II
        if not ersatz and carries_on(prev):
            # "Der Statistik zufolge ... . Im Vorjahr seien 173 Fälle gezählt worden": a sentence that goes on with a
            # source named before it ("dem Bericht zufolge", "Demnach") speaks with that source - the run reaches
            # one sentence further back through it to where its report was named; the one sentence of the reporter's
            # own the run may hold is counted over the whole run (a fresh count at each such sentence would carry a
            # source over any number of the reporter's sentences)
            reach -= 1
            STATS["chain through a sentence that carries on"] += 1
        elif not ersatz and not gaps and _reported_unnamed(prev):
            # "X bezifferte die Toten mit 13. ... Bei den Einsätzen seien 61 verletzt worden. Die Zahl der Geschäfte
            # wurde mit 214 angegeben. Außerdem seien 56 Fahrzeuge zerstört worden": a sentence that reports without
            # naming who (Konjunktiv I, hearsay "sollen", a report in the agentless passive) is the run's own - no
            # sentence of the reporter's own; where it stands in the unbroken run right before the figure it holds the
            # run open one sentence further back (past the reporter's one sentence the reach is the plain one: a
            # figure after a sentence of the reporter's own that opens a new matter is not held to a run long before)
            reach -= 1
            STATS["chain through reported speech naming no one"] += 1
        if not ersatz and not (_reported_unnamed(prev) or carries_on(prev)):
            gaps += 1
            if gaps > 1:
                break
        k -= 1
    # only Konjunktiv I and the Konjunktiv II standing for it report for sure: hearsay "sollen" ("Sollten fünf
    # Prozent frei werden, ...": a condition), "demnach" or an agentless passive do not point to who acted before
    return _actor_before(doc, units, i, by_unit) if ersatz or reported(sent) else None


def _actor_before(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """``Die Regierung hat den Krisenzustand verhängt. Polizei und Militär würden um 1.500 Mann verstärkt.``:
    reported speech (Konjunktiv I or the Konjunktiv II standing for it) always reports someone; where no speaker
    is named before it in the run, the person or body that acts in the main clause of the sentence right before
    it (its subject: a name of a person or organisation, or a noun that can speak) is whom it reports - or, after
    an unbroken run of reported speech naming no one (up to three sentences back), the one acting right before the
    run: ``Gewerkschaftschef Brandl macht ein drittes Problem aus. Es sei keineswegs so, ... Die Lage sei ernst.``"""
    k = i - 1
    while k >= 0 and k > i - 4 and units[k].paragraph == units[i].paragraph and not units[k].heading \
            and not by_unit[k] and _reports_unnamed_or_ersatz(_span(doc, units[k])):
        k -= 1
    if k < 0 or units[k].paragraph != units[i].paragraph or units[k].heading or by_unit[k]:
        return None
    sent = _span(doc, units[k])
    if sent is None or any(reporting(t) for t in sent) or not _acts(sent.root):
        return None
    said = _subject_said(doc, sent.root, units[k])
    if said is None or said.q.speaker_head is None or not _actor(doc[said.q.speaker_head]) \
            or _another_party_acts(_span(doc, units[i]), doc[said.q.speaker_head]):
        return None
    STATS["reported speech after a sentence its subject acts in: that subject"] += 1
    return said


def _reported_unnamed(sent: Span) -> bool:
    """Does the sentence report what someone said without naming who: Konjunktiv I in its main clause, hearsay
    ``sollen`` of the past, or a reporting verb in the agentless passive (``wurde mit 214 angegeben``)?"""
    return reported(sent) or _hearsay_of_the_past(sent) or _agentless_report(sent)


def _hearsay_of_the_past(sent: Span) -> bool:
    """``Die Ursache soll ein Kabel gewesen sein``, ``Er soll ausgebildet worden sein``: ``sollen`` with a perfect
    infinitive (a participle with ``haben``/``sein``) tells what is said to have happened - hearsay. With a present
    infinitive (``Die Kampagne soll im Mai beginnen``, ``soll eröffnet werden``) it is as often a plan, the reporter's
    own telling."""
    return C.hearsay_modal(sent) and any(
        t.tag_.endswith("PP") and any(c.dep_.startswith("aux") and c.lemma_ in ("haben", "sein") and c.i > t.i
                                      for c in t.children)
        for t in sent)


def _answerer_goes_on(doc: Doc, sent: Span, speaker: Said) -> bool:
    """``Die Betreiber bestritten dies. Man habe 40 Filter eingebaut. Der Fluss sei belastet, sagte ein Biologe.``:
    reported speech whose subject is ``man`` (a body speaking of itself) or a personal pronoun agreeing with the one
    who answered goes on with that answer - it is not the report of a speaker named in the sentence after it."""
    head = speaker.q.speaker_head
    for t in sent:
        if t.dep_ not in ("nsubj", "nsubj:pass") or t.head.i != sent.root.i or t.pos_ != "PRON":
            continue
        if t.lower_ == "man" or t.tag_ == "PPER" and "3" in t.morph.get("Person", []) and head is not None \
                and _agrees(t, doc[head]):
            return True
    return False


def _answers_the_report_before(doc: Doc, unit: UnitLike) -> bool:
    """``Die Genannten wiesen das zurück.``, ``Der Konzern bestritt dies.``: a reporting verb whose only content is a
    demonstrative or ``es`` pointing back to what was reported before - no clause, no figure of its own."""
    sent = _span(doc, unit)
    if sent is None or any(t.like_num or t.pos_ == "NUM" for t in sent):
        return False
    for verb in sent:
        if not reporting(verb) or any(c.dep_ in ("ccomp", "parataxis", "xcomp", "csubj") for c in verb.children):
            continue
        # the tagger may read a demonstrative standing alone as an article ("wies das zurück": DET, no noun under it)
        if any(c.dep_ in ("obj", "obl:arg") and c.pos_ in ("PRON", "DET") and not list(c.children)
               and (c.lower_ == "es" or c.tag_ == "PDS" or c.lemma_ in ("der", "dieser")) for c in verb.children):
            return True
    return False


def _proposal(doc: Doc, unit: UnitLike, tok: Token) -> Said | None:
    """``Die Regierung will 500 Soldaten schicken``, ``Die Gewerkschaft möchte die Löhne um fünf Prozent erhöhen``,
    ``Die Regierung beabsichtigt, 300 Wohnungen zu bauen``: a figure in what a person or body wants or plans (lang/de
    intention_verbs) is known from its own word - the subject that proposes it is its source. Only the clause the
    figure stands in counts (not a clause under it), and the subject must be a party that can speak and not hold the
    figure itself (``500 Helfer wollen ...``). Not in a question or an interviewer's turn (`_asked`): a plan asked
    about or put to someone is not stated by its planner. Not ``würde`` + infinitive: Konjunktiv II is mostly a
    hypothesis (``Als Kandidaten würden ihm nur 18 Prozent vertrauen``), and there the parser's subject is often not
    one."""
    verb = _clause_head(tok)
    intender = _intending(verb)
    if intender is None or _asked(doc, unit, tok):
        return None
    from .speakers import subject_of

    subj = subject_of(intender) or _perfect_subject(intender)   # "will" may hold the subject it shares
    if subj is None or subj.dep_ != "nsubj" or not _actor(subj) or tok.i in {t.i for t in subj.subtree} \
            or C.timed(tok):
        return None
    return _subject_said(doc, intender, unit)


def _intending(verb: Token) -> Token | None:
    """The verb whose subject states the plan the clause of `verb` tells: `verb` itself or the verb it is the
    zu-infinitive of, where a verb of intending (``plant``, ``beabsichtigt, ... zu bauen``); `verb` where a modal of
    will (``will``, ``möchte``) stands with it as its auxiliary. None for any other clause."""
    intending = words("intention_verbs")
    for v in (verb, verb.head if verb.dep_ == "xcomp" else None):
        if v is not None and v.pos_ in ("VERB", "AUX") and C.full_lemma(v) in intending and _wishes(v):
            return v
    for aux in verb.children:
        if aux.dep_ == "aux" and aux.lemma_ in intending and _wishes(aux):
            return verb
    return None


def _wishes(verb: Token) -> bool:
    """``möchte`` is a wish, ``mag`` a possibility: ``mögen`` states a plan only in Konjunktiv II."""
    return verb.lemma_ != "mögen" or "Sub" in verb.morph.get("Mood", [])


def _list_intro(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """An item of a list takes the source of the line that introduces the list (it ends in a colon)."""
    text = doc_text(doc)
    if not LIST_ITEM.match(text[units[i].start:units[i].end]):
        return None
    k = i - 1
    while k >= 0 and k >= i - 30 and LIST_ITEM.match(text[units[k].start:units[k].end]):
        k -= 1
    if k < 0 or not text[units[k].start:units[k].end].rstrip().endswith(":"):
        return None
    if by_unit[k]:
        return by_unit[k][0]
    sent = _span(doc, units[k])
    for verb in sent or ():
        if C.is_reporting_verb(verb) or verb.pos_ == "VERB" and verb.dep_ == "ROOT":
            said = _subject_said(doc, verb, units[k])
            if said is not None:
                return said
    return None


def _acting_subject(doc: Doc, unit: UnitLike) -> bool:
    """Does the sentence's main clause have a person or body for its subject ("Die Küstenwache barg 23
    Leichen")? Then it tells what they did, not what the paragraph's source reported."""

    sent = _span(doc, unit)
    for tok in sent or ():
        if tok.dep_ in ("nsubj", "nsubj:pass") and _clause_head(tok).dep_ == "ROOT" and _party(tok):
            return True
    return False


def _acts(verb: Token) -> bool:
    """Is the main clause's verb a full verb in the active voice, its subject doing something (``hat den Notstand
    ausgerufen``), not a state (``sind ... zusammengeschlossen``) or a verb the parser found inside a quoted name
    (``In der „Aktion Nachbarn helfen“ sind ...``: marks an article opens hold a name, not the clause's verb)?"""
    if verb.pos_ != "VERB" or any(c.dep_ == "aux:pass" for c in verb.children) or _state_passive(verb):
        return False
    return quoted_name_opening(verb) is None


def _another_party_acts(sent: Span | None, actor: Token) -> bool:
    """``Trump hat die Zölle erhöht. China habe mit Gegenzöllen reagiert.``, ``Die EU hat Sanktionen beschlossen.
    Moskau habe 25 Diplomaten ausgewiesen.``: reported speech whose own subject is another party - a person, body
    or state by the NER, or a noun that can speak - doing something (a verb with an object or an auxiliary: an act
    done or announced, not a state like ``Österreich liege vorne``) tells what that party did; the one acting before
    is the other side of the exchange, not who reports it."""
    if sent is None:
        return False
    root = sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() == actor.lemma_.lower() or not (
            subject.pos_ == "PROPN" and subject.ent_type_ in ("PER", "ORG", "LOC")
            or speaking_noun(subject.lemma_.lower())):
        return False
    # "Die Polizei werde um 800 Beamte aufgestockt": "werden" with no infinitive (future, Konjunktiv II) is "werden"
    # with a participle, the passive, whatever the parser hangs the subject as and however the tagger reads a
    # participle that looks finite ("verstärkt"): the subject undergoes it, it does not act
    passive = not root.tag_.endswith("INF") and any(c.dep_.startswith("aux") and c.lemma_ == "werden"
                                                    for c in root.children)
    return not passive and any(c.dep_ in ("aux", "obj") for c in root.children)


def _reports_unnamed_or_ersatz(sent: Span | None) -> bool:
    return sent is not None and (_reported_unnamed(sent) or _ersatz(sent))


def _actor(subject: Token) -> bool:
    """Is the subject someone who can act and speak: a person or organisation by the NER, a noun that can speak
    (``Behörde``, ``Sprecher``) or a name the NER gave no type that names no place (``Brandl``)? Not a pronoun,
    not a place or a thing."""
    return _party(subject) or subject.pos_ == "PROPN" and not subject.ent_type_ and not _is_place(subject.text, subject)


def _party(tok: Token) -> bool:
    """A person or body: a person or organisation by the NER, or a noun that can speak (``Behörde``, ``Sprecher``)."""
    return tok.ent_type_ in ("PER", "ORG") or speaking_noun(tok.lemma_.lower())


def _lead(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """``Nach Angaben der Polizei kamen ... . Am Sonntag waren es 2.100.``: a paragraph whose first
    sentence opens with an attribution phrase (``nach Angaben``, ``laut``) speaks with that source for
    the declarative sentences after it that name no source of their own and no person or body acting - in the
    figure's sentence or in one between (``Laut Polizei kamen 3.000. Am Abend räumten Beamte den Platz. Dabei wurden
    40 festgenommen.``: the text has turned to the party acting, as in `_carried_lead`)."""
    first = next((k for k in range(i) if units[k].paragraph == units[i].paragraph), None)
    if first is None or units[first].heading or _acting_subject(doc, units[i]):
        return None
    if any(_acting_subject(doc, units[k]) for k in range(first + 1, i)):
        STATS["a lead not carried past a party acting between"] += 1
        return None
    for s in by_unit[first]:
        if s.q.how == "prep" and s.q.cue and s.q.cue[0][0] - units[first].start < 3:
            return s
    return None


def _root_level(doc: Doc, s: Said, unit: UnitLike) -> bool:
    """Does an attribution phrase (``nach Angaben X``, ``laut X``) qualify its sentence's main clause?"""
    cue = _token_at(doc, s.q.cue[0][0]) if s.q.cue else None
    return cue is not None and _in(unit, cue.idx) and _clause_head(cue).dep_ == "ROOT"


def _carried_lead(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """``Am Sonntag kamen nach Angaben der Polizei 350 Menschen. Gegen Abend war das Lager leer. Insgesamt
    kamen 2.100.``: the source of a figure given ``nach Angaben X`` / ``laut X`` in its main clause - or of a
    report of figures that names its source after them (``..., schrieb die Zeitung.``, ``Das teilte X mit.``) -
    goes on to the declarative figures of the next sentences (up to three, also where the text has no paragraph
    breaks) while no other source is named between and no person or body acts in the figure's sentence or in one
    between."""
    if units[i].heading or _acting_subject(doc, units[i]) or _own_report(doc, units[i]):
        return None
    run = True                                         # a closed report goes on only over sentences of figures
    for k in range(i - 1, max(-1, i - 4), -1):
        if units[k].paragraph != units[i].paragraph or units[k].heading:
            return None
        sent = _span(doc, units[k])
        leads = [s for s in by_unit[k] if s.q.how == "prep" and _root_level(doc, s, units[k])]
        if leads and sent is not None and any(t.like_num for t in sent):
            if len({s.source.name for s in leads}) > 1:
                # "laut Anklage 270, laut Urteil 262 Käufer": sources set against each other - neither goes on
                STATS["sources set against each other: none carried on"] += 1
                return None
            return leads[0]
        closing = _closing_report(doc, units, k, by_unit) if run else None
        if closing is not None:
            STATS["report closed by its source, carried on"] += 1
            return closing
        run = run and sent is not None and _has_figure(doc, units[k], sent)
        if by_unit[k] or sent is None or any(reporting(t) for t in sent) or _acting_subject(doc, units[k]):
            return None                                # another source (or a speech act) between, or a party
            # acting between ("Laut Radiotest kam Ö3 auf 35 Prozent. Der Vermarkter behält sich Klagen vor."):
            # the text has turned to that party, the report's source does not reach past it
    return None


def _own_report(doc: Doc, unit: UnitLike) -> bool:
    """Is the sentence a report of its own whose source is left unnamed (``Zunächst war von 35 Toten die
    Rede``, ``Es wurde berichtet, ...``)? Its main clause is a reporting verb or noun."""
    sent = _span(doc, unit)
    return any(t.dep_ == "ROOT" and (reporting(t) or t.pos_ == "NOUN" and C.is_reporting_noun(t)) for t in sent or ())


def _closing_report(doc: Doc, units: Sequence[UnitLike], k: int, by_unit: list[list[Said]]) -> Said | None:
    """A report of figures that names its source after them: ``Es wurden 7.112 Verdächtige ermittelt, schrieb
    die Zeitung.`` (the quotation before its cue, a figure in it), or ``Der Anteil sank auf 15,2 Prozent. Das
    teilte die Behörde mit.`` (units[k] points back to a sentence with a figure)."""
    for s in by_unit[k]:
        cue = s.q.cue[0][0] if s.q.cue else None
        verb = _token_at(doc, cue) if cue is not None else None
        main = verb is not None and (_clause_head(verb).dep_ == "ROOT" or any(    # "Wie X mitteilte, ..."
            c.lower_ == "wie" and c.dep_ in ("mark", "advmod", "case") for c in verb.children))
        if s.q.how in ("verb", "verb-fallback") and verb is not None and main \
                and any(doc[t].pos_ == "NUM" and _in(units[k], doc[t].idx) for t in s.q.tokens):
            return s
    if k == 0 or units[k - 1].paragraph != units[k].paragraph:
        return None
    before = _span(doc, units[k - 1])
    if before is None or not _has_figure(doc, units[k - 1], before):
        return None
    return _anaphoric_next(doc, units, k - 1, by_unit)


def _has_figure(doc: Doc, unit: UnitLike, sent: Span) -> bool:
    return any(t.pos_ == "NUM" and _in(unit, t.idx) for t in sent)


def _next_reported(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """``Bei Kämpfen sind zwölf Menschen getötet worden. Unter den Opfern seien vier Polizisten, berichtete
    die Agentur X.``: a sentence in Konjunktiv I (or the Konjunktiv II standing in for it: ``hätten``) whose
    source follows what it reports goes on with the sentence before it; that sentence, naming no source of its
    own, is X's too - unless the reported sentence is the speaker's say of himself (`_speaks_of_self`)."""
    j = i + 1
    if j >= len(units) or units[j].paragraph != units[i].paragraph or units[j].heading or units[i].heading:
        return None
    for s in by_unit[j]:
        at = s.q.cue[0][0] if s.q.cue else s.q.speaker[0][0]
        if s.q.how in ("verb", "verb-fallback") and s.q.quote and s.q.quote[0][0] < at \
                and any(C.konjunktiv1(doc[t]) or C.ersatz_konjunktiv(doc[t]) for t in s.q.tokens):
            if _judges_the_sentence_before(doc, s):
                STATS["a speaker's comment on the sentence before: not its report"] += 1
                return None
            if _speaks_of_self(doc, s, _span(doc, units[i])):
                STATS["a speaker's say of himself after the sentence: not its report"] += 1
                return None
            return s
    return None


_POSSESSIVE_OWNERS: dict[str, tuple[str | None, _Readings]] = {
    lemma: (person, tuple((r.split(":")[0], r.split(":")[1]) for r in readings.split(",")))
    for lemma, person, readings in rows("possessive_owners")}


def _speaks_of_self(doc: Doc, s: Said, before: Span | None) -> bool:
    """``Die Bahn stand wegen des Streiks 48 Stunden still. Er habe dafür kein Verständnis, erklärte der Minister.``,
    ``Die Partei hatte nach 30 Jahren das Rathaus verloren. In seiner Koalition sei das Klima gut, betonte Y.``,
    ``Der Pegel stieg auf 8,20 Meter. Ich habe die Lage im Griff, sagte der Bürgermeister.``: a say after the
    reporter's sentence that speaks of its speaker - in the first person (a direct quotation: ``ich``, ``wir``,
    ``unser``) or by a third-person pronoun that can point only forward to the speaker named after it (no person of
    the sentence before or of the say ahead of it agrees with it) - is his own view or doing, not the account the
    reporter's figure belongs to. (``Unter den Opfern seien vier Polizisten, berichtete X`` names no one of its own:
    it goes on.)"""
    if s.q.speaker_head is None or not s.q.tokens:
        return False
    speaker: Token | None = doc[s.q.speaker_head]
    said = [doc[k] for k in s.q.tokens]
    if speaker is not None and speaker.tag_ == "PPER" and speaker.i < min(s.q.tokens) + 2:
        # "Er habe dafür kein Verständnis, erklärte der Minister": the parse may take the say's own subject pronoun
        # for its speaker - it is a word of the say, whom it points to is asked as of any other
        said, speaker = [speaker] + said, None
    for t in said:
        person, readings = _pronoun_owner(t)
        if person == "1":
            return True
        if person == "3" and (speaker is None or _owner_agrees(readings, speaker)) and not any(
                _owner_agrees(readings, p) for p in _persons_ahead(before, s, t)):
            return True
    return False


def _pronoun_owner(t: Token) -> tuple[str | None, _Readings]:
    """Whom a personal pronoun or possessive points to: (person, number:gender readings) - a possessive by its lemma
    (lang/de possessive_owners), a personal pronoun by its morphology; (None, ()) for any other word and for ``es``
    and ``man`` (no one in particular). A possessive is known by its tag or by the morphology Poss=Yes (the tagger
    takes a sentence-opening ``Seine`` for an article now and then); whom it points to is read from the list, not
    from the morphology's Person / Number[psor] / Gender[psor], which the tagger leaves out or gets wrong on many
    possessives (``Ihre Forderungen``, ``Unser Team``: none; ``ihren Eltern`` of ``die Kinder``: masculine)."""
    if t.tag_ == "PPOSAT" or "Yes" in t.morph.get("Poss", []):
        return _POSSESSIVE_OWNERS.get(t.lemma_.lower(), (None, ()))
    if t.tag_ != "PPER" or t.lower_ == "es":
        return None, ()
    person = next(iter(t.morph.get("Person", [])), None)
    number, gender = next(iter(t.morph.get("Number", [])), "*"), next(iter(t.morph.get("Gender", [])), "*")
    return person, ((number, gender if number == "Sing" else "*"),)


def _persons_ahead(before: Span | None, s: Said, pronoun: Token) -> list[Token]:
    """The persons a pronoun of the say may point back to: those of the sentence before it and of the say ahead of
    the pronoun - a person's name or a noun naming people (`speakers.speaker_kind`: ``Angeklagte``, ``Sprecher``,
    ``Anwohner``) or a body by its noun (``Behörde``); not a body's name, whose gender the parse does not know."""
    from .speakers import speaker_kind

    ahead = list(before or ()) + list(pronoun.doc[min(s.q.tokens):pronoun.i])
    return [t for t in ahead if t.pos_ in ("NOUN", "PROPN")
            and speaker_kind(t) in ("per", "role", "person", "agent", "body")]


def _judges_the_sentence_before(doc: Doc, s: Said) -> bool:
    """``Die Armee hatte 40 Panzer geliefert. Dies sei ein wichtiges Signal, sagte der Minister.``: the reported
    clause's subject is a demonstrative pronoun pointing back and its verb the copula ``sein`` with no verb of
    its own and no figure - the speaker judges what the sentence before told (on the reporter's word), he does not
    report it. (``Das seien 20 mehr als im Vorjahr``, a figure of its own, goes on with the report.)"""
    quote = [doc[t] for t in s.q.tokens]
    return any(t.dep_ == "nsubj" and t.tag_ == "PDS" for t in quote) \
        and any(t.lemma_ == "sein" and t.tag_ == "VAFIN" for t in quote) \
        and not any(t.pos_ in ("VERB", "NUM") or t.like_num for t in quote)


def _under_heading(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """A subheading sums up the paragraph under it: where it names no source, its figures are those of
    the first sentence under it (``Offenbar mehr als 10.000 Soldaten im Einsatz`` / ``Nach Angaben ...``)."""
    if not units[i].heading or units[i].title or i + 1 >= len(units) or units[i + 1].heading:
        return None
    return by_unit[i + 1][0] if by_unit[i + 1] else None


_TURN_OPENERS = frozenset({".", "?", "!", "…"})   # what ends the turn before a speaker's label


def _turn_label_at(doc: Doc, colon: Token) -> Span | None:
    """The speaker label a colon closes where it opens a turn of a printed interview: one to three capitalised
    words right after the end of a sentence (or the text's start) - ``... gestiegen? Brandauer: Es sind ...``,
    ``ZEITUNG: Wie ...``. The parser's tags of such a label are no help (a name before a colon at a sentence's
    start is often tagged an adjective), so the form decides; the recurrence in `_turn_labels` the reading."""
    for width in (1, 2, 3):
        first = colon.i - width
        if first < 0:
            return None
        words_ = doc[first:colon.i]
        if not all(t.is_alpha or "-" in t.text and t.text.replace("-", "").isalpha() for t in words_) \
                or not all(t.text[:1].isupper() for t in words_):
            return None
        before = doc[first - 1] if first else None
        if before is None or before.text in _TURN_OPENERS or "\n" in before.text:
            return words_
    return None


def _turn_labels(doc: Doc) -> list[Span]:
    """The speaker labels of an interview printed as a transcript, in text order: only where two labels of
    different names (the last word: ``Maria Lenz-Obermaier``, then ``Lenz-Obermaier``) each open two
    turns or more - a heading like ``Fazit:`` or ``Zum Vergleich:`` once is no interview. Kept in the Doc."""
    cached = doc.user_data.get("_lagebild_turn_labels")
    if cached is None:
        labels = [lab for t in doc if t.text == ":" and (lab := _turn_label_at(doc, t)) is not None]
        counts = Counter(lab[-1].text for lab in labels)
        cached = labels if sum(1 for n in counts.values() if n >= 2) >= 2 else []
        doc.user_data["_lagebild_turn_labels"] = cached
    return cached


def _names_no_one(label: Span) -> bool:
    """Does the label name no one who answers - an FAQ's ``Frage:``/``Antwort:`` (lang/de question_answer_labels)
    or a listing's weekday or month (``Montag: ... Dienstag: ...``)? The tagger and the lexicon are no help with a
    label's name (``Hofer:`` is a common noun to both), so what names no one is what is listed."""
    low = label[-1].lower_
    return low in words("question_answer_labels") or low in weekdays() or low in months()


def _interview_turn(doc: Doc, tok: Token) -> Said | None:
    """``ZEITUNG: Wie viele fehlen? Brandauer: ... Es fehlen rund 300 Lehrer``: in a printed
    interview the figures of an answer are the answerer's, the name of the label that opens the turn. The
    interviewer's turns (the outlet's label, or where no label names an outlet, the label of the first turn)
    name no one: a question's figure is the outlet's own."""
    turn = _turn_of(doc, tok)
    if turn is None or _askers(doc, turn) or _names_no_one(turn):
        return None
    from . import legacy

    name = turn.text
    q = Quotation("Reported", (), ((doc[turn.end].idx, doc[turn.end].idx + 1),),
                  ((turn.start_char, turn.end_char),), turn[-1].i, how="colon")
    return Said(q, Source(name, name, legacy._kind(name, True)), [(turn.start_char, turn.end_char)])


def _turn_of(doc: Doc, tok: Token) -> Span | None:
    """The label of the interview turn the token stands in (`_turn_labels`); None outside a printed interview."""
    return next((lab for lab in reversed(_turn_labels(doc)) if lab.end <= tok.i), None)


def _askers(doc: Doc, turn: Span) -> bool:
    """Is the turn the interviewer's: the outlet's label, or where no label names an outlet, the first turn's?"""
    labels = _turn_labels(doc)
    outlets = {lab[-1].text for lab in labels if outlet_name(lab[-1].text)}
    return turn[-1].text in (outlets or {labels[0][-1].text})


def _asked(doc: Doc, unit: UnitLike, tok: Token) -> bool:
    """Is the figure asked about rather than stated: in a question (``Warum will die Stadt 200 Bäume fällen?``) or
    in an interviewer's turn, whose words are the outlet's own (``STANDARD: Ihre Partei will die Beihilfe auf 300 Euro
    kürzen. Ist das fair?``: the interviewer puts the plan to the answerer - `_interview_turn`)?"""
    sent = _span(doc, unit)
    last = next((t for t in reversed(sent) if not t.is_space), None) if sent is not None else None
    if last is not None and last.text == "?":
        return True
    turn = _turn_of(doc, tok)
    return turn is not None and _askers(doc, turn)


def _quoted(doc: Doc, units: Sequence[UnitLike], i: int, tok: Token, by_unit: list[list[Said]]) -> Said | None:
    """A figure inside quotation marks that run over several sentences: the speaker of the cue right after
    the closing mark (``„... 300 Plätze. ...“, sagte X``) or right before the opening one (``X: „...“``)."""
    from .quotations import _quote_marks

    for a, b in _quote_marks(doc):
        if not a < tok.i < b:
            continue
        best: tuple[int, Said] | None = None
        for k, u in enumerate(units):
            if u.paragraph != units[i].paragraph:
                continue
            for s in by_unit[k]:
                head = s.q.speaker_head
                if head is None or a <= head <= b:
                    continue
                cue = _token_at(doc, s.q.cue[0][0]) if s.q.cue else doc[head]
                at = cue.i if cue is not None else head
                dist = at - b if at > b else a - at
                if 0 < dist <= 8 and (best is None or dist < best[0]):
                    best = (dist, s)
        return best[1] if best else None
    return None


def _side(doc: Doc, unit: UnitLike) -> Said | None:
    """``nach russischen Angaben``, ``laut ukrainischen Angaben``: a reporting noun qualified by an adjective
    of a country or party names that side."""
    sent = _span(doc, unit)
    for tok in sent or ():
        if tok.lower_ not in ("nach", "laut") or tok.head.i == tok.i or not C.is_reporting_noun(tok.head):
            continue
        adj = next((c for c in tok.head.children if c.dep_ == "amod" and c.lemma_.lower().endswith("isch")), None)
        if adj is None:
            continue
        src = Source(f"{adj.lemma_.lower()}e Seite", doc_text(doc)[tok.idx: tok.head.idx + len(tok.head.text)], "side")
        spans = ((tok.idx, tok.head.idx + len(tok.head.text)),)
        return Said(Quotation("Indirect", (), spans, spans, tok.head.i, how="prep"), src, list(spans))
    return None


def _genitive_inverted(doc: Doc, unit: UnitLike) -> Said | None:
    """``nach Erkenntnissen westlicher Geheimdienste``: the parser may hang the reporting noun under the
    genitive that follows it; that noun is the source."""
    for tok in _span(doc, unit) or ():
        noun = tok.head
        if tok.lower_ not in ("nach", "laut") or noun.i == tok.i or not C.is_reporting_noun(noun):
            continue
        owner = noun.head
        if noun.dep_ in ("nmod", "nmod:poss") and owner.i > noun.i and owner.pos_ in ("NOUN", "PROPN") \
                and all(t.pos_ in ("ADJ", "DET") for t in doc[noun.i + 1: owner.i]):
            STATS["reporting noun hung under its genitive"] += 1
            spans = ((tok.idx, owner.idx + len(owner.text)),)
            q = Quotation("Indirect", (), ((tok.idx, tok.idx + len(tok.text)),), spans, owner.i, how="prep")
            src = _source(doc, q, [])
            return Said(q, src, list(spans)) if src is not None else None
    return None


def _document(doc: Doc, unit: UnitLike, tok: Token | None = None) -> Said | None:
    """``Auf der Liste der Korruptionsbekämpfung von Transparency International steht das Land unter 120
    Staaten``, ``Im Bericht des Rechnungshofs sind 120 Fälle genannt``: a document noun (document_nouns) in a
    phrase of the clause (document_at: ``in``, ``auf``, ``laut`` ...) whose author stands in its ``von`` phrase or
    genitive; the author is the source of the clause's figures (of tok's clause where tok is given)."""
    for noun in _span(doc, unit) or ():
        if noun.dep_ not in ("obl", "nmod", "nsubj") or not C.is_document_noun(noun) \
                or not any(c.dep_ in ("case", "dep") and c.lower_ in _DOCUMENT_AT for c in noun.children):
            continue
        if tok is not None and (tok.i in {t.i for t in noun.subtree} or _clause_head(noun).i != _clause_head(tok).i):
            continue                                   # "eine Liste von 300 Namen": the figure is the document's
        author = _document_author(noun)
        if author is not None:
            said = _report_noun_said(doc, noun, author, "prep")
            if said is not None and author.pos_ == "NOUN" and not any(c.dep_ == "det" for c in author.children):
                said.source.name = said.source.text or said.source.name   # "von Transparency International": a name
            if said is not None:
                STATS["author of a document"] += 1
                return said
    return None


# where a record is kept: "im Protokoll", "auf der Liste" (a "laut"/"nach" phrase is a report phrase of its own)
_RECORD_AT = frozenset({"in", "im", "auf"})


def _recorded_in(doc: Doc, unit: UnitLike, tok: Token) -> Said | None:
    """``Im Einsatzprotokoll ist vermerkt, dass 40 Feuerwehrleute vor Ort waren``: a verb of putting on record
    (recording_verbs) or of reporting, with no subject, whose ``in``/``auf`` phrase holds a document noun
    (document_nouns): the document - its author where it names one - is the source of what follows the verb under
    it, where the figure stands. A subject would be the one who records (``Die Polizei hat im Protokoll vermerkt``) and
    is read by the verb rules."""
    for noun in _span(doc, unit) or ():
        verb = noun.head
        if noun.dep_ != "obl" or not C.is_document_noun(noun) or verb.pos_ != "VERB" \
                or not any(c.dep_ == "case" and c.lower_ in _RECORD_AT for c in noun.children):
            continue
        if not (C.verb_lemma(verb) in words("recording_verbs") or reporting(verb)) \
                or any(c.dep_ in ("nsubj", "obl:agent") for c in verb.children):
            continue
        if tok.i < verb.i or tok.i not in {t.i for t in verb.subtree} or tok.i in {t.i for t in noun.subtree} \
                or _in_joined_main_clause(verb, tok):
            continue                                   # what is recorded follows the verb, under it (the parser
            # hangs the 'dass' clause as ccomp, dep or under a phrase of it)
        author = _document_author(noun)
        said = _report_noun_said(doc, noun, author if author is not None else noun, "prep")
        if said is not None:
            STATS["document a clause is recorded in"] += 1
            return said
    return None


# dependents that may follow a subordinate clause's finite verb at its end ("verletzt wurden", "festnahm, ...")
_AFTER_A_LAST_VERB = frozenset({"punct", "aux", "aux:pass", "cop", "compound:prt", "cc", "conj", "mark"})


def _in_joined_main_clause(verb: Token, tok: Token) -> bool:
    """``Im Protokoll ist vermerkt, dass der Minister kam, und die Polizei nahm 30 Menschen fest``: is the figure in a
    clause the parser joined (conj) below the recording verb whose verb stands second, before its object or phrases -
    a main clause, the article's own telling - rather than last, as in a coordinated ``dass`` clause (``und 30
    Menschen verletzt wurden``)?"""
    for t in verb.subtree:
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and tok.i in {s.i for s in t.subtree} \
                and any(c.i > t.i and c.dep_ not in _AFTER_A_LAST_VERB for c in t.children):
            return True
    return False


def _document_author(noun: Token) -> Token | None:
    """Who wrote a document: a ``von`` phrase under it or under its genitive (``der Liste der Korruptionsbekämpfung von
    X``) that names someone - a name, a body, a phrase without article (``von Reporter ohne Grenzen``) - else a
    genitive that can speak (``des Rechnungshofs``; ``der Pressefreiheit`` cannot); no figure, no time."""
    def named(t: Token, von: bool) -> bool:
        if t.pos_ not in ("NOUN", "PROPN") or t.like_num or any(c.like_num or c.pos_ == "NUM" for c in t.subtree) \
                or C.timed(t):                          # "vom Montag", "von Mai"
            return False
        if can_speak(t) or t.ent_type_ in ("ORG", "PER", "MISC") or headed_by(t.lemma_.lower(), _BODY_HEADS):
            return True
        return von and t.text[:1].isupper() and not any(c.dep_ == "det" for c in t.children) \
            and "Sing" in t.morph.get("Number", ["Sing"]) and not _is_place(t.text, t)

    layer = [noun]
    for _ in range(2):                                 # the document's attributes and theirs
        nxt = []
        for h in layer:
            for c in h.children:
                if c.dep_ not in ("nmod", "nmod:poss") or c.i < noun.i:
                    continue
                cases = {g.lower_ for g in c.children if g.dep_ == "case"}
                if cases & {"von", "vom"} and named(c, True) and not agent_of_verb(c):   # "von X bedroht"
                    return c
                if not cases and h.i == noun.i and "Gen" in c.morph.get("Case", ["Gen"]) and named(c, False):
                    return c
                if not cases or cases & {"von", "vom"}:
                    nxt.append(c)
        layer = nxt
    return None


def _estimate(doc: Doc, unit: UnitLike) -> Said | None:
    """``In südkoreanischen und ukrainischen Schätzungen wird von ... gesprochen``: estimates qualified by
    adjectives, in an ``in`` phrase, are the source (as written)."""
    for tok in _span(doc, unit) or ():
        noun = tok.head
        if tok.lower_ not in ("in", "nach") or noun.i == tok.i or not C.is_reporting_noun(noun):
            continue
        adjs = [c for c in noun.children if c.dep_ == "amod" and c.i < noun.i]
        if not adjs or not any(a.lemma_.lower().endswith("isch") for a in adjs):
            continue
        a, b = min(x.idx for x in adjs), noun.idx + len(noun.text)
        spans = ((tok.idx, b),)
        src = Source(doc_text(doc)[a:b], doc_text(doc)[tok.idx:b], "estimate")
        return Said(Quotation("Indirect", (), spans, spans, noun.i, how="prep"), src, list(spans))
    return None


def _origin(doc: Doc, unit: UnitLike) -> Said | None:
    """``Von der Bergwacht kam die Information, ...``: a reporting noun as the subject or object of a clause
    whose ``von``/``aus`` phrase says where it came from; that phrase is the source. Also the circle it was heard
    in, where that phrase can speak: ``In Justizkreisen war von acht Toten die Rede``."""
    for noun in _span(doc, unit) or ():
        if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "obj", "ROOT") or not C.is_reporting_noun(noun):
            continue
        # "war von drei Tätern die Rede": the von phrase of "die Rede sein" is what is said, never who says it
        # (a side's phrase - ``seitens``, ``vonseiten`` - never is: it names who speaks in the idiom too)
        idiom = noun.dep_ == "ROOT" or noun.head.lemma_ == "sein"
        origin = _heard_phrase(noun.head, _ORIGIN_IN_IDIOM if idiom else _ORIGIN)
        if origin is None or origin.i == noun.i or idiom and not _heard_from(origin):
            continue

        said = _report_noun_said(doc, noun, origin, "prep")
        if said is not None:
            return said
    return None


def _heard_from(origin: Token) -> bool:
    """In ``war von N die Rede`` no cue names a speaker, so an ``aus`` phrase is who speaks only where it can speak
    (``Aus Polizeikreisen``, ``aus dem Ministerium``); ``aus`` also gives a cause (``Aus Angst vor Plünderungen war
    von 40 Streifen die Rede``) or a place (``aus dem Krisengebiet``), which say nothing of who said it."""
    if not any(c.dep_ == "case" and c.lower_ == "aus" for c in origin.children):
        return True                                    # "seitens", "vonseiten": a side, who speaks
    return origin.lower_.endswith(_CIRCLES) or origin.ent_type_ == "ORG" or can_speak(origin)


def _report_noun_said(doc: Doc, noun: Token, speaker: Token, how: str) -> Said | None:
    """The report a reporting noun names, said by the phrase headed by ``speaker`` (None: no source there)."""
    from .speakers import np_tokens

    toks = np_tokens(speaker)
    spans = ((toks[0].idx, toks[-1].idx + len(toks[-1].text)),)
    q = Quotation("Reported", (), ((noun.idx, noun.idx + len(noun.text)),), spans, speaker.i, how=how)
    src = _source(doc, q, [])
    return Said(q, src, list(spans) + list(q.cue)) if src is not None else None


def _holder(doc: Doc, unit: UnitLike) -> Said | None:
    """``Die Polizei zog Bilanz: ...``, ``Das Ministerium legte eine Statistik vor.``: a reporting noun of no owner
    as the object of a reporting or presenting verb (report_presenting_verbs) whose subject can speak; that
    subject is the source of the report."""
    from .speakers import can_speak, genitive_or_von, subject_of

    for noun in _span(doc, unit) or ():
        if noun.pos_ != "NOUN" or noun.dep_ != "obj" or not C.is_reporting_noun(noun) or genitive_or_von(noun):
            continue
        verb = noun.head
        if verb.pos_ not in ("VERB", "AUX") or not (reporting(verb) or C.full_lemma(verb) in words(
                "report_presenting_verbs")):
            continue
        subj = subject_of(verb)
        if subj is None or subj.pos_ == "PRON" or not can_speak(subj) or not _in(unit, subj.idx):
            continue
        said = _report_noun_said(doc, noun, subj, "verb")
        if said is not None:
            STATS["holder of a report noun"] += 1
            return said
    return None


def _owned_report(doc: Doc, unit: UnitLike, tok: Token | None = None) -> Said | None:
    """``Die Angaben der Polizei wurden auf 76 Tote korrigiert``, ``Die polizeilichen Angaben wurden von 86 auf 76
    gesenkt``: a reporting noun that names its owner - a genitive or ``von`` phrase that can speak, a compound's first
    part (``Polizeiangaben``), an adjective of a body (``polizeiliche``: `cues.body_of_adjective`) - as the subject
    of an agentless passive that moves it to a figure (``auf``/``von``/``um`` N): the report now says that figure;
    its owner is the source (of tok's phrase where tok is given). A figure of the report itself (``Die Stellungnahme
    umfasst 20 Seiten``) or of another clause is not what it says."""
    from .speakers import can_speak, genitive_or_von

    for noun in _span(doc, unit) or ():
        if noun.pos_ != "NOUN" or noun.dep_ != "nsubj:pass" or not C.is_reporting_noun(noun) \
                or C.anaphoric_report(noun):
            continue
        verb = noun.head                               # as it is: the tagger may read the participle of
        if any(c.dep_ == "obl:agent" for c in verb.children):   # "wurden korrigiert" as an adjective
            continue
        moved = [c for c in verb.children if c.dep_ in ("obl", "obl:tmod") and _moved_to_figure(c)]
        if not any(case_word(c) in ("auf", "um") for c in moved):
            continue                                   # "von N" alone is no change ("von 86 auf 76" is): in a
            # passive it is the agent the parser may hang as obl ("wurden von 40 Journalisten angezweifelt")
        if C.full_lemma(verb) in words("report_presenting_verbs") and not any(case_word(c) == "um" for c in moved):
            continue                                   # "Die Studie des Instituts wurde auf 200 Seiten veröffent-
            # licht": a report presented, not moved - its "auf" phrase is where or in what it stands
        if tok is not None and not any(tok.i in {t.i for t in c.subtree} for c in moved):
            continue                                   # the figure of another phrase or clause
        owner = genitive_or_von(noun)
        if owner is None or not can_speak(owner) or owner.pos_ == "PRON":
            named = C.compound_speaker(noun) or any(c.dep_ == "amod" and C.body_of_adjective(c) for c in noun.children)
            owner = noun if named else None
        if owner is None:
            continue
        said = _report_noun_said(doc, noun, owner, "verb")
        if said is not None:
            STATS["owner of a report as the clause's subject"] += 1
            return said
    return None


def _moved_to_figure(phrase: Token) -> bool:
    """``auf 76 Tote``, ``von 86``, ``um 10 Prozent``: a phrase of a verb's change that holds a figure."""
    return any(c.dep_ == "case" and c.lower_ in ("auf", "von", "um") for c in phrase.children) \
        and any(t.like_num or t.pos_ == "NUM" for t in phrase.subtree)


def _in_sentence(doc: Doc, units: Sequence[UnitLike], i: int, tok: Token, by_unit: list[list[Said]]) -> Said | None:
    """A cue of the figure's own sentence the parse did not extend over the figure (``..., wie die Polizei
    mitteilte``, ``2023 hatte das Bundesamt 300 Anträge gezählt``, ``nach Angaben der UN`` hung under
    another clause): the nearest, one in the figure's own clause (no comma between) first."""
    cands = list(by_unit[i])
    cued = {s.q.cue[0][0] for s in cands if s.q.cue}
    for verb in _span(doc, units[i]) or ():
        if verb.idx not in cued and reporting(verb) and not (verb.dep_ in ("acl", "amod") or verb.tag_ == "ADJA"):
            said = _subject_said(doc, verb, units[i])
            if said is not None:
                cands.append(said)
    side = _genitive_inverted(doc, units[i]) or _estimate(doc, units[i]) or _side(doc, units[i]) \
        or _origin(doc, units[i]) or _holder(doc, units[i]) or _document(doc, units[i], tok) \
        or _recorded_in(doc, units[i], tok) or _owned_report(doc, units[i], tok)
    if side is not None:
        cands.append(side)
    cands = [s for s in cands if not _beyond_phrase(s, tok)]
    if not cands:
        return None

    def key(s: Said) -> tuple[bool, int]:
        at = s.q.cue[0][0] if s.q.cue else s.q.speaker[0][0]
        return (_comma_between(doc, s, tok), abs(at - tok.idx))
    return min(cands, key=key)


def _beyond_phrase(s: Said, tok: Token) -> bool:
    """``Nicht nur, dass X laut amtlichem Resultat ... hat, auch zehn Karten seien ... gewertet worden``: the figure
    stands in a main clause the parser hung under another (`quotations.hung_main_clause`), and s is a phrase's cue
    (``laut X``) outside it - a phrase of the other clause, which does not reach the figure. Verb cues still do: a verb
    of saying may have its said clause hung so (``sagte im Interview mit dem Sender, 120 Häuser seien ...``)."""
    if s.q.how != "prep" or not s.q.cue:
        return False
    main = next((a for a in (tok, *tok.ancestors) if hung_main_clause(a)), None)
    if main is None or s.q.cue[0][0] in {t.idx for t in main.subtree}:
        return False
    # ``Nach Angaben der Stadt brannten 14 Autos, die Feuerwehr löschte 9 Brände``: a phrase of the sentence's main
    # clause keeps its reach; only one in a subordinate clause (its verb opened by a conjunction, or itself hung as a
    # clause) stops before the hung main clause
    cue = next((t for t in tok.doc if t.idx <= s.q.cue[0][0] < t.idx + len(t.text)), None)
    if cue is None:
        return True
    verb = cue
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    return any(c.dep_ == "mark" for c in verb.children) \
        or any(a.dep_ in ("advcl", "ccomp", "acl", "acl:relcl") for a in (verb, *verb.ancestors))


def _comma_between(doc: Doc, s: Said, tok: Token) -> bool:
    at = s.q.cue[0][0] if s.q.cue else s.q.speaker[0][0]
    between = doc_text(doc)[min(at, tok.idx): max(at, tok.idx)]
    return "," in between or ";" in between


def _gapped(doc: Doc, units: Sequence[UnitLike], i: int, tok: Token, by_unit: list[list[Said]]) -> Said | None:
    """``Die Polizei sprach von 3.000, die Veranstalter von 10.000``: a clause without a verb whose first
    noun can speak, after a reporting clause, has that noun for its source (the verb is left out)."""

    sent = _span(doc, units[i])
    if sent is None or not any(reporting(t) for t in sent):
        return None
    a = max([sent.start] + [t.i + 1 for t in sent if t.text in (",", ";") and t.i < tok.i])
    b = min([sent.end] + [t.i for t in sent if t.text in (",", ";") and t.i > tok.i])
    clause = doc[a:b]
    if a == sent.start or any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None
    noun = next((t for t in clause if t.pos_ in ("NOUN", "PROPN") and t.i < tok.i), None)
    if noun is None or not (noun.ent_type_ in ("ORG", "PER")
                            or speaking_noun(noun.lemma_.lower())):
        return None
    spans = ((noun.idx, noun.idx + len(noun.text)),)
    q = Quotation("Reported", (), (), spans, noun.i, how="verb")
    src = _source(doc, q, [])
    return Said(q, src, list(spans)) if src is not None else None


def _headline(doc: Doc, units: Sequence[UnitLike], i: int, by_unit: list[list[Said]]) -> Said | None:
    """``Behörden: Mindestens 14 Tote``, ``Moskau: ...`` (a capital speaks for its government): a short
    prefix before a headline's colon names the source; a topic (``Ukraine-Krieg:``), a generic prefix
    (``Zum Vergleich:``) or a place (``Mittelmeer:``) does not."""
    from ...lang.de import words

    if not (units[i].heading or units[i].title):
        return None
    sent = [t for t in _span(doc, units[i]) or () if not t.is_space]
    if i > 0 and units[i - 1].paragraph == units[i].paragraph and (units[i - 1].heading or units[i - 1].title):
        before = [t for t in _span(doc, units[i - 1]) or () if not t.is_space]
        if before and before[-1].text == ":":         # the sentence splitter cut the prefix off: "Davies:" | "Ziel
            sent = before + sent                       # sei, ..." is one headline
    colon = next((k for k, t in enumerate(sent[:6]) if t.text == ":"), None)
    if not colon:
        return None
    prefix = sent[:colon]
    while len(prefix) > 1 and prefix[0].text in TITLES:     # "Mag. Gruber:": the title opens the name, no part of it
        prefix = prefix[1:]
    heads = [t for t in prefix if t.pos_ in ("NOUN", "PROPN", "X") and t.text[:1].isupper()]
    name = " ".join(t.text for t in prefix)
    if not heads or len(prefix) > 4 or any(t.like_num for t in prefix) or name.lower() in words("headline_generic") \
            or any(not t.text[:1].isupper() and t.lower_ not in ("und", "von", "der", "des", "für") for t in prefix):
        return None                                    # "Hochwasser in Polen:" sets the scene, no one speaks
    head = heads[-1]
    if head.lower_.endswith(tuple(words("headline_topics"))) or _is_place(name, head):
        return None
    spans = ((prefix[0].idx, prefix[-1].idx + len(prefix[-1].text)),)
    src = Source(name, name, _kind(name, head))
    return Said(Quotation("Indirect", (), (), spans, head.i, how="headline"), src, list(spans))


def _kind(name: str, head: Token) -> str:
    from . import legacy

    return legacy._kind(name, head.ent_type_ == "PER")


def attribute(doc: Doc, units: Sequence[UnitLike], i: int, pos: int, found: Sequence[Quotation],
              by_unit: list[list[Said]] | None = None) -> Attribution:
    """The attribution of the figure at char offset pos in units[i] (see the module docstring)."""
    by_unit = sources_by_unit(doc, units, found) if by_unit is None else by_unit
    result = Attribution()
    tok = _token_at(doc, pos)
    if tok is None:
        return result
    if in_speaker_phrase(doc, i, pos, by_unit):
        STATS["figure in the speaker's own phrase: stated by the article"] += 1
        result.stated = True
        return result
    gapped = _gapped(doc, units, i, tok, by_unit)
    own = [gapped] if gapped is not None else _own(doc, units, i, tok, by_unit)
    near = _in_sentence(doc, units, i, tok, by_unit) if own else None
    if near is not None and not _comma_between(doc, near, tok) and all(_comma_between(doc, s, tok) for s in own) \
            and not any(s.q.type == "Direct" for s in own) \
            and not (near.q.speaker_head is not None and _within_phrase(tok, doc[near.q.speaker_head])):
        STATS["own clause's cue before a covering one"] += 1
        own = [near] + own                             # "Nach X nahmen 5.000 teil, der Veranstalter sprach von 12.000"
    picked: list[Said] = _relay_first(doc, own, units)
    for rule in (_quoted, _in_sentence):
        if picked:
            break
        said = rule(doc, units, i, tok, by_unit)
        if said is not None and said.q.how != "prep" and said.q.speaker_head is not None \
                and _within_phrase(tok, doc[said.q.speaker_head]):
            # "Dutzende gaben ein falsches Alter an": the figure is the speaker - the article states it
            STATS["figure in the speaker's own phrase: stated by the article"] += 1
            result.stated = True
            return result
        if said is not None:
            STATS[rule.__name__.strip("_")] += 1
            picked = _relay_first(doc, [said], units)
    if not picked and (turn := _interview_turn(doc, tok)) is not None:
        STATS["interview turn"] += 1
        picked = [turn]
    for later in (_headline, _anaphoric_next, _summed_up_after, _chain, _next_reported, _list_intro, _lead,
                  _carried_lead, _under_heading):
        if picked:
            break
        said = later(doc, units, i, by_unit)
        if said is not None:
            STATS[later.__name__.strip("_")] += 1
            picked = [said]
    if not picked and (proposal := _proposal(doc, units[i], tok)) is not None:
        STATS["a plan or proposal: its proposer"] += 1
        picked = [proposal]
    picked = [_named_before(doc, _relative_relay(doc, s)) for s in picked]
    seen: set[str] = set()
    for s in picked:
        if s.source.name not in seen:
            seen.add(s.source.name)
            result.sources.append(Source(s.source.name, s.source.text, s.source.kind, s.source.relayed_by))
            result.spans.extend(s.spans)
    return result


def _relay_verb_of_noun(verb: Token) -> bool:
    """Is the verb the one a relay noun is made from ("sich berufen auf" - "Berufung", "verweisen auf" -
    "Verweis")?"""
    lemma = verb.lemma_.lower()
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else lemma
    return verb.pos_ == "VERB" and bool({stem, stem + "ung"} & words("relay_nouns"))


def _relative_relay(doc: Doc, s: Said) -> Said:
    """``Laut einem Bericht der "Times", die sich auf Regierungsbeamte beruft, ...``, ``Die Zeitung, die sich auf
    Armeekreise berief, meldete ...``: an outlet whose relative clause names what it relies on (the verb of
    ``unter Berufung auf``) relays; the ``auf`` phrase is the source (counted in STATS)."""
    if s.source.relayed_by or s.q.speaker_head is None:
        return s
    head = doc[s.q.speaker_head]
    if "media" not in (s.source.kind, _kind(s.source.text or s.source.name, head)) and not _title_in_quotes(head):
        return s                                       # "die Zeitung "Haaretz"": the noun says it is an outlet
    owners = [head]
    while owners[-1].dep_ in ("nmod", "appos", "flat", "flat:name") and len(owners) < 4:
        owners.append(owners[-1].head)                 # "eines Berichts des Senders CNN, der sich auf ... beruft"
    owners += [c for o in owners for c in o.children if c.dep_ in ("appos", "flat", "flat:name") and c not in owners]
    for owner in owners:
        for rel in owner.children:
            if rel.dep_ != "acl:relcl" or not _relay_verb_of_noun(rel):
                continue
            orig = next((g for g in rel.children if g.dep_ in ("obl", "obj") and g.pos_ in ("NOUN", "PROPN")
                         and any(c.dep_ == "case" and c.lower_ == "auf" for c in g.children)), None)
            if orig is None or any(c.dep_ == "amod" and c.lemma_.lower() == "eigen" for c in orig.children):
                continue                               # "die sich auf eigene Recherchen beruft": its own, it speaks
            # "sich berufen auf" cites; "verweisen auf" (no "sich") points to anything ("der auf steigende Kosten
            # verwies"): there the phrase is a source only where it or its owner can speak ("auf einen Sprecher")
            if not any(c.tag_ == "PRF" for c in rel.children) and not can_speak(orig) \
                    and not any(c.dep_ == "nmod" and can_speak(c) for c in orig.children):
                continue

            q = _original_speaks(s.q, orig)
            src = _source(doc, q, [])
            if src is None:
                continue
            if not src.relayed_by:
                src = Source(src.name, src.text, src.kind, s.source.name)
            STATS["an outlet's relative clause names what it relies on: a relay"] += 1
            return Said(q, src, s.spans + list(q.speaker))
    return s


def _bare_role(head: Token) -> bool:
    """A speaker named by its role alone, with the definite article (``der Sprecher``, ``die Behörde``): no name,
    owner, apposition or adjective of its own - it points back to the one named fully before."""
    return head.pos_ == "NOUN" and any(c.dep_ == "det" and "Def" in c.morph.get("Definite", []) and
                                       "Art" in c.morph.get("PronType", []) for c in head.children) \
        and not any(c.dep_ not in ("det", "punct", "case", "acl", "acl:relcl") for c in head.children)
    # (a clause under it names no one: the parser may hang the reported clause there)


def _named_before(doc: Doc, s: Said) -> Said:
    """``Der Sprecher der Polizei, Max Huber, sagte ... Später sagte der Sprecher, 40 ...``: a speaker named by its
    role alone takes the nearest earlier mention of the same noun, or of a compound it heads (``die Hilfsorganisation
    Sanaro ... die Organisation``), that names more (a name in apposition, an owner: ``die Behörde für
    Lebensmittelsicherheit``) - the same speaker, named as the article introduced it. A speaker described by more
    than a bare role is `_epithet`'s."""
    from .speakers import speaker_kind

    if s.q.speaker_head is None or s.q.how == "headline":
        return s
    head = doc[s.q.speaker_head]
    full = _spelt_out(doc, head)
    if full is not None:
        said = _said_by(doc, s, full.root)
        if said is not None:                           # the name as written: the parse may hang its words apart
            said.source.name = full.text
            STATS["an initialism spelt out before"] += 1
            return said
    if not _bare_role(head):
        return _epithet(doc, s, head)
    own = head.lemma_.lower()
    for t in reversed(doc[:head.i]):
        # the same noun, or a compound it heads ("die Hilfsorganisation X ... die Organisation": a German compound
        # is a kind of its last part); what names more: an owner or a name in apposition - not an outlet the
        # parse hung there ("sagte ein Sprecher der APA": the agency is addressed, in the dative)
        if t.pos_ != "NOUN" or _bare_role(t) or not (t.lemma_ == head.lemma_ or headed_by(
                t.lemma_.lower(), frozenset({own}))) or not any(
                (c.dep_ in ("nmod", "appos", "flat", "nmod:poss") or c.pos_ == "PROPN") and not _outlet(doc, c)
                for c in t.children):
            continue
        said = _said_by(doc, s, t)
        # a person's name in apposition names the phrase itself; a place's name is an owner's, which the parse may
        # hang there too ("die Sprecherin der Polizeidirektion Burgenland"). Under a compound that names a kind of
        # body ("die Hilfsorganisation Sanaro") a name is the body's, whatever type the NER gives it
        compound = t.lemma_ != head.lemma_
        if compound and speaker_kind(t) in ("role", "person"):
            continue                                   # a person's compound title may be another office: "Vize-
            #                                            kanzler X ... der Kanzler", "Staatsanwalt X ... der Anwalt"
        named = any(c.dep_ in ("appos", "flat", "flat:name")
                    and (c.ent_type_ == "PER" or compound and c.pos_ == "PROPN") for c in t.children)
        if said is None or said.source.name == s.source.name or not named and own not in said.source.name.lower():
            return s                                   # the fuller mention's name is another's ("Burgenland")
        STATS["a role named before: its fuller mention"] += 1
        return said
    return s


def _spelt_out(doc: Doc, head: Token) -> Span | None:
    """``Amnesty International ... Nach Angaben von AI``: a speaker named by an initialism (a name in capitals, two to
    five letters) that the article spelt out before as a name of as many words, the initials in order - the
    organisation as the article introduced it (that earlier name); None where no such name came before. Not a
    person's name, one after a person's role (``Der Agrarminister Erik Ullmann ... Nach Angaben der EU``, ``Der
    Rheinmetall-Chef Armin Papperger ... der AP``): news copy does not shorten persons to their initials, and the
    tagger's PER/ORG label is no guide (``Human Rights Watch`` comes out PER)."""
    letters = head.text
    if head.pos_ != "PROPN" or not letters.isalpha() or not letters.isupper() or not 2 <= len(letters) <= 5:
        return None
    for ent in reversed([e for e in doc.ents if e.end <= head.i and len(e) == len(letters) and _body_name(e)]):
        if "".join(t.text[:1] for t in ent).upper() == letters and sum(t.text[:1].isupper() for t in ent) >= 2 \
                and all(t.is_alpha for t in ent):
            return ent
    return None


def _body_name(ent: Span) -> bool:
    """Whether a name may be a body's, which an initialism can shorten: news copy shortens organisations, never persons
    (``Armin Papperger ... sagte AP``: AP is another speaker). Not a name after a person's role. The NER's PER is
    unreliable for bodies (``Human Rights Watch`` comes out PER) but its other labels are no person's; a name it calls
    a person is a body's only where the article shows it: a body's class noun it stands beside (``die Organisation
    Human Rights Watch``) or the initialism given in brackets right after it (``Human Rights Watch (HRW)``)."""
    from .speakers import speaker_kind

    if _after_role(ent):
        return False
    if ent.label_ != "PER":
        return True
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and speaker_kind(before) == "body":
        return True
    after = doc[ent.end:ent.end + 3]
    return len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].is_upper


def _after_role(ent: Span) -> bool:
    """A name right after a noun of a person's role (lang/de person_roles: ``Agrarminister``, ``Rheinmetall-Chef``)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.pos_ == "NOUN" and headed_by(before.lemma_.lower(), words("person_roles"))


def _said_by(doc: Doc, s: Said, t: Token) -> Said | None:
    """s said by the phrase headed by t (a fuller mention of its speaker), its cue and spans kept."""
    from .quotations import speaker_tokens

    toks = speaker_tokens(t)
    q = Quotation(s.q.type, s.q.quote, s.q.cue, ((toks[0].idx, toks[-1].idx + len(toks[-1].text)),), t.i,
                  s.q.relay, s.q.relay_head, s.q.how, s.q.sent, s.q.tokens)
    src = _source(doc, q, [])
    return Said(q, src, s.spans) if src is not None else None


def _epithet(doc: Doc, s: Said, head: Token) -> Said:
    """``Der Vorstoß kam von Erika Moser. Die frühere Leiterin des Rechnungshofs verlangt 40.000 Euro.``: German
    news names a person once, then by a description with the definite article (an epithet: a role or a person's
    noun with an adjective or an owner, no name of its own) that opens the next sentence - the one person named in
    the sentence before, where the noun was not used before (then it is `_named_before`'s)."""
    from .speakers import speaker_kind

    sent = head.sent
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if head.pos_ != "NOUN" or first is None or head.left_edge.i != first.i or head.dep_ not in ("nsubj", "ROOT") \
            or "Sing" not in head.morph.get("Number", []) or speaker_kind(head) not in ("role", "person", "agent") \
            or not any(c.dep_ == "det" and "Def" in c.morph.get("Definite", []) for c in head.children) \
            or any(c.dep_ in ("appos", "flat", "flat:name") or c.pos_ == "PROPN" or c.ent_type_ == "PER"
                   for c in head.children) or sent.start == 0:
        return s
    if any(t.lemma_ == head.lemma_ for t in doc[:head.i]):
        return s                                       # the noun was used before: that mention, not a name
    before = doc[sent.start - 1].sent
    people = {e.root.i: e for e in before.ents if e.label_ == "PER"}
    names = {e.text for e in people.values()}
    if len(names) != 1 or not all(_may_speak_next(doc[i]) for i in people):
        return s                                       # none or two people named: whom it describes is unclear
    said = _said_by(doc, s, doc[max(people)])
    if said is None:
        return s
    STATS["an epithet for the person named in the sentence before"] += 1
    return said


def _may_speak_next(name: Token) -> bool:
    """May the next sentence's epithet describe the person this name names? Not a person the sentence tells
    something was done to (the object, the subject of a passive: ``Bei dem Unfall wurde Max Huber verletzt. Der
    zuständige Minister sagte ...`` - the victim is not the minister), nor one it introduced by a role noun of
    their own (``den mutmaßlichen Täter Max Huber``, ``die Bergführerin Anna Moser``): an epithet with another
    noun is another person."""
    h = name
    while h.dep_ in ("flat", "flat:name", "appos") and h.head.i != h.i:
        h = h.head
    if h.pos_ == "NOUN" or any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in name.children):
        return False
    # integrator (rv55): only one the sentence presents as speaking - the subject of a reporting verb, or whom a
    # thing comes from ("Der Plan stammt von X"); the subject of another deed is a participant ("Bei dem Unfall
    # starb X. Der zuständige Minister sagte ..." - the dead man is not the minister)
    if h.dep_ == "nsubj":
        return C.is_reporting_verb(h.head)
    return h.dep_ in ("obl", "nmod") and any(c.dep_ == "case" and c.lower_ == "von" for c in h.children)


CLAUSAL = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "root", "ROOT"})


def _within_phrase(tok: Token, head: Token) -> bool:
    """Does tok stand in head's own noun phrase - head itself, or before it under it through modifiers, not through
    a clause (a verb, a relative or complement clause)? What follows the head is left out: the parser hangs the
    counted phrase of a report there (``unter Verweis auf die Polizei von 14 Festnahmen``, ``Behörden: 14 Tote``)."""
    if tok.i > head.i:
        return False
    t = tok
    while t.i != head.i:
        if t.pos_ in ("VERB", "AUX") or t.dep_ in CLAUSAL or t.head.i == t.i:
            return False
        t = t.head
    return True


def in_speaker_phrase(doc: Doc, i: int, pos: int, by_unit: list[list[Said]]) -> bool:
    """``Der seit mehr als 20 Jahren amtierende Präsident erklärte, ...``, ``Hunderttausende forderten ...``,
    ``Ein 45-jähriger Zeuge sagte ...``: a figure in a speaker's own noun phrase says who speaks, not what is said
    - the article states it, on no one's word (the claims extractor then takes no fallback). Not the object of an
    attribution phrase (``laut IG Metall 45.000 Teilnehmer``): the parser often hangs the figure under it."""
    tok = _token_at(doc, pos)
    return tok is not None and any(s.q.how != "prep" and s.q.speaker_head is not None
                                   and _within_phrase(tok, doc[s.q.speaker_head]) for s in by_unit[i])


def word_cue_misread(doc: Doc, spans: Sequence[tuple[int, int]], name: str | None = None) -> bool:
    """Is a cue (of the word rules, or the trained component's) a reporting verb by its form only? ``sprach ...
    frei`` matches ``sprach`` by its letters, but the parse joins the particle: ``freisprechen``, no speech act.
    Or is the name the word rules read from it a time (``dem Bericht vom Donnerstag zufolge``: the times component
    found the day)?"""
    for a, b in spans:
        # the name's words among the time's words (not letters: "UN" is in "im Juni", "AMS" in "am Samstag")
        if name and any(a <= x.start and x.end <= b and set(name.lower().split()) <= set(x.text.lower().split())
                        for x in doc._.times or ()):
            STATS["word rules' source is a time"] += 1
            return True
        span = doc.char_span(a, b, alignment_mode="expand")
        for tok in span or ():
            if tok.pos_ in ("VERB", "AUX") and C.full_lemma(tok) != C.verb_lemma(tok) and not reporting(tok) \
                    and C.verb_lemma(tok) in words("reporting_verbs"):
                STATS["word rules' verb is another verb by its particle"] += 1
                return True
            if _das_heisst(tok):
                STATS["word rules' 'heißt' is 'das heißt' (that means)"] += 1
                return True
            if span is not None and _heard_in_no_text(tok, span):
                STATS["word rules' 'heißt es in X': the parse read X as no text"] += 1
                return True
    return False


def _heard_in_no_text(tok: Token, span: Span) -> bool:
    """``..., hieß es in der Region``, ``heißt es im Dorf``: the word rules take the ``in`` phrase after impersonal
    ``heißen`` for its source whatever it names; the parse reads that phrase (`quotations.not_a_text`, as
    `quotations._text_heard_in` does) - a place, a person or a time is no text the report stands in, so the word
    rules' phrase is no source either."""
    from .quotations import not_a_text

    if C.verb_lemma(tok) != "heißen":
        return False
    prep = next((t for t in span if t.i > tok.i and t.lower_ in ("in", "im") and t.dep_ == "case"), None)
    if prep is None or any(t.lower_ in _ORIGIN for t in span if tok.i < t.i < prep.i):
        return False
    # rv23: "hieß es in Kabul von Seiten der Armee", "in Berlin aus Regierungskreisen": the phrase runs on past the
    # place to whom it was heard from (a phrase of origin, a second "in" phrase) - the place alone is no reason
    if any(t.lower_ in _ORIGIN | {"in", "im"} for t in span if t.i > prep.i):
        return False
    return prep.head.pos_ in ("NOUN", "PROPN") and not_a_text(prep.head)


def _das_heisst(tok: Token) -> bool:
    """``Das heißt im Klartext: ...``: ``heißen`` whose subject is a demonstrative pronoun means "that means" - the
    sentence draws a conclusion, no one is heard (the report is impersonal ``es heißt``, ``heißt es in ...``)."""
    return C.full_lemma(tok) == "heißen" and any(      # (the tagger reads a sentence's first "Das" as either)
        c.dep_ in ("nsubj", "expl") and c.lower_ in ("das", "dies") and c.pos_ in ("PRON", "DET") for c in tok.children)


def _subject_verb(head: Token) -> tuple[tuple[int, int], ...]:
    """The verb a speaker is the subject of, as a cue span (the trained component's quotation may have none)."""
    verb = head.head
    return ((verb.idx, verb.idx + len(verb.text)),) if head.dep_ == "nsubj" and verb.i != head.i else ()


def names_no_one(head: Token) -> bool:
    """A speaker that is only the report (``ersten Angaben``, ``Berichten``, ``demnach``): an adverb, a generic
    report, or a reporting noun with no source in its compound, no owner and no adjective naming a side.
    The quotation corpus marks these as speakers; lagebild names no source for them."""
    if head.pos_ not in ("NOUN", "PROPN", "PRON") or indefinite(head):
        return True
    owner = any(c.dep_ in ("nmod", "nmod:poss") or c.dep_ == "amod" and C.names_side(c) for c in head.children)
    if C.is_generic(head):                 # "Berichten zufolge", but "Angaben der Feuerwehr"
        return not owner
    if not C.is_reporting_noun(head) or C.compound_source(head) is not None or "-" in head.text:
        return False                       # "NASA-Angaben": the compound's first part names the source
    return not owner


def _addressee(head: Token) -> bool:
    """A bare phrase in the dative or accusative by its article (``dem``, ``den``, ``einem``: never nominative) and
    with no adposition of its own (``laut dem Bericht``, ``dem Bericht zufolge`` speak): the one a report was
    given to, not who gave it (``Dem Gericht wurde mitgeteilt, dass ...``; counted in STATS)."""
    from .speakers import _oblique

    if head.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "case" for c in head.children) or not _oblique(head):
        return False
    STATS["trained component's speaker in the dative: the addressee"] += 1
    return True


def learned_source(doc: Doc, pos: int, learned: Sequence[Quotation]) -> Said | None:
    """The source the trained component decides for the quotation the figure at pos sits in (its own
    sentence-level quotations, not the rules' ones it passes on), with where its cue and speaker stand;
    None where its speaker names no one, cannot speak (`speakers.can_speak`) or is a place."""
    tok = _token_at(doc, pos)
    if tok is None:
        return None
    covering = [q for q in learned if q.how == "learned" and tok.i in q.tokens and _valid_speaker(doc, q)]
    if not covering:
        return None
    q = min(covering, key=lambda q: len(q.tokens))
    if q.speaker_head is None or names_no_one(doc[q.speaker_head]) or not can_speak(doc[q.speaker_head]) \
            or _within_phrase(tok, doc[q.speaker_head]) or _addressee(doc[q.speaker_head]) \
            or word_cue_misread(doc, q.cue or _subject_verb(doc[q.speaker_head])):
        return None                        # "die genaue Zeit", "Jahre": a ranked candidate that cannot speak
    src = _source(doc, q, learned)
    return Said(q, src, list(q.cue) + [_phrase_extent(doc, q.speaker_head)]) if src is not None else None
