"""Parts of speech: the morphologizer's POS by its own probability, then made consistent.

spaCy's morphologizer predicts one label per token for the part of speech and
the features together ("POS=NOUN|Case=Dat|Gender=Fem|Number=Sing": 745 labels
in our UD training data, 441 of them seen fewer than five times) and reads the
POS off the single most probable label. When a noun's probability is spread
over many case/number combinations, a verb reading with one strong label can
win although the noun readings together are more probable.
``PosFirstMorphologizer`` sums the label probabilities per POS, takes the most
probable POS, then the most probable label with that POS, so POS and features
stay consistent. Same model, weights and training as spaCy's component; on the
held-out UD slice of four models UPOS rose by 0.03 to 0.20 (training/RESULTS.md).
``UposRules`` (``lagebild_upos``, after the parser) then lets the STTS tag and
the parse decide the UPOS where they do so in UD's own data and definition.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.pipeline.morphologizer import DEFAULT_MORPH_MODEL, Morphologizer

from ..lang import de


class PosFirstMorphologizer(Morphologizer):
    """A :class:`spacy.pipeline.Morphologizer` whose guesses maximise the POS probability first."""

    def _pos_matrix(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(labels x POS) 0/1 matrix and, per POS, the mask of its labels; rebuilt when the labels change."""
        labels = self.labels
        cached = getattr(self, "_pos_cache", None)
        if cached is None or cached[0] != labels:
            pos_of = [self.cfg["labels_pos"][label] for label in labels]
            pos_ids = sorted(set(pos_of))
            matrix = numpy.zeros((len(labels), len(pos_ids)), dtype="float32")
            matrix[numpy.arange(len(labels)), [pos_ids.index(pos) for pos in pos_of]] = 1.0
            cached = self._pos_cache = (labels, matrix, matrix.T > 0)
        return cached[1], cached[2]

    def _scores2guesses(self, scores):
        matrix, mask = self._pos_matrix()
        guesses = []
        for doc_scores in scores:
            doc_scores = self.model.ops.to_numpy(doc_scores)
            # the model's outputs are logits (Tagger.v2, normalize = false): softmax first
            shifted = numpy.exp(doc_scores - doc_scores.max(axis=1, keepdims=True, initial=-numpy.inf))
            probs = shifted / shifted.sum(axis=1, keepdims=True)
            best_pos = (probs @ matrix).argmax(axis=1)
            guesses.append(numpy.where(mask[best_pos], doc_scores, -numpy.inf).argmax(axis=1))
        return guesses


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory(
    "lagebild_morphologizer",
    assigns=["token.morph", "token.pos"],
    default_config={
        "model": DEFAULT_MORPH_MODEL,
        "overwrite": True,
        "extend": False,
        "scorer": {"@scorers": "spacy.morphologizer_scorer.v1"},
        "label_smoothing": 0.0,
    },
    default_score_weights={"pos_acc": 0.5, "morph_acc": 0.5, "morph_per_feat": None},
)
def make_pos_first_morphologizer(nlp, model, name: str, overwrite: bool, extend: bool,
                                 label_smoothing: float, scorer):
    return PosFirstMorphologizer(nlp.vocab, model, name, overwrite=overwrite, extend=extend,
                                 label_smoothing=label_smoothing, scorer=scorer)


# UD German: sein/werden/haben are AUX as auxiliaries and copula, VERB as main verbs
AUX_LEMMAS: tuple[str, ...] = de.phrases("auxiliary_lemmas")   # lang/de/auxiliary_lemmas.txt
AUX_DEPS = ("aux", "aux:pass", "cop")


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory("lagebild_upos", assigns=["token.pos"], requires=["token.tag", "token.dep", "token.lemma"],
                  default_config={"aux_lemmas": list(AUX_LEMMAS), "aux_deps": list(AUX_DEPS)})
def make_upos_rules(nlp, name: str, aux_lemmas: list[str], aux_deps: list[str]):
    return UposRules(name, aux_lemmas=aux_lemmas, aux_deps=aux_deps)


class UposRules:
    """Makes the UPOS agree with the STTS tag and the parse, where those decide it.

    * An STTS tag that has one UPOS in at least ``min_share`` of the training tokens
      (ART -> DET, APPR -> ADP, VVFIN -> VERB ...) sets it: the tagger sees the STTS
      tag set, which is finer than UPOS, in the same words.
    * sein/werden/haben are AUX when the parser attaches them as aux, aux:pass or
      cop, else VERB: UD's own definition, which the morphologizer guesses from
      the word alone.

    The table is learnt by :meth:`initialize` from gold docs (``python -m
    lagebild.training assemble``); only GSD has STTS tags, so its conventions win
    (adverbial adjectives ADJD -> ADJ, where PUD says ADV): +0.3 UPOS on held-out
    GSD text, +0.47 on GSD test at 94 % instead of 97 % (training/RESULTS.md).
    """

    def __init__(self, name: str, *, aux_lemmas=AUX_LEMMAS, aux_deps=AUX_DEPS):
        self.name = name
        self.aux_lemmas = frozenset(aux_lemmas)
        self.aux_deps = frozenset(aux_deps)
        self.table: dict[str, str] = {}

    def initialize(self, get_examples=None, *, nlp=None, table: dict | None = None,
                   min_share: float = 0.94, min_count: int = 20):
        if table is not None:
            self.table = dict(table)
            return
        known = set(nlp.get_pipe("tagger").labels) if nlp is not None and "tagger" in nlp.pipe_names else None
        counts: dict[str, dict[str, int]] = {}
        for example in (get_examples() if get_examples else ()):
            for token in example.reference:
                if token.tag_ and token.pos_ and (known is None or token.tag_ in known):
                    row = counts.setdefault(token.tag_, {})
                    row[token.pos_] = row.get(token.pos_, 0) + 1
        self.table = {}
        for tag, row in counts.items():
            pos, n = max(row.items(), key=lambda kv: kv[1])
            total = sum(row.values())
            if total >= min_count and n / total >= min_share:
                self.table[tag] = pos

    def __call__(self, doc):
        table, aux_lemmas, aux_deps = self.table, self.aux_lemmas, self.aux_deps
        for token in doc:
            if token.pos_ in ("AUX", "VERB") and token.lemma_ in aux_lemmas and token.dep_:
                token.pos_ = "AUX" if token.dep_ in aux_deps else "VERB"
            else:
                pos = table.get(token.tag_)
                if pos is not None:
                    token.pos_ = pos
        return doc

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "upos.json").write_text(json.dumps(self.table, ensure_ascii=False, indent=0), encoding="utf-8")

    def from_disk(self, path, *, exclude=()):
        self.table = json.loads((Path(path) / "upos.json").read_text(encoding="utf-8"))
        return self
