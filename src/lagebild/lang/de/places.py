"""Loader of ``place_types.tsv``: nouns that say what kind of place the name after them is."""
from __future__ import annotations

from functools import lru_cache

from .event_words import _rows


@lru_cache(maxsize=1)
def place_types() -> dict[str, str]:
    """noun -> kind of place it names (place_types.tsv: facility, site, island, region)."""
    return {noun: kind for noun, kind in _rows("place_types.tsv")}


def place_type(word: str) -> str | None:
    """The kind of place a noun (or a compound ending in one: Konzerthalle) introduces; a plural
    with an ending introduces a list of them ("in den Provinzen X und Y", "die Inseln", "die Bezirke")."""
    low = word.lower()
    kind = _singular_type(low)
    if kind is None:
        for ending in PLURAL_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                kind = _singular_type(low[:-len(ending)])
                if kind is not None:
                    break
    return kind


def singular_place_type(word: str) -> str | None:
    """The kind of place a noun in the singular (or a compound ending in one) introduces: 'Ostbahnhof' -> site;
    not a name that only ends like a plural of one ('Traiskirchen', 'Neukirchen')."""
    return _singular_type(word.lower())


def plural_place_noun(word: str) -> bool:
    """'Provinzen', 'Inseln', 'Bezirke': a type noun in the plural, so a list of names follows."""
    low = word.lower()
    return _singular_type(low) is None and place_type(low) is not None


# German plural endings (umlaut plurals such as Städte are not read): Provinz-en, Insel-n, Bezirk-e, Club-s
PLURAL_ENDINGS = ("en", "n", "e", "s")


@lru_cache(maxsize=65536)   # asked of every capitalised word by several entity rules; the table never changes
def _singular_type(low: str) -> str | None:
    types = place_types()
    if low in types:
        return types[low]
    for k in range(3, len(low) - 2):
        if low[k:] in types and len(low) - k >= 4:
            return types[low[k:]]
    return None
