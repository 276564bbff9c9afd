"""Analysis as a map step: per-article results in JSONL partitions, made on one machine or many.

    lagebild analyse PATH... --out DIR [--jobs N | --dask local:2 | --dask tcp://scheduler:8786]
    lagebild build --from-partitions DIR --db dossier.db

`analyse` reads the articles and writes what the extractors found in each to `DIR/part-NNNNN.jsonl`
(one line per article: the article, its sentences, claims, time expressions, entity mentions and
extracted events; `DIR/analysed_with.json` says by which components and code). Nothing of it looks
at another article, so the partitions can be made anywhere: by a process pool here, or by the
workers of a Dask cluster (`dask.bag`, the pipeline built once per worker process). `build
--from-partitions` stores them like `build` stores what it analysed itself and then runs the
cross-article steps, which need all articles, on this machine.

Dask is an optional extra: `pip install 'lagebild[cluster]'`.
"""
from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .model import Article, ArticleError, Claim, Event, Mention, Result, Sentence, TimeExpression
from .store.sqlite import _plain, make

PARTS = ("sentences", "claims", "times", "mentions", "events")
TYPES = {"sentences": Sentence, "claims": Claim, "times": TimeExpression, "mentions": Mention, "events": Event}
HEADER = "analysed_with.json"


# --- records ------------------------------------------------------------------------------------

def records(result: Result) -> list[dict[str, Any]]:
    """One JSON-able record per analysed article (errors as records with "error")."""
    from .build import BuildSummary, _per_article

    out = [{"article": _plain(a), **{k: [_plain(x) for x in v] for k, v in parts.items()}}
           for a, parts in _per_article(result, BuildSummary(db=Path(".")))]
    out += [{"error": {"article": e.article, "problem": e.problem, "skipped": e.skipped}} for e in result.errors]
    return out


def from_records(lines: Iterable[dict[str, Any]]) -> Iterator[tuple[list[Article], Result]]:
    """(the article, a Result of it alone) per record: what `build_articles(analysed=...)` takes."""
    for rec in lines:
        if "error" in rec:
            e = rec["error"]
            err = ArticleError(e["article"], e["problem"], skipped=e.get("skipped") or "the whole article")
            yield [], Result(errors=[err])
            continue
        article = make(Article, rec["article"])
        result = Result(articles=[article])
        result.sentences = [make(Sentence, x) for x in rec.get("sentences", ())]
        result.claims = [make(Claim, x) for x in rec.get("claims", ())]
        result.times = [make(TimeExpression, x) for x in rec.get("times", ())]
        result.mentions = [make(Mention, x) for x in rec.get("mentions", ())]
        result.events = [make(Event, x) for x in rec.get("events", ())]
        yield [article], result


def read_partitions(folder: str | Path) -> tuple[list[Article], list[tuple[list[Article], Result]], dict[str, Any]]:
    """The articles, their analyses and the header of the partitions in `folder`."""
    folder = Path(folder)
    files = sorted(folder.glob("part-*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no partitions (part-*.jsonl) in {folder}: "
                                f"make them with `lagebild analyse ... --out {folder}`")
    header = json.loads((folder / HEADER).read_text(encoding="utf-8")) if (folder / HEADER).exists() else {}
    analysed: list[tuple[list[Article], Result]] = []
    for f in files:
        with f.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{f}:{n}: not a JSON record ({e})") from None
                analysed.extend(from_records([rec]))
    return [a for chunk, _ in analysed for a in chunk], analysed, header


def _write(folder: Path, n: int, recs: Sequence[dict[str, Any]]) -> Path:
    path = folder / f"part-{n:05d}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def _header(folder: Path, components: Sequence[str]) -> None:
    from .build import fingerprint

    (folder / HEADER).write_text(json.dumps({"components": list(components), "fingerprint": fingerprint(components)}),
                                 encoding="utf-8")


# --- the map step on this machine -------------------------------------------------------------------

def analyse_to_partitions(articles: Sequence[Article], folder: str | Path, components: Iterable[str] | None = None,
                          *, jobs: int = 1, per_partition: int = 64) -> list[Path]:
    """Analyse the articles (`jobs` processes) into partitions of `per_partition` articles in `folder`."""
    from .build import _analysed
    from .pipeline import available_components, build_nlp

    comps, _ = available_components(components)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = build_nlp(comps)
        recs: list[dict[str, Any]] = []
        for chunk, result in _analysed(list(articles), comps, nlp, jobs, lambda: None):
            if isinstance(result, Exception):
                recs += [{"error": {"article": a.id, "problem": f"analysis failed: {result}",
                                    "skipped": "the whole article"}} for a in chunk]
            else:
                recs += records(result)
    _header(folder, comps)
    return [_write(folder, i // per_partition, recs[i : i + per_partition]) for i in range(0, len(recs), per_partition)]


# --- the map step on a Dask cluster -------------------------------------------------------------

def analyse_on_dask(articles: Sequence[Article], folder: str | Path, components: Iterable[str] | None = None,
                    *, scheduler: Any = None, partitions: int | None = None) -> list[Path]:
    """The map step on Dask: `dask.bag` partitions of articles, analysed by the workers (each builds the
    pipeline once, on its first partition), written by this process into `folder`.

    `scheduler`: a `distributed.Client`, its address ("tcp://host:8786"), "local:N" for a LocalCluster of
    N worker processes on this machine, or None for Dask's default (the client made last, else local
    processes)."""
    try:
        import dask.bag as db
    except ImportError as e:
        raise RuntimeError("the Dask path needs the cluster extra: pip install 'lagebild[cluster]'") from e
    from .pipeline import available_components

    comps, _ = available_components(components)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    client, own = _client(scheduler)
    try:
        n = partitions or max(1, min(len(articles), 4 * _workers(client)))
        bag = db.from_sequence(list(articles), npartitions=n).map_partitions(_analyse_partition, comps)
        parts = bag.to_delayed()
        results = client.compute(parts, sync=True) if client is not None else [p.compute() for p in parts]
    finally:
        if own is not None:
            client.close()
            own.close()
    _header(folder, comps)
    return [_write(folder, i, recs) for i, recs in enumerate(results)]


def _client(scheduler: Any) -> tuple[Any, Any]:
    """(client, the LocalCluster we started or None)."""
    if scheduler is None or not isinstance(scheduler, str):
        return scheduler, None
    from distributed import Client, LocalCluster

    if scheduler.startswith("local"):
        workers = int(scheduler.partition(":")[2] or 2)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def _workers(client: Any) -> int:
    if client is None:
        return 1
    try:
        return max(1, len(client.scheduler_info()["workers"]))
    except Exception:  # noqa: BLE001
        return 1


def _analyse_partition(articles: Iterable[Article], comps: tuple[str, ...]) -> list[dict[str, Any]]:
    """On a worker: analyse one partition with the worker's pipeline (built on its first partition)."""
    from .build import _WORKER, _worker_init
    from .pipeline import analyse

    _worker_init(comps)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = analyse(list(articles), comps, nlp=_WORKER["nlp"], cross=False)
    return records(result)
