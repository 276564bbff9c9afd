"""Inference speed-ups for the German pipeline that leave its outputs unchanged.

Two measured bottlenecks on a plain CPU (benchmarks/bench_nlp.py):

* Thinc multiplies matrices with the ``blis`` wheel, whose portable build runs
  its generic reference kernel: about 25 GFLOP/s on one core of our dev box,
  where numpy's OpenBLAS reaches about 75. :class:`OpenBlasOps` is Thinc's
  ``NumpyOps`` with ``gemm`` done by numpy (the same idea as Thinc's own
  ``AppleOps``, which swaps in Apple's Accelerate).
* The tok2vec's embedding stage (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE and
  the lexicon flags, floret vectors, the maxout that mixes them) sees one token
  at a time: its output is a function of the word form alone. News text repeats
  its words, so :func:`cache_embeddings` keeps each form's row and computes only
  forms it has not seen. The cache is bypassed and emptied by every training
  step and whenever the weights are replaced, so it never serves stale rows.

``speed_up(nlp)`` applies both; ``lagebild.nlp.load()`` calls it, and a
pipeline config can name the ``lagebild.fast_inference.v1`` callback in
``[nlp.after_pipeline_creation]``.
"""
from __future__ import annotations

from typing import Callable

import numpy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, NumpyOps

CACHE_ROWS = 200_000  # ~77 MB at width 96; the cache starts afresh when full
PROBE_WORDS = 1000    # new word forms embedded per call (see _probe_rows)


@registry.ops("OpenBlasOps")
class OpenBlasOps(NumpyOps):
    """NumpyOps whose matrix product is numpy's (OpenBLAS) instead of blis'."""

    name = "openblas"

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        if x.ndim != 2 or y.ndim != 2:
            raise ValueError(f"gemm needs 2-d arrays, got {x.ndim}-d and {y.ndim}-d")
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        return numpy.matmul(a, b, out=out)



def use_openblas(nlp: Language) -> Language:
    """Give every layer of every trainable component the OpenBLAS ops."""
    ops = OpenBlasOps()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    return nlp


class EmbeddingCache:
    """Rows of a per-token layer's output, keyed by (ORTH, NORM) of the token."""

    def __init__(self, width: int, max_rows: int = CACHE_ROWS):
        self.max_rows = max_rows
        self.rows = numpy.zeros((1024, width), dtype="float32")
        self.index: dict[int, int] = {}
        self.weights_id: tuple[int, ...] = ()

    def clear(self) -> None:
        self.index.clear()

    def __len__(self) -> int:
        return len(self.index)

    def add(self, keys: list[int], values) -> None:
        start = len(self.index)
        need = start + len(keys)
        if need > len(self.rows):
            size = max(need, min(2 * len(self.rows), self.max_rows))
            grown = numpy.zeros((size, self.rows.shape[1]), dtype="float32")
            grown[:start] = self.rows[:start]
            self.rows = grown
        self.rows[start:need] = values
        for offset, key in enumerate(keys):
            self.index[key] = start + offset


def _token_keys(doc: Doc) -> numpy.ndarray:
    """One 64-bit key per token from its ORTH and NORM (a tokenizer exception may set the NORM)."""
    ids = doc.to_array([ORTH, NORM]).astype("uint64")
    return ids[:, 0] ^ (ids[:, 1] * numpy.uint64(0x9E3779B97F4A7C15))


def _unseen(docs: list[Doc], keys: list[numpy.ndarray], index: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Keys not in the cache -> (ORTH, NORM) of a token that has them, in first-seen order."""
    missing: dict[int, tuple[int, int]] = {}
    for doc, doc_keys in zip(docs, keys):
        for i, key in enumerate(doc_keys.tolist()):
            if key not in index and key not in missing:
                missing[key] = (doc[i].orth, doc[i].norm)
    return missing


def _weights_id(model: Model) -> tuple[int, ...]:
    """Identity of the parameter arrays: loading new weights replaces them."""
    return tuple(id(node.get_param(name)) for node in model.walk()
                 for name in node.param_names if node.has_param(name))


def cache_embeddings(embed: Model, width: int, max_rows: int = CACHE_ROWS) -> EmbeddingCache:
    """Wrap ``embed`` (docs -> one array per doc, each row from its token alone) with a cache."""
    if "lagebild_cache" in embed.attrs:
        return embed.attrs["lagebild_cache"]
    compute: Callable = embed._func
    cache = EmbeddingCache(width, max_rows)

    def forward(model: Model, docs: list[Doc], is_train: bool):
        if is_train:
            cache.clear()
            return compute(model, docs, is_train)
        weights = _weights_id(model)
        if weights != cache.weights_id:
            cache.clear()
            cache.weights_id = weights
        keys = [_token_keys(doc) for doc in docs]
        missing = _unseen(docs, keys, cache.index)
        if missing and len(cache) + len(missing) > cache.max_rows:
            cache.clear()                   # start afresh; this batch's rows are all recomputed
            missing = _unseen(docs, keys, cache.index)
        if missing:
            cache.add(list(missing), _probe_rows(compute, model, docs[0].vocab, list(missing.values())))
        out = []
        for doc_keys in keys:
            idx = numpy.fromiter((cache.index[k] for k in doc_keys.tolist()), dtype="int64", count=len(doc_keys))
            out.append(model.ops.asarray2f(cache.rows[idx]))
        return out, _no_backprop

    embed._func = forward
    embed.attrs["lagebild_cache"] = cache
    return cache


def _probe_rows(compute: Callable, model: Model, vocab, forms: list[tuple[int, int]]) -> numpy.ndarray:
    """The embedding rows of new word forms ((ORTH, NORM) each), computed in probe docs of at most
    PROBE_WORDS words: each row is a function of its word alone, but floret's vectors gather ~70 table rows
    a word into one array per call, and that array for a batch's thousands of new words costs more to
    allocate than to fill (200 10kGNAD articles: 1.3 s CPU in one probe per batch, less in parts of 1,000)."""
    parts = []
    size = -(-len(forms) // -(-len(forms) // PROBE_WORDS))        # near-equal parts, none tiny
    for start in range(0, len(forms), size):
        chunk = forms[start:start + size]
        probe = Doc(vocab, words=[vocab.strings[orth] for orth, _ in chunk])
        for token, (_, norm) in zip(probe, chunk):
            if token.norm != norm:
                token.norm_ = vocab.strings[norm]
        (rows,), _ = compute(model, [probe], False)
        parts.append(rows)
    return parts[0] if len(parts) == 1 else numpy.concatenate(parts)


def _no_backprop(d_outputs):
    raise RuntimeError("the embedding cache is for inference; a training step calls the layer with is_train=True")


def cache_tok2vec_embeddings(nlp: Language) -> list[EmbeddingCache]:
    """Cache the embedding stage of each ``tok2vec`` component built by spacy.Tok2Vec.v2."""
    caches = []
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if type(proc).__name__ != "Tok2Vec" or not isinstance(model, Model) or not model.layers:
            continue
        embed = model.layers[0]
        if embed.name.endswith("ragged2list") and model.has_dim("nO"):
            caches.append(cache_embeddings(embed, model.get_dim("nO")))
    return caches


def speed_up(nlp: Language) -> Language:
    """OpenBLAS matrix products + the per-word embedding cache (outputs unchanged)."""
    use_openblas(nlp)
    cache_tok2vec_embeddings(nlp)
    return nlp


@registry.callbacks("lagebild.fast_inference.v1")
def make_fast_inference():
    """``[nlp.after_pipeline_creation]`` callback: :func:`speed_up` on the new pipeline."""
    return speed_up
