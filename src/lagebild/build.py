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
import logging
import time
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Article, ArticleError, Result
from .pipeline import available_components, blocks_of, cross_article, event_article
from .store.check import finish_stale, stale_builds
from .store.identity import Identities
from .store.lock import build_lock
from .store.sqlite import Store, StoreError, is_disk_full

log = logging.getLogger(__name__)

__all__ = ["BuildSummary", "available_components", "build_articles", "build_dossier", "content_hash", "fingerprint"]

PACKAGE = Path(__file__).resolve().parent
# A story_of: article id -> story id, or what makes one from all stored articles.
StoryOf = Mapping[str, str] | Callable[[Sequence[Article]], Mapping[str, str]]
CHUNK = 64  # articles analysed and stored per round: bounds memory on big inputs


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
    story_of: StoryOf | None = None,
    options: Any = None,
) -> BuildSummary:
    """Read, analyse and store the articles under `paths` (files, folders, URLs, feeds, web archives)
    into the dossier `db_path`. `options`: ingest.sources.InputOptions (offline, cache, outlet)."""
    from .pipeline import read_articles

    articles, errors = read_articles(paths, options)
    return build_articles(articles, db_path, errors=errors, inputs=paths, console=console,
                          components=components, nlp=nlp, force=force, story_of=story_of)


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
    story_of: StoryOf | None = None,
) -> BuildSummary:
    """`build_dossier` for articles already read (by our readers or anyone's).

    `story_of` (article id -> story id, or a function of all stored articles giving it) makes claim
    grouping and event merging run per story, and only for the stories this build touched."""
    t0 = time.monotonic()
    summary = BuildSummary(db=Path(db_path), inputs=len(articles) + len(errors))
    summary.errors.extend(errors)
    comps, summary.skipped_components = available_components(components)
    summary.components = comps
    analysed_with = {"components": list(comps), "fingerprint": fingerprint(comps)}

    with build_lock(db_path), Store(db_path, create=True) as store:
        stale = stale_builds(store)   # we hold the lock: whoever started these is gone
        if stale:
            finish_stale(store, stale, "interrupted; completed by the next build")
            summary.notes.append(f"build {', '.join(map(str, stale))} was interrupted; this one completes it")
        build_id = summary.build_id = store.start_build(inputs, comps, analysed_with["fingerprint"])
        todo = _to_analyse(articles, Identities(store.article_state()), comps, analysed_with, force, summary)

        stored = _analyse_and_store(store, todo, comps, nlp, analysed_with, build_id, summary, console)
        # Only what really got stored counts as processed; the rest is in summary.errors.
        for ids in (summary.new, summary.replaced, summary.reanalysed):
            ids[:] = [i for i in ids if i in stored]

        # Always: cheap next to analysis, and consolidation code may have changed since.
        try:   # the cross-article step is written in one transaction (store.replace_cross)
            _cross_article(store, summary, set(stored), story_of)
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
                f"{(first.get(a.id) or origins[a.origin]).source_path or 'another input'}",
                skipped="this copy"))
            continue
        old = identities.claim(a)   # may give it the stored article's id, or a free one
        first[a.id] = origins[a.origin] = a
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
) -> set[str]:
    from .pipeline import analyse, build_nlp

    stored: set[str] = set()
    if not todo:
        return stored
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            nlp = build_nlp(comps, nlp)
        except Exception as e:  # noqa: BLE001 - e.g. a broken model: say so per article, keep what is stored
            log.exception("the analysis pipeline could not be built")
            summary.errors.extend(ArticleError(a.id, f"analysis unavailable: {type(e).__name__}: {e}",
                                               skipped=_kept(a, summary)) for a in todo)
            return stored
        with _progress(console, len(todo)) as advance:
            for i in range(0, len(todo), CHUNK):
                chunk = todo[i : i + CHUNK]
                try:
                    result = analyse(chunk, comps, nlp=nlp, cross=False, progress=lambda a: advance())
                except Exception as e:  # noqa: BLE001 - a failing chunk costs its articles, not the build
                    log.exception("analysis of a chunk failed")
                    summary.errors.extend(ArticleError(a.id, f"analysis failed: {type(e).__name__}: {e}",
                                                       skipped=_kept(a, summary)) for a in chunk)
                    continue
                for e in result.errors:
                    e.skipped = _kept(next((a for a in chunk if a.id == e.article), None), summary, e.skipped)
                summary.errors.extend(result.errors)
                for article, parts in _per_article(result, summary):
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


def _cross_article(store: Store, summary: BuildSummary, changed: set[str], story_of: StoryOf | None) -> None:
    """Consolidate across everything stored and keep the result in one transaction.

    Duplicates and entities are redone over all stored articles (linear: blocked by name keys). Claim
    groups and merged events are redone per block (story); with stories, only for the blocks this build
    touched, the stored ones of the others kept. A step that fails keeps its previous results."""
    articles = store.articles()
    claims = store.claims()
    if callable(story_of):
        story_of = story_of(articles)
    block = blocks_of((a.id for a in articles), story_of)
    keep = _kept_blocks(store, claims, block, changed) if story_of is not None else None
    cross = cross_article(articles, claims, store.mentions(), store.extracted_events(), story_of=story_of,
                          blocks=None if keep is None else set(block.values()) - set(keep),
                          stored_groups=store.groups, stored_entities=store.entities)
    if keep and cross.entities is not None:
        # a kept event naming an entity that is gone (its canonical name changed) is redone with its block
        old, new = {e.id for e in store.entities()}, {e.id for e in cross.entities}
        stale = {b for b, (_, evs) in keep.items()
                 if any(x in old and x not in new for e in evs for x in (e.actor, e.target))}
        if stale:
            again = cross_article(articles, claims, [], store.extracted_events(), steps=("groups", "events"),
                                  story_of=story_of, blocks=stale, stored_entities=lambda: cross.entities or [])
            cross.group_blocks.update(again.group_blocks)
            cross.event_blocks.update(again.event_blocks)
            cross.failed.update(again.failed)
            for b in stale:
                del keep[b]
    for name, why in cross.failed.items():
        summary.notes.append(f"{name} not recomputed, previous kept: {why}")
    groups, events = cross.groups, cross.events
    if keep is not None:  # the untouched blocks' stored groups and events, in block order
        order = list(dict.fromkeys(block[a.id] for a in articles))
        if groups is not None:
            groups = [g for b in order for g in (keep[b][0] if b in keep else cross.group_blocks.get(b, []))]
        if events is not None:
            events = [e for b in order for e in (keep[b][1] if b in keep else cross.event_blocks.get(b, []))]
    store.replace_cross(duplicates=cross.duplicates, groups=groups, entities=cross.entities,
                        sourced=cross.sourced, events=events)


def complete_cross_article(store: Store) -> list[str]:
    """The cross-article step over everything stored, as after a build (`lagebild check` completes an
    interrupted build with it); its notes."""
    summary = BuildSummary(db=store.path)
    _cross_article(store, summary, set(), None)
    return summary.notes


def _kept_blocks(store: Store, claims: list, block: dict[str, str], changed: set[str]) -> dict[str, tuple[list, list]]:
    """Block -> (stored groups, stored events) for each block whose stored results still hold: none of its
    articles changed, each of its claims is in one of its groups or none, each group and event is of it."""
    touched = {block[a] for a in changed if a in block}
    article_of = {c.id: c.article for c in claims}
    groups: dict[str, list] = {}
    for g in store.groups():
        b = block.get(article_of.get(g.members[0], "")) if g.members else None
        if b is None or not g.id.startswith(f"{b}/") or any(block.get(article_of.get(m, "")) != b for m in g.members):
            touched.add(b) if b is not None else None
            continue
        groups.setdefault(b, []).append(g)
    ids = {b: {g.id for g in gs} for b, gs in groups.items()}
    for c in claims:
        b = block.get(c.article)
        if c.group is not None and c.group not in ids.get(b, ()):
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
        if self.bar is None:
            return lambda: None
        self.bar.__enter__()
        return lambda: self.bar.advance(self.task)

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
