"""Sources as entities across the articles of a story: one key per speaking body or person, so that a
figures page can filter by source and count independent sources.

`source_key(source, place)` names the body a source stands for: a well-known body by the alias table
(``lang/de/body_aliases.tsv``: ``UN-Flüchtlingshilfswerk`` = ``UNHCR``); else its head noun with the place
it belongs to (``Polizei Rheinland-Pfalz`` = ``die rheinland-pfälzische Polizei`` after the place is read;
a bare ``die Polizei`` takes the story's place where one is given); a linked entity keeps its entity id.
`independent_sources(claims)` counts distinct keys: the same body quoted by several articles (an
agency's wire copy printed by many outlets) counts once, and a relaying outlet is no source of its own.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lang.de import table, words
from ..nlp.compounds import headed_by


def _norm(text: str) -> str:
    text = re.sub(r"^(der|die|das|des|dem|den)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, aliases in table("body_aliases").items():
        out[_norm(canonical)] = canonical
        for alias in aliases:
            out[_norm(alias)] = canonical
    return out


def _place_of(name: str) -> str | None:
    """A place named in the source's name ("Polizei Rheinland-Pfalz", "Sprecher der Polizei Freyung")."""
    from ..geo import geocode

    for word in re.findall(r"[A-ZÄÖÜ][\w\-]+", name):
        if headed_by(word.lower(), words("speaking_nouns")):
            continue
        place = geocode(word)
        if place is not None:
            return place.name
    return None


def source_key(name: str, entity: str | None = None, place: str | None = None) -> str:
    """The body or person a source name stands for, as a key shared across articles."""
    if entity:
        return f"entity:{entity}"
    norm = _norm(name)
    alias = _aliases().get(norm)
    if alias is None:
        alias = next((c for a, c in _aliases().items() if len(a) > 5 and a in norm), None)
    if alias is not None:
        return f"body:{alias}"
    body = next((w for w in re.findall(r"[\wÄÖÜäöüß\-]+", norm)
                 if headed_by(w, words("speaking_nouns"))), None)
    if body is None:
        return f"name:{norm}"
    where = _place_of(name) or place
    return f"body:{body}" + (f"@{where}" if where else "")


def independent_sources(claims: Iterable, place: str | None = None) -> dict[str, int]:
    """Distinct sources over claims: key -> number of claims; a wire copy repeated by several articles
    and a source relayed by several outlets count as one key each."""
    counts: dict[str, int] = {}
    for c in claims:
        for s in getattr(c, "sources", None) or ():
            if not s.name:
                continue
            k = source_key(s.name, s.entity, place)
            counts[k] = counts.get(k, 0) + 1
    return counts
