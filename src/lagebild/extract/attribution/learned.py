"""A small trained attribution component over parse features (numpy only, CPU-fast).

Two logistic regressions with hashed features, trained on the German news quotation attribution
corpus' train split (``python -m lagebild.training.attribution``; CC BY-NC-SA 4.0 - the weights
shipped in ``lagebild/models/attribution/`` are a work trained on it, see its meta.json):

- **sentence**: does the sentence report someone's words (any quotation type)? Features: lemmas of
  its verbs, reporting verbs and nouns, attribution prepositions, Konjunktiv I, ``sollen``,
  quotation marks, what the rules of `quotations` found in it and in the sentence before;
- **speaker**: which noun phrase head (this sentence or the two before) is the speaker? Features: its
  arc, part of speech, entity type, lemma, the head it hangs on, whether it is a reporting verb's
  subject or an attribution preposition's object, distance in sentences, whether the rules chose it.

`learned_quotations(doc, model)` gives `Quotation`s like `quotations.quotations`; the rule path works
without the model (`load_model()` returns None when no weights are packaged).
"""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from . import cues as C
from .quotations import Quotation, _content, _quote_marks, _spans, quotations
from .speakers import np_tokens, subject_of

DIM = 1 << 16
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "attribution"
HEAD_POS = {"NOUN", "PROPN", "PRON"}
WINDOW = 2                                   # sentences before the quotation where a speaker may stand


def _h(feat: str) -> int:
    return zlib.crc32(feat.encode("utf-8")) & (DIM - 1)


@dataclass
class Model:
    sent_w: np.ndarray
    sent_b: float
    spk_w: np.ndarray
    spk_b: float
    sent_threshold: float = 0.5
    spk_threshold: float = 0.1

    def save(self, path: Path, meta: dict) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / "weights.npz", sent_w=self.sent_w.astype(np.float32),
                            spk_w=self.spk_w.astype(np.float32),
                            bias=np.array([self.sent_b, self.spk_b, self.sent_threshold, self.spk_threshold]))
        (path / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Model | None:
    """The packaged weights, or None where none are packaged (the rules then work alone)."""
    target = Path(path) if path else MODEL_DIR
    f = target / "weights.npz"
    if not f.exists():
        return None
    z = np.load(f)
    b = z["bias"]
    return Model(z["sent_w"], float(b[0]), z["spk_w"], float(b[1]), float(b[2]), float(b[3]))


def _score(w: np.ndarray, b: float, feats: list[int]) -> float:
    return 1.0 / (1.0 + np.exp(-(b + float(w[feats].sum()))))


# --- features -----------------------------------------------------------------------------------


def sentence_features(sent: Span, rule_hows: set[str], prev_hows: set[str], in_marks: bool,
                      next_hows: set[str] = frozenset()) -> list[int]:
    f = ["bias", "first=" + sent[0].lower_]
    for t in sent:
        if t.pos_ in ("NOUN", "ADV", "ADP", "SCONJ"):
            f.append(f"{t.pos_}={t.lemma_.lower()}")
        if t.pos_ in ("VERB", "AUX"):
            f.append("vl=" + C.full_lemma(t))
            if C.konjunktiv1(t):
                f.append("konj1")
            if t.lemma_ == "sollen":
                f.append("sollen")
        if C.is_reporting_verb(t):
            f.append("repverb")
            f.append("repverb_dep=" + t.dep_)
        if C.is_attribution_preposition(t):
            f.append("attrprep")
        if t.pos_ == "NOUN" and C.is_reporting_noun(t):
            f.append("repnoun=" + t.lemma_.lower())
        if t.text in ("„", "“", "»", "«", '"'):
            f.append("quote_mark")
        if t.text == ":":
            f.append("colon")
    f += ["rule=" + h for h in rule_hows] or ["rule=none"]
    f += ["prev_rule=" + h for h in prev_hows] or ["prev_rule=none"]
    f += ["next_rule=" + h for h in next_hows] or ["next_rule=none"]
    if in_marks:
        f.append("in_marks")
    f.append("len=%d" % min(len(sent) // 8, 6))
    if C.reported_sentence(sent):
        f.append("reported_main")
    return [_h(x) for x in f]


def candidates(sents: list[Span], si: int) -> list[tuple[Token, int]]:
    """Noun-phrase heads in the sentence and the WINDOW sentences before it, with their distance."""
    out = []
    for d in range(0, WINDOW + 1):
        if si - d < 0:
            break
        for t in sents[si - d]:
            if t.pos_ in HEAD_POS and t.dep_ not in ("det", "amod", "compound", "flat", "flat:name", "case"):
                out.append((t, d))
    return out


def speaker_features(tok: Token, dist: int, rule_heads: dict[int, str], rep_subjects: set[int],
                     prep_objects: set[int], in_marks: set[int], this_rule: set[int] = frozenset()) -> list[int]:
    f = ["bias", f"dist={dist}", f"dep={tok.dep_}", f"pos={tok.pos_}", f"ent={tok.ent_type_ or '-'}",
         f"dep_dist={tok.dep_}|{dist}", f"headpos={tok.head.pos_}", f"headlemma={C.full_lemma(tok.head)}",
         f"ent_dist={tok.ent_type_ or '-'}|{dist}", f"pos_dist={tok.pos_}|{dist}",
         f"dep_head={tok.dep_}|{C.full_lemma(tok.head)}"]
    if tok.i in this_rule:
        f += ["rule_this", "rule_this_dep=" + tok.dep_]
    if tok.i - tok.sent.start < 3:
        f.append(f"sent_start|{dist}")
    if tok.pos_ != "PROPN":
        f.append("lemma=" + tok.lemma_.lower())
    if tok.i in rule_heads:
        f += ["rule", "rule=" + rule_heads[tok.i], f"rule_dist={dist}"]
    if tok.i in rep_subjects:
        f += ["repsubj", f"repsubj_dist={dist}"]
    if tok.i in prep_objects:
        f += ["prepobj", f"prepobj_dist={dist}"]
    if tok.i in in_marks:
        f.append("in_marks")
    if tok.pos_ == "PRON":
        f.append("pron=" + tok.lower_)
    if C.is_reporting_noun(tok):
        f.append("is_repnoun")
    return [_h(x) for x in f]


@dataclass
class DocFeatures:
    sents: list[Span]
    rules: list[Quotation]
    sent_feats: list[list[int]]
    cands: list[list[tuple[Token, int, list[int]]]]
    marks: list[tuple[int, int]]


def doc_features(doc: Doc) -> DocFeatures:
    sents = list(doc.sents)
    rules = quotations(doc)
    marks = _quote_marks(doc)
    in_marks = {k for a, b in marks for k in range(a, b + 1)}
    hows: dict[int, set[str]] = {}
    rule_heads: dict[int, str] = {}
    for q in rules:
        hows.setdefault(q.sent, set()).add(q.how)
        if q.speaker_head is not None:
            rule_heads.setdefault(q.speaker_head, q.how)
    rep_subjects = set()
    prep_objects = set()
    for t in doc:
        if C.is_reporting_verb(t):
            s = subject_of(t)
            if s is not None:
                rep_subjects.add(s.i)
        if C.is_attribution_preposition(t) or t.lower_ == "nach":
            if t.head.i != t.i:
                prep_objects.add(t.head.i)
                for c in t.head.children:
                    if c.dep_ in ("nmod", "nmod:poss"):
                        prep_objects.add(c.i)
    sent_feats, cands = [], []
    this_rule: dict[int, set[int]] = {}
    for q in rules:
        if q.speaker_head is not None:
            this_rule.setdefault(q.sent, set()).add(q.speaker_head)
    for si, sent in enumerate(sents):
        marked = any(t.i in in_marks for t in sent)
        sent_feats.append(sentence_features(sent, hows.get(si, set()), hows.get(si - 1, set()), marked,
                                            hows.get(si + 1, set())))
        cands.append([(t, d, speaker_features(t, d, rule_heads, rep_subjects, prep_objects, in_marks,
                                              this_rule.get(si, set())))
                      for t, d in candidates(sents, si)])
    return DocFeatures(sents, rules, sent_feats, cands, marks)


# --- prediction ---------------------------------------------------------------------------------


def maximal_np_head(tok: Token) -> Token:
    """The head of the largest noun phrase a token belongs to: up through genitives, appositions, name
    parts and coordination ("Sky" in "ein Reporter des Senders Sky News" -> "Reporter")."""
    while tok.dep_ in ("nmod", "appos", "flat", "flat:name", "conj", "nmod:poss") and tok.head.i != tok.i and \
            tok.head.pos_ in HEAD_POS and not any(c.dep_ == "case" and c.lower_ not in ("von",) for c in tok.children):
        tok = tok.head
    return tok



def learned_quotations(doc: Doc, model: Model, feats: DocFeatures | None = None) -> list[Quotation]:
    """Quotations by the trained component: one per sentence it judges reported speech, its speaker the
    best-scoring candidate; cue and type from the rules where they found the sentence, else by form."""
    fx = feats or doc_features(doc)
    by_sent: dict[int, list[Quotation]] = {}
    for q in fx.rules:
        by_sent.setdefault(q.sent, []).append(q)
    out: list[Quotation] = []
    for si, sent in enumerate(fx.sents):
        p = _score(model.sent_w, model.sent_b, fx.sent_feats[si])
        if p < model.sent_threshold:
            continue
        scored = [(_score(model.spk_w, model.spk_b, f), t) for t, _, f in fx.cands[si]]
        best = max(scored, key=lambda x: x[0], default=None)
        rule = by_sent.get(si, [])
        if best is None or best[0] < model.spk_threshold:
            continue
        head = maximal_np_head(best[1])
        sp = np_tokens(head)
        own = next((q for q in rule if q.speaker_head == head.i), rule[0] if rule else None)
        qtype = own.type if own else ("Direct" if any(t.text in ("„", "»", "«", '"') for t in sent) else
                                      "IndirectFreeIndirect" if C.reported_sentence(sent) else
                                      "FreeIndirect" if C.hearsay_modal(sent) else "Reported")
        quote = _content(sent) - set(sp)
        if own is not None and own.tokens:
            quote = {doc[i] for i in own.tokens}
        if not quote:
            continue
        q = Quotation(qtype, _spans(quote), own.cue if own else (), _spans(sp), head.i,
                      own.relay if own else (), own.relay_head if own else None, how="learned", sent=si,
                      tokens={t.i for t in quote})
        out.append(q)
        # a passage in quotation marks inside what is reported is a direct quotation of the same speaker
        # ("..., sie habe „große Angst“ gehabt"), unless the marks are the whole quotation
        for a, b in fx.marks:
            inner = set(range(a, b + 1))
            if a >= sent.start and b < sent.end and inner < q.tokens and len(inner) < 0.8 * len(q.tokens):
                out.append(Quotation("Direct", _spans([doc[k] for k in sorted(inner)]), q.cue, q.speaker,
                                     q.speaker_head, q.relay, q.relay_head, how="learned-marks", sent=si,
                                     tokens=inner))
    return out
