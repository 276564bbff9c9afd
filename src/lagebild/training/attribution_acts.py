"""Train the Reported-speech decision of the learned attribution (`extract.attribution.speech_acts`) on the quotation
corpus.

    python -m lagebild.training.attribution_acts --cache DIR [--epochs N] [--l2 X] [--min-count K]
                                                 [--threshold X] [--out FILE]

Reads the parsed train DocBin in ``--cache`` (``train.spacy``, as ``lagebild.training.attribution --cache`` makes it).
Every (verb, argument) pair of a train sentence (`speech_acts.clause_verbs`, `speech_acts.arguments`) is a row: its
features (`speech_acts.pair_features`) and its label - a gold quotation (any type) overlaps the sentence and its
speaker holds the argument's head or a word of its name. A logistic regression (AdaGrad, L2 on the touched weights)
over the features seen at least ``--min-count`` times. The threshold is given (chosen on dev with the component's
output: `benchmarks/attribution_errors.py --acts FILE --acts-threshold X`); the test split is never read. Written as
JSON with its meta (licence: CC BY-NC-SA 4.0, the corpus' licence; the command) to ``--out`` (default: the packaged
file).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from ..extract.attribution import speech_acts as S
from .attribution import _docs
from .quotation_corpus import Article, load_split

LICENSE = "CC BY-NC-SA 4.0 (trained on a corpus under that licence: non-commercial, share alike)"


def _speaker_ids(art: Article, arg) -> frozenset[int]:
    """Corpus token ids of the argument's head and the words of its name (``Angela`` of ``Angela Merkel``)."""
    toks = [arg] + [c for c in arg.children if c.dep_ in ("flat", "flat:name", "compound")]
    return frozenset().union(*(art.ids(t.idx, t.idx + len(t.text)) for t in toks))


def rows_of(art: Article, doc, types: tuple[str, ...] | None = None) -> list[tuple[list[str], int]]:
    """The (features, label) row of every (verb, argument) pair of the article's sentences; ``types``: only a gold
    quotation of one of these types is a positive."""
    out = []
    for sent in doc.sents:
        ids = art.ids(sent.start_char, sent.end_char)
        golds = [g for g in art.gold if g.speaker and g.quote & ids and (types is None or g.type in types)]
        for verb in S.clause_verbs(sent):
            for arg in S.arguments(verb):
                spk = _speaker_ids(art, arg)
                out.append((S.pair_features(verb, arg), int(any(g.speaker & spk for g in golds))))
    return out


def fit(rows: list[tuple[list[str], int]], epochs: int = 5, l2: float = 1e-3, min_count: int = 2,
        lr: float = 0.1, seed: int = 0) -> tuple[dict[str, float], float]:
    """Logistic regression by AdaGrad over the features seen at least min_count times."""
    counts = Counter(f for feats, _ in rows for f in set(feats))
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    data = [(np.array(sorted({vocab[f] for f in feats if f in vocab}), dtype=np.int64), y) for feats, y in rows]
    w, g = np.zeros(len(vocab)), np.full(len(vocab), 1e-6)
    b, gb = 0.0, 1e-6
    rng = np.random.default_rng(seed)
    order = np.arange(len(data))
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            ix, y = data[k]
            p = 1.0 / (1.0 + np.exp(-(b + w[ix].sum())))
            grad = p - y + l2 * w[ix]
            g[ix] += grad * grad
            w[ix] -= lr * grad / np.sqrt(g[ix])
            gb += (p - y) ** 2
            b -= lr * (p - y) / np.sqrt(gb)
    return {f: round(float(w[k]), 4) for f, k in vocab.items() if abs(w[k]) >= 1e-4}, round(float(b), 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=S.MODEL_FILE)
    a = ap.parse_args(argv)
    from .. import nlp as lnlp

    arts = load_split("train")
    docs = _docs(lnlp.load(), arts, a.cache / "train.spacy")
    rows = [r for art, doc in zip(arts, docs) for r in rows_of(art, doc)]
    weights, bias = fit(rows, a.epochs, a.l2, a.min_count)
    meta = {
        "what": "Reported speech by a learned decision (extract/attribution/speech_acts.py): logistic regression "
                "over (verb, argument) pairs of a clause, read from the parse",
        "trained_on": "German news quotation attribution corpus (Petersen-Frey & Biemann, LREC-COLING 2024), train "
                      f"split ({len(arts)} articles, {len(rows)} pairs, {sum(y for _, y in rows)} positive); "
                      "threshold chosen on its dev split; test not read",
        "license": LICENSE,
        "training": {"epochs": a.epochs, "l2": a.l2, "min_count": a.min_count, "optimiser": "AdaGrad lr 0.1",
                     "command": "python -m lagebild.training.attribution_acts --cache DIR "
                                f"--epochs {a.epochs} --l2 {a.l2} --min-count {a.min_count} "
                                f"--threshold {a.threshold}"},
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({"meta": meta, "threshold": a.threshold, "bias": bias, "weights": weights},
                                ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows, {sum(y for _, y in rows)} positive, {len(weights)} weights -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
