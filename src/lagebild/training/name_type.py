"""Train and measure the name-typing component (`lagebild.extract.name_type`).

    python -m lagebild.training.name_type [--data ../shared/data] [--epochs 4] [--save]

Examples from GermEval 2014 *dev* (the only GermEval training text here; the NER learnt from it too):
every outer gold chunk PER/LOC/ORG/OTH (the ``deriv``/``part`` chunks are no names of their own) and every
capitalised word outside a chunk that does not open its sentence (class NONE: common nouns), each with the
parse of our pipeline (NER off). Every 10th sentence is held out to choose the threshold. Measured on
GermEval 2014 *test* (the NER benchmark, never trained or tuned on): type accuracy on gold chunks, and the
outer-chunk F1 of our NER before and after the NER's persons are retyped (`name_type.retype`).
Nothing of the corpora is written to the repository; the weights are features hashed to numbers.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from ..extract import name_type as N
from .corpus import iob_to_spans, read_germeval

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def _parsed(nlp, sents, ner: bool) -> list[Doc]:
    off = [] if ner else [p for p in ("ner", "lagebild_gazetteer") if p in nlp.pipe_names]
    with nlp.select_pipes(disable=off):
        return list(nlp.pipe((Doc(nlp.vocab, words=w) for w, _ in sents), batch_size=128))


def _label(lab: str) -> str | None:
    return None if lab.endswith(("deriv", "part")) else lab


def examples(docs: list[Doc], sents) -> list[tuple[list[int], int, Span, list[int]]]:
    """(hashed features, class index, span) for the gold chunks and the capitalised words outside them."""
    out = []
    for doc, (_w, tags) in zip(docs, sents):
        inside: set[int] = set()
        for s, e, lab in iob_to_spans(tags):
            inside.update(range(s, e))
            if (base := _label(lab)) is not None:
                out.append(_row(doc[s:e], base))
        for t in doc:
            if t.i not in inside and t.is_alpha and len(t.text) > 1 and t.text[0].isupper() \
                    and not t.is_sent_start and not t.text.isupper():
                out.append(_row(doc[t.i:t.i + 1], "NONE"))
    return out


# The span's own words: memorised names. Training drops them from half the examples (``fit``), so that the
# context and the lexicon's evidence carry a name never seen in training ("Granulat", a product's name).
WORD_FEATURES = ("w=", "first=", "last=")


def _row(span: Span, label: str) -> tuple[list[int], int, Span, list[int]]:
    feats = N.features(span)
    return (N.hashed(feats), N.CLASSES.index(label), span,
            N.hashed([f for f in feats if not f.startswith(WORD_FEATURES)]))


def fit(rows, epochs: int, lr: float = 0.3, seed: int = 0, drop: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by AdaGrad over hashed binary features; an example is seen without its own
    words (`WORD_FEATURES`) with probability ``drop``."""
    k = len(N.CLASSES)
    w = np.zeros((N.DIM, k))
    g = np.full((N.DIM, k), 1e-6)
    b, gb = np.zeros(k), np.full(k, 1e-6)
    rng = np.random.default_rng(seed)
    order = np.arange(len(rows))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            idx, y = rows[i][3] if rng.random() < drop else rows[i][0], rows[i][1]
            z = b + w[idx].sum(axis=0)
            p = np.exp(z - z.max())
            p /= p.sum()
            p[y] -= 1.0
            g[idx] += p * p
            w[idx] -= lr * p / np.sqrt(g[idx])
            gb += p * p
            b -= lr * p / np.sqrt(gb)
    return w, b


def accuracy(model: N.Model, rows) -> dict:
    conf: Counter[tuple[str, str]] = Counter()
    for idx, y, _span, _ in rows:
        conf[(N.CLASSES[y], N.CLASSES[int(np.argmax(model.probs(idx)))])] += 1
    n = sum(conf.values())
    right = sum(v for (g, p), v in conf.items() if g == p)
    per_class = {c: round(conf[(c, c)] / max(1, sum(v for (g, _), v in conf.items() if g == c)), 3)
                 for c in N.CLASSES}
    return {"n": n, "accuracy": round(right / max(1, n), 4), "per_class_recall": per_class}


def overrule_rates(model: N.Model, rows, thresholds=(0.1, 0.2, 0.3, 0.4, 0.5)) -> dict:
    """Per threshold: share of gold persons the model would overrule (harm), share of gold non-persons it
    would take from a person reading (help), as if the NER had called every chunk a person."""
    out = {}
    ps = [(y, model.probs(idx)) for idx, y, _, _ in rows]
    for t in thresholds:
        per = [p for y, p in ps if y == 0]
        non = [p for y, p in ps if y != 0]
        out[str(t)] = {"persons_overruled": round(sum(_flip(p, t) for p in per) / max(1, len(per)), 4),
                       "non_persons_caught": round(sum(_flip(p, t) for p in non) / max(1, len(non)), 4)}
    return out


def _flip(p: np.ndarray, threshold: float) -> bool:
    return bool(p[0] < threshold and int(np.argmax(p)) != 0)


def ner_f1(docs: list[Doc], sents, model: N.Model | None) -> dict:
    """Outer-chunk micro P/R/F1 of the NER's chunks (exact span and label), the NER's one-word persons
    retyped by ``model`` where given (LOC/ORG/OTH relabelled, NONE dropped), as the entities step does
    (without its article-wide guards: a surname said in full elsewhere, a title before)."""
    tp = fp = fn = 0
    per: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    for doc, (_w, tags) in zip(docs, sents):
        gold = set(iob_to_spans(tags))
        pred = set()
        for e in doc.ents:
            lab = e.label_
            if model is not None and lab == "PER" and len(e) == 1:     # as the entities step asks it
                p = model.probs(N.hashed(N.features(e)))
                best = N.CLASSES[int(np.argmax(p))]
                if p[0] < model.threshold and best != "PER":
                    changed[best] += 1
                    if best == "NONE":
                        continue
                    lab = best
            pred.add((e.start, e.end, lab))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        per["tp"] += sum(1 for s in gold & pred if s[2] == "PER")
        per["fp"] += sum(1 for s in pred - gold if s[2] == "PER")
        per["fn"] += sum(1 for s in gold - pred if s[2] == "PER")
    prf = _prf(tp, fp, fn)
    prf["PER"] = _prf(per["tp"], per["fp"], per["fn"])
    if model is not None:
        prf["retyped"] = dict(changed)
    return prf


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return {"P": round(100 * p, 2), "R": round(100 * r, 2), "F1": round(200 * p * r / max(1e-9, p + r), 2)}


AFTER = "test_ner_after_one_word_persons_retyped"     # the key meta.json gives the retyped NER's figures


def main(argv: list[str] | None = None) -> int:
    from ..nlp import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--threshold", type=float, default=0.2)
    ap.add_argument("--drop", type=float, default=0.5, help="share of examples seen without their own words")
    ap.add_argument("--save", action="store_true", help="write models/name_type (weights.npz, meta.json)")
    ap.add_argument("--no-test", action="store_true", help="skip the GermEval test measure")
    args = ap.parse_args(argv)
    nlp = load()
    t0 = time.time()
    dev = list(read_germeval(args.data / "germeval2014_ner" / "NER-de-dev.tsv"))
    train_s = [s for i, s in enumerate(dev) if i % 10 != 9]
    tune_s = [s for i, s in enumerate(dev) if i % 10 == 9]
    train = examples(_parsed(nlp, train_s, False), train_s)
    tune = examples(_parsed(nlp, tune_s, False), tune_s)
    print(f"examples: train {len(train)} {Counter(N.CLASSES[y] for _, y, _, _ in train)}, tune {len(tune)}"
          f" ({time.time() - t0:.0f} s)", flush=True)
    w, b = fit(train, args.epochs, drop=args.drop)
    model = N.Model(w.astype(np.float32), b.astype(np.float32), args.threshold)
    res: dict = {"tune_types": accuracy(model, tune), "tune_overrule": overrule_rates(model, tune)}
    print(json.dumps(res, indent=1), flush=True)
    if not args.no_test:
        test_s = list(read_germeval(args.data / "germeval2014_ner" / "NER-de-test.tsv"))
        docs = _parsed(nlp, test_s, True)
        res["test_types"] = accuracy(model, examples(docs, test_s))
        res["test_ner_before"] = ner_f1(docs, test_s, None)
        res[AFTER] = ner_f1(docs, test_s, model)
        print(json.dumps({k: res[k] for k in ("test_types", "test_ner_before", AFTER)}, indent=1))
    if args.save:
        N.MODEL_DIR.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(N.MODEL_DIR / "weights.npz", w=w.astype(np.float16), b=b.astype(np.float32),
                            threshold=np.array(args.threshold))
        meta = {"name": "lagebild name typing (softmax regression over hashed span and parse features)",
                "trained_on": "GermEval 2014 dev, 9 of every 10 sentences (gold outer chunks + capitalised "
                              "words outside them as NONE); threshold on the 10th",
                "license": "CC BY 4.0 (GermEval 2014)", "classes": list(N.CLASSES), "dim": N.DIM,
                "epochs": args.epochs, "threshold": args.threshold, "examples": len(train),
                "feature_lists_sha256": N.feature_lists_fingerprint(),
                "feature_data_sha256": N.feature_data_fingerprint(),
                "measured": res}
        if not args.no_test:
            meta["measured_test_note"] = ("GermEval 2014 test, measured once with `python -m "
                                          "lagebild.training.name_type` (same seed: the same weights), never tuned on")
        (N.MODEL_DIR / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
