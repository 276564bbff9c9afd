"""A small trained sequence tagger for who speaks (thinc CNN, CPU, no PyTorch).

Each token of a parsed Doc gets four probabilities: part of a speaker (``SPK``), of a cue (``CUE``),
of what is reported (``QUOTE``) or none (``O``). The network reads a window of the tokens around each
token (a convolutional tok2vec of its own: hashed embeddings of the word's norm, lemma, prefix, suffix,
shape and of our pipeline's part of speech, dependency label, morphology and entity type, four maxout
window layers - each token sees four tokens on either side), so a noun phrase is scored by the words and
arcs around it, not by one hand-made feature at a time. Its probabilities are features of the speaker
ranker and the sentence classifier of `learned`.

Trained on the German news quotation attribution corpus' train split
(``python -m lagebild.training.attribution_tagger``; **CC BY-NC-SA 4.0** - the weights shipped in
``lagebild/models/attribution_tagger/`` are a work trained on it, see its meta.json). ``load()`` returns
None where no weights are packaged; `learned` then does not load weights trained with these features,
and the parse rules work alone.
"""
from __future__ import annotations

import json
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

LABELS = ("O", "SPK", "CUE", "QUOTE")
SPK, CUE, QUOTE = 1, 2, 3
ATTRS = ("NORM", "LEMMA", "PREFIX", "SUFFIX", "SHAPE", "POS", "DEP", "MORPH", "ENT_TYPE")
ROWS = (5000, 5000, 1000, 2000, 500, 100, 200, 1000, 50)
WIDTH = 64
DEPTH = 4
WINDOW = 1                                   # tokens on either side each layer reads (meta.json may say otherwise)
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "attribution_tagger"
BLOCK = 96                                   # tokens LazyProbabilities tags at once


def build(dropout: float = 0.0, window: int = WINDOW) -> Model:
    """The network (the same layout for training and for loading the packaged weights); `dropout` while
    training, on the embeddings and after each layer."""
    from spacy.ml.models import MaxoutWindowEncoder, MultiHashEmbed, build_tagger_model, build_Tok2Vec_model

    embed = MultiHashEmbed(width=WIDTH, attrs=list(ATTRS), rows=list(ROWS), include_static_vectors=False)
    encode = MaxoutWindowEncoder(width=WIDTH, window_size=window, maxout_pieces=3, depth=DEPTH)
    model = build_tagger_model(build_Tok2Vec_model(embed, encode), nO=len(LABELS), normalize=True)
    for node in model.walk():
        if "dropout_rate" in node.attrs:
            node.attrs["dropout_rate"] = dropout
    model.attrs["reach"] = DEPTH * window
    return model


def reach(model: Model) -> int:
    """How many tokens on either side a token's probabilities read (each window layer widens the view by its
    window): a stretch of tokens tagged with that many more on each side gets the probabilities the whole Doc
    gives it."""
    return int(model.attrs.get("reach", DEPTH * WINDOW))


def _params(model: Model) -> dict[str, np.ndarray]:
    out = {}
    for k, node in enumerate(model.walk()):
        for name in node.param_names:
            if node.has_param(name):
                out[f"{k}.{name}"] = np.array(node.get_param(name), copy=True)
    return out


def save(model: Model, path: Path, meta: dict) -> None:
    """Weights as float16 (npz) and a meta.json."""
    path.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {k: v.astype(np.float16) for k, v in _params(model).items()}
    np.savez_compressed(path / "weights.npz", **arrays)
    (path / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _initialize(model: Model, doc: Doc) -> None:
    model.initialize(X=[doc], Y=[model.ops.alloc2f(len(doc), len(LABELS))])


@lru_cache(maxsize=2)
def load(path: str | None = None) -> Model | None:
    """The packaged tagger, or None where no weights are packaged."""
    target = Path(path) if path else MODEL_DIR
    f = target / "weights.npz"
    if not f.exists():
        return None
    import spacy

    meta = json.loads((target / "meta.json").read_text(encoding="utf-8")) if (target / "meta.json").exists() else {}
    model = build(window=int(meta.get("window", WINDOW)))
    blank = spacy.blank("de")
    _initialize(model, blank("Er sagte das ."))
    z = np.load(f)
    for k, node in enumerate(model.walk()):
        for name in node.param_names:
            key = f"{k}.{name}"
            if key in z.files:
                node.set_param(name, z[key].astype(np.float32))
    # prediction multiplies its matrices with numpy's BLAS (thinc's own blis gemm took 1.7 times as long on one
    # core for these small matrices; the probabilities agree to 1e-6). BLAS rounds a row differently by how many
    # rows a run multiplies, so LazyProbabilities' stretches agree with the whole Doc to float rounding only
    # (max 3.6e-7 over the 42,000 tokens of 100 10kGNAD test articles); with blis they agree bit for bit
    ops = NumpyOps(use_blis=False)
    for node in model.walk():
        node.ops = ops
    net = _Net.of(model)
    if net is not None and net.agrees_with(model, blank("Die Stadt teilte am Abend mit , die Halle koste 4,5 Euro .")):
        _NETS[model.id] = net
    return model


# the loaded models' replays, by thinc's model id (never reused, unlike id(): a model built after a loaded one
# left load()'s cache may get the freed one's address)
_NETS: dict[int, _Net] = {}


class _Net:
    """The packaged network's prediction as one function over its weights: the operations of thinc's layers
    (the same ops calls - hash, gather_add, maxout, seq2col, softmax - and numpy's dot, mean and var on the same
    arrays, in the same order), so the probabilities are model.predict's bit for bit (a test), without thinc's
    Python dispatch through the ~80 nodes of the model tree on every run - the claims path runs it on a few
    short stretches per article, where that dispatch cost more than the arithmetic."""

    def __init__(self, ops: Any, tables: list[np.ndarray], embeds: list, mix: tuple, layers: list,
                 windows: list[int], pad: int, out: tuple):
        # embeds: (feature column, hash seed, table rows) per table; mix: the embeddings' Maxout+LayerNorm and
        # layers: each window layer's, as (W, b, nO, nP, G, beta); out: the softmax's (W, b); pad: the zero rows
        # around a stretch in the window layers.
        # The embedding tables one under the other: a token's rows of all of them in one gather_add
        self.table = np.ascontiguousarray(np.concatenate(tables))
        self.offsets = np.cumsum([0] + [len(t) for t in tables[:-1]]).astype(np.uint32)
        self.ops, self.embeds, self.mix, self.layers = ops, embeds, mix, layers
        self.windows, self.pad, self.out = windows, pad, out

    @staticmethod
    def _layers_of_build(model: Model) -> dict[str, list[Model]] | None:
        """The model's layers by name, in thinc's walk order, where they are the layout `build` makes - one
        hashed embedding per attribute, a Maxout and its LayerNorm for the embeddings' mix and for each window
        layer, one padded residual block, one plain normalising softmax; None for any other layout."""
        nodes = list(model.walk())
        by = {name: [n for n in nodes if n.name == name] for name in
              ("hashembed", "maxout", "layernorm", "expand_window", "softmax")}
        by["padded"] = [n for n in nodes if n.name.startswith("with_array(residual") and "pad" in n.attrs]
        softmax = by["softmax"][0].attrs if len(by["softmax"]) == 1 else {}
        if len(by["hashembed"]) != len(ATTRS) or len(by["maxout"]) != len(by["layernorm"]) or \
                len(by["maxout"]) != len(by["expand_window"]) + 1 or len(by["padded"]) != 1 or \
                not softmax.get("softmax_normalize") or softmax.get("softmax_temperature", 1.0) != 1.0:
            return None
        return by

    @classmethod
    def of(cls, model: Model) -> _Net | None:
        """The weights in the order the layout of `build` applies them; None for any other layout (then
        model.predict runs)."""
        by = cls._layers_of_build(model)
        if by is None:
            return None

        def dense(mx: Model, ln: Model) -> tuple:
            nO, nP, nI = mx.get_dim("nO"), mx.get_dim("nP"), mx.get_dim("nI")
            return (mx.get_param("W").reshape((nO * nP, nI)), mx.get_param("b").reshape((nO * nP,)), nO, nP,
                    ln.get_param("G"), ln.get_param("b"))

        tables: list[np.ndarray] = [np.asarray(n.get_param("E")) for n in by["hashembed"]]
        if len({(t.shape[1], t.dtype) for t in tables}) != 1:
            return None
        embeds = [(n.attrs["column"], n.attrs["seed"], len(t)) for n, t in zip(by["hashembed"], tables)]
        # walk order: the embeddings' mix first, then the window layers in the order they apply (agrees_with
        # checks the whole replay against model.predict at load)
        dense_layers = [dense(m, ln) for m, ln in zip(by["maxout"], by["layernorm"])]
        sm = by["softmax"][0]
        return cls(model.ops, tables, embeds, dense_layers[0], dense_layers[1:],
                   [n.attrs["window_size"] for n in by["expand_window"]], int(by["padded"][0].attrs["pad"]),
                   (sm.get_param("W"), sm.get_param("b")))

    def agrees_with(self, model: Model, probe: Doc) -> bool:
        """Whether the replay gives model.predict's probabilities bit for bit on a probe sentence. `of` checks
        the layout, not the arithmetic inside thinc's layers: should a thinc release within the pins compute a
        layer otherwise, the replay is not used (a warning), so the decisions stay thinc's."""
        same = np.array_equal(self.predict(probe.to_array(list(ATTRS))), np.asarray(model.predict([probe])[0]))
        if not same:
            warnings.warn("attribution tagger: the numpy replay differs from thinc's prediction (another thinc "
                          "version?); thinc's model.predict runs instead", RuntimeWarning, stacklevel=2)
        return same

    def _maxout_norm(self, X: np.ndarray, layer: tuple) -> np.ndarray:
        """thinc's Maxout (gemm, bias, best piece) then LayerNorm (its moments, scale and shift)."""
        W, b, nO, nP, G, beta = layer
        Y = self.ops.gemm(X, W, trans2=True)
        Y += b
        best, _ = self.ops.maxout(Y.reshape((Y.shape[0], nO, nP)))
        mu = best.mean(axis=1, keepdims=True)
        var = best.var(axis=1, keepdims=True) + 1e-08              # as thinc's _get_moments (numpy 1.x has no mean=)
        Z = (best - mu) * var ** (-1.0 / 2.0)
        out = Z * G
        out += beta
        return out

    def _embedded(self, feats: np.ndarray) -> np.ndarray:
        """Each token's hashed embeddings side by side, (n, tables x width): HashEmbed's four rows per table
        (its hash of the feature, modulo the table's rows) added in HashEmbed's order, all tables in one
        gather_add, whose (n x tables) rows lie as thinc's hstack of the tables' outputs."""
        ops, n = self.ops, len(feats)
        keys = np.empty((n, len(self.embeds), 4), dtype=np.uint32)
        for k, (col, seed, rows) in enumerate(self.embeds):
            keys[:, k] = ops.hash(ops.as_contig(feats[:, col], dtype="uint64"), seed) % rows + self.offsets[k]
        return ops.gather_add(self.table, keys.reshape((n * len(self.embeds), 4))).reshape((n, -1))

    def predict(self, feats: np.ndarray) -> np.ndarray:
        """(n, 4) probabilities of n tokens' features (their rows of to_array(ATTRS), uint64)."""
        ops = self.ops
        X = self._maxout_norm(self._embedded(feats), self.mix)
        # the window layers read the stretch between `pad` rows of zeros on either side (thinc's with_array)
        zeros = np.zeros((self.pad, X.shape[1]), dtype=X.dtype)
        X = np.concatenate([zeros, X, zeros])
        for window, layer in zip(self.windows, self.layers):
            X = X + self._maxout_norm(ops.seq2col(X, window), layer)
        W, b = self.out
        # thinc's with_array copies the rows out of the padded array (`unflatten`, then `flatten`)
        return ops.softmax(ops.affine(np.concatenate([X[self.pad: len(X) - self.pad]]), W, b))


def probabilities(model: Model, doc: Any) -> np.ndarray:
    """(len(doc), 4) probabilities of O / SPK / CUE / QUOTE for each token (of a Doc, or of a stretch of one:
    anything with len() and the Doc's to_array)."""
    if len(doc) == 0:
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    net = _NETS.get(model.id)
    if net is None:
        return np.asarray(model.predict([doc])[0])
    return net.predict(doc.to_array(list(ATTRS)))


class _Stretch:
    """Tokens start..end-1 of a Doc as the network's feature extractor reads them (their rows of the Doc's
    to_array, which is made once per Doc)."""

    def __init__(self, owner: LazyProbabilities, start: int, end: int):
        self.owner, self.start, self.end = owner, start, end

    def __len__(self) -> int:
        return self.end - self.start

    def to_array(self, columns: Any) -> np.ndarray:
        key = tuple(columns)
        if key not in self.owner.arrays:
            self.owner.arrays[key] = self.owner.doc.to_array(list(columns))
        return self.owner.arrays[key][self.start: self.end]


class LazyProbabilities:
    """The probabilities of a Doc's tokens, tagged only for the stretches asked for (``probs[a:b]``,
    ``probs[rows, SPK]``): each stretch is tagged with `reach` tokens of context on either side, so its
    probabilities equal those of tagging the whole Doc (to float rounding: see `load`)."""

    def __init__(self, model: Model, doc: Doc):
        self.model, self.doc = model, doc
        self.p = np.zeros((len(doc), len(LABELS)), dtype=np.float32)
        self.done = np.zeros(len(doc), dtype=bool)
        self.rows = np.arange(len(doc))
        self.reach = reach(model)
        self.arrays: dict[tuple, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.p)

    def need(self, start: int, end: int) -> None:
        """Tag tokens start..end-1 where not yet tagged."""
        start, end = max(start, 0), min(end, len(self.p))
        if start >= end:
            return
        todo = np.flatnonzero(~self.done[start:end])
        if not len(todo):
            return
        a, b = start + int(todo[0]), start + int(todo[-1]) + 1
        # whole blocks of BLOCK tokens: each run of the network has a fixed cost, and the sentences a decision
        # reads lie near each other (the same probabilities, fewer runs)
        a, b = a // BLOCK * BLOCK, min(len(self.p), -(-b // BLOCK) * BLOCK)
        lo, hi = max(0, a - self.reach), min(len(self.p), b + self.reach)
        self.p[a:b] = probabilities(self.model, _Stretch(self, lo, hi))[a - lo: b - lo]
        self.done[a:b] = True

    def __getitem__(self, key: Any) -> np.ndarray:
        # the rows asked for, however indexed (negative, a mask, a step): none may be read untagged
        rows = np.atleast_1d(self.rows[key[0] if isinstance(key, tuple) else key])
        if len(rows):
            self.need(int(rows.min()), int(rows.max()) + 1)
        return self.p[key]
