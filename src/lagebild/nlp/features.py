"""Lexicon flags for the tok2vec: what a German lexicon knows about a word form.

German capitalises every noun, so a capital letter says little about a name;
with 2,000 gold sentences the NER cannot learn which capitalised words are
names. A lexicon can tell: HanTa's (trained on TIGER news) knows "Merkel" and
"Siemens" only as proper nouns (NE), "Anzeige" and "Bundestag" as common words,
and our place gazetteer knows 50,000 places. Each fact is a spaCy lexeme flag
(``FLAG20``..``FLAG22``) that the tok2vec embeds next to NORM/PREFIX/SUFFIX/SHAPE
(``attrs`` in the config), so the flags are features, not rules.

The flags are looked up in a word table shipped with the package
(``word_flags.json.gz``, built by ``python -m lagebild.training features``
from spacy-lookups-data's most probable German forms, HanTa and the gazetteer:
never from the training or test corpora, so a word's flags do not depend on
whether it was seen in training). A pipeline whose config names the
``lagebild.word_flags.v1`` callback sets them when it is created.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

from spacy import attrs
from spacy.language import Language
from spacy.util import registry

TABLE = Path(__file__).resolve().parent / "word_flags.json.gz"

# flag name -> spaCy lexeme flag id (FLAG19.. are free for users)
FLAGS = {"known_name": attrs.FLAG20, "known_word": attrs.FLAG21, "place": attrs.FLAG22}


@lru_cache(maxsize=1)
def word_sets(path: str = str(TABLE)) -> dict[str, frozenset[str]]:
    """The shipped word table: flag name -> the forms that carry it (empty sets if absent)."""
    p = Path(path)
    if not p.exists():
        return {name: frozenset() for name in FLAGS}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        data = json.load(f)
    return {name: frozenset(data.get(name, ())) for name in FLAGS}


def add_flags(nlp: Language) -> Language:
    """Set the lexicon flags on ``nlp.vocab`` (new lexemes get them as they are created)."""
    sets = word_sets()
    for name, flag in FLAGS.items():
        words = sets[name]
        nlp.vocab.add_flag(words.__contains__, flag_id=flag)
    return nlp


@registry.callbacks("lagebild.word_flags.v1")
def make_word_flags():
    """``[nlp.after_creation]`` callback: the lexicon flags on the new pipeline's vocab."""
    return add_flags


def build_table(words: list[str], place_names: list[str], out: Path = TABLE, threshold: float = -25.0) -> dict:
    """Flag ``words`` with HanTa: ``known_name`` where its best reading is NE, ``known_word``
    where it knows a reading other than NE (its guesses for unknown forms score far below
    ``threshold``); ``place`` for the gazetteer's names. Writes ``out``; returns counts."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    known_name, known_word = set(), set()
    for w in words:
        if not w[:1].isalpha():
            continue
        readings = [(t, lp) for t, lp in tagger.tag_word(w, cutoff=5) if lp > threshold]
        if readings and readings[0][0] == "NE":
            known_name.add(w)
        if any(t != "NE" for t, _ in readings):
            known_word.add(w)
    data = {"known_name": sorted(known_name), "known_word": sorted(known_word),
            "place": sorted(set(place_names))}
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    word_sets.cache_clear()
    return {k: len(v) for k, v in data.items()}
