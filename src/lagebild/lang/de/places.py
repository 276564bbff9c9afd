"""Loader of ``place_types.tsv``: nouns that say what kind of place the name after them is."""
from __future__ import annotations

from functools import lru_cache

from .event_words import _rows


@lru_cache(maxsize=1)
def place_types() -> dict[str, str]:
    """noun -> kind of place it names (place_types.tsv: facility, site, island, region)."""
    return {noun: kind for noun, kind in _rows("place_types.tsv")}


def place_type(word: str) -> str | None:
    """The kind of place a noun (or a compound ending in one: Konzerthalle) introduces."""
    low = word.lower()
    types = place_types()
    if low in types:
        return types[low]
    for k in range(3, len(low) - 2):
        if low[k:] in types and len(low) - k >= 4:
            return types[low[k:]]
    return None
