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


# Inflected adjectives up to a noun: a scope word before them modifies an attribute ("der weltweit größten
# Pilgerfahrt"), not the clause's count
_ATTRIBUTE_AFTER = re.compile(r"\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)+[A-ZÄÖÜ]")


# ... and stands after an article ("der weltweit größten"; not "Weltweit gaben die Unternehmen", a verb and an article)
_ARTICLE_BEFORE = re.compile(r"\b(?:der|die|das|den|dem|des|eine?[mnrs]?|ihre?[mnrs]?|seine?[mnrs]?)\s+$",
                             re.IGNORECASE)


def area_of(text: str) -> str | None:
    """The area a scope word of text names itself ("weltweit": welt), if any - not one said of an attribute."""
    return next((area for area in AREAS for m in scope_pattern(area).finditer(text)
                 if not (_ARTICLE_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                         and _ATTRIBUTE_AFTER.match(text, m.end()))), None)
