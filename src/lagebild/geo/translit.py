"""German transliteration of Cyrillic names (Duden rules) and a spelling-neutral key.

German news writes Ukrainian and Russian places and people the German way
(Saporischschja, Tschernihiw, Schoigu), which English-centred gazetteers do not
list. Transliterating the gazetteer's Cyrillic names with the Duden rules gives
those forms without a hand-made list.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_COMMON = {
    "а": "a", "б": "b", "в": "w", "д": "d", "ж": "sch", "з": "s", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch",
    "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ь": "", "ъ": "", "ю": "ju", "я": "ja",
    "'": "", "’": "", "ʼ": "",
}
_RU = {**_COMMON, "г": "g", "е": "e", "ё": "jo", "и": "i", "й": "i", "ы": "y", "э": "e"}
_UK = {**_COMMON, "г": "h", "ґ": "g", "е": "e", "є": "je", "и": "y", "і": "i", "ї": "ji", "й": "j"}
_VOWELS = set("аеёиоуыэюяєіїАЕЁИОУЫЭЮЯЄІЇ")


def _one(word: str, table: dict[str, str], russian: bool) -> str:
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        prev = word[i - 1] if i else ""
        if russian and low == "е" and (not prev or prev in _VOWELS or prev.lower() in "ьъ"):
            rep = "je"                                      # Duden: е is je at the start and after vowels
        elif low == "с" and prev and prev in _VOWELS and i + 1 < len(word) and word[i + 1] in _VOWELS:
            rep = "ss"                                      # voiceless s between vowels
        else:
            rep = table.get(low, ch if not ("\u0400" <= ch <= "\u04ff") else "")
        if ch.isupper() and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
    return "".join(out)


def cyrillic_to_german(text: str, language: str = "ru") -> str:
    """'Запоріжжя' -> 'Saporischschja' (uk), 'Шойгу' -> 'Schoigu' (ru)."""
    russian = language != "uk"
    table = _RU if russian else _UK
    return re.sub(r"[\u0400-\u04ff'’ʼ]+", lambda m: _one(m.group(0), table, russian), text)


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def fold(text: str) -> str:
    """Lowercase without diacritics; ß -> ss."""
    text = text.replace("ß", "ss").replace("ẞ", "ss")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


_KEY_RULES = [
    (r"[-‐‑–'’ʼ.]", " "), (r"tsch", "ch"), (r"sch", "sh"), (r"zh", "sh"), (r"kh", "ch"), (r"tz", "z"),
    (r"ts", "z"), (r"ck", "k"), (r"w", "v"), (r"ph", "f"), (r"ie", "i"), (r"ij|yj|iy|yi|ji|jy", "i"),
    (r"j", "i"), (r"y", "i"), (r"ei", "ai"), (r"ou", "u"), (r"(.)\1", r"\1"), (r"\s+", " "),
]


_KEY_RX = [(re.compile(pattern), rep) for pattern, rep in _KEY_RULES]


@functools.lru_cache(maxsize=262144)
def key(name: str) -> str:
    """A spelling-neutral key: 'Kim Jong-un' == 'Kim Jong Un', 'Sergej' == 'Sergei', 'Selenskyj' == 'Selensky'.
    (Cached: the entity rules and resolution ask it of the same words again and again.)"""
    k = fold(name)
    for rx, rep in _KEY_RX:
        k = rx.sub(rep, k)
    return k.strip()
