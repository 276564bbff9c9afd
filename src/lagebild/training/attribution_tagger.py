"""Train the speaker/cue/quotation tagger (extract/attribution/tagger.py) on the quotation corpus.

    python -m lagebild.training.attribution_tagger --cache DIR [--out DIR] [--epochs N] [--folds K] [--limit N]

Reads the corpus' train split (700 articles) parsed by lagebild's pipeline (``--cache``: the DocBins
``train.spacy``/``dev.spacy`` that ``lagebild.training.attribution`` keeps), labels each token SPK (part of
a gold speaker), CUE, QUOTE or O, and trains the thinc CNN with Adam, one epoch at a time, keeping the
weights of the epoch with the lowest dev loss (a checkpoint is written after each better epoch). With
``--folds K`` it first trains K models on K-1 parts of train each and writes the probabilities each gives
the part it did not see (``tagger_oof.npz`` in the cache): the learned attribution component is trained
on those, so that its weights learn how far to trust the tagger on unseen text. The test split is never
read. Seed 0. The weights are trained on a CC BY-NC-SA 4.0 corpus (said in meta.json).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..extract.attribution import tagger as T
from .quotation_corpus import Article, load_split


def labels(art: Article, doc) -> np.ndarray:
    """Each token's label index: SPK before CUE before QUOTE before O."""
    spk = frozenset().union(*(g.speaker for g in art.gold))
    cue = frozenset().union(*(g.cue for g in art.gold))
    quote = frozenset().union(*(g.quote for g in art.gold))
    out = np.zeros(len(doc), dtype="int32")
    for t in doc:
        if t.is_space:
            continue
        ids = art.ids(t.idx, t.idx + len(t.text))
        out[t.i] = T.SPK if ids & spk else T.CUE if ids & cue else T.QUOTE if ids & quote else 0
    return out


def _loss(model, docs, ys) -> tuple[float, float]:
    """Mean log loss of SPK against the rest per token (what the speaker ranker reads) and the token F1
    of SPK by argmax."""
    total, n, tp, sys_n, gold_n = 0.0, 0, 0, 0, 0
    for k in range(0, len(docs), 16):
        for p, y in zip(model.predict(docs[k: k + 16]), ys[k: k + 16]):
            p = np.asarray(p)
            ps = np.clip(p[:, T.SPK], 1e-7, 1 - 1e-7)
            total -= float(np.where(y == T.SPK, np.log(ps), np.log(1 - ps)).sum())
            n += len(y)
            guess = p.argmax(1)
            tp += int(((guess == T.SPK) & (y == T.SPK)).sum())
            sys_n += int((guess == T.SPK).sum())
            gold_n += int((y == T.SPK).sum())
    f1 = 2 * tp / (sys_n + gold_n) if sys_n + gold_n else 0.0
    return total / max(n, 1), f1


def train(docs, ys, dev_docs, dev_ys, epochs: int, seed: int = 0, lr: float = 0.001, dropout: float = 0.2,
          window: int = T.WINDOW,
          ckpt: Path | None = None, meta: dict | None = None, tag: str = ""):
    from thinc.api import Adam, SequenceCategoricalCrossentropy, fix_random_seed

    fix_random_seed(seed)
    model = T.build(dropout, window)
    T._initialize(model, docs[0])
    opt = Adam(lr, L2=1e-6, grad_clip=1.0)
    loss_fn = SequenceCategoricalCrossentropy(normalize=True)
    rng = np.random.default_rng(seed)
    best: tuple[float, dict | None, int] = (1e9, None, -1)
    for ep in range(epochs):
        t0 = time.process_time()
        order = rng.permutation(len(docs))
        for k in range(0, len(order), 8):
            batch = [docs[i] for i in order[k: k + 8]]
            guesses, backprop = model.begin_update(batch)
            grads, _ = loss_fn(guesses, [ys[i] for i in order[k: k + 8]])
            backprop(grads)
            model.finish_update(opt)
        loss, f1 = _loss(model, dev_docs, dev_ys)
        better = loss < best[0]
        if better:
            best = (loss, T._params(model), ep)
            if ckpt is not None:
                T.save(model, ckpt, {**(meta or {}), "epoch": ep + 1, "dev_loss": round(loss, 4),
                                     "dev_spk_token_f1": round(f1, 4)})
        print(f"{tag} epoch {ep + 1}: dev loss {loss:.4f}, SPK token F1 {f1:.3f}, "
              f"{time.process_time() - t0:.0f} CPU s{' *' if better else ''}", flush=True)
        if ep - best[2] >= 3:                   # three epochs without a better dev loss: stop
            break
    assert best[1] is not None
    for k, node in enumerate(model.walk()):
        for name in node.param_names:
            if f"{k}.{name}" in best[1]:
                node.set_param(name, best[1][f"{k}.{name}"])
    return model, best[2] + 1, best[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, required=True, help="folder with train.spacy / dev.spacy")
    ap.add_argument("--out", type=Path, default=T.MODEL_DIR)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--folds", type=int, default=2, help="out-of-fold train probabilities (0: none)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--window", type=int, default=T.WINDOW, help="tokens on either side each CNN layer reads")
    a = ap.parse_args(argv)
    from threadpoolctl import threadpool_limits

    from .. import nlp as lnlp
    from .attribution import _docs

    nlp = lnlp.load()
    arts = {s: load_split(s, a.limit) for s in ("train", "dev")}
    docs = {s: _docs(nlp, arts[s], a.cache / f"{s}.spacy") for s in arts}
    ys = {s: [labels(art, d) for art, d in zip(arts[s], docs[s])] for s in arts}
    counts = np.bincount(np.concatenate(ys["train"]), minlength=len(T.LABELS))
    print("train token labels", dict(zip(T.LABELS, counts.tolist())), flush=True)
    meta = {
        "name": "lagebild attribution tagger (thinc CNN: speaker / cue / quotation per token)",
        "trained_on": "German news quotation attribution corpus (Petersen-Frey & Biemann, LREC-COLING 2024), "
                      f"train split ({len(docs['train'])} articles); epoch chosen by its dev split's loss",
        "license": "CC BY-NC-SA 4.0 (the weights are trained on a corpus under that licence: non-commercial, "
                   "share alike)",
        "labels": list(T.LABELS), "attrs": list(T.ATTRS), "rows": list(T.ROWS), "width": T.WIDTH,
        "depth": T.DEPTH, "window": a.window, "seed": 0, "dropout": 0.2,
        "command": f"python -m lagebild.training.attribution_tagger --cache DIR --folds {a.folds}",
    }
    with threadpool_limits(1):
        if a.folds:
            oof: list[np.ndarray | None] = [None] * len(docs["train"])
            for k in range(a.folds):
                part = [i for i in range(len(docs["train"])) if i % a.folds == k]
                rest = [i for i in range(len(docs["train"])) if i % a.folds != k]
                m, ep, loss = train([docs["train"][i] for i in rest], [ys["train"][i] for i in rest],
                                    docs["dev"], ys["dev"], a.epochs, window=a.window, tag=f"fold {k + 1}/{a.folds}")
                for i in part:
                    oof[i] = T.probabilities(m, docs["train"][i]).astype(np.float16)
                print(f"fold {k + 1}: epoch {ep}, dev loss {loss:.4f}", flush=True)
            arrays: dict[str, Any] = {str(i): p for i, p in enumerate(oof)}
            np.savez_compressed(a.cache / "tagger_oof.npz", **arrays)
        model, ep, loss = train(docs["train"], ys["train"], docs["dev"], ys["dev"], a.epochs, window=a.window,
                                ckpt=a.out, meta=meta, tag="full")
    loss, f1 = _loss(model, docs["dev"], ys["dev"])
    T.save(model, a.out, {**meta, "epoch": ep, "dev_loss": round(loss, 4), "dev_spk_token_f1": round(f1, 4)})
    print(f"full: epoch {ep}, dev loss {loss:.4f}, SPK token F1 {f1:.3f}; wrote {a.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
