"""`lagebild build`: the build orchestrator, beside pipeline.py. Analyses articles into the dossier
store, idempotently; the store only keeps what this module hands it.

    inputs --> read --> skip unchanged --> analyse (pipeline.analyse, in chunks) --> store each article
           (store.replace_article, one transaction each)
           --> the cross-article steps (pipeline.cross_article) over what is stored: duplicates, entities
               over all; claim groups and merged events per story, redone only for the stories this
               build touched --> store.replace_cross (one transaction)

An article is unchanged when its content hash and the analysers it was
analysed with (the extractor components and a fingerprint of their code and
model) are the same as stored; it is then not analysed again. A changed file
replaces its article and everything extracted from it atomically. A bad
article is recorded (which file, what is wrong, what was skipped) and never
stops the batch; its stored version, if any, stays.

Which stored article an input is follows store/identity.py (origin and content,
not the bare name). One build at a time holds the dossier's lock (store/lock.py);
a build interrupted before (killed, disk full) is marked so and completed by this
one. The cross-article step runs in one transaction: readers see the previous
consolidation until the new one is whole. A full disk stops the build with one
StoreError line (what is stored stays, a rerun goes on).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import types
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .model import Article, ArticleError, Entity, Mention, Result
from .pipeline import available_components, blocks_of, cross_article, event_article
from .store.check import finish_stale, stale_builds
from .store.identity import Identities
from .store.lock import build_lock
from .store.sqlite import Store, StoreError, is_disk_full

log = logging.getLogger(__name__)

__all__ = ["Ahead", "BuildSummary", "analyse_ahead", "available_components", "build_articles", "build_dossier",
           "build_from_partitions",
           "content_hash", "cross_fingerprint", "default_jobs", "fingerprint"]

PACKAGE = Path(__file__).resolve().parent
# A story_of: article id -> story id, or what makes one from all stored articles.
StoryOf = Mapping[str, str] | Callable[[Sequence[Article]], Mapping[str, str]]
# story_of=STORIES (the default) blocks claim grouping and event merging by the dossier's own stories
# (consolidate.stories); story_of=None runs them over all articles as one block.
STORIES: Mapping[str, str] = types.MappingProxyType({})
CHUNK = 64  # articles analysed and stored per round: bounds memory on big inputs
TAIL = 4  # the smallest chunk a worker is sent: the last ones, so that all workers finish together
POOL_MIN = 24  # fewer articles are analysed in this process whatever `jobs` says: starting processes costs more


@dataclass
class BuildSummary:
    """What one build did; `describe()` says it in words."""

    db: Path
    build_id: int = 0
    inputs: int = 0
    new: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)        # content changed
    reanalysed: list[str] = field(default_factory=list)      # same content, analysers changed
    unchanged_ids: list[str] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    components: tuple[str, ...] = ()
    skipped_components: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)     # seconds per stage: analyse, cross, cross/<step>;
    # cpu/cross, cpu/cross/<step>: the same in CPU seconds of this process (what a loaded machine stretches less)

    @property
    def processed(self) -> int:
        return len(self.new) + len(self.replaced) + len(self.reanalysed)

    @property
    def unchanged(self) -> int:
        return len(self.unchanged_ids)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def describe(self) -> str:
        """Several lines of Rich markup (all data escaped)."""
        from rich.markup import escape

        parts = [f"{len(self.new)} new", f"{len(self.replaced)} changed"]
        if self.reanalysed:
            parts.append(f"{len(self.reanalysed)} re-analysed (analysers changed)")
        parts += [f"{self.unchanged} unchanged", f"{self.failed} skipped"]
        lines = [f"[bold]build[/] {self.inputs} articles read: " + ", ".join(parts) + f" ({self.seconds:.1f} s)"]
        for name, why in self.skipped_components.items():
            lines.append(f"[yellow]component {escape(name)} not used[/]: {escape(why)}")
        for e in self.errors:
            lines.append(f"[yellow]skipped[/] {escape(e.article)}: {escape(e.problem)} (skipped: {escape(e.skipped)})")
        for n in self.notes:
            lines.append(f"[dim]note[/] {escape(n)}")
        c = self.counts
        if c:
            lines.append(
                f"dossier {escape(str(self.db))}: {c.get('articles', 0)} articles, {c.get('sentences', 0)} sentences, "
                f"{c.get('claims', 0)} claims in {c.get('claim_groups', 0)} groups, "
                f"{c.get('times', 0)} time expressions, "
                f"{c.get('entities', 0)} entities, {c.get('events', 0)} events")
        return "\n".join(lines)


# --- what decides an article's analysis ------------------------------------------------------

def load_nlp() -> Any:
    """The analysis pipeline a long-running face (the web app) loads once and hands to build_articles(nlp=)."""
    from .nlp import load

    return load()


def fingerprint(components: Sequence[str]) -> str:
    """Of what decides an article's analysis: the components, the code of reading and
    analysing, and the packaged model. A change makes the next build re-analyse."""
    h = hashlib.sha256(",".join(components).encode())
    for sub in ("ingest", "nlp", "extract"):
        for p in sorted((PACKAGE / sub).rglob("*.py")):
            h.update(p.relative_to(PACKAGE).as_posix().encode())
            h.update(p.read_bytes())
    for p in (PACKAGE / "pipeline.py", PACKAGE / "model.py", PACKAGE / "models" / "de_lagebild" / "meta.json"):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


CROSS_CODE = ("consolidate", "lang", "geo", "data", "extract", "ingest", "store")


def cross_fingerprint(store: Store, story_of: StoryOf | None) -> str | None:
    """Of what decides the cross-article step's results: the stored articles (ids, contents, analysers), the
    blocks (one, or the dossier's stories) and the code and data of consolidation. None for blocks the
    caller made (a story_of map or function): those cannot be told apart."""
    if story_of is not None and story_of is not STORIES:
        return None
    h = hashlib.sha256(b"stories" if story_of is STORIES else b"one block")
    files = [p for sub in CROSS_CODE for p in sorted((PACKAGE / sub).rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts]
    for p in files + [PACKAGE / n for n in ("pipeline.py", "build.py", "model.py", "text.py")]:
        h.update(p.relative_to(PACKAGE).as_posix().encode())
        h.update(p.read_bytes())
    for aid, st in sorted(store.article_state().items()):
        h.update(json.dumps([aid, st["content_hash"], st["analysed_with"]], sort_keys=True).encode())
    return h.hexdigest()[:16]


def content_hash(article: Article) -> str:
    """The reader's hash of the raw bytes; failing that, one of what was read."""
    if article.content_hash:
        return article.content_hash
    h = hashlib.sha256()
    for part in (article.raw_text or article.text, article.title, article.published, article.outlet, article.url):
        h.update((part or "").encode("utf-8", "surrogatepass") + b"\x00")
    return "sha256:" + h.hexdigest()


# --- the build ----------------------------------------------------------------------------------

def build_dossier(
    paths: Sequence[str | Path],
    db_path: str | Path,
    *,
    console: Any = None,
    components: Iterable[str] | None = None,
    nlp: Any = None,
    force: bool = False,
    story_of: StoryOf | None = STORIES,
    jobs: int = 1,
    options: Any = None,
) -> BuildSummary:
    """Read, analyse and store the articles under `paths` (files, folders, URLs, feeds, web archives)
    into the dossier `db_path`. `options`: ingest.sources.InputOptions (offline, cache, outlet)."""
    from .pipeline import read_articles

    articles, errors = read_articles(paths, options)
    return build_articles(articles, db_path, errors=errors, inputs=paths, console=console,
                          components=components, nlp=nlp, force=force, story_of=story_of, jobs=jobs)


def build_from_partitions(folder: str | Path, db_path: str | Path, **kw: Any) -> BuildSummary:
    """Store the per-article analyses that `lagebild analyse` (or a Dask cluster) wrote into `folder`,
    then run the cross-article steps: `build_dossier` without analysing here."""
    from .partitions import read_partitions

    articles, analysed, header = read_partitions(folder)
    errors = [e for chunk, r in analysed if not chunk for e in r.errors]
    kw.setdefault("components", header.get("components"))
    return build_articles(articles, db_path, errors=errors, inputs=[str(folder)],
                          analysed=[(c, r) for c, r in analysed if c], **kw)


@dataclass
class Ahead:
    """Articles analysed before the build's lock is taken (`analyse_ahead`), for a build of the same articles:
    the build stores these results when it finds the same articles to analyse (ids, origins, contents)."""

    todo: dict[str, tuple[str | None, str | None]]      # article id -> (origin, content hash)
    results: list[tuple[list[Article], Result | Exception]]
    analysed_with: dict[str, Any]
    notes: list[str]
    seconds: float


def analyse_ahead(articles: Sequence[Article], db_path: str | Path, *, components: Iterable[str] | None = None,
                  nlp: Any = None, force: bool = False) -> Ahead | None:
    """Analyse what a build of `articles` into `db_path` would analyse, as the dossier is now, without its
    lock (a web upload: the write lock is then held only to store and consolidate). None: nothing to do."""
    import dataclasses

    from .pipeline import build_nlp

    t0 = time.monotonic()
    comps = available_components(components)[0]
    analysed_with: dict[str, Any] = {"components": list(comps), "fingerprint": fingerprint(comps)}
    try:
        state = {}
        if Path(db_path).exists():
            with Store(db_path, readonly=True) as store:
                state = store.article_state()
        copies = [dataclasses.replace(a) for a in articles]      # the build's own are claimed under its lock
        todo = _to_analyse(copies, Identities(state), comps, analysed_with, force, BuildSummary(db=Path(db_path)))
        if not todo:
            return None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            nlp = build_nlp(comps, nlp)
            results = list(_analysed(todo, comps, nlp, 1, lambda: None))
    except Exception:  # noqa: BLE001 - the build analyses them itself, and says what is wrong
        log.debug("analysis ahead of the build failed", exc_info=True)
        return None
    return Ahead({a.id: (a.origin, a.content_hash) for a in todo}, results, analysed_with,
                 [str(w.message) for w in caught], time.monotonic() - t0)


def build_articles(
    articles: Sequence[Article],
    db_path: str | Path,
    *,
    errors: Sequence[ArticleError] = (),
    inputs: Sequence[str | Path] = (),
    console: Any = None,
    components: Iterable[str] | None = None,
    nlp: Any = None,
    force: bool = False,
    story_of: StoryOf | None = STORIES,
    jobs: int = 1,
    analysed: Iterable[tuple[list[Article], Result | Exception]] | None = None,
    ahead: Ahead | None = None,
) -> BuildSummary:
    """`build_dossier` for articles already read (by our readers or anyone's).

    `story_of` (article id -> story id, or a function of all stored articles giving it; by default the
    dossier's own stories, STORIES) makes claim grouping and event merging run per story, and only for
    the stories this build touched; None runs them over all articles as one block. `jobs`
    processes analyse (this one stores). `analysed`: the articles' analyses made elsewhere
    (`read_partitions`), stored instead of analysing. `ahead`: what `analyse_ahead` made of these articles
    (a few articles, fewer than a pool is started for, are analysed so by default: before the lock is taken)."""
    t0 = time.monotonic()
    summary = BuildSummary(db=Path(db_path), inputs=len(articles) + len(errors))
    summary.errors.extend(errors)
    comps, summary.skipped_components = available_components(components)
    summary.components = comps
    analysed_with: dict[str, Any] = {"components": list(comps), "fingerprint": fingerprint(comps)}
    if ahead is None and analysed is None and 0 < len(articles) < POOL_MIN:
        ahead = analyse_ahead(articles, db_path, components=comps, nlp=nlp, force=force)

    with build_lock(db_path), Store(db_path, create=True) as store:
        stale = stale_builds(store)   # we hold the lock: whoever started these is gone
        if stale:
            finish_stale(store, stale, "interrupted; completed by the next build")
            summary.notes.append(f"build {', '.join(map(str, stale))} was interrupted; this one completes it")
        build_id = summary.build_id = store.start_build([str(p) for p in inputs], comps, analysed_with["fingerprint"])
        todo = _to_analyse(articles, Identities(store.article_state()), comps, analysed_with, force, summary)

        t1 = time.monotonic()
        if ahead is not None and ahead.analysed_with == analysed_with and analysed is None and (
                ahead.todo == {a.id: (a.origin, a.content_hash) for a in todo}):   # as when it was analysed
            analysed, t1 = ahead.results, t1 - ahead.seconds
        else:
            ahead = None
        stored = _analyse_and_store(store, todo, comps, nlp, analysed_with, build_id, summary, console, jobs,
                                    analysed)
        summary.notes.extend(dict.fromkeys(ahead.notes if ahead else ()))
        summary.timings["analyse"] = time.monotonic() - t1
        # Only what really got stored counts as processed; the rest is in summary.errors.
        for ids in (summary.new, summary.replaced, summary.reanalysed):
            ids[:] = [i for i in ids if i in stored]

        # Unless nothing it reads changed (articles, consolidation code and data): its results would be the same.
        try:   # the cross-article step is written in one transaction (store.replace_cross)
            t1, c1 = time.monotonic(), time.process_time()
            key = None if stored else cross_fingerprint(store, story_of)
            if key is not None and store.meta().get("cross_fingerprint") == key:
                summary.notes.append("nothing changed since the last consolidation: its results are kept")
            elif _cross_article(store, summary, set(stored), story_of):
                if key is None:     # the articles are as they were when `key` was taken: the cross step keeps them
                    key = cross_fingerprint(store, story_of)
                store.set_meta("cross_fingerprint", key or "")
            summary.timings["cross"] = time.monotonic() - t1
            summary.timings["cpu/cross"] = time.process_time() - c1
            store.add_errors(summary.errors, build_id)
            summary.counts = store.counts()
            summary.seconds = time.monotonic() - t0
            store.finish_build(build_id, processed=summary.processed, unchanged=summary.unchanged,
                               failed=summary.failed, notes=summary.notes)
        except Exception as e:  # noqa: BLE001
            if is_disk_full(e):
                raise _disk_full(db_path, summary, e) from None
            raise
    return summary


def _to_analyse(articles: Sequence[Article], identities: Identities, comps: Sequence[str],
                analysed_with: dict[str, Any], force: bool, summary: BuildSummary) -> list[Article]:
    """Which articles need analysis: new, changed, or analysed otherwise; duplicates of an input in this build
    are errors, unchanged ones are counted (summary is filled in as it goes)."""
    todo: list[Article] = []
    first: dict[str, Article] = {}
    origins: dict[str, Article] = {}
    lacking: set[str] = set()
    for a in articles:
        a.content_hash = content_hash(a)
        if a.id in first or (a.origin and a.origin in origins):
            # the same input twice: the second copy would silently replace the first
            summary.errors.append(ArticleError(
                a.source_path or a.id,
                f"article id {a.id!r} is already used by "
                f"{(first.get(a.id) or origins[a.origin or '']).source_path or 'another input'}",
                skipped="this copy"))
            continue
        old = identities.claim(a)   # may give it the stored article's id, or a free one
        first[a.id] = a
        if a.origin:
            origins[a.origin] = a
        if old is None:
            summary.new.append(a.id)
        elif old["content_hash"] != a.content_hash:
            summary.replaced.append(a.id)
            if old["source_path"] and a.source_path and old["source_path"] != a.source_path:
                summary.notes.append(f"{a.id}: stored from {old['source_path']}, now replaced by {a.source_path}")
        elif not force and set(old["analysed_with"].get("components", [])) - set(comps):
            # Analysed with a component that cannot run now (not installed, broken, not asked for):
            # re-analysing would lose its results, so the stored analysis stays.
            lacking.update(set(old["analysed_with"]["components"]) - set(comps))
            summary.unchanged_ids.append(a.id)
            continue
        elif force or old["analysed_with"] != analysed_with:
            summary.reanalysed.append(a.id)
        else:
            summary.unchanged_ids.append(a.id)
            continue
        todo.append(a)
    if lacking:
        summary.notes.append(f"unchanged articles keep their analysis by {', '.join(sorted(lacking))}, "
                             "which cannot run now (force=True re-analyses them without)")
    for a in todo:  # what reading had to say (bad bytes replaced, a guessed encoding, another language)
        summary.notes.extend(f"{a.id}: {w}" for w in a.warnings)
    return todo


def _disk_full(db_path: str | Path, summary: BuildSummary, e: BaseException) -> StoreError:
    done = len(summary.new) + len(summary.replaced) + len(summary.reanalysed)
    return StoreError(f"the disk holding {Path(db_path).name} is full ({e}): the build stopped; what was stored "
                      f"before stays ({done} articles of this build). Free space and build again: it goes on "
                      "where it stopped")


def _analyse_and_store(
    store: Store,
    todo: list[Article],
    comps: tuple[str, ...],
    nlp: Any,
    analysed_with: dict[str, Any],
    build_id: int,
    summary: BuildSummary,
    console: Any,
    jobs: int = 1,
    analysed: Iterable[tuple[list[Article], Result | Exception]] | None = None,
) -> set[str]:
    """Analyse the articles (or take the `analysed` results: partitions made elsewhere) and store each;
    this process is the only writer, whatever number of processes analyses."""
    from .pipeline import build_nlp

    stored: set[str] = set()
    if not todo:
        return stored
    wanted = {a.id for a in todo}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if analysed is None:
            try:
                nlp = build_nlp(comps, nlp)
            except Exception as e:  # noqa: BLE001 - e.g. a broken model: say so per article, keep what is stored
                log.exception("the analysis pipeline could not be built")
                summary.errors.extend(ArticleError(a.id, f"analysis unavailable: {type(e).__name__}: {e}",
                                                   skipped=_kept(a, summary)) for a in todo)
                return stored
        with _progress(console, len(todo)) as advance:
            results = analysed if analysed is not None else _analysed(todo, comps, nlp, jobs, advance,
                                                                      summary.timings)
            for chunk, result in results:
                if isinstance(result, Exception):  # a failing chunk costs its articles, not the build
                    summary.errors.extend(ArticleError(a.id, f"analysis failed: {type(result).__name__}: {result}",
                                                       skipped=_kept(a, summary)) for a in chunk)
                    continue
                for err in result.errors:
                    err.skipped = _kept(next((a for a in chunk if a.id == err.article), None), summary, err.skipped)
                summary.errors.extend(result.errors)
                for article, parts in _per_article(result, summary):
                    if article.id not in wanted:     # a partition's article that is stored unchanged
                        continue
                    try:
                        store.replace_article(article, analysed_with=analysed_with, build_id=build_id, **parts)
                    except Exception as e:  # noqa: BLE001 - e.g. inconsistent extractor output
                        if is_disk_full(e):   # no later write can succeed: stop with one line
                            for ids in (summary.new, summary.replaced, summary.reanalysed):
                                ids[:] = [i for i in ids if i in stored]
                            raise _disk_full(store.path, summary, e) from None
                        log.debug("storing %s failed", article.id, exc_info=True)
                        summary.errors.append(ArticleError(
                            article.id, f"could not be stored: {type(e).__name__}: {e}",
                            skipped=_kept(article, summary)))
                    else:
                        stored.add(article.id)
    for msg in dict.fromkeys(str(w.message) for w in caught):
        summary.notes.append(msg)
    return stored


# --- analysing in several processes -------------------------------------------------------------

_WORKER: dict[str, Any] = {}     # the pipeline of this (worker) process, built once


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _analysed(todo: list[Article], comps: tuple[str, ...], nlp: Any, jobs: int, advance: Callable[[], None],
              timings: dict[str, float] | None = None) -> Iterator[tuple[list[Article], Result | Exception]]:
    """(chunk, its analysis or the exception that failed it), in the order of `todo`.

    With jobs > 1 a pool of processes analyses chunks (each process builds the pipeline once; forked
    processes inherit this one's, loaded and warmed); this process only receives the results, in order,
    so the dossier is the same, and stores each while the workers go on. `timings` gets the CPU seconds
    of each worker ("cpu/worker 1", ... busiest first): how evenly they shared the work."""
    from .pipeline import analyse

    if jobs <= 1 or len(todo) < POOL_MIN:
        for i in range(0, len(todo), CHUNK):
            chunk = todo[i : i + CHUNK]
            try:
                yield chunk, analyse(chunk, comps, nlp=nlp, cross=False, progress=lambda a: advance())
            except Exception as e:  # noqa: BLE001
                log.exception("analysis of a chunk failed")
                yield chunk, e
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = _chunks(todo, jobs)
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:   # a forked process starts with this pipeline and what it loads on first use (gazetteer, lexicon)
        _warm(nlp, comps)
        # What is loaded stays out of the garbage collector's generations: a worker's collections then
        # neither walk the model's objects nor write to (and so copy) the pages they share with this process.
        gc.freeze()
    _WORKER.update(nlp=nlp, comps=comps)
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    try:
        with ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=ctx, initializer=_worker_init,
                                 initargs=(comps,)) as pool:
            # results in the order of `todo` (the dossier is the same); each is stored while later chunks
            # are analysed
            used: dict[int, float] = {}
            for chunk, (result, pid, cpu) in zip(chunks, pool.map(_worker_analyse, chunks)):
                used[pid] = cpu
                for _ in chunk:
                    advance()
                yield chunk, result
        if timings is not None:
            timings.update({f"cpu/worker {i}": c for i, c in enumerate(sorted(used.values(), reverse=True), 1)})
    finally:
        if fork:
            gc.unfreeze()


def _chunks(todo: list[Article], jobs: int) -> list[list[Article]]:
    """The chunks `jobs` processes take in turn, in the order of `todo`: each an even share of what is left
    (at most CHUNK, at least TAIL articles), so they shrink towards the end and the processes finish
    together rather than one analysing a big last chunk while the others wait (guided self-scheduling)."""
    chunks: list[list[Article]] = []
    i = 0
    while i < len(todo):
        size = max(TAIL, min(CHUNK, -(-(len(todo) - i) // (2 * jobs))))
        chunks.append(todo[i : i + size])
        i += size
    return chunks


def _warm(nlp: Any, comps: tuple[str, ...]) -> None:
    """Run the pipeline once, so that what its components load on first use is loaded."""
    from .pipeline import analyse

    text = "Berlin – Außenminister Wladimir Beispiel sagte am 3. Mai 2024 in Moskau, 300 Soldaten seien getötet worden."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            analyse([Article(id="warm-up", text=text, title="")], comps, nlp=nlp, cross=False)
    except Exception:  # noqa: BLE001 - only a warm-up
        log.debug("warm-up failed", exc_info=True)


def _worker_init(comps: tuple[str, ...]) -> None:
    if _WORKER.get("nlp") is None or _WORKER.get("comps") != comps:
        from .pipeline import build_nlp

        _WORKER.update(nlp=build_nlp(comps), comps=comps)


def _worker_analyse(chunk: list[Article]) -> tuple[Result | Exception, int, float]:
    """The chunk's analysis (or its failure), which process made it and that process's CPU seconds so far."""
    from .pipeline import analyse

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result: Result | Exception = analyse(chunk, _WORKER["comps"], nlp=_WORKER["nlp"], cross=False)
    except Exception as e:  # noqa: BLE001 - sent back as the chunk's failure (as text: it must pickle)
        log.exception("analysis of a chunk failed")
        result = RuntimeError(f"{type(e).__name__}: {e}")
    return result, os.getpid(), time.process_time()


def _kept(article: Article | None, summary: BuildSummary, skipped: str = "the whole article") -> str:
    """What a failure cost: for an article stored before, its old version stays."""
    if article is not None and (article.id in summary.replaced or article.id in summary.reanalysed):
        return "the new version; the stored one is kept"
    return skipped


def _per_article(result: Result, summary: BuildSummary) -> list[tuple[Article, dict[str, list]]]:
    """Split a batch result into each article's rows."""
    parts: dict[str, dict[str, list]] = {
        a.id: {"sentences": [], "claims": [], "times": [], "mentions": [], "events": []} for a in result.articles}
    for s in result.sentences:
        parts[s.article]["sentences"].append(s)
    seen_ids: set[str] = set()
    for c in result.claims:
        base = c.id or f"{c.article}#{c.start}"
        cid, k = base, 1
        while cid in seen_ids:  # two claims at one offset: keep both, ids stay unique
            k += 1
            cid = f"{base}~{k}"
        c.id = cid
        seen_ids.add(cid)
        parts[c.article]["claims"].append(c)
    for t in result.times:
        parts[t.article]["times"].append(t)
    for m in result.mentions:
        if m.article in parts:
            parts[m.article]["mentions"].append(m)
    orphans = 0
    for ev in result.events:
        owner = event_article(ev)
        if owner in parts:
            parts[owner]["events"].append(ev)
        else:
            orphans += 1
    if orphans:  # an extractor bug, not the article's fault: say it once
        summary.notes.append(f"{orphans} events name no article (Event.articles and evidence empty); not stored")
    return [(a, parts[a.id]) for a in result.articles]


def _cross_article(store: Store, summary: BuildSummary, changed: set[str], story_of: StoryOf | None) -> bool:
    """Consolidate across everything stored and keep the result in one transaction; whether every step ran.

    Duplicates and entities are redone over all stored articles (linear: blocked by name keys). Claim
    groups and merged events are redone per block (story); with stories, only for the blocks this build
    touched, the stored ones of the others kept. A step that fails keeps its previous results."""
    from .consolidate.duplicates import VERSION

    t0, c0 = time.monotonic(), time.process_time()
    # their texts below, where a step reads them; all at once where every block is grouped again or a
    # story_of function reads them
    articles = store.articles(text=story_of is None or callable(story_of))
    links = store.claim_links()
    mentions = store.mentions()
    t1, c1 = time.monotonic(), time.process_time()
    found = _stories(store, articles, mentions, summary)
    summary.timings.update({"cross/read": t1 - t0, "cross/stories": time.monotonic() - t1,
                            "cpu/cross/read": c1 - c0, "cpu/cross/stories": time.process_time() - c1})
    t1, c1 = time.monotonic(), time.process_time()
    if story_of is STORIES:
        story_of = found
    if callable(story_of):
        story_of = story_of(articles)
    block = blocks_of((a.id for a in articles), story_of)
    keep = _kept_blocks(store, links, block, changed) if story_of is not None else None
    signatures = store.signatures(VERSION)
    articles = _with_texts(store, articles, block, keep, changed | (block.keys() - signatures.keys()))
    if keep is None:
        claims, extracted = store.claims(), store.extracted_events()
    else:   # those of the blocks grouped again, and all that name a source (entities link them)
        redo = set(block.values()) - set(keep)
        claims = store.claims_of([a for a, b in block.items() if b in redo], sourced=True)
        extracted = store.extracted_events_of([a for a, b in block.items() if b in redo])  # the blocks merged again
    summary.timings["cross/read"] += time.monotonic() - t1
    summary.timings["cpu/cross/read"] += time.process_time() - c1
    was = {a.id: a.duplicate_of for a in articles}
    known = ({k: None if v is None else np.frombuffer(v, dtype="<u8").astype(np.uint64)
              for k, v in signatures.items()}, store.near_copies(VERSION), store.article)
    resolution = _Resolution(store)
    cross = cross_article(articles, claims, mentions, extracted, story_of=story_of,
                          blocks=None if keep is None else set(block.values()) - set(keep),
                          stored_groups=store.groups, stored_entities=store.entities, known=known,
                          resolve=resolution)
    if keep and cross.entities is not None:
        # a kept event naming an entity that is gone (its canonical name changed) is redone with its block
        old, new = store.entity_ids(), {e.id for e in cross.entities}
        stale = {b for b, (_, evs) in keep.items()
                 if any(x in old and x not in new for e in evs for x in (e.actor, e.target))}
        if stale:
            again = cross_article(articles, store.claims(), [], store.extracted_events(), steps=("groups", "events"),
                                  story_of=story_of, blocks=stale, stored_entities=lambda: cross.entities or [])
            cross.group_blocks.update(again.group_blocks)
            cross.event_blocks.update(again.event_blocks)
            cross.failed.update(again.failed)
            for b in stale:
                del keep[b]
    for name, why in cross.failed.items():
        summary.notes.append(f"{name} not recomputed, previous kept: {why}")
    summary.timings.update({f"cross/{k}": v for k, v in cross.seconds.items()})
    summary.timings.update({f"cpu/cross/{k}": v for k, v in cross.cpu.items()})
    t0, c0 = time.monotonic(), time.process_time()
    groups, events = cross.groups, cross.events
    if keep is not None:  # the untouched blocks' stored groups and events, in block order
        order = list(dict.fromkeys(block[a.id] for a in articles))
        if groups is not None:
            groups = [g for b in order for g in (keep[b][0] if b in keep else cross.group_blocks.get(b, []))]
        if events is not None:
            events = [e for b in order for e in (keep[b][1] if b in keep else cross.event_blocks.get(b, []))]
    copies = None if cross.near_copies is None else (VERSION, {
        k: None if v is None else v.astype("<u8").tobytes() for k, v in (cross.signatures or {}).items()},
        cross.near_copies)
    store.replace_cross(duplicates=None if cross.duplicates is None else {   # only what changed is written
        k: v for k, v in cross.duplicates.items() if was.get(k, "") != v}, near_copies=copies,
        groups=groups, entities=cross.entities, sourced=cross.sourced, events=events,
        kept_groups={g.id for gs, _ in (keep or {}).values() for g in gs},
        kept_events={e.id for _, es in (keep or {}).values() for e in es},
        **(resolution.write if cross.entities is not None else {}))
    summary.timings["cross/write"] = time.monotonic() - t0
    summary.timings["cpu/cross/write"] = time.process_time() - c0
    return found is not None and not cross.failed


def _with_texts(store: Store, articles: list[Article], block: dict[str, str], keep: dict[str, Any] | None,
                need: set[str]) -> list[Article]:
    """`articles` (read without their texts) with the texts the steps read: of the articles of the blocks
    grouped again and of `need` (new, or without a near-duplicate signature); all when every block is."""
    if articles and articles[0].text:
        return articles
    if keep is None:
        return store.articles()
    redo = set(block.values()) - set(keep)
    full = {a.id: a for a in store.articles_of({a for a, b in block.items() if b in redo} | need)}
    return [full.get(a.id, a) for a in articles]


class _Resolution:
    """Entity resolution against the index the store keeps (consolidate.entities.components): where the index
    was made by this code, only the parts that the unresolved mentions (of new articles) touch are resolved
    again, with all their stored mentions - the same entities as a resolution over all mentions; without
    one (a first build, an article replaced or deleted), over all, and the index is made. Called with all
    stored mentions in their order (`Store.mentions`); `write` is what `Store.replace_cross` keeps of it."""

    def __init__(self, store: Store):
        self.store = store
        self.write: dict[str, Any] = {}

    def __call__(self, mentions: Sequence[Mention]) -> list[Entity]:
        from .consolidate.entities import INDEX_VERSION, components, resolve_entities

        linked = self.store.mention_entities()
        if self.store.entity_index() != INDEX_VERSION or len(linked) != len(mentions):
            entities = resolve_entities(mentions)
            self.write = {"entity_index": (INDEX_VERSION, components(mentions, entities)[1])}
            return entities
        return self._part(mentions, linked)

    def _part(self, mentions: Sequence[Mention], linked: list[str | None]) -> list[Entity]:
        from .consolidate.entities import components, part_keys, resolve_entities

        store = self.store
        part_of = store.entity_parts()
        of = [None if e is None else part_of.get(e) for e in linked]
        new = [m for m, p in zip(mentions, of) if p is None]
        new_keys = part_keys(new, [])       # asked once: the index is written with them below
        parts = set(store.key_parts(new_keys).values())
        redone: list[Entity] = []
        again: list[tuple[Mention, str | None]] = []
        while new:   # the parts the new mentions touch, and those whose entity ids the result meets
            again = [(m, eid) for m, eid, p in zip(mentions, linked, of) if p is None or p in parts]
            redone = resolve_entities([m for m, _ in again])
            more = set(store.key_parts("e:" + e.id for e in redone).values()) - parts
            if not more:
                break
            parts |= more
        kept: dict[str, list[Mention]] = defaultdict(list)
        for m, eid, p in zip(mentions, linked, of):
            if eid is not None and p is not None and p not in parts:
                kept[eid].append(m)
        stored = store.entity_rows()
        gone = {e.id for e in stored if part_of.get(e.id) in parts}
        entities = [e for e in stored if e.id not in gone]
        for e in entities:
            e.mentions = kept.get(e.id, [])
        entities += redone
        entities.sort(key=lambda e: (-len(e.mentions), e.id))     # as resolve_entities orders them
        if not new:
            self.write = {"entity_part": ([], set(), [], set(), {})}
            return entities
        was = {e.id: e for e in stored if e.id in gone}
        changed = [e for e in redone if e.id not in was or _entity_row(e) != _entity_row(was[e.id])]
        entity_of = {(m.article, m.start, m.end): e.id for e in redone for m in e.mentions}
        relinked = [(eid, m.article, m.start, m.end) for m, old in again
                    if (eid := entity_of.get((m.article, m.start, m.end))) != old]
        # the index of what was resolved again, split into the parts that no longer touch each other (a part
        # merged by new mentions once stays apart where they do not join it): numbers of the redone parts first
        local = components([m for m, _ in again], redone)[1]
        free = [*sorted(parts), *range(store.next_part(), store.next_part() + len(set(local.values())))]
        self.write = {"entity_part": (changed, gone - {e.id for e in redone}, relinked, parts,
                                      {k: free[n] for k, n in local.items()})}
        return entities


def _entity_row(e: Entity) -> tuple:
    return (e.name, e.type, e.aliases, e.lat, e.lon, e.country, e.wikidata)


def _stories(store: Store, articles: list[Article], mentions: list, summary: BuildSummary) -> dict[str, str] | None:
    """The stories step: each new article joins a stored story or opens one (consolidate.stories, through
    the index kept in the store); stored with their article links. Returns story_of (article id -> story
    id), None when the step failed (the stored stories are kept)."""
    from .consolidate.stories import story_inputs, story_of, update_stories_lazily

    of: dict[str, list] = defaultdict(list)     # the mentions, read for the entities step already
    for m in mentions:
        of[m.article].append(m)

    def inputs_of(ids: Sequence[str]) -> list:   # read only for the articles clustering looks at
        # no mention stored: no entity extractor ran, the countries named stand in
        return story_inputs(store.articles_of(ids), [m for i in ids for m in of.get(i, ())], store.times_of(ids),
                            not mentions)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stories, index = update_stories_lazily({a.id: a.content_hash or "" for a in articles}, inputs_of,
                                                   store.story_index())
        store.replace_stories(stories, index)
    except Exception as e:  # noqa: BLE001 - the other steps go on, the stored stories stay
        log.exception("cross-article step stories failed")
        summary.notes.append(f"stories not recomputed, previous kept: {type(e).__name__}: {e}")
        return None
    return story_of(stories)


def complete_cross_article(store: Store) -> list[str]:
    """The cross-article step over everything stored, as after a build (`lagebild check` completes an
    interrupted build with it); its notes."""
    summary = BuildSummary(db=store.path)
    _cross_article(store, summary, set(), None)
    return summary.notes


def _kept_blocks(store: Store, claims: list[tuple[str, str, str | None]], block: dict[str, str],
                 changed: set[str]) -> dict[str, tuple[list, list]]:
    """Block -> (stored groups, stored events) for each block whose stored results still hold: none of its
    articles changed, each of its claims ((id, article, group), `Store.claim_links`) is in one of its groups
    or none, each group and event is of it."""
    touched = {block[a] for a in changed if a in block}
    article_of = {cid: article for cid, article, _ in claims}
    groups: dict[str, list] = {}
    for g in store.groups():
        b = block.get(article_of.get(g.members[0], "")) if g.members else None
        if b is None or not g.id.startswith(f"{b}/") or any(block.get(article_of.get(m, "")) != b for m in g.members):
            touched.add(b) if b is not None else None
            continue
        groups.setdefault(b, []).append(g)
    ids = {b: {g.id for g in gs} for b, gs in groups.items()}
    for _, article, group in claims:
        b = block.get(article)
        if b is not None and group is not None and group not in ids.get(b, ()):
            touched.add(b)
    events: dict[str, list] = {}
    for ev in store.events():
        b = block.get(event_article(ev) or "")
        if b is None or not ev.id.startswith(f"{b}/"):
            touched.add(b) if b is not None else None
            continue
        events.setdefault(b, []).append(ev)
    blocks = set(block.values()) - touched
    return {b: (groups.get(b, []), events.get(b, [])) for b in blocks}


class _progress:
    """A Rich progress bar on a terminal console when the work is long; otherwise silent."""

    def __init__(self, console: Any, total: int, threshold: int = 8):
        self.bar = None
        if console is not None and total >= threshold and getattr(console, "is_terminal", False):
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=console, transient=True)
            self.task = self.bar.add_task("analysing", total=total)

    def __enter__(self) -> Callable[[], None]:
        bar = self.bar
        if bar is None:
            return lambda: None
        bar.__enter__()
        return lambda: bar.advance(self.task)

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
