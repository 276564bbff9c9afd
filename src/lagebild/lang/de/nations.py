"""Loaders of ``country_aliases.tsv`` and ``collective_actors.tsv``: forms that name a state or an armed
group beyond geo's country table. Entries keep their case (a name is written capitalised)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in HERE.joinpath(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def _forms(cell: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in cell.split(",") if f.strip())


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, tuple[str, ...]]:
    """ISO code -> further forms naming that country's state (Bundeswehr -> DE)."""
    out: dict[str, tuple[str, ...]] = {}
    for iso, forms in _rows("country_aliases.tsv"):
        out[iso] = out.get(iso, ()) + _forms(forms)
    return out


@lru_cache(maxsize=1)
def collective_actors() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(key, names, hyphen prefixes without the hyphen) of alliances, unions and armed groups, in file order."""
    return tuple((key, _forms(names), tuple(p.rstrip("-") for p in _forms(prefixes)))
                 for key, names, prefixes in _rows("collective_actors.tsv"))
