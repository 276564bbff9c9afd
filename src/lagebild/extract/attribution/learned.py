"""A small trained attribution component over parse features (numpy only, CPU-fast).

Two logistic regressions with hashed features, trained on the German news quotation attribution
corpus' train split (``python -m lagebild.training.attribution``; CC BY-NC-SA 4.0 - the weights
shipped in ``lagebild/models/attribution/`` are a work trained on it, see its meta.json):

- **sentence**: does the sentence report someone's words (any quotation type)? Features: lemmas of
  its verbs, reporting verbs and nouns, attribution prepositions, Konjunktiv I, ``sollen``,
  quotation marks, what the rules of `quotations` found in it, and the same cues in the sentences
  around it;
- **speaker**: which noun phrase head (this sentence or the two before) is the speaker? Features: its
  arc, part of speech, morphology, entity type, lemma, its preposition, the head it hangs on (a
  reporting verb or noun?), whether it stands inside quotation marks or inside what is said, on which
  side of the sentence's cue and how far, distance in sentences, whether the rules chose it, and
  whether it (or its lemma) is the speaker chosen for the quotation before (the chain of reported
  speech, decided left to right);
- both also read a trained sequence tagger (`tagger`, a small thinc CNN over the tokens and their arcs)
  where the weights were trained with it: each candidate's speaker probability and its rank among the
  window's candidates, each sentence's mean quotation probability and its most speaker- and cue-like
  token, and those of the sentences around it.

`learned_quotations(doc, model)` gives `Quotation`s like `quotations.quotations`; the rule path works
without the model (`load_model()` returns None when no weights are packaged).
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from ...ingest.cleaning import ends_sentence
from ...lang.de import table, words
from ...nlp.compounds import headed_by
from .. import case_word, doc_text, packaged_weights
from . import cues as C
from . import tagger as T
from .quotations import (
    Quotation,
    _content,
    _quote_marks,
    _spans,
    describes_in_words,
    hung_on_said,
    names_something,
    quotations,
    said_in_marks,
)
from .speakers import (
    SPEAKING_KINDS,
    can_speak,
    contiguous_around,
    names_a_time,
    np_tokens,
    said_about,
    speaker_kind,
    speaking_noun,
    subject_of,
)

DIM = 1 << 17
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "attribution"
HEAD_POS = {"NOUN", "PROPN", "PRON"}
CLAUSE_DEPS = ("ccomp", "xcomp", "csubj", "advcl", "parataxis")     # arcs by which a verb governs a clause
WINDOW = 3                                   # sentences before the quotation where a speaker may stand
EXTRA = True
PARSE_REFUSES = True                         # speakers.said_about: the subject of `sollen` is said about, not who says
OWN_FALLBACK = True                          # no rule quotation of the chosen speaker: the first one's clause is said
MARKS = ("„", "“", "»", "«", '"')
CONTINUES = 2                                # sentences back a Konjunktiv I sentence may go on with a quotation
USE_POINTER = True                           # the packaged weights' joint decider (Pointer) where they hold one


class _Hashes(dict):
    """Feature string -> index, kept per process (most feature strings recur in every article; bounded)."""

    def __missing__(self, feat: str) -> int:
        out = zlib.crc32(feat.encode("utf-8")) & (DIM - 1)
        if len(self) < 1 << 18:
            self[feat] = out
        return out


_HASHED = _Hashes()


def _h(feat: str) -> int:
    return _HASHED[feat]


def _hashes(feats: list[str]) -> list[int]:
    h = _HASHED
    return [h[x] for x in feats]


@dataclass
class Model:
    sent_w: np.ndarray
    sent_b: float
    spk_w: np.ndarray
    spk_b: float
    sent_threshold: float = 0.5
    spk_threshold: float = 0.1
    listwise: bool = False                   # speaker weights trained as a softmax over each sentence's candidates
    ctx_w: np.ndarray | None = None          # second sentence pass: reads the first pass' scores around it
    ctx_b: float = 0.0
    tagger: Any = None                       # the sequence tagger whose probabilities are features (tagger.py)
    # the reporting nouns of lang/de as they were when the weights were trained (meta.json), which the features read
    # (None: the list as it is now - training)
    reporting_nouns: frozenset[str] | None = None
    # the speech-act verbs of lang/de the weights were trained with (meta.json; None: weights of before that feature)
    speech_acts: frozenset[str] | None = None
    # weights trained with the candidates' speaker kinds (`speakers.speaker_kind`, meta.json feature_speaker_kinds)
    speaker_kinds: bool = False
    # the other lists the features read (OTHER_FEATURE_LISTS), as they were when the weights were trained (meta.json
    # "feature_<name>"); a list missing there is read as it is now
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    # the joint decider (`Pointer`, POINTER_FILE beside the weights): where there is one, it decides each sentence of
    # `learned_quotations` - no quotation, or which candidate speaks - in place of the sentence classifier's
    # threshold and the ranker (the claims extractor asks it only where those name no one: LearnedDoc)
    pointer: Pointer | None = None

    def save(self, path: Path, meta: dict) -> None:
        path.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {
            "sent_w": self.sent_w.astype(np.float16), "spk_w": self.spk_w.astype(np.float16),
            "bias": np.array([self.sent_b, self.spk_b, self.sent_threshold, self.spk_threshold,
                              float(self.listwise), self.ctx_b, float(self.tagger is not None)])}
        if self.ctx_w is not None:
            arrays["ctx_w"] = self.ctx_w.astype(np.float16)
        np.savez_compressed(path / "weights.npz", **arrays)
        if self.pointer is not None:             # a file of its own: the two models' weights read without it
            np.savez_compressed(path / POINTER_FILE, **self.pointer.arrays())
        (path / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


POINTER_FILE = "pointer.npz"
POINTER_ROWS = 1 << 13          # rows of the pointer's feature embeddings the trainer makes (hashes folded onto them)


@dataclass
class Pointer:
    """One decision per sentence over its speaker candidates (ATTRIBUTION.md, session 23): a softmax over "no
    quotation here" (score 0) and each candidate c, scored

        sent_b + sent_w . sentence features + spk_w . features of c + <tanh(E_s . sentence), tanh(E_k . c)>

    so that whether the sentence reports and who speaks in it are one choice, and the last term lets what the
    sentence is like (its verbs, cues, marks) weigh what the candidate is like (its arc, side of the cue, distance)
    - the two linear models of the component can only add them. Trained on the quotation corpus' train split
    (`lagebild.training.attribution_pointer`) with the gold speaker as the target and "no quotation" where the
    sentence holds none or its speaker is among no candidate (what the speaker F1 counts). Reads the features the
    component's own models read (hashed, `DIM`; the embeddings fold them onto `POINTER_ROWS` rows). Several members
    (the same model trained from other random starts; one alone varies by seed) are averaged: each array has the
    member as its first axis."""

    sent_w: np.ndarray                       # (members, DIM)
    sent_b: np.ndarray                       # (members,)
    spk_w: np.ndarray                        # (members, DIM)
    sent_emb: np.ndarray                     # (members, POINTER_ROWS, d)
    spk_emb: np.ndarray                      # (members, POINTER_ROWS, d)
    threshold: float = 0.35                  # the chosen candidate's share needed to say it speaks

    def shares(self, sent_feats: list[int], cand_feats: list[list[int]]) -> list[float]:
        """Each candidate's share of the softmax (the rest is "no quotation"), averaged over the members."""
        if not cand_feats:
            return []
        rows = self.sent_emb.shape[1]                                           # as trained (POINTER_ROWS then)
        sf = np.asarray(sent_feats, dtype=np.int64)
        base = self.sent_b + self.sent_w[:, sf].sum(1)                          # (members,)
        hs = np.tanh(self.sent_emb[:, sf % rows].sum(1))                        # (members, d)
        z = np.zeros((len(self.sent_b), len(cand_feats) + 1))
        for j, f in enumerate(cand_feats):
            cf = np.asarray(f, dtype=np.int64)
            hc = np.tanh(self.spk_emb[:, cf % rows].sum(1))
            z[:, j + 1] = base + self.spk_w[:, cf].sum(1) + (hc * hs).sum(1)
        e = np.exp(z - z.max(1, keepdims=True))
        p = (e / e.sum(1, keepdims=True)).mean(0)
        return [float(x) for x in p[1:]]

    def arrays(self) -> dict[str, Any]:
        """The arrays to save: weights and embeddings as int8 with a float16 scale per member's weight vector and
        per embedding row (dev speaker F1 as with float16 to 0.001; the file a third smaller)."""
        out: dict[str, Any] = {"ptr_sent_b": np.asarray(self.sent_b, dtype=np.float64),
                               "ptr_threshold": np.array([self.threshold])}
        for name, a in (("ptr_sent_w", self.sent_w), ("ptr_spk_w", self.spk_w), ("ptr_sent_emb", self.sent_emb),
                        ("ptr_spk_emb", self.spk_emb)):
            scale = np.maximum(np.abs(a).max(-1, keepdims=True), 1e-8) / 127.0
            out[name + "_q"] = np.round(a / scale).astype(np.int8)
            out[name + "_scale"] = scale.astype(np.float16)
        return out

    @classmethod
    def of(cls, z: Any) -> Pointer | None:
        """The pointer the packaged arrays hold, or None (weights without one)."""
        if "ptr_threshold" not in z.files:
            return None

        def read(name: str) -> np.ndarray:
            return z[name + "_q"].astype(np.float32) * z[name + "_scale"].astype(np.float32)

        return cls(read("ptr_sent_w"), z["ptr_sent_b"].astype(np.float64), read("ptr_spk_w"), read("ptr_sent_emb"),
                   read("ptr_spk_emb"), float(z["ptr_threshold"][0]))

    @classmethod
    def members(cls, parts: list[Pointer], threshold: float) -> Pointer:
        """The average of single pointers."""
        def joined(name: str) -> np.ndarray:
            return np.concatenate([getattr(p, name) for p in parts])

        return cls(joined("sent_w"), joined("sent_b"), joined("spk_w"), joined("sent_emb"), joined("spk_emb"),
                   threshold=threshold)


# lang/de lists the features read besides reporting_nouns: the trainer records each in meta.json ("feature_<name>")
# and the packaged weights read them as recorded - a list that grows with the rules does not move features the
# weights were not trained on (reporting verbs: _Toks.repverb; speaking nouns: _TokFacts.speaking; carry adverbs:
# _candidate)
OTHER_FEATURE_LISTS = ("reporting_verbs", "speaking_nouns", "carry_adverbs")


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Model | None:
    """The packaged weights, or None where none are packaged (the rules then work alone)."""
    target = Path(path) if path else MODEL_DIR
    z = packaged_weights(path, MODEL_DIR)
    if z is None:
        return None
    b = z["bias"]
    sent_w, spk_w = z["sent_w"].astype(np.float32), z["spk_w"].astype(np.float32)
    if len(sent_w) != DIM or len(spk_w) != DIM:
        return None                          # weights of another feature layout: retrain
    ctx_w = z["ctx_w"].astype(np.float32) if "ctx_w" in z.files else None
    seq = None
    if len(b) > 6 and b[6]:                  # weights trained with the tagger's probabilities as features
        seq = T.load(str(target.parent / "attribution_tagger") if path else None)
        if seq is None:
            return None                      # without the tagger these weights do not apply: the rules work alone
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8")) if (target / "meta.json").exists() else {}
    nouns, acts = meta.get("feature_reporting_nouns"), meta.get("feature_speech_act_verbs")
    lists = {name: frozenset(meta[f"feature_{name}"]) for name in OTHER_FEATURE_LISTS if f"feature_{name}" in meta}
    return Model(sent_w, float(b[0]), spk_w, float(b[1]), float(b[2]), float(b[3]), len(b) > 4 and bool(b[4]),
                 ctx_w, float(b[5]) if len(b) > 5 else 0.0, seq, frozenset(nouns) if nouns is not None else None,
                 frozenset(acts) if acts is not None else None, bool(meta.get("feature_speaker_kinds")), lists,
                 _pointer(target) if USE_POINTER else None)


def _pointer(folder: Path) -> Pointer | None:
    """The joint decider packaged beside the weights (POINTER_FILE), or None where there is none."""
    f = folder / POINTER_FILE
    return Pointer.of(np.load(f)) if f.exists() else None


def trained_model() -> Model | None:
    """The packaged weights (load_model keeps them once loaded; the claims extractor asks per article)."""
    return load_model()


def _score(w: np.ndarray, b: float, feats: list[int]) -> float:
    return 1.0 / (1.0 + np.exp(-(b + float(w[feats].sum()))))


def context_features(first: list[float], si: int) -> list[int]:
    """The first pass' scores of the sentence and its neighbours, in tenths."""
    def tenth(k: int) -> str:
        return str(int(first[k] * 10)) if 0 <= k < len(first) else "-"
    f = [f"c_self={tenth(si)}", f"c_prev={tenth(si - 1)}", f"c_next={tenth(si + 1)}", f"c_prev2={tenth(si - 2)}",
         f"c_self_prev={tenth(si)}|{tenth(si - 1)}", f"c_self_next={tenth(si)}|{tenth(si + 1)}"]
    return _hashes(f)


def sentence_scores(model: Model, sent_feats: Sequence[list[int]]) -> list[float]:
    """Is each sentence reported speech: the first pass, and where the model has one, the second pass
    that reads the first pass' scores of the sentences around it."""
    first = [_score(model.sent_w, model.sent_b, f) for f in sent_feats]
    if model.ctx_w is None:
        return first
    return [_score(model.ctx_w, model.ctx_b, f + context_features(first, si)) for si, f in enumerate(sent_feats)]


def rank_speakers(model: Model, feats: list[list[int]]) -> list[float]:
    """Each candidate's confidence: its share of a softmax over the sentence's candidates (listwise
    weights) or its own logistic probability."""
    if not feats:
        return []
    raw = np.array([model.spk_b + float(model.spk_w[f].sum()) for f in feats])
    if not model.listwise:
        return list(1.0 / (1.0 + np.exp(-raw)))
    e = np.exp(raw - raw.max())
    return list(e / e.sum())


# --- features -----------------------------------------------------------------------------------


class _Toks:
    """A Doc's token attributes and cue tests read once per token (spaCy makes a new Token object on each
    index and the features ask the same tests of a token for itself and as a neighbour's, a head's or a
    candidate's in several windows)."""

    def __init__(self, doc: Doc, sents: list[Span], reporting_nouns: frozenset[str] | None = None,
                 speech_acts: frozenset[str] | None = None, kinds: bool = False,
                 lists: dict[str, frozenset[str]] | None = None):
        toks = list(doc)
        self.toks = toks
        self.text = [t.text for t in toks]
        self.lower = [t.lower_ for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.lemma = [t.lemma_ for t in toks]
        self.ent = [t.ent_type_ for t in toks]
        self.head = [t.head.i for t in toks]
        lists = lists or {}
        verbs = lists.get("reporting_verbs")
        self.repverb = [C.is_reporting_verb(t) if verbs is None else C.reporting_verb_of(t, verbs) for t in toks]
        self.carry = lists.get("carry_adverbs") or words("carry_adverbs")
        self.speaking_nouns = lists.get("speaking_nouns")
        self.attrprep = [C.is_attribution_preposition(t) for t in toks]
        self.sent_start = [0] * len(toks)
        for sent in sents:
            for k in range(sent.start, sent.end):
                self.sent_start[k] = sent.start
        self._asked: dict[tuple[Any, int], Any] = {}
        self._repnoun = C.is_reporting_noun if reporting_nouns is None else partial(
            C.reporting_noun_of, nouns=reporting_nouns)
        self.acts = speech_acts
        self.kinds = kinds                   # the speaker features read each candidate's speaker_kind
        self._frames: dict[int, tuple[str, str, str]] = {}

    def act_class(self, k: int) -> str | None:
        """The meaning class of a verb for the speech-act features: a reporting verb, a verb of another speech act
        or stated judgement (lang/de speech_act_verbs), or None (also where the weights predate these features)."""
        if self.acts is None or self.pos[k] not in ("VERB", "AUX"):
            return None
        if self.repverb[k]:
            return "report"
        return "act" if self.full_lemma(k) in self.acts else None

    def frame(self, k: int) -> tuple[str, str, str]:
        """`act_frame` of token k, asked once per Doc."""
        if k not in self._frames:
            self._frames[k] = act_frame(self, k)
        return self._frames[k]

    def _ask(self, test: Any, i: int) -> Any:
        """A test of token i (konjunktiv1, full_lemma, is_reporting_noun), asked once per Doc."""
        key = (test, i)
        if key not in self._asked:
            self._asked[key] = test(self.toks[i])
        return self._asked[key]

    def konj1(self, i: int) -> bool:
        return self._ask(C.konjunktiv1, i)

    def full_lemma(self, i: int) -> str:
        return self._ask(C.full_lemma, i)

    def repnoun(self, i: int) -> bool:
        return self._ask(self._repnoun, i)

    def reported(self, sent: Span) -> bool:
        """C.reported_sentence from the table."""
        dep = self.dep
        return any((dep[k] == "ROOT" or dep[self.head[k]] == "ROOT" and dep[k] in ("aux", "cop", "aux:pass"))
                   and self.konj1(k) for k in range(sent.start, sent.end))

    def hearsay(self, sent: Span) -> bool:
        """C.hearsay_modal from the table."""
        dep = self.dep
        return any(self.lemma[k] == "sollen" and dep[k] in ("aux", "ROOT") and (
            dep[k] == "ROOT" or dep[self.head[k]] == "ROOT") for k in range(sent.start, sent.end))


def _cue_summary(tk: _Toks, sent: Span, reported: bool, hearsay: bool) -> list[str]:
    """What marks a neighbouring sentence as reported speech (its features take a prefix)."""
    out = []
    for k in range(sent.start, sent.end):
        if tk.repverb[k]:
            out.append("repverb")
        if tk.attrprep[k]:
            out.append("attrprep")
        if tk.text[k] in MARKS:
            out.append("marks")
        if tk.text[k] == ":":
            out.append("colon")
    if reported:
        out.append("konj1")
    if hearsay:
        out.append("sollen")
    return sorted(set(out)) or ["plain"]


@dataclass
class _SentInfo:
    """Per-sentence facts read by a sentence's features and by its neighbours'."""

    reported: list[bool]
    hearsay: list[bool]
    summary: list[list[str]]

    @classmethod
    def of(cls, tk: _Toks, sents: list[Span]) -> _SentInfo:
        rep = [tk.reported(s) for s in sents]
        hs = [tk.hearsay(s) for s in sents]
        return cls(rep, hs, [_cue_summary(tk, s, r, h) for s, r, h in zip(sents, rep, hs)])

    def prefixed(self, k: int, prefix: str) -> list[str]:
        if not 0 <= k < len(self.summary):
            return [prefix + "none"]
        return [prefix + x for x in self.summary[k]]


def _complement(tk: _Toks, verb: Token, agent: Token | None = None) -> str:
    """What a speech-act verb governs, by form: a clause (its arc, its complementiser - dass, ob, zu, wie -, a
    w-word opening it, Konjunktiv I inside), an object, a prepositional phrase (by its preposition), an `als`
    predicative (``wertete X als Erfolg``), or nothing (``warnte``)."""
    for c in verb.children:
        if c.dep_ in CLAUSE_DEPS:
            mark = next((g.lower_ for g in c.children if g.dep_ == "mark"), None)
            if mark is None:
                mark = "w" if c.left_edge.tag_.startswith("PW") else "bare"
            k1 = any(tk.konj1(t.i) for t in c.subtree if tk.pos[t.i] in ("VERB", "AUX"))
            return f"{c.dep_}:{mark}" + ("+k1" if k1 else "")
    kinds = []
    for c in verb.children:
        if agent is not None and c.i == agent.i:
            continue
        case = _case(c)
        if case == "als" or any(g.lower_ == "als" and g.dep_ in ("mark", "cc") for g in c.children):
            return "als"
        if c.dep_ == "obj" and c.pos_ in HEAD_POS:
            kinds.append("obj")
        elif c.dep_ in ("obl", "obl:arg") and case != "-":
            kinds.append("pp:" + case)
    return "+".join(sorted(set(kinds))) or "none"


def _agent_kind(tk: _Toks, subj: Token | None) -> str:
    if subj is None:
        return "none"
    ent = tk.ent[subj.i]
    if ent in ("PER", "ORG"):
        return ent
    return "speaking" if _speaking(subj, tk.speaking_nouns) else tk.pos[subj.i]


def act_frame(tk: _Toks, k: int) -> tuple[str, str, str]:
    """A speech-act verb's voice, who performs it (its subject, a passive's `von` agent: by entity type, a
    speaking noun, else part of speech) and what it governs (`_complement`)."""
    verb = tk.toks[k]
    if any(c.dep_ == "aux:pass" for c in verb.children):
        agent = passive_agent(verb)
        return "pass", _agent_kind(tk, agent), _complement(tk, verb, agent)
    return "act", _agent_kind(tk, subject_of(verb)), _complement(tk, verb)


def passive_agent(verb: Token) -> Token | None:
    """A passive verb's agent: its ``von``/``durch``/``seitens`` phrase (``von der Opposition kritisiert``)."""
    return next((c for c in verb.children if c.dep_ in ("obl", "obl:agent", "nmod") and c.pos_ in HEAD_POS
                 and _case(c) in ("von", "durch", "seitens", "vonseiten")), None)


def act_features(tk: _Toks, sent: Span) -> list[str]:
    """The sentence's verbs by meaning class (a reporting verb, another speech act or judgement) with the frame
    each stands in: a speech act without a clause (``forderte die Regierung zur Kooperation auf``), a `dass`
    clause under a verb of deciding, a passive with its agent - read whatever the verb's lemma."""
    f: list[str] = []
    for k in range(sent.start, sent.end):
        cls = tk.act_class(k)
        if cls is None:
            continue
        voice, agent, comp = tk.frame(k)
        dep = tk.dep[k]
        f += [f"act={cls}", f"act={cls}|{dep}", f"act={cls}|{voice}|{agent}", f"act={cls}|{comp}",
              f"act={cls}|{voice}|{comp}", f"act={cls}|{dep}|{comp}|{agent != 'none'}"]
    return f


def sentence_features(tk: _Toks, info: _SentInfo, sents: list[Span], si: int, rule_hows: set[str],
                      prev_hows: set[str], in_marks: bool, next_hows: AbstractSet[str] = frozenset(),
                      par_start: bool = False, cont_marks: bool = False) -> list[int]:
    sent = sents[si]
    first = sent.start
    f = ["bias", "first=" + tk.lower[first], "firstpos=" + tk.pos[first]]
    for k in range(sent.start, sent.end):
        pos = tk.pos[k]
        if pos in ("NOUN", "ADV", "ADP", "SCONJ"):
            f.append(f"{pos}={tk.lemma[k].lower()}")
        if pos in ("VERB", "AUX"):
            t = tk.toks[k]
            f.append("vl=" + tk.full_lemma(k))
            f.append(f"vdep={tk.dep[k]}|{'/'.join(t.morph.get('Mood', [])) or '-'}")
            if tk.konj1(k):
                f.append("konj1")
                f.append("konj1_dep=" + tk.dep[k])
            if tk.lemma[k] == "sollen":
                f.append("sollen")
        if tk.repverb[k]:
            f += ["repverb", "repverb_dep=" + tk.dep[k], "repverb=" + tk.full_lemma(k)]
        if tk.attrprep[k]:
            f += ["attrprep", "attrprep=" + tk.lower[k]]
        if pos == "NOUN" and tk.repnoun(k):
            f.append("repnoun=" + tk.lemma[k].lower())
            f.append("repnoun_dep=" + tk.dep[k])
        if tk.text[k] in MARKS:
            f.append("quote_mark")
        if tk.text[k] == ":":
            f.append("colon")
        if tk.ent[k] == "PER":
            f.append("per")
    f += ["rule=" + h for h in rule_hows] or ["rule=none"]
    f += ["prev_rule=" + h for h in prev_hows] or ["prev_rule=none"]
    f += ["next_rule=" + h for h in next_hows] or ["next_rule=none"]
    f += info.prefixed(si - 1, "p_") + info.prefixed(si + 1, "n_")
    if in_marks:
        f.append("in_marks")
    if tk.text[first] in MARKS:
        f.append("starts_mark")
    if par_start:
        f.append("par_start")
    if cont_marks:                           # inside a passage in marks opened in a sentence before
        f.append("cont_marks")
    f.append("len=%d" % min(len(sent) // 8, 6))
    if info.reported[si]:
        f.append("reported_main")
    if info.hearsay[si]:
        f.append("hearsay")
    if C.carries_on(sent):
        f.append("carries_on")
    return _hashes(f + act_features(tk, sent))


def _candidate(tk: _Toks, k: int) -> bool:
    """A word that can stand for who speaks: a noun-phrase head, a demonstrative standing alone
    (``Diese erklärten``), an adverb carrying the source on (``demnach``)."""
    pos, dep = tk.pos[k], tk.dep[k]
    if pos in HEAD_POS:
        return dep not in ("det", "amod", "compound", "flat", "flat:name", "case")
    if pos == "DET":
        return dep in ("nsubj", "obl", "nmod", "nsubj:pass")
    return pos == "ADV" and tk.lower[k] in tk.carry


def candidates(tk: _Toks, sents: list[Span], si: int) -> list[tuple[Token, int]]:
    """Candidate speakers in the sentence, the WINDOW sentences before it and the one after it (``„...“
    Das sagte X.``), with their distance (-1: the sentence after)."""
    out: list[tuple[Token, int]] = []
    for d in range(-1, WINDOW + 1):
        if si - d < 0 or si - d >= len(sents):
            continue
        sent = sents[si - d]
        out.extend((tk.toks[k], d) for k in range(sent.start, sent.end) if _candidate(tk, k))
    return out


@dataclass
class CandContext:
    """What the speaker features read about a whole Doc."""

    rule_heads: dict[int, str] = field(default_factory=dict)
    rep_subjects: set[int] = field(default_factory=set)
    prep_objects: set[int] = field(default_factory=set)
    in_marks: set[int] = field(default_factory=set)
    cue_tokens: dict[int, list[int]] = field(default_factory=dict)     # sentence -> cue token indices
    rule_quote: dict[int, set[int]] = field(default_factory=dict)      # sentence -> tokens the rules quote
    this_rule: dict[int, set[int]] = field(default_factory=dict)       # sentence -> rule speaker heads
    first_head: dict[int, int] = field(default_factory=dict)           # sentence -> its first NP head
    act_args: dict[int, str] = field(default_factory=dict)             # who performs a speech act -> class|voice
    cited_with_subject: dict[int, int] = field(default_factory=dict)   # document noun -> the speaking subject beside it


def _case(tok: Token) -> str:
    return case_word(tok) or "-"


def _speaking(tok: Token, nouns: frozenset[str] | None = None) -> bool:
    """A speaking noun by lang/de's list now, or by the list the weights were trained with."""
    low = tok.lemma_.lower()
    return _speaking_lemma(low) if nouns is None else headed_by(low, nouns)


@lru_cache(maxsize=65536)
def _speaking_lemma(low: str) -> bool:
    return speaking_noun(low)


@dataclass
class _TokFacts:
    """What the speaker features read of a candidate whatever its window (asked once per token)."""

    hl: str
    case: str
    num: str
    cas: str
    speaking: bool
    kind: str | None = None                  # speakers.speaker_kind, where the weights read it

    @classmethod
    def of(cls, tk: _Toks, k: int) -> _TokFacts:
        tok = tk.toks[k]
        return cls(tk.full_lemma(tk.head[k]), _case(tok), "/".join(tok.morph.get("Number", [])) or "-",
                   "/".join(tok.morph.get("Case", [])) or "-", _speaking(tok, tk.speaking_nouns),
                   speaker_kind(tok) if tk.kinds else None)


def speaker_features(tk: _Toks, k: int, dist: int, ctx: CandContext, si: int, fx: _TokFacts) -> list[int]:
    h = tk.head[k]
    hl, case, dep, pos, ent = fx.hl, fx.case, tk.dep[k], tk.pos[k], tk.ent[k] or "-"
    f = ["bias", f"dist={dist}", f"dep={dep}", f"pos={pos}", f"ent={ent}",
         f"dep_dist={dep}|{dist}", f"headpos={tk.pos[h]}", f"headlemma={hl}",
         f"ent_dist={ent}|{dist}", f"pos_dist={pos}|{dist}", f"dep_head={dep}|{hl}",
         f"case={case}", f"case_dist={case}|{dist}", f"case_head={case}|{hl}", f"num={fx.num}", f"cas={fx.cas}"]
    if tk.repverb[h]:
        f += [f"head_rep|{dep}", f"head_rep|{dep}|{dist}"]
    if tk.repnoun(h):
        f += [f"head_repnoun|{dep}", f"head_repnoun|{dep}|{case}"]
    if tk.repnoun(k):
        f += ["is_repnoun", f"is_repnoun|{case}", f"is_repnoun|{case}|{dist}"]
    if fx.speaking:
        f += ["speaking", f"speaking|{dep}"]
    if k in ctx.this_rule.get(si, ()):
        f += ["rule_this", "rule_this_dep=" + dep]
    # does the quotation's sentence name its own speaker?
    own = f"{bool(ctx.cue_tokens.get(si))}/{bool(ctx.this_rule.get(si))}"
    f += [f"own={own}|{dist}", f"own_dep={own}|{dep}|{dist}", f"own_pos={own}|{pos}|{dist}",
          f"head_konj={tk.konj1(h)}|{dep}|{dist}|{own}", f"head_root={tk.dep[h]}|{dep}|{dist}"]
    if k - tk.sent_start[k] < 3:
        f.append(f"sent_start|{dist}")
    if ctx.first_head.get(si - dist) == k:
        f.append(f"first_head|{dist}")
    if pos != "PROPN":
        f.append("lemma=" + tk.lemma[k].lower())
    if fx.kind is not None:
        f += kind_features(fx.kind, k, dep, dist, ctx)
    return _hashes(f + _speaker_context(tk, k, dist, ctx, si))


def kind_features(kind: str, k: int, dep: str, dist: int, ctx: CandContext) -> list[str]:
    """What kind of speaker the candidate is (`speakers.speaker_kind`: a person, a group, a body, a pronoun, a
    document, or a thing that cannot speak), with its arc and distance, and whether it performs the sentence's
    speech act or is a document cited where a speaking subject performs one in the same clause."""
    act = "act" if k in ctx.act_args or k in ctx.rep_subjects else "-"
    f = ["kind=" + kind, f"kind={kind}|{dist}", f"kind={kind}|{dep}", f"kind={kind}|{act}|{dist}"]
    if kind == "document" and k in ctx.cited_with_subject:
        f += ["doc_under_subject", f"doc_under_subject|{dist}"]
    return f


def _speaker_context(tk: _Toks, k: int, dist: int, ctx: CandContext, si: int) -> list[str]:
    f: list[str] = []
    dep = tk.dep[k]
    if k in ctx.rule_heads:
        f += ["rule", "rule=" + ctx.rule_heads[k], f"rule_dist={dist}"]
    if k in ctx.rep_subjects:
        f += ["repsubj", f"repsubj_dist={dist}"]
    if k in ctx.act_args:
        f += ["act_arg=" + ctx.act_args[k], f"act_arg={ctx.act_args[k]}|{dist}"]
    if k in ctx.prep_objects:
        f += ["prepobj", f"prepobj_dist={dist}"]
    if k in ctx.in_marks:
        f += ["in_marks", f"in_marks|{dist}"]
    if k in ctx.rule_quote.get(si, ()):
        f += ["in_rule_quote", f"in_rule_quote|{dep}"]
    if tk.pos[k] == "PRON":
        f += ["pron=" + tk.lower[k], f"pron_dist={tk.lower[k]}|{dist}"]
    cues = ctx.cue_tokens.get(si - dist, [])
    if cues:
        near = min(cues, key=lambda c: abs(c - k))
        side = "L" if k < near else "R"
        f += [f"side={side}|{dist}", f"cue_gap={side}{min(abs(near - k) // 3, 5)}|{dist}",
              f"side_dep={side}|{dep}"]
    else:
        f.append(f"no_cue|{dist}")
    return f


def chain_features(tok: Token, dist: int, chain: set[int], chain_lemmas: set[str]) -> list[int]:
    """Is the candidate the speaker chosen for the quotation before (or named by the same lemma)?"""
    f = []
    if tok.i in chain:
        f += ["chain", f"chain|{dist}", f"chain|{tok.pos_}"]
    elif tok.lemma_.lower() in chain_lemmas:
        f += ["chain_lemma", f"chain_lemma|{dist}"]
    return _hashes(f)


class _Candidates(Sequence):
    """Each sentence's speaker candidates with their features, computed when a sentence is first asked for:
    prediction ranks the candidates of the sentences the sentence classifier accepts only (the features of
    all candidates were three quarters of the component's time), training asks for every sentence."""

    def __init__(self, tk: _Toks, sents: list[Span], ctx: CandContext, probs: Any = None):
        self.tk, self.sents, self.ctx, self.probs = tk, sents, ctx, probs
        self.done: dict[int, list[tuple[Token, int, list[int]]]] = {}
        self.facts: dict[int, _TokFacts] = {}
        self.spk: dict[int, float] = {}

    def _facts(self, k: int) -> _TokFacts:
        out = self.facts.get(k)
        if out is None:
            out = self.facts[k] = _TokFacts.of(self.tk, k)
        return out

    def __len__(self) -> int:
        return len(self.sents)

    def __getitem__(self, si):  # type: ignore[override]
        si = range(len(self))[si]
        if si not in self.done:
            if isinstance(self.probs, T.LazyProbabilities):      # the window's tokens tagged in one run
                self.probs.need(self.sents[max(0, si - WINDOW)].start, self.sents[min(len(self) - 1, si + 1)].end)
            window = candidates(self.tk, self.sents, si)
            rows = [(t, d, speaker_features(self.tk, t.i, d, self.ctx, si, self._facts(t.i))) for t, d in window]
            if self.probs is not None:           # the tagger's view of each candidate, where the model reads it
                extra = tagger_candidate_features(self.probs, window, self.spk)
                rows = [(t, d, f + _hashes(tf)) for (t, d, f), tf in zip(rows, extra)]
            self.done[si] = rows
        return self.done[si]


@dataclass
class DocFeatures:
    sents: list[Span]
    rules: list[Quotation]
    sent_feats: Sequence[list[int]]
    cands: Sequence[list[tuple[Token, int, list[int]]]]
    marks: list[tuple[int, int]]


def _context(tk: _Toks, sents: list[Span], rules: list[Quotation], marks: list[tuple[int, int]]) -> CandContext:
    ctx = CandContext(in_marks={k for a, b in marks for k in range(a, b + 1)})
    for q in rules:
        if q.speaker_head is not None:
            ctx.rule_heads.setdefault(q.speaker_head, q.how)
            ctx.this_rule.setdefault(q.sent, set()).add(q.speaker_head)
        ctx.rule_quote.setdefault(q.sent, set()).update(q.tokens)
    for si, sent in enumerate(sents):
        for k in range(sent.start, sent.end):
            if tk.repverb[k] or tk.attrprep[k] or tk.pos[k] == "NOUN" and tk.repnoun(k):
                ctx.cue_tokens.setdefault(si, []).append(k)
            if si not in ctx.first_head and tk.pos[k] in HEAD_POS and tk.dep[k] not in ("det", "amod", "compound"):
                ctx.first_head[si] = k
    for k, t in enumerate(tk.toks):
        cls = tk.act_class(k)
        if cls is not None:
            voice, _, comp = tk.frame(k)
            agent = passive_agent(t) if voice == "pass" else subject_of(t)
            if agent is not None:
                ctx.act_args.setdefault(agent.i, f"{cls}|{voice}|{comp.split(':')[0]}")
                if tk.kinds:
                    _cited_beside(tk, t, agent, ctx)
        if tk.repverb[k]:
            s = subject_of(t)
            if s is not None:
                ctx.rep_subjects.add(s.i)
        if tk.attrprep[k] or tk.lower[k] == "nach":
            if tk.head[k] != k:
                ctx.prep_objects.add(tk.head[k])
                for c in tk.toks[tk.head[k]].children:
                    if c.dep_ in ("nmod", "nmod:poss"):
                        ctx.prep_objects.add(c.i)
    return ctx


def _tenth(x: float) -> int:
    return min(int(x * 10), 9)


def tagger_sentence_stats(probs: Any, sents: list[Span]) -> list[tuple[int, int, int]]:
    """Each sentence's mean QUOTE, most speaker-like and most cue-like token, in tenths (read once: a
    sentence's features read its neighbours' too)."""
    out = []
    for sent in sents:
        p = probs[sent.start: sent.end]
        out.append((_tenth(float(p[:, T.QUOTE].mean())), _tenth(float(p[:, T.SPK].max())),
                    _tenth(float(p[:, T.CUE].max()))))
    return out


def tagger_sentence_features(stats: dict[int, tuple[int, int, int] | None], si: int) -> list[int]:
    """The tagger's view of a sentence and its neighbours: how much of it is reported (mean QUOTE), its
    most speaker-like and most cue-like token (`stats`: tagger_sentence_stats of sentences si-1, si, si+1;
    None outside the Doc)."""
    f = []
    for name, k in (("t", si), ("tp", si - 1), ("tn", si + 1)):
        got = stats.get(k)
        if got is None:
            f.append(name + "=none")
            continue
        q, sp, c = got
        f += [f"{name}_q={q}", f"{name}_s={sp}", f"{name}_c={c}"]
    own = stats[si] or (0, 0, 0)
    f.append(f"t_qs={own[0]}|{own[1]}")
    return _hashes(f)


def _spk_prob(probs: Any, tok: Token) -> float:
    """A candidate's speaker probability: the most speaker-like token of its head and the words that
    name it with it (name parts, compounds, its article and adjectives)."""
    ks = [tok.i] + [c.i for c in tok.children if c.dep_ in ("flat", "flat:name", "compound", "det", "amod", "appos")]
    return float(probs[ks, T.SPK].max())


def tagger_candidate_features(probs: Any, cands: list[tuple[Token, int]],
                              seen: dict[int, float] | None = None) -> list[list[str]]:
    """Each candidate's speaker probability (tenths, with its distance) and its rank among the candidates
    of the quotation's window by that probability; `seen`: the probabilities already read, by token."""
    seen = {} if seen is None else seen
    ps = []
    for t, _ in cands:
        p = seen.get(t.i)
        if p is None:
            p = seen[t.i] = _spk_prob(probs, t)
        ps.append(p)
    order = sorted(range(len(ps)), key=lambda k: -ps[k])
    rank = {k: r for r, k in enumerate(order)}
    top = ps[order[0]] if ps else 0.0
    out = []
    for k, (_, d) in enumerate(cands):
        r = min(rank[k], 3)
        gap = _tenth(top - ps[k]) if r else _tenth(ps[k] - (ps[order[1]] if len(ps) > 1 else 0.0))
        out.append([f"ts={_tenth(ps[k])}", f"ts_d={_tenth(ps[k])}|{d}", f"tr={r}", f"tr_d={r}|{d}",
                    f"tr_gap={r}|{gap}", f"tr_ts={r}|{_tenth(ps[k])}"])
    return out


class _SentFeats(Sequence):
    """Each sentence's features, made when the sentence is first asked for (the tagger's part reads its
    probabilities of the sentence and its neighbours: with `LazyProbabilities` only those are tagged)."""

    def __init__(self, doc: Doc, tk: _Toks, sents: list[Span], rules: list[Quotation], ctx: CandContext,
                 marks: list[tuple[int, int]], probs: Any = None):
        self.tk, self.sents, self.ctx, self.marks, self.probs = tk, sents, ctx, marks, probs
        self.hows: dict[int, set[str]] = {}
        for q in rules:
            self.hows.setdefault(q.sent, set()).add(q.how)
        self.info = _SentInfo.of(tk, sents)
        self.text = doc_text(doc)
        self.stats: dict[int, tuple[int, int, int]] = {}
        self.done: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self.sents)

    def _stats(self, si: int) -> tuple[int, int, int] | None:
        if not 0 <= si < len(self.sents):
            return None
        if si not in self.stats:
            self.stats[si] = tagger_sentence_stats(self.probs, [self.sents[si]])[0]
        return self.stats[si]

    def __getitem__(self, si):  # type: ignore[override]
        si = range(len(self))[si]
        if si not in self.done:
            sents, hows = self.sents, self.hows
            sent = sents[si]
            marked = any(k in self.ctx.in_marks for k in range(sent.start, sent.end))
            par = si == 0 or "\n" in self.text[sents[si - 1].end_char: sent.start_char]
            cont = any(a < sent.start <= b for a, b in self.marks)
            f = sentence_features(self.tk, self.info, sents, si, hows.get(si, set()), hows.get(si - 1, set()),
                                  marked, hows.get(si + 1, set()), par, cont)
            if isinstance(self.probs, T.LazyProbabilities):      # the sentence and its neighbours in one run
                self.probs.need(sents[max(0, si - 1)].start, sents[min(len(sents) - 1, si + 1)].end)
            if self.probs is not None:
                f += tagger_sentence_features({k: self._stats(k) for k in (si - 1, si, si + 1)}, si)
            self.done[si] = f
        return self.done[si]


def doc_features(doc: Doc, rules: list[Quotation] | None = None, probs: Any = None,
                 reporting_nouns: frozenset[str] | None = None, speech_acts: frozenset[str] | None = None,
                 kinds: bool = False, lists: dict[str, frozenset[str]] | None = None) -> DocFeatures:
    """Features of each sentence and of its candidate speakers, each made when first asked for; `rules`: the
    parse rules' quotations where already read; `probs` are the tagger's probabilities (an array of
    tagger.probabilities, or a tagger.LazyProbabilities), where the model was trained with them;
    `reporting_nouns`, `lists`: the lists the model was trained with (`Model.reporting_nouns`, `Model.lists`; None:
    lang/de's now); `speech_acts`: the speech-act verbs it was trained with (`Model.speech_acts`; None: no
    speech-act features); `kinds`: the speaker features read each candidate's kind (`Model.speaker_kinds`)."""
    sents = list(doc.sents)
    rules = quotations(doc) if rules is None else rules
    marks = _quote_marks(doc)
    tk = _Toks(doc, sents, reporting_nouns, speech_acts, kinds, lists)
    ctx = _context(tk, sents, rules, marks)
    return DocFeatures(sents, rules, _SentFeats(doc, tk, sents, rules, ctx, marks, probs),
                       _Candidates(tk, sents, ctx, probs), marks)


# --- prediction ---------------------------------------------------------------------------------


def maximal_np_head(tok: Token) -> Token:
    """The head of the largest noun phrase a token belongs to: up through genitives, appositions, name
    parts and coordination ("Sky" in "ein Reporter des Senders Sky News" -> "Reporter")."""
    while tok.dep_ in ("nmod", "appos", "flat", "flat:name", "conj", "nmod:poss") and tok.head.i != tok.i and \
            tok.head.pos_ in HEAD_POS and not any(c.dep_ == "case" and c.lower_ not in ("von",) for c in tok.children):
        tok = tok.head
    return tok


def speaker_phrase(head: Token, said: set[int]) -> list[Token]:
    """The chosen speaker's phrase (`np_tokens`) without what is said in marks (`quotations.said_in_marks`) and the
    words hung under it (`quotations.hung_on_said`), up to the first gap around the head: the parser hangs a passage
    in marks under the speaker's noun (``nach Ansicht des Gerichts des „Aufrufs zum Umsturz“``), and taking it into
    the speaker would leave the quotation nothing but its marks."""
    phrase = np_tokens(head)
    if head.i in said:
        return phrase
    dropped = hung_on_said(phrase, said)
    if not dropped:
        return phrase
    return contiguous_around(head, [t for t in phrase if t not in dropped])


def _qtype(sent: Span, own: Quotation | None, marks: bool = True) -> str:
    """The type by form: the rules' own quotation's, else Direct for a sentence with marks (unless `marks` is False:
    the clause around a nested passage, `_passage_of_a_said_clause`), else by mood."""
    if own is not None:
        return own.type
    if marks and any(t.text in MARKS for t in sent):
        return "Direct"
    if C.reported_sentence(sent):
        return "IndirectFreeIndirect"
    return "FreeIndirect" if C.hearsay_modal(sent) else "Reported"


def _nested_marks(doc: Doc, q: Quotation, sent: Span, marks: list[tuple[int, int]],
                  speaker: AbstractSet[int] = frozenset()) -> list[Quotation]:
    """A passage in quotation marks inside what is reported is a direct quotation of the same speaker
    ("..., sie habe „große Angst“ gehabt"), unless the marks are the whole quotation, name something
    (`names_something`) or stand inside the speaker's phrase (``Vertreter der „Iceland Nature Conservation
    Association“``). However much of the quotation the passage is: the quotation corpus marks a passage of four
    words or more inside reported speech as a Direct quotation of its own in 122 of 133 (train), 28 of 28 where it
    is 80 % of the quotation or more (``der Fahrer „wollte sich an nichts erinnern“``). Its words must lie inside
    what is said - not its marks: the closing one may stand after the clause's end or first in the next sentence,
    where the splitter cut before it (``... seien „viele mit Erfahrung.“ Sie seien ...``)."""
    out = []
    for a, b in marks:
        inner = {t.i for t in _content(doc[a: b + 1])}   # counted as what is said is: commas inside left out
        # the closing mark may stand first in the next sentence (b == sent.end: the splitter cut before it)
        words, outside = inner - {a, b}, q.tokens - inner
        if a >= sent.start and b <= sent.end and words and words <= q.tokens and any(
                not doc[k].is_punct for k in outside) and not inner & speaker and not names_something(doc, a, b):
            out.append(Quotation("Direct", _spans([doc[k] for k in sorted(inner)]), q.cue, q.speaker,
                                 q.speaker_head, q.relay, q.relay_head, how="learned-marks", sent=q.sent,
                                 tokens=inner))
    return out


def _quoted_apart(doc: Doc, nested: list[Quotation]) -> list[Quotation]:
    """The passages in marks inside reported speech that are quotations of their own: those of more than one word.
    One word set off in marks (``habe vor einem „Bunker“ gewarnt``) is a term or a name more often than a quotation
    (in the quotation corpus' train split a third of them are annotated as one), so it stays part of the quotation
    around it."""
    return [n for n in nested if sum(1 for k in n.tokens if not doc[k].is_punct) > 1]


def _a_sentence_said(doc: Doc, a: int, b: int) -> bool:
    """The passage in marks ``a``..``b`` is a sentence someone said, not a title a colon presents (``stellte ihr
    Album vor: „Lieder vom Fluss“``): it holds a finite verb or ends, inside its marks, as a sentence ends. Asked
    only where no reporting frame was read (`_after_a_colon`): after ``sagte:`` a short phrase is words said."""
    inner = doc[a + 1: b]
    return any("Fin" in t.morph.get("VerbForm", []) for t in inner) or (len(inner) > 0 and inner[-1].text in ".!?…")


def _marks_alone(doc: Doc, q: Quotation, nested: list[Quotation]) -> Quotation | None:
    """``Analysten sprachen von „Panikverkäufen“``, ``verkündete er: „Keine Familie wird ...“``: where the one
    passage in marks is all that is said - no verb outside it but the reporting verb (and its auxiliaries) -
    the quotation is that passage, Direct, and not the sentence with the passage again inside it."""
    if len(nested) != 1:
        return None
    opening = min(nested[0].tokens)
    if opening > 0 and doc[opening - 1].text == ":":
        return replace(nested[0], how="learned")   # ``bedankte sich bei ... und sagte: „...“``: a colon ends the frame
    rest = [doc[k] for k in q.tokens - nested[0].tokens]
    if any(t.pos_ in ("VERB", "AUX") and not C.is_reporting_verb(t)
           and not (t.pos_ == "AUX" and C.is_reporting_verb(t.head)) for t in rest):
        return None
    inside = nested[0].tokens
    if any(t.pos_ in HEAD_POS and t.head.i in inside for t in rest):
        return None             # the clause in marks has its subject or object outside: ``dass ihre Mandantin „...“``
    return replace(nested[0], how="learned")


def _merge_marked_runs(doc: Doc, out: list[Quotation], marks: list[tuple[int, int]]) -> list[Quotation]:
    """One quotation-marked passage over several sentences is one quotation: the quotation of the
    sentence where the marks open takes in the whole passage (Direct, its speaker stays) and the
    sentences' quotations inside it join it."""
    spans = [(a, b) for a, b in marks if doc[a].sent.start != doc[b].sent.start]
    merged: list[Quotation] = []
    for q in out:
        prev = next((m for m in reversed(merged) if m.how == "learned"), None)
        if prev is not None and q.how == "learned" and len(q.tokens & prev.tokens) >= 0.5 * len(q.tokens):
            continue
        if q.how == "learned":
            for a, b in spans:
                if doc[a].sent.start == doc[min(q.tokens)].sent.start and any(a <= k <= b for k in q.tokens):
                    q.tokens = q.tokens | {t.i for t in _content(doc[a: b + 1])}
                    q.quote = _spans([doc[k] for k in sorted(q.tokens)])
                    q.type = "Direct"
        merged.append(q)
    return merged


def model_features(doc: Doc, model: Model, rules: list[Quotation] | None = None, lazy: bool = False) -> DocFeatures:
    """The features `model` reads: with the tagger's probabilities where it was trained with them (`lazy`: the
    tagger runs only over the tokens the sentences asked for need, `LearnedDoc`)."""
    if model.tagger is None:
        return doc_features(doc, rules, reporting_nouns=model.reporting_nouns, speech_acts=model.speech_acts,
                            kinds=model.speaker_kinds, lists=model.lists)
    probs = T.LazyProbabilities(model.tagger, doc) if lazy else T.probabilities(model.tagger, doc)
    return doc_features(doc, rules, probs, model.reporting_nouns, model.speech_acts, model.speaker_kinds, model.lists)


_Chain = tuple[set[int], set[str], int]        # speaker tokens, their noun lemmas, the sentence that chose them
_EMPTY: _Chain = (set(), set(), -10)


def _cited_beside(tk: _Toks, verb: Token, subj: Token, ctx: CandContext) -> None:
    """A document cited in the clause of a speech act whose subject can speak (``Laut Redemanuskript sagte er``,
    ``Nach dem Bericht erklärte die Ministerin``): the subject speaks, the document is where it is written."""
    if speaker_kind(subj) in ("document", "mute", "other"):
        return
    for c in verb.subtree:
        if c.i != subj.i and tk.dep[c.i] in ("obl", "nmod", "obj", "nsubj") and c.pos_ in ("NOUN", "PROPN") \
                and speaker_kind(c) == "document" and _clause_verb(c) == verb.i:
            ctx.cited_with_subject.setdefault(c.i, subj.i)


def _clause_verb(tok: Token) -> int:
    """The verb whose clause a phrase stands in (up its arcs to the first verb)."""
    h = tok.head
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    return h.i


class _Decisions:
    """The component's decisions, sentence by sentence from left to right (the speaker chosen before is a
    feature of the next choice): each made once, in text order from the first sentence whose chain is empty."""

    def __init__(self, doc: Doc, model: Model, fx: DocFeatures):
        self.doc, self.model, self.fx = doc, model, fx
        self.by_sent: dict[int, list[Quotation]] = {}
        for q in fx.rules:
            self.by_sent.setdefault(q.sent, []).append(q)
        self.scores: dict[int, float] = {}
        self.made: dict[int, tuple[list[Quotation], _Chain | None]] = {}
        self.entry: dict[int, _Chain] = {}      # the chain each decided sentence saw

    def score(self, si: int) -> float:
        if self.model.pointer is not None:
            # the pointer decides every sentence itself (its "no quotation" is the sentence decision) and that
            # decision reads the chain: every sentence is a candidate, so a pass starts at the first one
            return 1.0
        return self.sent_score(si)

    def sent_score(self, si: int) -> float:
        """The sentence classifier's score (is the sentence reported speech)."""
        if si not in self.scores:
            if self.model.ctx_w is not None:         # the second pass reads its neighbours' first pass: all at once
                self.scores.update(enumerate(sentence_scores(self.model, self.fx.sent_feats)))
            else:
                self.scores[si] = _score(self.model.sent_w, self.model.sent_b, self.fx.sent_feats[si])
        return self.scores[si]

    def start(self, si: int) -> tuple[int, _Chain]:
        """Where a left-to-right pass must begin for sentence si to see the chain a pass over the whole Doc
        gives it, with the chain there: back over the sentences the classifier accepts while they stand within
        WINDOW of each other, to one whose chain is known or one with no accepted sentence within WINDOW
        before it (the chain there is empty)."""
        k = si
        while k not in self.entry:
            back = [j for j in range(max(0, k - WINDOW), k) if self.score(j) >= self.model.sent_threshold]
            if not back:
                return k, _EMPTY
            k = back[0]
        return k, self.entry[k]

    def run(self, lo: int, hi: int) -> list[Quotation]:
        """The quotations of sentences lo..hi-1, each decided with the chain a pass over the whole Doc gives it."""
        begin, chain = self.start(lo)
        out: list[Quotation] = []
        for si in range(begin, hi):
            if si - chain[2] > WINDOW:
                chain = _EMPTY
            self.entry.setdefault(si, chain)
            if si not in self.made:
                self.made[si] = self._decide(si, chain)
            qs, new = self.made[si]
            if new is not None:
                chain = new
            if si >= lo:
                out.extend(qs)
        return out

    def _can_speak(self, si: int, conf: list[float], best: tuple[float, Token]) -> tuple[float, Token]:
        """A speaker must be something that can speak (`speakers.speaker_kind`): where the ranker's best candidate
        is a thing that cannot (``Die Aufgabe``), the best one that can is taken (its own confidence meets the
        threshold or nothing is said); where it is a document cited in a clause whose speech act a speaking subject
        performs (``Laut Redemanuskript sagte er``), that subject is taken."""
        cands = [t for t, _, _ in self.fx.cands[si]]
        ctx = getattr(self.fx.cands, "ctx", None)
        tok = best[1]
        if ctx is not None and tok.i in ctx.cited_with_subject:
            subj = ctx.cited_with_subject[tok.i]
            return next(((c, t) for c, t in zip(conf, cands) if t.i == subj), (best[0], self.doc[subj]))
        if self._speaks(tok, ctx):
            return best
        return max(((c, t) for c, t in zip(conf, cands) if self._speaks(t, ctx)), key=lambda x: x[0],
                   default=(0.0, tok))

    @staticmethod
    def _speaks(tok: Token, ctx: CandContext | None) -> bool:
        """Can the candidate speak: its kind or its whole phrase's head's (``des Ministeriums`` in ``ein Sprecher des
        Ministeriums``); or the parse makes it perform a speech act (the subject of a reporting verb or of one of
        speech_act_verbs, whatever its noun), or cites it as the source (``laut Gesetz``, ``dem Schreiben zufolge``).
        A noun of time never speaks, whatever the parse makes it (`speakers.names_a_time`)."""
        if names_a_time(tok):
            return False
        if speaker_kind(tok) in SPEAKING_KINDS:
            return True
        if ctx is not None and (tok.i in ctx.act_args or tok.i in ctx.rep_subjects):
            return True
        if any(c.dep_ == "case" and C.is_attribution_preposition(c) for c in tok.children):
            return True
        return speaker_kind(maximal_np_head(tok)) in SPEAKING_KINDS

    def _decide(self, si: int, chain: _Chain) -> tuple[list[Quotation], _Chain | None]:
        model, fx, doc = self.model, self.fx, self.doc
        if self.score(si) < model.sent_threshold:
            return [], None
        feats = [f + chain_features(t, d, chain[0], chain[1]) for t, d, f in fx.cands[si]]
        if model.pointer is not None:
            conf, threshold = model.pointer.shares(fx.sent_feats[si], feats), model.pointer.threshold
        else:
            conf, threshold = rank_speakers(model, feats), model.spk_threshold
        best = max(zip(conf, (t for t, _, _ in fx.cands[si])), key=lambda x: x[0], default=None)
        if model.speaker_kinds and best is not None:
            best = self._can_speak(si, conf, best)
        elif best is not None and names_a_time(maximal_np_head(best[1])):
            # a phrase of time dates what is said and never says it, whatever the weights read (`names_a_time`):
            # the best candidate that is none, under its own confidence
            best = max(((c, t) for c, t in zip(conf, (t for t, _, _ in fx.cands[si]))
                        if not names_a_time(maximal_np_head(t))), key=lambda x: x[0], default=None)
        if best is not None and PARSE_REFUSES and said_about(maximal_np_head(best[1])):
            # the parse shows the ranker's choice is what is said about (`speakers.said_about`): the best candidate
            # it does not refuse, under its own confidence; asked of the whole phrase's head, since a genitive in the
            # subject's phrase ("des Jugendamts") would make that subject the speaker
            best = max(((c, t) for c, t in zip(conf, (t for t, _, _ in fx.cands[si]))
                        if not said_about(maximal_np_head(t))), key=lambda x: x[0], default=None)
        if best is None or best[0] < threshold:
            return [], None
        sent = fx.sents[si]
        rule = self.by_sent.get(si, [])
        head = maximal_np_head(best[1])
        sp = speaker_phrase(head, said_in_marks(doc, fx.marks))
        own = _own_rule(rule, head, sp)
        quote = _content(sent) - set(sp)
        qtype = _qtype(sent, own)
        if own is not None and own.tokens and _passage_of_a_said_clause(doc, own, quote):
            qtype = _type_around_a_passage(doc, own, sent)     # the clause around the passage: nested in it below
        elif own is not None and own.tokens:
            quote = {doc[i] for i in own.tokens}
        if not quote:
            return [], None
        q = Quotation(qtype, _spans(quote), own.cue if own else (), _spans(sp), head.i,
                      own.relay if own else (), own.relay_head if own else None, how="learned", sent=si,
                      tokens={t.i for t in quote})
        nested = _nested_marks(doc, q, sent, fx.marks, {t.i for t in sp})
        alone = _marks_alone(doc, q, nested)
        out = [alone] if alone is not None else [q] + _quoted_apart(doc, nested)
        if EXTRA:                                # the sentence's other rule quotations (outside what it reports)
            out.extend(r for r in rule if r is not own and r.speaker and r.tokens and not r.tokens & q.tokens)
        new = ({t.i for t in sp} | {best[1].i}, {t.lemma_.lower() for t in sp if t.pos_ in ("NOUN", "PROPN")}, si)
        return out, new


def _passage_of_a_said_clause(doc: Doc, own: Quotation, content: set[Token]) -> bool:
    """The rules' quotation is a bare passage in marks (``how`` quote/carried: the marks and what they enclose)
    while the sentence around it is said as well: outside the marks stands a word of the passage's own clause - its
    finite verb or auxiliary (``Der Angeklagte sei „nicht gefährlich“``), or its subject (a nominative), or a word the
    parse hangs under the passage. Gold marks such a sentence twice, the clause (Indirect) and the passage (Direct,
    nested: `_nested_marks`), so the clause is what is said and the passage stays nested in it. A passage after a
    colon is the words of the frame before it (``sagte: „...“``), and so is a passage that opens its sentence
    (``„...“, warnte der Landrat``): the words around it are a frame, not the rest of its clause. Whether the
    sentence's full stop stands inside the closing mark says nothing of this (``könne sich vorstellen, „dass ...“``)."""
    if own.how not in ("quote", "carried") or not own.tokens:
        return False
    a, b = min(own.tokens), max(own.tokens)
    if doc[a].text not in MARKS or doc[b].text not in MARKS or (a > 0 and doc[a - 1].text == ":") \
            or all(t.is_punct for t in doc[doc[a].sent.start: a]):
        return False            # after a colon, or opening its sentence (``„Haltet durch!“ lautet ihr Aufruf``)
    if not _in_reported_mood(doc[a].sent) and not any(_in_said_clause(doc[k]) for k in range(a + 1, b)):
        return False            # a term in marks in a sentence of the reporter's (``hält am Plan von „...“ fest``)
    rest = [t for t in content if t.i not in own.tokens and not t.is_punct]
    finite = [t for t in rest if t.pos_ in ("VERB", "AUX")
              and (t.morph.get("Mood", []) or "Fin" in t.morph.get("VerbForm", []))]
    return any(not C.is_reporting_verb(t) for t in finite) or any(
        t.pos_ in HEAD_POS and "Nom" in t.morph.get("Case", []) or a <= t.head.i <= b for t in rest)


def _type_around_a_passage(doc: Doc, passage: Quotation, sent: Span) -> str:
    """The type of the clause said around a passage in marks (`_passage_of_a_said_clause`): Indirect where a reporting
    verb of the sentence governs the passage's clause (``gab an, dass ihre Mandantin „...“``: the quotation corpus'
    Indirect is reported speech with its cue), else by the sentence's mood - not Direct for the marks, which are the
    nested passage's."""
    if any(_in_said_clause(doc[k]) for k in range(min(passage.tokens) + 1, max(passage.tokens))):
        return "Indirect"
    return _qtype(sent, None, marks=False)


def _in_said_clause(tok: Token) -> bool:
    """The word stands in a clause a reporting verb governs (``gab an, dass ihre Mandantin ...``): up its arcs, the
    step onto the reporting verb comes from a clause - by a clausal arc, or from a word with a complementiser of its
    own (the parser may hang a ``dass`` clause as ``dep``) - not from a phrase of the verb's own (``hält an der
    Forderung nach ... fest``)."""
    while tok.head.i != tok.i:
        if C.is_reporting_verb(tok.head):
            return tok.dep_ in CLAUSE_DEPS or any(c.dep_ == "mark" for c in tok.children)
        tok = tok.head
    return False


def _own_rule(rule: list[Quotation], head: Token, sp: list[Token]) -> Quotation | None:
    """The rules' quotation of the sentence that the chosen speaker says: the one whose speaker is the chosen head,
    else the one whose speaker stands in the chosen phrase (``Frank`` in ``Frank Sichau``); else, where OWN_FALLBACK,
    the first one - the clause the rules read is what is said even where the component names another speaker
    (without it the quotation is the sentence's content without the speaker: on dev +2 right speakers, but on 120
    unlabelled 10kGNAD articles it took the cue and the rules' speaker into the quotation in most of the 25 it
    changed, ``..., so die Wissenschafter``)."""
    own = next((q for q in rule if q.speaker_head == head.i), None)
    if own is None:
        phrase = {t.i for t in sp}                       # np_tokens(head): the head is in it
        own = next((q for q in rule if q.speaker_head in phrase), None)
    if own is None and OWN_FALLBACK and rule:
        own = rule[0]
    return own


def _reported_main_clause(sent: Span) -> bool:
    """Konjunktiv I in the main clause (`cues.reported_sentence`), where the parse's root is not itself a subordinate
    clause the parser left without its main one (``Unklar ist, ob der Torwart fit werde``: an indirect question)."""
    return C.reported_sentence(sent) and not any(c.dep_ == "mark" for c in sent.root.children)


def _names_a_speech_act(sent: Span) -> bool:
    """Does the reporter name a source or a speech act in the sentence (``laut X``, ``X zufolge``, ``nach Angaben
    X``, ``Wie X mitteilte``, ``Die Opposition widersprach``): a reporting or speech-act verb not itself in
    Konjunktiv I (that one is reported speech going on: ``Er habe nie behauptet``), or a citing preposition."""
    for tok in sent:
        if C.is_attribution_preposition(tok) or tok.lower_ == "nach" and C.is_reporting_noun(tok.head):
            return True
        speech_act = C.is_reporting_verb(tok) or C.full_lemma(tok) in words("speech_act_verbs")
        if tok.pos_ in ("VERB", "AUX") and speech_act \
                and not any(C.konjunktiv1(t) for t in (tok, *(c for c in tok.children if c.dep_.startswith("aux")))):
            return True
    return False


def _sentence_of(sents: list[Span]) -> dict[int, int]:
    """Token index -> the index of its sentence in ``sents``."""
    return {k: si for si, s in enumerate(sents) for k in range(s.start, s.end)}


def _covered(out: list[Quotation]) -> set[int]:
    """The tokens the quotations found so far take in: a rule after the decisions adds only where none does."""
    return set().union(*(q.tokens for q in out)) if out else set()


def _in_text_order(quotes: list[Quotation]) -> list[Quotation]:
    """Quotations by their first token (one without tokens first), as the component decides them."""
    return sorted(quotes, key=lambda q: min(q.tokens) if q.tokens else -1)


def _continued(doc: Doc, sents: list[Span], out: list[Quotation], marks: list[tuple[int, int]]) -> list[Quotation]:
    """A main clause in Konjunktiv I is reported speech by its form alone (`cues.reported_sentence`): where the
    component gave such a sentence no quotation, it goes on with the quotation of a sentence at most CONTINUES
    before it, in that quotation's speaker's voice (``Der Minister sagte, ... . Zur Sorge bestehe kein Anlass.``);
    a continued sentence is continued in turn. Not ``sollen`` (hearsay, but as often a plan: ``Die Toten sollen in
    ihrer Heimat bestattet werden``), which on dev was right less often than the F1 it would have to beat."""
    sent_of = _sentence_of(sents)
    said: dict[int, Quotation] = {}
    covered: set[int] = set()
    for q in out:
        if q.tokens:
            covered |= {sent_of[k] for k in q.tokens if k in sent_of}
            if q.speaker and q.speaker_head is not None:
                said.setdefault(sent_of.get(min(q.tokens), -1), q)
    added: list[Quotation] = []
    last: tuple[int, Quotation] | None = None
    for si, sent in enumerate(sents):
        if si in said:
            last = (si, said[si])
            continue
        if si in covered or last is None or si - last[0] > CONTINUES:
            continue
        if _names_a_speech_act(sent):
            last = None                     # its own source, or another party answers: no one goes on past it
            continue
        if not (_reported_main_clause(sent) or CONTINUES_SUBJUNCTIVE and si == last[0] + 1 and _standing_in(sent)):
            continue
        quote = _content(sent)
        if not quote:
            continue
        prev = last[1]
        q = Quotation(_qtype(sent, None), _spans(quote), (), prev.speaker, prev.speaker_head, prev.relay,
                      prev.relay_head, how="learned-continued", sent=si, tokens={t.i for t in quote})
        added.append(q)
        added.extend(_quoted_apart(doc, _nested_marks(doc, q, sent, marks)))
        last = (si, q)
    return _in_text_order(out + added)


RUNS_AS_ONE = True
CONTINUES_SUBJUNCTIVE = True    # Konjunktiv II right after a quotation goes on with it (`_standing_in`)
RUN_TYPES = ("IndirectFreeIndirect", "FreeIndirect", "Reported")   # the types a cue-less quotation is given


def _same_speaker(doc: Doc, a: Quotation, b: Quotation) -> bool:
    """Do two quotations name the same speaker: the same head token, or phrases of the same words."""
    if a.speaker_head is None or b.speaker_head is None:
        return False
    if a.speaker_head == b.speaker_head:
        return True
    text = doc_text(doc)
    return [text[x:y].lower() for x, y in a.speaker] == [text[x:y].lower() for x, y in b.speaker]


def _subjunctive_main_clause(sent: Span) -> bool:
    """The sentence's main clause is in the subjunctive (Mood=Sub on its root or the root's auxiliary or copula):
    Konjunktiv I, or Konjunktiv II in any person (``Die Kassen brächten ...``, ``Das wäre ...``) - read only of a
    sentence the component already gave a cue-less quotation (`_run_member`); `_standing_in` asks more."""
    root = sent.root
    return any("Sub" in t.morph.get("Mood", []) and t.pos_ in ("VERB", "AUX")
               for t in (root, *(c for c in root.children if c.dep_ in ("aux", "cop", "aux:pass"))))


def _standing_in(sent: Span) -> bool:
    """A main clause in Konjunktiv II that stands in for Konjunktiv I (``Viele Pendler würden später kommen``): its
    subjunctive verb in a person where Konjunktiv I looks like the indicative (`_indicative_like_person`: ``sie
    werden``, ``ich habe``) - in the third person singular Konjunktiv I has forms of its own (``werde``, ``habe``,
    ``sei``), so a ``wäre``/``würde`` there is a condition, as often the reporter's (``Damit wäre Deutschland das
    erste Land ...``); not a question (``Würde das helfen?``), not the root of a subordinate clause the parser left
    alone, not ``dürfte`` (the reporter's own estimate). Read only right after a quotation (`_continued`)."""
    root = sent.root
    if any(c.dep_ == "mark" for c in root.children) or _asks(sent):
        return False
    finite = [t for t in (root, *root.children) if t is root or t.dep_ in ("aux", "cop", "aux:pass")]
    subjunctive = [t for t in finite if "Sub" in t.morph.get("Mood", []) and t.pos_ in ("VERB", "AUX")]
    return bool(subjunctive) and not any(t.lemma_ == "dürfen" for t in finite) \
        and all(_indicative_like_person(t) for t in subjunctive)


def _indicative_like_person(verb: Token) -> bool:
    """A finite verb in a person whose Konjunktiv I is the indicative's form - the plural, the first person - where
    Konjunktiv II takes its place in reported speech; not the third person singular (nor a form without person)."""
    number, person = verb.morph.get("Number", []), verb.morph.get("Person", [])
    return "Plur" in number or "1" in person


def _asks(sent: Span) -> bool:
    """The sentence is a question: its last punctuation is a question mark."""
    last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote or t.is_bracket)), None)
    return last is not None and last.text == "?"


def _in_reported_mood(sent: Span) -> bool:
    """The sentence reports by its mood alone: the subjunctive of reported speech or hearsay ``sollen``."""
    return _subjunctive_main_clause(sent) or C.reported_sentence(sent) or C.hearsay_modal(sent)


def _run_member(q: Quotation, sents: list[Span], si: int) -> bool:
    """A quotation that can go on a run: the component's, not a passage in marks, its sentence in the mood of
    reported speech and without a cue of its own - neither the rules' nor a speech act or source the sentence
    names itself (`_names_a_speech_act`: ``..., sagte er.``, ``einer Mitteilung zufolge``)."""
    return q.type in RUN_TYPES and not q.cue and bool(q.tokens) and q.how in ("learned", "learned-continued") \
        and 0 <= si < len(sents) and _in_reported_mood(sents[si]) and not _names_a_speech_act(sents[si]) \
        and not _holds_a_heading(sents[si])


def _holds_a_heading(sent: Span) -> bool:
    """The sentence holds a line without final punctuation (`ingest.cleaning.ends_sentence`; a colon ends one too):
    a heading or kicker, standing alone or glued by the splitter to the sentence after it - the page's words, not
    the speaker's going on."""
    text = sent.doc.text
    lines = text[sent.start_char:sent.end_char].split("\n")
    after = text[sent.end_char:].lstrip(" \t")
    ended = lines if not after.strip() or after.startswith("\n") else lines[:-1]
    return any(line.strip() and not (ends_sentence(line) or line.rstrip().endswith(":")) for line in ended)


def _same_kind(a: Quotation, b: Quotation) -> bool:
    """Hearsay ``sollen`` runs on with hearsay, the subjunctive with the subjunctive: the quotation corpus cuts
    between the two (a ``soll`` sentence and a Konjunktiv I one after it are two quotations)."""
    return (a.type == "FreeIndirect") == (b.type == "FreeIndirect")


def _runs_as_one(doc: Doc, sents: list[Span], out: list[Quotation]) -> list[Quotation]:
    """A run of sentences that report by their mood alone, without a cue of their own (``Die Kosten seien gering.
    Eine Umleitung gebe es nicht.``), is one quotation of its speaker, not one per sentence: each such quotation in
    the sentence right after another of the same speaker joins it. The quotation corpus cuts so (train: a cue-less
    Konjunktiv I passage of one speaker goes on over several sentences in 84 quotations and is cut at a sentence
    end between two in 1; a Konjunktiv II sentence standing in for Konjunktiv I, or hearsay ``sollen``, stays in
    the run); the first such sentence after one with its own cue (``Er sagte, ... . Die Kosten seien gering.``)
    stays a quotation of its own, as the corpus keeps it (110 of train's same-speaker pairs of an Indirect and the
    sentence after it). Passages in marks nested inside stay their own quotations (`_nested_marks`)."""
    sent_of = _sentence_of(sents)
    joined: list[Quotation] = []
    run: tuple[int, int] | None = None       # the open run: its last sentence and its quotation's place in joined
    for q in out:
        si = sent_of.get(min(q.tokens), -1) if q.tokens else -1
        if not _run_member(q, sents, si):
            joined.append(q)
            continue
        if run is not None and si == run[0] + 1 and _same_speaker(doc, joined[run[1]], q) \
                and _same_kind(joined[run[1]], q):
            head = joined[run[1]]
            tokens = head.tokens | q.tokens
            joined[run[1]] = replace(head, quote=_spans([doc[k] for k in sorted(tokens)]), tokens=tokens)
            run = (si, run[1])
            continue
        joined.append(q)
        run = (si, len(joined) - 1)
    return joined


def _frame_verb(tok: Token) -> Token | None:
    """The verb of the clause a token stands in (itself, or the first verb up its heads within the sentence)."""
    while tok.pos_ not in ("VERB", "AUX"):
        if tok.head.i == tok.i or tok.head.sent.start != tok.sent.start:
            return None
        tok = tok.head
    return tok


def _after_a_colon(doc: Doc, sents: list[Span], out: list[Quotation], marks: list[tuple[int, int]]) -> list[Quotation]:
    """``Er fuhr fort: „...“``, ``..., indem sie den Vorstand zum Handeln aufforderte: „...“``: a passage in marks
    right after a colon is said by the subject of the clause the colon ends, whatever its verb (the frame names
    the speech act or not). Where the component gave the passage no quotation, it is one of that subject's - a
    subject that can speak (`speakers.speaker_kind`), not the ``es`` of ``heißt es:``."""
    covered = _covered(out)
    sent_of = _sentence_of(sents)
    added = []
    for a, b in marks:
        if a < 2 or doc[a - 1].text != ":" or a in covered or sent_of.get(a - 1) != sent_of.get(a) \
                or names_something(doc, a, b) or not _a_sentence_said(doc, a, b):
            continue
        verb = _frame_verb(doc[a - 2])
        if verb is None or verb.i >= a:
            continue                # no verb before the colon (``Scholz: „...“``): the one inside says nothing of who
        subj = subject_of(verb)
        if subj is None or subj.lower_ == "es" or "Yes" in subj.morph.get("Poss", []) \
                or speaker_kind(subj) not in SPEAKING_KINDS:
            continue                # a possessive is no subject: the parse took the noun of ``Sein Fazit:`` for a verb
        said = {t.i for t in _content(doc[a: b + 1])}
        sp = np_tokens(subj)
        added.append(Quotation("Direct", _spans([doc[k] for k in sorted(said)]), (), _spans(sp), subj.i,
                               how="learned", sent=sent_of[a], tokens=said))
    return _in_text_order(out + added)


def _passage_head(doc: Doc, a: int, b: int) -> Token | None:
    """The word of the passage in marks ``a``..``b`` that the parse hangs outside it (None where none or several
    do: the passage is no one phrase of the clause around it)."""
    heads = [t for t in doc[a + 1: b] if not t.is_punct and not a < t.head.i < b]
    return heads[0] if len(heads) == 1 and heads[0].head.i != heads[0].i else None


def _verb_of_phrase(head: Token) -> Token | None:
    """The verb whose own phrase ``head`` heads: hung on it straight (its object) or through one preposition or
    ``als`` (``von einem „Kahlschlag“``, ``als „unausgegoren“``). None where the head hangs on a noun (a genitive or
    an apposition: ``die Förderung der „Tafel“``, ``ein Vertreter der Organisation „Clean Seas“``): such a passage is
    part of another phrase, the reporter's mark or a name, not the term the verb's subject chose."""
    up = head.head
    if up.pos_ in ("ADP", "CCONJ", "SCONJ") and up.head.i != up.i:
        up = up.head
    return up if up.pos_ in ("VERB", "AUX") else None


def _says_or_judges(verb: Token) -> bool:
    """A verb of saying (lang/de reporting_verbs: ``bezeichnen``, ``nennen``, ``sprechen von``) or of a stated
    judgement (speech_act_verbs: ``charakterisieren``, ``werten``, ``kritisieren``)."""
    return C.is_reporting_verb(verb) or C.full_lemma(verb) in words("speech_act_verbs")


def _term_refused(verb: Token, head: Token, a: int, b: int) -> bool:
    """``nicht`` (Polarity=Neg) outside the marks ``a``..``b`` on the verb, its modal or auxiliary, or the phrase the
    passage heads (the parse hangs it on either: ``wollte nicht von einer „echten Krise“ sprechen``): the subject
    would not use the term. A ``nicht`` inside the marks is the quoted words' own (``als „nicht hinnehmbar“``)."""
    on = [verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass")), head, head.head]
    return any("Neg" in c.morph.get("Polarity", []) and not a < c.i < b for t in on for c in t.children)


def _termed_by_speaker(doc: Doc, sents: list[Span], out: list[Quotation],
                       marks: list[tuple[int, int]]) -> list[Quotation]:
    """``Die Ministerin bezeichnete den Entwurf als „unausgegoren“``, ``Die Gewerkschaft sprach von einem
    „Kahlschlag“``: a passage in marks that is a phrase of a verb of saying or judging (`_says_or_judges`) - its
    ``als`` phrase, its object, its prepositional object - is the words of that verb's subject, even one word: the
    quotation corpus marks such a term as a Direct quotation of the subject (train: after ``bezeichnen ... als`` 17
    of 19, every one of two words or more). Where the component gave the passage no quotation, it is one of that
    subject's - a subject that can speak (`speakers.speaker_kind`), not the ``es`` of ``heißt es``. Only a passage
    in words someone chose (`quotations.describes_in_words`: a small adjective, adverb or verb in it): a title or a
    name in marks (``nannte das Album „Brandneue Alte Lieder“``) is no one's words, and one word alone is a term
    more often than a quotation (on train the rule with one-word passages added 16, 3 right - the titles and the
    single nouns the wrong ones; on dev it lost 1 right of 3). One whose head hangs on a verb of another kind
    (``Die Firma hat keine „Notfallreserve“``) is the reporter's mark, not a speaker's; a term the subject would not
    use (`_term_refused`: ``wollte nicht von einer „echten Krise“ sprechen``) is not its words."""
    covered = _covered(out)
    sent_of = _sentence_of(sents)
    added = []
    for a, b in marks:
        if a in covered or sent_of.get(a) != sent_of.get(b - 1) or not describes_in_words(doc, a, b):
            continue
        head = _passage_head(doc, a, b)
        verb = _verb_of_phrase(head) if head is not None else None
        if head is None or verb is None or not _says_or_judges(verb) or _term_refused(verb, head, a, b):
            continue
        subj = subject_of(verb)
        if subj is None or a <= subj.i <= b or subj.lower_ == "es" or speaker_kind(subj) not in SPEAKING_KINDS:
            continue
        said = {t.i for t in _content(doc[a: b + 1])}
        sp = [t for t in np_tokens(subj) if t.i not in said]
        added.append(Quotation("Direct", _spans([doc[k] for k in sorted(said)]), (), _spans(sp), subj.i,
                               how="learned", sent=sent_of[a], tokens=said))
    return _in_text_order(out + added)


def _main_verbs(sent: Span) -> list[Token]:
    """The verbs of a sentence's main clause: its root and the auxiliaries on it (``hat ... bekannt gegeben``,
    ``will ... mitteilen``)."""
    root = sent.root
    return [root] + [c for c in root.children if c.dep_ in ("aux", "aux:pass", "cop")]


def _points_back(tok: Token) -> bool:
    """A demonstrative standing alone (no noun of its own) first in its sentence (``Das``, ``Dies``): it takes up
    what the sentence before said. The tagger often reads ``Das`` as an article: the parse, not the tag, tells."""
    return tok.i == tok.sent.start and tok.pos_ in ("PRON", "DET") and tok.dep_ != "det" \
        and tok.lower_ in ("das", "dies", "dieses")


def _reports(verb: Token) -> bool:
    """A reporting verb (`cues.is_reporting_verb`), also where the parser hung the verb's first part as an adjective
    (``gab ... bekannt``: ``bekannt`` xcomp, not a particle) - the two make one reporting verb (``bekanntgeben``)."""
    return C.is_reporting_verb(verb) or any(
        c.dep_ == "xcomp" and c.pos_ == "ADJ" and c.lower_ + C.verb_lemma(verb) in words("reporting_verbs")
        for c in verb.children)


def _negated(verbs: Sequence[Token]) -> bool:
    """``nicht`` (Polarity=Neg) on one of a clause's verbs - the verb, its modal or auxiliary: ``Das wollte ein
    Sprecher nicht bestätigen``, ``konnte die Polizei nicht bestätigen``. The subject did not say it."""
    return any("Neg" in c.morph.get("Polarity", []) for v in verbs for c in v.children)


def _denies(verb: Token) -> bool:
    """A verb of denial (lang/de event_status.tsv ``denial_governor``: ``bestreiten``, ``dementieren``,
    ``zurückweisen``): what it takes up is what its subject says is not so."""
    return C.full_lemma(verb) in table("event_status")["denial_governor"]


def _speaker_beside(verb: Token, pron: Token) -> Token | None:
    """Who the verb's subject is where a demonstrative stands first: the parser may take the fronted object for the
    subject (``Das teilte die Stadt mit``: ``Das`` nsubj, ``die Stadt`` obj)."""
    subj = subject_of(verb)
    if subj is not None and subj.i != pron.i:
        return subj
    return next((c for c in verb.children if c.dep_ in ("nsubj", "obj") and c.i != pron.i
                 and c.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _said_before(doc: Doc, sents: list[Span], out: list[Quotation]) -> list[Quotation]:
    """``Die Brücke bleibt bis Freitag gesperrt. Das teilte die Stadtverwaltung mit.``, ``... . Dies gab der Verband
    am Montag bekannt.``: a sentence whose main verb reports (lang/de reporting_verbs) and whose only object is a
    demonstrative first in it (`_points_back`) names who said the sentence before - the quotation corpus marks that
    sentence, the demonstrative with it, as the Indirect speech of the verb's subject. Where the component gave the
    sentence before no quotation, it is one of that subject's - a subject that can speak (`speakers.can_speak`,
    `speakers.speaker_kind`).
    A verb with a clause of its own (``Das teilte er mit, nachdem ...``) reports that clause's matter too: left; so
    is a negated verb or one of denial (`_negated`, `_denies`: ``Das wollte ein Sprecher nicht bestätigen``,
    ``Das dementierte die Firma``) - the sentence before is what the subject would not confirm or denied."""
    covered = _covered(out)
    added = []
    for si in range(1, len(sents)):
        sent, before = sents[si], sents[si - 1]
        pron = doc[sent.start]
        if not _points_back(pron) or any(k in covered for k in range(before.start, before.end)):
            continue
        verbs = _main_verbs(sent)
        main = {v.i for v in verbs}
        act = sent.root
        if not _reports(act) or pron.head.i != act.i or any(
                c.pos_ in ("VERB", "AUX") and c.i not in main for v in verbs for c in v.children):
            continue
        if _negated(verbs) or _denies(act):
            continue                   # ``Das wollte ein Sprecher nicht bestätigen``, ``Das dementierte die Firma``
        subj = _speaker_beside(act, pron)
        if subj is None or not (can_speak(subj) or speaker_kind(subj) in SPEAKING_KINDS):
            continue
        quote = _content(before) | {pron}
        sp = np_tokens(subj)
        added.append(Quotation("Indirect", _spans(quote), (), _spans(sp), subj.i, how="learned", sent=si - 1,
                               tokens={t.i for t in quote}))
    return _in_text_order(out + added)


def _infinitive_clause(tok: Token) -> bool:
    """An infinitive set off by a comma as the clause of the verb it hangs on (``kündigte an, alle Schalter zu
    schließen``, ``forderte sie auf, sich nicht einzumischen``): an extended infinitive, a proposition of its own -
    the comma, not the ``zu`` (written inside ``einzumischen``), tells it from the infinitive of a modal (the parse
    hangs the comma anywhere in the clause: it is the clause's first token). It has no subject, auxiliary or
    conjunction of its own: ``, ob sie den Antrag stellen wird`` and ``, man werde ... durchgreifen`` are finite
    clauses whose verb the parser hung as the infinitive, ``um ... zu``, ``ohne ... zu`` clauses of purpose or
    manner."""
    return tok.tag_ in ("VVINF", "VAINF", "VMINF", "VVIZU") and tok.dep_ in ("xcomp", "ccomp", "advcl") \
        and tok.head.i < tok.i and tok.left_edge.text == "," and not any(
            c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "expl") or c.dep_ == "mark" and c.tag_ != "PTKZU"
            for c in tok.children)


def _speaking_subject(verb: Token) -> Token | None:
    """The verb's subject where it can speak (`speakers.speaker_kind`): not ``es``, not a noun of time the parser
    took for the subject (``Erst vergangene Woche kündigte der Konzern an``: the other ``nsubj`` is)."""
    subj = subject_of(verb)
    if subj is None or names_a_time(subj):
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and not names_a_time(c)), None)
    if subj is None or subj.lower_ == "es" or speaker_kind(subj) not in SPEAKING_KINDS:
        return None
    return subj


def _said_to_do(doc: Doc, sents: list[Span], out: list[Quotation]) -> list[Quotation]:
    """``Der Konzern kündigte an, alle Schalter zu schließen``, ``Die Gewerkschaft rief die Mitglieder auf, die Arbeit
    niederzulegen``: an extended infinitive (`_infinitive_clause`) under a verb of saying or judging (`_says_or_judges`)
    is what its subject said - the quotation corpus marks it as Indirect speech as it marks a ``dass`` clause. Where
    the component gave it no quotation, it is one of that subject's (`_speaking_subject`). Not under a verb of
    deciding, considering or refusing (lang/de choosing_verbs: ``erwägt, die Steuer zu senken``, ``lehnte es ab, sich
    zu äußern``): that infinitive is an act the subject weighs or refuses, not its words."""
    covered = _covered(out)
    sent_of = _sentence_of(sents)
    added = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or not _infinitive_clause(tok) or not _says_or_judges(tok.head) \
                or C.full_lemma(tok.head) in words("choosing_verbs"):
            continue               # ``erwägt, ... zu senken``, ``lehnte es ab, ... zu``: an act weighed or refused
        clause = _content(doc[tok.left_edge.i: tok.right_edge.i + 1])
        if not clause or any(t.i in covered for t in clause):
            continue
        subj = _speaking_subject(tok.head)
        if subj is None or subj.i in {t.i for t in clause}:
            continue
        added.append(Quotation("Indirect", _spans(clause), (), _spans(np_tokens(subj)), subj.i, how="learned",
                               sent=sent_of[tok.i], tokens={t.i for t in clause}))
        covered |= {t.i for t in clause}
    return _in_text_order(out + added)


def with_apposition(doc: Doc, phrase: list[Token]) -> list[Token]:
    """The speaker's phrase as the quotation corpus marks it: with the apposition the phrase's own words govern, set off
    by a comma or in brackets right after it (``Klaus Berger, der Bürgermeister von Neustadt``, ``Der Sprecher der
    Feuerwehr, Jan Meier``, ``Anna Roth (SPD)``, ``Der Bundesgerichtshof (BGH)``) - the corpus keeps such an apposition
    in the speaker's span, `speakers.np_tokens` stops at the punctuation. Read from the parse (an ``appos`` of a word
    of the phrase, its own phrase by `np_tokens`: a relative clause is left out); the closing bracket goes with its
    opening one, the comma after the apposition does not. A number in that place (``Hans Meier (81)``, ``der Bericht
    (2019)``) is an age or a year, a figure about the speaker and no name of it: left out."""
    out = list(phrase)
    while True:
        ids, end = {t.i for t in out}, out[-1].i
        app = next((c for t in out for c in t.children if c.dep_ == "appos" and c.i > end and not _a_figure(c)
                    and all(doc[k].text in (",", "(") for k in range(end + 1, c.left_edge.i))), None)
        if app is None:
            return out
        more = [t for t in np_tokens(app) if t.i > end]
        if not more or more[0].i == end + 1 or not all(doc[k].text in (",", "(") for k in range(end + 1, more[0].i)):
            return out
        gap = [doc[k] for k in range(end + 1, more[0].i)]
        after = more[-1].i + 1
        if any(t.text == "(" for t in gap):
            if after >= len(doc) or doc[after].text != ")":
                return out
            more.append(doc[after])
        if ids & {t.i for t in more}:
            return out
        out = out + gap + more


def _a_figure(token: Token) -> bool:
    """A number the parser hangs as an apposition: an age or a year in brackets or between commas."""
    return token.pos_ == "NUM" or token.like_num


def _speakers_as_marked(doc: Doc, out: list[Quotation]) -> list[Quotation]:
    """Each quotation's speaker with its apposition (`with_apposition`), the apposition no longer part of what is said;
    only where the speaker's span is the one phrase around its head."""
    done = []
    for q in out:
        if q.speaker_head is None or len(q.speaker) != 1:
            done.append(q)
            continue
        a, b = q.speaker[0]
        phrase = [t for t in doc if a <= t.idx and t.idx + len(t.text) <= b]
        if not phrase or doc[q.speaker_head] not in phrase:
            done.append(q)
            continue
        longer = with_apposition(doc, phrase)
        if len(longer) == len(phrase):
            done.append(q)
            continue
        added = {t.i for t in longer[len(phrase):]}
        tokens = q.tokens - added
        if not tokens:
            done.append(q)
            continue
        quote = q.quote if tokens == q.tokens else _spans([doc[k] for k in sorted(tokens)])
        done.append(replace(q, speaker=_spans(longer), quote=quote, tokens=tokens))
    return done


def learned_quotations(doc: Doc, model: Model, feats: DocFeatures | None = None) -> list[Quotation]:
    """Quotations by the trained component: one per sentence it judges reported speech, its speaker the
    best-scoring candidate (decided left to right: the speaker before is a feature); cue and type from
    the rules where they found the sentence, else by form; a Konjunktiv I sentence it left without one goes on with
    the quotation before (`_continued`). What it left without a quotation where the grammar names the speaker is
    added after the decisions: a passage after a colon (`_after_a_colon`), a term in marks of a verb of saying
    (`_termed_by_speaker`), the sentence before ``Das teilte X mit.`` (`_said_before`), an extended infinitive under
    a verb of saying (`_said_to_do`). Each speaker's span then takes in its apposition, as the quotation corpus marks
    it (`_speakers_as_marked`). The claims path (`LearnedDoc`) takes none of these."""
    fx = feats or model_features(doc, model)
    out = _Decisions(doc, model, fx).run(0, len(fx.sents))
    if CONTINUES:
        out = _continued(doc, fx.sents, out, fx.marks)
    if RUNS_AS_ONE:
        out = _runs_as_one(doc, fx.sents, out)
    out = _after_a_colon(doc, fx.sents, out, fx.marks)
    out = _termed_by_speaker(doc, fx.sents, out, fx.marks)
    out = _said_before(doc, fx.sents, out)
    out = _said_to_do(doc, fx.sents, out)
    return _speakers_as_marked(doc, _merge_marked_runs(doc, out, fx.marks))


class LearnedDoc:
    """The trained component's quotations of one Doc where a question needs them (the claims extractor asks
    at a figure): `around(i)` decides only the sentences whose decisions the quotation at token i depends on
    - its own, those of a passage in marks over it, and the chain of accepted sentences before them - and the
    tagger runs only over the tokens their features read (`model_features(lazy=True)`). What it gives equals
    what `learned_quotations` gives over the whole Doc for the quotations covering token i (a pronoun speaker
    is resolved over all quotations before it: then every sentence before it is decided) - up to the tagger's
    float rounding (`tagger.LazyProbabilities`), which could move a feature's tenth only at a bucket's border.

    Where the weights hold a pointer, these are still the two models' decisions (the sentence classifier and the
    ranker, as without one): the pointer drops continued reports they keep (with it deciding at figures, claims dev-wn
    source 1.000 -> 0.824, sessions 23-24), and it decides every sentence with a chain that reads them all, so asking
    it at a figure means a pass from the article's start (+20 ms an article, session 24) or, from WINDOW sentences
    before it and only where the sentence classifier scores the sentence at least 0.15, +2.8 ms an article that
    changed no scored source on any dev half (session 25; that cheap pass was removed in session 26, ATTRIBUTION.md)."""

    def __init__(self, doc: Doc, model: Model, rules: list[Quotation] | None = None):
        self.doc = doc
        self.fx = model_features(doc, model, rules, lazy=True)
        self.decisions = _Decisions(doc, replace(model, pointer=None), self.fx)
        self.sent_of = np.zeros(len(doc), dtype=np.int32)
        for si, sent in enumerate(self.fx.sents):
            self.sent_of[sent.start: sent.end] = si
        self.passages = [(int(self.sent_of[a]), int(self.sent_of[b])) for a, b in self.fx.marks
                         if self.sent_of[a] != self.sent_of[b]]

    def _merged(self, lo: int, hi: int, decisions: _Decisions) -> list[Quotation]:
        qs = [replace(q, tokens=set(q.tokens)) for q in decisions.run(lo, hi)]
        return _merge_marked_runs(self.doc, qs, self.fx.marks)

    def around(self, i: int) -> list[Quotation]:
        """The quotations whose decisions the quotation covering token i depends on (see the class)."""
        if not 0 <= i < len(self.doc):
            return []
        return self._around(i, self.decisions)

    def _first_reached(self, si: int) -> int:
        """The first sentence of the passages in marks that reach into sentence si (si itself where none does)."""
        lo = si
        moved = True
        while moved:                             # passages in marks that reach into sentences lo..si
            opens = [a for a, b in self.passages if a < lo and b >= lo]
            moved = bool(opens)
            lo = min(opens, default=lo)
        return lo

    def _around(self, i: int, decisions: _Decisions) -> list[Quotation]:
        si = int(self.sent_of[i])
        lo = self._first_reached(si)
        if lo == si and decisions.score(si) < decisions.model.sent_threshold:
            return []                            # its sentence is no reported speech and no passage reaches into it:
        #                                          no quotation covers it, whatever the chain before (left undecided)
        out = self._merged(lo, si + 1, decisions)
        prons = [self.sent_of[q.speaker_head] for q in out
                 if q.speaker_head is not None and self.doc[q.speaker_head].pos_ == "PRON"]
        if prons:
            out = self._merged(0, min(len(self.fx.sents), max(max(prons), si) + WINDOW + 1), decisions)
        return out

    def around_char(self, pos: int) -> list[Quotation]:
        """`around` the token at char offset pos (the token a figure's first character stands in)."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return self.around(span[0].i) if span is not None and len(span) else []
