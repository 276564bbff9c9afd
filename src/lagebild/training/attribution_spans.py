"""Train the quotation span tagger (`extract.attribution.spans`) on the quotation corpus' train split.

    python -m lagebild.training.attribution_spans [--cache DIR] [--out DIR] [--epochs N] [--l2 X]

Each token of our parse is labelled from the corpus' gold quotations (any type): ``B`` where it opens one (no
token of the same quotation before it), ``I`` inside, ``O`` outside; a token belongs to a quotation where it shares a
character with one of the quotation's corpus tokens. One softmax layer over the hashed features, AdaGrad over
mini-batches, L2 on the rows touched. The corpus is CC BY-NC-SA 4.0 (Petersen-Frey & Biemann, LREC-COLING 2024): the
weights are a work trained on it and carry its licence in their meta.json.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from ..extract.attribution import spans as S
from ..extract.attribution.quotations import quotations
from .attribution import _docs
from .quotation_corpus import Article, load_split

LICENCE = ("CC BY-NC-SA 4.0 - trained on the German news quotation attribution corpus (Petersen-Frey & Biemann, "
           "LREC-COLING 2024, German Wikinews); a work trained on it, for non-commercial use, shared alike")


def labels(art: Article, doc) -> np.ndarray:
    """B / I / O of each token of the Doc by the article's gold quotations."""
    y = np.full(len(doc), S.O, dtype=np.int64)
    for g in art.gold:
        if not g.quote:
            continue
        first = True
        for t in doc:
            if art.ids(t.idx, t.idx + len(t.text)) & g.quote:
                if first:
                    y[t.i] = S.B
                    first = False
                elif y[t.i] != S.B:
                    y[t.i] = S.I
    return y


def examples(nlp, arts: list[Article], cache: Path | None) -> tuple[list[list[int]], np.ndarray]:
    feats: list[list[int]] = []
    ys = []
    for art, doc in zip(arts, _docs(nlp, arts, cache)):
        feats.extend(S.token_features(doc, quotations(doc)))
        ys.append(labels(art, doc))
    return feats, np.concatenate(ys)


def _padded(feats: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(f) for f in feats)
    idx = np.array([f + [f[0]] * (width - len(f)) for f in feats], dtype=np.int64)
    mask = np.array([[1.0] * len(f) + [0.0] * (width - len(f)) for f in feats], dtype=np.float32)
    return idx, mask


def fit(feats: list[list[int]], y: np.ndarray, epochs: int = 4, rate: float = 0.2, l2: float = 1e-6,
        batch: int = 256, seed: int = 0) -> S.SpanModel:
    """Softmax regression by AdaGrad over mini-batches."""
    rng = np.random.default_rng(seed)
    idx, mask = _padded(feats)
    w = np.zeros((S.DIM, len(S.LABELS)), dtype=np.float32)
    b = np.zeros(len(S.LABELS), dtype=np.float32)
    gw = np.full_like(w, 1e-6)
    gb = np.full_like(b, 1e-6)
    onehot = np.eye(len(S.LABELS), dtype=np.float32)[y]
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for lo in range(0, len(order), batch):
            sel = order[lo: lo + batch]
            ix, mk = idx[sel], mask[sel]
            z = (w[ix] * mk[:, :, None]).sum(axis=1) + b
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            d = (p - onehot[sel]) / len(sel)
            rows = ix.ravel()
            grad = np.zeros((len(rows), len(S.LABELS)), dtype=np.float32)
            grad[:] = (d[:, None, :] * mk[:, :, None]).reshape(-1, len(S.LABELS))
            uniq, inv = np.unique(rows, return_inverse=True)
            g = np.zeros((len(uniq), len(S.LABELS)), dtype=np.float32)
            np.add.at(g, inv, grad)
            g += l2 * w[uniq]
            gw[uniq] += g * g
            w[uniq] -= rate * g / np.sqrt(gw[uniq])
            db = d.sum(axis=0)
            gb += db * db
            b -= rate * db / np.sqrt(gb)
    return S.SpanModel(w, b)


def token_scores(model: S.SpanModel, feats: list[list[int]], y: np.ndarray) -> dict[str, float]:
    """Token accuracy and the in-quotation F1 (B or I against O)."""
    pred = np.argmax(model.probabilities(feats), axis=1)
    inside, gold_in = pred != S.O, y != S.O
    tp = float((inside & gold_in).sum())
    p = tp / max(1.0, float(inside.sum()))
    r = tp / max(1.0, float(gold_in.sum()))
    return {"accuracy": float((pred == y).mean()), "in_p": p, "in_r": r, "in_f1": 2 * p * r / (p + r) if p + r else 0.0}


def main(argv: list[str] | None = None) -> int:
    from .. import nlp as lnlp

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="folder of the parsed DocBins (<split>.spacy)")
    ap.add_argument("--out", type=Path, default=S.MODEL_DIR)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--l2", type=float, default=1e-6)
    ap.add_argument("--rate", type=float, default=0.2)
    a = ap.parse_args(argv)
    nlp = lnlp.load()
    t0 = time.time()
    train = load_split("train")
    fx, y = examples(nlp, train, a.cache / "train.spacy" if a.cache else None)
    dev = load_split("dev")
    dfx, dy = examples(nlp, dev, a.cache / "dev.spacy" if a.cache else None)
    print(f"features: {len(y)} train tokens, {len(dy)} dev tokens ({time.time() - t0:.0f} s)")
    model = fit(fx, y, epochs=a.epochs, rate=a.rate, l2=a.l2)
    scores = {"train": token_scores(model, fx, y), "dev": token_scores(model, dfx, dy)}
    print(scores)
    meta = {"name": "attribution_spans", "licence": LICENCE, "labels": list(S.LABELS), "dim": S.DIM,
            "trained_on": "german_news_quotation_attribution_2024 train split (700 articles)",
            "training": {"epochs": a.epochs, "l2": a.l2, "rate": a.rate, "tokens": int(len(y))}, "token_scores": scores}
    model.save(a.out, meta)
    print(f"saved {a.out} ({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
