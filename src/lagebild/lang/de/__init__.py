"""The German lexicon: word lists as data files, one word (or lemma) a line, ``#`` starts a comment.

Each list exists once; extractors and consolidation read them through `words` (a frozenset, cached) or
`table` (tab-separated rows). Lists hold lemmas where the reader compares lemmas of the parse.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _lines(name: str) -> list[str]:
    path = HERE / f"{name}.txt"
    if not path.exists():
        path = HERE / f"{name}.tsv"
    if not path.exists():
        raise FileNotFoundError(f"lagebild.lang.de: no word list {name!r} ({path})")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The list `name` (lang/de/<name>.txt) as a set of lower-case entries."""
    return frozenset(w.lower() for w in _lines(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated list `name` as rows of stripped cells."""
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in _lines(name))
