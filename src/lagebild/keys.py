"""A measure's grouping key: what a figure counts, as (kind, nationality, class, action, place, year, scope).

Two claims count the same quantity where their keys agree. The measures extractor compares a part with its
whole by key and claim grouping builds its groups on keys, so the key lives here, below both.
"""
from __future__ import annotations

import re

from .model import Measure
from .text import slugify

# The class part of the growth of an economy's output, whichever noun a report names it by ("Wirtschaftswachstum",
# "BIP-Anstieg", "Wachstum" alone): extract/quantity.py reads it, consolidate/groups.py keeps other growth apart
GROWTH = "wachstum"


def key_parts(m: Measure) -> tuple[str, ...] | None:
    """(kind, nationality, class, action, place, year, scope), "-" where unknown; None for durations and ages.
    The scope is the figure's role towards other counts (SCOPES): a part, or each one's amount.

    The year is set only where the text dates a count to another year than the article's."""
    if m.kind in ("duration", "age"):
        return None
    nat, cls = "-", "-"
    if m.subject:
        if ":" in m.subject:
            nat, _, cls = m.subject.partition(":")
        elif m.kind in VICTIM_KINDS:
            nat = m.subject
        else:
            cls = m.subject
    # a force sent in 2024 is still the force counted in 2025; a year's dead or asylum requests are that year's
    year = m.time if m.time and re.fullmatch(r"\d{4}", m.time) and m.kind != "personnel" and \
        not m.kind.startswith("weapons") else "-"
    if m.time and not re.fullmatch(r"\d{4}", m.time):
        year = m.time.lower()           # "seit-1984", or the day a flow is counted for ("am Sonntag kamen 2.100 an")
    return (slugify(m.kind) or "-", slugify(nat) or "-", slugify(cls) or "-", slugify(m.action) or "-",
            slugify(m.place) or "-", year, SCOPES.get(m.scope or "", "-"))


# A scope's key part: a part of a count before it ("darunter 20 Kinder"), an amount per unit ("mit je zwei Soldaten")
SCOPES = {"part": "teil", "each": "je"}


VICTIM_KINDS = ("killed", "injured", "killed_or_injured", "killed_or_missing", "missing", "displaced", "detained",
                "people")


def slug_of(parts: tuple[str, ...]) -> str:
    """``personnel:nordkorea:soldat:planned``: the known parts, in order."""
    return ":".join(p for p in parts if p != "-")


def group_key(m: Measure) -> str | None:
    """A readable, stable slug for grouping: ``personnel:nordkorea:soldat:planned``; None for durations/ages."""
    parts = key_parts(m)
    return slug_of(parts) if parts else None
