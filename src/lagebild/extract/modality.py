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
  `rechnet mit`): the figure is what was expected, not what happened, and never a hedge.

The words are `lang/de/figure_modality.tsv`. Without a parse there is no answer (None): the word rules of
attribution/legacy.py decide then.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Token

from ..lang.de import table
from .quantity import figure_token, punct_segment

WORDS = table("figure_modality")
# Dependencies that open a clause of its own. Upward through the complement and relative ones (the clause above
# governs the figure's), never through the others (a sibling clause says nothing of the figure).
CLAUSE_DEPS = frozenset({"conj", "parataxis", "acl", "acl:relcl", "advcl", "ccomp", "csubj", "xcomp", "list",
                         "appos"})
GOVERNED = frozenset({"ccomp", "xcomp", "csubj", "acl", "acl:relcl"})


FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
# How each figure's clause was read: by the parse, or by the stretch between punctuation where the parse is wrong
STATS: Counter[str] = Counter()


@dataclass
class Modality:
    hedged: bool
    planned: bool


def _opens_clause(t: Token) -> bool:
    """Does t head a clause of its own below its head: a verb (or a predicate with a copula) under a clause
    dependency? ("50 Tote und 100 Verletzte": a conjoined noun is no clause.)"""
    return t.dep_ in CLAUSE_DEPS and t.head.i != t.i and (t.pos_ in ("VERB", "AUX") or any(
        c.dep_ in ("cop", "aux", "aux:pass", "nsubj") for c in t.children))


def clause_head(t: Token) -> Token:
    """The head of the clause t stands in."""
    x = t
    for _ in range(40):
        if x.head.i == x.i or _opens_clause(x):
            return x
        x = x.head
    return x


def _clause_tokens(head: Token) -> list[Token]:
    """The words of the clause headed by head (not those of clauses below it); a conjoined verb without a
    finite verb of its own shares the modal of the clause it is joined to ("sollen 50 getötet und 100 verletzt
    worden sein")."""
    own = [t for t in head.subtree if clause_head(t).i == head.i]
    if head.dep_ == "conj" and not head.tag_.endswith("FIN") and not any(c.tag_.endswith("FIN") for c in own):
        own += [c for c in head.head.children if c.dep_.startswith("aux")]
    return own


def _reading(tokens: list[Token]) -> tuple[bool, bool]:
    """(hedged, planned) of one clause's words."""
    forms = {t.lower_ for t in tokens}
    lemmas = {(t.lemma_ or t.text).lower() for t in tokens}
    # a perfect infinitive: a participle with an infinitive auxiliary (haben, sein, worden sein)
    perfect = any(t.tag_ == "VAINF" and (t.lemma_ or "").lower() in ("haben", "sein") for t in tokens) and \
        any(t.tag_ in ("VVPP", "VAPP", "VMPP") for t in tokens)
    passive = any(t.tag_ == "VAINF" and (t.lemma_ or "").lower() == "werden" for t in tokens)
    hedged = bool(forms & WORDS["evidential"] or lemmas & WORDS["evidential"]) or bool(forms & WORDS["possible"])
    planned = bool(lemmas & WORDS["expect"])
    if forms & WORDS["hearsay"]:
        if passive and not perfect:
            planned = True                    # "sollen eingesetzt werden": a plan
        else:
            hedged = True
    if forms & WORDS["plan"]:
        if perfect:
            hedged = True                     # "sollten getötet worden sein"
        else:
            planned = True                    # "teilnehmen sollten": an expectation
    return hedged, planned and not hedged


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
    hedged, planned = _reading(_clause_tokens(head))
    x = head
    for _ in range(6):                        # the clauses above that govern the figure's
        if x.head.i == x.i or x.dep_ not in GOVERNED:
            break
        x = clause_head(x.head)
        up_hedged, _ = _reading(_clause_tokens(x))
        hedged = hedged or up_hedged
    return Modality(hedged, planned and not hedged)
