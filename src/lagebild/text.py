"""Language-neutral string helpers shared by the extractors and consolidation.

They live here, below both, so that consolidation never imports an extractor's internals.
"""
from __future__ import annotations

import re
import unicodedata


def within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance (adjacent transpositions count once) of at most 1.

        within_one_edit("Selenskyj", "Selenskij")  -> True
        within_one_edit("Selenskyj", "Selesnkyj")  -> True   (one transposition)
        within_one_edit("Meier", "Maurer")         -> False
    """
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0                                   # the first difference: the one edit must be made there
    while i < la and i < lb and a[i] == b[i]:
        i += 1
    if la == lb:                            # a substitution, or two neighbours swapped
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    if la > lb:                             # a deletion
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]               # an insertion


def abbreviates(short: str, word: str) -> bool:
    """A word cut short with a full stop stands for `word`: it keeps the word's first letter and others in order
    ("St." Sankt, "a." an, "d." der, "Bd." Bad), and is shorter.

        abbreviates("St.", "Sankt")  -> True
        abbreviates("St.", "Wolfgang") -> False
    """
    letters, full = short[:-1].lower(), word.lower()
    if not short.endswith(".") or not letters or full.endswith(".") or len(full) <= len(letters) or \
            full[0] != letters[0]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in letters)


def slugify(s: str | None) -> str | None:
    """A lower-case ASCII slug for keys and ids: ``Süd-Korea`` -> ``sued-korea`` (German umlauts as ae/oe/ue/ss,
    other accents dropped; ``+`` and ``:`` kept, as keys use them); None for empty text."""
    if not s:
        return None
    s = s.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9+:]+", "-", s).strip("-")
    return s or None
