"""Words and compounds from the lexicon (HanTa): a word's part of speech and the head of a compound, and whether a
noun is one of a list of heads or a compound headed by one (`headed_by`: ``Stadtrat`` is a ``Rat``, ``Vorrat`` is
not). Shared by the extractors (extract/entities, extract/attribution) and the consolidation (consolidate/sources),
which may not import an extractor."""
from __future__ import annotations

from functools import lru_cache

from ..loading import loader


@lru_cache(maxsize=1)
@loader
def _hanta():
    try:
        from .hanta import FastHanoverTagger  # HanTa's tagger, its word analysis faster

        return FastHanoverTagger("morphmodel_ger.pgz")
    except Exception:  # noqa: BLE001 - without HanTa every unknown capitalised word may be a name
        return None


@lru_cache(maxsize=65536)   # every HanTa question about a word goes through here: its analysis made once
def _tags(word: str) -> list[tuple[str, float]]:
    tagger = _hanta()
    if tagger is None:
        return []
    try:
        return tagger.tag_word(word)
    except Exception:  # noqa: BLE001
        return []


def have_lexicon() -> bool:
    """Whether the lexicon (HanTa) is installed: without it every unknown capitalised word may be a name."""
    return _hanta() is not None


def word_tags(word: str) -> list[tuple[str, float]]:
    """The lexicon's readings of one word, (STTS tag, score) best first; [] without HanTa. The one memo of
    HanTa's word analysis (`_tags`) answers."""
    return _tags(word)


@lru_cache(maxsize=65536)
def word_lemma(word: str) -> str:
    """HanTa's lemma of the word's best reading (the word itself without HanTa)."""
    tags = _tags(word)
    tagger = _hanta()
    if not tags or tagger is None:
        return word
    try:  # analyze() without the tag would tag the word a second time to find it
        return tagger.analyze(word, pos=tags[0][0])[0]
    except Exception:  # noqa: BLE001
        return word


@lru_cache(maxsize=65536)
def word_tag(word: str) -> tuple[str, bool]:
    """(best STTS tag, known to the lexicon) for one word, from HanTa."""
    tags = _tags(word)
    if not tags:
        return ("NE", False)
    best, score = tags[0]
    return (best, float(score) > -25.0)


@lru_cache(maxsize=20_000)
def compound_head(word: str) -> str | None:
    """The last part of a compound as the lexicon (HanTa) splits it ('Nachbarort' -> 'ort', 'Tempelberg' ->
    'berg'); None for a word of one part ('Export') or one the lexicon cannot split."""
    tagger = _hanta()
    if tagger is None or not word.isalpha():
        return None
    word = word[:1].upper() + word[1:]
    tags = _tags(word)
    if not tags:
        return None
    try:  # analyze() without the tag would tag the word a second time to find it (as in `lemma`)
        parts = tagger.analyze(word, pos=tags[0][0], taglevel=3)[1]
    except Exception:  # noqa: BLE001
        return None
    return parts[-1][0].lower() if len(parts) >= 2 and isinstance(parts[-1], tuple) else None


SHORT_HEAD = 6       # a head of this many letters or fewer is often the end of a word that is no compound of it
OPEN_TAGS = ("NN", "NE", "ADJ", "ADV", "VV")      # STTS tags of content words (not "vor", "bei", "alles")


@lru_cache(maxsize=65536)
def headed_by(lemma: str, heads: frozenset[str]) -> bool:
    """Is the noun `lemma` (lower case) one of `heads` or a compound whose head is one of them? Matched by the
    compound's head, not by a suffix: ``Stadtrat``, ``UN-Sprecher`` yes, ``Vorrat``, ``Heirat`` (``rat``) no.
    The lexicon's split (HanTa) decides where it splits the word; where it does not, a long head (more than
    SHORT_HEAD letters: ``Innenministerium``) still counts as the head, a short one only after a content word
    the lexicon knows (`ends_in_word`: ``Stadt|rat``, ``National|rat``, ``Kreml|chef``)."""
    if lemma in heads:
        return True
    if "-" in lemma:                                   # "un-sprecher": the part after the last hyphen
        return headed_by(lemma.rsplit("-", 1)[1], heads)
    ends = [h for h in heads if lemma.endswith(h) and len(lemma) > len(h)]
    if not ends:
        return False
    split = compound_head(lemma)
    if split is not None:                              # the lexicon's head: a listed head covers it or heads it
        return any(len(h) >= len(split) and h.endswith(split) for h in ends) or (
            split != lemma and headed_by(split, heads))
    if any(len(h) > SHORT_HEAD for h in ends):
        return True
    return any(ends_in_word(lemma[: -len(h)]) for h in ends)


@lru_cache(maxsize=65536)
def ends_in_word(rest: str) -> bool:
    """Does the part before a head end in a content word the lexicon knows (``national|rat``, ``kreml|chef``, a
    linking ``s`` allowed: ``regierungs|sprecher``)? Not ``vor|rat``, ``hei|rat``, ``sozialdemok|rat``, ``insges|amt``,
    ``ver|dienst`` - nor ``landeskriminal|amt``, ``bei|rat`` (the lexicon knows no ``kriminal``; ``bei`` is a
    preposition as ``vor`` is), bodies this loses."""
    for part in (rest, rest[:-1] if rest.endswith("s") else ""):
        for k in range(len(part) - 3, -1, -1):
            piece = part[k:]
            for form in (piece[:1].upper() + piece[1:], piece):
                tag, known = word_tag(form)
                if known and tag.startswith(OPEN_TAGS) and (tag != "NE" or len(piece) > 3):   # not "Ges"
                    return True
    return False
