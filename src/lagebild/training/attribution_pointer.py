"""Train the joint decider of the learned attribution component (`learned.Pointer`) on the quotation corpus.

    python -m lagebild.training.attribution_pointer --cache DIR [--weights DIR] [--out DIR] [--epochs N]
                                                    [--dim D] [--rows R] [--seed S] [--members M] [--threshold X]

Reads the parsed train/dev DocBins and the tagger's out-of-fold train probabilities in ``--cache`` (made by
``lagebild.training.attribution_tagger`` / ``lagebild.training.attribution --cache``), builds for every train
sentence its features and its candidates' features (with the gold speaker of the quotation before as the chain,
as the ranker is trained) and fits one softmax per sentence over "no quotation" and the candidates: the target is
the gold speaker where the sentence holds a quotation whose speaker is among them, else "no quotation" (a speaker
there could only be wrong in the speaker F1). AdaGrad on the linear weights and the two embeddings, an L2 penalty
on the touched rows. The pointer's threshold is chosen on the dev split by the end-to-end speaker F1 (token
overlap), unless given; the test split is never read. The pointer is written beside the component's weights
(``--weights``, default the packaged ones) as its own file (``learned.POINTER_FILE``) into ``--out`` (default: the
same folder; elsewhere the component's and the tagger's weights are copied beside it), meta.json's "pointer" noting
what it is, its licence and the command.
"""
from __future__ import annotations

import argparse
import json
import shutil
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..extract.attribution import learned as L
from .attribution import _dev_f1, _docs, _examples, chained_candidates
from .quotation_corpus import load_split

Unit = tuple[np.ndarray, list[np.ndarray], int, list[int]]   # sentence feats, candidates' feats, label, gold ones


def units(train) -> list[Unit]:
    """Each train sentence with candidates: its features, its candidates' (the gold chain's features added), whether
    it holds a quotation with a speaker, and which candidates are that speaker."""
    out = []
    for _art, doc, fx, sent_y, spk_y, chains in train:
        for si in range(len(fx.sents)):
            cands = [np.array(f, dtype=np.int64) for f in chained_candidates(doc, fx, si, chains[si])]
            if cands:
                out.append((np.array(fx.sent_feats[si], dtype=np.int64), cands, sent_y[si],
                            [j for j, y in enumerate(spk_y[si]) if y]))
    return out


def fit(data: list[Unit], epochs: int = 3, lr: float = 0.05, l2: float = 0.05, emb_lr: float = 0.05,
        emb_l2: float = 1e-4, dim: int = 16, seed: int = 0, rows: int = L.POINTER_ROWS) -> L.Pointer:
    """The pointer by AdaGrad over the softmax of each unit (the gold speakers' shares summed: any of the
    candidates that are the gold speaker's tokens is right); the embeddings fold the hashes onto `rows` rows."""
    rng = np.random.default_rng(seed)
    sw, kw = np.zeros(L.DIM), np.zeros(L.DIM)
    gs, gk = np.full(L.DIM, 1e-6), np.full(L.DIM, 1e-6)
    b, gb = 0.0, 1e-6
    es, ek = rng.normal(0, 0.05, (rows, dim)), rng.normal(0, 0.05, (rows, dim))
    ges, gek = np.full((rows, dim), 1e-6), np.full((rows, dim), 1e-6)
    order = np.arange(len(data))
    for epoch in range(epochs):
        rng.shuffle(order)
        loss = 0.0
        for k in order:
            sf, cands, label, gold = data[k]
            sfh = sf % rows
            hs = np.tanh(es[sfh].sum(0))
            hc = np.tanh(np.stack([ek[c % rows].sum(0) for c in cands]))
            z = np.zeros(len(cands) + 1)
            z[1:] = b + sw[sf].sum() + np.array([kw[c].sum() for c in cands]) + hc @ hs
            p = np.exp(z - z.max())
            p /= p.sum()
            t = np.zeros_like(p)
            if label and gold:
                g = np.array(gold) + 1
                t[g] = p[g] / p[g].sum()
            else:
                t[0] = 1.0
            loss -= np.log(max(1e-12, float(p[t > 0].sum())))
            dz = (p - t)[1:]
            ds = dz.sum()
            grad = ds + l2 * sw[sf]
            gs[sf] += grad * grad
            sw[sf] -= lr * grad / np.sqrt(gs[sf])
            gb += ds * ds
            b -= lr * ds / np.sqrt(gb)
            dhs = (dz[:, None] * hc).sum(0) * (1 - hs * hs)
            dhc = dz[:, None] * hs[None, :] * (1 - hc * hc)
            for j, c in enumerate(cands):
                grad = dz[j] + l2 * kw[c]
                gk[c] += grad * grad
                kw[c] -= lr * grad / np.sqrt(gk[c])
                ch = c % rows
                ge = dhc[j][None, :] + emb_l2 * ek[ch]
                np.add.at(gek, ch, ge * ge)
                np.add.at(ek, ch, -emb_lr * ge / np.sqrt(gek[ch]))
            ge = dhs[None, :] + emb_l2 * es[sfh]
            np.add.at(ges, sfh, ge * ge)
            np.add.at(es, sfh, -emb_lr * ge / np.sqrt(ges[sfh]))
        print(f"epoch {epoch}: loss {loss / max(1, len(data)):.4f}", flush=True)
    return L.Pointer(sw[None], np.array([b]), kw[None], es[None], ek[None])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, required=True,
                    help="train.spacy, dev.spacy and tagger_oof.npz (the tagger's out-of-fold train probabilities)")
    ap.add_argument("--weights", type=Path, default=L.MODEL_DIR, help="the component's weights the pointer joins")
    ap.add_argument("--out", type=Path, default=None, help="where to write (default: --weights)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--dim", type=int, default=16)
    ap.add_argument("--rows", type=int, default=L.POINTER_ROWS, help="embedding rows the hashes are folded onto")
    ap.add_argument("--seed", type=int, default=0, help="the first member's seed (the others: the next ones)")
    ap.add_argument("--members", type=int, default=4, help="pointers trained from other random starts, averaged")
    ap.add_argument("--threshold", type=float, default=None, help="the pointer's threshold (default: dev's best)")
    ap.add_argument("--limit", type=int, default=None, help="first N train/dev articles (smoke test)")
    a = ap.parse_args(argv)
    from .. import nlp as lnlp

    model = L.load_model(str(a.weights))
    if model is None or model.tagger is None:
        raise SystemExit(f"no component weights reading the tagger in {a.weights}")
    model = replace(model, pointer=None)
    nlp = lnlp.load()
    t0 = time.perf_counter()
    oof = np.load(a.cache / "tagger_oof.npz")
    train = _examples(nlp, load_split("train", a.limit), a.cache / "train.spacy",
                      lambda k, doc: oof[str(k)].astype(np.float32), model.speech_acts)
    data = units(train)
    print(f"{len(data)} train sentences with candidates in {time.perf_counter() - t0:.0f} s", flush=True)
    ptr = L.Pointer.members([fit(data, a.epochs, dim=a.dim, seed=a.seed + k, rows=a.rows)
                             for k in range(a.members)], 0.35)
    dev_arts = load_split("dev", a.limit)
    dev = [(art, doc, L.model_features(doc, model)) for art, doc in
           zip(dev_arts, _docs(nlp, dev_arts, a.cache / "dev.spacy"))]
    best = (-1.0, 0.0)
    for th in [a.threshold] if a.threshold is not None else (0.25, 0.3, 0.35, 0.4):
        f1 = _dev_f1(replace(model, pointer=replace(ptr, threshold=th)), dev)
        print(f"dev speaker F1 (overlap) {f1:.4f} at pointer threshold {th}", flush=True)
        best = max(best, (f1, th))
    ptr = replace(ptr, threshold=best[1])
    out = a.out or a.weights
    if out.resolve() != a.weights.resolve():     # the component's weights and the tagger's beside the pointer
        out.mkdir(parents=True, exist_ok=True)
        tagger = "attribution_tagger"
        for src, dst in ((a.weights, out), (a.weights.parent / tagger, out.parent / tagger)):
            dst.mkdir(parents=True, exist_ok=True)
            for f in ("weights.npz", "meta.json"):
                if (src / f).exists():
                    shutil.copyfile(src / f, dst / f)
    np.savez_compressed(out / L.POINTER_FILE, **ptr.arrays())
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    meta["pointer"] = _meta(a, len(data), best)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"dev speaker F1 (overlap) {best[0]:.4f} at pointer threshold {best[1]}; wrote {out / L.POINTER_FILE}")
    return 0


def _meta(a: argparse.Namespace, n_units: int, best: tuple[float, float]) -> dict:
    """meta.json's "pointer": what it is, what it was trained on, its licence, how to make it again."""
    command = (f"python -m lagebild.training.attribution_pointer --cache {a.cache} --epochs {a.epochs} "
               f"--dim {a.dim} --rows {a.rows} --seed {a.seed} --members {a.members}"
               + (f" --threshold {a.threshold}" if a.threshold is not None else ""))
    return {
        "file": L.POINTER_FILE,
        "what": "joint decider per sentence (learned.Pointer): a softmax over 'no quotation' and each speaker "
                "candidate, linear weights plus an interaction of hashed sentence and candidate embeddings; "
                f"{a.members} members from other random starts averaged; int8 with a float16 scale per row",
        "trained_on": f"German news quotation attribution corpus (Petersen-Frey & Biemann, LREC-COLING 2024), train "
                      f"split ({n_units} sentences with candidates); threshold chosen on its dev split; test not read",
        "license": "CC BY-NC-SA 4.0 (trained on a corpus under that licence: non-commercial, share alike)",
        "threshold": best[1], "dev_speaker_f1_overlap": round(best[0], 4),
        "training": {"epochs": a.epochs, "dim": a.dim, "rows": a.rows, "seed": a.seed, "members": a.members,
                     "optimiser": "AdaGrad lr 0.05, L2 0.05 on the linear rows, 1e-4 on the embeddings",
                     "cache": "train.spacy / dev.spacy (the corpus parsed by lagebild.nlp) and tagger_oof.npz (the "
                              "tagger's out-of-fold train probabilities), as lagebild.training.attribution --cache "
                              "makes them",
                     "command": command},
    }


if __name__ == "__main__":
    raise SystemExit(main())
