"""Reported speech by a learned decision: which clauses of a speech-act verb are a quotation, and who says it.

The quotation corpus marks a speech act told in the reporter's words as Reported speech (``Die Regierung warnte vor
weiteren Überschwemmungen``, ``Der Konzern kündigte Untersuchungen an``, ``Die Partei forderte ein Verbot``) - but
unevenly by verb and frame (``lehnte ... ab``, ``wies ... zurück`` mostly not): a rule "a speech-act verb with a
speaking subject is Reported speech" added 45 such quotations on dev, 6 right (session 30). What decides is learned
here from the corpus' train split: a logistic regression over (verb, argument) pairs of a clause, read from the parse
- the verb's lemma and meaning class (lang/de reporting_verbs, speech_act_verbs), what it governs (a clause, an
object, a preposition, ``als``), its tense, mood, voice and negation, and the argument's dependency, case, kind
(`speakers.speaker_kind`), entity type and place before or after the verb. A pair scores the chance that the clause
is a quotation of the corpus and the argument its speaker.

The weights are packaged beside the component's (``models/attribution/reported_acts.json``, trained on a corpus under
CC BY-NC-SA 4.0: the file says so in its meta); without the file nothing is added. `learned_quotations` asks it only
for sentences the component left without any quotation (`reported_acts`), after its decisions - the claims path
(`learned.LearnedDoc`) does not call it.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ...lang.de import words
from . import cues as C
from .quotations import Quotation, _content, _spans
from .speakers import names_a_time, np_tokens, speaker_kind

MODEL_FILE = Path(__file__).resolve().parents[2] / "models" / "attribution" / "reported_acts.json"
ARGUMENT_ARCS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "obl:arg", "nmod", "ccomp", "conj",
                 "appos", "dep")
ARGUMENT_POS = ("NOUN", "PROPN", "PRON")
VERB_POS = ("VERB", "AUX", "ADJ")            # the parser may tag a finite verb an adjective (``warnt``)
CLAUSE_ARCS = ("ccomp", "xcomp", "csubj", "advcl", "parataxis")


def act_class(verb: Token) -> str:
    """The verb's meaning class: a verb of saying (lang/de reporting_verbs), of another speech act or stated judgement
    (speech_act_verbs), or another verb."""
    lemma = C.full_lemma(verb)
    if lemma in words("reporting_verbs"):
        return "report"
    if lemma in words("speech_act_verbs"):
        return "act"
    return "other"


def clause_verbs(sent: Span) -> list[Token]:
    """The verbs whose clause may be a speech act: the sentence's root and the verbs coordinated with it (whatever
    their lemma: the weights learn which ones the corpus marks), and every verb of saying or of a speech act
    elsewhere in the sentence (``..., während die Verbände den Vorstoß begrüßten``)."""
    root = sent.root
    out = [root] if root.pos_ in VERB_POS else []
    for tok in sent:
        if tok.i == root.i or tok.pos_ not in VERB_POS:
            continue
        if tok.dep_ == "conj" and tok.head.i == root.i or tok.pos_ != "ADJ" and act_class(tok) != "other":
            out.append(tok)
    return out


def arguments(verb: Token) -> list[Token]:
    """The nominal phrases that hang on the verb (any of which the parser may have taken for its subject), and the
    subject of the verb it is coordinated with where it has none of its own (``Er lachte und kündigte an``)."""
    args = [c for c in verb.children if c.dep_ in ARGUMENT_ARCS and c.pos_ in ARGUMENT_POS]
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in args):
        args += [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ in ARGUMENT_POS]
    return args


def _finite(verb: Token) -> Token:
    """The clause's finite verb: an auxiliary or modal on the verb, else the verb itself."""
    return next((c for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.tag_.endswith("FIN")), verb)


def _governs(verb: Token) -> str:
    """What the verb governs, by form: a clause (its complementiser), an extended infinitive, ``als``, an object, a
    prepositional phrase (its preposition), or nothing."""
    for c in verb.children:
        if c.dep_ in CLAUSE_ARCS and c.pos_ in ("VERB", "AUX"):
            mark = next((g.lower_ for g in c.children if g.dep_ == "mark"), "bare")
            return f"clause:{mark}"
    kinds = set()
    for c in verb.children:
        case = next((g.lower_ for g in c.children if g.dep_ == "case"), None)
        if case == "als" or any(g.lower_ == "als" for g in c.children if g.dep_ in ("mark", "cc")):
            kinds.add("als")
        elif c.dep_ == "obj" and c.pos_ in ARGUMENT_POS:
            kinds.add("obj")
        elif c.dep_ in ("obl", "obl:arg") and case is not None:
            kinds.add("pp:" + case)
    return "+".join(sorted(kinds)) or "none"


def _argument_case(arg: Token) -> str:
    prep = next((g.lower_ for g in arg.children if g.dep_ == "case"), None)
    return "pp:" + prep if prep else "/".join(arg.morph.get("Case", [])) or "-"


def _agrees(arg: Token, verb: Token) -> str:
    a, v = arg.morph.get("Number", []), _finite(verb).morph.get("Number", [])
    return "?" if not a or not v else "yes" if a == v else "no"


def pair_features(verb: Token, arg: Token) -> list[str]:
    """The features of one (verb, argument) pair: what the clause does and what the argument is to it."""
    sent = verb.sent
    lemma, cls = C.full_lemma(verb), act_class(verb)
    fin = _finite(verb)
    mood = "/".join(fin.morph.get("Mood", [])) or "-"
    tense = "/".join(fin.morph.get("Tense", [])) or "-"
    k1 = C.konjunktiv1(fin)
    modal = next((c.lemma_.lower() for c in verb.children if c.dep_ == "aux" and c.tag_ == "VMFIN"), "-")
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    neg = any("Neg" in c.morph.get("Polarity", []) for c in verb.children)
    gov = _governs(verb)
    obj = next((c.lemma_.lower() for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"), None)
    kind = speaker_kind(arg)
    dep = arg.dep_
    side = "before" if arg.i < verb.i else "after"
    ent = arg.ent_type_ or "-"
    marks = any(t.text in ("„", "“", "»", "«", '"') for t in sent)
    f = ["bias", f"lem={lemma}", f"cls={cls}", f"vdep={verb.dep_}", f"vpos={verb.pos_}", f"mood={mood}",
         f"tense={tense}", f"modal={modal}", f"gov={gov}", f"dep={dep}", f"kind={kind}", f"ent={ent}",
         f"apos={arg.pos_}", f"side={side}", f"case={_argument_case(arg)}", f"agree={_agrees(arg, verb)}",
         f"cls={cls}|gov={gov}", f"lem={lemma}|gov={gov}", f"cls={cls}|dep={dep}", f"lem={lemma}|dep={dep}",
         f"cls={cls}|kind={kind}", f"dep={dep}|kind={kind}", f"dep={dep}|side={side}", f"cls={cls}|mood={mood}",
         f"cls={cls}|vdep={verb.dep_}", f"cls={cls}|modal={modal}", f"dep={dep}|agree={_agrees(arg, verb)}"]
    if obj:
        f += [f"obj={obj}", f"cls={cls}|obj"]
    if k1:
        f += ["konj1", f"cls={cls}|konj1"]
    if passive:
        f += ["passive", f"passive|case={_argument_case(arg)}"]
    if neg:
        f += ["neg", f"cls={cls}|neg"]
    if marks:
        f += ["marks", f"cls={cls}|marks"]
    if C.reported_sentence(sent):
        f.append("reported_main")
    if names_a_time(arg):
        f.append("time")
    if arg.lower_ in ("es", "man"):
        f.append("arg=" + arg.lower_)
    if any(C.is_attribution_preposition(t) for t in sent):
        f.append("attrprep")
    if sent.start == 0:
        f.append("first_sentence")
    if _in_brackets(verb):
        f.append("brackets")                 # ``(Wikinews berichtete)``: the outlet's pointer to its own report
    if arg.pos_ != "PRON":
        f += [f"alem={arg.lemma_.lower()}", f"alem={arg.lemma_.lower()}|dep={dep}"]
    f.append("nargs=%d" % min(len(arguments(verb)), 4))
    f.append("len=%d" % min(len(sent) // 8, 6))
    return f


def _in_brackets(tok: Token) -> bool:
    """Does the token stand inside round brackets within its sentence?"""
    before = [t.text for t in tok.sent if t.i < tok.i and t.text in "()"]
    return bool(before) and before[-1] == "("


@dataclass(frozen=True)
class ActModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load_act_model(path: str | None = None) -> ActModel | None:
    """The packaged weights (MODEL_FILE), or None where there are none (then nothing is added)."""
    f = Path(path) if path else MODEL_FILE
    if not f.exists():
        return None
    d = json.loads(f.read_text(encoding="utf-8"))
    return ActModel(dict(d["weights"]), float(d["bias"]), float(d["threshold"]))


def best_pair(sent: Span, model: ActModel) -> tuple[float, Token, Token] | None:
    """The sentence's (verb, argument) pair the weights score highest, with its score."""
    best = None
    for verb in clause_verbs(sent):
        for arg in arguments(verb):
            p = model.score(pair_features(verb, arg))
            if best is None or p > best[0]:
                best = (p, verb, arg)
    return best


def reported_acts(doc: Doc, sents: list[Span], out: list[Quotation], model: ActModel | None) -> list[Quotation]:
    """A Reported quotation for each sentence left without any quotation whose best (verb, argument) pair the weights
    accept: the sentence's content is what is said, the argument's phrase who says it."""
    if model is None:
        return out
    covered = set().union(*(q.tokens for q in out)) if out else set()
    added = []
    for si, sent in enumerate(sents):
        if any(k in covered for k in range(sent.start, sent.end)):
            continue
        best = best_pair(sent, model)
        if best is None or best[0] < model.threshold:
            continue
        arg = best[2]
        sp = np_tokens(arg)
        said = {t.i for t in _content(sent)}
        if not said:
            continue
        added.append(Quotation("Reported", _spans([doc[k] for k in sorted(said)]), (), _spans(sp), arg.i,
                               how="learned-act", sent=si, tokens=said))
    return sorted(out + added, key=lambda q: min(q.tokens) if q.tokens else -1)
