"""The one orchestrator: owns the order of stages, batching and per-article errors.

    paths --> ingest.read_paths --> nlp (our German pipeline + extractor components)
          --> consolidate (groups, entities, events) --> Result

One bad article never stops a batch: readers yield `ArticleError`s, and an
article whose analysis fails is recorded as an error and skipped.
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import extract  # noqa: F401  (registers the Doc extensions)
from .model import Article, ArticleError, Mention, Result, Sentence

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


def read_articles(paths: Sequence[str | Path]) -> tuple[list[Article], list[ArticleError]]:
    """Read every input; bad ones become errors, the rest articles."""
    from .ingest.readers import read_paths

    articles: list[Article] = []
    errors: list[ArticleError] = []
    for item in read_paths([Path(p) for p in paths]):
        (errors if isinstance(item, ArticleError) else articles).append(item)
    from .consolidate.duplicates import mark_duplicates
    from .extract.pubdate import infer_published

    for a in articles:
        infer_published(a)  # only fills a date the input's metadata did not give
    mark_duplicates(articles)
    return articles, errors


def with_needs(components: Iterable[str]) -> tuple[str, ...]:
    wanted = set(components)
    for c in list(wanted):
        wanted.update(NEEDS.get(c, ()))
    return tuple(c for c in COMPONENTS if c in wanted)


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
    (entities then holds the unresolved `Mention`s): the store's build does
    them itself over everything stored.
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
            result.entities.extend(doc._.mentions or ())  # resolved below
    if cross:
        consolidate(result, components)
    return result


def consolidate(result: Result, components: Sequence[str]) -> None:
    """Cross-article steps: pure over the extracted items."""
    from .consolidate.stories import cluster_articles

    # stories first (over the unresolved mentions): claim grouping and event merging may block on them
    mentions = [m for m in result.entities if isinstance(m, Mention)]
    result.stories = cluster_articles(result.articles, mentions, result.times)
    if "claims" in components:
        from .consolidate.groups import group_claims

        result.groups = group_claims(result.claims, result.articles)
    if "entities" in components:
        from .consolidate.entities import link_sources, resolve_entities

        result.entities = resolve_entities(result.entities)
        link_sources(result.claims, result.entities)
    if "events" in components:
        from .consolidate.events import merge_events

        result.events = merge_events(result.events, result.entities, result.groups)


def run(paths: Sequence[str | Path], components: Iterable[str] = ALL, **kw) -> Result:
    articles, errors = read_articles(paths)
    result = analyse(articles, components, **kw)
    result.errors[:0] = errors
    return result
