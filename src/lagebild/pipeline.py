"""The one orchestrator: owns the order of stages, batching and per-article errors.

    paths --> ingest.read_paths --> nlp (our German pipeline + extractor components)
          --> consolidate (groups, entities, events) --> Result

One bad article never stops a batch: readers yield `ArticleError`s, and an
article whose analysis fails is recorded as an error and skipped.
"""
from __future__ import annotations

import importlib
import logging
import time
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import extract  # noqa: F401  (registers the Doc extensions)
from .model import Article, ArticleError, Claim, ClaimGroup, Entity, Event, Mention, Result, Sentence

log = logging.getLogger(__name__)

# Extractor components, in the order they run; each module registers its factory on import.
COMPONENTS: dict[str, str] = {
    "entities": "lagebild.extract.entities",
    "times": "lagebild.extract.time",
    "claims": "lagebild.extract.claims",
    "events": "lagebild.extract.events",
}
# Stages that need an earlier one.
NEEDS: dict[str, tuple[str, ...]] = {"events": ("entities", "times", "claims"), "claims": ("times",)}
ALL = tuple(COMPONENTS)


def read_articles(paths: Sequence[str | Path], options=None) -> tuple[list[Article], list[ArticleError]]:
    """Read every input (files, folders, URLs, feeds, web archives); bad ones become errors, the rest
    articles. `options`: ingest.sources.InputOptions (offline, cache, outlet). Near-duplicates are not
    marked here: that is a cross-article step (`consolidate`, a build's), done once over what is analysed."""
    from .ingest.readers import read_paths

    articles: list[Article] = []
    errors: list[ArticleError] = []
    for item in read_paths(list(paths), options):
        if isinstance(item, ArticleError):
            errors.append(item)
        else:
            articles.append(item)
    from .extract.pubdate import infer_published

    for a in articles:
        infer_published(a)  # only fills a date the input's metadata did not give
    return articles, errors


def with_needs(components: Iterable[str]) -> tuple[str, ...]:
    wanted = set(components)
    for c in list(wanted):
        wanted.update(NEEDS.get(c, ()))
    return tuple(c for c in COMPONENTS if c in wanted)


def available_components(wanted: Iterable[str] | None = None) -> tuple[tuple[str, ...], dict[str, str]]:
    """The extractor components that can run, and why each other one cannot.

    A component whose module is not written yet (or fails to import, or
    registers no factory) is skipped, so `build` works while the extractors
    are still being written; a component whose needs are missing is skipped too.
    """
    wanted = list(COMPONENTS) if wanted is None else list(wanted)
    for name in wanted:  # what a wanted component needs is wanted too (visits the appended ones as well)
        wanted += [n for n in NEEDS.get(name, ()) if n not in wanted]
    ok: list[str] = []
    skipped: dict[str, str] = {}
    for name in wanted:
        if name not in COMPONENTS:
            skipped[name] = f"unknown component (known: {', '.join(COMPONENTS)})"
            continue
        module = COMPONENTS[name]
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as e:
            why = "is not there" if e.name == module else f"does not import: {type(e).__name__}: {e}"
            skipped[name] = f"module {module} {why}"
            continue
        except Exception as e:  # noqa: BLE001 - a broken extractor must not stop the build
            skipped[name] = f"module {module} does not import: {type(e).__name__}: {e}"
            continue
        if not Language.has_factory(f"lagebild_{name}"):
            skipped[name] = f"module {module} registers no factory lagebild_{name}"
            continue
        ok.append(name)
    # A component needs its prerequisites (pipeline.NEEDS); drop those whose needs are missing.
    changed = True
    while changed:
        changed = False
        for name in list(ok):
            missing = [n for n in NEEDS.get(name, ()) if n not in ok]
            if missing:
                ok.remove(name)
                skipped[name] = f"needs {', '.join(missing)}, which cannot run"
                changed = True
    return tuple(n for n in COMPONENTS if n in ok), skipped


def build_nlp(components: Iterable[str] = ALL, nlp: Language | None = None) -> Language:
    """Our German pipeline with the extractor components appended."""
    from . import nlp as nlp_pkg

    nlp = nlp or nlp_pkg.load()
    for name in with_needs(components):
        importlib.import_module(COMPONENTS[name])
        factory = f"lagebild_{name}"
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.id
    doc._.dct = article.published
    doc._.passage_dates = article.passage_dates
    doc._.title_end = len(article.title) if article.text.startswith(article.title) else 0
    return doc


def _docs(nlp: Language, articles: list[Article], batch_size: int) -> Iterable[tuple[Article, Doc | ArticleError]]:
    """nlp.pipe in batches; a failing batch is redone one article at a time."""
    for i in range(0, len(articles), batch_size):
        batch = articles[i : i + batch_size]
        try:
            docs = list(nlp.pipe([make_doc(nlp, a) for a in batch], batch_size=batch_size))
            yield from zip(batch, docs)
        except Exception:  # noqa: BLE001 - isolate the culprit below
            for a in batch:
                try:
                    yield a, nlp(make_doc(nlp, a))
                except Exception as e:  # noqa: BLE001
                    log.exception("analysis failed for %s", a.id)
                    yield a, ArticleError(a.id, f"analysis failed: {type(e).__name__}: {e}")


def analyse(
    articles: list[Article],
    components: Iterable[str] = ALL,
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    progress: Callable[[Article], None] | None = None,
    cross: bool = True,
) -> Result:
    """Run the extractors over the articles and consolidate across them.

    cross=False skips the cross-article steps and leaves the items as extracted
    (mentions unresolved, no entities): the store's build does them itself over
    everything stored.
    """
    components = with_needs(components)
    nlp = build_nlp(components, nlp)
    result = Result()
    for article, doc in _docs(nlp, articles, batch_size):
        if progress:
            progress(article)
        if isinstance(doc, ArticleError):
            result.errors.append(doc)
            continue
        result.articles.append(article)
        for i, s in enumerate(doc.sents):
            result.sentences.append(Sentence(article.id, i, s.start_char, s.end_char, s.text))
        for c in doc._.claims or ():
            c.raw_start, c.raw_end = article.raw_offset(c.start), article.raw_offset(c.end, end=True)
            result.claims.append(c)
        result.times.extend(doc._.times or ())
        result.events.extend(doc._.events or ())
        if "entities" in components:
            result.mentions.extend(doc._.mentions or ())  # resolved into entities below
    if cross:
        consolidate(result, components)
    return result


def consolidate(result: Result, components: Sequence[str]) -> None:
    """Cross-article steps over an in-memory result (the CLI's path): the same steps as a build's."""
    from .consolidate.stories import story_of

    result.stories = stories_of(result.articles, result.mentions, result.times)
    steps = [s for s, needs in CROSS_NEEDS.items() if needs is None or needs in components]
    # claims are grouped and events merged within each story, as a build does
    cross = cross_article(result.articles, result.claims, result.mentions, result.events, steps=steps,
                          story_of=story_of(result.stories), isolate=False)
    if cross.groups is not None:
        result.groups = cross.groups
    if cross.entities is not None:
        result.entities = cross.entities
    if cross.events is not None:
        result.events = cross.events


# --- across articles -----------------------------------------------------------------------------

def stories_of(articles: Sequence[Article], mentions: Sequence[Any] = (), times: Sequence[Any] = ()) -> list:
    """The stories of a batch of articles (consolidate.stories; over the unresolved mentions)."""
    from .consolidate.stories import cluster_articles

    return cluster_articles(articles, [m for m in mentions if isinstance(m, Mention)], times)


# The cross-article steps, in the order they run, and the extractor component whose output each needs.
CROSS_NEEDS: dict[str, str | None] = {"duplicates": None, "groups": "claims", "entities": "entities",
                                      "events": "events"}
CROSS_STEPS = tuple(CROSS_NEEDS)


@dataclass
class Cross:
    """What the cross-article steps derived. A step that did not run (or failed, see `failed`) leaves None."""

    duplicates: dict[str, str | None] | None = None   # article id -> the article it is a copy of
    signatures: dict[str, Any] | None = None          # the new articles' MinHash signatures (with `known`)
    near_copies: set[tuple[str, str]] | None = None   # all near-copy pairs (with `known`)
    groups: list[ClaimGroup] | None = None
    entities: list[Entity] | None = None
    sourced: list[Claim] | None = None                # claims whose sources the entities linked
    events: list[Event] | None = None
    failed: dict[str, str] = field(default_factory=dict)   # step -> why
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds it took
    cpu: dict[str, float] = field(default_factory=dict)      # step -> CPU seconds of this process (a loaded machine
                                                             # stretches `seconds`, much less these)
    group_blocks: dict[str, list[ClaimGroup]] = field(default_factory=dict)   # block -> its groups
    event_blocks: dict[str, list[Event]] = field(default_factory=dict)


def blocks_of(ids: Iterable[str], story_of: Mapping[str, str] | None) -> dict[str, str]:
    """Article id -> its block: its story, one block for all without stories, its own for an article in none."""
    if story_of is None:
        return dict.fromkeys(ids, "")
    return {i: story_of.get(i) or f"article:{i}" for i in ids}


def cross_article(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    mentions: Sequence[Mention],
    events: Sequence[Event],
    *,
    steps: Iterable[str] = CROSS_STEPS,
    story_of: Mapping[str, str] | None = None,
    blocks: Collection[str] | None = None,
    isolate: bool = True,
    stored_groups: Callable[[], list[ClaimGroup]] | None = None,
    stored_entities: Callable[[], list[Entity]] | None = None,
    known: tuple[Mapping[str, Any], Iterable[tuple[str, str]], Callable[[str], Article | None]] | None = None,
    resolve: Callable[[Sequence[Mention]], list[Entity]] | None = None,
) -> Cross:
    """The cross-article steps, pure over the extracted items (claims and events are updated in place:
    `Claim.group`, `Source.entity`).

    Claim grouping and event merging run per block (`story_of`: article id -> story id; None: one block);
    entity resolution runs over all mentions (a person is one across stories). `blocks` limits grouping
    and merging to those blocks (an incremental build redoes only the stories it touched). With `isolate`, a step
    that fails is recorded in `Cross.failed` and the later steps read `stored_groups()` /
    `stored_entities()` instead of its result; without, its exception propagates. `known`: the stored
    signatures (article id -> signature), near-copy pairs, a reader of an article given without its text:
    near-duplicates are looked for only for the articles without a signature (the same as over all). `resolve`:
    the entity resolution (default: `resolve_entities` over all mentions; the build's resolves only the
    parts new mentions touch, against an index kept in the store, to the same result).
    """
    steps = set(steps)
    out = Cross()
    block = blocks_of((a.id for a in articles), story_of)

    def step(name: str, fn: Callable[[], Any]) -> None:
        if name in steps:
            _run_step(out, name, fn, isolate)

    def duplicates() -> None:
        from .consolidate.duplicates import mark_duplicates

        # oldest first: the first of a cluster of wire copies is the original
        for a in articles:
            a.duplicate_of = None
        if known is None:
            mark_duplicates(list(articles))
        else:
            out.signatures, out.near_copies = _near_copies(articles, *known)
        out.duplicates = {a.id: a.duplicate_of for a in articles}

    def groups() -> None:
        from .consolidate.groups import group_claims

        for b, (arts, cls) in _by_block(articles, claims, block, lambda c: c.article).items():
            if blocks is None or b in blocks:
                # a block of a story is one story to the grouping (no fallback clustering inside it)
                one = None if story_of is None else dict.fromkeys((a.id for a in arts), b)
                out.group_blocks[b] = _qualified(group_claims(cls, arts, one), b, story_of, cls)
        out.groups = [g for gs in out.group_blocks.values() for g in gs]

    def entities() -> None:
        from .consolidate.entities import link_sources, resolve_entities

        out.entities = (resolve or resolve_entities)(mentions)
        out.sourced = link_sources(claims, out.entities)

    def merge() -> None:
        from .consolidate.events import Known, merge_events

        ents = out.entities if out.entities is not None else stored_entities() if stored_entities else []
        gs = out.groups if out.groups is not None else stored_groups() if stored_groups else []
        todo = {b: evs for b, (_, evs) in _by_block(articles, events, block, event_article).items()
                if blocks is None or b in blocks}   # Known: indexed once, the merged events' articles only
        known = Known(ents, gs, {sp.article for evs in todo.values() for ev in evs for sp in ev.evidence})
        out.event_blocks.update({b: _qualified(merge_events(evs, known=known), b, story_of) for b, evs in todo.items()})
        out.events = [e for es in out.event_blocks.values() for e in es]

    step("duplicates", duplicates)
    step("groups", groups)
    step("entities", entities)
    step("events", merge)
    return out


def _run_step(out: Cross, name: str, fn: Callable[[], Any], isolate: bool) -> None:
    """One cross-article step, timed; with `isolate` its failure is recorded in `out.failed`, not raised."""
    t0, c0 = time.monotonic(), time.process_time()
    try:
        if not isolate:
            fn()
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except Exception as e:  # noqa: BLE001 - the caller keeps this step's previous results
        if not isolate:
            raise
        log.exception("cross-article step %s failed", name)
        out.failed[name] = f"{type(e).__name__}: {e}"
    finally:
        out.seconds[name] = time.monotonic() - t0
        out.cpu[name] = time.process_time() - c0


def _near_copies(articles: Sequence[Article], signatures: Mapping[str, Any], pairs: Iterable[tuple[str, str]],
                 read: Callable[[str], Article | None] | None = None) -> tuple[dict[str, Any], set[tuple[str, str]]]:
    """Mark near-duplicates from the stored signatures and pairs, computing them for the articles without
    a signature (these with their texts); the new signatures and all pairs. `read`: an article with its
    text, for those given without whose shingles are compared."""
    from .consolidate.duplicates import near_pairs, originals, shingle_set, signature

    by_id = {a.id: a for a in articles}
    new = {a.id: signature(a) for a in articles if a.id not in signatures}
    sigs = {i: new[i] if i in new else signatures[i] for i in by_id}
    sets: dict[str, set[str]] = {}

    def shingles_of(i: str) -> set[str]:
        if i not in sets:
            a = by_id[i]
            sets[i] = shingle_set(a if a.text or read is None else read(i) or a)
        return sets[i]

    found = {(a, b) for a, b in pairs if a in by_id and b in by_id} | near_pairs(sigs, new, shingles_of)
    for i, orig in originals([a.id for a in articles], found).items():
        by_id[i].duplicate_of = orig
    return new, found


def _by_block(articles: Sequence[Article], items: Sequence[Any], block: dict[str, str],
              article_of: Callable[[Any], str | None]) -> dict[str, tuple[list[Article], list[Any]]]:
    """Articles and items per block, blocks in the order of their first article (items of no known
    article go to the first block, as they would without blocks)."""
    out: dict[str, tuple[list[Article], list[Any]]] = {}
    for a in articles:
        out.setdefault(block[a.id], ([], []))[0].append(a)
    first = next(iter(out), "")
    for x in items:
        out.setdefault(block.get(article_of(x) or "", first), ([], []))[1].append(x)
    return out


def _qualified(items: list[Any], block: str, story_of: Mapping[str, str] | None,
               claims: Sequence[Claim] = ()) -> list[Any]:
    """Ids made unique across blocks: with stories, each group and event id says its story (and the
    `claims` of a block name their group as the group does)."""
    if story_of is None:
        return items
    for x in items:
        x.id = f"{block}/{x.id}"
    for c in claims:
        c.group = None if c.group is None else f"{block}/{c.group}"
    return items


def event_article(ev: Event) -> str | None:
    """The article an extracted event was read from."""
    if ev.articles:
        return ev.articles[0]
    if ev.evidence:
        return ev.evidence[0].article
    return None


def run(paths: Sequence[str | Path], components: Iterable[str] = ALL, **kw) -> Result:
    articles, errors = read_articles(paths)
    result = analyse(articles, components, **kw)
    result.errors[:0] = errors
    return result
