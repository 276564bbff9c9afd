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


def _rows(name: str) -> list[list[str]]:
    """The rows of ``name.tsv`` (TAB-separated columns; ``#`` lines are comments)."""
    text = (HERE / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def month_names() -> tuple[str, ...]:
    """The twelve month names as written in a date ("September"), January first (months.tsv)."""
    rows = sorted(_rows("months.tsv"), key=lambda r: int(r[0]))
    if [int(r[0]) for r in rows] != list(range(1, 13)):
        raise ValueError("lang/de/months.tsv must hold the months 1-12 once each")
    return tuple(r[1] for r in rows)


@lru_cache(maxsize=1)
def month_forms() -> dict[str, int]:
    """Every spelling of a month name, casefolded -> its number (jänner -> 1)."""
    out: dict[str, int] = {}
    for r in _rows("months.tsv"):
        for form in [r[1], *(r[2].split(",") if len(r) > 2 and r[2] else [])]:
            out[form.strip().casefold()] = int(r[0])
    return out
