"""Loader of ``scope_phrases.tsv``: phrases that make a figure a total over a wider area than its place."""
from __future__ import annotations

import re
from functools import lru_cache

from . import table


@lru_cache(maxsize=None)
def scope_pattern(kind: str) -> re.Pattern:
    """A case-blind pattern for the phrases of one kind ("wide", "nationwide"), whole words, "*" one word."""
    phrases = sorted(table("scope_phrases")[kind], key=len, reverse=True)
    alts = [re.escape(p).replace(r"\*", r"\w+") for p in phrases]
    return re.compile(r"\b(" + "|".join(alts) + r")\b", re.IGNORECASE)


AREAS = ("welt", "europa")          # the kinds of scope_phrases.tsv that name their area


def area_of(text: str) -> str | None:
    """The area a scope word of text names itself ("weltweit": welt), if any."""
    return next((area for area in AREAS if scope_pattern(area).search(text)), None)
