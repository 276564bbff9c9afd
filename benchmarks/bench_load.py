"""CPU seconds of what a small add pays before and beside its analysis: loading, part by part.

    python benchmarks/bench_load.py [--repeats 5] [--docs 10]

Each repeat is a fresh process pinned to one core (CPU time of the process, time.process_time, what a
machine shared with other work distorts least): importing the CLI and the build, the pipeline with its
extractor components (`pipeline.build_nlp`: the trained model, the extractors' modules), the gazetteer
(`geo.gazetteer`), measures' place-name set, then --docs articles of 10kGNAD's test set (the first articles
after those a 1,000-article dossier holds, as `bench_build.py --add-to` adds them) through the pipeline:
what each extractor loads on first use is in that part. Medians over the repeats.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def one(docs: int) -> dict[str, float]:
    from _corpus import texts

    batch = [t for _, t in texts()[1000:1000 + docs]]
    parts: dict[str, float] = {}
    t = time.process_time()

    def lap(name: str) -> None:
        nonlocal t
        now = time.process_time()
        parts[name] = now - t
        t = now

    import lagebild.build  # noqa: F401
    import lagebild.cli  # noqa: F401
    lap("imports (cli, build)")
    from lagebild.pipeline import ALL, build_nlp

    nlp = build_nlp(tuple(ALL))
    lap("pipeline (model, extractors)")
    from lagebild.geo import gazetteer

    gazetteer()
    lap("gazetteer")
    from lagebild.extract.measures import _gazetteer

    _gazetteer()
    lap("measures' place names")
    list(nlp.pipe(batch))
    lap(f"{docs} articles (first-use loads included)")
    return parts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--docs", type=int, default=10)
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    warnings.simplefilter("ignore")
    if args.one:
        print(json.dumps(one(args.docs)))
        return 0
    runs = [json.loads(subprocess.run([sys.executable, __file__, "--one", "--docs", str(args.docs)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(max(1, args.repeats))]
    totals = [sum(r.values()) for r in runs]
    print(f"load and {args.docs} articles: {statistics.median(totals):.2f} CPU s (median of {len(runs)}: "
          + ", ".join(f"{t:.2f}" for t in totals) + ")")
    for name in runs[0]:
        print(f"  {name:<38} {statistics.median(r[name] for r in runs):6.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
