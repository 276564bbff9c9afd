"""A figure's modality, read from its own clause in the parse: is it hedged, is it a plan or an expectation?

The clause of a figure is what its number hangs in up to the first clause boundary of the dependency tree (a
relative clause, a conjoined or adverbial clause, a parenthesis); a clause that governs it as a complement or
relative clause (`dass`-clauses, infinitives, `die ...` on the figure's noun phrase) speaks for it too. What is
said in another clause of the sentence - `sollten` in a relative clause on another noun, hearsay about another
figure in a conjoined clause - says nothing about this figure.

- **hedged**: an evidential adverb in the clause (`offenbar`, `angeblich`), hearsay `soll`/`sollen` governing it
  (with a passive infinitive a plan instead: `sollen eingesetzt werden`), any `sollen` with a perfect infinitive
  (`sollen ... begangen haben`, `sollten getötet worden sein`), `könnte`/`dürfte` governing it.
- **planned**: a plan or an expectation - past or subjunctive `sollen` without a perfect infinitive (`zu dem
  800 Gäste kommen sollten`), `sollen` with a passive infinitive, an expectation verb (`werden erwartet`,
  `rechnet mit`), a forecast (future `wird ... kosten`, `voraussichtlich`, a dass-clause under `erwarten`), a
  deed that may yet come (`könnten bis zu 500 Menschen sterben`: `könnte`/`dürfte` on a deed's verb without a
  perfect infinitive - a scenario, not a toll, and still a hedge): the
  figure is what was expected, not what happened, and never a hedge (the contract's `hedged` is "unconfirmed";
  a forecast is no unconfirmed report). The claim keeps it as its measure's action (claims.py PLANNED_ACTIONS).

What a hedge does not reach: an attributive adjective (`23 mutmaßliche Rebellen` are firmly 23), an insertion
between dashes, a relative clause below the hedged clause, a definite adjunct or attribute the figure stands in
(`im Zusammenhang mit der Übertragung von 3.300 Pensionisten droht möglicherweise ...`: the figure is taken as
known), a stretch between commas with a finite verb of its own that the parse joined to the figure's clause.

The words are `lang/de/figure_modality.tsv`. Without a parse there is no answer (None): the word rules of
attribution/legacy.py decide then.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Token

from ..lang.de import table
from .quantity import counted_token, figure_token, punct_bounds, punct_segment, role_of
from .werden import clause_head, final_werden, future_tense, scheduled

WORDS = table("figure_modality")
# A clause of its own opens where werden.opens_clause says (a verb or predicate under a clause arc). A figure's
# reading goes upward through the complement clauses (the clause above governs the figure's), never through the
# others (a sibling clause says nothing of the figure); not the relative ones: a relative clause tells what is known
# of its noun, which the main clause's hedge does not reach ("Die Probleme, die die Bank mit dem Transfer von 3.300
# Leuten hat, sollten bald ausgeräumt sein").
GOVERNED = frozenset({"ccomp", "xcomp", "csubj"})


FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
DASHES = frozenset({"–", "—", "-", "(", ")", "[", "]"})
# The dependencies of a verb's arguments (and a bare number's)
ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nummod"})
# The adpositions of a noun's attribute (the genitive's "von", the "mit" of what a thing has), not of a verb's object
ATTRIBUTE_CASES = frozenset({"von", "mit"})
# The roles of a deed done to what a figure counts whose measure has no action of its own to keep it apart (lang/de/
# quantity_roles.tsv): "könnten ... sterben" is a scenario (`_scenario`), its measure's action "planned"
DEEDS = frozenset({"killed", "injured", "missing", "arrested"})
# How each figure's clause was read: by the parse, or by the stretch between punctuation where the parse is wrong
STATS: Counter[str] = Counter()


@dataclass
class Modality:
    hedged: bool
    planned: bool


def _clause_tokens(head: Token) -> list[Token]:
    """The words of the clause headed by head (not those of clauses below it); a conjoined verb without a
    finite verb of its own shares the modal of the clause it is joined to ("sollen 50 getötet und 100 verletzt
    worden sein")."""
    own = [t for t in head.subtree if clause_head(t).i == head.i]
    if head.dep_ == "conj" and not head.tag_.endswith("FIN") and not any(c.tag_.endswith("FIN") for c in own):
        own += [c for c in head.head.children if c.dep_.startswith("aux")]
    return own


def _reading(tokens: list[Token], keep: frozenset[int] | None = None,
             forecast: bool = True) -> tuple[bool, bool]:
    """(hedged, planned) of one clause's words; where keep is given only those words may hedge (a presupposed
    phrase's: `_presupposed`); forecast: may the clause's future tense or forecast adverb make the figure a
    forecast (`_forecast_value`)."""
    hedging = tokens if keep is None else [t for t in tokens if t.i in keep]
    # an attributive adjective speaks of its noun, not of what the clause tells: "23 mutmaßliche Rebellen getötet"
    # counts the dead firmly, "wegen mutmaßlicher Umtriebe" hedges no figure
    adverbs = [t for t in hedging if t.tag_ != "ADJA"]
    forms = {t.lower_ for t in tokens}
    hedge_forms = {t.lower_ for t in hedging}
    lemmas = {_full_lemma(t) for t in tokens}
    perfect = _perfect(tokens)
    passive = any(t.tag_ == "VAINF" and (t.lemma_ or "").lower() == "werden" for t in tokens)
    hedged = any(t.lower_ in WORDS["evidential"] or (t.lemma_ or "").lower() in WORDS["evidential"]
                 for t in adverbs) or bool(hedge_forms & WORDS["possible"]) or _on_a_basis(hedging)
    planned = bool(lemmas & WORDS["expect"]) or forecast and (bool(lemmas & WORDS["forecast"]) or _future(tokens))
    if forms & WORDS["hearsay"]:
        if passive and not perfect:
            planned = True                    # "sollen eingesetzt werden": a plan
        elif hedge_forms & WORDS["hearsay"]:
            hedged = True
    if forms & WORDS["plan"]:
        if not perfect:
            planned = True                    # "teilnehmen sollten": an expectation
        elif hedge_forms & WORDS["plan"]:
            hedged = True                     # "sollten getötet worden sein"
    return hedged, planned and not hedged


def _perfect(tokens: list[Token]) -> bool:
    """A perfect infinitive: a participle with an infinitive auxiliary (haben, sein, worden sein)."""
    return any(t.tag_ == "VAINF" and (t.lemma_ or "").lower() in ("haben", "sein") for t in tokens) and \
        any(t.tag_ in ("VVPP", "VAPP", "VMPP") for t in tokens)


def _scenario(tokens: list[Token], doc, start: int, end: int) -> bool:
    """Is the figure what a deed that may yet come would count: "könnten bis zu 500 Menschen sterben", "dürften
    Hunderte festgenommen werden" - a Konjunktiv II of können/dürfen in its clause, no perfect infinitive, and the
    figure's role a deed done to what it counts (`quantity.role_of`)? Only with a perfect infinitive is it an
    unconfirmed report of a toll ("könnten 200 ums Leben gekommen sein")."""
    return bool({t.lower_ for t in tokens} & WORDS["possible"]) and not _perfect(tokens) and \
        role_of(doc, start, end) in DEEDS


def _full_lemma(t: Token) -> str:
    """The lemma with the verb's separated particle before it ("rechnet ... ab" -> "abrechnen", "meldeten ... an" ->
    "anmelden"): a particle verb is another verb than its base ("abrechnen" bills, "rechnen mit" expects)."""
    lemma = (t.lemma_ or t.text).lower()
    if t.pos_ not in ("VERB", "AUX"):
        return lemma
    prt = next((c for c in t.children if c.dep_ == "compound:prt" and c.tag_ == "PTKVZ"), None)
    return prt.lower_ + lemma if prt is not None and not lemma.startswith(prt.lower_) else lemma


def _forecast_value(tok: Token, head: Token) -> bool:
    """Is the figure what a forecast clause forecasts: an argument of its verb ("wird 40 Millionen kosten", "werden
    600 Lehrer gehen", "auf 60 Prozent steigen") - not an attribute of another noun ("der Beitrag in Höhe von 450
    Euro wird fallen": the fee is forecast to go, its amount is today's), an age ("28-jähriger"), or the level a
    change starts from ("von 45 Prozent auf 60 Prozent steigen wird": 45 is now)?"""
    x = counted_token(tok)
    if tok.tag_ == "ADJA" or x.head.i != head.i or x.dep_ not in ARGUMENTS:
        return False
    return not any(c.dep_ == "case" and (c.lemma_ or c.text).lower() == "von" for c in x.children)


def _future(tokens: list[Token]) -> bool:
    """Future tense, or what is scheduled, by the one reading of "werden" (extract/werden.py): a present "werden"
    auxiliary of an infinitive ("wird 200 Millionen kosten", "werde 300 Stellen streichen") or of a participle with
    a passive infinitive ("werden um 20 Prozent gekürzt werden"); a present passive on a named day ("Am Mittwoch
    werden fünf Tickets vergeben"). Not a passive ("werden erwartet"; a strong participle of the infinitive's form
    in a clause of one argument: "werden täglich 800 Menschen empfangen"), nor a conjoined participle the tagger
    calls an infinitive ("Entwurf wird übermittelt, Begrenzung auf 2 Millionen vorgeschlagen": the "wird" is the
    first verb's). A verb-final "werden" the tagger called an infinitive is finite (werden.final_werden: "dass 1.000
    Menschen sterben werden")."""
    ids = {t.i for t in tokens}
    # a "werden" a conjoined verb shares (`_clause_tokens`) brings its future, not the day of the verb it is the
    # auxiliary of ("Entwurf wird am Montag übermittelt, Begrenzung auf 2,5 Millionen vorgeschlagen")
    return any((t.tag_ == "VAFIN" or final_werden(t)) and (t.lemma_ or "").lower() == "werden" and t.head.i != t.i
               and t.dep_ in ("aux", "aux:pass") and (future_tense(t.head) or t.head.i in ids and scheduled(t.head))
               for t in tokens)


def _dass_clause(head: Token, tok: Token) -> bool:
    """A "dass" clause the parser labels adverbial (``Es wird erwartet, dass 800 Gäste kommen``, ``Die Firma
    erwartet, dass im Herbst 200 Stellen wegfallen``): "dass" opens a complement or subject clause - the verb above
    governs it - unless "so" before it makes it a clause of result (``so dass``; ``sodass`` is another word). The
    figure must stand between "dass" and the clause's final verb: what follows the verb-final clause is no part of
    it, though the parser may hang it there (``..., dass sie auf 70 Prozent steigen könnte – nach zuletzt 50
    Prozent``: the 50 are past, not estimated); and a clause has one subordinator - a second ("als", "wenn") under
    the same verb is a clause of its own the parse joined to it."""
    marks = [c for c in head.children if c.dep_ == "mark"]
    if head.dep_ != "advcl" or len(marks) != 1:
        return False
    dass = marks[0]
    so_dass = dass.i > 0 and head.doc[dass.i - 1].lower_ == "so"
    return dass.lower_ == "dass" and dass.i < tok.i < head.i and not so_dass


def _estimated(tok: Token, head: Token) -> bool:
    """Is the figure what its own clause's verb of estimate estimates ("Die Behörde schätzte die Zahl der Opfer auf
    300", "Der Schaden wird auf 40 Millionen geschätzt", "Ärzte vermuten 20 weitere Fälle")? The verb heads the
    clause as a verb (not an attributive "die geschätzten 300"), and the figure is the value its "auf" phrase gives
    or the quantity it takes for its object, with no definite, demonstrative or possessive article (the quantity is
    what is guessed). A figure in the subject ("Die 300 Mitglieder schätzen den Austausch"), inside a known thing
    the verb values or places ("Kunden schätzen die 300 Filialen", "den 40 Jahre alten Park", "vermuten die 20
    Täter im Ausland", "hinter den 12 Anschlägen") is no estimate. An estimate is unconfirmed, as "Schätzungen
    zufolge" is."""
    if head.pos_ != "VERB" or head.tag_ == "ADJA" or _full_lemma(head) not in WORDS["estimate"]:
        return False
    path = [tok]
    while path[-1].head.i != head.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    x = path[-1]
    if x.head.i != head.i or x.dep_ in ("nsubj", "csubj"):
        return False
    first = x.doc[min(t.i for t in x.subtree)]
    if any(c.dep_ == "case" and c.lower_ == "auf" for t in path for c in t.children) \
            or first.dep_ == "case" and first.lower_ == "auf" or first.i > 0 and any(
            c.dep_ == "case" and c.lower_ == "auf" and c.i == first.i - 1 for c in head.children):
        # "auf 300"; the parser may hang the "auf" under the participle ("wird auf 20.000 geschätzt") or under
        # a word of the range ("auf mehr als 25.000 Hektar")
        return True
    known = any(c.dep_ == "det:poss" or c.dep_ == "det" and (
        "Def" in c.morph.get("Definite", []) or set(c.morph.get("PronType", [])) & {"Dem", "Prs"}) for c in x.children)
    return (x.dep_ == "obj" or x.dep_ == "obl" and "Acc" in x.morph.get("Case", [])) \
        and not known and all(t.dep_ in ("nummod", "amod") and t.i < x.i for t in path[:-1])


def _on_a_basis(tokens: list[Token]) -> bool:
    """Is the clause told on an unconfirmed basis: a noun of estimate or allegation with an adposition of
    accordance ("nach Schätzungen der Küstenwache", "Vorwürfen zufolge")?"""
    return any((t.lemma_ or t.text).lower() in WORDS["basis"] and _according(t) for t in tokens)


def _according(noun: Token) -> bool:
    """Does an adposition of accordance govern the noun? "nach" with a definite article is as often "after" ("Nach
    den Vorwürfen gegen den Trainer verließen 20 Spieler den Verein", "nach der Schätzung des Schadens"): only
    the bare noun ("nach ersten Schätzungen") is the accordance; "laut", "zufolge", "gemäß" are it always."""
    cases = {(c.lemma_ or c.text).lower() for c in noun.children if c.dep_ == "case"}
    if cases & (WORDS["according"] - {"nach"}):
        return True
    return "nach" in cases and not any(c.dep_ == "det" and _definite(c) for c in noun.children)


def _presupposed(tok: Token, head: Token) -> Token | None:
    """The outermost definite noun phrase the figure stands in as an adjunct or a noun's attribute, below its
    clause head ("im Zusammenhang mit der Übertragung von 3.300 Pensionisten", "in der 120.000-Einwohner-Stadt"):
    what it tells is taken as known, so an adverb or modal of the clause hedges what the clause says of it, not the
    figure. A subject or object is no such phrase ("die 300 Soldaten sollen getötet worden sein": the deed is
    the claim and it is hearsay)."""
    top, x, below = None, tok, None
    for _ in range(12):
        if x.i == head.i or x.head.i == x.i:
            break
        # the figure in the noun's own word, or in an attribute with the adposition of a noun's attribute ("von
        # 3.300", "mit 130 Toten"): an attribute without one is as likely the parser's misreading of a subject ("in
        # dem Lager 8.000 Menschen"), one with another adposition of a verb's object ("an der Erzeugung auf 40
        # Prozent erhöht")
        attribute = below is None or any(c.dep_ == "case" and (c.lemma_ or c.text).lower() in ATTRIBUTE_CASES
                                         for c in below.children)
        # a common noun: a name takes its article from being a name ("die FPÖ"), not from being known in the story
        if attribute and x.pos_ == "NOUN" and x.dep_ in ("nmod", "obl") and any(
                c.dep_ in ("det", "case") and _definite(c) for c in x.children):
            top = x
        below, x = x, x.head
    # a figure in the noun's own word ("mit dem 52-Jährigen", "in der 120.000-Einwohner-Stadt") names a known thing
    # wherever it stands; an attribute's figure ("zum Tod von 30 Menschen") only in the clause's frame
    if top is None or top.i != tok.i and not _in_the_vorfeld(top, head):
        return None
    return top


def _in_the_vorfeld(phrase: Token, head: Token) -> bool:
    """Does the phrase stand in (or under the one constituent before) the finite verb of a verb-second clause: the
    frame the clause is told in ("Wegen der Festnahme von 30 Journalisten soll ..."), taken as known? Behind the
    verb a definite phrase is as often what the clause asserts, and its hedge with it ("Offenbar kam es zum Tod
    von 30 Menschen", "Der Anschlag soll zum Tod von 12 Menschen geführt haben"); a verb-final clause has its
    subject, relative pronoun or conjunction before the verb. What punctuation parts off before it is no part of the
    clause's field (a dateline: "Wien – Im Zusammenhang mit ...")."""
    fin = head if head.tag_ in FINITE else next((c for c in head.children if c.tag_ in FINITE), None)
    if fin is None:
        return False
    constituent = phrase
    while constituent.head.i != head.i and constituent.head.i != constituent.i:
        constituent = constituent.head
    inside = {t.i for t in constituent.subtree}
    start = min((t.i for t in constituent.subtree if not t.is_punct), default=constituent.i)   # not a dash it took
    doc = head.doc
    return constituent.i < fin.i and all(
        t.i in inside or t.i < start and any(p.is_punct for p in doc[t.i + 1:start])
        for t in _clause_tokens(head) if t.i < fin.i and not t.is_punct)


def _definite(t: Token) -> bool:
    """A definite or demonstrative article (or an adposition fused with one: "im", "zur")."""
    return "Def" in t.morph.get("Definite", []) or "Dem" in t.morph.get("PronType", [])


def _parenthesis(doc, tok: Token) -> tuple[int, int] | None:
    """The [start, end) of the insertion between dashes or brackets tok stands in, if any."""
    lo, hi, start, end = punct_bounds(doc)[tok.i]
    if lo > start and hi < end - 1 and doc[lo - 1].text in DASHES and doc[hi + 1].text in DASHES:
        return lo, hi + 1
    return None


def _own_stretch(doc, tok: Token, tokens: list[Token]) -> list[Token]:
    """The clause's words less those the parse joined to it from elsewhere: an insertion between dashes or
    brackets the figure is not in ("durch drei Stiche – vermutlich durch ein Messer – fest"), and a stretch between
    commas with a finite verb of its own where the figure's stretch has one too (two clauses the parse did not
    part: "200 wurden festgenommen, sieben von ihnen sollen Straftaten begangen haben")."""
    own = {t.i for t in punct_segment(doc, tok)}
    own_finite = any(doc[i].tag_ in FINITE for i in own)
    out = []
    for t in tokens:
        if t.i not in own:
            ins = _parenthesis(doc, t)
            if ins is not None and not ins[0] <= tok.i < ins[1]:
                STATS["an insertion left out"] += 1
                continue
            if own_finite and any(s.tag_ in FINITE for s in punct_segment(doc, t)):
                STATS["another clause's stretch left out"] += 1
                continue
        out.append(t)
    return out


def figure_modality(doc, start: int, end: int) -> Modality | None:
    """The modality of the figure at [start, end) from its clause and the clauses that govern it; None
    without a parse."""
    tok = figure_token(doc, start, end)
    if tok is None:
        return None
    head = clause_head(tok)
    segment = punct_segment(doc, tok)
    if not any(t.i == head.i for t in segment) and any(t.tag_ in FINITE for t in segment):
        # the parse hangs the figure into a clause outside its own stretch between commas, which has a finite verb
        # of its own ("schätzen, dass die Beteiligung auf 70 Prozent steigen könnte" with "Prozent" under
        # "Beteiligung", attached to "schätzen"): the parse is wrong, the stretch is the clause
        STATS["fallback: the stretch between punctuation"] += 1
        hedged, planned = _reading(segment)
        return Modality(hedged, planned and not hedged)
    STATS["parse: the figure's clause"] += 1
    top = _presupposed(tok, head)
    keep = None if top is None else frozenset(t.i for t in top.subtree)
    below_is_value = _forecast_value(tok, head)
    own = _own_stretch(doc, tok, _clause_tokens(head))
    hedged, planned = _reading(own, keep, keep is None and below_is_value)
    # a scenario is a plan of no one's, as hedged as any possibility: its own quantity, never the toll
    scenario = keep is None and _scenario(own, doc, start, end)
    if not hedged and _estimated(tok, head):
        STATS["an estimate verb on the figure's own clause"] += 1
        hedged, planned = True, False
    x = head
    for _ in range(6):                        # the clauses above that govern the figure's
        if x.head.i == x.i or x.dep_ not in GOVERNED and not _dass_clause(x, tok) or keep is not None:
            break
        if x.dep_ == "xcomp" and any(t.tag_ in FINITE for t in _clause_tokens(x)):
            break                             # a clause with a finite verb of its own is no infinitive complement
        x = clause_head(x.head)
        up_hedged, _ = _reading(_clause_tokens(x))
        verb = _full_lemma(x)                 # "meldete an, dass ...": anmelden, not melden
        hedged = hedged or up_hedged or verb in WORDS["estimate"]     # "schätzen, dass 300 dort leben"
        # "erwarten, dass die Zahl auf 5.000 steigt"
        planned = planned or verb in WORDS["expect"] and below_is_value
    return Modality(hedged, planned and not hedged or scenario)
