"""Speed of lagebild's German pipeline (de_lagebild) on one core.

    .venv/bin/python benchmarks/bench_nlp.py [--docs 200] [--repeats 3] [--batch-size 64]
                                             [--exclude parser] [--plain]

Texts: 10kGNAD test articles (derStandard) from ../shared/data/10kgnad, read in
place. Prints the load time, then words/s (spaCy tokens, punctuation included,
tokenising included) for the whole pipeline: the median over ``--repeats``
fresh loads, each a first pass over the articles (the per-word embedding cache
of lagebild.nlp.speed starts empty), then a second pass over the same articles
(cache warm, as in a long build). Then the time share of each component.
``--plain`` measures spaCy's own defaults (blis, no cache) for comparison.
Accuracy figures come from ``python -m lagebild.training evaluate``.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

# one core: set before numpy/BLIS load
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--model", type=Path, default=None, help="pipeline directory (default: the packaged one)")
    ap.add_argument("--exclude", nargs="*", default=[], help="components to leave out")
    ap.add_argument("--repeats", type=int, default=3, help="fresh loads to take the median over")
    ap.add_argument("--plain", action="store_true", help="spaCy defaults: no lagebild.nlp.speed")
    args = ap.parse_args(argv)
    if not (DATA / "10kgnad" / "test.csv").exists():
        print(f"10kGNAD not found under {DATA}", file=sys.stderr)
        return 2
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})     # really one core
    except (AttributeError, OSError):
        pass

    import statistics

    import spacy

    from lagebild.nlp import MODEL_DIR, load
    from lagebild.training.evaluate import gnad_texts

    def fresh():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if args.plain:
                return spacy.load(args.model or MODEL_DIR, exclude=list(args.exclude))
            return load(args.model, exclude=tuple(args.exclude))

    texts = gnad_texts(DATA, args.docs + 5)
    texts, warm_up = texts[:args.docs], texts[args.docs:]
    loads, cold, warm = [], [], []
    for _ in range(max(1, args.repeats)):
        t0 = time.perf_counter()
        nlp = fresh()
        loads.append(time.perf_counter() - t0)
        list(nlp.pipe(warm_up))                                 # other articles: first-call costs
        for runs in (cold, warm):
            t0 = time.perf_counter()
            n_words = sum(len(d) for d in nlp.pipe(texts, batch_size=args.batch_size))
            runs.append(n_words / (time.perf_counter() - t0))
    load_s = statistics.median(loads)
    docs = [nlp.make_doc(t) for t in texts]
    shares = {}
    for name, proc in nlp.pipeline:
        t1 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=args.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        shares[name] = time.perf_counter() - t1

    print(f"model      {args.model or 'de_lagebild (packaged)'}  components: {', '.join(nlp.pipe_names)}")
    print(f"load       {load_s:.2f} s (median of {len(loads)})")
    print(f"throughput {statistics.median(cold):,.0f} words/s first pass, {statistics.median(warm):,.0f} second pass "
          f"(medians of {len(cold)}; {n_words:,} words, {len(texts)} articles, 1 core{', spaCy defaults' if args.plain else ''})")
    print("           first passes: " + ", ".join(f"{x:,.0f}" for x in cold))
    for name, secs in shares.items():
        print(f"  {name:<22} {1e6 * secs / n_words:6.1f} µs/word")
    return 0


if __name__ == "__main__":
    sys.exit(main())
