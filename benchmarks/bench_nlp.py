"""Speed of lagebild's German pipeline (de_lagebild) on one core.

    .venv/bin/python benchmarks/bench_nlp.py [--docs 200] [--batch-size 64] [--exclude parser]

Texts: 10kGNAD test articles (derStandard) from ../shared/data/10kgnad, read in
place. Prints the load time, then words/s (spaCy tokens, punctuation included,
tokenising included) for the whole pipeline and the time share of each
component. Accuracy figures come from ``python -m lagebild.training evaluate``.
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
    args = ap.parse_args(argv)
    if not (DATA / "10kgnad" / "test.csv").exists():
        print(f"10kGNAD not found under {DATA}", file=sys.stderr)
        return 2
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})     # really one core
    except (AttributeError, OSError):
        pass

    from lagebild.nlp import load
    from lagebild.training.evaluate import gnad_texts

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = load(args.model, exclude=tuple(args.exclude))
    load_s = time.perf_counter() - t0
    texts = gnad_texts(DATA, args.docs)
    list(nlp.pipe(texts[:5]))                                   # warm-up

    t0 = time.perf_counter()
    n_words = sum(len(d) for d in nlp.pipe(texts, batch_size=args.batch_size))
    total = time.perf_counter() - t0

    docs = [nlp.make_doc(t) for t in texts]
    shares = {}
    for name, proc in nlp.pipeline:
        t1 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=args.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        shares[name] = time.perf_counter() - t1

    print(f"model      {args.model or 'de_lagebild (packaged)'}  components: {', '.join(nlp.pipe_names)}")
    print(f"load       {load_s:.2f} s")
    print(f"throughput {n_words / total:,.0f} words/s  ({n_words:,} words, {len(texts)} articles, 1 core)")
    for name, secs in shares.items():
        print(f"  {name:<22} {1e6 * secs / n_words:6.1f} µs/word")
    return 0


if __name__ == "__main__":
    sys.exit(main())
