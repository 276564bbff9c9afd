"""CPU seconds of the per-article analysis, component by component, and of a build, on one core.

    python benchmarks/bench_cpu.py [--docs 200] [--repeats 3] [--build 1000]

For a loaded machine: CPU time of this process (time.process_time), not wall time, pinned to one
core. Analysis: the 10kGNAD test articles (../shared/data) through our pipeline with the extractor
components, each component in turn over all of them (as bench_nlp.py's shares); the median over
--repeats fresh processes (the extractors' caches start empty, as in a new build). --build N:
`build_articles` of N articles of benchmarks/_corpus (as bench_build.py) into a fresh dossier,
cross-article step included; 0 leaves it out.

    python benchmarks/bench_cpu.py --baseline ../main/src [--docs 200] [--repeats 3] --build 0

compares two versions of the code on the same articles: each repeat analyses them once with the code under
--baseline (a checkout's src, put first on PYTHONPATH) and once with this one's, in turn, so that the load of a
shared machine falls on both alike; prints the medians of each, their ratio (baseline CPU s / this CPU s: above 1
is faster) for the analysis and per component, and the load average the runs saw.
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
THIS_SRC = Path(__file__).resolve().parents[1] / "src"     # `--baseline`'s other side: this checkout's code, not
# whatever lagebild PYTHONPATH or the installed package would give


GC = "gc:"      # key prefix of the CPU seconds a component's time holds of the collector's full collections


def analysis(texts: list[str], warm: list[str]) -> dict[str, float]:
    """CPU s per component, and under GC + component the full (generation 2) collections that fell in it: one
    traverses every object of the process (~700,000 with the pipeline and its tables loaded: ~0.4 s), and when
    one falls due depends on everything alive, so one more table kept anywhere can move it into another
    component - the per-component figures of two versions of the code are comparable only without it."""
    import gc

    from lagebild.pipeline import ALL, build_nlp

    nlp = build_nlp(tuple(ALL))
    list(nlp.pipe(warm))                               # other articles: first-call costs
    cpu: dict[str, float] = defaultdict(float)
    current = [""]
    started: list[float] = []

    def full_collection(phase: str, info: dict) -> None:
        if info["generation"] == 2 and phase == "start":
            started.append(time.process_time())
        elif info["generation"] == 2 and started:
            cpu[GC + current[0]] += time.process_time() - started.pop()

    gc.callbacks.append(full_collection)
    docs = [nlp.make_doc(x) for x in texts]
    for name, proc in nlp.pipeline:
        current[0] = name
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        cpu[name] += time.process_time() - t0
    gc.callbacks.remove(full_collection)
    return cpu


def components(run: dict[str, float]) -> dict[str, float]:
    """The components' CPU s of one `analysis` (full collections included), without the GC entries."""
    return {k: v for k, v in run.items() if not k.startswith(GC)}


def one_analysis(docs: int, src: str | None = None) -> dict[str, float]:
    """CPU seconds per component of one analysis in a fresh process; with `src`, of the code in that src folder."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join([str(Path(src).resolve())] + [p for p in [env.get("PYTHONPATH")] if p])
    out = subprocess.run([sys.executable, __file__, "--one", "--docs", str(docs)], check=True, capture_output=True,
                         text=True, env=env).stdout
    return json.loads(out)


def compare(baseline: str, docs: int, repeats: int) -> None:
    """The analysis by the baseline's code and by this code, in turn (`--baseline`): medians and their ratios."""
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "this": []}
    loads = [os.getloadavg()[0]]
    for _ in range(repeats):
        runs["baseline"].append(one_analysis(docs, baseline))
        runs["this"].append(one_analysis(docs, str(THIS_SRC)))
        loads.append(os.getloadavg()[0])
    totals = {k: [sum(components(r).values()) for r in v] for k, v in runs.items()}
    fulls = {k: [sum(x for n, x in r.items() if n.startswith(GC)) for r in v] for k, v in runs.items()}
    base, this = statistics.median(totals["baseline"]), statistics.median(totals["this"])
    print(f"analysis of {docs} articles, medians of {repeats} (load average {min(loads):.1f}-{max(loads):.1f}):")
    for k, t in (("baseline", base), ("this", this)):
        print(f"  {k:<9} {t:6.2f} CPU s = {docs / t:5.2f} articles/s (" + ", ".join(f"{x:.2f}" for x in totals[k])
              + "; of them full collections " + ", ".join(f"{x:.2f}" for x in fulls[k]) + ")")
    print(f"  ratio     {base / this:6.3f} (baseline / this)")
    print(f"  {'component':<30} {'baseline':>8} {'this':>8} {'ratio':>6}   without full collections: ratio of medians")
    for name in sorted(components(runs["baseline"][0]), key=lambda k: -runs["baseline"][0][k]):
        b = statistics.median(r[name] for r in runs["baseline"])
        t = statistics.median(r.get(name, 0.0) for r in runs["this"])
        b0 = statistics.median(r[name] - r.get(GC + name, 0.0) for r in runs["baseline"])
        t0 = statistics.median(r.get(name, 0.0) - r.get(GC + name, 0.0) for r in runs["this"])
        print(f"  {name:<30} {b:8.2f} {t:8.2f} {b / t if t else float('nan'):6.2f}   "
              f"{b0:6.2f} {t0:6.2f} {b0 / t0 if t0 else float('nan'):6.2f}")


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
    ap.add_argument("--baseline", help="another checkout's src folder to compare with, run in turn with this one")
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
    if args.baseline:
        compare(args.baseline, args.docs, max(1, args.repeats))
    else:
        runs = [one_analysis(args.docs) for _ in range(max(1, args.repeats))]
        totals = [sum(components(r).values()) for r in runs]
        print(f"analysis of {args.docs} articles: {statistics.median(totals):.2f} CPU s = "
              f"{args.docs / statistics.median(totals):.2f} articles/s (median of {len(runs)}: "
              + ", ".join(f"{t:.2f}" for t in totals) + ")")
        for name in sorted(components(runs[0]), key=lambda k: -runs[0][k]):
            print(f"  {name:<22} {statistics.median(r[name] for r in runs):6.2f} CPU s")
    if args.build:
        cpu, n = build(args.build)
        print(f"build of {n} articles: {cpu:.1f} CPU s = {n / cpu:.2f} articles/s (cross step included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
