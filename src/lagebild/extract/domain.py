"""The section of news an article is written for - its domain - read by a trained linear model over its words.

A trigger word can tell another thing in another domain: in a match report "trifft" is a goal scored and "Angriff"
a team's forwards, in a TV guide "wird entführt" is a film's plot. `article_domain` gives the section the model
reads (10kGNAD's nine: Sport, Kultur, Web, Wirtschaft, Inland, International, Panorama, Wissenschaft, Etat -
Etat is media and TV), or None where no model is packaged or the model is unsure; the events step reads an entry
flagged in lang/de/event_senses.tsv in that domain's sense (`events._read_in_domain_sense`).

The model (models/domain/weights.npz, trained by `python -m lagebild.training.domain`): softmax regression over
hashed lower-cased words, each word counted once, the vector scaled to unit length - no parse, so it reads an
article as fast as its text is split.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from . import doc_text, packaged_softmax, softmax

DIM = 1 << 16
CLASSES = ("Etat", "Inland", "International", "Kultur", "Panorama", "Sport", "Web", "Wirtschaft", "Wissenschaft")
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "domain"
_WORD = re.compile(r"[^\W\d_]{3,}")                 # a word of three letters or more (no digits, no underscore)
# The fewest distinct words the model reads a domain in: a news article has hundreds, a sentence or two - a
# headline, a test, a caption - too few for the section to show (one sentence with "traf" and "Wahl" reads as
# sport with a high probability; 10kGNAD's articles have 40 or more distinct words but for a few one-liners).
MIN_WORDS = 40


def words(text: str) -> set[str]:
    """The article's distinct words, lower-cased."""
    return {w.lower() for w in _WORD.findall(text)}


def features(text: str) -> np.ndarray:
    """The hashed indices of the article's distinct words (a word's presence, not its count: a long article
    repeats its subject's words, not more of its domain's)."""
    return np.array(sorted({zlib.crc32(w.encode("utf-8")) & (DIM - 1) for w in words(text)}), dtype=np.int64)


@dataclass(frozen=True)
class Model:
    w: np.ndarray        # DIM x classes
    b: np.ndarray        # classes
    threshold: float     # the least probability at which the model's domain is taken

    def probs(self, idx: np.ndarray) -> np.ndarray:
        z = self.w[idx].sum(axis=0) / max(np.sqrt(len(idx)), 1.0) + self.b
        return softmax(z)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Model | None:
    """The packaged weights, or None where none are packaged (every trigger then keeps its first sense)."""
    arrays = packaged_softmax(path, MODEL_DIR, (DIM, len(CLASSES)))
    return Model(*arrays) if arrays is not None else None


def domain_of_text(text: str, model: Model | None = None) -> str | None:
    """The domain the model reads in a text, None where no model is packaged or its best class is below the
    model's threshold."""
    model = model or load_model()
    if model is None:
        return None
    idx = features(text)
    if len(idx) < MIN_WORDS:
        return None
    p = model.probs(idx)
    best = int(p.argmax())
    return CLASSES[best] if p[best] >= model.threshold else None


def article_domain(doc: Doc) -> str | None:
    """The article's domain (`domain_of_text` of its whole text), read once per Doc."""
    key = "_lagebild_domain"
    if key not in doc.user_data:
        doc.user_data[key] = domain_of_text(doc_text(doc))
    return doc.user_data[key]
