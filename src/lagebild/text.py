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
    if abs(len(a) - len(b)) > 1:
        return False
    la, lb = len(a), len(b)
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[lb] <= 1


def slugify(s: str | None) -> str | None:
    """A lower-case ASCII slug for keys and ids: ``Süd-Korea`` -> ``sued-korea`` (German umlauts as ae/oe/ue/ss,
    other accents dropped; ``+`` and ``:`` kept, as keys use them); None for empty text."""
    if not s:
        return None
    s = s.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9+:]+", "-", s).strip("-")
    return s or None
