"""A trained quotation span tagger over the article (numpy only, CPU-fast): B / I / O per token.

Each token gets three probabilities - it begins what someone is reported to say (``B``), goes on with it (``I``) or
is none of it (``O``) - from one softmax layer over hashed features our pipeline already gives per token: its own
part of speech, arc, lemma and mood; the clause it stands in (the clause's verb: its lemma and meaning class -
reporting verb, speech-act verb, other - its mood, its arc, its conjunction) and what that clause hangs on (the
governing verb's or noun's lemma and class: a ``dass`` clause under ``sagte`` or under ``die Forderung``); whether
it stands in quotation marks, in the subject of a verb of saying, in a rule quotation (`quotations`), where in the
sentence it stands; and the sentence's cues (a reporting verb, an attribution preposition, Konjunktiv I in the main
clause, hearsay ``sollen``, a colon) and its neighbours' (Konjunktiv I or a quotation of the rules before).

Trained on the German news quotation attribution corpus' train split (``python -m
lagebild.training.attribution_spans``; **CC BY-NC-SA 4.0** - the weights in ``lagebild/models/attribution_spans/``
are a work trained on it, see its meta.json). `load()` returns None where no weights are packaged: nothing reads it
then, and the rules and the component work as before.
"""
from __future__ import annotations

import json
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from ...lang.de import words
from . import cues as C
from .quotations import Quotation, _quote_marks

LABELS = ("O", "B", "I")
O, B, I = 0, 1, 2
DIM = 1 << 18
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "attribution_spans"
CLAUSE_ARCS = {"ROOT", "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "conj", "dep", "appos"}


def _h(feat: str) -> int:
    return zlib.crc32(feat.encode("utf-8")) % DIM


def verb_class(tok: Token) -> str:
    """The meaning class of a verb: reports (lang/de reporting_verbs), performs a speech act or judgement
    (speech_act_verbs), or neither."""
    if C.is_reporting_verb(tok):
        return "rep"
    if C.full_lemma(tok) in words("speech_act_verbs"):
        return "act"
    return "other"


def clause_verb(tok: Token) -> Token:
    """The verb (or the root) that heads the clause the token stands in: up the arcs to the first verb that opens a
    clause of its own."""
    t = tok
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_ARCS or t.head.i == t.i) or t.head.i == t.i:
            return t
        t = t.head
    return t


def _mood(verb: Token) -> str:
    """Konjunktiv I (reported), Konjunktiv II, or neither, of the verb or its auxiliaries."""
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    if any(C.konjunktiv1(t) for t in group):
        return "k1"
    if any("Sub" in t.morph.get("Mood", []) for t in group):
        return "k2"
    return "ind"


def _mark(verb: Token) -> str:
    return next((c.lower_ for c in verb.children if c.dep_ == "mark"), "-")


class _Sentence:
    """What a token's features read of its sentence."""

    def __init__(self, sent: Span, rules_in: bool, prev_k1: bool, prev_rule: bool):
        self.start, self.n = sent.start, len(sent)
        self.cues = [f"s_rep:{any(t.pos_ in ('VERB', 'AUX') and C.is_reporting_verb(t) for t in sent)}",
                     f"s_attr:{any(C.is_attribution_preposition(t) for t in sent)}",
                     f"s_k1:{C.reported_sentence(sent)}", f"s_sollen:{C.hearsay_modal(sent)}",
                     f"s_colon:{any(t.text == ':' for t in sent)}", f"s_rule:{rules_in}",
                     f"p_k1:{prev_k1}", f"p_rule:{prev_rule}"]
        self.root_cls = verb_class(sent.root)
        self.root_mood = _mood(sent.root)
        self.speakers: set[int] = set()          # tokens of the subject of a verb of saying
        for t in sent:
            if t.pos_ in ("VERB", "AUX") and verb_class(t) != "other":
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubj:pass"):
                        self.speakers |= {x.i for x in c.subtree}


def token_features(doc: Doc, rules: list[Quotation]) -> list[list[int]]:
    """The hashed features of each token of the Doc (see the module)."""
    sents = list(doc.sents)
    marks = _quote_marks(doc)
    in_marks = np.zeros(len(doc), dtype=bool)
    for a, b in marks:
        in_marks[a: b + 1] = True
    rule_how = [""] * len(doc)
    rule_spk = np.zeros(len(doc), dtype=bool)
    for q in rules:
        for k in q.tokens:
            rule_how[k] = q.how or "rule"
        if q.speaker_head is not None:
            rule_spk[q.speaker_head] = True
    rule_sents = {q.sent for q in rules}
    out: list[list[int]] = []
    prev_k1 = False
    for si, sent in enumerate(sents):
        info = _Sentence(sent, si in rule_sents, prev_k1, si - 1 in rule_sents)
        prev_k1 = C.reported_sentence(sent)
        verbs: dict[int, tuple[str, ...]] = {}
        for tok in sent:
            v = clause_verb(tok)
            if v.i not in verbs:
                g = v.head
                gcls = verb_class(g) if g.pos_ in ("VERB", "AUX") else (
                    "repnoun" if g.pos_ in ("NOUN", "PROPN") and C.is_reporting_noun(g) else g.pos_)
                root = v.head.i == v.i
                verbs[v.i] = (f"vlem:{C.full_lemma(v)}", f"vcls:{verb_class(v)}", f"vmood:{_mood(v)}",
                              f"vdep:{v.dep_}", f"vmark:{_mark(v)}",
                              f"g:{'root' if root else gcls}", f"glem:{'-' if root else C.full_lemma(g)}",
                              f"vdep_g:{v.dep_}|{'root' if root else gcls}",
                              f"vmood_g:{_mood(v)}|{'root' if root else gcls}",
                              f"vcls_mood:{verb_class(v)}|{_mood(v)}")
            vf = verbs[v.i]
            rel = min(9, 10 * (tok.i - info.start) // max(1, info.n))
            prev = doc[tok.i - 1] if tok.i > 0 else None
            f = ["bias", f"pos:{tok.pos_}", f"dep:{tok.dep_}", f"lem:{tok.lemma_.lower()}",
                 f"pdep:{tok.pos_}|{tok.dep_}", f"hdep:{tok.dep_}|{tok.head.pos_}",
                 f"marks:{bool(in_marks[tok.i])}", f"spk:{tok.i in info.speakers}",
                 f"rule:{rule_how[tok.i]}", f"rulespk:{bool(rule_spk[tok.i])}",
                 f"rel:{rel}", f"first:{tok.i == info.start}", f"prev:{prev.text if prev is not None and prev.is_punct else '-'}",
                 f"isverb:{tok.i == v.i}", f"vedge:{tok.i == v.left_edge.i}",
                 f"root:{info.root_cls}|{info.root_mood}", f"side:{'l' if tok.i < v.i else 'r'}|{vf[1]}",
                 *vf, *info.cues,
                 f"marks_v:{bool(in_marks[tok.i])}|{vf[1]}", f"rule_v:{bool(rule_how[tok.i])}|{vf[5]}",
                 f"k1_spk:{info.cues[2]}|{tok.i in info.speakers}"]
            out.append([_h(x) for x in f])
    return out


class SpanModel:
    """One softmax layer: weights (DIM x 3) and a bias."""

    def __init__(self, w: np.ndarray, b: np.ndarray, meta: dict | None = None):
        self.w, self.b, self.meta = w, b, meta or {}

    def probabilities(self, feats: list[list[int]]) -> np.ndarray:
        if not feats:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        width = max(len(f) for f in feats)
        idx = np.array([f + [f[0]] * (width - len(f)) for f in feats], dtype=np.int64)
        mask = np.array([[1.0] * len(f) + [0.0] * (width - len(f)) for f in feats], dtype=np.float32)
        z = (self.w[idx].astype(np.float32) * mask[:, :, None]).sum(axis=1) + self.b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "weights.npz", w=self.w.astype(np.float16), b=self.b.astype(np.float32))
        (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=2)
def load(path: str | None = None) -> SpanModel | None:
    """The packaged weights, or None where none are packaged."""
    folder = Path(path) if path else MODEL_DIR
    f = folder / "weights.npz"
    if not f.exists():
        return None
    z = np.load(f)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8")) if (folder / "meta.json").exists() else {}
    return SpanModel(z["w"], z["b"], meta)


def decode(probs: np.ndarray, doc: Doc, threshold: float = 0.5) -> list[tuple[int, int]]:
    """Token spans [a, b) the probabilities mark: a token is in a quotation where B + I reach `threshold`; a B more
    likely than I starts a new one; punctuation at either end is left out."""
    out: list[tuple[int, int]] = []
    start = None
    for k in range(len(probs)):
        inside = probs[k, B] + probs[k, I] >= threshold
        begins = inside and probs[k, B] > probs[k, I]
        if start is not None and (not inside or begins or doc[k].is_sent_start and k > start):
            out.append((start, k))
            start = None
        if inside and start is None:
            start = k
    if start is not None:
        out.append((start, len(probs)))
    trimmed = []
    for a, b in out:
        while a < b and doc[a].is_punct:
            a += 1
        while b > a and doc[b - 1].is_punct:
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed
