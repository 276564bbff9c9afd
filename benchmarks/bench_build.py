"""Speed of `lagebild build` with the size of the dossier: articles/s, the cross-article step, adding.

    taskset -c 0 python benchmarks/bench_build.py [--sizes 100,1000] [--big 10000 [--grow 2000,5000,10000]]
                                                  [--jobs] [--dask 100]

The articles are German news of ../shared/data (10kGNAD test.csv, 1,028 derStandard articles; past
those, mixes of two with every number and many names changed: benchmarks/_corpus.py), so that
near-duplicate folding does not shrink the work.

Per size (--sizes): a build into a fresh dossier with one process: articles/s of the per-article
analysis (extractors, and storing each article) and of the whole build, and the seconds of the cross-
article step (duplicates, claim groups, entities, events over everything stored). Side by side, over the
same texts: our trained model without the extractors, and spaCy's blank German tokenizer, as ratios to
the analysis. --big N: copies of the largest dossier's stored rows (each copy's text with other digits
and other vowels in half of its capitalised words, same length, so offsets hold, and the copies are
neither near-duplicates nor the same persons) up to N articles, doubling (or through the sizes of
--grow); the cross step's seconds (wall and this process's CPU) at each size, its growth per doubling of
the dossier, a second cross step with nothing new computed again (with seconds per step) and as a build
does it (keeping the consolidation: nothing changed), and adding 10 new articles to the biggest (a
build: their analysis plus the cross step). --jobs: the build of the first size with --jobs 1 and --jobs
2 (needs 2 cores: run without taskset): the wall ratio, and from CPU seconds (what a loaded machine
distorts less) the parent's serial share (loading, writing, the cross step) and the ratio it allows;
--jobs-only: that alone. --dask N: N articles analysed on a LocalCluster of 2 workers. Peak RSS at the
end. --add-to DB: only adding 10 new articles (the corpus' from --add-first, default 1000: those --big
adds after --sizes 1000) to a copy of the dossier DB (one made by --big and kept with --keep, say), step by
step; --cpu: every step's seconds in CPU seconds of this process (what a machine shared with other work
distorts less; the columns "cross s" and "build s" then hold CPU seconds too). --cross-of DB: only the first
cross step over a copy of DB (one grown by --big and kept, say: its copies are new to the stories and
near-duplicate steps), with its seconds per step (with --cpu, CPU seconds). Without --cpu, each step's wall
seconds come with the build process's CPU seconds of it in brackets (the build times both).

Time on a shared machine is noisy: run it on one core (taskset) and compare medians of runs, or --cpu.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import resource
import shutil
import sys
import tempfile
import time
import warnings
import zlib
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import articles as corpus  # noqa: E402


def build(arts, db: Path, jobs: int = 1):
    from lagebild.build import build_articles

    t0 = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = build_articles(arts, db, jobs=jobs)
    return time.monotonic() - t0, summary


def baselines(arts) -> tuple[float, float]:
    """Articles/s of the trained model alone and of spaCy's blank German tokenizer."""
    import spacy

    from lagebild import nlp as nlp_pkg

    texts = [a.text for a in arts]
    nlp = nlp_pkg.load()
    t0 = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    model = len(texts) / (time.monotonic() - t0)
    blank = spacy.blank("de")
    t0 = time.monotonic()
    for _ in blank.pipe(texts):
        pass
    return model, len(texts) / (time.monotonic() - t0)


# --- bigger dossiers from copies ----------------------------------------------------------------

def _vary(text: str, k: int) -> str:
    """Same length: other digits, other vowels in half of the capitalised words (the same word alike)."""
    shift = "aeiou"

    def word(m: re.Match) -> str:
        w = m.group()
        if zlib.crc32(f"{w}{k}".encode()) % 2:
            return w
        r = 1 + k % 4
        return "".join(shift[(shift.index(c) + r) % 5] if c in shift else c for c in w)

    text = re.sub(r"\d", lambda m: str((int(m.group()) + k) % 10), text)
    return re.sub(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}", word, text)


def grow(src: Path, db: Path, total: int) -> None:
    """Copies of the stored articles of `src` (and what was extracted from them) until `db` holds `total`."""
    from lagebild.store.sqlite import Store

    if db != src:
        for f in db.parent.glob(db.name + "*"):
            f.unlink()
        shutil.copy(src, db)
    with Store(src) as s:
        arts = s.articles()
        rows = {a.id: (s.sentences(a.id), s.claims(a.id), s.times(a.id), s.mentions(a.id)) for a in arts}
        events = {}
        for e in s.extracted_events():
            events.setdefault(e.articles[0] if e.articles else "", []).append(e)
    with Store(db) as out:
        n = out.counts()["articles"]
        k = 0
        while n < total:
            k += 1
            with out.transaction():
                for a in arts:
                    if n >= total:
                        break
                    text = _vary(a.text, k)
                    cut = lambda x, text=text: text[x.start:x.end]  # noqa: E731
                    aid = f"{a.id}~{k}"
                    sents, claims, times, mentions = rows[a.id]
                    out.replace_article(
                        replace(a, id=aid, text=text, raw_text=_vary(a.raw_text or "", k), title=_vary(a.title, k),
                                content_hash=f"{a.content_hash}~{k}", duplicate_of=None),
                        sentences=[replace(x, article=aid, text=cut(x)) for x in sents],
                        claims=[replace(x, article=aid, id=f"{x.id}~{k}", text=cut(x), sources=[
                            replace(src_, name=_vary(src_.name, k) if src_.name else src_.name) for src_ in x.sources])
                            for x in claims],
                        times=[replace(x, article=aid) for x in times],
                        mentions=[replace(x, article=aid, text=cut(x)) for x in mentions],
                        events=[replace(e, id=f"{e.id}~{k}", articles=[aid], figures=[f"{f}~{k}" for f in e.figures],
                                        evidence=[replace(sp, article=aid) for sp in e.evidence])
                                for e in events.get(a.id, [])])
                    n += 1


def cross_only(db: Path, compute: bool = True) -> tuple[float, float, dict[str, float]]:
    """The cross-article step over everything stored (a build with nothing new): wall seconds, CPU seconds
    of this process (what a loaded machine distorts less), seconds per step. compute=False: as a build
    does it, which keeps the consolidation when nothing it is made of changed."""
    from lagebild.store.sqlite import Store

    if compute:
        with Store(db) as s:
            s.set_meta("cross_fingerprint", "")
    c0 = time.process_time()
    _, summary = build([], db)
    return summary.timings["cross"], time.process_time() - c0, summary.timings


def steps(timings: dict[str, float]) -> str:
    """Seconds per cross step, with this process's CPU seconds of each beside them (the build times both: on a
    loaded machine the wall seconds stretch, the CPU seconds much less); --cpu: the seconds are CPU seconds."""
    cpu = time.monotonic is not time.process_time
    return ", ".join(f"{k[6:]} {v:.1f}" + (f" ({timings[f'cpu/{k}']:.1f} CPU)" if cpu and f"cpu/{k}" in timings else "")
                     for k, v in timings.items() if k.startswith("cross/"))


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)    # of the worker processes that ended
    return r.ru_utime + r.ru_stime


def jobs_ratio(arts, work: Path) -> None:
    """A build with --jobs 1 and with --jobs 2: the wall ratio (what counts on a quiet machine) and, from CPU
    seconds (what a loaded one distorts less), the parent's serial share and the ratio it allows."""
    cpu, wall, load, workers = {}, {}, {}, []
    for j in (1, 2):
        db = work / f"jobs{j}.db"
        for f in work.glob(db.name + "*"):
            f.unlink()
        c0, k0, l0 = time.process_time(), _children_cpu(), os.getloadavg()[0]
        wall[j], summary = build(arts, db, jobs=j)
        cpu[j] = (time.process_time() - c0, _children_cpu() - k0)
        load[j] = f"{l0:.1f}-{os.getloadavg()[0]:.1f}"
        workers = [v for k, v in summary.timings.items() if k.startswith("cpu/worker")]
    parent, children = cpu[2]
    share = parent / (parent + children)    # all of the parent's CPU counted as serial (its writes overlap)
    print(f"--jobs 1: {wall[1]:.1f} s, {cpu[1][0]:.1f} s CPU (load {load[1]}); --jobs 2: {wall[2]:.1f} s, parent "
          f"{parent:.1f} s CPU + workers {' + '.join(f'{w:.1f}' for w in workers)} s CPU (load {load[2]}); "
          f"{len(arts)} articles: **{wall[1] / wall[2]:.2f}x** wall", flush=True)
    print(f"  parent's serial CPU share {share:.1%}: at most {1 / (share + (1 - share) / 2):.2f}x on 2 free cores "
          f"(Amdahl); from the CPU seconds, the busiest worker after the parent: "
          f"{cpu[1][0] / (parent + max(workers, default=children)):.2f}x (the workers' CPU is "
          f"{children / (cpu[1][0] - parent):.2f}x what their work costs in one process)", flush=True)


def add(arts, db: Path) -> None:
    """Adding the articles to the dossier `db` (a build): seconds, CPU seconds, seconds per step."""
    from lagebild.store.sqlite import Store

    with Store(db) as s:
        n = s.counts()["articles"]
    c0 = time.process_time()
    seconds, summary = build(arts, db)
    print(f"add {len(arts)} articles to {n}: {seconds:.1f} s, CPU {time.process_time() - c0:.1f} s (analyse "
          f"{summary.timings['analyse']:.1f} s, cross {summary.timings['cross']:.1f} s: "
          f"{steps(summary.timings)})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000", help="dossier sizes built from the texts (comma-separated)")
    ap.add_argument("--big", type=int, default=0, help="grow the largest dossier by copies up to this many articles")
    ap.add_argument("--grow", default="", help="with --big: the sizes to grow through (default: doubling)")
    ap.add_argument("--jobs", action="store_true", help="also build the first size with --jobs 1 and 2")
    ap.add_argument("--jobs-only", action="store_true", help="only the builds of --jobs")
    ap.add_argument("--dask", type=int, default=0, help="articles analysed on a LocalCluster of 2 workers")
    ap.add_argument("--keep", type=Path, default=None, help="folder to keep the dossiers in")
    ap.add_argument("--add-to", type=Path, default=None, help="only add 10 new articles to a copy of this dossier")
    ap.add_argument("--add-first", type=int, default=1000, help="--add-to: the corpus' articles from this one")
    ap.add_argument("--cpu", action="store_true", help="seconds per step in CPU seconds of this process")
    ap.add_argument("--cross-of", type=Path, default=None,
                    help="only the first cross step over a copy of this dossier (as after growing it), per step")
    args = ap.parse_args()
    if args.cpu:     # every timing the build takes (time.monotonic) counts this process's CPU seconds
        time.monotonic = time.process_time
        print("seconds are CPU seconds of this process (--cpu)", flush=True)
    sizes = [] if args.add_to or args.cross_of else [int(x) for x in args.sizes.split(",") if x]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    pool = corpus(max(sizes + [args.dask]) + 10)
    build(corpus(2, seed=1)[:2], work / "warm.db")   # what the pipeline loads on first use: not the first size's
    if not args.jobs_only and sizes:
        print(f"{'articles':>8} {'analyse/s':>9} {'build s':>8} {'build/s':>8} {'cross s':>8} "
              f"{'model/s':>8} {'blank/s':>9}  analyse vs model, vs blank", flush=True)
    last = None
    for n in [] if args.jobs_only else sizes:
        arts = pool[:n]
        db = work / f"d{n}.db"
        for f in work.glob(db.name + "*"):
            f.unlink()
        seconds, summary = build(arts, db)
        model, blank = baselines(arts)
        an = summary.processed / summary.timings["analyse"]
        print(f"{n:>8} {an:>9.2f} {seconds:>8.1f} {summary.processed / seconds:>8.2f} "
              f"{summary.timings['cross']:>8.2f} {model:>8.2f} {blank:>9.0f}  {an / model:.2f}x, {an / blank:.4f}x",
              flush=True)
        last = db
    if args.jobs or args.jobs_only:
        jobs_ratio(pool[: sizes[0]], work)
    if args.big and last is not None:
        size, prev = sizes[-1], None
        todo = [int(x) for x in args.grow.split(",") if x] if args.grow else []
        print(f"{'articles':>8} {'cross s':>8} {'CPU s':>7} {'x prev':>7} per doubling  | again, computed: "
              "s, CPU s | kept: s  | seconds per step computed again | of the first", flush=True)
        big = work / "big.db"
        grow(last, big, size)
        while True:
            c, cpu, first = cross_only(big)    # the copies are new to the stories and near-duplicate steps
            again, again_cpu, timings = cross_only(big)
            kept, _, _ = cross_only(big, compute=False)
            ratio = (cpu / prev[1]) ** (math.log(2) / math.log(size / prev[0])) if prev else float("nan")
            print(f"{size:>8} {c:>8.2f} {cpu:>7.2f} {ratio:>7.2f}              | {again:.2f}, {again_cpu:.2f} | "
                  f"{kept:.2f}  | {steps(timings)} | {steps(first)}", flush=True)
            if size >= args.big:
                break
            prev = (size, cpu)
            size = min(args.big, todo.pop(0) if todo else size * 2)
            grow(last, big, size)
        add(pool[-10:], big)
    if args.add_to:
        db = work / "add.db"
        for f in work.glob(db.name + "*"):
            f.unlink()
        shutil.copy(args.add_to, db)
        add(corpus(args.add_first + 10)[-10:], db)
    if args.cross_of:
        db = work / "cross.db"
        for f in work.glob(db.name + "*"):
            f.unlink()
        shutil.copy(args.cross_of, db)
        c, cpu, timings = cross_only(db)
        print(f"first cross step over {args.cross_of}: {c:.2f} s, CPU {cpu:.2f} s ({steps(timings)})", flush=True)
    if args.dask:
        from lagebild.partitions import analyse_on_dask

        t0 = time.monotonic()
        analyse_on_dask(pool[: args.dask], work / "dask-parts", scheduler="local:2")
        s = time.monotonic() - t0
        print(f"dask LocalCluster 2 workers: {args.dask} articles in {s:.1f} s = {args.dask / s:.2f} articles/s "
              "(cluster start and model load included)", flush=True)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak RSS: {self_kb / 1024:.0f} MB (this process), {child_kb / 1024:.0f} MB (largest child)")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
