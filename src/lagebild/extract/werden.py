"""One reading of "werden" with a verb form, from the parse (its arcs, morphology and lemmas), for every reader of a
clause's status: a figure's modality (extract/modality.py) and an event's status and roles (extract/events.py).

German builds three things with the auxiliary "werden", and the parser labels its arc aux or aux:pass in all of
them, so the arc alone cannot tell them apart:

- **future**: a present "werden" (indicative "wird", or the Konjunktiv I of reported speech "werde") with an
  infinitive ("Die Armee wird die Stadt angreifen", "Die Kosten werden 40 Millionen betragen"), also with a
  passive infinitive ("Das Lager wird geräumt werden");
- **passive**: "werden" with a participle ("Das Lager wird geräumt", "wurde getötet", "ist geräumt worden",
  "soll geräumt werden");
- **conditional**: the Konjunktiv II "würde" ("Ein Angriff würde die Region destabilisieren").

A strong verb with a prefix has a participle of the infinitive's form ("überfallen", "empfangen", "vergeben",
"erhalten"); the tagger then calls the participle an infinitive (or a finite verb). The lexicon's readings of the
word (HanTa) say whether the form can be a participle; the clause decides: a past "wurde" has no infinitive (German
has no past future); a frequency ("täglich", "jede Woche": the times component's SET) or a "seit" span tells what goes
on now, a present, not a future ("Seit Montag werden täglich 800 Menschen empfangen"); and a passive has no
accusative object beside its subject, a future its subject and object ("Im Norden werden Dörfer von Milizen
überfallen": one core argument, a passive; "Die Beschäftigten werden 300 Euro mehr erhalten": two, a future).

`dated`: the verb has a day as its adjunct (a DATE of the times component, not one "seit" makes a start of what
goes on):
"werden" in the present on a named day is what is scheduled ("Am Mittwoch werden fünf Tickets vergeben"). Whether
the day is ahead of the article's date is the reader's to judge (events `_present_ahead`).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..nlp.compounds import word_tags

PARTICIPLES = frozenset({"VVPP", "VAPP", "VMPP"})
INFINITIVES = frozenset({"VVINF", "VAINF", "VMINF", "VVIZU"})
FINITES = frozenset({"VVFIN", "VAFIN", "VMFIN"})
# how near (in HanTa's log score) a participle reading must come to the word's best one to count as a reading of it
NEAR = 1.5
# the arcs that open a clause of their own below a verb: its words are not this clause's
OWN_CLAUSES = frozenset({"conj", "parataxis", "acl", "acl:relcl", "advcl", "ccomp", "csubj", "xcomp", "list",
                         "appos"})
# a passive's only core argument is its subject; a future of a transitive verb has its object beside it
CORE = ("nsubj", "nsubj:pass", "obj", "iobj", "expl", "expl:pv")


@dataclass(frozen=True)
class Werden:
    future: bool          # werden (present) + infinitive, also + a passive infinitive
    passive: bool         # werden + participle (any tense; also "worden", a modal's "werden")
    conditional: bool     # the Konjunktiv II "würde" + a verb
    tense: str | None     # the finite "werden"'s tense ("Pres", "Past"); None where no "werden" is finite
    ongoing: bool         # a frequency or a "seit" span in the clause: what goes on, not what is ahead
    dated: bool           # a day is the verb's adjunct (not a "seit" day, not one in brackets)


def werden_aux(verb: Token) -> list[Token]:
    """The "werden" auxiliaries of a verb: the parser's aux or aux:pass, or a "werden" in the verb's clause with
    another label and no words of its own (the parser's "cc" on the object for "die Armee werde Idlib
    bombardieren"); not a copula ("wird Präsident") nor a full verb (the head of its own clause)."""
    own = [c for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() == "werden"]
    return own or [t for t in own_clause(verb) if t.i != verb.i and t.lemma_.lower() == "werden"
                   and t.dep_ != "cop" and not list(t.children) and _finite(t)]


def _finite(t: Token) -> bool:
    return t.tag_ in FINITES or "Fin" in t.morph.get("VerbForm", []) or bool(t.morph.get("Mood", []))


# the present forms of "werden" (indicative and Konjunktiv I): the past ones are "wurde", "würde"
PRESENT_FORMS = frozenset({"werde", "wirst", "wird", "werden", "werdet", "werdest"})


def _verb_final(verb: Token, auxes: list[Token], others: list[Token]) -> Token | None:
    """The finite "werden" of a verb-final clause that the tagger read as an infinitive with no mood ("befürchten,
    dass 1.000 Menschen sterben werden"): in a clause a subordinator opens ("dass", "ob", "weil"), the last verb is
    the finite one - where "werden" is the verb's one auxiliary and stands after it, no modal or "zu" beside it."""
    if others or len(auxes) != 1 or not any(c.dep_ == "mark" and c.tag_ == "KOUS" for c in verb.children):
        return None
    w = auxes[0]
    return w if w.i > verb.i and w.tag_ in INFINITIVES else None


def final_werden(t: Token) -> bool:
    """Is t the finite "werden" of a verb-final clause the tagger called an infinitive (`_verb_final`)?"""
    verb = t.head
    if t.i == verb.i or (t.lemma_ or "").lower() != "werden":
        return False
    auxes = werden_aux(verb)
    others = [c for c in verb.children if (c.dep_ in ("aux", "aux:pass") or c.tag_ == "PTKZU") and c not in auxes]
    last = _verb_final(verb, auxes, others)
    return last is not None and last.i == t.i


def _readings(verb: Token) -> tuple[bool, bool]:
    """(can be a participle, can be an infinitive) by the lexicon's readings of the word."""
    readings = word_tags(verb.lower_)
    if not readings:
        return False, False
    best = readings[0][1]
    near = [tag for tag, score in readings if score >= best - NEAR]
    return "VV(PP)" in near, any(tag.endswith("(INF)") for tag in near)


def verb_form(verb: Token) -> str | None:
    """"participle", "infinitive" or "both" (a strong participle of the infinitive's form) by the tagger's tag and
    the lexicon's readings of the word: the lexicon overrules a participle tag on a word that can only be an
    infinitive ("kommen" tagged VVPP in "wird ... kommen"), and reads a finite tag under "werden" (a finite verb
    takes no auxiliary: the tagger misread it) as the participle or infinitive the word can be."""
    participle, infinitive = _readings(verb)
    # a verb in -ieren is weak: its participle ends in -iert ("bombardiert"), never in the infinitive's form
    participle = participle and not verb.lower_.endswith("ieren")
    if verb.tag_ in PARTICIPLES or "Part" in verb.morph.get("VerbForm", []):
        return "infinitive" if infinitive and not participle and verb.lower_.endswith("en") else "participle"
    if verb.tag_ in INFINITIVES:
        return "both" if participle else "infinitive"
    if verb.tag_ in FINITES:
        if participle:
            return "both" if infinitive else "participle"
        return "infinitive" if verb.lower_.endswith("n") else None
    return "participle" if participle else None


def opens_clause(t: Token) -> bool:
    """Does t head a clause of its own below its head: a verb (or a predicate with a copula, an auxiliary or a
    subject) under a clause arc? A noun joined by "und" or in apposition is a phrase of the clause it stands in
    ("setzten Senfgas und Chlorgas ein"; "50 Tote und 100 Verletzte"), a verb joined by "und" a clause of its own."""
    return t.dep_ in OWN_CLAUSES and t.head.i != t.i and (t.pos_ in ("VERB", "AUX") or any(
        c.dep_ in ("cop", "aux", "aux:pass", "nsubj") for c in t.children))


def clause_head(t: Token) -> Token:
    """The head of the clause t stands in."""
    x = t
    for _ in range(40):
        if x.head.i == x.i or opens_clause(x):
            return x
        x = x.head
    return x


def own_clause(verb: Token) -> list[Token]:
    """The words of the verb's clause: its subtree less the clauses below it (at any depth: a relative clause on
    its object too), the verb included. In the subtree's order: a word is the clause's where no word from it up to
    the verb opens a clause, so the walk down from the verb leaves out each clause below it whole (asking each word
    once, not again for every word under it)."""
    out: list[Token] = []
    _clause_words(verb, out)
    return out


def _clause_words(x: Token, out: list[Token]) -> None:
    """x and the words below it that no clause of their own holds, in `Token.subtree`'s order (the left
    dependents' words, x, the right dependents' words)."""
    for w in x.lefts:
        if not opens_clause(w):
            _clause_words(w, out)
    out.append(x)
    for w in x.rights:
        if not opens_clause(w):
            _clause_words(w, out)


def _times(verb: Token, clause: list[Token]) -> tuple[bool, bool]:
    """(ongoing, dated) of the clause by the times component's spans on its words."""
    ongoing = dated = False
    for x in getattr(verb.doc._, "times", None) or ():
        span = [t for t in clause if x.start <= t.idx < x.end]
        if not span:
            continue
        # the "seit" of the span's phrase: on a token of the span or on the noun it hangs on ("3." of "Mai")
        since = any(c.dep_ == "case" and c.lower_ == "seit" for t in span for c in (*t.children, *t.head.children))
        if x.type == "SET" or since:
            ongoing = True
        elif x.type == "DATE" and x.value not in ("PRESENT_REF", "PAST_REF") and \
                any(t.head.i == verb.i for t in span) and not _bracketed(span[0]):
            # the verb's own adjunct, not a year in an aside; a day, not "derzeit", "jetzt" (PRESENT_REF: the present
            # passive then tells what goes on now, "Derzeit werden 40 Verletzte behandelt") nor "damals"
            dated = True
    return ongoing, dated


def _bracketed(tok: Token) -> bool:
    """The token stands in brackets: an aside ("werden eingestuft (2006: 7 Prozent)"), not the verb's adjunct."""
    for t in reversed(tok.doc[tok.sent.start:tok.i]):
        if t.text in ("(", "["):
            return True
        if t.text in (")", "]"):
            return False
    return False


def werden_reading(verb: Token) -> Werden | None:
    """How "werden" reads with this verb (module doc); None where no "werden" is its auxiliary."""
    auxes = werden_aux(verb)
    if not auxes:
        return None
    # the tagger may call a verb-final finite "werden" an infinitive ("die abgeschoben werden", VAINF with a mood):
    # it is finite where no other auxiliary of the verb is (a modal's "soll geräumt werden", a "zu" infinitive)
    others = [c for c in verb.children if (c.dep_ in ("aux", "aux:pass") or c.tag_ == "PTKZU") and c not in auxes]
    finite = next((c for c in auxes if c.tag_ in FINITES or c.tag_ not in INFINITIVES and _finite(c)), None) or \
        next((c for c in auxes if _finite(c) and not others and len(auxes) == 1), None)
    tense = next(iter(finite.morph.get("Tense", [])), None) if finite is not None else None
    if finite is None and (last := _verb_final(verb, auxes, others)) is not None:
        finite, tense = last, "Pres" if last.lower_ in PRESENT_FORMS else None
    mood = finite.morph.get("Mood", []) if finite is not None else []
    clause = own_clause(verb)
    ongoing, dated = _times(verb, clause)
    form = verb_form(verb)
    # "würde": the Konjunktiv II of "werden" (Tense=Past, Mood=Sub); "werde" is the Konjunktiv I of reported speech
    conditional = "Sub" in mood and tense == "Past"
    # unlike the past "wurde", "würde" takes an infinitive: a participle tag on a word the lexicon reads as an
    # infinitive too, however far below its participle reading ("Der Konzern würde die Mitarbeiter entlassen"),
    # leaves the clause to decide
    if conditional and form == "participle" and verb.lower_.endswith("en") and \
            any(tag.endswith("(INF)") for tag, _ in word_tags(verb.lower_)):
        form = "both"
    if form == "both":
        core = [c for c in verb.children if c.dep_ in CORE]
        # a noun with its own article that the parser hangs on another argument as an adjective is a noun phrase of
        # its own: "werden die Milizen Dörfer überfallen" (subject "die Milizen" parsed amod of the object); so is a
        # capitalised word inside the sentence the tagger calls an adjective (ADJA) but a noun (its part of speech),
        # its article then hung on the other noun: "werden die Rebellen Lager überfallen" - an adjective is written
        # small
        core += [g for c in core for g in c.children if g.dep_ == "amod" and g.pos_ in ("NOUN", "PROPN")
                 and g.i < c.i and (any(d.dep_ == "det" for d in g.children)
                                    or g.pos_ == "NOUN" and g.text[:1].isupper() and not g.is_sent_start)]
        # a past "wurde" has no infinitive (German has no past future); "würde" has
        form = "participle" if tense == "Past" and not conditional or ongoing or len(core) <= 1 else "infinitive"
    passive = form == "participle"
    # a future: a present "werden" with an infinitive, or with a participle and a passive infinitive "werden"
    passive_infinitive = any(c.tag_ == "VAINF" and c is not finite for c in auxes)
    # or with a participle and the infinitive "sein" or "haben": the future perfect, the future of a state ("werden
    # auch die Minister vertreten sein", "wird bis dahin eingetroffen sein"); the parser may label that "sein" dep
    perfect_infinitive = any(c.tag_ == "VAINF" and c.lemma_.lower() in ("sein", "haben")
                             and c.dep_ in ("aux", "aux:pass", "dep") for c in verb.children)
    future = finite is not None and tense == "Pres" and not conditional and (
        form == "infinitive" or passive and passive_infinitive or perfect_infinitive)
    return Werden(future=future, passive=passive, conditional=conditional, tense=tense, ongoing=ongoing,
                  dated=dated)


def future_tense(verb: Token) -> bool:
    """The future tense, active or passive ("wird ... kosten", "werden ... gekürzt werden")."""
    r = werden_reading(verb)
    return r is not None and r.future


def werden_future(verb: Token) -> bool:
    """The active future: "werden" with an infinitive ("wird ... angreifen"), whose subject acts though the parser
    may label "werden" aux:pass."""
    r = werden_reading(verb)
    return r is not None and r.future and not r.passive


def werden_passive(verb: Token) -> bool:
    """A passive with "werden" ("wurde ... getötet", "werden täglich ... überfallen")."""
    r = werden_reading(verb)
    return r is not None and r.passive


def present_passive(verb: Token) -> bool:
    """A participle with a present "werden" and no future ("Das Lager wird morgen geräumt"; not "wird geräumt
    werden", "ist geräumt worden", "soll geräumt werden")."""
    r = werden_reading(verb)
    return r is not None and r.passive and r.tense == "Pres" and not r.future and not r.conditional


def scheduled(verb: Token) -> bool:
    """The clause tells what is ahead by "werden": the future, or a present passive on a named day that no frequency
    or "seit" makes a present of what goes on ("Am Mittwoch werden fünf Tickets vergeben")."""
    r = werden_reading(verb)
    return r is not None and (r.future or r.passive and r.tense == "Pres" and not r.conditional and r.dated
                              and not r.ongoing)
