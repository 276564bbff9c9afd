"""Train and measure the article-domain model (`lagebild.extract.domain`).

    python -m lagebild.training.domain [--csv ../shared/data/10kgnad/test.csv] [--exclude FILE ...] [--save]

The packaged weights: `--exclude training/unseen300.ids --save` (seed 0, 10 epochs; the same rows give the same
weights).

10kGNAD labels each derStandard article with its section. Only its test.csv is here (train.csv is absent from
the snapshot, ../shared/data/README.md), so the model learns from test.csv's rows less every row that a file
under tests/data names (gold of the real-news halves: never trained on) and the rows of each --exclude file (one
id a line, "gnad-NNNN": the unseen sample the rules are checked on). Of the rows left, every 5th is held out and
the accuracy on it printed (the model saved is the one trained on the other four fifths). Nothing of the corpus
is written to the repository: the weights are words hashed to numbers.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

from ..extract import domain as D

ROOT = Path(__file__).resolve().parents[3]
CSV = ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv"
GOLD = ROOT / "tests" / "data"
_ROW_ID = re.compile(r"gnad-(\d{4})\b")
LICENCE = ("trained on 10kGNAD (derStandard articles via the One Million Posts Corpus), CC BY-NC-SA 4.0: "
           "weights learnt from hashed words of non-commercial data - non-commercial use, share alike")


def named_rows(folder: Path) -> set[int]:
    """The 10kGNAD rows that a file under ``folder`` names (gnad-NNNN)."""
    rows: set[int] = set()
    for f in folder.rglob("*"):
        if f.is_file():
            rows.update(int(m) for m in _ROW_ID.findall(f.read_text(encoding="utf-8", errors="ignore")))
    return rows


def read_rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r[0], r[1]) for r in csv.reader(fh, delimiter=";", quotechar="'")]


def design(texts: list[str]) -> list[np.ndarray]:
    return [D.features(t) for t in texts]


def fit(xs: list[np.ndarray], ys: np.ndarray, epochs: int = 10, lr: float = 1.0, l2: float = 0.0,
        seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by stochastic gradient descent (Adagrad) over the sparse rows."""
    k = len(D.CLASSES)
    w = np.zeros((D.DIM, k), dtype=np.float64)
    b = np.zeros(k)
    gw = np.full((D.DIM, k), 1e-8)
    gb = np.full(k, 1e-8)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for i in rng.permutation(len(xs)):
            idx, scale = xs[i], 1.0 / max(np.sqrt(len(xs[i])), 1.0)
            z = w[idx].sum(axis=0) * scale + b
            p = np.exp(z - z.max())
            p /= p.sum()
            p[ys[i]] -= 1.0
            g = np.outer(np.full(len(idx), scale), p) + l2 * w[idx]
            gw[idx] += g * g
            w[idx] -= lr * g / np.sqrt(gw[idx])
            gb += p * p
            b -= lr * p / np.sqrt(gb)
    return w.astype(np.float32), b.astype(np.float32)


def accuracy(model: D.Model, xs: list[np.ndarray], ys: np.ndarray) -> tuple[float, dict[str, float]]:
    pred = np.array([int(model.probs(x).argmax()) for x in xs])
    per = {c: float((pred[ys == i] == i).mean()) if (ys == i).any() else float("nan")
           for i, c in enumerate(D.CLASSES)}
    return float((pred == ys).mean()), per


def coverage(model: D.Model, xs: list[np.ndarray], ys: np.ndarray) -> tuple[float, float]:
    """The share of articles whose best domain reaches the threshold, and the accuracy on those."""
    probs = np.array([model.probs(x) for x in xs])
    taken = probs.max(axis=1) >= model.threshold
    return float(taken.mean()), float((probs.argmax(axis=1)[taken] == ys[taken]).mean()) if taken.any() else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", type=Path, default=CSV)
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a file of article ids (gnad-NNNN) to leave out, e.g. training/unseen300.ids")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--threshold", type=float, default=0.5,
                    help="the least probability at which the domain is taken (below it: none)")
    ap.add_argument("--save", action="store_true", help="write models/domain/weights.npz and meta.json")
    a = ap.parse_args(argv)
    rows = read_rows(a.csv)
    excluded = named_rows(GOLD)
    for f in a.exclude:
        excluded |= {int(m) for m in _ROW_ID.findall(f.read_text(encoding="utf-8"))}
    keep = [i for i in range(len(rows)) if i not in excluded]
    held = keep[::5]
    train = [i for i in keep if i not in set(held)]
    cls = {c: i for i, c in enumerate(D.CLASSES)}
    xs, ys = design([rows[i][1] for i in train]), np.array([cls[rows[i][0]] for i in train])
    hx, hy = design([rows[i][1] for i in held]), np.array([cls[rows[i][0]] for i in held])
    w, b = fit(xs, ys, epochs=a.epochs)
    model = D.Model(w, b, a.threshold)
    acc, per = accuracy(model, hx, hy)
    taken, taken_acc = coverage(model, hx, hy)
    tr_acc, _ = accuracy(model, xs, ys)
    print(f"rows {len(rows)}, excluded {len(excluded)}, train {len(train)}, held out {len(held)}")
    print(f"train classes {dict(Counter(rows[i][0] for i in train))}")
    print(f"accuracy train {tr_acc:.3f}, held out (10kGNAD test.csv less excluded rows, every 5th) {acc:.3f}")
    print(f"held out, domain taken (p >= {a.threshold}): {taken:.2f} of the articles, accuracy {taken_acc:.3f}")
    print("held-out recall per class " + ", ".join(f"{c} {v:.2f}" for c, v in per.items()))
    if a.save:
        D.MODEL_DIR.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(D.MODEL_DIR / "weights.npz", w=w.astype(np.float16), b=b, threshold=np.float32(a.threshold))
        meta = {"name": "lagebild article domain (softmax regression over hashed distinct words, unit length)",
                "classes": list(D.CLASSES), "dim": D.DIM, "epochs": a.epochs, "threshold": a.threshold,
                "trained_on": f"10kGNAD test.csv (train.csv absent) less {len(excluded)} rows named under "
                              f"tests/data or excluded ({', '.join(str(f) for f in a.exclude) or 'none'}): "
                              f"{len(train)} rows; every 5th of the rows left held out",
                "measured": {"held_out_rows": len(held), "accuracy": round(acc, 4), "taken": round(taken, 3),
                             "accuracy_taken": round(taken_acc, 4),
                             "per_class_recall": {c: round(v, 3) for c, v in per.items()}},
                "license": LICENCE}
        (D.MODEL_DIR / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
