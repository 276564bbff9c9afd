"""CPU seconds of the per-article analysis, component by component, and of a build, on one core.

    python benchmarks/bench_cpu.py [--docs 200] [--repeats 3] [--build 1000]

For a loaded machine: CPU time of this process (time.process_time), not wall time, pinned to one
core. Analysis: the 10kGNAD test articles (../shared/data) through our pipeline with the extractor
components, each component in turn over all of them (as bench_nlp.py's shares); the median over
--repeats fresh processes (the extractors' caches start empty, as in a new build). --build N:
`build_articles` of N articles of benchmarks/_corpus (as bench_build.py) into a fresh dossier,
cross-article step included; 0 leaves it out.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent))
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def analysis(texts: list[str], warm: list[str]) -> dict[str, float]:
    from lagebild.pipeline import ALL, build_nlp

    nlp = build_nlp(tuple(ALL))
    list(nlp.pipe(warm))                               # other articles: first-call costs
    cpu: dict[str, float] = defaultdict(float)
    docs = [nlp.make_doc(x) for x in texts]
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        cpu[name] += time.process_time() - t0
    return cpu


def build(n: int) -> tuple[float, int]:
    from _corpus import articles as corpus

    from lagebild.build import build_articles

    work = Path(tempfile.mkdtemp(prefix="bench-cpu-"))
    build_articles(corpus(2, seed=1)[:2], work / "warm.db", jobs=1)
    arts = corpus(n + 10)[:n]
    t0 = time.process_time()
    summary = build_articles(arts, work / "d.db", jobs=1)
    return time.process_time() - t0, summary.processed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--build", type=int, default=1000)
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)    # one analysis, as JSON
    args = ap.parse_args()
    if not (DATA / "10kgnad" / "test.csv").exists():
        print(f"10kGNAD not found under {DATA}", file=sys.stderr)
        return 2
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    warnings.simplefilter("ignore")
    from lagebild.training.evaluate import gnad_texts

    if args.one:
        texts = gnad_texts(DATA, args.docs + 5)
        print(json.dumps(analysis(texts[:args.docs], texts[args.docs:])))
        return 0
    runs = [json.loads(subprocess.run([sys.executable, __file__, "--one", "--docs", str(args.docs)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(max(1, args.repeats))]
    totals = [sum(r.values()) for r in runs]
    print(f"analysis of {args.docs} articles: {statistics.median(totals):.2f} CPU s = "
          f"{args.docs / statistics.median(totals):.2f} articles/s (median of {len(runs)}: "
          + ", ".join(f"{t:.2f}" for t in totals) + ")")
    for name in sorted(runs[0], key=lambda k: -runs[0][k]):
        print(f"  {name:<22} {statistics.median(r[name] for r in runs):6.2f} CPU s")
    if args.build:
        cpu, n = build(args.build)
        print(f"build of {n} articles: {cpu:.1f} CPU s = {n / cpu:.2f} articles/s (cross step included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
