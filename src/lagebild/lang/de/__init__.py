"""The German lexicon: word lists as data files, each list once, and small loaders for them."""
from __future__ import annotations

from functools import cache
from importlib import resources

HERE = resources.files(__name__)


def _rows(name: str) -> list[list[str]]:
    text = HERE.joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def month_names() -> tuple[str, ...]:
    """The twelve month names as written in a date ("September"), January first."""
    rows = sorted(_rows("months.tsv"), key=lambda r: int(r[0]))
    if [int(r[0]) for r in rows] != list(range(1, 13)):
        raise ValueError("lang/de/months.tsv must hold the months 1-12 once each")
    return tuple(r[1] for r in rows)


@cache
def month_forms() -> dict[str, int]:
    """Every spelling of a month name, casefolded -> its number (jänner -> 1)."""
    out: dict[str, int] = {}
    for r in _rows("months.tsv"):
        for form in [r[1], *(r[2].split(",") if len(r) > 2 and r[2] else [])]:
            out[form.strip().casefold()] = int(r[0])
    return out
