"""The map step apart from the build: per-article partitions (here or on Dask) give the same dossier."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from lagebild.build import build_dossier, build_from_partitions
from lagebild.partitions import analyse_on_dask, analyse_to_partitions, read_partitions
from lagebild.pipeline import read_articles
from lagebild.store.sqlite import Store

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "korridor"


def dossier(db: Path) -> dict:
    """What a dossier says: claims (with group and linked sources), groups, events, entities."""
    with Store(db) as s:
        return {
            "claims": [(c.id, c.text, c.low, c.high, c.group, [(x.name, x.entity) for x in c.sources])
                       for c in s.claims()],
            "groups": [(g.id, g.members, g.low, g.best, g.high, g.status) for g in s.groups()],
            "events": [(e.id, e.type, e.actor, e.target, e.articles, e.figures) for e in s.events()],
            "entities": [(e.id, e.name, e.type, [(m.article, m.start) for m in e.mentions]) for e in s.entities()],
            "articles": [(a.id, a.duplicate_of) for a in s.articles(text=False)],
        }


def test_partitions_build_the_dossier_build_builds(tmp_path):
    direct = tmp_path / "direct.db"
    build_dossier([DEMO], direct)
    articles, _ = read_articles([DEMO])
    files = analyse_to_partitions(articles, tmp_path / "parts", per_partition=3)
    assert len(files) == 3 and (tmp_path / "parts" / "analysed_with.json").exists()
    read, analysed, header = read_partitions(tmp_path / "parts")
    assert [a.id for a in read] == [a.id for a in articles] and header["components"]
    summary = build_from_partitions(tmp_path / "parts", tmp_path / "parts.db")
    assert summary.processed == 7 and not summary.errors, summary.describe()
    assert dossier(tmp_path / "parts.db") == dossier(direct)
    again = build_from_partitions(tmp_path / "parts", tmp_path / "parts.db")
    assert again.unchanged == 7 and again.processed == 0


def test_no_partitions_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no partitions"):
        read_partitions(tmp_path)


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask/distributed not installed")
def test_dask_local_cluster_gives_the_same_dossier(seeds_dir, tmp_path):
    """The map step on a LocalCluster of 2 worker processes, each building the pipeline once."""
    direct = tmp_path / "direct.db"
    build_dossier([seeds_dir], direct)
    articles, _ = read_articles([seeds_dir])
    files = analyse_on_dask(articles, tmp_path / "parts", scheduler="local:2", partitions=2)
    assert len(files) == 2
    summary = build_from_partitions(tmp_path / "parts", tmp_path / "dask.db")
    assert summary.processed == len(articles) and not summary.errors, summary.describe()
    assert dossier(tmp_path / "dask.db") == dossier(direct)
