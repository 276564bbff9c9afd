"""Benchmarks for de_lagebild: GermEval 2014 NER, UD German-GSD syntax, speed.

All evaluation runs on pre-tokenised Docs (``nlp(Doc)``), the way the external
checks call the pipeline. Test sets are read here and nowhere in training.
"""
from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .corpus import NER_LABELS, iob_to_spans, read_conllu, read_germeval


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2), "support": tp + fn}


def ner_scores(nlp: Language, path: Path, *, limit: int = 0) -> dict:
    """conlleval-style outer-chunk micro P/R/F1 (exact span + label) and per class."""
    sents = list(read_germeval(path))
    return ner_prf(nlp, sents[:limit] if limit else sents)


def docs_to_iob(docs) -> list[tuple[list[str], list[str]]]:
    """(words, IOB2 tags) from annotated Docs (e.g. the held-out DocBin)."""
    out = []
    for d in docs:
        tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in d]
        out.append(([t.text for t in d], tags))
    return out


def ner_prf(nlp: Language, sents: list[tuple[list[str], list[str]]]) -> dict:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    docs = (Doc(nlp.vocab, words=w) for w, _ in sents)
    for (_words, tags), doc in zip(sents, nlp.pipe(docs, batch_size=256)):
        gold = set(iob_to_spans(tags))
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        for s in gold & pred:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    out = {"micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())), "sentences": len(sents)}
    out["per_class"] = {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in NER_LABELS}
    return out


def _gold_sentences(path: Path, limit: int = 0) -> list[list[dict]]:
    sents = list(read_conllu(path))
    return sents[:limit] if limit else sents


def _sentence_doc(nlp: Language, sent: list[dict]) -> Doc:
    doc = Doc(nlp.vocab, words=[t["word"] for t in sent], spaces=[t["space"] for t in sent])
    # gold sentence boundaries, as in the usual UD evaluation with gold segmentation
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0
    return doc


def ud_scores(nlp: Language, path: Path, *, limit: int = 0) -> dict:
    """Token accuracies (UPOS, STTS, morph, lemma) and UAS/LAS on gold sentences.

    Multi-word tokens (``im`` = in + dem) are merged to spaCy's surface tokens;
    LAS compares the universal relation (the part before ':')."""
    sents = _gold_sentences(path, limit)
    c: Counter[str] = Counter()
    docs = (_sentence_doc(nlp, s) for s in sents)
    for sent, doc in zip(sents, nlp.pipe(docs, batch_size=256)):
        for g, t in zip(sent, doc):
            c["n"] += 1
            c["upos"] += t.pos_ == g["pos"]
            c["xpos"] += t.tag_ == g["tag"]
            c["morph"] += str(t.morph) == (g["morph"] if g["morph"] != "_" else "")
            c["lemma"] += t.lemma_ == g["lemma"]
            gold_head = t.i if g["head"] == -1 else g["head"]
            if t.head.i == gold_head:
                c["uas"] += 1
                gdep = "root" if g["head"] == -1 else g["dep"].split(":")[0]
                pdep = t.dep_.split(":")[0]
                pdep = "root" if pdep == "ROOT" else pdep
                c["las"] += pdep == gdep
    n = c["n"] or 1
    return {k: round(100 * c[k] / n, 2) for k in ("upos", "xpos", "morph", "lemma", "uas", "las")} | {"tokens": c["n"]}


def hanta_scores(path: Path, *, limit: int = 0) -> dict:
    """HanTa (TIGER-trained HMM) STTS tag and lemma accuracy on the same tokens."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    sents = _gold_sentences(path, limit)
    c: Counter[str] = Counter()
    t0 = time.perf_counter()
    for sent in sents:
        words = [t["word"] for t in sent]
        for g, (_, lemma, tag) in zip(sent, tagger.tag_sent(words, taglevel=1)):
            c["n"] += 1
            c["xpos"] += tag.replace("(", "").replace(")", "") == g["tag"]
            c["lemma"] += lemma == g["lemma"]
    secs = time.perf_counter() - t0
    n = c["n"] or 1
    return {"xpos": round(100 * c["xpos"] / n, 2), "lemma": round(100 * c["lemma"] / n, 2),
            "tokens": c["n"], "words_per_s": round(c["n"] / secs)}


def gnad_texts(data_dir: Path, n: int = 200) -> list[str]:
    """10kGNAD test articles (derStandard) for throughput figures."""
    csv.field_size_limit(sys.maxsize)
    path = data_dir / "10kgnad" / "test.csv"
    with path.open(encoding="utf-8") as f:
        rows = [r[1].strip("'") for r in csv.reader(f, delimiter=";", quotechar="'") if len(r) >= 2]
    return rows[:n]


def speed(nlp: Language, texts: list[str], *, batch_size: int = 64) -> dict:
    """Words per second of the whole pipeline on raw text (tokenising included)."""
    list(nlp.pipe(texts[:5]))          # warm-up
    t0 = time.perf_counter()
    words = sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size))
    secs = time.perf_counter() - t0
    return {"words": words, "seconds": round(secs, 2), "words_per_s": round(words / secs)}
