"""The forms by which German text names a country, alliance or armed group, for figures' nationality and
place: geo's one country table (names, capital, seats), lang/de's aliases and collective actors
(lang/de/country_aliases.tsv, collective_actors.tsv), and every other country by its German name.

Read by the measures extractor (whose countries a figure counts) and by claim grouping (the same country in a
key and in a sentence), so it lives here, below both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang.de.nations import collective_actors, country_aliases
from ..text import slugify
from . import country_table, untabled_country_names


@dataclass(frozen=True)
class CountryForms:
    """How German text names one country (or alliance, armed group): the key of its measures (the slug of its
    German name: ``nordkorea``), names (capital and seats of government included), adjective stems, demonyms."""

    key: str
    adjectives: list[str]
    names: list[str]
    demonyms: list[str]


@lru_cache(maxsize=1)
def countries() -> list[CountryForms]:
    """geo's country table (names, capital, seats; lang/de's aliases), then lang/de's alliances and armed
    groups, then every other country by its pycountry German name ("darunter 1.100 aus Andorra")."""
    actors = collective_actors()
    claimed = {n for _, names, _ in actors for n in names}      # "Brüssel": the EU, not Belgium's capital
    aliases = country_aliases()
    out = []
    for c in country_table():
        names = [c.name] + [n for n in [*c.names[1:], *([c.capital] if c.capital else []), *c.seats,
                                        *aliases.get(c.iso, ())] if n != c.name]
        names = [n for n in dict.fromkeys(names) if n not in claimed]
        out.append(CountryForms(slugify(c.name) or c.name.lower(), list(c.adjectives), names, list(c.demonyms)))
    for key, actor_names, prefixes in actors:
        out.append(CountryForms(key, list(prefixes), list(actor_names), []))
    known = {n.lower() for c in out for n in c.names}
    for others in untabled_country_names().values():
        for name in others:
            if name.lower() not in known:
                known.add(name.lower())
                out.append(CountryForms(slugify(name) or name.lower(), [], [name], []))
    return out


@lru_cache(maxsize=1)
def country_forms() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern over every form (longest first) and form -> (country key, how: name, adj, prefix, demonym)."""
    forms: dict[str, tuple[str, str]] = {}
    for c in countries():
        for n in c.names:
            forms[n.lower()] = (c.key, "name")
            if not n.endswith(("s", "x", "z")) and " " not in n:
                forms[n.lower() + "s"] = (c.key, "name")
        for a in c.adjectives:
            if a.endswith("sch"):
                for e in ("", "e", "en", "er", "es", "em"):
                    forms[(a + e).lower()] = (c.key, "adj")
            else:
                forms.setdefault(a.lower(), (c.key, "prefix"))
        for d in c.demonyms:
            for f in _inflected(d):
                forms.setdefault(f, (c.key, "demonym"))
    alts = sorted(forms, key=len, reverse=True)
    rx = re.compile(r"(?<![\wÄÖÜäöüß])(" + "|".join(re.escape(a) for a in alts) + r")(?![\wÄÖÜäöüß])", re.IGNORECASE)
    return rx, forms


def demonym_key(noun: str) -> str | None:
    """``Nordkoreaner`` -> nordkorea; a capitalised ``Deutsche`` too (the noun, where the adjective has the form)."""
    _, forms = country_forms()
    hit = forms.get(noun.lower())
    if hit and hit[1] == "demonym":
        return hit[0]
    if noun[:1].isupper():
        return _demonyms().get(noun.lower())
    return None


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in countries():
        for d in c.demonyms:
            for f in _inflected(d):
                out.setdefault(f, c.key)
    return out


def _inflected(demonym: str) -> list[str]:
    """A demonym's forms, lower-cased: ``Nordkoreaner`` -> nordkoreaner, -n, -in, -innen (one ending in n: itself)."""
    endings = ("",) if demonym.endswith("n") else ("", "n", "in", "innen")
    return [(demonym + e).lower() for e in endings]
