"""The German lexicon: word lists as data files beside this loader, each list once.

`words(name)` reads ``name.txt`` (one entry a line, ``#`` starts a comment) as a frozenset of lower-case
entries; `table(name)` reads ``name.tsv`` (key TAB entry) as key -> frozenset of entries.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _lines(path: Path) -> list[str]:
    if not path.exists():
        raise FileNotFoundError(f"lang/de: no word list {path.name} in {HERE}")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The entries of ``name.txt``, lower case."""
    return frozenset(line.lower() for line in _lines(HERE / f"{name}.txt"))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, frozenset[str]]:
    """``name.tsv`` as key -> entries (lower case); a key may have several lines."""
    out: dict[str, set[str]] = {}
    for n, line in enumerate(_lines(HERE / f"{name}.tsv"), 1):
        key, sep, rest = line.partition("\t")
        if not sep:
            raise ValueError(f"lang/de/{name}.tsv:{n}: expected KEY<TAB>ENTRIES, got {line!r}")
        out.setdefault(key.strip(), set()).update(w.strip().lower() for w in rest.split(",") if w.strip())
    return {k: frozenset(v) for k, v in out.items()}
